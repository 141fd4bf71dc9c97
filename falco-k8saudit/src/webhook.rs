//! The audit webhook: the Kubernetes API server POSTs `EventList`s to it.
//!
//! As the k8saudit plugin: `POST` to the configured path (`/k8s-audit`) with
//! a JSON content type, the body an `EventList` (or an `Event`, or an array
//! of them), HTTPS with a PEM file that holds both the certificate and its
//! key (the plugin's `sslCertificate`), bodies up to `webhookMaxBatchSize`.
//!
//! Better than the plugin: a request is answered only once its events are
//! queued, so a `200` means nothing is lost, and every refusal says why:
//!
//! | what | answer |
//! |---|---|
//! | events queued | `200 OK` |
//! | body not JSON, or not audit events | `400 Bad Request` with the parser's message |
//! | another path | `404 Not Found` |
//! | not `POST` | `405 Method Not Allowed` (`GET method not allowed`) |
//! | client too slow to send its request | `408 Request Timeout` |
//! | no `Content-Length` (chunked bodies are not read) | `411 Length Required` |
//! | body over the limit (checked before it is read) | `413 Payload Too Large` |
//! | content type without `application/json` | `415 Unsupported Media Type` (`wrong Content Type`) |
//! | headers over 64 KiB | `431 Request Header Fields Too Large` |
//! | event queue full, or too many connections | `503 Service Unavailable` with `Retry-After: 1` |
//!
//! Memory is bounded: the queue holds at most `queue_capacity` batches of at
//! most `max_body` bytes each, and at most `max_connections` connections
//! are served at once.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::event::{AuditEvent, Batch, DEFAULT_MAX_EVENT_SIZE};
use crate::input::DEFAULT_PORT;

/// The plugin's default `webhookMaxBatchSize`: 12 MiB.
pub const DEFAULT_MAX_BODY: usize = 12 * 1024 * 1024;
/// The plugin's default `sslCertificate`.
pub const DEFAULT_SSL_CERTIFICATE: &str = "/etc/falco/falco.pem";
const MAX_HEADER: usize = 64 * 1024;

/// How the webhook listens and what it accepts.
#[derive(Clone, Debug)]
pub struct WebhookConfig {
    /// The address to listen on (default `0.0.0.0:9765`).
    pub addr: SocketAddr,
    /// The path events are posted to (default `/k8s-audit`).
    pub path: String,
    /// Serve HTTPS with this PEM file (certificate chain and private key in
    /// one file, as the plugin's `sslCertificate`).
    pub tls_pem: Option<PathBuf>,
    /// The largest body accepted, in bytes (`webhookMaxBatchSize`).
    pub max_body: usize,
    /// The largest event kept, in bytes (`maxEventSize`).
    pub max_event_size: usize,
    /// The most connections served at once.
    pub max_connections: usize,
    /// How long a client may take to send one request, headers and body.
    pub request_timeout: Duration,
    /// How long an idle keep-alive connection stays open.
    pub idle_timeout: Duration,
}

impl Default for WebhookConfig {
    fn default() -> WebhookConfig {
        WebhookConfig {
            addr: SocketAddr::from(([0, 0, 0, 0], DEFAULT_PORT)),
            path: "/k8s-audit".into(),
            tls_pem: None,
            max_body: DEFAULT_MAX_BODY,
            max_event_size: DEFAULT_MAX_EVENT_SIZE,
            max_connections: 64,
            request_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
        }
    }
}

/// Why the webhook could not start.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    /// The address could not be bound.
    #[error("could not listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The error.
        source: io::Error,
    },
    /// The certificate file could not be read or used.
    #[error("TLS certificate {}: {reason}", path.display())]
    Tls {
        /// The PEM file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// Counters of what the webhook received; read them at any time.
#[derive(Debug, Default)]
pub struct WebhookStats {
    /// Requests answered `200`.
    pub accepted_requests: AtomicU64,
    /// Events queued.
    pub accepted_events: AtomicU64,
    /// Events of accepted requests that were skipped (no `stageTimestamp`,
    /// over `maxEventSize`).
    pub skipped_events: AtomicU64,
    /// Requests refused with a 4xx answer.
    pub rejected_requests: AtomicU64,
    /// Requests refused with `503` (queue full, too many connections).
    pub unavailable_requests: AtomicU64,
}

/// A running webhook; stops when dropped (or with [`Webhook::stop`]).
#[derive(Debug)]
pub struct Webhook {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    stats: Arc<WebhookStats>,
    thread: Option<JoinHandle<()>>,
}

/// An HTTP answer.
struct Answer {
    status: u16,
    reason: &'static str,
    body: String,
    retry_after: bool,
    close: bool,
}

impl Answer {
    fn new(status: u16, reason: &'static str, body: impl Into<String>) -> Answer {
        Answer {
            status,
            reason,
            body: body.into(),
            retry_after: status == 503,
            close: false,
        }
    }
    fn closing(mut self) -> Answer {
        self.close = true;
        self
    }
}

struct Shared {
    cfg: WebhookConfig,
    tls: Option<TlsConfig>,
    queue: SyncSender<Vec<AuditEvent>>,
    stats: Arc<WebhookStats>,
    connections: AtomicUsize,
    stop: Arc<AtomicBool>,
}

/// The server's TLS settings (with the `tls` feature).
#[cfg(feature = "tls")]
type TlsConfig = Arc<rustls::ServerConfig>;
/// Without the `tls` feature no TLS setting can exist.
#[cfg(not(feature = "tls"))]
type TlsConfig = std::convert::Infallible;

#[cfg(not(feature = "tls"))]
fn load_tls(path: &Path) -> Result<TlsConfig, WebhookError> {
    Err(WebhookError::Tls {
        path: path.to_path_buf(),
        reason: "this build has no TLS (the falco-k8saudit crate's `tls` feature is off)".into(),
    })
}

#[cfg(feature = "tls")]
fn load_tls(path: &Path) -> Result<TlsConfig, WebhookError> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let err = |reason: String| WebhookError::Tls {
        path: path.to_path_buf(),
        reason,
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(|e| err(e.to_string()))?
        .collect::<Result<_, _>>()
        .map_err(|e| err(e.to_string()))?;
    if certs.is_empty() {
        return Err(err("no CERTIFICATE block in the file".into()));
    }
    let key = PrivateKeyDer::from_pem_file(path)
        .map_err(|e| err(format!("no usable private key: {e}")))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| err(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| err(e.to_string()))?;
    Ok(Arc::new(config))
}

impl Webhook {
    /// Starts listening; each accepted request's events are sent on `queue`
    /// as one batch. A full queue answers `503`, so the channel's bound is
    /// the webhook's memory bound.
    pub fn start(
        cfg: WebhookConfig,
        queue: SyncSender<Vec<AuditEvent>>,
    ) -> Result<Webhook, WebhookError> {
        let tls = cfg.tls_pem.as_deref().map(load_tls).transpose()?;
        let listener = TcpListener::bind(cfg.addr).map_err(|source| WebhookError::Bind {
            addr: cfg.addr,
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| WebhookError::Bind {
            addr: cfg.addr,
            source,
        })?;
        let stop = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(WebhookStats::default());
        let shared = Arc::new(Shared {
            cfg,
            tls,
            queue,
            stats: stats.clone(),
            connections: AtomicUsize::new(0),
            stop: stop.clone(),
        });
        let thread = std::thread::Builder::new()
            .name("k8saudit-webhook".into())
            .spawn(move || accept_loop(listener, shared))
            .map_err(|source| WebhookError::Bind { addr, source })?;
        Ok(Webhook {
            addr,
            stop,
            stats,
            thread: Some(thread),
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The counters.
    pub fn stats(&self) -> &WebhookStats {
        &self.stats
    }

    /// Stops accepting connections and waits for the accept thread.
    /// Connections being served finish their current request.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept.
        let wake = if self.addr.ip().is_unspecified() {
            SocketAddr::new(
                if self.addr.is_ipv4() {
                    [127, 0, 0, 1].into()
                } else {
                    std::net::Ipv6Addr::LOCALHOST.into()
                },
                self.addr.port(),
            )
        } else {
            self.addr
        };
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Webhook {
    fn drop(&mut self) {
        self.stop();
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for conn in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = conn else { continue };
        if shared.connections.fetch_add(1, Ordering::SeqCst) >= shared.cfg.max_connections {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            shared
                .stats
                .unavailable_requests
                .fetch_add(1, Ordering::Relaxed);
            // Plain HTTP only: a TLS client would need a handshake first.
            if shared.tls.is_none() {
                let mut s = stream;
                let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
                let _ = write_answer(
                    &mut s,
                    &Answer::new(503, "Service Unavailable", "too many connections\n").closing(),
                );
            }
            continue;
        }
        let shared2 = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("k8saudit-conn".into())
            .spawn(move || {
                serve_connection(stream, &shared2);
                shared2.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn serve_connection(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(shared.cfg.request_timeout));
    match &shared.tls {
        None => serve_requests(stream.try_clone().ok(), stream, shared),
        #[cfg(not(feature = "tls"))]
        Some(never) => match *never {},
        #[cfg(feature = "tls")]
        Some(cfg) => {
            let Ok(conn) = rustls::ServerConnection::new(cfg.clone()) else {
                return;
            };
            let raw = stream.try_clone().ok();
            let tls = rustls::StreamOwned::new(conn, stream);
            serve_requests(raw, tls, shared);
        }
    }
}

/// Reads until `buf` has `want` more bytes than `have`, or EOF; fails past
/// the deadline.
enum ReadEnd {
    Eof,
    Timeout,
    Error,
}

fn read_some<S: Read>(
    s: &mut S,
    raw: Option<&TcpStream>,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> Result<usize, ReadEnd> {
    let now = Instant::now();
    if now >= deadline {
        return Err(ReadEnd::Timeout);
    }
    if let Some(raw) = raw {
        let _ = raw.set_read_timeout(Some((deadline - now).max(Duration::from_millis(1))));
    }
    let mut chunk = [0u8; 16 * 1024];
    match s.read(&mut chunk) {
        Ok(0) => Err(ReadEnd::Eof),
        Ok(n) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(n)
        }
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            Err(ReadEnd::Timeout)
        }
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(0),
        Err(_) => Err(ReadEnd::Error),
    }
}

fn serve_requests<S: Read + Write>(raw: Option<TcpStream>, mut s: S, shared: &Shared) {
    let cfg = &shared.cfg;
    let mut buf: Vec<u8> = Vec::new();
    loop {
        // Headers: wait up to the idle timeout for the first byte, then the
        // request timeout for the whole request.
        let idle_deadline = Instant::now() + cfg.idle_timeout;
        let mut deadline = None;
        let head_len;
        let (method, path, content_type, length, chunked, keep_alive);
        loop {
            if !buf.is_empty() && deadline.is_none() {
                deadline = Some(Instant::now() + cfg.request_timeout);
            }
            let mut headers = [httparse::EMPTY_HEADER; 64];
            let mut req = httparse::Request::new(&mut headers);
            match req.parse(&buf) {
                Ok(httparse::Status::Complete(n)) => {
                    head_len = n;
                    method = req.method.unwrap_or("").to_string();
                    path = req.path.unwrap_or("").to_string();
                    let header = |name: &str| {
                        req.headers
                            .iter()
                            .find(|h| h.name.eq_ignore_ascii_case(name))
                            .map(|h| String::from_utf8_lossy(h.value).into_owned())
                    };
                    content_type = header("content-type").unwrap_or_default();
                    length = header("content-length");
                    chunked = header("transfer-encoding")
                        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
                    let conn = header("connection")
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    keep_alive = if req.version == Some(0) {
                        conn.contains("keep-alive")
                    } else {
                        !conn.contains("close")
                    };
                    break;
                }
                Ok(httparse::Status::Partial) => {
                    if buf.len() > MAX_HEADER {
                        let a = Answer::new(
                            431,
                            "Request Header Fields Too Large",
                            "request headers over 64 KiB\n",
                        );
                        reject(&mut s, shared, a.closing());
                        return;
                    }
                }
                Err(e) => {
                    reject(
                        &mut s,
                        shared,
                        Answer::new(400, "Bad Request", format!("bad request: {e}\n")).closing(),
                    );
                    return;
                }
            }
            match read_some(
                &mut s,
                raw.as_ref(),
                &mut buf,
                deadline.unwrap_or(idle_deadline),
            ) {
                Ok(_) => {}
                Err(ReadEnd::Timeout) if deadline.is_some() => {
                    let a = Answer::new(408, "Request Timeout", "request not received in time\n");
                    reject(&mut s, shared, a.closing());
                    return;
                }
                Err(_) => return,
            }
        }
        let deadline = deadline.unwrap_or_else(|| Instant::now() + cfg.request_timeout);

        // Checks that need no body.
        let route = path.split('?').next().unwrap_or("");
        let early = if route != cfg.path {
            Some(Answer::new(
                404,
                "Not Found",
                format!(
                    "no such endpoint {route}: post audit events to {}\n",
                    cfg.path
                ),
            ))
        } else if method != "POST" {
            Some(Answer::new(
                405,
                "Method Not Allowed",
                format!("{method} method not allowed\n"),
            ))
        } else if !content_type.contains("application/json") {
            Some(Answer::new(
                415,
                "Unsupported Media Type",
                format!("wrong Content Type {content_type:?}: send application/json\n"),
            ))
        } else if chunked {
            Some(Answer::new(
                411,
                "Length Required",
                "chunked bodies are not accepted: send a Content-Length\n",
            ))
        } else {
            match length.as_deref().map(str::trim).map(str::parse::<usize>) {
                None => Some(Answer::new(411, "Length Required", "send a Content-Length\n")),
                Some(Err(_)) => Some(Answer::new(400, "Bad Request", "bad request: invalid Content-Length\n")),
                Some(Ok(n)) if n > cfg.max_body => Some(Answer::new(
                    413,
                    "Payload Too Large",
                    format!("request body too large: {n} bytes, the limit is {} bytes (webhookMaxBatchSize)\n", cfg.max_body),
                )),
                Some(Ok(_)) => None,
            }
        };
        let body_len: usize = length
            .as_deref()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0);
        if let Some(a) = early {
            // The body, if any, is not read: the connection cannot be reused.
            reject(&mut s, shared, a.closing());
            return;
        }

        // The body.
        while buf.len() < head_len + body_len {
            match read_some(&mut s, raw.as_ref(), &mut buf, deadline) {
                Ok(_) => {}
                Err(ReadEnd::Timeout) => {
                    let a = Answer::new(
                        408,
                        "Request Timeout",
                        "request body not received in time\n",
                    );
                    reject(&mut s, shared, a.closing());
                    return;
                }
                Err(_) => return,
            }
        }
        let body = &buf[head_len..head_len + body_len];
        let answer = match Batch::from_payload(body, cfg.max_event_size) {
            Err(e) => {
                shared
                    .stats
                    .rejected_requests
                    .fetch_add(1, Ordering::Relaxed);
                Answer::new(400, "Bad Request", format!("bad request: {e}\n"))
            }
            Ok(batch) => {
                let n = batch.events.len() as u64;
                let skipped = batch.skipped.len() as u64;
                match shared.queue.try_send(batch.events) {
                    Ok(()) => {
                        let st = &shared.stats;
                        st.accepted_requests.fetch_add(1, Ordering::Relaxed);
                        st.accepted_events.fetch_add(n, Ordering::Relaxed);
                        st.skipped_events.fetch_add(skipped, Ordering::Relaxed);
                        Answer::new(200, "OK", "")
                    }
                    Err(TrySendError::Full(_)) => {
                        shared
                            .stats
                            .unavailable_requests
                            .fetch_add(1, Ordering::Relaxed);
                        Answer::new(
                            503,
                            "Service Unavailable",
                            "event queue full, retry later\n",
                        )
                    }
                    Err(TrySendError::Disconnected(_)) => {
                        shared
                            .stats
                            .unavailable_requests
                            .fetch_add(1, Ordering::Relaxed);
                        Answer::new(503, "Service Unavailable", "shutting down\n").closing()
                    }
                }
            }
        };
        buf.drain(..head_len + body_len);
        let close = answer.close || !keep_alive || shared.stop.load(Ordering::SeqCst);
        let answer = if close { answer.closing() } else { answer };
        if write_answer(&mut s, &answer).is_err() || close {
            return;
        }
    }
}

fn reject<S: Write>(s: &mut S, shared: &Shared, a: Answer) {
    let counter = if a.status == 503 {
        &shared.stats.unavailable_requests
    } else {
        &shared.stats.rejected_requests
    };
    counter.fetch_add(1, Ordering::Relaxed);
    let _ = write_answer(s, &a);
}

fn write_answer<S: Write>(s: &mut S, a: &Answer) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n",
        a.status,
        a.reason,
        a.body.len()
    );
    if a.retry_after {
        head.push_str("Retry-After: 1\r\n");
    }
    if a.close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    s.write_all(a.body.as_bytes())?;
    s.flush()
}

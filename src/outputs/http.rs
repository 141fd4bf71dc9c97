//! `http_output`: each alert POSTed to a URL, as Falco does with libcurl.
//!
//! The body is the alert line as `json_output` formats it, with
//! `Content-Type: application/json` for JSON and `text/plain` otherwise (so
//! Falcosidekick, which reads JSON, needs `json_output: true`, as with
//! Falco). The `User-Agent` is the configured one (`falcosecurity/falco`).
//!
//! `http://` goes over plain TCP; `https://` over TLS with rustls (no
//! OpenSSL). The server certificate is checked against `ca_cert` if set,
//! else `ca_bundle`, else the certificates in the `ca_path` directory (as
//! libcurl's `CAINFO`/`CAPATH`); `insecure: true` checks nothing. With
//! `mtls: true` the client presents `client_cert` with `client_key` (PEM).
//! `compress_uploads` gzips the body (`Content-Encoding: gzip`).
//! `keep_alive` reuses one connection for every alert; otherwise each alert
//! opens a connection and closes it (`Connection: close`). A timeout is
//! retried up to `max_consecutive_timeouts` times. `echo` prints the
//! server's response body on stdout.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
#[cfg(feature = "tls")]
use std::path::Path;
#[cfg(feature = "tls")]
use std::sync::Arc;
use std::time::Duration;

use super::{Message, Output};
use crate::config;

/// How long connecting, sending and receiving may each take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The most response bytes read (headers or body).
const MAX_RESPONSE: u64 = 1 << 20;

/// Where alerts go: a parsed `http://` or `https://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpTarget {
    /// `https://`: TLS.
    pub tls: bool,
    /// The host name or address (IPv6 without brackets).
    pub host: String,
    /// The port (80, or 443 for `https://`, when the URL has none).
    pub port: u16,
    /// The path and query (`/` when the URL has none).
    pub path: String,
    /// The `Host` header value.
    pub host_header: String,
}

impl HttpTarget {
    /// Parses an `http[s]://host[:port][/path]` URL. Surrounding quotes are
    /// removed, as Falco does. Other schemes are errors.
    pub fn parse(url: &str) -> Result<HttpTarget, String> {
        let u = url.trim();
        let u = match (u.chars().next(), u.chars().last()) {
            (Some('"'), Some('"')) | (Some('\''), Some('\'')) if u.len() >= 2 => &u[1..u.len() - 1],
            _ => u,
        };
        let lower = u.to_ascii_lowercase();
        let (tls, rest) = if lower.starts_with("https://") {
            (true, &u[8..])
        } else if lower.starts_with("http://") {
            (false, &u[7..])
        } else {
            return Err(format!(
                "expected an http:// or https:// URL, found '{url}'"
            ));
        };
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) if rest[i..].starts_with('/') => (&rest[..i], rest[i..].to_string()),
            Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
            None => (rest, "/".to_string()),
        };
        let path = match path.find('#') {
            Some(i) => path[..i].to_string(),
            None => path,
        };
        if authority.contains('@') {
            return Err(format!("user names in URLs are not supported: '{url}'"));
        }
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let Some(end) = v6.find(']') else {
                return Err(format!("unclosed '[' in the URL '{url}'"));
            };
            let port = v6[end + 1..].strip_prefix(':');
            (v6[..end].to_string(), port)
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (authority.to_string(), None),
            }
        };
        if host.is_empty() {
            return Err(format!("no host in the URL '{url}'"));
        }
        let port = match port {
            None | Some("") if tls => 443,
            None | Some("") => 80,
            Some(p) => p
                .parse()
                .map_err(|_| format!("bad port '{p}' in the URL '{url}'"))?,
        };
        Ok(HttpTarget {
            tls,
            host,
            port,
            path,
            host_header: authority.to_string(),
        })
    }

    fn scheme(&self) -> &'static str {
        if self.tls {
            "https"
        } else {
            "http"
        }
    }
}

#[cfg(feature = "tls")]
/// A server certificate verifier that accepts anything (`insecure: true`,
/// libcurl's `VERIFYPEER=0` and `VERIFYHOST=0`).
#[derive(Debug)]
struct NoVerify(Arc<rustls::crypto::CryptoProvider>);

#[cfg(feature = "tls")]
impl rustls::client::danger::ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls_pki_types::CertificateDer<'_>,
        _intermediates: &[rustls_pki_types::CertificateDer<'_>],
        _server_name: &rustls_pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls_pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &rustls_pki_types::CertificateDer<'_>,
        _dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        Ok(rustls::client::danger::HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &rustls_pki_types::CertificateDer<'_>,
        _dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        Ok(rustls::client::danger::HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(feature = "tls")]
/// The PEM certificates of one file (none if it cannot be read or parsed).
fn pem_certs(path: &Path) -> Vec<rustls_pki_types::CertificateDer<'static>> {
    use rustls_pki_types::pem::PemObject;
    match rustls_pki_types::CertificateDer::pem_file_iter(path) {
        Ok(it) => it.flatten().collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(feature = "tls")]
/// The TLS client configuration `http_output` asks for.
pub fn tls_config(cfg: &config::HttpOutputConfig) -> Result<Arc<rustls::ClientConfig>, String> {
    use rustls_pki_types::pem::PemObject;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?;
    let builder = if cfg.insecure {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(provider)))
    } else {
        let mut roots = rustls::RootCertStore::empty();
        let (what, certs) = if !cfg.ca_cert.is_empty() {
            (
                format!("ca_cert {}", cfg.ca_cert),
                pem_certs(Path::new(&cfg.ca_cert)),
            )
        } else if !cfg.ca_bundle.is_empty() {
            (
                format!("ca_bundle {}", cfg.ca_bundle),
                pem_certs(Path::new(&cfg.ca_bundle)),
            )
        } else {
            let mut files: Vec<_> = std::fs::read_dir(&cfg.ca_path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            (
                format!("ca_path {}", cfg.ca_path),
                files.iter().flat_map(|f| pem_certs(f)).collect(),
            )
        };
        let (added, _) = roots.add_parsable_certificates(certs);
        if added == 0 {
            return Err(format!(
                "http_output: no CA certificate found in {what} to verify https:// servers with (set ca_cert, ca_bundle or ca_path, or insecure: true)"
            ));
        }
        builder.with_root_certificates(roots)
    };
    let config = if cfg.mtls {
        let certs: Vec<_> = rustls_pki_types::CertificateDer::pem_file_iter(&cfg.client_cert)
            .map_err(|e| format!("http_output: client_cert {}: {e}", cfg.client_cert))?
            .collect::<Result<_, _>>()
            .map_err(|e| format!("http_output: client_cert {}: {e}", cfg.client_cert))?;
        if certs.is_empty() {
            return Err(format!(
                "http_output: client_cert {}: no PEM certificate",
                cfg.client_cert
            ));
        }
        let key = rustls_pki_types::PrivateKeyDer::from_pem_file(&cfg.client_key)
            .map_err(|e| format!("http_output: client_key {}: {e}", cfg.client_key))?;
        builder
            .with_client_auth_cert(certs, key)
            .map_err(|e| format!("http_output: mtls: {e}"))?
    } else {
        builder.with_no_client_auth()
    };
    Ok(Arc::new(config))
}

/// A connection: plain TCP or TLS over TCP.
#[derive(Debug)]
enum Conn {
    Plain(TcpStream),
    #[cfg(feature = "tls")]
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            #[cfg(feature = "tls")]
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            #[cfg(feature = "tls")]
            Conn::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            #[cfg(feature = "tls")]
            Conn::Tls(s) => s.flush(),
        }
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

/// POSTs each alert.
#[derive(Debug)]
pub struct HttpOutput {
    target: HttpTarget,
    user_agent: String,
    content_type: &'static str,
    keep_alive: bool,
    echo: bool,
    gzip: bool,
    max_timeouts: u8,
    timeout: Duration,
    #[cfg(feature = "tls")]
    tls: Option<Arc<rustls::ClientConfig>>,
    conn: Option<BufReader<Conn>>,
}

impl HttpOutput {
    /// The output `http_output` describes; `json` is `json_output`. For an
    /// `https://` URL the CA and client certificates are read now: a
    /// missing one is an error naming it.
    pub fn new(cfg: &config::HttpOutputConfig, json: bool) -> Result<HttpOutput, String> {
        let target = HttpTarget::parse(&cfg.url)?;
        #[cfg(feature = "tls")]
        let tls = if target.tls {
            Some(tls_config(cfg)?)
        } else {
            None
        };
        #[cfg(not(feature = "tls"))]
        if target.tls {
            return Err(format!(
                "https:// needs TLS, which this build leaves out (build the falco crate with its `tls` feature): '{}'",
                cfg.url
            ));
        }
        Ok(HttpOutput {
            target,
            user_agent: cfg.user_agent.clone(),
            content_type: if json {
                "application/json"
            } else {
                "text/plain"
            },
            keep_alive: cfg.keep_alive,
            echo: cfg.echo,
            gzip: cfg.compress_uploads,
            max_timeouts: cfg.max_consecutive_timeouts,
            timeout: TIMEOUT,
            #[cfg(feature = "tls")]
            tls,
            conn: None,
        })
    }

    /// Sets how long connecting, sending and receiving may each take (10 s
    /// by default).
    pub fn with_timeout(mut self, timeout: Duration) -> HttpOutput {
        self.timeout = timeout;
        self
    }

    fn connect(&self) -> io::Result<BufReader<Conn>> {
        self.connect_any().map_err(|e| {
            let t = &self.target;
            io::Error::new(
                e.kind(),
                format!("cannot connect to {}://{}: {e}", t.scheme(), t.host_header),
            )
        })
    }

    fn connect_any(&self) -> io::Result<BufReader<Conn>> {
        let t = &self.target;
        let mut last = io::Error::new(
            io::ErrorKind::NotFound,
            format!("cannot resolve {}", t.host),
        );
        for addr in (t.host.as_str(), t.port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&addr, self.timeout) {
                Ok(s) => {
                    s.set_read_timeout(Some(self.timeout))?;
                    s.set_write_timeout(Some(self.timeout))?;
                    let _ = s.set_nodelay(true);
                    #[cfg(feature = "tls")]
                    let conn = match &self.tls {
                        None => Conn::Plain(s),
                        Some(cfg) => {
                            let name = rustls_pki_types::ServerName::try_from(t.host.clone())
                                .map_err(|e| io::Error::other(format!("TLS server name: {e}")))?;
                            let c = rustls::ClientConnection::new(cfg.clone(), name)
                                .map_err(io::Error::other)?;
                            let mut tls = rustls::StreamOwned::new(c, s);
                            // The handshake now, so certificate errors are
                            // reported as connection errors.
                            while tls.conn.is_handshaking() {
                                tls.conn.complete_io(&mut tls.sock)?;
                            }
                            Conn::Tls(Box::new(tls))
                        }
                    };
                    #[cfg(not(feature = "tls"))]
                    let conn = Conn::Plain(s);
                    return Ok(BufReader::new(conn));
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn request(&self, body: &[u8]) -> io::Result<Vec<u8>> {
        let t = &self.target;
        let body: std::borrow::Cow<'_, [u8]> = if self.gzip {
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(body)?;
            z.finish()?.into()
        } else {
            body.into()
        };
        let mut r = format!(
            "POST {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {}\r\nAccept: */*\r\nContent-Type: {}\r\n{}Content-Length: {}\r\nConnection: {}\r\n\r\n",
            t.path,
            t.host_header,
            self.user_agent,
            self.content_type,
            if self.gzip { "Content-Encoding: gzip\r\n" } else { "" },
            body.len(),
            if self.keep_alive { "keep-alive" } else { "close" },
        )
        .into_bytes();
        r.extend_from_slice(&body);
        Ok(r)
    }

    /// Sends one request on `conn` and reads the response: (status, body,
    /// whether the server keeps the connection).
    fn exchange(conn: &mut BufReader<Conn>, req: &[u8]) -> io::Result<(u16, Vec<u8>, bool)> {
        conn.get_mut().write_all(req)?;
        conn.get_mut().flush()?;
        let mut limited = conn.take(MAX_RESPONSE);
        let mut line = String::new();
        if limited.read_line(&mut line)? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed before a response",
            ));
        }
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                io::Error::other(format!("bad HTTP status line: {}", line.trim_end()))
            })?;
        let http10 = line.starts_with("HTTP/1.0");
        let mut length: Option<u64> = None;
        let mut chunked = false;
        let mut keep = !http10;
        loop {
            line.clear();
            if limited.read_line(&mut line)? == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "truncated response headers",
                ));
            }
            let h = line.trim_end();
            if h.is_empty() {
                break;
            }
            let Some((name, value)) = h.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = value.parse().ok(),
                "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
                "connection" => {
                    let v = value.to_ascii_lowercase();
                    keep = if v.contains("close") {
                        false
                    } else {
                        keep || v.contains("keep-alive")
                    };
                }
                _ => {}
            }
        }
        let mut body = Vec::new();
        if status == 204 || status == 304 || (100..200).contains(&status) {
            // No body.
        } else if chunked {
            loop {
                line.clear();
                limited.read_line(&mut line)?;
                let size_text = line.trim().split(';').next().unwrap_or("");
                let size = u64::from_str_radix(size_text, 16)
                    .map_err(|_| io::Error::other("bad chunk size"))?;
                if size == 0 {
                    // Trailers up to the empty line.
                    loop {
                        line.clear();
                        if limited.read_line(&mut line)? == 0 || line.trim().is_empty() {
                            break;
                        }
                    }
                    break;
                }
                (&mut limited).take(size).read_to_end(&mut body)?;
                line.clear();
                limited.read_line(&mut line)?;
            }
        } else if let Some(n) = length {
            (&mut limited).take(n).read_to_end(&mut body)?;
        } else {
            limited.read_to_end(&mut body)?;
            keep = false;
        }
        Ok((status, body, keep))
    }

    /// One attempt: a connection (the kept one, or a new one) and one
    /// exchange.
    fn attempt(&mut self, req: &[u8]) -> io::Result<(u16, Vec<u8>)> {
        let reused = self.conn.is_some();
        let mut conn = match self.conn.take() {
            Some(c) => c,
            None => self.connect()?,
        };
        let (status, body, keep) = match HttpOutput::exchange(&mut conn, req) {
            Ok(r) => r,
            // A kept connection the server has closed: one fresh attempt.
            Err(e) if reused && !is_timeout(&e) => {
                conn = self.connect()?;
                HttpOutput::exchange(&mut conn, req)?
            }
            Err(e) => return Err(e),
        };
        if self.keep_alive && keep {
            self.conn = Some(conn);
        }
        Ok((status, body))
    }
}

impl Output for HttpOutput {
    fn name(&self) -> &str {
        "http"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        let req = self.request(msg.text.as_bytes())?;
        let mut timeouts = 0u8;
        let (status, body) = loop {
            match self.attempt(&req) {
                Ok(r) => break r,
                Err(e) if is_timeout(&e) && timeouts < self.max_timeouts => {
                    // As Falco: a timeout is tried again, up to
                    // max_consecutive_timeouts times.
                    timeouts += 1;
                    self.conn = None;
                }
                Err(e) => {
                    self.conn = None;
                    return Err(e);
                }
            }
        };
        if self.echo {
            let mut out = io::stdout().lock();
            out.write_all(&body)?;
            out.flush()?;
        }
        if !(200..300).contains(&status) {
            return Err(io::Error::other(format!(
                "POST to {}://{}{} answered HTTP {status}",
                self.target.scheme(),
                self.target.host_header,
                self.target.path
            )));
        }
        Ok(())
    }

    fn reopen(&mut self) -> io::Result<()> {
        self.conn = None;
        Ok(())
    }

    fn close(&mut self) -> io::Result<()> {
        self.conn = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_into_host_port_and_path() {
        let cases = [
            (
                "http://localhost:2801/",
                ("localhost", 2801, "/", "localhost:2801"),
            ),
            ("http://sidekick", ("sidekick", 80, "/", "sidekick")),
            ("\"http://h:81/a/b?c=d\"", ("h", 81, "/a/b?c=d", "h:81")),
            ("HTTP://h?x=1", ("h", 80, "/?x=1", "h")),
            ("http://[::1]:9/p#frag", ("::1", 9, "/p", "[::1]:9")),
            (
                "https://hooks.slack.com/x",
                ("hooks.slack.com", 443, "/x", "hooks.slack.com"),
            ),
            ("HTTPS://h:8443", ("h", 8443, "/", "h:8443")),
        ];
        for (url, (host, port, path, hh)) in cases {
            let t = HttpTarget::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(
                (
                    t.host.as_str(),
                    t.port,
                    t.path.as_str(),
                    t.host_header.as_str()
                ),
                (host, port, path, hh),
                "{url}"
            );
        }
    }

    #[test]
    fn bad_urls_are_errors() {
        for (url, want) in [
            ("ftp://h/", "expected an http:// or https:// URL"),
            ("http://:80/", "no host"),
            ("http://h:x/", "bad port 'x'"),
            ("http://u@h/", "user names"),
            ("http://[::1/", "unclosed '['"),
        ] {
            let e = HttpTarget::parse(url).expect_err(url);
            assert!(e.contains(want), "{url}: {e}");
        }
    }
}

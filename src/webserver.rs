//! The daemon's web server (`webserver` section): `GET <k8s_healthz_endpoint>`
//! answers `{"status": "ok"}`, `GET /metrics` Falco's Prometheus metrics
//! ([`crate::metrics::prometheus`]) when `prometheus_metrics_enabled`;
//! anything else is `404`.
//!
//! With `ssl_enabled: true` it serves HTTPS (rustls) with the private key and
//! certificate chain of the one PEM file `ssl_certificate` names, as Falco
//! does; a file that cannot be used is an error naming it.

use std::io::{Read, Write};
use std::net::TcpListener;
#[cfg(feature = "tls")]
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use falco_rules::rules::Priority;

use crate::config::Config;
use crate::daemon::{Counters, DaemonError};
use crate::outputs::Log;

/// The TLS configuration of a PEM file holding a certificate chain and its
/// private key. The error is a sentence naming the file.
#[cfg(feature = "tls")]
pub fn tls_server_config(path: &Path) -> Result<Arc<rustls::ServerConfig>, String> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let err = |why: String| format!("webserver: ssl_certificate {}: {why}", path.display());
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

/// Starts the web server thread; `sources` are the running event sources
/// with their engine names (for `falcosecurity_scap_engine_name_info`).
pub fn start(
    cfg: &Config,
    counters: Arc<Counters>,
    sources: Vec<(String, &'static str)>,
    log: Arc<dyn Log>,
) -> Result<(), DaemonError> {
    let w = &cfg.webserver;
    #[cfg(feature = "tls")]
    let tls = if w.ssl_enabled {
        Some(tls_server_config(&w.ssl_certificate).map_err(DaemonError::Outputs)?)
    } else {
        None
    };
    #[cfg(not(feature = "tls"))]
    let tls: Option<()> = if w.ssl_enabled {
        return Err(DaemonError::Outputs(
            "webserver: ssl_enabled needs TLS, which this build leaves out (build the falco crate with its `tls` feature)".into(),
        ));
    } else {
        None
    };
    let addr = (w.listen_address, w.listen_port);
    let listener = TcpListener::bind(addr).map_err(|source| DaemonError::Webserver {
        addr: format!("{}:{}", w.listen_address, w.listen_port),
        source,
    })?;
    let healthz = w.k8s_healthz_endpoint.clone();
    let metrics = w.prometheus_metrics_enabled;
    let metrics_cfg = cfg.metrics.clone();
    let started = std::time::Instant::now();
    log.log(
        Priority::Informational,
        &format!(
            "Starting health webserver with threadiness 1, listening on {}:{}{}",
            w.listen_address,
            w.listen_port,
            if tls.is_some() { " (SSL)" } else { "" }
        ),
    );
    std::thread::Builder::new()
        .name("falco-webserver".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(s) = stream else { continue };
                let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
                let _ = s.set_write_timeout(Some(Duration::from_secs(5)));
                let answer = |path: &str| {
                    if path == "/metrics" && metrics {
                        let text =
                            crate::metrics::prometheus(&counters, &metrics_cfg, &sources, started);
                        // The host state's table sizes and purge counters.
                        let text = text + &counters.state.prometheus();
                        return ("200 OK", "text/plain; version=0.0.4", text);
                    }
                    respond(path, &healthz)
                };
                match &tls {
                    None => serve(s, answer),
                    #[cfg(feature = "tls")]
                    Some(cfg) => {
                        let Ok(conn) = rustls::ServerConnection::new(cfg.clone()) else {
                            continue;
                        };
                        serve(rustls::StreamOwned::new(conn, s), answer);
                    }
                    #[cfg(not(feature = "tls"))]
                    Some(()) => serve(s, answer),
                }
            }
        })
        .map_err(DaemonError::Thread)?;
    Ok(())
}

fn respond(path: &str, healthz: &str) -> (&'static str, &'static str, String) {
    if path == healthz {
        (
            "200 OK",
            "application/json",
            "{\"status\": \"ok\"}".to_string(),
        )
    } else {
        ("404 Not Found", "text/plain", "not found\n".to_string())
    }
}

/// Reads one request head (up to 8 KiB, so the socket is not closed with
/// unread bytes, which would reset it) and writes the answer.
fn serve<S: Read + Write>(mut s: S, answer: impl Fn(&str) -> (&'static str, &'static str, String)) {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while buf.len() < 8192 && !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    if buf.is_empty() {
        return;
    }
    let req = String::from_utf8_lossy(&buf);
    let path = req.split_whitespace().nth(1).unwrap_or("");
    let (status, ctype, body) = answer(path);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = s.write_all(response.as_bytes());
    let _ = s.flush();
}

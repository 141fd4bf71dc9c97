//! Where audit events come from: the plugin's `open_params` and file input.
//!
//! `open_params` are read as the k8saudit plugin reads them:
//! `http://HOST:PORT/PATH` and `https://HOST:PORT/PATH` start the webhook
//! (an empty host listens on every address), and a plain path reads a file
//! (or every file of a directory, oldest first). Watching a file for new
//! lines (`file://PATH`) is not supported.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::event::Batch;

/// The webhook's default port, as the plugin's examples use it.
pub const DEFAULT_PORT: u16 = 9765;

/// What `open_params` ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenParams {
    /// Listen for webhook POSTs.
    Webhook {
        /// The address to listen on.
        addr: SocketAddr,
        /// The URL path events are posted to (`/k8s-audit`).
        path: String,
        /// Serve HTTPS.
        tls: bool,
    },
    /// Read a file, or every file of a directory.
    File(PathBuf),
}

/// Why `open_params` or an input could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The `open_params` could not be parsed.
    #[error("invalid open_params {params:?}: {reason}")]
    Params {
        /// The parameters as given.
        params: String,
        /// What is wrong with them.
        reason: String,
    },
    /// A file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl OpenParams {
    /// Parses `open_params`.
    ///
    /// ```
    /// use falco_k8saudit::input::OpenParams;
    /// let p = OpenParams::parse("http://:9765/k8s-audit").unwrap();
    /// assert_eq!(p, OpenParams::Webhook { addr: "0.0.0.0:9765".parse().unwrap(), path: "/k8s-audit".into(), tls: false });
    /// assert_eq!(OpenParams::parse(" /var/log/audit.log ").unwrap(), OpenParams::File("/var/log/audit.log".into()));
    /// assert!(OpenParams::parse("ftp://x/y").is_err());
    /// ```
    pub fn parse(params: &str) -> Result<OpenParams, InputError> {
        let bad = |reason: &str| InputError::Params {
            params: params.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = params.trim();
        let Some((scheme, rest)) = trimmed.split_once("://") else {
            if trimmed.is_empty() {
                return Err(bad("empty: give a file path or http://HOST:PORT/PATH"));
            }
            return Ok(OpenParams::File(PathBuf::from(trimmed)));
        };
        let tls =
            match scheme {
                "http" => false,
                "https" => true,
                "file" => return Err(bad(
                    "watching a file (file://) is not supported: give the plain path to read it",
                )),
                other => return Err(bad(&format!("scheme \"{other}\" is not supported"))),
            };
        let (host_port, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse::<u16>()
                    .map_err(|_| bad(&format!("bad port {p:?}")))?,
            ),
            None => (host_port, if tls { 443 } else { 80 }),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let ip = match host {
            "" => "0.0.0.0".parse().expect("literal address"),
            "localhost" => "127.0.0.1".parse().expect("literal address"),
            h => h.parse().map_err(|_| {
                bad(&format!(
                    "host {h:?} is not an IP address (host names are not resolved)"
                ))
            })?,
        };
        Ok(OpenParams::Webhook {
            addr: SocketAddr::new(ip, port),
            path: path.to_string(),
            tls,
        })
    }
}

/// Reads the events of a file (see [`Batch::from_stream`]), or of every
/// file in a directory, oldest first (then by name), as the plugin does.
pub fn read_path(path: &Path, max_event_size: usize) -> Result<Batch, InputError> {
    let io = |p: &Path, source| InputError::Io {
        path: p.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    if !meta.is_dir() {
        let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
        return Ok(Batch::from_stream(&bytes, max_event_size));
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| io(path, e))? {
        let entry = entry.map_err(|e| io(path, e))?;
        let meta = entry.metadata().map_err(|e| io(&entry.path(), e))?;
        if !meta.is_dir() {
            files.push((meta.modified().ok(), entry.path()));
        }
    }
    files.sort();
    let mut batch = Batch::default();
    for (_, file) in files {
        let bytes = std::fs::read(&file).map_err(|e| io(&file, e))?;
        let b = Batch::from_stream(&bytes, max_event_size);
        batch.events.extend(b.events);
        batch.skipped.extend(b.skipped);
    }
    Ok(batch)
}

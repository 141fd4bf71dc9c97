//! `http_output`: each alert POSTed to a URL, as Falco does with libcurl.
//!
//! The body is the alert line as `json_output` formats it, with
//! `Content-Type: application/json` for JSON and `text/plain` otherwise (so
//! Falcosidekick, which reads JSON, needs `json_output: true`, as with
//! Falco). The `User-Agent` is the configured one (`falcosecurity/falco`).
//!
//! This build speaks plain HTTP/1.1 over TCP with the standard library: an
//! `https://` URL is refused when the configuration is loaded. The TLS keys
//! (`insecure`, `ca_*`, `mtls`, `client_*`) are read but have nothing to act
//! on. `keep_alive` reuses one connection for every alert; otherwise each
//! alert opens a connection and closes it (`Connection: close`). `echo`
//! prints the server's response body on stdout.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use super::{Message, Output};
use crate::config;

/// How long connecting, sending and receiving may each take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The most response bytes read (headers or body).
const MAX_RESPONSE: u64 = 1 << 20;

/// Where alerts go: a parsed `http://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpTarget {
    /// The host name or address (IPv6 without brackets).
    pub host: String,
    /// The port (80 when the URL has none).
    pub port: u16,
    /// The path and query (`/` when the URL has none).
    pub path: String,
    /// The `Host` header value.
    pub host_header: String,
}

impl HttpTarget {
    /// Parses an `http://host[:port][/path]` URL. Surrounding quotes are
    /// removed, as Falco does. `https://` and other schemes are errors.
    pub fn parse(url: &str) -> Result<HttpTarget, String> {
        let u = url.trim();
        let u = match (u.chars().next(), u.chars().last()) {
            (Some('"'), Some('"')) | (Some('\''), Some('\'')) if u.len() >= 2 => &u[1..u.len() - 1],
            _ => u,
        };
        let lower = u.to_ascii_lowercase();
        if lower.starts_with("https://") {
            return Err(format!(
                "https:// is not supported by this build, which speaks plain http:// only: '{url}' (send to a local http:// endpoint such as Falcosidekick, or a TLS-terminating proxy)"
            ));
        }
        let Some(rest) = lower.strip_prefix("http://").map(|_| &u[7..]) else {
            return Err(format!("expected an http:// URL, found '{url}'"));
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
            None | Some("") => 80,
            Some(p) => p
                .parse()
                .map_err(|_| format!("bad port '{p}' in the URL '{url}'"))?,
        };
        Ok(HttpTarget {
            host,
            port,
            path,
            host_header: authority.to_string(),
        })
    }
}

/// POSTs each alert.
#[derive(Debug)]
pub struct HttpOutput {
    target: HttpTarget,
    user_agent: String,
    content_type: &'static str,
    keep_alive: bool,
    echo: bool,
    conn: Option<BufReader<TcpStream>>,
}

impl HttpOutput {
    /// The output `http_output` describes; `json` is `json_output`.
    pub fn new(cfg: &config::HttpOutputConfig, json: bool) -> Result<HttpOutput, String> {
        Ok(HttpOutput {
            target: HttpTarget::parse(&cfg.url)?,
            user_agent: cfg.user_agent.clone(),
            content_type: if json {
                "application/json"
            } else {
                "text/plain"
            },
            keep_alive: cfg.keep_alive,
            echo: cfg.echo,
            conn: None,
        })
    }

    fn connect(&self) -> io::Result<BufReader<TcpStream>> {
        self.connect_any().map_err(|e| {
            let t = &self.target;
            io::Error::new(
                e.kind(),
                format!("cannot connect to http://{}: {e}", t.host_header),
            )
        })
    }

    fn connect_any(&self) -> io::Result<BufReader<TcpStream>> {
        let t = &self.target;
        let mut last = io::Error::new(
            io::ErrorKind::NotFound,
            format!("cannot resolve {}", t.host),
        );
        for addr in (t.host.as_str(), t.port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&addr, TIMEOUT) {
                Ok(s) => {
                    s.set_read_timeout(Some(TIMEOUT))?;
                    s.set_write_timeout(Some(TIMEOUT))?;
                    let _ = s.set_nodelay(true);
                    return Ok(BufReader::new(s));
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn request(&self, body: &[u8]) -> Vec<u8> {
        let t = &self.target;
        let mut r = format!(
            "POST {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {}\r\nAccept: */*\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n",
            t.path,
            t.host_header,
            self.user_agent,
            self.content_type,
            body.len(),
            if self.keep_alive { "keep-alive" } else { "close" },
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    }

    /// Sends one request on `conn` and reads the response: (status, body,
    /// whether the server keeps the connection).
    fn exchange(conn: &mut BufReader<TcpStream>, req: &[u8]) -> io::Result<(u16, Vec<u8>, bool)> {
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
}

impl Output for HttpOutput {
    fn name(&self) -> &str {
        "http"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        let req = self.request(msg.text.as_bytes());
        let reused = self.conn.is_some();
        let mut conn = match self.conn.take() {
            Some(c) => c,
            None => self.connect()?,
        };
        let (status, body, keep) = match HttpOutput::exchange(&mut conn, &req) {
            Ok(r) => r,
            // A kept connection the server has closed: one fresh attempt.
            Err(_) if reused => {
                conn = self.connect()?;
                HttpOutput::exchange(&mut conn, &req)?
            }
            Err(e) => return Err(e),
        };
        if self.keep_alive && keep {
            self.conn = Some(conn);
        }
        if self.echo {
            let mut out = io::stdout().lock();
            out.write_all(&body)?;
            out.flush()?;
        }
        if !(200..300).contains(&status) {
            return Err(io::Error::other(format!(
                "POST to http://{}{} answered HTTP {status}",
                self.target.host_header, self.target.path
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
            ("https://h/", "https:// is not supported"),
            ("ftp://h/", "expected an http:// URL"),
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

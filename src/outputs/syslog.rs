//! `syslog_output` (and `log_syslog`): messages to the local syslog daemon.
//!
//! Falco calls `syslog(3)` without `openlog`, so glibc sends to the unix
//! datagram socket `/dev/log` with facility `LOG_USER` and the program name
//! as tag. The priority of an alert is its syslog severity: Falco's
//! priorities are numbered as syslog's (`Emergency` 0 ... `Debug` 7). We
//! write the same datagram glibc writes, RFC 3164 style:
//!
//! ```text
//! <12>Nov 28 14:14:28 falco: 14:14:28.123456789: Warning Sensitive file opened ...
//! ```
//!
//! where 12 is `LOG_USER` (8) plus severity 4 (`Warning`).

use std::io;
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Local};
use falco_rules::rules::Priority;

use super::{Message, Output};

/// The socket of the local syslog daemon.
pub const DEV_LOG: &str = "/dev/log";

/// The `LOG_USER` facility, as glibc encodes it (`1 << 3`).
pub const LOG_USER: u8 = 8;

/// A connection to a syslog socket (connected at the first message, and
/// again after an error).
#[derive(Debug)]
pub struct Syslog {
    path: PathBuf,
    ident: String,
    facility: u8,
    socket: Mutex<Option<UnixDatagram>>,
}

impl Syslog {
    /// `/dev/log`, facility `LOG_USER`, tag `falco`.
    pub fn new() -> Syslog {
        Syslog::with_path(DEV_LOG)
    }

    /// Another socket path (tests, chroots), facility `LOG_USER`, tag `falco`.
    pub fn with_path(path: impl AsRef<Path>) -> Syslog {
        Syslog {
            path: path.as_ref().to_path_buf(),
            ident: "falco".into(),
            facility: LOG_USER,
            socket: Mutex::new(None),
        }
    }

    /// The datagram for `msg` at `priority`, stamped `now`.
    pub fn format(&self, priority: Priority, msg: &str, now: DateTime<Local>) -> String {
        let pri = self.facility | priority as u8;
        format!(
            "<{pri}>{} {}: {}",
            now.format("%b %e %H:%M:%S"),
            self.ident,
            msg.trim_end_matches('\n')
        )
    }

    /// Sends `msg` at `priority`.
    pub fn send(&self, priority: Priority, msg: &str) -> io::Result<()> {
        let data = self.format(priority, msg, Local::now());
        let mut guard = self
            .socket
            .lock()
            .map_err(|_| io::Error::other("syslog lock poisoned"))?;
        if guard.is_none() {
            let s = UnixDatagram::unbound()?;
            s.connect(&self.path).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot connect to syslog at {}: {e}", self.path.display()),
                )
            })?;
            *guard = Some(s);
        }
        let r = match guard.as_ref() {
            Some(s) => s.send(data.as_bytes()).map(|_| ()),
            None => Ok(()),
        };
        if r.is_err() {
            // The daemon may have restarted: reconnect next time.
            *guard = None;
        }
        r
    }
}

impl Default for Syslog {
    fn default() -> Syslog {
        Syslog::new()
    }
}

/// The syslog output: each alert at its priority's severity.
///
/// When the socket cannot be reached (a container without `/dev/log`), the
/// first failure is reported and later ones are silent until a message gets
/// through again, so the log is not flooded with one error per alert (Falco's
/// `syslog(3)` fails silently).
#[derive(Debug)]
pub struct SyslogOutput {
    syslog: Syslog,
    failing: bool,
}

impl SyslogOutput {
    /// An output to `syslog`.
    pub fn new(syslog: Syslog) -> SyslogOutput {
        SyslogOutput {
            syslog,
            failing: false,
        }
    }
}

impl Output for SyslogOutput {
    fn name(&self) -> &str {
        "syslog"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        match self.syslog.send(msg.priority, &msg.text) {
            Ok(()) => {
                self.failing = false;
                Ok(())
            }
            Err(_) if self.failing => Ok(()),
            Err(e) => {
                self.failing = true;
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn priorities_map_to_syslog_severities_under_log_user() {
        let s = Syslog::with_path("/nonexistent");
        let now = Local
            .with_ymd_and_hms(2026, 11, 8, 14, 4, 5)
            .single()
            .expect("a local time");
        let cases = [
            (Priority::Emergency, "<8>"),
            (Priority::Alert, "<9>"),
            (Priority::Critical, "<10>"),
            (Priority::Error, "<11>"),
            (Priority::Warning, "<12>"),
            (Priority::Notice, "<13>"),
            (Priority::Informational, "<14>"),
            (Priority::Debug, "<15>"),
        ];
        for (p, pri) in cases {
            assert_eq!(
                s.format(p, "msg\n", now),
                format!("{pri}Nov  8 14:04:05 falco: msg")
            );
        }
    }

    #[test]
    fn a_missing_socket_is_an_error_naming_it() {
        let s = Syslog::with_path("/nonexistent/log");
        let e = s.send(Priority::Warning, "x").expect_err("no socket");
        assert!(e.to_string().contains("/nonexistent/log"), "{e}");
    }

    #[test]
    fn an_unreachable_socket_is_reported_once_not_per_alert() {
        let mut o = SyslogOutput::new(Syslog::with_path("/nonexistent/log"));
        let m = Message {
            time_ns: 0,
            priority: Priority::Warning,
            rule: "r".into(),
            source: "syscall".into(),
            text: "x".into(),
        };
        assert!(o.write(&m).is_err());
        assert!(o.write(&m).is_ok());
        assert!(o.write(&m).is_ok());
    }
}

//! Alert outputs, and the queue that keeps them off the event loop.
//!
//! The engine thread hands each [`Alert`] to an [`OutputQueue`]; a worker
//! thread formats it (text or JSON, per `json_output`) and writes it to every
//! enabled output, in Falco's order: file, stdout, syslog, program, http.
//!
//! [`OutputQueue::push`] never blocks. With `outputs_queue.capacity` set, a
//! full queue drops the alert and counts it ([`OutputQueue::drops`]); the
//! first drop is logged at error level with Falco's message
//! [`QUEUE_FULL_MESSAGE`]. Capacity 0 (Falco's default) is unbounded.
//!
//! An output that fails logs `NAME: ERROR` and the worker goes on with the
//! next output and the next alert, as Falco's worker does. The outputs that
//! can hang on a peer (http, program) run on threads of their own
//! ([`detached::Detached`]): one that takes longer than `output_timeout` on
//! an alert is reported with Falco's message and never stalls the others.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use falco::outputs::{Message, Output, OutputQueue, Formatter, StderrLog};
//! use falco::rules::alert::{Alert, AlertFormat};
//! use falco::rules::rules::Priority;
//!
//! /// An output that keeps what it gets.
//! struct Keep(Arc<Mutex<Vec<String>>>);
//! impl Output for Keep {
//!     fn name(&self) -> &str { "keep" }
//!     fn write(&mut self, m: &Message) -> std::io::Result<()> {
//!         self.0.lock().unwrap().push(m.text.clone());
//!         Ok(())
//!     }
//! }
//!
//! let got = Arc::new(Mutex::new(Vec::new()));
//! let format = AlertFormat { hostname: "h".into(), time_format_iso_8601: true, ..AlertFormat::default() };
//! let queue = OutputQueue::start(
//!     vec![Box::new(Keep(got.clone()))],
//!     Formatter { json: false, format },
//!     0,
//!     Arc::new(StderrLog::default()),
//! );
//! queue.push(Alert {
//!     rule: "r".into(), priority: Priority::Warning, source: "syscall".into(),
//!     tags: Vec::new().into(), time_ns: 0, output: "hello".into(), output_fields: vec![],
//!     time_fields: None,
//!     extra: Vec::new(),
//! });
//! queue.shutdown();
//! assert_eq!(*got.lock().unwrap(), ["1970-01-01T00:00:00.000000000+0000: Warning hello"]);
//! ```

pub mod detached;
pub mod file;
pub mod http;
pub mod program;
pub mod syslog;

use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::sync::Arc;
use std::thread::JoinHandle;

use chrono::{Local, TimeZone, Utc};
use falco_rules::alert::{Alert, AlertFormat};
use falco_rules::rules::Priority;
use serde_json::{Map, Value as Json};

use crate::config::Config;

pub use file::FileOutput;
pub use http::HttpOutput;
pub use program::ProgramOutput;
pub use syslog::{Syslog, SyslogOutput};

/// What Falco logs (at error level, once) when the outputs queue is full
/// and an alert is dropped.
pub const QUEUE_FULL_MESSAGE: &str = "Outputs queue out of memory. Drop event and continue on ...";

/// One formatted message, as outputs receive it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The event time, nanoseconds since the epoch.
    pub time_ns: u64,
    /// The priority (syslog maps it to its severity).
    pub priority: Priority,
    /// The rule name (or the internal message's name).
    pub rule: String,
    /// The source (`syscall`, or `internal` for Falco's own messages).
    pub source: String,
    /// The line to write, without a line break: the text form or the JSON
    /// object, per `json_output`.
    pub text: String,
}

/// An output channel.
pub trait Output: Send {
    /// The name used in error messages (`file`, `stdout`, ...).
    fn name(&self) -> &str;
    /// Writes one message.
    fn write(&mut self, msg: &Message) -> io::Result<()>;
    /// Flushes what is buffered (`buffered_outputs`).
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Closes and reopens what the output keeps open (files, programs),
    /// as on Falco's SIGUSR1.
    fn reopen(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Flushes and releases everything; called once at shutdown.
    fn close(&mut self) -> io::Result<()> {
        self.flush()
    }
}

/// Where Falco's own log lines go (the daemon's `log_*` settings).
pub trait Log: Send + Sync {
    /// Logs `msg` at `level` (Falco's log levels are its priorities).
    fn log(&self, level: Priority, msg: &str);
}

/// Falco's logger: lines at or above `level`, to stderr as
/// `Sat Nov 28 14:14:28 2026: MESSAGE` (or ISO 8601 UTC time), and/or to
/// syslog.
#[derive(Debug)]
pub struct Logger {
    /// The least severe level printed (`log_level`).
    pub level: Priority,
    /// `log_stderr`.
    pub stderr: bool,
    /// `log_syslog`: the syslog connection.
    pub syslog: Option<Syslog>,
    /// `time_format_iso_8601`.
    pub time_format_iso_8601: bool,
}

impl Logger {
    /// The logger `config` asks for.
    pub fn from_config(config: &Config) -> Logger {
        Logger {
            level: config.log_level,
            stderr: config.log_stderr,
            syslog: config.log_syslog.then(Syslog::new),
            time_format_iso_8601: config.time_format_iso_8601,
        }
    }
}

impl Log for Logger {
    fn log(&self, level: Priority, msg: &str) {
        if level > self.level {
            return;
        }
        let msg = msg.trim_end_matches('\n');
        if let Some(s) = &self.syslog {
            let _ = s.send(level, msg);
        }
        if self.stderr {
            let now = if self.time_format_iso_8601 {
                Utc::now().format("%Y-%m-%dT%H:%M:%S%z").to_string()
            } else {
                Local::now().format("%a %b %d %H:%M:%S %Y").to_string()
            };
            let _ = writeln!(io::stderr().lock(), "{now}: {msg}");
        }
    }
}

/// A [`Log`] that prints every line to stderr, unfiltered.
#[derive(Debug, Default)]
pub struct StderrLog;

impl Log for StderrLog {
    fn log(&self, _level: Priority, msg: &str) {
        let _ = writeln!(io::stderr().lock(), "{}", msg.trim_end_matches('\n'));
    }
}

/// How alerts become lines: `json_output` and the JSON/time options.
#[derive(Clone, Debug)]
pub struct Formatter {
    /// `json_output`.
    pub json: bool,
    /// The JSON and time options, and the host name.
    pub format: AlertFormat,
}

impl Formatter {
    /// The formatter `config` asks for.
    pub fn from_config(config: &Config) -> Formatter {
        Formatter {
            json: config.json_output,
            format: config.alert_format(),
        }
    }

    /// The message of an alert.
    pub fn alert(&self, alert: &Alert) -> Message {
        Message {
            time_ns: alert.time_ns,
            priority: alert.priority,
            rule: alert.rule.to_string(),
            source: alert.source.to_string(),
            text: if self.json {
                alert.json(&self.format)
            } else {
                alert.text(&self.format)
            },
        }
    }

    /// The message of one of Falco's own alerts (source `internal`), as
    /// Falco formats them: text `HH:MM:SS.nnnnnnnnn: Priority MSG (k=v ...)`
    /// with JSON values, or a JSON object with `hostname`, `output`,
    /// `output_fields`, `priority`, `rule`, `source` and `time`.
    pub fn internal(
        &self,
        time_ns: u64,
        priority: Priority,
        rule: &str,
        msg: &str,
        fields: &Map<String, Json>,
    ) -> Message {
        let secs = (time_ns / 1_000_000_000) as i64;
        let nanos = (time_ns % 1_000_000_000) as u32;
        let text = if self.json {
            let time = Utc
                .timestamp_opt(secs, nanos)
                .single()
                .unwrap_or_default()
                .format("%Y-%m-%dT%H:%M:%S.%fZ")
                .to_string();
            let mut o = Map::new();
            o.insert(
                "hostname".into(),
                Json::String(self.format.hostname.clone()),
            );
            o.insert("output".into(), Json::String(msg.to_string()));
            o.insert("output_fields".into(), Json::Object(fields.clone()));
            o.insert("priority".into(), Json::String(priority.name().into()));
            o.insert("rule".into(), Json::String(rule.to_string()));
            o.insert("source".into(), Json::String("internal".into()));
            o.insert("time".into(), Json::String(time));
            Json::Object(o).to_string()
        } else {
            let time = match Local.timestamp_opt(secs, nanos).single() {
                Some(t) => t.format("%H:%M:%S.%f").to_string(),
                None => String::new(),
            };
            let kv: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{time}: {} {msg} ({})", priority.name(), kv.join(" "))
        };
        Message {
            time_ns,
            priority,
            rule: rule.to_string(),
            source: "internal".into(),
            text,
        }
    }
}

/// The outputs `config` enables, in Falco's order (file, stdout, syslog,
/// program, http).
pub fn outputs_from_config(config: &Config) -> Result<Vec<Box<dyn Output>>, String> {
    let mut out: Vec<Box<dyn Output>> = Vec::new();
    let buffered = config.buffered_outputs;
    if config.file_output.enabled {
        out.push(Box::new(FileOutput::new(
            config.file_output.filename.clone(),
            config.file_output.keep_alive,
            buffered,
        )));
    }
    if config.stdout_output.enabled {
        out.push(Box::new(StdoutOutput::new(buffered)));
    }
    if config.syslog_output.enabled {
        out.push(Box::new(SyslogOutput::new(Syslog::new())));
    }
    if config.program_output.enabled {
        out.push(Box::new(ProgramOutput::new(
            config.program_output.program.clone(),
            config.program_output.keep_alive,
        )));
    }
    if config.http_output.enabled {
        out.push(Box::new(HttpOutput::new(
            &config.http_output,
            config.json_output,
        )?));
    }
    Ok(out)
}

/// `stdout_output`: one line per alert on standard output.
pub struct StdoutOutput {
    out: Box<dyn Write + Send>,
    buffered: bool,
}

impl StdoutOutput {
    /// Standard output; with `buffered`, flushed only on [`Output::flush`]
    /// (or when the buffer fills), otherwise after every alert.
    ///
    /// Writes go to a duplicate of file descriptor 1, so that `buffered`
    /// really buffers (the standard library's stdout flushes at every line
    /// break) and each unbuffered alert is one `write`.
    pub fn new(buffered: bool) -> StdoutOutput {
        use std::os::fd::AsFd;
        let out: Box<dyn Write + Send> = match io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)),
            Err(_) => Box::new(io::stdout()),
        };
        StdoutOutput::to_writer(out, buffered)
    }

    /// The same output to any writer.
    pub fn to_writer(out: Box<dyn Write + Send>, buffered: bool) -> StdoutOutput {
        let out: Box<dyn Write + Send> = if buffered {
            Box::new(io::BufWriter::new(out))
        } else {
            out
        };
        StdoutOutput { out, buffered }
    }
}

impl Output for StdoutOutput {
    fn name(&self) -> &str {
        "stdout"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        let mut line = String::with_capacity(msg.text.len() + 1);
        line.push_str(&msg.text);
        line.push('\n');
        self.out.write_all(line.as_bytes())?;
        if !self.buffered {
            self.out.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

enum Job {
    Alert(Box<Alert>),
    Message(Box<Message>),
    Flush(SyncSender<()>),
    Reopen,
    Stop,
}

enum Tx {
    Bounded(SyncSender<Job>),
    Unbounded(Sender<Job>),
}

impl Tx {
    /// Never blocks; `false` when the queue is full or closed.
    fn try_send(&self, job: Job) -> bool {
        match self {
            Tx::Bounded(s) => match s.try_send(job) {
                Ok(()) => true,
                Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => false,
            },
            Tx::Unbounded(s) => s.send(job).is_ok(),
        }
    }

    /// Waits for room (control messages only).
    fn send(&self, job: Job) -> bool {
        match self {
            Tx::Bounded(s) => s.send(job).is_ok(),
            Tx::Unbounded(s) => s.send(job).is_ok(),
        }
    }
}

/// The bounded queue between the engine thread and the output worker.
pub struct OutputQueue {
    tx: Tx,
    drops: Arc<AtomicU64>,
    log: Arc<dyn Log>,
    formatter: Formatter,
    worker: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for OutputQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutputQueue")
            .field("drops", &self.drops())
            .finish()
    }
}

impl OutputQueue {
    /// Starts the worker thread over `outputs`. `capacity` is the most
    /// alerts waiting at once (0: unbounded).
    pub fn start(
        outputs: Vec<Box<dyn Output>>,
        formatter: Formatter,
        capacity: usize,
        log: Arc<dyn Log>,
    ) -> OutputQueue {
        let (tx, rx) = if capacity == 0 {
            let (s, r) = mpsc::channel();
            (Tx::Unbounded(s), r)
        } else {
            let (s, r) = mpsc::sync_channel(capacity);
            (Tx::Bounded(s), r)
        };
        let wf = formatter.clone();
        let wlog = log.clone();
        let worker = std::thread::Builder::new()
            .name("falco-outputs".into())
            .spawn(move || worker(rx, outputs, wf, wlog))
            .ok();
        OutputQueue {
            tx,
            drops: Arc::new(AtomicU64::new(0)),
            log,
            formatter,
            worker,
        }
    }

    /// The queue, formatter and outputs `config` asks for.
    pub fn from_config(config: &Config, log: Arc<dyn Log>) -> Result<OutputQueue, String> {
        let timeout = std::time::Duration::from_millis(u64::from(config.output_timeout));
        let outputs = outputs_from_config(config)?
            .into_iter()
            .map(|o| -> Box<dyn Output> {
                if matches!(o.name(), "http" | "program") {
                    Box::new(detached::Detached::start(o, timeout, log.clone()))
                } else {
                    o
                }
            })
            .collect();
        Ok(OutputQueue::start(
            outputs,
            Formatter::from_config(config),
            config.outputs_queue.capacity,
            log,
        ))
    }

    /// Queues an alert. Never blocks: when the queue is full the alert is
    /// dropped, counted, and the first drop logged. Returns whether it was
    /// queued.
    pub fn push(&self, alert: Alert) -> bool {
        self.enqueue(Job::Alert(Box::new(alert)))
    }

    /// Queues one of Falco's internal messages (source `internal`, see
    /// [`Formatter::internal`]), such as a syscall-drop alert.
    pub fn push_internal(
        &self,
        time_ns: u64,
        priority: Priority,
        rule: &str,
        msg: &str,
        fields: &Map<String, Json>,
    ) -> bool {
        let m = self
            .formatter
            .internal(time_ns, priority, rule, msg, fields);
        self.enqueue(Job::Message(Box::new(m)))
    }

    fn enqueue(&self, job: Job) -> bool {
        if self.tx.try_send(job) {
            return true;
        }
        if self.drops.fetch_add(1, Ordering::Relaxed) == 0 {
            self.log.log(Priority::Error, QUEUE_FULL_MESSAGE);
        }
        false
    }

    /// Alerts dropped because the queue was full (Falco's
    /// `outputs_queue_num_drops`).
    pub fn drops(&self) -> u64 {
        self.drops.load(Ordering::Relaxed)
    }

    /// Waits until every alert queued so far is written and every output
    /// flushed.
    pub fn flush(&self) {
        let (ack, done) = mpsc::sync_channel(1);
        if self.tx.send(Job::Flush(ack)) {
            let _ = done.recv();
        }
    }

    /// Asks the outputs to close and reopen their files and programs after
    /// the alerts already queued (Falco does this on SIGUSR1).
    pub fn reopen(&self) {
        self.tx.send(Job::Reopen);
    }

    /// Writes everything queued, closes the outputs and stops the worker.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            self.tx.send(Job::Stop);
            let _ = w.join();
        }
    }
}

impl Drop for OutputQueue {
    fn drop(&mut self) {
        self.stop();
    }
}

fn worker(rx: Receiver<Job>, mut outputs: Vec<Box<dyn Output>>, f: Formatter, log: Arc<dyn Log>) {
    let each = |outputs: &mut Vec<Box<dyn Output>>,
                op: &mut dyn FnMut(&mut dyn Output) -> io::Result<()>| {
        for o in outputs.iter_mut() {
            if let Err(e) = op(o.as_mut()) {
                log.log(Priority::Error, &format!("{}: {e}", o.name()));
            }
        }
    };
    while let Ok(job) = rx.recv() {
        match job {
            Job::Alert(a) => {
                let m = f.alert(&a);
                each(&mut outputs, &mut |o| o.write(&m));
            }
            Job::Message(m) => each(&mut outputs, &mut |o| o.write(&m)),
            Job::Flush(ack) => {
                each(&mut outputs, &mut |o| o.flush());
                let _ = ack.send(());
            }
            Job::Reopen => each(&mut outputs, &mut |o| o.reopen()),
            Job::Stop => break,
        }
    }
    each(&mut outputs, &mut |o| o.close());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(json: bool) -> Formatter {
        Formatter {
            json,
            format: AlertFormat {
                hostname: "h".into(),
                time_format_iso_8601: true,
                ..AlertFormat::default()
            },
        }
    }

    #[test]
    fn internal_messages_in_json_have_falcos_keys() {
        let mut fields = Map::new();
        fields.insert("n_drops".into(), Json::from(3));
        let m = fmt(true).internal(
            0,
            Priority::Critical,
            "Falco internal: syscall event drop",
            "drops",
            &fields,
        );
        assert_eq!(
            m.text,
            r#"{"hostname":"h","output":"drops","output_fields":{"n_drops":3},"priority":"Critical","rule":"Falco internal: syscall event drop","source":"internal","time":"1970-01-01T00:00:00.000000000Z"}"#
        );
        assert_eq!(m.source, "internal");
    }

    #[test]
    fn internal_messages_in_text_list_fields_as_json_values() {
        let mut fields = Map::new();
        fields.insert("a".into(), Json::from("x"));
        fields.insert("b".into(), Json::from(1));
        let m = fmt(false).internal(0, Priority::Debug, "r", "msg", &fields);
        assert!(m.text.ends_with(": Debug msg (a=\"x\" b=1)"), "{}", m.text);
    }

    #[test]
    fn buffered_stdout_waits_for_flush() {
        #[derive(Clone, Default)]
        struct Shared(Arc<std::sync::Mutex<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0
                    .lock()
                    .map_err(|_| io::Error::other("poisoned"))?
                    .extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let s = Shared::default();
        let mut o = StdoutOutput::to_writer(Box::new(s.clone()), true);
        let m = fmt(false).internal(0, Priority::Debug, "r", "x", &Map::new());
        o.write(&m).expect("write");
        assert!(s.0.lock().expect("lock").is_empty());
        o.flush().expect("flush");
        assert_eq!(s.0.lock().expect("lock").last(), Some(&b'\n'));
    }
}

//! Falco's `capture` section: when a rule matches, the syscall events from
//! that one on are written to a gzip-compressed `.scap` file that `sysdig
//! -r` and `falco -e` read, as Falco 0.44 does.
//!
//! - `mode: rules` starts a capture on a match of a rule with `capture:
//!   true`; `mode: all_rules` on any match.
//! - The file is `PATH_PREFIX_<ts>_<evt.num>.scap`, both numbers zero-padded
//!   to 20 digits, named after the event that started it; it begins with
//!   the host state's processes, fds, users and groups, then a `container`
//!   event for each container whose metadata is known (as Falco's container
//!   plugin dumps its state); the `container` events of containers found
//!   during the capture are recorded as they come.
//! - It ends once the event time passes the deadline: the latest match's
//!   time plus its rule's `capture_duration` (milliseconds), or
//!   `default_duration` for rules without one; every match extends it. Or
//!   when the file reaches `max_file_size_mb` (then Falco's `Falco internal:
//!   capture size limit reached` message is raised).
//! - Beyond Falco: the JSON of an alert whose event is in a capture says
//!   where, under `capture_file`.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::rc::Rc;

use falco_events::extract::EventContext;
use falco_events::scap::{metadata_from_state, ScapWriter, WriterOptions};
use falco_events::state::container_event::{container_event, CONTAINER_ADDED};
use falco_rules::engine::Rule;

use crate::config::{CaptureConfig, CaptureMode};

/// The rule name of the message raised when a capture reaches its size cap.
pub const SIZE_LIMIT_RULE: &str = "Falco internal: capture size limit reached";

/// A file writer that counts the bytes it wrote.
struct Counting {
    file: BufWriter<File>,
    written: Rc<Cell<u64>>,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written.set(self.written.get() + n as u64);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

type Writer = ScapWriter<flate2::write::GzEncoder<Counting>>;

/// What happened to the capture at one event.
#[derive(Debug, PartialEq, Eq)]
pub enum CaptureEvent {
    /// A capture file was started.
    Started(String),
    /// The capture ended at its deadline.
    Finished(String),
    /// The capture ended at its size cap: the path and bytes written.
    SizeLimit(String, u64),
    /// Writing failed; the capture was dropped.
    Failed(String, String),
}

/// The captures of one syscall event stream.
pub struct Captures {
    cfg: CaptureConfig,
    /// A match asked for a capture at the current event.
    wanted: bool,
    /// Event time at which the capture ends (0: none).
    deadline: u64,
    open: Option<(Writer, String)>,
    /// Compressed bytes written to the open capture.
    written: Rc<Cell<u64>>,
}

impl std::fmt::Debug for Captures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Captures")
            .field("cfg", &self.cfg)
            .field("deadline", &self.deadline)
            .field("open", &self.open.as_ref().map(|(_, p)| p))
            .finish()
    }
}

impl Captures {
    /// The captures `cfg` asks for; `None` when disabled.
    pub fn new(cfg: &CaptureConfig) -> Option<Captures> {
        cfg.enabled.then(|| Captures {
            cfg: cfg.clone(),
            wanted: false,
            deadline: 0,
            open: None,
            written: Rc::new(Cell::new(0)),
        })
    }

    /// Falco's start-up line.
    pub fn banner(&self) -> String {
        let mode = match self.cfg.mode {
            CaptureMode::Rules => "'rules'",
            CaptureMode::AllRules => "'all_rules'",
        };
        format!(
            "Capture is enabled in mode {mode}. Capturing events to {}",
            self.cfg.path_prefix
        )
    }

    /// Records a match of `rule` on event number `num` at `ts`; returns
    /// the capture file the event goes to, if any (the open one, or the one
    /// this match starts).
    pub fn on_match(&mut self, rule: &Rule, ts: u64, num: u64) -> Option<String> {
        if self.cfg.mode == CaptureMode::AllRules || rule.capture {
            self.wanted = true;
        }
        let ms = if rule.capture_duration > 0 {
            rule.capture_duration
        } else {
            self.cfg.default_duration
        };
        self.deadline = self
            .deadline
            .max(ts.saturating_add(u64::from(ms) * 1_000_000));
        match &self.open {
            Some((_, path)) => Some(path.clone()),
            None if self.wanted => Some(self.path(ts, num)),
            None => None,
        }
    }

    /// The file a capture started at event `num` at `ts` is written to.
    pub fn path(&self, ts: u64, num: u64) -> String {
        format!("{}_{ts:020}_{num:020}.scap", self.cfg.path_prefix)
    }

    /// Called for every event after its rules: starts a capture when a
    /// match asked for one, writes the event to the open capture, and ends
    /// it at its deadline or size cap.
    pub fn on_event(&mut self, ctx: &EventContext<'_>) -> Option<CaptureEvent> {
        let ts = ctx.event.ts();
        let mut what = None;
        if std::mem::take(&mut self.wanted) && self.open.is_none() {
            let path = self.path(ts, ctx.num);
            match self.start(ctx, &path) {
                Ok(w) => {
                    self.open = Some((w, path.clone()));
                    what = Some(CaptureEvent::Started(path));
                }
                Err(e) => return Some(CaptureEvent::Failed(path, e.to_string())),
            }
        }
        let (w, path) = self.open.as_mut()?;
        if let Err(e) = w.write_event(&ctx.event, ctx.cpu.unwrap_or(0), 0) {
            let path = path.clone();
            self.open = None;
            self.deadline = 0;
            return Some(CaptureEvent::Failed(path, e.to_string()));
        }
        let written = self.written.get();
        let cap = self.cfg.max_file_size_mb.saturating_mul(1024 * 1024);
        let size_limit = cap > 0 && written >= cap;
        if !size_limit && (self.deadline == 0 || ts < self.deadline) {
            return what;
        }
        let (w, path) = self.open.take()?;
        self.deadline = 0;
        if let Err(e) = finish(w) {
            return Some(CaptureEvent::Failed(path, e.to_string()));
        }
        Some(if size_limit {
            CaptureEvent::SizeLimit(path, written)
        } else {
            CaptureEvent::Finished(path)
        })
    }

    /// Closes an open capture (at shutdown or a reload), keeping what it
    /// has.
    pub fn close(&mut self) -> Option<CaptureEvent> {
        let (w, path) = self.open.take()?;
        self.deadline = 0;
        Some(match finish(w) {
            Ok(()) => CaptureEvent::Finished(path),
            Err(e) => CaptureEvent::Failed(path, e.to_string()),
        })
    }

    fn start(&self, ctx: &EventContext<'_>, path: &str) -> io::Result<Writer> {
        let file = File::create(path)?;
        self.written.set(0);
        let gz = flate2::write::GzEncoder::new(
            Counting {
                file: BufWriter::new(file),
                written: self.written.clone(),
            },
            flate2::Compression::fast(),
        );
        let mut w = ScapWriter::new(gz, &WriterOptions::default())?;
        w.write_metadata(&metadata_from_state(ctx.state))?;
        // As Falco's dumper asks the container plugin for its state: one
        // `container` event (tid 1) per container known, so that a replay
        // has their metadata.
        let ts = ctx.event.ts();
        let known = ctx.state.containers.found();
        for info in known.iter().chain(ctx.state.recorded_containers.values()) {
            let evt = container_event(ts, 1, CONTAINER_ADDED, info)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            w.write_event(&evt.as_event(), 0, 0)?;
        }
        Ok(w)
    }
}

fn finish(w: Writer) -> io::Result<()> {
    let gz = w.finish()?;
    let mut c = gz.finish()?;
    c.flush()
}

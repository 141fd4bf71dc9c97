//! Both cores for one source: the source is read on a thread of its own
//! while the caller's thread keeps the host state and runs the rules.
//!
//! # Design
//!
//! An event stream is sequential twice over: the host state after event
//! *n* depends on every event before it, and Falco's first-match alerts
//! depend on the rule order. Splitting the *events* between threads would
//! need two copies of the state that disagree; splitting the *rules* would
//! need the state on both threads. What splits cleanly is the stream
//! itself, as a pipeline of two stages:
//!
//! ```text
//!  reader thread                           caller's thread
//!  ─────────────                           ───────────────
//!  source.next_event()   ┌─────────────┐   ReadAhead::next_event()
//!  (read, inflate,  ───▶ │ batches of  │ ──▶ Inspector: numbering, host state
//!   convert, parse)      │ event bytes │     Ruleset::matches: the rules
//!                        └─────────────┘     outputs, in event order
//!             ◀── emptied batches return for reuse ──
//! ```
//!
//! The reader thread drives the wrapped source (file reads, gzip inflate,
//! schema conversion of old captures, the parse that validates each event)
//! and appends each event's bytes, its parse, CPU and read count to a
//! batch; full batches go through a bounded channel (a few batches deep,
//! so memory stays bounded), emptied ones come back to be refilled (no
//! allocation once the batches have grown to their working size). The
//! caller's thread sees a [`ReadAhead`], itself an [`EventSource`], that
//! lends each event from the current batch without copying or parsing it
//! again ([`EventSource::last_event_bytes`]).
//!
//! Nothing about the events changes: the same events, in the same order,
//! with the same numbers (`events_read` travels with each event) and CPUs,
//! reach the same single-threaded host state and rules, so the alerts and
//! their order are exactly those of a single thread. Only where the time
//! goes changes: decoding overlaps with state and evaluation.
//!
//! What it costs: one copy of each event into its batch (a `memcpy` of its
//! few hundred bytes), and counters ([`EventSource::stats`]) that are those
//! of the last batch received, so they run up to one batch ahead of the
//! events handed out (exact at the end of a finite stream).
//!
//! # Live sources
//!
//! A batch of a live source is handed over when it is full, when the
//! source has no event within its poll timeout, or when its first event is
//! older than [`ReadAhead::with_flush_after`] (1 ms by default), so an
//! alert waits at most that long for its batch. An empty poll reaches the
//! caller as an empty poll (`Ok(None)`).
//!
//! # Event-type selection
//!
//! [`EventSource::set_event_types`] before the first event goes straight
//! to the source. After it, the reader thread applies the new selection
//! before its next batch, and the events already read ahead are filtered
//! with it on the caller's side (counted in [`SourceStats::filtered`]), so
//! no event of a deselected type is handed out. A source that refuses the
//! selection reports it as the error of the next
//! [`next_event`](EventSource::next_event).
//!
//! # Example
//!
//! ```
//! use falco_events::readahead::ReadAhead;
//! use falco_events::scap::ScapReader;
//! use falco_events::state::{HostState, Inspector};
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/captures/falco_cat_write.scap");
//! let reader = ScapReader::open(path)?;
//! let state = HostState::from_metadata(reader.metadata());
//! let mut insp = Inspector::new(ReadAhead::new(reader), state);
//! let mut n = 0;
//! while let Some(ctx) = insp.next()? {
//!     n += 1;
//!     assert!(ctx.num >= n);
//! }
//! assert!(n > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::event::{Event, EventLayout};
use crate::source::{EventSet, EventSource, SourceError, SourceStats};

/// Events per batch by default: large enough that the hand-over (a
/// channel send and receive) is a small part of a batch's cost, small
/// enough to stay in the L2 cache.
pub const DEFAULT_BATCH_EVENTS: usize = 1024;

/// Batches in flight between the threads (the channel's depth).
const DEPTH: usize = 4;

/// A batch is handed over once its events hold this many bytes, whatever
/// their count (large events).
const MAX_BATCH_BYTES: usize = 1024 * 1024;

/// One event of a batch.
#[derive(Clone, Copy)]
struct Entry {
    /// Where its bytes start in [`Batch::data`].
    start: usize,
    /// The source's parse of it.
    layout: EventLayout,
    cpu: Option<u16>,
    read: Option<u64>,
}

/// Why a batch was handed over before it was full.
enum End {
    /// A live source had no event within its poll timeout.
    Idle,
    /// A finite source has no more events.
    Stream,
    /// The source failed (fatal).
    Error(SourceError),
}

/// Events read ahead, their bytes back to back.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    entries: Vec<Entry>,
    /// The source's counters after the batch's last event.
    stats: SourceStats,
    end: Option<End>,
}

/// What the caller's thread tells the reader thread.
#[derive(Default)]
struct Control {
    /// A new event-type selection to apply before the next batch.
    types: Mutex<Option<EventSet>>,
    changed: AtomicBool,
}

/// A source read on a thread of its own; see the [module docs](self).
///
/// Created around any [`EventSource`] that can move to another thread; the
/// thread starts at the first [`next_event`](EventSource::next_event) and
/// stops when the `ReadAhead` is dropped (after the source's current call
/// returns) or when the source ends or fails.
pub struct ReadAhead<S: EventSource + Send + 'static> {
    /// The source, until the reader thread takes it.
    source: Option<S>,
    live: bool,
    batch_events: usize,
    flush_after: Duration,
    rx: Option<Receiver<Batch>>,
    recycle: Option<Sender<Batch>>,
    control: Arc<Control>,
    handle: Option<JoinHandle<()>>,
    /// The batch being handed out, and the next entry in it.
    cur: Batch,
    pos: usize,
    /// The entry handed out last.
    last: Option<Entry>,
    /// The selection after the thread started (filtered here too).
    wanted: Option<EventSet>,
    /// Events dropped here by `wanted`.
    filtered_here: u64,
    stats: SourceStats,
    ended: bool,
}

impl<S: EventSource + Send + 'static> ReadAhead<S> {
    /// Wraps `source`; its thread starts with the first event asked for.
    pub fn new(source: S) -> Self {
        ReadAhead {
            live: source.is_live(),
            stats: source.stats(),
            source: Some(source),
            batch_events: DEFAULT_BATCH_EVENTS,
            flush_after: Duration::from_millis(1),
            rx: None,
            recycle: None,
            control: Arc::new(Control::default()),
            handle: None,
            cur: Batch::default(),
            pos: 0,
            last: None,
            wanted: None,
            filtered_here: 0,
            ended: false,
        }
    }

    /// Events per batch (at least 1; [`DEFAULT_BATCH_EVENTS`] by default).
    pub fn with_batch_events(mut self, n: usize) -> Self {
        self.batch_events = n.max(1);
        self
    }

    /// For a live source: the longest an event waits in a batch that is
    /// not full (1 ms by default).
    pub fn with_flush_after(mut self, d: Duration) -> Self {
        self.flush_after = d;
        self
    }

    /// Starts the reader thread if it has not started.
    fn start(&mut self) -> Result<(), SourceError> {
        let Some(source) = self.source.take() else {
            return Ok(());
        };
        let (tx, rx) = mpsc::sync_channel(DEPTH);
        let (recycle_tx, recycle_rx) = mpsc::channel();
        let reader = Reader {
            source,
            tx,
            recycle: recycle_rx,
            control: self.control.clone(),
            batch_events: self.batch_events,
            flush_after: self.live.then_some(self.flush_after),
        };
        let handle = std::thread::Builder::new()
            .name("falco-read-ahead".into())
            .spawn(move || reader.run())
            .map_err(SourceError::Io)?;
        self.rx = Some(rx);
        self.recycle = Some(recycle_tx);
        self.handle = Some(handle);
        Ok(())
    }

    /// Takes the next batch from the reader thread; false when it is gone.
    fn receive(&mut self) -> bool {
        let Some(rx) = &self.rx else {
            return false;
        };
        match rx.recv() {
            Ok(b) => {
                let old = std::mem::replace(&mut self.cur, b);
                if let Some(r) = &self.recycle {
                    // The reader may have ended: then the batch is freed.
                    let _ = r.send(old);
                }
                self.pos = 0;
                self.stats = self.cur.stats;
                true
            }
            Err(_) => false,
        }
    }
}

impl<S: EventSource + Send + 'static> EventSource for ReadAhead<S> {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        self.start()?;
        let found = loop {
            if let Some(&e) = self.cur.entries.get(self.pos) {
                self.pos += 1;
                if self
                    .wanted
                    .as_ref()
                    .is_some_and(|w| !w.contains(e.layout.code()))
                {
                    self.filtered_here += 1;
                    continue;
                }
                break e;
            }
            match self.cur.end.take() {
                Some(End::Idle) => return Ok(None),
                Some(End::Stream) => {
                    self.ended = true;
                    return Ok(None);
                }
                Some(End::Error(e)) => {
                    self.ended = true;
                    return Err(e);
                }
                None => {}
            }
            if self.ended {
                return Ok(None);
            }
            if !self.receive() {
                self.ended = true;
                return Err(SourceError::Format(
                    "the read-ahead thread stopped before the end of its source".into(),
                ));
            }
        };
        self.last = Some(found);
        let bytes = self.cur.data.get(found.start..).unwrap_or(&[]);
        match Event::try_with_layout(bytes, &found.layout) {
            Some(e) => Ok(Some(e)),
            // Not reached: the reader stored the bytes it parsed.
            None => Err(SourceError::Format(
                "a read-ahead batch lost its bytes".into(),
            )),
        }
    }

    fn stats(&self) -> SourceStats {
        let mut s = match &self.source {
            Some(src) => src.stats(),
            None => self.stats,
        };
        s.events = s.events.saturating_sub(self.filtered_here);
        s.filtered += self.filtered_here;
        s
    }

    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        if let Some(src) = &mut self.source {
            return src.set_event_types(types);
        }
        self.wanted = Some(*types);
        *self.control.types.lock().unwrap_or_else(|e| e.into_inner()) = Some(*types);
        self.control.changed.store(true, Ordering::Release);
        Ok(())
    }

    fn is_live(&self) -> bool {
        self.live
    }

    fn last_cpu(&self) -> Option<u16> {
        self.last.and_then(|e| e.cpu)
    }

    fn events_read(&self) -> Option<u64> {
        self.last.and_then(|e| e.read)
    }

    fn last_event_bytes(&self) -> Option<&[u8]> {
        let e = self.last?;
        self.cur
            .data
            .get(e.start..e.start + e.layout.len() as usize)
    }
}

impl<S: EventSource + Send + 'static> Drop for ReadAhead<S> {
    fn drop(&mut self) {
        // Closing the channel stops the reader at its next hand-over.
        self.rx = None;
        self.recycle = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl<S: EventSource + Send + 'static> std::fmt::Debug for ReadAhead<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadAhead")
            .field("started", &self.source.is_none())
            .field("live", &self.live)
            .field("batch_events", &self.batch_events)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

/// The reader thread's side.
struct Reader<S> {
    source: S,
    tx: SyncSender<Batch>,
    recycle: Receiver<Batch>,
    control: Arc<Control>,
    batch_events: usize,
    /// Live sources: hand a batch over once its first event is this old.
    flush_after: Option<Duration>,
}

impl<S: EventSource> Reader<S> {
    fn run(mut self) {
        loop {
            let mut b = self.recycle.try_recv().unwrap_or_default();
            b.data.clear();
            b.entries.clear();
            b.end = None;
            if self.control.changed.swap(false, Ordering::Acquire) {
                let types = self
                    .control
                    .types
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take();
                if let Some(t) = types {
                    if let Err(e) = self.source.set_event_types(&t) {
                        b.end = Some(End::Error(e));
                    }
                }
            }
            if b.end.is_none() {
                self.fill(&mut b);
            }
            b.stats = self.source.stats();
            let last = matches!(b.end, Some(End::Stream | End::Error(_)));
            if self.tx.send(b).is_err() || last {
                return;
            }
        }
    }

    /// Reads events into `b` until it is full or the source pauses, ends
    /// or fails.
    fn fill(&mut self, b: &mut Batch) {
        let mut first: Option<Instant> = None;
        while b.entries.len() < self.batch_events && b.data.len() < MAX_BATCH_BYTES {
            let layout = match self.source.next_event() {
                Ok(Some(e)) => {
                    b.data.extend_from_slice(e.as_bytes());
                    e.layout()
                }
                Ok(None) => {
                    b.end = Some(if self.source.is_live() {
                        End::Idle
                    } else {
                        End::Stream
                    });
                    return;
                }
                Err(e) => {
                    b.end = Some(End::Error(e));
                    return;
                }
            };
            let start = b.data.len() - layout.len() as usize;
            b.entries.push(Entry {
                start,
                layout,
                cpu: self.source.last_cpu(),
                read: self.source.events_read(),
            });
            if let Some(d) = self.flush_after {
                let t = *first.get_or_insert_with(Instant::now);
                if t.elapsed() >= d {
                    return;
                }
            }
        }
    }
}

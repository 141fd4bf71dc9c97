//! The driver loop: read a source, number the events, keep the state, hand
//! out an extractor per event.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::event::{Event, OwnedEvent};
use crate::extract::EventContext;
use crate::scap::{ScapError, ScapReader};
use crate::source::{EventSource, SourceError};
use crate::table::codes::{
    PPME_PROCINFO_E, PPME_SYSCALL_CLONE3_X, PPME_SYSCALL_CLONE_20_X, PPME_SYSCALL_FORK_20_X,
    PPME_SYSCALL_VFORK_20_X,
};

use super::container_event::{container_event, CONTAINER_ADDED, CONTAINER_REMOVED};
use super::runtime::ContainerInfo;
use super::HostState;

/// Counters of an [`Inspector`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InspectorStats {
    /// Events handed out.
    pub events: u64,
    /// `procinfo` events: applied to nothing and not handed out (sysdig
    /// numbers them but never shows them).
    pub procinfo: u64,
    /// Events the source handed out that the decoder could not read again
    /// (a source bug, or a driver newer than the table): skipped, never
    /// taken for the end of the stream.
    pub skipped_malformed: u64,
    /// `container` and `container_removed` events emitted for containers
    /// the runtime described (live sources with a container runtime).
    pub container_events: u64,
}

/// Reads events from a source, numbers them, updates the [`HostState`] in
/// libsinsp's order and hands out each event with its [`EventContext`].
///
/// # Numbering
///
/// `evt.num` counts every event the source read, from 1, including the
/// ones it did not hand out (enter events merged by the capture converter,
/// events filtered by type, `procinfo` events). So on an old capture an
/// exit event has the number sysdig gives it.
///
/// # Order
///
/// The state is updated before the event is handed out (so an execve exit
/// already shows the new program, an open exit its new fd); removals (a
/// thread at procexit, an fd at close) wait for the next event, so the
/// event that causes them still sees what it removes.
///
/// # Example
///
/// ```no_run
/// use falco_events::state::Inspector;
/// use falco_events::SyscallFields;
/// use falco_rules::{Filter, Scratch};
///
/// let filter = Filter::new("evt.type = open and fd.name startswith /etc", &SyscallFields::new())
///     .map_err(|e| e.to_string())?;
/// let mut insp = Inspector::open_capture("trace.scap")?;
/// let mut scratch = Scratch::new();
/// while let Some(ctx) = insp.next()? {
///     if filter.matches(&ctx, &mut scratch) {
///         println!("{} {}", ctx.num, ctx.event.name());
///     }
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Inspector<S> {
    source: S,
    state: HostState,
    buf: Vec<u8>,
    /// The source lends its last event ([`EventSource::last_event_bytes`]):
    /// no copy into `buf`.
    lends: bool,
    num: u64,
    first_ts: Option<u64>,
    prev_ts: u64,
    stats: InspectorStats,
    /// The last `container` event the inspector emitted itself.
    injected: Option<OwnedEvent>,
}

impl Inspector<ScapReader<File>> {
    /// Opens a capture file, seeding the state from its metadata.
    pub fn open_capture(path: impl AsRef<Path>) -> Result<Self, ScapError> {
        Ok(Inspector::from_capture(ScapReader::open(path)?))
    }
}

impl<R: Read> Inspector<ScapReader<R>> {
    /// An inspector over a capture reader, with the state seeded from the
    /// capture's process, fd and user lists.
    pub fn from_capture(reader: ScapReader<R>) -> Self {
        let state = HostState::from_metadata(reader.metadata());
        Inspector::new(reader, state)
    }
}

impl<S: EventSource> Inspector<S> {
    /// An inspector over `source` starting from `state` (use
    /// [`HostState::from_proc`] for a live source).
    pub fn new(source: S, state: HostState) -> Self {
        Inspector {
            source,
            state,
            buf: Vec::with_capacity(4096),
            lends: false,
            num: 0,
            first_ts: None,
            prev_ts: 0,
            stats: InspectorStats::default(),
            injected: None,
        }
    }

    /// The state.
    pub fn state(&self) -> &HostState {
        &self.state
    }

    /// The source.
    pub fn source(&self) -> &S {
        &self.source
    }

    /// The source, mutably (to change its event types, ...).
    pub fn source_mut(&mut self) -> &mut S {
        &mut self.source
    }

    /// Counters.
    pub fn stats(&self) -> InspectorStats {
        self.stats
    }

    /// The next event with its context (the extractor, which holds the
    /// event in [`EventContext::event`]); `Ok(None)` when the source has
    /// none (see [`EventSource::next_event`]).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<EventContext<'_>>, SourceError> {
        // A container whose init exited, then one the runtime described
        // since the last event: its `container_removed` or `container`
        // event comes first (a length check and one atomic load when none).
        let announce = match self.state.removed_containers.pop_front() {
            Some(info) => Some((CONTAINER_REMOVED, info)),
            None => self
                .state
                .containers
                .take_announced()
                .map(|i| (CONTAINER_ADDED, i)),
        };
        if let Some((name, info)) = announce {
            if let Some((ts, first, prev)) = self.container_event(name, &info) {
                let evt = match &self.injected {
                    Some(e) => e.as_event(),
                    None => return Ok(None),
                };
                let mut ctx = EventContext::new(evt, &self.state, self.num);
                ctx.first_ts = first;
                ctx.prev_ts = if prev == 0 { ts } else { prev };
                return Ok(Some(ctx));
            }
        }
        // Whether this event is viewed in the source's buffer (else in the
        // inspector's copy).
        let mut lent = false;
        let layout = loop {
            self.state.flush_pending();
            let Some(evt) = self.source.next_event()? else {
                return Ok(None);
            };
            // The source checked the event is well formed: its parse is
            // kept, not redone.
            let layout = evt.layout();
            if !self.lends {
                // A source that does not lend its last event: keep a copy,
                // so it can be asked how many events it read (a capture
                // counts the ones it did not hand out).
                self.buf.clear();
                self.buf.extend_from_slice(evt.as_bytes());
            }
            let read = self.source.events_read().unwrap_or(0);
            self.num = if read > self.num { read } else { self.num + 1 };
            if layout.code() == PPME_PROCINFO_E {
                self.stats.procinfo += 1;
                continue;
            }
            if !self.lends {
                // This event is viewed in the copy; the next ones are
                // borrowed from the source if it lends them.
                self.lends = self.source.last_event_bytes().is_some();
                break layout;
            }
            let len = layout.len() as usize;
            if self
                .source
                .last_event_bytes()
                .is_some_and(|b| b.len() == len)
            {
                lent = true;
                break layout;
            }
            // A source that broke its promise to lend: skip, never panic.
            self.stats.skipped_malformed += 1;
        };
        let bytes: &[u8] = if lent {
            self.source.last_event_bytes().unwrap_or(&[])
        } else {
            &self.buf
        };
        let Some(evt) = Event::try_with_layout(bytes, &layout) else {
            // Not reached: the loop checked the bytes have the layout's
            // length.
            self.stats.skipped_malformed += 1;
            return Ok(None);
        };
        let tid = evt.tid() as i64;
        // A new child's own clone event creates it from its parent: looking
        // it up first would read it from /proc (a live state) for nothing.
        let child_clone = matches!(
            evt.code(),
            PPME_SYSCALL_CLONE_20_X
                | PPME_SYSCALL_CLONE3_X
                | PPME_SYSCALL_FORK_20_X
                | PPME_SYSCALL_VFORK_20_X
        ) && super::event_result(&evt) == Some(0);
        // A container meta-event has no thread (its tid is 0 or 1).
        let thread_less = crate::extract::is_thread_less(evt.code());
        if !child_clone && !thread_less {
            self.state.touch_thread(tid, evt.ts());
        }
        self.state.update(&evt);
        if child_clone {
            self.state.touch_thread(tid, evt.ts());
        }
        if self.state.live {
            // As libs: live sources only (a capture keeps every thread).
            self.state.purge_inactive(evt.ts());
        }
        let first = *self.first_ts.get_or_insert(evt.ts());
        let prev = std::mem::replace(&mut self.prev_ts, evt.ts());
        self.stats.events += 1;
        let mut ctx = EventContext::new(evt, &self.state, self.num);
        ctx.cpu = self.source.last_cpu();
        ctx.first_ts = first;
        ctx.prev_ts = if prev == 0 { evt.ts() } else { prev };
        Ok(Some(ctx))
    }

    /// Emits Falco's `container` (or `container_removed`: `name`) event for
    /// `info` (see
    /// [`super::container_event`]): an `asyncevent` with no thread (tid 0,
    /// as the plugin's), stamped with the current time (never before the
    /// previous event), numbered and applied to the state like any event.
    /// Gives the event's time, the stream's first and the previous event's
    /// times; `None` only if the event cannot be encoded (a document over
    /// 4 GiB).
    fn container_event(&mut self, name: &str, info: &ContainerInfo) -> Option<(u64, u64, u64)> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let ts = now.max(self.prev_ts);
        let owned = container_event(ts, 0, name, info).ok()?;
        self.state.flush_pending();
        let evt = self.injected.insert(owned).as_event();
        self.num += 1;
        self.state.update(&evt);
        let first = *self.first_ts.get_or_insert(ts);
        let prev = std::mem::replace(&mut self.prev_ts, ts);
        self.stats.events += 1;
        self.stats.container_events += 1;
        Some((ts, first, prev))
    }
}

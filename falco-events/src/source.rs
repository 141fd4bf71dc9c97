//! Where events come from: the [`EventSource`] trait that capture readers and
//! drivers implement, the [`EventSet`] of event types a consumer wants, and
//! the counters every source keeps ([`SourceStats`]).
//!
//! # Contract
//!
//! An [`EventSource`] hands out one [`Event`] at a time, borrowed from the
//! source's own buffer: the view is valid until the next call to
//! [`next_event`](EventSource::next_event) (a *lending* iterator, so no copy
//! is made per event). Events come in **timestamp order** (a source that
//! merges several CPU rings returns the oldest pending event first).
//!
//! Every event a source returns is well formed ([`Event::parse`] accepted
//! it). A source never returns a malformed event and never stops on one: it
//! skips it and counts it in [`SourceStats::skipped_malformed`].
//!
//! # Example: draining a source
//!
//! ```
//! use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
//! use falco_events::event::{Event, EventBuilder, OwnedEvent, Value};
//! use falco_events::table::codes::{PPME_SYSCALL_CLOSE_X, PPME_SYSCALL_OPEN_X};
//!
//! /// A source over events held in memory.
//! struct Replay {
//!     events: Vec<OwnedEvent>,
//!     next: usize,
//!     wanted: EventSet,
//!     stats: SourceStats,
//! }
//!
//! impl EventSource for Replay {
//!     fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
//!         while let Some(e) = self.events.get(self.next) {
//!             self.next += 1;
//!             if self.wanted.contains(e.as_event().code()) {
//!                 self.stats.events += 1;
//!                 return Ok(Some(e.as_event()));
//!             }
//!             self.stats.filtered += 1;
//!         }
//!         Ok(None)
//!     }
//!     fn stats(&self) -> SourceStats {
//!         self.stats
//!     }
//!     fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
//!         self.wanted = *types;
//!         Ok(())
//!     }
//! }
//!
//! let open = EventBuilder::new(PPME_SYSCALL_OPEN_X).value(Value::Int(3)).build().unwrap();
//! let close = EventBuilder::new(PPME_SYSCALL_CLOSE_X).value(Value::Int(0)).build().unwrap();
//! let mut src = Replay {
//!     events: vec![open, close],
//!     next: 0,
//!     wanted: falco_events::source::all_event_types(),
//!     stats: SourceStats::default(),
//! };
//! src.set_event_types(&EventSet::from_codes([PPME_SYSCALL_OPEN_X])).unwrap();
//! let mut names = Vec::new();
//! while let Some(evt) = src.next_event().unwrap() {
//!     names.push(evt.name());
//! }
//! assert_eq!(names, ["open"]);
//! assert_eq!(src.stats().filtered, 1);
//! ```

use crate::event::{DecodeError, Event};
use crate::table::PPM_EVENT_MAX;

/// The set of event codes a consumer wants: the rule engine's
/// [`falco_rules::EventSet`], one type for the whole workspace. Codes past
/// [`PPM_EVENT_MAX`] never come from a source.
pub use falco_rules::evttype::EventSet;

/// Every event code of the syscall table (`0..PPM_EVENT_MAX`).
pub fn all_event_types() -> EventSet {
    EventSet::all(PPM_EVENT_MAX as usize)
}

/// Counters of a source. Every event the source read is counted exactly once
/// in `events`, `filtered`, `dropped_by_converter`, `skipped_malformed` or
/// `skipped_unknown` (a capture reader also counts corrupted metadata blocks
/// in `skipped_malformed`); `drops` counts events lost *before* the source
/// saw them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceStats {
    /// Events returned by `next_event`.
    pub events: u64,
    /// Events the kernel side lost (ring buffer full, ...): reported by
    /// drivers; 0 for captures.
    pub drops: u64,
    /// Malformed events or blocks that were skipped.
    pub skipped_malformed: u64,
    /// Events of a type newer than this table (`>= PPM_EVENT_MAX`), skipped.
    pub skipped_unknown: u64,
    /// Events left out because their type is not in the set given to
    /// [`EventSource::set_event_types`].
    pub filtered: u64,
    /// Events consumed by schema conversion: enter events merged into their
    /// exit event, unused or obsolete event types (captures only).
    pub dropped_by_converter: u64,
}

/// An error that stops a source: I/O failure, or input that cannot be read
/// as an event stream at all. Malformed single events are not errors (they
/// are skipped and counted).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Reading failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The input is not an event stream (bad capture header, ...).
    #[error("{0}")]
    Format(String),
    /// An event could not be decoded where the source cannot skip it.
    #[error("malformed event: {0}")]
    Decode(#[from] DecodeError),
    /// The driver refused a request (an event-type selection it could not
    /// apply, ...).
    #[error("{0}")]
    Driver(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// A stream of events in timestamp order: a capture file, the kernel module,
/// the eBPF probe.
///
/// Implementations keep one event in a buffer of their own and lend it out;
/// see the [module docs](self) for the contract and an example.
pub trait EventSource {
    /// The next event, or `Ok(None)` when there is none.
    ///
    /// For a finite source (a capture file), `Ok(None)` means the stream has
    /// ended for good; for a live source (a driver), it means no event
    /// arrived within the source's poll timeout, and the caller calls again
    /// (checking its own shutdown flag in between). `Err` is fatal for the
    /// source.
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError>;

    /// The counters so far.
    fn stats(&self) -> SourceStats;

    /// Restricts the stream to the event types in `types` (the types the
    /// loaded rules can match, plus the types host-state tracking needs: the
    /// caller computes the union). A driver uses it to avoid producing events
    /// at all; a capture reader filters with it; a source may ignore it and
    /// return more. Events left out are counted in
    /// [`SourceStats::filtered`].
    ///
    /// `Err` when the selection could not be applied (a driver's map or
    /// ioctl failed); the source then keeps its previous selection.
    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError>;

    /// Whether the source is live (a driver): for a live source `Ok(None)`
    /// from [`next_event`](EventSource::next_event) is an empty poll, not
    /// the end of the stream. `false` (the default) for finite sources.
    fn is_live(&self) -> bool {
        false
    }

    /// The CPU the last returned event came from, when the source knows it.
    fn last_cpu(&self) -> Option<u16> {
        None
    }

    /// How many events the source has read so far, including those it did
    /// not hand out (filtered by type, merged by a converter, skipped), when
    /// it knows — a capture does, so events can be numbered as sysdig numbers
    /// them. Called once per event: it must be cheap. Live sources return
    /// `None` (the default) and events are numbered as they are handed out.
    fn events_read(&self) -> Option<u64> {
        None
    }

    /// The bytes of the event the last successful
    /// [`next_event`](EventSource::next_event) returned, still held unchanged
    /// by the source until its next call; `None` (the default) when the
    /// source does not keep them.
    ///
    /// This lets a caller ask [`events_read`](EventSource::events_read) and
    /// [`last_cpu`](EventSource::last_cpu) after an event and then look at
    /// the event again without copying it (the [`Inspector`] does): the
    /// returned bytes are exactly those of the event returned, so the
    /// caller can reuse the parse it already made of them.
    ///
    /// [`Inspector`]: crate::state::Inspector
    fn last_event_bytes(&self) -> Option<&[u8]> {
        None
    }
}

/// A boxed source is a source, so a program can pick its driver at run time
/// (`Box<dyn EventSource>`) and still hand it to generic code.
impl<S: EventSource + ?Sized> EventSource for Box<S> {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        (**self).next_event()
    }

    fn stats(&self) -> SourceStats {
        (**self).stats()
    }

    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        (**self).set_event_types(types)
    }

    fn is_live(&self) -> bool {
        (**self).is_live()
    }

    fn last_cpu(&self) -> Option<u16> {
        (**self).last_cpu()
    }

    fn events_read(&self) -> Option<u64> {
        (**self).events_read()
    }

    fn last_event_bytes(&self) -> Option<&[u8]> {
        (**self).last_event_bytes()
    }
}

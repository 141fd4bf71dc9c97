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
//!         self.wanted = types.clone();
//!         Ok(())
//!     }
//! }
//!
//! let open = EventBuilder::new(PPME_SYSCALL_OPEN_X).value(Value::Int(3)).build().unwrap();
//! let close = EventBuilder::new(PPME_SYSCALL_CLOSE_X).value(Value::Int(0)).build().unwrap();
//! let mut src = Replay {
//!     events: vec![open, close],
//!     next: 0,
//!     wanted: EventSet::all(),
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

use std::fmt;

use crate::event::{DecodeError, Event};
use crate::table::PPM_EVENT_MAX;

const WORDS: usize = (PPM_EVENT_MAX as usize).div_ceil(64);

/// A set of event codes (`0..PPM_EVENT_MAX`), as a bitmap: membership is one
/// shift and mask. Codes past the table are never members.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EventSet {
    bits: [u64; WORDS],
}

impl EventSet {
    /// The empty set.
    pub fn new() -> EventSet {
        EventSet { bits: [0; WORDS] }
    }

    /// Every event code.
    pub fn all() -> EventSet {
        let mut s = EventSet::new();
        for c in 0..PPM_EVENT_MAX {
            s.insert(c);
        }
        s
    }

    /// The set of the given codes (codes past the table are ignored).
    pub fn from_codes(codes: impl IntoIterator<Item = u16>) -> EventSet {
        let mut s = EventSet::new();
        for c in codes {
            s.insert(c);
        }
        s
    }

    /// Adds `code`; returns false if it is past the table.
    pub fn insert(&mut self, code: u16) -> bool {
        if code >= PPM_EVENT_MAX {
            return false;
        }
        self.bits[code as usize / 64] |= 1 << (code % 64);
        true
    }

    /// Removes `code`.
    pub fn remove(&mut self, code: u16) {
        if code < PPM_EVENT_MAX {
            self.bits[code as usize / 64] &= !(1 << (code % 64));
        }
    }

    /// True if `code` is in the set.
    pub fn contains(&self, code: u16) -> bool {
        code < PPM_EVENT_MAX && self.bits[code as usize / 64] & (1 << (code % 64)) != 0
    }

    /// Number of codes in the set.
    pub fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True if the set is empty.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0)
    }

    /// The codes, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (0..PPM_EVENT_MAX).filter(move |&c| self.contains(c))
    }

    /// Adds every code of `other`.
    pub fn union_with(&mut self, other: &EventSet) {
        for (a, b) in self.bits.iter_mut().zip(other.bits.iter()) {
            *a |= b;
        }
    }
}

/// The rule engine's event-type set (what a ruleset needs) as the set a
/// source filters with.
impl From<&falco_rules::evttype::EventSet> for EventSet {
    fn from(s: &falco_rules::evttype::EventSet) -> EventSet {
        EventSet::from_codes(s.iter())
    }
}

impl Default for EventSet {
    fn default() -> Self {
        EventSet::new()
    }
}

impl fmt::Debug for EventSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<u16> for EventSet {
    fn from_iter<T: IntoIterator<Item = u16>>(iter: T) -> Self {
        EventSet::from_codes(iter)
    }
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
}

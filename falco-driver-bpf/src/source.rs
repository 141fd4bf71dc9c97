//! The probe as a `falco-events` [`EventSource`].

use std::time::Duration;

use falco_events::{Event, EventSet, EventSource, SourceError, SourceStats};

use crate::probe::BpfProbe;
use crate::syscalls::{ENTER_SPECS, EXIT_SPECS};

/// How long [`EventSource::next_event`] waits for an event before it
/// returns `Ok(None)` so the caller can check its shutdown flag.
const POLL_TIMEOUT: Duration = Duration::from_millis(100);

const PPME_PROCEXIT_1_E: u16 = 186;
const PPME_SCHEDSWITCH_6_E: u16 = 152;
const PPME_SIGNALDELIVER_E: u16 = 232;

impl EventSource for BpfProbe {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        // Find a well-formed event first, then lend it: the probe writes
        // only well-formed events, so the skip path is for safety.
        let found = loop {
            let Some(bytes) = BpfProbe::next_event_timeout(self, POLL_TIMEOUT) else {
                break false;
            };
            if Event::parse(bytes).is_ok() {
                break true;
            }
            self.counts.skipped_malformed += 1;
        };
        if !found {
            return Ok(None);
        }
        self.counts.events += 1;
        match self.current() {
            Some(bytes) => Ok(Some(Event::parse(bytes)?)),
            None => Ok(None),
        }
    }

    fn stats(&self) -> SourceStats {
        let drops = self.recent_drops();
        SourceStats {
            events: self.counts.events,
            drops,
            skipped_malformed: self.counts.skipped_malformed,
            ..SourceStats::default()
        }
    }

    /// Turns on the syscalls whose enter or exit event is in `types` (plus
    /// host-state syscalls when the probe keeps them); procexit if its code
    /// is in the set. Event types the probe cannot produce are ignored.
    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        let mut names: Vec<&str> = EXIT_SPECS
            .iter()
            .filter(|s| {
                types.contains(s.event)
                    || ENTER_SPECS
                        .iter()
                        .any(|e| e.nr == s.nr && types.contains(e.event))
                    || falco_events::codes_for_name(s.name)
                        .iter()
                        .any(|c| types.contains(*c))
            })
            .map(|s| s.name)
            .collect();
        if types.contains(PPME_PROCEXIT_1_E) {
            names.push("procexit");
        }
        if types.contains(PPME_SCHEDSWITCH_6_E) {
            names.push("switch");
        }
        if types.contains(PPME_SIGNALDELIVER_E) {
            names.push("signaldeliver");
        }
        self.set_interesting(names)
            .map(|_| ())
            .map_err(|e| SourceError::Driver(Box::new(e)))
    }

    fn is_live(&self) -> bool {
        true
    }
}

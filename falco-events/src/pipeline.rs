//! The event path in one value: a source, host state, a ruleset and the
//! per-event field cache, with the loop that ties them together.
//!
//! A [`Pipeline`] is what the daemon, a capture replay, the examples and the
//! tests all run: each event updates the host state (through the
//! [`Inspector`]), then runs the rules indexed under its type, and each rule
//! that matches is handed to the caller with the event's context. The event
//! types the source produces are always the rules' plus those host state
//! learns from ([`wanted_event_types`]), recomputed whenever the ruleset
//! changes ([`Pipeline::set_ruleset`]).
//!
//! # Example: a capture through a rule
//!
//! ```
//! use falco_events::pipeline::{Pipeline, RunEnd};
//! use falco_events::SyscallSource;
//! use falco_rules::Engine;
//!
//! let mut engine = Engine::builder().source(SyscallSource::new()).build();
//! let loaded = engine.load_str("rules.yaml", r#"
//! - rule: cat opens
//!   desc: cat opened a file
//!   condition: evt.type = open and proc.name = cat
//!   output: "open by cat (file=%fd.name)"
//!   priority: WARNING
//! "#);
//! assert!(loaded.successful());
//!
//! let capture = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/captures/falco_cat_write.scap");
//! let mut pipeline = Pipeline::open_capture(capture, engine.ruleset().clone())?;
//! let mut files = Vec::new();
//! let end = pipeline.run(|rule, ctx| files.push(rule.output.render(ctx)), || false)?;
//! assert_eq!(end, RunEnd::EndOfStream);
//! assert!(files.iter().any(|f| f == "open by cat (file=/dev/null)"), "{files:?}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use falco_rules::Scratch;
use falco_rules::{Rule, Ruleset};

use crate::extract::EventContext;
use crate::scap::{ScapError, ScapReader};
use crate::source::{EventSet, EventSource, SourceError};
use crate::source_desc::SYSCALL_SOURCE;
use crate::state::{rules_see, state_event_types, HostState, Inspector};

/// The event types a source must produce for `ruleset`: those of its active
/// rules, plus those host state learns from (process creation, fd
/// creation, ...), so the state stays right whatever the rules ask for.
pub fn wanted_event_types(ruleset: &Ruleset) -> EventSet {
    let mut s = ruleset.event_types(SYSCALL_SOURCE);
    s.union_with(&state_event_types());
    s
}

/// Why [`Pipeline::run`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RunEnd {
    /// A finite source (a capture) has no more events.
    EndOfStream,
    /// The caller's `pause` check asked to stop (a signal to handle, a
    /// shutdown); calling [`Pipeline::run`] again goes on where it stopped.
    Paused,
}

/// Counters of a [`Pipeline`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PipelineStats {
    /// Events that ran through the rules (exit events: enter events feed
    /// the host state only, as in Falco 0.44).
    pub events: u64,
    /// Rule matches handed to the caller.
    pub matches: u64,
}

/// A source, the host state it feeds, the ruleset and the field cache.
///
/// The ruleset is shared (`Arc`): a reload builds a new one and swaps it in
/// with [`Pipeline::set_ruleset`] between events.
pub struct Pipeline<S> {
    inspector: Inspector<S>,
    ruleset: Arc<Ruleset>,
    scratch: Scratch,
    stats: PipelineStats,
}

impl Pipeline<ScapReader<File>> {
    /// A pipeline over a capture file, with the host state seeded from the
    /// capture's tables.
    pub fn open_capture(
        path: impl AsRef<Path>,
        ruleset: Arc<Ruleset>,
    ) -> Result<Self, PipelineError> {
        let inspector = Inspector::open_capture(path)?;
        Ok(Pipeline::with_inspector(inspector, ruleset)?)
    }
}

impl<S: EventSource> Pipeline<S> {
    /// A pipeline over `source` starting from `state` (use
    /// [`HostState::from_proc`] for a live source). The source is told the
    /// event types the ruleset and the state need.
    pub fn new(source: S, state: HostState, ruleset: Arc<Ruleset>) -> Result<Self, SourceError> {
        Pipeline::with_inspector(Inspector::new(source, state), ruleset)
    }

    /// A pipeline over an existing inspector (its state and numbering go
    /// on).
    pub fn with_inspector(
        inspector: Inspector<S>,
        ruleset: Arc<Ruleset>,
    ) -> Result<Self, SourceError> {
        let mut p = Pipeline {
            inspector,
            ruleset: Arc::new(Ruleset::default()),
            scratch: Scratch::new(),
            stats: PipelineStats::default(),
        };
        p.set_ruleset(ruleset)?;
        Ok(p)
    }

    /// Swaps in a new ruleset and tells the source the event types it now
    /// needs. On error the source keeps its previous selection and the new
    /// ruleset is not installed.
    pub fn set_ruleset(&mut self, ruleset: Arc<Ruleset>) -> Result<(), SourceError> {
        self.inspector
            .source_mut()
            .set_event_types(&wanted_event_types(&ruleset))?;
        self.ruleset = ruleset;
        Ok(())
    }

    /// The ruleset in force.
    pub fn ruleset(&self) -> &Arc<Ruleset> {
        &self.ruleset
    }

    /// The inspector (host state, source, counters).
    pub fn inspector(&self) -> &Inspector<S> {
        &self.inspector
    }

    /// The inspector, mutably.
    pub fn inspector_mut(&mut self) -> &mut Inspector<S> {
        &mut self.inspector
    }

    /// Counters.
    pub fn stats(&self) -> PipelineStats {
        self.stats
    }

    /// Runs events through the rules until the source ends or `pause`
    /// answers true (it is asked before every event, so keep it cheap: an
    /// atomic load). `on_alert` gets each matching rule with the event's
    /// context, in rule order.
    ///
    /// For a live source, an empty poll (no event within its timeout) is
    /// not an end: the loop asks `pause` and polls again. A malformed event
    /// is skipped and counted by the source or the inspector; only a fatal
    /// source error ends the run with `Err`.
    pub fn run<F, P>(&mut self, mut on_alert: F, mut pause: P) -> Result<RunEnd, SourceError>
    where
        F: FnMut(&Rule, &EventContext<'_>),
        P: FnMut() -> bool,
    {
        loop {
            if pause() {
                return Ok(RunEnd::Paused);
            }
            match self.step(&mut on_alert)? {
                Step::End => return Ok(RunEnd::EndOfStream),
                Step::Idle | Step::Event { .. } => {}
            }
        }
    }

    /// One event through the state and the rules: what a caller with work
    /// of its own between events (signals, a drop monitor) loops over.
    /// `on_alert` gets each matching rule with the event's context.
    pub fn step<F>(&mut self, on_alert: F) -> Result<Step, SourceError>
    where
        F: FnMut(&Rule, &EventContext<'_>),
    {
        self.step_each(on_alert, |_| {})
    }

    /// As [`Pipeline::step`], then hands every event (whether rules see it
    /// or not) to `on_event` after its rules ran: what a capture writer
    /// needs.
    pub fn step_each<F, G>(&mut self, mut on_alert: F, mut on_event: G) -> Result<Step, SourceError>
    where
        F: FnMut(&Rule, &EventContext<'_>),
        G: FnMut(&EventContext<'_>),
    {
        let live = self.inspector.source().is_live();
        let Some(ctx) = self.inspector.next()? else {
            return Ok(if live { Step::Idle } else { Step::End });
        };
        let (ts, code) = (ctx.event.ts(), ctx.code());
        // Falco 0.44 evaluates rules on exit events only: the enter events
        // that still arrive (TOCTOU, execve) have fed the host state and
        // stop here.
        if rules_see(code) {
            self.stats.events += 1;
            for rule in self.ruleset.matches(&ctx, &mut self.scratch) {
                self.stats.matches += 1;
                on_alert(rule, &ctx);
            }
        }
        on_event(&ctx);
        Ok(Step::Event { ts, code })
    }
}

/// What one [`Pipeline::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// An event went through the state (and the rules, if they see it).
    Event {
        /// Its timestamp (ns since the epoch).
        ts: u64,
        /// Its event code.
        code: u16,
    },
    /// A live source had no event within its poll timeout.
    Idle,
    /// A finite source has no more events.
    End,
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The capture file could not be opened.
    #[error(transparent)]
    Capture(#[from] ScapError),
    /// The source refused the event-type selection.
    #[error(transparent)]
    Source(#[from] SourceError),
}

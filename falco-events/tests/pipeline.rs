//! The pipeline: source, host state and ruleset together. It asks the source
//! for the rules' event types plus the state's, recomputes them on a new
//! ruleset, skips malformed events without ending the stream, and pauses
//! and resumes where it stopped.

use std::sync::Arc;

use falco_events::event::{EventBuilder, OwnedEvent, Value};
use falco_events::pipeline::{wanted_event_types, Pipeline, RunEnd};
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::state::{state_event_types, HostState};
use falco_events::table::codes::*;
use falco_events::{Event, SyscallSource};
use falco_rules::{Engine, Ruleset};

/// Events held in memory; keeps the last event-type selection it was given.
struct Replay {
    events: Vec<Vec<u8>>,
    next: usize,
    wanted: Option<EventSet>,
    refuse: bool,
    stats: SourceStats,
}

impl Replay {
    fn new(events: Vec<OwnedEvent>) -> Replay {
        Replay {
            events: events.iter().map(|e| e.as_bytes().to_vec()).collect(),
            next: 0,
            wanted: None,
            refuse: false,
            stats: SourceStats::default(),
        }
    }
}

impl EventSource for Replay {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let Some(bytes) = self.events.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        self.stats.events += 1;
        Ok(Some(Event::parse(bytes).expect("well-formed test event")))
    }
    fn stats(&self) -> SourceStats {
        self.stats
    }
    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        if self.refuse {
            return Err(SourceError::Driver("the driver said no".into()));
        }
        self.wanted = Some(*types);
        Ok(())
    }
}

fn ruleset(rules: &str) -> Arc<Ruleset> {
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("rules.yaml", rules);
    assert!(r.successful(), "{}", r.render());
    engine.ruleset().clone()
}

const OPEN_RULE: &str = r#"
- rule: any open
  desc: x
  condition: evt.type = open
  output: "open %fd.name"
  priority: WARNING
"#;

const CLOSE_RULE: &str = r#"
- rule: any close
  desc: x
  condition: evt.type = close
  output: "close"
  priority: WARNING
"#;

fn open_x(tid: u64, fd: i64, name: &str) -> OwnedEvent {
    EventBuilder::new(PPME_SYSCALL_OPEN_X)
        .tid(tid)
        .value(Value::Int(fd))
        .value(Value::Str(name))
        .value(Value::Uint(0))
        .value(Value::Uint(0))
        .build()
        .unwrap()
}

fn close_x(tid: u64) -> OwnedEvent {
    EventBuilder::new(PPME_SYSCALL_CLOSE_X)
        .tid(tid)
        .value(Value::Int(0))
        .build()
        .unwrap()
}

#[test]
fn the_source_is_asked_for_the_rules_types_and_the_states() {
    let rs = ruleset(OPEN_RULE);
    let p = Pipeline::new(Replay::new(vec![]), HostState::new(), rs.clone()).unwrap();
    let wanted = p.inspector().source().wanted.expect("selection made");
    assert_eq!(wanted, wanted_event_types(&rs));
    assert!(wanted.contains(PPME_SYSCALL_OPEN_X));
    for code in state_event_types().iter() {
        assert!(wanted.contains(code), "state code {code} missing");
    }
}

#[test]
fn a_new_ruleset_recomputes_the_event_types_and_a_refusal_keeps_the_old() {
    let mut p = Pipeline::new(Replay::new(vec![]), HostState::new(), ruleset(OPEN_RULE)).unwrap();
    let close = ruleset(CLOSE_RULE);
    p.set_ruleset(close.clone()).unwrap();
    assert_eq!(
        p.inspector().source().wanted,
        Some(wanted_event_types(&close))
    );
    assert_eq!(p.ruleset().rules()[0].name.as_ref(), "any close");

    p.inspector_mut().source_mut().refuse = true;
    let err = p.set_ruleset(ruleset(OPEN_RULE)).unwrap_err();
    assert_eq!(err.to_string(), "the driver said no");
    assert_eq!(
        p.ruleset().rules()[0].name.as_ref(),
        "any close",
        "old rules kept"
    );
}

#[test]
fn alerts_come_in_event_order_with_their_numbers() {
    let src = Replay::new(vec![
        open_x(7, 3, "/etc/a"),
        close_x(7),
        open_x(7, 4, "/etc/b"),
    ]);
    let mut p = Pipeline::new(src, HostState::new(), ruleset(OPEN_RULE)).unwrap();
    let mut seen = Vec::new();
    let end = p
        .run(
            |rule, ctx| seen.push((rule.output.render(ctx), ctx.num)),
            || false,
        )
        .unwrap();
    assert_eq!(end, RunEnd::EndOfStream);
    assert_eq!(
        seen,
        [
            ("open /etc/a".to_string(), 1),
            ("open /etc/b".to_string(), 3)
        ]
    );
    assert_eq!(p.inspector().stats().skipped_malformed, 0);
    assert_eq!((p.stats().events, p.stats().matches), (3, 2));
}

#[test]
fn pause_stops_between_events_and_run_goes_on_where_it_stopped() {
    let src = Replay::new(vec![
        open_x(7, 3, "/a"),
        open_x(7, 4, "/b"),
        open_x(7, 5, "/c"),
    ]);
    let mut p = Pipeline::new(src, HostState::new(), ruleset(OPEN_RULE)).unwrap();
    let mut seen = Vec::new();
    let mut budget = 2;
    let end = p
        .run(
            |rule, ctx| seen.push(rule.output.render(ctx)),
            || {
                budget -= 1;
                budget < 0
            },
        )
        .unwrap();
    assert_eq!(end, RunEnd::Paused);
    assert_eq!(seen, ["open /a", "open /b"]);
    let end = p
        .run(|rule, ctx| seen.push(rule.output.render(ctx)), || false)
        .unwrap();
    assert_eq!(end, RunEnd::EndOfStream);
    assert_eq!(seen, ["open /a", "open /b", "open /c"]);
}

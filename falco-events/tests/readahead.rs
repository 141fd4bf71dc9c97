//! Two threads for one capture ([`ReadAhead`]): the alerts, their order,
//! their event numbers and outputs are exactly those of one thread, on every
//! test capture, whatever the batch size.

mod common;

use std::sync::Arc;

use falco_events::readahead::ReadAhead;
use falco_events::scap::ScapReader;
use falco_events::source::EventSource;
use falco_events::state::HostState;
use falco_events::{Pipeline, RunEnd, SyscallSource};
use falco_rules::{Alert, AlertFormat, Engine, RuleMatching, Ruleset};

/// The three official rules files plus a rule that fires on these captures.
fn ruleset(matching: RuleMatching) -> Arc<Ruleset> {
    let rules = common::rules_dir();
    let mut engine = Engine::builder()
        .source(SyscallSource::new())
        .rule_matching(matching)
        .build();
    for f in [
        "falco_rules.yaml",
        "falco-incubating_rules.yaml",
        "falco-sandbox_rules.yaml",
    ] {
        let r = engine.load_file(&rules.join(f));
        assert!(r.successful(), "{f}: {}", r.render());
    }
    let own = r#"
- rule: Opens under /etc
  desc: test rule
  condition: evt.type in (open, openat) and fd.directory=/etc
  output: "%proc.name opened %fd.name on cpu %evt.cpu (parent=%proc.pname flags=%evt.arg.flags)"
  priority: WARNING
"#;
    let r = engine.load_str("own.yaml", own);
    assert!(r.successful(), "{}", r.render());
    engine.ruleset().clone()
}

/// (evt.num, rule, output) of every alert, and the source's final counters.
type Run = (Vec<(u64, String, String)>, u64);

fn collect<S: EventSource>(mut p: Pipeline<S>) -> Run {
    let fmt = AlertFormat::default();
    let mut alerts = Vec::new();
    let end = p
        .run(
            |rule, ctx| {
                let a = Alert::new(rule, ctx, ctx.event.ts());
                alerts.push((ctx.num, rule.name.to_string(), a.text(&fmt)));
            },
            || false,
        )
        .expect("capture reads");
    assert_eq!(end, RunEnd::EndOfStream);
    (alerts, p.inspector().stats().events)
}

fn one_thread(name: &str, rules: &Arc<Ruleset>) -> Run {
    let path = common::capture(name).expect("capture");
    collect(Pipeline::open_capture(path, rules.clone()).expect("opens"))
}

fn two_threads(name: &str, rules: &Arc<Ruleset>, batch: usize) -> Run {
    let path = common::capture(name).expect("capture");
    let reader = ScapReader::open(path).expect("opens");
    let state = HostState::from_metadata(reader.metadata());
    let source = ReadAhead::new(reader).with_batch_events(batch);
    collect(Pipeline::new(source, state, rules.clone()).expect("pipeline"))
}

#[test]
fn read_ahead_alerts_equal_one_thread_on_every_capture() {
    for matching in [RuleMatching::First, RuleMatching::All] {
        let rules = ruleset(matching);
        let mut total = 0;
        for name in common::CAPTURES {
            let want = one_thread(name, &rules);
            assert!(want.1 > 0, "{name}: no event");
            total += want.0.len();
            for batch in [1, 7, 256] {
                let got = two_threads(name, &rules, batch);
                assert_eq!(got, want, "{name}, batch {batch}, {matching:?}");
            }
        }
        assert!(
            total > 0,
            "no alert on any capture: the test checks nothing"
        );
    }
}

#[test]
fn read_ahead_counts_as_the_source_does() {
    let path = common::capture("libs_curl_google.scap").expect("capture");
    let mut plain = ScapReader::open(&path).expect("opens");
    let mut want = Vec::new();
    while let Some(e) = plain.next_event().expect("reads") {
        want.push((e.ts(), e.code(), e.as_bytes().to_vec()));
    }
    let mut ra = ReadAhead::new(ScapReader::open(&path).expect("opens")).with_batch_events(5);
    let mut got = Vec::new();
    let mut last_read = 0;
    while let Some(e) = ra.next_event().expect("reads") {
        got.push((e.ts(), e.code(), e.as_bytes().to_vec()));
        let read = ra.events_read().expect("a capture counts");
        assert!(read > last_read, "numbers go up: {read} after {last_read}");
        last_read = read;
        assert_eq!(ra.last_event_bytes().map(<[u8]>::len), Some(ra_len(&ra)));
    }
    assert!(!want.is_empty());
    assert!(got == want, "other events through the read-ahead thread");
    assert_eq!(ra.stats(), plain.stats());
    assert_eq!(ra.events_read(), plain.events_read());
    // The end stays the end.
    assert!(ra.next_event().expect("still fine").is_none());
}

fn ra_len<S: EventSource + Send>(ra: &ReadAhead<S>) -> usize {
    ra.last_event_bytes().map_or(0, |b| {
        u32::from_le_bytes([b[16], b[17], b[18], b[19]]) as usize
    })
}

#[test]
fn read_ahead_selection_after_start_filters_every_later_event() {
    use falco_events::source::EventSet;
    use falco_events::table::codes::PPME_SYSCALL_OPEN_X;
    let path = common::capture("libs_curl_google.scap").expect("capture");
    let mut ra = ReadAhead::new(ScapReader::open(path).expect("opens")).with_batch_events(3);
    // Started with every type: the first event comes, then only opens.
    assert!(ra.next_event().expect("reads").is_some());
    ra.set_event_types(&EventSet::from_codes([PPME_SYSCALL_OPEN_X]))
        .expect("applied");
    let mut opens = 0;
    while let Some(e) = ra.next_event().expect("reads") {
        assert_eq!(e.code(), PPME_SYSCALL_OPEN_X, "{}", e.name());
        opens += 1;
    }
    assert!(opens > 0);
    assert!(ra.stats().filtered > 0);
}

#[test]
fn read_ahead_dropped_mid_stream_stops_its_thread() {
    // A daemon stopped by a signal drops its source mid-capture: the reader
    // thread, blocked on a full channel, must end and the drop return.
    let path = common::capture("libs_curl_google.scap").expect("capture");
    let mut ra = ReadAhead::new(ScapReader::open(path).expect("opens")).with_batch_events(1);
    for _ in 0..3 {
        assert!(ra.next_event().expect("reads").is_some());
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(ra);
        let _ = tx.send(());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("the drop returned: the reader thread stopped");
}

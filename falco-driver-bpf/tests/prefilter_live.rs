//! The rules' in-kernel prefilter changes no alert: two probes watch the
//! same live workload at once, one with the prefilter of Falco's stable
//! rules and one without, and the stable rules over each event stream (with
//! host state) give the same alerts, while the filtered probe hands fewer
//! events to user space.
//!
//! Needs root (or CAP_BPF + CAP_PERFMON) and a kernel with BTF; without them
//! the test prints why and passes as skipped, except under CI (`CI=true`).

use std::process::Command;
use std::time::{Duration, Instant};

use falco_driver_bpf::{BpfProbe, Prefilter, ProbeConfig, ProbeError};
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::{Event, HostState, Pipeline, Step, SyscallSource};
use falco_rules::{Engine, RuleMatching, Ruleset};

const STABLE_RULES: &str = include_str!("../../testdata/rules/falco_rules.yaml");

/// Events held in memory, handed out in order.
struct Recorded {
    events: Vec<Vec<u8>>,
    next: usize,
}

impl EventSource for Recorded {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        while let Some(bytes) = self.events.get(self.next) {
            self.next += 1;
            if let Ok(e) = Event::parse(bytes) {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }
    fn stats(&self) -> SourceStats {
        SourceStats::default()
    }
    fn set_event_types(&mut self, _: &EventSet) -> Result<(), SourceError> {
        Ok(())
    }
}

fn stable_rules() -> Engine {
    let mut engine = Engine::builder()
        .source(SyscallSource::new())
        .rule_matching(RuleMatching::All)
        .build();
    let r = engine.load_str("falco_rules.yaml", STABLE_RULES);
    assert!(r.successful(), "{}", r.render());
    engine
}

fn epoch_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

fn open_probe() -> Option<BpfProbe> {
    match BpfProbe::open(ProbeConfig::default()) {
        Ok(p) => Some(p),
        Err(e @ (ProbeError::NotRoot { .. } | ProbeError::NoBtf { .. }))
            if std::env::var("CI").as_deref() != Ok("true") =>
        {
            eprintln!("skipped: {e}");
            None
        }
        Err(e) => panic!("opening the probe: {e}"),
    }
}

/// Alerts as (rule, rendered output), sorted: the multiset to compare.
fn alerts(
    events: Vec<Vec<u8>>,
    state: HostState,
    ruleset: &std::sync::Arc<Ruleset>,
) -> Vec<String> {
    let source = Recorded { events, next: 0 };
    let mut pipeline = Pipeline::new(source, state, ruleset.clone()).expect("pipeline");
    let mut out = Vec::new();
    loop {
        let step = pipeline
            .step(|rule, ctx| out.push(format!("{}: {}", rule.name, rule.output.render(ctx))))
            .expect("step");
        if step == Step::End {
            break;
        }
    }
    out.sort();
    out
}

/// Failed opens inside and outside the stable rules' paths, relative and
/// non-canonical ones, and a read of /etc/shadow that the stable rules
/// report (cat is not a trusted reader).
const WORKLOAD: &str = r#"
cat /etc/shadow > /dev/null
for i in $(seq 1 200); do
  cat /tmp/falco-prefilter-none-$i /etc/falco-prefilter-none-$i 2>/dev/null
done
cat /etc/shadow-falco-prefilter /root/.ssh/falco-prefilter /tmp/../etc/shadow-none 2>/dev/null
cd /tmp && cat falco-prefilter-relative 2>/dev/null
cat //etc//shadow > /dev/null
true
"#;

#[test]
fn the_stable_rules_prefilter_changes_no_alert_on_a_live_workload() {
    let engine = stable_rules();
    let ruleset = engine.ruleset().clone();
    let filter = Prefilter::from_engine(&engine);
    assert!(
        filter.paths("openat").is_some(),
        "the stable rules bound the paths of failed openat calls; these do not: {:#?}",
        Prefilter::unbounded_rules(&engine)
    );
    let Some(mut plain) = open_probe() else {
        return;
    };
    let Some(mut filtered) = open_probe() else {
        return;
    };
    let wanted = falco_events::pipeline::wanted_event_types(&ruleset);
    plain.set_event_types(&wanted).expect("event types");
    filtered.set_event_types(&wanted).expect("event types");
    filtered.set_prefilter(&filter).expect("prefilter");
    let state = HostState::from_proc();

    let mut child = Command::new("sh")
        .arg("-c")
        .arg(WORKLOAD)
        .spawn()
        .expect("sh runs");
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut drain = |a: &mut Vec<Vec<u8>>, b: &mut Vec<Vec<u8>>| {
        while let Some(e) = plain.next_event() {
            a.push(e.to_vec());
        }
        while let Some(e) = filtered.next_event() {
            b.push(e.to_vec());
        }
    };
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        drain(&mut a, &mut b);
        std::thread::sleep(Duration::from_millis(2));
        assert!(started.elapsed() < Duration::from_secs(60), "workload hung");
    }
    // Both probes see every syscall of the host, so both streams are cut at
    // one instant after the workload, once what was in flight is read.
    std::thread::sleep(Duration::from_millis(50));
    let cutoff = epoch_ns();
    let window = started.elapsed();
    std::thread::sleep(Duration::from_millis(150));
    drain(&mut a, &mut b);
    let before = |e: &Vec<u8>| Event::parse(e).is_ok_and(|e| e.ts() <= cutoff);
    a.retain(before);
    b.retain(before);
    let (sa, sb) = (
        plain.stats().expect("stats"),
        filtered.stats().expect("stats"),
    );
    assert_eq!((sa.n_drops(), sb.n_drops()), (0, 0), "no drops");
    assert_eq!(sa.n_prefiltered, 0);
    assert!(
        sb.n_prefiltered >= 400,
        "the workload's 400 failed opens outside the rules' paths are left out: {}",
        sb.n_prefiltered
    );
    let secs = window.as_secs_f64();
    eprintln!(
        "events to user space over {secs:.2} s: {} without the prefilter ({:.0}/s), {} with it \
         ({:.0}/s); {} left out in the kernel",
        a.len(),
        a.len() as f64 / secs,
        b.len(),
        b.len() as f64 / secs,
        sb.n_prefiltered
    );

    let with = alerts(b, state.clone(), &ruleset);
    let without = alerts(a, state, &ruleset);
    assert!(
        without
            .iter()
            .any(|a| a.contains("/etc/shadow") && a.contains("cat")),
        "cat reading /etc/shadow is reported: {without:#?}"
    );
    assert_eq!(
        with, without,
        "the same alerts with and without the prefilter"
    );
}

#[test]
fn without_enter_events_an_open_writes_only_its_exit_event() {
    let Some(mut probe) = (match BpfProbe::open(ProbeConfig {
        enter_events: false,
        ..ProbeConfig::default()
    }) {
        Ok(p) => Some(p),
        Err(e @ (ProbeError::NotRoot { .. } | ProbeError::NoBtf { .. }))
            if std::env::var("CI").as_deref() != Ok("true") =>
        {
            eprintln!("skipped: {e}");
            None
        }
        Err(e) => panic!("opening the probe: {e}"),
    }) else {
        return;
    };
    probe.set_interesting(["openat"]).expect("interesting");
    let status = Command::new("cat")
        .arg("/etc/hostname")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("cat runs");
    assert!(status.success());
    let pid = u64::from(std::process::id());
    let mut codes = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        let Some(bytes) = probe.next_event_timeout(Duration::from_millis(50)) else {
            continue;
        };
        let Ok(e) = Event::parse(bytes) else { continue };
        // The child's own events: its name param is /etc/hostname.
        let named = e
            .param_by_name("name")
            .and_then(|p| p.as_str_lossy())
            .is_some_and(|n| n == "/etc/hostname");
        if named && e.tid() != pid {
            codes.push(e.code());
        }
    }
    // openat exit (307) only: no openat enter (306).
    assert!(codes.contains(&307), "{codes:?}");
    assert!(!codes.contains(&306), "{codes:?}");
}

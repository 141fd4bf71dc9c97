//! Audit events through the official `k8s_audit_rules.yaml`, against the
//! serde_json parse alone, in the same run.
//!
//! The input is Falco's 51 regression audit events (`testdata/k8s_audit`),
//! each kept as its JSON text. Per iteration, every event is:
//!
//! - `k8saudit/serde_json_value`: parsed into a `serde_json::Value` (the
//!   floor: what any serde-based reader pays);
//! - `k8saudit/parse`: parsed into our order-keeping tree and made an
//!   `AuditEvent` (its `stageTimestamp` read);
//! - `k8saudit/rules_first`: parsed, then run through all 48 rules with
//!   Falco's default first-match;
//! - `k8saudit/rules_all`: the same with every matching rule reported.
//!
//! Throughput is in events, so criterion prints events per second; the
//! time per iteration divided by 51 is the time per event.
//!
//! Run: `cargo bench -p falco-k8saudit --bench k8saudit`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco_k8saudit::{json::Json, AuditEvent, K8sAuditSource};
use falco_rules::{Engine, RuleMatching, Scratch};

fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata")
}

/// Each regression event as one line of compact JSON text.
fn event_texts() -> Vec<Vec<u8>> {
    let mut names: Vec<_> = std::fs::read_dir(testdata().join("k8s_audit"))
        .expect("testdata/k8s_audit")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let text = std::fs::read(&p).expect("audit file");
        for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            if let Ok(v) = Json::parse(line) {
                if AuditEvent::from_json(v).is_ok() {
                    out.push(line.to_vec());
                }
            }
        }
    }
    out
}

fn engine(matching: RuleMatching) -> Engine {
    let mut engine = Engine::builder()
        .source(K8sAuditSource::new())
        .rule_matching(matching)
        .build();
    let r = engine.load_file(&testdata().join("rules/k8s_audit_rules.yaml"));
    assert!(r.successful(), "{}", r.verbose());
    engine
}

fn bench(c: &mut Criterion) {
    let events = event_texts();
    assert_eq!(events.len(), 51);
    let mut g = c.benchmark_group("k8saudit");
    g.throughput(Throughput::Elements(events.len() as u64));

    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for e in &events {
                let v: serde_json::Value = serde_json::from_slice(e).expect("json");
                black_box(v);
            }
        })
    });

    g.bench_function("parse", |b| {
        b.iter(|| {
            for e in &events {
                let ev = AuditEvent::from_json(Json::parse(e).expect("json")).expect("event");
                black_box(ev);
            }
        })
    });

    for (name, matching) in [
        ("rules_first", RuleMatching::First),
        ("rules_all", RuleMatching::All),
    ] {
        let engine = engine(matching);
        let ruleset = engine.ruleset().clone();
        let mut scratch = Scratch::new();
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut hits = 0usize;
                for e in &events {
                    let ev = AuditEvent::from_json(Json::parse(e).expect("json")).expect("event");
                    hits += ruleset.matches(&ev, &mut scratch).count();
                }
                black_box(hits)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

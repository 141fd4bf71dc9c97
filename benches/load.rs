//! Loading and compiling the three official rules files (stable, incubating,
//! sandbox, in that order), broken down by stage. Each stage includes the
//! previous ones, so the ratios to the YAML-parse baseline (measured in the
//! same run) show where the time goes:
//!
//! - `yaml`: parse the three files into position-carrying YAML nodes;
//! - `collect`: read items into the collector (Falco's define/append/override);
//! - `engine`: the whole load — lists, macros, parse, compile to bytecode,
//!   event-type index.
//!
//! Run: `cargo bench --bench load`. Reads `testdata/rules/`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use falco::rules::engine::Engine;
use falco::rules::rules::{parse_documents, Collector, SourceFile};
use falco_events::SyscallSource;

const FILES: [&str; 3] = [
    "falco_rules.yaml",
    "falco-incubating_rules.yaml",
    "falco-sandbox_rules.yaml",
];

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules");
    let texts: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            let t = std::fs::read_to_string(dir.join(f)).expect("official rules readable");
            (f.to_string(), t)
        })
        .collect();
    let mut g = c.benchmark_group("load_official_rules");
    g.sample_size(20);
    g.bench_function("yaml", |b| {
        b.iter(|| {
            for (name, text) in &texts {
                let f = SourceFile::new(name.clone(), text.clone());
                black_box(parse_documents(&f).expect("valid YAML"));
            }
        })
    });
    g.bench_function("collect", |b| {
        b.iter(|| {
            let mut c = Collector::new("syscall");
            for (name, text) in &texts {
                let _ = black_box(c.load(name, text));
            }
        })
    });
    g.bench_function("engine", |b| {
        b.iter(|| {
            let mut e = Engine::builder().source(SyscallSource::new()).build();
            for (name, text) in &texts {
                let r = e.load_str(name, text);
                assert!(r.successful());
            }
            black_box(e.ruleset().rules().len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

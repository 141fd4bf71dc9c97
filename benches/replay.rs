//! Replay throughput: events per second through host state, field
//! extraction and the three official rules files, against sysdig reading the
//! same capture (measured in the same run, printed alongside).
//!
//! The largest test capture (`libs_curl_google.scap`, 1536 events) is too
//! small to time a process like sysdig on, so the bench first builds a larger
//! capture from it: its metadata, then its raw (old-schema) events repeated
//! [`REPEAT`] times with shifted timestamps, written uncompressed to a
//! temporary file. Both sides read that file:
//!
//! - `replay/read`: our reader alone (decode and schema conversion);
//! - `replay/inspect`: plus host state, numbering and extractor contexts;
//! - `replay/rules`: plus `Ruleset::matches` on every event with the stable,
//!   incubating and sandbox rules loaded (Falco's first-match default), on
//!   one thread;
//! - `replay/rules_2_threads`: the same with the capture read and decoded
//!   on a second thread ([`ReadAhead`]); the printed line gives the ratio
//!   to one thread measured in the same run, and checks both found the same
//!   alerts;
//! - `sysdig`: `sysdig -r FILE 'evt.type=open' > /dev/null`, timed with
//!   `Instant` (median of 3 runs, process start included), printed with its
//!   events per second and the ratio to `replay/rules`.
//!
//! A modern capture (current schema, as our probe writes it) is used
//! instead of the enlarged test capture when one exists: the file named by
//! `FALCO_REPLAY_CAPTURE`, else `target/replay-modern.scap`, which
//! `benches/record_replay_capture.sh` records from a scripted workload.
//!
//! Run: `cargo bench --bench replay`. Reads `testdata/captures` and
//! `testdata/rules`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco::rules::engine::Engine;
use falco::rules::Scratch;
use falco_events::event::Event;
use falco_events::readahead::ReadAhead;
use falco_events::scap::{ScapReader, ScapWriter, WriterOptions};
use falco_events::source::EventSource;
use falco_events::state::HostState;
use falco_events::{Inspector, SyscallSource};

/// How many times the capture's events are repeated.
const REPEAT: u64 = 100;

const RULES: [&str; 3] = [
    "falco_rules.yaml",
    "falco-incubating_rules.yaml",
    "falco-sandbox_rules.yaml",
];

fn testdata(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(sub)
}

/// Writes the enlarged capture; returns its path and its event count.
fn build_capture() -> (PathBuf, u64) {
    let src = testdata("captures").join("libs_curl_google.scap");
    let mut r = ScapReader::open(&src).expect("test capture readable");
    r.set_convert(false);
    let mut events: Vec<(Vec<u8>, u16)> = Vec::new();
    while let Some(e) = r.next_event().expect("capture decodes") {
        let bytes = e.as_bytes().to_vec();
        events.push((bytes, r.last_cpu().unwrap_or(0)));
    }
    let first = events
        .first()
        .map_or(0, |e| Event::parse(&e.0).map_or(0, |e| e.ts()));
    let last = events
        .last()
        .map_or(0, |e| Event::parse(&e.0).map_or(0, |e| e.ts()));
    let span = last.saturating_sub(first) + 1_000;
    let path = std::env::temp_dir().join(format!("falco-replay-{}.scap", std::process::id()));
    let f = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
    let mut w = ScapWriter::new(f, &WriterOptions { gzip: false }).expect("writer");
    w.write_metadata(r.metadata()).expect("write metadata");
    let mut n = 0;
    let mut buf = Vec::new();
    for i in 0..REPEAT {
        for (bytes, cpu) in &events {
            buf.clear();
            buf.extend_from_slice(bytes);
            let ts = u64::from_le_bytes(buf[..8].try_into().expect("8 bytes")) + i * span;
            buf[..8].copy_from_slice(&ts.to_le_bytes());
            let e = Event::parse(&buf).expect("event");
            w.write_event(&e, *cpu, 0).expect("write event");
            n += 1;
        }
    }
    w.finish().expect("finish");
    (path, n)
}

/// The modern capture recorded by `record_replay_capture.sh`, if any, and
/// its event count.
fn modern_capture() -> Option<(PathBuf, u64)> {
    let path = std::env::var_os("FALCO_REPLAY_CAPTURE")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/replay-modern.scap"));
    if !path.is_file() {
        return None;
    }
    let mut r = ScapReader::open(&path).ok()?;
    let mut n = 0;
    while let Ok(Some(_)) = r.next_event() {
        n += 1;
    }
    println!("replay capture: {} ({n} events)", path.display());
    Some((path, n))
}

fn engine() -> Engine {
    let mut e = Engine::builder().source(SyscallSource::new()).build();
    let dir = testdata("rules");
    for f in RULES {
        let r = e.load_file(&dir.join(f));
        assert!(r.successful(), "{f}: {}", r.render());
    }
    e
}

/// One full pass: every event through state and the rules; returns alerts.
/// With `threads` of 2 or more the capture is read on a thread of its own.
fn replay_rules(path: &Path, engine: &Engine, scratch: &mut Scratch, threads: usize) -> usize {
    if threads >= 2 {
        let reader = ScapReader::open(path).expect("open");
        let state = HostState::from_metadata(reader.metadata());
        return count_alerts(
            Inspector::new(ReadAhead::new(reader), state),
            engine,
            scratch,
        );
    }
    count_alerts(
        Inspector::open_capture(path).expect("open"),
        engine,
        scratch,
    )
}

fn count_alerts<S: EventSource>(
    mut insp: Inspector<S>,
    engine: &Engine,
    scratch: &mut Scratch,
) -> usize {
    let ruleset = engine.ruleset();
    let mut alerts = 0;
    while let Some(item) = insp.next().expect("read") {
        if falco_events::state::rules_see(item.code()) {
            alerts += ruleset.matches(&item, scratch).count();
        }
    }
    alerts
}

fn time_sysdig(path: &Path) -> Option<Duration> {
    let mut runs = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let ok = Command::new("sysdig")
            .arg("-r")
            .arg(path)
            .arg("evt.type=open")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?
            .success();
        if !ok {
            return None;
        }
        runs.push(t.elapsed());
    }
    runs.sort();
    Some(runs[1])
}

fn bench(c: &mut Criterion) {
    let (path, n, temporary) = match modern_capture() {
        Some((p, n)) => (p, n, false),
        None => {
            let (p, n) = build_capture();
            (p, n, true)
        }
    };
    let engine = engine();
    let mut scratch = Scratch::new();

    // Ours, timed like sysdig (median of 3 passes), for the printed ratios.
    let mut time_ours = |threads: usize| {
        let mut runs = Vec::new();
        let mut alerts = 0;
        for _ in 0..3 {
            let t = Instant::now();
            alerts = replay_rules(&path, &engine, &mut scratch, threads);
            runs.push(t.elapsed());
        }
        runs.sort();
        (runs[1], alerts)
    };
    let (ours, alerts) = time_ours(1);
    let (ours2, alerts2) = time_ours(2);
    assert_eq!(alerts2, alerts, "2 threads found other alerts than 1");
    println!(
        "replay of {n} events through the 3 rules files: 1 thread {:.1} ms, 2 threads {:.1} ms: \
         2 threads are {:.2}x one",
        ours.as_secs_f64() * 1e3,
        ours2.as_secs_f64() * 1e3,
        ours.as_secs_f64() / ours2.as_secs_f64()
    );
    let ours_eps = n as f64 / ours.as_secs_f64();
    match time_sysdig(&path) {
        Some(d) => {
            let eps = n as f64 / d.as_secs_f64();
            println!(
                "replay of {n} events: ours (3 rules files, {alerts} alerts) {:.1} ms = {:.2} M events/s; \
                 sysdig -r 'evt.type=open' {:.1} ms = {:.2} M events/s; ours is {:.1}x sysdig",
                ours.as_secs_f64() * 1e3,
                ours_eps / 1e6,
                d.as_secs_f64() * 1e3,
                eps / 1e6,
                d.as_secs_f64() / ours.as_secs_f64()
            );
        }
        None => println!(
            "replay of {n} events: ours {:.2} M events/s; sysdig not available, no ratio",
            ours_eps / 1e6
        ),
    }

    let mut g = c.benchmark_group("replay");
    g.throughput(Throughput::Elements(n));
    g.sample_size(10);
    g.bench_function("read", |b| {
        b.iter(|| {
            let mut r = ScapReader::open(&path).expect("open");
            let mut k = 0u64;
            while let Some(e) = r.next_event().expect("read") {
                k += u64::from(e.code());
            }
            black_box(k)
        })
    });
    g.bench_function("inspect", |b| {
        b.iter(|| {
            let mut insp = Inspector::open_capture(&path).expect("open");
            let mut k = 0u64;
            while let Some(item) = insp.next().expect("read") {
                k += item.num;
            }
            black_box(k)
        })
    });
    g.bench_function("rules", |b| {
        b.iter(|| black_box(replay_rules(&path, &engine, &mut scratch, 1)))
    });
    g.bench_function("rules_2_threads", |b| {
        b.iter(|| black_box(replay_rules(&path, &engine, &mut scratch, 2)))
    });
    g.finish();
    if temporary {
        let _ = std::fs::remove_file(&path);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

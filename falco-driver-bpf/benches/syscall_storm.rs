//! Overhead of the probe on syscall-heavy workloads, as ratios measured in
//! the same run:
//!
//! - a storm of 1M `open` + `close` of one file (the probe writes their
//!   events; the stable rules look at every `openat`);
//! - a storm of 2M `stat` calls (`newfstatat`): a syscall no rule and no
//!   state needs, which must not leave the probe's dispatcher.
//!
//! Each storm runs bare, then with the probe set up as the daemon sets it up
//! (the event types of Falco's stable rules and of the host state, the
//! rules' prefilter, no TOCTOU enter events) while a consumer thread runs
//! the stable rules over the events through host state, then with the probe
//! as Falco's own (enter events, no prefilter). It prints the ratio to bare,
//! the added nanoseconds per call, the drops, and the kernel's BPF
//! statistics per program (ns per run).
//!
//! `FALCO_BENCH_QUICK=1` runs a tenth of each storm and shortens criterion's
//! measurements (the CI form). Needs root and BPF; without them only the
//! bare numbers are measured.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco_driver_bpf::{
    BpfProbe, BpfStats, Prefilter, ProbeConfig, ProgramStats, ProgramStatsReader,
};
use falco_events::{HostState, Pipeline, SyscallSource};
use falco_rules::Engine;

const PATH: &std::ffi::CStr = c"/etc/hostname";
const STABLE_RULES: &str = include_str!("../../testdata/rules/falco_rules.yaml");

fn quick() -> bool {
    std::env::var("FALCO_BENCH_QUICK").is_ok_and(|v| v == "1")
}

fn open_close() {
    // SAFETY: a valid NUL-terminated path; the fd is closed right away.
    unsafe {
        let fd = libc::open(PATH.as_ptr(), libc::O_RDONLY);
        if fd >= 0 {
            libc::close(fd);
        }
    }
}

fn stat() {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: a valid NUL-terminated path and a writable stat buffer.
    unsafe { libc::stat(PATH.as_ptr(), st.as_mut_ptr()) };
}

/// Runs `f` `n` times; the elapsed time.
fn storm(n: u32, f: fn()) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed()
}

fn stable_rules() -> Engine {
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("falco_rules.yaml", STABLE_RULES);
    assert!(r.successful(), "{}", r.render());
    engine
}

/// How the probe is set up for one run.
#[derive(Clone, Copy, Debug)]
enum Setup {
    /// As the daemon: stable rules' event types, prefilter, no enter events.
    Daemon,
    /// As Falco's probe: enter events, no prefilter.
    FalcoLike,
}

/// A probe whose events a consumer thread runs through the stable rules,
/// until finished.
struct Consumed {
    programs: ProgramStatsReader,
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<(u64, u64, Pipeline<BpfProbe>)>,
}

impl Consumed {
    fn start(setup: Setup, engine: &Engine) -> Option<Consumed> {
        let ruleset = engine.ruleset();
        let config = ProbeConfig {
            enter_events: matches!(setup, Setup::FalcoLike),
            ..ProbeConfig::default()
        };
        let mut probe = match BpfProbe::open(config) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("probe not attached, measuring the bare loops only: {e}");
                return None;
            }
        };
        if matches!(setup, Setup::Daemon) {
            probe
                .set_prefilter(&Prefilter::from_engine(engine))
                .expect("prefilter");
        }
        let programs = probe.program_stats_reader().expect("program stats");
        // Pipeline::new tells the probe the event types the rules and the
        // state need.
        let mut pipeline =
            Pipeline::new(probe, HostState::from_proc(), ruleset.clone()).expect("pipeline");
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let (mut events, mut alerts) = (0u64, 0u64);
            while !flag.load(Ordering::Relaxed) {
                match pipeline.step(|_, _| alerts += 1) {
                    Ok(falco_events::Step::Event { .. }) => events += 1,
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("consumer: {e}");
                        break;
                    }
                }
            }
            (events, alerts, pipeline)
        });
        Some(Consumed {
            programs,
            stop,
            thread,
        })
    }

    /// Stops the consumer; prints what the probe and the rules saw.
    fn finish(self, label: &str) {
        // Let the consumer catch up before it stops.
        std::thread::sleep(Duration::from_millis(300));
        self.stop.store(true, Ordering::Relaxed);
        let Ok((events, alerts, pipeline)) = self.thread.join() else {
            eprintln!("{label}: the consumer panicked");
            return;
        };
        let probe = pipeline.inspector().source();
        match probe.stats() {
            Ok(s) => eprintln!(
                "{label}: {events} events through the rules ({alerts} alerts); probe wrote {}, \
                 dropped {} (ring full), prefiltered {}",
                s.n_evts,
                s.n_drops(),
                s.n_prefiltered
            ),
            Err(e) => eprintln!("{label}: probe stats: {e}"),
        }
    }
}

fn print_programs(label: &str, before: &[ProgramStats], after: &[ProgramStats]) {
    for p in after {
        let b = before.iter().find(|b| b.name == p.name);
        let cnt = p.run_cnt - b.map_or(0, |b| b.run_cnt);
        let ns = p.run_time_ns - b.map_or(0, |b| b.run_time_ns);
        if cnt > 0 {
            eprintln!(
                "{label}: bpf {:>16}: {cnt:>9} runs, {:>6.0} ns/run",
                p.name,
                ns as f64 / cnt as f64
            );
        }
    }
}

fn report(what: &str, n: u32, bare: Duration, with: Duration, label: &str) {
    let per = |d: Duration| d.as_nanos() as f64 / n as f64;
    eprintln!(
        "{what} x{n}: bare {:.0} ns/call, {label} {:.0} ns/call: ratio {:.2}, +{:.0} ns per call",
        per(bare),
        per(with),
        with.as_secs_f64() / bare.as_secs_f64(),
        per(with) - per(bare)
    );
}

fn bench(c: &mut Criterion) {
    let scale = if quick() { 10 } else { 1 };
    let (n_open, n_stat) = (1_000_000 / scale, 2_000_000 / scale);
    let engine = stable_rules();
    let mut group = c.benchmark_group("syscall_storm");
    group.throughput(Throughput::Elements(1));
    group.measurement_time(Duration::from_secs(if quick() { 1 } else { 3 }));
    group.warm_up_time(Duration::from_millis(if quick() { 300 } else { 1000 }));
    group.bench_function("open_close/bare", |b| b.iter(open_close));
    group.bench_function("stat/bare", |b| b.iter(stat));

    // The storms, timed directly for the ratios.
    let bare_open = storm(n_open, open_close);
    let bare_stat = storm(n_stat, stat);
    eprintln!("bare: {n_open} open+close {bare_open:?}, {n_stat} stat {bare_stat:?}");
    for (setup, label) in [
        (Setup::Daemon, "probe+stable rules"),
        (Setup::FalcoLike, "probe as Falco's+stable rules"),
    ] {
        let Some(consumed) = Consumed::start(setup, &engine) else {
            break;
        };
        if matches!(setup, Setup::Daemon) {
            group.bench_function("open_close/probe+rules", |b| b.iter(open_close));
            group.bench_function("stat/probe+rules", |b| b.iter(stat));
        }
        let open = storm(n_open, open_close);
        let stat_t = storm(n_stat, stat);
        report("open+close", n_open, bare_open, open, label);
        report("stat", n_stat, bare_stat, stat_t, label);
        // The kernel's statistics cost two clock reads per run: on only for
        // these shorter storms, one per workload.
        match BpfStats::enable() {
            Ok(_on) => {
                for (what, n, f) in [
                    ("open+close", n_open / 5, open_close as fn()),
                    ("stat", n_stat / 5, stat as fn()),
                ] {
                    let before = consumed.programs.read();
                    storm(n, f);
                    let after = consumed.programs.read();
                    print_programs(&format!("{label}, {what} x{n}"), &before, &after);
                }
            }
            Err(e) => eprintln!("no BPF statistics: {e}"),
        }
        consumed.finish(label);
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Overhead of the probe on a syscall-heavy workload: open + close of one
//! file, without and with the probe attached (a consumer thread drains the
//! rings meanwhile, as Falco's would). Prints the ratio of the two.
//!
//! Needs root and BPF; without them only the bare numbers are measured.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco_driver_bpf::{BpfProbe, ProbeConfig};

const PATH: &std::ffi::CStr = c"/etc/hostname";
const STORM: u32 = 1_000_000;

fn open_close() {
    // SAFETY: a valid NUL-terminated path; the fd is closed right away.
    unsafe {
        let fd = libc::open(PATH.as_ptr(), libc::O_RDONLY);
        if fd >= 0 {
            libc::close(fd);
        }
    }
}

fn storm() -> Duration {
    let start = Instant::now();
    for _ in 0..STORM {
        open_close();
    }
    start.elapsed()
}

/// A probe draining its rings on a thread of its own, until dropped.
struct Drained {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<(u64, BpfProbe)>>,
}

impl Drained {
    fn start() -> Option<Drained> {
        let mut probe = match BpfProbe::open(ProbeConfig::default()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("probe not attached, measuring the bare loop only: {e}");
                return None;
            }
        };
        probe.set_interesting(["openat", "close"]).ok()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut n = 0u64;
            while !flag.load(Ordering::Relaxed) {
                if probe.next_event_timeout(Duration::from_millis(5)).is_some() {
                    n += 1;
                }
            }
            while probe.next_event().is_some() {
                n += 1;
            }
            (n, probe)
        });
        Some(Drained {
            stop,
            thread: Some(thread),
        })
    }

    fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(Ok((n, probe))) = self.thread.take().map(|t| t.join()) {
            match probe.stats() {
                Ok(s) => eprintln!(
                    "probe: {n} events consumed, {} written, {} dropped (ring full)",
                    s.n_evts, s.n_drops_buffer
                ),
                Err(e) => eprintln!("probe stats: {e}"),
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("syscall_storm");
    group.throughput(Throughput::Elements(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("open_close/bare", |b| b.iter(open_close));

    // The million-call storm, timed directly for the ratio.
    let bare = storm();
    if let Some(drained) = Drained::start() {
        group.bench_function("open_close/probe", |b| b.iter(open_close));
        let with_probe = storm();
        drained.finish();
        eprintln!(
            "{STORM} open+close: bare {:?} ({:.0} ns/call), with probe {:?} ({:.0} ns/call): ratio {:.2}",
            bare,
            bare.as_nanos() as f64 / STORM as f64,
            with_probe,
            with_probe.as_nanos() as f64 / STORM as f64,
            with_probe.as_secs_f64() / bare.as_secs_f64()
        );
    } else {
        eprintln!("{STORM} open+close: bare {bare:?}");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

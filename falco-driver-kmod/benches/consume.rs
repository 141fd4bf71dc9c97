//! Consumption throughput of the kernel-module consumer, over the simulated
//! module (the real one cannot load on the bench machine).
//!
//! Each iteration fills the rings (not timed) with ~62-byte events, about
//! the 58-byte average the libs maintainers measured on a busy host, then
//! times draining them with `Kmod::next_raw_event` (oldest first across CPUs,
//! every event's framing and parameter lengths checked), and through the
//! `EventSource` interface (plus decoding into `Event` views). The baseline,
//! measured in the same run, is a plain `memcpy` of the same bytes.
//!
//! Run: `cargo bench -p falco-driver-kmod --bench consume`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco_driver_kmod::sim::{encode_event, Emitted, SimDevice, SimDriver};
use falco_driver_kmod::{Kmod, KmodConfig};
use falco_events::source::EventSource;
use falco_events::table::codes::{PPME_SYSCALL_CLOSE_X, PPME_SYSCALL_OPENAT_2_X};

const RING: usize = 8 * 1024 * 1024;

/// Per CPU, the events of one fill: alternating openat (78 B) and close
/// (46 B) exits, timestamps interleaved across CPUs.
fn events(cpus: usize, per_cpu: usize) -> Vec<Vec<Vec<u8>>> {
    (0..cpus)
        .map(|cpu| {
            (0..per_cpu)
                .map(|i| {
                    let ts = (i * cpus + cpu) as u64;
                    if i % 2 == 0 {
                        encode_event(
                            ts,
                            1000 + cpu as u64,
                            PPME_SYSCALL_OPENAT_2_X,
                            &[
                                &3i64.to_ne_bytes(),
                                &(-100i64).to_ne_bytes(),
                                b"/etc/ld.so.cache\0\0\0\0\0\0\0\0",
                                &1u32.to_ne_bytes(),
                            ],
                        )
                    } else {
                        encode_event(
                            ts,
                            1000 + cpu as u64,
                            PPME_SYSCALL_CLOSE_X,
                            &[&0i64.to_ne_bytes(), &3i64.to_ne_bytes()],
                        )
                    }
                })
                .collect()
        })
        .collect()
}

/// One benchmark's module, consumer and events.
struct Setup {
    driver: SimDriver,
    kmod: Kmod<SimDevice>,
    /// Per CPU, the encoded events of one fill.
    events: Vec<Vec<Vec<u8>>>,
    n_events: usize,
    bytes: usize,
}

fn setup(cpus: usize) -> Setup {
    let driver = SimDriver::new(cpus, RING).expect("simulated module");
    let config = KmodConfig {
        buffer_bytes_dim: Some(RING),
        poll_timeout: Duration::ZERO,
        ..KmodConfig::default()
    };
    let kmod = Kmod::from_devices(driver.devices(), &config).expect("open");
    // Fill each ring to ~90%.
    let per_cpu = RING * 9 / 10 / 62;
    let evs = events(cpus, per_cpu);
    let bytes = evs.iter().flatten().map(Vec::len).sum();
    Setup {
        driver,
        kmod,
        events: evs,
        n_events: per_cpu * cpus,
        bytes,
    }
}

fn fill(driver: &SimDriver, evs: &[Vec<Vec<u8>>]) {
    for (cpu, list) in evs.iter().enumerate() {
        let p = driver.producer(cpu).expect("cpu");
        for e in list {
            assert_eq!(p.emit(e).expect("emit"), Emitted::Written);
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("kmod_consume");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    for cpus in [1usize, 4] {
        let Setup {
            driver,
            mut kmod,
            events: evs,
            n_events,
            bytes,
        } = setup(cpus);
        g.throughput(Throughput::Elements(n_events as u64));
        g.bench_function(format!("next_raw_event/{cpus}cpu"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    fill(&driver, &evs);
                    let start = Instant::now();
                    let mut n = 0usize;
                    while let Some(e) = kmod.next_raw_event().expect("next") {
                        n += black_box(e).len();
                    }
                    total += start.elapsed();
                    assert_eq!(n, bytes);
                }
                total
            })
        });
        // The same through the engine's interface: each event also decoded
        // into an Event view (parameter offsets) and type-filtered.
        g.bench_function(format!("event_source/{cpus}cpu"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    fill(&driver, &evs);
                    let start = Instant::now();
                    let mut n = 0usize;
                    while let Some(e) = EventSource::next_event(&mut kmod).expect("next") {
                        n += black_box(e).len() as usize;
                    }
                    total += start.elapsed();
                    assert_eq!(n, bytes);
                }
                total
            })
        });
        // Baseline: copying the same bytes once, no framing, no merge.
        let src: Vec<u8> = evs.iter().flatten().flatten().copied().collect();
        let mut dst = vec![0u8; src.len()];
        g.bench_function(format!("memcpy_baseline/{cpus}cpu"), |b| {
            b.iter(|| {
                dst.copy_from_slice(black_box(&src));
                black_box(&dst);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

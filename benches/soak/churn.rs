//! The soak test's workload: process and fd churn at a steady rate, built
//! with `rustc -O` alone (std only) by `benches/soak.sh`.
//!
//! Each second, for the whole run: `--procs` fork+exec of `--exe` (default
//! `/bin/true`; the soak gives a static program that exits at once,
//! `benches/soak/exit0.c`), spread over worker threads, the same number of short-lived threads,
//! opens and closes of files, and TCP connects to a local listener (each
//! accepted and closed) plus UDP datagrams. Everything it creates is gone a
//! moment later, so a host state that forgets what exits stays flat.
//!
//! Usage: `churn --seconds N [--procs P] [--workers W] [--exe PATH]`. Prints the totals
//! at the end.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Default)]
struct Totals {
    procs: AtomicU64,
    threads: AtomicU64,
    opens: AtomicU64,
    connects: AtomicU64,
    datagrams: AtomicU64,
    errors: AtomicU64,
}

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds = arg(&args, "--seconds", 60);
    let procs = arg(&args, "--procs", 2000);
    let workers = arg(&args, "--workers", 8).max(1);
    let exe = args
        .iter()
        .position(|a| a == "--exe")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "/bin/true".to_string());
    let totals = Arc::new(Totals::default());
    let stop = Arc::new(AtomicBool::new(false));

    // A local TCP server that accepts and drops connections.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    {
        let stop = stop.clone();
        std::thread::spawn(move || {
            for s in listener.incoming() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(mut s) = s {
                    let mut b = [0u8; 16];
                    let _ = s.read(&mut b);
                }
            }
        });
    }
    let sink = UdpSocket::bind("127.0.0.1:0").expect("udp bind");
    let sink_addr = sink.local_addr().expect("udp addr");

    let dir = std::env::temp_dir().join(format!("falco-soak-churn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let per_worker = procs.div_ceil(workers);
    let mut handles = Vec::new();
    for w in 0..workers {
        let totals = totals.clone();
        let dir = dir.clone();
        let exe = exe.clone();
        handles.push(std::thread::spawn(move || {
            let udp = UdpSocket::bind("127.0.0.1:0").expect("udp");
            let file = dir.join(format!("f{w}"));
            let mut second = Instant::now();
            while Instant::now() < deadline {
                for i in 0..per_worker {
                    // fork + exec, waited for.
                    match Command::new(&exe)
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                    {
                        Ok(_) => totals.procs.fetch_add(1, Ordering::Relaxed),
                        Err(_) => totals.errors.fetch_add(1, Ordering::Relaxed),
                    };
                    // A thread that lives a moment.
                    let t = std::thread::spawn(|| std::hint::black_box(1 + 1));
                    if t.join().is_ok() {
                        totals.threads.fetch_add(1, Ordering::Relaxed);
                    }
                    // open + write + close, open + read + close.
                    if std::fs::write(&file, b"soak").is_ok() && std::fs::read(&file).is_ok() {
                        totals.opens.fetch_add(2, Ordering::Relaxed);
                    }
                    if i % 4 == 0 {
                        match TcpStream::connect(("127.0.0.1", port)) {
                            Ok(mut s) => {
                                let _ = s.write_all(b"x");
                                totals.connects.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(_) => {
                                totals.errors.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                        if udp.send_to(b"ping", sink_addr).is_ok() {
                            totals.datagrams.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    if Instant::now() >= deadline {
                        break;
                    }
                }
                // Hold the rate: at most `per_worker` per second.
                let spent = second.elapsed();
                if spent < Duration::from_secs(1) {
                    std::thread::sleep(Duration::from_secs(1) - spent);
                }
                second = Instant::now();
            }
        }));
    }
    for h in handles {
        let _ = h.join();
    }
    stop.store(true, Ordering::Relaxed);
    let _ = TcpStream::connect(("127.0.0.1", port));
    let _ = std::fs::remove_dir_all(&dir);
    let secs = start.elapsed().as_secs_f64();
    let t = &totals;
    let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
    println!(
        "churn: {:.0} s, {} processes ({:.0}/s), {} threads, {} opens, {} connects, {} datagrams, {} errors",
        secs,
        get(&t.procs),
        get(&t.procs) as f64 / secs,
        get(&t.threads),
        get(&t.opens),
        get(&t.connects),
        get(&t.datagrams),
        get(&t.errors)
    );
}

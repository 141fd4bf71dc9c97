//! Prints the events the probe writes, one per line, with Falco's parameter
//! names: `probe_dump [SECONDS] [SYSCALL...]` (root needed).
//!
//! ```text
//! cargo run -p falco-driver-bpf --example probe_dump -- 2 execve openat
//! ```

use std::time::{Duration, Instant};

use falco_driver_bpf::{BpfProbe, ProbeConfig};
use falco_events::{Event, Param};

fn show(p: &Param<'_>) -> String {
    if p.is_empty() {
        return "<empty>".into();
    }
    if let Some(s) = p.as_str() {
        return format!("{s:?}");
    }
    if let Some(v) = p.as_i64() {
        return v.to_string();
    }
    format!("{:?}", String::from_utf8_lossy(p.as_bytes()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2);
    let syscalls: Vec<String> = args.collect();
    let config = ProbeConfig {
        keep_state_syscalls: syscalls.is_empty(),
        ..ProbeConfig::default()
    };
    let mut probe = match BpfProbe::open(config) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    if !syscalls.is_empty() {
        match probe.set_interesting(&syscalls) {
            Ok(uncovered) if !uncovered.is_empty() => eprintln!("not captured: {uncovered:?}"),
            Ok(_) => {}
            Err(e) => eprintln!("{e}"),
        }
    }
    let me = std::process::id() as u64;
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < deadline {
        let Some(bytes) = probe.next_event_timeout(Duration::from_millis(100)) else {
            continue;
        };
        let e = match Event::parse(bytes) {
            Ok(e) => e,
            Err(err) => {
                println!("malformed event of {} bytes: {err}", bytes.len());
                continue;
            }
        };
        if e.tid() == me {
            continue;
        }
        let params: Vec<String> = e
            .params()
            .map(|p| format!("{}={}", p.name(), show(&p)))
            .collect();
        println!(
            "{} {} {} {} {}",
            e.ts(),
            e.tid(),
            e.direction().symbol(),
            e.name(),
            params.join(" ")
        );
    }
    match probe.stats() {
        Ok(s) => eprintln!("{s:?}"),
        Err(e) => eprintln!("{e}"),
    }
}

//! Prints the events the probe writes, one per line, with Falco's parameter
//! names: `probe_dump [SECONDS] [SYSCALL...]` (root needed).
//!
//! ```text
//! cargo run -p falco-driver-bpf --example probe_dump -- 2 execve openat
//! ```

use std::time::{Duration, Instant};

use falco_driver_bpf::{BpfProbe, ProbeConfig, RawEvent};

fn show(bytes: &[u8]) -> String {
    if bytes.len() > 1
        && bytes.last() == Some(&0)
        && bytes[..bytes.len() - 1]
            .iter()
            .all(|b| b.is_ascii_graphic() || *b == b' ')
    {
        return format!("{:?}", String::from_utf8_lossy(&bytes[..bytes.len() - 1]));
    }
    match bytes.len() {
        0 => "<empty>".into(),
        1 => bytes[0].to_string(),
        2 => u16::from_le_bytes([bytes[0], bytes[1]]).to_string(),
        4 => i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]).to_string(),
        8 => i64::from_le_bytes(bytes.try_into().unwrap_or([0; 8])).to_string(),
        _ => format!("{:?}", String::from_utf8_lossy(bytes)),
    }
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
        let Some(e) = RawEvent::parse(bytes) else {
            println!("malformed event of {} bytes", bytes.len());
            continue;
        };
        if e.tid == me {
            continue;
        }
        let info = falco_events::event_info(e.event_type);
        let name = info.map(|i| i.name).unwrap_or("?");
        let dir = if e.event_type % 2 == 0 { '>' } else { '<' };
        let params: Vec<String> = e
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pname = info
                    .and_then(|i2| i2.params.get(i))
                    .map(|p| p.name)
                    .unwrap_or("?");
                format!("{pname}={}", show(p))
            })
            .collect();
        println!("{} {} {dir} {name} {}", e.ts, e.tid, params.join(" "));
    }
    match probe.stats() {
        Ok(s) => eprintln!("{s:?}"),
        Err(e) => eprintln!("{e}"),
    }
}

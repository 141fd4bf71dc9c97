//! `capture`: rewrite a `.scap` capture, keeping the events that match a
//! condition; or record one live from the eBPF probe.
//!
//! ```text
//! capture -r IN.scap -w OUT.scap ['CONDITION']
//! capture -w OUT.scap [--duration SECONDS] [--count N] ['CONDITION']
//! ```
//!
//! Without `-r`, the events of the live host are recorded (as root, with the
//! modern eBPF probe) until `--duration` seconds have passed, `--count`
//! events were written, or SIGINT/SIGTERM; the file starts with the host's
//! processes, fds, users and groups as the state read them from `/proc` at
//! start, so `sysdig -r` and `falco -e` know the processes that were
//! already running. Each container the runtimes (Docker, podman, CRI)
//! describe is recorded as Falco's `container` event, whatever the
//! condition, so a replay has the containers' metadata.
//!
//! The events of IN are replayed through host state (threads, fds and users
//! from the capture's metadata) and checked against CONDITION with the
//! syscall field catalog; the matching events (all of them without a
//! condition) are written to OUT after IN's metadata blocks (machine,
//! process, fd, user and interface lists). Old-schema captures come out in
//! the current schema (enter events merged into exit events, as the reader
//! converts them); `procinfo` events are left out.
//!
//! Exit codes: 0 on success; 2 for a bad condition (its line:column and the
//! message on stderr); 1 for other errors (bad arguments, unreadable input,
//! unwritable output).

use std::fs::File;
use std::io::BufWriter;
use std::process::ExitCode;

use falco::rules::{Filter, Scratch};
use falco_events::scap::{ScapReader, ScapWriter, WriterOptions};
use falco_events::{Inspector, SyscallFields};

const USAGE: &str = "usage: capture -r IN.scap -w OUT.scap ['CONDITION']\n       capture -w OUT.scap [--duration SECONDS] [--count N] ['CONDITION']";

struct Args {
    input: Option<String>,
    output: String,
    condition: Option<String>,
    duration: Option<std::time::Duration>,
    count: Option<u64>,
}

fn parse_args() -> Result<Args, String> {
    let mut input = None;
    let mut output = None;
    let mut condition = None;
    let mut duration = None;
    let mut count = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-r" => input = Some(it.next().ok_or("-r needs a capture file")?),
            "-w" => output = Some(it.next().ok_or("-w needs an output file")?),
            "--duration" => {
                let v = it.next().ok_or("--duration needs a number of seconds")?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| {
                        format!("--duration: '{v}' is not a positive number of seconds")
                    })?;
                duration = Some(std::time::Duration::from_secs_f64(secs));
            }
            "--count" => {
                let v = it.next().ok_or("--count needs a number of events")?;
                count = Some(
                    v.parse::<u64>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| format!("--count: '{v}' is not a positive number"))?,
                );
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with('-') && s.len() > 1 && condition.is_none() => {
                return Err(format!("unknown option '{s}'\n{USAGE}"))
            }
            _ if condition.is_none() => condition = Some(a),
            _ => return Err(format!("unexpected argument '{a}'\n{USAGE}")),
        }
    }
    if input.is_some() && (duration.is_some() || count.is_some()) {
        return Err(format!(
            "--duration and --count are for live recording (without -r)\n{USAGE}"
        ));
    }
    Ok(Args {
        input,
        output: output.ok_or_else(|| format!("missing -w OUT.scap\n{USAGE}"))?,
        condition,
        duration,
        count,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let filter = match args
        .condition
        .as_deref()
        .map(|c| Filter::new(c, &SyscallFields::new()))
    {
        None => None,
        Some(Ok(f)) => Some(f),
        Some(Err(e)) => {
            eprintln!("{}: error: {}", e.pos(), e.message());
            return ExitCode::from(2);
        }
    };
    if let Some(f) = &filter {
        for w in f.warnings() {
            eprintln!("{}: warning: {}", w.pos, w.message);
        }
    }
    let Some(input) = args.input.clone() else {
        return record_live(&args, filter.as_ref());
    };
    let reader = match ScapReader::open(&input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(1);
        }
    };
    let metadata = reader.metadata().clone();
    let mut insp = Inspector::from_capture(reader);
    let out = match File::create(&args.output) {
        Ok(f) => BufWriter::new(f),
        Err(e) => {
            eprintln!("{}: {e}", args.output);
            return ExitCode::from(1);
        }
    };
    let fail = |e: std::io::Error| {
        eprintln!("{}: {e}", args.output);
        ExitCode::from(1)
    };
    let mut w = match ScapWriter::new(out, &WriterOptions::default()) {
        Ok(w) => w,
        Err(e) => return fail(e),
    };
    if let Err(e) = w.write_metadata(&metadata) {
        return fail(e);
    }
    let mut scratch = Scratch::new();
    let (mut read, mut written) = (0u64, 0u64);
    loop {
        let item = match insp.next() {
            Ok(Some(item)) => item,
            Ok(None) => break,
            Err(e) => {
                eprintln!("{input}: {e}");
                return ExitCode::from(1);
            }
        };
        read += 1;
        if filter
            .as_ref()
            .is_none_or(|f| f.matches(&item, &mut scratch))
        {
            if let Err(e) = w.write_event(&item.event, item.cpu.unwrap_or(0), 0) {
                return fail(e);
            }
            written += 1;
        }
    }
    if let Err(e) = w.finish() {
        return fail(e);
    }
    eprintln!("{written} of {read} events written to {}", args.output);
    ExitCode::SUCCESS
}

/// Records the live host's events from the eBPF probe into `args.output`.
#[cfg(feature = "bpf")]
fn record_live(args: &Args, filter: Option<&Filter>) -> ExitCode {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        if let Err(e) = signal_hook::flag::register(sig, stop.clone()) {
            eprintln!("cannot install a signal handler: {e}");
            return ExitCode::from(1);
        }
    }
    let probe = match falco::bpf::BpfProbe::open(falco::bpf::ProbeConfig::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot open the eBPF probe: {e}");
            return ExitCode::from(1);
        }
    };
    let mut state = falco_events::state::HostState::from_proc();
    // The container runtimes' metadata, recorded as Falco's container
    // plugin records it: a `container` event per container.
    state.watch_containers(falco_events::state::runtime::ContainerTable::start(
        &falco_events::state::runtime::ContainerEngines::default(),
    ));
    let metadata = falco_events::scap::metadata_from_state(&state);
    let mut insp = Inspector::new(probe, state);
    let out = match File::create(&args.output) {
        Ok(f) => BufWriter::new(f),
        Err(e) => {
            eprintln!("{}: {e}", args.output);
            return ExitCode::from(1);
        }
    };
    let fail = |e: std::io::Error| {
        eprintln!("{}: {e}", args.output);
        ExitCode::from(1)
    };
    let mut w = match ScapWriter::new(out, &WriterOptions::default()) {
        Ok(w) => w,
        Err(e) => return fail(e),
    };
    if let Err(e) = w.write_metadata(&metadata) {
        return fail(e);
    }
    eprintln!("recording to {} (SIGINT to stop)", args.output);
    let started = std::time::Instant::now();
    let mut scratch = Scratch::new();
    let (mut read, mut written) = (0u64, 0u64);
    while !stop.load(Ordering::Relaxed)
        && args.duration.is_none_or(|d| started.elapsed() < d)
        && args.count.is_none_or(|n| written < n)
    {
        let item = match insp.next() {
            Ok(Some(item)) => item,
            // No event within the probe's poll timeout.
            Ok(None) => continue,
            Err(e) => {
                eprintln!("eBPF probe: {e}");
                return ExitCode::from(1);
            }
        };
        read += 1;
        // A `container` event is written whatever the condition: it is the
        // metadata the recorded processes' container fields come from.
        let container = item.event.code() == falco_events::table::codes::PPME_ASYNCEVENT_E;
        if container || filter.is_none_or(|f| f.matches(&item, &mut scratch)) {
            if let Err(e) = w.write_event(&item.event, item.cpu.unwrap_or(0), 0) {
                return fail(e);
            }
            written += 1;
        }
    }
    if let Err(e) = w.finish() {
        return fail(e);
    }
    eprintln!("{written} of {read} events written to {}", args.output);
    ExitCode::SUCCESS
}

/// Without the eBPF driver there is nothing to record from.
#[cfg(not(feature = "bpf"))]
fn record_live(_: &Args, _: Option<&Filter>) -> ExitCode {
    eprintln!("live recording needs the eBPF probe: build the falco crate with its `bpf` feature");
    ExitCode::from(1)
}

//! `capture`: rewrite a `.scap` capture, keeping the events that match a
//! condition.
//!
//! ```text
//! capture -r IN.scap -w OUT.scap ['CONDITION']
//! ```
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

const USAGE: &str = "usage: capture -r IN.scap -w OUT.scap ['CONDITION']";

struct Args {
    input: String,
    output: String,
    condition: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut input = None;
    let mut output = None;
    let mut condition = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-r" => input = Some(it.next().ok_or("-r needs a capture file")?),
            "-w" => output = Some(it.next().ok_or("-w needs an output file")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with('-') && s.len() > 1 && condition.is_none() => {
                return Err(format!("unknown option '{s}'\n{USAGE}"))
            }
            _ if condition.is_none() => condition = Some(a),
            _ => return Err(format!("unexpected argument '{a}'\n{USAGE}")),
        }
    }
    Ok(Args {
        input: input.ok_or_else(|| format!("missing -r IN.scap\n{USAGE}"))?,
        output: output.ok_or_else(|| format!("missing -w OUT.scap\n{USAGE}"))?,
        condition,
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
    let reader = match ScapReader::open(&args.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", args.input);
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
                eprintln!("{}: {e}", args.input);
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

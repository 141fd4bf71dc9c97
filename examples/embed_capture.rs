//! The official Falco rules over a capture file, alerts printed:
//! `cargo run --example embed_capture -- [CAPTURE [RULES...]]` (by default a
//! capture and the rules under `testdata/`).

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

use falco_events::{Inspector, SyscallSource};
use falco_rules::{Alert, AlertFormat, Engine, Scratch};

/// Loads `rules`, replays `capture` and writes one line per alert.
pub fn run(capture: &Path, rules: &[PathBuf], out: &mut dyn Write) -> Result<(), Box<dyn Error>> {
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    for file in rules {
        engine.load_file(file).into_result()?;
    }
    let (ruleset, mut scratch) = (engine.ruleset().clone(), Scratch::new());
    let format = AlertFormat::default(); // Falco's text form: local time, priority, output
    let mut inspector = Inspector::open_capture(capture)?;
    while let Some(event) = inspector.next()? {
        for rule in ruleset.matches(&event, &mut scratch) {
            let alert = Alert::new(rule, &event, event.event.ts());
            writeln!(out, "{}", alert.text(&format))?;
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    args.resize_with(args.len().max(1), || {
        data.join("captures/libs_curl_google.scap")
    });
    args.resize_with(args.len().max(2), || data.join("rules/falco_rules.yaml"));
    run(&args[0], &args[1..], &mut std::io::stdout().lock())
}

//! Load arbitrary text as a rules file (after a valid prefix, so the fuzzer
//! reaches the compile stage quickly): errors are fine, panics are not.
#![no_main]

use falco_events::SyscallSource;
use falco_rules::engine::Engine;
use libfuzzer_sys::fuzz_target;

const PRELUDE: &str = "- list: shells\n  items: [bash, sh]\n- macro: spawned\n  condition: evt.type in (execve, execveat)\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("fuzz.yaml", text);
    for d in r.errors.iter().chain(r.warnings.iter()) {
        let _ = d.render();
    }
    let _ = r.verbose();
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("fuzz.yaml", &format!("{PRELUDE}{text}"));
    let _ = r.render();
});

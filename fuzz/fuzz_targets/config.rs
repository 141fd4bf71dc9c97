//! Arbitrary text as `falco.yaml`, with and without `-o` options built from
//! it: every error and warning is rendered. Nothing may panic.
#![no_main]

use falco::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let env = |name: &str| (name == "HOME").then(|| "/root".to_string());
    let mut option_sets: Vec<Vec<String>> = vec![Vec::new()];
    // The first line as an `-o key=value` option too.
    if let Some(line) = text.lines().next() {
        option_sets.push(vec![line.to_string()]);
    }
    for opts in option_sets {
        match Config::from_yaml_with_env("falco.yaml", text, &opts, &env) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    let _ = w.to_string();
                }
                let _ = loaded.config.falco_libs.state_limits();
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});

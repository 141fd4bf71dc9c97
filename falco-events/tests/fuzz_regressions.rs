//! Inputs the fuzz targets (`fuzz/`) found, loaded as the targets load them:
//! each must end, with an error where the input is bad, and never panic.

use falco_events::SyscallSource;
use falco_rules::engine::Engine;

/// Loads `text` as the `load_rules` target does, on a thread, and fails
/// if it takes longer than `limit`.
fn load_within(text: &'static str, limit: std::time::Duration) -> (bool, String) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut engine = Engine::builder().source(SyscallSource::new()).build();
        let r = engine.load_str("fuzz.yaml", text);
        let _ = tx.send((r.successful(), r.render()));
    });
    rx.recv_timeout(limit).expect("the load finishes")
}

/// `load_rules`: an exception field with a control character in a flow
/// sequence (`[proc.name, fd.name\x01:]`) is reported with an empty name,
/// and the search for where that name is written looped for ever.
#[test]
fn an_exception_field_reported_with_an_empty_name_ends_with_an_error() {
    let (ok, rendered) = load_within(
        include_str!("data/fuzz/exception_field_with_control_char.yaml"),
        std::time::Duration::from_secs(20),
    );
    assert!(!ok, "{rendered}");
}

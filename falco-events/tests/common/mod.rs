//! Helpers shared by the capture tests.

#![allow(dead_code)]

use std::path::PathBuf;

use falco_events::event::OwnedEvent;
use falco_events::scap::ScapReader;
use falco_events::source::EventSource;

/// The test captures: `testdata/captures` at the repository root.
pub fn captures_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/captures"));
    assert!(
        dir.join("libs_curl_google.scap").is_file(),
        "test captures missing from {}",
        dir.display()
    );
    Some(dir)
}

/// The official rules files: `testdata/rules` at the repository root.
pub fn rules_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/rules"));
    assert!(
        dir.join("falco_rules.yaml").is_file(),
        "official rules missing from {}",
        dir.display()
    );
    dir
}

/// Whether a test that needs `what` (a tool, a privilege) can run: prints
/// why it skips when run by hand, and fails when `CI=true`, where `.ci/run`
/// installs everything the tests need.
pub fn available(what: &str, ok: bool) -> bool {
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{what} is required when CI=true"
        );
        eprintln!("skipped: {what} is not available here");
    }
    ok
}

/// Whether Debian's `sysdig` (libsinsp 0.29, the tests' oracle) runs here.
pub fn sysdig_available() -> bool {
    let ok = std::process::Command::new("sysdig")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    available("sysdig (Debian's package, the oracle)", ok)
}

/// The path of one test capture.
pub fn capture(name: &str) -> Option<PathBuf> {
    Some(captures_dir()?.join(name))
}

/// Every test capture file name.
pub const CAPTURES: &[&str] = &[
    "libs_curl_google.scap",
    "libs_curl_google_comments.scap",
    "libs_single_ipv6_conn.scap",
    "falco_cat_write.scap",
    "falco_open-multiple-files.scap",
];

/// Reads every event of a capture (converted or not), with its CPU.
pub fn read_all(r: &mut ScapReader<impl std::io::Read>) -> Vec<(OwnedEvent, u16)> {
    let mut v = Vec::new();
    while let Some(e) = r.next_event().expect("read error") {
        let owned = e.to_owned_event();
        v.push((owned, r.last_cpu().unwrap_or(0)));
    }
    v
}

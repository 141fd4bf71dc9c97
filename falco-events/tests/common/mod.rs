//! Helpers shared by the capture tests.

#![allow(dead_code)]

use std::path::PathBuf;

use falco_events::event::OwnedEvent;
use falco_events::scap::ScapReader;
use falco_events::source::EventSource;

/// The shared test captures: `$FALCO_CAPTURES`, else `shared/captures` beside
/// the repository, else `/work/shared/captures`. `None` (with a notice) when
/// none exists, so the tests that need them skip.
pub fn captures_dir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(d) = std::env::var("FALCO_CAPTURES") {
        candidates.push(PathBuf::from(d));
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    candidates.push(manifest.join("../../shared/captures"));
    candidates.push(manifest.join("../shared/captures"));
    candidates.push(PathBuf::from("/work/shared/captures"));
    let found = candidates
        .into_iter()
        .find(|d| d.join("libs_curl_google.scap").is_file());
    if found.is_none() {
        eprintln!("NOTICE: shared captures not found (set FALCO_CAPTURES); skipping");
    }
    found
}

/// The path of one shared capture.
pub fn capture(name: &str) -> Option<PathBuf> {
    Some(captures_dir()?.join(name))
}

/// Every shared capture file name.
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

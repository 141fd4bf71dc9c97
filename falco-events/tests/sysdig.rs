//! Captures we write open in Falco's tools: Debian's `sysdig` (libsinsp
//! 0.29, which reads the old enter/exit schema) prints exactly the same
//! lines for our rewrite of an old capture as for the original. Skipped,
//! with a notice, when `sysdig` is not installed.

mod common;

use std::path::Path;
use std::process::Command;

use common::{capture, read_all};
use falco_events::scap::{ScapReader, ScapWriter, WriterOptions};

fn sysdig_lines(file: &Path, filter: Option<&str>) -> String {
    let mut cmd = Command::new("sysdig");
    cmd.arg("-r").arg(file);
    if let Some(f) = filter {
        cmd.arg(f);
    }
    let out = cmd.output().expect("run sysdig");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Rewrites `name` without conversion into a temporary file.
fn rewrite_raw(name: &str, gzip: bool) -> Option<std::path::PathBuf> {
    let mut r = ScapReader::open(capture(name)?).unwrap();
    r.set_convert(false);
    let evs = read_all(&mut r);
    let path = std::env::temp_dir().join(format!(
        "falco-events-{}-{}-{}.scap",
        std::process::id(),
        name.trim_end_matches(".scap"),
        gzip
    ));
    let f = std::fs::File::create(&path).unwrap();
    let mut w = ScapWriter::new(f, &WriterOptions { gzip }).unwrap();
    w.write_metadata(r.metadata()).unwrap();
    for (e, cpu) in &evs {
        w.write_event(&e.as_event(), *cpu, 0).unwrap();
    }
    w.finish().unwrap();
    Some(path)
}

#[test]
fn sysdig_reads_our_rewrite_of_old_captures_line_for_line() {
    if !common::sysdig_available() {
        return;
    }
    // (capture, lines sysdig prints for the original, of which `evt.type=open`)
    let cases = [
        ("libs_curl_google.scap", 1221, 96),
        ("libs_single_ipv6_conn.scap", 28, 0),
        ("falco_cat_write.scap", 85, 8),
        ("falco_open-multiple-files.scap", 86, 26),
    ];
    for (name, lines, opens) in cases {
        let Some(orig) = capture(name) else { return };
        for gzip in [false, true] {
            let ours = rewrite_raw(name, gzip).unwrap();
            let want = sysdig_lines(&orig, None);
            let got = sysdig_lines(&ours, None);
            assert_eq!(want.lines().count(), lines, "{name}: original");
            assert_eq!(got.lines().count(), lines, "{name}: ours");
            assert!(got == want, "{name}: sysdig output differs");
            assert_eq!(
                sysdig_lines(&ours, Some("evt.type=open")).lines().count(),
                opens,
                "{name}"
            );
            std::fs::remove_file(&ours).ok();
        }
    }
}

#[test]
fn sysdig_reads_our_rewrite_of_the_capture_with_shb_options() {
    // sysdig 0.29 cannot read this file itself (it predates skipping SHB
    // options); our rewrite has none, and prints like curl_google.
    if !common::sysdig_available() {
        return;
    }
    let Some(twin) = capture("libs_curl_google.scap") else {
        return;
    };
    let ours = rewrite_raw("libs_curl_google_comments.scap", false).unwrap();
    let got = sysdig_lines(&ours, None);
    assert_eq!(got.lines().count(), 1221);
    assert!(got == sysdig_lines(&twin, None));
    std::fs::remove_file(&ours).ok();
}

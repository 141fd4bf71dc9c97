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

#[test]
fn strings_longer_than_libscap_allows_are_cut_as_libscap_cuts_them() {
    // A host process with 25 kB of arguments made sysdig refuse a whole
    // live capture (`invalid argslen 25713`): the writer cuts each string
    // at libscap's reader limits.
    let Some(orig) = capture("libs_single_ipv6_conn.scap") else {
        return;
    };
    let mut r = ScapReader::open(&orig).unwrap();
    r.set_convert(false);
    let evs = read_all(&mut r);
    let mut meta = r.metadata().clone();
    let long = |n: usize| "x".repeat(n);
    {
        let p = &mut meta.procs[0];
        p.args = vec![long(20_000), long(5_713)];
        p.env = vec![long(9_000)];
        p.cwd = format!("/{}", long(2_000));
        p.exe = format!("/{}", long(1_500));
    }
    if let Some(u) = meta.users.first_mut() {
        u.name = long(300);
    }
    let path = std::env::temp_dir().join(format!("falco-events-{}-long.scap", std::process::id()));
    let f = std::fs::File::create(&path).unwrap();
    let mut w = ScapWriter::new(f, &WriterOptions { gzip: false }).unwrap();
    w.write_metadata(&meta).unwrap();
    for (e, cpu) in &evs {
        w.write_event(&e.as_event(), *cpu, 0).unwrap();
    }
    w.finish().unwrap();

    let back = ScapReader::open(&path).unwrap();
    let p = &back.metadata().procs[0];
    let args_len: usize = p.args.iter().map(|a| a.len() + 1).sum();
    assert!(args_len <= 4097, "args {args_len} bytes");
    assert_eq!(p.cwd.len(), 1024);
    assert_eq!(p.exe.len(), 1024);
    if let Some(u) = back.metadata().users.first() {
        assert_eq!(u.name.len(), 255);
    }
    if common::sysdig_available() {
        let out = Command::new("sysdig")
            .arg("-r")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "sysdig: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 28);
    }
    std::fs::remove_file(&path).ok();
}

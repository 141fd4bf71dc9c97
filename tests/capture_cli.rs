//! The capture contracts of the examples: `filter --capture FILE [--count]
//! 'CONDITION'` and `capture -r IN -w OUT ['CONDITION']`, run as a user runs
//! them on the test captures in `testdata/captures`.

mod common;

use common::example;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn capture(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/captures")
        .join(name);
    assert!(path.is_file(), "{} missing", path.display());
    Some(path)
}

fn run(bin: &str, args: &[&str]) -> Output {
    Command::new(example(bin))
        .args(args)
        .output()
        .expect("example runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn filter_capture_prints_the_numbers_sysdig_gives_the_matching_events() {
    let Some(f) = capture("falco_cat_write.scap") else {
        return;
    };
    let f = f.display().to_string();
    // sysdig -r falco_cat_write.scap -p '%evt.num' 'evt.type=open and evt.dir=<'
    let o = run("filter", &["--capture", &f, "evt.type=open and evt.dir=<"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "141\n151\n187\n197\n");
    // The TOCTOU enter events of open are kept, as sysdig shows them.
    let o = run("filter", &["--capture", &f, "--count", "evt.type=open"]);
    assert!(o.status.success());
    assert_eq!(text(&o.stdout), "8\n");
}

#[test]
fn filter_capture_rejects_a_bad_condition_with_exit_2_and_a_position() {
    let Some(f) = capture("falco_cat_write.scap") else {
        return;
    };
    let f = f.display().to_string();
    let o = run(
        "filter",
        &["--capture", &f, "proc.name = cat and\nfd.nmae = x"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        text(&o.stderr),
        "2:1: error: filter_check called with nonexistent field fd.nmae\n"
    );
}

#[test]
fn capture_rewrites_the_matching_events_with_the_metadata() {
    let Some(f) = capture("libs_curl_google.scap") else {
        return;
    };
    let f = f.display().to_string();
    let out = std::env::temp_dir().join(format!("capture-cli-{}.scap", std::process::id()));
    let out_s = out.display().to_string();
    let cond = "proc.name=curl and (evt.type in (execve, clone) or (evt.type=open and fd.name startswith /etc))";
    let o = run("capture", &["-r", &f, "-w", &out_s, cond]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // The same events match in the rewrite, and nothing else is there.
    let all = run("filter", &["--capture", &out_s, "--count", "evt.num > 0"]);
    let hits = run("filter", &["--capture", &out_s, "--count", cond]);
    let before = run("filter", &["--capture", &f, "--count", cond]);
    assert_eq!(text(&hits.stdout), text(&before.stdout));
    assert_eq!(text(&all.stdout), text(&before.stdout));
    // The process list came along: after curl's execve, its parent (bash,
    // from the process list) is known in the rewrite.
    let pname = run(
        "filter",
        &[
            "--capture",
            &out_s,
            "--count",
            "proc.name=curl and proc.pname=bash",
        ],
    );
    assert_ne!(text(&pname.stdout), "0\n");
    // Without a condition every event is copied.
    let o = run("capture", &["-r", &f, "-w", &out_s]);
    assert!(o.status.success());
    assert!(
        text(&o.stderr).starts_with("676 of 676 events"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_file(&out);
}

#[test]
fn capture_rejects_a_bad_condition_with_exit_2_and_a_position() {
    let Some(f) = capture("falco_cat_write.scap") else {
        return;
    };
    let f = f.display().to_string();
    let out = std::env::temp_dir().join(format!("capture-bad-{}.scap", std::process::id()));
    let o = run(
        "capture",
        &[
            "-r",
            &f,
            "-w",
            &out.display().to_string(),
            "evt.type in (open",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("1:"), "{}", text(&o.stderr));
    assert!(!out.exists(), "nothing written for a bad condition");
}

//! The capture contracts of the examples: `filter --capture FILE [--count]
//! 'CONDITION'`, `capture -r IN -w OUT ['CONDITION']` and the live
//! `capture -w OUT --duration S ['CONDITION']`, run as a user runs them on
//! the test captures in `testdata/captures` (and on this host, as root).

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

/// `capture -w OUT --duration S 'CONDITION'` records the live host from the
/// eBPF probe (root and BTF; CI has both): the file holds the triggering
/// event, `sysdig -r` reads it, and `falco -e` replays it into an alert.
#[test]
fn capture_records_the_live_host_for_sysdig_and_falco() {
    if !common::live() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("falco-live-capture-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("live.scap");
    let child = Command::new(example("capture"))
        .args([
            "-w",
            &out.display().to_string(),
            "--duration",
            "6",
            "proc.name = cat",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("capture runs");
    // The probe takes a moment to attach: read the file several times.
    for _ in 0..8 {
        std::thread::sleep(std::time::Duration::from_millis(500));
        let _ = Command::new("cat").arg("/etc/shadow").output();
    }
    let o = child.wait_with_output().expect("capture ends");
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("events written to"), "{err}");

    // Our reader: the open of /etc/shadow by cat, with the process known
    // from the recorded metadata or its execve.
    let f = run(
        "filter",
        &[
            "--capture",
            &out.display().to_string(),
            "--count",
            "evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat",
        ],
    );
    let n: u64 = text(&f.stdout).trim().parse().unwrap_or(0);
    assert!(n >= 1, "{} / {}", text(&f.stdout), text(&f.stderr));

    // sysdig 0.29 reads it.
    if common::sysdig_available() {
        let s = Command::new("sysdig")
            .args(["-r", &out.display().to_string(), "fd.name=/etc/shadow"])
            .output()
            .expect("sysdig runs");
        let lines = text(&s.stdout);
        assert!(
            lines.contains("/etc/shadow") && lines.contains("cat"),
            "{lines}\n{}",
            text(&s.stderr)
        );
    }

    // Falco replays it into the alert.
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "- rule: shadow read\n  desc: d\n  condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat\n  output: \"shadow read by %proc.name\"\n  priority: WARNING\n",
    )
    .expect("rules");
    let r = run(
        "falco",
        &[
            "-e",
            &out.display().to_string(),
            "-r",
            &rules.display().to_string(),
            "-o",
            "syslog_output.enabled=false",
        ],
    );
    assert!(
        text(&r.stdout).contains("Warning shadow read by cat"),
        "{}\n{}",
        text(&r.stdout),
        text(&r.stderr)
    );
}

/// Falco's `capture` section: a match of a rule with `capture: true`
/// writes the events from that one on, for `capture_duration` ms, to
/// `PREFIX_<ts>_<num>.scap` (gzip); the file holds the triggering event and
/// `sysdig -r` and `falco -e` read it.
#[test]
fn a_capture_rule_leaves_a_capture_with_the_triggering_event() {
    if !common::live() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("falco-rule-capture-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "- rule: shadow read\n  desc: d\n  condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat\n  output: \"shadow read by %proc.name\"\n  priority: WARNING\n  capture: true\n  capture_duration: 1000\n",
    )
    .expect("rules");
    let prefix = dir.join("cap");
    let log = dir.join("log.txt");
    let out = dir.join("out.txt");
    let child = Command::new(example("falco"))
        .args([
            "-r",
            &rules.display().to_string(),
            "-o",
            "syslog_output.enabled=false",
            "-o",
            "webserver.enabled=false",
            "-o",
            "json_output=true",
            "-o",
            "capture.enabled=true",
            "-o",
            &format!("capture.path_prefix={}", prefix.display()),
        ])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = common::Kill(child);
    common::wait_for("the daemon", std::time::Duration::from_secs(60), || {
        common::read(&log).contains("Capture is enabled in mode 'rules'. Capturing events to ")
            && common::read(&log).contains("Starting event processing")
    });
    common::wait_for(
        "the capture to start",
        std::time::Duration::from_secs(60),
        || {
            let _ = Command::new("cat").arg("/etc/shadow").output();
            std::thread::sleep(std::time::Duration::from_millis(300));
            common::read(&log).contains("Capture started: ")
        },
    );
    // No more matches: the capture ends 1 s (capture_duration) after the
    // last one, at the first event past that.
    common::wait_for(
        "the capture to end",
        std::time::Duration::from_secs(30),
        || common::read(&log).contains("Capture written: "),
    );
    common::interrupt(&mut child.0);
    let text = common::read(&log);
    let path = text
        .lines()
        .find_map(|l| l.split("Capture written: ").nth(1))
        .expect("the capture's path")
        .trim()
        .to_string();
    // PREFIX_<20 digits>_<20 digits>.scap
    let name = Path::new(&path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let parts: Vec<&str> = name.trim_end_matches(".scap").split('_').collect();
    assert_eq!(parts.len(), 3, "{name}");
    assert!(parts[1].len() == 20 && parts[2].len() == 20, "{name}");
    // The alert's JSON says where its event was captured.
    let alert: serde_json::Value = common::read(&out)
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .expect("a JSON alert");
    assert_eq!(alert["rule"], "shadow read");
    assert_eq!(alert["capture_file"], path.as_str(), "{alert}");

    let f = run(
        "filter",
        &[
            "--capture",
            &path,
            "--count",
            "evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat",
        ],
    );
    let n: u64 = text_of(&f.stdout).trim().parse().unwrap_or(0);
    assert!(n >= 1, "{} / {}", text_of(&f.stdout), text_of(&f.stderr));
    if common::sysdig_available() {
        let s = Command::new("sysdig")
            .args(["-r", &path, "fd.name=/etc/shadow"])
            .output()
            .expect("sysdig runs");
        assert!(text_of(&s.stdout).contains("cat"), "{}", text_of(&s.stderr));
    }
}

fn text_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

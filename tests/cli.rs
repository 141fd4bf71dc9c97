//! The example programs' contracts: `filter` and `falco -V`, run as a user
//! runs them.

mod common;

use common::{example, stderr, stdout};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn data(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(file)
        .display()
        .to_string()
}

fn run(bin: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(example(bin))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example starts");
    // The program may exit before reading its input (a bad condition): a
    // broken pipe here is expected then.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("example runs")
}

const EVENTS: &str = r#"{"proc.name": "cat", "fd.name": "/etc/shadow", "user.uid": 0}
{"proc.name": "sshd", "fd.name": "/etc/shadow"}
{"fd.name": "/etc/passwd", "proc.args": ["-c", "ls"]}
"#;

#[test]
fn filter_prints_true_or_false_per_event_line() {
    let schema = data("schema.json");
    let cases: &[(&str, &str)] = &[
        ("proc.name = cat", "true\nfalse\nfalse\n"),
        // An unavailable field makes every check false, `!=` included...
        ("proc.name != cat", "false\ntrue\nfalse\n"),
        // ...while `not` inverts.
        ("not proc.name = cat", "false\ntrue\ntrue\n"),
        ("proc.name exists", "true\ntrue\nfalse\n"),
        (
            "fd.name startswith /etc/ and user.uid = 0",
            "true\nfalse\nfalse\n",
        ),
        ("proc.args intersects (-c, -x)", "false\nfalse\ntrue\n"),
        ("proc.args in (-c, ls)", "false\nfalse\ntrue\n"),
        ("fd.name glob '/etc/*w*'", "true\ntrue\ntrue\n"),
    ];
    for (cond, want) in cases {
        let o = run("filter", &["--schema", &schema, cond], EVENTS);
        assert!(o.status.success(), "{cond}: {}", stderr(&o));
        assert_eq!(stdout(&o), *want, "condition: {cond}");
    }
}

#[test]
fn filter_rejects_a_bad_condition_with_exit_2_and_a_position() {
    let schema = data("schema.json");
    let cases: &[(&str, &str)] = &[
        (
            "proc.name = cat and",
            "1:20: error: expected blank or '(' after 'and'",
        ),
        (
            "proc.name = cat and\n  proc.nmae = x",
            "2:3: error: filter_check called with nonexistent field proc.nmae",
        ),
        ("user.uid = abc", "1:12: error:"),
        ("proc.name bcontains 41", "1:11: error:"),
    ];
    for (cond, want) in cases {
        let o = run("filter", &["--schema", &schema, cond], EVENTS);
        assert_eq!(o.status.code(), Some(2), "{cond}");
        assert_eq!(stdout(&o), "", "{cond}: nothing on stdout");
        assert!(
            stderr(&o).starts_with(want),
            "{cond}: stderr was {:?}, want it to start with {want:?}",
            stderr(&o)
        );
    }
}

#[test]
fn filter_with_rules_prints_one_json_array_of_alerts_per_event() {
    let events = std::fs::read_to_string(data("events.jsonl")).expect("events");
    let o = run(
        "filter",
        &["--schema", &data("schema.json"), "-r", &data("rules.yaml")],
        &events,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    let rules: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| {
            l.as_array()
                .expect("an array")
                .iter()
                .map(|a| a["rule"].as_str().expect("rule"))
                .collect()
        })
        .collect();
    assert_eq!(
        rules,
        [
            vec!["Read sensitive file untrusted"],
            vec![],
            vec!["Shell spawned by a web server"],
            vec!["Contact cloud metadata service"],
        ]
    );
    let a = &lines[0][0];
    assert_eq!(a["priority"], "Warning");
    assert_eq!(a["source"], "syscall");
    assert_eq!(
        a["tags"],
        serde_json::json!(["filesystem", "mitre_credential_access"])
    );
    assert_eq!(a["output_fields"]["proc.name"], "cat");
    assert_eq!(a["output_fields"]["user.uid"], 0);
    assert!(a["output"]
        .as_str()
        .expect("output")
        .ends_with(": Warning Sensitive file opened for reading by non-trusted program (user.uid=0 process=cat parent=bash file=/etc/shadow)"));
}

fn official(f: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/rules")
        .join(f)
        .display()
        .to_string()
}

#[test]
fn falco_validates_the_official_files_together() {
    let files = [
        official("falco_rules.yaml"),
        official("falco-incubating_rules.yaml"),
        official("falco-sandbox_rules.yaml"),
    ];
    let o = run(
        "falco",
        &["-V", &files[0], "-V", &files[1], "-V", &files[2]],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let want: String = files.iter().map(|f| format!("{f}: Ok\n")).collect();
    assert_eq!(stdout(&o), want);
}

#[test]
fn falco_reports_every_error_of_a_broken_file_like_a_compiler() {
    let dir = std::env::temp_dir().join(format!("falco-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("broken.yaml");
    std::fs::write(
        &f,
        "- rule: a\n  desc: d\n  condition: evt.type = open and proc.nmae = x\n  output: o\n  priority: WARNING\n\
         - rule: b\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: LOUD\n",
    )
    .expect("write rules");
    let name = f.display().to_string();
    let o = run("falco", &["-V", &name], "");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("{name}: Invalid\n")), "{out}");
    assert!(out.contains(&format!(
        "{name}:3:34: error: unknown field `proc.nmae` for source `syscall`; did you mean `proc.name`?\n      condition: evt.type = open and proc.nmae = x\n                                     ^\n"
    )), "{out}");
    assert!(
        out.contains(&format!("{name}:10:13: error: Invalid priority\n")),
        "{out}"
    );

    let o = run("falco", &["-V", &name, "-o", "json_output=true"], "");
    assert_eq!(o.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON results");
    let r = &j["falco_load_results"][0];
    assert_eq!(r["successful"], false);
    let codes: Vec<&str> = r["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes.len(), 2);
    assert!(codes.contains(&"LOAD_ERR_COMPILE_CONDITION"));
    assert!(codes.contains(&"LOAD_ERR_YAML_VALIDATE"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Falco's own expected alert for its `cat_write.scap` test capture
/// (falcosecurity/testing `tests/data/outputs/outputs.go`), reproduced by
/// replaying the capture with `falco -e`. Falco 0.44 evaluates exit events
/// only, so the first alert is the first `open` exit (the older Falco of
/// that file alerted on the enter event 4 us earlier) and there are 4, not 8.
#[test]
fn falco_replays_a_capture_and_prints_falcos_json_alert() {
    let capture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/captures/falco_cat_write.scap");
    let dir = std::env::temp_dir().join(format!("falco-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let rules = dir.join("cat.yaml");
    std::fs::write(
        &rules,
        "- rule: open_from_cat\n  desc: A process named cat does an open\n  condition: evt.type=open and proc.name=cat\n  output: \"An open was seen (command=%proc.cmdline)\"\n  priority: WARNING\n  tags: [filesystem, process, testing]\n",
    )
    .expect("write rules");
    let o = Command::new(example("falco"))
        .env("FALCO_HOSTNAME", "test-falco-hostname")
        .args([
            "-e",
            &capture.display().to_string(),
            "-r",
            &rules.display().to_string(),
        ])
        .args(["-o", "json_output=true", "-o", "time_format_iso_8601=true"])
        .args(["-o", "syslog_output.enabled=false"])
        .output()
        .expect("falco runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let first = out.lines().next().expect("at least one alert");
    assert_eq!(
        first,
        r#"{"hostname":"test-falco-hostname","output":"2016-08-04T16:17:57.881785348+0000: Warning An open was seen (command=cat /dev/null)","output_fields":{"evt.time.iso8601":1470327477881785348,"proc.cmdline":"cat /dev/null"},"priority":"Warning","rule":"open_from_cat","source":"syscall","tags":["filesystem","process","testing"],"time":"2016-08-04T16:17:57.881785348Z"}"#
    );
    // Falco's end-of-run summary.
    // Falco's end-of-run summary, on stdout after the alerts.
    let summary = out
        .split_once("Events detected: ")
        .map(|(_, s)| s)
        .unwrap_or("");
    assert!(summary.starts_with("4\n"), "{out}");
    assert!(summary.contains("\n   open_from_cat: 4\n"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

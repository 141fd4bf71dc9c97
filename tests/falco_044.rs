//! Falco 0.44's configuration and replay semantics, checked by running the
//! `falco` example the way Falco's test harness and Helm charts run Falco:
//! `-c` with Falco 0.44.1's stock `falco.yaml` (`testdata/falco/`), `-o`
//! flags, `-r` rules and `-e` replays of the public captures.

mod common;

use common::{example, stderr, stdout};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn testdata(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel);
    assert!(p.exists(), "{} missing", p.display());
    p.display().to_string()
}

/// Falco 0.44.1's stock configuration file.
fn stock() -> String {
    testdata("falco/falco.yaml")
}

/// A scratch directory of this test (removed when dropped).
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("falco044-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        Scratch(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `falco -c <stock falco.yaml> -o syslog_output.enabled=false ARGS`.
fn falco(args: &[&str]) -> Output {
    Command::new(example("falco"))
        .env("FALCO_HOSTNAME", "test-host")
        .args(["-c", &stock(), "-o", "syslog_output.enabled=false"])
        .args(args)
        .output()
        .expect("falco runs")
}

/// The per-rule counts of Falco's end-of-run summary on stderr
/// (`Triggered rules by rule name:` then `   NAME: N` lines).
/// The alerts on stdout: what comes before Falco's end-of-run summary.
fn alerts(o: &Output) -> String {
    let out = stdout(o);
    match out.find("Events detected: ") {
        Some(i) => out[..i].to_string(),
        None => out,
    }
}

fn counts(o: &Output) -> BTreeMap<String, u64> {
    // Falco prints the summary on stdout, after the alerts.
    let err = stdout(o);
    let mut out = BTreeMap::new();
    let mut in_section = false;
    for line in err.lines() {
        if line == "Triggered rules by rule name:" {
            in_section = true;
            continue;
        }
        if in_section {
            let Some(rest) = line.strip_prefix("   ") else {
                break;
            };
            if let Some((name, n)) = rest.rsplit_once(": ") {
                out.insert(name.to_string(), n.parse().expect("a count"));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// 4. Exit-only evaluation

const OPEN_RULES: &str = r#"
- rule: cat opens
  desc: every open by cat
  condition: evt.type=open and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat opens, exit direction
  desc: the same, on the exit direction
  condition: evt.type=open and evt.dir=< and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat opens, enter direction
  desc: never true on an event a rule sees
  condition: evt.type=open and evt.dir=> and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat connects or execs, enter direction
  desc: the other enter events libsinsp keeps for the state only
  condition: evt.type in (connect, execve, execveat, creat, openat, openat2) and evt.dir=>
  output: "%evt.type"
  priority: WARNING
"#;

#[test]
fn rules_see_exit_events_only_on_a_replay() {
    let s = Scratch::new("exit-only");
    let rules = s.file("rules.yaml", OPEN_RULES);
    let cap = testdata("captures/falco_cat_write.scap");
    let o = falco(&["-o", "rule_matching=all", "-e", &cap, "-r", &rules]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Falco 0.44.1 gives 4 alerts (the capture holds 4 opens by cat, each as
    // a TOCTOU enter event and an exit event).
    let want: BTreeMap<String, u64> = [("cat opens", 4), ("cat opens, exit direction", 4)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    assert_eq!(counts(&o), want, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(alerts(&o).lines().count(), 8, "{out}");
    assert!(out.contains("Events detected: 8"), "{out}");
    // The enter events still fed the state: the alerts name the files.
    assert!(
        alerts(&o).contains("Warning cat opened /etc/ld.so.cache"),
        "{}",
        alerts(&o)
    );
}

#[test]
fn replay_counts_on_the_public_captures_are_exit_only() {
    let s = Scratch::new("exit-counts");
    let rules = s.file(
        "rules.yaml",
        r#"
- rule: any open or connect
  desc: one alert per call
  condition: evt.type in (open, openat, openat2, creat, connect) and proc.name=curl
  output: "%evt.type %fd.name"
  priority: NOTICE
"#,
    );
    let cap = testdata("captures/libs_curl_google.scap");
    let o = falco(&["-e", &cap, "-r", &rules]);
    assert!(o.status.success(), "{}", stderr(&o));
    // filter --capture counts the exit events alone the same way.
    let f = Command::new(example("filter"))
        .args([
            "--capture",
            &cap,
            "--count",
            "evt.type in (open, openat, openat2, creat, connect) and proc.name=curl and evt.dir=<",
        ])
        .output()
        .expect("filter runs");
    let exits: u64 = stdout(&f).trim().parse().expect("a count");
    assert!(exits > 0);
    assert_eq!(counts(&o).get("any open or connect"), Some(&exits));
}

// ---------------------------------------------------------------------------
// 2. Rule selection from the configuration

const SELECTION_RULES: &str = r#"
- rule: cat opens
  desc: d
  condition: evt.type=open and proc.name=cat
  output: "open %fd.name"
  priority: WARNING
  tags: [files]
- rule: cat opens again
  desc: d
  condition: evt.type=open and proc.name=cat
  output: "open again %fd.name"
  priority: WARNING
  tags: [files, again]
- rule: cat closes
  desc: d
  condition: evt.type=close and proc.name=cat and fd.name != ""
  output: "close %fd.name"
  priority: WARNING
  enabled: false
  tags: [io]
"#;

fn selection_counts(extra: &[&str]) -> (BTreeMap<String, u64>, String) {
    let s = Scratch::new(&format!("select-{}", extra.len()));
    let rules = s.file("rules.yaml", SELECTION_RULES);
    let cap = testdata("captures/falco_cat_write.scap");
    let mut args = vec!["-o", "rule_matching=all", "-e", &cap, "-r", &rules];
    args.extend_from_slice(extra);
    let o = falco(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    (counts(&o), stderr(&o))
}

#[test]
fn rules_section_options_enable_and_disable_in_order() {
    // (options, expected alerts per rule)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, u64)]);
    let cases: &[Case] = &[
        (&[], &[("cat opens", 4), ("cat opens again", 4)]),
        (&["-o", "rules[].disable.rule=*"], &[]),
        (
            &[
                "-o",
                "rules[].disable.rule=*",
                "-o",
                "rules[].enable.tag=io",
            ],
            &[("cat closes", 4)],
        ),
        (&["-o", "rules[].disable.tag=again"], &[("cat opens", 4)]),
        (&["-o", "rules[].disable.rule=cat opens*"], &[]),
        (
            &["-o", "rules[].enable.rule=cat closes"],
            &[("cat opens", 4), ("cat opens again", 4), ("cat closes", 4)],
        ),
        // Order matters: the later entry wins.
        (
            &[
                "-o",
                "rules[].enable.rule=*",
                "-o",
                "rules[].disable.rule=*again",
            ],
            &[("cat opens", 4), ("cat closes", 4)],
        ),
        (
            &[
                "-o",
                "rules[].disable.rule=*again",
                "-o",
                "rules[].enable.rule=*",
            ],
            &[("cat opens", 4), ("cat opens again", 4), ("cat closes", 4)],
        ),
        // A tag is matched whole, not as a wildcard.
        (
            &["-o", "rules[].disable.tag=fil*"],
            &[("cat opens", 4), ("cat opens again", 4)],
        ),
    ];
    for (opts, want) in cases {
        let (got, err) = selection_counts(opts);
        let want: BTreeMap<String, u64> = want.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(got, want, "{opts:?}\n{err}");
    }
    // Falco's log lines, and the active count in the start line.
    let (_, err) = selection_counts(&[
        "-o",
        "rules[].disable.rule=*",
        "-o",
        "rules[].enable.tag=io",
    ]);
    assert!(err.contains(": Disabling rules with name: *\n"), "{err}");
    assert!(err.contains(": Enabling rules with tag: io\n"), "{err}");
    assert!(
        err.contains("Starting event processing with 1 rules"),
        "{err}"
    );
}

#[test]
fn rules_section_in_falco_yaml_works_as_the_options() {
    let s = Scratch::new("select-yaml");
    let stock = std::fs::read_to_string(stock()).expect("read stock");
    let conf = s.file(
        "falco.yaml",
        &format!(
            "{stock}\nrules:\n  - disable:\n      rule: \"*\"\n  - enable:\n      tag: again\n"
        ),
    );
    let rules = s.file("rules.yaml", SELECTION_RULES);
    let cap = testdata("captures/falco_cat_write.scap");
    let o = Command::new(example("falco"))
        .args(["-c", &conf, "-o", "syslog_output.enabled=false"])
        .args(["-o", "rule_matching=all", "-e", &cap, "-r", &rules])
        .output()
        .expect("falco runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let want: BTreeMap<String, u64> = [("cat opens again".to_string(), 4)].into_iter().collect();
    assert_eq!(counts(&o), want, "{}", stderr(&o));
    // A malformed entry is an error naming the key, exit code 1.
    let bad = s.file("bad.yaml", &format!("{stock}\nrules:\n  - disable: yes\n"));
    let o = Command::new(example("falco"))
        .args(["-c", &bad, "-e", &cap, "-r", &rules])
        .output()
        .expect("falco runs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error: 'rules': 'enable' and 'disable' take a mapping"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------------------
// 5. Output and log details

const CONTAINER_INFO_RULE: &str = r#"
- rule: cat opens
  desc: d
  condition: evt.type=open and proc.name=cat and fd.name=/dev/null
  output: "open %fd.name %container.info (proc=%proc.name)"
  priority: WARNING
"#;

#[test]
fn container_info_loads_with_falcos_deprecation_warning_and_is_removed() {
    let s = Scratch::new("container-info");
    let rules = s.file("rules.yaml", CONTAINER_INFO_RULE);
    let o = falco(&["-V", &rules]);
    assert!(o.status.success(), "{}", alerts(&o));
    let out = alerts(&o);
    assert!(
        out.starts_with(&format!("{rules}: Ok, with warnings\n")),
        "{out}"
    );
    assert!(
        out.contains("warning: %container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message."),
        "{out}"
    );
    assert!(
        out.contains("= LOAD_DEPRECATED_ITEM (Used deprecated item) in rule 'cat opens'"),
        "{out}"
    );
    // In an alert the placeholder is gone, as in Falco 0.44 (the space
    // around it stays).
    let cap = testdata("captures/falco_cat_write.scap");
    let o = falco(&["-e", &cap, "-r", &rules]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        alerts(&o),
        "16:17:57.882054739: Warning open /dev/null  (proc=cat)\n"
    );
}

#[test]
fn log_lines_on_stderr_follow_time_format_iso_8601() {
    let s = Scratch::new("iso-log");
    let rules = s.file("rules.yaml", CONTAINER_INFO_RULE);
    let cap = testdata("captures/falco_cat_write.scap");
    let is_iso = |l: &str| {
        let b = l.as_bytes();
        b.len() > 26
            && b[4] == b'-'
            && b[10] == b'T'
            && &l[19..26] == "+0000: "
            && l[..4].bytes().all(|c| c.is_ascii_digit())
    };
    for (iso, check) in [
        (true, is_iso as fn(&str) -> bool),
        (false, |l: &str| {
            // Falco's default: `Thu Dec 03 09:32:08 2026: `.
            l.len() > 26 && &l[24..26] == ": " && l.as_bytes()[3] == b' '
        }),
    ] {
        let o = falco(&[
            "-o",
            &format!("time_format_iso_8601={iso}"),
            "-o",
            "log_syslog=false",
            "-e",
            &cap,
            "-r",
            &rules,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let err = stderr(&o);
        // The configuration's warnings, the rules' warnings and the start line.
        let logged: Vec<&str> = err
            .lines()
            .filter(|l| {
                l.contains("warning: 'watch_config_files'")
                    || l.contains("Loading rules from:")
                    || l.contains("Starting event processing")
            })
            .collect();
        assert_eq!(logged.len(), 3, "{err}");
        for l in logged {
            assert!(check(l), "iso={iso}: {l}");
        }
        // Alerts on stdout follow it too.
        let first = alerts(&o);
        assert_eq!(
            first.starts_with("2016-08-04T16:17:57.882054739+0000: "),
            iso,
            "{first}"
        );
    }
}

#[test]
fn a_broken_rules_file_gives_yaml_cpps_error_text_in_falcos_json_shape() {
    let s = Scratch::new("yaml-error");
    let rules = s.file(
        "bad.yaml",
        "- rule: a\n  desc: x: y\n  condition: evt.type=open\n",
    );
    let o = falco(&["-o", "json_output=true", "-V", &rules]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(alerts(&o).trim()).expect("one JSON document");
    let r = &v["falco_load_results"][0];
    assert_eq!(r["name"], rules.as_str());
    assert_eq!(r["successful"], false);
    let e = &r["errors"][0];
    assert_eq!(e["code"], "LOAD_ERR_YAML_PARSE");
    assert_eq!(e["codedesc"], "YAML parse error");
    assert_eq!(
        e["message"],
        "yaml-cpp: error at line 2, column 10: mapping values are not allowed in this context"
    );
    let loc = &e["context"]["locations"];
    assert_eq!(loc[0]["item_type"], "rules content");
    assert_eq!(loc[0]["position"]["name"], rules.as_str());
    assert_eq!(loc[1]["item_type"], "value for");
    assert_eq!(loc[1]["position"]["line"], 1);
    assert_eq!(loc[1]["position"]["column"], 9);
    assert!(e["context"]["snippet"].is_string());
    // The object keys are Falco's, whatever the number of errors.
    let keys: Vec<&String> = r.as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["errors", "name", "successful", "warnings"]);
}

// ---------------------------------------------------------------------------
// 3. syscall_event_drops

/// A capture whose events span more than a second, so the monitor checks.
fn long_capture() -> String {
    testdata("captures/libs_single_ipv6_conn.scap")
}

const ANY_RULE: &str = r#"
- rule: nothing
  desc: never fires
  condition: evt.type=open and proc.name=no-such-process
  output: "x"
  priority: WARNING
"#;

#[test]
fn simulated_drops_raise_falcos_internal_alert_and_count() {
    let s = Scratch::new("drops-alert");
    let rules = s.file("rules.yaml", ANY_RULE);
    let o = falco(&[
        "-o",
        "syscall_event_drops.simulate_drops=true",
        "-o",
        "log_syslog=false",
        "-e",
        &long_capture(),
        "-r",
        &rules,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = alerts(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains(": Debug Falco internal: syscall event drop. 1 system calls dropped in last second. (ebpf_enabled=\"0\" n_drops=\"1\" n_drops_buffer_clone_fork_exit=\"0\""),
        "{out}"
    );
    let err = stderr(&o);
    assert!(err.contains(": Simulating syscall event drop\n"), "{err}");
    assert!(
        err.contains("Syscall event drop monitoring:\n   - event drop detected: 1 occurrences\n   - num times actions taken: 1\n"),
        "{err}"
    );
    // JSON: Falco's internal alert shape (source `internal`, no tags).
    let o = falco(&[
        "-o",
        "syscall_event_drops.simulate_drops=true",
        "-o",
        "json_output=true",
        "-o",
        "log_syslog=false",
        "-e",
        &long_capture(),
        "-r",
        &rules,
    ]);
    let v: serde_json::Value = serde_json::from_str(alerts(&o).trim()).expect("one JSON alert");
    assert_eq!(v["rule"], "Falco internal: syscall event drop");
    assert_eq!(v["priority"], "Debug");
    assert_eq!(v["source"], "internal");
    assert_eq!(
        v["output"],
        "Falco internal: syscall event drop. 1 system calls dropped in last second."
    );
    assert_eq!(v["output_fields"]["n_drops"], "1");
    assert_eq!(v["output_fields"].as_object().map(|o| o.len()), Some(15));
    // Without simulation a replay drops nothing.
    let o = falco(&[
        "-o",
        "log_syslog=false",
        "-e",
        &long_capture(),
        "-r",
        &rules,
    ]);
    assert!(o.status.success());
    assert!(alerts(&o).is_empty());
    assert!(stderr(&o).contains("   - event drop detected: 0 occurrences\n"));
}

#[test]
fn the_exit_action_stops_falco_with_exit_code_1() {
    let s = Scratch::new("drops-exit");
    let rules = s.file("rules.yaml", ANY_RULE);
    let o = falco(&[
        "-o",
        "syscall_event_drops.simulate_drops=true",
        "-o",
        "syscall_event_drops.actions[]=exit",
        "-o",
        "log_syslog=false",
        "-e",
        &long_capture(),
        "-r",
        &rules,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            ": Falco internal: syscall event drop. 1 system calls dropped in last second.\n"
        ),
        "{err}"
    );
    assert!(err.contains(": Exiting.\n"), "{err}");
    assert!(err.contains("Error: Drop manager internal error"), "{err}");
}

#[test]
fn bad_drop_settings_are_errors_with_exit_code_1() {
    let s = Scratch::new("drops-bad");
    let rules = s.file("rules.yaml", ANY_RULE);
    let cases: &[(&[&str], &str)] = &[
        (
            &["-o", "syscall_event_drops.threshold=1.5"],
            "error: 'syscall_event_drops.threshold': syscall event drops threshold must be a double in the range [0, 1]",
        ),
        (
            &["-o", "syscall_event_drops.threshold=-0.1"],
            "error: 'syscall_event_drops.threshold': syscall event drops threshold must be a double in the range [0, 1]",
        ),
        (
            // The stock [log, alert] becomes [ignore, log].
            &["-o", "syscall_event_drops.actions[0]=ignore", "-o", "syscall_event_drops.actions[1]=log"],
            "error: 'syscall_event_drops.actions': syscall event drop action \"log\" does not make sense with the \"ignore\" action",
        ),
        (
            &["-o", "syscall_event_drops.actions[]=page"],
            "error: 'syscall_event_drops.actions': available actions for syscall event drops are \"ignore\", \"log\", \"alert\", and \"exit\"",
        ),
    ];
    let cap = long_capture();
    for (opts, want) in cases {
        let mut args: Vec<&str> = opts.to_vec();
        args.extend(["-e", &cap, "-r", &rules]);
        let o = falco(&args);
        assert_eq!(o.status.code(), Some(1), "{opts:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{opts:?}: {}", stderr(&o));
    }
    // Threshold bounds are inclusive.
    let o = falco(&[
        "-o",
        "syscall_event_drops.threshold=1",
        "-o",
        "log_syslog=false",
        "-e",
        &long_capture(),
        "-r",
        &rules,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------
// append_output (extra_output), with the stock file's entry

const APPEND_RULE: &str = r#"
- rule: cat opens
  desc: d
  condition: evt.type=open and proc.name=cat and fd.name=/dev/null
  output: "open %fd.name"
  priority: WARNING
  tags: [files, t2]
"#;

#[test]
fn append_output_extra_output_is_appended_to_matching_rules() {
    let s = Scratch::new("append");
    let rules = s.file("rules.yaml", APPEND_RULE);
    let cap = testdata("captures/falco_cat_write.scap");
    let cases: &[(&[&str], &str)] = &[
        (&[], "16:17:57.882054739: Warning open /dev/null\n"),
        (
            &[
                "-o",
                "append_output[]={match: {tags: [files]}, extra_output: \"pid=%proc.pid\"}",
            ],
            "16:17:57.882054739: Warning open /dev/null pid=20072\n",
        ),
        (
            &[
                "-o",
                "append_output[]={extra_output: \"a=%proc.name\"}",
                "-o",
                "append_output[]={match: {source: syscall, rule: cat opens}, extra_output: b}",
                "-o",
                "append_output[]={match: {rule: other}, extra_output: never}",
                "-o",
                "append_output[]={match: {tags: [files, nope]}, extra_output: never}",
                "-o",
                "append_output[]={match: {source: k8s_audit}, extra_output: never}",
            ],
            "16:17:57.882054739: Warning open /dev/null a=cat b\n",
        ),
    ];
    for (opts, want) in cases {
        let mut args: Vec<&str> = opts.to_vec();
        args.extend(["-o", "log_syslog=false", "-e", &cap, "-r", &rules]);
        let o = falco(&args);
        assert!(o.status.success(), "{opts:?}: {}", stderr(&o));
        assert_eq!(alerts(&o), *want, "{opts:?}");
    }
    // The stock entry (suggested_output) is the one warning about
    // append_output; `-o append_output.suggested_output=false` turns the
    // sequence into a mapping, leaving no entry, as in Falco.
    let o = falco(&["-o", "log_syslog=false", "-e", &cap, "-r", &rules]);
    assert!(stderr(&o).contains("warning: 'append_output.suggested_output' is a Falco setting this build does not implement; ignored"));
    let o = falco(&[
        "-o",
        "append_output.suggested_output=false",
        "-o",
        "log_syslog=false",
        "-e",
        &cap,
        "-r",
        &rules,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("append_output"), "{}", stderr(&o));
    // Falco's warning for an entry with both a rule and tags.
    let o = falco(&[
        "-o",
        "append_output[]={match: {rule: cat opens, tags: [files, t2]}, extra_output: x}",
        "-o",
        "log_syslog=false",
        "-e",
        &cap,
        "-r",
        &rules,
    ]);
    assert!(
        stderr(&o).contains("warning: An append_ouptut entry specifies both a rule (cat opens) and a list of tags (files, t2,). This means that output will be appended only to the cat opens rule and only if it has all the tags: files, t2,."),
        "{}",
        stderr(&o)
    );
    assert_eq!(alerts(&o), "16:17:57.882054739: Warning open /dev/null x\n");
}

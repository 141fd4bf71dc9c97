//! Every flag of `falco --help`, driven through the `falco` example as a user
//! runs it: exit codes, what goes to stdout and stderr, the JSON forms.

mod common;

use common::{example, stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn falco(args: &[&str]) -> Output {
    Command::new(example("falco"))
        // No /etc/falco/falco.yaml of the machine: an empty configuration.
        .args(["-c", &empty_config().display().to_string()])
        .args(args)
        .output()
        .expect("falco runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn capture(name: &str) -> String {
    root()
        .join("testdata/captures")
        .join(name)
        .display()
        .to_string()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-cli-flags-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d.join(name)
}

fn empty_config() -> PathBuf {
    static CONFIG: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let p = tmp("falco.yaml");
            std::fs::write(&p, "# empty: Falco's defaults\n").expect("write config");
            p
        })
        .clone()
}

const RULES: &str = r#"
- list: shells
  items: [bash, sh]
- macro: spawned
  condition: evt.type = execve
- rule: Shell spawned
  desc: A shell was started in a way that is worth a look because shells are what attackers want most of all when they get in.
  condition: spawned and proc.name in (shells)
  output: shell %proc.name
  priority: WARNING
  tags: [shell, mitre_execution]
- rule: Any open
  desc: Every open.
  condition: evt.type in (open, openat)
  output: open %fd.name by %proc.name
  priority: INFO
  tags: [filesystem]
"#;

/// A fresh copy of [`RULES`] per call (tests run in parallel: a shared file
/// being rewritten could be read half-written).
fn rules_file() -> String {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let p = tmp(&format!("rules-{n}.yaml"));
    std::fs::write(&p, RULES).expect("write rules");
    p.display().to_string()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn help_lists_every_flag() {
    let o = falco(&["--help"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    for f in falco::cli::FLAGS {
        assert!(
            out.contains(&f.synopsis()),
            "{} missing:\n{out}",
            f.synopsis()
        );
    }
    assert_eq!(stdout(&falco(&["-h"])), out);
}

#[test]
fn bad_command_lines_exit_1_with_an_error() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--no-such-flag"],
            "Error: Option 'no-such-flag' does not exist\n",
        ),
        (&["-r"], "Error: Option 'r' is missing an argument\n"),
        (
            &["--list", "syscall"],
            "Error: unexpected argument 'syscall'",
        ),
        (
            &["--list=nope"],
            "Error: Value for --list must be a valid source type\n",
        ),
        (
            &["--format", "yaml", "--list"],
            "Error: Invalid format 'yaml'",
        ),
        (
            &["--plugin-info", "k8saudit"],
            "Error: can't find plugin and print its info: k8saudit",
        ),
        (
            &["-l", "No such rule"],
            "Error: Rule \"No such rule\" is not loaded\n",
        ),
        (&["-o", "engine.kind=bogus", "--dry-run"], "engine.kind"),
    ];
    for (args, want) in cases {
        let o = falco(args);
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn the_seeds_unit_file_line_and_list_syscall_work() {
    // The unit's flags, with --dry-run so the probe is not opened.
    let pid = tmp("falco.pid");
    let pidarg = format!("--pidfile={}", pid.display());
    let o = falco(&[&pidarg, "--modern-bpf", "--dry-run"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "The --modern-bpf option is deprecated and will be removed. Use -o engine.kind=modern_ebpf instead."
        ),
        "{}",
        stderr(&o)
    );
    // As Falco: no pid file in dry-run.
    assert!(!pid.exists());

    let o = falco(&["--list=syscall"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("\nproc.name "), "{}", stdout(&o));
    assert!(!stdout(&o).contains("ka.verb"));
}

#[test]
fn pidfile_holds_the_process_id_while_running() {
    let pid = tmp("replay.pid");
    let pidarg = format!("-P{}", pid.display());
    let o = falco(&[
        &pidarg,
        "-e",
        &capture("falco_cat_write.scap"),
        "-r",
        &rules_file(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(&pid).expect("pid file written");
    assert!(text.trim().parse::<u32>().is_ok(), "{text:?}");
}

#[test]
fn version_text_and_json() {
    let o = falco(&["--version"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.starts_with("Falco version: "), "{out}");
    for l in [
        "Libs version:",
        "Plugin API:",
        "Engine:",
        "  Schema version: ",
    ] {
        assert!(out.contains(l), "{l}: {out}");
    }
    let o = falco(&["--version", "-o", "json_output=true"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    for k in [
        "falco_version",
        "libs_version",
        "plugin_api_version",
        "driver_api_version",
        "driver_schema_version",
        "default_driver_version",
        "engine_version",
        "engine_version_semver",
    ] {
        assert!(v[k].is_string(), "{k}: {v}");
    }
    // Falco's keys and no other, on one compact line.
    assert_eq!(v.as_object().map(|o| o.len()), Some(8), "{v}");
    assert_eq!(stdout(&o), format!("{v}\n"));
    let semver = v["engine_version_semver"].as_str().unwrap_or("");
    assert_eq!(
        semver.split('.').nth(1),
        v["engine_version"].as_str(),
        "engine_version is the semver's minor"
    );
}

#[test]
fn describe_rules_text_and_json() {
    let r = rules_file();
    let o = falco(&["-L", "-r", &r]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(format!("{:<50} Description", "Rule").as_str())
    );
    assert_eq!(
        lines.next(),
        Some(format!("{:<50} -----------", "----").as_str())
    );
    // Falco's layout: name in 50 columns, the description wrapped at 110
    // with continuation lines indented by 51, a blank line after each rule.
    assert!(
        out.contains(&format!("{:<50} A shell was started", "Shell spawned")),
        "{out}"
    );
    assert!(out.contains(&format!("\n{}", " ".repeat(51))), "{out}");
    assert!(
        out.contains(&format!("{:<50} Every open. \n\n", "Any open")),
        "{out}"
    );

    let o = falco(&["-L", "-r", &r, "-o", "json_output=true"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["rules"].as_array().map(Vec::len), Some(2));
    let rule = &v["rules"][0];
    assert_eq!(rule["info"]["name"], "Shell spawned");
    assert_eq!(rule["info"]["priority"], "Warning");
    assert_eq!(rule["info"]["source"], "syscall");
    assert_eq!(
        rule["info"]["tags"],
        serde_json::json!(["mitre_execution", "shell"])
    );
    assert_eq!(
        rule["details"]["events"],
        serde_json::json!(["asyncevent", "execve"])
    );
    assert_eq!(v["macros"][0]["info"]["name"], "spawned");
    assert_eq!(
        v["lists"][0]["info"]["items"],
        serde_json::json!(["bash", "sh"])
    );
    assert!(v["required_plugin_versions"].is_array());

    let o = falco(&["-l", "Any open", "-r", &r, "-o", "json_output=true"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["rules"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["rules"][0]["info"]["name"], "Any open");
    assert!(v.get("macros").is_none());

    let o = falco(&["-l", "Any open", "-r", &r]);
    assert!(stdout(&o).contains("Any open"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("Shell spawned"));
}

#[test]
fn list_fields_names_only_and_formats() {
    let o = falco(&["--list=syscall", "-N"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l == "proc.name"), "{out}");
    assert!(out.lines().all(|l| !l.contains(' ')), "{out}");

    let o = falco(&["--list=k8s_audit", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let classes = v["fieldclasses"].as_array().expect("fieldclasses");
    assert_eq!(classes[0]["name"], "k8saudit");
    assert_eq!(
        classes[0]["event_sources"],
        serde_json::json!(["k8s_audit"])
    );
    let f = &classes[0]["fields"][0];
    assert!(f["name"].is_string() && f["type"].is_string() && f["is_list"].is_boolean());

    let o = falco(&["--list=syscall", "-N", "--format=json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(v["fieldnames"]
        .as_array()
        .is_some_and(|a| a.contains(&"proc.name".into())));

    let o = falco(&["--list=syscall", "--markdown"]);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).contains("## Field Class: process\n\nEvent Sources: syscall \n\n"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("`proc.name` | CHARBUF |"));
    assert_eq!(
        stderr(&o),
        "WARNING: --markdown is deprecated, use --format markdown instead.\n"
    );
    let o = falco(&["--list", "--markdown", "--format", "text"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn list_fields_text_is_libsinsps_layout() {
    let o = falco(&["--list=syscall"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    // A rule, the class and its sources in 30 columns, a blank line.
    let header = format!(
        "-------------------------------\n{:<30}process\n{:<30}syscall \n\n",
        "Field Class:", "Event Sources:"
    );
    assert!(out.contains(&header), "{out}");
    // libsinsp's classes in libsinsp's order (its generic `evt` class
    // first), then the container plugin's.
    let classes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("Field Class:"))
        .map(str::trim)
        .collect();
    assert_eq!(
        classes,
        [
            "evt",
            "evt",
            "process",
            "user",
            "group",
            "fd",
            "fs.path",
            "util",
            "fdlist",
            "container"
        ]
    );
    assert!(out.contains(&format!("\n{:<30}The event's sequence number", "evt.num")));
    // One field a line: the name in 30 columns, the description (each word
    // followed by a space) after its tags; a name longer than 30 columns
    // gets a line of its own. Every class ends with a blank line.
    let line = out
        .lines()
        .find(|l| l.starts_with("proc.aname "))
        .expect("proc.aname");
    assert!(
        line.starts_with(&format!("{:<30}(ARG_ALLOWED,ARG_INDEX,", "proc.aname")),
        "{line}"
    );
    for l in out.lines().filter(|l| !l.is_empty() && !l.starts_with('-')) {
        // The right-hand block never passes 120 columns but for one long word.
        assert!(l.len() <= 120 || !l[30..].trim_end().contains(' '), "{l:?}");
    }
    assert!(
        out.contains(" \n\n-------------------------------\n"),
        "{out}"
    );
    assert!(!out.contains("(Type: "));
    // -v puts the type first.
    let o = falco(&["--list=syscall", "-v"]);
    let line = stdout(&o)
        .lines()
        .find(|l| l.starts_with("proc.name "))
        .map(str::to_string)
        .expect("proc.name");
    assert!(
        line.starts_with(&format!("{:<30}(Type: CHARBUF) ", "proc.name")),
        "{line}"
    );
    // Deprecated fields are not listed (Falco lists them nowhere).
    assert!(!stdout(&o).contains("\nevt.dir "), "evt.dir is deprecated");
}

#[test]
fn list_events_and_ignored_events() {
    let o = falco(&["--list-events"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.starts_with("The events below are valid for Falco *Schema Version*: "));
    for l in [
        "## Syscall events\n",
        "## Tracepoint events\n",
        "## Metaevents\n",
        "\n< execve(",
        "\n> open(FSPATH **name**, FLAGS32 **flags**: O_LARGEFILE",
    ] {
        assert!(out.contains(l), "{l}");
    }
    // The old name, with its warning.
    let o = falco(&["--list-syscall-events"]);
    assert_eq!(stdout(&o), out);
    assert!(stderr(&o).contains("--list-syscall-events option is deprecated"));

    // Then the generic events, once per syscall without an event of its
    // own, as Falco lists them.
    assert!(
        out.contains("\n> getpid(SYSCALLID **ID**, UINT16 **nativeID**)\n< getpid(SYSCALLID **ID**, UINT16 **nativeID**)\n"),
        "{out}"
    );
    assert!(
        !out.contains(" syscall("),
        "the generic pair's own name is not listed"
    );

    let o = falco(&["--list-events", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let syscalls = v["Syscall events"].as_array().expect("syscalls");
    let read = syscalls
        .iter()
        .find(|e| e["name"] == "read" && e["dir"] == "<")
        .expect("read");
    assert_eq!(read["available"], false, "an ignored I/O syscall");
    let open = syscalls
        .iter()
        .find(|e| e["name"] == "open" && e["dir"] == ">")
        .expect("open");
    assert_eq!(open["available"], true);
    assert!(open["params"][1]["flags"].is_array(), "{open}");
    assert!(
        open["params"][0].get("flags").is_none(),
        "flags only for flag types"
    );

    let o = falco(&["--list-events", "--format", "markdown"]);
    assert!(stdout(&o).contains("No | `<` | `read` |"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Default | Dir | Name | Params"));
    assert!(
        stdout(&o).contains("Yes | `<` | `execve` |"),
        "{}",
        stdout(&o)
    );

    let o = falco(&["-i"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.starts_with("Ignored syscall(s):\n"));
    assert!(
        out.contains("\n- read\n") && out.contains("\n- write\n"),
        "{out}"
    );
    assert!(!out.contains("\n- open\n") && !out.contains("\n- execve\n"));
}

#[test]
fn support_is_json_with_the_rules_files_and_config() {
    let r = rules_file();
    let o = falco(&["--support", "-r", &r, "-o", "priority=warning"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert!(v["system_info"]["sysname"].is_string());
    assert!(v["engine_info"]["engine_version"].is_string());
    assert!(v["cmdline"]
        .as_str()
        .is_some_and(|c| c.starts_with("falco -c ") && c.contains(" --support -r ")));
    assert_eq!(v["config"]["priority"], "warning");
    assert_eq!(v["rules_files"][0]["name"], r);
    assert_eq!(v["rules_files"][0]["variants"][0]["content"], RULES);
}

#[test]
fn page_size_plugins_and_dry_run() {
    let o = falco(&["--page-size"]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o).contains("Your system page size is: "),
        "{}",
        stderr(&o)
    );

    let o = falco(&["--list-plugins"]);
    assert_eq!(
        (code(&o), stdout(&o).as_str()),
        (0, "0 Plugins Loaded:\n\n\n")
    );

    // --dry-run loads rules and outputs, then stops; a rules error fails it.
    let o = falco(&["--dry-run", "-r", &rules_file()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bad = tmp("bad.yaml");
    std::fs::write(
        &bad,
        "- rule: x\n  condition: proc.nmae = a\n  output: x\n  desc: x\n  priority: INFO\n",
    )
    .expect("write");
    let o = falco(&["--dry-run", "-r", &bad.display().to_string()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
}

#[test]
fn validate_exits_1_on_errors() {
    let bad = tmp("bad-v.yaml");
    std::fs::write(
        &bad,
        "- rule: x\n  condition: proc.nmae = a\n  output: x\n  desc: x\n  priority: INFO\n",
    )
    .expect("write");
    let r = rules_file();
    let o = falco(&["-V", &r]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), format!("{r}: Ok\n"));
    let b = bad.display().to_string();
    let o = falco(&["--validate", &b]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).starts_with(&format!("{b}: Invalid\n")));
}

/// Replays a capture with the deprecated rule-selection flags and counts
/// the alerts of each rule in the summary.
fn replay_summary(extra: &[&str]) -> String {
    let r = rules_file();
    let cap = capture("falco_open-multiple-files.scap");
    let mut args = vec!["-e", &cap, "-r", &r, "-o", "stdout_output.enabled=false"];
    args.extend_from_slice(extra);
    let o = falco(&args);
    assert_eq!(code(&o), 0, "{extra:?}: {}", stderr(&o));
    // The summary (stdout) and the warnings (stderr).
    format!("{}{}", stdout(&o), stderr(&o))
}

#[test]
fn old_rule_selection_flags_map_to_the_rules_key() {
    let all = replay_summary(&[]);
    assert!(all.contains("   Any open: "), "{all}");
    let cases: &[(&[&str], bool, &str)] = &[
        (&["-D", "open"], false, "The -D option is deprecated and will be removed. Use -o rules[].disable.rule=*open* instead."),
        (&["-T", "filesystem"], false, "The -T option is deprecated and will be removed. Use -o rules[].disable.tag=filesystem instead."),
        (&["-t", "shell"], false, "The -t option is deprecated and will be removed. Use -o rules[].disable.rule=* -o rules[].enable.tag=shell instead."),
        (&["-t", "filesystem"], true, "The -t option"),
    ];
    for (flags, open_runs, warning) in cases {
        let s = replay_summary(flags);
        assert_eq!(s.contains("   Any open: "), *open_runs, "{flags:?}: {s}");
        assert!(s.contains(warning), "{flags:?}: {s}");
    }
}

#[test]
fn print_appends_to_every_output_and_unbuffered_verbose_work() {
    let r = rules_file();
    let cap = capture("falco_open-multiple-files.scap");
    let o = falco(&["-e", &cap, "-r", &r, "-p", "extra=%proc.pid", "-U", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let alert = out
        .lines()
        .find(|l| l.contains("Informational open "))
        .expect("an alert");
    assert!(alert.contains(" extra="), "{alert}");
    assert!(stderr(&o).contains("The -p/--print option is deprecated"));
    // -v: Falco's statistics lines.
    assert!(stderr(&o).contains("Driver Events:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("Elapsed time: "), "{}", stderr(&o));
}

#[test]
fn older_engine_switches_warn_and_set_the_engine() {
    let cases: &[(&str, &str)] = &[
        ("--kmod", "engine.kind=kmod"),
        ("--nodriver", "engine.kind=nodriver"),
        ("-A", "base_syscalls.all=true"),
        ("-b", "buffer_format_base64=true"),
    ];
    for (flag, key) in cases {
        let o = falco(&[flag, "--support", "-r", &rules_file()]);
        assert_eq!(code(&o), 0, "{flag}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("Use -o {key} instead.")),
            "{flag}: {}",
            stderr(&o)
        );
        let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
        let (path, value) = key.split_once('=').unwrap_or_default();
        let mut node = &v["config"];
        for k in path.split('.') {
            node = &node[k];
        }
        assert_eq!(node, value, "{flag}: {v}");
    }
}

#[test]
fn duration_stops_a_replay_at_that_much_event_time() {
    // libs_single_ipv6_conn.scap: 10 events over more than one second of
    // event time, the first two within it.
    let r = rules_file();
    let cap = capture("libs_single_ipv6_conn.scap");
    let count = |extra: &[&str]| {
        let mut args = vec!["-e", &cap, "-r", &r, "-v"];
        args.extend_from_slice(extra);
        let o = falco(&args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let e = stderr(&o);
        let n = e
            .split("Captured Events: ")
            .nth(1)
            .and_then(|t| t.split(',').next())
            .and_then(|t| t.parse::<u64>().ok());
        n.unwrap_or_else(|| panic!("no event count: {e}"))
    };
    assert_eq!(count(&[]), 10);
    assert_eq!(count(&["-M", "1"]), 2);
    assert_eq!(count(&["-M", "0"]), 10, "0 is no limit");
    let o = falco(&["-e", &cap, "-r", &r, "-M", "one"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
}

#[test]
fn the_readme_table_names_every_flag() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme
        .split("## Command line and configuration")
        .nth(1)
        .expect("the section");
    for f in falco::cli::FLAGS {
        let name = match (f.long, f.short) {
            (Some(l), _) => format!("`--{l}"),
            (None, Some(c)) => format!("`-{c}"),
            (None, None) => continue,
        };
        assert!(
            section.contains(&name),
            "{name} is not in the README's table"
        );
    }
}

#[test]
fn rule_schema_is_json_naming_every_key_of_the_official_rules() {
    let o = falco(&["--rule-schema"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let props = v["definitions"]["Item"]["properties"]
        .as_object()
        .expect("item properties");
    let rules = std::fs::read_to_string(root().join("testdata/rules/falco_rules.yaml"))
        .expect("official rules");
    let mut keys = std::collections::BTreeSet::new();
    for l in rules.lines() {
        // An item's keys: `- key:` starts it, `  key:` continues it.
        let body = l.strip_prefix("- ").or_else(|| l.strip_prefix("  "));
        if let Some((k, _)) = body.and_then(|b| b.split_once(':')) {
            if !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                keys.insert(k.to_string());
            }
        }
    }
    assert!(
        keys.contains("rule") && keys.contains("condition"),
        "{keys:?}"
    );
    for k in &keys {
        assert!(props.contains_key(k), "{k} is not in the rule schema");
    }
    let prio = v["definitions"]["Priority"]["pattern"]
        .as_str()
        .unwrap_or("");
    assert!(prio.contains("informational"), "{prio}");
}

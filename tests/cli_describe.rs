//! `falco -L` and `falco -l RULE` with `-o json_output=true`: Falco's rule
//! description document, compared whole with what Falco 0.44 prints for the
//! same rules file.
//!
//! The expected documents are written from Falco's source, not from a run
//! of this build: `falco_engine::describe_rule` and its three
//! `get_json_details` (rules, macros, lists) in `userspace/engine/
//! falco_engine.cpp`, `filter_details_resolver.cpp` for what a condition
//! names, `get_json_evt_types` with libsinsp's `event_set_to_names(…,
//! false)` / `sc_set_to_event_names` for `events`, and
//! `load_rules_files.cpp`, which prints the document with `dump(-1)`
//! (compact) from an `nlohmann::json` (keys in byte order). Reasoning, item
//! by item:
//!
//! - `macros`/`lists` of a rule or macro come from the condition *as
//!   written*: `Shell spawned` names the macro `shell_procs` only (not the
//!   `spawned_process` it expands to), and no list; `shell_procs` names
//!   `spawned_process` and `all_shells`.
//! - `condition_compiled` is libsinsp's `as_string` of the compiled tree:
//!   the rule's condition wrapped in parentheses with `and not (...)` per
//!   exception (`build_rule_exception_infos`), a macro's body kept as its
//!   own parenthesized node where it is referenced.
//! - `condition_fields`/`condition_operators` come from the *compiled*
//!   condition: macros expanded, lists inlined and, for rules, the
//!   exceptions appended, so `user.name` (only in an exception) is a
//!   condition field and `in` an operator; a field keeps its `[arg]`.
//! - `output_fields` lists the output's fields in order, repeats included
//!   (libsinsp's formatter has one token per `%field`).
//! - `exception_fields` holds the fields of exceptions that have values;
//!   `exception_operators` every comparison of every exception (the
//!   single-field form defaults to `in`).
//! - `events`: the names of the event codes the compiled condition can
//!   match (generic events left out), plus `asyncevent`, which Falco always
//!   adds.
//! - lists: `items` keeps the written items that are not list references,
//!   `lists` the referenced lists, `items_compiled` the expansion; `used` is
//!   true when a rule, macro or list refers to it (the unused warning's
//!   test). Macros' `used` likewise.
//! - `required_engine_version` is the file's, as `major.minor.patch`;
//!   `required_plugin_versions` gives each requirement's first plugin with
//!   the others as `alternatives` (the syscall source provides `container`,
//!   so the requirement holds).
//! - `plugins` is empty everywhere (no plugin is loaded), and Falco's
//!   hash-set arrays are printed sorted here (Falco's order varies).

mod common;

use common::{example, stderr, stdout};

use std::path::PathBuf;
use std::process::{Command, Output};

const RULES: &str = r#"
- required_engine_version: 0.31.0
- required_plugin_versions:
    - name: container
      version: 0.4.0
      alternatives:
        - name: container-alt
          version: 0.1.0
- list: shell_binaries
  items: [bash, sh]
- list: all_shells
  items: [shell_binaries, zsh]
- list: unused_list
  items: [x]
- macro: spawned_process
  condition: evt.type = execve
- macro: shell_procs
  condition: spawned_process and proc.name in (all_shells)
- macro: unused_macro
  condition: evt.type = close and fd.name startswith /tmp
- rule: Shell spawned
  desc: A shell was spawned.
  condition: shell_procs and proc.pname exists and not proc.aname[2] = sshd
  output: Shell (user=%user.name parent=%proc.pname cmd=%proc.cmdline again=%user.name)
  priority: WARNING
  tags: [shell, container]
  exceptions:
    - name: trusted_parents
      fields: [proc.pname, user.name]
      comps: [=, in]
      values:
        - [systemd, [root, admin]]
    - name: trusted_names
      fields: proc.name
      values: [bash]
- rule: Open etc
  desc: Opens under etc.
  condition: evt.type in (open, openat) and fd.name startswith /etc
  output: open %fd.name
  priority: INFO
  enabled: false
"#;

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-cli-describe-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(name: &str, text: &str) -> String {
    let p = dir().join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

/// One configuration file for every test, written once (tests run in
/// parallel: a file being rewritten could be read half-written).
fn config() -> &'static str {
    static CONFIG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| write("falco.yaml", "# empty: Falco's defaults\n"))
}

fn falco(args: &[&str]) -> Output {
    Command::new(example("falco"))
        .args(["-c", config()])
        .args(args)
        .output()
        .expect("falco runs")
}

const SHELL_SPAWNED: &str = concat!(
    r#"{"details":{"condition_compiled":"(((evt.type = execve and proc.name in (bash, sh, zsh)) and proc.pname exists and not proc.aname[2] = sshd) and not (proc.pname = systemd and user.name in (root, admin)) and not proc.name in (bash))","#,
    r#""condition_fields":["evt.type","proc.aname[2]","proc.name","proc.pname","user.name"],"#,
    r#""condition_operators":["=","exists","in"],"#,
    r#""events":["asyncevent","execve"],"#,
    r#""exception_fields":["proc.name","proc.pname","user.name"],"#,
    r#""exception_names":["trusted_names","trusted_parents"],"#,
    r#""exception_operators":["=","in"],"#,
    r#""lists":[],"macros":["shell_procs"],"#,
    r#""output_compiled":"Shell (user=%user.name parent=%proc.pname cmd=%proc.cmdline again=%user.name)","#,
    r#""output_fields":["user.name","proc.pname","proc.cmdline","user.name"],"plugins":[]},"#,
    r#""info":{"capture":false,"capture_duration":0,"condition":"shell_procs and proc.pname exists and not proc.aname[2] = sshd","#,
    r#""description":"A shell was spawned.","enabled":true,"name":"Shell spawned","#,
    r#""output":"Shell (user=%user.name parent=%proc.pname cmd=%proc.cmdline again=%user.name)","#,
    r#""priority":"Warning","source":"syscall","tags":["container","shell"]}}"#,
);

const OPEN_ETC: &str = concat!(
    r#"{"details":{"condition_compiled":"(evt.type in (open, openat) and fd.name startswith /etc)","#,
    r#""condition_fields":["evt.type","fd.name"],"condition_operators":["in","startswith"],"#,
    r#""events":["asyncevent","open","openat"],"#,
    r#""exception_fields":[],"exception_names":[],"exception_operators":[],"lists":[],"macros":[],"#,
    r#""output_compiled":"open %fd.name","output_fields":["fd.name"],"plugins":[]},"#,
    r#""info":{"capture":false,"capture_duration":0,"condition":"evt.type in (open, openat) and fd.name startswith /etc","#,
    r#""description":"Opens under etc.","enabled":false,"name":"Open etc","output":"open %fd.name","#,
    r#""priority":"Informational","source":"syscall","tags":[]}}"#,
);

const MACROS: &str = concat!(
    r#"[{"details":{"condition_compiled":"evt.type = execve","condition_fields":["evt.type"],"condition_operators":["="],"#,
    r#""events":["asyncevent","execve"],"lists":[],"macros":[],"plugins":[],"used":true},"#,
    r#""info":{"condition":"evt.type = execve","name":"spawned_process"}},"#,
    r#"{"details":{"condition_compiled":"(evt.type = execve and proc.name in (bash, sh, zsh))","#,
    r#""condition_fields":["evt.type","proc.name"],"condition_operators":["=","in"],"#,
    r#""events":["asyncevent","execve"],"lists":["all_shells"],"macros":["spawned_process"],"plugins":[],"used":true},"#,
    r#""info":{"condition":"spawned_process and proc.name in (all_shells)","name":"shell_procs"}},"#,
    r#"{"details":{"condition_compiled":"(evt.type = close and fd.name startswith /tmp)","#,
    r#""condition_fields":["evt.type","fd.name"],"condition_operators":["=","startswith"],"#,
    r#""events":["asyncevent","close"],"lists":[],"macros":[],"plugins":[],"used":false},"#,
    r#""info":{"condition":"evt.type = close and fd.name startswith /tmp","name":"unused_macro"}}]"#,
);

const LISTS: &str = concat!(
    r#"[{"details":{"items_compiled":["bash","sh"],"lists":[],"plugins":[],"used":true},"#,
    r#""info":{"items":["bash","sh"],"name":"shell_binaries"}},"#,
    r#"{"details":{"items_compiled":["bash","sh","zsh"],"lists":["shell_binaries"],"plugins":[],"used":true},"#,
    r#""info":{"items":["zsh"],"name":"all_shells"}},"#,
    r#"{"details":{"items_compiled":["x"],"lists":[],"plugins":[],"used":false},"#,
    r#""info":{"items":["x"],"name":"unused_list"}}]"#,
);

#[test]
fn describe_all_is_falcos_document() {
    let rules = write("all.yaml", RULES);
    let o = falco(&["-L", "-r", &rules, "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected = format!(
        r#"{{"lists":{LISTS},"macros":{MACROS},"required_engine_version":"0.31.0","required_plugin_versions":[{{"alternatives":[{{"name":"container-alt","version":"0.1.0"}}],"name":"container","version":"0.4.0"}}],"rules":[{SHELL_SPAWNED},{OPEN_ETC}]}}"#
    );
    // One compact line, byte for byte.
    assert_eq!(stdout(&o), format!("{expected}\n"));
}

#[test]
fn describe_one_rule_gives_only_that_rule() {
    let rules = write("one.yaml", RULES);
    let o = falco(&["-l", "Open etc", "-r", &rules, "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{{\"rules\":[{OPEN_ETC}]}}\n"));

    let o = falco(&["-l", "No such rule", "-r", &rules, "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(r#"Rule "No such rule" is not loaded"#),
        "{}",
        stderr(&o)
    );
}

#[test]
fn events_of_a_condition_without_event_type_name_every_event() {
    // No evt.type: every event code's name (generic events left out, as
    // Falco asks libsinsp not to resolve them) and the name of every
    // syscall without an event of its own (`getpid` is reported through
    // the generic events).
    let rules = write(
        "any.yaml",
        "- rule: Any tmp\n  desc: d\n  condition: fd.name startswith /tmp\n  output: o %fd.name\n  priority: INFO\n",
    );
    let o = falco(&["-L", "-r", &rules, "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    let events: Vec<&str> = v["rules"][0]["details"]["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e.as_str())
        .collect();
    for name in ["asyncevent", "open", "execve", "procexit", "getpid"] {
        assert!(events.contains(&name), "{name} in {events:?}");
    }
    assert!(!events.contains(&"syscall"), "{events:?}");
    let mut sorted = events.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, events, "sorted, without repeats");
    assert_eq!(v["required_engine_version"], "0.0.0");
}

#[test]
fn a_rule_for_another_source_has_falcos_plugin_event_names() {
    let rules = write(
        "k8s.yaml",
        "- rule: Any audit\n  desc: d\n  condition: ka.verb = create\n  output: o %ka.verb\n  priority: INFO\n  source: k8s_audit\n",
    );
    let config = write(
        "k8s-falco.yaml",
        "load_plugins: [k8saudit, json]\nplugins:\n  - name: k8saudit\n    library_path: libk8saudit.so\n  - name: json\n    library_path: libjson.so\n",
    );
    let o = Command::new(example("falco"))
        .args(["-c", &config, "-L", "-r", &rules, "-o", "json_output=true"])
        .output()
        .expect("falco runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    let rule = &v["rules"][0];
    assert_eq!(rule["info"]["source"], "k8s_audit");
    assert_eq!(
        rule["details"]["events"],
        serde_json::json!(["asyncevent", "pluginevent"])
    );
    assert_eq!(
        rule["details"]["condition_fields"],
        serde_json::json!(["ka.verb"])
    );
}

#[test]
fn validate_with_describe_adds_the_description() {
    // Falco's validate_rules_files: with -L or -l and every file valid, the
    // description follows the results (JSON: `falco_describe_results` beside
    // `falco_load_results`; text: a blank line, then the rules table).
    let rules = write("validate.yaml", RULES);
    let o = falco(&["-V", &rules, "-l", "Open etc", "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["falco_load_results"][0]["successful"], true, "{v}");
    let expected: serde_json::Value =
        serde_json::from_str(&format!("{{\"rules\":[{OPEN_ETC}]}}")).expect("expected JSON");
    assert_eq!(v["falco_describe_results"], expected);

    let o = falco(&["-V", &rules, "-L"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let table = format!(
        "\n\n{:<50} Description\n{:<50} -----------\n",
        "Rule", "----"
    );
    assert!(out.contains(&table), "{out}");
    assert!(
        out.contains(&format!("{:<50} Opens under etc. \n", "Open etc")),
        "{out}"
    );

    // An invalid file: the results only, exit 1.
    let bad = write(
        "validate-bad.yaml",
        "- rule: x\n  desc: d\n  condition: nope.field = 1\n  output: o\n  priority: INFO\n",
    );
    let o = falco(&["-V", &bad, "-L", "-o", "json_output=true"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert!(v.get("falco_describe_results").is_none(), "{v}");
}

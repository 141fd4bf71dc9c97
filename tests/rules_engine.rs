//! The engine over rules files: every error with its position, Falco's
//! warnings, and rules that fire as Falco's would.

use std::sync::Arc;

use falco::json::{JsonEvent, JsonSchema};
use falco::rules::engine::{Engine, RuleMatching};
use falco::rules::rules::{LoadResult, Priority};
use falco::rules::Scratch;
use falco_events::SyscallSource;

fn syscall_engine() -> Engine {
    Engine::builder().source(SyscallSource::new()).build()
}

/// (code, message, line, col) of every diagnostic, errors first.
fn diags(r: &LoadResult) -> Vec<(String, String, usize, usize)> {
    r.errors
        .iter()
        .chain(r.warnings.iter())
        .map(|d| {
            let (_, m) = d.position();
            (d.code.name().to_string(), d.message.clone(), m.line, m.col)
        })
        .collect()
}

fn d(code: &str, msg: &str, line: usize, col: usize) -> (String, String, usize, usize) {
    (code.into(), msg.into(), line, col)
}

#[test]
fn every_error_of_a_file_is_reported_at_its_position() {
    let yaml = "\
- macro: reads_shadow
  condition: fd.nme = /etc/shadow
- rule: uses broken macro
  desc: d
  condition: evt.type = open and reads_shadow
  output: o
  priority: WARNING
- rule: undefined macro
  desc: d
  condition: evt.type = open and nope
  output: o
  priority: WARNING
- list: shells
  items: [bash, sh]
- rule: syntax error after a list
  desc: d
  condition: evt.type = execve and proc.name in (shells) and
  output: o
  priority: WARNING
- rule: bad output
  desc: d
  condition: evt.type = execve
  output: shell %proc.nam3 started
  priority: WARNING
- rule: bad event type
  desc: d
  condition: evt.type in (execve, exceve)
  output: o
  priority: WARNING
- rule: bad operator for the type
  desc: d
  condition: evt.type = open and fd.num contains 3
  output: o
  priority: WARNING
";
    let mut e = syscall_engine();
    let r = e.load_str("r.yaml", yaml);
    let got = diags(&r);
    let want = [
        d(
            "LOAD_ERR_COMPILE_CONDITION",
            "filter_check called with nonexistent field fd.nme",
            2,
            14,
        ),
        d(
            "LOAD_ERR_VALIDATE",
            "Undefined macro 'nope' used in filter.",
            10,
            34,
        ),
        d(
            "LOAD_ERR_COMPILE_CONDITION",
            "expected blank or '(' after 'and'",
            17,
            61,
        ),
        d(
            "LOAD_ERR_COMPILE_OUTPUT",
            "unknown filter: filter_check called with nonexistent field proc.nam3",
            23,
            17,
        ),
        d(
            "LOAD_ERR_COMPILE_CONDITION",
            "unknown event type exceve",
            27,
            35,
        ),
    ];
    assert_eq!(&got[..want.len()], &want[..], "all: {got:#?}");
    assert_eq!(got.len(), want.len() + 1, "all: {got:#?}");
    let (code, msg, line, _) = &got[want.len()];
    assert_eq!(code, "LOAD_ERR_COMPILE_CONDITION");
    assert!(msg.contains("contains"), "{msg}");
    assert_eq!(*line, 32);
}

#[test]
fn warnings_match_falcos() {
    let yaml = "\
- list: unused_list
  items: [a]
- macro: unused_macro
  condition: proc.name = x
- rule: no event type
  desc: d
  condition: proc.name = foo
  output: o
  priority: WARNING
- rule: no event type but silenced
  desc: d
  condition: proc.name = bar
  output: o
  priority: WARNING
  warn_evttypes: false
- rule: skipped unknown field
  desc: d
  condition: evt.type = open and proc.nosuch = 1
  output: o
  priority: WARNING
  skip-if-unknown-filter: true
";
    let mut e = syscall_engine();
    let r = e.load_str("w.yaml", yaml);
    assert!(r.successful(), "{}", r.render());
    let codes: Vec<(String, usize)> = diags(&r).into_iter().map(|(c, _, l, _)| (c, l)).collect();
    assert_eq!(
        codes,
        [
            ("LOAD_NO_EVTTYPE".to_string(), 5),
            ("LOAD_UNKNOWN_FILTER".to_string(), 18),
            ("LOAD_UNUSED_MACRO".to_string(), 3),
            ("LOAD_UNUSED_LIST".to_string(), 1),
        ]
    );
    let names: Vec<&str> = e.ruleset().rules().iter().map(|r| &*r.name).collect();
    assert_eq!(names, ["no event type", "no event type but silenced"]);
}

#[test]
fn a_failed_load_keeps_the_previous_rules() {
    let mut e = syscall_engine();
    let ok = "- rule: r1\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n";
    assert!(e.load_str("a.yaml", ok).successful());
    assert_eq!(e.ruleset().rules().len(), 1);
    let bad =
        "- rule: r2\n  desc: d\n  condition: evt.type = open and\n  output: o\n  priority: INFO\n";
    assert!(!e.load_str("b.yaml", bad).successful());
    let names: Vec<&str> = e.ruleset().rules().iter().map(|r| &*r.name).collect();
    assert_eq!(names, ["r1"]);
}

#[test]
fn macros_see_only_earlier_macros_rules_see_all() {
    let yaml = "\
- macro: early
  condition: later
- macro: later
  condition: proc.name = x
- rule: r
  desc: d
  condition: evt.type = open and later
  output: o
  priority: INFO
";
    let r = syscall_engine().load_str("v.yaml", yaml);
    assert_eq!(
        diags(&r)[0],
        d(
            "LOAD_ERR_VALIDATE",
            "Undefined macro 'later' used in filter.",
            2,
            14
        )
    );
}

fn json_engine(schema: &Arc<JsonSchema>) -> Engine {
    let mut e = Engine::builder()
        .source(falco::json::source(schema.clone()))
        .build();
    e.set_rule_matching(RuleMatching::All);
    e
}

fn fired(e: &Engine, schema: &JsonSchema, event: &str) -> Vec<String> {
    let ev = JsonEvent::parse(schema, event).expect("event JSON");
    let rs = e.ruleset();
    rs.matches(&ev, &mut Scratch::new())
        .map(|r| r.name.to_string())
        .collect()
}

#[test]
fn exceptions_override_and_priorities_change_what_fires() {
    let schema = Arc::new(
        JsonSchema::from_json(
            r#"{"proc.name": "string", "proc.pname": "string", "fd.name": "string"}"#,
        )
        .expect("schema"),
    );
    let base = "\
- macro: sensitive
  condition: fd.name startswith /etc/
- rule: read etc
  desc: d
  condition: sensitive
  output: o
  priority: WARNING
  exceptions:
    - name: trusted
      fields: [proc.name, proc.pname]
      values:
        - [sshd, systemd]
    - name: names
      fields: proc.name
      values: [sudo]
- rule: debug rule
  desc: d
  condition: proc.name = cat
  output: o
  priority: DEBUG
";
    let local = "\
- macro: sensitive
  condition: and not fd.name = /etc/hosts
  override:
    condition: append
- rule: read etc
  exceptions:
    - name: names
      values: [login]
  override:
    exceptions: append
";
    let mut e = json_engine(&schema);
    assert!(e.load_str("base.yaml", base).successful());
    let ev = |p: &str, pp: &str, f: &str| {
        format!(r#"{{"proc.name": "{p}", "proc.pname": "{pp}", "fd.name": "{f}"}}"#)
    };
    assert_eq!(
        fired(&e, &schema, &ev("cat", "bash", "/etc/shadow")),
        ["read etc", "debug rule"]
    );
    assert_eq!(
        fired(&e, &schema, &ev("sshd", "systemd", "/etc/shadow")),
        Vec::<String>::new()
    );
    assert_eq!(
        fired(&e, &schema, &ev("sshd", "bash", "/etc/shadow")),
        ["read etc"]
    );
    assert_eq!(
        fired(&e, &schema, &ev("sudo", "bash", "/etc/shadow")),
        Vec::<String>::new()
    );
    assert_eq!(
        fired(&e, &schema, &ev("login", "x", "/etc/hosts")),
        ["read etc"]
    );

    // A second file patches the first: the macro change reaches the rule of
    // the first file, the appended exception value applies.
    let r = e.load_str("local.yaml", local);
    assert!(r.successful(), "{}", r.render());
    assert_eq!(
        fired(&e, &schema, &ev("login", "x", "/etc/shadow")),
        Vec::<String>::new()
    );
    assert_eq!(
        fired(&e, &schema, &ev("vim", "x", "/etc/hosts")),
        Vec::<String>::new()
    );
    assert_eq!(
        fired(&e, &schema, &ev("vim", "x", "/etc/passwd")),
        ["read etc"]
    );

    // The priority threshold drops less severe rules.
    let mut e = json_engine(&schema);
    e.set_min_priority(Priority::Notice);
    assert!(e.load_str("base.yaml", base).successful());
    assert_eq!(
        fired(&e, &schema, &ev("cat", "bash", "/etc/shadow")),
        ["read etc"]
    );
}

#[test]
fn first_match_stops_at_the_first_rule_in_order() {
    let schema = Arc::new(JsonSchema::from_json(r#"{"proc.name": "string"}"#).expect("schema"));
    let yaml = "\
- rule: a
  desc: d
  condition: proc.name = cat
  output: o
  priority: INFO
- rule: b
  desc: d
  condition: proc.name startswith c
  output: o
  priority: INFO
";
    let mut e = Engine::builder()
        .source(falco::json::source(schema.clone()))
        .build();
    assert!(e.load_str("f.yaml", yaml).successful());
    assert_eq!(fired(&e, &schema, r#"{"proc.name": "cat"}"#), ["a"]);
    assert_eq!(fired(&e, &schema, r#"{"proc.name": "cp"}"#), ["b"]);
}

#[test]
fn deprecated_fields_warn_in_conditions_and_outputs() {
    let yaml = "\
- rule: uses evt.dir
  desc: d
  condition: evt.type = close and evt.dir = <
  output: dir=%evt.dir user=%user.name
  priority: INFO
";
    let r = syscall_engine().load_str("dep.yaml", yaml);
    assert!(r.successful(), "{}", r.render());
    let got = diags(&r);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].0, "LOAD_DEPRECATED_ITEM");
    assert!(got[0]
        .1
        .starts_with("due to the drop of enter events, 'evt.dir = <'"));
    assert_eq!((got[0].2, got[0].3), (3, 35));
    assert_eq!(
        got[1].1,
        "usage of deprecated field 'evt.dir' has been detected in the rule output"
    );
    assert_eq!(r.warnings[0].deprecated_field.as_deref(), Some("evt.dir"));
}

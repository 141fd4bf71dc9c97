//! Exceptions become condition text exactly as Falco builds it (§2.3). Each
//! case loads a rule with exceptions and checks the text handed to the parser.

use falco_rules::rules::{Collector, ExceptionEntry};

/// The condition with exceptions of the rule `test_rule` in `yaml`.
fn condition(exceptions_yaml: &str) -> String {
    condition_of("evt.type = open", exceptions_yaml)
}

fn condition_of(cond: &str, exceptions_yaml: &str) -> String {
    let text = format!(
        "- rule: test_rule\n  desc: d\n  condition: {cond}\n  output: o\n  priority: INFO\n  exceptions:\n{exceptions_yaml}"
    );
    let mut c = Collector::new("syscall");
    let r = c.load("rules.yaml", &text);
    assert!(r.successful(), "{}", r.render());
    let rule = c.rule("test_rule").expect("collected");
    match rule.condition_with_exceptions() {
        Ok(t) => t.as_str().to_string(),
        Err(d) => format!("ERROR: {}", d.message),
    }
}

#[test]
fn exceptions_condition_from_falco_tests() {
    let got = condition_of(
        "proc.cmdline contains curl or proc.cmdline contains wget",
        "    - name: test_exception
      fields: [proc.cmdline]
      comps: [contains]
      values:
        - [curl 127.0.0.1]
",
    );
    // Falco's compiled form: ((proc.cmdline contains curl or proc.cmdline
    // contains wget) and not proc.cmdline contains "curl 127.0.0.1")
    assert_eq!(
        got,
        "(proc.cmdline contains curl or proc.cmdline contains wget) and not (( proc.cmdline contains \"curl 127.0.0.1\"))"
    );
}

#[test]
fn exception_text_table() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        ("a bare field name value goes in as a bare string",
         "    - name: e\n      fields: [proc.name]\n      comps: [=]\n      values:\n        - [proc.pname]\n",
         "(evt.type = open) and not (( proc.name = proc.pname))"),
        ("a value with a trailing space is quoted",
         "    - name: e\n      fields: [proc.name]\n      comps: [=]\n      values:\n        - [\"proc.pname \"]\n",
         "(evt.type = open) and not (( proc.name = \"proc.pname \"))"),
        ("a transformer value goes in raw",
         "    - name: e\n      fields: [proc.name]\n      comps: [=]\n      values:\n        - [toupper(proc.pname)]\n",
         "(evt.type = open) and not (( proc.name = toupper(proc.pname)))"),
        ("a transformer with a space becomes a quoted string",
         "    - name: e\n      fields: [proc.name]\n      comps: [=]\n      values:\n        - [toupper( proc.pname)]\n",
         "(evt.type = open) and not (( proc.name = \"toupper( proc.pname)\"))"),
        ("a transformer field goes in raw",
         "    - name: e\n      fields: [tolower(proc.name)]\n      comps: [=]\n      values:\n        - [test]\n",
         "(evt.type = open) and not (( tolower(proc.name) = test))"),
        ("tuple comps default to =",
         "    - name: e\n      fields: [proc.name, fd.name]\n      values:\n        - [cat, /etc/passwd]\n",
         "(evt.type = open) and not (( proc.name = cat and  fd.name = /etc/passwd))"),
        ("several rows are or-ed",
         "    - name: e\n      fields: [proc.name]\n      values:\n        - [cat]\n        - [dog]\n",
         "(evt.type = open) and not (( proc.name = cat) or ( proc.name = dog))"),
        ("a list value in a tuple is parenthesized and quoted per item",
         "    - name: e\n      fields: [proc.name]\n      comps: [in]\n      values:\n        - [[cat, my app]]\n",
         "(evt.type = open) and not (( proc.name in (cat, \"my app\")))"),
        ("a scalar under a list operator is parenthesized (a list name then substitutes)",
         "    - name: e\n      fields: [proc.name, proc.cmdline]\n      comps: [=, in]\n      values:\n        - [cat, cat_cmdlines]\n",
         "(evt.type = open) and not (( proc.name = cat and  proc.cmdline in (cat_cmdlines)))"),
        ("an already parenthesized scalar is left alone",
         "    - name: e\n      fields: [proc.cmdline]\n      comps: [in]\n      values:\n        - [(cat_cmdlines)]\n",
         "(evt.type = open) and not (( proc.cmdline in (cat_cmdlines)))"),
        ("single-field form defaults to in and quotes values",
         "    - name: e\n      fields: proc.name\n      values: [cat, my app]\n",
         "(evt.type = open) and not (proc.name in (cat, \"my app\"))"),
        ("single-field pmatch",
         "    - name: e\n      fields: proc.exepath\n      comps: pmatch\n      values: [/usr/bin/, /usr/local/bin/]\n",
         "(evt.type = open) and not (proc.exepath pmatch (/usr/bin/, /usr/local/bin/))"),
        ("modifier comp with a nested list",
         "    - name: e\n      fields: [proc.name]\n      comps: [startswith oneof]\n      values:\n        - [[sshd, sudo, systemd]]\n",
         "(evt.type = open) and not (( proc.name startswith oneof (sshd, sudo, systemd)))"),
        ("modifier comp with a scalar is parenthesized",
         "    - name: e\n      fields: [proc.name]\n      comps: [startswith oneof]\n      values:\n        - [sshd]\n",
         "(evt.type = open) and not (( proc.name startswith oneof (sshd)))"),
        ("comps are trimmed",
         "    - name: e\n      fields: [proc.name, fd.name]\n      comps: [\"  contains  \", \"  startswith anyof  \"]\n      values:\n        - [agent, [/etc/, /var/]]\n",
         "(evt.type = open) and not (( proc.name contains agent and  fd.name startswith anyof (/etc/, /var/)))"),
        ("an exception without values adds nothing but the parentheses stay",
         "    - name: e\n      fields: [proc.name]\n",
         "(evt.type = open)"),
        ("a single-field exception without values adds nothing",
         "    - name: e\n      fields: proc.name\n",
         "(evt.type = open)"),
        ("several exceptions are and-not-ed in order",
         "    - name: a\n      fields: proc.name\n      values: [cat]\n    - name: b\n      fields: [fd.name]\n      values:\n        - [/tmp]\n",
         "(evt.type = open) and not (proc.name in (cat)) and not (( fd.name = /tmp))"),
        ("a list inside single-field values is an error",
         "    - name: e\n      fields: proc.name\n      values: [[cat]]\n",
         "ERROR: Expected values array to contain a list of strings"),
        ("a row of the wrong length is an error",
         "    - name: e\n      fields: [proc.name, fd.name]\n      values:\n        - [cat]\n",
         "ERROR: Fields and values lists must have equal length"),
    ];
    for (what, yaml, expected) in cases {
        assert_eq!(condition(yaml), *expected, "{what}");
    }
}

#[test]
fn a_rule_without_exceptions_keeps_its_condition_unchanged() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "r.yaml",
        "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n",
    );
    assert!(loaded.successful(), "{loaded}");
    let r = c.rule("r").unwrap();
    assert_eq!(
        r.condition_with_exceptions().unwrap().as_str(),
        "evt.type = open"
    );
}

#[test]
fn default_comps_are_filled_in_at_collect_time() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "r.yaml",
        "- rule: r\n  desc: d\n  condition: c\n  output: o\n  priority: INFO\n  exceptions:\n    - name: one\n      fields: proc.name\n    - name: tuple\n      fields: [proc.name, fd.name]\n",
    );
    assert!(loaded.successful(), "{loaded}");
    let r = c.rule("r").unwrap();
    assert_eq!(r.exceptions[0].comps, ExceptionEntry::Value("in".into()));
    assert_eq!(
        r.exceptions[1].comps,
        ExceptionEntry::List(vec![ExceptionEntry::Value("=".into()); 2])
    );
}

#[test]
fn exception_fields_are_collected_from_exceptions_with_values() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "r.yaml",
        "- rule: r\n  desc: d\n  condition: c\n  output: o\n  priority: INFO\n  exceptions:\n    - name: a\n      fields: [proc.name, fd.name]\n      values: [[x, y]]\n    - name: b\n      fields: proc.pname\n      values: [z]\n    - name: c\n      fields: user.name\n",
    );
    assert!(loaded.successful(), "{loaded}");
    let fields: Vec<String> = c
        .rule("r")
        .unwrap()
        .exception_fields()
        .into_iter()
        .collect();
    assert_eq!(fields, ["fd.name", "proc.name", "proc.pname"]);
}

#[test]
fn exception_text_positions_point_at_the_exception() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "r.yaml",
        "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n  exceptions:\n    - name: e\n      fields: proc.name\n      values: [cat]\n",
    );
    assert!(loaded.successful(), "{loaded}");
    let t = c.rule("r").unwrap().condition_with_exceptions().unwrap();
    let (_, m) = t.position_of(t.as_str().find("evt.type").unwrap()).unwrap();
    assert_eq!((m.line, m.col), (3, 14));
    let (_, m) = t
        .position_of(t.as_str().find("proc.name").unwrap())
        .unwrap();
    assert_eq!((m.line, m.col), (7, 7));
}

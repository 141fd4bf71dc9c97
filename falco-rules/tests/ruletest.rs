//! Rule tests and coverage: suites that pass, suites that fail with the
//! report a user reads, the local-override flow, and coverage counts checked
//! against a hand-computed ruleset.

use std::sync::Arc;

use falco_rules::coverage::ItemKind;
use falco_rules::ruletest::{NoReplay, Runner, Suite, SuiteOutcome};
use falco_rules::{Field, FieldError, FieldSchema, FieldType, SimpleSource};

/// The `http` source: a path, a method, a status, a client address.
struct Http;

impl FieldSchema for Http {
    fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
        match name {
            "http.path" => Ok(Field::new(0, FieldType::String)),
            "http.method" => Ok(Field::new(1, FieldType::String)),
            "http.status" => Ok(Field::new(2, FieldType::Uint64)),
            "http.client" => Ok(Field::new(3, FieldType::IpAddr)),
            _ => Err(FieldError::Unknown(name.to_string())),
        }
    }
}

const STOCK: &str = "\
- list: admin_paths
  items: [/admin, /config, /debug]
- macro: is_write
  condition: http.method in (POST, PUT, DELETE)
- rule: admin write
  desc: a write to an administration path
  condition: is_write and http.path in (admin_paths)
  output: admin write %http.method %http.path from %http.client
  priority: WARNING
  source: http
  exceptions:
    - name: trusted clients
      fields: [http.client]
      comps: [=]
      values:
        - [10.0.0.1]
        - [10.0.0.2]
- rule: server error
  desc: a 5xx answer
  condition: http.status >= 500
  output: error %http.status on %http.path
  priority: ERROR
  source: http
";

/// The local file: appends a trusted client to the stock rule's exception.
const LOCAL: &str = "\
- rule: admin write
  exceptions:
    - name: trusted clients
      values:
        - [192.168.1.7]
  override:
    exceptions: append
";

fn runner() -> Runner {
    Runner::new().source(Arc::new(SimpleSource::new("http", Http)))
}

fn run(suite: &str, files: &[(&str, &str)]) -> SuiteOutcome {
    let suite = Suite::parse("http.test.yaml", suite).expect("the suite parses");
    runner().run_with_rules(&suite, files, &mut NoReplay)
}

#[test]
fn a_passing_suite_reports_every_case_ok() {
    let out = run(
        "\
rules: [stock.yaml]
tests:
  - name: an admin write alerts
    events:
      - {http.method: POST, http.path: /admin, http.client: 1.2.3.4}
    expect:
      - rule: admin write
        count: 1
        priority: WARNING
        output: admin write POST /admin
        output_fields: {http.client: 1.2.3.4}
    not_expect: [server error]
  - name: a trusted client is excepted
    events:
      - {http.method: POST, http.path: /admin, http.client: 10.0.0.2}
    expect: []
  - name: two errors, two alerts
    events:
      - {http.status: 503, http.path: /a}
      - {http.status: 200, http.path: /b}
      - {http.status: 500, http.path: /c}
    expect:
      - {rule: server error, count: 2, output_fields: {http.status: 500}}
",
        &[("stock.yaml", STOCK)],
    );
    assert!(out.passed(), "{}", out.text());
    assert_eq!(
        out.text(),
        "running 3 tests from http.test.yaml
test an admin write alerts ... ok
test a trusted client is excepted ... ok
test two errors, two alerts ... ok

test result: ok. 3 passed; 0 failed
"
    );
}

#[test]
fn a_failing_suite_says_why_with_a_diff() {
    let out = run(
        "\
rules: [stock.yaml]
tests:
  - name: wrong count and priority
    events:
      - {http.status: 503, http.path: /a}
    expect:
      - {rule: server error, count: 2, priority: CRITICAL}
  - name: a rule that must not fire
    events:
      - {http.method: PUT, http.path: /config, http.client: 8.8.8.8}
    not_expect: [admin write]
  - name: output mismatch
    events:
      - {http.status: 500, http.path: /x}
    expect:
      - {rule: server error, output: on /y}
  - name: nothing expected
    events:
      - {http.status: 502, http.path: /z}
    expect: []
",
        &[("stock.yaml", STOCK)],
    );
    assert!(!out.passed());
    assert_eq!(out.counts(), (0, 4));
    let problems: Vec<Vec<String>> = out.cases.iter().map(|c| c.problems.clone()).collect();
    assert_eq!(
        problems,
        [
            vec![
                "rule `server error` fired 1 times, expected 2".to_string(),
                "rule `server error` fired with priority Error, expected Critical".to_string(),
            ],
            vec!["rule `admin write` fired 1 times, expected none".to_string()],
            vec![
                "no alert of rule `server error` has an output containing \"on /y\"; got \"error 500 on /x\""
                    .to_string()
            ],
            vec!["expected no alert, got 1".to_string()],
        ]
    );
    let text = out.text();
    assert!(
        text.contains(
            "---- wrong count and priority (http.test.yaml:3) ----
  rule `server error` fired 1 times, expected 2
  rule `server error` fired with priority Error, expected Critical
  expected vs actual alerts:
  - server error ×2
"
        ),
        "{text}"
    );
    assert!(
        text.contains("  + admin write ×1 (Warning): admin write PUT /config from 8.8.8.8\n"),
        "{text}"
    );
    assert!(
        text.ends_with("test result: FAILED. 0 passed; 4 failed\n"),
        "{text}"
    );
    let json = out.json();
    assert_eq!(json["passed"], false);
    assert_eq!(json["cases"][1]["fired"][0]["rule"], "admin write");
    assert_eq!(
        json["cases"][1]["fired"][0]["output_fields"]["http.client"],
        "8.8.8.8"
    );
}

#[test]
fn a_local_override_silences_the_stock_rule() {
    let suite = "\
rules: [stock.yaml, local.yaml]
tests:
  - name: the appended exception silences the stock rule
    events:
      - {http.method: DELETE, http.path: /debug, http.client: 192.168.1.7}
    expect: []
";
    let stock_only = suite.replace("rules: [stock.yaml, local.yaml]", "rules: [stock.yaml]");
    // Without the local file the stock rule fires on the event...
    let out = run(&stock_only, &[("stock.yaml", STOCK)]);
    assert_eq!(out.cases[0].fired.len(), 1, "{}", out.text());
    assert_eq!(out.cases[0].fired[0].rule, "admin write");
    // ... and with it, it does not.
    let out = run(suite, &[("stock.yaml", STOCK), ("local.yaml", LOCAL)]);
    assert!(out.passed(), "{}", out.text());
}

#[test]
fn rules_that_do_not_load_fail_every_case() {
    let out = run(
        "rules: [bad.yaml]\ntests:\n  - name: a\n    events: [{http.path: /}]\n",
        &[(
            "bad.yaml",
            "- rule: r\n  desc: d\n  condition: http.pth = /\n  output: o\n  priority: INFO\n  source: http\n",
        )],
    );
    assert!(!out.passed());
    let err = out.load_error.as_deref().unwrap_or_default();
    assert!(
        err.starts_with("bad.yaml:3:14: error: unknown field `http.pth` for source `http`"),
        "{err}"
    );
}

#[test]
fn bad_test_files_are_errors_with_a_position() {
    let cases = [
        ("tests: []\n", "t.yaml:1:1: missing `rules`: the rules files to load"),
        (
            "rules: [a.yaml]\ntests:\n  - name: x\n    events: []\n    capture: c.scap\n",
            "t.yaml:3:5: case `x` needs exactly one input: `events`, `capture` or `k8s_audit`",
        ),
        (
            "rules: [a.yaml]\ntests:\n  - name: x\n    events: []\n    expct: []\n",
            "t.yaml:5:5: unknown key `expct` in a case (expected one of: name, source, events, capture, event_numbers, time_ns, k8s_audit, expect, not_expect, description)",
        ),
        (
            "rules: [a.yaml]\ntests:\n  - name: x\n    events: []\n    expect:\n      - {rule: r, count: many}\n",
            "t.yaml:6:26: `count` is a number",
        ),
    ];
    for (text, want) in cases {
        let err = Suite::parse("t.yaml", text).expect_err(text);
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn coverage_counts_match_a_hand_computed_ruleset() {
    let suite = Suite::parse(
        "http.test.yaml",
        "\
rules: [stock.yaml]
tests:
  - name: four events
    events:
      - {http.method: POST, http.path: /admin, http.client: 1.2.3.4}
      - {http.method: GET, http.path: /admin, http.client: 1.2.3.4}
      - {http.method: PUT, http.path: /config, http.client: 10.0.0.1}
      - {http.status: 500, http.path: /x}
",
    )
    .expect("parses");
    let mut runner = runner().with_coverage();
    let out = runner.run_with_rules(&suite, &[("stock.yaml", STOCK)], &mut NoReplay);
    assert!(out.passed(), "{}", out.text());
    let cov = runner.coverage().expect("coverage is on");
    let counts = |kind, name: &str| {
        let i = cov.get(kind, name).unwrap_or_else(|| panic!("{name}"));
        (i.evaluated, i.matched)
    };
    // Both rules run on all four events (the source has no event types).
    // `admin write` matches event 1 only (event 3 is a trusted client).
    assert_eq!(counts(ItemKind::Rule, "admin write"), (4, 1));
    assert_eq!(counts(ItemKind::Rule, "server error"), (4, 1));
    // is_write: POST and PUT.
    assert_eq!(counts(ItemKind::Macro, "is_write"), (4, 2));
    // The exception rows: 10.0.0.1 is the client of event 3.
    assert_eq!(
        counts(ItemKind::ExceptionItem, "admin write / trusted clients[0]"),
        (4, 1)
    );
    assert_eq!(
        counts(ItemKind::ExceptionItem, "admin write / trusted clients[1]"),
        (4, 0)
    );
    // admin_paths: events 1-4 all have a path; /admin twice, /config once.
    assert_eq!(counts(ItemKind::ListItem, "admin_paths[/admin]"), (4, 2));
    assert_eq!(counts(ItemKind::ListItem, "admin_paths[/config]"), (4, 1));
    assert_eq!(counts(ItemKind::ListItem, "admin_paths[/debug]"), (4, 0));
    // A list item is placed where it is written.
    let config = cov
        .get(ItemKind::ListItem, "admin_paths[/config]")
        .expect("item");
    assert_eq!((config.line, config.col), (2, 19));
    let never: Vec<String> = cov
        .never_exercised()
        .iter()
        .map(|i| i.name.clone())
        .collect();
    assert_eq!(never, ["admin write / trusted clients[1]"]);
    let text = cov.text();
    assert!(
        text.contains("stock.yaml:5:3: rule admin write: evaluated 4, matched 1\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "never exercised:\nstock.yaml:17:9: exception item admin write / trusted clients[1]\n"
        ),
        "{text}"
    );
    assert_eq!(
        cov.json()["never_exercised"][0]["position"],
        "stock.yaml:17:9"
    );
}

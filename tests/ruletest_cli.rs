//! `falco test`: the bundled rules' own test file passes and covers every
//! rule; the local-override suites; a failing suite's report and exit code;
//! JSON output; captures and audit logs as inputs; coverage.

mod common;

use std::process::Command;

use falco::rules::coverage::ItemKind;
use falco::rules::ruletest::Suite;
use falco::ruletest::{run, Args};
use serde_json::Value as Json;

fn falco(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(common::example("falco"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs falco");
    (
        o.status.code().unwrap_or(-1),
        common::stdout(&o),
        common::stderr(&o),
    )
}

fn path(p: &str) -> String {
    format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_bundled_rules_test_file_passes_and_covers_every_rule() {
    let args = Args::parse([path("rules/default_rules.test.yaml"), "--coverage".into()])
        .expect("arguments");
    let report = run(&args);
    assert!(report.passed, "{}", report.text);
    // Every bundled rule matched at least once.
    let mut runner = falco::ruletest::runner(true);
    let suite = Suite::load(std::path::Path::new(&path("rules/default_rules.test.yaml")))
        .expect("the test file reads");
    let out = runner.run(&suite, &mut falco::ruletest::FileReplay);
    assert!(out.passed(), "{}", out.text());
    let cov = runner.coverage().expect("coverage");
    let rules: Vec<_> = cov
        .items()
        .into_iter()
        .filter(|i| i.kind == ItemKind::Rule)
        .collect();
    assert_eq!(rules.len(), 4);
    for r in rules {
        assert!(
            r.matched > 0,
            "rule `{}` is never exercised by its tests",
            r.name
        );
    }
}

#[test]
fn a_passing_run_prints_like_cargo_test_and_exits_0() {
    let (code, out, err) = falco(&["test", "rules/default_rules.test.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("running 10 tests from rules/default_rules.test.yaml\n"),
        "{out}"
    );
    assert!(
        out.contains("test cat reading /etc/shadow is a sensitive read ... ok\n"),
        "{out}"
    );
    assert!(
        out.ends_with("test result: ok. 10 passed; 0 failed\n"),
        "{out}"
    );
}

#[test]
fn the_local_override_flow_passes_from_a_directory() {
    let (code, out, err) = falco(&["test", "testdata/ruletest/override"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("test the stock rule fires on the backup agent ... ok\n"),
        "{out}"
    );
    assert!(
        out.contains("test the local file trusts the backup agent ... ok\n"),
        "{out}"
    );
    assert!(
        out.ends_with("all test files: ok. 3 passed; 0 failed\n"),
        "{out}"
    );
}

#[test]
fn a_failing_run_shows_a_diff_and_exits_1() {
    let (code, out, _) = falco(&["test", "testdata/ruletest/failing.test.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "test a shell in a container ... ok\ntest expects the wrong rule ... FAILED\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "---- expects the wrong rule (testdata/ruletest/failing.test.yaml:10) ----
  rule `Privileged container started` did not fire
  expected vs actual alerts:
  - Privileged container started ×≥1
  + Shell started in container ×1 (Notice): Shell started in a container"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("test result: FAILED. 1 passed; 1 failed\n"),
        "{out}"
    );
}

#[test]
fn json_format_for_ci() {
    let (code, out, _) = falco(&[
        "test",
        "--format",
        "json",
        "testdata/ruletest/failing.test.yaml",
    ]);
    assert_eq!(code, 1);
    let j: Json = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(j["passed"], false);
    let cases = &j["suites"][0]["cases"];
    assert_eq!(cases[0]["passed"], true);
    assert_eq!(cases[1]["passed"], false);
    assert_eq!(
        cases[1]["problems"][0],
        "rule `Privileged container started` did not fire"
    );
    assert_eq!(cases[1]["fired"][0]["rule"], "Shell started in container");
    assert_eq!(cases[1]["fired"][0]["output_fields"]["proc.name"], "zsh");
}

#[test]
fn captures_and_audit_logs_as_inputs() {
    let (code, out, err) = falco(&["test", "testdata/ruletest/inputs.test.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.ends_with("test result: ok. 4 passed; 0 failed\n"),
        "{out}"
    );
}

#[test]
fn coverage_text_and_json() {
    let (code, out, _) = falco(&["test", "--coverage", "rules/default_rules.test.yaml"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("rules/default_rules.yaml:124:3: rule Shell started in container: evaluated "),
        "{out}"
    );
    assert!(
        out.contains("never exercised:") || out.contains("rules: 4/4"),
        "{out}"
    );
    let (_, out, _) = falco(&[
        "test",
        "--coverage",
        "--format=json",
        "rules/default_rules.test.yaml",
    ]);
    let j: Json = serde_json::from_str(&out).expect("JSON");
    let items = j["coverage"]["items"].as_array().expect("items");
    let shell = items
        .iter()
        .find(|i| i["name"] == "Shell started in container")
        .expect("the rule");
    assert_eq!(shell["position"], "rules/default_rules.yaml:124:3");
    assert_eq!(shell["matched"], 1);
}

#[test]
fn bad_command_lines_exit_2() {
    for args in [
        &["test"][..],
        &["test", "--format", "xml", "x"],
        &["test", "--nope", "x"],
    ] {
        let (code, _, err) = falco(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("usage: falco test"), "{err}");
    }
}

#[test]
fn coverage_of_the_official_stable_rules_over_the_public_captures() {
    let (code, out, _) = falco(&[
        "test",
        "--coverage",
        "--format=json",
        "testdata/ruletest/official_stable.test.yaml",
    ]);
    assert_eq!(code, 0, "{out}");
    let j: Json = serde_json::from_str(&out).expect("JSON");
    let items = j["coverage"]["items"].as_array().expect("items");
    let count = |kind: &str| items.iter().filter(|i| i["kind"] == kind).count();
    assert_eq!(count("rule"), 25);
    let get = |kind: &str, name: &str| {
        let i = items
            .iter()
            .find(|i| i["kind"] == kind && i["name"] == name)
            .unwrap_or_else(|| panic!("{kind} {name}"));
        (i["evaluated"].as_u64(), i["matched"].as_u64())
    };
    // 113 open exits reach the open rules; 111 of them open for reading.
    assert_eq!(get("macro", "open_read"), (Some(113), Some(111)));
    assert_eq!(
        get("rule", "Read sensitive file untrusted"),
        (Some(113), Some(0))
    );
    // Three execve exits: the shell rules run, none matches.
    assert_eq!(
        get("rule", "Terminal shell in container"),
        (Some(3), Some(0))
    );
    let never = j["coverage"]["never_exercised"].as_array().expect("list");
    assert_eq!(never.len(), 25);
    assert_eq!(
        never[0]["position"],
        "testdata/rules/falco_rules.yaml:318:3"
    );
}

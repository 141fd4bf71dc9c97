//! Broken rules files: every error and warning, with Falco's code and
//! message and our 1-based line:column, and loading goes on after each one.

use falco_rules::rules::{Code, Collector, LoadResult};

const E: bool = true;
const W: bool = false;

type Expected = (bool, &'static str, &'static str, &'static str);

fn load(name: &str) -> (Collector, LoadResult) {
    let path = format!("{}/tests/data/bad/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let mut c = Collector::new("syscall");
    let r = c.load(name, &text);
    (c, r)
}

fn actual(r: &LoadResult) -> Vec<(bool, String, String, String)> {
    r.errors
        .iter()
        .chain(&r.warnings)
        .map(|d| {
            let (_, m) = d.position();
            (
                d.is_error(),
                d.code.name().to_string(),
                format!("{}:{}", m.line, m.col),
                d.message.clone(),
            )
        })
        .collect()
}

#[rustfmt::skip]
const CASES: &[(&str, &[Expected])] = &[
    (
        "append_to_nothing.yaml",
        &[
            (E, "LOAD_ERR_VALIDATE", "1:3", "List uses 'append' or 'override.items: append' but no list by that name already exists"),
            (E, "LOAD_ERR_VALIDATE", "6:3", "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists"),
            (E, "LOAD_ERR_VALIDATE", "10:3", "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists"),
            (E, "LOAD_ERR_VALIDATE", "15:3", "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists"),
            (E, "LOAD_ERR_VALIDATE", "20:3", "Rule has 'enabled' key but no rule by that name already exists"),
            (W, "LOAD_DEPRECATED_ITEM", "6:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
            (W, "LOAD_DEPRECATED_ITEM", "20:3", "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace')."),
        ],
    ),
    (
        "bad_exceptions.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "6:15", "Rule exceptions must be a sequence"),
            (E, "LOAD_ERR_YAML_VALIDATE", "14:7", "Rule exception must be a mapping"),
            (E, "LOAD_ERR_YAML_VALIDATE", "22:7", "Item has no mapping for key 'name'"),
            (E, "LOAD_ERR_VALIDATE", "30:7", "Fields and comps lists must have equal length"),
            (E, "LOAD_ERR_VALIDATE", "40:7", "'frobulate oneof' is not a supported comparison operator"),
            (E, "LOAD_ERR_VALIDATE", "50:7", "Fields and comps must both be strings"),
            (E, "LOAD_ERR_VALIDATE", "60:7", "When fields is a single value, comps must be one of (in, pmatch, intersects) or a modifier operator (e.g. startswith oneof)"),
            (E, "LOAD_ERR_YAML_VALIDATE", "70:7", "Item has no mapping for key 'fields'"),
            (E, "LOAD_ERR_YAML_VALIDATE", "81:15", "Rule exception values must be a sequence"),
            (E, "LOAD_ERR_VALIDATE", "98:7", "Can not append exception fields to existing exception, only values"),
            (E, "LOAD_ERR_VALIDATE", "106:7", "Rule exception must have values property with a list of values"),
            (E, "LOAD_ERR_VALIDATE", "113:7", "Can not append exception comps to existing exception, only values"),
            (W, "LOAD_EXCEPTION_NAME_NOT_UNIQUE", "92:7", "Multiple definitions of exception 'known' in the same rule"),
            (W, "LOAD_APPEND_NO_VALUES", "106:7", "Overriding/appending exception with no values"),
            (W, "LOAD_DEPRECATED_ITEM", "111:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
        ],
    ),
    (
        "bad_override.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "10:5", "Key 'priority' cannot be appended to, use 'replace' instead"),
            (E, "LOAD_ERR_YAML_VALIDATE", "15:5", "Key 'source' cannot be replaced"),
            (E, "LOAD_ERR_YAML_VALIDATE", "20:16", "Invalid override operation for key 'condition': 'prepend'. Allowed values are: append replace "),
            (E, "LOAD_ERR_YAML_VALIDATE", "22:3", "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
            (E, "LOAD_ERR_YAML_VALIDATE", "28:3", "An append override for 'condition' was specified but 'condition' is not defined"),
            (E, "LOAD_ERR_YAML_VALIDATE", "36:13", "Unexpected key 'priority': no corresponding entry under 'override' is defined."),
            (E, "LOAD_ERR_YAML_VALIDATE", "42:13", "Value of override must be a mapping"),
            (E, "LOAD_ERR_YAML_VALIDATE", "47:12", "Invalid override operation for key 'items': 'merge'. Allowed values are: append replace "),
            (W, "LOAD_DEPRECATED_ITEM", "22:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
        ],
    ),
    (
        "bad_values.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "5:13", "Invalid priority"),
            (E, "LOAD_ERR_YAML_VALIDATE", "12:12", "Can't decode YAML scalar value"),
            (E, "LOAD_ERR_YAML_VALIDATE", "19:21", "Can't decode YAML scalar value"),
            (E, "LOAD_ERR_YAML_VALIDATE", "26:9", "Value is not a sequence"),
            (E, "LOAD_ERR_YAML_VALIDATE", "33:11", "Value must be non-empty"),
            (E, "LOAD_ERR_YAML_VALIDATE", "38:11", "Value is not a scalar value"),
        ],
    ),
    (
        "different_source.yaml",
        &[
            (E, "LOAD_ERR_VALIDATE", "8:3", "Rule has been re-defined with a different source"),
            (E, "LOAD_ERR_VALIDATE", "15:3", "Rule has been re-defined with a different source"),
            (W, "LOAD_UNKNOWN_SOURCE", "1:3", "Unknown source k8s_audit, skipping"),
            (W, "LOAD_DEPRECATED_ITEM", "15:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
            (W, "LOAD_DEPRECATED_ITEM", "20:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
        ],
    ),
    (
        "missing_keys.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "1:3", "Item has no mapping for key 'output'"),
            (E, "LOAD_ERR_YAML_VALIDATE", "6:3", "Mapping for key 'desc' is empty"),
            (E, "LOAD_ERR_YAML_VALIDATE", "14:14", "Value must be non-empty"),
            (E, "LOAD_ERR_YAML_VALIDATE", "18:3", "Item has no mapping for key 'condition'"),
            (E, "LOAD_ERR_YAML_VALIDATE", "20:3", "Item has no mapping for key 'items'"),
            (E, "LOAD_ERR_YAML_VALIDATE", "23:10", "Value is not a sequence"),
            (E, "LOAD_ERR_YAML_VALIDATE", "26:14", "sequence value is not scalar"),
            (E, "LOAD_ERR_YAML_VALIDATE", "28:3", "Unexpected element type. Each element should be a yaml associative array."),
            (W, "LOAD_UNKNOWN_ITEM", "30:3", "Unknown top level item"),
        ],
    ),
    (
        "not_a_sequence.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "1:1", "Rules content is not yaml array of objects"),
            (E, "LOAD_ERR_YAML_VALIDATE", "3:1", "Rules content is not yaml"),
        ],
    ),
    (
        "versions.yaml",
        &[
            (E, "LOAD_ERR_YAML_VALIDATE", "1:3", r#"Unable to parse engine version 'seven' as a semver string. Expected "x.y.z" semver format."#),
            (E, "LOAD_ERR_VALIDATE", "3:3", "Rules require engine version 0.99.0, but engine version is 0.63.0"),
            (E, "LOAD_ERR_VALIDATE", "5:3", "Rules require engine version 1.0.0, but engine version is 0.63.0"),
            (E, "LOAD_ERR_YAML_VALIDATE", "9:29", "Value of required_plugin_versions must be a sequence"),
            (E, "LOAD_ERR_YAML_VALIDATE", "12:7", "Item has no mapping for key 'version'"),
            (E, "LOAD_ERR_VALIDATE", "15:7", "Invalid required version 'latest' for plugin 'container'"),
            (E, "LOAD_ERR_VALIDATE", "19:7", "Defined multiple alternative version requirements for plugin 'k8saudit'"),
        ],
    ),
    (
        "warnings.yaml",
        &[
            (E, "LOAD_ERR_VALIDATE", "34:7", "Rule exception must have values property with a list of values"),
            (W, "LOAD_INVALID_MACRO_NAME", "1:3", "Macro has an invalid name. Macro names should match a regular expression: ([a-zA-Z]+[a-zA-Z0-9_]*)"),
            (W, "LOAD_UNKNOWN_KEY", "1:3", "Unknown key 'typo_field'. The key will be ignored."),
            (W, "LOAD_INVALID_LIST_NAME", "5:3", r#"List has an invalid name. List names should match a regular expression: ([^()"'[:space:]=,]+)"#),
            (W, "LOAD_DEPRECATED_ITEM", "11:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
            (W, "LOAD_DEPRECATED_ITEM", "21:3", "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace')."),
            (W, "LOAD_UNKNOWN_SOURCE", "24:3", "Unknown source k8s_audit, skipping"),
            (W, "LOAD_UNKNOWN_KEY", "24:3", "Unknown key 'outptu'. The key will be ignored."),
            (W, "LOAD_DEPRECATED_ITEM", "32:3", "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."),
            (W, "LOAD_APPEND_NO_VALUES", "34:7", "Overriding/appending exception with no values"),
        ],
    ),
    (
        "yaml_syntax.yaml",
        &[
            (E, "LOAD_ERR_YAML_PARSE", "2:10", "mapping values are not allowed in this context"),
        ],
    ),
];

#[test]
fn every_broken_file_reports_every_error_with_code_message_and_position() {
    for (name, expected) in CASES {
        let (_, r) = load(name);
        let got = actual(&r);
        let want: Vec<(bool, String, String, String)> = expected
            .iter()
            .map(|(e, c, p, m)| (*e, c.to_string(), p.to_string(), m.to_string()))
            .collect();
        assert_eq!(got, want, "{name}:\n{}", r.render());
    }
}

#[test]
fn every_fixture_has_a_case() {
    let dir = format!("{}/tests/data/bad", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let cases: Vec<&str> = CASES.iter().map(|(n, _)| *n).collect();
    assert_eq!(files, cases);
}

#[test]
fn good_items_after_bad_ones_are_still_collected() {
    let (c, _) = load("not_a_sequence.yaml");
    assert_eq!(
        c.list("survivor").map(|l| l.items.clone()),
        Some(vec!["a".to_string()])
    );
    let (c, _) = load("missing_keys.yaml");
    assert!(c.list("good_list").is_some());
    assert!(c.rule("no output").is_none());
    let (c, _) = load("bad_values.yaml");
    let good = c.rule("good rule").expect("collected");
    assert!(good.enabled && good.capture);
    let (c, _) = load("append_to_nothing.yaml");
    assert!(
        c.list("replaced_list").is_some(),
        "override replace needs no earlier list"
    );
}

#[test]
fn a_rejected_override_leaves_the_rule_untouched() {
    let (c, _) = load("bad_override.yaml");
    let r = c.rule("base").expect("base rule");
    assert_eq!(r.condition.as_str(), "evt.type = open");
    assert_eq!(r.priority.to_string(), "Informational");
}

#[test]
fn codes_split_errors_from_warnings() {
    let (_, r) = load("warnings.yaml");
    assert!(r
        .warnings
        .iter()
        .all(|d| matches!(d.code, Code::Warning(_))));
    assert!(r.errors.iter().all(|d| matches!(d.code, Code::Error(_))));
}

#[test]
fn truncated_official_rules_never_panic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/rules/falco_rules.yaml"
    ))
    .expect("official rules in testdata");
    let step = (text.len() / 97).max(1);
    let mut cut = 0;
    while cut < text.len() {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut c = Collector::new("syscall");
        let _ = c.load("cut.yaml", &text[..end]);
        cut += step;
    }
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "",
        "---",
        "- ",
        "-\n-\n-",
        "[[[[[[[[",
        "- rule: {condition: [}",
        "- rule: x\n  exceptions: [[[[[[]]]]]]",
        "- rule: x\n  desc: d\n  condition: c\n  output: o\n  priority: INFO\n  exceptions:\n    - name: e\n      fields: [[a]]\n      comps: [[b]]\n      values: [[[c]]]",
        "- list: x\n  items: *nope",
        "\u{feff}- list: bom\n  items: []",
        "- macro: \u{0}\n  condition: \"\\x00\"",
        "- rule: é\n  override: {é: é}",
        "- required_plugin_versions: [{name: a, version: 1.0.0, alternatives: [x]}]",
    ];
    for text in inputs {
        let mut c = Collector::new("syscall");
        let r = c.load("garbage.yaml", text);
        for d in r.errors.iter().chain(&r.warnings) {
            let _ = d.render();
            let _ = d.to_json();
        }
        let _ = r.verbose();
    }
}

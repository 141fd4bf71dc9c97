//! How load results print: compiler style, Falco's `-V` summary and verbose
//! text, Falco's `-V` JSON, and diagnostics inside a condition.

use falco_rules::rules::{
    falco_load_results_json, substitute_lists_mapped, Collector, Diagnostic, ErrorCode,
    ExpandedList, LoadResult,
};

const FILE: &str = "\
- list: shells
  items: [bash]
  typo: 1

- rule: r
  desc: d
  condition: evt.type = open
  priority: INFO
";

fn result() -> LoadResult {
    Collector::new("syscall").load("rules.yaml", FILE)
}

#[test]
fn compiler_style_rendering_shows_the_line_and_a_caret() {
    let r = result();
    assert_eq!(
        r.errors[0].render(),
        "rules.yaml:5:3: error: Item has no mapping for key 'output'\n    - rule: r\n      ^\n    = LOAD_ERR_YAML_VALIDATE (Error validating internal structure of YAML file) in rule 'r'\n"
    );
    assert_eq!(
        r.warnings[0].render(),
        "rules.yaml:1:3: warning: Unknown key 'typo'. The key will be ignored.\n    - list: shells\n      ^\n    = LOAD_UNKNOWN_KEY (Unknown key in item definition) in list 'shells'\n"
    );
}

#[test]
fn falco_summary_text() {
    assert_eq!(
        result().summary(),
        "rules.yaml: Invalid\n 1 errors: [LOAD_ERR_YAML_VALIDATE (Error validating internal structure of YAML file)]\n 1 warnings: [LOAD_UNKNOWN_KEY (Unknown key in item definition)]"
    );
    assert_eq!(
        Collector::new("syscall")
            .load("ok.yaml", "- list: a\n  items: []\n")
            .summary(),
        "ok.yaml: Ok"
    );
}

#[test]
fn falco_verbose_text_uses_zero_based_positions_like_falco() {
    assert_eq!(
        result().verbose(),
        "rules.yaml: Invalid
1 Errors:
In rules content: (rules.yaml:0:0)
    rule 'r': (rules.yaml:4:2)
------
- rule: r
  ^
------
LOAD_ERR_YAML_VALIDATE (Error validating internal structure of YAML file): Item has no mapping for key 'output'

1 Warnings:
In rules content: (rules.yaml:0:0)
    list 'shells': (rules.yaml:0:2)
------
- list: shells
  ^
------
LOAD_UNKNOWN_KEY (Unknown key in item definition): Unknown key 'typo'. The key will be ignored.
"
    );
}

#[test]
fn falco_json_shape() {
    let j = falco_load_results_json(&[result()]);
    let res = &j["falco_load_results"][0];
    assert_eq!(res["name"], "rules.yaml");
    assert_eq!(res["successful"], false);
    let err = &res["errors"][0];
    assert_eq!(err["code"], "LOAD_ERR_YAML_VALIDATE");
    assert_eq!(
        err["codedesc"],
        "Error validating internal structure of YAML file"
    );
    assert_eq!(err["message"], "Item has no mapping for key 'output'");
    let loc = &err["context"]["locations"][1];
    assert_eq!(loc["item_type"], "rule");
    assert_eq!(loc["item_name"], "r");
    assert_eq!(loc["position"]["name"], "rules.yaml");
    assert_eq!(loc["position"]["line"], 4);
    assert_eq!(loc["position"]["column"], 2);
    assert_eq!(loc["position"]["offset"], 44);
    assert_eq!(err["context"]["snippet"], "- rule: r\n  ^\n");
    let warn = &res["warnings"][0];
    assert_eq!(warn["code"], "LOAD_UNKNOWN_KEY");
    assert!(warn["codedesc"]
        .as_str()
        .unwrap()
        .starts_with("An item in the rules content contains an unrecognized key."));
}

#[test]
fn yaml_syntax_error_points_at_the_parser_position() {
    let r = Collector::new("syscall").load("bad.yaml", "- rule: a\n  desc: x: y\n");
    let d = &r.errors[0];
    assert_eq!(d.code.name(), "LOAD_ERR_YAML_PARSE");
    assert_eq!(
        d.render(),
        "bad.yaml:2:10: error: mapping values are not allowed in this context\n      desc: x: y\n             ^\n    = LOAD_ERR_YAML_PARSE (YAML parse error)\n"
    );
}

/// What the compile stage does with a parse error: the parser reports an
/// offset in the list-substituted condition; map it back to the original
/// condition text, then to the file.
#[test]
fn condition_errors_point_into_the_file_through_list_substitution() {
    let mut c = Collector::new("syscall");
    let r = c.load(
        "rules.yaml",
        "- list: shells\n  items: [bash, zsh]\n- rule: r\n  desc: d\n  condition: >\n    proc.name in (shells)\n    and evt.type = = open\n  output: o\n  priority: INFO\n",
    );
    assert!(r.successful());
    let rule = c.rule("r").unwrap();
    let lists = [ExpandedList {
        name: "shells".into(),
        items: vec!["bash".into(), "zsh".into()],
        raw_items: vec![],
        references: vec![],
        used_by_list: false,
    }];
    let sub = substitute_lists_mapped(rule.condition.as_str(), &lists);
    let parse_error_at = sub.text.find("= open").unwrap();
    let d = Diagnostic::in_text(
        ErrorCode::CompileCondition,
        "unexpected token after 'evt.type =', expecting 'or', 'and'",
        &rule.condition_context,
        &rule.condition,
        sub.original_offset(parse_error_at),
    );
    let (file, at) = d.position();
    assert_eq!((file, at.line, at.col), ("rules.yaml", 7, 20));
    let loc = d.context.last();
    assert_eq!(loc.item_type.as_str(), "condition expression");
    assert_eq!(loc.name, "\"proc.name in (she...\"");
    assert_eq!(
        d.render().lines().take(3).collect::<Vec<_>>(),
        [
            "rules.yaml:7:20: error: unexpected token after 'evt.type =', expecting 'or', 'and'",
            "        and evt.type = = open",
            "                       ^",
        ]
    );
    // Or show the substituted text the parser saw.
    let d = d.with_snippet_of(&sub.text, parse_error_at);
    assert!(d
        .snippet
        .starts_with("proc.name in ( bash, zsh ) and evt.type = = open\n"));
}

#[test]
fn an_unreadable_file_is_a_file_read_error() {
    let r = Collector::new("syscall").load_path(
        std::path::Path::new("/nonexistent/rules.yaml"),
        &falco_rules::rules::OnlySource("syscall"),
    );
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].code.name(), "LOAD_ERR_FILE_READ");
    assert_eq!(
        r.errors[0].message,
        "Could not open file /nonexistent/rules.yaml for reading"
    );
}

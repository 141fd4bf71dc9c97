//! Diagnostics worth an editor: near spellings suggested, messages naming the
//! rule's source, errors in file order, every bad output field, exception
//! fields and tabs pointed at precisely, a bad priority not hiding the rest.

use falco_rules::{
    Engine, Field, FieldDoc, FieldError, FieldSchema, FieldType, LoadResult, SimpleSource,
};

/// A small `http` source: `http.path`, `http.method`, `http.status`.
struct Http;

const FIELDS: &[(&str, FieldType, &str)] = &[
    ("http.path", FieldType::String, "the request path"),
    ("http.method", FieldType::String, "the request method"),
    ("http.status", FieldType::Uint64, "the response status"),
];

impl FieldSchema for Http {
    fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
        FIELDS
            .iter()
            .position(|f| f.0 == name)
            .map(|i| Field::new(i as u32, FIELDS[i].1))
            .ok_or_else(|| FieldError::Unknown(name.to_string()))
    }
    fn fields(&self) -> Vec<FieldDoc> {
        FIELDS
            .iter()
            .map(|&(name, ty, desc)| FieldDoc::new(name, ty, desc))
            .collect()
    }
}

fn load(text: &str) -> LoadResult {
    let mut engine = Engine::builder()
        .source(SimpleSource::new("http", Http))
        .default_source("http")
        .build();
    engine.load_str("r.yaml", text)
}

/// `(line, col, headline)` of every error, as `render()` prints them.
fn errors(r: &LoadResult) -> Vec<(usize, usize, String)> {
    r.errors
        .iter()
        .map(|d| {
            let (_, at) = d.position();
            let first = d.render().lines().next().unwrap_or_default().to_string();
            let headline = first.splitn(3, ": ").nth(2).unwrap_or_default().to_string();
            (at.line, at.col, headline)
        })
        .collect()
}

/// One case: rules text and the `(line, col, headline)` of every error.
type Case = (
    &'static str,
    &'static str,
    &'static [(usize, usize, &'static str)],
);

const CASES: &[Case] = &[
    (
        "a misspelt field is named with its source and the nearest field",
        "- rule: a\n  desc: d\n  condition: http.pth = /x\n  output: x\n  priority: WARNING\n",
        &[(3, 14, "unknown field `http.pth` for source `http`; did you mean `http.path`?")],
    ),
    (
        "an unknown field with nothing near gets no suggestion",
        "- rule: a\n  desc: d\n  condition: proc.name = x\n  output: x\n  priority: WARNING\n",
        &[(3, 14, "unknown field `proc.name` for source `http`")],
    ),
    (
        "every bad %field of an output is reported, each at its '%'",
        "- rule: a\n  desc: d\n  condition: http.path = /x\n  output: p=%http.pth m=%http.methd ok=%http.path\n  priority: WARNING\n",
        &[
            (4, 13, "unknown field `http.pth` for source `http`; did you mean `http.path`?"),
            (4, 25, "unknown field `http.methd` for source `http`; did you mean `http.method`?"),
        ],
    ),
    (
        "a misspelt macro suggests the defined one",
        "- macro: is_get\n  condition: http.method = GET\n- rule: a\n  desc: d\n  condition: is_gte\n  output: x\n  priority: WARNING\n",
        &[(5, 14, "undefined macro `is_gte`; did you mean `is_get`?")],
    ),
    (
        "an append to a misspelt list suggests the defined one",
        "- list: methods\n  items: [GET]\n- list: methds\n  items: [PUT]\n  append: true\n",
        &[(3, 3, "no list named `methds` is defined before this one; did you mean `methods`?")],
    ),
    (
        "an override of a misspelt macro suggests the defined one",
        "- macro: is_get\n  condition: http.method = GET\n- macro: is_gte\n  condition: or http.method = HEAD\n  override:\n    condition: append\n",
        &[(3, 3, "no macro named `is_gte` is defined before this one; did you mean `is_get`?")],
    ),
    (
        "a bad exception field is pointed at the field, not at `- name:`",
        "- rule: a\n  desc: d\n  condition: http.path = /x\n  output: x\n  priority: WARNING\n  exceptions:\n    - name: e\n      fields: [http.path, http.nope]\n      comps: [=, =]\n",
        &[(8, 27, "unknown field `http.nope` in the fields of exception `e`")],
    ),
    (
        "a tab is pointed at its own line",
        "- rule: a\n  desc: d\n  condition: http.path = /x\n\toutput: x\n  priority: WARNING\n",
        &[(4, 1, "a tab character at line 4, column 1: YAML indents with spaces only")],
    ),
    (
        "a bad priority does not hide the rule's other errors",
        "- rule: a\n  desc: d\n  condition: http.pth = /x\n  output: x %http.stat\n  priority: WARN\n",
        &[
            (3, 14, "unknown field `http.pth` for source `http`; did you mean `http.path`?"),
            (4, 13, "unknown field `http.stat` for source `http`; did you mean `http.status`?"),
            (5, 13, "Invalid priority"),
        ],
    ),
    (
        "errors come out in file order, whatever stage found them",
        "- rule: b\n  desc: d\n  condition: http.pth = /x\n  output: x\n  priority: WARNING\n- list: l\n  items: [a]\n- list: nolist\n  items: [b]\n  append: true\n- rule: c\n  desc: d\n  condition: nomacro\n  output: x\n  priority: WARNING\n- rule: e\n  desc: d\n  priority: INFO\n",
        &[
            (3, 14, "unknown field `http.pth` for source `http`; did you mean `http.path`?"),
            (8, 3, "no list named `nolist` is defined before this one"),
            (13, 14, "undefined macro `nomacro`"),
            (16, 3, "Item has no mapping for key 'condition'"),
        ],
    ),
];

#[test]
fn diagnostics_worth_an_editor() {
    for (what, text, want) in CASES {
        let got = errors(&load(text));
        let want: Vec<(usize, usize, String)> = want
            .iter()
            .map(|&(l, c, m)| (l, c, m.to_string()))
            .collect();
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn falco_formats_keep_falcos_message() {
    let r = load(
        "- rule: a\n  desc: d\n  condition: http.pth = /x\n  output: x\n  priority: WARNING\n",
    );
    assert_eq!(
        r.errors[0].message,
        "filter_check called with nonexistent field http.pth"
    );
    let json = r.to_json();
    assert_eq!(
        json["errors"][0]["message"],
        "filter_check called with nonexistent field http.pth"
    );
    assert!(
        r.verbose().contains("nonexistent field http.pth"),
        "{}",
        r.verbose()
    );
}

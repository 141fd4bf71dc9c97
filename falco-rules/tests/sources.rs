//! One engine, several event sources: each rule compiles against its own
//! `source:`, events of a source run only that source's rules, unknown and
//! disabled sources, `required_plugin_versions` against what the registered
//! sources provide, and each source's own deprecations and event types.

use falco_rules::evttype::EventTypes;
use falco_rules::{
    Engine, EngineBuilder, Event, EventSet, Field, FieldError, FieldExtractor, FieldSchema,
    FieldType, LoadResult, Priority, RuleMatching, Scratch, SimpleSource, UnknownSources, Values,
};

/// A schema of string fields named in `names`: field id = position.
struct Names(&'static [&'static str]);

impl FieldSchema for Names {
    fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
        match self.0.iter().position(|n| *n == name) {
            Some(i) => Ok(Field::new(i as u32, FieldType::String)),
            None => Err(FieldError::Unknown(name.to_string())),
        }
    }
}

const HTTP: &[&str] = &["http.method", "http.path", "http.old"];
const AUTH: &[&str] = &["auth.user", "auth.kind", "auth.result"];

/// Numbers `auth.kind` values: login = 0, logout = 1, passwd = 2.
struct AuthKinds;

impl EventTypes for AuthKinds {
    fn num_codes(&self) -> usize {
        3
    }
    fn codes_for_name(&self, name: &str, out: &mut EventSet) {
        if let Some(c) = ["login", "logout", "passwd"]
            .iter()
            .position(|n| *n == name)
        {
            out.insert(c as u16);
        }
    }
    fn name_of(&self, code: u16) -> Option<&str> {
        ["login", "logout", "passwd"].get(code as usize).copied()
    }
    fn type_fields(&self) -> &[&str] {
        &["auth.kind"]
    }
}

/// An event of either source: its values in schema order.
struct Ev {
    source: &'static str,
    values: [&'static str; 3],
    code: Option<u16>,
}

impl FieldExtractor for Ev {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        out.push_str(self.values[field.id as usize]);
        true
    }
}

impl Event for Ev {
    fn source(&self) -> &str {
        self.source
    }
    fn event_type(&self) -> Option<u16> {
        self.code
    }
}

fn builder() -> EngineBuilder {
    Engine::builder()
        .source(
            SimpleSource::new("http", Names(HTTP))
                .deprecated_field("http.old", "use 'http.path'")
                .plugin("webserver", "1.2.0"),
        )
        .source(SimpleSource::new("auth", Names(AUTH)).event_types(AuthKinds))
        .rule_matching(RuleMatching::All)
}

fn rule(name: &str, source: Option<&str>, condition: &str) -> String {
    let source = source.map_or(String::new(), |s| format!("  source: {s}\n"));
    format!("- rule: {name}\n  desc: d\n  condition: {condition}\n  output: o\n  priority: INFO\n{source}")
}

/// (code, message) of a diagnostic.
type Diag = (String, String);

/// (code, message) of every diagnostic, errors first.
fn diags(r: &LoadResult) -> Vec<Diag> {
    r.errors
        .iter()
        .chain(r.warnings.iter())
        .map(|d| (d.code.name().to_string(), d.message.clone()))
        .collect()
}

#[test]
fn each_rule_compiles_against_its_own_source() {
    let cases: &[(&str, Option<&str>, &str, Option<&str>)] = &[
        // (what, source, condition, error message)
        (
            "default source is the first registered",
            None,
            "http.path = /",
            None,
        ),
        (
            "http rule, http field",
            Some("http"),
            "http.method = GET",
            None,
        ),
        (
            "auth rule, auth field",
            Some("auth"),
            "auth.user = root",
            None,
        ),
        (
            "auth field in an http rule",
            Some("http"),
            "auth.user = root",
            Some("filter_check called with nonexistent field auth.user"),
        ),
        (
            "http field in an auth rule",
            Some("auth"),
            "http.path = /",
            Some("filter_check called with nonexistent field http.path"),
        ),
    ];
    for (what, source, cond, err) in cases {
        let mut e = builder().build();
        let r = e.load_str("r.yaml", &rule("r", *source, cond));
        match err {
            None => assert!(r.successful(), "{what}: {r}"),
            Some(m) => {
                assert_eq!(r.errors.len(), 1, "{what}: {r}");
                assert_eq!(r.errors[0].message, *m, "{what}");
                assert_eq!(r.errors[0].code.name(), "LOAD_ERR_COMPILE_CONDITION");
            }
        }
    }
}

#[test]
fn unknown_sources_are_errors_unless_disabled_or_skipped() {
    let yaml = rule("r", Some("audit"), "audit.verb = get");
    let skip = (
        "LOAD_UNKNOWN_SOURCE".to_string(),
        "Unknown source audit, skipping".to_string(),
    );
    let cases: Vec<(&str, EngineBuilder, Vec<Diag>)> = vec![
        (
            "unregistered",
            builder(),
            vec![(
                "LOAD_ERR_VALIDATE".into(),
                "Unknown source audit: no event source of that name is registered (register it, or disable it to skip its rules)".into(),
            )],
        ),
        ("disabled", builder().disable_source("audit"), vec![skip.clone()]),
        (
            "Falco's lenient policy",
            builder().unknown_sources(UnknownSources::Skip),
            vec![skip.clone()],
        ),
        (
            "a registered source disabled",
            builder().disable_source("http").disable_source("audit"),
            vec![
                (
                    "LOAD_UNKNOWN_SOURCE".into(),
                    "Unknown source audit, skipping".into(),
                ),
                (
                    "LOAD_UNKNOWN_SOURCE".into(),
                    "Unknown source http, skipping".into(),
                ),
            ],
        ),
    ];
    for (what, b, want) in cases {
        let mut e = b.build();
        let r = e.load_str(
            "r.yaml",
            &format!("{yaml}{}", rule("h", Some("http"), "http.path = /")),
        );
        assert_eq!(diags(&r), want, "{what}");
    }
}

#[test]
fn events_run_only_the_rules_of_their_source() {
    let mut e = builder().build();
    let yaml = [
        rule("get", Some("http"), "http.method = GET"),
        rule(
            "root login",
            Some("auth"),
            "auth.kind = login and auth.user = root",
        ),
        rule("any root", Some("auth"), "auth.user = root"),
        // Same value, other source: must not fire on auth events.
        rule("root path", Some("http"), "http.method = root"),
    ]
    .concat();
    e.load_str("r.yaml", &yaml).into_result().expect("loads");
    let rs = e.ruleset();
    let fired = |ev: &Ev| -> Vec<String> {
        rs.matches(ev, &mut Scratch::new())
            .map(|r| r.name.to_string())
            .collect()
    };
    let login = Ev {
        source: "auth",
        values: ["root", "login", "ok"],
        code: Some(0),
    };
    let logout = Ev {
        source: "auth",
        values: ["root", "logout", "ok"],
        code: Some(1),
    };
    let get = Ev {
        source: "http",
        values: ["GET", "/", ""],
        code: None,
    };
    let other = Ev {
        source: "dns",
        values: ["root", "GET", ""],
        code: None,
    };
    assert_eq!(fired(&login), ["root login", "any root"]);
    assert_eq!(fired(&logout), ["any root"]);
    assert_eq!(fired(&get), ["get"]);
    assert!(fired(&other).is_empty(), "no rules for an unknown source");

    let login_set: Vec<u16> = rs.event_types("auth").iter().collect();
    assert_eq!(login_set, [0, 1, 2], "'any root' matches every auth kind");
    assert!(rs.event_types("dns").is_empty());
}

#[test]
fn the_event_type_index_skips_rules_that_cannot_match() {
    let mut e = builder().build();
    e.load_str("r.yaml", &rule("pw", Some("auth"), "auth.kind = passwd"))
        .into_result()
        .expect("loads");
    let rs = e.ruleset();
    let set: Vec<u16> = rs.rules()[0].event_types.iter().collect();
    assert_eq!(set, [2]);
    // A login event whose fields would match is never evaluated: its type
    // is not in the rule's set.
    let lying = Ev {
        source: "auth",
        values: ["u", "passwd", ""],
        code: Some(0),
    };
    assert_eq!(rs.matches(&lying, &mut Scratch::new()).count(), 0);
}

#[test]
fn plugin_requirements_are_checked_against_the_registered_sources() {
    let req = |name: &str, version: &str| {
        format!("- required_plugin_versions:\n  - name: {name}\n    version: {version}\n")
    };
    let cases: Vec<(&str, EngineBuilder, String, Option<&str>)> = vec![
        ("provided", builder(), req("webserver", "1.0.0"), None),
        (
            "provided, too old",
            builder(),
            req("webserver", "1.3.0"),
            Some("Plugin 'webserver' version '1.2.0' is not compatible with required plugin version '1.3.0'"),
        ),
        (
            "other major",
            builder(),
            req("webserver", "2.0.0"),
            Some("Plugin 'webserver' version '1.2.0' is not compatible with required plugin version '2.0.0'"),
        ),
        (
            "not provided",
            builder(),
            req("container", "0.4.0"),
            Some("Plugin requirement not satisfied, must load one of: container (>= 0.4.0)"),
        ),
        (
            "provider disabled",
            builder().disable_source("http"),
            req("webserver", "1.0.0"),
            Some("Plugin requirement not satisfied, must load one of: webserver (>= 1.0.0)"),
        ),
        (
            "an alternative is provided",
            builder(),
            "- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n    alternatives:\n      - name: webserver\n        version: 1.1.0\n".into(),
            None,
        ),
    ];
    for (what, b, yaml, err) in cases {
        let mut e = b.build();
        let r = e.load_str("r.yaml", &yaml);
        match err {
            None => assert!(r.successful(), "{what}: {r}"),
            Some(m) => {
                assert_eq!(
                    diags(&r),
                    [("LOAD_ERR_VALIDATE".to_string(), m.to_string())],
                    "{what}"
                );
                let (file, at) = r.errors[0].position();
                assert_eq!((file, at.line), ("r.yaml", 2), "{what}: at the entry");
            }
        }
    }
}

#[test]
fn deprecated_fields_come_from_the_rules_source() {
    let mut e = builder().build();
    let r = e.load_str(
        "r.yaml",
        &[
            rule("h", Some("http"), "http.old = x"),
            // Same name in a source that does not deprecate it: no warning.
            rule("a", Some("auth"), "auth.user = http.old"),
        ]
        .concat(),
    );
    assert_eq!(
        diags(&r),
        [(
            "LOAD_DEPRECATED_ITEM".to_string(),
            "use 'http.path'".to_string()
        )]
    );
    assert_eq!(r.warnings[0].deprecated_field.as_deref(), Some("http.old"));
}

#[test]
fn min_priority_and_the_default_source_come_from_the_builder() {
    let mut e = builder()
        .default_source("auth")
        .min_priority(Priority::Warning)
        .build();
    let yaml = "\
- rule: quiet
  desc: d
  condition: auth.user = root
  output: o
  priority: INFO
- rule: loud
  desc: d
  condition: auth.user = root
  output: o
  priority: ERROR
";
    e.load_str("r.yaml", yaml).into_result().expect("loads");
    let rs = e.ruleset();
    assert!(rs.rules().iter().all(|r| &*r.source == "auth"));
    let login = Ev {
        source: "auth",
        values: ["root", "login", ""],
        code: Some(0),
    };
    let names: Vec<&str> = rs
        .matches(&login, &mut Scratch::new())
        .map(|r| &*r.name)
        .collect();
    assert_eq!(names, ["loud"]);
    assert_eq!(rs.active_len(), 1);
}

#[test]
fn errors_come_in_file_order_whatever_stage_found_them() {
    let mut e = builder().build();
    let yaml = "\
- rule: a
  desc: d
  condition: http.path = / and
  output: \"%http.nope\"
  priority: INFO
  source: http
- rule: b
  desc: d
  condition: undefined_macro
  output: o
  priority: INFO
  source: http
";
    let r = e.load_str("r.yaml", yaml);
    let got: Vec<(String, usize)> = r
        .errors
        .iter()
        .map(|d| (d.code.name().to_string(), d.position().1.line))
        .collect();
    assert_eq!(
        got,
        [
            ("LOAD_ERR_COMPILE_CONDITION".to_string(), 3),
            ("LOAD_ERR_COMPILE_OUTPUT".to_string(), 4),
            ("LOAD_ERR_VALIDATE".to_string(), 9),
        ],
        "{r}"
    );
}

#[test]
fn errors_inside_nested_macros_point_into_the_macros_text() {
    let mut e = builder().build();
    let yaml = "\
- macro: inner
  condition: http.nope = 1
- macro: outer
  condition: http.path = / and inner
- rule: r
  desc: d
  condition: http.method = GET and outer
  output: o
  priority: INFO
  source: http
";
    let r = e.load_str("r.yaml", yaml);
    assert_eq!(r.errors.len(), 1, "{r}");
    let (_, at) = r.errors[0].position();
    assert_eq!((at.line, at.col), (2, 14), "{r}");
    assert_eq!(
        r.errors[0].message,
        "filter_check called with nonexistent field http.nope"
    );
}

//! Rule tests: YAML files that say which rules files to load, which events
//! to feed them, and which rules must (and must not) fire.
//!
//! The runner knows no event source. Inline events are JSON objects whose
//! keys are field names of the case's source; a value is read with the type
//! the source's [`FieldSchema`] gives the field, so the same file format tests
//! rules of any source. Events from files (a capture, a Kubernetes audit
//! log) come through a [`Replay`] that the caller provides (the `falco`
//! facade reads captures and audit files; a tool of its own reads its own).
//!
//! # The test file
//!
//! ```yaml
//! # Rules files, loaded in this order (paths relative to the test file):
//! # the stock rules first, then local overrides.
//! rules:
//!   - my_rules.yaml
//!   - my_rules.local.yaml
//! tests:
//!   - name: a shell in a container alerts      # one line of the report
//!     source: syscall                          # optional: the engine's default
//!     events:                                  # inline events, in order
//!       - evt.type: execve
//!         proc.name: bash
//!         container.id: 3ad7b26ded6d
//!     expect:                                  # rules that must fire
//!       - rule: Shell in container
//!         count: 1                             # optional: exactly; default at least once
//!         priority: WARNING                    # optional
//!         output: "shell in container"         # optional: a substring of the output
//!         output_fields:                       # optional: values of output fields
//!           proc.name: bash
//!     not_expect:                              # rules that must not fire
//!       - Some other rule
//!   - name: the capture raises one alert
//!     capture: traces/cat_write.scap          # or `k8s_audit: audit.json`
//!     event_numbers: [1, 500]                  # optional window, inclusive
//!     time_ns: [1470327477881785348, 1470327478000000000]  # optional, inclusive
//!     expect:
//!       - rule: Write below etc
//!   - name: nothing fires on a quiet event
//!     events:
//!       - evt.type: close
//!     expect: []                               # an empty list: no rule may fire
//! ```
//!
//! The runner loads the rules files with every matching rule alerting (not
//! only the first, as Falco's `rule_matching: first` would) so a case sees
//! everything its events trigger, and with Falco's handling of rules for
//! sources not registered (skipped with a warning). An inline event's type
//! is read from the source's type field (`evt.type` for syscalls): the
//! rules indexed under that name run, as for a real event of that type.
//!
//! # Running from `cargo test`
//!
//! ```
//! use std::sync::Arc;
//! use falco_rules::ruletest::{NoReplay, Runner, Suite};
//! use falco_rules::{Field, FieldError, FieldSchema, FieldType, SimpleSource};
//!
//! struct Http;
//! impl FieldSchema for Http {
//!     fn resolve(&self, name: &str, _: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "http.path" => Ok(Field::new(0, FieldType::String)),
//!             "http.status" => Ok(Field::new(1, FieldType::Uint64)),
//!             _ => Err(FieldError::Unknown(name.into())),
//!         }
//!     }
//! }
//!
//! let rules = "\
//! - rule: server error
//!   desc: a 5xx answer
//!   condition: http.status >= 500
//!   output: error on %http.path
//!   priority: ERROR
//!   source: http
//! ";
//! let suite = Suite::parse("http.test.yaml", "\
//! rules: [http.yaml]
//! tests:
//!   - name: a 503 alerts
//!     source: http
//!     events:
//!       - {http.path: /api, http.status: 503}
//!     expect:
//!       - {rule: server error, count: 1, output: error on /api}
//!   - name: a 200 does not
//!     source: http
//!     events:
//!       - {http.path: /api, http.status: 200}
//!     expect: []
//! ")?;
//! let mut runner = Runner::new().source(Arc::new(SimpleSource::new("http", Http)));
//! let outcome = runner.run_with_rules(&suite, &[("http.yaml", rules)], &mut NoReplay);
//! assert!(outcome.passed(), "{}", outcome.text());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::{json, Map, Value as Json};

use crate::coverage::Coverage;
use crate::engine::{Engine, RuleMatching, UnknownSources};
use crate::evttype::{EventSet, EventTypes};
use crate::field::{Field, FieldArg, FieldDoc, FieldError, FieldExtractor, FieldSchema, FieldType};
use crate::field::{IpNet, Values};
use crate::rules::{parse_documents, LoadResult, Node, NodeKind, Priority, SourceFile, Style};
use crate::source::{DeprecatedField, Event, ProvidedPlugin, SourceDescriptor, TimeFields};
use crate::{Alert, Scratch};

/// Why a test file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SuiteError {
    /// The file could not be read.
    #[error("{path}: cannot read the test file: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid YAML, or does not have the test file's shape.
    #[error("{path}:{line}:{col}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        message: String,
    },
}

/// A test file: the rules files to load and the cases.
#[derive(Clone, Debug, PartialEq)]
pub struct Suite {
    /// The test file's path (or name).
    pub path: PathBuf,
    /// The rules files, in load order, resolved against the test file's
    /// directory.
    pub rules: Vec<PathBuf>,
    /// The cases, in file order.
    pub cases: Vec<Case>,
}

/// One test case.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// Its name.
    pub name: String,
    /// The 1-based line of its `- name:` in the test file.
    pub line: usize,
    /// The events it feeds the rules.
    pub input: Input,
    /// The rules that must fire; `Some(vec![])` (`expect: []`) means no rule
    /// may fire, `None` that any may.
    pub expect: Option<Vec<Expect>>,
    /// The rules that must not fire.
    pub not_expect: Vec<String>,
}

/// The events of a case.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Input {
    /// Inline events of one source (`None`: the engine's default source).
    Events {
        /// The source.
        source: Option<String>,
        /// The events: field name (with its `[argument]`) to value.
        events: Vec<Map<String, Json>>,
    },
    /// A capture file, optionally a window of event numbers (inclusive).
    Capture {
        /// The file, resolved against the test file's directory.
        path: PathBuf,
        /// The first and last event number to use.
        event_numbers: Option<(u64, u64)>,
        /// The first and last event time to use, in nanoseconds since the
        /// epoch.
        time_ns: Option<(u64, u64)>,
    },
    /// A Kubernetes audit log (one event or an event list, or JSON lines).
    K8sAudit {
        /// The file, resolved against the test file's directory.
        path: PathBuf,
    },
}

/// A rule that must fire, and what its alerts must look like.
#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    /// The rule name.
    pub rule: String,
    /// Exactly this many alerts (default: at least one).
    pub count: Option<usize>,
    /// The priority of its alerts.
    pub priority: Option<Priority>,
    /// A substring of the output of at least one alert.
    pub output: Option<String>,
    /// Output fields and the values one alert must have for all of them
    /// (compared as JSON, a number also matching its text).
    pub output_fields: Vec<(String, Json)>,
}

impl Suite {
    /// Reads a test file.
    pub fn load(path: &Path) -> Result<Suite, SuiteError> {
        let text = std::fs::read_to_string(path).map_err(|source| SuiteError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Suite::parse(path, &text)
    }

    /// Parses a test file's text; relative paths in it are resolved
    /// against the directory of `path`.
    pub fn parse(path: impl AsRef<Path>, text: &str) -> Result<Suite, SuiteError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = SourceFile::new(name.clone(), text);
        let invalid = |node: Option<&Node>, message: String| {
            let (line, col) = node.map_or((1, 1), |n| (n.start.line, n.start.col));
            SuiteError::Invalid {
                path: name.clone(),
                line,
                col,
                message,
            }
        };
        let docs = parse_documents(&file).map_err(|e| SuiteError::Invalid {
            path: name.clone(),
            line: e.mark.line,
            col: e.mark.col,
            message: e.message.clone(),
        })?;
        let Some(root) = docs.iter().find(|d| !d.is_null()) else {
            return Err(invalid(None, "the test file is empty".into()));
        };
        if root.as_map().is_none() {
            return Err(invalid(
                Some(root),
                "a test file is a mapping with `rules` and `tests`".into(),
            ));
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        let rules = match root.get("rules") {
            Some(n) => strings(n)
                .ok_or_else(|| invalid(Some(n), "`rules` is a list of file paths".into()))?
                .into_iter()
                .map(|p| normalize(&dir.join(p)))
                .collect(),
            None => {
                return Err(invalid(
                    Some(root),
                    "missing `rules`: the rules files to load".into(),
                ))
            }
        };
        let Some(tests) = root.get("tests") else {
            return Err(invalid(
                Some(root),
                "missing `tests`: the test cases".into(),
            ));
        };
        let Some(items) = tests.as_seq() else {
            return Err(invalid(Some(tests), "`tests` is a list of cases".into()));
        };
        let mut cases = Vec::new();
        for item in items {
            cases.push(parse_case(item, dir).map_err(|(n, m)| invalid(Some(n), m))?);
        }
        Ok(Suite {
            path: path.to_path_buf(),
            rules,
            cases,
        })
    }
}

type Bad<'n> = (&'n Node, String);

/// `a/b/../c` as `a/c`: paths in reports read as the user would write them.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn scalar(n: &Node) -> Option<&str> {
    n.as_scalar().map(|s| s.text.as_str())
}

fn strings(n: &Node) -> Option<Vec<String>> {
    match &n.kind {
        NodeKind::Scalar(s) => Some(vec![s.text.clone()]),
        NodeKind::Seq(items) => items.iter().map(|i| scalar(i).map(String::from)).collect(),
        _ => None,
    }
}

fn parse_case<'n>(item: &'n Node, dir: &Path) -> Result<Case, Bad<'n>> {
    const KEYS: [&str; 10] = [
        "name",
        "source",
        "events",
        "capture",
        "event_numbers",
        "time_ns",
        "k8s_audit",
        "expect",
        "not_expect",
        "description",
    ];
    let Some(pairs) = item.as_map() else {
        return Err((
            item,
            "a case is a mapping with `name`, its input and `expect`".into(),
        ));
    };
    for (k, _) in pairs {
        let key = k.key_text();
        if !KEYS.contains(&key.as_str()) {
            return Err((
                k,
                format!(
                    "unknown key `{key}` in a case (expected one of: {})",
                    KEYS.join(", ")
                ),
            ));
        }
    }
    let name = item
        .get("name")
        .and_then(scalar)
        .ok_or((item, "a case needs a `name`".to_string()))?
        .to_string();
    let inputs = ["events", "capture", "k8s_audit"]
        .iter()
        .filter(|k| item.has(k))
        .count();
    if inputs != 1 {
        return Err((
            item,
            format!("case `{name}` needs exactly one input: `events`, `capture` or `k8s_audit`"),
        ));
    }
    let input = if let Some(ev) = item.get("events") {
        let Some(list) = ev.as_seq() else {
            return Err((
                ev,
                "`events` is a list of events (mappings of field to value)".into(),
            ));
        };
        let mut events = Vec::new();
        for e in list {
            match yaml_json(e) {
                Json::Object(m) => events.push(m),
                _ => return Err((e, "an event is a mapping of field name to value".into())),
            }
        }
        Input::Events {
            source: item.get("source").and_then(scalar).map(String::from),
            events,
        }
    } else if let Some(c) = item.get("capture") {
        let path = scalar(c).ok_or((c, "`capture` is a file path".to_string()))?;
        let window = |key: &str| -> Result<Option<(u64, u64)>, Bad<'n>> {
            match item.get(key) {
                None => Ok(None),
                Some(n) => strings(n)
                    .filter(|v| v.len() == 2)
                    .and_then(|v| Some((v[0].parse().ok()?, v[1].parse().ok()?)))
                    .map(Some)
                    .ok_or((n, format!("`{key}` is [FIRST, LAST]"))),
            }
        };
        Input::Capture {
            path: normalize(&dir.join(path)),
            event_numbers: window("event_numbers")?,
            time_ns: window("time_ns")?,
        }
    } else {
        let k = item.get("k8s_audit").unwrap_or(item);
        let path = scalar(k).ok_or((k, "`k8s_audit` is a file path".to_string()))?;
        Input::K8sAudit {
            path: normalize(&dir.join(path)),
        }
    };
    let expect = match item.get("expect") {
        None => None,
        Some(n) => {
            let Some(list) = n.as_seq() else {
                return Err((n, "`expect` is a list of rules (names or mappings)".into()));
            };
            let mut out = Vec::new();
            for e in list {
                out.push(parse_expect(e)?);
            }
            Some(out)
        }
    };
    let not_expect = match item.get("not_expect") {
        None => Vec::new(),
        Some(n) => strings(n).ok_or((n, "`not_expect` is a list of rule names".to_string()))?,
    };
    Ok(Case {
        name,
        line: item.start.line,
        input,
        expect,
        not_expect,
    })
}

fn parse_expect(e: &Node) -> Result<Expect, Bad<'_>> {
    if let Some(rule) = scalar(e) {
        return Ok(Expect {
            rule: rule.to_string(),
            count: None,
            priority: None,
            output: None,
            output_fields: Vec::new(),
        });
    }
    let rule = e
        .get("rule")
        .and_then(scalar)
        .ok_or((e, "an expectation needs `rule`".to_string()))?;
    let count = match e.get("count") {
        None => None,
        Some(n) => Some(
            scalar(n)
                .and_then(|s| s.parse().ok())
                .ok_or((n, "`count` is a number".to_string()))?,
        ),
    };
    let priority = match e.get("priority") {
        None => None,
        Some(n) => Some(
            scalar(n)
                .and_then(|s| s.parse().ok())
                .ok_or((n, "`priority` is one of Falco's priorities".to_string()))?,
        ),
    };
    let output = e.get("output").and_then(scalar).map(String::from);
    let output_fields = match e.get("output_fields") {
        None => Vec::new(),
        Some(n) => match yaml_json(n) {
            Json::Object(m) => m.into_iter().collect(),
            _ => return Err((n, "`output_fields` is a mapping of field to value".into())),
        },
    };
    Ok(Expect {
        rule: rule.to_string(),
        count,
        priority,
        output,
        output_fields,
    })
}

/// A YAML node as JSON: plain scalars that read as numbers or booleans
/// become those, quoted ones stay strings.
fn yaml_json(n: &Node) -> Json {
    match &n.kind {
        NodeKind::Null => Json::Null,
        NodeKind::Scalar(s) if s.style == Style::Plain => {
            if let Ok(i) = s.text.parse::<i64>() {
                Json::from(i)
            } else if let Ok(u) = s.text.parse::<u64>() {
                Json::from(u)
            } else {
                match s.text.as_str() {
                    "true" => Json::Bool(true),
                    "false" => Json::Bool(false),
                    t => Json::String(t.to_string()),
                }
            }
        }
        NodeKind::Scalar(s) => Json::String(s.text.clone()),
        NodeKind::Seq(items) => Json::Array(items.iter().map(yaml_json).collect()),
        NodeKind::Map(pairs) => Json::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.key_text(), yaml_json(v)))
                .collect(),
        ),
    }
}

/// Reads the events of a file input for the runner: the caller's bridge to
/// event sources this crate does not know.
pub trait Replay {
    /// Calls `visit` with each event of `input` (a [`Input::Capture`] or an
    /// [`Input::K8sAudit`]) and its time in nanoseconds since the epoch.
    /// An error (an unreadable file, an input kind it does not handle)
    /// fails the case with its message.
    fn replay(
        &mut self,
        input: &Input,
        visit: &mut dyn FnMut(&dyn Event, u64),
    ) -> Result<(), String>;
}

/// A [`Replay`] for suites of inline events only: every file input fails.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoReplay;

impl Replay for NoReplay {
    fn replay(&mut self, _: &Input, _: &mut dyn FnMut(&dyn Event, u64)) -> Result<(), String> {
        Err("this runner reads inline events only (no capture or audit file reader)".into())
    }
}

/// One alert a case raised.
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    /// The rule.
    pub rule: String,
    /// Its priority.
    pub priority: Priority,
    /// The rendered output.
    pub output: String,
    /// The output fields.
    pub output_fields: Vec<(String, Json)>,
}

impl Fired {
    fn json(&self) -> Json {
        json!({
            "rule": self.rule,
            "priority": self.priority.name(),
            "output": self.output,
            "output_fields": Json::Object(self.output_fields.iter().cloned().collect()),
        })
    }
}

/// What one case did.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseOutcome {
    /// The case's name.
    pub name: String,
    /// Its line in the test file.
    pub line: usize,
    /// Every alert it raised, in order.
    pub fired: Vec<Fired>,
    /// Why it failed: one sentence per unmet expectation (empty: passed).
    pub problems: Vec<String>,
}

impl CaseOutcome {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }

    /// The failure report: each problem, then the expected and actual
    /// alerts as a diff (`-` expected and missing, `+` raised and not
    /// expected, ` ` as expected).
    pub fn diff(&self, case: Option<&Case>) -> String {
        let mut out = String::new();
        for p in &self.problems {
            let _ = writeln!(out, "  {p}");
        }
        let counts = fired_counts(&self.fired);
        let _ = writeln!(out, "  expected vs actual alerts:");
        let mut shown: Vec<&str> = Vec::new();
        if let Some(expect) = case.and_then(|c| c.expect.as_ref()) {
            for e in expect {
                let got = counts.get(e.rule.as_str()).copied().unwrap_or(0);
                let want = e.count.map_or("≥1".to_string(), |c| c.to_string());
                let ok = match e.count {
                    Some(c) => c == got,
                    None => got > 0,
                };
                let mark = if ok { ' ' } else { '-' };
                let _ = writeln!(out, "  {mark} {} ×{want}", e.rule);
                shown.push(&e.rule);
            }
        }
        let mut listed: Vec<&str> = Vec::new();
        for f in &self.fired {
            if listed.contains(&f.rule.as_str()) {
                continue;
            }
            listed.push(&f.rule);
            let mark = if shown.contains(&f.rule.as_str()) {
                ' '
            } else {
                '+'
            };
            let n = counts.get(f.rule.as_str()).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "  {mark} {} ×{n} ({}): {}",
                f.rule,
                f.priority.name(),
                f.output
            );
        }
        out
    }
}

fn fired_counts(fired: &[Fired]) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for f in fired {
        *m.entry(f.rule.as_str()).or_insert(0) += 1;
    }
    m
}

/// What one test file did.
#[derive(Clone, Debug, PartialEq)]
pub struct SuiteOutcome {
    /// The test file.
    pub path: PathBuf,
    /// The suite as read (for the diff of failures).
    pub suite: Suite,
    /// When the rules did not load: the diagnostics, compiler style (every
    /// case then fails).
    pub load_error: Option<String>,
    /// One outcome per case, in file order.
    pub cases: Vec<CaseOutcome>,
}

impl SuiteOutcome {
    /// Whether the rules loaded and every case passed.
    pub fn passed(&self) -> bool {
        self.load_error.is_none() && self.cases.iter().all(CaseOutcome::passed)
    }

    /// (passed, failed) case counts.
    pub fn counts(&self) -> (usize, usize) {
        let passed = self.cases.iter().filter(|c| c.passed()).count();
        (passed, self.cases.len() - passed)
    }

    /// The report in `cargo test`'s shape: `running N tests from FILE`, one
    /// `test NAME ... ok|FAILED` line per case, the failures with their
    /// diffs, and `test result: ok|FAILED. P passed; F failed`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "running {} tests from {}",
            self.cases.len(),
            self.path.display()
        );
        for c in &self.cases {
            let status = if c.passed() { "ok" } else { "FAILED" };
            let _ = writeln!(out, "test {} ... {status}", c.name);
        }
        let failed: Vec<&CaseOutcome> = self.cases.iter().filter(|c| !c.passed()).collect();
        if let Some(e) = &self.load_error {
            let _ = writeln!(out, "\nthe rules files did not load:\n{e}");
        }
        if !failed.is_empty() {
            let _ = writeln!(out, "\nfailures:\n");
            for c in &failed {
                let case = self.suite.cases.iter().find(|k| k.line == c.line);
                let _ = writeln!(
                    out,
                    "---- {} ({}:{}) ----",
                    c.name,
                    self.path.display(),
                    c.line
                );
                out.push_str(&c.diff(case));
                out.push('\n');
            }
            let _ = writeln!(out, "failures:");
            for c in &failed {
                let _ = writeln!(out, "    {}", c.name);
            }
        }
        let (p, f) = self.counts();
        let status = if self.passed() { "ok" } else { "FAILED" };
        let _ = writeln!(out, "\ntest result: {status}. {p} passed; {f} failed");
        out
    }

    /// The report as JSON: `{"file", "passed", "load_error", "cases": [{"name",
    /// "line", "passed", "problems", "fired": [{"rule", "priority", "output",
    /// "output_fields"}]}]}`.
    pub fn json(&self) -> Json {
        json!({
            "file": self.path.display().to_string(),
            "passed": self.passed(),
            "load_error": self.load_error,
            "cases": self.cases.iter().map(|c| json!({
                "name": c.name,
                "line": c.line,
                "passed": c.passed(),
                "problems": c.problems,
                "fired": c.fired.iter().map(Fired::json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

/// An engine with the rules of a suite loaded, and for inline events the
/// field tables of its stand-in sources.
struct Loaded {
    engine: Engine,
    tables: Vec<(String, FieldTable)>,
}

/// Runs suites against a set of event sources.
pub struct Runner {
    sources: Vec<Arc<dyn SourceDescriptor>>,
    default_source: Option<String>,
    coverage: Option<Coverage>,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

impl std::fmt::Debug for Runner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field(
                "sources",
                &self
                    .sources
                    .iter()
                    .map(|s| s.name().to_string())
                    .collect::<Vec<_>>(),
            )
            .field("default_source", &self.default_source)
            .finish_non_exhaustive()
    }
}

impl Runner {
    /// A runner with no source yet.
    pub fn new() -> Runner {
        Runner {
            sources: Vec::new(),
            default_source: None,
            coverage: None,
        }
    }

    /// Adds an event source.
    pub fn source(mut self, source: Arc<dyn SourceDescriptor>) -> Runner {
        self.sources.push(source);
        self
    }

    /// The source of rules without `source:` and of inline events without
    /// one (default: the first source added).
    pub fn default_source(mut self, name: impl Into<String>) -> Runner {
        self.default_source = Some(name.into());
        self
    }

    /// Counts, from now on, how often each rule, macro, list item and
    /// exception item is evaluated and matches (see [`Coverage`]).
    pub fn with_coverage(mut self) -> Runner {
        self.coverage = Some(Coverage::default());
        self
    }

    /// The coverage counted so far (with [`Runner::with_coverage`]).
    pub fn coverage(&self) -> Option<&Coverage> {
        self.coverage.as_ref()
    }

    fn default_name(&self) -> String {
        self.default_source
            .clone()
            .or_else(|| self.sources.first().map(|s| s.name().to_string()))
            .unwrap_or_default()
    }

    fn engine(&self, inline: bool) -> Loaded {
        let mut b = Engine::builder()
            .unknown_sources(UnknownSources::Skip)
            .rule_matching(RuleMatching::All)
            .default_source(self.default_name());
        let mut tables = Vec::new();
        for s in &self.sources {
            b = if inline {
                let src = InlineSource::new(s.clone());
                tables.push((s.name().to_string(), src.table.clone()));
                b.shared_source(Arc::new(src))
            } else {
                b.shared_source(s.clone())
            };
        }
        Loaded {
            engine: b.build(),
            tables,
        }
    }

    /// Runs a suite, reading its rules files from disk.
    pub fn run(&mut self, suite: &Suite, replay: &mut dyn Replay) -> SuiteOutcome {
        let load = |e: &mut Engine| -> Vec<LoadResult> {
            suite.rules.iter().map(|p| e.load_file(p)).collect()
        };
        self.run_loaded(suite, &load, replay)
    }

    /// Runs a suite with the rules given as `(name, text)` pairs in load
    /// order, in place of the files its `rules:` names (for tests that carry
    /// their rules inline).
    pub fn run_with_rules(
        &mut self,
        suite: &Suite,
        rules: &[(&str, &str)],
        replay: &mut dyn Replay,
    ) -> SuiteOutcome {
        let load = |e: &mut Engine| -> Vec<LoadResult> {
            rules.iter().map(|(n, t)| e.load_str(n, t)).collect()
        };
        self.run_loaded(suite, &load, replay)
    }

    fn run_loaded(
        &mut self,
        suite: &Suite,
        load: &dyn Fn(&mut Engine) -> Vec<LoadResult>,
        replay: &mut dyn Replay,
    ) -> SuiteOutcome {
        let mut engines: [Option<Result<Loaded, String>>; 2] = [None, None];
        let mut cases = Vec::new();
        let mut load_error = None;
        for case in &suite.cases {
            let inline = matches!(case.input, Input::Events { .. });
            let slot = &mut engines[usize::from(inline)];
            let engine = slot.get_or_insert_with(|| {
                let mut e = self.engine(inline);
                let results = load(&mut e.engine);
                if results.iter().all(LoadResult::successful) {
                    Ok(e)
                } else {
                    Err(results.iter().map(LoadResult::render).collect())
                }
            });
            let engine = match engine {
                Ok(e) => e,
                Err(msg) => {
                    load_error = Some(msg.clone());
                    cases.push(CaseOutcome {
                        name: case.name.clone(),
                        line: case.line,
                        fired: Vec::new(),
                        problems: vec!["the rules files did not load".into()],
                    });
                    continue;
                }
            };
            if let Some(cov) = &mut self.coverage {
                cov.prepare(&engine.engine);
            }
            cases.push(run_case(
                case,
                engine,
                &self.default_name(),
                replay,
                self.coverage.as_mut(),
            ));
        }
        SuiteOutcome {
            path: suite.path.clone(),
            suite: suite.clone(),
            load_error,
            cases,
        }
    }
}

fn run_case(
    case: &Case,
    loaded: &Loaded,
    default_source: &str,
    replay: &mut dyn Replay,
    mut coverage: Option<&mut Coverage>,
) -> CaseOutcome {
    let mut fired = Vec::new();
    let mut problems = Vec::new();
    let mut scratch = Scratch::new();
    let engine = &loaded.engine;
    let ruleset = engine.ruleset().clone();
    let mut visit = |event: &dyn Event, time: u64| {
        if let Some(cov) = coverage.as_deref_mut() {
            cov.observe(engine, event);
        }
        for rule in ruleset.matches(event, &mut scratch) {
            let a = Alert::new(rule, event, time);
            fired.push(Fired {
                rule: a.rule.to_string(),
                priority: a.priority,
                output: a.output,
                output_fields: a.output_fields,
            });
        }
    };
    match &case.input {
        Input::Events { source, events } => {
            let source = source.as_deref().unwrap_or(default_source);
            match engine.sources().find(|s| s.name() == source) {
                None => problems.push(format!("no event source named `{source}`")),
                Some(desc) => {
                    let table = loaded
                        .tables
                        .iter()
                        .find(|(n, _)| n == source)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default();
                    for obj in events {
                        let event_type = desc.event_types().and_then(|t| type_code(t, obj));
                        let ev = InlineEvent {
                            source,
                            event_type,
                            fields: obj,
                            table: &table,
                        };
                        visit(&ev, 0);
                    }
                }
            }
        }
        other => {
            if let Err(e) = replay.replay(other, &mut visit) {
                problems.push(e);
            }
        }
    }
    check(case, &fired, &mut problems);
    CaseOutcome {
        name: case.name.clone(),
        line: case.line,
        fired,
        problems,
    }
}

fn check(case: &Case, fired: &[Fired], problems: &mut Vec<String>) {
    let counts = fired_counts(fired);
    if let Some(expect) = &case.expect {
        if expect.is_empty() && !fired.is_empty() {
            problems.push(format!("expected no alert, got {}", fired.len()));
        }
        for e in expect {
            let mine: Vec<&Fired> = fired.iter().filter(|f| f.rule == e.rule).collect();
            match e.count {
                Some(n) if mine.len() != n => problems.push(format!(
                    "rule `{}` fired {} times, expected {n}",
                    e.rule,
                    mine.len()
                )),
                None if mine.is_empty() => {
                    problems.push(format!("rule `{}` did not fire", e.rule));
                }
                _ => {}
            }
            if mine.is_empty() {
                continue;
            }
            if let Some(p) = e.priority {
                if let Some(f) = mine.iter().find(|f| f.priority != p) {
                    problems.push(format!(
                        "rule `{}` fired with priority {}, expected {}",
                        e.rule,
                        f.priority.name(),
                        p.name()
                    ));
                }
            }
            if let Some(o) = &e.output {
                if !mine.iter().any(|f| f.output.contains(o.as_str())) {
                    problems.push(format!(
                        "no alert of rule `{}` has an output containing {o:?}; got {:?}",
                        e.rule, mine[0].output
                    ));
                }
            }
            if !e.output_fields.is_empty()
                && !mine
                    .iter()
                    .any(|f| fields_match(&e.output_fields, &f.output_fields))
            {
                let got: Map<String, Json> = mine[0].output_fields.iter().cloned().collect();
                let want: Map<String, Json> = e.output_fields.iter().cloned().collect();
                problems.push(format!(
                    "no alert of rule `{}` has the output fields {}; got {}",
                    e.rule,
                    Json::Object(want),
                    Json::Object(got)
                ));
            }
        }
    }
    for name in &case.not_expect {
        if let Some(n) = counts.get(name.as_str()) {
            problems.push(format!("rule `{name}` fired {n} times, expected none"));
        }
    }
}

fn fields_match(want: &[(String, Json)], got: &[(String, Json)]) -> bool {
    want.iter().all(|(k, v)| {
        got.iter().any(|(gk, gv)| {
            gk == k
                && (gv == v
                    || match (gv, v) {
                        (Json::Number(n), Json::String(s)) | (Json::String(s), Json::Number(n)) => {
                            n.to_string() == *s
                        }
                        _ => false,
                    })
        })
    })
}

/// The event-type code of an inline event: the value of the source's type
/// field (`evt.type`), the last (highest) code the source gives that name.
fn type_code(types: &dyn EventTypes, obj: &Map<String, Json>) -> Option<u16> {
    for f in types.type_fields() {
        if let Some(Json::String(name)) = obj.get(*f) {
            let mut set = EventSet::new();
            types.codes_for_name(name, &mut set);
            if let Some(code) = set.iter().last() {
                return Some(code);
            }
        }
    }
    None
}

/// The fields an [`InlineSource`] resolved: for each id it hands out, the
/// field's name and the real source's field.
type FieldTable = Arc<Mutex<Vec<(String, Field)>>>;

/// A source that stands in for another for inline events: the same name,
/// event types and warnings, and its schema's types, but field ids of its
/// own that map back to field *names*, so an event given as a JSON object
/// can be read by name.
struct InlineSource {
    inner: Arc<dyn SourceDescriptor>,
    schema: InlineSchema,
    table: FieldTable,
}

struct InlineSchema {
    inner: Arc<dyn SourceDescriptor>,
    table: FieldTable,
}

impl InlineSource {
    fn new(inner: Arc<dyn SourceDescriptor>) -> InlineSource {
        let table = FieldTable::default();
        InlineSource {
            schema: InlineSchema {
                inner: inner.clone(),
                table: table.clone(),
            },
            inner,
            table,
        }
    }
}

impl FieldSchema for InlineSchema {
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let real = self.inner.schema().resolve(name, arg)?;
        let mut table = self.table.lock().unwrap_or_else(|p| p.into_inner());
        let id = match table.iter().position(|(n, f)| n == name && *f == real) {
            Some(i) => i,
            None => {
                table.push((name.to_string(), real.clone()));
                table.len() - 1
            }
        };
        Ok(Field {
            id: id as u32,
            ..real
        })
    }

    fn check_value(&self, field: &Field, value: &str) -> Result<(), String> {
        let table = self.table.lock().unwrap_or_else(|p| p.into_inner());
        match table.get(field.id as usize) {
            Some((_, real)) => self.inner.schema().check_value(real, value),
            None => Ok(()),
        }
    }

    fn fields(&self) -> Vec<FieldDoc> {
        self.inner.schema().fields()
    }
}

impl SourceDescriptor for InlineSource {
    fn name(&self) -> &str {
        self.inner.name()
    }
    fn schema(&self) -> &dyn FieldSchema {
        &self.schema
    }
    fn event_types(&self) -> Option<&dyn EventTypes> {
        self.inner.event_types()
    }
    fn deprecated_fields(&self) -> &[DeprecatedField] {
        self.inner.deprecated_fields()
    }
    fn plugins(&self) -> &[ProvidedPlugin] {
        self.inner.plugins()
    }
    fn time_fields(&self) -> Option<&TimeFields> {
        self.inner.time_fields()
    }
    fn event_type_warning_threshold(&self) -> Option<usize> {
        self.inner.event_type_warning_threshold()
    }
    fn is_unsafe_na_field(&self, field: &str) -> bool {
        self.inner.is_unsafe_na_field(field)
    }
}

/// One inline event: a JSON object read through the field table.
struct InlineEvent<'a> {
    source: &'a str,
    event_type: Option<u16>,
    fields: &'a Map<String, Json>,
    table: &'a FieldTable,
}

impl FieldExtractor for InlineEvent<'_> {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let table = self.table.lock().unwrap_or_else(|p| p.into_inner());
        let Some((name, _)) = table.get(field.id as usize) else {
            return false;
        };
        let key = match &field.arg {
            FieldArg::None => name.clone(),
            FieldArg::Index(i) => format!("{name}[{i}]"),
            FieldArg::Key(k) => format!("{name}[{k}]"),
        };
        drop(table);
        match self.fields.get(&key) {
            None | Some(Json::Null) => false,
            Some(Json::Array(items)) => {
                for v in items {
                    push(field.ty, v, out);
                }
                true
            }
            Some(v) => push(field.ty, v, out),
        }
    }
}

impl Event for InlineEvent<'_> {
    fn source(&self) -> &str {
        self.source
    }
    fn event_type(&self) -> Option<u16> {
        self.event_type
    }
}

/// Pushes one JSON value as a value of type `ty`; false if it does not
/// convert (the field is then unavailable).
fn push(ty: FieldType, v: &Json, out: &mut Values) -> bool {
    let text = match v {
        Json::String(s) => s.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        _ => return false,
    };
    match ty {
        FieldType::String | FieldType::Bytes => out.push_str(&text),
        FieldType::Bool => match text.as_str() {
            "true" => out.push_bool(true),
            "false" => out.push_bool(false),
            _ => return false,
        },
        FieldType::IpAddr => match text.parse() {
            Ok(ip) => out.push_ip(ip),
            Err(_) => return false,
        },
        FieldType::IpNet => match IpNet::parse(&text) {
            Some(n) => out.push_net(n),
            None => return false,
        },
        t if t.is_signed() => match text.parse() {
            Ok(i) => out.push_int(i),
            Err(_) => return false,
        },
        _ => match text.parse() {
            Ok(u) => out.push_uint(u),
            Err(_) => return false,
        },
    }
    true
}

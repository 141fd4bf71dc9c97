//! `falco test`: run rule test files (see [`falco_rules::ruletest`] for the
//! file format) against the syscall and Kubernetes audit sources, with
//! captures and audit logs as inputs, and print a report like `cargo test`.
//!
//! ```text
//! falco test [--format text|json] [--coverage] [FILE|DIR]...
//! ```
//!
//! A directory stands for every `*.test.yaml` / `*.test.yml` file below it.
//! The exit code is 0 when every case passed, 1 when one failed or a test
//! file could not be read, 2 for a bad command line. `--coverage` adds the
//! coverage of every rule, macro, list item and exception item (see
//! [`falco_rules::coverage`]) to the report.
//!
//! ```no_run
//! use falco::ruletest::{run, Args};
//! let args = Args::parse(["rules/default_rules.test.yaml"]).map_err(|e| e.to_string())?;
//! let report = run(&args);
//! assert!(report.passed);
//! # Ok::<(), String>(())
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use falco_events::state::{rules_see, Inspector};
use falco_events::SyscallSource;
use falco_k8saudit::K8sAuditSource;
use falco_rules::ruletest::{Input, Replay, Runner, Suite, SuiteOutcome};
use falco_rules::Event;
use serde_json::json;

/// The usage line.
pub const USAGE: &str = "usage: falco test [--format text|json] [--coverage] [FILE|DIR]...";

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `cargo test`'s shape.
    Text,
    /// One JSON document.
    Json,
}

/// A bad `falco test` command line.
#[derive(Debug, thiserror::Error)]
#[error("{0}\n{USAGE}")]
pub struct UsageError(String);

/// The `falco test` command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    /// The test files and directories.
    pub paths: Vec<PathBuf>,
    /// The report format.
    pub format: Format,
    /// Whether to count and print coverage.
    pub coverage: bool,
}

impl Args {
    /// Parses the arguments after `test`.
    pub fn parse<I, S>(args: I) -> Result<Args, UsageError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut out = Args {
            paths: Vec::new(),
            format: Format::Text,
            coverage: false,
        };
        let mut it = args.into_iter().map(Into::into);
        while let Some(a) = it.next() {
            let format = match a.as_str() {
                "--coverage" => {
                    out.coverage = true;
                    continue;
                }
                "--format" => it.next(),
                s if s.starts_with("--format=") => Some(s["--format=".len()..].to_string()),
                s if s.starts_with('-') => {
                    return Err(UsageError(format!("unknown option '{s}'")));
                }
                _ => {
                    out.paths.push(PathBuf::from(a));
                    continue;
                }
            };
            out.format = match format.as_deref() {
                Some("text") => Format::Text,
                Some("json") => Format::Json,
                Some(f) => return Err(UsageError(format!("unknown format '{f}' (text or json)"))),
                None => return Err(UsageError("--format needs text or json".into())),
            };
        }
        if out.paths.is_empty() {
            return Err(UsageError("no test file or directory given".into()));
        }
        Ok(out)
    }
}

/// Reads captures (with Falco's event numbering) and Kubernetes audit files.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileReplay;

impl Replay for FileReplay {
    fn replay(
        &mut self,
        input: &Input,
        visit: &mut dyn FnMut(&dyn Event, u64),
    ) -> Result<(), String> {
        match input {
            Input::Capture {
                path,
                event_numbers,
                time_ns,
            } => {
                let mut insp = Inspector::open_capture(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let (first, last) = event_numbers.unwrap_or((0, u64::MAX));
                let (from, to) = time_ns.unwrap_or((0, u64::MAX));
                while let Some(ctx) = insp
                    .next()
                    .map_err(|e| format!("{}: {e}", path.display()))?
                {
                    if ctx.num > last {
                        break;
                    }
                    // As the daemon: rules see exit events only (enter
                    // events feed the host state).
                    let ts = ctx.event.ts();
                    if ctx.num >= first && (from..=to).contains(&ts) && rules_see(ctx.code()) {
                        visit(&ctx, ts);
                    }
                }
                Ok(())
            }
            Input::K8sAudit { path } => {
                let batch = falco_k8saudit::input::read_path(
                    path,
                    falco_k8saudit::event::DEFAULT_MAX_EVENT_SIZE,
                )
                .map_err(|e| e.to_string())?;
                for ev in &batch.events {
                    visit(ev, ev.time_ns());
                }
                Ok(())
            }
            _ => Err("not a file input".into()),
        }
    }
}

/// A runner over the syscall (default) and `k8s_audit` sources.
pub fn runner(coverage: bool) -> Runner {
    let r = Runner::new()
        .source(Arc::new(SyscallSource::new()))
        .source(Arc::new(K8sAuditSource::new()))
        .default_source("syscall");
    if coverage {
        r.with_coverage()
    } else {
        r
    }
}

/// The test files a path stands for: the file itself, or every
/// `*.test.yaml` / `*.test.yml` below a directory, sorted.
pub fn test_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut todo = vec![path.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".test.yaml") || n.ends_with(".test.yml"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What a run produced.
#[derive(Debug)]
pub struct Report {
    /// Every case of every file passed.
    pub passed: bool,
    /// The report, in the requested format.
    pub text: String,
}

/// Runs every test file of `args` and renders the report.
pub fn run(args: &Args) -> Report {
    let mut runner = runner(args.coverage);
    let mut outcomes: Vec<SuiteOutcome> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    for p in &args.paths {
        let files = test_files(p);
        if files.is_empty() {
            errors.push(format!("{}: no *.test.yaml file below", p.display()));
        }
        for f in files {
            match Suite::load(&f) {
                Ok(suite) => outcomes.push(runner.run(&suite, &mut FileReplay)),
                Err(e) => errors.push(e.to_string()),
            }
        }
    }
    let passed = errors.is_empty() && outcomes.iter().all(SuiteOutcome::passed);
    let text = match args.format {
        Format::Json => {
            let mut j = json!({
                "passed": passed,
                "errors": errors,
                "suites": outcomes.iter().map(SuiteOutcome::json).collect::<Vec<_>>(),
            });
            if let Some(c) = runner.coverage() {
                j["coverage"] = c.json();
            }
            format!("{j}\n")
        }
        Format::Text => {
            let mut s = String::new();
            for e in &errors {
                s.push_str(&format!("error: {e}\n"));
            }
            for (i, o) in outcomes.iter().enumerate() {
                if i > 0 {
                    s.push('\n');
                }
                s.push_str(&o.text());
            }
            if outcomes.len() > 1 {
                let (p, f) = outcomes
                    .iter()
                    .map(SuiteOutcome::counts)
                    .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
                let status = if passed { "ok" } else { "FAILED" };
                s.push_str(&format!(
                    "\nall test files: {status}. {p} passed; {f} failed\n"
                ));
            }
            if let Some(c) = runner.coverage() {
                s.push('\n');
                s.push_str(&c.text());
            }
            s
        }
    };
    Report { passed, text }
}

/// `falco test ARGS...`: runs, prints, and returns the exit code.
pub fn main<I, S>(args: I) -> ExitCode
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let args = match Args::parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let report = run(&args);
    print!("{}", report.text);
    if report.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

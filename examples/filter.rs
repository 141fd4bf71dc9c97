//! `filter`: evaluate one Falco condition over JSON events.
//!
//! ```text
//! filter --schema SCHEMA.json 'CONDITION'  < events.jsonl
//! filter --schema SCHEMA.json -r RULES.yaml [-r RULES.yaml...] < events.jsonl
//! filter --capture FILE.scap [--count] 'CONDITION'
//! ```
//!
//! With `--capture`, the events of a `.scap` capture are replayed through host
//! state (threads, fds, users from the capture) and the condition is checked
//! against the syscall field catalog (`--schema` is not used). The number
//! (`evt.num`, counted as sysdig counts) of each matching event is printed,
//! one per line; with `--count`, only how many matched.
//!
//! SCHEMA.json maps field names to types (`string`, `bytebuf`, `uint64`,
//! `int64`, `bool`, `ipaddr`, `ipnet`, `list`). Each line of standard input is
//! one event, a JSON object keyed by field name (`proc.aname[2]` is its own
//! key; an absent key is an unavailable field). For each line, `true` or
//! `false` is printed.
//!
//! With `-r`, the rules files are loaded in order (Falco's semantics) and, for
//! each line, one JSON array of the Falco JSON alerts that fire is printed, in
//! rule order (`[]` when none). An event's `evt.time` key (nanoseconds), when
//! present, is the alert time; otherwise the current time is used.
//!
//! Exit codes: 0 on success; 2 for a bad condition or rules file (the message, with its
//! line:column in the condition, goes to stderr and nothing to stdout); 1 for
//! other errors (bad schema, unreadable input, a line that is not a JSON object).

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use std::sync::Arc;

use falco::json::{JsonEvent, JsonSchema};
use falco::rules::alert::{Alert, AlertFormat};
use falco::rules::engine::{Engine, RuleMatching};
use falco::rules::{FieldSchema, Filter, Scratch};
use falco_events::{Inspector, SyscallFields};

const USAGE: &str = "usage: filter --schema SCHEMA.json 'CONDITION' < EVENTS.jsonl
       filter --schema SCHEMA.json -r RULES.yaml [-r RULES.yaml...] < EVENTS.jsonl
       filter --capture FILE.scap [--count] 'CONDITION'";

struct Args {
    schema: String,
    condition: Option<String>,
    rules: Vec<String>,
    capture: Option<String>,
    count: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut schema = None;
    let mut condition = None;
    let mut rules = Vec::new();
    let mut capture = None;
    let mut count = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--schema" => schema = Some(it.next().ok_or("--schema needs a file")?),
            "--capture" => capture = Some(it.next().ok_or("--capture needs a file")?),
            "--count" => count = true,
            "-r" => rules.push(it.next().ok_or("-r needs a rules file")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--schema=") => schema = Some(s["--schema=".len()..].to_string()),
            s if s.starts_with("--") && condition.is_none() && s.len() > 2 => {
                return Err(format!("unknown option '{s}'\n{USAGE}"))
            }
            _ if condition.is_none() => condition = Some(a),
            _ => return Err(format!("unexpected argument '{a}'\n{USAGE}")),
        }
    }
    if condition.is_some() != rules.is_empty() {
        return Err(format!("give either a CONDITION or -r RULES.yaml\n{USAGE}"));
    }
    if capture.is_some() {
        if condition.is_none() {
            return Err(format!("--capture needs a CONDITION\n{USAGE}"));
        }
        return Ok(Args {
            schema: String::new(),
            condition,
            rules,
            capture,
            count,
        });
    }
    if count {
        return Err(format!("--count goes with --capture\n{USAGE}"));
    }
    Ok(Args {
        schema: schema.ok_or_else(|| format!("missing --schema\n{USAGE}"))?,
        condition,
        rules,
        capture,
        count,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    if let Some(path) = &args.capture {
        return run_capture(
            path,
            args.condition.as_deref().unwrap_or_default(),
            args.count,
        );
    }
    let schema_text = match std::fs::read_to_string(&args.schema) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args.schema);
            return ExitCode::from(1);
        }
    };
    let schema = match JsonSchema::from_json(&schema_text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", args.schema);
            return ExitCode::from(1);
        }
    };
    if !args.rules.is_empty() {
        return run_rules(schema, &args.rules);
    }
    let condition = args.condition.unwrap_or_default();
    let filter = match compile(&condition, &schema) {
        Ok(f) => f,
        Err(code) => return code,
    };

    let mut scratch = Scratch::new();
    each_event(&schema, |event| {
        filter.matches(event, &mut scratch).to_string()
    })
}

/// Reads one JSON event per stdin line and prints `line_for(event)` for each.
/// Exit code 1 on unreadable input or a line that is not a JSON object.
fn each_event(schema: &JsonSchema, mut line_for: impl FnMut(&JsonEvent<'_>) -> String) -> ExitCode {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("stdin: {e}");
                return ExitCode::from(1);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let event = match JsonEvent::parse(schema, &line) {
            Ok(ev) => ev,
            Err(e) => {
                let _ = out.flush();
                eprintln!("stdin:{}:{}: not a JSON object: {e}", n + 1, e.column());
                return ExitCode::from(1);
            }
        };
        if writeln!(out, "{}", line_for(&event)).is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `-r` mode: alerts per event line.
fn run_rules(schema: JsonSchema, files: &[String]) -> ExitCode {
    let schema = Arc::new(schema);
    let mut engine = Engine::builder()
        .source(falco::json::source(schema.clone()))
        .rule_matching(RuleMatching::All)
        .build();
    let mut failed = false;
    for f in files {
        let r = engine.load_file(std::path::Path::new(f));
        eprint!("{}", r.render());
        failed |= !r.successful();
    }
    if failed {
        return ExitCode::from(2);
    }
    let ruleset = engine.ruleset().clone();
    let fmt = AlertFormat::with_system_hostname();
    let mut scratch = Scratch::new();
    each_event(&schema, |event| {
        let time_ns = event
            .object()
            .get("evt.time")
            .and_then(|v| v.as_u64())
            .unwrap_or_else(now_ns);
        let alerts: Vec<String> = ruleset
            .matches(event, &mut scratch)
            .map(|rule| Alert::new(rule, event, time_ns).json(&fmt))
            .collect();
        format!("[{}]", alerts.join(","))
    })
}

fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Compiles the condition; on error prints `LINE:COL: error: MESSAGE` and
/// gives exit code 2. Warnings go to stderr.
fn compile(condition: &str, schema: &dyn FieldSchema) -> Result<Filter, ExitCode> {
    let filter = Filter::new(condition, schema).map_err(|e| {
        eprintln!("{}: error: {}", e.pos(), e.message());
        ExitCode::from(2)
    })?;
    for w in filter.warnings() {
        eprintln!("{}: warning: {}", w.pos, w.message);
    }
    Ok(filter)
}

/// `--capture` mode: the numbers (or the count) of the matching events.
fn run_capture(path: &str, condition: &str, count_only: bool) -> ExitCode {
    let filter = match compile(condition, &SyscallFields::new()) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let mut insp = match Inspector::open_capture(path) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut scratch = Scratch::new();
    let mut count = 0u64;
    loop {
        let item = match insp.next() {
            Ok(Some(item)) => item,
            Ok(None) => break,
            Err(e) => {
                let _ = out.flush();
                eprintln!("{path}: {e}");
                return ExitCode::from(1);
            }
        };
        if filter.matches(&item, &mut scratch) {
            count += 1;
            if !count_only && writeln!(out, "{}", item.num).is_err() {
                return ExitCode::from(1);
            }
        }
    }
    if count_only && writeln!(out, "{count}").is_err() {
        return ExitCode::from(1);
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

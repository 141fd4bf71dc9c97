//! `falco`: the daemon's command line, with Falco's flags.
//!
//! What works today:
//!
//! ```text
//! falco -V FILE [-V FILE...] [-o json_output=true]   validate rules files
//! falco -L -r FILE [-r FILE...] [-o json_output=true] list the rules
//! falco --list                                        list the syscall fields
//! ```
//!
//! `-V` loads every file in order into one engine, prints each file's result
//! (`FILE: Ok`, `FILE: Ok, with warnings` or `FILE: Invalid`, then every error
//! and warning in compiler style, `FILE:LINE:COL: error: MESSAGE` with the
//! source line and a caret), and exits 1 if any file has an error. With
//! `-o json_output=true` it prints Falco's `{"falco_load_results": [...]}`.
//!
//! This example is thin glue: the work is in `falco-rules` and `falco-events`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use falco::rules::engine::Engine;
use falco::rules::rules::{falco_load_results_json, LoadResult, Priority};
use falco_events::{SyscallEventTypes, SyscallFields};

#[derive(Parser, Debug)]
#[command(
    name = "falco",
    about = "Falco-compatible runtime security engine",
    disable_version_flag = true
)]
struct Cli {
    /// Validate the rules file(s) and exit (repeatable).
    #[arg(short = 'V', long = "validate", value_name = "FILE")]
    validate: Vec<PathBuf>,

    /// Rules file to load (repeatable).
    #[arg(short = 'r', value_name = "FILE")]
    rules: Vec<PathBuf>,

    /// List the loaded rules and exit.
    #[arg(short = 'L')]
    list_rules: bool,

    /// List the fields available in conditions and outputs, and exit.
    #[arg(long = "list")]
    list_fields: bool,

    /// Set a configuration option: key=value (json_output, priority,
    /// time_format_iso_8601, json_include_output_property,
    /// json_include_tags_property).
    #[arg(short = 'o', value_name = "KEY=VALUE")]
    options: Vec<String>,
}

/// The configuration keys this command understands so far.
#[derive(Debug, Default)]
struct Config {
    json_output: bool,
    priority: Option<Priority>,
}

fn parse_bool(key: &str, v: &str) -> Result<bool, String> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(format!(
            "option '{key}': '{v}' is not a boolean (true or false)"
        )),
    }
}

fn config(options: &[String]) -> Result<Config, String> {
    let mut c = Config::default();
    for o in options {
        let (k, v) = o
            .split_once('=')
            .ok_or_else(|| format!("option '{o}' must be KEY=VALUE"))?;
        match k {
            "json_output" => c.json_output = parse_bool(k, v)?,
            "priority" => {
                c.priority = Some(v.parse().map_err(|e| format!("option 'priority': {e}"))?)
            }
            "time_format_iso_8601"
            | "json_include_output_property"
            | "json_include_tags_property" => {
                parse_bool(k, v)?;
            }
            _ => return Err(format!("unknown configuration key '{k}'")),
        }
    }
    Ok(c)
}

fn engine(cfg: &Config) -> Engine {
    let mut e = Engine::new(
        Arc::new(SyscallFields::new()),
        Some(Arc::new(SyscallEventTypes)),
    );
    if let Some(p) = cfg.priority {
        e.set_min_priority(p);
    }
    e
}

fn validate(files: &[PathBuf], cfg: &Config) -> ExitCode {
    let mut e = engine(cfg);
    let results: Vec<LoadResult> = files.iter().map(|f| e.load_file(f)).collect();
    let failed = results.iter().any(|r| !r.successful());
    if cfg.json_output {
        println!("{}", falco_load_results_json(&results));
    } else {
        for r in &results {
            let status = if !r.successful() {
                "Invalid"
            } else if r.has_warnings() {
                "Ok, with warnings"
            } else {
                "Ok"
            };
            println!("{}: {status}", r.name);
            print!("{}", r.render());
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(files: &[PathBuf], cfg: &Config) -> ExitCode {
    let mut e = engine(cfg);
    for f in files {
        let r = e.load_file(f);
        if !r.successful() {
            eprint!("{}", r.render());
            eprintln!("{}: Invalid", r.name);
            return ExitCode::from(1);
        }
        if r.has_warnings() {
            eprint!("{}", r.render());
        }
    }
    let rules = e.ruleset().rules();
    let width = rules.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4) + 2;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:width$}Description", "Rule");
    let _ = writeln!(out, "{:width$}-----------", "----");
    for r in rules {
        if writeln!(out, "{:width$}{}", &*r.name, r.desc.trim()).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn list_fields() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut class = "";
    for f in falco_events::fields() {
        let c = f.name.split('.').next().unwrap_or("");
        if c != class {
            class = c;
            let _ = writeln!(out, "\nField Class: {class}\n");
        }
        let ty = if f.list {
            format!("LIST({})", f.ty.name().to_ascii_uppercase())
        } else {
            f.ty.name().to_ascii_uppercase()
        };
        if writeln!(out, "{:<30}{:<14}{}", f.name, ty, f.description).is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cfg = match config(&cli.options) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("falco: {e}");
            return ExitCode::from(1);
        }
    };
    if cli.list_fields {
        return list_fields();
    }
    if !cli.validate.is_empty() {
        return validate(&cli.validate, &cfg);
    }
    if cli.list_rules {
        return list_rules(&cli.rules, &cfg);
    }
    eprintln!(
        "falco: nothing to do: this build can validate rules (-V FILE), list rules (-L -r FILE) \
         and list fields (--list); live capture needs the eBPF driver, not built yet"
    );
    ExitCode::from(1)
}

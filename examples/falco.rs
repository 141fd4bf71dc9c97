//! `falco`: the daemon, with Falco's flags.
//!
//! ```text
//! falco [-c falco.yaml] [-o key=value...] [-r RULES...]   run on the live host
//! falco -e FILE.scap -r RULES.yaml                         replay a capture
//! falco -V FILE [-V FILE...] [-o json_output=true]         validate rules files
//! falco -L [-r FILE...] [-o json_output=true]              list the rules
//! falco --list[=SOURCE]                                    list the fields (syscall, k8s_audit)
//! falco --enable-source SOURCE | --disable-source SOURCE   choose the event sources
//! ```
//!
//! With `load_plugins: [k8saudit, json]` and Falco's `plugins` entries in the
//! configuration, the `k8s_audit` source (its webhook, or an audit file)
//! runs beside the syscall source; see `falco::sources`.
//!
//! Without `-r` or `-c`, the rules are `/etc/falco/falco_rules.yaml`,
//! `/etc/falco/falco_rules.local.yaml` and `/etc/falco/rules.d` where they
//! exist, else the default rules bundled in the binary. The event source is
//! `engine.kind` (`modern_ebpf` by default; `kmod`; `replay`). See
//! `falco::daemon` for signals (SIGHUP reloads, SIGINT/SIGTERM stop).
//!
//! `-V` loads every file in order into one engine, prints each file's result
//! (`FILE: Ok`, `FILE: Ok, with warnings` or `FILE: Invalid`, then every error
//! and warning in compiler style, `FILE:LINE:COL: error: MESSAGE` with the
//! source line and a caret), and exits 1 if any file has an error. With
//! `-o json_output=true` it prints Falco's `{"falco_load_results": [...]}`.
//!
//! This example is thin glue: the work is in the library crates.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use falco::config::{rules_sources, Config, RulesSource};
use falco::daemon::{self, Options};
use falco::outputs::Logger;
use falco::rules::engine::Engine;
use falco::rules::rules::{falco_load_results_json, LoadResult};
use falco::sources::SourcePlan;

#[derive(Parser, Debug)]
#[command(
    name = "falco",
    about = "Falco-compatible runtime security engine",
    disable_version_flag = true
)]
struct Cli {
    /// Configuration file (default /etc/falco/falco.yaml when it exists).
    #[arg(short = 'c', value_name = "FILE")]
    config: Option<PathBuf>,

    /// Validate the rules file(s) and exit (repeatable).
    #[arg(short = 'V', long = "validate", value_name = "FILE")]
    validate: Vec<PathBuf>,

    /// Rules file or directory to load (repeatable; replaces rules_files).
    #[arg(short = 'r', value_name = "FILE")]
    rules: Vec<PathBuf>,

    /// Replay this capture file instead of watching the live host.
    #[arg(short = 'e', value_name = "FILE")]
    capture: Option<PathBuf>,

    /// List the loaded rules and exit.
    #[arg(short = 'L')]
    list_rules: bool,

    /// List the fields available in conditions and outputs, and exit:
    /// every source's, or only those of SOURCE (syscall, k8s_audit).
    #[arg(long = "list", value_name = "SOURCE", num_args = 0..=1, default_missing_value = "", require_equals = true)]
    list_fields: Option<String>,

    /// Set a configuration option (repeatable): a dotted key path and a
    /// value, e.g. -o json_output=true -o engine.kind=kmod.
    #[arg(short = 'o', value_name = "KEY=VALUE")]
    options: Vec<String>,

    /// Run only this of the loaded event sources (repeatable; syscall, or
    /// k8s_audit when the k8saudit plugin is configured).
    #[arg(long = "enable-source", value_name = "SOURCE")]
    enable_source: Vec<String>,

    /// Do not run this loaded event source (repeatable).
    #[arg(long = "disable-source", value_name = "SOURCE")]
    disable_source: Vec<String>,
}

/// An engine with every source the configuration loads (syscall, and
/// k8s_audit with the k8saudit plugin); as Falco, rules for other sources
/// are skipped with a warning.
fn engine(cfg: &Config) -> Result<Engine, ExitCode> {
    SourcePlan::new(cfg, &[], &[])
        .map(|p| p.engine(cfg))
        .map_err(|e| {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        })
}

fn validate(files: &[PathBuf], cfg: &Config) -> ExitCode {
    let mut e = match engine(cfg) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let results: Vec<LoadResult> = files.iter().map(|f| e.load_file(f)).collect();
    let failed = results.iter().any(|r| !r.successful());
    if cfg.json_output {
        println!("{}", falco_load_results_json(&results));
    } else {
        for r in &results {
            println!("{}: {}", r.name, r.status());
            print!("{}", r.render());
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(sources: &[RulesSource], cfg: &Config) -> ExitCode {
    let mut e = match engine(cfg) {
        Ok(e) => e,
        Err(code) => return code,
    };
    for s in sources {
        let r = s.load_into(&mut e);
        if !r.successful() {
            eprint!("{}", r.render());
            eprintln!("{}: Invalid", r.name);
            return ExitCode::from(1);
        }
        if r.has_warnings() {
            eprint!("{}", r.render());
        }
    }
    daemon::select_rules(&mut e, cfg, &Logger::from_config(cfg));
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

fn list_fields(source: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match source {
        "" | "syscall" => {}
        "k8s_audit" => {
            let _ = write!(out, "{}", falco_k8saudit::fields::list_text());
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("Error: unknown event source {other}: the sources are syscall and k8s_audit");
            return ExitCode::from(1);
        }
    }
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
            return ExitCode::SUCCESS;
        }
    }
    if source.is_empty() {
        let _ = write!(out, "{}", falco_k8saudit::fields::list_text());
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(source) = &cli.list_fields {
        return list_fields(source);
    }
    let opts = Options {
        config_file: cli.config.clone(),
        options: cli.options.clone(),
        rules: cli.rules.clone(),
        capture: cli.capture.clone(),
        enable_sources: cli.enable_source.clone(),
        disable_sources: cli.disable_source.clone(),
    };
    if !cli.validate.is_empty() || cli.list_rules {
        let cfg = match daemon::load_config(&opts) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("Error: {e}");
                return ExitCode::from(1);
            }
        };
        if !cli.validate.is_empty() {
            return validate(&cli.validate, &cfg);
        }
        let sources = if cli.rules.is_empty() {
            cfg.rules_sources()
        } else {
            rules_sources(&cli.rules)
        };
        return list_rules(&sources, &cfg);
    }
    daemon::run(&opts)
}

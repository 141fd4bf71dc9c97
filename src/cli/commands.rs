//! What each flag does: Falco's steps in Falco's order (help, the event
//! lists, the configuration, version and page size, plugins, fields,
//! validation, rules and their descriptions, support, then the daemon).

/// `println!` that ignores a closed stdout (`falco --version | grep -q`):
/// Rust ignores SIGPIPE, so the standard macro would panic where Falco
/// (killed by the signal) just stops.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use falco_events::table::{self, EventCategory};
use falco_rules::engine::Engine;
use falco_rules::rules::{falco_load_results_json, LoadResult, Priority, ENGINE_VERSION};
use serde_json::{json, Value};

use super::{help, Args, Format};
use crate::config::{rules_sources, Config, RulesSource};
use crate::daemon::{self, Options};
use crate::outputs::{Log, Logger};

/// The JSON schema of rules files (`--rule-schema`), written for this
/// engine's loader: every key it reads, with its type.
pub const RULE_SCHEMA: &str = include_str!("rule_schema.json");

/// The JSON schema of the configuration file (`--config-schema`), shaped
/// as Falco's (`$schema`, `$ref` to `FalcoConfig`, `definitions`): every key
/// this build's configuration reader accepts, the ones it ignores with a
/// warning included (their descriptions say so).
pub const CONFIG_SCHEMA: &str = include_str!("config_schema.json");

/// Prints a bundled schema as Falco does (two-space indentation, keys in
/// byte order).
fn print_schema(name: &str, text: &str) -> ExitCode {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => {
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Error: the bundled {name} schema is not JSON: {e}");
            ExitCode::from(1)
        }
    }
}

/// The driver API and schema versions this build speaks (the kernel
/// module's ring-buffer ABI).
const DRIVER_API_VERSION: &str = "10.1.0";
const DRIVER_SCHEMA_VERSION: &str = "4.5.1";

/// Falco's `versions_info` as JSON (what `--version` prints with
/// `json_output`, and `--support`'s `engine_info`): this build's version,
/// the event library's (`falco-events`), the rules engine version, the
/// driver ABI. This build has no plugin API (`plugin_api_version` is
/// `"none"`); `plugin_versions` maps each plugin the configuration loads
/// (all built in) to the version it stands for, and is absent when none is
/// loaded, as in Falco.
pub fn versions_json(plugins: &[(String, &str)]) -> Value {
    let mut v = json!({
        "falco_version": env!("CARGO_PKG_VERSION"),
        "libs_version": falco_events_version(),
        "plugin_api_version": "none",
        "driver_api_version": DRIVER_API_VERSION,
        "driver_schema_version": DRIVER_SCHEMA_VERSION,
        "default_driver_version": "none",
        "engine_version": ENGINE_VERSION.minor.to_string(),
        "engine_version_semver": ENGINE_VERSION.to_string(),
    });
    if !plugins.is_empty() {
        let map: serde_json::Map<String, Value> = plugins
            .iter()
            .map(|(n, ver)| (n.clone(), json!(ver)))
            .collect();
        v["plugin_versions"] = Value::Object(map);
    }
    v
}

/// The built-in plugins `cfg` loads, with their versions (none when the
/// plugin settings are wrong: the command that needs them reports it).
fn plugin_versions(cfg: &Config) -> Vec<(String, &'static str)> {
    crate::sources::SourcePlan::new(cfg, &[], &[])
        .map(|p| p.plugin_versions())
        .unwrap_or_default()
}

fn falco_events_version() -> &'static str {
    // The workspace shares one version.
    env!("CARGO_PKG_VERSION")
}

fn print_version(cfg: &Config) {
    let json_output = cfg.json_output;
    let v = versions_json(&plugin_versions(cfg));
    if json_output {
        println!("{v}");
        return;
    }
    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
    println!("Falco version: {}", s("falco_version"));
    println!("Libs version:  {}", s("libs_version"));
    println!("Plugin API:    {}", s("plugin_api_version"));
    println!("Engine:        {}", s("engine_version_semver"));
    println!("Driver:");
    println!("  API version:    {}", s("driver_api_version"));
    println!("  Schema version: {}", s("driver_schema_version"));
    println!("  Default driver: {}", s("default_driver_version"));
}

fn page_size() -> Option<u64> {
    // /proc/self/smaps' KernelPageSize is the base page size of the first
    // mapping; the auxiliary vector would need unsafe code.
    let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
    let line = smaps.lines().find(|l| l.starts_with("KernelPageSize:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The I/O syscalls Falco leaves out of live captures by default: those of
/// the I/O categories, less the ones the host state needs.
pub fn ignored_syscalls() -> BTreeSet<&'static str> {
    let state: BTreeSet<&str> = falco_events::state::state_syscalls().collect();
    table::events()
        .iter()
        .filter(|e| e.category.source() & EventCategory::SYSCALL != 0)
        .filter(|e| {
            matches!(
                e.category.class(),
                EventCategory::IO_READ | EventCategory::IO_WRITE | EventCategory::IO_OTHER
            )
        })
        .filter(|e| !e.is_old_version() && !e.is_unused())
        .map(|e| e.name)
        .filter(|n| !state.contains(n))
        .collect()
}

fn print_ignored() {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Ignored syscall(s):");
    for n in ignored_syscalls() {
        let _ = writeln!(out, "- {n}");
    }
    let _ = writeln!(out);
}

/// One line of `--list-events`: the event code, its description, and the
/// name it is listed under (a generic event's is the syscall's).
type EventLine<'a> = (u16, &'a table::EventInfo, &'a str);

fn list_events(format: Format) {
    let ignored = ignored_syscalls();
    let mut cats: [(&str, Vec<EventLine>); 4] = [
        ("Syscall events", Vec::new()),
        ("Tracepoint events", Vec::new()),
        ("Plugin events", Vec::new()),
        ("Metaevents", Vec::new()),
    ];
    // The generic events come last, named after each syscall they report.
    let generic = [table::codes::PPME_GENERIC_E, table::codes::PPME_GENERIC_X];
    for (code, e) in table::events().iter().enumerate() {
        let code = code as u16;
        if e.is_old_version() || e.is_unused() || e.name.is_empty() || generic.contains(&code) {
            continue;
        }
        let src = e.category.source();
        let i = if src & EventCategory::SYSCALL != 0 {
            0
        } else if src & EventCategory::TRACEPOINT != 0 {
            1
        } else if src & EventCategory::PLUGIN != 0 {
            2
        } else if src & EventCategory::METAEVENT != 0 {
            3
        } else {
            continue;
        };
        cats[i].1.push((code, e, e.name));
    }
    // Then, as Falco, the generic pair once per syscall it stands for.
    let generic_info = (table::event_info(generic[0]), table::event_info(generic[1]));
    if let (Some(enter), Some(exit)) = generic_info {
        for name in super::describe::generic_syscall_names() {
            cats[0].1.push((generic[0], enter, name));
            cats[0].1.push((generic[1], exit, name));
        }
    }
    let mut out = std::io::stdout().lock();
    let param = |p: &table::ParamInfo, md: bool| {
        let mut s = format!("{} **{}**", p.ty.name(), p.name);
        let flags = p.flag_names();
        if !flags.is_empty() {
            s.push_str(": ");
            let names: Vec<String> = flags
                .iter()
                .map(|f| {
                    if md {
                        format!("*{}*", f.name)
                    } else {
                        f.name.to_string()
                    }
                })
                .collect();
            s.push_str(&names.join(", "));
        }
        s
    };
    if format == Format::Json {
        let mut root = serde_json::Map::new();
        root.insert("schema_version".into(), json!(DRIVER_SCHEMA_VERSION));
        for (name, evs) in &cats {
            let list: Vec<Value> = evs
                .iter()
                .map(|(code, e, name)| {
                    let params: Vec<Value> = e
                        .params
                        .iter()
                        .map(|p| {
                            let mut v = json!({ "type": p.ty.name(), "name": p.name });
                            let flags = p.flag_names();
                            if !flags.is_empty() {
                                v["flags"] =
                                    json!(flags.iter().map(|f| f.name).collect::<Vec<_>>());
                            }
                            v
                        })
                        .collect();
                    json!({
                        "name": name,
                        "dir": table::Direction::of(*code).symbol(),
                        "available": !ignored.contains(name),
                        "params": params,
                    })
                })
                .collect();
            root.insert(name.to_string(), Value::Array(list));
        }
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
        );
        return;
    }
    let md = format == Format::Markdown;
    let _ = writeln!(
        out,
        "The events below are valid for Falco *Schema Version*: {DRIVER_SCHEMA_VERSION}"
    );
    for (name, evs) in &cats {
        let _ = writeln!(out, "## {name}\n");
        if md {
            let _ = writeln!(out, "Default | Dir | Name | Params ");
            let _ = writeln!(out, ":-------|:----|:-----|:-----");
        }
        for (code, e, name) in evs {
            let dir = table::Direction::of(*code).symbol();
            let params: Vec<String> = e.params.iter().map(|p| param(p, md)).collect();
            let line = if md {
                let available = if ignored.contains(name) { "No" } else { "Yes" };
                format!("{available} | `{dir}` | `{name}` | {}", params.join(", "))
            } else {
                format!("{dir} {name}({})", params.join(", "))
            };
            if writeln!(out, "{line}").is_err() {
                return;
            }
        }
        let _ = writeln!(out);
    }
}

/// One field of `--list`, whatever its source.
struct FieldRow {
    /// Which class of its source (two classes can share a name: libsinsp's
    /// two `evt` classes).
    class_id: usize,
    class: String,
    name: String,
    ty: String,
    list: bool,
    /// The argument: whether it is required, and its kinds (`INDEX`, `KEY`).
    arg: Option<(bool, &'static [&'static str])>,
    /// libsinsp's flag tags other than the argument's and the list's
    /// (`EPF_NO_RHS`, `EPF_NO_TRANSFORMER`, `FILTER_ONLY`).
    tags: Vec<&'static str>,
    desc: String,
}

fn field_rows(source: &str) -> Vec<(String, Vec<FieldRow>)> {
    let mut sources = Vec::new();
    if source.is_empty() || source == "syscall" {
        use falco_events::FieldAttrs;
        let rows = falco_events::fields::field_classes()
            .into_iter()
            .enumerate()
            .flat_map(|(i, (class, fields))| fields.into_iter().map(move |f| (i, class, f)))
            // Falco lists neither table-only nor deprecated fields.
            .filter(|(_, _, f)| f.is_listed() && !f.attrs.contains(FieldAttrs::DEPRECATED))
            .map(|(class_id, class, f)| FieldRow {
                class_id,
                class: class.to_string(),
                tags: [
                    (FieldAttrs::NO_RHS, "EPF_NO_RHS"),
                    (FieldAttrs::NO_TRANSFORMER, "EPF_NO_TRANSFORMER"),
                    (FieldAttrs::FILTER_ONLY, "FILTER_ONLY"),
                ]
                .iter()
                .filter(|(a, _)| f.attrs.contains(*a))
                .map(|(_, t)| *t)
                .collect(),
                name: f.name.to_string(),
                ty: f.ty.name().to_ascii_uppercase(),
                list: f.list,
                arg: match f.arg {
                    falco_events::ArgKind::None => None,
                    falco_events::ArgKind::Index { required } => Some((required, &["INDEX"][..])),
                    falco_events::ArgKind::Key { required } => Some((required, &["KEY"][..])),
                    falco_events::ArgKind::IndexOrKey { required } => {
                        Some((required, &["INDEX", "KEY"][..]))
                    }
                    falco_events::ArgKind::EventParam { by_index: true } => {
                        Some((true, &["INDEX", "KEY"][..]))
                    }
                    falco_events::ArgKind::EventParam { by_index: false }
                    | falco_events::ArgKind::EventType
                    | falco_events::ArgKind::Suffix => Some((true, &["KEY"][..])),
                },
                desc: f.description.to_string(),
            })
            .collect();
        sources.push(("syscall".to_string(), rows));
    }
    if source.is_empty() || source == falco_k8saudit::SOURCE_NAME {
        let rows = falco_k8saudit::fields::fields()
            .iter()
            .map(|f| FieldRow {
                class_id: usize::from(f.is_json_plugin()),
                class: if f.is_json_plugin() {
                    "json"
                } else {
                    "k8saudit"
                }
                .to_string(),
                tags: Vec::new(),
                name: f.name.clone(),
                ty: "CHARBUF".into(),
                list: f.list,
                arg: match f.arg {
                    falco_k8saudit::fields::ArgKind::None => None,
                    falco_k8saudit::fields::ArgKind::Index => Some((false, &["INDEX"][..])),
                    falco_k8saudit::fields::ArgKind::Key => Some((true, &["KEY"][..])),
                },
                desc: f.desc.clone(),
            })
            .collect();
        sources.push((falco_k8saudit::SOURCE_NAME.to_string(), rows));
    }
    sources
}

/// Where libsinsp's field listing puts descriptions (its
/// `s_rightblock_start`), and how wide a line is (`s_width`).
const RIGHT_BLOCK: usize = 30;
const LINE_WIDTH: usize = 120;

/// libsinsp's `wrapstring`: each word followed by one space, a new line
/// indented by [`RIGHT_BLOCK`] when the next word would pass the width.
fn wrap_block(text: &str, out: &mut String) {
    let mut len = 0;
    for word in text.split_whitespace() {
        let wordlen = word.len() + 1;
        if len + wordlen <= LINE_WIDTH - RIGHT_BLOCK {
            len += wordlen;
        } else {
            out.push('\n');
            out.push_str(&" ".repeat(RIGHT_BLOCK));
            len = wordlen;
        }
        out.push_str(word);
        out.push(' ');
    }
}

/// A field's tags as libsinsp lists them (its flags, in name order).
fn field_tags(r: &FieldRow) -> Vec<&'static str> {
    let mut tags = Vec::new();
    if let Some((required, kinds)) = r.arg {
        tags.push(if required {
            "ARG_REQUIRED"
        } else {
            "ARG_ALLOWED"
        });
        for k in kinds {
            tags.push(if *k == "INDEX" {
                "ARG_INDEX"
            } else {
                "ARG_KEY"
            });
        }
    }
    if r.list {
        tags.push("EPF_IS_LIST");
    }
    tags.extend(r.tags.iter().copied());
    tags.sort_unstable();
    tags
}

/// One field class as Falco's `--list` prints it in text (libsinsp's
/// `filter_fieldclass_info::as_string`): a rule, the class and its event
/// sources in two columns, a blank line, then one field a line with its
/// description wrapped in the right-hand block, prefixed by its tags and,
/// with `-v`, its type.
fn class_as_text(class: &str, src: &str, rows: &[&FieldRow], verbose: bool) -> String {
    let mut out = String::new();
    out.push_str("-------------------------------\n");
    out.push_str(&format!("{:<RIGHT_BLOCK$}{class}\n", "Field Class:"));
    out.push_str(&format!("{:<RIGHT_BLOCK$}{src} \n\n", "Event Sources:"));
    for r in rows {
        if r.name.len() > RIGHT_BLOCK {
            out.push_str(&r.name);
            out.push('\n');
            out.push_str(&" ".repeat(RIGHT_BLOCK));
        } else {
            out.push_str(&format!("{:<RIGHT_BLOCK$}", r.name));
        }
        let mut desc = r.desc.clone();
        let tags = field_tags(r);
        if !tags.is_empty() {
            desc = format!("({}) {desc}", tags.join(","));
        }
        if verbose {
            desc = format!("(Type: {}) {desc}", r.ty);
        }
        wrap_block(&desc, &mut out);
        out.push('\n');
    }
    out
}

fn list_fields(source: &str, names_only: bool, verbose: bool, format: Format) -> ExitCode {
    if !source.is_empty() && source != "syscall" && source != falco_k8saudit::SOURCE_NAME {
        eprintln!("Error: Value for --list must be a valid source type");
        return ExitCode::from(1);
    }
    let sources = field_rows(source);
    let mut out = std::io::stdout().lock();
    if names_only {
        let names: Vec<&str> = sources
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|r| r.name.as_str()))
            .collect();
        if format == Format::Json {
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json!({ "fieldnames": names })).unwrap_or_default()
            );
        } else {
            for n in names {
                if writeln!(out, "{n}").is_err() {
                    break;
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    // Group by class, in order, per source.
    let mut classes: Vec<(String, String, Vec<&FieldRow>)> = Vec::new();
    for (src, rows) in &sources {
        let mut last = None;
        for r in rows {
            match classes.last_mut() {
                Some((_, s, v)) if last == Some(r.class_id) && s == src => v.push(r),
                _ => classes.push((r.class.clone(), src.clone(), vec![r])),
            }
            last = Some(r.class_id);
        }
    }
    match format {
        Format::Json => {
            let list: Vec<Value> = classes
                .iter()
                .map(|(class, src, rows)| {
                    json!({
                        "name": class,
                        "event_sources": [src],
                        "fields": rows.iter().map(|r| json!({
                            "name": r.name,
                            "type": r.ty,
                            "desc": r.desc,
                            "is_list": r.list,
                            "argument": match r.arg {
                                None => Value::Null,
                                Some((required, kinds)) => json!({"required": required, "type": kinds}),
                            },
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json!({ "fieldclasses": list })).unwrap_or_default()
            );
        }
        Format::Markdown => {
            for (class, src, rows) in &classes {
                let _ = writeln!(out, "## Field Class: {class}\n");
                let _ = writeln!(out, "Event Sources: {src} \n");
                let _ = writeln!(out, "Name | Type | Description");
                let _ = writeln!(out, ":----|:-----|:-----------");
                for r in rows {
                    let ty = if r.list {
                        format!("LIST({})", r.ty)
                    } else {
                        r.ty.clone()
                    };
                    if writeln!(out, "`{}` | {ty} | {}", r.name, r.desc).is_err() {
                        return ExitCode::SUCCESS;
                    }
                }
                let _ = writeln!(out);
            }
        }
        Format::Text => {
            for (class, src, rows) in &classes {
                let text = class_as_text(class, src, rows, verbose);
                if writeln!(out, "{text}").is_err() {
                    return ExitCode::SUCCESS;
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// An engine with every source the configuration loads (syscall, and
/// k8s_audit with the k8saudit plugin); as Falco, rules for other sources
/// are skipped with a warning.
fn engine(cfg: &Config) -> Result<Engine, ExitCode> {
    crate::sources::SourcePlan::new(cfg, &[], &[])
        .map(|p| p.engine(cfg))
        .map_err(|e| {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        })
}

/// `-V`: loads each file in turn into one engine and prints each result;
/// with `-L`/`-l RULE` (`describe`: `Some(None)` for all rules) and every
/// file valid, the description follows, as Falco's validation prints it:
/// under `falco_describe_results` in JSON, after a blank line in text.
fn validate(files: &[PathBuf], cfg: &Config, describe: Option<Option<&str>>) -> ExitCode {
    let mut e = match engine(cfg) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let results: Vec<LoadResult> = files.iter().map(|f| e.load_file(f)).collect();
    let failed = results.iter().any(|r| !r.successful());
    let described = match describe {
        Some(only) if !failed => match super::describe::describe_json(&e, only) {
            Ok(doc) => Some(doc),
            Err(err) => {
                eprintln!("Error: {err}");
                return ExitCode::from(1);
            }
        },
        _ => None,
    };
    if cfg.json_output {
        let mut doc = falco_load_results_json(&results);
        if let Some(d) = described {
            doc["falco_describe_results"] = d;
        }
        println!("{doc}");
    } else {
        for r in &results {
            println!("{}: {}", r.name, r.status());
            print!("{}", r.render());
        }
        if let Some(d) = described {
            println!();
            describe_text(&d);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Falco's `wrap_text`: words joined by one space (each followed by one),
/// wrapped at `line_len` with continuation lines indented by `indent`.
fn wrap_text(text: &str, indent: usize, line_len: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        if len + word.len() < line_len.saturating_sub(indent) {
            len += word.len() + 1;
        } else {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            len = word.len() + 1;
        }
        out.push_str(word);
        out.push(' ');
    }
    out
}

fn describe(e: &Engine, only: Option<&str>, json_output: bool) -> ExitCode {
    let doc = match super::describe::describe_json(e, only) {
        Ok(d) => d,
        Err(err) => {
            eprintln!("Error: {err}");
            return ExitCode::from(1);
        }
    };
    if json_output {
        println!("{doc}");
    } else {
        describe_text(&doc);
    }
    ExitCode::SUCCESS
}

/// Falco's `format_described_rules_as_text`: rule names in 50 columns,
/// descriptions wrapped at 110 and indented by 51, a blank line after each.
fn describe_text(doc: &Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:<50} Description", "Rule");
    let _ = writeln!(out, "{:<50} -----------", "----");
    for r in doc["rules"].as_array().into_iter().flatten() {
        let name = r["info"]["name"].as_str().unwrap_or("");
        let desc = wrap_text(r["info"]["description"].as_str().unwrap_or(""), 51, 110);
        if writeln!(out, "{name:<50} {desc}\n").is_err() {
            break;
        }
    }
}

fn uname() -> Value {
    let read = |f: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{f}"))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    json!({
        "sysname": read("ostype"),
        "nodename": read("hostname"),
        "release": read("osrelease"),
        "version": read("version"),
        "machine": std::env::consts::ARCH,
    })
}

fn support(args: &Args, cfg: &Config, tree: &Value, files: &[PathBuf]) -> Value {
    let mut cmdline = vec!["falco".to_string()];
    cmdline.extend(args.cmdline.iter().cloned());
    let rules: Vec<Value> = files
        .iter()
        .map(|f| {
            json!({
                "name": f.display().to_string(),
                "variants": [{"content": std::fs::read_to_string(f).unwrap_or_default()}],
            })
        })
        .collect();
    json!({
        "system_info": uname(),
        "version": env!("CARGO_PKG_VERSION"),
        "engine_info": versions_json(&plugin_versions(cfg)),
        "cmdline": cmdline.join(" "),
        "config": tree,
        "rules_files": rules,
    })
}

/// Runs a parsed command line as Falco does, and gives the exit status:
/// 0 on success, 1 on any error (Falco's `EXIT_FAILURE`), 255 when the
/// pid file cannot be written (Falco's `exit(-1)`).
pub fn run(args: Args) -> ExitCode {
    for n in &args.notices {
        eprintln!("{n}");
    }
    let early = args.help
        || args.config_schema
        || args.rule_schema
        || args.ignored_events
        || args.list_events;
    if early {
        // These run before the configuration is read: warn with the
        // default logger.
        let log = Logger::from_config(&Config::default());
        for d in &args.deprecations {
            log.log(Priority::Warning, d);
        }
    }
    if args.help {
        print!("{}", help());
        return ExitCode::SUCCESS;
    }
    if args.config_schema {
        return print_schema("configuration", CONFIG_SCHEMA);
    }
    if args.rule_schema {
        return print_schema("rule", RULE_SCHEMA);
    }
    if args.ignored_events {
        print_ignored();
        return ExitCode::SUCCESS;
    }
    if args.list_events {
        list_events(args.format);
        return ExitCode::SUCCESS;
    }
    let opts = Options {
        config_file: args.config.clone(),
        options: args.options.clone(),
        rules: args.rules.clone(),
        capture: args.capture.clone(),
        enable_sources: args.enable_sources.clone(),
        disable_sources: args.disable_sources.clone(),
        pidfile: args.pidfile.clone(),
        duration: args.duration.map(Duration::from_secs),
        dry_run: args.dry_run,
        verbose: args.verbose,
    };
    let loaded = match daemon::load_config_tree(&opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Error: {e}");
            return ExitCode::from(1);
        }
    };
    let log = Logger::from_config(&loaded.config);
    for d in &args.deprecations {
        log.log(Priority::Warning, d);
    }
    if args.version {
        print_version(&loaded.config);
        return ExitCode::SUCCESS;
    }
    if args.page_size {
        match page_size() {
            Some(n) => {
                log.log(
                    Priority::Informational,
                    &format!("Your system page size is: {n} bytes"),
                );
                return ExitCode::SUCCESS;
            }
            None => {
                eprintln!("Error: Unable to get the system page size");
                return ExitCode::from(1);
            }
        }
    }
    if let Some(p) = &args.plugin_info {
        eprintln!("Error: can't find plugin and print its info: {p} (this build loads no plugin shared objects; its sources are built in: syscall, k8s_audit)");
        return ExitCode::from(1);
    }
    if args.list_plugins {
        println!("0 Plugins Loaded:\n\n");
        return ExitCode::SUCCESS;
    }
    if let Some(source) = &args.list {
        return list_fields(source, args.names_only, args.verbose, args.format);
    }
    if !args.validate.is_empty() {
        let describe = (args.describe_all || args.describe_rule.is_some())
            .then_some(args.describe_rule.as_deref());
        return validate(&args.validate, &loaded.config, describe);
    }
    if args.describe_all || args.describe_rule.is_some() || args.support {
        let cfg = &loaded.config;
        let sources = if args.rules.is_empty() {
            cfg.rules_sources()
        } else {
            rules_sources(&args.rules)
        };
        let engine = match daemon::load_rules(cfg, &args.rules, &log) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("Error: {e}");
                return ExitCode::from(1);
            }
        };
        if args.describe_all || args.describe_rule.is_some() {
            return describe(&engine, args.describe_rule.as_deref(), cfg.json_output);
        }
        let files: Vec<PathBuf> = sources
            .iter()
            .filter_map(|s| match s {
                RulesSource::File(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        println!("{}", support(&args, cfg, &loaded.tree, &files));
        return ExitCode::SUCCESS;
    }
    daemon::run_config(&opts, loaded.config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_text_is_falcos() {
        assert_eq!(wrap_text("a b", 51, 110), "a b ");
        let long = "word ".repeat(20);
        let w = wrap_text(&long, 51, 110);
        assert!(w.contains(&format!("\n{}word", " ".repeat(51))), "{w:?}");
    }

    #[test]
    fn the_ignored_syscalls_are_io_ones_the_state_does_not_need() {
        let ig = ignored_syscalls();
        for n in ["read", "write", "pread", "readv"] {
            assert!(ig.contains(n), "{n} in {ig:?}");
        }
        for n in ["open", "execve", "close", "connect"] {
            assert!(!ig.contains(n), "{n} in {ig:?}");
        }
    }
}

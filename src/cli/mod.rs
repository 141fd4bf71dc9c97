//! Falco's command line: every flag of Falco 0.44's `falco --help`, the
//! older flags that unit files and scripts still carry, and what each one
//! asks for.
//!
//! The grammar is cxxopts', as Falco parses it:
//!
//! - long flags `--name`, with a value as `--name=VALUE` or `--name VALUE`;
//!   a flag whose value is optional (`--list`) takes it only after `=`;
//! - short flags `-x`, grouped (`-Uv`), with a value attached (`-pc`,
//!   `-ojson_output=true`) or in the next argument (`-o json_output=true`);
//! - no positional arguments.
//!
//! [`parse`] gives an [`Args`]; the older flags are turned into the `-o`
//! options of today's configuration keys ([`Args::options`]) with one
//! deprecation warning each ([`Args::deprecations`]), as Falco did while it
//! removed them. [`FLAGS`] is the table of every flag (the `--help` text and
//! the README's table come from it). [`run`] runs the command line.

mod commands;
mod describe;

pub use commands::{run, versions_json, CONFIG_SCHEMA, RULE_SCHEMA};
pub use describe::{describe_json, DescribeError};

use std::path::PathBuf;

/// How a flag takes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    /// A switch: no value.
    Switch,
    /// A required value (`-r FILE`).
    Value,
    /// An optional value, only after `=` (`--list[=SOURCE]`).
    Optional,
}

/// What this build does with a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Implemented with Falco's meaning.
    Implemented,
    /// An older flag, accepted and mapped to today's configuration key(s)
    /// with a deprecation warning.
    Deprecated,
    /// Accepted, with a specific message saying why it has no effect here
    /// (plugin shared objects).
    NoEffect,
}

/// One command-line flag.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    /// The short form (`'r'` for `-r`).
    pub short: Option<char>,
    /// The long form without dashes (`"validate"`).
    pub long: Option<&'static str>,
    /// How it takes its value.
    pub arity: Arity,
    /// The value's name in `--help`.
    pub metavar: &'static str,
    /// What it does, in one or two sentences.
    pub help: &'static str,
    /// What this build does with it.
    pub support: Support,
}

impl Flag {
    /// The flag as `--help` shows it (`-o, --option <opt>=<val>`).
    pub fn synopsis(&self) -> String {
        let mut s = String::new();
        if let Some(c) = self.short {
            s.push('-');
            s.push(c);
            if self.long.is_some() {
                s.push_str(", ");
            }
        }
        if let Some(l) = self.long {
            s.push_str("--");
            s.push_str(l);
        }
        match self.arity {
            Arity::Switch => {}
            Arity::Value => {
                s.push(' ');
                s.push_str(self.metavar);
            }
            Arity::Optional => {
                s.push_str("[=");
                s.push_str(self.metavar);
                s.push(']');
            }
        }
        s
    }

    fn key(&self) -> &'static str {
        match (self.long, self.short) {
            (Some(l), _) => l,
            (None, Some(c)) => SHORT_KEYS
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, n)| *n)
                .unwrap_or(""),
            (None, None) => "",
        }
    }
}

/// Names for the flags that only have a short form.
const SHORT_KEYS: &[(char, &str)] = &[
    ('c', "c"),
    ('i', "i"),
    ('L', "L"),
    ('l', "l"),
    ('M', "M"),
    ('N', "N"),
    ('r', "r"),
    ('v', "v"),
    ('A', "A"),
    ('D', "D"),
    ('T', "T"),
    ('t', "t"),
    ('e', "e"),
];

const fn flag(
    short: Option<char>,
    long: Option<&'static str>,
    arity: Arity,
    metavar: &'static str,
    help: &'static str,
    support: Support,
) -> Flag {
    Flag {
        short,
        long,
        arity,
        metavar,
        help,
        support,
    }
}

use Arity::{Optional, Switch, Value};
use Support::{Deprecated, Implemented, NoEffect};

/// Every flag: Falco 0.44's, in its `--help` order, then the older ones.
pub const FLAGS: &[Flag] = &[
    flag(Some('h'), Some("help"), Switch, "", "Print this help list and exit.", Implemented),
    flag(Some('c'), None, Value, "<path>", "Configuration file. Without it, /etc/falco/falco.yaml when it exists, else Falco's defaults.", Implemented),
    flag(None, Some("config-schema"), Switch, "", "Print the JSON schema of the configuration file (every key this build accepts) and exit.", Implemented),
    flag(None, Some("rule-schema"), Switch, "", "Print the JSON schema of rules files and exit.", Implemented),
    flag(None, Some("disable-source"), Value, "<event_source>", "Turn off event source <event_source> (repeatable; not with --enable-source; no effect on a replay).", Implemented),
    flag(None, Some("dry-run"), Switch, "", "Load the configuration, the rules and the outputs, then exit without processing events: checks that they have no errors.", Implemented),
    flag(None, Some("enable-source"), Value, "<event_source>", "Run only event source <event_source> of the loaded ones (repeatable; not with --disable-source; no effect on a replay).", Implemented),
    flag(Some('i'), None, Switch, "", "Print the high-volume I/O syscalls that are ignored by default and exit.", Implemented),
    flag(Some('L'), None, Switch, "", "Print the name and description of every loaded rule and exit; with json_output, every rule, macro and list in JSON.", Implemented),
    flag(Some('l'), None, Value, "<rule>", "Print the name and description of rule <rule> and exit; with json_output, its details in JSON.", Implemented),
    flag(None, Some("list"), Optional, "<source>", "List the fields of every source (or of <source>: syscall, k8s_audit) and exit.", Implemented),
    flag(None, Some("list-events"), Switch, "", "List the syscall events, tracepoint events and metaevents and exit.", Implemented),
    flag(None, Some("list-plugins"), Switch, "", "Print the loaded plugins and exit (this build loads no plugin shared objects: always none).", NoEffect),
    flag(Some('M'), None, Value, "<num_seconds>", "Stop after <num_seconds> seconds (of event time when replaying a capture).", Implemented),
    flag(None, Some("markdown"), Switch, "", "Deprecated for --format markdown: print --list/--list-events in Markdown.", Implemented),
    flag(None, Some("format"), Value, "<format>", "Print --list/--list-events as text, markdown or json.", Implemented),
    flag(Some('N'), None, Switch, "", "With --list, print the field names only.", Implemented),
    flag(Some('o'), Some("option"), Value, "<opt>=<val>", "Set configuration option <opt> (a dotted key path, [N] or [] for list entries) to <val>; overrides the configuration file.", Implemented),
    flag(None, Some("plugin-info"), Value, "<plugin_name>", "Print a plugin's information and exit (this build loads no plugin shared objects: an error naming the plugin).", NoEffect),
    flag(Some('p'), Some("print"), Value, "<output_format>", "Deprecated for -o append_output: append <output_format> to every rule's output (-pc/-pk: nothing to add).", Deprecated),
    flag(Some('P'), Some("pidfile"), Value, "<pid_file>", "Write the process id to <pid_file> (none by default).", Implemented),
    flag(Some('r'), None, Value, "<rules_file>", "A rules file or directory to load instead of rules_files (repeatable); directories give their .yaml/.yml files in name order.", Implemented),
    flag(None, Some("support"), Switch, "", "Print support information (versions, system, configuration, rules files with their content) as JSON and exit.", Implemented),
    flag(Some('U'), Some("unbuffered"), Switch, "", "Flush the outputs after every alert (buffered_outputs: false).", Implemented),
    flag(Some('V'), Some("validate"), Value, "<rules_file>", "Validate the rules file(s) and exit (repeatable).", Implemented),
    flag(Some('v'), None, Switch, "", "Verbose: event statistics at exit, field details with --list.", Implemented),
    flag(None, Some("version"), Switch, "", "Print version information and exit.", Implemented),
    flag(None, Some("page-size"), Switch, "", "Print the system page size and exit.", Implemented),
    // Older flags, mapped to today's keys.
    flag(Some('e'), None, Value, "<events_file>", "Replay a capture file (Falco 0.38 and later: engine.kind=replay).", Implemented),
    flag(None, Some("modern-bpf"), Switch, "", "Deprecated: engine.kind=modern_ebpf.", Deprecated),
    flag(None, Some("kmod"), Switch, "", "Deprecated: engine.kind=kmod.", Deprecated),
    flag(None, Some("nodriver"), Switch, "", "Deprecated: engine.kind=nodriver.", Deprecated),
    flag(Some('g'), Some("gvisor-config"), Value, "<gvisor_config>", "Deprecated: engine.kind=gvisor with engine.gvisor.config.", Deprecated),
    flag(Some('A'), None, Switch, "", "Deprecated: base_syscalls.all=true.", Deprecated),
    flag(Some('b'), Some("print-base64"), Switch, "", "Deprecated: buffer_format_base64=true.", Deprecated),
    flag(Some('S'), Some("snaplen"), Value, "<len>", "Deprecated: falco_libs.snaplen=<len>.", Deprecated),
    flag(None, Some("cri"), Value, "<path>", "Deprecated: container_engines.cri.sockets[]=<path>.", Deprecated),
    flag(None, Some("disable-cri-async"), Switch, "", "Deprecated: container_engines.cri.disable_async=true.", Deprecated),
    flag(Some('D'), None, Value, "<substring>", "Deprecated: rules[].disable.rule=*<substring>*.", Deprecated),
    flag(Some('T'), None, Value, "<tag>", "Deprecated: rules[].disable.tag=<tag>.", Deprecated),
    flag(Some('t'), None, Value, "<tag>", "Deprecated: rules[].disable.rule=* and rules[].enable.tag=<tag>.", Deprecated),
    flag(None, Some("list-syscall-events"), Switch, "", "Deprecated name of --list-events.", Deprecated),
];

/// How `--list`/`--list-events` print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text (the default).
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// The command line, parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args {
    /// The arguments as given (without the program name), for `--support`.
    pub cmdline: Vec<String>,
    /// `-h`.
    pub help: bool,
    /// `--rule-schema`.
    pub rule_schema: bool,
    /// `--config-schema`.
    pub config_schema: bool,
    /// `-c`.
    pub config: Option<PathBuf>,
    /// `--dry-run`.
    pub dry_run: bool,
    /// `-i`.
    pub ignored_events: bool,
    /// `-L`.
    pub describe_all: bool,
    /// `-l RULE`.
    pub describe_rule: Option<String>,
    /// `--list[=SOURCE]` (`Some("")` for every source).
    pub list: Option<String>,
    /// `--list-events`.
    pub list_events: bool,
    /// `--list-plugins`.
    pub list_plugins: bool,
    /// `-M`: seconds to run.
    pub duration: Option<u64>,
    /// `--markdown`/`--format`.
    pub format: Format,
    /// `-N`.
    pub names_only: bool,
    /// `--plugin-info`.
    pub plugin_info: Option<String>,
    /// `-P`.
    pub pidfile: Option<PathBuf>,
    /// `-r`, in order.
    pub rules: Vec<PathBuf>,
    /// `--support`.
    pub support: bool,
    /// `-V`, in order.
    pub validate: Vec<PathBuf>,
    /// `-v`.
    pub verbose: bool,
    /// `--version`.
    pub version: bool,
    /// `--page-size`.
    pub page_size: bool,
    /// `-e`: a capture to replay.
    pub capture: Option<PathBuf>,
    /// `--enable-source`, in order.
    pub enable_sources: Vec<String>,
    /// `--disable-source`, in order.
    pub disable_sources: Vec<String>,
    /// Every `-o`, then the options the older flags and `-U` stand for, in
    /// command-line order.
    pub options: Vec<String>,
    /// One warning per older flag used, naming the key that replaces it.
    pub deprecations: Vec<String>,
    /// Warnings about `--markdown` (Falco prints them on stderr at once).
    pub notices: Vec<String>,
}

/// A command line Falco would refuse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CliError {
    /// A flag that does not exist.
    #[error("Option '{0}' does not exist")]
    Unknown(String),
    /// A flag given without its value.
    #[error("Option '{0}' is missing an argument")]
    MissingValue(String),
    /// A switch given a value (`--dry-run=yes`).
    #[error("Option '{0}' does not take an argument")]
    UnexpectedValue(String),
    /// A value that is not what the flag takes.
    #[error("Argument '{value}' failed to parse for option '{flag}': {why}")]
    BadValue {
        /// The flag.
        flag: String,
        /// The value.
        value: String,
        /// What it should be.
        why: &'static str,
    },
    /// A positional argument (Falco takes none).
    #[error("unexpected argument '{0}': falco takes no positional arguments (a flag's optional value goes after '=', e.g. --list=syscall)")]
    Positional(String),
    /// `--markdown` with `--format`.
    #[error("Cannot specify both --markdown and --format options together")]
    MarkdownAndFormat,
    /// A bad `--format`.
    #[error("Invalid format '{0}'. Valid values are: text, markdown, json")]
    Format(String),
}

fn find_long(name: &str) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.long == Some(name))
}

fn find_short(c: char) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.short == Some(c))
}

/// Parses the arguments after the program name.
pub fn parse<I, S>(args: I) -> Result<Args, CliError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let argv: Vec<String> = args.into_iter().map(Into::into).collect();
    let mut seen: Vec<(&'static Flag, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if let Some(body) = a.strip_prefix("--") {
            if body.is_empty() {
                return Err(CliError::Positional(a.clone()));
            }
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let f = find_long(name).ok_or_else(|| CliError::Unknown(name.to_string()))?;
            let value = match (f.arity, inline) {
                (Arity::Switch, Some(_)) => return Err(CliError::UnexpectedValue(name.into())),
                (Arity::Switch, None) => None,
                (Arity::Optional, v) => Some(v.unwrap_or_default()),
                (Arity::Value, Some(v)) => Some(v),
                (Arity::Value, None) => {
                    let v = argv
                        .get(i)
                        .ok_or_else(|| CliError::MissingValue(name.into()))?;
                    i += 1;
                    Some(v.clone())
                }
            };
            seen.push((f, value));
        } else if let Some(body) = a.strip_prefix('-').filter(|b| !b.is_empty()) {
            let chars: Vec<char> = body.chars().collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                k += 1;
                let f = find_short(c).ok_or_else(|| CliError::Unknown(c.to_string()))?;
                match f.arity {
                    Arity::Switch => seen.push((f, None)),
                    Arity::Optional => {
                        let rest: String = chars[k..].iter().collect();
                        seen.push((f, Some(rest)));
                        break;
                    }
                    Arity::Value => {
                        let rest: String = chars[k..].iter().collect();
                        let v = if !rest.is_empty() {
                            rest.strip_prefix('=').map(str::to_string).unwrap_or(rest)
                        } else {
                            let v = argv
                                .get(i)
                                .ok_or_else(|| CliError::MissingValue(c.to_string()))?;
                            i += 1;
                            v.clone()
                        };
                        seen.push((f, Some(v)));
                        break;
                    }
                }
            }
        } else {
            return Err(CliError::Positional(a.clone()));
        }
    }
    fold(argv, seen)
}

fn deprecated(out: &mut Args, flag: &str, opts: &[String]) {
    let using = opts
        .iter()
        .map(|o| format!("-o {o}"))
        .collect::<Vec<_>>()
        .join(" ");
    out.deprecations.push(format!(
        "The {flag} option is deprecated and will be removed. Use {using} instead."
    ));
    out.options.extend(opts.iter().cloned());
}

fn fold(argv: Vec<String>, seen: Vec<(&'static Flag, Option<String>)>) -> Result<Args, CliError> {
    let mut out = Args {
        cmdline: argv,
        ..Args::default()
    };
    let mut unbuffered = false;
    let mut markdown = false;
    let mut format: Option<String> = None;
    let mut tag_only = false;
    for (f, v) in seen {
        let v = v.unwrap_or_default();
        let name = f.key();
        match name {
            "help" => out.help = true,
            "c" => out.config = Some(v.into()),
            "dry-run" => out.dry_run = true,
            "rule-schema" => out.rule_schema = true,
            "config-schema" => out.config_schema = true,
            "enable-source" => out.enable_sources.push(v),
            "disable-source" => out.disable_sources.push(v),
            "i" => out.ignored_events = true,
            "L" => out.describe_all = true,
            "l" => out.describe_rule = Some(v),
            "list" => out.list = Some(v),
            "list-events" => out.list_events = true,
            "list-plugins" => out.list_plugins = true,
            "M" => {
                let n = v.trim().parse::<u64>().map_err(|_| CliError::BadValue {
                    flag: "M".into(),
                    value: v.clone(),
                    why: "expected a whole number of seconds",
                })?;
                out.duration = (n > 0).then_some(n);
            }
            "markdown" => markdown = true,
            "format" => format = Some(v),
            "N" => out.names_only = true,
            "option" => out.options.push(v),
            "plugin-info" => out.plugin_info = Some(v),
            "print" => {
                let o = if matches!(v.as_str(), "c" | "container" | "k" | "kubernetes") {
                    // As Falco 0.44: the container details need no suffix.
                    Vec::new()
                } else {
                    vec![format!("append_output[].extra_output={v}")]
                };
                out.deprecations.push(
                    "The -p/--print option is deprecated and will be removed. Use -o append_output=... instead."
                        .into(),
                );
                out.options.extend(o);
            }
            "pidfile" => out.pidfile = (!v.is_empty()).then(|| v.into()),
            "r" => out.rules.push(v.into()),
            "support" => out.support = true,
            "unbuffered" => unbuffered = true,
            "validate" => out.validate.push(v.into()),
            "v" => out.verbose = true,
            "version" => out.version = true,
            "page-size" => out.page_size = true,
            "e" => out.capture = Some(v.into()),
            "modern-bpf" => deprecated(
                &mut out,
                "--modern-bpf",
                &["engine.kind=modern_ebpf".into()],
            ),
            "kmod" => deprecated(&mut out, "--kmod", &["engine.kind=kmod".into()]),
            "nodriver" => deprecated(&mut out, "--nodriver", &["engine.kind=nodriver".into()]),
            "gvisor-config" => deprecated(
                &mut out,
                "-g/--gvisor-config",
                &[
                    "engine.kind=gvisor".into(),
                    format!("engine.gvisor.config={v}"),
                ],
            ),
            "A" => deprecated(&mut out, "-A", &["base_syscalls.all=true".into()]),
            "print-base64" => deprecated(
                &mut out,
                "-b/--print-base64",
                &["buffer_format_base64=true".into()],
            ),
            "snaplen" => deprecated(
                &mut out,
                "-S/--snaplen",
                &[format!("falco_libs.snaplen={v}")],
            ),
            "cri" => deprecated(
                &mut out,
                "--cri",
                &[format!("container_engines.cri.sockets[]={v}")],
            ),
            "disable-cri-async" => deprecated(
                &mut out,
                "--disable-cri-async",
                &["container_engines.cri.disable_async=true".into()],
            ),
            "D" => deprecated(&mut out, "-D", &[format!("rules[].disable.rule=*{v}*")]),
            "T" => deprecated(&mut out, "-T", &[format!("rules[].disable.tag={v}")]),
            "t" => {
                let mut o = Vec::new();
                if !tag_only {
                    o.push("rules[].disable.rule=*".to_string());
                    tag_only = true;
                }
                o.push(format!("rules[].enable.tag={v}"));
                deprecated(&mut out, "-t", &o);
            }
            "list-syscall-events" => {
                out.deprecations.push(
                    "The --list-syscall-events option is deprecated and will be removed. Use --list-events instead."
                        .into(),
                );
                out.list_events = true;
            }
            _ => return Err(CliError::Unknown(name.to_string())),
        }
    }
    if markdown && format.is_some() {
        return Err(CliError::MarkdownAndFormat);
    }
    if let Some(f) = format {
        out.format = match f.to_ascii_lowercase().as_str() {
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            "json" => Format::Json,
            "" => Format::Text,
            _ => return Err(CliError::Format(f)),
        };
    } else if markdown {
        out.notices
            .push("WARNING: --markdown is deprecated, use --format markdown instead.".into());
        out.format = Format::Markdown;
    }
    if unbuffered {
        // As Falco: -U overrides the configuration file and -o.
        out.options.push("buffered_outputs=false".into());
    }
    Ok(out)
}

/// The `--help` text.
pub fn help() -> String {
    let mut s =
        String::from("Falco - Cloud Native Runtime Security\nUsage:\n  falco [OPTION...]\n\n");
    for f in FLAGS {
        let syn = f.synopsis();
        s.push_str(&format!("  {syn:<36}{}\n", f.help));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Args {
        match parse(args.iter().copied()) {
            Ok(a) => a,
            Err(e) => panic!("{args:?}: {e}"),
        }
    }

    #[test]
    fn the_grammar_is_cxxopts() {
        let a = p(&["--pidfile=/var/run/falco.pid", "--modern-bpf"]);
        assert_eq!(a.pidfile, Some("/var/run/falco.pid".into()));
        assert_eq!(a.options, ["engine.kind=modern_ebpf"]);
        assert_eq!(p(&["-P", "/x"]).pidfile, Some("/x".into()));
        assert_eq!(p(&["--list=syscall"]).list.as_deref(), Some("syscall"));
        assert_eq!(p(&["--list"]).list.as_deref(), Some(""));
        assert_eq!(p(&["-ojson_output=true"]).options, ["json_output=true"]);
        assert_eq!(p(&["--option", "a=b"]).options, ["a=b"]);
        let a = p(&["-Uv"]);
        assert!(a.verbose);
        assert_eq!(a.options, ["buffered_outputs=false"]);
        assert_eq!(p(&["-r", "a.yaml", "-rb.yaml"]).rules.len(), 2);
        assert_eq!(p(&["-M", "3"]).duration, Some(3));
    }

    #[test]
    fn bad_command_lines_are_refused_with_falcos_words() {
        let cases: &[(&[&str], &str)] = &[
            (&["--nope"], "Option 'nope' does not exist"),
            (&["-x"], "Option 'x' does not exist"),
            (&["-r"], "Option 'r' is missing an argument"),
            (
                &["--dry-run=1"],
                "Option 'dry-run' does not take an argument",
            ),
            (&["--list", "syscall"], "unexpected argument 'syscall'"),
            (&["-M", "x"], "Argument 'x' failed to parse for option 'M'"),
            (
                &["--markdown", "--format", "json"],
                "Cannot specify both --markdown and --format",
            ),
            (&["--format", "xml"], "Invalid format 'xml'"),
        ];
        for (args, want) in cases {
            match parse(args.iter().copied()) {
                Ok(a) => panic!("{args:?} parsed: {a:?}"),
                Err(e) => assert!(e.to_string().contains(want), "{args:?}: {e}"),
            }
        }
    }

    #[test]
    fn older_flags_map_to_keys_with_one_warning_each() {
        let cases: &[(&[&str], &[&str], &str)] = &[
            (&["-A"], &["base_syscalls.all=true"], "-A"),
            (&["--kmod"], &["engine.kind=kmod"], "--kmod"),
            (&["--nodriver"], &["engine.kind=nodriver"], "--nodriver"),
            (&["-D", "shell"], &["rules[].disable.rule=*shell*"], "-D"),
            (&["-T", "network"], &["rules[].disable.tag=network"], "-T"),
            (
                &["-t", "a", "-t", "b"],
                &[
                    "rules[].disable.rule=*",
                    "rules[].enable.tag=a",
                    "rules[].enable.tag=b",
                ],
                "-t",
            ),
            (&["-b"], &["buffer_format_base64=true"], "-b/--print-base64"),
            (&["-S", "100"], &["falco_libs.snaplen=100"], "-S/--snaplen"),
            (
                &["--cri", "/run/c.sock"],
                &["container_engines.cri.sockets[]=/run/c.sock"],
                "--cri",
            ),
            (
                &["-p", "x=%proc.name"],
                &["append_output[].extra_output=x=%proc.name"],
                "-p/--print",
            ),
            (&["-pc"], &[], "-p/--print"),
        ];
        for (args, opts, name) in cases {
            let a = p(args);
            assert_eq!(a.options, *opts, "{args:?}");
            assert!(!a.deprecations.is_empty(), "{args:?}");
            for d in &a.deprecations {
                assert!(
                    d.starts_with(&format!("The {name} option is deprecated")),
                    "{d}"
                );
            }
        }
    }

    #[test]
    fn every_flag_is_in_the_help() {
        let h = help();
        for f in FLAGS {
            assert!(h.contains(&f.synopsis()), "{}", f.synopsis());
        }
    }
}

//! The daemon's configuration: Falco's `falco.yaml`, its keys, defaults and
//! meanings, plus `-o key=value` overrides.
//!
//! [`Config::default()`] is the configuration Falco ships (the values of its
//! stock `falco.yaml`). Loading a file starts from those values and replaces
//! the keys the file sets, so a one-line `falco.yaml` gives a working daemon.
//! (Falco itself falls back to compiled-in defaults for keys missing from the
//! file, which differ for a few keys: `stdout_output.enabled`,
//! `syslog_output.enabled`, `webserver.enabled`, `log_stderr` and
//! `engine.kind` default to off/`kmod` there. Every Falco install reads its
//! stock file, so the shipped values are what users know.)
//!
//! Loading works as Falco's does:
//!
//! 1. the YAML file is parsed and `${VAR}` in every scalar value is replaced
//!    by the environment variable (an unset variable gives the empty string;
//!    `$${VAR}` gives a literal `${VAR}`), see [`expand_env`];
//! 2. with [`Config::load`], the files `config_files` names (by default
//!    `/etc/falco/config.d`, where falcoctl writes) are merged in;
//! 3. each `-o key=value` sets one node: `key` is a dotted path
//!    (`engine.kind`, `file_output.filename`), `[N]` indexes a sequence,
//!    `[]` appends to one (`-o rules_files[]=/etc/falco/extra.yaml`), `\.`
//!    escapes a dot; a value in braces (`-o 'http_output={enabled: true}'`)
//!    is parsed as YAML, anything else is a string. The path builds the
//!    tree yaml-cpp builds for Falco: a key or an out-of-range index on a
//!    sequence turns it into a mapping keyed by index, so
//!    `-o append_output.suggested_output=false` is accepted on the stock
//!    file (and leaves no `append_output` entry, as in Falco);
//! 4. the keys are read and checked.
//!
//! Where Falco is weak we do better: a value of the wrong type is an error
//! naming the key and its `line:column` (Falco silently takes the default),
//! every error is reported at once, and a key we do not know or do not
//! implement is a warning naming it (Falco ignores it silently).
//!
//! ```
//! use falco::config::{Config, EngineKind};
//! use falco::rules::rules::Priority;
//!
//! let yaml = "json_output: true\npriority: warning\nengine:\n  kind: kmod\nmetrics:\n  enabled: true\n";
//! let loaded = Config::from_yaml("falco.yaml", yaml, &["file_output.filename=/tmp/x".to_string()])?;
//! let c = &loaded.config;
//! assert!(c.json_output);
//! assert_eq!(c.priority, Priority::Warning);
//! assert_eq!(c.engine.kind, EngineKind::Kmod);
//! assert_eq!(c.file_output.filename.to_str(), Some("/tmp/x"));
//! // `metrics` is Falco's, not implemented here: a warning, with its position.
//! assert_eq!(loaded.warnings.len(), 1);
//! assert_eq!(loaded.warnings[0].to_string(),
//!     "falco.yaml:5:1: warning: 'metrics' is a Falco setting this build does not implement; ignored");
//!
//! let err = Config::from_yaml("falco.yaml", "json_output: maybe\n", &[]).unwrap_err();
//! assert_eq!(err.to_string(),
//!     "falco.yaml:1:14: error: 'json_output': expected a boolean (true or false), found 'maybe'");
//! # Ok::<(), falco::config::ConfigError>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use falco_rules::alert::AlertFormat;
use falco_rules::engine::RuleMatching;
use falco_rules::rules::{parse_documents, Mark, Node, NodeKind, Priority, SourceFile};

/// The rules file bundled with this crate (`rules/default_rules.yaml`),
/// loaded when none of Falco's default rules locations exist.
pub const DEFAULT_RULES: &str = include_str!("../rules/default_rules.yaml");

/// The name diagnostics give the bundled rules.
pub const DEFAULT_RULES_NAME: &str = "<bundled>/default_rules.yaml";

/// Falco's default `rules_files`, in load order.
pub const DEFAULT_RULES_FILES: [&str; 3] = [
    "/etc/falco/falco_rules.yaml",
    "/etc/falco/falco_rules.local.yaml",
    "/etc/falco/rules.d",
];

/// Falco's default configuration file.
pub const DEFAULT_CONFIG_FILE: &str = "/etc/falco/falco.yaml";

/// The whole configuration. Field names follow Falco's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `rules_files` (or the older `rules_file`): files and directories, in
    /// load order. See [`Config::rules_sources`].
    pub rules_files: Vec<PathBuf>,
    /// `json_output`: alerts as JSON objects instead of text lines.
    pub json_output: bool,
    /// `json_include_output_property`: the `output` key of JSON alerts.
    pub json_include_output_property: bool,
    /// `json_include_tags_property`: the `tags` key of JSON alerts.
    pub json_include_tags_property: bool,
    /// `json_include_message_property`: the `message` key of JSON alerts.
    pub json_include_message_property: bool,
    /// `json_include_output_fields_property`: the `output_fields` key.
    pub json_include_output_fields_property: bool,
    /// `time_format_iso_8601`: ISO 8601 UTC times in alerts and logs.
    pub time_format_iso_8601: bool,
    /// `priority`: the least severe priority a rule may have to be loaded.
    pub priority: Priority,
    /// `rule_matching`: `first` or `all`.
    pub rule_matching: RuleMatching,
    /// `buffered_outputs`: let outputs buffer instead of flushing each alert.
    pub buffered_outputs: bool,
    /// `outputs_queue`.
    pub outputs_queue: OutputsQueue,
    /// `stdout_output`.
    pub stdout_output: Toggle,
    /// `file_output`.
    pub file_output: FileOutput,
    /// `syslog_output`.
    pub syslog_output: Toggle,
    /// `program_output`.
    pub program_output: ProgramOutput,
    /// `http_output`.
    pub http_output: HttpOutput,
    /// `engine`: where events come from.
    pub engine: EngineConfig,
    /// `webserver`: the health and metrics endpoint.
    pub webserver: Webserver,
    /// `log_level`: the least severe message Falco's own log prints.
    pub log_level: Priority,
    /// `log_stderr`: log to standard error.
    pub log_stderr: bool,
    /// `log_syslog`: log to syslog.
    pub log_syslog: bool,
    /// `syscall_buf_size_preset` (deprecated since Falco 0.38): when set and
    /// the engine's own `buf_size_preset` is not, it is used for the engine
    /// (already applied to [`Config::engine`] after loading).
    pub syscall_buf_size_preset: Option<u16>,
}

/// `outputs_queue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutputsQueue {
    /// `capacity`: alerts the queue holds before it drops; 0 is unbounded.
    pub capacity: usize,
}

/// An output with only an `enabled` key (`stdout_output`, `syslog_output`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toggle {
    /// `enabled`.
    pub enabled: bool,
}

/// `file_output`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutput {
    /// `enabled`.
    pub enabled: bool,
    /// `keep_alive`: keep the file open, instead of opening and closing it
    /// for each alert.
    pub keep_alive: bool,
    /// `filename`: appended to.
    pub filename: PathBuf,
}

/// `program_output`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramOutput {
    /// `enabled`.
    pub enabled: bool,
    /// `keep_alive`: one long-lived child gets every alert, one per line,
    /// instead of one child per alert.
    pub keep_alive: bool,
    /// `program`: a shell command (`sh -c PROGRAM`); alerts go to its stdin.
    pub program: String,
}

/// `http_output`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpOutput {
    /// `enabled`.
    pub enabled: bool,
    /// `url`: where alerts are POSTed. This build speaks plain `http://`; an
    /// `https://` URL is a configuration error when the output is enabled.
    pub url: String,
    /// `user_agent`.
    pub user_agent: String,
    /// `insecure`: skip TLS verification (TLS only).
    pub insecure: bool,
    /// `ca_cert`: CA certificate file (TLS only).
    pub ca_cert: String,
    /// `ca_bundle`: CA bundle file (TLS only).
    pub ca_bundle: String,
    /// `ca_path`: CA directory (TLS only).
    pub ca_path: String,
    /// `mtls`: present a client certificate (TLS only).
    pub mtls: bool,
    /// `client_cert` (TLS only).
    pub client_cert: String,
    /// `client_key` (TLS only).
    pub client_key: String,
    /// `echo`: print the server's response on stdout.
    pub echo: bool,
    /// `compress_uploads`: in Falco this asks libcurl for a compressed
    /// transfer encoding of the *response*; the request body is never
    /// compressed. Accepted and ignored here.
    pub compress_uploads: bool,
    /// `keep_alive`: reuse one connection for every alert.
    pub keep_alive: bool,
}

/// `engine.kind`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EngineKind {
    /// `modern_ebpf`: the CO-RE eBPF probe (Falco's default).
    #[default]
    ModernEbpf,
    /// `kmod`: the kernel module.
    Kmod,
    /// `replay`: a capture file.
    Replay,
    /// `nodriver`: no syscall events at all.
    NoDriver,
}

impl EngineKind {
    /// The name in `falco.yaml`.
    pub fn name(self) -> &'static str {
        match self {
            EngineKind::ModernEbpf => "modern_ebpf",
            EngineKind::Kmod => "kmod",
            EngineKind::Replay => "replay",
            EngineKind::NoDriver => "nodriver",
        }
    }
}

/// `engine`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineConfig {
    /// `kind`.
    pub kind: EngineKind,
    /// `kmod`.
    pub kmod: Kmod,
    /// `modern_ebpf`.
    pub modern_ebpf: ModernEbpf,
    /// `replay`.
    pub replay: Replay,
}

/// `engine.kmod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kmod {
    /// `buf_size_preset`: ring buffer size per CPU, index into
    /// `[-, 1 MB, 2 MB, 4 MB, 8 MB, 16 MB, 32 MB, 64 MB, 128 MB, 256 MB, 512 MB]`.
    pub buf_size_preset: u16,
    /// `drop_failed_exit`: drop failed syscall exit events in the kernel.
    pub drop_failed_exit: bool,
}

/// `engine.modern_ebpf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModernEbpf {
    /// `cpus_for_each_buffer`: how many CPUs share one ring buffer (0: one
    /// buffer for all).
    pub cpus_for_each_buffer: u16,
    /// `buf_size_preset`: as [`Kmod::buf_size_preset`].
    pub buf_size_preset: u16,
    /// `drop_failed_exit`.
    pub drop_failed_exit: bool,
}

/// `engine.replay`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replay {
    /// `capture_file`: the `.scap` file to read (required with `kind: replay`).
    pub capture_file: PathBuf,
}

/// `webserver`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webserver {
    /// `enabled`.
    pub enabled: bool,
    /// `listen_port`.
    pub listen_port: u16,
    /// `listen_address`: an IPv4 or IPv6 address.
    pub listen_address: IpAddr,
    /// `k8s_healthz_endpoint`: the health check path.
    pub k8s_healthz_endpoint: String,
    /// `prometheus_metrics_enabled`: serve `/metrics`.
    pub prometheus_metrics_enabled: bool,
}

impl Default for Config {
    /// The values of Falco's stock `falco.yaml`.
    fn default() -> Config {
        Config {
            rules_files: DEFAULT_RULES_FILES.iter().map(PathBuf::from).collect(),
            json_output: false,
            json_include_output_property: true,
            json_include_tags_property: true,
            json_include_message_property: false,
            json_include_output_fields_property: true,
            time_format_iso_8601: false,
            priority: Priority::Debug,
            rule_matching: RuleMatching::First,
            buffered_outputs: false,
            outputs_queue: OutputsQueue { capacity: 0 },
            stdout_output: Toggle { enabled: true },
            file_output: FileOutput {
                enabled: false,
                keep_alive: false,
                filename: PathBuf::from("./events.txt"),
            },
            syslog_output: Toggle { enabled: true },
            program_output: ProgramOutput {
                enabled: false,
                keep_alive: false,
                program:
                    "jq '{text: .output}' | curl -d @- -X POST https://hooks.slack.com/services/XXX"
                        .into(),
            },
            http_output: HttpOutput {
                enabled: false,
                url: String::new(),
                user_agent: "falcosecurity/falco".into(),
                insecure: false,
                ca_cert: String::new(),
                ca_bundle: String::new(),
                ca_path: "/etc/ssl/certs".into(),
                mtls: false,
                client_cert: "/etc/ssl/certs/client.crt".into(),
                client_key: "/etc/ssl/certs/client.key".into(),
                echo: false,
                compress_uploads: false,
                keep_alive: false,
            },
            engine: EngineConfig {
                kind: EngineKind::ModernEbpf,
                kmod: Kmod {
                    buf_size_preset: 4,
                    drop_failed_exit: false,
                },
                modern_ebpf: ModernEbpf {
                    cpus_for_each_buffer: 2,
                    buf_size_preset: 4,
                    drop_failed_exit: false,
                },
                replay: Replay::default(),
            },
            webserver: Webserver {
                enabled: true,
                listen_port: 8765,
                listen_address: IpAddr::from([0, 0, 0, 0]),
                k8s_healthz_endpoint: "/healthz".into(),
                prometheus_metrics_enabled: false,
            },
            log_level: Priority::Informational,
            log_stderr: true,
            log_syslog: true,
            syscall_buf_size_preset: None,
        }
    }
}

/// Where a configuration value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Not set anywhere: the default.
    Default,
    /// A configuration file, at a position when known.
    File {
        /// The file's name as given.
        name: Arc<str>,
        /// The position of the value (or key) in the file.
        mark: Option<Mark>,
    },
    /// A `-o` option (its text, `key=value`).
    Option(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("<default>"),
            Origin::File { name, mark: None } => f.write_str(name),
            Origin::File {
                name,
                mark: Some(m),
            } => write!(f, "{name}:{}:{}", m.line, m.col),
            Origin::Option(o) => write!(f, "-o {o}"),
        }
    }
}

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The configuration is not used.
    Error,
    /// Worth telling; the configuration is used.
    Warning,
}

/// One problem with the configuration: `ORIGIN: error: MESSAGE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The dotted key the problem is about (empty for YAML syntax errors).
    pub key: String,
    /// What is wrong (it names the key).
    pub message: String,
    /// Where.
    pub origin: Origin,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.origin, self.message)
    }
}

/// A configuration that cannot be used: every error found, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The errors (at least one).
    pub errors: Vec<Diagnostic>,
}

impl fmt::Display for ConfigError {
    /// One error per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn one(key: &str, message: String, origin: Origin) -> ConfigError {
        ConfigError {
            errors: vec![Diagnostic {
                severity: Severity::Error,
                key: key.to_string(),
                message,
                origin,
            }],
        }
    }
}

/// A loaded configuration and the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// Unknown or unimplemented keys, deprecated keys.
    pub warnings: Vec<Diagnostic>,
}

impl Config {
    /// Reads the configuration file `path`, merges the files its
    /// `config_files` names (see [`Config::load_with_env`]), then applies the
    /// `-o` options.
    pub fn load(path: &Path, options: &[String]) -> Result<Loaded, ConfigError> {
        Config::load_with_env(path, options, &|v| std::env::var(v).ok())
    }

    /// As [`Config::load`], with `env` looking up the variables of `${VAR}`.
    ///
    /// `config_files` works as in Falco: each entry is a path, or a mapping
    /// `{path: P, strategy: append|override|add-only}`; a directory stands for
    /// its regular files in name order; paths that do not exist are skipped.
    /// Each included file is merged key by key at the top level: `append`
    /// (the default) appends sequences and replaces other values, `override`
    /// replaces, `add-only` only adds keys not set yet. `-o config_files...`
    /// options are applied before the merge, every other `-o` after it.
    pub fn load_with_env(
        path: &Path,
        options: &[String],
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Loaded, ConfigError> {
        let name = path.display().to_string();
        let mut root = read_tree(path, env)?;
        let (include_opts, other_opts): (Vec<String>, Vec<String>) = options
            .iter()
            .cloned()
            .partition(|o| o.starts_with(CONFIG_FILES_KEY));
        apply_options(&mut root, &include_opts)?;
        let merge_warnings = merge_config_files(&mut root, path, &name, env)?;
        apply_options(&mut root, &other_opts)?;
        let mut loaded = decode(&root)?;
        loaded.warnings.splice(0..0, merge_warnings);
        Ok(loaded)
    }

    /// Parses configuration YAML `text` (named `name` in diagnostics), then
    /// applies the `-o` options. `config_files` is not followed (as Falco
    /// does for configuration given as text).
    pub fn from_yaml(name: &str, text: &str, options: &[String]) -> Result<Loaded, ConfigError> {
        Config::from_yaml_with_env(name, text, options, &|v| std::env::var(v).ok())
    }

    /// As [`Config::from_yaml`], with `env` looking up the variables of
    /// `${VAR}`.
    pub fn from_yaml_with_env(
        name: &str,
        text: &str,
        options: &[String],
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Loaded, ConfigError> {
        let mut root = parse_tree(name, text, env)?;
        apply_options(&mut root, options)?;
        decode(&root)
    }

    /// The configuration with only `-o` options applied (no file), as Falco
    /// runs without a configuration file.
    pub fn from_options(options: &[String]) -> Result<Loaded, ConfigError> {
        let mut root = Item::empty_map(Origin::Default);
        apply_options(&mut root, options)?;
        decode(&root)
    }

    /// How alerts are formatted: the `json_include_*` and
    /// `time_format_iso_8601` options, with this host's name.
    pub fn alert_format(&self) -> AlertFormat {
        AlertFormat {
            time_format_iso_8601: self.time_format_iso_8601,
            include_output: self.json_include_output_property,
            include_output_fields: self.json_include_output_fields_property,
            include_tags: self.json_include_tags_property,
            include_message: self.json_include_message_property,
            ..AlertFormat::with_system_hostname()
        }
    }

    /// The rules to load, in order: [`rules_sources`] over `rules_files`,
    /// with the bundled rules when `rules_files` is Falco's default list and
    /// none of its paths exist.
    pub fn rules_sources(&self) -> Vec<RulesSource> {
        let is_default = self
            .rules_files
            .iter()
            .map(|p| p.as_os_str())
            .eq(DEFAULT_RULES_FILES.iter().map(std::ffi::OsStr::new));
        let mut out = rules_sources(&self.rules_files);
        if out.is_empty() && is_default {
            out.push(RulesSource::Bundled);
        }
        out
    }
}

/// One rules file to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesSource {
    /// A file on disk.
    File(PathBuf),
    /// The bundled [`DEFAULT_RULES`].
    Bundled,
}

impl RulesSource {
    /// The name diagnostics give it.
    pub fn name(&self) -> Cow<'_, str> {
        match self {
            RulesSource::File(p) => p.to_string_lossy(),
            RulesSource::Bundled => Cow::Borrowed(DEFAULT_RULES_NAME),
        }
    }

    /// Its content.
    pub fn read(&self) -> std::io::Result<Cow<'static, str>> {
        match self {
            RulesSource::File(p) => std::fs::read_to_string(p).map(Cow::Owned),
            RulesSource::Bundled => Ok(Cow::Borrowed(DEFAULT_RULES)),
        }
    }

    /// Loads it into `engine` (an unreadable file is a `LOAD_ERR_FILE_READ`
    /// error in the result).
    pub fn load_into(
        &self,
        engine: &mut falco_rules::engine::Engine,
    ) -> falco_rules::rules::LoadResult {
        match self {
            RulesSource::File(p) => engine.load_file(p),
            RulesSource::Bundled => engine.load_str(DEFAULT_RULES_NAME, DEFAULT_RULES),
        }
    }
}

/// Expands `rules_files` entries as Falco does: a path that does not exist
/// is skipped; a directory gives its regular files (symlinks followed) whose
/// names end in `.yaml` or `.yml`, sorted by path; a file is kept if its
/// name ends in `.yaml` or `.yml`.
pub fn rules_sources<P: AsRef<Path>>(paths: &[P]) -> Vec<RulesSource> {
    let is_yaml = |p: &Path| {
        let s = p.as_os_str().as_encoded_bytes();
        s.ends_with(b".yaml") || s.ends_with(b".yml")
    };
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        let Ok(meta) = std::fs::metadata(p) else {
            continue;
        };
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.is_file())
                .collect();
            files.sort();
            out.extend(
                files
                    .into_iter()
                    .filter(|f| is_yaml(f))
                    .map(RulesSource::File),
            );
        } else if is_yaml(p) {
            out.push(RulesSource::File(p.to_path_buf()));
        }
    }
    out
}

/// Falco's default rules search: the existing paths of
/// [`DEFAULT_RULES_FILES`] (directories expanded), or the bundled rules when
/// none exist.
pub fn default_rules_sources() -> Vec<RulesSource> {
    Config::default().rules_sources()
}

/// Replaces `${VAR}` in `value` as Falco does in configuration files: the
/// variable's value, or nothing when it is unset; `$${VAR}` gives a literal
/// `${VAR}`; a `${` without a closing `}` ends the expansion, leaving the
/// rest as written.
///
/// Two of Falco's quirks are not reproduced: a substituted value is not
/// expanded again, and a `$` not followed by `{` does not stop the expansion
/// of the rest of the value.
///
/// ```
/// use falco::config::expand_env;
/// let env = |v: &str| (v == "HOST").then(|| "example.org".to_string());
/// assert_eq!(expand_env("http://${HOST}:2801/", &env), "http://example.org:2801/");
/// assert_eq!(expand_env("${UNSET}x", &env), "x");
/// assert_eq!(expand_env("$${HOST}", &env), "${HOST}");
/// ```
pub fn expand_env(value: &str, env: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(body) = tail.strip_prefix("${") {
            let Some(end) = body.find('}') else {
                out.push_str(tail);
                return out;
            };
            if let Some(v) = env(&body[..end]) {
                out.push_str(&v);
            }
            rest = &body[end + 1..];
        } else if let Some(after) = tail.strip_prefix("$${") {
            if !after.contains('}') {
                out.push_str(tail);
                return out;
            }
            out.push_str("${");
            rest = after;
        } else {
            out.push('$');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------
// The value tree: the YAML nodes, with where each came from.

#[derive(Clone, Debug)]
enum Value {
    Null,
    Scalar(String),
    Seq(Vec<Item>),
    /// Pairs in file order; a repeated key keeps its first value (yaml-cpp's
    /// lookup), the repeats are dropped with a warning.
    Map(Vec<(String, Item)>),
}

#[derive(Clone, Debug)]
struct Item {
    value: Value,
    origin: Origin,
    /// Where the key of this value was written (for "unknown key" warnings).
    key_origin: Origin,
    /// Keys repeated in this mapping: (key, where).
    duplicates: Vec<(String, Origin)>,
}

impl Item {
    fn new(value: Value, origin: Origin) -> Item {
        Item {
            value,
            key_origin: origin.clone(),
            origin,
            duplicates: Vec::new(),
        }
    }

    fn empty_map(origin: Origin) -> Item {
        Item::new(Value::Map(Vec::new()), origin)
    }

    fn from_node(node: &Node, name: &Arc<str>, env: &dyn Fn(&str) -> Option<String>) -> Item {
        let at = |m: Mark| Origin::File {
            name: name.clone(),
            mark: Some(m),
        };
        match &node.kind {
            NodeKind::Null => Item::new(Value::Null, at(node.start)),
            NodeKind::Scalar(s) => {
                Item::new(Value::Scalar(expand_env(&s.text, env)), at(node.start))
            }
            NodeKind::Seq(items) => Item::new(
                Value::Seq(
                    items
                        .iter()
                        .map(|n| Item::from_node(n, name, env))
                        .collect(),
                ),
                at(node.start),
            ),
            NodeKind::Map(pairs) => {
                let mut out: Vec<(String, Item)> = Vec::new();
                let mut duplicates = Vec::new();
                for (k, v) in pairs {
                    let key = k.key_text();
                    if out.iter().any(|(o, _)| *o == key) {
                        duplicates.push((key, at(k.start)));
                        continue;
                    }
                    let mut item = Item::from_node(v, name, env);
                    item.key_origin = at(k.start);
                    out.push((key, item));
                }
                let mut item = Item::new(Value::Map(out), at(node.start));
                item.duplicates = duplicates;
                item
            }
        }
    }

    fn get(&self, key: &str) -> Option<&Item> {
        match &self.value {
            Value::Map(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The item at a dotted path of plain keys.
    fn path(&self, path: &str) -> Option<&Item> {
        path.split('.').try_fold(self, |item, k| item.get(k))
    }

    fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Scalar(_) => "a scalar",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

// ---------------------------------------------------------------------------
// `-o key=value`

/// One step of a `-o` key path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// `name`: a mapping key.
    Key(String),
    /// `[N]`: an index (yaml-cpp's `std::stoi`, so it may be negative).
    Index(i64),
    /// `[]`: a new element appended to a sequence.
    Append,
}

/// Parses a key path with the grammar of Falco's `yaml_helper::get_node`:
///
/// ```text
/// Key      := NodeKey ('.' NodeKey)*
/// NodeKey  := (Char | EscSeq)+ ('[' integer? ']')*
/// Char     := any character except '\', '.', '['
/// EscSeq   := '\' ('.' | '[' | ']' | '\')
/// ```
///
/// The error messages are Falco's, with its positions. Two differences,
/// both accepting what Falco's documentation promises: `a[1][2]` indexes
/// twice (Falco's parser rejects the second `[`), and a `[` without its `]`
/// is an error (Falco loops forever on it).
fn parse_key_path(key: &str) -> Result<Vec<Step>, String> {
    let bytes: Vec<char> = key.chars().collect();
    let mut steps = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    // Just after `]`: only `.`, `[` or the end may follow.
    let mut after_index = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\\' {
            let Some(&n) = bytes.get(i + 1) else {
                return Err(format!("Parsing error: trailing backslash at pos {i}"));
            };
            if !matches!(n, '.' | '[' | ']' | '\\') {
                return Err(format!(
                    "Parsing error: invalid escape sequence '\\{n}' at pos {i}"
                ));
            }
            if after_index {
                return Err(format!(
                    "Parsing error: expected '.' character at pos {}",
                    i - 1
                ));
            }
            cur.push(n);
            i += 2;
            continue;
        }
        match c {
            '.' => {
                if cur.is_empty() {
                    if !after_index {
                        return Err(format!("Parsing error: unexpected character at pos {i}"));
                    }
                } else {
                    steps.push(Step::Key(std::mem::take(&mut cur)));
                }
                after_index = false;
            }
            '[' => {
                if !cur.is_empty() {
                    steps.push(Step::Key(std::mem::take(&mut cur)));
                } else if !after_index {
                    return Err(format!("Parsing error: unexpected character at pos {i}"));
                }
                let Some(close) = bytes[i..].iter().position(|&b| b == ']') else {
                    return Err(format!("Parsing error: missing ']' for '[' at pos {i}"));
                };
                let idx: String = bytes[i + 1..i + close].iter().collect();
                steps.push(if idx.is_empty() {
                    Step::Append
                } else {
                    Step::Index(stoi(&idx).ok_or_else(|| {
                        format!("Parsing error: expected a numeric index, found '{idx}'")
                    })?)
                });
                i += close;
                after_index = true;
            }
            c => {
                if after_index {
                    return Err(format!(
                        "Parsing error: expected '.' character at pos {}",
                        i - 1
                    ));
                }
                cur.push(c);
            }
        }
        i += 1;
    }
    if !cur.is_empty() {
        steps.push(Step::Key(cur));
    }
    if steps.is_empty() {
        return Err("Parsing error: empty key".into());
    }
    Ok(steps)
}

/// C++'s `std::stoi`: leading white space, a sign, then the longest run of
/// decimal digits (`"1x"` is 1); `None` without digits or past `i32`.
fn stoi(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let v: i64 = rest[..digits].parse().ok()?;
    let v = if neg { -v } else { v };
    i32::try_from(v).ok().map(i64::from)
}

/// The key of Falco's configuration includes.
const CONFIG_FILES_KEY: &str = "config_files";

/// Reads and parses a configuration file.
fn read_tree(path: &Path, env: &dyn Fn(&str) -> Option<String>) -> Result<Item, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigError::one(
            "",
            format!("cannot read config file: {e}"),
            Origin::File {
                name: name.as_str().into(),
                mark: None,
            },
        )
    })?;
    parse_tree(&name, &text, env)
}

/// Parses configuration text into a tree (an empty file is an empty
/// mapping).
fn parse_tree(
    name: &str,
    text: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Item, ConfigError> {
    let file = SourceFile::new(name, text);
    let docs = parse_documents(&file).map_err(|e| {
        ConfigError::one(
            "",
            format!("invalid YAML: {}", e.message),
            Origin::File {
                name: name.into(),
                mark: Some(e.mark),
            },
        )
    })?;
    let name: Arc<str> = name.into();
    match docs.into_iter().find(|d| !d.is_null()) {
        None => Ok(Item::empty_map(Origin::File { name, mark: None })),
        Some(doc) => {
            let item = Item::from_node(&doc, &name, env);
            if !matches!(item.value, Value::Map(_)) {
                return Err(ConfigError::one(
                    "",
                    "the configuration must be a mapping of keys to values".into(),
                    item.origin,
                ));
            }
            Ok(item)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strategy {
    Append,
    Override,
    AddOnly,
}

/// Merges the files `config_files` names into `root` (see
/// [`Config::load_with_env`]). The included values keep their own file
/// positions, so the decoder's errors and warnings point into them.
fn merge_config_files(
    root: &mut Item,
    main: &Path,
    main_name: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Diagnostic>, ConfigError> {
    let mut warnings = Vec::new();
    let Some(list) = root.get(CONFIG_FILES_KEY).cloned() else {
        return Ok(warnings);
    };
    let err = |item: &Item, m: String| {
        ConfigError::one(
            CONFIG_FILES_KEY,
            format!("'{CONFIG_FILES_KEY}': {m}"),
            item.origin.clone(),
        )
    };
    // Falco reads a sequence, or a scalar as a one-entry sequence; anything
    // else gives no entries.
    let entries: Vec<Item> = match list.value {
        Value::Seq(items) => items,
        Value::Scalar(_) => vec![list.clone()],
        Value::Null | Value::Map(_) => Vec::new(),
    };
    let mut files: Vec<(PathBuf, Strategy)> = Vec::new();
    for e in &entries {
        let (path, strategy) = match &e.value {
            Value::Null => continue,
            Value::Scalar(p) => (p.clone(), Strategy::Append),
            Value::Map(_) => {
                let Some(Value::Scalar(p)) = e.get("path").map(|p| &p.value) else {
                    return Err(err(e, "an entry must have a 'path'".into()));
                };
                // Falco takes any other strategy as `append`; we say so.
                let strategy = match e.get("strategy") {
                    None => Strategy::Append,
                    Some(s) => match &s.value {
                        Value::Scalar(v) if v == "override" => Strategy::Override,
                        Value::Scalar(v) if v == "add-only" => Strategy::AddOnly,
                        Value::Scalar(v) if v == "append" => Strategy::Append,
                        _ => {
                            warnings.push(Diagnostic {
                                severity: Severity::Warning,
                                key: format!("{CONFIG_FILES_KEY}.strategy"),
                                message: format!(
                                    "'{CONFIG_FILES_KEY}': unknown strategy; 'append' is used (the strategies are append, override, add-only)"
                                ),
                                origin: s.origin.clone(),
                            });
                            Strategy::Append
                        }
                    },
                };
                (p.clone(), strategy)
            }
            Value::Seq(_) => {
                return Err(err(
                    e,
                    "expected a path or a mapping, found a sequence".into(),
                ))
            }
        };
        let p = PathBuf::from(&path);
        if p == main {
            return Err(err(
                e,
                format!("Config error: '{CONFIG_FILES_KEY}' directive tried to recursively include main config file: {main_name}."),
            ));
        }
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|d| d.path())
                .filter(|f| f.is_file())
                .collect();
            v.sort();
            files.extend(v.into_iter().map(|f| (f, strategy)));
        } else if meta.is_file() {
            files.push((p, strategy));
        }
    }
    for (path, strategy) in files {
        let included = read_tree(&path, env)?;
        let Value::Map(pairs) = included.value else {
            continue;
        };
        for (key, value) in pairs {
            if key == CONFIG_FILES_KEY {
                return Err(ConfigError::one(
                    CONFIG_FILES_KEY,
                    format!(
                        "Config error: '{CONFIG_FILES_KEY}' directive in included config file {}.",
                        path.display()
                    ),
                    value.key_origin,
                ));
            }
            let Value::Map(root_pairs) = &mut root.value else {
                continue;
            };
            let slot = root_pairs.iter_mut().find(|(k, _)| *k == key);
            match (strategy, slot) {
                (_, None) => root_pairs.push((key, value)),
                (Strategy::AddOnly, Some(_)) => {}
                // yaml-cpp's push_back: a null value becomes a sequence; a
                // scalar or a mapping cannot take items.
                (Strategy::Append, Some((_, old))) => {
                    if let Value::Seq(more) = &value.value {
                        match &mut old.value {
                            Value::Seq(items) => items.extend(more.iter().cloned()),
                            Value::Null => old.value = Value::Seq(more.clone()),
                            _ => {
                                return Err(ConfigError::one(
                                    &key,
                                    format!(
                                        "'{key}': appending to a non-sequence (the sequence of {})",
                                        path.display()
                                    ),
                                    old.origin.clone(),
                                ))
                            }
                        }
                    } else {
                        *old = value;
                    }
                }
                (Strategy::Override, Some((_, old))) => *old = value,
            }
        }
    }
    Ok(warnings)
}

fn apply_options(root: &mut Item, options: &[String]) -> Result<(), ConfigError> {
    let mut errors = Vec::new();
    for opt in options {
        if let Err(e) = apply_option(root, opt) {
            errors.extend(e.errors);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ConfigError { errors })
    }
}

fn apply_option(root: &mut Item, opt: &str) -> Result<(), ConfigError> {
    let origin = Origin::Option(opt.to_string());
    let Some((key, val)) = opt.split_once('=') else {
        return Err(ConfigError::one(
            "",
            format!("Error parsing config option \"{opt}\". Must be of the form key=val or key.subkey=val"),
            origin,
        ));
    };
    let fail = |m: String| {
        ConfigError::one(
            key,
            format!("Config error at key \"{key}\": {m}"),
            origin.clone(),
        )
    };
    let steps = parse_key_path(key).map_err(fail)?;
    let value = if val.starts_with('{') && val.ends_with('}') {
        let file = SourceFile::new(format!("-o {opt}"), val);
        let docs = parse_documents(&file)
            .map_err(|e| fail(format!("invalid YAML value: {}", e.message)))?;
        let name: Arc<str> = format!("-o {opt}").into();
        let node = docs.into_iter().next();
        let mut item = match node {
            Some(n) => Item::from_node(&n, &name, &|_| None),
            None => Item::new(Value::Null, origin.clone()),
        };
        reorigin(&mut item, &origin);
        item
    } else {
        Item::new(Value::Scalar(val.to_string()), origin.clone())
    };
    let node = walk(root, &steps, &origin).map_err(fail)?;
    let key_origin = node.key_origin.clone();
    *node = value;
    node.key_origin = key_origin;
    Ok(())
}

/// The node at `steps` below `node`, made as yaml-cpp's non-const
/// `operator[]` makes it (what Falco's `yaml_helper::set_scalar` and
/// `set_object` do):
///
/// - a key on a null node makes it a mapping; on a mapping, finds or adds
///   the key; on a sequence, turns the sequence into a mapping whose keys are
///   the indexes (`"0"`, `"1"`, ...) and adds the key; on a scalar, it is
///   yaml-cpp's error "operator[] call on a scalar";
/// - an index `N` on a null node or a sequence of at least `N` items gives
///   item `N` (appending when `N` is the length); past the end, or negative,
///   it turns the sequence into a mapping as above and adds the key `N`; on a
///   mapping it finds or adds the key `N`;
/// - `[]` appends a new item to a sequence (or makes one of a null node);
///   anything else is Falco's error "expected a numeric index, found ''".
fn walk<'a>(
    mut node: &'a mut Item,
    steps: &[Step],
    origin: &Origin,
) -> Result<&'a mut Item, String> {
    for step in steps {
        if let Value::Scalar(_) = node.value {
            if let Step::Append = step {
                return Err("Parsing error: expected a numeric index, found ''".into());
            }
            let key = match step {
                Step::Key(k) => k.clone(),
                Step::Index(i) => i.to_string(),
                Step::Append => String::new(),
            };
            let at = match &node.origin {
                Origin::File { mark: Some(m), .. } => {
                    format!("yaml-cpp: error at line {}, column {}: ", m.line, m.col)
                }
                _ => String::new(),
            };
            return Err(format!("{at}operator[] call on a scalar (key: \"{key}\")"));
        }
        if let Value::Null = node.value {
            node.value = match step {
                Step::Key(_) => Value::Map(Vec::new()),
                _ => Value::Seq(Vec::new()),
            };
        }
        // Steps a sequence cannot take turn it into a mapping.
        let to_map = match (&node.value, step) {
            (Value::Seq(_), Step::Key(_)) => true,
            (Value::Seq(items), Step::Index(i)) => *i < 0 || *i as usize > items.len(),
            _ => false,
        };
        if to_map {
            if let Value::Seq(items) = std::mem::replace(&mut node.value, Value::Null) {
                node.value = Value::Map(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (i.to_string(), v))
                        .collect(),
                );
            }
        }
        node = match (&mut node.value, step) {
            (Value::Seq(items), Step::Index(_) | Step::Append) => {
                let i = match step {
                    Step::Index(i) => *i as usize,
                    _ => items.len(),
                };
                if i == items.len() {
                    items.push(Item::new(Value::Null, origin.clone()));
                }
                &mut items[i]
            }
            (Value::Map(_), Step::Append) => {
                return Err("Parsing error: expected a numeric index, found ''".into());
            }
            (Value::Map(pairs), Step::Key(_) | Step::Index(_)) => {
                let pos = match step {
                    Step::Key(k) => pairs.iter().position(|(pk, _)| pk == k),
                    // yaml-cpp compares an integer key with the keys that
                    // read as that integer.
                    Step::Index(i) => pairs
                        .iter()
                        .position(|(pk, _)| pk.parse::<i64>().ok() == Some(*i)),
                    Step::Append => None,
                };
                let pos = match pos {
                    Some(p) => p,
                    None => {
                        let k = match step {
                            Step::Key(k) => k.clone(),
                            Step::Index(i) => i.to_string(),
                            Step::Append => String::new(),
                        };
                        pairs.push((k, Item::new(Value::Null, origin.clone())));
                        pairs.len() - 1
                    }
                };
                &mut pairs[pos].1
            }
            // Null and scalars were handled above; a sequence never meets a
            // key here (it became a mapping).
            (v, _) => {
                let t = match v {
                    Value::Null => "null",
                    Value::Scalar(_) => "a scalar",
                    Value::Seq(_) => "a sequence",
                    Value::Map(_) => "a mapping",
                };
                return Err(format!("cannot index {t}"));
            }
        };
    }
    Ok(node)
}

fn reorigin(item: &mut Item, origin: &Origin) {
    item.origin = origin.clone();
    item.key_origin = origin.clone();
    match &mut item.value {
        Value::Seq(items) => items.iter_mut().for_each(|i| reorigin(i, origin)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(_, i)| reorigin(i, origin)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Decoding

/// What we know about each key: implemented here, Falco's but not
/// implemented, or a section whose keys are checked one by one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    Ours,
    FalcoOnly,
    Section,
}

/// Every key we read, and every Falco key we know of (Falco 0.4x
/// `falco.yaml`, plus the deprecated keys older files still carry).
const KEYS: &[(&str, Known)] = &[
    ("rules_files", Known::Ours),
    ("rules_file", Known::Ours),
    ("json_output", Known::Ours),
    ("json_include_output_property", Known::Ours),
    ("json_include_tags_property", Known::Ours),
    ("json_include_message_property", Known::Ours),
    ("json_include_output_fields_property", Known::Ours),
    ("time_format_iso_8601", Known::Ours),
    ("priority", Known::Ours),
    ("rule_matching", Known::Ours),
    ("buffered_outputs", Known::Ours),
    ("outputs_queue", Known::Section),
    ("outputs_queue.capacity", Known::Ours),
    ("stdout_output", Known::Section),
    ("stdout_output.enabled", Known::Ours),
    ("syslog_output", Known::Section),
    ("syslog_output.enabled", Known::Ours),
    ("file_output", Known::Section),
    ("file_output.enabled", Known::Ours),
    ("file_output.keep_alive", Known::Ours),
    ("file_output.filename", Known::Ours),
    ("program_output", Known::Section),
    ("program_output.enabled", Known::Ours),
    ("program_output.keep_alive", Known::Ours),
    ("program_output.program", Known::Ours),
    ("http_output", Known::Section),
    ("http_output.enabled", Known::Ours),
    ("http_output.url", Known::Ours),
    ("http_output.user_agent", Known::Ours),
    ("http_output.insecure", Known::Ours),
    ("http_output.ca_cert", Known::Ours),
    ("http_output.ca_bundle", Known::Ours),
    ("http_output.ca_path", Known::Ours),
    ("http_output.mtls", Known::Ours),
    ("http_output.client_cert", Known::Ours),
    ("http_output.client_key", Known::Ours),
    ("http_output.echo", Known::Ours),
    ("http_output.compress_uploads", Known::Ours),
    ("http_output.keep_alive", Known::Ours),
    ("http_output.max_consecutive_timeouts", Known::FalcoOnly),
    ("engine", Known::Section),
    ("engine.kind", Known::Ours),
    ("engine.kmod", Known::Section),
    ("engine.kmod.buf_size_preset", Known::Ours),
    ("engine.kmod.drop_failed_exit", Known::Ours),
    ("engine.modern_ebpf", Known::Section),
    ("engine.modern_ebpf.cpus_for_each_buffer", Known::Ours),
    ("engine.modern_ebpf.buf_size_preset", Known::Ours),
    ("engine.modern_ebpf.drop_failed_exit", Known::Ours),
    ("engine.modern_ebpf.disable_iterators", Known::FalcoOnly),
    ("engine.replay", Known::Section),
    ("engine.replay.capture_file", Known::Ours),
    ("engine.ebpf", Known::FalcoOnly),
    ("engine.gvisor", Known::FalcoOnly),
    ("webserver", Known::Section),
    ("webserver.enabled", Known::Ours),
    ("webserver.listen_port", Known::Ours),
    ("webserver.listen_address", Known::Ours),
    ("webserver.k8s_healthz_endpoint", Known::Ours),
    ("webserver.prometheus_metrics_enabled", Known::Ours),
    ("webserver.threadiness", Known::FalcoOnly),
    ("webserver.ssl_enabled", Known::FalcoOnly),
    ("webserver.ssl_certificate", Known::FalcoOnly),
    ("log_level", Known::Ours),
    ("log_stderr", Known::Ours),
    ("log_syslog", Known::Ours),
    ("syscall_buf_size_preset", Known::Ours),
    ("config_files", Known::Ours),
    ("watch_config_files", Known::FalcoOnly),
    ("capture", Known::FalcoOnly),
    ("load_plugins", Known::FalcoOnly),
    ("plugins", Known::FalcoOnly),
    ("plugins_hostinfo", Known::FalcoOnly),
    ("buffer_format_base64", Known::FalcoOnly),
    ("append_output", Known::FalcoOnly),
    ("static_fields", Known::FalcoOnly),
    ("rules", Known::FalcoOnly),
    ("output_timeout", Known::FalcoOnly),
    ("libs_logger", Known::FalcoOnly),
    ("syscall_event_timeouts", Known::FalcoOnly),
    ("syscall_event_drops", Known::FalcoOnly),
    ("metrics", Known::FalcoOnly),
    ("base_syscalls", Known::FalcoOnly),
    ("falco_libs", Known::FalcoOnly),
    ("container_engines", Known::FalcoOnly),
    ("grpc", Known::FalcoOnly),
    ("grpc_output", Known::FalcoOnly),
    ("outputs", Known::FalcoOnly),
    ("modern_bpf", Known::FalcoOnly),
    ("syscall_drop_failed_exit", Known::FalcoOnly),
    ("metadata_download", Known::FalcoOnly),
];

fn known(path: &str) -> Option<Known> {
    KEYS.iter().find(|(k, _)| *k == path).map(|&(_, v)| v)
}

struct Decoder<'a> {
    root: &'a Item,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Decoder<'a> {
    fn error(&mut self, key: &str, item: &Item, message: String) {
        self.errors.push(Diagnostic {
            severity: Severity::Error,
            key: key.into(),
            message: format!("'{key}': {message}"),
            origin: item.origin.clone(),
        });
    }

    /// The scalar text at `key`: `None` when absent or null (the default
    /// stays), an error for a sequence or mapping.
    fn scalar(&mut self, key: &str) -> Option<(&'a str, &'a Item)> {
        let item = self.root.path(key)?;
        match &item.value {
            Value::Null => None,
            Value::Scalar(s) => Some((s.as_str(), item)),
            _ => {
                let t = item.type_name();
                self.error(key, item, format!("expected a single value, found {t}"));
                None
            }
        }
    }

    fn parse<T>(&mut self, key: &str, out: &mut T, f: impl Fn(&str) -> Result<T, String>) {
        if let Some((s, item)) = self.scalar(key) {
            match f(s) {
                Ok(v) => *out = v,
                Err(m) => self.error(key, item, m),
            }
        }
    }

    fn bool(&mut self, key: &str, out: &mut bool) {
        self.parse(key, out, parse_bool);
    }

    fn string(&mut self, key: &str, out: &mut String) {
        self.parse(key, out, |s| Ok(s.to_string()));
    }

    fn path(&mut self, key: &str, out: &mut PathBuf) {
        self.parse(key, out, |s| Ok(PathBuf::from(s)));
    }

    fn uint<T: TryFrom<u64>>(&mut self, key: &str, out: &mut T) {
        self.parse(key, out, |s| {
            let n = parse_uint(s)?;
            T::try_from(n).map_err(|_| format!("{n} is too large"))
        });
    }

    /// A sequence of strings, or one string (Falco reads a scalar as a
    /// one-item sequence).
    fn strings(&mut self, key: &str) -> Option<Vec<String>> {
        let item = self.root.path(key)?;
        match &item.value {
            Value::Null => Some(Vec::new()),
            Value::Scalar(s) => Some(vec![s.clone()]),
            Value::Seq(items) => {
                let mut out = Vec::new();
                for i in items {
                    match &i.value {
                        Value::Scalar(s) => out.push(s.clone()),
                        Value::Null => {}
                        _ => {
                            let t = i.type_name();
                            self.error(
                                key,
                                i,
                                format!("expected a list of paths, found {t} in it"),
                            );
                        }
                    }
                }
                Some(out)
            }
            Value::Map(_) => {
                self.error(
                    key,
                    item,
                    "expected a list of paths, found a mapping".into(),
                );
                None
            }
        }
    }

    /// Warns about every key of `item` (at dotted `prefix`) that is unknown or
    /// not implemented, and about repeated keys.
    fn check_keys(&mut self, item: &Item, prefix: &str) {
        for (k, o) in &item.duplicates {
            let path = join(prefix, k);
            self.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: path.clone(),
                message: format!("'{path}' is repeated; the first value is used"),
                origin: o.clone(),
            });
        }
        let Value::Map(pairs) = &item.value else {
            return;
        };
        for (k, v) in pairs {
            let path = join(prefix, k);
            let message = match known(&path) {
                Some(Known::Ours) => continue,
                Some(Known::Section) => {
                    if matches!(v.value, Value::Map(_)) {
                        self.check_keys(v, &path);
                    } else if !matches!(v.value, Value::Null) {
                        let t = v.type_name();
                        self.error(&path, v, format!("expected a mapping, found {t}"));
                    }
                    continue;
                }
                Some(Known::FalcoOnly) => {
                    format!("'{path}' is a Falco setting this build does not implement; ignored")
                }
                None => format!("unknown key '{path}'; ignored"),
            };
            self.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: path,
                message,
                origin: v.key_origin.clone(),
            });
        }
    }
}

fn join(prefix: &str, k: &str) -> String {
    if prefix.is_empty() {
        k.to_string()
    } else {
        format!("{prefix}.{k}")
    }
}

/// yaml-cpp's booleans: `true/false`, `yes/no`, `on/off`, `y/n`, in any case.
fn parse_bool(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "y" => Ok(true),
        "false" | "no" | "off" | "n" => Ok(false),
        _ => Err(format!("expected a boolean (true or false), found '{s}'")),
    }
}

/// A non-negative integer: decimal, or hexadecimal with `0x`.
fn parse_uint(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let r = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16),
        None => t.strip_prefix('+').unwrap_or(t).parse(),
    };
    r.map_err(|_| format!("expected a non-negative integer, found '{s}'"))
}

fn parse_priority(s: &str) -> Result<Priority, String> {
    s.parse().map_err(|_| {
        format!(
            "Unknown priority \"{s}\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug"
        )
    })
}

fn decode(root: &Item) -> Result<Loaded, ConfigError> {
    let mut c = Config::default();
    let mut d = Decoder {
        root,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    d.check_keys(root, "");

    // rules_files, or the deprecated rules_file.
    match (root.get("rules_files"), root.get("rules_file")) {
        (Some(_), Some(old)) => {
            d.error(
                "rules_file",
                old,
                "both 'rules_files' and 'rules_file' keys set".into(),
            );
        }
        (_, Some(old)) => {
            d.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: "rules_file".into(),
                message: "Using deprecated config key 'rules_file' (singular form). Please use new 'rules_files' config key (plural form).".into(),
                origin: old.key_origin.clone(),
            });
            if let Some(v) = d.strings("rules_file") {
                c.rules_files = v.into_iter().map(PathBuf::from).collect();
            }
        }
        _ => {
            if let Some(v) = d.strings("rules_files") {
                c.rules_files = v.into_iter().map(PathBuf::from).collect();
            }
        }
    }

    d.bool("json_output", &mut c.json_output);
    d.bool(
        "json_include_output_property",
        &mut c.json_include_output_property,
    );
    d.bool(
        "json_include_tags_property",
        &mut c.json_include_tags_property,
    );
    d.bool(
        "json_include_message_property",
        &mut c.json_include_message_property,
    );
    d.bool(
        "json_include_output_fields_property",
        &mut c.json_include_output_fields_property,
    );
    d.bool("time_format_iso_8601", &mut c.time_format_iso_8601);
    d.parse("priority", &mut c.priority, parse_priority);
    d.parse("rule_matching", &mut c.rule_matching, |s| match s {
        "first" => Ok(RuleMatching::First),
        "all" => Ok(RuleMatching::All),
        _ => Err(format!(
            "Unknown rule matching strategy \"{s}\"--must be one of first, all"
        )),
    });
    d.bool("buffered_outputs", &mut c.buffered_outputs);
    d.uint("outputs_queue.capacity", &mut c.outputs_queue.capacity);

    d.bool("stdout_output.enabled", &mut c.stdout_output.enabled);
    d.bool("syslog_output.enabled", &mut c.syslog_output.enabled);

    let f = &mut c.file_output;
    d.bool("file_output.enabled", &mut f.enabled);
    d.bool("file_output.keep_alive", &mut f.keep_alive);
    d.path("file_output.filename", &mut f.filename);
    if f.enabled && f.filename.as_os_str().is_empty() {
        let item = root.path("file_output").unwrap_or(root);
        d.error(
            "file_output.filename",
            item,
            "file output enabled but no filename in configuration block".into(),
        );
    }

    let p = &mut c.program_output;
    d.bool("program_output.enabled", &mut p.enabled);
    d.bool("program_output.keep_alive", &mut p.keep_alive);
    d.string("program_output.program", &mut p.program);
    if p.enabled && p.program.is_empty() {
        let item = root.path("program_output").unwrap_or(root);
        d.error(
            "program_output.program",
            item,
            "program output enabled but no program in configuration block".into(),
        );
    }

    let h = &mut c.http_output;
    d.bool("http_output.enabled", &mut h.enabled);
    d.string("http_output.url", &mut h.url);
    d.string("http_output.user_agent", &mut h.user_agent);
    d.bool("http_output.insecure", &mut h.insecure);
    d.string("http_output.ca_cert", &mut h.ca_cert);
    d.string("http_output.ca_bundle", &mut h.ca_bundle);
    d.string("http_output.ca_path", &mut h.ca_path);
    d.bool("http_output.mtls", &mut h.mtls);
    d.string("http_output.client_cert", &mut h.client_cert);
    d.string("http_output.client_key", &mut h.client_key);
    d.bool("http_output.echo", &mut h.echo);
    d.bool("http_output.compress_uploads", &mut h.compress_uploads);
    d.bool("http_output.keep_alive", &mut h.keep_alive);
    if h.enabled {
        let item = root
            .path("http_output.url")
            .or_else(|| root.path("http_output"))
            .unwrap_or(root);
        if h.url.is_empty() {
            d.error(
                "http_output.url",
                item,
                "http output enabled but no url in configuration block".into(),
            );
        } else if let Err(m) = crate::outputs::http::HttpTarget::parse(&h.url) {
            d.error("http_output.url", item, m);
        }
    }

    let e = &mut c.engine;
    d.parse("engine.kind", &mut e.kind, |s| match s {
        "modern_ebpf" => Ok(EngineKind::ModernEbpf),
        "kmod" => Ok(EngineKind::Kmod),
        "replay" => Ok(EngineKind::Replay),
        "nodriver" => Ok(EngineKind::NoDriver),
        _ => Err(format!(
            "'{s}' is not a valid kind (modern_ebpf, kmod, replay, nodriver)"
        )),
    });
    d.uint("engine.kmod.buf_size_preset", &mut e.kmod.buf_size_preset);
    d.bool("engine.kmod.drop_failed_exit", &mut e.kmod.drop_failed_exit);
    d.uint(
        "engine.modern_ebpf.cpus_for_each_buffer",
        &mut e.modern_ebpf.cpus_for_each_buffer,
    );
    d.uint(
        "engine.modern_ebpf.buf_size_preset",
        &mut e.modern_ebpf.buf_size_preset,
    );
    d.bool(
        "engine.modern_ebpf.drop_failed_exit",
        &mut e.modern_ebpf.drop_failed_exit,
    );
    d.path("engine.replay.capture_file", &mut e.replay.capture_file);
    if e.kind == EngineKind::Replay && e.replay.capture_file.as_os_str().is_empty() {
        let item = root.path("engine.kind").unwrap_or(root);
        d.error(
            "engine.replay.capture_file",
            item,
            "engine.kind is 'replay' but no engine.replay.capture_file specified".into(),
        );
    }

    let mut preset: u16 = 0;
    if d.scalar("syscall_buf_size_preset").is_some() {
        d.uint("syscall_buf_size_preset", &mut preset);
        c.syscall_buf_size_preset = Some(preset);
        if let Some(item) = root.get("syscall_buf_size_preset") {
            d.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: "syscall_buf_size_preset".into(),
                message:
                    "'syscall_buf_size_preset' is deprecated: use engine.<kind>.buf_size_preset"
                        .into(),
                origin: item.key_origin.clone(),
            });
        }
        if root.path("engine.kmod.buf_size_preset").is_none() {
            c.engine.kmod.buf_size_preset = preset;
        }
        if root.path("engine.modern_ebpf.buf_size_preset").is_none() {
            c.engine.modern_ebpf.buf_size_preset = preset;
        }
    }

    let w = &mut c.webserver;
    d.bool("webserver.enabled", &mut w.enabled);
    d.uint("webserver.listen_port", &mut w.listen_port);
    d.parse("webserver.listen_address", &mut w.listen_address, |s| {
        s.parse()
            .map_err(|_| format!("webserver listen address \"{s}\" is not a valid IP address"))
    });
    d.string(
        "webserver.k8s_healthz_endpoint",
        &mut w.k8s_healthz_endpoint,
    );
    d.bool(
        "webserver.prometheus_metrics_enabled",
        &mut w.prometheus_metrics_enabled,
    );

    d.parse("log_level", &mut c.log_level, |s| match s {
        "emergency" => Ok(Priority::Emergency),
        "alert" => Ok(Priority::Alert),
        "critical" => Ok(Priority::Critical),
        "error" => Ok(Priority::Error),
        "warning" => Ok(Priority::Warning),
        "notice" => Ok(Priority::Notice),
        "info" => Ok(Priority::Informational),
        "debug" => Ok(Priority::Debug),
        _ => Err(format!(
            "Unknown log level {s} (emergency, alert, critical, error, warning, notice, info, debug)"
        )),
    });
    d.bool("log_stderr", &mut c.log_stderr);
    d.bool("log_syslog", &mut c.log_syslog);

    if d.errors.is_empty() {
        Ok(Loaded {
            config: c,
            warnings: d.warnings,
        })
    } else {
        d.errors.sort_by_key(|e| origin_order(&e.origin));
        Err(ConfigError { errors: d.errors })
    }
}

/// Sort key: file positions in file order, then options, then the rest.
fn origin_order(o: &Origin) -> (u8, usize) {
    match o {
        Origin::File { mark: Some(m), .. } => (0, m.offset),
        Origin::File { mark: None, .. } => (0, 0),
        Origin::Option(_) => (1, 0),
        Origin::Default => (2, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str, opts: &[&str]) -> Result<Loaded, ConfigError> {
        let opts: Vec<String> = opts.iter().map(|s| s.to_string()).collect();
        Config::from_yaml_with_env("falco.yaml", yaml, &opts, &|v| match v {
            "FALCO_URL" => Some("http://sidekick:2801/".into()),
            "EMPTY" => Some(String::new()),
            _ => None,
        })
    }

    fn ok(yaml: &str, opts: &[&str]) -> Config {
        match load(yaml, opts) {
            Ok(l) => l.config,
            Err(e) => panic!("{e}"),
        }
    }

    fn err(yaml: &str, opts: &[&str]) -> String {
        match load(yaml, opts) {
            Ok(l) => panic!("expected an error, got {:?}", l.config),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn empty_file_is_falcos_stock_configuration() {
        assert_eq!(ok("", &[]), Config::default());
        assert_eq!(ok("# only comments\n", &[]), Config::default());
        assert_eq!(
            Config::from_options(&[]).map(|l| l.config),
            Ok(Config::default()).map_err(|e: ConfigError| e)
        );
    }

    #[test]
    fn defaults_are_the_shipped_falco_yaml_values() {
        let c = Config::default();
        assert_eq!(c.engine.kind, EngineKind::ModernEbpf);
        assert_eq!(c.engine.modern_ebpf.cpus_for_each_buffer, 2);
        assert_eq!(c.engine.modern_ebpf.buf_size_preset, 4);
        assert!(c.stdout_output.enabled && c.syslog_output.enabled);
        assert!(!c.file_output.enabled && !c.program_output.enabled && !c.http_output.enabled);
        assert_eq!(c.file_output.filename, PathBuf::from("./events.txt"));
        assert_eq!(c.http_output.user_agent, "falcosecurity/falco");
        assert_eq!(c.outputs_queue.capacity, 0);
        assert_eq!(c.priority, Priority::Debug);
        assert_eq!(c.log_level, Priority::Informational);
        assert_eq!(c.webserver.listen_port, 8765);
        assert_eq!(c.webserver.k8s_healthz_endpoint, "/healthz");
        assert_eq!(c.rules_files.len(), 3);
    }

    #[test]
    fn every_implemented_key_is_read() {
        let c = ok(
            r#"
rules_files: [/a.yaml, /b]
json_output: true
json_include_output_property: false
json_include_tags_property: false
json_include_message_property: true
json_include_output_fields_property: false
time_format_iso_8601: true
priority: Warning
rule_matching: all
buffered_outputs: true
outputs_queue: {capacity: 10}
stdout_output: {enabled: false}
syslog_output: {enabled: false}
file_output: {enabled: true, keep_alive: true, filename: /var/log/falco.txt}
program_output: {enabled: true, keep_alive: true, program: "cat >> /tmp/x"}
http_output:
  enabled: true
  url: http://localhost:2801/
  user_agent: me
  insecure: true
  ca_cert: /ca
  ca_bundle: /bundle
  ca_path: /path
  mtls: true
  client_cert: /cert
  client_key: /key
  echo: true
  compress_uploads: true
  keep_alive: true
engine:
  kind: replay
  kmod: {buf_size_preset: 6, drop_failed_exit: true}
  modern_ebpf: {cpus_for_each_buffer: 0, buf_size_preset: 7, drop_failed_exit: true}
  replay: {capture_file: /tmp/c.scap}
webserver:
  enabled: false
  listen_port: 9000
  listen_address: "::1"
  k8s_healthz_endpoint: /health
  prometheus_metrics_enabled: true
log_level: debug
log_stderr: false
log_syslog: false
"#,
            &[],
        );
        assert_eq!(
            c.rules_files,
            [PathBuf::from("/a.yaml"), PathBuf::from("/b")]
        );
        assert!(c.json_output && !c.json_include_output_property && !c.json_include_tags_property);
        assert!(c.json_include_message_property && !c.json_include_output_fields_property);
        assert!(c.time_format_iso_8601 && c.buffered_outputs);
        assert_eq!(c.priority, Priority::Warning);
        assert_eq!(c.rule_matching, RuleMatching::All);
        assert_eq!(c.outputs_queue.capacity, 10);
        assert!(!c.stdout_output.enabled && !c.syslog_output.enabled);
        assert_eq!(
            c.file_output,
            FileOutput {
                enabled: true,
                keep_alive: true,
                filename: "/var/log/falco.txt".into()
            }
        );
        assert_eq!(c.program_output.program, "cat >> /tmp/x");
        assert!(c.program_output.keep_alive);
        let h = &c.http_output;
        assert_eq!(
            (h.url.as_str(), h.user_agent.as_str()),
            ("http://localhost:2801/", "me")
        );
        assert!(h.insecure && h.mtls && h.echo && h.compress_uploads && h.keep_alive);
        assert_eq!(
            [
                &h.ca_cert,
                &h.ca_bundle,
                &h.ca_path,
                &h.client_cert,
                &h.client_key
            ],
            ["/ca", "/bundle", "/path", "/cert", "/key"]
        );
        assert_eq!(c.engine.kind, EngineKind::Replay);
        assert_eq!(
            c.engine.kmod,
            Kmod {
                buf_size_preset: 6,
                drop_failed_exit: true
            }
        );
        assert_eq!(
            c.engine.modern_ebpf,
            ModernEbpf {
                cpus_for_each_buffer: 0,
                buf_size_preset: 7,
                drop_failed_exit: true
            }
        );
        assert_eq!(c.engine.replay.capture_file, PathBuf::from("/tmp/c.scap"));
        assert!(!c.webserver.enabled && c.webserver.prometheus_metrics_enabled);
        assert_eq!(c.webserver.listen_port, 9000);
        assert_eq!(c.webserver.listen_address.to_string(), "::1");
        assert_eq!(c.webserver.k8s_healthz_endpoint, "/health");
        assert_eq!(c.log_level, Priority::Debug);
        assert!(!c.log_stderr && !c.log_syslog);
    }

    #[test]
    fn bad_values_name_the_key_and_its_position() {
        let cases: &[(&str, &str)] = &[
            ("json_output: maybe\n", "falco.yaml:1:14: error: 'json_output': expected a boolean (true or false), found 'maybe'"),
            ("priority: warn\n", "falco.yaml:1:11: error: 'priority': Unknown priority \"warn\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug"),
            ("engine:\n  kind: ebpf\n", "falco.yaml:2:9: error: 'engine.kind': 'ebpf' is not a valid kind (modern_ebpf, kmod, replay, nodriver)"),
            ("rule_matching: some\n", "falco.yaml:1:16: error: 'rule_matching': Unknown rule matching strategy \"some\"--must be one of first, all"),
            ("outputs_queue:\n  capacity: -1\n", "falco.yaml:2:13: error: 'outputs_queue.capacity': expected a non-negative integer, found '-1'"),
            ("webserver:\n  listen_port: 70000\n", "falco.yaml:2:16: error: 'webserver.listen_port': 70000 is too large"),
            ("webserver:\n  listen_address: localhost\n", "falco.yaml:2:19: error: 'webserver.listen_address': webserver listen address \"localhost\" is not a valid IP address"),
            ("json_output: [true]\n", "falco.yaml:1:14: error: 'json_output': expected a single value, found a sequence"),
            ("file_output: yes\n", "falco.yaml:1:14: error: 'file_output': expected a mapping, found a scalar"),
            ("log_level: verbose\n", "falco.yaml:1:12: error: 'log_level': Unknown log level verbose (emergency, alert, critical, error, warning, notice, info, debug)"),
            ("engine:\n  kind: replay\n", "falco.yaml:2:9: error: 'engine.replay.capture_file': engine.kind is 'replay' but no engine.replay.capture_file specified"),
            ("file_output:\n  enabled: true\n  filename: \"\"\n", "falco.yaml:2:3: error: 'file_output.filename': file output enabled but no filename in configuration block"),
            ("program_output:\n  enabled: true\n  program: \"\"\n", "falco.yaml:2:3: error: 'program_output.program': program output enabled but no program in configuration block"),
            ("http_output:\n  enabled: true\n", "falco.yaml:2:3: error: 'http_output.url': http output enabled but no url in configuration block"),
            ("rules_file: [a]\nrules_files: [b]\n", "falco.yaml:1:13: error: 'rules_file': both 'rules_files' and 'rules_file' keys set"),
            ("json_output: [\n", "falco.yaml:2:1: error: invalid YAML: while parsing a node, did not find expected node content"),
            ("- a\n- b\n", "falco.yaml:1:1: error: the configuration must be a mapping of keys to values"),
        ];
        for (yaml, want) in cases {
            assert_eq!(err(yaml, &[]), *want, "{yaml}");
        }
    }

    #[test]
    fn https_urls_are_a_clear_error_in_this_build() {
        let e = err(
            "http_output:\n  enabled: true\n  url: https://example.org/\n",
            &[],
        );
        assert!(
            e.starts_with("falco.yaml:3:8: error: 'http_output.url': https:// is not supported"),
            "{e}"
        );
        // Disabled, the URL is not checked.
        ok(
            "http_output:\n  enabled: false\n  url: https://example.org/\n",
            &[],
        );
    }

    #[test]
    fn every_error_is_reported_at_once_in_file_order() {
        let e = err("priority: warn\njson_output: maybe\n", &[]);
        assert_eq!(e.lines().count(), 2, "{e}");
        assert!(
            e.lines()
                .next()
                .is_some_and(|l| l.starts_with("falco.yaml:1:")),
            "{e}"
        );
    }

    #[test]
    fn yaml_booleans_in_any_spelling() {
        for (v, want) in [
            ("true", true),
            ("True", true),
            ("yes", true),
            ("on", true),
            ("false", false),
            ("NO", false),
            ("off", false),
            ("\"true\"", true),
        ] {
            assert_eq!(
                ok(&format!("json_output: {v}\n"), &[]).json_output,
                want,
                "{v}"
            );
        }
    }

    #[test]
    fn priority_is_case_insensitive_with_info_alias() {
        assert_eq!(
            ok("priority: INFO\n", &[]).priority,
            Priority::Informational
        );
        assert_eq!(ok("priority: Critical\n", &[]).priority, Priority::Critical);
    }

    #[test]
    fn falco_keys_we_do_not_implement_warn_with_their_position() {
        let l = load(
            "metrics:\n  enabled: true\nwebserver:\n  ssl_enabled: true\njson_ouput: true\nstdout_output:\n  enabled: true\n  colour: red\n",
            &[],
        )
        .expect("loads");
        let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "falco.yaml:1:1: warning: 'metrics' is a Falco setting this build does not implement; ignored",
                "falco.yaml:4:3: warning: 'webserver.ssl_enabled' is a Falco setting this build does not implement; ignored",
                "falco.yaml:5:1: warning: unknown key 'json_ouput'; ignored",
                "falco.yaml:8:3: warning: unknown key 'stdout_output.colour'; ignored",
            ]
        );
    }

    #[test]
    fn repeated_keys_keep_the_first_value_and_warn() {
        let l = load("json_output: true\njson_output: false\n", &[]).expect("loads");
        assert!(l.config.json_output);
        assert_eq!(
            l.warnings[0].to_string(),
            "falco.yaml:2:1: warning: 'json_output' is repeated; the first value is used"
        );
    }

    #[test]
    fn deprecated_rules_file_is_read_with_a_warning() {
        let l = load("rules_file:\n  - /etc/a.yaml\n", &[]).expect("loads");
        assert_eq!(l.config.rules_files, [PathBuf::from("/etc/a.yaml")]);
        assert!(l.warnings[0]
            .message
            .contains("deprecated config key 'rules_file'"));
        // A scalar is a one-item list, as in Falco.
        assert_eq!(
            ok("rules_files: /x.yaml\n", &[]).rules_files,
            [PathBuf::from("/x.yaml")]
        );
    }

    #[test]
    fn deprecated_syscall_buf_size_preset_applies_when_the_engine_does_not_say() {
        let c = ok(
            "syscall_buf_size_preset: 6\nengine:\n  kmod:\n    buf_size_preset: 2\n",
            &[],
        );
        assert_eq!(c.syscall_buf_size_preset, Some(6));
        assert_eq!(c.engine.modern_ebpf.buf_size_preset, 6);
        assert_eq!(c.engine.kmod.buf_size_preset, 2);
    }

    #[test]
    fn options_override_any_key_by_dotted_path() {
        let c = ok(
            "json_output: false\nengine:\n  kind: modern_ebpf\n",
            &[
                "json_output=true",
                "engine.kind=kmod",
                "file_output.filename=/tmp/x",
                "rules_files[]=/extra.yaml",
                "webserver.listen_port=1234",
            ],
        );
        assert!(c.json_output);
        assert_eq!(c.engine.kind, EngineKind::Kmod);
        assert_eq!(c.file_output.filename, PathBuf::from("/tmp/x"));
        assert_eq!(c.rules_files, [PathBuf::from("/extra.yaml")]);
        assert_eq!(c.webserver.listen_port, 1234);
    }

    #[test]
    fn options_index_append_and_set_objects() {
        let c = ok(
            "rules_files:\n  - /a.yaml\n  - /b.yaml\n",
            &[
                "rules_files[1]=/c.yaml",
                "rules_files[]=/d.yaml",
                "http_output={enabled: true, url: 'http://h:1/'}",
            ],
        );
        assert_eq!(
            c.rules_files,
            [PathBuf::from("/a.yaml"), "/c.yaml".into(), "/d.yaml".into()]
        );
        assert!(c.http_output.enabled);
        assert_eq!(c.http_output.url, "http://h:1/");
    }

    #[test]
    fn bad_options_are_errors_naming_the_option() {
        let cases: &[(&str, &str)] = &[
            ("json_output", "-o json_output: error: Error parsing config option \"json_output\". Must be of the form key=val or key.subkey=val"),
            ("json_output=maybe", "-o json_output=maybe: error: 'json_output': expected a boolean (true or false), found 'maybe'"),
            ("engine..kind=kmod", "-o engine..kind=kmod: error: Config error at key \"engine..kind\": Parsing error: unexpected character at pos 7"),
            ("rules_files[x]=a", "-o rules_files[x]=a: error: Config error at key \"rules_files[x]\": Parsing error: expected a numeric index, found 'x'"),
            // Past the end, yaml-cpp turns the sequence into a mapping, which
            // is not a list of paths (Falco reads it as no paths at all).
            ("rules_files[5]=a", "-o rules_files[5]=a: error: 'rules_files': expected a list of paths, found a mapping"),
            ("json_output.x=1", "-o json_output.x=1: error: Config error at key \"json_output.x\": yaml-cpp: error at line 1, column 14: operator[] call on a scalar (key: \"x\")"),
            ("a[0]b=1", "-o a[0]b=1: error: Config error at key \"a[0]b\": Parsing error: expected '.' character at pos 3"),
            (".a=1", "-o .a=1: error: Config error at key \".a\": Parsing error: unexpected character at pos 0"),
            ("[0]=1", "-o [0]=1: error: Config error at key \"[0]\": Parsing error: unexpected character at pos 0"),
            ("a.[0]=1", "-o a.[0]=1: error: Config error at key \"a.[0]\": Parsing error: unexpected character at pos 2"),
            ("a\\x=1", "-o a\\x=1: error: Config error at key \"a\\x\": Parsing error: invalid escape sequence '\\x' at pos 1"),
            ("a\\=1", "-o a\\=1: error: Config error at key \"a\\\": Parsing error: trailing backslash at pos 1"),
            ("a[=1", "-o a[=1: error: Config error at key \"a[\": Parsing error: missing ']' for '[' at pos 1"),
            ("json_output[]=1", "-o json_output[]=1: error: Config error at key \"json_output[]\": Parsing error: expected a numeric index, found ''"),
            ("webserver[]=1", "-o webserver[]=1: error: Config error at key \"webserver[]\": Parsing error: expected a numeric index, found ''"),
        ];
        for (o, want) in cases {
            let yaml = "json_output: false\nwebserver:\n  enabled: true\n";
            assert_eq!(err(yaml, &[o]), *want, "{o}");
        }
        // A scalar set by an earlier option has no position.
        let e = err("", &["v=1", "v.x=2"]);
        assert_eq!(e, "-o v.x=2: error: Config error at key \"v.x\": operator[] call on a scalar (key: \"x\")");
    }

    /// The tree in YAML flow style, keys in order.
    fn flow(item: &Item) -> String {
        match &item.value {
            Value::Null => "~".into(),
            Value::Scalar(s) => s.clone(),
            Value::Seq(items) => format!(
                "[{}]",
                items.iter().map(flow).collect::<Vec<_>>().join(", ")
            ),
            Value::Map(pairs) => format!(
                "{{{}}}",
                pairs
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", flow(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Every form of Falco's key paths, on the tree yaml-cpp would build
    /// (`yaml_helper::get_node` with `can_append`, then assignment).
    #[test]
    fn option_key_paths_build_the_tree_yaml_cpp_builds() {
        let base = "a: 1\ns: [x, y]\nm: {k: v}\nn:\nl: [{p: 1}, {p: 2}]\n";
        let cases: &[(&str, &str)] = &[
            (
                "a=2",
                "{a: 2, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "new.deep.key=v",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}], new: {deep: {key: v}}}",
            ),
            (
                "m.k2=w",
                "{a: 1, s: [x, y], m: {k: v, k2: w}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "n.k=w",
                "{a: 1, s: [x, y], m: {k: v}, n: {k: w}, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "n[0]=w",
                "{a: 1, s: [x, y], m: {k: v}, n: [w], l: [{p: 1}, {p: 2}]}",
            ),
            (
                "n[]=w",
                "{a: 1, s: [x, y], m: {k: v}, n: [w], l: [{p: 1}, {p: 2}]}",
            ),
            (
                "s[1]=z",
                "{a: 1, s: [x, z], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "s[2]=z",
                "{a: 1, s: [x, y, z], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "s[]=z",
                "{a: 1, s: [x, y, z], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "new[]=z",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}], new: [z]}",
            ),
            // Past the end or negative: the sequence becomes a mapping.
            (
                "s[3]=z",
                "{a: 1, s: {0: x, 1: y, 3: z}, m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "s[-1]=z",
                "{a: 1, s: {0: x, 1: y, -1: z}, m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            // A key on a sequence: the same (Falco's stock append_output).
            (
                "l.p=3",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: {0: {p: 1}, 1: {p: 2}, p: 3}}",
            ),
            // An index on a mapping is a key.
            (
                "m[0]=w",
                "{a: 1, s: [x, y], m: {k: v, 0: w}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "l[1].p=3",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 3}]}",
            ),
            (
                "l[].p=3",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}, {p: 3}]}",
            ),
            (
                "l[1]={q: 4}",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {q: 4}]}",
            ),
            ("l={}", "{a: 1, s: [x, y], m: {k: v}, n: ~, l: {}}"),
            // std::stoi reads the leading digits.
            (
                "s[1x]=z",
                "{a: 1, s: [x, z], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "a\\.b=2",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}], a.b: 2}",
            ),
            (
                "m.k\\[0\\]=w",
                "{a: 1, s: [x, y], m: {k: v, k[0]: w}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "a.=2",
                "{a: 2, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
            (
                "grid[0][1]=z",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}], grid: [{1: z}]}",
            ),
            (
                "grid[0][0]=z",
                "{a: 1, s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}], grid: [[z]]}",
            ),
            // The value is a string unless it is in braces.
            (
                "a=[1, 2]",
                "{a: [1, 2], s: [x, y], m: {k: v}, n: ~, l: [{p: 1}, {p: 2}]}",
            ),
        ];
        for (opt, want) in cases {
            let mut root = parse_tree("falco.yaml", base, &|_| None).expect("parses");
            apply_options(&mut root, &[opt.to_string()]).unwrap_or_else(|e| panic!("{opt}: {e}"));
            assert_eq!(flow(&root), *want, "{opt}");
        }
        // `a=[1, 2]` is one scalar, not a sequence.
        let mut root = parse_tree("falco.yaml", base, &|_| None).expect("parses");
        apply_options(&mut root, &["a=[1, 2]".to_string()]).expect("applies");
        assert!(matches!(
            root.get("a").map(|i| &i.value),
            Some(Value::Scalar(_))
        ));
    }

    #[test]
    fn escaped_dots_stay_in_the_key() {
        let l = load("", &["a\\.b=1"]).expect("loads");
        assert_eq!(l.warnings[0].key, "a.b");
    }

    #[test]
    fn env_variables_expand_in_file_values_not_in_options() {
        let c = ok(
            "http_output:\n  url: ${FALCO_URL}\n  user_agent: \"a${UNSET}b$${FALCO_URL}\"\nfile_output:\n  filename: /tmp/${EMPTY}x\n",
            &["program_output.program=echo ${FALCO_URL}"],
        );
        assert_eq!(c.http_output.url, "http://sidekick:2801/");
        assert_eq!(c.http_output.user_agent, "ab${FALCO_URL}");
        assert_eq!(c.file_output.filename, PathBuf::from("/tmp/x"));
        assert_eq!(c.program_output.program, "echo ${FALCO_URL}");
    }

    #[test]
    fn expand_env_edge_cases() {
        let env = |v: &str| (v == "A").then(|| "1".to_string());
        for (input, want) in [
            ("", ""),
            ("$", "$"),
            ("a$b ${A}", "a$b 1"),
            ("${A}${A}", "11"),
            ("${A", "${A"),
            ("$${A", "$${A"),
            ("é${A}é", "é1é"),
            ("${}", ""),
        ] {
            assert_eq!(expand_env(input, &env), want, "{input}");
        }
    }

    #[test]
    fn alert_format_follows_the_json_options() {
        let c = ok(
            "json_include_tags_property: false\ntime_format_iso_8601: true\n",
            &[],
        );
        let f = c.alert_format();
        assert!(!f.include_tags && f.time_format_iso_8601 && f.include_output);
    }

    #[test]
    fn rules_directories_expand_to_sorted_yaml_files_and_missing_paths_are_skipped() {
        let dir = std::env::temp_dir().join(format!("falco-config-test-{}", std::process::id()));
        let d = dir.join("rules.d");
        std::fs::create_dir_all(&d).expect("mkdir");
        for f in ["b.yaml", "a.yml", "c.txt", "0.yaml"] {
            std::fs::write(d.join(f), "[]").expect("write");
        }
        std::fs::create_dir_all(d.join("sub.yaml")).expect("mkdir");
        let main = dir.join("main.yaml");
        std::fs::write(&main, "[]").expect("write");
        let notes = dir.join("notes.txt");
        std::fs::write(&notes, "").expect("write");
        let got = rules_sources(&[main.clone(), dir.join("missing.yaml"), d.clone(), notes]);
        let want: Vec<RulesSource> = [main, d.join("0.yaml"), d.join("a.yml"), d.join("b.yaml")]
            .into_iter()
            .map(RulesSource::File)
            .collect();
        assert_eq!(got, want);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bundled_rules_only_stand_in_for_the_default_list() {
        let c = Config {
            rules_files: vec!["/nonexistent/rules.yaml".into()],
            ..Config::default()
        };
        assert!(c.rules_sources().is_empty());
        let bundled = RulesSource::Bundled;
        assert_eq!(bundled.name(), DEFAULT_RULES_NAME);
        assert!(bundled.read().is_ok_and(|t| t.contains("- rule:")));
    }
}

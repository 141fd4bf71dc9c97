//! The configuration's types and their defaults (the values of Falco's
//! stock `falco.yaml`), and the rules files it names.

use super::*;
/// The rules file bundled with this crate (`rules/default_rules.yaml`),
/// loaded when none of Falco's default rules locations exist.
pub const DEFAULT_RULES: &str = include_str!("../../rules/default_rules.yaml");

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
#[derive(Clone, Debug, PartialEq)]
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
    /// `metrics`.
    pub metrics: MetricsConfig,
    /// `output_timeout`: milliseconds an output may take on one alert before
    /// Falco's "output timeout" is logged (the other outputs go on).
    pub output_timeout: u32,
    /// `buffered_outputs`: let outputs buffer instead of flushing each alert.
    pub buffered_outputs: bool,
    /// `outputs_queue`.
    pub outputs_queue: OutputsQueueConfig,
    /// `stdout_output`.
    pub stdout_output: ToggleConfig,
    /// `file_output`.
    pub file_output: FileOutputConfig,
    /// `syslog_output`.
    pub syslog_output: ToggleConfig,
    /// `program_output`.
    pub program_output: ProgramOutputConfig,
    /// `http_output`.
    pub http_output: HttpOutputConfig,
    /// `engine`: where events come from.
    pub engine: EngineConfig,
    /// `webserver`: the health and metrics endpoint.
    pub webserver: WebserverConfig,
    /// `log_level`: the least severe message Falco's own log prints.
    pub log_level: Priority,
    /// `log_stderr`: log to standard error.
    pub log_stderr: bool,
    /// `log_syslog`: log to syslog.
    pub log_syslog: bool,
    /// `append_output`: text appended to the outputs of matching rules.
    pub append_output: Vec<AppendOutputConfig>,
    /// `syscall_event_drops`: what to do when the kernel side drops events.
    pub syscall_event_drops: SyscallEventDropsConfig,
    /// `rules`: rules enabled or disabled by name (with `*` wildcards) or
    /// by tag after loading, in order (Falco 0.39+). See [`RuleSelectionConfig`].
    pub rules: Vec<RuleSelectionConfig>,
    /// `syscall_buf_size_preset` (deprecated since Falco 0.38): when set and
    /// the engine's own `buf_size_preset` is not, it is used for the engine
    /// (already applied to [`Config::engine`] after loading).
    pub syscall_buf_size_preset: Option<u16>,
    /// The `plugins` entries that load, in order: those `load_plugins` names
    /// (in its order), or every entry when `load_plugins` is absent, as in
    /// Falco. Only the built-in `k8saudit` and `json` can run here; see
    /// [`PluginConfig`].
    pub plugins: Vec<PluginConfig>,
    /// `capture`: captures written when rules match.
    pub capture: CaptureConfig,
    /// `falco_libs`: the bounds of the host state.
    pub falco_libs: FalcoLibsConfig,
}

/// `capture.mode`: which matches start a capture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaptureMode {
    /// Matches of rules with `capture: true`.
    #[default]
    Rules,
    /// Matches of every rule.
    AllRules,
}

/// `capture`: when a rule matches, the events from that one on are written
/// to `PATH_PREFIX_<20-digit ts>_<20-digit evt.num>.scap` (gzip), until the
/// rule's `capture_duration` (or `default_duration`) of event time has
/// passed, extended by later matches, or the file reaches
/// `max_file_size_mb`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureConfig {
    /// `enabled`.
    pub enabled: bool,
    /// `path_prefix` (default `/tmp/falco`).
    pub path_prefix: String,
    /// `mode` (`rules` or `all_rules`).
    pub mode: CaptureMode,
    /// `default_duration` in milliseconds (default 5000).
    pub default_duration: u32,
    /// `max_file_size_mb` (0: no limit).
    pub max_file_size_mb: u64,
}

impl Default for CaptureConfig {
    fn default() -> CaptureConfig {
        CaptureConfig {
            enabled: false,
            path_prefix: "/tmp/falco".into(),
            mode: CaptureMode::Rules,
            default_duration: 5000,
            max_file_size_mb: 0,
        }
    }
}

/// One entry of `plugins` that `load_plugins` selects. No shared object is
/// ever loaded: `k8saudit` and `json` are built in (the `k8s_audit` source
/// and its `ka.*`/`jevt.*` fields) and `library_path` is only reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PluginConfig {
    /// `name`: the plugin (`k8saudit`, `json`).
    pub name: String,
    /// `library_path`: the shared object Falco would load (unused here).
    pub library_path: String,
    /// `init_config` as JSON text: a YAML mapping is converted to a JSON
    /// object, a string is kept as written (Falco's convention).
    pub init_config: String,
    /// `open_params`, trimmed: for `k8saudit`, the webhook URL
    /// (`http://:9765/k8s-audit`) or a file or directory to read.
    pub open_params: String,
}

/// `falco_libs`: how large the host state may grow and how often idle
/// threads are purged (see [`falco_events::state::StateLimits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FalcoLibsConfig {
    /// `thread_table_size`: the most threads the state keeps.
    pub thread_table_size: u32,
    /// `thread_table_auto_purging_interval_s`: seconds between purges of
    /// idle threads.
    pub thread_table_auto_purging_interval_s: u32,
    /// `thread_table_auto_purging_thread_timeout_s`: seconds without events
    /// after which a thread gone from `/proc` is purged.
    pub thread_table_auto_purging_thread_timeout_s: u32,
}

impl Default for FalcoLibsConfig {
    /// Falco's stock values: 262144 threads, a purge every 300 s of
    /// threads idle for 300 s.
    fn default() -> Self {
        FalcoLibsConfig {
            thread_table_size: 262_144,
            thread_table_auto_purging_interval_s: 300,
            thread_table_auto_purging_thread_timeout_s: 300,
        }
    }
}

impl FalcoLibsConfig {
    /// The state bounds these keys give (libs' fd-table bound unchanged).
    pub fn state_limits(&self) -> falco_events::state::StateLimits {
        const SEC: u64 = 1_000_000_000;
        falco_events::state::StateLimits {
            thread_table_size: self.thread_table_size as usize,
            thread_timeout_ns: u64::from(self.thread_table_auto_purging_thread_timeout_s) * SEC,
            purge_interval_ns: u64::from(self.thread_table_auto_purging_interval_s) * SEC,
            ..falco_events::state::StateLimits::default()
        }
    }
}

/// `outputs_queue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutputsQueueConfig {
    /// `capacity`: alerts the queue holds before it drops; 0 is unbounded.
    pub capacity: usize,
}

/// An output with only an `enabled` key (`stdout_output`, `syslog_output`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ToggleConfig {
    /// `enabled`.
    pub enabled: bool,
}

/// `file_output`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutputConfig {
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
pub struct ProgramOutputConfig {
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
pub struct HttpOutputConfig {
    /// `enabled`.
    pub enabled: bool,
    /// `url`: where alerts are POSTed, `http://` or `https://` (TLS through
    /// rustls).
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
    /// `compress_uploads`: send each body gzip-compressed
    /// (`Content-Encoding: gzip`).
    pub compress_uploads: bool,
    /// `keep_alive`: reuse one connection for every alert.
    pub keep_alive: bool,
    /// `max_consecutive_timeouts`: how many times an alert is sent again
    /// after a timeout before it is given up (Falco's default 5).
    pub max_consecutive_timeouts: u8,
}

/// `metrics`: Falco's periodic metrics snapshot (see [`crate::metrics`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricsConfig {
    /// `enabled`.
    pub enabled: bool,
    /// `interval`: a Prometheus duration (`1h`, `15m`, `100ms`), at least
    /// 100 ms.
    pub interval: std::time::Duration,
    /// `output_rule`: send the snapshot as the internal alert `Falco
    /// internal: metrics snapshot` (priority Informational).
    pub output_rule: bool,
    /// `output_file`: append each snapshot as a JSON line (empty: none).
    pub output_file: String,
    /// `rules_counters_enabled`: matches per rule.
    pub rules_counters_enabled: bool,
    /// `resource_utilization_enabled`: CPU and memory of the process.
    pub resource_utilization_enabled: bool,
    /// `kernel_event_counters_enabled`: the event source's counters.
    pub kernel_event_counters_enabled: bool,
    /// `convert_memory_to_mb`: memory in MB in the snapshot (bytes
    /// otherwise; Prometheus always has bytes).
    pub convert_memory_to_mb: bool,
    /// `include_empty_values`: rules that never matched too.
    pub include_empty_values: bool,
}

impl Default for MetricsConfig {
    /// The values of Falco's stock `falco.yaml`.
    fn default() -> MetricsConfig {
        MetricsConfig {
            enabled: false,
            interval: std::time::Duration::from_secs(3600),
            output_rule: true,
            output_file: String::new(),
            rules_counters_enabled: true,
            resource_utilization_enabled: true,
            kernel_event_counters_enabled: true,
            convert_memory_to_mb: true,
            include_empty_values: false,
        }
    }
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
    pub kmod: KmodConfig,
    /// `modern_ebpf`.
    pub modern_ebpf: ModernEbpfConfig,
    /// `replay`.
    pub replay: ReplayConfig,
}

/// `engine.kmod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KmodConfig {
    /// `buf_size_preset`: ring buffer size per CPU, index into
    /// `[-, 1 MB, 2 MB, 4 MB, 8 MB, 16 MB, 32 MB, 64 MB, 128 MB, 256 MB, 512 MB]`.
    pub buf_size_preset: u16,
    /// `drop_failed_exit`: drop failed syscall exit events in the kernel.
    pub drop_failed_exit: bool,
}

/// `engine.modern_ebpf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModernEbpfConfig {
    /// `cpus_for_each_buffer`: how many CPUs share one ring buffer (0: one
    /// buffer for all).
    pub cpus_for_each_buffer: u16,
    /// `buf_size_preset`: as [`KmodConfig::buf_size_preset`].
    pub buf_size_preset: u16,
    /// `drop_failed_exit`.
    pub drop_failed_exit: bool,
    /// `prefilter` (ours, default true): failed open-family calls on paths
    /// no active rule can match are left out in the kernel (see
    /// `falco_driver_bpf::Prefilter`); false writes every event.
    pub prefilter: bool,
}

/// `engine.replay`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayConfig {
    /// `capture_file`: the `.scap` file to read (required with `kind: replay`).
    pub capture_file: PathBuf,
    /// `threads` (ours): 2 (the default) reads and decodes the capture on a
    /// thread of its own while the main thread keeps the host state and
    /// runs the rules ([`falco_events::readahead`]); 1 (or 0) does it all on
    /// one thread. The alerts and their order are the same either way;
    /// more than 2 is taken as 2.
    pub threads: u16,
}

impl Default for ReplayConfig {
    fn default() -> Self {
        ReplayConfig {
            capture_file: PathBuf::new(),
            threads: 2,
        }
    }
}

/// `webserver`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebserverConfig {
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
    /// `ssl_enabled`: serve HTTPS.
    pub ssl_enabled: bool,
    /// `ssl_certificate`: one PEM file holding the private key and the
    /// certificate chain.
    pub ssl_certificate: PathBuf,
}

impl Default for Config {
    /// The values of Falco's stock `falco.yaml`.
    fn default() -> Config {
        Config {
            rules_files: DEFAULT_RULES_FILES.iter().map(PathBuf::from).collect(),
            plugins: Vec::new(),
            capture: CaptureConfig::default(),
            json_output: false,
            json_include_output_property: true,
            json_include_tags_property: true,
            json_include_message_property: false,
            json_include_output_fields_property: true,
            time_format_iso_8601: false,
            priority: Priority::Debug,
            rule_matching: RuleMatching::First,
            buffered_outputs: false,
            outputs_queue: OutputsQueueConfig { capacity: 0 },
            stdout_output: ToggleConfig { enabled: true },
            file_output: FileOutputConfig {
                enabled: false,
                keep_alive: false,
                filename: PathBuf::from("./events.txt"),
            },
            syslog_output: ToggleConfig { enabled: true },
            program_output: ProgramOutputConfig {
                enabled: false,
                keep_alive: false,
                program:
                    "jq '{text: .output}' | curl -d @- -X POST https://hooks.slack.com/services/XXX"
                        .into(),
            },
            http_output: HttpOutputConfig {
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
                max_consecutive_timeouts: 5,
            },
            engine: EngineConfig {
                kind: EngineKind::ModernEbpf,
                kmod: KmodConfig {
                    buf_size_preset: 4,
                    drop_failed_exit: false,
                },
                modern_ebpf: ModernEbpfConfig {
                    cpus_for_each_buffer: 2,
                    buf_size_preset: 4,
                    drop_failed_exit: false,
                    prefilter: true,
                },
                replay: ReplayConfig::default(),
            },
            webserver: WebserverConfig {
                enabled: true,
                listen_port: 8765,
                listen_address: IpAddr::from([0, 0, 0, 0]),
                k8s_healthz_endpoint: "/healthz".into(),
                prometheus_metrics_enabled: false,
                ssl_enabled: false,
                ssl_certificate: PathBuf::from("/etc/falco/falco.pem"),
            },
            output_timeout: 2000,
            metrics: MetricsConfig::default(),
            log_level: Priority::Informational,
            log_stderr: true,
            log_syslog: true,
            rules: Vec::new(),
            append_output: vec![AppendOutputConfig {
                suggested_output: true,
                ..AppendOutputConfig::default()
            }],
            syscall_event_drops: SyscallEventDropsConfig {
                actions: vec![DropAction::Log, DropAction::Alert],
                threshold: 0.1,
                rate: 0.03333,
                max_burst: 1.0,
                simulate_drops: false,
            },
            syscall_buf_size_preset: None,
            falco_libs: FalcoLibsConfig::default(),
        }
    }
}

/// One `append_output` entry: `{match: {source, tags, rule}, extra_output,
/// extra_fields, suggested_output}`.
///
/// `extra_output` is implemented (see
/// [`ExtraOutput`](falco_rules::engine::ExtraOutput)); `extra_fields` and
/// `suggested_output` (the container plugin's suggested fields) are not:
/// setting them gives a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppendOutputConfig {
    /// `match.source`: empty for any source.
    pub source: String,
    /// `match.tags`: the rule must have all of them.
    pub tags: Vec<String>,
    /// `match.rule`: empty for any rule.
    pub rule: String,
    /// `extra_output`: appended to the output, after a space.
    pub extra_output: String,
    /// `suggested_output` (not implemented).
    pub suggested_output: bool,
    /// Whether `extra_fields` is given (not implemented).
    pub has_extra_fields: bool,
}

impl AppendOutputConfig {
    /// The engine's form of the entry, when it has an `extra_output`.
    pub fn extra_output(&self) -> Option<falco_rules::engine::ExtraOutput> {
        (!self.extra_output.is_empty()).then(|| falco_rules::engine::ExtraOutput {
            source: self.source.clone(),
            tags: self.tags.clone(),
            rule: self.rule.clone(),
            format: self.extra_output.clone(),
        })
    }
}

/// `syscall_event_drops`: Falco's drop monitor. Once a second (of event
/// time) the drops of the last second are compared with the events; above
/// `threshold`, the `actions` run if the token bucket (`rate` tokens a
/// second, at most `max_burst`) has a token.
#[derive(Clone, Debug, PartialEq)]
pub struct SyscallEventDropsConfig {
    /// `actions`, in Falco's order (ignore, log, alert, exit), each once;
    /// `[Ignore]` when the list is empty.
    pub actions: Vec<DropAction>,
    /// `threshold`: the drop ratio (0 to 1) above which actions run.
    pub threshold: f64,
    /// `rate`: tokens gained per second.
    pub rate: f64,
    /// `max_burst`: the most tokens the bucket holds.
    pub max_burst: f64,
    /// `simulate_drops`: count one drop every second, with a threshold of 0
    /// (for testing the actions).
    pub simulate_drops: bool,
}

/// One of the `syscall_event_drops.actions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DropAction {
    /// `ignore`: nothing.
    Ignore,
    /// `log`: a debug log line.
    Log,
    /// `alert`: a `Falco internal: syscall event drop` alert.
    Alert,
    /// `exit`: stop with an error.
    Exit,
}

/// One entry of the `rules:` section: `{enable: {rule: NAME}}`,
/// `{disable: {tag: TAG}}`, ... (`-o 'rules[].disable.rule=*'`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSelectionConfig {
    /// `enable` (true) or `disable` (false).
    pub enable: bool,
    /// `rule`: a rule name, where `*` matches any run of characters
    /// (Falco's `matches_wildcard`); empty when not given.
    pub rule: String,
    /// `tag`: a tag, matched exactly; empty when not given.
    pub tag: String,
}

impl RuleSelectionConfig {
    /// Applies this entry to the rules loaded in `engine` (the name first,
    /// then the tag, as Falco); returns the number of rules it chose, or
    /// `None` when the engine's ruleset is already shared (see
    /// [`Engine::set_enabled`](falco_rules::engine::Engine::set_enabled)).
    ///
    /// ```
    /// use falco::config::RuleSelectionConfig;
    /// let s = RuleSelectionConfig { enable: false, rule: "Read*".into(), tag: String::new() };
    /// assert_eq!(s.to_string(), "Disabling rules with name: Read*");
    /// ```
    pub fn apply(&self, engine: &mut falco_rules::engine::Engine) -> Option<usize> {
        let mut n = 0;
        if !self.rule.is_empty() {
            n += engine.set_enabled(|r| matches_wildcard(&self.rule, &r.name), self.enable)?;
        }
        if !self.tag.is_empty() {
            n += engine.set_enabled(|r| r.tags.contains(&self.tag), self.enable)?;
        }
        Some(n)
    }
}

impl fmt::Display for RuleSelectionConfig {
    /// Falco's log line for the entry (one line per part when it has both a
    /// rule and a tag).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.enable { "Enabling" } else { "Disabling" };
        if !self.rule.is_empty() {
            write!(f, "{verb} rules with name: {}", self.rule)?;
            if !self.tag.is_empty() {
                f.write_str("\n")?;
            }
        }
        if !self.tag.is_empty() {
            write!(f, "{verb} rules with tag: {}", self.tag)?;
        }
        Ok(())
    }
}

/// Falco's `matches_wildcard`: `*` matches any run of characters, nothing
/// else is special. Like Falco's, the match after a `*` takes the first
/// occurrence of the next literal part and never backtracks, so `*ab`
/// does not match `abab`.
///
/// ```
/// use falco::config::matches_wildcard;
/// assert!(matches_wildcard("*", "anything"));
/// assert!(matches_wildcard("Read sensitive*", "Read sensitive file untrusted"));
/// assert!(matches_wildcard("*shell*", "Run shell untrusted"));
/// assert!(!matches_wildcard("Read", "Read sensitive file untrusted"));
/// assert!(!matches_wildcard("*ab", "abab"));
/// ```
pub fn matches_wildcard(pattern: &str, s: &str) -> bool {
    let Some(star) = pattern.find('*') else {
        return pattern == s;
    };
    if star == 0 {
        let rest = pattern.trim_start_matches('*');
        if rest.is_empty() {
            return true;
        }
        let lit = rest.split('*').next().unwrap_or("");
        match s.find(lit) {
            Some(at) => matches_wildcard(&rest[lit.len()..], &s[at + lit.len()..]),
            None => false,
        }
    } else {
        match (pattern.get(..star), s.get(..star)) {
            (Some(p), Some(h)) if p == h => matches_wildcard(&pattern[star..], &s[star..]),
            _ => false,
        }
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

/// Expands rules paths named explicitly (`-r`, a configured `rules_files`):
///
/// - a directory gives its regular files (symlinks followed) whose names end
///   in `.yaml` or `.yml`, sorted by path, as Falco does;
/// - a file is kept whatever its name (Falco drops a file whose name does
///   not end in `.yaml`/`.yml` without a word, so `-r x.rules` ran without
///   it);
/// - a path that does not exist, or a directory that cannot be read, is
///   kept as a file: loading it fails with Falco's "Could not open file P
///   for reading", naming it.
pub fn rules_sources<P: AsRef<Path>>(paths: &[P]) -> Vec<RulesSource> {
    let mut out = Vec::new();
    for p in paths {
        expand_rules_path(p.as_ref(), &mut out);
    }
    out
}

fn is_yaml(p: &Path) -> bool {
    let s = p.as_os_str().as_encoded_bytes();
    s.ends_with(b".yaml") || s.ends_with(b".yml")
}

fn expand_rules_path(p: &Path, out: &mut Vec<RulesSource>) {
    let is_dir = std::fs::metadata(p).is_ok_and(|m| m.is_dir());
    if !is_dir {
        out.push(RulesSource::File(p.to_path_buf()));
        return;
    }
    let Ok(entries) = std::fs::read_dir(p) else {
        out.push(RulesSource::File(p.to_path_buf()));
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|f| f.is_file() && is_yaml(f))
        .collect();
    files.sort();
    out.extend(files.into_iter().map(RulesSource::File));
}

/// The rules of Falco's default `rules_files` ([`DEFAULT_RULES_FILES`]), as
/// a fresh install has them: `/etc/falco/falco_rules.yaml`, or the bundled
/// default rules in its place when it does not exist; then
/// `/etc/falco/falco_rules.local.yaml` and the files of
/// `/etc/falco/rules.d` when they exist. A local file can thus append to
/// the default rules whether they are installed or bundled.
pub fn default_list_sources() -> Vec<RulesSource> {
    default_list_sources_under(Path::new("/"))
}

/// [`default_list_sources`] with the default paths taken under `root`
/// instead of `/` (`ROOT/etc/falco/falco_rules.yaml`, ...): for tests and
/// for checking an image's tree.
pub fn default_list_sources_under(root: &Path) -> Vec<RulesSource> {
    let mut out = Vec::new();
    for (i, p) in DEFAULT_RULES_FILES.iter().enumerate() {
        let p = root.join(p.trim_start_matches('/'));
        if p.exists() {
            expand_rules_path(&p, &mut out);
        } else if i == 0 {
            out.push(RulesSource::Bundled);
        }
    }
    out
}

/// Falco's default rules search: [`default_list_sources`].
pub fn default_rules_sources() -> Vec<RulesSource> {
    Config::default().rules_sources()
}

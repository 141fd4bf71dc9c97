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
//! let yaml = "json_output: true\npriority: warning\nengine:\n  kind: kmod\ngrpc:\n  enabled: true\n";
//! let loaded = Config::from_yaml("falco.yaml", yaml, &["file_output.filename=/tmp/x".to_string()])?;
//! let c = &loaded.config;
//! assert!(c.json_output);
//! assert_eq!(c.priority, Priority::Warning);
//! assert_eq!(c.engine.kind, EngineKind::Kmod);
//! assert_eq!(c.file_output.filename.to_str(), Some("/tmp/x"));
//! // `grpc` is Falco's, not implemented here: a warning, with its position.
//! assert_eq!(loaded.warnings.len(), 1);
//! assert_eq!(loaded.warnings[0].to_string(),
//!     "falco.yaml:5:1: warning: 'grpc' is a Falco setting this build does not implement; ignored");
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

mod decode;
mod diagnostics;
mod include;
mod keys;
mod options;
mod tree;
mod types;

use decode::*;
pub use diagnostics::*;
use include::*;
use keys::*;
use options::*;
pub use tree::expand_env;
use tree::*;
pub use types::*;

/// Every key path the configuration reader accepts without calling it
/// unknown, dotted (`http_output.url`), with whether this build implements
/// it (`true`) or accepts it with a warning and ignores it (`false`).
/// Sections whose keys are checked one by one (`http_output`) are listed
/// as implemented. Keys inside sequence entries (`plugins[].name`,
/// `rules[].enable`) are not listed.
pub fn accepted_keys() -> impl Iterator<Item = (&'static str, bool)> {
    KEYS.iter().map(|&(k, v)| (k, v != Known::FalcoOnly))
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

    /// The rules to load, in order: [`default_list_sources`] when
    /// `rules_files` is Falco's default list, else [`rules_sources`] over
    /// `rules_files` (a missing file is then an error when loaded).
    pub fn rules_sources(&self) -> Vec<RulesSource> {
        let is_default = self
            .rules_files
            .iter()
            .map(|p| p.as_os_str())
            .eq(DEFAULT_RULES_FILES.iter().map(std::ffi::OsStr::new));
        if is_default {
            default_list_sources()
        } else {
            rules_sources(&self.rules_files)
        }
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
    fn plugins_are_read_as_falco_reads_them() {
        let yaml = "plugins:\n  - name: k8saudit\n    library_path: libk8saudit.so\n    init_config:\n      maxEventSize: 262144\n      sslCertificate: /etc/falco/falco.pem\n      useAsync: false\n    open_params: \"  http://:9765/k8s-audit \"\n  - name: json\n    library_path: libjson.so\n    init_config: \"\"\n";
        // Without load_plugins every entry loads, in file order.
        let c = ok(yaml, &[]);
        assert_eq!(c.plugins.len(), 2);
        let k = &c.plugins[0];
        assert_eq!(k.open_params, "http://:9765/k8s-audit");
        let init: serde_json::Value = serde_json::from_str(&k.init_config).unwrap();
        assert_eq!(
            init,
            serde_json::json!({"maxEventSize": 262144, "sslCertificate": "/etc/falco/falco.pem", "useAsync": false})
        );
        assert_eq!(c.plugins[1].init_config, "");
        // load_plugins selects, in its own order; empty loads none.
        let c = ok(&format!("load_plugins: [json, k8saudit]\n{yaml}"), &[]);
        let names: Vec<&str> = c.plugins.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["json", "k8saudit"]);
        assert!(ok(&format!("load_plugins: []\n{yaml}"), &[])
            .plugins
            .is_empty());
        // A name with no entry is an error at load_plugins' position.
        let e = err(&format!("load_plugins: [k8saudit, nope]\n{yaml}"), &[]);
        assert!(
            e.contains("falco.yaml:1:")
                && e.contains("Cannot load plugin 'nope': plugin config not found for given name"),
            "{e}"
        );
        let e = err("plugins:\n  - name: x\n", &[]);
        assert!(e.contains("plugin 'x' has no 'library_path'"), "{e}");
        // No "not implemented" warning for the two keys any more.
        let l = load(&format!("load_plugins: [k8saudit]\n{yaml}"), &[]).unwrap();
        assert!(l.warnings.is_empty(), "{:?}", l.warnings);
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
  modern_ebpf: {cpus_for_each_buffer: 0, buf_size_preset: 7, drop_failed_exit: true, prefilter: false}
  replay: {capture_file: /tmp/c.scap, threads: 1}
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
            FileOutputConfig {
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
            KmodConfig {
                buf_size_preset: 6,
                drop_failed_exit: true
            }
        );
        assert_eq!(
            c.engine.modern_ebpf,
            ModernEbpfConfig {
                cpus_for_each_buffer: 0,
                buf_size_preset: 7,
                drop_failed_exit: true,
                prefilter: false,
            }
        );
        assert_eq!(c.engine.replay.capture_file, PathBuf::from("/tmp/c.scap"));
        assert_eq!(c.engine.replay.threads, 1);
        assert_eq!(Config::default().engine.replay.threads, 2);
        assert!(!c.webserver.enabled && c.webserver.prometheus_metrics_enabled);
        assert_eq!(c.webserver.listen_port, 9000);
        assert_eq!(c.webserver.listen_address.to_string(), "::1");
        assert_eq!(c.webserver.k8s_healthz_endpoint, "/health");
        assert_eq!(c.log_level, Priority::Debug);
        assert!(!c.log_stderr && !c.log_syslog);
    }

    /// `falco_libs` bounds the host state: the stock values, then each key.
    #[test]
    fn falco_libs_keys_bound_the_host_state() {
        let stock = load("{}\n", &[]).unwrap().config;
        let l = stock.falco_libs.state_limits();
        assert_eq!(
            (
                l.thread_table_size,
                l.purge_interval_ns,
                l.thread_timeout_ns
            ),
            (262_144, 300_000_000_000, 300_000_000_000)
        );
        let yaml = "falco_libs:\n  thread_table_size: 1000\n  thread_table_auto_purging_interval_s: 60\n  thread_table_auto_purging_thread_timeout_s: 30\n  snaplen: 80\n";
        let loaded = load(yaml, &[]).unwrap();
        let l = loaded.config.falco_libs.state_limits();
        assert_eq!(
            (
                l.thread_table_size,
                l.purge_interval_ns,
                l.thread_timeout_ns
            ),
            (1000, 60_000_000_000, 30_000_000_000)
        );
        assert_eq!(l.fd_table_size, 4096);
        let o = load("{}\n", &["falco_libs.thread_table_size=7"]).unwrap();
        assert_eq!(o.config.falco_libs.thread_table_size, 7);
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
            ("falco_libs:\n  thread_table_size: -5\n", "falco.yaml:2:22: error: 'falco_libs.thread_table_size': expected a non-negative integer, found '-5'"),
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
    fn https_urls_are_accepted_and_other_schemes_are_errors() {
        let c = ok(
            "http_output:\n  enabled: true\n  url: https://example.org/\n  max_consecutive_timeouts: 2\noutput_timeout: 500\n",
            &[],
        );
        assert_eq!(c.http_output.url, "https://example.org/");
        assert_eq!(c.http_output.max_consecutive_timeouts, 2);
        assert_eq!(c.output_timeout, 500);
        let e = err(
            "http_output:\n  enabled: true\n  url: ftp://example.org/\n",
            &[],
        );
        assert!(
            e.starts_with(
                "falco.yaml:3:8: error: 'http_output.url': expected an http:// or https:// URL"
            ),
            "{e}"
        );
        // Disabled, the URL is not checked.
        ok(
            "http_output:\n  enabled: false\n  url: ftp://example.org/\n",
            &[],
        );
        let c = ok(
            "webserver:\n  ssl_enabled: true\n  ssl_certificate: /tmp/x.pem\n",
            &[],
        );
        assert!(c.webserver.ssl_enabled);
        assert_eq!(c.webserver.ssl_certificate, PathBuf::from("/tmp/x.pem"));
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
            "grpc:\n  enabled: true\nwebserver:\n  threadiness: 2\njson_ouput: true\nstdout_output:\n  enabled: true\n  colour: red\n",
            &[],
        )
        .expect("loads");
        let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "falco.yaml:1:1: warning: 'grpc' is a Falco setting this build does not implement; ignored",
                "falco.yaml:4:3: warning: 'webserver.threadiness' is a Falco setting this build does not implement; ignored",
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
    fn rules_directories_expand_to_sorted_yaml_files_and_named_files_are_kept() {
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
        let missing = dir.join("missing.rules");
        let got = rules_sources(&[main.clone(), missing.clone(), d.clone(), notes.clone()]);
        // Named files are kept whatever their name (a missing one fails
        // when loaded); a directory gives its .yaml/.yml files in order.
        let want: Vec<RulesSource> = [
            main,
            missing,
            d.join("0.yaml"),
            d.join("a.yml"),
            d.join("b.yaml"),
            notes,
        ]
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
        assert_eq!(
            c.rules_sources(),
            [RulesSource::File("/nonexistent/rules.yaml".into())]
        );
        let bundled = RulesSource::Bundled;
        assert_eq!(bundled.name(), DEFAULT_RULES_NAME);
        assert!(bundled.read().is_ok_and(|t| t.contains("- rule:")));
    }
}

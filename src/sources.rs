//! Which event sources the daemon runs, as Falco decides it.
//!
//! The `syscall` source is always loaded. `load_plugins`/`plugins` may add
//! Falco's `k8saudit` and `json` plugins: here they are built in (the
//! [`falco_k8saudit`] crate), so their configuration works unchanged but no
//! shared object is ever loaded (`library_path` is only reported). The
//! `container` plugin is accepted too: its fields are the syscall source's
//! own. Any other plugin name is refused with a clear message. `--enable-source` and
//! `--disable-source` then choose among the loaded sources, with Falco's
//! rules and messages; they mean nothing when replaying a capture.
//!
//! ```
//! use falco::config::{Config, PluginConfig};
//! use falco::sources::SourcePlan;
//! let mut cfg = Config::default();
//! cfg.plugins = vec![PluginConfig {
//!     name: "k8saudit".into(),
//!     library_path: "libk8saudit.so".into(),
//!     init_config: String::new(),
//!     open_params: "http://:9765/k8s-audit".into(),
//! }];
//! let plan = SourcePlan::new(&cfg, &[], &["syscall".to_string()]).unwrap();
//! assert_eq!(plan.loaded(), ["syscall", "k8s_audit"]);
//! assert_eq!(plan.enabled(), ["k8s_audit"]);
//! ```

use falco_events::SyscallSource;
use falco_k8saudit::input::OpenParams;
use falco_k8saudit::pipeline::PluginConfig as K8sInitConfig;
use falco_k8saudit::K8sAuditSource;
use falco_rules::engine::{Engine, UnknownSources};

use crate::config::{Config, PluginConfig};

/// The syscall source's name.
pub const SYSCALL: &str = "syscall";
/// The Kubernetes audit source's name.
pub const K8S_AUDIT: &str = falco_k8saudit::SOURCE_NAME;
/// The plugins built into this build, in place of Falco's shared objects.
pub const BUILTIN_PLUGINS: &[&str] = &["k8saudit", "json", "container"];

/// Why the sources cannot be set up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourcesError {
    /// A `plugins` entry names a plugin that is not built in.
    #[error("cannot load plugin '{name}' (library_path {library_path}): this build loads no shared objects; its built-in plugins are k8saudit, json and container")]
    UnknownPlugin {
        /// The plugin's name.
        name: String,
        /// Its configured shared object.
        library_path: String,
    },
    /// The `k8saudit` plugin's `init_config` is not what it accepts.
    #[error("plugin 'k8saudit': init_config: {0}")]
    InitConfig(serde_json::Error),
    /// The `k8saudit` plugin's `open_params` cannot be used.
    #[error("plugin 'k8saudit': {0}")]
    OpenParams(falco_k8saudit::input::InputError),
    /// Both `--enable-source` and `--disable-source` were given.
    #[error("You can not mix --enable-source and --disable-source")]
    Mixed,
    /// `--enable-source` names a source that is not loaded.
    #[error("Attempted enabling an unknown event source: {0}")]
    UnknownEnabled(String),
    /// `--disable-source` names a source that is not loaded.
    #[error("Attempted disabling an unknown event source: {0}")]
    UnknownDisabled(String),
    /// Every loaded source was disabled.
    #[error("Must enable at least one event source")]
    NoneEnabled,
}

/// The `k8saudit` plugin's settings, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct K8sAuditPlan {
    /// `init_config`, with the plugin's defaults.
    pub init: K8sInitConfig,
    /// `open_params`: the webhook or a file (the plugin's default webhook
    /// `http://:9765/k8s-audit` when empty).
    pub open: OpenParams,
    /// Whether the `json` plugin is loaded too (its `json.*`/`jevt.*` fields
    /// and its `required_plugin_versions` entry).
    pub with_json: bool,
}

/// The loaded and enabled sources, and the built-in plugins' settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePlan {
    loaded: Vec<String>,
    enabled: Vec<String>,
    k8saudit: Option<K8sAuditPlan>,
    plugins: Vec<PluginConfig>,
}

/// The `container` plugin version whose fields the syscall source provides.
const CONTAINER_PLUGIN_VERSION: &str = "0.4.0";

/// The version of the Falco plugin a built-in one stands for (`""` for a
/// name that is not built in).
fn builtin_plugin_version(name: &str) -> &'static str {
    falco_k8saudit::PROVIDED_PLUGINS
        .iter()
        .chain(&[("container", CONTAINER_PLUGIN_VERSION)])
        .find(|(n, _)| *n == name)
        .map_or("", |(_, v)| v)
}

/// The webhook address the k8saudit plugin listens on by default.
pub const DEFAULT_K8SAUDIT_OPEN_PARAMS: &str = "http://:9765/k8s-audit";

impl SourcePlan {
    /// Reads the plugins `cfg` loads and applies `--enable-source`
    /// (`enable`) or `--disable-source` (`disable`), as Falco does.
    pub fn new(
        cfg: &Config,
        enable: &[String],
        disable: &[String],
    ) -> Result<SourcePlan, SourcesError> {
        let mut loaded = vec![SYSCALL.to_string()];
        let mut k8saudit = None;
        let with_json = cfg.plugins.iter().any(|p| p.name == "json");
        for p in &cfg.plugins {
            match p.name.as_str() {
                "k8saudit" => {
                    let init = K8sInitConfig::from_json(&p.init_config)
                        .map_err(SourcesError::InitConfig)?;
                    let params = if p.open_params.is_empty() {
                        DEFAULT_K8SAUDIT_OPEN_PARAMS
                    } else {
                        &p.open_params
                    };
                    let open = OpenParams::parse(params).map_err(SourcesError::OpenParams)?;
                    k8saudit = Some(K8sAuditPlan {
                        init,
                        open,
                        with_json,
                    });
                    if !loaded.iter().any(|s| s == K8S_AUDIT) {
                        loaded.push(K8S_AUDIT.to_string());
                    }
                }
                "json" | "container" => {}
                _ => {
                    return Err(SourcesError::UnknownPlugin {
                        name: p.name.clone(),
                        library_path: p.library_path.clone(),
                    })
                }
            }
        }
        let enabled = select(&loaded, enable, disable)?;
        Ok(SourcePlan {
            loaded,
            enabled,
            k8saudit,
            plugins: cfg.plugins.clone(),
        })
    }

    /// The loaded sources, `syscall` first.
    pub fn loaded(&self) -> &[String] {
        &self.loaded
    }

    /// The sources that run.
    pub fn enabled(&self) -> &[String] {
        &self.enabled
    }

    /// Whether `source` runs.
    pub fn is_enabled(&self, source: &str) -> bool {
        self.enabled.iter().any(|s| s == source)
    }

    /// The `k8saudit` plugin's settings, when it is loaded.
    pub fn k8saudit(&self) -> Option<&K8sAuditPlan> {
        self.k8saudit.as_ref()
    }

    /// The loaded plugins (all built in) with the version each stands for,
    /// in configuration order: what Falco's `--version` shows as
    /// `plugin_versions`.
    pub fn plugin_versions(&self) -> Vec<(String, &'static str)> {
        self.plugins
            .iter()
            .map(|p| (p.name.clone(), builtin_plugin_version(&p.name)))
            .collect()
    }

    /// The log lines Falco writes as it loads each plugin, saying that the
    /// plugin is built in.
    pub fn load_messages(&self) -> Vec<String> {
        self.plugins
            .iter()
            .map(|p| {
                let version = builtin_plugin_version(&p.name);
                format!(
                    "Loaded plugin '{}@{version}' (built in: no shared object loaded, library_path {} not used)",
                    p.name, p.library_path
                )
            })
            .collect()
    }

    /// A new engine with every loaded source registered (rules for other
    /// sources are skipped with Falco's warning), `cfg`'s minimum priority,
    /// rule matching and `append_output` entries.
    pub fn engine(&self, cfg: &Config) -> Engine {
        let mut b = Engine::builder()
            .source(SyscallSource::new())
            .unknown_sources(UnknownSources::Skip)
            .min_priority(cfg.priority)
            .rule_matching(cfg.rule_matching);
        if let Some(k) = &self.k8saudit {
            let names: &[&str] = if k.with_json {
                &["k8saudit", "json"]
            } else {
                &["k8saudit"]
            };
            b = b.source(K8sAuditSource::with_plugins(names));
        }
        let mut engine = b.build();
        for a in &cfg.append_output {
            if let Some(e) = a.extra_output() {
                engine.add_extra_output(e);
            }
        }
        engine
    }
}

/// The container engines to ask for metadata: the `container` plugin's
/// `init_config` (`label_max_len`, `engines.docker`, `engines.podman` and
/// `engines.cri` with `enabled` and `sockets`) when `plugins` has an entry
/// for it (loaded or not: its settings describe the host), else the
/// plugin's defaults. The plugin's native `engines.containerd` API is not
/// spoken: containerd is asked through the CRI.
pub fn container_engines(cfg: &Config) -> falco_events::state::runtime::ContainerEngines {
    let mut e = falco_events::state::runtime::ContainerEngines::default();
    let Some(p) = cfg.plugins.iter().find(|p| p.name == "container") else {
        return e;
    };
    let Ok(init) = serde_json::from_str::<serde_json::Value>(&p.init_config) else {
        return e;
    };
    if let Some(n) = init["label_max_len"].as_u64() {
        e.label_max_len = n as usize;
    }
    for (name, list) in [
        ("docker", &mut e.docker),
        ("podman", &mut e.podman),
        ("cri", &mut e.cri),
    ] {
        let engine = &init["engines"][name];
        if engine["enabled"].as_bool() == Some(false) {
            list.clear();
        } else if let Some(socks) = engine["sockets"].as_array() {
            let root = std::env::var("HOST_ROOT").unwrap_or_default();
            *list = socks
                .iter()
                .filter_map(|s| s.as_str())
                .map(|s| std::path::PathBuf::from(format!("{root}{s}")))
                .collect();
        }
    }
    e
}

fn select(
    loaded: &[String],
    enable: &[String],
    disable: &[String],
) -> Result<Vec<String>, SourcesError> {
    if !enable.is_empty() && !disable.is_empty() {
        return Err(SourcesError::Mixed);
    }
    let mut enabled: Vec<String> = loaded.to_vec();
    if !enable.is_empty() {
        enabled.clear();
        for s in enable {
            if !loaded.contains(s) {
                return Err(SourcesError::UnknownEnabled(s.clone()));
            }
            if !enabled.contains(s) {
                enabled.push(s.clone());
            }
        }
    } else {
        for s in disable {
            if !loaded.contains(s) {
                return Err(SourcesError::UnknownDisabled(s.clone()));
            }
            enabled.retain(|e| e != s);
        }
    }
    if enabled.is_empty() {
        return Err(SourcesError::NoneEnabled);
    }
    Ok(enabled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plugin(name: &str, open: &str, init: &str) -> PluginConfig {
        PluginConfig {
            name: name.into(),
            library_path: format!("lib{name}.so"),
            init_config: init.into(),
            open_params: open.into(),
        }
    }

    fn cfg(plugins: Vec<PluginConfig>) -> Config {
        Config {
            plugins,
            ..Config::default()
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    /// `--enable-source`, `--disable-source`, and the enabled sources or the
    /// error.
    type Case = (
        &'static [&'static str],
        &'static [&'static str],
        Result<&'static [&'static str], &'static str>,
    );

    #[test]
    fn selection_follows_falco() {
        let c = cfg(vec![plugin("k8saudit", "", ""), plugin("json", "", "")]);
        let cases: &[Case] = &[
            (&[], &[], Ok(&["syscall", "k8s_audit"])),
            (&["k8s_audit"], &[], Ok(&["k8s_audit"])),
            (&[], &["k8s_audit"], Ok(&["syscall"])),
            (
                &["syscall"],
                &["k8s_audit"],
                Err("You can not mix --enable-source and --disable-source"),
            ),
            (
                &["aws_cloudtrail"],
                &[],
                Err("Attempted enabling an unknown event source: aws_cloudtrail"),
            ),
            (
                &[],
                &["gcp"],
                Err("Attempted disabling an unknown event source: gcp"),
            ),
            (
                &[],
                &["syscall", "k8s_audit"],
                Err("Must enable at least one event source"),
            ),
        ];
        for (en, dis, want) in cases {
            let got = SourcePlan::new(&c, &s(en), &s(dis));
            match (got, want) {
                (Ok(p), Ok(w)) => assert_eq!(p.enabled(), s(w), "{en:?} {dis:?}"),
                (Err(e), Err(w)) => assert_eq!(e.to_string(), *w),
                (g, w) => panic!("{en:?} {dis:?}: got {g:?}, want {w:?}"),
            }
        }
    }

    #[test]
    fn plugins_are_read_and_checked() {
        let p = SourcePlan::new(&cfg(vec![]), &[], &[]).unwrap();
        assert_eq!(p.loaded(), ["syscall"]);
        assert!(p.k8saudit().is_none());

        let p = SourcePlan::new(
            &cfg(vec![plugin(
                "k8saudit",
                "",
                r#"{"maxEventSize":1024,"sslCertificate":"/x.pem"}"#,
            )]),
            &[],
            &[],
        )
        .unwrap();
        let k = p.k8saudit().unwrap();
        assert_eq!(k.init.max_event_size, 1024);
        assert!(!k.with_json);
        assert_eq!(
            k.open,
            OpenParams::parse(DEFAULT_K8SAUDIT_OPEN_PARAMS).unwrap()
        );
        assert!(p.load_messages()[0].starts_with("Loaded plugin 'k8saudit@0.18.0' (built in"));

        let e = SourcePlan::new(&cfg(vec![plugin("cloudtrail", "", "")]), &[], &[]).unwrap_err();
        assert!(e.to_string().contains("cannot load plugin 'cloudtrail' (library_path libcloudtrail.so): this build loads no shared objects"), "{e}");
        let e =
            SourcePlan::new(&cfg(vec![plugin("k8saudit", "ftp://x", "")]), &[], &[]).unwrap_err();
        assert!(e.to_string().starts_with("plugin 'k8saudit': "), "{e}");
        let e = SourcePlan::new(&cfg(vec![plugin("k8saudit", "", "{")]), &[], &[]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("plugin 'k8saudit': init_config: "),
            "{e}"
        );
    }

    #[test]
    fn the_engine_knows_each_loaded_source() {
        let rules = "- rule: r\n  desc: d\n  condition: ka.verb = create\n  output: o %ka.verb\n  priority: WARNING\n  source: k8s_audit\n";
        let without = SourcePlan::new(&cfg(vec![]), &[], &[]).unwrap();
        let mut e = without.engine(&Config::default());
        let r = e.load_str("r.yaml", rules);
        assert!(r.successful());
        assert_eq!(e.ruleset().active_len(), 0, "skipped: source not loaded");

        let with = SourcePlan::new(&cfg(vec![plugin("k8saudit", "", "")]), &[], &[]).unwrap();
        let mut e = with.engine(&Config::default());
        let r = e.load_str("r.yaml", rules);
        assert!(r.successful(), "{}", r.render());
        assert_eq!(e.ruleset().active_len(), 1);
    }
}

//! The daemon: configuration, rules, an event source, the engine and the
//! outputs tied together, with Falco's signals.
//!
//! - Syscall events come from the driver `engine.kind` names (`modern_ebpf`,
//!   the default; `kmod`; `replay` of a capture file, also `-e FILE`). The
//!   driver only produces the event types the rules need.
//! - With Falco's `k8saudit` plugin configured (`load_plugins`/`plugins`,
//!   built in: see [`crate::sources`]), the `k8s_audit` source runs on its
//!   own thread beside the syscall loop (its webhook or an audit file), with
//!   the same rules (each event runs its own source's rules) and the same
//!   output queue. `--enable-source`/`--disable-source` choose the sources;
//!   the daemon ends when every running source has ended, or at a signal.
//! - Each event updates the host state and runs the rules indexed under its
//!   type (exit events only, as Falco 0.44: see
//!   [`falco_events::state::rules_see`]); alerts go to a bounded queue that
//!   never blocks the event loop.
//! - `SIGHUP` reloads the configuration and the rules of every source while
//!   events keep flowing: the new rules take over at once if they all load; otherwise
//!   every error is logged and the old rules keep running.
//! - `SIGINT`/`SIGTERM` stop the loop, flush the outputs and print the event,
//!   drop and alert statistics. `SIGUSR1` reopens the file outputs.
//! - With `webserver.enabled`, `GET /healthz` answers `{"status": "ok"}` and
//!   `GET /metrics` gives Falco's Prometheus metrics (see [`crate::webserver`]
//!   and [`crate::metrics`]); with `metrics.enabled` the periodic metrics
//!   snapshot is sent.
//! - `--dry-run` stops after the rules and outputs are set up; `-P` writes the
//!   pid file; `-M` stops after that many seconds.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

use falco_events::pipeline::{Pipeline, Step};
use falco_events::scap::{ScapError, ScapReader};
use falco_events::source::{EventSource, SourceError, SourceStats};
#[cfg(any(feature = "bpf", feature = "kmod"))]
use falco_events::state::runtime::ContainerTable;
use falco_events::state::HostState;
use falco_k8saudit::input::OpenParams;
use falco_k8saudit::pipeline::{AuditInput, SourceStats as AuditStats};
use falco_rules::alert::Alert;
use falco_rules::engine::{Engine, Ruleset};
use falco_rules::rules::Priority;

use crate::config::{rules_sources, Config, ConfigError, EngineKind, Loaded, DEFAULT_CONFIG_FILE};
use crate::drops::{DropMonitor, Verdict, DROP_RULE};
use crate::outputs::{Log, Logger, OutputQueue};
use crate::sources::{K8sAuditPlan, SourcePlan, SourcesError, K8S_AUDIT, SYSCALL};

/// Batches of audit events (one per webhook request) waiting for the
/// evaluation thread; past this the webhook answers `503`.
const AUDIT_QUEUE_BATCHES: usize = 32;

/// What the command line asks of the daemon.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `-c FILE`: the configuration file (default `/etc/falco/falco.yaml`
    /// when it exists, otherwise Falco's defaults).
    pub config_file: Option<PathBuf>,
    /// `-o key=value` overrides, in order.
    pub options: Vec<String>,
    /// `-r FILE`: rules files or directories (replace `rules_files`).
    pub rules: Vec<PathBuf>,
    /// `-e FILE`: replay a capture instead of the configured engine.
    pub capture: Option<PathBuf>,
    /// `--enable-source`: run only these of the loaded sources.
    pub enable_sources: Vec<String>,
    /// `--disable-source`: do not run these of the loaded sources.
    pub disable_sources: Vec<String>,
    /// `-P FILE`: write the process id there once the daemon is set up.
    pub pidfile: Option<PathBuf>,
    /// `-M SECONDS`: stop after this long (event time when replaying, wall
    /// time live).
    pub duration: Option<Duration>,
    /// `--dry-run`: set everything up, then exit without processing events.
    pub dry_run: bool,
    /// `-v`: event statistics at exit.
    pub verbose: bool,
}

/// Counters shared with the web server.
#[derive(Debug, Default)]
pub struct Counters {
    /// Events read from the syscall source.
    pub events: AtomicU64,
    /// Events and alerts of the `k8s_audit` source.
    pub k8s_audit: AuditStats,
    /// Events the kernel side dropped.
    pub drops: AtomicU64,
    /// Alerts raised.
    pub alerts: AtomicU64,
    /// Successful rule reloads.
    pub reloads: AtomicU64,
    /// Alerts by rule name (the active rules are listed from the start, with
    /// 0).
    pub rules: Mutex<BTreeMap<String, RuleMatches>>,
    /// The host state's size, sampled with `events`.
    pub state: crate::state_metrics::StateGauges,
    /// Falco's metrics counters (the source's counters, queue drops).
    pub totals: crate::metrics::Totals,
}

/// The alerts one rule raised, with what Falco's metrics label them by.
#[derive(Clone, Debug)]
pub struct RuleMatches {
    /// The rule's priority.
    pub priority: Priority,
    /// The rule's source.
    pub source: Arc<str>,
    /// The rule's tags.
    pub tags: Arc<[String]>,
    /// Alerts raised.
    pub count: u64,
}

/// Why the daemon could not start (or a reload could not be done).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DaemonError {
    /// The configuration file or an `-o` option is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Neither `-r` nor `rules_files` names a rules file.
    #[error("You must specify at least one rules file/directory via -r or a rules_file entry in falco.yaml")]
    NoRulesFiles,
    /// At least one rules file had errors (each was logged).
    #[error("some rules files failed to load")]
    RulesFailed,
    /// The capture to replay cannot be opened.
    #[error("cannot open capture file {}: {source}", path.display())]
    Capture {
        /// The capture file.
        path: PathBuf,
        /// What went wrong.
        source: ScapError,
    },
    /// The eBPF probe could not be configured or opened.
    #[cfg(feature = "bpf")]
    #[error("{0}")]
    Bpf(#[from] falco_driver_bpf::ProbeError),
    /// The kernel module's devices could not be opened.
    #[cfg(feature = "kmod")]
    #[error("{0}")]
    Kmod(#[from] falco_driver_kmod::KmodError),
    /// `engine.kind` names a driver this build does not have, or one that
    /// gives no events.
    #[error("engine.kind {kind}: {why}")]
    NoDriver {
        /// The configured kind.
        kind: &'static str,
        /// Why it cannot run.
        why: &'static str,
    },
    /// The source refused the event types the rules need.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A signal handler could not be installed.
    #[error("cannot install a signal handler: {0}")]
    Signals(std::io::Error),
    /// The web server cannot listen on its address.
    #[error("webserver: cannot listen on {addr}: {source}")]
    Webserver {
        /// `address:port`.
        addr: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A thread of the daemon could not be started.
    #[error("cannot start a thread: {0}")]
    Thread(std::io::Error),
    /// An output could not be set up.
    #[error("{0}")]
    Outputs(String),
    /// The plugins or the source selection are wrong.
    #[error(transparent)]
    Sources(#[from] SourcesError),
    /// The `k8s_audit` input (webhook or file) could not start.
    #[error("k8s_audit: {0}")]
    K8sAudit(#[from] falco_k8saudit::pipeline::OpenError),
    /// The web server and the k8saudit webhook are configured on one port.
    #[error("the web server (webserver.listen_port) and the k8saudit webhook (plugin open_params) are both configured on port {port}; give one of them another port")]
    PortClash {
        /// The port.
        port: u16,
    },
}

/// Loads the configuration the options name. Its warnings are logged as
/// Falco logs them, through the logger the loaded configuration asks for
/// (`log_level`, `log_stderr`, `log_syslog`, `time_format_iso_8601`).
pub fn load_config(opts: &Options) -> Result<Config, DaemonError> {
    load_config_tree(opts).map(|l| l.config)
}

/// As [`load_config`], with the merged configuration tree (for
/// `--support`).
pub fn load_config_tree(opts: &Options) -> Result<Loaded, DaemonError> {
    let loaded = match &opts.config_file {
        Some(p) => Config::load(p, &opts.options),
        None if Path::new(DEFAULT_CONFIG_FILE).exists() => {
            Config::load(Path::new(DEFAULT_CONFIG_FILE), &opts.options)
        }
        None => Config::from_options(&opts.options),
    }?;
    let log = Logger::from_config(&loaded.config);
    for w in &loaded.warnings {
        log.log(Priority::Warning, &w.to_string());
    }
    let mut loaded = loaded;
    if let Some(c) = &opts.capture {
        loaded.config.engine.kind = EngineKind::Replay;
        loaded.config.engine.replay.capture_file = c.clone();
    }
    Ok(loaded)
}

/// Builds an engine from the configured (or `-r`) rules. Every error of
/// every file is logged; `Err` if any file failed.
pub fn load_rules(cfg: &Config, rules: &[PathBuf], log: &dyn Log) -> Result<Engine, DaemonError> {
    // Every loaded source (syscall, and k8s_audit when its plugin is
    // configured); Falco's daemon skips rules for other sources, with a
    // warning.
    let mut engine = SourcePlan::new(cfg, &[], &[])?.engine(cfg);
    let sources = if rules.is_empty() {
        cfg.rules_sources()
    } else {
        rules_sources(rules)
    };
    if sources.is_empty() {
        return Err(DaemonError::NoRulesFiles);
    }
    let mut failed = false;
    for s in &sources {
        let result = s.load_into(&mut engine);
        if !result.successful() {
            failed = true;
            log.log(Priority::Error, result.render().trim_end());
        } else if result.has_warnings() {
            log.log(Priority::Warning, result.render().trim_end());
        }
        log.log(
            Priority::Informational,
            &format!("Loading rules from: {}", s.name()),
        );
    }
    if failed {
        return Err(DaemonError::RulesFailed);
    }
    select_rules(&mut engine, cfg, log);
    Ok(engine)
}

/// Applies the configuration's `rules:` section to the loaded rules, in
/// order, logging each entry as Falco does.
pub fn select_rules(engine: &mut Engine, cfg: &Config, log: &dyn Log) {
    for sel in &cfg.rules {
        log.log(Priority::Informational, &sel.to_string());
        if sel.apply(engine).is_none() {
            log.log(
                Priority::Error,
                "rules selection not applied: the ruleset is already in use",
            );
        }
    }
}

/// The live host's state, bounded by `falco_libs` (thread table size and
/// purge of idle threads), with container metadata from the runtimes the
/// configuration names (see [`crate::sources::container_engines`]).
#[cfg(any(feature = "bpf", feature = "kmod"))]
pub(crate) fn live_state(cfg: &Config) -> HostState {
    let mut state = HostState::from_proc();
    state.limits = cfg.falco_libs.state_limits();
    let table = ContainerTable::start(&crate::sources::container_engines(cfg));
    state.watch_containers(table);
    state
}

/// Opens the event source the configuration names.
pub fn open_source(cfg: &Config) -> Result<(Box<dyn EventSource>, HostState), DaemonError> {
    match cfg.engine.kind {
        EngineKind::Replay => {
            let path = &cfg.engine.replay.capture_file;
            let reader = ScapReader::open(path).map_err(|source| DaemonError::Capture {
                path: path.clone(),
                source,
            })?;
            let mut state = HostState::from_metadata(reader.metadata());
            state.limits = cfg.falco_libs.state_limits();
            if cfg.engine.replay.threads >= 2 {
                // Decoding on a second thread: same alerts, same order.
                let source = falco_events::readahead::ReadAhead::new(reader);
                return Ok((Box::new(source), state));
            }
            Ok((Box::new(reader), state))
        }
        #[cfg(feature = "bpf")]
        EngineKind::ModernEbpf => {
            let m = &cfg.engine.modern_ebpf;
            let mut pc = falco_driver_bpf::ProbeConfig {
                cpus_for_each_buffer: m.cpus_for_each_buffer as usize,
                drop_failed: m.drop_failed_exit,
                ..Default::default()
            };
            pc = pc.with_buf_size_preset(m.buf_size_preset as usize)?;
            let probe = falco_driver_bpf::BpfProbe::open(pc)?;
            Ok((Box::new(probe), live_state(cfg)))
        }
        #[cfg(not(feature = "bpf"))]
        EngineKind::ModernEbpf => Err(DaemonError::NoDriver {
            kind: "modern_ebpf",
            why: "this build has no eBPF driver (build the falco crate with its `bpf` feature)",
        }),
        #[cfg(feature = "kmod")]
        EngineKind::Kmod => {
            // The devices are the host's: under `$HOST_ROOT/dev` when the
            // daemon runs in a container (as libscap's kmod engine opens them).
            let mut kc = falco_driver_kmod::KmodConfig::default();
            if let Some(root) = std::env::var_os("HOST_ROOT").filter(|r| !r.is_empty()) {
                kc.device_dir = std::path::PathBuf::from(root).join("dev");
            }
            let k = falco_driver_kmod::Kmod::open(&kc)?;
            Ok((Box::new(k), live_state(cfg)))
        }
        #[cfg(not(feature = "kmod"))]
        EngineKind::Kmod => Err(DaemonError::NoDriver {
            kind: "kmod",
            why: "this build has no kernel-module consumer (build the falco crate with its `kmod` feature)",
        }),
        EngineKind::NoDriver => Err(DaemonError::NoDriver {
            kind: "nodriver",
            why: "gives no syscall events; nothing to run (use modern_ebpf, kmod or replay)",
        }),
    }
}

/// Signals, as flags the event loop polls.
struct Signals {
    reload: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    reopen: Arc<AtomicBool>,
}

impl Signals {
    fn install() -> Result<Signals, DaemonError> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGUSR1};
        let s = Signals {
            reload: Arc::new(AtomicBool::new(false)),
            stop: Arc::new(AtomicBool::new(false)),
            reopen: Arc::new(AtomicBool::new(false)),
        };
        let reg = |sig, flag: &Arc<AtomicBool>| {
            signal_hook::flag::register(sig, flag.clone())
                .map(|_| ())
                .map_err(DaemonError::Signals)
        };
        reg(SIGHUP, &s.reload)?;
        reg(SIGINT, &s.stop)?;
        reg(SIGTERM, &s.stop)?;
        reg(SIGUSR1, &s.reopen)?;
        Ok(s)
    }
}

/// What both event loops share: the current rules, the output queue and the
/// counts the summary prints.
struct Shared {
    ruleset: RwLock<Arc<Ruleset>>,
    queue: Mutex<Option<OutputQueue>>,
    counters: Arc<Counters>,
}

impl Shared {
    fn alert(&self, alert: Alert) {
        self.counters.alerts.fetch_add(1, Ordering::Relaxed);
        {
            let mut rules = self
                .counters
                .rules
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            match rules.get_mut(&*alert.rule) {
                Some(m) => m.count += 1,
                None => {
                    rules.insert(
                        alert.rule.to_string(),
                        RuleMatches {
                            priority: alert.priority,
                            source: alert.source.clone(),
                            tags: alert.tags.clone(),
                            count: 1,
                        },
                    );
                }
            }
        }
        if let Some(q) = &*self.queue.lock().unwrap_or_else(|e| e.into_inner()) {
            q.push(alert);
        }
    }

    fn with_queue(&self, f: impl FnOnce(&OutputQueue)) {
        if let Some(q) = &*self.queue.lock().unwrap_or_else(|e| e.into_inner()) {
            f(q);
        }
    }

    fn current(&self) -> Arc<Ruleset> {
        self.ruleset
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// The running `k8s_audit` source: its thread and what it reports at the end.
struct AuditThread {
    handle: JoinHandle<AuditEnd>,
}

/// What the `k8s_audit` thread reports when it ends.
struct AuditEnd {
    skipped: u64,
    webhook: Option<(u64, u64, u64, u64)>,
}

/// Starts the `k8s_audit` input (the webhook or a file) and its evaluation
/// thread; alerts go to the shared queue.
fn start_audit(
    plan: &K8sAuditPlan,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    log: &dyn Log,
) -> Result<AuditThread, DaemonError> {
    let input = AuditInput::open(&plan.open, &plan.init, AUDIT_QUEUE_BATCHES)?;
    let what = match (&plan.open, input.webhook()) {
        (OpenParams::Webhook { path, tls, .. }, Some(w)) => format!(
            "webhook listening on {}://{}{path}",
            if *tls { "https" } else { "http" },
            w.local_addr()
        ),
        (OpenParams::File(p), _) => format!("reading {}", p.display()),
        _ => String::new(),
    };
    log.log(
        Priority::Informational,
        &format!("Opening '{K8S_AUDIT}' source with plugin 'k8saudit' ({what})"),
    );
    let handle = std::thread::Builder::new()
        .name("falco-k8saudit".into())
        .spawn(move || {
            let current = || shared.current();
            let mut on_alert = |a: Alert| shared.alert(a);
            falco_k8saudit::pipeline::run(
                &input,
                &current,
                &stop,
                &shared.counters.k8s_audit,
                &mut on_alert,
            );
            let webhook = input.webhook().map(|w| {
                let s = w.stats();
                (
                    s.accepted_requests.load(Ordering::Relaxed),
                    s.accepted_events.load(Ordering::Relaxed),
                    s.rejected_requests.load(Ordering::Relaxed),
                    s.unavailable_requests.load(Ordering::Relaxed),
                )
            });
            AuditEnd {
                skipped: input.skipped(),
                webhook,
            }
        })
        .map_err(DaemonError::Thread)?;
    Ok(AuditThread { handle })
}

/// The port of the k8saudit webhook, when it is one.
fn webhook_port(plan: &SourcePlan) -> Option<u16> {
    match plan.k8saudit().map(|k| &k.open) {
        Some(OpenParams::Webhook { addr, .. }) if plan.is_enabled(K8S_AUDIT) => Some(addr.port()),
        _ => None,
    }
}

/// Runs the daemon until a signal stops it (or its inputs end: the capture
/// replayed, an audit file read with the syscall source disabled).
pub fn run(opts: &Options) -> ExitCode {
    match load_config(opts) {
        Ok(c) => run_config(opts, c),
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        }
    }
}

/// As [`run`], with the configuration `opts` gives already loaded (its
/// warnings logged); a reload reads it again.
pub fn run_config(opts: &Options, cfg: Config) -> ExitCode {
    let log: Arc<dyn Log> = Arc::new(Logger::from_config(&cfg));
    match run_with(opts, cfg, log.clone()) {
        Ok(code) => code,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            ExitCode::from(1)
        }
    }
}

fn run_with(
    opts: &Options,
    mut cfg: Config,
    mut log: Arc<dyn Log>,
) -> Result<ExitCode, DaemonError> {
    let replay = cfg.engine.kind == EngineKind::Replay;
    // As Falco: choosing sources means nothing when replaying a capture.
    let plan = if replay {
        SourcePlan::new(&cfg, &[], &[])?
    } else {
        SourcePlan::new(&cfg, &opts.enable_sources, &opts.disable_sources)?
    };
    for m in plan.load_messages() {
        log.log(Priority::Informational, &m);
    }
    // The live source opens (probe verified, /proc scanned) while the
    // rules compile.
    let early = (!opts.dry_run && !replay && plan.is_enabled(SYSCALL))
        .then(|| crate::live_start::LiveStart::spawn(&cfg))
        .flatten();
    let engine = load_rules(&cfg, &opts.rules, &*log)?;
    let ruleset = engine.ruleset().clone();
    if opts.dry_run {
        // As Falco: the outputs are set up, no event source is opened.
        OutputQueue::from_config(&cfg, log.clone())
            .map_err(DaemonError::Outputs)?
            .shutdown();
        log.log(Priority::Debug, "Skipping event processing in dry-run");
        return Ok(ExitCode::SUCCESS);
    }
    let run_syscall = replay || plan.is_enabled(SYSCALL);
    if run_syscall && cfg.engine.kind == EngineKind::NoDriver && plan.enabled().len() == 1 {
        return Err(DaemonError::NoDriver {
            kind: "nodriver",
            why: "gives no syscall events; nothing to run (use modern_ebpf, kmod or replay, or load the k8saudit plugin)",
        });
    }
    let syscall_source = if run_syscall && cfg.engine.kind != EngineKind::NoDriver {
        Some(match early {
            Some(start) => start.finish(&cfg, &engine)?,
            None => open_source(&cfg)?,
        })
    } else {
        None
    };
    let queue = OutputQueue::from_config(&cfg, log.clone()).map_err(DaemonError::Outputs)?;
    let signals = Signals::install()?;
    if let Some(p) = &opts.pidfile {
        if let Err(e) = std::fs::write(p, std::process::id().to_string()) {
            log.log(
                Priority::Error,
                &format!(
                    "Could not write pid to pidfile {}: {e}. Exiting.",
                    p.display()
                ),
            );
            return Ok(ExitCode::from(255));
        }
    }
    let counters = Arc::new(Counters::default());
    {
        // Every active rule, for the metrics' `include_empty_values`.
        let mut rules = counters.rules.lock().unwrap_or_else(|e| e.into_inner());
        for i in ruleset.active() {
            if let Some(r) = ruleset.rules().get(i) {
                rules.entry(r.name.to_string()).or_insert(RuleMatches {
                    priority: r.priority,
                    source: r.source.clone(),
                    tags: r.tags.clone(),
                    count: 0,
                });
            }
        }
    }
    let shared = Arc::new(Shared {
        ruleset: RwLock::new(ruleset.clone()),
        queue: Mutex::new(Some(queue)),
        counters: counters.clone(),
    });
    let audit_on = !replay && plan.is_enabled(K8S_AUDIT);
    // As Falco, no web server when replaying a capture.
    if cfg.webserver.enabled && !replay {
        if let Some(port) = webhook_port(&plan).filter(|p| *p == cfg.webserver.listen_port) {
            return Err(DaemonError::PortClash { port });
        }
        let engines = plan
            .enabled()
            .iter()
            .map(|s| {
                let engine = if s == SYSCALL {
                    crate::metrics::engine_name(cfg.engine.kind)
                } else {
                    "source_plugin"
                };
                (s.clone(), engine)
            })
            .collect();
        crate::webserver::start(&cfg, counters.clone(), engines, log.clone())?;
    }
    let audit = match plan.k8saudit() {
        Some(k) if audit_on => Some(start_audit(k, shared.clone(), signals.stop.clone(), &*log)?),
        Some(_) if replay => {
            log.log(
                Priority::Informational,
                "The k8s_audit source does not run while replaying a capture",
            );
            None
        }
        _ => None,
    };
    log.log(
        Priority::Informational,
        &format!(
            "Starting event processing with {} rules (engine.kind: {}; sources: {})",
            ruleset.active_len(),
            cfg.engine.kind.name(),
            if replay {
                SYSCALL.to_string()
            } else {
                plan.enabled().join(", ")
            }
        ),
    );

    let mut error = None;
    let mut syscall_stats = None;
    let mut n = 0u64;
    let started = std::time::Instant::now();
    let mut first_ts: Option<u64> = None;
    let mut snapshots =
        crate::metrics::Snapshots::new(&cfg.metrics).map_err(DaemonError::Outputs)?;
    let engine_name = crate::metrics::engine_name(cfg.engine.kind);
    let snapshot_source = if run_syscall { SYSCALL } else { K8S_AUDIT };
    let mut summary = String::new();
    // Between events (every event: a load of an atomic is far cheaper than
    // a rule): true when the daemon must stop.
    let on_signals = |cfg: &mut Config,
                      log: &mut Arc<dyn Log>,
                      pipeline: Option<&mut Pipeline<Box<dyn EventSource>>>|
     -> bool {
        if signals.stop.load(Ordering::Relaxed) {
            return true;
        }
        if signals.reopen.swap(false, Ordering::Relaxed) {
            shared.with_queue(|q| q.reopen());
        }
        if signals.reload.swap(false, Ordering::Relaxed) {
            reload_all(opts, cfg, log, &shared, pipeline);
        }
        false
    };
    match syscall_source {
        Some((source, state)) => {
            let mut drops = DropMonitor::new(
                &cfg.syscall_event_drops,
                source.stats(),
                cfg.engine.kind == EngineKind::ModernEbpf,
            );
            let mut pipeline = Pipeline::new(source, state, ruleset)?;
            let captures = std::cell::RefCell::new(crate::capture::Captures::new(&cfg.capture));
            if let Some(c) = captures.borrow().as_ref() {
                log.log(Priority::Informational, &c.banner());
            }
            loop {
                if on_signals(&mut cfg, &mut log, Some(&mut pipeline)) {
                    break;
                }
                if let Some(d) = opts.duration {
                    if !replay && started.elapsed() >= d {
                        break;
                    }
                }
                if let Some(s) = snapshots.as_mut() {
                    if s.due() {
                        let st = pipeline.inspector().source().stats();
                        let t = &counters.totals;
                        t.num_evts.store(n, Ordering::Relaxed);
                        t.n_evts.store(st.events, Ordering::Relaxed);
                        t.n_drops.store(st.drops, Ordering::Relaxed);
                        snapshot(s, &cfg, &shared, SYSCALL, engine_name);
                    }
                }
                let mut capture_event = None;
                let step = pipeline.step_each(
                    |rule, ctx| {
                        let mut alert = Alert::new(rule, ctx, ctx.event.ts());
                        if let Some(c) = captures.borrow_mut().as_mut() {
                            if let Some(p) = c.on_match(rule, ctx.event.ts(), ctx.num) {
                                alert.extra.push(("capture_file".into(), p.into()));
                            }
                        }
                        shared.alert(alert);
                    },
                    |ctx| {
                        if let Some(c) = captures.borrow_mut().as_mut() {
                            capture_event = c.on_event(ctx);
                        }
                    },
                );
                if let Some(ev) = capture_event {
                    report_capture(ev, &shared, &*log);
                }
                let ts = match step {
                    Ok(Step::Event { ts, .. }) => ts,
                    Ok(Step::End) => break,
                    Ok(_) => continue,
                    Err(e) => {
                        error = Some(e.to_string());
                        break;
                    }
                };
                if let Some(d) = opts.duration {
                    let first = *first_ts.get_or_insert(ts);
                    if replay && ts.saturating_sub(first) >= d.as_nanos() as u64 {
                        break;
                    }
                }
                n += 1;
                if n.is_multiple_of(1024) {
                    counters.events.store(n, Ordering::Relaxed);
                    counters.drops.store(
                        pipeline.inspector().source().stats().drops,
                        Ordering::Relaxed,
                    );
                    counters.state.sample(pipeline.inspector().state());
                    let st = pipeline.inspector().source().stats();
                    let t = &counters.totals;
                    t.num_evts.store(n, Ordering::Relaxed);
                    t.n_evts.store(st.events, Ordering::Relaxed);
                    t.n_drops.store(st.drops, Ordering::Relaxed);
                }
                // The drop monitor, once a second of event time (after the
                // event's rules: the source's counters are read once the
                // event is done).
                let verdict = drops.on_event(ts, || pipeline.inspector().source().stats());
                if verdict != Verdict::Continue && drops.simulating() {
                    log.log(Priority::Informational, "Simulating syscall event drop");
                }
                if let Verdict::Act(d) = verdict {
                    if d.log {
                        log.log(Priority::Debug, &d.message);
                    }
                    if let Some(fields) = &d.alert {
                        shared.with_queue(|q| {
                            q.push_internal(
                                d.time_ns,
                                Priority::Debug,
                                DROP_RULE,
                                &d.message,
                                fields,
                            );
                        });
                    }
                    if d.exit {
                        log.log(Priority::Critical, &d.message);
                        log.log(Priority::Critical, "Exiting.");
                        error = Some("Drop manager internal error".to_string());
                        break;
                    }
                }
            }
            if let Some(ev) = captures.borrow_mut().as_mut().and_then(|c| c.close()) {
                report_capture(ev, &shared, &*log);
            }
            let stats: SourceStats = pipeline.inspector().source().stats();
            counters.events.store(n, Ordering::Relaxed);
            counters.drops.store(stats.drops, Ordering::Relaxed);
            if opts.verbose {
                let secs = started.elapsed().as_secs_f64();
                summary.push_str(&format!(
                    "Driver Events:{n}\nDriver Drops:{}\nElapsed time: {secs:.3}, Captured Events: {n}, {:.2} eps\n",
                    stats.drops,
                    n as f64 / secs.max(1e-9)
                ));
            }
            summary.push_str(&drops.summary());
            let containers = &pipeline.inspector().state().containers;
            if containers.is_enabled() {
                let (asked, found, failed) = containers.stats();
                summary.push_str(&format!(
                    "Container metadata lookups: {asked} asked, {found} answered, {failed} failed; {} forgotten with their last process; {} container events\n",
                    containers.evicted(),
                    pipeline.inspector().stats().container_events
                ));
            }
            syscall_stats = Some(stats);
        }
        None => {
            // Only the k8s_audit source runs (or the syscall source has no
            // driver): wait for signals and for the audit input to end.
            let syscall_idle = run_syscall;
            loop {
                if on_signals(&mut cfg, &mut log, None) {
                    break;
                }
                if opts.duration.is_some_and(|d| started.elapsed() >= d) {
                    break;
                }
                if let Some(s) = snapshots.as_mut() {
                    if s.due() {
                        snapshot(s, &cfg, &shared, snapshot_source, "source_plugin");
                    }
                }
                let audit_done = audit.as_ref().is_none_or(|a| a.handle.is_finished());
                if audit_done && !syscall_idle {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    // Every source stops with the first that ends, as at a signal.
    signals.stop.store(true, Ordering::SeqCst);
    let audit_end = audit.and_then(|a| a.handle.join().ok());
    let queue = shared
        .queue
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let queue_drops = queue.as_ref().map_or(0, |q| q.drops());
    if let Some(q) = queue {
        q.shutdown();
    }
    eprint!("{summary}");
    let rules = counters.rules.lock().unwrap_or_else(|e| e.into_inner());
    let by_rule: BTreeMap<String, (Priority, u64)> = rules
        .iter()
        .filter(|(_, m)| m.count > 0)
        .map(|(k, m)| (k.clone(), (m.priority, m.count)))
        .collect();
    print_stats(
        &by_rule,
        syscall_stats.as_ref().map(|s| (n, s)),
        audit_end.as_ref().map(|a| (&counters.k8s_audit, a)),
        queue_drops,
    );
    if let Some(e) = error {
        eprintln!("Error: {e}");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Logs what a capture did; a size cap raises Falco's internal message.
fn report_capture(ev: crate::capture::CaptureEvent, shared: &Shared, log: &dyn Log) {
    use crate::capture::CaptureEvent;
    match ev {
        CaptureEvent::Started(p) => {
            log.log(Priority::Informational, &format!("Capture started: {p}"))
        }
        CaptureEvent::Finished(p) => {
            log.log(Priority::Informational, &format!("Capture written: {p}"))
        }
        CaptureEvent::SizeLimit(p, written) => {
            log.log(
                Priority::Informational,
                &format!("Capture written: {p} (size limit)"),
            );
            let mut fields = serde_json::Map::new();
            fields.insert("written_bytes".into(), written.into());
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            shared.with_queue(|q| {
                q.push_internal(
                    now,
                    Priority::Informational,
                    crate::capture::SIZE_LIMIT_RULE,
                    crate::capture::SIZE_LIMIT_RULE,
                    &fields,
                );
            });
        }
        CaptureEvent::Failed(p, e) => {
            log.log(Priority::Error, &format!("Capture {p}: {e}; dropped"))
        }
    }
}

/// Reloads the configuration and the rules of every source (SIGHUP): the
/// new rules take over at once if they all load, otherwise the old ones keep
/// running. Outputs are rebuilt when the configuration changed.
fn reload_all(
    opts: &Options,
    cfg: &mut Config,
    log: &mut Arc<dyn Log>,
    shared: &Shared,
    pipeline: Option<&mut Pipeline<Box<dyn EventSource>>>,
) {
    log.log(
        Priority::Informational,
        "SIGHUP received, reloading configuration and rules",
    );
    let new_cfg = match load_config(opts) {
        Ok(c) => c,
        Err(e) => {
            log.log(
                Priority::Error,
                &format!("reload failed: {e}; the previous configuration and rules keep running"),
            );
            return;
        }
    };
    let new_engine = match load_rules(&new_cfg, &opts.rules, &**log) {
        Ok(e) => e,
        Err(e) => {
            log.log(
                Priority::Error,
                &format!("reload failed ({e}); the previous rules keep running"),
            );
            return;
        }
    };
    let active = new_engine.ruleset().active_len();
    if let Err(e) = crate::live_start::rules_changed(&new_cfg, &new_engine) {
        log.log(
            Priority::Error,
            &format!("reload: prefilter not updated: {e}"),
        );
    }
    if let Some(p) = pipeline {
        if let Err(e) = p.set_ruleset(new_engine.ruleset().clone()) {
            // The old rules' prefilter is gone: none is safe for any rules.
            crate::live_start::prefilter_off();
            log.log(
                Priority::Error,
                &format!("reload failed ({e}); the previous rules keep running"),
            );
            return;
        }
    }
    *shared.ruleset.write().unwrap_or_else(|e| e.into_inner()) = new_engine.ruleset().clone();
    if new_cfg != *cfg {
        match OutputQueue::from_config(&new_cfg, log.clone()) {
            Ok(q) => {
                let old = shared
                    .queue
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .replace(q);
                if let Some(old) = old {
                    old.shutdown();
                }
                *log = Arc::new(Logger::from_config(&new_cfg));
                *cfg = new_cfg;
            }
            Err(e) => log.log(Priority::Error, &format!("reload: outputs unchanged: {e}")),
        }
    }
    shared.counters.reloads.fetch_add(1, Ordering::Relaxed);
    log.log(
        Priority::Informational,
        &format!("Rules reloaded: {active} rules active"),
    );
}

/// Sends one metrics snapshot (`metrics.output_rule`: an Informational
/// internal alert, kept only when `priority` lets Informational through, as
/// Falco).
fn snapshot(
    s: &mut crate::metrics::Snapshots,
    cfg: &Config,
    shared: &Shared,
    source: &str,
    engine: &str,
) {
    let c = &shared.counters;
    shared.with_queue(|q| {
        c.totals
            .outputs_queue_num_drops
            .store(q.drops(), Ordering::Relaxed);
    });
    let fields = s.take(c, source, engine);
    if s.output_rule() && Priority::Informational <= cfg.priority {
        let ts = fields
            .get("evt.time")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        shared.with_queue(|q| {
            q.push_internal(
                ts,
                Priority::Informational,
                crate::metrics::SNAPSHOT_RULE,
                crate::metrics::SNAPSHOT_MESSAGE,
                &fields,
            );
        });
    }
}

/// Falco's end-of-run summary: the alert counts on stdout after the last
/// alert (where Falco's engine prints them once the outputs are closed),
/// then a statistics line per source that ran on stderr.
fn print_stats(
    by_rule: &BTreeMap<String, (Priority, u64)>,
    syscall: Option<(u64, &SourceStats)>,
    audit: Option<(&AuditStats, &AuditEnd)>,
    queue_drops: u64,
) {
    let mut out = std::io::stdout().lock();
    let total: u64 = by_rule.values().map(|v| v.1).sum();
    let _ = writeln!(out, "Events detected: {total}");
    let _ = writeln!(out, "Rule counts by severity:");
    let mut by_prio: BTreeMap<Priority, u64> = BTreeMap::new();
    for (p, c) in by_rule.values() {
        *by_prio.entry(*p).or_default() += c;
    }
    for (p, c) in by_prio {
        let _ = writeln!(out, "   {}: {c}", p.name().to_ascii_uppercase());
    }
    let _ = writeln!(out, "Triggered rules by rule name:");
    for (name, (_, c)) in by_rule {
        let _ = writeln!(out, "   {name}: {c}");
    }
    let _ = out.flush();
    drop(out);
    let mut err = std::io::stderr().lock();
    if let Some((events, s)) = syscall {
        let _ = writeln!(
            err,
            "Syscall event statistics: {events} events processed, {} dropped by the kernel side, {} malformed skipped; {queue_drops} alerts dropped by a full outputs queue",
            s.drops, s.skipped_malformed
        );
    }
    if let Some((stats, end)) = audit {
        let mut line = format!(
            "k8s_audit event statistics: {} events processed, {} alerts",
            stats.events.load(Ordering::Relaxed),
            stats.alerts.load(Ordering::Relaxed),
        );
        if end.skipped > 0 {
            line.push_str(&format!(", {} unreadable events skipped", end.skipped));
        }
        if let Some((ok, evts, rejected, busy)) = end.webhook {
            line.push_str(&format!(
                "; webhook: {ok} requests accepted ({evts} events), {rejected} rejected, {busy} answered 503"
            ));
        }
        if syscall.is_none() {
            line.push_str(&format!(
                "; {queue_drops} alerts dropped by a full outputs queue"
            ));
        }
        let _ = writeln!(err, "{line}");
    }
}

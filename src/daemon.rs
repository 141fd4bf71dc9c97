//! The daemon: configuration, rules, an event source, the engine and the
//! outputs tied together, with Falco's signals.
//!
//! - Events come from the source `engine.kind` names (`modern_ebpf`, the
//!   default; `kmod`; `replay` of a capture file, also `-e FILE`). The source
//!   only produces the event types the rules need.
//! - Each event updates the host state and runs the rules indexed under its
//!   type (exit events only, as Falco 0.44: see
//!   [`falco_events::state::rules_see`]); alerts go to a bounded queue that
//!   never blocks the event loop.
//! - `SIGHUP` reloads the configuration and the rules while events keep
//!   flowing: the new rules take over at once if they all load; otherwise
//!   every error is logged and the old rules keep running.
//! - `SIGINT`/`SIGTERM` stop the loop, flush the outputs and print the event,
//!   drop and alert statistics. `SIGUSR1` reopens the file outputs.
//! - With `webserver.enabled`, `GET /healthz` answers `{"status": "ok"}` and
//!   `GET /metrics` gives Prometheus counters.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use falco_events::pipeline::{Pipeline, Step};
use falco_events::scap::{ScapError, ScapReader};
use falco_events::source::{EventSource, SourceError, SourceStats};
use falco_events::state::HostState;
use falco_events::SyscallSource;
use falco_rules::alert::Alert;
use falco_rules::engine::{Engine, UnknownSources};
use falco_rules::rules::Priority;

use crate::config::{rules_sources, Config, ConfigError, EngineKind, Loaded, DEFAULT_CONFIG_FILE};
use crate::drops::{DropMonitor, Verdict, DROP_RULE};
use crate::outputs::{Log, Logger, OutputQueue};

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
    /// Events read from the source.
    pub events: AtomicU64,
    /// Events the kernel side dropped.
    pub drops: AtomicU64,
    /// Alerts raised.
    pub alerts: AtomicU64,
    /// Successful rule reloads.
    pub reloads: AtomicU64,
    /// Falco's metrics (matches per rule, the source's counters).
    pub totals: crate::metrics::Totals,
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
    // Falco's daemon skips rules for sources it does not run, with a warning.
    let mut engine = Engine::builder()
        .source(SyscallSource::new())
        .unknown_sources(UnknownSources::Skip)
        .min_priority(cfg.priority)
        .rule_matching(cfg.rule_matching)
        .build();
    for a in &cfg.append_output {
        if let Some(e) = a.extra_output() {
            engine.add_extra_output(e);
        }
    }
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

/// Opens the event source the configuration names.
pub fn open_source(cfg: &Config) -> Result<(Box<dyn EventSource>, HostState), DaemonError> {
    match cfg.engine.kind {
        EngineKind::Replay => {
            let path = &cfg.engine.replay.capture_file;
            let reader = ScapReader::open(path).map_err(|source| DaemonError::Capture {
                path: path.clone(),
                source,
            })?;
            let state = HostState::from_metadata(reader.metadata());
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
            Ok((Box::new(probe), HostState::from_proc()))
        }
        #[cfg(not(feature = "bpf"))]
        EngineKind::ModernEbpf => Err(DaemonError::NoDriver {
            kind: "modern_ebpf",
            why: "this build has no eBPF driver (build the falco crate with its `bpf` feature)",
        }),
        #[cfg(feature = "kmod")]
        EngineKind::Kmod => {
            let kc = falco_driver_kmod::KmodConfig::default();
            let k = falco_driver_kmod::Kmod::open(&kc)?;
            Ok((Box::new(k), HostState::from_proc()))
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

/// Runs the daemon until a signal stops it (or the capture ends).
pub fn run(opts: &Options) -> ExitCode {
    match load_config(opts) {
        Ok(c) => run_with(opts, c),
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        }
    }
}

/// As [`run`], with the configuration `opts` gives already loaded (its
/// warnings logged); a reload reads it again.
pub fn run_with(opts: &Options, cfg: Config) -> ExitCode {
    let mut cfg = cfg;
    let mut log: Arc<dyn Log> = Arc::new(Logger::from_config(&cfg));
    let engine = match load_rules(&cfg, &opts.rules, &*log) {
        Ok(e) => e,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            return ExitCode::from(1);
        }
    };
    let ruleset = engine.ruleset().clone();
    if opts.dry_run {
        // As Falco: the outputs are set up, the event source is not opened.
        return match OutputQueue::from_config(&cfg, log.clone()) {
            Ok(q) => {
                q.shutdown();
                log.log(Priority::Debug, "Skipping event processing in dry-run");
                ExitCode::SUCCESS
            }
            Err(e) => {
                log.log(Priority::Error, &format!("Error: {e}"));
                ExitCode::from(1)
            }
        };
    }
    let (source, state) = match open_source(&cfg) {
        Ok(s) => s,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            return ExitCode::from(1);
        }
    };
    let mut queue = match OutputQueue::from_config(&cfg, log.clone()) {
        Ok(q) => q,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            return ExitCode::from(1);
        }
    };
    let signals = match Signals::install() {
        Ok(s) => s,
        Err(e) => {
            log.log(Priority::Error, &e.to_string());
            return ExitCode::from(1);
        }
    };
    if let Some(p) = &opts.pidfile {
        if let Err(e) = std::fs::write(p, std::process::id().to_string()) {
            log.log(
                Priority::Error,
                &format!(
                    "Could not write pid to pidfile {}: {e}. Exiting.",
                    p.display()
                ),
            );
            return ExitCode::from(255);
        }
    }
    let counters = Arc::new(Counters::default());
    for i in ruleset.active() {
        if let Some(r) = ruleset.rules().get(i) {
            counters
                .totals
                .rules
                .register(&r.name, r.priority, &r.source, &r.tags);
        }
    }
    let replay = cfg.engine.kind == EngineKind::Replay;
    // As Falco, no web server when replaying a capture.
    if cfg.webserver.enabled && !replay {
        if let Err(e) = crate::webserver::start(&cfg, counters.clone(), log.clone()) {
            log.log(Priority::Error, &e.to_string());
            return ExitCode::from(1);
        }
    }
    log.log(
        Priority::Informational,
        &format!(
            "Starting event processing with {} rules (engine.kind: {})",
            ruleset.active_len(),
            cfg.engine.kind.name()
        ),
    );

    let mut drops = DropMonitor::new(
        &cfg.syscall_event_drops,
        source.stats(),
        cfg.engine.kind == EngineKind::ModernEbpf,
    );
    let mut pipeline = match Pipeline::new(source, state, ruleset) {
        Ok(p) => p,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            return ExitCode::from(1);
        }
    };
    let mut by_rule: BTreeMap<String, (Priority, u64)> = BTreeMap::new();
    let mut n = 0u64;
    let mut error = None;
    let started = std::time::Instant::now();
    let mut first_ts: Option<u64> = None;
    let mut snapshots = match crate::metrics::Snapshots::new(&cfg.metrics) {
        Ok(s) => s,
        Err(e) => {
            log.log(Priority::Error, &format!("Error: {e}"));
            return ExitCode::from(1);
        }
    };
    let engine_name = crate::metrics::engine_name(cfg.engine.kind);
    loop {
        if let Some(s) = snapshots.as_mut() {
            if s.due() {
                let st = pipeline.inspector().source().stats();
                let t = &counters.totals;
                t.num_evts.store(n, Ordering::Relaxed);
                t.n_evts.store(st.events, Ordering::Relaxed);
                t.n_drops.store(st.drops, Ordering::Relaxed);
                t.outputs_queue_num_drops
                    .store(queue.drops(), Ordering::Relaxed);
                let fields = s.take(t, "syscall", engine_name);
                // As Falco: an Informational alert, kept only when
                // `priority` lets Informational through.
                if s.output_rule() && Priority::Informational <= cfg.priority {
                    let ts = fields
                        .get("evt.time")
                        .and_then(serde_json::Value::as_u64)
                        .unwrap_or(0);
                    queue.push_internal(
                        ts,
                        Priority::Informational,
                        crate::metrics::SNAPSHOT_RULE,
                        crate::metrics::SNAPSHOT_MESSAGE,
                        &fields,
                    );
                }
            }
        }
        // Signals are checked between events (every event: a load of an
        // atomic is far cheaper than a rule).
        if signals.stop.load(Ordering::Relaxed) {
            break;
        }
        if let Some(d) = opts.duration {
            if !replay && started.elapsed() >= d {
                break;
            }
        }
        if signals.reopen.swap(false, Ordering::Relaxed) {
            queue.reopen();
        }
        if signals.reload.swap(false, Ordering::Relaxed) {
            log.log(
                Priority::Informational,
                "SIGHUP received, reloading configuration and rules",
            );
            match load_config(opts) {
                Ok(new_cfg) => match load_rules(&new_cfg, &opts.rules, &*log) {
                    Ok(new_engine) => {
                        let active = new_engine.ruleset().active_len();
                        if let Err(e) = pipeline.set_ruleset(new_engine.ruleset().clone()) {
                            log.log(
                                Priority::Error,
                                &format!("reload failed ({e}); the previous rules keep running"),
                            );
                            continue;
                        }
                        if new_cfg != cfg {
                            match OutputQueue::from_config(&new_cfg, log.clone()) {
                                Ok(q) => {
                                    std::mem::replace(&mut queue, q).shutdown();
                                    log = Arc::new(Logger::from_config(&new_cfg));
                                    cfg = new_cfg;
                                }
                                Err(e) => log.log(
                                    Priority::Error,
                                    &format!("reload: outputs unchanged: {e}"),
                                ),
                            }
                        }
                        counters.reloads.fetch_add(1, Ordering::Relaxed);
                        log.log(
                            Priority::Informational,
                            &format!("Rules reloaded: {active} rules active"),
                        );
                    }
                    Err(e) => log.log(
                        Priority::Error,
                        &format!("reload failed ({e}); the previous rules keep running"),
                    ),
                },
                Err(e) => log.log(
                    Priority::Error,
                    &format!(
                        "reload failed: {e}; the previous configuration and rules keep running"
                    ),
                ),
            }
        }
        let step = pipeline.step(|rule, ctx| {
            let alert = Alert::new(rule, ctx, ctx.event.ts());
            counters.alerts.fetch_add(1, Ordering::Relaxed);
            counters
                .totals
                .rules
                .add(&rule.name, rule.priority, &rule.source, &rule.tags);
            let e = by_rule
                .entry(rule.name.to_string())
                .or_insert((rule.priority, 0));
            e.1 += 1;
            queue.push(alert);
        });
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
        if n % 1024 == 0 {
            counters.events.store(n, Ordering::Relaxed);
            counters.totals.num_evts.store(n, Ordering::Relaxed);
            let st = pipeline.inspector().source().stats();
            counters.totals.n_evts.store(st.events, Ordering::Relaxed);
            counters.totals.n_drops.store(st.drops, Ordering::Relaxed);
            counters
                .totals
                .outputs_queue_num_drops
                .store(queue.drops(), Ordering::Relaxed);
        }
        // The drop monitor, once a second of event time (after the event's
        // rules: the source's counters are read once the event is done).
        let verdict = drops.on_event(ts, || pipeline.inspector().source().stats());
        if verdict != Verdict::Continue && drops.simulating() {
            log.log(Priority::Informational, "Simulating syscall event drop");
        }
        if let Verdict::Act(d) = verdict {
            if d.log {
                log.log(Priority::Debug, &d.message);
            }
            if let Some(fields) = &d.alert {
                queue.push_internal(d.time_ns, Priority::Debug, DROP_RULE, &d.message, fields);
            }
            if d.exit {
                log.log(Priority::Critical, &d.message);
                log.log(Priority::Critical, "Exiting.");
                error = Some("Drop manager internal error".to_string());
                break;
            }
        }
    }
    let stats: SourceStats = pipeline.inspector().source().stats();
    counters.events.store(n, Ordering::Relaxed);
    counters.drops.store(stats.drops, Ordering::Relaxed);
    let queue_drops = queue.drops();
    queue.shutdown();
    if opts.verbose {
        let secs = started.elapsed().as_secs_f64();
        eprintln!("Driver Events:{n}\nDriver Drops:{}", stats.drops);
        eprintln!(
            "Elapsed time: {secs:.3}, Captured Events: {n}, {:.2} eps",
            n as f64 / secs.max(1e-9)
        );
    }
    eprint!("{}", drops.summary());
    print_stats(&by_rule, n, &stats, queue_drops);
    if let Some(e) = error {
        eprintln!("Error: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Falco's end-of-run summary: the alert counts on stdout after the last
/// alert (where Falco's engine prints them once the outputs are closed),
/// then our event statistics line on stderr.
fn print_stats(
    by_rule: &BTreeMap<String, (Priority, u64)>,
    events: u64,
    s: &SourceStats,
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
    let _ = writeln!(
        err,
        "Syscall event statistics: {events} events processed, {} dropped by the kernel side, {} malformed skipped; {queue_drops} alerts dropped by a full outputs queue",
        s.drops, s.skipped_malformed
    );
}

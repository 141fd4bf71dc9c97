//! Falco's metrics: the `metrics` section's periodic snapshot (the internal
//! alert `Falco internal: metrics snapshot` and/or a line of `output_file`)
//! and the Prometheus text of `GET /metrics`, with Falco's names.
//!
//! Snapshot fields (`output_fields` of the alert): `evt.source`, `evt.time`,
//! `falco.version`, `falco.start_ts`, `falco.duration_sec`,
//! `falco.kernel_release`, `falco.host_boot_ts`, `falco.host_num_cpus`,
//! `falco.outputs_queue_num_drops`, `falco.num_evts`, `falco.num_evts_prev`,
//! `falco.evts_rate_sec`, `scap.engine_name`; with
//! `kernel_event_counters_enabled` `scap.n_evts`, `scap.n_evts_prev`,
//! `scap.evts_rate_sec`, `scap.n_drops`, `scap.n_drops_prev`,
//! `scap.evts_drop_rate_sec`, `scap.n_drops_perc`; with
//! `rules_counters_enabled` `falco.rules.matches_total` and
//! `falco.rules.<rule name>` per rule that matched (every rule with
//! `include_empty_values`); with `resource_utilization_enabled`
//! `falco.cpu_usage_perc`, `falco.memory_rss_mb`, `falco.memory_vsz_mb`
//! (`_bytes` without `convert_memory_to_mb`).
//!
//! Prometheus (`webserver.prometheus_metrics_enabled`):
//! `falcosecurity_falco_version_info{version}`,
//! `falcosecurity_scap_engine_name_info{engine_name,evt_source}`,
//! `falcosecurity_falco_outputs_queue_num_drops_total`,
//! `falcosecurity_falco_rules_matches_total{priority,rule_name,source,tag_*}`,
//! `falcosecurity_scap_n_evts_total`, `falcosecurity_scap_n_drops_total`,
//! `falcosecurity_falco_cpu_usage_ratio`, `falcosecurity_falco_memory_rss_bytes`,
//! `falcosecurity_falco_memory_vsz_bytes`, `falcosecurity_falco_duration_seconds_total`,
//! each with Falco's `# HELP` and `# TYPE` lines.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use falco_rules::rules::Priority;
use serde_json::{json, Map, Value};

use crate::config::{EngineKind, MetricsConfig};
use crate::daemon::{Counters, RuleMatches};

/// The rule of the snapshot alert.
pub const SNAPSHOT_RULE: &str = "Falco internal: metrics snapshot";
/// The message of the snapshot alert.
pub const SNAPSHOT_MESSAGE: &str = "Falco metrics snapshot";

/// Parses a Prometheus time duration (`1h`, `30m`, `1m30s`, `100ms`; units
/// `ms`, `s`, `m`, `h`, `d`, `w`, `y`), as `metrics.interval`.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let s = text.trim();
    let bad = || format!("'{text}' is not a time duration such as 1h, 30m, 15s or 100ms");
    if s.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::ZERO;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        if digits == 0 {
            return Err(bad());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let ms: u64 = match &rest[..unit_len] {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 7 * 86_400_000,
            "y" => 365 * 86_400_000,
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        total += Duration::from_millis(n.saturating_mul(ms));
    }
    Ok(total)
}

/// Falco's metric name of a rule: characters other than letters, digits,
/// `_` and `:` become `_`, runs of `_` one, no trailing `_`.
pub fn sanitize_rule_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' || c == ':' {
            c
        } else {
            '_'
        };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    if out.ends_with('_') {
        out.pop();
    }
    out
}

/// What the process uses, from `/proc/self`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Usage {
    /// CPU time (user + system) in seconds.
    pub cpu_secs: f64,
    /// Resident memory in bytes.
    pub rss_bytes: u64,
    /// Virtual memory in bytes.
    pub vsz_bytes: u64,
}

/// Reads this process's CPU time and memory (zeros where `/proc` says
/// nothing).
pub fn usage() -> Usage {
    let mut u = Usage::default();
    if let Ok(stat) = std::fs::read_to_string("/proc/self/stat") {
        // The fields after the command name (which may hold spaces).
        if let Some(rest) = stat.rsplit_once(") ").map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            // utime and stime are fields 14 and 15 of stat(5), in clock
            // ticks of 1/100 s on Linux.
            let t = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            u.cpu_secs = (t(11) + t(12)) as f64 / 100.0;
        }
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        let kb = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
                * 1024
        };
        u.rss_bytes = kb("VmRSS:");
        u.vsz_bytes = kb("VmSize:");
    }
    u
}

fn host_boot_ts_ns() -> u64 {
    std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("btime "))
                .and_then(|v| v.trim().parse::<u64>().ok())
        })
        .map(|s| s * 1_000_000_000)
        .unwrap_or(0)
}

fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Falco's engine name for an `engine.kind` (`scap.engine_name`).
pub fn engine_name(kind: EngineKind) -> &'static str {
    match kind {
        EngineKind::ModernEbpf => "modern_bpf",
        EngineKind::Kmod => "kmod",
        EngineKind::Replay => "savefile",
        EngineKind::NoDriver => "nodriver",
    }
}

/// Counters the daemon keeps for the metrics, shared with the web server
/// (the matches per rule are [`Counters::rules`]).
#[derive(Debug, Default)]
pub struct Totals {
    /// Events the daemon processed.
    pub num_evts: AtomicU64,
    /// Events the source read (`scap.n_evts`).
    pub n_evts: AtomicU64,
    /// Events the kernel side dropped (`scap.n_drops`).
    pub n_drops: AtomicU64,
    /// Alerts dropped by a full outputs queue.
    pub outputs_queue_num_drops: AtomicU64,
}

/// The matches per rule, by rule name.
fn rule_matches(c: &Counters) -> BTreeMap<String, RuleMatches> {
    c.rules.lock().map(|m| m.clone()).unwrap_or_default()
}

/// The periodic snapshot: when it is due and what it says.
#[derive(Debug)]
pub struct Snapshots {
    cfg: MetricsConfig,
    started: Instant,
    start_ts: u64,
    next: Instant,
    sample: u64,
    last: Option<(Instant, u64, u64, u64)>,
    file: Option<std::fs::File>,
}

impl Snapshots {
    /// The snapshots `metrics` asks for: `None` when disabled, or when it
    /// writes nowhere (`output_rule: false` and no `output_file`). An
    /// `output_file` that cannot be opened is an error naming it.
    pub fn new(cfg: &MetricsConfig) -> Result<Option<Snapshots>, String> {
        if !cfg.enabled || (!cfg.output_rule && cfg.output_file.is_empty()) {
            return Ok(None);
        }
        let file = if cfg.output_file.is_empty() {
            None
        } else {
            Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&cfg.output_file)
                    .map_err(|e| format!("metrics.output_file {}: {e}", cfg.output_file))?,
            )
        };
        let now = Instant::now();
        Ok(Some(Snapshots {
            cfg: cfg.clone(),
            started: now,
            start_ts: now_ns(),
            next: now + cfg.interval,
            sample: 0,
            last: None,
            file,
        }))
    }

    /// True once per `interval` of wall time.
    pub fn due(&mut self) -> bool {
        let now = Instant::now();
        if now < self.next {
            return false;
        }
        self.next = now + self.cfg.interval;
        true
    }

    /// Whether the snapshot is sent as an alert.
    pub fn output_rule(&self) -> bool {
        self.cfg.output_rule
    }

    /// Takes a snapshot of the daemon's `counters` for `source` on engine
    /// `engine`: the alert's `output_fields`. It is also appended to
    /// `output_file` when set (`{"sample": N, "output_fields": {...}}`).
    pub fn take(&mut self, counters: &Counters, source: &str, engine: &str) -> Map<String, Value> {
        let totals = &counters.totals;
        let now = Instant::now();
        let ts = now_ns();
        let num_evts = totals.num_evts.load(Ordering::Relaxed);
        let n_evts = totals.n_evts.load(Ordering::Relaxed);
        let n_drops = totals.n_drops.load(Ordering::Relaxed);
        let (dt, prev_num, prev_evts, prev_drops) = match self.last {
            Some((t, a, b, c)) => (now.duration_since(t).as_secs_f64(), a, b, c),
            None => (now.duration_since(self.started).as_secs_f64(), 0, 0, 0),
        };
        let rate = |d: u64| {
            if dt > 0.0 {
                (d as f64 / dt).round()
            } else {
                0.0
            }
        };
        let mut f = Map::new();
        f.insert("evt.source".into(), json!(source));
        f.insert("evt.time".into(), json!(ts));
        f.insert("falco.version".into(), json!(env!("CARGO_PKG_VERSION")));
        f.insert("falco.start_ts".into(), json!(self.start_ts));
        f.insert(
            "falco.duration_sec".into(),
            json!(self.started.elapsed().as_secs()),
        );
        f.insert("falco.kernel_release".into(), json!(kernel_release()));
        f.insert("falco.host_boot_ts".into(), json!(host_boot_ts_ns()));
        f.insert(
            "falco.host_num_cpus".into(),
            json!(std::thread::available_parallelism().map_or(0, |n| n.get())),
        );
        f.insert(
            "falco.outputs_queue_num_drops".into(),
            json!(totals.outputs_queue_num_drops.load(Ordering::Relaxed)),
        );
        f.insert("scap.engine_name".into(), json!(engine));
        f.insert("falco.num_evts".into(), json!(num_evts));
        f.insert("falco.num_evts_prev".into(), json!(prev_num));
        f.insert(
            "falco.evts_rate_sec".into(),
            json!(rate(num_evts.saturating_sub(prev_num))),
        );
        if self.cfg.rules_counters_enabled {
            let rules = rule_matches(counters);
            let total: u64 = rules.values().map(|r| r.count).sum();
            f.insert("falco.rules.matches_total".into(), json!(total));
            for (name, r) in &rules {
                if r.count > 0 || self.cfg.include_empty_values {
                    f.insert(
                        format!("falco.rules.{}", sanitize_rule_name(name)),
                        json!(r.count),
                    );
                }
            }
        }
        if self.cfg.resource_utilization_enabled {
            let u = usage();
            let wall = self.started.elapsed().as_secs_f64();
            let perc = if wall > 0.0 {
                (u.cpu_secs / wall * 10000.0).round() / 100.0
            } else {
                0.0
            };
            f.insert("falco.cpu_usage_perc".into(), json!(perc));
            if self.cfg.convert_memory_to_mb {
                let mb = |b: u64| (b as f64 / 1_048_576.0 * 100.0).round() / 100.0;
                f.insert("falco.memory_rss_mb".into(), json!(mb(u.rss_bytes)));
                f.insert("falco.memory_vsz_mb".into(), json!(mb(u.vsz_bytes)));
            } else {
                f.insert("falco.memory_rss_bytes".into(), json!(u.rss_bytes));
                f.insert("falco.memory_vsz_bytes".into(), json!(u.vsz_bytes));
            }
        }
        if self.cfg.kernel_event_counters_enabled {
            let de = n_evts.saturating_sub(prev_evts);
            let dd = n_drops.saturating_sub(prev_drops);
            f.insert("scap.n_evts".into(), json!(n_evts));
            f.insert("scap.n_evts_prev".into(), json!(prev_evts));
            f.insert("scap.evts_rate_sec".into(), json!(rate(de)));
            f.insert("scap.n_drops".into(), json!(n_drops));
            f.insert("scap.n_drops_prev".into(), json!(prev_drops));
            f.insert("scap.evts_drop_rate_sec".into(), json!(rate(dd)));
            let perc = if de > 0 {
                100.0 * dd as f64 / de as f64
            } else {
                0.0
            };
            f.insert("scap.n_drops_perc".into(), json!(perc));
        }
        self.last = Some((now, num_evts, n_evts, n_drops));
        self.sample += 1;
        if let Some(file) = &mut self.file {
            let line = json!({"sample": self.sample, "output_fields": &f});
            let _ = writeln!(file, "{line}");
        }
        f
    }
}

/// One metric in Prometheus' text format, with Falco's `# HELP` line.
fn exposition(out: &mut String, name: &str, ty: &str, labels: &[(String, String)], value: &str) {
    out.push_str(&format!(
        "# HELP {name} https://falco.org/docs/metrics/\n# TYPE {name} {ty}\n{name}"
    ));
    if !labels.is_empty() {
        let mut sorted = labels.to_vec();
        sorted.sort();
        let l: Vec<String> = sorted
            .iter()
            .map(|(k, v)| {
                let k: String = k
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
            })
            .collect();
        out.push('{');
        out.push_str(&l.join(","));
        out.push('}');
    }
    out.push(' ');
    out.push_str(value);
    out.push('\n');
}

/// Falco's numeric priority (`0` emergency ... `7` debug), the
/// `priority` label of `rules_matches_total`.
fn priority_number(p: Priority) -> u8 {
    match p {
        Priority::Emergency => 0,
        Priority::Alert => 1,
        Priority::Critical => 2,
        Priority::Error => 3,
        Priority::Warning => 4,
        Priority::Notice => 5,
        Priority::Informational => 6,
        _ => 7,
    }
}

/// The Prometheus text of `/metrics`: `sources` are the running event
/// sources with their engine names (`modern_bpf`, `source_plugin`, ...).
pub fn prometheus(
    counters: &Counters,
    cfg: &MetricsConfig,
    sources: &[(String, &str)],
    started: Instant,
) -> String {
    let totals = &counters.totals;
    let mut out = String::new();
    exposition(
        &mut out,
        "falcosecurity_falco_version_info",
        "gauge",
        &[("version".into(), env!("CARGO_PKG_VERSION").into())],
        "1",
    );
    for (source, engine) in sources {
        exposition(
            &mut out,
            "falcosecurity_scap_engine_name_info",
            "gauge",
            &[
                ("engine_name".into(), engine.to_string()),
                ("evt_source".into(), source.clone()),
            ],
            "1",
        );
    }
    exposition(
        &mut out,
        "falcosecurity_falco_outputs_queue_num_drops_total",
        "counter",
        &[],
        &totals
            .outputs_queue_num_drops
            .load(Ordering::Relaxed)
            .to_string(),
    );
    exposition(
        &mut out,
        "falcosecurity_falco_duration_seconds_total",
        "counter",
        &[],
        &started.elapsed().as_secs().to_string(),
    );
    if cfg.rules_counters_enabled {
        for (name, r) in rule_matches(counters) {
            if r.count == 0 && !cfg.include_empty_values {
                continue;
            }
            let mut labels = vec![
                ("rule_name".to_string(), name.clone()),
                (
                    "priority".to_string(),
                    priority_number(r.priority).to_string(),
                ),
                ("source".to_string(), r.source.to_string()),
            ];
            labels.extend(
                r.tags
                    .iter()
                    .map(|t| (format!("tag_{t}"), "true".to_string())),
            );
            exposition(
                &mut out,
                "falcosecurity_falco_rules_matches_total",
                "counter",
                &labels,
                &r.count.to_string(),
            );
        }
    }
    if cfg.resource_utilization_enabled {
        let u = usage();
        let wall = started.elapsed().as_secs_f64();
        let ratio = if wall > 0.0 { u.cpu_secs / wall } else { 0.0 };
        exposition(
            &mut out,
            "falcosecurity_falco_cpu_usage_ratio",
            "gauge",
            &[],
            &format!("{ratio:.6}"),
        );
        exposition(
            &mut out,
            "falcosecurity_falco_memory_rss_bytes",
            "gauge",
            &[],
            &u.rss_bytes.to_string(),
        );
        exposition(
            &mut out,
            "falcosecurity_falco_memory_vsz_bytes",
            "gauge",
            &[],
            &u.vsz_bytes.to_string(),
        );
    }
    if cfg.kernel_event_counters_enabled {
        exposition(
            &mut out,
            "falcosecurity_scap_n_evts_total",
            "counter",
            &[],
            &totals.n_evts.load(Ordering::Relaxed).to_string(),
        );
        exposition(
            &mut out,
            "falcosecurity_scap_n_drops_total",
            "counter",
            &[],
            &totals.n_drops.load(Ordering::Relaxed).to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(c: &Counters, name: &str, priority: Priority, tags: &[&str], count: u64) {
        let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        if let Ok(mut m) = c.rules.lock() {
            m.insert(
                name.to_string(),
                RuleMatches {
                    priority,
                    source: "syscall".into(),
                    tags: tags.into(),
                    count,
                },
            );
        }
    }

    #[test]
    fn intervals_are_prometheus_durations() {
        let cases = [
            ("1h", Some(3_600_000)),
            ("30m", Some(1_800_000)),
            ("1m30s", Some(90_000)),
            ("100ms", Some(100)),
            ("2d", Some(172_800_000)),
            ("5000", None),
            ("1x", None),
            ("", None),
            ("h", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_interval(text).ok().map(|d| d.as_millis() as u64),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn rule_names_are_sanitized_as_falco() {
        assert_eq!(
            sanitize_rule_name("Read sensitive file untrusted"),
            "Read_sensitive_file_untrusted"
        );
        assert_eq!(sanitize_rule_name("a -- b: (c)"), "a_b:_c");
    }

    #[test]
    fn prometheus_text_has_falcos_names_help_and_labels() {
        let c = Counters::default();
        add(&c, "Shell in container", Priority::Notice, &["shell"], 2);
        c.totals.n_evts.store(42, Ordering::Relaxed);
        let cfg = MetricsConfig::default();
        let sources = [("syscall".to_string(), "modern_bpf")];
        let text = prometheus(&c, &cfg, &sources, Instant::now());
        for want in [
            "# HELP falcosecurity_falco_version_info https://falco.org/docs/metrics/\n# TYPE falcosecurity_falco_version_info gauge\nfalcosecurity_falco_version_info{version=\"",
            "falcosecurity_scap_engine_name_info{engine_name=\"modern_bpf\",evt_source=\"syscall\"} 1\n",
            "# TYPE falcosecurity_falco_rules_matches_total counter\nfalcosecurity_falco_rules_matches_total{priority=\"5\",rule_name=\"Shell in container\",source=\"syscall\",tag_shell=\"true\"} 2\n",
            "falcosecurity_scap_n_evts_total 42\n",
            "# TYPE falcosecurity_falco_memory_rss_bytes gauge\n",
        ] {
            assert!(text.contains(want), "{want}\n{text}");
        }
    }

    #[test]
    fn snapshots_come_once_per_interval_with_falcos_fields_and_a_jsonl_line() {
        let file = std::env::temp_dir().join(format!("falco-metrics-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&file);
        let cfg = MetricsConfig {
            enabled: true,
            interval: Duration::from_millis(100),
            output_file: file.display().to_string(),
            ..MetricsConfig::default()
        };
        let mut s = match Snapshots::new(&cfg) {
            Ok(Some(s)) => s,
            other => panic!("{other:?}"),
        };
        assert!(!s.due());
        std::thread::sleep(Duration::from_millis(120));
        assert!(s.due());
        assert!(!s.due());
        let c = Counters::default();
        let t = &c.totals;
        t.num_evts.store(10, Ordering::Relaxed);
        t.n_evts.store(20, Ordering::Relaxed);
        t.n_drops.store(5, Ordering::Relaxed);
        add(&c, "Terminal shell in container", Priority::Notice, &[], 1);
        add(&c, "Never", Priority::Notice, &[], 0);
        let f = s.take(&c, "syscall", "modern_bpf");
        assert_eq!(f["evt.source"], "syscall");
        assert_eq!(f["scap.engine_name"], "modern_bpf");
        assert_eq!(f["falco.num_evts"], 10);
        assert_eq!(f["scap.n_evts"], 20);
        assert_eq!(f["scap.n_drops"], 5);
        assert_eq!(f["scap.n_drops_perc"], 25.0);
        assert_eq!(f["falco.rules.matches_total"], 1);
        assert_eq!(f["falco.rules.Terminal_shell_in_container"], 1);
        assert!(
            !f.contains_key("falco.rules.Never"),
            "no include_empty_values"
        );
        assert!(
            !f.contains_key("falco.rules.Never"),
            "no include_empty_values"
        );
        assert!(f["falco.memory_rss_mb"].as_f64().is_some_and(|m| m > 0.0));
        assert!(f.contains_key("falco.cpu_usage_perc"));
        t.num_evts.store(30, Ordering::Relaxed);
        let f = s.take(&c, "syscall", "modern_bpf");
        assert_eq!(f["falco.num_evts_prev"], 10);
        let lines = std::fs::read_to_string(&file).expect("output_file");
        let rows: Vec<Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["sample"], 2);
        assert_eq!(rows[1]["output_fields"]["falco.num_evts"], 30);
        let _ = std::fs::remove_file(&file);
        // Disabled, or writing nowhere: no snapshots.
        assert!(matches!(
            Snapshots::new(&MetricsConfig::default()),
            Ok(None)
        ));
        let nowhere = MetricsConfig {
            enabled: true,
            output_rule: false,
            ..MetricsConfig::default()
        };
        assert!(matches!(Snapshots::new(&nowhere), Ok(None)));
    }
}

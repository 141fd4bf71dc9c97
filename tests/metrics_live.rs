//! The metrics snapshot alert of a live run (root and BTF; skipped with the
//! reason otherwise, and a failure when `CI=true`): `falco -M 3` with
//! `metrics.interval: 1s` prints `Falco internal: metrics snapshot` alerts
//! with Falco's fields, and `--pidfile`/`-M` work live.

mod common;

use common::{example, stderr, stdout};

use std::path::Path;
use std::process::Command;

fn live() -> bool {
    use std::os::unix::fs::MetadataExt;
    let why = if std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(1)
        != 0
    {
        Some("not root")
    } else if !Path::new("/sys/kernel/btf/vmlinux").exists() {
        Some("no BTF (/sys/kernel/btf/vmlinux)")
    } else {
        None
    };
    match why {
        None => true,
        Some(why) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "the live metrics test must run when CI=true: {why}"
            );
            eprintln!("skipped: {why}");
            false
        }
    }
}

#[test]
fn a_live_run_sends_metrics_snapshots_and_stops_after_m_seconds() {
    if !live() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("falco-metrics-live-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "- rule: never\n  desc: d\n  condition: evt.type = open and proc.name = no-such-process\n  output: o\n  priority: INFO\n",
    )
    .expect("rules");
    let cfg = dir.join("falco.yaml");
    std::fs::write(
        &cfg,
        "json_output: true\nlog_syslog: false\nsyslog_output: {enabled: false}\nwebserver: {enabled: false}\n\
         metrics:\n  enabled: true\n  interval: 1s\n  include_empty_values: true\n",
    )
    .expect("config");
    let pid = dir.join("falco.pid");
    let started = std::time::Instant::now();
    let o = Command::new(example("falco"))
        .args([
            "-c",
            &cfg.display().to_string(),
            "-r",
            &rules.display().to_string(),
        ])
        .args(["-M", "3", "-P", &pid.display().to_string()])
        .output()
        .expect("falco runs");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(started.elapsed().as_secs() < 30, "-M 3 did not stop it");
    assert!(std::fs::read_to_string(&pid).is_ok_and(|p| p.trim().parse::<u32>().is_ok()));
    let snaps: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .filter(|l| l.starts_with('{'))
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|v: &serde_json::Value| v["rule"] == "Falco internal: metrics snapshot")
        .collect();
    assert!(snaps.len() >= 2, "{}", stdout(&o));
    let s = &snaps[0];
    assert_eq!(s["priority"], "Informational");
    assert_eq!(s["source"], "internal");
    let f = &s["output_fields"];
    assert_eq!(f["scap.engine_name"], "modern_bpf");
    assert_eq!(f["evt.source"], "syscall");
    assert!(f["scap.n_evts"].as_u64().is_some_and(|n| n > 0), "{f}");
    assert_eq!(f["falco.rules.never"], 0, "{f}");
    assert!(
        f["falco.memory_rss_mb"].as_f64().is_some_and(|m| m > 0.0),
        "{f}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

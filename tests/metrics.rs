//! Falco's metrics through the daemon's pieces: the `metrics` section, the
//! Prometheus text of `GET /metrics`, the periodic snapshot alert on a live
//! run is covered by `falco::metrics`' unit tests.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use falco::config::Config;
use falco::daemon::{Counters, RuleMatches};
use falco::outputs::StderrLog;
use falco::rules::rules::Priority;

fn config(yaml: &str) -> Result<Config, String> {
    Config::from_yaml("falco.yaml", yaml, &[])
        .map(|l| l.config)
        .map_err(|e| e.to_string())
}

#[test]
fn the_metrics_section_is_read_and_checked() {
    let c = config(
        "metrics:\n  enabled: true\n  interval: 15m\n  output_rule: false\n  output_file: /tmp/m.jsonl\n  rules_counters_enabled: false\n  include_empty_values: true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = &c.metrics;
    assert!(m.enabled && !m.output_rule && !m.rules_counters_enabled && m.include_empty_values);
    assert_eq!(m.interval, Duration::from_secs(900));
    assert_eq!(m.output_file, "/tmp/m.jsonl");
    for (yaml, want) in [
        ("metrics:\n  interval: 50ms\n", "falco.yaml:2:13: error: 'metrics.interval': '50ms' is below the minimum interval of 100ms"),
        ("metrics:\n  interval: hourly\n", "falco.yaml:2:13: error: 'metrics.interval': 'hourly' is not a time duration"),
    ] {
        let e = config(yaml).expect_err(yaml);
        assert!(e.starts_with(want), "{e}");
    }
    // Falco's keys that have nothing to count here warn.
    let l = Config::from_yaml(
        "falco.yaml",
        "metrics:\n  libbpf_stats_enabled: true\n",
        &[],
    )
    .expect("loads");
    assert!(l.warnings.iter().any(|w| w.to_string().contains(
        "'metrics.libbpf_stats_enabled' is a Falco setting this build does not implement"
    )));
}

#[test]
fn prometheus_metrics_are_served_with_falcos_names() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let c = config(&format!(
        "engine:\n  kind: kmod\nwebserver:\n  enabled: true\n  listen_address: 127.0.0.1\n  listen_port: {port}\n  prometheus_metrics_enabled: true\n"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let counters = Arc::new(Counters::default());
    counters.rules.lock().expect("lock").insert(
        "Write below etc".into(),
        RuleMatches {
            priority: Priority::Error,
            source: "syscall".into(),
            tags: vec!["filesystem".to_string()].into(),
            count: 1,
        },
    );
    let sources = vec![("syscall".to_string(), "kmod")];
    falco::webserver::start(&c, counters, sources, Arc::new(StderrLog)).expect("starts");
    let get = |path: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .expect("send");
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        answer
    };
    let m = get("/metrics");
    assert!(m.starts_with("HTTP/1.1 200 OK\r\n"), "{m}");
    for want in [
        "\nfalcosecurity_falco_version_info{version=\"",
        "\nfalcosecurity_scap_engine_name_info{engine_name=\"kmod\",evt_source=\"syscall\"} 1\n",
        "\nfalcosecurity_falco_rules_matches_total{priority=\"3\",rule_name=\"Write below etc\",source=\"syscall\",tag_filesystem=\"true\"} 1\n",
        "\n# TYPE falcosecurity_scap_n_evts_total counter\n",
        "\n# HELP falcosecurity_falco_cpu_usage_ratio https://falco.org/docs/metrics/\n",
    ] {
        assert!(m.contains(want), "{want}\n{m}");
    }
    assert!(get("/healthz").ends_with("{\"status\": \"ok\"}"));
}

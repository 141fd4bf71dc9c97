//! The source running as the daemon runs it: input thread, evaluation,
//! alerts into one sink, rules swapped by a reload.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use falco_k8saudit::input::OpenParams;
use falco_k8saudit::pipeline::{run, AuditInput, PluginConfig, RunEnd, SourceStats};
use falco_k8saudit::K8sAuditSource;
use falco_rules::{AlertFormat, Engine, Ruleset};

fn official() -> Engine {
    let mut e = Engine::builder().source(K8sAuditSource::new()).build();
    let r = e.load_file(&common::testdata().join("rules/k8s_audit_rules.yaml"));
    assert!(r.successful(), "{}", r.verbose());
    e
}

#[test]
fn a_file_replays_into_alerts_then_ends() {
    let engine = official();
    let path = common::testdata().join("k8s_audit/create_configmap_sensitive_values.json");
    let input = AuditInput::open(&OpenParams::File(path), &PluginConfig::default(), 4).unwrap();
    let stats = SourceStats::default();
    let mut alerts = Vec::new();
    let ruleset = engine.ruleset().clone();
    let end = run(
        &input,
        &|| ruleset.clone(),
        &AtomicBool::new(false),
        &stats,
        &mut |a| alerts.push(a),
    );
    assert_eq!(end, RunEnd::EndOfInput);
    // First match (Falco's default): the credentials rule comes first.
    assert_eq!(stats.events.load(Ordering::Relaxed), 6);
    assert_eq!(alerts.len(), 6);
    let json: serde_json::Value =
        serde_json::from_str(&alerts[0].json(&AlertFormat::default())).unwrap();
    assert_eq!(
        json["rule"],
        "Create/Modify Configmap With Private Credentials"
    );
    assert_eq!(json["source"], "k8s_audit");
}

#[test]
fn a_missing_file_or_bad_params_fail_at_open() {
    let err = AuditInput::open(
        &OpenParams::File("/nonexistent/audit.log".into()),
        &PluginConfig::default(),
        1,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/nonexistent/audit.log: No such file or directory (os error 2)"
    );
    let https = OpenParams::parse("https://127.0.0.1:0/k8s-audit").unwrap();
    let cfg = PluginConfig {
        ssl_certificate: "/nonexistent/falco.pem".into(),
        ..PluginConfig::default()
    };
    let err = AuditInput::open(&https, &cfg, 1).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("TLS certificate /nonexistent/falco.pem: "),
        "{err}"
    );
    assert!(PluginConfig::from_json("{\"maxEventSize\": \"big\"}").is_err());
}

fn post(addr: std::net::SocketAddr, body: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "POST /k8s-audit HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn webhook_events_alert_and_a_reload_applies_to_the_next_batch() {
    let params = OpenParams::parse("http://127.0.0.1:0/k8s-audit").unwrap();
    let input = AuditInput::open(&params, &PluginConfig::default(), 8).unwrap();
    let addr = input.webhook().unwrap().local_addr();

    let current: Arc<Mutex<Arc<Ruleset>>> = Arc::new(Mutex::new(official().ruleset().clone()));
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let runner = {
        let current = current.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let stats = SourceStats::default();
            let get = || current.lock().unwrap().clone();
            let end = run(&input, &get, &stop, &stats, &mut |a| {
                tx.send(a.rule.to_string()).unwrap()
            });
            (end, stats.events.load(Ordering::Relaxed))
        })
    };

    let body = std::fs::read_to_string(common::testdata().join("k8s_audit/exec_pod.json")).unwrap();
    assert!(post(addr, &body).starts_with("HTTP/1.1 200 OK"));
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(20)).unwrap(),
        "Attach/Exec Pod"
    );

    // Reload with one rule of our own: the next batch runs it.
    let mut e = Engine::builder().source(K8sAuditSource::new()).build();
    let r = e.load_str(
        "own.yaml",
        "- rule: Any exec\n  desc: d\n  condition: ka.uri.param[command] = bash\n  output: o\n  priority: INFO\n  source: k8s_audit\n",
    );
    assert!(r.successful(), "{}", r.verbose());
    *current.lock().unwrap() = e.ruleset().clone();
    assert!(post(addr, &body).starts_with("HTTP/1.1 200 OK"));
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(20)).unwrap(),
        "Any exec"
    );

    stop.store(true, Ordering::SeqCst);
    let (end, events) = runner.join().unwrap();
    assert_eq!((end, events), (RunEnd::Stopped, 2));
}

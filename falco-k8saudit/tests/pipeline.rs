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

/// The rule names and outputs of every alert of `input`, evaluated with
/// every matching rule reported.
fn alerts_of(
    input: &AuditInput,
    ruleset: &Arc<Ruleset>,
    stop_after: Option<usize>,
) -> Vec<(String, String)> {
    let stats = SourceStats::default();
    let stop = AtomicBool::new(false);
    let mut out = Vec::new();
    let mut on_alert = |a: falco_rules::Alert| out.push((a.rule.to_string(), a.output));
    match stop_after {
        None => {
            run(input, &|| ruleset.clone(), &stop, &stats, &mut on_alert);
        }
        Some(n) => {
            // A webhook never ends: stop once n events were evaluated.
            std::thread::scope(|s| {
                s.spawn(|| {
                    let deadline = std::time::Instant::now() + Duration::from_secs(20);
                    while (stats.events.load(Ordering::Relaxed) as usize) < n
                        && std::time::Instant::now() < deadline
                    {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    stop.store(true, Ordering::SeqCst);
                });
                run(input, &|| ruleset.clone(), &stop, &stats, &mut on_alert);
            });
        }
    }
    out
}

#[test]
fn every_file_posted_to_the_webhook_alerts_as_its_replay() {
    let mut engine = Engine::builder()
        .source(K8sAuditSource::new())
        .rule_matching(falco_rules::RuleMatching::All)
        .build();
    let r = engine.load_file(&common::testdata().join("rules/k8s_audit_rules.yaml"));
    assert!(r.successful(), "{}", r.verbose());
    let ruleset = engine.ruleset().clone();
    let dir = common::testdata().join("k8s_audit");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut total = 0;
    for path in files {
        let replay_input =
            AuditInput::open(&OpenParams::File(path.clone()), &PluginConfig::default(), 4).unwrap();
        let replay = alerts_of(&replay_input, &ruleset, None);

        let params = OpenParams::parse("http://127.0.0.1:0/k8s-audit").unwrap();
        let hook = AuditInput::open(&params, &PluginConfig::default(), 16).unwrap();
        let addr = hook.webhook().unwrap().local_addr();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut posted = 0;
        for doc in text.lines().filter(|l| !l.trim().is_empty()) {
            let answer = post(addr, doc);
            if answer.starts_with("HTTP/1.1 200 OK") {
                posted += falco_k8saudit::Batch::from_payload(
                    doc.as_bytes(),
                    falco_k8saudit::DEFAULT_MAX_EVENT_SIZE,
                )
                .unwrap()
                .events
                .len();
            } else {
                assert!(
                    answer.starts_with("HTTP/1.1 400 Bad Request"),
                    "{}: {answer}",
                    path.display()
                );
            }
        }
        let live = alerts_of(&hook, &ruleset, Some(posted));
        assert_eq!(live, replay, "{}", path.display());
        total += live.len();
    }
    // The expected table of tests/rules.rs adds up to 66 alerts.
    assert_eq!(total, 66);
}

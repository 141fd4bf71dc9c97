//! The `k8s_audit` source in the daemon: Falco's `load_plugins`/`plugins`
//! configuration, `--enable-source`/`--disable-source`, the audit webhook
//! beside the syscall source, one output queue, SIGHUP for both.

mod common;

use common::{example, free_port, http_get, interrupt, live, read, stderr, stdout, wait_for, Kill};

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use falco_k8saudit::input::read_path;
use falco_k8saudit::K8sAuditSource;
use falco_rules::engine::Engine;
use falco_rules::{RuleMatching, Scratch};

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-k8sd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// A falco.yaml loading the k8saudit and json plugins as Falco's
/// documentation shows, with `open_params` and the rules files given.
fn config(dir: &Path, rules: &[PathBuf], open_params: &str, extra: &str) -> PathBuf {
    let rules: String = rules
        .iter()
        .map(|r| format!("  - {}\n", r.display()))
        .collect();
    let text = format!(
        "rules_files:\n{rules}json_output: true\nstdout_output:\n  enabled: true\n\
         syslog_output:\n  enabled: false\nwebserver:\n  enabled: false\n\
         load_plugins: [k8saudit, json]\n\
         plugins:\n  - name: k8saudit\n    library_path: libk8saudit.so\n    init_config:\n      maxEventSize: 262144\n      webhookMaxBatchSize: 12582912\n    open_params: \"{open_params}\"\n\
         \x20 - name: json\n    library_path: libjson.so\n    init_config: \"\"\n{extra}"
    );
    let p = dir.join("falco.yaml");
    std::fs::write(&p, text).expect("config");
    p
}

/// The (rule, output) of each JSON alert line, all from `k8s_audit`
/// unless `any_source`.
fn alerts(out: &str, any_source: bool) -> Vec<(String, String)> {
    out.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let j: serde_json::Value = serde_json::from_str(l).expect("a JSON alert");
            if !any_source {
                assert_eq!(j["source"], "k8s_audit", "{l}");
            }
            (
                j["rule"].as_str().unwrap_or_default().to_string(),
                j["output"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// What the library gives for the files of `dir` through the official
/// rules: the count of alerts per rule.
fn library_counts(path: &Path, matching: RuleMatching) -> BTreeMap<String, usize> {
    let mut e = Engine::builder()
        .source(K8sAuditSource::new())
        .rule_matching(matching)
        .build();
    let r = e.load_file(&testdata("rules/k8s_audit_rules.yaml"));
    assert!(r.successful(), "{}", r.render());
    let batch = read_path(path, 262_144).expect("audit files");
    let mut out = BTreeMap::new();
    let mut scratch = Scratch::new();
    for ev in &batch.events {
        for rule in e.ruleset().matches(ev, &mut scratch) {
            *out.entry(rule.name.to_string()).or_insert(0) += 1;
        }
    }
    out
}

fn counts(alerts: &[(String, String)]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (r, _) in alerts {
        *out.entry(r.clone()).or_insert(0) += 1;
    }
    out
}

/// Runs the daemon to its end (with a deadline), as a user runs it.
fn run_to_end(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(example("falco"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("falco starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let o = child.wait_with_output().expect("output");
            panic!("falco did not end: {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_audit_directory_replays_through_the_daemon_as_through_the_library() {
    let dir = temp_dir("replay");
    let audit = testdata("k8s_audit");
    let cfg = config(
        &dir,
        &[testdata("rules/k8s_audit_rules.yaml")],
        &audit.display().to_string(),
        "",
    );
    for (matching, opt) in [
        (RuleMatching::All, "rule_matching=all"),
        (RuleMatching::First, "rule_matching=first"),
    ] {
        let o = run_to_end(&[
            "-c",
            &cfg.display().to_string(),
            "--disable-source",
            "syscall",
            "-o",
            opt,
        ]);
        let err = stderr(&o);
        assert!(o.status.success(), "{err}");
        let got = counts(&alerts(&stdout(&o), false));
        let want = library_counts(&audit, matching);
        assert!(!want.is_empty());
        assert_eq!(got, want, "{opt}\n{err}");
        let total: usize = want.values().sum();
        assert!(err.contains(&format!("Events detected: {total}")), "{err}");
        for line in [
            "Loaded plugin 'k8saudit@0.18.0' (built in: no shared object loaded, library_path libk8saudit.so not used)",
            "Loaded plugin 'json@0.7.4' (built in",
            "Opening 'k8s_audit' source with plugin 'k8saudit' (reading ",
            "sources: k8s_audit)",
            "k8s_audit event statistics: ",
        ] {
            assert!(err.contains(line), "{line:?} not in\n{err}");
        }
        assert!(!err.contains("Syscall event statistics"), "{err}");
    }
}

fn post(port: u16, body: &[u8], content_type: &str) -> Result<u16, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let head = format!(
        "POST /k8s-audit HTTP/1.1\r\nHost: localhost\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes())
        .and_then(|_| s.write_all(body))
        .map_err(|e| format!("write: {e}"))?;
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no status in {out:?}"))
}

/// A file of audit events (one JSON document per line) as the body the API
/// server POSTs: one `EventList`.
fn event_list(path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).expect("audit file");
    let items: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter::<serde_json::Value>()
        .map(|v| v.expect("a JSON document"))
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "kind": "EventList",
        "apiVersion": "audit.k8s.io/v1",
        "items": items,
    }))
    .expect("JSON")
}

/// The audit files POSTed to the webhook, in name order.
fn audit_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(testdata("k8s_audit"))
        .expect("k8s_audit dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 47);
    files
}

#[test]
fn the_webhook_in_the_daemon_alerts_as_the_file_replay_and_reloads_on_sighup() {
    let dir = temp_dir("webhook");
    let port = free_port();
    let extra_rules = dir.join("extra.yaml");
    std::fs::write(&extra_rules, "- list: nothing_yet\n  items: []\n").expect("rules");
    let cfg = config(
        &dir,
        &[testdata("rules/k8s_audit_rules.yaml"), extra_rules.clone()],
        &format!("http://127.0.0.1:{port}/k8s-audit"),
        "",
    );
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let web_port = free_port();
    let child = Command::new(example("falco"))
        .args([
            "-c",
            &cfg.display().to_string(),
            "--enable-source",
            "k8s_audit",
            "-o",
            "webserver.enabled=true",
            "-o",
            "webserver.prometheus_metrics_enabled=true",
            "-o",
            "webserver.listen_address=127.0.0.1",
            "-o",
            &format!("webserver.listen_port={web_port}"),
        ])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the webhook", Duration::from_secs(60), || {
        post(port, b"[]", "application/json").is_ok()
    });

    // Each file POSTed: the alerts equal the file replay's, file by file.
    let mut want = Vec::new();
    let replay_dir = dir.join("replay");
    std::fs::create_dir_all(&replay_dir).expect("dir");
    for f in audit_files() {
        let body = event_list(&f);
        assert_eq!(
            post(port, &body, "application/json"),
            Ok(200),
            "{}",
            f.display()
        );
        let replayed = run_to_end(&[
            "-c",
            &config(
                &replay_dir,
                &[testdata("rules/k8s_audit_rules.yaml")],
                &f.display().to_string(),
                "",
            )
            .display()
            .to_string(),
            "--disable-source",
            "syscall",
        ]);
        want.extend(alerts(&stdout(&replayed), false));
    }
    assert!(want.len() > 20, "{want:?}");
    wait_for("every alert", Duration::from_secs(30), || {
        alerts(&read(&out), false).len() >= want.len()
    });
    assert_eq!(alerts(&read(&out), false), want);

    // Falco's metrics, per source and per rule.
    let metrics = http_get(web_port, "/metrics").expect("GET /metrics");
    for want in [
        "falcosecurity_scap_engine_name_info{engine_name=\"source_plugin\",evt_source=\"k8s_audit\"} 1",
        "falcosecurity_falco_rules_matches_total{priority=\"4\",rule_name=\"Create Privileged Pod\",source=\"k8s_audit\",tag_k8s=\"true\"} ",
    ] {
        assert!(metrics.contains(want), "{want} not in\n{metrics}");
    }
    assert!(!metrics.contains("evt_source=\"syscall\""), "{metrics}");

    // Bad requests get an answer and lose nothing.
    assert_eq!(post(port, b"{not json", "application/json"), Ok(400));
    assert_eq!(post(port, b"[]", "text/plain"), Ok(415));

    // SIGHUP reloads the k8s_audit rules too.
    std::fs::write(
        &extra_rules,
        "- rule: K8s Secret Created\n  enabled: false\n- rule: Any secret created\n  desc: d\n  condition: ka.verb = create and ka.target.resource = secrets\n  output: \"secret %ka.target.name created\"\n  priority: NOTICE\n  source: k8s_audit\n",
    )
    .expect("rules");
    common::signal(&child.0, "-HUP");
    wait_for("the reload", Duration::from_secs(30), || {
        read(&log).contains("Rules reloaded")
    });
    let body = event_list(&testdata("k8s_audit/create_secret.json"));
    assert_eq!(post(port, &body, "application/json"), Ok(200));
    wait_for("the new rule's alert", Duration::from_secs(30), || {
        read(&out).contains("\"rule\":\"Any secret created\"")
    });

    interrupt(&mut child.0);
    let log = read(&log);
    assert!(
        log.contains("(webhook listening on http://127.0.0.1:"),
        "{log}"
    );
    assert!(log.contains("k8s_audit event statistics: "), "{log}");
    assert!(log.contains("; webhook: 49 requests accepted"), "{log}");
    assert!(log.contains(" 2 rejected"), "{log}");
}

#[test]
fn source_selection_and_plugin_errors_are_falcos() {
    let dir = temp_dir("errors");
    let rules = testdata("rules/k8s_audit_rules.yaml");
    let port = free_port();
    let cfg = config(
        &dir,
        std::slice::from_ref(&rules),
        &format!("http://127.0.0.1:{port}/k8s-audit"),
        "",
    );
    let cfg = cfg.display().to_string();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--enable-source",
                "syscall",
                "--disable-source",
                "k8s_audit",
            ],
            "You can not mix --enable-source and --disable-source",
        ),
        (
            &["--enable-source=aws_cloudtrail"],
            "Attempted enabling an unknown event source: aws_cloudtrail",
        ),
        (
            &["--disable-source", "gcp"],
            "Attempted disabling an unknown event source: gcp",
        ),
        (
            &[
                "--disable-source",
                "syscall",
                "--disable-source",
                "k8s_audit",
            ],
            "Must enable at least one event source",
        ),
        (
            &[
                "--disable-source",
                "syscall",
                "-o",
                "webserver.enabled=true",
                "-o",
                &format!("webserver.listen_port={port}"),
            ],
            "are both configured on port",
        ),
    ];
    for (args, want) in cases {
        let mut all = vec!["-c", cfg.as_str()];
        all.extend_from_slice(args);
        let o = run_to_end(&all);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }

    // A plugin that is not built in, and a load_plugins name with no entry.
    for (yaml, want) in [
        (
            "load_plugins: [cloudtrail]\nplugins:\n  - name: cloudtrail\n    library_path: libcloudtrail.so\n",
            "cannot load plugin 'cloudtrail' (library_path libcloudtrail.so): this build loads no shared objects",
        ),
        (
            "load_plugins: [k8saudit]\nplugins: []\n",
            "Cannot load plugin 'k8saudit': plugin config not found for given name",
        ),
    ] {
        let p = dir.join("bad.yaml");
        std::fs::write(&p, format!("rules_files: [{}]\n{yaml}", rules.display())).expect("cfg");
        let o = run_to_end(&["-c", &p.display().to_string()]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(want), "{}", stderr(&o));
    }

    // -V with the plugins configured: the official rules validate cleanly.
    let o = run_to_end(&[
        "-c",
        &cfg,
        "-o",
        "json_output=false",
        "-V",
        &rules.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert_eq!(stdout(&o).trim(), format!("{}: Ok", rules.display()));
}

#[test]
fn both_sources_live_alert_into_one_output() {
    if !live() {
        return;
    }
    let dir = temp_dir("live");
    let port = free_port();
    let shadow = dir.join("shadow.yaml");
    std::fs::write(
        &shadow,
        "- rule: shadow read\n  desc: d\n  condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat\n  output: \"shadow read (file=%fd.name process=%proc.name)\"\n  priority: WARNING\n",
    )
    .expect("rules");
    let cfg = config(
        &dir,
        &[shadow, testdata("rules/k8s_audit_rules.yaml")],
        &format!("http://127.0.0.1:{port}/k8s-audit"),
        "engine:\n  kind: modern_ebpf\n  modern_ebpf:\n    buf_size_preset: 6\n",
    );
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let child = Command::new(example("falco"))
        .args(["-c", &cfg.display().to_string()])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the webhook", Duration::from_secs(60), || {
        post(port, b"[]", "application/json").is_ok()
    });
    let body = event_list(&testdata("k8s_audit/create_nginx_pod_privileged.json"));
    assert_eq!(post(port, &body, "application/json"), Ok(200));
    // A busy machine can drop events at the ring buffer: repeat the read
    // until its alert shows up.
    wait_for("the syscall alert", Duration::from_secs(60), || {
        let _ = Command::new("cat")
            .arg("/etc/shadow")
            .stdout(Stdio::null())
            .status();
        std::thread::sleep(Duration::from_millis(300));
        read(&out).contains("\"rule\":\"shadow read\"")
    });
    wait_for("the audit alert", Duration::from_secs(30), || {
        read(&out).contains("\"rule\":\"Create Privileged Pod\"")
    });
    let got = alerts(&read(&out), true);
    let text = read(&out);
    assert!(text.contains("\"source\":\"syscall\""), "{text}");
    assert!(text.contains("\"source\":\"k8s_audit\""), "{text}");
    assert!(got.iter().any(|(r, _)| r == "Create Privileged Pod"));
    interrupt(&mut child.0);
    let log = read(&log);
    assert!(log.contains("sources: syscall, k8s_audit)"), "{log}");
    assert!(log.contains("Syscall event statistics: "), "{log}");
    assert!(log.contains("k8s_audit event statistics: "), "{log}");
}

#[test]
fn the_kubernetes_manifests_parse_and_their_config_runs_the_audit_source() {
    use saphyr::{LoadableYamlNode, Yaml};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/kubernetes/audit");
    let mut kinds = Vec::new();
    let mut falco_yaml = None;
    for name in [
        "falco-k8saudit.yaml",
        "audit-policy.yaml",
        "webhook-config.yaml",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("manifest");
        let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for d in &docs {
            let kind = d["kind"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: no kind"));
            assert!(d["apiVersion"].as_str().is_some(), "{name}: no apiVersion");
            kinds.push(kind.to_string());
            if kind == "ConfigMap" {
                falco_yaml = d["data"]["falco.yaml"].as_str().map(str::to_string);
            }
        }
    }
    assert_eq!(
        kinds,
        ["ConfigMap", "Deployment", "Service", "Policy", "Config"]
    );
    let loaded = falco::config::Config::from_yaml(
        "falco.yaml",
        &falco_yaml.expect("the ConfigMap's falco.yaml"),
        &[],
    )
    .expect("the ConfigMap's falco.yaml loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let plan = falco::sources::SourcePlan::new(&loaded.config, &[], &["syscall".into()])
        .expect("the plugins load");
    assert_eq!(plan.enabled(), ["k8s_audit"]);
    assert_eq!(
        plan.k8saudit().map(|k| k.open.clone()),
        falco_k8saudit::input::OpenParams::parse("http://:9765/k8s-audit").ok()
    );
}

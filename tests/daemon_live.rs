//! The daemon end to end, live on this host: the eBPF probe, the rules, every
//! output, the web server, the priority threshold and SIGHUP reloads.
//!
//! Needs root and a kernel with BTF (CI has both); elsewhere it says why and
//! skips.

mod common;

use common::{example, free_port, http_get, live, read, signal, wait_for, Kill};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A one-thread HTTP server that sends each POST body down a channel.
fn http_sink() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let tx = tx.clone();
            std::thread::spawn(move || serve(stream, tx));
        }
    });
    (port, rx)
}

fn serve(stream: TcpStream, tx: mpsc::Sender<String>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut w = match stream.try_clone() {
        Ok(w) => w,
        Err(_) => return,
    };
    let mut r = BufReader::new(stream);
    loop {
        let mut len = 0usize;
        let mut line = String::new();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        loop {
            line.clear();
            if r.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; len];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let _ = tx.send(String::from_utf8_lossy(&body).into_owned());
        let _ = w.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    }
}

fn cat(path: &str) {
    let st = Command::new("cat")
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("cat runs");
    let _ = st;
}

fn rules(name: &str, dir: &Path) -> String {
    format!(
        "- rule: {name}\n  desc: shadow read by cat\n  condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow and proc.name = cat\n  output: \"{name} (file=%fd.name process=%proc.name)\"\n  priority: WARNING\n\
         - rule: debug only\n  desc: below the threshold\n  condition: evt.type in (open, openat, openat2) and fd.name = {}/debugfile and proc.name = cat\n  output: \"debug only (file=%fd.name)\"\n  priority: DEBUG\n",
        dir.display()
    )
}

/// The live tests run one at a time: two daemons with probes attached would
/// double the load on the machine (and the drops).
static LIVE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn daemon_alerts_in_every_output_and_reloads_on_sighup() {
    let _one_at_a_time = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    if !live() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("falco-daemon-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("debugfile"), "x").expect("debug file");
    let rules_file = dir.join("rules.yaml");
    std::fs::write(&rules_file, rules("shadow read", &dir)).expect("rules");
    let (http_port, bodies) = http_sink();
    let web_port = free_port();
    let alerts = dir.join("alerts.txt");
    let program = dir.join("program.txt");
    let config = dir.join("falco.yaml");
    std::fs::write(
        &config,
        format!(
            "rules_files:\n  - {rules}\njson_output: true\npriority: warning\n\
             stdout_output:\n  enabled: false\nsyslog_output:\n  enabled: false\n\
             file_output:\n  enabled: true\n  keep_alive: false\n  filename: {alerts}\n\
             program_output:\n  enabled: true\n  keep_alive: false\n  program: \"cat >> {program}\"\n\
             http_output:\n  enabled: true\n  url: http://127.0.0.1:{http_port}/\n\
             webserver:\n  enabled: true\n  listen_address: 127.0.0.1\n  listen_port: {web_port}\n\
             engine:\n  kind: modern_ebpf\n  modern_ebpf:\n    buf_size_preset: 6\n",
            rules = rules_file.display(),
            alerts = alerts.display(),
            program = program.display(),
        ),
    )
    .expect("config");

    let log = dir.join("falco.log");
    let child = Command::new(example("falco"))
        .args(["-c", &config.display().to_string()])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);

    // The web server answers once the daemon runs.
    wait_for("/healthz", Duration::from_secs(60), || {
        http_get(web_port, "/healthz")
            .is_ok_and(|r| r.starts_with("HTTP/1.1 200") && r.contains(r#"{"status": "ok"}"#))
    });
    let nope = http_get(web_port, "/nope");
    assert!(
        nope.as_ref().is_ok_and(|r| r.starts_with("HTTP/1.1 404")),
        "{nope:?}"
    );
    std::thread::sleep(Duration::from_secs(1));

    // An alert in every output; the DEBUG rule is below the threshold.
    cat(&format!("{}/debugfile", dir.display()));
    // A busy machine can drop events at the ring buffer: each wait repeats
    // the action until the alert shows up.
    wait_for("the file output", Duration::from_secs(60), || {
        cat("/etc/shadow");
        std::thread::sleep(Duration::from_millis(300));
        read(&alerts).contains("\"rule\":\"shadow read\"")
    });
    wait_for("the program output", Duration::from_secs(30), || {
        read(&program).contains("\"rule\":\"shadow read\"")
    });
    let body = bodies
        .recv_timeout(Duration::from_secs(30))
        .expect("an HTTP POST");
    let j: serde_json::Value = serde_json::from_str(&body).expect("JSON body");
    assert_eq!(j["rule"], "shadow read");
    assert_eq!(j["priority"], "Warning");
    assert_eq!(j["output_fields"]["fd.name"], "/etc/shadow");
    assert!(!read(&alerts).contains("debug only"), "{}", read(&alerts));

    // A broken rules file and SIGHUP: the old rules keep running.
    std::fs::write(&rules_file, "- rule: broken\n  desc: d\n  condition: evt.type = open and\n  output: o\n  priority: WARNING\n").expect("rules");
    signal(&child.0, "-HUP");
    wait_for(
        "the failed reload in the log",
        Duration::from_secs(30),
        || read(&log).contains("the previous rules keep running"),
    );
    let before = read(&alerts).matches("\"rule\":\"shadow read\"").count();
    cat("/etc/shadow");
    wait_for(
        "an alert from the old rules",
        Duration::from_secs(30),
        || read(&alerts).matches("\"rule\":\"shadow read\"").count() > before,
    );

    // A good rules file and SIGHUP: the new rules take over.
    std::fs::write(&rules_file, rules("shadow read v2", &dir)).expect("rules");
    signal(&child.0, "-HUP");
    wait_for("the reload in the log", Duration::from_secs(30), || {
        read(&log).contains("Rules reloaded")
    });
    cat("/etc/shadow");
    wait_for(
        "an alert from the new rules",
        Duration::from_secs(30),
        || read(&alerts).contains("\"rule\":\"shadow read v2\""),
    );

    // SIGTERM: a clean exit with the statistics.
    signal(&child.0, "-TERM");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.0.try_wait().expect("wait") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "falco did not stop"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{}", read(&log));
    let log_text = read(&log);
    assert!(log_text.contains("Events detected:"), "{log_text}");
    assert!(log_text.contains("shadow read v2: "), "{log_text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The eBPF issue's end-to-end check: with Falco's own stable rules and JSON
/// output, `cat /etc/shadow` gives a `Read sensitive file untrusted` alert.
#[test]
fn official_rules_alert_on_cat_etc_shadow() {
    let _one_at_a_time = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    if !live() {
        return;
    }
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules/falco_rules.yaml");
    let dir = std::env::temp_dir().join(format!("falco-official-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("stdout.txt");
    let log = dir.join("stderr.txt");
    let child = Command::new(example("falco"))
        .args(["-r", &rules.display().to_string(), "-o", "json_output=true"])
        .args([
            "-o",
            "syslog_output.enabled=false",
            "-o",
            "webserver.enabled=false",
        ])
        .stdout(std::fs::File::create(&out).expect("stdout file"))
        .stderr(std::fs::File::create(&log).expect("stderr file"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the daemon to start", Duration::from_secs(60), || {
        read(&log).contains("Starting event processing")
    });
    // A busy machine can drop events at the ring buffer: try again until the
    // alert shows up.
    wait_for(
        "a Read sensitive file untrusted alert",
        Duration::from_secs(60),
        || {
            cat("/etc/shadow");
            std::thread::sleep(Duration::from_millis(300));
            read(&out).lines().any(|l| {
                l.contains("\"rule\":\"Read sensitive file untrusted\"")
                    && l.contains("/etc/shadow")
            })
        },
    );
    let line = read(&out)
        .lines()
        .find(|l| l.contains("\"rule\":\"Read sensitive file untrusted\""))
        .map(str::to_string)
        .expect("alert line");
    let j: serde_json::Value = serde_json::from_str(&line).expect("JSON alert");
    assert_eq!(j["priority"], "Warning");
    assert_eq!(j["output_fields"]["proc.name"], "cat");
    assert_eq!(j["output_fields"]["fd.name"], "/etc/shadow");
    assert!(j["output"]
        .as_str()
        .expect("output")
        .contains("Warning Sensitive file opened for reading by non-trusted program"));
    signal(&child.0, "-TERM");
    let start = Instant::now();
    while child.0.try_wait().expect("wait").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "falco did not stop"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

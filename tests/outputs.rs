//! Outputs as a Falco user sees them: alerts arrive in files, on a program's
//! stdin, at an HTTP endpoint and at syslog, and a full queue drops alerts
//! without blocking the event loop.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use falco::config::Config;
use falco::outputs::{
    FileOutput, Formatter, Log, Message, Output, OutputQueue, ProgramOutput, Syslog, SyslogOutput,
    QUEUE_FULL_MESSAGE,
};
use falco::rules::alert::{Alert, AlertFormat};
use falco::rules::rules::Priority;
use falco::rules::TimeFields;
use serde_json::Value as Json;

fn alert(n: u64, output: &str) -> Alert {
    Alert {
        rule: "Read sensitive file by untrusted program".into(),
        priority: Priority::Warning,
        source: "syscall".into(),
        tags: vec!["filesystem".to_string()].into(),
        time_ns: 1_470_327_477_881_781_397 + n,
        output: output.into(),
        output_fields: vec![("fd.name".into(), Json::from("/etc/shadow"))],
        time_fields: Some(TimeFields {
            plain: "evt.time".into(),
            iso8601: "evt.time.iso8601".into(),
        }),
        extra: Vec::new(),
    }
}

fn formatter(json: bool) -> Formatter {
    Formatter {
        json,
        format: AlertFormat {
            hostname: "test-host".into(),
            time_format_iso_8601: true,
            ..AlertFormat::default()
        },
    }
}

/// A fresh directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-outputs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

/// A log that keeps its lines.
#[derive(Default)]
struct Keep(Mutex<Vec<(Priority, String)>>);

impl Log for Keep {
    fn log(&self, level: Priority, msg: &str) {
        if let Ok(mut v) = self.0.lock() {
            v.push((level, msg.to_string()));
        }
    }
}

impl Keep {
    fn lines(&self) -> Vec<(Priority, String)> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

fn queue(outputs: Vec<Box<dyn Output>>, json: bool, capacity: usize) -> (OutputQueue, Arc<Keep>) {
    let log = Arc::new(Keep::default());
    (
        OutputQueue::start(outputs, formatter(json), capacity, log.clone()),
        log,
    )
}

fn config(yaml: &str) -> Config {
    match Config::from_yaml("falco.yaml", yaml, &[]) {
        Ok(l) => l.config,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn file_output_appends_one_text_line_per_alert() {
    for keep_alive in [false, true] {
        let dir = temp_dir(&format!("file-{keep_alive}"));
        let path = dir.join("events.txt");
        std::fs::write(&path, "earlier line\n").expect("seed");
        let out = FileOutput::new(path.clone(), keep_alive, false);
        let (q, log) = queue(vec![Box::new(out)], false, 0);
        q.push(alert(0, "first"));
        q.push(alert(1, "second"));
        q.flush();
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            text,
            "earlier line\n\
             2016-08-04T16:17:57.881781397+0000: Warning first\n\
             2016-08-04T16:17:57.881781398+0000: Warning second\n",
            "keep_alive={keep_alive}"
        );
        q.shutdown();
        assert!(log.lines().is_empty(), "{:?}", log.lines());
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn file_output_from_config_writes_json_when_json_output_is_on() {
    let dir = temp_dir("file-json");
    let path = dir.join("events.json");
    let c = config(&format!(
        "json_output: true\nstdout_output: {{enabled: false}}\nsyslog_output: {{enabled: false}}\n\
         file_output: {{enabled: true, filename: '{}'}}\n",
        path.display()
    ));
    let q = OutputQueue::from_config(&c, Arc::new(Keep::default())).expect("outputs");
    q.push(alert(0, "hello"));
    q.shutdown();
    let text = std::fs::read_to_string(&path).expect("read");
    let j: Json = serde_json::from_str(text.trim_end()).expect("one JSON object");
    assert_eq!(j["rule"], "Read sensitive file by untrusted program");
    assert_eq!(j["priority"], "Warning");
    assert_eq!(j["output_fields"]["fd.name"], "/etc/shadow");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_output_that_fails_is_logged_and_the_others_still_get_the_alert() {
    let dir = temp_dir("failing");
    let good = dir.join("good.txt");
    let bad = FileOutput::new(dir.join("missing-dir").join("x.txt"), false, false);
    let (q, log) = queue(
        vec![
            Box::new(bad),
            Box::new(FileOutput::new(good.clone(), false, false)),
        ],
        false,
        0,
    );
    q.push(alert(0, "still delivered"));
    q.shutdown();
    assert!(std::fs::read_to_string(&good)
        .expect("read")
        .contains("still delivered"));
    let lines = log.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].0, Priority::Error);
    assert!(
        lines[0].1.starts_with("file: failed to open output file "),
        "{lines:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn program_output_gets_the_alert_on_stdin_never_on_its_command_line() {
    let dir = temp_dir("program");
    let path = dir.join("got.txt");
    let marker = dir.join("injected");
    let program = format!("cat >> '{}'", path.display());
    let hostile = format!(
        "x $(touch {m}) `touch {m}`; touch {m} '\"",
        m = marker.display()
    );
    let (q, _) = queue(vec![Box::new(ProgramOutput::new(program, false))], false, 0);
    q.push(alert(0, "one"));
    q.push(alert(1, &hostile));
    q.shutdown();
    let text = std::fs::read_to_string(&path).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0], "2016-08-04T16:17:57.881781397+0000: Warning one");
    assert!(lines[1].ends_with(&hostile.replace('"', "\\\"")), "{text}");
    assert!(!marker.exists(), "the alert text was run by a shell");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn program_output_keep_alive_runs_one_child_for_all_alerts() {
    for (keep_alive, starts) in [(true, 1), (false, 3)] {
        let dir = temp_dir(&format!("program-keep-{keep_alive}"));
        let path = dir.join("got.txt");
        let program = format!("echo start >> '{p}'; cat >> '{p}'", p = path.display());
        let (q, _) = queue(
            vec![Box::new(ProgramOutput::new(program, keep_alive))],
            false,
            0,
        );
        for i in 0..3 {
            q.push(alert(i, "x"));
        }
        q.shutdown();
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            text.lines().filter(|l| *l == "start").count(),
            starts,
            "keep_alive={keep_alive}: {text}"
        );
        assert_eq!(text.lines().filter(|l| l.ends_with("Warning x")).count(), 3);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// One HTTP request as the test server read it.
struct Request {
    head: String,
    body: String,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Reads one request (headers, then a Content-Length body).
fn read_request(r: &mut BufReader<std::net::TcpStream>) -> Option<Request> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let req = Request {
        head,
        body: String::new(),
    };
    let n: usize = req.header("content-length")?.parse().ok()?;
    let mut body = vec![0; n];
    r.read_exact(&mut body).ok()?;
    Some(Request {
        body: String::from_utf8(body).ok()?,
        ..req
    })
}

/// A server on 127.0.0.1 that accepts `conns` connections and answers
/// `per_conn` requests on each with 200; the requests come back on the
/// channel.
fn http_server(conns: usize, per_conn: usize) -> (String, mpsc::Receiver<Request>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/falco", listener.local_addr().expect("addr"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for _ in 0..conns {
            let Ok((s, _)) = listener.accept() else {
                return;
            };
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let mut r = BufReader::new(s);
            for _ in 0..per_conn {
                let Some(req) = read_request(&mut r) else {
                    break;
                };
                let _ = r
                    .get_mut()
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                if tx.send(req).is_err() {
                    return;
                }
            }
        }
    });
    (url, rx)
}

fn http_config(url: &str, extra: &str) -> Config {
    config(&format!(
        "json_output: true\nstdout_output: {{enabled: false}}\nsyslog_output: {{enabled: false}}\n\
         http_output:\n  enabled: true\n  url: \"{url}\"\n{extra}"
    ))
}

#[test]
fn http_output_posts_the_json_alert_as_falcosidekick_expects() {
    let (url, rx) = http_server(1, 1);
    let log = Arc::new(Keep::default());
    let q = OutputQueue::from_config(&http_config(&url, ""), log.clone()).expect("outputs");
    q.push(alert(0, "Sensitive file opened"));
    q.flush();
    let req = rx.recv_timeout(Duration::from_secs(10)).expect("a request");
    assert!(
        req.head.starts_with("POST /falco HTTP/1.1\r\n"),
        "{}",
        req.head
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.header("user-agent"), Some("falcosecurity/falco"));
    assert!(req
        .header("host")
        .is_some_and(|h| h.starts_with("127.0.0.1:")));
    let j: Json = serde_json::from_str(&req.body).expect("JSON body");
    assert_eq!(j["rule"], "Read sensitive file by untrusted program");
    assert_eq!(j["priority"], "Warning");
    assert_eq!(j["source"], "syscall");
    assert_eq!(j["time"], "2016-08-04T16:17:57.881781397Z");
    assert_eq!(j["output_fields"]["fd.name"], "/etc/shadow");
    assert!(j["output"]
        .as_str()
        .is_some_and(|o| o.ends_with("Warning Sensitive file opened")));
    q.shutdown();
    assert!(log.lines().is_empty(), "{:?}", log.lines());
}

#[test]
fn http_output_keep_alive_reuses_one_connection_with_a_custom_user_agent() {
    let (url, rx) = http_server(1, 2);
    let c = http_config(&url, "  keep_alive: true\n  user_agent: my-agent/1.0\n");
    let log = Arc::new(Keep::default());
    let q = OutputQueue::from_config(&c, log.clone()).expect("outputs");
    q.push(alert(0, "a"));
    q.push(alert(1, "b"));
    q.flush();
    for want in ["a", "b"] {
        let req = rx.recv_timeout(Duration::from_secs(10)).expect("a request");
        assert_eq!(req.header("user-agent"), Some("my-agent/1.0"));
        assert_eq!(req.header("connection"), Some("keep-alive"));
        let j: Json = serde_json::from_str(&req.body).expect("JSON body");
        assert!(j["output"].as_str().is_some_and(|o| o.ends_with(want)));
    }
    q.shutdown();
    assert!(log.lines().is_empty(), "{:?}", log.lines());
}

#[test]
fn http_output_sends_text_plain_without_json_output() {
    let (url, rx) = http_server(1, 1);
    let c = Config {
        json_output: false,
        time_format_iso_8601: true,
        ..http_config(&url, "")
    };
    let q = OutputQueue::from_config(&c, Arc::new(Keep::default())).expect("outputs");
    q.push(alert(0, "plain"));
    q.flush();
    let req = rx.recv_timeout(Duration::from_secs(10)).expect("a request");
    assert_eq!(req.header("content-type"), Some("text/plain"));
    assert_eq!(
        req.body,
        "2016-08-04T16:17:57.881781397+0000: Warning plain"
    );
    q.shutdown();
}

#[test]
fn syslog_output_sends_rfc3164_datagrams_with_the_priority_as_severity() {
    let dir = temp_dir("syslog");
    let sock_path = dir.join("log.sock");
    let sock = UnixDatagram::bind(&sock_path).expect("bind");
    sock.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let out = SyslogOutput::new(Syslog::with_path(&sock_path));
    let (q, log) = queue(vec![Box::new(out)], false, 0);
    q.push(alert(0, "to syslog"));
    let mut crit = alert(1, "critical one");
    crit.priority = Priority::Critical;
    q.push(crit);
    q.shutdown();
    let mut buf = [0u8; 4096];
    let mut got = Vec::new();
    for _ in 0..2 {
        let n = sock.recv(&mut buf).expect("a datagram");
        got.push(String::from_utf8_lossy(&buf[..n]).into_owned());
    }
    // LOG_USER (8) + Warning (4); LOG_USER + Critical (2).
    assert!(got[0].starts_with("<12>"), "{got:?}");
    assert!(
        got[0].ends_with(" falco: 2016-08-04T16:17:57.881781397+0000: Warning to syslog"),
        "{got:?}"
    );
    assert!(got[1].starts_with("<10>"), "{got:?}");
    assert!(log.lines().is_empty(), "{:?}", log.lines());
    let _ = std::fs::remove_dir_all(&dir);
}

/// An output that blocks inside `write` until released.
struct Blocking {
    entered: mpsc::Sender<()>,
    release: mpsc::Receiver<()>,
    written: Arc<Mutex<usize>>,
}

impl Output for Blocking {
    fn name(&self) -> &str {
        "blocking"
    }

    fn write(&mut self, _m: &Message) -> std::io::Result<()> {
        let _ = self.entered.send(());
        let _ = self.release.recv();
        if let Ok(mut n) = self.written.lock() {
            *n += 1;
        }
        Ok(())
    }
}

#[test]
fn a_full_queue_drops_and_counts_alerts_without_blocking() {
    let (entered_tx, entered) = mpsc::channel();
    let (release, release_rx) = mpsc::channel();
    let written = Arc::new(Mutex::new(0));
    let out = Blocking {
        entered: entered_tx,
        release: release_rx,
        written: written.clone(),
    };
    let (q, log) = queue(vec![Box::new(out)], false, 2);
    // The worker takes the first alert and blocks in the output.
    assert!(q.push(alert(0, "in the output")));
    entered
        .recv_timeout(Duration::from_secs(10))
        .expect("the worker got the first alert");
    // Two fit in the queue; the other eight are dropped at once.
    let queued: Vec<bool> = (1..=10).map(|i| q.push(alert(i, "more"))).collect();
    assert_eq!(queued.iter().filter(|&&b| b).count(), 2);
    assert_eq!(q.drops(), 8);
    // Falco's message, logged once at error level.
    assert_eq!(
        log.lines(),
        [(Priority::Error, QUEUE_FULL_MESSAGE.to_string())]
    );
    for _ in 0..3 {
        let _ = release.send(());
    }
    q.flush();
    assert_eq!(*written.lock().expect("lock"), 3);
    q.shutdown();
}

#[test]
fn shutdown_writes_everything_queued() {
    let dir = temp_dir("shutdown");
    let path = dir.join("events.txt");
    let (q, _) = queue(
        vec![Box::new(FileOutput::new(path.clone(), true, true))],
        false,
        0,
    );
    for i in 0..100 {
        q.push(alert(i, "x"));
    }
    q.shutdown();
    assert_eq!(
        std::fs::read_to_string(&path)
            .expect("read")
            .lines()
            .count(),
        100
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreachable_http_endpoint_is_logged_with_its_url() {
    // A port nobody listens on: bind, note the port, close.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let c = http_config(&format!("http://127.0.0.1:{port}/"), "");
    let log = Arc::new(Keep::default());
    let q = OutputQueue::from_config(&c, log.clone()).expect("outputs");
    q.push(alert(0, "x"));
    q.shutdown();
    let lines = log.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].1.starts_with(&format!(
            "http: cannot connect to http://127.0.0.1:{port}: "
        )),
        "{lines:?}"
    );
}

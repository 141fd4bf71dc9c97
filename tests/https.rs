//! Outputs over TLS and the HTTPS web server, with a local TLS server and
//! certificates this test makes (rcgen): a CA, a server certificate for
//! 127.0.0.1 and localhost, a client certificate for mTLS.
#![cfg(feature = "tls")]

mod common;

use common::{example, stderr, stdout};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use falco::config::Config;
use falco::outputs::http::HttpOutput;
use falco::outputs::{Log, Message, Output, OutputQueue};
use falco::rules::alert::Alert;
use falco::rules::rules::Priority;

struct Pki {
    dir: PathBuf,
    ca_pem: String,
    ca: rcgen::Certificate,
    ca_key: rcgen::KeyPair,
    server_pem: String,
    server_key_pem: String,
}

impl Pki {
    fn new(name: &str) -> Pki {
        let dir = std::env::temp_dir().join(format!("falco-https-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let ca_key = rcgen::KeyPair::generate().expect("key");
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "falco test CA");
        let ca = p.self_signed(&ca_key).expect("CA");
        let key = rcgen::KeyPair::generate().expect("key");
        let p = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".into()])
            .expect("params");
        let server = p.signed_by(&key, &ca, &ca_key).expect("server cert");
        let pki = Pki {
            dir,
            ca_pem: ca.pem(),
            server_pem: server.pem(),
            server_key_pem: key.serialize_pem(),
            ca,
            ca_key,
        };
        pki.write("ca.pem", &pki.ca_pem.clone());
        pki
    }

    fn write(&self, name: &str, text: &str) -> String {
        let p = self.dir.join(name);
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// A client certificate signed by the CA: (cert file, key file).
    fn client(&self) -> (String, String) {
        let key = rcgen::KeyPair::generate().expect("key");
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "falco");
        p.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
        let c = p
            .signed_by(&key, &self.ca, &self.ca_key)
            .expect("client cert");
        (
            self.write("client.crt", &c.pem()),
            self.write("client.key", &key.serialize_pem()),
        )
    }

    fn server_config(&self, require_client: bool) -> Arc<rustls::ServerConfig> {
        use rustls_pki_types::pem::PemObject;
        let certs =
            vec![
                rustls_pki_types::CertificateDer::from_pem_slice(self.server_pem.as_bytes())
                    .expect("cert"),
            ];
        let key = rustls_pki_types::PrivateKeyDer::from_pem_slice(self.server_key_pem.as_bytes())
            .expect("key");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let b = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .expect("versions");
        let b = if require_client {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(self.ca.der().clone()).expect("root");
            let v = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .build()
            .expect("verifier");
            b.with_client_cert_verifier(v)
        } else {
            b.with_no_client_auth()
        };
        Arc::new(b.with_single_cert(certs, key).expect("server config"))
    }
}

impl Drop for Pki {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[derive(Debug)]
struct Request {
    head: String,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

fn read_request(r: &mut impl BufRead) -> Option<Request> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let req = Request {
        head,
        body: Vec::new(),
    };
    let n: usize = req.header("content-length")?.parse().ok()?;
    let mut body = vec![0; n];
    r.read_exact(&mut body).ok()?;
    Some(Request { body, ..req })
}

/// A TLS server answering every request `200` with body `echo-body`;
/// the requests come out of the channel.
fn tls_server(cfg: Arc<rustls::ServerConfig>) -> (u16, mpsc::Receiver<Request>) {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(s) = s else { continue };
            let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
            let Ok(conn) = rustls::ServerConnection::new(cfg.clone()) else {
                continue;
            };
            let mut r = BufReader::new(rustls::StreamOwned::new(conn, s));
            while let Some(req) = read_request(&mut r) {
                let _ = r
                    .get_mut()
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\necho-body");
                let _ = r.get_mut().flush();
                if tx.send(req).is_err() {
                    return;
                }
            }
        }
    });
    (port, rx)
}

#[derive(Default)]
struct Keep(Mutex<Vec<(Priority, String)>>);

impl Log for Keep {
    fn log(&self, level: Priority, msg: &str) {
        self.0.lock().expect("lock").push((level, msg.to_string()));
    }
}

impl Keep {
    fn lines(&self) -> Vec<(Priority, String)> {
        self.0.lock().expect("lock").clone()
    }
}

fn alert(output: &str) -> Alert {
    Alert {
        rule: "Read sensitive file by untrusted program".into(),
        priority: Priority::Warning,
        source: "syscall".into(),
        tags: Vec::new().into(),
        time_ns: 1_470_327_477_881_781_397,
        output: output.into(),
        output_fields: vec![],
        time_fields: None,
        extra: Vec::new(),
    }
}

fn config(yaml: &str) -> Config {
    Config::from_yaml("falco.yaml", yaml, &[])
        .unwrap_or_else(|e| panic!("{e}"))
        .config
}

fn https_config(port: u16, extra: &str) -> Config {
    config(&format!(
        "json_output: true\nstdout_output: {{enabled: false}}\nsyslog_output: {{enabled: false}}\n\
         http_output:\n  enabled: true\n  url: https://127.0.0.1:{port}/falco\n{extra}"
    ))
}

/// Sends one alert through the queue the configuration makes; the log.
fn send(c: &Config) -> Vec<(Priority, String)> {
    let log = Arc::new(Keep::default());
    let q = OutputQueue::from_config(c, log.clone()).unwrap_or_else(|e| panic!("{e}"));
    q.push(alert("Sensitive file opened"));
    q.flush();
    q.shutdown();
    log.lines()
}

#[test]
fn https_delivers_with_each_way_of_trusting_the_ca() {
    let pki = Pki::new("trust");
    let (port, rx) = tls_server(pki.server_config(false));
    let ca = pki.path("ca.pem");
    let cadir = pki.dir.join("cadir");
    std::fs::create_dir_all(&cadir).expect("mkdir");
    std::fs::write(cadir.join("ca.pem"), &pki.ca_pem).expect("write");
    let cases = [
        format!("  ca_cert: {ca}\n"),
        format!("  ca_bundle: {ca}\n"),
        format!("  ca_path: {}\n", cadir.display()),
        // ca_cert wins over a bundle that does not hold the CA.
        format!("  ca_cert: {ca}\n  ca_bundle: /nonexistent\n"),
    ];
    for extra in &cases {
        let log = send(&https_config(port, extra));
        assert!(log.is_empty(), "{extra}: {log:?}");
        let req = rx.recv_timeout(Duration::from_secs(10)).expect("a request");
        assert!(
            req.head.starts_with("POST /falco HTTP/1.1\r\n"),
            "{}",
            req.head
        );
        assert_eq!(req.header("content-type"), Some("application/json"));
        let j: serde_json::Value = serde_json::from_slice(&req.body).expect("JSON");
        assert_eq!(j["rule"], "Read sensitive file by untrusted program");
    }
}

#[test]
fn an_untrusted_server_is_refused_unless_insecure() {
    let pki = Pki::new("insecure");
    let (port, rx) = tls_server(pki.server_config(false));
    // Some other CA: the server's certificate does not verify.
    let other = rcgen::generate_simple_self_signed(vec!["x".to_string()]).expect("cert");
    let wrong = pki.write("wrong.pem", &other.cert.pem());
    let log = send(&https_config(port, &format!("  ca_cert: {wrong}\n")));
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].0, Priority::Error);
    assert!(
        log[0].1.starts_with(&format!(
            "http: cannot connect to https://127.0.0.1:{port}: "
        )),
        "{log:?}"
    );
    assert!(log[0].1.contains("certificate"), "{log:?}");
    assert!(rx.try_recv().is_err());

    let log = send(&https_config(
        port,
        &format!("  ca_cert: {wrong}\n  insecure: true\n"),
    ));
    assert!(log.is_empty(), "{log:?}");
    assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok());

    // No CA at all where the configuration points: an error at start.
    let c = https_config(port, "  ca_path: /nonexistent-dir\n");
    let e = OutputQueue::from_config(&c, Arc::new(Keep::default())).err();
    assert!(
        e.as_deref()
            .is_some_and(|e| e.contains("no CA certificate found in ca_path /nonexistent-dir")),
        "{e:?}"
    );
}

#[test]
fn mtls_presents_the_client_certificate() {
    let pki = Pki::new("mtls");
    let (port, rx) = tls_server(pki.server_config(true));
    let ca = pki.path("ca.pem");
    let (cert, key) = pki.client();
    // Without a client certificate the server refuses the handshake.
    let log = send(&https_config(port, &format!("  ca_cert: {ca}\n")));
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(rx.try_recv().is_err());
    let log = send(&https_config(
        port,
        &format!("  ca_cert: {ca}\n  mtls: true\n  client_cert: {cert}\n  client_key: {key}\n"),
    ));
    assert!(log.is_empty(), "{log:?}");
    assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok());
    // A missing client key is an error naming it, at start.
    let c = https_config(
        port,
        &format!("  ca_cert: {ca}\n  mtls: true\n  client_cert: {cert}\n  client_key: /nonexistent.key\n"),
    );
    let e = OutputQueue::from_config(&c, Arc::new(Keep::default())).err();
    assert!(
        e.as_deref()
            .is_some_and(|e| e.contains("client_key /nonexistent.key")),
        "{e:?}"
    );
}

#[test]
fn compress_uploads_gzips_the_body() {
    let pki = Pki::new("gzip");
    let (port, rx) = tls_server(pki.server_config(false));
    let ca = pki.path("ca.pem");
    let log = send(&https_config(
        port,
        &format!("  ca_cert: {ca}\n  compress_uploads: true\n"),
    ));
    assert!(log.is_empty(), "{log:?}");
    let req = rx.recv_timeout(Duration::from_secs(10)).expect("a request");
    assert_eq!(req.header("content-encoding"), Some("gzip"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&req.body[..])
        .read_to_string(&mut text)
        .expect("gzip body");
    let j: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(j["priority"], "Warning");
}

#[test]
fn the_daemon_delivers_alerts_over_https_and_echoes_the_answer() {
    let pki = Pki::new("daemon");
    let (port, rx) = tls_server(pki.server_config(false));
    let rules = pki.write(
        "rules.yaml",
        "- rule: cat opens\n  desc: d\n  condition: evt.type in (open, openat) and proc.name = cat\n  output: cat opened %fd.name\n  priority: WARNING\n",
    );
    let cfg = pki.write(
        "falco.yaml",
        &format!(
            "json_output: true\nstdout_output: {{enabled: false}}\nsyslog_output: {{enabled: false}}\nlog_syslog: false\n\
             http_output:\n  enabled: true\n  url: https://localhost:{port}/\n  ca_cert: {}\n  echo: true\n  keep_alive: true\n",
            pki.path("ca.pem")
        ),
    );
    let cap = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/captures/falco_cat_write.scap");
    let o = Command::new(example("falco"))
        .args(["-c", &cfg, "-r", &rules, "-e", &cap.display().to_string()])
        .output()
        .expect("falco runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let reqs: Vec<Request> = rx.try_iter().collect();
    assert!(!reqs.is_empty(), "{}", stderr(&o));
    for r in &reqs {
        let j: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
        assert_eq!(j["rule"], "cat opens");
    }
    // echo: the server's answers on stdout.
    assert!(stdout(&o).starts_with("echo-body"), "{}", stdout(&o));
    assert_eq!(stdout(&o).matches("echo-body").count(), reqs.len());
}

/// A server that accepts connections and never answers; counts them.
fn silent_server() -> (u16, Arc<Mutex<usize>>) {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    let n = Arc::new(Mutex::new(0));
    let n2 = n.clone();
    std::thread::spawn(move || {
        let mut keep = Vec::new();
        for s in l.incoming().flatten() {
            *n2.lock().expect("lock") += 1;
            keep.push(s);
        }
    });
    (port, n)
}

#[test]
fn timeouts_are_retried_max_consecutive_timeouts_times() {
    let (port, conns) = silent_server();
    let c = config(&format!(
        "http_output:\n  enabled: true\n  url: http://127.0.0.1:{port}/\n  max_consecutive_timeouts: 2\n"
    ));
    let mut o = HttpOutput::new(&c.http_output, false)
        .expect("output")
        .with_timeout(Duration::from_millis(100));
    let m = Message {
        time_ns: 0,
        priority: Priority::Warning,
        rule: "r".into(),
        source: "syscall".into(),
        text: "x".into(),
    };
    assert!(o.write(&m).is_err());
    // The first try and two more.
    assert_eq!(*conns.lock().expect("lock"), 3);
}

#[test]
fn a_hanging_output_is_reported_and_never_stalls_the_others() {
    let (port, _conns) = silent_server();
    let dir = std::env::temp_dir().join(format!("falco-https-hang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("events.txt");
    let c = config(&format!(
        "output_timeout: 200\nstdout_output: {{enabled: false}}\nsyslog_output: {{enabled: false}}\n\
         file_output: {{enabled: true, filename: {}}}\n\
         http_output:\n  enabled: true\n  url: http://127.0.0.1:{port}/\n",
        file.display()
    ));
    let log = Arc::new(Keep::default());
    let q = OutputQueue::from_config(&c, log.clone()).expect("outputs");
    let start = Instant::now();
    for i in 0..3 {
        q.push(alert(&format!("alert {i}")));
    }
    // The file gets every alert while the http server hangs.
    loop {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if text.lines().count() == 3 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "file output stalled: {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Falco's report, once the write has taken longer than output_timeout.
    let want = "\"http\" output timeout, all output channels are blocked";
    while !log
        .lines()
        .iter()
        .any(|(p, m)| *p == Priority::Critical && m == want)
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            log.lines()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(q);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_webserver_serves_https_with_ssl_certificate() {
    let pki = Pki::new("web");
    let pem = pki.write(
        "falco.pem",
        &format!("{}{}", pki.server_key_pem, pki.server_pem),
    );
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let c = config(&format!(
        "webserver:\n  enabled: true\n  listen_address: 127.0.0.1\n  listen_port: {port}\n  ssl_enabled: true\n  ssl_certificate: {pem}\n"
    ));
    falco::webserver::start(&c, Arc::default(), Vec::new(), Arc::new(Keep::default()))
        .expect("starts");
    let mut roots = rustls::RootCertStore::empty();
    roots.add(pki.ca.der().clone()).expect("root");
    let client = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let conn =
        rustls::ClientConnection::new(Arc::new(client), "localhost".try_into().expect("name"))
            .expect("client");
    let tcp = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    tcp.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut tls = rustls::StreamOwned::new(conn, tcp);
    tls.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("send");
    let mut answer = String::new();
    let _ = tls.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.ends_with("{\"status\": \"ok\"}"), "{answer}");

    // A certificate file without a key: an error naming it.
    let bad = pki.write("nokey.pem", &pki.server_pem);
    let c = config(&format!(
        "webserver:\n  enabled: true\n  listen_address: 127.0.0.1\n  listen_port: 0\n  ssl_enabled: true\n  ssl_certificate: {bad}\n"
    ));
    let e = falco::webserver::start(&c, Arc::default(), Vec::new(), Arc::new(Keep::default()))
        .err()
        .map(|e| e.to_string());
    assert!(
        e.as_deref()
            .is_some_and(|e| e.contains(&format!("ssl_certificate {bad}"))),
        "{e:?}"
    );
}

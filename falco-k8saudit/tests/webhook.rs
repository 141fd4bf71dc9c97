//! The webhook as the API server (and a misbehaving client) sees it.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{sync_channel, Receiver};
#[cfg(feature = "tls")]
use std::sync::Arc;
use std::time::Duration;

#[cfg(feature = "tls")]
use falco_k8saudit::webhook::WebhookError;
use falco_k8saudit::webhook::{Webhook, WebhookConfig};
use falco_k8saudit::{input::read_path, AuditEvent, DEFAULT_MAX_EVENT_SIZE};

fn start(cfg: WebhookConfig, capacity: usize) -> (Webhook, Receiver<Vec<AuditEvent>>) {
    let (tx, rx) = sync_channel(capacity);
    let cfg = WebhookConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..cfg
    };
    (Webhook::start(cfg, tx).unwrap(), rx)
}

/// Sends raw request bytes, returns the status code and the body.
fn exchange<S: Read + Write>(s: &mut S, request: &[u8]) -> (u16, String) {
    s.write_all(request).unwrap();
    s.flush().unwrap();
    read_response(s)
}

fn read_response<S: Read>(s: &mut S) -> (u16, String) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).into_owned();
            let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
            let len: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap();
            while buf.len() < end + 4 + len {
                let n = s.read(&mut chunk).unwrap();
                assert!(n > 0, "connection closed mid-body");
                buf.extend_from_slice(&chunk[..n]);
            }
            return (
                status,
                String::from_utf8_lossy(&buf[end + 4..end + 4 + len]).into_owned(),
            );
        }
        let n = s.read(&mut chunk).unwrap();
        assert!(
            n > 0,
            "connection closed before an answer: {:?}",
            String::from_utf8_lossy(&buf)
        );
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn post_request(path: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "POST {path} HTTP/1.1\r\nHost: falco\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn post(hook: &Webhook, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(hook.local_addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    exchange(
        &mut s,
        &post_request("/k8s-audit", "application/json", body),
    )
}

fn drain(rx: &Receiver<Vec<AuditEvent>>) -> Vec<AuditEvent> {
    rx.try_iter().flatten().collect()
}

fn event(id: usize) -> String {
    format!(
        r#"{{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"{id}","stage":"ResponseComplete","verb":"get","requestURI":"/api/v1/pods","stageTimestamp":"2024-01-01T00:00:00.000001Z"}}"#
    )
}

fn event_list(n: usize) -> String {
    let items: Vec<String> = (0..n).map(event).collect();
    format!(
        r#"{{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{{}},"items":[{}]}}"#,
        items.join(",")
    )
}

#[test]
fn each_regression_file_posted_gives_the_events_of_its_replay() {
    let (hook, rx) = start(WebhookConfig::default(), 64);
    let dir = common::testdata().join("k8s_audit");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    for path in names {
        let body = std::fs::read(&path).unwrap();
        let replay = read_path(&path, DEFAULT_MAX_EVENT_SIZE).unwrap();
        if body.iter().filter(|&&b| b == b'\n').count() > 1 {
            // Several documents, one per line: a webhook body is one document.
            for line in body.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                assert_eq!(post(&hook, line).0, 200, "{}", path.display());
            }
        } else if replay.events.is_empty() {
            let (status, msg) = post(&hook, &body);
            assert_eq!(
                (status, msg.as_str()),
                (
                    400,
                    "bad request: data not recognized as a k8s audit event\n"
                )
            );
            continue;
        } else {
            assert_eq!(post(&hook, &body).0, 200, "{}", path.display());
        }
        assert_eq!(drain(&rx), replay.events, "{}", path.display());
    }
}

#[test]
fn bad_requests_get_a_clear_answer_and_the_webhook_keeps_running() {
    let cfg = WebhookConfig {
        max_body: 4096,
        ..WebhookConfig::default()
    };
    let (hook, rx) = start(cfg, 16);
    let good = event_list(2);
    let too_big = event_list(40);
    assert!(too_big.len() > 4096);
    let cases: Vec<(Vec<u8>, u16, String)> = vec![
        (
            post_request("/k8s-audit", "application/json", b"{\"kind\":\"EventList\",\"items\":[{"),
            400,
            "bad request: malformed JSON: EOF while parsing an object at line 1 column 30\n".into(),
        ),
        (
            post_request("/k8s-audit", "text/plain", good.as_bytes()),
            415,
            "wrong Content Type \"text/plain\": send application/json\n".into(),
        ),
        (
            post_request("/k8s-audit", "application/json", too_big.as_bytes()),
            413,
            format!("request body too large: {} bytes, the limit is 4096 bytes (webhookMaxBatchSize)\n", too_big.len()),
        ),
        (b"GET /k8s-audit HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(), 405, "GET method not allowed\n".into()),
        (
            post_request("/other", "application/json", good.as_bytes()),
            404,
            "no such endpoint /other: post audit events to /k8s-audit\n".into(),
        ),
        (
            b"POST /k8s-audit HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".to_vec(),
            411,
            "chunked bodies are not accepted: send a Content-Length\n".into(),
        ),
        (b"NOT HTTP\r\n\r\n".to_vec(), 400, "bad request: invalid token\n".into()),
        (post_request("/k8s-audit", "application/json; charset=utf-8", good.as_bytes()), 200, String::new()),
    ];
    for (request, status, body) in cases {
        let mut s = TcpStream::connect(hook.local_addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let got = exchange(&mut s, &request);
        assert_eq!(
            got,
            (status, body),
            "{}",
            String::from_utf8_lossy(&request[..40.min(request.len())])
        );
        // After each refusal the webhook still takes events.
        assert_eq!(post(&hook, event_list(1).as_bytes()).0, 200);
    }
    // 1 good batch of 2 and 8 batches of 1.
    assert_eq!(drain(&rx).len(), 2 + 8);
    assert_eq!(
        hook.stats()
            .rejected_requests
            .load(std::sync::atomic::Ordering::Relaxed),
        7
    );
}

#[test]
fn ten_thousand_events_in_one_batch() {
    let (hook, rx) = start(WebhookConfig::default(), 4);
    let body = event_list(10_000);
    assert_eq!(post(&hook, body.as_bytes()), (200, String::new()));
    let events = drain(&rx);
    assert_eq!(events.len(), 10_000);
    assert_eq!(
        events[9_999].json().get("auditID").unwrap().as_str(),
        Some("9999")
    );
}

#[test]
fn keep_alive_serves_several_requests_on_one_connection() {
    let (hook, rx) = start(WebhookConfig::default(), 8);
    let mut s = TcpStream::connect(hook.local_addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    for i in 1..=3 {
        let got = exchange(
            &mut s,
            &post_request("/k8s-audit", "application/json", event_list(i).as_bytes()),
        );
        assert_eq!(got.0, 200);
    }
    assert_eq!(drain(&rx).len(), 1 + 2 + 3);
}

#[test]
fn a_full_queue_answers_503_and_loses_nothing_accepted() {
    let (hook, rx) = start(WebhookConfig::default(), 2);
    let mut accepted = 0;
    let mut refused = 0;
    for i in 0..5 {
        match post(&hook, event_list(i + 1).as_bytes()) {
            (200, _) => accepted += i + 1,
            (503, msg) => {
                assert_eq!(msg, "event queue full, retry later\n");
                refused += 1;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((accepted, refused), (1 + 2, 3));
    assert_eq!(drain(&rx).len(), accepted);
    // Drained: accepted again.
    assert_eq!(post(&hook, event_list(1).as_bytes()).0, 200);
}

#[test]
fn a_slow_client_times_out_with_408() {
    let cfg = WebhookConfig {
        request_timeout: Duration::from_millis(300),
        ..WebhookConfig::default()
    };
    let (hook, rx) = start(cfg, 8);
    let body = event_list(1);
    let request = post_request("/k8s-audit", "application/json", body.as_bytes());
    // Stalls in the headers, then in the body.
    for cut in [20, request.len() - 10] {
        let mut s = TcpStream::connect(hook.local_addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(&request[..cut]).unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        let _ = s.write_all(&request[cut..]);
        let (status, msg) = read_response(&mut s);
        assert_eq!(status, 408, "cut at {cut}: {msg}");
    }
    assert!(drain(&rx).is_empty());
    assert_eq!(post(&hook, body.as_bytes()).0, 200);
}

#[cfg(feature = "tls")]
#[test]
fn https_with_a_self_signed_certificate() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let dir = std::env::temp_dir().join(format!("k8saudit-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // One file with the certificate and its key, as the plugin's sslCertificate.
    let pem = dir.join("falco.pem");
    std::fs::write(
        &pem,
        format!("{}{}", cert.cert.pem(), cert.key_pair.serialize_pem()),
    )
    .unwrap();
    let cfg = WebhookConfig {
        tls_pem: Some(pem.clone()),
        ..WebhookConfig::default()
    };
    let (hook, rx) = start(cfg, 8);

    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert.der().clone()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let client = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let conn =
        rustls::ClientConnection::new(Arc::new(client), "localhost".try_into().unwrap()).unwrap();
    let tcp = TcpStream::connect(hook.local_addr()).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut tls = rustls::StreamOwned::new(conn, tcp);
    let got = exchange(
        &mut tls,
        &post_request("/k8s-audit", "application/json", event_list(3).as_bytes()),
    );
    assert_eq!(got, (200, String::new()));
    assert_eq!(drain(&rx).len(), 3);

    // A plain-HTTP client gets no answer from the HTTPS port.
    let mut plain = TcpStream::connect(hook.local_addr()).unwrap();
    plain
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    plain
        .write_all(&post_request("/k8s-audit", "application/json", b"{}"))
        .unwrap();
    let mut buf = Vec::new();
    let _ = plain.read_to_end(&mut buf);
    assert!(!buf.starts_with(b"HTTP/1.1 200"));

    // A file without a key does not start.
    std::fs::write(&pem, cert.cert.pem()).unwrap();
    let (tx, _rx) = sync_channel(1);
    let err = Webhook::start(
        WebhookConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            tls_pem: Some(pem.clone()),
            ..WebhookConfig::default()
        },
        tx,
    )
    .unwrap_err();
    assert!(matches!(err, WebhookError::Tls { .. }), "{err}");
    assert!(err.to_string().contains("no usable private key"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

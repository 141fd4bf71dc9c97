//! Payloads and files split into events as the k8saudit plugin splits them.

mod common;

use falco_k8saudit::input::{read_path, OpenParams};
use falco_k8saudit::{Batch, PayloadError, DEFAULT_MAX_EVENT_SIZE};

const EV: &str = r#"{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"@@","stageTimestamp":"2024-01-01T00:00:00Z"}"#;

fn ev(id: &str) -> String {
    EV.replace("@@", id)
}

fn ids(b: &Batch) -> Vec<String> {
    b.events
        .iter()
        .map(|e| {
            e.json()
                .get("auditID")
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The events kept (their ids) and the number skipped, or the payload's error.
type Want = Result<(Vec<&'static str>, usize), &'static str>;

#[test]
fn payload_shapes() {
    let list = format!(
        r#"{{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[{},{}]}}"#,
        ev("a"),
        ev("b")
    );
    // (payload, events kept, events skipped, or the payload's error)
    let cases: Vec<(String, Want)> = vec![
        (ev("a"), Ok((vec!["a"], 0))),
        (list.clone(), Ok((vec!["a", "b"], 0))),
        (
            format!("[{list},{}]", ev("c")),
            Ok((vec!["a", "b", "c"], 0)),
        ),
        (r#"{"kind":"EventList","items":[]}"#.into(), Ok((vec![], 0))),
        (
            format!(
                r#"{{"kind":"EventList","items":[{},{{"kind":"Event","auditID":"x"}},{{"kind":"Event","stageTimestamp":"yesterday"}}]}}"#,
                ev("a")
            ),
            Ok((vec!["a"], 2)),
        ),
        (
            r#"{"kind": 0}"#.into(),
            Err("data not recognized as a k8s audit event"),
        ),
        (
            r#"{"kind":"Pod"}"#.into(),
            Err("data not recognized as a k8s audit event"),
        ),
        (
            r#"{"kind":"EventList"}"#.into(),
            Err("data not recognized as a k8s audit event"),
        ),
        (
            "[1]".into(),
            Err("data not recognized as a k8s audit event"),
        ),
        (
            "{\"kind\":".into(),
            Err("malformed JSON: EOF while parsing a value at line 1 column 8"),
        ),
    ];
    for (payload, want) in cases {
        let got = Batch::from_payload(payload.as_bytes(), DEFAULT_MAX_EVENT_SIZE);
        match (got, want) {
            (Ok(b), Ok((events, skipped))) => {
                assert_eq!(ids(&b), events, "{payload}");
                assert_eq!(b.skipped.len(), skipped, "{payload}");
            }
            (Err(e), Err(msg)) => assert_eq!(e.to_string(), msg, "{payload}"),
            (got, want) => panic!("{payload}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn events_over_the_size_limit_are_skipped() {
    let big = ev("a").replace(
        "\"auditID\"",
        &format!("\"pad\":\"{}\",\"auditID\"", "x".repeat(300)),
    );
    let b = Batch::from_payload(big.as_bytes(), 256).unwrap();
    assert!(b.events.is_empty());
    assert_eq!(
        b.skipped[0].to_string(),
        format!("event larger than maxEventSize: size={}", big.len())
    );
    assert!(matches!(
        Batch::from_payload(b"nope", 256),
        Err(PayloadError::Json(_))
    ));
}

#[test]
fn files_hold_one_document_per_line_or_pretty_printed_ones() {
    let text = format!(
        "{}\n\n{{\"kind\":\"EventList\",\n \"items\": [\n  {}\n ]}}\n{{broken\n{}\n{{\"kind\":\"Pod\"}}\n  {{\"kind\":\n",
        ev("a"),
        ev("b"),
        ev("c")
    );
    let b = Batch::from_stream(text.as_bytes(), DEFAULT_MAX_EVENT_SIZE);
    assert_eq!(ids(&b), ["a", "b", "c"]);
    let skipped: Vec<String> = b.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 3, "{skipped:?} {:?}", ids(&b));
    assert_eq!(
        skipped[2],
        "line 10: malformed JSON at line 11 column 0: EOF while parsing a value"
    );
    assert_eq!(
        skipped[0],
        "line 7: malformed JSON at line 7 column 2: key must be a string"
    );
    assert_eq!(
        skipped[1],
        "line 9: data not recognized as a k8s audit event"
    );
}

#[test]
fn the_regression_files_read_as_51_events() {
    let dir = common::testdata().join("k8s_audit");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 47);
    let (mut events, mut skipped) = (0, Vec::new());
    for p in &names {
        let b = read_path(p, DEFAULT_MAX_EVENT_SIZE).unwrap();
        events += b.events.len();
        skipped.extend(
            b.skipped
                .iter()
                .map(|s| format!("{}: {s}", p.file_name().unwrap().to_string_lossy())),
        );
    }
    // 45 files of one event, one of six (create_configmap_sensitive_values)
    // and fal_01_003.json's `{"kind": 0}`, which is no audit data.
    assert_eq!(events, 45 + 6);
    assert_eq!(
        skipped,
        ["fal_01_003.json: line 1: data not recognized as a k8s audit event"]
    );
}

#[test]
fn a_directory_reads_every_file() {
    let dir = std::env::temp_dir().join(format!("k8saudit-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("1.log"), format!("{}\n{}\n", ev("a"), ev("b"))).unwrap();
    std::fs::write(dir.join("2.log"), ev("c")).unwrap();
    let b = read_path(&dir, DEFAULT_MAX_EVENT_SIZE).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let mut got = ids(&b);
    got.sort();
    assert_eq!(got, ["a", "b", "c"]);
    let err = read_path(&dir.join("nosuch.json"), DEFAULT_MAX_EVENT_SIZE).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("nosuch.json: No such file or directory (os error 2)"),
        "{err}"
    );
}

#[test]
fn open_params_as_the_plugin_reads_them() {
    let cases: &[(&str, Result<OpenParams, &str>)] = &[
        (
            "http://:9765/k8s-audit",
            Ok(OpenParams::Webhook {
                addr: "0.0.0.0:9765".parse().unwrap(),
                path: "/k8s-audit".into(),
                tls: false,
            }),
        ),
        (
            "https://127.0.0.1:8443/audit",
            Ok(OpenParams::Webhook {
                addr: "127.0.0.1:8443".parse().unwrap(),
                path: "/audit".into(),
                tls: true,
            }),
        ),
        (
            "http://[::1]:9765/k8s-audit",
            Ok(OpenParams::Webhook {
                addr: "[::1]:9765".parse().unwrap(),
                path: "/k8s-audit".into(),
                tls: false,
            }),
        ),
        (
            "/var/log/k8s/audit.log",
            Ok(OpenParams::File("/var/log/k8s/audit.log".into())),
        ),
        (
            "ftp://host/x",
            Err(r#"invalid open_params "ftp://host/x": scheme "ftp" is not supported"#),
        ),
        (
            "http://:port/x",
            Err(r#"invalid open_params "http://:port/x": bad port "port""#),
        ),
        (
            "",
            Err(r#"invalid open_params "": empty: give a file path or http://HOST:PORT/PATH"#),
        ),
    ];
    for (params, want) in cases {
        match (OpenParams::parse(params), want) {
            (Ok(got), Ok(want)) => assert_eq!(&got, want, "{params}"),
            (Err(e), Err(msg)) => assert_eq!(e.to_string(), *msg, "{params}"),
            (got, want) => panic!("{params}: got {got:?}, want {want:?}"),
        }
    }
}

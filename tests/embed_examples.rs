//! The two embedding examples run as tests, so CI runs them: their output is
//! what a user of the examples sees.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../examples/embed_http.rs"]
mod embed_http;

#[allow(dead_code)]
#[path = "../examples/embed_capture.rs"]
mod embed_capture;

fn testdata(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(sub)
}

#[test]
fn embed_http_prints_the_alerts_of_its_rules() {
    let mut out = Vec::new();
    embed_http::run(&mut out).expect("the example runs");
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "2023-11-14T22:13:20.000000000+0000: Critical Anonymous admin access (method=GET path=/admin status=200)\n\
         2023-11-14T22:13:23.000000000+0000: Warning Server error (user=bob path=/orders status=502)\n",
        "the authenticated admin request and the excepted health check do not alert"
    );
}

#[test]
fn embed_capture_runs_the_official_rules_over_a_capture() {
    let capture = testdata("captures/libs_curl_google.scap");
    let official = testdata("rules/falco_rules.yaml");

    // The official rules alone load cleanly and stay quiet on this capture.
    let mut out = Vec::new();
    embed_capture::run(&capture, std::slice::from_ref(&official), &mut out)
        .expect("the example runs");
    assert_eq!(String::from_utf8_lossy(&out), "");

    // A local rule built on the official macros fires where sysdig finds
    // the events (`open_read and proc.name=curl and fd.directory=/etc`).
    let local = std::env::temp_dir().join(format!("embed-capture-{}.yaml", std::process::id()));
    std::fs::write(
        &local,
        "- rule: Curl reads /etc\n  desc: d\n  condition: open_read and proc.name=curl and fd.directory=/etc\n  output: \"%proc.name read %fd.name\"\n  priority: WARNING\n",
    )
    .expect("temp file");
    let mut out = Vec::new();
    let r = embed_capture::run(&capture, &[official, local.clone()], &mut out);
    let _ = std::fs::remove_file(&local);
    r.expect("the example runs");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert!(
        lines[0].ends_with(": Warning curl read /etc/ld.so.cache"),
        "{}",
        lines[0]
    );
}

#[test]
fn embed_capture_reports_a_broken_rules_file() {
    let bad = std::env::temp_dir().join(format!("embed-capture-bad-{}.yaml", std::process::id()));
    std::fs::write(
        &bad,
        "- rule: x\n  desc: d\n  condition: evt.type = nosuch\n  output: o\n  priority: INFO\n",
    )
    .expect("temp file");
    let r = embed_capture::run(
        &testdata("captures/libs_curl_google.scap"),
        std::slice::from_ref(&bad),
        &mut Vec::new(),
    );
    let _ = std::fs::remove_file(&bad);
    let err = r.expect_err("a broken file is an error").to_string();
    assert!(err.contains("unknown event type nosuch"), "{err}");
}

//! Falco rules over events of your own: HTTP requests.
//!
//! A source built from `(name, type, extractor)` rows (the `dynamic` feature
//! of `falco-rules`), rules with a list, a macro and an exception, and the
//! alerts printed as Falco prints them. Run with
//! `cargo run --example embed_http`.

use std::error::Error;
use std::io::Write;
use std::sync::Arc;

use falco_rules::dynamic::{DynamicSource, Val};
use falco_rules::{Alert, AlertFormat, Engine, FieldType, Scratch};

/// The tool's own event type.
struct Request {
    time_ns: u64,
    method: &'static str,
    path: &'static str,
    status: u16,
    user: Option<&'static str>,
}

const RULES: &str = r#"
- list: admin_paths
  items: [/admin, /admin/users, /debug/pprof]
- macro: anonymous
  condition: not http.user exists
- rule: Anonymous admin access
  desc: an unauthenticated request reached an admin page
  condition: http.path in (admin_paths) and anonymous and http.status < 400
  output: "Anonymous admin access (method=%http.method path=%http.path status=%http.status)"
  priority: CRITICAL
- rule: Server error
  desc: a request failed on the server side
  condition: http.status >= 500
  output: "Server error (user=%http.user path=%http.path status=%http.status)"
  priority: WARNING
  exceptions:
    - name: health_checks
      fields: [http.method, http.path]
      values:
        - [GET, /healthz]
"#;

/// Loads the rules, runs them over a few requests and writes the alerts.
pub fn run(out: &mut dyn Write) -> Result<(), Box<dyn Error>> {
    let http = Arc::new(
        DynamicSource::<Request>::new("http")
            .field("http.method", FieldType::String, |r| {
                Some(Val::from(r.method))
            })
            .field("http.path", FieldType::String, |r| Some(Val::from(r.path)))
            .field("http.status", FieldType::Uint16, |r| {
                Some(Val::from(r.status))
            })
            .field("http.user", FieldType::String, |r| r.user.map(Val::from)),
    );
    let mut engine = Engine::builder().shared_source(http.clone()).build();
    engine.load_str("http_rules.yaml", RULES).into_result()?;

    // (seconds, method, path, status, user)
    let requests = [
        (0, "GET", "/admin", 200, None),
        (1, "GET", "/admin", 200, Some("alice")),
        (2, "GET", "/healthz", 503, None),
        (3, "POST", "/orders", 502, Some("bob")),
    ]
    .map(|(s, method, path, status, user)| Request {
        time_ns: (1_700_000_000 + s) * 1_000_000_000,
        method,
        path,
        status,
        user,
    });
    let format = AlertFormat {
        time_format_iso_8601: true,
        ..AlertFormat::default()
    };
    let mut scratch = Scratch::new();
    for request in &requests {
        let event = http.event(request);
        for rule in engine.ruleset().matches(&event, &mut scratch) {
            writeln!(
                out,
                "{}",
                Alert::new(rule, &event, request.time_ns).text(&format)
            )?;
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    run(&mut std::io::stdout().lock())
}

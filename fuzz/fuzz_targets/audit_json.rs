//! Arbitrary bytes as a Kubernetes audit payload (webhook body) and as an
//! audit log file (one document per line), then every `ka.*`/`jevt.*`/
//! `json.*` field of every event, with an index and with keys where the
//! field takes them. Errors and skipped documents are fine; panics are not,
//! and every event must have come from the input.
#![no_main]

use falco_k8saudit::fields::ArgKind;
use falco_k8saudit::{fields, Batch, K8sAuditFields};
use falco_rules::{FieldExtractor, FieldSchema, Values};
use libfuzzer_sys::fuzz_target;

/// Keys tried on the fields that take one: JSON pointers, names, odd text.
const KEYS: &[&str] = &[
    "/verb",
    "/user/username",
    "/",
    "",
    "pretty",
    "a~1b",
    "/items/0",
];

fuzz_target!(|data: &[u8]| {
    // A small event size limit too, so the size checks run.
    for max in [falco_k8saudit::DEFAULT_MAX_EVENT_SIZE, 64] {
        let mut batches = vec![Batch::from_stream(data, max)];
        if let Ok(b) = Batch::from_payload(data, max) {
            batches.push(b);
        }
        let schema = K8sAuditFields::new();
        for b in &batches {
            for e in &b.events {
                let _ = (e.time_ns(), e.compact_len());
                let mut text = String::new();
                e.json().write_indented(&mut text);
                for info in fields() {
                    let args: Vec<Option<&str>> = match info.arg {
                        ArgKind::None => vec![None],
                        ArgKind::Index => vec![None, Some("0"), Some("7")],
                        ArgKind::Key => KEYS.iter().map(|k| Some(*k)).collect(),
                    };
                    for arg in args {
                        let Ok(f) = schema.resolve(&info.name, arg) else {
                            continue;
                        };
                        let mut v = Values::new();
                        let _ = e.extract(&f, &mut v);
                        let _ = v.iter().count();
                    }
                }
            }
            for s in &b.skipped {
                let _ = format!("{s:?}");
            }
        }
    }
});

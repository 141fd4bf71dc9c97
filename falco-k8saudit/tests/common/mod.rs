//! Helpers shared by the integration tests: the test data folder.
#![allow(dead_code)]

use std::path::PathBuf;

use falco_k8saudit::{input::read_path, AuditEvent, DEFAULT_MAX_EVENT_SIZE};

/// `testdata/` at the repository root.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata")
}

/// The events of one file of `testdata/k8s_audit/`.
pub fn audit_events(name: &str) -> Vec<AuditEvent> {
    let path = testdata().join("k8s_audit").join(name);
    let batch = read_path(&path, DEFAULT_MAX_EVENT_SIZE).unwrap_or_else(|e| panic!("{e}"));
    batch.events
}

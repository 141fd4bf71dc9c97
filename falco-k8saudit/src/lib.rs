//! The Kubernetes audit log event source (`k8s_audit`), built in: what
//! Falco gets from its `k8saudit` and `json` plugins, without loading any
//! shared object.
//!
//! - [`AuditEvent`]: one audit event (`audit.k8s.io/v1` or `v1beta1`),
//!   parsed once into a [`json::Json`] tree; fields are read from the tree
//!   only when a rule asks for them.
//! - [`K8sAuditFields`]: the [`falco_rules::FieldSchema`] with every field of
//!   the k8saudit plugin (`ka.*`) and the json plugin (`json.*`, `jevt.*`),
//!   the same names, types, list-ness, arguments and values; [`AuditEvent`]
//!   is the [`falco_rules::FieldExtractor`].
//! - [`K8sAuditSource`]: the [`falco_rules::SourceDescriptor`] to register
//!   with an [`falco_rules::Engine`]; it satisfies `required_plugin_versions`
//!   naming `k8saudit` and `json`.
//! - [`Batch`]: payloads split into events as the plugin does (an `Event`,
//!   an `EventList`, an array of them), from a webhook body or a file.
//!
//! ```
//! use falco_k8saudit::{Batch, K8sAuditSource, DEFAULT_MAX_EVENT_SIZE};
//! use falco_rules::{Engine, Scratch};
//!
//! let mut engine = Engine::builder().source(K8sAuditSource::new()).build();
//! let loaded = engine.load_str("exec.yaml", r#"
//! - required_plugin_versions:
//!     - name: k8saudit
//!       version: 0.7.0
//! - rule: Exec into pod
//!   desc: someone opened a shell in a pod
//!   condition: ka.target.subresource in (exec, attach) and ka.verb = create
//!   output: "exec (user=%ka.user.name pod=%ka.target.name)"
//!   priority: NOTICE
//!   source: k8s_audit
//! "#);
//! assert!(loaded.successful(), "{}", loaded.verbose());
//!
//! let body = br#"{"kind":"EventList","items":[{"kind":"Event","auditID":"a",
//!   "stageTimestamp":"2024-05-01T10:00:00.000000Z","verb":"create","user":{"username":"bob"},
//!   "objectRef":{"resource":"pods","subresource":"exec","name":"web-1"}}]}"#;
//! let batch = Batch::from_payload(body, DEFAULT_MAX_EVENT_SIZE)?;
//! let mut scratch = Scratch::new();
//! let hits: Vec<_> = engine.ruleset().matches(&batch.events[0], &mut scratch).collect();
//! assert_eq!(hits[0].output.render(&batch.events[0]), "exec (user=bob pod=web-1)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod event;
pub mod fields;
pub mod input;
pub mod json;
pub mod pipeline;
pub mod source;
pub mod webhook;

pub use event::{
    AuditEvent, Batch, EventError, PayloadError, SkipReason, Skipped, DEFAULT_MAX_EVENT_SIZE,
};
pub use fields::{fields, FieldInfo, K8sAuditFields};
pub use source::K8sAuditSource;

/// The name of the event source, as rules write it in `source:`.
pub const SOURCE_NAME: &str = "k8s_audit";

/// The plugins this source stands in for, with the versions whose fields it
/// implements: rules files' `required_plugin_versions` naming them (or the
/// cloud variants, which the official rules list as alternatives) are
/// satisfied by it.
pub const PROVIDED_PLUGINS: &[(&str, &str)] = &[("k8saudit", "0.18.0"), ("json", "0.7.4")];

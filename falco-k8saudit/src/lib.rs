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
//! - [`Batch`]: payloads split into events as the plugin does (an `Event`,
//!   an `EventList`, an array of them), from a webhook body or a file.
//!
//! ```
//! use std::sync::Arc;
//! use falco_k8saudit::{Batch, K8sAuditFields, DEFAULT_MAX_EVENT_SIZE};
//! use falco_rules::{Filter, Scratch};
//!
//! let body = br#"{"kind":"EventList","items":[{"kind":"Event","auditID":"a",
//!   "stageTimestamp":"2024-05-01T10:00:00.000000Z","verb":"create",
//!   "objectRef":{"resource":"pods","subresource":"exec","namespace":"default"}}]}"#;
//! let batch = Batch::from_payload(body, DEFAULT_MAX_EVENT_SIZE)?;
//! let filter = Filter::new("ka.target.subresource in (exec, attach) and ka.verb = create", &K8sAuditFields::new())?;
//! assert!(filter.matches(&batch.events[0], &mut Scratch::new()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod event;
pub mod fields;
pub mod input;
pub mod json;
pub mod webhook;

pub use event::{
    AuditEvent, Batch, EventError, PayloadError, SkipReason, Skipped, DEFAULT_MAX_EVENT_SIZE,
};
pub use fields::{fields, FieldInfo, K8sAuditFields};

/// The name of the event source, as rules write it in `source:`.
pub const SOURCE_NAME: &str = "k8s_audit";

/// The plugins this source stands in for, with the versions whose fields it
/// implements: rules files' `required_plugin_versions` naming them (or the
/// cloud variants, which the official rules list as alternatives) are
/// satisfied by it.
pub const PROVIDED_PLUGINS: &[(&str, &str)] = &[("k8saudit", "0.18.0"), ("json", "0.7.4")];

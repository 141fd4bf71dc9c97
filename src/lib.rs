//! `falco`: a Falco-compatible runtime security engine, as a library.
//!
//! This facade re-exports the crates of the workspace and holds the small
//! pieces that tie them together:
//!
//! - [`rules`] (the `falco-rules` crate): Falco's condition language and rules
//!   files — parse, compile to bytecode, evaluate against any event source.
//! - [`events`] (the `falco-events` crate): the syscall source — event model,
//!   capture files, host state, the syscall field catalog.
//! - `bpf` (the `falco-driver-bpf` crate, cargo feature `bpf`, on by default):
//!   the modern eBPF probe; `kmod` (the `falco-driver-kmod` crate, feature
//!   `kmod`, on by default): the kernel-module consumer. Without them
//!   (`default-features = false`) the facade builds with no C toolchain.
//! - [`k8saudit`] (the `falco-k8saudit` crate): the `k8s_audit` source —
//!   Kubernetes audit events, their `ka.*`/`jevt.*` fields, the webhook
//!   (HTTPS with the `tls` feature, on by default) — and [`sources`], which
//!   of the sources the daemon runs (`load_plugins`, `--enable-source`).
//! - [`json`]: events as JSON objects, the smallest complete event source (what
//!   the `filter` example reads).
//! - [`cli`]: Falco's command line (every flag of `falco --help`, the older
//!   flags mapped to configuration keys) and what each flag does.
//! - [`config`]: the daemon's configuration, Falco's `falco.yaml` with `-o`
//!   overrides, and the rules files to load (with bundled default rules).
//! - [`metrics`]: Falco's metrics snapshot and Prometheus text.
//! - [`webserver`]: `/healthz` and `/metrics`, over HTTP or HTTPS.
//! - [`outputs`]: the alert queue and output channels (stdout, file, syslog,
//!   program, HTTP).
//! - [`lsp`]: `falco lsp`, a language server for rules files.
//! - [`ruletest`]: `falco test`, rule test files run over inline events,
//!   captures and Kubernetes audit logs, with coverage.
//!
//! ```
//! use falco::json::{JsonEvent, JsonSchema};
//! use falco::rules::{Filter, Scratch};
//!
//! let schema = JsonSchema::from_json(r#"{"proc.name": "string", "proc.args": "list"}"#)?;
//! let filter = Filter::new("proc.name in (bash, sh) and proc.args intersects (-c)", &schema)
//!     .map_err(|e| format!("{}: {}", e.pos(), e))?;
//! let event = JsonEvent::parse(&schema, r#"{"proc.name": "bash", "proc.args": ["-c", "id"]}"#)?;
//! assert!(filter.matches(&event, &mut Scratch::new()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod capture;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod drops;
pub mod json;
pub mod live_start;
pub mod lsp;
pub mod metrics;
pub mod outputs;
pub mod ruletest;
pub mod sources;
pub mod state_metrics;
pub mod webserver;

#[cfg(feature = "bpf")]
pub use falco_driver_bpf as bpf;
#[cfg(feature = "kmod")]
pub use falco_driver_kmod as kmod;
pub use falco_events as events;
pub use falco_k8saudit as k8saudit;
pub use falco_rules as rules;

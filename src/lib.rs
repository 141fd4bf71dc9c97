//! The `falco` facade: a Falco-compatible runtime security engine.
#![deny(missing_docs)]

pub use falco_rules as rules;

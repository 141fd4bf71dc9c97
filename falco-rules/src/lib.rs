//! Falco's rule language in Rust: parse conditions, compile them to bytecode,
//! evaluate them against any event source; load Falco rules files and turn
//! matching events into Falco's alerts.
//!
//! This crate knows nothing about system calls: it names no source, field or
//! plugin. An event source describes itself through [`SourceDescriptor`]
//! (its name, its [`FieldSchema`], how its event types are named and
//! numbered, its deprecated fields, the plugins it stands in for, the time
//! fields of its JSON alerts), and its events implement [`FieldExtractor`]
//! (a field's value for one event) and [`Event`] (their source and type).
//! One [`Engine`] holds several sources; each rule compiles against its own
//! `source:`. The syscall source lives in `falco-events`; a tool with events
//! of its own (audit logs, HTTP requests, its own eBPF records) uses this
//! crate alone, with [`SimpleSource`] or a descriptor of its own.
//!
//! The stages, each with its own representation and printer:
//!
//! 1. [`rules`]: rules files read into items with a file:line:column on every
//!    node, collected with Falco's define/append/override semantics.
//! 2. [`ast`]: a condition parsed by [`parse_condition`] (pest grammar),
//!    printed back in Falco's canonical form.
//! 3. [`resolve`]: lists substituted, macros expanded, exceptions added — a
//!    [`ResolvedRuleset`], printed one rule a line.
//! 4. [`compile`]: a [`Program`] per rule (flat bytecode, constant pools, a
//!    per-event field cache shared by all rules).
//! 5. [`engine`]: the [`Ruleset`], indexed per source by event type
//!    ([`evttype`]), and [`alert`]s formatted as Falco formats them.
//!
//! For rule authors: [`ruletest`] runs YAML test files (inline events for
//! any source, or events from a [`ruletest::Replay`] of yours) and reports
//! like `cargo test`; [`coverage`] counts how often each rule, macro, list
//! item and exception item was evaluated and matched. Load diagnostics
//! suggest the nearest known name for a misspelt one
//! ([`rules::did_you_mean`], [`FieldSchema::fields`]).
//!
//! # Example: one condition over your own events
//!
//! ```
//! use falco_rules::{Field, FieldError, FieldExtractor, FieldSchema, FieldType, Filter, Scratch, Values};
//!
//! struct Schema;
//! impl FieldSchema for Schema {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "user.name" => Ok(Field::new(0, FieldType::String)),
//!             "net.port" => Ok(Field::new(1, FieldType::Uint16)),
//!             _ => Err(FieldError::Unknown(name.to_string())),
//!         }
//!     }
//! }
//!
//! struct Login { user: &'static str, port: u16 }
//! impl FieldExtractor for Login {
//!     fn extract(&self, field: &Field, out: &mut Values) -> bool {
//!         match field.id {
//!             0 => out.push_str(self.user),
//!             _ => out.push_uint(self.port as u64),
//!         }
//!         true
//!     }
//! }
//!
//! let filter = Filter::new("user.name in (root, admin) and not net.port = 22", &Schema)?;
//! let mut scratch = Scratch::new();
//! assert!(filter.matches(&Login { user: "root", port: 2222 }, &mut scratch));
//! assert!(!filter.matches(&Login { user: "root", port: 22 }, &mut scratch));
//! # Ok::<(), falco_rules::Error>(())
//! ```
//!
//! # Example: rules files over your own events, two sources in one engine
//!
//! ```
//! use falco_rules::{Alert, AlertFormat, Engine, Event, Field, FieldError, FieldExtractor};
//! use falco_rules::{FieldSchema, FieldType, Scratch, SimpleSource, Values};
//!
//! /// One schema for both toy sources: `<prefix>.user`.
//! struct Users(&'static str);
//! impl FieldSchema for Users {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name.strip_prefix(self.0) {
//!             Some(".user") => Ok(Field::new(0, FieldType::String)),
//!             _ => Err(FieldError::Unknown(name.into())),
//!         }
//!     }
//! }
//! struct Ev { source: &'static str, user: &'static str }
//! impl FieldExtractor for Ev {
//!     fn extract(&self, _: &Field, out: &mut Values) -> bool { out.push_str(self.user); true }
//! }
//! impl Event for Ev {
//!     fn source(&self) -> &str { self.source }
//! }
//!
//! let mut engine = Engine::builder()
//!     .source(SimpleSource::new("ssh", Users("ssh")))
//!     .source(SimpleSource::new("sudo", Users("sudo")))
//!     .build();
//! engine.load_str("rules.yaml", "\
//! - list: admins
//!   items: [root, admin]
//! - rule: admin ssh login
//!   desc: an administrator logged in over ssh
//!   condition: ssh.user in (admins)
//!   output: ssh login by %ssh.user
//!   priority: NOTICE
//!   source: ssh
//! - rule: sudo by a stranger
//!   desc: sudo by someone who is not an administrator
//!   condition: not sudo.user in (admins)
//!   output: sudo by %sudo.user
//!   priority: WARNING
//!   source: sudo
//! ").into_result()?;
//!
//! let mut scratch = Scratch::new();
//! let format = AlertFormat { time_format_iso_8601: true, ..AlertFormat::default() };
//! let event = Ev { source: "sudo", user: "mallory" };
//! let lines: Vec<String> = engine.ruleset().matches(&event, &mut scratch)
//!     .map(|rule| Alert::new(rule, &event, 0).text(&format))
//!     .collect();
//! assert_eq!(lines, ["1970-01-01T00:00:00.000000000+0000: Warning sudo by mallory"]);
//! // An ssh event only runs the ssh rule.
//! let event = Ev { source: "ssh", user: "mallory" };
//! assert_eq!(engine.ruleset().matches(&event, &mut scratch).count(), 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: errors carry their position
//!
//! ```
//! use falco_rules::{parse_condition, ErrorKind};
//!
//! let err = parse_condition("proc.name = cat and\n(fd.name = x").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Parse);
//! assert_eq!(err.message(), "expected a ')' token");
//! assert_eq!((err.pos().line, err.pos().col), (2, 13));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod alert;
pub mod ast;
pub mod compile;
pub mod coverage;
#[cfg(feature = "dynamic")]
pub mod dynamic;
pub mod engine;
pub mod error;
pub mod evttype;
pub mod field;
pub mod macros;
pub mod output;
pub mod parser;
pub mod resolve;
pub mod rules;
pub mod ruletest;
pub mod source;

pub use alert::{Alert, AlertFormat};
pub use ast::{Expr, Pos};
pub use compile::{Compiler, Filter, Program, Scratch};
pub use engine::{Engine, EngineBuilder, Matches, Rule, RuleMatching, Ruleset, UnknownSources};
pub use error::{Error, ErrorKind, Warning};
pub use evttype::{EventSet, EventTypes};
pub use field::{
    Field, FieldArg, FieldDoc, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType,
    IpNet, Value, ValueWriter, Values,
};
pub use parser::{parse_condition, parse_condition_with_depth};
pub use resolve::ResolvedRuleset;
pub use rules::{Diagnostic, LoadResult, Priority};
pub use source::{
    DeprecatedField, Event, ProvidedPlugin, SimpleSource, SourceDescriptor, TimeFields,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

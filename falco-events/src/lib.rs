//! The syscall event source of a Falco-compatible engine: the tables that
//! describe Falco's events and the fields rules read from them.
//!
//! - [`table`]: every event type with falcosecurity/libs' numbering
//!   (`ppm_event_code`, 454 codes for driver API 10.1.0 / schema 4.5.1): its
//!   name, direction, category, flags and parameters in wire order, plus the
//!   x86_64 syscall-number table and the `ppm_sc` syscall names. This is what
//!   a decoder of kernel-module, eBPF or `.scap` events reads to know the
//!   layout of each event.
//! - [`fields`](mod@fields): the syscall field catalog (`evt.*`, `proc.*`, `fd.*`,
//!   `user.*`, `container.*`, `k8s.*`, ...) as tables of rows, one file per
//!   family: names, types, argument forms, flags, a description and the
//!   extractor of each. [`SyscallFields`]
//!   implements [`falco_rules::FieldSchema`], so a rules file can be checked
//!   against it at load time. `container.*` and `k8s.*`, which Falco gets from
//!   its container plugin, are built in.
//!
//! - [`event`]: one event in Falco's binary layout: a zero-copy [`Event`]
//!   view checked against the table, typed [`Param`] access (integers,
//!   strings, socket addresses and tuples, fd lists, argv/env arrays, dynamic
//!   parameters) and an [`EventBuilder`] for owned events.
//! - [`source`]: the [`EventSource`] trait every event source implements
//!   (capture reader, kernel module, eBPF probe), the [`EventSet`] of wanted
//!   event types and the [`SourceStats`] counters.
//! - [`scap`]: `.scap` capture files: a reader for every format version
//!   (plain or gzip, with the machine, process, fd, user and interface
//!   tables they carry), a writer that writes as libscap does, and the
//!   converter that upgrades old enter/exit captures to current events.
//!
//! - [`state`]: host state as libsinsp keeps it (threads, fds, users,
//!   containers), seeded from a capture or `/proc` and updated by events, and
//!   the [`Inspector`] loop that numbers events and hands out extractors.
//! - [`pipeline`]: the event path in one value — source, host state,
//!   ruleset and field cache — with the loop the daemon, replays and tests
//!   run ([`Pipeline`]).
//! - [`readahead`]: both cores for one source — the source read and
//!   decoded on a thread of its own while the caller's thread keeps the
//!   state and runs the rules, with the alerts and their order unchanged
//!   ([`readahead::ReadAhead`]; the design is in its module docs).
//! - [`extract`]: the values of rule fields for one event
//!   ([`EventContext`] implements [`falco_rules::FieldExtractor`] by calling
//!   the extractor of each field's catalog row).
//!
//! # Example
//!
//! Resolve fields the way the rule compiler does, and find the event codes a
//! condition `evt.type = openat` selects:
//!
//! ```
//! use falco_events::table::{self, Direction};
//! use falco_events::SyscallFields;
//! use falco_rules::{FieldArg, FieldError, FieldFlags, FieldSchema, FieldType};
//!
//! let schema = SyscallFields::new();
//!
//! let name = schema.resolve("proc.name", None).unwrap();
//! assert_eq!(name.ty, FieldType::String);
//!
//! // Without an index, proc.aname matches any ancestor.
//! let aname = schema.resolve("proc.aname", None).unwrap();
//! assert!(aname.flags.contains(FieldFlags::MATCH_ANY));
//! let parent = schema.resolve("proc.aname", Some("1")).unwrap();
//! assert_eq!(parent.arg, FieldArg::Index(1));
//!
//! // Unknown fields and bad event types give Falco's messages.
//! let err = schema.resolve("proc.nosuch", None).unwrap_err();
//! assert_eq!(err, FieldError::Unknown("proc.nosuch".into()));
//! let evt_type = schema.resolve("evt.type", None).unwrap();
//! assert_eq!(
//!     schema.check_value(&evt_type, "opn"),
//!     Err("unknown event type opn".to_string())
//! );
//!
//! // openat: the old pair 102/103 and the current pair 306/307.
//! let codes = table::codes_for_name("openat");
//! assert_eq!(codes, &[102, 103, 306, 307]);
//! let exit = table::event_info(307).unwrap();
//! assert_eq!(Direction::of(307), Direction::Exit);
//! assert!(!exit.is_old_version());
//! let names: Vec<&str> = exit.params.iter().map(|p| p.name).collect();
//! assert_eq!(names, ["fd", "dirfd", "name", "flags", "mode", "dev", "ino"]);
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod event;
pub mod extract;
pub mod fields;
pub mod pipeline;
pub mod readahead;
pub mod scap;
pub mod source;
pub mod source_desc;
pub mod state;
pub mod table;

pub use event::{DecodeError, Event, EventBuilder, EventHeader, OwnedEvent, Param};
pub use extract::EventContext;
pub use fields::{fields, ArgKind, FieldAttrs, FieldInfo, FieldSource, SyscallFields};
pub use pipeline::{Pipeline, RunEnd, Step};
pub use scap::{ScapReader, ScapWriter};
pub use source::{EventSet, EventSource, SourceError, SourceStats};
pub use source_desc::{SyscallSource, SYSCALL_SOURCE};
pub use state::{HostState, Inspector};
pub use table::{
    codes_for_name, event_info, evttype_codes, is_syscall_name, EventInfo, ParamType,
    SyscallEventTypes,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

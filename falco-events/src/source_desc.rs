//! The syscall source as the rule engine sees it: [`SyscallSource`], the
//! [`SourceDescriptor`] of Falco's `syscall` source, and the [`Event`]
//! implementation of [`EventContext`].
//!
//! Everything `falco-rules` needs to know about system calls lives here: the
//! source name, the field catalog ([`SyscallFields`]), the event-type
//! numbering and the fields that carry it ([`SyscallEventTypes`]), the
//! deprecated fields and Falco's messages for them, the plugins whose fields
//! are built in (the official rules require `container` >= 0.4.0), the
//! `evt.time`/`evt.time.iso8601` output fields of JSON alerts, and Falco's
//! `LOAD_NO_EVTTYPE` threshold.
//!
//! ```
//! use falco_events::SyscallSource;
//! use falco_rules::Engine;
//!
//! let mut engine = Engine::builder().source(SyscallSource::new()).build();
//! let result = engine.load_str("r.yaml", "\
//! - required_plugin_versions:
//!   - name: container
//!     version: 0.4.0
//! - rule: shell
//!   desc: a shell runs
//!   condition: evt.type = execve and proc.name = bash
//!   output: shell (user=%user.name)
//!   priority: WARNING
//! ");
//! assert!(result.successful(), "{result}");
//! let types = engine.ruleset().event_types("syscall");
//! assert!(types.iter().all(|c| falco_events::table::event_info(c).unwrap().name == "execve"));
//! ```

use falco_rules::evttype::EventTypes;
use falco_rules::field::FieldSchema;
use falco_rules::source::{DeprecatedField, Event, ProvidedPlugin, SourceDescriptor, TimeFields};

use crate::extract::EventContext;
use crate::fields::SyscallFields;
use crate::table::SyscallEventTypes;

/// The name rules give the syscall source (`source: syscall`, the default).
pub const SYSCALL_SOURCE: &str = "syscall";

/// More event codes than this in a syscall rule's set gives Falco's
/// `LOAD_NO_EVTTYPE` warning.
const EVTTYPE_WARNING_THRESHOLD: usize = 100;

/// The deprecated fields, with Falco's explanations: drivers no longer send
/// most enter events.
const DEPRECATED: [(&str, &str); 6] = [
    ("evt.dir", "due to the drop of enter events, 'evt.dir = <' always evaluates to true, and 'evt.dir = >' always evaluates to false. The rule expression can be simplified by removing the condition on 'evt.dir'"),
    ("evt.latency", LATENCY_DEPRECATED),
    ("evt.latency.s", LATENCY_DEPRECATED),
    ("evt.latency.ns", LATENCY_DEPRECATED),
    ("evt.latency.human", LATENCY_DEPRECATED),
    ("evt.wait_latency", LATENCY_DEPRECATED),
];

const LATENCY_DEPRECATED: &str = "field is not available due to the drop of enter events.";

/// Plugins whose fields are built into the syscall source, as
/// `(name, version)`: the container fields are ours, so the official rules'
/// `container` (>= 0.4.0) requirement holds without loading a plugin.
const BUILTIN_PLUGINS: [(&str, &str); 1] = [("container", "0.4.0")];

/// Falco's `syscall` source: register it with
/// [`EngineBuilder::source`](falco_rules::EngineBuilder::source).
#[derive(Debug)]
pub struct SyscallSource {
    fields: SyscallFields,
    deprecated: Vec<DeprecatedField>,
    plugins: Vec<ProvidedPlugin>,
    time: TimeFields,
}

impl Default for SyscallSource {
    fn default() -> Self {
        SyscallSource::new()
    }
}

impl SyscallSource {
    /// The syscall source with the whole field catalog.
    pub fn new() -> SyscallSource {
        SyscallSource {
            fields: SyscallFields::new(),
            deprecated: DEPRECATED
                .iter()
                .map(|(name, message)| DeprecatedField {
                    name: name.to_string(),
                    message: message.to_string(),
                })
                .collect(),
            plugins: BUILTIN_PLUGINS
                .iter()
                .map(|(name, version)| ProvidedPlugin {
                    name: name.to_string(),
                    version: version.to_string(),
                })
                .collect(),
            time: TimeFields {
                plain: "evt.time".into(),
                iso8601: "evt.time.iso8601".into(),
            },
        }
    }

    /// The field catalog.
    pub fn fields(&self) -> &SyscallFields {
        &self.fields
    }
}

impl SourceDescriptor for SyscallSource {
    fn name(&self) -> &str {
        SYSCALL_SOURCE
    }

    fn schema(&self) -> &dyn FieldSchema {
        &self.fields
    }

    fn event_types(&self) -> Option<&dyn EventTypes> {
        Some(&SyscallEventTypes)
    }

    fn deprecated_fields(&self) -> &[DeprecatedField] {
        &self.deprecated
    }

    fn plugins(&self) -> &[ProvidedPlugin] {
        &self.plugins
    }

    fn time_fields(&self) -> Option<&TimeFields> {
        Some(&self.time)
    }

    fn event_type_warning_threshold(&self) -> Option<usize> {
        Some(EVTTYPE_WARNING_THRESHOLD)
    }
}

impl Event for EventContext<'_> {
    fn source(&self) -> &str {
        SYSCALL_SOURCE
    }

    fn event_type(&self) -> Option<u16> {
        Some(self.code())
    }
}

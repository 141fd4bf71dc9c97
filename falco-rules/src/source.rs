//! Event sources as the engine sees them: each source describes itself through
//! [`SourceDescriptor`], and one [`Engine`](crate::Engine) holds several.
//!
//! This crate names no source, field or plugin. Everything that depends on
//! what the events are — the name rules write in `source:`, the fields, how
//! event types are named and numbered, which fields are deprecated, which
//! `required_plugin_versions` the source satisfies, which fields the JSON
//! alert uses for the event time — comes from the source's descriptor. The
//! syscall source of `falco-events` implements it, and so does any source of
//! a tool author's own ([`SimpleSource`] is a ready-made one).
//!
//! ```
//! use falco_rules::{Field, FieldError, FieldSchema, FieldType, SimpleSource, SourceDescriptor};
//!
//! struct Schema;
//! impl FieldSchema for Schema {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "http.path" => Ok(Field::new(0, FieldType::String)),
//!             _ => Err(FieldError::Unknown(name.into())),
//!         }
//!     }
//! }
//!
//! let source = SimpleSource::new("http", Schema)
//!     .deprecated_field("http.uri", "use 'http.path'")
//!     .plugin("http_plugin", "1.2.0");
//! assert_eq!(source.name(), "http");
//! assert!(source.schema().resolve("http.path", None).is_ok());
//! assert_eq!(source.plugins()[0].name, "http_plugin");
//! ```

use std::fmt;
use std::sync::Arc;

use crate::evttype::EventTypes;
use crate::field::{FieldExtractor, FieldSchema};

/// A field a source still resolves but warns about (`LOAD_DEPRECATED_ITEM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeprecatedField {
    /// The field name, as rules write it (`evt.dir`).
    pub name: String,
    /// The warning's explanation, printed after the field name.
    pub message: String,
}

/// A plugin name and version that a source stands in for: a rules file's
/// `required_plugin_versions` entry naming it is satisfied when the version
/// is compatible (same major, not older), as Falco checks loaded plugins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvidedPlugin {
    /// The plugin name (`container`).
    pub name: String,
    /// The version the source is compatible with (`0.4.0`).
    pub version: String,
}

/// The output fields a JSON alert of this source carries for the event
/// time: `plain` (nanoseconds) normally, `iso8601` under
/// `time_format_iso_8601`. Both hold the time in nanoseconds, as Falco
/// writes them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimeFields {
    /// The key used normally (Falco's syscall source: `evt.time`).
    pub plain: Arc<str>,
    /// The key used with ISO 8601 time (`evt.time.iso8601`).
    pub iso8601: Arc<str>,
}

/// How an event source describes itself to the engine.
///
/// Only [`name`](SourceDescriptor::name) and
/// [`schema`](SourceDescriptor::schema) are required; the defaults describe
/// a source without event types, deprecated fields, plugins or time fields.
pub trait SourceDescriptor: Send + Sync {
    /// The name rules use in `source:` (Falco's syscall source is `syscall`).
    fn name(&self) -> &str;

    /// The fields of this source's events.
    fn schema(&self) -> &dyn FieldSchema;

    /// How this source names and numbers its event types, and which fields
    /// carry the type: with it, rules are indexed by event type so an event
    /// only runs the rules that can match it. `None` runs every rule of the
    /// source on every event.
    fn event_types(&self) -> Option<&dyn EventTypes> {
        None
    }

    /// Fields that resolve but are deprecated, each with its message.
    fn deprecated_fields(&self) -> &[DeprecatedField] {
        &[]
    }

    /// The plugins (name and version) this source satisfies in
    /// `required_plugin_versions`.
    fn plugins(&self) -> &[ProvidedPlugin] {
        &[]
    }

    /// The output fields of the event time in JSON alerts; `None` adds none.
    fn time_fields(&self) -> Option<&TimeFields> {
        None
    }

    /// More event types than this in a rule's set gives the
    /// `LOAD_NO_EVTTYPE` warning ("Rule matches too many evt.type values");
    /// `None` (the default) never warns. Falco warns for its syscall source
    /// only.
    fn event_type_warning_threshold(&self) -> Option<usize> {
        None
    }

    /// Whether comparing `field` with the literal `<NA>` deserves the
    /// `LOAD_UNSAFE_NA_CHECK` warning (the field yields `<NA>` for values
    /// that are absent, so the check does not mean what it says).
    fn is_unsafe_na_field(&self, field: &str) -> bool {
        let _ = field;
        false
    }
}

impl fmt::Debug for dyn SourceDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceDescriptor")
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}

/// An event the engine can match: its fields, the source it belongs to and,
/// for sources with event types, its type code.
///
/// [`Ruleset::matches`](crate::Ruleset::matches) runs only the rules of the
/// event's source, and of those only the ones whose event-type set holds the
/// event's type.
pub trait Event: FieldExtractor {
    /// The name of the source that produced the event.
    fn source(&self) -> &str;

    /// The event's type code in its source's numbering (see
    /// [`SourceDescriptor::event_types`]); `None` runs every rule of the
    /// source.
    fn event_type(&self) -> Option<u16> {
        None
    }
}

impl<T: Event + ?Sized> Event for &T {
    fn source(&self) -> &str {
        (**self).source()
    }
    fn event_type(&self) -> Option<u16> {
        (**self).event_type()
    }
}

/// A [`SourceDescriptor`] put together from parts: a name, a schema, and
/// optionally an event-type numbering, deprecated fields, plugins and time
/// fields. For a tool author's own events.
pub struct SimpleSource {
    name: String,
    schema: Arc<dyn FieldSchema + Send + Sync>,
    types: Option<Arc<dyn EventTypes + Send + Sync>>,
    deprecated: Vec<DeprecatedField>,
    plugins: Vec<ProvidedPlugin>,
    time: Option<TimeFields>,
    threshold: Option<usize>,
}

impl fmt::Debug for SimpleSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimpleSource")
            .field("name", &self.name)
            .field("deprecated", &self.deprecated)
            .field("plugins", &self.plugins)
            .field("time", &self.time)
            .finish_non_exhaustive()
    }
}

impl SimpleSource {
    /// A source named `name` whose fields `schema` resolves.
    pub fn new(name: impl Into<String>, schema: impl FieldSchema + Send + Sync + 'static) -> Self {
        SimpleSource::with_schema(name, Arc::new(schema))
    }

    /// Like [`SimpleSource::new`] with a shared schema.
    pub fn with_schema(
        name: impl Into<String>,
        schema: Arc<dyn FieldSchema + Send + Sync>,
    ) -> Self {
        SimpleSource {
            name: name.into(),
            schema,
            types: None,
            deprecated: Vec::new(),
            plugins: Vec::new(),
            time: None,
            threshold: None,
        }
    }

    /// Indexes rules by event type with this numbering.
    pub fn event_types(mut self, types: impl EventTypes + Send + Sync + 'static) -> Self {
        self.types = Some(Arc::new(types));
        self
    }

    /// Marks `name` deprecated, with `message` as the warning's explanation.
    pub fn deprecated_field(mut self, name: impl Into<String>, message: impl Into<String>) -> Self {
        self.deprecated.push(DeprecatedField {
            name: name.into(),
            message: message.into(),
        });
        self
    }

    /// Declares that this source satisfies plugin `name` at `version`.
    pub fn plugin(mut self, name: impl Into<String>, version: impl Into<String>) -> Self {
        self.plugins.push(ProvidedPlugin {
            name: name.into(),
            version: version.into(),
        });
        self
    }

    /// JSON alerts carry the event time under these output fields.
    pub fn time_fields(mut self, plain: &str, iso8601: &str) -> Self {
        self.time = Some(TimeFields {
            plain: plain.into(),
            iso8601: iso8601.into(),
        });
        self
    }

    /// Warns (`LOAD_NO_EVTTYPE`) about rules matching more event types than
    /// `n`.
    pub fn event_type_warning_threshold(mut self, n: usize) -> Self {
        self.threshold = Some(n);
        self
    }
}

impl SourceDescriptor for SimpleSource {
    fn name(&self) -> &str {
        &self.name
    }
    fn schema(&self) -> &dyn FieldSchema {
        &*self.schema
    }
    fn event_types(&self) -> Option<&dyn EventTypes> {
        self.types.as_deref().map(|t| t as &dyn EventTypes)
    }
    fn deprecated_fields(&self) -> &[DeprecatedField] {
        &self.deprecated
    }
    fn plugins(&self) -> &[ProvidedPlugin] {
        &self.plugins
    }
    fn time_fields(&self) -> Option<&TimeFields> {
        self.time.as_ref()
    }
    fn event_type_warning_threshold(&self) -> Option<usize> {
        self.threshold
    }
}

//! Events as JSON objects: the smallest complete event source.
//!
//! A [`JsonSchema`] maps field names to types (it is what `filter --schema`
//! reads); a [`JsonEvent`] is one JSON object whose keys are field names. It is
//! the proof that any event source plugs into the engine: it implements the
//! two traits of [`falco_rules::field`] and nothing else.
//!
//! ```
//! use falco::json::{JsonEvent, JsonSchema};
//! use falco::rules::{Filter, Scratch};
//!
//! let schema = JsonSchema::from_json(r#"{"proc.name": "string", "fd.port": "uint64"}"#)?;
//! let filter = Filter::new("proc.name = nginx and fd.port < 1024", &schema)
//!     .map_err(|e| e.to_string())?;
//! let event = JsonEvent::parse(&schema, r#"{"proc.name": "nginx", "fd.port": 80}"#)?;
//! assert!(filter.matches(&event, &mut Scratch::new()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use falco_rules::field::{Field, FieldArg, FieldError, FieldExtractor, FieldSchema, FieldType};
use falco_rules::{Event, IpNet, SimpleSource, Values};
use serde_json::{Map, Value as Json};

/// The type names a schema file may use.
pub const TYPE_NAMES: [&str; 8] = [
    "string", "bytebuf", "uint64", "int64", "bool", "ipaddr", "ipnet", "list",
];

/// A bad schema file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError(String);

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SchemaError {}

/// A field table read from a JSON object `{"field.name": "type", ...}`.
///
/// Types are those of [`TYPE_NAMES`]; `"list"` is a list of strings. A field in
/// the schema accepts any argument (`proc.aname[2]`), and an event supplies the
/// value of `name[arg]` under that exact key.
#[derive(Debug, Clone, Default)]
pub struct JsonSchema {
    names: Vec<String>,
    types: Vec<(FieldType, bool)>,
    index: HashMap<String, u32>,
}

impl JsonSchema {
    /// Parses a schema from JSON text.
    pub fn from_json(text: &str) -> Result<JsonSchema, SchemaError> {
        let v: Json = serde_json::from_str(text).map_err(|e| {
            SchemaError(format!(
                "{}:{}: schema is not valid JSON: {e}",
                e.line(),
                e.column()
            ))
        })?;
        let obj = v.as_object().ok_or_else(|| {
            SchemaError("schema must be a JSON object of field name to type".into())
        })?;
        let mut schema = JsonSchema::default();
        for (name, ty) in obj {
            let ty = ty
                .as_str()
                .ok_or_else(|| SchemaError(format!("type of field '{name}' must be a string")))?;
            let t = match ty {
                "string" => (FieldType::String, false),
                "bytebuf" => (FieldType::Bytes, false),
                "uint64" => (FieldType::Uint64, false),
                "int64" => (FieldType::Int64, false),
                "bool" => (FieldType::Bool, false),
                "ipaddr" => (FieldType::IpAddr, false),
                "ipnet" => (FieldType::IpNet, false),
                "list" => (FieldType::String, true),
                other => {
                    return Err(SchemaError(format!(
                        "field '{name}' has unknown type '{other}' (expected one of: {})",
                        TYPE_NAMES.join(", ")
                    )))
                }
            };
            schema.add(name, t.0, t.1);
        }
        Ok(schema)
    }

    /// Adds a field.
    pub fn add(&mut self, name: &str, ty: FieldType, is_list: bool) {
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.types.push((ty, is_list));
        self.index.insert(name.to_string(), id);
    }

    /// The field names, in schema order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    fn key(&self, field: &Field) -> Option<String> {
        let name = self.names.get(field.id as usize)?;
        Some(match &field.arg {
            FieldArg::None => name.clone(),
            FieldArg::Index(i) => format!("{name}[{i}]"),
            FieldArg::Key(k) => format!("{name}[{k}]"),
        })
    }
}

impl FieldSchema for JsonSchema {
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let id = *self
            .index
            .get(name)
            .ok_or_else(|| FieldError::Unknown(name.to_string()))?;
        let (ty, is_list) = self.types[id as usize];
        let mut f = Field::new(id, ty);
        f.is_list = is_list;
        if let Some(a) = arg {
            f.arg = FieldArg::Key(a.into());
        }
        Ok(f)
    }
}

/// The source JSON events belong to: they stand in for syscall events, so
/// rules without `source:` run on them, as in Falco.
pub const JSON_EVENTS_SOURCE: &str = "syscall";

/// The engine source of JSON events over `schema`: named
/// [`JSON_EVENTS_SOURCE`], no event types (every rule runs on every event),
/// the event time under `evt.time` / `evt.time.iso8601` in JSON alerts.
pub fn source(schema: Arc<JsonSchema>) -> SimpleSource {
    SimpleSource::with_schema(JSON_EVENTS_SOURCE, schema)
        .time_fields("evt.time", "evt.time.iso8601")
}

/// One event: a JSON object read against a [`JsonSchema`].
#[derive(Debug, Clone)]
pub struct JsonEvent<'s> {
    schema: &'s JsonSchema,
    obj: Map<String, Json>,
}

impl<'s> JsonEvent<'s> {
    /// Wraps a parsed JSON object.
    pub fn new(schema: &'s JsonSchema, obj: Map<String, Json>) -> JsonEvent<'s> {
        JsonEvent { schema, obj }
    }

    /// Parses one JSON object.
    pub fn parse(schema: &'s JsonSchema, line: &str) -> Result<JsonEvent<'s>, serde_json::Error> {
        let obj: Map<String, Json> = serde_json::from_str(line)?;
        Ok(JsonEvent { schema, obj })
    }

    /// The underlying object.
    pub fn object(&self) -> &Map<String, Json> {
        &self.obj
    }
}

fn push_scalar(ty: FieldType, v: &Json, out: &mut Values) -> bool {
    match (ty, v) {
        (FieldType::String | FieldType::Bytes, Json::String(s)) => out.push_str(s),
        (FieldType::String | FieldType::Bytes, Json::Number(n)) => out.push_str(&n.to_string()),
        (FieldType::String | FieldType::Bytes, Json::Bool(b)) => {
            out.push_str(if *b { "true" } else { "false" })
        }
        (FieldType::Uint64, Json::Number(n)) => match n.as_u64() {
            Some(u) => out.push_uint(u),
            None => return false,
        },
        (FieldType::Uint64, Json::String(s)) => match s.parse() {
            Ok(u) => out.push_uint(u),
            Err(_) => return false,
        },
        (FieldType::Int64, Json::Number(n)) => match n.as_i64() {
            Some(i) => out.push_int(i),
            None => return false,
        },
        (FieldType::Int64, Json::String(s)) => match s.parse() {
            Ok(i) => out.push_int(i),
            Err(_) => return false,
        },
        (FieldType::Bool, Json::Bool(b)) => out.push_bool(*b),
        (FieldType::IpAddr, Json::String(s)) => match s.parse() {
            Ok(ip) => out.push_ip(ip),
            Err(_) => return false,
        },
        (FieldType::IpNet, Json::String(s)) => match IpNet::parse(s) {
            Some(n) => out.push_net(n),
            None => return false,
        },
        _ => return false,
    }
    true
}

impl Event for JsonEvent<'_> {
    fn source(&self) -> &str {
        JSON_EVENTS_SOURCE
    }
}

impl FieldExtractor for JsonEvent<'_> {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let Some(key) = self.schema.key(field) else {
            return false;
        };
        let Some(v) = self.obj.get(&key) else {
            return false;
        };
        if field.is_list {
            let Json::Array(items) = v else {
                return false;
            };
            for item in items {
                if !push_scalar(field.ty, item, out) {
                    out.clear();
                    return false;
                }
            }
            return true;
        }
        push_scalar(field.ty, v, out)
    }
}

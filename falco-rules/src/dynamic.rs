//! The dynamic tier (cargo feature `dynamic`): an event source built at run
//! time from rows of `(name, type, extractor)`, over events of your own type
//! or JSON values, with no trait to implement.
//!
//! A [`DynamicSource<T>`] is a [`SourceDescriptor`]: register it with
//! [`EngineBuilder::shared_source`](crate::EngineBuilder::shared_source) and
//! wrap each event with [`DynamicSource::event`] to match it. An extractor
//! is a closure from `&T` to an optional [`Val`] (`None`: the field is
//! unavailable for that event, so every check on it is false); strings and
//! byte slices are borrowed from the event, not copied.
//!
//! ```
//! use std::sync::Arc;
//! use falco_rules::dynamic::{DynamicSource, Val};
//! use falco_rules::{Engine, FieldType, Scratch};
//!
//! struct Login { user: String, port: u16 }
//!
//! let logins = Arc::new(
//!     DynamicSource::<Login>::new("logins")
//!         .field("login.user", FieldType::String, |l| Some(Val::from(l.user.as_str())))
//!         .field("login.port", FieldType::Uint16, |l| Some(Val::from(l.port))),
//! );
//! let mut engine = Engine::builder().shared_source(logins.clone()).build();
//! engine.load_str("r.yaml", "\
//! - rule: root on a high port
//!   desc: d
//!   condition: login.user = root and login.port > 1024
//!   output: root from port %login.port
//!   priority: WARNING
//! ").into_result()?;
//!
//! let login = Login { user: "root".into(), port: 2222 };
//! let event = logins.event(&login);
//! let rule = engine.ruleset().matches(&event, &mut Scratch::new()).next().expect("a match");
//! assert_eq!(rule.output.render(&event), "root from port 2222");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! JSON events need no closures: [`DynamicSource::json_field`] reads a key
//! of the object (the field name itself, or its dotted path).
//!
//! ```
//! use falco_rules::dynamic::DynamicSource;
//! use falco_rules::{FieldType, Filter, Scratch};
//!
//! let src = DynamicSource::<serde_json::Value>::new("json")
//!     .json_field("user.name", FieldType::String)
//!     .json_field("req.size", FieldType::Uint64);
//! let f = Filter::new("user.name = bob and req.size > 100", &src)?;
//! let ev = serde_json::json!({"user": {"name": "bob"}, "req.size": 512});
//! assert!(f.matches(&src.event(&ev), &mut Scratch::new()));
//! # Ok::<(), falco_rules::Error>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;

use crate::field::{
    Field, FieldDoc, FieldError, FieldExtractor, FieldSchema, FieldType, IpNet, Values,
};
use crate::source::{Event, SourceDescriptor, TimeFields};

/// One value an extractor returns.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Val<'a> {
    /// A string borrowed from the event.
    Str(&'a str),
    /// A string computed by the extractor.
    String(String),
    /// A byte buffer borrowed from the event.
    Bytes(&'a [u8]),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    Uint(u64),
    /// A boolean.
    Bool(bool),
    /// An IP address.
    Ip(IpAddr),
    /// An IP network.
    Net(IpNet),
    /// The values of a list field (declared with
    /// [`DynamicSource::list_field`]).
    List(Vec<Val<'a>>),
}

impl<'a> From<&'a str> for Val<'a> {
    fn from(s: &'a str) -> Self {
        Val::Str(s)
    }
}
impl<'a> From<&'a String> for Val<'a> {
    fn from(s: &'a String) -> Self {
        Val::Str(s)
    }
}
impl From<String> for Val<'_> {
    fn from(s: String) -> Self {
        Val::String(s)
    }
}
impl<'a> From<&'a [u8]> for Val<'a> {
    fn from(b: &'a [u8]) -> Self {
        Val::Bytes(b)
    }
}
impl From<bool> for Val<'_> {
    fn from(b: bool) -> Self {
        Val::Bool(b)
    }
}
impl From<IpAddr> for Val<'_> {
    fn from(ip: IpAddr) -> Self {
        Val::Ip(ip)
    }
}
impl From<IpNet> for Val<'_> {
    fn from(n: IpNet) -> Self {
        Val::Net(n)
    }
}
macro_rules! from_int {
    ($variant:ident, $as:ty: $($t:ty),*) => {$(
        impl From<$t> for Val<'_> {
            fn from(v: $t) -> Self {
                Val::$variant(v as $as)
            }
        }
    )*};
}
from_int!(Uint, u64: u8, u16, u32, u64);
from_int!(Int, i64: i8, i16, i32, i64);

type Extract<T> = Box<dyn for<'a> Fn(&'a T) -> Option<Val<'a>> + Send + Sync>;

struct Row<T> {
    name: String,
    ty: FieldType,
    is_list: bool,
    extract: Extract<T>,
}

/// An event source described by rows of `(name, type, extractor)` over
/// events of type `T` (see the module docs).
pub struct DynamicSource<T> {
    name: String,
    rows: Vec<Row<T>>,
    by_name: HashMap<String, u32>,
    time: Option<TimeFields>,
}

impl<T> fmt::Debug for DynamicSource<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DynamicSource")
            .field("name", &self.name)
            .field(
                "fields",
                &self
                    .rows
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl<T> DynamicSource<T> {
    /// A source named `name` (what rules write in `source:`) with no fields
    /// yet.
    pub fn new(name: impl Into<String>) -> Self {
        DynamicSource {
            name: name.into(),
            rows: Vec::new(),
            by_name: HashMap::new(),
            time: None,
        }
    }

    fn row(mut self, name: &str, ty: FieldType, is_list: bool, extract: Extract<T>) -> Self {
        let row = Row {
            name: name.to_string(),
            ty,
            is_list,
            extract,
        };
        match self.by_name.get(name) {
            Some(&i) => self.rows[i as usize] = row,
            None => {
                self.by_name
                    .insert(name.to_string(), self.rows.len() as u32);
                self.rows.push(row);
            }
        }
        self
    }

    /// Adds (or replaces) a single-valued field whose value `extract` reads
    /// from an event.
    pub fn field<F>(self, name: &str, ty: FieldType, extract: F) -> Self
    where
        F: for<'a> Fn(&'a T) -> Option<Val<'a>> + Send + Sync + 'static,
    {
        self.row(name, ty, false, Box::new(extract))
    }

    /// Adds (or replaces) a list field: `extract` returns a [`Val::List`]
    /// (a single value counts as a list of one). Lists take the operators
    /// Falco's list fields take (`in`, `intersects`, `exists`).
    pub fn list_field<F>(self, name: &str, ty: FieldType, extract: F) -> Self
    where
        F: for<'a> Fn(&'a T) -> Option<Val<'a>> + Send + Sync + 'static,
    {
        self.row(name, ty, true, Box::new(extract))
    }

    /// JSON alerts carry the event time under these output fields.
    pub fn time_fields(mut self, plain: &str, iso8601: &str) -> Self {
        self.time = Some(TimeFields {
            plain: plain.into(),
            iso8601: iso8601.into(),
        });
        self
    }

    /// The field names, in the order they were added.
    pub fn field_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.rows.iter().map(|r| r.name.as_str())
    }

    /// `event` as this source's event: what [`crate::Ruleset::matches`],
    /// [`crate::Filter::matches`] and [`crate::Alert::new`] take.
    pub fn event<'s, 'e>(&'s self, event: &'e T) -> Record<'s, 'e, T> {
        Record {
            source: self,
            event,
        }
    }
}

impl DynamicSource<serde_json::Value> {
    /// Adds a field read from a JSON object: the value under the key `name`
    /// itself, or else under its dotted path (`user.name` reads
    /// `{"user": {"name": ...}}`). Numbers, strings, booleans and (for list
    /// fields declared with `list_field`) arrays convert to the field's type;
    /// anything else, or a missing key, is unavailable.
    pub fn json_field(self, name: &str, ty: FieldType) -> Self {
        let key = name.to_string();
        self.field(name, ty, move |v| json_val(lookup(v, &key)?, ty))
    }
}

fn lookup<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    let obj = v.as_object()?;
    if let Some(x) = obj.get(key) {
        return Some(x);
    }
    let mut cur = v;
    for part in key.split('.') {
        cur = cur.as_object()?.get(part)?;
    }
    Some(cur)
}

fn json_val(v: &serde_json::Value, ty: FieldType) -> Option<Val<'_>> {
    use serde_json::Value as J;
    Some(match v {
        J::String(s) => Val::Str(s),
        J::Bool(b) => Val::Bool(*b),
        J::Number(n) if ty.is_signed() => Val::Int(n.as_i64()?),
        J::Number(n) if ty.is_numeric() => Val::Uint(n.as_u64()?),
        J::Number(n) => Val::String(n.to_string()),
        J::Array(xs) => Val::List(xs.iter().filter_map(|x| json_val(x, ty)).collect()),
        J::Null | J::Object(_) => return None,
    })
}

impl<T> FieldSchema for DynamicSource<T> {
    /// Resolves a field added with [`DynamicSource::field`] or
    /// [`DynamicSource::list_field`]; dynamic fields take no `[argument]`.
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let &id = self
            .by_name
            .get(name)
            .ok_or_else(|| FieldError::Unknown(name.to_string()))?;
        if arg.is_some() {
            return Err(FieldError::BadArgument(format!(
                "field {name} takes no argument"
            )));
        }
        let row = &self.rows[id as usize];
        let mut f = Field::new(id, row.ty);
        f.is_list = row.is_list;
        Ok(f)
    }

    /// The fields added so far (a dynamic field has no description).
    fn fields(&self) -> Vec<FieldDoc> {
        self.rows
            .iter()
            .map(|r| FieldDoc::new(r.name.as_str(), r.ty, ""))
            .collect()
    }
}

impl<T> SourceDescriptor for DynamicSource<T>
where
    DynamicSource<T>: Send + Sync,
{
    fn name(&self) -> &str {
        &self.name
    }
    fn schema(&self) -> &dyn FieldSchema {
        self
    }
    fn time_fields(&self) -> Option<&TimeFields> {
        self.time.as_ref()
    }
}

/// One event of a [`DynamicSource`], from [`DynamicSource::event`].
pub struct Record<'s, 'e, T> {
    source: &'s DynamicSource<T>,
    event: &'e T,
}

impl<T> fmt::Debug for Record<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("source", &self.source.name)
            .finish_non_exhaustive()
    }
}

impl<T> FieldExtractor for Record<'_, '_, T> {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let Some(row) = self.source.rows.get(field.id as usize) else {
            return false;
        };
        let Some(v) = (row.extract)(self.event) else {
            return false;
        };
        match v {
            Val::List(items) => items.iter().all(|x| push(x, row.ty, out)) && row.is_list,
            one => push(&one, row.ty, out),
        }
    }
}

impl<T> Event for Record<'_, '_, T> {
    fn source(&self) -> &str {
        &self.source.name
    }
}

/// Pushes `v` as a value of type `ty`; false when it does not convert.
fn push(v: &Val<'_>, ty: FieldType, out: &mut Values) -> bool {
    use FieldType as F;
    match (v, ty) {
        (Val::Str(s), F::String | F::Bytes) => out.push_str(s),
        (Val::String(s), F::String | F::Bytes) => out.push_str(s),
        (Val::Bytes(b), F::String | F::Bytes) => out.push_bytes(b),
        (Val::Int(i), t) if t.is_signed() => out.push_int(*i),
        (Val::Uint(u), t) if t.is_signed() => match i64::try_from(*u) {
            Ok(i) => out.push_int(i),
            Err(_) => return false,
        },
        (Val::Uint(u), t) if t.is_numeric() => out.push_uint(*u),
        (Val::Int(i), t) if t.is_numeric() => match u64::try_from(*i) {
            Ok(u) => out.push_uint(u),
            Err(_) => return false,
        },
        (Val::Int(i), F::String) => out.push_str(&i.to_string()),
        (Val::Uint(u), F::String) => out.push_str(&u.to_string()),
        (Val::Bool(b), F::Bool) => out.push_bool(*b),
        (Val::Ip(ip), F::IpAddr) => out.push_ip(*ip),
        (Val::Net(n), F::IpNet) => out.push_net(*n),
        (Val::Str(s), F::IpAddr) => match s.parse() {
            Ok(ip) => out.push_ip(ip),
            Err(_) => return false,
        },
        (Val::Str(s), F::IpNet) => match IpNet::parse(s) {
            Some(n) => out.push_net(n),
            None => return false,
        },
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Filter, Scratch};

    struct Req {
        method: &'static str,
        status: u16,
        tags: Vec<&'static str>,
        client: IpAddr,
    }

    fn source() -> DynamicSource<Req> {
        DynamicSource::<Req>::new("http")
            .field("req.method", FieldType::String, |r| {
                Some(Val::from(r.method))
            })
            .field("req.status", FieldType::Uint16, |r| {
                Some(Val::from(r.status))
            })
            .field("req.error", FieldType::Bool, |r| {
                Some(Val::from(r.status >= 500))
            })
            .field("req.client", FieldType::IpAddr, |r| {
                Some(Val::from(r.client))
            })
            .field("req.missing", FieldType::String, |_| None)
            .list_field("req.tags", FieldType::String, |r| {
                Some(Val::List(r.tags.iter().map(|t| Val::Str(t)).collect()))
            })
    }

    #[test]
    fn rows_resolve_and_extract_by_type() {
        let src = source();
        let req = Req {
            method: "POST",
            status: 503,
            tags: vec!["api", "v2"],
            client: "10.1.2.3".parse().expect("ip"),
        };
        let cases: &[(&str, bool)] = &[
            ("req.method = POST", true),
            ("req.method in (GET, HEAD)", false),
            ("req.status >= 500 and req.error = true", true),
            ("req.client = 10.1.2.3", true),
            ("req.client = 10.1.2.4", false),
            ("req.tags intersects (v2, v3)", true),
            ("req.tags intersects (v1)", false),
            ("req.tags in (api, v2, v3)", true),
            ("req.missing = x", false),
            ("req.missing != x", false),
            ("not req.missing exists", true),
        ];
        let mut scratch = Scratch::new();
        for (cond, want) in cases {
            let f = Filter::new(cond, &src).unwrap_or_else(|e| panic!("{cond}: {e}"));
            assert_eq!(f.matches(&src.event(&req), &mut scratch), *want, "{cond}");
        }
    }

    #[test]
    fn unknown_fields_and_arguments_are_errors() {
        let src = source();
        let e = Filter::new("req.nope = 1", &src).unwrap_err();
        assert_eq!(
            e.message(),
            "filter_check called with nonexistent field req.nope"
        );
        let e = Filter::new("req.method[1] = GET", &src).unwrap_err();
        assert_eq!(e.message(), "field req.method takes no argument");
    }

    #[test]
    fn json_fields_read_keys_then_dotted_paths() {
        let src = DynamicSource::<serde_json::Value>::new("json")
            .json_field("user.name", FieldType::String)
            .json_field("req.n", FieldType::Int64)
            .json_field("req.ok", FieldType::Bool);
        let cases: &[(&str, &str, bool)] = &[
            (r#"{"user.name": "a"}"#, "user.name = a", true),
            (r#"{"user": {"name": "a"}}"#, "user.name = a", true),
            (r#"{"user": {"name": 3}}"#, "user.name = 3", true),
            (r#"{"req.n": -4}"#, "req.n < 0", true),
            (r#"{"req": {"n": -4}}"#, "req.n < 0", true),
            (r#"{"req.n": "x"}"#, "req.n exists", false),
            (r#"{"req.n": "x"}"#, "req.n < 0", false),
            (r#"{"req.ok": true}"#, "req.ok = true", true),
            (r#"{}"#, "user.name exists", false),
            (r#"[1]"#, "req.n exists", false),
        ];
        let mut scratch = Scratch::new();
        for (json, cond, want) in cases {
            let v: serde_json::Value = serde_json::from_str(json).expect("json");
            let f = Filter::new(cond, &src).unwrap_or_else(|e| panic!("{cond}: {e}"));
            assert_eq!(
                f.matches(&src.event(&v), &mut scratch),
                *want,
                "{json} {cond}"
            );
        }
    }
}

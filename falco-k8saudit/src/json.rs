//! A JSON tree that keeps object keys in document order.
//!
//! The k8saudit and json plugins read events with fastjson, which keeps keys
//! in the order they were written; some fields depend on that order
//! (`ka.req.pod.volumes.volume_type` lists a volume's keys, values rendered
//! as JSON text keep their keys' order). serde_json's `Value` sorts keys
//! unless a workspace-wide feature is turned on, so this crate parses into
//! its own tree: objects are vectors of `(key, value)` pairs (audit objects
//! are small, a linear scan beats hashing), numbers keep serde_json's
//! [`serde_json::Number`].

use std::fmt::{self, Write as _};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string (unescaped).
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in document order (a repeated key keeps every pair;
    /// lookups find the first, as fastjson does).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses one JSON document.
    ///
    /// ```
    /// use falco_k8saudit::json::Json;
    /// let v = Json::parse(br#"{"b": 1, "a": [true, null]}"#).unwrap();
    /// assert_eq!(v.to_string(), r#"{"b":1,"a":[true,null]}"#);
    /// ```
    pub fn parse(bytes: &[u8]) -> Result<Json, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// The member `key` of an object, or the element at decimal index `key`
    /// of an array (fastjson's `Get` with one key).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Json::Array(items) => {
                if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                items.get(key.parse::<usize>().ok()?)
            }
            _ => None,
        }
    }

    /// Follows `keys` one after the other (see [`Json::get`]).
    pub fn get_path(&self, keys: &[&str]) -> Option<&Json> {
        keys.iter().try_fold(self, |v, k| v.get(k))
    }

    /// The string contents if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as the plugins render it in a string field: a string's
    /// contents as they are, anything else as compact JSON text (`true`,
    /// `65534`, `{"a":"b"}`, `null`).
    pub fn as_field_string(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Json::String(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.to_string()),
        }
    }

    /// Writes the value as JSON indented by two spaces per level, the layout
    /// of Go's `json.Indent(dst, src, "", "  ")` (empty arrays and objects
    /// stay `[]` and `{}`; a key is followed by `": "`).
    pub fn write_indented(&self, out: &mut String) {
        self.indent_into(out, 0);
    }

    fn indent_into(&self, out: &mut String, depth: usize) {
        fn newline(out: &mut String, depth: usize) {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
        match self {
            Json::Array(items) if !items.is_empty() => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    v.indent_into(out, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Json::Object(members) if !members.is_empty() => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    write_escaped(out, k);
                    out.push_str(": ");
                    v.indent_into(out, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
            other => {
                let _ = write!(out, "{other}");
            }
        }
    }
}

fn write_escaped(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Compact JSON text, keys in document order.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) => write!(f, "{n}"),
            Json::String(s) => {
                let mut buf = String::with_capacity(s.len() + 2);
                write_escaped(&mut buf, s);
                f.write_str(&buf)
            }
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    let mut buf = String::with_capacity(k.len() + 2);
                    write_escaped(&mut buf, k);
                    write!(f, "{buf}:{v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            members.push((k, v));
        }
        Ok(Json::Object(members))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_renders_compact() {
        let v = Json::parse(br#"{ "z": 1, "a": {"y": "x\"q", "b": [1.5, false]} }"#).unwrap();
        assert_eq!(v.to_string(), r#"{"z":1,"a":{"y":"x\"q","b":[1.5,false]}}"#);
    }

    #[test]
    fn get_indexes_arrays_by_decimal_key() {
        let v = Json::parse(br#"{"a": [10, 20]}"#).unwrap();
        assert_eq!(v.get_path(&["a", "1"]).unwrap().to_string(), "20");
        assert!(v.get_path(&["a", "2"]).is_none());
        assert!(v.get_path(&["a", "-1"]).is_none());
        assert!(v.get_path(&["a", "x"]).is_none());
    }

    #[test]
    fn indents_like_go_json_indent() {
        let v = Json::parse(br#"{"a":[1,{}],"b":[],"c":{"d":null}}"#).unwrap();
        let mut s = String::new();
        v.write_indented(&mut s);
        assert_eq!(
            s,
            "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": null\n  }\n}"
        );
    }
}

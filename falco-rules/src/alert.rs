//! Alerts: what a matching rule produces, printed as Falco prints it.
//!
//! Text form (`json_output: false`):
//! `HH:MM:SS.nnnnnnnnn: Priority Output` (local time), or with ISO 8601 time
//! `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000`. Control characters are escaped and
//! invalid UTF-8 replaced, as Falco's JSON string encoder does.
//!
//! JSON form (`json_output: true`): one object with keys in lexicographic
//! order — `hostname`, `output`, `output_fields`, `priority`, `rule`,
//! `source`, `tags`, `time` — as Falco writes it.
//!
//! ```
//! use falco_rules::{Alert, AlertFormat, Priority, TimeFields};
//!
//! let alert = Alert {
//!     rule: "open_from_cat".into(),
//!     priority: Priority::Warning,
//!     source: "syscall".into(),
//!     tags: vec!["filesystem".to_string(), "process".to_string()].into(),
//!     time_ns: 1_470_327_477_881_781_397,
//!     output: "An open was seen (command=cat /dev/null)".into(),
//!     output_fields: vec![("proc.cmdline".into(), "cat /dev/null".into())],
//!     time_fields: Some(TimeFields { plain: "evt.time".into(), iso8601: "evt.time.iso8601".into() }),
//!     extra: Vec::new(),
//! };
//! let fmt = AlertFormat { hostname: "host".into(), time_format_iso_8601: true, ..AlertFormat::default() };
//! assert_eq!(
//!     alert.text(&fmt),
//!     "2016-08-04T16:17:57.881781397+0000: Warning An open was seen (command=cat /dev/null)"
//! );
//! assert_eq!(
//!     alert.json(&fmt),
//!     r#"{"hostname":"host","output":"2016-08-04T16:17:57.881781397+0000: Warning An open was seen (command=cat /dev/null)","output_fields":{"evt.time.iso8601":1470327477881781397,"proc.cmdline":"cat /dev/null"},"priority":"Warning","rule":"open_from_cat","source":"syscall","tags":["filesystem","process"],"time":"2016-08-04T16:17:57.881781397Z"}"#
//! );
//! ```

use std::sync::Arc;

use chrono::{DateTime, Local, TimeZone, Utc};
use serde_json::{Map, Value as Json};

use crate::engine::Rule;
use crate::field::{FieldExtractor, FieldType, Value, Values};
use crate::rules::Priority;
use crate::source::TimeFields;

/// One alert.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// The rule's name.
    pub rule: Arc<str>,
    /// The rule's priority.
    pub priority: Priority,
    /// The event source (the rule's `source:`).
    pub source: Arc<str>,
    /// The rule's tags, sorted.
    pub tags: Arc<[String]>,
    /// The event time, nanoseconds since the epoch.
    pub time_ns: u64,
    /// The formatted rule output (without time and priority).
    pub output: String,
    /// The output's fields and their typed values (`null` when unavailable),
    /// keyed `name` or `name[arg]`.
    pub output_fields: Vec<(String, Json)>,
    /// The output fields that carry the event time in JSON (from the
    /// rule's source; `None` adds none).
    pub time_fields: Option<TimeFields>,
    /// Keys the application adds to the JSON object (the daemon's
    /// `capture_file` when a capture holds the alert's event); none by
    /// default.
    pub extra: Vec<(String, Json)>,
}

/// How alerts are printed: Falco's options of the same names.
///
/// The default does no I/O: its `hostname` is empty. Set it yourself, or
/// start from [`AlertFormat::with_system_hostname`] for Falco's host name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertFormat {
    /// The `hostname` of JSON alerts.
    pub hostname: String,
    /// `time_format_iso_8601`: ISO 8601 UTC time in the text line.
    pub time_format_iso_8601: bool,
    /// `json_include_output_property`.
    pub include_output: bool,
    /// `json_include_output_fields_property`.
    pub include_output_fields: bool,
    /// `json_include_tags_property`.
    pub include_tags: bool,
    /// `json_include_message_property`.
    pub include_message: bool,
}

impl Default for AlertFormat {
    fn default() -> Self {
        AlertFormat {
            hostname: String::new(),
            time_format_iso_8601: false,
            include_output: true,
            include_output_fields: true,
            include_tags: true,
            include_message: false,
        }
    }
}

impl AlertFormat {
    /// The default format with Falco's host name ([`hostname`]): reads the
    /// environment and `/proc/sys/kernel/hostname`.
    pub fn with_system_hostname() -> AlertFormat {
        AlertFormat {
            hostname: hostname(),
            ..AlertFormat::default()
        }
    }
}

/// The host name Falco puts in alerts: `FALCO_HOSTNAME` if set, otherwise
/// the kernel's host name (read from `/proc/sys/kernel/hostname`; empty
/// when unreadable).
pub fn hostname() -> String {
    if let Ok(h) = std::env::var("FALCO_HOSTNAME") {
        return h;
    }
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

impl Alert {
    /// Builds the alert of `rule` for `event` at `time_ns`: renders the
    /// output and extracts the output fields.
    pub fn new<X: FieldExtractor + ?Sized>(rule: &Rule, event: &X, time_ns: u64) -> Alert {
        let mut values = Values::new();
        let mut output = String::new();
        rule.output.render_into(event, &mut values, &mut output);
        let output_fields = rule
            .output
            .fields()
            .into_iter()
            .map(|(key, field)| {
                values.clear();
                let v = if event.extract(field, &mut values) {
                    if field.is_list {
                        Json::Array(values.iter().map(|v| json_value(field.ty, v)).collect())
                    } else {
                        values
                            .iter()
                            .next()
                            .map_or(Json::Null, |v| json_value(field.ty, v))
                    }
                } else {
                    Json::Null
                };
                (key.to_string(), v)
            })
            .collect();
        Alert {
            rule: rule.name.clone(),
            priority: rule.priority,
            source: rule.source.clone(),
            tags: rule.tags.clone(),
            time_ns,
            output,
            output_fields,
            time_fields: rule.time_fields.clone(),
            extra: Vec::new(),
        }
    }

    fn time_prefix(&self, fmt: &AlertFormat) -> String {
        let t = utc(self.time_ns);
        if fmt.time_format_iso_8601 {
            t.format("%Y-%m-%dT%H:%M:%S.%f+0000").to_string()
        } else {
            t.with_timezone(&Local).format("%H:%M:%S.%f").to_string()
        }
    }

    /// The text line, `TIME: Priority Output`.
    pub fn text(&self, fmt: &AlertFormat) -> String {
        let line = format!(
            "{}: {} {}",
            self.time_prefix(fmt),
            self.priority.name(),
            self.output
        );
        json_escape(&line)
    }

    /// The JSON object, on one line.
    pub fn json(&self, fmt: &AlertFormat) -> String {
        let mut o = Map::new();
        o.insert("hostname".into(), Json::String(fmt.hostname.clone()));
        if fmt.include_output {
            o.insert("output".into(), Json::String(self.text(fmt)));
        }
        if fmt.include_message {
            o.insert("message".into(), Json::String(self.output.clone()));
        }
        if fmt.include_output_fields {
            let mut f = Map::new();
            if let Some(t) = &self.time_fields {
                let key = if fmt.time_format_iso_8601 {
                    &t.iso8601
                } else {
                    &t.plain
                };
                f.insert(key.to_string(), Json::from(self.time_ns));
            }
            for (k, v) in &self.output_fields {
                f.insert(k.clone(), v.clone());
            }
            o.insert("output_fields".into(), Json::Object(f));
        }
        o.insert("priority".into(), Json::String(self.priority.name().into()));
        o.insert("rule".into(), Json::String(self.rule.to_string()));
        o.insert("source".into(), Json::String(self.source.to_string()));
        if fmt.include_tags {
            o.insert(
                "tags".into(),
                Json::Array(self.tags.iter().cloned().map(Json::String).collect()),
            );
        }
        for (k, v) in &self.extra {
            o.insert(k.clone(), v.clone());
        }
        let t = utc(self.time_ns);
        o.insert(
            "time".into(),
            Json::String(t.format("%Y-%m-%dT%H:%M:%S.%fZ").to_string()),
        );
        Json::Object(o).to_string()
    }
}

/// `time_ns` (nanoseconds since the epoch) as a UTC time.
fn utc(time_ns: u64) -> DateTime<Utc> {
    let secs = (time_ns / 1_000_000_000) as i64;
    let nanos = (time_ns % 1_000_000_000) as u32;
    Utc.timestamp_opt(secs, nanos).single().unwrap_or_default()
}

/// A JSON string encoding without the surrounding quotes.
fn json_escape(s: &str) -> String {
    let q = Json::String(s.to_string()).to_string();
    q[1..q.len() - 1].to_string()
}

/// The JSON value of one extracted value.
pub fn json_value(ty: FieldType, v: Value<'_>) -> Json {
    match v {
        Value::Bytes(b) => {
            let mut s = String::new();
            crate::output::write_bytes(ty, b, &mut s);
            Json::String(s)
        }
        Value::Int(i) => Json::from(i),
        Value::Uint(u) => Json::from(u),
        Value::Bool(b) => Json::Bool(b),
        Value::Ip(ip) => Json::String(ip.to_string()),
        Value::Net(n) => Json::String(n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(output: &str) -> Alert {
        Alert {
            rule: "r".into(),
            priority: Priority::Informational,
            source: "syscall".into(),
            tags: Vec::new().into(),
            time_ns: 1_000_000_000 * 86_400 + 5,
            output: output.into(),
            output_fields: vec![("fd.port".into(), Json::Null)],
            time_fields: Some(TimeFields {
                plain: "evt.time".into(),
                iso8601: "evt.time.iso8601".into(),
            }),
            extra: Vec::new(),
        }
    }

    #[test]
    fn text_lines_escape_control_characters_and_use_long_priority_names() {
        let fmt = AlertFormat {
            hostname: "h".into(),
            time_format_iso_8601: true,
            ..AlertFormat::default()
        };
        assert_eq!(
            alert("a\tb \"q\"").text(&fmt),
            r#"1970-01-02T00:00:00.000000005+0000: Informational a\tb \"q\""#
        );
    }

    #[test]
    fn json_has_sorted_keys_null_for_missing_and_empty_tags() {
        let fmt = AlertFormat {
            hostname: "h".into(),
            time_format_iso_8601: false,
            ..AlertFormat::default()
        };
        let j: Json = serde_json::from_str(&alert("x").json(&fmt)).expect("valid JSON");
        let keys: Vec<&String> = j.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            [
                "hostname",
                "output",
                "output_fields",
                "priority",
                "rule",
                "source",
                "tags",
                "time"
            ]
        );
        assert_eq!(j["output_fields"]["fd.port"], Json::Null);
        assert_eq!(
            j["output_fields"]["evt.time"],
            Json::from(86_400_000_000_005u64)
        );
        assert_eq!(j["tags"], Json::Array(vec![]));
        assert_eq!(j["time"], "1970-01-02T00:00:00.000000005Z");
    }

    #[test]
    fn a_source_without_time_fields_adds_no_time_key() {
        let mut a = alert("x");
        a.time_fields = None;
        let j: Json = serde_json::from_str(&a.json(&AlertFormat::default())).expect("valid JSON");
        let fields: Vec<&String> = j["output_fields"]
            .as_object()
            .expect("object")
            .keys()
            .collect();
        assert_eq!(fields, ["fd.port"]);
        assert_eq!(j["hostname"], "", "the default format reads no host name");
    }

    #[test]
    fn json_options_drop_properties() {
        let fmt = AlertFormat {
            hostname: "h".into(),
            include_output: false,
            include_tags: false,
            include_output_fields: false,
            ..AlertFormat::default()
        };
        let j: Json = serde_json::from_str(&alert("x").json(&fmt)).expect("valid JSON");
        assert!(j.get("output").is_none());
        assert!(j.get("tags").is_none());
        assert!(j.get("output_fields").is_none());
    }
}

//! Audit events and the payloads that carry them.
//!
//! An audit event is one JSON object of kind `Event` (`audit.k8s.io/v1` or
//! `v1beta1`). Payloads hold one event, an `EventList` (split into its
//! `items`), or a JSON array of either, as the k8saudit plugin accepts them.
//! Each event is parsed once into a [`Json`] tree; fields are read from the
//! tree when a rule asks for them.

use std::fmt;

use crate::json::Json;

/// The k8saudit plugin's default `maxEventSize`: larger events are skipped.
pub const DEFAULT_MAX_EVENT_SIZE: usize = 262_144;

/// One Kubernetes audit event.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEvent {
    root: Json,
    time_ns: u64,
}

/// Why one event of a payload was skipped (the rest of the payload is kept).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// The event has no `stageTimestamp` (the plugin's message).
    #[error("can't read stageTimestamp")]
    NoStageTimestamp,
    /// `stageTimestamp` is not an RFC 3339 time.
    #[error("parsing time {0:?}: not an RFC 3339 timestamp")]
    BadTimestamp(String),
    /// The event, as compact JSON, is larger than the maximum event size.
    #[error("event larger than maxEventSize: size={size}")]
    TooLarge {
        /// The event's size in bytes, as compact JSON.
        size: usize,
    },
}

/// Why a whole payload was rejected.
#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    /// The payload is not JSON.
    #[error("malformed JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A document of a file is not JSON; the position is in the file.
    #[error("malformed JSON at line {line} column {column}: {message}")]
    MalformedAt {
        /// What the JSON parser expected.
        message: String,
        /// The line of the error in the file (1-based).
        line: usize,
        /// The column of the error (1-based).
        column: usize,
    },
    /// The payload is JSON but neither an `Event`, an `EventList` nor an
    /// array of them (the plugin's message).
    #[error("data not recognized as a k8s audit event")]
    NotAudit,
}

impl AuditEvent {
    /// An event from its parsed JSON object; the event time is its
    /// `stageTimestamp`, as the plugin takes it.
    ///
    /// ```
    /// use falco_k8saudit::{AuditEvent, json::Json};
    /// let v = Json::parse(br#"{"kind":"Event","auditID":"x","stageTimestamp":"2018-10-25T13:58:49.730588Z"}"#).unwrap();
    /// let ev = AuditEvent::from_json(v).unwrap();
    /// assert_eq!(ev.time_ns(), 1_540_475_929_730_588_000);
    /// ```
    pub fn from_json(root: Json) -> Result<AuditEvent, EventError> {
        let ts = root
            .get("stageTimestamp")
            .ok_or(EventError::NoStageTimestamp)?;
        let text = ts.as_str().unwrap_or("");
        let time = chrono::DateTime::parse_from_rfc3339(text)
            .map_err(|_| EventError::BadTimestamp(text.to_string()))?;
        let time_ns = time
            .timestamp_nanos_opt()
            .and_then(|n| u64::try_from(n).ok())
            .ok_or_else(|| EventError::BadTimestamp(text.to_string()))?;
        Ok(AuditEvent { root, time_ns })
    }

    /// The event's JSON tree.
    pub fn json(&self) -> &Json {
        &self.root
    }

    /// The event time (its `stageTimestamp`) in nanoseconds since the epoch.
    pub fn time_ns(&self) -> u64 {
        self.time_ns
    }

    /// The size of the event as compact JSON, which the plugin compares
    /// with `maxEventSize`.
    pub fn compact_len(&self) -> usize {
        compact_len(&self.root)
    }
}

fn compact_len(v: &Json) -> usize {
    struct Count(usize);
    impl fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut c = Count(0);
    let _ = fmt::write(&mut c, format_args!("{v}"));
    c.0
}

/// The events of one payload, and the events that were skipped.
#[derive(Debug, Default)]
pub struct Batch {
    /// The events, in payload order.
    pub events: Vec<AuditEvent>,
    /// Why each skipped event or document was skipped.
    pub skipped: Vec<Skipped>,
}

/// One skipped event or document of an input.
#[derive(Debug, thiserror::Error)]
#[error("{}{error}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct Skipped {
    /// The line the document starts on, for file inputs.
    pub line: Option<usize>,
    /// What was wrong.
    pub error: SkipReason,
}

/// Why an event or a document was skipped.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    /// One event of a payload was bad.
    #[error(transparent)]
    Event(#[from] EventError),
    /// A whole document was bad.
    #[error(transparent)]
    Payload(#[from] PayloadError),
}

impl Batch {
    /// Splits one parsed payload into events, as the plugin does: a JSON
    /// array is split recursively, an object of kind `EventList` into its
    /// `items`, an object of kind `Event` is one event. Anything else
    /// rejects the whole payload. Events without a valid `stageTimestamp`
    /// or larger than `max_event_size` are skipped and recorded.
    pub fn add_payload(&mut self, value: Json, max_event_size: usize) -> Result<(), PayloadError> {
        let mut events = Vec::new();
        let mut skipped = Vec::new();
        split(value, max_event_size, &mut events, &mut skipped)?;
        self.events.extend(events);
        self.skipped.extend(skipped.into_iter().map(|e| Skipped {
            line: None,
            error: SkipReason::Event(e),
        }));
        Ok(())
    }

    /// Parses one JSON document (a webhook body) into a batch.
    ///
    /// ```
    /// use falco_k8saudit::Batch;
    /// let body = br#"{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[
    ///   {"kind":"Event","auditID":"1","stageTimestamp":"2024-01-01T00:00:00Z"},
    ///   {"kind":"Event","auditID":"2"}]}"#;
    /// let batch = Batch::from_payload(body, falco_k8saudit::DEFAULT_MAX_EVENT_SIZE).unwrap();
    /// assert_eq!(batch.events.len(), 1);
    /// assert_eq!(batch.skipped[0].to_string(), "can't read stageTimestamp");
    /// ```
    pub fn from_payload(bytes: &[u8], max_event_size: usize) -> Result<Batch, PayloadError> {
        let value = Json::parse(bytes)?;
        let mut batch = Batch::default();
        batch.add_payload(value, max_event_size)?;
        Ok(batch)
    }

    /// Parses a file's contents: one or more JSON documents one after the
    /// other (one per line, as the plugin reads files, or pretty-printed over
    /// several lines). A document that is not JSON or not audit data is
    /// skipped with its line, and reading resumes on the next line.
    ///
    /// ```
    /// use falco_k8saudit::Batch;
    /// let text = b"{\"kind\":\"Event\",\"auditID\":\"1\",\"stageTimestamp\":\"2024-01-01T00:00:00Z\"}\n\
    ///              {not json\n\
    ///              {\"kind\":\"Event\",\"auditID\":\"2\",\"stageTimestamp\":\"2024-01-01T00:00:01Z\"}\n";
    /// let batch = Batch::from_stream(text, falco_k8saudit::DEFAULT_MAX_EVENT_SIZE);
    /// assert_eq!(batch.events.len(), 2);
    /// assert_eq!(batch.skipped.len(), 1);
    /// assert_eq!(batch.skipped[0].to_string(), "line 2: malformed JSON at line 2 column 2: key must be a string");
    /// ```
    pub fn from_stream(bytes: &[u8], max_event_size: usize) -> Batch {
        let mut batch = Batch::default();
        let mut pos = 0;
        while pos < bytes.len() {
            let rest = &bytes[pos..];
            let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<Json>();
            loop {
                let off = stream.byte_offset();
                let start = pos + off + skip_ws(&rest[off..]);
                match stream.next() {
                    None => return batch,
                    Some(Ok(value)) => {
                        let line = Some(line_of(bytes, start));
                        let mut events = Vec::new();
                        let mut skipped = Vec::new();
                        match split(value, max_event_size, &mut events, &mut skipped) {
                            Ok(()) => {
                                batch.events.extend(events);
                                batch.skipped.extend(skipped.into_iter().map(|e| Skipped {
                                    line,
                                    error: SkipReason::Event(e),
                                }));
                            }
                            Err(e) => batch.skipped.push(Skipped {
                                line,
                                error: SkipReason::Payload(e),
                            }),
                        }
                    }
                    Some(Err(e)) => {
                        // serde counts from where this deserializer started.
                        let base_line = line_of(bytes, pos);
                        let line = base_line + e.line().saturating_sub(1);
                        let column = if e.line() <= 1 {
                            e.column() + (pos - line_start(bytes, pos))
                        } else {
                            e.column()
                        };
                        let full = e.to_string();
                        let suffix = format!(" at line {} column {}", e.line(), e.column());
                        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
                        batch.skipped.push(Skipped {
                            line: Some(line_of(bytes, start)),
                            error: SkipReason::Payload(PayloadError::MalformedAt {
                                message,
                                line,
                                column,
                            }),
                        });
                        // Resume on the line after the one the bad document starts on.
                        pos = match bytes[start..].iter().position(|&b| b == b'\n') {
                            Some(nl) => start + nl + 1,
                            None => bytes.len(),
                        };
                        break;
                    }
                }
            }
        }
        batch
    }
}

fn skip_ws(b: &[u8]) -> usize {
    b.iter()
        .position(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(b.len())
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn line_start(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

fn kind(value: &Json) -> Option<&str> {
    value.get("kind").and_then(Json::as_str)
}

fn split(
    value: Json,
    max: usize,
    events: &mut Vec<AuditEvent>,
    skipped: &mut Vec<EventError>,
) -> Result<(), PayloadError> {
    match value {
        Json::Array(items) => {
            for v in items {
                split(v, max, events, skipped)?;
            }
            Ok(())
        }
        obj => match kind(&obj) {
            Some("EventList") => {
                let Json::Object(members) = obj else {
                    return Err(PayloadError::NotAudit);
                };
                let items = members
                    .into_iter()
                    .find(|(k, _)| k == "items")
                    .map(|(_, v)| v);
                match items {
                    Some(Json::Array(items)) => {
                        for item in items {
                            push_event(item, max, events, skipped);
                        }
                        Ok(())
                    }
                    _ => Err(PayloadError::NotAudit),
                }
            }
            Some("Event") => {
                push_event(obj, max, events, skipped);
                Ok(())
            }
            _ => Err(PayloadError::NotAudit),
        },
    }
}

fn push_event(v: Json, max: usize, events: &mut Vec<AuditEvent>, skipped: &mut Vec<EventError>) {
    match AuditEvent::from_json(v) {
        Ok(ev) => {
            let size = ev.compact_len();
            if size > max {
                skipped.push(EventError::TooLarge { size });
            } else {
                events.push(ev);
            }
        }
        Err(e) => skipped.push(e),
    }
}

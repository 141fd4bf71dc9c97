//! Output format strings: `%field` tokens compiled once, rendered per alert.
//!
//! Syntax (as Falco's): literal text with `%field`, `%field[arg]` and
//! `%Nfield` (pad or truncate to N characters) tokens. There is no escape for
//! a literal `%`. A token extends as far as a field name can, then is shortened
//! one character at a time until the schema knows it, so `%proc.nameand` is
//! `%proc.name` followed by `and`, and `%fd.name.` stops before the dot. A
//! value that is unavailable prints `<NA>` (Falco always renders rule outputs
//! that way).
//!
//! ```
//! use falco_rules::field::{Field, FieldError, FieldExtractor, FieldSchema, FieldType, Values};
//! use falco_rules::output::OutputFormat;
//!
//! struct S;
//! impl FieldSchema for S {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "proc.name" => Ok(Field::new(0, FieldType::String)),
//!             "fd.sport" => Ok(Field::new(1, FieldType::Uint16)),
//!             _ => Err(FieldError::Unknown(name.into())),
//!         }
//!     }
//! }
//! struct Ev;
//! impl FieldExtractor for Ev {
//!     fn extract(&self, f: &Field, out: &mut Values) -> bool {
//!         if f.id == 0 { out.push_str("cat"); true } else { false }
//!     }
//! }
//! let fmt = OutputFormat::compile("Opened (command=%proc.name port=%fd.sport)", &S)?;
//! assert_eq!(fmt.render(&Ev), "Opened (command=cat port=<NA>)");
//! # Ok::<(), falco_rules::Error>(())
//! ```

use std::fmt::Write as _;

use crate::ast::Pos;
use crate::error::{Error, ErrorKind};
use crate::field::{Field, FieldExtractor, FieldFlags, FieldSchema, FieldType, Value, Values};

/// One piece of a compiled format.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text(String),
    Field {
        /// `name` or `name[arg]`, the key used in JSON `output_fields`.
        key: String,
        field: Field,
        width: Option<usize>,
    },
}

/// A compiled output format string.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputFormat {
    source: String,
    pieces: Vec<Piece>,
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
}

impl OutputFormat {
    /// Compiles a format string against a schema.
    ///
    /// Errors (kind [`ErrorKind::UnknownField`] when no field matches, so
    /// `skip-if-unknown-filter` can soften them): `unknown filter: ...`, a
    /// format that ends in `%` or `%<digits>`, and fields that can only be
    /// used in conditions. The position is the byte offset of the `%`.
    pub fn compile(format: &str, schema: &dyn FieldSchema) -> Result<OutputFormat, Error> {
        let bytes = format.as_bytes();
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let Some(rel) = memchr::memchr(b'%', &bytes[i..]) else {
                text.push_str(&format[i..]);
                break;
            };
            text.push_str(&format[i..i + rel]);
            let pct = i + rel;
            let mut j = pct + 1;
            let digits_start = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            let width = if j > digits_start {
                format[digits_start..j].parse::<usize>().ok()
            } else {
                None
            };
            if j >= bytes.len() {
                return Err(Error::new(
                    ErrorKind::Compile,
                    "invalid formatting token: the format ends with '%'",
                    Pos::at(format, pct),
                ));
            }
            let (len, key, field) = resolve_token(&format[j..], schema).map_err(|msg| {
                let name_len = format[j..].bytes().take_while(|&b| is_name_byte(b)).count();
                let e = Error::new(ErrorKind::UnknownField, msg, Pos::at(format, pct));
                match &format[j..j + name_len] {
                    "" => e,
                    name => e.with_subject(name),
                }
            })?;
            if field.flags.contains(FieldFlags::FILTER_ONLY) {
                return Err(Error::new(
                    ErrorKind::Compile,
                    format!("field '{key}' can only be used in conditions, not in outputs"),
                    Pos::at(format, pct),
                ));
            }
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Field { key, field, width });
            i = j + len;
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(OutputFormat {
            source: format.to_string(),
            pieces,
        })
    }

    /// Every error of a format, in order (where [`OutputFormat::compile`]
    /// stops at the first): each bad `%field` of an output is reported.
    /// Empty when the format compiles.
    ///
    /// ```
    /// # use falco_rules::{Field, FieldError, FieldSchema, FieldType};
    /// # struct S;
    /// # impl FieldSchema for S {
    /// #     fn resolve(&self, n: &str, _: Option<&str>) -> Result<Field, FieldError> {
    /// #         if n == "a.b" { Ok(Field::new(0, FieldType::String)) } else { Err(FieldError::Unknown(n.into())) }
    /// #     }
    /// # }
    /// use falco_rules::output::OutputFormat;
    /// let errs = OutputFormat::errors("%a.b %a.c and %a.d", &S);
    /// let at: Vec<usize> = errs.iter().map(|e| e.pos().offset).collect();
    /// assert_eq!(at, [5, 14]);
    /// assert_eq!(errs[1].subject(), Some("a.d"));
    /// ```
    pub fn errors(format: &str, schema: &dyn FieldSchema) -> Vec<Error> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < format.len() {
            match OutputFormat::compile(&format[start..], schema) {
                Ok(_) => break,
                Err(e) => {
                    let at = start + e.pos().offset;
                    let mut moved = Error::new(e.kind(), e.message(), Pos::at(format, at));
                    if let Some(s) = e.subject() {
                        moved = moved.with_subject(s);
                    }
                    out.push(moved);
                    // Go on just after the bad '%'.
                    start = at + 1;
                }
            }
        }
        out
    }

    /// The format string as given.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The fields of the format, as `(key, field)` with key `name` or
    /// `name[arg]`, in order of appearance, without duplicates.
    pub fn fields(&self) -> Vec<(&str, &Field)> {
        let mut out: Vec<(&str, &Field)> = Vec::new();
        for p in &self.pieces {
            if let Piece::Field { key, field, .. } = p {
                if !out.iter().any(|(k, _)| *k == key.as_str()) {
                    out.push((key, field));
                }
            }
        }
        out
    }

    /// The key (`name` or `name[arg]`) of every field of the format, in
    /// order of appearance, repeats included: libsinsp's formatter field
    /// names, which Falco's `-L` JSON shows as a rule's `output_fields`.
    pub fn field_keys(&self) -> Vec<&str> {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Field { key, .. } => Some(key.as_str()),
                Piece::Text(_) => None,
            })
            .collect()
    }

    /// Renders the format for one event.
    pub fn render<X: FieldExtractor + ?Sized>(&self, event: &X) -> String {
        let mut out = String::new();
        let mut values = Values::new();
        self.render_into(event, &mut values, &mut out);
        out
    }

    /// Renders into `out`, using `values` as the extraction buffer.
    pub fn render_into<X: FieldExtractor + ?Sized>(
        &self,
        event: &X,
        values: &mut Values,
        out: &mut String,
    ) {
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Field { field, width, .. } => {
                    values.clear();
                    let start = out.len();
                    if event.extract(field, values) {
                        write_values(field, values, out);
                    } else {
                        out.push_str("<NA>");
                    }
                    if let Some(w) = *width {
                        let rendered: String = out[start..].chars().take(w).collect();
                        let n = rendered.chars().count();
                        out.truncate(start);
                        out.push_str(&rendered);
                        out.extend(std::iter::repeat_n(' ', w - n));
                    }
                }
            }
        }
    }
}

/// Finds the longest prefix of `rest` that names a field the schema knows.
/// Returns (bytes consumed, key, field).
fn resolve_token(rest: &str, schema: &dyn FieldSchema) -> Result<(usize, String, Field), String> {
    let b = rest.as_bytes();
    let mut end = 0;
    while end < b.len() && is_name_byte(b[end]) {
        end += 1;
    }
    // An argument directly after the name: `name[arg]`.
    let arg_end = if end < b.len() && b[end] == b'[' {
        memchr::memchr(b']', &b[end..]).map(|r| end + r + 1)
    } else {
        None
    };
    let mut first_err = None;
    if let Some(ae) = arg_end {
        let name = &rest[..end];
        let arg = &rest[end + 1..ae - 1];
        match schema.resolve(name, Some(arg)) {
            Ok(f) => return Ok((ae, rest[..ae].to_string(), f)),
            Err(e) => first_err = Some(e.to_string()),
        }
    }
    let mut n = end;
    while n > 0 {
        let name = &rest[..n];
        if name.contains('.') {
            match schema.resolve(name, None) {
                Ok(f) => return Ok((n, name.to_string(), f)),
                Err(e) => {
                    if first_err.is_none() {
                        first_err = Some(e.to_string());
                    }
                }
            }
        }
        n -= 1;
    }
    Err(match first_err {
        Some(e) => format!("unknown filter: {e}"),
        None => format!(
            "unknown filter: expected a field name after '%' at '{}'",
            rest.chars().take(24).collect::<String>()
        ),
    })
}

/// Writes extracted values as text: a single value as is, a list as
/// `(a,b,c)`.
pub fn write_values(field: &Field, values: &Values, out: &mut String) {
    if field.is_list {
        out.push('(');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_value(field.ty, v, out);
        }
        out.push(')');
    } else if let Some(v) = values.iter().next() {
        write_value(field.ty, v, out);
    } else {
        out.push_str("<NA>");
    }
}

/// Writes string or buffer contents as text: strings as (lossy) UTF-8,
/// byte buffers with every non-printable byte as a dot, as Falco prints them.
pub fn write_bytes(ty: FieldType, b: &[u8], out: &mut String) {
    if ty == FieldType::Bytes {
        out.extend(b.iter().map(|&c| {
            if c.is_ascii_graphic() || c == b' ' {
                c as char
            } else {
                '.'
            }
        }));
    } else {
        out.push_str(&String::from_utf8_lossy(b));
    }
}

/// Writes one extracted value as text, as an output prints it.
pub fn write_value(ty: FieldType, v: Value<'_>, out: &mut String) {
    match v {
        Value::Bytes(b) => write_bytes(ty, b, out),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Uint(u) => {
            let _ = write!(out, "{u}");
        }
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Ip(ip) => {
            let _ = write!(out, "{ip}");
        }
        Value::Net(n) => {
            let _ = write!(out, "{n}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FieldError;

    struct S;
    impl FieldSchema for S {
        fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
            let mut f = match name {
                "proc.name" => Field::new(0, FieldType::String),
                "fd.name" => Field::new(1, FieldType::String),
                "proc.aname" => Field::new(2, FieldType::String),
                "fd.ip" => {
                    let mut f = Field::new(3, FieldType::IpAddr);
                    f.flags = FieldFlags::FILTER_ONLY;
                    f
                }
                "evt.args" => {
                    let mut f = Field::new(4, FieldType::String);
                    f.is_list = true;
                    f
                }
                _ => return Err(FieldError::Unknown(name.into())),
            };
            if let Some(a) = arg {
                if name != "proc.aname" {
                    return Err(FieldError::BadArgument(format!(
                        "field {name} takes no argument"
                    )));
                }
                f.arg = crate::field::FieldArg::Key(a.into());
            }
            Ok(f)
        }
    }
    struct Ev;
    impl FieldExtractor for Ev {
        fn extract(&self, f: &Field, out: &mut Values) -> bool {
            match f.id {
                0 => out.push_str("cat"),
                1 => out.push_str("/etc/shadow"),
                2 => out.push_str("bash"),
                4 => {
                    out.push_str("a");
                    out.push_str("b");
                }
                _ => return false,
            }
            true
        }
    }

    #[test]
    fn tokens_shorten_until_a_field_matches() {
        let cases: &[(&str, &str)] = &[
            ("cmd=%proc.name", "cmd=cat"),
            ("%proc.nameand", "catand"),
            ("file %fd.name.", "file /etc/shadow."),
            ("%proc.aname[2]!", "bash!"),
            ("[%5proc.name]", "[cat  ]"),
            ("[%2fd.name]", "[/e]"),
            ("%evt.args", "(a,b)"),
            ("no tokens at all", "no tokens at all"),
        ];
        for (fmt, want) in cases {
            let f = OutputFormat::compile(fmt, &S).expect(fmt);
            assert_eq!(f.render(&Ev), *want, "format: {fmt}");
        }
    }

    #[test]
    fn bad_formats_are_errors() {
        let e = OutputFormat::compile("x %nope.field y", &S).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownField);
        assert_eq!(
            e.message(),
            "unknown filter: filter_check called with nonexistent field nope.field"
        );
        assert_eq!(e.pos().col, 3);
        assert!(OutputFormat::compile("ends with %", &S).is_err());
        assert!(OutputFormat::compile("ends with %12", &S).is_err());
        assert!(OutputFormat::compile("ip %fd.ip", &S)
            .unwrap_err()
            .message()
            .contains("only be used in conditions"));
    }

    #[test]
    fn fields_lists_each_key_once() {
        let f = OutputFormat::compile("%proc.name %fd.name %proc.name", &S).expect("compiles");
        let keys: Vec<&str> = f.fields().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["proc.name", "fd.name"]);
    }
}

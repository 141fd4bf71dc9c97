//! Rule exceptions: validation when they are collected, and their exact
//! translation into condition text.
//!
//! Falco turns exceptions into **text** appended to the rule condition,
//! `(<cond>) and not <ex1> and not <ex2>...`, which is then parsed like any
//! condition. Values go in as written: a value with a space is put in double
//! quotes (inner quotes are not escaped), anything else is inserted raw, so
//! `proc.pname` becomes a bare string and `toupper(proc.pname)` a transformer.
//! We reproduce that text byte for byte ([`exceptions_condition`]).

use super::diag::{Context, Diagnostic, ErrorCode, ItemType};
use super::items::{Exception, ExceptionEntry};
use super::text::MappedText;

/// The comparison operators the condition parser knows.
pub const OPERATORS: [&str; 20] = [
    "exists",
    "<=",
    "<",
    ">=",
    ">",
    "==",
    "=",
    "!=",
    "glob",
    "iglob",
    "contains",
    "icontains",
    "bcontains",
    "startswith",
    "bstartswith",
    "endswith",
    "regex",
    "intersects",
    "in",
    "pmatch",
];

/// The operators that take a list on the right.
pub const LIST_OPERATORS: [&str; 3] = ["intersects", "in", "pmatch"];

/// String operators that accept an `oneof`/`anyof`/`allof` modifier.
const MODIFIABLE: [&str; 12] = [
    "=",
    "==",
    "!=",
    "contains",
    "icontains",
    "bcontains",
    "startswith",
    "bstartswith",
    "endswith",
    "glob",
    "iglob",
    "regex",
];

/// Whether `op` is `<string op> <modifier>`, e.g. `startswith oneof`
/// (exactly one space between the two words).
pub fn is_operator_with_modifier(op: &str) -> bool {
    match op.split_once(' ') {
        Some((base, modifier)) => {
            MODIFIABLE.contains(&base) && matches!(modifier, "oneof" | "anyof" | "allof")
        }
        None => false,
    }
}

/// Whether `op` takes a parenthesized list on the right (a list operator or
/// a modifier operator).
pub fn is_list_operator(op: &str) -> bool {
    LIST_OPERATORS.contains(&op) || is_operator_with_modifier(op)
}

/// Falco's `quote_item`: a value with a space, not already starting with a
/// quote, is wrapped in double quotes. Nothing is escaped.
pub fn quote_item(v: &str) -> String {
    if v.contains(' ') && !v.starts_with('"') && !v.starts_with('\'') {
        format!("\"{v}\"")
    } else {
        v.to_string()
    }
}

/// Falco's `paren_item`: wraps in parentheses unless it starts with `(`.
pub fn paren_item(v: &str) -> String {
    if v.starts_with('(') {
        v.to_string()
    } else {
        format!("({v})")
    }
}

fn trim_comp(s: &str) -> String {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
        .to_string()
}

/// Validates one exception as Falco's collector does, filling in the default
/// `comps` and trimming them. `valid_field` checks a left-hand side for the
/// rule's source; pass `None` when the source is unknown (no field check).
///
/// The error is the message; its code is `LOAD_ERR_VALIDATE`, its context the
/// exception's.
pub fn validate_exception(
    ex: &mut Exception,
    valid_field: Option<&dyn Fn(&str) -> bool>,
) -> Result<(), String> {
    if let ExceptionEntry::List(fields) = &ex.fields {
        if !ex.comps.is_valid() {
            ex.comps = ExceptionEntry::List(vec![ExceptionEntry::Value("=".into()); fields.len()]);
        }
        if fields.len() != ex.comps.items().len() {
            return Err("Fields and comps lists must have equal length".into());
        }
        if let ExceptionEntry::List(comps) = &mut ex.comps {
            for c in comps.iter_mut() {
                let trimmed = trim_comp(c.text());
                if !OPERATORS.contains(&trimmed.as_str()) && !is_operator_with_modifier(&trimmed) {
                    return Err(format!(
                        "'{trimmed}' is not a supported comparison operator"
                    ));
                }
                *c = ExceptionEntry::Value(trimmed);
            }
        }
        if let Some(valid) = valid_field {
            for f in fields {
                if !valid(f.text()) {
                    return Err(format!("'{}' is not a supported filter field", f.text()));
                }
            }
        }
    } else {
        if !ex.comps.is_valid() {
            ex.comps = ExceptionEntry::Value("in".into());
        }
        if ex.comps.is_list() {
            return Err("Fields and comps must both be strings".into());
        }
        let comp = trim_comp(ex.comps.text());
        if !matches!(comp.as_str(), "in" | "pmatch" | "intersects")
            && !is_operator_with_modifier(&comp)
        {
            return Err("When fields is a single value, comps must be one of (in, pmatch, intersects) or a modifier operator (e.g. startswith oneof)".into());
        }
        ex.comps = ExceptionEntry::Value(comp);
        if let Some(valid) = valid_field {
            if !valid(ex.fields.text()) {
                return Err(format!(
                    "'{}' is not a supported filter field",
                    ex.fields.text()
                ));
            }
        }
    }
    Ok(())
}

/// The text one exception adds (without the leading ` and not `), or an empty
/// string when it has no effect. Errors are Falco's messages.
pub fn exception_text(ex: &Exception) -> Result<String, String> {
    let mut icond = String::new();
    match &ex.fields {
        ExceptionEntry::Value(field) => {
            for val in &ex.values {
                let ExceptionEntry::Value(v) = val else {
                    return Err("Expected values array to contain a list of strings".into());
                };
                if icond.is_empty() {
                    icond = format!("({field} {} (", ex.comps.text());
                } else {
                    icond.push_str(", ");
                }
                icond.push_str(&quote_item(v));
            }
            if !icond.is_empty() {
                icond.push_str("))");
            }
        }
        ExceptionEntry::List(fields) => {
            icond.push('(');
            for row in &ex.values {
                if fields.len() != row.items().len() {
                    return Err("Fields and values lists must have equal length".into());
                }
                if icond != "(" {
                    icond.push_str(" or ");
                }
                icond.push('(');
                for (k, (field, value)) in fields.iter().zip(row.items()).enumerate() {
                    if k > 0 {
                        icond.push_str(" and ");
                    }
                    let comp = ex.comps.items().get(k).map_or("", ExceptionEntry::text);
                    let istr = match value {
                        ExceptionEntry::List(vs) => {
                            let quoted: Vec<String> =
                                vs.iter().map(|v| quote_item(v.text())).collect();
                            format!("({})", quoted.join(", "))
                        }
                        ExceptionEntry::Value(v) if is_list_operator(comp) => paren_item(v),
                        ExceptionEntry::Value(v) => quote_item(v),
                    };
                    icond.push_str(&format!(" {} {comp} {istr}", field.text()));
                }
                icond.push(')');
            }
            icond.push(')');
            if icond == "()" {
                icond.clear();
            }
        }
    }
    Ok(icond)
}

/// Falco's exact text: `(<condition>)` followed by ` and not <ex>` for each
/// exception that has an effect. With no exceptions the condition is returned
/// unchanged.
///
/// ```
/// use falco_rules::rules::{exceptions_condition_str, Exception, ExceptionEntry};
/// # use falco_rules::rules::{Context, SourceFile};
/// # use std::sync::Arc;
/// let ex = Exception {
///     name: "known".into(),
///     fields: ExceptionEntry::Value("proc.name".into()),
///     comps: ExceptionEntry::Value("in".into()),
///     values: vec![ExceptionEntry::Value("cat".into()), ExceptionEntry::Value("my app".into())],
///     context: Context::root("r.yaml"),
///     file: Arc::new(SourceFile::new("r.yaml", "")),
/// };
/// assert_eq!(
///     exceptions_condition_str("evt.type = open", &[ex]).unwrap(),
///     r#"(evt.type = open) and not (proc.name in (cat, "my app"))"#
/// );
/// ```
pub fn exceptions_condition_str(
    condition: &str,
    exceptions: &[Exception],
) -> Result<String, String> {
    if exceptions.is_empty() {
        return Ok(condition.to_string());
    }
    let mut out = format!("({condition})");
    for ex in exceptions {
        let icond = exception_text(ex)?;
        if !icond.is_empty() {
            out.push_str(" and not ");
            out.push_str(&icond);
        }
    }
    Ok(out)
}

/// Like [`exceptions_condition_str`] on a [`MappedText`]: the condition keeps
/// its positions, and each exception's text is attributed to the exception.
/// A failure is a `LOAD_ERR_VALIDATE` diagnostic in the exception's context.
pub fn exceptions_condition(
    condition: &MappedText,
    exceptions: &[Exception],
) -> Result<MappedText, Diagnostic> {
    let Some(first) = exceptions.first() else {
        return Ok(condition.clone());
    };
    let (file, mark) = condition
        .first_origin()
        .unwrap_or_else(|| (first.file.clone(), first.context.mark()));
    let mut out = MappedText::synthetic("(", &file, mark);
    out.push(condition);
    out.push_str_at(")", &file, mark);
    for ex in exceptions {
        let icond = exception_text(ex).map_err(|m| exception_error(ex, m))?;
        if !icond.is_empty() {
            let mark = ex.context.mark();
            out.push_str_at(" and not ", &ex.file, mark);
            out.push_str_at(&icond, &ex.file, mark);
        }
    }
    Ok(out)
}

/// A `LOAD_ERR_VALIDATE` diagnostic about `ex`.
///
/// An unknown field points at the field in the exception's `fields`, not at
/// its `- name:`.
pub(crate) fn exception_error(ex: &Exception, message: String) -> Diagnostic {
    let field = message
        .strip_prefix('\'')
        .and_then(|m| m.strip_suffix("' is not a supported filter field"));
    if let Some(mark) = field.and_then(|f| locate_field(ex, f)) {
        let ctx = ex.context.child(ItemType::ValueFor, "fields", mark);
        let detail = format!(
            "unknown field `{}` in the fields of exception `{}`",
            field.unwrap_or_default(),
            ex.name
        );
        return exception_diag(&ctx, &ex.file, message).with_detail(detail);
    }
    exception_diag(&ex.context, &ex.file, message)
}

/// Where `field` is written in the `fields` of `ex`: its first whole-word
/// occurrence after the `fields` key that follows the exception's start.
fn locate_field(ex: &Exception, field: &str) -> Option<super::yaml::Mark> {
    // An empty name is found everywhere and would never advance the scan.
    if field.is_empty() {
        return None;
    }
    let text = ex.file.text();
    let start = ex.context.mark().offset;
    let key = start + text.get(start..)?.find("fields")?;
    let word = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_');
    let bytes = text.as_bytes();
    let mut from = key + "fields".len();
    while let Some(rel) = text.get(from..)?.find(field) {
        let at = from + rel;
        let end = at + field.len();
        let before_ok = at == 0 || !word(bytes[at - 1]);
        let after_ok = end >= bytes.len() || !word(bytes[end]);
        if before_ok && after_ok {
            return Some(ex.file.mark_at(at));
        }
        from = end;
    }
    None
}

fn exception_diag(ctx: &Context, file: &super::yaml::SourceFile, message: String) -> Diagnostic {
    Diagnostic::new(ErrorCode::Validate, message, ctx.clone(), file)
}

//! "Did you mean …?": the nearest known name to a misspelt one, by edit
//! distance, and the wording of our own messages for unknown names.
//!
//! Falco words an unknown field as libsinsp does (`filter_check called with
//! nonexistent field http.pth`); the loader keeps that text as the
//! diagnostic's [`message`](super::Diagnostic::message) for Falco's `-V`
//! formats and adds a [`detail`](super::Diagnostic::detail) that names the
//! rule's source and the nearest field, which the compiler-style rendering
//! and the language server show.

use crate::field::FieldSchema;

/// The candidate nearest to `name` by Damerau–Levenshtein distance, if one
/// is near enough to be a likely typo: at most one edit per three characters
/// of `name` (names shorter than three get no suggestion). Ties go to the
/// first candidate.
///
/// ```
/// use falco_rules::rules::did_you_mean;
/// let fields = ["proc.name", "proc.pname", "fd.name"];
/// assert_eq!(did_you_mean("proc.nmae", fields), Some("proc.name"));
/// assert_eq!(did_you_mean("user.uid", fields), None);
/// ```
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let len = name.chars().count();
    if len < 3 {
        return None;
    }
    let limit = (len / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = strsim::damerau_levenshtein(name, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `; did you mean `x`?` when a candidate is near, else nothing.
fn hint<'a, I: IntoIterator<Item = &'a str>>(name: &str, candidates: I) -> String {
    match did_you_mean(name, candidates) {
        Some(c) => format!("; did you mean `{c}`?"),
        None => String::new(),
    }
}

/// Our wording of an unknown field: `unknown field `http.pth` for source
/// `http`; did you mean `http.path`?`.
pub(crate) fn unknown_field(name: &str, source: &str, schema: &dyn FieldSchema) -> String {
    let fields = schema.fields();
    format!(
        "unknown field `{name}` for source `{source}`{}",
        hint(name, fields.iter().map(|f| f.name.as_str()))
    )
}

/// Our wording of an undefined macro, with the nearest defined one.
pub(crate) fn undefined_macro<'a, I: IntoIterator<Item = &'a str>>(
    name: &str,
    macros: I,
) -> String {
    format!("undefined macro `{name}`{}", hint(name, macros))
}

/// Our wording of an append or override to an item that does not exist.
pub(crate) fn no_such_item<'a, I: IntoIterator<Item = &'a str>>(
    kind: &str,
    name: &str,
    defined: I,
) -> String {
    format!(
        "no {kind} named `{name}` is defined before this one{}",
        hint(name, defined)
    )
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggestions_are_near_and_never_the_name_itself() {
        let names = ["http.path", "http.method", "http.status"];
        let cases = [
            ("http.pth", Some("http.path")),
            ("http.methd", Some("http.method")),
            ("http.stauts", Some("http.status")),
            ("http.path", None),
            ("evt.type", None),
            ("a", None),
        ];
        for (name, want) in cases {
            assert_eq!(did_you_mean(name, names), want, "{name}");
        }
    }
}

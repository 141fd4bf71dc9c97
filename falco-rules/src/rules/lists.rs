//! Lists: expansion of list references inside lists, and Falco's textual
//! substitution of list names into condition strings.
//!
//! Falco does not resolve lists in the condition AST: before parsing a macro or
//! rule condition it **rewrites the text**, replacing every delimited
//! occurrence of a list name with the list's items (§3.1 of the research
//! notes). [`substitute_lists`] reproduces that rewrite exactly, quirks
//! included: hits inside quoted strings are replaced too, items are quoted
//! only when they contain a space, and an empty list also removes one adjacent
//! comma. [`substitute_lists_mapped`] also records, for every byte of the
//! result, the byte of the original condition it came from, so a parse error
//! in the rewritten text can be reported at the right place.

use super::exceptions::quote_item;
use super::items::ListInfo;

/// A list after §1.10 step 1: references to earlier lists expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpandedList {
    /// Name.
    pub name: String,
    /// Items, with visible list references replaced by that list's raw items.
    pub items: Vec<String>,
    /// The raw items that are not list references (Falco's `-L` `items`).
    pub raw_items: Vec<String>,
    /// The lists this one references (Falco's `-L` `lists`).
    pub references: Vec<String>,
    /// Whether another list references this one.
    pub used_by_list: bool,
}

/// Expands list references, in index order: an item naming a list whose
/// `index` is below this list's `visibility` is replaced by that list's
/// **raw** items (one level, no recursion); any other item stays literal.
pub fn expand_lists(lists: &[ListInfo]) -> Vec<ExpandedList> {
    let by_name: std::collections::HashMap<&str, &ListInfo> =
        lists.iter().map(|l| (l.name.as_str(), l)).collect();
    let mut out: Vec<ExpandedList> = Vec::with_capacity(lists.len());
    let mut used: Vec<String> = Vec::new();
    for list in lists {
        let mut e = ExpandedList {
            name: list.name.clone(),
            items: Vec::new(),
            raw_items: Vec::new(),
            references: Vec::new(),
            used_by_list: false,
        };
        for item in &list.items {
            match by_name.get(item.as_str()) {
                Some(r) if r.index < list.visibility => {
                    used.push(r.name.clone());
                    e.references.push(r.name.clone());
                    e.items.extend(r.items.iter().cloned());
                }
                _ => {
                    e.items.push(item.clone());
                    e.raw_items.push(item.clone());
                }
            }
        }
        out.push(e);
    }
    for name in used {
        if let Some(e) = out.iter_mut().find(|e| e.name == name) {
            e.used_by_list = true;
        }
    }
    out
}

const BLANKS: &[u8] = b" \t\n\r";
const DELIMS: &[u8] = b" \t\n\r(),=";

/// The result of [`substitute_lists_mapped`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Substitution {
    /// The rewritten condition.
    pub text: String,
    /// Indexes (into the `lists` argument) of the lists that were substituted.
    pub used: Vec<usize>,
    /// For each byte of `text`, the byte of the original it came from. Text
    /// inserted for a list points at the start of the list name it replaced.
    origin: Vec<usize>,
    original_len: usize,
}

impl Substitution {
    /// The offset in the original condition that byte `offset` of
    /// [`Substitution::text`] came from (the end maps to the end).
    pub fn original_offset(&self, offset: usize) -> usize {
        self.origin
            .get(offset)
            .copied()
            .unwrap_or(self.original_len)
    }
}

/// Rewrites `condition` with every list of `lists` substituted, in order.
///
/// ```
/// use falco_rules::rules::{substitute_lists, ExpandedList};
/// let shells = ExpandedList {
///     name: "shell_binaries".into(),
///     items: vec!["bash".into(), "sh".into()],
///     raw_items: vec![],
///     references: vec![],
///     used_by_list: false,
/// };
/// assert_eq!(
///     substitute_lists("proc.name in (shell_binaries)", &[shells]),
///     "proc.name in ( bash, sh )"
/// );
/// ```
pub fn substitute_lists(condition: &str, lists: &[ExpandedList]) -> String {
    substitute_lists_mapped(condition, lists).text
}

/// Like [`substitute_lists`], also telling which lists were used and where
/// each byte of the result came from.
pub fn substitute_lists_mapped(condition: &str, lists: &[ExpandedList]) -> Substitution {
    let mut cnd: Vec<u8> = condition.as_bytes().to_vec();
    let mut origin: Vec<usize> = (0..cnd.len()).collect();
    let mut used = Vec::new();
    for (li, list) in lists.iter().enumerate() {
        let name = list.name.as_bytes();
        if name.is_empty() {
            continue;
        }
        let mut was_used = false;
        let mut next = find(&cnd, name, 0);
        while let Some(hit) = next {
            let mut start = hit;
            let mut end = hit + name.len();
            let before_ok = start == 0 || DELIMS.contains(&cnd[start - 1]);
            let after_ok = end >= cnd.len() || DELIMS.contains(&cnd[end]);
            if before_ok && after_ok {
                while start > 0 && BLANKS.contains(&cnd[start - 1]) {
                    start -= 1;
                }
                while end < cnd.len() && BLANKS.contains(&cnd[end]) {
                    end += 1;
                }
                let sub = list
                    .items
                    .iter()
                    .map(|v| quote_item(v))
                    .collect::<Vec<_>>()
                    .join(", ");
                if sub.is_empty() {
                    if start > 0 && cnd[start - 1] == b',' {
                        start -= 1;
                    } else if end < cnd.len() && cnd[end] == b',' {
                        end += 1;
                    }
                }
                let at = origin.get(hit).copied().unwrap_or(condition.len());
                let mut new_cnd = Vec::with_capacity(cnd.len() + sub.len() + 2);
                let mut new_origin = Vec::with_capacity(new_cnd.capacity());
                if start > 0 {
                    new_cnd.extend_from_slice(&cnd[..start]);
                    new_origin.extend_from_slice(&origin[..start]);
                    new_cnd.push(b' ');
                    new_origin.push(at);
                }
                new_cnd.extend_from_slice(sub.as_bytes());
                new_cnd.push(b' ');
                new_origin.extend(std::iter::repeat_n(at, sub.len() + 1));
                new_cnd.extend_from_slice(&cnd[end..]);
                new_origin.extend_from_slice(&origin[end..]);
                cnd = new_cnd;
                origin = new_origin;
                start += sub.len() + 1;
                was_used = true;
            }
            next = find(&cnd, name, start + 1);
        }
        if was_used {
            used.push(li);
        }
    }
    Substitution {
        // Every splice is at an ASCII delimiter or around a whole (valid
        // UTF-8) name, so the bytes stay valid UTF-8.
        text: String::from_utf8_lossy(&cnd).into_owned(),
        used,
        origin,
        original_len: condition.len(),
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    memchr::memmem::find(rest, needle).map(|i| i + from)
}

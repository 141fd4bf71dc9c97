//! The string operators that need more than a slice comparison.

pub(crate) mod glob;
pub(crate) mod pmatch;
pub(crate) mod set;

use regex::bytes::{Regex, RegexBuilder};

/// Byte-string equality that stays inline for short strings (word loads
/// instead of a `memcmp` call, whose fixed cost dominates on the short
/// values conditions compare).
#[inline]
pub(crate) fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    if (8..=16).contains(&n) {
        let word = |s: &[u8], at: usize| {
            s.get(at..at + 8)
                .and_then(|w| w.first_chunk::<8>())
                .map(|w| u64::from_ne_bytes(*w))
        };
        word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8)
    } else if (4..8).contains(&n) {
        let word = |s: &[u8], at: usize| {
            s.get(at..at + 4)
                .and_then(|w| w.first_chunk::<4>())
                .map(|w| u32::from_ne_bytes(*w))
        };
        word(a, 0) == word(b, 0) && word(a, n - 4) == word(b, n - 4)
    } else if n < 4 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

/// `hay` starts with `p` (see [`bytes_eq`]).
#[inline]
pub(crate) fn starts_with(hay: &[u8], p: &[u8]) -> bool {
    hay.get(..p.len()).is_some_and(|h| bytes_eq(h, p))
}

/// `hay` ends with `p` (see [`bytes_eq`]).
#[inline]
pub(crate) fn ends_with(hay: &[u8], p: &[u8]) -> bool {
    hay.len() >= p.len() && bytes_eq(&hay[hay.len() - p.len()..], p)
}

/// `strcasestr`: ASCII case-insensitive substring search. `needle` must
/// already be lower case.
#[inline]
pub(crate) fn icontains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let last_start = hay.len() - needle.len();
    let upper = first.to_ascii_uppercase();
    let mut from = 0;
    while from <= last_start {
        let Some(off) = memchr::memchr2(first, upper, &hay[from..=last_start]) else {
            return false;
        };
        let at = from + off;
        if hay[at + 1..at + needle.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Compiles a `regex` constant.
///
/// Falco compiles the pattern with RE2 in POSIX mode and matches it against
/// the whole value (`ANCHOR_BOTH`). This uses the `regex` crate on bytes, with
/// the pattern wrapped in `\A(?:…)\z` and multi-line `^`/`$` (RE2's POSIX mode
/// without `one_line`). The RE2 POSIX restrictions that Falco users can hit
/// are enforced up front with RE2's wording: Perl classes (`\d \s \w` and
/// their negations), `\b \B`, `\A \z \C \Q \E`, Unicode classes `\p \P`,
/// `(?` groups and flags, and non-greedy repetitions are errors.
///
/// Known differences: RE2 prefers the leftmost-longest match and the `regex`
/// crate the leftmost-first one, which cannot change the answer of a match
/// anchored at both ends; error messages for other malformed patterns come
/// from the `regex` crate, not RE2; and the `regex` crate rejects a few
/// constructs RE2 POSIX accepts (e.g. `a{,3}`, empty alternatives are fine in
/// both).
pub(crate) fn compile_regex(pattern: &str) -> Result<Regex, String> {
    let fail = |msg: String| Err(format!("invalid regex pattern: {msg}"));
    if let Some(msg) = posix_violation(pattern) {
        return fail(msg);
    }
    // Validate the bare pattern first, so that the wrapper below cannot
    // change its meaning (`a)|(b`).
    if let Err(e) = RegexBuilder::new(pattern).build() {
        return fail(regex_error_text(&e));
    }
    RegexBuilder::new(&format!(r"\A(?:{pattern})\z"))
        .multi_line(true)
        .build()
        .or_else(|e| fail(regex_error_text(&e)))
}

fn regex_error_text(e: &regex::Error) -> String {
    match e {
        regex::Error::Syntax(s) => s
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("error: "))
            .unwrap_or(s)
            .to_string(),
        other => other.to_string(),
    }
}

/// The first construct RE2's POSIX syntax rejects, as RE2 words it.
fn posix_violation(p: &str) -> Option<String> {
    let b = p.as_bytes();
    let mut i = 0;
    let mut in_class = false;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            let Some(&e) = b.get(i + 1) else {
                return Some("trailing \\".into());
            };
            if matches!(
                e,
                b'd' | b'D'
                    | b's'
                    | b'S'
                    | b'w'
                    | b'W'
                    | b'b'
                    | b'B'
                    | b'A'
                    | b'z'
                    | b'C'
                    | b'Q'
                    | b'E'
                    | b'p'
                    | b'P'
            ) {
                return Some(format!("invalid escape sequence: \\{}", e as char));
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == b']' {
                in_class = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'[' => {
                in_class = true;
                // `[]...]` and `[^]...]`: a leading `]` is literal.
                i += 1;
                if b.get(i) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i) == Some(&b']') {
                    i += 1;
                }
                continue;
            }
            b'(' if b.get(i + 1) == Some(&b'?') => {
                return Some("missing argument to repetition operator: ?".into());
            }
            b'*' | b'+' | b'?' | b'}' if b.get(i + 1) == Some(&b'?') => {
                let op = if c == b'}' {
                    // Report the whole `{n,m}?`.
                    let open = p[..i].rfind('{').unwrap_or(i);
                    &p[open..=i]
                } else {
                    &p[i..=i]
                };
                return Some(format!("bad repetition operator: {op}?"));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Falco's heuristic (§3.10): a `regex` constant whose only special
/// characters are anchors at its ends or a `.*`/`.+`/`.?` at its start or end
/// could use a cheaper operator.
pub(crate) fn regex_is_trivial(v: &str) -> bool {
    const SPECIAL: &[u8] = b".+*?^$()[]{}|\\";
    const OCCURRENCE: &[u8] = b"+*?";
    let b = v.as_bytes();
    let len = b.len();
    let mut i = 0;
    while i < len {
        if (i == 0 && b[i] == b'^') || (i == len - 1 && b[i] == b'$') {
            i += 1;
            continue;
        }
        if ((i == 0 && len > 1) || i + 2 == len)
            && b[i] == b'.'
            && b.get(i + 1).is_some_and(|n| OCCURRENCE.contains(n))
        {
            i += 2;
            continue;
        }
        if SPECIAL.contains(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// `value` with invalid UTF-8 replaced by U+FFFD (maximal subparts, as
/// libsinsp's sanitizer and `String::from_utf8_lossy` do). Valid input is
/// returned as is; otherwise the result is built in `out`.
pub(crate) fn sanitize_utf8<'a>(value: &'a [u8], out: &'a mut Vec<u8>) -> &'a [u8] {
    if std::str::from_utf8(value).is_ok() {
        return value;
    }
    out.clear();
    for chunk in value.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        if !chunk.invalid().is_empty() {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_comparisons_agree_with_slices() {
        let words: Vec<Vec<u8>> = (0..40u8)
            .map(|n| (0..n).map(|i| b'a' + i % 3).collect())
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(bytes_eq(a, b), a == b);
                assert_eq!(starts_with(a, b), a.starts_with(b));
                assert_eq!(ends_with(a, b), a.ends_with(b));
                let mut c = a.clone();
                if let Some(x) = c.last_mut() {
                    *x = b'z';
                    assert!(!bytes_eq(&c, a));
                }
                if let Some(x) = c.first_mut() {
                    *x = b'z';
                    assert!(!bytes_eq(a, &c));
                }
            }
        }
    }

    #[test]
    fn icontains_folds_ascii() {
        assert!(icontains(b"Hello World", b"world"));
        assert!(icontains(b"Hello World", b""));
        assert!(icontains(b"WORLD", b"world"));
        assert!(!icontains(b"Hello", b"world"));
        assert!(!icontains(b"wor", b"world"));
    }

    #[test]
    fn regex_heuristic_matches_libs() {
        for v in ["abc", "^abc$", ".*abc", "abc.*", ".+abc.?", ""] {
            assert!(regex_is_trivial(v), "{v}");
        }
        for v in ["a.c", "a|b", "[ab]", "a+b", "(ab)", "a\\.b", "^.*abc"] {
            assert!(!regex_is_trivial(v), "{v}");
        }
    }

    #[test]
    fn posix_restrictions_are_reported_like_re2() {
        assert_eq!(
            compile_regex(r"\d+").err().as_deref(),
            Some(r"invalid regex pattern: invalid escape sequence: \d")
        );
        assert_eq!(
            compile_regex(r"a*?").err().as_deref(),
            Some("invalid regex pattern: bad repetition operator: *?")
        );
        assert_eq!(
            compile_regex(r"(?i)a").err().as_deref(),
            Some("invalid regex pattern: missing argument to repetition operator: ?")
        );
        assert!(compile_regex(r"[\d]").is_err());
        assert!(compile_regex(r"a)|(b").is_err());
        assert!(compile_regex(r"[]a]+").is_ok());
    }
}

//! `glob` and `iglob`: glibc `fnmatch(pattern, value, 0)` (or `FNM_CASEFOLD`)
//! on bytes.
//!
//! Without `FNM_PATHNAME` and `FNM_PERIOD`, `*` matches any byte sequence,
//! `/` and leading dots included. `?` matches one byte. `[...]` is a bracket
//! expression (`[!...]` or `[^...]` negates it; `]` first is literal; ranges
//! `a-z`; classes `[:alpha:]`; backslash escapes inside). A `[` without its
//! closing `]` is a literal `[`. `\x` matches `x`; a trailing lone backslash
//! never matches. Braces have no meaning.
//!
//! The matcher interprets the pattern directly; it never allocates. `*` is
//! handled by the classic single-backtrack-point algorithm, which is exact
//! here because every other pattern element matches exactly one byte, and
//! runs in O(pattern × value) at worst. [`Glob`] matches patterns whose only
//! wildcard is `*` (`/etc/*`, `*.log`, `/usr/*/bin/*`) with prefix, suffix
//! and substring searches instead.

use memchr::memmem;

use super::{bytes_eq, ends_with, starts_with};

/// A compiled glob pattern.
#[derive(Clone, Debug)]
pub(crate) struct Glob {
    pattern: Box<[u8]>,
    casefold: bool,
    shape: Shape,
}

#[derive(Clone, Debug)]
enum Shape {
    /// No wildcard at all.
    Exact(Box<[u8]>),
    /// Only `*` wildcards: `prefix*mid1*mid2*suffix`. The value must start
    /// with `prefix`, end with `suffix` (without overlapping it), and hold the
    /// middle parts in order in between; finding each leftmost is exact.
    Stars {
        prefix: Box<[u8]>,
        middles: Box<[memmem::Finder<'static>]>,
        suffix: Box<[u8]>,
    },
    General,
}

impl Glob {
    /// Compiles `pattern`; `casefold` selects `iglob`.
    pub(crate) fn new(pattern: &[u8], casefold: bool) -> Glob {
        let shape = if casefold {
            Shape::General
        } else {
            classify(pattern)
        };
        Glob {
            pattern: pattern.into(),
            casefold,
            shape,
        }
    }

    /// True if `value` matches the whole pattern.
    #[inline]
    pub(crate) fn is_match(&self, value: &[u8]) -> bool {
        match &self.shape {
            Shape::Exact(l) => bytes_eq(value, l),
            Shape::Stars {
                prefix,
                middles,
                suffix,
            } => {
                if value.len() < prefix.len() + suffix.len()
                    || !starts_with(value, prefix)
                    || !ends_with(value, suffix)
                {
                    return false;
                }
                let mut rest = &value[prefix.len()..value.len() - suffix.len()];
                for f in middles.iter() {
                    match find(f, rest) {
                        Some(at) => rest = &rest[at + f.needle().len()..],
                        None => return false,
                    }
                }
                true
            }
            Shape::General => fnmatch(&self.pattern, value, self.casefold),
        }
    }
}

/// Substring search: a plain scan on short haystacks (where a prebuilt
/// searcher's setup dominates), the searcher on long ones.
#[inline]
pub(crate) fn find(f: &memmem::Finder<'_>, hay: &[u8]) -> Option<usize> {
    let n = f.needle();
    if hay.len() < 64 {
        let Some((&first, rest)) = n.split_first() else {
            return Some(0);
        };
        if hay.len() < n.len() {
            return None;
        }
        (0..=hay.len() - n.len())
            .find(|&i| hay[i] == first && bytes_eq(&hay[i + 1..i + n.len()], rest))
    } else {
        f.find(hay)
    }
}

/// Recognizes patterns whose only wildcard is `*`.
fn classify(p: &[u8]) -> Shape {
    if p.iter().any(|b| matches!(b, b'?' | b'[' | b'\\')) {
        return Shape::General;
    }
    let parts: Vec<&[u8]> = p.split(|&b| b == b'*').collect();
    match parts.as_slice() {
        [only] => Shape::Exact((*only).into()),
        [first, mid @ .., last] => Shape::Stars {
            prefix: (*first).into(),
            middles: mid
                .iter()
                .filter(|m| !m.is_empty())
                .map(|m| memmem::Finder::new(m).into_owned())
                .collect(),
            suffix: (*last).into(),
        },
        [] => Shape::Exact(Box::default()),
    }
}

#[inline]
fn fold(b: u8, casefold: bool) -> u8 {
    if casefold {
        b.to_ascii_lowercase()
    } else {
        b
    }
}

/// glibc `fnmatch` without `FNM_PATHNAME`/`FNM_PERIOD`/`FNM_NOESCAPE`.
pub(crate) fn fnmatch(pat: &[u8], s: &[u8], casefold: bool) -> bool {
    let (mut p, mut i) = (0usize, 0usize);
    // Where to resume after the last `*`: pattern index after it, and the
    // value index it currently stands for.
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p < pat.len() {
            match pat[p] {
                b'*' => {
                    while p < pat.len() && pat[p] == b'*' {
                        p += 1;
                    }
                    if p == pat.len() {
                        return true;
                    }
                    star = Some((p, i));
                    continue;
                }
                b'?' => {
                    if i < s.len() {
                        p += 1;
                        i += 1;
                        continue;
                    }
                }
                b'[' => match bracket(pat, p, s.get(i).copied(), casefold) {
                    Bracket::Matched(next) => {
                        p = next;
                        i += 1;
                        continue;
                    }
                    Bracket::Failed => {}
                    Bracket::Literal => {
                        if i < s.len() && fold(s[i], casefold) == b'[' {
                            p += 1;
                            i += 1;
                            continue;
                        }
                    }
                },
                b'\\' => {
                    let Some(&lit) = pat.get(p + 1) else {
                        return false;
                    };
                    if i < s.len() && fold(s[i], casefold) == fold(lit, casefold) {
                        p += 2;
                        i += 1;
                        continue;
                    }
                }
                c => {
                    if i < s.len() && fold(s[i], casefold) == fold(c, casefold) {
                        p += 1;
                        i += 1;
                        continue;
                    }
                }
            }
        } else if i == s.len() {
            return true;
        }
        // Mismatch: let the last star swallow one more byte.
        match star {
            Some((sp, si)) if si < s.len() => {
                star = Some((sp, si + 1));
                p = sp;
                i = si + 1;
            }
            _ => return false,
        }
    }
}

enum Bracket {
    /// The bracket matched the byte; the pattern continues at this index.
    Matched(usize),
    /// The bracket is well formed but does not match (or there is no byte).
    Failed,
    /// No closing `]`: the `[` is an ordinary character.
    Literal,
}

/// Evaluates the bracket expression starting at `pat[open] == b'['` against `c`.
fn bracket(pat: &[u8], open: usize, c: Option<u8>, casefold: bool) -> Bracket {
    let mut i = open + 1;
    let negate = matches!(pat.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    let test = |lo: u8, hi: u8, c: u8| -> bool {
        let inr = |x: u8| lo <= x && x <= hi;
        if casefold {
            inr(c) || inr(c.to_ascii_lowercase()) || inr(c.to_ascii_uppercase())
        } else {
            inr(c)
        }
    };
    loop {
        let Some(&b) = pat.get(i) else {
            return Bracket::Literal;
        };
        if b == b']' && !first {
            i += 1;
            break;
        }
        first = false;
        // A character class such as [:alpha:].
        if b == b'[' && pat.get(i + 1) == Some(&b':') {
            if let Some(len) = pat[i + 2..].windows(2).position(|w| w == b":]") {
                let name = &pat[i + 2..i + 2 + len];
                if let Some(c) = c {
                    if class_matches(name, c, casefold) {
                        hit = true;
                    }
                }
                i += 2 + len + 2;
                continue;
            }
        }
        // One (possibly escaped) byte, maybe the start of a range.
        let (lo, next) = match single(pat, i) {
            Some(x) => x,
            None => return Bracket::Literal,
        };
        i = next;
        let mut hi = lo;
        if pat.get(i) == Some(&b'-') && pat.get(i + 1).is_some_and(|&n| n != b']') {
            match single(pat, i + 1) {
                Some((h, next)) => {
                    hi = h;
                    i = next;
                }
                None => return Bracket::Literal,
            }
        }
        if let Some(c) = c {
            if test(lo, hi, c) {
                hit = true;
            }
        }
    }
    match c {
        Some(_) if hit != negate => Bracket::Matched(i),
        _ => Bracket::Failed,
    }
}

/// The byte at `pat[i]`, unescaping `\x`; returns it and the next index.
fn single(pat: &[u8], i: usize) -> Option<(u8, usize)> {
    match pat.get(i)? {
        b'\\' => pat.get(i + 1).map(|&b| (b, i + 2)),
        &b => Some((b, i + 1)),
    }
}

fn class_matches(name: &[u8], c: u8, casefold: bool) -> bool {
    match name {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase() || (casefold && c.is_ascii_uppercase()),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        b"space" => matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
        b"upper" => c.is_ascii_uppercase() || (casefold && c.is_ascii_lowercase()),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_only_fast_path_agrees_with_fnmatch() {
        let patterns = [
            "",
            "*",
            "**",
            "a",
            "a*",
            "*a",
            "*a*",
            "ab*ba",
            "a*b*c",
            "*a*b*",
            "/etc/*sh*",
            "/usr/*/bin/*",
            "*.log",
            "a**b",
            "*aa*aa*",
        ];
        let values = [
            "",
            "a",
            "b",
            "ab",
            "aba",
            "abba",
            "abcba",
            "abc",
            "axbxc",
            "aXbYc",
            "/etc/shadow",
            "/etc/passwd",
            "/usr/local/bin/x",
            "/usr/bin",
            "x.log",
            "x.log.1",
            "aaaa",
            "aaa",
            "aaXaa",
            "baab",
        ];
        for p in patterns {
            let g = Glob::new(p.as_bytes(), false);
            for v in values {
                assert_eq!(
                    g.is_match(v.as_bytes()),
                    fnmatch(p.as_bytes(), v.as_bytes(), false),
                    "{p:?} vs {v:?}"
                );
            }
        }
    }
}

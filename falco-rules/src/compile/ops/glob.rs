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
//! runs in O(pattern × value) at worst. [`Glob`] adds fast paths for the
//! common shapes (`lit`, `lit*`, `*lit`, `*lit*`).

use memchr::memmem;

/// A compiled glob pattern.
#[derive(Clone, Debug)]
pub(crate) struct Glob {
    pattern: Box<[u8]>,
    casefold: bool,
    shape: Shape,
}

#[derive(Clone, Debug)]
enum Shape {
    Exact(Box<[u8]>),
    Prefix(Box<[u8]>),
    Suffix(Box<[u8]>),
    Contains(Box<memmem::Finder<'static>>),
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
            Shape::Exact(l) => value == &l[..],
            Shape::Prefix(l) => value.starts_with(l),
            Shape::Suffix(l) => value.ends_with(l),
            Shape::Contains(f) => f.find(value).is_some(),
            Shape::General => fnmatch(&self.pattern, value, self.casefold),
        }
    }
}

/// Recognizes patterns made of one literal and stars at its ends.
fn classify(p: &[u8]) -> Shape {
    let lead = p.first() == Some(&b'*');
    let trail = p.len() > usize::from(lead) && p.last() == Some(&b'*');
    let start = usize::from(lead);
    let end = p.len() - usize::from(trail);
    let mid = &p[start..end.max(start)];
    if mid.iter().any(|b| matches!(b, b'*' | b'?' | b'[' | b'\\')) {
        return Shape::General;
    }
    let lit: Box<[u8]> = mid.into();
    match (lead, trail) {
        (false, false) => Shape::Exact(lit),
        (false, true) => Shape::Prefix(lit),
        (true, false) => Shape::Suffix(lit),
        (true, true) => Shape::Contains(Box::new(memmem::Finder::new(&lit[..]).into_owned())),
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

//! What the transformers compute at evaluation time (§3.6).
//!
//! Each function reads its input values and appends the result to `out`;
//! `false` means the extraction fails (a `b64()` that does not decode, an
//! argument with no value), which makes every check on it false.

use crate::field::{FieldType, Value, Values};

/// The bytes of a string value as C sees them: up to the first NUL.
#[inline]
pub(crate) fn cstr(b: &[u8]) -> &[u8] {
    match memchr::memchr(0, b) {
        Some(n) => &b[..n],
        None => b,
    }
}

/// The bytes of a value of type `ty`: strings end at their first NUL, byte
/// buffers are taken whole. `None` for non-byte values.
#[inline]
pub(crate) fn bytes_of(v: Value<'_>, ty: FieldType) -> Option<&[u8]> {
    match v {
        Value::Bytes(b) if ty == FieldType::String => Some(cstr(b)),
        Value::Bytes(b) => Some(b),
        _ => None,
    }
}

/// The single-input transformers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unary {
    ToLower,
    ToUpper,
    B64,
    Basename,
    Len,
}

/// Applies a single-input transformer to every input value. `ty` and
/// `is_list` describe the input.
pub(crate) fn apply_unary(
    op: Unary,
    ty: FieldType,
    is_list: bool,
    input: &Values,
    out: &mut Values,
    tmp: &mut Vec<u8>,
) -> bool {
    if op == Unary::Len && is_list {
        out.push_uint(input.len() as u64);
        return true;
    }
    for v in input.iter() {
        let Value::Bytes(raw) = v else {
            return false;
        };
        // libsinsp strips trailing NULs before transforming; strings then
        // end at their first NUL anyway.
        let b = if ty == FieldType::String {
            cstr(raw)
        } else {
            let mut n = raw.len();
            while n > 0 && raw[n - 1] == 0 {
                n -= 1;
            }
            &raw[..n]
        };
        match op {
            Unary::Len => {
                let n = if ty == FieldType::String {
                    b.len()
                } else {
                    raw.len()
                };
                out.push_uint(n as u64);
            }
            Unary::ToLower | Unary::ToUpper => {
                tmp.clear();
                tmp.extend_from_slice(b);
                if op == Unary::ToLower {
                    tmp.make_ascii_lowercase();
                } else {
                    tmp.make_ascii_uppercase();
                }
                out.push_bytes(tmp);
            }
            Unary::Basename => {
                let start = memchr::memrchr(b'/', b).map_or(0, |i| i + 1);
                out.push_bytes(&b[start..]);
            }
            Unary::B64 => {
                if !b64_decode(b, tmp) {
                    return false;
                }
                out.push_bytes(tmp);
            }
        }
    }
    true
}

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Standard-alphabet base64 decoding with optional padding, as libsinsp's
/// `Base64::decodeWithoutPadding`: at most two trailing `=`, no other
/// characters, a length that is not 1 mod 4, and zero unused trailing bits.
/// An input of only padding is rejected.
pub(crate) fn b64_decode(input: &[u8], out: &mut Vec<u8>) -> bool {
    out.clear();
    if input.is_empty() {
        return true;
    }
    let mut n = input.len();
    if input[n - 1] == b'=' {
        n -= 1;
        if n > 0 && input[n - 1] == b'=' {
            n -= 1;
        }
    }
    if n == 0 || n % 4 == 1 {
        return false;
    }
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &c in &input[..n] {
        let Some(v) = b64_value(c) else {
            return false;
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // The bits left over must be zero.
    acc == 0
}

/// `join(sep, list)`: the list's values (as C strings) separated by the
/// first value of `sep`.
pub(crate) fn join(sep: &Values, list: &Values, out: &mut Values, tmp: &mut Vec<u8>) -> bool {
    let Some(Value::Bytes(sep)) = sep.iter().next() else {
        return false;
    };
    let sep = cstr(sep);
    tmp.clear();
    for (i, v) in list.iter().enumerate() {
        let Value::Bytes(b) = v else {
            return false;
        };
        if i > 0 {
            tmp.extend_from_slice(sep);
        }
        tmp.extend_from_slice(cstr(b));
    }
    out.push_bytes(tmp);
    true
}

/// Which options a getopt optstring declares.
#[derive(Clone, Debug)]
pub(crate) struct OptInfo {
    valid: [bool; 256],
    with_arg: [bool; 256],
}

impl OptInfo {
    /// Parses a getopt(3) optstring (`ab:c`, leading `:` allowed).
    pub(crate) fn parse(opt: &[u8]) -> OptInfo {
        let mut info = OptInfo {
            valid: [false; 256],
            with_arg: [false; 256],
        };
        let mut i = usize::from(opt.first() == Some(&b':'));
        while i < opt.len() {
            let c = opt[i];
            if c != b':' {
                info.valid[c as usize] = true;
                if opt.get(i + 1) == Some(&b':') {
                    info.with_arg[c as usize] = true;
                    i += 1;
                }
            }
            i += 1;
        }
        info
    }
}

/// `getopt(args, optstring)` and `getopt(args, optstring)[c]`.
///
/// Scans argv like getopt(3): stops at `--` or at the first non-option,
/// skips `--long` options, expands clusters such as `-nt`. Without a
/// selector the result is the list of options met, each followed by its
/// argument when it takes one (`?` for an unknown option, an empty string for
/// a missing argument). With a selector `c` the result is the argument of the
/// last `-c` (or `c` itself when it takes none); no `-c` fails the extraction.
pub(crate) fn getopt(
    args: &Values,
    info: &OptInfo,
    selector: Option<u8>,
    out: &mut Values,
) -> bool {
    let arg_at = |i: usize| -> &[u8] {
        match args.get(i) {
            Value::Bytes(b) => cstr(b),
            _ => &[],
        }
    };
    let argc = args.len();
    let mut selected: Option<&[u8]> = None;
    let mut idx = 0;
    while idx < argc {
        let arg = arg_at(idx);
        if arg == b"--" {
            break;
        }
        if arg.len() > 2 && arg.starts_with(b"--") {
            idx += 1;
            continue;
        }
        if arg.len() < 2 || arg[0] != b'-' {
            break;
        }
        let mut i = 1;
        while i < arg.len() {
            let opt = arg[i];
            if opt == b':' || !info.valid[opt as usize] {
                if selector.is_none() {
                    out.push_bytes(b"?");
                }
                i += 1;
                continue;
            }
            let matches = selector.is_none_or(|s| s == opt);
            let name = &arg[i..=i];
            if !info.with_arg[opt as usize] {
                if matches {
                    match selector {
                        Some(_) => selected = Some(name),
                        None => out.push_bytes(name),
                    }
                }
                i += 1;
                continue;
            }
            // The argument is the rest of this token, or the next token.
            let value = if i + 1 < arg.len() {
                Some(&arg[i + 1..])
            } else if idx + 1 < argc {
                idx += 1;
                Some(arg_at(idx))
            } else {
                None
            };
            if matches {
                match (selector, value) {
                    (Some(_), v) => selected = Some(v.unwrap_or(b"")),
                    (None, Some(v)) => {
                        out.push_bytes(name);
                        out.push_bytes(v);
                    }
                    (None, None) => out.push_bytes(b""),
                }
            }
            break;
        }
        idx += 1;
    }
    if selector.is_some() {
        match selected {
            Some(v) => out.push_bytes(v),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        b64_decode(s.as_bytes(), &mut out).then_some(out)
    }

    #[test]
    fn base64_decodes_with_or_without_padding() {
        assert_eq!(b64("aGVsbG8="), Some(b"hello".to_vec()));
        assert_eq!(b64("aGVsbG8"), Some(b"hello".to_vec()));
        assert_eq!(b64("aGVsbG8h"), Some(b"hello!".to_vec()));
        assert_eq!(b64(""), Some(vec![]));
        assert_eq!(b64("aGVsbG8=="), Some(b"hello".to_vec()));
        assert_eq!(b64("a"), None); // 1 mod 4
        assert_eq!(b64("aGV$bG8="), None);
        assert_eq!(b64("=="), None);
        assert_eq!(b64("aGVsbG9"), None); // non-zero trailing bits
    }

    fn strs(v: &[&str]) -> Values {
        let mut out = Values::new();
        for s in v {
            out.push_str(s);
        }
        out
    }

    fn collect(v: &Values) -> Vec<String> {
        v.iter()
            .map(|x| match x {
                Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn getopt_scans_like_posix() {
        let info = OptInfo::parse(b"nt:v");
        let mut out = Values::new();
        assert!(getopt(
            &strs(&["-n", "-tval", "-x", "--long", "-v", "file", "-n"]),
            &info,
            None,
            &mut out
        ));
        assert_eq!(collect(&out), ["n", "t", "val", "?", "v"]);

        let mut out = Values::new();
        assert!(getopt(
            &strs(&["-nt", "value", "--", "-v"]),
            &info,
            None,
            &mut out
        ));
        assert_eq!(collect(&out), ["n", "t", "value"]);

        let mut out = Values::new();
        assert!(getopt(
            &strs(&["-t", "a", "-t", "b"]),
            &info,
            Some(b't'),
            &mut out
        ));
        assert_eq!(collect(&out), ["b"]);

        let mut out = Values::new();
        assert!(!getopt(&strs(&["-n"]), &info, Some(b't'), &mut out));

        let mut out = Values::new();
        assert!(getopt(&strs(&["-t"]), &info, Some(b't'), &mut out));
        assert_eq!(collect(&out), [""]);
    }
}

//! Compile-time type rules and constant conversion, worded as libsinsp words
//! its messages (`filter_compare.cpp` `flt_is_comparable`, `value_parser.cpp`,
//! `sinsp_numparser`).
//!
//! Every conversion takes the constant's text exactly as the AST holds it and
//! either returns the typed value or the message Falco prints.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::ast::{Modifier, Operator};
use crate::error::ErrorKind;
use crate::field::{FieldType, IpNet};

/// The name libsinsp's `param_type_to_string` gives a type (used in messages).
pub(crate) fn falco_type_name(ty: FieldType) -> &'static str {
    match ty {
        FieldType::String => "CHARBUF",
        FieldType::Bytes => "BYTEBUF",
        FieldType::Int8 => "INT8",
        FieldType::Int16 => "INT16",
        FieldType::Int32 => "INT32",
        FieldType::Int64 => "INT64",
        FieldType::Uint8 => "UINT8",
        FieldType::Uint16 => "UINT16",
        FieldType::Uint32 => "UINT32",
        FieldType::Uint64 => "UINT64",
        FieldType::Bool => "BOOL",
        FieldType::IpAddr => "IPADDR",
        FieldType::IpNet => "IPNET",
    }
}

/// Falco's own classification of "unknown filter" errors
/// (`err_is_unknown_type_or_field` in the rule loader): these are the errors
/// that `skip-if-unknown-filter` turns into warnings.
pub(crate) fn classify(message: &str) -> ErrorKind {
    const UNKNOWN: [&str; 4] = [
        "nonexistent field",
        "invalid formatting token",
        "unknown event type",
        "unknown filter:",
    ];
    if UNKNOWN.iter().any(|s| message.contains(s)) {
        ErrorKind::UnknownField
    } else {
        ErrorKind::Compile
    }
}

/// The operator spelled as libsinsp's `cmpop_to_str` spells it (`==` prints as `=`).
pub(crate) fn op_name(op: Operator) -> &'static str {
    match op {
        Operator::EqEq => "=",
        o => o.as_str(),
    }
}

/// libsinsp's `std::to_string(cmpop)` (used by one message only).
pub(crate) fn op_upper_name(op: Operator) -> &'static str {
    match op {
        Operator::Eq | Operator::EqEq => "EQ",
        Operator::Ne => "NE",
        Operator::Lt => "LT",
        Operator::Le => "LE",
        Operator::Gt => "GT",
        Operator::Ge => "GE",
        Operator::Contains => "CONTAINS",
        Operator::IContains => "ICONTAINS",
        Operator::BContains => "BCONTAINS",
        Operator::StartsWith => "STARTSWITH",
        Operator::BStartsWith => "BSTARTSWITH",
        Operator::EndsWith => "ENDSWITH",
        Operator::Glob => "GLOB",
        Operator::IGlob => "IGLOB",
        Operator::Regex => "REGEX",
        Operator::In => "IN",
        Operator::Intersects => "INTERSECTS",
        Operator::Pmatch => "PMATCH",
        Operator::Exists => "EXISTS",
    }
}

/// The type rules of `flt_is_comparable`: which operators a (transformed)
/// left-hand side of type `ty` accepts. `Err` holds Falco's message.
pub(crate) fn check_comparable(
    op: Operator,
    modifier: Option<Modifier>,
    ty: FieldType,
    is_list: bool,
) -> Result<(), String> {
    use Operator::*;
    if op == Exists {
        return Ok(());
    }
    let name = op_name(op);
    if is_list {
        return match ty {
            FieldType::String
            | FieldType::Uint64
            | FieldType::Bool
            | FieldType::IpAddr
            | FieldType::IpNet => match op {
                In | Intersects => Ok(()),
                // sic: Falco's message lacks the "for".
                _ => Err(format!("'{name}' operator not supported list filters")),
            },
            _ => Err(format!(
                "list filters are not supported for type '{}'",
                falco_type_name(ty)
            )),
        };
    }
    let (ok, family) = match ty {
        t if t.is_numeric() => (
            matches!(op, Eq | EqEq | Ne | Lt | Le | Gt | Ge | In | Intersects),
            "numeric",
        ),
        // sic: Falco reports bool mismatches as "numeric".
        FieldType::Bool => (matches!(op, Eq | EqEq | Ne | In | Intersects), "numeric"),
        FieldType::String => (
            matches!(
                op,
                Eq | EqEq
                    | Ne
                    | Lt
                    | Le
                    | Gt
                    | Ge
                    | Contains
                    | IContains
                    | StartsWith
                    | EndsWith
                    | Glob
                    | IGlob
                    | Regex
                    | In
                    | Intersects
                    | Pmatch
            ),
            "string",
        ),
        FieldType::Bytes => (
            matches!(
                op,
                Eq | EqEq
                    | Ne
                    | Contains
                    | BContains
                    | StartsWith
                    | BStartsWith
                    | EndsWith
                    | In
                    | Intersects
            ),
            "buffer",
        ),
        _ => {
            let ok = matches!(op, Eq | EqEq | Ne | In | Intersects);
            if !ok && modifier.is_some() {
                return Err(format!(
                    "'{name}' with modifier not supported for ip address and network filters"
                ));
            }
            (ok, "ip address and network")
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "'{name}' operator not supported for {family} filters"
        ))
    }
}

/// Rejects constants holding a NUL byte (every type but byte buffers).
pub(crate) fn check_no_nul(text: &str) -> Result<(), String> {
    if text.as_bytes().contains(&0) {
        Err("filter error: filter value cannot contain a NUL byte (\\x00)".to_string())
    } else {
        Ok(())
    }
}

/// The magnitude and sign of a decimal number as `sscanf("%d%c")` accepts it:
/// leading C white space, an optional sign, at least one digit, and nothing
/// after. `None` if the text is not such a number. The magnitude saturates at
/// `u128::MAX`, which is past every range it is later clamped to.
fn scan_decimal(text: &str) -> Option<(bool, u128)> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let mut negative = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        negative = b[i] == b'-';
        i += 1;
    }
    let start = i;
    let mut mag: u128 = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        mag = mag
            .saturating_mul(10)
            .saturating_add(u128::from(b[i] - b'0'));
        i += 1;
    }
    (i > start && i == b.len()).then_some((negative, mag))
}

/// Parses an unsigned constant the way `sinsp_numparser::parseu*` does
/// (`strtoul` semantics: a negative number wraps, an overflow saturates), then
/// truncates it to the field's width.
pub(crate) fn parse_uint(text: &str, ty: FieldType) -> Result<u64, String> {
    let (neg, mag) = scan_decimal(text).ok_or_else(|| format!("{text} is not a valid number"))?;
    let v = if mag > u128::from(u64::MAX) {
        u64::MAX
    } else if neg {
        (mag as u64).wrapping_neg()
    } else {
        mag as u64
    };
    Ok(truncate_uint(v, ty))
}

/// Parses a signed constant the way `sinsp_numparser::parsed*` does
/// (`strtol` semantics: an overflow saturates), then truncates it to the
/// field's width.
pub(crate) fn parse_int(text: &str, ty: FieldType) -> Result<i64, String> {
    let (neg, mag) = scan_decimal(text).ok_or_else(|| format!("{text} is not a valid number"))?;
    let v = if neg {
        if mag > i64::MAX as u128 + 1 {
            i64::MIN
        } else {
            (mag as i128).wrapping_neg() as i64
        }
    } else if mag > i64::MAX as u128 {
        i64::MAX
    } else {
        mag as i64
    };
    Ok(truncate_int(v, ty))
}

/// Truncates an unsigned value to the width of `ty` (Falco stores and compares
/// values in the field's native width).
#[inline]
pub(crate) fn truncate_uint(v: u64, ty: FieldType) -> u64 {
    match ty {
        FieldType::Uint8 | FieldType::Int8 => v as u8 as u64,
        FieldType::Uint16 | FieldType::Int16 => v as u16 as u64,
        FieldType::Uint32 | FieldType::Int32 => v as u32 as u64,
        _ => v,
    }
}

/// Truncates a signed value to the width of `ty`, sign-extending it back.
#[inline]
pub(crate) fn truncate_int(v: i64, ty: FieldType) -> i64 {
    match ty {
        FieldType::Int8 | FieldType::Uint8 => v as i8 as i64,
        FieldType::Int16 | FieldType::Uint16 => v as i16 as i64,
        FieldType::Int32 | FieldType::Uint32 => v as i32 as i64,
        _ => v,
    }
}

/// `true` or `false`, nothing else.
pub(crate) fn parse_bool(text: &str) -> Result<bool, String> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("filter error: unrecognized boolean value {text}")),
    }
}

/// An IP address constant: dotted text is IPv4 (inet_pton rules), anything
/// else IPv6.
pub(crate) fn parse_ip(text: &str) -> Result<IpAddr, String> {
    if text.contains('.') {
        text.parse::<Ipv4Addr>()
            .map(IpAddr::V4)
            .map_err(|_| format!("unrecognized IPv4 address {text}"))
    } else {
        text.parse::<Ipv6Addr>()
            .map(IpAddr::V6)
            .map_err(|_| format!("unrecognized IPv6 address {text}"))
    }
}

/// An IP network constant `addr/len`, with Falco's messages. The prefix is read
/// like `parseu8` (so `/288` wraps to 32, as in Falco).
pub(crate) fn parse_net(text: &str) -> Result<IpNet, String> {
    if text.contains('.') {
        let Some((ip, mask)) = text.split_once('/') else {
            return Err(format!("unrecognized IP network {text}"));
        };
        let addr: Ipv4Addr = ip
            .parse()
            .map_err(|_| format!("unrecognized IP address {text}"))?;
        let prefix = parse_uint(mask, FieldType::Uint8)?;
        if prefix > 32 {
            return Err(format!("invalid netmask {mask}"));
        }
        Ok(IpNet {
            addr: IpAddr::V4(addr),
            prefix: prefix as u8,
        })
    } else {
        let Some((ip, mask)) = text.split_once('/') else {
            return Err(format!("invalid v6 netmask: {text}"));
        };
        let addr: Ipv6Addr = ip
            .parse()
            .map_err(|_| format!("unrecognized IPv6 address {text}"))?;
        let prefix = parse_uint(mask, FieldType::Uint8)?;
        if prefix == 0 || prefix > 128 {
            return Err(format!("invalid v6 netmask {mask}"));
        }
        Ok(IpNet {
            addr: IpAddr::V6(addr),
            prefix: prefix as u8,
        })
    }
}

/// Decodes the hex text of a `bcontains`/`bstartswith` constant.
pub(crate) fn unhex(text: &str) -> Result<Vec<u8>, String> {
    fn nibble(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let err =
        || "filter error: bcontains and bstartswith operator support hex strings only".to_string();
    let b = text.as_bytes();
    if !b.len().is_multiple_of(2) {
        return Err(err());
    }
    b.chunks_exact(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_like_sscanf() {
        assert_eq!(parse_uint("42", FieldType::Uint64), Ok(42));
        assert_eq!(parse_uint(" 42", FieldType::Uint64), Ok(42));
        assert_eq!(parse_uint("+42", FieldType::Uint64), Ok(42));
        assert_eq!(parse_uint("-1", FieldType::Uint8), Ok(255));
        assert_eq!(parse_uint("-1", FieldType::Uint64), Ok(u64::MAX));
        assert_eq!(parse_uint("256", FieldType::Uint8), Ok(0));
        assert_eq!(
            parse_uint("99999999999999999999999", FieldType::Uint64),
            Ok(u64::MAX)
        );
        assert_eq!(parse_int("-129", FieldType::Int8), Ok(127));
        assert_eq!(parse_int("-5", FieldType::Int64), Ok(-5));
        assert_eq!(
            parse_int("-99999999999999999999", FieldType::Int64),
            Ok(i64::MIN)
        );
        for bad in ["0x10", "42 ", "4a", "", " ", "+", "1.5", "1e3"] {
            assert_eq!(
                parse_uint(bad, FieldType::Uint32),
                Err(format!("{bad} is not a valid number")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn networks_follow_falco_messages() {
        assert_eq!(parse_net("10.0.0.0/8").map(|n| n.prefix), Ok(8));
        assert_eq!(parse_net("10.0.0.0/288").map(|n| n.prefix), Ok(32));
        assert_eq!(
            parse_net("10.0.0.0"),
            Err("unrecognized IP network 10.0.0.0".into())
        );
        assert_eq!(parse_net("10.0.0.0/33"), Err("invalid netmask 33".into()));
        assert_eq!(
            parse_net("10.0.0/8"),
            Err("unrecognized IP address 10.0.0/8".into())
        );
        assert_eq!(
            parse_net("fe80::"),
            Err("invalid v6 netmask: fe80::".into())
        );
        assert_eq!(parse_net("fe80::/0"), Err("invalid v6 netmask 0".into()));
        assert_eq!(parse_net("fe80::/10").map(|n| n.prefix), Ok(10));
    }

    #[test]
    fn hex_needs_pairs_of_hex_digits() {
        assert_eq!(unhex("cafeBABE"), Ok(vec![0xca, 0xfe, 0xba, 0xbe]));
        assert_eq!(unhex(""), Ok(vec![]));
        assert!(unhex("abc").is_err());
        assert!(unhex("zz").is_err());
    }
}

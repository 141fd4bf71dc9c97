//! `-o key=value`: Falco's key-path grammar and the tree yaml-cpp builds.

use super::*;
// ---------------------------------------------------------------------------
// `-o key=value`

/// One step of a `-o` key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// `name`: a mapping key.
    Key(String),
    /// `[N]`: an index (yaml-cpp's `std::stoi`, so it may be negative).
    Index(i64),
    /// `[]`: a new element appended to a sequence.
    Append,
}

/// Parses a key path with the grammar of Falco's `yaml_helper::get_node`:
///
/// ```text
/// Key      := NodeKey ('.' NodeKey)*
/// NodeKey  := (Char | EscSeq)+ ('[' integer? ']')*
/// Char     := any character except '\', '.', '['
/// EscSeq   := '\' ('.' | '[' | ']' | '\')
/// ```
///
/// The error messages are Falco's, with its positions. Two differences,
/// both accepting what Falco's documentation promises: `a[1][2]` indexes
/// twice (Falco's parser rejects the second `[`), and a `[` without its `]`
/// is an error (Falco loops forever on it).
pub(super) fn parse_key_path(key: &str) -> Result<Vec<Step>, String> {
    let bytes: Vec<char> = key.chars().collect();
    let mut steps = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    // Just after `]`: only `.`, `[` or the end may follow.
    let mut after_index = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\\' {
            let Some(&n) = bytes.get(i + 1) else {
                return Err(format!("Parsing error: trailing backslash at pos {i}"));
            };
            if !matches!(n, '.' | '[' | ']' | '\\') {
                return Err(format!(
                    "Parsing error: invalid escape sequence '\\{n}' at pos {i}"
                ));
            }
            if after_index {
                return Err(format!(
                    "Parsing error: expected '.' character at pos {}",
                    i - 1
                ));
            }
            cur.push(n);
            i += 2;
            continue;
        }
        match c {
            '.' => {
                if cur.is_empty() {
                    if !after_index {
                        return Err(format!("Parsing error: unexpected character at pos {i}"));
                    }
                } else {
                    steps.push(Step::Key(std::mem::take(&mut cur)));
                }
                after_index = false;
            }
            '[' => {
                if !cur.is_empty() {
                    steps.push(Step::Key(std::mem::take(&mut cur)));
                } else if !after_index {
                    return Err(format!("Parsing error: unexpected character at pos {i}"));
                }
                let Some(close) = bytes[i..].iter().position(|&b| b == ']') else {
                    return Err(format!("Parsing error: missing ']' for '[' at pos {i}"));
                };
                let idx: String = bytes[i + 1..i + close].iter().collect();
                steps.push(if idx.is_empty() {
                    Step::Append
                } else {
                    Step::Index(stoi(&idx).ok_or_else(|| {
                        format!("Parsing error: expected a numeric index, found '{idx}'")
                    })?)
                });
                i += close;
                after_index = true;
            }
            c => {
                if after_index {
                    return Err(format!(
                        "Parsing error: expected '.' character at pos {}",
                        i - 1
                    ));
                }
                cur.push(c);
            }
        }
        i += 1;
    }
    if !cur.is_empty() {
        steps.push(Step::Key(cur));
    }
    if steps.is_empty() {
        return Err("Parsing error: empty key".into());
    }
    Ok(steps)
}

/// C++'s `std::stoi`: leading white space, a sign, then the longest run of
/// decimal digits (`"1x"` is 1); `None` without digits or past `i32`.
pub(super) fn stoi(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let v: i64 = rest[..digits].parse().ok()?;
    let v = if neg { -v } else { v };
    i32::try_from(v).ok().map(i64::from)
}

pub(super) fn apply_options(root: &mut Item, options: &[String]) -> Result<(), ConfigError> {
    let mut errors = Vec::new();
    for opt in options {
        if let Err(e) = apply_option(root, opt) {
            errors.extend(e.errors);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ConfigError { errors })
    }
}

pub(super) fn apply_option(root: &mut Item, opt: &str) -> Result<(), ConfigError> {
    let origin = Origin::Option(opt.to_string());
    let Some((key, val)) = opt.split_once('=') else {
        return Err(ConfigError::one(
            "",
            format!("Error parsing config option \"{opt}\". Must be of the form key=val or key.subkey=val"),
            origin,
        ));
    };
    let fail = |m: String| {
        ConfigError::one(
            key,
            format!("Config error at key \"{key}\": {m}"),
            origin.clone(),
        )
    };
    let steps = parse_key_path(key).map_err(fail)?;
    let value = if val.starts_with('{') && val.ends_with('}') {
        let file = SourceFile::new(format!("-o {opt}"), val);
        let docs = parse_documents(&file)
            .map_err(|e| fail(format!("invalid YAML value: {}", e.message)))?;
        let name: Arc<str> = format!("-o {opt}").into();
        let node = docs.into_iter().next();
        let mut item = match node {
            Some(n) => Item::from_node(&n, &name, &|_| None),
            None => Item::new(Value::Null, origin.clone()),
        };
        reorigin(&mut item, &origin);
        item
    } else {
        Item::new(Value::Scalar(val.to_string()), origin.clone())
    };
    let node = walk(root, &steps, &origin).map_err(fail)?;
    let key_origin = node.key_origin.clone();
    *node = value;
    node.key_origin = key_origin;
    Ok(())
}

/// The node at `steps` below `node`, made as yaml-cpp's non-const
/// `operator[]` makes it (what Falco's `yaml_helper::set_scalar` and
/// `set_object` do):
///
/// - a key on a null node makes it a mapping; on a mapping, finds or adds
///   the key; on a sequence, turns the sequence into a mapping whose keys are
///   the indexes (`"0"`, `"1"`, ...) and adds the key; on a scalar, it is
///   yaml-cpp's error "operator[] call on a scalar";
/// - an index `N` on a null node or a sequence of at least `N` items gives
///   item `N` (appending when `N` is the length); past the end, or negative,
///   it turns the sequence into a mapping as above and adds the key `N`; on a
///   mapping it finds or adds the key `N`;
/// - `[]` appends a new item to a sequence (or makes one of a null node);
///   anything else is Falco's error "expected a numeric index, found ''".
pub(super) fn walk<'a>(
    mut node: &'a mut Item,
    steps: &[Step],
    origin: &Origin,
) -> Result<&'a mut Item, String> {
    for step in steps {
        if let Value::Scalar(_) = node.value {
            if let Step::Append = step {
                return Err("Parsing error: expected a numeric index, found ''".into());
            }
            let key = match step {
                Step::Key(k) => k.clone(),
                Step::Index(i) => i.to_string(),
                Step::Append => String::new(),
            };
            let at = match &node.origin {
                Origin::File { mark: Some(m), .. } => {
                    format!("yaml-cpp: error at line {}, column {}: ", m.line, m.col)
                }
                _ => String::new(),
            };
            return Err(format!("{at}operator[] call on a scalar (key: \"{key}\")"));
        }
        if let Value::Null = node.value {
            node.value = match step {
                Step::Key(_) => Value::Map(Vec::new()),
                _ => Value::Seq(Vec::new()),
            };
        }
        // Steps a sequence cannot take turn it into a mapping.
        let to_map = match (&node.value, step) {
            (Value::Seq(_), Step::Key(_)) => true,
            (Value::Seq(items), Step::Index(i)) => *i < 0 || *i as usize > items.len(),
            _ => false,
        };
        if to_map {
            if let Value::Seq(items) = std::mem::replace(&mut node.value, Value::Null) {
                node.value = Value::Map(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (i.to_string(), v))
                        .collect(),
                );
            }
        }
        node = match (&mut node.value, step) {
            (Value::Seq(items), Step::Index(_) | Step::Append) => {
                let i = match step {
                    Step::Index(i) => *i as usize,
                    _ => items.len(),
                };
                if i == items.len() {
                    items.push(Item::new(Value::Null, origin.clone()));
                }
                &mut items[i]
            }
            (Value::Map(_), Step::Append) => {
                return Err("Parsing error: expected a numeric index, found ''".into());
            }
            (Value::Map(pairs), Step::Key(_) | Step::Index(_)) => {
                let pos = match step {
                    Step::Key(k) => pairs.iter().position(|(pk, _)| pk == k),
                    // yaml-cpp compares an integer key with the keys that
                    // read as that integer.
                    Step::Index(i) => pairs
                        .iter()
                        .position(|(pk, _)| pk.parse::<i64>().ok() == Some(*i)),
                    Step::Append => None,
                };
                let pos = match pos {
                    Some(p) => p,
                    None => {
                        let k = match step {
                            Step::Key(k) => k.clone(),
                            Step::Index(i) => i.to_string(),
                            Step::Append => String::new(),
                        };
                        pairs.push((k, Item::new(Value::Null, origin.clone())));
                        pairs.len() - 1
                    }
                };
                &mut pairs[pos].1
            }
            // Null and scalars were handled above; a sequence never meets a
            // key here (it became a mapping).
            (v, _) => {
                let t = match v {
                    Value::Null => "null",
                    Value::Scalar(_) => "a scalar",
                    Value::Seq(_) => "a sequence",
                    Value::Map(_) => "a mapping",
                };
                return Err(format!("cannot index {t}"));
            }
        };
    }
    Ok(node)
}

pub(super) fn reorigin(item: &mut Item, origin: &Origin) {
    item.origin = origin.clone();
    item.key_origin = origin.clone();
    match &mut item.value {
        Value::Seq(items) => items.iter_mut().for_each(|i| reorigin(i, origin)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(_, i)| reorigin(i, origin)),
        _ => {}
    }
}

//! The YAML tree: nodes with where each came from, `${VAR}` expansion,
//! reading and parsing configuration files.

use super::*;
/// Replaces `${VAR}` in `value` as Falco does in configuration files: the
/// variable's value, or nothing when it is unset; `$${VAR}` gives a literal
/// `${VAR}`; a `${` without a closing `}` ends the expansion, leaving the
/// rest as written.
///
/// Two of Falco's quirks are not reproduced: a substituted value is not
/// expanded again, and a `$` not followed by `{` does not stop the expansion
/// of the rest of the value.
///
/// ```
/// use falco::config::expand_env;
/// let env = |v: &str| (v == "HOST").then(|| "example.org".to_string());
/// assert_eq!(expand_env("http://${HOST}:2801/", &env), "http://example.org:2801/");
/// assert_eq!(expand_env("${UNSET}x", &env), "x");
/// assert_eq!(expand_env("$${HOST}", &env), "${HOST}");
/// ```
pub fn expand_env(value: &str, env: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(body) = tail.strip_prefix("${") {
            let Some(end) = body.find('}') else {
                out.push_str(tail);
                return out;
            };
            if let Some(v) = env(&body[..end]) {
                out.push_str(&v);
            }
            rest = &body[end + 1..];
        } else if let Some(after) = tail.strip_prefix("$${") {
            if !after.contains('}') {
                out.push_str(tail);
                return out;
            }
            out.push_str("${");
            rest = after;
        } else {
            out.push('$');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------
// The value tree: the YAML nodes, with where each came from.

#[derive(Clone, Debug)]
pub(super) enum Value {
    Null,
    Scalar(String),
    Seq(Vec<Item>),
    /// Pairs in file order; a repeated key keeps its first value (yaml-cpp's
    /// lookup), the repeats are dropped with a warning.
    Map(Vec<(String, Item)>),
}

#[derive(Clone, Debug)]
pub(super) struct Item {
    pub(super) value: Value,
    pub(super) origin: Origin,
    /// Where the key of this value was written (for "unknown key" warnings).
    pub(super) key_origin: Origin,
    /// Keys repeated in this mapping: (key, where).
    pub(super) duplicates: Vec<(String, Origin)>,
}

impl Item {
    /// The tree as JSON: mappings as objects (in file order), sequences as
    /// arrays, scalars as strings, null as null.
    pub(super) fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Scalar(s) => serde_json::Value::String(s.clone()),
            Value::Seq(items) => items.iter().map(Item::to_json).collect(),
            Value::Map(pairs) => serde_json::Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    pub(super) fn new(value: Value, origin: Origin) -> Item {
        Item {
            value,
            key_origin: origin.clone(),
            origin,
            duplicates: Vec::new(),
        }
    }

    pub(super) fn empty_map(origin: Origin) -> Item {
        Item::new(Value::Map(Vec::new()), origin)
    }

    pub(super) fn from_node(
        node: &Node,
        name: &Arc<str>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Item {
        let at = |m: Mark| Origin::File {
            name: name.clone(),
            mark: Some(m),
        };
        match &node.kind {
            NodeKind::Null => Item::new(Value::Null, at(node.start)),
            NodeKind::Scalar(s) => {
                Item::new(Value::Scalar(expand_env(&s.text, env)), at(node.start))
            }
            NodeKind::Seq(items) => Item::new(
                Value::Seq(
                    items
                        .iter()
                        .map(|n| Item::from_node(n, name, env))
                        .collect(),
                ),
                at(node.start),
            ),
            NodeKind::Map(pairs) => {
                let mut out: Vec<(String, Item)> = Vec::new();
                let mut duplicates = Vec::new();
                for (k, v) in pairs {
                    let key = k.key_text();
                    if out.iter().any(|(o, _)| *o == key) {
                        duplicates.push((key, at(k.start)));
                        continue;
                    }
                    let mut item = Item::from_node(v, name, env);
                    item.key_origin = at(k.start);
                    out.push((key, item));
                }
                let mut item = Item::new(Value::Map(out), at(node.start));
                item.duplicates = duplicates;
                item
            }
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&Item> {
        match &self.value {
            Value::Map(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The item at a dotted path of plain keys.
    pub(super) fn path(&self, path: &str) -> Option<&Item> {
        path.split('.').try_fold(self, |item, k| item.get(k))
    }

    pub(super) fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Scalar(_) => "a scalar",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Reads and parses a configuration file.
pub(super) fn read_tree(
    path: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Item, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigError::one(
            "",
            format!("cannot read config file: {e}"),
            Origin::File {
                name: name.as_str().into(),
                mark: None,
            },
        )
    })?;
    parse_tree(&name, &text, env)
}

/// Parses configuration text into a tree (an empty file is an empty
/// mapping).
pub(super) fn parse_tree(
    name: &str,
    text: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Item, ConfigError> {
    let file = SourceFile::new(name, text);
    let docs = parse_documents(&file).map_err(|e| {
        ConfigError::one(
            "",
            format!("invalid YAML: {}", e.message),
            Origin::File {
                name: name.into(),
                mark: Some(e.mark),
            },
        )
    })?;
    let name: Arc<str> = name.into();
    match docs.into_iter().find(|d| !d.is_null()) {
        None => Ok(Item::empty_map(Origin::File { name, mark: None })),
        Some(doc) => {
            let item = Item::from_node(&doc, &name, env);
            if !matches!(item.value, Value::Map(_)) {
                return Err(ConfigError::one(
                    "",
                    "the configuration must be a mapping of keys to values".into(),
                    item.origin,
                ));
            }
            Ok(item)
        }
    }
}

//! `config_files`: merging included files as Falco's `include_config_file`.

use super::*;
/// The key of Falco's configuration includes.
pub(super) const CONFIG_FILES_KEY: &str = "config_files";

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Strategy {
    Append,
    Override,
    AddOnly,
}

/// Merges the files `config_files` names into `root` (see
/// [`Config::load_with_env`]). The included values keep their own file
/// positions, so the decoder's errors and warnings point into them.
pub(super) fn merge_config_files(
    root: &mut Item,
    main: &Path,
    main_name: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Diagnostic>, ConfigError> {
    let mut warnings = Vec::new();
    let Some(list) = root.get(CONFIG_FILES_KEY).cloned() else {
        return Ok(warnings);
    };
    let err = |item: &Item, m: String| {
        ConfigError::one(
            CONFIG_FILES_KEY,
            format!("'{CONFIG_FILES_KEY}': {m}"),
            item.origin.clone(),
        )
    };
    // Falco reads a sequence, or a scalar as a one-entry sequence; anything
    // else gives no entries.
    let entries: Vec<Item> = match list.value {
        Value::Seq(items) => items,
        Value::Scalar(_) => vec![list.clone()],
        Value::Null | Value::Map(_) => Vec::new(),
    };
    let mut files: Vec<(PathBuf, Strategy)> = Vec::new();
    for e in &entries {
        let (path, strategy) = match &e.value {
            Value::Null => continue,
            Value::Scalar(p) => (p.clone(), Strategy::Append),
            Value::Map(_) => {
                let Some(Value::Scalar(p)) = e.get("path").map(|p| &p.value) else {
                    return Err(err(e, "an entry must have a 'path'".into()));
                };
                // Falco takes any other strategy as `append`; we say so.
                let strategy = match e.get("strategy") {
                    None => Strategy::Append,
                    Some(s) => match &s.value {
                        Value::Scalar(v) if v == "override" => Strategy::Override,
                        Value::Scalar(v) if v == "add-only" => Strategy::AddOnly,
                        Value::Scalar(v) if v == "append" => Strategy::Append,
                        _ => {
                            warnings.push(Diagnostic {
                                severity: Severity::Warning,
                                key: format!("{CONFIG_FILES_KEY}.strategy"),
                                message: format!(
                                    "'{CONFIG_FILES_KEY}': unknown strategy; 'append' is used (the strategies are append, override, add-only)"
                                ),
                                origin: s.origin.clone(),
                            });
                            Strategy::Append
                        }
                    },
                };
                (p.clone(), strategy)
            }
            Value::Seq(_) => {
                return Err(err(
                    e,
                    "expected a path or a mapping, found a sequence".into(),
                ))
            }
        };
        let p = PathBuf::from(&path);
        if p == main {
            return Err(err(
                e,
                format!("Config error: '{CONFIG_FILES_KEY}' directive tried to recursively include main config file: {main_name}."),
            ));
        }
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|d| d.path())
                .filter(|f| f.is_file())
                .collect();
            v.sort();
            files.extend(v.into_iter().map(|f| (f, strategy)));
        } else if meta.is_file() {
            files.push((p, strategy));
        }
    }
    for (path, strategy) in files {
        let included = read_tree(&path, env)?;
        let Value::Map(pairs) = included.value else {
            continue;
        };
        for (key, value) in pairs {
            if key == CONFIG_FILES_KEY {
                return Err(ConfigError::one(
                    CONFIG_FILES_KEY,
                    format!(
                        "Config error: '{CONFIG_FILES_KEY}' directive in included config file {}.",
                        path.display()
                    ),
                    value.key_origin,
                ));
            }
            let Value::Map(root_pairs) = &mut root.value else {
                continue;
            };
            let slot = root_pairs.iter_mut().find(|(k, _)| *k == key);
            match (strategy, slot) {
                (_, None) => root_pairs.push((key, value)),
                (Strategy::AddOnly, Some(_)) => {}
                // yaml-cpp's push_back: a null value becomes a sequence; a
                // scalar or a mapping cannot take items.
                (Strategy::Append, Some((_, old))) => {
                    if let Value::Seq(more) = &value.value {
                        match &mut old.value {
                            Value::Seq(items) => items.extend(more.iter().cloned()),
                            Value::Null => old.value = Value::Seq(more.clone()),
                            _ => {
                                return Err(ConfigError::one(
                                    &key,
                                    format!(
                                        "'{key}': appending to a non-sequence (the sequence of {})",
                                        path.display()
                                    ),
                                    old.origin.clone(),
                                ))
                            }
                        }
                    } else {
                        *old = value;
                    }
                }
                (Strategy::Override, Some((_, old))) => *old = value,
            }
        }
    }
    Ok(warnings)
}

//! The flags of the README's table that `tests/cli_flags.rs` does not
//! drive: `--config-schema`, the long forms of short flags, and the older
//! flags still found in unit files and scripts (each mapped to today's key
//! with one warning naming it).

mod common;

use common::{example, stderr, stdout};

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-cli-options-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn write(name: &str, text: &str) -> String {
    let p = dir().join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

/// One configuration file for every test, written once (tests run in
/// parallel: a file being rewritten could be read half-written).
fn config() -> &'static str {
    static CONFIG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CONFIG.get_or_init(|| write("falco.yaml", "# empty: Falco's defaults\n"))
}

fn falco(args: &[&str]) -> Output {
    Command::new(example("falco"))
        .args(["-c", config()])
        .args(args)
        .output()
        .expect("falco runs")
}

const RULES: &str = "- rule: Any open\n  desc: Every open.\n  condition: evt.type in (open, openat)\n  output: open %fd.name by %proc.name\n  priority: INFO\n";

fn schema() -> Value {
    let o = falco(&["--config-schema"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("the schema is JSON")
}

/// The schema node of a dotted key path, following `$ref`s from the root.
fn node<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let follow = |mut n: &'a Value| {
        while let Some(r) = n.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/definitions/")?;
            n = schema.get("definitions")?.get(name)?;
        }
        Some(n)
    };
    let mut n = follow(schema)?;
    for k in path.split('.') {
        n = follow(n.get("properties")?.get(k)?)?;
    }
    Some(n)
}

#[test]
fn config_schema_has_falcos_shape() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-06/schema#");
    assert_eq!(s["$ref"], "#/definitions/FalcoConfig");
    let root = &s["definitions"]["FalcoConfig"];
    assert_eq!(root["type"], "object");
    assert_eq!(root["additionalProperties"], false);
    // Types a user relies on when validating a falco.yaml.
    let cases = [
        ("json_output", "boolean"),
        ("http_output.url", "string"),
        ("outputs_queue.capacity", "integer"),
        ("syscall_event_drops.threshold", "number"),
        ("engine.kind", "string"),
        ("webserver.listen_port", "integer"),
        ("plugins", "array"),
        ("metrics", "object"),
    ];
    for (path, ty) in cases {
        let n = node(&s, path).unwrap_or_else(|| panic!("{path} is not in the schema"));
        assert_eq!(n["type"], ty, "{path}: {n}");
    }
    assert_eq!(
        node(&s, "engine.kind").map(|n| n["enum"].clone()),
        Some(serde_json::json!([
            "modern_ebpf",
            "kmod",
            "replay",
            "nodriver"
        ]))
    );
    // Printed as Falco prints it: two-space indentation.
    let o = falco(&["--config-schema"]);
    assert!(stdout(&o).starts_with("{\n  \"$ref\""), "{}", stdout(&o));
}

#[test]
fn config_schema_covers_every_key_the_configuration_accepts() {
    let s = schema();
    let mut missing = Vec::new();
    for (key, _) in falco::config::accepted_keys() {
        if node(&s, key).is_none() {
            missing.push(key);
        }
    }
    assert!(
        missing.is_empty(),
        "accepted but not in --config-schema: {missing:?}"
    );
}

#[test]
fn config_schema_names_no_key_the_configuration_calls_unknown() {
    let s = schema();
    let accepted: std::collections::BTreeSet<&str> =
        falco::config::accepted_keys().map(|(k, _)| k).collect();
    // Walk the mappings reached from the root through properties (entries
    // of sequences are not keys of the table).
    let mut todo = vec![String::new()];
    let mut unknown = Vec::new();
    while let Some(prefix) = todo.pop() {
        let n = if prefix.is_empty() {
            node(&s, "").or_else(|| s["definitions"].get("FalcoConfig"))
        } else {
            node(&s, &prefix)
        };
        let Some(props) = n
            .and_then(|n| n.get("properties"))
            .and_then(Value::as_object)
        else {
            continue;
        };
        for k in props.keys() {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            if !accepted.contains(path.as_str()) {
                unknown.push(path.clone());
                continue;
            }
            todo.push(path);
        }
    }
    assert!(
        unknown.is_empty(),
        "in the schema but unknown to the reader: {unknown:?}"
    );
}

#[test]
fn every_key_the_schema_declares_loads_without_an_unknown_key_warning() {
    // One value of the schema's type for each implemented scalar key, set
    // with -o: the reader takes every one without an "unknown key" warning.
    let s = schema();
    let rules = write("r1.yaml", RULES);
    let mut args: Vec<String> = vec!["--dry-run".into(), "-r".into(), rules];
    for (key, implemented) in falco::config::accepted_keys() {
        let Some(n) = node(&s, key) else { continue };
        let value = match (n["type"].as_str(), n["enum"].as_array()) {
            (_, Some(e)) => match key {
                // A replay needs its file; the syscall sources need root.
                "engine.kind" => continue,
                _ => e[0].as_str().unwrap_or_default().to_string(),
            },
            (Some("boolean"), _) => "false".into(),
            _ => continue,
        };
        if !implemented {
            continue;
        }
        args.push("-o".into());
        args.push(format!("{key}={value}"));
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = falco(&refs);
    assert_eq!(o.status.code(), Some(0), "{refs:?}: {}", stderr(&o));
    assert!(!stderr(&o).contains("unknown key"), "{}", stderr(&o));
}

#[test]
fn long_forms_of_short_flags() {
    let rules = write("r2.yaml", RULES);
    // --option is -o.
    let o = falco(&["--option", "json_output=true", "--support", "-r", &rules]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["config"]["json_output"], "true");
    // --print is -p, --unbuffered is -U.
    let o = falco(&["--print=x", "--unbuffered", "--support", "-r", &rules]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("The -p/--print option is deprecated"),
        "{}",
        stderr(&o)
    );
    let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["config"]["buffered_outputs"], "false", "{v}");
}

#[test]
fn older_flags_map_to_todays_keys_with_one_warning() {
    let rules = write("r3.yaml", RULES);
    // (flags, the key path set, its value)
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--print-base64"], "buffer_format_base64", "true"),
        (&["-S", "100"], "falco_libs.snaplen", "100"),
        (&["--snaplen=200"], "falco_libs.snaplen", "200"),
        (
            &["--disable-cri-async"],
            "container_engines.cri.disable_async",
            "true",
        ),
        (&["--modern-bpf"], "engine.kind", "modern_ebpf"),
    ];
    for (flags, path, value) in cases {
        let mut args = flags.to_vec();
        args.extend(["--support", "-r", &rules]);
        let o = falco(&args);
        assert_eq!(o.status.code(), Some(0), "{flags:?}: {}", stderr(&o));
        let warnings = stderr(&o)
            .lines()
            .filter(|l| l.contains("deprecated"))
            .count();
        assert_eq!(warnings, 1, "{flags:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(path),
            "{flags:?} names {path}: {}",
            stderr(&o)
        );
        let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
        let mut n = &v["config"];
        for k in path.split('.') {
            n = &n[k];
        }
        assert_eq!(n, value, "{flags:?}: {v}");
    }
    // --cri appends a socket.
    let o = falco(&["--cri", "/run/x.sock", "--support", "-r", &rules]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(
        v["config"]["container_engines"]["cri"]["sockets"],
        serde_json::json!(["/run/x.sock"]),
        "{v}"
    );
    // -g/--gvisor-config asks for the gvisor engine, which this build
    // refuses: the warning names the key, then the configuration error.
    for flags in [
        &["-g", "/etc/gvisor.json"][..],
        &["--gvisor-config=/etc/gvisor.json"],
    ] {
        let mut args = flags.to_vec();
        args.extend(["--dry-run", "-r", &rules]);
        let o = falco(&args);
        assert_eq!(o.status.code(), Some(1), "{flags:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("engine.kind=gvisor"),
            "{flags:?}: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("'gvisor' is not a valid kind"),
            "{flags:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn version_json_names_the_loaded_plugins_versions() {
    // As Falco, `plugin_versions` appears once plugins are loaded: here the
    // built-in ones, with the versions they stand for.
    let config = write(
        "plugins.yaml",
        "load_plugins: [k8saudit, json]\nplugins:\n  - name: k8saudit\n    library_path: libk8saudit.so\n  - name: json\n    library_path: libjson.so\n",
    );
    let o = Command::new(example("falco"))
        .args(["-c", &config, "--version", "-o", "json_output=true"])
        .output()
        .expect("falco runs");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    let plugins = v["plugin_versions"].as_object().expect("plugin_versions");
    assert_eq!(
        plugins.keys().collect::<Vec<_>>(),
        ["json", "k8saudit"],
        "{v}"
    );
    for (name, version) in plugins {
        let version = version.as_str().unwrap_or_default();
        assert_eq!(version.split('.').count(), 3, "{name}: {version}");
    }
    // Without plugins, no such key (the default configuration loads none).
    let o = falco(&["--version", "-o", "json_output=true"]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert!(v.get("plugin_versions").is_none(), "{v}");
}

#[test]
fn source_selection_flags_give_falcos_errors() {
    let rules = write("r4.yaml", RULES);
    let cases: &[(&[&str], i32, &str)] = &[
        (&["--enable-source=syscall"], 0, ""),
        (&["--enable-source", "syscall"], 0, ""),
        (
            &["--enable-source=nope"],
            1,
            "Attempted enabling an unknown event source: nope",
        ),
        (
            &["--disable-source=nope"],
            1,
            "Attempted disabling an unknown event source: nope",
        ),
        (
            &["--enable-source=syscall", "--disable-source=syscall"],
            1,
            "You can not mix --enable-source and --disable-source",
        ),
        (
            &["--disable-source=syscall"],
            1,
            "Must enable at least one event source",
        ),
    ];
    for (flags, code, message) in cases {
        let mut args = flags.to_vec();
        args.extend(["--dry-run", "-r", &rules]);
        let o = falco(&args);
        assert_eq!(o.status.code(), Some(*code), "{flags:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{flags:?}: {}", stderr(&o));
    }
}

#[test]
fn a_missing_configuration_file_is_an_error_naming_it() {
    let o = Command::new(example("falco"))
        .args(["-c", "/nonexistent/falco.yaml", "--dry-run"])
        .output()
        .expect("falco runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/falco.yaml"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_schemas_scalar_types_are_the_readers() {
    // Every implemented key the schema calls a boolean or an integer is
    // refused with a value of another type, and the error names it: the
    // schema and the reader agree. (All errors come at once.)
    let s = schema();
    let mut args: Vec<String> = vec!["--dry-run".into()];
    let mut keys = Vec::new();
    for (key, implemented) in falco::config::accepted_keys() {
        let Some(n) = node(&s, key) else { continue };
        if !implemented {
            continue;
        }
        let bad = match n["type"].as_str() {
            Some("boolean") => "maybe",
            Some("integer") => "many",
            _ => continue,
        };
        args.push("-o".into());
        args.push(format!("{key}={bad}"));
        keys.push(key);
    }
    assert!(keys.len() > 40, "{keys:?}");
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = falco(&refs);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for key in keys {
        assert!(
            err.contains(&format!("'{key}'")),
            "{key} not refused: {err}"
        );
    }
}

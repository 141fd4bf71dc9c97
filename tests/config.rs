//! The configuration as a Falco user writes it: the shipped example file,
//! files on disk, `-o` overrides and environment variables.

use std::path::{Path, PathBuf};

use falco::config::{default_rules_sources, Config, EngineKind, RulesSource, Severity};

fn dist_yaml() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/falco.yaml")
}

#[test]
fn the_shipped_example_config_is_exactly_the_defaults_without_warnings() {
    let l = Config::load(&dist_yaml(), &[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.config, Config::default());
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn options_override_the_file() {
    let opts = [
        "json_output=true",
        "engine.kind=replay",
        "engine.replay.capture_file=/tmp/c.scap",
        "priority=error",
    ]
    .map(String::from);
    let c = Config::load(&dist_yaml(), &opts)
        .unwrap_or_else(|e| panic!("{e}"))
        .config;
    assert!(c.json_output);
    assert_eq!(c.engine.kind, EngineKind::Replay);
    assert_eq!(c.engine.replay.capture_file, PathBuf::from("/tmp/c.scap"));
    assert_eq!(c.priority, falco::rules::rules::Priority::Error);
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let e = Config::load(Path::new("/nonexistent/falco.yaml"), &[]).expect_err("no file");
    let s = e.to_string();
    assert!(
        s.starts_with("/nonexistent/falco.yaml: error: cannot read config file: "),
        "{s}"
    );
    assert_eq!(e.errors[0].severity, Severity::Error);
}

#[test]
fn environment_variables_expand_in_files() {
    let dir = std::env::temp_dir().join(format!("falco-config-env-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("falco.yaml");
    std::fs::write(
        &path,
        "file_output:\n  filename: ${FALCO_RS_TEST_LOG_DIR}/events.txt\n",
    )
    .expect("write");
    // Only this test sets this variable.
    std::env::set_var("FALCO_RS_TEST_LOG_DIR", "/var/log/falco");
    let c = Config::load(&path, &[])
        .unwrap_or_else(|e| panic!("{e}"))
        .config;
    assert_eq!(
        c.file_output.filename,
        PathBuf::from("/var/log/falco/events.txt")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn configured_rules_paths_expand_in_order() {
    let dir = std::env::temp_dir().join(format!("falco-config-rules-{}", std::process::id()));
    let d = dir.join("rules.d");
    std::fs::create_dir_all(&d).expect("mkdir");
    std::fs::write(dir.join("main.yaml"), "[]").expect("write");
    std::fs::write(d.join("20-b.yaml"), "[]").expect("write");
    std::fs::write(d.join("10-a.yml"), "[]").expect("write");
    let yaml = format!(
        "rules_files:\n  - {0}/main.yaml\n  - {0}/local.yaml\n  - {0}/rules.d\n",
        dir.display()
    );
    let c = Config::from_yaml("falco.yaml", &yaml, &[])
        .unwrap_or_else(|e| panic!("{e}"))
        .config;
    let got: Vec<String> = c
        .rules_sources()
        .iter()
        .map(|s| s.name().into_owned())
        .collect();
    // local.yaml does not exist: it stays in the list, and loading it
    // fails naming it (as Falco: "Could not open file ... for reading").
    let want: Vec<String> = [
        dir.join("main.yaml"),
        dir.join("local.yaml"),
        d.join("10-a.yml"),
        d.join("20-b.yaml"),
    ]
    .iter()
    .map(|p| p.display().to_string())
    .collect();
    assert_eq!(got, want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn default_rules_search_puts_the_bundled_rules_in_place_of_a_missing_falco_rules_yaml() {
    let sources = default_rules_sources();
    if Path::new("/etc/falco/falco_rules.yaml").exists() {
        assert!(sources.iter().all(|s| matches!(s, RulesSource::File(_))));
    } else {
        assert_eq!(sources.first(), Some(&RulesSource::Bundled));
        let local = Path::new("/etc/falco/falco_rules.local.yaml");
        assert_eq!(
            sources.contains(&RulesSource::File(local.into())),
            local.exists()
        );
    }
}

/// A fresh directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("falco-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

#[test]
fn config_files_merge_a_directory_in_name_order() {
    let dir = temp_dir("include");
    let d = dir.join("config.d");
    std::fs::create_dir_all(&d).expect("mkdir");
    std::fs::write(
        dir.join("falco.yaml"),
        format!(
            "config_files:\n  - {}\n  - {}/missing.yaml\nrules_files: [/a.yaml]\njson_output: false\nengine:\n  kind: modern_ebpf\n  modern_ebpf: {{buf_size_preset: 7}}\n",
            d.display(),
            dir.display()
        ),
    )
    .expect("write");
    // Sequences append, other top-level values are replaced whole.
    std::fs::write(
        d.join("20-json.yaml"),
        "json_output: true\nrules_files: [/c.yaml]\n",
    )
    .expect("write");
    std::fs::write(
        d.join("10-engine.yaml"),
        "engine:\n  kind: kmod\nrules_files: [/b.yaml]\n",
    )
    .expect("write");
    let l = Config::load(&dir.join("falco.yaml"), &[]).unwrap_or_else(|e| panic!("{e}"));
    let c = l.config;
    assert!(c.json_output);
    assert_eq!(c.engine.kind, EngineKind::Kmod);
    // The whole `engine` mapping was replaced: its other keys are defaults.
    assert_eq!(c.engine.modern_ebpf.buf_size_preset, 4);
    assert_eq!(
        c.rules_files,
        [PathBuf::from("/a.yaml"), "/b.yaml".into(), "/c.yaml".into()]
    );
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_files_strategies_override_and_add_only() {
    let dir = temp_dir("strategies");
    std::fs::write(
        dir.join("over.yaml"),
        "rules_files: [/x.yaml]\npriority: error\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("add.yaml"),
        "priority: critical\nlog_level: debug\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("falco.yaml"),
        format!(
            "config_files:\n  - path: {0}/over.yaml\n    strategy: override\n  - path: {0}/add.yaml\n    strategy: add-only\nrules_files: [/a.yaml]\n",
            dir.display()
        ),
    )
    .expect("write");
    let c = Config::load(&dir.join("falco.yaml"), &[])
        .unwrap_or_else(|e| panic!("{e}"))
        .config;
    assert_eq!(c.rules_files, [PathBuf::from("/x.yaml")]);
    assert_eq!(c.priority, falco::rules::rules::Priority::Error);
    assert_eq!(c.log_level, falco::rules::rules::Priority::Debug);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_in_included_files_point_into_them_and_options_apply_last() {
    let dir = temp_dir("include-errors");
    let inc = dir.join("inc.yaml");
    std::fs::write(&inc, "json_output: maybe\n").expect("write");
    std::fs::write(dir.join("falco.yaml"), "json_output: true\n").expect("write");
    // `-o config_files=...` includes a file before the other options apply.
    let opt = format!("config_files={}", inc.display());
    let e =
        Config::load(&dir.join("falco.yaml"), std::slice::from_ref(&opt)).expect_err("bad value");
    assert_eq!(
        e.to_string(),
        format!(
            "{}:1:14: error: 'json_output': expected a boolean (true or false), found 'maybe'",
            inc.display()
        )
    );
    let c = Config::load(&dir.join("falco.yaml"), &[opt, "json_output=false".into()])
        .unwrap_or_else(|e| panic!("{e}"))
        .config;
    assert!(!c.json_output);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_files_cannot_recurse() {
    let dir = temp_dir("recurse");
    let main = dir.join("falco.yaml");
    std::fs::write(&main, format!("config_files: [{}]\n", main.display())).expect("write");
    let e = Config::load(&main, &[]).expect_err("recursion");
    assert!(
        e.to_string()
            .contains("tried to recursively include main config file"),
        "{e}"
    );
    let inc = dir.join("inc.yaml");
    std::fs::write(&inc, "config_files: [/etc/other]\n").expect("write");
    std::fs::write(&main, format!("config_files: [{}]\n", inc.display())).expect("write");
    let e = Config::load(&main, &[]).expect_err("nested");
    assert!(
        e.to_string()
            .contains("'config_files' directive in included config file"),
        "{e}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mangled_config_files_give_errors_never_panics() {
    let text = std::fs::read_to_string(dist_yaml()).expect("read");
    let chars: Vec<char> = text.chars().collect();
    let mut errors = 0;
    for i in (0..chars.len()).step_by(37) {
        for insert in ["", ":", "[", "\"", "\n  x: ", "${"] {
            let mut m: String = chars[..i].iter().collect();
            m.push_str(insert);
            m.extend(chars[i + 1..].iter());
            if Config::from_yaml("falco.yaml", &m, &[]).is_err() {
                errors += 1;
            }
        }
    }
    // Many of the mangled files are wrong, and each said so as a value.
    assert!(errors > 20, "{errors}");
}

/// Falco's `include_config_file` merge, key by key at the top level:
/// `append` appends a sequence to a sequence (or to nothing) and replaces
/// anything else; a sequence cannot be appended to a scalar or a mapping;
/// an unknown strategy is `append` (with our warning).
#[test]
fn config_files_merge_sequences_as_falco_does() {
    let dir = temp_dir("merge-rules");
    let inc = dir.join("inc.yaml");
    let main = dir.join("falco.yaml");
    let load = |main_text: &str, inc_text: &str, strategy: &str| {
        std::fs::write(&inc, inc_text).expect("write");
        std::fs::write(
            &main,
            format!(
                "config_files:\n  - path: {}\n    strategy: {strategy}\n{main_text}",
                inc.display()
            ),
        )
        .expect("write");
        Config::load(&main, &[])
    };
    // A sequence appends to a sequence, and to a key with no value.
    let l = load(
        "rules_files: [/a.yaml]\n",
        "rules_files: [/b.yaml]\n",
        "append",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        l.config.rules_files,
        [PathBuf::from("/a.yaml"), "/b.yaml".into()]
    );
    let l = load("rules_files:\n", "rules_files: [/b.yaml]\n", "append")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.config.rules_files, [PathBuf::from("/b.yaml")]);
    // Scalars and mappings are replaced whole (no deep merge).
    let l = load(
        "file_output: {enabled: false, filename: /a}\n",
        "file_output: {keep_alive: true}\n",
        "append",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(l.config.file_output.keep_alive);
    assert_eq!(l.config.file_output.filename, PathBuf::from("./events.txt"));
    // override replaces a sequence; add-only keeps it.
    let l = load(
        "rules_files: [/a.yaml]\n",
        "rules_files: [/b.yaml]\n",
        "override",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.config.rules_files, [PathBuf::from("/b.yaml")]);
    let l = load(
        "rules_files: [/a.yaml]\n",
        "rules_files: [/b.yaml]\n",
        "add-only",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.config.rules_files, [PathBuf::from("/a.yaml")]);
    // An unknown strategy appends, as in Falco, and we say so.
    let l = load(
        "rules_files: [/a.yaml]\n",
        "rules_files: [/b.yaml]\n",
        "merge",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        l.config.rules_files,
        [PathBuf::from("/a.yaml"), "/b.yaml".into()]
    );
    assert_eq!(
        l.warnings[0].to_string(),
        format!(
            "{}:3:15: warning: 'config_files': unknown strategy; 'append' is used (the strategies are append, override, add-only)",
            main.display()
        )
    );
    // yaml-cpp cannot push a sequence's items onto a scalar.
    let e = load("json_output: true\n", "json_output: [a]\n", "append").expect_err("push_back");
    assert_eq!(
        e.to_string(),
        format!(
            "{}:4:14: error: 'json_output': appending to a non-sequence (the sequence of {})",
            main.display(),
            inc.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn stock_yaml() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/falco/falco.yaml")
}

/// Falco 0.44.1's own `falco.yaml` loads; every warning is about a Falco
/// feature this build documents as not implemented.
#[test]
fn falcos_stock_044_config_loads_with_only_not_implemented_warnings() {
    let l = Config::load(&stock_yaml(), &[]).unwrap_or_else(|e| panic!("{e}"));
    for w in &l.warnings {
        assert!(
            w.message
                .ends_with("is a Falco setting this build does not implement; ignored"),
            "{w}"
        );
    }
    // Its values are the stock values this crate defaults to.
    assert_eq!(l.config.rules_files, Config::default().rules_files);
    assert_eq!(l.config.engine, Config::default().engine);
}

/// The `-o` forms Falco's charts and test harness pass, on the stock file.
#[test]
fn options_falco_accepts_on_its_stock_config_are_accepted() {
    for opt in [
        "append_output.suggested_output=false",
        "append_output[0].suggested_output=false",
        "append_output[].extra_output=x",
        "plugins[0].init_config.label_max_len=50",
        "load_plugins[]=container",
        "rules_files[]=/etc/falco/extra.yaml",
        "base_syscalls.custom_set[]=openat",
        "metrics.enabled=true",
        "http_output={enabled: true, url: 'http://sidekick:2801/'}",
        "engine.kind=replay",
    ] {
        let mut opts = vec![opt.to_string()];
        if opt == "engine.kind=replay" {
            opts.push("engine.replay.capture_file=/tmp/x.scap".into());
        }
        let l = Config::load(&stock_yaml(), &opts).unwrap_or_else(|e| panic!("{opt}: {e}"));
        if opt == "rules_files[]=/etc/falco/extra.yaml" {
            assert_eq!(l.config.rules_files.len(), 4);
        }
    }
}

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
    let want: Vec<String> = [
        dir.join("main.yaml"),
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
fn default_rules_search_falls_back_to_the_bundled_rules() {
    let sources = default_rules_sources();
    let any_installed = [
        "/etc/falco/falco_rules.yaml",
        "/etc/falco/falco_rules.local.yaml",
        "/etc/falco/rules.d",
    ]
    .iter()
    .any(|p| Path::new(p).exists());
    if any_installed {
        assert!(sources.iter().all(|s| matches!(s, RulesSource::File(_))));
    } else {
        assert_eq!(sources, [RulesSource::Bundled]);
    }
}

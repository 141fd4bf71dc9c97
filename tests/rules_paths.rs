//! Rules paths as Falco treats them, through the `falco` example: a file
//! named explicitly that cannot be read is an error naming it, directories
//! load their `.yaml`/`.yml` files in name order, the default list puts the
//! bundled rules in place of a missing `falco_rules.yaml`; the end-of-run
//! summary goes where Falco prints it.

mod common;

use common::{example, stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use falco::config::{default_list_sources_under, RulesSource, DEFAULT_RULES_NAME};
use falco::rules::engine::{Engine, UnknownSources};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d =
            std::env::temp_dir().join(format!("falco-rules-paths-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        Scratch(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn falco(s: &Scratch, args: &[&str]) -> Output {
    let cfg = s.file("falco.yaml", "log_syslog: false\n");
    Command::new(example("falco"))
        .args(["-c", &cfg])
        .args(args)
        .output()
        .expect("falco runs")
}

fn rule(name: &str) -> String {
    format!(
        "- rule: {name}\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n"
    )
}

#[test]
fn a_named_file_that_cannot_be_read_is_an_error_naming_it() {
    let s = Scratch::new("missing");
    let good = s.file("good.yaml", &rule("good"));
    for missing in ["typo.yaml", "x.rules", "no-extension"] {
        let m = s.path(missing);
        for args in [
            vec!["--dry-run", "-r", &good, "-r", &m],
            vec!["-L", "-r", &m],
        ] {
            let o = falco(&s, &args);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(
                err.contains(&format!("Could not open file {m} for reading")),
                "{args:?}: {err}"
            );
            assert!(
                !err.contains("You must specify at least one rules file"),
                "{err}"
            );
        }
    }
    // The same for rules_files in the configuration.
    let m = s.path("configured-missing.yaml");
    let o = falco(&s, &["--dry-run", "-o", &format!("rules_files[]={m}")]);
    // -o rules_files[]= appends to Falco's default list: not the default
    // list any more, so the missing file is an error.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("Could not open file {m} for reading")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_named_file_loads_whatever_its_extension() {
    let s = Scratch::new("ext");
    let r = s.file("custom.rules", &rule("from dot rules"));
    let o = falco(&s, &["-L", "-r", &r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("from dot rules"), "{}", stdout(&o));
}

#[test]
fn directories_load_yaml_and_yml_files_in_name_order() {
    let s = Scratch::new("dir");
    s.file("rules.d/20-b.yaml", &rule("b"));
    s.file("rules.d/10-a.yml", &rule("a"));
    s.file("rules.d/30-c.txt", &rule("c"));
    s.file("rules.d/00-notes.md", "not yaml at all: [");
    let d = s.path("rules.d");
    let o = falco(&s, &["-L", "-r", &d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let loaded: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split_once("Loading rules from: ").map(|(_, f)| f))
        .collect::<Vec<_>>();
    let want = [s.path("rules.d/10-a.yml"), s.path("rules.d/20-b.yaml")];
    assert_eq!(loaded, want.iter().map(String::as_str).collect::<Vec<_>>());
    let out = stdout(&o);
    let (a, b) = (out.find("\na "), out.find("\nb "));
    assert!(a.is_some() && b.is_some() && a < b, "{out}");
    assert!(!out.contains("\nc "), "{out}");
}

#[test]
fn a_local_file_appends_to_the_bundled_rules_when_falco_rules_yaml_is_missing() {
    // A fresh /etc/falco without falco_rules.yaml (a cargo install): the
    // local overrides file appends to a list of the bundled default rules.
    let s = Scratch::new("local");
    let local_text =
        "- list: shell_binaries\n  items: [my-shell]\n  override:\n    items: append\n";
    s.file("etc/falco/falco_rules.local.yaml", local_text);
    s.file("etc/falco/rules.d/50-mine.yaml", &rule("mine"));
    let sources = default_list_sources_under(&s.0);
    let names: Vec<String> = sources.iter().map(|x| x.name().into_owned()).collect();
    assert_eq!(
        names,
        [
            DEFAULT_RULES_NAME.to_string(),
            s.path("etc/falco/falco_rules.local.yaml"),
            s.path("etc/falco/rules.d/50-mine.yaml"),
        ]
    );
    let mut e = Engine::builder()
        .source(falco::events::SyscallSource::new())
        .unknown_sources(UnknownSources::Skip)
        .build();
    for src in &sources {
        let r = src.load_into(&mut e);
        assert!(r.successful(), "{}: {}", src.name(), r.render());
    }
    let list = e.collector().list("shell_binaries").expect("the list");
    assert!(
        list.items.iter().any(|i| i == "my-shell"),
        "{:?}",
        list.items
    );

    // Once falco_rules.yaml is installed, it is loaded instead of the
    // bundled copy.
    let installed = s.file(
        "etc/falco/falco_rules.yaml",
        "- list: shell_binaries\n  items: [sh]\n",
    );
    let sources = default_list_sources_under(&s.0);
    assert_eq!(sources[0], RulesSource::File(installed.into()));
    assert!(!sources.contains(&RulesSource::Bundled));
}

#[test]
fn the_run_summary_is_on_stdout_after_the_alerts() {
    let s = Scratch::new("summary");
    let r = s.file(
        "r.yaml",
        "- rule: cat opens\n  desc: d\n  condition: evt.type in (open, openat) and proc.name = cat\n  output: cat opened %fd.name\n  priority: WARNING\n",
    );
    let cap = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/captures/falco_cat_write.scap")
        .display()
        .to_string();
    let o = falco(&s, &["-e", &cap, "-r", &r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let (alerts, summary) = out.split_once("Events detected: ").expect("a summary");
    assert!(
        alerts.lines().count() > 0 && alerts.lines().all(|l| l.contains("cat opened")),
        "{out}"
    );
    assert!(
        summary.contains("Rule counts by severity:\n   WARNING: "),
        "{out}"
    );
    assert!(
        summary.contains("Triggered rules by rule name:\n   cat opens: "),
        "{out}"
    );
    // The drop monitor's lines stay on stderr, as Falco's.
    assert!(stderr(&o).contains("Syscall event drop monitoring:"));
    assert!(!stderr(&o).contains("Events detected"));
}

//! Falco 0.44's configuration and replay semantics, checked by running the
//! `falco` example the way Falco's test harness and Helm charts run Falco:
//! `-c` with Falco 0.44.1's stock `falco.yaml` (`testdata/falco/`), `-o`
//! flags, `-r` rules and `-e` replays of the public captures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The path of an example binary built by `cargo test`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile> directory");
    let p = dir.join("examples").join(name);
    assert!(
        p.exists(),
        "{} not built (cargo test builds examples)",
        p.display()
    );
    p
}

fn testdata(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel);
    assert!(p.exists(), "{} missing", p.display());
    p.display().to_string()
}

/// Falco 0.44.1's stock configuration file.
fn stock() -> String {
    testdata("falco/falco.yaml")
}

/// A scratch directory of this test (removed when dropped).
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("falco044-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        Scratch(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `falco -c <stock falco.yaml> -o syslog_output.enabled=false ARGS`.
fn falco(args: &[&str]) -> Output {
    Command::new(example("falco"))
        .env("FALCO_HOSTNAME", "test-host")
        .args(["-c", &stock(), "-o", "syslog_output.enabled=false"])
        .args(args)
        .output()
        .expect("falco runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The per-rule counts of Falco's end-of-run summary on stderr
/// (`Triggered rules by rule name:` then `   NAME: N` lines).
fn counts(o: &Output) -> BTreeMap<String, u64> {
    let err = stderr(o);
    let mut out = BTreeMap::new();
    let mut in_section = false;
    for line in err.lines() {
        if line == "Triggered rules by rule name:" {
            in_section = true;
            continue;
        }
        if in_section {
            let Some(rest) = line.strip_prefix("   ") else {
                break;
            };
            if let Some((name, n)) = rest.rsplit_once(": ") {
                out.insert(name.to_string(), n.parse().expect("a count"));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// 4. Exit-only evaluation

const OPEN_RULES: &str = r#"
- rule: cat opens
  desc: every open by cat
  condition: evt.type=open and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat opens, exit direction
  desc: the same, on the exit direction
  condition: evt.type=open and evt.dir=< and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat opens, enter direction
  desc: never true on an event a rule sees
  condition: evt.type=open and evt.dir=> and proc.name=cat
  output: "cat opened %fd.name"
  priority: WARNING
- rule: cat connects or execs, enter direction
  desc: the other enter events libsinsp keeps for the state only
  condition: evt.type in (connect, execve, execveat, creat, openat, openat2) and evt.dir=>
  output: "%evt.type"
  priority: WARNING
"#;

#[test]
fn rules_see_exit_events_only_on_a_replay() {
    let s = Scratch::new("exit-only");
    let rules = s.file("rules.yaml", OPEN_RULES);
    let cap = testdata("captures/falco_cat_write.scap");
    let o = falco(&["-o", "rule_matching=all", "-e", &cap, "-r", &rules]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Falco 0.44.1 gives 4 alerts (the capture holds 4 opens by cat, each as
    // a TOCTOU enter event and an exit event).
    let want: BTreeMap<String, u64> = [("cat opens", 4), ("cat opens, exit direction", 4)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    assert_eq!(counts(&o), want, "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 8, "{}", stdout(&o));
    assert!(stderr(&o).contains("Events detected: 8"), "{}", stderr(&o));
    // The enter events still fed the state: the alerts name the files.
    assert!(
        stdout(&o).contains("Warning cat opened /etc/ld.so.cache"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn replay_counts_on_the_public_captures_are_exit_only() {
    let s = Scratch::new("exit-counts");
    let rules = s.file(
        "rules.yaml",
        r#"
- rule: any open or connect
  desc: one alert per call
  condition: evt.type in (open, openat, openat2, creat, connect) and proc.name=curl
  output: "%evt.type %fd.name"
  priority: NOTICE
"#,
    );
    let cap = testdata("captures/libs_curl_google.scap");
    let o = falco(&["-e", &cap, "-r", &rules]);
    assert!(o.status.success(), "{}", stderr(&o));
    // filter --capture counts the exit events alone the same way.
    let f = Command::new(example("filter"))
        .args([
            "--capture",
            &cap,
            "--count",
            "evt.type in (open, openat, openat2, creat, connect) and proc.name=curl and evt.dir=<",
        ])
        .output()
        .expect("filter runs");
    let exits: u64 = stdout(&f).trim().parse().expect("a count");
    assert!(exits > 0);
    assert_eq!(counts(&o).get("any open or connect"), Some(&exits));
}

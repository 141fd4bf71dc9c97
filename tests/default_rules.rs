//! The bundled default rules: they load cleanly against the syscall catalog,
//! fire on what they describe, and can be tuned from a local rules file.

use std::sync::Arc;

use falco::config::{DEFAULT_RULES, DEFAULT_RULES_NAME};
use falco::json::{JsonEvent, JsonSchema};
use falco::rules::engine::Engine;
use falco::rules::rules::Priority;
use falco::rules::{FieldType, Scratch};
use falco_events::SyscallSource;

#[test]
fn bundled_rules_load_against_the_syscall_schema_without_errors_or_warnings() {
    let mut e = Engine::builder().source(SyscallSource::new()).build();
    let r = e.load_str(DEFAULT_RULES_NAME, DEFAULT_RULES);
    assert!(r.successful(), "{}", r.render());
    assert!(!r.has_warnings(), "{}", r.render());
    let rules = e.ruleset().rules();
    let names: Vec<&str> = rules.iter().map(|r| &*r.name).collect();
    assert_eq!(
        names,
        [
            "Read sensitive file by untrusted program",
            "Write below etc or root",
            "Shell started in container",
            "Privileged container started",
        ]
    );
    let sensitive = &rules[0];
    assert_eq!(sensitive.priority, Priority::Warning);
    assert!(sensitive
        .output
        .source()
        .starts_with("Sensitive file opened for reading by non-trusted program (user=%user.name "));
    assert!(sensitive.output.source().contains(" file=%fd.name "));
    // Every rule is indexed by event type (no LOAD_NO_EVTTYPE).
    assert!(rules.iter().all(|r| r.event_types.len() < 20));
}

/// A JSON schema with every field of the syscall catalog, so the rules can
/// be run over JSON events.
fn catalog_schema() -> JsonSchema {
    let mut s = JsonSchema::default();
    for f in falco_events::fields() {
        let ty = match f.ty {
            FieldType::Uint8 | FieldType::Uint16 | FieldType::Uint32 => FieldType::Uint64,
            FieldType::Int8 | FieldType::Int16 | FieldType::Int32 => FieldType::Int64,
            t => t,
        };
        s.add(f.name, ty, f.list);
    }
    s
}

/// The names of the rules that fire on `event`, with `local` loaded after
/// the bundled rules.
fn fired(local: Option<&str>, event: &str) -> Vec<String> {
    let schema = Arc::new(catalog_schema());
    let mut e = Engine::builder()
        .source(falco::json::source(schema.clone()))
        .build();
    e.set_rule_matching(falco::rules::engine::RuleMatching::All);
    let r = e.load_str(DEFAULT_RULES_NAME, DEFAULT_RULES);
    assert!(r.successful(), "{}", r.render());
    if let Some(l) = local {
        let r = e.load_str("falco_rules.local.yaml", l);
        assert!(r.successful(), "{}", r.render());
    }
    let ev = JsonEvent::parse(&schema, event).expect("valid event");
    let rs = e.ruleset();
    rs.matches(&ev, &mut Scratch::new())
        .map(|r| r.name.to_string())
        .collect()
}

const CAT_SHADOW: &str = r#"{"evt.type": "openat", "evt.num": 7, "fd.typechar": "f", "evt.is_open_read": true, "evt.is_open_write": false,
    "fd.name": "/etc/shadow", "fd.directory": "/etc", "proc.name": "cat", "container.id": "host"}"#;

#[test]
fn each_rule_fires_on_what_it_describes() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "cat reads /etc/shadow",
            CAT_SHADOW,
            &["Read sensitive file by untrusted program"],
        ),
        (
            "sshd reads /etc/shadow",
            r#"{"evt.type": "openat", "evt.num": 7, "fd.typechar": "f", "evt.is_open_read": true, "evt.is_open_write": false,
                "fd.name": "/etc/shadow", "fd.directory": "/etc", "proc.name": "sshd", "container.id": "host"}"#,
            &[],
        ),
        (
            "a file below /etc/pam.d is sensitive",
            r#"{"evt.type": "open", "evt.num": 7, "fd.typechar": "f", "evt.is_open_read": true, "evt.is_open_write": false,
                "fd.name": "/etc/pam.d/common-auth", "fd.directory": "/etc/pam.d", "proc.name": "python3", "container.id": "host"}"#,
            &["Read sensitive file by untrusted program"],
        ),
        (
            "vim writes /etc/hosts",
            r#"{"evt.type": "openat", "evt.num": 8, "fd.typechar": "f", "evt.is_open_read": false, "evt.is_open_write": true,
                "fd.name": "/etc/hosts", "fd.directory": "/etc", "proc.name": "vim", "container.id": "host"}"#,
            &["Write below etc or root"],
        ),
        (
            "dpkg writes /etc/hosts",
            r#"{"evt.type": "openat", "evt.num": 8, "fd.typechar": "f", "evt.is_open_read": false, "evt.is_open_write": true,
                "fd.name": "/etc/hosts", "fd.directory": "/etc", "proc.name": "dpkg", "container.id": "host"}"#,
            &[],
        ),
        (
            "bash starts in a container",
            r#"{"evt.type": "execve", "evt.num": 9, "proc.name": "bash", "proc.vpid": 42, "container.id": "abcdef123456",
                "container.privileged": false}"#,
            &["Shell started in container"],
        ),
        (
            "bash starts on the host",
            r#"{"evt.type": "execve", "evt.num": 9, "proc.name": "bash", "proc.vpid": 42, "container.id": "host"}"#,
            &[],
        ),
        (
            "a privileged container starts",
            r#"{"evt.type": "execve", "evt.num": 9, "proc.name": "nginx", "proc.vpid": 1, "container.id": "abcdef123456",
                "container.privileged": true, "container.image.repository": "nginx"}"#,
            &["Privileged container started"],
        ),
    ];
    for (what, event, want) in cases {
        assert_eq!(fired(None, event), *want, "{what}");
    }
}

#[test]
fn a_local_file_appends_to_a_list_with_override() {
    let local = "\
- list: trusted_sensitive_file_readers
  items: [cat]
  override:
    items: append
";
    assert_eq!(fired(Some(local), CAT_SHADOW), Vec::<String>::new());
}

#[test]
fn a_local_file_replaces_an_exception_macro() {
    let local = "\
- macro: user_trusted_sensitive_read
  condition: (proc.name = cat and fd.name = /etc/shadow)
  override:
    condition: replace
";
    assert_eq!(fired(Some(local), CAT_SHADOW), Vec::<String>::new());
}

#[test]
fn a_local_file_disables_a_rule() {
    let local = "\
- rule: Read sensitive file by untrusted program
  enabled: false
  override:
    enabled: replace
";
    assert_eq!(fired(Some(local), CAT_SHADOW), Vec::<String>::new());
}

#[test]
fn the_local_file_example_of_the_rules_readme_loads_cleanly() {
    let readme = include_str!("../rules/README.md");
    let start = readme.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let len = readme[start..].find("```").expect("end of the block");
    let local = &readme[start..start + len];
    let mut e = Engine::builder().source(SyscallSource::new()).build();
    let r = e.load_str(DEFAULT_RULES_NAME, DEFAULT_RULES);
    assert!(r.successful(), "{}", r.render());
    let r = e.load_str("falco_rules.local.yaml", local);
    assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    let rules = e.ruleset().rules();
    let shell = rules
        .iter()
        .find(|r| &*r.name == "Shell started in container")
        .expect("rule");
    assert_eq!(shell.priority, Priority::Warning);
    let write = rules
        .iter()
        .find(|r| &*r.name == "Write below etc or root")
        .expect("rule");
    assert!(!write.enabled);
}

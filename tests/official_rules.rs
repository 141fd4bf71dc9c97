//! The official Falco rules files load unchanged: no error and no warning,
//! each alone and all three together (stable, incubating, sandbox), as Falco
//! validates them.

use std::path::{Path, PathBuf};

use falco::rules::engine::Engine;
use falco::rules::rules::LoadResult;
use falco_events::{SyscallEventTypes, SyscallSource};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules")
}

fn engine() -> Engine {
    Engine::builder().source(SyscallSource::new()).build()
}

fn assert_clean(r: &LoadResult) {
    let mut text = String::new();
    for d in r.errors.iter().chain(r.warnings.iter()) {
        text.push_str(&d.render());
    }
    assert!(
        r.errors.is_empty() && r.warnings.is_empty(),
        "{}:\n{text}",
        r.name
    );
}

const FILES: [&str; 3] = [
    "falco_rules.yaml",
    "falco-incubating_rules.yaml",
    "falco-sandbox_rules.yaml",
];

#[test]
fn each_official_file_loads_alone_without_errors_or_warnings() {
    for f in FILES {
        let mut e = engine();
        let r = e.load_file(&rules_dir().join(f));
        assert_clean(&r);
        assert!(!e.ruleset().rules().is_empty(), "{f}: no rules compiled");
    }
}

#[test]
fn the_three_official_files_load_together_in_order() {
    let mut e = engine();
    for f in FILES {
        let r = e.load_file(&rules_dir().join(f));
        assert_clean(&r);
    }
    // 25 stable + 31 incubating + 37 sandbox rules, 12 of them disabled.
    assert_eq!(e.ruleset().rules().len(), 25 + 31 + 37);
    assert_eq!(e.ruleset().active().len(), 25 + 31 + 37 - 12);
}

/// Each rule's event-type set, as names, equals the one the research notes
/// computed with Falco's algorithm (`rules-language.md` §8.4), and its
/// priority and enabled flag agree.
#[test]
fn event_type_sets_match_falcos_for_every_official_rule() {
    use falco::rules::evttype::EventTypes;
    use std::collections::{BTreeMap, BTreeSet};

    let notes = std::fs::read_to_string(rules_dir().join("official_evttypes.md"))
        .expect("testdata/rules/official_evttypes.md is readable");
    let section = notes
        .split("### 8.4")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("section 8.4 exists");
    let mut expected: BTreeMap<String, (String, bool, BTreeSet<String>)> = BTreeMap::new();
    for line in section.lines() {
        let Some(rest) = line.strip_prefix("- ") else {
            continue;
        };
        let Some((head, types)) = rest.rsplit_once("]: ") else {
            continue;
        };
        let Some((name, prio)) = head.rsplit_once(" [") else {
            continue;
        };
        let disabled = prio.ends_with(", disabled");
        let prio = prio.trim_end_matches(", disabled").to_string();
        let types = types.split(',').map(|t| t.trim().to_string()).collect();
        expected.insert(name.to_string(), (prio, !disabled, types));
    }
    assert_eq!(expected.len(), 25 + 31 + 37, "rules listed in the notes");

    let mut checked = 0;
    for f in FILES {
        let mut e = engine();
        assert_clean(&e.load_file(&rules_dir().join(f)));
        for r in e.ruleset().rules() {
            let (prio, enabled, types) = expected
                .get(&*r.name)
                .unwrap_or_else(|| panic!("rule {} not in the notes", r.name));
            let names: BTreeSet<String> = r
                .event_types
                .iter()
                .filter_map(|c| SyscallEventTypes.name_of(c).map(str::to_string))
                .collect();
            assert_eq!(&names, types, "event types of rule '{}'", r.name);
            let p = r.priority.name().to_ascii_uppercase();
            let p = if p == "INFORMATIONAL" {
                "INFO".to_string()
            } else {
                p
            };
            assert_eq!(&p, prio, "priority of rule '{}'", r.name);
            assert_eq!(r.enabled, *enabled, "enabled flag of rule '{}'", r.name);
            checked += 1;
        }
    }
    assert_eq!(checked, 25 + 31 + 37);
}

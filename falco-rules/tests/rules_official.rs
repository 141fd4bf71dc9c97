//! The official Falco rules files load through the collector with no error
//! and no warning, alone and together (stable, incubating, sandbox).
//!
//! The files are read from `testdata/rules` at the repository root.

use falco_rules::rules::{
    check_plugin_requirements, expand_lists, substitute_lists_mapped, Collector, Priority, Version,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/rules");
const FILES: [&str; 3] = [
    "falco_rules.yaml",
    "falco-incubating_rules.yaml",
    "falco-sandbox_rules.yaml",
];

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{DIR}/{name}: {e}"))
}

fn load_all(names: &[&str]) -> (Collector, Vec<falco_rules::rules::LoadResult>) {
    let mut c = Collector::new("syscall");
    let mut results = Vec::new();
    for name in names {
        let text = read(name);
        results.push(c.load(name, &text));
    }
    (c, results)
}

#[test]
fn each_official_file_alone_loads_clean() {
    for name in FILES {
        let (c, results) = load_all(&[name]);
        let r = &results[0];
        assert!(
            r.errors.is_empty() && r.warnings.is_empty(),
            "{}",
            r.render()
        );
        assert_eq!(c.required_engine_version(), Some(Version::new(0, 57, 0)));
        assert!(!c.rules().is_empty() && !c.macros().is_empty() && !c.lists().is_empty());
    }
}

#[test]
fn official_files_have_the_counts_of_the_research_notes() {
    let expected = [(25, 87, 49), (31, 82, 54), (37, 183, 60)];
    for (name, (rules, macros, lists)) in FILES.into_iter().zip(expected) {
        let (c, _) = load_all(&[name]);
        assert_eq!(
            (c.rules().len(), c.macros().len(), c.lists().len()),
            (rules, macros, lists),
            "{name}"
        );
    }
}

#[test]
fn all_three_together_load_clean_in_order() {
    let (c, results) = load_all(&FILES);
    for r in &results {
        assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    }
    // No rule names in common: 25 + 31 + 37 rules, in file order.
    assert_eq!(c.rules().len(), 93);
    let idx: Vec<u32> = c.rules().iter().map(|r| r.index).collect();
    assert!(idx.windows(2).all(|w| w[0] < w[1]));
    // The sandbox file disables 12 rules.
    assert_eq!(c.rules().iter().filter(|r| !r.enabled).count(), 12);
    // Shared lists are redefined: the last file's definition wins.
    let l = c.list("python_package_managers").expect("list exists");
    assert!(
        !l.items.iter().any(|i| i == "uv"),
        "sandbox version has no uv"
    );
    assert_eq!(l.file.name(), "falco-sandbox_rules.yaml");
}

#[test]
fn the_container_plugin_requirement_is_checked_with_falcos_messages() {
    let (c, _) = load_all(&FILES);
    let reqs = c.required_plugin_versions();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].alternatives[0].name, "container");
    assert_eq!(reqs[0].alternatives[0].version, "0.4.0");
    assert_eq!(
        check_plugin_requirements(reqs, &[("container", "0.4.0")]),
        Ok(())
    );
    assert_eq!(
        check_plugin_requirements(reqs, &[("container", "0.3.9")]),
        Err("Plugin 'container' version '0.3.9' is not compatible with required plugin version '0.4.0'".into())
    );
    assert_eq!(
        check_plugin_requirements(reqs, &[]),
        Err("Plugin requirement not satisfied, must load one of: container (>= 0.4.0)".into())
    );
}

#[test]
fn priorities_and_tags_of_a_known_rule() {
    let (c, _) = load_all(&FILES[..1]);
    let r = c.rule("Terminal shell in container").expect("rule exists");
    assert_eq!(r.priority, Priority::Notice);
    assert_eq!(r.source, "syscall");
    assert!(r.tags.contains("maturity_stable"));
    let tags: Vec<&String> = r.tags.iter().collect();
    let mut sorted = tags.clone();
    sorted.sort();
    assert_eq!(tags, sorted);
}

#[test]
fn every_condition_position_maps_into_its_own_file() {
    let (c, _) = load_all(&FILES);
    for r in c.rules() {
        let (file, mark) = r.condition.position_of(0).expect("mapped");
        let line = file.line_text(mark.line);
        let first = r.condition.as_str().split_whitespace().next().unwrap_or("");
        assert!(
            line.chars()
                .skip(mark.col - 1)
                .collect::<String>()
                .starts_with(first),
            "rule {}: {line:?} at {mark}",
            r.name
        );
    }
}

#[test]
fn every_list_referenced_by_a_rule_is_substituted() {
    let (c, _) = load_all(&FILES[..1]);
    let lists = expand_lists(c.lists());
    let mut used = vec![false; lists.len()];
    for (i, l) in lists.iter().enumerate() {
        used[i] |= l.used_by_list;
    }
    for text in c
        .macros()
        .iter()
        .map(|m| m.condition.as_str())
        .chain(c.rules().iter().map(|r| r.condition.as_str()))
    {
        for i in substitute_lists_mapped(text, &lists).used {
            used[i] = true;
        }
    }
    // The rules repository's CI requires that every list is used.
    let unused: Vec<&str> = lists
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(l, _)| l.name.as_str())
        .collect();
    assert!(unused.is_empty(), "{unused:?}");
}

//! Falco's textual list substitution (§3.1) and list-in-list expansion
//! (§1.10 step 1), as tables of condition in, condition out.

use falco_rules::rules::{
    expand_lists, substitute_lists, substitute_lists_mapped, Collector, ExpandedList,
};

fn list(name: &str, items: &[&str]) -> ExpandedList {
    ExpandedList {
        name: name.to_string(),
        items: items.iter().map(|s| s.to_string()).collect(),
        raw_items: Vec::new(),
        references: Vec::new(),
        used_by_list: false,
    }
}

#[test]
fn substitution_table() {
    let lists = [
        list("shell_binaries", &["bash", "sh"]),
        list("one_item", &["cat"]),
        list("spaced", &["my app", "\"quoted one\"", "'single one'"]),
        list("empty_list", &[]),
        list("nets", &["\"10.0.0.0/8\"", "\"192.168.0.0/16\""]),
    ];
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        ("parenthesized list",
         "proc.name in (shell_binaries)", "proc.name in ( bash, sh )"),
        ("bare list with one item becomes a value",
         "proc.name = one_item", "proc.name = cat "),
        ("blanks around the name are consumed",
         "proc.name in (  shell_binaries\t)", "proc.name in ( bash, sh )"),
        ("items with spaces are double-quoted, pre-quoted ones are not",
         "proc.name in (spaced)", "proc.name in ( \"my app\", \"quoted one\", 'single one' )"),
        ("pre-quoted items keep their quotes",
         "fd.net in (nets)", "fd.net in ( \"10.0.0.0/8\", \"192.168.0.0/16\" )"),
        ("empty list removes the comma on its left",
         "evt.type in (open, empty_list)", "evt.type in (open  )"),
        ("empty list removes the comma on its right when there is none on its left",
         "evt.type in (empty_list, open)", "evt.type in (   open)"),
        ("empty list alone leaves empty parentheses",
         "evt.type in (empty_list)", "evt.type in (  )"),
        ("a longer name is not a hit",
         "proc.name in (shell_binaries_2)", "proc.name in (shell_binaries_2)"),
        ("a dotted prefix is not a delimiter",
         "a.shell_binaries = x", "a.shell_binaries = x"),
        ("= is a delimiter",
         "proc.name=one_item", "proc.name= cat "),
        ("comma is a delimiter",
         "x in (a,one_item,b)", "x in (a, cat ,b)"),
        ("inside quotes it is replaced too",
         "proc.cmdline = \"x one_item y\"", "proc.cmdline = \"x cat y\""),
        ("every occurrence is replaced",
         "a in (one_item) or b in (one_item)", "a in ( cat ) or b in ( cat )"),
        ("a macro with a list's name is replaced by the list",
         "shell_binaries and evt.type = open", "bash, sh and evt.type = open"),
        ("no list, no change",
         "evt.type = open", "evt.type = open"),
    ];
    for (what, input, expected) in cases {
        assert_eq!(substitute_lists(input, &lists), *expected, "{what}");
    }
}

/// Falco resumes the search one byte after the inserted text; when the hit
/// was at the very start, that skips the first byte of what follows, so a
/// second occurrence right there is missed.
#[test]
fn quirk_second_hit_right_after_a_leading_hit_is_skipped() {
    let lists = [list("l", &["x"])];
    assert_eq!(substitute_lists("l l", &lists), "x l");
    assert_eq!(substitute_lists("(l l)", &lists), "( x x )");
}

#[test]
fn an_item_naming_a_later_list_is_substituted_again() {
    let lists = [list("first", &["second"]), list("second", &["a", "b"])];
    assert_eq!(substitute_lists("x in (first)", &lists), "x in ( a, b )");
}

#[test]
fn substitution_reports_the_lists_used() {
    let lists = [list("a", &["1"]), list("b", &["2"]), list("c", &["3"])];
    let s = substitute_lists_mapped("x in (c, a)", &lists);
    assert_eq!(s.used, [0, 2]);
}

#[test]
fn substituted_offsets_map_back_to_the_original_condition() {
    let lists = [list("shell_binaries", &["bash", "sh"])];
    let original = "evt.type = execve and proc.name in (shell_binaries) and bad!";
    let s = substitute_lists_mapped(original, &lists);
    assert_eq!(
        s.text,
        "evt.type = execve and proc.name in ( bash, sh ) and bad!"
    );
    // Text before the list is unchanged.
    assert_eq!(s.original_offset(4), 4);
    // Inserted items point at the list name.
    let bash = s.text.find("bash").unwrap();
    assert_eq!(
        s.original_offset(bash),
        original.find("shell_binaries").unwrap()
    );
    // Text after the list maps to its original place.
    let bad = s.text.find("bad!").unwrap();
    assert_eq!(s.original_offset(bad), original.find("bad!").unwrap());
    assert_eq!(s.original_offset(s.text.len()), original.len());
}

#[test]
fn list_references_expand_only_to_earlier_lists() {
    let mut c = Collector::new("syscall");
    let r = c.load(
        "l.yaml",
        "
- list: base
  items: [a, b]
- list: derived
  items: [base, c, later]
- list: later
  items: [z]
",
    );
    assert!(r.successful());
    let lists = expand_lists(c.lists());
    assert_eq!(lists[1].items, ["a", "b", "c", "later"]);
    assert_eq!(lists[1].references, ["base"]);
    assert_eq!(lists[1].raw_items, ["c", "later"]);
    assert!(lists[0].used_by_list && !lists[2].used_by_list);
}

#[test]
fn list_expansion_uses_raw_items_one_level_deep() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "l.yaml",
        "
- list: a
  items: [x]
- list: b
  items: [a, y]
- list: c
  items: [b]
",
    );
    assert!(loaded.successful(), "{loaded}");
    let lists = expand_lists(c.lists());
    assert_eq!(
        lists[2].items,
        ["a", "y"],
        "b's raw items, not its expansion"
    );
}

#[test]
fn a_redefined_list_sees_lists_defined_before_its_redefinition() {
    let mut c = Collector::new("syscall");
    let loaded = c.load(
        "l.yaml",
        "
- list: a
  items: [later]
- list: later
  items: [z]
- list: a
  items: [later]
",
    );
    assert!(loaded.successful(), "{loaded}");
    let lists = expand_lists(c.lists());
    assert_eq!(lists[0].items, ["z"]);
}

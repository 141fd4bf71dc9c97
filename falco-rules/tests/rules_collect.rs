//! Define / append / override / enable semantics of the collector, one
//! behaviour per test, after the cases of Falco's `test_rule_loader.cpp`.

use falco_rules::rules::{Collector, ExceptionEntry, LoadResult, Priority, Version};

const BASE_RULE: &str = "
- rule: legit_rule
  desc: legit rule description
  condition: evt.type=open
  output: user=%user.name command=%proc.cmdline file=%fd.name
  priority: INFO
";

fn load(text: &str) -> (Collector, LoadResult) {
    let mut c = Collector::new("syscall");
    let r = c.load("rules.yaml", text);
    (c, r)
}

fn load_ok(text: &str) -> Collector {
    let (c, r) = load(text);
    assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    c
}

fn messages(r: &LoadResult) -> Vec<&str> {
    r.errors
        .iter()
        .chain(&r.warnings)
        .map(|d| d.message.as_str())
        .collect()
}

#[test]
fn list_override_append_adds_items_at_the_end() {
    let c = load_ok(
        "
- list: shell_binaries
  items: [ash, bash]
- list: shell_binaries
  items: [pwsh]
  override:
    items: append
",
    );
    assert_eq!(
        c.list("shell_binaries").unwrap().items,
        ["ash", "bash", "pwsh"]
    );
}

#[test]
fn list_redefinition_replaces_items_and_keeps_its_position() {
    let c = load_ok(
        "
- list: a
  items: [x]
- list: b
  items: [y]
- list: a
  items: [z]
",
    );
    let names: Vec<&str> = c.lists().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    let a = c.list("a").unwrap();
    assert_eq!(a.items, ["z"]);
    assert_eq!((a.index, a.visibility), (0, 2));
}

#[test]
fn list_override_replace_defines_when_nothing_exists() {
    let c = load_ok(
        "
- list: dev_creation_binaries
  items: [\"csi-provisioner\", \"csi-attacher\"]
  override:
    items: replace
- list: dev_creation_binaries
  items: [blkid]
",
    );
    assert_eq!(c.list("dev_creation_binaries").unwrap().items, ["blkid"]);
}

#[test]
fn list_items_keep_numbers_and_quotes_as_written() {
    let c =
        load_ok("- list: l\n  items: [1.50, 010, 0x10, \"escaped val\", '\"10.0.0.0/8\"', yes]\n");
    assert_eq!(
        c.list("l").unwrap().items,
        [
            "1.50",
            "010",
            "0x10",
            "escaped val",
            "\"10.0.0.0/8\"",
            "yes"
        ]
    );
}

#[test]
fn empty_list_is_allowed() {
    let c = load_ok("- list: l\n  items: []\n");
    assert!(c.list("l").unwrap().items.is_empty());
}

#[test]
fn macro_append_concatenates_condition_text() {
    let c = load_ok(
        "
- macro: open_simple
  condition: evt.type in (open,openat)
- macro: open_simple
  condition: or evt.type = openat2
  override:
    condition: append
",
    );
    assert_eq!(
        c.macro_info("open_simple").unwrap().condition.as_str(),
        "evt.type in (open,openat) or evt.type = openat2"
    );
}

#[test]
fn macro_override_replace_before_definition_defines_it() {
    let c = load_ok(
        "
- macro: open_simple
  condition: or evt.type = openat2
  override:
    condition: replace
- macro: open_simple
  condition: evt.type in (open,openat)
",
    );
    let m = c.macro_info("open_simple").unwrap();
    assert_eq!(m.condition.as_str(), "evt.type in (open,openat)");
    assert_eq!((m.index, m.visibility), (0, 1));
}

#[test]
fn deprecated_macro_append_warns_and_appends() {
    let (c, r) = load(
        "
- macro: m
  condition: a = 1
- macro: m
  condition: or b = 2
  append: true
",
    );
    assert!(r.successful());
    assert_eq!(messages(&r), ["'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."]);
    assert_eq!(
        c.macro_info("m").unwrap().condition.as_str(),
        "a = 1 or b = 2"
    );
}

#[test]
fn rule_override_append_joins_condition_output_and_desc_with_a_space() {
    let c = load_ok(&format!(
        "{BASE_RULE}
- rule: legit_rule
  desc: with append
  condition: and proc.name = cat
  output: proc=%proc.name
  override:
    desc: append
    condition: append
    output: append
"
    ));
    let r = c.rule("legit_rule").unwrap();
    assert_eq!(r.condition.as_str(), "evt.type=open and proc.name = cat");
    assert_eq!(
        r.output.as_str(),
        "user=%user.name command=%proc.cmdline file=%fd.name proc=%proc.name"
    );
    assert_eq!(r.desc, "legit rule description with append");
}

#[test]
fn rule_deprecated_append_only_uses_condition_and_exceptions() {
    let (c, r) = load(&format!(
        "{BASE_RULE}  enabled: false
- rule: legit_rule
  condition: and proc.name = cat
  output: ignored
  enabled: true
  append: true
"
    ));
    assert!(r.successful(), "{}", r.render());
    let rule = c.rule("legit_rule").unwrap();
    assert_eq!(rule.condition.as_str(), "evt.type=open and proc.name = cat");
    assert_eq!(
        rule.output.as_str(),
        "user=%user.name command=%proc.cmdline file=%fd.name"
    );
    assert!(!rule.enabled, "enabled is ignored by append");
}

#[test]
fn rule_override_replace_and_append_in_one_item() {
    let c = load_ok(&format!(
        "{BASE_RULE}
- rule: legit_rule
  desc: a replaced legit description
  condition: and proc.name = cat
  priority: WARNING
  override:
    desc: replace
    condition: append
    priority: replace
"
    ));
    let r = c.rule("legit_rule").unwrap();
    assert_eq!(r.condition.as_str(), "evt.type=open and proc.name = cat");
    assert_eq!(r.desc, "a replaced legit description");
    assert_eq!(r.priority, Priority::Warning);
    assert_eq!(r.priority.to_string(), "Warning");
}

#[test]
fn rule_override_replace_of_every_replaceable_key() {
    let c = load_ok(&format!(
        "{BASE_RULE}  tags: [filesystem]
- rule: legit_rule
  tags: [network]
  enabled: false
  capture: true
  capture_duration: 15000
  warn_evttypes: false
  skip-if-unknown-filter: true
  override:
    tags: replace
    enabled: replace
    capture: replace
    capture_duration: replace
    warn_evttypes: replace
    skip-if-unknown-filter: replace
"
    ));
    let r = c.rule("legit_rule").unwrap();
    assert_eq!(r.tags.iter().collect::<Vec<_>>(), ["network"]);
    assert!(!r.enabled && r.capture && !r.warn_evttypes && r.skip_if_unknown_filter);
    assert_eq!(r.capture_duration, 15000);
}

#[test]
fn rule_override_append_of_tags_is_a_set_union() {
    let c = load_ok(&format!(
        "{BASE_RULE}  tags: [b, a]
- rule: legit_rule
  tags: [c, a]
  override:
    tags: append
"
    ));
    let tags: Vec<&String> = c.rule("legit_rule").unwrap().tags.iter().collect();
    assert_eq!(tags, ["a", "b", "c"]);
}

#[test]
fn redefining_a_rule_replaces_everything_but_keeps_its_position() {
    let c = load_ok(
        "
- rule: first
  desc: d
  condition: evt.type = close
  output: o
  priority: INFO
  enabled: false
- rule: second
  desc: d
  condition: evt.type = open
  output: o
  priority: INFO
- rule: first
  desc: redefined
  condition: proc.name = cat
  output: o2
  priority: WARNING
",
    );
    let names: Vec<&str> = c.rules().iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["first", "second"]);
    let r = c.rule("first").unwrap();
    assert_eq!(r.condition.as_str(), "proc.name = cat");
    assert!(r.enabled, "a redefinition resets enabled to its default");
    assert_eq!((r.index, r.visibility), (0, 2));
}

#[test]
fn standalone_enabled_sets_the_flag_with_a_deprecation_warning() {
    let (c, r) = load(&format!(
        "{BASE_RULE}\n- rule: legit_rule\n  enabled: false\n"
    ));
    assert!(r.successful());
    assert_eq!(r.warnings.len(), 1);
    assert!(r.warnings[0]
        .message
        .starts_with("The standalone 'enabled' key usage is deprecated."));
    let rule = c.rule("legit_rule").unwrap();
    assert!(!rule.enabled);
    assert_eq!(rule.visibility, 0, "enabling takes no id");
}

/// Falco builds this message as `"An " + type`, hence "An replace".
#[test]
fn override_enabled_replace_needs_the_enabled_key() {
    let (_, r) = load(&format!(
        "{BASE_RULE}
- rule: legit_rule
  desc: missing enabled key
  condition: and proc.name = cat
  override:
    desc: replace
    condition: append
    enabled: replace
"
    ));
    assert_eq!(
        messages(&r),
        ["An replace override for 'enabled' was specified but 'enabled' is not defined"]
    );
}

#[test]
fn override_replace_of_exceptions_requires_fields() {
    let (_, r) = load(&format!(
        "{BASE_RULE}  exceptions:
    - name: test_exception
      fields: proc.name
      comps: in
      values: [cat]
- rule: legit_rule
  exceptions:
    - name: test_exception
      values: [echo]
  override:
    exceptions: append
- rule: legit_rule
  exceptions:
    - name: test_exception
      values: [id]
  override:
    exceptions: replace
"
    ));
    assert_eq!(messages(&r), ["Item has no mapping for key 'fields'"]);
}

#[test]
fn appended_exception_values_join_the_existing_exception() {
    let c = load_ok(&format!(
        "{BASE_RULE}  exceptions:
    - name: known
      fields: proc.name
      values: [cat]
- rule: legit_rule
  exceptions:
    - name: known
      values: [dog]
  override:
    exceptions: append
"
    ));
    let ex = &c.rule("legit_rule").unwrap().exceptions[0];
    assert_eq!(
        ex.comps,
        ExceptionEntry::Value("in".into()),
        "single-field default"
    );
    assert_eq!(
        ex.values,
        [
            ExceptionEntry::Value("cat".into()),
            ExceptionEntry::Value("dog".into())
        ]
    );
}

#[test]
fn replaced_exceptions_get_no_default_comps() {
    let c = load_ok(&format!(
        "{BASE_RULE}
- rule: legit_rule
  exceptions:
    - name: ex
      fields: [proc.name]
      values: [[cat]]
  override:
    exceptions: replace
"
    ));
    let ex = &c.rule("legit_rule").unwrap().exceptions[0];
    assert_eq!(
        ex.comps,
        ExceptionEntry::none(),
        "Falco quirk: not validated"
    );
}

#[test]
fn empty_source_on_an_append_is_accepted() {
    for source in ["source:", "source: \"\""] {
        let (c, r) = load(&format!(
            "{BASE_RULE}  source: syscall
- rule: legit_rule
  condition: and proc.name=apache
  {source}
  append: true
"
        ));
        assert!(r.successful(), "{source}: {}", r.render());
        assert_eq!(
            c.rule("legit_rule").unwrap().condition.as_str(),
            "evt.type=open and proc.name=apache"
        );
    }
}

#[test]
fn unknown_source_rules_are_kept_marked_and_can_be_appended() {
    let (c, r) = load(
        "
- rule: audit
  desc: d
  condition: ka.verb = GET
  output: o
  priority: INFO
  source: k8s_audit
- rule: audit
  condition: and ka.user.name = bob
  override:
    condition: append
",
    );
    assert!(r.successful(), "{}", r.render());
    assert_eq!(messages(&r), ["Unknown source k8s_audit, skipping"]);
    let rule = c.rule("audit").unwrap();
    assert!(rule.unknown_source);
    assert_eq!(
        rule.condition.as_str(),
        "ka.verb = GET and ka.user.name = bob"
    );
}

#[test]
fn rule_keys_take_their_defaults() {
    let c = load_ok(BASE_RULE);
    let r = c.rule("legit_rule").unwrap();
    assert_eq!(r.source, "syscall");
    assert!(r.enabled && r.warn_evttypes && !r.skip_if_unknown_filter && !r.capture);
    assert_eq!(r.capture_duration, 0);
    assert!(r.tags.is_empty() && r.exceptions.is_empty());
    assert_eq!(r.priority, Priority::Informational);
}

#[test]
fn output_is_trimmed_on_definition() {
    let c =
        load_ok("- rule: r\n  desc: d\n  condition: c\n  output: >\n    a b\n\n  priority: INFO\n");
    assert_eq!(c.rule("r").unwrap().output.as_str(), "a b");
}

#[test]
fn an_item_is_a_list_when_list_comes_first_in_key_order() {
    let (c, r) = load("- rule: r\n  list: l\n  items: [a]\n");
    assert!(c.list("l").is_some() && c.rule("r").is_none());
    assert_eq!(
        messages(&r),
        ["Unknown key 'rule'. The key will be ignored."]
    );
}

#[test]
fn required_engine_version_as_integer_means_minor_version() {
    let c = load_ok("- required_engine_version: 26\n");
    assert_eq!(c.required_engine_version(), Some(Version::new(0, 26, 0)));
}

#[test]
fn several_files_share_ids_and_later_files_patch_earlier_ones() {
    let mut c = Collector::new("syscall");
    let r1 = c.load(
        "one.yaml",
        "- required_engine_version: 0.26.0\n- list: l\n  items: [a]\n- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n  priority: INFO\n",
    );
    let r2 = c.load(
        "two.yaml",
        "- required_engine_version: 0.57.0\n- list: l\n  items: [b]\n  override:\n    items: append\n- rule: r\n  condition: and proc.name = cat\n  override:\n    condition: append\n- list: m\n  items: [c]\n",
    );
    assert!(
        r1.successful() && r2.successful(),
        "{}{}",
        r1.render(),
        r2.render()
    );
    assert_eq!(c.required_engine_version(), Some(Version::new(0, 57, 0)));
    let l = c.list("l").unwrap();
    assert_eq!(l.items, ["a", "b"]);
    assert_eq!((l.index, l.visibility), (0, 2));
    assert_eq!(c.list("m").unwrap().index, 4);
    // The appended condition maps into both files.
    let r = c.rule("r").unwrap();
    let (f, m) = r.condition.position_of(0).unwrap();
    assert_eq!((f.name(), m.line, m.col), ("one.yaml", 6, 14));
    let off = r.condition.as_str().find("proc.name").unwrap();
    let (f, m) = r.condition.position_of(off).unwrap();
    assert_eq!((f.name(), m.line, m.col), ("two.yaml", 7, 18));
}

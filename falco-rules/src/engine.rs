//! The engine: rules files in, alerts out.
//!
//! An [`Engine`] holds the registered event sources (each described by a
//! [`SourceDescriptor`]), the collected rules (see [`crate::rules`]) and,
//! after every successful load, an immutable [`Ruleset`]: each rule compiled
//! against its own source's schema to a [`Program`], its output format
//! compiled, and per source an index from event type to the rules that can
//! match it. A load runs the stages over everything collected so far:
//! collection ([`crate::rules`]), resolution ([`ResolvedRuleset`]: lists,
//! macros, exceptions), then compilation here (fields, event types,
//! `required_plugin_versions`, the unused-macro and unused-list warnings).
//!
//! A rule whose `source:` is not registered is a load error, unless the
//! source was disabled ([`EngineBuilder::disable_source`]) or the engine
//! follows Falco's lenient policy ([`UnknownSources::Skip`]): then it is
//! Falco's warning `LOAD_UNKNOWN_SOURCE` "Unknown source X, skipping".
//!
//! Unlike Falco, a load does not stop at the first error: every error of every
//! rule is reported. A load with errors leaves the previous ruleset in place.
//!
//! ```
//! use falco_rules::{Engine, Event, Field, FieldError, FieldExtractor, FieldSchema, FieldType};
//! use falco_rules::{Scratch, SimpleSource, Values};
//!
//! struct Schema;
//! impl FieldSchema for Schema {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "proc.name" => Ok(Field::new(0, FieldType::String)),
//!             "fd.name" => Ok(Field::new(1, FieldType::String)),
//!             _ => Err(FieldError::Unknown(name.into())),
//!         }
//!     }
//! }
//! struct Ev(&'static str, &'static str);
//! impl FieldExtractor for Ev {
//!     fn extract(&self, f: &Field, out: &mut Values) -> bool {
//!         out.push_str(if f.id == 0 { self.0 } else { self.1 });
//!         true
//!     }
//! }
//! impl Event for Ev {
//!     fn source(&self) -> &str { "files" }
//! }
//!
//! let mut engine = Engine::builder().source(SimpleSource::new("files", Schema)).build();
//! let result = engine.load_str("rules.yaml", r#"
//! - list: readers
//!   items: [cat, less]
//! - macro: sensitive
//!   condition: fd.name in (/etc/shadow, /etc/sudoers)
//! - rule: Shadow read
//!   desc: a reader opened a sensitive file
//!   condition: sensitive and proc.name in (readers)
//!   output: "Sensitive file read (proc=%proc.name file=%fd.name)"
//!   priority: WARNING
//! "#);
//! assert!(result.successful(), "{}", result.verbose());
//!
//! let mut scratch = Scratch::new();
//! let ruleset = engine.ruleset();
//! let event = Ev("cat", "/etc/shadow");
//! let hits: Vec<_> = ruleset.matches(&event, &mut scratch).collect();
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].output.render(&event),
//!            "Sensitive file read (proc=cat file=/etc/shadow)");
//!
//! // A rule for a source the engine does not know is an error.
//! let result = engine.load_str("more.yaml", "- rule: x\n  desc: d\n  condition: a.b = 1\n  output: o\n  priority: INFO\n  source: audit\n");
//! assert!(result.errors[0].message.starts_with("Unknown source audit"));
//! ```

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::ast::Pos;
use crate::compile::{Compiler, Program, Scratch};
use crate::error::{ErrorKind, Warning};
use crate::evttype::{event_set, EventSet};
use crate::output::OutputFormat;
use crate::parser::parse_condition;
use crate::resolve::{FailedAt, ResolvedRule, ResolvedRuleset, RuleFailure};
use crate::rules::{
    check_plugin_requirements, Collector, Context, Diagnostic, ErrorCode, LoadResult, Priority,
    RuleInfo, SourceCatalog, WarningCode,
};
use crate::source::{Event, SourceDescriptor, TimeFields};

/// Falco's deprecated output placeholder, removed from outputs with a
/// `LOAD_DEPRECATED_ITEM` warning ([`CONTAINER_INFO_DEPRECATED`]).
pub const CONTAINER_INFO: &str = "%container.info";

/// Falco 0.44's warning for [`CONTAINER_INFO`] in a rule's output.
pub const CONTAINER_INFO_DEPRECATED: &str = "%container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message.";

/// Whether to stop at the first matching rule (Falco's default) or report all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleMatching {
    /// Only the first matching rule, in rule order, alerts.
    #[default]
    First,
    /// Every matching rule alerts, in rule order.
    All,
}

/// What a load does with a rule whose `source:` names no registered source
/// (and no source disabled with [`EngineBuilder::disable_source`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnknownSources {
    /// The rule is a load error (`LOAD_ERR_VALIDATE`, "Unknown source X"):
    /// a typo in `source:` does not silently drop a rule. The default.
    #[default]
    Error,
    /// Falco's behaviour: the warning `LOAD_UNKNOWN_SOURCE` "Unknown source
    /// X, skipping", and the rule is not compiled. For a daemon that loads
    /// rules files written for sources it may not run.
    Skip,
}

/// One compiled rule.
#[derive(Debug)]
#[non_exhaustive]
pub struct Rule {
    /// The rule name.
    pub name: Arc<str>,
    /// The description.
    pub desc: String,
    /// The priority.
    pub priority: Priority,
    /// The event source the rule is for (its `source:`, or the engine's
    /// default source).
    pub source: Arc<str>,
    /// Tags, sorted.
    pub tags: Arc<[String]>,
    /// Whether the rule is enabled.
    pub enabled: bool,
    /// The compiled condition.
    pub program: Program,
    /// The compiled output format.
    pub output: OutputFormat,
    /// The event types the condition can match (every type when the source
    /// has no event-type numbering).
    pub event_types: EventSet,
    /// The condition after list substitution, exceptions and macros, printed
    /// in Falco's canonical form.
    pub condition_compiled: String,
    /// The output fields of the event time in JSON alerts (from the source).
    pub time_fields: Option<TimeFields>,
    /// `capture`: a match starts a capture (Falco's `capture.mode: rules`).
    pub capture: bool,
    /// `capture_duration` in milliseconds (0: the configured default).
    pub capture_duration: u32,
}

/// The rules of one source, indexed by event type.
#[derive(Debug, Default)]
struct SourceRules {
    name: Arc<str>,
    /// With an event-type numbering: the active rules of each code.
    by_type: Option<Vec<Vec<u32>>>,
    /// The active rules, in rule order.
    active: Vec<u32>,
}

/// An immutable set of compiled rules with a per-source event-type index:
/// cheap to share between threads (`Arc<Ruleset>`), replaced whole on
/// reload. Events of source S only run S's rules.
#[derive(Debug, Default)]
pub struct Ruleset {
    rules: Vec<Rule>,
    sources: Vec<SourceRules>,
    matching: RuleMatching,
}

impl Ruleset {
    /// Every compiled rule (including disabled ones and those below the
    /// priority threshold), in rule order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The indexes of the rules that run (enabled, at or above the minimum
    /// priority), every source's, in rule order.
    pub fn active(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .sources
            .iter()
            .flat_map(|s| s.active.iter().map(|&i| i as usize))
            .collect();
        v.sort_unstable();
        v
    }

    /// The number of rules that run.
    pub fn active_len(&self) -> usize {
        self.sources.iter().map(|s| s.active.len()).sum()
    }

    /// The union of the event types of `source`'s active rules: what a
    /// driver of that source must capture.
    pub fn event_types(&self, source: &str) -> EventSet {
        let Some(s) = self.source_rules(source) else {
            return EventSet::EMPTY;
        };
        s.active.iter().fold(EventSet::EMPTY, |acc, &i| {
            acc.union(&self.rules[i as usize].event_types)
        })
    }

    fn source_rules(&self, source: &str) -> Option<&SourceRules> {
        self.sources.iter().find(|s| &*s.name == source)
    }

    /// The rules that match `event`, in rule order (only the first under
    /// [`RuleMatching::First`]): only the rules of the event's source run,
    /// and of those only the ones whose event-type set holds the event's
    /// type. Rules are evaluated lazily, as the iterator is advanced.
    ///
    /// ```
    /// # use falco_rules::{Engine, Event, Field, FieldError, FieldExtractor, FieldSchema, FieldType, Scratch, SimpleSource, Values};
    /// # struct S;
    /// # impl FieldSchema for S {
    /// #     fn resolve(&self, n: &str, _: Option<&str>) -> Result<Field, FieldError> {
    /// #         if n == "num.value" { Ok(Field::new(0, FieldType::Uint64)) } else { Err(FieldError::Unknown(n.into())) }
    /// #     }
    /// # }
    /// struct Ev(u64);
    /// impl FieldExtractor for Ev {
    ///     fn extract(&self, _: &Field, out: &mut Values) -> bool { out.push_uint(self.0); true }
    /// }
    /// impl Event for Ev {
    ///     fn source(&self) -> &str { "nums" }
    /// }
    /// let mut engine = Engine::builder().source(SimpleSource::new("nums", S)).build();
    /// engine.load_str("r.yaml", "- rule: big\n  desc: d\n  condition: num.value > 10\n  output: o\n  priority: INFO\n").into_result()?;
    /// let mut scratch = Scratch::new();
    /// let names: Vec<&str> = engine.ruleset().matches(&Ev(11), &mut scratch).map(|r| &*r.name).collect();
    /// assert_eq!(names, ["big"]);
    /// assert_eq!(engine.ruleset().matches(&Ev(1), &mut scratch).count(), 0);
    /// # Ok::<(), falco_rules::rules::LoadResult>(())
    /// ```
    pub fn matches<'r, 'e, E: Event + ?Sized>(
        &'r self,
        event: &'e E,
        scratch: &'e mut Scratch,
    ) -> Matches<'r, 'e, E> {
        scratch.next_event();
        let candidates: &[u32] = match self.source_rules(event.source()) {
            None => &[],
            Some(s) => match (&s.by_type, event.event_type()) {
                (Some(by_type), Some(code)) => by_type
                    .get(code as usize)
                    .map(|v| v.as_slice())
                    .unwrap_or(&[]),
                _ => &s.active,
            },
        };
        Matches {
            rules: &self.rules,
            candidates,
            event,
            scratch,
            first: self.matching == RuleMatching::First,
        }
    }
}

/// The rules matching one event, from [`Ruleset::matches`]: borrows the
/// ruleset for `'r` (the rules it yields live that long) and the event and
/// scratch for `'e`.
pub struct Matches<'r, 'e, E: ?Sized> {
    rules: &'r [Rule],
    candidates: &'r [u32],
    event: &'e E,
    scratch: &'e mut Scratch,
    first: bool,
}

impl<'r, E: Event + ?Sized> Iterator for Matches<'r, '_, E> {
    type Item = &'r Rule;

    fn next(&mut self) -> Option<&'r Rule> {
        while let Some((&i, rest)) = self.candidates.split_first() {
            self.candidates = rest;
            let rule = &self.rules[i as usize];
            if rule.program.eval(self.event, self.scratch) {
                if self.first {
                    self.candidates = &[];
                }
                return Some(rule);
            }
        }
        None
    }
}

impl<E: ?Sized> std::fmt::Debug for Matches<'_, '_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matches")
            .field("candidates", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

/// Builds an [`Engine`]: its sources and options. See [`Engine::builder`].
#[derive(Debug, Default)]
pub struct EngineBuilder {
    sources: Vec<Arc<dyn SourceDescriptor>>,
    disabled: Vec<String>,
    default_source: Option<String>,
    unknown: UnknownSources,
    min_priority: Option<Priority>,
    matching: RuleMatching,
}

impl EngineBuilder {
    /// Registers an event source. The first one registered is the default
    /// source of rules without `source:`, unless
    /// [`EngineBuilder::default_source`] says otherwise. A second source of
    /// the same name replaces the first.
    pub fn source(self, source: impl SourceDescriptor + 'static) -> Self {
        self.shared_source(Arc::new(source))
    }

    /// Like [`EngineBuilder::source`] with a shared descriptor.
    pub fn shared_source(mut self, source: Arc<dyn SourceDescriptor>) -> Self {
        self.sources.retain(|s| s.name() != source.name());
        self.sources.push(source);
        self
    }

    /// Disables a source: its rules are skipped with Falco's warning
    /// `LOAD_UNKNOWN_SOURCE` ("Unknown source X, skipping") instead of being
    /// compiled, whether or not the source is registered.
    pub fn disable_source(mut self, name: impl Into<String>) -> Self {
        self.disabled.push(name.into());
        self
    }

    /// The source of rules that have no `source:` (Falco: `syscall`).
    pub fn default_source(mut self, name: impl Into<String>) -> Self {
        self.default_source = Some(name.into());
        self
    }

    /// What to do with rules for a source neither registered nor disabled.
    pub fn unknown_sources(mut self, policy: UnknownSources) -> Self {
        self.unknown = policy;
        self
    }

    /// The minimum priority (Falco's `priority` option): rules less severe
    /// are compiled but do not run. The default runs every priority.
    pub fn min_priority(mut self, p: Priority) -> Self {
        self.min_priority = Some(p);
        self
    }

    /// First match or all matches (Falco's `rule_matching`).
    pub fn rule_matching(mut self, m: RuleMatching) -> Self {
        self.matching = m;
        self
    }

    /// The engine, with no rules loaded yet.
    pub fn build(self) -> Engine {
        let default_source = self
            .default_source
            .or_else(|| self.sources.first().map(|s| s.name().to_string()))
            .unwrap_or_default();
        Engine {
            collector: Collector::new(&default_source),
            sources: self.sources,
            disabled: self.disabled,
            unknown: self.unknown,
            min_priority: self.min_priority.unwrap_or(Priority::Debug),
            matching: self.matching,
            ruleset: Arc::new(Ruleset::default()),
            extra_outputs: Vec::new(),
        }
    }
}

/// The engine: the registered sources, the collected rules, and the current
/// ruleset. Each rule compiles against the schema of its own `source:`.
pub struct Engine {
    sources: Vec<Arc<dyn SourceDescriptor>>,
    disabled: Vec<String>,
    unknown: UnknownSources,
    collector: Collector,
    min_priority: Priority,
    matching: RuleMatching,
    ruleset: Arc<Ruleset>,
    extra_outputs: Vec<ExtraOutput>,
}

/// Text appended to the output of the rules it matches (Falco's
/// `append_output` entries with an `extra_output`, and its
/// `add_extra_output_format`): a rule matches when its source is `source`
/// (or `source` is empty), it has every tag of `tags`, and its name is
/// `rule` (or `rule` is empty). Each matching entry appends a space and
/// `format`, in the order the entries were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraOutput {
    /// The source the rule must be for; empty for any.
    pub source: String,
    /// Tags the rule must all have.
    pub tags: Vec<String>,
    /// The rule's name; empty for any.
    pub rule: String,
    /// The output format text appended (fields as `%name`).
    pub format: String,
}

impl ExtraOutput {
    /// Whether it applies to a rule of `source`, named `name`, with `tags`.
    pub fn matches(&self, source: &str, name: &str, tags: &BTreeSet<String>) -> bool {
        (self.source.is_empty() || self.source == source)
            && self.tags.iter().all(|t| tags.contains(t))
            && (self.rule.is_empty() || self.rule == name)
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field(
                "sources",
                &self.sources.iter().map(|s| s.name()).collect::<Vec<_>>(),
            )
            .field("rules", &self.ruleset.rules.len())
            .field("min_priority", &self.min_priority)
            .finish()
    }
}

/// Lets the collector check rule sources and exception fields.
struct EngineCatalog<'a> {
    sources: &'a [Arc<dyn SourceDescriptor>],
    disabled: &'a [String],
    unknown: UnknownSources,
}

impl EngineCatalog<'_> {
    fn find(&self, source: &str) -> Option<&dyn SourceDescriptor> {
        if self.disabled.iter().any(|d| d == source) {
            return None;
        }
        self.sources
            .iter()
            .find(|s| s.name() == source)
            .map(|s| &**s)
    }
}

impl SourceCatalog for EngineCatalog<'_> {
    fn has_source(&self, source: &str) -> bool {
        self.find(source).is_some()
    }

    fn unknown_source_is_error(&self, source: &str) -> bool {
        self.unknown == UnknownSources::Error && !self.disabled.iter().any(|d| d == source)
    }

    fn is_valid_lhs_field(&self, source: &str, field: &str) -> bool {
        let Some(s) = self.find(source) else {
            return true;
        };
        let Ok(e) = parse_condition(&format!("{field} exists")) else {
            return false;
        };
        Compiler::new(s.schema()).compile(&e).is_ok()
    }
}

impl Engine {
    /// A builder: register sources, set options, then
    /// [`build`](EngineBuilder::build).
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// The registered sources, in registration order.
    pub fn sources(&self) -> impl Iterator<Item = &dyn SourceDescriptor> + '_ {
        self.sources.iter().map(|s| &**s)
    }

    /// Sets the minimum priority (Falco's `priority` option): rules less
    /// severe are not run. Takes effect at the next load.
    pub fn set_min_priority(&mut self, p: Priority) {
        self.min_priority = p;
    }

    /// Sets first-match or all-matches (Falco's `rule_matching`). Takes effect
    /// at the next load.
    pub fn set_rule_matching(&mut self, m: RuleMatching) {
        self.matching = m;
    }

    /// The collected rules, macros and lists.
    pub fn collector(&self) -> &Collector {
        &self.collector
    }

    /// The current ruleset (from the last successful load).
    pub fn ruleset(&self) -> &Arc<Ruleset> {
        &self.ruleset
    }

    /// Appends `extra` to the outputs of the rules it matches (Falco's
    /// `append_output`). Takes effect at the next load.
    pub fn add_extra_output(&mut self, extra: ExtraOutput) {
        self.extra_outputs.push(extra);
    }

    /// Enables (or disables) every loaded rule for which `select` is true,
    /// after loading, as Falco's `enable_rule_wildcard` and
    /// `enable_rule_by_tag` do for its `rules:` configuration; returns how
    /// many rules `select` chose. The active rules and the event-type index
    /// are recomputed; the priority threshold still applies.
    ///
    /// `None` (and nothing changes) when the ruleset is shared: a clone of
    /// [`Engine::ruleset`] is alive. Select before handing the ruleset out.
    pub fn set_enabled(&mut self, select: impl Fn(&Rule) -> bool, enabled: bool) -> Option<usize> {
        let mut rules = std::mem::take(&mut Arc::get_mut(&mut self.ruleset)?.rules);
        let mut n = 0;
        for r in rules.iter_mut().filter(|r| select(r)) {
            r.enabled = enabled;
            n += 1;
        }
        self.ruleset = Arc::new(self.build_ruleset(rules));
        Some(n)
    }

    fn catalog(&self) -> EngineCatalog<'_> {
        EngineCatalog {
            sources: &self.sources,
            disabled: &self.disabled,
            unknown: self.unknown,
        }
    }

    /// Loads rules from a string named `name` (used in diagnostics).
    pub fn load_str(&mut self, name: &str, content: &str) -> LoadResult {
        let catalog = EngineCatalog {
            sources: &self.sources,
            disabled: &self.disabled,
            unknown: self.unknown,
        };
        let mut result = self.collector.load_with(name, content, &catalog);
        self.compile_all(&mut result);
        result.sort_errors(self.collector.files());
        result
    }

    /// Loads a rules file.
    pub fn load_file(&mut self, path: &Path) -> LoadResult {
        let catalog = EngineCatalog {
            sources: &self.sources,
            disabled: &self.disabled,
            unknown: self.unknown,
        };
        let mut result = self.collector.load_path(path, &catalog);
        self.compile_all(&mut result);
        result.sort_errors(self.collector.files());
        result
    }

    /// Resolves and compiles everything collected so far, adding diagnostics
    /// to `result`; replaces the ruleset if the whole load succeeded.
    fn compile_all(&mut self, result: &mut LoadResult) {
        let mut resolved = ResolvedRuleset::resolve_deferred(&self.collector, result);
        let mut failures = resolved.take_failures().into_iter().peekable();
        let catalog = self.catalog();
        let mut compilers: Vec<Compiler<'_>> = self
            .sources
            .iter()
            .map(|s| {
                let mut c = Compiler::new(s.schema());
                // Cheapest decisive checks first: same results, less work.
                c.set_cost_order(true);
                c
            })
            .collect();
        let mut compiled = Vec::new();
        let mut ok = resolved.rules().iter().peekable();
        // In rule order, with Falco's order within a rule: exceptions, the
        // output, then the condition.
        for (index, info) in self.collector.rules().iter().enumerate() {
            let failure = failures.next_if(|f| f.index == index);
            let rule = ok.next_if(|r| r.index == index);
            let Some(si) = self
                .sources
                .iter()
                .position(|s| s.name() == info.source)
                .filter(|_| !info.unknown_source && catalog.has_source(&info.source))
            else {
                continue;
            };
            let source = &*self.sources[si];
            if let Some(RuleFailure {
                at: FailedAt::Exceptions,
                diagnostic,
                ..
            }) = failure
            {
                result.extend(diagnostic);
                continue;
            }
            let output = compile_output(info, source, &self.extra_outputs, result);
            if let Some(f) = failure {
                result.extend(f.diagnostic);
                continue;
            }
            // A bad output does not hide the condition's errors: the
            // condition is compiled either way.
            let Some(rule) = rule else {
                continue;
            };
            if let Some(c) =
                compile_rule(&resolved, rule, output, source, &mut compilers[si], result)
            {
                compiled.push(c);
            }
        }
        if !result.successful() {
            return;
        }
        self.check_plugins(result);
        if !result.successful() {
            return;
        }
        resolved.warn_unused(result);
        self.ruleset = Arc::new(self.build_ruleset(compiled));
    }

    /// `required_plugin_versions`, checked against the plugins the enabled
    /// sources satisfy, with Falco's messages.
    fn check_plugins(&self, result: &mut LoadResult) {
        let catalog = self.catalog();
        let provided: Vec<(&str, &str)> = self
            .sources
            .iter()
            .filter(|s| catalog.has_source(s.name()))
            .flat_map(|s| s.plugins().iter())
            .map(|p| (p.name.as_str(), p.version.as_str()))
            .collect();
        for req in self.collector.required_plugin_versions() {
            if let Err(message) = check_plugin_requirements(std::slice::from_ref(req), &provided) {
                result.push(plugin_diagnostic(&self.collector, &req.context, message));
            }
        }
    }

    fn build_ruleset(&self, rules: Vec<Rule>) -> Ruleset {
        let mut sources: Vec<SourceRules> = self
            .sources
            .iter()
            .map(|s| SourceRules {
                name: s.name().into(),
                by_type: s.event_types().map(|t| vec![Vec::new(); t.num_codes()]),
                active: Vec::new(),
            })
            .collect();
        for (i, r) in rules.iter().enumerate() {
            if !r.enabled || r.priority > self.min_priority {
                continue;
            }
            let Some(s) = sources.iter_mut().find(|s| s.name == r.source) else {
                continue;
            };
            s.active.push(i as u32);
            if let Some(by_type) = &mut s.by_type {
                for code in r.event_types.iter() {
                    if let Some(v) = by_type.get_mut(code as usize) {
                        v.push(i as u32);
                    }
                }
            }
        }
        Ruleset {
            rules,
            sources,
            matching: self.matching,
        }
    }
}

/// A diagnostic for a failed plugin requirement, at its item.
fn plugin_diagnostic(collector: &Collector, ctx: &Context, message: String) -> Diagnostic {
    match collector.file(ctx.file()) {
        Some(file) => Diagnostic::new(ErrorCode::Validate, message, ctx.clone(), file),
        None => Diagnostic::new(
            ErrorCode::Validate,
            message,
            ctx.clone(),
            &crate::rules::SourceFile::new(ctx.file(), ""),
        ),
    }
}

/// Compiles a rule's output format against its source; an error is added to
/// `result`.
fn compile_output(
    info: &RuleInfo,
    source: &dyn SourceDescriptor,
    extra_outputs: &[ExtraOutput],
    result: &mut LoadResult,
) -> Option<OutputFormat> {
    // Falco appends the matching extra outputs first, then removes
    // `%container.info`.
    let mut full = info.output.as_str().to_string();
    for e in extra_outputs
        .iter()
        .filter(|e| e.matches(&info.source, &info.name, &info.tags))
    {
        full.push(' ');
        full.push_str(&e.format);
    }
    // `%container.info` is Falco's deprecated output magic: Falco 0.44 warns
    // and removes it (the container fields come from elsewhere now), for
    // every source, and so do we.
    let text = full.as_str();
    let removed: Vec<usize> = text
        .match_indices(CONTAINER_INFO)
        .map(|(at, _)| at)
        .collect();
    let output_text = if removed.is_empty() {
        Cow::Borrowed(text)
    } else {
        result.push(Diagnostic::new(
            WarningCode::DeprecatedItem,
            CONTAINER_INFO_DEPRECATED,
            info.context.clone(),
            &info.file,
        ));
        Cow::Owned(text.replace(CONTAINER_INFO, ""))
    };
    match OutputFormat::compile(&output_text, source.schema()) {
        Ok(o) => Some(o),
        Err(_) => {
            // Every bad `%field`, not only the first.
            for e in OutputFormat::errors(&output_text, source.schema()) {
                let code = compile_error_code(&e, info, ErrorCode::CompileOutput);
                // Back to an offset in the text as written.
                let mut off = e.pos().offset;
                for at in &removed {
                    if *at <= off {
                        off += CONTAINER_INFO.len();
                    }
                }
                // An error in an appended format points at the output's end.
                let off = off.min(info.output.as_str().len());
                let d =
                    Diagnostic::in_text(code, e.message(), &info.output_context, &info.output, off);
                result.push(explain_field(&e, source, d));
            }
            None
        }
    }
}

/// Compiles one resolved rule against its source: the warnings of Falco's
/// visitor, the condition, and its event-type set. Without an `output` (it
/// failed to compile) the condition is still compiled, for its errors.
fn compile_rule(
    resolved: &ResolvedRuleset<'_>,
    rule: &ResolvedRule,
    output: Option<OutputFormat>,
    source: &dyn SourceDescriptor,
    compiler: &mut Compiler<'_>,
    result: &mut LoadResult,
) -> Option<Rule> {
    let info = resolved.info(rule);
    let expr = &rule.expr;
    warn_deprecated_and_unsafe(resolved, rule, source, result);

    let program = match compiler.compile(expr) {
        Ok(p) => p,
        Err(e) => {
            let code = compile_error_code(&e, info, ErrorCode::CompileCondition);
            let d = resolved.diagnostic_at(code, e.message(), e.pos(), rule);
            result.push(explain_field(&e, source, d));
            return None;
        }
    };
    for Warning { message, pos } in compiler.take_warnings() {
        result.push(resolved.diagnostic_at(WarningCode::CompileCondition, &message, pos, rule));
    }

    let event_types = match source.event_types() {
        Some(types) => match event_set(expr, types) {
            Ok(s) => {
                let too_many = source
                    .event_type_warning_threshold()
                    .is_some_and(|n| s.len() > n);
                if too_many && info.warn_evttypes {
                    result.push(Diagnostic::new(
                        WarningCode::NoEvttype,
                        "Rule matches too many evt.type values. This has a significant performance penalty.",
                        info.context.clone(),
                        &info.file,
                    ));
                }
                s
            }
            Err(e) => {
                result.push(resolved.diagnostic_at(
                    ErrorCode::CompileCondition,
                    e.message(),
                    e.pos(),
                    rule,
                ));
                return None;
            }
        },
        None => EventSet::all(crate::evttype::MAX_EVENT_CODES),
    };
    let output = output?;
    Some(Rule {
        name: info.name.as_str().into(),
        desc: info.desc.clone(),
        priority: info.priority,
        source: info.source.as_str().into(),
        tags: info.tags.iter().cloned().collect::<Vec<_>>().into(),
        enabled: info.enabled,
        program,
        output,
        event_types,
        condition_compiled: expr.to_string(),
        time_fields: source.time_fields().cloned(),
        capture: info.capture,
        capture_duration: info.capture_duration,
    })
}

/// Falco's warning visitor: the source's deprecated fields in the condition
/// and the output (`LOAD_DEPRECATED_ITEM`), and fields the source calls
/// unsafe compared with the literal `<NA>` (`LOAD_UNSAFE_NA_CHECK`).
fn warn_deprecated_and_unsafe(
    resolved: &ResolvedRuleset<'_>,
    rule: &ResolvedRule,
    source: &dyn SourceDescriptor,
    result: &mut LoadResult,
) {
    use crate::ast::{Check, Operand, Operator, Rhs, Visitor};
    struct V<'a> {
        source: &'a dyn SourceDescriptor,
        deprecated: Vec<(usize, Pos)>,
        unsafe_na: Option<Pos>,
    }
    impl Visitor for V<'_> {
        fn visit_check(&mut self, c: &Check) {
            if let Operand::Field(f) = &c.lhs {
                let list = self.source.deprecated_fields();
                if let Some(d) = list.iter().position(|d| d.name == f.name) {
                    if !self.deprecated.iter().any(|(n, _)| *n == d) {
                        self.deprecated.push((d, f.pos));
                    }
                }
                let equality = matches!(
                    c.op,
                    Operator::Eq
                        | Operator::EqEq
                        | Operator::Ne
                        | Operator::In
                        | Operator::Intersects
                        | Operator::Pmatch
                );
                let na = match &c.rhs {
                    Rhs::Value(v) => v.text == "<NA>",
                    Rhs::List(vs) => vs.iter().any(|v| v.text == "<NA>"),
                    _ => false,
                };
                if equality
                    && na
                    && self.unsafe_na.is_none()
                    && self.source.is_unsafe_na_field(&f.name)
                {
                    self.unsafe_na = Some(f.pos);
                }
            }
        }
    }
    let info = resolved.info(rule);
    let mut v = V {
        source,
        deprecated: Vec::new(),
        unsafe_na: None,
    };
    v.visit_expr(&rule.expr);
    if let Some(pos) = v.unsafe_na {
        result.push(resolved.diagnostic_at(WarningCode::UnsafeNaCheck, "", pos, rule));
    }
    let list = source.deprecated_fields();
    let mut deprecated = v.deprecated;
    deprecated.sort_by_key(|(n, _)| *n);
    for (i, pos) in deprecated {
        let mut d =
            resolved.diagnostic_at(WarningCode::DeprecatedItem, &list[i].message, pos, rule);
        d.deprecated_field = Some(list[i].name.clone());
        result.push(d);
    }
    for field in list {
        let name = &field.name;
        if info.output.as_str().contains(name.as_str()) {
            let mut d = Diagnostic::new(
                WarningCode::DeprecatedItem,
                format!("usage of deprecated field '{name}' has been detected in the rule output"),
                info.output_context.clone(),
                &info.file,
            );
            d.deprecated_field = Some(name.clone());
            result.push(d);
        }
    }
}

/// Adds our wording to an unknown-field diagnostic: the rule's source and
/// the nearest field it offers.
fn explain_field(
    e: &crate::error::Error,
    source: &dyn SourceDescriptor,
    d: Diagnostic,
) -> Diagnostic {
    match e.subject() {
        Some(name) if e.kind() == ErrorKind::UnknownField => d.with_detail(
            crate::rules::suggest::unknown_field(name, source.name(), source.schema()),
        ),
        _ => d,
    }
}

/// The code of an error found compiling a rule's output or condition: an
/// unknown field is only a `LOAD_UNKNOWN_FILTER` warning (the rule is
/// skipped) under `skip-if-unknown-filter`; an undefined macro is a
/// validation error; anything else is `default`.
fn compile_error_code(
    e: &crate::error::Error,
    rule: &RuleInfo,
    default: ErrorCode,
) -> crate::rules::Code {
    match e.kind() {
        ErrorKind::UnknownField if rule.skip_if_unknown_filter => WarningCode::UnknownFilter.into(),
        ErrorKind::UndefinedMacro => ErrorCode::Validate.into(),
        _ => default.into(),
    }
}

/// The tags of a set of rules, for listing.
pub fn all_tags(rules: &[Rule]) -> BTreeSet<&str> {
    rules
        .iter()
        .flat_map(|r| r.tags.iter().map(String::as_str))
        .collect()
}

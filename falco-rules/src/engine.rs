//! The engine: rules files in, alerts out.
//!
//! An [`Engine`] owns the collected rules (see [`crate::rules`]) and, after
//! every successful load, an immutable [`Ruleset`]: each rule compiled to a
//! [`Program`], its output format compiled, and an index from event type to
//! the rules that can match it. Loading runs Falco's whole pipeline over
//! everything collected so far: list expansion and substitution, parsing,
//! macro expansion with Falco's visibility rules, exceptions, compilation,
//! event-type analysis, and the unused-macro and unused-list warnings.
//!
//! Unlike Falco, a load does not stop at the first error: every error of every
//! rule is reported. A load with errors leaves the previous ruleset in place.
//!
//! ```
//! use std::sync::Arc;
//! use falco_rules::engine::Engine;
//! use falco_rules::field::{Field, FieldError, FieldExtractor, FieldSchema, FieldType, Values};
//! use falco_rules::Scratch;
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
//!
//! let mut engine = Engine::new(Arc::new(Schema), None);
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
//! let hits = engine.ruleset().matching(None, &Ev("cat", "/etc/shadow"), &mut scratch);
//! assert_eq!(hits.len(), 1);
//! let rule = &engine.ruleset().rules()[hits[0]];
//! assert_eq!(rule.output.render(&Ev("cat", "/etc/shadow")),
//!            "Sensitive file read (proc=cat file=/etc/shadow)");
//! ```

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use smallvec::SmallVec;

use crate::ast::{Expr, Pos};
use crate::compile::{Compiler, Program, Scratch};
use crate::error::{ErrorKind, Warning};
use crate::evttype::{event_set, EventSet, EventTypes};
use crate::field::{FieldExtractor, FieldSchema};
use crate::macros::{expand_macros, for_each_pos_mut, MacroRef};
use crate::output::OutputFormat;
use crate::parser::parse_condition;
use crate::rules::{
    expand_lists, substitute_lists_mapped, Collector, Diagnostic, ErrorCode, LoadResult,
    MappedText, Priority, RuleInfo, SourceCatalog, Substitution, WarningCode,
};

/// The fields Falco warns about as deprecated (`LOAD_DEPRECATED_ITEM`), with
/// its explanation: drivers no longer send most enter events.
pub const DEPRECATED_FIELDS: [(&str, &str); 6] = [
    ("evt.dir", "due to the drop of enter events, 'evt.dir = <' always evaluates to true, and 'evt.dir = >' always evaluates to false. The rule expression can be simplified by removing the condition on 'evt.dir'"),
    ("evt.latency", LATENCY_DEPRECATED),
    ("evt.latency.s", LATENCY_DEPRECATED),
    ("evt.latency.ns", LATENCY_DEPRECATED),
    ("evt.latency.human", LATENCY_DEPRECATED),
    ("evt.wait_latency", LATENCY_DEPRECATED),
];

const LATENCY_DEPRECATED: &str = "field is not available due to the drop of enter events.";

/// Falco's deprecated output placeholder, removed from outputs with a
/// `LOAD_DEPRECATED_ITEM` warning ([`CONTAINER_INFO_DEPRECATED`]).
pub const CONTAINER_INFO: &str = "%container.info";

/// Falco 0.44's warning for [`CONTAINER_INFO`] in a rule's output.
pub const CONTAINER_INFO_DEPRECATED: &str = "%container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message.";

/// More event codes than this in a syscall rule's set gives `LOAD_NO_EVTTYPE`.
pub const EVTTYPE_WARNING_THRESHOLD: usize = 100;

/// Positions of nodes that come from a macro body carry the macro's number
/// (plus one) in these high bits of their offset, so errors found after
/// expansion point into the macro's own text.
const TAG_SHIFT: u32 = 40;
const OFFSET_MASK: usize = (1 << TAG_SHIFT) - 1;

/// Whether to stop at the first matching rule (Falco's default) or report all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleMatching {
    /// Only the first matching rule, in rule order, alerts.
    #[default]
    First,
    /// Every matching rule alerts, in rule order.
    All,
}

/// One compiled rule.
#[derive(Debug)]
pub struct CompiledRule {
    /// The rule name.
    pub name: Arc<str>,
    /// The description.
    pub desc: String,
    /// The priority.
    pub priority: Priority,
    /// The event source (`syscall` by default).
    pub source: Arc<str>,
    /// Tags, sorted.
    pub tags: Arc<[String]>,
    /// Whether the rule is enabled.
    pub enabled: bool,
    /// The compiled condition.
    pub program: Program,
    /// The compiled output format.
    pub output: OutputFormat,
    /// The event types the condition can match (every type when the engine
    /// has no event-type table).
    pub event_types: EventSet,
    /// The condition after list substitution, exceptions and macros, printed
    /// in Falco's canonical form.
    pub condition_compiled: String,
}

/// An immutable set of compiled rules with the event-type index: cheap to
/// share between threads (`Arc<Ruleset>`), replaced whole on reload.
#[derive(Debug, Default)]
pub struct Ruleset {
    rules: Vec<CompiledRule>,
    by_type: Vec<SmallVec<[u32; 4]>>,
    active: Vec<u32>,
    matching: RuleMatching,
}

impl Ruleset {
    /// Every compiled rule (including disabled ones and those below the
    /// priority threshold), in rule order.
    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }

    /// The indexes of the rules that run (enabled, at or above the minimum
    /// priority), in rule order.
    pub fn active(&self) -> &[u32] {
        &self.active
    }

    /// The union of the event types of the active rules: what a driver must
    /// capture.
    pub fn event_types(&self) -> EventSet {
        self.active.iter().fold(EventSet::EMPTY, |acc, &i| {
            acc.union(&self.rules[i as usize].event_types)
        })
    }

    /// The rules that match `event`, as indexes into [`Ruleset::rules`], in
    /// rule order (only the first under [`RuleMatching::First`]).
    ///
    /// `event_type` is the event's code: only the rules whose event-type set
    /// holds it run. `None` runs every active rule (sources without event
    /// codes, such as JSON events).
    pub fn matching<X: FieldExtractor + ?Sized>(
        &self,
        event_type: Option<u16>,
        event: &X,
        scratch: &mut Scratch,
    ) -> SmallVec<[usize; 2]> {
        scratch.next_event();
        let mut out = SmallVec::new();
        let candidates: &[u32] = match event_type {
            Some(code) => self
                .by_type
                .get(code as usize)
                .map(|v| v.as_slice())
                .unwrap_or(&[]),
            None => &self.active,
        };
        for &i in candidates {
            let rule = &self.rules[i as usize];
            if rule.program.eval(event, scratch) {
                out.push(i as usize);
                if self.matching == RuleMatching::First {
                    break;
                }
            }
        }
        out
    }
}

/// The engine: collected rules, the schema they compile against, and the
/// current ruleset.
pub struct Engine {
    schema: Arc<dyn FieldSchema + Send + Sync>,
    types: Option<Arc<dyn EventTypes + Send + Sync>>,
    collector: Collector,
    min_priority: Priority,
    matching: RuleMatching,
    ruleset: Arc<Ruleset>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.ruleset.rules.len())
            .field("min_priority", &self.min_priority)
            .finish()
    }
}

/// Lets the collector check exception fields against the schema.
struct SchemaCatalog<'a>(&'a dyn FieldSchema);

impl SourceCatalog for SchemaCatalog<'_> {
    fn has_source(&self, source: &str) -> bool {
        source == "syscall"
    }

    fn is_valid_lhs_field(&self, _source: &str, field: &str) -> bool {
        let Ok(e) = parse_condition(&format!("{field} exists")) else {
            return false;
        };
        Compiler::new(self.0).compile(&e).is_ok()
    }
}

/// Per-macro compile state.
struct MacroState {
    sub: Substitution,
    parsed: Option<Expr>,
    resolved: Option<Expr>,
    failed: bool,
}

impl Engine {
    /// An engine whose rules compile against `schema`. With an event-type
    /// table, rules are indexed by event type and the `LOAD_NO_EVTTYPE`
    /// warning is given; without one, every rule runs on every event.
    pub fn new(
        schema: Arc<dyn FieldSchema + Send + Sync>,
        types: Option<Arc<dyn EventTypes + Send + Sync>>,
    ) -> Engine {
        Engine {
            schema,
            types,
            collector: Collector::new(),
            min_priority: Priority::Debug,
            matching: RuleMatching::First,
            ruleset: Arc::new(Ruleset::default()),
        }
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

    /// Enables (or disables) every loaded rule for which `select` is true,
    /// after loading, as Falco's `enable_rule_wildcard` and
    /// `enable_rule_by_tag` do for its `rules:` configuration; returns how
    /// many rules `select` chose. The active rules and the event-type index
    /// are recomputed; the priority threshold still applies.
    ///
    /// `None` (and nothing changes) when the ruleset is shared: a clone of
    /// [`Engine::ruleset`] is alive. Select before handing the ruleset out.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use falco_rules::engine::Engine;
    /// # use falco_rules::field::{Field, FieldError, FieldSchema, FieldType};
    /// # struct S;
    /// # impl FieldSchema for S {
    /// #     fn resolve(&self, _: &str, _: Option<&str>) -> Result<Field, FieldError> {
    /// #         Ok(Field::new(0, FieldType::String))
    /// #     }
    /// # }
    /// let mut e = Engine::new(Arc::new(S), None);
    /// let r = e.load_str("r.yaml", "- rule: a\n  desc: d\n  condition: proc.name = cat\n  output: o\n  priority: INFO\n  tags: [t]\n");
    /// assert!(r.successful(), "{}", r.render());
    /// assert_eq!(e.set_enabled(|r| r.tags.iter().any(|t| t == "t"), false), Some(1));
    /// assert!(e.ruleset().active().is_empty());
    /// ```
    pub fn set_enabled(
        &mut self,
        select: impl Fn(&CompiledRule) -> bool,
        enabled: bool,
    ) -> Option<usize> {
        let mut rules = std::mem::take(&mut Arc::get_mut(&mut self.ruleset)?.rules);
        let mut n = 0;
        for r in rules.iter_mut().filter(|r| select(r)) {
            r.enabled = enabled;
            n += 1;
        }
        self.ruleset = Arc::new(self.build_ruleset(rules));
        Some(n)
    }

    /// Loads rules from a string named `name` (used in diagnostics).
    pub fn load_str(&mut self, name: &str, content: &str) -> LoadResult {
        let catalog = SchemaCatalog(&*self.schema);
        let mut result = self.collector.load_with(name, content, &catalog);
        self.compile_all(&mut result);
        result
    }

    /// Loads a rules file.
    pub fn load_file(&mut self, path: &Path) -> LoadResult {
        let catalog = SchemaCatalog(&*self.schema);
        let mut result = self.collector.load_path(path, &catalog);
        self.compile_all(&mut result);
        result
    }

    /// Recompiles everything collected so far, adding diagnostics to `result`;
    /// replaces the ruleset if the whole load succeeded.
    fn compile_all(&mut self, result: &mut LoadResult) {
        let schema: &dyn FieldSchema = &*self.schema;
        let collector = &self.collector;
        let lists = expand_lists(collector.lists());
        let mut list_used: Vec<bool> = lists.iter().map(|l| l.used_by_list).collect();

        // Macros: substitute lists, parse, then expand references.
        let macros = collector.macros();
        let by_name: HashMap<&str, usize> = macros
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.as_str(), i))
            .collect();
        let mut states: Vec<MacroState> = Vec::with_capacity(macros.len());
        for (i, m) in macros.iter().enumerate() {
            let sub = substitute_lists_mapped(m.condition.as_str(), &lists);
            sub.used.iter().for_each(|&u| list_used[u] = true);
            let parsed = match parse_condition(&sub.text) {
                Ok(mut e) => {
                    tag(&mut e, i + 1);
                    Some(e)
                }
                Err(e) => {
                    let off = sub.original_offset(e.pos().offset);
                    result.push(Diagnostic::in_text(
                        ErrorCode::CompileCondition,
                        e.message(),
                        &m.condition_context,
                        &m.condition,
                        off,
                    ));
                    None
                }
            };
            states.push(MacroState {
                failed: parsed.is_none(),
                sub,
                parsed,
                resolved: None,
            });
        }
        let mut macro_used = vec![false; macros.len()];
        let mut visiting = vec![false; macros.len()];
        for i in 0..macros.len() {
            self.resolve_macro(
                i,
                &by_name,
                &mut states,
                &mut visiting,
                &mut macro_used,
                result,
            );
        }

        // Rules.
        let mut compiler = Compiler::new(schema);
        let mut compiled = Vec::new();
        for rule in collector.rules() {
            if rule.unknown_source {
                continue;
            }
            if let Some(c) = self.compile_rule(
                rule,
                &mut compiler,
                &lists,
                &mut list_used,
                &by_name,
                &states,
                &mut macro_used,
                result,
            ) {
                compiled.push(c);
            }
        }

        if !result.successful() {
            return;
        }
        for (i, m) in macros.iter().enumerate() {
            if !macro_used[i] {
                result.push(Diagnostic::new(
                    WarningCode::UnusedMacro,
                    "Macro not referred to by any other rule/macro",
                    m.context.clone(),
                    &m.file,
                ));
            }
        }
        for (i, l) in collector.lists().iter().enumerate() {
            if !list_used[i] {
                result.push(Diagnostic::new(
                    WarningCode::UnusedList,
                    "List not referred to by any other rule/macro",
                    l.context.clone(),
                    &l.file,
                ));
            }
        }
        self.ruleset = Arc::new(self.build_ruleset(compiled));
    }

    fn build_ruleset(&self, rules: Vec<CompiledRule>) -> Ruleset {
        let n = self.types.as_ref().map_or(0, |t| t.num_codes());
        let mut by_type: Vec<SmallVec<[u32; 4]>> = vec![SmallVec::new(); n];
        let mut active = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            if !r.enabled || r.priority > self.min_priority {
                continue;
            }
            active.push(i as u32);
            for code in r.event_types.iter() {
                if let Some(v) = by_type.get_mut(code as usize) {
                    v.push(i as u32);
                }
            }
        }
        Ruleset {
            rules,
            by_type,
            active,
            matching: self.matching,
        }
    }

    /// Expands macro `i`'s references (depth first, with loop detection and
    /// Falco's visibility rule: a macro sees the macros first defined before
    /// its own latest definition).
    fn resolve_macro(
        &self,
        i: usize,
        by_name: &HashMap<&str, usize>,
        states: &mut [MacroState],
        visiting: &mut [bool],
        used: &mut [bool],
        result: &mut LoadResult,
    ) -> bool {
        if states[i].resolved.is_some() {
            return true;
        }
        if states[i].failed {
            return false;
        }
        let macros = self.collector.macros();
        let Some(parsed) = states[i].parsed.clone() else {
            return false;
        };
        visiting[i] = true;
        let mut refs = Vec::new();
        collect_macro_refs(&parsed, &mut refs);
        let mut ok = true;
        for (name, _) in &refs {
            if let Some(&j) = by_name.get(name.as_str()) {
                if macros[j].index < macros[i].visibility && !visiting[j] {
                    ok &= self.resolve_macro(j, by_name, states, visiting, used, result);
                }
            }
        }
        visiting[i] = false;
        if !ok {
            states[i].failed = true;
            return false;
        }
        let visibility = macros[i].visibility;
        let snapshot: &[MacroState] = states;
        let expanded = expand_macros(
            &parsed,
            &mut |name| match by_name.get(name) {
                Some(&j) if j == i => MacroRef::Loop,
                Some(&j) if macros[j].index < visibility => match &snapshot[j].resolved {
                    Some(body) => MacroRef::Found(body),
                    None => MacroRef::Loop,
                },
                _ => MacroRef::Undefined,
            },
            &mut |name| {
                if let Some(&j) = by_name.get(name) {
                    used[j] = true;
                }
            },
        );
        match expanded {
            Ok(e) => {
                states[i].resolved = Some(e);
                true
            }
            Err(e) => {
                let m = &macros[i];
                let (text, sub) = text_of_tag(e.pos(), None, states, macros);
                result.push(Diagnostic::in_text(
                    ErrorCode::Validate,
                    e.message(),
                    &m.condition_context,
                    text.unwrap_or(&m.condition),
                    sub.map_or(e.pos().offset & OFFSET_MASK, |s| {
                        s.original_offset(e.pos().offset & OFFSET_MASK)
                    }),
                ));
                states[i].failed = true;
                false
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn compile_rule(
        &self,
        rule: &RuleInfo,
        compiler: &mut Compiler<'_>,
        lists: &[crate::rules::ExpandedList],
        list_used: &mut [bool],
        by_name: &HashMap<&str, usize>,
        states: &[MacroState],
        macro_used: &mut [bool],
        result: &mut LoadResult,
    ) -> Option<CompiledRule> {
        let schema: &dyn FieldSchema = &*self.schema;
        let cond = match rule.condition_with_exceptions() {
            Ok(c) => c,
            Err(d) => {
                result.push(d);
                return None;
            }
        };

        // Output format. `%container.info` is Falco's deprecated output
        // magic: Falco 0.44 warns and removes it (the container fields come
        // from elsewhere now), and so do we.
        let text = rule.output.as_str();
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
                rule.context.clone(),
                &rule.file,
            ));
            Cow::Owned(text.replace(CONTAINER_INFO, ""))
        };
        let output = match OutputFormat::compile(&output_text, schema) {
            Ok(o) => Some(o),
            Err(e) => {
                let code = compile_error_code(&e, rule, ErrorCode::CompileOutput);
                // Back to an offset in the text as written.
                let mut off = e.pos().offset;
                for at in &removed {
                    if *at <= off {
                        off += CONTAINER_INFO.len();
                    }
                }
                result.push(Diagnostic::in_text(
                    code,
                    e.message(),
                    &rule.output_context,
                    &rule.output,
                    off,
                ));
                None
            }
        };

        // Condition: lists, parse, macros.
        let sub = substitute_lists_mapped(cond.as_str(), lists);
        sub.used.iter().for_each(|&u| list_used[u] = true);
        let parsed = match parse_condition(&sub.text) {
            Ok(e) => e,
            Err(e) => {
                result.push(Diagnostic::in_text(
                    ErrorCode::CompileCondition,
                    e.message(),
                    &rule.condition_context,
                    &cond,
                    sub.original_offset(e.pos().offset),
                ));
                return None;
            }
        };
        let mut refs = Vec::new();
        collect_macro_refs(&parsed, &mut refs);
        if refs
            .iter()
            .any(|(n, _)| by_name.get(n.as_str()).is_some_and(|&j| states[j].failed))
        {
            // The macro's own error was reported already.
            return None;
        }
        let expanded = expand_macros(
            &parsed,
            &mut |name| match by_name.get(name) {
                Some(&j) => match &states[j].resolved {
                    Some(body) => MacroRef::Found(body),
                    None => MacroRef::Undefined,
                },
                None => MacroRef::Undefined,
            },
            &mut |name| {
                if let Some(&j) = by_name.get(name) {
                    macro_used[j] = true;
                }
            },
        );
        let expr = match expanded {
            Ok(e) => e,
            Err(e) => {
                result.push(self.diag_at(
                    ErrorCode::Validate.into(),
                    e.message(),
                    e.pos(),
                    rule,
                    &cond,
                    &sub,
                    states,
                ));
                return None;
            }
        };
        let output = output?;
        self.warn_deprecated_and_unsafe(&expr, rule, &cond, &sub, states, result);

        // Compile.
        let program = match compiler.compile(&expr) {
            Ok(p) => p,
            Err(e) => {
                let code = compile_error_code(&e, rule, ErrorCode::CompileCondition);
                result.push(self.diag_at(code, e.message(), e.pos(), rule, &cond, &sub, states));
                return None;
            }
        };
        for Warning { message, pos } in compiler.take_warnings() {
            result.push(self.diag_at(
                WarningCode::CompileCondition.into(),
                &message,
                pos,
                rule,
                &cond,
                &sub,
                states,
            ));
        }

        // Event types.
        let event_types = match &self.types {
            Some(types) => match event_set(&expr, &**types) {
                Ok(s) => {
                    if rule.source == "syscall"
                        && rule.warn_evttypes
                        && s.len() > EVTTYPE_WARNING_THRESHOLD
                    {
                        result.push(Diagnostic::new(
                            WarningCode::NoEvttype,
                            "Rule matches too many evt.type values. This has a significant performance penalty.",
                            rule.context.clone(),
                            &rule.file,
                        ));
                    }
                    s
                }
                Err(e) => {
                    result.push(self.diag_at(
                        ErrorCode::CompileCondition.into(),
                        e.message(),
                        e.pos(),
                        rule,
                        &cond,
                        &sub,
                        states,
                    ));
                    return None;
                }
            },
            None => EventSet::all(crate::evttype::MAX_EVENT_CODES),
        };
        let condition_compiled = expr.to_string();
        Some(CompiledRule {
            name: rule.name.as_str().into(),
            desc: rule.desc.clone(),
            priority: rule.priority,
            source: rule.source.as_str().into(),
            tags: rule.tags.iter().cloned().collect::<Vec<_>>().into(),
            enabled: rule.enabled,
            program,
            output,
            event_types,
            condition_compiled,
        })
    }

    /// Falco's warning visitor: deprecated fields in the condition and the
    /// output (`LOAD_DEPRECATED_ITEM`), and `ka.*`/`jevt.*` fields compared
    /// with the literal `<NA>` (`LOAD_UNSAFE_NA_CHECK`).
    fn warn_deprecated_and_unsafe(
        &self,
        expr: &Expr,
        rule: &RuleInfo,
        cond: &MappedText,
        sub: &Substitution,
        states: &[MacroState],
        result: &mut LoadResult,
    ) {
        use crate::ast::{Check, Operand, Operator, Rhs, Visitor};
        struct V<'a> {
            deprecated: Vec<(&'static str, Pos)>,
            unsafe_na: Option<Pos>,
            _p: std::marker::PhantomData<&'a ()>,
        }
        impl Visitor for V<'_> {
            fn visit_check(&mut self, c: &Check) {
                if let Operand::Field(f) = &c.lhs {
                    if let Some(d) = DEPRECATED_FIELDS.iter().find(|(n, _)| *n == f.name) {
                        if !self.deprecated.iter().any(|(n, _)| *n == d.0) {
                            self.deprecated.push((d.0, f.pos));
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
                        && (f.name.starts_with("ka.") || f.name.starts_with("jevt."))
                        && self.unsafe_na.is_none()
                    {
                        self.unsafe_na = Some(f.pos);
                    }
                }
            }
        }
        let mut v = V {
            deprecated: Vec::new(),
            unsafe_na: None,
            _p: std::marker::PhantomData,
        };
        v.visit_expr(expr);
        if let Some(pos) = v.unsafe_na {
            result.push(self.diag_at(
                WarningCode::UnsafeNaCheck.into(),
                "",
                pos,
                rule,
                cond,
                sub,
                states,
            ));
        }
        let mut deprecated = v.deprecated;
        deprecated.sort_by_key(|(n, _)| DEPRECATED_FIELDS.iter().position(|d| d.0 == *n));
        for (name, pos) in deprecated {
            let desc = DEPRECATED_FIELDS
                .iter()
                .find(|d| d.0 == name)
                .map_or("", |d| d.1);
            let mut d = self.diag_at(
                WarningCode::DeprecatedItem.into(),
                desc,
                pos,
                rule,
                cond,
                sub,
                states,
            );
            d.deprecated_field = Some(name.to_string());
            result.push(d);
        }
        for (name, _) in DEPRECATED_FIELDS {
            if rule.output.as_str().contains(name) {
                let mut d = Diagnostic::new(
                    WarningCode::DeprecatedItem,
                    format!(
                        "usage of deprecated field '{name}' has been detected in the rule output"
                    ),
                    rule.output_context.clone(),
                    &rule.file,
                );
                d.deprecated_field = Some(name.to_string());
                result.push(d);
            }
        }
    }

    /// A diagnostic at a (possibly macro-tagged) position of a rule's
    /// expanded condition: it points into the rule's text or the macro's.
    #[allow(clippy::too_many_arguments)]
    fn diag_at(
        &self,
        code: crate::rules::Code,
        message: &str,
        pos: Pos,
        rule: &RuleInfo,
        cond: &MappedText,
        sub: &Substitution,
        states: &[MacroState],
    ) -> Diagnostic {
        let macros = self.collector.macros();
        let (text, msub) = text_of_tag(pos, Some(sub), states, macros);
        let off = pos.offset & OFFSET_MASK;
        let off = msub.map_or(off, |s| s.original_offset(off));
        Diagnostic::in_text(
            code,
            message,
            &rule.condition_context,
            text.unwrap_or(cond),
            off,
        )
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

/// Marks every position of `e` with macro number `tag` (1-based), leaving
/// positions already tagged (from nested macros) alone.
fn tag(e: &mut Expr, tag: usize) {
    for_each_pos_mut(e, &mut |p| {
        if p.offset >> TAG_SHIFT == 0 {
            p.offset |= tag << TAG_SHIFT;
        }
    });
}

/// The text (and list substitution) a tagged position points into: a macro's
/// condition for tagged positions, `None` (the caller's own text) otherwise.
fn text_of_tag<'a>(
    pos: Pos,
    own: Option<&'a Substitution>,
    states: &'a [MacroState],
    macros: &'a [crate::rules::MacroInfo],
) -> (Option<&'a MappedText>, Option<&'a Substitution>) {
    let t = pos.offset >> TAG_SHIFT;
    if t == 0 {
        return (None, own);
    }
    match (macros.get(t - 1), states.get(t - 1)) {
        (Some(m), Some(s)) => (Some(&m.condition), Some(&s.sub)),
        _ => (None, own),
    }
}

fn collect_macro_refs(e: &Expr, out: &mut Vec<(String, Pos)>) {
    match e {
        Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| collect_macro_refs(x, out)),
        Expr::Not(x) => collect_macro_refs(x, out),
        Expr::Macro { name, pos } => out.push((name.clone(), *pos)),
        Expr::Check(_) => {}
    }
}

/// The tags of a set of rules, for listing.
pub fn all_tags(rules: &[CompiledRule]) -> BTreeSet<&str> {
    rules
        .iter()
        .flat_map(|r| r.tags.iter().map(String::as_str))
        .collect()
}

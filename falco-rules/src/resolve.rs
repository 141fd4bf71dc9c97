//! The resolved-rules stage, between collection and compilation.
//!
//! [`ResolvedRuleset::resolve`] takes everything a [`Collector`] holds and
//! does Falco's text and tree work on it: lists expanded (lists of lists) and
//! substituted into every condition, conditions parsed, exceptions turned
//! into `and not (...)` clauses, macros expanded with Falco's visibility rule
//! (a macro sees the macros first defined before its own latest definition).
//! The result is one [`ResolvedRule`] per rule, holding its expanded
//! condition as an [`Expr`], plus which lists and macros were used. No field
//! is looked up yet: that is the compile stage's job, against each rule's
//! own source.
//!
//! A resolved ruleset prints itself ([`Display`](std::fmt::Display)) one
//! rule a line, `NAME (SOURCE): CONDITION`, the condition in Falco's
//! canonical form — what Falco calls the compiled condition.
//!
//! ```
//! use falco_rules::rules::{Collector, LoadResult};
//! use falco_rules::ResolvedRuleset;
//!
//! let mut c = Collector::new("myevents");
//! let r = c.load("r.yaml", "\
//! - list: admins
//!   items: [root, admin]
//! - macro: is_admin
//!   condition: user.name in (admins)
//! - rule: admin login
//!   desc: d
//!   condition: is_admin and net.port = 22
//!   output: o
//!   priority: INFO
//! ");
//! assert!(r.successful());
//! let mut result = LoadResult::new("r.yaml");
//! let resolved = ResolvedRuleset::resolve(&c, &mut result);
//! assert!(result.successful(), "{result}");
//! assert_eq!(
//!     resolved.to_string(),
//!     "admin login (myevents): (user.name in (root, admin) and net.port = 22)\n"
//! );
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::ast::{Expr, Pos};
use crate::macros::{expand_macros, for_each_pos_mut, MacroRef};
use crate::parser::parse_condition;
use crate::rules::{
    expand_lists, substitute_lists_mapped, Code, Collector, Diagnostic, ErrorCode, ExpandedList,
    LoadResult, MappedText, RuleInfo, Substitution, WarningCode,
};

/// Which text a position of an expanded condition points into.
///
/// Each macro's condition (after list substitution) gets its own range of
/// one position space, in macro order, and every rule's condition the range
/// after them: positions are rebased into that space when a text is parsed,
/// so nodes a macro body brings into a rule keep pointing into the macro.
/// The table of range starts is the side table; an offset stays a plain
/// offset.
#[derive(Clone, Debug, Default)]
struct PositionSpace {
    /// Where each macro's range starts, in macro order (increasing).
    macro_starts: Vec<usize>,
    /// Where the rules' range starts (after every macro's).
    rule_start: usize,
}

impl PositionSpace {
    /// `Some((macro, offset in its text))`, or `None` and the offset in the
    /// rule's own text.
    fn locate(&self, offset: usize) -> (Option<usize>, usize) {
        if offset >= self.rule_start {
            return (None, offset - self.rule_start);
        }
        let i = self.macro_starts.partition_point(|&s| s <= offset);
        match i.checked_sub(1) {
            Some(m) => (Some(m), offset - self.macro_starts[m]),
            None => (None, offset),
        }
    }
}

/// One macro after resolution.
#[derive(Debug)]
struct MacroState {
    sub: Substitution,
    parsed: Option<Expr>,
    resolved: Option<Expr>,
    failed: bool,
}

/// One rule after resolution: its condition with lists substituted,
/// exceptions added and macros expanded.
#[derive(Debug)]
pub struct ResolvedRule {
    /// Index of the rule in [`Collector::rules`].
    pub index: usize,
    /// The rule's condition text with its exceptions, mapped to the file.
    pub condition: MappedText,
    /// The list substitution applied to [`ResolvedRule::condition`].
    pub substitution: Substitution,
    /// The expanded condition. Its positions are offsets in the ruleset's
    /// position space (the rule's own text, or the text of the macro a node
    /// came from): use [`ResolvedRuleset::diagnostic_at`] to report at one.
    pub expr: Expr,
}

/// Every rule of a [`Collector`] resolved (see the module docs), with what
/// the later stages need to report positions and unused items.
#[derive(Debug)]
pub struct ResolvedRuleset<'c> {
    collector: &'c Collector,
    lists: Vec<ExpandedList>,
    macros: Vec<MacroState>,
    rules: Vec<ResolvedRule>,
    failures: Vec<RuleFailure>,
    space: PositionSpace,
    list_used: Vec<bool>,
    macro_used: Vec<bool>,
}

/// Where resolving a rule failed: building its exceptions (before Falco
/// looks at the output) or its condition (after).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailedAt {
    Exceptions,
    Condition,
}

/// A rule that did not resolve, with its error (none when the error is a
/// macro's, reported with the macro).
#[derive(Debug)]
pub(crate) struct RuleFailure {
    pub(crate) index: usize,
    pub(crate) at: FailedAt,
    pub(crate) diagnostic: Option<Diagnostic>,
}

impl<'c> ResolvedRuleset<'c> {
    /// Resolves every rule of `collector` whose source is known (rules
    /// collected with [`RuleInfo::unknown_source`] are left out), adding
    /// every error to `result`. A rule with an error is left out too.
    pub fn resolve(collector: &'c Collector, result: &mut LoadResult) -> ResolvedRuleset<'c> {
        let mut r = ResolvedRuleset::resolve_deferred(collector, result);
        for f in std::mem::take(&mut r.failures) {
            if let Some(d) = f.diagnostic {
                result.push(d);
            }
        }
        r
    }

    /// Like [`ResolvedRuleset::resolve`], but the rules' errors are kept in
    /// [`ResolvedRuleset::take_failures`] for the compile stage to report in
    /// rule order with its own.
    pub(crate) fn resolve_deferred(
        collector: &'c Collector,
        result: &mut LoadResult,
    ) -> ResolvedRuleset<'c> {
        let lists = expand_lists(collector.lists());
        let mut list_used: Vec<bool> = lists.iter().map(|l| l.used_by_list).collect();
        let macros = collector.macros();
        let by_name: HashMap<&str, usize> = macros
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.as_str(), i))
            .collect();

        // Macros: substitute lists, parse, then expand references.
        let mut states: Vec<MacroState> = Vec::with_capacity(macros.len());
        let mut space = PositionSpace::default();
        let mut next = 0;
        for m in macros {
            let sub = substitute_lists_mapped(m.condition.as_str(), &lists);
            sub.used.iter().for_each(|&u| list_used[u] = true);
            let start = next;
            space.macro_starts.push(start);
            // One past the end, so an error at the end stays in this range.
            next += sub.text.len() + 1;
            let parsed = match parse_condition(&sub.text) {
                Ok(mut e) => {
                    rebase(&mut e, start);
                    Some(e)
                }
                Err(e) => {
                    result.push(Diagnostic::in_text(
                        ErrorCode::CompileCondition,
                        e.message(),
                        &m.condition_context,
                        &m.condition,
                        sub.original_offset(e.pos().offset),
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
        let mut r = ResolvedRuleset {
            collector,
            lists,
            macros: states,
            rules: Vec::new(),
            failures: Vec::new(),
            space: PositionSpace {
                rule_start: next,
                ..space
            },
            list_used,
            macro_used: vec![false; macros.len()],
        };
        let mut visiting = vec![false; macros.len()];
        for i in 0..macros.len() {
            r.resolve_macro(i, &by_name, &mut visiting, result);
        }
        for (index, rule) in collector.rules().iter().enumerate() {
            if rule.unknown_source {
                continue;
            }
            match r.resolve_rule(index, rule, &by_name) {
                Ok(rr) => r.rules.push(rr),
                Err(failure) => {
                    let (at, diagnostic) = *failure;
                    r.failures.push(RuleFailure {
                        index,
                        at,
                        diagnostic,
                    });
                }
            }
        }
        r
    }

    /// The rules that did not resolve, in rule order (taken once).
    pub(crate) fn take_failures(&mut self) -> Vec<RuleFailure> {
        std::mem::take(&mut self.failures)
    }

    /// The collector the rules came from.
    pub fn collector(&self) -> &'c Collector {
        self.collector
    }

    /// The resolved rules, in rule order.
    pub fn rules(&self) -> &[ResolvedRule] {
        &self.rules
    }

    /// The expanded body of macro `index` (in [`Collector::macros`] order),
    /// if it resolved: lists substituted, the macros it references expanded.
    pub fn macro_expr(&self, index: usize) -> Option<&Expr> {
        self.macros.get(index)?.resolved.as_ref()
    }

    /// The lists of the collector (same order), with their references
    /// expanded: raw items, referenced lists and the items Falco compiles.
    pub fn expanded_lists(&self) -> &[ExpandedList] {
        &self.lists
    }

    /// Whether macro `index` (in [`Collector::macros`] order) is referenced
    /// by a rule or another macro (Falco's `used`; unused ones get the
    /// `LOAD_UNUSED_MACRO` warning).
    pub fn macro_used(&self, index: usize) -> bool {
        self.macro_used.get(index).copied().unwrap_or(false)
    }

    /// Whether list `index` (in [`Collector::lists`] order) is referenced by
    /// a rule, a macro or another list (Falco's `used`).
    pub fn list_used(&self, index: usize) -> bool {
        self.list_used.get(index).copied().unwrap_or(false)
    }

    /// The collected rule a resolved rule came from.
    pub fn info(&self, rule: &ResolvedRule) -> &'c RuleInfo {
        &self.collector.rules()[rule.index]
    }

    /// Adds the `LOAD_UNUSED_MACRO` and `LOAD_UNUSED_LIST` warnings (Falco
    /// gives them only after a load without errors).
    pub fn warn_unused(&self, result: &mut LoadResult) {
        for (i, m) in self.collector.macros().iter().enumerate() {
            if !self.macro_used[i] {
                result.push(Diagnostic::new(
                    WarningCode::UnusedMacro,
                    "Macro not referred to by any other rule/macro",
                    m.context.clone(),
                    &m.file,
                ));
            }
        }
        for (i, l) in self.collector.lists().iter().enumerate() {
            if !self.list_used[i] {
                result.push(Diagnostic::new(
                    WarningCode::UnusedList,
                    "List not referred to by any other rule/macro",
                    l.context.clone(),
                    &l.file,
                ));
            }
        }
    }

    /// Adds our wording to an undefined-macro diagnostic: the nearest
    /// defined macro's name.
    fn explain_macro(&self, e: &crate::Error, d: Diagnostic) -> Diagnostic {
        match e.subject() {
            Some(name) if e.kind() == crate::ErrorKind::UndefinedMacro => {
                let names = self.collector.macros().iter().map(|m| m.name.as_str());
                d.with_detail(crate::rules::suggest::undefined_macro(name, names))
            }
            _ => d,
        }
    }

    /// A diagnostic at `pos` of `rule`'s expanded condition, pointing into
    /// the rule's text or the text of the macro the position came from.
    pub fn diagnostic_at(
        &self,
        code: impl Into<Code>,
        message: &str,
        pos: Pos,
        rule: &ResolvedRule,
    ) -> Diagnostic {
        let info = self.info(rule);
        let (text, sub, offset) = self.text_at(pos, &rule.condition, &rule.substitution);
        Diagnostic::in_text(
            code,
            message,
            &info.condition_context,
            text,
            sub.original_offset(offset),
        )
    }

    /// The text (with its list substitution) a position points into, and the
    /// offset in it: a macro's condition, or `own` (a rule's).
    fn text_at<'a>(
        &'a self,
        pos: Pos,
        own: &'a MappedText,
        own_sub: &'a Substitution,
    ) -> (&'a MappedText, &'a Substitution, usize) {
        match self.space.locate(pos.offset) {
            (Some(m), offset) => match (self.collector.macros().get(m), self.macros.get(m)) {
                (Some(info), Some(state)) => (&info.condition, &state.sub, offset),
                _ => (own, own_sub, offset),
            },
            (None, offset) => (own, own_sub, offset),
        }
    }

    /// Expands macro `i`'s references (depth first, with loop detection and
    /// the visibility rule).
    fn resolve_macro(
        &mut self,
        i: usize,
        by_name: &HashMap<&str, usize>,
        visiting: &mut [bool],
        result: &mut LoadResult,
    ) -> bool {
        if self.macros[i].resolved.is_some() {
            return true;
        }
        if self.macros[i].failed {
            return false;
        }
        let macros = self.collector.macros();
        let Some(parsed) = self.macros[i].parsed.clone() else {
            return false;
        };
        visiting[i] = true;
        let mut refs = Vec::new();
        collect_macro_refs(&parsed, &mut refs);
        let mut ok = true;
        for (name, _) in &refs {
            if let Some(&j) = by_name.get(name.as_str()) {
                if macros[j].index < macros[i].visibility && !visiting[j] {
                    ok &= self.resolve_macro(j, by_name, visiting, result);
                }
            }
        }
        visiting[i] = false;
        if !ok {
            self.macros[i].failed = true;
            return false;
        }
        let visibility = macros[i].visibility;
        let snapshot: &[MacroState] = &self.macros;
        let used = &mut self.macro_used;
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
                self.macros[i].resolved = Some(e);
                true
            }
            Err(e) => {
                let m = &macros[i];
                let (text, sub, offset) = self.text_at(e.pos(), &m.condition, &self.macros[i].sub);
                let d = Diagnostic::in_text(
                    ErrorCode::Validate,
                    e.message(),
                    &m.condition_context,
                    text,
                    sub.original_offset(offset),
                );
                result.push(self.explain_macro(&e, d));
                self.macros[i].failed = true;
                false
            }
        }
    }

    fn resolve_rule(
        &mut self,
        index: usize,
        rule: &RuleInfo,
        by_name: &HashMap<&str, usize>,
    ) -> Result<ResolvedRule, Box<(FailedAt, Option<Diagnostic>)>> {
        let cond = rule
            .condition_with_exceptions()
            .map_err(|d| Box::new((FailedAt::Exceptions, Some(d))))?;
        let sub = substitute_lists_mapped(cond.as_str(), &self.lists);
        sub.used.iter().for_each(|&u| self.list_used[u] = true);
        let parsed = match parse_condition(&sub.text) {
            Ok(mut e) => {
                rebase(&mut e, self.space.rule_start);
                e
            }
            Err(e) => {
                return Err(Box::new((
                    FailedAt::Condition,
                    Some(Diagnostic::in_text(
                        ErrorCode::CompileCondition,
                        e.message(),
                        &rule.condition_context,
                        &cond,
                        sub.original_offset(e.pos().offset),
                    )),
                )));
            }
        };
        let mut refs = Vec::new();
        collect_macro_refs(&parsed, &mut refs);
        if refs.iter().any(|(n, _)| {
            by_name
                .get(n.as_str())
                .is_some_and(|&j| self.macros[j].failed)
        }) {
            // The macro's own error was reported already.
            return Err(Box::new((FailedAt::Condition, None)));
        }
        let snapshot: &[MacroState] = &self.macros;
        let used = &mut self.macro_used;
        let expanded = expand_macros(
            &parsed,
            &mut |name| match by_name.get(name) {
                Some(&j) => match &snapshot[j].resolved {
                    Some(body) => MacroRef::Found(body),
                    None => MacroRef::Undefined,
                },
                None => MacroRef::Undefined,
            },
            &mut |name| {
                if let Some(&j) = by_name.get(name) {
                    used[j] = true;
                }
            },
        );
        let rr = ResolvedRule {
            index,
            condition: cond,
            substitution: sub,
            expr: Expr::And(Vec::new()),
        };
        match expanded {
            Ok(expr) => Ok(ResolvedRule { expr, ..rr }),
            Err(e) => {
                let d = self.diagnostic_at(ErrorCode::Validate, e.message(), e.pos(), &rr);
                Err(Box::new((
                    FailedAt::Condition,
                    Some(self.explain_macro(&e, d)),
                )))
            }
        }
    }
}

/// Moves every position of a freshly parsed `e` to its text's range of the
/// position space.
fn rebase(e: &mut Expr, start: usize) {
    if start != 0 {
        for_each_pos_mut(e, &mut |p| p.offset += start);
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

impl fmt::Display for ResolvedRuleset<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.rules {
            let info = self.info(r);
            writeln!(f, "{} ({}): {}", info.name, info.source, r.expr)?;
        }
        Ok(())
    }
}

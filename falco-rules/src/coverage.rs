//! Rule coverage: for each rule, macro, list item and exception item of a
//! ruleset, how many events evaluated it and how many it matched.
//!
//! Coverage is counted beside the engine, never inside it: the test runner
//! ([`crate::ruletest::Runner::with_coverage`]) hands each event to
//! [`Coverage::observe`] before matching it, and the coverage evaluates its
//! own compiled copies of the pieces. [`crate::Ruleset::matches`] is the
//! same code with coverage on or off, so the evaluation hot path costs
//! nothing more.
//!
//! What is counted, per event:
//!
//! - a **rule** is *evaluated* when the event is of its source and of one of
//!   its event types (the rules [`crate::Ruleset::matches`] would run, every
//!   match counted, not only the first); *matched* when its condition holds;
//! - a **macro** is *evaluated* when a rule that references it (directly or
//!   through other macros) is evaluated, once per event, and *matched* when
//!   its expanded condition holds for the event;
//! - an **exception item** (one row of `values`) is *evaluated* with its
//!   rule and *matched* when its own test (`fields comps values`) holds, that
//!   is when it would have excepted the event had the rest of the condition
//!   held;
//! - a **list item** is *evaluated* when a rule whose condition (or a macro
//!   of it) compares a field with the list (`in`, `intersects`, `pmatch`) is
//!   evaluated and the field has a value, and *matched* when a value of the
//!   field equals the item (for `pmatch`, when the item is a path prefix of
//!   a value).
//!
//! Items are identified by kind and name, so counts from several engines
//! (the stand-in sources of inline events and the real ones of captures)
//! add up. Each has the `FILE:LINE:COL` of its definition, so an editor
//! jumps there.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

use serde_json::{json, Value as Json};

use crate::ast::{Expr, Operand, Operator, Rhs};
use crate::compile::{Compiler, Program, Scratch};
use crate::engine::{Engine, Ruleset};
use crate::field::{Field, Values};
use crate::output::write_value;
use crate::parser::parse_condition;
use crate::resolve::ResolvedRuleset;
use crate::rules::{exception_text, expand_lists, substitute_lists_mapped, LoadResult};
use crate::source::Event;

/// What kind of item a [`CoverageItem`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ItemKind {
    /// A rule.
    Rule,
    /// A macro.
    Macro,
    /// One item of a list.
    ListItem,
    /// One row of an exception's `values`.
    ExceptionItem,
}

impl ItemKind {
    /// `rule`, `macro`, `list item`, `exception item`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Rule => "rule",
            ItemKind::Macro => "macro",
            ItemKind::ListItem => "list item",
            ItemKind::ExceptionItem => "exception item",
        }
    }
}

/// The counts of one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageItem {
    /// The kind.
    pub kind: ItemKind,
    /// Its name: the rule or macro name; `list[item]` for a list item;
    /// `rule / exception[N]` for the Nth (0-based) values row of an
    /// exception.
    pub name: String,
    /// The file it is defined in.
    pub file: String,
    /// 1-based line of its definition.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// Events that evaluated it.
    pub evaluated: u64,
    /// Events it matched.
    pub matched: u64,
}

/// Coverage counts over every event observed (see the module docs).
#[derive(Debug, Default)]
pub struct Coverage {
    items: Vec<CoverageItem>,
    by_key: HashMap<(ItemKind, String), usize>,
    plans: Vec<(usize, Plan)>,
    scratch: Scratch,
}

/// What to evaluate for one engine's ruleset.
#[derive(Debug, Default)]
struct Plan {
    /// Keeps the ruleset alive so its address identifies the plan.
    ruleset: Option<Arc<Ruleset>>,
    rules: Vec<RulePlan>,
    macros: Vec<MacroPlan>,
}

#[derive(Debug)]
struct RulePlan {
    item: usize,
    /// The macros the rule references, directly or not (indexes into
    /// `Plan::macros`).
    macros: Vec<usize>,
    exceptions: Vec<(usize, Program)>,
    lists: Vec<ListUse>,
}

/// A field compared with a list in a rule: the field, whether the operator
/// is `pmatch`, and the list's items (coverage index and text).
type ListUse = (Field, bool, Vec<(usize, String)>);

#[derive(Debug)]
struct MacroPlan {
    item: usize,
    program: Option<Program>,
}

impl Coverage {
    /// Every item, in definition order per kind: rules, macros, list items,
    /// exception items.
    pub fn items(&self) -> Vec<&CoverageItem> {
        let mut v: Vec<&CoverageItem> = self.items.iter().collect();
        v.sort_by_key(|i| i.kind);
        v
    }

    /// The item of `kind` named `name`.
    pub fn get(&self, kind: ItemKind, name: &str) -> Option<&CoverageItem> {
        self.by_key
            .get(&(kind, name.to_string()))
            .map(|&i| &self.items[i])
    }

    /// Rules and exception items never exercised: rules no event evaluated
    /// or matched, exception items that never matched.
    pub fn never_exercised(&self) -> Vec<&CoverageItem> {
        self.items()
            .into_iter()
            .filter(|i| match i.kind {
                ItemKind::Rule => i.matched == 0,
                ItemKind::ExceptionItem => i.matched == 0,
                _ => false,
            })
            .collect()
    }

    fn item(&mut self, kind: ItemKind, name: String, file: &str, line: usize, col: usize) -> usize {
        if let Some(&i) = self.by_key.get(&(kind, name.clone())) {
            return i;
        }
        let i = self.items.len();
        self.by_key.insert((kind, name.clone()), i);
        self.items.push(CoverageItem {
            kind,
            name,
            file: file.to_string(),
            line,
            col,
            evaluated: 0,
            matched: 0,
        });
        i
    }

    /// Prepares to count events matched by `engine`'s current ruleset
    /// (once per ruleset; the test runner calls it).
    pub fn prepare(&mut self, engine: &Engine) {
        let key = Arc::as_ptr(engine.ruleset()) as usize;
        if self.plans.iter().any(|(k, _)| *k == key) {
            return;
        }
        let collector = engine.collector();
        let mut scratch_result = LoadResult::new("coverage");
        let resolved = ResolvedRuleset::resolve(collector, &mut scratch_result);
        let lists = expand_lists(collector.lists());
        let mut plan = Plan {
            ruleset: Some(engine.ruleset().clone()),
            ..Plan::default()
        };

        // Macros: their items, the macros each references, their list usages.
        let macro_index: HashMap<&str, usize> = collector
            .macros()
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.as_str(), i))
            .collect();
        let mut macro_refs: Vec<Vec<usize>> = Vec::new();
        let mut macro_lists: Vec<Vec<Usage>> = Vec::new();
        for m in collector.macros() {
            let (line, col) = (m.context.mark().line, m.context.mark().col);
            let item = self.item(ItemKind::Macro, m.name.clone(), m.file.name(), line, col);
            plan.macros.push(MacroPlan {
                item,
                program: None,
            });
            let (refs, uses) = references(m.condition.as_str(), &macro_index);
            macro_refs.push(refs);
            macro_lists.push(uses);
        }
        // List items.
        let mut list_items: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
        for l in collector.lists() {
            let mut v = Vec::new();
            for it in &l.items {
                if lists.iter().any(|x| x.name == *it) {
                    continue;
                }
                // At the item as written in the list's file, else at the list.
                let at = locate_item(l.file.text(), l.context.mark().offset, it)
                    .map(|o| l.file.mark_at(o))
                    .unwrap_or(l.context.mark());
                let name = format!("{}[{}]", l.name, it);
                let i = self.item(ItemKind::ListItem, name, l.file.name(), at.line, at.col);
                v.push((i, it.clone()));
            }
            list_items.insert(l.name.as_str(), v);
        }

        for rule in engine.ruleset().rules() {
            let Some(info) = collector.rules().iter().find(|r| *r.name == *rule.name) else {
                continue;
            };
            let Some(source) = engine.sources().find(|s| s.name() == &*rule.source) else {
                continue;
            };
            let schema = source.schema();
            let (line, col) = (info.context.mark().line, info.context.mark().col);
            let item = self.item(
                ItemKind::Rule,
                info.name.clone(),
                info.file.name(),
                line,
                col,
            );
            let (direct, mut uses) = references(info.condition.as_str(), &macro_index);
            // The macro closure, and the list usages of every macro in it.
            let mut closure: Vec<usize> = Vec::new();
            let mut todo = direct;
            while let Some(m) = todo.pop() {
                if closure.contains(&m) {
                    continue;
                }
                closure.push(m);
                todo.extend(macro_refs[m].iter().copied());
                uses.extend(macro_lists[m].iter().cloned());
            }
            closure.sort_unstable();
            for &m in &closure {
                if plan.macros[m].program.is_none() {
                    plan.macros[m].program = resolved
                        .macro_expr(m)
                        .and_then(|e| Compiler::new(schema).compile(e).ok());
                }
            }
            // Exception items.
            let mut exceptions = Vec::new();
            for ex in &info.exceptions {
                let (eline, ecol) = (ex.context.mark().line, ex.context.mark().col);
                for (j, row) in ex.values.iter().enumerate() {
                    let mut one = ex.clone();
                    one.values = vec![row.clone()];
                    let Ok(text) = exception_text(&one) else {
                        continue;
                    };
                    let sub = substitute_lists_mapped(&text, &lists);
                    let Some(program) = parse_condition(&sub.text)
                        .ok()
                        .and_then(|e| Compiler::new(schema).compile(&e).ok())
                    else {
                        continue;
                    };
                    let name = format!("{} / {}[{j}]", info.name, ex.name);
                    // At the row as written, else at the exception.
                    let (eline, ecol) = locate_row(ex.file.text(), ex.context.mark().offset, j)
                        .map(|o| ex.file.mark_at(o))
                        .map_or((eline, ecol), |m| (m.line, m.col));
                    let it = self.item(ItemKind::ExceptionItem, name, ex.file.name(), eline, ecol);
                    exceptions.push((it, program));
                }
            }
            // List usages, resolved against the rule's source.
            let mut seen = HashSet::new();
            let mut list_plans = Vec::new();
            for u in uses {
                if !seen.insert(u.clone()) {
                    continue;
                }
                let Some(items) = list_items.get(u.list.as_str()) else {
                    continue;
                };
                let Ok(field) = schema.resolve(&u.field, u.arg.as_deref()) else {
                    continue;
                };
                list_plans.push((field, u.pmatch, items.clone()));
            }
            plan.rules.push(RulePlan {
                item,
                macros: closure,
                exceptions,
                lists: list_plans,
            });
        }
        self.plans.push((key, plan));
    }

    /// Counts one event against `engine`'s ruleset (prepared with
    /// [`Coverage::prepare`], else nothing is counted).
    pub fn observe(&mut self, engine: &Engine, event: &dyn Event) {
        let key = Arc::as_ptr(engine.ruleset()) as usize;
        let Some((_, plan)) = self.plans.iter().find(|(k, _)| *k == key) else {
            return;
        };
        let Some(ruleset) = &plan.ruleset else {
            return;
        };
        let scratch = &mut self.scratch;
        scratch.next_event();
        let code = event.event_type();
        let mut macro_done: HashSet<usize> = HashSet::new();
        let mut list_done: HashSet<usize> = HashSet::new();
        let mut values = Values::new();
        let mut text = String::new();
        for (rule, rp) in ruleset.rules().iter().zip(&plan.rules) {
            if !rule.enabled
                || *rule.source != *event.source()
                || code.is_some_and(|c| !rule.event_types.contains(c))
            {
                continue;
            }
            let matched = rule.program.eval(event, scratch);
            bump(&mut self.items[rp.item], matched);
            for &m in &rp.macros {
                if !macro_done.insert(m) {
                    continue;
                }
                let mp = &plan.macros[m];
                if let Some(p) = &mp.program {
                    let hit = p.eval(event, scratch);
                    bump(&mut self.items[mp.item], hit);
                }
            }
            for (it, program) in &rp.exceptions {
                let hit = program.eval(event, scratch);
                bump(&mut self.items[*it], hit);
            }
            for (field, pmatch, items) in &rp.lists {
                values.clear();
                if !event.extract(field, &mut values) || values.is_empty() {
                    continue;
                }
                let texts: Vec<String> = values
                    .iter()
                    .map(|v| {
                        text.clear();
                        write_value(field.ty, v, &mut text);
                        text.clone()
                    })
                    .collect();
                for (it, item) in items {
                    if !list_done.insert(*it) {
                        continue;
                    }
                    let hit = texts.iter().any(|t| {
                        t == item
                            || (*pmatch
                                && t.starts_with(item.as_str())
                                && (item.ends_with('/') || t[item.len()..].starts_with('/')))
                    });
                    bump(&mut self.items[*it], hit);
                }
            }
        }
    }

    /// The report as text: one line per item, `FILE:LINE:COL: KIND NAME:
    /// evaluated E, matched M`, then the rules and exception items never
    /// exercised.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "coverage:");
        for i in self.items() {
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {}: evaluated {}, matched {}",
                i.file,
                i.line,
                i.col,
                i.kind.as_str(),
                i.name,
                i.evaluated,
                i.matched
            );
        }
        let never = self.never_exercised();
        let mut by_kind: BTreeMap<ItemKind, (usize, usize)> = BTreeMap::new();
        for i in &self.items {
            let e = by_kind.entry(i.kind).or_default();
            e.0 += 1;
            if i.matched > 0 {
                e.1 += 1;
            }
        }
        let _ = writeln!(out, "\nsummary (matched at least once / total):");
        for (k, (total, hit)) in &by_kind {
            let _ = writeln!(out, "  {}s: {hit}/{total}", k.as_str());
        }
        if !never.is_empty() {
            let _ = writeln!(out, "\nnever exercised:");
            for i in never {
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {} {}",
                    i.file,
                    i.line,
                    i.col,
                    i.kind.as_str(),
                    i.name
                );
            }
        }
        out
    }

    /// The report as JSON: `{"items": [{"kind", "name", "position":
    /// "FILE:LINE:COL", "evaluated", "matched"}], "never_exercised":
    /// ["FILE:LINE:COL KIND NAME"]}`.
    pub fn json(&self) -> Json {
        let pos = |i: &CoverageItem| format!("{}:{}:{}", i.file, i.line, i.col);
        json!({
            "items": self.items().iter().map(|i| json!({
                "kind": i.kind.as_str(),
                "name": i.name,
                "position": pos(i),
                "evaluated": i.evaluated,
                "matched": i.matched,
            })).collect::<Vec<_>>(),
            "never_exercised": self.never_exercised().iter().map(|i| json!({
                "kind": i.kind.as_str(),
                "name": i.name,
                "position": pos(i),
            })).collect::<Vec<_>>(),
        })
    }
}

/// The byte offset of `item` written as a whole word (possibly quoted) in
/// the `items` of the list that starts at `start`, before the next item of
/// the file.
fn locate_item(text: &str, start: usize, item: &str) -> Option<usize> {
    let rest = text.get(start..)?;
    let items = start + rest.find("items")?;
    // The list ends where the next top-level item starts.
    let end = text[items..].find("\n-").map_or(text.len(), |e| items + e);
    let body = &text[items..end];
    let bytes = body.as_bytes();
    let sep = |b: u8| {
        matches!(
            b,
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b']' | b',' | b'"' | b'\''
        )
    };
    let mut from = 0;
    while let Some(rel) = body[from..].find(item) {
        let at = from + rel;
        let after = at + item.len();
        if (at == 0 || sep(bytes[at - 1])) && (after >= bytes.len() || sep(bytes[after])) {
            return Some(items + at);
        }
        from = after;
    }
    None
}

/// The byte offset of row `row` of the `values` of the exception that
/// starts at `start`: the `row`-th element of a flow sequence
/// (`values: [[a, b], [c, d]]`) or the `row`-th `- ` entry of a block one.
fn locate_row(text: &str, start: usize, row: usize) -> Option<usize> {
    let key = start + text.get(start..)?.find("values:")?;
    let after = key + "values:".len();
    let line_start = text[..key].rfind('\n').map_or(0, |i| i + 1);
    let indent = key - line_start;
    let rest = &text[after..];
    let first = rest.find(|c: char| c != ' ' && c != '\t')?;
    if rest[first..].starts_with('[') {
        // Flow style: elements at depth 1, split by commas.
        let mut depth = 0usize;
        let mut n = 0;
        let mut want_start = false;
        for (i, c) in rest[first..].char_indices() {
            match c {
                '[' => {
                    depth += 1;
                    if depth == 1 {
                        want_start = true;
                        continue;
                    }
                }
                ']' => {
                    if depth == 1 {
                        return None;
                    }
                    depth = depth.saturating_sub(1);
                }
                ',' if depth == 1 => {
                    n += 1;
                    want_start = true;
                    continue;
                }
                _ => {}
            }
            if want_start && !c.is_whitespace() {
                want_start = false;
                if n == row && depth >= 1 {
                    return Some(after + first + i);
                }
            }
        }
        return None;
    }
    // Block style: `- ` entries indented deeper than the key.
    let mut n = 0;
    let mut offset = after + rest.find('\n')? + 1;
    for line in text[offset..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let ind = line.len() - trimmed.len();
        if !trimmed.trim().is_empty() {
            if ind <= indent {
                return None;
            }
            if trimmed.starts_with('-') {
                if n == row {
                    return Some(offset + ind);
                }
                n += 1;
            }
        }
        offset += line.len();
    }
    None
}

fn bump(item: &mut CoverageItem, matched: bool) {
    item.evaluated += 1;
    if matched {
        item.matched += 1;
    }
}

/// A comparison of a field with a list: `field[arg] in (list)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Usage {
    field: String,
    arg: Option<String>,
    pmatch: bool,
    list: String,
}

/// The macros a condition references and its comparisons with lists, from
/// its text as written (lists not substituted, macros not expanded).
fn references(text: &str, macros: &HashMap<&str, usize>) -> (Vec<usize>, Vec<Usage>) {
    let mut refs = Vec::new();
    let mut uses = Vec::new();
    if let Ok(e) = parse_condition(text) {
        walk(&e, macros, &mut refs, &mut uses);
    }
    (refs, uses)
}

fn walk(e: &Expr, macros: &HashMap<&str, usize>, refs: &mut Vec<usize>, uses: &mut Vec<Usage>) {
    match e {
        Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| walk(x, macros, refs, uses)),
        Expr::Not(x) => walk(x, macros, refs, uses),
        Expr::Macro { name, .. } => {
            if let Some(&i) = macros.get(name.as_str()) {
                refs.push(i);
            }
        }
        Expr::Check(c) => {
            let Operand::Field(f) = &c.lhs else {
                return;
            };
            let pmatch = c.op == Operator::Pmatch;
            if !matches!(c.op, Operator::In | Operator::Intersects | Operator::Pmatch) {
                return;
            }
            if let Rhs::List(vs) = &c.rhs {
                for v in vs {
                    uses.push(Usage {
                        field: f.name.clone(),
                        arg: f.arg.clone(),
                        pmatch,
                        list: v.text.clone(),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{locate_item, locate_row};

    #[test]
    fn rows_and_items_are_found_where_they_are_written() {
        let flow = "- name: e\n  fields: [a, b]\n  values: [[x, y], [z, w]]\n";
        let at = |o: Option<usize>, t: &str| o.map(|o| t[o..].chars().take(6).collect::<String>());
        assert_eq!(at(locate_row(flow, 0, 0), flow).as_deref(), Some("[x, y]"));
        assert_eq!(at(locate_row(flow, 0, 1), flow).as_deref(), Some("[z, w]"));
        assert_eq!(locate_row(flow, 0, 2), None);
        let block = "- name: e\n  values:\n    - [x]\n    - [z]\n- rule: r\n";
        assert_eq!(
            at(locate_row(block, 0, 1), block).as_deref(),
            Some("- [z]\n")
        );
        assert_eq!(locate_row(block, 0, 2), None);
        let list = "- list: l\n  items: [apt-get, apt]\n- list: m\n  items: [apt]\n";
        assert_eq!(locate_item(list, 0, "apt"), Some(29));
        assert_eq!(locate_item(list, 0, "nope"), None);
    }
}

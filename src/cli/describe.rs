//! `-L` and `-l RULE`: Falco's description of the loaded rules, macros and
//! lists, as JSON (with `json_output`) or as a two-column text table.
//!
//! The JSON has the shape Falco 0.44's engine builds (`describe_rule` and
//! its `get_json_details` helpers):
//!
//! - the document: `required_engine_version`, `required_plugin_versions`
//!   (`name`, `version`, `alternatives`), `rules`, `macros`, `lists`; with
//!   `-l RULE`, only `rules` with that one rule;
//! - a rule: `info` (`name`, `condition`, `priority`, `output`,
//!   `description`, `enabled`, `source`, `capture`, `capture_duration`,
//!   `tags`) and `details` (`macros` and `lists` named by the condition as
//!   written; `condition_operators` and `condition_fields` of the compiled
//!   condition, exceptions included; `output_fields`; `exception_fields`,
//!   `exception_names`, `exception_operators`; `events`;
//!   `condition_compiled`, `output_compiled`; `plugins`);
//! - a macro: `info` (`name`, `condition`) and `details` (`used`, `macros`,
//!   `lists`, `condition_operators`, `condition_fields`, `events`,
//!   `condition_compiled`, `plugins`);
//! - a list: `info` (`name`, `items` as written, list references left out)
//!   and `details` (`used`, `lists` it references, `items_compiled`,
//!   `plugins`).
//!
//! Keys are in byte order, as nlohmann's `json` (a sorted map) prints them,
//! and the text is compact (Falco's `dump(-1)`). Falco fills the name arrays
//! from hash sets, so their order varies between Falco builds; here they are
//! sorted. `plugins` is always empty: this build loads no plugin shared
//! objects. Falco's `extra_output_formatted_fields` (from the
//! `append_output` key's `extra_output_fields`) is absent: that key's
//! `extra_output_fields` form is not supported.

use std::collections::{BTreeMap, BTreeSet};

use falco_events::table::{self, SyscallEventTypes};
use falco_rules::ast::{Expr, Operand, Rhs, Transformer, TransformerArg};
use falco_rules::engine::Engine;
use falco_rules::evttype::{event_set, EventSet, EventTypes};
use falco_rules::rules::LoadResult;
use falco_rules::{parse_condition, ResolvedRuleset};
use serde_json::{json, Value};

/// Why a description could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DescribeError {
    /// `-l RULE` named a rule that is not loaded (Falco's message).
    #[error("Rule \"{0}\" is not loaded")]
    NotLoaded(String),
}

/// What a condition uses: Falco's `filter_details`, in sorted sets.
#[derive(Debug, Default)]
struct Details {
    fields: BTreeSet<String>,
    macros: BTreeSet<String>,
    operators: BTreeSet<String>,
    lists: BTreeSet<String>,
}

/// Walks a condition as Falco's `filter_details_resolver` does: every field
/// read (with its `[arg]`), every operator, the known macros named as
/// identifiers and the known lists named inside a right-hand list.
struct Resolver<'a> {
    known_macros: &'a BTreeSet<&'a str>,
    known_lists: &'a BTreeSet<&'a str>,
    out: Details,
}

fn field_key(name: &str, arg: Option<&str>) -> String {
    match arg {
        Some(a) if !a.is_empty() => format!("{name}[{a}]"),
        _ => name.to_string(),
    }
}

impl Resolver<'_> {
    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| self.expr(x)),
            Expr::Not(x) => self.expr(x),
            Expr::Macro { name, .. } if self.known_macros.contains(name.as_str()) => {
                self.out.macros.insert(name.clone());
            }
            Expr::Macro { .. } => {}
            Expr::Check(c) => {
                self.operand(&c.lhs);
                self.out.operators.insert(c.op.as_str().to_string());
                match &c.rhs {
                    Rhs::None | Rhs::Value(_) => {}
                    Rhs::List(values) => {
                        for v in values {
                            if self.known_lists.contains(v.text.as_str()) {
                                self.out.lists.insert(v.text.clone());
                            }
                        }
                    }
                    Rhs::Operand(o) => self.operand(o),
                    _ => {}
                }
            }
            // A node kind added later reads no field this walk knows of.
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }

    fn operand(&mut self, o: &Operand) {
        match o {
            Operand::Field(f) => {
                self.out.fields.insert(field_key(&f.name, f.arg.as_deref()));
            }
            Operand::Transformer(t) => self.transformer(t),
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }

    fn transformer(&mut self, t: &Transformer) {
        for a in &t.args {
            self.arg(a);
        }
    }

    fn arg(&mut self, a: &TransformerArg) {
        match a {
            TransformerArg::Field(f) => {
                self.out.fields.insert(field_key(&f.name, f.arg.as_deref()));
            }
            TransformerArg::Transformer(t) => self.transformer(t),
            TransformerArg::List(xs) => xs.iter().for_each(|x| self.arg(x)),
            _ => {}
        }
    }
}

/// The `ppm_sc` numbering (syscall codes) as an event-type space, so the
/// engine's event-set walk computes what libsinsp's `ppm_sc_codes` does for
/// a condition: the syscalls an `evt.type` check names, or all of them.
struct SyscallCodes;

impl EventTypes for SyscallCodes {
    fn num_codes(&self) -> usize {
        table::PPM_SC_MAX as usize
    }

    fn codes_for_name(&self, name: &str, out: &mut EventSet) {
        if let Some(c) = table::ppm_sc_code(name) {
            out.insert(c);
        }
    }

    fn name_of(&self, code: u16) -> Option<&str> {
        table::ppm_sc_name(code)
    }

    fn type_fields(&self) -> &[&str] {
        SyscallEventTypes.type_fields()
    }

    fn number_field(&self) -> Option<&str> {
        SyscallEventTypes.number_field()
    }
}

/// Falco's `get_json_evt_types`: for the syscall source (and macros), the
/// names of the event codes the condition can match, generic events left
/// out, plus `asyncevent`, plus the syscalls without an event of their own
/// that it names; for another source, `asyncevent` and `pluginevent`.
fn event_names(expr: &Expr, syscall: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert("asyncevent".to_string());
    if !syscall {
        out.insert("pluginevent".to_string());
        return out;
    }
    let codes = event_set(expr, &SyscallEventTypes)
        .unwrap_or_else(|_| EventSet::all(SyscallEventTypes.num_codes()));
    let generic = [table::codes::PPME_GENERIC_E, table::codes::PPME_GENERIC_X];
    for c in codes.iter().filter(|c| !generic.contains(c)) {
        if let Some(i) = table::event_info(c) {
            out.insert(i.name.to_string());
        }
    }
    let scs =
        event_set(expr, &SyscallCodes).unwrap_or_else(|_| EventSet::all(SyscallCodes.num_codes()));
    // A syscall with an event of its own is already named by it.
    let generic_names = generic_syscall_names();
    for sc in scs.iter() {
        if let Some(name) = table::ppm_sc_name(sc) {
            if generic_names.contains(name) {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// The syscalls reported through the generic events (no event of their
/// own), by name: the ones of the x86_64 syscall table without a dedicated
/// event pair.
pub(super) fn generic_syscall_names() -> BTreeSet<&'static str> {
    table::syscall_table()
        .iter()
        .filter(|e| !e.is_empty())
        .filter(|e| e.event_codes() == (table::codes::PPME_GENERIC_E, table::codes::PPME_GENERIC_X))
        .filter_map(|e| table::ppm_sc_name(e.ppm_sc))
        .filter(|n| !n.is_empty() && *n != "unknown")
        .collect()
}

fn sorted(set: impl IntoIterator<Item = String>) -> Value {
    let s: BTreeSet<String> = set.into_iter().collect();
    json!(s)
}

/// Builds Falco's `-L`/`-l RULE` JSON for the rules `engine` has loaded
/// (see the module docs for the shape).
///
/// ```
/// use falco::cli::describe_json;
/// use falco::events::SyscallSource;
/// use falco::rules::Engine;
///
/// let mut engine = Engine::builder().source(SyscallSource::new()).build();
/// let r = engine.load_str("r.yaml", "\
/// - macro: spawned
///   condition: evt.type = execve
/// - rule: Shell
///   desc: A shell ran.
///   condition: spawned and proc.name in (bash, sh)
///   output: shell %proc.name
///   priority: WARNING
/// ");
/// assert!(r.successful());
/// let doc = describe_json(&engine, Some("Shell"))?;
/// let details = &doc["rules"][0]["details"];
/// assert_eq!(details["macros"], serde_json::json!(["spawned"]));
/// assert_eq!(details["condition_fields"], serde_json::json!(["evt.type", "proc.name"]));
/// assert_eq!(details["events"], serde_json::json!(["asyncevent", "execve"]));
/// assert!(describe_json(&engine, Some("Nope")).is_err());
/// # Ok::<(), falco::cli::DescribeError>(())
/// ```
///
/// # Errors
///
/// [`DescribeError::NotLoaded`] when `only` names no loaded rule.
pub fn describe_json(engine: &Engine, only: Option<&str>) -> Result<Value, DescribeError> {
    let c = engine.collector();
    let mut scratch = LoadResult::new("");
    let resolved = ResolvedRuleset::resolve(c, &mut scratch);
    let known_macros: BTreeSet<&str> = c.macros().iter().map(|m| m.name.as_str()).collect();
    let known_lists: BTreeSet<&str> = c.lists().iter().map(|l| l.name.as_str()).collect();
    let details = |e: &Expr| {
        let mut r = Resolver {
            known_macros: &known_macros,
            known_lists: &known_lists,
            out: Details::default(),
        };
        r.expr(e);
        r.out
    };
    // The condition as written: unparsable text (never the case once the
    // rules loaded) names nothing.
    let written = |text: &str| {
        parse_condition(text)
            .map(|e| details(&e))
            .unwrap_or_default()
    };
    let by_name: BTreeMap<&str, &falco_rules::resolve::ResolvedRule> = resolved
        .rules()
        .iter()
        .map(|r| (resolved.info(r).name.as_str(), r))
        .collect();

    let rule_json = |r: &falco_rules::engine::Rule| -> Option<Value> {
        let info = c.rule(&r.name)?;
        let rr = by_name.get(&*r.name)?;
        let raw = written(info.condition.as_str());
        let compiled = details(&rr.expr);
        let mut exception_names = BTreeSet::new();
        let mut exception_operators = BTreeSet::new();
        for x in &info.exceptions {
            exception_names.insert(x.name.clone());
            // One comparison, or a list of them (two levels at most, as
            // Falco reads them).
            let comps = x.comps.items();
            if comps.is_empty() {
                exception_operators.insert(x.comps.text().to_string());
            }
            for op in comps {
                let inner = op.items();
                if inner.is_empty() {
                    exception_operators.insert(op.text().to_string());
                }
                exception_operators.extend(inner.iter().map(|i| i.text().to_string()));
            }
        }
        let output_fields: Vec<&str> = r.output.field_keys();
        Some(json!({
            "info": {
                "name": &*r.name,
                "condition": info.condition.as_str(),
                "priority": r.priority.name(),
                "output": info.output.as_str(),
                "description": r.desc,
                "enabled": info.enabled,
                "source": &*r.source,
                "capture": r.capture,
                "capture_duration": r.capture_duration,
                "tags": info.tags,
            },
            "details": {
                "macros": sorted(raw.macros),
                "lists": sorted(raw.lists),
                "condition_operators": sorted(compiled.operators),
                "condition_fields": sorted(compiled.fields),
                "output_fields": output_fields,
                "exception_fields": sorted(info.exception_fields()),
                "exception_names": sorted(exception_names),
                "exception_operators": sorted(exception_operators),
                "events": sorted(event_names(&rr.expr, &*r.source == "syscall")),
                "condition_compiled": rr.expr.to_string(),
                "output_compiled": r.output.source(),
                "plugins": [],
            },
        }))
    };

    let rules = engine.ruleset().rules();
    if let Some(name) = only {
        let r = rules
            .iter()
            .find(|r| &*r.name == name)
            .ok_or_else(|| DescribeError::NotLoaded(name.to_string()))?;
        let one = rule_json(r).ok_or_else(|| DescribeError::NotLoaded(name.to_string()))?;
        return Ok(json!({ "rules": [one] }));
    }

    let plugins: Vec<Value> = c
        .required_plugin_versions()
        .iter()
        .filter_map(|req| {
            let (first, rest) = req.alternatives.split_first()?;
            Some(json!({
                "name": first.name,
                "version": first.version,
                "alternatives": rest.iter().map(|a| json!({"name": a.name, "version": a.version})).collect::<Vec<_>>(),
            }))
        })
        .collect();

    let macros: Vec<Value> = c
        .macros()
        .iter()
        .enumerate()
        // Falco describes the macros it compiled: one that failed to
        // resolve stopped the load before `-L` runs.
        .filter_map(|(i, m)| {
            let expr = resolved.macro_expr(i)?;
            let raw = written(m.condition.as_str());
            let compiled = details(expr);
            Some(json!({
                "info": { "name": m.name, "condition": m.condition.as_str() },
                "details": {
                    "used": resolved.macro_used(i),
                    "macros": sorted(raw.macros),
                    "lists": sorted(raw.lists),
                    "condition_operators": sorted(compiled.operators),
                    "condition_fields": sorted(compiled.fields),
                    "events": sorted(event_names(expr, true)),
                    "condition_compiled": expr.to_string(),
                    "plugins": [],
                },
            }))
        })
        .collect();

    let lists: Vec<Value> = resolved
        .expanded_lists()
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({
                "info": { "name": l.name, "items": l.raw_items },
                "details": {
                    "used": resolved.list_used(i),
                    "lists": sorted(l.references.iter().cloned()),
                    "items_compiled": l.items,
                    "plugins": [],
                },
            })
        })
        .collect();

    Ok(json!({
        "required_engine_version": c.required_engine_version().map(|v| v.to_string()).unwrap_or_else(|| "0.0.0".into()),
        "required_plugin_versions": plugins,
        "rules": rules.iter().filter_map(rule_json).collect::<Vec<_>>(),
        "macros": macros,
        "lists": lists,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(cond: &str) -> Details {
        let macros: BTreeSet<&str> = ["m1", "m2"].into_iter().collect();
        let lists: BTreeSet<&str> = ["l1", "l2"].into_iter().collect();
        let mut r = Resolver {
            known_macros: &macros,
            known_lists: &lists,
            out: Details::default(),
        };
        r.expr(&parse_condition(cond).expect("condition parses"));
        r.out
    }

    fn set(xs: &[&str]) -> BTreeSet<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    /// What Falco's `filter_details_resolver` finds in a condition.
    #[test]
    fn details_are_falcos_filter_details() {
        /// A condition, then the fields, operators, macros and lists it names.
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: &[Case] = &[
            ("proc.name = cat", &["proc.name"], &["="], &[], &[]),
            ("m1 and not m3", &[], &[], &["m1"], &[]),
            (
                "proc.aname[2] in (l1, bash, l3) or fd.name exists",
                &["fd.name", "proc.aname[2]"],
                &["exists", "in"],
                &[],
                &["l1"],
            ),
            (
                "tolower(proc.name) = val(proc.pname)",
                &["proc.name", "proc.pname"],
                &["="],
                &[],
                &[],
            ),
            (
                "evt.type in (l2, open) and m2 and fd.num >= 3",
                &["evt.type", "fd.num"],
                &[">=", "in"],
                &["m2"],
                &["l2"],
            ),
        ];
        for (cond, fields, ops, macros, lists) in cases {
            let d = resolve(cond);
            assert_eq!(d.fields, set(fields), "{cond}");
            assert_eq!(d.operators, set(ops), "{cond}");
            assert_eq!(d.macros, set(macros), "{cond}");
            assert_eq!(d.lists, set(lists), "{cond}");
        }
    }

    #[test]
    fn events_follow_falcos_get_json_evt_types() {
        let names = |cond: &str, syscall: bool| -> Vec<String> {
            event_names(&parse_condition(cond).expect("parses"), syscall)
                .into_iter()
                .collect()
        };
        assert_eq!(names("evt.type = execve", true), ["asyncevent", "execve"]);
        // A syscall without an event of its own is named by the syscall.
        assert_eq!(names("evt.type = getpid", true), ["asyncevent", "getpid"]);
        assert_eq!(
            names("evt.type in (open, openat) and fd.num > 0", true),
            ["asyncevent", "open", "openat"]
        );
        // Another source: its plugin events.
        assert_eq!(names("ka.verb = get", false), ["asyncevent", "pluginevent"]);
        // No event type: every name, the generic pair's own excepted.
        let all = names("proc.name = cat", true);
        assert!(all.len() > 300, "{}", all.len());
        assert!(!all.iter().any(|n| n == "syscall"));
        assert!(
            !all.iter().any(|n| n == "sched_switch"),
            "tracepoints go by their events"
        );
    }
}

//! Cost order: the operands of `and`/`or` rearranged so that the checks
//! most likely to decide the result for the least work run first.
//!
//! `and` and `or` over checks are pure (a check reads fields of the current
//! event and has no effect), so their operands may run in any order
//! without changing the result; only the work done to reach it changes.
//! Falco's rules are written for people: `open_read and sensitive_files and
//! proc_name_exists and not proc.name in (...)` puts the selective
//! `sensitive_files` after macros that hold for every `open` event, and a
//! rule's exceptions (`and not ...`, which almost never decide) are mixed
//! with its selective tests.
//!
//! The estimate is static, from the condition alone: each check has a cost
//! (its field's extraction: an ancestor walk costs more than `proc.name`, a
//! formatted argument more than a number; its operator: a regex more than a
//! hashed `in`) and a probability of holding (a positive `=`/`in`/`startswith`
//! on an event's name or path rarely holds, `!=` and `exists` usually do, a
//! test of `evt.type` holds half the time: the rule index already chose the
//! event by the union of the rule's types, but a branch may test some). The operands of an `and` run in increasing order of
//! `cost / P(false)` (the cheapest way to a short circuit), those of an `or`
//! in increasing order of `cost / P(true)`: the classic order for
//! independent tests. Ties keep the source order.

use crate::ast::{Check, Expr, Operand, Operator, Rhs};

/// An estimate of the work of evaluating an expression, in units of one
/// cheap check, and of the probability that it holds.
#[derive(Clone, Copy, Debug)]
struct Estimate {
    cost: f64,
    p_true: f64,
}

/// The order in which to run the operands `xs` of an `and` (`is_and`) or
/// an `or`: indexes into `xs`, cheapest decisive first (see the module
/// docs); ties keep the source order.
pub(crate) fn child_order(xs: &[Expr], is_and: bool) -> Vec<usize> {
    let ests: Vec<Estimate> = xs.iter().map(estimate).collect();
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    // The chance that an operand ends the evaluation: false for `and`,
    // true for `or`.
    let key = |e: &Estimate| {
        let p = if is_and { 1.0 - e.p_true } else { e.p_true };
        e.cost / p.max(1e-3)
    };
    idx.sort_by(|&a, &b| key(&ests[a]).total_cmp(&key(&ests[b])));
    idx
}

/// The estimate of `e` with its operands in [`child_order`].
fn estimate(e: &Expr) -> Estimate {
    match e {
        Expr::And(xs) | Expr::Or(xs) => {
            let is_and = matches!(e, Expr::And(_));
            // Expected cost in cost order, and the probability of the whole.
            let mut cost = 0.0;
            let mut reach = 1.0;
            for i in child_order(xs, is_and) {
                let est = estimate(&xs[i]);
                cost += reach * est.cost;
                reach *= if is_and { est.p_true } else { 1.0 - est.p_true };
            }
            let p_true = if is_and { reach } else { 1.0 - reach };
            Estimate { cost, p_true }
        }
        Expr::Not(x) => {
            let est = estimate(x);
            Estimate {
                cost: est.cost,
                p_true: 1.0 - est.p_true,
            }
        }
        Expr::Macro { .. } => Estimate {
            cost: 1.0,
            p_true: 0.5,
        },
        Expr::Check(c) => check_estimate(c),
    }
}

/// The cost of extracting a field, by its name.
fn field_cost(name: &str) -> f64 {
    match name {
        "evt.type" | "evt.dir" | "evt.num" | "evt.res" | "evt.rawres" | "evt.failed"
        | "evt.cpu" | "evt.is_open_read" | "evt.is_open_write" | "evt.is_open_exec"
        | "evt.is_open_create" | "evt.category" => 1.0,
        "proc.name"
        | "proc.exe"
        | "proc.exepath"
        | "proc.pid"
        | "proc.vpid"
        | "proc.tty"
        | "proc.sid"
        | "proc.is_exe_writable"
        | "proc.is_exe_upper_layer"
        | "fd.num"
        | "fd.type"
        | "fd.typechar"
        | "fd.name"
        | "fd.directory"
        | "fd.filename"
        | "fd.l4proto"
        | "user.uid"
        | "user.name"
        | "user.loginuid"
        | "container.id" => 2.0,
        "proc.pname" | "proc.pexe" | "proc.pexepath" | "proc.ppid" => 3.0,
        "proc.cmdline" | "proc.args" | "proc.env" | "proc.exeline" | "proc.pcmdline"
        | "evt.args" | "evt.arg" | "evt.rawarg" | "evt.buffer" => 5.0,
        n if n.starts_with("proc.a") => 8.0,
        n if n.starts_with("evt.arg") || n.starts_with("evt.rawarg") => 5.0,
        _ => 3.0,
    }
}

/// The cost and chance of holding of one check.
fn check_estimate(c: &Check) -> Estimate {
    let (lhs_cost, name) = match &c.lhs {
        Operand::Field(f) => (field_cost(&f.name), f.name.as_str()),
        // A transformer: its fields and the transformation.
        Operand::Transformer(_) => (8.0, ""),
    };
    use Operator::*;
    let op_cost = match c.op {
        Regex => 8.0,
        Glob | IGlob => 2.0,
        Contains | IContains | BContains | StartsWith | BStartsWith | EndsWith | Pmatch => 1.0,
        _ => 0.0,
    };
    let rhs_cost = match &c.rhs {
        Rhs::Operand(_) => 4.0,
        _ => 0.0,
    };
    let p_true = match c.op {
        // The rule index chose the event by the union of the rule's types:
        // a test of one branch's types may still fail.
        _ if name == "evt.type" || name == "evt.dir" => 0.5,
        Ne | Exists => 0.9,
        Lt | Le | Gt | Ge => 0.5,
        Eq | EqEq if matches!(&c.rhs, Rhs::Value(v) if is_bool_text(v)) => 0.5,
        _ => 0.1,
    };
    Estimate {
        cost: lhs_cost + op_cost + rhs_cost,
        p_true,
    }
}

fn is_bool_text(v: &crate::ast::Value) -> bool {
    matches!(v.text.as_str(), "true" | "false")
}

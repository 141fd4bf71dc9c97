//! Macro expansion on the condition AST.
//!
//! An identifier in check position names a macro; it is replaced by a clone of
//! the macro's (already expanded) AST, as Falco does — by tree, not by text, so
//! no parentheses are needed around macro bodies.

use crate::ast::{Expr, Pos};
use crate::error::{Error, ErrorKind};

/// What a macro name refers to, from the point of view of one condition.
#[non_exhaustive]
pub enum MacroRef<'a> {
    /// A visible macro, with its expanded body.
    Found(&'a Expr),
    /// The macro that is being expanded itself: a reference loop.
    Loop,
    /// No visible macro of that name.
    Undefined,
}

/// Replaces every macro reference in `expr` by the body `lookup` gives.
///
/// Bodies are inserted as they are: callers expand each macro once, in
/// definition order, and hand back expanded bodies, so the result has no macro
/// nodes. `on_use` is called with the name of every macro referenced.
///
/// Errors: `Undefined macro 'X' used in filter.` and `reference loop in macro
/// 'X'`, each at the identifier's position.
pub fn expand_macros<'a>(
    expr: &Expr,
    lookup: &mut dyn FnMut(&str) -> MacroRef<'a>,
    on_use: &mut dyn FnMut(&str),
) -> Result<Expr, Error> {
    Ok(match expr {
        Expr::And(xs) => Expr::And(
            xs.iter()
                .map(|x| expand_macros(x, lookup, on_use))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Or(xs) => Expr::Or(
            xs.iter()
                .map(|x| expand_macros(x, lookup, on_use))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Not(x) => Expr::Not(Box::new(expand_macros(x, lookup, on_use)?)),
        Expr::Check(c) => Expr::Check(c.clone()),
        Expr::Macro { name, pos } => match lookup(name) {
            MacroRef::Found(body) => {
                on_use(name);
                body.clone()
            }
            MacroRef::Loop => return Err(loop_error(name, *pos)),
            MacroRef::Undefined => return Err(undefined_error(name, *pos)),
        },
    })
}

/// The error for a reference to a macro that does not exist (or is not visible).
pub fn undefined_error(name: &str, pos: Pos) -> Error {
    Error::new(
        ErrorKind::UndefinedMacro,
        format!("Undefined macro '{name}' used in filter."),
        pos,
    )
    .with_subject(name)
}

fn loop_error(name: &str, pos: Pos) -> Error {
    Error::new(
        ErrorKind::UndefinedMacro,
        format!("reference loop in macro '{name}'"),
        pos,
    )
}

/// Calls `f` on every position inside `expr` (nodes, operands, values,
/// transformer arguments), so a caller can re-base positions, e.g. to record
/// which text a node of an expanded macro came from.
pub fn for_each_pos_mut(expr: &mut Expr, f: &mut dyn FnMut(&mut Pos)) {
    use crate::ast::{Operand, Rhs, Transformer, TransformerArg};

    fn transformer(t: &mut Transformer, f: &mut dyn FnMut(&mut Pos)) {
        f(&mut t.pos);
        for a in &mut t.args {
            arg(a, f);
        }
    }
    fn arg(a: &mut TransformerArg, f: &mut dyn FnMut(&mut Pos)) {
        match a {
            TransformerArg::Field(x) => f(&mut x.pos),
            TransformerArg::Transformer(t) => transformer(t, f),
            TransformerArg::Str(v) | TransformerArg::Num(v) => f(&mut v.pos),
            TransformerArg::List(xs) => xs.iter_mut().for_each(|x| arg(x, f)),
        }
    }
    fn operand(o: &mut Operand, f: &mut dyn FnMut(&mut Pos)) {
        match o {
            Operand::Field(x) => f(&mut x.pos),
            Operand::Transformer(t) => transformer(t, f),
        }
    }
    match expr {
        Expr::And(xs) | Expr::Or(xs) => xs.iter_mut().for_each(|x| for_each_pos_mut(x, f)),
        Expr::Not(x) => for_each_pos_mut(x, f),
        Expr::Macro { pos, .. } => f(pos),
        Expr::Check(c) => {
            operand(&mut c.lhs, f);
            f(&mut c.op_pos);
            match &mut c.rhs {
                Rhs::None => {}
                Rhs::Value(v) => f(&mut v.pos),
                Rhs::List(vs) => vs.iter_mut().for_each(|v| f(&mut v.pos)),
                Rhs::Operand(o) => operand(o, f),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_condition;

    #[test]
    fn macros_expand_by_tree_not_text() {
        let body = parse_condition("a.b = 1 or a.c = 2").expect("parses");
        let rule = parse_condition("m and a.d = 3").expect("parses");
        let mut used = vec![];
        let out = expand_macros(
            &rule,
            &mut |n| {
                if n == "m" {
                    MacroRef::Found(&body)
                } else {
                    MacroRef::Undefined
                }
            },
            &mut |n| used.push(n.to_string()),
        )
        .expect("expands");
        assert_eq!(out.to_string(), "((a.b = 1 or a.c = 2) and a.d = 3)");
        assert_eq!(used, ["m"]);
    }

    #[test]
    fn undefined_macro_points_at_the_identifier() {
        let rule = parse_condition("a.d = 3 and\n  nope").expect("parses");
        let err = expand_macros(&rule, &mut |_| MacroRef::Undefined, &mut |_| {}).unwrap_err();
        assert_eq!(err.message(), "Undefined macro 'nope' used in filter.");
        assert_eq!((err.pos().line, err.pos().col), (2, 3));
    }

    #[test]
    fn self_reference_is_a_loop() {
        let rule = parse_condition("m").expect("parses");
        let err = expand_macros(&rule, &mut |_| MacroRef::Loop, &mut |_| {}).unwrap_err();
        assert_eq!(err.message(), "reference loop in macro 'm'");
    }
}

//! The condition AST: what a condition says, with a position on every node.
//!
//! Produced by [`crate::parse_condition`], consumed by the macro resolver and
//! the [`crate::compile`] stage. Nothing here is interpreted: values are kept as
//! the text that was written (after unescaping), and field names are not checked
//! against any schema yet.
//!
//! Invariants:
//! - `And` and `Or` hold at least two children.
//! - `Not` wraps exactly one child. As in Falco, the parser folds a chain of
//!   `not`s to its parity (`not not x` is `x`); `not (not x)` is two nested `Not`s.
//! - A [`Check`] whose operator is [`Operator::Exists`] has [`Rhs::None`]; every
//!   other operator has a right-hand side.
//!
//! `Display` prints an expression in Falco's canonical form (the string Falco
//! shows as `condition_compiled`): `(a and b)`, `not x`, `left op right`, lists as
//! `(a, b)`, values quoted only when they must be.

use std::fmt;

/// A position inside the condition text.
///
/// `offset` is a 0-based byte offset; `line` and `col` are 1-based, counted the
/// way Falco's parser counts them (each `\r` or `\n` starts a new line, columns
/// count bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    /// 0-based byte offset into the condition text.
    pub offset: usize,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in bytes.
    pub col: u32,
}

impl Pos {
    /// The position of the first byte of a condition.
    pub const START: Pos = Pos {
        offset: 0,
        line: 1,
        col: 1,
    };

    /// Computes the position of byte `offset` in `text`.
    pub fn at(text: &str, offset: usize) -> Pos {
        let mut line = 1;
        let mut col = 1;
        for &b in text.as_bytes().iter().take(offset) {
            if b == b'\n' || b == b'\r' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        Pos { offset, line, col }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A boolean expression over checks.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Expr {
    /// `a and b and ...` (n-ary, at least two children).
    And(Vec<Expr>),
    /// `a or b or ...` (n-ary, at least two children).
    Or(Vec<Expr>),
    /// `not a`.
    Not(Box<Expr>),
    /// A bare identifier in check position: a reference to a macro.
    Macro {
        /// The macro name as written.
        name: String,
        /// Where the identifier starts.
        pos: Pos,
    },
    /// A field check such as `proc.name = cat` or `fd.name exists`.
    Check(Box<Check>),
}

/// One comparison: `lhs op [modifier] rhs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The left-hand side: a field or a transformer over fields.
    pub lhs: Operand,
    /// The comparison operator.
    pub op: Operator,
    /// `oneof`, `anyof` or `allof` after a string operator (Falco ≥ 0.44).
    pub modifier: Option<Modifier>,
    /// The right-hand side ([`Rhs::None`] for `exists`).
    pub rhs: Rhs,
    /// Where the operator starts (the left-hand side carries its own position).
    pub op_pos: Pos,
}

/// A field reference `name` or `name[arg]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldRef {
    /// The dotted field name, e.g. `proc.aname`.
    pub name: String,
    /// The argument between brackets, unescaped, e.g. `2` in `proc.aname[2]`.
    pub arg: Option<String>,
    /// Where the field name starts.
    pub pos: Pos,
}

/// Something that produces values: a field, or a transformer applied to fields.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Operand {
    /// A plain field.
    Field(FieldRef),
    /// A transformer call such as `tolower(proc.name)` or `val(proc.pname)`.
    Transformer(Transformer),
}

impl Operand {
    /// The position where this operand starts.
    pub fn pos(&self) -> Pos {
        match self {
            Operand::Field(f) => f.pos,
            Operand::Transformer(t) => t.pos,
        }
    }
}

/// The transformers of Falco's condition language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransformerKind {
    /// `val(field)`: the field's value, usable as a right-hand side.
    Val,
    /// `tolower(x)`: ASCII lower case.
    ToLower,
    /// `toupper(x)`: ASCII upper case.
    ToUpper,
    /// `b64(x)`: base64 **decode**.
    B64,
    /// `basename(x)`: the text after the last `/`.
    Basename,
    /// `len(x)`: string length, buffer length, or list element count.
    Len,
    /// `join(sep, list)`: joins list elements with a separator.
    Join,
    /// `concat(a, b, ...)`: concatenates strings.
    Concat,
    /// `getopt(args, "optstring")[c]`: POSIX getopt-like scan of an argv list.
    Getopt,
}

impl TransformerKind {
    /// Every transformer, in the order Falco's error messages list them.
    pub const ALL: [TransformerKind; 9] = [
        TransformerKind::Val,
        TransformerKind::ToLower,
        TransformerKind::ToUpper,
        TransformerKind::B64,
        TransformerKind::Basename,
        TransformerKind::Len,
        TransformerKind::Join,
        TransformerKind::Concat,
        TransformerKind::Getopt,
    ];

    /// The transformer's name as written in conditions.
    pub fn name(self) -> &'static str {
        match self {
            TransformerKind::Val => "val",
            TransformerKind::ToLower => "tolower",
            TransformerKind::ToUpper => "toupper",
            TransformerKind::B64 => "b64",
            TransformerKind::Basename => "basename",
            TransformerKind::Len => "len",
            TransformerKind::Join => "join",
            TransformerKind::Concat => "concat",
            TransformerKind::Getopt => "getopt",
        }
    }

    /// Looks a transformer up by name.
    pub fn from_name(name: &str) -> Option<TransformerKind> {
        TransformerKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A transformer call.
#[derive(Clone, Debug, PartialEq)]
pub struct Transformer {
    /// Which transformer.
    pub kind: TransformerKind,
    /// The arguments, in order.
    pub args: Vec<TransformerArg>,
    /// The `[arg]` after the closing parenthesis (used by `getopt`), if any.
    pub index: Option<String>,
    /// Where the transformer name starts.
    pub pos: Pos,
}

/// One argument of a transformer call.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum TransformerArg {
    /// A field.
    Field(FieldRef),
    /// A nested transformer.
    Transformer(Transformer),
    /// A quoted string (unescaped).
    Str(Value),
    /// A number, as written.
    Num(Value),
    /// A parenthesized list of arguments (`join(",", (a.b, c.d))`).
    List(Vec<TransformerArg>),
}

/// A constant value on a right-hand side, as written (after unescaping).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Value {
    /// The text of the value.
    pub text: String,
    /// True if it was written between quotes.
    pub quoted: bool,
    /// Where the value starts (the opening quote for quoted values).
    pub pos: Pos,
}

/// The right-hand side of a check.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rhs {
    /// No right-hand side (`exists`).
    None,
    /// One constant value.
    Value(Value),
    /// A parenthesized list of values, possibly empty. An identifier after a
    /// list operator (`in my_list` once lists are substituted) is a one-value list.
    List(Vec<Value>),
    /// A field comparison through `val()` or another transformer.
    Operand(Operand),
}

/// The comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operator {
    /// `=`
    Eq,
    /// `==` (same meaning as `=`, kept for printing).
    EqEq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `contains`
    Contains,
    /// `icontains`
    IContains,
    /// `bcontains`
    BContains,
    /// `startswith`
    StartsWith,
    /// `bstartswith`
    BStartsWith,
    /// `endswith`
    EndsWith,
    /// `glob`
    Glob,
    /// `iglob`
    IGlob,
    /// `regex`
    Regex,
    /// `in`
    In,
    /// `intersects`
    Intersects,
    /// `pmatch`
    Pmatch,
    /// `exists`
    Exists,
}

impl Operator {
    /// Every operator, in the order Falco's error messages list them.
    pub const ALL: [Operator; 20] = [
        Operator::Eq,
        Operator::EqEq,
        Operator::Ne,
        Operator::Lt,
        Operator::Le,
        Operator::Gt,
        Operator::Ge,
        Operator::Glob,
        Operator::IGlob,
        Operator::Contains,
        Operator::IContains,
        Operator::BContains,
        Operator::StartsWith,
        Operator::BStartsWith,
        Operator::EndsWith,
        Operator::Regex,
        Operator::In,
        Operator::Intersects,
        Operator::Pmatch,
        Operator::Exists,
    ];

    /// The operator as written in conditions.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "=",
            Operator::EqEq => "==",
            Operator::Ne => "!=",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Contains => "contains",
            Operator::IContains => "icontains",
            Operator::BContains => "bcontains",
            Operator::StartsWith => "startswith",
            Operator::BStartsWith => "bstartswith",
            Operator::EndsWith => "endswith",
            Operator::Glob => "glob",
            Operator::IGlob => "iglob",
            Operator::Regex => "regex",
            Operator::In => "in",
            Operator::Intersects => "intersects",
            Operator::Pmatch => "pmatch",
            Operator::Exists => "exists",
        }
    }

    /// Looks an operator up by its spelling.
    pub fn from_str_op(s: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// True for `in`, `intersects` and `pmatch`, whose right-hand side is a list.
    pub fn is_list_op(self) -> bool {
        matches!(self, Operator::In | Operator::Intersects | Operator::Pmatch)
    }

    /// True for the operators that accept a `oneof`/`anyof`/`allof` modifier.
    pub fn accepts_modifier(self) -> bool {
        matches!(
            self,
            Operator::Eq
                | Operator::EqEq
                | Operator::Ne
                | Operator::Contains
                | Operator::IContains
                | Operator::BContains
                | Operator::StartsWith
                | Operator::BStartsWith
                | Operator::EndsWith
                | Operator::Glob
                | Operator::IGlob
                | Operator::Regex
        )
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The list modifiers of string operators (Falco ≥ 0.44).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Modifier {
    /// Exactly one element satisfies the operator.
    OneOf,
    /// At least one element satisfies the operator.
    AnyOf,
    /// Every element satisfies the operator.
    AllOf,
}

impl Modifier {
    /// The modifier as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::OneOf => "oneof",
            Modifier::AnyOf => "anyof",
            Modifier::AllOf => "allof",
        }
    }

    /// Looks a modifier up by its spelling.
    pub fn from_name(s: &str) -> Option<Modifier> {
        match s {
            "oneof" => Some(Modifier::OneOf),
            "anyof" => Some(Modifier::AnyOf),
            "allof" => Some(Modifier::AllOf),
            _ => None,
        }
    }
}

/// Writes `v` as Falco prints values in canonical conditions: as is, or
/// double-quoted with escapes when it holds a space, `=`, a backslash, a quote,
/// NUL or one of `\b \f \n \r \t` (and when it is empty, so it reads back).
/// Other control characters are written as they are, as Falco does.
pub fn write_value(f: &mut impl fmt::Write, v: &str) -> fmt::Result {
    let needs_quotes = v.is_empty()
        || v.bytes().any(|b| {
            matches!(
                b,
                b' ' | b'=' | b'\\' | b'"' | b'\'' | 0 | 0x08 | 0x0c | b'\n' | b'\r' | b'\t'
            )
        });
    if !needs_quotes {
        return f.write_str(v);
    }
    f.write_char('"')?;
    for c in v.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '"' => f.write_str("\\\"")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Writes `[arg]` as Falco prints field arguments: the argument is quoted
/// like a value when it must be, and an empty argument prints as `[""]`.
fn write_field_arg(f: &mut impl fmt::Write, arg: &str) -> fmt::Result {
    f.write_char('[')?;
    write_value(f, arg)?;
    f.write_char(']')
}

impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(arg) = &self.arg {
            write_field_arg(f, arg)?;
        }
        Ok(())
    }
}

impl fmt::Display for Transformer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.kind.name())?;
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{a}")?;
        }
        f.write_str(")")?;
        if let Some(idx) = &self.index {
            write_field_arg(f, idx)?;
        }
        Ok(())
    }
}

impl fmt::Display for TransformerArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransformerArg::Field(x) => write!(f, "{x}"),
            TransformerArg::Transformer(t) => write!(f, "{t}"),
            TransformerArg::Str(v) | TransformerArg::Num(v) => write_value(f, &v.text),
            TransformerArg::List(items) => {
                f.write_str("(")?;
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{a}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Field(x) => write!(f, "{x}"),
            Operand::Transformer(t) => write!(f, "{t}"),
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.lhs, self.op)?;
        if let Some(m) = self.modifier {
            write!(f, " {}", m.as_str())?;
        }
        match &self.rhs {
            Rhs::None => Ok(()),
            Rhs::Value(v) => {
                f.write_str(" ")?;
                write_value(f, &v.text)
            }
            Rhs::List(items) => {
                f.write_str(" (")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write_value(f, &v.text)?;
                }
                f.write_str(")")
            }
            Rhs::Operand(o) => write!(f, " {o}"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::And(xs) | Expr::Or(xs) => {
                let sep = if matches!(self, Expr::And(_)) {
                    " and "
                } else {
                    " or "
                };
                f.write_str("(")?;
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep)?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str(")")
            }
            Expr::Not(x) => write!(f, "not {x}"),
            Expr::Macro { name, .. } => f.write_str(name),
            Expr::Check(c) => write!(f, "{c}"),
        }
    }
}

/// A visitor over expressions, in the style of `regex-syntax`'s visitors: the
/// default methods walk the whole tree, override the ones you need.
pub trait Visitor {
    /// Called for every expression node, parents before children.
    fn visit_expr(&mut self, e: &Expr) {
        walk_expr(self, e);
    }
    /// Called for every check.
    fn visit_check(&mut self, _c: &Check) {}
    /// Called for every macro reference.
    fn visit_macro(&mut self, _name: &str, _pos: Pos) {}
}

/// Walks the children of `e`, calling `v` on each (the default traversal).
pub fn walk_expr<V: Visitor + ?Sized>(v: &mut V, e: &Expr) {
    match e {
        Expr::And(xs) | Expr::Or(xs) => {
            for x in xs {
                v.visit_expr(x);
            }
        }
        Expr::Not(x) => v.visit_expr(x),
        Expr::Macro { name, pos } => v.visit_macro(name, *pos),
        Expr::Check(c) => v.visit_check(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Value {
        Value {
            text: s.into(),
            quoted: false,
            pos: Pos::START,
        }
    }

    fn field(s: &str) -> Operand {
        Operand::Field(FieldRef {
            name: s.into(),
            arg: None,
            pos: Pos::START,
        })
    }

    #[test]
    fn canonical_print_quotes_only_when_needed() {
        let e = Expr::And(vec![
            Expr::Check(Box::new(Check {
                lhs: field("evt.type"),
                op: Operator::Eq,
                modifier: None,
                rhs: Rhs::Value(val("open")),
                op_pos: Pos::START,
            })),
            Expr::Not(Box::new(Expr::Check(Box::new(Check {
                lhs: field("proc.cmdline"),
                op: Operator::Contains,
                modifier: None,
                rhs: Rhs::Value(val("curl 127.0.0.1")),
                op_pos: Pos::START,
            })))),
            Expr::Check(Box::new(Check {
                lhs: field("proc.name"),
                op: Operator::In,
                modifier: None,
                rhs: Rhs::List(vec![val("ash"), val("bash")]),
                op_pos: Pos::START,
            })),
        ]);
        assert_eq!(
            e.to_string(),
            r#"(evt.type = open and not proc.cmdline contains "curl 127.0.0.1" and proc.name in (ash, bash))"#
        );
    }

    #[test]
    fn pos_counts_cr_and_lf_as_lines() {
        let p = Pos::at("a\r\nbc", 4);
        assert_eq!((p.line, p.col), (3, 2));
    }
}

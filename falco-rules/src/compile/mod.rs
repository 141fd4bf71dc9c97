//! The compile stage: condition AST → bytecode [`Program`], and its evaluator.
//!
//! The [`Compiler`] resolves every field against a [`FieldSchema`], applies
//! Falco's type rules (which operators each type allows, how constants
//! convert), precomputes every constant (hash sets for `in`, compiled regexes
//! and globs, path tries for `pmatch`, decoded hex for `bcontains`) and emits
//! a flat instruction array with short-circuit jumps. Errors are worded as
//! Falco words them and point at the offending node.
//!
//! Evaluation semantics are Falco's (rules-language §3.4–§3.8):
//! - a check on a field the event does not have is false, `!=` included;
//!   `exists` is true iff the extraction succeeded; `not` inverts;
//! - strings compare as C strings (a value ends at its first NUL), `<`/`>`
//!   lexically, `icontains` with ASCII case folding;
//! - on list fields `in` means every value is in the set and `intersects`
//!   that one is;
//! - on [`FieldFlags::MATCH_ANY`] fields a check holds when any candidate
//!   value passes it, and `!=` only when every candidate differs.
//!
//! ```
//! use falco_rules::{
//!     parse_condition, Compiler, Field, FieldError, FieldExtractor, FieldSchema, FieldType,
//!     Scratch, Values,
//! };
//!
//! struct Schema;
//! impl FieldSchema for Schema {
//!     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
//!         match name {
//!             "proc.name" => Ok(Field::new(0, FieldType::String)),
//!             "proc.pid" => Ok(Field::new(1, FieldType::Int64)),
//!             _ => Err(FieldError::Unknown(name.to_string())),
//!         }
//!     }
//! }
//!
//! /// An event that only knows its process name.
//! struct Event(&'static str);
//! impl FieldExtractor for Event {
//!     fn extract(&self, field: &Field, out: &mut Values) -> bool {
//!         if field.id != 0 {
//!             return false; // unavailable: every check on it is false
//!         }
//!         out.push_str(self.0);
//!         true
//!     }
//! }
//!
//! let mut compiler = Compiler::new(&Schema);
//! let expr = parse_condition("proc.name in (cat, bash) and not proc.pid = 1").unwrap();
//! let program = compiler.compile(&expr).unwrap();
//!
//! let mut scratch = Scratch::new();
//! scratch.next_event();
//! assert!(program.eval(&Event("bash"), &mut scratch)); // proc.pid is unavailable
//! scratch.next_event();
//! assert!(!program.eval(&Event("zsh"), &mut scratch));
//!
//! // Errors carry Falco's message, a kind and the position they point at.
//! let expr = parse_condition("proc.name = bash and proc.pid contains 1").unwrap();
//! let err = compiler.compile(&expr).unwrap_err();
//! assert_eq!(err.message(), "filter error: 'contains' operator not supported for numeric filters");
//! assert_eq!(err.kind(), falco_rules::ErrorKind::Compile);
//! assert_eq!(err.pos().to_string(), "1:31");
//! ```

mod convert;
pub(crate) mod ops;
mod order;
mod program;
mod transform;

use std::sync::atomic::{AtomicU64, Ordering};

use ahash::AHashMap;
use memchr::memmem;

use crate::ast::{
    Check, Expr, FieldRef, Modifier, Operand, Operator, Rhs, Transformer, TransformerArg,
    TransformerKind, Value as AstValue,
};
use crate::error::{Error, ErrorKind, Warning};
use crate::field::{
    Field, FieldArg, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType, IpNet,
};

use convert::{
    check_comparable, check_no_nul, classify, falco_type_name, op_upper_name, parse_bool,
    parse_int, parse_ip, parse_net, parse_uint, unhex,
};
use ops::pmatch::PathSet;
use program::{CheckDef, CheckKind, CmpOp, Instr, Mode, OperandDef, OperandKind, Test};
use transform::{OptInfo, Unary};

pub use program::{Program, Scratch};

static NEXT_COMPILER_ID: AtomicU64 = AtomicU64::new(1);

/// The cache identity of an operand.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum SlotKey {
    /// A field, by the schema's id and argument.
    Field(u32, FieldArg),
    /// A transformer or literal, by its canonical text.
    Expr(String),
}

/// Compiles conditions into [`Program`]s against one schema.
///
/// Every distinct field (and transformer expression) that one compiler
/// resolves gets a cache slot number shared by all the programs it builds,
/// so an engine that evaluates many programs on one event with one
/// [`Scratch`] extracts each field once.
pub struct Compiler<'s> {
    schema: &'s dyn FieldSchema,
    id: u64,
    slots: AHashMap<SlotKey, u32>,
    warnings: Vec<Warning>,
    cost_order: bool,
}

impl std::fmt::Debug for Compiler<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiler")
            .field("id", &self.id)
            .field("slots", &self.slots.len())
            .finish()
    }
}

/// What the compiler knows about a compiled operand.
struct Info {
    local: u32,
    ty: FieldType,
    is_list: bool,
    /// The name Falco's messages use: the field name (also under
    /// transformers), or the operand's text when there is no field.
    name: String,
    /// The flags of the underlying field.
    flags: FieldFlags,
    /// The field itself, for a plain field operand.
    plain: Option<Field>,
}

/// Where an operand appears.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Lhs,
    Rhs,
    Arg,
}

/// A constant converted to the left-hand type.
enum Const {
    Bytes(Vec<u8>),
    Int(i64),
    Uint(u64),
    Bool(bool),
    Ip(std::net::IpAddr),
    Net(IpNet),
}

#[derive(Default)]
struct Builder {
    operands: Vec<OperandDef>,
    by_slot: AHashMap<u32, u32>,
    checks: Vec<CheckDef>,
    code: Vec<Instr>,
}

fn err(message: impl Into<String>, pos: crate::Pos) -> Error {
    Error::new(ErrorKind::Compile, message, pos)
}

impl<'s> Compiler<'s> {
    /// A compiler resolving fields with `schema`.
    pub fn new(schema: &'s dyn FieldSchema) -> Self {
        Compiler {
            schema,
            id: NEXT_COMPILER_ID.fetch_add(1, Ordering::Relaxed),
            slots: AHashMap::new(),
            warnings: Vec::new(),
            cost_order: false,
        }
    }

    /// Whether [`compile`](Self::compile) orders the operands of each
    /// `and`/`or` by estimated cost, cheapest decisive checks first (off by
    /// default, so a listing follows the condition as written; the
    /// [`Engine`](crate::Engine) turns it on). The result of every program
    /// is the same either way; errors and warnings are those of the
    /// condition as written. The estimate is described in the docs of
    /// `compile/order.rs`: a check's cost from its field and operator, its
    /// chance of deciding from its operator.
    ///
    /// ```
    /// # use falco_rules::{parse_condition, Compiler, Field, FieldError, FieldSchema, FieldType};
    /// # struct Schema;
    /// # impl FieldSchema for Schema {
    /// #     fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
    /// #         match name {
    /// #             "proc.name" => Ok(Field::new(0, FieldType::String)),
    /// #             "proc.cmdline" => Ok(Field::new(1, FieldType::String)),
    /// #             _ => Err(FieldError::Unknown(name.to_string())),
    /// #         }
    /// #     }
    /// # }
    /// let mut compiler = Compiler::new(&Schema);
    /// compiler.set_cost_order(true);
    /// let expr = parse_condition("proc.cmdline contains x and proc.name = cat").unwrap();
    /// let listing = compiler.compile(&expr).unwrap().to_string();
    /// // The equality on proc.name runs before the substring
    /// // search of the command line.
    /// assert!(listing.contains("check   #0 proc.name = cat"), "{listing}");
    /// assert!(listing.contains("check   #1 proc.cmdline contains x"), "{listing}");
    /// // The condition itself is kept as written.
    /// assert!(listing.starts_with("condition: (proc.cmdline contains x and proc.name = cat)"));
    /// ```
    pub fn set_cost_order(&mut self, on: bool) {
        self.cost_order = on;
    }

    /// Compiles one condition. Macro nodes left in the AST are an error
    /// ([`ErrorKind::UndefinedMacro`], "Undefined macro 'X' used in filter.").
    pub fn compile(&mut self, expr: &Expr) -> Result<Program, Error> {
        self.warnings.clear();
        let mut b = Builder::default();
        let emitted = self.emit(&mut b, expr);
        if self.cost_order && (emitted.is_err() || !self.warnings.is_empty()) {
            // Errors and warnings come in the order of the condition as
            // written: emit it again that way (the cost-ordered code is
            // kept when it compiled).
            self.cost_order = false;
            self.warnings.clear();
            let as_written = self.emit(&mut Builder::default(), expr);
            self.cost_order = true;
            as_written?;
        }
        emitted?;
        thread_jumps(&mut b.code);
        Ok(Program::new(
            expr.to_string(),
            self.id,
            b.code,
            b.checks,
            b.operands,
        ))
    }

    /// Warnings of the last [`Compiler::compile`] call (§3.10), with positions.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    fn emit(&mut self, b: &mut Builder, e: &Expr) -> Result<(), Error> {
        match e {
            Expr::And(xs) | Expr::Or(xs) => {
                let is_and = matches!(e, Expr::And(_));
                if xs.is_empty() {
                    b.code.push(Instr::Const(is_and));
                    return Ok(());
                }
                let mut jumps = Vec::new();
                let order = if self.cost_order {
                    order::child_order(xs, is_and)
                } else {
                    (0..xs.len()).collect()
                };
                for (k, &i) in order.iter().enumerate() {
                    self.emit(b, &xs[i])?;
                    if k + 1 < xs.len() {
                        jumps.push(b.code.len());
                        b.code.push(if is_and {
                            Instr::JumpIfFalse(0)
                        } else {
                            Instr::JumpIfTrue(0)
                        });
                    }
                }
                let end = b.code.len() as u32;
                for j in jumps {
                    b.code[j] = match b.code[j] {
                        Instr::JumpIfFalse(_) => Instr::JumpIfFalse(end),
                        _ => Instr::JumpIfTrue(end),
                    };
                }
                Ok(())
            }
            Expr::Not(x) => {
                self.emit(b, x)?;
                b.code.push(Instr::Not);
                Ok(())
            }
            Expr::Macro { name, pos } => Err(Error::new(
                ErrorKind::UndefinedMacro,
                format!("Undefined macro '{name}' used in filter."),
                *pos,
            )
            .with_subject(name.as_str())),
            Expr::Check(c) => {
                let def = self.check(b, c)?;
                b.code.push(Instr::Check(b.checks.len() as u32));
                b.checks.push(def);
                Ok(())
            }
        }
    }

    fn check(&mut self, b: &mut Builder, c: &Check) -> Result<CheckDef, Error> {
        let lhs = self.operand(b, &c.lhs, Side::Lhs)?;
        let op = c.op;
        let text = c.to_string();
        let match_any = lhs.flags.contains(FieldFlags::MATCH_ANY);
        if let Some(m) = c.modifier {
            if !op.accepts_modifier() {
                return Err(err(
                    format!(
                        "filter error: '{op}' operator does not accept the '{}' modifier",
                        m.as_str()
                    ),
                    c.op_pos,
                ));
            }
        }
        if op == Operator::Exists {
            if !matches!(c.rhs, Rhs::None) {
                return Err(err(
                    "filter error: 'exists' takes no right-hand side",
                    c.op_pos,
                ));
            }
            return Ok(CheckDef {
                lhs: lhs.local,
                lhs_slot: 0,
                ty: lhs.ty,
                mode: Mode::First,
                kind: CheckKind::Exists,
                text,
            });
        }
        check_comparable(op, c.modifier, lhs.ty, lhs.is_list)
            .map_err(|m| err(format!("filter error: {m}"), c.op_pos))?;

        let mode = if lhs.is_list {
            if op == Operator::In {
                Mode::All
            } else {
                Mode::Any
            }
        } else if match_any {
            if op == Operator::Ne && c.modifier.is_none() {
                Mode::AllNonEmpty
            } else {
                Mode::Any
            }
        } else {
            Mode::First
        };

        let values: &[AstValue] = match &c.rhs {
            Rhs::None => {
                return Err(err(
                    format!("filter error: '{op}' operator requires a right-hand side"),
                    c.op_pos,
                ))
            }
            Rhs::Operand(o) => {
                let kind = self.field_comparison(b, &lhs, op, c.modifier, o)?;
                return Ok(CheckDef {
                    lhs: lhs.local,
                    lhs_slot: 0,
                    ty: lhs.ty,
                    mode,
                    kind,
                    text,
                });
            }
            Rhs::Value(v) => std::slice::from_ref(v),
            Rhs::List(vs) => {
                if !op.is_list_op() && c.modifier.is_none() {
                    return Err(err(
                        format!("filter error: '{op}' operator expects a single value, not a list"),
                        c.op_pos,
                    ));
                }
                vs
            }
        };

        let mut consts = Vec::with_capacity(values.len());
        for v in values {
            self.value_warnings(op, v);
            let k = convert_const(op, lhs.ty, &v.text)
                .map_err(|m| Error::new(classify(&m), m, v.pos))?;
            if let Some(field) = &lhs.plain {
                self.schema
                    .check_value(field, &v.text)
                    .map_err(|m| Error::new(classify(&m), m, v.pos))?;
            }
            consts.push((k, v));
        }
        let test = build_test(op, c.modifier, consts)?;
        Ok(CheckDef {
            lhs: lhs.local,
            lhs_slot: 0,
            ty: lhs.ty,
            mode,
            kind: CheckKind::Test(test),
            text,
        })
    }

    /// The rules of libsinsp `add_filter_value(rhs_check)`, in its order.
    fn field_comparison(
        &mut self,
        b: &mut Builder,
        lhs: &Info,
        op: Operator,
        modifier: Option<Modifier>,
        o: &Operand,
    ) -> Result<CheckKind, Error> {
        if let Some(m) = modifier {
            return Err(err(
                format!(
                    "filter error: the '{}' modifier needs a list of values, not a field",
                    m.as_str()
                ),
                o.pos(),
            ));
        }
        let rhs = self.operand(b, o, Side::Rhs)?;
        let pos = o.pos();
        if matches!(op, Operator::Pmatch | Operator::Regex) {
            return Err(err(
                format!(
                    "operator '{}' doesn't support right-hand side fields",
                    op_upper_name(op)
                ),
                pos,
            ));
        }
        if lhs.ty == FieldType::IpNet {
            return Err(err(
                "field type 'IPNET' doesn't support right-hand side fields",
                pos,
            ));
        }
        let no_rhs =
            |f: FieldFlags| f.contains(FieldFlags::NO_RHS) || f.contains(FieldFlags::MATCH_ANY);
        if no_rhs(lhs.flags) {
            return Err(err(
                format!(
                    "field '{}' doesn't support right-hand side fields",
                    lhs.name
                ),
                pos,
            ));
        }
        if no_rhs(rhs.flags) {
            return Err(err(
                format!(
                    "field '{}' can't be used as a right-hand side field",
                    rhs.name
                ),
                pos,
            ));
        }
        if lhs.ty != rhs.ty || lhs.is_list != rhs.is_list {
            let list = |l: bool| if l { " (list)" } else { "" };
            return Err(err(
                format!(
                    "field '{}' has type '{}{}' while the right-hand side field '{}' has incompatible type '{}{}'",
                    lhs.name,
                    falco_type_name(lhs.ty),
                    list(lhs.is_list),
                    rhs.name,
                    falco_type_name(rhs.ty),
                    list(rhs.is_list),
                ),
                pos,
            ));
        }
        Ok(CheckKind::Field { op, rhs: rhs.local })
    }

    /// The warnings libsinsp's `check_value_and_add_warnings` gives for a
    /// constant.
    fn value_warnings(&mut self, op: Operator, v: &AstValue) {
        let text = &v.text;
        let nospaces: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r'))
            .collect();
        if op == Operator::Regex && ops::regex_is_trivial(text) {
            self.warnings.push(Warning {
                message: format!(
                    "regex check with '{text}' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'"
                ),
                pos: v.pos,
            });
        }
        if self.looks_like_field(&nospaces) {
            self.warnings.push(Warning {
                message: format!("'{text}' may be a valid field misused as a const string value"),
                pos: v.pos,
            });
        }
        for t in TransformerKind::ALL {
            let name = t.name();
            if nospaces.len() >= name.len() + 2
                && nospaces.starts_with(name)
                && nospaces.as_bytes()[name.len()] == b'('
                && nospaces.ends_with(')')
            {
                self.warnings.push(Warning {
                    message: format!(
                        "'{text}' may be a valid field transformer misused as a const string value"
                    ),
                    pos: v.pos,
                });
            }
        }
    }

    fn looks_like_field(&self, s: &str) -> bool {
        // Cheap filter first: field names are dotted identifiers.
        let head = s.split('[').next().unwrap_or("");
        if !head.contains('.') || !head.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return false;
        }
        let (name, arg) = match s.split_once('[') {
            Some((n, rest)) => match rest.strip_suffix(']') {
                Some(a) => (n, Some(a)),
                None => return false,
            },
            None => (s, None),
        };
        self.schema.resolve(name, arg).is_ok()
    }

    fn slot(&mut self, key: SlotKey) -> u32 {
        let next = self.slots.len() as u32;
        *self.slots.entry(key).or_insert(next)
    }

    /// Adds (or finds) the program-local operand for a slot.
    fn local(
        &mut self,
        b: &mut Builder,
        key: SlotKey,
        make: impl FnOnce() -> (FieldType, bool, String, OperandKind),
    ) -> u32 {
        let slot = self.slot(key);
        if let Some(&l) = b.by_slot.get(&slot) {
            return l;
        }
        let (ty, is_list, text, kind) = make();
        let l = b.operands.len() as u32;
        b.operands.push(OperandDef {
            slot,
            ty,
            is_list,
            text,
            kind,
        });
        b.by_slot.insert(slot, l);
        l
    }

    fn operand(&mut self, b: &mut Builder, o: &Operand, side: Side) -> Result<Info, Error> {
        match o {
            Operand::Field(f) => self.field(b, f),
            Operand::Transformer(t) => self.transformer(b, t, side),
        }
    }

    fn field(&mut self, b: &mut Builder, f: &FieldRef) -> Result<Info, Error> {
        let field = self
            .schema
            .resolve(&f.name, f.arg.as_deref())
            .map_err(|e| match e {
                FieldError::Unknown(_) => Error::new(ErrorKind::UnknownField, e.to_string(), f.pos)
                    .with_subject(f.name.as_str()),
                FieldError::BadArgument(m) => Error::new(classify(&m), m, f.pos),
            })?;
        let key = SlotKey::Field(field.id, field.arg.clone());
        let text = f.to_string();
        let fd = field.clone();
        let local = self.local(b, key, move || {
            (fd.ty, fd.is_list, text, OperandKind::Field(fd))
        });
        Ok(Info {
            local,
            ty: field.ty,
            is_list: field.is_list,
            name: f.name.clone(),
            flags: field.flags,
            plain: Some(field),
        })
    }

    fn arg(&mut self, b: &mut Builder, a: &TransformerArg) -> Result<Info, Error> {
        match a {
            TransformerArg::Field(f) => self.field(b, f),
            TransformerArg::Transformer(t) => self.transformer(b, t, Side::Arg),
            TransformerArg::Str(v) | TransformerArg::Num(v) => {
                let bytes: Box<[u8]> = v.text.as_bytes().into();
                let text = a.to_string();
                let local = self.local(b, SlotKey::Expr(format!("literal {}", v.text)), || {
                    (FieldType::String, false, text, OperandKind::Literal(bytes))
                });
                Ok(Info {
                    local,
                    ty: FieldType::String,
                    is_list: false,
                    name: v.text.clone(),
                    flags: FieldFlags::NONE,
                    plain: None,
                })
            }
            TransformerArg::List(items) => {
                let mut elems = Vec::with_capacity(items.len());
                for item in items {
                    let i = self.arg(b, item)?;
                    // Numbers join the list as their decimal text (libsinsp
                    // wraps them in a `rawnum_check`); strings and buffers as
                    // they are.
                    if !matches!(i.ty, FieldType::String | FieldType::Bytes) && !i.ty.is_numeric() {
                        return Err(err(
                            format!(
                                "filter error: transformer list element '{item}' has type '{}', expected a string or a number",
                                falco_type_name(i.ty)
                            ),
                            arg_pos(item),
                        ));
                    }
                    elems.push(i.local);
                }
                let text = a.to_string();
                let key = SlotKey::Expr(format!("list {text}"));
                let local = self.local(b, key, || {
                    (
                        FieldType::String,
                        true,
                        text.clone(),
                        OperandKind::List(elems.into()),
                    )
                });
                Ok(Info {
                    local,
                    ty: FieldType::String,
                    is_list: true,
                    name: a.to_string(),
                    flags: FieldFlags::NONE,
                    plain: None,
                })
            }
        }
    }

    fn transformer(&mut self, b: &mut Builder, t: &Transformer, side: Side) -> Result<Info, Error> {
        let name = t.kind.name();
        let text = t.to_string();
        let no_index = |prefix: &str| -> Result<(), Error> {
            match &t.index {
                Some(_) => Err(err(
                    format!("{prefix}transformer '{name}' does not support field arguments"),
                    t.pos,
                )),
                None => Ok(()),
            }
        };
        let no_transformers = |i: &Info| -> Result<(), Error> {
            if i.flags.contains(FieldFlags::NO_TRANSFORMER)
                || i.flags.contains(FieldFlags::MATCH_ANY)
            {
                Err(err(
                    format!("field '{}' does not support transformers", i.name),
                    t.pos,
                ))
            } else {
                Ok(())
            }
        };
        match t.kind {
            TransformerKind::Val => {
                if side == Side::Lhs {
                    return Err(err(
                        "filter error: 'val' can only be used on the right-hand side of a check",
                        t.pos,
                    ));
                }
                no_index("filter error: ")?;
                match t.args.as_slice() {
                    [TransformerArg::Field(f)] => {
                        let mut i = self.field(b, f)?;
                        i.plain = None;
                        Ok(i)
                    }
                    _ => Err(err("expected a field within 'val' transformer", t.pos)),
                }
            }
            TransformerKind::ToLower
            | TransformerKind::ToUpper
            | TransformerKind::B64
            | TransformerKind::Basename
            | TransformerKind::Len => {
                let [a] = t.args.as_slice() else {
                    return Err(err(
                        format!("filter error: transformer '{name}' takes exactly one argument"),
                        t.pos,
                    ));
                };
                no_index("filter error: ")?;
                let input = self.arg(b, a)?;
                no_transformers(&input)?;
                let (op, out_ty, out_list) = match (t.kind, input.ty, input.is_list) {
                    (TransformerKind::ToLower, FieldType::String, l) => (Unary::ToLower, FieldType::String, l),
                    (TransformerKind::ToUpper, FieldType::String, l) => (Unary::ToUpper, FieldType::String, l),
                    (TransformerKind::Basename, FieldType::String, l) => (Unary::Basename, FieldType::String, l),
                    (TransformerKind::B64, ty @ (FieldType::String | FieldType::Bytes), l) => (Unary::B64, ty, l),
                    (TransformerKind::Len, _, true) => (Unary::Len, FieldType::Uint64, false),
                    (TransformerKind::Len, FieldType::String | FieldType::Bytes, false) => {
                        (Unary::Len, FieldType::Uint64, false)
                    }
                    _ => {
                        return Err(err(
                            format!(
                                "can't add field transformer: type '{}' is not supported by '{name}' transformer applied on {}field '{}'",
                                falco_type_name(input.ty),
                                if input.is_list { "list " } else { "" },
                                input.name
                            ),
                            t.pos,
                        ))
                    }
                };
                let arg = input.local;
                let local = self.local(b, SlotKey::Expr(text.clone()), || {
                    (out_ty, out_list, text, OperandKind::Unary { op, arg })
                });
                Ok(Info {
                    local,
                    ty: out_ty,
                    is_list: out_list,
                    name: input.name,
                    flags: input.flags,
                    plain: None,
                })
            }
            TransformerKind::Join | TransformerKind::Concat | TransformerKind::Getopt => {
                let count_ok = match t.kind {
                    TransformerKind::Concat => t.args.len() >= 2,
                    _ => t.args.len() == 2,
                };
                if !count_ok {
                    let m = match t.kind {
                        TransformerKind::Join => {
                            "join() requires exactly 2 arguments: separator and list"
                        }
                        TransformerKind::Concat => "concat() requires at least 2 arguments",
                        _ => "getopt() requires exactly 2 arguments: args list and optstring",
                    };
                    return Err(err(m, t.pos));
                }
                let mut args = Vec::with_capacity(t.args.len());
                for a in &t.args {
                    let i = self.arg(b, a)?;
                    if i.flags.contains(FieldFlags::MATCH_ANY) {
                        return Err(err(
                            format!("field '{}' does not support transformers", i.name),
                            t.pos,
                        ));
                    }
                    args.push(i);
                }
                let (kind, out_list) = match t.kind {
                    TransformerKind::Join => {
                        if args[0].is_list {
                            return Err(err(
                                "join() first argument (separator) must be a single value, not a list",
                                t.pos,
                            ));
                        }
                        if !args[1].is_list {
                            return Err(err("join() second argument must be a list", t.pos));
                        }
                        if args.iter().any(|a| a.ty != FieldType::String) {
                            return Err(err("join() arguments must be strings", t.pos));
                        }
                        no_index("")?;
                        (
                            OperandKind::Join {
                                sep: args[0].local,
                                list: args[1].local,
                            },
                            false,
                        )
                    }
                    TransformerKind::Concat => {
                        if args.iter().any(|a| a.ty != FieldType::String || a.is_list) {
                            return Err(err("concat() arguments must be strings", t.pos));
                        }
                        no_index("")?;
                        (
                            OperandKind::Concat(args.iter().map(|a| a.local).collect()),
                            false,
                        )
                    }
                    _ => {
                        if !args[0].is_list {
                            return Err(err("getopt() first argument must be a list", t.pos));
                        }
                        if args[1].is_list {
                            return Err(err(
                                "getopt() second argument (optstring) must be a single value",
                                t.pos,
                            ));
                        }
                        if args[0].ty != FieldType::String || args[1].ty != FieldType::String {
                            return Err(err("getopt() arguments must be strings", t.pos));
                        }
                        let selector = match &t.index {
                            None => None,
                            Some(s) if s.len() == 1 => s.bytes().next(),
                            Some(_) => {
                                return Err(err(
                                    "getopt() field argument must be a single option character",
                                    t.pos,
                                ))
                            }
                        };
                        let constant = match &t.args[1] {
                            TransformerArg::Str(v) | TransformerArg::Num(v) => {
                                Some(Box::new(OptInfo::parse(v.text.as_bytes())))
                            }
                            _ => None,
                        };
                        (
                            OperandKind::Getopt {
                                args: args[0].local,
                                optstring: args[1].local,
                                constant,
                                selector,
                            },
                            selector.is_none(),
                        )
                    }
                };
                let local = self.local(b, SlotKey::Expr(text.clone()), || {
                    (FieldType::String, out_list, text.clone(), kind)
                });
                Ok(Info {
                    local,
                    ty: FieldType::String,
                    is_list: out_list,
                    name: text,
                    flags: FieldFlags::NONE,
                    plain: None,
                })
            }
        }
    }
}

fn arg_pos(a: &TransformerArg) -> crate::Pos {
    match a {
        TransformerArg::Field(f) => f.pos,
        TransformerArg::Transformer(t) => t.pos,
        TransformerArg::Str(v) | TransformerArg::Num(v) => v.pos,
        TransformerArg::List(items) => items.first().map(arg_pos).unwrap_or_default(),
    }
}

/// Converts one constant to the left-hand type, as libsinsp's
/// `add_filtercheck_value` + `parse_filter_value` do.
fn convert_const(op: Operator, ty: FieldType, text: &str) -> Result<Const, String> {
    match ty {
        FieldType::Bytes => {
            if matches!(op, Operator::BContains | Operator::BStartsWith) {
                unhex(text).map(Const::Bytes)
            } else {
                Ok(Const::Bytes(text.as_bytes().to_vec()))
            }
        }
        _ => {
            check_no_nul(text)?;
            Ok(match ty {
                FieldType::String => Const::Bytes(text.as_bytes().to_vec()),
                FieldType::Bool => Const::Bool(parse_bool(text)?),
                FieldType::IpAddr => Const::Ip(parse_ip(text)?),
                FieldType::IpNet => Const::Net(parse_net(text)?),
                t if t.is_signed() => Const::Int(parse_int(text, t)?),
                t => Const::Uint(parse_uint(text, t)?),
            })
        }
    }
}

/// The test of one constant.
fn single_test(op: Operator, k: Const) -> Result<Test, String> {
    use Operator::*;
    let cmp = CmpOp::of(op);
    Ok(match (k, cmp) {
        (Const::Bytes(b), Some(c)) => Test::Bytes(c, b.into()),
        (Const::Bytes(b), None) => match op {
            Contains | BContains => Test::Contains(Box::new(memmem::Finder::new(&b).into_owned())),
            IContains => Test::IContains(b.to_ascii_lowercase().into()),
            StartsWith | BStartsWith => Test::StartsWith(b.into()),
            EndsWith => Test::EndsWith(b.into()),
            Glob => Test::Glob(ops::glob::Glob::new(&b, false)),
            IGlob => Test::Glob(ops::glob::Glob::new(&b, true)),
            Regex => {
                // Constants of string fields are valid UTF-8 (they come from
                // `&str`), so this cannot lose bytes.
                let pattern = String::from_utf8_lossy(&b);
                Test::Regex(ops::compile_regex(&pattern)?)
            }
            _ => return Err(format!("filter error: unsupported operator '{op}'")),
        },
        (Const::Int(v), Some(c)) => Test::Int(c, v),
        (Const::Uint(v), Some(c)) => Test::Uint(c, v),
        (Const::Bool(v), Some(c)) => Test::Bool(c, v),
        (Const::Ip(v), Some(c)) => Test::Ip(c, v),
        (Const::Net(v), Some(c)) => Test::Net(c, v),
        _ => return Err(format!("filter error: unsupported operator '{op}'")),
    })
}

/// A membership test over constants (all of one kind, the left-hand type's).
fn set_test(consts: Vec<Const>) -> Test {
    match consts.first() {
        None | Some(Const::Bytes(_)) => {
            let set = ops::set::BytesSet::new(consts.into_iter().filter_map(|k| match k {
                Const::Bytes(b) => Some(b.into_boxed_slice()),
                _ => None,
            }));
            Test::BytesIn(set)
        }
        Some(Const::Int(_)) => Test::IntIn(
            consts
                .into_iter()
                .filter_map(|k| if let Const::Int(v) = k { Some(v) } else { None })
                .collect(),
        ),
        Some(Const::Uint(_)) => Test::UintIn(
            consts
                .into_iter()
                .filter_map(|k| {
                    if let Const::Uint(v) = k {
                        Some(v)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        Some(Const::Bool(_)) => {
            let mut m = [false; 2];
            for k in consts {
                if let Const::Bool(v) = k {
                    m[usize::from(v)] = true;
                }
            }
            Test::BoolIn(m)
        }
        Some(Const::Ip(_)) => Test::IpIn(
            consts
                .into_iter()
                .filter_map(|k| if let Const::Ip(v) = k { Some(v) } else { None })
                .collect(),
        ),
        Some(Const::Net(_)) => Test::NetIn(
            consts
                .into_iter()
                .filter_map(|k| if let Const::Net(v) = k { Some(v) } else { None })
                .collect(),
        ),
    }
}

fn build_test(
    op: Operator,
    modifier: Option<Modifier>,
    consts: Vec<(Const, &AstValue)>,
) -> Result<Test, Error> {
    if op == Operator::Pmatch {
        let mut set = PathSet::default();
        for (k, _) in &consts {
            if let Const::Bytes(b) = k {
                set.add(b);
            }
        }
        return Ok(Test::Pmatch(set));
    }
    if matches!(op, Operator::In | Operator::Intersects) {
        return Ok(set_test(consts.into_iter().map(|(k, _)| k).collect()));
    }
    let Some(m) = modifier else {
        let Some((k, v)) = consts.into_iter().next() else {
            return Ok(Test::False);
        };
        return single_test(op, k).map_err(|m| Error::new(classify(&m), m, v.pos));
    };
    if consts.is_empty() {
        return Ok(Test::False);
    }
    // "= anyof" is set membership and "!= allof" its negation.
    match (m, op) {
        (Modifier::AnyOf, Operator::Eq | Operator::EqEq) => {
            return Ok(set_test(consts.into_iter().map(|(k, _)| k).collect()))
        }
        (Modifier::AllOf, Operator::Ne) => {
            return Ok(Test::Not(Box::new(set_test(
                consts.into_iter().map(|(k, _)| k).collect(),
            ))))
        }
        _ => {}
    }
    let mut tests = Vec::with_capacity(consts.len());
    for (k, v) in consts {
        tests.push(single_test(op, k).map_err(|m| Error::new(classify(&m), m, v.pos))?);
    }
    let tests = tests.into_boxed_slice();
    Ok(match m {
        Modifier::OneOf => Test::OneOf(tests),
        Modifier::AnyOf => Test::AnyOf(tests),
        Modifier::AllOf => Test::AllOf(tests),
    })
}

/// Retargets jumps that land on another jump whose outcome is already known
/// (`jfalse` onto `jfalse` follows it, `jfalse` onto `jtrue` skips it), so a
/// short circuit leaves nested `and`/`or` chains in one step.
fn thread_jumps(code: &mut [Instr]) {
    for i in 0..code.len() {
        let (is_false, mut t) = match code[i] {
            Instr::JumpIfFalse(t) => (true, t),
            Instr::JumpIfTrue(t) => (false, t),
            _ => continue,
        };
        loop {
            match code.get(t as usize) {
                Some(Instr::JumpIfFalse(n)) if is_false => t = *n,
                Some(Instr::JumpIfTrue(n)) if !is_false => t = *n,
                Some(Instr::JumpIfTrue(_)) if is_false => t += 1,
                Some(Instr::JumpIfFalse(_)) if !is_false => t += 1,
                _ => break,
            }
        }
        code[i] = if is_false {
            Instr::JumpIfFalse(t)
        } else {
            Instr::JumpIfTrue(t)
        };
    }
}

/// One condition compiled against one schema: the convenient entry point
/// when there is no rules engine around.
#[derive(Clone, Debug)]
pub struct Filter {
    program: Program,
    warnings: Vec<Warning>,
}

impl Filter {
    /// Parses and compiles `condition`.
    pub fn new(condition: &str, schema: &dyn FieldSchema) -> Result<Filter, Error> {
        let expr = crate::parser::parse_condition(condition)?;
        let mut compiler = Compiler::new(schema);
        let program = compiler.compile(&expr)?;
        Ok(Filter {
            program,
            warnings: compiler.take_warnings(),
        })
    }

    /// Evaluates the condition on an event (starts a new event in `scratch`).
    pub fn matches<X: FieldExtractor + ?Sized>(&self, event: &X, scratch: &mut Scratch) -> bool {
        scratch.next_event();
        self.program.eval(event, scratch)
    }

    /// The compile warnings.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The compiled program.
    pub fn program(&self) -> &Program {
        &self.program
    }
}

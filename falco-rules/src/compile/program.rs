//! The bytecode, its evaluator, and the per-thread evaluation state.
//!
//! A [`Program`] is a flat array of [`Instr`]s over one accumulator bit:
//! `check i` sets it to the result of check `i`, `jfalse`/`jtrue` jump when
//! it is false/true (the short circuits of `and`/`or`), `not` flips it. The
//! program's result is the accumulator when the program counter runs off the
//! end. Jumps always go forward, so evaluation terminates.
//!
//! Checks read *operands*: fields, literals, and transformers over other
//! operands. Every operand has a cache slot number chosen by the
//! [`crate::Compiler`] that built the program, shared by every program that
//! compiler builds, so one [`Scratch`] caches `proc.name` once per event for
//! all of them.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;

use ahash::AHashSet;
use memchr::memmem;
use regex::bytes::Regex;

use crate::ast::Operator;
use crate::field::{Field, FieldExtractor, FieldType, IpNet, Value, Values};

use super::convert::{truncate_int, truncate_uint};
use super::ops::glob::{find, fnmatch, Glob};
use super::ops::pmatch::PathSet;
use super::ops::set::BytesSet;
use super::ops::{bytes_eq, ends_with, icontains, sanitize_utf8, starts_with};
use super::transform::{apply_unary, bytes_of, getopt, join, OptInfo, Unary};

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Instr {
    /// Evaluate check `n` into the accumulator.
    Check(u32),
    /// Jump to the target if the accumulator is false.
    JumpIfFalse(u32),
    /// Jump to the target if the accumulator is true.
    JumpIfTrue(u32),
    /// Negate the accumulator.
    Not,
    /// Set the accumulator (empty `and`/`or` only).
    Const(bool),
}

/// How an operand's values are produced.
#[derive(Debug)]
pub(crate) enum OperandKind {
    /// Extracted from the event.
    Field(Field),
    /// A quoted or numeric transformer argument.
    Literal(Box<[u8]>),
    /// A parenthesized transformer argument list: the values of each element,
    /// numbers as their decimal text.
    List(Box<[u32]>),
    /// `tolower`, `toupper`, `b64`, `basename`, `len` over operand `arg`.
    Unary { op: Unary, arg: u32 },
    /// `join(sep, list)`.
    Join { sep: u32, list: u32 },
    /// `concat(a, b, ...)`.
    Concat(Box<[u32]>),
    /// `getopt(args, optstring)[selector]`; `constant` holds the parsed
    /// optstring when it is a literal.
    Getopt {
        args: u32,
        optstring: u32,
        constant: Option<Box<OptInfo>>,
        selector: Option<u8>,
    },
}

/// An operand of the program. Operand indices used by checks and by other
/// operands are indices into the program's operand table; `slot` is the
/// compiler-wide cache slot.
#[derive(Debug)]
pub(crate) struct OperandDef {
    pub slot: u32,
    pub ty: FieldType,
    pub is_list: bool,
    pub text: String,
    pub kind: OperandKind,
}

/// How a check combines the results over the left-hand values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A single-valued field: the test on its (first) value; no value is false.
    First,
    /// True if any value passes (`intersects` on lists, "any of" fields).
    Any,
    /// True if every value passes, vacuously true when there are none
    /// (`in` on list fields).
    All,
    /// True if there is a value and every value passes (`!=` on "any of"
    /// fields: every candidate differs).
    AllNonEmpty,
}

/// The comparison of a constant test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The comparison an operator stands for, if it is one.
    pub(crate) fn of(op: Operator) -> Option<CmpOp> {
        Some(match op {
            Operator::Eq | Operator::EqEq | Operator::In | Operator::Intersects => CmpOp::Eq,
            Operator::Ne => CmpOp::Ne,
            Operator::Lt => CmpOp::Lt,
            Operator::Le => CmpOp::Le,
            Operator::Gt => CmpOp::Gt,
            Operator::Ge => CmpOp::Ge,
            _ => return None,
        })
    }

    #[inline]
    fn apply<T: PartialOrd + ?Sized>(self, a: &T, b: &T) -> bool {
        match self {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A test of one left-hand value against compile-time constants.
///
/// Byte tests see string values cut at their first NUL (C-string semantics)
/// and byte buffers whole; numeric tests see values truncated to the field's
/// width, as the constants were.
#[derive(Debug)]
pub(crate) enum Test {
    /// Never passes (a modifier over an empty list).
    False,
    Bytes(CmpOp, Box<[u8]>),
    Contains(Box<memmem::Finder<'static>>),
    /// The needle is lower case.
    IContains(Box<[u8]>),
    StartsWith(Box<[u8]>),
    EndsWith(Box<[u8]>),
    Glob(Glob),
    Regex(Regex),
    Pmatch(PathSet),
    BytesIn(BytesSet),
    Int(CmpOp, i64),
    Uint(CmpOp, u64),
    IntIn(AHashSet<i64>),
    UintIn(AHashSet<u64>),
    Bool(CmpOp, bool),
    /// Which of `false`/`true` are members.
    BoolIn([bool; 2]),
    Ip(CmpOp, IpAddr),
    IpIn(Box<[IpAddr]>),
    /// `Eq`: the value is inside the network; `Ne`: it is not.
    Net(CmpOp, IpNet),
    NetIn(Box<[IpNet]>),
    Not(Box<Test>),
    AnyOf(Box<[Test]>),
    AllOf(Box<[Test]>),
    OneOf(Box<[Test]>),
}

fn int_of(v: Value<'_>, ty: FieldType) -> Option<i64> {
    match v {
        Value::Int(x) => Some(truncate_int(x, ty)),
        Value::Uint(x) => Some(truncate_int(x as i64, ty)),
        _ => None,
    }
}

fn uint_of(v: Value<'_>, ty: FieldType) -> Option<u64> {
    match v {
        Value::Uint(x) => Some(truncate_uint(x, ty)),
        Value::Int(x) => Some(truncate_uint(x as u64, ty)),
        _ => None,
    }
}

fn bool_of(v: Value<'_>) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(b),
        Value::Uint(x) => Some(x != 0),
        Value::Int(x) => Some(x != 0),
        _ => None,
    }
}

fn ip_of(v: Value<'_>) -> Option<IpAddr> {
    match v {
        Value::Ip(a) => Some(a),
        Value::Net(n) => Some(n.addr),
        _ => None,
    }
}

impl Test {
    /// True if value `v` (of type `ty`) passes. `buf` is scratch space.
    #[inline]
    pub(crate) fn holds(&self, v: Value<'_>, ty: FieldType, buf: &mut Vec<u8>) -> bool {
        match self {
            Test::False => false,
            Test::Bytes(CmpOp::Eq, c) => bytes_of(v, ty).is_some_and(|b| bytes_eq(b, c)),
            Test::Bytes(CmpOp::Ne, c) => bytes_of(v, ty).is_some_and(|b| !bytes_eq(b, c)),
            Test::Bytes(op, c) => bytes_of(v, ty).is_some_and(|b| op.apply(b, &c[..])),
            Test::Contains(f) => bytes_of(v, ty).is_some_and(|b| find(f, b).is_some()),
            Test::IContains(n) => bytes_of(v, ty).is_some_and(|b| icontains(b, n)),
            Test::StartsWith(c) => bytes_of(v, ty).is_some_and(|b| starts_with(b, c)),
            Test::EndsWith(c) => bytes_of(v, ty).is_some_and(|b| ends_with(b, c)),
            Test::Glob(g) => bytes_of(v, ty).is_some_and(|b| g.is_match(b)),
            Test::Regex(r) => bytes_of(v, ty).is_some_and(|b| r.is_match(sanitize_utf8(b, buf))),
            Test::Pmatch(p) => bytes_of(v, ty).is_some_and(|b| p.is_match(b)),
            Test::BytesIn(s) => bytes_of(v, ty).is_some_and(|b| s.contains(b)),
            Test::Int(op, c) => int_of(v, ty).is_some_and(|x| op.apply(&x, c)),
            Test::Uint(op, c) => uint_of(v, ty).is_some_and(|x| op.apply(&x, c)),
            Test::IntIn(s) => int_of(v, ty).is_some_and(|x| s.contains(&x)),
            Test::UintIn(s) => uint_of(v, ty).is_some_and(|x| s.contains(&x)),
            Test::Bool(op, c) => bool_of(v).is_some_and(|x| op.apply(&x, c)),
            Test::BoolIn(m) => bool_of(v).is_some_and(|x| m[usize::from(x)]),
            Test::Ip(op, c) => ip_of(v).is_some_and(|x| op.apply(&x, c)),
            Test::IpIn(s) => ip_of(v).is_some_and(|x| s.contains(&x)),
            Test::Net(op, n) => ip_of(v).is_some_and(|x| n.contains(&x) == (*op == CmpOp::Eq)),
            Test::NetIn(s) => ip_of(v).is_some_and(|x| s.iter().any(|n| n.contains(&x))),
            Test::Not(t) => !t.holds(v, ty, buf),
            Test::AnyOf(ts) => ts.iter().any(|t| t.holds(v, ty, buf)),
            Test::AllOf(ts) => !ts.is_empty() && ts.iter().all(|t| t.holds(v, ty, buf)),
            Test::OneOf(ts) => {
                let mut n = 0;
                for t in ts.iter() {
                    if t.holds(v, ty, buf) {
                        n += 1;
                        if n > 1 {
                            return false;
                        }
                    }
                }
                n == 1
            }
        }
    }

    /// How the test is carried out, for listings.
    fn describe(&self) -> String {
        match self {
            Test::False => "false".into(),
            Test::Bytes(op, _) => format!("bytes {}", op.as_str()),
            Test::Contains(_) => "memmem".into(),
            Test::IContains(_) => "icontains (ascii fold)".into(),
            Test::StartsWith(_) => "prefix".into(),
            Test::EndsWith(_) => "suffix".into(),
            Test::Glob(_) => "fnmatch".into(),
            Test::Regex(_) => "regex (anchored)".into(),
            Test::Pmatch(_) => "path-prefix trie".into(),
            Test::BytesIn(s) => format!("set of {}", s.len()),
            Test::Int(op, _) | Test::Uint(op, _) | Test::Bool(op, _) | Test::Ip(op, _) => {
                format!("scalar {}", op.as_str())
            }
            Test::IntIn(s) => format!("set of {}", s.len()),
            Test::UintIn(s) => format!("set of {}", s.len()),
            Test::BoolIn(_) => "bool set".into(),
            Test::IpIn(s) => format!("address list of {}", s.len()),
            Test::Net(op, _) => format!("cidr {}", op.as_str()),
            Test::NetIn(s) => format!("cidr list of {}", s.len()),
            Test::Not(t) => format!("not {}", t.describe()),
            Test::AnyOf(ts) => format!("anyof {} tests", ts.len()),
            Test::AllOf(ts) => format!("allof {} tests", ts.len()),
            Test::OneOf(ts) => format!("oneof {} tests", ts.len()),
        }
    }
}

/// What a check does with its left-hand operand.
#[derive(Debug)]
pub(crate) enum CheckKind {
    /// `exists`: the extraction succeeded.
    Exists,
    /// A test against constants.
    Test(Test),
    /// A comparison with another operand (`val()` or a transformer).
    Field { op: Operator, rhs: u32 },
}

/// One check of the program.
#[derive(Debug)]
pub(crate) struct CheckDef {
    pub lhs: u32,
    /// The cache slot of `lhs` (filled in by [`Program::new`]), so that a
    /// cache hit touches neither the operand table nor the extractor.
    pub lhs_slot: u32,
    pub ty: FieldType,
    pub mode: Mode,
    pub kind: CheckKind,
    /// The check's canonical text, for listings (moved out of the check
    /// array by [`Program::new`]).
    pub text: String,
}

/// A compiled condition.
///
/// Immutable and cheap to clone (the bytecode is shared), `Send + Sync`:
/// compile once, evaluate from any number of threads, each with its own
/// [`Scratch`]. `Display` prints the bytecode listing.
#[derive(Clone)]
pub struct Program {
    inner: Arc<Inner>,
}

struct Inner {
    condition: String,
    compiler_id: u64,
    slot_count: usize,
    code: Box<[Instr]>,
    checks: Box<[CheckDef]>,
    /// The canonical text of each check, for listings.
    texts: Box<[String]>,
    operands: Box<[OperandDef]>,
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Program")
            .field("condition", &self.inner.condition)
            .field("instructions", &self.inner.code.len())
            .finish()
    }
}

impl Program {
    pub(crate) fn new(
        condition: String,
        compiler_id: u64,
        code: Vec<Instr>,
        checks: Vec<CheckDef>,
        operands: Vec<OperandDef>,
    ) -> Program {
        let mut checks = checks;
        let mut texts = Vec::with_capacity(checks.len());
        for c in &mut checks {
            c.lhs_slot = operands[c.lhs as usize].slot;
            // Listings only: keep the text out of the hot array.
            texts.push(std::mem::take(&mut c.text));
        }
        let slot_count = operands
            .iter()
            .map(|o| o.slot as usize + 1)
            .max()
            .unwrap_or(0);
        Program {
            inner: Arc::new(Inner {
                condition,
                compiler_id,
                slot_count,
                code: code.into(),
                checks: checks.into(),
                texts: texts.into(),
                operands: operands.into(),
            }),
        }
    }

    /// The condition this program was compiled from, in canonical form
    /// (`Expr::to_string()`).
    pub fn condition(&self) -> &str {
        &self.inner.condition
    }

    /// Evaluates the condition on the current event.
    ///
    /// Field values are cached in `scratch` until [`Scratch::next_event`], so
    /// call that once per event before evaluating any program on it.
    pub fn eval<X: FieldExtractor + ?Sized>(&self, event: &X, scratch: &mut Scratch) -> bool {
        let p = &*self.inner;
        scratch.prepare(p.compiler_id, p.slot_count);
        let mut acc = false;
        let mut pc = 0usize;
        while let Some(&ins) = p.code.get(pc) {
            match ins {
                Instr::Check(i) => acc = p.check(i as usize, event, scratch),
                Instr::JumpIfFalse(t) => {
                    if !acc {
                        pc = t as usize;
                        continue;
                    }
                }
                Instr::JumpIfTrue(t) => {
                    if acc {
                        pc = t as usize;
                        continue;
                    }
                }
                Instr::Not => acc = !acc,
                Instr::Const(b) => acc = b,
            }
            pc += 1;
        }
        acc
    }
}

impl Inner {
    fn check<X: FieldExtractor + ?Sized>(&self, i: usize, ev: &X, s: &mut Scratch) -> bool {
        let Some(c) = self.checks.get(i) else {
            return false;
        };
        let lhs_slot = c.lhs_slot as usize;
        let cache = &s.slots[lhs_slot];
        let ok = if cache.gen == s.gen {
            cache.ok
        } else {
            self.extract(c.lhs, ev, s)
        };
        if !ok {
            return false;
        }
        match &c.kind {
            CheckKind::Exists => true,
            CheckKind::Test(t) => {
                let Scratch { slots, utf8, .. } = s;
                let cache = &slots[lhs_slot];
                let vals = &cache.values;
                // Strings without a NUL need no C-string cut: test them as
                // plain bytes.
                let ty = if c.ty == FieldType::String && !cache.nul {
                    FieldType::Bytes
                } else {
                    c.ty
                };
                match c.mode {
                    Mode::First => vals.iter().next().is_some_and(|v| t.holds(v, ty, utf8)),
                    Mode::Any => vals.iter().any(|v| t.holds(v, ty, utf8)),
                    Mode::All => vals.iter().all(|v| t.holds(v, ty, utf8)),
                    Mode::AllNonEmpty => {
                        !vals.is_empty() && vals.iter().all(|v| t.holds(v, ty, utf8))
                    }
                }
            }
            CheckKind::Field { op, rhs } => {
                if !self.load(*rhs, ev, s) {
                    return false;
                }
                let rhs_slot = self.operands[*rhs as usize].slot as usize;
                let a = &s.slots[lhs_slot].values;
                let b = &s.slots[rhs_slot].values;
                compare_fields(*op, c.ty, c.mode, a, b)
            }
        }
    }

    /// Makes operand `local` current in the cache; returns whether its
    /// extraction succeeded.
    #[inline]
    fn load<X: FieldExtractor + ?Sized>(&self, local: u32, ev: &X, s: &mut Scratch) -> bool {
        let slot = self.operands[local as usize].slot as usize;
        let cache = &s.slots[slot];
        if cache.gen == s.gen {
            return cache.ok;
        }
        self.extract(local, ev, s)
    }

    /// The cache miss of [`Inner::load`]: extracts or computes the operand.
    #[inline(never)]
    fn extract<X: FieldExtractor + ?Sized>(&self, local: u32, ev: &X, s: &mut Scratch) -> bool {
        let op = &self.operands[local as usize];
        let slot = op.slot as usize;
        let gen = s.gen;
        let cache = &mut s.slots[slot];
        if let OperandKind::Field(f) = &op.kind {
            // The common case: extract straight into the slot.
            cache.values.clear();
            cache.ok = ev.extract(f, &mut cache.values);
            cache.gen = gen;
            cache.nul = op.ty == FieldType::String && has_nul(&cache.values);
            return cache.ok;
        }
        let mut out = std::mem::take(&mut cache.values);
        out.clear();
        let ok = match &op.kind {
            OperandKind::Field(f) => ev.extract(f, &mut out),
            OperandKind::Literal(b) => {
                out.push_bytes(b);
                true
            }
            OperandKind::List(elems) => {
                let mut ok = true;
                for &e in elems.iter() {
                    if !self.load(e, ev, s) {
                        ok = false;
                        break;
                    }
                    let es = self.operands[e as usize].slot as usize;
                    for v in s.slots[es].values.iter() {
                        let mut digits = [0u8; 20];
                        match v {
                            Value::Int(x) => out.push_bytes(decimal_i64(x, &mut digits)),
                            Value::Uint(x) => out.push_bytes(decimal_u64(x, &mut digits)),
                            v => push_value(&mut out, v),
                        }
                    }
                }
                ok
            }
            OperandKind::Unary { op: u, arg } => {
                self.load(*arg, ev, s) && {
                    let a = &self.operands[*arg as usize];
                    let Scratch { slots, tmp, .. } = s;
                    apply_unary(
                        *u,
                        a.ty,
                        a.is_list,
                        &slots[a.slot as usize].values,
                        &mut out,
                        tmp,
                    )
                }
            }
            OperandKind::Join { sep, list } => {
                self.load(*sep, ev, s) && self.load(*list, ev, s) && {
                    let Scratch { slots, tmp, .. } = s;
                    let sv = &slots[self.operands[*sep as usize].slot as usize].values;
                    let lv = &slots[self.operands[*list as usize].slot as usize].values;
                    join(sv, lv, &mut out, tmp)
                }
            }
            OperandKind::Concat(args) => {
                let mut ok = true;
                let mut joined = std::mem::take(&mut s.tmp);
                joined.clear();
                for &a in args.iter() {
                    if !self.load(a, ev, s) {
                        ok = false;
                        break;
                    }
                    let av = &s.slots[self.operands[a as usize].slot as usize].values;
                    match av.iter().next() {
                        Some(Value::Bytes(b)) => {
                            joined.extend_from_slice(super::transform::cstr(b))
                        }
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    out.push_bytes(&joined);
                }
                s.tmp = joined;
                ok
            }
            OperandKind::Getopt {
                args,
                optstring,
                constant,
                selector,
            } => {
                self.load(*args, ev, s) && {
                    let parsed;
                    let info = match constant {
                        Some(c) => Some(&**c),
                        None => {
                            if self.load(*optstring, ev, s) {
                                let ov = &s.slots[self.operands[*optstring as usize].slot as usize]
                                    .values;
                                parsed = match ov.iter().next() {
                                    Some(Value::Bytes(b)) => {
                                        Some(OptInfo::parse(super::transform::cstr(b)))
                                    }
                                    _ => None,
                                };
                                parsed.as_ref()
                            } else {
                                None
                            }
                        }
                    };
                    match info {
                        Some(info) => {
                            let av = &s.slots[self.operands[*args as usize].slot as usize].values;
                            getopt(av, info, *selector, &mut out)
                        }
                        None => false,
                    }
                }
            }
        };
        let c = &mut s.slots[slot];
        c.nul = op.ty == FieldType::String && has_nul(&out);
        c.values = out;
        c.ok = ok;
        c.gen = s.gen;
        ok
    }
}

/// The decimal text of `v`, written at the end of `buf`.
fn decimal_u64(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

/// The decimal text of a signed `v` (`buf` holds 20 bytes: enough for
/// `-9223372036854775808`).
fn decimal_i64(v: i64, buf: &mut [u8; 20]) -> &[u8] {
    let len = decimal_u64(v.unsigned_abs(), buf).len();
    let start = buf.len() - len;
    if v < 0 {
        buf[start - 1] = b'-';
        &buf[start - 1..]
    } else {
        &buf[start..]
    }
}

/// True if some byte value holds a NUL (then string tests must cut it).
fn has_nul(values: &Values) -> bool {
    values.iter().any(|v| match v {
        // A plain scan beats a memchr call on short values.
        Value::Bytes(b) if b.len() < 32 => b.contains(&0),
        Value::Bytes(b) => memchr::memchr(0, b).is_some(),
        _ => false,
    })
}

fn push_value(out: &mut Values, v: Value<'_>) {
    match v {
        Value::Bytes(b) => out.push_bytes(b),
        Value::Int(x) => out.push_int(x),
        Value::Uint(x) => out.push_uint(x),
        Value::Bool(x) => out.push_bool(x),
        Value::Ip(x) => out.push_ip(x),
        Value::Net(x) => out.push_net(x),
    }
}

/// A comparison of two values of the same type `ty`, decided at run time
/// (field-to-field checks).
fn dyn_holds(op: Operator, ty: FieldType, a: Value<'_>, b: Value<'_>) -> bool {
    use Operator::*;
    match ty {
        FieldType::String | FieldType::Bytes => {
            let (Some(a), Some(b)) = (bytes_of(a, ty), bytes_of(b, ty)) else {
                return false;
            };
            match op {
                Contains | BContains => memmem::find(a, b).is_some(),
                IContains => b.is_empty() || a.windows(b.len()).any(|w| w.eq_ignore_ascii_case(b)),
                StartsWith | BStartsWith => a.starts_with(b),
                EndsWith => a.ends_with(b),
                Glob => fnmatch(b, a, false),
                IGlob => fnmatch(b, a, true),
                _ => CmpOp::of(op).is_some_and(|c| c.apply(a, b)),
            }
        }
        t if t.is_signed() => match (int_of(a, t), int_of(b, t), CmpOp::of(op)) {
            (Some(a), Some(b), Some(c)) => c.apply(&a, &b),
            _ => false,
        },
        t if t.is_numeric() => match (uint_of(a, t), uint_of(b, t), CmpOp::of(op)) {
            (Some(a), Some(b), Some(c)) => c.apply(&a, &b),
            _ => false,
        },
        FieldType::Bool => match (bool_of(a), bool_of(b), CmpOp::of(op)) {
            (Some(a), Some(b), Some(c)) => c.apply(&a, &b),
            _ => false,
        },
        _ => match (ip_of(a), ip_of(b), CmpOp::of(op)) {
            (Some(a), Some(b), Some(c)) => c.apply(&a, &b),
            _ => false,
        },
    }
}

/// Field-to-field semantics (libsinsp): a single-valued left side compares
/// with the right side's value (`in` with any of the right values); a list
/// left side is `in` (every value among the right ones) or `intersects`.
fn compare_fields(op: Operator, ty: FieldType, mode: Mode, a: &Values, b: &Values) -> bool {
    let member = |x: Value<'_>| b.iter().any(|y| dyn_holds(Operator::Eq, ty, x, y));
    match mode {
        Mode::All => a.iter().all(member),
        Mode::Any => a.iter().any(member),
        Mode::First | Mode::AllNonEmpty => {
            let Some(x) = a.iter().next() else {
                return false;
            };
            match op {
                Operator::In | Operator::Intersects => member(x),
                _ => b.iter().next().is_some_and(|y| dyn_holds(op, ty, x, y)),
            }
        }
    }
}

/// Per-thread evaluation state: the per-event cache of operand values and
/// work buffers. Reused across events and programs, it stops allocating once
/// its buffers have grown to their working size.
///
/// A scratch remembers which compiler's slot numbering it caches; evaluating
/// a program of another compiler invalidates the cache, so sharing one
/// scratch between compilers is correct (only slower).
#[derive(Debug)]
pub struct Scratch {
    gen: u64,
    owner: u64,
    slots: Vec<SlotCache>,
    tmp: Vec<u8>,
    utf8: Vec<u8>,
}

#[derive(Debug, Default)]
struct SlotCache {
    /// The generation these values belong to; 0 never matches.
    gen: u64,
    ok: bool,
    /// A string value holds a NUL byte.
    nul: bool,
    values: Values,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Scratch {
    /// An empty scratch.
    pub fn new() -> Self {
        Scratch {
            gen: 1,
            owner: 0,
            slots: Vec::new(),
            tmp: Vec::new(),
            utf8: Vec::new(),
        }
    }

    /// Starts a new event: forgets every cached value (O(1)).
    pub fn next_event(&mut self) {
        self.gen += 1;
    }

    #[inline]
    fn prepare(&mut self, owner: u64, slots: usize) {
        if self.owner != owner {
            self.owner = owner;
            self.gen += 1;
        }
        if self.slots.len() < slots {
            self.slots.resize_with(slots, SlotCache::default);
        }
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &*self.inner;
        writeln!(f, "condition: {}", p.condition)?;
        writeln!(f, "code:")?;
        for (pc, ins) in p.code.iter().enumerate() {
            write!(f, "  {pc:4}  ")?;
            match ins {
                Instr::Check(i) => match p.checks.get(*i as usize) {
                    Some(c) => {
                        let lhs = &p.operands[c.lhs as usize];
                        let text = p.texts.get(*i as usize).map_or("", String::as_str);
                        write!(f, "check   #{i} {text}   ; lhs ${}", lhs.slot)?;
                        match &c.kind {
                            CheckKind::Exists => write!(f, ", extraction succeeded")?,
                            CheckKind::Test(t) => write!(f, ", {}", t.describe())?,
                            CheckKind::Field { rhs, .. } => {
                                write!(f, ", rhs ${}", p.operands[*rhs as usize].slot)?
                            }
                        }
                        match c.mode {
                            Mode::First => {}
                            Mode::Any => write!(f, ", any value")?,
                            Mode::All => write!(f, ", every value")?,
                            Mode::AllNonEmpty => write!(f, ", every candidate")?,
                        }
                    }
                    None => write!(f, "check   #{i}")?,
                },
                Instr::JumpIfFalse(t) => write!(f, "jfalse  -> {t}")?,
                Instr::JumpIfTrue(t) => write!(f, "jtrue   -> {t}")?,
                Instr::Not => write!(f, "not")?,
                Instr::Const(b) => write!(f, "const   {b}")?,
            }
            writeln!(f)?;
        }
        writeln!(f, "  {:4}  end", p.code.len())?;
        writeln!(f, "operands:")?;
        for o in p.operands.iter() {
            let list = if o.is_list { " (list)" } else { "" };
            write!(f, "  ${:<3} {} : {}{}", o.slot, o.text, o.ty, list)?;
            let slot = |i: &u32| p.operands[*i as usize].slot;
            match &o.kind {
                OperandKind::Field(fl) => write!(f, " = field #{}", fl.id)?,
                OperandKind::Literal(_) => write!(f, " = literal")?,
                OperandKind::List(es) => {
                    let es: Vec<String> = es.iter().map(|e| format!("${}", slot(e))).collect();
                    write!(f, " = list({})", es.join(", "))?
                }
                OperandKind::Unary { op, arg } => write!(f, " = {op:?}(${})", slot(arg))?,
                OperandKind::Join { sep, list } => {
                    write!(f, " = join(${}, ${})", slot(sep), slot(list))?
                }
                OperandKind::Concat(args) => {
                    let es: Vec<String> = args.iter().map(|e| format!("${}", slot(e))).collect();
                    write!(f, " = concat({})", es.join(", "))?
                }
                OperandKind::Getopt {
                    args,
                    optstring,
                    selector,
                    ..
                } => {
                    write!(f, " = getopt(${}, ${})", slot(args), slot(optstring))?;
                    if let Some(c) = selector {
                        write!(f, "[{}]", *c as char)?;
                    }
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

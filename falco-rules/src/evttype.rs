//! Event-type sets: which event types a condition can match.
//!
//! Falco indexes rules by event type so that an event only runs the rules that
//! can fire on it. The set is computed from the condition itself (after macros
//! and exceptions are expanded) by pushing negations down to the leaves:
//!
//! - `and` intersects its children's sets, `or` unites them; under an odd
//!   number of `not`s they swap roles.
//! - a type field ([`EventTypes::type_fields`]; Falco's syscall source has
//!   `evt.type` and `syscall.type`) without argument compared with `=`, `==`,
//!   `in` or `!=` to constants gives the codes of those names, complemented for
//!   `!=` and under negation.
//! - `TYPE_FIELD exists` gives every code (nothing when negated).
//! - the event-number field ([`EventTypes::number_field`]; Falco's `evt.num`)
//!   against `0` gives nothing (`= 0`, `< 1`, `<= 0`, `in (0)`, `in ()`) or
//!   everything (`!= 0`, `> 0`, `>= 0`, `>= 1`), complemented under negation.
//! - Every other check is neutral: every code, whatever the negation.
//!
//! The numbering of event types, and which fields carry them, belong to the
//! event source, so this module works through the [`EventTypes`] trait.

use std::fmt;

use crate::ast::{Check, Expr, Operand, Operator, Rhs};
use crate::error::{Error, ErrorKind};

/// The largest number of event codes an [`EventSet`] holds.
pub const MAX_EVENT_CODES: usize = 512;

/// A set of event codes, as a fixed-size bitset (membership is one bit test).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventSet {
    bits: [u64; MAX_EVENT_CODES / 64],
}

impl Default for EventSet {
    fn default() -> Self {
        EventSet::EMPTY
    }
}

impl EventSet {
    /// The empty set.
    pub const EMPTY: EventSet = EventSet {
        bits: [0; MAX_EVENT_CODES / 64],
    };

    /// The set `{0, 1, ..., n-1}`.
    pub fn all(n: usize) -> EventSet {
        let mut s = EventSet::EMPTY;
        for c in 0..n.min(MAX_EVENT_CODES) {
            s.insert(c as u16);
        }
        s
    }

    /// The empty set (as [`EventSet::EMPTY`]).
    pub fn new() -> EventSet {
        EventSet::EMPTY
    }

    /// The set of the given codes (codes at or above [`MAX_EVENT_CODES`] are
    /// ignored).
    pub fn from_codes(codes: impl IntoIterator<Item = u16>) -> EventSet {
        let mut s = EventSet::EMPTY;
        for c in codes {
            s.insert(c);
        }
        s
    }

    /// Adds a code; returns false (and adds nothing) for codes at or above
    /// [`MAX_EVENT_CODES`].
    pub fn insert(&mut self, code: u16) -> bool {
        let c = code as usize;
        if c < MAX_EVENT_CODES {
            self.bits[c / 64] |= 1 << (c % 64);
            true
        } else {
            false
        }
    }

    /// Removes a code.
    pub fn remove(&mut self, code: u16) {
        let c = code as usize;
        if c < MAX_EVENT_CODES {
            self.bits[c / 64] &= !(1 << (c % 64));
        }
    }

    /// Adds every code of `other`.
    pub fn union_with(&mut self, other: &EventSet) {
        *self = self.union(other);
    }

    /// True if `code` is in the set.
    pub fn contains(&self, code: u16) -> bool {
        let c = code as usize;
        c < MAX_EVENT_CODES && self.bits[c / 64] & (1 << (c % 64)) != 0
    }

    /// The number of codes in the set.
    pub fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True if the set is empty.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|w| *w == 0)
    }

    /// Set intersection.
    pub fn intersection(&self, other: &EventSet) -> EventSet {
        let mut s = *self;
        for (a, b) in s.bits.iter_mut().zip(other.bits.iter()) {
            *a &= *b;
        }
        s
    }

    /// Set union.
    pub fn union(&self, other: &EventSet) -> EventSet {
        let mut s = *self;
        for (a, b) in s.bits.iter_mut().zip(other.bits.iter()) {
            *a |= *b;
        }
        s
    }

    /// The codes of `universe` that are not in this set.
    pub fn complement_in(&self, universe: &EventSet) -> EventSet {
        let mut s = *universe;
        for (a, b) in s.bits.iter_mut().zip(self.bits.iter()) {
            *a &= !*b;
        }
        s
    }

    /// The codes in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (0..MAX_EVENT_CODES as u16).filter(move |c| self.contains(*c))
    }
}

impl FromIterator<u16> for EventSet {
    fn from_iter<T: IntoIterator<Item = u16>>(iter: T) -> Self {
        EventSet::from_codes(iter)
    }
}

impl fmt::Debug for EventSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The event-type numbering of an event source.
pub trait EventTypes {
    /// The number of event codes (Falco's `PPM_EVENT_MAX`); codes are `0..n`.
    fn num_codes(&self) -> usize;

    /// Adds to `out` every code that an `evt.type = name` check can match:
    /// the codes of events named `name` (enter, exit and older versions), or
    /// the generic syscall event codes when `name` is a syscall without an
    /// event of its own. Unknown names add nothing.
    fn codes_for_name(&self, name: &str, out: &mut EventSet);

    /// The name of an event code, for printing.
    fn name_of(&self, code: u16) -> Option<&str>;

    /// The fields whose values are event-type names (Falco's syscall source:
    /// `evt.type` and `syscall.type`): checks on them decide a rule's set.
    fn type_fields(&self) -> &[&str];

    /// The field holding the event's sequence number, if the source has one
    /// (Falco's `evt.num`): comparing it with `0` selects no event or every
    /// event. The default is none.
    fn number_field(&self) -> Option<&str> {
        None
    }
}

/// Computes the event-type set of a condition (see the module docs).
///
/// Fails when `evt.type` is compared with a field or wrapped in a
/// transformer, which event-code search does not support (as in Falco).
pub fn event_set(expr: &Expr, types: &dyn EventTypes) -> Result<EventSet, Error> {
    let all = EventSet::all(types.num_codes());
    walk(expr, false, types, &all)
}

fn walk(e: &Expr, neg: bool, types: &dyn EventTypes, all: &EventSet) -> Result<EventSet, Error> {
    match e {
        Expr::And(xs) | Expr::Or(xs) => {
            let intersect = matches!(e, Expr::And(_)) != neg;
            let mut acc: Option<EventSet> = None;
            for x in xs {
                let s = walk(x, neg, types, all)?;
                acc = Some(match acc {
                    None => s,
                    Some(a) if intersect => a.intersection(&s),
                    Some(a) => a.union(&s),
                });
            }
            Ok(acc.unwrap_or(*all))
        }
        Expr::Not(x) => walk(x, !neg, types, all),
        Expr::Macro { .. } => Ok(*all),
        Expr::Check(c) => leaf(c, neg, types, all),
    }
}

fn is_type_field(o: &Operand, types: &dyn EventTypes) -> Option<bool> {
    let named = |n: &str| types.type_fields().contains(&n);
    match o {
        Operand::Field(f) if named(&f.name) => Some(f.arg.is_none()),
        Operand::Transformer(t) => {
            let inner = t
                .args
                .iter()
                .any(|a| matches!(a, crate::ast::TransformerArg::Field(f) if named(&f.name)));
            inner.then_some(false)
        }
        _ => None,
    }
}

fn leaf(c: &Check, neg: bool, types: &dyn EventTypes, all: &EventSet) -> Result<EventSet, Error> {
    let flip = |s: EventSet, complement: bool| {
        if complement {
            s.complement_in(all)
        } else {
            s
        }
    };
    if let Some(bare) = is_type_field(&c.lhs, types) {
        if let Operand::Transformer(t) = &c.lhs {
            return Err(Error::new(
                ErrorKind::Compile,
                format!(
                    "field transformers on {} checks are not supported by event code search",
                    types.type_fields().join("/")
                ),
                t.pos,
            ));
        }
        if let Rhs::Operand(o) = &c.rhs {
            return Err(Error::new(
                ErrorKind::Compile,
                format!(
                    "right-hand field comparisons on {} checks are not supported by event code search",
                    types.type_fields().join("/")
                ),
                o.pos(),
            ));
        }
        if !bare {
            return Ok(*all);
        }
        let mut names = EventSet::EMPTY;
        match (c.op, &c.rhs) {
            (Operator::Eq | Operator::EqEq | Operator::Ne, Rhs::Value(v))
                if c.modifier.is_none() =>
            {
                types.codes_for_name(&v.text, &mut names);
            }
            (Operator::In, Rhs::List(vs)) => {
                for v in vs {
                    types.codes_for_name(&v.text, &mut names);
                }
            }
            (Operator::Exists, _) => return Ok(flip(*all, neg)),
            _ => return Ok(*all),
        }
        let names = names.intersection(all);
        return Ok(flip(names, (c.op == Operator::Ne) != neg));
    }
    if let Operand::Field(f) = &c.lhs {
        if types.number_field() == Some(f.name.as_str()) && f.arg.is_none() && c.modifier.is_none()
        {
            let zero = |v: &str| v.trim() == "0";
            let none = match (c.op, &c.rhs) {
                (Operator::Eq | Operator::EqEq | Operator::Le, Rhs::Value(v)) => zero(&v.text),
                (Operator::Lt, Rhs::Value(v)) => v.text.trim() == "1",
                (Operator::In, Rhs::List(vs)) => vs.iter().all(|v| zero(&v.text)),
                _ => false,
            };
            let every = match (c.op, &c.rhs) {
                (Operator::Ne | Operator::Gt, Rhs::Value(v)) => zero(&v.text),
                (Operator::Ge, Rhs::Value(v)) => zero(&v.text) || v.text.trim() == "1",
                _ => false,
            };
            if none {
                return Ok(flip(EventSet::EMPTY, neg));
            }
            if every {
                return Ok(flip(*all, neg));
            }
        }
    }
    Ok(*all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_condition;

    /// A toy numbering: open=0/1, openat=2/3, close=4/5, execve=6/7, generic=8/9.
    struct Toy;

    impl EventTypes for Toy {
        fn num_codes(&self) -> usize {
            200
        }
        fn codes_for_name(&self, name: &str, out: &mut EventSet) {
            let base = match name {
                "open" => 0,
                "openat" => 2,
                "close" => 4,
                "execve" => 6,
                "mlock" => 8,
                _ => return,
            };
            out.insert(base);
            out.insert(base + 1);
        }
        fn name_of(&self, _code: u16) -> Option<&str> {
            None
        }
        fn type_fields(&self) -> &[&str] {
            &["evt.type", "syscall.type"]
        }
        fn number_field(&self) -> Option<&str> {
            Some("evt.num")
        }
    }

    fn set(cond: &str) -> EventSet {
        let e = parse_condition(cond).expect("test condition parses");
        event_set(&e, &Toy).expect("event set")
    }

    fn codes(cs: &[u16]) -> EventSet {
        EventSet::from_codes(cs.iter().copied())
    }

    #[test]
    fn event_sets_follow_falco_algebra() {
        let all = EventSet::all(200);
        let cases: &[(&str, EventSet)] = &[
            ("proc.name=nginx", all),
            ("evt.type=openat", codes(&[2, 3])),
            ("evt.type in (open, openat)", codes(&[0, 1, 2, 3])),
            ("evt.type=openat or proc.name=nginx", all),
            ("evt.type=openat and proc.name=nginx", codes(&[2, 3])),
            ("evt.type!=openat", codes(&[2, 3]).complement_in(&all)),
            ("not evt.type != openat", codes(&[2, 3])),
            (
                "not evt.type in (openat, close)",
                codes(&[2, 3, 4, 5]).complement_in(&all),
            ),
            ("evt.type=close and evt.type=openat", EventSet::EMPTY),
            ("not proc.name=nginx", all),
            ("evt.type=execve and not proc.name=foo", codes(&[6, 7])),
            ("evt.type = mlock", codes(&[8, 9])),
            ("evt.type = nosuchthing", EventSet::EMPTY),
            ("evt.type exists", all),
            ("not evt.type exists", EventSet::EMPTY),
            ("evt.num = 0", EventSet::EMPTY),
            ("not evt.num = 0", all),
            ("evt.num > 0", all),
            ("evt.type contains open", all),
            ("evt.type[1] = open", all),
            (
                "not (evt.type = open or evt.type = close)",
                codes(&[0, 1, 4, 5]).complement_in(&all),
            ),
            ("not (evt.type = open and proc.name = x)", all),
        ];
        for (cond, want) in cases {
            assert_eq!(set(cond), *want, "condition: {cond}");
        }
    }

    #[test]
    fn evt_type_against_a_field_is_an_error() {
        let e = parse_condition("evt.type = val(proc.name)").expect("parses");
        let err = event_set(&e, &Toy).unwrap_err();
        assert!(err.message().contains("right-hand field comparisons"));
    }
}

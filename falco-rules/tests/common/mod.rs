//! Test support: a small field schema, a HashMap-backed event that counts
//! extractions, and a reader for one check written as text
//! (`proc.name in (cat, bash)`) until the real parser lands on `main`.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::net::IpAddr;

use falco_rules::ast::{
    Check, Expr, FieldRef, Modifier, Operand, Operator, Rhs, Transformer, TransformerArg,
    TransformerKind, Value as AstValue,
};
use falco_rules::{
    Compiler, Field, FieldArg, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType,
    IpNet, Pos, Program, Scratch, Values,
};

/// (name, type, is_list, flags)
const FIELDS: &[(&str, FieldType, bool, FieldFlags)] = &[
    ("proc.name", FieldType::String, false, FieldFlags::NONE),
    ("proc.pname", FieldType::String, false, FieldFlags::NONE),
    ("proc.exe", FieldType::String, false, FieldFlags::NONE),
    ("proc.cmdline", FieldType::String, false, FieldFlags::NONE),
    ("fd.name", FieldType::String, false, FieldFlags::NONE),
    ("fd.directory", FieldType::String, false, FieldFlags::NONE),
    ("evt.type", FieldType::String, false, FieldFlags::NONE),
    ("evt.buffer", FieldType::Bytes, false, FieldFlags::NONE),
    ("evt.rawres", FieldType::Int64, false, FieldFlags::NONE),
    ("proc.pid", FieldType::Int64, false, FieldFlags::NONE),
    ("proc.ppid", FieldType::Int64, false, FieldFlags::NONE),
    ("evt.res8", FieldType::Int8, false, FieldFlags::NONE),
    ("evt.res16", FieldType::Int16, false, FieldFlags::NONE),
    ("evt.res32", FieldType::Int32, false, FieldFlags::NONE),
    ("evt.u8", FieldType::Uint8, false, FieldFlags::NONE),
    ("fd.sport", FieldType::Uint16, false, FieldFlags::NONE),
    ("user.uid", FieldType::Uint32, false, FieldFlags::NONE),
    ("evt.count", FieldType::Uint64, false, FieldFlags::NONE),
    ("evt.is_open_read", FieldType::Bool, false, FieldFlags::NONE),
    ("fd.sip", FieldType::IpAddr, false, FieldFlags::NONE),
    ("fd.cip", FieldType::IpAddr, false, FieldFlags::NONE),
    ("fd.snet", FieldType::IpNet, false, FieldFlags::NONE),
    ("fd.ip", FieldType::IpAddr, false, FieldFlags::MATCH_ANY),
    ("fd.port", FieldType::Uint16, false, FieldFlags::MATCH_ANY),
    (
        "proc.aname",
        FieldType::String,
        false,
        FieldFlags::MATCH_ANY,
    ),
    ("proc.args", FieldType::String, true, FieldFlags::NONE),
    ("proc.env", FieldType::String, true, FieldFlags::NONE),
    ("fd.ports", FieldType::Uint64, true, FieldFlags::NONE),
    ("fd.ips", FieldType::IpAddr, true, FieldFlags::NONE),
    ("fd.nets", FieldType::IpNet, true, FieldFlags::NONE),
    ("evt.flags", FieldType::Bool, true, FieldFlags::NONE),
    ("proc.fds", FieldType::Int64, true, FieldFlags::NONE),
    (
        "proc.secret",
        FieldType::String,
        false,
        FieldFlags::NO_TRANSFORMER,
    ),
    ("fd.cnet", FieldType::IpNet, false, FieldFlags::NO_RHS),
    ("evt.arg", FieldType::String, false, FieldFlags::NONE),
];

/// The test schema. `proc.aname[N]` is the Nth ancestor (a plain field);
/// `evt.arg` requires an argument; `evt.type` knows a few event names.
pub struct Schema;

impl FieldSchema for Schema {
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let (id, &(_, ty, is_list, flags)) =
            FIELDS
                .iter()
                .enumerate()
                .find(|(_, f)| f.0 == name)
                .ok_or_else(|| FieldError::Unknown(name.to_string()))?;
        let mut field = Field {
            id: id as u32,
            arg: FieldArg::None,
            ty,
            is_list,
            flags,
        };
        match (name, arg) {
            ("proc.aname", Some(a)) => {
                let n: i64 = a
                    .parse()
                    .map_err(|_| FieldError::BadArgument(format!("invalid ancestor index {a}")))?;
                field.arg = FieldArg::Index(n);
                field.flags = FieldFlags::NONE;
            }
            ("evt.arg", Some(a)) => field.arg = FieldArg::Key(a.into()),
            ("evt.arg", None) => {
                return Err(FieldError::BadArgument(
                    "filter_check called with field evt.arg requiring an argument".into(),
                ))
            }
            (_, Some(a)) => {
                return Err(FieldError::BadArgument(format!(
                    "field {name} does not accept an argument, got [{a}]"
                )))
            }
            (_, None) => {}
        }
        Ok(field)
    }

    fn check_value(&self, field: &Field, value: &str) -> Result<(), String> {
        if FIELDS[field.id as usize].0 == "evt.type"
            && !["open", "openat", "execve", "connect", "close"].contains(&value)
        {
            return Err(format!("unknown event type {value}"));
        }
        Ok(())
    }
}

/// One value of the test event.
#[derive(Clone, Debug)]
pub enum V {
    S(String),
    B(Vec<u8>),
    I(i64),
    U(u64),
    Bool(bool),
    Ip(IpAddr),
    Net(IpNet),
}

pub fn s(x: &str) -> V {
    V::S(x.to_string())
}
pub fn ip(x: &str) -> V {
    V::Ip(x.parse().unwrap())
}

/// An event: field key (`name` or `name[arg]`) → values. A missing key is an
/// unavailable field. Counts extractions per key.
#[derive(Default)]
pub struct Event {
    pub fields: HashMap<String, Vec<V>>,
    pub calls: RefCell<HashMap<String, usize>>,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }
    pub fn with(mut self, key: &str, values: Vec<V>) -> Event {
        self.fields.insert(key.to_string(), values);
        self
    }
    /// A single string value.
    pub fn str(self, key: &str, v: &str) -> Event {
        self.with(key, vec![s(v)])
    }
    pub fn calls(&self, key: &str) -> usize {
        self.calls.borrow().get(key).copied().unwrap_or(0)
    }
}

fn key_of(field: &Field) -> String {
    let name = FIELDS[field.id as usize].0;
    match &field.arg {
        FieldArg::None => name.to_string(),
        FieldArg::Index(i) => format!("{name}[{i}]"),
        FieldArg::Key(k) => format!("{name}[{k}]"),
    }
}

impl FieldExtractor for Event {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let key = key_of(field);
        *self.calls.borrow_mut().entry(key.clone()).or_default() += 1;
        let Some(vals) = self.fields.get(&key) else {
            return false;
        };
        for v in vals {
            match v {
                V::S(x) => out.push_str(x),
                V::B(x) => out.push_bytes(x),
                V::I(x) => out.push_int(*x),
                V::U(x) => out.push_uint(*x),
                V::Bool(x) => out.push_bool(*x),
                V::Ip(x) => out.push_ip(*x),
                V::Net(x) => out.push_net(*x),
            }
        }
        true
    }
}

// ---------------------------------------------------------------------------
// Reading one check from text.

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn pos(&self) -> Pos {
        Pos::at(self.text, self.at)
    }
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }
    fn blanks(&mut self) {
        while self.rest().starts_with([' ', '\t', '\n']) {
            self.at += 1;
        }
    }
    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }
    fn word(&mut self, stop: &[char]) -> &'a str {
        let r = self.rest();
        let n = r
            .find(|c: char| c.is_whitespace() || stop.contains(&c))
            .unwrap_or(r.len());
        self.at += n;
        &r[..n]
    }
    fn quoted(&mut self) -> Option<String> {
        let q = self
            .rest()
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')?;
        self.at += 1;
        let r = self.rest();
        let end = r.find(q).expect("unterminated quote");
        self.at += end + 1;
        Some(r[..end].to_string())
    }
    fn value(&mut self) -> AstValue {
        self.blanks();
        let pos = self.pos();
        match self.quoted() {
            Some(text) => AstValue {
                text,
                quoted: true,
                pos,
            },
            None => AstValue {
                text: self.word(&['(', ')', ',', '=']).to_string(),
                quoted: false,
                pos,
            },
        }
    }
    fn field(&mut self) -> FieldRef {
        self.blanks();
        let pos = self.pos();
        let name = self
            .word(&['[', '(', ')', ',', '=', '!', '<', '>'])
            .to_string();
        let arg = if self.eat("[") {
            let r = self.rest();
            let end = r.find(']').expect("missing ]");
            self.at += end + 1;
            Some(r[..end].to_string())
        } else {
            None
        };
        FieldRef { name, arg, pos }
    }
    fn is_transformer(&self) -> Option<TransformerKind> {
        let r = self.rest();
        let open = r.find('(')?;
        TransformerKind::from_name(&r[..open]).filter(|_| !r[..open].contains(' '))
    }
    fn transformer(&mut self, kind: TransformerKind) -> Transformer {
        let pos = self.pos();
        self.at += kind.name().len() + 1;
        let mut args = Vec::new();
        loop {
            self.blanks();
            if self.eat(")") {
                break;
            }
            args.push(self.targ());
            self.blanks();
            self.eat(",");
        }
        let index = if self.eat("[") {
            let r = self.rest();
            let end = r.find(']').unwrap();
            self.at += end + 1;
            Some(r[..end].to_string())
        } else {
            None
        };
        Transformer {
            kind,
            args,
            index,
            pos,
        }
    }
    fn targ(&mut self) -> TransformerArg {
        self.blanks();
        if let Some(k) = self.is_transformer() {
            return TransformerArg::Transformer(self.transformer(k));
        }
        if self.rest().starts_with('(') {
            self.at += 1;
            let mut items = Vec::new();
            loop {
                self.blanks();
                if self.eat(")") {
                    break;
                }
                items.push(self.targ());
                self.blanks();
                self.eat(",");
            }
            return TransformerArg::List(items);
        }
        let pos = self.pos();
        if let Some(text) = self.quoted() {
            return TransformerArg::Str(AstValue {
                text,
                quoted: true,
                pos,
            });
        }
        if self
            .rest()
            .starts_with(|c: char| c.is_ascii_digit() || c == '-')
        {
            let text = self.word(&[',', ')']).to_string();
            return TransformerArg::Num(AstValue {
                text,
                quoted: false,
                pos,
            });
        }
        TransformerArg::Field(self.field())
    }
    fn operand(&mut self) -> Operand {
        self.blanks();
        match self.is_transformer() {
            Some(k) => Operand::Transformer(self.transformer(k)),
            None => Operand::Field(self.field()),
        }
    }
}

/// Reads one check such as `proc.name startswith oneof (/a, /b)`,
/// `tolower(proc.name) = val(proc.pname)` or `fd.name exists`.
pub fn check(text: &str) -> Expr {
    let mut r = Reader { text, at: 0 };
    let lhs = r.operand();
    r.blanks();
    let op_pos = r.pos();
    let op = ["==", "!=", "<=", ">=", "=", "<", ">"]
        .into_iter()
        .find(|o| r.eat(o))
        .map(|o| Operator::from_str_op(o).unwrap())
        .unwrap_or_else(|| {
            let w = r.word(&['(']);
            Operator::from_str_op(w).unwrap_or_else(|| panic!("bad operator {w:?} in {text:?}"))
        });
    r.blanks();
    let mut modifier = None;
    for m in ["oneof ", "anyof ", "allof "] {
        if r.rest().starts_with(m) {
            r.at += m.len();
            modifier = Modifier::from_name(m.trim());
        }
    }
    r.blanks();
    let rhs = if op == Operator::Exists {
        Rhs::None
    } else if r.is_transformer().is_some() {
        Rhs::Operand(r.operand())
    } else if r.rest().starts_with('(') {
        r.at += 1;
        let mut items = Vec::new();
        loop {
            r.blanks();
            if r.eat(")") {
                break;
            }
            items.push(r.value());
            r.blanks();
            r.eat(",");
        }
        Rhs::List(items)
    } else {
        Rhs::Value(r.value())
    };
    r.blanks();
    assert!(
        r.rest().is_empty(),
        "unread text {:?} in {text:?}",
        r.rest()
    );
    Expr::Check(Box::new(Check {
        lhs,
        op,
        modifier,
        rhs,
        op_pos,
    }))
}

pub fn and(xs: Vec<Expr>) -> Expr {
    Expr::And(xs)
}
pub fn or(xs: Vec<Expr>) -> Expr {
    Expr::Or(xs)
}
pub fn not(x: Expr) -> Expr {
    Expr::Not(Box::new(x))
}
pub fn mac(name: &str) -> Expr {
    Expr::Macro {
        name: name.into(),
        pos: Pos::START,
    }
}

pub fn compile(expr: &Expr) -> Program {
    Compiler::new(&Schema)
        .compile(expr)
        .unwrap_or_else(|e| panic!("{expr}: {e}"))
}

/// Compiles one check and evaluates it on `ev` with a fresh scratch.
pub fn eval(text: &str, ev: &Event) -> bool {
    let p = compile(&check(text));
    let mut scratch = Scratch::new();
    scratch.next_event();
    p.eval(ev, &mut scratch)
}

/// The compile error of one check: (message, line:col).
pub fn error(text: &str) -> (String, String) {
    match Compiler::new(&Schema).compile(&check(text)) {
        Ok(_) => panic!("{text:?} compiled"),
        Err(e) => (e.message().to_string(), e.pos().to_string()),
    }
}

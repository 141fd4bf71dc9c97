//! Test support: a small field schema and a HashMap-backed event that counts
//! extractions.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::net::IpAddr;

use falco_rules::ast::Expr;
use falco_rules::{
    parse_condition, Compiler, Field, FieldArg, FieldError, FieldExtractor, FieldFlags,
    FieldSchema, FieldType, IpNet, Pos, Program, Scratch, Values,
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
    ("fd.net", FieldType::IpNet, false, FieldFlags::MATCH_ANY),
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

/// Parses a condition (panics on a parse error: the tests' conditions are valid).
pub fn cond(text: &str) -> Expr {
    parse_condition(text).unwrap_or_else(|e| panic!("{text:?}: {} at {}", e.message(), e.pos()))
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

/// Compiles a condition and evaluates it on `ev` with a fresh scratch.
pub fn eval(text: &str, ev: &Event) -> bool {
    let p = compile(&cond(text));
    let mut scratch = Scratch::new();
    scratch.next_event();
    p.eval(ev, &mut scratch)
}

/// The compile error of a condition: (message, line:col).
pub fn error(text: &str) -> (String, String) {
    match Compiler::new(&Schema).compile(&cond(text)) {
        Ok(_) => panic!("{text:?} compiled"),
        Err(e) => (e.message().to_string(), e.pos().to_string()),
    }
}

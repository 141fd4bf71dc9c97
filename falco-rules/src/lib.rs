//! Falco's rule language in Rust: parse conditions, compile them to bytecode,
//! evaluate them against any event source.
#![deny(missing_docs)]

pub mod alert;
pub mod ast;
pub mod compile;
pub mod engine;
pub mod error;
pub mod evttype;
pub mod field;
pub mod macros;
pub mod output;
pub mod parser;
pub mod rules;

pub use ast::{Expr, Pos};
pub use compile::{Compiler, Filter, Program, Scratch};
pub use error::{Error, ErrorKind, Warning};
pub use field::{
    Field, FieldArg, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType, IpNet, Value,
    Values,
};
pub use parser::{parse_condition, parse_condition_with_depth};

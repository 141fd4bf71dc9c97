//! Errors and warnings of the condition stages, each with a position.

use std::fmt;

use crate::ast::Pos;

/// What kind of problem an [`Error`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The condition text does not follow the grammar.
    Parse,
    /// A field name that the schema does not know, or an unknown event type
    /// (Falco counts both as "unknown filter", which `skip-if-unknown-filter`
    /// softens into a warning).
    UnknownField,
    /// A macro reference that nothing resolved.
    UndefinedMacro,
    /// Anything else the compiler rejects: an operator the field's type does
    /// not support, a value that does not convert, a bad regex, ...
    Compile,
}

/// An error in a condition, with the position it points at.
///
/// `Display` prints the message alone, worded as Falco words it; [`Error::pos`]
/// gives the line and column inside the condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    pos: Pos,
    subject: Option<String>,
}

impl Error {
    /// Builds an error.
    pub fn new(kind: ErrorKind, message: impl Into<String>, pos: Pos) -> Error {
        Error {
            kind,
            message: message.into(),
            pos,
            subject: None,
        }
    }

    /// The same error, naming what it is about: the unknown field or the
    /// undefined macro, for "did you mean" suggestions.
    pub fn with_subject(mut self, subject: impl Into<String>) -> Error {
        self.subject = Some(subject.into());
        self
    }

    /// The name the error is about (an unknown field, an undefined macro),
    /// when it is about one.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the condition the error points.
    pub fn pos(&self) -> Pos {
        self.pos
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A compile-time warning (Falco's `LOAD_COMPILE_CONDITION` messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The message, worded as Falco words it.
    pub message: String,
    /// Where in the condition it points.
    pub pos: Pos,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

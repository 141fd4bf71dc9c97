//! The condition parser (pest grammar in `condition.pest`). Work in progress.

use crate::ast::{Expr, Pos};
use crate::error::{Error, ErrorKind};

/// The default nesting limit of [`parse_condition`] (Falco sets 1000).
pub const DEFAULT_MAX_DEPTH: usize = 1000;

/// Parses a condition into an [`Expr`].
pub fn parse_condition(text: &str) -> Result<Expr, Error> {
    parse_condition_with_depth(text, DEFAULT_MAX_DEPTH)
}

/// Parses a condition, failing with `exceeded max depth limit of N` when
/// parentheses or `not`s nest deeper than `max_depth`.
pub fn parse_condition_with_depth(text: &str, max_depth: usize) -> Result<Expr, Error> {
    let _ = max_depth;
    Err(Error::new(ErrorKind::Parse, "filter input string is empty", Pos::at(text, 0)))
}

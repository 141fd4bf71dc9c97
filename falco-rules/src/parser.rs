//! The condition parser: text to [`Expr`], with Falco's syntax and error messages.
//!
//! The grammar lives in `condition.pest` (read it: the whole language on one
//! screen). It accepts exactly the conditions that Falco's parser (libsinsp
//! `filter/parser.cpp`) accepts, and it marks every place where Falco gives up
//! with an `err_*` rule, so that an invalid condition fails with Falco's
//! message at Falco's position. This module runs the grammar, checks what the
//! grammar leaves to code (string escapes, the nesting limit), and builds the
//! [`Expr`].
//!
//! ```
//! use falco_rules::parse_condition;
//!
//! let e = parse_condition("evt.type=open and not proc.name in (cat, 'my app')").unwrap();
//! assert_eq!(e.to_string(), r#"(evt.type = open and not proc.name in (cat, "my app"))"#);
//!
//! let err = parse_condition("proc.name = cat and\n(fd.name exists").unwrap_err();
//! assert_eq!(err.message(), "expected a ')' token");
//! assert_eq!(err.pos().to_string(), "2:16");
//! ```
//!
//! Where this parser knowingly differs from Falco:
//! - A condition made of blanks only fails with "filter input string is empty"
//!   (Falco says "expected a '(' token, a field check, or an identifier").
//! - The nesting limit counts parentheses (groups, `not(`, lists, transformer
//!   calls), not the parser's internal recursion: with the default of 1000,
//!   1000 nested groups parse (Falco stops near 200). A chain of `not`s does
//!   not nest (Falco folds it to its parity).
//! - `\xHH` escapes must decode to valid UTF-8 (values are Rust strings).
//! - An identifier after a list operator or a modifier (`in my_list`) is kept
//!   as a one-value list, so it prints as `in (my_list)` (Falco: `in my_list`).
//! - A message that quotes a token holding a NUL byte quotes all of it (Falco's
//!   C string stops at the NUL).
//!
//! Deep nesting runs the grammar on a thread of its own with a stack sized for
//! it; conditions nested less than 32 deep (all real ones) parse on the
//! caller's stack.

use pest::iterators::Pair;
use pest::Parser as _;

use crate::ast::{
    Check, Expr, FieldRef, Modifier, Operand, Operator, Pos, Rhs, Transformer, TransformerArg,
    TransformerKind, Value,
};
use crate::error::{Error, ErrorKind};

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "condition.pest"]
    pub(super) struct ConditionParser;
}

use grammar::{ConditionParser, Rule};

/// The default nesting limit of [`parse_condition`] (Falco sets 1000).
pub const DEFAULT_MAX_DEPTH: usize = 1000;

/// The transformers as Falco's messages list them.
const TRANSFORMER_LIST: &str =
    "'val', 'tolower', 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt'";

/// Parses a condition into an [`Expr`], with nesting limited to
/// [`DEFAULT_MAX_DEPTH`].
///
/// Errors carry Falco's message and the position where Falco's parser stopped.
///
/// ```
/// use falco_rules::parse_condition;
///
/// let e = parse_condition("a.b=1 or b.c=2 and not c.d=3").unwrap();
/// assert_eq!(e.to_string(), "(a.b = 1 or (b.c = 2 and not c.d = 3))");
///
/// let err = parse_condition("proc.name = cat ) ").unwrap_err();
/// assert_eq!(err.message(), "unexpected token after 'cat', expecting 'or', 'and'");
/// assert_eq!((err.pos().line, err.pos().col), (1, 17));
/// ```
pub fn parse_condition(text: &str) -> Result<Expr, Error> {
    parse_condition_with_depth(text, DEFAULT_MAX_DEPTH)
}

/// Parses a condition, failing with `exceeded max depth limit of N` when
/// parentheses nest deeper than `max_depth`.
///
/// Every opening parenthesis that the grammar reads as structure counts one
/// level: groups, `not(`, `and(`, `or(`, value lists, transformer calls and
/// transformer lists. `not not x` does not nest. The limit is checked before
/// the grammar runs, so no input can exhaust the stack.
///
/// ```
/// use falco_rules::parser::parse_condition_with_depth;
///
/// assert!(parse_condition_with_depth("((a))", 2).is_ok());
/// let err = parse_condition_with_depth("(((a)))", 2).unwrap_err();
/// assert_eq!(err.message(), "exceeded max depth limit of 2");
/// assert_eq!(err.pos().col, 4);
/// ```
pub fn parse_condition_with_depth(text: &str, max_depth: usize) -> Result<Expr, Error> {
    let lines = LineIndex::new(text);
    if text.bytes().all(is_blank) {
        return Err(Error::new(
            ErrorKind::Parse,
            "filter input string is empty",
            lines.pos(0),
        ));
    }
    match scan_nesting(text, max_depth) {
        Nesting::Within(depth) => with_stack_for(depth, || parse_text(text, &lines)),
        Nesting::TooDeep(cut) => {
            // `cut` is just after the parenthesis that goes one level too deep.
            // An error earlier in the text comes first (Falco would have stopped
            // there); the prefix up to `cut` parses as the whole text does up to
            // there, and its nesting is bounded.
            let prefix = text.get(..cut).unwrap_or_default();
            match with_stack_for(max_depth.saturating_add(1), || parse_text(prefix, &lines)) {
                Err(e) if e.pos().offset < cut => Err(e),
                _ => Err(Error::new(
                    ErrorKind::Parse,
                    format!("exceeded max depth limit of {max_depth}"),
                    lines.pos(cut),
                )),
            }
        }
    }
}

/// Up to this nesting, the grammar runs on the caller's stack.
const INLINE_DEPTH: usize = 32;
/// Stack reserved per nesting level beyond [`INLINE_DEPTH`] (pest's generated
/// code recurses through several rules per level; debug builds need ~6 KiB).
const STACK_PER_LEVEL: usize = 24 * 1024;
/// Stack reserved besides the levels.
const STACK_BASE: usize = 1024 * 1024;
/// The most stack a parse may ask for (about 20,000 levels).
const STACK_MAX: usize = 512 * 1024 * 1024;

/// Runs `f` (which recurses about once per nesting level) on a thread with a
/// stack sized for `depth` levels when the caller's stack might not suffice.
fn with_stack_for<F>(depth: usize, f: F) -> Result<Expr, Error>
where
    F: FnOnce() -> Result<Expr, Error> + Send,
{
    if depth <= INLINE_DEPTH {
        return f();
    }
    let size = depth
        .saturating_mul(STACK_PER_LEVEL)
        .saturating_add(STACK_BASE);
    let too_complex = || {
        Error::new(
            ErrorKind::Parse,
            "condition too complex to parse: cannot reserve the stack it needs",
            Pos::START,
        )
    };
    if size > STACK_MAX {
        return Err(too_complex());
    }
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("falco-rules-parse".into())
            .stack_size(size)
            .spawn_scoped(scope, f)
        {
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(too_complex())),
            Err(_) => Err(too_complex()),
        }
    })
}

/// Falco's blanks: space, tab, backspace, CR, LF.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x08 | b'\r' | b'\n')
}

/// POSIX `[:space:]`.
fn is_posix_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// How deeply a condition nests parentheses.
#[derive(Debug, PartialEq, Eq)]
enum Nesting {
    /// Never deeper than the limit; the deepest level reached.
    Within(usize),
    /// Too deep: the offset just after the first parenthesis past the limit.
    TooDeep(usize),
}

/// Measures the nesting of structural parentheses in one linear pass.
///
/// It skips what the lexer reads as text: quoted strings (with Falco's
/// end-quote rule) and the bare argument after any `[`. Up to the first syntax
/// error its count is exactly the grammar's nesting; past one, the grammar
/// reads no further, so a count that differs there does no harm (the caller
/// parses the prefix to find such an error first).
fn scan_nesting(text: &str, max_depth: usize) -> Nesting {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' | b'\'' => {
                let mut prev = c;
                i += 1;
                loop {
                    match b.get(i) {
                        // Unterminated: the lexer fails here and so does the parse.
                        None | Some(0) => return Nesting::Within(deepest),
                        Some(&x) if x == c && prev != b'\\' => break,
                        Some(&x) => prev = x,
                    }
                    i += 1;
                }
            }
            b'[' => {
                while let Some(&x) = b.get(i + 1) {
                    if matches!(x, b'[' | b']' | b'"' | b'\'') || is_posix_space(x) {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' => {
                depth += 1;
                if depth > max_depth {
                    return Nesting::TooDeep(i + 1);
                }
                deepest = deepest.max(depth);
            }
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Nesting::Within(deepest)
}

/// Maps byte offsets to [`Pos`] in O(log n) (a [`Pos::at`] per node would make
/// long conditions quadratic).
struct LineIndex {
    /// Offsets where a line starts, after the first: one past each `\r` or `\n`.
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n' || b == b'\r')
            .map(|(i, _)| i + 1)
            .collect();
        LineIndex { starts }
    }

    fn pos(&self, offset: usize) -> Pos {
        let before = self.starts.partition_point(|&s| s <= offset);
        let line_start = match before.checked_sub(1) {
            Some(i) => self.starts.get(i).copied().unwrap_or(0),
            None => 0,
        };
        Pos {
            offset,
            line: u32::try_from(before + 1).unwrap_or(u32::MAX),
            col: u32::try_from(offset - line_start + 1).unwrap_or(u32::MAX),
        }
    }
}

/// Runs the grammar over `text`, reports the first error, else builds the AST.
fn parse_text(text: &str, lines: &LineIndex) -> Result<Expr, Error> {
    let b = Builder { text, lines };
    let mut pairs = match ConditionParser::parse(Rule::condition, text) {
        Ok(p) => p,
        // The grammar accepts every text (its `err_*` rules swallow the rest),
        // so this only happens if pest itself gives up (e.g. its stack guard).
        Err(e) => {
            let offset = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            return Err(Error::new(
                ErrorKind::Parse,
                format!("condition too complex to parse: {}", e.variant.message()),
                lines.pos(offset.min(text.len())),
            ));
        }
    };
    let condition = pairs.next().ok_or_else(|| b.internal(0))?;
    b.first_error(&condition)?;
    let root = condition
        .into_inner()
        .find(|p| p.as_rule() == Rule::or_expr)
        .ok_or_else(|| b.internal(0))?;
    b.or_expr(root)
}

/// The message of an `err_*` rule (`None` for other rules).
fn error_message(rule: Rule) -> Option<String> {
    let m = match rule {
        Rule::err_or_blank => "expected blank or '(' after 'or'".into(),
        Rule::err_and_blank => "expected blank or '(' after 'and'".into(),
        Rule::err_rparen => "expected a ')' token".into(),
        Rule::err_check => "expected a '(' token, a field check, or an identifier".into(),
        Rule::err_operator => {
            // Falco lists the operators in the order its lexer tries them.
            let ops = crate::rules::OPERATORS;
            let list: Vec<String> = ops.iter().map(|o| format!("'{o}'")).collect();
            format!("expected a valid check operator: one of {}", list.join(", "))
        }
        Rule::err_num_value => {
            format!("expected a number value or a field with a valid transformer: {TRANSFORMER_LIST}")
        }
        Rule::err_str_value => {
            format!("expected a string value or a field with a valid transformer: {TRANSFORMER_LIST}")
        }
        Rule::err_list_value => format!(
            "expected a list, an identifier, or a field with a valid transformer: {TRANSFORMER_LIST}"
        ),
        Rule::err_list_item => "expected a string value".into(),
        Rule::err_field_arg => {
            "expected a valid field argument: a quoted string or a bare string".into()
        }
        Rule::err_rbracket => "expected a ']' token".into(),
        Rule::err_val_field => "expected a field within 'val' transformer".into(),
        Rule::err_transformer_rparen => "expected a ')' token closing the transformer".into(),
        Rule::err_transformer_arg => "expected field transformer argument: field, transformer, \
                                      quoted string, number, or transformer list"
            .into(),
        Rule::err_transformer_list_arg => {
            "expected transformer list argument: field, transformer, quoted string, or number"
                .into()
        }
        Rule::err_transformer_list_rparen => "expected ')'".into(),
        _ => return None,
    };
    Some(m)
}

/// True for the tokens that Falco remembers as its "last token" (the `T` of
/// "unexpected token after 'T'").
fn is_token(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::identifier
            | Rule::field_name
            | Rule::field_arg_bare
            | Rule::hex_number
            | Rule::number
            | Rule::bare_str
            | Rule::quoted_str
            | Rule::lparen
            | Rule::rparen
            | Rule::comma
            | Rule::lbracket
            | Rule::rbracket
            | Rule::kw_and
            | Rule::kw_or
            | Rule::not_prefix
            | Rule::kw_not_paren
            | Rule::transformer_name
            | Rule::val_kw
            | Rule::op_exists
            | Rule::num_op
            | Rule::str_op
            | Rule::list_op
            | Rule::modifier
    )
}

/// Why a quoted string does not unescape.
#[derive(Debug, PartialEq, Eq)]
struct EscapeError(String);

/// Decodes a raw quoted string (delimiters included) as Falco does.
///
/// Supported: `\b \f \n \r \t \\ \/`, `\"` in double quotes, `\'` in single
/// quotes, `\xHH`, and `\ ` (a backslash then a space) which gives a single
/// backslash and drops the space (a legacy tolerance of Falco).
fn unescape(raw: &str) -> Result<String, EscapeError> {
    let bytes = raw.as_bytes();
    let delim = bytes.first().copied().unwrap_or(b'"');
    let content = bytes
        .get(1..bytes.len().saturating_sub(1))
        .unwrap_or_default();
    let mut out: Vec<u8> = Vec::with_capacity(content.len());
    let mut i = 0;
    while let Some(&c) = content.get(i) {
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = content.get(i) else {
            // Cannot happen: a backslash never directly precedes the closing quote.
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b' ' | b'\\' => out.push(b'\\'),
            b'/' => out.push(b'/'),
            b'"' if delim == b'"' => out.push(b'"'),
            b'"' => return Err(EscapeError("invalid \\\" escape in '-quoted string".into())),
            b'\'' if delim == b'\'' => out.push(b'\''),
            b'\'' => return Err(EscapeError("invalid \\' escape in \"-quoted string".into())),
            b'x' => {
                let Some(hex) = content.get(i..i + 2) else {
                    return Err(EscapeError("truncated hex char escape sequence".into()));
                };
                let digit = |d: u8| (d as char).to_digit(16);
                match (digit(hex[0]), digit(hex[1])) {
                    (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                    _ => {
                        return Err(EscapeError(format!(
                            "invalid hex char escape sequence: {}",
                            String::from_utf8_lossy(hex)
                        )))
                    }
                }
                i += 2;
            }
            _ => {
                // Name the whole character, even when it is not ASCII.
                let start = i - 1;
                let ch = raw
                    .get(start + 1..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                return Err(EscapeError(format!(
                    "unsupported string escape sequence: \\{ch}"
                )));
            }
        }
    }
    String::from_utf8(out).map_err(|_| {
        EscapeError("invalid hex char escape sequence: the string is not valid UTF-8".into())
    })
}

/// Walks the parse tree of one condition.
struct Builder<'a> {
    text: &'a str,
    lines: &'a LineIndex,
}

type Res<T> = Result<T, Error>;

impl<'a> Builder<'a> {
    fn pos(&self, p: &Pair<'_, Rule>) -> Pos {
        self.lines.pos(p.as_span().start())
    }

    fn err(&self, message: impl Into<String>, offset: usize) -> Error {
        Error::new(ErrorKind::Parse, message, self.lines.pos(offset))
    }

    /// A parse tree that does not have the shape the grammar promises.
    fn internal(&self, offset: usize) -> Error {
        self.err("parser fatal error: unexpected parse tree", offset)
    }

    /// Finds the error Falco would report first: the first `err_*` token or
    /// badly escaped string, in input order.
    fn first_error(&self, condition: &Pair<'_, Rule>) -> Res<()> {
        let mut last_token: Option<Pair<'_, Rule>> = None;
        // A list whose first value is a badly escaped string followed by `)` is
        // an empty list in Falco (it tries the first value and, on any error,
        // treats the list as empty): its end offset, to skip that string.
        let mut forgiven_head: Option<usize> = None;
        for p in condition.clone().into_inner().flatten() {
            let rule = p.as_rule();
            if let Some(message) = error_message(rule) {
                return Err(self.err(message, p.as_span().start()));
            }
            match rule {
                Rule::err_trailing => {
                    let t = match &last_token {
                        Some(t) if t.as_rule() == Rule::quoted_str => {
                            unescape(t.as_str()).unwrap_or_default()
                        }
                        Some(t) => t.as_str().to_string(),
                        None => String::new(),
                    };
                    return Err(self.err(
                        format!("unexpected token after '{t}', expecting 'or', 'and'"),
                        p.as_span().start(),
                    ));
                }
                Rule::value_list => {
                    if let Some(head) = list_head(&p) {
                        if head.as_rule() == Rule::quoted_str && unescape(head.as_str()).is_err() {
                            let end = head.as_span().end();
                            if self.text.as_bytes().get(end) == Some(&b')') {
                                forgiven_head = Some(end);
                            } else {
                                return Err(self.err("expected a ')' token", end));
                            }
                        }
                    }
                }
                Rule::quoted_str if forgiven_head != Some(p.as_span().end()) => {
                    if let Err(EscapeError(m)) = unescape(p.as_str()) {
                        return Err(self.err(m, p.as_span().end()));
                    }
                }
                _ => {}
            }
            if is_token(rule) {
                last_token = Some(p);
            }
        }
        Ok(())
    }

    fn or_expr(&self, p: Pair<'_, Rule>) -> Res<Expr> {
        let offset = p.as_span().start();
        let mut kids = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::and_expr => kids.push(self.and_expr(c)?),
                Rule::paren_expr => kids.push(self.paren(c)?),
                _ => {}
            }
        }
        self.nary(kids, Expr::Or, offset)
    }

    fn and_expr(&self, p: Pair<'_, Rule>) -> Res<Expr> {
        let offset = p.as_span().start();
        let mut kids = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::not_expr => kids.push(self.not_expr(c)?),
                Rule::paren_expr => kids.push(self.paren(c)?),
                _ => {}
            }
        }
        self.nary(kids, Expr::And, offset)
    }

    fn nary(&self, mut kids: Vec<Expr>, f: fn(Vec<Expr>) -> Expr, offset: usize) -> Res<Expr> {
        match kids.len() {
            0 => Err(self.internal(offset)),
            1 => kids.pop().ok_or_else(|| self.internal(offset)),
            _ => Ok(f(kids)),
        }
    }

    /// The expression inside `( ... )` or `not( ... )`.
    fn paren(&self, p: Pair<'_, Rule>) -> Res<Expr> {
        let offset = p.as_span().start();
        let inner = p
            .into_inner()
            .find(|c| c.as_rule() == Rule::or_expr)
            .ok_or_else(|| self.internal(offset))?;
        self.or_expr(inner)
    }

    fn not_expr(&self, p: Pair<'_, Rule>) -> Res<Expr> {
        let offset = p.as_span().start();
        let mut negated = false;
        let mut child = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::not_prefix => negated = !negated,
                Rule::not_paren => {
                    negated = !negated;
                    child = Some(self.paren(c)?);
                }
                Rule::paren_expr => child = Some(self.paren(c)?),
                Rule::field_check | Rule::transformer_check => child = Some(self.check(c)?),
                Rule::macro_ref => {
                    child = Some(Expr::Macro {
                        name: c.as_str().to_string(),
                        pos: self.pos(&c),
                    })
                }
                _ => return Err(self.internal(c.as_span().start())),
            }
        }
        let child = child.ok_or_else(|| self.internal(offset))?;
        Ok(if negated {
            Expr::Not(Box::new(child))
        } else {
            child
        })
    }

    fn check(&self, p: Pair<'_, Rule>) -> Res<Expr> {
        let offset = p.as_span().start();
        let mut inner = p.into_inner();
        let lhs = match inner.next() {
            Some(c) if c.as_rule() == Rule::field => Operand::Field(self.field(c)?),
            Some(c) if c.as_rule() == Rule::transformer => {
                Operand::Transformer(self.transformer(c)?)
            }
            _ => return Err(self.internal(offset)),
        };
        let op_pair = inner.next().ok_or_else(|| self.internal(offset))?;
        let op_pos = self.pos(&op_pair);
        let op = match op_pair.as_rule() {
            Rule::op_exists => Operator::Exists,
            Rule::num_op | Rule::str_op | Rule::list_op => Operator::from_str_op(op_pair.as_str())
                .ok_or_else(|| self.internal(op_pair.as_span().start()))?,
            _ => return Err(self.internal(op_pair.as_span().start())),
        };
        let mut modifier = None;
        let mut rhs = Rhs::None;
        for c in inner {
            match c.as_rule() {
                Rule::modifier => modifier = Modifier::from_name(c.as_str()),
                Rule::value_list => rhs = Rhs::List(self.value_list(c)?),
                Rule::list_ident => rhs = Rhs::List(vec![self.value(&c, false)]),
                Rule::val_transformer => rhs = Rhs::Operand(Operand::Transformer(self.val(c)?)),
                Rule::transformer => rhs = Rhs::Operand(Operand::Transformer(self.transformer(c)?)),
                Rule::quoted_str => rhs = Rhs::Value(self.quoted(&c)?),
                Rule::bare_str | Rule::number | Rule::hex_number => {
                    rhs = Rhs::Value(self.value(&c, false))
                }
                _ => return Err(self.internal(c.as_span().start())),
            }
        }
        Ok(Expr::Check(Box::new(Check {
            lhs,
            op,
            modifier,
            rhs,
            op_pos,
        })))
    }

    /// An unquoted value as written.
    fn value(&self, p: &Pair<'_, Rule>, quoted: bool) -> Value {
        Value {
            text: p.as_str().to_string(),
            quoted,
            pos: self.pos(p),
        }
    }

    fn quoted(&self, p: &Pair<'_, Rule>) -> Res<Value> {
        let text = unescape(p.as_str()).map_err(|EscapeError(m)| self.err(m, p.as_span().end()))?;
        Ok(Value {
            text,
            quoted: true,
            pos: self.pos(p),
        })
    }

    fn value_list(&self, p: Pair<'_, Rule>) -> Res<Vec<Value>> {
        if let Some(head) = list_head(&p) {
            if head.as_rule() == Rule::quoted_str && unescape(head.as_str()).is_err() {
                // Falco's quirk: a bad first value makes the list empty.
                return Ok(Vec::new());
            }
        }
        let mut values = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::quoted_str => values.push(self.quoted(&c)?),
                Rule::bare_str => values.push(self.value(&c, false)),
                _ => {}
            }
        }
        Ok(values)
    }

    fn field(&self, p: Pair<'_, Rule>) -> Res<FieldRef> {
        let pos = self.pos(&p);
        let mut name = String::new();
        let mut arg = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::field_name => name = c.as_str().to_string(),
                Rule::field_arg => arg = Some(self.field_arg(c)?),
                _ => return Err(self.internal(c.as_span().start())),
            }
        }
        Ok(FieldRef { name, arg, pos })
    }

    /// The text between `[` and `]`, unescaped when quoted.
    fn field_arg(&self, p: Pair<'_, Rule>) -> Res<String> {
        let offset = p.as_span().start();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::quoted_str => return Ok(self.quoted(&c)?.text),
                Rule::field_arg_bare => return Ok(c.as_str().to_string()),
                _ => {}
            }
        }
        Err(self.internal(offset))
    }

    fn transformer(&self, p: Pair<'_, Rule>) -> Res<Transformer> {
        let pos = self.pos(&p);
        let offset = p.as_span().start();
        let mut kind = None;
        let mut args = Vec::new();
        let mut index = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::transformer_name => kind = TransformerKind::from_name(c.as_str()),
                Rule::field_arg => index = Some(self.field_arg(c)?),
                Rule::comma | Rule::rparen => {}
                _ => args.push(self.transformer_arg(c)?),
            }
        }
        let kind = kind.ok_or_else(|| self.internal(offset))?;
        Ok(Transformer {
            kind,
            args,
            index,
            pos,
        })
    }

    fn transformer_arg(&self, p: Pair<'_, Rule>) -> Res<TransformerArg> {
        Ok(match p.as_rule() {
            Rule::field => TransformerArg::Field(self.field(p)?),
            Rule::transformer => TransformerArg::Transformer(self.transformer(p)?),
            Rule::quoted_str => TransformerArg::Str(self.quoted(&p)?),
            Rule::number | Rule::hex_number => TransformerArg::Num(self.value(&p, false)),
            Rule::transformer_list => {
                let mut items = Vec::new();
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::lparen | Rule::rparen | Rule::comma => {}
                        _ => items.push(self.transformer_arg(c)?),
                    }
                }
                TransformerArg::List(items)
            }
            _ => return Err(self.internal(p.as_span().start())),
        })
    }

    fn val(&self, p: Pair<'_, Rule>) -> Res<Transformer> {
        let pos = self.pos(&p);
        let mut args = Vec::new();
        let mut index = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::field => args.push(TransformerArg::Field(self.field(c)?)),
                Rule::field_arg => index = Some(self.field_arg(c)?),
                _ => {}
            }
        }
        Ok(Transformer {
            kind: TransformerKind::Val,
            args,
            index,
            pos,
        })
    }
}

/// The first value of a `value_list`, if it has one.
fn list_head<'i>(list: &Pair<'i, Rule>) -> Option<Pair<'i, Rule>> {
    list.clone()
        .into_inner()
        .find(|c| matches!(c.as_rule(), Rule::quoted_str | Rule::bare_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_pos_at() {
        for text in ["", "a", "a\nb", "a\r\nbc\r", "\n\n x", "é\nü x"] {
            let lines = LineIndex::new(text);
            for offset in 0..=text.len() {
                assert_eq!(
                    lines.pos(offset),
                    Pos::at(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn nesting_scan_counts_structural_parentheses_only() {
        let cases = [
            ("a", Nesting::Within(0)),
            ("(a) and ((b))", Nesting::Within(2)),
            (r#"a.b = "((" and c.d = '(('"#, Nesting::Within(0)),
            (r#"a.b = "\"((" "#, Nesting::Within(0)),
            // The end quote is the first one not preceded by a backslash.
            (r#"a.b = "x\\" ((("#, Nesting::Within(0)),
            ("a.b[((] exists and (c)", Nesting::Within(1)),
            ("tolower(a.b)[((] exists", Nesting::Within(1)),
            ("((((", Nesting::TooDeep(4)),
            (r#"("(" ((("#, Nesting::TooDeep(8)),
        ];
        for (text, expected) in cases {
            assert_eq!(scan_nesting(text, 3), expected, "{text:?}");
        }
    }

    #[test]
    fn unescape_keeps_bytes_that_are_not_escapes() {
        assert_eq!(unescape(r#""a b\tc""#), Ok("a b\tc".into()));
        assert_eq!(unescape("'caf\u{e9}'"), Ok("caf\u{e9}".into()));
        assert_eq!(unescape(r#""\x00""#), Ok("\0".into()));
    }

    #[test]
    fn every_error_rule_has_a_message() {
        let rules = [
            Rule::err_or_blank,
            Rule::err_and_blank,
            Rule::err_rparen,
            Rule::err_check,
            Rule::err_operator,
            Rule::err_num_value,
            Rule::err_str_value,
            Rule::err_list_value,
            Rule::err_list_item,
            Rule::err_field_arg,
            Rule::err_rbracket,
            Rule::err_val_field,
            Rule::err_transformer_rparen,
            Rule::err_transformer_arg,
            Rule::err_transformer_list_arg,
            Rule::err_transformer_list_rparen,
        ];
        for rule in rules {
            assert!(error_message(rule).is_some(), "{rule:?}");
        }
        assert_eq!(error_message(Rule::identifier), None);
    }
}

//! YAML with positions: a small node tree built from saphyr's event parser.
//!
//! Why saphyr: it is maintained, implements YAML 1.2, and reports a span (start
//! and end marker) for every event, so every key and value keeps its file,
//! line and column. `serde_yaml` is deprecated and gives no spans at all.
//!
//! Why our own tree instead of saphyr's `MarkedYaml`: we need three things the
//! ready-made node types do not give together:
//! - the **scalar style** (plain, quoted, literal `|`, folded `>`), to map a
//!   byte offset inside a condition back to a file position;
//! - the **scalar text as written** (`1.50`, `yes`, `010`): Falco decodes
//!   values with yaml-cpp's rules (YAML 1.1 bools, numbers kept as text), not
//!   with YAML 1.2's core schema;
//! - **duplicate keys**: yaml-cpp, hence Falco, keeps every pair and looks keys
//!   up first-match-wins. saphyr's loader either rejects the mapping or keeps
//!   the last value. We keep all pairs, and [`Node::get`] returns the first.
//!
//! So we drive `saphyr_parser::Parser` (the event layer of the saphyr project)
//! and build [`Node`]s ourselves. Anchors and aliases are resolved by copying,
//! with a budget against "billion laughs" inputs; nesting is capped at
//! [`MAX_DEPTH`] so that hostile input cannot exhaust the stack.

use std::collections::HashMap;
use std::fmt;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

/// The deepest nesting of sequences and mappings we accept.
pub const MAX_DEPTH: usize = 256;

/// How many nodes alias expansion may copy in one file.
const ALIAS_BUDGET: usize = 100_000;

/// A rules file: its name and text, with a line index for positions.
///
/// Invariant: `line_starts[0] == 0` and `line_starts` is strictly increasing;
/// entry `i` is the byte offset where line `i + 1` starts (lines end at `\n`).
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps a file's name and content.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The name the file was loaded under.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole content.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = line_starts_get(&self.line_starts, line) else {
            return "";
        };
        let end = line_starts_get(&self.line_starts, line + 1)
            .map(|&e| e.saturating_sub(1))
            .unwrap_or(self.text.len());
        let s = self.text.get(start..end.max(start)).unwrap_or("");
        s.strip_suffix('\r').unwrap_or(s)
    }

    /// The position of byte `offset` (clamped to the text and moved back to a
    /// character boundary).
    pub fn mark_at(&self, offset: usize) -> Mark {
        let mut offset = offset.min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_idx).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Mark {
            offset,
            line: line_idx + 1,
            col: col + 1,
        }
    }

    /// Converts a saphyr marker (character index, 1-based line, 0-based
    /// character column) into a [`Mark`].
    fn mark_from(&self, m: &Marker) -> Mark {
        let line = m.line().max(1);
        let Some(&start) = line_starts_get(&self.line_starts, line) else {
            return self.mark_at(self.text.len());
        };
        let rest = self.text.get(start..).unwrap_or("");
        let bytes: usize = rest.chars().take(m.col()).map(char::len_utf8).sum();
        Mark {
            offset: start + bytes,
            line,
            col: m.col() + 1,
        }
    }
}

fn line_starts_get(starts: &[usize], line: usize) -> Option<&usize> {
    line.checked_sub(1).and_then(|i| starts.get(i))
}

/// A position in a file: byte offset (0-based), line and column (1-based;
/// the column counts characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mark {
    /// 0-based byte offset into the file.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl Mark {
    /// The first byte of a file.
    pub const START: Mark = Mark {
        offset: 0,
        line: 1,
        col: 1,
    };
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Style {
    /// `key: value`
    Plain,
    /// `key: 'value'`
    SingleQuoted,
    /// `key: "value"`
    DoubleQuoted,
    /// `key: |` block
    Literal,
    /// `key: >` block
    Folded,
}

/// A scalar: its decoded text and how it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scalar {
    /// The text after YAML decoding (quotes, escapes and folding applied).
    pub text: String,
    /// The style.
    pub style: Style,
}

/// A YAML node with the span it covers.
#[derive(Clone, Debug)]
pub struct Node {
    /// Where the node starts. For a block mapping this is its first key; for a
    /// block scalar (`|`, `>`) it is the first character of its content.
    pub start: Mark,
    /// Where the node ends (exclusive).
    pub end: Mark,
    /// What the node holds.
    pub kind: NodeKind,
}

/// The content of a [`Node`]: the four YAML node kinds, deliberately
/// exhaustive so callers match on all of them.
#[derive(Clone, Debug)]
pub enum NodeKind {
    /// `~`, `null`, an empty value, or an explicit `!!null`.
    Null,
    /// Any other scalar.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, with every pair in file order (duplicates kept).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The value of the first pair whose key is the scalar `key`, if this is a
    /// mapping (yaml-cpp's lookup: first match wins).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_scalar().is_some_and(|s| s.text == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether a mapping has the key `key`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The scalar, if this node is one.
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is a null node.
    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// The pairs, if this is a mapping.
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// The elements, if this is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// A short text for a key, used in messages (`Unknown key 'K'`).
    pub fn key_text(&self) -> String {
        match &self.kind {
            NodeKind::Scalar(s) => s.text.clone(),
            NodeKind::Null => String::new(),
            NodeKind::Seq(_) => "<sequence>".to_string(),
            NodeKind::Map(_) => "<mapping>".to_string(),
        }
    }
}

/// A YAML syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, as the YAML parser words it.
    pub message: String,
    /// Where.
    pub mark: Mark,
}

/// Parses every document of a file. Null documents are kept as
/// [`NodeKind::Null`] nodes (the reader skips them).
pub fn parse_documents(file: &SourceFile) -> Result<Vec<Node>, YamlError> {
    // saphyr rejects a closing `]` or `}` indented no deeper than the
    // enclosing block mapping when the previous line ends with a quoted
    // scalar ("invalid indentation"), which yaml-cpp accepts and the official
    // rules files contain (`items: [\n    "a",\n    "b"\n  ]`). Indentation
    // is insignificant inside flow collections, so we indent such a bracket
    // by one more space and parse again (a bounded number of times).
    let mut text = std::borrow::Cow::Borrowed(file.text());
    let mut patches: Vec<(usize, usize)> = Vec::new();
    loop {
        match parse_text(file, &text, &patches) {
            Err((e, Some(char_index), line, col))
                if e.message == "invalid indentation" && patches.len() < MAX_INDENT_PATCHES =>
            {
                let byte = text
                    .char_indices()
                    .nth(char_index)
                    .map_or(text.len(), |(b, _)| b);
                if !matches!(text.as_bytes().get(byte), Some(b']') | Some(b'}')) {
                    return Err(e);
                }
                text.to_mut().insert(byte, ' ');
                let shift = patches
                    .iter()
                    .filter(|&&(l, c)| l == line && c <= col)
                    .count();
                patches.push((line, col.saturating_sub(shift)));
            }
            Err((e, _, _, _)) => return Err(e),
            Ok(docs) => return Ok(docs),
        }
    }
}

/// How many closing brackets [`parse_documents`] re-indents at most.
const MAX_INDENT_PATCHES: usize = 64;

/// Parses `text` (the file's text, maybe with re-indented brackets at
/// `patches`: (line, original 0-based column)). An error comes with the
/// character index, line and column where it was found.
#[allow(clippy::type_complexity)]
fn parse_text(
    file: &SourceFile,
    text: &str,
    patches: &[(usize, usize)],
) -> Result<Vec<Node>, (YamlError, Option<usize>, usize, usize)> {
    let conv = |m: &Marker| -> Mark {
        let shift = patches
            .iter()
            .filter(|&&(l, c)| l == m.line() && c < m.col())
            .count();
        file.mark_from(&Marker::new(
            m.index(),
            m.line(),
            m.col().saturating_sub(shift),
        ))
    };
    let mut parser = Parser::new_from_str(text);
    let mut builder = Builder {
        docs: Vec::new(),
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_budget: ALIAS_BUDGET,
    };
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, span)) => {
                let start = conv(&span.start);
                let end = conv(&span.end);
                builder
                    .event(event, start, end)
                    .map_err(|e| (e, None, 0, 0))?;
            }
            Err(e) => {
                let m = e.marker();
                let err = YamlError {
                    message: e.info().to_string(),
                    mark: conv(m),
                };
                return Err((err, Some(m.index()), m.line(), m.col()));
            }
        }
    }
    Ok(builder.docs)
}

enum Open {
    Seq(Node, usize, Vec<Node>),
    Map(Node, usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder {
    docs: Vec<Node>,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    alias_budget: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, start: Mark, end: Mark) -> Result<(), YamlError> {
        match event {
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd => Ok(()),
            Event::Scalar(text, style, anchor, tag) => {
                let is_str_tag = tag.as_ref().is_some_and(|t| t.suffix != "null");
                let is_null_tag = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "null");
                let kind = if is_null_tag
                    || (style == ScalarStyle::Plain
                        && !is_str_tag
                        && matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL"))
                {
                    NodeKind::Null
                } else {
                    NodeKind::Scalar(Scalar {
                        text: text.into_owned(),
                        style: match style {
                            ScalarStyle::Plain => Style::Plain,
                            ScalarStyle::SingleQuoted => Style::SingleQuoted,
                            ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                            ScalarStyle::Literal => Style::Literal,
                            ScalarStyle::Folded => Style::Folded,
                        },
                    })
                };
                self.push(Node { start, end, kind }, anchor)
            }
            Event::SequenceStart(anchor, _) => {
                self.open(Open::Seq(node_at(start), anchor, Vec::new()), start)
            }
            Event::MappingStart(anchor, _) => {
                self.open(Open::Map(node_at(start), anchor, Vec::new(), None), start)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = self.stack.pop() else {
                    return Ok(());
                };
                let (node, anchor) = match open {
                    Open::Seq(mut n, a, items) => {
                        n.kind = NodeKind::Seq(items);
                        n.end = end;
                        (n, a)
                    }
                    Open::Map(mut n, a, pairs, _) => {
                        n.kind = NodeKind::Map(pairs);
                        n.end = end;
                        (n, a)
                    }
                };
                self.push(node, anchor)
            }
            Event::Alias(id) => {
                let mut node = match self.anchors.get(&id) {
                    Some(n) => n.clone(),
                    None => {
                        return Err(YamlError {
                            message: "unknown anchor".to_string(),
                            mark: start,
                        })
                    }
                };
                let cost = count_nodes(&node);
                if cost > self.alias_budget {
                    return Err(YamlError {
                        message: "alias expansion limit exceeded".to_string(),
                        mark: start,
                    });
                }
                self.alias_budget -= cost;
                node.start = start;
                node.end = end;
                self.push(node, 0)
            }
        }
    }

    fn open(&mut self, open: Open, at: Mark) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                mark: at,
            });
        }
        self.stack.push(open);
        Ok(())
    }

    fn push(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, pairs, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => pairs.push((k, node)),
            },
        }
        Ok(())
    }
}

fn node_at(start: Mark) -> Node {
    Node {
        start,
        end: start,
        kind: NodeKind::Null,
    }
}

fn count_nodes(node: &Node) -> usize {
    let mut count = 0;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.kind {
            NodeKind::Seq(items) => todo.extend(items.iter()),
            NodeKind::Map(pairs) => {
                for (k, v) in pairs {
                    todo.push(k);
                    todo.push(v);
                }
            }
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Node> {
        parse_documents(&SourceFile::new("t.yaml", text)).expect("valid yaml")
    }

    #[test]
    fn keys_and_values_keep_one_based_positions() {
        let docs = parse("- rule: x\n  desc: 'é y'\n");
        let item = &docs[0].as_seq().unwrap()[0];
        assert_eq!((item.start.line, item.start.col), (1, 3));
        let desc = item.get("desc").unwrap();
        assert_eq!(
            (desc.start.line, desc.start.col, desc.start.offset),
            (2, 9, 18)
        );
        assert_eq!(desc.as_scalar().unwrap().style, Style::SingleQuoted);
    }

    #[test]
    fn columns_count_characters_and_offsets_count_bytes() {
        let docs = parse("- é: a\n  b: c\n");
        let item = &docs[0].as_seq().unwrap()[0];
        let a = item.get("é").unwrap();
        assert_eq!((a.start.col, a.start.offset), (6, 6));
    }

    #[test]
    fn first_duplicate_key_wins_like_yaml_cpp() {
        let docs = parse("a: 1\na: 2\n");
        assert_eq!(docs[0].get("a").unwrap().as_scalar().unwrap().text, "1");
    }

    #[test]
    fn null_spellings_are_null_but_quoted_null_is_text() {
        let docs = parse("a:\nb: ~\nc: null\nd: 'null'\ne: !!str\n");
        for k in ["a", "b", "c"] {
            assert!(docs[0].get(k).unwrap().is_null(), "{k}");
        }
        assert!(!docs[0].get("d").unwrap().is_null());
        assert!(!docs[0].get("e").unwrap().is_null());
    }

    #[test]
    fn aliases_copy_the_anchored_node() {
        let docs = parse("a: &x [1, 2]\nb: *x\n");
        assert_eq!(docs[0].get("b").unwrap().as_seq().unwrap().len(), 2);
    }

    #[test]
    fn billion_laughs_hits_the_alias_budget() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let err = parse_documents(&SourceFile::new("t", text)).unwrap_err();
        assert_eq!(err.message, "alias expansion limit exceeded");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "- ".repeat(100_000) + "x\n";
        let err = parse_documents(&SourceFile::new("t", text)).unwrap_err();
        assert!(
            err.message.starts_with("nesting deeper than"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_closing_bracket_at_the_mapping_indentation_is_accepted_like_yaml_cpp() {
        let text =
            "- list: a\n  items: [\n    \"x\",\n    \"y\"\n  ]\n- list: b\n  items: ['z'\n  ]\n";
        let docs = parse(text);
        let items = docs[0].as_seq().unwrap();
        assert_eq!(items[0].get("items").unwrap().as_seq().unwrap().len(), 2);
        let b = items[1].get("list").unwrap();
        assert_eq!((b.start.line, b.start.col), (6, 9));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse_documents(&SourceFile::new("t", "- a: b: c\n")).unwrap_err();
        assert_eq!(
            err.message,
            "mapping values are not allowed in this context"
        );
        assert_eq!((err.mark.line, err.mark.col), (1, 7));
    }
}

//! Text that remembers where each byte came from.
//!
//! A rule's condition is not always one YAML scalar: appends concatenate
//! scalars from several items (maybe several files), and exceptions add text
//! built from their values. A [`MappedText`] is the resulting string plus a
//! list of segments, each pointing back into a scalar of some file (or at one
//! fixed position for text we made up), so that an error at byte `n` of the
//! final condition can be reported at a file, line and column.
//!
//! Mapping inside a scalar ([`ScalarOrigin::mark_of`]):
//! - **plain** scalars on one line, and **literal** (`|`) blocks: exact;
//! - **folded** (`>`) blocks and multi-line plain scalars: exact for the usual
//!   folding (a line break read as a space, indentation skipped);
//! - **single-quoted** (`''` escapes) and **double-quoted** (`\` escapes,
//!   escaped line breaks): an escape maps to its first character; otherwise
//!   exact. Anything we cannot align maps to the nearest preceding character.

use std::sync::Arc;

use super::yaml::{Mark, Node, SourceFile, Style};

/// Where a scalar's content sits in its file, enough to map offsets back.
#[derive(Clone, Debug)]
pub struct ScalarOrigin {
    file: Arc<SourceFile>,
    style: Style,
    start: Mark,
    end: Mark,
    content: String,
}

impl ScalarOrigin {
    /// Records the scalar `node` (its text must be `content`) of `file`.
    pub fn new(file: Arc<SourceFile>, node: &Node, content: &str) -> ScalarOrigin {
        let style = node.as_scalar().map_or(Style::Plain, |s| s.style);
        ScalarOrigin {
            file,
            style,
            start: node.start,
            end: node.end,
            content: content.to_string(),
        }
    }

    /// The file.
    pub fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }

    /// Where the scalar starts.
    pub fn start(&self) -> Mark {
        self.start
    }

    /// The file position of byte `offset` of the scalar's content.
    pub fn mark_of(&self, offset: usize) -> Mark {
        let src = self.file.text();
        let src_end = self.end.offset.clamp(self.start.offset, src.len());
        let raw = src.get(self.start.offset..src_end).unwrap_or("");
        let mut raw_iter = raw.char_indices().peekable();
        // Skip an opening quote.
        if matches!(self.style, Style::SingleQuoted | Style::DoubleQuoted) {
            raw_iter.next();
        }
        let indent = self.start.col.saturating_sub(1);
        let block = matches!(self.style, Style::Literal | Style::Folded);
        let mut last = 0usize; // raw byte offset of the last mapped char
        for (ci, c) in self.content.char_indices() {
            // Find the raw character that produced `c`.
            let mut found = None;
            while let Some(&(ri, r)) = raw_iter.peek() {
                if r == c {
                    raw_iter.next();
                    found = Some(ri);
                    if self.style == Style::SingleQuoted && c == '\'' {
                        // `''` stands for one quote.
                        if raw_iter.peek().is_some_and(|&(_, n)| n == '\'') {
                            raw_iter.next();
                        }
                    }
                    break;
                }
                if r == '\\' && self.style == Style::DoubleQuoted {
                    raw_iter.next();
                    let skip = match raw_iter.peek().map(|&(_, n)| n) {
                        Some('x') => 3,
                        Some('u') => 5,
                        Some('U') => 9,
                        Some('\n') | Some('\r') => {
                            // An escaped line break produces nothing.
                            raw_iter.next();
                            skip_blanks(&mut raw_iter, usize::MAX);
                            continue;
                        }
                        _ => 1,
                    };
                    for _ in 0..skip {
                        raw_iter.next();
                    }
                    found = Some(ri);
                    break;
                }
                if (r == '\n' || r == '\r') && c == ' ' && !matches!(self.style, Style::Literal) {
                    // A folded line break.
                    raw_iter.next();
                    if r == '\r' && raw_iter.peek().is_some_and(|&(_, n)| n == '\n') {
                        raw_iter.next();
                    }
                    found = Some(ri);
                    skip_blanks(&mut raw_iter, if block { indent } else { usize::MAX });
                    break;
                }
                raw_iter.next();
                if r == '\n' {
                    skip_blanks(&mut raw_iter, if block { indent } else { usize::MAX });
                }
            }
            if ci >= offset {
                return self.file.mark_at(self.start.offset + found.unwrap_or(last));
            }
            if let Some(f) = found {
                last = f;
                if r_is_newline(raw, f) && block {
                    // After a newline in a block scalar, skip its indentation.
                    skip_blanks(&mut raw_iter, indent);
                }
            }
        }
        // Past the end: just after the last character.
        let after = raw
            .get(last..)
            .and_then(|s| s.chars().next())
            .map_or(last, |c| last + c.len_utf8());
        self.file.mark_at(self.start.offset + after.min(raw.len()))
    }
}

fn r_is_newline(raw: &str, at: usize) -> bool {
    raw.as_bytes().get(at) == Some(&b'\n')
}

fn skip_blanks(it: &mut std::iter::Peekable<std::str::CharIndices<'_>>, max: usize) {
    let mut n = 0;
    while n < max && it.peek().is_some_and(|&(_, c)| c == ' ' || c == '\t') {
        it.next();
        n += 1;
    }
}

/// Where a [`MappedText`] segment came from.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Origin {
    /// From a YAML scalar; the segment starts at byte `offset` of its content.
    Scalar {
        /// The scalar.
        scalar: Arc<ScalarOrigin>,
        /// Offset in the scalar content of the segment's first byte.
        offset: usize,
    },
    /// Made-up text, attributed to one position.
    At {
        /// The file.
        file: Arc<SourceFile>,
        /// The position.
        mark: Mark,
    },
}

#[derive(Clone, Debug)]
struct Segment {
    start: usize,
    end: usize,
    origin: Origin,
}

/// A string with the origin of every byte.
///
/// Invariant: segments are sorted, do not overlap, and cover `text` entirely
/// (when `text` is not empty).
#[derive(Clone, Debug)]
pub struct MappedText {
    text: String,
    segments: Vec<Segment>,
}

impl MappedText {
    /// The text of a YAML scalar.
    pub fn from_scalar(file: &Arc<SourceFile>, node: &Node, text: &str) -> MappedText {
        let scalar = Arc::new(ScalarOrigin::new(file.clone(), node, text));
        MappedText {
            text: text.to_string(),
            segments: vec![Segment {
                start: 0,
                end: text.len(),
                origin: Origin::Scalar { scalar, offset: 0 },
            }],
        }
    }

    /// Made-up text attributed to one position.
    pub fn synthetic(text: &str, file: &Arc<SourceFile>, mark: Mark) -> MappedText {
        MappedText {
            text: text.to_string(),
            segments: vec![Segment {
                start: 0,
                end: text.len(),
                origin: Origin::At {
                    file: file.clone(),
                    mark,
                },
            }],
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends another mapped text.
    pub fn push(&mut self, other: &MappedText) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        for s in &other.segments {
            self.segments.push(Segment {
                start: s.start + base,
                end: s.end + base,
                origin: s.origin.clone(),
            });
        }
    }

    /// Appends made-up text, attributed to where the next (or else the
    /// previous) real text comes from.
    pub fn push_str_at(&mut self, text: &str, file: &Arc<SourceFile>, mark: Mark) {
        self.push(&MappedText::synthetic(text, file, mark));
    }

    /// Removes leading and trailing ASCII whitespace (` \t\n\r\x0b\x0c`, as
    /// Falco trims outputs).
    pub fn trim(&self) -> MappedText {
        let ws: &[char] = &[' ', '\t', '\n', '\r', '\x0b', '\x0c'];
        let start = self.text.len() - self.text.trim_start_matches(ws).len();
        let end = self.text.trim_end_matches(ws).len().max(start);
        self.slice(start, end)
    }

    fn slice(&self, start: usize, end: usize) -> MappedText {
        let text = self.text.get(start..end).unwrap_or("").to_string();
        let mut segments = Vec::new();
        for s in &self.segments {
            let a = s.start.max(start);
            let b = s.end.min(end);
            if a >= b {
                continue;
            }
            let origin = match &s.origin {
                Origin::Scalar { scalar, offset } => Origin::Scalar {
                    scalar: scalar.clone(),
                    offset: offset + (a - s.start),
                },
                other => other.clone(),
            };
            segments.push(Segment {
                start: a - start,
                end: b - start,
                origin,
            });
        }
        MappedText { text, segments }
    }

    /// The file and position of byte `offset` of the text (an offset at or
    /// past the end maps just after the last byte).
    pub fn position_of(&self, offset: usize) -> Option<(Arc<SourceFile>, Mark)> {
        let seg = self
            .segments
            .iter()
            .find(|s| offset >= s.start && offset < s.end)
            .or_else(|| self.segments.last())?;
        match &seg.origin {
            Origin::Scalar {
                scalar,
                offset: base,
            } => {
                let within = offset.saturating_sub(seg.start) + base;
                Some((scalar.file.clone(), scalar.mark_of(within)))
            }
            Origin::At { file, mark } => Some((file.clone(), *mark)),
        }
    }

    /// The first origin (where the text starts), if any.
    pub fn first_origin(&self) -> Option<(Arc<SourceFile>, Mark)> {
        self.position_of(0)
    }
}

impl std::fmt::Display for MappedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::yaml::parse_documents;

    fn cond(yaml: &str) -> MappedText {
        let file = Arc::new(SourceFile::new("t.yaml", yaml));
        let docs = parse_documents(&file).unwrap();
        let node = docs[0].get("condition").unwrap().clone();
        let text = node.as_scalar().unwrap().text.clone();
        MappedText::from_scalar(&file, &node, &text)
    }

    fn at(t: &MappedText, needle: &str) -> (usize, usize) {
        let off = t.as_str().find(needle).unwrap();
        let (_, m) = t.position_of(off).unwrap();
        (m.line, m.col)
    }

    #[test]
    fn plain_single_line_maps_exactly() {
        let t = cond("condition: evt.type = open and proc.name = cat\n");
        assert_eq!(at(&t, "proc.name"), (1, 32));
    }

    #[test]
    fn literal_block_maps_exactly_with_extra_indentation() {
        let t = cond("condition: |\n  evt.type = open\n    and b = c\n");
        assert_eq!(at(&t, "evt.type"), (2, 3));
        assert_eq!(at(&t, "and"), (3, 5));
        assert_eq!(at(&t, "c"), (3, 13));
    }

    #[test]
    fn folded_block_maps_folded_line_breaks() {
        let t = cond("condition: >\n  evt.type = open\n  and proc.name = cat\n  or x\n");
        assert_eq!(t.as_str(), "evt.type = open and proc.name = cat or x\n");
        assert_eq!(at(&t, "proc.name"), (3, 7));
        assert_eq!(at(&t, "or x"), (4, 3));
    }

    #[test]
    fn folded_block_with_a_blank_line_and_strip_chomping() {
        let t = cond("condition: >-\n  a = 1\n\n  and b = 2\n");
        assert_eq!(t.as_str(), "a = 1\nand b = 2");
        assert_eq!(at(&t, "and"), (4, 3));
        assert_eq!(at(&t, "2"), (4, 11));
    }

    #[test]
    fn literal_block_in_a_sequence_item() {
        let t = cond("condition: |-\n    x = 1\n    or y = 2\n");
        assert_eq!(at(&t, "or"), (3, 5));
    }

    #[test]
    fn an_offset_past_the_end_maps_after_the_last_character() {
        let t = cond("condition: a = b\n");
        let (_, m) = t.position_of(t.as_str().len()).unwrap();
        assert_eq!((m.line, m.col), (1, 17));
    }

    #[test]
    fn multi_line_plain_scalar_maps_continuation_lines() {
        let t = cond("condition: evt.type = open\n    and proc.name = cat\n");
        assert_eq!(at(&t, "proc.name"), (2, 9));
    }

    #[test]
    fn quoted_scalars_skip_their_escapes() {
        let t = cond("condition: 'it''s a = b'\n");
        assert_eq!(at(&t, "b"), (1, 23));
        let t = cond("condition: \"a\\tb = c\"\n");
        assert_eq!(at(&t, "c"), (1, 20));
    }

    #[test]
    fn appended_text_maps_into_each_piece() {
        let file = Arc::new(SourceFile::new(
            "t.yaml",
            "- condition: a = b\n- condition: and c = d\n",
        ));
        let docs = parse_documents(&file).unwrap();
        let items = docs[0].as_seq().unwrap();
        let piece = |i: usize| {
            let n = items[i].get("condition").unwrap();
            MappedText::from_scalar(&file, n, &n.as_scalar().unwrap().text)
        };
        let mut t = piece(0);
        t.push_str_at(" ", &file, items[1].start);
        t.push(&piece(1));
        assert_eq!(t.as_str(), "a = b and c = d");
        assert_eq!(at(&t, "c"), (2, 18));
        assert_eq!(at(&t, "b"), (1, 18));
    }
}

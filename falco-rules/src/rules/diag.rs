//! Load results: errors and warnings with Falco's codes, a context chain of
//! locations, a snippet, and the three ways to print them (compiler style,
//! Falco's `-V` text, Falco's `-V` JSON).
//!
//! Unlike Falco, a [`LoadResult`] holds **every** error of a file: the reader
//! skips a bad item and goes on with the next one.
//!
//! Positions: our [`Mark`]s are 1-based (line and column) and the compiler-style
//! rendering prints them that way. Falco's `-V` text and JSON print yaml-cpp
//! marks, which are 0-based; [`LoadResult::verbose`] and [`LoadResult::to_json`]
//! print `line - 1` and `column - 1` so their output lines up with Falco's.

use std::fmt;

use serde_json::{json, Value};

use super::text::MappedText;
use super::yaml::{Mark, SourceFile};

/// Falco's error codes. Any error makes the load fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `LOAD_ERR_FILE_READ`
    FileRead,
    /// `LOAD_ERR_YAML_PARSE`
    YamlParse,
    /// `LOAD_ERR_YAML_VALIDATE`
    YamlValidate,
    /// `LOAD_ERR_COMPILE_CONDITION`
    CompileCondition,
    /// `LOAD_ERR_COMPILE_OUTPUT`
    CompileOutput,
    /// `LOAD_ERR_VALIDATE`
    Validate,
    /// `LOAD_ERR_EXTENSION`
    Extension,
}

impl ErrorCode {
    /// The code name, e.g. `LOAD_ERR_YAML_PARSE`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::FileRead => "LOAD_ERR_FILE_READ",
            ErrorCode::YamlParse => "LOAD_ERR_YAML_PARSE",
            ErrorCode::YamlValidate => "LOAD_ERR_YAML_VALIDATE",
            ErrorCode::CompileCondition => "LOAD_ERR_COMPILE_CONDITION",
            ErrorCode::CompileOutput => "LOAD_ERR_COMPILE_OUTPUT",
            ErrorCode::Validate => "LOAD_ERR_VALIDATE",
            ErrorCode::Extension => "LOAD_ERR_EXTENSION",
        }
    }

    /// Falco's short text, e.g. `YAML parse error`.
    pub fn short(self) -> &'static str {
        match self {
            ErrorCode::FileRead => "File read error",
            ErrorCode::YamlParse => "YAML parse error",
            ErrorCode::YamlValidate => "Error validating internal structure of YAML file",
            ErrorCode::CompileCondition => "Error compiling condition",
            ErrorCode::CompileOutput => "Error compiling output",
            ErrorCode::Validate => "Error validating rule/macro/list/exception objects",
            ErrorCode::Extension => "Error in extension item",
        }
    }

    /// Falco's long description of the code.
    pub fn description(self) -> &'static str {
        match self {
            ErrorCode::FileRead => "This occurs when falco can not read a given file. Check permissions and whether the file exists.",
            ErrorCode::YamlParse => "This occurs when the rules content is not valid YAML.",
            ErrorCode::YamlValidate => "This occurs when the internal structure of the YAML file is incorrect. Examples include not consisting of a sequence of maps, a given rule/macro/list item not having required keys, values not having the right type (e.g. the items property of a list not being a sequence), etc.",
            ErrorCode::CompileCondition => "This occurs when a condition string can not be compiled to a filter object.",
            ErrorCode::CompileOutput => "This occurs when an output string can not be compiled to an output object.",
            ErrorCode::Validate => "This occurs when a rule/macro/list item is incorrect. Examples include a condition field referring to an undefined macro, falco engine/plugin version mismatches, items with append without any existing item, exception fields/comps having different lengths, etc.",
            ErrorCode::Extension => "This occurs when there is an error in an extension item",
        }
    }
}

/// Falco's warning codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningCode {
    /// `LOAD_UNKNOWN_SOURCE`
    UnknownSource,
    /// `LOAD_UNSAFE_NA_CHECK`
    UnsafeNaCheck,
    /// `LOAD_NO_EVTTYPE`
    NoEvttype,
    /// `LOAD_UNKNOWN_FILTER`
    UnknownFilter,
    /// `LOAD_UNUSED_MACRO`
    UnusedMacro,
    /// `LOAD_UNUSED_LIST`
    UnusedList,
    /// `LOAD_UNKNOWN_ITEM`
    UnknownItem,
    /// `LOAD_DEPRECATED_ITEM`
    DeprecatedItem,
    /// `LOAD_WARNING_EXTENSION`
    WarningExtension,
    /// `LOAD_APPEND_NO_VALUES`
    AppendNoValues,
    /// `LOAD_EXCEPTION_NAME_NOT_UNIQUE`
    ExceptionNameNotUnique,
    /// `LOAD_INVALID_MACRO_NAME`
    InvalidMacroName,
    /// `LOAD_INVALID_LIST_NAME`
    InvalidListName,
    /// `LOAD_COMPILE_CONDITION`
    CompileCondition,
    /// `LOAD_UNKNOWN_KEY`
    UnknownKey,
}

impl WarningCode {
    /// The code name, e.g. `LOAD_UNKNOWN_KEY`.
    pub fn name(self) -> &'static str {
        match self {
            WarningCode::UnknownSource => "LOAD_UNKNOWN_SOURCE",
            WarningCode::UnsafeNaCheck => "LOAD_UNSAFE_NA_CHECK",
            WarningCode::NoEvttype => "LOAD_NO_EVTTYPE",
            WarningCode::UnknownFilter => "LOAD_UNKNOWN_FILTER",
            WarningCode::UnusedMacro => "LOAD_UNUSED_MACRO",
            WarningCode::UnusedList => "LOAD_UNUSED_LIST",
            WarningCode::UnknownItem => "LOAD_UNKNOWN_ITEM",
            WarningCode::DeprecatedItem => "LOAD_DEPRECATED_ITEM",
            WarningCode::WarningExtension => "LOAD_WARNING_EXTENSION",
            WarningCode::AppendNoValues => "LOAD_APPEND_NO_VALUES",
            WarningCode::ExceptionNameNotUnique => "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
            WarningCode::InvalidMacroName => "LOAD_INVALID_MACRO_NAME",
            WarningCode::InvalidListName => "LOAD_INVALID_LIST_NAME",
            WarningCode::CompileCondition => "LOAD_COMPILE_CONDITION",
            WarningCode::UnknownKey => "LOAD_UNKNOWN_KEY",
        }
    }

    /// Falco's short text, e.g. `Unknown key in item definition`.
    pub fn short(self) -> &'static str {
        match self {
            WarningCode::UnknownSource => "Unknown event source",
            WarningCode::UnsafeNaCheck => "Unsafe <NA> comparison in condition",
            WarningCode::NoEvttype => "Condition has no event-type restriction",
            WarningCode::UnknownFilter => "Unknown field or event-type in condition or output",
            WarningCode::UnusedMacro => "Unused macro",
            WarningCode::UnusedList => "Unused list",
            WarningCode::UnknownItem => "Unknown rules file item",
            WarningCode::DeprecatedItem => "Used deprecated item",
            WarningCode::WarningExtension => "Warning in extension item",
            WarningCode::AppendNoValues => "Overriding/appending with no values",
            WarningCode::ExceptionNameNotUnique => "Multiple exceptions defined with the same name",
            WarningCode::InvalidMacroName => "Invalid macro name",
            WarningCode::InvalidListName => "Invalid list name",
            WarningCode::CompileCondition => "Warning in rule condition",
            WarningCode::UnknownKey => "Unknown key in item definition",
        }
    }

    /// Falco's long description (the JSON `codedesc` of a warning).
    pub fn description(self) -> &'static str {
        match self {
            WarningCode::UnknownSource => "A rule has a unknown event source. This can occur when reading rules content without having a corresponding plugin loaded, etc. The rule will be silently ignored.",
            WarningCode::UnsafeNaCheck => "Comparing a field value with <NA> is unsafe and can lead to unpredictable behavior of the rule condition. If you need to check for the existence of a field, consider using the 'exists' operator instead.",
            WarningCode::NoEvttype => "A rule condition matches too many evt.type values. This has a significant performance penalty. Make the condition more specific by adding an evt.type field or further restricting the number of evt.type values in the condition.",
            WarningCode::UnknownFilter => "A rule condition or output refers to a field or evt.type that does not exist. This is normally an error, but if a rule has a skip-if-unknown-filter property, the error is downgraded to a warning.",
            WarningCode::UnusedMacro => "A macro is defined in the rules content but is not used by any other macro or rule.",
            WarningCode::UnusedList => "A list is defined in the rules content but is not used by any other list, macro, or rule.",
            WarningCode::UnknownItem => "An unknown top-level object is in the rules content. It will be ignored.",
            WarningCode::DeprecatedItem => "A deprecated item is employed by lists, macros, or rules.",
            WarningCode::WarningExtension => "An extension item has a warning",
            WarningCode::AppendNoValues => "A rule exception is overriding/appending with no values",
            WarningCode::ExceptionNameNotUnique => "A rule is defining multiple exceptions with the same name",
            WarningCode::InvalidMacroName => "A macro is defined with an invalid name",
            WarningCode::InvalidListName => "A list is defined with an invalid name",
            WarningCode::CompileCondition => "A rule condition or output have been parsed with a warning",
            WarningCode::UnknownKey => "An item in the rules content contains an unrecognized key. The key will be ignored. This may indicate a typo or a property placed on the wrong item type.",
        }
    }
}

/// An error or a warning code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// An error: the load fails.
    Error(ErrorCode),
    /// A warning.
    Warning(WarningCode),
}

impl Code {
    /// Whether this is an error code.
    pub fn is_error(self) -> bool {
        matches!(self, Code::Error(_))
    }

    /// The code name, e.g. `LOAD_ERR_YAML_PARSE`.
    pub fn name(self) -> &'static str {
        match self {
            Code::Error(c) => c.name(),
            Code::Warning(c) => c.name(),
        }
    }

    /// Falco's short text.
    pub fn short(self) -> &'static str {
        match self {
            Code::Error(c) => c.short(),
            Code::Warning(c) => c.short(),
        }
    }

    /// Falco's long description.
    pub fn description(self) -> &'static str {
        match self {
            Code::Error(c) => c.description(),
            Code::Warning(c) => c.description(),
        }
    }

    /// What Falco writes as JSON `codedesc`: the *short* text for errors (a
    /// Falco quirk kept for compatibility), the long description for warnings.
    pub fn json_codedesc(self) -> &'static str {
        match self {
            Code::Error(c) => c.short(),
            Code::Warning(c) => c.description(),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<ErrorCode> for Code {
    fn from(c: ErrorCode) -> Code {
        Code::Error(c)
    }
}

impl From<WarningCode> for Code {
    fn from(c: WarningCode) -> Code {
        Code::Warning(c)
    }
}

/// What a [`Location`] points at (Falco's `item_type` strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum ItemType {
    ValueFor,
    Exceptions,
    Exception,
    ExceptionValues,
    ExceptionValue,
    RulesContent,
    RulesContentItem,
    RequiredEngineVersion,
    RequiredPluginVersions,
    RequiredPluginVersionsEntry,
    RequiredPluginVersionsAlternative,
    List,
    ListItem,
    Macro,
    MacroCondition,
    Rule,
    RuleCondition,
    ConditionExpression,
    RuleOutput,
    RuleOutputExpression,
    RulePriority,
    Overrides,
    ExtensionItem,
}

impl ItemType {
    /// Falco's text, e.g. `rules content item`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::ValueFor => "value for",
            ItemType::Exceptions => "exceptions",
            ItemType::Exception => "exception",
            ItemType::ExceptionValues => "exception values",
            ItemType::ExceptionValue => "exception value",
            ItemType::RulesContent => "rules content",
            ItemType::RulesContentItem => "rules content item",
            ItemType::RequiredEngineVersion => "required_engine_version",
            ItemType::RequiredPluginVersions => "required plugin versions",
            ItemType::RequiredPluginVersionsEntry => "required plugin versions entry",
            ItemType::RequiredPluginVersionsAlternative => "required plugin versions alternative",
            ItemType::List => "list",
            ItemType::ListItem => "list item",
            ItemType::Macro => "macro",
            ItemType::MacroCondition => "macro condition",
            ItemType::Rule => "rule",
            ItemType::RuleCondition => "rule condition",
            ItemType::ConditionExpression => "condition expression",
            ItemType::RuleOutput => "rule output",
            ItemType::RuleOutputExpression => "rule output expression",
            ItemType::RulePriority => "rule priority",
            ItemType::Overrides => "overrides",
            ItemType::ExtensionItem => "extension item",
        }
    }
}

impl fmt::Display for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of a context chain: what is pointed at, its name, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The kind of thing.
    pub item_type: ItemType,
    /// Its name (a rule name, a key, ...), possibly empty.
    pub item_name: String,
    /// Falco's location name: the file name, or for a
    /// [`ItemType::ConditionExpression`] the quoted start of the condition.
    pub name: String,
    /// The file the position is in.
    pub file: String,
    /// The position in `file`.
    pub mark: Mark,
}

/// A chain of locations from the file (root) to the innermost item.
///
/// Invariant: never empty; the first location is the `rules content` of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    locations: Vec<Location>,
}

impl Context {
    /// The root context of a file: `rules content` at its first byte.
    pub fn root(file: &str) -> Context {
        Context {
            locations: vec![Location {
                item_type: ItemType::RulesContent,
                item_name: String::new(),
                name: file.to_string(),
                file: file.to_string(),
                mark: Mark::START,
            }],
        }
    }

    /// A child context: this chain plus one location in the same file.
    pub fn child(&self, item_type: ItemType, item_name: impl Into<String>, mark: Mark) -> Context {
        let file = self.file().to_string();
        let mut locations = self.locations.clone();
        locations.push(Location {
            item_type,
            item_name: item_name.into(),
            name: file.clone(),
            file,
            mark,
        });
        Context { locations }
    }

    /// A child context with a fully specified location.
    pub fn with_location(&self, location: Location) -> Context {
        let mut locations = self.locations.clone();
        locations.push(location);
        Context { locations }
    }

    /// The locations, root first.
    pub fn locations(&self) -> &[Location] {
        &self.locations
    }

    /// The innermost location.
    pub fn last(&self) -> &Location {
        // The chain is never empty (see the type's invariant).
        &self.locations[self.locations.len() - 1]
    }

    /// The file of the innermost location.
    pub fn file(&self) -> &str {
        &self.last().file
    }

    /// The position of the innermost location.
    pub fn mark(&self) -> Mark {
        self.last().mark
    }

    /// Falco's text form: `In <item_type> '<name>': (<file>:<line>:<col>)`,
    /// continuation lines indented, 0-based line and column like Falco's.
    pub fn falco_text(&self) -> String {
        let mut out = String::new();
        for (i, loc) in self.locations.iter().enumerate() {
            out.push_str(if i == 0 { "In " } else { "    " });
            out.push_str(loc.item_type.as_str());
            if !loc.item_name.is_empty() {
                out.push_str(" '");
                out.push_str(&loc.item_name);
                out.push('\'');
            }
            let (line, col) = falco_line_col(loc.mark);
            out.push_str(&format!(": ({}:{}:{})\n", loc.name, line, col));
        }
        out
    }

    /// Falco's JSON form: `{"locations": [...]}` (without the snippet).
    pub fn falco_json(&self) -> Value {
        let locations: Vec<Value> = self
            .locations
            .iter()
            .map(|loc| {
                let (line, col) = falco_line_col(loc.mark);
                json!({
                    "item_type": loc.item_type.as_str(),
                    "item_name": loc.item_name,
                    "position": {
                        "name": loc.name,
                        "line": line,
                        "column": col,
                        "offset": loc.mark.offset,
                    }
                })
            })
            .collect();
        json!({ "locations": locations })
    }
}

/// Falco's name for a condition location: the text in double quotes, cut to
/// 17 characters plus `...` when longer than 20, line breaks as spaces.
fn condition_label(text: &str) -> String {
    let body: String = if text.chars().count() > 20 {
        text.chars().take(17).collect::<String>() + "..."
    } else {
        text.to_string()
    };
    format!("\"{}\"", body.replace(['\n', '\r'], " "))
}

fn falco_line_col(mark: Mark) -> (usize, usize) {
    (mark.line.saturating_sub(1), mark.col.saturating_sub(1))
}

/// One error or warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The code.
    pub code: Code,
    /// The message, worded as Falco words it.
    pub message: String,
    /// Where, from the file down to the innermost item.
    pub context: Context,
    /// The source line around the position and a `^` line under it, each
    /// ending with `\n` (Falco's snippet format, at most 160 characters wide).
    pub snippet: String,
    /// For a deprecated-field warning, the field (Falco's JSON adds
    /// `"deprecated_field"`).
    pub deprecated_field: Option<String>,
    /// Our own wording of the problem, when it says more than Falco's
    /// message: it names the rule's source rather than libsinsp's internals
    /// and suggests the nearest known name ("unknown field `http.pth` for
    /// source `http`; did you mean `http.path`?"). [`Diagnostic::render`]
    /// and the language server print it in place of `message`; Falco's
    /// `-V` text and JSON keep `message`.
    pub detail: Option<Box<str>>,
}

/// The widest snippet line, as in Falco.
pub const SNIPPET_WIDTH: usize = 160;

impl Diagnostic {
    /// Builds a diagnostic; the snippet is cut from `file` at the context's
    /// innermost position.
    pub fn new(
        code: impl Into<Code>,
        message: impl Into<String>,
        context: Context,
        file: &SourceFile,
    ) -> Diagnostic {
        let snippet = snippet(file.text(), context.mark().offset);
        Diagnostic {
            code: code.into(),
            message: message.into(),
            context,
            snippet,
            deprecated_field: None,
            detail: None,
        }
    }

    /// A diagnostic pointing at byte `offset` of a condition (or output) text,
    /// for errors found after loading (a parse error, an unknown field, an
    /// undefined macro). Adds a `condition expression` location, named like
    /// Falco names it (the quoted start of the text), at the **real** file
    /// position of that byte, under `parent` (e.g.
    /// [`super::RuleInfo::condition_context`]).
    ///
    /// `offset` is into `text` as given; if you parsed a list-substituted
    /// copy, map the offset back first with
    /// [`super::Substitution::original_offset`] (and, to show the substituted
    /// text, use [`Diagnostic::with_snippet_of`]).
    pub fn in_text(
        code: impl Into<Code>,
        message: impl Into<String>,
        parent: &Context,
        text: &MappedText,
        offset: usize,
    ) -> Diagnostic {
        let label = condition_label(text.as_str());
        match text.position_of(offset) {
            Some((file, mark)) => {
                let ctx = parent.with_location(Location {
                    item_type: ItemType::ConditionExpression,
                    item_name: String::new(),
                    name: label,
                    file: file.name().to_string(),
                    mark,
                });
                Diagnostic::new(code, message, ctx, &file)
            }
            None => Diagnostic {
                code: code.into(),
                message: message.into(),
                context: parent.clone(),
                snippet: snippet(text.as_str(), offset),
                deprecated_field: None,
                detail: None,
            },
        }
    }

    /// Replaces the snippet with `text` and a caret under byte `offset` of it
    /// (for example the list-substituted condition a parse error points into).
    pub fn with_snippet_of(mut self, text: &str, offset: usize) -> Diagnostic {
        self.snippet = snippet(text, offset);
        self
    }

    /// The file and position the diagnostic points at.
    pub fn position(&self) -> (&str, Mark) {
        (self.context.file(), self.context.mark())
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.code.is_error()
    }

    /// Compiler-style text: `FILE:LINE:COL: error: MESSAGE`, the source line,
    /// a caret line, and a note with the code and the item.
    pub fn render(&self) -> String {
        let (file, mark) = self.position();
        let kind = if self.is_error() { "error" } else { "warning" };
        let mut out = format!(
            "{file}:{}:{}: {kind}: {}\n",
            mark.line,
            mark.col,
            self.headline()
        );
        for line in self.snippet.lines() {
            if line.starts_with('<') {
                continue;
            }
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!(
            "    = {} ({})",
            self.code.name(),
            self.code.short()
        ));
        if let Some(item) = self.context.locations().iter().rev().find(|l| {
            matches!(
                l.item_type,
                ItemType::Rule | ItemType::Macro | ItemType::List
            )
        }) {
            if !item.item_name.is_empty() {
                out.push_str(&format!(" in {} '{}'", item.item_type, item.item_name));
            }
        }
        out.push('\n');
        out
    }

    /// What to tell a person: [`Diagnostic::detail`] when there is one,
    /// else Falco's message.
    pub fn headline(&self) -> &str {
        self.detail.as_deref().unwrap_or(&self.message)
    }

    /// The same diagnostic with our own wording (see [`Diagnostic::detail`]).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Diagnostic {
        self.detail = Some(detail.into().into_boxed_str());
        self
    }

    /// Falco's JSON form of one error or warning.
    pub fn to_json(&self) -> Value {
        let mut context = self.context.falco_json();
        context["snippet"] = Value::String(self.snippet.clone());
        let mut v = json!({
            "context": context,
            "code": self.code.name(),
            "codedesc": self.code.json_codedesc(),
            "message": self.message,
        });
        if let Some(f) = &self.deprecated_field {
            v["deprecated_field"] = Value::String(f.clone());
        }
        v
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, mark) = self.position();
        write!(f, "{file}:{mark}: {}", self.message)
    }
}

/// Cuts Falco's snippet: the line around byte `pos`, at most
/// [`SNIPPET_WIDTH`] wide (`...` where cut), then a `^` under `pos`.
pub fn snippet(content: &str, pos: usize) -> String {
    let bytes = content.as_bytes();
    if bytes.is_empty() {
        return "<No context available>\n".to_string();
    }
    let half = SNIPPET_WIDTH / 2;
    let mut pos = pos;
    while pos > 0 && (pos >= bytes.len() || bytes[pos] == b'\n') {
        pos -= 1;
    }
    while pos > 0 && !content.is_char_boundary(pos) {
        pos -= 1;
    }
    let mut from = pos;
    while from > 0 && bytes[from] != b'\n' && pos - from < half {
        from -= 1;
    }
    let mut to = pos;
    while to + 1 < bytes.len() && bytes[to] != b'\n' && to - pos < half {
        to += 1;
    }
    let cut_left = pos - from >= half;
    let cut_right = to - pos >= half;
    if bytes[from] == b'\n' {
        from += 1;
    }
    if bytes[to] == b'\n' {
        to = to.saturating_sub(1);
    }
    while from < bytes.len() && !content.is_char_boundary(from) {
        from += 1;
    }
    let mut end = to + 1;
    while end < bytes.len() && !content.is_char_boundary(end) {
        end += 1;
    }
    let Some(line) = content.get(from..end.max(from)) else {
        return "<No context available>\n".to_string();
    };
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return "<No context available>\n".to_string();
    }
    let mut chars: Vec<char> = line.chars().collect();
    if cut_left && chars.len() >= 3 {
        chars.splice(0..3, "...".chars());
    }
    if cut_right && chars.len() >= 3 {
        let n = chars.len();
        chars.splice(n - 3..n, "...".chars());
    }
    let mut out: String = chars.iter().collect();
    out.push('\n');
    let caret = content
        .get(from.min(pos)..pos)
        .map_or(0, |s| s.chars().count());
    if caret < chars.len() || chars.is_empty() {
        out.push_str(&" ".repeat(caret));
        out.push_str("^\n");
    }
    out
}

/// The result of loading one rules file.
///
/// A load can fail: check [`LoadResult::successful`], or turn it into a
/// `Result` with [`LoadResult::into_result`]. As an error it displays every
/// diagnostic like a compiler ([`LoadResult::render`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a load can fail: check `successful()` or call `into_result()`"]
pub struct LoadResult {
    /// The file name.
    pub name: String,
    /// Every error, in file order.
    pub errors: Vec<Diagnostic>,
    /// Every warning, in the order they were found.
    pub warnings: Vec<Diagnostic>,
}

impl LoadResult {
    /// An empty (successful) result for `name`.
    pub fn new(name: impl Into<String>) -> LoadResult {
        LoadResult {
            name: name.into(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Files it under errors or warnings according to its code.
    pub fn push(&mut self, d: Diagnostic) {
        if d.is_error() {
            self.errors.push(d);
        } else {
            self.warnings.push(d);
        }
    }

    /// `Ok` with the warnings when there is no error, the whole result as
    /// the error otherwise.
    ///
    /// ```
    /// use falco_rules::rules::Collector;
    /// let mut c = Collector::new("syscall");
    /// let warnings = c.load("ok.yaml", "- list: l\n  items: [a]\n").into_result()?;
    /// assert!(warnings.is_empty());
    /// let err = c.load("r.yaml", "- rule: x\n  priority: INFO\n").into_result().unwrap_err();
    /// assert_eq!(err.errors.len(), 1);
    /// assert!(err.to_string().starts_with("r.yaml:1:3: error: Item has no mapping for key"), "{err}");
    /// # Ok::<(), falco_rules::LoadResult>(())
    /// ```
    pub fn into_result(self) -> Result<Vec<Diagnostic>, LoadResult> {
        if self.successful() {
            Ok(self.warnings)
        } else {
            Err(self)
        }
    }

    /// Puts the errors in file order: by the place of their file in
    /// `files` (the load order; a file not listed comes last), then by
    /// position. The sort is stable, so errors at one position keep the
    /// order they were found in. [`crate::Engine`] loads call it, so an
    /// editor lists errors top to bottom.
    pub fn sort_errors(&mut self, files: &[std::sync::Arc<SourceFile>]) {
        let rank = |d: &Diagnostic| {
            let (file, mark) = d.position();
            let f = files
                .iter()
                .rposition(|x| x.name() == file)
                .unwrap_or(usize::MAX);
            (f, mark.offset)
        };
        self.errors.sort_by_key(rank);
    }

    /// No error.
    pub fn successful(&self) -> bool {
        self.errors.is_empty()
    }

    /// At least one warning.
    pub fn has_warnings(&self) -> bool {
        !self.warnings.is_empty()
    }

    /// Falco's status word for the file: `Ok`, `Ok, with warnings` or
    /// `Invalid`.
    pub fn status(&self) -> &'static str {
        if !self.successful() {
            "Invalid"
        } else if self.has_warnings() {
            "Ok, with warnings"
        } else {
            "Ok"
        }
    }

    /// Every diagnostic in compiler style, errors first.
    pub fn render(&self) -> String {
        self.errors
            .iter()
            .chain(&self.warnings)
            .map(Diagnostic::render)
            .collect()
    }

    /// Falco's summary text:
    /// `<name>: Invalid` / ` N errors: [CODE (short) ...]` / ` N warnings: [...]`.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        if !self.name.is_empty() {
            out.push_str(&self.name);
            out.push_str(": ");
        }
        out.push_str(self.status());
        for (label, list) in [("errors", &self.errors), ("warnings", &self.warnings)] {
            if list.is_empty() {
                continue;
            }
            let items: Vec<String> = list
                .iter()
                .map(|d| format!("{} ({})", d.code.name(), d.code.short()))
                .collect();
            out.push_str(&format!("\n {} {label}: [{}]", list.len(), items.join(" ")));
        }
        out
    }

    /// Falco's verbose text (what `falco -V` prints): the status line, then
    /// `N Errors:` and `N Warnings:` sections with context, snippet and message.
    pub fn verbose(&self) -> String {
        let mut out = String::new();
        if !self.name.is_empty() {
            out.push_str(&self.name);
            out.push_str(": ");
        }
        out.push_str(self.status());
        for (label, list) in [("Errors", &self.errors), ("Warnings", &self.warnings)] {
            if list.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{} {label}:\n", list.len()));
            for d in list {
                out.push_str(&d.context.falco_text());
                out.push_str("------\n");
                out.push_str(&d.snippet);
                out.push_str("------\n");
                out.push_str(&format!(
                    "{} ({}): {}\n",
                    d.code.name(),
                    d.code.short(),
                    d.message
                ));
            }
        }
        out
    }

    /// Falco's JSON form of one result:
    /// `{"name","successful","errors":[...],"warnings":[...]}`.
    pub fn to_json(&self) -> Value {
        json!({
            "name": self.name,
            "successful": self.successful(),
            "errors": self.errors.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
        })
    }
}

/// What `falco -V` prints with `json_output: true`:
/// `{"falco_load_results":[<result>, ...]}`.
pub fn falco_load_results_json(results: &[LoadResult]) -> Value {
    json!({ "falco_load_results": results.iter().map(LoadResult::to_json).collect::<Vec<_>>() })
}

impl Extend<Diagnostic> for LoadResult {
    /// Files each diagnostic as [`LoadResult::push`] does.
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        iter.into_iter().for_each(|d| self.push(d));
    }
}

impl fmt::Display for LoadResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render().trim_end())
    }
}

impl std::error::Error for LoadResult {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_the_column_under_the_line() {
        assert_eq!(snippet("a: 1\nbb: xyz\n", 9), "bb: xyz\n    ^\n");
    }

    #[test]
    fn snippet_at_end_of_file_moves_back_onto_the_last_line() {
        assert_eq!(snippet("tags:\n", 6), "tags:\n    ^\n");
    }

    #[test]
    fn snippet_of_a_long_line_is_cut_with_dots() {
        let line = "x".repeat(400);
        let s = snippet(&line, 200);
        let first = s.lines().next().unwrap();
        assert!(
            first.starts_with("...") && first.ends_with("..."),
            "{first}"
        );
        assert_eq!(s.lines().nth(1).unwrap().find('^'), Some(80));
    }

    #[test]
    fn snippet_never_splits_a_character() {
        let s = snippet("é", 1);
        assert_eq!(s, "é\n^\n");
    }

    #[test]
    fn codes_print_their_falco_names() {
        assert_eq!(
            Code::from(ErrorCode::YamlParse).to_string(),
            "LOAD_ERR_YAML_PARSE"
        );
        assert_eq!(
            Code::from(WarningCode::UnknownKey).to_string(),
            "LOAD_UNKNOWN_KEY"
        );
        assert_eq!(
            Code::from(ErrorCode::Validate).json_codedesc(),
            "Error validating rule/macro/list/exception objects"
        );
    }
}

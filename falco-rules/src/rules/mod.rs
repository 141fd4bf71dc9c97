//! Loading Falco rules files: YAML with positions, items, the collector,
//! list substitution, exceptions and diagnostics.
//!
//! This is the first half of Falco's rule loading. It reads rules files into
//! a [`Collector`] (lists, macros and rules with Falco's define / append /
//! override semantics, across several files) and reports every problem as a
//! [`Diagnostic`] with Falco's code and message and a file:line:column.
//! Conditions are **not** parsed here: they stay text ([`MappedText`], which
//! maps every byte back to its file position) for the compile stage.
//!
//! Unlike Falco, which stops at the first error of a file, the reader skips a
//! bad item and goes on, so one load reports every broken item. The good
//! items of a file with errors stay collected; a caller that wants Falco's
//! behaviour treats `!result.successful()` as a failed load.
//!
//! # The stages, and what the compile stage does next
//!
//! 1. [`parse_documents`] turns a [`SourceFile`] into [`Node`]s with a
//!    [`Mark`] (byte offset, 1-based line and column) on every node.
//! 2. The reader checks each item as Falco does (§1.1–§1.9 of the research
//!    notes) and calls the [`Collector`], which applies define / append /
//!    replace and keeps `index` (position) and `visibility` ids.
//! 3. The compile stage, per load and over the whole collected state:
//!    - [`expand_lists`] over [`Collector::lists`] (list items naming
//!      earlier lists);
//!    - for each macro then rule condition: [`substitute_lists_mapped`]
//!      (Falco's textual list substitution), then parse; rules first go
//!      through [`RuleInfo::condition_with_exceptions`];
//!    - resolve macros with the visibility rules ([`MacroInfo::index`],
//!      [`MacroInfo::visibility`]), compile, and report errors with
//!      [`Diagnostic::in_text`], which maps an offset in the condition back
//!      to the file (through [`Substitution::original_offset`] first when the
//!      offset is in the substituted text);
//!    - skip rules with [`RuleInfo::unknown_source`]; check
//!      [`Collector::required_plugin_versions`] with
//!      [`check_plugin_requirements`] against the plugins the registered
//!      sources provide.
//!
//! # Printing results
//!
//! [`Diagnostic::render`] prints like a compiler (`FILE:LINE:COL: error:
//! MESSAGE`, the line, a caret). [`LoadResult::summary`],
//! [`LoadResult::verbose`] and [`falco_load_results_json`] print Falco's
//! `-V` forms; those use Falco's 0-based line and column numbers.
//!
//! ```
//! use falco_rules::rules::{Collector, ErrorCode, Code};
//!
//! let mut rules = Collector::new("syscall");
//! let result = rules.load("my_rules.yaml", "\
//! - rule: shell in container
//!   desc: a shell was spawned
//!   condition: evt.type = execve and proc.name = bash
//!   output: shell (user=%user.name)
//!   priority: WARN
//! ");
//! assert!(!result.successful());
//! let err = &result.errors[0];
//! assert_eq!(err.code, Code::Error(ErrorCode::YamlValidate));
//! assert_eq!(err.message, "Invalid priority");
//! let (file, at) = err.position();
//! assert_eq!((file, at.line, at.col), ("my_rules.yaml", 5, 13));
//! assert_eq!(
//!     err.render(),
//!     "my_rules.yaml:5:13: error: Invalid priority\n      priority: WARN\n                ^\n    = LOAD_ERR_YAML_VALIDATE (Error validating internal structure of YAML file) in rule 'shell in container'\n"
//! );
//! ```

mod collect;
mod diag;
mod exceptions;
mod items;
mod lists;
mod reader;
pub(crate) mod suggest;
mod text;
mod yaml;

pub use collect::{check_plugin_requirements, Collector, OnlySource, SourceCatalog};
pub use diag::{
    falco_load_results_json, snippet, Code, Context, Diagnostic, ErrorCode, ItemType, LoadResult,
    Location, WarningCode, SNIPPET_WIDTH,
};
pub use exceptions::{
    exception_text, exceptions_condition, exceptions_condition_str, is_list_operator,
    is_operator_with_modifier, paren_item, quote_item, validate_exception, LIST_OPERATORS,
    OPERATORS,
};
pub use items::{
    Exception, ExceptionEntry, InvalidPriority, ListInfo, MacroInfo, PluginRequirement,
    PluginVersion, Priority, RuleInfo, Version, ENGINE_VERSION,
};
pub use lists::{
    expand_lists, substitute_lists, substitute_lists_mapped, ExpandedList, Substitution,
};
pub use suggest::did_you_mean;
pub use text::{MappedText, Origin, ScalarOrigin};
pub use yaml::{parse_documents, Mark, Node, NodeKind, Scalar, SourceFile, Style, YamlError};

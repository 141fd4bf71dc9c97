//! Loading Falco rules files: YAML with positions, items, the collector,
//! list substitution, exceptions and diagnostics.
//!
//! This is the first half of Falco's rule loading. It reads rules files into
//! a [`Collector`] (lists, macros and rules with Falco's define / append /
//! override semantics, across several files) and reports every problem as a
//! [`Diagnostic`] with Falco's code and message and a file:line:column.
//! Conditions are **not** parsed here: they stay text ([`MappedText`], which
//! maps every byte back to its file position) for the compile stage, which
//! expands lists ([`expand_lists`], [`substitute_lists_mapped`]), adds the
//! exceptions ([`RuleInfo::condition_with_exceptions`]), parses, resolves
//! macros and compiles.
//!
//! Unlike Falco, which stops at the first error of a file, the reader skips a
//! bad item and goes on, so one load reports every broken item.
//!
//! ```
//! use falco_rules::rules::{Collector, ErrorCode, Code};
//!
//! let mut rules = Collector::new();
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
mod text;
mod yaml;

pub use collect::{
    check_plugin_requirements, Collector, SourceCatalog, SyscallOnly, BUILTIN_PLUGINS,
};
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
pub use text::{MappedText, Origin, ScalarOrigin};
pub use yaml::{parse_documents, Mark, Node, NodeKind, Scalar, SourceFile, Style, YamlError};

//! What a rules file says, once read: versions, lists, macros, rules and
//! their exceptions, each with the context it came from.
//!
//! Nothing here is parsed or compiled: conditions and outputs are text (a
//! [`MappedText`], which maps every byte back to its file position).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use super::diag::Context;
use super::text::MappedText;
use super::yaml::SourceFile;

/// A `major.minor.patch` version (of the engine or of a plugin).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Major.
    pub major: u32,
    /// Minor.
    pub minor: u32,
    /// Patch.
    pub patch: u32,
}

/// Our rules-engine version: Falco's engine version at the source revision we
/// follow. The official rules files require `0.57.0`.
pub const ENGINE_VERSION: Version = Version {
    major: 0,
    minor: 63,
    patch: 0,
};

impl Version {
    /// Builds a version.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses the way Falco does (`sscanf("%u.%u.%u")`): three numbers
    /// separated by dots, trailing text ignored (`1.2.3-rc1` is `1.2.3`).
    pub fn parse(text: &str) -> Option<Version> {
        let mut rest = text;
        let major = scan_u32(&mut rest)?;
        rest = rest.strip_prefix('.')?;
        let minor = scan_u32(&mut rest)?;
        rest = rest.strip_prefix('.')?;
        let patch = scan_u32(&mut rest)?;
        Some(Version::new(major, minor, patch))
    }

    /// Whether a component needing `required` can use `self`: same major,
    /// and `self >= required`.
    pub fn compatible_with(&self, required: &Version) -> bool {
        self.major == required.major && self >= required
    }
}

/// `%u` of scanf: leading whitespace, an optional sign, digits (wrapping).
fn scan_u32(rest: &mut &str) -> Option<u32> {
    let s = rest.trim_start();
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut v: u32 = 0;
    for b in s.bytes().take(digits) {
        v = v.wrapping_mul(10).wrapping_add(u32::from(b - b'0'));
    }
    *rest = &s[digits..];
    Some(if neg { v.wrapping_neg() } else { v })
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// A rule's priority, most severe first, with Falco's numbers
/// (`Emergency` = 0 ... `Debug` = 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[non_exhaustive]
pub enum Priority {
    /// 0
    Emergency = 0,
    /// 1
    Alert = 1,
    /// 2
    Critical = 2,
    /// 3
    Error = 3,
    /// 4
    Warning = 4,
    /// 5
    Notice = 5,
    /// 6
    Informational = 6,
    /// 7
    Debug = 7,
}

impl Priority {
    /// All priorities, most severe first.
    pub const ALL: [Priority; 8] = [
        Priority::Emergency,
        Priority::Alert,
        Priority::Critical,
        Priority::Error,
        Priority::Warning,
        Priority::Notice,
        Priority::Informational,
        Priority::Debug,
    ];

    /// The long name Falco prints in alerts (`Informational`).
    pub fn name(self) -> &'static str {
        match self {
            Priority::Emergency => "Emergency",
            Priority::Alert => "Alert",
            Priority::Critical => "Critical",
            Priority::Error => "Error",
            Priority::Warning => "Warning",
            Priority::Notice => "Notice",
            Priority::Informational => "Informational",
            Priority::Debug => "Debug",
        }
    }

    /// Falco's short form: `Info` for Informational, the long name otherwise.
    pub fn short_name(self) -> &'static str {
        match self {
            Priority::Informational => "Info",
            p => p.name(),
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of [`Priority::from_str`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidPriority(pub String);

impl fmt::Display for InvalidPriority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unknown priority value: {}", self.0)
    }
}

impl std::error::Error for InvalidPriority {}

impl FromStr for Priority {
    type Err = InvalidPriority;

    /// Case-insensitive long names, plus `info` for Informational.
    fn from_str(s: &str) -> Result<Priority, InvalidPriority> {
        Priority::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s))
            .or_else(|| {
                s.eq_ignore_ascii_case("info")
                    .then_some(Priority::Informational)
            })
            .ok_or_else(|| InvalidPriority(s.to_string()))
    }
}

/// One `name`/`version` pair of a `required_plugin_versions` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluginVersion {
    /// Plugin name.
    pub name: String,
    /// Required version (semver text).
    pub version: String,
}

/// One `required_plugin_versions` entry: satisfied if any alternative is.
/// The first alternative is the entry's own `name`/`version`.
#[derive(Clone, Debug)]
pub struct PluginRequirement {
    /// The entry and its `alternatives`, in file order.
    pub alternatives: Vec<PluginVersion>,
    /// Where it was written.
    pub context: Context,
}

/// A list as collected (items raw: list references not expanded yet).
#[derive(Clone, Debug)]
pub struct ListInfo {
    /// Name.
    pub name: String,
    /// Items in order; numbers are kept as written.
    pub items: Vec<String>,
    /// Id of the first definition (fixes the position).
    pub index: u32,
    /// Id of the latest define or append (what it can see).
    pub visibility: u32,
    /// Where it was (last) defined.
    pub context: Context,
    /// The file of the (last) definition.
    pub file: Arc<SourceFile>,
}

/// A macro as collected.
#[derive(Clone, Debug)]
pub struct MacroInfo {
    /// Name.
    pub name: String,
    /// The condition text, appends included, mapped to its file positions.
    pub condition: MappedText,
    /// Id of the first definition.
    pub index: u32,
    /// Id of the latest define or append.
    pub visibility: u32,
    /// Where it was (last) defined.
    pub context: Context,
    /// The `macro condition` context (for errors inside the condition).
    pub condition_context: Context,
    /// The file of the (last) definition.
    pub file: Arc<SourceFile>,
}

/// One exception's `fields`, `comps`, or value: a scalar or a (nested) list.
///
/// A missing or empty entry is `Value("")` or `List([])`; see
/// [`ExceptionEntry::is_valid`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExceptionEntry {
    /// A scalar.
    Value(String),
    /// A sequence.
    List(Vec<ExceptionEntry>),
}

impl ExceptionEntry {
    /// The "not given" entry.
    pub fn none() -> ExceptionEntry {
        ExceptionEntry::Value(String::new())
    }

    /// Given and not empty (Falco's `is_valid`).
    pub fn is_valid(&self) -> bool {
        match self {
            ExceptionEntry::Value(v) => !v.is_empty(),
            ExceptionEntry::List(l) => !l.is_empty(),
        }
    }

    /// Whether it is a sequence.
    pub fn is_list(&self) -> bool {
        matches!(self, ExceptionEntry::List(_))
    }

    /// The scalar text (empty for a sequence).
    pub fn text(&self) -> &str {
        match self {
            ExceptionEntry::Value(v) => v,
            ExceptionEntry::List(_) => "",
        }
    }

    /// The elements (empty for a scalar).
    pub fn items(&self) -> &[ExceptionEntry] {
        match self {
            ExceptionEntry::Value(_) => &[],
            ExceptionEntry::List(l) => l,
        }
    }
}

/// A rule exception.
#[derive(Clone, Debug)]
pub struct Exception {
    /// Name (unique within a rule, or a warning is given).
    pub name: String,
    /// A field, or a list of fields (tuple form).
    pub fields: ExceptionEntry,
    /// Operators; after validation, defaulted (`in` for one field, `=` per
    /// field for tuples) and trimmed.
    pub comps: ExceptionEntry,
    /// Values: scalars (single-field form) or rows (tuple form).
    pub values: Vec<ExceptionEntry>,
    /// Where it was written.
    pub context: Context,
    /// Its file.
    pub file: Arc<SourceFile>,
}

/// A rule as collected.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    /// Name.
    pub name: String,
    /// The condition text (appends included), without exceptions; see
    /// [`RuleInfo::condition_with_exceptions`].
    pub condition: MappedText,
    /// The output format, trimmed, appends included.
    pub output: MappedText,
    /// Description.
    pub desc: String,
    /// Priority.
    pub priority: Priority,
    /// Event source (`syscall` unless given).
    pub source: String,
    /// The source was not known to the catalog: the rule is kept for
    /// appends but must not be compiled (`LOAD_UNKNOWN_SOURCE` was given).
    pub unknown_source: bool,
    /// `enabled` (default true).
    pub enabled: bool,
    /// Tags, deduplicated and sorted.
    pub tags: BTreeSet<String>,
    /// Exceptions, validated.
    pub exceptions: Vec<Exception>,
    /// `warn_evttypes` (default true).
    pub warn_evttypes: bool,
    /// `skip-if-unknown-filter` (default false).
    pub skip_if_unknown_filter: bool,
    /// `capture` (default false).
    pub capture: bool,
    /// `capture_duration` in milliseconds (default 0).
    pub capture_duration: u32,
    /// Id of the first definition (fixes the evaluation order).
    pub index: u32,
    /// Id of the latest define, append or replace.
    pub visibility: u32,
    /// Where it was (last) defined.
    pub context: Context,
    /// The `rule condition` context.
    pub condition_context: Context,
    /// The `rule output` context.
    pub output_context: Context,
    /// The file of the (last) definition.
    pub file: Arc<SourceFile>,
}

/// What an append or `override` item brings to an existing rule.
#[derive(Clone, Debug)]
pub(crate) struct RuleUpdate {
    pub name: String,
    pub source: String,
    pub condition: Option<MappedText>,
    pub output: Option<MappedText>,
    pub desc: Option<String>,
    pub tags: Option<BTreeSet<String>>,
    pub exceptions: Option<Vec<Exception>>,
    pub priority: Option<Priority>,
    pub enabled: Option<bool>,
    pub capture: Option<bool>,
    pub capture_duration: Option<u32>,
    pub warn_evttypes: Option<bool>,
    pub skip_if_unknown_filter: Option<bool>,
    pub context: Context,
}

impl RuleUpdate {
    pub fn new(name: &str, source: &str, context: Context) -> RuleUpdate {
        RuleUpdate {
            name: name.to_string(),
            source: source.to_string(),
            condition: None,
            output: None,
            desc: None,
            tags: None,
            exceptions: None,
            priority: None,
            enabled: None,
            capture: None,
            capture_duration: None,
            warn_evttypes: None,
            skip_if_unknown_filter: None,
            context,
        }
    }

    pub fn has_any_value(&self) -> bool {
        self.condition.is_some()
            || self.output.is_some()
            || self.desc.is_some()
            || self.tags.is_some()
            || self.exceptions.is_some()
            || self.priority.is_some()
            || self.enabled.is_some()
            || self.capture.is_some()
            || self.capture_duration.is_some()
            || self.warn_evttypes.is_some()
            || self.skip_if_unknown_filter.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_parse_case_insensitively_and_accept_info() {
        let cases = [
            ("EMERGENCY", Priority::Emergency),
            ("alert", Priority::Alert),
            ("Critical", Priority::Critical),
            ("ERROR", Priority::Error),
            ("warning", Priority::Warning),
            ("NOTICE", Priority::Notice),
            ("informational", Priority::Informational),
            ("INFO", Priority::Informational),
            ("debug", Priority::Debug),
        ];
        for (text, p) in cases {
            assert_eq!(text.parse::<Priority>(), Ok(p), "{text}");
        }
        for bad in ["warn", "crit", "", "info "] {
            assert!(bad.parse::<Priority>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn priorities_print_long_names_and_order_by_severity() {
        assert_eq!(Priority::Informational.to_string(), "Informational");
        assert_eq!(Priority::Informational.short_name(), "Info");
        assert!(Priority::Critical < Priority::Warning);
        assert_eq!(Priority::Debug as u8, 7);
    }

    #[test]
    fn versions_parse_like_sscanf() {
        assert_eq!(Version::parse("0.57.0"), Some(Version::new(0, 57, 0)));
        assert_eq!(Version::parse("1.2.3-rc1"), Some(Version::new(1, 2, 3)));
        assert_eq!(Version::parse("0.57"), None);
        assert_eq!(Version::parse("seven"), None);
    }

    #[test]
    fn compatible_means_same_major_and_not_older() {
        assert!(ENGINE_VERSION.compatible_with(&Version::new(0, 57, 0)));
        assert!(ENGINE_VERSION.compatible_with(&ENGINE_VERSION));
        assert!(!ENGINE_VERSION.compatible_with(&Version::new(0, 64, 0)));
        assert!(!ENGINE_VERSION.compatible_with(&Version::new(1, 0, 0)));
    }
}

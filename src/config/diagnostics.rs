//! Where values come from, and the errors and warnings about them.

use super::*;

/// Where a configuration value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Not set anywhere: the default.
    Default,
    /// A configuration file, at a position when known.
    File {
        /// The file's name as given.
        name: Arc<str>,
        /// The position of the value (or key) in the file.
        mark: Option<Mark>,
    },
    /// A `-o` option (its text, `key=value`).
    Option(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("<default>"),
            Origin::File { name, mark: None } => f.write_str(name),
            Origin::File {
                name,
                mark: Some(m),
            } => write!(f, "{name}:{}:{}", m.line, m.col),
            Origin::Option(o) => write!(f, "-o {o}"),
        }
    }
}

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The configuration is not used.
    Error,
    /// Worth telling; the configuration is used.
    Warning,
}

/// One problem with the configuration: `ORIGIN: error: MESSAGE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The dotted key the problem is about (empty for YAML syntax errors).
    pub key: String,
    /// What is wrong (it names the key).
    pub message: String,
    /// Where.
    pub origin: Origin,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.origin, self.message)
    }
}

/// A configuration that cannot be used: every error found, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The errors (at least one).
    pub errors: Vec<Diagnostic>,
}

impl fmt::Display for ConfigError {
    /// One error per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    pub(super) fn one(key: &str, message: String, origin: Origin) -> ConfigError {
        ConfigError {
            errors: vec![Diagnostic {
                severity: Severity::Error,
                key: key.to_string(),
                message,
                origin,
            }],
        }
    }
}

/// A loaded configuration and the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// Unknown or unimplemented keys, deprecated keys.
    pub warnings: Vec<Diagnostic>,
    /// The merged configuration tree (files, `config_files`, `-o`) as JSON,
    /// scalars as strings: what `falco --support` prints as `config`.
    pub tree: serde_json::Value,
}

/// Sort key: file positions in file order, then options, then the rest.
pub(super) fn origin_order(o: &Origin) -> (u8, usize) {
    match o {
        Origin::File { mark: Some(m), .. } => (0, m.offset),
        Origin::File { mark: None, .. } => (0, 0),
        Origin::Option(_) => (1, 0),
        Origin::Default => (2, 0),
    }
}

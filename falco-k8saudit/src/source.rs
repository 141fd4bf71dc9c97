//! The `k8s_audit` source as the engine sees it.

use falco_rules::{Event, FieldSchema, ProvidedPlugin, SourceDescriptor};

use crate::event::AuditEvent;
use crate::fields::K8sAuditFields;
use crate::{PROVIDED_PLUGINS, SOURCE_NAME};

/// The [`SourceDescriptor`] of Kubernetes audit events: named `k8s_audit`,
/// with the [`K8sAuditFields`] schema, no event types (every `k8s_audit`
/// rule runs on every audit event, as in Falco), and the `k8saudit` and
/// `json` plugins it stands in for.
///
/// ```
/// use falco_k8saudit::K8sAuditSource;
/// use falco_rules::SourceDescriptor;
/// let s = K8sAuditSource::new();
/// assert_eq!(s.name(), "k8s_audit");
/// assert_eq!(s.plugins()[0].name, "k8saudit");
/// assert!(s.schema().resolve("ka.verb", None).is_ok());
/// ```
#[derive(Debug)]
pub struct K8sAuditSource {
    schema: K8sAuditFields,
    plugins: Vec<ProvidedPlugin>,
}

impl K8sAuditSource {
    /// The source.
    pub fn new() -> K8sAuditSource {
        K8sAuditSource {
            schema: K8sAuditFields::new(),
            plugins: PROVIDED_PLUGINS
                .iter()
                .map(|(name, version)| ProvidedPlugin {
                    name: (*name).to_string(),
                    version: (*version).to_string(),
                })
                .collect(),
        }
    }
}

impl K8sAuditSource {
    /// The source standing in for only the plugins named in `loaded` (of
    /// `k8saudit` and `json`), as the daemon builds it from `load_plugins`:
    /// a rules file whose `required_plugin_versions` names a plugin that is
    /// not loaded then fails as in Falco.
    ///
    /// ```
    /// use falco_k8saudit::K8sAuditSource;
    /// use falco_rules::SourceDescriptor;
    /// let s = K8sAuditSource::with_plugins(&["k8saudit"]);
    /// assert_eq!(s.plugins().len(), 1);
    /// ```
    pub fn with_plugins(loaded: &[&str]) -> K8sAuditSource {
        let mut s = K8sAuditSource::new();
        s.plugins.retain(|p| loaded.contains(&p.name.as_str()));
        s
    }
}

impl Default for K8sAuditSource {
    fn default() -> K8sAuditSource {
        K8sAuditSource::new()
    }
}

impl SourceDescriptor for K8sAuditSource {
    fn name(&self) -> &str {
        SOURCE_NAME
    }
    fn schema(&self) -> &dyn FieldSchema {
        &self.schema
    }
    fn plugins(&self) -> &[ProvidedPlugin] {
        &self.plugins
    }
    /// As Falco: `ka.*` and `jevt.*` fields render absent values as `<NA>`,
    /// so comparing them with the literal `<NA>` is flagged.
    fn is_unsafe_na_field(&self, field: &str) -> bool {
        field.starts_with("ka.") || field.starts_with("jevt.")
    }
}

impl Event for AuditEvent {
    fn source(&self) -> &str {
        SOURCE_NAME
    }
}

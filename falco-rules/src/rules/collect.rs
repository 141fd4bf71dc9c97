//! The collector: Falco's define / append / replace semantics over lists,
//! macros and rules, across every file loaded so far.
//!
//! Three insertion-ordered tables (lists, macros, rules). Every successful
//! define, append or replace takes the next id of a counter that keeps
//! growing across files. An entry's `index` is the id of its first definition
//! (its position, never changes); its `visibility` is the id of its latest
//! define/append/replace. A redefinition replaces the entry in place.

use std::collections::HashMap;
use std::sync::Arc;

use super::diag::{Context, Diagnostic, ErrorCode, LoadResult, WarningCode};
use super::exceptions::{exception_error, validate_exception};
use super::items::{
    ListInfo, MacroInfo, PluginRequirement, PluginVersion, RuleInfo, RuleUpdate, Version,
    ENGINE_VERSION,
};
use super::suggest::no_such_item;
use super::yaml::SourceFile;

/// What the engine knows about event sources and their fields. The collector
/// asks it whether a rule's `source` exists and whether an exception field is
/// a valid left-hand side (Falco checks exception fields at collect time).
pub trait SourceCatalog {
    /// Whether `source` is a loaded event source.
    fn has_source(&self, source: &str) -> bool;

    /// Whether a rule for `source`, which [`SourceCatalog::has_source`]
    /// does not know, is a load error rather than Falco's
    /// `LOAD_UNKNOWN_SOURCE` warning (the rule skipped). The default is the
    /// warning.
    fn unknown_source_is_error(&self, source: &str) -> bool {
        let _ = source;
        false
    }

    /// Whether `field` (maybe a transformer expression such as
    /// `tolower(proc.name)`) can be the left side of a check in `source`.
    /// The default accepts everything.
    fn is_valid_lhs_field(&self, source: &str, field: &str) -> bool {
        let _ = (source, field);
        true
    }
}

/// A catalog that knows one source (the one named), and accepts every field
/// (field checks are left to the compile stage). [`Collector::load`] uses it
/// with the collector's default source.
#[derive(Clone, Copy, Debug)]
pub struct OnlySource<'a>(pub &'a str);

impl SourceCatalog for OnlySource<'_> {
    fn has_source(&self, source: &str) -> bool {
        source == self.0
    }
}

/// Checks `required_plugin_versions` against loaded plugins as Falco's app
/// does after loading: for each requirement, the first alternative whose name
/// is loaded must have a compatible version (same major, not older).
/// Returns Falco's message for the first failure.
pub fn check_plugin_requirements(
    requirements: &[PluginRequirement],
    loaded: &[(&str, &str)],
) -> Result<(), String> {
    for req in requirements {
        let found = req.alternatives.iter().find_map(|alt| {
            loaded
                .iter()
                .find(|(n, _)| *n == alt.name)
                .map(|p| (alt, p))
        });
        match found {
            Some((alt, (name, version))) => {
                let have = Version::parse(version);
                let want = Version::parse(&alt.version);
                let ok = matches!((have, want), (Some(h), Some(w)) if h.compatible_with(&w));
                if !ok {
                    return Err(format!(
                        "Plugin '{name}' version '{version}' is not compatible with required plugin version '{}'",
                        alt.version
                    ));
                }
            }
            None => {
                let names: Vec<String> = req
                    .alternatives
                    .iter()
                    .map(|a| format!("{} (>= {})", a.name, a.version))
                    .collect();
                return Err(format!(
                    "Plugin requirement not satisfied, must load one of: {}",
                    names.join(", ")
                ));
            }
        }
    }
    Ok(())
}

/// An insertion-ordered table from name to entry.
#[derive(Clone, Debug)]
struct Table<T> {
    entries: Vec<T>,
    by_name: HashMap<String, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            entries: Vec::new(),
            by_name: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    fn get(&self, name: &str) -> Option<&T> {
        self.by_name.get(name).and_then(|&i| self.entries.get(i))
    }

    fn get_mut(&mut self, name: &str) -> Option<&mut T> {
        match self.by_name.get(name) {
            Some(&i) => self.entries.get_mut(i),
            None => None,
        }
    }

    fn insert(&mut self, name: &str, value: T) {
        self.by_name.insert(name.to_string(), self.entries.len());
        self.entries.push(value);
    }
}

/// The collected state of every rules file loaded so far.
///
/// ```
/// use falco_rules::rules::Collector;
/// let mut c = Collector::new("syscall");
/// let res = c.load("rules.yaml", "- list: shells\n  items: [bash, sh]\n");
/// assert!(res.successful());
/// assert_eq!(c.lists()[0].items, ["bash", "sh"]);
/// ```
#[derive(Debug, Default)]
pub struct Collector {
    lists: Table<ListInfo>,
    macros: Table<MacroInfo>,
    rules: Table<RuleInfo>,
    required_engine_version: Option<(Version, Context)>,
    required_plugin_versions: Vec<PluginRequirement>,
    next_id: u32,
    files: Vec<Arc<SourceFile>>,
    default_source: String,
}

impl Collector {
    /// An empty collector; rules without `source:` are for `default_source`
    /// (Falco's is `syscall`).
    pub fn new(default_source: &str) -> Collector {
        Collector {
            default_source: default_source.to_string(),
            ..Collector::default()
        }
    }

    /// The source of rules that have no `source:`.
    pub fn default_source(&self) -> &str {
        &self.default_source
    }

    /// Reads one rules file into the collected state, with a catalog that
    /// knows the default source only ([`OnlySource`]). Returns every error
    /// and warning found in it; bad items are skipped, the rest is
    /// collected.
    pub fn load(&mut self, name: &str, content: &str) -> LoadResult {
        let source = self.default_source.clone();
        self.load_with(name, content, &OnlySource(&source))
    }

    /// Reads the file at `path` and loads it under its path as name. An
    /// unreadable file gives a `LOAD_ERR_FILE_READ` result ("Could not open
    /// file F for reading"; Falco treats that as fatal before loading).
    pub fn load_path(&mut self, path: &std::path::Path, catalog: &dyn SourceCatalog) -> LoadResult {
        let name = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => self.load_with(&name, &text, catalog),
            Err(_) => {
                let file = SourceFile::new(name.clone(), "");
                let mut result = LoadResult::new(name.clone());
                result.push(Diagnostic::new(
                    ErrorCode::FileRead,
                    format!("Could not open file {name} for reading"),
                    Context::root(&name),
                    &file,
                ));
                result
            }
        }
    }

    /// Like [`Collector::load`] with your own source catalog.
    pub fn load_with(
        &mut self,
        name: &str,
        content: &str,
        catalog: &dyn SourceCatalog,
    ) -> LoadResult {
        let file = Arc::new(SourceFile::new(name, content));
        self.files.push(file.clone());
        let mut result = LoadResult::new(name);
        super::reader::read_file(&file, self, catalog, &mut result);
        result
    }

    /// Lists in index order (first definition first).
    pub fn lists(&self) -> &[ListInfo] {
        &self.lists.entries
    }

    /// Macros in index order.
    pub fn macros(&self) -> &[MacroInfo] {
        &self.macros.entries
    }

    /// Rules in index order (Falco's evaluation order).
    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules.entries
    }

    /// The list called `name`.
    pub fn list(&self, name: &str) -> Option<&ListInfo> {
        self.lists.get(name)
    }

    /// The macro called `name`.
    pub fn macro_info(&self, name: &str) -> Option<&MacroInfo> {
        self.macros.get(name)
    }

    /// The rule called `name`.
    pub fn rule(&self, name: &str) -> Option<&RuleInfo> {
        self.rules.get(name)
    }

    /// The highest `required_engine_version` seen.
    pub fn required_engine_version(&self) -> Option<Version> {
        self.required_engine_version.as_ref().map(|(v, _)| *v)
    }

    /// Every `required_plugin_versions` entry, in load order.
    pub fn required_plugin_versions(&self) -> &[PluginRequirement] {
        &self.required_plugin_versions
    }

    /// The files loaded so far, in order.
    pub fn files(&self) -> &[Arc<SourceFile>] {
        &self.files
    }

    /// The file loaded under `name` (the latest one, if loaded twice).
    pub fn file(&self, name: &str) -> Option<&Arc<SourceFile>> {
        self.files.iter().rev().find(|f| f.name() == name)
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        id
    }

    // ---- the operations the reader calls -------------------------------

    pub(crate) fn define_engine_version(
        &mut self,
        version: Version,
        ctx: Context,
        file: &SourceFile,
    ) -> Result<(), Diagnostic> {
        if !ENGINE_VERSION.compatible_with(&version) {
            return Err(Diagnostic::new(
                ErrorCode::Validate,
                format!("Rules require engine version {version}, but engine version is {ENGINE_VERSION}"),
                ctx,
                file,
            ));
        }
        if self
            .required_engine_version
            .as_ref()
            .is_none_or(|(v, _)| *v < version)
        {
            self.required_engine_version = Some((version, ctx));
        }
        Ok(())
    }

    pub(crate) fn define_plugin_requirement(
        &mut self,
        alternatives: Vec<PluginVersion>,
        ctx: Context,
        file: &SourceFile,
    ) -> Result<(), Diagnostic> {
        let err = |m: String| Diagnostic::new(ErrorCode::Validate, m, ctx.clone(), file);
        let mut seen: Vec<&str> = Vec::new();
        for alt in &alternatives {
            if Version::parse(&alt.version).is_none() {
                return Err(err(format!(
                    "Invalid required version '{}' for plugin '{}'",
                    alt.version, alt.name
                )));
            }
            if seen.contains(&alt.name.as_str()) {
                return Err(err(format!(
                    "Defined multiple alternative version requirements for plugin '{}'",
                    alt.name
                )));
            }
            seen.push(&alt.name);
        }
        self.required_plugin_versions.push(PluginRequirement {
            alternatives,
            context: ctx,
        });
        Ok(())
    }

    pub(crate) fn define_list(&mut self, mut info: ListInfo) {
        let id = self.take_id();
        info.visibility = id;
        match self.lists.get_mut(&info.name) {
            Some(prev) => {
                info.index = prev.index;
                *prev = info;
            }
            None => {
                info.index = id;
                let name = info.name.clone();
                self.lists.insert(&name, info);
            }
        }
    }

    pub(crate) fn append_list(&mut self, info: ListInfo) -> Result<(), Diagnostic> {
        if self.lists.get(&info.name).is_none() {
            let detail = no_such_item(
                "list",
                &info.name,
                self.lists.entries.iter().map(|l| l.name.as_str()),
            );
            return Err(Diagnostic::new(
                ErrorCode::Validate,
                "List uses 'append' or 'override.items: append' but no list by that name already exists",
                info.context,
                &info.file,
            )
            .with_detail(detail));
        }
        let id = self.take_id();
        if let Some(prev) = self.lists.get_mut(&info.name) {
            prev.items.extend(info.items);
            prev.visibility = id;
        }
        Ok(())
    }

    pub(crate) fn define_macro(&mut self, mut info: MacroInfo) {
        let id = self.take_id();
        info.visibility = id;
        match self.macros.get_mut(&info.name) {
            Some(prev) => {
                info.index = prev.index;
                *prev = info;
            }
            None => {
                info.index = id;
                let name = info.name.clone();
                self.macros.insert(&name, info);
            }
        }
    }

    pub(crate) fn append_macro(&mut self, info: MacroInfo) -> Result<(), Diagnostic> {
        if self.macros.get(&info.name).is_none() {
            let detail = no_such_item(
                "macro",
                &info.name,
                self.macros.entries.iter().map(|m| m.name.as_str()),
            );
            return Err(Diagnostic::new(
                ErrorCode::Validate,
                "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists",
                info.context,
                &info.file,
            )
            .with_detail(detail));
        }
        let id = self.take_id();
        if let Some(prev) = self.macros.get_mut(&info.name) {
            let (file, mark) = info
                .condition
                .first_origin()
                .unwrap_or_else(|| (info.file.clone(), info.context.mark()));
            prev.condition.push_str_at(" ", &file, mark);
            prev.condition.push(&info.condition);
            prev.visibility = id;
        }
        Ok(())
    }

    /// Falco's `find_prev_rule`: the different-source check.
    fn check_source(
        &self,
        name: &str,
        source: &str,
        ctx: &Context,
        file: &SourceFile,
    ) -> Result<(), Diagnostic> {
        if let Some(prev) = self.rules.get(name) {
            if !prev.source.is_empty() && !source.is_empty() && prev.source != source {
                return Err(Diagnostic::new(
                    ErrorCode::Validate,
                    "Rule has been re-defined with a different source",
                    ctx.clone(),
                    file,
                ));
            }
        }
        Ok(())
    }

    pub(crate) fn define_rule(
        &mut self,
        mut info: RuleInfo,
        catalog: &dyn SourceCatalog,
        result: &mut LoadResult,
    ) -> Result<(), Diagnostic> {
        self.check_source(&info.name, &info.source, &info.context, &info.file)?;
        let known = catalog.has_source(&info.source);
        if !known && catalog.unknown_source_is_error(&info.source) {
            return Err(Diagnostic::new(
                ErrorCode::Validate,
                format!(
                    "Unknown source {}: no event source of that name is registered (register it, or disable it to skip its rules)",
                    info.source
                ),
                info.context.clone(),
                &info.file,
            ));
        }
        if !known {
            info.unknown_source = true;
            result.push(Diagnostic::new(
                WarningCode::UnknownSource,
                format!("Unknown source {}, skipping", info.source),
                info.context.clone(),
                &info.file,
            ));
        }
        let source = info.source.clone();
        let check = |f: &str| catalog.is_valid_lhs_field(&source, f);
        for ex in &mut info.exceptions {
            if !ex.fields.is_valid() {
                return Err(exception_error(
                    ex,
                    "Rule exception item must have fields property with a list of fields".into(),
                ));
            }
            let checker: Option<&dyn Fn(&str) -> bool> = if known { Some(&check) } else { None };
            validate_exception(ex, checker).map_err(|m| exception_error(ex, m))?;
        }
        let id = self.take_id();
        info.visibility = id;
        match self.rules.get_mut(&info.name) {
            Some(prev) => {
                info.index = prev.index;
                *prev = info;
            }
            None => {
                info.index = id;
                let name = info.name.clone();
                self.rules.insert(&name, info);
            }
        }
        Ok(())
    }

    /// The source to validate exception fields against, for an update of an
    /// existing rule (`None`: unknown source, no field checks).
    fn update_source(
        &self,
        prev: &RuleInfo,
        catalog: &dyn SourceCatalog,
        upd: &RuleUpdate,
        file: &SourceFile,
    ) -> Result<Option<String>, Diagnostic> {
        if prev.unknown_source {
            return Ok(None);
        }
        if !catalog.has_source(&prev.source) {
            return Err(Diagnostic::new(
                ErrorCode::Validate,
                format!("Unknown source {}", prev.source),
                upd.context.clone(),
                file,
            ));
        }
        Ok(Some(prev.source.clone()))
    }

    pub(crate) fn append_rule(
        &mut self,
        upd: RuleUpdate,
        catalog: &dyn SourceCatalog,
        file: &Arc<SourceFile>,
    ) -> Result<(), Diagnostic> {
        self.check_source(&upd.name, &upd.source, &upd.context, file)?;
        let err = |m: &str| Diagnostic::new(ErrorCode::Validate, m, upd.context.clone(), file);
        let Some(prev) = self.rules.get(&upd.name) else {
            let detail = no_such_item(
                "rule",
                &upd.name,
                self.rules.entries.iter().map(|r| r.name.as_str()),
            );
            return Err(err(
                "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists",
            )
            .with_detail(detail));
        };
        if !upd.has_any_value() {
            return Err(err(
                "Appended rule must have exceptions or condition property",
            ));
        }
        let source = self.update_source(prev, catalog, &upd, file)?;
        let check = |f: &str| {
            source
                .as_deref()
                .is_none_or(|s| catalog.is_valid_lhs_field(s, f))
        };
        let mut exceptions = prev.exceptions.clone();
        for mut ex in upd.exceptions.clone().unwrap_or_default() {
            match exceptions.iter_mut().find(|e| e.name == ex.name) {
                None => {
                    if !ex.fields.is_valid() {
                        return Err(exception_error(
                            &ex,
                            "Rule exception must have fields property with a list of fields".into(),
                        ));
                    }
                    if ex.values.is_empty() {
                        return Err(exception_error(
                            &ex,
                            "Rule exception must have values property with a list of values".into(),
                        ));
                    }
                    let checker: Option<&dyn Fn(&str) -> bool> =
                        if source.is_some() { Some(&check) } else { None };
                    validate_exception(&mut ex, checker).map_err(|m| exception_error(&ex, m))?;
                    exceptions.push(ex);
                }
                Some(prev_ex) => {
                    if ex.fields.is_valid() {
                        return Err(exception_error(
                            &ex,
                            "Can not append exception fields to existing exception, only values"
                                .into(),
                        ));
                    }
                    if ex.comps.is_valid() {
                        return Err(exception_error(
                            &ex,
                            "Can not append exception comps to existing exception, only values"
                                .into(),
                        ));
                    }
                    prev_ex.values.extend(ex.values);
                }
            }
        }
        let id = self.take_id();
        let Some(prev) = self.rules.get_mut(&upd.name) else {
            return Ok(());
        };
        let join = |dst: &mut super::text::MappedText, add: &super::text::MappedText| {
            if add.is_empty() {
                return;
            }
            let (f, m) = add
                .first_origin()
                .unwrap_or_else(|| (file.clone(), upd.context.mark()));
            dst.push_str_at(" ", &f, m);
            dst.push(add);
        };
        if let Some(c) = &upd.condition {
            join(&mut prev.condition, c);
        }
        if let Some(o) = &upd.output {
            join(&mut prev.output, o);
        }
        if let Some(d) = &upd.desc {
            if !d.is_empty() {
                prev.desc.push(' ');
                prev.desc.push_str(d);
            }
        }
        if let Some(tags) = &upd.tags {
            prev.tags.extend(tags.iter().cloned());
        }
        prev.exceptions = exceptions;
        prev.visibility = id;
        Ok(())
    }

    pub(crate) fn replace_rule(
        &mut self,
        upd: RuleUpdate,
        catalog: &dyn SourceCatalog,
        file: &Arc<SourceFile>,
    ) -> Result<(), Diagnostic> {
        self.check_source(&upd.name, &upd.source, &upd.context, file)?;
        let err = |m: &str| Diagnostic::new(ErrorCode::Validate, m, upd.context.clone(), file);
        let Some(prev) = self.rules.get(&upd.name) else {
            let detail = no_such_item(
                "rule",
                &upd.name,
                self.rules.entries.iter().map(|r| r.name.as_str()),
            );
            return Err(err(
                "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists",
            )
            .with_detail(detail));
        };
        if !upd.has_any_value() {
            return Err(err(
                "The rule must have at least one field that can be replaced",
            ));
        }
        self.update_source(prev, catalog, &upd, file)?;
        let id = self.take_id();
        let Some(prev) = self.rules.get_mut(&upd.name) else {
            return Ok(());
        };
        if let Some(c) = upd.condition {
            prev.condition = c;
        }
        if let Some(o) = upd.output {
            prev.output = o;
        }
        if let Some(d) = upd.desc {
            prev.desc = d;
        }
        if let Some(t) = upd.tags {
            prev.tags = t;
        }
        if let Some(e) = upd.exceptions {
            // Falco quirk: replaced exceptions are neither validated nor
            // given default comps.
            prev.exceptions = e;
        }
        if let Some(p) = upd.priority {
            prev.priority = p;
        }
        if let Some(v) = upd.capture {
            prev.capture = v;
        }
        if let Some(v) = upd.capture_duration {
            prev.capture_duration = v;
        }
        if let Some(v) = upd.enabled {
            prev.enabled = v;
        }
        if let Some(v) = upd.warn_evttypes {
            prev.warn_evttypes = v;
        }
        if let Some(v) = upd.skip_if_unknown_filter {
            prev.skip_if_unknown_filter = v;
        }
        prev.visibility = id;
        Ok(())
    }

    pub(crate) fn enable_rule(
        &mut self,
        name: &str,
        enabled: bool,
        ctx: &Context,
        file: &SourceFile,
    ) -> Result<(), Diagnostic> {
        match self.rules.get_mut(name) {
            Some(prev) => {
                prev.enabled = enabled;
                Ok(())
            }
            None => Err(Diagnostic::new(
                ErrorCode::Validate,
                "Rule has 'enabled' key but no rule by that name already exists",
                ctx.clone(),
                file,
            )
            .with_detail(no_such_item(
                "rule",
                name,
                self.rules.entries.iter().map(|r| r.name.as_str()),
            ))),
        }
    }
}

impl RuleInfo {
    /// The condition with the exceptions appended as Falco does it
    /// (`(<cond>) and not ...`), each piece mapped to its file position.
    /// Errors are Falco's compile-time exception errors (`LOAD_ERR_VALIDATE`).
    pub fn condition_with_exceptions(&self) -> Result<super::text::MappedText, Diagnostic> {
        super::exceptions::exceptions_condition(&self.condition, &self.exceptions)
    }

    /// The fields of all exceptions (Falco's `exception_fields`), sorted.
    pub fn exception_fields(&self) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        for ex in &self.exceptions {
            match &ex.fields {
                super::items::ExceptionEntry::Value(f) => {
                    if !ex.values.is_empty() {
                        out.insert(f.clone());
                    }
                }
                super::items::ExceptionEntry::List(fs) => {
                    if !ex.values.is_empty() {
                        out.extend(fs.iter().map(|f| f.text().to_string()));
                    }
                }
            }
        }
        out
    }
}

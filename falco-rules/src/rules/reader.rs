//! The reader: YAML nodes to collector operations, with Falco's checks and
//! messages (§1.1–§1.9, §2.1).
//!
//! Each item is read completely before anything is collected; the first
//! error in an item skips that item, and reading goes on with the next one.
//! Warnings are kept even for skipped items.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::collect::{Collector, SourceCatalog};
use super::diag::{Code, Context, Diagnostic, ErrorCode, ItemType, LoadResult, WarningCode};
use super::items::{
    Exception, ExceptionEntry, ListInfo, MacroInfo, PluginVersion, Priority, RuleInfo, RuleUpdate,
    Version,
};
use super::text::MappedText;
use super::yaml::{parse_documents, Node, NodeKind, SourceFile};

const WARNING_APPEND: &str =
    "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
const WARNING_ENABLED: &str = "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').";
const ERROR_OVERRIDE_APPEND: &str = "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";

const RGX_IDENTIFIER: &str = "([a-zA-Z]+[a-zA-Z0-9_]*)";
const RGX_BARESTR: &str = "([^()\"'[:space:]=,]+)";

const RULE_APPENDABLE: [&str; 5] = ["condition", "output", "desc", "tags", "exceptions"];
const RULE_REPLACEABLE: [&str; 11] = [
    "condition",
    "output",
    "desc",
    "priority",
    "capture",
    "capture_duration",
    "tags",
    "exceptions",
    "enabled",
    "warn_evttypes",
    "skip-if-unknown-filter",
];

/// Full match of [`RGX_IDENTIFIER`].
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Full match of [`RGX_BARESTR`] (POSIX `[:space:]` is ASCII whitespace
/// including vertical tab and form feed).
fn is_bare_string(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(|c| {
            matches!(
                c,
                '(' | ')' | '"' | '\'' | '=' | ',' | ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'
            )
        })
}

/// Reads `file` into `col`, filing every diagnostic into `res`.
pub(crate) fn read_file(
    file: &Arc<SourceFile>,
    col: &mut Collector,
    catalog: &dyn SourceCatalog,
    res: &mut LoadResult,
) {
    let root = Context::root(file.name());
    let docs = match parse_documents(file) {
        Ok(docs) => docs,
        Err(e) => {
            // The message reads as yaml-cpp's `ParserException::what()`,
            // which tools match on: "yaml-cpp: error at line L, column C: ...".
            let message = format!(
                "yaml-cpp: error at line {}, column {}: {}",
                e.mark.line, e.mark.col, e.message
            );
            // The parser reports a tab at the start of the scalar it was
            // reading; point at the tab itself, on its own line.
            let tab = e
                .message
                .contains("tab")
                .then(|| file.text().get(e.mark.offset..)?.find('\t'))
                .flatten()
                .map(|rel| file.mark_at(e.mark.offset + rel));
            let d = match tab {
                Some(at) => Diagnostic::new(
                    ErrorCode::YamlParse,
                    message,
                    root.child(ItemType::ValueFor, "", at),
                    file,
                )
                .with_detail(format!(
                    "a tab character at line {}, column {}: YAML indents with spaces only",
                    at.line, at.col
                )),
                None => Diagnostic::new(
                    ErrorCode::YamlParse,
                    message,
                    root.child(ItemType::ValueFor, "", e.mark),
                    file,
                ),
            };
            res.push(d);
            return;
        }
    };
    let mut reader = Reader {
        file,
        col,
        catalog,
        res,
        root,
        deferred: Vec::new(),
    };
    for doc in &docs {
        let message = match &doc.kind {
            NodeKind::Null => continue,
            NodeKind::Seq(items) => {
                for item in items {
                    if item.is_null() {
                        continue;
                    }
                    if let Err(d) = reader.read_item(item) {
                        reader.res.push(d);
                    }
                    // Unknown-key warnings come last, as in Falco.
                    for d in std::mem::take(&mut reader.deferred) {
                        reader.res.push(d);
                    }
                }
                continue;
            }
            NodeKind::Map(_) => "Rules content is not yaml array of objects",
            NodeKind::Scalar(_) => "Rules content is not yaml",
        };
        let ctx = reader.root.child(ItemType::RulesContent, "", doc.start);
        let d = reader.error(ErrorCode::YamlValidate, message, ctx);
        reader.res.push(d);
    }
}

type R<T> = Result<T, Diagnostic>;

struct Reader<'a> {
    file: &'a Arc<SourceFile>,
    col: &'a mut Collector,
    catalog: &'a dyn SourceCatalog,
    res: &'a mut LoadResult,
    root: Context,
    /// Warnings to file after the current item's other diagnostics.
    deferred: Vec<Diagnostic>,
}

/// A decoded scalar value and its node.
struct Val<'n> {
    node: &'n Node,
    text: String,
    ctx: Context,
}

impl<'a> Reader<'a> {
    fn error(&self, code: ErrorCode, message: impl Into<String>, ctx: Context) -> Diagnostic {
        Diagnostic::new(code, message, ctx, self.file)
    }

    fn invalid(&self, message: impl Into<String>, ctx: &Context) -> Diagnostic {
        self.error(ErrorCode::YamlValidate, message, ctx.clone())
    }

    fn warn(&mut self, code: WarningCode, message: impl Into<String>, ctx: &Context) {
        let d = Diagnostic::new(Code::Warning(code), message, ctx.clone(), self.file);
        self.res.push(d);
    }

    fn mapped(&self, v: &Val<'_>) -> MappedText {
        MappedText::from_scalar(self.file, v.node, &v.text)
    }

    // ---- value decoding (Falco's decode_val_generic) ----------------------

    /// `Ok(None)`: missing and optional, or null/empty and allowed to be.
    fn scalar<'n>(
        &self,
        item: &'n Node,
        key: &str,
        ctx: &Context,
        optional: bool,
        can_be_empty: bool,
    ) -> R<Option<Val<'n>>> {
        let Some(val) = item.get(key) else {
            if optional {
                return Ok(None);
            }
            return Err(self.invalid(format!("Item has no mapping for key '{key}'"), ctx));
        };
        if val.is_null() {
            if can_be_empty {
                return Ok(None);
            }
            return Err(self.invalid(format!("Mapping for key '{key}' is empty"), ctx));
        }
        let vctx = ctx.child(ItemType::ValueFor, key, val.start);
        let Some(s) = val.as_scalar() else {
            return Err(self.invalid("Value is not a scalar value", &vctx));
        };
        if s.text.is_empty() {
            if can_be_empty {
                return Ok(None);
            }
            return Err(self.invalid("Value must be non-empty", &vctx));
        }
        Ok(Some(Val {
            node: val,
            text: s.text.clone(),
            ctx: vctx,
        }))
    }

    fn required<'n>(&self, item: &'n Node, key: &str, ctx: &Context) -> R<Val<'n>> {
        // `scalar` only returns Ok(None) for optional or can-be-empty values.
        self.scalar(item, key, ctx, false, false)?
            .ok_or_else(|| self.invalid(format!("Item has no mapping for key '{key}'"), ctx))
    }

    fn string(&self, item: &Node, key: &str, ctx: &Context) -> R<String> {
        Ok(self.required(item, key, ctx)?.text)
    }

    fn bool_of(&self, v: &Val<'_>) -> R<bool> {
        decode_bool(&v.text).ok_or_else(|| self.invalid("Can't decode YAML scalar value", &v.ctx))
    }

    fn u32_of(&self, v: &Val<'_>) -> R<u32> {
        decode_u32(&v.text).ok_or_else(|| self.invalid("Can't decode YAML scalar value", &v.ctx))
    }

    fn opt_bool(&self, item: &Node, key: &str, ctx: &Context) -> R<Option<bool>> {
        match self.scalar(item, key, ctx, true, false)? {
            Some(v) => self.bool_of(&v).map(Some),
            None => Ok(None),
        }
    }

    fn req_bool(&self, item: &Node, key: &str, ctx: &Context) -> R<bool> {
        let v = self.required(item, key, ctx)?;
        self.bool_of(&v)
    }

    fn opt_u32(&self, item: &Node, key: &str, ctx: &Context) -> R<Option<u32>> {
        match self.scalar(item, key, ctx, true, false)? {
            Some(v) => self.u32_of(&v).map(Some),
            None => Ok(None),
        }
    }

    /// Falco's `decode_seq`: a sequence of scalars.
    fn seq(&self, item: &Node, key: &str, ctx: &Context, optional: bool) -> R<Option<Vec<String>>> {
        let Some(val) = item.get(key) else {
            if optional {
                return Ok(None);
            }
            return Err(self.invalid(format!("Item has no mapping for key '{key}'"), ctx));
        };
        let vctx = ctx.child(ItemType::ValueFor, key, val.start);
        let Some(elems) = val.as_seq() else {
            return Err(self.invalid("Value is not a sequence", &vctx));
        };
        let mut out = Vec::with_capacity(elems.len());
        for v in elems {
            let Some(s) = v.as_scalar() else {
                let ictx = vctx.child(ItemType::ListItem, "", v.start);
                return Err(self.invalid("sequence value is not scalar", &ictx));
            };
            out.push(s.text.clone());
        }
        Ok(Some(out))
    }

    fn tags(&self, item: &Node, ctx: &Context) -> R<Option<BTreeSet<String>>> {
        Ok(self
            .seq(item, "tags", ctx, true)?
            .map(|v| v.into_iter().collect()))
    }

    /// Falco's `decode_overrides`: the keys to append and to replace.
    fn overrides(
        &self,
        item: &Node,
        appendable: &[&str],
        replaceable: &[&str],
        ctx: &Context,
    ) -> R<(BTreeSet<String>, BTreeSet<String>)> {
        let mut append = BTreeSet::new();
        let mut replace = BTreeSet::new();
        let Some(val) = item.get("override") else {
            return Ok((append, replace));
        };
        let octx = ctx.child(ItemType::Overrides, "", item.start);
        let pairs = match &val.kind {
            NodeKind::Null => return Ok((append, replace)),
            NodeKind::Map(pairs) => pairs,
            // Falco silently ignores a scalar here; a mapping is the only
            // meaningful shape, so we say so.
            _ => {
                let vctx = ctx.child(ItemType::ValueFor, "override", val.start);
                return Err(self.invalid("Value of override must be a mapping", &vctx));
            }
        };
        for (k, op) in pairs {
            let key = k.key_text();
            let operation = match &op.kind {
                NodeKind::Scalar(s) => s.text.clone(),
                NodeKind::Null => "null".to_string(),
                _ => op.key_text(),
            };
            let can_append = appendable.contains(&key.as_str());
            let can_replace = replaceable.contains(&key.as_str());
            let kctx = octx.child(ItemType::Overrides, key.clone(), k.start);
            match operation.as_str() {
                "append" => {
                    if !can_append {
                        return Err(self.invalid(
                            format!("Key '{key}' cannot be appended to, use 'replace' instead"),
                            &kctx,
                        ));
                    }
                    append.insert(key);
                }
                "replace" => {
                    if !can_replace {
                        return Err(self.invalid(format!("Key '{key}' cannot be replaced"), &kctx));
                    }
                    replace.insert(key);
                }
                _ => {
                    let mut msg = format!(
                        "Invalid override operation for key '{key}': '{operation}'. Allowed values are: "
                    );
                    if can_append {
                        msg.push_str("append ");
                    }
                    if can_replace {
                        msg.push_str("replace ");
                    }
                    let opctx = octx.child(ItemType::ValueFor, key, op.start);
                    return Err(self.invalid(msg, &opctx));
                }
            }
        }
        Ok((append, replace))
    }

    fn warn_unknown_keys(&mut self, item: &Node, expected: &[&str], ctx: &Context) {
        let Some(pairs) = item.as_map() else {
            return;
        };
        for (k, _) in pairs {
            let key = k.key_text();
            if !expected.contains(&key.as_str()) {
                self.deferred.push(Diagnostic::new(
                    WarningCode::UnknownKey,
                    format!("Unknown key '{key}'. The key will be ignored."),
                    ctx.clone(),
                    self.file,
                ));
            }
        }
    }

    // ---- items -------------------------------------------------------------

    fn read_item(&mut self, item: &Node) -> R<()> {
        if item.as_map().is_none() {
            let ctx = self.root.child(ItemType::RulesContentItem, "", item.start);
            return Err(self.invalid(
                "Unexpected element type. Each element should be a yaml associative array.",
                &ctx,
            ));
        }
        if item.has("required_engine_version") {
            self.read_engine_version(item)
        } else if item.has("required_plugin_versions") {
            self.read_plugin_versions(item)
        } else if item.has("list") {
            self.read_list(item)
        } else if item.has("macro") {
            self.read_macro(item)
        } else if item.has("rule") {
            self.read_rule(item)
        } else {
            let ctx = self.root.child(ItemType::RulesContentItem, "", item.start);
            self.warn(WarningCode::UnknownItem, "Unknown top level item", &ctx);
            Ok(())
        }
    }

    fn read_engine_version(&mut self, item: &Node) -> R<()> {
        let ctx = self
            .root
            .child(ItemType::RequiredEngineVersion, "", item.start);
        self.warn_unknown_keys(item, &["required_engine_version"], &ctx);
        let key = "required_engine_version";
        // Falco first tries an integer N (meaning 0.N.0), then a version string.
        let as_int = self
            .scalar(item, key, &ctx, false, false)
            .ok()
            .flatten()
            .and_then(|v| decode_u32(&v.text));
        let version = match as_int {
            Some(n) => Version::new(0, n, 0),
            None => {
                let text = self.string(item, key, &ctx)?;
                Version::parse(&text).ok_or_else(|| {
                    self.invalid(
                        format!("Unable to parse engine version '{text}' as a semver string. Expected \"x.y.z\" semver format."),
                        &ctx,
                    )
                })?
            }
        };
        self.col.define_engine_version(version, ctx, self.file)
    }

    fn read_plugin_versions(&mut self, item: &Node) -> R<()> {
        let rctx = self
            .root
            .child(ItemType::RequiredPluginVersions, "", item.start);
        self.warn_unknown_keys(item, &["required_plugin_versions"], &rctx);
        let val = item.get("required_plugin_versions");
        let ctx = self.root.child(
            ItemType::RequiredPluginVersions,
            "",
            val.map_or(item.start, |v| v.start),
        );
        let Some(entries) = val.and_then(Node::as_seq) else {
            return Err(self.invalid("Value of required_plugin_versions must be a sequence", &ctx));
        };
        for plugin in entries {
            let tmp = ctx.child(ItemType::RequiredPluginVersionsEntry, "", plugin.start);
            if plugin.as_map().is_none() {
                return Err(self.invalid("Plugin version must be a mapping", &tmp));
            }
            let name = self.string(plugin, "name", &tmp)?;
            let pctx = ctx.child(
                ItemType::RequiredPluginVersionsEntry,
                name.clone(),
                plugin.start,
            );
            let version = self.string(plugin, "version", &pctx)?;
            let mut alternatives = vec![PluginVersion { name, version }];
            if let Some(alts) = plugin.get("alternatives") {
                let Some(alts) = alts.as_seq() else {
                    return Err(self.invalid(
                        "Value of plugin version alternatives must be a sequence",
                        &pctx,
                    ));
                };
                for alt in alts {
                    let tmp =
                        pctx.child(ItemType::RequiredPluginVersionsAlternative, "", alt.start);
                    if alt.as_map().is_none() {
                        return Err(
                            self.invalid("Plugin version alternative must be a mapping", &tmp)
                        );
                    }
                    let name = self.string(alt, "name", &tmp)?;
                    let actx = pctx.child(
                        ItemType::RequiredPluginVersionsAlternative,
                        name.clone(),
                        alt.start,
                    );
                    let version = self.string(alt, "version", &actx)?;
                    alternatives.push(PluginVersion { name, version });
                }
            }
            self.col
                .define_plugin_requirement(alternatives, pctx, self.file)?;
        }
        Ok(())
    }

    fn read_list(&mut self, item: &Node) -> R<()> {
        let tmp = self.root.child(ItemType::List, "", item.start);
        let name = self.string(item, "list", &tmp)?;
        let ctx = self.root.child(ItemType::List, name.clone(), item.start);
        self.warn_unknown_keys(item, &["list", "items", "append", "override"], &ctx);
        if !is_bare_string(&name) {
            self.warn(
                WarningCode::InvalidListName,
                format!("List has an invalid name. List names should match a regular expression: {RGX_BARESTR}"),
                &ctx,
            );
        }
        let items = self.seq(item, "items", &ctx, false)?.unwrap_or_default();
        let mut append = self.opt_bool(item, "append", &ctx)?.unwrap_or(false);
        if append {
            self.warn(WarningCode::DeprecatedItem, WARNING_APPEND, &ctx);
        }
        let (ov_append, ov_replace) = self.overrides(item, &["items"], &["items"], &ctx)?;
        if append && !(ov_append.is_empty() && ov_replace.is_empty()) {
            return Err(self.invalid(ERROR_OVERRIDE_APPEND, &ctx));
        }
        append |= ov_append.contains("items");
        let info = ListInfo {
            name,
            items,
            index: 0,
            visibility: 0,
            context: ctx,
            file: self.file.clone(),
        };
        if append {
            self.col.append_list(info)
        } else {
            self.col.define_list(info);
            Ok(())
        }
    }

    fn read_macro(&mut self, item: &Node) -> R<()> {
        let tmp = self.root.child(ItemType::Macro, "", item.start);
        let name = self.string(item, "macro", &tmp)?;
        let ctx = self.root.child(ItemType::Macro, name.clone(), item.start);
        self.warn_unknown_keys(item, &["macro", "condition", "append", "override"], &ctx);
        if !is_identifier(&name) {
            self.warn(
                WarningCode::InvalidMacroName,
                format!("Macro has an invalid name. Macro names should match a regular expression: {RGX_IDENTIFIER}"),
                &ctx,
            );
        }
        let cond = self.required(item, "condition", &ctx)?;
        let condition = self.mapped(&cond);
        let condition_context = ctx.child(ItemType::MacroCondition, "", cond.node.start);
        let mut append = self.opt_bool(item, "append", &ctx)?.unwrap_or(false);
        if append {
            self.warn(WarningCode::DeprecatedItem, WARNING_APPEND, &ctx);
        }
        let (ov_append, ov_replace) = self.overrides(item, &["condition"], &["condition"], &ctx)?;
        if append && !(ov_append.is_empty() && ov_replace.is_empty()) {
            return Err(self.invalid(ERROR_OVERRIDE_APPEND, &ctx));
        }
        append |= ov_append.contains("condition");
        let info = MacroInfo {
            name,
            condition,
            index: 0,
            visibility: 0,
            context: ctx,
            condition_context,
            file: self.file.clone(),
        };
        if append {
            self.col.append_macro(info)
        } else {
            self.col.define_macro(info);
            Ok(())
        }
    }

    fn read_rule(&mut self, item: &Node) -> R<()> {
        let tmp = self.root.child(ItemType::Rule, "", item.start);
        let name = self.string(item, "rule", &tmp)?;
        let ctx = self.root.child(ItemType::Rule, name.clone(), item.start);
        self.warn_unknown_keys(
            item,
            &[
                "rule",
                "condition",
                "output",
                "desc",
                "priority",
                "source",
                "enabled",
                "capture",
                "capture_duration",
                "warn_evttypes",
                "skip-if-unknown-filter",
                "tags",
                "exceptions",
                "override",
                "append",
            ],
            &ctx,
        );
        let source = self
            .scalar(item, "source", &ctx, true, true)?
            .map(|v| v.text)
            .unwrap_or_default();
        let has_append_flag = self.opt_bool(item, "append", &ctx)?.unwrap_or(false);
        if has_append_flag {
            self.warn(WarningCode::DeprecatedItem, WARNING_APPEND, &ctx);
        }
        let (ov_append, ov_replace) =
            self.overrides(item, &RULE_APPENDABLE, &RULE_REPLACEABLE, &ctx)?;
        let has_overrides = !ov_append.is_empty() || !ov_replace.is_empty();
        if has_append_flag && has_overrides {
            return Err(self.invalid(ERROR_OVERRIDE_APPEND, &ctx));
        }
        if has_overrides {
            self.read_rule_overrides(item, &name, &source, &ctx, &ov_append, &ov_replace)
        } else if has_append_flag {
            let mut upd = RuleUpdate::new(&name, &source, ctx.clone());
            if item.has("condition") {
                let v = self.required(item, "condition", &ctx)?;
                upd.condition = Some(self.mapped(&v));
            }
            if item.has("exceptions") {
                upd.exceptions = Some(self.exceptions(item, &ctx, true)?);
            }
            self.col.append_rule(upd, self.catalog, self.file)
        } else if !["condition", "output", "desc", "priority"]
            .iter()
            .any(|k| item.has(k))
        {
            let enabled = self.req_bool(item, "enabled", &ctx)?;
            self.warn(WarningCode::DeprecatedItem, WARNING_ENABLED, &ctx);
            self.col.enable_rule(&name, enabled, &ctx, self.file)
        } else {
            let rule = self.read_full_rule(item, name, ctx)?;
            self.col.define_rule(rule, self.catalog, self.res)
        }
    }

    fn read_full_rule(&mut self, item: &Node, name: String, ctx: Context) -> R<RuleInfo> {
        let cond = self.required(item, "condition", &ctx)?;
        let condition = self.mapped(&cond);
        let condition_context = ctx.child(ItemType::RuleCondition, "", cond.node.start);
        let out = self.required(item, "output", &ctx)?;
        let output = trim_output(&self.mapped(&out));
        let output_context = ctx.child(ItemType::RuleOutput, "", out.node.start);
        let desc = self.string(item, "desc", &ctx)?;
        let prio = self.required(item, "priority", &ctx)?;
        let prictx = ctx.child(ItemType::RulePriority, "", prio.node.start);
        // A bad priority fails the load but does not hide the rule's other
        // errors: it is filed now and the rule read on (it never runs, the
        // load having failed).
        let priority: Priority = match prio.text.parse() {
            Ok(p) => p,
            Err(_) => {
                let d = self.invalid("Invalid priority", &prictx);
                self.res.push(d);
                Priority::Debug
            }
        };
        let source = match self.scalar(item, "source", &ctx, true, false)? {
            Some(v) => v.text,
            None => self.col.default_source().to_string(),
        };
        let enabled = self.opt_bool(item, "enabled", &ctx)?.unwrap_or(true);
        let capture = self.opt_bool(item, "capture", &ctx)?.unwrap_or(false);
        let capture_duration = self.opt_u32(item, "capture_duration", &ctx)?.unwrap_or(0);
        let warn_evttypes = self.opt_bool(item, "warn_evttypes", &ctx)?.unwrap_or(true);
        let skip_if_unknown_filter = self
            .opt_bool(item, "skip-if-unknown-filter", &ctx)?
            .unwrap_or(false);
        let tags = self.tags(item, &ctx)?.unwrap_or_default();
        let exceptions = self.exceptions(item, &ctx, false)?;
        Ok(RuleInfo {
            name,
            condition,
            output,
            desc,
            priority,
            source,
            unknown_source: false,
            enabled,
            tags,
            exceptions,
            warn_evttypes,
            skip_if_unknown_filter,
            capture,
            capture_duration,
            index: 0,
            visibility: 0,
            context: ctx,
            condition_context,
            output_context,
            file: self.file.clone(),
        })
    }

    fn read_rule_overrides(
        &mut self,
        item: &Node,
        name: &str,
        source: &str,
        ctx: &Context,
        ov_append: &BTreeSet<String>,
        ov_replace: &BTreeSet<String>,
    ) -> R<()> {
        // The overridable keys present in the item: each must be named under
        // `override`, and each key named there must be present.
        let mut expected: BTreeSet<&str> = RULE_APPENDABLE
            .iter()
            .chain(RULE_REPLACEABLE.iter())
            .copied()
            .filter(|k| item.has(k))
            .collect();
        let mut take = |set: &BTreeSet<String>, kind: &str, key: &str| -> R<bool> {
            if !set.contains(key) {
                return Ok(false);
            }
            if !expected.remove(key) {
                return Err(self.invalid(
                    format!(
                        "An {kind} override for '{key}' was specified but '{key}' is not defined"
                    ),
                    ctx,
                ));
            }
            Ok(true)
        };
        let mut wants = Vec::new();
        for key in ["condition", "exceptions", "output", "desc", "tags"] {
            if take(ov_append, "append", key)? {
                wants.push(("append", key));
            }
        }
        for key in [
            "condition",
            "exceptions",
            "output",
            "desc",
            "tags",
            "priority",
            "capture",
            "capture_duration",
            "enabled",
            "warn_evttypes",
            "skip-if-unknown-filter",
        ] {
            if take(ov_replace, "replace", key)? {
                wants.push(("replace", key));
            }
        }
        let mut append = RuleUpdate::new(name, source, ctx.clone());
        let mut replace = RuleUpdate::new(name, source, ctx.clone());
        for (kind, key) in wants {
            let is_append = kind == "append";
            let upd = if is_append { &mut append } else { &mut replace };
            match key {
                "condition" => {
                    let v = self.required(item, key, ctx)?;
                    upd.condition = Some(self.mapped(&v));
                }
                "exceptions" => upd.exceptions = Some(self.exceptions(item, ctx, is_append)?),
                "output" => {
                    let v = self.required(item, key, ctx)?;
                    upd.output = Some(self.mapped(&v));
                }
                "desc" => upd.desc = Some(self.string(item, key, ctx)?),
                "tags" => upd.tags = Some(self.tags(item, ctx)?.unwrap_or_default()),
                "priority" => {
                    let v = self.required(item, key, ctx)?;
                    let prictx = ctx.child(ItemType::RulePriority, "", v.node.start);
                    upd.priority = Some(
                        v.text
                            .parse()
                            .map_err(|_| self.invalid("Invalid priority", &prictx))?,
                    );
                }
                "capture" => upd.capture = Some(self.req_bool(item, key, ctx)?),
                "capture_duration" => {
                    let v = self.required(item, key, ctx)?;
                    upd.capture_duration = Some(self.u32_of(&v)?);
                }
                "enabled" => upd.enabled = Some(self.req_bool(item, key, ctx)?),
                "warn_evttypes" => upd.warn_evttypes = Some(self.req_bool(item, key, ctx)?),
                _ => upd.skip_if_unknown_filter = Some(self.req_bool(item, key, ctx)?),
            }
        }
        if let Some(key) = expected.into_iter().next() {
            let at = item.get(key).map_or(item.start, |n| n.start);
            let kctx = ctx.child(ItemType::Overrides, key, at);
            return Err(self.invalid(
                format!(
                    "Unexpected key '{key}': no corresponding entry under 'override' is defined."
                ),
                &kctx,
            ));
        }
        if !ov_append.is_empty() {
            self.col.append_rule(append, self.catalog, self.file)?;
        }
        if !ov_replace.is_empty() {
            self.col.replace_rule(replace, self.catalog, self.file)?;
        }
        Ok(())
    }

    // ---- exceptions --------------------------------------------------------

    fn exceptions(&mut self, item: &Node, parent: &Context, append: bool) -> R<Vec<Exception>> {
        let mut out: Vec<Exception> = Vec::new();
        let Some(exs) = item.get("exceptions") else {
            return Ok(out);
        };
        if exs.is_null() {
            return Ok(out);
        }
        let exes_ctx = parent.child(ItemType::Exceptions, "", exs.start);
        let Some(list) = exs.as_seq() else {
            return Err(self.error(
                ErrorCode::YamlValidate,
                "Rule exceptions must be a sequence",
                exes_ctx,
            ));
        };
        for ex in list {
            let tmp = exes_ctx.child(ItemType::Exception, "", ex.start);
            if ex.as_map().is_none() {
                return Err(self.invalid("Rule exception must be a mapping", &tmp));
            }
            let name = self.string(ex, "name", &tmp)?;
            let ex_ctx = parent.child(ItemType::Exception, name.clone(), ex.start);
            for prev in &out {
                if prev.name == name {
                    self.warn(
                        WarningCode::ExceptionNameNotUnique,
                        format!("Multiple definitions of exception '{name}' in the same rule"),
                        &ex_ctx,
                    );
                }
            }
            let fields = self.entry_at_key(ex, "fields", &ex_ctx, append)?;
            let comps = self.entry_at_key(ex, "comps", &ex_ctx, true)?;
            let mut values = Vec::new();
            match ex.get("values") {
                Some(vals) => {
                    let vals_ctx = ex_ctx.child(ItemType::ExceptionValues, "", vals.start);
                    let Some(vals) = vals.as_seq() else {
                        return Err(
                            self.invalid("Rule exception values must be a sequence", &vals_ctx)
                        );
                    };
                    for v in vals {
                        let vctx = vals_ctx.child(ItemType::ExceptionValue, "", v.start);
                        values.push(self.entry(v, "", &vctx)?);
                    }
                }
                None if append => self.warn(
                    WarningCode::AppendNoValues,
                    "Overriding/appending exception with no values",
                    &ex_ctx,
                ),
                None => {}
            }
            out.push(Exception {
                name,
                fields,
                comps,
                values,
                context: ex_ctx,
                file: self.file.clone(),
            });
        }
        Ok(out)
    }

    fn entry_at_key(
        &self,
        ex: &Node,
        key: &str,
        ctx: &Context,
        optional: bool,
    ) -> R<ExceptionEntry> {
        match ex.get(key) {
            Some(v) => self.entry(v, key, ctx),
            None if optional => Ok(ExceptionEntry::none()),
            None => Err(self.invalid(format!("Item has no mapping for key '{key}'"), ctx)),
        }
    }

    /// A scalar or (nested) sequence; anything else is the "not given" entry.
    fn entry(&self, val: &Node, key: &str, ctx: &Context) -> R<ExceptionEntry> {
        let vctx = ctx.child(ItemType::ValueFor, key, val.start);
        match &val.kind {
            NodeKind::Scalar(s) => {
                if s.text.is_empty() {
                    return Err(self.invalid("Value must be non-empty", &vctx));
                }
                Ok(ExceptionEntry::Value(s.text.clone()))
            }
            NodeKind::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    let lctx = vctx.child(ItemType::Exception, "", v.start);
                    out.push(self.entry(v, "", &lctx)?);
                }
                Ok(ExceptionEntry::List(out))
            }
            _ => Ok(ExceptionEntry::none()),
        }
    }
}

/// yaml-cpp's bool decoding: `y/yes/true/on` and `n/no/false/off`, written
/// all lower case, all upper case, or capitalized.
pub(crate) fn decode_bool(text: &str) -> Option<bool> {
    let flexible = {
        let mut chars = text.chars();
        match chars.next() {
            None => true,
            Some(first) => {
                let rest: Vec<char> = chars.collect();
                text.chars().all(|c| c.is_ascii_lowercase())
                    || (first.is_ascii_uppercase()
                        && (rest.iter().all(char::is_ascii_lowercase)
                            || rest.iter().all(char::is_ascii_uppercase)))
            }
        }
    };
    if !flexible {
        return None;
    }
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "on" => Some(true),
        "n" | "no" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// yaml-cpp's unsigned decoding (a C++ stream with the base detected from
/// the prefix): `0x1f` is hex, `017` octal, otherwise decimal; `+` allowed,
/// `-` rejected, trailing whitespace allowed, overflow rejected.
pub(crate) fn decode_u32(text: &str) -> Option<u32> {
    let t = text.trim_end_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let t = t.strip_prefix('+').unwrap_or(t);
    let (digits, radix) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (h, 16)
    } else if t.len() > 1 && t.starts_with('0') {
        (&t[1..], 8)
    } else {
        (t, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u32::from_str_radix(digits, radix).ok()
}

fn trim_output(text: &MappedText) -> MappedText {
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_decode_like_yaml_cpp() {
        for t in [
            "true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON",
        ] {
            assert_eq!(decode_bool(t), Some(true), "{t}");
        }
        for t in ["false", "False", "FALSE", "no", "NO", "n", "off", "OFF"] {
            assert_eq!(decode_bool(t), Some(false), "{t}");
        }
        for t in ["tRUE", "yEs", "1", "0", "", "enabled", "truee"] {
            assert_eq!(decode_bool(t), None, "{t}");
        }
    }

    #[test]
    fn unsigned_numbers_decode_like_a_cpp_stream() {
        assert_eq!(decode_u32("10000"), Some(10000));
        assert_eq!(decode_u32("+7"), Some(7));
        assert_eq!(decode_u32("0x10"), Some(16));
        assert_eq!(decode_u32("010"), Some(8));
        assert_eq!(decode_u32("0"), Some(0));
        assert_eq!(decode_u32("12 "), Some(12));
        for t in ["-1", "1.5", "4294967296", "abc", "", "0.57.0", "09"] {
            assert_eq!(decode_u32(t), None, "{t}");
        }
    }

    #[test]
    fn name_patterns_match_falco_regexes() {
        assert!(is_identifier("my_macro1"));
        assert!(!is_identifier("test-macro"));
        assert!(!is_identifier("_x"));
        assert!(!is_identifier("1x"));
        assert!(is_bare_string("my-list.v2"));
        assert!(is_bare_string("liste_é"));
        assert!(!is_bare_string("test list"));
        assert!(!is_bare_string("a=b"));
    }
}

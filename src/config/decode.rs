//! Reading the keys from the tree into a [`Config`], checking each.

use super::*;
pub(super) struct Decoder<'a> {
    pub(super) root: &'a Item,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
}

impl<'a> Decoder<'a> {
    fn error(&mut self, key: &str, item: &Item, message: String) {
        self.errors.push(Diagnostic {
            severity: Severity::Error,
            key: key.into(),
            message: format!("'{key}': {message}"),
            origin: item.origin.clone(),
        });
    }

    /// The scalar text at `key`: `None` when absent or null (the default
    /// stays), an error for a sequence or mapping.
    fn scalar(&mut self, key: &str) -> Option<(&'a str, &'a Item)> {
        let item = self.root.path(key)?;
        match &item.value {
            Value::Null => None,
            Value::Scalar(s) => Some((s.as_str(), item)),
            _ => {
                let t = item.type_name();
                self.error(key, item, format!("expected a single value, found {t}"));
                None
            }
        }
    }

    fn parse<T>(&mut self, key: &str, out: &mut T, f: impl Fn(&str) -> Result<T, String>) {
        if let Some((s, item)) = self.scalar(key) {
            match f(s) {
                Ok(v) => *out = v,
                Err(m) => self.error(key, item, m),
            }
        }
    }

    fn bool(&mut self, key: &str, out: &mut bool) {
        self.parse(key, out, parse_bool);
    }

    fn string(&mut self, key: &str, out: &mut String) {
        self.parse(key, out, |s| Ok(s.to_string()));
    }

    fn path(&mut self, key: &str, out: &mut PathBuf) {
        self.parse(key, out, |s| Ok(PathBuf::from(s)));
    }

    fn uint<T: TryFrom<u64>>(&mut self, key: &str, out: &mut T) {
        self.parse(key, out, |s| {
            let n = parse_uint(s)?;
            T::try_from(n).map_err(|_| format!("{n} is too large"))
        });
    }

    /// A sequence of strings, or one string (Falco reads a scalar as a
    /// one-item sequence).
    fn strings(&mut self, key: &str) -> Option<Vec<String>> {
        let item = self.root.path(key)?;
        match &item.value {
            Value::Null => Some(Vec::new()),
            Value::Scalar(s) => Some(vec![s.clone()]),
            Value::Seq(items) => {
                let mut out = Vec::new();
                for i in items {
                    match &i.value {
                        Value::Scalar(s) => out.push(s.clone()),
                        Value::Null => {}
                        _ => {
                            let t = i.type_name();
                            self.error(
                                key,
                                i,
                                format!("expected a list of paths, found {t} in it"),
                            );
                        }
                    }
                }
                Some(out)
            }
            Value::Map(_) => {
                self.error(
                    key,
                    item,
                    "expected a list of paths, found a mapping".into(),
                );
                None
            }
        }
    }

    /// The `rules:` section, as Falco's YAML decoder reads it: a sequence of
    /// `{enable|disable: {rule: NAME, tag: TAG}}` (a mapping or nothing gives
    /// no entries; `enable` wins when both are given).
    fn rule_selections(&mut self) -> Vec<RuleSelectionConfig> {
        let mut out = Vec::new();
        let Some(item) = self.root.get("rules") else {
            return out;
        };
        let items = match &item.value {
            Value::Seq(items) => items,
            Value::Null | Value::Map(_) => return out,
            Value::Scalar(_) => {
                self.error("rules", item, "expected a list of {enable: {rule: NAME}} or {disable: {tag: TAG}} entries, found a scalar".into());
                return out;
            }
        };
        for e in items {
            let (enable, body) = match (e.get("enable"), e.get("disable")) {
                (Some(b), _) => (true, b),
                (None, Some(b)) => (false, b),
                (None, None) => {
                    self.error(
                        "rules",
                        e,
                        "an entry must have 'enable' or 'disable'".into(),
                    );
                    continue;
                }
            };
            let text = |k: &str| match body.get(k).map(|i| &i.value) {
                Some(Value::Scalar(s)) => Some(s.clone()),
                None | Some(Value::Null) => Some(String::new()),
                _ => None,
            };
            match (text("rule"), text("tag")) {
                (Some(rule), Some(tag)) if !(rule.is_empty() && tag.is_empty()) => {
                    out.push(RuleSelectionConfig { enable, rule, tag });
                }
                _ => self.error(
                    "rules",
                    body,
                    "'enable' and 'disable' take a mapping with a 'rule' name or a 'tag'".into(),
                ),
            }
        }
        out
    }

    /// `append_output`, as Falco's YAML decoder reads it: a sequence of
    /// mappings (a mapping or nothing gives no entries, as after
    /// `-o append_output.suggested_output=false` on the stock file).
    fn append_outputs(&mut self) -> Option<Vec<AppendOutputConfig>> {
        let item = self.root.get("append_output")?;
        let items = match &item.value {
            Value::Seq(items) => items,
            Value::Null | Value::Map(_) => return Some(Vec::new()),
            Value::Scalar(_) => {
                self.error(
                    "append_output",
                    item,
                    "expected a list of mappings, found a scalar".into(),
                );
                return None;
            }
        };
        let mut out = Vec::new();
        for e in items {
            if !matches!(e.value, Value::Map(_)) {
                let t = e.type_name();
                self.error("append_output", e, format!("expected a mapping, found {t}"));
                continue;
            }
            let mut a = AppendOutputConfig::default();
            let scalar = |i: Option<&Item>| match i.map(|i| &i.value) {
                Some(Value::Scalar(s)) => s.clone(),
                _ => String::new(),
            };
            if let Some(m) = e.get("match") {
                a.source = scalar(m.get("source"));
                a.rule = scalar(m.get("rule"));
                if let Some(Value::Seq(tags)) = m.get("tags").map(|t| &t.value) {
                    a.tags = tags
                        .iter()
                        .filter_map(|t| match &t.value {
                            Value::Scalar(s) => Some(s.clone()),
                            _ => None,
                        })
                        .collect();
                }
            }
            a.extra_output = scalar(e.get("extra_output"));
            if let Some(Value::Scalar(v)) = e.get("suggested_output").map(|v| &v.value) {
                match parse_bool(v) {
                    Ok(b) => a.suggested_output = b,
                    Err(m) => self.error("append_output.suggested_output", e, m),
                }
            }
            a.has_extra_fields = e.get("extra_fields").is_some();
            for (on, key) in [
                (a.suggested_output, "suggested_output"),
                (a.has_extra_fields, "extra_fields"),
            ] {
                if on {
                    let at = e
                        .get(key)
                        .map_or(e.origin.clone(), |i| i.key_origin.clone());
                    self.warnings.push(Diagnostic {
                        severity: Severity::Warning,
                        key: format!("append_output.{key}"),
                        message: format!("'append_output.{key}' is a Falco setting this build does not implement; ignored"),
                        origin: at,
                    });
                }
            }
            if !a.rule.is_empty() && !a.tags.is_empty() {
                // Falco's warning, typo and trailing comma included.
                let mut tag_list: String = a.tags.iter().map(|t| format!("{t}, ")).collect();
                tag_list.pop();
                self.warnings.push(Diagnostic {
                    severity: Severity::Warning,
                    key: "append_output".into(),
                    message: format!(
                        "An append_ouptut entry specifies both a rule ({r}) and a list of tags ({tag_list}). This means that output will be appended only to the {r} rule and only if it has all the tags: {tag_list}.",
                        r = a.rule
                    ),
                    origin: e.origin.clone(),
                });
            }
            out.push(a);
        }
        Some(out)
    }

    /// `plugins` filtered by `load_plugins`, as Falco reads them: without
    /// `load_plugins` every entry loads in file order; with it, the entries
    /// it names in its order, and a name with no entry is an error.
    fn plugins(&mut self) -> Vec<PluginConfig> {
        let mut all = Vec::new();
        if let Some(item) = self.root.get("plugins") {
            match &item.value {
                Value::Null => {}
                Value::Seq(items) => {
                    for e in items {
                        if let Some(p) = self.plugin_entry(e) {
                            all.push(p);
                        }
                    }
                }
                _ => {
                    let t = item.type_name();
                    self.error(
                        "plugins",
                        item,
                        format!("expected a list of plugin entries, found {t}"),
                    );
                }
            }
        }
        if self.root.get("load_plugins").is_none() {
            return all;
        }
        let names = self.strings("load_plugins").unwrap_or_default();
        let mut out = Vec::new();
        for n in names {
            match all.iter().find(|p| p.name == n) {
                Some(p) => out.push(p.clone()),
                None => {
                    let item = self.root.get("load_plugins").unwrap_or(self.root);
                    self.error(
                        "load_plugins",
                        item,
                        format!("Cannot load plugin '{n}': plugin config not found for given name"),
                    );
                }
            }
        }
        out
    }

    fn plugin_entry(&mut self, e: &Item) -> Option<PluginConfig> {
        if !matches!(e.value, Value::Map(_)) {
            let t = e.type_name();
            self.error("plugins", e, format!("expected a mapping, found {t}"));
            return None;
        }
        let text = |i: Option<&Item>| match i.map(|i| &i.value) {
            Some(Value::Scalar(s)) => Some(s.clone()),
            _ => None,
        };
        let Some(name) = text(e.get("name")) else {
            self.error("plugins", e, "a plugin entry has no 'name'".into());
            return None;
        };
        let Some(library_path) = text(e.get("library_path")) else {
            self.error(
                "plugins",
                e,
                format!("plugin '{name}' has no 'library_path'"),
            );
            return None;
        };
        let init_config = match e.get("init_config") {
            None => String::new(),
            Some(i) => match &i.value {
                Value::Null => String::new(),
                Value::Scalar(s) => s.clone(),
                Value::Map(_) => to_json(i).to_string(),
                Value::Seq(_) => {
                    self.error(
                        "plugins.init_config",
                        i,
                        format!("plugin '{name}': init_config must be a mapping or a string"),
                    );
                    String::new()
                }
            },
        };
        let open_params = text(e.get("open_params"))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        Some(PluginConfig {
            name,
            library_path,
            init_config,
            open_params,
        })
    }

    /// Warns about every key of `item` (at dotted `prefix`) that is unknown or
    /// not implemented, and about repeated keys.
    fn check_keys(&mut self, item: &Item, prefix: &str) {
        for (k, o) in &item.duplicates {
            let path = join(prefix, k);
            self.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: path.clone(),
                message: format!("'{path}' is repeated; the first value is used"),
                origin: o.clone(),
            });
        }
        let Value::Map(pairs) = &item.value else {
            return;
        };
        for (k, v) in pairs {
            let path = join(prefix, k);
            let message = match known(&path) {
                Some(Known::Ours) => continue,
                Some(Known::Section) => {
                    if matches!(v.value, Value::Map(_)) {
                        self.check_keys(v, &path);
                    } else if !matches!(v.value, Value::Null) {
                        let t = v.type_name();
                        self.error(&path, v, format!("expected a mapping, found {t}"));
                    }
                    continue;
                }
                Some(Known::FalcoOnly) => {
                    format!("'{path}' is a Falco setting this build does not implement; ignored")
                }
                None => format!("unknown key '{path}'; ignored"),
            };
            self.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: path,
                message,
                origin: v.key_origin.clone(),
            });
        }
    }
}

/// A YAML value as JSON, the way Falco hands a mapping `init_config` to a
/// plugin: `true`/`false`, integers and decimals become JSON booleans and
/// numbers, `null`/`~` null, anything else a string.
fn to_json(item: &Item) -> serde_json::Value {
    use serde_json::Value as J;
    match &item.value {
        Value::Null => J::Null,
        Value::Scalar(s) => match s.as_str() {
            "true" => J::Bool(true),
            "false" => J::Bool(false),
            "null" | "~" => J::Null,
            _ => {
                if let Ok(n) = s.parse::<i64>() {
                    J::from(n)
                } else if let Ok(n) = s.parse::<u64>() {
                    J::from(n)
                } else if let Some(n) = s
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .and_then(serde_json::Number::from_f64)
                {
                    J::Number(n)
                } else {
                    J::String(s.clone())
                }
            }
        },
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(pairs) => {
            J::Object(pairs.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

pub(super) fn join(prefix: &str, k: &str) -> String {
    if prefix.is_empty() {
        k.to_string()
    } else {
        format!("{prefix}.{k}")
    }
}

/// yaml-cpp's booleans: `true/false`, `yes/no`, `on/off`, `y/n`, in any case.
pub(super) fn parse_bool(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "y" => Ok(true),
        "false" | "no" | "off" | "n" => Ok(false),
        _ => Err(format!("expected a boolean (true or false), found '{s}'")),
    }
}

/// A non-negative integer: decimal, or hexadecimal with `0x`.
pub(super) fn parse_uint(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let r = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16),
        None => t.strip_prefix('+').unwrap_or(t).parse(),
    };
    r.map_err(|_| format!("expected a non-negative integer, found '{s}'"))
}

/// A YAML floating-point number (`.1`, `1e-3`, `.inf`, ...).
pub(super) fn parse_double(s: &str) -> Result<f64, String> {
    let t = s.trim();
    let v = match t.to_ascii_lowercase().as_str() {
        ".inf" | "+.inf" => Ok(f64::INFINITY),
        "-.inf" => Ok(f64::NEG_INFINITY),
        ".nan" => Ok(f64::NAN),
        _ => t.parse::<f64>(),
    };
    v.map_err(|_| format!("expected a number, found '{s}'"))
}

pub(super) fn parse_priority(s: &str) -> Result<Priority, String> {
    s.parse().map_err(|_| {
        format!(
            "Unknown priority \"{s}\"--must be one of emergency, alert, critical, error, warning, notice, informational, debug"
        )
    })
}

pub(super) fn decode(root: &Item) -> Result<Loaded, ConfigError> {
    let mut c = Config::default();
    let mut d = Decoder {
        root,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    d.check_keys(root, "");

    // rules_files, or the deprecated rules_file.
    match (root.get("rules_files"), root.get("rules_file")) {
        (Some(_), Some(old)) => {
            d.error(
                "rules_file",
                old,
                "both 'rules_files' and 'rules_file' keys set".into(),
            );
        }
        (_, Some(old)) => {
            d.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: "rules_file".into(),
                message: "Using deprecated config key 'rules_file' (singular form). Please use new 'rules_files' config key (plural form).".into(),
                origin: old.key_origin.clone(),
            });
            if let Some(v) = d.strings("rules_file") {
                c.rules_files = v.into_iter().map(PathBuf::from).collect();
            }
        }
        _ => {
            if let Some(v) = d.strings("rules_files") {
                c.rules_files = v.into_iter().map(PathBuf::from).collect();
            }
        }
    }

    d.bool("json_output", &mut c.json_output);
    d.bool(
        "json_include_output_property",
        &mut c.json_include_output_property,
    );
    d.bool(
        "json_include_tags_property",
        &mut c.json_include_tags_property,
    );
    d.bool(
        "json_include_message_property",
        &mut c.json_include_message_property,
    );
    d.bool(
        "json_include_output_fields_property",
        &mut c.json_include_output_fields_property,
    );
    d.bool("time_format_iso_8601", &mut c.time_format_iso_8601);
    d.parse("priority", &mut c.priority, parse_priority);
    d.parse("rule_matching", &mut c.rule_matching, |s| match s {
        "first" => Ok(RuleMatching::First),
        "all" => Ok(RuleMatching::All),
        _ => Err(format!(
            "Unknown rule matching strategy \"{s}\"--must be one of first, all"
        )),
    });
    d.bool("buffered_outputs", &mut c.buffered_outputs);
    d.uint("output_timeout", &mut c.output_timeout);
    let m = &mut c.metrics;
    d.bool("metrics.enabled", &mut m.enabled);
    d.parse("metrics.interval", &mut m.interval, |s| {
        let i = crate::metrics::parse_interval(s)?;
        if i < std::time::Duration::from_millis(100) {
            return Err(format!("'{s}' is below the minimum interval of 100ms"));
        }
        Ok(i)
    });
    d.bool("metrics.output_rule", &mut m.output_rule);
    d.string("metrics.output_file", &mut m.output_file);
    d.bool(
        "metrics.rules_counters_enabled",
        &mut m.rules_counters_enabled,
    );
    d.bool(
        "metrics.resource_utilization_enabled",
        &mut m.resource_utilization_enabled,
    );
    d.bool(
        "metrics.kernel_event_counters_enabled",
        &mut m.kernel_event_counters_enabled,
    );
    d.bool("metrics.convert_memory_to_mb", &mut m.convert_memory_to_mb);
    d.bool("metrics.include_empty_values", &mut m.include_empty_values);
    d.uint("outputs_queue.capacity", &mut c.outputs_queue.capacity);
    let l = &mut c.falco_libs;
    d.uint("falco_libs.thread_table_size", &mut l.thread_table_size);
    d.uint(
        "falco_libs.thread_table_auto_purging_interval_s",
        &mut l.thread_table_auto_purging_interval_s,
    );
    d.uint(
        "falco_libs.thread_table_auto_purging_thread_timeout_s",
        &mut l.thread_table_auto_purging_thread_timeout_s,
    );

    d.bool("stdout_output.enabled", &mut c.stdout_output.enabled);
    d.bool("syslog_output.enabled", &mut c.syslog_output.enabled);

    let f = &mut c.file_output;
    d.bool("file_output.enabled", &mut f.enabled);
    d.bool("file_output.keep_alive", &mut f.keep_alive);
    d.path("file_output.filename", &mut f.filename);
    if f.enabled && f.filename.as_os_str().is_empty() {
        let item = root.path("file_output").unwrap_or(root);
        d.error(
            "file_output.filename",
            item,
            "file output enabled but no filename in configuration block".into(),
        );
    }

    let p = &mut c.program_output;
    d.bool("program_output.enabled", &mut p.enabled);
    d.bool("program_output.keep_alive", &mut p.keep_alive);
    d.string("program_output.program", &mut p.program);
    if p.enabled && p.program.is_empty() {
        let item = root.path("program_output").unwrap_or(root);
        d.error(
            "program_output.program",
            item,
            "program output enabled but no program in configuration block".into(),
        );
    }

    let h = &mut c.http_output;
    d.bool("http_output.enabled", &mut h.enabled);
    d.string("http_output.url", &mut h.url);
    d.string("http_output.user_agent", &mut h.user_agent);
    d.bool("http_output.insecure", &mut h.insecure);
    d.string("http_output.ca_cert", &mut h.ca_cert);
    d.string("http_output.ca_bundle", &mut h.ca_bundle);
    d.string("http_output.ca_path", &mut h.ca_path);
    d.bool("http_output.mtls", &mut h.mtls);
    d.string("http_output.client_cert", &mut h.client_cert);
    d.string("http_output.client_key", &mut h.client_key);
    d.bool("http_output.echo", &mut h.echo);
    d.bool("http_output.compress_uploads", &mut h.compress_uploads);
    d.bool("http_output.keep_alive", &mut h.keep_alive);
    d.uint(
        "http_output.max_consecutive_timeouts",
        &mut h.max_consecutive_timeouts,
    );
    if h.enabled {
        let item = root
            .path("http_output.url")
            .or_else(|| root.path("http_output"))
            .unwrap_or(root);
        if h.url.is_empty() {
            d.error(
                "http_output.url",
                item,
                "http output enabled but no url in configuration block".into(),
            );
        } else if let Err(m) = crate::outputs::http::HttpTarget::parse(&h.url) {
            d.error("http_output.url", item, m);
        }
    }

    let e = &mut c.engine;
    d.parse("engine.kind", &mut e.kind, |s| match s {
        "modern_ebpf" => Ok(EngineKind::ModernEbpf),
        "kmod" => Ok(EngineKind::Kmod),
        "replay" => Ok(EngineKind::Replay),
        "nodriver" => Ok(EngineKind::NoDriver),
        _ => Err(format!(
            "'{s}' is not a valid kind (modern_ebpf, kmod, replay, nodriver)"
        )),
    });
    d.uint("engine.kmod.buf_size_preset", &mut e.kmod.buf_size_preset);
    d.bool("engine.kmod.drop_failed_exit", &mut e.kmod.drop_failed_exit);
    d.uint(
        "engine.modern_ebpf.cpus_for_each_buffer",
        &mut e.modern_ebpf.cpus_for_each_buffer,
    );
    d.uint(
        "engine.modern_ebpf.buf_size_preset",
        &mut e.modern_ebpf.buf_size_preset,
    );
    d.bool(
        "engine.modern_ebpf.drop_failed_exit",
        &mut e.modern_ebpf.drop_failed_exit,
    );
    d.bool("engine.modern_ebpf.prefilter", &mut e.modern_ebpf.prefilter);
    d.path("engine.replay.capture_file", &mut e.replay.capture_file);
    d.uint("engine.replay.threads", &mut e.replay.threads);
    if e.kind == EngineKind::Replay && e.replay.capture_file.as_os_str().is_empty() {
        let item = root.path("engine.kind").unwrap_or(root);
        d.error(
            "engine.replay.capture_file",
            item,
            "engine.kind is 'replay' but no engine.replay.capture_file specified".into(),
        );
    }

    let mut preset: u16 = 0;
    if d.scalar("syscall_buf_size_preset").is_some() {
        d.uint("syscall_buf_size_preset", &mut preset);
        c.syscall_buf_size_preset = Some(preset);
        if let Some(item) = root.get("syscall_buf_size_preset") {
            d.warnings.push(Diagnostic {
                severity: Severity::Warning,
                key: "syscall_buf_size_preset".into(),
                message:
                    "'syscall_buf_size_preset' is deprecated: use engine.<kind>.buf_size_preset"
                        .into(),
                origin: item.key_origin.clone(),
            });
        }
        if root.path("engine.kmod.buf_size_preset").is_none() {
            c.engine.kmod.buf_size_preset = preset;
        }
        if root.path("engine.modern_ebpf.buf_size_preset").is_none() {
            c.engine.modern_ebpf.buf_size_preset = preset;
        }
    }

    let w = &mut c.webserver;
    d.bool("webserver.enabled", &mut w.enabled);
    d.bool("webserver.ssl_enabled", &mut w.ssl_enabled);
    d.path("webserver.ssl_certificate", &mut w.ssl_certificate);
    d.uint("webserver.listen_port", &mut w.listen_port);
    d.parse("webserver.listen_address", &mut w.listen_address, |s| {
        s.parse()
            .map_err(|_| format!("webserver listen address \"{s}\" is not a valid IP address"))
    });
    d.string(
        "webserver.k8s_healthz_endpoint",
        &mut w.k8s_healthz_endpoint,
    );
    d.bool(
        "webserver.prometheus_metrics_enabled",
        &mut w.prometheus_metrics_enabled,
    );

    d.parse("log_level", &mut c.log_level, |s| match s {
        "emergency" => Ok(Priority::Emergency),
        "alert" => Ok(Priority::Alert),
        "critical" => Ok(Priority::Critical),
        "error" => Ok(Priority::Error),
        "warning" => Ok(Priority::Warning),
        "notice" => Ok(Priority::Notice),
        "info" => Ok(Priority::Informational),
        "debug" => Ok(Priority::Debug),
        _ => Err(format!(
            "Unknown log level {s} (emergency, alert, critical, error, warning, notice, info, debug)"
        )),
    });
    d.bool("log_stderr", &mut c.log_stderr);
    d.bool("log_syslog", &mut c.log_syslog);
    let cap = &mut c.capture;
    d.bool("capture.enabled", &mut cap.enabled);
    d.string("capture.path_prefix", &mut cap.path_prefix);
    d.parse("capture.mode", &mut cap.mode, |s| match s {
        "rules" => Ok(CaptureMode::Rules),
        "all_rules" => Ok(CaptureMode::AllRules),
        _ => Err(format!("capture.mode '{s}' is not a valid mode.")),
    });
    d.uint("capture.default_duration", &mut cap.default_duration);
    d.uint("capture.max_file_size_mb", &mut cap.max_file_size_mb);
    c.rules = d.rule_selections();
    c.plugins = d.plugins();
    if let Some(a) = d.append_outputs() {
        c.append_output = a;
    }

    let sd = &mut c.syscall_event_drops;
    if let Some(acts) = d.strings("syscall_event_drops.actions") {
        let item = root.path("syscall_event_drops.actions").unwrap_or(root);
        let mut set = Vec::new();
        for a in acts {
            let act = match a.as_str() {
                "ignore" => DropAction::Ignore,
                "log" => DropAction::Log,
                "alert" => DropAction::Alert,
                "exit" => DropAction::Exit,
                _ => {
                    d.error("syscall_event_drops.actions", item, "available actions for syscall event drops are \"ignore\", \"log\", \"alert\", and \"exit\"".into());
                    continue;
                }
            };
            // Falco checks `log` and `alert` against an earlier `ignore`
            // only.
            if matches!(act, DropAction::Log | DropAction::Alert)
                && set.contains(&DropAction::Ignore)
            {
                d.error("syscall_event_drops.actions", item, format!("syscall event drop action \"{a}\" does not make sense with the \"ignore\" action"));
            }
            if !set.contains(&act) {
                set.push(act);
            }
        }
        if set.is_empty() {
            set.push(DropAction::Ignore);
        }
        set.sort();
        sd.actions = set;
    }
    d.parse(
        "syscall_event_drops.threshold",
        &mut sd.threshold,
        parse_double,
    );
    if !(0.0..=1.0).contains(&sd.threshold) {
        let item = root.path("syscall_event_drops.threshold").unwrap_or(root);
        d.error(
            "syscall_event_drops.threshold",
            item,
            "syscall event drops threshold must be a double in the range [0, 1]".into(),
        );
    }
    d.parse("syscall_event_drops.rate", &mut sd.rate, parse_double);
    d.parse(
        "syscall_event_drops.max_burst",
        &mut sd.max_burst,
        parse_double,
    );
    d.bool("syscall_event_drops.simulate_drops", &mut sd.simulate_drops);

    if d.errors.is_empty() {
        Ok(Loaded {
            config: c,
            warnings: d.warnings,
            tree: root.to_json(),
        })
    } else {
        d.errors.sort_by_key(|e| origin_order(&e.origin));
        Err(ConfigError { errors: d.errors })
    }
}

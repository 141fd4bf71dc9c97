//! `falco lsp`: a language server for Falco rules files, over stdio.
//!
//! It answers with the same loader the daemon uses, so an editor shows what
//! `falco -V` would say, as you type:
//!
//! - **diagnostics**: every error and warning of the document, each with its
//!   range, after loading the files of the configured load order that come
//!   before it (so a local file is checked against the stock rules);
//! - **hover**: on a field, its type and description from the source's
//!   catalog; on a macro or list, its definition and every file that
//!   defines, overrides or appends it;
//! - **go to definition** and **find references** for macros, lists and
//!   rules, across the files of the load order;
//! - **completion** of fields, macros, lists, operators and priorities;
//! - **document symbols**: the rules, macros and lists of the document.
//!
//! The load order comes from the client's `initializationOptions`:
//! `{"rules_files": ["/etc/falco/falco_rules.yaml", "/etc/falco/falco_rules.local.yaml"]}`.
//! A document not in the list is loaded after all of them. Open documents
//! are read from the editor's buffers, the others from disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use falco_events::SyscallSource;
use falco_k8saudit::K8sAuditSource;
use falco_rules::engine::{Engine, UnknownSources};
use falco_rules::rules::{Diagnostic, OPERATORS};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References, Request as _,
};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, DiagnosticSeverity,
    DocumentSymbolResponse, GotoDefinitionResponse, Hover, HoverContents, HoverProviderCapability,
    InitializeParams, Location, MarkupContent, MarkupKind, OneOf, Position,
    PublishDiagnosticsParams, Range, ServerCapabilities, SymbolInformation, SymbolKind,
    TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};
use serde_json::Value as Json;

/// Why the server stopped with an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LspError {
    /// The JSON-RPC connection failed.
    #[error("language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// A message could not be encoded or decoded.
    #[error("language server message: {0}")]
    Json(#[from] serde_json::Error),
    /// The client went away mid-message.
    #[error("language server connection closed: {0}")]
    Send(String),
}

/// `falco lsp`: serves on stdin/stdout until the client exits.
pub fn main() -> ExitCode {
    let (connection, io) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    let joined = io.join();
    match (result, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("falco lsp: {e}");
            ExitCode::from(1)
        }
        (_, Err(e)) => {
            eprintln!("falco lsp: {e}");
            ExitCode::from(1)
        }
    }
}

/// The capabilities the server announces.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(lsp_types::CompletionOptions::default()),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Runs the protocol on `connection`: the initialize handshake, then
/// requests and notifications until `shutdown`.
pub fn serve(connection: &Connection) -> Result<(), LspError> {
    let caps = serde_json::to_value(capabilities())?;
    let init = connection.initialize(caps)?;
    let params: InitializeParams = serde_json::from_value(init)?;
    let mut server = Server::new(load_order(params.initialization_options.as_ref()));
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                let resp = server.request(req);
                send(connection, Message::Response(resp))?;
            }
            Message::Notification(n) => {
                for out in server.notification(n) {
                    send(connection, Message::Notification(out))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(connection: &Connection, msg: Message) -> Result<(), LspError> {
    connection
        .sender
        .send(msg)
        .map_err(|e| LspError::Send(e.to_string()))
}

fn load_order(options: Option<&Json>) -> Vec<PathBuf> {
    options
        .and_then(|o| o.get("rules_files"))
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Json::as_str)
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default()
}

/// The server's state: the load order and the open documents.
struct Server {
    order: Vec<PathBuf>,
    open: HashMap<PathBuf, String>,
}

/// One file as loaded for an analysis.
struct File {
    path: PathBuf,
    text: String,
}

/// An analysis of one document: the engine after loading the files up to
/// it, the files, and the document's diagnostics.
struct Analysis {
    engine: Engine,
    files: Vec<File>,
    diagnostics: Vec<Diagnostic>,
}

impl Server {
    fn new(order: Vec<PathBuf>) -> Server {
        Server {
            order,
            open: HashMap::new(),
        }
    }

    fn text_of(&self, path: &Path) -> String {
        match self.open.get(path) {
            Some(t) => t.clone(),
            None => std::fs::read_to_string(path).unwrap_or_default(),
        }
    }

    /// Loads the files of the load order up to `doc` (all of them and then
    /// `doc` when it is not in the order).
    fn analyze(&self, doc: &Path) -> Analysis {
        let mut engine = Engine::builder()
            .source(SyscallSource::new())
            .source(K8sAuditSource::new())
            .unknown_sources(UnknownSources::Skip)
            .build();
        let mut paths: Vec<PathBuf> = Vec::new();
        match self.order.iter().position(|p| p == doc) {
            Some(i) => paths.extend(self.order[..=i].iter().cloned()),
            None => {
                paths.extend(self.order.iter().cloned());
                paths.push(doc.to_path_buf());
            }
        }
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        let name = doc.display().to_string();
        for p in paths {
            let text = self.text_of(&p);
            let r = engine.load_str(&p.display().to_string(), &text);
            diagnostics.extend(
                r.errors
                    .into_iter()
                    .chain(r.warnings)
                    .filter(|d| d.position().0 == name),
            );
            files.push(File { path: p, text });
        }
        Analysis {
            engine,
            files,
            diagnostics,
        }
    }

    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let path = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let Some(path) = to_path(&p.text_document.uri) else {
                    return Vec::new();
                };
                self.open.insert(path.clone(), p.text_document.text);
                path
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let Some(path) = to_path(&p.text_document.uri) else {
                    return Vec::new();
                };
                if let Some(c) = p.content_changes.into_iter().last() {
                    self.open.insert(path.clone(), c.text);
                }
                path
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    if let Some(path) = to_path(&p.text_document.uri) {
                        self.open.remove(&path);
                    }
                }
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        // Every open document may depend on the one that changed.
        let mut docs: Vec<PathBuf> = self.open.keys().cloned().collect();
        docs.sort();
        if !docs.contains(&path) {
            docs.push(path);
        }
        docs.iter()
            .filter_map(|d| {
                let a = self.analyze(d);
                let uri = Url::from_file_path(d).ok()?;
                let text = self.text_of(d);
                let params = PublishDiagnosticsParams {
                    uri,
                    diagnostics: a.diagnostics.iter().map(|x| to_lsp(x, &text)).collect(),
                    version: None,
                };
                Some(Notification::new(
                    PublishDiagnostics::METHOD.to_string(),
                    params,
                ))
            })
            .collect()
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => serde_json::from_value(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.hover(p))),
            GotoDefinition::METHOD => serde_json::from_value(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.definition(p))),
            References::METHOD => serde_json::from_value(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.references(p))),
            Completion::METHOD => serde_json::from_value(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.completion(p))),
            DocumentSymbolRequest::METHOD => serde_json::from_value(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.symbols(p))),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("unsupported request {}", req.method),
                )
            }
        };
        match result {
            Some(Ok(v)) => Response::new_ok(id, v),
            _ => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                "invalid parameters".into(),
            ),
        }
    }

    /// The document's path and the word under the cursor.
    fn word_at(&self, doc: &lsp_types::TextDocumentPositionParams) -> Option<(PathBuf, String)> {
        let path = to_path(&doc.text_document.uri)?;
        let text = self.text_of(&path);
        let line = text.lines().nth(doc.position.line as usize)?;
        let chars: Vec<char> = line.chars().collect();
        let at = (doc.position.character as usize).min(chars.len());
        let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']');
        let mut start = at;
        while start > 0 && is_word(chars[start - 1]) {
            start -= 1;
        }
        let mut end = at;
        while end < chars.len() && is_word(chars[end]) {
            end += 1;
        }
        let word: String = chars[start..end].iter().collect();
        let word = word.trim_end_matches(['.', '-']).to_string();
        (!word.is_empty()).then_some((path, word))
    }

    fn hover(&self, p: lsp_types::HoverParams) -> Option<Hover> {
        let (path, word) = self.word_at(&p.text_document_position_params)?;
        let a = self.analyze(&path);
        let base = word.split('[').next().unwrap_or(&word);
        let mut text = None;
        for s in a.engine.sources() {
            if let Some(f) = s.schema().fields().into_iter().find(|f| f.name == base) {
                text = Some(format!(
                    "**{}** `{}` (source `{}`)\n\n{}",
                    f.name,
                    f.ty.name(),
                    s.name(),
                    f.description
                ));
                break;
            }
        }
        let c = a.engine.collector();
        if text.is_none() {
            if let Some(m) = c.macros().iter().find(|m| m.name == word) {
                text = Some(format!(
                    "macro **{}**\n\n```\n{}\n```{}",
                    m.name,
                    m.condition.as_str().trim(),
                    definitions_note(&a, "macro", &word)
                ));
            } else if let Some(l) = c.lists().iter().find(|l| l.name == word) {
                text = Some(format!(
                    "list **{}**\n\n```\n[{}]\n```{}",
                    l.name,
                    l.items.join(", "),
                    definitions_note(&a, "list", &word)
                ));
            }
        }
        text.map(|value| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }

    fn definition(&self, p: lsp_types::GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
        let (path, word) = self.word_at(&p.text_document_position_params)?;
        let a = self.analyze(&path);
        let locs: Vec<Location> = ["macro", "list", "rule"]
            .iter()
            .flat_map(|k| item_locations(&a, k, &word))
            .collect();
        (!locs.is_empty()).then_some(GotoDefinitionResponse::Array(locs))
    }

    fn references(&self, p: lsp_types::ReferenceParams) -> Option<Vec<Location>> {
        let (path, word) = self.word_at(&p.text_document_position)?;
        let a = self.analyze(&path);
        let mut out = Vec::new();
        for f in &a.files {
            let Ok(uri) = Url::from_file_path(&f.path) else {
                continue;
            };
            for (ln, line) in f.text.lines().enumerate() {
                for col in word_occurrences(line, &word) {
                    out.push(Location {
                        uri: uri.clone(),
                        range: range(ln, col, col + word.chars().count()),
                    });
                }
            }
        }
        Some(out)
    }

    fn completion(&self, p: lsp_types::CompletionParams) -> Option<CompletionResponse> {
        let path = to_path(&p.text_document_position.text_document.uri)?;
        let a = self.analyze(&path);
        let mut items = Vec::new();
        for s in a.engine.sources() {
            for f in s.schema().fields() {
                items.push(CompletionItem {
                    label: f.name.clone(),
                    kind: Some(CompletionItemKind::FIELD),
                    detail: Some(format!("{} ({})", f.ty.name(), s.name())),
                    documentation: (!f.description.is_empty())
                        .then(|| lsp_types::Documentation::String(f.description.clone())),
                    ..CompletionItem::default()
                });
            }
        }
        let c = a.engine.collector();
        for m in c.macros() {
            items.push(item(&m.name, CompletionItemKind::FUNCTION, "macro"));
        }
        for l in c.lists() {
            items.push(item(&l.name, CompletionItemKind::ENUM, "list"));
        }
        for op in OPERATORS {
            items.push(item(op, CompletionItemKind::OPERATOR, "operator"));
        }
        for op in ["and", "or", "not"] {
            items.push(item(op, CompletionItemKind::KEYWORD, "boolean operator"));
        }
        for p in PRIORITIES {
            items.push(item(p, CompletionItemKind::CONSTANT, "priority"));
        }
        Some(CompletionResponse::Array(items))
    }

    fn symbols(&self, p: lsp_types::DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
        let path = to_path(&p.text_document.uri)?;
        let text = self.text_of(&path);
        let uri = p.text_document.uri;
        let mut out = Vec::new();
        for (ln, line) in text.lines().enumerate() {
            let Some((kind, name, col)) = item_header(line) else {
                continue;
            };
            let symbol_kind = match kind {
                "rule" => SymbolKind::EVENT,
                "macro" => SymbolKind::FUNCTION,
                _ => SymbolKind::ARRAY,
            };
            #[allow(deprecated)]
            out.push(SymbolInformation {
                name: name.to_string(),
                kind: symbol_kind,
                tags: None,
                deprecated: None,
                location: Location {
                    uri: uri.clone(),
                    range: range(ln, col, col + name.chars().count()),
                },
                container_name: Some(kind.to_string()),
            });
        }
        Some(DocumentSymbolResponse::Flat(out))
    }
}

/// Falco's priorities, as written in rules files.
const PRIORITIES: [&str; 8] = [
    "EMERGENCY",
    "ALERT",
    "CRITICAL",
    "ERROR",
    "WARNING",
    "NOTICE",
    "INFORMATIONAL",
    "DEBUG",
];

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    }
}

/// `- rule: NAME` / `- macro: NAME` / `- list: NAME` at the start of a
/// line: the kind, the name and the name's 0-based column.
fn item_header(line: &str) -> Option<(&'static str, &str, usize)> {
    let rest = line.trim_start().strip_prefix('-')?.trim_start();
    for kind in ["rule", "macro", "list"] {
        if let Some(after) = rest.strip_prefix(kind).and_then(|r| r.strip_prefix(':')) {
            let name = after.trim().trim_matches(['"', '\'']);
            if name.is_empty() {
                return None;
            }
            let col = line.find(name).map(|b| line[..b].chars().count())?;
            return Some((kind, name, col));
        }
    }
    None
}

/// Every place in the analysed files where an item of `kind` named `name`
/// is defined, overridden or appended, in load order.
fn item_locations(a: &Analysis, kind: &str, name: &str) -> Vec<Location> {
    let mut out = Vec::new();
    for f in &a.files {
        let Ok(uri) = Url::from_file_path(&f.path) else {
            continue;
        };
        for (ln, line) in f.text.lines().enumerate() {
            if let Some((k, n, col)) = item_header(line) {
                if k == kind && n == name {
                    out.push(Location {
                        uri: uri.clone(),
                        range: range(ln, col, col + n.chars().count()),
                    });
                }
            }
        }
    }
    out
}

/// For a hover: where the item is defined and where later files change it.
fn definitions_note(a: &Analysis, kind: &str, name: &str) -> String {
    let locs = item_locations(a, kind, name);
    let mut out = String::new();
    for (i, l) in locs.iter().enumerate() {
        let what = if i == 0 {
            "defined in"
        } else {
            "overridden or appended in"
        };
        let file = l
            .uri
            .to_file_path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| l.uri.to_string());
        out.push_str(&format!("\n\n{what} {file}:{}", l.range.start.line + 1));
    }
    out
}

/// The 0-based character columns where `word` occurs as a whole word.
fn word_occurrences(line: &str, word: &str) -> Vec<usize> {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '-');
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = line[from..].find(word) {
        let at = from + rel;
        let end = at + word.len();
        let before = line[..at].chars().next_back().is_none_or(|c| !is_word(c));
        let after = line[end..].chars().next().is_none_or(|c| !is_word(c));
        if before && after {
            out.push(line[..at].chars().count());
        }
        from = end;
    }
    out
}

fn range(line: usize, start: usize, end: usize) -> Range {
    Range {
        start: Position::new(line as u32, start as u32),
        end: Position::new(line as u32, end as u32),
    }
}

fn to_path(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

/// A loader diagnostic as an LSP one: its range runs from its position to
/// the end of the word there.
fn to_lsp(d: &Diagnostic, text: &str) -> lsp_types::Diagnostic {
    let (_, mark) = d.position();
    let line = mark.line.saturating_sub(1);
    let col = mark.col.saturating_sub(1);
    let len = text
        .lines()
        .nth(line)
        .map(|l| {
            l.chars()
                .skip(col)
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ')' | ']' | '}'))
                .count()
        })
        .unwrap_or(0)
        .max(1);
    lsp_types::Diagnostic {
        range: range(line, col, col + len),
        severity: Some(if d.is_error() {
            DiagnosticSeverity::ERROR
        } else {
            DiagnosticSeverity::WARNING
        }),
        code: Some(lsp_types::NumberOrString::String(d.code.name().to_string())),
        source: Some("falco".into()),
        message: d.headline().to_string(),
        ..lsp_types::Diagnostic::default()
    }
}

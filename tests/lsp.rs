//! `falco lsp` driven by a scripted client over stdio: initialize with a
//! load order of two files, open the second (with errors), then hover,
//! go to definition across the files, references, completion, symbols and
//! shutdown.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value as Json};

const STOCK: &str = "\
- list: shell_binaries
  items: [bash, sh]
- macro: spawned_shell
  condition: evt.type = execve and proc.name in (shell_binaries)
";

const LOCAL: &str = "\
- rule: shell spawned
  desc: a shell
  condition: spawned_shell and proc.nmae = bash
  output: shell %proc.name
  priority: WARNING
";

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Client {
    fn send(&mut self, msg: Json) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn read(&mut self) -> Json {
        let mut len = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).expect("header");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                len = n.parse().expect("length");
            }
        }
        let mut body = vec![0; len];
        self.stdout.read_exact(&mut body).expect("body");
        serde_json::from_slice(&body).expect("JSON message")
    }

    /// The next message that answers request `id` (notifications skipped).
    fn response(&mut self, id: u64) -> Json {
        loop {
            let m = self.read();
            if m["id"] == id {
                return m;
            }
        }
    }

    /// The next notification of `method`.
    fn notification(&mut self, method: &str) -> Json {
        loop {
            let m = self.read();
            if m["method"] == method {
                return m;
            }
        }
    }

    fn request(&mut self, id: u64, method: &str, params: Json) -> Json {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(id)
    }
}

#[test]
fn a_scripted_editor_session() {
    let dir = std::env::temp_dir().join(format!("falco-lsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let stock = dir.join("stock.yaml");
    let local = dir.join("local.yaml");
    std::fs::write(&stock, STOCK).expect("write");
    std::fs::write(&local, "").expect("write");
    let stock_uri = format!("file://{}", stock.display());
    let local_uri = format!("file://{}", local.display());

    let mut child = Command::new(common::example("falco"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("falco lsp starts");
    let mut c = Client {
        stdin: child.stdin.take().expect("stdin"),
        stdout: BufReader::new(child.stdout.take().expect("stdout")),
    };

    let init = c.request(
        1,
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {},
            "initializationOptions": {"rules_files": [stock.display().to_string(), local.display().to_string()]},
        }),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], true, "{init}");
    assert_eq!(caps["definitionProvider"], true);
    c.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));

    // didOpen of a file with an error: its diagnostics, with a range.
    c.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": local_uri, "languageId": "yaml", "version": 1, "text": LOCAL}
        }}),
    );
    let d = c.notification("textDocument/publishDiagnostics");
    assert_eq!(d["params"]["uri"], local_uri);
    let diags = d["params"]["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{d}");
    assert_eq!(
        diags[0]["message"],
        "unknown field `proc.nmae` for source `syscall`; did you mean `proc.name`?"
    );
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[0]["code"], "LOAD_ERR_COMPILE_CONDITION");
    assert_eq!(
        diags[0]["range"],
        json!({"start": {"line": 2, "character": 31}, "end": {"line": 2, "character": 40}})
    );

    // Hover on a field: its type and description from the catalog.
    let h = c.request(
        2,
        "textDocument/hover",
        json!({
            "textDocument": {"uri": local_uri}, "position": {"line": 3, "character": 18}
        }),
    );
    let text = h["result"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(
        text.starts_with("**proc.name** `charbuf` (source `syscall`)"),
        "{text}"
    );

    // Hover on a macro: its condition and where it is defined.
    let h = c.request(
        3,
        "textDocument/hover",
        json!({
            "textDocument": {"uri": local_uri}, "position": {"line": 2, "character": 15}
        }),
    );
    let text = h["result"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(text.starts_with("macro **spawned_shell**\n\n```\nevt.type = execve and proc.name in (shell_binaries)\n```"), "{text}");
    assert!(
        text.contains(&format!("defined in {}:3", stock.display())),
        "{text}"
    );

    // Definition across files: the macro used in local.yaml is in stock.yaml.
    let def = c.request(
        4,
        "textDocument/definition",
        json!({
            "textDocument": {"uri": local_uri}, "position": {"line": 2, "character": 15}
        }),
    );
    assert_eq!(
        def["result"],
        json!([{"uri": stock_uri, "range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 22}}}])
    );

    // References of the list, from its definition.
    let refs = c.request(
        5,
        "textDocument/references",
        json!({
            "textDocument": {"uri": stock_uri}, "position": {"line": 0, "character": 10},
            "context": {"includeDeclaration": true}
        }),
    );
    let lines: Vec<u64> = refs["result"]
        .as_array()
        .expect("locations")
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap_or(99))
        .collect();
    assert_eq!(lines, [0, 3]);

    // Completion: fields, macros, lists, operators, priorities.
    let comp = c.request(
        6,
        "textDocument/completion",
        json!({
            "textDocument": {"uri": local_uri}, "position": {"line": 2, "character": 13}
        }),
    );
    let labels: Vec<&str> = comp["result"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    for want in [
        "proc.name",
        "ka.user.name",
        "spawned_shell",
        "shell_binaries",
        "startswith",
        "WARNING",
    ] {
        assert!(labels.contains(&want), "{want} not offered");
    }

    // Document symbols.
    let syms = c.request(
        7,
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": stock_uri}}),
    );
    let names: Vec<&str> = syms["result"]
        .as_array()
        .expect("symbols")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["shell_binaries", "spawned_shell"]);

    // Fixing the typo clears the diagnostics.
    c.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": local_uri, "version": 2},
            "contentChanges": [{"text": LOCAL.replace("proc.nmae", "proc.name")}]
        }}),
    );
    let d = c.notification("textDocument/publishDiagnostics");
    assert_eq!(d["params"]["diagnostics"], json!([]), "{d}");

    let shut = c.request(8, "shutdown", Json::Null);
    assert!(shut.get("error").is_none(), "{shut}");
    c.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let status = child.wait().expect("exits");
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

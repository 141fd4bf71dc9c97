//! `falco`: the daemon, with every flag of Falco 0.44's `falco --help`.
//!
//! ```text
//! falco [-c falco.yaml] [-o key=value...] [-r RULES...]   run on the live host
//! falco -e FILE.scap -r RULES.yaml                         replay a capture
//! falco -V FILE [-V FILE...] [-o json_output=true]         validate rules files
//! falco -L [-r FILE...] [-o json_output=true]              describe the rules
//! falco --list[=SOURCE]                                    list the fields (syscall, k8s_audit)
//! falco --enable-source SOURCE | --disable-source SOURCE   choose the event sources
//! falco --pidfile=/var/run/falco.pid --modern-bpf          the seed's unit file
//! falco --help                                             every flag
//! falco test [--format text|json] [--coverage] FILE|DIR... run rule tests
//! falco lsp                                                a language server (stdio)
//! ```
//!
//! With `load_plugins: [k8saudit, json]` and Falco's `plugins` entries in the
//! configuration, the `k8s_audit` source (its webhook, or an audit file)
//! runs beside the syscall source; see `falco::sources`.
//!
//! Without `-r` or `-c`, the rules are `/etc/falco/falco_rules.yaml`,
//! `/etc/falco/falco_rules.local.yaml` and `/etc/falco/rules.d` where they
//! exist, else the default rules bundled in the binary. The event source is
//! `engine.kind` (`modern_ebpf` by default; `kmod`; `replay`). See
//! `falco::cli` for the flags and `falco::daemon` for signals (SIGHUP
//! reloads, SIGINT/SIGTERM stop).
//!
//! This example is thin glue: the work is in the library crates.

use std::process::ExitCode;

fn main() -> ExitCode {
    // `falco test ...` (rule tests) and `falco lsp` (language server).
    match std::env::args().nth(1).as_deref() {
        Some("test") => return falco::ruletest::main(std::env::args().skip(2)),
        Some("lsp") => return falco::lsp::main(),
        _ => {}
    }
    match falco::cli::parse(std::env::args().skip(1)) {
        Ok(args) => falco::cli::run(args),
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        }
    }
}

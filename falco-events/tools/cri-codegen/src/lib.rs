//! Generates falco-events' CRI messages and client from the vendored
//! upstream `api.proto` (`falco-events/proto/cri/`), with `protox` (a
//! protobuf compiler in Rust: no `protoc` binary) and `tonic-prost-build`.
//!
//! The output is committed as `falco-events/src/state/cri/runtime.v1.rs`:
//! `cargo run -p cri-codegen` rewrites it, `cargo run -p cri-codegen --
//! --check` (and this crate's test) fails when it is not what the proto
//! generates.

#![deny(missing_docs)]

use std::path::{Path, PathBuf};

/// The vendored proto.
pub fn proto_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../proto/cri/api.proto")
}

/// The committed generated code.
pub fn output_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/state/cri/runtime.v1.rs")
}

/// The Rust code `proto` generates: every message and enum of
/// `runtime.v1`, and the clients of its services (no servers, no
/// `connect` helper: the caller brings its own channel).
pub fn generate(proto: &Path) -> Result<String, String> {
    let dir = proto
        .parent()
        .ok_or_else(|| format!("{}: no parent directory", proto.display()))?;
    let fds = protox::compile([proto], [dir]).map_err(|e| format!("{}: {e}", proto.display()))?;
    let out = std::env::temp_dir().join(format!("cri-codegen-{}", std::process::id()));
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let result = tonic_prost_build::configure()
        .build_server(false)
        .build_transport(false)
        .out_dir(&out)
        .compile_fds(fds)
        .map_err(|e| format!("{}: {e}", proto.display()))
        .and_then(|()| {
            let file = out.join("runtime.v1.rs");
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))
        });
    let _ = std::fs::remove_dir_all(&out);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_cri_code_is_what_the_vendored_proto_generates() {
        let want = generate(&proto_path()).expect("generate");
        let have = std::fs::read_to_string(output_path()).expect("read the committed file");
        assert!(
            want == have,
            "{} is stale: run `cargo run -p cri-codegen`",
            output_path().display()
        );
    }
}

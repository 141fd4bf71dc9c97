//! Compiles the BPF programs in `src/bpf/` into one object and generates its
//! libbpf-rs skeleton (`$OUT_DIR/probe.skel.rs`).

use std::env;
use std::path::PathBuf;

use libbpf_cargo::SkeletonBuilder;

const SRC: &str = "src/bpf/probe.bpf.c";

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let target_arch = match arch.as_str() {
        "x86_64" => "x86",
        "aarch64" => "arm64",
        other => other,
    };
    SkeletonBuilder::new()
        .source(SRC)
        .clang_args([
            "-I".to_string(),
            "src/bpf".to_string(),
            format!("-D__TARGET_ARCH_{target_arch}"),
            "-Wno-compare-distinct-pointer-types".to_string(),
        ])
        .build_and_generate(out.join("probe.skel.rs"))
        .expect("compiling src/bpf/probe.bpf.c (needs clang >= 12)");
    println!("cargo:rerun-if-changed=src/bpf");
}

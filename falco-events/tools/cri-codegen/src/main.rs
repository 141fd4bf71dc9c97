//! `cri-codegen [--check]`: writes falco-events' generated CRI code, or
//! with `--check` exits with status 1 when the committed file differs.

use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("usage: cri-codegen [--check] (unknown argument {other:?})");
            return ExitCode::from(2);
        }
    };
    let out = cri_codegen::output_path();
    let code = match cri_codegen::generate(&cri_codegen::proto_path()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cri-codegen: {e}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        match std::fs::read_to_string(&out) {
            Ok(have) if have == code => ExitCode::SUCCESS,
            Ok(_) => {
                eprintln!("{} is stale: run `cargo run -p cri-codegen`", out.display());
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("{}: {e}", out.display());
                ExitCode::FAILURE
            }
        }
    } else if let Err(e) = std::fs::write(&out, code) {
        eprintln!("{}: {e}", out.display());
        ExitCode::FAILURE
    } else {
        println!("wrote {}", out.display());
        ExitCode::SUCCESS
    }
}

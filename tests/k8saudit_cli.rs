//! `falco --list[=SOURCE]`: the k8s_audit fields beside the syscall ones.

mod common;

use common::example;

use std::process::Command;

fn list(arg: &str) -> (i32, String, String) {
    let out = Command::new(example("falco"))
        .arg(arg)
        .output()
        .expect("falco runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn list_names_each_sources_fields() {
    let (code, k8s, _) = list("--list=k8s_audit");
    assert_eq!(code, 0);
    assert!(
        k8s.contains("\nka.target.subresource         The target object subresource \n"),
        "{k8s}"
    );
    assert!(
        k8s.contains("\njevt.value                    (ARG_KEY,ARG_REQUIRED) Alias for json.value"),
        "{k8s}"
    );
    assert!(!k8s.contains("proc.name"));

    let (code, syscall, _) = list("--list=syscall");
    assert_eq!(code, 0);
    assert!(syscall.contains("\nproc.name "));
    assert!(!syscall.contains("ka.verb"));

    let (code, all, _) = list("--list");
    assert_eq!(code, 0);
    assert!(all.contains("\nproc.name ") && all.contains("\nka.verb "));

    let (code, out, err) = list("--list=nope");
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, "Error: Value for --list must be a valid source type\n");
}

//! Docker for the live container tests: the `docker` command, `dockerd`
//! started when it is not running (no systemd on the CI machine), and the
//! busybox test image made locally (no registry is reachable).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The test image: busybox, `docker import`ed from `busybox-static`.
pub const BUSYBOX: &str = "falco-test/busybox:1.0";

/// `docker ARGS`: its standard output, trimmed, or what went wrong.
pub fn docker(args: &[&str]) -> Result<String, String> {
    let o = Command::new("docker")
        .args(args)
        .output()
        .map_err(|e| format!("docker: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "docker {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&o.stdout).trim().to_string())
}

/// Docker answering, started here when it is not; `Err` says what is
/// missing.
pub fn docker_up() -> Result<(), String> {
    if docker(&["info"]).is_ok() {
        return Ok(());
    }
    if !Path::new("/usr/sbin/dockerd").exists() && !Path::new("/usr/bin/dockerd").exists() {
        return Err("no dockerd (apt-get install docker.io)".into());
    }
    Command::new("dockerd")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("dockerd: {e}"))?;
    for _ in 0..100 {
        if docker(&["info"]).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Err("dockerd did not come up".into())
}

/// The busybox test image, with an /etc/shadow of its own.
pub fn busybox_image() -> Result<(), String> {
    if docker(&["image", "inspect", BUSYBOX]).is_ok() {
        return Ok(());
    }
    let busybox = ["/usr/bin/busybox", "/bin/busybox"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .ok_or("no busybox (apt-get install busybox-static)")?;
    let root = std::env::temp_dir().join(format!("falco-busybox-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for d in ["bin", "etc", "tmp"] {
        std::fs::create_dir_all(root.join(d)).map_err(|e| e.to_string())?;
    }
    std::fs::copy(busybox, root.join("bin/busybox")).map_err(|e| e.to_string())?;
    for a in ["sh", "cat", "sleep"] {
        std::os::unix::fs::symlink("busybox", root.join("bin").join(a))
            .map_err(|e| e.to_string())?;
    }
    std::fs::write(root.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n")
        .map_err(|e| e.to_string())?;
    std::fs::write(root.join("etc/shadow"), "root:*:1::::::\n").map_err(|e| e.to_string())?;
    let imported = import_dir(&root, BUSYBOX, &[]);
    let _ = std::fs::remove_dir_all(&root);
    imported
}

/// `docker import`s the tree at `root` as `tag` (`changes` are Dockerfile
/// lines such as `CMD ["sh"]`).
pub fn import_dir(root: &Path, tag: &str, changes: &[&str]) -> Result<(), String> {
    let tar = Command::new("tar")
        .args(["-C", &root.display().to_string(), "-c", "."])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("tar: {e}"))?;
    import(tar.stdout.ok_or("tar stdout")?, tag, changes)
}

/// `docker import`s a tar stream as `tag`.
pub fn import(tar: impl Into<Stdio>, tag: &str, changes: &[&str]) -> Result<(), String> {
    let mut cmd = Command::new("docker");
    cmd.arg("import");
    for c in changes {
        cmd.args(["--change", c]);
    }
    let st = cmd
        .args(["-", tag])
        .stdin(tar)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("docker import: {e}"))?;
    if !st.success() {
        return Err(format!("docker import of {tag} failed"));
    }
    Ok(())
}

/// Whether Docker and the busybox image can be used here; prints why not by
/// hand, fails when `CI=true`.
pub fn docker_ready() -> bool {
    match docker_up().and_then(|_| busybox_image()) {
        Ok(()) => true,
        Err(why) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "the container tests must run when CI=true: {why}"
            );
            eprintln!("skipped: {why}");
            false
        }
    }
}

/// A container removed (`docker rm -f`) when the test ends.
pub struct Container(pub String);

impl Drop for Container {
    fn drop(&mut self) {
        let _ = docker(&["rm", "-f", &self.0]);
    }
}

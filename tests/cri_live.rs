//! Kubernetes' view of a container, live: a containerd of the test's own
//! with its CRI plugin, a pod sandbox and a container created
//! through the CRI as the kubelet creates them, and `container.*` and
//! `k8s.*` as Falco's container plugin gives them — first from the lookup
//! table alone, then in an alert of the daemon for `cat /etc/shadow` run in
//! the container (CRI `ExecSync`, as `kubectl exec` does).
//!
//! Needs root, BTF, and Debian's `containerd` and `runc` (installed with
//! `docker.io`); no registry is reachable, so the image is a busybox root
//! file system written here as a Docker archive and imported with `ctr`.
//! The pod uses the host's network (no CNI plugin is installed). When
//! `CI=true` a missing piece fails the test.

mod common;

use common::{example, interrupt, live, read, wait_for, Kill};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use falco_events::state::cri::{proto, CriClient};
use falco_events::state::runtime::{ContainerEngines, ContainerTable, Lookup};

const IMAGE: &str = "docker.io/falco-test/busybox:1.0";
const PAUSE: &str = "docker.io/falco-test/pause:1.0";

/// `NamespaceMode::Node`.
const NODE: i32 = proto::NamespaceMode::Node as i32;

fn which(name: &str) -> Option<PathBuf> {
    ["/usr/bin", "/usr/sbin", "/bin", "/sbin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let o = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "{cmd:?}: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&o.stdout).trim().to_string())
}

/// A containerd of the test's own, killed (with its pod removed) at the end.
struct Containerd {
    dir: PathBuf,
    sock: PathBuf,
    daemon: Option<std::process::Child>,
    pods: Vec<String>,
}

impl Drop for Containerd {
    fn drop(&mut self) {
        if let Ok(c) = CriClient::connect(&self.sock, Duration::from_secs(10)) {
            for p in &self.pods {
                let pod_sandbox_id = p.clone();
                let _ = c.call("StopPodSandbox", |mut c| async move {
                    c.stop_pod_sandbox(proto::StopPodSandboxRequest { pod_sandbox_id })
                        .await
                });
                let pod_sandbox_id = p.clone();
                let _ = c.call("RemovePodSandbox", |mut c| async move {
                    c.remove_pod_sandbox(proto::RemovePodSandboxRequest { pod_sandbox_id })
                        .await
                });
            }
        }
        if let Some(mut d) = self.daemon.take() {
            let _ = d.kill();
            let _ = d.wait();
        }
        // Mounts of the snapshotter left behind would keep the tree.
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "grep -o ' {}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l",
                self.dir.display()
            ))
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The busybox image (and the same file system as the sandbox's "pause"
/// image, whose command sleeps) as a Docker archive.
fn image_archive(dir: &Path) -> Result<PathBuf, String> {
    let busybox = ["/usr/bin/busybox", "/bin/busybox"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .ok_or("no busybox (apt-get install busybox-static)")?;
    let root = dir.join("rootfs");
    for d in ["bin", "etc", "tmp", "proc", "sys", "dev"] {
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
    let archive = dir.join("archive");
    std::fs::create_dir_all(&archive).map_err(|e| e.to_string())?;
    run(Command::new("tar").args([
        "-C",
        &root.display().to_string(),
        "-cf",
        &archive.join("layer.tar").display().to_string(),
        ".",
    ]))?;
    let sum = run(Command::new("sha256sum").arg(archive.join("layer.tar")))?;
    let diff_id = sum.split_whitespace().next().ok_or("sha256sum")?;
    let config = serde_json::json!({
        "architecture": "amd64",
        "os": "linux",
        "config": {"Cmd": ["/bin/sleep", "1000000"]},
        "rootfs": {"type": "layers", "diff_ids": [format!("sha256:{diff_id}")]},
    });
    std::fs::write(archive.join("config.json"), config.to_string()).map_err(|e| e.to_string())?;
    let manifest = serde_json::json!([{
        "Config": "config.json",
        "RepoTags": ["falco-test/busybox:1.0", "falco-test/pause:1.0"],
        "Layers": ["layer.tar"],
    }]);
    std::fs::write(archive.join("manifest.json"), manifest.to_string())
        .map_err(|e| e.to_string())?;
    let tar = dir.join("image.tar");
    run(Command::new("tar").args([
        "-C",
        &archive.display().to_string(),
        "-cf",
        &tar.display().to_string(),
        "manifest.json",
        "config.json",
        "layer.tar",
    ]))?;
    Ok(tar)
}

/// Starts containerd with its CRI plugin on a socket of the test's own and
/// imports the image.
fn containerd() -> Result<Containerd, String> {
    let bin = which("containerd").ok_or("no containerd (apt-get install containerd)")?;
    which("runc").ok_or("no runc (apt-get install runc)")?;
    let dir = std::env::temp_dir().join(format!("falco-cri-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("cni/bin")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.join("cni/conf")).map_err(|e| e.to_string())?;
    let sock = dir.join("containerd.sock");
    let d = dir.display();
    let config = format!(
        r#"version = 2
root = "{d}/root"
state = "{d}/state"
[grpc]
  address = "{d}/containerd.sock"
[ttrpc]
  address = "{d}/containerd.sock.ttrpc"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "{PAUSE}"
  # A pause process's oom_score_adj of -998 needs CAP_SYS_RESOURCE, which
  # this machine's bounding set lacks.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "{d}/cni/bin"
    conf_dir = "{d}/cni/conf"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
"#
    );
    std::fs::write(dir.join("config.toml"), config).map_err(|e| e.to_string())?;
    let log = std::fs::File::create(dir.join("containerd.log")).map_err(|e| e.to_string())?;
    let child = Command::new(bin)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("containerd: {e}"))?;
    let mut c = Containerd {
        dir: dir.clone(),
        sock: sock.clone(),
        daemon: Some(child),
        pods: Vec::new(),
    };
    let mut up = false;
    for _ in 0..100 {
        if sock.exists() && CriClient::connect(&sock, Duration::from_secs(2)).is_ok() {
            up = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    if !up {
        let log = std::fs::read_to_string(dir.join("containerd.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(20).collect();
        c.pods.clear();
        return Err(format!("containerd's CRI did not come up: {tail:?}"));
    }
    let tar = image_archive(&dir)?;
    run(Command::new("ctr")
        .arg("--address")
        .arg(&sock)
        .args(["--namespace", "k8s.io", "images", "import"])
        .arg(&tar))?;
    Ok(c)
}

/// containerd can be used here; fails when `CI=true`.
fn containerd_ready() -> Option<Containerd> {
    match containerd() {
        Ok(c) => Some(c),
        Err(why) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "the CRI test must run when CI=true: {why}"
            );
            eprintln!("skipped: {why}");
            None
        }
    }
}

#[test]
fn a_pods_container_has_the_kubernetes_metadata_in_lookups_and_alerts() {
    if !live() {
        return;
    }
    let Some(mut ctrd) = containerd_ready() else {
        return;
    };
    let cri = CriClient::connect(&ctrd.sock, Duration::from_secs(30)).expect("connect");
    assert_eq!(cri.runtime_name(), "containerd");
    assert_eq!(cri.kind(), "containerd");

    let ns = proto::NamespaceOption {
        network: NODE,
        pid: proto::NamespaceMode::Pod as i32,
        ipc: proto::NamespaceMode::Pod as i32,
        ..Default::default()
    };
    let sandbox_config = proto::PodSandboxConfig {
        metadata: Some(proto::PodSandboxMetadata {
            name: "falco-pod".into(),
            uid: "9d7a1c52-4a5e-4b5c-9a55-f4f6a8a9c0de".into(),
            namespace: "falco-test".into(),
            attempt: 0,
        }),
        log_directory: ctrd.dir.join("logs").display().to_string(),
        labels: HashMap::from([("app".to_string(), "shop".to_string())]),
        linux: Some(proto::LinuxPodSandboxConfig {
            security_context: Some(proto::LinuxSandboxSecurityContext {
                namespace_options: Some(ns.clone()),
                // A privileged sandbox cannot start on this machine (its
                // bounding set lacks CAP_SYS_RESOURCE, as for `docker run
                // --privileged`); the privileged reading is a unit test.
                privileged: false,
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let config = sandbox_config.clone();
    let pod = cri
        .call("RunPodSandbox", |mut c| async move {
            c.run_pod_sandbox(proto::RunPodSandboxRequest {
                config: Some(config),
                ..Default::default()
            })
            .await
        })
        .expect("RunPodSandbox");
    ctrd.pods.push(pod.pod_sandbox_id.clone());
    let pod_sandbox_id = pod.pod_sandbox_id.clone();
    let created = cri
        .call("CreateContainer", |mut c| async move {
            c.create_container(proto::CreateContainerRequest {
                pod_sandbox_id,
                config: Some(proto::ContainerConfig {
                    metadata: Some(proto::ContainerMetadata {
                        name: "shell".into(),
                        ..Default::default()
                    }),
                    image: Some(proto::ImageSpec {
                        image: IMAGE.into(),
                        ..Default::default()
                    }),
                    command: vec!["/bin/sleep".into(), "600".into()],
                    labels: HashMap::from([("tier".to_string(), "web".to_string())]),
                    log_path: "shell.log".into(),
                    linux: Some(proto::LinuxContainerConfig {
                        security_context: Some(proto::LinuxContainerSecurityContext {
                            privileged: false,
                            namespace_options: Some(ns),
                            ..Default::default()
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                sandbox_config: Some(sandbox_config),
            })
            .await
        })
        .expect("CreateContainer");
    let id = created.container_id.clone();
    let container_id = id.clone();
    cri.call("StartContainer", |mut c| async move {
        c.start_container(proto::StartContainerRequest { container_id })
            .await
    })
    .expect("StartContainer");

    // The lookup table alone.
    let engines = ContainerEngines {
        docker: vec![],
        podman: vec![],
        cri: vec![ctrd.sock.clone()],
        ..ContainerEngines::default()
    };
    let table = ContainerTable::start(&engines);
    assert!(table.is_enabled());
    let mut got = Lookup::Unknown;
    // Running containers are listed and looked up at start.
    wait_for("the lookup", Duration::from_secs(20), || {
        got = table.get(&id[..12]);
        matches!(got, Lookup::Found(_) | Lookup::Failed)
    });
    let Lookup::Found(info) = got else {
        panic!("{got:?}")
    };
    assert_eq!(info.kind, "containerd");
    assert_eq!(info.name, "shell");
    assert_eq!(info.full_id, id);
    assert_eq!(info.image, IMAGE);
    assert_eq!(info.image_repo, "docker.io/falco-test/busybox");
    assert_eq!(info.image_tag, "1.0");
    assert!(!info.privileged);
    assert!(info.host_network && !info.host_pid);
    assert_eq!(info.pod_sandbox_id, pod.pod_sandbox_id);
    assert_eq!(info.k8s_label("pod.name"), Some("falco-pod"));
    assert_eq!(info.k8s_label("pod.namespace"), Some("falco-test"));
    assert_eq!(info.pod_labels["app"], "shop");
    assert_eq!(info.labels_text(), "tier:web");
    // The sandbox is no container to the CRI.
    table.observe(&pod.pod_sandbox_id);
    wait_for("the sandbox lookup", Duration::from_secs(20), || {
        table.get(&pod.pod_sandbox_id[..12]) == Lookup::Failed
    });

    // The daemon: `kubectl exec POD -- cat /etc/shadow`.
    let dir = ctrd.dir.join("falco");
    std::fs::create_dir_all(&dir).expect("dir");
    let config = dir.join("falco.yaml");
    std::fs::write(
        &config,
        format!(
            "load_plugins: [container]\nplugins:\n  - name: container\n    library_path: libcontainer.so\n    init_config:\n      engines:\n        docker: {{enabled: false}}\n        podman: {{enabled: false}}\n        cri: {{enabled: true, sockets: [\"{}\"]}}\n",
            ctrd.sock.display()
        ),
    )
    .expect("config");
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "- rule: Shadow read in a pod\n  desc: d\n  condition: evt.type in (open, openat, openat2) and container.id != host and fd.name = /etc/shadow and proc.name = cat\n  output: \"Shadow read in a pod (container=%container.name type=%container.type image=%container.image tag=%container.image.tag privileged=%container.privileged pod=%k8s.pod.name ns=%k8s.ns.name uid=%k8s.pod.uid app=%k8s.pod.label[app] sandbox=%k8s.pod.sandbox_id labels=%container.labels)\"\n  priority: WARNING\n\
         - rule: Pod container\n  desc: d\n  condition: evt.type = container and k8s.ns.name = falco-test\n  output: \"Pod container (container=%container.name type=%container.type pod=%k8s.pod.name ns=%k8s.ns.name uid=%k8s.pod.uid app=%k8s.pod.label[app] evt=%evt.type proc=%proc.name)\"\n  priority: NOTICE\n",
    )
    .expect("rules");
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let child = Command::new(example("falco"))
        .arg("-c")
        .arg(&config)
        .arg("-r")
        .arg(&rules)
        .args([
            "-o",
            "syslog_output.enabled=false",
            "-o",
            "webserver.enabled=false",
            "-o",
            "engine.modern_ebpf.buf_size_preset=6",
        ])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the daemon to start", Duration::from_secs(60), || {
        read(&log).contains("Starting event processing")
    });
    std::thread::sleep(Duration::from_secs(1));
    wait_for("the alert", Duration::from_secs(60), || {
        let container_id = id.clone();
        let r = cri.call("ExecSync", |mut c| async move {
            c.exec_sync(proto::ExecSyncRequest {
                container_id,
                cmd: vec!["cat".into(), "/etc/shadow".into()],
                timeout: 10,
            })
            .await
        });
        if let Ok(r) = &r {
            assert_eq!(r.exit_code, 0, "{}", String::from_utf8_lossy(&r.stderr));
        }
        std::thread::sleep(Duration::from_millis(300));
        read(&out).contains("Shadow read in a pod")
    });
    interrupt(&mut child.0);
    let text = read(&out);
    let line = text
        .lines()
        .find(|l| l.contains("Shadow read in a pod"))
        .expect("an alert line");
    eprintln!("{line}");
    let want = format!(
        "(container=shell type=containerd image={IMAGE} tag=1.0 privileged=false pod=falco-pod ns=falco-test uid=9d7a1c52-4a5e-4b5c-9a55-f4f6a8a9c0de app=shop sandbox={} labels=tier:web)",
        &pod.pod_sandbox_id[..12]
    );
    assert!(
        line.ends_with(&want),
        "{line}\nwant {want}\nlog: {}",
        read(&log)
    );
    // The container, running when the daemon started, was announced once by
    // Falco's `container` event, with its pod's metadata.
    let announced: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Pod container ("))
        .collect();
    assert_eq!(announced.len(), 1, "{text}");
    assert!(
        announced[0].ends_with("Pod container (container=shell type=containerd pod=falco-pod ns=falco-test uid=9d7a1c52-4a5e-4b5c-9a55-f4f6a8a9c0de app=shop evt=container proc=<NA>)"),
        "{}",
        announced[0]
    );
    // Each `cat` is the container's only process but for its sleep: the
    // container stays; the lookups are counted at exit.
    let log = read(&log);
    assert!(
        log.contains("Container metadata lookups: ") && log.contains(" answered, "),
        "{log}"
    );
}

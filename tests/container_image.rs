//! The container image (`Dockerfile`) and the Kubernetes manifests
//! (`deploy/kubernetes/`).
//!
//! - The manifests hold together (mounts name volumes, the ConfigMap's
//!   `falco.yaml` loads and matches the probes and the socket mounts) and
//!   validate against the Kubernetes API schema (`kubernetes-validate` from
//!   PyPI, in a venv kept under `target/`).
//! - Live (root, BTF, Docker, debootstrap): the image builds from the
//!   repository's Dockerfile without a registry (`--target prebuilt`, on a
//!   `debian:bookworm-slim` made here with debootstrap from this machine's
//!   apt mirror and kept for later runs), and `docker run` of it with the
//!   DaemonSet's mounts, capabilities, environment and ConfigMap detects
//!   `cat /etc/shadow` on the host and a shell in another container.
//!
//! When `CI=true` a missing piece fails the tests instead of skipping them.

mod common;

use common::docker::{busybox_image, docker, docker_up, import, Container, BUSYBOX};
use common::{example, live, wait_for};

use saphyr::{LoadableYamlNode, YamlOwned};

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The base image the Dockerfile's runtime stages start from.
const BASE: &str = "debian:bookworm-slim";
/// The image the live test builds (removed when it ends).
const IMAGE: &str = "falco-rs:container-image-test";
/// The Dockerfile's `base` stage, kept between runs as a build cache.
const BASE_CACHE: &str = "falco-rs:container-image-test-base";
/// The schema validator, pinned.
const KUBERNETES_VALIDATE: &str = "1.37.0";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The cargo target directory of this test binary (`target/`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors()
        .nth(3)
        .expect("target/<profile>/deps/<test>")
        .to_path_buf()
}

/// A skip (by hand) or a failure (`CI=true`) with the reason.
fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the container image tests must run when CI=true: {why}"
    );
    eprintln!("skipped: {why}");
}

/// The manifests of `deploy/kubernetes/` (not `audit/`), in file order, with
/// the file each document came from.
fn manifests() -> Vec<(String, YamlOwned)> {
    let dir = repo().join("deploy/kubernetes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("deploy/kubernetes")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).expect("manifest");
        let docs = YamlOwned::load_from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for d in docs {
            out.push((name.clone(), d));
        }
    }
    out
}

/// What `path` (keys and sequence indices joined by `/`) holds, or
/// `BadValue` when it is not there (saphyr's `[]` panics instead).
fn at<'a>(y: &'a YamlOwned, path: &str) -> &'a YamlOwned {
    static MISSING: YamlOwned = YamlOwned::BadValue;
    let mut y = y;
    for key in path.split('/') {
        let next = match key.parse::<usize>() {
            Ok(i) => y.as_sequence_get(i),
            Err(_) => y.as_mapping_get(key),
        };
        y = next.unwrap_or(&MISSING);
    }
    y
}

fn kind<'a>(docs: &'a [(String, YamlOwned)], kind: &str) -> &'a YamlOwned {
    &docs
        .iter()
        .find(|(_, d)| at(d, "kind").as_str() == Some(kind))
        .unwrap_or_else(|| panic!("no {kind} in deploy/kubernetes"))
        .1
}

fn str_of(y: &YamlOwned) -> &str {
    y.as_str().unwrap_or_else(|| panic!("not a string: {y:?}"))
}

fn seq(y: &YamlOwned) -> Vec<YamlOwned> {
    y.as_vec().cloned().unwrap_or_default()
}

/// The DaemonSet's one container.
fn falco_container(ds: &YamlOwned) -> YamlOwned {
    let cs = seq(at(ds, "spec/template/spec/containers"));
    assert_eq!(cs.len(), 1, "one container in the DaemonSet");
    cs[0].clone()
}

/// The volume a mount names.
fn volume(ds: &YamlOwned, name: &str) -> YamlOwned {
    seq(at(ds, "spec/template/spec/volumes"))
        .into_iter()
        .find(|v| at(v, "name").as_str() == Some(name))
        .unwrap_or_else(|| panic!("volumeMount {name} names no volume"))
}

/// The ConfigMap's `falco.yaml`, loaded as the daemon loads it.
fn configmap_config(cm: &YamlOwned) -> falco::config::Config {
    let text = str_of(at(cm, "data/falco.yaml"));
    let loaded = falco::config::Config::from_yaml("falco.yaml", text, &[])
        .expect("the ConfigMap's falco.yaml loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.config
}

#[test]
fn the_manifests_hold_together() {
    let docs = manifests();
    let kinds: Vec<&str> = docs.iter().map(|(_, d)| str_of(at(d, "kind"))).collect();
    // `kubectl apply -f deploy/kubernetes/` applies the files in name order:
    // the namespace first.
    assert_eq!(
        kinds,
        ["Namespace", "ServiceAccount", "ConfigMap", "DaemonSet"]
    );
    let ns = str_of(at(kind(&docs, "Namespace"), "metadata/name")).to_string();
    for (file, d) in &docs[1..] {
        assert_eq!(at(d, "metadata/namespace").as_str(), Some(&*ns), "{file}");
    }
    let ds = kind(&docs, "DaemonSet");
    let cm = kind(&docs, "ConfigMap");
    let pod = at(ds, "spec/template/spec");
    assert_eq!(
        at(pod, "serviceAccountName").as_str(),
        at(kind(&docs, "ServiceAccount"), "metadata/name").as_str()
    );
    assert_eq!(at(pod, "hostPID").as_bool(), Some(true));
    let c = falco_container(ds);
    let caps: Vec<String> = seq(at(&c, "securityContext/capabilities/add"))
        .iter()
        .map(|y| str_of(y).to_string())
        .collect();
    assert_eq!(caps, ["BPF", "PERFMON", "SYS_RESOURCE", "SYS_PTRACE"]);
    assert_ne!(at(&c, "securityContext/privileged").as_bool(), Some(true));

    // Every mount names a volume; a ConfigMap volume's keys are in the
    // ConfigMap.
    let mut mounts = Vec::new();
    for m in seq(at(&c, "volumeMounts")) {
        let v = volume(ds, str_of(at(&m, "name")));
        if !at(&v, "configMap").is_badvalue() {
            assert_eq!(
                at(&v, "configMap/name").as_str(),
                at(cm, "metadata/name").as_str()
            );
            for item in seq(at(&v, "configMap/items")) {
                let key = str_of(at(&item, "key"));
                assert!(
                    at(at(cm, "data"), key).as_str().is_some(),
                    "no key {key} in the ConfigMap"
                );
            }
        }
        mounts.push((str_of(at(&m, "mountPath")).to_string(), v));
    }
    let host_path = |mount: &str| -> Option<String> {
        mounts
            .iter()
            .find(|(p, _)| p == mount)
            .and_then(|(_, v)| at(v, "hostPath/path").as_str().map(str::to_string))
    };
    assert_eq!(host_path("/host/proc").as_deref(), Some("/proc"));
    assert_eq!(host_path("/host/etc").as_deref(), Some("/etc"));
    assert_eq!(host_path("/sys/kernel").as_deref(), Some("/sys/kernel"));

    // The configuration the pods run: it loads with no warning, its web
    // server answers the probes, and every runtime socket it asks for is
    // mounted from the node under HOST_ROOT.
    let env: Vec<(String, YamlOwned)> = seq(at(&c, "env"))
        .into_iter()
        .map(|e| (str_of(at(&e, "name")).to_string(), e))
        .collect();
    let host_root = env
        .iter()
        .find(|(n, _)| n == "HOST_ROOT")
        .map(|(_, e)| str_of(at(e, "value")).to_string())
        .expect("HOST_ROOT in the DaemonSet's env");
    assert_eq!(host_root, "/host");
    let cfg = configmap_config(cm);
    assert!(cfg.webserver.enabled);
    let port = cfg.webserver.listen_port as i64;
    let ports: Vec<i64> = seq(at(&c, "ports"))
        .iter()
        .filter_map(|p| at(p, "containerPort").as_integer())
        .collect();
    assert_eq!(ports, [port]);
    for probe in ["startupProbe", "livenessProbe", "readinessProbe"] {
        let get = at(at(&c, probe), "httpGet");
        assert_eq!(at(get, "port").as_integer(), Some(port), "{probe}");
        assert_eq!(
            at(get, "path").as_str(),
            Some(cfg.webserver.k8s_healthz_endpoint.as_str()),
            "{probe}"
        );
    }
    // HOST_ROOT is not set in this test: the sockets come unprefixed.
    let engines = falco::sources::container_engines(&cfg);
    let sockets: Vec<&PathBuf> = engines
        .docker
        .iter()
        .chain(&engines.podman)
        .chain(&engines.cri)
        .collect();
    assert_eq!(sockets.len(), 6, "{sockets:?}");
    for s in sockets {
        let s = s.display().to_string();
        assert_eq!(
            host_path(&format!("{host_root}{s}")).as_deref(),
            Some(s.as_str()),
            "the socket {s} is not mounted at {host_root}{s}"
        );
    }

    // The local rules load after the default rules (they append to one of
    // their lists).
    let dir = std::env::temp_dir().join(format!("falco-manifests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let local = dir.join("local_rules.yaml");
    std::fs::write(&local, str_of(at(cm, "data/local_rules.yaml"))).expect("write");
    let o = Command::new(example("falco"))
        .arg("-V")
        .arg(repo().join("rules/default_rules.yaml"))
        .arg("-V")
        .arg(&local)
        .output()
        .expect("falco -V");
    let _ = std::fs::remove_dir_all(&dir);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(out.matches(": Ok").count(), 2, "{out}");
}

/// `kubernetes-validate` in a venv under `target/`, installed from PyPI on
/// the first run; `Err` says why it cannot be had.
fn kubernetes_validate() -> Result<PathBuf, String> {
    let venv = target_dir().join(format!("kubernetes-validate-{KUBERNETES_VALIDATE}"));
    let bin = venv.join("bin/kubernetes-validate");
    let works = |bin: &Path| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if works(&bin) {
        return Ok(bin);
    }
    let _ = std::fs::remove_dir_all(&venv);
    let o = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .map_err(|e| format!("python3: {e} (apt-get install python3-venv)"))?;
    if !o.status.success() {
        return Err(format!(
            "python3 -m venv: {} (apt-get install python3-venv)",
            String::from_utf8_lossy(&o.stderr).trim()
        ));
    }
    let o = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "--disable-pip-version-check"])
        .arg(format!("kubernetes-validate=={KUBERNETES_VALIDATE}"))
        .output()
        .map_err(|e| format!("pip: {e}"))?;
    if !o.status.success() || !works(&bin) {
        let _ = std::fs::remove_dir_all(&venv);
        return Err(format!(
            "pip install kubernetes-validate=={KUBERNETES_VALIDATE} (is PyPI reachable?): {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ));
    }
    Ok(bin)
}

#[test]
fn the_manifests_validate_against_the_kubernetes_api_schema() {
    let bin = match kubernetes_validate() {
        Ok(b) => b,
        Err(why) => return skip(&why),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("deploy/kubernetes"))
        .expect("deploy/kubernetes")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files.push(repo().join("deploy/kubernetes/audit/falco-k8saudit.yaml"));
    // The oldest Kubernetes the manifests are for (appArmorProfile is 1.30)
    // and the newest the validator knows; --strict rejects unknown fields.
    for version in ["1.30.0", KUBERNETES_VALIDATE] {
        let o = Command::new(&bin)
            .args(["--strict", "-k", version])
            .args(&files)
            .output()
            .expect("kubernetes-validate");
        let out = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.status.success(), "Kubernetes {version}:\n{out}");
        // One line per resource: 4 in deploy/kubernetes, 3 in the audit file.
        assert_eq!(out.matches(" passed for resource ").count(), 7, "{out}");
    }

    // The validator does reject a mistake: a misspelt field of the pod spec.
    let ds = std::fs::read_to_string(repo().join("deploy/kubernetes/30-daemonset.yaml"))
        .expect("daemonset");
    assert!(ds.contains("hostPID: true"));
    let bad = std::env::temp_dir().join(format!("falco-bad-ds-{}.yaml", std::process::id()));
    std::fs::write(&bad, ds.replace("hostPID: true", "hostPid: true")).expect("write");
    let o = Command::new(&bin)
        .args(["--strict", "--quiet"])
        .arg(&bad)
        .output()
        .expect("kubernetes-validate");
    let _ = std::fs::remove_file(&bad);
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "a misspelt field passed: {out}");
    assert!(out.contains("'hostPid' was unexpected"), "{out}");
}

/// The `deb` mirror of this machine's apt sources (deb822 `.sources` files
/// or `sources.list`) that serves `bookworm`.
fn apt_mirror() -> Option<String> {
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/etc/apt/sources.list.d") {
        let mut files: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "sources" || x == "list"))
            .collect();
        files.sort();
        texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
    }
    if let Ok(t) = std::fs::read_to_string("/etc/apt/sources.list") {
        texts.insert(0, t);
    }
    for text in &texts {
        // One-line format: deb [options] URI SUITE COMPONENTS...
        for line in text.lines().map(str::trim) {
            let mut words = line.split_whitespace();
            if words.next() != Some("deb") {
                continue;
            }
            let rest: Vec<&str> = words.collect();
            let rest: Vec<&str> = if rest.first().is_some_and(|w| w.starts_with('[')) {
                let end = rest.iter().position(|w| w.ends_with(']')).unwrap_or(0);
                rest[end + 1..].to_vec()
            } else {
                rest
            };
            if rest.len() >= 2 && rest[1] == "bookworm" && rest[0].starts_with("http") {
                return Some(rest[0].to_string());
            }
        }
        // deb822: paragraphs of Types/URIs/Suites.
        for para in text.split("\n\n") {
            let field = |name: &str| {
                para.lines()
                    .map(str::trim)
                    .filter(|l| !l.starts_with('#'))
                    .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
            };
            let (Some(types), Some(uris), Some(suites)) =
                (field("Types:"), field("URIs:"), field("Suites:"))
            else {
                continue;
            };
            if types.split_whitespace().any(|t| t == "deb")
                && suites.split_whitespace().any(|s| s == "bookworm")
            {
                if let Some(u) = uris.split_whitespace().find(|u| u.starts_with("http")) {
                    return Some(u.to_string());
                }
            }
        }
    }
    None
}

/// `debian:bookworm-slim`, made here when Docker does not have it:
/// `debootstrap --variant=minbase bookworm` from this machine's mirror,
/// without apt's caches, `docker import`ed. The tarball is kept under
/// `target/` so that a later run (or a pruned Docker) imports it again in
/// seconds.
fn base_image() -> Result<(), String> {
    if docker(&["image", "inspect", BASE]).is_ok() {
        return Ok(());
    }
    let cache = target_dir().join("image-cache");
    let tarball = cache.join("debian-bookworm-minbase.tar");
    if !tarball.exists() {
        if !Path::new("/usr/sbin/debootstrap").exists() {
            return Err("no debootstrap (apt-get install debootstrap)".into());
        }
        let mirror = apt_mirror().ok_or("no bookworm mirror in /etc/apt/sources.list{,.d}")?;
        std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
        let root = cache.join(format!("rootfs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        eprintln!("debootstrap --variant=minbase bookworm from {mirror}");
        let o = Command::new("debootstrap")
            .args(["--variant=minbase", "bookworm"])
            .arg(&root)
            .arg(&mirror)
            .output()
            .map_err(|e| format!("debootstrap: {e}"))?;
        if !o.status.success() {
            let _ = std::fs::remove_dir_all(&root);
            return Err(format!(
                "debootstrap from {mirror} failed: {}",
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .rev()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(" / ")
            ));
        }
        // As Debian's slim image: no package lists, no downloaded packages.
        for d in [
            "var/lib/apt/lists",
            "var/cache/apt",
            "var/cache/apt/archives",
        ] {
            if let Ok(rd) = std::fs::read_dir(root.join(d)) {
                for e in rd.flatten() {
                    if e.path().is_file() {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
        }
        let partial = cache.join(format!(
            "debian-bookworm-minbase.tar.{}",
            std::process::id()
        ));
        let st = Command::new("tar")
            .args([
                "--numeric-owner",
                "--exclude=./dev/*",
                "--exclude=./proc/*",
                "--exclude=./sys/*",
                "-C",
            ])
            .arg(&root)
            .arg("-cf")
            .arg(&partial)
            .arg(".")
            .status()
            .map_err(|e| format!("tar: {e}"))?;
        let _ = std::fs::remove_dir_all(&root);
        if !st.success() {
            let _ = std::fs::remove_file(&partial);
            return Err("tar of the debootstrap tree failed".into());
        }
        std::fs::rename(&partial, &tarball).map_err(|e| e.to_string())?;
    }
    let f = std::fs::File::open(&tarball).map_err(|e| e.to_string())?;
    import(f, BASE, &["CMD [\"bash\"]"])
}

/// The daemon binary cargo built for this test, stripped into the build
/// context at `target/image/falco` (the .dockerignore lets it in); its
/// path relative to the repository.
fn stage_binary() -> String {
    let dest = repo().join("target/image/falco");
    std::fs::create_dir_all(dest.parent().unwrap()).expect("target/image");
    let _ = std::fs::remove_file(&dest);
    let src = example("falco");
    let stripped = Command::new("strip")
        .arg("--strip-debug")
        .arg(&src)
        .arg("-o")
        .arg(&dest)
        .status()
        .is_ok_and(|s| s.success());
    if !stripped {
        std::fs::copy(&src, &dest).expect("copy the falco binary");
    }
    "target/image/falco".to_string()
}

/// An image removed (`docker rmi`) when the test ends.
struct Image(&'static str);

impl Drop for Image {
    fn drop(&mut self) {
        let _ = docker(&["rmi", "-f", self.0]);
    }
}

/// The capabilities this machine can grant (its bounding set).
fn bounding_set() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapBnd:"))
                .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        })
        .unwrap_or(u64::MAX)
}

fn capability_bit(name: &str) -> u32 {
    match name {
        "SYS_PTRACE" => 19,
        "SYS_ADMIN" => 21,
        "SYS_RESOURCE" => 24,
        "PERFMON" => 38,
        "BPF" => 39,
        other => panic!("capability {other}: add its number here"),
    }
}

/// Whether this Docker can grant a capability by name.
fn docker_knows_capability(cap: &str) -> bool {
    let name = format!("falco-cap-probe-{}", std::process::id());
    match docker(&["create", "--name", &name, "--cap-add", cap, BUSYBOX, "true"]) {
        Ok(_) => {
            let _ = docker(&["rm", "-f", &name]);
            true
        }
        Err(e) => !e.contains("unknown capability"),
    }
}

/// Writes a ConfigMap volume's files as the kubelet lays them out (the data
/// in a timestamped directory, `..data` pointing at it, each key a symlink
/// through `..data`), so the daemon reads the layout it meets in a pod.
fn write_configmap_dir(dir: &Path, files: &[(&str, &str)]) {
    let stamp = "..2026_01_01_00_00_00.000000001";
    std::fs::create_dir_all(dir.join(stamp)).expect("configmap dir");
    for (name, text) in files {
        std::fs::write(dir.join(stamp).join(name), text).expect("configmap file");
        std::os::unix::fs::symlink(format!("..data/{name}"), dir.join(name)).expect("symlink");
    }
    std::os::unix::fs::symlink(stamp, dir.join("..data")).expect("..data");
}

/// `docker run` arguments that give the container what the DaemonSet gives
/// the pod: host PID namespace, capabilities (less those this machine's
/// bounding set lacks), environment, resource limits, the host paths that
/// exist here and the ConfigMap's files.
fn run_args(ds: &YamlOwned, cm: &YamlOwned, dir: &Path) -> Vec<String> {
    let pod = at(ds, "spec/template/spec");
    let c = falco_container(ds);
    let mut args: Vec<String> = Vec::new();
    if at(pod, "hostPID").as_bool() == Some(true) {
        args.extend(["--pid".into(), "host".into()]);
    }
    let bounding = bounding_set();
    let mut caps: Vec<String> = Vec::new();
    for cap in seq(at(&c, "securityContext/capabilities/add")) {
        let mut cap = str_of(&cap).to_string();
        if bounding & (1 << capability_bit(&cap)) == 0 {
            eprintln!("CAP_{cap} is not in this machine's bounding set: left out");
            continue;
        }
        if !docker_knows_capability(&cap) {
            // Docker 20.10 (Debian 12's docker.io) predates CAP_BPF and
            // CAP_PERFMON; CAP_SYS_ADMIN grants what both do.
            eprintln!("this Docker does not know CAP_{cap}: CAP_SYS_ADMIN in its place");
            cap = "SYS_ADMIN".into();
        }
        if !caps.contains(&cap) {
            caps.push(cap);
        }
    }
    for cap in caps {
        args.extend(["--cap-add".into(), cap]);
    }
    if at(&c, "securityContext/appArmorProfile/type").as_str() == Some("Unconfined") {
        args.extend(["--security-opt".into(), "apparmor=unconfined".into()]);
    }
    for e in seq(at(&c, "env")) {
        let name = str_of(at(&e, "name"));
        let value = match at(&e, "value").as_str() {
            Some(v) => v.to_string(),
            None => {
                assert_eq!(
                    at(&e, "valueFrom/fieldRef/fieldPath").as_str(),
                    Some("spec.nodeName"),
                    "env {name}"
                );
                "container-image-test-node".to_string()
            }
        };
        args.extend(["-e".into(), format!("{name}={value}")]);
    }
    if let Some(mem) = at(&c, "resources/limits/memory").as_str() {
        let mem = mem
            .strip_suffix("Gi")
            .map(|g| format!("{g}g"))
            .unwrap_or(mem.into());
        args.extend(["--memory".into(), mem]);
    }
    if let Some(cpus) = at(&c, "resources/limits/cpu").as_str() {
        args.extend(["--cpus".into(), cpus.into()]);
    }
    for m in seq(at(&c, "volumeMounts")) {
        let name = str_of(at(&m, "name"));
        let mount = str_of(at(&m, "mountPath"));
        let ro = if at(&m, "readOnly").as_bool() == Some(true) {
            ":ro"
        } else {
            ""
        };
        let v = volume(ds, name);
        let source = if let Some(host) = at(&v, "hostPath/path").as_str() {
            if !Path::new(host).exists() {
                // Docker would make a directory there; the kubelet does too,
                // but this host is not a node to litter.
                eprintln!("{host} does not exist on this machine: not mounted");
                continue;
            }
            host.to_string()
        } else {
            let items: Vec<(String, String)> = seq(at(&v, "configMap/items"))
                .iter()
                .map(|i| {
                    (
                        str_of(at(i, "key")).to_string(),
                        str_of(at(i, "path")).to_string(),
                    )
                })
                .collect();
            let files: Vec<(&str, &str)> = items
                .iter()
                .map(|(k, p)| (p.as_str(), str_of(at(at(cm, "data"), k))))
                .collect();
            let vdir = dir.join(name);
            write_configmap_dir(&vdir, &files);
            match at(&m, "subPath").as_str() {
                Some(sub) => vdir.join(sub).display().to_string(),
                None => vdir.display().to_string(),
            }
        };
        args.extend(["-v".into(), format!("{source}:{mount}{ro}")]);
    }
    args
}

/// Standard output and error of a container so far.
fn logs(name: &str) -> String {
    Command::new("docker")
        .args(["logs", name])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
        })
        .unwrap_or_default()
}

/// `GET path` on `ip:port`: the whole answer.
fn http_get(ip: &str, port: u16, path: &str) -> Result<String, String> {
    let mut s = TcpStream::connect((ip, port)).map_err(|e| format!("connect {ip}:{port}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {ip}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut out = String::new();
    s.read_to_string(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

#[test]
fn the_image_runs_with_the_daemonsets_settings_and_detects_host_and_container_events() {
    if !live() {
        return;
    }
    if let Err(why) = docker_up()
        .and_then(|_| busybox_image())
        .and_then(|_| base_image())
    {
        return skip(&why);
    }

    // The offline way of the Dockerfile: the binary from the build context.
    // The legacy builder builds every stage before the target, so this also
    // checks that no registry image is needed on the way.
    // The `base` stage is tagged and kept: removing the test image then
    // keeps its layers (apt's packages) as the cache of the next run.
    let binary = stage_binary();
    let _ = docker(&["rmi", "-f", IMAGE]);
    let _image = Image(IMAGE);
    let old_base = docker(&["image", "inspect", "-f", "{{.Id}}", BASE_CACHE]).ok();
    for (target, tag) in [("base", BASE_CACHE), ("prebuilt", IMAGE)] {
        let o = Command::new("docker")
            .env("DOCKER_BUILDKIT", "0")
            .args(["build", "--force-rm", "--target", target, "--build-arg"])
            .arg(format!("FALCO_BINARY={binary}"))
            .args(["-t", tag])
            .arg(repo())
            .stdin(Stdio::null())
            .output()
            .expect("docker build");
        assert!(
            o.status.success(),
            "docker build --target {target}:\n{}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // A Dockerfile change leaves the previous cache untagged: remove it.
    if let Some(old) = old_base {
        if docker(&["image", "inspect", "-f", "{{.Id}}", BASE_CACHE]).ok() != Some(old.clone()) {
            let _ = docker(&["rmi", &old]);
        }
    }
    let _ = std::fs::remove_file(repo().join(&binary));

    // Falco's layout, as the Debian package has it, and HOST_ROOT.
    let layout = docker(&[
        "run",
        "--rm",
        IMAGE,
        "sh",
        "-c",
        "test -x /usr/bin/falco && test -f /etc/falco/falco.yaml \
         && test -f /etc/falco/falco_rules.yaml && test -f /etc/falco/falco_rules.local.yaml \
         && test -d /etc/falco/rules.d && test -d /etc/falco/config.d && echo layout-ok",
    ])
    .expect("the image runs a shell");
    assert_eq!(layout, "layout-ok");
    let env = docker(&["image", "inspect", "-f", "{{json .Config.Env}}", IMAGE]).expect("env");
    assert!(env.contains("\"HOST_ROOT=/host\""), "{env}");
    let cmd = docker(&["image", "inspect", "-f", "{{json .Config.Cmd}}", IMAGE]).expect("cmd");
    assert_eq!(cmd, "[\"/usr/bin/falco\"]");
    let dry = docker(&["run", "--rm", IMAGE, "/usr/bin/falco", "--dry-run"]);
    assert!(dry.is_ok(), "falco --dry-run in the image: {dry:?}");

    // The container the shell runs in.
    let pid = std::process::id();
    let bb = format!("falco-image-busybox-{pid}");
    let _ = docker(&["rm", "-f", &bb]);
    docker(&["run", "-d", "--name", &bb, BUSYBOX, "sleep", "600"]).expect("busybox runs");
    let _bb = Container(bb.clone());

    // The daemon, as the DaemonSet runs it.
    let docs = manifests();
    let ds = kind(&docs, "DaemonSet");
    let cm = kind(&docs, "ConfigMap");
    let dir = std::env::temp_dir().join(format!("falco-image-{pid}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let name = format!("falco-image-daemon-{pid}");
    let _ = docker(&["rm", "-f", &name]);
    let c = falco_container(ds);
    let mut args: Vec<String> = vec!["run".into(), "-d".into(), "--name".into(), name.clone()];
    args.extend(run_args(ds, cm, &dir));
    args.push(IMAGE.into());
    args.extend(seq(at(&c, "args")).iter().map(|a| str_of(a).to_string()));
    eprintln!("docker {}", args.join(" "));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    docker(&argv).expect("the daemon's container starts");
    let _daemon = Container(name.clone());
    wait_for("the daemon to start", Duration::from_secs(120), || {
        let l = logs(&name);
        let running = docker(&["inspect", "-f", "{{.State.Running}}", &name]);
        assert!(
            running.as_deref() == Ok("true") || l.contains("Starting event processing"),
            "the daemon's container stopped:\n{l}"
        );
        l.contains("Starting event processing")
    });

    // The probes' endpoint answers on the pod's (container's) address.
    let ip = docker(&["inspect", "-f", "{{.NetworkSettings.IPAddress}}", &name]).expect("ip");
    let port = at(&c, "ports/0/containerPort").as_integer().expect("port") as u16;
    let path = str_of(at(&c, "livenessProbe/httpGet/path")).to_string();
    let mut health = String::new();
    wait_for("/healthz", Duration::from_secs(30), || {
        health = http_get(&ip, port, &path).unwrap_or_default();
        health.starts_with("HTTP/1.1 200")
    });
    assert!(health.contains("\"status\": \"ok\""), "{health}");

    // `cat /etc/shadow` on the host, a shell in the other container.
    let marker = format!("falco-image-shell-{pid}");
    wait_for("both alerts", Duration::from_secs(90), || {
        let _ = Command::new("cat")
            .arg("/etc/shadow")
            .stdout(Stdio::null())
            .status();
        let _ = docker(&["exec", &bb, "sh", "-c", &format!("echo {marker}")]);
        std::thread::sleep(Duration::from_millis(500));
        let l = logs(&name);
        let host = l.lines().any(|a| {
            a.contains("Sensitive file opened for reading by non-trusted program")
                && a.contains("process=cat")
                && a.contains("file=/etc/shadow")
        });
        let shell = l.lines().any(|a| {
            a.contains("Shell started in a container")
                && a.contains(&marker)
                && a.contains(&format!("container_name={bb}"))
                && a.contains("image=falco-test/busybox")
        });
        host && shell
    });
    let l = logs(&name);
    let alert = l
        .lines()
        .find(|a| a.contains("Shell started in a container") && a.contains(&marker))
        .expect("shell alert");
    eprintln!("{alert}");
    if let Some(host) = l.lines().find(|a| a.contains("file=/etc/shadow")) {
        eprintln!("{host}");
    }
    // The node name from the DaemonSet's FALCO_HOSTNAME is not in the text
    // output; the container's id is the one Docker gave it.
    let full_id = docker(&["inspect", "-f", "{{.Id}}", &bb]).expect("id");
    assert!(
        alert.contains(&format!("container_id={}", &full_id[..12])),
        "{alert}"
    );

    // A clean stop: SIGTERM, exit status 0.
    docker(&["stop", "-t", "30", &name]).expect("docker stop");
    let code = docker(&["inspect", "-f", "{{.State.ExitCode}}", &name]).expect("exit code");
    assert_eq!(code, "0", "{}", logs(&name));
    let _ = std::fs::remove_dir_all(&dir);
}

//! Container metadata from the container runtime, as Falco's container
//! plugin gets it: the Docker Engine API (and podman's Docker-compatible
//! API) over its unix socket, asked on a thread of its own so the event loop
//! never waits.
//!
//! A container id seen for the first time (a clone or execve in a new
//! cgroup, or a process found at start) is queued for lookup once, and
//! forgotten when the last process of the container exits; its
//! events meanwhile have no metadata (`<NA>` for `container.name`, ...), as
//! in Falco before the plugin hears of a container. A runtime that is down
//! or slow costs a counted failure and never blocks (at most
//! [`MAX_PENDING_LOOKUPS`] wait; beyond, a container fails at once); a
//! socket that does not exist at start is skipped. containerd and CRI-O
//! are asked through the CRI (the `cri` module, with the feature of that
//! name).
//!
//! Each container found is also queued for its `container` event
//! ([`ContainerTable::take_announced`]), which the event loop emits between
//! two syscall events, as Falco's plugin injects its async event: for the
//! containers the engines list at start, each one they create later, and
//! each one first seen through its processes. (The state queues a
//! `container_removed` event when a known container's init exits.)

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// One mount of a container, as the runtime reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerMount {
    /// The host path (or volume).
    pub source: String,
    /// The path inside the container.
    pub dest: String,
    /// The mount mode (`z`, `ro`, ... as given).
    pub mode: String,
    /// Whether it is writable.
    pub rdwr: bool,
    /// The propagation (`rprivate`, ...).
    pub propagation: String,
}

impl ContainerMount {
    /// `source:dest:mode:rdwr:propagation`, as `container.mount` gives it.
    pub fn render(&self) -> String {
        format!(
            "{}:{}:{}:{}:{}",
            self.source, self.dest, self.mode, self.rdwr, self.propagation
        )
    }
}

/// What the runtime says of one container (the container plugin's fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerInfo {
    /// The full id.
    pub full_id: String,
    /// The engine: `docker`, `podman`, `containerd`, `cri-o` or `cri`.
    pub kind: &'static str,
    /// The name, without Docker's leading `/`.
    pub name: String,
    /// The image as the container was created from it (`Config.Image`).
    pub image: String,
    /// The image id without `sha256:`.
    pub image_id: String,
    /// The image repository.
    pub image_repo: String,
    /// The image tag.
    pub image_tag: String,
    /// The image's registry digest (`sha256:...`).
    pub image_digest: String,
    /// Whether it runs privileged.
    pub privileged: bool,
    /// Its mounts, in the runtime's order.
    pub mounts: Vec<ContainerMount>,
    /// Its labels (values over `label_max_len` left out).
    pub labels: BTreeMap<String, String>,
    /// Its IPv4 address.
    pub ip: String,
    /// Shares the host's PID namespace.
    pub host_pid: bool,
    /// Shares the host's network namespace.
    pub host_network: bool,
    /// Shares the host's IPC namespace.
    pub host_ipc: bool,
    /// The full id of its pod sandbox (CRI; empty otherwise).
    pub pod_sandbox_id: String,
    /// Its pod's labels (CRI; values over `label_max_len` left out).
    pub pod_labels: BTreeMap<String, String>,
    /// Its pod's CNI result as JSON text (CRI).
    pub cni_json: String,
}

impl ContainerInfo {
    /// `container.labels`: `key:value` pairs joined by `, `, without
    /// annotations and Kubernetes' internal labels.
    pub fn labels_text(&self) -> String {
        labels_text(&self.labels)
    }

    /// `k8s.pod.labels`, rendered as `container.labels`.
    pub fn pod_labels_text(&self) -> String {
        labels_text(&self.pod_labels)
    }

    /// The value of Kubernetes' internal label `key` (`pod.name`, ...).
    pub fn k8s_label(&self, key: &str) -> Option<&str> {
        self.labels
            .get(&format!("io.kubernetes.{key}"))
            .map(String::as_str)
    }
}

/// `key:value` pairs joined by `, `, without annotations and Kubernetes'
/// internal labels, as the plugin renders labels.
fn labels_text(labels: &BTreeMap<String, String>) -> String {
    let mut s = String::new();
    for (k, v) in labels {
        if k.starts_with("annotation.") || k.starts_with("io.kubernetes.") {
            continue;
        }
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(k);
        if !v.is_empty() {
            s.push(':');
            s.push_str(v);
        }
    }
    s
}

/// Where a container's metadata stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Never asked (no runtime configured, or an id not seen yet).
    Unknown,
    /// Asked, no answer yet.
    Pending,
    /// The runtime's answer.
    Found(Arc<ContainerInfo>),
    /// No runtime knows it, or the runtime failed.
    Failed,
}

/// The container engines to ask, with their sockets (the container
/// plugin's `engines.docker.sockets`, `engines.podman.sockets` and
/// `engines.cri.sockets`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerEngines {
    /// Docker Engine API sockets.
    pub docker: Vec<PathBuf>,
    /// Podman's Docker-compatible API sockets.
    pub podman: Vec<PathBuf>,
    /// CRI sockets (containerd, CRI-O); asked only with the `cri` feature.
    pub cri: Vec<PathBuf>,
    /// Labels whose value is longer than this are left out.
    pub label_max_len: usize,
    /// How long one request may take.
    pub timeout: Duration,
}

impl Default for ContainerEngines {
    /// The plugin's defaults (under `$HOST_ROOT`, as Falco does).
    fn default() -> ContainerEngines {
        let root = std::env::var("HOST_ROOT").unwrap_or_default();
        ContainerEngines {
            docker: vec![PathBuf::from(format!("{root}/var/run/docker.sock"))],
            podman: vec![PathBuf::from(format!("{root}/run/podman/podman.sock"))],
            cri: [
                "/run/containerd/containerd.sock",
                "/run/crio/crio.sock",
                "/run/k3s/containerd/containerd.sock",
                "/run/host-containerd/containerd.sock",
            ]
            .iter()
            .map(|p| PathBuf::from(format!("{root}{p}")))
            .collect(),
            label_max_len: 100,
            timeout: Duration::from_secs(2),
        }
    }
}

/// Counters of the lookups.
#[derive(Debug, Default)]
pub struct RuntimeStats {
    /// Lookups asked.
    pub lookups: AtomicU64,
    /// Lookups answered.
    pub found: AtomicU64,
    /// Lookups that failed (unknown id, runtime down or slow).
    pub failures: AtomicU64,
    /// Containers forgotten when their last process exited.
    pub evicted: AtomicU64,
    /// Container events not emitted because [`MAX_PENDING_ANNOUNCEMENTS`]
    /// were already waiting for the event loop.
    pub announcements_dropped: AtomicU64,
}

struct Shared {
    map: RwLock<HashMap<String, Lookup>>,
    requests: Mutex<Sender<String>>,
    stats: RuntimeStats,
    /// Lookups queued and not answered yet.
    pending: AtomicU64,
    /// Containers found and not yet announced to the event loop (a
    /// `container` event each), oldest first.
    announced: Mutex<std::collections::VecDeque<Arc<ContainerInfo>>>,
    /// Whether `announced` holds any: the event loop's only cost when
    /// there is nothing to announce is a load of this flag.
    has_announced: AtomicBool,
}

impl Shared {
    /// Queues `info` for a `container` event (at most
    /// [`MAX_PENDING_ANNOUNCEMENTS`] wait; beyond, it is counted and
    /// dropped, as libsinsp drops async events when its queue is full).
    fn announce(&self, info: Arc<ContainerInfo>) {
        let Ok(mut q) = self.announced.lock() else {
            return;
        };
        if q.len() >= MAX_PENDING_ANNOUNCEMENTS {
            self.stats
                .announcements_dropped
                .fetch_add(1, Ordering::Relaxed);
            return;
        }
        q.push_back(info);
        self.has_announced.store(true, Ordering::Release);
    }
}

/// At most this many lookups wait for a slow runtime; a container seen
/// beyond them is a counted failure at once, so a runtime that stalls
/// costs bounded memory.
pub const MAX_PENDING_LOOKUPS: u64 = 4096;

/// At most this many found containers wait for their `container` event
/// (the event loop takes one per event, so the queue only fills when the
/// loop is stalled).
pub const MAX_PENDING_ANNOUNCEMENTS: usize = 4096;

/// The containers' metadata, filled by a lookup thread; cheap to clone
/// (clones share the table). The default table asks no runtime.
#[derive(Clone, Default)]
pub struct ContainerTable {
    shared: Option<Arc<Shared>>,
}

impl std::fmt::Debug for ContainerTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContainerTable")
            .field("enabled", &self.shared.is_some())
            .finish()
    }
}

/// A socket to ask, with the engine it speaks for.
#[derive(Clone, Debug)]
struct Socket {
    path: PathBuf,
    kind: &'static str,
}

impl ContainerTable {
    /// Starts the lookup thread over the sockets of `engines` that exist;
    /// with none, a table that asks nothing. The engines' containers are
    /// and looked up at once.
    pub fn start(engines: &ContainerEngines) -> ContainerTable {
        let sockets: Vec<Socket> = engines
            .docker
            .iter()
            .map(|p| (p, "docker"))
            .chain(engines.podman.iter().map(|p| (p, "podman")))
            .filter(|(p, _)| p.exists())
            .map(|(p, kind)| Socket {
                path: p.clone(),
                kind,
            })
            .collect();
        let cri_sockets: Vec<PathBuf> = if cfg!(feature = "cri") {
            engines.cri.iter().filter(|p| p.exists()).cloned().collect()
        } else {
            Vec::new()
        };
        if sockets.is_empty() && cri_sockets.is_empty() {
            return ContainerTable::default();
        }
        let (tx, rx) = channel::<String>();
        let shared = Arc::new(Shared {
            map: RwLock::new(HashMap::new()),
            requests: Mutex::new(tx),
            stats: RuntimeStats::default(),
            pending: AtomicU64::new(0),
            announced: Mutex::new(std::collections::VecDeque::new()),
            has_announced: AtomicBool::new(false),
        });
        let worker = shared.clone();
        let cfg = engines.clone();
        let spawned = std::thread::Builder::new()
            .name("falco-containers".into())
            .spawn(move || {
                let cri = CriEngines::connect(&cri_sockets, &cfg);
                // The CRI's running containers (its creations are seen when
                // their first process is).
                let me = ContainerTable {
                    shared: Some(worker.clone()),
                };
                for id in cri.running() {
                    me.observe(&id);
                }
                drop(me);
                for id in rx {
                    let found = sockets
                        .iter()
                        .find_map(|s| inspect(s, &id, &cfg))
                        .or_else(|| cri.inspect(&id, &cfg));
                    let entry = match found {
                        Some(info) => {
                            worker.stats.found.fetch_add(1, Ordering::Relaxed);
                            let info = Arc::new(info);
                            // Falco's plugin emits its `container` event
                            // when it learns a container (found; a failed
                            // lookup emits none).
                            worker.announce(info.clone());
                            Lookup::Found(info)
                        }
                        None => {
                            worker.stats.failures.fetch_add(1, Ordering::Relaxed);
                            Lookup::Failed
                        }
                    };
                    // Unless forgotten meanwhile (its last process exited).
                    if let Ok(mut m) = worker.map.write() {
                        if let Some(e) = m.get_mut(short_id(&id)) {
                            *e = entry;
                        }
                    }
                    worker.pending.fetch_sub(1, Ordering::Relaxed);
                }
            });
        if spawned.is_err() {
            return ContainerTable::default();
        }
        let table = ContainerTable {
            shared: Some(shared),
        };
        // The containers already running, and each container the engines
        // create from now on (looked up at creation, so its metadata is
        // there before its first process runs, as the plugin's hooks do).
        for path in engines
            .docker
            .iter()
            .chain(&engines.podman)
            .filter(|p| p.exists())
        {
            // Listed on the watcher's thread: a stalled engine never
            // delays the start.
            let watcher = table.clone();
            let path = path.clone();
            let timeout = engines.timeout;
            let _ = std::thread::Builder::new()
                .name("falco-container-events".into())
                .spawn(move || {
                    if let Some(ids) = list_running(&path, timeout) {
                        for id in ids {
                            watcher.observe(&id);
                        }
                    }
                    watch_creations(&path, &watcher)
                });
        }
        table
    }

    /// Whether a runtime is asked.
    pub fn is_enabled(&self) -> bool {
        self.shared.is_some()
    }

    /// The oldest container found and not announced yet: the event loop
    /// emits a `container` event for it. Never blocks on a lookup; when
    /// there is none, costs one atomic load.
    pub fn take_announced(&self) -> Option<Arc<ContainerInfo>> {
        let s = self.shared.as_ref()?;
        if !s.has_announced.load(Ordering::Acquire) {
            return None;
        }
        let mut q = s.announced.lock().ok()?;
        let info = q.pop_front();
        if q.is_empty() {
            s.has_announced.store(false, Ordering::Release);
        }
        info
    }

    /// The metadata of every container found and cached (answered, not
    /// forgotten), in no particular order: what a capture's initial dump
    /// announces, as the plugin dumps its containers.
    pub fn found(&self) -> Vec<Arc<ContainerInfo>> {
        let Some(s) = &self.shared else {
            return Vec::new();
        };
        s.map
            .read()
            .map(|m| {
                m.values()
                    .filter_map(|l| match l {
                        Lookup::Found(i) => Some(i.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Queues a lookup of container `id` (full or short) unless it was
    /// asked before. Never blocks.
    pub fn observe(&self, id: &str) {
        let Some(s) = &self.shared else { return };
        let short = short_id(id);
        if s.map.read().is_ok_and(|m| m.contains_key(short)) {
            return;
        }
        let Ok(mut m) = s.map.write() else { return };
        if m.contains_key(short) {
            return;
        }
        s.stats.lookups.fetch_add(1, Ordering::Relaxed);
        if s.pending.load(Ordering::Relaxed) >= MAX_PENDING_LOOKUPS {
            m.insert(short.to_string(), Lookup::Failed);
            s.stats.failures.fetch_add(1, Ordering::Relaxed);
            return;
        }
        m.insert(short.to_string(), Lookup::Pending);
        drop(m);
        s.pending.fetch_add(1, Ordering::Relaxed);
        if let Ok(tx) = s.requests.lock() {
            let _ = tx.send(id.to_string());
        }
    }

    /// The metadata of container `short` (its 12-character id).
    pub fn get(&self, short: &str) -> Lookup {
        let Some(s) = &self.shared else {
            return Lookup::Unknown;
        };
        s.map
            .read()
            .ok()
            .and_then(|m| m.get(short).cloned())
            .unwrap_or(Lookup::Unknown)
    }

    /// Forgets container `short` (its last process exited): its metadata
    /// is dropped, and asked again should the id come back.
    pub fn forget(&self, short: &str) {
        let Some(s) = &self.shared else { return };
        let Ok(mut m) = s.map.write() else { return };
        if m.remove(short).is_some() {
            s.stats.evicted.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// How many containers are cached (answered, pending or failed).
    pub fn len(&self) -> usize {
        self.shared
            .as_ref()
            .and_then(|s| s.map.read().ok().map(|m| m.len()))
            .unwrap_or(0)
    }

    /// Whether no container is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many containers were forgotten when their last process exited.
    pub fn evicted(&self) -> u64 {
        self.shared
            .as_ref()
            .map_or(0, |s| s.stats.evicted.load(Ordering::Relaxed))
    }

    /// The lookup counters (zero when no runtime is asked).
    pub fn stats(&self) -> (u64, u64, u64) {
        self.shared.as_ref().map_or((0, 0, 0), |s| {
            (
                s.stats.lookups.load(Ordering::Relaxed),
                s.stats.found.load(Ordering::Relaxed),
                s.stats.failures.load(Ordering::Relaxed),
            )
        })
    }
}

/// The CRI runtimes that answered at start (none without the `cri`
/// feature).
struct CriEngines {
    #[cfg(feature = "cri")]
    clients: Vec<super::cri::CriClient>,
}

impl CriEngines {
    #[cfg_attr(not(feature = "cri"), allow(unused_variables))]
    fn connect(sockets: &[PathBuf], cfg: &ContainerEngines) -> CriEngines {
        #[cfg(feature = "cri")]
        {
            let clients = sockets
                .iter()
                .filter_map(|p| super::cri::CriClient::connect(p, cfg.timeout).ok())
                .collect();
            CriEngines { clients }
        }
        #[cfg(not(feature = "cri"))]
        CriEngines {}
    }

    fn running(&self) -> Vec<String> {
        #[cfg(feature = "cri")]
        {
            self.clients
                .iter()
                .filter_map(|c| c.list_running().ok())
                .flatten()
                .collect()
        }
        #[cfg(not(feature = "cri"))]
        Vec::new()
    }

    #[cfg_attr(not(feature = "cri"), allow(unused_variables))]
    fn inspect(&self, id: &str, cfg: &ContainerEngines) -> Option<ContainerInfo> {
        #[cfg(feature = "cri")]
        {
            self.clients.iter().find_map(|c| c.inspect(id, cfg))
        }
        #[cfg(not(feature = "cri"))]
        None
    }
}

/// The first 12 characters of an id.
fn short_id(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// `GET path` on the API socket: the status and body (HTTP/1.0, so the
/// body ends with the connection and is never chunked).
fn get(socket: &Path, path: &str, timeout: Duration) -> Option<(u16, Vec<u8>)> {
    let mut s = UnixStream::connect(socket).ok()?;
    s.set_read_timeout(Some(timeout)).ok()?;
    s.set_write_timeout(Some(timeout)).ok()?;
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: docker\r\n\r\n").as_bytes())
        .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, buf[head_end + 4..].to_vec()))
}

/// Follows the engine's event stream and looks up each container it
/// creates; reconnects (after a second) when the stream ends.
fn watch_creations(socket: &Path, table: &ContainerTable) {
    // filters={"type":["container"],"event":["create"]}
    const PATH: &str = "/events?filters=%7B%22type%22%3A%5B%22container%22%5D%2C%22event%22%3A%5B%22create%22%5D%7D";
    loop {
        if let Ok(mut s) = UnixStream::connect(socket) {
            let request = format!("GET {PATH} HTTP/1.0\r\nHost: docker\r\n\r\n");
            if s.write_all(request.as_bytes()).is_ok() {
                let mut r = std::io::BufReader::new(s);
                let mut line = String::new();
                // The head, up to its blank line.
                loop {
                    line.clear();
                    match std::io::BufRead::read_line(&mut r, &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if line.trim().is_empty() => break,
                        Ok(_) => {}
                    }
                }
                // One JSON object a line.
                loop {
                    line.clear();
                    match std::io::BufRead::read_line(&mut r, &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {
                            let Ok(ev) = serde_json::from_str::<serde_json::Value>(&line) else {
                                continue;
                            };
                            let id = ev["Actor"]["ID"].as_str().or(ev["id"].as_str());
                            if let Some(id) = id {
                                table.observe(id);
                            }
                        }
                    }
                }
            }
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// The ids of the engine's containers, stopped ones included, as the
/// plugin lists them at start (each gets its `container` event).
fn list_running(socket: &Path, timeout: Duration) -> Option<Vec<String>> {
    let (200, body) = get(socket, "/containers/json?all=1", timeout)? else {
        return None;
    };
    let list: Vec<serde_json::Value> = serde_json::from_slice(&body).ok()?;
    Some(
        list.iter()
            .filter_map(|c| c["Id"].as_str().map(str::to_string))
            .collect(),
    )
}

fn text(v: &serde_json::Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Splits `repo[:tag][@digest]` as the plugin does: the tag follows the
/// last `:` after the last `/`.
pub(crate) fn repo_tag(image: &str) -> (String, String) {
    let image = image.split('@').next().unwrap_or(image);
    let slash = image.rfind('/');
    match image.rfind(':') {
        Some(c) if slash.is_none_or(|s| c > s) => {
            (image[..c].to_string(), image[c + 1..].to_string())
        }
        _ => (image.to_string(), String::new()),
    }
}

/// Asks one socket about container `id`.
fn inspect(socket: &Socket, id: &str, cfg: &ContainerEngines) -> Option<ContainerInfo> {
    let (status, body) = get(&socket.path, &format!("/containers/{id}/json"), cfg.timeout)?;
    if status != 200 {
        return None;
    }
    let c: serde_json::Value = serde_json::from_slice(&body).ok()?;
    let host = &c["HostConfig"];
    let config = &c["Config"];
    let mode_is_host = |k: &str| host[k].as_str() == Some("host");
    let mut info = ContainerInfo {
        full_id: text(&c["Id"]),
        kind: socket.kind,
        name: text(&c["Name"]).trim_start_matches('/').to_string(),
        image: text(&config["Image"]),
        privileged: host["Privileged"].as_bool().unwrap_or(false),
        host_pid: mode_is_host("PidMode"),
        host_network: mode_is_host("NetworkMode"),
        host_ipc: mode_is_host("IpcMode"),
        ip: text(&c["NetworkSettings"]["IPAddress"]),
        ..ContainerInfo::default()
    };
    if let Some(ms) = c["Mounts"].as_array() {
        info.mounts = ms
            .iter()
            .map(|m| ContainerMount {
                source: text(&m["Source"]),
                dest: text(&m["Destination"]),
                mode: text(&m["Mode"]),
                rdwr: m["RW"].as_bool().unwrap_or(false),
                propagation: text(&m["Propagation"]),
            })
            .collect();
    }
    if let Some(ls) = config["Labels"].as_object() {
        for (k, v) in ls {
            let v = v.as_str().unwrap_or_default();
            if v.len() <= cfg.label_max_len {
                info.labels.insert(k.clone(), v.to_string());
            }
        }
    }
    // The image: its id, and repository, tag and digest from its
    // RepoDigests and RepoTags as the plugin picks them.
    let image_ref = text(&c["Image"]);
    if let Some((200, body)) = get(
        &socket.path,
        &format!("/images/{image_ref}/json"),
        cfg.timeout,
    ) {
        if let Ok(img) = serde_json::from_slice::<serde_json::Value>(&body) {
            let mut digests = Vec::new();
            for rd in img["RepoDigests"].as_array().into_iter().flatten() {
                let rd = rd.as_str().unwrap_or_default();
                let Some((repo, digest)) = rd.split_once('@') else {
                    continue;
                };
                if info.image_repo.is_empty() {
                    info.image_repo = repo.to_string();
                }
                digests.push(digest.to_string());
                if rd.contains(&info.image_repo) {
                    info.image_digest = digest.to_string();
                    break;
                }
            }
            if info.image_digest.is_empty() && digests.len() == 1 {
                info.image_digest = digests.remove(0);
            }
            for rt in img["RepoTags"].as_array().into_iter().flatten() {
                let rt = rt.as_str().unwrap_or_default();
                let (repo, tag) = repo_tag(rt);
                if repo.is_empty() || tag.is_empty() {
                    continue;
                }
                if info.image_repo.is_empty() {
                    info.image_repo = repo;
                }
                if rt.contains(&info.image_repo) {
                    info.image_tag = tag;
                    break;
                }
            }
            info.image_id = text(&img["Id"]).trim_start_matches("sha256:").to_string();
        }
    }
    Some(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references_split_as_the_plugin_splits_them() {
        for (image, repo, tag) in [
            ("busybox:latest", "busybox", "latest"),
            (
                "registry:5000/team/app:1.2",
                "registry:5000/team/app",
                "1.2",
            ),
            ("registry:5000/team/app", "registry:5000/team/app", ""),
            ("app@sha256:abcd", "app", ""),
            (
                "docker.io/library/nginx:1.25@sha256:ff",
                "docker.io/library/nginx",
                "1.25",
            ),
        ] {
            assert_eq!(
                repo_tag(image),
                (repo.to_string(), tag.to_string()),
                "{image}"
            );
        }
    }

    #[test]
    fn labels_render_without_internal_ones() {
        let mut i = ContainerInfo::default();
        for (k, v) in [
            ("team", "red"),
            ("io.kubernetes.pod.name", "p"),
            ("annotation.x", "y"),
            ("flag", ""),
        ] {
            i.labels.insert(k.into(), v.into());
        }
        assert_eq!(i.labels_text(), "flag, team:red");
        let m = ContainerMount {
            source: "/var/run/docker.sock".into(),
            dest: "/var/run/docker.sock".into(),
            mode: String::new(),
            rdwr: true,
            propagation: "rprivate".into(),
        };
        assert_eq!(
            m.render(),
            "/var/run/docker.sock:/var/run/docker.sock::true:rprivate"
        );
    }

    #[test]
    fn a_missing_socket_asks_nothing() {
        let t = ContainerTable::start(&ContainerEngines {
            docker: vec!["/nonexistent/docker.sock".into()],
            podman: vec![],
            ..ContainerEngines::default()
        });
        assert!(!t.is_enabled());
        t.observe("3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e");
        assert_eq!(t.get("3ad7b26ded6d"), Lookup::Unknown);
        assert_eq!(t.stats(), (0, 0, 0));
    }

    #[test]
    fn a_socket_that_does_not_answer_is_a_counted_failure() {
        // A unix socket that accepts and closes at once.
        let dir = std::env::temp_dir().join(format!("falco-rt-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("docker.sock");
        let _ = std::fs::remove_file(&path);
        let listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
        std::thread::spawn(move || {
            for s in listener.incoming() {
                drop(s);
            }
        });
        let t = ContainerTable::start(&ContainerEngines {
            docker: vec![path],
            podman: vec![],
            cri: vec![],
            label_max_len: 100,
            timeout: Duration::from_millis(200),
        });
        assert!(t.is_enabled());
        t.observe("abcdefabcdef0123");
        t.observe("abcdefabcdef0123");
        let start = std::time::Instant::now();
        while t.get("abcdefabcdef") == Lookup::Pending {
            assert!(start.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(t.get("abcdefabcdef"), Lookup::Failed);
        assert_eq!(t.stats(), (1, 0, 1));
    }

    #[test]
    fn a_stalled_runtime_holds_a_bounded_queue() {
        // A socket that accepts and never answers: the start does not wait
        // for it, and lookups beyond the bound fail at once.
        let dir = std::env::temp_dir().join(format!("falco-rt-stall-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("docker.sock");
        let _ = std::fs::remove_file(&path);
        let listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for s in listener.incoming() {
                held.push(s);
            }
        });
        let started = std::time::Instant::now();
        let t = ContainerTable::start(&ContainerEngines {
            docker: vec![path],
            podman: vec![],
            cri: vec![],
            label_max_len: 100,
            timeout: Duration::from_secs(2),
        });
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "start waited"
        );
        let n = MAX_PENDING_LOOKUPS + 1000;
        let start = std::time::Instant::now();
        for i in 0..n {
            t.observe(&format!("{i:012x}{:052x}", 0));
        }
        assert!(start.elapsed() < Duration::from_secs(5), "observe waited");
        let (asked, found, failed) = t.stats();
        assert_eq!((asked, found), (n, 0));
        // The first lookup holds the worker; those beyond the bound failed.
        assert!(failed >= 999, "{failed}");
        assert_eq!(t.get(&format!("{:012x}", n - 1)), Lookup::Failed);
        assert_eq!(t.get(&format!("{:012x}", 1)), Lookup::Pending);
    }
}

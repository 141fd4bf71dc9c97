//! The Container Runtime Interface (`runtime.v1.RuntimeService` over gRPC on
//! a unix socket): how containerd and CRI-O are asked about a container, as
//! Falco's container plugin asks them.
//!
//! A lookup lists the container by id (`ListContainers`), asks its status
//! with the runtime's verbose information (`ContainerStatus`, whose `info`
//! JSON tells whether it is privileged and which image it was created
//! from), then its pod sandbox (`PodSandboxStatus`: pod name, namespace,
//! uid, labels, IP, host namespaces and the CNI result). An id that is a pod
//! sandbox itself (a pause process) is not a container to the CRI: its
//! lookup fails, and its processes have `container.id` equal to
//! `k8s.pod.sandbox_id` and no other metadata, as with the plugin.
//!
//! The messages and the client are generated from Kubernetes' own
//! `api.proto` (module [`proto`]); [`CriClient::call`] makes any other call
//! of the service with them (the tests create pods so).
//!
//! Calls run on a single-threaded Tokio runtime owned by the client, on the
//! lookup thread: the event loop never waits on the CRI.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::Duration;

use hyper_util::rt::TokioIo;
use tonic::transport::{Channel, Endpoint, Uri};

use super::runtime::{repo_tag, ContainerEngines, ContainerInfo, ContainerMount};

/// The CRI's messages and clients (`runtime.v1`), generated from the
/// upstream `api.proto` vendored in `falco-events/proto/cri/` (its README
/// names the commit) by `tonic-prost-build` with `protox`; the code is
/// committed and `cargo run -p cri-codegen` regenerates it (its test fails
/// when the committed file is stale). Only the clients are generated, no
/// servers. The documentation is the proto's own comments.
//
// The generated code is not ours to shape, so these lints are allowed on it
// (here only): `missing_docs`, as some messages and fields have no comment
// in the proto and the clients' constructors none from the generator; and
// three about the proto's comments read as Markdown: list items continued
// without indentation, bare URLs, and placeholders such as `<size>` that
// read as unclosed HTML tags.
#[allow(
    missing_docs,
    clippy::doc_lazy_continuation,
    rustdoc::bare_urls,
    rustdoc::invalid_html_tags
)]
pub mod proto {
    include!("cri/runtime.v1.rs");
}

/// The generated client of `runtime.v1.RuntimeService` on a connection.
pub type RuntimeServiceClient = proto::runtime_service_client::RuntimeServiceClient<Channel>;

/// `NamespaceMode::Node`: the pod shares the host's namespace.
const NODE: i32 = proto::NamespaceMode::Node as i32;
/// The plugin cuts the CNI result at this many bytes.
const MAX_CNI_LEN: usize = 4096;

/// Why a CRI call failed.
#[derive(Debug, thiserror::Error)]
pub enum CriError {
    /// The socket could not be reached.
    #[error("cannot connect to {path}: {reason}")]
    Connect {
        /// The socket.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The runtime answered with an error status, or the call timed out.
    #[error("{method}: {reason}")]
    Call {
        /// The method (`/runtime.v1.RuntimeService/...`).
        method: String,
        /// Why.
        reason: String,
    },
}

/// A connection to one CRI runtime socket.
pub struct CriClient {
    rt: tokio::runtime::Runtime,
    channel: Channel,
    path: PathBuf,
    timeout: Duration,
    runtime_name: String,
}

impl std::fmt::Debug for CriClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CriClient")
            .field("path", &self.path)
            .field("runtime_name", &self.runtime_name)
            .finish()
    }
}

impl CriClient {
    /// Connects to the runtime at `path` and asks its version; each call
    /// may take at most `timeout`.
    pub fn connect(path: &Path, timeout: Duration) -> Result<CriClient, CriError> {
        let connect_err = |reason: String| CriError::Connect {
            path: path.to_path_buf(),
            reason,
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| connect_err(e.to_string()))?;
        let socket = path.to_path_buf();
        // The URI is required by the endpoint and ignored by the connector.
        let endpoint = Endpoint::from_static("http://cri.sock")
            .connect_timeout(timeout)
            .timeout(timeout);
        let channel = rt
            .block_on(async {
                tokio::time::timeout(
                    timeout,
                    endpoint.connect_with_connector(tower::service_fn(move |_: Uri| {
                        let socket = socket.clone();
                        async move {
                            let s = tokio::net::UnixStream::connect(socket).await?;
                            Ok::<_, std::io::Error>(TokioIo::new(s))
                        }
                    })),
                )
                .await
            })
            .map_err(|_| connect_err("timed out".into()))?
            .map_err(|e| connect_err(e.to_string()))?;
        let mut client = CriClient {
            rt,
            channel,
            path: path.to_path_buf(),
            timeout,
            runtime_name: String::new(),
        };
        let v = client.call("Version", |mut c| async move {
            c.version(proto::VersionRequest {
                version: "v1".into(),
            })
            .await
        })?;
        client.runtime_name = v.runtime_name;
        Ok(client)
    }

    /// The socket.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The runtime's name as its `Version` gives it (`containerd`, `cri-o`).
    pub fn runtime_name(&self) -> &str {
        &self.runtime_name
    }

    /// `container.type` for this runtime: `containerd` or `cri-o`, else
    /// `cri`, as the plugin names them.
    pub fn kind(&self) -> &'static str {
        match self.runtime_name.as_str() {
            "containerd" => "containerd",
            "cri-o" => "cri-o",
            _ => "cri",
        }
    }

    /// Runs one call of the generated client on this connection, within
    /// the client's timeout: `f` is given a [`RuntimeServiceClient`] and
    /// returns the call's future; `method` (`ListContainers`, ...) names
    /// the call in errors.
    ///
    /// ```no_run
    /// # use std::{path::Path, time::Duration};
    /// use falco_events::state::cri::{proto, CriClient};
    ///
    /// let cri = CriClient::connect(Path::new("/run/containerd/containerd.sock"), Duration::from_secs(2))?;
    /// let pods = cri.call("ListPodSandbox", |mut c| async move {
    ///     c.list_pod_sandbox(proto::ListPodSandboxRequest::default()).await
    /// })?;
    /// println!("{} pods", pods.items.len());
    /// # Ok::<(), falco_events::state::cri::CriError>(())
    /// ```
    pub fn call<T, F, Fut>(&self, method: &str, f: F) -> Result<T, CriError>
    where
        F: FnOnce(RuntimeServiceClient) -> Fut,
        Fut: Future<Output = Result<tonic::Response<T>, tonic::Status>>,
    {
        let call_err = |reason: String| CriError::Call {
            method: format!("/runtime.v1.RuntimeService/{method}"),
            reason,
        };
        let client = RuntimeServiceClient::new(self.channel.clone());
        // The timer needs the runtime: it is made inside `block_on`.
        self.rt
            .block_on(async { tokio::time::timeout(self.timeout, f(client)).await })
            .map_err(|_| call_err("timed out".into()))?
            .map(tonic::Response::into_inner)
            .map_err(|s| call_err(format!("{:?}: {}", s.code(), s.message())))
    }

    /// The ids of the running containers.
    pub fn list_running(&self) -> Result<Vec<String>, CriError> {
        let r = self.call("ListContainers", |mut c| async move {
            c.list_containers(proto::ListContainersRequest {
                filter: Some(proto::ContainerFilter {
                    state: Some(proto::ContainerStateValue {
                        state: proto::ContainerState::ContainerRunning as i32,
                    }),
                    ..Default::default()
                }),
            })
            .await
        })?;
        Ok(r.containers.into_iter().map(|c| c.id).collect())
    }

    /// What the runtime says of container `id` (full or short), or `None`
    /// when it does not know it (a pod sandbox, another runtime's
    /// container) or a call fails.
    pub fn inspect(&self, id: &str, cfg: &ContainerEngines) -> Option<ContainerInfo> {
        let filter = proto::ContainerFilter {
            id: id.to_string(),
            ..Default::default()
        };
        let list = self
            .call("ListContainers", |mut c| async move {
                c.list_containers(proto::ListContainersRequest {
                    filter: Some(filter),
                })
                .await
            })
            .ok()?;
        let c = list.containers.into_iter().next()?;
        let container_id = c.id.clone();
        let status = self
            .call("ContainerStatus", |mut c| async move {
                c.container_status(proto::ContainerStatusRequest {
                    container_id,
                    verbose: true,
                })
                .await
            })
            .ok()?;
        let pod_sandbox_id = c.pod_sandbox_id.clone();
        let sandbox = self
            .call("PodSandboxStatus", |mut c| async move {
                c.pod_sandbox_status(proto::PodSandboxStatusRequest {
                    pod_sandbox_id,
                    verbose: true,
                })
                .await
            })
            .ok();
        Some(to_info(self.kind(), status, sandbox, cfg))
    }
}

/// A JSON object's string at `path`.
fn json_str<'a>(v: &'a serde_json::Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(*k))?.as_str()
}

/// A JSON object's bool at `path`.
fn json_bool(v: &serde_json::Value, path: &[&str]) -> Option<bool> {
    path.iter().try_fold(v, |v, k| v.get(*k))?.as_bool()
}

/// Whether the verbose info says the container is privileged: the OCI
/// runtime spec's security context first, then the creation config's,
/// then a top-level `privileged` (CRI-O), as the plugin looks.
fn privileged(info: &serde_json::Value) -> bool {
    json_bool(
        info,
        &["runtimeSpec", "linux", "security_context", "privileged"],
    )
    .or_else(|| json_bool(info, &["config", "linux", "security_context", "privileged"]))
    .or_else(|| json_bool(info, &["privileged"]))
    .unwrap_or(false)
}

/// The CNI result of the sandbox's verbose info: containerd's
/// `cniResult.interfaces` without `lo` and `veth`, else CRI-O's annotation,
/// cut at 4096 bytes.
fn cni_json(sandbox_info: &HashMap<String, String>) -> String {
    let Some(info) = sandbox_info
        .get("info")
        .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
    else {
        return String::new();
    };
    let mut out = if let Some(ifaces) = info
        .get("cniResult")
        .and_then(|r| r.get("interfaces"))
        .and_then(|i| i.as_array())
    {
        let kept: Vec<String> = ifaces
            .iter()
            .filter(|i| {
                let name = i.get("name").and_then(|n| n.as_str()).unwrap_or_default();
                name != "lo" && name != "veth"
            })
            .map(|i| {
                // The plugin keeps name, mtu, socketPath and pciID, in
                // that order.
                let get = |k: &str| i.get(k).cloned().unwrap_or(serde_json::Value::Null);
                let mtu = i.get("mtu").cloned().unwrap_or(serde_json::json!(0));
                format!(
                    "{{\"name\":{},\"mtu\":{},\"socketPath\":{},\"pciID\":{}}}",
                    get("name"),
                    mtu,
                    get("socketPath"),
                    get("pciID")
                )
            })
            .collect();
        format!("[{}]", kept.join(","))
    } else {
        json_str(
            &info,
            &[
                "runtimeSpec",
                "annotations",
                "io.kubernetes.cri-o.CNIResult",
            ],
        )
        .unwrap_or_default()
        .to_string()
    };
    if out.len() > MAX_CNI_LEN {
        let mut cut = MAX_CNI_LEN;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

/// The plugin's reading of a CRI container: image name, repository, tag,
/// digest and id from `image`, `image_ref` and the annotations; Kubernetes'
/// internal labels (`io.kubernetes.pod.name`, `.namespace`, `.uid`,
/// `io.kubernetes.sandbox.id`) added to the labels from the sandbox.
fn to_info(
    kind: &'static str,
    status: proto::ContainerStatusResponse,
    sandbox: Option<proto::PodSandboxStatusResponse>,
    cfg: &ContainerEngines,
) -> ContainerInfo {
    let info: serde_json::Value = status
        .info
        .get("info")
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(serde_json::Value::Null);
    let ctr = status.status.unwrap_or_default();
    let (sandbox_status, sandbox_info) = match sandbox {
        Some(s) => (s.status, s.info),
        None => (None, HashMap::new()),
    };

    // The image. `image_ref` is `repo@sha256:...` or a bare `sha256:...`.
    let given = ctr
        .image
        .as_ref()
        .map(|i| i.image.clone())
        .unwrap_or_default();
    let mut image = given.clone();
    let mut digest = String::new();
    let mut tag_from_given = false;
    if let Some(at) = ctr.image_ref.find("sha256:") {
        if at == 0 {
            digest = ctr.image_ref.clone();
        } else if ctr.image_ref.as_bytes()[at - 1] == b'@' {
            image = ctr.image_ref[..at - 1].to_string();
            digest = ctr.image_ref[at..].to_string();
            tag_from_given = true;
        }
    }
    if image.is_empty() || image.starts_with("sha256") {
        let annotation = |k: &str| json_str(&info, &["runtimeSpec", "annotations", k]);
        if let Some(name) = annotation("io.kubernetes.cri.image-name")
            .or_else(|| annotation("io.kubernetes.cri-o.Image"))
            .or_else(|| annotation("io.kubernetes.cri-o.ImageName"))
        {
            image = name.to_string();
            tag_from_given = false;
        }
    }
    let (image_repo, mut image_tag) = repo_tag(&image);
    if tag_from_given {
        let (_, tag) = repo_tag(&given);
        if !tag.is_empty() {
            image = format!("{image}:{tag}");
            image_tag = tag;
        }
    }
    let (_, mut image_id) = repo_tag(json_str(&info, &["config", "image", "image"]).unwrap_or(""));
    if image_id.is_empty() {
        image_id = ctr.image_id.clone();
    }

    let mounts = ctr
        .mounts
        .iter()
        .map(|m| ContainerMount {
            source: m.host_path.clone(),
            dest: m.container_path.clone(),
            mode: String::new(),
            rdwr: !m.readonly,
            propagation: match proto::MountPropagation::try_from(m.propagation) {
                Ok(proto::MountPropagation::PropagationPrivate) => "private",
                Ok(proto::MountPropagation::PropagationHostToContainer) => "rslave",
                Ok(proto::MountPropagation::PropagationBidirectional) => "rshared",
                Err(_) => "unknown",
            }
            .to_string(),
        })
        .collect();

    let mut labels: BTreeMap<String, String> = ctr
        .labels
        .iter()
        .filter(|(_, v)| v.len() <= cfg.label_max_len)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let sandbox_id = sandbox_status
        .as_ref()
        .map_or_else(|| ctr.id.clone(), |s| s.id.clone());
    labels.insert("io.kubernetes.sandbox.id".into(), sandbox_id.clone());
    let mut pod_labels = BTreeMap::new();
    let mut ip = String::new();
    let (mut host_pid, mut host_network, mut host_ipc) = (false, false, false);
    if let Some(s) = &sandbox_status {
        if let Some(m) = &s.metadata {
            labels.insert("io.kubernetes.pod.uid".into(), m.uid.clone());
            labels.insert("io.kubernetes.pod.name".into(), m.name.clone());
            labels.insert("io.kubernetes.pod.namespace".into(), m.namespace.clone());
        }
        pod_labels = s
            .labels
            .iter()
            .filter(|(_, v)| v.len() <= cfg.label_max_len)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if let Some(o) = s
            .linux
            .as_ref()
            .and_then(|l| l.namespaces.as_ref())
            .and_then(|n| n.options.as_ref())
        {
            host_pid = o.pid == NODE;
            host_network = o.network == NODE;
            host_ipc = o.ipc == NODE;
        }
        ip = s.network.as_ref().map(|n| n.ip.clone()).unwrap_or_default();
    }

    ContainerInfo {
        full_id: ctr.id.clone(),
        kind,
        name: ctr
            .metadata
            .as_ref()
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        image,
        image_id,
        image_repo,
        image_tag,
        image_digest: digest,
        privileged: privileged(&info),
        mounts,
        labels,
        ip,
        host_pid,
        host_network,
        host_ipc,
        pod_sandbox_id: sandbox_id,
        pod_labels,
        cni_json: cni_json(&sandbox_info),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(image: &str, image_ref: &str, info: &str) -> proto::ContainerStatusResponse {
        proto::ContainerStatusResponse {
            status: Some(proto::ContainerStatus {
                id: "f00dcafe0123456789abcdef0123456789abcdef0123456789abcdef01234567".into(),
                metadata: Some(proto::ContainerMetadata {
                    name: "web".into(),
                    attempt: 0,
                }),
                image: Some(proto::ImageSpec {
                    image: image.into(),
                    ..Default::default()
                }),
                image_ref: image_ref.into(),
                image_id: "sha256:1111".into(),
                labels: [("team".to_string(), "blue".to_string())].into(),
                mounts: vec![proto::Mount {
                    container_path: "/data".into(),
                    host_path: "/srv/data".into(),
                    readonly: true,
                    propagation: proto::MountPropagation::PropagationHostToContainer as i32,
                    ..Default::default()
                }],
                ..Default::default()
            }),
            info: [("info".to_string(), info.to_string())].into(),
        }
    }

    fn sandbox(cni: &str) -> proto::PodSandboxStatusResponse {
        proto::PodSandboxStatusResponse {
            status: Some(proto::PodSandboxStatus {
                id: "5a4db0c5".repeat(8),
                metadata: Some(proto::PodSandboxMetadata {
                    name: "web-7d9".into(),
                    uid: "3e41dc6b-08a8-44db-bc2a-3724b18ab19a".into(),
                    namespace: "shop".into(),
                    attempt: 0,
                }),
                network: Some(proto::PodSandboxNetworkStatus {
                    ip: "10.244.0.7".into(),
                    ..Default::default()
                }),
                linux: Some(proto::LinuxPodSandboxStatus {
                    namespaces: Some(proto::Namespace {
                        options: Some(proto::NamespaceOption {
                            network: proto::NamespaceMode::Pod as i32,
                            pid: NODE,
                            ipc: proto::NamespaceMode::Pod as i32,
                            ..Default::default()
                        }),
                    }),
                }),
                labels: [("app".to_string(), "web".to_string())].into(),
                ..Default::default()
            }),
            info: [("info".to_string(), cni.to_string())].into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_containerd_container_reads_as_the_plugin_reads_it() {
        let info = r#"{"config":{"image":{"image":"sha256:9c7a54a9a43cca04"},
            "linux":{"security_context":{"privileged":true}}}}"#;
        let cni = r#"{"cniResult":{"interfaces":[{"name":"lo","mtu":65536},
            {"name":"eth0","mtu":1450,"IPConfigs":[{"IP":"10.244.0.7"}]},{"name":"veth","mtu":1}]}}"#;
        let i = to_info(
            "containerd",
            status(
                "docker.io/library/nginx:1.27",
                "docker.io/library/nginx@sha256:abcd",
                info,
            ),
            Some(sandbox(cni)),
            &ContainerEngines::default(),
        );
        assert_eq!(i.kind, "containerd");
        assert_eq!(i.name, "web");
        assert_eq!(i.image, "docker.io/library/nginx:1.27");
        assert_eq!(i.image_repo, "docker.io/library/nginx");
        assert_eq!(i.image_tag, "1.27");
        assert_eq!(i.image_digest, "sha256:abcd");
        assert_eq!(i.image_id, "9c7a54a9a43cca04");
        assert!(i.privileged);
        assert!(i.host_pid && !i.host_network && !i.host_ipc);
        assert_eq!(i.ip, "10.244.0.7");
        assert_eq!(i.mounts[0].render(), "/srv/data:/data::false:rslave");
        assert_eq!(i.labels["io.kubernetes.pod.name"], "web-7d9");
        assert_eq!(i.labels["io.kubernetes.pod.namespace"], "shop");
        assert_eq!(i.labels["io.kubernetes.sandbox.id"], "5a4db0c5".repeat(8));
        assert_eq!(i.labels_text(), "team:blue");
        assert_eq!(i.pod_labels["app"], "web");
        assert_eq!(
            i.cni_json,
            r#"[{"name":"eth0","mtu":1450,"socketPath":null,"pciID":null}]"#
        );
    }

    #[test]
    fn an_image_given_by_digest_takes_its_name_from_the_annotations() {
        let info = r#"{"runtimeSpec":{"annotations":
            {"io.kubernetes.cri.image-name":"quay.io/team/app:2.0"}}}"#;
        let i = to_info(
            "containerd",
            status("sha256:77aa", "sha256:77aa", info),
            None,
            &ContainerEngines::default(),
        );
        assert_eq!(i.image, "quay.io/team/app:2.0");
        assert_eq!(i.image_repo, "quay.io/team/app");
        assert_eq!(i.image_tag, "2.0");
        assert_eq!(i.image_digest, "sha256:77aa");
        // No image in the config: the status's image id.
        assert_eq!(i.image_id, "sha256:1111");
        assert!(!i.privileged);
        // Without a sandbox the container is its own sandbox.
        assert_eq!(i.pod_sandbox_id, i.full_id);
        assert!(!i.labels.contains_key("io.kubernetes.pod.name"));
    }

    #[test]
    fn a_socket_that_is_not_there_is_a_connect_error() {
        let e = CriClient::connect(
            Path::new("/nonexistent/cri.sock"),
            Duration::from_millis(200),
        )
        .unwrap_err();
        assert!(matches!(e, CriError::Connect { .. }), "{e}");
    }

    #[test]
    fn a_runtime_that_never_answers_is_a_timed_out_call() {
        let dir = std::env::temp_dir().join(format!("falco-cri-mute-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let sock = dir.join("cri.sock");
        // The kernel accepts the connection; nobody reads or answers.
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let e = CriClient::connect(&sock, Duration::from_millis(300)).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        match e {
            CriError::Call { method, reason } => {
                assert_eq!(method, "/runtime.v1.RuntimeService/Version");
                // Our timer or the channel's, whichever fires first.
                assert!(
                    reason == "timed out" || reason == "Cancelled: Timeout expired",
                    "{reason}"
                );
            }
            CriError::Connect { reason, .. } => assert_eq!(reason, "timed out"),
        }
    }
}

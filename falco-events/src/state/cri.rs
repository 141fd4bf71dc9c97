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
//! The messages are written here with `prost`'s derive, one for each field
//! the lookups read (field numbers of the CRI's `api.proto`); fields we do
//! not read are skipped by the decoder. [`CriClient::call`] makes any other
//! unary call with messages of the caller's (the tests create pods so).
//!
//! Calls run on a single-threaded Tokio runtime owned by the client, on the
//! lookup thread: the event loop never waits on the CRI.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use hyper_util::rt::TokioIo;
use tonic::transport::{Channel, Endpoint, Uri};

use super::runtime::{repo_tag, ContainerEngines, ContainerInfo, ContainerMount};

/// The messages of `runtime.v1` the lookups use.
pub mod proto {
    use std::collections::HashMap;

    /// `VersionRequest`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct VersionRequest {
        /// The kubelet's API version.
        #[prost(string, tag = "1")]
        pub version: String,
    }

    /// `VersionResponse`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct VersionResponse {
        /// The API version.
        #[prost(string, tag = "1")]
        pub version: String,
        /// The runtime's name: `containerd`, `cri-o`, ...
        #[prost(string, tag = "2")]
        pub runtime_name: String,
        /// The runtime's version.
        #[prost(string, tag = "3")]
        pub runtime_version: String,
    }

    /// `ContainerStateValue`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerStateValue {
        /// `ContainerState`: 0 created, 1 running, 2 exited, 3 unknown.
        #[prost(int32, tag = "1")]
        pub state: i32,
    }

    /// `ContainerFilter`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerFilter {
        /// A container id (full or a unique prefix).
        #[prost(string, tag = "1")]
        pub id: String,
        /// A state.
        #[prost(message, optional, tag = "2")]
        pub state: Option<ContainerStateValue>,
    }

    /// `ListContainersRequest`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ListContainersRequest {
        /// The filter.
        #[prost(message, optional, tag = "1")]
        pub filter: Option<ContainerFilter>,
    }

    /// `Container` (the fields a lookup reads).
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct Container {
        /// The full id.
        #[prost(string, tag = "1")]
        pub id: String,
        /// Its pod sandbox.
        #[prost(string, tag = "2")]
        pub pod_sandbox_id: String,
    }

    /// `ListContainersResponse`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ListContainersResponse {
        /// The containers.
        #[prost(message, repeated, tag = "1")]
        pub containers: Vec<Container>,
    }

    /// `ContainerStatusRequest`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerStatusRequest {
        /// The container.
        #[prost(string, tag = "1")]
        pub container_id: String,
        /// Whether to return the runtime's extra `info`.
        #[prost(bool, tag = "2")]
        pub verbose: bool,
    }

    /// `ContainerMetadata`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerMetadata {
        /// The container's name in its pod spec.
        #[prost(string, tag = "1")]
        pub name: String,
        /// The attempt number.
        #[prost(uint32, tag = "2")]
        pub attempt: u32,
    }

    /// `ImageSpec`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ImageSpec {
        /// The image reference.
        #[prost(string, tag = "1")]
        pub image: String,
    }

    /// `Mount`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct Mount {
        /// The path in the container.
        #[prost(string, tag = "1")]
        pub container_path: String,
        /// The path on the host.
        #[prost(string, tag = "2")]
        pub host_path: String,
        /// Read-only.
        #[prost(bool, tag = "3")]
        pub readonly: bool,
        /// `MountPropagation`: 0 private, 1 host-to-container, 2 bidirectional.
        #[prost(int32, tag = "5")]
        pub propagation: i32,
    }

    /// `ContainerStatus` (the fields a lookup reads).
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerStatus {
        /// The full id.
        #[prost(string, tag = "1")]
        pub id: String,
        /// Name and attempt.
        #[prost(message, optional, tag = "2")]
        pub metadata: Option<ContainerMetadata>,
        /// `ContainerState`.
        #[prost(int32, tag = "3")]
        pub state: i32,
        /// Creation, nanoseconds since the epoch.
        #[prost(int64, tag = "4")]
        pub created_at: i64,
        /// The image as given.
        #[prost(message, optional, tag = "8")]
        pub image: Option<ImageSpec>,
        /// The digested image reference.
        #[prost(string, tag = "9")]
        pub image_ref: String,
        /// Labels.
        #[prost(map = "string, string", tag = "12")]
        pub labels: HashMap<String, String>,
        /// Mounts.
        #[prost(message, repeated, tag = "14")]
        pub mounts: Vec<Mount>,
        /// The image's id on the node.
        #[prost(string, tag = "17")]
        pub image_id: String,
    }

    /// `ContainerStatusResponse`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct ContainerStatusResponse {
        /// The status.
        #[prost(message, optional, tag = "1")]
        pub status: Option<ContainerStatus>,
        /// The runtime's extra information (JSON values), when verbose.
        #[prost(map = "string, string", tag = "2")]
        pub info: HashMap<String, String>,
    }

    /// `PodSandboxStatusRequest`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct PodSandboxStatusRequest {
        /// The sandbox.
        #[prost(string, tag = "1")]
        pub pod_sandbox_id: String,
        /// Whether to return the runtime's extra `info`.
        #[prost(bool, tag = "2")]
        pub verbose: bool,
    }

    /// `PodSandboxMetadata`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct PodSandboxMetadata {
        /// The pod's name.
        #[prost(string, tag = "1")]
        pub name: String,
        /// The pod's UID.
        #[prost(string, tag = "2")]
        pub uid: String,
        /// The pod's namespace.
        #[prost(string, tag = "3")]
        pub namespace: String,
        /// The attempt number.
        #[prost(uint32, tag = "4")]
        pub attempt: u32,
    }

    /// `PodSandboxNetworkStatus`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct PodSandboxNetworkStatus {
        /// The pod's IP.
        #[prost(string, tag = "1")]
        pub ip: String,
    }

    /// `NamespaceOption`: each a `NamespaceMode` (0 pod, 1 container, 2
    /// node, 3 target).
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct NamespaceOption {
        /// Network namespace mode.
        #[prost(int32, tag = "1")]
        pub network: i32,
        /// PID namespace mode.
        #[prost(int32, tag = "2")]
        pub pid: i32,
        /// IPC namespace mode.
        #[prost(int32, tag = "3")]
        pub ipc: i32,
    }

    /// `Namespace`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct Namespace {
        /// The options.
        #[prost(message, optional, tag = "2")]
        pub options: Option<NamespaceOption>,
    }

    /// `LinuxPodSandboxStatus`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct LinuxPodSandboxStatus {
        /// The namespaces.
        #[prost(message, optional, tag = "1")]
        pub namespaces: Option<Namespace>,
    }

    /// `PodSandboxStatus` (the fields a lookup reads).
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct PodSandboxStatus {
        /// The full sandbox id.
        #[prost(string, tag = "1")]
        pub id: String,
        /// Pod name, uid, namespace.
        #[prost(message, optional, tag = "2")]
        pub metadata: Option<PodSandboxMetadata>,
        /// Network status.
        #[prost(message, optional, tag = "5")]
        pub network: Option<PodSandboxNetworkStatus>,
        /// Linux status (namespaces).
        #[prost(message, optional, tag = "6")]
        pub linux: Option<LinuxPodSandboxStatus>,
        /// The pod's labels.
        #[prost(map = "string, string", tag = "7")]
        pub labels: HashMap<String, String>,
    }

    /// `PodSandboxStatusResponse`.
    #[derive(Clone, PartialEq, prost::Message)]
    pub struct PodSandboxStatusResponse {
        /// The status.
        #[prost(message, optional, tag = "1")]
        pub status: Option<PodSandboxStatus>,
        /// The runtime's extra information (JSON values), when verbose.
        #[prost(map = "string, string", tag = "2")]
        pub info: HashMap<String, String>,
    }
}

/// `NamespaceMode::NODE`: the pod shares the host's namespace.
const NODE: i32 = 2;
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
        let v: proto::VersionResponse = client.call(
            "/runtime.v1.RuntimeService/Version",
            proto::VersionRequest {
                version: "v1".into(),
            },
        )?;
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

    /// One unary call of `method` (`/runtime.v1.RuntimeService/Name`).
    pub fn call<Req, Resp>(&self, method: &str, req: Req) -> Result<Resp, CriError>
    where
        Req: prost::Message + Send + Sync + 'static,
        Resp: prost::Message + Default + Send + Sync + 'static,
    {
        let call_err = |reason: String| CriError::Call {
            method: method.to_string(),
            reason,
        };
        let path = tonic::codegen::http::uri::PathAndQuery::try_from(method)
            .map_err(|e| call_err(e.to_string()))?;
        let mut grpc = tonic::client::Grpc::new(self.channel.clone());
        let codec = tonic_prost::ProstCodec::<Req, Resp>::default();
        self.rt
            .block_on(async {
                tokio::time::timeout(self.timeout, async {
                    grpc.ready().await.map_err(|e| call_err(e.to_string()))?;
                    grpc.unary(tonic::Request::new(req), path, codec)
                        .await
                        .map(tonic::Response::into_inner)
                        .map_err(|s| call_err(format!("{:?}: {}", s.code(), s.message())))
                })
                .await
            })
            .map_err(|_| call_err("timed out".into()))?
    }

    /// The ids of the running containers.
    pub fn list_running(&self) -> Result<Vec<String>, CriError> {
        let r: proto::ListContainersResponse = self.call(
            "/runtime.v1.RuntimeService/ListContainers",
            proto::ListContainersRequest {
                filter: Some(proto::ContainerFilter {
                    id: String::new(),
                    state: Some(proto::ContainerStateValue { state: 1 }),
                }),
            },
        )?;
        Ok(r.containers.into_iter().map(|c| c.id).collect())
    }

    /// What the runtime says of container `id` (full or short), or `None`
    /// when it does not know it (a pod sandbox, another runtime's
    /// container) or a call fails.
    pub fn inspect(&self, id: &str, cfg: &ContainerEngines) -> Option<ContainerInfo> {
        let list: proto::ListContainersResponse = self
            .call(
                "/runtime.v1.RuntimeService/ListContainers",
                proto::ListContainersRequest {
                    filter: Some(proto::ContainerFilter {
                        id: id.to_string(),
                        state: None,
                    }),
                },
            )
            .ok()?;
        let c = list.containers.into_iter().next()?;
        let status: proto::ContainerStatusResponse = self
            .call(
                "/runtime.v1.RuntimeService/ContainerStatus",
                proto::ContainerStatusRequest {
                    container_id: c.id.clone(),
                    verbose: true,
                },
            )
            .ok()?;
        let sandbox: Option<proto::PodSandboxStatusResponse> = self
            .call(
                "/runtime.v1.RuntimeService/PodSandboxStatus",
                proto::PodSandboxStatusRequest {
                    pod_sandbox_id: c.pod_sandbox_id.clone(),
                    verbose: true,
                },
            )
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
            propagation: match m.propagation {
                0 => "private",
                1 => "rslave",
                2 => "rshared",
                _ => "unknown",
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
                }),
                image_ref: image_ref.into(),
                image_id: "sha256:1111".into(),
                labels: [("team".to_string(), "blue".to_string())].into(),
                mounts: vec![proto::Mount {
                    container_path: "/data".into(),
                    host_path: "/srv/data".into(),
                    readonly: true,
                    propagation: 1,
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
                }),
                linux: Some(proto::LinuxPodSandboxStatus {
                    namespaces: Some(proto::Namespace {
                        options: Some(proto::NamespaceOption {
                            network: 0,
                            pid: NODE,
                            ipc: 0,
                        }),
                    }),
                }),
                labels: [("app".to_string(), "web".to_string())].into(),
            }),
            info: [("info".to_string(), cni.to_string())].into(),
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
}

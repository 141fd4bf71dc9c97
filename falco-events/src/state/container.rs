//! The container id of a cgroup path, as Falco's container plugin derives
//! it (`plugins/container/src/matchers/runc.cpp` and its engine layouts).

/// `(prefix, suffix)` layouts of docker, cri-o, containerd (CRI and
/// nerdctl) and podman cgroup paths. The id is what lies between the last
/// `prefix` and the `suffix` at the end of the path.
const LAYOUTS: &[(&str, &str)] = &[
    ("/", ""),
    ("/docker-", ".scope"),
    ("/crio-", ""),
    ("/crio-", ".scope"),
    ("/cri-containerd-", ".scope"),
    (":cri-containerd:", ""),
    ("/nerdctl-", ".scope"),
    ("/libpod-", ".scope"),
    ("/libpod-", ".scope/container"),
    ("/libpod-", ""),
    ("/libpod-payload-", ".scope"),
    ("/libpod-payload-", ".scope/container"),
    ("/libpod-payload-", ""),
];

/// The full (64 hex characters) container id found in cgroup `path`, if
/// any layout matches; `container.id` is its first 12 characters. Ids of
/// another length or with non-hex characters are rejected, as the plugin
/// does (so systemd `.service`/`.slice` cgroups of the host never match).
///
/// ```
/// use falco_events::state::container_id;
/// let id = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
/// assert_eq!(container_id(&format!("/docker/{id}")), Some(id));
/// assert_eq!(container_id(&format!("/system.slice/docker-{id}.scope")), Some(id));
/// assert_eq!(container_id("/user.slice/user-1000.slice/session-1.scope"), None);
/// ```
pub fn container_id(path: &str) -> Option<&str> {
    for &(prefix, suffix) in LAYOUTS {
        let Some(body) = path.strip_suffix(suffix) else {
            continue;
        };
        let Some(at) = body.rfind(prefix) else {
            continue;
        };
        let id = &body[at + prefix.len()..];
        if id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(id);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::container_id;

    const ID: &str = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

    #[test]
    fn each_runtime_layout_gives_the_id() {
        let paths = [
            format!("/docker/{ID}"),
            format!("/system.slice/docker-{ID}.scope"),
            format!("/kubepods/besteffort/pod1234/{ID}"),
            format!("/kubepods.slice/kubepods-pod1.slice/crio-{ID}.scope"),
            format!("/kubepods.slice/cri-containerd-{ID}.scope"),
            format!("/system.slice/containerd.service/kubepods-x:cri-containerd:{ID}"),
            format!("/machine.slice/libpod-{ID}.scope/container"),
            format!("/user.slice/libpod-payload-{ID}"),
        ];
        for p in &paths {
            assert_eq!(container_id(p), Some(ID), "{p}");
        }
    }

    #[test]
    fn host_cgroups_and_short_ids_give_none() {
        for p in [
            "/",
            "/user.slice/user-1000.slice/session-1.scope",
            "/system.slice/docker.service",
            "/docker/3ad7b26ded6d",
            "/docker/zzd7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e",
        ] {
            assert_eq!(container_id(p), None, "{p}");
        }
    }
}

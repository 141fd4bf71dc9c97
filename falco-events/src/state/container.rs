//! The container id of a cgroup path, as Falco's container plugin derives
//! it (`plugins/container/src/matchers/`): its engines' matchers tried in
//! its order — podman, docker, cri (cri-o and containerd under Kubernetes),
//! then containerd's own `/NAMESPACE/ID` layout (containers made with
//! `ctr`) — with its length rules. The plugin's lxc, libvirt-lxc and bpm
//! matchers are off by default in Falco and not implemented here.

/// `(prefix, suffix)` layouts of podman cgroup paths.
const PODMAN: &[(&str, &str)] = &[
    ("/libpod-", ".scope"),
    ("/libpod-", ".scope/container"),
    ("/libpod-", ""),
    ("/libpod-payload-", ".scope"),
    ("/libpod-payload-", ".scope/container"),
    ("/libpod-payload-", ""),
];

/// Docker's: cgroupfs and systemd drivers.
const DOCKER: &[(&str, &str)] = &[("/", ""), ("/docker-", ".scope")];

/// The CRI runtimes' (containerd, cri-o, cri-dockerd, nerdctl).
const CRI: &[(&str, &str)] = &[
    ("/", ""),
    ("/crio-", ""),
    ("/cri-containerd-", ".scope"),
    ("/crio-", ".scope"),
    (":cri-containerd:", ""),
    ("/docker-", ".scope"),
    ("/nerdctl-", ".scope"),
];

/// A full container id's length.
const FULL_ID_LEN: usize = 64;

/// The id between the last `prefix` and the last `suffix` of `path`, by
/// the plugin's rules: 64 hex characters (checked, as the plugin checks
/// them, only up to byte 64 of the path); for containerd's own layout also
/// a shorter id of any characters, unless the path is a systemd unit
/// (`.service`, `.slice`, `.scope`).
fn match_layout<'a>(
    path: &'a str,
    prefix: &str,
    suffix: &str,
    containerd: bool,
) -> Option<&'a str> {
    let start = path.rfind(prefix)? + prefix.len();
    let end = if suffix.is_empty() {
        path.len()
    } else {
        path.rfind(suffix)?
    };
    let len = end.checked_sub(start)?;
    let hex_ok = path.as_bytes()[start..]
        .iter()
        .position(|b| !b.is_ascii_hexdigit())
        .is_none_or(|i| start + i >= FULL_ID_LEN);
    if len == FULL_ID_LEN && hex_ok {
        return path.get(start..end);
    }
    if len > FULL_ID_LEN || len == 0 {
        return None;
    }
    let unit = [".service", ".slice", ".scope"]
        .iter()
        .any(|s| path.ends_with(s));
    if containerd && !unit {
        return path.get(start..end);
    }
    None
}

/// The first `/NAME/` of `path` (a containerd namespace: alphanumeric words
/// joined by single `.`, `_` or `-`), slashes included.
fn containerd_namespace(path: &str) -> Option<&str> {
    let b = path.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'/') {
        let open = i + off;
        let mut j = open + 1;
        let ok = loop {
            let word = b[j..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if word == 0 {
                break false;
            }
            j += word;
            match b.get(j) {
                Some(b'.' | b'_' | b'-')
                    if b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric()) =>
                {
                    j += 1
                }
                _ => break true,
            }
        };
        if ok && b.get(j) == Some(&b'/') {
            return path.get(open..=j);
        }
        i = open + 1;
    }
    None
}

/// The container id in cgroup `path` as the container plugin's default
/// engines find it: 64 hex characters for docker, podman, cri-o and
/// containerd under Kubernetes (`container.id` is the first 12), or the
/// id of a container that `ctr` made in a containerd namespace
/// (`/NAMESPACE/ID`, any id of at most 64 characters: the plugin reports
/// its first 12). `None` for the host (systemd units never match).
///
/// ```
/// use falco_events::state::container_id;
/// let id = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
/// assert_eq!(container_id(&format!("/docker/{id}")), Some(id));
/// assert_eq!(container_id(&format!("/system.slice/docker-{id}.scope")), Some(id));
/// assert_eq!(container_id("/default/redis-1"), Some("redis-1"));
/// assert_eq!(container_id("/user.slice/user-1000.slice/session-1.scope"), None);
/// ```
pub fn container_id(path: &str) -> Option<&str> {
    for layouts in [PODMAN, DOCKER, CRI] {
        for &(prefix, suffix) in layouts {
            if let Some(id) = match_layout(path, prefix, suffix, false) {
                return Some(id);
            }
        }
    }
    let ns = containerd_namespace(path)?;
    match_layout(path, ns, "", true)
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
            "/init.scope",
            "/system.slice/containerd.service",
            "/kubepods.slice/kubepods-besteffort.slice",
        ] {
            assert_eq!(container_id(p), None, "{p}");
        }
    }

    #[test]
    fn containerd_namespaces_give_the_id_the_plugin_reports() {
        // `ctr -n NAMESPACE run ... ID`, and the layout of this CI machine's
        // memory cgroup (`/process_api/<32 hex>`), which Falco 0.44 reports
        // as a containerd container.
        for (path, want) in [
            ("/default/redis-1", Some("redis-1")),
            ("/k8s.io/abc", Some("abc")),
            (
                "/process_api/a6187e6e87fdd22224ad60782d097d2b",
                Some("a6187e6e87fdd22224ad60782d097d2b"),
            ),
            ("/docker/3ad7b26ded6d", Some("3ad7b26ded6d")),
            // Nested: the id is what follows the first namespace.
            ("/a/b/c", Some("b/c")),
            // 65 characters: too long for any engine.
            (
                "/ns/0123456789012345678901234567890123456789012345678901234567890123x",
                None,
            ),
            ("/ns/", None),
            ("/-bad-/x", None),
        ] {
            assert_eq!(container_id(path), want, "{path}");
        }
    }

    #[test]
    fn the_hex_check_stops_at_byte_64_as_the_plugins() {
        // The plugin checks for non-hex characters from the id's start but
        // compares the position with 64, so a non-hex character past byte
        // 63 of the path goes unnoticed (a docker id), while one before it
        // fails docker and cri, and the containerd rule then takes the
        // path's first directory as a namespace and the rest as the id.
        let tail_bad = format!("/docker/{}", "a".repeat(55) + "zzzzzzzzz");
        assert_eq!(container_id(&tail_bad), Some(&tail_bad[8..]));
        let head_bad = format!("/docker/{}", "z".to_string() + &"a".repeat(63));
        assert_eq!(container_id(&head_bad), Some(&head_bad[8..]));
    }
}

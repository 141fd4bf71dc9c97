//! The container id of a cgroup path, as Falco's container plugin derives
//! it (`plugins/container/src/matchers/`): its engines' matchers tried in
//! its order — podman, docker, cri (cri-o and containerd under Kubernetes),
//! then containerd's own `/NAMESPACE/ID` layout (containers made with
//! `ctr`) — with its length rules, then lxc, libvirt-lxc and bpm.

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

/// The container engine whose cgroup layout gave a container id, in the
/// order the container plugin tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CgroupEngine {
    /// podman (`libpod-…`).
    Podman,
    /// Docker.
    Docker,
    /// A CRI runtime (cri-o, containerd under Kubernetes, cri-dockerd, nerdctl).
    Cri,
    /// containerd's own `/NAMESPACE/ID` layout (`ctr`).
    Containerd,
    /// LXC (`/lxc/NAME`, `/lxc.payload/NAME`, `/lxc.payload.NAME`).
    Lxc,
    /// libvirt's LXC driver.
    LibvirtLxc,
    /// Cloud Foundry's BOSH process manager (`bpm-ID`).
    Bpm,
}

impl CgroupEngine {
    /// `container.type` of a container that the cgroup alone describes: the
    /// plugin asks no runtime about LXC, libvirt-lxc and BPM containers (it
    /// knows their id and type at once); `None` for the engines whose
    /// metadata comes from a runtime socket.
    pub fn static_kind(self) -> Option<&'static str> {
        match self {
            CgroupEngine::Lxc => Some("lxc"),
            CgroupEngine::LibvirtLxc => Some("libvirt-lxc"),
            CgroupEngine::Bpm => Some("bpm"),
            _ => None,
        }
    }
}

/// LXC's layouts: non-systemd, systemd, and LXC 4.0's.
const LXC: &[&str] = &["/lxc/", "/lxc.payload/", "/lxc.payload."];

/// The plugin's lxc matcher: the first layout found decides (an empty id
/// is no container).
fn match_lxc(path: &str) -> Option<Option<&str>> {
    LXC.iter().find_map(|layout| {
        let start = path.find(layout)? + layout.len();
        let end = path[start..].find('/').map_or(path.len(), |i| start + i);
        Some(Some(&path[start..end]).filter(|id| !id.is_empty()))
    })
}

/// The plugin's libvirt-lxc matcher (non-systemd, systemd, legacy), in its
/// order; the first layout that matches decides.
fn match_libvirt_lxc(path: &str) -> Option<Option<&str>> {
    const SUFFIX: &str = ".libvirt-lxc";
    if let Some(pos) = path.find(SUFFIX) {
        if pos + SUFFIX.len() == path.len() {
            if let Some(slash) = path.rfind('/') {
                return Some(path.get(slash + 1..pos).filter(|id| !id.is_empty()));
            }
        }
    }
    // systemd: `machine-lxc\x2dID.scope`, or `….scope/libvirt`.
    const SYSTEMD: &str = "-lxc\\x2d";
    if let Some(pos) = path.find(SYSTEMD) {
        let delimiter = if path.contains(".scope/libvirt") {
            ".scope/libvirt"
        } else {
            ".scope"
        };
        if let Some(end) = path.find(delimiter) {
            if end + delimiter.len() == path.len() {
                let start = pos + SYSTEMD.len();
                return Some(path.get(start..end).filter(|id| !id.is_empty()));
            }
        }
    }
    const LEGACY: &str = "/libvirt/lxc/";
    let pos = path.find(LEGACY)?;
    Some(Some(&path[pos + LEGACY.len()..]).filter(|id| !id.is_empty()))
}

/// The plugin's bpm matcher: `bpm-ID` up to `.scope`, the id made of
/// BPM's characters (letters, digits, `.`, `_`, `-`).
fn match_bpm(path: &str) -> Option<&str> {
    let start = path.find("bpm-")? + "bpm-".len();
    let end = path[start..]
        .find(".scope")
        .map_or(path.len(), |i| start + i);
    let id = &path[start..end];
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    ok.then_some(id)
}

/// The container id in cgroup `path` and the engine whose layout gave it,
/// as the container plugin's default engines find it, in its order: 64 hex
/// characters for podman, docker, cri-o and containerd under Kubernetes
/// (`container.id` is the first 12), the id of a container that `ctr` made
/// in a containerd namespace (`/NAMESPACE/ID`, any id of at most 64
/// characters: the plugin reports its first 12), then LXC, libvirt-lxc and
/// BPM names (reported whole). `None` for the host (systemd units never
/// match).
///
/// ```
/// use falco_events::state::{container_match, CgroupEngine};
/// assert_eq!(container_match("/lxc.payload.web/init.scope"), Some(("web", CgroupEngine::Lxc)));
/// assert_eq!(container_match("/system.slice/bpm-web.1.scope"), Some(("web.1", CgroupEngine::Bpm)));
/// ```
pub fn container_match(path: &str) -> Option<(&str, CgroupEngine)> {
    for (layouts, engine) in [
        (PODMAN, CgroupEngine::Podman),
        (DOCKER, CgroupEngine::Docker),
        (CRI, CgroupEngine::Cri),
    ] {
        for &(prefix, suffix) in layouts {
            if let Some(id) = match_layout(path, prefix, suffix, false) {
                return Some((id, engine));
            }
        }
    }
    if let Some(id) = containerd_namespace(path).and_then(|ns| match_layout(path, ns, "", true)) {
        return Some((id, CgroupEngine::Containerd));
    }
    if let Some(found) = match_lxc(path) {
        return found.map(|id| (id, CgroupEngine::Lxc));
    }
    if let Some(found) = match_libvirt_lxc(path) {
        return found.map(|id| (id, CgroupEngine::LibvirtLxc));
    }
    match_bpm(path).map(|id| (id, CgroupEngine::Bpm))
}

/// The container id in cgroup `path` (see [`container_match`]).
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
    container_match(path).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::{container_id, container_match, CgroupEngine};

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

    #[test]
    fn lxc_libvirt_and_bpm_layouts_as_the_plugin_reads_them() {
        use CgroupEngine::*;
        // containerd's namespace layout comes first, as in the plugin, so
        // these layouts count only where it finds no id.
        for (path, want) in [
            ("/lxc.payload/web1/init.scope", Some(("web1", Lxc))),
            ("/lxc.payload.web1", Some(("web1", Lxc))),
            ("/lxc.payload.web1/system.slice", Some(("web1", Lxc))),
            // `/lxc/` with nothing after it: the lxc matcher decides, no id.
            ("/lxc/", None),
            // `~` keeps the containerd namespace pattern out.
            ("/machine~x/y.libvirt-lxc", Some(("y", LibvirtLxc))),
            (
                "/machine.slice/machine-lxc\\x2d2293906\\x2dlibvirt\\x2dcontainer.scope",
                Some(("2293906\\x2dlibvirt\\x2dcontainer", LibvirtLxc)),
            ),
            ("/system.slice/bpm-web.1.scope", Some(("web.1", Bpm))),
            ("/bpm-job_2", Some(("job_2", Bpm))),
            ("/system.slice/bpm-bad!.scope", None),
            ("/system.slice/bpm-.scope", None),
            // What containerd's layout takes first.
            ("/lxc/web1", Some(("web1", Containerd))),
            (
                "/machine.slice/machine-lxc\\x2d42\\x2dweb.scope/libvirt",
                Some(("machine-lxc\\x2d42\\x2dweb.scope/libvirt", Containerd)),
            ),
        ] {
            assert_eq!(container_match(path), want, "{path}");
        }
    }
}

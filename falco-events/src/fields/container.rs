//! `container.*` and `k8s.*`, which Falco gets from its container plugin.
//!
//! We have no container runtime: `container.id` and `container.full_id`
//! come from the cgroups (`host` outside containers), `container.start_ts`
//! and `container.duration` from the start of the container's PID
//! namespace; the other runtime fields read as the plugin reports them on
//! the host (empty or false) and are unavailable inside containers.
//! `k8s.*` and `container.mount*` are not computed.

use super::prelude::*;

/// The container plugin's `container.*` (and the deprecated `proc.is_container_*`).
#[rustfmt::skip]
pub(super) const CONTAINER: &[FieldInfo] = &[
    f("container.id", Str, "The short (12 character) container id taken from the cgroups, or 'host' for processes outside containers.").plugin().thread(|_, t, _, o| { o.push_str(&t.container_id); true }),
    f("container.full_id", Str, "The full container id, once the container runtime has been asked.").plugin().thread(full_id),
    f("container.name", Str, "The container name, or 'host' for processes outside containers.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str("host"))),
    f("container.image", Str, "The image the container runs, e.g. falcosecurity/falco:latest.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.image.id", Str, "The id of the container image.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.type", Str, "The container engine: docker, cri-o, containerd, podman, lxc, ...").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.privileged", Bool, "True if the container runs privileged.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_bool(false))),
    f("container.mounts", Str, "All mounts of the container, each as source:dest:mode:rdwr:propagation.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.mount", Str, "One mount as source:dest:mode:rdwr:propagation, chosen by number (container.mount[0]) or by source path or glob (container.mount[/usr/local/*]); 'none' when there is no such mount.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.source", Str, "The source of one mount, chosen by number or by destination path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.dest", Str, "The destination of one mount, chosen by number or by source path or glob (container.mount.dest[/var/run/docker.sock]).").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.mode", Str, "The mode of one mount, chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.rdwr", Str, "Whether one mount is read-write (true/false), chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.propagation", Str, "The propagation of one mount, chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.image.repository", Str, "The repository of the container image, e.g. falcosecurity/falco.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.image.tag", Str, "The tag of the container image, e.g. latest.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.image.digest", Str, "The registry digest of the container image (sha256:...).").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.healthcheck", Str, "Deprecated; no longer filled.").plugin(),
    f("container.liveness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.readiness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.start_ts", Uint64, "When the container started, in nanoseconds since the epoch, from the start of its PID namespace.").plugin().thread(|c, t, _, o| since_start(c, t, o, |start| start)),
    f("container.duration", Uint64, "Nanoseconds since container.start_ts.").plugin().thread(|c, t, _, o| since_start(c, t, o, |start| c.event.ts().saturating_sub(start))),
    f("container.ip", Str, "The container's (or pod's) primary IPv4 address, as the engine reports it.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.cni.json", Str, "The pod's CNI result as JSON text, with addresses per interface (CRI engines).").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("container.host_pid", Bool, "True if the container shares the host PID namespace.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_bool(false))),
    f("container.host_network", Bool, "True if the container shares the host network namespace.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_bool(false))),
    f("container.host_ipc", Bool, "True if the container shares the host IPC namespace.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_bool(false))),
    f("container.label", Str, "One container label, by key: container.label[com.example.team].").arg(REQ_KEY).plugin(),
    f("container.labels", Str, "All container labels as key:value pairs, comma separated.").plugin().thread(|_, t, _, o| on_host(t, o, |o| o.push_str(""))),
    f("proc.is_container_healthcheck", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_liveness_probe", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_readiness_probe", Bool, "Deprecated; no longer filled.").plugin(),
];

/// The container plugin's `k8s.*`.
#[rustfmt::skip]
pub(super) const K8S: &[FieldInfo] = &[
    f("k8s.pod.name", Str, "The Kubernetes pod name, as the container runtime reports it.").plugin(),
    f("k8s.ns.name", Str, "The Kubernetes namespace name, as the container runtime reports it.").plugin(),
    f("k8s.pod.id", Str, "Legacy alias of k8s.pod.uid.").plugin(),
    f("k8s.pod.uid", Str, "The Kubernetes pod UID given at pod creation.").plugin(),
    f("k8s.pod.sandbox_id", Str, "The short (12 character) id of the pod sandbox, from the cgroups.").plugin(),
    f("k8s.pod.full_sandbox_id", Str, "The full id of the pod sandbox.").plugin(),
    f("k8s.pod.label", Str, "One pod label, by key: k8s.pod.label[app.kubernetes.io/name].").arg(REQ_KEY).plugin(),
    f("k8s.pod.labels", Str, "All pod labels as key:value pairs, comma separated.").plugin(),
    f("k8s.pod.ip", Str, "The pod's primary IPv4 address (the same as container.ip).").plugin(),
    f("k8s.pod.cni.json", Str, "The pod's CNI result as JSON text (the same as container.cni.json).").plugin(),
    f("k8s.rc.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rc.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rc.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.rc.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.svc.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.ns.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.ns.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.ns.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.rs.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.deployment.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
];

/// The full container id, `host` outside containers.
fn full_id(_: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    if t.container_full_id.is_empty() {
        out.push_str("host");
    } else {
        out.push_str(&t.container_full_id);
    }
    true
}

/// A runtime field: the value the plugin reports on the host; unavailable
/// inside a container, as we ask no container runtime.
fn on_host(t: &ThreadInfo, out: &mut Values, push: impl FnOnce(&mut Values)) -> bool {
    if t.container_id != "host" {
        return false;
    }
    push(out);
    true
}

/// Pushes `value(start)` inside a container whose PID namespace start is
/// known (the container's start).
fn since_start(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    out: &mut Values,
    value: impl FnOnce(u64) -> u64,
) -> bool {
    let start = c.state.main_thread(t).pidns_init_start_ts;
    if t.container_id == "host" || start == 0 {
        return false;
    }
    out.push_uint(value(start));
    true
}

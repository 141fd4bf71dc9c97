//! `container.*` and `k8s.*`, which Falco gets from its container plugin.
//!
//! `container.id` and `container.full_id` come from the cgroups (`host`
//! outside containers), `container.start_ts` and `container.duration` from
//! the start of the container's PID namespace. The other fields come from
//! the container runtime ([`crate::state::runtime`]: Docker, podman, CRI) once
//! it has answered; before that, and for containers no runtime knows, they
//! are unavailable, as with the plugin. On the host they read as the plugin
//! reports them (`host`, empty or false). `k8s.pod.*` and `k8s.ns.name`
//! come from the CRI's pod sandbox (containerd, CRI-O); the other `k8s.*`
//! fields are deprecated and empty, as in the plugin.
//!
//! On a container event (the plugin's `asyncevent` named `container`),
//! which has no thread, they are those of the container it announces, as
//! the plugin gives them (`container.start_ts` and `container.duration`
//! excepted: they come from a thread).

use std::sync::Arc;

use super::prelude::*;
use crate::state::container_event::AnnouncedContainer;
use crate::state::runtime::{ContainerInfo, ContainerMount, Lookup};
use crate::table::codes::{PPME_ASYNCEVENT_E, PPME_CONTAINER_JSON_2_E, PPME_CONTAINER_JSON_E};

/// The container plugin's `container.*` (and the deprecated `proc.is_container_*`).
#[rustfmt::skip]
pub(super) const CONTAINER: &[FieldInfo] = &[
    f("container.id", Str, "The short (12 character) container id taken from the cgroups, or 'host' for processes outside containers.").plugin().container(short_id),
    f("container.full_id", Str, "The full container id, once the container runtime has been asked.").plugin().container(full_id),
    f("container.name", Str, "The container name, or 'host' for processes outside containers.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str("host"), |i, o| o.push_str(&i.name))),
    f("container.image", Str, "The image the container runs, e.g. falcosecurity/falco:latest.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.image))),
    f("container.image.id", Str, "The id of the container image.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.image_id))),
    f("container.type", Str, "The container engine: docker, cri-o, containerd, podman, lxc, ...").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str("host"), |i, o| o.push_str(i.kind))),
    f("container.privileged", Bool, "True if the container runs privileged.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_bool(false), |i, o| o.push_bool(i.privileged))),
    f("container.mounts", Str, "All mounts of the container, each as source:dest:mode:rdwr:propagation, comma separated.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.mounts.iter().map(|m| m.render()).collect::<Vec<_>>().join(",")))),
    f("container.mount", Str, "One mount as source:dest:mode:rdwr:propagation, chosen by number (container.mount[0]) or by a regular expression found in its source (container.mount[^/var/run]).").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, false, |m| m.render())),
    f("container.mount.source", Str, "The source of one mount, chosen by number or by a regular expression found in its destination.").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, true, |m| m.source.clone())),
    f("container.mount.dest", Str, "The destination of one mount, chosen by number or by a regular expression found in its source (container.mount.dest[/var/run/docker.sock]).").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, false, |m| m.dest.clone())),
    f("container.mount.mode", Str, "The mode of one mount, chosen by number or by a regular expression found in its source.").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, false, |m| m.mode.clone())),
    f("container.mount.rdwr", Str, "Whether one mount is read-write (true/false), chosen by number or by a regular expression found in its source.").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, false, |m| m.rdwr.to_string())),
    f("container.mount.propagation", Str, "The propagation of one mount, chosen by number or by a regular expression found in its source.").arg(REQ_INDEX_OR_KEY).plugin().container(|c, t, f, o| mount(c, t, f, o, false, |m| m.propagation.clone())),
    f("container.image.repository", Str, "The repository of the container image, e.g. falcosecurity/falco.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.image_repo))),
    f("container.image.tag", Str, "The tag of the container image, e.g. latest.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.image_tag))),
    f("container.image.digest", Str, "The registry digest of the container image (sha256:...).").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.image_digest))),
    f("container.healthcheck", Str, "Deprecated; no longer filled.").plugin(),
    f("container.liveness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.readiness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.start_ts", Uint64, "When the container started, in nanoseconds since the epoch, from the start of its PID namespace.").plugin().container(|c, t, _, o| since_start(c, t, o, |start| start)),
    f("container.duration", Uint64, "Nanoseconds since container.start_ts.").plugin().container(|c, t, _, o| since_start(c, t, o, |start| c.event.ts().saturating_sub(start))),
    f("container.ip", Str, "The container's (or pod's) primary IPv4 address, as the engine reports it.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.ip))),
    f("container.cni.json", Str, "The pod's CNI result as JSON text, with addresses per interface (CRI engines).").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.cni_json))),
    f("container.host_pid", Bool, "True if the container shares the host PID namespace.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_bool(false), |i, o| o.push_bool(i.host_pid))),
    f("container.host_network", Bool, "True if the container shares the host network namespace.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_bool(false), |i, o| o.push_bool(i.host_network))),
    f("container.host_ipc", Bool, "True if the container shares the host IPC namespace.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_bool(false), |i, o| o.push_bool(i.host_ipc))),
    f("container.label", Str, "One container label, by key: container.label[com.example.team].").arg(REQ_KEY).plugin().container(label),
    f("container.labels", Str, "All container labels as key:value pairs, comma separated.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.labels_text()))),
    f("proc.is_container_healthcheck", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_liveness_probe", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_readiness_probe", Bool, "Deprecated; no longer filled.").plugin(),
];

/// The container plugin's `k8s.*`.
#[rustfmt::skip]
pub(super) const K8S: &[FieldInfo] = &[
    f("k8s.pod.name", Str, "The Kubernetes pod name, as the container runtime reports it.").plugin().container(|c, t, _, o| k8s_label(c, t, o, "io.kubernetes.pod.name")),
    f("k8s.ns.name", Str, "The Kubernetes namespace name, as the container runtime reports it.").plugin().container(|c, t, _, o| k8s_label(c, t, o, "io.kubernetes.pod.namespace")),
    f("k8s.pod.id", Str, "Legacy alias of k8s.pod.uid.").plugin().container(|c, t, _, o| k8s_label(c, t, o, "io.kubernetes.pod.uid")),
    f("k8s.pod.uid", Str, "The Kubernetes pod UID given at pod creation.").plugin().container(|c, t, _, o| k8s_label(c, t, o, "io.kubernetes.pod.uid")),
    f("k8s.pod.sandbox_id", Str, "The short (12 character) id of the pod sandbox, from the cgroups.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(i.pod_sandbox_id.get(..12).unwrap_or(&i.pod_sandbox_id)))),
    f("k8s.pod.full_sandbox_id", Str, "The full id of the pod sandbox.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.pod_sandbox_id))),
    f("k8s.pod.label", Str, "One pod label, by key: k8s.pod.label[app.kubernetes.io/name].").arg(REQ_KEY).plugin().container(pod_label),
    f("k8s.pod.labels", Str, "All pod labels as key:value pairs, comma separated.").plugin().container(|c, t, _, o| runtime(c, t, o, |o| o.push_str(""), |i, o| o.push_str(&i.pod_labels_text()))),
    f("k8s.pod.ip", Str, "The pod's primary IPv4 address (the same as container.ip).").plugin().container(|c, t, _, o| pod_network(c, t, o, |i| &i.ip)),
    f("k8s.pod.cni.json", Str, "The pod's CNI result as JSON text (the same as container.cni.json).").plugin().container(|c, t, _, o| pod_network(c, t, o, |i| &i.cni_json)),
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

/// `container.id`: the thread's short id (`host` outside containers), or
/// the id a container event announces.
fn short_id(c: &EventContext<'_>, t: Option<&ThreadInfo>, _: &Field, out: &mut Values) -> bool {
    match (announced(c), t) {
        (Some(a), _) => out.push_str(&a.id),
        (None, Some(t)) => out.push_str(&t.container_id),
        (None, None) => return false,
    }
    true
}

/// The full container id, `host` outside containers.
fn full_id(c: &EventContext<'_>, t: Option<&ThreadInfo>, _: &Field, out: &mut Values) -> bool {
    match (announced(c), t) {
        (Some(a), _) => out.push_str(&a.info.full_id),
        (None, Some(t)) if t.container_full_id.is_empty() => out.push_str("host"),
        (None, Some(t)) => out.push_str(&t.container_full_id),
        (None, None) => return false,
    }
    true
}

/// The container a container event (the plugin's `asyncevent` named
/// `container` or `container_removed`, an old capture's JSON `container`
/// event) announces; none for other events.
fn announced<'a>(c: &EventContext<'a>) -> Option<&'a AnnouncedContainer> {
    if !matches!(
        c.event.code(),
        PPME_ASYNCEVENT_E | PPME_CONTAINER_JSON_E | PPME_CONTAINER_JSON_2_E
    ) {
        return None;
    }
    c.state.event_container.as_ref()
}

/// The metadata of container `short`: the runtime's answer, or else what a
/// capture's container events said of it (replay).
fn lookup(c: &EventContext<'_>, short: &str) -> Option<Arc<ContainerInfo>> {
    match c.state.containers.get(short) {
        Lookup::Found(i) => Some(i),
        _ => recorded(c, short).cloned(),
    }
}

/// What a capture's container events said of container `short`, until its
/// `container_removed` event (replay).
fn recorded<'a>(c: &EventContext<'a>, short: &str) -> Option<&'a Arc<ContainerInfo>> {
    if c.state.recorded_containers.is_empty() {
        return None;
    }
    c.state.recorded_containers.get(short)
}

/// A runtime field: `host` gives the value the plugin reports on the host;
/// inside a container, `found` gives it from the runtime's answer, and
/// there is none before the runtime answered (or when none knows the
/// container). A container event gives it from the container it announces.
fn runtime(
    c: &EventContext<'_>,
    t: Option<&ThreadInfo>,
    out: &mut Values,
    host: impl FnOnce(&mut Values),
    found: impl FnOnce(&ContainerInfo, &mut Values),
) -> bool {
    match info(c, t) {
        Some(i) => {
            found(i, out);
            true
        }
        None if t.is_some_and(|t| t.container_id == "host") => {
            host(out);
            true
        }
        None => false,
    }
}

/// The runtime's answer for the thread's container, cached on the thread
/// once found; on replay, what the capture's container events say (not
/// cached: a `container_removed` event takes it away, as in the plugin);
/// for a container event, the container it announces.
fn info<'a>(c: &EventContext<'a>, t: Option<&'a ThreadInfo>) -> Option<&'a ContainerInfo> {
    if let Some(a) = announced(c) {
        return Some(&a.info);
    }
    let t = t?;
    if t.container_id == "host" {
        return None;
    }
    if let Some(i) = t.container_info.get() {
        return Some(i);
    }
    if let Some(kind) = t.container_engine.and_then(|e| e.static_kind()) {
        // LXC, libvirt-lxc and BPM containers: the plugin knows them by
        // their cgroup alone (id and type), asking no runtime.
        let info = ContainerInfo {
            full_id: t.container_full_id.clone(),
            kind,
            ..Default::default()
        };
        return Some(t.container_info.set(Arc::new(info)));
    }
    match c.state.containers.get(&t.container_id) {
        Lookup::Found(i) => Some(t.container_info.set(i)),
        _ => recorded(c, &t.container_id).map(|i| &**i),
    }
}

/// `container.label[KEY]`: the label's value, when the container has it.
fn label(c: &EventContext<'_>, t: Option<&ThreadInfo>, f: &Field, out: &mut Values) -> bool {
    let (Some(i), FieldArg::Key(k)) = (info(c, t), &f.arg) else {
        return false;
    };
    match i.labels.get::<str>(k.as_ref()) {
        Some(v) => {
            out.push_str(v);
            true
        }
        None => false,
    }
}

/// `container.mount*[N|REGEX]`: one mount by index, or the first whose
/// source (for `container.mount.source`: destination) has a match of the
/// regular expression, as the plugin picks it.
fn mount(
    c: &EventContext<'_>,
    t: Option<&ThreadInfo>,
    f: &Field,
    out: &mut Values,
    by_dest: bool,
    value: impl FnOnce(&ContainerMount) -> String,
) -> bool {
    let Some(i) = info(c, t) else { return false };
    let m = match &f.arg {
        FieldArg::Index(n) => i.mounts.get(*n as usize),
        FieldArg::Key(k) => {
            let Ok(re) = regex::RegexBuilder::new(k).multi_line(true).build() else {
                return false;
            };
            i.mounts
                .iter()
                .find(|m| re.is_match(if by_dest { &m.dest } else { &m.source }))
        }
        _ => None,
    };
    match m {
        Some(m) => {
            out.push_str(&value(m));
            true
        }
        None => false,
    }
}

/// `k8s.pod.name` and kin: Kubernetes' internal label `key`
/// (`io.kubernetes.pod.name`, ...) of the container, when it has one (never
/// on the host).
fn k8s_label(c: &EventContext<'_>, t: Option<&ThreadInfo>, out: &mut Values, key: &str) -> bool {
    let Some(i) = info(c, t) else { return false };
    match i.labels.get(key) {
        Some(v) => {
            out.push_str(v);
            true
        }
        None => false,
    }
}

/// `k8s.pod.label[KEY]`: the pod label's value, when the pod has it.
fn pod_label(c: &EventContext<'_>, t: Option<&ThreadInfo>, f: &Field, out: &mut Values) -> bool {
    let (Some(i), FieldArg::Key(k)) = (info(c, t), &f.arg) else {
        return false;
    };
    match i.pod_labels.get::<str>(k.as_ref()) {
        Some(v) => {
            out.push_str(v);
            true
        }
        None => false,
    }
}

/// `k8s.pod.ip` and `k8s.pod.cni.json`, as the plugin gives them: from the
/// container when its CNI result is known, else from its pod sandbox's own
/// entry when the runtime answered for it; none otherwise (the host
/// included).
fn pod_network(
    c: &EventContext<'_>,
    t: Option<&ThreadInfo>,
    out: &mut Values,
    value: impl Fn(&ContainerInfo) -> &String,
) -> bool {
    let Some(i) = info(c, t) else { return false };
    if !i.cni_json.is_empty() {
        out.push_str(value(i));
        return true;
    }
    let sandbox = i.pod_sandbox_id.get(..12).unwrap_or(&i.pod_sandbox_id);
    if sandbox.is_empty() {
        return false;
    }
    match lookup(c, sandbox) {
        Some(s) => {
            out.push_str(value(&s));
            true
        }
        None => false,
    }
}

/// Pushes `value(start)` inside a container whose PID namespace start is
/// known (the container's start); none on a container event, which has no
/// thread (as the plugin).
fn since_start(
    c: &EventContext<'_>,
    t: Option<&ThreadInfo>,
    out: &mut Values,
    value: impl FnOnce(u64) -> u64,
) -> bool {
    let Some(t) = t.filter(|_| announced(c).is_none()) else {
        return false;
    };
    let start = c.state.main_thread(t).pidns_init_start_ts;
    if t.container_id == "host" || start == 0 {
        return false;
    }
    out.push_uint(value(start));
    true
}

//! Falco's `container` event: the asynchronous event (`asyncevent`, code
//! 402) that Falco's container plugin injects into the syscall stream when
//! it learns of a container, so that rules on `evt.type = container` run
//! once per container with its metadata.
//!
//! As the plugin writes it, the event has no thread (tid 0 live, 1 in a
//! capture's initial dump) and three parameters: the plugin id (0: the
//! syscall source), the name (`container`, or `container_removed`) and the
//! container's metadata as the plugin's JSON document (`{"container":
//! {...}}`, NUL-terminated). libsinsp gives it no thread: `proc.*` and
//! `thread.*` are unavailable, `evt.type` is the carried name, and the
//! `container.*`/`k8s.*` fields are those of the announced container.
//!
//! Decoding the JSON is what the plugin's parser does on a capture's
//! events too, so a capture written with these events gives the same
//! fields back on replay.
//!
//! ```
//! use falco_events::state::container_event::{container_event, decode, CONTAINER_ADDED};
//! use falco_events::state::runtime::ContainerInfo;
//!
//! let info = ContainerInfo {
//!     full_id: "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e".into(),
//!     kind: "docker",
//!     name: "web".into(),
//!     image: "nginx:1.25".into(),
//!     ..ContainerInfo::default()
//! };
//! let evt = container_event(1_700_000_000_000_000_000, 0, CONTAINER_ADDED, &info).unwrap();
//! let e = evt.as_event();
//! assert_eq!(e.code(), 402);
//! let (name, announced) = decode(&e).unwrap();
//! assert_eq!(name, "container");
//! assert_eq!(announced.id, "3ad7b26ded6d");
//! assert_eq!(*announced.info, info);
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{json, Map, Value};

use super::runtime::{ContainerInfo, ContainerMount};
use crate::event::{BuildError, Event, OwnedEvent};
use crate::table::codes::{PPME_ASYNCEVENT_E, PPME_CONTAINER_JSON_2_E, PPME_CONTAINER_JSON_E};

/// The name of the event announcing a container.
pub const CONTAINER_ADDED: &str = "container";
/// The name of the event announcing that a container went away.
pub const CONTAINER_REMOVED: &str = "container_removed";

/// A container as one `container` event announces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnouncedContainer {
    /// Its short id (`container.id`), as the event gives it.
    pub id: String,
    /// Its metadata.
    pub info: Arc<ContainerInfo>,
}

/// The plugin's number of an engine (its `container_type`), by the name
/// `container.type` shows.
fn type_number(kind: &str) -> u64 {
    match kind {
        "docker" => 0,
        "lxc" => 1,
        "libvirt-lxc" => 2,
        "mesos" => 3,
        "rkt" => 4,
        "cri" => 6,
        "containerd" => 7,
        "cri-o" => 8,
        "bpm" => 9,
        "podman" => 11,
        _ => 0xffff,
    }
}

/// The name `container.type` shows for the plugin's engine number (empty
/// for a number it does not name, as the plugin).
fn type_name(n: u64) -> &'static str {
    match n {
        0 => "docker",
        1 => "lxc",
        2 => "libvirt-lxc",
        3 => "mesos",
        4 => "rkt",
        6 => "cri",
        7 => "containerd",
        8 => "cri-o",
        9 => "bpm",
        11 => "podman",
        0xfffe => "host",
        _ => "",
    }
}

/// The short id of a full one: its first 12 characters.
fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// The container's metadata as the plugin's JSON document, with the keys
/// the plugin writes (those this engine does not learn from the runtime
/// hold the plugin's defaults: no CPU or memory limits, no environment).
pub fn to_json(info: &ContainerInfo) -> String {
    let mounts: Vec<Value> = info
        .mounts
        .iter()
        .map(|m| {
            json!({
                "Source": m.source,
                "Destination": m.dest,
                "Mode": m.mode,
                "RW": m.rdwr,
                "Propagation": m.propagation,
            })
        })
        .collect();
    let is_sandbox = !info.pod_sandbox_id.is_empty() && info.pod_sandbox_id == info.full_id;
    let doc = json!({
        "container": {
            "type": type_number(info.kind),
            "id": short(&info.full_id),
            "name": info.name,
            "image": info.image,
            "imagedigest": info.image_digest,
            "imageid": info.image_id,
            "imagerepo": info.image_repo,
            "imagetag": info.image_tag,
            "User": "",
            "cni_json": info.cni_json,
            "cpu_period": 0,
            "cpu_quota": 0,
            "cpu_shares": 0,
            "cpuset_cpu_count": 0,
            "created_time": 0,
            "size": -1,
            "env": [],
            "full_id": info.full_id,
            "host_ipc": info.host_ipc,
            "host_network": info.host_network,
            "host_pid": info.host_pid,
            "ip": info.ip,
            "is_pod_sandbox": is_sandbox,
            "labels": info.labels,
            "memory_limit": 0,
            "swap_limit": 0,
            "pod_sandbox_id": info.pod_sandbox_id,
            "privileged": info.privileged,
            "pod_sandbox_labels": info.pod_labels,
            "port_mappings": [],
            "Mounts": mounts,
        }
    });
    doc.to_string()
}

fn text(o: &Map<String, Value>, key: &str) -> String {
    o.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn flag(o: &Map<String, Value>, key: &str) -> bool {
    o.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// String-valued entries of an object (`null` or absent: none), as the
/// plugin reads labels.
fn string_map(o: &Map<String, Value>, key: &str) -> BTreeMap<String, String> {
    o.get(key)
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the plugin's JSON document (a trailing NUL allowed): the short id
/// and the metadata; `None` if it is not such a document. Keys that are
/// absent take the plugin's defaults.
pub fn from_json(bytes: &[u8]) -> Option<AnnouncedContainer> {
    let bytes = bytes.strip_suffix(&[0]).unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).ok()?;
    let c = doc.get("container")?.as_object()?;
    let mounts = c
        .get("Mounts")
        .and_then(Value::as_array)
        .map(|ms| {
            ms.iter()
                .filter_map(Value::as_object)
                .map(|m| ContainerMount {
                    source: text(m, "Source"),
                    dest: text(m, "Destination"),
                    mode: text(m, "Mode"),
                    rdwr: flag(m, "RW"),
                    propagation: text(m, "Propagation"),
                })
                .collect()
        })
        .unwrap_or_default();
    let info = ContainerInfo {
        full_id: text(c, "full_id"),
        kind: type_name(c.get("type").and_then(Value::as_u64).unwrap_or(0xffff)),
        name: text(c, "name"),
        image: text(c, "image"),
        image_id: text(c, "imageid"),
        image_repo: text(c, "imagerepo"),
        image_tag: text(c, "imagetag"),
        image_digest: text(c, "imagedigest"),
        privileged: flag(c, "privileged"),
        mounts,
        labels: string_map(c, "labels"),
        ip: text(c, "ip"),
        host_pid: flag(c, "host_pid"),
        host_network: flag(c, "host_network"),
        host_ipc: flag(c, "host_ipc"),
        pod_sandbox_id: text(c, "pod_sandbox_id"),
        pod_labels: string_map(c, "pod_sandbox_labels"),
        cni_json: text(c, "cni_json"),
    };
    let id = match c.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => short(&info.full_id).to_string(),
    };
    Some(AnnouncedContainer {
        id,
        info: Arc::new(info),
    })
}

/// The plugin's async event `name` (`container` or `container_removed`)
/// for `info`, at `ts` with thread id `tid` (the plugin uses 0 live and 1
/// in a capture's initial dump).
pub fn container_event(
    ts: u64,
    tid: u64,
    name: &str,
    info: &ContainerInfo,
) -> Result<OwnedEvent, BuildError> {
    let mut name_buf = name.as_bytes().to_vec();
    name_buf.push(0);
    let mut data = to_json(info).into_bytes();
    data.push(0);
    OwnedEvent::from_raw_params(
        ts,
        tid,
        PPME_ASYNCEVENT_E,
        &[&0u32.to_le_bytes(), &name_buf, &data],
    )
}

/// The name and container of a container plugin event (`container` or
/// `container_removed`), or of an old capture's `container` event with a
/// JSON document (`PPME_CONTAINER_JSON_E`, `PPME_CONTAINER_JSON_2_E`, which
/// the plugin reads the same way); `None` for any other event, or for one
/// whose document does not read.
pub fn decode(e: &Event<'_>) -> Option<(&'static str, AnnouncedContainer)> {
    if matches!(e.code(), PPME_CONTAINER_JSON_E | PPME_CONTAINER_JSON_2_E) {
        return Some((CONTAINER_ADDED, from_json(e.param(0)?.as_bytes())?));
    }
    if e.code() != PPME_ASYNCEVENT_E {
        return None;
    }
    let name = match e.param(1)?.as_str()? {
        CONTAINER_ADDED => CONTAINER_ADDED,
        CONTAINER_REMOVED => CONTAINER_REMOVED,
        _ => return None,
    };
    let data = e.param(2)?;
    Some((name, from_json(data.as_bytes())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ContainerInfo {
        let mut i = ContainerInfo {
            full_id: "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e".into(),
            kind: "cri-o",
            name: "web".into(),
            image: "registry:5000/team/app:1.2".into(),
            image_id: "0ca0fed353fb".into(),
            image_repo: "registry:5000/team/app".into(),
            image_tag: "1.2".into(),
            image_digest: "sha256:b9ff".into(),
            privileged: true,
            mounts: vec![ContainerMount {
                source: "/etc".into(),
                dest: "/host/etc".into(),
                mode: "ro".into(),
                rdwr: false,
                propagation: "rprivate".into(),
            }],
            ip: "10.0.0.7".into(),
            host_pid: true,
            host_network: false,
            host_ipc: true,
            pod_sandbox_id: "5bd7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601f"
                .into(),
            cni_json: "{\"eth0\":{}}".into(),
            ..ContainerInfo::default()
        };
        i.labels
            .insert("io.kubernetes.pod.name".into(), "web-0".into());
        i.pod_labels.insert("app".into(), "web".into());
        i
    }

    #[test]
    fn the_json_document_round_trips() {
        let info = sample();
        let got = from_json(to_json(&info).as_bytes()).expect("reads");
        assert_eq!(got.id, "3ad7b26ded6d");
        assert_eq!(*got.info, info);
    }

    #[test]
    fn the_document_has_the_plugins_keys_and_types() {
        let doc: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        let c = &doc["container"];
        assert_eq!(c["type"], 8);
        assert_eq!(c["id"], "3ad7b26ded6d");
        assert_eq!(c["Mounts"][0]["Destination"], "/host/etc");
        assert_eq!(c["Mounts"][0]["RW"], false);
        assert_eq!(c["pod_sandbox_labels"]["app"], "web");
        assert_eq!(c["is_pod_sandbox"], false);
        assert_eq!(c["size"], -1);
    }

    #[test]
    fn a_document_from_the_plugin_reads_with_its_defaults() {
        // The shape of the plugin's own example, trimmed, NUL-terminated,
        // with `null` labels as old documents have them.
        let doc = br#"{"container":{"Mounts":[{"Destination":"/home/f","Mode":"","Propagation":"rprivate","RW":true,"Source":"/home/f"}],"full_id":"32a1026ccb88a551e2a38eb8f260b4700aefec7e8c007344057e58a9fa302374","id":"32a1026ccb88","image":"fedora:38","imagerepo":"fedora","imagetag":"38","name":"youthful_babbage","pod_sandbox_labels":null,"type":0}}"#;
        let mut bytes = doc.to_vec();
        bytes.push(0);
        let got = from_json(&bytes).expect("reads");
        assert_eq!(got.id, "32a1026ccb88");
        assert_eq!(got.info.kind, "docker");
        assert_eq!(got.info.name, "youthful_babbage");
        assert_eq!(got.info.image_tag, "38");
        assert!(got.info.mounts[0].rdwr);
        assert!(got.info.pod_labels.is_empty());
        assert!(!got.info.privileged);
        assert!(from_json(b"{\"other\":1}").is_none());
        assert!(from_json(b"not json").is_none());
    }

    #[test]
    fn the_event_is_an_asyncevent_carrying_its_name() {
        let evt = container_event(42, 0, CONTAINER_REMOVED, &sample()).unwrap();
        let e = evt.as_event();
        assert_eq!((e.code(), e.tid(), e.ts(), e.nparams()), (402, 0, 42, 3));
        assert_eq!(e.param(0).unwrap().as_u64(), Some(0));
        assert_eq!(e.param(1).unwrap().as_str(), Some("container_removed"));
        let (name, c) = decode(&e).unwrap();
        assert_eq!(name, CONTAINER_REMOVED);
        assert_eq!(c.info.name, "web");
        // Another plugin's async event is not a container event.
        let other =
            OwnedEvent::from_raw_params(1, 0, 402, &[&0u32.to_le_bytes(), b"x\0", b"{}"]).unwrap();
        assert!(decode(&other.as_event()).is_none());
        // An old capture's container_json event carries the same document.
        let json = to_json(&sample());
        let old = OwnedEvent::from_raw_params(1, 0, 272, &[json.as_bytes()]).unwrap();
        let (name, c) = decode(&old.as_event()).unwrap();
        assert_eq!((name, c.info.name.as_str()), (CONTAINER_ADDED, "web"));
    }
}

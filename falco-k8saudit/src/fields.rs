//! The fields of `k8s_audit` events: every field of the k8saudit plugin
//! (`ka.*`) and of the json plugin (`json.*` and its `jevt.*` aliases), with
//! the plugins' names, types, list-ness, arguments and values.
//!
//! Every field is a string (`charbuf`), as in the plugins: booleans and
//! numbers of the event are rendered as their JSON text (`true`, `65534`),
//! objects and arrays as compact JSON. A field whose key is missing from
//! the event is unavailable (every check on it is false), and so is a list
//! field with no values; `ka.*` fields are unavailable on JSON objects that
//! have no `auditID`.
//!
//! Two fields differ from the plugin on purpose, where the plugin reads a
//! path Kubernetes never writes (so its field has no meaning on real
//! events) and the field's own description says what was meant:
//! `ka.sourceips` reads the event's `sourceIPs` (the plugin looks under
//! `requestObject.rules[]`, and is never available), and
//! `ka.req.pod.*.eff_run_as_user`/`eff_run_as_group` read the container's and
//! the pod's `securityContext` (the plugin reads `runAsUser` right under the
//! container and the pod spec, so it always yields 0).
//!
//! The catalog is data ([`FieldInfo`] rows); [`K8sAuditFields`] resolves
//! names against it and [`AuditEvent`] extracts values.
//!
//! ```
//! use falco_k8saudit::{AuditEvent, K8sAuditFields, json::Json};
//! use falco_rules::{FieldExtractor, FieldSchema, Value, Values};
//!
//! let ev = AuditEvent::from_json(Json::parse(br#"{"kind":"Event","auditID":"1",
//!   "stageTimestamp":"2024-01-01T00:00:00Z","verb":"create",
//!   "requestObject":{"spec":{"hostNetwork":true,"containers":[{"image":"nginx:1.25"},{"image":"busybox"}]}}}"#).unwrap()).unwrap();
//! let schema = K8sAuditFields::new();
//! let mut out = Values::new();
//!
//! let f = schema.resolve("ka.req.pod.host_network", None).unwrap();
//! assert!(ev.extract(&f, &mut out));
//! assert_eq!(out.get(0), Value::Bytes(b"true"));
//!
//! out.clear();
//! let f = schema.resolve("ka.req.pod.containers.image.repository", Some("1")).unwrap();
//! assert!(ev.extract(&f, &mut out));
//! assert_eq!(out.iter().collect::<Vec<_>>(), [Value::Bytes(b"busybox")]);
//!
//! out.clear();
//! let f = schema.resolve("ka.target.name", None).unwrap();
//! assert!(!ev.extract(&f, &mut out)); // no objectRef.name in this event
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use falco_rules::{
    Field, FieldArg, FieldDoc, FieldError, FieldExtractor, FieldFlags, FieldSchema, FieldType,
    Values,
};

use crate::event::AuditEvent;
use crate::json::Json;

/// The argument a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument.
    None,
    /// An optional numeric index (`ka.req.pod.containers.image[0]`): only
    /// that element of the arrays on the field's path is read.
    Index,
    /// A required key (`ka.uri.param[pretty]`, `jevt.value[/verb]`).
    Key,
}

/// Which container list of a pod spec a per-container field reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerList {
    /// `spec.containers`.
    Containers,
    /// `spec.initContainers`.
    Init,
    /// `spec.ephemeralContainers`.
    Ephemeral,
}

impl ContainerList {
    fn key(self) -> &'static str {
        match self {
            ContainerList::Containers => "containers",
            ContainerList::Init => "initContainers",
            ContainerList::Ephemeral => "ephemeralContainers",
        }
    }
}

/// A per-container value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerField {
    /// `args`, each container's joined with spaces.
    Args,
    /// `command`, each container's joined with spaces.
    Command,
    /// `name` (every container must have one).
    Name,
    /// `image` (every container must have one).
    Image,
    /// The image up to its first `:` and `@` (the plugin's repository).
    Repository,
    /// Each `ports[].hostPort`, or `containerPort` where there is no host port.
    HostPort,
    /// A value under the container (`securityContext.privileged`, ...);
    /// containers without it are left out.
    Value(&'static [&'static str]),
    /// The container's `securityContext.<key>`, or the pod's
    /// `securityContext.<key>`, or `0`.
    Effective(&'static str),
}

/// How a field's value is found in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extract {
    /// The value at a path of keys (a list field needs an array there).
    Keys(&'static [&'static str]),
    /// A query parameter of `requestURI`.
    UriParam,
    /// `responseObject.metadata.name` when the target is a pod itself.
    TargetPodName,
    /// The names of the binding subjects of a kind (`User`, `Group`,
    /// `ServiceAccount`, or `NamespacedServiceAccount` for `ns:name`).
    SubjectNames(&'static str),
    /// Always `true` (the plugin's `ka.req.binding.subject.has_name`).
    AlwaysTrue,
    /// The first container's image.
    FirstImage,
    /// The first container's image repository.
    FirstRepository,
    /// `true` if any container is privileged, else `false`.
    AnyPrivileged,
    /// The values of `requestObject.rules[].<key>`, flattened.
    Flattened(&'static [&'static str]),
    /// The values at a path where arrays are walked, missing ones left out.
    Walk(&'static [&'static str]),
    /// `true` if a volume's host path is the key (or starts with it when the
    /// key ends in `*`), else `false`.
    VolumeHostPath,
    /// The keys of each volume other than `name`.
    VolumeTypes,
    /// The event's `sourceIPs` (all, or the one at the index).
    SourceIps,
    /// A per-container field of a container list.
    Container(ContainerList, ContainerField),
    /// A JSON pointer into the event (`json.value`, `jevt.value`).
    JsonValue,
    /// The whole event, indented (`json.obj`, `jevt.obj`).
    JsonObj,
    /// The event time in nanoseconds (`json.rawtime`, `jevt.rawtime`).
    RawTime,
}

/// One row of the field catalog.
#[derive(Clone, Debug)]
pub struct FieldInfo {
    /// The field name.
    pub name: String,
    /// True if the field yields a list of values.
    pub list: bool,
    /// The argument it takes.
    pub arg: ArgKind,
    /// The description (the plugins' text).
    pub desc: String,
    /// How the value is found.
    pub extract: Extract,
}

impl FieldInfo {
    /// The type as `falco --list` prints it (`string`, `string (list)`).
    pub fn type_name(&self) -> &'static str {
        if self.list {
            "string (list)"
        } else {
            "string"
        }
    }

    /// True for the json plugin's fields.
    pub fn is_json_plugin(&self) -> bool {
        matches!(
            self.extract,
            Extract::JsonValue | Extract::JsonObj | Extract::RawTime
        )
    }
}

fn row(name: &str, list: bool, arg: ArgKind, extract: Extract, desc: &str) -> FieldInfo {
    FieldInfo {
        name: name.to_string(),
        list,
        arg,
        desc: desc.to_string(),
        extract,
    }
}

const SEC: &str = "securityContext";

fn container_rows(list: ContainerList, label: &str, host_port: bool, out: &mut Vec<FieldInfo>) {
    use ContainerField as C;
    let prefix = format!("ka.req.pod.{}.", list.key());
    let mut add = |name: &str, f: ContainerField, desc: String| {
        out.push(row(
            &format!("{prefix}{name}"),
            true,
            ArgKind::Index,
            Extract::Container(list, f),
            &desc,
        ));
    };
    let rq = "When the request object refers to a pod,";
    add("name", C::Name, format!("{rq} the {label} names."));
    add("image", C::Image, format!("{rq} the {label} images."));
    add(
        "image.repository",
        C::Repository,
        format!(
            "The same as {prefix}image, but only the repository part (e.g. falcosecurity/falco)."
        ),
    );
    add("command", C::Command, format!("{rq} the {label} commands."));
    add("args", C::Args, format!("{rq} the {label} args."));
    add(
        "privileged",
        C::Value(&[SEC, "privileged"]),
        format!("{rq} the value of the privileged flag for all {label}."),
    );
    add(
        "allow_privilege_escalation",
        C::Value(&[SEC, "allowPrivilegeEscalation"]),
        format!("{rq} the value of the allowPrivilegeEscalation flag for all {label}."),
    );
    add(
        "read_only_fs",
        C::Value(&[SEC, "readOnlyRootFilesystem"]),
        format!("{rq} the value of the readOnlyRootFilesystem flag for all {label}."),
    );
    add(
        "run_as_user",
        C::Value(&[SEC, "runAsUser"]),
        format!("{rq} the runAsUser uid for all {label}."),
    );
    add(
        "eff_run_as_user",
        C::Effective("runAsUser"),
        format!("{rq} the initial uid that will be used for all {label}. This combines information from both the pod and container security contexts and uses 0 if no uid is specified."),
    );
    add(
        "run_as_group",
        C::Value(&[SEC, "runAsGroup"]),
        format!("{rq} the runAsGroup gid for all {label}."),
    );
    add(
        "eff_run_as_group",
        C::Effective("runAsGroup"),
        format!("{rq} the initial gid that will be used for all {label}. This combines information from both the pod and container security contexts and uses 0 if no gid is specified."),
    );
    add(
        "proc_mount",
        C::Value(&[SEC, "procMount"]),
        format!("{rq} the procMount type for all {label}."),
    );
    add(
        "add_capabilities",
        C::Value(&[SEC, "capabilities", "add"]),
        format!("{rq} the capabilities added for all {label}."),
    );
    if host_port {
        add(
            "host_port",
            C::HostPort,
            format!("{rq} all {label} hostPort values."),
        );
    }
}

fn build_catalog() -> Vec<FieldInfo> {
    use ArgKind::{Index as I, Key as K, None as N};
    use ContainerField as C;
    use ContainerList::Containers as CS;
    use Extract as E;
    let pod = "When the request object refers to a pod,";
    let mut v = vec![
        row("ka.auditid", false, N, E::Keys(&["auditID"]), "The unique id of the audit event"),
        row("ka.stage", false, N, E::Keys(&["stage"]), "Stage of the request (e.g. RequestReceived, ResponseComplete, etc.)"),
        row("ka.auth.decision", false, N, E::Keys(&["annotations", "authorization.k8s.io/decision"]), "The authorization decision"),
        row("ka.auth.reason", false, N, E::Keys(&["annotations", "authorization.k8s.io/reason"]), "The authorization reason"),
        row("ka.auth.openshift.decision", false, N, E::Keys(&["annotations", "authentication.openshift.io/decision"]), "The authentication decision of the openshfit apiserver extention. Only available on openshift clusters"),
        row("ka.validations.admission.policy.failure", false, N, E::Keys(&["annotations", "validation.policy.admission.k8s.io/validation_failure"]), "The validation failure reason from a Validation Admission Policy"),
        row("ka.security.pod.violations", false, N, E::Keys(&["annotations", "pod-security.kubernetes.io/audit-violations"]), "The violation reason for pod security policy "),
        row("ka.auth.openshift.username", false, N, E::Keys(&["annotations", "authentication.openshift.io/username"]), "The user name performing the openshift authentication operation. Only available on openshift clusters"),
        row("ka.user.name", false, N, E::Keys(&["user", "username"]), "The user name performing the request"),
        row("ka.user.groups", true, N, E::Keys(&["user", "groups"]), "The groups to which the user belongs"),
        row("ka.impuser.name", false, N, E::Keys(&["impersonatedUser", "username"]), "The impersonated user name"),
        row("ka.verb", false, N, E::Keys(&["verb"]), "The action being performed"),
        row("ka.uri", false, N, E::Keys(&["requestURI"]), "The request URI as sent from client to server"),
        row("ka.uri.param", false, K, E::UriParam, "The value of a given query parameter in the uri (e.g. when uri=/foo?key=val, ka.uri.param[key] is val)."),
        row("ka.target.name", false, N, E::Keys(&["objectRef", "name"]), "The target object name"),
        row("ka.target.namespace", false, N, E::Keys(&["objectRef", "namespace"]), "The target object namespace"),
        row("ka.target.resource", false, N, E::Keys(&["objectRef", "resource"]), "The target object resource"),
        row("ka.target.subresource", false, N, E::Keys(&["objectRef", "subresource"]), "The target object subresource"),
        row("ka.target.pod.name", false, N, E::TargetPodName, "The target pod name"),
        row("ka.req.binding.subjects", true, N, E::Keys(&["requestObject", "subjects"]), "When the request object refers to a cluster role binding, the subject (e.g. account/users) being linked by the binding"),
        row("ka.req.binding.subjects.user_names", true, N, E::SubjectNames("User"), "When the request object refers to a cluster role binding, the subject user names being linked by the binding"),
        row("ka.req.binding.subjects.serviceaccount_names", true, N, E::SubjectNames("ServiceAccount"), "When the request object refers to a cluster role binding, the subject service account names being linked by the binding"),
        row("ka.req.binding.subjects.serviceaccount_ns_names", true, N, E::SubjectNames("NamespacedServiceAccount"), "When the request object refers to a cluster role binding, the subject serviceaccount namespaced names being linked by the binding, e.g. a list containing: mynamespace:myserviceaccount"),
        row("ka.req.binding.subjects.group_names", true, N, E::SubjectNames("Group"), "When the request object refers to a cluster role binding, the subject group names being linked by the binding"),
        row("ka.req.binding.role", false, N, E::Keys(&["requestObject", "roleRef", "name"]), "When the request object refers to a cluster role binding, the role being linked by the binding"),
        row("ka.req.binding.subject.has_name", false, K, E::AlwaysTrue, "Deprecated, always returns \"N/A\". Only provided for backwards compatibility"),
        row("ka.req.configmap.name", false, N, E::Keys(&["objectRef", "name"]), "If the request object refers to a configmap, the configmap name"),
        row("ka.req.configmap.obj", false, N, E::Keys(&["requestObject", "data"]), "If the request object refers to a configmap, the entire configmap object"),
        row("ka.req.pod.containers.args", true, I, E::Container(CS, C::Args), "When the request object refers to a pod, the container's args."),
        row("ka.req.pod.containers.command", true, I, E::Container(CS, C::Command), "When the request object refers to a pod, the container's command."),
        row("ka.req.pod.containers.name", true, I, E::Container(CS, C::Name), "When the request object refers to a pod, the container's names."),
        row("ka.req.pod.containers.image", true, I, E::Container(CS, C::Image), "When the request object refers to a pod, the container's images."),
        row("ka.req.container.image", false, N, E::FirstImage, "Deprecated by ka.req.pod.containers.image. Returns the image of the first container only"),
        row("ka.req.pod.containers.image.repository", true, I, E::Container(CS, C::Repository), "The same as req.container.image, but only the repository part (e.g. falcosecurity/falco)."),
        row("ka.req.container.image.repository", false, N, E::FirstRepository, "Deprecated by ka.req.pod.containers.image.repository. Returns the repository of the first container only"),
        row("ka.req.pod.host_ipc", false, N, E::Keys(&["requestObject", "spec", "hostIPC"]), &format!("{pod} the value of the hostIPC flag.")),
        row("ka.req.pod.host_network", false, N, E::Keys(&["requestObject", "spec", "hostNetwork"]), &format!("{pod} the value of the hostNetwork flag.")),
        row("ka.req.container.host_network", false, N, E::Keys(&["requestObject", "spec", "hostNetwork"]), "Deprecated alias for ka.req.pod.host_network"),
        row("ka.req.pod.host_pid", false, N, E::Keys(&["requestObject", "spec", "hostPID"]), &format!("{pod} the value of the hostPID flag.")),
        row("ka.req.pod.containers.host_port", true, I, E::Container(CS, C::HostPort), &format!("{pod} all container's hostPort values.")),
        row("ka.req.pod.containers.privileged", true, I, E::Container(CS, C::Value(&[SEC, "privileged"])), &format!("{pod} the value of the privileged flag for all containers.")),
        row("ka.req.container.privileged", false, N, E::AnyPrivileged, "Deprecated by ka.req.pod.containers.privileged. Returns true if any container has privileged=true"),
        row("ka.req.pod.containers.allow_privilege_escalation", true, I, E::Container(CS, C::Value(&[SEC, "allowPrivilegeEscalation"])), &format!("{pod} the value of the allowPrivilegeEscalation flag for all containers")),
        row("ka.req.pod.containers.read_only_fs", true, I, E::Container(CS, C::Value(&[SEC, "readOnlyRootFilesystem"])), &format!("{pod} the value of the readOnlyRootFilesystem flag for all containers")),
        row("ka.req.pod.run_as_user", false, N, E::Keys(&["requestObject", "spec", SEC, "runAsUser"]), &format!("{pod} the runAsUser uid specified in the security context for the pod. See ....containers.run_as_user for the runAsUser for individual containers")),
        row("ka.req.pod.containers.run_as_user", true, I, E::Container(CS, C::Value(&[SEC, "runAsUser"])), &format!("{pod} the runAsUser uid for all containers")),
        row("ka.req.pod.containers.eff_run_as_user", true, I, E::Container(CS, C::Effective("runAsUser")), &format!("{pod} the initial uid that will be used for all containers. This combines information from both the pod and container security contexts and uses 0 if no uid is specified")),
        row("ka.req.pod.run_as_group", false, N, E::Keys(&["requestObject", "spec", SEC, "runAsGroup"]), &format!("{pod} the runAsGroup gid specified in the security context for the pod. See ....containers.run_as_group for the runAsGroup for individual containers")),
        row("ka.req.pod.containers.run_as_group", true, I, E::Container(CS, C::Value(&[SEC, "runAsGroup"])), &format!("{pod} the runAsGroup gid for all containers")),
        row("ka.req.pod.containers.eff_run_as_group", true, I, E::Container(CS, C::Effective("runAsGroup")), &format!("{pod} the initial gid that will be used for all containers. This combines information from both the pod and container security contexts and uses 0 if no gid is specified")),
        row("ka.req.pod.containers.proc_mount", true, I, E::Container(CS, C::Value(&[SEC, "procMount"])), &format!("{pod} the procMount types for all containers")),
        row("ka.req.role.rules", true, N, E::Keys(&["requestObject", "rules"]), "When the request object refers to a role/cluster role, the rules associated with the role"),
        row("ka.req.role.rules.apiGroups", true, I, E::Flattened(&["requestObject", "rules", "apiGroups"]), "When the request object refers to a role/cluster role, the api groups associated with the role's rules"),
        row("ka.req.role.rules.nonResourceURLs", true, I, E::Flattened(&["requestObject", "rules", "nonResourceURLs"]), "When the request object refers to a role/cluster role, the non resource urls associated with the role's rules"),
        row("ka.req.role.rules.verbs", true, I, E::Flattened(&["requestObject", "rules", "verbs"]), "When the request object refers to a role/cluster role, the verbs associated with the role's rules"),
        row("ka.req.role.rules.resources", true, I, E::Flattened(&["requestObject", "rules", "resources"]), "When the request object refers to a role/cluster role, the resources associated with the role's rules"),
        row("ka.req.pod.fs_group", false, N, E::Keys(&["requestObject", "spec", SEC, "fsGroup"]), &format!("{pod} the fsGroup gid specified by the security context.")),
        row("ka.req.pod.supplemental_groups", true, N, E::Keys(&["requestObject", "spec", SEC, "supplementalGroups"]), &format!("{pod} the supplementalGroup gids specified by the security context.")),
        row("ka.req.pod.containers.add_capabilities", true, I, E::Container(CS, C::Value(&[SEC, "capabilities", "add"])), &format!("{pod} all capabilities to add when running the container.")),
        row("ka.req.service.type", false, N, E::Keys(&["requestObject", "spec", "type"]), "When the request object refers to a service, the service type"),
        row("ka.req.service.ports", true, I, E::Walk(&["requestObject", "spec", "ports"]), "When the request object refers to a service, the service's ports"),
        row("ka.req.pod.volumes.hostpath", true, I, E::Walk(&["requestObject", "spec", "volumes", "hostPath", "path"]), &format!("{pod} all hostPath paths specified for all volumes")),
        row("ka.req.volume.hostpath", false, K, E::VolumeHostPath, "Deprecated by ka.req.pod.volumes.hostpath. Return true if the provided (host) path prefix is used by any volume"),
        row("ka.req.pod.volumes.flexvolume_driver", true, I, E::Walk(&["requestObject", "spec", "volumes", "flexVolume", "driver"]), &format!("{pod} all flexvolume drivers specified for all volumes")),
        row("ka.req.pod.volumes.volume_type", true, I, E::VolumeTypes, &format!("{pod} all volume types for all volumes")),
        row("ka.resp.name", false, N, E::Keys(&["responseObject", "metadata", "name"]), "The response object name"),
        row("ka.response.code", false, N, E::Keys(&["responseStatus", "code"]), "The response code"),
        row("ka.response.reason", false, N, E::Keys(&["responseStatus", "reason"]), "The response reason (usually present only for failures)"),
        row("ka.useragent", false, N, E::Keys(&["userAgent"]), "The useragent of the client who made the request to the apiserver"),
        row("ka.sourceips", true, I, E::SourceIps, "The IP addresses of the client who made the request to the apiserver"),
        row("ka.cluster.name", false, N, E::Keys(&["annotations", "cluster_name"]), "The name of the k8s cluster"),
    ];
    container_rows(ContainerList::Init, "init containers", true, &mut v);
    container_rows(
        ContainerList::Ephemeral,
        "ephemeral containers",
        false,
        &mut v,
    );
    let jv = "Extracts a value from a JSON-encoded input. Syntax is json.value[<json pointer>], where <json pointer> is a json pointer (see https://datatracker.ietf.org/doc/html/rfc6901)";
    v.extend([
        row("json.value", false, K, E::JsonValue, jv),
        row(
            "json.obj",
            false,
            N,
            E::JsonObj,
            "The full json message as a text string.",
        ),
        row(
            "json.rawtime",
            false,
            N,
            E::RawTime,
            "The time of the event, identical to evt.rawtime.",
        ),
        row(
            "jevt.value",
            false,
            K,
            E::JsonValue,
            "Alias for json.value, provided for backwards compatibility.",
        ),
        row(
            "jevt.obj",
            false,
            N,
            E::JsonObj,
            "Alias for json.obj, provided for backwards compatibility.",
        ),
        row(
            "jevt.rawtime",
            false,
            N,
            E::RawTime,
            "Alias for json.rawtime, provided for backwards compatibility.",
        ),
    ]);
    v
}

struct Catalog {
    fields: Vec<FieldInfo>,
    by_name: HashMap<String, usize>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let fields = build_catalog();
        let by_name = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.clone(), i))
            .collect();
        Catalog { fields, by_name }
    })
}

/// Every field of the source, in the plugins' order (k8saudit's, then
/// json's).
pub fn fields() -> &'static [FieldInfo] {
    &catalog().fields
}

/// The field list as `falco --list=k8s_audit` prints it: a class per
/// plugin (`k8saudit`, then `json`), each field with its type and
/// description, in the layout of the syscall field list.
///
/// ```
/// let text = falco_k8saudit::fields::list_text();
/// assert!(text.starts_with("\nField Class: k8saudit (source k8s_audit)\n\n"));
/// assert!(text.contains("\nka.user.groups                LIST(CHARBUF) The groups to which the user belongs\n"));
/// assert!(text.contains("\nField Class: json (source k8s_audit)\n"));
/// ```
pub fn list_text() -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut class = "";
    for f in fields() {
        let c = if f.is_json_plugin() {
            "json"
        } else {
            "k8saudit"
        };
        if c != class {
            class = c;
            let _ = write!(
                out,
                "\nField Class: {class} (source {})\n\n",
                crate::SOURCE_NAME
            );
        }
        let ty = if f.list { "LIST(CHARBUF)" } else { "CHARBUF" };
        let arg = match f.arg {
            ArgKind::None => String::new(),
            ArgKind::Index => "[N] ".into(),
            ArgKind::Key => "[KEY] ".into(),
        };
        let _ = writeln!(out, "{:<30}{:<14}{arg}{}", f.name, ty, f.desc);
    }
    out
}

/// The [`FieldSchema`] of `k8s_audit` events.
#[derive(Clone, Copy, Debug, Default)]
pub struct K8sAuditFields {
    _private: (),
}

impl K8sAuditFields {
    /// The schema (stateless: the catalog is static).
    pub fn new() -> K8sAuditFields {
        K8sAuditFields { _private: () }
    }
}

impl FieldSchema for K8sAuditFields {
    /// Resolves a field name: an unknown name is [`FieldError::Unknown`]; a
    /// missing required key, an argument on a field that takes none and an
    /// index that is not a number are [`FieldError::BadArgument`] naming the
    /// field.
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let cat = catalog();
        let Some(&id) = cat.by_name.get(name) else {
            return Err(FieldError::Unknown(name.to_string()));
        };
        let info = &cat.fields[id];
        let arg = match (info.arg, arg) {
            (ArgKind::None, None) | (ArgKind::Index, None) => FieldArg::None,
            (ArgKind::None, Some(_)) => {
                return Err(FieldError::BadArgument(format!(
                    "field {name} does not take an argument"
                )))
            }
            (ArgKind::Index, Some(a)) => {
                if a.is_empty() || !a.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(FieldError::BadArgument(format!(
                        "field {name} takes a numeric index: write it as {name}[N], not {name}[{a}]"
                    )));
                }
                match a.parse::<i64>() {
                    Ok(n) => FieldArg::Index(n),
                    Err(_) => {
                        return Err(FieldError::BadArgument(format!(
                            "field {name}: index {a} is too large"
                        )))
                    }
                }
            }
            (ArgKind::Key, None) => {
                return Err(FieldError::BadArgument(format!(
                    "field {name} requires an argument: write it as {name}[KEY]"
                )))
            }
            (ArgKind::Key, Some(a)) => FieldArg::Key(a.into()),
        };
        Ok(Field {
            id: id as u32,
            arg,
            ty: FieldType::String,
            is_list: info.list,
            flags: FieldFlags::NONE,
        })
    }

    /// Every `ka.*` and `jevt.*` field with the plugin's description.
    fn fields(&self) -> Vec<FieldDoc> {
        catalog()
            .fields
            .iter()
            .map(|f| FieldDoc::new(f.name.as_str(), FieldType::String, f.desc.as_str()))
            .collect()
    }
}

/// The field could not be read from this event.
struct Unavailable;

type Found<'a> = Vec<Option<&'a Json>>;

/// The plugin's path walk: follows `keys`; at each array on the way, takes
/// element `index` when one is given, else walks every element (elements
/// where the rest of the path is missing give `None`).
fn walk<'a>(
    mut v: &'a Json,
    index: Option<usize>,
    keys: &[&str],
    out: &mut Found<'a>,
) -> Result<(), Unavailable> {
    for (i, k) in keys.iter().enumerate() {
        if let Json::Array(items) = v {
            match index {
                None => {
                    for item in items {
                        if walk(item, None, &keys[i..], out).is_err() {
                            out.push(None);
                        }
                    }
                    return Ok(());
                }
                Some(n) => v = items.get(n).ok_or(Unavailable)?,
            }
        }
        if !k.is_empty() {
            v = v.get(k).ok_or(Unavailable)?;
        }
    }
    out.push(Some(v));
    Ok(())
}

fn index_of(field: &Field) -> Option<usize> {
    match field.arg {
        FieldArg::Index(n) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        // A key argument counts as present with index 0 in the plugin.
        FieldArg::Key(_) => Some(0),
        FieldArg::None => None,
    }
}

fn key_of(field: &Field) -> &str {
    match &field.arg {
        FieldArg::Key(k) => k,
        _ => "",
    }
}

fn container_values<'a>(
    root: &'a Json,
    list: ContainerList,
    index: Option<usize>,
    sub: &[&str],
) -> Result<Found<'a>, Unavailable> {
    let mut keys: Vec<&str> = vec!["requestObject", "spec", list.key()];
    keys.extend_from_slice(sub);
    let mut out = Vec::new();
    walk(root, index, &keys, &mut out)?;
    Ok(out)
}

/// Every value as a string; a missing one fails the whole field.
fn all_strings(found: &Found<'_>, out: &mut Values) -> Result<(), Unavailable> {
    for v in found {
        out.push_str(&v.ok_or(Unavailable)?.as_field_string());
    }
    Ok(())
}

fn present_strings(found: &Found<'_>, out: &mut Values) {
    for v in found.iter().flatten() {
        out.push_str(&v.as_field_string());
    }
}

fn joined_strings(found: &Found<'_>, out: &mut Values) -> Result<(), Unavailable> {
    let mut any = false;
    for v in found.iter().flatten() {
        let Json::Array(parts) = v else {
            return Err(Unavailable);
        };
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            let p = p.as_str().ok_or(Unavailable)?;
            if i > 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        out.push_str(&s);
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(Unavailable)
    }
}

fn repository(image: &str) -> &str {
    let before_tag = image.split(':').next().unwrap_or("");
    before_tag.split('@').next().unwrap_or("")
}

fn images<'a>(
    root: &'a Json,
    list: ContainerList,
    index: Option<usize>,
) -> Result<Vec<std::borrow::Cow<'a, str>>, Unavailable> {
    container_values(root, list, index, &["image"])?
        .into_iter()
        .map(|v| v.map(Json::as_field_string).ok_or(Unavailable))
        .collect()
}

fn container_field(
    root: &Json,
    list: ContainerList,
    cf: ContainerField,
    index: Option<usize>,
    out: &mut Values,
) -> Result<(), Unavailable> {
    match cf {
        ContainerField::Args => {
            joined_strings(&container_values(root, list, index, &["args"])?, out)
        }
        ContainerField::Command => {
            joined_strings(&container_values(root, list, index, &["command"])?, out)
        }
        ContainerField::Name => all_strings(&container_values(root, list, index, &["name"])?, out),
        ContainerField::Image => {
            all_strings(&container_values(root, list, index, &["image"])?, out)
        }
        ContainerField::Repository => {
            for image in images(root, list, index)? {
                out.push_str(repository(&image));
            }
            Ok(())
        }
        ContainerField::HostPort => {
            for ports in container_values(root, list, index, &["ports"])?
                .into_iter()
                .flatten()
            {
                let Json::Array(ports) = ports else {
                    return Err(Unavailable);
                };
                for port in ports {
                    if let Some(p) = port.get("hostPort").or_else(|| port.get("containerPort")) {
                        out.push_str(&p.as_field_string());
                    }
                }
            }
            Ok(())
        }
        ContainerField::Value(sub) => {
            present_strings(&container_values(root, list, index, sub)?, out);
            Ok(())
        }
        ContainerField::Effective(key) => {
            let pod = root
                .get_path(&["requestObject", "spec", SEC, key])
                .map(|v| v.as_field_string().into_owned())
                .unwrap_or_else(|| "0".to_string());
            let Json::Array(all) = root
                .get_path(&["requestObject", "spec", list.key()])
                .ok_or(Unavailable)?
            else {
                return Err(Unavailable);
            };
            let chosen = match index {
                Some(n) => std::slice::from_ref(all.get(n).ok_or(Unavailable)?),
                None => all.as_slice(),
            };
            for c in chosen {
                match c.get_path(&[SEC, key]) {
                    Some(v) => out.push_str(&v.as_field_string()),
                    None => out.push_str(&pod),
                }
            }
            Ok(())
        }
    }
}

/// Decodes a `application/x-www-form-urlencoded` component as Go's
/// `url.QueryUnescape` does: `+` is a space, `%XX` a byte; a bad escape or
/// a result that is not UTF-8 is an error.
fn query_unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The first value of query parameter `key` in `uri`, as Go's
/// `url.ParseQuery` reads the query: a pair with a `;` or a bad escape
/// makes the whole query unreadable.
fn uri_param(uri: &str, key: &str) -> Option<String> {
    let query = uri.split('#').next()?.split_once('?').map(|(_, q)| q)?;
    let mut found = None;
    for pair in query.split('&') {
        if pair.is_empty() {
            continue;
        }
        if pair.contains(';') {
            return None;
        }
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let k = query_unescape(k)?;
        let v = query_unescape(v)?;
        if found.is_none() && k == key {
            found = Some(v);
        }
    }
    found
}

fn subject_names(root: &Json, kind: &str, out: &mut Values) -> Result<(), Unavailable> {
    let Some(subjects) = root.get_path(&["requestObject", "subjects"]) else {
        return Ok(());
    };
    let Json::Array(subjects) = subjects else {
        return Err(Unavailable);
    };
    let (kind, namespaced) = match kind {
        "NamespacedServiceAccount" => ("ServiceAccount", true),
        k => (k, false),
    };
    for s in subjects {
        let (Some(k), Some(name)) = (s.get("kind"), s.get("name")) else {
            continue;
        };
        if k.as_field_string() != kind {
            continue;
        }
        if namespaced {
            let Some(ns) = s.get("namespace") else {
                continue;
            };
            out.push_str(&format!(
                "{}:{}",
                ns.as_field_string(),
                name.as_field_string()
            ));
        } else {
            out.push_str(&name.as_field_string());
        }
    }
    Ok(())
}

/// RFC 6901 pointer lookup as the json plugin does it: a leading `/` is
/// dropped, the rest split on `/`, `~1` and `~0` unescaped, array elements
/// addressed by decimal index.
fn json_pointer<'a>(root: &'a Json, pointer: &str) -> Option<&'a Json> {
    if pointer.is_empty() {
        return Some(root);
    }
    let p = pointer.strip_prefix('/').unwrap_or(pointer);
    p.split('/').try_fold(root, |v, key| {
        let key = key.replace("~1", "/").replace("~0", "~");
        v.get(&key)
    })
}

impl AuditEvent {
    fn extract_ka(
        &self,
        info: &FieldInfo,
        field: &Field,
        out: &mut Values,
    ) -> Result<(), Unavailable> {
        let root = self.json();
        if root.get("auditID").is_none() {
            return Err(Unavailable);
        }
        let index = index_of(field);
        match info.extract {
            Extract::Keys(keys) => {
                let v = root.get_path(keys).ok_or(Unavailable)?;
                if info.list {
                    let Json::Array(items) = v else {
                        return Err(Unavailable);
                    };
                    for item in items {
                        out.push_str(&item.as_field_string());
                    }
                } else {
                    out.push_str(&v.as_field_string());
                }
            }
            Extract::UriParam => {
                let uri = root.get("requestURI").ok_or(Unavailable)?.as_field_string();
                if let Some(v) = uri_param(&uri, key_of(field)) {
                    out.push_str(&v);
                }
            }
            Extract::TargetPodName => {
                let resource = root
                    .get_path(&["objectRef", "resource"])
                    .and_then(Json::as_str);
                let sub = root
                    .get_path(&["objectRef", "subresource"])
                    .and_then(Json::as_str)
                    .unwrap_or("");
                if resource == Some("pods") && sub.is_empty() {
                    let name = root
                        .get_path(&["responseObject", "metadata", "name"])
                        .ok_or(Unavailable)?;
                    out.push_str(&name.as_field_string());
                }
            }
            Extract::SubjectNames(kind) => subject_names(root, kind, out)?,
            Extract::AlwaysTrue => out.push_str("true"),
            Extract::FirstImage => {
                let images = images(root, ContainerList::Containers, Some(0))?;
                out.push_str(images.first().ok_or(Unavailable)?);
            }
            Extract::FirstRepository => {
                let images = images(root, ContainerList::Containers, Some(0))?;
                out.push_str(repository(images.first().ok_or(Unavailable)?));
            }
            Extract::AnyPrivileged => {
                let found =
                    container_values(root, ContainerList::Containers, None, &[SEC, "privileged"])?;
                let any = found
                    .iter()
                    .flatten()
                    .any(|v| matches!(v, Json::Bool(true)));
                out.push_str(if any { "true" } else { "false" });
            }
            Extract::Flattened(keys) => {
                let mut found = Vec::new();
                walk(root, index, keys, &mut found)?;
                for v in found.iter().flatten() {
                    if let Json::Array(items) = v {
                        for item in items {
                            out.push_str(&item.as_field_string());
                        }
                    }
                }
            }
            Extract::Walk(keys) => {
                let mut found = Vec::new();
                walk(root, index, keys, &mut found)?;
                present_strings(&found, out);
            }
            Extract::VolumeHostPath => {
                let mut found = Vec::new();
                walk(
                    root,
                    index,
                    &["requestObject", "spec", "volumes", "hostPath", "path"],
                    &mut found,
                )?;
                let arg = key_of(field);
                let prefix = arg.strip_suffix('*');
                let hit = found.iter().flatten().any(|v| {
                    let s = v.as_field_string();
                    prefix.is_some_and(|p| s.starts_with(p)) || s == arg
                });
                out.push_str(if hit { "true" } else { "false" });
            }
            Extract::SourceIps => {
                let Json::Array(ips) = root.get("sourceIPs").ok_or(Unavailable)? else {
                    return Err(Unavailable);
                };
                match index {
                    Some(n) => out.push_str(&ips.get(n).ok_or(Unavailable)?.as_field_string()),
                    None => ips
                        .iter()
                        .for_each(|ip| out.push_str(&ip.as_field_string())),
                }
            }
            Extract::VolumeTypes => {
                let mut found = Vec::new();
                walk(
                    root,
                    index,
                    &["requestObject", "spec", "volumes", ""],
                    &mut found,
                )?;
                for v in found.iter().flatten() {
                    if let Json::Object(members) = v {
                        for (k, _) in members {
                            if k != "name" {
                                out.push_str(k);
                            }
                        }
                    }
                }
            }
            Extract::Container(list, cf) => container_field(root, list, cf, index, out)?,
            Extract::JsonValue | Extract::JsonObj | Extract::RawTime => return Err(Unavailable),
        }
        Ok(())
    }

    fn extract_json(
        &self,
        info: &FieldInfo,
        field: &Field,
        out: &mut Values,
    ) -> Result<(), Unavailable> {
        match info.extract {
            Extract::JsonValue => {
                let v = json_pointer(self.json(), key_of(field)).ok_or(Unavailable)?;
                out.push_str(&v.as_field_string());
            }
            Extract::JsonObj => {
                let mut s = String::new();
                self.json().write_indented(&mut s);
                out.push_str(&s);
            }
            Extract::RawTime => out.push_str(&self.time_ns().to_string()),
            _ => return Err(Unavailable),
        }
        Ok(())
    }
}

impl FieldExtractor for AuditEvent {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let Some(info) = catalog().fields.get(field.id as usize) else {
            return false;
        };
        let r = if info.is_json_plugin() {
            self.extract_json(info, field, out)
        } else {
            self.extract_ka(info, field, out)
        };
        if r.is_err() || out.is_empty() {
            out.clear();
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_param_follows_go_query_parsing() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "/api/v1/pods/x/exec?command=sh&command=-c&stdin=true",
                "command",
                Some("sh"),
            ),
            ("/x?a=b+c%2Fd", "a", Some("b c/d")),
            ("/x?a=1;b=2", "a", None),
            ("/x?a=%zz", "a", None),
            ("/x?b=1", "a", None),
            ("/x", "a", None),
            ("/x?a=1#frag", "a", Some("1")),
        ];
        for (uri, key, want) in cases {
            assert_eq!(uri_param(uri, key).as_deref(), *want, "{uri} [{key}]");
        }
    }

    #[test]
    fn repository_cuts_tag_and_digest() {
        assert_eq!(
            repository("docker.io/falcosecurity/falco:0.38"),
            "docker.io/falcosecurity/falco"
        );
        assert_eq!(repository("nginx@sha256:abc"), "nginx");
        assert_eq!(repository("nginx"), "nginx");
    }
}

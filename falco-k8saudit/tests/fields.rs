//! Field values of real audit events, as the k8saudit and json plugins give
//! them: strings, booleans and numbers as text, lists, indexes and keys,
//! missing keys unavailable.

mod common;

use falco_k8saudit::{fields, json::Json, AuditEvent, K8sAuditFields};
use falco_rules::{FieldError, FieldExtractor, FieldSchema, Value, Values};

/// `None`: the field is unavailable; `Some(values)`: its values.
fn extract(ev: &AuditEvent, name: &str, arg: Option<&str>) -> Option<Vec<String>> {
    let f = K8sAuditFields::new()
        .resolve(name, arg)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = Values::new();
    if !ev.extract(&f, &mut out) {
        return None;
    }
    Some(
        out.iter()
            .map(|v| match v {
                Value::Bytes(b) => String::from_utf8(b.to_vec()).unwrap(),
                other => panic!("{name}: not a string: {other:?}"),
            })
            .collect(),
    )
}

/// Expected values: `None` when the field is unavailable.
type Want = Option<&'static [&'static str]>;

#[test]
fn fields_of_the_regression_events() {
    // (file, field, argument, expected values; None = unavailable)
    let cases: &[(&str, &str, Option<&str>, Want)] = &[
        ("exec_pod.json", "ka.verb", None, Some(&["create"])),
        (
            "exec_pod.json",
            "ka.target.subresource",
            None,
            Some(&["exec"]),
        ),
        (
            "exec_pod.json",
            "ka.target.name",
            None,
            Some(&["nginx-deployment-7998647bdf-phvq7"]),
        ),
        (
            "exec_pod.json",
            "ka.uri.param",
            Some("command"),
            Some(&["bash"]),
        ),
        (
            "exec_pod.json",
            "ka.uri.param",
            Some("container"),
            Some(&["nginx1"]),
        ),
        ("exec_pod.json", "ka.uri.param", Some("nosuch"), None),
        (
            "exec_pod.json",
            "ka.user.name",
            None,
            Some(&["minikube-user"]),
        ),
        (
            "exec_pod.json",
            "ka.user.groups",
            None,
            Some(&["system:masters", "system:authenticated"]),
        ),
        ("exec_pod.json", "ka.response.code", None, Some(&["101"])),
        ("exec_pod.json", "ka.auth.reason", None, Some(&[""])),
        (
            "exec_pod.json",
            "ka.sourceips",
            None,
            Some(&["192.168.99.1"]),
        ),
        ("exec_pod.json", "ka.target.pod.name", None, None),
        ("exec_pod.json", "ka.req.pod.containers.image", None, None),
        ("exec_pod.json", "ka.impuser.name", None, None),
        (
            "exec_pod.json",
            "jevt.value",
            Some("/objectRef/resource"),
            Some(&["pods"]),
        ),
        (
            "exec_pod.json",
            "jevt.value",
            Some("/user/groups/1"),
            Some(&["system:authenticated"]),
        ),
        (
            "exec_pod.json",
            "jevt.value",
            Some("/responseStatus/code"),
            Some(&["101"]),
        ),
        (
            "exec_pod.json",
            "jevt.value",
            Some("/sourceIPs"),
            Some(&["[\"192.168.99.1\"]"]),
        ),
        ("exec_pod.json", "jevt.value", Some("/nosuch"), None),
        (
            "exec_pod.json",
            "json.rawtime",
            None,
            Some(&["1540561114902914000"]),
        ),
        (
            "exec_pod.json",
            "jevt.rawtime",
            None,
            Some(&["1540561114902914000"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.privileged",
            None,
            Some(&["false", "true"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.privileged",
            Some("1"),
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.privileged",
            Some("2"),
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.container.privileged",
            None,
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.image",
            None,
            Some(&["nginx", "mysql:latest"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.image.repository",
            None,
            Some(&["nginx", "mysql"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.container.image",
            None,
            Some(&["nginx"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.name",
            None,
            Some(&["nginx1", "mysql"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.eff_run_as_user",
            None,
            Some(&["0", "0"]),
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.run_as_user",
            None,
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.containers.add_capabilities",
            None,
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.host_network",
            None,
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.host_pid",
            None,
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.req.pod.initContainers.image",
            None,
            None,
        ),
        (
            "create_nginx_pod_privileged_2nd_container.json",
            "ka.target.pod.name",
            None,
            Some(&["nginx-deployment-544b59f8b8-ffkxm"]),
        ),
        (
            "create_nginx_pod_hostnetwork.json",
            "ka.req.pod.host_network",
            None,
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_hostnetwork.json",
            "ka.req.container.host_network",
            None,
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.pod.volumes.hostpath",
            None,
            Some(&["/etc"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.pod.volumes.volume_type",
            None,
            Some(&["hostPath"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.volume.hostpath",
            Some("/etc"),
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.volume.hostpath",
            Some("/e*"),
            Some(&["true"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.volume.hostpath",
            Some("/var"),
            Some(&["false"]),
        ),
        (
            "create_nginx_pod_sensitive_mount.json",
            "ka.req.pod.volumes.flexvolume_driver",
            None,
            Some(&[] as &[&str]).filter(|v| !v.is_empty()),
        ),
        (
            "create_nginx_service_nodeport.json",
            "ka.req.service.type",
            None,
            Some(&["NodePort"]),
        ),
        (
            "create_nginx_service_nodeport.json",
            "ka.req.service.ports",
            None,
            // The plugin walks arrays only before a key: the ports array is one value.
            Some(&[r#"[{"nodePort":30080,"port":80,"protocol":"TCP","targetPort":80}]"#]),
        ),
        (
            "attach_cluster_admin_role.json",
            "ka.req.binding.role",
            None,
            Some(&["cluster-admin"]),
        ),
        (
            "attach_cluster_admin_role.json",
            "ka.req.binding.subjects.user_names",
            None,
            Some(&["minikube"]),
        ),
        (
            "attach_cluster_admin_role.json",
            "ka.req.binding.subjects.group_names",
            None,
            None,
        ),
        (
            "attach_cluster_admin_role.json",
            "ka.req.binding.subjects",
            None,
            Some(&[r#"{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"minikube"}"#]),
        ),
        (
            "attach_cluster_admin_role.json",
            "ka.req.binding.subject.has_name",
            Some("x"),
            Some(&["true"]),
        ),
        (
            "create_cluster_role_wildcard_verbs.json",
            "ka.req.role.rules.verbs",
            None,
            Some(&["*", "get"]),
        ),
        (
            "create_cluster_role_wildcard_verbs.json",
            "ka.req.role.rules.verbs",
            Some("1"),
            Some(&["get"]),
        ),
        (
            "create_cluster_role_wildcard_verbs.json",
            "ka.req.role.rules.resources",
            None,
            Some(&["pods"]),
        ),
        (
            "create_cluster_role_wildcard_verbs.json",
            "ka.req.role.rules.apiGroups",
            None,
            Some(&[""]),
        ),
        (
            "create_cluster_role_wildcard_verbs.json",
            "ka.req.role.rules.nonResourceURLs",
            Some("0"),
            None,
        ),
    ];
    for (file, field, arg, want) in cases {
        let events = common::audit_events(file);
        let got = extract(&events[0], field, *arg);
        let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            got,
            want,
            "{file}: {field}{}",
            arg.map(|a| format!("[{a}]")).unwrap_or_default()
        );
    }
}

#[test]
fn jevt_obj_is_the_event_indented_in_document_order() {
    let ev = AuditEvent::from_json(
        Json::parse(br#"{"kind":"Event","auditID":"x","stageTimestamp":"2024-01-01T00:00:00Z","user":{"username":"u","groups":[]}}"#)
            .unwrap(),
    )
    .unwrap();
    let want = "{\n  \"kind\": \"Event\",\n  \"auditID\": \"x\",\n  \"stageTimestamp\": \"2024-01-01T00:00:00Z\",\n  \"user\": {\n    \"username\": \"u\",\n    \"groups\": []\n  }\n}";
    assert_eq!(extract(&ev, "jevt.obj", None), Some(vec![want.to_string()]));
    assert_eq!(extract(&ev, "json.obj", None), Some(vec![want.to_string()]));
    // An empty list is no value at all: the field is unavailable.
    assert_eq!(extract(&ev, "ka.user.groups", None), None);
}

#[test]
fn ka_fields_need_an_audit_id_json_fields_do_not() {
    let ev = AuditEvent::from_json(
        Json::parse(br#"{"kind":"Event","stageTimestamp":"2024-01-01T00:00:00Z","verb":"get"}"#)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(extract(&ev, "ka.verb", None), None);
    assert_eq!(
        extract(&ev, "jevt.value", Some("/verb")),
        Some(vec!["get".to_string()])
    );
    assert_eq!(
        extract(&ev, "jevt.value", Some("")),
        Some(vec![
            r#"{"kind":"Event","stageTimestamp":"2024-01-01T00:00:00Z","verb":"get"}"#.to_string()
        ])
    );
}

#[test]
fn container_lists_and_effective_ids() {
    let ev = AuditEvent::from_json(
        Json::parse(
            br#"{"kind":"Event","auditID":"x","stageTimestamp":"2024-01-01T00:00:00Z","requestObject":{"spec":{
            "securityContext":{"runAsUser":1000},
            "containers":[
              {"name":"a","image":"reg:5000/app:1","command":["sh","-c"],"args":["echo","hi"],
               "ports":[{"containerPort":80},{"containerPort":443,"hostPort":8443}],
               "securityContext":{"runAsUser":0,"capabilities":{"add":["NET_ADMIN","SYS_TIME"]}}},
              {"name":"b","image":"busybox@sha256:00","command":["true"],"securityContext":{"runAsGroup":5}}],
            "initContainers":[{"name":"init","image":"alpine:3","securityContext":{"privileged":true}}],
            "ephemeralContainers":[{"name":"dbg","image":"debug"}]}}}"#,
        )
        .unwrap(),
    )
    .unwrap();
    let cases: &[(&str, Option<&str>, Want)] = &[
        (
            "ka.req.pod.containers.command",
            None,
            Some(&["sh -c", "true"]),
        ),
        ("ka.req.pod.containers.args", None, Some(&["echo hi"])),
        ("ka.req.pod.containers.args", Some("1"), None),
        (
            "ka.req.pod.containers.host_port",
            None,
            Some(&["80", "8443"]),
        ),
        ("ka.req.pod.containers.run_as_user", None, Some(&["0"])),
        // The container's securityContext, else the pod's, else 0 (the
        // plugin reads paths Kubernetes never writes and always gives 0).
        (
            "ka.req.pod.containers.eff_run_as_user",
            None,
            Some(&["0", "1000"]),
        ),
        (
            "ka.req.pod.containers.eff_run_as_user",
            Some("1"),
            Some(&["1000"]),
        ),
        (
            "ka.req.pod.containers.eff_run_as_group",
            None,
            Some(&["0", "5"]),
        ),
        (
            "ka.req.pod.containers.add_capabilities",
            None,
            Some(&[r#"["NET_ADMIN","SYS_TIME"]"#]),
        ),
        // The plugin's repository: the image up to its first ':' and '@'.
        (
            "ka.req.pod.containers.image.repository",
            None,
            Some(&["reg", "busybox"]),
        ),
        ("ka.req.container.image.repository", None, Some(&["reg"])),
        (
            "ka.req.pod.initContainers.privileged",
            None,
            Some(&["true"]),
        ),
        (
            "ka.req.pod.initContainers.image.repository",
            None,
            Some(&["alpine"]),
        ),
        (
            "ka.req.pod.ephemeralContainers.name",
            Some("0"),
            Some(&["dbg"]),
        ),
        ("ka.req.pod.run_as_user", None, Some(&["1000"])),
        ("ka.req.container.privileged", None, Some(&["false"])),
    ];
    for (field, arg, want) in cases {
        let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(extract(&ev, field, *arg), want, "{field}{arg:?}");
    }
}

#[test]
fn the_catalog_matches_the_plugins() {
    let all = fields();
    let ka = all.iter().filter(|f| f.name.starts_with("ka.")).count();
    // 71 fields in k8saudit's table before the init and ephemeral container
    // lists (15 and 14 fields), and json's 6.
    assert_eq!(ka, 71 + 15 + 14);
    assert_eq!(all.len(), ka + 6);
    let row = |n: &str| {
        all.iter()
            .find(|f| f.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    assert_eq!(row("ka.user.groups").type_name(), "string (list)");
    assert_eq!(row("ka.req.container.image").type_name(), "string");
    assert!(row("ka.req.pod.ephemeralContainers.add_capabilities").list);
    assert!(all
        .iter()
        .all(|f| f.name != "ka.req.pod.ephemeralContainers.host_port"));
}

#[test]
fn arguments_are_checked_when_rules_compile() {
    let s = K8sAuditFields::new();
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("ka.nosuch", None, "filter_check called with nonexistent field ka.nosuch"),
        ("ka.uri.param", None, "field ka.uri.param requires an argument: write it as ka.uri.param[KEY]"),
        ("jevt.value", None, "field jevt.value requires an argument: write it as jevt.value[KEY]"),
        ("ka.verb", Some("x"), "field ka.verb does not take an argument"),
        (
            "ka.req.pod.containers.image",
            Some("first"),
            "field ka.req.pod.containers.image takes a numeric index: write it as ka.req.pod.containers.image[N], not ka.req.pod.containers.image[first]",
        ),
    ];
    for (name, arg, msg) in cases {
        let err: FieldError = s.resolve(name, *arg).unwrap_err();
        assert_eq!(err.to_string(), *msg);
    }
}

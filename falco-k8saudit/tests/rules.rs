//! The official `k8s_audit_rules.yaml` over Falco's regression audit events.
//!
//! The expected rules of each file were worked out by reading each rule's
//! condition against the event (stage, verb, target, user, request object),
//! not from our output. Every matching rule is counted (all-matches mode),
//! so a rule that must not fire on a file is absent from its row.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use falco_k8saudit::{input::read_path, K8sAuditSource, DEFAULT_MAX_EVENT_SIZE, PROVIDED_PLUGINS};
use falco_rules::rules::check_plugin_requirements;
use falco_rules::{Engine, RuleMatching, Scratch, SimpleSource, SourceDescriptor};

/// The official rules, loaded into an engine with the k8s_audit source.
fn engine() -> Engine {
    let path = common::testdata().join("rules/k8s_audit_rules.yaml");
    let mut engine = Engine::builder()
        .source(K8sAuditSource::new())
        .rule_matching(RuleMatching::All)
        .build();
    let result = engine.load_file(&path);
    assert!(result.successful(), "{}", result.verbose());
    assert!(!result.has_warnings(), "{}", result.verbose());
    engine
}

#[test]
fn the_official_rules_load_without_error_or_warning() {
    let engine = engine();
    let rules = engine.ruleset().rules();
    assert_eq!(rules.len(), 48);
    assert!(rules.iter().all(|r| &*r.source == "k8s_audit"));
    assert_eq!(engine.ruleset().active_len(), 48);
    // k8saudit 0.18.0 and json 0.7.0 are required; the built-in source
    // stands in for both.
    let reqs = engine.collector().required_plugin_versions();
    let names: Vec<&str> = reqs
        .iter()
        .map(|r| r.alternatives[0].name.as_str())
        .collect();
    assert_eq!(names, ["k8saudit", "json"]);
    assert_eq!(check_plugin_requirements(reqs, PROVIDED_PLUGINS), Ok(()));
    assert!(check_plugin_requirements(reqs, &[("k8saudit", "0.17.0"), ("json", "0.7.4")]).is_err());
}

#[test]
fn without_the_built_in_plugins_the_requirement_fails_as_in_falco() {
    // A k8s_audit source that stands in for no plugin: Falco's message.
    let schema = Arc::new(falco_k8saudit::K8sAuditFields::new());
    let bare = SimpleSource::with_schema("k8s_audit", schema);
    assert!(bare.plugins().is_empty());
    let mut engine = Engine::builder().source(bare).build();
    let result = engine.load_file(&common::testdata().join("rules/k8s_audit_rules.yaml"));
    assert!(!result.successful());
    assert!(
        result.verbose().contains("k8saudit"),
        "{}",
        result.verbose()
    );
}

type Expected = &'static [(&'static str, usize)];

/// (file, rules that fire with their counts); every other rule must not.
const EXPECTED: &[(&str, Expected)] = &[
    (
        "anonymous_creates_namespace_foo.json",
        &[
            ("Anonymous Request Allowed", 1),
            ("Create Disallowed Namespace", 1),
            ("K8s Namespace Created", 1),
        ],
    ),
    (
        "attach_cluster_admin_role.json",
        &[
            ("Attach to cluster-admin Role", 1),
            ("K8s ClusterRoleBinding Created", 1),
        ],
    ),
    ("attach_pod.json", &[("Attach/Exec Pod", 1)]),
    (
        "create_cluster_role_pod_exec.json",
        &[
            ("ClusterRole With Pod Exec Created", 1),
            ("K8s ClusterRole Created", 1),
        ],
    ),
    (
        "create_cluster_role_wildcard_resources.json",
        &[
            ("ClusterRole With Wildcard Created", 1),
            ("K8s ClusterRole Created", 1),
        ],
    ),
    (
        "create_cluster_role_wildcard_verbs.json",
        &[
            ("ClusterRole With Wildcard Created", 1),
            ("K8s ClusterRole Created", 1),
        ],
    ),
    (
        "create_cluster_role_write_privileges.json",
        &[
            ("ClusterRole With Write Privileges Created", 1),
            ("K8s ClusterRole Created", 1),
        ],
    ),
    ("create_clusterrole.json", &[("K8s ClusterRole Created", 1)]),
    (
        "create_clusterrolebinding.json",
        &[("K8s ClusterRoleBinding Created", 1)],
    ),
    ("create_configmap.json", &[("K8s ConfigMap Created", 1)]),
    (
        "create_configmap_no_sensitive_values.json",
        &[("K8s ConfigMap Created", 1)],
    ),
    (
        "create_configmap_sensitive_values.json",
        &[
            ("Create/Modify Configmap With Private Credentials", 6),
            ("K8s ConfigMap Created", 6),
        ],
    ),
    ("create_deployment.json", &[("K8s Deployment Created", 1)]),
    // In kube-system: "K8s Secret Created" excludes that namespace.
    ("create_kube_system_secret.json", &[]),
    (
        "create_nginx_pod_hostnetwork.json",
        &[("Create HostNetwork Pod", 1)],
    ),
    (
        "create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json",
        &[("Create Privileged Pod", 1)],
    ),
    ("create_nginx_pod_nohostnetwork.json", &[]),
    (
        "create_nginx_pod_privileged.json",
        &[("Create Privileged Pod", 1)],
    ),
    (
        "create_nginx_pod_privileged_2nd_container.json",
        &[("Create Privileged Pod", 1)],
    ),
    (
        "create_nginx_pod_sensitive_mount.json",
        &[("Create Sensitive Mount Pod", 1)],
    ),
    (
        "create_nginx_pod_sensitive_mount_2nd_container.json",
        &[("Create Sensitive Mount Pod", 1)],
    ),
    ("create_nginx_pod_unprivileged.json", &[]),
    // A `get` by the kubelet, not a create.
    ("create_nginx_pod_unsensitive_mount.json", &[]),
    (
        "create_nginx_service_nodeport.json",
        &[("Create NodePort Service", 1), ("K8s Service Created", 1)],
    ),
    (
        "create_nginx_service_nonodeport.json",
        &[("K8s Service Created", 1)],
    ),
    (
        "create_pod_kube_public_namespace.json",
        &[("Pod Created in Kube Namespace", 1)],
    ),
    (
        "create_pod_kube_system_namespace.json",
        &[("Pod Created in Kube Namespace", 1)],
    ),
    ("create_secret.json", &[("K8s Secret Created", 1)]),
    ("create_service.json", &[("K8s Service Created", 1)]),
    // Created by system:kube-controller-manager: not a non-system user.
    ("create_service_account_token_secret.json", &[]),
    (
        "create_serviceaccount.json",
        &[("K8s Serviceaccount Created", 1)],
    ),
    (
        "create_serviceaccount_kube_public_namespace.json",
        &[
            ("K8s Serviceaccount Created", 1),
            ("Service Account Created in Kube Namespace", 1),
        ],
    ),
    (
        "create_serviceaccount_kube_system_namespace.json",
        &[
            ("K8s Serviceaccount Created", 1),
            ("Service Account Created in Kube Namespace", 1),
        ],
    ),
    (
        "delete_cluster_role_kube_aggregator.json",
        &[
            ("K8s ClusterRole Deleted", 1),
            ("System ClusterRole Modified/Deleted", 1),
        ],
    ),
    ("delete_clusterrole.json", &[("K8s ClusterRole Deleted", 1)]),
    (
        "delete_clusterrolebinding.json",
        &[("K8s ClusterRoleBinding Deleted", 1)],
    ),
    ("delete_configmap.json", &[("K8s ConfigMap Deleted", 1)]),
    ("delete_deployment.json", &[("K8s Deployment Deleted", 1)]),
    ("delete_namespace_foo.json", &[("K8s Namespace Deleted", 1)]),
    ("delete_secret.json", &[("K8s Secret Deleted", 1)]),
    ("delete_service.json", &[("K8s Service Deleted", 1)]),
    (
        "delete_serviceaccount.json",
        &[("K8s Serviceaccount Deleted", 1)],
    ),
    ("exec_pod.json", &[("Attach/Exec Pod", 1)]),
    // `{"kind": 0}`: no event at all.
    ("fal_01_003.json", &[]),
    (
        "minikube_creates_namespace_foo.json",
        &[
            ("Create Disallowed Namespace", 1),
            ("K8s Namespace Created", 1),
        ],
    ),
    (
        "modify_cluster_role_node_problem_detector.json",
        &[("System ClusterRole Modified/Deleted", 1)],
    ),
    (
        "some-user_creates_namespace_foo.json",
        &[
            ("Create Disallowed Namespace", 1),
            ("Disallowed K8s User", 1),
            ("K8s Namespace Created", 1),
        ],
    ),
];

#[test]
fn each_regression_file_fires_the_rules_its_activity_calls_for() {
    let engine = engine();
    let ruleset = engine.ruleset();
    let mut scratch = Scratch::new();
    let dir = common::testdata().join("k8s_audit");
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(EXPECTED.len(), on_disk, "every file has a row");
    let mut failures = Vec::new();
    for (file, want) in EXPECTED {
        let batch = read_path(&dir.join(file), DEFAULT_MAX_EVENT_SIZE).unwrap();
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for ev in &batch.events {
            for rule in ruleset.matches(ev, &mut scratch) {
                *got.entry(rule.name.to_string()).or_default() += 1;
            }
        }
        let want: BTreeMap<String, usize> = want.iter().map(|(r, n)| (r.to_string(), *n)).collect();
        if got != want {
            failures.push(format!("{file}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn alert_outputs_render_the_audit_fields() {
    let engine = engine();
    let ruleset = engine.ruleset();
    let ev = &common::audit_events("exec_pod.json")[0];
    let mut scratch = Scratch::new();
    let hits: Vec<_> = ruleset.matches(ev, &mut scratch).collect();
    let rule = hits[0];
    assert_eq!(&*rule.name, "Attach/Exec Pod");
    assert_eq!(
        rule.output.render(ev),
        "Attach/Exec to pod (user=minikube-user pod=nginx-deployment-7998647bdf-phvq7 resource=pods ns=default action=exec command=bash)"
    );
}

#[test]
fn the_audit_rules_load_beside_the_syscall_rules() {
    let rules = common::testdata().join("rules");
    let mut engine = Engine::builder()
        .source(falco_events::SyscallSource::new())
        .source(K8sAuditSource::new())
        .build();
    for f in ["falco_rules.yaml", "k8s_audit_rules.yaml"] {
        let r = engine.load_file(&rules.join(f));
        assert!(r.successful(), "{f}: {}", r.verbose());
        assert!(!r.has_warnings(), "{f}: {}", r.verbose());
    }
    let ruleset = engine.ruleset();
    let audit = ruleset
        .rules()
        .iter()
        .filter(|r| &*r.source == "k8s_audit")
        .count();
    let syscall = ruleset
        .rules()
        .iter()
        .filter(|r| &*r.source == "syscall")
        .count();
    assert_eq!(audit, 48);
    assert!(syscall > 20, "{syscall}");
    // An audit event runs the audit rules only.
    let ev = &common::audit_events("create_nginx_pod_privileged.json")[0];
    let mut scratch = Scratch::new();
    let hits: Vec<&str> = ruleset
        .matches(ev, &mut scratch)
        .map(|r| &*r.name)
        .collect();
    assert_eq!(hits, ["Create Privileged Pod"]);
}

#[test]
fn json_alerts_carry_the_k8s_audit_source() {
    let engine = engine();
    let ev = &common::audit_events("create_nginx_pod_privileged.json")[0];
    let mut scratch = Scratch::new();
    let rule = engine.ruleset().matches(ev, &mut scratch).next().unwrap();
    let alert = falco_rules::Alert::new(rule, ev, ev.time_ns());
    let json: serde_json::Value =
        serde_json::from_str(&alert.json(&falco_rules::AlertFormat::default())).unwrap();
    assert_eq!(json["source"], "k8s_audit");
    assert_eq!(json["rule"], "Create Privileged Pod");
    assert_eq!(json["priority"], "Warning");
    assert_eq!(json["time"], "2018-10-25T14:09:12.581541000Z");
    assert_eq!(
        json["output_fields"]["ka.req.pod.containers.image"],
        serde_json::json!(["nginx"])
    );
    assert_eq!(
        json["output_fields"]["ka.user.name"],
        "system:serviceaccount:kube-system:replicaset-controller"
    );
}

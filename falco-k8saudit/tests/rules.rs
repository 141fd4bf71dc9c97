//! The official `k8s_audit_rules.yaml` over Falco's regression audit events.
//!
//! The expected rules of each file were worked out by reading each rule's
//! condition against the event (stage, verb, target, user, request object),
//! not from our output. Every matching rule is counted (all-matches mode),
//! so a rule that must not fire on a file is absent from its row.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use falco_k8saudit::{input::read_path, K8sAuditFields, DEFAULT_MAX_EVENT_SIZE, PROVIDED_PLUGINS};
use falco_rules::engine::{Engine, RuleMatching};
use falco_rules::rules::check_plugin_requirements;
use falco_rules::Scratch;

/// The official rules, loaded against the k8s_audit fields.
///
/// Until the engine knows several sources, the rules are loaded as the
/// engine's default source: the `source: k8s_audit` lines are dropped, and
/// nothing else changes.
fn engine() -> Engine {
    let path = common::testdata().join("rules/k8s_audit_rules.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("\n  source: k8s_audit\n").count(), 48);
    let text = text.replace("\n  source: k8s_audit\n", "\n");
    let mut engine = Engine::new(Arc::new(K8sAuditFields::new()), None);
    engine.set_rule_matching(RuleMatching::All);
    let result = engine.load_str("k8s_audit_rules.yaml", &text);
    assert!(result.successful(), "{}", result.verbose());
    assert!(!result.has_warnings(), "{}", result.verbose());
    engine
}

#[test]
fn the_official_rules_load_without_error_or_warning() {
    let engine = engine();
    let rules = engine.ruleset().rules();
    assert_eq!(rules.len(), 48);
    assert_eq!(engine.ruleset().active().len(), 48);
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
            for i in ruleset.matching(None, ev, &mut scratch) {
                *got.entry(ruleset.rules()[i].name.to_string()).or_default() += 1;
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
    let hits = ruleset.matching(None, ev, &mut Scratch::new());
    let rule = &ruleset.rules()[hits[0]];
    assert_eq!(&*rule.name, "Attach/Exec Pod");
    assert_eq!(
        rule.output.render(ev),
        "Attach/Exec to pod (user=minikube-user pod=nginx-deployment-7998647bdf-phvq7 resource=pods ns=default action=exec command=bash)"
    );
}

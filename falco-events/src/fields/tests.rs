use super::*;

use FieldType::String as S;

fn schema() -> SyscallFields {
    SyscallFields::new()
}

fn resolve(name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
    schema().resolve(name, arg)
}

fn err(name: &str, arg: Option<&str>) -> String {
    match resolve(name, arg) {
        Ok(f) => panic!("{name} {arg:?} resolved to {f:?}"),
        Err(e) => e.to_string(),
    }
}

/// The 90 distinct fields the official rules files use (research §8.2),
/// with one argument form each rule uses, and the type libs or the container
/// plugin gives them. Every one of them must resolve.
#[rustfmt::skip]
const OFFICIAL_RULE_FIELDS: &[(&str, Option<&str>, FieldType)] = &[
    // evt.* (23)
    ("evt.arg.cmd", None, S),
    ("evt.arg.domain", None, S),
    ("evt.arg.fd", None, S),
    ("evt.arg.filename", None, S),
    ("evt.arg.flags", None, S),
    ("evt.arg.linkpath", None, S),
    ("evt.arg.mode", None, S),
    ("evt.arg.name", None, S),
    ("evt.arg.newpath", None, S),
    ("evt.arg.oldpath", None, S),
    ("evt.arg.path", None, S),
    ("evt.arg.request", None, S),
    ("evt.arg.target", None, S),
    ("evt.arg.uid", None, S),
    ("evt.args", None, S),
    ("evt.buffer", None, FieldType::Bytes),
    ("evt.is_open_exec", None, FieldType::Bool),
    ("evt.is_open_read", None, FieldType::Bool),
    ("evt.is_open_write", None, FieldType::Bool),
    ("evt.num", None, FieldType::Uint64),
    ("evt.rawres", None, FieldType::Int64),
    ("evt.res", None, S),
    ("evt.type", None, S),
    // proc.* (24)
    ("proc.aexe", Some("2"), S),
    ("proc.aexepath", Some("2"), S),
    ("proc.aname", Some("7"), S),
    ("proc.args", None, S),
    ("proc.cmdline", None, S),
    ("proc.cwd", None, S),
    ("proc.duration", None, FieldType::Uint64),
    ("proc.env", None, S),
    ("proc.exe", None, S),
    ("proc.exe_ino.ctime", None, FieldType::Uint64),
    ("proc.exe_ino.ctime_duration_proc_start", None, FieldType::Uint64),
    ("proc.exe_ino.mtime", None, FieldType::Uint64),
    ("proc.exepath", None, S),
    ("proc.is_exe_from_memfd", None, FieldType::Bool),
    ("proc.is_exe_upper_layer", None, FieldType::Bool),
    ("proc.is_vpgid_leader", None, FieldType::Bool),
    ("proc.name", None, S),
    ("proc.pcmdline", None, S),
    ("proc.pexe", None, S),
    ("proc.pexepath", None, S),
    ("proc.pname", None, S),
    ("proc.sname", None, S),
    ("proc.tty", None, FieldType::Uint32),
    ("proc.vpid", None, FieldType::Int64),
    // thread.* (2)
    ("thread.cap_effective", None, S),
    ("thread.cap_permitted", None, S),
    // user.* (4)
    ("user.loginname", None, S),
    ("user.loginuid", None, FieldType::Int64),
    ("user.name", None, S),
    ("user.uid", None, FieldType::Uint32),
    // group.* (2)
    ("group.gid", None, FieldType::Uint32),
    ("group.name", None, S),
    // fd.* (27)
    ("fd.cip", None, FieldType::IpAddr),
    ("fd.cip.name", None, S),
    ("fd.cnet", None, FieldType::IpNet),
    ("fd.connected", None, FieldType::Bool),
    ("fd.directory", None, S),
    ("fd.filename", None, S),
    ("fd.ip", None, FieldType::IpAddr),
    ("fd.l4proto", None, S),
    ("fd.lip.name", None, S),
    ("fd.lport", None, FieldType::Uint16),
    ("fd.name", None, S),
    ("fd.name_changed", None, FieldType::Bool),
    ("fd.nameraw", None, S),
    ("fd.net", None, FieldType::IpNet),
    ("fd.num", None, FieldType::Int64),
    ("fd.port", None, FieldType::Uint16),
    ("fd.rip", None, FieldType::IpAddr),
    ("fd.rip.name", None, S),
    ("fd.rnet", None, FieldType::IpNet),
    ("fd.rport", None, FieldType::Uint16),
    ("fd.sip", None, FieldType::IpAddr),
    ("fd.sip.name", None, S),
    ("fd.snet", None, FieldType::IpNet),
    ("fd.sockfamily", None, S),
    ("fd.sport", None, FieldType::Uint16),
    ("fd.type", None, S),
    ("fd.typechar", None, S),
    // container.* (6)
    ("container.id", None, S),
    ("container.image.repository", None, S),
    ("container.mount.dest", Some("/var/run/docker.sock"), S),
    ("container.mounts", None, S),
    ("container.privileged", None, FieldType::Bool),
    ("container.start_ts", None, FieldType::Uint64),
    // k8s.* (2)
    ("k8s.ns.name", None, S),
    ("k8s.pod.name", None, S),
];

#[test]
fn every_field_of_the_official_rules_resolves_with_its_type() {
    assert_eq!(OFFICIAL_RULE_FIELDS.len(), 90);
    for &(name, arg, ty) in OFFICIAL_RULE_FIELDS {
        let f = resolve(name, arg).unwrap_or_else(|e| panic!("{name} {arg:?}: {e}"));
        assert_eq!(f.ty, ty, "type of {name}");
        assert!(!f.is_list, "{name} is not a list");
    }
}

#[test]
fn the_argument_forms_of_the_official_rules_resolve() {
    for n in 1..=7 {
        let a = n.to_string();
        let f = resolve("proc.aname", Some(&a)).unwrap();
        assert_eq!(f.arg, FieldArg::Index(n));
    }
    for dest in [
        "/",
        "/etc/kubernetes/manifests",
        "/proc*",
        "/root*",
        "/run/containerd/containerd.sock",
        "/var/lib/kubelet/pki",
    ] {
        let f = resolve("container.mount.dest", Some(dest)).unwrap();
        assert_eq!(f.arg, FieldArg::Key(dest.into()));
    }
    assert_eq!(
        resolve("proc.env", Some("HOME")).unwrap().arg,
        FieldArg::Key("HOME".into())
    );
    assert_eq!(
        resolve("proc.args", Some("0")).unwrap().arg,
        FieldArg::Index(0)
    );
}

#[test]
fn either_side_network_fields_match_any_side() {
    for name in ["fd.ip", "fd.net", "fd.port", "fd.proto"] {
        let f = resolve(name, None).unwrap();
        for flag in [
            FieldFlags::MATCH_ANY,
            FieldFlags::FILTER_ONLY,
            FieldFlags::NO_RHS,
            FieldFlags::NO_TRANSFORMER,
        ] {
            assert!(f.flags.contains(flag), "{name} has {flag:?}");
        }
    }
    let snet = resolve("fd.snet", None).unwrap();
    assert!(snet.flags.contains(FieldFlags::FILTER_ONLY));
    assert!(!snet.flags.contains(FieldFlags::MATCH_ANY));
    let sip = resolve("fd.sip", None).unwrap();
    assert_eq!(sip.flags, FieldFlags::NONE);
}

#[test]
fn ancestor_fields_match_any_ancestor_only_without_an_index() {
    for name in [
        "proc.aname",
        "proc.apid",
        "proc.aexe",
        "proc.aexepath",
        "proc.acmdline",
        "proc.aenv",
    ] {
        let bare = resolve(name, None).unwrap();
        assert!(bare.flags.contains(FieldFlags::MATCH_ANY), "{name}");
        assert!(bare.flags.contains(FieldFlags::NO_RHS), "{name}");
        assert!(bare.flags.contains(FieldFlags::NO_TRANSFORMER), "{name}");
        assert_eq!(bare.arg, FieldArg::None);
    }
    for name in [
        "proc.aname",
        "proc.apid",
        "proc.aexe",
        "proc.aexepath",
        "proc.acmdline",
    ] {
        let one = resolve(name, Some("2")).unwrap();
        assert!(!one.flags.contains(FieldFlags::MATCH_ANY), "{name}[2]");
        assert!(one.flags.contains(FieldFlags::NO_RHS), "{name}[2]");
    }
    let home = resolve("proc.aenv", Some("HOME")).unwrap();
    assert!(!home.flags.contains(FieldFlags::MATCH_ANY));
    assert!(!resolve("proc.aargs", None)
        .unwrap()
        .flags
        .contains(FieldFlags::MATCH_ANY));
}

#[test]
fn deprecated_fields_are_flagged() {
    for name in [
        "evt.dir",
        "evt.latency",
        "evt.latency.s",
        "evt.latency.ns",
        "evt.latency.human",
        "evt.wait_latency",
    ] {
        let f = resolve(name, None).unwrap();
        assert!(f.flags.contains(FieldFlags::DEPRECATED), "{name}");
    }
    assert!(!resolve("evt.type", None)
        .unwrap()
        .flags
        .contains(FieldFlags::DEPRECATED));
}

#[test]
fn unknown_fields_are_unknown() {
    for name in [
        "proc.nosuch",
        "evt",
        "evt.",
        "proc.name.x",
        "container.nosuch",
        "x.y",
    ] {
        assert_eq!(
            resolve(name, None),
            Err(FieldError::Unknown(name.to_string())),
            "{name}"
        );
    }
    assert_eq!(
        err("proc.nosuch", None),
        "filter_check called with nonexistent field proc.nosuch"
    );
}

#[test]
fn evt_arg_names_must_be_event_parameters() {
    let f = resolve("evt.arg.flags", None).unwrap();
    assert_eq!(f.arg, FieldArg::Key("flags".into()));
    assert_eq!(f.ty, S);
    assert_eq!(f.id, resolve("evt.arg", Some("0")).unwrap().id);
    assert_eq!(
        err("evt.arg.nonsense", None),
        "unknown event argument nonsense"
    );
    assert_eq!(err("evt.arg.", None), "unknown event argument ");
    assert_eq!(
        err("evt.rawarg.nonsense", None),
        "unknown event argument nonsense"
    );
}

#[test]
fn evt_arg_by_position_takes_a_number() {
    assert_eq!(
        resolve("evt.arg", Some("0")).unwrap().arg,
        FieldArg::Index(0)
    );
    assert_eq!(
        resolve("evt.arg", Some("12")).unwrap().arg,
        FieldArg::Index(12)
    );
    assert_eq!(
        err("evt.arg", Some("flags")),
        "evt.arg[flags]: the argument in brackets is a parameter position; to name a parameter write evt.arg.flags"
    );
    assert_eq!(
        err("evt.arg", None),
        "evt.arg requires an argument: write it as evt.arg.NAME with NAME an event parameter, or evt.arg[N]"
    );
}

#[test]
fn evt_rawarg_has_the_raw_type_of_the_parameter() {
    let cases = [
        ("evt.rawarg.res", FieldType::Int64),
        ("evt.rawarg.size", FieldType::Uint32),
        ("evt.rawarg.flags", FieldType::Uint32),
        ("evt.rawarg.name", S),
        ("evt.rawarg.uid", FieldType::Uint32),
        ("evt.rawarg.data", FieldType::Bytes),
    ];
    for (name, ty) in cases {
        let f = resolve(name, None).unwrap();
        assert_eq!(f.ty, ty, "{name}");
        assert!(f.flags.contains(FieldFlags::NO_RHS), "{name}");
    }
    assert!(err("evt.rawarg", Some("0")).contains("takes a parameter name, not a position"));
    assert!(err("evt.rawarg.tuple", None).contains("type SOCKTUPLE"));
}

#[test]
fn required_arguments_must_be_given() {
    let cases = [
        ("container.label", "container.label requires an argument: write it as container.label[KEY]"),
        ("k8s.pod.label", "k8s.pod.label requires an argument: write it as k8s.pod.label[KEY]"),
        (
            "container.mount.dest",
            "container.mount.dest requires an argument: write it as container.mount.dest[N] or container.mount.dest[KEY]",
        ),
        ("evt.around", "evt.around requires an argument: write it as evt.around[N] with N a number"),
        ("evt.type.is", "evt.type.is requires an argument: write it as evt.type.is.NAME with NAME an event type"),
        ("thread.cgroup", "thread.cgroup requires an argument: write it as thread.cgroup.NAME"),
    ];
    for (name, msg) in cases {
        assert_eq!(err(name, None), msg, "{name}");
    }
}

#[test]
fn indexes_must_be_non_negative_numbers() {
    for bad in ["abc", "-1", "+1", "1.5", "", " 1"] {
        assert_eq!(
            err("proc.aname", Some(bad)),
            format!("proc.aname[{bad}]: the argument must be a non-negative number"),
        );
    }
    assert!(err("proc.apid", Some("99999999999999999999999")).contains("non-negative number"));
}

#[test]
fn fields_without_arguments_reject_one() {
    assert_eq!(
        err("proc.name", Some("1")),
        "proc.name[1]: proc.name does not take an argument"
    );
    assert!(err("evt.arg.flags", Some("1")).contains("cannot follow"));
}

#[test]
fn index_or_key_arguments_tell_numbers_from_keys() {
    let cases = [
        ("0", FieldArg::Index(0)),
        ("3", FieldArg::Index(3)),
        ("03", FieldArg::Key("03".into())),
        ("/etc", FieldArg::Key("/etc".into())),
        ("/usr/local/*", FieldArg::Key("/usr/local/*".into())),
    ];
    for (a, want) in cases {
        assert_eq!(
            resolve("container.mount.dest", Some(a)).unwrap().arg,
            want,
            "[{a}]"
        );
    }
    assert_eq!(
        resolve("proc.env", Some("PATH")).unwrap().arg,
        FieldArg::Key("PATH".into())
    );
    assert_eq!(resolve("proc.env", None).unwrap().arg, FieldArg::None);
    assert!(err("container.label", Some("")).contains("the key is empty"));
}

#[test]
fn dotted_suffix_fields_parse_their_suffix() {
    let f = resolve("evt.type.is.open", None).unwrap();
    assert_eq!(f.arg, FieldArg::Key("open".into()));
    assert_eq!(f.ty, FieldType::Uint32);
    assert_eq!(
        resolve("evt.type.is.3", None).unwrap().arg,
        FieldArg::Index(3)
    );
    assert_eq!(err("evt.type.is.nosuch", None), "unknown event type nosuch");
    let cg = resolve("thread.cgroup.cpuacct", None).unwrap();
    assert_eq!(cg.arg, FieldArg::Key("cpuacct".into()));
    assert!(err("thread.cgroup.cpu.x", None).contains("only letters and '_'"));
    // An exact name wins over a suffix form.
    assert_eq!(resolve("thread.cgroups", None).unwrap().arg, FieldArg::None);
}

#[test]
fn evt_type_values_must_name_an_event_or_a_syscall() {
    let s = schema();
    for name in ["evt.type", "syscall.type"] {
        let f = s.resolve(name, None).unwrap();
        for ok in [
            "open",
            "openat",
            "execve",
            "getpid",
            "switch",
            "procexit",
            "container",
        ] {
            assert_eq!(s.check_value(&f, ok), Ok(()), "{name} = {ok}");
        }
        assert_eq!(
            s.check_value(&f, "opn"),
            Err("unknown event type opn".to_string()),
            "{name}"
        );
    }
    let pname = s.resolve("proc.name", None).unwrap();
    assert_eq!(s.check_value(&pname, "opn"), Ok(()));
}

#[test]
fn the_catalog_has_unique_names_and_ids_that_index_it() {
    let all = fields();
    assert!(all.len() >= 290, "{} fields", all.len());
    let mut names: Vec<&str> = all.iter().map(|f| f.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "duplicate field names");
    for (i, info) in all.iter().enumerate() {
        assert!(!info.description.is_empty(), "{}", info.name);
        if info.arg.is_required() {
            continue;
        }
        let f = resolve(info.name, None).unwrap();
        assert_eq!(f.id as usize, i);
        assert_eq!(field_info(&f).map(|x| x.name), Some(info.name));
    }
}

#[test]
fn fd_types_is_the_only_list_field() {
    let lists: Vec<&str> = fields().iter().filter(|f| f.list).map(|f| f.name).collect();
    assert_eq!(lists, ["fd.types"]);
    let f = resolve("fd.types", Some("0")).unwrap();
    assert!(f.is_list);
    assert_eq!(f.arg, FieldArg::Index(0));
}

#[test]
fn container_and_k8s_fields_come_from_the_container_plugin() {
    for info in fields() {
        let plugin = info.name.starts_with("container.")
            || info.name.starts_with("k8s.")
            || info.name.starts_with("proc.is_container_");
        assert_eq!(
            info.source == FieldSource::ContainerPlugin,
            plugin,
            "{}",
            info.name
        );
    }
}

/// The catalog fields we do not compute (every check on them is false), as
/// `falco --list` users and rule authors see them: a row that loses its
/// extractor, or gains one, changes this list.
#[test]
fn the_fields_without_an_extractor_are_exactly_these() {
    #[rustfmt::skip]
    const NOT_COMPUTED: &[&str] = &[
        "evt.latency.quantized", "evt.latency.human", "evt.wait_latency", "evt.is_syslog",
        "evt.count.error.file", "evt.count.error.net", "evt.count.error.memory",
        "evt.count.error.other", "evt.count.procinfo", "evt.count.threadinfo", "evt.around",
        "evt.buflen.in", "evt.buflen.out", "evt.buflen.file", "evt.buflen.file.in",
        "evt.buflen.file.out", "evt.buflen.net", "evt.buflen.net.in", "evt.buflen.net.out",
        "evt.infra.docker.name", "evt.infra.docker.container.id",
        "evt.infra.docker.container.name", "evt.infra.docker.container.image",
        "proc.aargs", "proc.pgid.name", "proc.pgid.exe", "proc.pgid.exepath",
        "thread.pfmajor", "thread.pfminor", "thread.nametid", "thread.exectime",
        "thread.totexectime", "thread.vmsize.b", "thread.vmrss.b",
        "fd.proto", "fd.cproto", "fd.sproto", "fd.lproto", "fd.rproto",
        "fd.cip.name", "fd.sip.name", "fd.lip.name", "fd.rip.name",
        "fd.is_upper_layer", "fd.is_lower_layer",
        "fdlist.nums", "fdlist.names", "fdlist.cips", "fdlist.sips", "fdlist.cports",
        "fdlist.sports",
        "fs.path.name", "fs.path.nameraw", "fs.path.source", "fs.path.sourceraw",
        "fs.path.target", "fs.path.targetraw",
        "evt.pluginname", "evt.plugininfo", "util.cnt",
        "container.healthcheck", "container.liveness_probe", "container.readiness_probe",
        "proc.is_container_healthcheck", "proc.is_container_liveness_probe",
        "proc.is_container_readiness_probe",
    ];
    let missing: Vec<&str> = fields()
        .iter()
        .filter(|f| !f.is_implemented() && !f.name.starts_with("k8s."))
        .map(|f| f.name)
        .collect();
    assert_eq!(missing, NOT_COMPUTED);
    // The pod's k8s.* fields come from the CRI; the deprecated ones are
    // never filled, as in the plugin.
    let k8s: Vec<&FieldInfo> = fields()
        .iter()
        .filter(|f| f.name.starts_with("k8s."))
        .collect();
    assert_eq!(k8s.len(), 29);
    let computed: Vec<&str> = k8s
        .iter()
        .filter(|f| f.is_implemented())
        .map(|f| f.name)
        .collect();
    assert_eq!(
        computed,
        [
            "k8s.pod.name",
            "k8s.ns.name",
            "k8s.pod.id",
            "k8s.pod.uid",
            "k8s.pod.sandbox_id",
            "k8s.pod.full_sandbox_id",
            "k8s.pod.label",
            "k8s.pod.labels",
            "k8s.pod.ip",
            "k8s.pod.cni.json",
        ]
    );
    assert!(crate::extract::is_implemented("proc.name"));
    assert!(!crate::extract::is_implemented("proc.nosuch"));
}

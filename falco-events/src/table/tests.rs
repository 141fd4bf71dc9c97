use super::*;

fn names(code: u16) -> Vec<&'static str> {
    event_info(code)
        .unwrap()
        .params
        .iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn codes_for_name_gives_every_version_and_direction() {
    let cases: &[(&str, &[u16])] = &[
        ("open", &[2, 3]),
        ("openat", &[102, 103, 306, 307]),
        ("openat2", &[326, 327]),
        (
            "execve",
            &[
                12, 13, 154, 155, 172, 173, 214, 215, 230, 231, 282, 283, 288, 289, 292, 293,
            ],
        ),
        ("execveat", &[330, 331]),
        ("connect", &[22, 23]),
        ("syscall", &[0, 1]),
        ("nosuchevent", &[]),
        ("", &[]),
    ];
    for (name, want) in cases {
        assert_eq!(codes_for_name(name), *want, "codes_for_name({name:?})");
    }
}

#[test]
fn only_the_newest_execve_and_openat_pairs_are_current() {
    for &code in codes_for_name("execve") {
        let old = event_info(code).unwrap().is_old_version();
        // libs keeps the enter half flagged old: drivers send exit events only.
        let current = code == codes::PPME_SYSCALL_EXECVE_19_X;
        assert_eq!(old, !current, "execve code {code}");
    }
    assert!(!event_info(307).unwrap().is_old_version());
    assert!(event_info(103).unwrap().is_old_version());
    // The TOCTOU enter events are still sent, so not old.
    for code in [2, 306, 326, 58, 22] {
        assert!(
            !event_info(code).unwrap().is_old_version(),
            "enter event {code} is still sent"
        );
    }
}

#[test]
fn the_table_is_dense_and_pairs_share_a_name() {
    assert_eq!(events().len(), PPM_EVENT_MAX as usize);
    assert!(event_info(PPM_EVENT_MAX).is_none());
    for code in (0..PPM_EVENT_MAX).step_by(2) {
        let e = event_info(code).unwrap();
        let x = event_info(code + 1).unwrap();
        if !e.is_unused() && !x.is_unused() {
            assert_eq!(e.name, x.name, "pair {code}/{}", code + 1);
        }
        assert_eq!(Direction::of(code), Direction::Enter);
        assert_eq!(Direction::of(code + 1), Direction::Exit);
    }
}

#[test]
fn unused_slots_are_named_na() {
    let unused: Vec<u16> = (0..PPM_EVENT_MAX)
        .filter(|&c| event_info(c).unwrap().is_unused())
        .collect();
    assert_eq!(unused.len(), 35);
    assert_eq!(codes_for_name("NA"), unused.as_slice());
}

#[test]
fn only_plugin_container_and_async_events_have_large_payloads() {
    let large: Vec<u16> = (0..PPM_EVENT_MAX)
        .filter(|&c| event_info(c).unwrap().has_large_payload())
        .collect();
    assert_eq!(large, [322, 324, 402]);
}

#[test]
fn parameters_match_the_events_the_default_rules_use() {
    assert_eq!(
        names(codes::PPME_SYSCALL_EXECVE_19_X),
        [
            "res",
            "exe",
            "args",
            "tid",
            "pid",
            "ptid",
            "cwd",
            "fdlimit",
            "pgft_maj",
            "pgft_min",
            "vm_size",
            "vm_rss",
            "vm_swap",
            "comm",
            "cgroups",
            "env",
            "tty",
            "vpgid",
            "loginuid",
            "flags",
            "cap_inheritable",
            "cap_permitted",
            "cap_effective",
            "exe_ino",
            "exe_ino_ctime",
            "exe_ino_mtime",
            "uid",
            "trusted_exepath",
            "pgid",
            "gid",
            "filename",
        ]
    );
    assert_eq!(names(3), ["fd", "name", "flags", "mode", "dev", "ino"]);
    assert_eq!(names(2), ["name", "flags", "mode"]);
    assert_eq!(names(23), ["res", "tuple", "fd", "addr"]);
    assert_eq!(names(22), ["fd", "addr"]);
    assert_eq!(names(169), ["res", "addr", "data", "request", "pid"]);
    assert_eq!(names(1), ["ID", "nativeID"]);

    let connect = event_info(23).unwrap();
    let types: Vec<ParamType> = connect.params.iter().map(|p| p.ty).collect();
    assert_eq!(
        types,
        [
            ParamType::Errno,
            ParamType::SockTuple,
            ParamType::Fd,
            ParamType::SockAddr
        ]
    );
}

#[test]
fn openat_names_its_dirfd_and_its_flag_names() {
    let e = event_info(codes::PPME_SYSCALL_OPENAT_2_X).unwrap();
    let name = &e.params[2];
    assert_eq!(name.ty, ParamType::FsRelPath);
    assert_eq!(name.extra, ParamExtra::DirFd(1));
    assert_eq!(e.params[1].name, "dirfd");
    let flags = &e.params[3];
    assert_eq!(flags.ty, ParamType::Flags32);
    assert_eq!(flags.format, PrintFormat::Hex);
    let creat = flags.flag_names().iter().find(|f| f.name == "O_CREAT");
    assert_eq!(creat.map(|f| f.value), Some(1 << 2)); // PPM encoding, not the kernel's 0o100
    assert_eq!(e.params[4].format, PrintFormat::Oct);
}

#[test]
fn every_relative_path_points_at_a_dirfd_parameter() {
    for (code, e) in events().iter().enumerate() {
        for p in e.params {
            if let ParamExtra::DirFd(i) = p.extra {
                let dirfd = e.params.get(i as usize);
                assert!(
                    matches!(dirfd.map(|d| d.ty), Some(ParamType::Fd)),
                    "event {code} ({}) param {} points at {:?}",
                    e.name,
                    p.name,
                    dirfd
                );
            }
        }
    }
}

#[test]
fn dynamic_parameters_carry_their_type_table() {
    let ptrace = event_info(169).unwrap();
    let ParamExtra::Dynamic(types) = ptrace.params[1].extra else {
        panic!("ptrace addr is not dynamic");
    };
    let tys: Vec<ParamType> = types.iter().map(|p| p.ty).collect();
    assert_eq!(tys, [ParamType::Uint64, ParamType::SigType]);
    for e in events() {
        for p in e.params {
            assert_eq!(
                p.ty == ParamType::Dyn,
                matches!(p.extra, ParamExtra::Dynamic(_)),
                "{}.{}",
                e.name,
                p.name
            );
        }
    }
}

#[test]
fn x86_64_syscall_numbers_map_to_their_events() {
    let cases: &[(u64, &str, u16, u16)] = &[
        (257, "openat", 306, 307),
        (59, "execve", 292, 293),
        (42, "connect", 22, 23),
        (2, "open", 2, 3),
        (322, "execveat", 330, 331),
        (3, "close", 4, 5),
    ];
    for &(nr, name, enter, exit) in cases {
        let e = syscall_entry(nr).unwrap();
        assert_eq!(e.event_codes(), (enter, exit), "syscall {nr}");
        assert_eq!(ppm_sc_name(e.ppm_sc), Some(name), "syscall {nr}");
        assert!(e.flags.contains(SyscallFlags::USED));
    }
}

#[test]
fn syscalls_without_an_event_map_to_the_generic_pair() {
    let getpid = syscall_entry(39).unwrap();
    assert!(!getpid.flags.contains(SyscallFlags::USED));
    assert_eq!(getpid.event_codes(), (0, 1));
    assert_eq!(ppm_sc_name(getpid.ppm_sc), Some("getpid"));
    assert!(syscall_entry(511).is_none());
    assert!(syscall_entry(u64::MAX).is_none());
    assert_eq!(syscall_table().len(), SYSCALL_TABLE_SIZE);
}

#[test]
fn evttype_codes_follows_falcos_event_set_rules() {
    let cases: &[(&str, &[u16])] = &[
        ("openat", &[102, 103, 306, 307]),
        ("getpid", &[0, 1]), // a syscall without its own event
        ("open", &[2, 3]),   // an event name wins over the syscall name
        ("syscall", &[]),    // the generic pair is never matched by name
        ("nosuchevent", &[]),
        // The container plugin's async events: `container` is also the
        // name of three old meta-events.
        ("container", &[228, 272, 324, 402]),
        ("container_removed", &[402]),
        // 402's table name selects it too (though its evt.type never reads
        // `asyncevent`).
        ("asyncevent", &[402]),
    ];
    for (name, want) in cases {
        assert_eq!(evttype_codes(name), *want, "evttype_codes({name:?})");
    }
}

#[test]
fn async_event_names_are_event_names() {
    assert!(is_event_name("container"));
    assert!(is_event_name("container_removed"));
    assert!(!is_event_name("container_added"));
    assert!(is_async_event_name("container_removed"));
    assert!(!is_async_event_name("open"));
}

#[test]
fn syscall_names_are_lowercase_ppm_sc_names() {
    assert!(is_syscall_name("getpid"));
    assert!(is_syscall_name("openat"));
    assert!(is_syscall_name("sched_process_exit"));
    assert!(!is_syscall_name("GETPID"));
    assert!(!is_syscall_name("nosuchcall"));
    assert_eq!(ppm_sc_code("open"), Some(5));
    assert_eq!(ppm_sc_name(PPM_SC_MAX), None);
}

#[test]
fn param_types_round_trip_their_numbers() {
    for v in 0..=48u8 {
        let t = ParamType::from_u8(v).unwrap();
        assert_eq!(t as u8, v);
    }
    assert_eq!(ParamType::from_u8(49), None);
    assert_eq!(ParamType::FsRelPath.name(), "FSRELPATH");
    assert_eq!(ParamType::Bool.fixed_size(), Some(4));
    assert_eq!(ParamType::CharBuf.fixed_size(), None);
}

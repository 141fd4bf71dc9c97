//! `HOST_ROOT`: run in a container with the host's `/proc` and `/etc`
//! mounted under it, the live state reads them there, as Falco does.

use falco_events::state::HostState;

#[test]
fn the_live_state_reads_proc_and_etc_under_host_root() {
    let root = std::env::temp_dir().join(format!("falco-host-root-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let proc = root.join("proc/4242");
    std::fs::create_dir_all(proc.join("task/4242")).expect("dirs");
    std::fs::create_dir_all(root.join("proc/sys/kernel")).expect("dirs");
    std::fs::create_dir_all(root.join("etc")).expect("dirs");
    let status =
        "Name:\thostd\nTgid:\t4242\nPPid:\t1\nUid:\t1000\t1001\t1001\t1001\nGid:\t50\t51\t51\t51\n";
    for dir in [proc.clone(), proc.join("task/4242")] {
        std::fs::write(dir.join("status"), status).expect("status");
        std::fs::write(dir.join("comm"), "hostd\n").expect("comm");
        std::fs::write(dir.join("cmdline"), b"/usr/sbin/hostd\0--flag\0").expect("cmdline");
        std::fs::write(dir.join("cgroup"), "0::/system.slice/hostd.service\n").expect("cgroup");
    }
    std::fs::write(root.join("proc/sys/kernel/hostname"), "the-node\n").expect("hostname");
    std::fs::write(
        root.join("etc/passwd"),
        "svc:x:1001:51:Service:/srv:/bin/false\n",
    )
    .expect("passwd");
    std::fs::write(root.join("etc/group"), "svcgrp:x:51:\n").expect("group");
    // This test binary sets HOST_ROOT before anything reads it.
    std::env::set_var("HOST_ROOT", &root);
    let s = HostState::from_proc();
    assert_eq!(s.hostname, "the-node");
    assert_eq!(
        s.threads.len(),
        1,
        "{:?}",
        s.threads.keys().collect::<Vec<_>>()
    );
    let t = &s.threads[&4242];
    assert_eq!((t.pid, t.ptid, t.uid, t.gid), (4242, 1, 1001, 51));
    assert_eq!(t.comm, "hostd");
    assert_eq!(t.container_id, "host");
    assert_eq!(s.user(1001).map(|u| u.name.as_str()), Some("svc"));
    assert_eq!(s.groups.get(&51).map(String::as_str), Some("svcgrp"));
}

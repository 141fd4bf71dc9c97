//! The metadata blocks of a capture taken from a host state: what a live
//! recording writes first, so a reader (ours, `sysdig -r`) knows the
//! processes, fds, users and groups that existed before its first event.

use std::net::IpAddr;

use super::{FdInfo, FdKind, FdTable, GroupInfo, MachineInfo, Metadata, ProcInfo, UserInfo};
use crate::state::{Fd, FdType, HostState, L4Proto, SockAddrs, ThreadInfo};

/// The capture metadata of `state`: a process-list entry per thread, the
/// fd table of each process (under its main thread), the users and groups,
/// and the machine (host name, CPUs and memory of this host).
///
/// ```
/// use falco_events::scap::metadata_from_state;
/// use falco_events::state::{HostState, ThreadInfo};
/// let mut s = HostState::new();
/// let mut t = ThreadInfo::placeholder(42);
/// t.comm = "cat".into();
/// s.threads.insert(42, t);
/// let m = metadata_from_state(&s);
/// assert_eq!(m.procs[0].tid, 42);
/// assert_eq!(m.procs[0].comm, "cat");
/// ```
pub fn metadata_from_state(state: &HostState) -> Metadata {
    let mut tids: Vec<&i64> = state.threads.keys().collect();
    tids.sort();
    let procs = tids
        .iter()
        .filter_map(|tid| state.threads.get(tid))
        .map(proc_info)
        .collect();
    let mut pids: Vec<&i64> = state.fds.keys().collect();
    pids.sort();
    let fds = pids
        .iter()
        .filter_map(|pid| {
            let table = state.fds.get(pid)?;
            let mut nums: Vec<&i64> = table.keys().collect();
            nums.sort();
            Some(FdTable {
                tid: **pid as u64,
                fds: nums
                    .iter()
                    .filter_map(|n| table.get(n).map(|f| fd_info(**n, f)))
                    .collect(),
            })
        })
        .collect();
    let mut users: Vec<UserInfo> = state
        .users
        .values()
        .map(|u| UserInfo {
            uid: u.uid,
            gid: u.gid,
            name: u.name.clone(),
            homedir: u.homedir.clone(),
            shell: u.shell.clone(),
        })
        .collect();
    users.sort_by_key(|u| u.uid);
    let mut groups: Vec<GroupInfo> = state
        .groups
        .iter()
        .map(|(gid, name)| GroupInfo {
            gid: *gid,
            name: name.clone(),
        })
        .collect();
    groups.sort_by_key(|g| g.gid);
    Metadata {
        machine: Some(machine(state)),
        procs,
        fds,
        users,
        groups,
        interfaces: Vec::new(),
    }
}

/// This host's machine block.
fn machine(state: &HostState) -> MachineInfo {
    let num_cpus = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kb: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let max_pid = std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    MachineInfo {
        num_cpus,
        memory_size_bytes: memory_kb * 1024,
        max_pid,
        hostname: state.hostname.clone(),
        boot_ts_epoch: boot_ts(),
        ..MachineInfo::default()
    }
}

/// When the host booted, ns since the epoch (`btime` of `/proc/stat`).
fn boot_ts() -> u64 {
    std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("btime "))
                .and_then(|v| v.trim().parse::<u64>().ok())
        })
        .map_or(0, |secs| secs * 1_000_000_000)
}

fn proc_info(t: &ThreadInfo) -> ProcInfo {
    ProcInfo {
        tid: t.tid as u64,
        pid: t.pid as u64,
        ptid: t.ptid as u64,
        sid: t.sid as u64,
        vpgid: t.vpgid as u64,
        comm: t.comm.clone(),
        exe: t.exe.clone(),
        exepath: t.exepath.clone(),
        args: t.args.clone(),
        cwd: t.cwd.clone(),
        fdlimit: t.fdlimit.max(0) as u64,
        flags: t.flags,
        uid: t.uid,
        gid: t.gid,
        vmsize_kb: t.vmsize_kb,
        vmrss_kb: t.vmrss_kb,
        vmswap_kb: t.vmswap_kb,
        pfmajor: t.pfmajor,
        pfminor: t.pfminor,
        env: t.env.clone(),
        vtid: t.vtid,
        vpid: t.vpid,
        cgroups: t.cgroups.iter().map(|(k, v)| format!("{k}={v}")).collect(),
        root: t.root.clone(),
        pidns_init_start_ts: t.pidns_init_start_ts,
        tty: t.tty,
        loginuid: t.loginuid,
        exe_writable: t.exe_writable,
        cap_inheritable: t.cap_inheritable,
        cap_permitted: t.cap_permitted,
        cap_effective: t.cap_effective,
        exe_upper_layer: t.exe_upper_layer,
        exe_ino: t.exe_ino,
        exe_ino_ctime: t.exe_ino_ctime,
        exe_ino_mtime: t.exe_ino_mtime,
        exe_from_memfd: t.exe_from_memfd,
        exe_lower_layer: t.exe_lower_layer,
        pgid: t.pgid,
    }
}

/// The libscap l4 protocol number.
fn l4(p: L4Proto) -> u8 {
    match p {
        L4Proto::Unknown => 0,
        L4Proto::Tcp => 1,
        L4Proto::Udp => 2,
        L4Proto::Icmp => 3,
        L4Proto::Raw => 4,
    }
}

/// The `scap_fd_type` number of a kind with no address block.
fn scap_type(t: FdType) -> u8 {
    match t {
        FdType::Unknown => 0,
        FdType::File => 1,
        FdType::Directory => 2,
        FdType::Ipv4 => 3,
        FdType::Ipv6 => 4,
        FdType::Pipe => 7,
        FdType::Unix => 8,
        FdType::Event => 9,
        FdType::Unsupported => 10,
        FdType::Signalfd => 11,
        FdType::Eventpoll => 12,
        FdType::Inotify => 13,
        FdType::Timerfd => 14,
        FdType::Netlink => 15,
        FdType::Bpf => 17,
        FdType::Userfaultfd => 18,
        FdType::IoUring => 19,
        FdType::Memfd => 20,
        FdType::Pidfd => 21,
    }
}

fn fd_info(num: i64, f: &Fd) -> FdInfo {
    let v6 = |ip: IpAddr| match ip {
        IpAddr::V6(a) => a,
        IpAddr::V4(a) => a.to_ipv6_mapped(),
    };
    let kind = match (f.ty, f.sock) {
        (FdType::File, _) => FdKind::File {
            open_flags: f.flags,
            path: f.name.clone(),
            dev: f.dev,
        },
        (
            FdType::Ipv4,
            Some(SockAddrs::Tuple {
                cip: IpAddr::V4(cip),
                cport,
                sip: IpAddr::V4(sip),
                sport,
            }),
        ) => FdKind::Ipv4Sock {
            sip: cip,
            dip: sip,
            sport: cport,
            dport: sport,
            l4proto: l4(f.l4proto),
        },
        (
            FdType::Ipv4,
            Some(SockAddrs::Server {
                ip: IpAddr::V4(ip),
                port,
            }),
        ) => FdKind::Ipv4ServSock {
            ip,
            port,
            l4proto: l4(f.l4proto),
        },
        (
            FdType::Ipv6,
            Some(SockAddrs::Tuple {
                cip,
                cport,
                sip,
                sport,
            }),
        ) => FdKind::Ipv6Sock {
            sip: v6(cip),
            dip: v6(sip),
            sport: cport,
            dport: sport,
            l4proto: l4(f.l4proto),
        },
        (FdType::Ipv6, Some(SockAddrs::Server { ip, port })) => FdKind::Ipv6ServSock {
            ip: v6(ip),
            port,
            l4proto: l4(f.l4proto),
        },
        (FdType::Unix, _) => FdKind::UnixSock {
            source: 0,
            dest: 0,
            path: f.name.clone(),
        },
        // Types newer than libscap's FILE_V2 (bpf, userfaultfd, io_uring,
        // memfd, pidfd) are written as unknown: older readers (sysdig 0.29)
        // refuse a capture whose fd list holds a type they do not know.
        (ty, _) => FdKind::Named {
            ty: match scap_type(ty) {
                t if t > 16 => 0,
                t => t,
            },
            name: f.name.clone(),
        },
    };
    FdInfo {
        fd: num,
        ino: f.ino,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tuple_fd;
    use std::net::Ipv4Addr;

    #[test]
    fn fds_come_back_as_they_were_read() {
        let mut file = Fd::new(FdType::File, "/etc/passwd");
        file.flags = 1;
        file.dev = 7;
        file.ino = 99;
        let conn = tuple_fd(
            FdType::Ipv4,
            IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)),
            40000,
            IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)),
            443,
            L4Proto::Tcp,
        );
        let pipe = Fd::new(FdType::Pipe, "pipe:[12]");
        for f in [file, pipe] {
            let back = Fd::from_scap(&fd_info(3, &f));
            assert_eq!(back, f);
        }
        let back = Fd::from_scap(&fd_info(4, &conn));
        assert_eq!(
            (back.name.as_str(), back.sock),
            (conn.name.as_str(), conn.sock)
        );
    }
}

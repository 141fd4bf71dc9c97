//! Reading the live host: threads from `/proc`, users from `/etc/passwd`
//! and groups from `/etc/group` (libscap's procfs walk, reduced to what
//! rule fields read).

use std::fs;
use std::path::Path;

use super::procnet::{self, NsSockets};
use super::{with_slash, Fd, FdType, HostState, ThreadInfo, User};
use crate::scap::FdInfo as ScapFd;

/// `/proc` of the host: `$HOST_ROOT/proc` when Falco's `HOST_ROOT` is set
/// (the daemon runs in a container with the host's `/proc` mounted there).
pub fn proc_root() -> std::path::PathBuf {
    static ROOT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(|| {
        let root = std::env::var("HOST_ROOT").unwrap_or_default();
        std::path::PathBuf::from(format!("{root}/proc"))
    })
    .clone()
}

/// Reads thread `tid` from `/proc` (the thread's own directory under its
/// process when it is not a main thread).
pub(crate) fn read_thread(tid: i64) -> Option<ThreadInfo> {
    let dir = proc_root().join(tid.to_string());
    let status = fs::read_to_string(dir.join("status")).ok()?;
    read_thread_at(tid, &dir, &status)
}

fn status_field<'a>(status: &'a str, key: &str) -> Option<&'a str> {
    status.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k == key).then(|| v.trim())
    })
}

fn nul_list(b: &[u8]) -> Vec<String> {
    b.split(|&c| c == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}

fn read_thread_at(tid: i64, dir: &Path, status: &str) -> Option<ThreadInfo> {
    let mut t = ThreadInfo::placeholder(tid);
    let num = |k: &str| -> Option<i64> {
        status_field(status, k)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    t.pid = num("Tgid").unwrap_or(tid);
    t.ptid = num("PPid").unwrap_or(-1);
    // Uid/Gid lines: real, effective, saved, fs; libs keeps the effective.
    let second = |k: &str| -> Option<u32> {
        status_field(status, k)?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    t.uid = second("Uid").unwrap_or(u32::MAX);
    t.gid = second("Gid").unwrap_or(u32::MAX);
    let last = |k: &str| -> Option<i64> {
        status_field(status, k)?
            .split_whitespace()
            .last()?
            .parse()
            .ok()
    };
    t.vtid = last("NSpid").unwrap_or(tid);
    t.vpid = last("NStgid").unwrap_or(t.pid);
    t.comm = fs::read_to_string(dir.join("comm"))
        .map(|s| s.trim_end_matches('\n').to_string())
        .unwrap_or_else(|_| status_field(status, "Name").unwrap_or("").to_string());
    let hex = |k: &str| -> u64 {
        status_field(status, k)
            .and_then(|v| u64::from_str_radix(v, 16).ok())
            .unwrap_or(0)
    };
    t.cap_inheritable = hex("CapInh");
    t.cap_permitted = hex("CapPrm");
    t.cap_effective = hex("CapEff");
    let proc_dir = proc_root().join(t.pid.to_string());
    if let Ok(cmd) = fs::read(proc_dir.join("cmdline")) {
        let mut args = nul_list(&cmd);
        if !args.is_empty() {
            t.exe = args.remove(0);
        }
        t.args = args;
    }
    if let Ok(env) = fs::read(proc_dir.join("environ")) {
        t.env = nul_list(&env);
    }
    if let Ok(p) = fs::read_link(proc_dir.join("exe")) {
        t.exepath = p.to_string_lossy().into_owned();
    }
    if let Ok(p) = fs::read_link(proc_dir.join("cwd")) {
        t.cwd = with_slash(&p.to_string_lossy());
    }
    if let Ok(p) = fs::read_link(proc_dir.join("root")) {
        t.root = p.to_string_lossy().into_owned();
    }
    if let Ok(s) = fs::read_to_string(proc_dir.join("loginuid")) {
        t.loginuid = s.trim().parse().unwrap_or(u32::MAX);
    }
    // stat: fields after the ")" of comm: state ppid pgrp session tty_nr ...
    // starttime is field 22 (clock ticks since boot).
    if let Ok(stat) = fs::read_to_string(proc_dir.join("stat")) {
        if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            let at = |i: usize| f.get(i).and_then(|v| v.parse::<i64>().ok());
            t.pgid = at(2).unwrap_or(-1);
            t.vpgid = t.pgid;
            t.sid = at(3).unwrap_or(-1);
            t.tty = at(4).unwrap_or(0) as u32;
        }
    }
    if let Ok(cg) = fs::read_to_string(proc_dir.join("cgroup")) {
        // "hierarchy-id:controllers:path"; cgroup v2 has empty controllers.
        let items: Vec<String> = cg
            .lines()
            .filter_map(|l| {
                let mut it = l.splitn(3, ':');
                let _ = it.next()?;
                let ctl = it.next()?;
                let path = it.next()?;
                let ctl = if ctl.is_empty() { "cgroup2" } else { ctl };
                Some(format!("{ctl}={path}"))
            })
            .collect();
        t.set_cgroups(items.iter().map(|s| s.as_bytes()));
    }
    Some(t)
}

/// True if thread `tid` of process `pid` is alive in `/proc`: its task
/// directory exists and its state is not zombie (`Z`) or dead (`X`), as
/// libscap's `scap_is_thread_alive` (which also treats zombies as gone).
pub(crate) fn thread_alive(pid: i64, tid: i64) -> bool {
    let pid = if pid > 0 { pid } else { tid };
    let stat = proc_root()
        .join(pid.to_string())
        .join("task")
        .join(tid.to_string())
        .join("stat");
    match fs::read_to_string(stat) {
        Ok(text) => !matches!(stat_state(&text), Some('Z' | 'X')),
        Err(_) => false,
    }
}

/// The state letter of a `stat` line (the field after the `)` of comm).
fn stat_state(stat: &str) -> Option<char> {
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .next()?
        .chars()
        .next()
}

/// Parses `/etc/passwd` text into users (malformed lines are skipped).
pub fn parse_passwd(text: &str) -> Vec<User> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 7 {
                return None;
            }
            Some(User {
                name: f[0].to_string(),
                uid: f[2].parse().ok()?,
                gid: f[3].parse().ok()?,
                homedir: f[5].to_string(),
                shell: f[6].to_string(),
            })
        })
        .collect()
}

/// Parses `/etc/group` text into `(gid, name)` pairs.
pub fn parse_group(text: &str) -> Vec<(u32, String)> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 3 {
                return None;
            }
            Some((f[2].parse().ok()?, f[0].to_string()))
        })
        .collect()
}

/// Fds of process `pid` from `/proc/PID/fd` (files, pipes and anonymous
/// inodes by their link names; sockets from the socket tables of the
/// process's network namespace, and skipped when those lack them, as
/// libscap does).
fn read_fds(pid: i64, sockets: &mut NsSockets) -> Vec<(i64, Fd)> {
    let mut out = Vec::new();
    let Ok(rd) = fs::read_dir(proc_root().join(pid.to_string()).join("fd")) else {
        return out;
    };
    for ent in rd.flatten() {
        let Some(num) = ent.file_name().to_str().and_then(|s| s.parse::<i64>().ok()) else {
            continue;
        };
        let Ok(target) = fs::read_link(ent.path()) else {
            continue;
        };
        let name = target.to_string_lossy().into_owned();
        let fd = if name.starts_with('/') {
            let ty = if Path::new(&name).is_dir() {
                FdType::Directory
            } else {
                FdType::File
            };
            Fd::new(ty, name)
        } else if name.starts_with("pipe:") {
            Fd::new(FdType::Pipe, "")
        } else if name.starts_with("socket:") {
            let Some(ino) = procnet::socket_inode(&name) else {
                continue;
            };
            let Some(kind) = sockets.for_pid(&proc_root(), pid).get(ino) else {
                continue;
            };
            Fd::from_scap(&ScapFd {
                fd: num,
                ino,
                kind: kind.clone(),
            })
        } else if name.contains("[eventfd]") {
            Fd::new(FdType::Event, "")
        } else if name.contains("[eventpoll]") {
            Fd::new(FdType::Eventpoll, "")
        } else if name.contains("inotify") {
            Fd::new(FdType::Inotify, "")
        } else if name.contains("[signalfd]") {
            Fd::new(FdType::Signalfd, "")
        } else if name.contains("[timerfd]") {
            Fd::new(FdType::Timerfd, "")
        } else if name.starts_with("/memfd:") {
            Fd::new(FdType::Memfd, name)
        } else {
            Fd::new(FdType::Unknown, name)
        };
        out.push((num, fd));
    }
    out
}

impl HostState {
    /// The state of the running host: every thread of `/proc` with its
    /// process's fds, users from `/etc/passwd` and groups from
    /// `/etc/group` (under `$HOST_ROOT` when set, as Falco does). Threads
    /// that appear later are read from `/proc` when their first event
    /// arrives.
    pub fn from_proc() -> HostState {
        let mut s = HostState::new();
        s.live = true;
        let root = std::env::var("HOST_ROOT").unwrap_or_default();
        if let Ok(t) = fs::read_to_string(format!("{root}/etc/passwd")) {
            for u in parse_passwd(&t) {
                s.users.insert(u.uid, u);
            }
        }
        if let Ok(t) = fs::read_to_string(format!("{root}/etc/group")) {
            for (gid, name) in parse_group(&t) {
                s.groups.insert(gid, name);
            }
        }
        s.hostname = fs::read_to_string(proc_root().join("sys/kernel/hostname"))
            .map(|h| h.trim().to_string())
            .unwrap_or_default();
        s.interfaces = procnet::interface_addrs(&proc_root());
        let Ok(rd) = fs::read_dir(proc_root()) else {
            return s;
        };
        let mut sockets = NsSockets::default();
        for ent in rd.flatten() {
            let Some(pid) = ent.file_name().to_str().and_then(|n| n.parse::<i64>().ok()) else {
                continue;
            };
            let task = ent.path().join("task");
            let tids: Vec<i64> = fs::read_dir(&task)
                .map(|r| {
                    r.flatten()
                        .filter_map(|e| e.file_name().to_str()?.parse().ok())
                        .collect()
                })
                .unwrap_or_else(|_| vec![pid]);
            for tid in tids {
                let dir = task.join(tid.to_string());
                let Ok(status) = fs::read_to_string(dir.join("status")) else {
                    continue;
                };
                // A zombie has exited: it is not state to keep.
                if status_field(&status, "State").is_some_and(|st| st.starts_with('Z')) {
                    continue;
                }
                if let Some(t) = read_thread_at(tid, &dir, &status) {
                    s.threads.insert(tid, t);
                }
            }
            let fds = read_fds(pid, &mut sockets);
            if !fds.is_empty() {
                s.fds.insert(pid, fds.into_iter().collect());
            }
        }
        s.stats.proc_net_skipped_lines = sockets.skipped_lines;
        s.fix_capture_sockets();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwd_and_group_lines_parse_and_bad_lines_are_skipped() {
        let users = parse_passwd(
            "root:x:0:0:root:/root:/bin/bash\nbroken\nbob:x:1000:100::/home/bob:/bin/sh\n",
        );
        assert_eq!(users.len(), 2);
        assert_eq!(users[1].name, "bob");
        assert_eq!(users[1].uid, 1000);
        assert_eq!(users[1].homedir, "/home/bob");
        let groups = parse_group("root:x:0:\nusers:x:100:bob\nnope\n");
        assert_eq!(
            groups,
            vec![(0, "root".to_string()), (100, "users".to_string())]
        );
    }

    #[test]
    fn from_proc_knows_this_process() {
        let s = HostState::from_proc();
        let me = std::process::id() as i64;
        let t = s.thread(me).expect("own process in the table");
        assert_eq!(t.pid, me);
        assert!(!t.comm.is_empty());
        assert!(t.cwd.ends_with('/'));
    }

    /// Sockets open before the state is taken get their type, tuple and
    /// role from `/proc/net`: a listener, the connection to it, and the
    /// accepted side (swapped so the client comes first, server role).
    #[test]
    fn from_proc_knows_sockets_opened_before_it() {
        use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream, UdpSocket};
        use std::os::fd::AsRawFd;

        use crate::state::{L4Proto, SockAddrs};

        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let client = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (accepted, _) = listener.accept().unwrap();
        let cport = client.local_addr().unwrap().port();
        let udp = UdpSocket::bind("[::1]:0").unwrap();
        let uport = udp.local_addr().unwrap().port();
        let s = HostState::from_proc();
        let me = std::process::id() as i64;
        let t = s.thread(me).unwrap();
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let l = s.fd(t, listener.as_raw_fd() as i64).expect("listener");
        assert_eq!(l.ty, FdType::Ipv4);
        assert_eq!(l.l4proto, L4Proto::Tcp);
        assert_eq!(l.sock, Some(SockAddrs::Server { ip: lo, port }));
        assert_eq!(l.name, format!("127.0.0.1:{port}"));
        let c = s.fd(t, client.as_raw_fd() as i64).expect("client");
        assert_eq!(c.name, format!("127.0.0.1:{cport}->127.0.0.1:{port}"));
        assert_eq!(c.server_role, Some(false));
        let a = s.fd(t, accepted.as_raw_fd() as i64).expect("accepted");
        assert_eq!(a.name, format!("127.0.0.1:{cport}->127.0.0.1:{port}"));
        assert_eq!(a.server_role, Some(true));
        let u = s.fd(t, udp.as_raw_fd() as i64).expect("udp6");
        assert_eq!(u.ty, FdType::Ipv6);
        assert_eq!(u.l4proto, L4Proto::Udp);
        assert_eq!(u.name, format!("::1:{uport}"));
        assert!(s.is_local_ip(lo), "loopback is a local address");
    }
}

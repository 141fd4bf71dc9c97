//! Host state as libsinsp keeps it: the thread table, each process's fd
//! table, users and groups, and the container of each thread.
//!
//! Rules read much more than an event carries: `proc.pname` needs the
//! parent, `fd.name` the file an fd was opened on, `user.name` the user
//! table. [`HostState`] keeps what is needed, the way libsinsp does
//! (`parsers.cpp`, `threadinfo.cpp`, `fdinfo.h`):
//!
//! - **Seeding.** From a capture's metadata ([`HostState::from_metadata`]:
//!   the process list, fd lists and user list), or from the running host
//!   ([`HostState::from_proc`]: `/proc`, `/etc/passwd`, `/etc/group`).
//! - **Updates** ([`HostState::update`]) from events in the current
//!   (exit-only) schema: clone/fork/vfork/clone3 create threads (from the
//!   caller's or the child's exit, whichever comes first); execve/execveat
//!   replace the program (and close `O_CLOEXEC` fds); procexit removes the
//!   thread and reparents its children; chdir/fchdir set the cwd;
//!   set(res)(re)uid/gid set ids; open/openat/openat2/creat/
//!   open_by_handle_at, socket, connect, accept/accept4, bind, pipe/pipe2,
//!   socketpair, eventfd, signalfd, timerfd, inotify, epoll, bpf,
//!   userfaultfd, io_uring_setup, pidfd_open and memfd_create add fds;
//!   dup/dup2/dup3 and fcntl(F_DUPFD) copy them; close removes them.
//! - **Lazy threads.** An event from a thread the table lacks creates it:
//!   from `/proc` when the state tracks the live host, else a placeholder
//!   with libs' values (comm `<NA>`, pid and ptid -1, uid `u32::MAX`).
//! - **Removal is deferred** to the next event, as in libs: the procexit
//!   event still sees its thread, a close event still sees its fd. A thread
//!   that exited is remembered for two seconds, so the late clone event of
//!   its parent (always possible after vfork) does not bring it back.
//! - **Bounded**, as libsinsp ([`StateLimits`]): a full thread table refuses
//!   new threads, a full fd table new fds, and on a live state
//!   [`HostState::purge_inactive`] removes threads without events for a
//!   while once `/proc` no longer shows them alive (zombies count as gone).
//! - **Sockets at start** come from the `/proc/net` tables of each network
//!   namespace ([`SocketTable`]): type, tuple, protocol and role.
//!
//! A source restricted to the rules' event types must also deliver
//! [`state_event_types`], or the state goes stale.
//!
//! Threads of one process share its fd table and cwd (keyed by pid).
//! Malformed events (missing or mistyped parameters) change nothing; they
//! are counted in [`StateStats::malformed`].
//!
//! [`Inspector`] drives it all: it reads a source, numbers events, updates
//! the state and hands out an [`EventContext`](crate::extract::EventContext)
//! that extracts rule fields.

mod container;
pub mod container_event;
#[cfg(feature = "cri")]
pub mod cri;
mod fd;
mod inspector;
mod proc;
mod procnet;
pub mod runtime;

use std::net::IpAddr;

use crate::event::{Event, SockAddr, SockTuple};
use crate::scap::Metadata;
use crate::table::codes::*;

pub use container::{container_id, container_match, CgroupEngine};
pub use fd::{ip_text, tuple_fd, tuple_name, Fd, FdType, L4Proto, SockAddrs};
pub use inspector::{Inspector, InspectorStats};
pub use procnet::{parse_fib_trie_locals, parse_if_inet6, SocketTable};

/// The id libs uses for "no value" in pid-like fields.
pub const NO_ID: i64 = -1;

/// `PPM_CL_CLONE_THREAD`: the new task is a thread of the caller's process.
const CL_CLONE_THREAD: u64 = 0x2000;
/// `PPM_CL_CLONE_VFORK`: the caller sleeps until the child execs or exits.
const CL_CLONE_VFORK: u64 = 0x8000000;
/// How long an exited thread is remembered, so a late caller-side clone
/// event does not bring it back (libs' recently-exited window).
const RECENTLY_EXITED_NS: u64 = 2_000_000_000;
/// How many exited threads are remembered at most (libs' ring size).
const RECENTLY_EXITED_MAX: usize = 8192;
/// `PPM_O_CLOEXEC`.
pub const O_CLOEXEC: u32 = 1 << 12;
/// `PPM_O_DIRECTORY`.
pub const O_DIRECTORY: u32 = 1 << 10;
/// `PPM_AT_FDCWD` as the dirfd parameters carry it.
const AT_FDCWD: i64 = -100;
/// `-EINPROGRESS`: a non-blocking connect that is under way.
const EINPROGRESS: i64 = -115;

/// One thread, as libsinsp's `sinsp_threadinfo` keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadInfo {
    /// Thread id.
    pub tid: i64,
    /// Process id (thread-group id).
    pub pid: i64,
    /// Parent process id.
    pub ptid: i64,
    /// Session id.
    pub sid: i64,
    /// Process group id in its pid namespace.
    pub vpgid: i64,
    /// Process group id on the host.
    pub pgid: i64,
    /// Command name (`comm`, at most 16 bytes).
    pub comm: String,
    /// `argv[0]`.
    pub exe: String,
    /// The program file's full path.
    pub exepath: String,
    /// `argv[1..]`.
    pub args: Vec<String>,
    /// Environment, `NAME=value` strings.
    pub env: Vec<String>,
    /// Current working directory (always ends with `/`, as in libs).
    pub cwd: String,
    /// Effective user id.
    pub uid: u32,
    /// Effective group id.
    pub gid: u32,
    /// Audit login uid (`u32::MAX` when unset).
    pub loginuid: u32,
    /// Controlling terminal.
    pub tty: u32,
    /// Thread id in its pid namespace.
    pub vtid: i64,
    /// Process id in its pid namespace.
    pub vpid: i64,
    /// Start of the pid namespace's init, ns since the epoch.
    pub pidns_init_start_ts: u64,
    /// Cgroups as (subsystem, path) pairs.
    pub cgroups: Vec<(String, String)>,
    /// Container id: 12 hex characters, or `host`.
    pub container_id: String,
    /// Full container id (64 hex characters), empty on the host.
    pub container_full_id: String,
    /// The engine whose cgroup layout gave the container id (`None` on
    /// the host).
    pub container_engine: Option<CgroupEngine>,
    /// When the thread was created (clone), ns since the epoch; 0 if unknown.
    pub clone_ts: u64,
    /// When the thread last ran execve, ns since the epoch; 0 if unknown.
    pub lastexec_ts: u64,
    /// `PPM_CL_*` flags.
    pub flags: u32,
    /// Permitted capabilities.
    pub cap_permitted: u64,
    /// Inheritable capabilities.
    pub cap_inheritable: u64,
    /// Effective capabilities.
    pub cap_effective: u64,
    /// The program file is writable by the user.
    pub exe_writable: bool,
    /// The program file is in an overlayfs upper layer.
    pub exe_upper_layer: bool,
    /// The program file is in an overlayfs lower layer.
    pub exe_lower_layer: bool,
    /// The program runs from a memfd.
    pub exe_from_memfd: bool,
    /// Inode of the program file.
    pub exe_ino: u64,
    /// ctime of the program file.
    pub exe_ino_ctime: u64,
    /// mtime of the program file.
    pub exe_ino_mtime: u64,
    /// Fd limit.
    pub fdlimit: i64,
    /// Virtual memory, KiB.
    pub vmsize_kb: u32,
    /// Resident memory, KiB.
    pub vmrss_kb: u32,
    /// Swapped memory, KiB.
    pub vmswap_kb: u32,
    /// Major page faults.
    pub pfmajor: u64,
    /// Minor page faults.
    pub pfminor: u64,
    /// Root directory.
    pub root: String,
    /// Timestamp of the thread's last event, ns since the epoch (0 before
    /// its first); the purge of inactive threads compares it with
    /// [`StateLimits::thread_timeout_ns`].
    pub lastaccess_ts: u64,
    /// The runtime's answer for the thread's container, kept once found so
    /// each container field of each event does not ask the table again.
    pub(crate) container_info: ContainerInfoCache,
}

/// A thread's cached container metadata: set once, from the extractors'
/// shared borrow; empty again when the thread's cgroups change. Clones
/// start empty, and it takes no part in comparisons.
#[derive(Default)]
pub(crate) struct ContainerInfoCache(std::sync::OnceLock<std::sync::Arc<runtime::ContainerInfo>>);

impl ContainerInfoCache {
    /// The cached metadata, if set.
    pub(crate) fn get(&self) -> Option<&runtime::ContainerInfo> {
        self.0.get().map(|a| &**a)
    }

    /// Caches `info` (unless already set) and returns what is cached.
    pub(crate) fn set(
        &self,
        info: std::sync::Arc<runtime::ContainerInfo>,
    ) -> &runtime::ContainerInfo {
        self.0.get_or_init(|| info)
    }
}

impl Clone for ContainerInfoCache {
    fn clone(&self) -> Self {
        ContainerInfoCache::default()
    }
}

impl PartialEq for ContainerInfoCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ContainerInfoCache {}

impl std::fmt::Debug for ContainerInfoCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "cached"
        } else {
            "empty"
        })
    }
}

impl ThreadInfo {
    /// The placeholder libs inserts for a thread it cannot look up: comm
    /// `<NA>`, pid and ptid -1, uid and gid `u32::MAX`.
    pub fn placeholder(tid: i64) -> ThreadInfo {
        ThreadInfo {
            tid,
            pid: NO_ID,
            ptid: NO_ID,
            sid: NO_ID,
            vpgid: NO_ID,
            pgid: NO_ID,
            comm: "<NA>".into(),
            exe: "<NA>".into(),
            exepath: String::new(),
            args: Vec::new(),
            env: Vec::new(),
            cwd: String::new(),
            uid: u32::MAX,
            gid: u32::MAX,
            loginuid: u32::MAX,
            tty: 0,
            vtid: NO_ID,
            vpid: NO_ID,
            pidns_init_start_ts: 0,
            cgroups: Vec::new(),
            container_id: "host".into(),
            container_full_id: String::new(),
            container_engine: None,
            clone_ts: 0,
            lastexec_ts: 0,
            flags: 0,
            cap_permitted: 0,
            cap_inheritable: 0,
            cap_effective: 0,
            exe_writable: false,
            exe_upper_layer: false,
            exe_lower_layer: false,
            exe_from_memfd: false,
            exe_ino: 0,
            exe_ino_ctime: 0,
            exe_ino_mtime: 0,
            fdlimit: 0,
            vmsize_kb: 0,
            vmrss_kb: 0,
            vmswap_kb: 0,
            pfmajor: 0,
            pfminor: 0,
            root: String::new(),
            lastaccess_ts: 0,
            container_info: ContainerInfoCache::default(),
        }
    }

    /// From a capture's process-list entry.
    pub fn from_scap(p: &crate::scap::ProcInfo) -> ThreadInfo {
        let mut t = ThreadInfo::placeholder(p.tid as i64);
        t.pid = p.pid as i64;
        t.ptid = p.ptid as i64;
        t.sid = p.sid as i64;
        t.vpgid = p.vpgid as i64;
        t.pgid = p.pgid;
        t.comm = p.comm.clone();
        t.exe = p.exe.clone();
        t.exepath = p.exepath.clone();
        t.args = p.args.clone();
        t.env = p.env.clone();
        t.cwd = with_slash(&p.cwd);
        t.uid = p.uid;
        t.gid = p.gid;
        t.loginuid = p.loginuid;
        t.tty = p.tty;
        t.vtid = p.vtid;
        t.vpid = p.vpid;
        t.pidns_init_start_ts = p.pidns_init_start_ts;
        t.set_cgroups(p.cgroups.iter().map(|s| s.as_bytes()));
        t.flags = p.flags;
        t.cap_permitted = p.cap_permitted;
        t.cap_inheritable = p.cap_inheritable;
        t.cap_effective = p.cap_effective;
        t.exe_writable = p.exe_writable;
        t.exe_upper_layer = p.exe_upper_layer;
        t.exe_lower_layer = p.exe_lower_layer;
        t.exe_from_memfd = p.exe_from_memfd;
        t.exe_ino = p.exe_ino;
        t.exe_ino_ctime = p.exe_ino_ctime;
        t.exe_ino_mtime = p.exe_ino_mtime;
        t.fdlimit = p.fdlimit as i64;
        t.vmsize_kb = p.vmsize_kb;
        t.vmrss_kb = p.vmrss_kb;
        t.vmswap_kb = p.vmswap_kb;
        t.pfmajor = p.pfmajor;
        t.pfminor = p.pfminor;
        t.root = p.root.clone();
        t
    }

    /// True for the main thread of its process.
    pub fn is_main(&self) -> bool {
        self.tid == self.pid
    }

    /// Sets the cgroups from `subsys=path` strings, and the container id
    /// derived from them.
    pub fn set_cgroups<'a>(&mut self, items: impl Iterator<Item = &'a [u8]>) {
        self.cgroups.clear();
        for item in items {
            let s = String::from_utf8_lossy(item);
            if let Some((k, v)) = s.split_once('=') {
                self.cgroups.push((k.to_string(), v.to_string()));
            }
        }
        let found = self
            .cgroups
            .iter()
            .find_map(|(_, path)| container_match(path));
        let (short, full, engine) = match found {
            // The runtimes' ids are reported by their first 12 characters,
            // the names of LXC, libvirt-lxc and BPM containers whole.
            Some((id, engine)) if engine.static_kind().is_none() => {
                let mut end = 12.min(id.len());
                while !id.is_char_boundary(end) {
                    end -= 1;
                }
                (id[..end].to_string(), id.to_string(), Some(engine))
            }
            Some((id, engine)) => (id.to_string(), id.to_string(), Some(engine)),
            None => ("host".to_string(), String::new(), None),
        };
        self.container_id = short;
        self.container_full_id = full;
        self.container_engine = engine;
        self.container_info = ContainerInfoCache::default();
    }

    /// Whether the thread's container is one a runtime describes (so its
    /// metadata is asked of the runtimes): not the host, nor an LXC,
    /// libvirt-lxc or BPM container, which the cgroup alone describes.
    pub fn container_needs_lookup(&self) -> bool {
        self.container_id != "host"
            && self
                .container_engine
                .is_none_or(|e| e.static_kind().is_none())
    }

    /// The value of environment variable `key`.
    pub fn env_var(&self, key: &str) -> Option<&str> {
        self.env.iter().find_map(|e| {
            let (k, v) = e.split_once('=')?;
            (k == key).then_some(v)
        })
    }
}

/// One syscall whose events keep the host state right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StateSyscall {
    /// The syscall name, as `evt.type` spells it.
    pub name: &'static str,
    /// The exit event [`HostState::update`] applies; `None` for a syscall
    /// Falco's drivers keep for state that our state does not apply yet.
    pub applied: Option<u16>,
    /// True if a live driver captures it whatever the rules ask for.
    pub captured: bool,
}

/// A syscall the state applies and drivers always capture.
const fn both(name: &'static str, code: u16) -> StateSyscall {
    StateSyscall {
        name,
        applied: Some(code),
        captured: true,
    }
}

/// A syscall drivers always capture (as Falco's do) that the state does not
/// apply yet.
const fn captured_only(name: &'static str) -> StateSyscall {
    StateSyscall {
        name,
        applied: None,
        captured: true,
    }
}

/// The one table of state syscalls: [`state_event_types`] (what a source
/// must deliver) and the syscalls a live driver always captures
/// ([`state_syscalls`]) are both derived from it.
pub static STATE_SYSCALLS: &[StateSyscall] = &[
    both("clone", PPME_SYSCALL_CLONE_20_X),
    both("clone3", PPME_SYSCALL_CLONE3_X),
    both("fork", PPME_SYSCALL_FORK_20_X),
    both("vfork", PPME_SYSCALL_VFORK_20_X),
    both("execve", PPME_SYSCALL_EXECVE_19_X),
    both("execveat", PPME_SYSCALL_EXECVEAT_X),
    both("close", PPME_SYSCALL_CLOSE_X),
    both("dup", PPME_SYSCALL_DUP_1_X),
    both("dup2", PPME_SYSCALL_DUP2_X),
    both("dup3", PPME_SYSCALL_DUP3_X),
    both("fcntl", PPME_SYSCALL_FCNTL_X),
    both("open", PPME_SYSCALL_OPEN_X),
    both("openat", PPME_SYSCALL_OPENAT_2_X),
    both("openat2", PPME_SYSCALL_OPENAT2_X),
    both("creat", PPME_SYSCALL_CREAT_X),
    both("socket", PPME_SOCKET_SOCKET_X),
    both("connect", PPME_SOCKET_CONNECT_X),
    both("accept", PPME_SOCKET_ACCEPT_5_X),
    both("accept4", PPME_SOCKET_ACCEPT4_6_X),
    both("bind", PPME_SOCKET_BIND_X),
    both("pipe", PPME_SYSCALL_PIPE_X),
    both("pipe2", PPME_SYSCALL_PIPE2_X),
    both("chdir", PPME_SYSCALL_CHDIR_X),
    both("fchdir", PPME_SYSCALL_FCHDIR_X),
    both("setuid", PPME_SYSCALL_SETUID_X),
    both("setgid", PPME_SYSCALL_SETGID_X),
    both("setreuid", PPME_SYSCALL_SETREUID_X),
    both("setregid", PPME_SYSCALL_SETREGID_X),
    both("setresuid", PPME_SYSCALL_SETRESUID_X),
    both("setresgid", PPME_SYSCALL_SETRESGID_X),
    both("capset", PPME_SYSCALL_CAPSET_X),
    both("memfd_create", PPME_SYSCALL_MEMFD_CREATE_X),
    captured_only("prctl"),
    captured_only("setns"),
    captured_only("unshare"),
    both("userfaultfd", PPME_SYSCALL_USERFAULTFD_X),
    both("socketpair", PPME_SOCKET_SOCKETPAIR_X),
    both("eventfd", PPME_SYSCALL_EVENTFD_X),
    both("eventfd2", PPME_SYSCALL_EVENTFD2_X),
    both("inotify_init", PPME_SYSCALL_INOTIFY_INIT_X),
    both("inotify_init1", PPME_SYSCALL_INOTIFY_INIT1_X),
    both("signalfd", PPME_SYSCALL_SIGNALFD_X),
    both("signalfd4", PPME_SYSCALL_SIGNALFD4_X),
    both("timerfd_create", PPME_SYSCALL_TIMERFD_CREATE_X),
    both("epoll_create", PPME_SYSCALL_EPOLL_CREATE_X),
    both("epoll_create1", PPME_SYSCALL_EPOLL_CREATE1_X),
    both("pidfd_open", PPME_SYSCALL_PIDFD_OPEN_X),
    both("io_uring_setup", PPME_SYSCALL_IO_URING_SETUP_X),
    both("open_by_handle_at", PPME_SYSCALL_OPEN_BY_HANDLE_AT_X),
    captured_only("chroot"),
    both("setsid", PPME_SYSCALL_SETSID_X),
    captured_only("setpgid"),
    // Applied, but not captured always: the eBPF probe's own map updates
    // are bpf(2) calls, and would each become an event.
    StateSyscall {
        name: "bpf",
        applied: Some(PPME_SYSCALL_BPF_2_X),
        captured: false,
    },
];

/// The event codes [`HostState::update`] learns from: the applied exit
/// event of each row of [`STATE_SYSCALLS`], and procexit. A consumer that
/// restricts a source to the event types its rules need
/// ([`EventSource::set_event_types`](crate::source::EventSource::set_event_types))
/// must add these, or the state goes stale (Falco likewise always adds
/// libsinsp's state syscall set).
///
/// ```
/// use falco_events::state::state_event_types;
/// use falco_events::table::codes::*;
/// let set = state_event_types();
/// assert!(set.contains(PPME_SYSCALL_EXECVE_19_X));
/// assert!(set.contains(PPME_SYSCALL_CLOSE_X));
/// assert!(!set.contains(PPME_SYSCALL_READ_X));
/// ```
pub fn state_event_types() -> crate::source::EventSet {
    let applied = STATE_SYSCALLS.iter().filter_map(|s| s.applied);
    crate::source::EventSet::from_codes(applied.chain([PPME_PROCEXIT_1_E]))
}

/// Whether the rules see an event of type `code`: every event does but the
/// enter events libsinsp keeps for the state alone and drops before the
/// rules run (`~sinsp_evt_filter` in libs 0.25): the TOCTOU enter events of
/// `open`, `openat`, `openat2`, `creat` and `connect`, and the `execve` and
/// `execveat` enter events that fill in empty exit parameters. The other
/// enter events of old captures never reach this point: the capture
/// converter folds them into their exit events.
///
/// So a rule `evt.type=open` fires once per `open` call, on its exit event,
/// as in Falco 0.44, although the enter event also updates the host state.
///
/// ```
/// use falco_events::state::rules_see;
/// use falco_events::table::codes::*;
/// assert!(rules_see(PPME_SYSCALL_OPEN_X));
/// assert!(!rules_see(PPME_SYSCALL_OPEN_E));
/// assert!(!rules_see(PPME_SYSCALL_EXECVE_19_E));
/// // Enter-only events such as procexit are the event itself.
/// assert!(rules_see(PPME_PROCEXIT_1_E));
/// ```
pub fn rules_see(code: u16) -> bool {
    !matches!(
        code,
        PPME_SYSCALL_OPEN_E
            | PPME_SYSCALL_OPENAT_2_E
            | PPME_SYSCALL_OPENAT2_E
            | PPME_SYSCALL_CREAT_E
            | PPME_SOCKET_CONNECT_E
            | PPME_SYSCALL_EXECVE_19_E
            | PPME_SYSCALL_EXECVEAT_E
    )
}

/// The syscalls a live driver captures whatever the rules ask for, so that
/// the host state stays right (procexit, not a syscall, comes on top).
///
/// ```
/// let names: Vec<&str> = falco_events::state::state_syscalls().collect();
/// assert!(names.contains(&"execve"));
/// assert!(!names.contains(&"read"));
/// ```
pub fn state_syscalls() -> impl Iterator<Item = &'static str> {
    STATE_SYSCALLS.iter().filter(|s| s.captured).map(|s| s.name)
}

/// A user of the host (or of a capture's user list).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct User {
    /// User id.
    pub uid: u32,
    /// Primary group.
    pub gid: u32,
    /// Name.
    pub name: String,
    /// Home directory.
    pub homedir: String,
    /// Login shell.
    pub shell: String,
}

/// Counters of the state's bookkeeping.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateStats {
    /// Threads created because an event came from a thread the table
    /// lacked.
    pub lazy_threads: u64,
    /// Events whose parameters were missing or malformed where state
    /// needed them; they changed nothing.
    pub malformed: u64,
    /// Threads removed by procexit.
    pub removed_threads: u64,
    /// Lines of the `/proc/net` socket tables that could not be read when
    /// the state was taken from the live host (those sockets stay unknown).
    pub proc_net_skipped_lines: u64,
    /// Threads removed by the purge of inactive threads (no event for
    /// [`StateLimits::thread_timeout_ns`] and gone from `/proc`, or a
    /// zombie), with the fd table of their process when it was the last.
    pub purged_threads: u64,
    /// Threads not added because the table held
    /// [`StateLimits::thread_table_size`] threads (libs'
    /// `n_drops_full_threadtable`).
    pub refused_threads: u64,
    /// Fds not added because their process's table held
    /// [`StateLimits::fd_table_size`] fds.
    pub refused_fds: u64,
    /// Purge scans run.
    pub purge_scans: u64,
    /// Clone events of a child that had exited a moment before (out of
    /// order): they did not bring the child back.
    pub late_events: u64,
    /// Fd tables removed by the purge because no thread of theirs was left.
    pub purged_fd_tables: u64,
}

/// The bounds of the state, as libsinsp bounds its tables. The defaults
/// are Falco's (`falco_libs.thread_table_size: 262144`,
/// `falco_libs.thread_table_auto_purging_interval_s: 300`,
/// `falco_libs.thread_table_auto_purging_thread_timeout_s: 300`) and libs'
/// fd table limit (4096 fds per process).
///
/// ```
/// use falco_events::state::StateLimits;
/// let l = StateLimits::default();
/// assert_eq!(l.thread_table_size, 262_144);
/// assert_eq!(l.purge_interval_ns, 300_000_000_000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateLimits {
    /// The most threads the table holds; a new thread beyond it is refused
    /// (counted in [`StateStats::refused_threads`]).
    pub thread_table_size: usize,
    /// The most fds one process's table holds; a new fd beyond it is
    /// refused (counted in [`StateStats::refused_fds`]). Replacing an fd
    /// already in the table is always allowed.
    pub fd_table_size: usize,
    /// A thread without events for this long (event time) may be purged,
    /// if it is gone from `/proc` (live state) or a zombie.
    pub thread_timeout_ns: u64,
    /// How often (event time) the purge scans the table; 0 disables it.
    pub purge_interval_ns: u64,
}

impl Default for StateLimits {
    fn default() -> Self {
        StateLimits {
            thread_table_size: 262_144,
            fd_table_size: 4096,
            thread_timeout_ns: 300_000_000_000,
            purge_interval_ns: 300_000_000_000,
        }
    }
}

/// The hash map of the state's tables (aHash: the keys are small integers
/// and a table lookup happens on every event).
pub type HashMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;

/// The per-process fd tables, keyed by pid.
pub type FdTables = HashMap<i64, HashMap<i64, Fd>>;

/// Threads, fds, users and groups (see the [module docs](self)).
#[derive(Clone, Debug, Default)]
pub struct HostState {
    /// Threads by tid.
    pub threads: HashMap<i64, ThreadInfo>,
    /// Fd tables by pid (threads share their process's table).
    pub fds: FdTables,
    /// Users by uid.
    pub users: HashMap<u32, User>,
    /// Groups by gid.
    pub groups: HashMap<u32, String>,
    /// The host name (from the capture's machine info, or the live host).
    pub hostname: String,
    /// Addresses of the host's network interfaces (from the capture's
    /// interface list); `fd.is_server`, `fd.lip`, ... compare against them.
    pub interfaces: Vec<IpAddr>,
    /// Lazily created threads are looked up in `/proc` (live sources).
    pub live: bool,
    /// Counters.
    pub stats: StateStats,
    /// Container metadata from the container runtime (none asked unless
    /// [`HostState::watch_containers`] set it up).
    pub containers: runtime::ContainerTable,
    /// Users and groups of each container, from its own `/etc/passwd` and
    /// `/etc/group` (read live at a container process's execve, as libsinsp
    /// reads them).
    pub container_users: HashMap<String, ContainerUsers>,
    /// Containers a capture's container events announced, by short id
    /// (replay only: a live state asks the runtime), as the container
    /// plugin learns them when it reads a capture.
    pub recorded_containers: HashMap<String, std::sync::Arc<runtime::ContainerInfo>>,
    /// The container the current event announces, when it is a container
    /// event (its `container.*` fields read it).
    pub(crate) event_container: Option<container_event::AnnouncedContainer>,
    /// Containers whose init process exited, waiting for their
    /// `container_removed` event (live, with a runtime asked; at most
    /// [`runtime::MAX_PENDING_ANNOUNCEMENTS`]).
    pub(crate) removed_containers:
        std::collections::VecDeque<std::sync::Arc<runtime::ContainerInfo>>,
    /// Table bounds and purge timing.
    pub limits: StateLimits,
    /// Event time of the last purge scan (0: none yet).
    last_purge_ts: u64,
    pending_thread_removal: Option<(i64, u64)>,
    pending_fd_removal: Option<(i64, i64)>,
    /// Threads removed at exit, by tid, with the time of their exit (at
    /// most [`RECENTLY_EXITED_MAX`], oldest first in `recently_exited_order`).
    recently_exited: HashMap<i64, u64>,
    recently_exited_order: std::collections::VecDeque<(i64, u64)>,
    /// The fd (table key, number) whose name the last event changed.
    name_changed: Option<(i64, i64)>,
}

/// The users and groups a container defines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerUsers {
    /// Users by uid.
    pub users: HashMap<u32, User>,
    /// Groups by gid.
    pub groups: HashMap<u32, String>,
}

/// Appends `/` to a non-empty directory that lacks it (libs keeps cwd so).
fn with_slash(d: &str) -> String {
    if d.is_empty() || d.ends_with('/') {
        d.to_string()
    } else {
        format!("{d}/")
    }
}

/// Joins `path` to `dir` and normalises the result as libs'
/// `concatenate_paths` does: an absolute `path` ignores `dir`; `.` and empty
/// components vanish; `..` removes the previous component (never past `/`).
pub fn concat_paths(dir: &str, path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let full_iter = if path.starts_with('/') {
        path.split('/').chain("".split('/'))
    } else {
        dir.split('/').chain(path.split('/'))
    };
    for comp in full_iter {
        match comp {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    let mut s = String::with_capacity(dir.len() + path.len() + 1);
    for c in &out {
        s.push('/');
        s.push_str(c);
    }
    if s.is_empty() {
        s.push('/');
    }
    s
}

fn p_i64(e: &Event<'_>, name: &str) -> Option<i64> {
    e.param_by_name(name)?.as_i64()
}

fn p_u64(e: &Event<'_>, name: &str) -> Option<u64> {
    e.param_by_name(name)?.as_u64()
}

fn p_str(e: &Event<'_>, name: &str) -> Option<String> {
    e.param_by_name(name)?
        .as_str_lossy()
        .map(|c| c.into_owned())
}

/// The return value of an event, as libs defines it: the first parameter
/// of a syscall exit event (`res`, or the new `fd`); none for enter events,
/// meta-events and the generic syscall event.
pub fn event_result(e: &Event<'_>) -> Option<i64> {
    use crate::table::{Direction, EventCategory};
    if e.direction() != Direction::Exit
        || e.code() == PPME_GENERIC_X
        || e.info().category.source() != EventCategory::SYSCALL
    {
        return None;
    }
    e.param(0)?.as_i64()
}

impl HostState {
    /// An empty state (events create placeholder threads).
    pub fn new() -> HostState {
        HostState::default()
    }

    /// Asks `table`'s container runtime about every container of the
    /// threads known now, and of those that appear from now on.
    pub fn watch_containers(&mut self, table: runtime::ContainerTable) {
        for t in self.threads.values() {
            if t.container_needs_lookup() {
                table.observe(&t.container_full_id);
            }
        }
        self.containers = table;
    }

    /// Seeds the state from a capture's metadata: threads from the process
    /// list, fds from the fd lists, users and groups from the user list.
    pub fn from_metadata(m: &Metadata) -> HostState {
        let mut s = HostState::new();
        for p in &m.procs {
            let t = ThreadInfo::from_scap(p);
            s.threads.insert(t.tid, t);
        }
        for table in &m.fds {
            let tid = table.tid as i64;
            let pid = s.threads.get(&tid).map_or(tid, |t| t.pid);
            let fds = s.fds.entry(pid).or_default();
            for f in &table.fds {
                fds.insert(f.fd, Fd::from_scap(f));
            }
        }
        s.fix_capture_sockets();
        for u in &m.users {
            s.users.insert(
                u.uid,
                User {
                    uid: u.uid,
                    gid: u.gid,
                    name: u.name.clone(),
                    homedir: u.homedir.clone(),
                    shell: u.shell.clone(),
                },
            );
        }
        for g in &m.groups {
            s.groups.insert(g.gid, g.name.clone());
        }
        if let Some(mi) = &m.machine {
            s.hostname = mi.hostname.clone();
        }
        s.interfaces = m.interfaces.iter().map(|i| i.addr).collect();
        s
    }

    /// Connected IPv4 sockets of a capture (or of `/proc`) whose source
    /// port is a port some process listens on are the server side: swap the tuple so the client
    /// comes first and mark the role (libs' `fix_sockets_coming_from_proc`).
    fn fix_capture_sockets(&mut self) {
        let server_ports: std::collections::HashSet<u16> = self
            .fds
            .values()
            .flat_map(|t| t.values())
            .filter_map(|f| match (f.ty, f.sock) {
                (FdType::Ipv4, Some(SockAddrs::Server { port, .. })) => Some(port),
                _ => None,
            })
            .collect();
        for table in self.fds.values_mut() {
            for f in table.values_mut() {
                if let (
                    FdType::Ipv4,
                    Some(SockAddrs::Tuple {
                        cip,
                        cport,
                        sip,
                        sport,
                    }),
                ) = (f.ty, f.sock)
                {
                    if server_ports.contains(&cport) {
                        *f = tuple_fd(FdType::Ipv4, sip, sport, cip, cport, f.l4proto);
                        f.server_role = Some(true);
                    }
                }
            }
        }
    }

    /// True if `ip` belongs to the host, as libs decides it: an IPv4
    /// address equal to an interface's, an IPv6 address in the /64 of an
    /// interface's.
    pub fn is_local_ip(&self, ip: IpAddr) -> bool {
        self.interfaces.iter().any(|i| match (i, ip) {
            (IpAddr::V4(a), IpAddr::V4(b)) => *a == b,
            (IpAddr::V6(a), IpAddr::V6(b)) => a.octets()[..8] == b.octets()[..8],
            _ => false,
        })
    }

    /// The thread `tid`.
    pub fn thread(&self, tid: i64) -> Option<&ThreadInfo> {
        self.threads.get(&tid)
    }

    /// The main thread of `t`'s process (`t` itself when it is the main
    /// thread or the main thread is unknown).
    pub fn main_thread<'a>(&'a self, t: &'a ThreadInfo) -> &'a ThreadInfo {
        if t.is_main() {
            return t;
        }
        self.threads.get(&t.pid).unwrap_or(t)
    }

    /// The parent process of `t`: its main thread's `ptid`, then that
    /// thread's main thread (libs `get_ancestor_process(t, 1)`).
    pub fn parent<'a>(&'a self, t: &'a ThreadInfo) -> Option<&'a ThreadInfo> {
        let main = self.main_thread(t);
        if main.ptid <= 0 || main.ptid == main.tid {
            return None;
        }
        let p = self.threads.get(&main.ptid)?;
        Some(self.main_thread(p))
    }

    /// The ancestor `n` steps up (0 is `t`'s process itself), stopping at
    /// loops.
    pub fn ancestor<'a>(&'a self, t: &'a ThreadInfo, n: usize) -> Option<&'a ThreadInfo> {
        let mut cur = self.main_thread(t);
        for _ in 0..n {
            cur = self.parent(cur)?;
            if cur.tid == t.tid || cur.tid == t.pid {
                return None;
            }
        }
        Some(cur)
    }

    /// Every ancestor process of `t`, parent first, stopping at loops
    /// and after 512 steps.
    pub fn ancestors<'a>(&'a self, t: &'a ThreadInfo) -> impl Iterator<Item = &'a ThreadInfo> + 'a {
        let start = self.main_thread(t);
        let mut cur = Some(start);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let c = cur?;
            let p = self.parent(c)?;
            steps += 1;
            if steps > 512 || p.tid == start.tid {
                cur = None;
                return None;
            }
            cur = Some(p);
            Some(p)
        })
    }

    /// The cwd of `t`'s process.
    pub fn cwd<'a>(&'a self, t: &'a ThreadInfo) -> &'a str {
        &self.main_thread(t).cwd
    }

    /// Fd `fd` of `t`'s process.
    pub fn fd(&self, t: &ThreadInfo, fd: i64) -> Option<&Fd> {
        self.fds.get(&fd_key(t))?.get(&fd)
    }

    /// The fd table of `t`'s process.
    pub fn fd_table(&self, t: &ThreadInfo) -> Option<&HashMap<i64, Fd>> {
        self.fds.get(&fd_key(t))
    }

    /// True if the last event applied changed the name of fd `fd` of
    /// `t`'s process (`fd.name_changed`): libsinsp compares the fd's name
    /// before and after parsing, and a new fd's name with the empty name,
    /// so an open, an accept or a connect that names its socket changes
    /// the name, a read or a close does not.
    pub fn fd_name_changed(&self, t: &ThreadInfo, fd: i64) -> bool {
        self.name_changed == Some((fd_key(t), fd))
    }

    /// The user `uid`.
    pub fn user(&self, uid: u32) -> Option<&User> {
        self.users.get(&uid)
    }

    /// The users and groups `t` sees: its container's own when they were
    /// read, else the host's (`None`).
    pub fn container_users_of(&self, t: &ThreadInfo) -> Option<&ContainerUsers> {
        if t.container_id == "host" {
            return None;
        }
        self.container_users.get(&t.container_id)
    }

    /// Reads the users and groups of `t`'s container from its root
    /// (`/proc/PID/root/etc/passwd` and `group`, under `$HOST_ROOT`), once
    /// per container; live sources only.
    fn load_container_users(&mut self, tid: i64) {
        let Some(t) = self.threads.get(&tid) else {
            return;
        };
        if !self.live
            || t.container_id == "host"
            || self.container_users.contains_key(&t.container_id)
        {
            return;
        }
        let root = std::env::var("HOST_ROOT").unwrap_or_default();
        let dir = format!("{root}/proc/{}/root/etc", t.pid);
        let Ok(passwd) = std::fs::read_to_string(format!("{dir}/passwd")) else {
            return;
        };
        let mut cu = ContainerUsers::default();
        for u in proc::parse_passwd(&passwd) {
            cu.users.insert(u.uid, u);
        }
        if let Ok(group) = std::fs::read_to_string(format!("{dir}/group")) {
            for (gid, name) in proc::parse_group(&group) {
                cu.groups.insert(gid, name);
            }
        }
        let id = t.container_id.clone();
        self.container_users.insert(id, cu);
    }

    /// Applies the removals deferred from the previous event.
    pub fn flush_pending(&mut self) {
        if let Some((pid, fd)) = self.pending_fd_removal.take() {
            if let Some(t) = self.fds.get_mut(&pid) {
                t.remove(&fd);
            }
        }
        if let Some((tid, ts)) = self.pending_thread_removal.take() {
            if self.remove_thread(tid) {
                self.stats.removed_threads += 1;
                self.record_exited(tid, ts);
            }
        }
    }

    /// Remembers that `tid` exited at `ts`.
    fn record_exited(&mut self, tid: i64, ts: u64) {
        if self.recently_exited_order.len() >= RECENTLY_EXITED_MAX {
            if let Some((old, old_ts)) = self.recently_exited_order.pop_front() {
                if self.recently_exited.get(&old) == Some(&old_ts) {
                    self.recently_exited.remove(&old);
                }
            }
        }
        self.recently_exited.insert(tid, ts);
        self.recently_exited_order.push_back((tid, ts));
    }

    /// True if `tid` exited less than two seconds before `ts`.
    fn exited_recently(&self, tid: i64, ts: u64) -> bool {
        self.recently_exited
            .get(&tid)
            .is_some_and(|&at| ts >= at && ts - at < RECENTLY_EXITED_NS)
    }

    /// Makes sure thread `tid` exists (lazily, as libs does) and returns
    /// it; `None` when the table is full (the thread is refused and
    /// counted).
    pub fn ensure_thread(&mut self, tid: i64) -> Option<&ThreadInfo> {
        self.ensure_thread_counted(tid, true)
    }

    /// [`ensure_thread`](Self::ensure_thread), counting a refusal only
    /// when `count` (an event's handler asks again for the thread the
    /// event already asked for).
    fn ensure_thread_counted(&mut self, tid: i64, count: bool) -> Option<&ThreadInfo> {
        if !self.threads.contains_key(&tid) {
            if self.threads.len() >= self.limits.thread_table_size {
                if count {
                    self.stats.refused_threads += 1;
                }
                return None;
            }
            let t = if self.live {
                proc::read_thread(tid).unwrap_or_else(|| ThreadInfo::placeholder(tid))
            } else {
                ThreadInfo::placeholder(tid)
            };
            self.stats.lazy_threads += 1;
            if t.container_needs_lookup() {
                self.containers.observe(&t.container_full_id);
            }
            self.threads.insert(tid, t);
            self.load_container_users(tid);
        }
        self.threads.get(&tid)
    }

    /// [`ensure_thread`](Self::ensure_thread) for an event of `tid` at
    /// `ts`: also records the thread's last activity.
    pub fn touch_thread(&mut self, tid: i64, ts: u64) {
        match self.threads.get_mut(&tid) {
            Some(t) => t.lastaccess_ts = ts,
            None => {
                if self.ensure_thread(tid).is_some() {
                    if let Some(t) = self.threads.get_mut(&tid) {
                        t.lastaccess_ts = ts;
                    }
                }
            }
        }
    }

    /// True if one more thread fits; counts a refusal when not.
    fn has_room_for_thread(&mut self) -> bool {
        if self.threads.len() >= self.limits.thread_table_size {
            self.stats.refused_threads += 1;
            return false;
        }
        true
    }

    /// Runs the purge of inactive threads when
    /// [`StateLimits::purge_interval_ns`] of event time has passed since
    /// the last scan (the first scan comes at most 30 s after the first
    /// event, as in libs). A thread goes when it has had no event for
    /// [`StateLimits::thread_timeout_ns`] and, for a live state, `/proc`
    /// no longer shows it alive (gone, or a zombie); a capture's state
    /// purges on the timeout alone. The fd table of a process goes with
    /// its last thread. Returns true if a scan ran.
    pub fn purge_inactive(&mut self, now: u64) -> bool {
        let interval = self.limits.purge_interval_ns;
        if interval == 0 {
            return false;
        }
        if self.last_purge_ts == 0 {
            let first = interval.min(30_000_000_000);
            self.last_purge_ts = now.saturating_sub(interval).saturating_add(first);
        }
        if now <= self.last_purge_ts.saturating_add(interval) {
            return false;
        }
        self.last_purge_ts = now;
        self.stats.purge_scans += 1;
        let timeout = self.limits.thread_timeout_ns;
        let live = self.live;
        let stale: Vec<i64> = self
            .threads
            .values()
            .filter(|t| now > t.lastaccess_ts.saturating_add(timeout))
            .filter(|t| !live || !proc::thread_alive(t.pid, t.tid))
            .map(|t| t.tid)
            .collect();
        for tid in stale {
            if self.remove_thread(tid) {
                self.stats.purged_threads += 1;
            }
        }
        // Fd tables no thread uses any more (their thread was refused, or
        // left before the table was made).
        let used: std::collections::HashSet<i64> = self.threads.values().map(fd_key).collect();
        let before = self.fds.len();
        self.fds.retain(|key, _| used.contains(key));
        self.stats.purged_fd_tables += (before - self.fds.len()) as u64;
        true
    }

    fn fd_table_mut(&mut self, tid: i64) -> &mut HashMap<i64, Fd> {
        let key = self.threads.get(&tid).map_or(tid, fd_key);
        self.fds.entry(key).or_default()
    }

    fn add_fd(&mut self, tid: i64, num: i64, fd: Fd) {
        if num < 0 {
            return;
        }
        let limit = self.limits.fd_table_size;
        let table = self.fd_table_mut(tid);
        if table.len() >= limit && !table.contains_key(&num) {
            self.stats.refused_fds += 1;
            return;
        }
        let name = fd.name.clone();
        table.insert(num, fd);
        self.note_name(tid, num, "", &name);
    }

    /// Records that the event changed fd `num`'s name from `old` to `new`
    /// (nothing when they are equal).
    fn note_name(&mut self, tid: i64, num: i64, old: &str, new: &str) {
        if old != new {
            let key = self.threads.get(&tid).map_or(tid, fd_key);
            self.name_changed = Some((key, num));
        }
    }

    /// Removes thread `tid` (and its process's fd table with its last
    /// thread); false if the table lacked it.
    fn remove_thread(&mut self, tid: i64) -> bool {
        let Some(t) = self.threads.remove(&tid) else {
            return false;
        };
        // Drop the process's fd table when its last thread goes.
        let key = fd_key(&t);
        let others = self.threads.values().any(|o| fd_key(o) == key);
        if !others {
            self.fds.remove(&key);
        }
        // A container's metadata (and its users) go with its last thread.
        if t.container_id != "host"
            && !t.container_id.is_empty()
            && !self
                .threads
                .values()
                .any(|o| o.container_id == t.container_id)
        {
            self.containers.forget(&t.container_id);
            self.container_users.remove(&t.container_id);
        }
        true
    }

    /// Updates the state with one event (in the current schema), as
    /// libsinsp's parser does before rules see the event.
    pub fn update(&mut self, e: &Event<'_>) {
        let tid = e.tid() as i64;
        let code = e.code();
        self.name_changed = None;
        let ok = match code {
            PPME_SYSCALL_CLONE_20_X
            | PPME_SYSCALL_FORK_20_X
            | PPME_SYSCALL_VFORK_20_X
            | PPME_SYSCALL_CLONE3_X => self.on_clone(e, tid),
            PPME_SYSCALL_EXECVE_19_X | PPME_SYSCALL_EXECVEAT_X => self.on_execve(e, tid),
            PPME_PROCEXIT_1_E => self.on_procexit(e, tid),
            PPME_SYSCALL_CHDIR_X => self.on_chdir(e, tid),
            PPME_SYSCALL_FCHDIR_X => self.on_fchdir(e, tid),
            PPME_SYSCALL_SETUID_X | PPME_SYSCALL_SETGID_X => self.on_setid(e, tid, code, 1),
            PPME_SYSCALL_SETRESUID_X
            | PPME_SYSCALL_SETRESGID_X
            | PPME_SYSCALL_SETREUID_X
            | PPME_SYSCALL_SETREGID_X => self.on_setid(e, tid, code, 2),
            PPME_SYSCALL_SETSID_X => {
                if let Some(r) = event_result(e).filter(|r| *r >= 0) {
                    if let Some(t) = self.threads.get_mut(&tid) {
                        t.sid = r;
                    }
                }
                true
            }
            PPME_SYSCALL_CAPSET_X => {
                if event_result(e) == Some(0) {
                    if let Some(t) = self.threads.get_mut(&tid) {
                        t.cap_inheritable =
                            p_u64(e, "cap_inheritable").unwrap_or(t.cap_inheritable);
                        t.cap_permitted = p_u64(e, "cap_permitted").unwrap_or(t.cap_permitted);
                        t.cap_effective = p_u64(e, "cap_effective").unwrap_or(t.cap_effective);
                    }
                }
                true
            }
            PPME_SYSCALL_OPEN_X
            | PPME_SYSCALL_OPENAT_2_X
            | PPME_SYSCALL_OPENAT2_X
            | PPME_SYSCALL_CREAT_X
            | PPME_SYSCALL_OPEN_BY_HANDLE_AT_X => self.on_open(e, tid),
            PPME_SOCKET_SOCKET_X => self.on_socket(e, tid),
            PPME_SOCKET_CONNECT_X => self.on_connect(e, tid),
            PPME_SOCKET_ACCEPT_5_X | PPME_SOCKET_ACCEPT4_6_X => self.on_accept(e, tid),
            PPME_SOCKET_BIND_X => self.on_bind(e, tid),
            PPME_SOCKET_SEND_X
            | PPME_SOCKET_SENDTO_X
            | PPME_SOCKET_SENDMSG_X
            | PPME_SOCKET_SENDMMSG_X => self.on_datagram(e, tid, false),
            PPME_SOCKET_RECV_X
            | PPME_SOCKET_RECVFROM_X
            | PPME_SOCKET_RECVMSG_X
            | PPME_SOCKET_RECVMMSG_X => self.on_datagram(e, tid, true),
            PPME_SYSCALL_DUP_1_X | PPME_SYSCALL_DUP2_X | PPME_SYSCALL_DUP3_X => {
                self.on_dup(e, tid, "oldfd")
            }
            PPME_SYSCALL_FCNTL_X => {
                // F_DUPFD (1) and F_DUPFD_CLOEXEC (0x1a) copy the fd.
                match p_u64(e, "cmd") {
                    Some(1) | Some(0x1a) => self.on_dup(e, tid, "fd"),
                    Some(_) => true,
                    None => false,
                }
            }
            PPME_SYSCALL_CLOSE_X => match (event_result(e), p_i64(e, "fd")) {
                (Some(r), Some(fd)) => {
                    if r >= 0 {
                        let key = self.threads.get(&tid).map_or(tid, fd_key);
                        self.pending_fd_removal = Some((key, fd));
                    }
                    true
                }
                _ => false,
            },
            PPME_SYSCALL_PIPE_X | PPME_SYSCALL_PIPE2_X => self.on_pair(e, tid, FdType::Pipe),
            PPME_SOCKET_SOCKETPAIR_X => self.on_pair(e, tid, FdType::Unix),
            PPME_SYSCALL_EVENTFD_X | PPME_SYSCALL_EVENTFD2_X => {
                self.on_new_fd(e, tid, FdType::Event, "")
            }
            PPME_SYSCALL_SIGNALFD_X | PPME_SYSCALL_SIGNALFD4_X => {
                self.on_new_fd(e, tid, FdType::Signalfd, "")
            }
            PPME_SYSCALL_TIMERFD_CREATE_X => self.on_new_fd(e, tid, FdType::Timerfd, ""),
            PPME_SYSCALL_INOTIFY_INIT_X | PPME_SYSCALL_INOTIFY_INIT1_X => {
                self.on_new_fd(e, tid, FdType::Inotify, "")
            }
            PPME_SYSCALL_EPOLL_CREATE_X | PPME_SYSCALL_EPOLL_CREATE1_X => {
                self.on_new_fd(e, tid, FdType::Eventpoll, "")
            }
            PPME_SYSCALL_BPF_2_X => self.on_new_fd(e, tid, FdType::Bpf, ""),
            PPME_SYSCALL_USERFAULTFD_X => self.on_new_fd(e, tid, FdType::Userfaultfd, ""),
            PPME_SYSCALL_IO_URING_SETUP_X => self.on_new_fd(e, tid, FdType::IoUring, ""),
            PPME_SYSCALL_PIDFD_OPEN_X => self.on_new_fd(e, tid, FdType::Pidfd, ""),
            PPME_SYSCALL_MEMFD_CREATE_X => {
                let name = p_str(e, "name").unwrap_or_default();
                self.on_new_fd(e, tid, FdType::Memfd, &format!("memfd:{name}"))
            }
            PPME_ASYNCEVENT_E | PPME_CONTAINER_JSON_E | PPME_CONTAINER_JSON_2_E => {
                self.on_async(e);
                true
            }
            _ => true,
        };
        if !ok {
            self.stats.malformed += 1;
        }
    }

    /// An async event (or an old capture's `container` JSON event): a
    /// container event names the container its fields
    /// read; on replay, it also tells the container's metadata to the
    /// events that follow (as the plugin's parser keeps it), until a
    /// `container_removed` event.
    fn on_async(&mut self, e: &Event<'_>) {
        let Some((name, c)) = container_event::decode(e) else {
            self.event_container = None;
            return;
        };
        if !self.containers.is_enabled() {
            if name == container_event::CONTAINER_ADDED {
                self.recorded_containers
                    .insert(c.id.clone(), c.info.clone());
            } else {
                self.recorded_containers.remove(&c.id);
            }
        }
        self.event_container = Some(c);
    }

    fn on_new_fd(&mut self, e: &Event<'_>, tid: i64, ty: FdType, name: &str) -> bool {
        let Some(fd) = event_result(e) else {
            return false;
        };
        self.add_fd(tid, fd, Fd::new(ty, name));
        true
    }

    fn on_pair(&mut self, e: &Event<'_>, tid: i64, ty: FdType) -> bool {
        let (Some(r), Some(a), Some(b)) = (event_result(e), p_i64(e, "fd1"), p_i64(e, "fd2"))
        else {
            return false;
        };
        if r >= 0 {
            self.add_fd(tid, a, Fd::new(ty, ""));
            self.add_fd(tid, b, Fd::new(ty, ""));
        }
        true
    }

    /// Clone exit: from the caller (res > 0, the child's tid) or from the
    /// child (res = 0). Whichever comes first creates the child; the child's
    /// own event refreshes it.
    fn on_clone(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let Some(res) = event_result(e) else {
            return false;
        };
        if res < 0 {
            return true;
        }
        let flags = p_u64(e, "flags").unwrap_or(0);
        let is_thread = flags & CL_CLONE_THREAD != 0;
        let (child_tid, child_pid, child_ptid, parent_tid) = if res > 0 {
            // Caller side: tid/pid/ptid describe the caller.
            let caller_pid = p_i64(e, "pid").unwrap_or(tid);
            let caller_ptid = p_i64(e, "ptid").unwrap_or(NO_ID);
            if self.threads.contains_key(&res) {
                return true;
            }
            // As libs: after a vfork the caller's event may come after the
            // child's exit, and a child that exited a moment ago must not
            // come back (it would stay in the table until the purge). The
            // child's own clone event, or its first event, creates it.
            if flags & CL_CLONE_VFORK != 0
                || e.code() == PPME_SYSCALL_VFORK_20_X
                || self.exited_recently(res, e.ts())
            {
                return true;
            }
            if is_thread {
                (res, caller_pid, caller_ptid, tid)
            } else {
                (res, res, caller_pid, tid)
            }
        } else {
            // The child's own event, late (events of different CPUs can
            // arrive a little out of order): it already exited.
            if self.exited_recently(tid, e.ts()) {
                self.stats.late_events += 1;
                return true;
            }
            let pid = p_i64(e, "pid").unwrap_or(tid);
            let ptid = p_i64(e, "ptid").unwrap_or(NO_ID);
            let parent = if is_thread { pid } else { ptid };
            (tid, pid, ptid, parent)
        };
        if !self.threads.contains_key(&child_tid) && !self.has_room_for_thread() {
            return true;
        }
        let mut child = self
            .threads
            .get(&parent_tid)
            .cloned()
            .unwrap_or_else(|| ThreadInfo::placeholder(child_tid));
        child.tid = child_tid;
        child.pid = child_pid;
        child.ptid = child_ptid;
        child.clone_ts = e.ts();
        if let Some(s) = p_str(e, "comm") {
            child.comm = s;
        }
        if let Some(s) = p_str(e, "exe") {
            child.exe = s;
        }
        if let Some(p) = e.param_by_name("args").filter(|p| !p.is_empty()) {
            child.args = p
                .as_charbuf_array()
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
        }
        if let Some(s) = p_str(e, "cwd") {
            child.cwd = with_slash(&s);
        }
        if let Some(p) = e.param_by_name("cgroups").filter(|p| !p.is_empty()) {
            child.set_cgroups(p.as_charbuf_array());
            if child.container_needs_lookup() {
                self.containers.observe(&child.container_full_id);
            }
        }
        if let Some(v) = e.param_by_name("uid").and_then(|p| p.as_u64()) {
            child.uid = v as u32;
        }
        if let Some(v) = e.param_by_name("gid").and_then(|p| p.as_u64()) {
            child.gid = v as u32;
        }
        if res == 0 {
            if let Some(v) = p_i64(e, "vtid") {
                child.vtid = v;
            }
            if let Some(v) = p_i64(e, "vpid") {
                child.vpid = v;
            }
        }
        if let Some(v) = p_u64(e, "pidns_init_start_ts") {
            child.pidns_init_start_ts = v;
        }
        if let Some(v) = p_i64(e, "fdlimit") {
            child.fdlimit = v;
        }
        child.flags = flags as u32;
        // A new process gets a copy of the parent's fds (libs copies them
        // even without CLONE_FILES); a thread shares them through its pid.
        if !is_thread && !self.fds.contains_key(&child_pid) {
            let parent_key = self.threads.get(&parent_tid).map_or(parent_tid, fd_key);
            if let Some(table) = self.fds.get(&parent_key).cloned() {
                self.fds.insert(child_pid, table);
            }
        }
        self.threads.insert(child_tid, child);
        true
    }

    fn on_execve(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let Some(res) = event_result(e) else {
            return false;
        };
        if res != 0 {
            return true;
        }
        self.ensure_thread_counted(tid, false);
        let cwd_now = self
            .threads
            .get(&tid)
            .map(|t| self.cwd(t).to_string())
            .unwrap_or_default();
        let Some(t) = self.threads.get_mut(&tid) else {
            // Refused (the table is full): counted there.
            return true;
        };
        // As libsinsp's parse_execve_exit: the new program's exe, comm and
        // argument list replace the old ones, an empty list included (a
        // program started with no arguments must not show its parent's);
        // an empty comm (old captures) becomes the exe; an absent pgid is -1.
        // The other parameters (env, cgroups, uid, caps, ...) only replace
        // the old values when the event carries them.
        t.exe = p_str(e, "exe").unwrap_or_default();
        t.args = e
            .param_by_name("args")
            .map(|p| {
                p.as_charbuf_array()
                    .map(|a| String::from_utf8_lossy(a).into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(v) = p_i64(e, "pid") {
            t.pid = v;
        }
        if let Some(v) = p_i64(e, "ptid") {
            t.ptid = v;
        }
        if let Some(s) = p_str(e, "cwd") {
            t.cwd = with_slash(&s);
        }
        t.comm = p_str(e, "comm")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| t.exe.clone());
        if let Some(p) = e.param_by_name("cgroups").filter(|p| !p.is_empty()) {
            t.set_cgroups(p.as_charbuf_array());
            if t.container_needs_lookup() {
                self.containers.observe(&t.container_full_id);
            }
        }
        if let Some(p) = e.param_by_name("env").filter(|p| !p.is_empty()) {
            t.env = p
                .as_charbuf_array()
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
        }
        if let Some(v) = p_u64(e, "tty") {
            t.tty = v as u32;
        }
        if let Some(v) = p_i64(e, "vpgid") {
            t.vpgid = v;
        }
        t.pgid = p_i64(e, "pgid").unwrap_or(-1);
        if let Some(v) = p_u64(e, "loginuid") {
            t.loginuid = v as u32;
        }
        if let Some(v) = p_u64(e, "uid") {
            t.uid = v as u32;
        }
        if let Some(v) = p_u64(e, "gid") {
            t.gid = v as u32;
        }
        if let Some(v) = p_i64(e, "fdlimit") {
            t.fdlimit = v;
        }
        if let Some(v) = p_u64(e, "cap_inheritable") {
            t.cap_inheritable = v;
        }
        if let Some(v) = p_u64(e, "cap_permitted") {
            t.cap_permitted = v;
        }
        if let Some(v) = p_u64(e, "cap_effective") {
            t.cap_effective = v;
        }
        if let Some(v) = p_u64(e, "exe_ino") {
            t.exe_ino = v;
        }
        if let Some(v) = p_u64(e, "exe_ino_ctime") {
            t.exe_ino_ctime = v;
        }
        if let Some(v) = p_u64(e, "exe_ino_mtime") {
            t.exe_ino_mtime = v;
        }
        if let Some(v) = p_u64(e, "flags") {
            // PPM_EXE_WRITABLE 1, UPPER_LAYER 2, FROM_MEMFD 4, LOWER_LAYER 8.
            t.exe_writable = v & 1 != 0;
            t.exe_upper_layer = v & 2 != 0;
            t.exe_from_memfd = v & 4 != 0;
            t.exe_lower_layer = v & 8 != 0;
        }
        // The program path: the kernel's trusted_exepath, else the filename
        // made absolute against the cwd (libs' fallback), else argv[0] if it
        // is already absolute.
        let exepath = p_str(e, "trusted_exepath")
            .filter(|s| !s.is_empty())
            .or_else(|| {
                p_str(e, "filename")
                    .filter(|s| !s.is_empty())
                    .map(|f| concat_paths(&cwd_now, &f))
            })
            .or_else(|| t.exe.starts_with('/').then(|| t.exe.clone()));
        // Never keep the previous program's path (a forked child starts
        // with its parent's): unknown is empty.
        t.exepath = exepath.unwrap_or_default();
        t.lastexec_ts = e.ts();
        let key = fd_key(t);
        // execve closes the O_CLOEXEC fds.
        if let Some(table) = self.fds.get_mut(&key) {
            table.retain(|_, f| f.flags & O_CLOEXEC == 0);
        }
        self.load_container_users(tid);
        true
    }

    fn on_procexit(&mut self, e: &Event<'_>, tid: i64) -> bool {
        // Reparent the children to the reaper (or init).
        let reaper = p_i64(e, "reaper_tid").filter(|r| *r > 0).unwrap_or(1);
        let dying_pid = self.threads.get(&tid).map(|t| t.pid);
        let last_of_process = match dying_pid {
            Some(pid) => !self.threads.values().any(|o| o.pid == pid && o.tid != tid),
            None => false,
        };
        if last_of_process {
            if let Some(pid) = dying_pid {
                for t in self.threads.values_mut() {
                    if t.ptid == pid && t.tid != tid {
                        t.ptid = reaper;
                    }
                }
            }
        }
        self.pending_thread_removal = Some((tid, e.ts()));
        self.on_init_exit(tid);
        true
    }

    /// As Falco's container plugin: when a container's init process (vpid
    /// and vtid 1) exits and the container's metadata is known, a
    /// `container_removed` event follows (live only: a capture holds its
    /// own).
    fn on_init_exit(&mut self, tid: i64) {
        if !self.containers.is_enabled() {
            return;
        }
        let Some(t) = self.threads.get(&tid) else {
            return;
        };
        if t.vpid != 1 || t.vtid != 1 || t.container_id == "host" {
            return;
        }
        if let runtime::Lookup::Found(info) = self.containers.get(&t.container_id) {
            if self.removed_containers.len() < runtime::MAX_PENDING_ANNOUNCEMENTS {
                self.removed_containers.push_back(info);
            }
        }
    }

    fn on_chdir(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let (Some(res), Some(path)) = (event_result(e), p_str(e, "path")) else {
            return false;
        };
        if res == 0 {
            self.set_cwd(tid, &path);
        }
        true
    }

    fn on_fchdir(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let (Some(res), Some(fd)) = (event_result(e), p_i64(e, "fd")) else {
            return false;
        };
        if res == 0 {
            let name = self
                .threads
                .get(&tid)
                .and_then(|t| self.fd(t, fd))
                .map(|f| f.name.clone());
            if let Some(n) = name {
                self.set_cwd(tid, &n);
            }
        }
        true
    }

    fn set_cwd(&mut self, tid: i64, path: &str) {
        let Some(t) = self.threads.get(&tid) else {
            return;
        };
        let new = with_slash(&concat_paths(self.cwd(t), path));
        let main = if self.threads.contains_key(&t.pid) {
            t.pid
        } else {
            tid
        };
        if let Some(m) = self.threads.get_mut(&main) {
            m.cwd = new.clone();
        }
        if let Some(t) = self.threads.get_mut(&tid) {
            t.cwd = new;
        }
    }

    /// setuid/setgid (`idx` = 1: the id) and setres*/setre* (`idx` = 2: the
    /// effective id); `-1` leaves the id unchanged.
    fn on_setid(&mut self, e: &Event<'_>, tid: i64, code: u16, idx: usize) -> bool {
        let (Some(res), Some(id)) = (event_result(e), e.param(idx).and_then(|p| p.as_u64())) else {
            return false;
        };
        if res != 0 || id as u32 == u32::MAX {
            return true;
        }
        let is_uid = matches!(
            code,
            PPME_SYSCALL_SETUID_X | PPME_SYSCALL_SETRESUID_X | PPME_SYSCALL_SETREUID_X
        );
        if let Some(t) = self.threads.get_mut(&tid) {
            if is_uid {
                t.uid = id as u32;
            } else {
                t.gid = id as u32;
            }
        }
        true
    }

    /// The directory an `*at` path is relative to: the cwd for
    /// `AT_FDCWD`, else the name of the dirfd.
    pub fn dirfd_path(&self, t: &ThreadInfo, dirfd: Option<i64>) -> Option<String> {
        match dirfd {
            None | Some(AT_FDCWD) => Some(self.cwd(t).to_string()),
            Some(fd) => self.fd(t, fd).map(|f| f.name.clone()),
        }
    }

    fn on_open(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let Some(fd) = event_result(e) else {
            return false;
        };
        if fd < 0 {
            return true;
        }
        let name_param = if e.code() == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X {
            "path"
        } else {
            "name"
        };
        let raw = p_str(e, name_param).unwrap_or_default();
        let mut flags = p_u64(e, "flags").unwrap_or(0) as u32;
        if e.code() == PPME_SYSCALL_CREAT_X {
            // creat = open(O_CREAT|O_WRONLY|O_TRUNC).
            flags |= 0x4 | 0x2 | 0x100;
        }
        self.ensure_thread_counted(tid, false);
        let name = if let Some(t) = self.threads.get(&tid) {
            if raw.starts_with('/') || e.code() == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X {
                concat_paths("/", &raw)
            } else {
                let dirfd = match e.code() {
                    PPME_SYSCALL_OPENAT_2_X | PPME_SYSCALL_OPENAT2_X => p_i64(e, "dirfd"),
                    _ => None,
                };
                match self.dirfd_path(t, dirfd) {
                    Some(dir) => concat_paths(&dir, &raw),
                    None => raw.clone(),
                }
            }
        } else {
            // A refused thread: no cwd to resolve against.
            raw.clone()
        };
        let ty = if flags & O_DIRECTORY != 0 {
            FdType::Directory
        } else {
            FdType::File
        };
        let mut f = Fd::new(ty, name);
        f.nameraw = raw;
        f.flags = flags;
        f.dev = p_u64(e, "dev").unwrap_or(0) as u32;
        f.ino = p_u64(e, "ino").unwrap_or(0);
        self.add_fd(tid, fd, f);
        true
    }

    fn on_socket(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let Some(fd) = event_result(e) else {
            return false;
        };
        let domain = p_u64(e, "domain").unwrap_or(0);
        let ty = match domain {
            1 => FdType::Unix,
            2 => FdType::Ipv4,
            10 => FdType::Ipv6,
            16 => FdType::Netlink,
            _ => FdType::Unsupported,
        };
        let mut f = Fd::new(ty, "");
        if f.is_ip_socket() {
            // From the protocol, or for IPPROTO_IP from the socket type
            // (SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3), as libs' add_socket.
            let sock_type = p_u64(e, "type").unwrap_or(0);
            let raw = sock_type & 0xff == 3;
            f.l4proto = match p_u64(e, "proto").unwrap_or(0) {
                6 if raw => L4Proto::Raw,
                6 => L4Proto::Tcp,
                17 if raw => L4Proto::Raw,
                17 => L4Proto::Udp,
                0 => match sock_type & 0xff {
                    1 => L4Proto::Tcp,
                    2 => L4Proto::Udp,
                    _ => L4Proto::Unknown,
                },
                1 if raw => L4Proto::Raw,
                1 => L4Proto::Icmp,
                255 => L4Proto::Raw,
                _ => L4Proto::Unknown,
            };
        }
        self.add_fd(tid, fd, f);
        true
    }

    /// Applies a socket tuple to fd `fd` of `tid`, creating the fd if the
    /// table lacks it (libs infers missing sockets from their use).
    fn set_tuple(&mut self, tid: i64, fd: i64, tuple: &SockTuple<'_>, server: bool) {
        if fd < 0 {
            return;
        }
        let limit = self.limits.fd_table_size;
        let table = self.fd_table_mut(tid);
        if table.len() >= limit && !table.contains_key(&fd) {
            self.stats.refused_fds += 1;
            return;
        }
        let table = self.fd_table_mut(tid);
        let prev = table.get(&fd);
        let l4 = prev.map_or(L4Proto::Unknown, |f| f.l4proto);
        let old = prev.map(|f| f.name.clone()).unwrap_or_default();
        let new = match *tuple {
            SockTuple::Inet {
                sip,
                sport,
                dip,
                dport,
            } => tuple_fd(
                FdType::Ipv4,
                IpAddr::V4(sip),
                sport,
                IpAddr::V4(dip),
                dport,
                if l4 == L4Proto::Unknown {
                    L4Proto::Tcp
                } else {
                    l4
                },
            ),
            SockTuple::Inet6 {
                sip,
                sport,
                dip,
                dport,
            } if sip.to_ipv4_mapped().is_some() && dip.to_ipv4_mapped().is_some() => tuple_fd(
                FdType::Ipv4,
                IpAddr::V6(sip).to_canonical(),
                sport,
                IpAddr::V6(dip).to_canonical(),
                dport,
                if l4 == L4Proto::Unknown {
                    L4Proto::Tcp
                } else {
                    l4
                },
            ),
            SockTuple::Inet6 {
                sip,
                sport,
                dip,
                dport,
            } => tuple_fd(
                FdType::Ipv6,
                IpAddr::V6(sip),
                sport,
                IpAddr::V6(dip),
                dport,
                if l4 == L4Proto::Unknown {
                    L4Proto::Tcp
                } else {
                    l4
                },
            ),
            SockTuple::Unix { path, .. } => {
                Fd::new(FdType::Unix, String::from_utf8_lossy(path).into_owned())
            }
            SockTuple::Other { .. } => return,
        };
        let mut new = new;
        new.server_role = Some(server);
        let name = new.name.clone();
        table.insert(fd, new);
        self.note_name(tid, fd, &old, &name);
    }

    fn on_connect(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let (Some(res), Some(fd)) = (event_result(e), p_i64(e, "fd")) else {
            return false;
        };
        if res < 0 && res != EINPROGRESS {
            return true;
        }
        match e.param_by_name("tuple").and_then(|p| p.as_socktuple()) {
            Some(t) => self.set_tuple(tid, fd, &t, false),
            None => {
                // No tuple: use the address the caller gave.
                if let Some(SockAddr::Unix { path }) =
                    e.param_by_name("addr").and_then(|p| p.as_sockaddr())
                {
                    let name = String::from_utf8_lossy(path).into_owned();
                    self.add_fd(tid, fd, Fd::new(FdType::Unix, name));
                }
            }
        }
        true
    }

    fn on_accept(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let Some(fd) = event_result(e) else {
            return false;
        };
        if fd < 0 {
            return true;
        }
        match e.param_by_name("tuple").and_then(|p| p.as_socktuple()) {
            Some(t) => self.set_tuple(tid, fd, &t, true),
            None => self.add_fd(tid, fd, Fd::new(FdType::Unknown, "")),
        }
        true
    }

    fn on_bind(&mut self, e: &Event<'_>, tid: i64) -> bool {
        let (Some(res), Some(fd)) = (event_result(e), p_i64(e, "fd")) else {
            return false;
        };
        if res != 0 {
            return true;
        }
        let addr = e.param_by_name("addr").and_then(|p| p.as_sockaddr());
        let table = self.fd_table_mut(tid);
        let Some(f) = table.get_mut(&fd) else {
            return true;
        };
        let old = f.name.clone();
        // The name is the address as given; a port makes it a server socket.
        match addr {
            Some(SockAddr::Inet { addr, port }) => {
                if port > 0 {
                    f.sock = Some(SockAddrs::Server {
                        ip: IpAddr::V4(addr),
                        port,
                    });
                    f.server_role = Some(true);
                }
                f.name = format!("{addr}:{port}");
            }
            Some(SockAddr::Inet6 { addr, port }) => {
                if port > 0 {
                    f.sock = Some(SockAddrs::Server {
                        ip: IpAddr::V6(addr),
                        port,
                    });
                    f.server_role = Some(true);
                }
                f.name = format!("{addr}:{port}");
            }
            Some(SockAddr::Unix { path }) => f.name = String::from_utf8_lossy(path).into_owned(),
            _ => {}
        }
        let new = f.name.clone();
        self.note_name(tid, fd, &old, &new);
        true
    }

    /// A send or receive that carries the peer's tuple names a socket that
    /// has no name yet or is not TCP (a datagram socket talks to a new peer
    /// at each call), as libs' `parse_rw_exit`: the protocol becomes UDP if
    /// unknown, a socket without a role guesses one (client unless the
    /// process serves the peer's destination port and does not use its
    /// source port as a client; then server; failing both, a receive makes
    /// a server), and the name and addresses follow the role (client side
    /// first). The tuple of a send is local -> peer; of a receive, peer ->
    /// local. Events without a tuple (old captures) change nothing.
    fn on_datagram(&mut self, e: &Event<'_>, tid: i64, incoming: bool) -> bool {
        let (Some(res), Some(fd)) = (event_result(e), p_i64(e, "fd")) else {
            return false;
        };
        if res < 0 || fd < 0 {
            return true;
        }
        let Some(tuple) = e.param_by_name("tuple").and_then(|p| p.as_socktuple()) else {
            return true;
        };
        let key = self.threads.get(&tid).map_or(tid, fd_key);
        let Some(table) = self.fds.get(&key) else {
            return true;
        };
        let Some(prev) = table.get(&fd) else {
            return true;
        };
        if !prev.name.is_empty() && prev.l4proto == L4Proto::Tcp {
            return true;
        }
        let (ty, local, remote) = match tuple {
            SockTuple::Inet {
                sip,
                sport,
                dip,
                dport,
            } => (
                FdType::Ipv4,
                (IpAddr::V4(sip), sport),
                (IpAddr::V4(dip), dport),
            ),
            SockTuple::Inet6 {
                sip,
                sport,
                dip,
                dport,
            } => {
                let (s, d) = (IpAddr::V6(sip), IpAddr::V6(dip));
                let mapped = sip.to_ipv4_mapped().is_some() && dip.to_ipv4_mapped().is_some();
                if mapped {
                    (
                        FdType::Ipv4,
                        (s.to_canonical(), sport),
                        (d.to_canonical(), dport),
                    )
                } else {
                    (FdType::Ipv6, (s, sport), (d, dport))
                }
            }
            SockTuple::Unix { path, .. } => {
                let mut f = prev.clone();
                f.ty = FdType::Unix;
                f.name = String::from_utf8_lossy(path).into_owned();
                let old = prev.name.clone();
                let new = f.name.clone();
                self.fds.entry(key).or_default().insert(fd, f);
                self.note_name(tid, fd, &old, &new);
                return true;
            }
            SockTuple::Other { .. } => return true,
        };
        let (local, remote) = if incoming {
            (remote, local)
        } else {
            (local, remote)
        };
        let server = match prev.server_role {
            Some(r) => r,
            None => {
                let bound = table.values().any(|f| match f.sock {
                    Some(SockAddrs::Server { port, .. }) => port == local.1,
                    Some(SockAddrs::Tuple { sport, .. }) => {
                        f.server_role == Some(true) && sport == local.1
                    }
                    None => false,
                });
                let client_port = table.values().any(|f| match f.sock {
                    Some(SockAddrs::Tuple { cport, .. }) => {
                        f.server_role == Some(false) && cport == local.1
                    }
                    _ => false,
                });
                if !bound {
                    false
                } else if !client_port {
                    true
                } else {
                    incoming
                }
            }
        };
        let l4 = match prev.l4proto {
            L4Proto::Unknown => L4Proto::Udp,
            l4 => l4,
        };
        let ((cip, cport), (sip, sport)) = if server {
            (remote, local)
        } else {
            (local, remote)
        };
        let mut f = tuple_fd(ty, cip, cport, sip, sport, l4);
        f.server_role = Some(server);
        f.flags = prev.flags;
        f.ino = prev.ino;
        let old = prev.name.clone();
        let new = f.name.clone();
        self.fds.entry(key).or_default().insert(fd, f);
        self.note_name(tid, fd, &old, &new);
        true
    }

    fn on_dup(&mut self, e: &Event<'_>, tid: i64, old_param: &str) -> bool {
        let (Some(res), Some(old)) = (event_result(e), p_i64(e, old_param)) else {
            return false;
        };
        if res < 0 || res == old {
            return true;
        }
        let table = self.fd_table_mut(tid);
        if let Some(mut f) = table.get(&old).cloned() {
            // The copy does not inherit O_CLOEXEC unless asked (dup3 flags,
            // F_DUPFD_CLOEXEC).
            f.flags &= !O_CLOEXEC;
            table.insert(res, f);
        } else {
            table.remove(&res);
        }
        true
    }
}

/// The key of a thread's fd table: its pid, or its tid while the pid is
/// unknown.
fn fd_key(t: &ThreadInfo) -> i64 {
    if t.pid > 0 {
        t.pid
    } else {
        t.tid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scap::{FdInfo, FdKind, FdTable, ProcInfo};
    use std::net::Ipv4Addr;

    /// The codes a source must deliver for the state, as the state applies
    /// them (one `HostState::update` arm each), and procexit.
    #[test]
    fn the_state_event_types_are_the_exits_the_state_applies() {
        #[rustfmt::skip]
        let mut want = vec![
            PPME_SYSCALL_CLONE_20_X, PPME_SYSCALL_FORK_20_X, PPME_SYSCALL_VFORK_20_X,
            PPME_SYSCALL_CLONE3_X, PPME_SYSCALL_EXECVE_19_X, PPME_SYSCALL_EXECVEAT_X,
            PPME_PROCEXIT_1_E, PPME_SYSCALL_CHDIR_X, PPME_SYSCALL_FCHDIR_X,
            PPME_SYSCALL_SETUID_X, PPME_SYSCALL_SETGID_X, PPME_SYSCALL_SETRESUID_X,
            PPME_SYSCALL_SETRESGID_X, PPME_SYSCALL_SETREUID_X, PPME_SYSCALL_SETREGID_X,
            PPME_SYSCALL_SETSID_X, PPME_SYSCALL_CAPSET_X, PPME_SYSCALL_OPEN_X,
            PPME_SYSCALL_OPENAT_2_X, PPME_SYSCALL_OPENAT2_X, PPME_SYSCALL_CREAT_X,
            PPME_SYSCALL_OPEN_BY_HANDLE_AT_X, PPME_SOCKET_SOCKET_X, PPME_SOCKET_CONNECT_X,
            PPME_SOCKET_ACCEPT_5_X, PPME_SOCKET_ACCEPT4_6_X, PPME_SOCKET_BIND_X,
            PPME_SYSCALL_DUP_1_X, PPME_SYSCALL_DUP2_X, PPME_SYSCALL_DUP3_X,
            PPME_SYSCALL_FCNTL_X, PPME_SYSCALL_CLOSE_X, PPME_SYSCALL_PIPE_X,
            PPME_SYSCALL_PIPE2_X, PPME_SOCKET_SOCKETPAIR_X, PPME_SYSCALL_EVENTFD_X,
            PPME_SYSCALL_EVENTFD2_X, PPME_SYSCALL_SIGNALFD_X, PPME_SYSCALL_SIGNALFD4_X,
            PPME_SYSCALL_TIMERFD_CREATE_X, PPME_SYSCALL_INOTIFY_INIT_X,
            PPME_SYSCALL_INOTIFY_INIT1_X, PPME_SYSCALL_EPOLL_CREATE_X,
            PPME_SYSCALL_EPOLL_CREATE1_X, PPME_SYSCALL_BPF_2_X, PPME_SYSCALL_USERFAULTFD_X,
            PPME_SYSCALL_IO_URING_SETUP_X, PPME_SYSCALL_PIDFD_OPEN_X,
            PPME_SYSCALL_MEMFD_CREATE_X,
        ];
        want.sort_unstable();
        let got: Vec<u16> = state_event_types().iter().collect();
        assert_eq!(got, want);
    }

    /// Each row's code is the current exit event of the syscall it names, so
    /// the probe (which captures by name) and the state (which applies by
    /// code) cannot drift apart.
    #[test]
    fn every_state_row_names_the_syscall_of_its_exit_event() {
        let mut names = std::collections::HashSet::new();
        for row in STATE_SYSCALLS {
            assert!(names.insert(row.name), "{} listed twice", row.name);
            assert!(crate::table::is_syscall_name(row.name), "{}", row.name);
            let Some(code) = row.applied else { continue };
            let info = crate::table::event_info(code).expect("a known code");
            assert_eq!(info.name, row.name, "code {code}");
            assert_eq!(
                crate::table::Direction::of(code),
                crate::table::Direction::Exit
            );
            assert!(!info.is_old_version(), "{}", row.name);
        }
        let captured: Vec<&str> = state_syscalls().collect();
        assert_eq!(captured.len(), STATE_SYSCALLS.len() - 1);
        assert!(!captured.contains(&"bpf"));
    }

    #[test]
    fn capture_sockets_on_a_listening_port_are_the_server_side() {
        let web = Ipv4Addr::new(10, 0, 0, 1);
        let peer = Ipv4Addr::new(10, 0, 0, 9);
        let m = Metadata {
            procs: vec![ProcInfo {
                tid: 10,
                pid: 10,
                comm: "nginx".into(),
                ..ProcInfo::default()
            }],
            fds: vec![FdTable {
                tid: 10,
                fds: vec![
                    FdInfo {
                        fd: 3,
                        ino: 0,
                        kind: FdKind::Ipv4ServSock {
                            ip: web,
                            port: 80,
                            l4proto: 1,
                        },
                    },
                    // As /proc shows an accepted connection: local side first.
                    FdInfo {
                        fd: 4,
                        ino: 0,
                        kind: FdKind::Ipv4Sock {
                            sip: web,
                            dip: peer,
                            sport: 80,
                            dport: 5555,
                            l4proto: 1,
                        },
                    },
                    FdInfo {
                        fd: 5,
                        ino: 0,
                        kind: FdKind::Ipv4Sock {
                            sip: web,
                            dip: peer,
                            sport: 6000,
                            dport: 443,
                            l4proto: 1,
                        },
                    },
                ],
            }],
            ..Metadata::default()
        };
        let s = HostState::from_metadata(&m);
        let t = s.thread(10).unwrap();
        let accepted = s.fd(t, 4).unwrap();
        assert_eq!(accepted.name, "10.0.0.9:5555->10.0.0.1:80");
        assert_eq!(accepted.server_role, Some(true));
        let outgoing = s.fd(t, 5).unwrap();
        assert_eq!(outgoing.name, "10.0.0.1:6000->10.0.0.9:443");
        assert_eq!(outgoing.server_role, Some(false));
        assert_eq!(s.fd(t, 3).unwrap().name, "10.0.0.1:80");
    }

    #[test]
    fn concat_paths_normalises_like_libs() {
        let cases = [
            ("/home/user/", "file.txt", "/home/user/file.txt"),
            ("/home/user/", "/etc/passwd", "/etc/passwd"),
            ("/home/user/", "../other/./f", "/home/other/f"),
            ("/", "..", "/"),
            ("/a//b/", "c//d/", "/a/b/c/d"),
            ("/tmp/", ".", "/tmp"),
        ];
        for (dir, path, want) in cases {
            assert_eq!(concat_paths(dir, path), want, "{dir} + {path}");
        }
    }
}

//! Field extraction: the values of rule fields (`proc.name`, `fd.name`,
//! `evt.arg.flags`, ...) for one event, computed from the event and the
//! [`HostState`] as libsinsp's filter checks compute them.
//!
//! [`EventContext`] implements [`FieldExtractor`] for the fields of the
//! [`SyscallFields`](crate::SyscallFields) catalog; the [`Inspector`]
//! hands one out per event. Unavailable values (no thread, no fd, a field
//! that does not apply to the event) make the field unavailable, so every
//! check on it is false, as in Falco.
//!
//! # What is computed, and what is not
//!
//! - `evt.*`: everything the official rules use, with libs' formatting of
//!   parameters (`evt.arg.flags` = `O_RDONLY|O_CLOEXEC`, `evt.arg.fd` =
//!   `<f>/etc/shadow`, `evt.arg.res` = `ENOENT`, `evt.args` =
//!   `fd=3(<f>/etc/shadow) name=... `). Times are printed in UTC.
//! - `proc.*`, `thread.*`, `user.*`, `group.*`, `fd.*`: from the state.
//!   `proc.aname`, `proc.aexe`, `proc.aexepath`, `proc.acmdline`,
//!   `proc.apid` without an index yield every ancestor (the rule compiler
//!   matches any); `fd.ip`, `fd.port`, `fd.net`, `fd.proto` yield both
//!   sides.
//! - `container.id` / `container.full_id` come from the cgroups (`host`
//!   outside containers); `container.name` is `host` on the host;
//!   `container.start_ts`/`container.duration` come from the start of the
//!   container's pid namespace. We have no container runtime, so the other
//!   `container.*` fields (image, privileged, mounts, labels, ...) are
//!   unavailable inside containers (every check on them is false) and
//!   empty/false on the host, as the plugin reports them there. `k8s.*`,
//!   `container.mount*`, `fd.name_changed` (always false) and the DNS-name
//!   fields (`fd.sip.name`, ...) are not computed.
//!
//! [`Inspector`]: crate::state::Inspector

use std::fmt::Write as _;
use std::net::IpAddr;
use std::sync::OnceLock;

use falco_rules::{Field, FieldArg, FieldExtractor, FieldType, IpNet, Values};

use crate::event::{Event, Param, SockAddr, SockTuple};
use crate::fields;
use crate::state::{concat_paths, event_result, Fd, FdType, HostState, SockAddrs, ThreadInfo};
use crate::table::{self, Direction, EventFlags, ParamType, PrintFormat};

/// Everything the fields of one event are computed from.
#[derive(Clone, Copy, Debug)]
pub struct EventContext<'a> {
    /// The event.
    pub event: Event<'a>,
    /// The host state after the event was applied.
    pub state: &'a HostState,
    /// `evt.num`: the event's number in its stream, from 1.
    pub num: u64,
    /// The CPU, when the source knows it.
    pub cpu: Option<u16>,
    /// The thread of the event.
    pub thread: Option<&'a ThreadInfo>,
    /// The fd number the event works on, when it has one.
    pub fd_num: Option<i64>,
    /// That fd's table entry.
    pub fd: Option<&'a Fd>,
    /// Timestamp of the first event of the stream (for `evt.reltime`).
    pub first_ts: u64,
    /// Timestamp of the previous event (for `evt.deltatime`).
    pub prev_ts: u64,
}

/// The fd an event works on (libs' per-event fd location): the `fd`
/// parameter, `oldfd` for dup*, `fd1` for pipes; none for events without
/// `EF_USES_FD`/`EF_CREATES_FD`.
pub fn event_fd(e: &Event<'_>) -> Option<i64> {
    let flags = e.info().flags;
    if !flags.contains(EventFlags::USES_FD) && !flags.contains(EventFlags::CREATES_FD) {
        return None;
    }
    for name in ["fd", "oldfd", "fd1"] {
        if let Some(p) = e.param_by_name(name) {
            return p.as_i64();
        }
    }
    // Events that return their new fd in `res` (eventfd, inotify, ...).
    if flags.contains(EventFlags::CREATES_FD) {
        return event_result(e);
    }
    None
}

impl<'a> EventContext<'a> {
    /// The event code, for [`falco_rules::engine::Ruleset::matching`].
    pub fn code(&self) -> u16 {
        self.event.code()
    }

    /// A context for `event` over `state`: looks up the event's thread and
    /// fd.
    pub fn new(event: Event<'a>, state: &'a HostState, num: u64) -> EventContext<'a> {
        let thread = state.thread(event.tid() as i64);
        let fd_num = event_fd(&event);
        let fd = match (thread, fd_num) {
            (Some(t), Some(n)) => state.fd(t, n),
            _ => None,
        };
        EventContext {
            event,
            state,
            num,
            cpu: None,
            thread,
            fd_num,
            fd,
            first_ts: event.ts(),
            prev_ts: event.ts(),
        }
    }
}

/// What a catalog field computes (one variant per implemented field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Unavailable,
    // evt
    EvtType,
    EvtTypeIs,
    SyscallType,
    EvtNum,
    EvtTime,
    EvtTimeS,
    EvtTimeIso,
    EvtDatetime,
    EvtDatetimeS,
    EvtRawtime,
    EvtRawtimeS,
    EvtRawtimeNs,
    EvtReltime,
    EvtReltimeS,
    EvtReltimeNs,
    EvtDeltatime,
    EvtDeltatimeS,
    EvtDeltatimeNs,
    EvtDir,
    EvtCpu,
    EvtCategory,
    EvtArgs,
    EvtArg,
    EvtRawarg,
    EvtBuffer,
    EvtBuflen,
    EvtRes,
    EvtRawres,
    EvtFailed,
    EvtIsIo,
    EvtIsIoRead,
    EvtIsIoWrite,
    EvtIoDir,
    EvtIsWait,
    EvtCount,
    EvtCountError,
    EvtCountExit,
    EvtIsOpenRead,
    EvtIsOpenWrite,
    EvtIsOpenExec,
    EvtIsOpenCreate,
    EvtAbspath,
    EvtAbspathSrc,
    EvtAbspathDst,
    EvtSource,
    EvtIsAsync,
    EvtHostname,
    EvtLatency,
    // proc / thread
    ProcName,
    ProcPname,
    ProcAname,
    ProcExe,
    ProcPexe,
    ProcAexe,
    ProcExepath,
    ProcPexepath,
    ProcAexepath,
    ProcArgs,
    ProcCmdline,
    ProcPcmdline,
    ProcAcmdline,
    ProcCmdnargs,
    ProcCmdlenargs,
    ProcExeline,
    ProcEnv,
    ProcAenv,
    ProcCwd,
    ProcTty,
    ProcPid,
    ProcPpid,
    ProcApid,
    ProcVpid,
    ProcPvpid,
    ProcSid,
    ProcSname,
    ProcSidExe,
    ProcSidExepath,
    ProcVpgid,
    ProcVpgidName,
    ProcVpgidExe,
    ProcVpgidExepath,
    ProcPgid,
    ProcLoginshellid,
    ProcDuration,
    ProcPpidDuration,
    ProcPidTs,
    ProcPpidTs,
    ProcIsExeWritable,
    ProcIsExeUpperLayer,
    ProcIsExeLowerLayer,
    ProcIsExeFromMemfd,
    ProcIsSidLeader,
    ProcIsVpgidLeader,
    ProcIsPgidLeader,
    ProcExeIno,
    ProcExeInoCtime,
    ProcExeInoMtime,
    ProcExeInoCtimeDurationProcStart,
    ProcExeInoCtimeDurationPidnsStart,
    ProcPidnsInitStartTs,
    CapPermitted,
    CapInheritable,
    CapEffective,
    ProcFdopencount,
    ProcFdlimit,
    ProcVmsize,
    ProcVmrss,
    ProcVmswap,
    ThreadTid,
    ThreadIsmain,
    ThreadVtid,
    ThreadCgroups,
    ThreadCgroup,
    ProcNthreads,
    ProcNchilds,
    ProcStdType(i64),
    ProcStdName(i64),
    // fd
    FdNum,
    FdTypeName,
    FdTypechar,
    FdName,
    FdDirectory,
    FdFilename,
    FdIp,
    FdCip,
    FdSip,
    FdLip,
    FdRip,
    FdPort,
    FdCport,
    FdSport,
    FdLport,
    FdRport,
    FdL4proto,
    FdSockfamily,
    FdIsServer,
    FdUid,
    FdContainername,
    FdContainerdirectory,
    FdNet,
    FdCnet,
    FdSnet,
    FdLnet,
    FdRnet,
    FdConnected,
    FdNameChanged,
    FdDev,
    FdDevMajor,
    FdDevMinor,
    FdIno,
    FdNameraw,
    FdTypes,
    // user / group
    UserUid,
    UserName,
    UserHomedir,
    UserShell,
    UserLoginuid,
    UserLoginname,
    GroupGid,
    GroupName,
    // container
    ContainerId,
    ContainerFullId,
    ContainerName,
    ContainerHostString,
    ContainerHostBool,
    ContainerStartTs,
    ContainerDuration,
}

fn kind_of(name: &str) -> K {
    use K::*;
    match name {
        "evt.type" => EvtType,
        "evt.type.is" => EvtTypeIs,
        "syscall.type" => SyscallType,
        "evt.num" => EvtNum,
        "evt.time" | "evt.outputtime" => EvtTime,
        "evt.time.s" => EvtTimeS,
        "evt.time.iso8601" => EvtTimeIso,
        "evt.datetime" => EvtDatetime,
        "evt.datetime.s" => EvtDatetimeS,
        "evt.rawtime" => EvtRawtime,
        "evt.rawtime.s" => EvtRawtimeS,
        "evt.rawtime.ns" => EvtRawtimeNs,
        "evt.reltime" => EvtReltime,
        "evt.reltime.s" => EvtReltimeS,
        "evt.reltime.ns" => EvtReltimeNs,
        "evt.deltatime" => EvtDeltatime,
        "evt.deltatime.s" => EvtDeltatimeS,
        "evt.deltatime.ns" => EvtDeltatimeNs,
        "evt.dir" => EvtDir,
        "evt.cpu" => EvtCpu,
        "evt.category" => EvtCategory,
        "evt.args" | "evt.info" => EvtArgs,
        "evt.arg" => EvtArg,
        "evt.rawarg" => EvtRawarg,
        "evt.buffer" => EvtBuffer,
        "evt.buflen" => EvtBuflen,
        "evt.res" => EvtRes,
        "evt.rawres" => EvtRawres,
        "evt.failed" => EvtFailed,
        "evt.is_io" => EvtIsIo,
        "evt.is_io_read" => EvtIsIoRead,
        "evt.is_io_write" => EvtIsIoWrite,
        "evt.io_dir" => EvtIoDir,
        "evt.is_wait" => EvtIsWait,
        "evt.count" => EvtCount,
        "evt.count.error" => EvtCountError,
        "evt.count.exit" => EvtCountExit,
        "evt.is_open_read" => EvtIsOpenRead,
        "evt.is_open_write" => EvtIsOpenWrite,
        "evt.is_open_exec" => EvtIsOpenExec,
        "evt.is_open_create" => EvtIsOpenCreate,
        "evt.abspath" => EvtAbspath,
        "evt.abspath.src" => EvtAbspathSrc,
        "evt.abspath.dst" => EvtAbspathDst,
        "evt.source" => EvtSource,
        "evt.is_async" => EvtIsAsync,
        "evt.hostname" => EvtHostname,
        "evt.latency" | "evt.latency.s" | "evt.latency.ns" => EvtLatency,
        "proc.name" => ProcName,
        "proc.pname" => ProcPname,
        "proc.aname" => ProcAname,
        "proc.exe" => ProcExe,
        "proc.pexe" => ProcPexe,
        "proc.aexe" => ProcAexe,
        "proc.exepath" => ProcExepath,
        "proc.pexepath" => ProcPexepath,
        "proc.aexepath" => ProcAexepath,
        "proc.args" => ProcArgs,
        "proc.cmdline" => ProcCmdline,
        "proc.pcmdline" => ProcPcmdline,
        "proc.acmdline" => ProcAcmdline,
        "proc.cmdnargs" => ProcCmdnargs,
        "proc.cmdlenargs" => ProcCmdlenargs,
        "proc.exeline" => ProcExeline,
        "proc.env" => ProcEnv,
        "proc.aenv" => ProcAenv,
        "proc.cwd" => ProcCwd,
        "proc.tty" => ProcTty,
        "proc.pid" => ProcPid,
        "proc.ppid" => ProcPpid,
        "proc.apid" => ProcApid,
        "proc.vpid" => ProcVpid,
        "proc.pvpid" => ProcPvpid,
        "proc.sid" => ProcSid,
        "proc.sname" => ProcSname,
        "proc.sid.exe" => ProcSidExe,
        "proc.sid.exepath" => ProcSidExepath,
        "proc.vpgid" => ProcVpgid,
        "proc.vpgid.name" => ProcVpgidName,
        "proc.vpgid.exe" => ProcVpgidExe,
        "proc.vpgid.exepath" => ProcVpgidExepath,
        "proc.pgid" => ProcPgid,
        "proc.loginshellid" => ProcLoginshellid,
        "proc.duration" => ProcDuration,
        "proc.ppid.duration" => ProcPpidDuration,
        "proc.pid.ts" => ProcPidTs,
        "proc.ppid.ts" => ProcPpidTs,
        "proc.is_exe_writable" => ProcIsExeWritable,
        "proc.is_exe_upper_layer" => ProcIsExeUpperLayer,
        "proc.is_exe_lower_layer" => ProcIsExeLowerLayer,
        "proc.is_exe_from_memfd" => ProcIsExeFromMemfd,
        "proc.is_sid_leader" => ProcIsSidLeader,
        "proc.is_vpgid_leader" => ProcIsVpgidLeader,
        "proc.is_pgid_leader" => ProcIsPgidLeader,
        "proc.exe_ino" => ProcExeIno,
        "proc.exe_ino.ctime" => ProcExeInoCtime,
        "proc.exe_ino.mtime" => ProcExeInoMtime,
        "proc.exe_ino.ctime_duration_proc_start" => ProcExeInoCtimeDurationProcStart,
        "proc.exe_ino.ctime_duration_pidns_start" => ProcExeInoCtimeDurationPidnsStart,
        "proc.pidns_init_start_ts" => ProcPidnsInitStartTs,
        "thread.cap_permitted" => CapPermitted,
        "thread.cap_inheritable" => CapInheritable,
        "thread.cap_effective" => CapEffective,
        "proc.fdopencount" => ProcFdopencount,
        "proc.fdlimit" => ProcFdlimit,
        "proc.vmsize" | "thread.vmsize" => ProcVmsize,
        "proc.vmrss" | "thread.vmrss" => ProcVmrss,
        "proc.vmswap" => ProcVmswap,
        "thread.tid" => ThreadTid,
        "thread.ismain" => ThreadIsmain,
        "thread.vtid" => ThreadVtid,
        "thread.cgroups" => ThreadCgroups,
        "thread.cgroup" => ThreadCgroup,
        "proc.nthreads" => ProcNthreads,
        "proc.nchilds" => ProcNchilds,
        "proc.stdin.type" => ProcStdType(0),
        "proc.stdout.type" => ProcStdType(1),
        "proc.stderr.type" => ProcStdType(2),
        "proc.stdin.name" => ProcStdName(0),
        "proc.stdout.name" => ProcStdName(1),
        "proc.stderr.name" => ProcStdName(2),
        "fd.num" => FdNum,
        "fd.type" => FdTypeName,
        "fd.typechar" => FdTypechar,
        "fd.name" => FdName,
        "fd.directory" => FdDirectory,
        "fd.filename" => FdFilename,
        "fd.ip" => FdIp,
        "fd.cip" => FdCip,
        "fd.sip" => FdSip,
        "fd.lip" => FdLip,
        "fd.rip" => FdRip,
        "fd.port" => FdPort,
        "fd.cport" => FdCport,
        "fd.sport" => FdSport,
        "fd.lport" => FdLport,
        "fd.rport" => FdRport,
        "fd.l4proto" => FdL4proto,
        "fd.sockfamily" => FdSockfamily,
        "fd.is_server" => FdIsServer,
        "fd.uid" => FdUid,
        "fd.containername" => FdContainername,
        "fd.containerdirectory" => FdContainerdirectory,
        "fd.net" => FdNet,
        "fd.cnet" => FdCnet,
        "fd.snet" => FdSnet,
        "fd.lnet" => FdLnet,
        "fd.rnet" => FdRnet,
        "fd.connected" => FdConnected,
        "fd.name_changed" => FdNameChanged,
        "fd.dev" => FdDev,
        "fd.dev.major" => FdDevMajor,
        "fd.dev.minor" => FdDevMinor,
        "fd.ino" => FdIno,
        "fd.nameraw" => FdNameraw,
        "fd.types" => FdTypes,
        "user.uid" => UserUid,
        "user.name" => UserName,
        "user.homedir" => UserHomedir,
        "user.shell" => UserShell,
        "user.loginuid" => UserLoginuid,
        "user.loginname" => UserLoginname,
        "group.gid" => GroupGid,
        "group.name" => GroupName,
        "container.id" => ContainerId,
        "container.full_id" => ContainerFullId,
        "container.name" => ContainerName,
        "container.image"
        | "container.image.id"
        | "container.type"
        | "container.image.repository"
        | "container.image.tag"
        | "container.image.digest"
        | "container.mounts"
        | "container.ip"
        | "container.cni.json"
        | "container.labels" => ContainerHostString,
        "container.privileged"
        | "container.host_pid"
        | "container.host_network"
        | "container.host_ipc" => ContainerHostBool,
        "container.start_ts" => ContainerStartTs,
        "container.duration" => ContainerDuration,
        _ => Unavailable,
    }
}

fn kinds() -> &'static [K] {
    static KINDS: OnceLock<Vec<K>> = OnceLock::new();
    KINDS.get_or_init(|| fields::fields().iter().map(|f| kind_of(f.name)).collect())
}

/// True if the catalog field `name` has an extractor here (the others are
/// always unavailable).
pub fn is_implemented(name: &str) -> bool {
    kind_of(name) != K::Unavailable
}

const OPEN_EXITS: &[u16] = &[
    table::codes::PPME_SYSCALL_OPEN_X,
    table::codes::PPME_SYSCALL_OPENAT_2_X,
    table::codes::PPME_SYSCALL_OPENAT2_X,
    table::codes::PPME_SYSCALL_OPEN_BY_HANDLE_AT_X,
    table::codes::PPME_SYSCALL_CREAT_X,
];

/// Linux errno names by number (1..=133), as libs prints them.
static ERRNO: [&str; 134] = [
    "",
    "EPERM",
    "ENOENT",
    "ESRCH",
    "EINTR",
    "EIO",
    "ENXIO",
    "E2BIG",
    "ENOEXEC",
    "EBADF",
    "ECHILD",
    "EAGAIN",
    "ENOMEM",
    "EACCES",
    "EFAULT",
    "ENOTBLK",
    "EBUSY",
    "EEXIST",
    "EXDEV",
    "ENODEV",
    "ENOTDIR",
    "EISDIR",
    "EINVAL",
    "ENFILE",
    "EMFILE",
    "ENOTTY",
    "ETXTBSY",
    "EFBIG",
    "ENOSPC",
    "ESPIPE",
    "EROFS",
    "EMLINK",
    "EPIPE",
    "EDOM",
    "ERANGE",
    "EDEADLK",
    "ENAMETOOLONG",
    "ENOLCK",
    "ENOSYS",
    "ENOTEMPTY",
    "ELOOP",
    "",
    "ENOMSG",
    "EIDRM",
    "ECHRNG",
    "EL2NSYNC",
    "EL3HLT",
    "EL3RST",
    "ELNRNG",
    "EUNATCH",
    "ENOCSI",
    "EL2HLT",
    "EBADE",
    "EBADR",
    "EXFULL",
    "ENOANO",
    "EBADRQC",
    "EBADSLT",
    "",
    "EBFONT",
    "ENOSTR",
    "ENODATA",
    "ETIME",
    "ENOSR",
    "ENONET",
    "ENOPKG",
    "EREMOTE",
    "ENOLINK",
    "EADV",
    "ESRMNT",
    "ECOMM",
    "EPROTO",
    "EMULTIHOP",
    "EDOTDOT",
    "EBADMSG",
    "EOVERFLOW",
    "ENOTUNIQ",
    "EBADFD",
    "EREMCHG",
    "ELIBACC",
    "ELIBBAD",
    "ELIBSCN",
    "ELIBMAX",
    "ELIBEXEC",
    "EILSEQ",
    "ERESTART",
    "ESTRPIPE",
    "EUSERS",
    "ENOTSOCK",
    "EDESTADDRREQ",
    "EMSGSIZE",
    "EPROTOTYPE",
    "ENOPROTOOPT",
    "EPROTONOSUPPORT",
    "ESOCKTNOSUPPORT",
    "EOPNOTSUPP",
    "EPFNOSUPPORT",
    "EAFNOSUPPORT",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ENOBUFS",
    "EISCONN",
    "ENOTCONN",
    "ESHUTDOWN",
    "ETOOMANYREFS",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "EALREADY",
    "EINPROGRESS",
    "ESTALE",
    "EUCLEAN",
    "ENOTNAM",
    "ENAVAIL",
    "EISNAM",
    "EREMOTEIO",
    "EDQUOT",
    "ENOMEDIUM",
    "EMEDIUMTYPE",
    "ECANCELED",
    "ENOKEY",
    "EKEYEXPIRED",
    "EKEYREVOKED",
    "EKEYREJECTED",
    "EOWNERDEAD",
    "ENOTRECOVERABLE",
    "ERFKILL",
    "EHWPOISON",
];

/// The name of errno `-res` (`ENOENT` for -2); `None` for other values.
pub fn errno_name(res: i64) -> Option<&'static str> {
    let n = res.checked_neg()?;
    if n <= 0 {
        return None;
    }
    ERRNO.get(n as usize).copied().filter(|s| !s.is_empty())
}

/// Capability names by bit, as libs prints them.
static CAPS: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

fn caps_text(v: u64) -> String {
    let mut s = String::new();
    for (i, name) in CAPS.iter().enumerate() {
        if v & (1u64 << i) != 0 {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(name);
        }
    }
    s
}

/// Days-from-civil inverse: (year, month, day) of a day count since 1970.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats `ts` (ns since the epoch, UTC): `date` adds `YYYY-MM-DD`,
/// `frac` adds `.nnnnnnnnn`.
fn time_text(ts: u64, date: Option<char>, frac: bool) -> String {
    let secs = (ts / 1_000_000_000) as i64;
    let ns = ts % 1_000_000_000;
    let (y, mo, d) = civil(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let mut s = String::with_capacity(32);
    if let Some(sep) = date {
        let _ = write!(s, "{y:04}-{mo:02}-{d:02}{sep}");
    }
    let _ = write!(
        s,
        "{:02}:{:02}:{:02}",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    );
    if frac {
        let _ = write!(s, ".{ns:09}");
    }
    s
}

/// Bytes as libs prints a buffer: printable ASCII kept, the rest as `.`.
fn printable(b: &[u8]) -> String {
    b.iter()
        .map(|&c| {
            if (0x20..0x7f).contains(&c) {
                c as char
            } else {
                '.'
            }
        })
        .collect()
}

/// C's `%#o`: `0` for zero, else a leading 0 (`0644`).
fn octal(v: u64) -> String {
    if v == 0 {
        "0".to_string()
    } else {
        format!("0{v:o}")
    }
}

fn flag_text(p: &Param<'_>, v: u64) -> Option<String> {
    let names = p.info()?.flag_names();
    if names.is_empty() {
        return None;
    }
    let enum_like = matches!(
        p.ty(),
        ParamType::EnumFlags8 | ParamType::EnumFlags16 | ParamType::EnumFlags32
    );
    if enum_like || v == 0 {
        return names
            .iter()
            .find(|f| u64::from(f.value) == v)
            .map(|f| f.name.to_string());
    }
    let mut rest = v;
    let mut s = String::new();
    for f in names {
        let fv = u64::from(f.value);
        if fv != 0 && rest & fv == fv {
            if !s.is_empty() {
                s.push('|');
            }
            s.push_str(f.name);
            rest &= !fv;
        }
    }
    (!s.is_empty()).then_some(s)
}

impl<'a> EventContext<'a> {
    /// A parameter as libs prints it: the plain text, and the resolved text
    /// (flag names, the fd's file, the errno name, the user name, ...) when
    /// there is one.
    pub fn format_param(&self, idx: usize) -> Option<(String, Option<String>)> {
        let p = self.event.param(idx)?;
        Some(self.format(&p))
    }

    fn format(&self, p: &Param<'_>) -> (String, Option<String>) {
        use ParamType as T;
        if p.is_empty() {
            return (String::new(), None);
        }
        match p.ty() {
            T::Fd | T::Fd32 => {
                let v = p.as_i64().unwrap_or(0);
                if self.thread.is_none() {
                    return (v.to_string(), None);
                }
                if v == -100 {
                    return (v.to_string(), Some("AT_FDCWD".to_string()));
                }
                if v < 0 {
                    return (v.to_string(), errno_name(v).map(str::to_string));
                }
                // <typechar[l4]>name, e.g. <f>/etc/shadow, <4t>1.2.3.4:5->...
                let res = self.thread.and_then(|t| self.state.fd(t, v)).map(|f| {
                    let l4 = if f.is_ip_socket() {
                        match f.l4proto {
                            crate::state::L4Proto::Tcp => "t",
                            crate::state::L4Proto::Udp => "u",
                            crate::state::L4Proto::Icmp => "i",
                            crate::state::L4Proto::Raw => "r",
                            crate::state::L4Proto::Unknown => "",
                        }
                    } else {
                        ""
                    };
                    format!("<{}{l4}>{}", f.ty.typechar(), f.name)
                });
                (v.to_string(), res)
            }
            T::Errno => {
                let v = p.as_i64().unwrap_or(0);
                (v.to_string(), errno_name(v).map(str::to_string))
            }
            T::Pid | T::Pid32 => {
                let v = p.as_i64().unwrap_or(0);
                let res = self.state.thread(v).map(|t| t.comm.clone());
                (v.to_string(), res)
            }
            T::Uid => {
                let v = p.as_u64().unwrap_or(0);
                let res = self.state.user(v as u32).map(|u| u.name.clone());
                (v.to_string(), res)
            }
            T::Gid => {
                let v = p.as_u64().unwrap_or(0);
                let res = self.state.groups.get(&(v as u32)).cloned();
                (v.to_string(), res)
            }
            T::Flags8
            | T::Flags16
            | T::Flags32
            | T::EnumFlags8
            | T::EnumFlags16
            | T::EnumFlags32
            | T::Mode => {
                let v = p.as_u64().unwrap_or(0);
                let plain = if p.ty() == T::Mode {
                    octal(v)
                } else {
                    v.to_string()
                };
                (plain, flag_text(p, v))
            }
            T::CharBuf => (p.as_str_lossy().unwrap_or_default().into_owned(), None),
            T::FsPath | T::FsRelPath => {
                let s = p.as_str_lossy().unwrap_or_default().into_owned();
                let res = if s.starts_with('/') || s.is_empty() {
                    None
                } else {
                    self.abspath_of(p, &s)
                };
                (s, res)
            }
            T::ByteBuf | T::CharBufArray | T::CharBufPairArray => (printable(p.as_bytes()), None),
            T::SockAddr => (
                match p.as_sockaddr() {
                    Some(SockAddr::Inet { addr, port }) => format!("{addr}:{port}"),
                    Some(SockAddr::Inet6 { addr, port }) => format!("{addr}:{port}"),
                    Some(SockAddr::Unix { path }) => String::from_utf8_lossy(path).into_owned(),
                    Some(SockAddr::Other { family }) => format!("family {family}"),
                    None => String::new(),
                },
                None,
            ),
            T::SockTuple => (
                match p.as_socktuple() {
                    Some(SockTuple::Inet {
                        sip,
                        sport,
                        dip,
                        dport,
                    }) => format!("{sip}:{sport}->{dip}:{dport}"),
                    Some(SockTuple::Inet6 {
                        sip,
                        sport,
                        dip,
                        dport,
                    }) => format!("{sip}:{sport}->{dip}:{dport}"),
                    Some(SockTuple::Unix { source, dest, path }) => {
                        format!("{source:x}->{dest:x} {}", String::from_utf8_lossy(path))
                    }
                    Some(SockTuple::Other { family }) => format!("family {family}"),
                    None => String::new(),
                },
                None,
            ),
            T::Ipv4Addr | T::Ipv6Addr | T::IpAddr => (
                p.as_ipaddr().map(|a| a.to_string()).unwrap_or_default(),
                None,
            ),
            T::Dyn => match p.as_dyn() {
                Some(inner) => self.format(&inner),
                None => (String::new(), None),
            },
            T::Double => (p.as_f64().map(|v| v.to_string()).unwrap_or_default(), None),
            _ => {
                let fmt = p.info().map_or(PrintFormat::Dec, |i| i.format);
                let text = match (fmt, p.as_i64()) {
                    (PrintFormat::Hex, Some(_)) => format!("{:X}", p.as_u64().unwrap_or(0)),
                    (PrintFormat::Oct, Some(_)) => octal(p.as_u64().unwrap_or(0)),
                    (_, Some(v)) => v.to_string(),
                    (_, None) => printable(p.as_bytes()),
                };
                (text, None)
            }
        }
    }

    /// The absolute form of a relative path parameter: against its dirfd
    /// (FSRELPATH) or the cwd.
    fn abspath_of(&self, p: &Param<'_>, rel: &str) -> Option<String> {
        let t = self.thread?;
        let dirfd = match p.info().map(|i| i.extra) {
            Some(table::ParamExtra::DirFd(i)) => {
                self.event.param(i as usize).and_then(|d| d.as_i64())
            }
            _ => None,
        };
        let dir = self.state.dirfd_path(t, dirfd)?;
        Some(concat_paths(&dir, rel))
    }

    fn evt_args(&self) -> String {
        let mut s = String::new();
        for i in 0..self.event.nparams() {
            let Some(p) = self.event.param(i) else {
                continue;
            };
            let (plain, res) = self.format(&p);
            s.push_str(p.name());
            s.push('=');
            s.push_str(&plain);
            if let Some(r) = res.filter(|r| !r.is_empty()) {
                if !matches!(p.ty(), ParamType::FsPath | ParamType::FsRelPath) {
                    s.push('(');
                    s.push_str(&r);
                    s.push(')');
                }
            }
            s.push(' ');
        }
        s
    }

    fn param_for(&self, arg: &FieldArg) -> Option<Param<'a>> {
        match arg {
            FieldArg::Key(name) => self.event.param_by_name(name),
            FieldArg::Index(i) => self.event.param(usize::try_from(*i).ok()?),
            FieldArg::None => None,
        }
    }

    fn result(&self) -> Option<i64> {
        if self.event.direction() != Direction::Exit {
            return None;
        }
        event_result(&self.event)
    }

    /// The open flags and mode of an open-family exit (`None` for other
    /// events; creat counts for `evt.is_open_exec` only, as in libs).
    fn open_flags(&self) -> Option<(u32, u32)> {
        if !OPEN_EXITS.contains(&self.event.code()) {
            return None;
        }
        let get = |n: &str| {
            self.event
                .param_by_name(n)
                .and_then(|p| p.as_u64())
                .unwrap_or(0) as u32
        };
        Some((get("flags"), get("mode")))
    }

    /// `evt.abspath` (`which` = 0), `.src` (1) and `.dst` (2) as libs
    /// computes them: only for the `*at` exit events, from their directory
    /// fd and path parameters.
    fn abspath(&self, which: u8) -> Option<String> {
        let e = &self.event;
        let t = self.thread?;
        if e.direction() != Direction::Exit || e.info().is_old_version() {
            return None;
        }
        let (dirfd_name, path_name) = match (e.name(), which) {
            ("renameat" | "renameat2", 0 | 1) => ("olddirfd", "oldpath"),
            ("renameat" | "renameat2", _) => ("newdirfd", "newpath"),
            ("linkat", 0 | 1) => ("olddir", "oldpath"),
            ("linkat", _) => ("newdir", "newpath"),
            ("symlinkat", _) => ("linkdirfd", "linkpath"),
            ("openat" | "openat2" | "unlinkat", _) => ("dirfd", "name"),
            ("mkdirat", _) => ("dirfd", "path"),
            ("fchmodat", _) => ("dirfd", "filename"),
            ("fchownat", _) => ("dirfd", "pathname"),
            ("open_by_handle_at", _) => {
                // Only for a successful open: the kernel gave the full path.
                if self.result()? <= 0 {
                    return None;
                }
                let p = e.param_by_name("path")?.as_str_lossy()?;
                return Some(concat_paths("/", &p));
            }
            _ => return None,
        };
        let dirfd = e
            .param_by_name(dirfd_name)
            .filter(|p| !p.is_empty())?
            .as_i64()?;
        let path = e
            .param_by_name(path_name)
            .filter(|p| !p.is_empty())?
            .as_str_lossy()?;
        if path.starts_with('/') {
            return Some(concat_paths("/", &path));
        }
        match self.state.dirfd_path(t, Some(dirfd)) {
            Some(dir) => Some(concat_paths(&dir, &path)),
            // An unknown directory fd, as libs writes it.
            None => Some(format!("<UNKNOWN>/{path}")),
        }
    }

    fn user_of(&self, uid: u32) -> Option<&'a str> {
        match self.state.user(uid) {
            Some(u) => Some(&u.name),
            None if uid == 0 => Some("root"),
            None => None,
        }
    }
}

fn cmdline(t: &ThreadInfo) -> String {
    let mut s = t.comm.clone();
    for a in &t.args {
        s.push(' ');
        s.push_str(a);
    }
    s
}

fn push_joined(out: &mut Values, items: &[String]) {
    out.push_str(&items.join(" "));
}

/// (local ip, local port, remote ip, remote port) of a connected socket:
/// the client side is local when its address belongs to the host (libs'
/// rule); unavailable before the socket took a role.
fn local_remote(st: &HostState, fd: &Fd) -> Option<(IpAddr, u16, IpAddr, u16)> {
    fd.server_role?;
    match fd.sock? {
        SockAddrs::Tuple {
            cip,
            cport,
            sip,
            sport,
        } => {
            if st.is_local_ip(cip) {
                Some((cip, cport, sip, sport))
            } else {
                Some((sip, sport, cip, cport))
            }
        }
        SockAddrs::Server { .. } => None,
    }
}

fn net_of(ip: IpAddr) -> IpNet {
    IpNet {
        addr: ip,
        prefix: if ip.is_ipv4() { 32 } else { 128 },
    }
}

impl FieldExtractor for EventContext<'_> {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        let k = kinds()
            .get(field.id as usize)
            .copied()
            .unwrap_or(K::Unavailable);
        self.extract_kind(k, field, out)
    }
}

impl<'a> EventContext<'a> {
    #[allow(clippy::cognitive_complexity)]
    fn extract_kind(&self, k: K, field: &Field, out: &mut Values) -> bool {
        use K::*;
        let e = &self.event;
        // Event fields first: they need no thread.
        match k {
            Unavailable => return false,
            EvtType => {
                out.push_str(self.type_name());
                return true;
            }
            SyscallType => {
                if e.info().category.source() != table::EventCategory::SYSCALL {
                    return false;
                }
                out.push_str(self.type_name());
                return true;
            }
            EvtTypeIs => {
                let hit = match &field.arg {
                    FieldArg::Key(n) => self.type_name() == &**n,
                    FieldArg::Index(c) => i64::from(e.code()) == *c,
                    FieldArg::None => false,
                };
                out.push_uint(u64::from(hit));
                return true;
            }
            EvtNum => {
                out.push_uint(self.num);
                return true;
            }
            EvtTime => {
                out.push_str(&time_text(e.ts(), None, true));
                return true;
            }
            EvtTimeS => {
                out.push_str(&time_text(e.ts(), None, false));
                return true;
            }
            EvtTimeIso => {
                let mut s = time_text(e.ts(), Some('T'), true);
                s.push_str("+0000");
                out.push_str(&s);
                return true;
            }
            EvtDatetime => {
                out.push_str(&time_text(e.ts(), Some(' '), true));
                return true;
            }
            EvtDatetimeS => {
                out.push_str(&time_text(e.ts(), Some(' '), false));
                return true;
            }
            EvtRawtime => {
                out.push_uint(e.ts());
                return true;
            }
            EvtRawtimeS => {
                out.push_uint(e.ts() / 1_000_000_000);
                return true;
            }
            EvtRawtimeNs => {
                out.push_uint(e.ts() % 1_000_000_000);
                return true;
            }
            EvtReltime | EvtReltimeS | EvtReltimeNs | EvtDeltatime | EvtDeltatimeS
            | EvtDeltatimeNs => {
                let base = if matches!(k, EvtReltime | EvtReltimeS | EvtReltimeNs) {
                    self.first_ts
                } else {
                    self.prev_ts
                };
                let d = e.ts().saturating_sub(base);
                out.push_uint(match k {
                    EvtReltimeS | EvtDeltatimeS => d / 1_000_000_000,
                    EvtReltimeNs | EvtDeltatimeNs => d % 1_000_000_000,
                    _ => d,
                });
                return true;
            }
            EvtLatency => {
                out.push_uint(0);
                return true;
            }
            EvtDir => {
                out.push_str(e.direction().symbol());
                return true;
            }
            EvtCpu => match self.cpu {
                Some(c) => {
                    out.push_int(i64::from(c));
                    return true;
                }
                None => return false,
            },
            EvtCategory => {
                out.push_str(self.category());
                return true;
            }
            EvtArgs => {
                out.push_str(&self.evt_args());
                return true;
            }
            EvtArg => {
                let Some(p) = self.param_for(&field.arg) else {
                    return false;
                };
                let (plain, res) = self.format(&p);
                match res.filter(|r| !r.is_empty()) {
                    Some(r) => out.push_str(&r),
                    None => out.push_str(&plain),
                }
                return true;
            }
            EvtRawarg => {
                let Some(p) = self.param_for(&field.arg) else {
                    return false;
                };
                if p.is_empty() {
                    return false;
                }
                return push_raw(&p, field.ty, out);
            }
            EvtBuffer => {
                let Some(p) = e
                    .param_by_name("data")
                    .filter(|p| p.ty() == ParamType::ByteBuf)
                else {
                    return false;
                };
                out.push_bytes(p.as_bytes());
                return true;
            }
            EvtBuflen => {
                // The return value of an I/O event on a known fd.
                use table::EventCategory as C;
                let io = matches!(
                    e.info().category.class(),
                    C::IO_READ | C::IO_WRITE | C::IO_OTHER
                );
                return match self.result() {
                    Some(r) if io && r >= 0 && self.fd.is_some() => {
                        out.push_uint(r as u64);
                        true
                    }
                    _ => false,
                };
            }
            EvtRes => match self.result() {
                Some(r) if r >= 0 => {
                    out.push_str("SUCCESS");
                    return true;
                }
                Some(r) => {
                    match errno_name(r) {
                        Some(n) => out.push_str(n),
                        None => out.push_str(&r.to_string()),
                    }
                    return true;
                }
                None => return false,
            },
            EvtRawres => match self.result() {
                Some(r) => {
                    out.push_int(r);
                    return true;
                }
                None => return false,
            },
            EvtFailed => {
                out.push_bool(self.result().is_some_and(|r| r < 0));
                return true;
            }
            EvtIsIo | EvtIsIoRead | EvtIsIoWrite | EvtIoDir | EvtIsWait => {
                let f = e.info().flags;
                let rd = f.contains(EventFlags::READS_FROM_FD);
                let wr = f.contains(EventFlags::WRITES_TO_FD);
                match k {
                    EvtIsIo => out.push_bool(rd || wr),
                    EvtIsIoRead => out.push_bool(rd),
                    EvtIsIoWrite => out.push_bool(wr),
                    EvtIsWait => out.push_bool(f.contains(EventFlags::WAITS)),
                    _ => {
                        if !(rd || wr) {
                            return false;
                        }
                        out.push_str(if wr { "write" } else { "read" });
                    }
                }
                return true;
            }
            EvtCount => {
                out.push_uint(1);
                return true;
            }
            EvtCountError => {
                out.push_uint(u64::from(self.result().is_some_and(|r| r < 0)));
                return true;
            }
            EvtCountExit => {
                out.push_uint(u64::from(e.direction() == Direction::Exit));
                return true;
            }
            EvtIsOpenRead | EvtIsOpenWrite | EvtIsOpenExec | EvtIsOpenCreate => {
                // PPM_O_RDONLY 1, O_WRONLY 2, O_CREAT 4, O_TMPFILE 0x2000,
                // O_F_CREATED 0x4000 (set by the driver when the file was
                // created); any of S_IXUSR/S_IXGRP/S_IXOTH in mode is exec.
                const EXEC_BITS: u32 = 0o100 | 0o010 | 0o001;
                let code = e.code();
                let v = match self.open_flags() {
                    None => false,
                    Some((_, mode)) if code == table::codes::PPME_SYSCALL_CREAT_X => {
                        k == EvtIsOpenExec && mode & EXEC_BITS != 0
                    }
                    Some((flags, mode)) => match k {
                        EvtIsOpenRead => flags & 1 != 0,
                        EvtIsOpenWrite => flags & 2 != 0,
                        EvtIsOpenExec => {
                            code != table::codes::PPME_SYSCALL_OPEN_BY_HANDLE_AT_X
                                && flags & (0x4 | 0x2000) != 0
                                && mode & EXEC_BITS != 0
                        }
                        _ => {
                            flags & 0x4000 != 0
                                || (flags & 0x2000 != 0 && self.result().is_some_and(|r| r >= 0))
                        }
                    },
                };
                out.push_bool(v);
                return true;
            }
            EvtAbspath | EvtAbspathSrc | EvtAbspathDst => {
                let which = match k {
                    EvtAbspath => 0,
                    EvtAbspathSrc => 1,
                    _ => 2,
                };
                return match self.abspath(which) {
                    Some(p) => {
                        out.push_str(&p);
                        true
                    }
                    None => false,
                };
            }
            EvtSource => {
                out.push_str("syscall");
                return true;
            }
            EvtIsAsync => {
                out.push_bool(e.info().category.source() == table::EventCategory::METAEVENT);
                return true;
            }
            EvtHostname => {
                out.push_str(&self.state.hostname);
                return true;
            }
            _ => {}
        }
        // Process, user, container fields need the thread.
        let Some(t) = self.thread else {
            return false;
        };
        let st = self.state;
        let main = st.main_thread(t);
        match k {
            ProcName => out.push_str(&t.comm),
            ProcExe => out.push_str(&t.exe),
            ProcExepath => out.push_str(&t.exepath),
            ProcCwd => out.push_str(st.cwd(t)),
            ProcPname | ProcPexe | ProcPexepath | ProcPcmdline => {
                let Some(p) = st.parent(t) else {
                    return false;
                };
                match k {
                    ProcPname => out.push_str(&p.comm),
                    ProcPexe => out.push_str(&p.exe),
                    ProcPexepath => out.push_str(&p.exepath),
                    _ => out.push_str(&cmdline(p)),
                }
            }
            ProcAname | ProcAexe | ProcAexepath | ProcAcmdline | ProcApid => {
                let text = |a: &ThreadInfo, out: &mut Values| match k {
                    ProcAname => out.push_str(&a.comm),
                    ProcAexe => out.push_str(&a.exe),
                    ProcAexepath => out.push_str(&a.exepath),
                    ProcAcmdline => out.push_str(&cmdline(a)),
                    _ => out.push_int(a.pid),
                };
                match field.arg {
                    FieldArg::Index(n) => {
                        let Some(a) = usize::try_from(n).ok().and_then(|n| st.ancestor(t, n))
                        else {
                            return false;
                        };
                        text(a, out);
                    }
                    _ => {
                        // Any ancestor: every one of them, parent first.
                        for a in st.ancestors(t) {
                            text(a, out);
                        }
                        return !out.is_empty();
                    }
                }
            }
            ProcArgs => match field.arg {
                FieldArg::Index(n) => {
                    let Some(a) = usize::try_from(n).ok().and_then(|n| t.args.get(n)) else {
                        return false;
                    };
                    out.push_str(a);
                }
                _ => push_joined(out, &t.args),
            },
            ProcCmdline => out.push_str(&cmdline(t)),
            ProcCmdnargs => out.push_uint(t.args.len() as u64),
            ProcCmdlenargs => out.push_uint(t.args.iter().map(|a| a.len() as u64).sum()),
            ProcExeline => {
                // exe, a space, then the arguments (libs keeps the space even
                // without arguments).
                let mut s = t.exe.clone();
                s.push(' ');
                s.push_str(&t.args.join(" "));
                out.push_str(&s);
            }
            ProcEnv => match &field.arg {
                // A variable that is not set reads as empty, as in libs.
                FieldArg::Key(key) => out.push_str(main.env_var(key).unwrap_or("")),
                FieldArg::Index(i) => {
                    let Some(v) = usize::try_from(*i).ok().and_then(|i| main.env.get(i)) else {
                        return false;
                    };
                    out.push_str(v);
                }
                FieldArg::None => push_joined(out, &main.env),
            },
            ProcAenv => match &field.arg {
                // The first ancestor (from the parent up) that sets it, or
                // empty.
                FieldArg::Key(key) => out.push_str(
                    st.ancestors(t)
                        .take(20)
                        .find_map(|a| a.env_var(key).filter(|v| !v.is_empty()))
                        .unwrap_or(""),
                ),
                _ => {
                    for a in st.ancestors(t) {
                        push_joined(out, &a.env);
                    }
                    return !out.is_empty();
                }
            },
            ProcTty => out.push_uint(u64::from(t.tty)),
            ProcPid => out.push_int(t.pid),
            ProcPpid => {
                // The pid of the parent process (unavailable without one).
                let Some(p) = st.parent(t) else {
                    return false;
                };
                out.push_int(p.pid);
            }
            ProcVpid => out.push_int(t.vpid),
            ProcPvpid => {
                let Some(p) = st.parent(t) else {
                    return false;
                };
                out.push_int(p.vpid);
            }
            ProcSid => out.push_int(t.sid),
            ProcSname | ProcSidExe | ProcSidExepath => {
                // The session leader: the eldest ancestor still in the session.
                let mut leader = main;
                for a in st.ancestors(t) {
                    if a.sid != t.sid {
                        break;
                    }
                    leader = a;
                }
                match k {
                    ProcSname => out.push_str(&leader.comm),
                    ProcSidExe => out.push_str(&leader.exe),
                    _ => out.push_str(&leader.exepath),
                }
            }
            ProcVpgid => out.push_int(t.vpgid),
            ProcVpgidName | ProcVpgidExe | ProcVpgidExepath => {
                let mut leader = main;
                for a in st.ancestors(t) {
                    if a.vpgid != t.vpgid {
                        break;
                    }
                    leader = a;
                }
                match k {
                    ProcVpgidName => out.push_str(&leader.comm),
                    ProcVpgidExe => out.push_str(&leader.exe),
                    _ => out.push_str(&leader.exepath),
                }
            }
            ProcPgid => out.push_int(t.pgid),
            ProcLoginshellid => {
                let shells = ["bash", "sh", "zsh", "ksh", "csh", "tcsh", "fish", "dash"];
                let mut id = None;
                if shells.contains(&main.comm.as_str()) {
                    id = Some(main.pid);
                }
                for a in st.ancestors(t) {
                    if shells.contains(&a.comm.as_str()) {
                        id = Some(a.pid);
                    }
                }
                let Some(id) = id else {
                    return false;
                };
                out.push_int(id);
            }
            ProcDuration | ProcPidTs => {
                if main.clone_ts == 0 {
                    return false;
                }
                if k == ProcPidTs {
                    out.push_uint(main.clone_ts);
                } else {
                    out.push_uint(e.ts().saturating_sub(main.clone_ts));
                }
            }
            ProcPpidDuration | ProcPpidTs => {
                let Some(p) = st.parent(t).filter(|p| p.clone_ts != 0) else {
                    return false;
                };
                if k == ProcPpidTs {
                    out.push_uint(p.clone_ts);
                } else {
                    out.push_uint(e.ts().saturating_sub(p.clone_ts));
                }
            }
            ProcIsExeWritable => out.push_bool(main.exe_writable),
            ProcIsExeUpperLayer => out.push_bool(main.exe_upper_layer),
            ProcIsExeLowerLayer => out.push_bool(main.exe_lower_layer),
            ProcIsExeFromMemfd => out.push_bool(main.exe_from_memfd),
            ProcIsSidLeader => out.push_bool(t.sid == t.vpid),
            ProcIsVpgidLeader => out.push_bool(t.vpgid == t.vpid),
            ProcIsPgidLeader => out.push_bool(t.pgid == t.pid),
            ProcExeIno => out.push_int(main.exe_ino as i64),
            ProcExeInoCtime | ProcExeInoMtime => {
                let v = if k == ProcExeInoCtime {
                    main.exe_ino_ctime
                } else {
                    main.exe_ino_mtime
                };
                if v == 0 {
                    return false;
                }
                out.push_uint(v);
            }
            ProcExeInoCtimeDurationProcStart => {
                if main.exe_ino_ctime == 0 || main.clone_ts == 0 {
                    return false;
                }
                out.push_uint(main.clone_ts.saturating_sub(main.exe_ino_ctime));
            }
            ProcExeInoCtimeDurationPidnsStart => {
                if main.exe_ino_ctime == 0 || main.pidns_init_start_ts == 0 {
                    return false;
                }
                out.push_uint(main.exe_ino_ctime.saturating_sub(main.pidns_init_start_ts));
            }
            ProcPidnsInitStartTs => out.push_uint(main.pidns_init_start_ts),
            CapPermitted => out.push_str(&caps_text(t.cap_permitted)),
            CapInheritable => out.push_str(&caps_text(t.cap_inheritable)),
            CapEffective => out.push_str(&caps_text(t.cap_effective)),
            ProcFdopencount => out.push_uint(st.fd_table(t).map_or(0, |f| f.len() as u64)),
            ProcFdlimit => out.push_int(main.fdlimit),
            ProcVmsize => out.push_uint(u64::from(main.vmsize_kb)),
            ProcVmrss => out.push_uint(u64::from(main.vmrss_kb)),
            ProcVmswap => out.push_uint(u64::from(main.vmswap_kb)),
            ThreadTid => out.push_int(t.tid),
            ThreadIsmain => out.push_bool(t.is_main()),
            ThreadVtid => out.push_int(t.vtid),
            ThreadCgroups => {
                let s: Vec<String> = t.cgroups.iter().map(|(k, v)| format!("{k}={v}")).collect();
                out.push_str(&s.join(" "));
            }
            ThreadCgroup => {
                let FieldArg::Key(sub) = &field.arg else {
                    return false;
                };
                let Some((_, p)) = t.cgroups.iter().find(|(k, _)| k == &**sub) else {
                    return false;
                };
                out.push_str(p);
            }
            ProcNthreads | ProcNchilds => {
                let n = st.threads.values().filter(|o| o.pid == t.pid).count() as u64;
                out.push_uint(if k == ProcNthreads {
                    n
                } else {
                    n.saturating_sub(1)
                });
            }
            ProcStdType(n) | ProcStdName(n) => {
                let Some(f) = st.fd(t, n) else {
                    return false;
                };
                if matches!(k, ProcStdType(_)) {
                    out.push_str(f.ty.name());
                } else {
                    out.push_str(&f.name);
                }
            }
            UserUid => out.push_uint(u64::from(t.uid)),
            UserName => match self.user_of(t.uid) {
                Some(n) => out.push_str(n),
                None => out.push_str("<NA>"),
            },
            UserHomedir | UserShell => {
                let Some(u) = st.user(t.uid) else {
                    return false;
                };
                out.push_str(if k == UserHomedir {
                    &u.homedir
                } else {
                    &u.shell
                });
            }
            UserLoginuid => out.push_int(if t.loginuid == u32::MAX {
                -1
            } else {
                i64::from(t.loginuid)
            }),
            UserLoginname => {
                if t.loginuid == u32::MAX {
                    return false;
                }
                match self.user_of(t.loginuid) {
                    Some(n) => out.push_str(n),
                    None => return false,
                }
            }
            GroupGid => out.push_uint(u64::from(t.gid)),
            GroupName => match st.groups.get(&t.gid) {
                Some(n) => out.push_str(n),
                None if t.gid == 0 => out.push_str("root"),
                None => return false,
            },
            ContainerId => out.push_str(&t.container_id),
            ContainerFullId => {
                if t.container_full_id.is_empty() {
                    out.push_str("host");
                } else {
                    out.push_str(&t.container_full_id);
                }
            }
            ContainerName => {
                if t.container_id != "host" {
                    return false;
                }
                out.push_str("host");
            }
            ContainerHostString => {
                if t.container_id != "host" {
                    return false;
                }
                out.push_str("");
            }
            ContainerHostBool => {
                if t.container_id != "host" {
                    return false;
                }
                out.push_bool(false);
            }
            ContainerStartTs | ContainerDuration => {
                // Inside a container: the start of its pid namespace.
                let start = main.pidns_init_start_ts;
                if t.container_id == "host" || start == 0 {
                    return false;
                }
                out.push_uint(if k == ContainerStartTs {
                    start
                } else {
                    e.ts().saturating_sub(start)
                });
            }
            _ => return self.extract_fd(k, field, t, out),
        }
        true
    }

    fn extract_fd(&self, k: K, field: &Field, t: &ThreadInfo, out: &mut Values) -> bool {
        use K::*;
        if k == FdTypes {
            let Some(table) = self.state.fd_table(t) else {
                return false;
            };
            match field.arg {
                FieldArg::Index(n) => {
                    let Some(f) = table.get(&n) else {
                        return false;
                    };
                    out.push_str(f.ty.name());
                }
                _ => {
                    let mut names: Vec<&str> = table.values().map(|f| f.ty.name()).collect();
                    names.sort_unstable();
                    names.dedup();
                    for n in names {
                        out.push_str(n);
                    }
                }
            }
            return true;
        }
        if k == FdNum {
            return match self.fd_num {
                Some(n) => {
                    out.push_int(n);
                    true
                }
                None => false,
            };
        }
        let Some(fd) = self.fd else {
            return self.extract_fd_from_event(k, t, out);
        };
        let is_file = matches!(fd.ty, FdType::File | FdType::Directory);
        match k {
            FdTypeName => out.push_str(fd.ty.name()),
            FdTypechar => out.push_str(fd.ty.typechar()),
            FdName => out.push_str(&fd.name),
            FdNameraw => out.push_str(if fd.nameraw.is_empty() {
                &fd.name
            } else {
                &fd.nameraw
            }),
            FdDirectory | FdFilename => {
                if !is_file {
                    return false;
                }
                let name = fd.name.as_str();
                if fd.ty == FdType::Directory {
                    if k == FdDirectory {
                        out.push_str(name);
                    } else {
                        return false;
                    }
                } else {
                    let (dir, file) = match name.rfind('/') {
                        Some(0) => ("/", &name[1..]),
                        Some(i) => (&name[..i], &name[i + 1..]),
                        None => return false,
                    };
                    out.push_str(if k == FdDirectory { dir } else { file });
                }
            }
            FdContainername | FdContainerdirectory => {
                let mut s = t.container_id.clone();
                s.push(':');
                if k == FdContainername {
                    s.push_str(&fd.name);
                } else if let Some(i) = fd.name.rfind('/') {
                    s.push_str(if i == 0 { "/" } else { &fd.name[..i] });
                }
                out.push_str(&s);
            }
            FdUid => {
                let Some(n) = self.fd_num else {
                    return false;
                };
                out.push_str(&format!("{}{}", t.tid, n));
            }
            FdDev => out.push_int(i64::from(fd.dev as i32)),
            FdDevMajor => out.push_int(i64::from((fd.dev >> 20) as i32)),
            FdDevMinor => out.push_int(i64::from((fd.dev & 0xfffff) as i32)),
            FdIno => out.push_int(fd.ino as i64),
            FdL4proto => {
                if !fd.is_ip_socket() {
                    return false;
                }
                out.push_str(fd.l4proto.name());
            }
            FdSockfamily => match fd.ty {
                FdType::Ipv4 | FdType::Ipv6 => out.push_str("ip"),
                FdType::Unix => out.push_str("unix"),
                _ => return false,
            },
            FdIsServer => {
                // A listening socket is a server; a connection is when its
                // server side is an address of this host (an unconnected
                // socket checks the unspecified address, as libs does).
                let v = match fd.sock {
                    Some(SockAddrs::Server { .. }) => true,
                    Some(SockAddrs::Tuple { sip, .. }) => self.state.is_local_ip(sip),
                    None => match fd.ty {
                        FdType::Ipv4 => self.state.is_local_ip(IpAddr::from([0u8; 4])),
                        FdType::Ipv6 => self.state.is_local_ip(IpAddr::from([0u8; 16])),
                        _ => false,
                    },
                };
                out.push_bool(v);
            }
            FdConnected => {
                if !fd.is_ip_socket() {
                    return false;
                }
                out.push_bool(matches!(fd.sock, Some(SockAddrs::Tuple { .. })));
            }
            FdNameChanged => out.push_bool(false),
            _ => return self.extract_net(k, fd, out),
        }
        true
    }

    /// The fd fields libs still gives an fd event whose fd is not in the
    /// table (a failed open, an fd from before the capture): the name the
    /// event carries (`""` when it carries none), its directory, and a type
    /// character guessed from the event type.
    fn extract_fd_from_event(&self, k: K, t: &ThreadInfo, out: &mut Values) -> bool {
        use K::*;
        let flags = self.event.info().flags;
        let fd_event = flags.contains(EventFlags::CREATES_FD)
            || flags.contains(EventFlags::USES_FD)
            || flags.contains(EventFlags::DESTROYS_FD);
        if !fd_event {
            return false;
        }
        match k {
            FdName | FdContainername | FdDirectory | FdContainerdirectory => {
                let Some(mut name) = self.fd_name_from_event() else {
                    return false;
                };
                if matches!(k, FdDirectory | FdContainerdirectory) {
                    name = match name.rfind('/') {
                        Some(pos) if pos != 0 => {
                            if pos < name.len() - 1 {
                                name.truncate(pos);
                            }
                            name
                        }
                        _ => "/".to_string(),
                    };
                }
                if matches!(k, FdContainername | FdContainerdirectory) {
                    name = format!("{}:{name}", t.container_id);
                }
                out.push_str(&name);
                true
            }
            FdTypechar => {
                use table::codes::*;
                out.push_str(match self.event.code() {
                    PPME_SYSCALL_OPENAT_2_X | PPME_SYSCALL_OPENAT2_X | PPME_SYSCALL_CREAT_X => "f",
                    PPME_SOCKET_SOCKET_X | PPME_SOCKET_ACCEPT_5_X | PPME_SOCKET_ACCEPT4_6_X => "4",
                    PPME_SYSCALL_PIPE_X | PPME_SYSCALL_PIPE2_X => "p",
                    PPME_SYSCALL_EVENTFD_X | PPME_SYSCALL_EVENTFD2_X => "e",
                    PPME_SYSCALL_SIGNALFD_X | PPME_SYSCALL_SIGNALFD4_X => "s",
                    PPME_SYSCALL_TIMERFD_CREATE_X => "t",
                    PPME_SYSCALL_INOTIFY_INIT_X | PPME_SYSCALL_INOTIFY_INIT1_X => "i",
                    _ => "o",
                });
                true
            }
            _ => false,
        }
    }

    /// libs' `extract_fdname_from_event`.
    fn fd_name_from_event(&self) -> Option<String> {
        use table::codes::*;
        let e = &self.event;
        if e.direction() != Direction::Exit {
            return None;
        }
        Some(match e.code() {
            PPME_SYSCALL_OPEN_X
            | PPME_SOCKET_ACCEPT_5_X
            | PPME_SOCKET_ACCEPT4_6_X
            | PPME_SYSCALL_CREAT_X
            | PPME_SOCKET_CONNECT_X => match self.format_param(1) {
                Some((plain, res)) => res.filter(|r| !r.is_empty()).unwrap_or(plain),
                None => String::new(),
            },
            PPME_SYSCALL_OPENAT_2_X | PPME_SYSCALL_OPENAT2_X => {
                let name = e.param(2).filter(|p| !p.is_empty())?.as_str_lossy()?;
                let dirfd = e.param(1).filter(|p| !p.is_empty())?.as_i64()?;
                if name.starts_with('/') {
                    concat_paths("/", &name)
                } else {
                    let t = self.thread?;
                    let dir = self.state.dirfd_path(t, Some(dirfd)).unwrap_or_default();
                    concat_paths(&dir, &name)
                }
            }
            PPME_SYSCALL_OPEN_BY_HANDLE_AT_X => e
                .param_by_name("path")
                .and_then(|p| p.as_str_lossy())
                .map(|c| c.into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        })
    }

    fn extract_net(&self, k: K, fd: &Fd, out: &mut Values) -> bool {
        use K::*;
        let Some(sock) = fd.sock else {
            return false;
        };
        // libs: the one-side fields need a known role, except the server
        // port of a listening socket; fd.ip/fd.port/fd.net do not.
        let role_known = fd.server_role.is_some();
        match (k, sock) {
            (FdIp | FdNet, SockAddrs::Tuple { cip, sip, .. }) => {
                for ip in [cip, sip] {
                    if k == FdIp {
                        out.push_ip(ip);
                    } else {
                        out.push_net(net_of(ip));
                    }
                }
            }
            (FdIp, SockAddrs::Server { ip, .. }) => out.push_ip(ip),
            (FdNet, SockAddrs::Server { ip, .. }) => out.push_net(net_of(ip)),
            (FdPort, SockAddrs::Tuple { cport, sport, .. }) => {
                out.push_uint(u64::from(cport));
                out.push_uint(u64::from(sport));
            }
            (FdPort, SockAddrs::Server { port, .. }) => out.push_uint(u64::from(port)),
            (FdSport, SockAddrs::Server { port, .. }) => out.push_uint(u64::from(port)),
            _ if !role_known => return false,
            (FdCip | FdCnet, SockAddrs::Tuple { cip, .. }) => {
                if k == FdCip {
                    out.push_ip(cip)
                } else {
                    out.push_net(net_of(cip))
                }
            }
            (FdSip | FdSnet, SockAddrs::Tuple { sip, .. }) => {
                if k == FdSip {
                    out.push_ip(sip)
                } else {
                    out.push_net(net_of(sip))
                }
            }
            (FdSip | FdSnet, SockAddrs::Server { ip, .. }) => {
                if k == FdSip {
                    out.push_ip(ip)
                } else {
                    out.push_net(net_of(ip))
                }
            }
            (FdCport, SockAddrs::Tuple { cport, .. }) => out.push_uint(u64::from(cport)),
            (FdSport, SockAddrs::Tuple { sport, .. }) => out.push_uint(u64::from(sport)),
            (FdLip | FdRip | FdLport | FdRport | FdLnet | FdRnet, SockAddrs::Tuple { .. }) => {
                let Some((lip, lport, rip, rport)) = local_remote(self.state, fd) else {
                    return false;
                };
                match k {
                    FdLip => out.push_ip(lip),
                    FdRip => out.push_ip(rip),
                    FdLport => out.push_uint(u64::from(lport)),
                    FdRport => out.push_uint(u64::from(rport)),
                    FdLnet => out.push_net(net_of(lip)),
                    _ => out.push_net(net_of(rip)),
                }
            }
            _ => return false,
        }
        true
    }

    /// `evt.category` as libs names it: I/O events take the class of their
    /// fd (file, net, ipc, or unknown).
    fn category(&self) -> &'static str {
        use table::EventCategory as C;
        let cat = self.event.info().category;
        match cat.class() {
            C::IO_READ | C::IO_WRITE | C::IO_OTHER => match self.fd.map(|f| f.ty) {
                Some(FdType::File | FdType::Directory) => "file",
                Some(FdType::Ipv4 | FdType::Ipv6) => "net",
                Some(
                    FdType::Pipe
                    | FdType::Unix
                    | FdType::Event
                    | FdType::Signalfd
                    | FdType::Inotify,
                ) => "ipc",
                _ => "unknown",
            },
            C::IPC => "IPC",
            C::UNKNOWN => "unknown",
            _ => cat.class_name(),
        }
    }

    /// `evt.type`: the event name; for the generic syscall events, the
    /// syscall's name from their `ID` parameter.
    fn type_name(&self) -> &'static str {
        let e = &self.event;
        if e.code() <= 1 {
            if let Some(name) = e
                .param(0)
                .and_then(|p| p.as_u64())
                .and_then(|id| table::ppm_sc_name(id as u16))
            {
                return name;
            }
        }
        e.name()
    }
}

/// Pushes a parameter's raw value as field type `ty` (for `evt.rawarg`).
fn push_raw(p: &Param<'_>, ty: FieldType, out: &mut Values) -> bool {
    if ty.is_numeric() {
        if ty.is_signed() {
            match p.as_i64() {
                Some(v) => out.push_int(v),
                None => return false,
            }
        } else {
            match p.as_u64() {
                Some(v) => out.push_uint(v),
                None => return false,
            }
        }
        return true;
    }
    match ty {
        FieldType::String => match p.as_cstr_bytes() {
            Some(b) => out.push_bytes(b),
            None => out.push_bytes(p.as_bytes()),
        },
        FieldType::Bytes => out.push_bytes(p.as_bytes()),
        FieldType::Bool => out.push_bool(p.as_u64().unwrap_or(0) != 0),
        FieldType::IpAddr => match p.as_ipaddr() {
            Some(a) => out.push_ip(a),
            None => return false,
        },
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_as_sysdig_prints_them_in_utc() {
        let ts = 1_470_327_477_881_730_713;
        assert_eq!(time_text(ts, None, true), "16:17:57.881730713");
        assert_eq!(
            time_text(ts, Some(' '), true),
            "2016-08-04 16:17:57.881730713"
        );
        assert_eq!(time_text(ts, Some('T'), false), "2016-08-04T16:17:57");
    }

    #[test]
    fn errno_names_cover_common_errors() {
        assert_eq!(errno_name(-2), Some("ENOENT"));
        assert_eq!(errno_name(-115), Some("EINPROGRESS"));
        assert_eq!(errno_name(0), None);
        assert_eq!(errno_name(3), None);
        assert_eq!(errno_name(i64::MIN), None);
    }

    #[test]
    fn every_field_the_official_rules_use_has_an_extractor() {
        // research §8.2 (k8s.* and the DNS names are unavailable by design).
        let used = [
            "evt.arg",
            "evt.args",
            "evt.buffer",
            "evt.is_open_exec",
            "evt.is_open_read",
            "evt.is_open_write",
            "evt.num",
            "evt.rawres",
            "evt.res",
            "evt.type",
            "proc.aexe",
            "proc.aexepath",
            "proc.aname",
            "proc.args",
            "proc.cmdline",
            "proc.cwd",
            "proc.duration",
            "proc.env",
            "proc.exe",
            "proc.exe_ino.ctime",
            "proc.exe_ino.ctime_duration_proc_start",
            "proc.exe_ino.mtime",
            "proc.exepath",
            "proc.is_exe_from_memfd",
            "proc.is_exe_upper_layer",
            "proc.is_vpgid_leader",
            "proc.name",
            "proc.pcmdline",
            "proc.pexe",
            "proc.pexepath",
            "proc.pname",
            "proc.sname",
            "proc.tty",
            "proc.vpid",
            "thread.cap_effective",
            "thread.cap_permitted",
            "user.loginname",
            "user.loginuid",
            "user.name",
            "user.uid",
            "group.gid",
            "group.name",
            "fd.cip",
            "fd.cnet",
            "fd.connected",
            "fd.directory",
            "fd.filename",
            "fd.ip",
            "fd.l4proto",
            "fd.lport",
            "fd.name",
            "fd.name_changed",
            "fd.nameraw",
            "fd.net",
            "fd.num",
            "fd.port",
            "fd.rip",
            "fd.rnet",
            "fd.rport",
            "fd.sip",
            "fd.snet",
            "fd.sockfamily",
            "fd.sport",
            "fd.type",
            "fd.typechar",
            "container.id",
            "container.image.repository",
            "container.mounts",
            "container.privileged",
        ];
        for f in used {
            assert!(crate::fields::find(f).is_some(), "{f} not in the catalog");
            assert!(is_implemented(f), "{f} has no extractor");
        }
    }
}

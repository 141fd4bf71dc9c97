//! What the probe covers: for each native (x86_64) syscall, the event its exit
//! produces and how each parameter is built, as data.
//!
//! Most events are *table-driven*: the BPF program `table_x` reads the
//! [`Spec`] of the syscall from the `exit_specs` map and writes one parameter
//! per [`Kind`]. Process events (`clone` family, `execve`) have their own
//! programs because they read much of the task's state. The enter events that
//! Falco keeps for TOCTOU mitigation (open, openat, openat2, creat, connect)
//! are table-driven too ([`ENTER_SPECS`]).
//!
//! A unit test checks every row against `falco-events`' event table: the event
//! code is the syscall's exit code there, the parameter count matches, and
//! each kind writes the size the parameter type needs.

/// Declares [`Kind`] and its C names in one list, so the Rust enum and
/// `enum param_kind` in `src/bpf/probe.h` can be compared by a test.
macro_rules! param_kinds {
    ($($(#[$meta:meta])* $name:ident = $value:literal => $c:literal,)*) => {
        /// How one parameter is produced: mirrors `enum param_kind` in
        /// `src/bpf/probe.h` (a test checks every name and value).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub(crate) enum Kind {
            $($(#[$meta])* $name = $value,)*
        }

        impl Kind {
            /// Every kind with its C name (`PK_*`), in value order.
            #[cfg(test)]
            pub(crate) const ALL: &'static [(Kind, &'static str)] = &[$((Kind::$name, $c),)*];
        }
    };
}

param_kinds! {
    /// A parameter left empty (len 0); no row needs it at present.
    #[allow(dead_code)]
    Empty = 0 => "PK_EMPTY",
    Ret = 1 => "PK_RET",
    Fd = 2 => "PK_FD",
    /// An argument as s64; no row needs it at present.
    #[allow(dead_code)]
    S64 = 3 => "PK_S64",
    U64 = 4 => "PK_U64",
    U32 = 5 => "PK_U32",
    /// An argument as u16; no row needs it at present.
    #[allow(dead_code)]
    U16 = 6 => "PK_U16",
    U8 = 7 => "PK_U8",
    UStr = 8 => "PK_USTR",
    OpenFlags = 9 => "PK_OPEN_FLAGS",
    OpenMode = 10 => "PK_OPEN_MODE",
    Mode = 11 => "PK_MODE",
    RetDev = 12 => "PK_RET_DEV",
    RetIno = 13 => "PK_RET_INO",
    HowFlags = 14 => "PK_HOW_FLAGS",
    HowMode = 15 => "PK_HOW_MODE",
    HowResolve = 16 => "PK_HOW_RESOLVE",
    CreatFlags = 17 => "PK_CREAT_FLAGS",
    UnlinkatFlags = 18 => "PK_UNLINKAT_FLAGS",
    LinkatFlags = 19 => "PK_LINKAT_FLAGS",
    CloexecFlags = 20 => "PK_CLOEXEC_FLAGS",
    Pipe2Flags = 21 => "PK_PIPE2_FLAGS",
    MemfdFlags = 22 => "PK_MEMFD_FLAGS",
    Umount2Flags = 23 => "PK_UMOUNT2_FLAGS",
    CloneFlags = 24 => "PK_CLONE_FLAGS",
    FcntlCmd = 25 => "PK_FCNTL_CMD",
    PipeFd0 = 26 => "PK_PIPE_FD0",
    PipeFd1 = 27 => "PK_PIPE_FD1",
    PipeIno = 28 => "PK_PIPE_INO",
    SockAddr = 29 => "PK_SOCKADDR",
    TupleOut = 30 => "PK_TUPLE_OUT",
    TupleIn = 31 => "PK_TUPLE_IN",
    TupleRecv = 32 => "PK_TUPLE_RECV",
    QueuePct = 33 => "PK_QUEUE_PCT",
    QueueLen = 34 => "PK_QUEUE_LEN",
    QueueMax = 35 => "PK_QUEUE_MAX",
    SockFlags = 36 => "PK_SOCK_FLAGS",
    MountFlags = 37 => "PK_MOUNT_FLAGS",
    UBufLen = 38 => "PK_UBUF_LEN",
    UBufRet = 39 => "PK_UBUF_RET",
    CapInh = 40 => "PK_CAP_INH",
    CapPerm = 41 => "PK_CAP_PERM",
    CapEff = 42 => "PK_CAP_EFF",
    PrctlStr = 43 => "PK_PRCTL_STR",
    PrctlInt = 44 => "PK_PRCTL_INT",
    RetU32 = 45 => "PK_RET_U32",
    FinitFlags = 47 => "PK_FINIT_FLAGS",
    MkdirMode = 49 => "PK_MKDIR_MODE",
    I32 = 50 => "PK_I32",
    TupleSend = 51 => "PK_TUPLE_SEND",
    SendData = 52 => "PK_SEND_DATA",
    MsgData = 53 => "PK_MSG_DATA",
    MsgSize = 54 => "PK_MSG_SIZE",
    MsgControl = 55 => "PK_MSG_CONTROL",
    TupleSendMsg = 56 => "PK_TUPLE_SEND_MSG",
    TupleRecvMsg = 57 => "PK_TUPLE_RECV_MSG",
    PtraceAddr = 58 => "PK_PTRACE_ADDR",
    PtraceData = 59 => "PK_PTRACE_DATA",
    PtraceReq = 60 => "PK_PTRACE_REQ",
    SockFamily = 61 => "PK_SOCK_FAMILY",
    ZeroU32 = 62 => "PK_ZERO_U32",
    ZeroU8 = 63 => "PK_ZERO_U8",
    NbCxFlags16 = 64 => "PK_NBCX_FLAGS16",
    NbCxFlags8 = 65 => "PK_NBCX_FLAGS8",
    EpollFlags = 66 => "PK_EPOLL_FLAGS",
    PidfdFlags = 67 => "PK_PIDFD_FLAGS",
    SpSource = 68 => "PK_SP_SOURCE",
    SpPeer = 69 => "PK_SP_PEER",
    U32AsU64 = 70 => "PK_U32_AS_U64",
    RetPath = 71 => "PK_RET_PATH",
    IoUringParam = 72 => "PK_IOURING_PARAM",
}

/// One parameter: its kind and the syscall argument(s) it reads
/// (`arg | second << 4`).
pub(crate) type P = (Kind, u8);

/// Which BPF program builds a syscall's exit event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builder {
    /// `table_x`, from the spec's parameters.
    Table,
    /// `clone_x`; the value says where the clone flags are (0 none, 1 the
    /// first argument, 2 a user `struct clone_args`).
    Clone(u8),
    /// `execve_x` for failures; successes come from `sched_process_exec`.
    Execve,
}

/// The exit event of one syscall.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spec {
    /// Syscall name, as Falco's `evt.type` spells it.
    pub name: &'static str,
    /// Native x86_64 syscall number.
    pub nr: u32,
    /// Event code written.
    pub event: u16,
    /// Program that writes it.
    pub builder: Builder,
    /// Parameters, in the event table's order (table-driven events only).
    pub params: &'static [P],
}

const fn a(n: u8) -> u8 {
    n
}

const fn ab(first: u8, second: u8) -> u8 {
    first | (second << 4)
}

use Kind::*;

const fn t(name: &'static str, nr: u32, event: u16, params: &'static [P]) -> Spec {
    Spec {
        name,
        nr,
        event,
        builder: Builder::Table,
        params,
    }
}

const fn special(name: &'static str, nr: u32, event: u16, builder: Builder) -> Spec {
    Spec {
        name,
        nr,
        event,
        builder,
        params: &[],
    }
}

const RES: P = (Ret, 0);
const FD0: P = (Fd, 0);

/// Exit events, one row per covered syscall (x86_64 numbers).
#[rustfmt::skip]
pub(crate) static EXIT_SPECS: &[Spec] = &[
    // files
    t("open", 2, 3, &[RES, (UStr, a(0)), (OpenFlags, a(1)), (OpenMode, ab(2, 1)), (RetDev, 0), (RetIno, 0)]),
    t("openat", 257, 307, &[RES, FD0, (UStr, a(1)), (OpenFlags, a(2)), (OpenMode, ab(3, 2)), (RetDev, 0), (RetIno, 0)]),
    t("openat2", 437, 327, &[RES, FD0, (UStr, a(1)), (HowFlags, a(2)), (HowMode, a(2)), (HowResolve, a(2)), (RetDev, 0), (RetIno, 0)]),
    t("creat", 85, 59, &[RES, (UStr, a(0)), (Mode, a(1)), (RetDev, 0), (RetIno, 0), (CreatFlags, 0)]),
    t("close", 3, 5, &[RES, FD0]),
    t("dup", 32, 367, &[RES, FD0]),
    t("dup2", 33, 363, &[RES, FD0, (Fd, a(1))]),
    t("dup3", 292, 365, &[RES, FD0, (Fd, a(1)), (CloexecFlags, a(2))]),
    t("fcntl", 72, 151, &[RES, FD0, (FcntlCmd, a(1)), (U64, a(2))]),
    t("pipe", 22, 61, &[RES, (PipeFd0, a(0)), (PipeFd1, a(0)), (PipeIno, a(0))]),
    t("pipe2", 293, 393, &[RES, (PipeFd0, a(0)), (PipeFd1, a(0)), (PipeIno, a(0)), (Pipe2Flags, a(1))]),
    t("unlink", 87, 301, &[RES, (UStr, a(0))]),
    t("unlinkat", 263, 303, &[RES, FD0, (UStr, a(1)), (UnlinkatFlags, a(2))]),
    t("rename", 82, 175, &[RES, (UStr, a(0)), (UStr, a(1))]),
    t("renameat", 264, 177, &[RES, FD0, (UStr, a(1)), (Fd, a(2)), (UStr, a(3))]),
    t("renameat2", 316, 319, &[RES, FD0, (UStr, a(1)), (Fd, a(2)), (UStr, a(3)), (U32, a(4))]),
    t("mkdir", 83, 277, &[RES, (UStr, a(0)), (MkdirMode, a(1))]),
    t("mkdirat", 258, 305, &[RES, FD0, (UStr, a(1)), (MkdirMode, a(2))]),
    t("rmdir", 84, 279, &[RES, (UStr, a(0))]),
    t("chmod", 90, 315, &[RES, (UStr, a(0)), (Mode, a(1))]),
    t("fchmod", 91, 317, &[RES, FD0, (Mode, a(1))]),
    t("fchmodat", 268, 313, &[RES, FD0, (UStr, a(1)), (Mode, a(2))]),
    t("symlink", 88, 179, &[RES, (UStr, a(0)), (UStr, a(1))]),
    t("symlinkat", 266, 181, &[RES, (UStr, a(0)), (Fd, a(1)), (UStr, a(2))]),
    t("link", 86, 309, &[RES, (UStr, a(0)), (UStr, a(1))]),
    t("linkat", 265, 311, &[RES, FD0, (UStr, a(1)), (Fd, a(2)), (UStr, a(3)), (LinkatFlags, a(4))]),
    t("chdir", 80, 95, &[RES, (UStr, a(0))]),
    t("fchdir", 81, 97, &[RES, FD0]),
    t("memfd_create", 319, 405, &[RES, (UStr, a(0)), (MemfdFlags, a(1))]),
    t("open_by_handle_at", 304, 337, &[RES, FD0, (OpenFlags, a(2)), (RetPath, 0), (RetDev, 0), (RetIno, 0)]),
    t("chroot", 161, 267, &[RES, (UStr, a(0))]),
    t("eventfd", 284, 63, &[RES, (U64, a(0)), (ZeroU32, 0)]),
    t("eventfd2", 290, 397, &[RES, (NbCxFlags16, a(1)), (U32AsU64, a(0))]),
    t("inotify_init", 253, 139, &[RES, (ZeroU8, 0)]),
    t("inotify_init1", 294, 395, &[RES, (NbCxFlags16, a(0))]),
    t("signalfd", 282, 127, &[RES, FD0, (ZeroU32, 0), (ZeroU8, 0)]),
    t("signalfd4", 289, 399, &[RES, (NbCxFlags16, a(3)), FD0, (ZeroU32, 0)]),
    t("timerfd_create", 283, 137, &[RES, (U8, a(0)), (NbCxFlags8, a(1))]),
    t("epoll_create", 213, 375, &[RES, (I32, a(0))]),
    t("epoll_create1", 291, 377, &[RES, (EpollFlags, a(0))]),
    t("io_uring_setup", 425, 339, &[RES, (U32, a(0)), (IoUringParam, ab(1, 0)), (IoUringParam, ab(1, 1)), (IoUringParam, ab(1, 2)), (IoUringParam, ab(1, 3)), (IoUringParam, ab(1, 4)), (IoUringParam, ab(1, 5))]),
    t("pidfd_open", 434, 409, &[RES, FD0, (PidfdFlags, a(1))]),
    t("mount", 165, 257, &[RES, (UStr, a(0)), (UStr, a(1)), (UStr, a(2)), (MountFlags, a(3))]),
    t("umount2", 166, 391, &[RES, (UStr, a(0)), (Umount2Flags, a(1))]),
    // network
    t("socketpair", 53, 43, &[RES, (PipeFd0, a(3)), (PipeFd1, a(3)), (SpSource, a(3)), (SpPeer, a(3)), (SockFamily, a(0)), (U32, a(1)), (U32, a(2))]),
    t("socket", 41, 19, &[RES, (SockFamily, a(0)), (U32, a(1)), (U32, a(2)), (SockFlags, a(1))]),
    t("connect", 42, 23, &[RES, (TupleOut, ab(0, 1)), FD0, (SockAddr, ab(1, 2))]),
    t("accept", 43, 247, &[RES, (TupleIn, 0), (QueuePct, a(0)), (QueueLen, a(0)), (QueueMax, a(0))]),
    t("accept4", 288, 389, &[RES, (TupleIn, 0), (QueuePct, a(0)), (QueueLen, a(0)), (QueueMax, a(0)), (SockFlags, a(3))]),
    t("bind", 49, 21, &[RES, (SockAddr, ab(1, 2)), FD0]),
    t("listen", 50, 25, &[RES, FD0, (I32, a(1))]),
    t("sendto", 44, 31, &[RES, (SendData, ab(1, 2)), FD0, (U32, a(2)), (TupleSend, ab(0, 4))]),
    t("recvfrom", 45, 35, &[RES, (UBufRet, a(1)), (TupleRecv, ab(0, 4)), FD0, (U32, a(2))]),
    t("sendmsg", 46, 49, &[RES, (MsgData, ab(1, 0)), FD0, (MsgSize, a(1)), (TupleSendMsg, ab(0, 1))]),
    t("recvmsg", 47, 53, &[RES, (RetU32, 0), (MsgData, ab(1, 1)), (TupleRecvMsg, ab(0, 1)), (MsgControl, a(1)), FD0]),
    // credentials, capabilities
    t("setuid", 105, 199, &[RES, (U32, a(0))]),
    t("setgid", 106, 201, &[RES, (U32, a(0))]),
    t("setreuid", 113, 427, &[RES, (U32, a(0)), (U32, a(1))]),
    t("setregid", 114, 429, &[RES, (U32, a(0)), (U32, a(1))]),
    t("setresuid", 117, 193, &[RES, (U32, a(0)), (U32, a(1)), (U32, a(2))]),
    t("setresgid", 119, 195, &[RES, (U32, a(0)), (U32, a(1)), (U32, a(2))]),
    t("setsid", 112, 275, &[RES]),
    t("setpgid", 109, 295, &[RES, FD0, (Fd, a(1))]),
    t("capset", 126, 353, &[RES, (CapInh, 0), (CapPerm, 0), (CapEff, 0)]),
    // processes, namespaces, modules, bpf
    t("ptrace", 101, 169, &[RES, (PtraceAddr, a(2)), (PtraceData, ab(3, 0)), (PtraceReq, a(0)), (Fd, a(1))]),
    t("kill", 62, 129, &[RES, FD0, (U8, a(1))]),
    t("tkill", 200, 131, &[RES, FD0, (U8, a(1))]),
    t("tgkill", 234, 133, &[RES, FD0, (Fd, a(1)), (U8, a(2))]),
    t("prctl", 157, 401, &[RES, (U32, a(0)), (PrctlStr, ab(0, 1)), (PrctlInt, ab(0, 1))]),
    t("setns", 308, 241, &[RES, FD0, (CloneFlags, a(1))]),
    t("unshare", 272, 285, &[RES, (CloneFlags, a(0))]),
    t("init_module", 175, 411, &[RES, (UBufLen, ab(0, 1)), (U64, a(1)), (UStr, a(2))]),
    t("finit_module", 313, 413, &[RES, FD0, (UStr, a(1)), (FinitFlags, a(2))]),
    t("bpf", 321, 369, &[RES, (U32, a(0))]),
    t("userfaultfd", 323, 321, &[RES, (U32, a(0))]),
    special("clone", 56, 223, Builder::Clone(1)),
    special("fork", 57, 225, Builder::Clone(0)),
    special("vfork", 58, 227, Builder::Clone(0)),
    special("clone3", 435, 335, Builder::Clone(2)),
    special("execve", 59, 293, Builder::Execve),
    special("execveat", 322, 331, Builder::Execve),
];

/// The enter events Falco keeps (TOCTOU mitigation), built from the
/// `sys_enter_<name>` tracepoints.
#[rustfmt::skip]
pub(crate) static ENTER_SPECS: &[Spec] = &[
    t("open", 2, 2, &[(UStr, a(0)), (OpenFlags, a(1)), (OpenMode, ab(2, 1))]),
    t("openat", 257, 306, &[FD0, (UStr, a(1)), (OpenFlags, a(2)), (OpenMode, ab(3, 2))]),
    t("openat2", 437, 326, &[FD0, (UStr, a(1)), (HowFlags, a(2)), (HowMode, a(2)), (HowResolve, a(2))]),
    t("creat", 85, 58, &[(UStr, a(0)), (Mode, a(1))]),
    t("connect", 42, 22, &[FD0, (SockAddr, ab(1, 2))]),
];

/// ia32 syscall number → x86_64 number, for the covered syscalls (facts
/// from libs `driver/syscall_ia32_64_map.c`, which also maps the 16-bit uid
/// calls and `umount` onto their x86_64 counterparts). 32-bit programs (and
/// `int 0x80`) reach the same event builders through it; `accept` has no
/// ia32 syscall of its own (it goes through `socketcall`, not decoded).
#[rustfmt::skip]
pub(crate) static IA32_TO_64: &[(u32, u32)] = &[
    (2, 57), // fork
    (5, 2), // open
    (6, 3), // close
    (8, 85), // creat
    (9, 86), // link
    (10, 87), // unlink
    (11, 59), // execve
    (12, 80), // chdir
    (15, 90), // chmod
    (21, 165), // mount
    (22, 166), // umount2
    (23, 105), // setuid
    (26, 101), // ptrace
    (37, 62), // kill
    (38, 82), // rename
    (39, 83), // mkdir
    (40, 84), // rmdir
    (41, 32), // dup
    (42, 22), // pipe
    (46, 106), // setgid
    (52, 166), // umount2
    (55, 72), // fcntl
    (57, 109), // setpgid
    (61, 161), // chroot
    (63, 33), // dup2
    (66, 112), // setsid
    (70, 113), // setreuid
    (71, 114), // setregid
    (83, 88), // symlink
    (94, 91), // fchmod
    (120, 56), // clone
    (128, 175), // init_module
    (133, 81), // fchdir
    (164, 117), // setresuid
    (170, 119), // setresgid
    (172, 157), // prctl
    (185, 126), // capset
    (190, 58), // vfork
    (208, 117), // setresuid
    (210, 119), // setresgid
    (213, 105), // setuid
    (214, 106), // setgid
    (221, 72), // fcntl
    (238, 200), // tkill
    (254, 213), // epoll_create
    (270, 234), // tgkill
    (291, 253), // inotify_init
    (295, 257), // openat
    (296, 258), // mkdirat
    (301, 263), // unlinkat
    (302, 264), // renameat
    (303, 265), // linkat
    (304, 266), // symlinkat
    (306, 268), // fchmodat
    (310, 272), // unshare
    (321, 282), // signalfd
    (322, 283), // timerfd_create
    (323, 284), // eventfd
    (327, 289), // signalfd4
    (328, 290), // eventfd2
    (329, 291), // epoll_create1
    (330, 292), // dup3
    (331, 293), // pipe2
    (332, 294), // inotify_init1
    (342, 304), // open_by_handle_at
    (346, 308), // setns
    (350, 313), // finit_module
    (353, 316), // renameat2
    (356, 319), // memfd_create
    (357, 321), // bpf
    (358, 322), // execveat
    (359, 41), // socket
    (360, 53), // socketpair
    (361, 49), // bind
    (362, 42), // connect
    (363, 50), // listen
    (364, 288), // accept4
    (369, 44), // sendto
    (370, 46), // sendmsg
    (371, 45), // recvfrom
    (372, 47), // recvmsg
    (374, 323), // userfaultfd
    (425, 425), // io_uring_setup
    (434, 434), // pidfd_open
    (435, 435), // clone3
    (437, 437), // openat2
];

/// Syscalls whose events keep the host state (process tree, fd table, cwd,
/// credentials) right: always captured, whatever the rules ask for. Derived
/// from `falco-events`' one table of state syscalls
/// ([`falco_events::state::STATE_SYSCALLS`]), which also gives the event
/// codes the state applies.
pub fn state_syscalls() -> impl Iterator<Item = &'static str> {
    falco_events::state::state_syscalls()
}

/// The exit spec of a syscall, by name.
pub(crate) fn spec_by_name(name: &str) -> Option<&'static Spec> {
    EXIT_SPECS.iter().find(|s| s.name == name)
}

/// Names of every syscall the probe writes events for.
pub fn covered_syscalls() -> impl Iterator<Item = &'static str> {
    EXIT_SPECS.iter().map(|s| s.name)
}

/// The native syscall number of a covered syscall.
pub fn syscall_number(name: &str) -> Option<u32> {
    spec_by_name(name).map(|s| s.nr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use falco_events::table::{event_info, syscall_table, ParamType};

    /// The probe's shared header, as the BPF programs are built from it.
    const PROBE_H: &str = include_str!("bpf/probe.h");

    /// `NAME = VALUE` entries of C `enum NAME { ... }` in the probe header.
    fn c_enum(name: &str) -> Vec<(String, u32)> {
        let start = PROBE_H
            .find(&format!("enum {name} {{"))
            .unwrap_or_else(|| panic!("enum {name} in probe.h"));
        let body = &PROBE_H[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
        body.lines()
            .map(|l| l.split("/*").next().unwrap_or("").trim())
            .filter_map(|l| {
                let (n, v) = l.trim_end_matches(',').split_once('=')?;
                Some((n.trim().to_string(), v.trim().parse().ok()?))
            })
            .collect()
    }

    /// `#define NAME VALUE` in the probe header.
    fn c_define(name: &str) -> u64 {
        PROBE_H
            .lines()
            .find_map(|l| {
                let rest = l.strip_prefix("#define ")?.strip_prefix(name)?;
                rest.split_whitespace().next()?.parse().ok()
            })
            .unwrap_or_else(|| panic!("#define {name} in probe.h"))
    }

    #[test]
    fn param_kinds_match_the_c_enum_name_for_name() {
        let c = c_enum("param_kind");
        let rust: Vec<(String, u32)> = Kind::ALL
            .iter()
            .map(|(k, name)| (name.to_string(), *k as u32))
            .collect();
        assert_eq!(rust, c);
        // The C enum ends with its count marker, which has no value.
        assert!(PROBE_H.contains("PK_KIND_MAX\n};"));
    }

    #[test]
    fn the_probe_header_agrees_with_the_event_layout() {
        assert_eq!(
            c_define("EVT_HDR_SIZE"),
            falco_events::event::HEADER_LEN as u64
        );
        assert_eq!(
            c_define("PPM_EVENT_MAX"),
            u64::from(falco_events::table::PPM_EVENT_MAX)
        );
    }

    /// The bytes a kind writes, when fixed (None: variable or composite).
    fn kind_size(k: Kind) -> Option<usize> {
        match k {
            Ret | Fd | S64 | U64 | RetIno | PipeFd0 | PipeFd1 | PipeIno | CapInh | CapPerm
            | CapEff | PrctlInt | SpSource | SpPeer | U32AsU64 => Some(8),
            U32 | I32 | OpenFlags | OpenMode | Mode | RetDev | HowFlags | HowMode | HowResolve
            | UnlinkatFlags | LinkatFlags | CloexecFlags | Pipe2Flags | MemfdFlags
            | Umount2Flags | CloneFlags | QueueLen | QueueMax | SockFlags | MountFlags | RetU32
            | FinitFlags | MkdirMode | SockFamily => Some(4),
            CreatFlags => Some(2),
            U8 | FcntlCmd | QueuePct | ZeroU8 | NbCxFlags8 => Some(1),
            U16 | PtraceReq | NbCxFlags16 => Some(2),
            MsgSize | ZeroU32 | EpollFlags | PidfdFlags | IoUringParam => Some(4),
            Empty | UStr | SockAddr | TupleOut | TupleIn | TupleRecv | TupleSend | UBufLen
            | UBufRet | PrctlStr | SendData | MsgData | MsgControl | TupleSendMsg
            | TupleRecvMsg | PtraceAddr | PtraceData | RetPath => None,
        }
    }

    fn compatible(k: Kind, ty: ParamType) -> bool {
        match kind_size(k) {
            Some(n) => ty.fixed_size() == Some(n),
            None => match k {
                Empty => true,
                UStr | PrctlStr | RetPath => matches!(
                    ty,
                    ParamType::CharBuf | ParamType::FsPath | ParamType::FsRelPath
                ),
                SockAddr => ty == ParamType::SockAddr,
                TupleOut | TupleIn | TupleRecv | TupleSend | TupleSendMsg | TupleRecvMsg => {
                    ty == ParamType::SockTuple
                }
                UBufLen | UBufRet | SendData | MsgData | MsgControl => ty == ParamType::ByteBuf,
                PtraceAddr | PtraceData => ty == ParamType::Dyn,
                _ => false,
            },
        }
    }

    fn check(spec: &Spec, enter: bool) {
        let entry = &syscall_table()[spec.nr as usize];
        let (e, x) = entry.event_codes();
        let want = if enter { e } else { x };
        assert_eq!(
            spec.event, want,
            "{}: event code against the syscall table",
            spec.name
        );
        let info = event_info(spec.event).expect("event in the table");
        assert_eq!(info.name, spec.name, "{}: event name", spec.name);
        if spec.builder != Builder::Table {
            return;
        }
        assert_eq!(
            spec.params.len(),
            info.params.len(),
            "{}: parameter count",
            spec.name
        );
        for (i, ((kind, _), p)) in spec.params.iter().zip(info.params.iter()).enumerate() {
            assert!(
                compatible(*kind, p.ty),
                "{} param {} ({}: {:?}) written as {:?}",
                spec.name,
                i,
                p.name,
                p.ty,
                kind
            );
        }
    }

    #[test]
    fn every_exit_spec_matches_the_event_table() {
        for s in EXIT_SPECS {
            check(s, false);
        }
    }

    #[test]
    fn every_enter_spec_matches_the_event_table() {
        for s in ENTER_SPECS {
            check(s, true);
        }
    }

    #[test]
    fn state_syscalls_are_covered() {
        for name in state_syscalls() {
            assert!(spec_by_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn every_ia32_row_leads_to_a_covered_syscall() {
        for (ia32, x64) in IA32_TO_64 {
            assert!(*ia32 < 512, "ia32 {ia32}");
            assert!(
                EXIT_SPECS.iter().any(|s| s.nr == *x64),
                "ia32 {ia32} -> {x64} not covered"
            );
        }
    }

    #[test]
    fn syscall_numbers_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for s in EXIT_SPECS {
            assert!(seen.insert(s.nr), "{} listed twice", s.name);
        }
    }
}

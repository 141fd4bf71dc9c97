// Event-table data transcribed from falcosecurity/libs at commit
// 48dfd53cd23f95720521d41b89883bbc35c8567f (driver API 10.1.0, schema 4.5.1):
// `driver/event_table.c`, `driver/flags_table.c`, `driver/dynamic_params_table.c`,
// `driver/syscall_table.c` with `driver/syscall_compat_x86_64.h`, and the `PPM_SC_X` list of
// `driver/ppm_events_public.h`. Facts only (numbers, names, types), in this crate's own format.
// Regenerate rather than edit by hand when libs adds events.

use super::*;

pub(super) static SOCKET_FAMILIES: [FlagName; 40] = [
    FlagName::new("AF_NFC", 0x27),
    FlagName::new("AF_ALG", 0x26),
    FlagName::new("AF_CAIF", 0x25),
    FlagName::new("AF_IEEE802154", 0x24),
    FlagName::new("AF_PHONET", 0x23),
    FlagName::new("AF_ISDN", 0x22),
    FlagName::new("AF_RXRPC", 0x21),
    FlagName::new("AF_IUCV", 0x20),
    FlagName::new("AF_BLUETOOTH", 0x1f),
    FlagName::new("AF_TIPC", 0x1e),
    FlagName::new("AF_CAN", 0x1d),
    FlagName::new("AF_LLC", 0x1a),
    FlagName::new("AF_WANPIPE", 0x19),
    FlagName::new("AF_PPPOX", 0x18),
    FlagName::new("AF_IRDA", 0x17),
    FlagName::new("AF_SNA", 0x16),
    FlagName::new("AF_RDS", 0x15),
    FlagName::new("AF_ATMSVC", 0x14),
    FlagName::new("AF_ECONET", 0x13),
    FlagName::new("AF_ASH", 0x12),
    FlagName::new("AF_PACKET", 0x11),
    FlagName::new("AF_ROUTE", 0x10),
    FlagName::new("AF_NETLINK", 0x10),
    FlagName::new("AF_KEY", 0xf),
    FlagName::new("AF_SECURITY", 0xe),
    FlagName::new("AF_NETBEUI", 0xd),
    FlagName::new("AF_DECnet", 0xc),
    FlagName::new("AF_ROSE", 0xb),
    FlagName::new("AF_INET6", 0xa),
    FlagName::new("AF_X25", 0x9),
    FlagName::new("AF_ATMPVC", 0x8),
    FlagName::new("AF_BRIDGE", 0x7),
    FlagName::new("AF_NETROM", 0x6),
    FlagName::new("AF_APPLETALK", 0x5),
    FlagName::new("AF_IPX", 0x4),
    FlagName::new("AF_AX25", 0x3),
    FlagName::new("AF_INET", 0x2),
    FlagName::new("AF_LOCAL", 0x1),
    FlagName::new("AF_UNIX", 0x1),
    FlagName::new("AF_UNSPEC", 0x0),
];
pub(super) static FILE_FLAGS: [FlagName; 19] = [
    FlagName::new("O_LARGEFILE", 0x800),
    FlagName::new("O_DIRECTORY", 0x400),
    FlagName::new("O_DIRECT", 0x200),
    FlagName::new("O_TRUNC", 0x100),
    FlagName::new("O_SYNC", 0x80),
    FlagName::new("O_NONBLOCK", 0x40),
    FlagName::new("O_EXCL", 0x20),
    FlagName::new("O_DSYNC", 0x10),
    FlagName::new("O_APPEND", 0x8),
    FlagName::new("O_CREAT", 0x4),
    FlagName::new("O_RDWR", 0x3),
    FlagName::new("O_WRONLY", 0x2),
    FlagName::new("O_RDONLY", 0x1),
    FlagName::new("O_CLOEXEC", 0x1000),
    FlagName::new("O_NONE", 0x0),
    FlagName::new("O_TMPFILE", 0x2000),
    FlagName::new("O_F_CREATED", 0x4000),
    FlagName::new("FD_UPPER_LAYER", 0x8000),
    FlagName::new("FD_LOWER_LAYER", 0x10000),
];
pub(super) static CREAT_FLAGS: [FlagName; 2] = [
    FlagName::new("FD_UPPER_LAYER_CREAT", 0x1),
    FlagName::new("FD_LOWER_LAYER_CREAT", 0x2),
];
pub(super) static FLOCK_FLAGS: [FlagName; 5] = [
    FlagName::new("LOCK_SH", 0x1),
    FlagName::new("LOCK_EX", 0x2),
    FlagName::new("LOCK_NB", 0x4),
    FlagName::new("LOCK_UN", 0x8),
    FlagName::new("LOCK_NONE", 0x0),
];
pub(super) static CLONE_FLAGS: [FlagName; 27] = [
    FlagName::new("CLONE_FILES", 0x1),
    FlagName::new("CLONE_FS", 0x2),
    FlagName::new("CLONE_IO", 0x4),
    FlagName::new("CLONE_NEWIPC", 0x8),
    FlagName::new("CLONE_NEWNET", 0x10),
    FlagName::new("CLONE_NEWNS", 0x20),
    FlagName::new("CLONE_NEWPID", 0x40),
    FlagName::new("CLONE_NEWUTS", 0x80),
    FlagName::new("CLONE_PARENT", 0x100),
    FlagName::new("CLONE_PARENT_SETTID", 0x200),
    FlagName::new("CLONE_PTRACE", 0x400),
    FlagName::new("CLONE_SIGHAND", 0x800),
    FlagName::new("CLONE_SYSVSEM", 0x1000),
    FlagName::new("CLONE_THREAD", 0x2000),
    FlagName::new("CLONE_UNTRACED", 0x4000),
    FlagName::new("CLONE_VM", 0x8000),
    FlagName::new("CLONE_INVERTED", 0x10000),
    FlagName::new("NAME_CHANGED", 0x20000),
    FlagName::new("CLOSED", 0x40000),
    FlagName::new("CLONE_NEWUSER", 0x100000),
    FlagName::new("CLONE_CHILD_CLEARTID", 0x800000),
    FlagName::new("CLONE_CHILD_SETTID", 0x1000000),
    FlagName::new("CLONE_SETTLS", 0x2000000),
    FlagName::new("CLONE_STOPPED", 0x4000000),
    FlagName::new("CLONE_VFORK", 0x8000000),
    FlagName::new("CLONE_NEWCGROUP", 0x10000000),
    FlagName::new("CLONE_CHILD_IN_PIDNS", 0x20000000),
];
pub(super) static FUTEX_OPERATIONS: [FlagName; 15] = [
    FlagName::new("FUTEX_CLOCK_REALTIME", 0x100),
    FlagName::new("FUTEX_PRIVATE_FLAG", 0x80),
    FlagName::new("FUTEX_CMP_REQUEUE_PI", 0xc),
    FlagName::new("FUTEX_WAIT_REQUEUE_PI", 0xb),
    FlagName::new("FUTEX_WAKE_BITSET", 0xa),
    FlagName::new("FUTEX_WAIT_BITSET", 0x9),
    FlagName::new("FUTEX_TRYLOCK_PI", 0x8),
    FlagName::new("FUTEX_UNLOCK_PI", 0x7),
    FlagName::new("FUTEX_LOCK_PI", 0x6),
    FlagName::new("FUTEX_WAKE_OP", 0x5),
    FlagName::new("FUTEX_CMP_REQUEUE", 0x4),
    FlagName::new("FUTEX_REQUEUE", 0x3),
    FlagName::new("FUTEX_FD", 0x2),
    FlagName::new("FUTEX_WAKE", 0x1),
    FlagName::new("FUTEX_WAIT", 0x0),
];
pub(super) static POLL_FLAGS: [FlagName; 11] = [
    FlagName::new("POLLIN", 0x1),
    FlagName::new("POLLPRI", 0x2),
    FlagName::new("POLLOUT", 0x4),
    FlagName::new("POLLRDHUP", 0x8),
    FlagName::new("POLLERR", 0x10),
    FlagName::new("POLLHUP", 0x20),
    FlagName::new("POLLNVAL", 0x40),
    FlagName::new("POLLRDNORM", 0x80),
    FlagName::new("POLLRDBAND", 0x100),
    FlagName::new("POLLWRNORM", 0x200),
    FlagName::new("POLLWRBAND", 0x400),
];
pub(super) static MOUNT_FLAGS: [FlagName; 28] = [
    FlagName::new("RDONLY", 0x1),
    FlagName::new("NOSUID", 0x2),
    FlagName::new("NODEV", 0x4),
    FlagName::new("NOEXEC", 0x8),
    FlagName::new("SYNCHRONOUS", 0x10),
    FlagName::new("REMOUNT", 0x20),
    FlagName::new("MANDLOCK", 0x40),
    FlagName::new("DIRSYNC", 0x80),
    FlagName::new("NOATIME", 0x400),
    FlagName::new("NODIRATIME", 0x800),
    FlagName::new("BIND", 0x1000),
    FlagName::new("MOVE", 0x2000),
    FlagName::new("REC", 0x4000),
    FlagName::new("SILENT", 0x8000),
    FlagName::new("POSIXACL", 0x10000),
    FlagName::new("UNBINDABLE", 0x20000),
    FlagName::new("PRIVATE", 0x40000),
    FlagName::new("SLAVE", 0x80000),
    FlagName::new("SHARED", 0x100000),
    FlagName::new("RELATIME", 0x200000),
    FlagName::new("KERNMOUNT", 0x400000),
    FlagName::new("I_VERSION", 0x800000),
    FlagName::new("STRICTATIME", 0x1000000),
    FlagName::new("LAZYTIME", 0x2000000),
    FlagName::new("NOSEC", 0x10000000),
    FlagName::new("BORN", 0x20000000),
    FlagName::new("ACTIVE", 0x40000000),
    FlagName::new("NOUSER", 0x80000000),
];
pub(super) static UMOUNT_FLAGS: [FlagName; 4] = [
    FlagName::new("FORCE", 0x1),
    FlagName::new("DETACH", 0x2),
    FlagName::new("EXPIRE", 0x4),
    FlagName::new("NOFOLLOW", 0x8),
];
pub(super) static LSEEK_WHENCE: [FlagName; 3] = [
    FlagName::new("SEEK_END", 0x2),
    FlagName::new("SEEK_CUR", 0x1),
    FlagName::new("SEEK_SET", 0x0),
];
pub(super) static SHUTDOWN_HOW: [FlagName; 4] = [
    FlagName::new("SHUT_UNKNOWN", 0xffff),
    FlagName::new("SHUT_RDWR", 0x2),
    FlagName::new("SHUT_WR", 0x1),
    FlagName::new("SHUT_RD", 0x0),
];
pub(super) static RLIMIT_RESOURCES: [FlagName; 17] = [
    FlagName::new("RLIMIT_UNKNOWN", 0xff),
    FlagName::new("RLIMIT_RTTIME", 0xf),
    FlagName::new("RLIMIT_RTPRIO", 0xe),
    FlagName::new("RLIMIT_NICE", 0xd),
    FlagName::new("RLIMIT_MSGQUEUE", 0xc),
    FlagName::new("RLIMIT_SIGPENDING", 0xb),
    FlagName::new("RLIMIT_LOCKS", 0xa),
    FlagName::new("RLIMIT_AS", 0x9),
    FlagName::new("RLIMIT_MEMLOCK", 0x8),
    FlagName::new("RLIMIT_NOFILE", 0x7),
    FlagName::new("RLIMIT_NPROC", 0x6),
    FlagName::new("RLIMIT_RSS", 0x5),
    FlagName::new("RLIMIT_CORE", 0x4),
    FlagName::new("RLIMIT_STACK", 0x3),
    FlagName::new("RLIMIT_DATA", 0x2),
    FlagName::new("RLIMIT_FSIZE", 0x1),
    FlagName::new("RLIMIT_CPU", 0x0),
];
pub(super) static FCNTL_COMMANDS: [FlagName; 28] = [
    FlagName::new("F_GETPIPE_SZ", 0x1d),
    FlagName::new("F_SETPIPE_SZ", 0x1c),
    FlagName::new("F_NOTIFY", 0x1b),
    FlagName::new("F_DUPFD_CLOEXEC", 0x1a),
    FlagName::new("F_CANCELLK", 0x19),
    FlagName::new("F_GETLEASE", 0x18),
    FlagName::new("F_SETLEASE", 0x17),
    FlagName::new("F_GETOWN_EX", 0x16),
    FlagName::new("F_SETOWN_EX", 0x15),
    FlagName::new("F_SETLKW64", 0x13),
    FlagName::new("F_SETLK64", 0x12),
    FlagName::new("F_GETLK64", 0x11),
    FlagName::new("F_GETSIG", 0xf),
    FlagName::new("F_SETSIG", 0xd),
    FlagName::new("F_GETOWN", 0xc),
    FlagName::new("F_SETOWN", 0xa),
    FlagName::new("F_SETLKW", 0x9),
    FlagName::new("F_SETLK", 0x8),
    FlagName::new("F_GETLK", 0x6),
    FlagName::new("F_SETFL", 0x5),
    FlagName::new("F_GETFL", 0x4),
    FlagName::new("F_SETFD", 0x3),
    FlagName::new("F_GETFD", 0x2),
    FlagName::new("F_DUPFD", 0x1),
    FlagName::new("F_OFD_GETLK", 0x1e),
    FlagName::new("F_OFD_SETLK", 0x1f),
    FlagName::new("F_OFD_SETLKW", 0x20),
    FlagName::new("UNKNOWN", 0x0),
];
pub(super) static SOCKOPT_LEVELS: [FlagName; 3] = [
    FlagName::new("SOL_SOCKET", 0x1),
    FlagName::new("SOL_TCP", 0x2),
    FlagName::new("UNKNOWN", 0x0),
];
pub(super) static SOCKOPT_OPTIONS: [FlagName; 54] = [
    FlagName::new("SO_COOKIE", 0x35),
    FlagName::new("SO_MEMINFO", 0x34),
    FlagName::new("SO_PEERGROUPS", 0x33),
    FlagName::new("SO_ATTACH_BPF", 0x32),
    FlagName::new("SO_INCOMING_CPU", 0x31),
    FlagName::new("SO_BPF_EXTENSIONS", 0x30),
    FlagName::new("SO_MAX_PACING_RATE", 0x2f),
    FlagName::new("SO_BUSY_POLL", 0x2e),
    FlagName::new("SO_SELECT_ERR_QUEUE", 0x2d),
    FlagName::new("SO_LOCK_FILTER", 0x2c),
    FlagName::new("SO_NOFCS", 0x2b),
    FlagName::new("SO_PEEK_OFF", 0x2a),
    FlagName::new("SO_WIFI_STATUS", 0x29),
    FlagName::new("SO_RXQ_OVFL", 0x28),
    FlagName::new("SO_DOMAIN", 0x27),
    FlagName::new("SO_PROTOCOL", 0x26),
    FlagName::new("SO_TIMESTAMPING", 0x25),
    FlagName::new("SO_MARK", 0x24),
    FlagName::new("SO_TIMESTAMPNS", 0x23),
    FlagName::new("SO_PASSSEC", 0x22),
    FlagName::new("SO_PEERSEC", 0x1f),
    FlagName::new("SO_ACCEPTCONN", 0x1e),
    FlagName::new("SO_TIMESTAMP", 0x1d),
    FlagName::new("SO_PEERNAME", 0x1c),
    FlagName::new("SO_DETACH_FILTER", 0x1b),
    FlagName::new("SO_ATTACH_FILTER", 0x1a),
    FlagName::new("SO_BINDTODEVICE", 0x19),
    FlagName::new("SO_SECURITY_ENCRYPTION_NETWORK", 0x18),
    FlagName::new("SO_SECURITY_ENCRYPTION_TRANSPORT", 0x17),
    FlagName::new("SO_SECURITY_AUTHENTICATION", 0x16),
    FlagName::new("SO_SNDTIMEO", 0x15),
    FlagName::new("SO_RCVTIMEO", 0x14),
    FlagName::new("SO_SNDLOWAT", 0x13),
    FlagName::new("SO_RCVLOWAT", 0x12),
    FlagName::new("SO_PEERCRED", 0x11),
    FlagName::new("SO_PASSCRED", 0x10),
    FlagName::new("SO_REUSEPORT", 0xf),
    FlagName::new("SO_BSDCOMPAT", 0xe),
    FlagName::new("SO_LINGER", 0xd),
    FlagName::new("SO_PRIORITY", 0xc),
    FlagName::new("SO_NO_CHECK", 0xb),
    FlagName::new("SO_OOBINLINE", 0xa),
    FlagName::new("SO_KEEPALIVE", 0x9),
    FlagName::new("SO_RCVBUFFORCE", 0x21),
    FlagName::new("SO_SNDBUFFORCE", 0x20),
    FlagName::new("SO_RCVBUF", 0x8),
    FlagName::new("SO_SNDBUF", 0x7),
    FlagName::new("SO_BROADCAST", 0x6),
    FlagName::new("SO_DONTROUTE", 0x5),
    FlagName::new("SO_ERROR", 0x4),
    FlagName::new("SO_TYPE", 0x3),
    FlagName::new("SO_REUSEADDR", 0x2),
    FlagName::new("SO_DEBUG", 0x1),
    FlagName::new("UNKNOWN", 0x0),
];
pub(super) static PTRACE_REQUESTS: [FlagName; 39] = [
    FlagName::new("PTRACE_SINGLEBLOCK", 0x26),
    FlagName::new("PTRACE_SYSEMU_SINGLESTEP", 0x25),
    FlagName::new("PTRACE_SYSEMU", 0x24),
    FlagName::new("PTRACE_ARCH_PRCTL", 0x23),
    FlagName::new("PTRACE_SET_THREAD_AREA", 0x22),
    FlagName::new("PTRACE_GET_THREAD_AREA", 0x21),
    FlagName::new("PTRACE_OLDSETOPTIONS", 0x20),
    FlagName::new("PTRACE_SETFPXREGS", 0x1f),
    FlagName::new("PTRACE_GETFPXREGS", 0x1e),
    FlagName::new("PTRACE_SETFPREGS", 0x1d),
    FlagName::new("PTRACE_GETFPREGS", 0x1c),
    FlagName::new("PTRACE_SETREGS", 0x1b),
    FlagName::new("PTRACE_GETREGS", 0x1a),
    FlagName::new("PTRACE_SETSIGMASK", 0x19),
    FlagName::new("PTRACE_GETSIGMASK", 0x18),
    FlagName::new("PTRACE_PEEKSIGINFO", 0x17),
    FlagName::new("PTRACE_LISTEN", 0x16),
    FlagName::new("PTRACE_INTERRUPT", 0x15),
    FlagName::new("PTRACE_SEIZE", 0x14),
    FlagName::new("PTRACE_SETREGSET", 0x13),
    FlagName::new("PTRACE_GETREGSET", 0x12),
    FlagName::new("PTRACE_SETSIGINFO", 0x11),
    FlagName::new("PTRACE_GETSIGINFO", 0x10),
    FlagName::new("PTRACE_GETEVENTMSG", 0xf),
    FlagName::new("PTRACE_SETOPTIONS", 0xe),
    FlagName::new("PTRACE_SYSCALL", 0xd),
    FlagName::new("PTRACE_DETACH", 0xc),
    FlagName::new("PTRACE_ATTACH", 0xb),
    FlagName::new("PTRACE_SINGLESTEP", 0xa),
    FlagName::new("PTRACE_KILL", 0x9),
    FlagName::new("PTRACE_CONT", 0x8),
    FlagName::new("PTRACE_POKEUSR", 0x7),
    FlagName::new("PTRACE_POKEDATA", 0x6),
    FlagName::new("PTRACE_POKETEXT", 0x5),
    FlagName::new("PTRACE_PEEKUSR", 0x4),
    FlagName::new("PTRACE_PEEKDATA", 0x3),
    FlagName::new("PTRACE_PEEKTEXT", 0x2),
    FlagName::new("PTRACE_TRACEME", 0x1),
    FlagName::new("PTRACE_UNKNOWN", 0x0),
];
pub(super) static PROT_FLAGS: [FlagName; 8] = [
    FlagName::new("PROT_READ", 0x1),
    FlagName::new("PROT_WRITE", 0x2),
    FlagName::new("PROT_EXEC", 0x4),
    FlagName::new("PROT_SEM", 0x8),
    FlagName::new("PROT_GROWSDOWN", 0x10),
    FlagName::new("PROT_GROWSUP", 0x20),
    FlagName::new("PROT_SAO", 0x40),
    FlagName::new("PROT_NONE", 0x0),
];
pub(super) static MMAP_FLAGS: [FlagName; 15] = [
    FlagName::new("MAP_SHARED", 0x1),
    FlagName::new("MAP_PRIVATE", 0x2),
    FlagName::new("MAP_FIXED", 0x4),
    FlagName::new("MAP_ANONYMOUS", 0x8),
    FlagName::new("MAP_32BIT", 0x10),
    FlagName::new("MAP_RENAME", 0x20),
    FlagName::new("MAP_NORESERVE", 0x40),
    FlagName::new("MAP_POPULATE", 0x80),
    FlagName::new("MAP_NONBLOCK", 0x100),
    FlagName::new("MAP_GROWSDOWN", 0x200),
    FlagName::new("MAP_DENYWRITE", 0x400),
    FlagName::new("MAP_EXECUTABLE", 0x800),
    FlagName::new("MAP_INHERIT", 0x1000),
    FlagName::new("MAP_FILE", 0x2000),
    FlagName::new("MAP_LOCKED", 0x4000),
];
pub(super) static SPLICE_FLAGS: [FlagName; 4] = [
    FlagName::new("SPLICE_F_MOVE", 0x1),
    FlagName::new("SPLICE_F_NONBLOCK", 0x2),
    FlagName::new("SPLICE_F_MORE", 0x4),
    FlagName::new("SPLICE_F_GIFT", 0x8),
];
pub(super) static QUOTACTL_DQI_FLAGS: [FlagName; 2] = [
    FlagName::new("DQF_NONE", 0x1),
    FlagName::new("V1_DQF_RSQUASH", 0x2),
];
pub(super) static QUOTACTL_CMDS: [FlagName; 15] = [
    FlagName::new("Q_QUOTAON", 0x1),
    FlagName::new("Q_QUOTAOFF", 0x2),
    FlagName::new("Q_GETFMT", 0x4),
    FlagName::new("Q_GETINFO", 0x8),
    FlagName::new("Q_SETINFO", 0x10),
    FlagName::new("Q_GETQUOTA", 0x20),
    FlagName::new("Q_SETQUOTA", 0x40),
    FlagName::new("Q_SYNC", 0x80),
    FlagName::new("Q_XQUOTAON", 0x100),
    FlagName::new("Q_XQUOTAOFF", 0x200),
    FlagName::new("Q_XGETQUOTA", 0x400),
    FlagName::new("Q_XSETQLIM", 0x800),
    FlagName::new("Q_XGETQSTAT", 0x1000),
    FlagName::new("Q_XQUOTARM", 0x2000),
    FlagName::new("Q_XQUOTASYNC", 0x4000),
];
pub(super) static QUOTACTL_TYPES: [FlagName; 2] = [
    FlagName::new("USRQUOTA", 0x1),
    FlagName::new("GRPQUOTA", 0x2),
];
pub(super) static QUOTACTL_QUOTA_FMTS: [FlagName; 4] = [
    FlagName::new("QFMT_NOT_USED", 0x1),
    FlagName::new("QFMT_VFS_OLD", 0x2),
    FlagName::new("QFMT_VFS_V0", 0x4),
    FlagName::new("QFMT_VFS_V1", 0x8),
];
pub(super) static SEMOP_FLAGS: [FlagName; 2] = [
    FlagName::new("IPC_NOWAIT", 0x1),
    FlagName::new("SEM_UNDO", 0x2),
];
pub(super) static SEMGET_FLAGS: [FlagName; 2] = [
    FlagName::new("IPC_EXCL", 0x4000),
    FlagName::new("IPC_CREAT", 0x2000),
];
pub(super) static SEMCTL_COMMANDS: [FlagName; 13] = [
    FlagName::new("IPC_STAT", 0x1),
    FlagName::new("IPC_SET", 0x2),
    FlagName::new("IPC_RMID", 0x4),
    FlagName::new("IPC_INFO", 0x8),
    FlagName::new("SEM_INFO", 0x10),
    FlagName::new("SEM_STAT", 0x20),
    FlagName::new("GETALL", 0x40),
    FlagName::new("GETNCNT", 0x80),
    FlagName::new("GETPID", 0x100),
    FlagName::new("GETVAL", 0x200),
    FlagName::new("GETZCNT", 0x400),
    FlagName::new("SETALL", 0x800),
    FlagName::new("SETVAL", 0x1000),
];
pub(super) static ACCESS_FLAGS: [FlagName; 4] = [
    FlagName::new("F_OK", 0x0),
    FlagName::new("R_OK", 0x4),
    FlagName::new("W_OK", 0x2),
    FlagName::new("X_OK", 0x1),
];
pub(super) static PF_FLAGS: [FlagName; 8] = [
    FlagName::new("PROTECTION_VIOLATION", 0x1),
    FlagName::new("PAGE_NOT_PRESENT", 0x2),
    FlagName::new("WRITE_ACCESS", 0x4),
    FlagName::new("READ_ACCESS", 0x8),
    FlagName::new("USER_FAULT", 0x10),
    FlagName::new("SUPERVISOR_FAULT", 0x20),
    FlagName::new("RESERVED_PAGE", 0x40),
    FlagName::new("INSTRUCTION_FETCH", 0x80),
];
pub(super) static UNLINKAT_FLAGS: [FlagName; 1] = [
    FlagName::new("AT_REMOVEDIR", 0x200),
];
pub(super) static LINKAT_FLAGS: [FlagName; 2] = [
    FlagName::new("AT_SYMLINK_FOLLOW", 0x400),
    FlagName::new("AT_EMPTY_PATH", 0x1000),
];
pub(super) static NEWFSTATAT_FLAGS: [FlagName; 3] = [
    FlagName::new("AT_EMPTY_PATH", 0x1000),
    FlagName::new("AT_NO_AUTOMOUNT", 0x800),
    FlagName::new("AT_SYMLINK_NOFOLLOW", 0x100),
];
pub(super) static CHMOD_MODE: [FlagName; 12] = [
    FlagName::new("S_IXOTH", 0x1),
    FlagName::new("S_IWOTH", 0x2),
    FlagName::new("S_IROTH", 0x4),
    FlagName::new("S_IXGRP", 0x8),
    FlagName::new("S_IWGRP", 0x10),
    FlagName::new("S_IRGRP", 0x20),
    FlagName::new("S_IXUSR", 0x40),
    FlagName::new("S_IWUSR", 0x80),
    FlagName::new("S_IRUSR", 0x100),
    FlagName::new("S_ISVTX", 0x200),
    FlagName::new("S_ISGID", 0x400),
    FlagName::new("S_ISUID", 0x800),
];
pub(super) static FCHOWNAT_FLAGS: [FlagName; 2] = [
    FlagName::new("AT_SYMLINK_NOFOLLOW", 0x400),
    FlagName::new("AT_EMPTY_PATH", 0x1000),
];
pub(super) static RENAMEAT2_FLAGS: [FlagName; 3] = [
    FlagName::new("RENAME_NOREPLACE", 0x1),
    FlagName::new("RENAME_EXCHANGE", 0x2),
    FlagName::new("RENAME_WHITEOUT", 0x4),
];
pub(super) static OPENAT2_FLAGS: [FlagName; 6] = [
    FlagName::new("RESOLVE_BENEATH", 0x1),
    FlagName::new("RESOLVE_IN_ROOT", 0x2),
    FlagName::new("RESOLVE_NO_MAGICLINKS", 0x4),
    FlagName::new("RESOLVE_NO_SYMLINKS", 0x8),
    FlagName::new("RESOLVE_NO_XDEV", 0x10),
    FlagName::new("RESOLVE_CACHED", 0x20),
];
pub(super) static EXECVE_FLAGS: [FlagName; 4] = [
    FlagName::new("EXE_WRITABLE", 0x1),
    FlagName::new("EXE_UPPER_LAYER", 0x2),
    FlagName::new("EXE_FROM_MEMFD", 0x4),
    FlagName::new("EXE_LOWER_LAYER", 0x8),
];
pub(super) static EXECVEAT_FLAGS: [FlagName; 2] = [
    FlagName::new("AT_EMPTY_PATH", 0x1),
    FlagName::new("AT_SYMLINK_NOFOLLOW", 0x2),
];
pub(super) static IO_URING_SETUP_FLAGS: [FlagName; 8] = [
    FlagName::new("IORING_SETUP_IOPOLL", 0x1),
    FlagName::new("IORING_SETUP_SQPOLL", 0x2),
    FlagName::new("IORING_SQ_NEED_WAKEUP", 0x4),
    FlagName::new("IORING_SETUP_SQ_AFF", 0x8),
    FlagName::new("IORING_SETUP_CQSIZE", 0x10),
    FlagName::new("IORING_SETUP_CLAMP", 0x20),
    FlagName::new("IORING_SETUP_ATTACH_RW", 0x40),
    FlagName::new("IORING_SETUP_R_DISABLED", 0x80),
];
pub(super) static IO_URING_SETUP_FEATS: [FlagName; 11] = [
    FlagName::new("IORING_FEAT_SINGLE_MMAP", 0x1),
    FlagName::new("IORING_FEAT_NODROP", 0x2),
    FlagName::new("IORING_FEAT_SUBMIT_STABLE", 0x4),
    FlagName::new("IORING_FEAT_RW_CUR_POS", 0x8),
    FlagName::new("IORING_FEAT_CUR_PERSONALITY", 0x10),
    FlagName::new("IORING_FEAT_FAST_POLL", 0x20),
    FlagName::new("IORING_FEAT_POLL_32BITS", 0x40),
    FlagName::new("IORING_FEAT_SQPOLL_NONFIXED", 0x80),
    FlagName::new("IORING_FEAT_ENTER_EXT_ARG", 0x100),
    FlagName::new("IORING_FEAT_NATIVE_WORKERS", 0x200),
    FlagName::new("IORING_FEAT_RSRC_TAGS", 0x400),
];
pub(super) static IO_URING_ENTER_FLAGS: [FlagName; 4] = [
    FlagName::new("IORING_ENTER_GETEVENTS", 0x1),
    FlagName::new("IORING_ENTER_SQ_WAKEUP", 0x2),
    FlagName::new("IORING_ENTER_SQ_WAIT", 0x4),
    FlagName::new("IORING_ENTER_EXT_ARG", 0x8),
];
pub(super) static IO_URING_REGISTER_OPCODES: [FlagName; 22] = [
    FlagName::new("IORING_REGISTER_BUFFERS", 0x0),
    FlagName::new("IORING_UNREGISTER_BUFFERS", 0x1),
    FlagName::new("IORING_REGISTER_FILES", 0x2),
    FlagName::new("IORING_UNREGISTER_FILES", 0x3),
    FlagName::new("IORING_REGISTER_EVENTFD", 0x4),
    FlagName::new("IORING_UNREGISTER_EVENTFD", 0x5),
    FlagName::new("IORING_REGISTER_FILES_UPDATE", 0x6),
    FlagName::new("IORING_REGISTER_EVENTFD_ASYNC", 0x7),
    FlagName::new("IORING_REGISTER_PROBE", 0x8),
    FlagName::new("IORING_REGISTER_PERSONALITY", 0x9),
    FlagName::new("IORING_UNREGISTER_PERSONALITY", 0xa),
    FlagName::new("IORING_REGISTER_RESTRICTIONS", 0xb),
    FlagName::new("IORING_REGISTER_ENABLE_RINGS", 0xc),
    FlagName::new("IORING_REGISTER_FILES2", 0xd),
    FlagName::new("IORING_REGISTER_FILES_UPDATE2", 0xe),
    FlagName::new("IORING_REGISTER_BUFFERS2", 0xf),
    FlagName::new("IORING_REGISTER_BUFFERS_UPDATE", 0x10),
    FlagName::new("IORING_REGISTER_IOWQ_AFF", 0x11),
    FlagName::new("IORING_UNREGISTER_IOWQ_AFF", 0x12),
    FlagName::new("IORING_REGISTER_IOWQ_MAX_WORKERS", 0x13),
    FlagName::new("IORING_REGISTER_RING_FDS", 0x14),
    FlagName::new("IORING_UNREGISTER_RING_FDS", 0x15),
];
pub(super) static MLOCKALL_FLAGS: [FlagName; 3] = [
    FlagName::new("MCL_CURRENT", 0x1),
    FlagName::new("MCL_FUTURE", 0x2),
    FlagName::new("MCL_ONFAULT", 0x4),
];
pub(super) static MLOCK2_FLAGS: [FlagName; 1] = [
    FlagName::new("MLOCK_ONFAULT", 0x1),
];
pub(super) static FSCONFIG_CMDS: [FlagName; 8] = [
    FlagName::new("FSCONFIG_SET_FLAG", 0x0),
    FlagName::new("FSCONFIG_SET_STRING", 0x1),
    FlagName::new("FSCONFIG_SET_BINARY", 0x2),
    FlagName::new("FSCONFIG_SET_PATH", 0x3),
    FlagName::new("FSCONFIG_SET_PATH_EMPTY", 0x4),
    FlagName::new("FSCONFIG_SET_FD", 0x5),
    FlagName::new("FSCONFIG_CMD_CREATE", 0x6),
    FlagName::new("FSCONFIG_CMD_RECONFIGURE", 0x7),
];
pub(super) static EPOLL_CREATE1_FLAGS: [FlagName; 1] = [
    FlagName::new("EPOLL_CLOEXEC", 0x1),
];
pub(super) static PRCTL_OPTIONS: [FlagName; 23] = [
    FlagName::new("PR_GET_DUMPABLE", 0x3),
    FlagName::new("PR_SET_DUMPABLE", 0x4),
    FlagName::new("PR_GET_KEEPCAPS", 0x7),
    FlagName::new("PR_SET_KEEPCAPS", 0x8),
    FlagName::new("PR_SET_NAME", 0xf),
    FlagName::new("PR_GET_NAME", 0x10),
    FlagName::new("PR_GET_SECCOMP", 0x15),
    FlagName::new("PR_SET_SECCOMP", 0x16),
    FlagName::new("PR_CAPBSET_READ", 0x17),
    FlagName::new("PR_CAPBSET_DROP", 0x18),
    FlagName::new("PR_GET_SECUREBITS", 0x1b),
    FlagName::new("PR_SET_SECUREBITS", 0x1c),
    FlagName::new("PR_MCE_KILL", 0x21),
    FlagName::new("PR_MCE_KILL", 0x21),
    FlagName::new("PR_SET_MM", 0x23),
    FlagName::new("PR_SET_CHILD_SUBREAPER", 0x24),
    FlagName::new("PR_GET_CHILD_SUBREAPER", 0x25),
    FlagName::new("PR_SET_NO_NEW_PRIVS", 0x26),
    FlagName::new("PR_GET_NO_NEW_PRIVS", 0x27),
    FlagName::new("PR_GET_TID_ADDRESS", 0x28),
    FlagName::new("PR_SET_THP_DISABLE", 0x29),
    FlagName::new("PR_GET_THP_DISABLE", 0x2a),
    FlagName::new("PR_CAP_AMBIENT", 0x2f),
];
pub(super) static KEYCTL_OPERATIONS: [FlagName; 33] = [
    FlagName::new("KEYCTL_GET_KEYRING_ID", 0x0),
    FlagName::new("KEYCTL_JOIN_SESSION_KEYRING", 0x1),
    FlagName::new("KEYCTL_UPDATE", 0x2),
    FlagName::new("KEYCTL_REVOKE", 0x3),
    FlagName::new("KEYCTL_CHOWN", 0x4),
    FlagName::new("KEYCTL_SETPERM", 0x5),
    FlagName::new("KEYCTL_DESCRIBE", 0x6),
    FlagName::new("KEYCTL_CLEAR", 0x7),
    FlagName::new("KEYCTL_LINK", 0x8),
    FlagName::new("KEYCTL_UNLINK", 0x9),
    FlagName::new("KEYCTL_SEARCH", 0xa),
    FlagName::new("KEYCTL_READ", 0xb),
    FlagName::new("KEYCTL_INSTANTIATE", 0xc),
    FlagName::new("KEYCTL_NEGATE", 0xd),
    FlagName::new("KEYCTL_SET_REQKEY_KEYRING", 0xe),
    FlagName::new("KEYCTL_SET_TIMEOUT", 0xf),
    FlagName::new("KEYCTL_ASSUME_AUTHORITY", 0x10),
    FlagName::new("KEYCTL_GET_SECURITY", 0x11),
    FlagName::new("KEYCTL_SESSION_TO_PARENT", 0x12),
    FlagName::new("KEYCTL_REJECT", 0x13),
    FlagName::new("KEYCTL_INSTANTIATE_IOV", 0x14),
    FlagName::new("KEYCTL_INVALIDATE", 0x15),
    FlagName::new("KEYCTL_GET_PERSISTENT", 0x16),
    FlagName::new("KEYCTL_DH_COMPUTE", 0x17),
    FlagName::new("KEYCTL_PKEY_QUERY", 0x18),
    FlagName::new("KEYCTL_PKEY_ENCRYPT", 0x19),
    FlagName::new("KEYCTL_PKEY_DECRYPT", 0x1a),
    FlagName::new("KEYCTL_PKEY_SIGN", 0x1b),
    FlagName::new("KEYCTL_PKEY_VERIFY", 0x1c),
    FlagName::new("KEYCTL_RESTRICT_KEYRING", 0x1d),
    FlagName::new("KEYCTL_MOVE", 0x1e),
    FlagName::new("KEYCTL_CAPABILITIES", 0x1f),
    FlagName::new("KEYCTL_WATCH_KEY", 0x20),
];
pub(super) static MEMFD_CREATE_FLAGS: [FlagName; 3] = [
    FlagName::new("MFD_CLOEXEC", 0x1),
    FlagName::new("MFD_ALLOW_SEALING", 0x2),
    FlagName::new("MFD_HUGETLB", 0x4),
];
pub(super) static PIDFD_OPEN_FLAGS: [FlagName; 1] = [
    FlagName::new("PIDFD_NONBLOCK", 0x1),
];
pub(super) static MKNOD_MODE: [FlagName; 17] = [
    FlagName::new("S_IXOTH", 0x1),
    FlagName::new("S_IWOTH", 0x2),
    FlagName::new("S_IROTH", 0x4),
    FlagName::new("S_IXGRP", 0x8),
    FlagName::new("S_IWGRP", 0x10),
    FlagName::new("S_IRGRP", 0x20),
    FlagName::new("S_IXUSR", 0x40),
    FlagName::new("S_IWUSR", 0x80),
    FlagName::new("S_IRUSR", 0x100),
    FlagName::new("S_ISVTX", 0x200),
    FlagName::new("S_ISGID", 0x400),
    FlagName::new("S_ISUID", 0x800),
    FlagName::new("S_IFREG", 0x8000),
    FlagName::new("S_IFCHR", 0x2000),
    FlagName::new("S_IFBLK", 0x6000),
    FlagName::new("S_IFIFO", 0x1000),
    FlagName::new("S_IFSOCK", 0xc000),
];
pub(super) static BPF_COMMANDS: [FlagName; 37] = [
    FlagName::new("BPF_MAP_CREATE", 0x0),
    FlagName::new("BPF_MAP_LOOKUP_ELEM", 0x1),
    FlagName::new("BPF_MAP_UPDATE_ELEM", 0x2),
    FlagName::new("BPF_MAP_DELETE_ELEM", 0x3),
    FlagName::new("BPF_MAP_GET_NEXT_KEY", 0x4),
    FlagName::new("BPF_PROG_LOAD", 0x5),
    FlagName::new("BPF_OBJ_PIN", 0x6),
    FlagName::new("BPF_OBJ_GET", 0x7),
    FlagName::new("BPF_PROG_ATTACH", 0x8),
    FlagName::new("BPF_PROG_DETACH", 0x9),
    FlagName::new("BPF_PROG_TEST_RUN", 0xa),
    FlagName::new("BPF_PROG_RUN", 0xa),
    FlagName::new("BPF_PROG_GET_NEXT_ID", 0xb),
    FlagName::new("BPF_MAP_GET_NEXT_ID", 0xc),
    FlagName::new("BPF_PROG_GET_FD_BY_ID", 0xd),
    FlagName::new("BPF_MAP_GET_FD_BY_ID", 0xe),
    FlagName::new("BPF_OBJ_GET_INFO_BY_FD", 0xf),
    FlagName::new("BPF_PROG_QUERY", 0x10),
    FlagName::new("BPF_RAW_TRACEPOINT_OPEN", 0x11),
    FlagName::new("BPF_BTF_LOAD", 0x12),
    FlagName::new("BPF_BTF_GET_FD_BY_ID", 0x13),
    FlagName::new("BPF_TASK_FD_QUERY", 0x14),
    FlagName::new("BPF_MAP_LOOKUP_AND_DELETE_ELEM", 0x15),
    FlagName::new("BPF_MAP_FREEZE", 0x16),
    FlagName::new("BPF_BTF_GET_NEXT_ID", 0x17),
    FlagName::new("BPF_MAP_LOOKUP_BATCH", 0x18),
    FlagName::new("BPF_MAP_LOOKUP_AND_DELETE_BATCH", 0x19),
    FlagName::new("BPF_MAP_UPDATE_BATCH", 0x1a),
    FlagName::new("BPF_MAP_DELETE_BATCH", 0x1b),
    FlagName::new("BPF_LINK_CREATE", 0x1c),
    FlagName::new("BPF_LINK_UPDATE", 0x1d),
    FlagName::new("BPF_LINK_GET_FD_BY_ID", 0x1e),
    FlagName::new("BPF_LINK_GET_NEXT_ID", 0x1f),
    FlagName::new("BPF_ENABLE_STATS", 0x20),
    FlagName::new("BPF_ITER_CREATE", 0x21),
    FlagName::new("BPF_LINK_DETACH", 0x22),
    FlagName::new("BPF_PROG_BIND_MAP", 0x23),
];
pub(super) static DELETE_MODULE_FLAGS: [FlagName; 2] = [
    FlagName::new("O_NONBLOCK", 0x2),
    FlagName::new("O_TRUNC", 0x1),
];
pub(super) static CLOSE_RANGE_FLAGS: [FlagName; 2] = [
    FlagName::new("CLOSE_RANGE_UNSHARE", 0x2),
    FlagName::new("CLOSE_RANGE_CLOEXEC", 0x4),
];
pub(super) static FINIT_MODULE_FLAGS: [FlagName; 3] = [
    FlagName::new("MODULE_INIT_IGNORE_MODVERSIONS", 0x1),
    FlagName::new("MODULE_INIT_IGNORE_VERMAGIC", 0x2),
    FlagName::new("MODULE_INIT_COMPRESSED_FILE", 0x4),
];
pub(super) static ANON_INODE_FD_TYPES: [FlagName; 14] = [
    FlagName::new("ANON_INODE_FD_TYPE_UNKNOWN", 0x0),
    FlagName::new("ANON_INODE_FD_TYPE_EVENTFD", 0x1),
    FlagName::new("ANON_INODE_FD_TYPE_EVENTPOLL", 0x2),
    FlagName::new("ANON_INODE_FD_TYPE_INOTIFY", 0x3),
    FlagName::new("ANON_INODE_FD_TYPE_SIGNALFD", 0x4),
    FlagName::new("ANON_INODE_FD_TYPE_TIMERFD", 0x5),
    FlagName::new("ANON_INODE_FD_TYPE_IO_URING", 0x6),
    FlagName::new("ANON_INODE_FD_TYPE_USERFAULTFD", 0x7),
    FlagName::new("ANON_INODE_FD_TYPE_PIDFD", 0x8),
    FlagName::new("ANON_INODE_FD_TYPE_BPF_MAP", 0x9),
    FlagName::new("ANON_INODE_FD_TYPE_BPF_PROG", 0xa),
    FlagName::new("ANON_INODE_FD_TYPE_BPF_LINK", 0xb),
    FlagName::new("ANON_INODE_FD_TYPE_BPF_ITER", 0xc),
    FlagName::new("ANON_INODE_FD_TYPE_PERF_EVENT", 0xd),
];
pub(super) static SOCKOPT_DYNAMIC_PARAM: [ParamInfo; 5] = [
    ParamInfo::new("", ParamType::ByteBuf, PrintFormat::Hex, ParamExtra::None),
    ParamInfo::new("", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ParamInfo::new("", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ParamInfo::new("", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ParamInfo::new("", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
];
pub(super) static PTRACE_DYNAMIC_PARAM: [ParamInfo; 2] = [
    ParamInfo::new("", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ParamInfo::new("", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
];
pub(super) static BPF_DYNAMIC_PARAM: [ParamInfo; 2] = [
    ParamInfo::new("", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ParamInfo::new("", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
];
pub(super) static KEYCTL_DYNAMIC_PARAM: [ParamInfo; 2] = [
    ParamInfo::new("", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ParamInfo::new("", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
];

pub(super) static EVENTS: [EventInfo; 454] = [
    // 0: PPME_GENERIC_E
    EventInfo::new("syscall", EventCategory(0x201), EventFlags(0x1200), &[
        ParamInfo::new("ID", ParamType::SyscallId, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("nativeID", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 1: PPME_GENERIC_X
    EventInfo::new("syscall", EventCategory(0x201), EventFlags(0x1000), &[
        ParamInfo::new("ID", ParamType::SyscallId, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("nativeID", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 2: PPME_SYSCALL_OPEN_E
    EventInfo::new("open", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
    ]),
    // 3: PPME_SYSCALL_OPEN_X
    EventInfo::new("open", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 4: PPME_SYSCALL_CLOSE_E
    EventInfo::new("close", EventCategory(0x222), EventFlags(0x1226), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 5: PPME_SYSCALL_CLOSE_X
    EventInfo::new("close", EventCategory(0x222), EventFlags(0x1026), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 6: PPME_SYSCALL_READ_E
    EventInfo::new("read", EventCategory(0x220), EventFlags(0x120c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 7: PPME_SYSCALL_READ_X
    EventInfo::new("read", EventCategory(0x220), EventFlags(0x100c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 8: PPME_SYSCALL_WRITE_E
    EventInfo::new("write", EventCategory(0x221), EventFlags(0x1214), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 9: PPME_SYSCALL_WRITE_X
    EventInfo::new("write", EventCategory(0x221), EventFlags(0x1014), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 10: PPME_SYSCALL_BRK_1_E
    EventInfo::new("brk", EventCategory(0x205), EventFlags(0x1200), &[
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 11: PPME_SYSCALL_BRK_1_X
    EventInfo::new("brk", EventCategory(0x205), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 12: PPME_SYSCALL_EXECVE_8_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 13: PPME_SYSCALL_EXECVE_8_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 14: PPME_SYSCALL_CLONE_11_E
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x220), &[]),
    // 15: PPME_SYSCALL_CLONE_11_X
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 16: PPME_PROCEXIT_E
    EventInfo::new("procexit", EventCategory(0x406), EventFlags(0x1220), &[]),
    // 17: PPME_PROCEXIT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 18: PPME_SOCKET_SOCKET_E
    EventInfo::new("socket", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("domain", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&SOCKET_FAMILIES)),
        ParamInfo::new("type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("proto", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 19: PPME_SOCKET_SOCKET_X
    EventInfo::new("socket", EventCategory(0x203), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("domain", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&SOCKET_FAMILIES)),
        ParamInfo::new("type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("proto", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
    ]),
    // 20: PPME_SOCKET_BIND_E
    EventInfo::new("bind", EventCategory(0x203), EventFlags(0x1224), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 21: PPME_SOCKET_BIND_X
    EventInfo::new("bind", EventCategory(0x203), EventFlags(0x1024), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::SockAddr, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 22: PPME_SOCKET_CONNECT_E
    EventInfo::new("connect", EventCategory(0x203), EventFlags(0x1024), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::SockAddr, PrintFormat::Na, ParamExtra::None),
    ]),
    // 23: PPME_SOCKET_CONNECT_X
    EventInfo::new("connect", EventCategory(0x203), EventFlags(0x1024), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::SockAddr, PrintFormat::Na, ParamExtra::None),
    ]),
    // 24: PPME_SOCKET_LISTEN_E
    EventInfo::new("listen", EventCategory(0x203), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("backlog", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 25: PPME_SOCKET_LISTEN_X
    EventInfo::new("listen", EventCategory(0x203), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("backlog", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 26: PPME_SOCKET_ACCEPT_E
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x221), &[]),
    // 27: PPME_SOCKET_ACCEPT_X
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("queuepct", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 28: PPME_SOCKET_SEND_E
    EventInfo::new("send", EventCategory(0x221), EventFlags(0x1214), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 29: PPME_SOCKET_SEND_X
    EventInfo::new("send", EventCategory(0x221), EventFlags(0x1014), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 30: PPME_SOCKET_SENDTO_E
    EventInfo::new("sendto", EventCategory(0x221), EventFlags(0x1234), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 31: PPME_SOCKET_SENDTO_X
    EventInfo::new("sendto", EventCategory(0x221), EventFlags(0x1034), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 32: PPME_SOCKET_RECV_E
    EventInfo::new("recv", EventCategory(0x220), EventFlags(0x120c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 33: PPME_SOCKET_RECV_X
    EventInfo::new("recv", EventCategory(0x220), EventFlags(0x100c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 34: PPME_SOCKET_RECVFROM_E
    EventInfo::new("recvfrom", EventCategory(0x220), EventFlags(0x122c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 35: PPME_SOCKET_RECVFROM_X
    EventInfo::new("recvfrom", EventCategory(0x220), EventFlags(0x102c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 36: PPME_SOCKET_SHUTDOWN_E
    EventInfo::new("shutdown", EventCategory(0x203), EventFlags(0x1224), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("how", ParamType::EnumFlags8, PrintFormat::Hex, ParamExtra::Flags(&SHUTDOWN_HOW)),
    ]),
    // 37: PPME_SOCKET_SHUTDOWN_X
    EventInfo::new("shutdown", EventCategory(0x203), EventFlags(0x1024), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("how", ParamType::EnumFlags8, PrintFormat::Hex, ParamExtra::Flags(&SHUTDOWN_HOW)),
    ]),
    // 38: PPME_SOCKET_GETSOCKNAME_E
    EventInfo::new("getsockname", EventCategory(0x203), EventFlags(0x200), &[]),
    // 39: PPME_SOCKET_GETSOCKNAME_X
    EventInfo::new("getsockname", EventCategory(0x203), EventFlags(0x0), &[]),
    // 40: PPME_SOCKET_GETPEERNAME_E
    EventInfo::new("getpeername", EventCategory(0x203), EventFlags(0x200), &[]),
    // 41: PPME_SOCKET_GETPEERNAME_X
    EventInfo::new("getpeername", EventCategory(0x203), EventFlags(0x0), &[]),
    // 42: PPME_SOCKET_SOCKETPAIR_E
    EventInfo::new("socketpair", EventCategory(0x204), EventFlags(0x1221), &[
        ParamInfo::new("domain", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&SOCKET_FAMILIES)),
        ParamInfo::new("type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("proto", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 43: PPME_SOCKET_SOCKETPAIR_X
    EventInfo::new("socketpair", EventCategory(0x204), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd1", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd2", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("source", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("peer", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("domain", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&SOCKET_FAMILIES)),
        ParamInfo::new("type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("proto", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 44: PPME_SOCKET_SETSOCKOPT_E
    EventInfo::new("setsockopt", EventCategory(0x203), EventFlags(0x200), &[]),
    // 45: PPME_SOCKET_SETSOCKOPT_X
    EventInfo::new("setsockopt", EventCategory(0x203), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("level", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&SOCKOPT_LEVELS)),
        ParamInfo::new("optname", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&SOCKOPT_OPTIONS)),
        ParamInfo::new("val", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&SOCKOPT_DYNAMIC_PARAM)),
        ParamInfo::new("optlen", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 46: PPME_SOCKET_GETSOCKOPT_E
    EventInfo::new("getsockopt", EventCategory(0x203), EventFlags(0x220), &[]),
    // 47: PPME_SOCKET_GETSOCKOPT_X
    EventInfo::new("getsockopt", EventCategory(0x203), EventFlags(0x24), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("level", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&SOCKOPT_LEVELS)),
        ParamInfo::new("optname", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&SOCKOPT_OPTIONS)),
        ParamInfo::new("val", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&SOCKOPT_DYNAMIC_PARAM)),
        ParamInfo::new("optlen", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 48: PPME_SOCKET_SENDMSG_E
    EventInfo::new("sendmsg", EventCategory(0x221), EventFlags(0x1234), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 49: PPME_SOCKET_SENDMSG_X
    EventInfo::new("sendmsg", EventCategory(0x221), EventFlags(0x1034), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 50: PPME_SOCKET_SENDMMSG_E
    EventInfo::new("sendmmsg", EventCategory(0x221), EventFlags(0x200), &[]),
    // 51: PPME_SOCKET_SENDMMSG_X
    EventInfo::new("sendmmsg", EventCategory(0x221), EventFlags(0x1034), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
    ]),
    // 52: PPME_SOCKET_RECVMSG_E
    EventInfo::new("recvmsg", EventCategory(0x220), EventFlags(0x122c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 53: PPME_SOCKET_RECVMSG_X
    EventInfo::new("recvmsg", EventCategory(0x220), EventFlags(0x102c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("msgcontrol", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 54: PPME_SOCKET_RECVMMSG_E
    EventInfo::new("recvmmsg", EventCategory(0x220), EventFlags(0x200), &[]),
    // 55: PPME_SOCKET_RECVMMSG_X
    EventInfo::new("recvmmsg", EventCategory(0x220), EventFlags(0x102c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("msgcontrol", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 56: PPME_SOCKET_ACCEPT4_E
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("flags", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 57: PPME_SOCKET_ACCEPT4_X
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("queuepct", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 58: PPME_SYSCALL_CREAT_E
    EventInfo::new("creat", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
    ]),
    // 59: PPME_SYSCALL_CREAT_X
    EventInfo::new("creat", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("creat_flags", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&CREAT_FLAGS)),
    ]),
    // 60: PPME_SYSCALL_PIPE_E
    EventInfo::new("pipe", EventCategory(0x204), EventFlags(0x221), &[]),
    // 61: PPME_SYSCALL_PIPE_X
    EventInfo::new("pipe", EventCategory(0x204), EventFlags(0x21), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd1", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd2", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 62: PPME_SYSCALL_EVENTFD_E
    EventInfo::new("eventfd", EventCategory(0x204), EventFlags(0x1221), &[
        ParamInfo::new("initval", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 63: PPME_SYSCALL_EVENTFD_X
    EventInfo::new("eventfd", EventCategory(0x204), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("initval", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 64: PPME_SYSCALL_FUTEX_E
    EventInfo::new("futex", EventCategory(0x204), EventFlags(0x1200), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("op", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&FUTEX_OPERATIONS)),
        ParamInfo::new("val", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 65: PPME_SYSCALL_FUTEX_X
    EventInfo::new("futex", EventCategory(0x204), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("op", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&FUTEX_OPERATIONS)),
        ParamInfo::new("val", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 66: PPME_SYSCALL_STAT_E
    EventInfo::new("stat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 67: PPME_SYSCALL_STAT_X
    EventInfo::new("stat", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 68: PPME_SYSCALL_LSTAT_E
    EventInfo::new("lstat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 69: PPME_SYSCALL_LSTAT_X
    EventInfo::new("lstat", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 70: PPME_SYSCALL_FSTAT_E
    EventInfo::new("fstat", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 71: PPME_SYSCALL_FSTAT_X
    EventInfo::new("fstat", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 72: PPME_SYSCALL_STAT64_E
    EventInfo::new("stat64", EventCategory(0x202), EventFlags(0x200), &[]),
    // 73: PPME_SYSCALL_STAT64_X
    EventInfo::new("stat64", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 74: PPME_SYSCALL_LSTAT64_E
    EventInfo::new("lstat64", EventCategory(0x202), EventFlags(0x200), &[]),
    // 75: PPME_SYSCALL_LSTAT64_X
    EventInfo::new("lstat64", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 76: PPME_SYSCALL_FSTAT64_E
    EventInfo::new("fstat64", EventCategory(0x202), EventFlags(0x204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 77: PPME_SYSCALL_FSTAT64_X
    EventInfo::new("fstat64", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 78: PPME_SYSCALL_EPOLLWAIT_E
    EventInfo::new("epoll_wait", EventCategory(0x240), EventFlags(0x1280), &[
        ParamInfo::new("maxevents", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 79: PPME_SYSCALL_EPOLLWAIT_X
    EventInfo::new("epoll_wait", EventCategory(0x240), EventFlags(0x1080), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("maxevents", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 80: PPME_SYSCALL_POLL_E
    EventInfo::new("poll", EventCategory(0x240), EventFlags(0x1280), &[
        ParamInfo::new("fds", ParamType::FdList, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("timeout", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 81: PPME_SYSCALL_POLL_X
    EventInfo::new("poll", EventCategory(0x240), EventFlags(0x1080), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fds", ParamType::FdList, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("timeout", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 82: PPME_SYSCALL_SELECT_E
    EventInfo::new("select", EventCategory(0x240), EventFlags(0x280), &[]),
    // 83: PPME_SYSCALL_SELECT_X
    EventInfo::new("select", EventCategory(0x240), EventFlags(0x80), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 84: PPME_SYSCALL_NEWSELECT_E
    EventInfo::new("select", EventCategory(0x240), EventFlags(0x280), &[]),
    // 85: PPME_SYSCALL_NEWSELECT_X
    EventInfo::new("select", EventCategory(0x240), EventFlags(0x1280), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 86: PPME_SYSCALL_LSEEK_E
    EventInfo::new("lseek", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("whence", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&LSEEK_WHENCE)),
    ]),
    // 87: PPME_SYSCALL_LSEEK_X
    EventInfo::new("lseek", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("whence", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&LSEEK_WHENCE)),
    ]),
    // 88: PPME_SYSCALL_LLSEEK_E
    EventInfo::new("llseek", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("whence", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&LSEEK_WHENCE)),
    ]),
    // 89: PPME_SYSCALL_LLSEEK_X
    EventInfo::new("llseek", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("whence", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&LSEEK_WHENCE)),
    ]),
    // 90: PPME_SYSCALL_IOCTL_2_E
    EventInfo::new("ioctl", EventCategory(0x222), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("request", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 91: PPME_SYSCALL_IOCTL_2_X
    EventInfo::new("ioctl", EventCategory(0x222), EventFlags(0x1204), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 92: PPME_SYSCALL_GETCWD_E
    EventInfo::new("getcwd", EventCategory(0x202), EventFlags(0x200), &[]),
    // 93: PPME_SYSCALL_GETCWD_X
    EventInfo::new("getcwd", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 94: PPME_SYSCALL_CHDIR_E
    EventInfo::new("chdir", EventCategory(0x202), EventFlags(0x220), &[]),
    // 95: PPME_SYSCALL_CHDIR_X
    EventInfo::new("chdir", EventCategory(0x202), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 96: PPME_SYSCALL_FCHDIR_E
    EventInfo::new("fchdir", EventCategory(0x202), EventFlags(0x1224), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 97: PPME_SYSCALL_FCHDIR_X
    EventInfo::new("fchdir", EventCategory(0x202), EventFlags(0x1024), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 98: PPME_SYSCALL_MKDIR_E
    EventInfo::new("mkdir", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 99: PPME_SYSCALL_MKDIR_X
    EventInfo::new("mkdir", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 100: PPME_SYSCALL_RMDIR_E
    EventInfo::new("rmdir", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 101: PPME_SYSCALL_RMDIR_X
    EventInfo::new("rmdir", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 102: PPME_SYSCALL_OPENAT_E
    EventInfo::new("openat", EventCategory(0x202), EventFlags(0x1221), &[
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
    ]),
    // 103: PPME_SYSCALL_OPENAT_X
    EventInfo::new("openat", EventCategory(0x202), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 104: PPME_SYSCALL_LINK_E
    EventInfo::new("link", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("oldpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 105: PPME_SYSCALL_LINK_X
    EventInfo::new("link", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 106: PPME_SYSCALL_LINKAT_E
    EventInfo::new("linkat", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("olddir", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("newdir", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 107: PPME_SYSCALL_LINKAT_X
    EventInfo::new("linkat", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 108: PPME_SYSCALL_UNLINK_E
    EventInfo::new("unlink", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 109: PPME_SYSCALL_UNLINK_X
    EventInfo::new("unlink", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 110: PPME_SYSCALL_UNLINKAT_E
    EventInfo::new("unlinkat", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 111: PPME_SYSCALL_UNLINKAT_X
    EventInfo::new("unlinkat", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 112: PPME_SYSCALL_PREAD_E
    EventInfo::new("pread", EventCategory(0x220), EventFlags(0x120c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 113: PPME_SYSCALL_PREAD_X
    EventInfo::new("pread", EventCategory(0x220), EventFlags(0x100c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 114: PPME_SYSCALL_PWRITE_E
    EventInfo::new("pwrite", EventCategory(0x221), EventFlags(0x1214), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 115: PPME_SYSCALL_PWRITE_X
    EventInfo::new("pwrite", EventCategory(0x221), EventFlags(0x1014), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 116: PPME_SYSCALL_READV_E
    EventInfo::new("readv", EventCategory(0x220), EventFlags(0x120c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 117: PPME_SYSCALL_READV_X
    EventInfo::new("readv", EventCategory(0x220), EventFlags(0x100c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 118: PPME_SYSCALL_WRITEV_E
    EventInfo::new("writev", EventCategory(0x221), EventFlags(0x1214), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 119: PPME_SYSCALL_WRITEV_X
    EventInfo::new("writev", EventCategory(0x221), EventFlags(0x1014), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 120: PPME_SYSCALL_PREADV_E
    EventInfo::new("preadv", EventCategory(0x220), EventFlags(0x120c), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 121: PPME_SYSCALL_PREADV_X
    EventInfo::new("preadv", EventCategory(0x220), EventFlags(0x100c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 122: PPME_SYSCALL_PWRITEV_E
    EventInfo::new("pwritev", EventCategory(0x221), EventFlags(0x1214), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 123: PPME_SYSCALL_PWRITEV_X
    EventInfo::new("pwritev", EventCategory(0x221), EventFlags(0x1014), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pos", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 124: PPME_SYSCALL_DUP_E
    EventInfo::new("dup", EventCategory(0x222), EventFlags(0x1225), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 125: PPME_SYSCALL_DUP_X
    EventInfo::new("dup", EventCategory(0x222), EventFlags(0x1225), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 126: PPME_SYSCALL_SIGNALFD_E
    EventInfo::new("signalfd", EventCategory(0x209), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mask", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 127: PPME_SYSCALL_SIGNALFD_X
    EventInfo::new("signalfd", EventCategory(0x209), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mask", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 128: PPME_SYSCALL_KILL_E
    EventInfo::new("kill", EventCategory(0x209), EventFlags(0x1200), &[
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 129: PPME_SYSCALL_KILL_X
    EventInfo::new("kill", EventCategory(0x209), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 130: PPME_SYSCALL_TKILL_E
    EventInfo::new("tkill", EventCategory(0x209), EventFlags(0x1200), &[
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 131: PPME_SYSCALL_TKILL_X
    EventInfo::new("tkill", EventCategory(0x209), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 132: PPME_SYSCALL_TGKILL_E
    EventInfo::new("tgkill", EventCategory(0x209), EventFlags(0x1200), &[
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 133: PPME_SYSCALL_TGKILL_X
    EventInfo::new("tgkill", EventCategory(0x209), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 134: PPME_SYSCALL_NANOSLEEP_E
    EventInfo::new("nanosleep", EventCategory(0x207), EventFlags(0x1280), &[
        ParamInfo::new("interval", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 135: PPME_SYSCALL_NANOSLEEP_X
    EventInfo::new("nanosleep", EventCategory(0x207), EventFlags(0x1080), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("interval", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 136: PPME_SYSCALL_TIMERFD_CREATE_E
    EventInfo::new("timerfd_create", EventCategory(0x20b), EventFlags(0x1221), &[
        ParamInfo::new("clockid", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 137: PPME_SYSCALL_TIMERFD_CREATE_X
    EventInfo::new("timerfd_create", EventCategory(0x20b), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("clockid", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 138: PPME_SYSCALL_INOTIFY_INIT_E
    EventInfo::new("inotify_init", EventCategory(0x204), EventFlags(0x1221), &[
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 139: PPME_SYSCALL_INOTIFY_INIT_X
    EventInfo::new("inotify_init", EventCategory(0x204), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint8, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 140: PPME_SYSCALL_GETRLIMIT_E
    EventInfo::new("getrlimit", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 141: PPME_SYSCALL_GETRLIMIT_X
    EventInfo::new("getrlimit", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cur", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("max", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 142: PPME_SYSCALL_SETRLIMIT_E
    EventInfo::new("setrlimit", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 143: PPME_SYSCALL_SETRLIMIT_X
    EventInfo::new("setrlimit", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cur", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("max", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 144: PPME_SYSCALL_PRLIMIT_E
    EventInfo::new("prlimit", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 145: PPME_SYSCALL_PRLIMIT_X
    EventInfo::new("prlimit", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newcur", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newmax", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldcur", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldmax", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("resource", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&RLIMIT_RESOURCES)),
    ]),
    // 146: PPME_SCHEDSWITCH_1_E
    EventInfo::new("switch", EventCategory(0x480), EventFlags(0x1300), &[
        ParamInfo::new("next", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 147: PPME_SCHEDSWITCH_1_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 148: PPME_DROP_E
    EventInfo::new("drop", EventCategory(0x1100), EventFlags(0x100), &[
        ParamInfo::new("ratio", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 149: PPME_DROP_X
    EventInfo::new("drop", EventCategory(0x1100), EventFlags(0x100), &[
        ParamInfo::new("ratio", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 150: PPME_SYSCALL_FCNTL_E
    EventInfo::new("fcntl", EventCategory(0x222), EventFlags(0x1224), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&FCNTL_COMMANDS)),
    ]),
    // 151: PPME_SYSCALL_FCNTL_X
    EventInfo::new("fcntl", EventCategory(0x222), EventFlags(0x1024), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::EnumFlags8, PrintFormat::Dec, ParamExtra::Flags(&FCNTL_COMMANDS)),
        ParamInfo::new("arg", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 152: PPME_SCHEDSWITCH_6_E
    EventInfo::new("switch", EventCategory(0x480), EventFlags(0x0), &[
        ParamInfo::new("next", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 153: PPME_SCHEDSWITCH_6_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 154: PPME_SYSCALL_EXECVE_13_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 155: PPME_SYSCALL_EXECVE_13_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 156: PPME_SYSCALL_CLONE_16_E
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x220), &[]),
    // 157: PPME_SYSCALL_CLONE_16_X
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 158: PPME_SYSCALL_BRK_4_E
    EventInfo::new("brk", EventCategory(0x205), EventFlags(0x1200), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 159: PPME_SYSCALL_BRK_4_X
    EventInfo::new("brk", EventCategory(0x205), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 160: PPME_SYSCALL_MMAP_E
    EventInfo::new("mmap", EventCategory(0x205), EventFlags(0x1204), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MMAP_FLAGS)),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 161: PPME_SYSCALL_MMAP_X
    EventInfo::new("mmap", EventCategory(0x205), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MMAP_FLAGS)),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 162: PPME_SYSCALL_MMAP2_E
    EventInfo::new("mmap2", EventCategory(0x205), EventFlags(0x1204), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MMAP_FLAGS)),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgoffset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 163: PPME_SYSCALL_MMAP2_X
    EventInfo::new("mmap2", EventCategory(0x205), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MMAP_FLAGS)),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgoffset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 164: PPME_SYSCALL_MUNMAP_E
    EventInfo::new("munmap", EventCategory(0x205), EventFlags(0x1200), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 165: PPME_SYSCALL_MUNMAP_X
    EventInfo::new("munmap", EventCategory(0x205), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 166: PPME_SYSCALL_SPLICE_E
    EventInfo::new("splice", EventCategory(0x222), EventFlags(0x1204), &[
        ParamInfo::new("fd_in", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd_out", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&SPLICE_FLAGS)),
    ]),
    // 167: PPME_SYSCALL_SPLICE_X
    EventInfo::new("splice", EventCategory(0x222), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd_in", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd_out", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&SPLICE_FLAGS)),
    ]),
    // 168: PPME_SYSCALL_PTRACE_E
    EventInfo::new("ptrace", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("request", ParamType::EnumFlags16, PrintFormat::Dec, ParamExtra::Flags(&PTRACE_REQUESTS)),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 169: PPME_SYSCALL_PTRACE_X
    EventInfo::new("ptrace", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Dyn, PrintFormat::Hex, ParamExtra::Dynamic(&PTRACE_DYNAMIC_PARAM)),
        ParamInfo::new("data", ParamType::Dyn, PrintFormat::Hex, ParamExtra::Dynamic(&PTRACE_DYNAMIC_PARAM)),
        ParamInfo::new("request", ParamType::EnumFlags16, PrintFormat::Dec, ParamExtra::Flags(&PTRACE_REQUESTS)),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 170: PPME_SYSCALL_IOCTL_3_E
    EventInfo::new("ioctl", EventCategory(0x222), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("request", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("argument", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 171: PPME_SYSCALL_IOCTL_3_X
    EventInfo::new("ioctl", EventCategory(0x222), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("request", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("argument", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 172: PPME_SYSCALL_EXECVE_14_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 173: PPME_SYSCALL_EXECVE_14_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 174: PPME_SYSCALL_RENAME_E
    EventInfo::new("rename", EventCategory(0x202), EventFlags(0x200), &[]),
    // 175: PPME_SYSCALL_RENAME_X
    EventInfo::new("rename", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 176: PPME_SYSCALL_RENAMEAT_E
    EventInfo::new("renameat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 177: PPME_SYSCALL_RENAMEAT_X
    EventInfo::new("renameat", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("olddirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("newdirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(3)),
    ]),
    // 178: PPME_SYSCALL_SYMLINK_E
    EventInfo::new("symlink", EventCategory(0x202), EventFlags(0x200), &[]),
    // 179: PPME_SYSCALL_SYMLINK_X
    EventInfo::new("symlink", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("target", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("linkpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 180: PPME_SYSCALL_SYMLINKAT_E
    EventInfo::new("symlinkat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 181: PPME_SYSCALL_SYMLINKAT_X
    EventInfo::new("symlinkat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("target", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("linkdirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("linkpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(2)),
    ]),
    // 182: PPME_SYSCALL_FORK_E
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 183: PPME_SYSCALL_FORK_X
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 184: PPME_SYSCALL_VFORK_E
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 185: PPME_SYSCALL_VFORK_X
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 186: PPME_PROCEXIT_1_E
    EventInfo::new("procexit", EventCategory(0x406), EventFlags(0x20), &[
        ParamInfo::new("status", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ret", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("core", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("reaper_tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 187: PPME_PROCEXIT_1_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 188: PPME_SYSCALL_SENDFILE_E
    EventInfo::new("sendfile", EventCategory(0x221), EventFlags(0x1204), &[
        ParamInfo::new("out_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("in_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 189: PPME_SYSCALL_SENDFILE_X
    EventInfo::new("sendfile", EventCategory(0x221), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offset", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("out_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("in_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 190: PPME_SYSCALL_QUOTACTL_E
    EventInfo::new("quotactl", EventCategory(0x20a), EventFlags(0x1200), &[
        ParamInfo::new("cmd", ParamType::Flags16, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_CMDS)),
        ParamInfo::new("type", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_TYPES)),
        ParamInfo::new("id", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("quota_fmt", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_QUOTA_FMTS)),
    ]),
    // 191: PPME_SYSCALL_QUOTACTL_X
    EventInfo::new("quotactl", EventCategory(0x20a), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("special", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("quotafilepath", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("dqb_bhardlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_bsoftlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_curspace", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_ihardlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_isoftlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_btime", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqb_itime", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqi_bgrace", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqi_igrace", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dqi_flags", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_DQI_FLAGS)),
        ParamInfo::new("quota_fmt_out", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_QUOTA_FMTS)),
        ParamInfo::new("cmd", ParamType::Flags16, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_CMDS)),
        ParamInfo::new("type", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_TYPES)),
        ParamInfo::new("id", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("quota_fmt", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&QUOTACTL_QUOTA_FMTS)),
    ]),
    // 192: PPME_SYSCALL_SETRESUID_E
    EventInfo::new("setresuid", EventCategory(0x20a), EventFlags(0x1220), &[
        ParamInfo::new("ruid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("suid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 193: PPME_SYSCALL_SETRESUID_X
    EventInfo::new("setresuid", EventCategory(0x20a), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ruid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("suid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 194: PPME_SYSCALL_SETRESGID_E
    EventInfo::new("setresgid", EventCategory(0x20a), EventFlags(0x1220), &[
        ParamInfo::new("rgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("egid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 195: PPME_SYSCALL_SETRESGID_X
    EventInfo::new("setresgid", EventCategory(0x20a), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("rgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("egid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 196: PPME_SCAPEVENT_E
    EventInfo::new("scapevent", EventCategory(0x1100), EventFlags(0x100), &[
        ParamInfo::new("event_type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("event_data", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 197: PPME_SCAPEVENT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 198: PPME_SYSCALL_SETUID_E
    EventInfo::new("setuid", EventCategory(0x20a), EventFlags(0x1220), &[
        ParamInfo::new("uid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 199: PPME_SYSCALL_SETUID_X
    EventInfo::new("setuid", EventCategory(0x20a), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 200: PPME_SYSCALL_SETGID_E
    EventInfo::new("setgid", EventCategory(0x20a), EventFlags(0x1220), &[
        ParamInfo::new("gid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 201: PPME_SYSCALL_SETGID_X
    EventInfo::new("setgid", EventCategory(0x20a), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 202: PPME_SYSCALL_GETUID_E
    EventInfo::new("getuid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 203: PPME_SYSCALL_GETUID_X
    EventInfo::new("getuid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("uid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 204: PPME_SYSCALL_GETEUID_E
    EventInfo::new("geteuid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 205: PPME_SYSCALL_GETEUID_X
    EventInfo::new("geteuid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 206: PPME_SYSCALL_GETGID_E
    EventInfo::new("getgid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 207: PPME_SYSCALL_GETGID_X
    EventInfo::new("getgid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("gid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 208: PPME_SYSCALL_GETEGID_E
    EventInfo::new("getegid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 209: PPME_SYSCALL_GETEGID_X
    EventInfo::new("getegid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("egid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 210: PPME_SYSCALL_GETRESUID_E
    EventInfo::new("getresuid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 211: PPME_SYSCALL_GETRESUID_X
    EventInfo::new("getresuid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ruid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("suid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 212: PPME_SYSCALL_GETRESGID_E
    EventInfo::new("getresgid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 213: PPME_SYSCALL_GETRESGID_X
    EventInfo::new("getresgid", EventCategory(0x20a), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("rgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("egid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sgid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 214: PPME_SYSCALL_EXECVE_15_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 215: PPME_SYSCALL_EXECVE_15_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 216: PPME_SYSCALL_CLONE_17_E
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x220), &[]),
    // 217: PPME_SYSCALL_CLONE_17_X
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 218: PPME_SYSCALL_FORK_17_E
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 219: PPME_SYSCALL_FORK_17_X
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 220: PPME_SYSCALL_VFORK_17_E
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 221: PPME_SYSCALL_VFORK_17_X
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 222: PPME_SYSCALL_CLONE_20_E
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x220), &[]),
    // 223: PPME_SYSCALL_CLONE_20_X
    EventInfo::new("clone", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vtid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pidns_init_start_ts", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 224: PPME_SYSCALL_FORK_20_E
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 225: PPME_SYSCALL_FORK_20_X
    EventInfo::new("fork", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vtid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pidns_init_start_ts", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 226: PPME_SYSCALL_VFORK_20_E
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x220), &[]),
    // 227: PPME_SYSCALL_VFORK_20_X
    EventInfo::new("vfork", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vtid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pidns_init_start_ts", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 228: PPME_CONTAINER_E
    EventInfo::new("container", EventCategory(0x1100), EventFlags(0x1320), &[
        ParamInfo::new("id", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("type", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("image", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 229: PPME_CONTAINER_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 230: PPME_SYSCALL_EXECVE_16_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 231: PPME_SYSCALL_EXECVE_16_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 232: PPME_SIGNALDELIVER_E
    EventInfo::new("signaldeliver", EventCategory(0x409), EventFlags(0x0), &[
        ParamInfo::new("spid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dpid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sig", ParamType::SigType, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 233: PPME_SIGNALDELIVER_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 234: PPME_PROCINFO_E
    EventInfo::new("procinfo", EventCategory(0x1100), EventFlags(0x100), &[
        ParamInfo::new("cpu_usr", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cpu_sys", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 235: PPME_PROCINFO_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 236: PPME_SYSCALL_GETDENTS_E
    EventInfo::new("getdents", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 237: PPME_SYSCALL_GETDENTS_X
    EventInfo::new("getdents", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 238: PPME_SYSCALL_GETDENTS64_E
    EventInfo::new("getdents64", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 239: PPME_SYSCALL_GETDENTS64_X
    EventInfo::new("getdents64", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
    ]),
    // 240: PPME_SYSCALL_SETNS_E
    EventInfo::new("setns", EventCategory(0x206), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("nstype", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
    ]),
    // 241: PPME_SYSCALL_SETNS_X
    EventInfo::new("setns", EventCategory(0x206), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("nstype", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
    ]),
    // 242: PPME_SYSCALL_FLOCK_E
    EventInfo::new("flock", EventCategory(0x202), EventFlags(0x1204), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("operation", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FLOCK_FLAGS)),
    ]),
    // 243: PPME_SYSCALL_FLOCK_X
    EventInfo::new("flock", EventCategory(0x202), EventFlags(0x1004), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("operation", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FLOCK_FLAGS)),
    ]),
    // 244: PPME_CPU_HOTPLUG_E
    EventInfo::new("cpu_hotplug", EventCategory(0x1008), EventFlags(0x120), &[
        ParamInfo::new("cpu", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("action", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 245: PPME_CPU_HOTPLUG_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 246: PPME_SOCKET_ACCEPT_5_E
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x221), &[]),
    // 247: PPME_SOCKET_ACCEPT_5_X
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x21), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("queuepct", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuelen", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuemax", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 248: PPME_SOCKET_ACCEPT4_5_E
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("flags", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 249: PPME_SOCKET_ACCEPT4_5_X
    EventInfo::new("accept", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("queuepct", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuelen", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuemax", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 250: PPME_SYSCALL_SEMOP_E
    EventInfo::new("semop", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("semid", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 251: PPME_SYSCALL_SEMOP_X
    EventInfo::new("semop", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("nsops", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sem_num_0", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sem_op_0", ParamType::Int16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sem_flg_0", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&SEMOP_FLAGS)),
        ParamInfo::new("sem_num_1", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sem_op_1", ParamType::Int16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sem_flg_1", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&SEMOP_FLAGS)),
        ParamInfo::new("semid", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 252: PPME_SYSCALL_SEMCTL_E
    EventInfo::new("semctl", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("semid", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("semnum", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&SEMCTL_COMMANDS)),
        ParamInfo::new("val", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 253: PPME_SYSCALL_SEMCTL_X
    EventInfo::new("semctl", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("semid", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("semnum", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&SEMCTL_COMMANDS)),
        ParamInfo::new("val", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 254: PPME_SYSCALL_PPOLL_E
    EventInfo::new("ppoll", EventCategory(0x240), EventFlags(0x1280), &[
        ParamInfo::new("fds", ParamType::FdList, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("timeout", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sigmask", ParamType::SigSet, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 255: PPME_SYSCALL_PPOLL_X
    EventInfo::new("ppoll", EventCategory(0x240), EventFlags(0x1080), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fds", ParamType::FdList, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("timeout", ParamType::RelTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sigmask", ParamType::SigSet, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 256: PPME_SYSCALL_MOUNT_E
    EventInfo::new("mount", EventCategory(0x202), EventFlags(0x1220), &[
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MOUNT_FLAGS)),
    ]),
    // 257: PPME_SYSCALL_MOUNT_X
    EventInfo::new("mount", EventCategory(0x202), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dev", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("dir", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("type", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MOUNT_FLAGS)),
    ]),
    // 258: PPME_SYSCALL_UMOUNT_E
    EventInfo::new("umount", EventCategory(0x202), EventFlags(0x220), &[
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&UMOUNT_FLAGS)),
    ]),
    // 259: PPME_SYSCALL_UMOUNT_X
    EventInfo::new("umount", EventCategory(0x202), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 260: PPME_K8S_E
    EventInfo::new("k8s", EventCategory(0x1100), EventFlags(0x320), &[
        ParamInfo::new("json", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 261: PPME_K8S_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 262: PPME_SYSCALL_SEMGET_E
    EventInfo::new("semget", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("key", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("nsems", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("semflg", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&SEMGET_FLAGS)),
    ]),
    // 263: PPME_SYSCALL_SEMGET_X
    EventInfo::new("semget", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("key", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("nsems", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("semflg", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&SEMGET_FLAGS)),
    ]),
    // 264: PPME_SYSCALL_ACCESS_E
    EventInfo::new("access", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("mode", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&ACCESS_FLAGS)),
    ]),
    // 265: PPME_SYSCALL_ACCESS_X
    EventInfo::new("access", EventCategory(0x202), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&ACCESS_FLAGS)),
    ]),
    // 266: PPME_SYSCALL_CHROOT_E
    EventInfo::new("chroot", EventCategory(0x206), EventFlags(0x220), &[]),
    // 267: PPME_SYSCALL_CHROOT_X
    EventInfo::new("chroot", EventCategory(0x206), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 268: PPME_TRACER_E
    EventInfo::new("tracer", EventCategory(0x1001), EventFlags(0x200), &[
        ParamInfo::new("id", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tags", ParamType::CharBufArray, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::CharBufPairArray, PrintFormat::Na, ParamExtra::None),
    ]),
    // 269: PPME_TRACER_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[
        ParamInfo::new("id", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tags", ParamType::CharBufArray, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::CharBufPairArray, PrintFormat::Na, ParamExtra::None),
    ]),
    // 270: PPME_MESOS_E
    EventInfo::new("mesos", EventCategory(0x1100), EventFlags(0x320), &[
        ParamInfo::new("json", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 271: PPME_MESOS_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 272: PPME_CONTAINER_JSON_E
    EventInfo::new("container", EventCategory(0x1006), EventFlags(0x1220), &[
        ParamInfo::new("json", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 273: PPME_CONTAINER_JSON_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 274: PPME_SYSCALL_SETSID_E
    EventInfo::new("setsid", EventCategory(0x206), EventFlags(0x220), &[]),
    // 275: PPME_SYSCALL_SETSID_X
    EventInfo::new("setsid", EventCategory(0x206), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 276: PPME_SYSCALL_MKDIR_2_E
    EventInfo::new("mkdir", EventCategory(0x202), EventFlags(0x1200), &[
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 277: PPME_SYSCALL_MKDIR_2_X
    EventInfo::new("mkdir", EventCategory(0x202), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 278: PPME_SYSCALL_RMDIR_2_E
    EventInfo::new("rmdir", EventCategory(0x202), EventFlags(0x200), &[]),
    // 279: PPME_SYSCALL_RMDIR_2_X
    EventInfo::new("rmdir", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 280: PPME_NOTIFICATION_E
    EventInfo::new("notification", EventCategory(0x1001), EventFlags(0x100), &[
        ParamInfo::new("id", ParamType::CharBuf, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("desc", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 281: PPME_NOTIFICATION_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 282: PPME_SYSCALL_EXECVE_17_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[]),
    // 283: PPME_SYSCALL_EXECVE_17_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tty", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 284: PPME_SYSCALL_UNSHARE_E
    EventInfo::new("unshare", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
    ]),
    // 285: PPME_SYSCALL_UNSHARE_X
    EventInfo::new("unshare", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
    ]),
    // 286: PPME_INFRASTRUCTURE_EVENT_E
    EventInfo::new("infra", EventCategory(0x1100), EventFlags(0x100), &[
        ParamInfo::new("source", ParamType::CharBuf, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("description", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("scope", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 287: PPME_INFRASTRUCTURE_EVENT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 288: PPME_SYSCALL_EXECVE_18_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("filename", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 289: PPME_SYSCALL_EXECVE_18_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tty", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 290: PPME_PAGE_FAULT_E
    EventInfo::new("page_fault", EventCategory(0x401), EventFlags(0x100), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ip", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("error", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PF_FLAGS)),
    ]),
    // 291: PPME_PAGE_FAULT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 292: PPME_SYSCALL_EXECVE_19_E
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("filename", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 293: PPME_SYSCALL_EXECVE_19_X
    EventInfo::new("execve", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tty", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpgid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("loginuid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EXECVE_FLAGS)),
        ParamInfo::new("cap_inheritable", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_permitted", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_effective", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("exe_ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_ctime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_mtime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("trusted_exepath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("pgid", ParamType::Pid, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("filename", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 294: PPME_SYSCALL_SETPGID_E
    EventInfo::new("setpgid", EventCategory(0x206), EventFlags(0x1200), &[
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 295: PPME_SYSCALL_SETPGID_X
    EventInfo::new("setpgid", EventCategory(0x206), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 296: PPME_SYSCALL_BPF_E
    EventInfo::new("bpf", EventCategory(0x201), EventFlags(0x1201), &[
        ParamInfo::new("cmd", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 297: PPME_SYSCALL_BPF_X
    EventInfo::new("bpf", EventCategory(0x201), EventFlags(0x1201), &[
        ParamInfo::new("res_or_fd", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&BPF_DYNAMIC_PARAM)),
    ]),
    // 298: PPME_SYSCALL_SECCOMP_E
    EventInfo::new("seccomp", EventCategory(0x201), EventFlags(0x1200), &[
        ParamInfo::new("op", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 299: PPME_SYSCALL_SECCOMP_X
    EventInfo::new("seccomp", EventCategory(0x201), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("op", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 300: PPME_SYSCALL_UNLINK_2_E
    EventInfo::new("unlink", EventCategory(0x202), EventFlags(0x200), &[]),
    // 301: PPME_SYSCALL_UNLINK_2_X
    EventInfo::new("unlink", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 302: PPME_SYSCALL_UNLINKAT_2_E
    EventInfo::new("unlinkat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 303: PPME_SYSCALL_UNLINKAT_2_X
    EventInfo::new("unlinkat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&UNLINKAT_FLAGS)),
    ]),
    // 304: PPME_SYSCALL_MKDIRAT_E
    EventInfo::new("mkdirat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 305: PPME_SYSCALL_MKDIRAT_X
    EventInfo::new("mkdirat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 306: PPME_SYSCALL_OPENAT_2_E
    EventInfo::new("openat", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(0)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
    ]),
    // 307: PPME_SYSCALL_OPENAT_2_X
    EventInfo::new("openat", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 308: PPME_SYSCALL_LINK_2_E
    EventInfo::new("link", EventCategory(0x202), EventFlags(0x200), &[]),
    // 309: PPME_SYSCALL_LINK_2_X
    EventInfo::new("link", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 310: PPME_SYSCALL_LINKAT_2_E
    EventInfo::new("linkat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 311: PPME_SYSCALL_LINKAT_2_X
    EventInfo::new("linkat", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("olddir", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("newdir", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(3)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&LINKAT_FLAGS)),
    ]),
    // 312: PPME_SYSCALL_FCHMODAT_E
    EventInfo::new("fchmodat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 313: PPME_SYSCALL_FCHMODAT_X
    EventInfo::new("fchmodat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("filename", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("mode", ParamType::Mode, PrintFormat::Oct, ParamExtra::Flags(&CHMOD_MODE)),
    ]),
    // 314: PPME_SYSCALL_CHMOD_E
    EventInfo::new("chmod", EventCategory(0x202), EventFlags(0x200), &[]),
    // 315: PPME_SYSCALL_CHMOD_X
    EventInfo::new("chmod", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("filename", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Mode, PrintFormat::Oct, ParamExtra::Flags(&CHMOD_MODE)),
    ]),
    // 316: PPME_SYSCALL_FCHMOD_E
    EventInfo::new("fchmod", EventCategory(0x202), EventFlags(0x200), &[]),
    // 317: PPME_SYSCALL_FCHMOD_X
    EventInfo::new("fchmod", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Mode, PrintFormat::Oct, ParamExtra::Flags(&CHMOD_MODE)),
    ]),
    // 318: PPME_SYSCALL_RENAMEAT2_E
    EventInfo::new("renameat2", EventCategory(0x202), EventFlags(0x200), &[]),
    // 319: PPME_SYSCALL_RENAMEAT2_X
    EventInfo::new("renameat2", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("olddirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("newdirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newpath", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(3)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&RENAMEAT2_FLAGS)),
    ]),
    // 320: PPME_SYSCALL_USERFAULTFD_E
    EventInfo::new("userfaultfd", EventCategory(0x202), EventFlags(0x221), &[]),
    // 321: PPME_SYSCALL_USERFAULTFD_X
    EventInfo::new("userfaultfd", EventCategory(0x202), EventFlags(0x21), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
    ]),
    // 322: PPME_PLUGINEVENT_E
    EventInfo::new("pluginevent", EventCategory(0x801), EventFlags(0x800), &[
        ParamInfo::new("plugin_id", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("event_data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 323: PPME_PLUGINEVENT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 324: PPME_CONTAINER_JSON_2_E
    EventInfo::new("container", EventCategory(0x1006), EventFlags(0x820), &[
        ParamInfo::new("json", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 325: PPME_CONTAINER_JSON_2_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 326: PPME_SYSCALL_OPENAT2_E
    EventInfo::new("openat2", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(0)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
        ParamInfo::new("resolve", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&OPENAT2_FLAGS)),
    ]),
    // 327: PPME_SYSCALL_OPENAT2_X
    EventInfo::new("openat2", EventCategory(0x202), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mode", ParamType::Uint32, PrintFormat::Oct, ParamExtra::None),
        ParamInfo::new("resolve", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&OPENAT2_FLAGS)),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 328: PPME_SYSCALL_MPROTECT_E
    EventInfo::new("mprotect", EventCategory(0x205), EventFlags(0x1200), &[
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
    ]),
    // 329: PPME_SYSCALL_MPROTECT_X
    EventInfo::new("mprotect", EventCategory(0x205), EventFlags(0x1000), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("prot", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PROT_FLAGS)),
    ]),
    // 330: PPME_SYSCALL_EXECVEAT_E
    EventInfo::new("execveat", EventCategory(0x206), EventFlags(0x1220), &[
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pathname", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(0)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EXECVEAT_FLAGS)),
    ]),
    // 331: PPME_SYSCALL_EXECVEAT_X
    EventInfo::new("execveat", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("env", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tty", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpgid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("loginuid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EXECVE_FLAGS)),
        ParamInfo::new("cap_inheritable", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_permitted", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_effective", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("exe_ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_ctime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_mtime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("trusted_exepath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("pgid", ParamType::Pid, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 332: PPME_SYSCALL_COPY_FILE_RANGE_E
    EventInfo::new("copy_file_range", EventCategory(0x202), EventFlags(0x121c), &[
        ParamInfo::new("fdin", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offin", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("len", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 333: PPME_SYSCALL_COPY_FILE_RANGE_X
    EventInfo::new("copy_file_range", EventCategory(0x202), EventFlags(0x101c), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fdout", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offout", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fdin", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("offin", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("len", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 334: PPME_SYSCALL_CLONE3_E
    EventInfo::new("clone3", EventCategory(0x206), EventFlags(0x220), &[]),
    // 335: PPME_SYSCALL_CLONE3_X
    EventInfo::new("clone3", EventCategory(0x206), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("args", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("tid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ptid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLONE_FLAGS)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vtid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pidns_init_start_ts", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 336: PPME_SYSCALL_OPEN_BY_HANDLE_AT_E
    EventInfo::new("open_by_handle_at", EventCategory(0x202), EventFlags(0x221), &[]),
    // 337: PPME_SYSCALL_OPEN_BY_HANDLE_AT_X
    EventInfo::new("open_by_handle_at", EventCategory(0x202), EventFlags(0x21), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mountfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 338: PPME_SYSCALL_IO_URING_SETUP_E
    EventInfo::new("io_uring_setup", EventCategory(0x222), EventFlags(0x221), &[]),
    // 339: PPME_SYSCALL_IO_URING_SETUP_X
    EventInfo::new("io_uring_setup", EventCategory(0x222), EventFlags(0x21), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("entries", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sq_entries", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cq_entries", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&IO_URING_SETUP_FLAGS)),
        ParamInfo::new("sq_thread_cpu", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sq_thread_idle", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("features", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&IO_URING_SETUP_FEATS)),
    ]),
    // 340: PPME_SYSCALL_IO_URING_ENTER_E
    EventInfo::new("io_uring_enter", EventCategory(0x222), EventFlags(0x200), &[]),
    // 341: PPME_SYSCALL_IO_URING_ENTER_X
    EventInfo::new("io_uring_enter", EventCategory(0x222), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("to_submit", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("min_complete", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&IO_URING_ENTER_FLAGS)),
        ParamInfo::new("sig", ParamType::SigSet, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 342: PPME_SYSCALL_IO_URING_REGISTER_E
    EventInfo::new("io_uring_register", EventCategory(0x222), EventFlags(0x200), &[]),
    // 343: PPME_SYSCALL_IO_URING_REGISTER_X
    EventInfo::new("io_uring_register", EventCategory(0x222), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("opcode", ParamType::EnumFlags16, PrintFormat::Dec, ParamExtra::Flags(&IO_URING_REGISTER_OPCODES)),
        ParamInfo::new("arg", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("nr_args", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 344: PPME_SYSCALL_MLOCK_E
    EventInfo::new("mlock", EventCategory(0x205), EventFlags(0x200), &[]),
    // 345: PPME_SYSCALL_MLOCK_X
    EventInfo::new("mlock", EventCategory(0x205), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("len", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 346: PPME_SYSCALL_MUNLOCK_E
    EventInfo::new("munlock", EventCategory(0x205), EventFlags(0x200), &[]),
    // 347: PPME_SYSCALL_MUNLOCK_X
    EventInfo::new("munlock", EventCategory(0x205), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("len", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 348: PPME_SYSCALL_MLOCKALL_E
    EventInfo::new("mlockall", EventCategory(0x205), EventFlags(0x200), &[]),
    // 349: PPME_SYSCALL_MLOCKALL_X
    EventInfo::new("mlockall", EventCategory(0x205), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MLOCKALL_FLAGS)),
    ]),
    // 350: PPME_SYSCALL_MUNLOCKALL_E
    EventInfo::new("munlockall", EventCategory(0x205), EventFlags(0x200), &[]),
    // 351: PPME_SYSCALL_MUNLOCKALL_X
    EventInfo::new("munlockall", EventCategory(0x205), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 352: PPME_SYSCALL_CAPSET_E
    EventInfo::new("capset", EventCategory(0x206), EventFlags(0x220), &[]),
    // 353: PPME_SYSCALL_CAPSET_X
    EventInfo::new("capset", EventCategory(0x206), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cap_inheritable", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_permitted", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_effective", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 354: PPME_USER_ADDED_E
    EventInfo::new("useradded", EventCategory(0x1006), EventFlags(0x20), &[
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("home", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("shell", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("container_id", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 355: PPME_USER_ADDED_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 356: PPME_USER_DELETED_E
    EventInfo::new("userdeleted", EventCategory(0x1006), EventFlags(0x20), &[
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("home", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("shell", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("container_id", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 357: PPME_USER_DELETED_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 358: PPME_GROUP_ADDED_E
    EventInfo::new("groupadded", EventCategory(0x1006), EventFlags(0x20), &[
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("container_id", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 359: PPME_GROUP_ADDED_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 360: PPME_GROUP_DELETED_E
    EventInfo::new("groupdeleted", EventCategory(0x1006), EventFlags(0x20), &[
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("container_id", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 361: PPME_GROUP_DELETED_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 362: PPME_SYSCALL_DUP2_E
    EventInfo::new("dup2", EventCategory(0x222), EventFlags(0x225), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 363: PPME_SYSCALL_DUP2_X
    EventInfo::new("dup2", EventCategory(0x222), EventFlags(0x25), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 364: PPME_SYSCALL_DUP3_E
    EventInfo::new("dup3", EventCategory(0x222), EventFlags(0x225), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 365: PPME_SYSCALL_DUP3_X
    EventInfo::new("dup3", EventCategory(0x222), EventFlags(0x25), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("newfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
    ]),
    // 366: PPME_SYSCALL_DUP_1_E
    EventInfo::new("dup", EventCategory(0x222), EventFlags(0x225), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 367: PPME_SYSCALL_DUP_1_X
    EventInfo::new("dup", EventCategory(0x222), EventFlags(0x25), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("oldfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 368: PPME_SYSCALL_BPF_2_E
    EventInfo::new("bpf", EventCategory(0x201), EventFlags(0x201), &[
        ParamInfo::new("cmd", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 369: PPME_SYSCALL_BPF_2_X
    EventInfo::new("bpf", EventCategory(0x201), EventFlags(0x1), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&BPF_COMMANDS)),
    ]),
    // 370: PPME_SYSCALL_MLOCK2_E
    EventInfo::new("mlock2", EventCategory(0x205), EventFlags(0x200), &[]),
    // 371: PPME_SYSCALL_MLOCK2_X
    EventInfo::new("mlock2", EventCategory(0x205), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("addr", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("len", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MLOCK2_FLAGS)),
    ]),
    // 372: PPME_SYSCALL_FSCONFIG_E
    EventInfo::new("fsconfig", EventCategory(0x208), EventFlags(0x200), &[]),
    // 373: PPME_SYSCALL_FSCONFIG_X
    EventInfo::new("fsconfig", EventCategory(0x208), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cmd", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&FSCONFIG_CMDS)),
        ParamInfo::new("key", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("value_bytebuf", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("value_charbuf", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("aux", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 374: PPME_SYSCALL_EPOLL_CREATE_E
    EventInfo::new("epoll_create", EventCategory(0x240), EventFlags(0x1221), &[
        ParamInfo::new("size", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 375: PPME_SYSCALL_EPOLL_CREATE_X
    EventInfo::new("epoll_create", EventCategory(0x240), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("size", ParamType::Int32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 376: PPME_SYSCALL_EPOLL_CREATE1_E
    EventInfo::new("epoll_create1", EventCategory(0x240), EventFlags(0x1221), &[
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EPOLL_CREATE1_FLAGS)),
    ]),
    // 377: PPME_SYSCALL_EPOLL_CREATE1_X
    EventInfo::new("epoll_create1", EventCategory(0x240), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EPOLL_CREATE1_FLAGS)),
    ]),
    // 378: PPME_SYSCALL_CHOWN_E
    EventInfo::new("chown", EventCategory(0x202), EventFlags(0x200), &[]),
    // 379: PPME_SYSCALL_CHOWN_X
    EventInfo::new("chown", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 380: PPME_SYSCALL_LCHOWN_E
    EventInfo::new("lchown", EventCategory(0x202), EventFlags(0x200), &[]),
    // 381: PPME_SYSCALL_LCHOWN_X
    EventInfo::new("lchown", EventCategory(0x202), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 382: PPME_SYSCALL_FCHOWN_E
    EventInfo::new("fchown", EventCategory(0x202), EventFlags(0x200), &[]),
    // 383: PPME_SYSCALL_FCHOWN_X
    EventInfo::new("fchown", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 384: PPME_SYSCALL_FCHOWNAT_E
    EventInfo::new("fchownat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 385: PPME_SYSCALL_FCHOWNAT_X
    EventInfo::new("fchownat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pathname", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("uid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("gid", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FCHOWNAT_FLAGS)),
    ]),
    // 386: PPME_SYSCALL_UMOUNT_1_E
    EventInfo::new("umount", EventCategory(0x202), EventFlags(0x220), &[]),
    // 387: PPME_SYSCALL_UMOUNT_1_X
    EventInfo::new("umount", EventCategory(0x202), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
    ]),
    // 388: PPME_SOCKET_ACCEPT4_6_E
    EventInfo::new("accept4", EventCategory(0x203), EventFlags(0x1221), &[
        ParamInfo::new("flags", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 389: PPME_SOCKET_ACCEPT4_6_X
    EventInfo::new("accept4", EventCategory(0x203), EventFlags(0x1021), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tuple", ParamType::SockTuple, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("queuepct", ParamType::Uint8, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuelen", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("queuemax", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Int32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 390: PPME_SYSCALL_UMOUNT2_E
    EventInfo::new("umount2", EventCategory(0x202), EventFlags(0x1220), &[
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&UMOUNT_FLAGS)),
    ]),
    // 391: PPME_SYSCALL_UMOUNT2_X
    EventInfo::new("umount2", EventCategory(0x202), EventFlags(0x1020), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&UMOUNT_FLAGS)),
    ]),
    // 392: PPME_SYSCALL_PIPE2_E
    EventInfo::new("pipe2", EventCategory(0x204), EventFlags(0x221), &[]),
    // 393: PPME_SYSCALL_PIPE2_X
    EventInfo::new("pipe2", EventCategory(0x204), EventFlags(0x21), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd1", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd2", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ino", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
    ]),
    // 394: PPME_SYSCALL_INOTIFY_INIT1_E
    EventInfo::new("inotify_init1", EventCategory(0x204), EventFlags(0x221), &[]),
    // 395: PPME_SYSCALL_INOTIFY_INIT1_X
    EventInfo::new("inotify_init1", EventCategory(0x204), EventFlags(0x21), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
    ]),
    // 396: PPME_SYSCALL_EVENTFD2_E
    EventInfo::new("eventfd2", EventCategory(0x204), EventFlags(0x1221), &[
        ParamInfo::new("initval", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 397: PPME_SYSCALL_EVENTFD2_X
    EventInfo::new("eventfd2", EventCategory(0x204), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("initval", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 398: PPME_SYSCALL_SIGNALFD4_E
    EventInfo::new("signalfd4", EventCategory(0x209), EventFlags(0x1221), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mask", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 399: PPME_SYSCALL_SIGNALFD4_X
    EventInfo::new("signalfd4", EventCategory(0x209), EventFlags(0x1021), &[
        ParamInfo::new("res", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags16, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("mask", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 400: PPME_SYSCALL_PRCTL_E
    EventInfo::new("prctl", EventCategory(0x206), EventFlags(0x220), &[]),
    // 401: PPME_SYSCALL_PRCTL_X
    EventInfo::new("prctl", EventCategory(0x206), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("option", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&PRCTL_OPTIONS)),
        ParamInfo::new("arg2_str", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("arg2_int", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 402: PPME_ASYNCEVENT_E
    EventInfo::new("asyncevent", EventCategory(0x1001), EventFlags(0x800), &[
        ParamInfo::new("plugin_id", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 403: PPME_ASYNCEVENT_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 404: PPME_SYSCALL_MEMFD_CREATE_E
    EventInfo::new("memfd_create", EventCategory(0x205), EventFlags(0x221), &[]),
    // 405: PPME_SYSCALL_MEMFD_CREATE_X
    EventInfo::new("memfd_create", EventCategory(0x205), EventFlags(0x21), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&MEMFD_CREATE_FLAGS)),
    ]),
    // 406: PPME_SYSCALL_PIDFD_GETFD_E
    EventInfo::new("pidfd_getfd", EventCategory(0x206), EventFlags(0x221), &[]),
    // 407: PPME_SYSCALL_PIDFD_GETFD_X
    EventInfo::new("pidfd_getfd", EventCategory(0x206), EventFlags(0x21), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("target_fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Uint32, PrintFormat::Hex, ParamExtra::None),
    ]),
    // 408: PPME_SYSCALL_PIDFD_OPEN_E
    EventInfo::new("pidfd_open", EventCategory(0x206), EventFlags(0x221), &[]),
    // 409: PPME_SYSCALL_PIDFD_OPEN_X
    EventInfo::new("pidfd_open", EventCategory(0x206), EventFlags(0x21), &[
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&PIDFD_OPEN_FLAGS)),
    ]),
    // 410: PPME_SYSCALL_INIT_MODULE_E
    EventInfo::new("init_module", EventCategory(0x201), EventFlags(0x200), &[]),
    // 411: PPME_SYSCALL_INIT_MODULE_X
    EventInfo::new("init_module", EventCategory(0x201), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("img", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("length", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uargs", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 412: PPME_SYSCALL_FINIT_MODULE_E
    EventInfo::new("finit_module", EventCategory(0x201), EventFlags(0x200), &[]),
    // 413: PPME_SYSCALL_FINIT_MODULE_X
    EventInfo::new("finit_module", EventCategory(0x201), EventFlags(0xc), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("uargs", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FINIT_MODULE_FLAGS)),
    ]),
    // 414: PPME_SYSCALL_MKNOD_E
    EventInfo::new("mknod", EventCategory(0x201), EventFlags(0x200), &[]),
    // 415: PPME_SYSCALL_MKNOD_X
    EventInfo::new("mknod", EventCategory(0x201), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("mode", ParamType::Mode, PrintFormat::Oct, ParamExtra::Flags(&MKNOD_MODE)),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 416: PPME_SYSCALL_MKNODAT_E
    EventInfo::new("mknodat", EventCategory(0x201), EventFlags(0x200), &[]),
    // 417: PPME_SYSCALL_MKNODAT_X
    EventInfo::new("mknodat", EventCategory(0x201), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("mode", ParamType::Mode, PrintFormat::Oct, ParamExtra::Flags(&MKNOD_MODE)),
        ParamInfo::new("dev", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 418: PPME_SYSCALL_NEWFSTATAT_E
    EventInfo::new("newfstatat", EventCategory(0x202), EventFlags(0x200), &[]),
    // 419: PPME_SYSCALL_NEWFSTATAT_X
    EventInfo::new("newfstatat", EventCategory(0x202), EventFlags(0x4), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("dirfd", ParamType::Fd, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsRelPath, PrintFormat::Na, ParamExtra::DirFd(1)),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&NEWFSTATAT_FLAGS)),
    ]),
    // 420: PPME_SYSCALL_PROCESS_VM_READV_E
    EventInfo::new("process_vm_readv", EventCategory(0x204), EventFlags(0x200), &[]),
    // 421: PPME_SYSCALL_PROCESS_VM_READV_X
    EventInfo::new("process_vm_readv", EventCategory(0x204), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 422: PPME_SYSCALL_PROCESS_VM_WRITEV_E
    EventInfo::new("process_vm_writev", EventCategory(0x204), EventFlags(0x200), &[]),
    // 423: PPME_SYSCALL_PROCESS_VM_WRITEV_X
    EventInfo::new("process_vm_writev", EventCategory(0x204), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Int64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pid", ParamType::Pid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("data", ParamType::ByteBuf, PrintFormat::Na, ParamExtra::None),
    ]),
    // 424: PPME_SYSCALL_DELETE_MODULE_E
    EventInfo::new("delete_module", EventCategory(0x201), EventFlags(0x200), &[]),
    // 425: PPME_SYSCALL_DELETE_MODULE_X
    EventInfo::new("delete_module", EventCategory(0x201), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("name", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&DELETE_MODULE_FLAGS)),
    ]),
    // 426: PPME_SYSCALL_SETREUID_E
    EventInfo::new("setreuid", EventCategory(0x20a), EventFlags(0x220), &[]),
    // 427: PPME_SYSCALL_SETREUID_X
    EventInfo::new("setreuid", EventCategory(0x20a), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ruid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 428: PPME_SYSCALL_SETREGID_E
    EventInfo::new("setregid", EventCategory(0x20a), EventFlags(0x200), &[]),
    // 429: PPME_SYSCALL_SETREGID_X
    EventInfo::new("setregid", EventCategory(0x20a), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("rgid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("egid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 430: PPME_ITER_TASK_E
    EventInfo::new("task", EventCategory(0x2006), EventFlags(0x20), &[
        ParamInfo::new("ppid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpgid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("comm", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("argv", ParamType::CharBufArray, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("exepath", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&EXECVE_FLAGS)),
        ParamInfo::new("env", ParamType::CharBufArray, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("cwd", ParamType::CharBuf, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("fdlimit", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("euid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("egid", ParamType::Gid, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cap_permitted", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_effective", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("cap_inheritable", ParamType::Uint64, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("exe_ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_ctime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("exe_ino_mtime", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_size", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_rss", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vm_swap", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_maj", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pgft_min", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vtgid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("vpid", ParamType::Pid32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("pidns_init_start_ts", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("cgroups", ParamType::CharBufArray, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("root", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("start_time", ParamType::AbsTime, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("tty", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("loginuid", ParamType::Uid, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 431: PPME_ITER_TASK_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 432: PPME_ITER_TASK_FILE_PIPE_E
    EventInfo::new("task_file_pipe", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 433: PPME_ITER_TASK_FILE_PIPE_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 434: PPME_ITER_TASK_FILE_MEMFD_E
    EventInfo::new("task_file_memfd", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 435: PPME_ITER_TASK_FILE_MEMFD_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 436: PPME_ITER_TASK_FILE_REGULAR_E
    EventInfo::new("task_file_regular", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&FILE_FLAGS)),
        ParamInfo::new("mnt_id", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 437: PPME_ITER_TASK_FILE_REGULAR_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 438: PPME_ITER_TASK_FILE_DIRECTORY_E
    EventInfo::new("task_file_directory", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 439: PPME_ITER_TASK_FILE_DIRECTORY_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 440: PPME_ITER_TASK_FILE_SOCKET_INET_E
    EventInfo::new("task_file_socket_inet", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_type", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_proto", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("local_ip", ParamType::Ipv4Addr, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("local_port", ParamType::Port, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("remote_ip", ParamType::Ipv4Addr, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("remote_port", ParamType::Port, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 441: PPME_ITER_TASK_FILE_SOCKET_INET_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 442: PPME_ITER_TASK_FILE_SOCKET_INET6_E
    EventInfo::new("task_file_socket_inet6", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_type", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_proto", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("local_ip", ParamType::Ipv6Addr, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("local_port", ParamType::Port, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("remote_ip", ParamType::Ipv6Addr, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("remote_port", ParamType::Port, PrintFormat::Hex, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 443: PPME_ITER_TASK_FILE_SOCKET_INET6_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 444: PPME_ITER_TASK_FILE_SOCKET_UNIX_E
    EventInfo::new("task_file_socket_unix", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_type", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_proto", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_pointer", ParamType::Uint64, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("sun_path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 445: PPME_ITER_TASK_FILE_SOCKET_UNIX_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 446: PPME_ITER_TASK_FILE_SOCKET_NETLINK_E
    EventInfo::new("task_file_socket_netlink", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_type", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("sk_proto", ParamType::Uint16, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 447: PPME_ITER_TASK_FILE_SOCKET_NETLINK_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 448: PPME_ITER_TASK_FILE_ANON_INODE_E
    EventInfo::new("task_file_anon_inode", EventCategory(0x2002), EventFlags(0x20), &[
        ParamInfo::new("fd", ParamType::Fd32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("fd_type", ParamType::Flags8, PrintFormat::Dec, ParamExtra::Flags(&ANON_INODE_FD_TYPES)),
        ParamInfo::new("path", ParamType::FsPath, PrintFormat::Na, ParamExtra::None),
        ParamInfo::new("ino_num", ParamType::Uint64, PrintFormat::Dec, ParamExtra::None),
    ]),
    // 449: PPME_ITER_TASK_FILE_ANON_INODE_X
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 450: PPME_SYSCALL_CLOSE_RANGE_E
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 451: PPME_SYSCALL_CLOSE_RANGE_X
    EventInfo::new("close_range", EventCategory(0x222), EventFlags(0x20), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("first", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("last", ParamType::Uint32, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("flags", ParamType::Flags32, PrintFormat::Hex, ParamExtra::Flags(&CLOSE_RANGE_FLAGS)),
    ]),
    // 452: PPME_SYSCALL_KEYCTL_E
    EventInfo::new("NA", EventCategory(0x0), EventFlags(0x40), &[]),
    // 453: PPME_SYSCALL_KEYCTL_X
    EventInfo::new("keyctl", EventCategory(0x201), EventFlags(0x0), &[
        ParamInfo::new("res", ParamType::Errno, PrintFormat::Dec, ParamExtra::None),
        ParamInfo::new("operation", ParamType::EnumFlags32, PrintFormat::Dec, ParamExtra::Flags(&KEYCTL_OPERATIONS)),
        ParamInfo::new("arg2", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&KEYCTL_DYNAMIC_PARAM)),
        ParamInfo::new("arg3", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&KEYCTL_DYNAMIC_PARAM)),
        ParamInfo::new("arg4", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&KEYCTL_DYNAMIC_PARAM)),
        ParamInfo::new("arg5", ParamType::Dyn, PrintFormat::Dec, ParamExtra::Dynamic(&KEYCTL_DYNAMIC_PARAM)),
    ]),
];

/// The event codes under libs' `ppm_event_code` names.
pub mod codes {
    /// `PPME_GENERIC_E`: the enter event `syscall`.
    pub const PPME_GENERIC_E: u16 = 0;
    /// `PPME_GENERIC_X`: the exit event `syscall`.
    pub const PPME_GENERIC_X: u16 = 1;
    /// `PPME_SYSCALL_OPEN_E`: the enter event `open`.
    pub const PPME_SYSCALL_OPEN_E: u16 = 2;
    /// `PPME_SYSCALL_OPEN_X`: the exit event `open`.
    pub const PPME_SYSCALL_OPEN_X: u16 = 3;
    /// `PPME_SYSCALL_CLOSE_E`: the enter event `close`.
    pub const PPME_SYSCALL_CLOSE_E: u16 = 4;
    /// `PPME_SYSCALL_CLOSE_X`: the exit event `close`.
    pub const PPME_SYSCALL_CLOSE_X: u16 = 5;
    /// `PPME_SYSCALL_READ_E`: the enter event `read`.
    pub const PPME_SYSCALL_READ_E: u16 = 6;
    /// `PPME_SYSCALL_READ_X`: the exit event `read`.
    pub const PPME_SYSCALL_READ_X: u16 = 7;
    /// `PPME_SYSCALL_WRITE_E`: the enter event `write`.
    pub const PPME_SYSCALL_WRITE_E: u16 = 8;
    /// `PPME_SYSCALL_WRITE_X`: the exit event `write`.
    pub const PPME_SYSCALL_WRITE_X: u16 = 9;
    /// `PPME_SYSCALL_BRK_1_E`: the enter event `brk`.
    pub const PPME_SYSCALL_BRK_1_E: u16 = 10;
    /// `PPME_SYSCALL_BRK_1_X`: the exit event `brk`.
    pub const PPME_SYSCALL_BRK_1_X: u16 = 11;
    /// `PPME_SYSCALL_EXECVE_8_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_8_E: u16 = 12;
    /// `PPME_SYSCALL_EXECVE_8_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_8_X: u16 = 13;
    /// `PPME_SYSCALL_CLONE_11_E`: the enter event `clone`.
    pub const PPME_SYSCALL_CLONE_11_E: u16 = 14;
    /// `PPME_SYSCALL_CLONE_11_X`: the exit event `clone`.
    pub const PPME_SYSCALL_CLONE_11_X: u16 = 15;
    /// `PPME_PROCEXIT_E`: the enter event `procexit`.
    pub const PPME_PROCEXIT_E: u16 = 16;
    /// `PPME_PROCEXIT_X`: the exit event `NA`.
    pub const PPME_PROCEXIT_X: u16 = 17;
    /// `PPME_SOCKET_SOCKET_E`: the enter event `socket`.
    pub const PPME_SOCKET_SOCKET_E: u16 = 18;
    /// `PPME_SOCKET_SOCKET_X`: the exit event `socket`.
    pub const PPME_SOCKET_SOCKET_X: u16 = 19;
    /// `PPME_SOCKET_BIND_E`: the enter event `bind`.
    pub const PPME_SOCKET_BIND_E: u16 = 20;
    /// `PPME_SOCKET_BIND_X`: the exit event `bind`.
    pub const PPME_SOCKET_BIND_X: u16 = 21;
    /// `PPME_SOCKET_CONNECT_E`: the enter event `connect`.
    pub const PPME_SOCKET_CONNECT_E: u16 = 22;
    /// `PPME_SOCKET_CONNECT_X`: the exit event `connect`.
    pub const PPME_SOCKET_CONNECT_X: u16 = 23;
    /// `PPME_SOCKET_LISTEN_E`: the enter event `listen`.
    pub const PPME_SOCKET_LISTEN_E: u16 = 24;
    /// `PPME_SOCKET_LISTEN_X`: the exit event `listen`.
    pub const PPME_SOCKET_LISTEN_X: u16 = 25;
    /// `PPME_SOCKET_ACCEPT_E`: the enter event `accept`.
    pub const PPME_SOCKET_ACCEPT_E: u16 = 26;
    /// `PPME_SOCKET_ACCEPT_X`: the exit event `accept`.
    pub const PPME_SOCKET_ACCEPT_X: u16 = 27;
    /// `PPME_SOCKET_SEND_E`: the enter event `send`.
    pub const PPME_SOCKET_SEND_E: u16 = 28;
    /// `PPME_SOCKET_SEND_X`: the exit event `send`.
    pub const PPME_SOCKET_SEND_X: u16 = 29;
    /// `PPME_SOCKET_SENDTO_E`: the enter event `sendto`.
    pub const PPME_SOCKET_SENDTO_E: u16 = 30;
    /// `PPME_SOCKET_SENDTO_X`: the exit event `sendto`.
    pub const PPME_SOCKET_SENDTO_X: u16 = 31;
    /// `PPME_SOCKET_RECV_E`: the enter event `recv`.
    pub const PPME_SOCKET_RECV_E: u16 = 32;
    /// `PPME_SOCKET_RECV_X`: the exit event `recv`.
    pub const PPME_SOCKET_RECV_X: u16 = 33;
    /// `PPME_SOCKET_RECVFROM_E`: the enter event `recvfrom`.
    pub const PPME_SOCKET_RECVFROM_E: u16 = 34;
    /// `PPME_SOCKET_RECVFROM_X`: the exit event `recvfrom`.
    pub const PPME_SOCKET_RECVFROM_X: u16 = 35;
    /// `PPME_SOCKET_SHUTDOWN_E`: the enter event `shutdown`.
    pub const PPME_SOCKET_SHUTDOWN_E: u16 = 36;
    /// `PPME_SOCKET_SHUTDOWN_X`: the exit event `shutdown`.
    pub const PPME_SOCKET_SHUTDOWN_X: u16 = 37;
    /// `PPME_SOCKET_GETSOCKNAME_E`: the enter event `getsockname`.
    pub const PPME_SOCKET_GETSOCKNAME_E: u16 = 38;
    /// `PPME_SOCKET_GETSOCKNAME_X`: the exit event `getsockname`.
    pub const PPME_SOCKET_GETSOCKNAME_X: u16 = 39;
    /// `PPME_SOCKET_GETPEERNAME_E`: the enter event `getpeername`.
    pub const PPME_SOCKET_GETPEERNAME_E: u16 = 40;
    /// `PPME_SOCKET_GETPEERNAME_X`: the exit event `getpeername`.
    pub const PPME_SOCKET_GETPEERNAME_X: u16 = 41;
    /// `PPME_SOCKET_SOCKETPAIR_E`: the enter event `socketpair`.
    pub const PPME_SOCKET_SOCKETPAIR_E: u16 = 42;
    /// `PPME_SOCKET_SOCKETPAIR_X`: the exit event `socketpair`.
    pub const PPME_SOCKET_SOCKETPAIR_X: u16 = 43;
    /// `PPME_SOCKET_SETSOCKOPT_E`: the enter event `setsockopt`.
    pub const PPME_SOCKET_SETSOCKOPT_E: u16 = 44;
    /// `PPME_SOCKET_SETSOCKOPT_X`: the exit event `setsockopt`.
    pub const PPME_SOCKET_SETSOCKOPT_X: u16 = 45;
    /// `PPME_SOCKET_GETSOCKOPT_E`: the enter event `getsockopt`.
    pub const PPME_SOCKET_GETSOCKOPT_E: u16 = 46;
    /// `PPME_SOCKET_GETSOCKOPT_X`: the exit event `getsockopt`.
    pub const PPME_SOCKET_GETSOCKOPT_X: u16 = 47;
    /// `PPME_SOCKET_SENDMSG_E`: the enter event `sendmsg`.
    pub const PPME_SOCKET_SENDMSG_E: u16 = 48;
    /// `PPME_SOCKET_SENDMSG_X`: the exit event `sendmsg`.
    pub const PPME_SOCKET_SENDMSG_X: u16 = 49;
    /// `PPME_SOCKET_SENDMMSG_E`: the enter event `sendmmsg`.
    pub const PPME_SOCKET_SENDMMSG_E: u16 = 50;
    /// `PPME_SOCKET_SENDMMSG_X`: the exit event `sendmmsg`.
    pub const PPME_SOCKET_SENDMMSG_X: u16 = 51;
    /// `PPME_SOCKET_RECVMSG_E`: the enter event `recvmsg`.
    pub const PPME_SOCKET_RECVMSG_E: u16 = 52;
    /// `PPME_SOCKET_RECVMSG_X`: the exit event `recvmsg`.
    pub const PPME_SOCKET_RECVMSG_X: u16 = 53;
    /// `PPME_SOCKET_RECVMMSG_E`: the enter event `recvmmsg`.
    pub const PPME_SOCKET_RECVMMSG_E: u16 = 54;
    /// `PPME_SOCKET_RECVMMSG_X`: the exit event `recvmmsg`.
    pub const PPME_SOCKET_RECVMMSG_X: u16 = 55;
    /// `PPME_SOCKET_ACCEPT4_E`: the enter event `accept`.
    pub const PPME_SOCKET_ACCEPT4_E: u16 = 56;
    /// `PPME_SOCKET_ACCEPT4_X`: the exit event `accept`.
    pub const PPME_SOCKET_ACCEPT4_X: u16 = 57;
    /// `PPME_SYSCALL_CREAT_E`: the enter event `creat`.
    pub const PPME_SYSCALL_CREAT_E: u16 = 58;
    /// `PPME_SYSCALL_CREAT_X`: the exit event `creat`.
    pub const PPME_SYSCALL_CREAT_X: u16 = 59;
    /// `PPME_SYSCALL_PIPE_E`: the enter event `pipe`.
    pub const PPME_SYSCALL_PIPE_E: u16 = 60;
    /// `PPME_SYSCALL_PIPE_X`: the exit event `pipe`.
    pub const PPME_SYSCALL_PIPE_X: u16 = 61;
    /// `PPME_SYSCALL_EVENTFD_E`: the enter event `eventfd`.
    pub const PPME_SYSCALL_EVENTFD_E: u16 = 62;
    /// `PPME_SYSCALL_EVENTFD_X`: the exit event `eventfd`.
    pub const PPME_SYSCALL_EVENTFD_X: u16 = 63;
    /// `PPME_SYSCALL_FUTEX_E`: the enter event `futex`.
    pub const PPME_SYSCALL_FUTEX_E: u16 = 64;
    /// `PPME_SYSCALL_FUTEX_X`: the exit event `futex`.
    pub const PPME_SYSCALL_FUTEX_X: u16 = 65;
    /// `PPME_SYSCALL_STAT_E`: the enter event `stat`.
    pub const PPME_SYSCALL_STAT_E: u16 = 66;
    /// `PPME_SYSCALL_STAT_X`: the exit event `stat`.
    pub const PPME_SYSCALL_STAT_X: u16 = 67;
    /// `PPME_SYSCALL_LSTAT_E`: the enter event `lstat`.
    pub const PPME_SYSCALL_LSTAT_E: u16 = 68;
    /// `PPME_SYSCALL_LSTAT_X`: the exit event `lstat`.
    pub const PPME_SYSCALL_LSTAT_X: u16 = 69;
    /// `PPME_SYSCALL_FSTAT_E`: the enter event `fstat`.
    pub const PPME_SYSCALL_FSTAT_E: u16 = 70;
    /// `PPME_SYSCALL_FSTAT_X`: the exit event `fstat`.
    pub const PPME_SYSCALL_FSTAT_X: u16 = 71;
    /// `PPME_SYSCALL_STAT64_E`: the enter event `stat64`.
    pub const PPME_SYSCALL_STAT64_E: u16 = 72;
    /// `PPME_SYSCALL_STAT64_X`: the exit event `stat64`.
    pub const PPME_SYSCALL_STAT64_X: u16 = 73;
    /// `PPME_SYSCALL_LSTAT64_E`: the enter event `lstat64`.
    pub const PPME_SYSCALL_LSTAT64_E: u16 = 74;
    /// `PPME_SYSCALL_LSTAT64_X`: the exit event `lstat64`.
    pub const PPME_SYSCALL_LSTAT64_X: u16 = 75;
    /// `PPME_SYSCALL_FSTAT64_E`: the enter event `fstat64`.
    pub const PPME_SYSCALL_FSTAT64_E: u16 = 76;
    /// `PPME_SYSCALL_FSTAT64_X`: the exit event `fstat64`.
    pub const PPME_SYSCALL_FSTAT64_X: u16 = 77;
    /// `PPME_SYSCALL_EPOLLWAIT_E`: the enter event `epoll_wait`.
    pub const PPME_SYSCALL_EPOLLWAIT_E: u16 = 78;
    /// `PPME_SYSCALL_EPOLLWAIT_X`: the exit event `epoll_wait`.
    pub const PPME_SYSCALL_EPOLLWAIT_X: u16 = 79;
    /// `PPME_SYSCALL_POLL_E`: the enter event `poll`.
    pub const PPME_SYSCALL_POLL_E: u16 = 80;
    /// `PPME_SYSCALL_POLL_X`: the exit event `poll`.
    pub const PPME_SYSCALL_POLL_X: u16 = 81;
    /// `PPME_SYSCALL_SELECT_E`: the enter event `select`.
    pub const PPME_SYSCALL_SELECT_E: u16 = 82;
    /// `PPME_SYSCALL_SELECT_X`: the exit event `select`.
    pub const PPME_SYSCALL_SELECT_X: u16 = 83;
    /// `PPME_SYSCALL_NEWSELECT_E`: the enter event `select`.
    pub const PPME_SYSCALL_NEWSELECT_E: u16 = 84;
    /// `PPME_SYSCALL_NEWSELECT_X`: the exit event `select`.
    pub const PPME_SYSCALL_NEWSELECT_X: u16 = 85;
    /// `PPME_SYSCALL_LSEEK_E`: the enter event `lseek`.
    pub const PPME_SYSCALL_LSEEK_E: u16 = 86;
    /// `PPME_SYSCALL_LSEEK_X`: the exit event `lseek`.
    pub const PPME_SYSCALL_LSEEK_X: u16 = 87;
    /// `PPME_SYSCALL_LLSEEK_E`: the enter event `llseek`.
    pub const PPME_SYSCALL_LLSEEK_E: u16 = 88;
    /// `PPME_SYSCALL_LLSEEK_X`: the exit event `llseek`.
    pub const PPME_SYSCALL_LLSEEK_X: u16 = 89;
    /// `PPME_SYSCALL_IOCTL_2_E`: the enter event `ioctl`.
    pub const PPME_SYSCALL_IOCTL_2_E: u16 = 90;
    /// `PPME_SYSCALL_IOCTL_2_X`: the exit event `ioctl`.
    pub const PPME_SYSCALL_IOCTL_2_X: u16 = 91;
    /// `PPME_SYSCALL_GETCWD_E`: the enter event `getcwd`.
    pub const PPME_SYSCALL_GETCWD_E: u16 = 92;
    /// `PPME_SYSCALL_GETCWD_X`: the exit event `getcwd`.
    pub const PPME_SYSCALL_GETCWD_X: u16 = 93;
    /// `PPME_SYSCALL_CHDIR_E`: the enter event `chdir`.
    pub const PPME_SYSCALL_CHDIR_E: u16 = 94;
    /// `PPME_SYSCALL_CHDIR_X`: the exit event `chdir`.
    pub const PPME_SYSCALL_CHDIR_X: u16 = 95;
    /// `PPME_SYSCALL_FCHDIR_E`: the enter event `fchdir`.
    pub const PPME_SYSCALL_FCHDIR_E: u16 = 96;
    /// `PPME_SYSCALL_FCHDIR_X`: the exit event `fchdir`.
    pub const PPME_SYSCALL_FCHDIR_X: u16 = 97;
    /// `PPME_SYSCALL_MKDIR_E`: the enter event `mkdir`.
    pub const PPME_SYSCALL_MKDIR_E: u16 = 98;
    /// `PPME_SYSCALL_MKDIR_X`: the exit event `mkdir`.
    pub const PPME_SYSCALL_MKDIR_X: u16 = 99;
    /// `PPME_SYSCALL_RMDIR_E`: the enter event `rmdir`.
    pub const PPME_SYSCALL_RMDIR_E: u16 = 100;
    /// `PPME_SYSCALL_RMDIR_X`: the exit event `rmdir`.
    pub const PPME_SYSCALL_RMDIR_X: u16 = 101;
    /// `PPME_SYSCALL_OPENAT_E`: the enter event `openat`.
    pub const PPME_SYSCALL_OPENAT_E: u16 = 102;
    /// `PPME_SYSCALL_OPENAT_X`: the exit event `openat`.
    pub const PPME_SYSCALL_OPENAT_X: u16 = 103;
    /// `PPME_SYSCALL_LINK_E`: the enter event `link`.
    pub const PPME_SYSCALL_LINK_E: u16 = 104;
    /// `PPME_SYSCALL_LINK_X`: the exit event `link`.
    pub const PPME_SYSCALL_LINK_X: u16 = 105;
    /// `PPME_SYSCALL_LINKAT_E`: the enter event `linkat`.
    pub const PPME_SYSCALL_LINKAT_E: u16 = 106;
    /// `PPME_SYSCALL_LINKAT_X`: the exit event `linkat`.
    pub const PPME_SYSCALL_LINKAT_X: u16 = 107;
    /// `PPME_SYSCALL_UNLINK_E`: the enter event `unlink`.
    pub const PPME_SYSCALL_UNLINK_E: u16 = 108;
    /// `PPME_SYSCALL_UNLINK_X`: the exit event `unlink`.
    pub const PPME_SYSCALL_UNLINK_X: u16 = 109;
    /// `PPME_SYSCALL_UNLINKAT_E`: the enter event `unlinkat`.
    pub const PPME_SYSCALL_UNLINKAT_E: u16 = 110;
    /// `PPME_SYSCALL_UNLINKAT_X`: the exit event `unlinkat`.
    pub const PPME_SYSCALL_UNLINKAT_X: u16 = 111;
    /// `PPME_SYSCALL_PREAD_E`: the enter event `pread`.
    pub const PPME_SYSCALL_PREAD_E: u16 = 112;
    /// `PPME_SYSCALL_PREAD_X`: the exit event `pread`.
    pub const PPME_SYSCALL_PREAD_X: u16 = 113;
    /// `PPME_SYSCALL_PWRITE_E`: the enter event `pwrite`.
    pub const PPME_SYSCALL_PWRITE_E: u16 = 114;
    /// `PPME_SYSCALL_PWRITE_X`: the exit event `pwrite`.
    pub const PPME_SYSCALL_PWRITE_X: u16 = 115;
    /// `PPME_SYSCALL_READV_E`: the enter event `readv`.
    pub const PPME_SYSCALL_READV_E: u16 = 116;
    /// `PPME_SYSCALL_READV_X`: the exit event `readv`.
    pub const PPME_SYSCALL_READV_X: u16 = 117;
    /// `PPME_SYSCALL_WRITEV_E`: the enter event `writev`.
    pub const PPME_SYSCALL_WRITEV_E: u16 = 118;
    /// `PPME_SYSCALL_WRITEV_X`: the exit event `writev`.
    pub const PPME_SYSCALL_WRITEV_X: u16 = 119;
    /// `PPME_SYSCALL_PREADV_E`: the enter event `preadv`.
    pub const PPME_SYSCALL_PREADV_E: u16 = 120;
    /// `PPME_SYSCALL_PREADV_X`: the exit event `preadv`.
    pub const PPME_SYSCALL_PREADV_X: u16 = 121;
    /// `PPME_SYSCALL_PWRITEV_E`: the enter event `pwritev`.
    pub const PPME_SYSCALL_PWRITEV_E: u16 = 122;
    /// `PPME_SYSCALL_PWRITEV_X`: the exit event `pwritev`.
    pub const PPME_SYSCALL_PWRITEV_X: u16 = 123;
    /// `PPME_SYSCALL_DUP_E`: the enter event `dup`.
    pub const PPME_SYSCALL_DUP_E: u16 = 124;
    /// `PPME_SYSCALL_DUP_X`: the exit event `dup`.
    pub const PPME_SYSCALL_DUP_X: u16 = 125;
    /// `PPME_SYSCALL_SIGNALFD_E`: the enter event `signalfd`.
    pub const PPME_SYSCALL_SIGNALFD_E: u16 = 126;
    /// `PPME_SYSCALL_SIGNALFD_X`: the exit event `signalfd`.
    pub const PPME_SYSCALL_SIGNALFD_X: u16 = 127;
    /// `PPME_SYSCALL_KILL_E`: the enter event `kill`.
    pub const PPME_SYSCALL_KILL_E: u16 = 128;
    /// `PPME_SYSCALL_KILL_X`: the exit event `kill`.
    pub const PPME_SYSCALL_KILL_X: u16 = 129;
    /// `PPME_SYSCALL_TKILL_E`: the enter event `tkill`.
    pub const PPME_SYSCALL_TKILL_E: u16 = 130;
    /// `PPME_SYSCALL_TKILL_X`: the exit event `tkill`.
    pub const PPME_SYSCALL_TKILL_X: u16 = 131;
    /// `PPME_SYSCALL_TGKILL_E`: the enter event `tgkill`.
    pub const PPME_SYSCALL_TGKILL_E: u16 = 132;
    /// `PPME_SYSCALL_TGKILL_X`: the exit event `tgkill`.
    pub const PPME_SYSCALL_TGKILL_X: u16 = 133;
    /// `PPME_SYSCALL_NANOSLEEP_E`: the enter event `nanosleep`.
    pub const PPME_SYSCALL_NANOSLEEP_E: u16 = 134;
    /// `PPME_SYSCALL_NANOSLEEP_X`: the exit event `nanosleep`.
    pub const PPME_SYSCALL_NANOSLEEP_X: u16 = 135;
    /// `PPME_SYSCALL_TIMERFD_CREATE_E`: the enter event `timerfd_create`.
    pub const PPME_SYSCALL_TIMERFD_CREATE_E: u16 = 136;
    /// `PPME_SYSCALL_TIMERFD_CREATE_X`: the exit event `timerfd_create`.
    pub const PPME_SYSCALL_TIMERFD_CREATE_X: u16 = 137;
    /// `PPME_SYSCALL_INOTIFY_INIT_E`: the enter event `inotify_init`.
    pub const PPME_SYSCALL_INOTIFY_INIT_E: u16 = 138;
    /// `PPME_SYSCALL_INOTIFY_INIT_X`: the exit event `inotify_init`.
    pub const PPME_SYSCALL_INOTIFY_INIT_X: u16 = 139;
    /// `PPME_SYSCALL_GETRLIMIT_E`: the enter event `getrlimit`.
    pub const PPME_SYSCALL_GETRLIMIT_E: u16 = 140;
    /// `PPME_SYSCALL_GETRLIMIT_X`: the exit event `getrlimit`.
    pub const PPME_SYSCALL_GETRLIMIT_X: u16 = 141;
    /// `PPME_SYSCALL_SETRLIMIT_E`: the enter event `setrlimit`.
    pub const PPME_SYSCALL_SETRLIMIT_E: u16 = 142;
    /// `PPME_SYSCALL_SETRLIMIT_X`: the exit event `setrlimit`.
    pub const PPME_SYSCALL_SETRLIMIT_X: u16 = 143;
    /// `PPME_SYSCALL_PRLIMIT_E`: the enter event `prlimit`.
    pub const PPME_SYSCALL_PRLIMIT_E: u16 = 144;
    /// `PPME_SYSCALL_PRLIMIT_X`: the exit event `prlimit`.
    pub const PPME_SYSCALL_PRLIMIT_X: u16 = 145;
    /// `PPME_SCHEDSWITCH_1_E`: the enter event `switch`.
    pub const PPME_SCHEDSWITCH_1_E: u16 = 146;
    /// `PPME_SCHEDSWITCH_1_X`: the exit event `NA`.
    pub const PPME_SCHEDSWITCH_1_X: u16 = 147;
    /// `PPME_DROP_E`: the enter event `drop`.
    pub const PPME_DROP_E: u16 = 148;
    /// `PPME_DROP_X`: the exit event `drop`.
    pub const PPME_DROP_X: u16 = 149;
    /// `PPME_SYSCALL_FCNTL_E`: the enter event `fcntl`.
    pub const PPME_SYSCALL_FCNTL_E: u16 = 150;
    /// `PPME_SYSCALL_FCNTL_X`: the exit event `fcntl`.
    pub const PPME_SYSCALL_FCNTL_X: u16 = 151;
    /// `PPME_SCHEDSWITCH_6_E`: the enter event `switch`.
    pub const PPME_SCHEDSWITCH_6_E: u16 = 152;
    /// `PPME_SCHEDSWITCH_6_X`: the exit event `NA`.
    pub const PPME_SCHEDSWITCH_6_X: u16 = 153;
    /// `PPME_SYSCALL_EXECVE_13_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_13_E: u16 = 154;
    /// `PPME_SYSCALL_EXECVE_13_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_13_X: u16 = 155;
    /// `PPME_SYSCALL_CLONE_16_E`: the enter event `clone`.
    pub const PPME_SYSCALL_CLONE_16_E: u16 = 156;
    /// `PPME_SYSCALL_CLONE_16_X`: the exit event `clone`.
    pub const PPME_SYSCALL_CLONE_16_X: u16 = 157;
    /// `PPME_SYSCALL_BRK_4_E`: the enter event `brk`.
    pub const PPME_SYSCALL_BRK_4_E: u16 = 158;
    /// `PPME_SYSCALL_BRK_4_X`: the exit event `brk`.
    pub const PPME_SYSCALL_BRK_4_X: u16 = 159;
    /// `PPME_SYSCALL_MMAP_E`: the enter event `mmap`.
    pub const PPME_SYSCALL_MMAP_E: u16 = 160;
    /// `PPME_SYSCALL_MMAP_X`: the exit event `mmap`.
    pub const PPME_SYSCALL_MMAP_X: u16 = 161;
    /// `PPME_SYSCALL_MMAP2_E`: the enter event `mmap2`.
    pub const PPME_SYSCALL_MMAP2_E: u16 = 162;
    /// `PPME_SYSCALL_MMAP2_X`: the exit event `mmap2`.
    pub const PPME_SYSCALL_MMAP2_X: u16 = 163;
    /// `PPME_SYSCALL_MUNMAP_E`: the enter event `munmap`.
    pub const PPME_SYSCALL_MUNMAP_E: u16 = 164;
    /// `PPME_SYSCALL_MUNMAP_X`: the exit event `munmap`.
    pub const PPME_SYSCALL_MUNMAP_X: u16 = 165;
    /// `PPME_SYSCALL_SPLICE_E`: the enter event `splice`.
    pub const PPME_SYSCALL_SPLICE_E: u16 = 166;
    /// `PPME_SYSCALL_SPLICE_X`: the exit event `splice`.
    pub const PPME_SYSCALL_SPLICE_X: u16 = 167;
    /// `PPME_SYSCALL_PTRACE_E`: the enter event `ptrace`.
    pub const PPME_SYSCALL_PTRACE_E: u16 = 168;
    /// `PPME_SYSCALL_PTRACE_X`: the exit event `ptrace`.
    pub const PPME_SYSCALL_PTRACE_X: u16 = 169;
    /// `PPME_SYSCALL_IOCTL_3_E`: the enter event `ioctl`.
    pub const PPME_SYSCALL_IOCTL_3_E: u16 = 170;
    /// `PPME_SYSCALL_IOCTL_3_X`: the exit event `ioctl`.
    pub const PPME_SYSCALL_IOCTL_3_X: u16 = 171;
    /// `PPME_SYSCALL_EXECVE_14_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_14_E: u16 = 172;
    /// `PPME_SYSCALL_EXECVE_14_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_14_X: u16 = 173;
    /// `PPME_SYSCALL_RENAME_E`: the enter event `rename`.
    pub const PPME_SYSCALL_RENAME_E: u16 = 174;
    /// `PPME_SYSCALL_RENAME_X`: the exit event `rename`.
    pub const PPME_SYSCALL_RENAME_X: u16 = 175;
    /// `PPME_SYSCALL_RENAMEAT_E`: the enter event `renameat`.
    pub const PPME_SYSCALL_RENAMEAT_E: u16 = 176;
    /// `PPME_SYSCALL_RENAMEAT_X`: the exit event `renameat`.
    pub const PPME_SYSCALL_RENAMEAT_X: u16 = 177;
    /// `PPME_SYSCALL_SYMLINK_E`: the enter event `symlink`.
    pub const PPME_SYSCALL_SYMLINK_E: u16 = 178;
    /// `PPME_SYSCALL_SYMLINK_X`: the exit event `symlink`.
    pub const PPME_SYSCALL_SYMLINK_X: u16 = 179;
    /// `PPME_SYSCALL_SYMLINKAT_E`: the enter event `symlinkat`.
    pub const PPME_SYSCALL_SYMLINKAT_E: u16 = 180;
    /// `PPME_SYSCALL_SYMLINKAT_X`: the exit event `symlinkat`.
    pub const PPME_SYSCALL_SYMLINKAT_X: u16 = 181;
    /// `PPME_SYSCALL_FORK_E`: the enter event `fork`.
    pub const PPME_SYSCALL_FORK_E: u16 = 182;
    /// `PPME_SYSCALL_FORK_X`: the exit event `fork`.
    pub const PPME_SYSCALL_FORK_X: u16 = 183;
    /// `PPME_SYSCALL_VFORK_E`: the enter event `vfork`.
    pub const PPME_SYSCALL_VFORK_E: u16 = 184;
    /// `PPME_SYSCALL_VFORK_X`: the exit event `vfork`.
    pub const PPME_SYSCALL_VFORK_X: u16 = 185;
    /// `PPME_PROCEXIT_1_E`: the enter event `procexit`.
    pub const PPME_PROCEXIT_1_E: u16 = 186;
    /// `PPME_PROCEXIT_1_X`: the exit event `NA`.
    pub const PPME_PROCEXIT_1_X: u16 = 187;
    /// `PPME_SYSCALL_SENDFILE_E`: the enter event `sendfile`.
    pub const PPME_SYSCALL_SENDFILE_E: u16 = 188;
    /// `PPME_SYSCALL_SENDFILE_X`: the exit event `sendfile`.
    pub const PPME_SYSCALL_SENDFILE_X: u16 = 189;
    /// `PPME_SYSCALL_QUOTACTL_E`: the enter event `quotactl`.
    pub const PPME_SYSCALL_QUOTACTL_E: u16 = 190;
    /// `PPME_SYSCALL_QUOTACTL_X`: the exit event `quotactl`.
    pub const PPME_SYSCALL_QUOTACTL_X: u16 = 191;
    /// `PPME_SYSCALL_SETRESUID_E`: the enter event `setresuid`.
    pub const PPME_SYSCALL_SETRESUID_E: u16 = 192;
    /// `PPME_SYSCALL_SETRESUID_X`: the exit event `setresuid`.
    pub const PPME_SYSCALL_SETRESUID_X: u16 = 193;
    /// `PPME_SYSCALL_SETRESGID_E`: the enter event `setresgid`.
    pub const PPME_SYSCALL_SETRESGID_E: u16 = 194;
    /// `PPME_SYSCALL_SETRESGID_X`: the exit event `setresgid`.
    pub const PPME_SYSCALL_SETRESGID_X: u16 = 195;
    /// `PPME_SCAPEVENT_E`: the enter event `scapevent`.
    pub const PPME_SCAPEVENT_E: u16 = 196;
    /// `PPME_SCAPEVENT_X`: the exit event `NA`.
    pub const PPME_SCAPEVENT_X: u16 = 197;
    /// `PPME_SYSCALL_SETUID_E`: the enter event `setuid`.
    pub const PPME_SYSCALL_SETUID_E: u16 = 198;
    /// `PPME_SYSCALL_SETUID_X`: the exit event `setuid`.
    pub const PPME_SYSCALL_SETUID_X: u16 = 199;
    /// `PPME_SYSCALL_SETGID_E`: the enter event `setgid`.
    pub const PPME_SYSCALL_SETGID_E: u16 = 200;
    /// `PPME_SYSCALL_SETGID_X`: the exit event `setgid`.
    pub const PPME_SYSCALL_SETGID_X: u16 = 201;
    /// `PPME_SYSCALL_GETUID_E`: the enter event `getuid`.
    pub const PPME_SYSCALL_GETUID_E: u16 = 202;
    /// `PPME_SYSCALL_GETUID_X`: the exit event `getuid`.
    pub const PPME_SYSCALL_GETUID_X: u16 = 203;
    /// `PPME_SYSCALL_GETEUID_E`: the enter event `geteuid`.
    pub const PPME_SYSCALL_GETEUID_E: u16 = 204;
    /// `PPME_SYSCALL_GETEUID_X`: the exit event `geteuid`.
    pub const PPME_SYSCALL_GETEUID_X: u16 = 205;
    /// `PPME_SYSCALL_GETGID_E`: the enter event `getgid`.
    pub const PPME_SYSCALL_GETGID_E: u16 = 206;
    /// `PPME_SYSCALL_GETGID_X`: the exit event `getgid`.
    pub const PPME_SYSCALL_GETGID_X: u16 = 207;
    /// `PPME_SYSCALL_GETEGID_E`: the enter event `getegid`.
    pub const PPME_SYSCALL_GETEGID_E: u16 = 208;
    /// `PPME_SYSCALL_GETEGID_X`: the exit event `getegid`.
    pub const PPME_SYSCALL_GETEGID_X: u16 = 209;
    /// `PPME_SYSCALL_GETRESUID_E`: the enter event `getresuid`.
    pub const PPME_SYSCALL_GETRESUID_E: u16 = 210;
    /// `PPME_SYSCALL_GETRESUID_X`: the exit event `getresuid`.
    pub const PPME_SYSCALL_GETRESUID_X: u16 = 211;
    /// `PPME_SYSCALL_GETRESGID_E`: the enter event `getresgid`.
    pub const PPME_SYSCALL_GETRESGID_E: u16 = 212;
    /// `PPME_SYSCALL_GETRESGID_X`: the exit event `getresgid`.
    pub const PPME_SYSCALL_GETRESGID_X: u16 = 213;
    /// `PPME_SYSCALL_EXECVE_15_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_15_E: u16 = 214;
    /// `PPME_SYSCALL_EXECVE_15_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_15_X: u16 = 215;
    /// `PPME_SYSCALL_CLONE_17_E`: the enter event `clone`.
    pub const PPME_SYSCALL_CLONE_17_E: u16 = 216;
    /// `PPME_SYSCALL_CLONE_17_X`: the exit event `clone`.
    pub const PPME_SYSCALL_CLONE_17_X: u16 = 217;
    /// `PPME_SYSCALL_FORK_17_E`: the enter event `fork`.
    pub const PPME_SYSCALL_FORK_17_E: u16 = 218;
    /// `PPME_SYSCALL_FORK_17_X`: the exit event `fork`.
    pub const PPME_SYSCALL_FORK_17_X: u16 = 219;
    /// `PPME_SYSCALL_VFORK_17_E`: the enter event `vfork`.
    pub const PPME_SYSCALL_VFORK_17_E: u16 = 220;
    /// `PPME_SYSCALL_VFORK_17_X`: the exit event `vfork`.
    pub const PPME_SYSCALL_VFORK_17_X: u16 = 221;
    /// `PPME_SYSCALL_CLONE_20_E`: the enter event `clone`.
    pub const PPME_SYSCALL_CLONE_20_E: u16 = 222;
    /// `PPME_SYSCALL_CLONE_20_X`: the exit event `clone`.
    pub const PPME_SYSCALL_CLONE_20_X: u16 = 223;
    /// `PPME_SYSCALL_FORK_20_E`: the enter event `fork`.
    pub const PPME_SYSCALL_FORK_20_E: u16 = 224;
    /// `PPME_SYSCALL_FORK_20_X`: the exit event `fork`.
    pub const PPME_SYSCALL_FORK_20_X: u16 = 225;
    /// `PPME_SYSCALL_VFORK_20_E`: the enter event `vfork`.
    pub const PPME_SYSCALL_VFORK_20_E: u16 = 226;
    /// `PPME_SYSCALL_VFORK_20_X`: the exit event `vfork`.
    pub const PPME_SYSCALL_VFORK_20_X: u16 = 227;
    /// `PPME_CONTAINER_E`: the enter event `container`.
    pub const PPME_CONTAINER_E: u16 = 228;
    /// `PPME_CONTAINER_X`: the exit event `NA`.
    pub const PPME_CONTAINER_X: u16 = 229;
    /// `PPME_SYSCALL_EXECVE_16_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_16_E: u16 = 230;
    /// `PPME_SYSCALL_EXECVE_16_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_16_X: u16 = 231;
    /// `PPME_SIGNALDELIVER_E`: the enter event `signaldeliver`.
    pub const PPME_SIGNALDELIVER_E: u16 = 232;
    /// `PPME_SIGNALDELIVER_X`: the exit event `NA`.
    pub const PPME_SIGNALDELIVER_X: u16 = 233;
    /// `PPME_PROCINFO_E`: the enter event `procinfo`.
    pub const PPME_PROCINFO_E: u16 = 234;
    /// `PPME_PROCINFO_X`: the exit event `NA`.
    pub const PPME_PROCINFO_X: u16 = 235;
    /// `PPME_SYSCALL_GETDENTS_E`: the enter event `getdents`.
    pub const PPME_SYSCALL_GETDENTS_E: u16 = 236;
    /// `PPME_SYSCALL_GETDENTS_X`: the exit event `getdents`.
    pub const PPME_SYSCALL_GETDENTS_X: u16 = 237;
    /// `PPME_SYSCALL_GETDENTS64_E`: the enter event `getdents64`.
    pub const PPME_SYSCALL_GETDENTS64_E: u16 = 238;
    /// `PPME_SYSCALL_GETDENTS64_X`: the exit event `getdents64`.
    pub const PPME_SYSCALL_GETDENTS64_X: u16 = 239;
    /// `PPME_SYSCALL_SETNS_E`: the enter event `setns`.
    pub const PPME_SYSCALL_SETNS_E: u16 = 240;
    /// `PPME_SYSCALL_SETNS_X`: the exit event `setns`.
    pub const PPME_SYSCALL_SETNS_X: u16 = 241;
    /// `PPME_SYSCALL_FLOCK_E`: the enter event `flock`.
    pub const PPME_SYSCALL_FLOCK_E: u16 = 242;
    /// `PPME_SYSCALL_FLOCK_X`: the exit event `flock`.
    pub const PPME_SYSCALL_FLOCK_X: u16 = 243;
    /// `PPME_CPU_HOTPLUG_E`: the enter event `cpu_hotplug`.
    pub const PPME_CPU_HOTPLUG_E: u16 = 244;
    /// `PPME_CPU_HOTPLUG_X`: the exit event `NA`.
    pub const PPME_CPU_HOTPLUG_X: u16 = 245;
    /// `PPME_SOCKET_ACCEPT_5_E`: the enter event `accept`.
    pub const PPME_SOCKET_ACCEPT_5_E: u16 = 246;
    /// `PPME_SOCKET_ACCEPT_5_X`: the exit event `accept`.
    pub const PPME_SOCKET_ACCEPT_5_X: u16 = 247;
    /// `PPME_SOCKET_ACCEPT4_5_E`: the enter event `accept`.
    pub const PPME_SOCKET_ACCEPT4_5_E: u16 = 248;
    /// `PPME_SOCKET_ACCEPT4_5_X`: the exit event `accept`.
    pub const PPME_SOCKET_ACCEPT4_5_X: u16 = 249;
    /// `PPME_SYSCALL_SEMOP_E`: the enter event `semop`.
    pub const PPME_SYSCALL_SEMOP_E: u16 = 250;
    /// `PPME_SYSCALL_SEMOP_X`: the exit event `semop`.
    pub const PPME_SYSCALL_SEMOP_X: u16 = 251;
    /// `PPME_SYSCALL_SEMCTL_E`: the enter event `semctl`.
    pub const PPME_SYSCALL_SEMCTL_E: u16 = 252;
    /// `PPME_SYSCALL_SEMCTL_X`: the exit event `semctl`.
    pub const PPME_SYSCALL_SEMCTL_X: u16 = 253;
    /// `PPME_SYSCALL_PPOLL_E`: the enter event `ppoll`.
    pub const PPME_SYSCALL_PPOLL_E: u16 = 254;
    /// `PPME_SYSCALL_PPOLL_X`: the exit event `ppoll`.
    pub const PPME_SYSCALL_PPOLL_X: u16 = 255;
    /// `PPME_SYSCALL_MOUNT_E`: the enter event `mount`.
    pub const PPME_SYSCALL_MOUNT_E: u16 = 256;
    /// `PPME_SYSCALL_MOUNT_X`: the exit event `mount`.
    pub const PPME_SYSCALL_MOUNT_X: u16 = 257;
    /// `PPME_SYSCALL_UMOUNT_E`: the enter event `umount`.
    pub const PPME_SYSCALL_UMOUNT_E: u16 = 258;
    /// `PPME_SYSCALL_UMOUNT_X`: the exit event `umount`.
    pub const PPME_SYSCALL_UMOUNT_X: u16 = 259;
    /// `PPME_K8S_E`: the enter event `k8s`.
    pub const PPME_K8S_E: u16 = 260;
    /// `PPME_K8S_X`: the exit event `NA`.
    pub const PPME_K8S_X: u16 = 261;
    /// `PPME_SYSCALL_SEMGET_E`: the enter event `semget`.
    pub const PPME_SYSCALL_SEMGET_E: u16 = 262;
    /// `PPME_SYSCALL_SEMGET_X`: the exit event `semget`.
    pub const PPME_SYSCALL_SEMGET_X: u16 = 263;
    /// `PPME_SYSCALL_ACCESS_E`: the enter event `access`.
    pub const PPME_SYSCALL_ACCESS_E: u16 = 264;
    /// `PPME_SYSCALL_ACCESS_X`: the exit event `access`.
    pub const PPME_SYSCALL_ACCESS_X: u16 = 265;
    /// `PPME_SYSCALL_CHROOT_E`: the enter event `chroot`.
    pub const PPME_SYSCALL_CHROOT_E: u16 = 266;
    /// `PPME_SYSCALL_CHROOT_X`: the exit event `chroot`.
    pub const PPME_SYSCALL_CHROOT_X: u16 = 267;
    /// `PPME_TRACER_E`: the enter event `tracer`.
    pub const PPME_TRACER_E: u16 = 268;
    /// `PPME_TRACER_X`: the exit event `NA`.
    pub const PPME_TRACER_X: u16 = 269;
    /// `PPME_MESOS_E`: the enter event `mesos`.
    pub const PPME_MESOS_E: u16 = 270;
    /// `PPME_MESOS_X`: the exit event `NA`.
    pub const PPME_MESOS_X: u16 = 271;
    /// `PPME_CONTAINER_JSON_E`: the enter event `container`.
    pub const PPME_CONTAINER_JSON_E: u16 = 272;
    /// `PPME_CONTAINER_JSON_X`: the exit event `NA`.
    pub const PPME_CONTAINER_JSON_X: u16 = 273;
    /// `PPME_SYSCALL_SETSID_E`: the enter event `setsid`.
    pub const PPME_SYSCALL_SETSID_E: u16 = 274;
    /// `PPME_SYSCALL_SETSID_X`: the exit event `setsid`.
    pub const PPME_SYSCALL_SETSID_X: u16 = 275;
    /// `PPME_SYSCALL_MKDIR_2_E`: the enter event `mkdir`.
    pub const PPME_SYSCALL_MKDIR_2_E: u16 = 276;
    /// `PPME_SYSCALL_MKDIR_2_X`: the exit event `mkdir`.
    pub const PPME_SYSCALL_MKDIR_2_X: u16 = 277;
    /// `PPME_SYSCALL_RMDIR_2_E`: the enter event `rmdir`.
    pub const PPME_SYSCALL_RMDIR_2_E: u16 = 278;
    /// `PPME_SYSCALL_RMDIR_2_X`: the exit event `rmdir`.
    pub const PPME_SYSCALL_RMDIR_2_X: u16 = 279;
    /// `PPME_NOTIFICATION_E`: the enter event `notification`.
    pub const PPME_NOTIFICATION_E: u16 = 280;
    /// `PPME_NOTIFICATION_X`: the exit event `NA`.
    pub const PPME_NOTIFICATION_X: u16 = 281;
    /// `PPME_SYSCALL_EXECVE_17_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_17_E: u16 = 282;
    /// `PPME_SYSCALL_EXECVE_17_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_17_X: u16 = 283;
    /// `PPME_SYSCALL_UNSHARE_E`: the enter event `unshare`.
    pub const PPME_SYSCALL_UNSHARE_E: u16 = 284;
    /// `PPME_SYSCALL_UNSHARE_X`: the exit event `unshare`.
    pub const PPME_SYSCALL_UNSHARE_X: u16 = 285;
    /// `PPME_INFRASTRUCTURE_EVENT_E`: the enter event `infra`.
    pub const PPME_INFRASTRUCTURE_EVENT_E: u16 = 286;
    /// `PPME_INFRASTRUCTURE_EVENT_X`: the exit event `NA`.
    pub const PPME_INFRASTRUCTURE_EVENT_X: u16 = 287;
    /// `PPME_SYSCALL_EXECVE_18_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_18_E: u16 = 288;
    /// `PPME_SYSCALL_EXECVE_18_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_18_X: u16 = 289;
    /// `PPME_PAGE_FAULT_E`: the enter event `page_fault`.
    pub const PPME_PAGE_FAULT_E: u16 = 290;
    /// `PPME_PAGE_FAULT_X`: the exit event `NA`.
    pub const PPME_PAGE_FAULT_X: u16 = 291;
    /// `PPME_SYSCALL_EXECVE_19_E`: the enter event `execve`.
    pub const PPME_SYSCALL_EXECVE_19_E: u16 = 292;
    /// `PPME_SYSCALL_EXECVE_19_X`: the exit event `execve`.
    pub const PPME_SYSCALL_EXECVE_19_X: u16 = 293;
    /// `PPME_SYSCALL_SETPGID_E`: the enter event `setpgid`.
    pub const PPME_SYSCALL_SETPGID_E: u16 = 294;
    /// `PPME_SYSCALL_SETPGID_X`: the exit event `setpgid`.
    pub const PPME_SYSCALL_SETPGID_X: u16 = 295;
    /// `PPME_SYSCALL_BPF_E`: the enter event `bpf`.
    pub const PPME_SYSCALL_BPF_E: u16 = 296;
    /// `PPME_SYSCALL_BPF_X`: the exit event `bpf`.
    pub const PPME_SYSCALL_BPF_X: u16 = 297;
    /// `PPME_SYSCALL_SECCOMP_E`: the enter event `seccomp`.
    pub const PPME_SYSCALL_SECCOMP_E: u16 = 298;
    /// `PPME_SYSCALL_SECCOMP_X`: the exit event `seccomp`.
    pub const PPME_SYSCALL_SECCOMP_X: u16 = 299;
    /// `PPME_SYSCALL_UNLINK_2_E`: the enter event `unlink`.
    pub const PPME_SYSCALL_UNLINK_2_E: u16 = 300;
    /// `PPME_SYSCALL_UNLINK_2_X`: the exit event `unlink`.
    pub const PPME_SYSCALL_UNLINK_2_X: u16 = 301;
    /// `PPME_SYSCALL_UNLINKAT_2_E`: the enter event `unlinkat`.
    pub const PPME_SYSCALL_UNLINKAT_2_E: u16 = 302;
    /// `PPME_SYSCALL_UNLINKAT_2_X`: the exit event `unlinkat`.
    pub const PPME_SYSCALL_UNLINKAT_2_X: u16 = 303;
    /// `PPME_SYSCALL_MKDIRAT_E`: the enter event `mkdirat`.
    pub const PPME_SYSCALL_MKDIRAT_E: u16 = 304;
    /// `PPME_SYSCALL_MKDIRAT_X`: the exit event `mkdirat`.
    pub const PPME_SYSCALL_MKDIRAT_X: u16 = 305;
    /// `PPME_SYSCALL_OPENAT_2_E`: the enter event `openat`.
    pub const PPME_SYSCALL_OPENAT_2_E: u16 = 306;
    /// `PPME_SYSCALL_OPENAT_2_X`: the exit event `openat`.
    pub const PPME_SYSCALL_OPENAT_2_X: u16 = 307;
    /// `PPME_SYSCALL_LINK_2_E`: the enter event `link`.
    pub const PPME_SYSCALL_LINK_2_E: u16 = 308;
    /// `PPME_SYSCALL_LINK_2_X`: the exit event `link`.
    pub const PPME_SYSCALL_LINK_2_X: u16 = 309;
    /// `PPME_SYSCALL_LINKAT_2_E`: the enter event `linkat`.
    pub const PPME_SYSCALL_LINKAT_2_E: u16 = 310;
    /// `PPME_SYSCALL_LINKAT_2_X`: the exit event `linkat`.
    pub const PPME_SYSCALL_LINKAT_2_X: u16 = 311;
    /// `PPME_SYSCALL_FCHMODAT_E`: the enter event `fchmodat`.
    pub const PPME_SYSCALL_FCHMODAT_E: u16 = 312;
    /// `PPME_SYSCALL_FCHMODAT_X`: the exit event `fchmodat`.
    pub const PPME_SYSCALL_FCHMODAT_X: u16 = 313;
    /// `PPME_SYSCALL_CHMOD_E`: the enter event `chmod`.
    pub const PPME_SYSCALL_CHMOD_E: u16 = 314;
    /// `PPME_SYSCALL_CHMOD_X`: the exit event `chmod`.
    pub const PPME_SYSCALL_CHMOD_X: u16 = 315;
    /// `PPME_SYSCALL_FCHMOD_E`: the enter event `fchmod`.
    pub const PPME_SYSCALL_FCHMOD_E: u16 = 316;
    /// `PPME_SYSCALL_FCHMOD_X`: the exit event `fchmod`.
    pub const PPME_SYSCALL_FCHMOD_X: u16 = 317;
    /// `PPME_SYSCALL_RENAMEAT2_E`: the enter event `renameat2`.
    pub const PPME_SYSCALL_RENAMEAT2_E: u16 = 318;
    /// `PPME_SYSCALL_RENAMEAT2_X`: the exit event `renameat2`.
    pub const PPME_SYSCALL_RENAMEAT2_X: u16 = 319;
    /// `PPME_SYSCALL_USERFAULTFD_E`: the enter event `userfaultfd`.
    pub const PPME_SYSCALL_USERFAULTFD_E: u16 = 320;
    /// `PPME_SYSCALL_USERFAULTFD_X`: the exit event `userfaultfd`.
    pub const PPME_SYSCALL_USERFAULTFD_X: u16 = 321;
    /// `PPME_PLUGINEVENT_E`: the enter event `pluginevent`.
    pub const PPME_PLUGINEVENT_E: u16 = 322;
    /// `PPME_PLUGINEVENT_X`: the exit event `NA`.
    pub const PPME_PLUGINEVENT_X: u16 = 323;
    /// `PPME_CONTAINER_JSON_2_E`: the enter event `container`.
    pub const PPME_CONTAINER_JSON_2_E: u16 = 324;
    /// `PPME_CONTAINER_JSON_2_X`: the exit event `NA`.
    pub const PPME_CONTAINER_JSON_2_X: u16 = 325;
    /// `PPME_SYSCALL_OPENAT2_E`: the enter event `openat2`.
    pub const PPME_SYSCALL_OPENAT2_E: u16 = 326;
    /// `PPME_SYSCALL_OPENAT2_X`: the exit event `openat2`.
    pub const PPME_SYSCALL_OPENAT2_X: u16 = 327;
    /// `PPME_SYSCALL_MPROTECT_E`: the enter event `mprotect`.
    pub const PPME_SYSCALL_MPROTECT_E: u16 = 328;
    /// `PPME_SYSCALL_MPROTECT_X`: the exit event `mprotect`.
    pub const PPME_SYSCALL_MPROTECT_X: u16 = 329;
    /// `PPME_SYSCALL_EXECVEAT_E`: the enter event `execveat`.
    pub const PPME_SYSCALL_EXECVEAT_E: u16 = 330;
    /// `PPME_SYSCALL_EXECVEAT_X`: the exit event `execveat`.
    pub const PPME_SYSCALL_EXECVEAT_X: u16 = 331;
    /// `PPME_SYSCALL_COPY_FILE_RANGE_E`: the enter event `copy_file_range`.
    pub const PPME_SYSCALL_COPY_FILE_RANGE_E: u16 = 332;
    /// `PPME_SYSCALL_COPY_FILE_RANGE_X`: the exit event `copy_file_range`.
    pub const PPME_SYSCALL_COPY_FILE_RANGE_X: u16 = 333;
    /// `PPME_SYSCALL_CLONE3_E`: the enter event `clone3`.
    pub const PPME_SYSCALL_CLONE3_E: u16 = 334;
    /// `PPME_SYSCALL_CLONE3_X`: the exit event `clone3`.
    pub const PPME_SYSCALL_CLONE3_X: u16 = 335;
    /// `PPME_SYSCALL_OPEN_BY_HANDLE_AT_E`: the enter event `open_by_handle_at`.
    pub const PPME_SYSCALL_OPEN_BY_HANDLE_AT_E: u16 = 336;
    /// `PPME_SYSCALL_OPEN_BY_HANDLE_AT_X`: the exit event `open_by_handle_at`.
    pub const PPME_SYSCALL_OPEN_BY_HANDLE_AT_X: u16 = 337;
    /// `PPME_SYSCALL_IO_URING_SETUP_E`: the enter event `io_uring_setup`.
    pub const PPME_SYSCALL_IO_URING_SETUP_E: u16 = 338;
    /// `PPME_SYSCALL_IO_URING_SETUP_X`: the exit event `io_uring_setup`.
    pub const PPME_SYSCALL_IO_URING_SETUP_X: u16 = 339;
    /// `PPME_SYSCALL_IO_URING_ENTER_E`: the enter event `io_uring_enter`.
    pub const PPME_SYSCALL_IO_URING_ENTER_E: u16 = 340;
    /// `PPME_SYSCALL_IO_URING_ENTER_X`: the exit event `io_uring_enter`.
    pub const PPME_SYSCALL_IO_URING_ENTER_X: u16 = 341;
    /// `PPME_SYSCALL_IO_URING_REGISTER_E`: the enter event `io_uring_register`.
    pub const PPME_SYSCALL_IO_URING_REGISTER_E: u16 = 342;
    /// `PPME_SYSCALL_IO_URING_REGISTER_X`: the exit event `io_uring_register`.
    pub const PPME_SYSCALL_IO_URING_REGISTER_X: u16 = 343;
    /// `PPME_SYSCALL_MLOCK_E`: the enter event `mlock`.
    pub const PPME_SYSCALL_MLOCK_E: u16 = 344;
    /// `PPME_SYSCALL_MLOCK_X`: the exit event `mlock`.
    pub const PPME_SYSCALL_MLOCK_X: u16 = 345;
    /// `PPME_SYSCALL_MUNLOCK_E`: the enter event `munlock`.
    pub const PPME_SYSCALL_MUNLOCK_E: u16 = 346;
    /// `PPME_SYSCALL_MUNLOCK_X`: the exit event `munlock`.
    pub const PPME_SYSCALL_MUNLOCK_X: u16 = 347;
    /// `PPME_SYSCALL_MLOCKALL_E`: the enter event `mlockall`.
    pub const PPME_SYSCALL_MLOCKALL_E: u16 = 348;
    /// `PPME_SYSCALL_MLOCKALL_X`: the exit event `mlockall`.
    pub const PPME_SYSCALL_MLOCKALL_X: u16 = 349;
    /// `PPME_SYSCALL_MUNLOCKALL_E`: the enter event `munlockall`.
    pub const PPME_SYSCALL_MUNLOCKALL_E: u16 = 350;
    /// `PPME_SYSCALL_MUNLOCKALL_X`: the exit event `munlockall`.
    pub const PPME_SYSCALL_MUNLOCKALL_X: u16 = 351;
    /// `PPME_SYSCALL_CAPSET_E`: the enter event `capset`.
    pub const PPME_SYSCALL_CAPSET_E: u16 = 352;
    /// `PPME_SYSCALL_CAPSET_X`: the exit event `capset`.
    pub const PPME_SYSCALL_CAPSET_X: u16 = 353;
    /// `PPME_USER_ADDED_E`: the enter event `useradded`.
    pub const PPME_USER_ADDED_E: u16 = 354;
    /// `PPME_USER_ADDED_X`: the exit event `NA`.
    pub const PPME_USER_ADDED_X: u16 = 355;
    /// `PPME_USER_DELETED_E`: the enter event `userdeleted`.
    pub const PPME_USER_DELETED_E: u16 = 356;
    /// `PPME_USER_DELETED_X`: the exit event `NA`.
    pub const PPME_USER_DELETED_X: u16 = 357;
    /// `PPME_GROUP_ADDED_E`: the enter event `groupadded`.
    pub const PPME_GROUP_ADDED_E: u16 = 358;
    /// `PPME_GROUP_ADDED_X`: the exit event `NA`.
    pub const PPME_GROUP_ADDED_X: u16 = 359;
    /// `PPME_GROUP_DELETED_E`: the enter event `groupdeleted`.
    pub const PPME_GROUP_DELETED_E: u16 = 360;
    /// `PPME_GROUP_DELETED_X`: the exit event `NA`.
    pub const PPME_GROUP_DELETED_X: u16 = 361;
    /// `PPME_SYSCALL_DUP2_E`: the enter event `dup2`.
    pub const PPME_SYSCALL_DUP2_E: u16 = 362;
    /// `PPME_SYSCALL_DUP2_X`: the exit event `dup2`.
    pub const PPME_SYSCALL_DUP2_X: u16 = 363;
    /// `PPME_SYSCALL_DUP3_E`: the enter event `dup3`.
    pub const PPME_SYSCALL_DUP3_E: u16 = 364;
    /// `PPME_SYSCALL_DUP3_X`: the exit event `dup3`.
    pub const PPME_SYSCALL_DUP3_X: u16 = 365;
    /// `PPME_SYSCALL_DUP_1_E`: the enter event `dup`.
    pub const PPME_SYSCALL_DUP_1_E: u16 = 366;
    /// `PPME_SYSCALL_DUP_1_X`: the exit event `dup`.
    pub const PPME_SYSCALL_DUP_1_X: u16 = 367;
    /// `PPME_SYSCALL_BPF_2_E`: the enter event `bpf`.
    pub const PPME_SYSCALL_BPF_2_E: u16 = 368;
    /// `PPME_SYSCALL_BPF_2_X`: the exit event `bpf`.
    pub const PPME_SYSCALL_BPF_2_X: u16 = 369;
    /// `PPME_SYSCALL_MLOCK2_E`: the enter event `mlock2`.
    pub const PPME_SYSCALL_MLOCK2_E: u16 = 370;
    /// `PPME_SYSCALL_MLOCK2_X`: the exit event `mlock2`.
    pub const PPME_SYSCALL_MLOCK2_X: u16 = 371;
    /// `PPME_SYSCALL_FSCONFIG_E`: the enter event `fsconfig`.
    pub const PPME_SYSCALL_FSCONFIG_E: u16 = 372;
    /// `PPME_SYSCALL_FSCONFIG_X`: the exit event `fsconfig`.
    pub const PPME_SYSCALL_FSCONFIG_X: u16 = 373;
    /// `PPME_SYSCALL_EPOLL_CREATE_E`: the enter event `epoll_create`.
    pub const PPME_SYSCALL_EPOLL_CREATE_E: u16 = 374;
    /// `PPME_SYSCALL_EPOLL_CREATE_X`: the exit event `epoll_create`.
    pub const PPME_SYSCALL_EPOLL_CREATE_X: u16 = 375;
    /// `PPME_SYSCALL_EPOLL_CREATE1_E`: the enter event `epoll_create1`.
    pub const PPME_SYSCALL_EPOLL_CREATE1_E: u16 = 376;
    /// `PPME_SYSCALL_EPOLL_CREATE1_X`: the exit event `epoll_create1`.
    pub const PPME_SYSCALL_EPOLL_CREATE1_X: u16 = 377;
    /// `PPME_SYSCALL_CHOWN_E`: the enter event `chown`.
    pub const PPME_SYSCALL_CHOWN_E: u16 = 378;
    /// `PPME_SYSCALL_CHOWN_X`: the exit event `chown`.
    pub const PPME_SYSCALL_CHOWN_X: u16 = 379;
    /// `PPME_SYSCALL_LCHOWN_E`: the enter event `lchown`.
    pub const PPME_SYSCALL_LCHOWN_E: u16 = 380;
    /// `PPME_SYSCALL_LCHOWN_X`: the exit event `lchown`.
    pub const PPME_SYSCALL_LCHOWN_X: u16 = 381;
    /// `PPME_SYSCALL_FCHOWN_E`: the enter event `fchown`.
    pub const PPME_SYSCALL_FCHOWN_E: u16 = 382;
    /// `PPME_SYSCALL_FCHOWN_X`: the exit event `fchown`.
    pub const PPME_SYSCALL_FCHOWN_X: u16 = 383;
    /// `PPME_SYSCALL_FCHOWNAT_E`: the enter event `fchownat`.
    pub const PPME_SYSCALL_FCHOWNAT_E: u16 = 384;
    /// `PPME_SYSCALL_FCHOWNAT_X`: the exit event `fchownat`.
    pub const PPME_SYSCALL_FCHOWNAT_X: u16 = 385;
    /// `PPME_SYSCALL_UMOUNT_1_E`: the enter event `umount`.
    pub const PPME_SYSCALL_UMOUNT_1_E: u16 = 386;
    /// `PPME_SYSCALL_UMOUNT_1_X`: the exit event `umount`.
    pub const PPME_SYSCALL_UMOUNT_1_X: u16 = 387;
    /// `PPME_SOCKET_ACCEPT4_6_E`: the enter event `accept4`.
    pub const PPME_SOCKET_ACCEPT4_6_E: u16 = 388;
    /// `PPME_SOCKET_ACCEPT4_6_X`: the exit event `accept4`.
    pub const PPME_SOCKET_ACCEPT4_6_X: u16 = 389;
    /// `PPME_SYSCALL_UMOUNT2_E`: the enter event `umount2`.
    pub const PPME_SYSCALL_UMOUNT2_E: u16 = 390;
    /// `PPME_SYSCALL_UMOUNT2_X`: the exit event `umount2`.
    pub const PPME_SYSCALL_UMOUNT2_X: u16 = 391;
    /// `PPME_SYSCALL_PIPE2_E`: the enter event `pipe2`.
    pub const PPME_SYSCALL_PIPE2_E: u16 = 392;
    /// `PPME_SYSCALL_PIPE2_X`: the exit event `pipe2`.
    pub const PPME_SYSCALL_PIPE2_X: u16 = 393;
    /// `PPME_SYSCALL_INOTIFY_INIT1_E`: the enter event `inotify_init1`.
    pub const PPME_SYSCALL_INOTIFY_INIT1_E: u16 = 394;
    /// `PPME_SYSCALL_INOTIFY_INIT1_X`: the exit event `inotify_init1`.
    pub const PPME_SYSCALL_INOTIFY_INIT1_X: u16 = 395;
    /// `PPME_SYSCALL_EVENTFD2_E`: the enter event `eventfd2`.
    pub const PPME_SYSCALL_EVENTFD2_E: u16 = 396;
    /// `PPME_SYSCALL_EVENTFD2_X`: the exit event `eventfd2`.
    pub const PPME_SYSCALL_EVENTFD2_X: u16 = 397;
    /// `PPME_SYSCALL_SIGNALFD4_E`: the enter event `signalfd4`.
    pub const PPME_SYSCALL_SIGNALFD4_E: u16 = 398;
    /// `PPME_SYSCALL_SIGNALFD4_X`: the exit event `signalfd4`.
    pub const PPME_SYSCALL_SIGNALFD4_X: u16 = 399;
    /// `PPME_SYSCALL_PRCTL_E`: the enter event `prctl`.
    pub const PPME_SYSCALL_PRCTL_E: u16 = 400;
    /// `PPME_SYSCALL_PRCTL_X`: the exit event `prctl`.
    pub const PPME_SYSCALL_PRCTL_X: u16 = 401;
    /// `PPME_ASYNCEVENT_E`: the enter event `asyncevent`.
    pub const PPME_ASYNCEVENT_E: u16 = 402;
    /// `PPME_ASYNCEVENT_X`: the exit event `NA`.
    pub const PPME_ASYNCEVENT_X: u16 = 403;
    /// `PPME_SYSCALL_MEMFD_CREATE_E`: the enter event `memfd_create`.
    pub const PPME_SYSCALL_MEMFD_CREATE_E: u16 = 404;
    /// `PPME_SYSCALL_MEMFD_CREATE_X`: the exit event `memfd_create`.
    pub const PPME_SYSCALL_MEMFD_CREATE_X: u16 = 405;
    /// `PPME_SYSCALL_PIDFD_GETFD_E`: the enter event `pidfd_getfd`.
    pub const PPME_SYSCALL_PIDFD_GETFD_E: u16 = 406;
    /// `PPME_SYSCALL_PIDFD_GETFD_X`: the exit event `pidfd_getfd`.
    pub const PPME_SYSCALL_PIDFD_GETFD_X: u16 = 407;
    /// `PPME_SYSCALL_PIDFD_OPEN_E`: the enter event `pidfd_open`.
    pub const PPME_SYSCALL_PIDFD_OPEN_E: u16 = 408;
    /// `PPME_SYSCALL_PIDFD_OPEN_X`: the exit event `pidfd_open`.
    pub const PPME_SYSCALL_PIDFD_OPEN_X: u16 = 409;
    /// `PPME_SYSCALL_INIT_MODULE_E`: the enter event `init_module`.
    pub const PPME_SYSCALL_INIT_MODULE_E: u16 = 410;
    /// `PPME_SYSCALL_INIT_MODULE_X`: the exit event `init_module`.
    pub const PPME_SYSCALL_INIT_MODULE_X: u16 = 411;
    /// `PPME_SYSCALL_FINIT_MODULE_E`: the enter event `finit_module`.
    pub const PPME_SYSCALL_FINIT_MODULE_E: u16 = 412;
    /// `PPME_SYSCALL_FINIT_MODULE_X`: the exit event `finit_module`.
    pub const PPME_SYSCALL_FINIT_MODULE_X: u16 = 413;
    /// `PPME_SYSCALL_MKNOD_E`: the enter event `mknod`.
    pub const PPME_SYSCALL_MKNOD_E: u16 = 414;
    /// `PPME_SYSCALL_MKNOD_X`: the exit event `mknod`.
    pub const PPME_SYSCALL_MKNOD_X: u16 = 415;
    /// `PPME_SYSCALL_MKNODAT_E`: the enter event `mknodat`.
    pub const PPME_SYSCALL_MKNODAT_E: u16 = 416;
    /// `PPME_SYSCALL_MKNODAT_X`: the exit event `mknodat`.
    pub const PPME_SYSCALL_MKNODAT_X: u16 = 417;
    /// `PPME_SYSCALL_NEWFSTATAT_E`: the enter event `newfstatat`.
    pub const PPME_SYSCALL_NEWFSTATAT_E: u16 = 418;
    /// `PPME_SYSCALL_NEWFSTATAT_X`: the exit event `newfstatat`.
    pub const PPME_SYSCALL_NEWFSTATAT_X: u16 = 419;
    /// `PPME_SYSCALL_PROCESS_VM_READV_E`: the enter event `process_vm_readv`.
    pub const PPME_SYSCALL_PROCESS_VM_READV_E: u16 = 420;
    /// `PPME_SYSCALL_PROCESS_VM_READV_X`: the exit event `process_vm_readv`.
    pub const PPME_SYSCALL_PROCESS_VM_READV_X: u16 = 421;
    /// `PPME_SYSCALL_PROCESS_VM_WRITEV_E`: the enter event `process_vm_writev`.
    pub const PPME_SYSCALL_PROCESS_VM_WRITEV_E: u16 = 422;
    /// `PPME_SYSCALL_PROCESS_VM_WRITEV_X`: the exit event `process_vm_writev`.
    pub const PPME_SYSCALL_PROCESS_VM_WRITEV_X: u16 = 423;
    /// `PPME_SYSCALL_DELETE_MODULE_E`: the enter event `delete_module`.
    pub const PPME_SYSCALL_DELETE_MODULE_E: u16 = 424;
    /// `PPME_SYSCALL_DELETE_MODULE_X`: the exit event `delete_module`.
    pub const PPME_SYSCALL_DELETE_MODULE_X: u16 = 425;
    /// `PPME_SYSCALL_SETREUID_E`: the enter event `setreuid`.
    pub const PPME_SYSCALL_SETREUID_E: u16 = 426;
    /// `PPME_SYSCALL_SETREUID_X`: the exit event `setreuid`.
    pub const PPME_SYSCALL_SETREUID_X: u16 = 427;
    /// `PPME_SYSCALL_SETREGID_E`: the enter event `setregid`.
    pub const PPME_SYSCALL_SETREGID_E: u16 = 428;
    /// `PPME_SYSCALL_SETREGID_X`: the exit event `setregid`.
    pub const PPME_SYSCALL_SETREGID_X: u16 = 429;
    /// `PPME_ITER_TASK_E`: the enter event `task`.
    pub const PPME_ITER_TASK_E: u16 = 430;
    /// `PPME_ITER_TASK_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_X: u16 = 431;
    /// `PPME_ITER_TASK_FILE_PIPE_E`: the enter event `task_file_pipe`.
    pub const PPME_ITER_TASK_FILE_PIPE_E: u16 = 432;
    /// `PPME_ITER_TASK_FILE_PIPE_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_PIPE_X: u16 = 433;
    /// `PPME_ITER_TASK_FILE_MEMFD_E`: the enter event `task_file_memfd`.
    pub const PPME_ITER_TASK_FILE_MEMFD_E: u16 = 434;
    /// `PPME_ITER_TASK_FILE_MEMFD_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_MEMFD_X: u16 = 435;
    /// `PPME_ITER_TASK_FILE_REGULAR_E`: the enter event `task_file_regular`.
    pub const PPME_ITER_TASK_FILE_REGULAR_E: u16 = 436;
    /// `PPME_ITER_TASK_FILE_REGULAR_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_REGULAR_X: u16 = 437;
    /// `PPME_ITER_TASK_FILE_DIRECTORY_E`: the enter event `task_file_directory`.
    pub const PPME_ITER_TASK_FILE_DIRECTORY_E: u16 = 438;
    /// `PPME_ITER_TASK_FILE_DIRECTORY_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_DIRECTORY_X: u16 = 439;
    /// `PPME_ITER_TASK_FILE_SOCKET_INET_E`: the enter event `task_file_socket_inet`.
    pub const PPME_ITER_TASK_FILE_SOCKET_INET_E: u16 = 440;
    /// `PPME_ITER_TASK_FILE_SOCKET_INET_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_SOCKET_INET_X: u16 = 441;
    /// `PPME_ITER_TASK_FILE_SOCKET_INET6_E`: the enter event `task_file_socket_inet6`.
    pub const PPME_ITER_TASK_FILE_SOCKET_INET6_E: u16 = 442;
    /// `PPME_ITER_TASK_FILE_SOCKET_INET6_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_SOCKET_INET6_X: u16 = 443;
    /// `PPME_ITER_TASK_FILE_SOCKET_UNIX_E`: the enter event `task_file_socket_unix`.
    pub const PPME_ITER_TASK_FILE_SOCKET_UNIX_E: u16 = 444;
    /// `PPME_ITER_TASK_FILE_SOCKET_UNIX_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_SOCKET_UNIX_X: u16 = 445;
    /// `PPME_ITER_TASK_FILE_SOCKET_NETLINK_E`: the enter event `task_file_socket_netlink`.
    pub const PPME_ITER_TASK_FILE_SOCKET_NETLINK_E: u16 = 446;
    /// `PPME_ITER_TASK_FILE_SOCKET_NETLINK_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_SOCKET_NETLINK_X: u16 = 447;
    /// `PPME_ITER_TASK_FILE_ANON_INODE_E`: the enter event `task_file_anon_inode`.
    pub const PPME_ITER_TASK_FILE_ANON_INODE_E: u16 = 448;
    /// `PPME_ITER_TASK_FILE_ANON_INODE_X`: the exit event `NA`.
    pub const PPME_ITER_TASK_FILE_ANON_INODE_X: u16 = 449;
    /// `PPME_SYSCALL_CLOSE_RANGE_E`: the enter event `NA`.
    pub const PPME_SYSCALL_CLOSE_RANGE_E: u16 = 450;
    /// `PPME_SYSCALL_CLOSE_RANGE_X`: the exit event `close_range`.
    pub const PPME_SYSCALL_CLOSE_RANGE_X: u16 = 451;
    /// `PPME_SYSCALL_KEYCTL_E`: the enter event `NA`.
    pub const PPME_SYSCALL_KEYCTL_E: u16 = 452;
    /// `PPME_SYSCALL_KEYCTL_X`: the exit event `keyctl`.
    pub const PPME_SYSCALL_KEYCTL_X: u16 = 453;
}

pub(super) static NAME_INDEX: [(&str, &[u16]); 194] = [
    ("NA", &[17, 147, 153, 187, 197, 229, 233, 235, 245, 261, 269, 271, 273, 281, 287, 291, 323, 325, 355, 357, 359, 361, 403, 431, 433, 435, 437, 439, 441, 443, 445, 447, 449, 450, 452]),
    ("accept", &[26, 27, 56, 57, 246, 247, 248, 249]),
    ("accept4", &[388, 389]),
    ("access", &[264, 265]),
    ("asyncevent", &[402]),
    ("bind", &[20, 21]),
    ("bpf", &[296, 297, 368, 369]),
    ("brk", &[10, 11, 158, 159]),
    ("capset", &[352, 353]),
    ("chdir", &[94, 95]),
    ("chmod", &[314, 315]),
    ("chown", &[378, 379]),
    ("chroot", &[266, 267]),
    ("clone", &[14, 15, 156, 157, 216, 217, 222, 223]),
    ("clone3", &[334, 335]),
    ("close", &[4, 5]),
    ("close_range", &[451]),
    ("connect", &[22, 23]),
    ("container", &[228, 272, 324]),
    ("copy_file_range", &[332, 333]),
    ("cpu_hotplug", &[244]),
    ("creat", &[58, 59]),
    ("delete_module", &[424, 425]),
    ("drop", &[148, 149]),
    ("dup", &[124, 125, 366, 367]),
    ("dup2", &[362, 363]),
    ("dup3", &[364, 365]),
    ("epoll_create", &[374, 375]),
    ("epoll_create1", &[376, 377]),
    ("epoll_wait", &[78, 79]),
    ("eventfd", &[62, 63]),
    ("eventfd2", &[396, 397]),
    ("execve", &[12, 13, 154, 155, 172, 173, 214, 215, 230, 231, 282, 283, 288, 289, 292, 293]),
    ("execveat", &[330, 331]),
    ("fchdir", &[96, 97]),
    ("fchmod", &[316, 317]),
    ("fchmodat", &[312, 313]),
    ("fchown", &[382, 383]),
    ("fchownat", &[384, 385]),
    ("fcntl", &[150, 151]),
    ("finit_module", &[412, 413]),
    ("flock", &[242, 243]),
    ("fork", &[182, 183, 218, 219, 224, 225]),
    ("fsconfig", &[372, 373]),
    ("fstat", &[70, 71]),
    ("fstat64", &[76, 77]),
    ("futex", &[64, 65]),
    ("getcwd", &[92, 93]),
    ("getdents", &[236, 237]),
    ("getdents64", &[238, 239]),
    ("getegid", &[208, 209]),
    ("geteuid", &[204, 205]),
    ("getgid", &[206, 207]),
    ("getpeername", &[40, 41]),
    ("getresgid", &[212, 213]),
    ("getresuid", &[210, 211]),
    ("getrlimit", &[140, 141]),
    ("getsockname", &[38, 39]),
    ("getsockopt", &[46, 47]),
    ("getuid", &[202, 203]),
    ("groupadded", &[358]),
    ("groupdeleted", &[360]),
    ("infra", &[286]),
    ("init_module", &[410, 411]),
    ("inotify_init", &[138, 139]),
    ("inotify_init1", &[394, 395]),
    ("io_uring_enter", &[340, 341]),
    ("io_uring_register", &[342, 343]),
    ("io_uring_setup", &[338, 339]),
    ("ioctl", &[90, 91, 170, 171]),
    ("k8s", &[260]),
    ("keyctl", &[453]),
    ("kill", &[128, 129]),
    ("lchown", &[380, 381]),
    ("link", &[104, 105, 308, 309]),
    ("linkat", &[106, 107, 310, 311]),
    ("listen", &[24, 25]),
    ("llseek", &[88, 89]),
    ("lseek", &[86, 87]),
    ("lstat", &[68, 69]),
    ("lstat64", &[74, 75]),
    ("memfd_create", &[404, 405]),
    ("mesos", &[270]),
    ("mkdir", &[98, 99, 276, 277]),
    ("mkdirat", &[304, 305]),
    ("mknod", &[414, 415]),
    ("mknodat", &[416, 417]),
    ("mlock", &[344, 345]),
    ("mlock2", &[370, 371]),
    ("mlockall", &[348, 349]),
    ("mmap", &[160, 161]),
    ("mmap2", &[162, 163]),
    ("mount", &[256, 257]),
    ("mprotect", &[328, 329]),
    ("munlock", &[346, 347]),
    ("munlockall", &[350, 351]),
    ("munmap", &[164, 165]),
    ("nanosleep", &[134, 135]),
    ("newfstatat", &[418, 419]),
    ("notification", &[280]),
    ("open", &[2, 3]),
    ("open_by_handle_at", &[336, 337]),
    ("openat", &[102, 103, 306, 307]),
    ("openat2", &[326, 327]),
    ("page_fault", &[290]),
    ("pidfd_getfd", &[406, 407]),
    ("pidfd_open", &[408, 409]),
    ("pipe", &[60, 61]),
    ("pipe2", &[392, 393]),
    ("pluginevent", &[322]),
    ("poll", &[80, 81]),
    ("ppoll", &[254, 255]),
    ("prctl", &[400, 401]),
    ("pread", &[112, 113]),
    ("preadv", &[120, 121]),
    ("prlimit", &[144, 145]),
    ("process_vm_readv", &[420, 421]),
    ("process_vm_writev", &[422, 423]),
    ("procexit", &[16, 186]),
    ("procinfo", &[234]),
    ("ptrace", &[168, 169]),
    ("pwrite", &[114, 115]),
    ("pwritev", &[122, 123]),
    ("quotactl", &[190, 191]),
    ("read", &[6, 7]),
    ("readv", &[116, 117]),
    ("recv", &[32, 33]),
    ("recvfrom", &[34, 35]),
    ("recvmmsg", &[54, 55]),
    ("recvmsg", &[52, 53]),
    ("rename", &[174, 175]),
    ("renameat", &[176, 177]),
    ("renameat2", &[318, 319]),
    ("rmdir", &[100, 101, 278, 279]),
    ("scapevent", &[196]),
    ("seccomp", &[298, 299]),
    ("select", &[82, 83, 84, 85]),
    ("semctl", &[252, 253]),
    ("semget", &[262, 263]),
    ("semop", &[250, 251]),
    ("send", &[28, 29]),
    ("sendfile", &[188, 189]),
    ("sendmmsg", &[50, 51]),
    ("sendmsg", &[48, 49]),
    ("sendto", &[30, 31]),
    ("setgid", &[200, 201]),
    ("setns", &[240, 241]),
    ("setpgid", &[294, 295]),
    ("setregid", &[428, 429]),
    ("setresgid", &[194, 195]),
    ("setresuid", &[192, 193]),
    ("setreuid", &[426, 427]),
    ("setrlimit", &[142, 143]),
    ("setsid", &[274, 275]),
    ("setsockopt", &[44, 45]),
    ("setuid", &[198, 199]),
    ("shutdown", &[36, 37]),
    ("signaldeliver", &[232]),
    ("signalfd", &[126, 127]),
    ("signalfd4", &[398, 399]),
    ("socket", &[18, 19]),
    ("socketpair", &[42, 43]),
    ("splice", &[166, 167]),
    ("stat", &[66, 67]),
    ("stat64", &[72, 73]),
    ("switch", &[146, 152]),
    ("symlink", &[178, 179]),
    ("symlinkat", &[180, 181]),
    ("syscall", &[0, 1]),
    ("task", &[430]),
    ("task_file_anon_inode", &[448]),
    ("task_file_directory", &[438]),
    ("task_file_memfd", &[434]),
    ("task_file_pipe", &[432]),
    ("task_file_regular", &[436]),
    ("task_file_socket_inet", &[440]),
    ("task_file_socket_inet6", &[442]),
    ("task_file_socket_netlink", &[446]),
    ("task_file_socket_unix", &[444]),
    ("tgkill", &[132, 133]),
    ("timerfd_create", &[136, 137]),
    ("tkill", &[130, 131]),
    ("tracer", &[268]),
    ("umount", &[258, 259, 386, 387]),
    ("umount2", &[390, 391]),
    ("unlink", &[108, 109, 300, 301]),
    ("unlinkat", &[110, 111, 302, 303]),
    ("unshare", &[284, 285]),
    ("useradded", &[354]),
    ("userdeleted", &[356]),
    ("userfaultfd", &[320, 321]),
    ("vfork", &[184, 185, 220, 221, 226, 227]),
    ("write", &[8, 9]),
    ("writev", &[118, 119]),
];
pub(super) static PPM_SC_NAMES: [&str; 454] = [
    "unknown",
    "restart_syscall",
    "exit",
    "read",
    "write",
    "open",
    "close",
    "creat",
    "link",
    "unlink",
    "chdir",
    "time",
    "mknod",
    "chmod",
    "stat",
    "lseek",
    "getpid",
    "mount",
    "ptrace",
    "alarm",
    "fstat",
    "pause",
    "utime",
    "access",
    "sync",
    "kill",
    "rename",
    "mkdir",
    "rmdir",
    "dup",
    "pipe",
    "times",
    "brk",
    "acct",
    "ioctl",
    "fcntl",
    "setpgid",
    "umask",
    "chroot",
    "ustat",
    "dup2",
    "getppid",
    "getpgrp",
    "setsid",
    "sethostname",
    "setrlimit",
    "getrusage",
    "gettimeofday",
    "settimeofday",
    "symlink",
    "lstat",
    "readlink",
    "uselib",
    "swapon",
    "reboot",
    "mmap",
    "munmap",
    "truncate",
    "ftruncate",
    "fchmod",
    "getpriority",
    "setpriority",
    "statfs",
    "fstatfs",
    "syslog",
    "setitimer",
    "getitimer",
    "uname",
    "vhangup",
    "wait4",
    "swapoff",
    "sysinfo",
    "fsync",
    "setdomainname",
    "adjtimex",
    "mprotect",
    "init_module",
    "delete_module",
    "quotactl",
    "getpgid",
    "fchdir",
    "sysfs",
    "personality",
    "getdents",
    "select",
    "flock",
    "msync",
    "readv",
    "writev",
    "getsid",
    "fdatasync",
    "mlock",
    "munlock",
    "mlockall",
    "munlockall",
    "sched_setparam",
    "sched_getparam",
    "sched_setscheduler",
    "sched_getscheduler",
    "sched_yield",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "sched_rr_get_interval",
    "nanosleep",
    "mremap",
    "poll",
    "prctl",
    "rt_sigaction",
    "rt_sigprocmask",
    "rt_sigpending",
    "rt_sigtimedwait",
    "rt_sigqueueinfo",
    "rt_sigsuspend",
    "getcwd",
    "capget",
    "capset",
    "sendfile",
    "getrlimit",
    "lchown",
    "getuid",
    "getgid",
    "geteuid",
    "getegid",
    "setreuid",
    "setregid",
    "getgroups",
    "setgroups",
    "fchown",
    "setresuid",
    "getresuid",
    "setresgid",
    "getresgid",
    "chown",
    "setuid",
    "setgid",
    "setfsuid",
    "setfsgid",
    "pivot_root",
    "mincore",
    "madvise",
    "gettid",
    "setxattr",
    "lsetxattr",
    "fsetxattr",
    "getxattr",
    "lgetxattr",
    "fgetxattr",
    "listxattr",
    "llistxattr",
    "flistxattr",
    "removexattr",
    "lremovexattr",
    "fremovexattr",
    "tkill",
    "futex",
    "sched_setaffinity",
    "sched_getaffinity",
    "set_thread_area",
    "get_thread_area",
    "io_setup",
    "io_destroy",
    "io_getevents",
    "io_submit",
    "io_cancel",
    "exit_group",
    "epoll_create",
    "epoll_ctl",
    "epoll_wait",
    "remap_file_pages",
    "set_tid_address",
    "timer_create",
    "timer_settime",
    "timer_gettime",
    "timer_getoverrun",
    "timer_delete",
    "clock_settime",
    "clock_gettime",
    "clock_getres",
    "clock_nanosleep",
    "tgkill",
    "utimes",
    "mq_open",
    "mq_unlink",
    "mq_timedsend",
    "mq_timedreceive",
    "mq_notify",
    "mq_getsetattr",
    "kexec_load",
    "waitid",
    "add_key",
    "request_key",
    "keyctl",
    "ioprio_set",
    "ioprio_get",
    "inotify_init",
    "inotify_add_watch",
    "inotify_rm_watch",
    "openat",
    "mkdirat",
    "mknodat",
    "fchownat",
    "futimesat",
    "unlinkat",
    "renameat",
    "linkat",
    "symlinkat",
    "readlinkat",
    "fchmodat",
    "faccessat",
    "pselect6",
    "ppoll",
    "unshare",
    "set_robust_list",
    "get_robust_list",
    "splice",
    "tee",
    "vmsplice",
    "getcpu",
    "epoll_pwait",
    "utimensat",
    "signalfd",
    "timerfd_create",
    "eventfd",
    "timerfd_settime",
    "timerfd_gettime",
    "signalfd4",
    "eventfd2",
    "epoll_create1",
    "dup3",
    "pipe2",
    "inotify_init1",
    "preadv",
    "pwritev",
    "rt_tgsigqueueinfo",
    "perf_event_open",
    "fanotify_init",
    "prlimit64",
    "clock_adjtime",
    "syncfs",
    "setns",
    "getdents64",
    "socket",
    "bind",
    "connect",
    "listen",
    "accept",
    "getsockname",
    "getpeername",
    "socketpair",
    "sendto",
    "recvfrom",
    "shutdown",
    "setsockopt",
    "getsockopt",
    "sendmsg",
    "sendmmsg",
    "recvmsg",
    "recvmmsg",
    "accept4",
    "semop",
    "semget",
    "semctl",
    "msgsnd",
    "msgrcv",
    "msgget",
    "msgctl",
    "shmdt",
    "shmget",
    "shmctl",
    "statfs64",
    "fstatfs64",
    "fstatat64",
    "sendfile64",
    "ugetrlimit",
    "bdflush",
    "sigprocmask",
    "ipc",
    "socketcall",
    "stat64",
    "lstat64",
    "fstat64",
    "fcntl64",
    "mmap2",
    "_newselect",
    "sgetmask",
    "ssetmask",
    "sigpending",
    "olduname",
    "umount",
    "signal",
    "nice",
    "stime",
    "_llseek",
    "waitpid",
    "pread64",
    "pwrite64",
    "arch_prctl",
    "shmat",
    "rt_sigreturn",
    "fallocate",
    "newfstatat",
    "process_vm_readv",
    "process_vm_writev",
    "fork",
    "vfork",
    "setuid32",
    "getuid32",
    "setgid32",
    "geteuid32",
    "getgid32",
    "setresuid32",
    "setresgid32",
    "getresuid32",
    "getresgid32",
    "finit_module",
    "bpf",
    "seccomp",
    "sigaltstack",
    "getrandom",
    "fadvise64",
    "renameat2",
    "userfaultfd",
    "openat2",
    "umount2",
    "execve",
    "execveat",
    "copy_file_range",
    "clone",
    "clone3",
    "open_by_handle_at",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "mlock2",
    "getegid32",
    "fsconfig",
    "fspick",
    "fsmount",
    "fsopen",
    "open_tree",
    "move_mount",
    "mount_setattr",
    "memfd_create",
    "memfd_secret",
    "ioperm",
    "kexec_file_load",
    "pidfd_getfd",
    "pidfd_open",
    "pidfd_send_signal",
    "pkey_alloc",
    "pkey_mprotect",
    "pkey_free",
    "landlock_create_ruleset",
    "quotactl_fd",
    "landlock_restrict_self",
    "landlock_add_rule",
    "epoll_pwait2",
    "migrate_pages",
    "move_pages",
    "preadv2",
    "pwritev2",
    "kcmp",
    "sched_setattr",
    "mbind",
    "epoll_ctl_old",
    "lookup_dcookie",
    "modify_ldt",
    "statx",
    "set_mempolicy",
    "io_pgetevents",
    "set_mempolicy_home_node",
    "semtimedop",
    "get_kernel_syms",
    "readahead",
    "futex_waitv",
    "getpmsg",
    "name_to_handle_at",
    "process_mrelease",
    "nfsservctl",
    "epoll_wait_old",
    "rseq",
    "create_module",
    "na_1",
    "sched_getattr",
    "faccessat2",
    "_sysctl",
    "query_module",
    "get_mempolicy",
    "sync_file_range",
    "process_madvise",
    "membarrier",
    "iopl",
    "close_range",
    "fanotify_mark",
    "recv",
    "send",
    "sched_process_exit",
    "sched_switch",
    "page_fault_user",
    "page_fault_kernel",
    "signal_deliver",
    "timerfd",
    "s390_pci_mmio_read",
    "sigaction",
    "s390_pci_mmio_write",
    "readdir",
    "s390_sthyi",
    "sigsuspend",
    "idle",
    "s390_runtime_instr",
    "sigreturn",
    "s390_guarded_storage",
    "cachestat",
    "fchmodat2",
    "map_shadow_stack",
    "riscv_flush_icache",
    "riscv_hwprobe",
    "futex_wake",
    "futex_requeue",
    "futex_wait",
    "oldstat",
    "switch_endian",
    "multiplexer",
    "oldlstat",
    "spu_create",
    "sync_file_range2",
    "oldfstat",
    "spu_run",
    "swapcontext",
    "pciconfig_write",
    "rtas",
    "pciconfig_read",
    "sys_debug_setcontext",
    "vm86",
    "oldolduname",
    "subpage_prot",
    "pciconfig_iobase",
    "listmount",
    "statmount",
    "lsm_get_self_attr",
    "lsm_set_self_attr",
    "lsm_list_modules",
    "mseal",
    "uretprobe",
    "removexattrat",
    "listxattrat",
    "getxattrat",
    "setxattrat",
    "open_tree_attr",
    "file_getattr",
    "file_setattr",
    "listns",
    "uprobe",
    "rseq_slice_yield",
];
pub(super) static PPM_SC_SORTED: [(&str, u16); 454] = [
    ("_llseek", 292),
    ("_newselect", 283),
    ("_sysctl", 385),
    ("accept", 245),
    ("accept4", 258),
    ("access", 23),
    ("acct", 33),
    ("add_key", 189),
    ("adjtimex", 74),
    ("alarm", 19),
    ("arch_prctl", 296),
    ("bdflush", 274),
    ("bind", 242),
    ("bpf", 315),
    ("brk", 32),
    ("cachestat", 412),
    ("capget", 114),
    ("capset", 115),
    ("chdir", 10),
    ("chmod", 13),
    ("chown", 132),
    ("chroot", 38),
    ("clock_adjtime", 237),
    ("clock_getres", 177),
    ("clock_gettime", 176),
    ("clock_nanosleep", 178),
    ("clock_settime", 175),
    ("clone", 327),
    ("clone3", 328),
    ("close", 6),
    ("close_range", 392),
    ("connect", 243),
    ("copy_file_range", 326),
    ("creat", 7),
    ("create_module", 381),
    ("delete_module", 77),
    ("dup", 29),
    ("dup2", 40),
    ("dup3", 228),
    ("epoll_create", 165),
    ("epoll_create1", 227),
    ("epoll_ctl", 166),
    ("epoll_ctl_old", 364),
    ("epoll_pwait", 218),
    ("epoll_pwait2", 356),
    ("epoll_wait", 167),
    ("epoll_wait_old", 379),
    ("eventfd", 222),
    ("eventfd2", 226),
    ("execve", 324),
    ("execveat", 325),
    ("exit", 2),
    ("exit_group", 164),
    ("faccessat", 208),
    ("faccessat2", 384),
    ("fadvise64", 319),
    ("fallocate", 299),
    ("fanotify_init", 235),
    ("fanotify_mark", 393),
    ("fchdir", 80),
    ("fchmod", 59),
    ("fchmodat", 207),
    ("fchmodat2", 413),
    ("fchown", 127),
    ("fchownat", 200),
    ("fcntl", 35),
    ("fcntl64", 281),
    ("fdatasync", 90),
    ("fgetxattr", 146),
    ("file_getattr", 449),
    ("file_setattr", 450),
    ("finit_module", 314),
    ("flistxattr", 149),
    ("flock", 85),
    ("fork", 303),
    ("fremovexattr", 152),
    ("fsconfig", 335),
    ("fsetxattr", 143),
    ("fsmount", 337),
    ("fsopen", 338),
    ("fspick", 336),
    ("fstat", 20),
    ("fstat64", 280),
    ("fstatat64", 271),
    ("fstatfs", 63),
    ("fstatfs64", 270),
    ("fsync", 72),
    ("ftruncate", 58),
    ("futex", 154),
    ("futex_requeue", 418),
    ("futex_wait", 419),
    ("futex_waitv", 374),
    ("futex_wake", 417),
    ("futimesat", 201),
    ("get_kernel_syms", 372),
    ("get_mempolicy", 387),
    ("get_robust_list", 213),
    ("get_thread_area", 158),
    ("getcpu", 217),
    ("getcwd", 113),
    ("getdents", 83),
    ("getdents64", 240),
    ("getegid", 122),
    ("getegid32", 334),
    ("geteuid", 121),
    ("geteuid32", 308),
    ("getgid", 120),
    ("getgid32", 309),
    ("getgroups", 125),
    ("getitimer", 66),
    ("getpeername", 247),
    ("getpgid", 79),
    ("getpgrp", 42),
    ("getpid", 16),
    ("getpmsg", 375),
    ("getppid", 41),
    ("getpriority", 60),
    ("getrandom", 318),
    ("getresgid", 131),
    ("getresgid32", 313),
    ("getresuid", 129),
    ("getresuid32", 312),
    ("getrlimit", 117),
    ("getrusage", 46),
    ("getsid", 89),
    ("getsockname", 246),
    ("getsockopt", 253),
    ("gettid", 140),
    ("gettimeofday", 47),
    ("getuid", 119),
    ("getuid32", 306),
    ("getxattr", 144),
    ("getxattrat", 446),
    ("idle", 408),
    ("init_module", 76),
    ("inotify_add_watch", 195),
    ("inotify_init", 194),
    ("inotify_init1", 230),
    ("inotify_rm_watch", 196),
    ("io_cancel", 163),
    ("io_destroy", 160),
    ("io_getevents", 161),
    ("io_pgetevents", 369),
    ("io_setup", 159),
    ("io_submit", 162),
    ("io_uring_enter", 331),
    ("io_uring_register", 332),
    ("io_uring_setup", 330),
    ("ioctl", 34),
    ("ioperm", 344),
    ("iopl", 391),
    ("ioprio_get", 193),
    ("ioprio_set", 192),
    ("ipc", 276),
    ("kcmp", 361),
    ("kexec_file_load", 345),
    ("kexec_load", 187),
    ("keyctl", 191),
    ("kill", 25),
    ("landlock_add_rule", 355),
    ("landlock_create_ruleset", 352),
    ("landlock_restrict_self", 354),
    ("lchown", 118),
    ("lgetxattr", 145),
    ("link", 8),
    ("linkat", 204),
    ("listen", 244),
    ("listmount", 437),
    ("listns", 451),
    ("listxattr", 147),
    ("listxattrat", 445),
    ("llistxattr", 148),
    ("lookup_dcookie", 365),
    ("lremovexattr", 151),
    ("lseek", 15),
    ("lsetxattr", 142),
    ("lsm_get_self_attr", 439),
    ("lsm_list_modules", 441),
    ("lsm_set_self_attr", 440),
    ("lstat", 50),
    ("lstat64", 279),
    ("madvise", 139),
    ("map_shadow_stack", 414),
    ("mbind", 363),
    ("membarrier", 390),
    ("memfd_create", 342),
    ("memfd_secret", 343),
    ("migrate_pages", 357),
    ("mincore", 138),
    ("mkdir", 27),
    ("mkdirat", 198),
    ("mknod", 12),
    ("mknodat", 199),
    ("mlock", 91),
    ("mlock2", 333),
    ("mlockall", 93),
    ("mmap", 55),
    ("mmap2", 282),
    ("modify_ldt", 366),
    ("mount", 17),
    ("mount_setattr", 341),
    ("move_mount", 340),
    ("move_pages", 358),
    ("mprotect", 75),
    ("mq_getsetattr", 186),
    ("mq_notify", 185),
    ("mq_open", 181),
    ("mq_timedreceive", 184),
    ("mq_timedsend", 183),
    ("mq_unlink", 182),
    ("mremap", 104),
    ("mseal", 442),
    ("msgctl", 265),
    ("msgget", 264),
    ("msgrcv", 263),
    ("msgsnd", 262),
    ("msync", 86),
    ("multiplexer", 422),
    ("munlock", 92),
    ("munlockall", 94),
    ("munmap", 56),
    ("na_1", 382),
    ("name_to_handle_at", 376),
    ("nanosleep", 103),
    ("newfstatat", 300),
    ("nfsservctl", 378),
    ("nice", 290),
    ("oldfstat", 426),
    ("oldlstat", 423),
    ("oldolduname", 434),
    ("oldstat", 420),
    ("olduname", 287),
    ("open", 5),
    ("open_by_handle_at", 329),
    ("open_tree", 339),
    ("open_tree_attr", 448),
    ("openat", 197),
    ("openat2", 322),
    ("page_fault_kernel", 399),
    ("page_fault_user", 398),
    ("pause", 21),
    ("pciconfig_iobase", 436),
    ("pciconfig_read", 431),
    ("pciconfig_write", 429),
    ("perf_event_open", 234),
    ("personality", 82),
    ("pidfd_getfd", 346),
    ("pidfd_open", 347),
    ("pidfd_send_signal", 348),
    ("pipe", 30),
    ("pipe2", 229),
    ("pivot_root", 137),
    ("pkey_alloc", 349),
    ("pkey_free", 351),
    ("pkey_mprotect", 350),
    ("poll", 105),
    ("ppoll", 210),
    ("prctl", 106),
    ("pread64", 294),
    ("preadv", 231),
    ("preadv2", 359),
    ("prlimit64", 236),
    ("process_madvise", 389),
    ("process_mrelease", 377),
    ("process_vm_readv", 301),
    ("process_vm_writev", 302),
    ("pselect6", 209),
    ("ptrace", 18),
    ("pwrite64", 295),
    ("pwritev", 232),
    ("pwritev2", 360),
    ("query_module", 386),
    ("quotactl", 78),
    ("quotactl_fd", 353),
    ("read", 3),
    ("readahead", 373),
    ("readdir", 405),
    ("readlink", 51),
    ("readlinkat", 206),
    ("readv", 87),
    ("reboot", 54),
    ("recv", 394),
    ("recvfrom", 250),
    ("recvmmsg", 257),
    ("recvmsg", 256),
    ("remap_file_pages", 168),
    ("removexattr", 150),
    ("removexattrat", 444),
    ("rename", 26),
    ("renameat", 203),
    ("renameat2", 320),
    ("request_key", 190),
    ("restart_syscall", 1),
    ("riscv_flush_icache", 415),
    ("riscv_hwprobe", 416),
    ("rmdir", 28),
    ("rseq", 380),
    ("rseq_slice_yield", 453),
    ("rt_sigaction", 107),
    ("rt_sigpending", 109),
    ("rt_sigprocmask", 108),
    ("rt_sigqueueinfo", 111),
    ("rt_sigreturn", 298),
    ("rt_sigsuspend", 112),
    ("rt_sigtimedwait", 110),
    ("rt_tgsigqueueinfo", 233),
    ("rtas", 430),
    ("s390_guarded_storage", 411),
    ("s390_pci_mmio_read", 402),
    ("s390_pci_mmio_write", 404),
    ("s390_runtime_instr", 409),
    ("s390_sthyi", 406),
    ("sched_get_priority_max", 100),
    ("sched_get_priority_min", 101),
    ("sched_getaffinity", 156),
    ("sched_getattr", 383),
    ("sched_getparam", 96),
    ("sched_getscheduler", 98),
    ("sched_process_exit", 396),
    ("sched_rr_get_interval", 102),
    ("sched_setaffinity", 155),
    ("sched_setattr", 362),
    ("sched_setparam", 95),
    ("sched_setscheduler", 97),
    ("sched_switch", 397),
    ("sched_yield", 99),
    ("seccomp", 316),
    ("select", 84),
    ("semctl", 261),
    ("semget", 260),
    ("semop", 259),
    ("semtimedop", 371),
    ("send", 395),
    ("sendfile", 116),
    ("sendfile64", 272),
    ("sendmmsg", 255),
    ("sendmsg", 254),
    ("sendto", 249),
    ("set_mempolicy", 368),
    ("set_mempolicy_home_node", 370),
    ("set_robust_list", 212),
    ("set_thread_area", 157),
    ("set_tid_address", 169),
    ("setdomainname", 73),
    ("setfsgid", 136),
    ("setfsuid", 135),
    ("setgid", 134),
    ("setgid32", 307),
    ("setgroups", 126),
    ("sethostname", 44),
    ("setitimer", 65),
    ("setns", 239),
    ("setpgid", 36),
    ("setpriority", 61),
    ("setregid", 124),
    ("setresgid", 130),
    ("setresgid32", 311),
    ("setresuid", 128),
    ("setresuid32", 310),
    ("setreuid", 123),
    ("setrlimit", 45),
    ("setsid", 43),
    ("setsockopt", 252),
    ("settimeofday", 48),
    ("setuid", 133),
    ("setuid32", 305),
    ("setxattr", 141),
    ("setxattrat", 447),
    ("sgetmask", 284),
    ("shmat", 297),
    ("shmctl", 268),
    ("shmdt", 266),
    ("shmget", 267),
    ("shutdown", 251),
    ("sigaction", 403),
    ("sigaltstack", 317),
    ("signal", 289),
    ("signal_deliver", 400),
    ("signalfd", 220),
    ("signalfd4", 225),
    ("sigpending", 286),
    ("sigprocmask", 275),
    ("sigreturn", 410),
    ("sigsuspend", 407),
    ("socket", 241),
    ("socketcall", 277),
    ("socketpair", 248),
    ("splice", 214),
    ("spu_create", 424),
    ("spu_run", 427),
    ("ssetmask", 285),
    ("stat", 14),
    ("stat64", 278),
    ("statfs", 62),
    ("statfs64", 269),
    ("statmount", 438),
    ("statx", 367),
    ("stime", 291),
    ("subpage_prot", 435),
    ("swapcontext", 428),
    ("swapoff", 70),
    ("swapon", 53),
    ("switch_endian", 421),
    ("symlink", 49),
    ("symlinkat", 205),
    ("sync", 24),
    ("sync_file_range", 388),
    ("sync_file_range2", 425),
    ("syncfs", 238),
    ("sys_debug_setcontext", 432),
    ("sysfs", 81),
    ("sysinfo", 71),
    ("syslog", 64),
    ("tee", 215),
    ("tgkill", 179),
    ("time", 11),
    ("timer_create", 170),
    ("timer_delete", 174),
    ("timer_getoverrun", 173),
    ("timer_gettime", 172),
    ("timer_settime", 171),
    ("timerfd", 401),
    ("timerfd_create", 221),
    ("timerfd_gettime", 224),
    ("timerfd_settime", 223),
    ("times", 31),
    ("tkill", 153),
    ("truncate", 57),
    ("ugetrlimit", 273),
    ("umask", 37),
    ("umount", 288),
    ("umount2", 323),
    ("uname", 67),
    ("unknown", 0),
    ("unlink", 9),
    ("unlinkat", 202),
    ("unshare", 211),
    ("uprobe", 452),
    ("uretprobe", 443),
    ("uselib", 52),
    ("userfaultfd", 321),
    ("ustat", 39),
    ("utime", 22),
    ("utimensat", 219),
    ("utimes", 180),
    ("vfork", 304),
    ("vhangup", 68),
    ("vm86", 433),
    ("vmsplice", 216),
    ("wait4", 69),
    ("waitid", 188),
    ("waitpid", 293),
    ("write", 4),
    ("writev", 88),
];
pub(super) static SYSCALL_TABLE_X86_64: [SyscallEntry; SYSCALL_TABLE_SIZE] = {
    let mut t = [SyscallEntry::EMPTY; SYSCALL_TABLE_SIZE];
    t[0] = SyscallEntry::new(SyscallFlags(0x1), 6, 7, 3); // read
    t[1] = SyscallEntry::new(SyscallFlags(0x1), 8, 9, 4); // write
    t[2] = SyscallEntry::new(SyscallFlags(0x3), 2, 3, 5); // open
    t[3] = SyscallEntry::new(SyscallFlags(0x3), 4, 5, 6); // close
    t[4] = SyscallEntry::new(SyscallFlags(0x5), 66, 67, 14); // stat
    t[5] = SyscallEntry::new(SyscallFlags(0x5), 70, 71, 20); // fstat
    t[6] = SyscallEntry::new(SyscallFlags(0x5), 68, 69, 50); // lstat
    t[7] = SyscallEntry::new(SyscallFlags(0x5), 80, 81, 105); // poll
    t[8] = SyscallEntry::new(SyscallFlags(0x5), 86, 87, 15); // lseek
    t[9] = SyscallEntry::new(SyscallFlags(0x1), 160, 161, 55); // mmap
    t[10] = SyscallEntry::new(SyscallFlags(0x1), 328, 329, 75); // mprotect
    t[11] = SyscallEntry::new(SyscallFlags(0x5), 164, 165, 56); // munmap
    t[12] = SyscallEntry::new(SyscallFlags(0x5), 158, 159, 32); // brk
    t[13] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 107); // rt_sigaction
    t[14] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 108); // rt_sigprocmask
    t[15] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 298); // rt_sigreturn
    t[16] = SyscallEntry::new(SyscallFlags(0x5), 170, 171, 34); // ioctl
    t[17] = SyscallEntry::new(SyscallFlags(0x1), 112, 113, 294); // pread64
    t[18] = SyscallEntry::new(SyscallFlags(0x1), 114, 115, 295); // pwrite64
    t[19] = SyscallEntry::new(SyscallFlags(0x1), 116, 117, 87); // readv
    t[20] = SyscallEntry::new(SyscallFlags(0x1), 118, 119, 88); // writev
    t[21] = SyscallEntry::new(SyscallFlags(0x5), 264, 265, 23); // access
    t[22] = SyscallEntry::new(SyscallFlags(0x3), 60, 61, 30); // pipe
    t[23] = SyscallEntry::new(SyscallFlags(0x5), 82, 83, 84); // select
    t[24] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 99); // sched_yield
    t[25] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 104); // mremap
    t[26] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 86); // msync
    t[27] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 138); // mincore
    t[28] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 139); // madvise
    t[29] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 267); // shmget
    t[30] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 297); // shmat
    t[31] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 268); // shmctl
    t[32] = SyscallEntry::new(SyscallFlags(0x3), 366, 367, 29); // dup
    t[33] = SyscallEntry::new(SyscallFlags(0x3), 362, 363, 40); // dup2
    t[34] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 21); // pause
    t[35] = SyscallEntry::new(SyscallFlags(0x5), 134, 135, 103); // nanosleep
    t[36] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 66); // getitimer
    t[37] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 19); // alarm
    t[38] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 65); // setitimer
    t[39] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 16); // getpid
    t[40] = SyscallEntry::new(SyscallFlags(0x1), 188, 189, 116); // sendfile
    t[41] = SyscallEntry::new(SyscallFlags(0x3), 18, 19, 241); // socket
    t[42] = SyscallEntry::new(SyscallFlags(0x1), 22, 23, 243); // connect
    t[43] = SyscallEntry::new(SyscallFlags(0x1), 246, 247, 245); // accept
    t[44] = SyscallEntry::new(SyscallFlags(0x1), 30, 31, 249); // sendto
    t[45] = SyscallEntry::new(SyscallFlags(0x1), 34, 35, 250); // recvfrom
    t[46] = SyscallEntry::new(SyscallFlags(0x1), 48, 49, 254); // sendmsg
    t[47] = SyscallEntry::new(SyscallFlags(0x1), 52, 53, 256); // recvmsg
    t[48] = SyscallEntry::new(SyscallFlags(0x1), 36, 37, 251); // shutdown
    t[49] = SyscallEntry::new(SyscallFlags(0x3), 20, 21, 242); // bind
    t[50] = SyscallEntry::new(SyscallFlags(0x1), 24, 25, 244); // listen
    t[51] = SyscallEntry::new(SyscallFlags(0x5), 38, 39, 246); // getsockname
    t[52] = SyscallEntry::new(SyscallFlags(0x5), 40, 41, 247); // getpeername
    t[53] = SyscallEntry::new(SyscallFlags(0x3), 42, 43, 248); // socketpair
    t[54] = SyscallEntry::new(SyscallFlags(0x1), 44, 45, 252); // setsockopt
    t[55] = SyscallEntry::new(SyscallFlags(0x1), 46, 47, 253); // getsockopt
    t[56] = SyscallEntry::new(SyscallFlags(0x3), 222, 223, 327); // clone
    t[57] = SyscallEntry::new(SyscallFlags(0x3), 224, 225, 303); // fork
    t[58] = SyscallEntry::new(SyscallFlags(0x3), 226, 227, 304); // vfork
    t[59] = SyscallEntry::new(SyscallFlags(0x3), 292, 293, 324); // execve
    t[60] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 2); // exit
    t[61] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 69); // wait4
    t[62] = SyscallEntry::new(SyscallFlags(0x1), 128, 129, 25); // kill
    t[63] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 67); // uname
    t[64] = SyscallEntry::new(SyscallFlags(0x5), 262, 263, 260); // semget
    t[65] = SyscallEntry::new(SyscallFlags(0x5), 250, 251, 259); // semop
    t[66] = SyscallEntry::new(SyscallFlags(0x5), 252, 253, 261); // semctl
    t[67] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 266); // shmdt
    t[68] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 264); // msgget
    t[69] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 262); // msgsnd
    t[70] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 263); // msgrcv
    t[71] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 265); // msgctl
    t[72] = SyscallEntry::new(SyscallFlags(0x1), 150, 151, 35); // fcntl
    t[73] = SyscallEntry::new(SyscallFlags(0x5), 242, 243, 85); // flock
    t[74] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 72); // fsync
    t[75] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 90); // fdatasync
    t[76] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 57); // truncate
    t[77] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 58); // ftruncate
    t[78] = SyscallEntry::new(SyscallFlags(0x5), 236, 237, 83); // getdents
    t[79] = SyscallEntry::new(SyscallFlags(0x5), 92, 93, 113); // getcwd
    t[80] = SyscallEntry::new(SyscallFlags(0x3), 94, 95, 10); // chdir
    t[81] = SyscallEntry::new(SyscallFlags(0x3), 96, 97, 80); // fchdir
    t[82] = SyscallEntry::new(SyscallFlags(0x1), 174, 175, 26); // rename
    t[83] = SyscallEntry::new(SyscallFlags(0x1), 276, 277, 27); // mkdir
    t[84] = SyscallEntry::new(SyscallFlags(0x1), 278, 279, 28); // rmdir
    t[85] = SyscallEntry::new(SyscallFlags(0x3), 58, 59, 7); // creat
    t[86] = SyscallEntry::new(SyscallFlags(0x1), 308, 309, 8); // link
    t[87] = SyscallEntry::new(SyscallFlags(0x1), 300, 301, 9); // unlink
    t[88] = SyscallEntry::new(SyscallFlags(0x1), 178, 179, 49); // symlink
    t[89] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 51); // readlink
    t[90] = SyscallEntry::new(SyscallFlags(0x1), 314, 315, 13); // chmod
    t[91] = SyscallEntry::new(SyscallFlags(0x1), 316, 317, 59); // fchmod
    t[92] = SyscallEntry::new(SyscallFlags(0x1), 378, 379, 132); // chown
    t[93] = SyscallEntry::new(SyscallFlags(0x1), 382, 383, 127); // fchown
    t[94] = SyscallEntry::new(SyscallFlags(0x1), 380, 381, 118); // lchown
    t[95] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 37); // umask
    t[96] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 47); // gettimeofday
    t[97] = SyscallEntry::new(SyscallFlags(0x1), 140, 141, 117); // getrlimit
    t[98] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 46); // getrusage
    t[99] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 71); // sysinfo
    t[100] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 31); // times
    t[101] = SyscallEntry::new(SyscallFlags(0x1), 168, 169, 18); // ptrace
    t[102] = SyscallEntry::new(SyscallFlags(0x1), 202, 203, 119); // getuid
    t[103] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 64); // syslog
    t[104] = SyscallEntry::new(SyscallFlags(0x1), 206, 207, 120); // getgid
    t[105] = SyscallEntry::new(SyscallFlags(0x1), 198, 199, 133); // setuid
    t[106] = SyscallEntry::new(SyscallFlags(0x1), 200, 201, 134); // setgid
    t[107] = SyscallEntry::new(SyscallFlags(0x1), 204, 205, 121); // geteuid
    t[108] = SyscallEntry::new(SyscallFlags(0x1), 208, 209, 122); // getegid
    t[109] = SyscallEntry::new(SyscallFlags(0x5), 294, 295, 36); // setpgid
    t[110] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 41); // getppid
    t[111] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 42); // getpgrp
    t[112] = SyscallEntry::new(SyscallFlags(0x1), 274, 275, 43); // setsid
    t[113] = SyscallEntry::new(SyscallFlags(0x1), 426, 427, 123); // setreuid
    t[114] = SyscallEntry::new(SyscallFlags(0x1), 428, 429, 124); // setregid
    t[115] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 125); // getgroups
    t[116] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 126); // setgroups
    t[117] = SyscallEntry::new(SyscallFlags(0x1), 192, 193, 128); // setresuid
    t[118] = SyscallEntry::new(SyscallFlags(0x1), 210, 211, 129); // getresuid
    t[119] = SyscallEntry::new(SyscallFlags(0x1), 194, 195, 130); // setresgid
    t[120] = SyscallEntry::new(SyscallFlags(0x1), 212, 213, 131); // getresgid
    t[121] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 79); // getpgid
    t[122] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 135); // setfsuid
    t[123] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 136); // setfsgid
    t[124] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 89); // getsid
    t[125] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 114); // capget
    t[126] = SyscallEntry::new(SyscallFlags(0x1), 352, 353, 115); // capset
    t[127] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 109); // rt_sigpending
    t[128] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 110); // rt_sigtimedwait
    t[129] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 111); // rt_sigqueueinfo
    t[130] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 112); // rt_sigsuspend
    t[131] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 317); // sigaltstack
    t[132] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 22); // utime
    t[133] = SyscallEntry::new(SyscallFlags(0x1), 414, 415, 12); // mknod
    t[135] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 82); // personality
    t[136] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 39); // ustat
    t[137] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 62); // statfs
    t[138] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 63); // fstatfs
    t[139] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 81); // sysfs
    t[140] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 60); // getpriority
    t[141] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 61); // setpriority
    t[142] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 95); // sched_setparam
    t[143] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 96); // sched_getparam
    t[144] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 97); // sched_setscheduler
    t[145] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 98); // sched_getscheduler
    t[146] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 100); // sched_get_priority_max
    t[147] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 101); // sched_get_priority_min
    t[148] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 102); // sched_rr_get_interval
    t[149] = SyscallEntry::new(SyscallFlags(0x1), 344, 345, 91); // mlock
    t[150] = SyscallEntry::new(SyscallFlags(0x1), 346, 347, 92); // munlock
    t[151] = SyscallEntry::new(SyscallFlags(0x1), 348, 349, 93); // mlockall
    t[152] = SyscallEntry::new(SyscallFlags(0x1), 350, 351, 94); // munlockall
    t[153] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 68); // vhangup
    t[154] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 366); // modify_ldt
    t[155] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 137); // pivot_root
    t[157] = SyscallEntry::new(SyscallFlags(0x3), 400, 401, 106); // prctl
    t[158] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 296); // arch_prctl
    t[159] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 74); // adjtimex
    t[160] = SyscallEntry::new(SyscallFlags(0x3), 142, 143, 45); // setrlimit
    t[161] = SyscallEntry::new(SyscallFlags(0x3), 266, 267, 38); // chroot
    t[162] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 24); // sync
    t[163] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 33); // acct
    t[164] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 48); // settimeofday
    t[165] = SyscallEntry::new(SyscallFlags(0x1), 256, 257, 17); // mount
    t[166] = SyscallEntry::new(SyscallFlags(0x1), 390, 391, 323); // umount2
    t[167] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 53); // swapon
    t[168] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 70); // swapoff
    t[169] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 54); // reboot
    t[170] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 44); // sethostname
    t[171] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 73); // setdomainname
    t[172] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 391); // iopl
    t[173] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 344); // ioperm
    t[175] = SyscallEntry::new(SyscallFlags(0x1), 410, 411, 76); // init_module
    t[176] = SyscallEntry::new(SyscallFlags(0x1), 424, 425, 77); // delete_module
    t[179] = SyscallEntry::new(SyscallFlags(0x1), 190, 191, 78); // quotactl
    t[186] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 140); // gettid
    t[187] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 373); // readahead
    t[188] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 141); // setxattr
    t[189] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 142); // lsetxattr
    t[190] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 143); // fsetxattr
    t[191] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 144); // getxattr
    t[192] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 145); // lgetxattr
    t[193] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 146); // fgetxattr
    t[194] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 147); // listxattr
    t[195] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 148); // llistxattr
    t[196] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 149); // flistxattr
    t[197] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 150); // removexattr
    t[198] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 151); // lremovexattr
    t[199] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 152); // fremovexattr
    t[200] = SyscallEntry::new(SyscallFlags(0x1), 130, 131, 153); // tkill
    t[201] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 11); // time
    t[202] = SyscallEntry::new(SyscallFlags(0x5), 64, 65, 154); // futex
    t[203] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 155); // sched_setaffinity
    t[204] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 156); // sched_getaffinity
    t[205] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 157); // set_thread_area
    t[206] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 159); // io_setup
    t[207] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 160); // io_destroy
    t[208] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 161); // io_getevents
    t[209] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 162); // io_submit
    t[210] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 163); // io_cancel
    t[211] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 158); // get_thread_area
    t[212] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 365); // lookup_dcookie
    t[213] = SyscallEntry::new(SyscallFlags(0x3), 374, 375, 165); // epoll_create
    t[214] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 364); // epoll_ctl_old
    t[215] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 379); // epoll_wait_old
    t[216] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 168); // remap_file_pages
    t[217] = SyscallEntry::new(SyscallFlags(0x5), 238, 239, 240); // getdents64
    t[218] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 169); // set_tid_address
    t[219] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 1); // restart_syscall
    t[220] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 371); // semtimedop
    t[221] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 319); // fadvise64
    t[222] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 170); // timer_create
    t[223] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 171); // timer_settime
    t[224] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 172); // timer_gettime
    t[225] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 173); // timer_getoverrun
    t[226] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 174); // timer_delete
    t[227] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 175); // clock_settime
    t[228] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 176); // clock_gettime
    t[229] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 177); // clock_getres
    t[230] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 178); // clock_nanosleep
    t[231] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 164); // exit_group
    t[232] = SyscallEntry::new(SyscallFlags(0x5), 78, 79, 167); // epoll_wait
    t[233] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 166); // epoll_ctl
    t[234] = SyscallEntry::new(SyscallFlags(0x1), 132, 133, 179); // tgkill
    t[235] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 180); // utimes
    t[237] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 363); // mbind
    t[238] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 368); // set_mempolicy
    t[239] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 387); // get_mempolicy
    t[240] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 181); // mq_open
    t[241] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 182); // mq_unlink
    t[242] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 183); // mq_timedsend
    t[243] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 184); // mq_timedreceive
    t[244] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 185); // mq_notify
    t[245] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 186); // mq_getsetattr
    t[246] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 187); // kexec_load
    t[247] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 188); // waitid
    t[248] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 189); // add_key
    t[249] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 190); // request_key
    t[250] = SyscallEntry::new(SyscallFlags(0x1), 452, 453, 191); // keyctl
    t[251] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 192); // ioprio_set
    t[252] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 193); // ioprio_get
    t[253] = SyscallEntry::new(SyscallFlags(0x3), 138, 139, 194); // inotify_init
    t[254] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 195); // inotify_add_watch
    t[255] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 196); // inotify_rm_watch
    t[256] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 357); // migrate_pages
    t[257] = SyscallEntry::new(SyscallFlags(0x3), 306, 307, 197); // openat
    t[258] = SyscallEntry::new(SyscallFlags(0x1), 304, 305, 198); // mkdirat
    t[259] = SyscallEntry::new(SyscallFlags(0x1), 416, 417, 199); // mknodat
    t[260] = SyscallEntry::new(SyscallFlags(0x1), 384, 385, 200); // fchownat
    t[261] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 201); // futimesat
    t[262] = SyscallEntry::new(SyscallFlags(0x5), 418, 419, 300); // newfstatat
    t[263] = SyscallEntry::new(SyscallFlags(0x1), 302, 303, 202); // unlinkat
    t[264] = SyscallEntry::new(SyscallFlags(0x1), 176, 177, 203); // renameat
    t[265] = SyscallEntry::new(SyscallFlags(0x1), 310, 311, 204); // linkat
    t[266] = SyscallEntry::new(SyscallFlags(0x1), 180, 181, 205); // symlinkat
    t[267] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 206); // readlinkat
    t[268] = SyscallEntry::new(SyscallFlags(0x1), 312, 313, 207); // fchmodat
    t[269] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 208); // faccessat
    t[270] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 209); // pselect6
    t[271] = SyscallEntry::new(SyscallFlags(0x5), 254, 255, 210); // ppoll
    t[272] = SyscallEntry::new(SyscallFlags(0x5), 284, 285, 211); // unshare
    t[273] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 212); // set_robust_list
    t[274] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 213); // get_robust_list
    t[275] = SyscallEntry::new(SyscallFlags(0x1), 166, 167, 214); // splice
    t[276] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 215); // tee
    t[277] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 388); // sync_file_range
    t[278] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 216); // vmsplice
    t[279] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 358); // move_pages
    t[280] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 219); // utimensat
    t[281] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 218); // epoll_pwait
    t[282] = SyscallEntry::new(SyscallFlags(0x3), 126, 127, 220); // signalfd
    t[283] = SyscallEntry::new(SyscallFlags(0x3), 136, 137, 221); // timerfd_create
    t[284] = SyscallEntry::new(SyscallFlags(0x3), 62, 63, 222); // eventfd
    t[285] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 299); // fallocate
    t[286] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 223); // timerfd_settime
    t[287] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 224); // timerfd_gettime
    t[288] = SyscallEntry::new(SyscallFlags(0x1), 388, 389, 258); // accept4
    t[289] = SyscallEntry::new(SyscallFlags(0x3), 398, 399, 225); // signalfd4
    t[290] = SyscallEntry::new(SyscallFlags(0x3), 396, 397, 226); // eventfd2
    t[291] = SyscallEntry::new(SyscallFlags(0x3), 376, 377, 227); // epoll_create1
    t[292] = SyscallEntry::new(SyscallFlags(0x3), 364, 365, 228); // dup3
    t[293] = SyscallEntry::new(SyscallFlags(0x3), 392, 393, 229); // pipe2
    t[294] = SyscallEntry::new(SyscallFlags(0x3), 394, 395, 230); // inotify_init1
    t[295] = SyscallEntry::new(SyscallFlags(0x1), 120, 121, 231); // preadv
    t[296] = SyscallEntry::new(SyscallFlags(0x1), 122, 123, 232); // pwritev
    t[297] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 233); // rt_tgsigqueueinfo
    t[298] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 234); // perf_event_open
    t[299] = SyscallEntry::new(SyscallFlags(0x1), 54, 55, 257); // recvmmsg
    t[300] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 235); // fanotify_init
    t[301] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 393); // fanotify_mark
    t[302] = SyscallEntry::new(SyscallFlags(0x3), 144, 145, 236); // prlimit64
    t[303] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 376); // name_to_handle_at
    t[304] = SyscallEntry::new(SyscallFlags(0x1), 336, 337, 329); // open_by_handle_at
    t[305] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 237); // clock_adjtime
    t[306] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 238); // syncfs
    t[307] = SyscallEntry::new(SyscallFlags(0x1), 50, 51, 255); // sendmmsg
    t[308] = SyscallEntry::new(SyscallFlags(0x1), 240, 241, 239); // setns
    t[309] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 217); // getcpu
    t[310] = SyscallEntry::new(SyscallFlags(0x1), 420, 421, 301); // process_vm_readv
    t[311] = SyscallEntry::new(SyscallFlags(0x1), 422, 423, 302); // process_vm_writev
    t[312] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 361); // kcmp
    t[313] = SyscallEntry::new(SyscallFlags(0x1), 412, 413, 314); // finit_module
    t[314] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 362); // sched_setattr
    t[315] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 383); // sched_getattr
    t[316] = SyscallEntry::new(SyscallFlags(0x1), 318, 319, 320); // renameat2
    t[317] = SyscallEntry::new(SyscallFlags(0x1), 298, 299, 316); // seccomp
    t[318] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 318); // getrandom
    t[319] = SyscallEntry::new(SyscallFlags(0x1), 404, 405, 342); // memfd_create
    t[320] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 345); // kexec_file_load
    t[321] = SyscallEntry::new(SyscallFlags(0x1), 368, 369, 315); // bpf
    t[322] = SyscallEntry::new(SyscallFlags(0x3), 330, 331, 325); // execveat
    t[323] = SyscallEntry::new(SyscallFlags(0x3), 320, 321, 321); // userfaultfd
    t[324] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 390); // membarrier
    t[325] = SyscallEntry::new(SyscallFlags(0x1), 370, 371, 333); // mlock2
    t[326] = SyscallEntry::new(SyscallFlags(0x1), 332, 333, 326); // copy_file_range
    t[327] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 359); // preadv2
    t[328] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 360); // pwritev2
    t[329] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 350); // pkey_mprotect
    t[330] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 349); // pkey_alloc
    t[331] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 351); // pkey_free
    t[332] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 367); // statx
    t[333] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 369); // io_pgetevents
    t[334] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 380); // rseq
    t[335] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 443); // uretprobe
    t[336] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 452); // uprobe
    t[424] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 348); // pidfd_send_signal
    t[425] = SyscallEntry::new(SyscallFlags(0x1), 338, 339, 330); // io_uring_setup
    t[426] = SyscallEntry::new(SyscallFlags(0x1), 340, 341, 331); // io_uring_enter
    t[427] = SyscallEntry::new(SyscallFlags(0x1), 342, 343, 332); // io_uring_register
    t[428] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 339); // open_tree
    t[429] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 340); // move_mount
    t[430] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 338); // fsopen
    t[431] = SyscallEntry::new(SyscallFlags(0x1), 372, 373, 335); // fsconfig
    t[432] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 337); // fsmount
    t[433] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 336); // fspick
    t[434] = SyscallEntry::new(SyscallFlags(0x1), 408, 409, 347); // pidfd_open
    t[435] = SyscallEntry::new(SyscallFlags(0x3), 334, 335, 328); // clone3
    t[436] = SyscallEntry::new(SyscallFlags(0x3), 450, 451, 392); // close_range
    t[437] = SyscallEntry::new(SyscallFlags(0x1), 326, 327, 322); // openat2
    t[438] = SyscallEntry::new(SyscallFlags(0x1), 406, 407, 346); // pidfd_getfd
    t[439] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 384); // faccessat2
    t[440] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 389); // process_madvise
    t[441] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 356); // epoll_pwait2
    t[442] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 341); // mount_setattr
    t[443] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 353); // quotactl_fd
    t[444] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 352); // landlock_create_ruleset
    t[445] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 355); // landlock_add_rule
    t[446] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 354); // landlock_restrict_self
    t[447] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 343); // memfd_secret
    t[448] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 377); // process_mrelease
    t[449] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 374); // futex_waitv
    t[450] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 370); // set_mempolicy_home_node
    t[451] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 412); // cachestat
    t[452] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 413); // fchmodat2
    t[453] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 414); // map_shadow_stack
    t[454] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 417); // futex_wake
    t[455] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 419); // futex_wait
    t[456] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 418); // futex_requeue
    t[457] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 438); // statmount
    t[458] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 437); // listmount
    t[459] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 439); // lsm_get_self_attr
    t[460] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 440); // lsm_set_self_attr
    t[461] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 441); // lsm_list_modules
    t[462] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 442); // mseal
    t[463] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 447); // setxattrat
    t[464] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 446); // getxattrat
    t[465] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 445); // listxattrat
    t[466] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 444); // removexattrat
    t[467] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 448); // open_tree_attr
    t[468] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 449); // file_getattr
    t[469] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 450); // file_setattr
    t[470] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 451); // listns
    t[471] = SyscallEntry::new(SyscallFlags(0x0), 0, 0, 453); // rseq_slice_yield
    t
};

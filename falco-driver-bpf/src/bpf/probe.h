/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Definitions shared by the BPF programs and the Rust loader.
 *
 * Everything in this header is read by both sides: the Rust side mirrors the
 * structs in `src/shared.rs` and a unit test checks the sizes against the
 * skeleton's BTF-derived types. Keep the layouts free of implicit padding.
 */
#ifndef FALCO_PROBE_H
#define FALCO_PROBE_H

/* Native syscall numbers covered by the per-syscall tables (x86_64 has < 512). */
#define SYSCALL_TABLE_SIZE 512

/* Number of event codes (Falco's PPM_EVENT_MAX). */
#define PPM_EVENT_MAX 454

/* Falco's event header: ts u64, tid u64, len u32, type u16, nparams u32. */
#define EVT_HDR_SIZE 26

/* The largest event the probe writes (Falco's MAX_EVENT_SIZE). */
#define MAX_EVENT_SIZE 65536

/* Most parameters an event spec can describe (openat2 exit has 8). */
#define MAX_SPEC_PARAMS 8

/* Bits of `capture_settings.flags`. */
#define SETTING_DROP_FAILED (1u << 0) /* failed syscalls produce no event */
#define SETTING_PROCEXIT (1u << 1)    /* sched_process_exit produces procexit */

/* Per-CPU counters (`counters` map, one entry, PERCPU_ARRAY). */
struct probe_counters {
	__u64 n_evts;                 /* events the probe tried to write */
	__u64 n_drops_buffer;         /* ring buffer full */
	__u64 n_drops_max_event_size; /* event larger than MAX_EVENT_SIZE */
	__u64 n_drops_no_buffer;      /* this CPU has no ring buffer */
	__u64 n_prefiltered;          /* events a rules prefilter left out (not drops) */
};

/*
 * In-kernel prefilters pushed down from the rules (`prefilter_paths`, an LPM
 * trie): a failed open-family syscall whose path is absolute, in canonical
 * form and under no stored prefix produces no event. A key is a bit length
 * and the path bytes; an exact path is stored with its NUL, a prefix
 * without. The value is the mask of the syscalls (PREFILTER_SLOT bits of
 * `prefilter_syscalls`) whose rules need that prefix, folded down from
 * shorter stored prefixes so that the longest match says everything.
 */
#define PREFILTER_PATH_MAX 256
#define PREFILTER_MAX_ENTRIES 8192

struct prefilter_key {
	__u32 prefixlen; /* bits */
	__u8 path[PREFILTER_PATH_MAX];
};

/* Settings written by userspace (`settings` map, one entry). */
struct capture_settings {
	__u64 boot_time; /* CLOCK_REALTIME - CLOCK_BOOTTIME, ns */
	__u32 snaplen;   /* bytes of I/O data kept in send/recv events */
	__u32 flags;     /* SETTING_* bits */
};

/*
 * How one parameter of a table-driven event is produced: `kind` is a
 * PK_* value, `arg` the syscall argument it reads (0..5), or for kinds
 * that need two arguments, `arg | (second << 4)`.
 */
struct param_spec {
	__u8 kind;
	__u8 arg;
};

/* The event a syscall's exit (or enter) produces, as data. */
struct event_spec {
	__u16 event;   /* ppm event code, 0 = none */
	__u8 nparams;  /* number of entries used in `params` */
	__u8 pad;
	struct param_spec params[MAX_SPEC_PARAMS];
};

/* Parameter kinds (`param_spec.kind`). Encodings follow Falco's param types. */
enum param_kind {
	PK_EMPTY = 0,          /* len 0 */
	PK_RET = 1,            /* return value, s64 (ERRNO, FD, PID) */
	PK_FD = 2,             /* arg as int32, sign-extended to s64 (FD, PID, dirfd) */
	PK_S64 = 3,            /* arg as s64 */
	PK_U64 = 4,            /* arg as u64 */
	PK_U32 = 5,            /* arg as u32 (UID, GID, UINT32, ENUMFLAGS32) */
	PK_U16 = 6,            /* arg as u16 */
	PK_U8 = 7,             /* arg as u8 (SIGTYPE) */
	PK_USTR = 8,           /* user string (CHARBUF, FSPATH, FSRELPATH) */
	PK_OPEN_FLAGS = 9,     /* open flags -> PPM_O_*, plus PPM_O_F_CREATED from the returned fd */
	PK_OPEN_MODE = 10,     /* mode (arg) if flags (arg >> 4) has O_CREAT or O_TMPFILE, else 0 */
	PK_MODE = 11,          /* arg & 07777 (PPM_S_* bits equal the kernel's) */
	PK_RET_DEV = 12,       /* u32 encoded dev of the returned fd's inode */
	PK_RET_INO = 13,       /* u64 inode number of the returned fd */
	PK_HOW_FLAGS = 14,     /* openat2: open_how.flags -> PPM_O_* (+ created) */
	PK_HOW_MODE = 15,      /* openat2: open_how.mode */
	PK_HOW_RESOLVE = 16,   /* openat2: open_how.resolve -> PPM_RESOLVE_* */
	PK_CREAT_FLAGS = 17,   /* FLAGS16 overlay bits of creat, always 0 here */
	PK_UNLINKAT_FLAGS = 18,
	PK_LINKAT_FLAGS = 19,
	PK_CLOEXEC_FLAGS = 20, /* dup3: O_CLOEXEC -> PPM_O_CLOEXEC */
	PK_PIPE2_FLAGS = 21,
	PK_MEMFD_FLAGS = 22,
	PK_UMOUNT2_FLAGS = 23,
	PK_CLONE_FLAGS = 24,   /* CLONE_* -> PPM_CL_* (unshare, setns) */
	PK_FCNTL_CMD = 25,     /* u8 PPM_FCNTL_* */
	PK_PIPE_FD0 = 26,      /* s64 fd read from the user int[2] at arg */
	PK_PIPE_FD1 = 27,
	PK_PIPE_INO = 28,      /* u64 inode of the first pipe fd */
	PK_SOCKADDR = 29,      /* user sockaddr at arg, length at arg >> 4 */
	PK_TUPLE_OUT = 30,     /* connect: tuple local -> remote of fd arg if ret is 0 or -EINPROGRESS; user sockaddr (arg >> 4) if unconnected */
	PK_TUPLE_IN = 31,      /* socket tuple remote -> local of the returned fd (accept) */
	PK_TUPLE_RECV = 32,    /* tuple remote -> local of fd arg, when ret >= 0; user sockaddr (arg >> 4) if unconnected */
	PK_QUEUE_PCT = 33,     /* u8 backlog percentage of listening fd arg */
	PK_QUEUE_LEN = 34,     /* u32 backlog of listening fd arg */
	PK_QUEUE_MAX = 35,     /* u32 max backlog of listening fd arg */
	PK_SOCK_FLAGS = 36,    /* SOCK_NONBLOCK/CLOEXEC -> PPM_O_* (u32) */
	PK_MOUNT_FLAGS = 37,   /* mount flags without the magic value */
	PK_UBUF_LEN = 38,      /* user bytes at arg, length arg >> 4, at most 4096 */
	PK_UBUF_RET = 39,      /* user bytes at arg, length min(ret, snaplen) when ret > 0 */
	PK_CAP_INH = 40,       /* u64 capabilities of the current task */
	PK_CAP_PERM = 41,
	PK_CAP_EFF = 42,
	PK_PRCTL_STR = 43,     /* arg2 as a user string for PR_SET_NAME/PR_GET_NAME, else empty */
	PK_PRCTL_INT = 44,     /* 0 for PR_[GS]ET_NAME, *arg2 for PR_GET_CHILD_SUBREAPER, else arg2 (s64) */
	PK_RET_U32 = 45,       /* ret as u32 (size of sendmsg/recvmsg when >= 0) */
	PK_FINIT_FLAGS = 47,
	PK_MKDIR_MODE = 49,    /* raw mode as u32 */
	PK_I32 = 50,           /* arg as int32 (4 bytes) */
	PK_TUPLE_SEND = 51,    /* tuple local -> remote of fd arg, when ret >= 0; user sockaddr (arg >> 4) if unconnected */
	PK_SEND_DATA = 52,     /* sendto data: user bytes at arg, min(ret > 0 ? ret : size (arg >> 4), snaplen) */
	PK_MSG_DATA = 53,      /* iovec data of the msghdr at arg, min(snaplen, ret); (arg >> 4) == 1: receive (empty on failure) */
	PK_MSG_SIZE = 54,      /* u32 sum of the iovec lengths of the msghdr at arg */
	PK_MSG_CONTROL = 55,   /* recvmsg: msg_control bytes of the msghdr at arg, when ret >= 0 */
	PK_TUPLE_SEND_MSG = 56,/* tuple local -> remote of fd arg, msg_name of the msghdr at (arg >> 4) if unconnected */
	PK_TUPLE_RECV_MSG = 57,/* tuple remote -> local of fd arg, msg_name of the msghdr at (arg >> 4) if unconnected */
	PK_PTRACE_ADDR = 58,   /* DYN: index 0 (UINT64) + addr arg, 0 on failure */
	PK_PTRACE_DATA = 59,   /* DYN by request (arg >> 4): peeked u64, signal, or the raw data arg */
	PK_PTRACE_REQ = 60,    /* u16 PPM_PTRACE_* of the request arg */
	PK_SOCK_FAMILY = 61,   /* u32 PPM_AF_* of the domain arg (unknown -> 0) */
	PK_ZERO_U32 = 62,      /* u32 0 (a parameter the driver always writes as 0) */
	PK_ZERO_U8 = 63,       /* u8 0 */
	PK_NBCX_FLAGS16 = 64,  /* u16 PPM_O_NONBLOCK/PPM_O_CLOEXEC of the arg (eventfd2, inotify_init1, signalfd4) */
	PK_NBCX_FLAGS8 = 65,   /* the same truncated to u8, as the driver does for timerfd_create */
	PK_EPOLL_FLAGS = 66,   /* u32 PPM_EPOLL_CLOEXEC */
	PK_PIDFD_FLAGS = 67,   /* u32 PPM_PIDFD_NONBLOCK */
	PK_SP_SOURCE = 68,     /* socketpair: u64 struct sock * of the first fd in the user int[2] at arg */
	PK_SP_PEER = 69,       /* socketpair: u64 peer struct sock * of that socket */
	PK_U32_AS_U64 = 70,    /* arg truncated to u32, written as u64 */
	PK_RET_PATH = 71,      /* the path of the returned fd's file (when ret > 0) */
	PK_IOURING_PARAM = 72, /* io_uring_setup: field (arg >> 4) of the user io_uring_params at arg, flags and features as PPM_IORING_* */
	PK_KIND_MAX
};

#endif

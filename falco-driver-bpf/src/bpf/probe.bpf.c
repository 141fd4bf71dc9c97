/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The modern eBPF probe: writes Falco's events (header, u16 length array,
 * parameters) into per-CPU-group BPF ring buffers.
 *
 * Layout of the programs, as in Falco's modern probe:
 * - `sys_exit` (tp_btf) is the only syscall dispatcher. It filters on the
 *   `interesting` table and tail-calls the program userspace put in
 *   `exit_tail[syscall nr]`.
 * - `table_x` builds any event whose parameters are simple functions of the
 *   syscall arguments and return value, following `exit_specs[nr]` (data
 *   written by userspace, one `param_spec` per parameter).
 * - `clone_x` and `execve_x` build the process events, which read much of the
 *   task's state; `sched_proc_exec` emits the successful execve,
 *   `sched_proc_exit` the procexit event.
 * - the `*_e` tracepoint programs emit the enter events Falco keeps for
 *   TOCTOU mitigation (open, openat, openat2, creat, connect), from
 *   `enter_specs[nr]`.
 *
 * Events are built in a per-CPU scratch map (`auxmaps`) and copied to the
 * ring buffer with bpf_ringbuf_output. Every write offset is masked to the
 * first 64 KiB so the verifier sees room for any write into the 128 KiB
 * buffer; an event that grows past 64 KiB is dropped and counted.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "probe.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* ----------------------------------------------------------------------- */
/* Constants                                                               */
/* ----------------------------------------------------------------------- */

#define AUX_DATA_SIZE (2 * MAX_EVENT_SIZE)
#define SCRATCH_OFF MAX_EVENT_SIZE
#define SAFE(x) ((x) & (MAX_EVENT_SIZE - 1))
#define MAX_PATH 4096
#define MAX_PROC_ARG_ENV 4096
#define MAX_PATH_COMPONENTS 96
#define MAX_PARAMS 32
#define TASK_COMM_LEN 16
#define UNIX_PATH_MAX 108

/* Kernel values the probe converts (uapi, stable). */
#define K_O_WRONLY 01
#define K_O_RDWR 02
#define K_O_CREAT 0100
#define K_O_EXCL 0200
#define K_O_TRUNC 01000
#define K_O_APPEND 02000
#define K_O_NONBLOCK 04000
#define K_O_DSYNC 010000
#define K_O_DIRECT 040000
#define K_O_LARGEFILE 0100000
#define K_O_DIRECTORY 0200000
#define K_O_CLOEXEC 02000000
#define K_O_SYNC (04000000 | K_O_DSYNC)
#define K_O_TMPFILE (020000000 | K_O_DIRECTORY)
#define K_FMODE_CREATED 0x100000
#define K_S_IFMT 0170000
#define K_S_IFSOCK 0140000
#define K_AF_UNIX 1
#define K_AF_INET 2
#define K_AF_INET6 10
#define K_EINPROGRESS 115
#define K_AT_REMOVEDIR 0x200
#define K_AT_SYMLINK_FOLLOW 0x400
#define K_AT_EMPTY_PATH 0x1000
#define K_PR_SET_NAME 15
#define K_PR_GET_NAME 16
#define K_PR_GET_CHILD_SUBREAPER 37
#define K_RLIMIT_NOFILE 7
#define K_TS_COMPAT 0x0002
#define K_PAGE_SHIFT 12
#define K_SB_RDONLY 1
#define K_S_IMMUTABLE (1 << 3)
#define K_CAP_DAC_OVERRIDE 1

/* Falco's encodings (ppm_events_public.h facts). */
#define PPM_O_RDONLY (1 << 0)
#define PPM_O_WRONLY (1 << 1)
#define PPM_O_RDWR (PPM_O_RDONLY | PPM_O_WRONLY)
#define PPM_O_CREAT (1 << 2)
#define PPM_O_APPEND (1 << 3)
#define PPM_O_DSYNC (1 << 4)
#define PPM_O_EXCL (1 << 5)
#define PPM_O_NONBLOCK (1 << 6)
#define PPM_O_SYNC (1 << 7)
#define PPM_O_TRUNC (1 << 8)
#define PPM_O_DIRECT (1 << 9)
#define PPM_O_DIRECTORY (1 << 10)
#define PPM_O_LARGEFILE (1 << 11)
#define PPM_O_CLOEXEC (1 << 12)
#define PPM_O_TMPFILE (1 << 13)
#define PPM_O_F_CREATED (1 << 14)
#define PPM_AT_REMOVEDIR 0x200
#define PPM_AT_SYMLINK_FOLLOW 0x400
#define PPM_AT_EMPTY_PATH 0x1000
#define PPM_CL_CHILD_IN_PIDNS (1 << 29)
#define PPM_EXE_WRITABLE (1 << 0)
#define PPM_EXE_FROM_MEMFD (1 << 2)
#define PPM_MS_MGC_MSK 0xffff0000
#define PPM_MS_MGC_VAL 0xC0ED0000

/* Event codes the dedicated programs write. */
#define PPME_PROCEXIT_1_E 186
#define PPME_SYSCALL_EXECVE_19_X 293
#define PPME_SYSCALL_EXECVEAT_X 331

/* ----------------------------------------------------------------------- */
/* Maps                                                                    */
/* ----------------------------------------------------------------------- */

/* Per-CPU scratch buffer where events are built (key: CPU id). */
struct auxmap {
	__u8 data[AUX_DATA_SIZE];
	__u64 pos;     /* where the next parameter's bytes go */
	__u32 nparams; /* parameters the event declares */
	__u32 idx;     /* parameters written so far */
	__u64 args[6]; /* syscall arguments of the event being built */
	__s64 ret;     /* syscall return value (-1 for enter events) */
	__u64 ret_file;     /* struct file * of the returned fd, once looked up */
	__u32 ret_file_set; /* ret_file is valid for this event */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct auxmap);
	__uint(max_entries, 1); /* set to the number of possible CPUs before load */
} auxmaps SEC(".maps");

struct ringbuf_map {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 * 4096);
};

/* CPU id -> the ring buffer that CPU writes to. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__type(key, __u32);
	__uint(max_entries, 1); /* set to the number of possible CPUs before load */
	__array(values, struct ringbuf_map);
} ringbuf_maps SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct capture_settings);
	__uint(max_entries, 1);
} settings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct probe_counters);
	__uint(max_entries, 1);
} counters SEC(".maps");

/* Events produced per native syscall number (per CPU). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} syscall_counts SEC(".maps");

/* Events lost to a full ring buffer, per event code (per CPU). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, PPM_EVENT_MAX);
} drop_counts SEC(".maps");

/* Native syscall number -> 1 if the syscall produces events. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u8);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} interesting SEC(".maps");

/* Native syscall number -> the table-driven exit event. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct event_spec);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} exit_specs SEC(".maps");

/* Native syscall number -> the TOCTOU enter event. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct event_spec);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} enter_specs SEC(".maps");

/* Native syscall number -> the program that builds its exit event. */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
	__type(key, __u32);
	__type(value, __u32);
} exit_tail SEC(".maps");

/* ----------------------------------------------------------------------- */
/* Event builder                                                           */
/* ----------------------------------------------------------------------- */

static __always_inline struct auxmap *aux_get(void) {
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&auxmaps, &cpu);
}

static __always_inline struct capture_settings *settings_get(void) {
	__u32 zero = 0;
	return bpf_map_lookup_elem(&settings, &zero);
}

static __always_inline struct probe_counters *counters_get(void) {
	__u32 zero = 0;
	return bpf_map_lookup_elem(&counters, &zero);
}

static __always_inline __u32 snaplen_get(void) {
	struct capture_settings *s = settings_get();
	__u32 snaplen = s ? s->snaplen : 80;
	if(snaplen > MAX_PROC_ARG_ENV) {
		snaplen = MAX_PROC_ARG_ENV;
	}
	return snaplen;
}

/* Starts an event: header fields, empty length array. */
static __always_inline void evt_begin(struct auxmap *m, __u16 event, __u32 nparams) {
	struct capture_settings *s = settings_get();
	__u64 ts = bpf_ktime_get_boot_ns() + (s ? s->boot_time : 0);
	__u64 tid = bpf_get_current_pid_tgid() & 0xffffffff;
	if(nparams > MAX_PARAMS) {
		nparams = MAX_PARAMS;
	}
	*(__u64 *)&m->data[0] = ts;
	*(__u64 *)&m->data[8] = tid;
	*(__u32 *)&m->data[16] = 0;
	*(__u16 *)&m->data[20] = event;
	*(__u32 *)&m->data[22] = nparams;
	m->nparams = nparams;
	m->idx = 0;
	m->ret_file_set = 0;
	m->pos = EVT_HDR_SIZE + 2 * nparams;
}

/* Records the length of the parameter just written at `pos`. */
static __always_inline void put_len(struct auxmap *m, __u32 len) {
	__u32 idx = m->idx;
	if(idx >= MAX_PARAMS) {
		return;
	}
	*(__u16 *)&m->data[SAFE(EVT_HDR_SIZE + 2 * idx)] = (__u16)len;
	m->idx = idx + 1;
	m->pos += len;
}

static __always_inline void push_empty(struct auxmap *m) {
	put_len(m, 0);
}

static __always_inline void push_u64(struct auxmap *m, __u64 v) {
	*(__u64 *)&m->data[SAFE(m->pos)] = v;
	put_len(m, 8);
}

static __always_inline void push_u32(struct auxmap *m, __u32 v) {
	*(__u32 *)&m->data[SAFE(m->pos)] = v;
	put_len(m, 4);
}

static __always_inline void push_u16(struct auxmap *m, __u16 v) {
	*(__u16 *)&m->data[SAFE(m->pos)] = v;
	put_len(m, 2);
}

static __always_inline void push_u8(struct auxmap *m, __u8 v) {
	m->data[SAFE(m->pos)] = v;
	put_len(m, 1);
}

/* A NUL-terminated user string; unreadable -> empty parameter. */
static __always_inline void push_user_str(struct auxmap *m, __u64 ptr, __u32 max) {
	long n = -1;
	if(ptr) {
		n = bpf_probe_read_user_str(&m->data[SAFE(m->pos)], max & (MAX_PATH * 2 - 1), (void *)ptr);
	}
	put_len(m, n > 0 ? (__u32)n : 0);
}

static __always_inline void push_kernel_str(struct auxmap *m, __u64 ptr, __u32 max) {
	long n = -1;
	if(ptr) {
		n = bpf_probe_read_kernel_str(&m->data[SAFE(m->pos)], max & (MAX_PATH * 2 - 1), (void *)ptr);
	}
	put_len(m, n > 0 ? (__u32)n : 0);
}

/* Raw user bytes, at most `max` (<= 4096). */
static __always_inline void push_user_bytes(struct auxmap *m, __u64 ptr, __u64 len) {
	if(len > MAX_PROC_ARG_ENV) {
		len = MAX_PROC_ARG_ENV;
	}
	if(ptr == 0 || len == 0) {
		push_empty(m);
		return;
	}
	if(bpf_probe_read_user(&m->data[SAFE(m->pos)], len, (void *)ptr) != 0) {
		push_empty(m);
		return;
	}
	put_len(m, len);
}

/*
 * Writes the final length and copies the event to this CPU's ring buffer.
 * A global function, so the verifier checks it once, not in every caller.
 */
__noinline int evt_submit_global(void) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct probe_counters *c = counters_get();
	if(c) {
		c->n_evts++;
	}
	/* Parameters a code path did not write are empty. */
	__u32 idx = m->idx;
	__u32 n = m->nparams;
	for(int i = 0; i < MAX_PARAMS; i++) {
		if(idx >= n || idx >= MAX_PARAMS) {
			break;
		}
		*(__u16 *)&m->data[SAFE(EVT_HDR_SIZE + 2 * idx)] = 0;
		idx++;
	}
	m->idx = idx;
	__u64 len = m->pos;
	if(len > MAX_EVENT_SIZE) {
		if(c) {
			c->n_drops_max_event_size++;
		}
		return 0;
	}
	*(__u32 *)&m->data[16] = (__u32)len;
	__u32 cpu = bpf_get_smp_processor_id();
	void *rb = bpf_map_lookup_elem(&ringbuf_maps, &cpu);
	if(!rb) {
		if(c) {
			c->n_drops_no_buffer++;
		}
		return 0;
	}
	if(bpf_ringbuf_output(rb, m->data, len, BPF_RB_NO_WAKEUP) != 0) {
		if(c) {
			c->n_drops_buffer++;
		}
		__u32 code = *(__u16 *)&m->data[20];
		__u64 *drops = bpf_map_lookup_elem(&drop_counts, &code);
		if(drops) {
			*drops += 1;
		}
	}
	return 0;
}

static __always_inline void evt_submit(struct auxmap *m) {
	evt_submit_global();
}

/* ----------------------------------------------------------------------- */
/* Reading kernel state                                                    */
/* ----------------------------------------------------------------------- */

static __always_inline struct task_struct *current_task(void) {
	return (struct task_struct *)bpf_get_current_task();
}

static __always_inline struct file *fd_file(__s64 fd) {
	if(fd < 0) {
		return NULL;
	}
	struct task_struct *t = current_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	if(!fdt) {
		return NULL;
	}
	__u32 max_fds = BPF_CORE_READ(fdt, max_fds);
	if(fd >= max_fds) {
		return NULL;
	}
	struct file **arr = BPF_CORE_READ(fdt, fd);
	struct file *f = NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &arr[fd]);
	return f;
}

/* Falco's encoding of a dev_t (major << 8 | minor, minor split). */
static __always_inline __u32 encode_dev(__u32 dev) {
	__u32 major = dev >> 20;
	__u32 minor = dev & 0xfffff;
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static __always_inline struct sock *file_sock(struct file *f) {
	if(!f) {
		return NULL;
	}
	__u16 mode = BPF_CORE_READ(f, f_inode, i_mode);
	if((mode & K_S_IFMT) != K_S_IFSOCK) {
		return NULL;
	}
	struct socket *sock = BPF_CORE_READ(f, private_data);
	if(!sock) {
		return NULL;
	}
	return BPF_CORE_READ(sock, sk);
}

static __always_inline __u32 open_flags_to_ppm(__u32 flags) {
	__u32 res = 0;
	switch(flags & 3) {
	case K_O_WRONLY:
		res |= PPM_O_WRONLY;
		break;
	case K_O_RDWR:
		res |= PPM_O_RDWR;
		break;
	default:
		res |= PPM_O_RDONLY;
		break;
	}
	/* Tests follow the driver: `flags & O_TMPFILE` and `flags & O_SYNC` are
	 * true for any flag of the two-bit masks, as in Falco. */
	if(flags & K_O_CREAT)
		res |= PPM_O_CREAT;
	if(flags & K_O_TMPFILE)
		res |= PPM_O_TMPFILE;
	if(flags & K_O_APPEND)
		res |= PPM_O_APPEND;
	if(flags & K_O_DSYNC)
		res |= PPM_O_DSYNC;
	if(flags & K_O_EXCL)
		res |= PPM_O_EXCL;
	if(flags & K_O_NONBLOCK)
		res |= PPM_O_NONBLOCK;
	if(flags & K_O_SYNC)
		res |= PPM_O_SYNC;
	if(flags & K_O_TRUNC)
		res |= PPM_O_TRUNC;
	if(flags & K_O_DIRECT)
		res |= PPM_O_DIRECT;
	if(flags & K_O_DIRECTORY)
		res |= PPM_O_DIRECTORY;
	if(flags & K_O_LARGEFILE)
		res |= PPM_O_LARGEFILE;
	if(flags & K_O_CLOEXEC)
		res |= PPM_O_CLOEXEC;
	return res;
}

/* The file of the returned fd, looked up once per event. */
static __always_inline struct file *ret_file(struct auxmap *m) {
	if(!m->ret_file_set) {
		m->ret_file = (__u64)fd_file(m->ret);
		m->ret_file_set = 1;
	}
	return (struct file *)m->ret_file;
}

static __always_inline __u32 created_flag(struct file *f) {
	if(!f) {
		return 0;
	}
	__u32 mode = BPF_CORE_READ(f, f_mode);
	return (mode & K_FMODE_CREATED) ? PPM_O_F_CREATED : 0;
}

static __always_inline __u32 clone_flags_to_ppm(__u64 flags) {
	/* CLONE_* bit -> PPM_CL_* bit. */
	__u32 res = 0;
	if(flags & 0x00000400) res |= 1 << 0;   /* FILES */
	if(flags & 0x00000200) res |= 1 << 1;   /* FS */
	if(flags & 0x80000000) res |= 1 << 2;   /* IO */
	if(flags & 0x08000000) res |= 1 << 3;   /* NEWIPC */
	if(flags & 0x40000000) res |= 1 << 4;   /* NEWNET */
	if(flags & 0x00020000) res |= 1 << 5;   /* NEWNS */
	if(flags & 0x20000000) res |= 1 << 6;   /* NEWPID */
	if(flags & 0x04000000) res |= 1 << 7;   /* NEWUTS */
	if(flags & 0x00008000) res |= 1 << 8;   /* PARENT */
	if(flags & 0x00100000) res |= 1 << 9;   /* PARENT_SETTID */
	if(flags & 0x00002000) res |= 1 << 10;  /* PTRACE */
	if(flags & 0x00000800) res |= 1 << 11;  /* SIGHAND */
	if(flags & 0x00040000) res |= 1 << 12;  /* SYSVSEM */
	if(flags & 0x00010000) res |= 1 << 13;  /* THREAD */
	if(flags & 0x00800000) res |= 1 << 14;  /* UNTRACED */
	if(flags & 0x00000100) res |= 1 << 15;  /* VM */
	if(flags & 0x10000000) res |= 1 << 20;  /* NEWUSER */
	if(flags & 0x00200000) res |= 1 << 23;  /* CHILD_CLEARTID */
	if(flags & 0x01000000) res |= 1 << 24;  /* CHILD_SETTID */
	if(flags & 0x00080000) res |= 1 << 25;  /* SETTLS */
	if(flags & 0x00004000) res |= 1 << 27;  /* VFORK */
	if(flags & 0x02000000) res |= 1 << 28;  /* NEWCGROUP */
	return res;
}

static __always_inline __u8 fcntl_cmd_to_ppm(__u64 cmd) {
	switch(cmd) {
	case 0: return 1;     /* F_DUPFD */
	case 1: return 2;     /* F_GETFD */
	case 2: return 3;     /* F_SETFD */
	case 3: return 4;     /* F_GETFL */
	case 4: return 5;     /* F_SETFL */
	case 5: return 6;     /* F_GETLK */
	case 6: return 8;     /* F_SETLK */
	case 7: return 9;     /* F_SETLKW */
	case 8: return 10;    /* F_SETOWN */
	case 9: return 12;    /* F_GETOWN */
	case 10: return 13;   /* F_SETSIG */
	case 11: return 15;   /* F_GETSIG */
	case 15: return 21;   /* F_SETOWN_EX */
	case 16: return 22;   /* F_GETOWN_EX */
	case 36: return 30;   /* F_OFD_GETLK */
	case 37: return 31;   /* F_OFD_SETLK */
	case 38: return 32;   /* F_OFD_SETLKW */
	case 1024: return 23; /* F_SETLEASE */
	case 1025: return 24; /* F_GETLEASE */
	case 1029: return 25; /* F_CANCELLK */
	case 1030: return 26; /* F_DUPFD_CLOEXEC */
	case 1026: return 27; /* F_NOTIFY */
	case 1031: return 28; /* F_SETPIPE_SZ */
	case 1032: return 29; /* F_GETPIPE_SZ */
	default: return 0;
	}
}

/* ----------------------------------------------------------------------- */
/* Composite parameters (global functions: verified once each)             */
/* ----------------------------------------------------------------------- */

/* State of a path walk, shared with the bpf_loop callback. */
struct path_walk {
	struct dentry *d;
	struct mount *mnt;
	__u32 end; /* exclusive end of the path built so far in the scratch area */
};

/* One step up the dentry tree; returns 1 to stop. */
static long path_step(__u64 index, void *arg) {
	struct path_walk *w = arg;
	struct auxmap *m = aux_get();
	if(!m) {
		return 1;
	}
	struct dentry *d = w->d;
	struct mount *mnt = w->mnt;
	struct dentry *mnt_root = BPF_CORE_READ(mnt, mnt.mnt_root);
	struct dentry *parent = BPF_CORE_READ(d, d_parent);
	if(d == mnt_root) {
		struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
		if(mnt_parent == mnt || !mnt_parent) {
			return 1;
		}
		w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = mnt_parent;
		return 0;
	}
	if(d == parent || !parent) {
		return 1;
	}
	__u32 len = BPF_CORE_READ(d, d_name.len) & 0xff;
	const unsigned char *name = BPF_CORE_READ(d, d_name.name);
	__u32 end = w->end;
	if(end > MAX_PATH || len + 1 >= end) {
		return 1;
	}
	end -= len;
	bpf_probe_read_kernel(&m->data[SCRATCH_OFF + (end & (MAX_PATH - 1))], len, name);
	end -= 1;
	m->data[SCRATCH_OFF + (end & (MAX_PATH - 1))] = '/';
	w->end = end;
	w->d = parent;
	return 0;
}

/*
 * Pushes the path of (dentry, vfsmount) as an absolute path, walking up to
 * MAX_PATH_COMPONENTS components and crossing mount points. The path is
 * built backwards in the scratch half of the buffer, then copied.
 */
__noinline int push_path(__u64 dentry_ptr, __u64 vfsmnt_ptr) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct dentry *d = (struct dentry *)dentry_ptr;
	struct vfsmount *vfsmnt = (struct vfsmount *)vfsmnt_ptr;
	if(!d || !vfsmnt) {
		push_empty(m);
		return 0;
	}
	struct path_walk w = {
		.d = d,
		.mnt = container_of(vfsmnt, struct mount, mnt),
		.end = MAX_PATH,
	};
	bpf_loop(MAX_PATH_COMPONENTS, path_step, &w, 0);
	__u32 end = w.end;
	if(end > MAX_PATH) {
		end = MAX_PATH;
	}
	__u32 len = MAX_PATH - end;
	if(len == 0) {
		m->data[SAFE(m->pos)] = '/';
		m->data[SAFE(m->pos + 1)] = 0;
		put_len(m, 2);
		return 0;
	}
	len &= (MAX_PATH - 1);
	if(bpf_probe_read_kernel(&m->data[SAFE(m->pos)], len,
	                         &m->data[SCRATCH_OFF + (end & (MAX_PATH - 1))]) != 0) {
		push_empty(m);
		return 0;
	}
	m->data[SAFE(m->pos + len)] = 0;
	put_len(m, len + 1);
	return 0;
}

/* A user sockaddr (Falco's SOCKADDR encoding). */
__noinline int push_sockaddr(__u64 uptr, __u64 ulen) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	if(!uptr || ulen < 2) {
		push_empty(m);
		return 0;
	}
	if(ulen > 112) {
		ulen = 112;
	}
	__u8 *s = &m->data[SCRATCH_OFF];
	__builtin_memset(s, 0, 112);
	if(bpf_probe_read_user(s, ulen, (void *)uptr) != 0) {
		push_empty(m);
		return 0;
	}
	__u16 family = *(__u16 *)s;
	__u64 pos = SAFE(m->pos);
	if(family == K_AF_INET) {
		m->data[pos] = K_AF_INET;
		__builtin_memcpy(&m->data[SAFE(pos + 1)], s + 4, 4);
		*(__u16 *)&m->data[SAFE(pos + 5)] = bpf_ntohs(*(__u16 *)(s + 2));
		put_len(m, 7);
	} else if(family == K_AF_INET6) {
		m->data[pos] = K_AF_INET6;
		__builtin_memcpy(&m->data[SAFE(pos + 1)], s + 8, 16);
		*(__u16 *)&m->data[SAFE(pos + 17)] = bpf_ntohs(*(__u16 *)(s + 2));
		put_len(m, 19);
	} else if(family == K_AF_UNIX) {
		m->data[pos] = K_AF_UNIX;
		/* An abstract socket's leading NUL is skipped. */
		__u8 *path = s[2] == 0 ? s + 3 : s + 2;
		long n = bpf_probe_read_kernel_str(&m->data[SAFE(pos + 1)], UNIX_PATH_MAX, path);
		if(n <= 0) {
			m->data[SAFE(pos + 1)] = 0;
			n = 1;
		}
		put_len(m, 1 + (__u32)n);
	} else {
		push_empty(m);
	}
	return 0;
}

/*
 * The socket tuple of `fd`. `inbound` = 0 writes local -> remote (connect,
 * send), 1 writes remote -> local (accept, recv): both read client -> server.
 */
__noinline int push_tuple(__s64 fd, __u32 inbound, __u64 usr_addr) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct sock *sk = file_sock(fd_file(fd));
	if(!sk) {
		push_empty(m);
		return 0;
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u64 pos = SAFE(m->pos);
	if(family == K_AF_INET) {
		__u32 lip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u32 rip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if(rip == 0 && rport == 0 && usr_addr) {
			/* Not connected (UDP sendto/recvfrom): the peer is the user's sockaddr. */
			struct sockaddr_in sin = {};
			if(bpf_probe_read_user(&sin, sizeof(sin), (void *)usr_addr) == 0 &&
			   sin.sin_family == K_AF_INET) {
				rip = sin.sin_addr.s_addr;
				rport = bpf_ntohs(sin.sin_port);
			}
		}
		m->data[pos] = K_AF_INET;
		if(inbound) {
			*(__u32 *)&m->data[SAFE(pos + 1)] = rip;
			*(__u16 *)&m->data[SAFE(pos + 5)] = rport;
			*(__u32 *)&m->data[SAFE(pos + 7)] = lip;
			*(__u16 *)&m->data[SAFE(pos + 11)] = lport;
		} else {
			*(__u32 *)&m->data[SAFE(pos + 1)] = lip;
			*(__u16 *)&m->data[SAFE(pos + 5)] = lport;
			*(__u32 *)&m->data[SAFE(pos + 7)] = rip;
			*(__u16 *)&m->data[SAFE(pos + 11)] = rport;
		}
		put_len(m, 13);
	} else if(family == K_AF_INET6) {
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct in6_addr *lip = &sk->__sk_common.skc_v6_rcv_saddr;
		struct in6_addr *rip = &sk->__sk_common.skc_v6_daddr;
		m->data[pos] = K_AF_INET6;
		bpf_probe_read_kernel(&m->data[SAFE(pos + 1)], 16, inbound ? rip : lip);
		*(__u16 *)&m->data[SAFE(pos + 17)] = inbound ? rport : lport;
		bpf_probe_read_kernel(&m->data[SAFE(pos + 19)], 16, inbound ? lip : rip);
		*(__u16 *)&m->data[SAFE(pos + 35)] = inbound ? lport : rport;
		put_len(m, 37);
	} else if(family == K_AF_UNIX) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		m->data[pos] = K_AF_UNIX;
		*(__u64 *)&m->data[SAFE(pos + 1)] = (__u64)sk;
		*(__u64 *)&m->data[SAFE(pos + 9)] = (__u64)peer;
		/* The path: the peer's bound address, else our own. */
		struct unix_address *addr = NULL;
		if(peer) {
			addr = BPF_CORE_READ((struct unix_sock *)peer, addr);
		}
		if(!addr) {
			addr = BPF_CORE_READ(us, addr);
		}
		long n = -1;
		if(addr) {
			char *path = (char *)addr->name[0].sun_path;
			char first = 0;
			bpf_probe_read_kernel(&first, 1, path);
			n = bpf_probe_read_kernel_str(&m->data[SAFE(pos + 17)], UNIX_PATH_MAX,
			                              first == 0 ? path + 1 : path);
		}
		if(n <= 0) {
			m->data[SAFE(pos + 17)] = 0;
			n = 1;
		}
		put_len(m, 17 + (__u32)n);
	} else {
		push_empty(m);
	}
	return 0;
}

static __always_inline __u16 ptrace_req_to_ppm(__u64 req) {
	switch(req) {
	case 0: return 1;       /* TRACEME */
	case 1: return 2;       /* PEEKTEXT */
	case 2: return 3;       /* PEEKDATA */
	case 3: return 4;       /* PEEKUSR */
	case 4: return 5;       /* POKETEXT */
	case 5: return 6;       /* POKEDATA */
	case 6: return 7;       /* POKEUSR */
	case 7: return 8;       /* CONT */
	case 8: return 9;       /* KILL */
	case 9: return 10;      /* SINGLESTEP */
	case 16: return 11;     /* ATTACH */
	case 17: return 12;     /* DETACH */
	case 24: return 13;     /* SYSCALL */
	case 0x4200: return 14; /* SETOPTIONS */
	case 0x4201: return 15; /* GETEVENTMSG */
	case 0x4202: return 16; /* GETSIGINFO */
	case 0x4203: return 17; /* SETSIGINFO */
	case 0x4204: return 18; /* GETREGSET */
	case 0x4205: return 19; /* SETREGSET */
	case 0x4206: return 20; /* SEIZE */
	case 0x4207: return 21; /* INTERRUPT */
	case 0x4208: return 22; /* LISTEN */
	case 0x4209: return 23; /* PEEKSIGINFO */
	case 0x420a: return 24; /* GETSIGMASK */
	case 0x420b: return 25; /* SETSIGMASK */
	case 12: return 26;     /* GETREGS */
	case 13: return 27;     /* SETREGS */
	case 14: return 28;     /* GETFPREGS */
	case 15: return 29;     /* SETFPREGS */
	case 18: return 30;     /* GETFPXREGS */
	case 19: return 31;     /* SETFPXREGS */
	case 21: return 32;     /* OLDSETOPTIONS */
	case 25: return 33;     /* GET_THREAD_AREA */
	case 26: return 34;     /* SET_THREAD_AREA */
	case 30: return 35;     /* ARCH_PRCTL */
	case 31: return 36;     /* SYSEMU */
	case 32: return 37;     /* SYSEMU_SINGLESTEP */
	case 33: return 38;     /* SINGLEBLOCK */
	default: return 0;
	}
}

/* x86_64 `struct user_msghdr` as user space lays it out. */
struct umsghdr {
	__u64 name;
	__u32 namelen;
	__u32 pad;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 flags;
	__u32 pad2;
};

struct uiovec {
	__u64 base;
	__u64 len;
};

#define MAX_IOVCNT 32

/* State of an iovec walk, shared with the bpf_loop callbacks. */
struct iov_walk {
	__u64 iov;
	__u64 iovcnt;
	__u32 want;  /* bytes to copy at most */
	__u32 total; /* bytes copied (copy) or summed lengths (size) */
};

static long iov_size_step(__u64 i, void *arg) {
	struct iov_walk *w = arg;
	if(i >= w->iovcnt) {
		return 1;
	}
	struct uiovec v = {};
	bpf_probe_read_user(&v, sizeof(v), (void *)(w->iov + i * sizeof(v)));
	w->total += (__u32)v.len;
	return 0;
}

static long iov_copy_step(__u64 i, void *arg) {
	struct iov_walk *w = arg;
	struct auxmap *m = aux_get();
	if(!m || i >= w->iovcnt || w->total >= w->want) {
		return 1;
	}
	struct uiovec v = {};
	if(bpf_probe_read_user(&v, sizeof(v), (void *)(w->iov + i * sizeof(v))) != 0) {
		return 1;
	}
	__u32 chunk = w->want - w->total;
	if(v.len < chunk) {
		chunk = (__u32)v.len;
	}
	chunk &= (MAX_PROC_ARG_ENV - 1);
	if(chunk == 0) {
		return 0;
	}
	__u32 off = w->total & (MAX_PROC_ARG_ENV - 1);
	if(bpf_probe_read_user(&m->data[SAFE(m->pos + off)], chunk, (void *)v.base) != 0) {
		return 1;
	}
	w->total += chunk;
	return 0;
}

/*
 * Parameters read through a user msghdr (sendmsg, recvmsg). `fd_arg` is the
 * socket fd for the tuple kinds, else the msghdr pointer; `other` the
 * msghdr pointer for the tuple kinds.
 */
__noinline int push_msg_param(__u32 kind, __u64 arg, __u64 other, __u32 recv) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__s64 ret = m->ret;
	__u64 msg_ptr = (kind == PK_TUPLE_SEND_MSG || kind == PK_TUPLE_RECV_MSG) ? other : arg;
	struct umsghdr msg = {};
	if(!msg_ptr || bpf_probe_read_user(&msg, sizeof(msg), (void *)msg_ptr) != 0) {
		push_empty(m);
		return 0;
	}
	if(kind == PK_TUPLE_SEND_MSG || kind == PK_TUPLE_RECV_MSG) {
		if(ret < 0) {
			push_empty(m);
		} else {
			push_tuple((__s32)arg, kind == PK_TUPLE_RECV_MSG, msg.name);
		}
		return 0;
	}
	if(kind == PK_MSG_CONTROL) {
		if(ret < 0 || !msg.control || msg.controllen == 0 || msg.controllen > 0xffff) {
			push_empty(m);
		} else {
			push_user_bytes(m, msg.control, msg.controllen);
		}
		return 0;
	}
	__u64 iovcnt = msg.iovlen;
	if(iovcnt > MAX_IOVCNT) {
		iovcnt = MAX_IOVCNT;
	}
	struct iov_walk w = {.iov = msg.iov, .iovcnt = iovcnt};
	if(kind == PK_MSG_SIZE) {
		bpf_loop(MAX_IOVCNT, iov_size_step, &w, 0);
		push_u32(m, w.total);
		return 0;
	}
	/* PK_MSG_DATA */
	if(recv && ret < 0) {
		push_empty(m);
		return 0;
	}
	__u32 want = snaplen_get();
	/* Receive: at most what arrived; send: at most what went out, if any did. */
	if((recv ? ret >= 0 : ret > 0) && (__u64)ret < want) {
		want = (__u32)ret;
	}
	w.want = want;
	bpf_loop(MAX_IOVCNT, iov_copy_step, &w, 0);
	__u32 copied = w.total;
	put_len(m, copied & (2 * MAX_PROC_ARG_ENV - 1));
	return 0;
}

/* One parameter of a table-driven event (see enum param_kind). */
__noinline int push_spec_param(__u32 kind, __u32 argsel) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u32 a = argsel & 0x7;
	__u32 b = (argsel >> 4) & 0x7;
	if(a > 5) a = 5;
	if(b > 5) b = 5;
	__u64 arg = m->args[a];
	__u64 arg2 = m->args[b];
	__s64 ret = m->ret;

	switch(kind) {
	case PK_RET:
		push_u64(m, (__u64)ret);
		break;
	case PK_FD:
		push_u64(m, (__u64)(__s64)(__s32)arg);
		break;
	case PK_S64:
	case PK_U64:
		push_u64(m, arg);
		break;
	case PK_U32:
		push_u32(m, (__u32)arg);
		break;
	case PK_I32:
		push_u32(m, (__u32)(__s32)arg);
		break;
	case PK_U16:
		push_u16(m, (__u16)arg);
		break;
	case PK_U8:
		push_u8(m, (__u8)arg);
		break;
	case PK_USTR:
		push_user_str(m, arg, MAX_PATH);
		break;
	case PK_OPEN_FLAGS:
		push_u32(m, open_flags_to_ppm((__u32)arg) | created_flag(ret_file(m)));
		break;
	case PK_OPEN_MODE:
		/* mode is arg a, flags arg b */
		push_u32(m, (arg2 & (K_O_CREAT | K_O_TMPFILE)) ? ((__u32)arg & 07777) : 0);
		break;
	case PK_MODE:
		push_u32(m, (__u32)arg & 07777);
		break;
	case PK_MKDIR_MODE:
		push_u32(m, (__u32)arg);
		break;
	case PK_RET_DEV: {
		struct file *f = ret_file(m);
		__u32 dev = f ? BPF_CORE_READ(f, f_inode, i_sb, s_dev) : 0;
		push_u32(m, f ? encode_dev(dev) : 0);
		break;
	}
	case PK_RET_INO: {
		struct file *f = ret_file(m);
		push_u64(m, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);
		break;
	}
	case PK_HOW_FLAGS:
	case PK_HOW_MODE:
	case PK_HOW_RESOLVE: {
		/* struct open_how { u64 flags; u64 mode; u64 resolve; } */
		__u64 how[3] = {0, 0, 0};
		if(arg) {
			bpf_probe_read_user(how, sizeof(how), (void *)arg);
		}
		if(kind == PK_HOW_FLAGS) {
			push_u32(m, open_flags_to_ppm((__u32)how[0]) | created_flag(ret_file(m)));
		} else if(kind == PK_HOW_MODE) {
			push_u32(m, (how[0] & (K_O_CREAT | K_O_TMPFILE)) ? ((__u32)how[1] & 07777) : 0);
		} else {
			__u32 r = 0;
			if(how[2] & 0x08) r |= 1 << 0; /* BENEATH */
			if(how[2] & 0x10) r |= 1 << 1; /* IN_ROOT */
			if(how[2] & 0x02) r |= 1 << 2; /* NO_MAGICLINKS */
			if(how[2] & 0x04) r |= 1 << 3; /* NO_SYMLINKS */
			if(how[2] & 0x01) r |= 1 << 4; /* NO_XDEV */
			if(how[2] & 0x20) r |= 1 << 5; /* CACHED */
			push_u32(m, r);
		}
		break;
	}
	case PK_CREAT_FLAGS:
		push_u16(m, 0);
		break;
	case PK_UNLINKAT_FLAGS:
		push_u32(m, (arg & K_AT_REMOVEDIR) ? PPM_AT_REMOVEDIR : 0);
		break;
	case PK_LINKAT_FLAGS: {
		__u32 r = 0;
		if(arg & K_AT_SYMLINK_FOLLOW) r |= PPM_AT_SYMLINK_FOLLOW;
		if(arg & K_AT_EMPTY_PATH) r |= PPM_AT_EMPTY_PATH;
		push_u32(m, r);
		break;
	}
	case PK_CLOEXEC_FLAGS:
		push_u32(m, (arg & K_O_CLOEXEC) ? PPM_O_CLOEXEC : 0);
		break;
	case PK_PIPE2_FLAGS: {
		__u32 r = 0;
		if((__s32)arg >= 0) {
			if(arg & K_O_CLOEXEC) r |= PPM_O_CLOEXEC;
			if(arg & K_O_DIRECT) r |= PPM_O_DIRECT;
			if(arg & K_O_NONBLOCK) r |= PPM_O_NONBLOCK;
		}
		push_u32(m, r);
		break;
	}
	case PK_SOCK_FLAGS: {
		__u32 r = 0;
		if(arg & K_O_NONBLOCK) r |= PPM_O_NONBLOCK;
		if(arg & K_O_CLOEXEC) r |= PPM_O_CLOEXEC;
		push_u32(m, r);
		break;
	}
	case PK_MEMFD_FLAGS:
		/* MFD_CLOEXEC 1, MFD_ALLOW_SEALING 2, MFD_HUGETLB 4: same bits */
		push_u32(m, (__u32)arg & 7);
		break;
	case PK_UMOUNT2_FLAGS:
		/* MNT_FORCE 1, MNT_DETACH 2, MNT_EXPIRE 4, UMOUNT_NOFOLLOW 8: same bits */
		push_u32(m, (__u32)arg & 0xf);
		break;
	case PK_FINIT_FLAGS:
		push_u32(m, (__u32)arg & 7);
		break;
	case PK_CLONE_FLAGS:
		push_u32(m, clone_flags_to_ppm(arg));
		break;
	case PK_FCNTL_CMD:
		push_u8(m, fcntl_cmd_to_ppm(arg));
		break;
	case PK_PIPE_FD0:
	case PK_PIPE_FD1: {
		__s32 fds[2] = {-1, -1};
		if(ret < 0 || !arg || bpf_probe_read_user(fds, sizeof(fds), (void *)arg) != 0) {
			fds[0] = -1;
			fds[1] = -1;
		}
		push_u64(m, (__u64)(__s64)(kind == PK_PIPE_FD0 ? fds[0] : fds[1]));
		break;
	}
	case PK_PIPE_INO: {
		__s32 fds[2] = {-1, -1};
		if(ret >= 0 && arg) {
			bpf_probe_read_user(fds, sizeof(fds), (void *)arg);
		}
		struct file *f = fd_file(fds[0]);
		push_u64(m, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);
		break;
	}
	case PK_MOUNT_FLAGS: {
		__u32 flags = (__u32)arg;
		if((flags & PPM_MS_MGC_MSK) == PPM_MS_MGC_VAL) {
			flags &= ~PPM_MS_MGC_MSK;
		}
		push_u32(m, flags);
		break;
	}
	case PK_UBUF_LEN:
		push_user_bytes(m, arg, arg2);
		break;
	case PK_SOCK_FAMILY: {
		__u32 family = (__u8)arg;
		push_u32(m, (family <= 26 || (family >= 29 && family <= 39)) ? family : 0);
		break;
	}
	case PK_UBUF_RET: {
		__u32 snap = snaplen_get();
		__u64 len = ret > 0 ? (__u64)ret : 0;
		if(len > snap) len = snap;
		push_user_bytes(m, arg, len);
		break;
	}
	case PK_RET_U32:
		push_u32(m, ret > 0 ? (__u32)ret : 0);
		break;
	case PK_CAP_INH:
	case PK_CAP_PERM:
	case PK_CAP_EFF: {
		struct task_struct *t = current_task();
		__u64 v = 0;
		if(kind == PK_CAP_INH)
			v = BPF_CORE_READ(t, cred, cap_inheritable.val);
		else if(kind == PK_CAP_PERM)
			v = BPF_CORE_READ(t, cred, cap_permitted.val);
		else
			v = BPF_CORE_READ(t, cred, cap_effective.val);
		push_u64(m, v);
		break;
	}
	case PK_PRCTL_STR:
		if(arg == K_PR_SET_NAME || arg == K_PR_GET_NAME) {
			push_user_str(m, arg2, MAX_PATH);
		} else {
			push_empty(m);
		}
		break;
	case PK_PRCTL_INT:
		if(arg == K_PR_SET_NAME || arg == K_PR_GET_NAME) {
			push_u64(m, 0);
		} else if(arg == K_PR_GET_CHILD_SUBREAPER) {
			__s32 reaper = 0;
			bpf_probe_read_user(&reaper, sizeof(reaper), (void *)arg2);
			push_u64(m, (__u64)(__s64)reaper);
		} else {
			push_u64(m, arg2);
		}
		break;
	case PK_QUEUE_PCT:
	case PK_QUEUE_LEN:
	case PK_QUEUE_MAX: {
		/* Only a successful accept reports its listening queue. */
		struct sock *sk = ret >= 0 ? file_sock(fd_file((__s32)arg)) : NULL;
		__u32 len = 0, max = 0;
		if(sk) {
			len = BPF_CORE_READ(sk, sk_ack_backlog);
			max = BPF_CORE_READ(sk, sk_max_ack_backlog);
		}
		if(kind == PK_QUEUE_PCT)
			push_u8(m, (len && max) ? (__u8)((__u64)len * 100 / max) : 0);
		else
			push_u32(m, kind == PK_QUEUE_LEN ? len : max);
		break;
	}
	case PK_SOCKADDR:
		push_sockaddr(arg, arg2);
		break;
	case PK_TUPLE_OUT:
		/* connect: only a connected (or connecting) socket has a tuple */
		if(ret == 0 || ret == -K_EINPROGRESS) {
			push_tuple((__s32)arg, 0, arg2);
		} else {
			push_empty(m);
		}
		break;
	case PK_TUPLE_SEND:
		if(ret >= 0) {
			push_tuple((__s32)arg, 0, arg2);
		} else {
			push_empty(m);
		}
		break;
	case PK_TUPLE_IN:
		if(ret >= 0) {
			push_tuple(ret, 1, 0);
		} else {
			push_empty(m);
		}
		break;
	case PK_TUPLE_RECV:
		if(ret >= 0) {
			push_tuple((__s32)arg, 1, arg2);
		} else {
			push_empty(m);
		}
		break;
	case PK_SEND_DATA: {
		__u64 len = ret > 0 ? (__u64)ret : (__u64)(__u32)arg2;
		__u32 snap = snaplen_get();
		if(len > snap) len = snap;
		push_user_bytes(m, arg, len);
		break;
	}
	case PK_MSG_DATA:
	case PK_MSG_SIZE:
	case PK_MSG_CONTROL:
	case PK_TUPLE_SEND_MSG:
	case PK_TUPLE_RECV_MSG:
		push_msg_param(kind, arg, arg2, (argsel >> 4) & 0xf);
		break;
	case PK_PTRACE_ADDR:
		m->data[SAFE(m->pos)] = 0; /* PPM_PTRACE_IDX_UINT64 */
		*(__u64 *)&m->data[SAFE(m->pos + 1)] = ret < 0 ? 0 : arg;
		put_len(m, 9);
		break;
	case PK_PTRACE_DATA: {
		__u16 req = ptrace_req_to_ppm(arg2);
		__u64 pos = SAFE(m->pos);
		if(ret < 0) {
			m->data[pos] = 0;
			*(__u64 *)&m->data[SAFE(pos + 1)] = 0;
			put_len(m, 9);
		} else if(req == 2 || req == 3 || req == 4) { /* PEEKTEXT, PEEKDATA, PEEKUSR */
			__u64 v = 0;
			bpf_probe_read_user(&v, sizeof(v), (void *)arg);
			m->data[pos] = 0;
			*(__u64 *)&m->data[SAFE(pos + 1)] = v;
			put_len(m, 9);
		} else if(req == 8 || req == 10 || req == 12 || req == 13) { /* CONT, SINGLESTEP, DETACH, SYSCALL */
			m->data[pos] = 1; /* PPM_PTRACE_IDX_SIGTYPE */
			m->data[SAFE(pos + 1)] = (__u8)arg;
			put_len(m, 2);
		} else {
			m->data[pos] = 0;
			*(__u64 *)&m->data[SAFE(pos + 1)] = arg;
			put_len(m, 9);
		}
		break;
	}
	case PK_PTRACE_REQ:
		push_u16(m, ptrace_req_to_ppm(arg));
		break;
	default:
		push_empty(m);
		break;
	}
	return 0;
}

/* Builds and submits the event `spec` describes. */
static __always_inline void emit_spec(struct auxmap *m, struct event_spec *spec) {
	__u32 n = spec->nparams;
	evt_begin(m, spec->event, n);
	for(int i = 0; i < MAX_SPEC_PARAMS; i++) {
		if(i >= n) {
			break;
		}
		push_spec_param(spec->params[i].kind, spec->params[i].arg);
	}
	evt_submit(m);
}

static __always_inline void load_regs(struct auxmap *m, struct pt_regs *regs, long ret) {
	m->args[0] = regs->di;
	m->args[1] = regs->si;
	m->args[2] = regs->dx;
	m->args[3] = regs->r10;
	m->args[4] = regs->r8;
	m->args[5] = regs->r9;
	m->ret = ret;
}

/* ----------------------------------------------------------------------- */
/* Process information (clone and execve)                                  */
/* ----------------------------------------------------------------------- */

/*
 * exe (argv[0]) and args (argv[1..], NUL-separated), from the task's mm,
 * together at most 4096 bytes; both empty when `failed` (a failed clone).
 */
__noinline int push_exe_args(__u32 failed) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	if(failed) {
		push_empty(m);
		push_empty(m);
		return 0;
	}
	struct task_struct *t = current_task();
	__u64 start = BPF_CORE_READ(t, mm, arg_start);
	__u64 end = BPF_CORE_READ(t, mm, arg_end);
	if(!start || end <= start) {
		push_empty(m);
		push_empty(m);
		return 0;
	}
	__u64 total = end - start;
	if(total > MAX_PROC_ARG_ENV) {
		total = MAX_PROC_ARG_ENV;
	}
	long exe_len = bpf_probe_read_user_str(&m->data[SAFE(m->pos)], MAX_PROC_ARG_ENV, (void *)start);
	if(exe_len <= 0) {
		push_empty(m);
		push_empty(m);
		return 0;
	}
	put_len(m, exe_len);
	if(total <= (__u64)exe_len) {
		push_empty(m);
		return 0;
	}
	/* `total` is capped at 4096, so exe and args stay within 4096 together. */
	push_user_bytes(m, start + exe_len, total - exe_len);
	return 0;
}

#define MAX_CHARBUF_POINTERS 16

/* State of a walk over a user `char *[]` (argv, envp), for bpf_loop. */
struct argv_walk {
	__u64 argv;  /* user pointer to the array */
	__u32 first; /* index of the first string to copy */
	__u32 limit; /* bytes allowed in all */
	__u32 total; /* bytes copied */
};

static long argv_step(__u64 i, void *arg) {
	struct argv_walk *w = arg;
	struct auxmap *m = aux_get();
	if(!m || w->total >= w->limit) {
		return 1;
	}
	__u64 ptr = 0;
	if(bpf_probe_read_user(&ptr, sizeof(ptr), (void *)(w->argv + (w->first + i) * 8)) != 0 || !ptr) {
		return 1;
	}
	__u32 room = w->limit - w->total;
	if(room > MAX_PROC_ARG_ENV) {
		room = MAX_PROC_ARG_ENV;
	}
	/* Opaque to the compiler, so the mask (a no-op) stays for the verifier. */
	barrier_var(room);
	room &= (2 * MAX_PROC_ARG_ENV - 1);
	__u32 off = w->total & (MAX_PROC_ARG_ENV - 1);
	long n = bpf_probe_read_user_str(&m->data[SAFE(m->pos + off)], room, (void *)ptr);
	if(n <= 0) {
		return 1;
	}
	w->total += (__u32)n;
	return 0;
}

/*
 * exe and args from the user's argv (a failed execve: the task still runs
 * the old image, so its mm says nothing of the new one).
 */
__noinline int push_exe_args_from_argv(__u64 argv) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u64 exe = 0;
	if(!argv || bpf_probe_read_user(&exe, sizeof(exe), (void *)argv) != 0 || !exe) {
		push_empty(m);
		push_empty(m);
		return 0;
	}
	long exe_len = bpf_probe_read_user_str(&m->data[SAFE(m->pos)], MAX_PROC_ARG_ENV, (void *)exe);
	if(exe_len <= 0) {
		push_empty(m);
		push_empty(m);
		return 0;
	}
	put_len(m, exe_len);
	struct argv_walk w = {.argv = argv, .first = 1, .limit = MAX_PROC_ARG_ENV - exe_len};
	bpf_loop(MAX_CHARBUF_POINTERS - 1, argv_step, &w, 0);
	put_len(m, w.total & (2 * MAX_PROC_ARG_ENV - 1));
	return 0;
}

/* env from the user's envp (a failed execve). */
__noinline int push_env_from_envp(__u64 envp) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct argv_walk w = {.argv = envp, .first = 0, .limit = MAX_PROC_ARG_ENV};
	if(envp) {
		bpf_loop(MAX_CHARBUF_POINTERS, argv_step, &w, 0);
	}
	put_len(m, w.total & (2 * MAX_PROC_ARG_ENV - 1));
	return 0;
}

/* env, the same layout as args. */
__noinline int push_env(void) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct task_struct *t = current_task();
	__u64 start = BPF_CORE_READ(t, mm, env_start);
	__u64 end = BPF_CORE_READ(t, mm, env_end);
	if(!start || end <= start) {
		push_empty(m);
		return 0;
	}
	push_user_bytes(m, start, end - start);
	return 0;
}

/* tid, pid, ptid, cwd. */
__noinline int push_ids_cwd(void) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct task_struct *t = current_task();
	push_u64(m, (__u64)(__s64)BPF_CORE_READ(t, pid));
	push_u64(m, (__u64)(__s64)BPF_CORE_READ(t, tgid));
	push_u64(m, (__u64)(__s64)BPF_CORE_READ(t, real_parent, tgid));
	struct fs_struct *fs = BPF_CORE_READ(t, fs);
	if(!fs) {
		push_empty(m);
		return 0;
	}
	push_path((__u64)BPF_CORE_READ(fs, pwd.dentry), (__u64)BPF_CORE_READ(fs, pwd.mnt));
	return 0;
}

/* fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm. */
__noinline int push_mem_comm(void) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct task_struct *t = current_task();
	push_u64(m, BPF_CORE_READ(t, signal, rlim[K_RLIMIT_NOFILE].rlim_cur));
	push_u64(m, BPF_CORE_READ(t, maj_flt));
	push_u64(m, BPF_CORE_READ(t, min_flt));
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	__u32 vm_size = 0, vm_rss = 0, vm_swap = 0;
	if(mm) {
		__s64 file = 0, anon = 0, swap = 0, shmem = 0;
		vm_size = BPF_CORE_READ(mm, total_vm) << (K_PAGE_SHIFT - 10);
		/* rss_stat[]: MM_FILEPAGES 0, MM_ANONPAGES 1, MM_SWAPENTS 2, MM_SHMEMPAGES 3 */
		BPF_CORE_READ_INTO(&file, mm, rss_stat[0].count);
		BPF_CORE_READ_INTO(&anon, mm, rss_stat[1].count);
		BPF_CORE_READ_INTO(&swap, mm, rss_stat[2].count);
		BPF_CORE_READ_INTO(&shmem, mm, rss_stat[3].count);
		__s64 rss = file + anon + shmem;
		vm_rss = rss > 0 ? (__u32)(rss << (K_PAGE_SHIFT - 10)) : 0;
		vm_swap = swap > 0 ? (__u32)(swap << (K_PAGE_SHIFT - 10)) : 0;
	}
	push_u32(m, vm_size);
	push_u32(m, vm_rss);
	push_u32(m, vm_swap);
	push_kernel_str(m, (__u64)&t->comm, TASK_COMM_LEN);
	return 0;
}

/*
 * Appends `subsys=/path\0` for one cgroup subsystem at `m->pos + off`,
 * returning the bytes written. The path is rebuilt from the cgroup's kernfs
 * node (at most MAX_CGROUP_COMPONENTS components).
 */
#define MAX_CGROUP_COMPONENTS 8
__noinline int append_cgroup(__u32 subsys, __u32 off) {
	struct auxmap *m = aux_get();
	if(!m || subsys > 4 || off > 4096) {
		return 0;
	}
	struct task_struct *t = current_task();
	struct cgroup_subsys_state *css = BPF_CORE_READ(t, cgroups, subsys[subsys]);
	if(!css) {
		return 0;
	}
	struct kernfs_node *kn = BPF_CORE_READ(css, cgroup, kn);
	__u64 pos = m->pos + off;
	/* "cpuset" "cpu" "cpuacct" "io" "memory": cpuset_cgrp_id .. memory_cgrp_id */
	const char *name;
	switch(subsys) {
	case 0: name = "cpuset="; break;
	case 1: name = "cpu="; break;
	case 2: name = "cpuacct="; break;
	case 3: name = "io="; break;
	default: name = "memory="; break;
	}
	long n = bpf_probe_read_kernel_str(&m->data[SAFE(pos)], 16, name);
	if(n <= 1) {
		return 0;
	}
	pos += n - 1;
	__u64 comps[MAX_CGROUP_COMPONENTS] = {};
	int depth = 0;
	for(int i = 0; i < MAX_CGROUP_COMPONENTS; i++) {
		if(!kn) {
			break;
		}
		struct kernfs_node *parent = NULL;
		if(bpf_core_field_exists(kn->__parent)) {
			parent = BPF_CORE_READ(kn, __parent);
		}
		if(!parent) {
			break; /* the root node has no name of its own */
		}
		comps[i] = (__u64)BPF_CORE_READ(kn, name);
		depth = i + 1;
		kn = parent;
	}
	if(depth == 0) {
		m->data[SAFE(pos)] = '/';
		pos += 1;
	}
	for(int i = MAX_CGROUP_COMPONENTS - 1; i >= 0; i--) {
		if(i >= depth) {
			continue;
		}
		m->data[SAFE(pos)] = '/';
		pos += 1;
		long l = bpf_probe_read_kernel_str(&m->data[SAFE(pos)], 256, (void *)comps[i]);
		if(l > 1) {
			pos += (l - 1) & 0xff;
		}
	}
	m->data[SAFE(pos)] = 0;
	pos += 1;
	return (int)(pos - (m->pos + off));
}

/* cgroups: `subsys=/path\0` for cpuset, cpu, cpuacct, io and memory. */
static __always_inline void push_cgroups(struct auxmap *m) {
	__u32 total = 0;
	for(__u32 s = 0; s < 5; s++) {
		int n = append_cgroup(s, total);
		if(n > 0 && n < 1024) {
			total += n;
		}
	}
	put_len(m, total);
}

/* The pid of `t` as its own pid namespace sees it (`type` 0 = PID, 1 = TGID via leader). */
static __always_inline __s64 task_vnr(struct task_struct *t) {
	struct pid *pid = BPF_CORE_READ(t, thread_pid);
	if(!pid) {
		return 0;
	}
	__u32 level = BPF_CORE_READ(pid, level);
	return BPF_CORE_READ(pid, numbers[level & 31].nr);
}

/* tail of the clone event: flags, uid, gid, vtid, vpid, pidns_init_start_ts. */
__noinline int push_clone_tail(__u64 clone_flags, __s64 ret) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct task_struct *t = current_task();
	__u32 flags = clone_flags_to_ppm(clone_flags);
	struct pid *pid = BPF_CORE_READ(t, thread_pid);
	__u32 level = pid ? BPF_CORE_READ(pid, level) : 0;
	struct pid_namespace *ns = pid ? BPF_CORE_READ(pid, numbers[level & 31].ns) : NULL;
	if(level != 0) {
		flags |= PPM_CL_CHILD_IN_PIDNS;
	} else {
		struct pid_namespace *children = BPF_CORE_READ(t, nsproxy, pid_ns_for_children);
		if(children && children != ns) {
			flags |= PPM_CL_CHILD_IN_PIDNS;
		}
	}
	push_u32(m, flags);
	push_u32(m, BPF_CORE_READ(t, cred, euid.val));
	push_u32(m, BPF_CORE_READ(t, cred, egid.val));
	push_u64(m, (__u64)task_vnr(t));
	push_u64(m, (__u64)task_vnr(BPF_CORE_READ(t, group_leader)));
	__u64 start = 0;
	if(ret == 0 && ns) {
		start = BPF_CORE_READ(ns, child_reaper, start_time);
	}
	push_u64(m, start);
	return 0;
}

/*
 * Whether the current task could write its executable: the basic permission
 * check the kernel's acl_permission_check does (owner, group, other bits,
 * then CAP_DAC_OVERRIDE), without POSIX ACLs, supplementary groups or user
 * namespace mapping. Read-only mounts and immutable inodes are not writable.
 */
static __always_inline bool exe_writable(struct task_struct *t, struct inode *ino) {
	__u16 mode = BPF_CORE_READ(ino, i_mode);
	__u32 i_flags = BPF_CORE_READ(ino, i_flags);
	__u64 s_flags = BPF_CORE_READ(ino, i_sb, s_flags);
	if(s_flags & K_SB_RDONLY) {
		return false;
	}
	if(i_flags & K_S_IMMUTABLE) {
		return false;
	}
	__u32 i_uid = BPF_CORE_READ(ino, i_uid.val);
	__u32 i_gid = BPF_CORE_READ(ino, i_gid.val);
	__u32 fsuid = BPF_CORE_READ(t, cred, fsuid.val);
	__u32 fsgid = BPF_CORE_READ(t, cred, fsgid.val);
	if(fsuid == i_uid) {
		return true;
	}
	__u16 bits = fsgid == i_gid ? (mode >> 3) : mode;
	if(bits & 02) {
		return true;
	}
	__u64 caps = BPF_CORE_READ(t, cred, cap_effective.val);
	return (caps & (1ull << K_CAP_DAC_OVERRIDE)) != 0;
}

/* A file made by memfd_create: a root dentry named "memfd:...". */
static __always_inline bool exe_from_memfd(struct file *f) {
	struct dentry *d = BPF_CORE_READ(f, f_path.dentry);
	if(!d || BPF_CORE_READ(d, d_parent) != d) {
		return false;
	}
	char name[7] = {};
	bpf_probe_read_kernel_str(name, sizeof(name), BPF_CORE_READ(d, d_name.name));
	return name[0] == 'm' && name[1] == 'e' && name[2] == 'm' && name[3] == 'f' && name[4] == 'd' &&
	       name[5] == ':';
}

/* execve params 17..30: tty .. gid (trusted_exepath included). */
__noinline int push_exec_tail(void) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	struct task_struct *t = current_task();
	/* tty */
	__u32 tty = 0;
	struct tty_struct *tt = BPF_CORE_READ(t, signal, tty);
	if(tt) {
		__s32 index = BPF_CORE_READ(tt, index);
		__s32 major = BPF_CORE_READ(tt, driver, major);
		__s32 minor_start = BPF_CORE_READ(tt, driver, minor_start);
		__u32 dev = ((__u32)major << 20) | (__u32)(minor_start + index);
		tty = encode_dev(dev);
	}
	push_u32(m, tty);
	/* vpgid */
	struct pid *pgrp = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
	__s64 pgid = 0, vpgid = 0;
	if(pgrp) {
		__u32 level = BPF_CORE_READ(pgrp, level);
		pgid = BPF_CORE_READ(pgrp, numbers[0].nr);
		vpgid = BPF_CORE_READ(pgrp, numbers[level & 31].nr);
	}
	push_u64(m, (__u64)vpgid);
	/* loginuid */
	__u32 loginuid = 0xffffffff;
	if(bpf_core_field_exists(t->loginuid)) {
		loginuid = BPF_CORE_READ(t, loginuid.val);
	}
	push_u32(m, loginuid);
	struct file *exe = BPF_CORE_READ(t, mm, exe_file);
	struct inode *ino = exe ? BPF_CORE_READ(exe, f_inode) : NULL;
	/* flags: PPM_EXE_WRITABLE and PPM_EXE_FROM_MEMFD (overlay layers are not computed) */
	__u32 exe_flags = 0;
	if(ino && exe_writable(t, ino)) {
		exe_flags |= PPM_EXE_WRITABLE;
	}
	if(exe && exe_from_memfd(exe)) {
		exe_flags |= PPM_EXE_FROM_MEMFD;
	}
	push_u32(m, exe_flags);
	push_u64(m, BPF_CORE_READ(t, cred, cap_inheritable.val));
	push_u64(m, BPF_CORE_READ(t, cred, cap_permitted.val));
	push_u64(m, BPF_CORE_READ(t, cred, cap_effective.val));
	__u64 ctime = 0, mtime = 0, inum = 0;
	if(ino) {
		inum = BPF_CORE_READ(ino, i_ino);
		if(bpf_core_field_exists(ino->i_ctime_sec)) {
			ctime = (__u64)BPF_CORE_READ(ino, i_ctime_sec) * 1000000000ull +
			        BPF_CORE_READ(ino, i_ctime_nsec);
			mtime = (__u64)BPF_CORE_READ(ino, i_mtime_sec) * 1000000000ull +
			        BPF_CORE_READ(ino, i_mtime_nsec);
		}
	}
	push_u64(m, inum);
	push_u64(m, ctime);
	push_u64(m, mtime);
	push_u32(m, BPF_CORE_READ(t, cred, euid.val));
	if(exe) {
		push_path((__u64)BPF_CORE_READ(exe, f_path.dentry), (__u64)BPF_CORE_READ(exe, f_path.mnt));
	} else {
		push_empty(m);
	}
	push_u64(m, (__u64)pgid);
	push_u32(m, BPF_CORE_READ(t, cred, egid.val));
	return 0;
}

/*
 * The execve/execveat exit event. On success (`filename_kernel` is
 * bprm->filename) exe, args and env come from the new image's mm; on failure
 * from the user's argv and envp.
 */
static __always_inline void emit_execve(struct auxmap *m, __u16 event, __s64 ret,
                                        __u64 filename_kernel, __u64 filename_user,
                                        __u64 argv, __u64 envp) {
	__u32 nparams = event == PPME_SYSCALL_EXECVE_19_X ? 31 : 30;
	evt_begin(m, event, nparams);
	push_u64(m, (__u64)ret);
	if(filename_kernel) {
		push_exe_args(0);
	} else {
		push_exe_args_from_argv(argv);
	}
	push_ids_cwd();
	push_mem_comm();
	push_cgroups(m);
	if(filename_kernel) {
		push_env();
	} else {
		push_env_from_envp(envp);
	}
	push_exec_tail();
	if(nparams == 31) {
		if(filename_kernel) {
			push_kernel_str(m, filename_kernel, MAX_PATH);
		} else {
			push_user_str(m, filename_user, MAX_PATH);
		}
	}
	evt_submit(m);
}

/* ----------------------------------------------------------------------- */
/* Programs                                                                */
/* ----------------------------------------------------------------------- */

static __always_inline bool in_compat_syscall(void) {
#if defined(__TARGET_ARCH_x86)
	struct task_struct *t = current_task();
	__u32 status = BPF_CORE_READ(t, thread_info.status);
	return (status & K_TS_COMPAT) != 0;
#else
	return false;
#endif
}

static __always_inline bool is_interesting(__u32 id) {
	__u8 *on = bpf_map_lookup_elem(&interesting, &id);
	return on && *on;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret) {
	__u32 id = (__u32)regs->orig_ax;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	if(in_compat_syscall()) {
		return 0;
	}
	if(!is_interesting(id)) {
		return 0;
	}
	struct capture_settings *s = settings_get();
	if(s && (s->flags & SETTING_DROP_FAILED) && ret < 0) {
		return 0;
	}
	__u64 *count = bpf_map_lookup_elem(&syscall_counts, &id);
	if(count) {
		*count += 1;
	}
	bpf_tail_call(ctx, &exit_tail, id);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(table_x, struct pt_regs *regs, long ret) {
	__u32 id = (__u32)regs->orig_ax;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	load_regs(m, regs, ret);
	emit_spec(m, spec);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(clone_x, struct pt_regs *regs, long ret) {
	__u32 id = (__u32)regs->orig_ax;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	load_regs(m, regs, ret);
	/* spec->params[0].kind says where the clone flags are: 0 none (fork,
	 * vfork), 1 the first argument (clone), 2 a struct clone_args (clone3). */
	__u64 flags = 0;
	__u8 how = spec->params[0].kind;
	if(how == 1) {
		flags = m->args[0];
	} else if(how == 2 && m->args[0]) {
		bpf_probe_read_user(&flags, sizeof(flags), (void *)m->args[0]);
	}
	evt_begin(m, spec->event, 21);
	push_u64(m, (__u64)ret);
	push_exe_args(ret < 0);
	push_ids_cwd();
	push_mem_comm();
	push_cgroups(m);
	push_clone_tail(flags, ret);
	evt_submit(m);
	return 0;
}

/* execve/execveat from sys_exit: only failures (success comes from sched_process_exec). */
SEC("tp_btf/sys_exit")
int BPF_PROG(execve_x, struct pt_regs *regs, long ret) {
	if(ret == 0) {
		return 0;
	}
	__u32 id = (__u32)regs->orig_ax;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	load_regs(m, regs, ret);
	/* execve(path, argv, envp); execveat(dirfd, path, argv, envp, flags) */
	if(spec->event == PPME_SYSCALL_EXECVE_19_X) {
		emit_execve(m, PPME_SYSCALL_EXECVE_19_X, ret, 0, m->args[0], m->args[1], m->args[2]);
	} else {
		emit_execve(m, PPME_SYSCALL_EXECVEAT_X, ret, 0, 0, m->args[2], m->args[3]);
	}
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_proc_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm) {
	if(!is_interesting(59) && !is_interesting(322)) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u64 filename = (__u64)BPF_CORE_READ(bprm, filename);
	emit_execve(m, PPME_SYSCALL_EXECVE_19_X, 0, filename, 0, 0, 0);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_proc_exit, struct task_struct *task) {
	struct capture_settings *s = settings_get();
	if(!s || !(s->flags & SETTING_PROCEXIT)) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__s32 code = BPF_CORE_READ(task, exit_code);
	evt_begin(m, PPME_PROCEXIT_1_E, 5);
	push_u64(m, (__u64)(__s64)code);
	push_u64(m, (__u64)(__s64)((code >> 8) & 0xff));
	__u8 sig = 0;
	if((code & 0x7f) != 0 && (code & 0x7f) != 0x7f) {
		sig = code & 0x7f;
	}
	push_u8(m, sig);
	push_u8(m, (code & 0x80) ? 1 : 0);
	/* reaper: 0 without children, else another live thread of the group
	 * (its leader) or init. */
	__s64 reaper = 0;
	struct list_head *head = &task->children;
	struct list_head *next = BPF_CORE_READ(head, next);
	if(next != head) {
		__s32 live = BPF_CORE_READ(task, signal, live.counter);
		struct task_struct *leader = BPF_CORE_READ(task, group_leader);
		if(live > 0 && leader != task) {
			reaper = BPF_CORE_READ(leader, pid);
		} else {
			reaper = 1;
		}
	}
	push_u64(m, (__u64)reaper);
	evt_submit(m);
	return 0;
}

/* TOCTOU enter events. */
static __always_inline int toctou_enter(struct trace_event_raw_sys_enter *ctx, const int nargs) {
	__u32 id = (__u32)ctx->id;
	if(id >= SYSCALL_TABLE_SIZE || in_compat_syscall() || !is_interesting(id)) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&enter_specs, &id);
	if(!spec || spec->event == 0) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	/* Constant offsets (the verifier refuses a moved ctx pointer), and only
	 * the arguments this tracepoint's record has: attaching checks that the
	 * program reads no further. */
	m->args[0] = nargs > 0 ? ctx->args[0] : 0;
	m->args[1] = nargs > 1 ? ctx->args[1] : 0;
	m->args[2] = nargs > 2 ? ctx->args[2] : 0;
	m->args[3] = nargs > 3 ? ctx->args[3] : 0;
	m->args[4] = 0;
	m->args[5] = 0;
	m->ret = -1;
	emit_spec(m, spec);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_open")
int open_e(struct trace_event_raw_sys_enter *ctx) {
	return toctou_enter(ctx, 3);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_e(struct trace_event_raw_sys_enter *ctx) {
	return toctou_enter(ctx, 4);
}

SEC("tracepoint/syscalls/sys_enter_openat2")
int openat2_e(struct trace_event_raw_sys_enter *ctx) {
	return toctou_enter(ctx, 4);
}

SEC("tracepoint/syscalls/sys_enter_creat")
int creat_e(struct trace_event_raw_sys_enter *ctx) {
	return toctou_enter(ctx, 2);
}

SEC("tracepoint/syscalls/sys_enter_connect")
int connect_e(struct trace_event_raw_sys_enter *ctx) {
	return toctou_enter(ctx, 3);
}

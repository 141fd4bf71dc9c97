/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Constants, maps, and the event builder: a per-CPU scratch buffer where an event is laid out in Falco's format (header, u16 lengths, parameters), then copied to this CPU's ring buffer.
 *
 * Part of the probe's single compilation unit: included by probe.bpf.c only.
 */
#ifndef FALCO_BUILDER_H
#define FALCO_BUILDER_H

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
#define PPM_FD_UPPER_LAYER (1 << 15)
#define PPM_FD_LOWER_LAYER (1 << 16)
#define PPM_FD_UPPER_LAYER_CREAT (1 << 0)
#define PPM_FD_LOWER_LAYER_CREAT (1 << 1)
#define PPM_EXE_UPPER_LAYER (1 << 1)
#define PPM_EXE_LOWER_LAYER (1 << 3)
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
#define PPME_SCHEDSWITCH_6_E 152
#define PPME_SIGNALDELIVER_E 232
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
	__u32 sc_id;        /* x86_64 syscall number (ia32 ones translated), set by sys_exit */
	__u32 compat;       /* the syscall came through the ia32 ABI */
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

/* ia32 syscall number -> x86_64 number + 1 (0: not covered). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} ia32_to_64 SEC(".maps");

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

/* The rules' path prefixes (see probe.h); empty unless prefilters are on. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, struct prefilter_key);
	__type(value, __u32);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, PREFILTER_MAX_ENTRIES);
} prefilter_paths SEC(".maps");

/* Native syscall number -> 0 (no prefilter), or the index of its path
 * argument + 1 in bits 0-7 and its slot bit (a mask bit of the
 * `prefilter_paths` values) in bits 8-31. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
} prefilter_syscalls SEC(".maps");

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


#endif /* FALCO_BUILDER_H */

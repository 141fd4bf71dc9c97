/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Process information for the clone and execve events.
 *
 * Part of the probe's single compilation unit: included by probe.bpf.c only.
 */
#ifndef FALCO_PROCESS_H
#define FALCO_PROCESS_H

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
	__u64 argv;     /* user pointer to the array */
	__u32 first;    /* index of the first string to copy */
	__u32 limit;    /* bytes allowed in all */
	__u32 total;    /* bytes copied */
	__u32 ptr_size; /* 8, or 4 for an ia32 caller */
};

static long argv_step(__u64 i, void *arg) {
	struct argv_walk *w = arg;
	struct auxmap *m = aux_get();
	if(!m || w->total >= w->limit) {
		return 1;
	}
	__u64 ptr = 0;
	__u32 size = w->ptr_size == 4 ? 4 : 8;
	if(bpf_probe_read_user(&ptr, size, (void *)(w->argv + (w->first + i) * size)) != 0 || !ptr) {
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
	__u32 ptr_size = m->compat ? 4 : 8;
	if(!argv || bpf_probe_read_user(&exe, ptr_size, (void *)argv) != 0 || !exe) {
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
	struct argv_walk w = {
	        .argv = argv, .first = 1, .limit = MAX_PROC_ARG_ENV - exe_len, .ptr_size = ptr_size};
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
	struct argv_walk w = {
	        .argv = envp, .first = 0, .limit = MAX_PROC_ARG_ENV, .ptr_size = m->compat ? 4 : 8};
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

/* Pushes vm_size, vm_rss and vm_swap (KiB) of `mm` (0s without an mm). */
static __always_inline void push_vm(struct auxmap *m, struct mm_struct *mm) {
	__u32 vm_size = 0, vm_rss = 0, vm_swap = 0;
	if(mm) {
		__s64 file = 0, anon = 0, swap = 0, shmem = 0;
		vm_size = BPF_CORE_READ(mm, total_vm) << (K_PAGE_SHIFT - 10);
		/* rss_stat[]: MM_FILEPAGES 0, MM_ANONPAGES 1, MM_SWAPENTS 2, MM_SHMEMPAGES 3;
		 * percpu counters since 6.2, atomics in a struct before. */
		if(bpf_core_type_exists(struct mm_rss_stat)) {
			struct mm_struct___pre_6_2 *old = (void *)mm;
			BPF_CORE_READ_INTO(&file, old, rss_stat.count[0].counter);
			BPF_CORE_READ_INTO(&anon, old, rss_stat.count[1].counter);
			BPF_CORE_READ_INTO(&swap, old, rss_stat.count[2].counter);
			BPF_CORE_READ_INTO(&shmem, old, rss_stat.count[3].counter);
		} else {
			BPF_CORE_READ_INTO(&file, mm, rss_stat[0].count);
			BPF_CORE_READ_INTO(&anon, mm, rss_stat[1].count);
			BPF_CORE_READ_INTO(&swap, mm, rss_stat[2].count);
			BPF_CORE_READ_INTO(&shmem, mm, rss_stat[3].count);
		}
		__s64 rss = file + anon + shmem;
		vm_rss = rss > 0 ? (__u32)(rss << (K_PAGE_SHIFT - 10)) : 0;
		vm_swap = swap > 0 ? (__u32)(swap << (K_PAGE_SHIFT - 10)) : 0;
	}
	push_u32(m, vm_size);
	push_u32(m, vm_rss);
	push_u32(m, vm_swap);
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
	push_vm(m, BPF_CORE_READ(t, mm));
	push_kernel_str(m, (__u64)&t->comm, TASK_COMM_LEN);
	return 0;
}

/* The page faults and memory of `t` (sched_switch's parameters 2..6). */
static __always_inline void push_task_faults_vm(struct auxmap *m, struct task_struct *t) {
	push_u64(m, BPF_CORE_READ(t, maj_flt));
	push_u64(m, BPF_CORE_READ(t, min_flt));
	push_vm(m, BPF_CORE_READ(t, mm));
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
		struct kernfs_node *parent = kernfs_parent(kn);
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
	__u64 caps = read_caps(BPF_CORE_READ(t, cred), CAPS_EFFECTIVE);
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
	/* flags: PPM_EXE_WRITABLE, PPM_EXE_FROM_MEMFD, PPM_EXE_UPPER/LOWER_LAYER */
	__u32 exe_flags = 0;
	if(ino && exe_writable(t, ino)) {
		exe_flags |= PPM_EXE_WRITABLE;
	}
	if(exe && exe_from_memfd(exe)) {
		exe_flags |= PPM_EXE_FROM_MEMFD;
	}
	int layer = overlay_layer(exe);
	if(layer == OVERLAY_UPPER) {
		exe_flags |= PPM_EXE_UPPER_LAYER;
	} else if(layer == OVERLAY_LOWER) {
		exe_flags |= PPM_EXE_LOWER_LAYER;
	}
	push_u32(m, exe_flags);
	struct cred *cred = BPF_CORE_READ(t, cred);
	push_u64(m, read_caps(cred, CAPS_INHERITABLE));
	push_u64(m, read_caps(cred, CAPS_PERMITTED));
	push_u64(m, read_caps(cred, CAPS_EFFECTIVE));
	__u64 ctime = 0, mtime = 0, inum = 0;
	if(ino) {
		inum = BPF_CORE_READ(ino, i_ino);
		if(bpf_core_field_exists(ino->i_ctime_sec)) {
			ctime = (__u64)BPF_CORE_READ(ino, i_ctime_sec) * 1000000000ull +
			        BPF_CORE_READ(ino, i_ctime_nsec);
			mtime = (__u64)BPF_CORE_READ(ino, i_mtime_sec) * 1000000000ull +
			        BPF_CORE_READ(ino, i_mtime_nsec);
		} else {
			/* 6.6 to 6.10: timespec64 fields (mtime renamed __i_mtime in 6.7) */
			struct inode___pre_6_11 *old = (void *)ino;
			if(bpf_core_field_exists(old->__i_ctime)) {
				ctime = (__u64)BPF_CORE_READ(old, __i_ctime.tv_sec) * 1000000000ull +
				        BPF_CORE_READ(old, __i_ctime.tv_nsec);
			}
			if(bpf_core_field_exists(old->__i_mtime)) {
				mtime = (__u64)BPF_CORE_READ(old, __i_mtime.tv_sec) * 1000000000ull +
				        BPF_CORE_READ(old, __i_mtime.tv_nsec);
			} else if(bpf_core_field_exists(old->i_mtime)) {
				mtime = (__u64)BPF_CORE_READ(old, i_mtime.tv_sec) * 1000000000ull +
				        BPF_CORE_READ(old, i_mtime.tv_nsec);
			}
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


#endif /* FALCO_PROCESS_H */

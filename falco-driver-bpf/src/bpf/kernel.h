/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading kernel state (fd table, sockets) and converting kernel flags to Falco's PPM_* encodings.
 *
 * Part of the probe's single compilation unit: included by probe.bpf.c only.
 */
#ifndef FALCO_KERNEL_H
#define FALCO_KERNEL_H

/* ----------------------------------------------------------------------- */
/* Reading kernel state                                                    */
/* ----------------------------------------------------------------------- */

/*
 * CO-RE flavors: older kernels' layouts of fields that were renamed or
 * retyped. libbpf matches `name___suffix` against the kernel's `name`.
 */
struct kernfs_node___pre_6_15 {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

struct kernel_cap_struct___pre_6_3 {
	__u32 cap[2];
} __attribute__((preserve_access_index));

struct cred___pre_6_3 {
	struct kernel_cap_struct___pre_6_3 cap_inheritable;
	struct kernel_cap_struct___pre_6_3 cap_permitted;
	struct kernel_cap_struct___pre_6_3 cap_effective;
} __attribute__((preserve_access_index));

struct inode___pre_6_11 {
	struct timespec64 __i_ctime;
	struct timespec64 __i_mtime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

/* Gone since 6.2 (vmlinux.h here lacks it); declared so its existence can be probed. */
struct mm_rss_stat {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_rss_stat___pre_6_2 {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___pre_6_2 {
	struct mm_rss_stat___pre_6_2 rss_stat;
} __attribute__((preserve_access_index));

/* Which capability set of a cred. */
#define CAPS_INHERITABLE 0
#define CAPS_PERMITTED 1
#define CAPS_EFFECTIVE 2

/* A capability set as a u64 (kernel_cap_t is a u64 since 6.3, u32[2] before). */
static __always_inline __u64 read_caps(struct cred *cred, int which) {
	if(bpf_core_field_exists(cred->cap_effective.val)) {
		switch(which) {
		case CAPS_INHERITABLE: return BPF_CORE_READ(cred, cap_inheritable.val);
		case CAPS_PERMITTED: return BPF_CORE_READ(cred, cap_permitted.val);
		default: return BPF_CORE_READ(cred, cap_effective.val);
		}
	}
	struct cred___pre_6_3 *old = (void *)cred;
	__u32 lo = 0, hi = 0;
	switch(which) {
	case CAPS_INHERITABLE:
		lo = BPF_CORE_READ(old, cap_inheritable.cap[0]);
		hi = BPF_CORE_READ(old, cap_inheritable.cap[1]);
		break;
	case CAPS_PERMITTED:
		lo = BPF_CORE_READ(old, cap_permitted.cap[0]);
		hi = BPF_CORE_READ(old, cap_permitted.cap[1]);
		break;
	default:
		lo = BPF_CORE_READ(old, cap_effective.cap[0]);
		hi = BPF_CORE_READ(old, cap_effective.cap[1]);
		break;
	}
	return ((__u64)hi << 32) | lo;
}

/* The parent of a kernfs node (`__parent` since 6.15, `parent` before). */
static __always_inline struct kernfs_node *kernfs_parent(struct kernfs_node *kn) {
	if(bpf_core_field_exists(kn->__parent)) {
		return BPF_CORE_READ(kn, __parent);
	}
	struct kernfs_node___pre_6_15 *old = (void *)kn;
	return BPF_CORE_READ(old, parent);
}

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

/* Which overlayfs layer a file comes from. */
#define OVERLAY_NONE 0
#define OVERLAY_LOWER 1
#define OVERLAY_UPPER 2
#define K_OVERLAYFS_SUPER_MAGIC 0x794c7630

/*
 * An overlayfs inode (`struct ovl_inode`) embeds the VFS inode, directly
 * followed by the upper dentry pointer: a file whose upper dentry has an
 * inode lives in the upper (container) layer, otherwise in a lower one.
 * The inode size comes from the running kernel's BTF.
 */
static __always_inline int overlay_layer(struct file *f) {
	if(!f) {
		return OVERLAY_NONE;
	}
	struct dentry *d = BPF_CORE_READ(f, f_path.dentry);
	unsigned long magic = BPF_CORE_READ(d, d_sb, s_magic);
	if(magic != K_OVERLAYFS_SUPER_MAGIC) {
		return OVERLAY_NONE;
	}
	char *vfs_inode = (char *)BPF_CORE_READ(d, d_inode);
	unsigned long inode_size = bpf_core_type_size(struct inode);
	struct dentry *upper = NULL;
	if(!vfs_inode || !inode_size ||
	   bpf_probe_read_kernel(&upper, sizeof(upper), vfs_inode + inode_size) != 0 || !upper) {
		return OVERLAY_LOWER;
	}
	return BPF_CORE_READ(upper, d_inode, i_ino) != 0 ? OVERLAY_UPPER : OVERLAY_LOWER;
}

/* PPM_FD_UPPER_LAYER / PPM_FD_LOWER_LAYER open-flag bits of a file. */
static __always_inline __u32 overlay_open_flags(struct file *f) {
	switch(overlay_layer(f)) {
	case OVERLAY_UPPER: return PPM_FD_UPPER_LAYER;
	case OVERLAY_LOWER: return PPM_FD_LOWER_LAYER;
	default: return 0;
	}
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


#endif /* FALCO_KERNEL_H */

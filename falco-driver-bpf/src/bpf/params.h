/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Composite parameters (paths, sockaddrs, socket tuples, msghdr data, ptrace) and the table-driven parameter writer.
 *
 * Part of the probe's single compilation unit: included by probe.bpf.c only.
 */
#ifndef FALCO_PARAMS_H
#define FALCO_PARAMS_H

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
	if(m->compat) {
		/* ia32 msghdr and iovec have 32-bit pointers: not decoded. */
		push_empty(m);
		return 0;
	}
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
		push_u32(m, open_flags_to_ppm((__u32)arg) | created_flag(ret_file(m)) |
		                overlay_open_flags(ret_file(m)));
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
			push_u32(m, open_flags_to_ppm((__u32)how[0]) | created_flag(ret_file(m)) |
			                overlay_open_flags(ret_file(m)));
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
	case PK_CREAT_FLAGS: {
		int layer = overlay_layer(ret_file(m));
		push_u16(m, layer == OVERLAY_UPPER   ? PPM_FD_UPPER_LAYER_CREAT
		            : layer == OVERLAY_LOWER ? PPM_FD_LOWER_LAYER_CREAT
		                                     : 0);
		break;
	}
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
		struct cred *cred = BPF_CORE_READ(current_task(), cred);
		int which = kind == PK_CAP_INH ? CAPS_INHERITABLE
		            : kind == PK_CAP_PERM ? CAPS_PERMITTED
		                                  : CAPS_EFFECTIVE;
		push_u64(m, read_caps(cred, which));
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
	case PK_ZERO_U32:
		push_u32(m, 0);
		break;
	case PK_ZERO_U8:
		push_u8(m, 0);
		break;
	case PK_NBCX_FLAGS16:
	case PK_NBCX_FLAGS8: {
		__u32 r = 0;
		if((__s32)arg >= 0) {
			if(arg & K_O_NONBLOCK) r |= PPM_O_NONBLOCK;
			if(arg & K_O_CLOEXEC) r |= PPM_O_CLOEXEC;
		}
		if(kind == PK_NBCX_FLAGS16) {
			push_u16(m, (__u16)r);
		} else {
			push_u8(m, (__u8)r);
		}
		break;
	}
	case PK_EPOLL_FLAGS:
		push_u32(m, (arg & K_O_CLOEXEC) ? 1 : 0);
		break;
	case PK_PIDFD_FLAGS:
		push_u32(m, (arg & K_O_NONBLOCK) ? 1 : 0);
		break;
	case PK_SP_SOURCE:
	case PK_SP_PEER: {
		__u64 v = 0;
		__s32 fds[2] = {-1, -1};
		if(ret == 0 && arg && bpf_probe_read_user(fds, sizeof(fds), (void *)arg) == 0) {
			struct sock *sk = file_sock(fd_file(fds[0]));
			if(sk) {
				v = kind == PK_SP_SOURCE ? (__u64)sk
				                         : (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
			}
		}
		push_u64(m, v);
		break;
	}
	case PK_IOURING_PARAM: {
		/* struct io_uring_params: sq_entries, cq_entries, flags,
		 * sq_thread_cpu, sq_thread_idle, features (u32 each, in order) */
		__u32 p[6] = {};
		if(arg) {
			bpf_probe_read_user(p, sizeof(p), (void *)arg);
		}
		__u32 field = (argsel >> 4) & 0x7;
		__u32 v = 0;
		switch(field) {
		case 0: v = p[0]; break;
		case 1: v = p[1]; break;
		case 2: {
			__u32 f = p[2];
			/* The driver tests IORING_SQ_NEED_WAKEUP (1) too, so IOPOLL sets both. */
			if(f & 1) v |= (1 << 0) | (1 << 2); /* IOPOLL, SQ_NEED_WAKEUP */
			if(f & 2) v |= 1 << 1;              /* SQPOLL */
			if(f & 4) v |= 1 << 3;              /* SQ_AFF */
			if(f & 8) v |= 1 << 4;              /* CQSIZE */
			if(f & 16) v |= 1 << 5;             /* CLAMP */
			if(f & 32) v |= 1 << 6;             /* ATTACH_WQ */
			if(f & 64) v |= 1 << 7;             /* R_DISABLED */
			break;
		}
		case 3: v = p[3]; break;
		case 4: v = p[4]; break;
		default: v = p[5] & 0x7ff; break; /* IORING_FEAT_* bits 0..10 map 1:1 */
		}
		push_u32(m, v);
		break;
	}
	case PK_U32_AS_U64:
		push_u64(m, (__u64)(__u32)arg);
		break;
	case PK_RET_PATH: {
		struct file *f = ret > 0 ? ret_file(m) : NULL;
		if(f) {
			push_path((__u64)BPF_CORE_READ(f, f_path.dentry), (__u64)BPF_CORE_READ(f, f_path.mnt));
		} else {
			push_empty(m);
		}
		break;
	}
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

/* The syscall arguments: x86_64 ABI, or the ia32 one (32-bit values). */
static __always_inline void load_regs(struct auxmap *m, struct pt_regs *regs, long ret) {
	if(m->compat) {
		m->args[0] = (__u32)regs->bx;
		m->args[1] = (__u32)regs->cx;
		m->args[2] = (__u32)regs->dx;
		m->args[3] = (__u32)regs->si;
		m->args[4] = (__u32)regs->di;
		m->args[5] = (__u32)regs->bp;
	} else {
		m->args[0] = regs->di;
		m->args[1] = regs->si;
		m->args[2] = regs->dx;
		m->args[3] = regs->r10;
		m->args[4] = regs->r8;
		m->args[5] = regs->r9;
	}
	m->ret = ret;
}


#endif /* FALCO_PARAMS_H */

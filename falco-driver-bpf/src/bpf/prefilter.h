/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * In-kernel prefilters pushed down from the rules: decides, before an
 * open-family exit event is built, whether no enabled rule can match it and
 * the host state has no use for it.
 *
 * Only failed syscalls are candidates: a successful open adds an fd to the
 * thread's fd table, which later events (close, dup, fcntl, the dirfd of a
 * relative openat, ...) read, so it always goes out; a failed one changes no
 * state. Such an event is left out when its path is absolute, in the
 * canonical form user space would also give it (no `//`, `/./`, `/../`, no
 * trailing `/`, no `../` anywhere, not truncated), and is under none of the prefixes the rules
 * of this syscall could match (`prefilter_paths`). Anything the probe cannot
 * decide on goes out.
 *
 * Part of the probe's single compilation unit: included by probe.bpf.c only.
 */
#ifndef FALCO_PREFILTER_H
#define FALCO_PREFILTER_H

/* State of the canonical-form scan, shared with the bpf_loop callback. */
struct canon_scan {
	__u32 len;    /* bytes of the path, without its NUL */
	__u32 canon;  /* 1 until a non-canonical sequence is seen */
};

/* One byte of the path: at a '/', looks at what follows it. */
static long canon_step(__u64 index, void *arg) {
	struct canon_scan *c = arg;
	struct auxmap *m = aux_get();
	if(!m || index >= c->len) {
		return 1;
	}
	__u8 *p = &m->data[SCRATCH_OFF + 4];
	__u32 i = index & (PREFILTER_PATH_MAX - 1);
	__u8 a = p[(i + 1) & (PREFILTER_PATH_MAX - 1)];
	__u8 b = p[(i + 2) & (PREFILTER_PATH_MAX - 1)];
	__u8 d = p[(i + 3) & (PREFILTER_PATH_MAX - 1)];
	/* "../" anywhere (a component ending in "..", such as "/a../b", too):
	 * the rules' directory-traversal checks look for it in the raw path. */
	if(p[i] == '.' && i + 2 < c->len && a == '.' && b == '/') {
		c->canon = 0;
		return 1;
	}
	if(p[i] != '/') {
		return 0;
	}
	if(i + 1 >= c->len) {
		/* A trailing '/' (the root "/" alone is canonical). */
		if(c->len > 1) {
			c->canon = 0;
		}
		return 1;
	}
	if(a == '/') {
		c->canon = 0;
		return 1;
	}
	if(a == '.') {
		/* "/." at the end, "/./", "/.." at the end, "/../" */
		if(i + 2 >= c->len || b == '/' || (b == '.' && (i + 3 >= c->len || d == '/'))) {
			c->canon = 0;
			return 1;
		}
	}
	return 0;
}

/*
 * True if the exit event of syscall `id` (already known to have failed)
 * should not be written. A global function: verified once.
 */
__noinline int prefilter_drops(__u32 id) {
	__u32 *cfg = bpf_map_lookup_elem(&prefilter_syscalls, &id);
	if(!cfg || *cfg == 0) {
		return 0;
	}
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u32 argn = (*cfg & 0xff) - 1;
	__u32 slot = *cfg >> 8;
	if(argn > 5) {
		return 0;
	}
	__u64 uptr = m->args[argn];
	if(!uptr) {
		return 0;
	}
	__u8 *key = &m->data[SCRATCH_OFF];
	long n = bpf_probe_read_user_str(key + 4, PREFILTER_PATH_MAX, (void *)uptr);
	/* Unreadable, empty, or perhaps cut short: user space decides. */
	if(n <= 1 || n >= PREFILTER_PATH_MAX) {
		return 0;
	}
	/* Relative paths depend on the cwd or the dirfd. */
	if(key[4] != '/') {
		return 0;
	}
	*(__u32 *)key = (__u32)n * 8; /* the NUL included: exact entries match */
	__u32 *mask = bpf_map_lookup_elem(&prefilter_paths, key);
	if(mask && (*mask & slot)) {
		return 0;
	}
	struct canon_scan c = {.len = (__u32)(n - 1), .canon = 1};
	bpf_loop(PREFILTER_PATH_MAX, canon_step, &c, 0);
	return c.canon;
}

#endif /* FALCO_PREFILTER_H */

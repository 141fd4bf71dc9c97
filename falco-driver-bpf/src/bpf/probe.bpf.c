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
 *
 * One compilation unit: this file holds the programs; builder.h (maps and
 * the event builder), kernel.h (kernel state, flag conversions), params.h
 * (composite and table-driven parameters) and process.h (clone/execve
 * process information) hold the rest. probe.h is shared with Rust.
 *
 * Helpers that read much state are global (non-inline) functions, so the
 * verifier checks each once; loops over paths, iovecs and argv use bpf_loop.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "probe.h"
#include "builder.h"
#include "kernel.h"
#include "params.h"
#include "process.h"
#include "prefilter.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* ----------------------------------------------------------------------- */
/* Programs                                                                */
/* ----------------------------------------------------------------------- */

static __always_inline bool in_compat_syscall(void) {
#if defined(__TARGET_ARCH_x86)
	/* A BTF pointer: a plain load, no helper call. */
	struct task_struct *t = bpf_get_current_task_btf();
	return (t->thread_info.status & K_TS_COMPAT) != 0;
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
	/* An ia32 syscall (a 32-bit program, or int 0x80) has its own numbers. */
	bool compat = in_compat_syscall();
	if(compat) {
		__u32 *x64 = bpf_map_lookup_elem(&ia32_to_64, &id);
		if(!x64 || *x64 == 0 || *x64 > SYSCALL_TABLE_SIZE) {
			return 0;
		}
		id = *x64 - 1;
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
	/* The event programs read the translated number and ABI from here. */
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	m->sc_id = id;
	m->compat = compat;
	bpf_tail_call(ctx, &exit_tail, id);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(table_x, struct pt_regs *regs, long ret) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u32 id = m->sc_id;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
		return 0;
	}
	load_regs(m, regs, ret);
	if(ret < 0 && prefilter_drops(id)) {
		struct probe_counters *c = counters_get();
		if(c) {
			c->n_prefiltered++;
		}
		return 0;
	}
	emit_spec(m, spec);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(clone_x, struct pt_regs *regs, long ret) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u32 id = m->sc_id;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
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
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	__u32 id = m->sc_id;
	if(id >= SYSCALL_TABLE_SIZE) {
		return 0;
	}
	struct event_spec *spec = bpf_map_lookup_elem(&exit_specs, &id);
	if(!spec || spec->event == 0) {
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

/* Context switches: attached only while "switch" is of interest. */
SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	evt_begin(m, PPME_SCHEDSWITCH_6_E, 6);
	push_u64(m, (__u64)(__s64)BPF_CORE_READ(next, pid));
	push_task_faults_vm(m, prev);
	evt_submit(m);
	return 0;
}

/* Signal deliveries: attached only while "signaldeliver" is of interest. */
SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka) {
	struct auxmap *m = aux_get();
	if(!m) {
		return 0;
	}
	/* The sender, for the signals whose siginfo names one (as the driver
	 * picks them); `_kill._pid`, `_sigchld._pid` and `_rt._pid` share one
	 * offset. */
	__s32 spid = 0;
	if(info) {
		__s32 code = BPF_CORE_READ(info, si_code);
		switch(sig) {
		case 9:  /* SIGKILL */
		case 17: /* SIGCHLD */
			spid = BPF_CORE_READ(info, _sifields._kill._pid);
			break;
		case 15: /* SIGTERM */
		case 1:  /* SIGHUP */
		case 2:  /* SIGINT */
		case 20: /* SIGTSTP */
		case 3:  /* SIGQUIT */
			if(code <= 0) { /* SI_USER, SI_QUEUE and other user sources */
				spid = BPF_CORE_READ(info, _sifields._kill._pid);
			}
			break;
		default:
			break;
		}
		if(sig >= 32 && sig <= 64) { /* SIGRTMIN..SIGRTMAX */
			spid = BPF_CORE_READ(info, _sifields._rt._pid);
		}
	}
	evt_begin(m, PPME_SIGNALDELIVER_E, 3);
	push_u64(m, (__u64)(__s64)spid);
	push_u64(m, bpf_get_current_pid_tgid() & 0xffffffff);
	push_u8(m, (__u8)sig);
	evt_submit(m);
	return 0;
}

/* TOCTOU enter events. */
static __always_inline int toctou_enter(struct trace_event_raw_sys_enter *ctx, const int nargs) {
	__u32 id = (__u32)ctx->id;
	if(id >= SYSCALL_TABLE_SIZE || !is_interesting(id) || in_compat_syscall()) {
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

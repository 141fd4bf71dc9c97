//! Falco's modern eBPF probe, in C (CO-RE) with a Rust loader and consumer.
//!
//! The probe writes each syscall event in Falco's own binary layout — the
//! 26-byte header (`ts u64, tid u64, len u32, type u16, nparams u32`), a u16
//! length per parameter, then the parameters — into BPF ring buffers, one per
//! group of CPUs. [`BpfProbe::next_event`] returns the oldest event across
//! the buffers, zero-copy, as bytes; the probe is also a `falco-events`
//! [`EventSource`](falco_events::EventSource) lending decoded
//! [`Event`](falco_events::Event)s. The event codes and parameter lists are Falco's
//! current exit-only schema (`falco-events`' table), with the enter events
//! Falco keeps for TOCTOU mitigation (open, openat, openat2, creat, connect).
//!
//! # Layout, as in Falco's modern probe
//!
//! - `src/bpf/probe.bpf.c`: one `tp_btf/sys_exit` dispatcher that tail-calls
//!   the program building each syscall's event; `tp_btf/sched_process_exec`
//!   for successful execve/execveat; `tp_btf/sched_process_exit` for
//!   procexit; `tp_btf/sched_switch` and `tp_btf/signal_deliver` on demand;
//!   `tracepoint/syscalls/sys_enter_*` for the TOCTOU enter events. Most
//!   events are *data*: a table in `src/syscalls.rs` says, per syscall, how
//!   each parameter is produced, and one BPF program follows that table.
//!   `builder.h`, `kernel.h`, `params.h` and `process.h` beside it hold the
//!   event builder and the parameter writers (one compilation unit).
//! - `src/bpf/probe.h`: the structs and constants both sides read.
//! - `src/bpf/vmlinux.h`: kernel types for CO-RE. **It is committed**, not
//!   generated at build time: it was produced with
//!   `bpftool btf dump file /sys/kernel/btf/vmlinux format c` (kernel 6.18,
//!   x86_64). Committing it keeps the build independent of bpftool and of the
//!   kernel the build runs on (CO-RE relocates field offsets at load time);
//!   it is generated data.
//!
//! # Coverage
//!
//! Exit events for: execve, execveat (successes from `sched_process_exec`,
//! failures from `sys_exit`), clone, clone3, fork, vfork (in the parent and,
//! from the child's own `sys_exit`, in the child), open, openat, openat2,
//! creat, close, dup, dup2, dup3, fcntl, pipe, pipe2, socket, connect,
//! accept, accept4, bind, listen, sendto, recvfrom, sendmsg, recvmsg, setuid,
//! setgid, setreuid, setregid, setresuid, setresgid, capset, ptrace, mount,
//! umount2, unlink, unlinkat, rename, renameat, renameat2, mkdir, mkdirat,
//! rmdir, chmod, fchmod, fchmodat, symlink, symlinkat, link, linkat, chdir,
//! fchdir, memfd_create, bpf, init_module, finit_module, userfaultfd, prctl,
//! setns, unshare, kill, tkill, tgkill, socketpair, eventfd, eventfd2,
//! inotify_init, inotify_init1, signalfd, signalfd4, timerfd_create,
//! epoll_create, epoll_create1, pidfd_open, io_uring_setup, open_by_handle_at,
//! chroot, setsid,
//! setpgid; procexit (`sched_process_exit`); switch (`sched_switch`) and
//! signaldeliver (`signal_deliver`), attached only while asked for; the
//! enter events of open, openat, openat2, creat and connect.
//! [`covered_syscalls`] lists them.
//!
//! # Where the events differ from Falco's driver
//!
//! - execve and clone carry `cwd` (Falco's modern probe leaves it empty and
//!   lets userspace fill it).
//! - execve `flags`: the `PPM_EXE_WRITABLE` check skips POSIX ACLs,
//!   supplementary groups and user-namespace mapping (as far as Falco's does,
//!   less the groups and mapping). The overlayfs bits of execve and open
//!   events are computed as the driver does.
//! - procexit `reaper_tid` is approximate: 0 without children, else the
//!   group leader when other threads live on, else 1.
//! - ia32 syscalls (32-bit programs, `int 0x80`) produce their exit events
//!   through a translation table, but no enter events (Falco uses kprobes
//!   for those), no `socketcall`, and their msghdr data is left empty.
//! - No dynamic snaplen (larger captures for chosen ports), no sampling
//!   (dropping mode), no page-fault events, no BPF iterators (initial state
//!   comes from /proc).
//! - `init_module` `img` keeps at most 4 KiB, iovec data at most the snaplen
//!   from at most 32 iovecs, msg_control at most 4 KiB.
//!
//! # What never reaches user space
//!
//! - Syscalls no rule and no state needs: the `sys_exit` dispatcher reads
//!   the `interesting` table (set from the rules' event types and the host
//!   state's, [`BpfProbe::set_interesting`]) and returns before any event
//!   is built; `sched_switch` and `signal_deliver` are not even attached
//!   unless asked for.
//! - The TOCTOU enter events with [`ProbeConfig::enter_events`] off (the
//!   daemon's choice unless it writes captures): neither the host state nor
//!   the rules read them, and their five programs are then not loaded.
//! - Failed open-family calls that no rule can match, with a [`Prefilter`]
//!   pushed down from the rules ([`BpfProbe::set_prefilter`]; the
//!   [`prefilter`] module says what is derived and why only failed calls).
//!
//! # Requirements
//!
//! x86_64; a kernel with BTF (`/sys/kernel/btf/vmlinux`), BPF ring buffers
//! and `bpf_loop` (5.17+; Falco's probe needs 5.8 because it unrolls its
//! loops instead); root or CAP_BPF + CAP_PERFMON. [`BpfProbe::open`] says
//! which is missing. The enter events need tracefs; the probe mounts it at
//! `/sys/kernel/tracing` when nothing is there. Tested live on 6.18 only;
//! CO-RE flavors cover the field renames of 6.2, 6.3, 6.11 and 6.15.
//!
//! # Costs
//!
//! Measured on a 2-vCPU x86_64 VM (kernel 6.18, shared with other builds,
//! so runs vary) with the `syscall_storm` bench, which also reads the
//! kernel's BPF statistics ([`BpfStats`], [`BpfProbe::program_stats`]):
//!
//! - a syscall no rule and no state needs (`stat`) leaves the dispatcher at
//!   once: 82 ns per run by the kernel's statistics (which add two clock
//!   reads per run themselves); the 2M-`stat` storm runs as fast with the
//!   probe as without, within the noise of the VM (−72 to +24 ns per call);
//! - an `openat` or `close` exit event: 735 ns per run on average over the
//!   two (openat reads the path, the file's device, inode, creation and
//!   overlay flags; close only its fd);
//! - the TOCTOU `openat` enter event: 513 ns per run, which is why the daemon
//!   turns enter events off;
//! - the storm of 1M `open` + `close` with the probe set up as the daemon
//!   sets it up (stable rules, prefilter, no enter events) and the stable
//!   rules evaluated on the other core: 1.64× bare (+1.5 µs per pair), no
//!   drops; with the probe as Falco's (enter events): 2.08× (+2.5 µs).
//!
//! Loading the probe takes about 0.55 s here, nearly all of it the kernel's
//! verifier (0.72 s with the enter programs).
//!
//! ```no_run
//! use std::time::Duration;
//! use falco_driver_bpf::{BpfProbe, ProbeConfig};
//! use falco_events::Event;
//!
//! let mut probe = BpfProbe::open(ProbeConfig::default())?;
//! probe.set_interesting(["openat", "execve"])?;
//! if let Some(bytes) = probe.next_event_timeout(Duration::from_secs(1)) {
//!     let event = Event::parse(bytes).expect("the probe writes well-formed events");
//!     println!("{} tid {} with {} params", event.name(), event.tid(), event.nparams());
//! }
//! println!("{:?}", probe.stats()?);
//! # Ok::<(), falco_driver_bpf::ProbeError>(())
//! ```
#![deny(missing_docs)]

mod error;
pub mod prefilter;
mod probe;
mod ring;
mod source;
mod syscalls;

#[allow(
    clippy::all,
    missing_docs,
    dead_code,
    unused_imports,
    non_camel_case_types
)]
mod skel {
    include!(concat!(env!("OUT_DIR"), "/probe.skel.rs"));
}

pub use error::ProbeError;
pub use prefilter::{PathSet, Prefilter};
pub use probe::{
    BpfProbe, BpfStats, PrefilterHandle, ProbeConfig, ProbeStats, ProgramStats, ProgramStatsReader,
    BUF_SIZE_PRESETS,
};
pub use syscalls::{covered_syscalls, state_syscalls, syscall_number};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

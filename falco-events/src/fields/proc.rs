//! `proc.*` and `thread.*` (one libs class, "process", in libs' order):
//! the thread of the event, its process, its ancestors and its session.

use super::prelude::*;

/// libs' "process" class: `proc.*` and `thread.*`.
#[rustfmt::skip]
pub(super) const PROCESS: &[FieldInfo] = &[
    f("proc.exe", Str, "argv[0] of the process: usually the program name, but whatever the caller chose.").thread(|_, t, _, o| { o.push_str(&t.exe); true }),
    f("proc.pexe", Str, "proc.exe of the parent process.").thread(|c, t, _, o| parent(c, t, o, |p, o| o.push_str(&p.exe))),
    f("proc.aexe", Str, "proc.exe of an ancestor: proc.aexe[1] is the parent, [2] the grandparent, [0] the process itself. Without an index, a check holds if any ancestor matches.").arg(OPT_INDEX).attrs(ANCESTOR).thread(|c, t, f, o| ancestors(c, t, f, o, |a, o| o.push_str(&a.exe))),
    f("proc.exepath", Str, "The full path of the program file, symlinks resolved, as the kernel reports it.").thread(|_, t, _, o| { o.push_str(&t.exepath); true }),
    f("proc.pexepath", Str, "proc.exepath of the parent process.").thread(|c, t, _, o| parent(c, t, o, |p, o| o.push_str(&p.exepath))),
    f("proc.aexepath", Str, "proc.exepath of an ancestor, by index as for proc.aexe; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR).thread(|c, t, f, o| ancestors(c, t, f, o, |a, o| o.push_str(&a.exepath))),
    f("proc.name", Str, "The process name the kernel keeps (comm), at most 16 characters.").thread(|_, t, _, o| { o.push_str(&t.comm); true }),
    f("proc.pname", Str, "proc.name of the parent process.").thread(|c, t, _, o| parent(c, t, o, |p, o| o.push_str(&p.comm))),
    f("proc.aname", Str, "proc.name of an ancestor: proc.aname[1] is the parent, [2] the grandparent, [0] the process itself. Without an index, a check holds if any ancestor matches.").arg(OPT_INDEX).attrs(ANCESTOR).thread(|c, t, f, o| ancestors(c, t, f, o, |a, o| o.push_str(&a.comm))),
    f("proc.args", Str, "The command-line arguments after argv[0], joined by spaces (at most 4096 bytes); proc.args[N] is one argument.").arg(OPT_INDEX).thread(args),
    f("proc.aargs", Str, "proc.args of an ancestor by index (proc.aargs[1] is the parent's); without an index, the arguments of all ancestors joined.").arg(OPT_INDEX),
    f("proc.cmdline", Str, "proc.name followed by proc.args.").thread(|_, t, _, o| { push_cmdline(o, t); true }),
    f("proc.pcmdline", Str, "proc.cmdline of the parent process.").thread(|c, t, _, o| parent(c, t, o, push_cmdline_of)),
    f("proc.acmdline", Str, "proc.cmdline of an ancestor, by index as for proc.aname; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR).thread(|c, t, f, o| ancestors(c, t, f, o, push_cmdline_of)),
    f("proc.cmdnargs", Uint64, "How many command-line arguments proc.args holds.").thread(|_, t, _, o| { o.push_uint(t.args.len() as u64); true }),
    f("proc.cmdlenargs", Uint64, "The total length of the command-line arguments, separators excluded.").thread(|_, t, _, o| { o.push_uint(t.args.iter().map(|a| a.len() as u64).sum()); true }),
    f("proc.exeline", Str, "proc.exe followed by proc.args.").thread(exeline),
    f("proc.env", Str, "The environment as NAME=value pairs joined by spaces; proc.env[NAME] is the value of one variable.").arg(OPT_INDEX_OR_KEY).thread(env),
    f("proc.aenv", Str, "Environment of the ancestors: proc.aenv[NAME] is the first value of NAME found walking up from the parent; without a name, a check holds if any ancestor's environment matches.").arg(OPT_INDEX_OR_KEY).attrs(ANCESTOR).thread(aenv),
    f("proc.cwd", Str, "The current working directory of the process.").thread(|c, t, _, o| { o.push_str(c.state.cwd(t)); true }),
    f("proc.loginshellid", Int64, "The pid of the eldest shell among the ancestors, if any; tells login sessions apart.").thread(loginshellid),
    f("proc.tty", Uint32, "The controlling terminal, 0 when there is none.").thread(|_, t, _, o| { o.push_uint(u64::from(t.tty)); true }),
    f("proc.pid", Int64, "The process id (thread-group id) on the host.").thread(|_, t, _, o| { o.push_int(t.pid); true }),
    f("proc.ppid", Int64, "The parent's process id on the host.").thread(|c, t, _, o| parent(c, t, o, |p, o| o.push_int(p.pid))),
    f("proc.apid", Int64, "The pid of an ancestor, by index as for proc.aname; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR).thread(|c, t, f, o| ancestors(c, t, f, o, |a, o| o.push_int(a.pid))),
    f("proc.vpid", Int64, "The process id inside its own PID namespace.").thread(|_, t, _, o| { o.push_int(t.vpid); true }),
    f("proc.pvpid", Int64, "The parent's process id inside its PID namespace.").thread(|c, t, _, o| parent(c, t, o, |p, o| o.push_int(p.vpid))),
    f("proc.sid", Int64, "The session id.").thread(|_, t, _, o| { o.push_int(t.sid); true }),
    f("proc.sname", Str, "proc.name of the session leader (the process whose pid is proc.sid, or the eldest ancestor in the same session).").thread(|c, t, _, o| { o.push_str(&leader(c, t, sid).comm); true }),
    f("proc.sid.exe", Str, "proc.exe of the session leader.").thread(|c, t, _, o| { o.push_str(&leader(c, t, sid).exe); true }),
    f("proc.sid.exepath", Str, "proc.exepath of the session leader.").thread(|c, t, _, o| { o.push_str(&leader(c, t, sid).exepath); true }),
    f("proc.vpgid", Int64, "The process group id inside the process's PID namespace.").thread(|_, t, _, o| { o.push_int(t.vpgid); true }),
    f("proc.vpgid.name", Str, "proc.name of the leader of the process group proc.vpgid.").thread(|c, t, _, o| { o.push_str(&leader(c, t, vpgid).comm); true }),
    f("proc.vpgid.exe", Str, "proc.exe of the leader of the process group proc.vpgid.").thread(|c, t, _, o| { o.push_str(&leader(c, t, vpgid).exe); true }),
    f("proc.vpgid.exepath", Str, "proc.exepath of the leader of the process group proc.vpgid.").thread(|c, t, _, o| { o.push_str(&leader(c, t, vpgid).exepath); true }),
    f("proc.pgid", Int64, "The process group id on the host.").thread(|_, t, _, o| { o.push_int(t.pgid); true }),
    f("proc.pgid.name", Str, "proc.name of the leader of the process group proc.pgid."),
    f("proc.pgid.exe", Str, "proc.exe of the leader of the process group proc.pgid."),
    f("proc.pgid.exepath", Str, "proc.exepath of the leader of the process group proc.pgid."),
    f("proc.duration", Uint64, "Nanoseconds since the process started.").thread(|c, t, _, o| started(c.state.main_thread(t), o, |ts| c.event.ts().saturating_sub(ts))),
    f("proc.ppid.duration", Uint64, "Nanoseconds since the parent process started.").thread(|c, t, _, o| parent_started(c, t, o, |ts| c.event.ts().saturating_sub(ts))),
    f("proc.pid.ts", Uint64, "When the process started, in nanoseconds since the epoch.").thread(|c, t, _, o| started(c.state.main_thread(t), o, |ts| ts)),
    f("proc.ppid.ts", Uint64, "When the parent process started, in nanoseconds since the epoch.").thread(|c, t, _, o| parent_started(c, t, o, |ts| ts)),
    f("proc.is_exe_writable", Bool, "True if the user who started the process can write its program file.").thread(|c, t, _, o| { o.push_bool(c.state.main_thread(t).exe_writable); true }),
    f("proc.is_exe_upper_layer", Bool, "True if the program file lives in the upper (writable) layer of an overlay filesystem, i.e. it was added or changed in the container.").thread(|c, t, _, o| { o.push_bool(c.state.main_thread(t).exe_upper_layer); true }),
    f("proc.is_exe_lower_layer", Bool, "True if the program file lives in a lower (image) layer of an overlay filesystem.").thread(|c, t, _, o| { o.push_bool(c.state.main_thread(t).exe_lower_layer); true }),
    f("proc.is_exe_from_memfd", Bool, "True if the program runs from an anonymous memfd_create file rather than a file on disk.").thread(|c, t, _, o| { o.push_bool(c.state.main_thread(t).exe_from_memfd); true }),
    f("proc.is_sid_leader", Bool, "True if the process leads its session (proc.sid equals proc.vpid).").thread(|_, t, _, o| { o.push_bool(t.sid == t.vpid); true }),
    f("proc.is_vpgid_leader", Bool, "True if the process leads its process group (proc.vpgid equals proc.vpid).").thread(|_, t, _, o| { o.push_bool(t.vpgid == t.vpid); true }),
    f("proc.is_pgid_leader", Bool, "True if the process leads its process group on the host (proc.pgid equals proc.pid).").thread(|_, t, _, o| { o.push_bool(t.pgid == t.pid); true }),
    f("proc.exe_ino", Int64, "The inode number of the program file.").thread(|c, t, _, o| { o.push_int(c.state.main_thread(t).exe_ino as i64); true }),
    f("proc.exe_ino.ctime", Uint64, "The last status change time (ctime) of the program file, in nanoseconds since the epoch.").thread(|c, t, _, o| nonzero(o, c.state.main_thread(t).exe_ino_ctime)),
    f("proc.exe_ino.mtime", Uint64, "The last modification time (mtime) of the program file, in nanoseconds since the epoch.").thread(|c, t, _, o| nonzero(o, c.state.main_thread(t).exe_ino_mtime)),
    f("proc.exe_ino.ctime_duration_proc_start", Uint64, "Nanoseconds between the program file's ctime and the process start: small values mean a freshly dropped binary.").thread(ctime_duration_proc_start),
    f("proc.exe_ino.ctime_duration_pidns_start", Uint64, "Nanoseconds between the start of the PID namespace and the program file's ctime, when the namespace is older.").thread(ctime_duration_pidns_start),
    f("proc.pidns_init_start_ts", Uint64, "When the process's PID namespace (e.g. its container) started, in nanoseconds since the epoch.").thread(|c, t, _, o| { o.push_uint(c.state.main_thread(t).pidns_init_start_ts); true }),
    f("thread.cap_permitted", Str, "The thread's permitted capability set, as names such as CAP_SYS_ADMIN.").thread(|_, t, _, o| { o.push_str(&caps_text(t.cap_permitted)); true }),
    f("thread.cap_inheritable", Str, "The thread's inheritable capability set, as names.").thread(|_, t, _, o| { o.push_str(&caps_text(t.cap_inheritable)); true }),
    f("thread.cap_effective", Str, "The thread's effective capability set, as names.").thread(|_, t, _, o| { o.push_str(&caps_text(t.cap_effective)); true }),
    f("proc.fdopencount", Uint64, "How many file descriptors the process has open.").thread(|c, t, _, o| { o.push_uint(c.state.fd_table(t).map_or(0, |f| f.len() as u64)); true }),
    f("proc.fdlimit", Int64, "The most file descriptors the process may open.").thread(|c, t, _, o| { o.push_int(c.state.main_thread(t).fdlimit); true }),
    f("proc.vmsize", Uint64, "The process's total virtual memory, in KiB.").thread(vmsize),
    f("proc.vmrss", Uint64, "The process's resident (not swapped) memory, in KiB.").thread(vmrss),
    f("proc.vmswap", Uint64, "The process's swapped-out memory, in KiB.").thread(|c, t, _, o| { o.push_uint(u64::from(c.state.main_thread(t).vmswap_kb)); true }),
    f("thread.pfmajor", Uint64, "Major page faults since the thread started."),
    f("thread.pfminor", Uint64, "Minor page faults since the thread started."),
    f("thread.tid", Int64, "The thread id on the host.").thread(|_, t, _, o| { o.push_int(t.tid); true }),
    f("thread.ismain", Bool, "True if the thread is the main thread of its process.").thread(|_, t, _, o| { o.push_bool(t.is_main()); true }),
    f("thread.vtid", Int64, "The thread id inside its PID namespace.").thread(|_, t, _, o| { o.push_int(t.vtid); true }),
    f("thread.nametid", Str, "The process name and thread id joined, naming one thread of one program run.").attrs(TABLE_ONLY),
    f("thread.exectime", Uint64, "CPU nanoseconds the previously scheduled thread used; set on context-switch events only."),
    f("thread.totexectime", Uint64, "CPU nanoseconds the thread used since the capture began; set on context-switch events only."),
    f("thread.cgroups", Str, "Every cgroup of the thread, as subsystem=path pairs in one string.").thread(cgroups),
    f("thread.cgroup", Str, "The thread's cgroup for one subsystem, named after the dot: thread.cgroup.cpuacct.").arg(ArgKind::Suffix).thread(cgroup),
    f("proc.nthreads", Uint64, "How many live threads the process has, main thread included.").thread(|c, t, _, o| { o.push_uint(nthreads(c, t)); true }),
    f("proc.nchilds", Uint64, "How many live threads the process has besides its main thread.").thread(|c, t, _, o| { o.push_uint(nthreads(c, t).saturating_sub(1)); true }),
    f("thread.vmsize", Uint64, "For the main thread, the process's total virtual memory in KiB; 0 for other threads.").thread(vmsize),
    f("thread.vmrss", Uint64, "For the main thread, the process's resident memory in KiB; 0 for other threads.").thread(vmrss),
    f("thread.vmsize.b", Uint64, "thread.vmsize in bytes.").attrs(TABLE_ONLY),
    f("thread.vmrss.b", Uint64, "thread.vmrss in bytes.").attrs(TABLE_ONLY),
    f("proc.stdin.type", Str, "The type of the process's fd 0 (standard input), as fd.type names it.").thread(|c, t, _, o| std_fd(c, t, 0, o, |f, o| o.push_str(f.ty.name()))),
    f("proc.stdout.type", Str, "The type of the process's fd 1 (standard output).").thread(|c, t, _, o| std_fd(c, t, 1, o, |f, o| o.push_str(f.ty.name()))),
    f("proc.stderr.type", Str, "The type of the process's fd 2 (standard error).").thread(|c, t, _, o| std_fd(c, t, 2, o, |f, o| o.push_str(f.ty.name()))),
    f("proc.stdin.name", Str, "The name of the process's fd 0, as fd.name gives it.").thread(|c, t, _, o| std_fd(c, t, 0, o, |f, o| o.push_str(&f.name))),
    f("proc.stdout.name", Str, "The name of the process's fd 1.").thread(|c, t, _, o| std_fd(c, t, 1, o, |f, o| o.push_str(&f.name))),
    f("proc.stderr.name", Str, "The name of the process's fd 2.").thread(|c, t, _, o| std_fd(c, t, 2, o, |f, o| o.push_str(&f.name))),
];

/// Pushes a value of the parent process; unavailable without a parent.
fn parent(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    out: &mut Values,
    push: impl FnOnce(&ThreadInfo, &mut Values),
) -> bool {
    match c.state.parent(t) {
        Some(p) => {
            push(p, out);
            true
        }
        None => false,
    }
}

/// The ancestor fields: `[N]` selects one ancestor (0 is the process
/// itself); without an index, every ancestor, parent first (the rule
/// compiler matches any of them).
fn ancestors(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    field: &Field,
    out: &mut Values,
    push: impl Fn(&ThreadInfo, &mut Values),
) -> bool {
    match field.arg {
        FieldArg::Index(n) => {
            let Some(a) = usize::try_from(n).ok().and_then(|n| c.state.ancestor(t, n)) else {
                return false;
            };
            push(a, out);
            true
        }
        _ => {
            for a in c.state.ancestors(t) {
                push(a, out);
            }
            !out.is_empty()
        }
    }
}

/// `proc.name` followed by the arguments, pushed as one value, written in place (no allocation).
fn push_cmdline(out: &mut Values, t: &ThreadInfo) {
    out.push_with(|w| {
        w.push_bytes(t.comm.as_bytes());
        for a in &t.args {
            w.push_byte(b' ');
            w.push_bytes(a.as_bytes());
        }
    });
}

/// [`push_cmdline`] with the argument order of the ancestor walkers.
fn push_cmdline_of(t: &ThreadInfo, out: &mut Values) {
    push_cmdline(out, t);
}

/// `items` joined by single spaces, pushed as one value (no allocation).
fn push_joined(out: &mut Values, items: &[String]) {
    out.push_with(|w| {
        for (i, a) in items.iter().enumerate() {
            if i > 0 {
                w.push_byte(b' ');
            }
            w.push_bytes(a.as_bytes());
        }
    });
}

fn args(_: &EventContext<'_>, t: &ThreadInfo, field: &Field, out: &mut Values) -> bool {
    match field.arg {
        FieldArg::Index(n) => {
            let Some(a) = usize::try_from(n).ok().and_then(|n| t.args.get(n)) else {
                return false;
            };
            out.push_str(a);
        }
        _ => push_joined(out, &t.args),
    }
    true
}

/// exe, a space, then the arguments (libs keeps the space even without
/// arguments).
fn exeline(_: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    out.push_with(|w| {
        w.push_bytes(t.exe.as_bytes());
        w.push_byte(b' ');
        for (i, a) in t.args.iter().enumerate() {
            if i > 0 {
                w.push_byte(b' ');
            }
            w.push_bytes(a.as_bytes());
        }
    });
    true
}

fn env(c: &EventContext<'_>, t: &ThreadInfo, field: &Field, out: &mut Values) -> bool {
    let main = c.state.main_thread(t);
    match &field.arg {
        // A variable that is not set reads as empty, as in libs.
        FieldArg::Key(key) => out.push_str(main.env_var(key).unwrap_or("")),
        FieldArg::Index(i) => {
            let Some(v) = usize::try_from(*i).ok().and_then(|i| main.env.get(i)) else {
                return false;
            };
            out.push_str(v);
        }
        FieldArg::None => push_joined(out, &main.env),
    }
    true
}

fn aenv(c: &EventContext<'_>, t: &ThreadInfo, field: &Field, out: &mut Values) -> bool {
    match &field.arg {
        // The first ancestor (from the parent up) that sets it, or empty.
        FieldArg::Key(key) => {
            out.push_str(
                c.state
                    .ancestors(t)
                    .take(20)
                    .find_map(|a| a.env_var(key).filter(|v| !v.is_empty()))
                    .unwrap_or(""),
            );
            true
        }
        _ => {
            for a in c.state.ancestors(t) {
                push_joined(out, &a.env);
            }
            !out.is_empty()
        }
    }
}

/// The pid of the eldest shell among the process and its ancestors.
fn loginshellid(c: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    const SHELLS: [&str; 8] = ["bash", "sh", "zsh", "ksh", "csh", "tcsh", "fish", "dash"];
    let main = c.state.main_thread(t);
    let mut id = None;
    if SHELLS.contains(&main.comm.as_str()) {
        id = Some(main.pid);
    }
    for a in c.state.ancestors(t) {
        if SHELLS.contains(&a.comm.as_str()) {
            id = Some(a.pid);
        }
    }
    let Some(id) = id else {
        return false;
    };
    out.push_int(id);
    true
}

/// The leader of the thread's session (`key` = sid) or process group
/// (`key` = vpgid): the eldest ancestor that still shares the key, or the
/// process itself.
fn leader<'s>(
    c: &EventContext<'s>,
    t: &'s ThreadInfo,
    key: fn(&ThreadInfo) -> i64,
) -> &'s ThreadInfo {
    let mut leader = c.state.main_thread(t);
    for a in c.state.ancestors(t) {
        if key(a) != key(t) {
            break;
        }
        leader = a;
    }
    leader
}

/// The session key of [`leader`].
fn sid(t: &ThreadInfo) -> i64 {
    t.sid
}

/// The process-group key of [`leader`].
fn vpgid(t: &ThreadInfo) -> i64 {
    t.vpgid
}

/// Pushes `value(start)` for a process whose start time is known.
fn started(p: &ThreadInfo, out: &mut Values, value: impl FnOnce(u64) -> u64) -> bool {
    if p.clone_ts == 0 {
        return false;
    }
    out.push_uint(value(p.clone_ts));
    true
}

fn parent_started(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    out: &mut Values,
    value: impl FnOnce(u64) -> u64,
) -> bool {
    match c.state.parent(t) {
        Some(p) => started(p, out, value),
        None => false,
    }
}

/// Pushes a time that 0 marks as unknown.
fn nonzero(out: &mut Values, v: u64) -> bool {
    if v == 0 {
        return false;
    }
    out.push_uint(v);
    true
}

fn ctime_duration_proc_start(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    _: &Field,
    out: &mut Values,
) -> bool {
    let main = c.state.main_thread(t);
    if main.exe_ino_ctime == 0 || main.clone_ts == 0 {
        return false;
    }
    out.push_uint(main.clone_ts.saturating_sub(main.exe_ino_ctime));
    true
}

fn ctime_duration_pidns_start(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    _: &Field,
    out: &mut Values,
) -> bool {
    let main = c.state.main_thread(t);
    if main.exe_ino_ctime == 0 || main.pidns_init_start_ts == 0 {
        return false;
    }
    out.push_uint(main.exe_ino_ctime.saturating_sub(main.pidns_init_start_ts));
    true
}

fn vmsize(c: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    out.push_uint(u64::from(c.state.main_thread(t).vmsize_kb));
    true
}

fn vmrss(c: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    out.push_uint(u64::from(c.state.main_thread(t).vmrss_kb));
    true
}

fn cgroups(_: &EventContext<'_>, t: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    let s: Vec<String> = t.cgroups.iter().map(|(k, v)| format!("{k}={v}")).collect();
    out.push_str(&s.join(" "));
    true
}

fn cgroup(_: &EventContext<'_>, t: &ThreadInfo, field: &Field, out: &mut Values) -> bool {
    let FieldArg::Key(sub) = &field.arg else {
        return false;
    };
    let Some((_, p)) = t.cgroups.iter().find(|(k, _)| k == &**sub) else {
        return false;
    };
    out.push_str(p);
    true
}

/// How many threads the process of `t` has.
fn nthreads(c: &EventContext<'_>, t: &ThreadInfo) -> u64 {
    c.state.threads.values().filter(|o| o.pid == t.pid).count() as u64
}

/// Pushes a value of fd `n` (0, 1 or 2) of the thread.
fn std_fd(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    n: i64,
    out: &mut Values,
    push: impl FnOnce(&Fd, &mut Values),
) -> bool {
    match c.state.fd(t, n) {
        Some(f) => {
            push(f, out);
            true
        }
        None => false,
    }
}

/// Capability names by bit, as libs prints them.
static CAPS: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// A capability set as names, space separated.
fn caps_text(v: u64) -> String {
    let mut s = String::new();
    for (i, name) in CAPS.iter().enumerate() {
        if v & (1u64 << i) != 0 {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(name);
        }
    }
    s
}

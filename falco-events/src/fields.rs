//! The syscall field catalog: every field a rule can read from a syscall
//! event (`evt.*`, `proc.*`, `thread.*`, `fd.*`, `fdlist.*`, `fs.path.*`,
//! `user.*`, `group.*`, `container.*`, `k8s.*`, `util.*`), as a schema.
//!
//! This module says what fields exist, their types and what arguments they
//! take; it does not extract values. [`SyscallFields`] implements
//! [`FieldSchema`], so the rule compiler can check every field of a rules
//! file before any event arrives.
//!
//! # Where the fields come from
//!
//! Names, types and flags follow falcosecurity/libs (`sinsp_filtercheck_*.cpp`).
//! `container.*` and `k8s.*` (and three deprecated `proc.is_container_*`
//! fields) are not part of libs any more: Falco gets them from its
//! `container` plugin. We provide them built in, with the plugin's names,
//! types and argument rules, so the official rules load without a plugin.
//!
//! Left out on purpose: libs' four floating-point fields (`proc.fdusage`,
//! `thread.cpu`, `thread.cpu.user`, `thread.cpu.system`), because the rule
//! language here has no floating-point type.
//!
//! # Arguments
//!
//! A field argument is written `name[arg]`, or for a few fields as a dotted
//! suffix (`evt.arg.flags`, `evt.type.is.open`, `thread.cgroup.cpuacct`).
//! [`ArgKind`] says which form a field takes; [`SyscallFields::resolve`]
//! parses it into [`FieldArg::Index`] or [`FieldArg::Key`].

use falco_rules::{Field, FieldArg, FieldError, FieldFlags, FieldSchema, FieldType};

use crate::table;

/// What argument a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// No argument.
    None,
    /// A non-negative number in brackets: `proc.aname[2]`, `proc.args[0]`.
    Index {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// A key in brackets: `container.label[app]`.
    Key {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// A number or a key in brackets; a plain number (without leading zeros)
    /// is an index, anything else a key: `proc.env[HOME]`,
    /// `container.mount.dest[/var/run/docker.sock]`, `container.mount.dest[0]`.
    IndexOrKey {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// An event parameter: by name as a dotted suffix (`evt.arg.flags`,
    /// giving [`FieldArg::Key`]) or, if `by_index`, by position in brackets
    /// (`evt.arg[0]`, giving [`FieldArg::Index`]). The name must be the name
    /// of some parameter in the event table. Always required.
    EventParam {
        /// True if `[N]` is accepted as well as `.NAME`.
        by_index: bool,
    },
    /// An event type as a dotted suffix: `evt.type.is.open` (a name, giving
    /// [`FieldArg::Key`]) or `evt.type.is.3` (a code, giving
    /// [`FieldArg::Index`]). Always required.
    EventType,
    /// A word of letters and underscores as a dotted suffix:
    /// `thread.cgroup.cpuacct`. Always required.
    Suffix,
}

impl ArgKind {
    /// True if the field must be written with an argument.
    pub fn is_required(self) -> bool {
        match self {
            ArgKind::None => false,
            ArgKind::Index { required }
            | ArgKind::Key { required }
            | ArgKind::IndexOrKey { required } => required,
            ArgKind::EventParam { .. } | ArgKind::EventType | ArgKind::Suffix => true,
        }
    }

    /// True if the field accepts an argument at all.
    pub fn is_allowed(self) -> bool {
        self != ArgKind::None
    }
}

/// Attributes of a catalog entry. Most map to the rule compiler's
/// [`FieldFlags`]; a few only matter for listing the catalog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldAttrs(u16);

impl FieldAttrs {
    /// No attribute.
    pub const NONE: FieldAttrs = FieldAttrs(0);
    /// Cannot be the right-hand side of a comparison (libs `EPF_NO_RHS`).
    pub const NO_RHS: FieldAttrs = FieldAttrs(1);
    /// Cannot be wrapped in a transformer (libs `EPF_NO_TRANSFORMER`).
    pub const NO_TRANSFORMER: FieldAttrs = FieldAttrs(1 << 1);
    /// Usable in conditions only, not in outputs (libs `EPF_FILTER_ONLY`).
    pub const FILTER_ONLY: FieldAttrs = FieldAttrs(1 << 2);
    /// Usable in outputs only (libs `EPF_PRINT_ONLY`); not listed.
    pub const PRINT_ONLY: FieldAttrs = FieldAttrs(1 << 3);
    /// Deprecated (libs `EPF_DEPRECATED`): using it gives a warning.
    pub const DEPRECATED: FieldAttrs = FieldAttrs(1 << 4);
    /// Always "any of" semantics (client or server side): `fd.ip`, `fd.port`, ...
    pub const MATCH_ANY: FieldAttrs = FieldAttrs(1 << 5);
    /// "Any of" semantics over all ancestors when used without an index
    /// (`proc.aname`, `proc.apid`, ...).
    pub const ANCESTORS: FieldAttrs = FieldAttrs(1 << 6);
    /// Meant for tables, not listed by libs (libs `EPF_TABLE_ONLY`).
    pub const TABLE_ONLY: FieldAttrs = FieldAttrs(1 << 7);
    /// The type is that of the event parameter named in the argument
    /// (`evt.rawarg.NAME`); the catalog type is only a placeholder.
    pub const DYNAMIC_TYPE: FieldAttrs = FieldAttrs(1 << 8);

    /// The union of two sets.
    pub const fn with(self, other: FieldAttrs) -> FieldAttrs {
        FieldAttrs(self.0 | other.0)
    }

    /// True if every attribute of `other` is set in `self`.
    pub fn contains(self, other: FieldAttrs) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Who defines a field in Falco.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldSource {
    /// libsinsp's built-in field classes.
    Libs,
    /// Falco's `container` plugin (`container.*`, `k8s.*`); built in here.
    ContainerPlugin,
}

/// One entry of the field catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldInfo {
    /// The field name, e.g. `proc.name` (without argument).
    pub name: &'static str,
    /// The type of each value.
    pub ty: FieldType,
    /// True if the field yields a list of values.
    pub list: bool,
    /// Attributes.
    pub attrs: FieldAttrs,
    /// The argument the field takes.
    pub arg: ArgKind,
    /// Where Falco gets the field from.
    pub source: FieldSource,
    /// What the field holds, in one or two sentences.
    pub description: &'static str,
}

impl FieldInfo {
    const fn new(name: &'static str, ty: FieldType, description: &'static str) -> FieldInfo {
        FieldInfo {
            name,
            ty,
            list: false,
            attrs: FieldAttrs::NONE,
            arg: ArgKind::None,
            source: FieldSource::Libs,
            description,
        }
    }

    const fn attrs(mut self, a: FieldAttrs) -> FieldInfo {
        self.attrs = self.attrs.with(a);
        self
    }

    const fn arg(mut self, arg: ArgKind) -> FieldInfo {
        self.arg = arg;
        self
    }

    const fn list(mut self) -> FieldInfo {
        self.list = true;
        self
    }

    const fn plugin(mut self) -> FieldInfo {
        self.source = FieldSource::ContainerPlugin;
        self
    }

    /// The rule compiler's flags for this field used with `arg`.
    ///
    /// "Any of" semantics hold always for `fd.ip`/`fd.net`/`fd.port`/`fd.proto`,
    /// and for the ancestor fields (`proc.aname`, ...) only when no ancestor
    /// is selected (for `proc.aenv`: when no variable name is given).
    pub fn flags(&self, arg: &FieldArg) -> FieldFlags {
        let a = self.attrs;
        let mut f = FieldFlags::NONE;
        if a.contains(FieldAttrs::NO_RHS) {
            f = f | FieldFlags::NO_RHS;
        }
        if a.contains(FieldAttrs::NO_TRANSFORMER) {
            f = f | FieldFlags::NO_TRANSFORMER;
        }
        if a.contains(FieldAttrs::FILTER_ONLY) {
            f = f | FieldFlags::FILTER_ONLY;
        }
        if a.contains(FieldAttrs::DEPRECATED) {
            f = f | FieldFlags::DEPRECATED;
        }
        let any = a.contains(FieldAttrs::MATCH_ANY)
            || (a.contains(FieldAttrs::ANCESTORS)
                && match arg {
                    FieldArg::None => true,
                    // proc.aenv[N] still scans every ancestor in libs; only
                    // a variable name selects one value.
                    FieldArg::Index(_) => self.name == "proc.aenv",
                    FieldArg::Key(_) => false,
                });
        if any {
            f = f | FieldFlags::MATCH_ANY;
        }
        f
    }

    /// True if `falco --list` should show the field (libs hides table-only
    /// and print-only fields).
    pub fn is_listed(&self) -> bool {
        !self.attrs.contains(FieldAttrs::TABLE_ONLY) && !self.attrs.contains(FieldAttrs::PRINT_ONLY)
    }
}

use FieldType::{
    Bool, Bytes, Int16, Int32, Int64, IpAddr, IpNet, String as Str, Uint16, Uint32, Uint64,
};

const NO_RHS: FieldAttrs = FieldAttrs::NO_RHS;
const NO_TR: FieldAttrs = FieldAttrs::NO_TRANSFORMER;
const FILTER_ONLY: FieldAttrs = FieldAttrs::FILTER_ONLY;
const DEPRECATED: FieldAttrs = FieldAttrs::DEPRECATED;
const TABLE_ONLY: FieldAttrs = FieldAttrs::TABLE_ONLY;
/// The flags libs gives the ancestor fields, plus ancestor semantics.
const ANCESTOR: FieldAttrs = FieldAttrs::NO_RHS
    .with(FieldAttrs::NO_TRANSFORMER)
    .with(FieldAttrs::ANCESTORS);
/// The flags libs gives the client-or-server fields.
const EITHER_SIDE: FieldAttrs = FieldAttrs::FILTER_ONLY
    .with(FieldAttrs::NO_RHS)
    .with(FieldAttrs::NO_TRANSFORMER)
    .with(FieldAttrs::MATCH_ANY);
/// The flags libs gives the one-side network fields.
const NET_SIDE: FieldAttrs = FieldAttrs::FILTER_ONLY
    .with(FieldAttrs::NO_RHS)
    .with(FieldAttrs::NO_TRANSFORMER);

const OPT_INDEX: ArgKind = ArgKind::Index { required: false };
const REQ_KEY: ArgKind = ArgKind::Key { required: true };
const REQ_INDEX_OR_KEY: ArgKind = ArgKind::IndexOrKey { required: true };
const OPT_INDEX_OR_KEY: ArgKind = ArgKind::IndexOrKey { required: false };

const fn f(name: &'static str, ty: FieldType, description: &'static str) -> FieldInfo {
    FieldInfo::new(name, ty, description)
}

/// The catalog, in libs' class order (event, process/thread, fd, fdlist,
/// fs.path, user, group, generic event, util), then the container plugin's.
/// One row per field, so adding a field is adding a line.
#[rustfmt::skip]
static FIELDS: &[FieldInfo] = &[
    // ---- evt.* (libs "evt" class) ----
    f("evt.latency", Uint64, "Nanoseconds between the enter event of a syscall and its exit event. Deprecated: drivers no longer send most enter events.").attrs(DEPRECATED),
    f("evt.latency.s", Uint64, "Whole seconds of evt.latency. Deprecated.").attrs(DEPRECATED),
    f("evt.latency.ns", Uint64, "Nanoseconds part of evt.latency (below one second). Deprecated.").attrs(DEPRECATED),
    f("evt.latency.quantized", Uint64, "Base-10 logarithm of evt.latency, for histograms. Deprecated.").attrs(TABLE_ONLY.with(DEPRECATED)),
    f("evt.latency.human", Str, "evt.latency as readable text such as 10.3ms. Deprecated.").attrs(DEPRECATED),
    f("evt.deltatime", Uint64, "Nanoseconds since the previous event."),
    f("evt.deltatime.s", Uint64, "Whole seconds of evt.deltatime."),
    f("evt.deltatime.ns", Uint64, "Nanoseconds part of evt.deltatime (below one second)."),
    f("evt.outputtime", Str, "The event time in the format chosen for output (evt.time by default). Output only.").attrs(FieldAttrs::PRINT_ONLY),
    f("evt.dir", Str, "'>' for an enter event, '<' for an exit event. Deprecated: drivers send exit events only, except for a few syscalls.").attrs(DEPRECATED),
    f("evt.type", Str, "The event name, such as open or execve; every version and both directions of an event share it."),
    f("evt.type.is", Uint32, "1 if the event has the type named after the dot (evt.type.is.open), 0 otherwise.").arg(ArgKind::EventType),
    f("syscall.type", Str, "For syscall events, the syscall name (open, execve, ...); absent for other events such as context switches or meta-events."),
    f("evt.category", Str, "The class of the event: file, net, memory, process, IPC, signal, ..."),
    f("evt.cpu", Int16, "The CPU the event happened on."),
    f("evt.args", Str, "All parameters of the event, formatted as name=value pairs in one string."),
    f("evt.arg", Str, "One event parameter as formatted text, chosen by name (evt.arg.fd) or by position (evt.arg[0]); flags print as names and fds as their file names where known.").arg(ArgKind::EventParam { by_index: true }),
    f("evt.rawarg", Str, "One event parameter with its raw type, chosen by name (evt.rawarg.size); the field type is the type of that parameter, so numeric comparisons work.").arg(ArgKind::EventParam { by_index: false }).attrs(NO_RHS.with(NO_TR).with(FieldAttrs::DYNAMIC_TYPE)),
    f("evt.info", Str, "For now the same text as evt.args."),
    f("evt.buffer", Bytes, "The data buffer of I/O events such as read, write, sendto or recvfrom (cut to the capture length); search it with contains or bcontains."),
    f("evt.buflen", Uint64, "The length of the data buffer of I/O events."),
    f("evt.res", Str, "The result as text: SUCCESS, or the error name such as ENOENT when the call failed."),
    f("evt.rawres", Int64, "The result as a number (negative errno on failure), for range checks."),
    f("evt.failed", Bool, "True when the event reports an error."),
    f("evt.is_io", Bool, "True for events that read from or write to a file descriptor."),
    f("evt.is_io_read", Bool, "True for events that read from a file descriptor (read, recv, recvfrom, ...)."),
    f("evt.is_io_write", Bool, "True for events that write to a file descriptor (write, send, ...)."),
    f("evt.io_dir", Str, "'r' for reading events, 'w' for writing events."),
    f("evt.is_wait", Bool, "True for events that make the thread wait (sleep, select, poll, ...)."),
    f("evt.wait_latency", Uint64, "For waiting events, the nanoseconds spent waiting. Deprecated.").attrs(DEPRECATED),
    f("evt.is_syslog", Bool, "True for writes to /dev/log."),
    f("evt.count", Uint32, "Always 1; sums to an event count in tables."),
    f("evt.count.error", Uint32, "1 for events that failed, else 0."),
    f("evt.count.error.file", Uint32, "1 for failed file events, else 0."),
    f("evt.count.error.net", Uint32, "1 for failed network events, else 0."),
    f("evt.count.error.memory", Uint32, "1 for failed memory events, else 0."),
    f("evt.count.error.other", Uint32, "1 for failed events of no class above, else 0."),
    f("evt.count.exit", Uint32, "1 for exit events, else 0."),
    f("evt.count.procinfo", Uint32, "1 for procinfo events of main threads, else 0.").attrs(TABLE_ONLY),
    f("evt.count.threadinfo", Uint32, "1 for procinfo events, else 0.").attrs(TABLE_ONLY),
    f("evt.around", Uint64, "Condition only: evt.around[T] = D keeps events within D milliseconds of the event whose evt.rawtime is T.").arg(ArgKind::Index { required: true }).attrs(FILTER_ONLY.with(NO_RHS).with(NO_TR)),
    f("evt.abspath", Str, "The absolute path an *at syscall works on, joined from its directory fd and relative path (openat, symlinkat, ...)."),
    f("evt.abspath.src", Str, "For syscalls with two paths (renameat, linkat), the absolute source path."),
    f("evt.abspath.dst", Str, "For syscalls with two paths (renameat, linkat, symlinkat), the absolute destination path."),
    f("evt.buflen.in", Uint64, "evt.buflen, for input events only.").attrs(TABLE_ONLY),
    f("evt.buflen.out", Uint64, "evt.buflen, for output events only.").attrs(TABLE_ONLY),
    f("evt.buflen.file", Uint64, "evt.buflen, for file I/O only.").attrs(TABLE_ONLY),
    f("evt.buflen.file.in", Uint64, "evt.buflen, for file input only.").attrs(TABLE_ONLY),
    f("evt.buflen.file.out", Uint64, "evt.buflen, for file output only.").attrs(TABLE_ONLY),
    f("evt.buflen.net", Uint64, "evt.buflen, for network I/O only.").attrs(TABLE_ONLY),
    f("evt.buflen.net.in", Uint64, "evt.buflen, for network input only.").attrs(TABLE_ONLY),
    f("evt.buflen.net.out", Uint64, "evt.buflen, for network output only.").attrs(TABLE_ONLY),
    f("evt.is_open_read", Bool, "True for open-family events (open, openat, openat2, open_by_handle_at) that open the file for reading."),
    f("evt.is_open_write", Bool, "True for open-family events that open the file for writing."),
    f("evt.infra.docker.name", Str, "For Docker infrastructure events, the event name.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.id", Str, "For Docker infrastructure events, the container id.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.name", Str, "For Docker infrastructure events, the container name.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.image", Str, "For Docker infrastructure events, the container image.").attrs(TABLE_ONLY),
    f("evt.is_open_exec", Bool, "True for open-family or creat events that create a file with execute permission."),
    f("evt.is_open_create", Bool, "True for open-family events that create the file."),
    // ---- proc.* and thread.* (libs "process" class) ----
    f("proc.exe", Str, "argv[0] of the process: usually the program name, but whatever the caller chose."),
    f("proc.pexe", Str, "proc.exe of the parent process."),
    f("proc.aexe", Str, "proc.exe of an ancestor: proc.aexe[1] is the parent, [2] the grandparent, [0] the process itself. Without an index, a check holds if any ancestor matches.").arg(OPT_INDEX).attrs(ANCESTOR),
    f("proc.exepath", Str, "The full path of the program file, symlinks resolved, as the kernel reports it."),
    f("proc.pexepath", Str, "proc.exepath of the parent process."),
    f("proc.aexepath", Str, "proc.exepath of an ancestor, by index as for proc.aexe; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR),
    f("proc.name", Str, "The process name the kernel keeps (comm), at most 16 characters."),
    f("proc.pname", Str, "proc.name of the parent process."),
    f("proc.aname", Str, "proc.name of an ancestor: proc.aname[1] is the parent, [2] the grandparent, [0] the process itself. Without an index, a check holds if any ancestor matches.").arg(OPT_INDEX).attrs(ANCESTOR),
    f("proc.args", Str, "The command-line arguments after argv[0], joined by spaces (at most 4096 bytes); proc.args[N] is one argument.").arg(OPT_INDEX),
    f("proc.aargs", Str, "proc.args of an ancestor by index (proc.aargs[1] is the parent's); without an index, the arguments of all ancestors joined.").arg(OPT_INDEX),
    f("proc.cmdline", Str, "proc.name followed by proc.args."),
    f("proc.pcmdline", Str, "proc.cmdline of the parent process."),
    f("proc.acmdline", Str, "proc.cmdline of an ancestor, by index as for proc.aname; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR),
    f("proc.cmdnargs", Uint64, "How many command-line arguments proc.args holds."),
    f("proc.cmdlenargs", Uint64, "The total length of the command-line arguments, separators excluded."),
    f("proc.exeline", Str, "proc.exe followed by proc.args."),
    f("proc.env", Str, "The environment as NAME=value pairs joined by spaces; proc.env[NAME] is the value of one variable.").arg(OPT_INDEX_OR_KEY),
    f("proc.aenv", Str, "Environment of the ancestors: proc.aenv[NAME] is the first value of NAME found walking up from the parent; without a name, a check holds if any ancestor's environment matches.").arg(OPT_INDEX_OR_KEY).attrs(ANCESTOR),
    f("proc.cwd", Str, "The current working directory of the process."),
    f("proc.loginshellid", Int64, "The pid of the eldest shell among the ancestors, if any; tells login sessions apart."),
    f("proc.tty", Uint32, "The controlling terminal, 0 when there is none."),
    f("proc.pid", Int64, "The process id (thread-group id) on the host."),
    f("proc.ppid", Int64, "The parent's process id on the host."),
    f("proc.apid", Int64, "The pid of an ancestor, by index as for proc.aname; without an index, any ancestor.").arg(OPT_INDEX).attrs(ANCESTOR),
    f("proc.vpid", Int64, "The process id inside its own PID namespace."),
    f("proc.pvpid", Int64, "The parent's process id inside its PID namespace."),
    f("proc.sid", Int64, "The session id."),
    f("proc.sname", Str, "proc.name of the session leader (the process whose pid is proc.sid, or the eldest ancestor in the same session)."),
    f("proc.sid.exe", Str, "proc.exe of the session leader."),
    f("proc.sid.exepath", Str, "proc.exepath of the session leader."),
    f("proc.vpgid", Int64, "The process group id inside the process's PID namespace."),
    f("proc.vpgid.name", Str, "proc.name of the leader of the process group proc.vpgid."),
    f("proc.vpgid.exe", Str, "proc.exe of the leader of the process group proc.vpgid."),
    f("proc.vpgid.exepath", Str, "proc.exepath of the leader of the process group proc.vpgid."),
    f("proc.pgid", Int64, "The process group id on the host."),
    f("proc.pgid.name", Str, "proc.name of the leader of the process group proc.pgid."),
    f("proc.pgid.exe", Str, "proc.exe of the leader of the process group proc.pgid."),
    f("proc.pgid.exepath", Str, "proc.exepath of the leader of the process group proc.pgid."),
    f("proc.duration", Uint64, "Nanoseconds since the process started."),
    f("proc.ppid.duration", Uint64, "Nanoseconds since the parent process started."),
    f("proc.pid.ts", Uint64, "When the process started, in nanoseconds since the epoch."),
    f("proc.ppid.ts", Uint64, "When the parent process started, in nanoseconds since the epoch."),
    f("proc.is_exe_writable", Bool, "True if the user who started the process can write its program file."),
    f("proc.is_exe_upper_layer", Bool, "True if the program file lives in the upper (writable) layer of an overlay filesystem, i.e. it was added or changed in the container."),
    f("proc.is_exe_lower_layer", Bool, "True if the program file lives in a lower (image) layer of an overlay filesystem."),
    f("proc.is_exe_from_memfd", Bool, "True if the program runs from an anonymous memfd_create file rather than a file on disk."),
    f("proc.is_sid_leader", Bool, "True if the process leads its session (proc.sid equals proc.vpid)."),
    f("proc.is_vpgid_leader", Bool, "True if the process leads its process group (proc.vpgid equals proc.vpid)."),
    f("proc.is_pgid_leader", Bool, "True if the process leads its process group on the host (proc.pgid equals proc.pid)."),
    f("proc.exe_ino", Int64, "The inode number of the program file."),
    f("proc.exe_ino.ctime", Uint64, "The last status change time (ctime) of the program file, in nanoseconds since the epoch."),
    f("proc.exe_ino.mtime", Uint64, "The last modification time (mtime) of the program file, in nanoseconds since the epoch."),
    f("proc.exe_ino.ctime_duration_proc_start", Uint64, "Nanoseconds between the program file's ctime and the process start: small values mean a freshly dropped binary."),
    f("proc.exe_ino.ctime_duration_pidns_start", Uint64, "Nanoseconds between the start of the PID namespace and the program file's ctime, when the namespace is older."),
    f("proc.pidns_init_start_ts", Uint64, "When the process's PID namespace (e.g. its container) started, in nanoseconds since the epoch."),
    f("thread.cap_permitted", Str, "The thread's permitted capability set, as names such as CAP_SYS_ADMIN."),
    f("thread.cap_inheritable", Str, "The thread's inheritable capability set, as names."),
    f("thread.cap_effective", Str, "The thread's effective capability set, as names."),
    f("proc.fdopencount", Uint64, "How many file descriptors the process has open."),
    f("proc.fdlimit", Int64, "The most file descriptors the process may open."),
    f("proc.vmsize", Uint64, "The process's total virtual memory, in KiB."),
    f("proc.vmrss", Uint64, "The process's resident (not swapped) memory, in KiB."),
    f("proc.vmswap", Uint64, "The process's swapped-out memory, in KiB."),
    f("thread.pfmajor", Uint64, "Major page faults since the thread started."),
    f("thread.pfminor", Uint64, "Minor page faults since the thread started."),
    f("thread.tid", Int64, "The thread id on the host."),
    f("thread.ismain", Bool, "True if the thread is the main thread of its process."),
    f("thread.vtid", Int64, "The thread id inside its PID namespace."),
    f("thread.nametid", Str, "The process name and thread id joined, naming one thread of one program run.").attrs(TABLE_ONLY),
    f("thread.exectime", Uint64, "CPU nanoseconds the previously scheduled thread used; set on context-switch events only."),
    f("thread.totexectime", Uint64, "CPU nanoseconds the thread used since the capture began; set on context-switch events only."),
    f("thread.cgroups", Str, "Every cgroup of the thread, as subsystem=path pairs in one string."),
    f("thread.cgroup", Str, "The thread's cgroup for one subsystem, named after the dot: thread.cgroup.cpuacct.").arg(ArgKind::Suffix),
    f("proc.nthreads", Uint64, "How many live threads the process has, main thread included."),
    f("proc.nchilds", Uint64, "How many live threads the process has besides its main thread."),
    f("thread.vmsize", Uint64, "For the main thread, the process's total virtual memory in KiB; 0 for other threads."),
    f("thread.vmrss", Uint64, "For the main thread, the process's resident memory in KiB; 0 for other threads."),
    f("thread.vmsize.b", Uint64, "thread.vmsize in bytes.").attrs(TABLE_ONLY),
    f("thread.vmrss.b", Uint64, "thread.vmrss in bytes.").attrs(TABLE_ONLY),
    f("proc.stdin.type", Str, "The type of the process's fd 0 (standard input), as fd.type names it."),
    f("proc.stdout.type", Str, "The type of the process's fd 1 (standard output)."),
    f("proc.stderr.type", Str, "The type of the process's fd 2 (standard error)."),
    f("proc.stdin.name", Str, "The name of the process's fd 0, as fd.name gives it."),
    f("proc.stdout.name", Str, "The name of the process's fd 1."),
    f("proc.stderr.name", Str, "The name of the process's fd 2."),
    // ---- fd.* (libs "fd" class) ----
    f("fd.num", Int64, "The file descriptor number the event uses."),
    f("fd.type", Str, "The kind of fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf, userfaultfd, io_uring, memfd, pidfd."),
    f("fd.typechar", Str, "fd.type as one character: f file, d directory, 4 IPv4 socket, 6 IPv6 socket, u unix socket, p pipe, e eventfd, s signalfd, l eventpoll, i inotify, b bpf, r userfaultfd, o io_uring, m memfd, n netlink, t timerfd, c pidfd."),
    f("fd.name", Str, "The fd's name: the full path for files, the connection tuple (client->server) for sockets."),
    f("fd.directory", Str, "For a file, the directory that holds it."),
    f("fd.filename", Str, "For a file, its name without the directory."),
    f("fd.ip", IpAddr, "Condition only: holds if the client or the server address of the socket matches.").attrs(EITHER_SIDE),
    f("fd.cip", IpAddr, "The client address of the socket."),
    f("fd.sip", IpAddr, "The server address of the socket."),
    f("fd.lip", IpAddr, "The local address of the socket."),
    f("fd.rip", IpAddr, "The remote address of the socket."),
    f("fd.port", Uint16, "Condition only: holds if the client or the server port of the socket matches.").attrs(EITHER_SIDE),
    f("fd.cport", Uint16, "The client port of a TCP/UDP socket."),
    f("fd.sport", Uint16, "The server port of a TCP/UDP socket."),
    f("fd.lport", Uint16, "The local port of a TCP/UDP socket."),
    f("fd.rport", Uint16, "The remote port of a TCP/UDP socket."),
    f("fd.l4proto", Str, "The IP protocol of a socket: tcp, udp, icmp or raw."),
    f("fd.sockfamily", Str, "The socket family: ip or unix."),
    f("fd.is_server", Bool, "True if the process owning the fd is the server side of the connection."),
    f("fd.uid", Str, "An identifier unique to the fd: the fd number and thread id joined."),
    f("fd.containername", Str, "The container id and fd.name joined, telling which container a file belongs to."),
    f("fd.containerdirectory", Str, "The container id and fd.directory joined."),
    f("fd.proto", Uint16, "Condition only: holds if the client or the server protocol (port service name) of the socket matches.").attrs(EITHER_SIDE),
    f("fd.cproto", Str, "For TCP/UDP sockets, the service name of the client port."),
    f("fd.sproto", Str, "For TCP/UDP sockets, the service name of the server port."),
    f("fd.lproto", Str, "For TCP/UDP sockets, the service name of the local port."),
    f("fd.rproto", Str, "For TCP/UDP sockets, the service name of the remote port."),
    f("fd.net", IpNet, "Condition only: holds if the client or the server address lies in the given network (CIDR).").attrs(EITHER_SIDE),
    f("fd.cnet", IpNet, "Condition only: holds if the client address lies in the given network.").attrs(NET_SIDE),
    f("fd.snet", IpNet, "Condition only: holds if the server address lies in the given network.").attrs(NET_SIDE),
    f("fd.lnet", IpNet, "Condition only: holds if the local address lies in the given network.").attrs(NET_SIDE),
    f("fd.rnet", IpNet, "Condition only: holds if the remote address lies in the given network.").attrs(NET_SIDE),
    f("fd.connected", Bool, "For TCP/UDP sockets, true once the socket is connected."),
    f("fd.name_changed", Bool, "True when the event changed the name of its fd (e.g. a UDP socket's tuple changing on sendto)."),
    f("fd.cip.name", Str, "The domain name learned from DNS for the client address; compares against the names, not the address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.sip.name", Str, "The domain name learned from DNS for the server address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.lip.name", Str, "The domain name learned from DNS for the local address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.rip.name", Str, "The domain name learned from DNS for the remote address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.dev", Int32, "The device number (major and minor) of the file's filesystem."),
    f("fd.dev.major", Int32, "The major device number of the file's filesystem."),
    f("fd.dev.minor", Int32, "The minor device number of the file's filesystem."),
    f("fd.ino", Int64, "The inode number of the file."),
    f("fd.nameraw", Str, "For files, the path as the syscall gave it, without making it absolute."),
    f("fd.types", Str, "The types (as fd.type names them) of all fds the process has open, once each; fd.types[N] gives the type of fd N alone.").list().arg(OPT_INDEX).attrs(NO_RHS),
    f("fd.is_upper_layer", Bool, "True if the file lives in the upper (writable) layer of an overlay filesystem."),
    f("fd.is_lower_layer", Bool, "True if the file lives in a lower (image) layer of an overlay filesystem."),
    // ---- fdlist.* ----
    f("fdlist.nums", Str, "For poll-like events, the fd numbers of the fds argument, comma separated."),
    f("fdlist.names", Str, "For poll-like events, the fd names of the fds argument, comma separated."),
    f("fdlist.cips", Str, "For poll-like events, the client addresses of the fds argument, comma separated."),
    f("fdlist.sips", Str, "For poll-like events, the server addresses of the fds argument, comma separated."),
    f("fdlist.cports", Str, "For poll-like events, the client ports of the fds argument, comma separated."),
    f("fdlist.sports", Str, "For poll-like events, the server ports of the fds argument, comma separated."),
    // ---- fs.path.* ----
    f("fs.path.name", Str, "For events on one path (mkdir, unlink, chmod, ...), that path made absolute."),
    f("fs.path.nameraw", Str, "For events on one path, the path exactly as the syscall got it."),
    f("fs.path.source", Str, "For events with a source and a target path (rename, link, symlink), the source made absolute."),
    f("fs.path.sourceraw", Str, "For events with a source and a target path, the source as the syscall got it."),
    f("fs.path.target", Str, "For events with a source and a target path, the target made absolute."),
    f("fs.path.targetraw", Str, "For events with a source and a target path, the target as the syscall got it."),
    // ---- user.* and group.* ----
    f("user.uid", Uint32, "The user id of the thread."),
    f("user.name", Str, "The user name of the thread."),
    f("user.homedir", Str, "The home directory of the user."),
    f("user.shell", Str, "The login shell of the user."),
    f("user.loginuid", Int64, "The audit user id (the uid the session was logged in with); -1 when unset."),
    f("user.loginname", Str, "The name of the audit user (user.loginuid)."),
    f("group.gid", Uint32, "The group id of the thread."),
    f("group.name", Str, "The group name of the thread."),
    // ---- generic event fields ----
    f("evt.num", Uint64, "The event's sequence number."),
    f("evt.time", Str, "The event time of day as text, with nanoseconds."),
    f("evt.time.s", Str, "The event time of day as text, without fractions of a second."),
    f("evt.time.iso8601", Str, "The event time in ISO 8601 form, with nanoseconds, in UTC."),
    f("evt.datetime", Str, "The event date and time as text, with nanoseconds."),
    f("evt.datetime.s", Str, "The event date and time as text, without fractions of a second."),
    f("evt.rawtime", Uint64, "The event time in nanoseconds since the epoch."),
    f("evt.rawtime.s", Uint64, "Whole seconds of evt.rawtime."),
    f("evt.rawtime.ns", Uint64, "Nanoseconds part of evt.rawtime (below one second)."),
    f("evt.reltime", Uint64, "Nanoseconds since the capture began."),
    f("evt.reltime.s", Uint64, "Whole seconds since the capture began."),
    f("evt.reltime.ns", Uint64, "Nanoseconds part of evt.reltime (below one second)."),
    f("evt.pluginname", Str, "For events of a plugin source, the plugin's name."),
    f("evt.plugininfo", Str, "For events of a plugin source, the plugin's one-line summary of the event."),
    f("evt.source", Str, "The name of the event source (syscall for this catalog's events)."),
    f("evt.is_async", Bool, "True for asynchronous events (meta-events not tied to a syscall)."),
    f("evt.asynctype", Str, "For asynchronous events, their name (e.g. container)."),
    f("evt.hostname", Str, "The host name, which can be overridden by configuration (FALCO_HOSTNAME)."),
    // ---- util.* ----
    f("util.cnt", Uint64, "A counter that grows by one at each evaluation."),
    // ---- container plugin: container.* ----
    f("container.id", Str, "The short (12 character) container id taken from the cgroups, or 'host' for processes outside containers.").plugin(),
    f("container.full_id", Str, "The full container id, once the container runtime has been asked.").plugin(),
    f("container.name", Str, "The container name, or 'host' for processes outside containers.").plugin(),
    f("container.image", Str, "The image the container runs, e.g. falcosecurity/falco:latest.").plugin(),
    f("container.image.id", Str, "The id of the container image.").plugin(),
    f("container.type", Str, "The container engine: docker, cri-o, containerd, podman, lxc, ...").plugin(),
    f("container.privileged", Bool, "True if the container runs privileged.").plugin(),
    f("container.mounts", Str, "All mounts of the container, each as source:dest:mode:rdwr:propagation.").plugin(),
    f("container.mount", Str, "One mount as source:dest:mode:rdwr:propagation, chosen by number (container.mount[0]) or by source path or glob (container.mount[/usr/local/*]); 'none' when there is no such mount.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.source", Str, "The source of one mount, chosen by number or by destination path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.dest", Str, "The destination of one mount, chosen by number or by source path or glob (container.mount.dest[/var/run/docker.sock]).").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.mode", Str, "The mode of one mount, chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.rdwr", Str, "Whether one mount is read-write (true/false), chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.mount.propagation", Str, "The propagation of one mount, chosen by number or by source path or glob.").arg(REQ_INDEX_OR_KEY).plugin(),
    f("container.image.repository", Str, "The repository of the container image, e.g. falcosecurity/falco.").plugin(),
    f("container.image.tag", Str, "The tag of the container image, e.g. latest.").plugin(),
    f("container.image.digest", Str, "The registry digest of the container image (sha256:...).").plugin(),
    f("container.healthcheck", Str, "Deprecated; no longer filled.").plugin(),
    f("container.liveness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.readiness_probe", Str, "Deprecated; no longer filled.").plugin(),
    f("container.start_ts", Uint64, "When the container started, in nanoseconds since the epoch, from the start of its PID namespace.").plugin(),
    f("container.duration", Uint64, "Nanoseconds since container.start_ts.").plugin(),
    f("container.ip", Str, "The container's (or pod's) primary IPv4 address, as the engine reports it.").plugin(),
    f("container.cni.json", Str, "The pod's CNI result as JSON text, with addresses per interface (CRI engines).").plugin(),
    f("container.host_pid", Bool, "True if the container shares the host PID namespace.").plugin(),
    f("container.host_network", Bool, "True if the container shares the host network namespace.").plugin(),
    f("container.host_ipc", Bool, "True if the container shares the host IPC namespace.").plugin(),
    f("container.label", Str, "One container label, by key: container.label[com.example.team].").arg(REQ_KEY).plugin(),
    f("container.labels", Str, "All container labels as key:value pairs, comma separated.").plugin(),
    f("proc.is_container_healthcheck", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_liveness_probe", Bool, "Deprecated; no longer filled.").plugin(),
    f("proc.is_container_readiness_probe", Bool, "Deprecated; no longer filled.").plugin(),
    // ---- container plugin: k8s.* ----
    f("k8s.pod.name", Str, "The Kubernetes pod name, as the container runtime reports it.").plugin(),
    f("k8s.ns.name", Str, "The Kubernetes namespace name, as the container runtime reports it.").plugin(),
    f("k8s.pod.id", Str, "Legacy alias of k8s.pod.uid.").plugin(),
    f("k8s.pod.uid", Str, "The Kubernetes pod UID given at pod creation.").plugin(),
    f("k8s.pod.sandbox_id", Str, "The short (12 character) id of the pod sandbox, from the cgroups.").plugin(),
    f("k8s.pod.full_sandbox_id", Str, "The full id of the pod sandbox.").plugin(),
    f("k8s.pod.label", Str, "One pod label, by key: k8s.pod.label[app.kubernetes.io/name].").arg(REQ_KEY).plugin(),
    f("k8s.pod.labels", Str, "All pod labels as key:value pairs, comma separated.").plugin(),
    f("k8s.pod.ip", Str, "The pod's primary IPv4 address (the same as container.ip).").plugin(),
    f("k8s.pod.cni.json", Str, "The pod's CNI result as JSON text (the same as container.cni.json).").plugin(),
    f("k8s.rc.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rc.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rc.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.rc.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.svc.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.svc.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.ns.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.ns.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.ns.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.rs.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.rs.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.name", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.id", Str, "Deprecated; use the k8smeta plugin.").plugin(),
    f("k8s.deployment.label", Str, "Deprecated; use the k8smeta plugin.").arg(REQ_KEY).plugin(),
    f("k8s.deployment.labels", Str, "Deprecated; use the k8smeta plugin.").plugin(),
];

/// The whole catalog, in a stable order; a resolved [`Field::id`] is an
/// index into this slice.
pub fn fields() -> &'static [FieldInfo] {
    FIELDS
}

/// The catalog entry of a resolved field (`None` if the id is not ours).
pub fn field_info(field: &Field) -> Option<&'static FieldInfo> {
    FIELDS.get(field.id as usize)
}

/// The catalog entry called exactly `name` (no argument).
pub fn find(name: &str) -> Option<&'static FieldInfo> {
    find_id(name).map(|i| &FIELDS[i])
}

fn find_id(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.name == name)
}

/// The [`FieldSchema`] of syscall events: resolves field names against the
/// catalog with Falco's argument rules, and checks `evt.type` values against
/// the event table.
///
/// ```
/// use falco_events::SyscallFields;
/// use falco_rules::{FieldArg, FieldSchema, FieldType};
///
/// let schema = SyscallFields::new();
/// let f = schema.resolve("proc.aname", Some("2")).unwrap();
/// assert_eq!(f.ty, FieldType::String);
/// assert_eq!(f.arg, FieldArg::Index(2));
///
/// let err = schema.resolve("evt.arg.nosuchparam", None).unwrap_err();
/// assert_eq!(err.to_string(), "unknown event argument nosuchparam");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SyscallFields {
    _private: (),
}

impl SyscallFields {
    /// The schema (it has no state: the catalog is static).
    pub fn new() -> SyscallFields {
        SyscallFields { _private: () }
    }
}

fn bad(msg: String) -> FieldError {
    FieldError::BadArgument(msg)
}

/// A non-negative decimal number, digits only.
fn parse_index(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The first parameter called `name` in the event table, in code order (the
/// one libs picks to type `evt.rawarg.NAME`).
fn find_param(name: &str) -> Option<&'static table::ParamInfo> {
    table::events()
        .iter()
        .flat_map(|e| e.params.iter())
        .find(|p| p.name == name)
}

fn resolved(id: usize, info: &FieldInfo, arg: FieldArg) -> Field {
    Field {
        id: id as u32,
        ty: info.ty,
        is_list: info.list,
        flags: info.flags(&arg),
        arg,
    }
}

/// How to write the argument of a field, for error messages.
fn arg_hint(info: &FieldInfo) -> String {
    let n = info.name;
    match info.arg {
        ArgKind::None => format!("{n} takes no argument"),
        ArgKind::Index { .. } => format!("write it as {n}[N] with N a number"),
        ArgKind::Key { .. } => format!("write it as {n}[KEY]"),
        ArgKind::IndexOrKey { .. } => format!("write it as {n}[N] or {n}[KEY]"),
        ArgKind::EventParam { by_index: true } => {
            format!("write it as {n}.NAME with NAME an event parameter, or {n}[N]")
        }
        ArgKind::EventParam { by_index: false } => {
            format!("write it as {n}.NAME with NAME an event parameter")
        }
        ArgKind::EventType => format!("write it as {n}.NAME with NAME an event type"),
        ArgKind::Suffix => format!("write it as {n}.NAME"),
    }
}

impl SyscallFields {
    /// Resolves the dotted-suffix forms: `evt.arg.NAME`, `evt.rawarg.NAME`,
    /// `evt.type.is.NAME`, `thread.cgroup.NAME`.
    fn resolve_suffix(&self, name: &str, arg: Option<&str>) -> Option<Result<Field, FieldError>> {
        // The longest catalog name that is a dotted prefix of `name` and
        // takes a suffix argument.
        let (id, info, suffix) = FIELDS
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                matches!(
                    f.arg,
                    ArgKind::EventParam { .. } | ArgKind::EventType | ArgKind::Suffix
                )
            })
            .filter_map(|(i, f)| {
                let rest = name.strip_prefix(f.name)?.strip_prefix('.')?;
                Some((i, f, rest))
            })
            .max_by_key(|(_, f, _)| f.name.len())?;
        if let Some(a) = arg {
            return Some(Err(bad(format!(
                "{name}[{a}]: a field argument cannot follow an argument written after a dot"
            ))));
        }
        Some(self.suffix_arg(id, info, suffix))
    }

    fn suffix_arg(&self, id: usize, info: &FieldInfo, suffix: &str) -> Result<Field, FieldError> {
        match info.arg {
            ArgKind::EventParam { by_index } => {
                let Some(p) = find_param(suffix) else {
                    return Err(bad(format!("unknown event argument {suffix}")));
                };
                let mut field = resolved(id, info, FieldArg::Key(suffix.into()));
                if !by_index {
                    // evt.rawarg: the value has the raw type of the parameter.
                    field.ty = p.ty.field_type().ok_or_else(|| {
                        bad(format!(
                            "{}.{suffix}: event parameter {suffix} has type {}, which a condition cannot compare; use evt.arg.{suffix}",
                            info.name, p.ty
                        ))
                    })?;
                }
                Ok(field)
            }
            ArgKind::EventType => {
                if let Some(code) = parse_index(suffix) {
                    return Ok(resolved(id, info, FieldArg::Index(code)));
                }
                if table::is_event_name(suffix) {
                    Ok(resolved(id, info, FieldArg::Key(suffix.into())))
                } else {
                    Err(bad(format!("unknown event type {suffix}")))
                }
            }
            _ => {
                if suffix.is_empty()
                    || !suffix.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
                {
                    return Err(bad(format!(
                        "{}.{suffix}: the name after the dot may hold only letters and '_'",
                        info.name
                    )));
                }
                Ok(resolved(id, info, FieldArg::Key(suffix.into())))
            }
        }
    }

    fn bracket_arg(&self, id: usize, info: &FieldInfo, a: &str) -> Result<Field, FieldError> {
        let n = info.name;
        match info.arg {
            ArgKind::None => Err(bad(format!(
                "{n}[{a}]: {n} does not take an argument"
            ))),
            ArgKind::Index { .. } => match parse_index(a) {
                Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                None => Err(bad(format!(
                    "{n}[{a}]: the argument must be a non-negative number"
                ))),
            },
            ArgKind::Key { .. } => {
                if a.is_empty() {
                    Err(bad(format!("{n}[]: the key is empty; {}", arg_hint(info))))
                } else {
                    Ok(resolved(id, info, FieldArg::Key(a.into())))
                }
            }
            ArgKind::IndexOrKey { .. } => {
                if a.is_empty() {
                    return Err(bad(format!("{n}[]: the argument is empty; {}", arg_hint(info))));
                }
                // A plain number is an index; "01" is a key, as in Falco's
                // plugin fields.
                let plain = a == "0" || !a.starts_with('0');
                match parse_index(a).filter(|_| plain) {
                    Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                    None => Ok(resolved(id, info, FieldArg::Key(a.into()))),
                }
            }
            ArgKind::EventParam { by_index: true } => match parse_index(a) {
                Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                None => Err(bad(format!(
                    "{n}[{a}]: the argument in brackets is a parameter position; to name a parameter write {n}.{a}"
                ))),
            },
            ArgKind::EventParam { by_index: false } => Err(bad(format!(
                "{n}[{a}]: {n} takes a parameter name, not a position; write {n}.NAME"
            ))),
            ArgKind::EventType | ArgKind::Suffix => Err(bad(format!(
                "{n}[{a}]: {}",
                arg_hint(info)
            ))),
        }
    }

    fn is_type_field(field: &Field) -> bool {
        matches!(
            FIELDS.get(field.id as usize).map(|f| f.name),
            Some("evt.type" | "syscall.type")
        )
    }
}

impl FieldSchema for SyscallFields {
    /// Resolves `name` (with its bracket argument, if any).
    ///
    /// Rules, following Falco (messages are clearer where Falco's are vague):
    /// - an unknown name is [`FieldError::Unknown`];
    /// - `evt.arg.X` / `evt.rawarg.X` need `X` to be a parameter name of some
    ///   event, else `unknown event argument X`;
    /// - a field that requires an argument and has none, a field that takes
    ///   none and has one, and a malformed index are
    ///   [`FieldError::BadArgument`] with a message naming the field.
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let Some(id) = find_id(name) else {
            return match self.resolve_suffix(name, arg) {
                Some(r) => r,
                None => Err(FieldError::Unknown(name.to_string())),
            };
        };
        let info = &FIELDS[id];
        match arg {
            Some(a) => self.bracket_arg(id, info, a),
            None if info.arg.is_required() => Err(bad(format!(
                "{} requires an argument: {}",
                info.name,
                arg_hint(info)
            ))),
            None => Ok(resolved(id, info, FieldArg::None)),
        }
    }

    /// `evt.type` and `syscall.type` only compare with a known event name or
    /// syscall name; anything else is `unknown event type X` (Falco checks
    /// `evt.type` only, but a `syscall.type` value that names nothing can
    /// never match either).
    fn check_value(&self, field: &Field, value: &str) -> Result<(), String> {
        if Self::is_type_field(field)
            && !table::is_event_name(value)
            && !table::is_syscall_name(value)
        {
            return Err(format!("unknown event type {value}"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;

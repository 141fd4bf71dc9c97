//! `evt.*`, `syscall.type` and `util.*`: the event itself (type, time,
//! parameters, result) and the stream it is in.

use std::fmt::Write as _;

use falco_rules::FieldType;

use super::prelude::*;
use crate::event::Param;
use crate::extract::errno_name;
use crate::state::{concat_paths, FdType};
use crate::table::{codes, Direction, EventCategory, EventFlags, ParamType};

/// libs' "evt" class.
#[rustfmt::skip]
pub(super) const EVT: &[FieldInfo] = &[
    f("evt.latency", Uint64, "Nanoseconds between the enter event of a syscall and its exit event. Deprecated: drivers no longer send most enter events.").attrs(DEPRECATED).event(zero),
    f("evt.latency.s", Uint64, "Whole seconds of evt.latency. Deprecated.").attrs(DEPRECATED).event(zero),
    f("evt.latency.ns", Uint64, "Nanoseconds part of evt.latency (below one second). Deprecated.").attrs(DEPRECATED).event(zero),
    f("evt.latency.quantized", Uint64, "Base-10 logarithm of evt.latency, for histograms. Deprecated.").attrs(TABLE_ONLY.with(DEPRECATED)),
    f("evt.latency.human", Str, "evt.latency as readable text such as 10.3ms. Deprecated.").attrs(DEPRECATED),
    f("evt.deltatime", Uint64, "Nanoseconds since the previous event.").event(|c, _, o| { o.push_uint(delta(c)); true }),
    f("evt.deltatime.s", Uint64, "Whole seconds of evt.deltatime.").event(|c, _, o| { o.push_uint(delta(c) / NS); true }),
    f("evt.deltatime.ns", Uint64, "Nanoseconds part of evt.deltatime (below one second).").event(|c, _, o| { o.push_uint(delta(c) % NS); true }),
    f("evt.outputtime", Str, "The event time in the format chosen for output (evt.time by default). Output only.").attrs(FieldAttrs::PRINT_ONLY).event(time),
    f("evt.dir", Str, "'>' for an enter event, '<' for an exit event. Deprecated: drivers send exit events only, except for a few syscalls.").attrs(DEPRECATED).event(|c, _, o| { o.push_str(c.event.direction().symbol()); true }),
    f("evt.type", Str, "The event name, such as open or execve; every version and both directions of an event share it.").event(|c, _, o| { o.push_str(c.type_name()); true }),
    f("evt.type.is", Uint32, "1 if the event has the type named after the dot (evt.type.is.open), 0 otherwise.").arg(ArgKind::EventType).event(type_is),
    f("syscall.type", Str, "For syscall events, the syscall name (open, execve, ...); absent for other events such as context switches or meta-events.").event(syscall_type),
    f("evt.category", Str, "The class of the event: file, net, memory, process, IPC, signal, ...").event(|c, _, o| { o.push_str(category(c)); true }),
    f("evt.cpu", Int16, "The CPU the event happened on.").event(cpu),
    f("evt.args", Str, "All parameters of the event, formatted as name=value pairs in one string.").event(args),
    f("evt.arg", Str, "One event parameter as formatted text, chosen by name (evt.arg.fd) or by position (evt.arg[0]); flags print as names and fds as their file names where known.").arg(ArgKind::EventParam { by_index: true }).event(arg),
    f("evt.rawarg", Str, "One event parameter with its raw type, chosen by name (evt.rawarg.size); the field type is the type of that parameter, so numeric comparisons work.").arg(ArgKind::EventParam { by_index: false }).attrs(NO_RHS.with(NO_TR).with(FieldAttrs::DYNAMIC_TYPE)).event(rawarg),
    f("evt.info", Str, "For now the same text as evt.args.").event(args),
    f("evt.buffer", Bytes, "The data buffer of I/O events such as read, write, sendto or recvfrom (cut to the capture length); search it with contains or bcontains.").event(buffer),
    f("evt.buflen", Uint64, "The length of the data buffer of I/O events.").event(buflen),
    f("evt.res", Str, "The result as text: SUCCESS, or the error name such as ENOENT when the call failed.").event(res),
    f("evt.rawres", Int64, "The result as a number (negative errno on failure), for range checks.").event(rawres),
    f("evt.failed", Bool, "True when the event reports an error.").event(|c, _, o| { o.push_bool(c.result().is_some_and(|r| r < 0)); true }),
    f("evt.is_io", Bool, "True for events that read from or write to a file descriptor.").event(|c, _, o| { let (rd, wr) = io(c); o.push_bool(rd || wr); true }),
    f("evt.is_io_read", Bool, "True for events that read from a file descriptor (read, recv, recvfrom, ...).").event(|c, _, o| { o.push_bool(io(c).0); true }),
    f("evt.is_io_write", Bool, "True for events that write to a file descriptor (write, send, ...).").event(|c, _, o| { o.push_bool(io(c).1); true }),
    f("evt.io_dir", Str, "'r' for reading events, 'w' for writing events.").event(io_dir),
    f("evt.is_wait", Bool, "True for events that make the thread wait (sleep, select, poll, ...).").event(|c, _, o| { o.push_bool(c.event.info().flags.contains(EventFlags::WAITS)); true }),
    f("evt.wait_latency", Uint64, "For waiting events, the nanoseconds spent waiting. Deprecated.").attrs(DEPRECATED),
    f("evt.is_syslog", Bool, "True for writes to /dev/log."),
    f("evt.count", Uint32, "Always 1; sums to an event count in tables.").event(|_, _, o| { o.push_uint(1); true }),
    f("evt.count.error", Uint32, "1 for events that failed, else 0.").event(|c, _, o| { o.push_uint(u64::from(c.result().is_some_and(|r| r < 0))); true }),
    f("evt.count.error.file", Uint32, "1 for failed file events, else 0."),
    f("evt.count.error.net", Uint32, "1 for failed network events, else 0."),
    f("evt.count.error.memory", Uint32, "1 for failed memory events, else 0."),
    f("evt.count.error.other", Uint32, "1 for failed events of no class above, else 0."),
    f("evt.count.exit", Uint32, "1 for exit events, else 0.").event(|c, _, o| { o.push_uint(u64::from(c.event.direction() == Direction::Exit)); true }),
    f("evt.count.procinfo", Uint32, "1 for procinfo events of main threads, else 0.").attrs(TABLE_ONLY),
    f("evt.count.threadinfo", Uint32, "1 for procinfo events, else 0.").attrs(TABLE_ONLY),
    f("evt.around", Uint64, "Condition only: evt.around[T] = D keeps events within D milliseconds of the event whose evt.rawtime is T.").arg(ArgKind::Index { required: true }).attrs(FILTER_ONLY.with(NO_RHS).with(NO_TR)),
    f("evt.abspath", Str, "The absolute path an *at syscall works on, joined from its directory fd and relative path (openat, symlinkat, ...).").event(|c, _, o| push_some(o, abspath(c, Which::Path))),
    f("evt.abspath.src", Str, "For syscalls with two paths (renameat, linkat), the absolute source path.").event(|c, _, o| push_some(o, abspath(c, Which::Src))),
    f("evt.abspath.dst", Str, "For syscalls with two paths (renameat, linkat, symlinkat), the absolute destination path.").event(|c, _, o| push_some(o, abspath(c, Which::Dst))),
    f("evt.buflen.in", Uint64, "evt.buflen, for input events only.").attrs(TABLE_ONLY),
    f("evt.buflen.out", Uint64, "evt.buflen, for output events only.").attrs(TABLE_ONLY),
    f("evt.buflen.file", Uint64, "evt.buflen, for file I/O only.").attrs(TABLE_ONLY),
    f("evt.buflen.file.in", Uint64, "evt.buflen, for file input only.").attrs(TABLE_ONLY),
    f("evt.buflen.file.out", Uint64, "evt.buflen, for file output only.").attrs(TABLE_ONLY),
    f("evt.buflen.net", Uint64, "evt.buflen, for network I/O only.").attrs(TABLE_ONLY),
    f("evt.buflen.net.in", Uint64, "evt.buflen, for network input only.").attrs(TABLE_ONLY),
    f("evt.buflen.net.out", Uint64, "evt.buflen, for network output only.").attrs(TABLE_ONLY),
    f("evt.is_open_read", Bool, "True for open-family events (open, openat, openat2, open_by_handle_at) that open the file for reading.").event(|c, _, o| { o.push_bool(open_check(c, Open::Read)); true }),
    f("evt.is_open_write", Bool, "True for open-family events that open the file for writing.").event(|c, _, o| { o.push_bool(open_check(c, Open::Write)); true }),
    f("evt.infra.docker.name", Str, "For Docker infrastructure events, the event name.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.id", Str, "For Docker infrastructure events, the container id.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.name", Str, "For Docker infrastructure events, the container name.").attrs(TABLE_ONLY),
    f("evt.infra.docker.container.image", Str, "For Docker infrastructure events, the container image.").attrs(TABLE_ONLY),
    f("evt.is_open_exec", Bool, "True for open-family or creat events that create a file with execute permission.").event(|c, _, o| { o.push_bool(open_check(c, Open::Exec)); true }),
    f("evt.is_open_create", Bool, "True for open-family events that create the file.").event(|c, _, o| { o.push_bool(open_check(c, Open::Create)); true }),
];

/// libs' generic event fields (numbering, times, source, host name).
#[rustfmt::skip]
pub(super) const GENERIC: &[FieldInfo] = &[
    f("evt.num", Uint64, "The event's sequence number.").event(|c, _, o| { o.push_uint(c.num); true }),
    f("evt.time", Str, "The event time of day as text, with nanoseconds.").event(time),
    f("evt.time.s", Str, "The event time of day as text, without fractions of a second.").event(|c, _, o| { o.push_str(&time_text(c.event.ts(), None, false)); true }),
    f("evt.time.iso8601", Str, "The event time in ISO 8601 form, with nanoseconds, in UTC.").event(time_iso),
    f("evt.datetime", Str, "The event date and time as text, with nanoseconds.").event(|c, _, o| { o.push_str(&time_text(c.event.ts(), Some(' '), true)); true }),
    f("evt.datetime.s", Str, "The event date and time as text, without fractions of a second.").event(|c, _, o| { o.push_str(&time_text(c.event.ts(), Some(' '), false)); true }),
    f("evt.rawtime", Uint64, "The event time in nanoseconds since the epoch.").event(|c, _, o| { o.push_uint(c.event.ts()); true }),
    f("evt.rawtime.s", Uint64, "Whole seconds of evt.rawtime.").event(|c, _, o| { o.push_uint(c.event.ts() / NS); true }),
    f("evt.rawtime.ns", Uint64, "Nanoseconds part of evt.rawtime (below one second).").event(|c, _, o| { o.push_uint(c.event.ts() % NS); true }),
    f("evt.reltime", Uint64, "Nanoseconds since the capture began.").event(|c, _, o| { o.push_uint(rel(c)); true }),
    f("evt.reltime.s", Uint64, "Whole seconds since the capture began.").event(|c, _, o| { o.push_uint(rel(c) / NS); true }),
    f("evt.reltime.ns", Uint64, "Nanoseconds part of evt.reltime (below one second).").event(|c, _, o| { o.push_uint(rel(c) % NS); true }),
    f("evt.pluginname", Str, "For events of a plugin source, the plugin's name."),
    f("evt.plugininfo", Str, "For events of a plugin source, the plugin's one-line summary of the event."),
    f("evt.source", Str, "The name of the event source (syscall for this catalog's events).").event(|_, _, o| { o.push_str("syscall"); true }),
    f("evt.is_async", Bool, "True for asynchronous events (meta-events not tied to a syscall).").event(is_async),
    f("evt.asynctype", Str, "For asynchronous events, their name (e.g. container).").event(async_type),
    f("evt.hostname", Str, "The host name, which can be overridden by configuration (FALCO_HOSTNAME).").event(|c, _, o| { o.push_str(&c.state.hostname); true }),
];

/// libs' `util.*`.
#[rustfmt::skip]
pub(super) const UTIL: &[FieldInfo] = &[
    f("util.cnt", Uint64, "A counter that grows by one at each evaluation."),
];

/// Nanoseconds in a second.
const NS: u64 = 1_000_000_000;

/// `evt.latency*`: always 0, as drivers send no enter events any more.
fn zero(_: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    out.push_uint(0);
    true
}

/// Pushes `v` if there is one; the field is unavailable otherwise.
fn push_some(out: &mut Values, v: Option<String>) -> bool {
    match v {
        Some(s) => {
            out.push_str(&s);
            true
        }
        None => false,
    }
}

/// Nanoseconds since the first event of the stream.
fn rel(c: &EventContext<'_>) -> u64 {
    c.event.ts().saturating_sub(c.first_ts)
}

/// Nanoseconds since the previous event.
fn delta(c: &EventContext<'_>) -> u64 {
    c.event.ts().saturating_sub(c.prev_ts)
}

fn time(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    out.push_str(&time_text(c.event.ts(), None, true));
    true
}

fn time_iso(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    let mut s = time_text(c.event.ts(), Some('T'), true);
    s.push_str("+0000");
    out.push_str(&s);
    true
}

fn type_is(c: &EventContext<'_>, field: &Field, out: &mut Values) -> bool {
    let hit = match &field.arg {
        FieldArg::Key(n) => c.type_name() == &**n,
        FieldArg::Index(code) => i64::from(c.event.code()) == *code,
        FieldArg::None => false,
    };
    out.push_uint(u64::from(hit));
    true
}

fn syscall_type(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    if c.event.info().category.source() != EventCategory::SYSCALL {
        return false;
    }
    out.push_str(c.type_name());
    true
}

fn cpu(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    match c.cpu {
        Some(n) => {
            out.push_int(i64::from(n));
            true
        }
        None => false,
    }
}

fn args(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    out.push_str(&c.evt_args());
    true
}

/// `evt.arg`: the resolved text of the parameter where there is one (flag
/// names, the fd's file, the errno name), else its plain text.
fn arg(c: &EventContext<'_>, field: &Field, out: &mut Values) -> bool {
    let Some(p) = c.param_for(&field.arg) else {
        return false;
    };
    if crate::extract::push_flags_arg(&p, out) {
        return true;
    }
    let (plain, res) = c.format(&p);
    match res.filter(|r| !r.is_empty()) {
        Some(r) => out.push_str(&r),
        None => out.push_str(&plain),
    }
    true
}

fn rawarg(c: &EventContext<'_>, field: &Field, out: &mut Values) -> bool {
    let Some(p) = c.param_for(&field.arg) else {
        return false;
    };
    if p.is_empty() {
        return false;
    }
    push_raw(&p, field.ty, out)
}

fn buffer(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    let Some(p) = c
        .event
        .param_by_name("data")
        .filter(|p| p.ty() == ParamType::ByteBuf)
    else {
        return false;
    };
    out.push_bytes(p.as_bytes());
    true
}

/// The return value of an I/O event on a known fd.
fn buflen(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    use EventCategory as C;
    let io = matches!(
        c.event.info().category.class(),
        C::IO_READ | C::IO_WRITE | C::IO_OTHER
    );
    match c.result() {
        Some(r) if io && r >= 0 && c.fd.is_some() => {
            out.push_uint(r as u64);
            true
        }
        _ => false,
    }
}

fn res(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    match c.result() {
        Some(r) if r >= 0 => out.push_str("SUCCESS"),
        Some(r) => match errno_name(r) {
            Some(n) => out.push_str(n),
            None => out.push_str(&r.to_string()),
        },
        None => return false,
    }
    true
}

fn rawres(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    match c.result() {
        Some(r) => {
            out.push_int(r);
            true
        }
        None => false,
    }
}

/// (reads from an fd, writes to an fd), from the event's flags.
fn io(c: &EventContext<'_>) -> (bool, bool) {
    let f = c.event.info().flags;
    (
        f.contains(EventFlags::READS_FROM_FD),
        f.contains(EventFlags::WRITES_TO_FD),
    )
}

fn io_dir(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    let (rd, wr) = io(c);
    if !(rd || wr) {
        return false;
    }
    out.push_str(if wr { "write" } else { "read" });
    true
}

fn is_async(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    out.push_bool(c.event.info().category.source() == EventCategory::METAEVENT);
    true
}

/// `evt.asynctype`: a meta-event's name (an `asyncevent`'s is the name it
/// carries, as `evt.type` gives it); none for other events.
fn async_type(c: &EventContext<'_>, _: &Field, out: &mut Values) -> bool {
    if c.event.info().category.source() != EventCategory::METAEVENT {
        return false;
    }
    out.push_str(c.type_name());
    true
}

/// `evt.category` as libs names it: I/O events take the class of their fd
/// (file, net, ipc, or unknown).
fn category(c: &EventContext<'_>) -> &'static str {
    use EventCategory as C;
    let cat = c.event.info().category;
    match cat.class() {
        C::IO_READ | C::IO_WRITE | C::IO_OTHER => match c.fd.map(|f| f.ty) {
            Some(FdType::File | FdType::Directory) => "file",
            Some(FdType::Ipv4 | FdType::Ipv6) => "net",
            Some(
                FdType::Pipe | FdType::Unix | FdType::Event | FdType::Signalfd | FdType::Inotify,
            ) => "ipc",
            _ => "unknown",
        },
        C::IPC => "IPC",
        C::UNKNOWN => "unknown",
        _ => cat.class_name(),
    }
}

/// The open-family exits `evt.is_open_*` look at.
const OPEN_EXITS: &[u16] = &[
    codes::PPME_SYSCALL_OPEN_X,
    codes::PPME_SYSCALL_OPENAT_2_X,
    codes::PPME_SYSCALL_OPENAT2_X,
    codes::PPME_SYSCALL_OPEN_BY_HANDLE_AT_X,
    codes::PPME_SYSCALL_CREAT_X,
];

/// Which `evt.is_open_*` check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Read,
    Write,
    Exec,
    Create,
}

/// `evt.is_open_*`, from the flags and mode of an open-family exit (false
/// for other events; creat counts for `evt.is_open_exec` only, as in libs).
///
/// PPM_O_RDONLY 1, O_WRONLY 2, O_CREAT 4, O_TMPFILE 0x2000, O_F_CREATED
/// 0x4000 (set by the driver when the file was created); any of
/// S_IXUSR/S_IXGRP/S_IXOTH in the mode is exec.
fn open_check(c: &EventContext<'_>, which: Open) -> bool {
    const EXEC_BITS: u32 = 0o100 | 0o010 | 0o001;
    let code = c.event.code();
    if !OPEN_EXITS.contains(&code) {
        return false;
    }
    let get = |n: &str| {
        c.event
            .param_by_name(n)
            .and_then(|p| p.as_u64())
            .unwrap_or(0) as u32
    };
    let (flags, mode) = (get("flags"), get("mode"));
    if code == codes::PPME_SYSCALL_CREAT_X {
        return which == Open::Exec && mode & EXEC_BITS != 0;
    }
    match which {
        Open::Read => flags & 1 != 0,
        Open::Write => flags & 2 != 0,
        Open::Exec => {
            code != codes::PPME_SYSCALL_OPEN_BY_HANDLE_AT_X
                && flags & (0x4 | 0x2000) != 0
                && mode & EXEC_BITS != 0
        }
        Open::Create => {
            flags & 0x4000 != 0 || (flags & 0x2000 != 0 && c.result().is_some_and(|r| r >= 0))
        }
    }
}

/// Which path `evt.abspath*` gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    /// `evt.abspath`: the path (the source of two-path syscalls).
    Path,
    /// `evt.abspath.src`.
    Src,
    /// `evt.abspath.dst`.
    Dst,
}

/// `evt.abspath`, `.src` and `.dst` as libs computes them: only for the
/// `*at` exit events, from their directory fd and path parameters.
fn abspath(c: &EventContext<'_>, which: Which) -> Option<String> {
    let e = &c.event;
    let t = c.thread?;
    if e.direction() != Direction::Exit || e.info().is_old_version() {
        return None;
    }
    let first = which != Which::Dst;
    let (dirfd_name, path_name) = match e.name() {
        "renameat" | "renameat2" if first => ("olddirfd", "oldpath"),
        "renameat" | "renameat2" => ("newdirfd", "newpath"),
        "linkat" if first => ("olddir", "oldpath"),
        "linkat" => ("newdir", "newpath"),
        "symlinkat" => ("linkdirfd", "linkpath"),
        "openat" | "openat2" | "unlinkat" => ("dirfd", "name"),
        "mkdirat" => ("dirfd", "path"),
        "fchmodat" => ("dirfd", "filename"),
        "fchownat" => ("dirfd", "pathname"),
        "open_by_handle_at" => {
            // Only for a successful open: the kernel gave the full path.
            if c.result()? <= 0 {
                return None;
            }
            let p = e.param_by_name("path")?.as_str_lossy()?;
            return Some(concat_paths("/", &p));
        }
        _ => return None,
    };
    let dirfd = e
        .param_by_name(dirfd_name)
        .filter(|p| !p.is_empty())?
        .as_i64()?;
    let path = e
        .param_by_name(path_name)
        .filter(|p| !p.is_empty())?
        .as_str_lossy()?;
    if path.starts_with('/') {
        return Some(concat_paths("/", &path));
    }
    match c.state.dirfd_path(t, Some(dirfd)) {
        Some(dir) => Some(concat_paths(&dir, &path)),
        // An unknown directory fd, as libs writes it.
        None => Some(format!("<UNKNOWN>/{path}")),
    }
}

/// Pushes a parameter's raw value as field type `ty` (for `evt.rawarg`).
fn push_raw(p: &Param<'_>, ty: FieldType, out: &mut Values) -> bool {
    if ty.is_numeric() {
        if ty.is_signed() {
            match p.as_i64() {
                Some(v) => out.push_int(v),
                None => return false,
            }
        } else {
            match p.as_u64() {
                Some(v) => out.push_uint(v),
                None => return false,
            }
        }
        return true;
    }
    match ty {
        FieldType::String => match p.as_cstr_bytes() {
            Some(b) => out.push_bytes(b),
            None => out.push_bytes(p.as_bytes()),
        },
        FieldType::Bytes => out.push_bytes(p.as_bytes()),
        FieldType::Bool => out.push_bool(p.as_u64().unwrap_or(0) != 0),
        FieldType::IpAddr => match p.as_ipaddr() {
            Some(a) => out.push_ip(a),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// Days-from-civil inverse: (year, month, day) of a day count since 1970.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats `ts` (ns since the epoch, UTC): `date` adds `YYYY-MM-DD`,
/// `frac` adds `.nnnnnnnnn`.
fn time_text(ts: u64, date: Option<char>, frac: bool) -> String {
    let secs = (ts / NS) as i64;
    let ns = ts % NS;
    let (y, mo, d) = civil(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let mut s = String::with_capacity(32);
    if let Some(sep) = date {
        let _ = write!(s, "{y:04}-{mo:02}-{d:02}{sep}");
    }
    let _ = write!(
        s,
        "{:02}:{:02}:{:02}",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    );
    if frac {
        let _ = write!(s, ".{ns:09}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_as_sysdig_prints_them_in_utc() {
        let ts = 1_470_327_477_881_730_713;
        assert_eq!(time_text(ts, None, true), "16:17:57.881730713");
        assert_eq!(
            time_text(ts, Some(' '), true),
            "2016-08-04 16:17:57.881730713"
        );
        assert_eq!(time_text(ts, Some('T'), false), "2016-08-04T16:17:57");
    }
}

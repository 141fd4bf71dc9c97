//! Field extraction: the values of rule fields (`proc.name`, `fd.name`,
//! `evt.arg.flags`, ...) for one event, computed from the event and the
//! [`HostState`] as libsinsp's filter checks compute them.
//!
//! [`EventContext`] implements [`FieldExtractor`] for the fields of the
//! [`SyscallFields`](crate::SyscallFields) catalog; the [`Inspector`]
//! hands one out per event. Unavailable values (no thread, no fd, a field
//! that does not apply to the event) make the field unavailable, so every
//! check on it is false, as in Falco.
//!
//! # What is computed, and what is not
//!
//! - `evt.*`: everything the official rules use, with libs' formatting of
//!   parameters (`evt.arg.flags` = `O_RDONLY|O_CLOEXEC`, `evt.arg.fd` =
//!   `<f>/etc/shadow`, `evt.arg.res` = `ENOENT`, `evt.args` =
//!   `fd=3(<f>/etc/shadow) name=... `). Times are printed in UTC.
//! - `proc.*`, `thread.*`, `user.*`, `group.*`, `fd.*`: from the state.
//!   `proc.aname`, `proc.aexe`, `proc.aexepath`, `proc.acmdline`,
//!   `proc.apid` without an index yield every ancestor (the rule compiler
//!   matches any); `fd.ip`, `fd.port`, `fd.net`, `fd.proto` yield both
//!   sides.
//! - `container.id` / `container.full_id` come from the cgroups (`host`
//!   outside containers); `container.name` is `host` on the host;
//!   `container.start_ts`/`container.duration` come from the start of the
//!   container's pid namespace. We have no container runtime, so the other
//!   `container.*` fields (image, privileged, mounts, labels, ...) are
//!   unavailable inside containers (every check on them is false) and
//!   empty/false on the host, as the plugin reports them there. `k8s.*`,
//!   `container.mount*` and the DNS-name fields (`fd.sip.name`, ...) are
//!   not computed.
//!
//! [`Inspector`]: crate::state::Inspector

use falco_rules::{Field, FieldArg, FieldExtractor, Values};

use crate::event::{Event, Param, SockAddr, SockTuple};
use crate::fields;
use crate::state::{concat_paths, event_result, Fd, HostState, ThreadInfo};
use crate::table::{self, Direction, EventFlags, ParamType, PrintFormat};

/// Everything the fields of one event are computed from.
#[derive(Clone, Copy, Debug)]
pub struct EventContext<'a> {
    /// The event.
    pub event: Event<'a>,
    /// The host state after the event was applied.
    pub state: &'a HostState,
    /// `evt.num`: the event's number in its stream, from 1.
    pub num: u64,
    /// The CPU, when the source knows it.
    pub cpu: Option<u16>,
    /// The thread of the event.
    pub thread: Option<&'a ThreadInfo>,
    /// The fd number the event works on, when it has one.
    pub fd_num: Option<i64>,
    /// That fd's table entry.
    pub fd: Option<&'a Fd>,
    /// Timestamp of the first event of the stream (for `evt.reltime`).
    pub first_ts: u64,
    /// Timestamp of the previous event (for `evt.deltatime`).
    pub prev_ts: u64,
}

/// The fd an event works on (libs' per-event fd location): the `fd`
/// parameter, `oldfd` for dup*, `fd1` for pipes; none for events without
/// `EF_USES_FD`/`EF_CREATES_FD`.
pub fn event_fd(e: &Event<'_>) -> Option<i64> {
    let flags = e.info().flags;
    if !flags.contains(EventFlags::USES_FD) && !flags.contains(EventFlags::CREATES_FD) {
        return None;
    }
    for &i in fd_params(e.code()) {
        if let Some(p) = e.param(usize::from(i)) {
            return p.as_i64();
        }
    }
    // Events that return their new fd in `res` (eventfd, inotify, ...).
    if flags.contains(EventFlags::CREATES_FD) {
        return event_result(e);
    }
    None
}

/// The fd parameter names, in the order [`event_fd`] tries them.
const FD_PARAM_NAMES: [&str; 3] = ["fd", "oldfd", "fd1"];

/// The indexes of the parameters named in [`FD_PARAM_NAMES`] that event
/// type `code` has, in that order: looked up by name once per type (at
/// first use), not once per event.
fn fd_params(code: u16) -> &'static [u8] {
    static INDEX: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        (0..table::PPM_EVENT_MAX)
            .map(|c| {
                let Some(info) = table::event_info(c) else {
                    return Vec::new();
                };
                FD_PARAM_NAMES
                    .iter()
                    .filter_map(|n| info.param_index(n))
                    .filter_map(|i| u8::try_from(i).ok())
                    .collect()
            })
            .collect()
    });
    index.get(usize::from(code)).map_or(&[], |v| v.as_slice())
}

impl<'a> EventContext<'a> {
    /// The event code, for [`falco_rules::engine::Ruleset::matching`].
    pub fn code(&self) -> u16 {
        self.event.code()
    }

    /// A context for `event` over `state`: looks up the event's thread and
    /// fd.
    ///
    /// A container meta-event (the container plugin's `asyncevent`, an old
    /// `container` event) has no thread, as in libsinsp, whatever its
    /// header's tid: its `proc.*` and `thread.*` fields are unavailable and
    /// its `container.*` fields are those of the container it announces.
    pub fn new(event: Event<'a>, state: &'a HostState, num: u64) -> EventContext<'a> {
        let thread = if is_thread_less(event.code()) {
            None
        } else {
            state.thread(event.tid() as i64)
        };
        let fd_num = event_fd(&event);
        let fd = match (thread, fd_num) {
            (Some(t), Some(n)) => state.fd(t, n),
            _ => None,
        };
        EventContext {
            event,
            state,
            num,
            cpu: None,
            thread,
            fd_num,
            fd,
            first_ts: event.ts(),
            prev_ts: event.ts(),
        }
    }
}

/// True for the meta-events libsinsp gives no thread: the container
/// plugin's `asyncevent` and the old `container` event.
pub(crate) fn is_thread_less(code: u16) -> bool {
    matches!(
        code,
        table::codes::PPME_ASYNCEVENT_E | table::codes::PPME_CONTAINER_JSON_2_E
    )
}

/// True if the catalog field `name` has an extractor (the others are
/// always unavailable).
pub fn is_implemented(name: &str) -> bool {
    fields::find(name).is_some_and(|f| f.is_implemented())
}

/// Linux errno names by number (1..=133), as libs prints them.
static ERRNO: [&str; 134] = [
    "",
    "EPERM",
    "ENOENT",
    "ESRCH",
    "EINTR",
    "EIO",
    "ENXIO",
    "E2BIG",
    "ENOEXEC",
    "EBADF",
    "ECHILD",
    "EAGAIN",
    "ENOMEM",
    "EACCES",
    "EFAULT",
    "ENOTBLK",
    "EBUSY",
    "EEXIST",
    "EXDEV",
    "ENODEV",
    "ENOTDIR",
    "EISDIR",
    "EINVAL",
    "ENFILE",
    "EMFILE",
    "ENOTTY",
    "ETXTBSY",
    "EFBIG",
    "ENOSPC",
    "ESPIPE",
    "EROFS",
    "EMLINK",
    "EPIPE",
    "EDOM",
    "ERANGE",
    "EDEADLK",
    "ENAMETOOLONG",
    "ENOLCK",
    "ENOSYS",
    "ENOTEMPTY",
    "ELOOP",
    "",
    "ENOMSG",
    "EIDRM",
    "ECHRNG",
    "EL2NSYNC",
    "EL3HLT",
    "EL3RST",
    "ELNRNG",
    "EUNATCH",
    "ENOCSI",
    "EL2HLT",
    "EBADE",
    "EBADR",
    "EXFULL",
    "ENOANO",
    "EBADRQC",
    "EBADSLT",
    "",
    "EBFONT",
    "ENOSTR",
    "ENODATA",
    "ETIME",
    "ENOSR",
    "ENONET",
    "ENOPKG",
    "EREMOTE",
    "ENOLINK",
    "EADV",
    "ESRMNT",
    "ECOMM",
    "EPROTO",
    "EMULTIHOP",
    "EDOTDOT",
    "EBADMSG",
    "EOVERFLOW",
    "ENOTUNIQ",
    "EBADFD",
    "EREMCHG",
    "ELIBACC",
    "ELIBBAD",
    "ELIBSCN",
    "ELIBMAX",
    "ELIBEXEC",
    "EILSEQ",
    "ERESTART",
    "ESTRPIPE",
    "EUSERS",
    "ENOTSOCK",
    "EDESTADDRREQ",
    "EMSGSIZE",
    "EPROTOTYPE",
    "ENOPROTOOPT",
    "EPROTONOSUPPORT",
    "ESOCKTNOSUPPORT",
    "EOPNOTSUPP",
    "EPFNOSUPPORT",
    "EAFNOSUPPORT",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ENOBUFS",
    "EISCONN",
    "ENOTCONN",
    "ESHUTDOWN",
    "ETOOMANYREFS",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "EALREADY",
    "EINPROGRESS",
    "ESTALE",
    "EUCLEAN",
    "ENOTNAM",
    "ENAVAIL",
    "EISNAM",
    "EREMOTEIO",
    "EDQUOT",
    "ENOMEDIUM",
    "EMEDIUMTYPE",
    "ECANCELED",
    "ENOKEY",
    "EKEYEXPIRED",
    "EKEYREVOKED",
    "EKEYREJECTED",
    "EOWNERDEAD",
    "ENOTRECOVERABLE",
    "ERFKILL",
    "EHWPOISON",
];

/// The name of errno `-res` (`ENOENT` for -2); `None` for other values.
pub fn errno_name(res: i64) -> Option<&'static str> {
    let n = res.checked_neg()?;
    if n <= 0 {
        return None;
    }
    ERRNO.get(n as usize).copied().filter(|s| !s.is_empty())
}

/// Bytes as libs prints a buffer: printable ASCII kept, the rest as `.`.
fn printable(b: &[u8]) -> String {
    b.iter()
        .map(|&c| {
            if (0x20..0x7f).contains(&c) {
                c as char
            } else {
                '.'
            }
        })
        .collect()
}

/// C's `%#o`: `0` for zero, else a leading 0 (`0644`).
fn octal(v: u64) -> String {
    if v == 0 {
        "0".to_string()
    } else {
        format!("0{v:o}")
    }
}

fn flag_text(p: &Param<'_>, v: u64) -> Option<String> {
    let names = p.info()?.flag_names();
    if names.is_empty() {
        return None;
    }
    let enum_like = matches!(
        p.ty(),
        ParamType::EnumFlags8 | ParamType::EnumFlags16 | ParamType::EnumFlags32
    );
    if enum_like || v == 0 {
        return names
            .iter()
            .find(|f| u64::from(f.value) == v)
            .map(|f| f.name.to_string());
    }
    let mut rest = v;
    let mut s = String::new();
    for f in names {
        let fv = u64::from(f.value);
        if fv != 0 && rest & fv == fv {
            if !s.is_empty() {
                s.push('|');
            }
            s.push_str(f.name);
            rest &= !fv;
        }
    }
    (!s.is_empty()).then_some(s)
}

/// `evt.arg` of a flags or text parameter, written straight into `out`:
/// the text [`EventContext::format`] resolves it to (the flag names joined
/// by `|`, the one name of an enum-like flag, else the decimal value; a
/// string or an absolute path as it is), without the intermediate strings.
/// False (nothing pushed) for other parameters (other types, empty ones,
/// relative paths, text that is not UTF-8), which take the general path.
pub(crate) fn push_flags_arg(p: &Param<'_>, out: &mut Values) -> bool {
    use std::fmt::Write as _;
    if p.is_empty() {
        return false;
    }
    let enum_like = match p.ty() {
        ParamType::Flags8 | ParamType::Flags16 | ParamType::Flags32 => false,
        ParamType::EnumFlags8 | ParamType::EnumFlags16 | ParamType::EnumFlags32 => true,
        ParamType::CharBuf | ParamType::FsPath | ParamType::FsRelPath => {
            // Text that `format` gives back unchanged: valid UTF-8, and for
            // a path an absolute one (a relative path is resolved against
            // the directory: the general path).
            let std::borrow::Cow::Borrowed(text) = p.as_str_lossy().unwrap_or_default() else {
                return false;
            };
            if p.ty() != ParamType::CharBuf && !text.is_empty() && !text.starts_with('/') {
                return false;
            }
            out.push_str(text);
            return true;
        }
        _ => return false,
    };
    let v = p.as_u64().unwrap_or(0);
    let names = p.info().map_or(&[][..], |i| i.flag_names());
    out.push_with(|w| {
        if enum_like || v == 0 {
            if let Some(f) = names.iter().find(|f| u64::from(f.value) == v) {
                w.push_bytes(f.name.as_bytes());
            }
        } else {
            let mut rest = v;
            for f in names {
                let fv = u64::from(f.value);
                if fv != 0 && rest & fv == fv {
                    if !w.is_empty() {
                        w.push_byte(b'|');
                    }
                    w.push_bytes(f.name.as_bytes());
                    rest &= !fv;
                }
            }
        }
        if w.is_empty() {
            // No name: the plain value, as `format` gives it.
            let _ = write!(w, "{v}");
        }
    });
    true
}

impl<'a> EventContext<'a> {
    /// A parameter as libs prints it: the plain text, and the resolved text
    /// (flag names, the fd's file, the errno name, the user name, ...) when
    /// there is one.
    pub fn format_param(&self, idx: usize) -> Option<(String, Option<String>)> {
        let p = self.event.param(idx)?;
        Some(self.format(&p))
    }

    pub(crate) fn format(&self, p: &Param<'_>) -> (String, Option<String>) {
        use ParamType as T;
        if p.is_empty() {
            return (String::new(), None);
        }
        match p.ty() {
            T::Fd | T::Fd32 => {
                let v = p.as_i64().unwrap_or(0);
                if self.thread.is_none() {
                    return (v.to_string(), None);
                }
                if v == -100 {
                    return (v.to_string(), Some("AT_FDCWD".to_string()));
                }
                if v < 0 {
                    return (v.to_string(), errno_name(v).map(str::to_string));
                }
                // <typechar[l4]>name, e.g. <f>/etc/shadow, <4t>1.2.3.4:5->...
                let res = self.thread.and_then(|t| self.state.fd(t, v)).map(|f| {
                    let l4 = if f.is_ip_socket() {
                        match f.l4proto {
                            crate::state::L4Proto::Tcp => "t",
                            crate::state::L4Proto::Udp => "u",
                            crate::state::L4Proto::Icmp => "i",
                            crate::state::L4Proto::Raw => "r",
                            crate::state::L4Proto::Unknown => "",
                        }
                    } else {
                        ""
                    };
                    format!("<{}{l4}>{}", f.ty.typechar(), f.name)
                });
                (v.to_string(), res)
            }
            T::Errno => {
                let v = p.as_i64().unwrap_or(0);
                (v.to_string(), errno_name(v).map(str::to_string))
            }
            T::Pid | T::Pid32 => {
                let v = p.as_i64().unwrap_or(0);
                let res = self.state.thread(v).map(|t| t.comm.clone());
                (v.to_string(), res)
            }
            T::Uid => {
                let v = p.as_u64().unwrap_or(0);
                let res = self.state.user(v as u32).map(|u| u.name.clone());
                (v.to_string(), res)
            }
            T::Gid => {
                let v = p.as_u64().unwrap_or(0);
                let res = self.state.groups.get(&(v as u32)).cloned();
                (v.to_string(), res)
            }
            T::Flags8
            | T::Flags16
            | T::Flags32
            | T::EnumFlags8
            | T::EnumFlags16
            | T::EnumFlags32
            | T::Mode => {
                let v = p.as_u64().unwrap_or(0);
                let plain = if p.ty() == T::Mode {
                    octal(v)
                } else {
                    v.to_string()
                };
                (plain, flag_text(p, v))
            }
            T::CharBuf => (p.as_str_lossy().unwrap_or_default().into_owned(), None),
            T::FsPath | T::FsRelPath => {
                let s = p.as_str_lossy().unwrap_or_default().into_owned();
                let res = if s.starts_with('/') || s.is_empty() {
                    None
                } else {
                    self.abspath_of(p, &s)
                };
                (s, res)
            }
            T::ByteBuf | T::CharBufArray | T::CharBufPairArray => (printable(p.as_bytes()), None),
            T::SockAddr => (
                match p.as_sockaddr() {
                    Some(SockAddr::Inet { addr, port }) => format!("{addr}:{port}"),
                    Some(SockAddr::Inet6 { addr, port }) => format!("{addr}:{port}"),
                    Some(SockAddr::Unix { path }) => String::from_utf8_lossy(path).into_owned(),
                    Some(SockAddr::Other { family }) => format!("family {family}"),
                    None => String::new(),
                },
                None,
            ),
            T::SockTuple => (
                match p.as_socktuple() {
                    Some(SockTuple::Inet {
                        sip,
                        sport,
                        dip,
                        dport,
                    }) => format!("{sip}:{sport}->{dip}:{dport}"),
                    Some(SockTuple::Inet6 {
                        sip,
                        sport,
                        dip,
                        dport,
                    }) => format!("{sip}:{sport}->{dip}:{dport}"),
                    Some(SockTuple::Unix { source, dest, path }) => {
                        format!("{source:x}->{dest:x} {}", String::from_utf8_lossy(path))
                    }
                    Some(SockTuple::Other { family }) => format!("family {family}"),
                    None => String::new(),
                },
                None,
            ),
            T::Ipv4Addr | T::Ipv6Addr | T::IpAddr => (
                p.as_ipaddr().map(|a| a.to_string()).unwrap_or_default(),
                None,
            ),
            T::Dyn => match p.as_dyn() {
                Some(inner) => self.format(&inner),
                None => (String::new(), None),
            },
            T::Double => (p.as_f64().map(|v| v.to_string()).unwrap_or_default(), None),
            _ => {
                let fmt = p.info().map_or(PrintFormat::Dec, |i| i.format);
                let text = match (fmt, p.as_i64()) {
                    (PrintFormat::Hex, Some(_)) => format!("{:X}", p.as_u64().unwrap_or(0)),
                    (PrintFormat::Oct, Some(_)) => octal(p.as_u64().unwrap_or(0)),
                    (_, Some(v)) => v.to_string(),
                    (_, None) => printable(p.as_bytes()),
                };
                (text, None)
            }
        }
    }

    /// The absolute form of a relative path parameter: against its dirfd
    /// (FSRELPATH) or the cwd.
    fn abspath_of(&self, p: &Param<'_>, rel: &str) -> Option<String> {
        let t = self.thread?;
        let dirfd = match p.info().map(|i| i.extra) {
            Some(table::ParamExtra::DirFd(i)) => {
                self.event.param(i as usize).and_then(|d| d.as_i64())
            }
            _ => None,
        };
        let dir = self.state.dirfd_path(t, dirfd)?;
        Some(concat_paths(&dir, rel))
    }

    pub(crate) fn evt_args(&self) -> String {
        let mut s = String::new();
        for i in 0..self.event.nparams() {
            let Some(p) = self.event.param(i) else {
                continue;
            };
            let (plain, res) = self.format(&p);
            s.push_str(p.name());
            s.push('=');
            s.push_str(&plain);
            if let Some(r) = res.filter(|r| !r.is_empty()) {
                if !matches!(p.ty(), ParamType::FsPath | ParamType::FsRelPath) {
                    s.push('(');
                    s.push_str(&r);
                    s.push(')');
                }
            }
            s.push(' ');
        }
        s
    }

    pub(crate) fn param_for(&self, arg: &FieldArg) -> Option<Param<'a>> {
        match arg {
            FieldArg::Key(name) => self.event.param_by_name(name),
            FieldArg::Index(i) => self.event.param(usize::try_from(*i).ok()?),
            FieldArg::None => None,
        }
    }

    pub(crate) fn result(&self) -> Option<i64> {
        if self.event.direction() != Direction::Exit {
            return None;
        }
        event_result(&self.event)
    }

    pub(crate) fn user_name(&self, uid: u32) -> Option<&'a str> {
        match self.state.user(uid) {
            Some(u) => Some(&u.name),
            None if uid == 0 => Some("root"),
            None => None,
        }
    }

    /// The user `uid` as thread `t` sees it: from its container's own
    /// users when they were read (no fallback: a uid the container does not
    /// define has no name), else the host's.
    pub(crate) fn user_of(&self, t: &ThreadInfo, uid: u32) -> Option<&'a crate::state::User> {
        match self.state.container_users_of(t) {
            Some(cu) => cu.users.get(&uid),
            None => self.state.user(uid),
        }
    }

    /// The name of user `uid` as thread `t` sees it (see
    /// [`EventContext::user_of`]); `root` for uid 0 on the host.
    pub(crate) fn user_name_of(&self, t: &ThreadInfo, uid: u32) -> Option<&'a str> {
        match self.state.container_users_of(t) {
            Some(cu) => cu.users.get(&uid).map(|u| u.name.as_str()),
            None => self.user_name(uid),
        }
    }

    /// The name of group `gid` as thread `t` sees it; `root` for gid 0 on
    /// the host.
    pub(crate) fn group_name_of(&self, t: &ThreadInfo, gid: u32) -> Option<&'a str> {
        match self.state.container_users_of(t) {
            Some(cu) => cu.groups.get(&gid).map(String::as_str),
            None => match self.state.groups.get(&gid) {
                Some(n) => Some(n),
                None if gid == 0 => Some("root"),
                None => None,
            },
        }
    }
}

impl FieldExtractor for EventContext<'_> {
    /// Calls the extractor of the field's catalog row; a field that is not
    /// ours, or that the catalog does not compute, is unavailable.
    #[inline]
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        match fields::fields().get(field.id as usize) {
            Some(info) => info.extract(self, field, out),
            None => false,
        }
    }
}

impl<'a> EventContext<'a> {
    /// `evt.type`: the event name; for the generic syscall events, the
    /// syscall's name from their `ID` parameter; for an `asyncevent`, the
    /// name it carries (`container`, ...).
    pub(crate) fn type_name(&self) -> &'a str {
        let e = &self.event;
        if e.code() == table::codes::PPME_ASYNCEVENT_E {
            // As libsinsp: an async event's type is the name it carries.
            return e.param(1).and_then(|p| p.as_str()).unwrap_or("");
        }
        if e.code() <= 1 {
            if let Some(name) = e
                .param(0)
                .and_then(|p| p.as_u64())
                .and_then(|id| table::ppm_sc_name(id as u16))
            {
                return name;
            }
        }
        e.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_names_cover_common_errors() {
        assert_eq!(errno_name(-2), Some("ENOENT"));
        assert_eq!(errno_name(-115), Some("EINPROGRESS"));
        assert_eq!(errno_name(0), None);
        assert_eq!(errno_name(3), None);
        assert_eq!(errno_name(i64::MIN), None);
    }

    #[test]
    fn every_field_the_official_rules_use_has_an_extractor() {
        // research §8.2 (k8s.* and the DNS names are unavailable by design).
        let used = [
            "evt.arg",
            "evt.args",
            "evt.buffer",
            "evt.is_open_exec",
            "evt.is_open_read",
            "evt.is_open_write",
            "evt.num",
            "evt.rawres",
            "evt.res",
            "evt.type",
            "proc.aexe",
            "proc.aexepath",
            "proc.aname",
            "proc.args",
            "proc.cmdline",
            "proc.cwd",
            "proc.duration",
            "proc.env",
            "proc.exe",
            "proc.exe_ino.ctime",
            "proc.exe_ino.ctime_duration_proc_start",
            "proc.exe_ino.mtime",
            "proc.exepath",
            "proc.is_exe_from_memfd",
            "proc.is_exe_upper_layer",
            "proc.is_vpgid_leader",
            "proc.name",
            "proc.pcmdline",
            "proc.pexe",
            "proc.pexepath",
            "proc.pname",
            "proc.sname",
            "proc.tty",
            "proc.vpid",
            "thread.cap_effective",
            "thread.cap_permitted",
            "user.loginname",
            "user.loginuid",
            "user.name",
            "user.uid",
            "group.gid",
            "group.name",
            "fd.cip",
            "fd.cnet",
            "fd.connected",
            "fd.directory",
            "fd.filename",
            "fd.ip",
            "fd.l4proto",
            "fd.lport",
            "fd.name",
            "fd.name_changed",
            "fd.nameraw",
            "fd.net",
            "fd.num",
            "fd.port",
            "fd.rip",
            "fd.rnet",
            "fd.rport",
            "fd.sip",
            "fd.snet",
            "fd.sockfamily",
            "fd.sport",
            "fd.type",
            "fd.typechar",
            "container.id",
            "container.image.repository",
            "container.mounts",
            "container.privileged",
        ];
        for f in used {
            assert!(crate::fields::find(f).is_some(), "{f} not in the catalog");
            assert!(is_implemented(f), "{f} has no extractor");
        }
    }
}

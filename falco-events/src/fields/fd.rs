//! `fd.*`, `fdlist.*` and `fs.path.*`: the file descriptor the event works
//! on, and the paths it names.

use std::borrow::Cow;
use std::net::IpAddr;

use falco_rules::IpNet;

use super::prelude::*;
use crate::state::{concat_paths, FdType, HostState, L4Proto, SockAddrs};
use crate::table::{codes, Direction, EventFlags, ParamType};

/// libs' "fd" class.
#[rustfmt::skip]
pub(super) const FD: &[FieldInfo] = &[
    f("fd.num", Int64, "The file descriptor number the event uses.").thread(|c, _, _, o| match c.fd_num { Some(n) => { o.push_int(n); true } None => false }),
    f("fd.type", Str, "The kind of fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf, userfaultfd, io_uring, memfd, pidfd.").fd(|_, _, fd, _, o| { o.push_str(fd.ty.name()); true }),
    f("fd.typechar", Str, "fd.type as one character: f file, d directory, 4 IPv4 socket, 6 IPv6 socket, u unix socket, p pipe, e eventfd, s signalfd, l eventpoll, i inotify, b bpf, r userfaultfd, o io_uring, m memfd, n netlink, t timerfd, c pidfd.").fd_or_event(|_, _, fd, _, o| { o.push_str(fd.ty.typechar()); true }, typechar_from_event),
    f("fd.name", Str, "The fd's name: the full path for files, the connection tuple (client->server) for sockets.").fd_or_event(|_, _, fd, _, o| { o.push_str(&fd.name); true }, |c, t, _, o| name_from_event(c, t, o, FromEvent::Path)),
    f("fd.directory", Str, "For a file, the directory that holds it.").fd_or_event(|_, _, fd, _, o| dir_or_file(fd, o, true), |c, t, _, o| name_from_event(c, t, o, FromEvent::Directory)),
    f("fd.filename", Str, "For a file, its name without the directory.").fd(|_, _, fd, _, o| dir_or_file(fd, o, false)),
    f("fd.ip", IpAddr, "Condition only: holds if the client or the server address of the socket matches.").attrs(EITHER_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Ip)),
    f("fd.cip", IpAddr, "The client address of the socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Cip)),
    f("fd.sip", IpAddr, "The server address of the socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Sip)),
    f("fd.lip", IpAddr, "The local address of the socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Lip)),
    f("fd.rip", IpAddr, "The remote address of the socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Rip)),
    f("fd.port", Uint16, "Condition only: holds if the client or the server port of the socket matches.").attrs(EITHER_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Port)),
    f("fd.cport", Uint16, "The client port of a TCP/UDP socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Cport)),
    f("fd.sport", Uint16, "The server port of a TCP/UDP socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Sport)),
    f("fd.lport", Uint16, "The local port of a TCP/UDP socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Lport)),
    f("fd.rport", Uint16, "The remote port of a TCP/UDP socket.").fd(|c, _, fd, _, o| net(c, fd, o, Sock::Rport)),
    f("fd.l4proto", Str, "The IP protocol of a socket: tcp, udp, icmp or raw.").fd(l4proto),
    f("fd.sockfamily", Str, "The socket family: ip or unix.").fd(sockfamily),
    f("fd.is_server", Bool, "True if the process owning the fd is the server side of the connection.").fd(is_server),
    f("fd.uid", Str, "An identifier unique to the fd: the fd number and thread id joined.").fd(|c, t, _, _, o| match c.fd_num { Some(n) => { o.push_str(&format!("{}{}", t.tid, n)); true } None => false }),
    f("fd.containername", Str, "The container id and fd.name joined, telling which container a file belongs to.").fd_or_event(|_, t, fd, _, o| { o.push_str(&format!("{}:{}", t.container_id, fd.name)); true }, |c, t, _, o| name_from_event(c, t, o, FromEvent::ContainerPath)),
    f("fd.containerdirectory", Str, "The container id and fd.directory joined.").fd_or_event(container_directory, |c, t, _, o| name_from_event(c, t, o, FromEvent::ContainerDirectory)),
    f("fd.proto", Uint16, "Condition only: holds if the client or the server protocol (port service name) of the socket matches.").attrs(EITHER_SIDE),
    f("fd.cproto", Str, "For TCP/UDP sockets, the service name of the client port."),
    f("fd.sproto", Str, "For TCP/UDP sockets, the service name of the server port."),
    f("fd.lproto", Str, "For TCP/UDP sockets, the service name of the local port."),
    f("fd.rproto", Str, "For TCP/UDP sockets, the service name of the remote port."),
    f("fd.net", IpNet, "Condition only: holds if the client or the server address lies in the given network (CIDR).").attrs(EITHER_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Net)),
    f("fd.cnet", IpNet, "Condition only: holds if the client address lies in the given network.").attrs(NET_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Cnet)),
    f("fd.snet", IpNet, "Condition only: holds if the server address lies in the given network.").attrs(NET_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Snet)),
    f("fd.lnet", IpNet, "Condition only: holds if the local address lies in the given network.").attrs(NET_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Lnet)),
    f("fd.rnet", IpNet, "Condition only: holds if the remote address lies in the given network.").attrs(NET_SIDE).fd(|c, _, fd, _, o| net(c, fd, o, Sock::Rnet)),
    f("fd.connected", Bool, "For TCP/UDP sockets, true once the socket is connected.").fd(connected),
    f("fd.name_changed", Bool, "True when the event changed the name of its fd (e.g. a UDP socket's tuple changing on sendto).").fd(|c, t, _, _, o| { o.push_bool(c.fd_num.is_some_and(|n| c.state.fd_name_changed(t, n))); true }),
    f("fd.cip.name", Str, "The domain name learned from DNS for the client address; compares against the names, not the address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.sip.name", Str, "The domain name learned from DNS for the server address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.lip.name", Str, "The domain name learned from DNS for the local address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.rip.name", Str, "The domain name learned from DNS for the remote address.").attrs(NO_RHS.with(NO_TR)),
    f("fd.dev", Int32, "The device number (major and minor) of the file's filesystem.").fd(|_, _, fd, _, o| { o.push_int(i64::from(fd.dev as i32)); true }),
    f("fd.dev.major", Int32, "The major device number of the file's filesystem.").fd(|_, _, fd, _, o| { o.push_int(i64::from((fd.dev >> 20) as i32)); true }),
    f("fd.dev.minor", Int32, "The minor device number of the file's filesystem.").fd(|_, _, fd, _, o| { o.push_int(i64::from((fd.dev & 0xfffff) as i32)); true }),
    f("fd.ino", Int64, "The inode number of the file.").fd(|_, _, fd, _, o| { o.push_int(fd.ino as i64); true }),
    f("fd.nameraw", Str, "For files, the path as the syscall gave it, without making it absolute.").fd(|_, _, fd, _, o| { o.push_str(if fd.nameraw.is_empty() { &fd.name } else { &fd.nameraw }); true }),
    f("fd.types", Str, "The types (as fd.type names them) of all fds the process has open, once each; fd.types[N] gives the type of fd N alone.").list().arg(OPT_INDEX).attrs(NO_RHS).thread(types),
    f("fd.is_upper_layer", Bool, "True if the file lives in the upper (writable) layer of an overlay filesystem."),
    f("fd.is_lower_layer", Bool, "True if the file lives in a lower (image) layer of an overlay filesystem."),
];

/// libs' `fdlist.*` (poll-like events).
#[rustfmt::skip]
pub(super) const FDLIST: &[FieldInfo] = &[
    f("fdlist.nums", Str, "For poll-like events, the fd numbers of the fds argument, comma separated."),
    f("fdlist.names", Str, "For poll-like events, the fd names of the fds argument, comma separated."),
    f("fdlist.cips", Str, "For poll-like events, the client addresses of the fds argument, comma separated."),
    f("fdlist.sips", Str, "For poll-like events, the server addresses of the fds argument, comma separated."),
    f("fdlist.cports", Str, "For poll-like events, the client ports of the fds argument, comma separated."),
    f("fdlist.sports", Str, "For poll-like events, the server ports of the fds argument, comma separated."),
];

/// libs' `fs.path.*`.
#[rustfmt::skip]
pub(super) const FS_PATH: &[FieldInfo] = &[
    f("fs.path.name", Str, "For events on one path (mkdir, unlink, chmod, ...), that path made absolute."),
    f("fs.path.nameraw", Str, "For events on one path, the path exactly as the syscall got it."),
    f("fs.path.source", Str, "For events with a source and a target path (rename, link, symlink), the source made absolute."),
    f("fs.path.sourceraw", Str, "For events with a source and a target path, the source as the syscall got it."),
    f("fs.path.target", Str, "For events with a source and a target path, the target made absolute."),
    f("fs.path.targetraw", Str, "For events with a source and a target path, the target as the syscall got it."),
];

/// `fd.directory` (`dir`) or `fd.filename` of a file or directory fd.
fn dir_or_file(fd: &Fd, out: &mut Values, dir: bool) -> bool {
    if !matches!(fd.ty, FdType::File | FdType::Directory) {
        return false;
    }
    let name = fd.name.as_str();
    if fd.ty == FdType::Directory {
        if !dir {
            return false;
        }
        out.push_str(name);
        return true;
    }
    let (d, file) = match name.rfind('/') {
        Some(0) => ("/", &name[1..]),
        Some(i) => (&name[..i], &name[i + 1..]),
        None => return false,
    };
    out.push_str(if dir { d } else { file });
    true
}

fn container_directory(
    _: &EventContext<'_>,
    t: &ThreadInfo,
    fd: &Fd,
    _: &Field,
    out: &mut Values,
) -> bool {
    let mut s = t.container_id.clone();
    s.push(':');
    if let Some(i) = fd.name.rfind('/') {
        s.push_str(if i == 0 { "/" } else { &fd.name[..i] });
    }
    out.push_str(&s);
    true
}

fn types(c: &EventContext<'_>, t: &ThreadInfo, field: &Field, out: &mut Values) -> bool {
    let Some(table) = c.state.fd_table(t) else {
        return false;
    };
    match field.arg {
        FieldArg::Index(n) => {
            let Some(f) = table.get(&n) else {
                return false;
            };
            out.push_str(f.ty.name());
        }
        _ => {
            let mut names: Vec<&str> = table.values().map(|f| f.ty.name()).collect();
            names.sort_unstable();
            names.dedup();
            for n in names {
                out.push_str(n);
            }
        }
    }
    true
}

/// libs' `get_l4proto`: a listening/bound socket gives its protocol; any
/// other IP socket gives it only once it has a role (connect, accept, a
/// datagram's peer), raw sockets always; else `<NA>`.
fn l4proto(_: &EventContext<'_>, _: &ThreadInfo, fd: &Fd, _: &Field, out: &mut Values) -> bool {
    if !fd.is_ip_socket() {
        return false;
    }
    let known = matches!(fd.sock, Some(SockAddrs::Server { .. }))
        || fd.server_role.is_some()
        || fd.l4proto == L4Proto::Raw;
    out.push_str(if known {
        fd.l4proto.name()
    } else {
        L4Proto::Unknown.name()
    });
    true
}

fn sockfamily(_: &EventContext<'_>, _: &ThreadInfo, fd: &Fd, _: &Field, out: &mut Values) -> bool {
    match fd.ty {
        FdType::Ipv4 | FdType::Ipv6 => out.push_str("ip"),
        FdType::Unix => out.push_str("unix"),
        _ => return false,
    }
    true
}

/// A listening socket is a server; a connection is when its server side is
/// an address of this host (an unconnected socket checks the unspecified
/// address, as libs does).
fn is_server(c: &EventContext<'_>, _: &ThreadInfo, fd: &Fd, _: &Field, out: &mut Values) -> bool {
    let v = match fd.sock {
        Some(SockAddrs::Server { .. }) => true,
        Some(SockAddrs::Tuple { sip, .. }) => c.state.is_local_ip(sip),
        None => match fd.ty {
            FdType::Ipv4 => c.state.is_local_ip(IpAddr::from([0u8; 4])),
            FdType::Ipv6 => c.state.is_local_ip(IpAddr::from([0u8; 16])),
            _ => false,
        },
    };
    out.push_bool(v);
    true
}

fn connected(_: &EventContext<'_>, _: &ThreadInfo, fd: &Fd, _: &Field, out: &mut Values) -> bool {
    if !fd.is_ip_socket() {
        return false;
    }
    out.push_bool(matches!(fd.sock, Some(SockAddrs::Tuple { .. })));
    true
}

/// Which fd name an event without a table entry gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FromEvent {
    /// `fd.name`.
    Path,
    /// `fd.directory`.
    Directory,
    /// `fd.containername`.
    ContainerPath,
    /// `fd.containerdirectory`.
    ContainerDirectory,
}

/// True for events that create, use or close an fd: only those give fd
/// fields when the fd is not in the table.
fn is_fd_event(c: &EventContext<'_>) -> bool {
    let flags = c.event.info().flags;
    flags.contains(EventFlags::CREATES_FD)
        || flags.contains(EventFlags::USES_FD)
        || flags.contains(EventFlags::DESTROYS_FD)
}

/// The fd name libs still gives an fd event whose fd is not in the table (a
/// failed open, an fd from before the capture): the name the event carries
/// (`""` when it carries none), or its directory, alone or after the
/// container id.
fn name_from_event(
    c: &EventContext<'_>,
    t: &ThreadInfo,
    out: &mut Values,
    which: FromEvent,
) -> bool {
    if !is_fd_event(c) {
        return false;
    }
    let Some(name) = fd_name_from_event(c) else {
        return false;
    };
    let mut name: &str = &name;
    if matches!(which, FromEvent::Directory | FromEvent::ContainerDirectory) {
        name = match name.rfind('/') {
            Some(pos) if pos != 0 => {
                if pos < name.len() - 1 {
                    &name[..pos]
                } else {
                    name
                }
            }
            _ => "/",
        };
    }
    if matches!(
        which,
        FromEvent::ContainerPath | FromEvent::ContainerDirectory
    ) {
        out.push_with(|w| {
            w.push_bytes(t.container_id.as_bytes());
            w.push_byte(b':');
            w.push_bytes(name.as_bytes());
        });
    } else {
        out.push_str(name);
    }
    true
}

/// `fd.typechar` of an fd event whose fd is not in the table: guessed from
/// the event type.
fn typechar_from_event(c: &EventContext<'_>, _: &ThreadInfo, _: &Field, out: &mut Values) -> bool {
    use codes::*;
    if !is_fd_event(c) {
        return false;
    }
    out.push_str(match c.event.code() {
        PPME_SYSCALL_OPENAT_2_X | PPME_SYSCALL_OPENAT2_X | PPME_SYSCALL_CREAT_X => "f",
        PPME_SOCKET_SOCKET_X | PPME_SOCKET_ACCEPT_5_X | PPME_SOCKET_ACCEPT4_6_X => "4",
        PPME_SYSCALL_PIPE_X | PPME_SYSCALL_PIPE2_X => "p",
        PPME_SYSCALL_EVENTFD_X | PPME_SYSCALL_EVENTFD2_X => "e",
        PPME_SYSCALL_SIGNALFD_X | PPME_SYSCALL_SIGNALFD4_X => "s",
        PPME_SYSCALL_TIMERFD_CREATE_X => "t",
        PPME_SYSCALL_INOTIFY_INIT_X | PPME_SYSCALL_INOTIFY_INIT1_X => "i",
        _ => "o",
    });
    true
}

/// libs' `extract_fdname_from_event`.
fn fd_name_from_event<'a>(c: &EventContext<'a>) -> Option<Cow<'a, str>> {
    use codes::*;
    let e = &c.event;
    if e.direction() != Direction::Exit {
        return None;
    }
    Some(Cow::Owned(match e.code() {
        PPME_SYSCALL_OPEN_X | PPME_SYSCALL_CREAT_X => {
            // An absolute path is its own name: borrowed, not formatted.
            if let Some(p) = e
                .param(1)
                .filter(|p| matches!(p.ty(), ParamType::FsPath | ParamType::FsRelPath))
            {
                if let Some(Cow::Borrowed(path)) = p.as_str_lossy() {
                    if path.starts_with('/') {
                        return Some(Cow::Borrowed(path));
                    }
                }
            }
            match c.format_param(1) {
                Some((plain, res)) => res.filter(|r| !r.is_empty()).unwrap_or(plain),
                None => String::new(),
            }
        }
        PPME_SOCKET_ACCEPT_5_X | PPME_SOCKET_ACCEPT4_6_X | PPME_SOCKET_CONNECT_X => {
            match c.format_param(1) {
                Some((plain, res)) => res.filter(|r| !r.is_empty()).unwrap_or(plain),
                None => String::new(),
            }
        }
        PPME_SYSCALL_OPENAT_2_X | PPME_SYSCALL_OPENAT2_X => {
            let name = e.param(2).filter(|p| !p.is_empty())?.as_str_lossy()?;
            let dirfd = e.param(1).filter(|p| !p.is_empty())?.as_i64()?;
            if name.starts_with('/') {
                concat_paths("/", &name)
            } else {
                let t = c.thread?;
                let dir = c.state.dirfd_path(t, Some(dirfd)).unwrap_or_default();
                concat_paths(&dir, &name)
            }
        }
        PPME_SYSCALL_OPEN_BY_HANDLE_AT_X => e
            .param_by_name("path")
            .and_then(|p| p.as_str_lossy())
            .map(|c| c.into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }))
}

/// The network fields of a socket fd.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sock {
    Ip,
    Cip,
    Sip,
    Lip,
    Rip,
    Port,
    Cport,
    Sport,
    Lport,
    Rport,
    Net,
    Cnet,
    Snet,
    Lnet,
    Rnet,
}

/// The address and port fields. libs: the one-side fields need a known
/// role, except the server port of a listening socket; `fd.ip`, `fd.port`
/// and `fd.net` do not, and give both sides of a connection.
fn net(c: &EventContext<'_>, fd: &Fd, out: &mut Values, k: Sock) -> bool {
    use Sock::*;
    let Some(sock) = fd.sock else {
        return false;
    };
    let role_known = fd.server_role.is_some();
    match (k, sock) {
        (Ip | Net, SockAddrs::Tuple { cip, sip, .. }) => {
            for ip in [cip, sip] {
                if k == Ip {
                    out.push_ip(ip);
                } else {
                    out.push_net(net_of(ip));
                }
            }
        }
        (Ip, SockAddrs::Server { ip, .. }) => out.push_ip(ip),
        (Net, SockAddrs::Server { ip, .. }) => out.push_net(net_of(ip)),
        (Port, SockAddrs::Tuple { cport, sport, .. }) => {
            out.push_uint(u64::from(cport));
            out.push_uint(u64::from(sport));
        }
        (Port | Sport, SockAddrs::Server { port, .. }) => out.push_uint(u64::from(port)),
        _ if !role_known => return false,
        (Cip, SockAddrs::Tuple { cip, .. }) => out.push_ip(cip),
        (Cnet, SockAddrs::Tuple { cip, .. }) => out.push_net(net_of(cip)),
        (Sip, SockAddrs::Tuple { sip, .. }) | (Sip, SockAddrs::Server { ip: sip, .. }) => {
            out.push_ip(sip)
        }
        (Snet, SockAddrs::Tuple { sip, .. }) | (Snet, SockAddrs::Server { ip: sip, .. }) => {
            out.push_net(net_of(sip))
        }
        (Cport, SockAddrs::Tuple { cport, .. }) => out.push_uint(u64::from(cport)),
        (Sport, SockAddrs::Tuple { sport, .. }) => out.push_uint(u64::from(sport)),
        (Lip | Rip | Lport | Rport | Lnet | Rnet, SockAddrs::Tuple { .. }) => {
            let Some((lip, lport, rip, rport)) = local_remote(c.state, fd) else {
                return false;
            };
            match k {
                Lip => out.push_ip(lip),
                Rip => out.push_ip(rip),
                Lport => out.push_uint(u64::from(lport)),
                Rport => out.push_uint(u64::from(rport)),
                Lnet => out.push_net(net_of(lip)),
                _ => out.push_net(net_of(rip)),
            }
        }
        _ => return false,
    }
    true
}

/// (local ip, local port, remote ip, remote port) of a connected socket:
/// the client side is local when its address belongs to the host (libs'
/// rule); unavailable before the socket took a role.
fn local_remote(st: &HostState, fd: &Fd) -> Option<(IpAddr, u16, IpAddr, u16)> {
    fd.server_role?;
    match fd.sock? {
        SockAddrs::Tuple {
            cip,
            cport,
            sip,
            sport,
        } => {
            if st.is_local_ip(cip) {
                Some((cip, cport, sip, sport))
            } else {
                Some((sip, sport, cip, cport))
            }
        }
        SockAddrs::Server { .. } => None,
    }
}

/// A single address as a network (`/32` or `/128`).
fn net_of(ip: IpAddr) -> IpNet {
    IpNet {
        addr: ip,
        prefix: if ip.is_ipv4() { 32 } else { 128 },
    }
}

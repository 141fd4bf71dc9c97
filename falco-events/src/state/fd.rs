//! File descriptors as libsinsp keeps them (`fdinfo.h`): a kind, a name,
//! and for sockets the connection tuple.

use std::net::IpAddr;

use crate::scap::{FdInfo as ScapFd, FdKind as ScapKind};

/// What an fd refers to; [`FdType::typechar`] and [`FdType::name`] are what
/// `fd.typechar` and `fd.type` show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FdType {
    /// Unknown (`o`).
    Unknown,
    /// Regular file (`f`).
    File,
    /// Directory (`d`).
    Directory,
    /// IPv4 socket, client or server (`4`).
    Ipv4,
    /// IPv6 socket, client or server (`6`).
    Ipv6,
    /// Unix socket (`u`).
    Unix,
    /// Pipe or FIFO (`p`).
    Pipe,
    /// eventfd (`e`).
    Event,
    /// signalfd (`s`).
    Signalfd,
    /// epoll instance (`l`).
    Eventpoll,
    /// inotify instance (`i`).
    Inotify,
    /// timerfd (`t`).
    Timerfd,
    /// Netlink socket (`n`).
    Netlink,
    /// BPF program or map (`b`).
    Bpf,
    /// userfaultfd (`u`, the same character libs gives unix sockets).
    Userfaultfd,
    /// io_uring instance (`r`).
    IoUring,
    /// memfd (`m`).
    Memfd,
    /// pidfd (`P`).
    Pidfd,
    /// A socket family libs does not track (`X`).
    Unsupported,
}

impl FdType {
    /// The one-character code of `fd.typechar` (libs `fdinfo.h`).
    pub fn typechar(self) -> &'static str {
        match self {
            FdType::Unknown => "o",
            FdType::File => "f",
            FdType::Directory => "d",
            FdType::Ipv4 => "4",
            FdType::Ipv6 => "6",
            FdType::Unix => "u",
            FdType::Pipe => "p",
            FdType::Event => "e",
            FdType::Signalfd => "s",
            FdType::Eventpoll => "l",
            FdType::Inotify => "i",
            FdType::Timerfd => "t",
            FdType::Netlink => "n",
            FdType::Bpf => "b",
            FdType::Userfaultfd => "u",
            FdType::IoUring => "r",
            FdType::Memfd => "m",
            FdType::Pidfd => "P",
            FdType::Unsupported => "X",
        }
    }

    /// The name `fd.type` shows (`file`, `ipv4`, ...).
    pub fn name(self) -> &'static str {
        match self {
            FdType::Unknown => "unknown",
            FdType::File => "file",
            FdType::Directory => "directory",
            FdType::Ipv4 => "ipv4",
            FdType::Ipv6 => "ipv6",
            FdType::Unix => "unix",
            FdType::Pipe => "pipe",
            FdType::Event => "event",
            FdType::Signalfd => "signalfd",
            FdType::Eventpoll => "eventpoll",
            FdType::Inotify => "inotify",
            FdType::Timerfd => "timerfd",
            FdType::Netlink => "netlink",
            FdType::Bpf => "bpf",
            FdType::Userfaultfd => "userfaultfd",
            FdType::IoUring => "io_uring",
            FdType::Memfd => "memfd",
            FdType::Pidfd => "pidfd",
            FdType::Unsupported => "unsupported",
        }
    }
}

/// Layer-4 protocol of a socket (`SCAP_L4_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum L4Proto {
    /// Not known.
    #[default]
    Unknown,
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
    /// ICMP.
    Icmp,
    /// Raw.
    Raw,
}

impl L4Proto {
    /// From the `SCAP_L4_*` number of capture fd lists.
    pub fn from_scap(v: u8) -> L4Proto {
        match v {
            1 => L4Proto::Tcp,
            2 => L4Proto::Udp,
            3 => L4Proto::Icmp,
            4 => L4Proto::Raw,
            _ => L4Proto::Unknown,
        }
    }

    /// What `fd.l4proto` shows.
    pub fn name(self) -> &'static str {
        match self {
            L4Proto::Unknown => "<NA>",
            L4Proto::Tcp => "tcp",
            L4Proto::Udp => "udp",
            L4Proto::Icmp => "icmp",
            L4Proto::Raw => "raw",
        }
    }
}

/// The network side of a socket fd.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockAddrs {
    /// A connection: client (source) and server (destination).
    Tuple {
        /// Client address.
        cip: IpAddr,
        /// Client port.
        cport: u16,
        /// Server address.
        sip: IpAddr,
        /// Server port.
        sport: u16,
    },
    /// A bound or listening socket: one address.
    Server {
        /// Address.
        ip: IpAddr,
        /// Port.
        port: u16,
    },
}

/// One open fd.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fd {
    /// The kind.
    pub ty: FdType,
    /// The name: an absolute path for files, `cip:cport->sip:sport` for
    /// connected IP sockets, the path for unix sockets.
    pub name: String,
    /// For files, the path as the syscall gave it (`fd.nameraw`).
    pub nameraw: String,
    /// Open flags (`PPM_O_*`), for files.
    pub flags: u32,
    /// Device number, for files.
    pub dev: u32,
    /// Inode number, when known.
    pub ino: u64,
    /// Addresses, for IP sockets.
    pub sock: Option<SockAddrs>,
    /// Layer-4 protocol, for IP sockets.
    pub l4proto: L4Proto,
    /// The process accepted this connection or bound the socket (server
    /// role) rather than connecting (client role); `None` when unknown
    /// (libs' "role none": then `fd.cip`, `fd.sip`, `fd.lip`, ... are
    /// unavailable).
    pub server_role: Option<bool>,
}

impl Fd {
    /// A new fd of `ty` named `name`.
    pub fn new(ty: FdType, name: impl Into<String>) -> Fd {
        Fd {
            ty,
            name: name.into(),
            nameraw: String::new(),
            flags: 0,
            dev: 0,
            ino: 0,
            sock: None,
            l4proto: L4Proto::Unknown,
            server_role: None,
        }
    }

    /// From a capture's fd list entry.
    pub fn from_scap(f: &ScapFd) -> Fd {
        let mut fd = match &f.kind {
            ScapKind::Ipv4Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            } => {
                // Client until the capture shows the port is served here
                // (HostState::from_metadata swaps those, as libs does).
                let mut fd = tuple_fd(
                    FdType::Ipv4,
                    IpAddr::V4(*sip),
                    *sport,
                    IpAddr::V4(*dip),
                    *dport,
                    L4Proto::from_scap(*l4proto),
                );
                fd.server_role = Some(false);
                fd
            }
            // An IPv4-mapped IPv6 connection is an IPv4 one (libs).
            ScapKind::Ipv6Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            } if sip.to_ipv4_mapped().is_some() && dip.to_ipv4_mapped().is_some() => {
                let mut fd = tuple_fd(
                    FdType::Ipv4,
                    IpAddr::V6(*sip).to_canonical(),
                    *sport,
                    IpAddr::V6(*dip).to_canonical(),
                    *dport,
                    L4Proto::from_scap(*l4proto),
                );
                fd.server_role = Some(false);
                fd
            }
            ScapKind::Ipv6Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            } => tuple_fd(
                FdType::Ipv6,
                IpAddr::V6(*sip),
                *sport,
                IpAddr::V6(*dip),
                *dport,
                L4Proto::from_scap(*l4proto),
            ),
            ScapKind::Ipv4ServSock { ip, port, l4proto } => server_fd(
                FdType::Ipv4,
                IpAddr::V4(*ip),
                *port,
                L4Proto::from_scap(*l4proto),
            ),
            ScapKind::Ipv6ServSock { ip, port, l4proto } => server_fd(
                FdType::Ipv6,
                IpAddr::V6(*ip),
                *port,
                L4Proto::from_scap(*l4proto),
            ),
            ScapKind::UnixSock { path, .. } => {
                let mut fd = Fd::new(FdType::Unix, path.clone());
                fd.server_role = Some(!path.is_empty());
                fd
            }
            ScapKind::File {
                open_flags,
                path,
                dev,
            } => {
                let mut fd = Fd::new(FdType::File, path.clone());
                fd.flags = *open_flags;
                fd.dev = *dev;
                fd
            }
            ScapKind::Named { ty, name } => Fd::new(scap_type(*ty), name.clone()),
        };
        fd.ino = f.ino;
        fd
    }

    /// True for IPv4 and IPv6 sockets.
    pub fn is_ip_socket(&self) -> bool {
        matches!(self.ty, FdType::Ipv4 | FdType::Ipv6)
    }
}

/// An IP socket fd for a connection `client -> server`.
pub fn tuple_fd(ty: FdType, cip: IpAddr, cport: u16, sip: IpAddr, sport: u16, l4: L4Proto) -> Fd {
    let mut fd = Fd::new(ty, tuple_name(cip, cport, sip, sport));
    fd.sock = Some(SockAddrs::Tuple {
        cip,
        cport,
        sip,
        sport,
    });
    fd.l4proto = l4;
    fd
}

fn server_fd(ty: FdType, ip: IpAddr, port: u16, l4: L4Proto) -> Fd {
    let mut fd = Fd::new(ty, format!("{}:{port}", ip_text(ip)));
    fd.sock = Some(SockAddrs::Server { ip, port });
    fd.l4proto = l4;
    fd
}

/// `cip:cport->sip:sport`, as libs names a connected socket.
pub fn tuple_name(cip: IpAddr, cport: u16, sip: IpAddr, sport: u16) -> String {
    format!("{}:{cport}->{}:{sport}", ip_text(cip), ip_text(sip))
}

/// An address as libs prints it (IPv6 in its compressed form).
pub fn ip_text(ip: IpAddr) -> String {
    ip.to_string()
}

fn scap_type(t: u8) -> FdType {
    match t {
        1 | 16 => FdType::File,
        2 => FdType::Directory,
        3 | 5 => FdType::Ipv4,
        4 | 6 => FdType::Ipv6,
        7 => FdType::Pipe,
        8 => FdType::Unix,
        9 => FdType::Event,
        10 => FdType::Unsupported,
        11 => FdType::Signalfd,
        12 => FdType::Eventpoll,
        13 => FdType::Inotify,
        14 => FdType::Timerfd,
        15 => FdType::Netlink,
        17 => FdType::Bpf,
        18 => FdType::Userfaultfd,
        19 => FdType::IoUring,
        20 => FdType::Memfd,
        21 => FdType::Pidfd,
        _ => FdType::Unknown,
    }
}

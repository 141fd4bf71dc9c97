//! Sockets that exist before the first event: the kernel's socket tables
//! under `/proc/net` (`tcp`, `udp`, `raw`, `unix`, `netlink`, `tcp6`,
//! `udp6`, `raw6`), as libscap reads them at start.
//!
//! A process's `/proc/PID/fd/N` link only says `socket:[INODE]`; the tables
//! of the process's network namespace say what that inode is. Each line
//! becomes the [`FdKind`] a capture's fd list would hold for it, so live
//! sockets and captured ones go through the same [`Fd::from_scap`]:
//!
//! - an IP socket with a remote address is a connection (local side first,
//!   as the kernel prints it; the state later swaps the sides of sockets on
//!   a listening port, as libsinsp does);
//! - an IP socket without one (IPv4 `0.0.0.0`, IPv6 `::`) is a listening or
//!   bound socket, with the local address and port;
//! - a unix socket is named by its path (empty for unnamed ones);
//! - a netlink socket has no name.
//!
//! Lines that do not parse are skipped and counted.
//!
//! [`Fd::from_scap`]: super::Fd::from_scap

use std::fs;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use super::HashMap;
use crate::scap::FdKind;

/// `SCAP_L4_TCP`.
pub const L4_TCP: u8 = 1;
/// `SCAP_L4_UDP`.
pub const L4_UDP: u8 = 2;
/// `SCAP_L4_RAW`.
pub const L4_RAW: u8 = 4;
/// `SCAP_FD_NETLINK`.
const FD_NETLINK: u8 = 15;

/// The sockets of one network namespace, by inode.
///
/// # Example
///
/// ```
/// use falco_events::state::SocketTable;
/// use falco_events::scap::FdKind;
///
/// let mut t = SocketTable::default();
/// t.parse_inet(
///     "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n\
///      0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n",
///     false,
///     1,
/// );
/// assert!(matches!(t.get(4242), Some(FdKind::Ipv4ServSock { port: 631, .. })));
/// ```
#[derive(Clone, Debug, Default)]
pub struct SocketTable {
    by_ino: HashMap<u64, FdKind>,
    /// Lines that could not be read (skipped).
    pub skipped_lines: u64,
}

impl SocketTable {
    /// Reads every table under `netroot` (`/proc/net`, or `/proc/PID/net`
    /// for a process's own namespace). Missing files are skipped (a kernel
    /// without IPv6 has no `tcp6`).
    pub fn read(netroot: &Path) -> SocketTable {
        let mut t = SocketTable::default();
        let read = |name: &str| fs::read_to_string(netroot.join(name)).ok();
        for (name, v6, l4) in [
            ("tcp", false, L4_TCP),
            ("udp", false, L4_UDP),
            ("raw", false, L4_RAW),
            ("tcp6", true, L4_TCP),
            ("udp6", true, L4_UDP),
            ("raw6", true, L4_RAW),
        ] {
            if let Some(text) = read(name) {
                t.parse_inet(&text, v6, l4);
            }
        }
        if let Some(text) = read("unix") {
            t.parse_unix(&text);
        }
        if let Some(text) = read("netlink") {
            t.parse_netlink(&text);
        }
        t
    }

    /// The socket with inode `ino`.
    pub fn get(&self, ino: u64) -> Option<&FdKind> {
        self.by_ino.get(&ino)
    }

    /// How many sockets the table holds.
    pub fn len(&self) -> usize {
        self.by_ino.len()
    }

    /// True when the table holds no socket.
    pub fn is_empty(&self) -> bool {
        self.by_ino.is_empty()
    }

    /// Adds the lines of a `tcp`/`udp`/`raw` table (`v6` for the `*6`
    /// ones) whose protocol is `l4proto` (`SCAP_L4_*`). The header line is
    /// skipped.
    pub fn parse_inet(&mut self, text: &str, v6: bool, l4proto: u8) {
        for line in text.lines().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            match inet_line(line, v6, l4proto) {
                Some((ino, kind)) => {
                    self.by_ino.insert(ino, kind);
                }
                None => self.skipped_lines += 1,
            }
        }
    }

    /// Adds the lines of a `unix` table (`Num: RefCount Protocol Flags Type
    /// St Inode [Path]`).
    pub fn parse_unix(&mut self, text: &str) {
        for line in text.lines().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            match unix_line(line) {
                Some((ino, kind)) => {
                    self.by_ino.insert(ino, kind);
                }
                None => self.skipped_lines += 1,
            }
        }
    }

    /// Adds the lines of a `netlink` table (the inode is the tenth column).
    pub fn parse_netlink(&mut self, text: &str) {
        for line in text.lines().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            match line.split_whitespace().nth(9).and_then(|s| s.parse().ok()) {
                Some(ino) => {
                    self.by_ino.insert(
                        ino,
                        FdKind::Named {
                            ty: FD_NETLINK,
                            name: String::new(),
                        },
                    );
                }
                None => self.skipped_lines += 1,
            }
        }
    }
}

/// One line of an IP socket table: `sl: local rem st tx:rx tr:when retr uid
/// timeout inode ...`.
fn inet_line(line: &str, v6: bool, l4proto: u8) -> Option<(u64, FdKind)> {
    let mut f = line.split_whitespace();
    let sl = f.next()?;
    if !sl.ends_with(':') {
        return None;
    }
    let local = f.next()?;
    let remote = f.next()?;
    let ino: u64 = f.nth(6)?.parse().ok()?;
    let kind = if v6 {
        let (sip, sport) = v6_addr(local)?;
        let (dip, dport) = v6_addr(remote)?;
        if dip.is_unspecified() {
            FdKind::Ipv6ServSock {
                ip: sip,
                port: sport,
                l4proto,
            }
        } else {
            FdKind::Ipv6Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            }
        }
    } else {
        let (sip, sport) = v4_addr(local)?;
        let (dip, dport) = v4_addr(remote)?;
        if dip.is_unspecified() {
            FdKind::Ipv4ServSock {
                ip: sip,
                port: sport,
                l4proto,
            }
        } else {
            FdKind::Ipv4Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            }
        }
    };
    Some((ino, kind))
}

/// `HHHHHHHH:PPPP`: the address is the kernel's 32-bit word printed in the
/// host's byte order; the port is a number.
fn v4_addr(s: &str) -> Option<(Ipv4Addr, u16)> {
    let (a, p) = s.split_once(':')?;
    if a.len() != 8 {
        return None;
    }
    let word = u32::from_str_radix(a, 16).ok()?;
    let port = u16::from_str_radix(p, 16).ok()?;
    Some((Ipv4Addr::from(word.to_ne_bytes()), port))
}

/// 32 hex digits (four 32-bit words, each in the host's byte order) and a
/// port.
fn v6_addr(s: &str) -> Option<(Ipv6Addr, u16)> {
    let (a, p) = s.split_once(':')?;
    if a.len() != 32 || !a.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(4).enumerate() {
        let word = u32::from_str_radix(&a[i * 8..i * 8 + 8], 16).ok()?;
        chunk.copy_from_slice(&word.to_ne_bytes());
    }
    let port = u16::from_str_radix(p, 16).ok()?;
    Some((Ipv6Addr::from(bytes), port))
}

/// `Num: RefCount Protocol Flags Type St Inode [Path]`.
fn unix_line(line: &str) -> Option<(u64, FdKind)> {
    let mut f = line.split_whitespace();
    let num = f.next()?.strip_suffix(':')?;
    let source = u64::from_str_radix(num, 16).ok()?;
    let ino: u64 = f.nth(5)?.parse().ok()?;
    let path = f.next().unwrap_or("").to_string();
    Some((
        ino,
        FdKind::UnixSock {
            source,
            dest: 0,
            path,
        },
    ))
}

/// The socket tables of each network namespace, read once per namespace
/// while `/proc` is walked.
#[derive(Debug, Default)]
pub(crate) struct NsSockets {
    by_ns: HashMap<u64, SocketTable>,
    host: Option<SocketTable>,
    /// Lines skipped over all tables read.
    pub skipped_lines: u64,
}

impl NsSockets {
    /// The tables of the namespace of process `pid` (under `proc_root`,
    /// normally `/proc`): `/proc/PID/net` keyed by the namespace inode, or
    /// the host's `/proc/net` when the namespace cannot be read.
    pub fn for_pid(&mut self, proc_root: &Path, pid: i64) -> &SocketTable {
        let pid_dir = proc_root.join(pid.to_string());
        match net_ns(&pid_dir) {
            Some(ns) => {
                let skipped = &mut self.skipped_lines;
                self.by_ns.entry(ns).or_insert_with(|| {
                    let t = SocketTable::read(&pid_dir.join("net"));
                    *skipped += t.skipped_lines;
                    t
                })
            }
            None => {
                let skipped = &mut self.skipped_lines;
                self.host.get_or_insert_with(|| {
                    let t = SocketTable::read(&PathBuf::from(proc_root).join("net"));
                    *skipped += t.skipped_lines;
                    t
                })
            }
        }
    }
}

/// The inode of a process's network namespace (`net:[INODE]`).
fn net_ns(pid_dir: &Path) -> Option<u64> {
    let link = fs::read_link(pid_dir.join("ns").join("net")).ok()?;
    let s = link.to_str()?;
    s.strip_prefix("net:[")?.strip_suffix(']')?.parse().ok()
}

/// The inode of a `socket:[INODE]` fd link.
pub(crate) fn socket_inode(link: &str) -> Option<u64> {
    link.strip_prefix("socket:[")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// The host's interface addresses, as libs compares `fd.lip`/`fd.is_server`
/// against them: IPv4 addresses marked `/32 host LOCAL` in
/// `/proc/net/fib_trie`, IPv6 addresses from `/proc/net/if_inet6`.
pub(crate) fn interface_addrs(proc_root: &Path) -> Vec<std::net::IpAddr> {
    let mut out = Vec::new();
    if let Ok(text) = fs::read_to_string(proc_root.join("net/fib_trie")) {
        out.extend(
            parse_fib_trie_locals(&text)
                .into_iter()
                .map(std::net::IpAddr::V4),
        );
    }
    if let Ok(text) = fs::read_to_string(proc_root.join("net/if_inet6")) {
        out.extend(parse_if_inet6(&text).into_iter().map(std::net::IpAddr::V6));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The local IPv4 addresses of a `fib_trie` dump: each `|-- ADDR` leaf
/// followed by a `/32 host LOCAL` line.
pub fn parse_fib_trie_locals(text: &str) -> Vec<Ipv4Addr> {
    let mut out = Vec::new();
    let mut last: Option<Ipv4Addr> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(a) = t.strip_prefix("|-- ") {
            last = a.parse().ok();
        } else if t.starts_with("/32 host LOCAL") {
            if let Some(a) = last {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// The addresses of `if_inet6` (32 hex digits in network order, then
/// index, prefix, scope, flags and name).
pub fn parse_if_inet6(text: &str) -> Vec<Ipv6Addr> {
    text.lines()
        .filter_map(|l| {
            let a = l.split_whitespace().next()?;
            if a.len() != 32 {
                return None;
            }
            u128::from_str_radix(a, 16).ok().map(Ipv6Addr::from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TCP: &str = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0
   1: 0F02000A:0016 0202000A:D431 01 00000000:00000000 02:0009A0B5 00000000     0        0 1002 2 0000000000000000 20 4 31 10 -1
   2: garbage
";

    const TCP6: &str = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 100 0 0 10 0
   1: B80D0120000000000000000003000000:04D2 B80D0120000000000000000004000000:D485 01 00000000:00000000 00:00000000 00000000  1000        0 2002 1 0000000000000000 20 4 30 10 -1
";

    const UNIX: &str = "Num       RefCount Protocol Flags    Type St Inode Path
ffff8880036c6000: 00000002 00000000 00010000 0001 01 3001 /run/systemd/private
ffff8880036c6400: 00000003 00000000 00000000 0001 03 3002
";

    const NETLINK: &str =
        "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode
ffff888003f6a000 0   1          00000000 0        0        0     2        0        4001
";

    #[test]
    fn tables_give_each_inode_its_socket() {
        let mut t = SocketTable::default();
        t.parse_inet(TCP, false, L4_TCP);
        t.parse_inet(TCP6, true, L4_TCP);
        t.parse_unix(UNIX);
        t.parse_netlink(NETLINK);
        assert_eq!(t.skipped_lines, 1, "the garbage line");
        assert_eq!(t.len(), 7);
        let local = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        let cases: Vec<(u64, FdKind)> = vec![
            (
                1001,
                FdKind::Ipv4ServSock {
                    ip: Ipv4Addr::UNSPECIFIED,
                    port: 22,
                    l4proto: L4_TCP,
                },
            ),
            (
                1002,
                FdKind::Ipv4Sock {
                    sip: local("10.0.2.15"),
                    dip: local("10.0.2.2"),
                    sport: 22,
                    dport: 54321,
                    l4proto: L4_TCP,
                },
            ),
            (
                2001,
                FdKind::Ipv6ServSock {
                    ip: Ipv6Addr::UNSPECIFIED,
                    port: 80,
                    l4proto: L4_TCP,
                },
            ),
            (
                2002,
                FdKind::Ipv6Sock {
                    sip: "2001:db8::3".parse().unwrap(),
                    dip: "2001:db8::4".parse().unwrap(),
                    sport: 1234,
                    dport: 54405,
                    l4proto: L4_TCP,
                },
            ),
            (
                3001,
                FdKind::UnixSock {
                    source: 0xffff8880036c6000,
                    dest: 0,
                    path: "/run/systemd/private".into(),
                },
            ),
            (
                3002,
                FdKind::UnixSock {
                    source: 0xffff8880036c6400,
                    dest: 0,
                    path: String::new(),
                },
            ),
            (
                4001,
                FdKind::Named {
                    ty: FD_NETLINK,
                    name: String::new(),
                },
            ),
        ];
        if cfg!(target_endian = "little") {
            for (ino, want) in cases {
                assert_eq!(t.get(ino), Some(&want), "inode {ino}");
            }
        }
        assert!(t.get(9999).is_none());
    }

    #[test]
    fn interface_addresses_come_from_fib_trie_and_if_inet6() {
        let trie = "Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 10.0.2.0/24 2 0 2
        |-- 10.0.2.0
           /24 link UNICAST
        |-- 10.0.2.15
           /32 host LOCAL
Local:
  +-- 127.0.0.0/8 2 0 2
     |-- 127.0.0.1
        /32 host LOCAL
     |-- 10.0.2.15
        /32 host LOCAL
";
        assert_eq!(
            parse_fib_trie_locals(trie),
            vec![
                "10.0.2.15".parse::<Ipv4Addr>().unwrap(),
                "127.0.0.1".parse().unwrap()
            ]
        );
        let inet6 = "00000000000000000000000000000001 01 80 10 80       lo\n\
                     20010db8000000000000000000000003 02 40 00 80     eth0\n";
        assert_eq!(
            parse_if_inet6(inet6),
            vec![
                Ipv6Addr::LOCALHOST,
                "2001:db8::3".parse::<Ipv6Addr>().unwrap()
            ]
        );
    }

    #[test]
    fn socket_links_give_their_inode() {
        assert_eq!(socket_inode("socket:[12345]"), Some(12345));
        assert_eq!(socket_inode("pipe:[12345]"), None);
        assert_eq!(socket_inode("socket:[x]"), None);
    }
}

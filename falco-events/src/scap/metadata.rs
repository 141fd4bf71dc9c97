//! The metadata blocks of a capture as typed values, with their decoders
//! (every version libscap reads) and encoders (the current versions).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::block;

/// Why a metadata block could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Truncated(pub &'static str);

/// A bounds-checked little-endian reader over a block body.
pub(crate) struct Cur<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Cur<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Cur<'a> {
        Cur { b, pos: 0 }
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }

    pub(crate) fn bytes(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], Truncated> {
        let end = self.pos.checked_add(n).ok_or(Truncated(what))?;
        let s = self.b.get(self.pos..end).ok_or(Truncated(what))?;
        self.pos = end;
        Ok(s)
    }

    fn arr<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], Truncated> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.bytes(N, what)?);
        Ok(a)
    }

    pub(crate) fn u8(&mut self, what: &'static str) -> Result<u8, Truncated> {
        Ok(self.arr::<1>(what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &'static str) -> Result<u16, Truncated> {
        Ok(u16::from_le_bytes(self.arr(what)?))
    }

    pub(crate) fn u32(&mut self, what: &'static str) -> Result<u32, Truncated> {
        Ok(u32::from_le_bytes(self.arr(what)?))
    }

    pub(crate) fn u64(&mut self, what: &'static str) -> Result<u64, Truncated> {
        Ok(u64::from_le_bytes(self.arr(what)?))
    }

    fn ipv4(&mut self, what: &'static str) -> Result<Ipv4Addr, Truncated> {
        Ok(Ipv4Addr::from(self.arr::<4>(what)?))
    }

    fn ipv6(&mut self, what: &'static str) -> Result<Ipv6Addr, Truncated> {
        Ok(Ipv6Addr::from(self.arr::<16>(what)?))
    }

    /// A u16 length, then that many bytes.
    fn blob16(&mut self, what: &'static str) -> Result<&'a [u8], Truncated> {
        let n = self.u16(what)? as usize;
        self.bytes(n, what)
    }

    /// A u16-length string (no NUL on disk; one is tolerated).
    fn str16(&mut self, what: &'static str) -> Result<String, Truncated> {
        Ok(text(self.blob16(what)?))
    }

    fn skip_to(&mut self, pos: usize) {
        self.pos = pos.min(self.b.len());
    }
}

fn text(b: &[u8]) -> String {
    let b = match b.iter().position(|&c| c == 0) {
        Some(i) => &b[..i],
        None => b,
    };
    String::from_utf8_lossy(b).into_owned()
}

fn split_nul(b: &[u8]) -> Vec<String> {
    let mut v: Vec<String> = b
        .split(|&c| c == 0)
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    if b.last() == Some(&0) || b.is_empty() {
        v.pop();
    }
    v
}

fn join_nul(v: &[String]) -> Vec<u8> {
    let mut b = Vec::new();
    for s in v {
        b.extend_from_slice(s.as_bytes());
        b.push(0);
    }
    b
}

/// A little-endian writer.
#[derive(Default)]
pub(crate) struct Out {
    pub(crate) b: Vec<u8>,
}

impl Out {
    pub(crate) fn u8(&mut self, v: u8) {
        self.b.push(v);
    }
    pub(crate) fn u16(&mut self, v: u16) {
        self.b.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.b.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.b.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn bytes(&mut self, v: &[u8]) {
        self.b.extend_from_slice(v);
    }
    /// A u16 length and the bytes, cut at `max` bytes (and at 65535):
    /// libscap refuses a whole file whose string is longer than its limit
    /// (`invalid argslen 25713`), and truncates what it reads from /proc at
    /// the same limits, so a writer cuts as libscap would have.
    fn blob16(&mut self, v: &[u8], max: usize) {
        let v = &v[..v.len().min(max).min(u16::MAX as usize)];
        self.u16(v.len() as u16);
        self.bytes(v);
    }
    fn patch_u32(&mut self, at: usize, v: u32) {
        if let Some(s) = self.b.get_mut(at..at + 4) {
            s.copy_from_slice(&v.to_le_bytes());
        }
    }
}

/// libscap's reader limits (`scap_limits.h`, `scap.h`): a path-like string
/// (comm, exe, exepath, cwd, root) is at most `SCAP_MAX_PATH_SIZE` bytes.
const MAX_PATH: usize = 1024;
/// An fd name must be shorter than `SCAP_MAX_PATH_SIZE`.
const MAX_FD_NAME: usize = MAX_PATH - 1;
/// `SCAP_MAX_ARGS_SIZE`, `SCAP_MAX_ENV_SIZE`, `SCAP_MAX_CGROUPS_SIZE`.
const MAX_ARGS: usize = 4096;
/// A user or group string must be shorter than `MAX_CREDENTIALS_STR_LEN` (256).
const MAX_CREDENTIAL: usize = 255;

/// The machine the capture was taken on (the MI block).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MachineInfo {
    /// Number of CPUs.
    pub num_cpus: u32,
    /// Physical memory in bytes.
    pub memory_size_bytes: u64,
    /// Highest pid (`/proc/sys/kernel/pid_max`).
    pub max_pid: u64,
    /// Host name.
    pub hostname: String,
    /// Boot time, nanoseconds since the epoch.
    pub boot_ts_epoch: u64,
    /// Flags (`PPM_*` machine flags).
    pub flags: u64,
    /// Reserved.
    pub reserved3: u64,
    /// Reserved.
    pub reserved4: u64,
}

const HOSTNAME_LEN: usize = 128;

impl MachineInfo {
    pub(crate) fn decode(body: &[u8]) -> Result<MachineInfo, Truncated> {
        let mut c = Cur::new(body);
        let num_cpus = c.u32("machine info")?;
        let memory_size_bytes = c.u64("machine info")?;
        let max_pid = c.u64("machine info")?;
        let hostname = text(c.bytes(HOSTNAME_LEN, "machine info hostname")?);
        // Older writers may have stopped here; missing fields read as 0.
        let mut rest = [0u64; 4];
        for r in rest.iter_mut() {
            match c.u64("machine info") {
                Ok(v) => *r = v,
                Err(_) => break,
            }
        }
        Ok(MachineInfo {
            num_cpus,
            memory_size_bytes,
            max_pid,
            hostname,
            boot_ts_epoch: rest[0],
            flags: rest[1],
            reserved3: rest[2],
            reserved4: rest[3],
        })
    }

    pub(crate) fn encode(&self, o: &mut Out) {
        o.u32(self.num_cpus);
        o.u64(self.memory_size_bytes);
        o.u64(self.max_pid);
        let mut h = [0u8; HOSTNAME_LEN];
        let n = self.hostname.len().min(HOSTNAME_LEN - 1);
        h[..n].copy_from_slice(&self.hostname.as_bytes()[..n]);
        o.bytes(&h);
        o.u64(self.boot_ts_epoch);
        o.u64(self.flags);
        o.u64(self.reserved3);
        o.u64(self.reserved4);
    }
}

/// One thread of the process list (a PL block entry), with every field of
/// the current version (PL_V9); fields an older version lacks keep the
/// defaults libscap gives them (`-1` ids, `u32::MAX` loginuid, 0 elsewhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcInfo {
    /// Thread id.
    pub tid: u64,
    /// Process id (thread group id).
    pub pid: u64,
    /// Parent's pid.
    pub ptid: u64,
    /// Session id (`u64::MAX` if unknown).
    pub sid: u64,
    /// Process group id in its namespace (`u64::MAX` if unknown).
    pub vpgid: u64,
    /// Command name.
    pub comm: String,
    /// `argv[0]`.
    pub exe: String,
    /// Full executable path.
    pub exepath: String,
    /// `argv[1..]`.
    pub args: Vec<String>,
    /// Current working directory.
    pub cwd: String,
    /// Fd limit.
    pub fdlimit: u64,
    /// Thread flags (`PPM_CL_*`).
    pub flags: u32,
    /// User id.
    pub uid: u32,
    /// Group id.
    pub gid: u32,
    /// Virtual memory size, KiB.
    pub vmsize_kb: u32,
    /// Resident set size, KiB.
    pub vmrss_kb: u32,
    /// Swapped memory, KiB.
    pub vmswap_kb: u32,
    /// Major page faults.
    pub pfmajor: u64,
    /// Minor page faults.
    pub pfminor: u64,
    /// Environment, `NAME=value` strings.
    pub env: Vec<String>,
    /// Thread id in its pid namespace (-1 if unknown).
    pub vtid: i64,
    /// Process id in its pid namespace (-1 if unknown).
    pub vpid: i64,
    /// Cgroups, `subsys=/path` strings.
    pub cgroups: Vec<String>,
    /// Root directory.
    pub root: String,
    /// Start time of the pid namespace's init.
    pub pidns_init_start_ts: u64,
    /// Controlling terminal.
    pub tty: u32,
    /// Login uid (`u32::MAX` if unset).
    pub loginuid: u32,
    /// The executable is writable by the user.
    pub exe_writable: bool,
    /// Inheritable capabilities.
    pub cap_inheritable: u64,
    /// Permitted capabilities.
    pub cap_permitted: u64,
    /// Effective capabilities.
    pub cap_effective: u64,
    /// The executable is in an overlayfs upper layer.
    pub exe_upper_layer: bool,
    /// Inode of the executable.
    pub exe_ino: u64,
    /// ctime of the executable's inode.
    pub exe_ino_ctime: u64,
    /// mtime of the executable's inode.
    pub exe_ino_mtime: u64,
    /// The executable was run from a memfd.
    pub exe_from_memfd: bool,
    /// The executable is in an overlayfs lower layer.
    pub exe_lower_layer: bool,
    /// Process group id (-1 if unknown).
    pub pgid: i64,
}

impl Default for ProcInfo {
    fn default() -> Self {
        ProcInfo {
            tid: 0,
            pid: 0,
            ptid: 0,
            sid: u64::MAX,
            vpgid: u64::MAX,
            comm: String::new(),
            exe: String::new(),
            exepath: String::new(),
            args: Vec::new(),
            cwd: String::new(),
            fdlimit: 0,
            flags: 0,
            uid: 0,
            gid: 0,
            vmsize_kb: 0,
            vmrss_kb: 0,
            vmswap_kb: 0,
            pfmajor: 0,
            pfminor: 0,
            env: Vec::new(),
            vtid: -1,
            vpid: -1,
            cgroups: Vec::new(),
            root: String::new(),
            pidns_init_start_ts: 0,
            tty: 0,
            loginuid: u32::MAX,
            exe_writable: false,
            cap_inheritable: 0,
            cap_permitted: 0,
            cap_effective: 0,
            exe_upper_layer: false,
            exe_ino: 0,
            exe_ino_ctime: 0,
            exe_ino_mtime: 0,
            exe_from_memfd: false,
            exe_lower_layer: false,
            pgid: -1,
        }
    }
}

/// The version number (1..=9) of a process-list block type.
fn pl_version(ty: u32) -> Option<u32> {
    Some(match ty {
        block::PL_V1 | block::PL_V1_INT => 1,
        block::PL_V2 | block::PL_V2_INT => 2,
        block::PL_V3 | block::PL_V3_INT => 3,
        block::PL_V4 => 4,
        block::PL_V5 => 5,
        block::PL_V6 => 6,
        block::PL_V7 => 7,
        block::PL_V8 => 8,
        block::PL_V9 => 9,
        _ => return None,
    })
}

/// True if `ty` is a process-list block type.
pub(crate) fn is_pl(ty: u32) -> bool {
    pl_version(ty).is_some()
}

impl ProcInfo {
    /// Decodes the entries of a PL block body into `out`; on error the
    /// entries decoded so far stay in `out`.
    pub(crate) fn decode_block(
        ty: u32,
        body: &[u8],
        out: &mut Vec<ProcInfo>,
    ) -> Result<(), Truncated> {
        let ver = pl_version(ty).ok_or(Truncated("process list type"))?;
        let mut c = Cur::new(body);
        while c.remaining() >= 4 {
            out.push(ProcInfo::decode_one(ver, &mut c)?);
        }
        Ok(())
    }

    fn decode_one(ver: u32, c: &mut Cur<'_>) -> Result<ProcInfo, Truncated> {
        const W: &str = "process list entry";
        let start = c.pos();
        let sub_len = if ver >= 9 { c.u32(W)? as usize } else { 0 };
        if ver >= 9 && sub_len < 4 {
            return Err(Truncated("process list entry length"));
        }
        let mut p = ProcInfo {
            tid: c.u64(W)?,
            pid: c.u64(W)?,
            ptid: c.u64(W)?,
            ..ProcInfo::default()
        };
        if ver >= 6 {
            p.sid = c.u64(W)?;
        }
        if ver >= 8 {
            p.vpgid = c.u64(W)?;
        }
        p.comm = c.str16(W)?;
        p.exe = c.str16(W)?;
        if ver >= 7 {
            p.exepath = c.str16(W)?;
        }
        p.args = split_nul(c.blob16(W)?);
        p.cwd = c.str16(W)?;
        p.fdlimit = c.u64(W)?;
        p.flags = c.u32(W)?;
        p.uid = c.u32(W)?;
        p.gid = c.u32(W)?;
        if ver >= 2 {
            p.vmsize_kb = c.u32(W)?;
            p.vmrss_kb = c.u32(W)?;
            p.vmswap_kb = c.u32(W)?;
            p.pfmajor = c.u64(W)?;
            p.pfminor = c.u64(W)?;
        }
        if ver >= 3 {
            p.env = split_nul(c.blob16(W)?);
        }
        if ver >= 4 {
            p.vtid = c.u64(W)? as i64;
            p.vpid = c.u64(W)? as i64;
            p.cgroups = split_nul(c.blob16(W)?);
        }
        if ver >= 5 {
            p.root = c.str16(W)?;
        }
        if ver >= 9 {
            let end = start + sub_len;
            let left = |c: &Cur<'_>, n: usize| c.pos() + n <= end;
            // Captures from libs < 0.10 lack the two fields libs 0.10 put
            // in the middle (pidns_init_start_ts, tty): libscap tells them
            // apart by the bytes left (at most 29 for the old layout).
            let pre_0_10 = end.saturating_sub(c.pos()) <= 29;
            if !pre_0_10 {
                if left(c, 8) {
                    p.pidns_init_start_ts = c.u64(W)?;
                }
                if left(c, 4) {
                    p.tty = c.u32(W)?;
                }
            }
            if left(c, 4) {
                p.loginuid = c.u32(W)?;
            }
            if left(c, 1) {
                p.exe_writable = c.u8(W)? != 0;
            }
            if left(c, 8) {
                p.cap_inheritable = c.u64(W)?;
            }
            if left(c, 8) {
                p.cap_permitted = c.u64(W)?;
            }
            if left(c, 8) {
                p.cap_effective = c.u64(W)?;
            }
            if left(c, 1) {
                p.exe_upper_layer = c.u8(W)? != 0;
            }
            if left(c, 8) {
                p.exe_ino = c.u64(W)?;
            }
            if left(c, 8) {
                p.exe_ino_ctime = c.u64(W)?;
            }
            if left(c, 8) {
                p.exe_ino_mtime = c.u64(W)?;
            }
            if left(c, 1) {
                p.exe_from_memfd = c.u8(W)? != 0;
            }
            if left(c, 1) {
                p.exe_lower_layer = c.u8(W)? != 0;
            }
            if left(c, 8) {
                p.pgid = c.u64(W)? as i64;
            }
            if c.pos() > end {
                return Err(Truncated("process list entry longer than its length"));
            }
            // Skip fields newer than this reader.
            c.bytes(end - c.pos(), W)?;
        }
        Ok(p)
    }

    /// Encodes this thread as a PL_V9 entry.
    pub(crate) fn encode_v9(&self, o: &mut Out) {
        let start = o.b.len();
        o.u32(0);
        o.u64(self.tid);
        o.u64(self.pid);
        o.u64(self.ptid);
        o.u64(self.sid);
        o.u64(self.vpgid);
        o.blob16(self.comm.as_bytes(), MAX_PATH);
        o.blob16(self.exe.as_bytes(), MAX_PATH);
        o.blob16(self.exepath.as_bytes(), MAX_PATH);
        o.blob16(&join_nul(&self.args), MAX_ARGS);
        o.blob16(self.cwd.as_bytes(), MAX_PATH);
        o.u64(self.fdlimit);
        o.u32(self.flags);
        o.u32(self.uid);
        o.u32(self.gid);
        o.u32(self.vmsize_kb);
        o.u32(self.vmrss_kb);
        o.u32(self.vmswap_kb);
        o.u64(self.pfmajor);
        o.u64(self.pfminor);
        o.blob16(&join_nul(&self.env), MAX_ARGS);
        o.u64(self.vtid as u64);
        o.u64(self.vpid as u64);
        o.blob16(&join_nul(&self.cgroups), MAX_ARGS);
        o.blob16(self.root.as_bytes(), MAX_PATH);
        o.u64(self.pidns_init_start_ts);
        o.u32(self.tty);
        o.u32(self.loginuid);
        o.u8(u8::from(self.exe_writable));
        o.u64(self.cap_inheritable);
        o.u64(self.cap_permitted);
        o.u64(self.cap_effective);
        o.u8(u8::from(self.exe_upper_layer));
        o.u64(self.exe_ino);
        o.u64(self.exe_ino_ctime);
        o.u64(self.exe_ino_mtime);
        o.u8(u8::from(self.exe_from_memfd));
        o.u8(u8::from(self.exe_lower_layer));
        o.u64(self.pgid as u64);
        let len = (o.b.len() - start) as u32;
        o.patch_u32(start, len);
    }
}

/// What an fd refers to (`scap_fd_type` and its payload). Addresses are as
/// the kernel stores them (network order bytes); ports in host order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FdKind {
    /// Connected IPv4 socket (type 3).
    Ipv4Sock {
        /// Source address.
        sip: Ipv4Addr,
        /// Destination address.
        dip: Ipv4Addr,
        /// Source port.
        sport: u16,
        /// Destination port.
        dport: u16,
        /// Layer-4 protocol (`SCAP_L4_*`).
        l4proto: u8,
    },
    /// Listening IPv4 socket (type 5).
    Ipv4ServSock {
        /// Address.
        ip: Ipv4Addr,
        /// Port.
        port: u16,
        /// Layer-4 protocol.
        l4proto: u8,
    },
    /// Connected IPv6 socket (type 4).
    Ipv6Sock {
        /// Source address.
        sip: Ipv6Addr,
        /// Destination address.
        dip: Ipv6Addr,
        /// Source port.
        sport: u16,
        /// Destination port.
        dport: u16,
        /// Layer-4 protocol.
        l4proto: u8,
    },
    /// Listening IPv6 socket (type 6).
    Ipv6ServSock {
        /// Address.
        ip: Ipv6Addr,
        /// Port.
        port: u16,
        /// Layer-4 protocol.
        l4proto: u8,
    },
    /// Unix socket (type 8).
    UnixSock {
        /// Source socket (kernel pointer).
        source: u64,
        /// Destination socket (kernel pointer).
        dest: u64,
        /// Path.
        path: String,
    },
    /// Regular file with its open flags (type 16, `FILE_V2`).
    File {
        /// Open flags (`PPM_O_*`).
        open_flags: u32,
        /// Path.
        path: String,
        /// Device number (0 if the capture lacks it).
        dev: u32,
    },
    /// Any other type: its `scap_fd_type` number and name (file without
    /// flags = 1, directory = 2, fifo = 7, event = 9, signalfd = 11, ...).
    Named {
        /// The `scap_fd_type` number.
        ty: u8,
        /// The name (path, `anon_inode:[eventfd]`, ...).
        name: String,
    },
}

/// One fd of a thread (an FDL block entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FdInfo {
    /// The fd number.
    pub fd: i64,
    /// Inode number.
    pub ino: u64,
    /// What it refers to.
    pub kind: FdKind,
}

/// The fds of one thread (one FDL block).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FdTable {
    /// The thread.
    pub tid: u64,
    /// Its fds.
    pub fds: Vec<FdInfo>,
}

/// `scap_fd_type` numbers that [`FdKind::Named`] covers.
const NAMED_FD_TYPES: &[u8] = &[1, 2, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21];

impl FdTable {
    pub(crate) fn decode(ty: u32, body: &[u8]) -> Result<FdTable, Truncated> {
        let mut c = Cur::new(body);
        let tid = c.u64("fd list tid")?;
        let mut t = FdTable {
            tid,
            fds: Vec::new(),
        };
        while c.remaining() >= 4 {
            match FdInfo::decode(ty == block::FDL_V2, &mut c)? {
                Some(fd) => t.fds.push(fd),
                None => break,
            }
        }
        Ok(t)
    }

    pub(crate) fn encode_v2(&self, o: &mut Out) {
        o.u64(self.tid);
        for fd in &self.fds {
            fd.encode_v2(o);
        }
    }
}

impl FdInfo {
    /// Decodes one entry; `None` for an entry of type UNKNOWN (0), after
    /// which libscap's layout gives no way to find the next entry.
    fn decode(v2: bool, c: &mut Cur<'_>) -> Result<Option<FdInfo>, Truncated> {
        const W: &str = "fd list entry";
        let start = c.pos();
        let sub_len = if v2 { c.u32(W)? as usize } else { 0 };
        let fd = c.u64(W)? as i64;
        let ino = c.u64(W)?;
        let ty = c.u8(W)?;
        let kind = match ty {
            0 if sub_len == 0 => return Ok(None),
            0 => FdKind::Named {
                ty,
                name: String::new(),
            },
            3 => FdKind::Ipv4Sock {
                sip: c.ipv4(W)?,
                dip: c.ipv4(W)?,
                sport: c.u16(W)?,
                dport: c.u16(W)?,
                l4proto: c.u8(W)?,
            },
            5 => FdKind::Ipv4ServSock {
                ip: c.ipv4(W)?,
                port: c.u16(W)?,
                l4proto: c.u8(W)?,
            },
            4 => FdKind::Ipv6Sock {
                sip: c.ipv6(W)?,
                dip: c.ipv6(W)?,
                sport: c.u16(W)?,
                dport: c.u16(W)?,
                l4proto: c.u8(W)?,
            },
            6 => FdKind::Ipv6ServSock {
                ip: c.ipv6(W)?,
                port: c.u16(W)?,
                l4proto: c.u8(W)?,
            },
            8 => FdKind::UnixSock {
                source: c.u64(W)?,
                dest: c.u64(W)?,
                path: c.str16(W)?,
            },
            16 => {
                let open_flags = c.u32(W)?;
                let path = c.str16(W)?;
                let dev = if sub_len != 0 && c.pos() + 4 <= start + sub_len {
                    c.u32(W)?
                } else {
                    0
                };
                FdKind::File {
                    open_flags,
                    path,
                    dev,
                }
            }
            t if NAMED_FD_TYPES.contains(&t) => FdKind::Named {
                ty: t,
                name: c.str16(W)?,
            },
            // libscap keeps unknown types as "unsupported" without reading a
            // name; only the entry length (FDL_V2) can skip their payload.
            t => FdKind::Named {
                ty: 10,
                name: format!("unknown-type:[{t}]"),
            },
        };
        if sub_len != 0 {
            let end = start + sub_len;
            if c.pos() > end {
                return Err(Truncated("fd list entry longer than its length"));
            }
            c.skip_to(end);
        }
        Ok(Some(FdInfo { fd, ino, kind }))
    }

    fn encode_v2(&self, o: &mut Out) {
        let start = o.b.len();
        o.u32(0);
        o.u64(self.fd as u64);
        o.u64(self.ino);
        match &self.kind {
            FdKind::Ipv4Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            } => {
                o.u8(3);
                o.bytes(&sip.octets());
                o.bytes(&dip.octets());
                o.u16(*sport);
                o.u16(*dport);
                o.u8(*l4proto);
            }
            FdKind::Ipv4ServSock { ip, port, l4proto } => {
                o.u8(5);
                o.bytes(&ip.octets());
                o.u16(*port);
                o.u8(*l4proto);
            }
            FdKind::Ipv6Sock {
                sip,
                dip,
                sport,
                dport,
                l4proto,
            } => {
                o.u8(4);
                o.bytes(&sip.octets());
                o.bytes(&dip.octets());
                o.u16(*sport);
                o.u16(*dport);
                o.u8(*l4proto);
            }
            FdKind::Ipv6ServSock { ip, port, l4proto } => {
                o.u8(6);
                o.bytes(&ip.octets());
                o.u16(*port);
                o.u8(*l4proto);
            }
            FdKind::UnixSock { source, dest, path } => {
                o.u8(8);
                o.u64(*source);
                o.u64(*dest);
                o.blob16(path.as_bytes(), MAX_FD_NAME);
            }
            FdKind::File {
                open_flags,
                path,
                dev,
            } => {
                o.u8(16);
                o.u32(*open_flags);
                o.blob16(path.as_bytes(), MAX_FD_NAME);
                o.u32(*dev);
            }
            FdKind::Named { ty, name } => {
                o.u8(*ty);
                o.blob16(name.as_bytes(), MAX_FD_NAME);
            }
        }
        let len = (o.b.len() - start) as u32;
        o.patch_u32(start, len);
    }
}

/// A user (UL block entry).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserInfo {
    /// User id.
    pub uid: u32,
    /// Primary group id.
    pub gid: u32,
    /// Name.
    pub name: String,
    /// Home directory.
    pub homedir: String,
    /// Login shell.
    pub shell: String,
}

/// A group (UL block entry).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupInfo {
    /// Group id.
    pub gid: u32,
    /// Name.
    pub name: String,
}

pub(crate) fn decode_userlist(
    ty: u32,
    body: &[u8],
    users: &mut Vec<UserInfo>,
    groups: &mut Vec<GroupInfo>,
) -> Result<(), Truncated> {
    const W: &str = "user list entry";
    let v2 = ty == block::UL_V2;
    let mut c = Cur::new(body);
    while c.remaining() >= 4 {
        let start = c.pos();
        let sub_len = if v2 { c.u32(W)? as usize } else { 0 };
        let kind = c.u8(W)?;
        if kind == 0 {
            users.push(UserInfo {
                uid: c.u32(W)?,
                gid: c.u32(W)?,
                name: c.str16(W)?,
                homedir: c.str16(W)?,
                shell: c.str16(W)?,
            });
        } else {
            groups.push(GroupInfo {
                gid: c.u32(W)?,
                name: c.str16(W)?,
            });
        }
        if sub_len != 0 {
            let end = start + sub_len;
            if c.pos() > end {
                return Err(Truncated("user list entry longer than its length"));
            }
            c.bytes(end - c.pos(), W)?;
        }
    }
    Ok(())
}

pub(crate) fn encode_userlist(users: &[UserInfo], groups: &[GroupInfo], o: &mut Out) {
    for u in users {
        let start = o.b.len();
        o.u32(0);
        o.u8(0);
        o.u32(u.uid);
        o.u32(u.gid);
        o.blob16(u.name.as_bytes(), MAX_CREDENTIAL);
        o.blob16(u.homedir.as_bytes(), MAX_CREDENTIAL);
        o.blob16(u.shell.as_bytes(), MAX_CREDENTIAL);
        let len = (o.b.len() - start) as u32;
        o.patch_u32(start, len);
    }
    for g in groups {
        let start = o.b.len();
        o.u32(0);
        o.u8(1);
        o.u32(g.gid);
        o.blob16(g.name.as_bytes(), MAX_CREDENTIAL);
        let len = (o.b.len() - start) as u32;
        o.patch_u32(start, len);
    }
}

/// A network interface address (IL block entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceInfo {
    /// Interface name (`eth0`).
    pub name: String,
    /// Address.
    pub addr: IpAddr,
    /// Netmask.
    pub netmask: IpAddr,
    /// Broadcast address.
    pub bcast: IpAddr,
    /// Link speed (0 if unknown).
    pub linkspeed: u64,
}

pub(crate) fn decode_iflist(
    ty: u32,
    body: &[u8],
    out: &mut Vec<InterfaceInfo>,
) -> Result<(), Truncated> {
    const W: &str = "interface list entry";
    let v2 = ty == block::IL_V2;
    let mut c = Cur::new(body);
    while c.remaining() >= 4 {
        // IL_V2 entry lengths do not count the length field itself.
        let entry_len = if v2 { Some(c.u32(W)? as usize) } else { None };
        let start = c.pos();
        let iftype = c.u16(W)?;
        let namelen = c.u16(W)? as usize;
        let (v6, linkspeed) = match iftype {
            1 => (false, true),
            2 => (true, true),
            3 => (false, false),
            4 => (true, false),
            _ => return Err(Truncated("interface type")),
        };
        let mut addrs = [IpAddr::V4(Ipv4Addr::UNSPECIFIED); 3];
        for a in addrs.iter_mut() {
            *a = if v6 {
                IpAddr::V6(c.ipv6(W)?)
            } else {
                IpAddr::V4(c.ipv4(W)?)
            };
        }
        let speed = if linkspeed { c.u64(W)? } else { 0 };
        let name = text(c.bytes(namelen, W)?);
        out.push(InterfaceInfo {
            name,
            addr: addrs[0],
            netmask: addrs[1],
            bcast: addrs[2],
            linkspeed: speed,
        });
        if let Some(n) = entry_len {
            let end = start + n;
            if c.pos() > end {
                return Err(Truncated("interface entry longer than its length"));
            }
            c.bytes(end - c.pos(), W)?;
        }
    }
    Ok(())
}

pub(crate) fn encode_iflist(ifs: &[InterfaceInfo], o: &mut Out) {
    // IPv4 entries first, then IPv6, as libscap writes them.
    for want_v6 in [false, true] {
        for i in ifs.iter().filter(|i| i.addr.is_ipv6() == want_v6) {
            let at = o.b.len();
            o.u32(0);
            o.u16(if want_v6 { 2 } else { 1 });
            let name = &i.name.as_bytes()[..i.name.len().min(u16::MAX as usize)];
            o.u16(name.len() as u16);
            for a in [i.addr, i.netmask, i.bcast] {
                match (a, want_v6) {
                    (IpAddr::V4(a), false) => o.bytes(&a.octets()),
                    (IpAddr::V6(a), true) => o.bytes(&a.octets()),
                    (IpAddr::V4(a), true) => o.bytes(&a.to_ipv6_mapped().octets()),
                    (IpAddr::V6(_), false) => o.bytes(&[0; 4]),
                }
            }
            o.u64(i.linkspeed);
            o.bytes(name);
            let len = (o.b.len() - at - 4) as u32;
            o.patch_u32(at, len);
        }
    }
}

/// Everything a capture says about the machine besides its events: what
/// host state starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The machine (MI block), if present.
    pub machine: Option<MachineInfo>,
    /// Threads (PL blocks), in file order.
    pub procs: Vec<ProcInfo>,
    /// Fd tables (FDL blocks), one per thread, in file order.
    pub fds: Vec<FdTable>,
    /// Users (UL block).
    pub users: Vec<UserInfo>,
    /// Groups (UL block).
    pub groups: Vec<GroupInfo>,
    /// Interface addresses (IL block).
    pub interfaces: Vec<InterfaceInfo>,
}

impl Metadata {
    /// The thread with id `tid`, if listed.
    pub fn proc(&self, tid: u64) -> Option<&ProcInfo> {
        self.procs.iter().find(|p| p.tid == tid)
    }

    /// The fds of thread `tid`, if listed.
    pub fn fds_of(&self, tid: u64) -> Option<&FdTable> {
        self.fds.iter().find(|t| t.tid == tid)
    }
}

//! The kernel module's userspace ABI, as data: ioctl request numbers, the
//! shared ring-buffer info struct, the packed version numbers, the event
//! header and the buffer-size rule.
//!
//! Facts come from falcosecurity/libs (driver API 10.1.0, schema 4.5.1):
//! `driver/ppm_events_public.h` (ioctls, event header), `driver/ppm_ringbuffer.h`
//! (`struct ppm_ring_buffer_info`, `validate_buffer_bytes_dim`),
//! `driver/ppm_api_version.h` (version packing), `driver/ppm_tp.h`
//! (tracepoint codes) and `userspace/libscap/scap.h` (minimum versions).

use std::fmt;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// The event header (`struct ppm_evt_hdr`), the one type the workspace
/// frames events with. The module writes it in host byte order, which is
/// little-endian on every architecture Falco's module supports.
pub use falco_events::event::{EventHeader, HEADER_LEN as EVENT_HEADER_LEN};

/// Most parameters an event can carry (`PPM_MAX_EVENT_PARAMS`).
pub const MAX_EVENT_PARAMS: u32 = 32;

/// Largest snapshot length the module accepts (`SNAPLEN_MAX`).
pub const SNAPLEN_MAX: u32 = 65000;

/// Size of the module's per-consumer syscall mask: one bit per native
/// syscall number (`SYSCALL_TABLE_SIZE`).
pub const SYSCALL_TABLE_SIZE: u32 = 512;

/// The per-CPU buffer size libscap and Falco use unless told otherwise
/// (`DEFAULT_DRIVER_BUFFER_BYTES_DIM`, 8 MiB).
pub const DEFAULT_BUFFER_BYTES_DIM: usize = 8 * 1024 * 1024;

/// Bytes of ring data below which libscap calls every ring "empty" and
/// sleeps before the next read (`BUFFER_EMPTY_THRESHOLD_B`).
pub const BUFFER_EMPTY_THRESHOLD: usize = 20_000;

/// True if `bytes` is a size the module accepts for one per-CPU buffer:
/// larger than two pages, a multiple of the page size and a power of two
/// (libs' `validate_buffer_bytes_dim`).
///
/// ```
/// use falco_driver_kmod::abi::valid_buffer_bytes_dim;
/// assert!(valid_buffer_bytes_dim(8 << 20, 4096));
/// assert!(!valid_buffer_bytes_dim(8192, 4096)); // not more than 2 pages
/// assert!(!valid_buffer_bytes_dim(12 * 4096, 4096)); // not a power of two
/// ```
pub fn valid_buffer_bytes_dim(bytes: usize, page_size: usize) -> bool {
    page_size != 0
        && bytes > 2 * page_size
        && bytes.is_multiple_of(page_size)
        && bytes.is_power_of_two()
}

/// The system page size.
pub fn page_size() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let v = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(v).ok().filter(|&p| p > 0).unwrap_or(4096)
}

/// An ioctl request the module understands. Each is `_IO('s', n)`; the value
/// passed to `ioctl(2)` is [`Ioctl::request`].
///
/// Numbers 0, 1, 5–7, 14, 15, 17–19 and 26–28 are retired in libs ("support
/// dropped"); in particular there is no "enable capture" ioctl any more: a
/// consumer captures once it enables tracepoints ([`Ioctl::EnableTp`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Ioctl {
    /// `PPM_IOCTL_DISABLE_DROPPING_MODE` (2).
    DisableDroppingMode = 2,
    /// `PPM_IOCTL_ENABLE_DROPPING_MODE` (3), arg: sampling ratio 1, 2, 4, … 128.
    EnableDroppingMode = 3,
    /// `PPM_IOCTL_SET_SNAPLEN` (4), arg: snaplen ≤ 65000.
    SetSnaplen = 4,
    /// `PPM_IOCTL_DISABLE_DYNAMIC_SNAPLEN` (8).
    DisableDynamicSnaplen = 8,
    /// `PPM_IOCTL_ENABLE_DYNAMIC_SNAPLEN` (9).
    EnableDynamicSnaplen = 9,
    /// `PPM_IOCTL_GET_VTID` (10), arg: host tid; returns the virtual tid.
    GetVtid = 10,
    /// `PPM_IOCTL_GET_VPID` (11), arg: host pid; returns the virtual pid.
    GetVpid = 11,
    /// `PPM_IOCTL_GET_CURRENT_TID` (12).
    GetCurrentTid = 12,
    /// `PPM_IOCTL_GET_CURRENT_PID` (13).
    GetCurrentPid = 13,
    /// `PPM_IOCTL_GET_PROCLIST` (16).
    GetProclist = 16,
    /// `PPM_IOCTL_GET_N_TRACEPOINT_HIT` (20).
    GetNTracepointHit = 20,
    /// `PPM_IOCTL_GET_DRIVER_VERSION` (21).
    GetDriverVersion = 21,
    /// `PPM_IOCTL_SET_FULLCAPTURE_PORT_RANGE` (22), arg: `start | end << 16`.
    SetFullcapturePortRange = 22,
    /// `PPM_IOCTL_SET_STATSD_PORT` (23), arg: port.
    SetStatsdPort = 23,
    /// `PPM_IOCTL_GET_API_VERSION` (24), arg: `u64 *` out (packed version).
    GetApiVersion = 24,
    /// `PPM_IOCTL_GET_SCHEMA_VERSION` (25), arg: `u64 *` out (packed version).
    GetSchemaVersion = 25,
    /// `PPM_IOCTL_ENABLE_SYSCALL` (29), arg: native syscall number < 512.
    EnableSyscall = 29,
    /// `PPM_IOCTL_DISABLE_SYSCALL` (30), arg: native syscall number < 512.
    DisableSyscall = 30,
    /// `PPM_IOCTL_ENABLE_TP` (31), arg: a [`Tracepoint`] code.
    EnableTp = 31,
    /// `PPM_IOCTL_DISABLE_TP` (32), arg: a [`Tracepoint`] code.
    DisableTp = 32,
    /// `PPM_IOCTL_ENABLE_DROPFAILED` (33).
    EnableDropFailed = 33,
    /// `PPM_IOCTL_DISABLE_DROPFAILED` (34).
    DisableDropFailed = 34,
}

/// The ioctl "type" byte of every request (`PPM_IOCTL_MAGIC`).
pub const IOCTL_MAGIC: u8 = b's';

impl Ioctl {
    /// Every request, in number order.
    pub const ALL: [Ioctl; 22] = [
        Ioctl::DisableDroppingMode,
        Ioctl::EnableDroppingMode,
        Ioctl::SetSnaplen,
        Ioctl::DisableDynamicSnaplen,
        Ioctl::EnableDynamicSnaplen,
        Ioctl::GetVtid,
        Ioctl::GetVpid,
        Ioctl::GetCurrentTid,
        Ioctl::GetCurrentPid,
        Ioctl::GetProclist,
        Ioctl::GetNTracepointHit,
        Ioctl::GetDriverVersion,
        Ioctl::SetFullcapturePortRange,
        Ioctl::SetStatsdPort,
        Ioctl::GetApiVersion,
        Ioctl::GetSchemaVersion,
        Ioctl::EnableSyscall,
        Ioctl::DisableSyscall,
        Ioctl::EnableTp,
        Ioctl::DisableTp,
        Ioctl::EnableDropFailed,
        Ioctl::DisableDropFailed,
    ];

    /// The request's number `n` in `_IO('s', n)`.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The request value for `ioctl(2)`: `_IO('s', n)`, i.e. `0x7300 | n` on
    /// x86_64, aarch64, s390x and riscv64; powerpc encodes "no data" as
    /// direction 1 in bits 29–31.
    ///
    /// ```
    /// use falco_driver_kmod::abi::Ioctl;
    /// # #[cfg(target_arch = "x86_64")]
    /// assert_eq!(Ioctl::GetApiVersion.request(), 0x7318);
    /// ```
    pub fn request(self) -> u32 {
        const IOC_NONE_DIR: u32 = if cfg!(any(
            target_arch = "powerpc",
            target_arch = "powerpc64",
            target_arch = "mips",
            target_arch = "mips64",
            target_arch = "sparc64"
        )) {
            1 << 29
        } else {
            0
        };
        IOC_NONE_DIR | (u32::from(IOCTL_MAGIC) << 8) | u32::from(self.number())
    }

    /// The request for number `n`, if the module defines it.
    pub fn from_number(n: u8) -> Option<Ioctl> {
        Ioctl::ALL.iter().copied().find(|i| i.number() == n)
    }

    /// The libs name (`PPM_IOCTL_GET_API_VERSION`, ...), for messages.
    pub fn name(self) -> &'static str {
        match self {
            Ioctl::DisableDroppingMode => "PPM_IOCTL_DISABLE_DROPPING_MODE",
            Ioctl::EnableDroppingMode => "PPM_IOCTL_ENABLE_DROPPING_MODE",
            Ioctl::SetSnaplen => "PPM_IOCTL_SET_SNAPLEN",
            Ioctl::DisableDynamicSnaplen => "PPM_IOCTL_DISABLE_DYNAMIC_SNAPLEN",
            Ioctl::EnableDynamicSnaplen => "PPM_IOCTL_ENABLE_DYNAMIC_SNAPLEN",
            Ioctl::GetVtid => "PPM_IOCTL_GET_VTID",
            Ioctl::GetVpid => "PPM_IOCTL_GET_VPID",
            Ioctl::GetCurrentTid => "PPM_IOCTL_GET_CURRENT_TID",
            Ioctl::GetCurrentPid => "PPM_IOCTL_GET_CURRENT_PID",
            Ioctl::GetProclist => "PPM_IOCTL_GET_PROCLIST",
            Ioctl::GetNTracepointHit => "PPM_IOCTL_GET_N_TRACEPOINT_HIT",
            Ioctl::GetDriverVersion => "PPM_IOCTL_GET_DRIVER_VERSION",
            Ioctl::SetFullcapturePortRange => "PPM_IOCTL_SET_FULLCAPTURE_PORT_RANGE",
            Ioctl::SetStatsdPort => "PPM_IOCTL_SET_STATSD_PORT",
            Ioctl::GetApiVersion => "PPM_IOCTL_GET_API_VERSION",
            Ioctl::GetSchemaVersion => "PPM_IOCTL_GET_SCHEMA_VERSION",
            Ioctl::EnableSyscall => "PPM_IOCTL_ENABLE_SYSCALL",
            Ioctl::DisableSyscall => "PPM_IOCTL_DISABLE_SYSCALL",
            Ioctl::EnableTp => "PPM_IOCTL_ENABLE_TP",
            Ioctl::DisableTp => "PPM_IOCTL_DISABLE_TP",
            Ioctl::EnableDropFailed => "PPM_IOCTL_ENABLE_DROPFAILED",
            Ioctl::DisableDropFailed => "PPM_IOCTL_DISABLE_DROPFAILED",
        }
    }
}

impl fmt::Display for Ioctl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The module's tracepoints a consumer attaches with [`Ioctl::EnableTp`]
/// (`kmod_prog_codes` in `driver/ppm_tp.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tracepoint {
    /// `sys_enter`: only the TOCTOU enter events (open, openat, openat2,
    /// creat, connect) come from here.
    SysEnter = 0,
    /// `sys_exit`: every syscall exit event.
    SysExit = 1,
    /// `sched_process_exit` (`procexit` events).
    SchedProcExit = 2,
    /// `sched_switch` (`switch` events).
    SchedSwitch = 3,
    /// `page_fault_user`.
    PageFaultUser = 4,
    /// `page_fault_kernel`.
    PageFaultKernel = 5,
    /// `signal_deliver`.
    SignalDeliver = 6,
    /// `sched_process_fork`: the child side of clone/fork/vfork/clone3.
    SchedProcFork = 7,
    /// `sched_process_exec`: successful execve/execveat exits.
    SchedProcExec = 8,
}

impl Tracepoint {
    /// Every tracepoint, in code order.
    pub const ALL: [Tracepoint; 9] = [
        Tracepoint::SysEnter,
        Tracepoint::SysExit,
        Tracepoint::SchedProcExit,
        Tracepoint::SchedSwitch,
        Tracepoint::PageFaultUser,
        Tracepoint::PageFaultKernel,
        Tracepoint::SignalDeliver,
        Tracepoint::SchedProcFork,
        Tracepoint::SchedProcExec,
    ];

    /// The code passed to the ioctl.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The tracepoint's name in libs (`sys_enter`, `sched_switch`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Tracepoint::SysEnter => "sys_enter",
            Tracepoint::SysExit => "sys_exit",
            Tracepoint::SchedProcExit => "sched_process_exit",
            Tracepoint::SchedSwitch => "sched_switch",
            Tracepoint::PageFaultUser => "page_fault_user",
            Tracepoint::PageFaultKernel => "page_fault_kernel",
            Tracepoint::SignalDeliver => "signal_deliver",
            Tracepoint::SchedProcFork => "sched_process_fork",
            Tracepoint::SchedProcExec => "sched_process_exec",
        }
    }

    /// The tracepoint with code `code`.
    pub fn from_code(code: u64) -> Option<Tracepoint> {
        Tracepoint::ALL
            .iter()
            .copied()
            .find(|t| u64::from(t.code()) == code)
    }
}

/// A driver API or schema version, `major.minor.patch`.
///
/// The module reports each as one packed `u64`: major in bits 44–62, minor
/// in bits 24–43, patch in bits 0–23 (`driver/ppm_api_version.h`).
///
/// ```
/// use falco_driver_kmod::abi::Version;
/// let v = Version::new(10, 1, 0);
/// assert_eq!(Version::from_packed(v.packed()), v);
/// assert_eq!(v.to_string(), "10.1.0");
/// assert!(v.satisfies(Version::new(10, 0, 0)));
/// assert!(!Version::new(11, 0, 0).satisfies(Version::new(10, 0, 0)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    /// Major: incompatible changes.
    pub major: u32,
    /// Minor: compatible additions.
    pub minor: u32,
    /// Patch.
    pub patch: u32,
}

impl Version {
    /// A version from its parts.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Unpacks the module's `u64` form.
    pub const fn from_packed(v: u64) -> Version {
        Version {
            major: ((v >> 44) & ((1 << 19) - 1)) as u32,
            minor: ((v >> 24) & ((1 << 20) - 1)) as u32,
            patch: (v & ((1 << 24) - 1)) as u32,
        }
    }

    /// The module's packed `u64` form (parts wider than their bit field
    /// are truncated, as libs' `PPM_API_VERSION` does).
    pub const fn packed(self) -> u64 {
        ((self.major as u64 & ((1 << 19) - 1)) << 44)
            | ((self.minor as u64 & ((1 << 20) - 1)) << 24)
            | (self.patch as u64 & ((1 << 24) - 1))
    }

    /// libscap's semver rule: a driver at `self` serves a consumer that
    /// needs `required` if the majors are equal and `self` is not older.
    pub fn satisfies(self, required: Version) -> bool {
        self.major == required.major && (self.minor, self.patch) >= (required.minor, required.patch)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The oldest driver API this consumer works with (libscap's
/// `SCAP_MINIMUM_DRIVER_API_VERSION`); the major must match.
pub const MIN_API_VERSION: Version = Version::new(10, 0, 0);

/// The oldest event schema this consumer decodes (libscap's
/// `SCAP_MINIMUM_DRIVER_SCHEMA_VERSION`); the major must match. Newer
/// minors only append parameters or add events, which the consumer skips.
pub const MIN_SCHEMA_VERSION: Version = Version::new(4, 3, 0);

/// The API version of the libs snapshot this crate follows.
pub const CURRENT_API_VERSION: Version = Version::new(10, 1, 0);

/// The schema version of the libs snapshot this crate follows (the event
/// table in `falco-events`).
pub const CURRENT_SCHEMA_VERSION: Version = Version::new(4, 5, 1);

/// `struct ppm_ring_buffer_info`: the page the module shares with each
/// consumer, per CPU. 128 bytes, natural alignment.
///
/// The module (producer) moves `head` after an event is wholly written
/// (after a write barrier); the consumer moves `tail` once it is done with
/// the bytes before it. Both stay in `0..buffer_bytes_dim`. The counters
/// are written by the module only. All fields are atomics here because the
/// other side writes them concurrently.
#[repr(C)]
#[derive(Debug)]
pub struct RingBufferInfo {
    /// Producer position (offset of the next event the module writes).
    pub head: AtomicU32,
    /// Consumer position (offset of the oldest unread byte).
    pub tail: AtomicU32,
    /// Events the module saw for this consumer on this CPU, dropped or not.
    pub n_evts: AtomicU64,
    /// Events dropped because the ring was full (all categories).
    pub n_drops_buffer: AtomicU64,
    /// Full-ring drops of clone/fork exit events.
    pub n_drops_buffer_clone_fork_exit: AtomicU64,
    /// Full-ring drops of execve exit events.
    pub n_drops_buffer_execve_exit: AtomicU64,
    /// Full-ring drops of connect enter events.
    pub n_drops_buffer_connect_enter: AtomicU64,
    /// Full-ring drops of connect exit events.
    pub n_drops_buffer_connect_exit: AtomicU64,
    /// Full-ring drops of open enter events.
    pub n_drops_buffer_open_enter: AtomicU64,
    /// Full-ring drops of open exit events.
    pub n_drops_buffer_open_exit: AtomicU64,
    /// Full-ring drops of directory/file exit events.
    pub n_drops_buffer_dir_file_exit: AtomicU64,
    /// Full-ring drops of other exit events of interest.
    pub n_drops_buffer_other_interest_exit: AtomicU64,
    /// Full-ring drops of close exit events.
    pub n_drops_buffer_close_exit: AtomicU64,
    /// Full-ring drops of process exit events.
    pub n_drops_buffer_proc_exit: AtomicU64,
    /// Events dropped because reading user memory faulted.
    pub n_drops_pf: AtomicU64,
    /// Preemptions seen while writing events.
    pub n_preemptions: AtomicU64,
    /// Context-switch events received.
    pub n_context_switches: AtomicU64,
}

// The layout is the module's ABI: check it at compile time.
const _: () = {
    use std::mem::{align_of, offset_of, size_of};
    assert!(size_of::<RingBufferInfo>() == 128);
    assert!(align_of::<RingBufferInfo>() == 8);
    assert!(offset_of!(RingBufferInfo, head) == 0);
    assert!(offset_of!(RingBufferInfo, tail) == 4);
    assert!(offset_of!(RingBufferInfo, n_evts) == 8);
    assert!(offset_of!(RingBufferInfo, n_drops_buffer) == 16);
    assert!(offset_of!(RingBufferInfo, n_drops_buffer_clone_fork_exit) == 24);
    assert!(offset_of!(RingBufferInfo, n_drops_buffer_proc_exit) == 96);
    assert!(offset_of!(RingBufferInfo, n_drops_pf) == 104);
    assert!(offset_of!(RingBufferInfo, n_preemptions) == 112);
    assert!(offset_of!(RingBufferInfo, n_context_switches) == 120);
};

impl RingBufferInfo {
    /// A snapshot of the counters.
    pub fn counters(&self) -> RingCounters {
        let r = |a: &AtomicU64| a.load(Ordering::Relaxed);
        RingCounters {
            n_evts: r(&self.n_evts),
            n_drops_buffer: r(&self.n_drops_buffer),
            n_drops_buffer_clone_fork_exit: r(&self.n_drops_buffer_clone_fork_exit),
            n_drops_buffer_execve_exit: r(&self.n_drops_buffer_execve_exit),
            n_drops_buffer_connect_enter: r(&self.n_drops_buffer_connect_enter),
            n_drops_buffer_connect_exit: r(&self.n_drops_buffer_connect_exit),
            n_drops_buffer_open_enter: r(&self.n_drops_buffer_open_enter),
            n_drops_buffer_open_exit: r(&self.n_drops_buffer_open_exit),
            n_drops_buffer_dir_file_exit: r(&self.n_drops_buffer_dir_file_exit),
            n_drops_buffer_other_interest_exit: r(&self.n_drops_buffer_other_interest_exit),
            n_drops_buffer_close_exit: r(&self.n_drops_buffer_close_exit),
            n_drops_buffer_proc_exit: r(&self.n_drops_buffer_proc_exit),
            n_drops_pf: r(&self.n_drops_pf),
            n_preemptions: r(&self.n_preemptions),
            n_context_switches: r(&self.n_context_switches),
        }
    }
}

/// The counters of one ring's [`RingBufferInfo`] (or their sum over every
/// CPU), with libscap's metric names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RingCounters {
    /// `n_evts`: events the module saw, dropped or not.
    pub n_evts: u64,
    /// `n_drops_buffer_total`: full-ring drops, all categories.
    pub n_drops_buffer: u64,
    /// `n_drops_buffer_clone_fork_exit`.
    pub n_drops_buffer_clone_fork_exit: u64,
    /// `n_drops_buffer_execve_exit`.
    pub n_drops_buffer_execve_exit: u64,
    /// `n_drops_buffer_connect_enter`.
    pub n_drops_buffer_connect_enter: u64,
    /// `n_drops_buffer_connect_exit`.
    pub n_drops_buffer_connect_exit: u64,
    /// `n_drops_buffer_open_enter`.
    pub n_drops_buffer_open_enter: u64,
    /// `n_drops_buffer_open_exit`.
    pub n_drops_buffer_open_exit: u64,
    /// `n_drops_buffer_dir_file_exit`.
    pub n_drops_buffer_dir_file_exit: u64,
    /// `n_drops_buffer_other_interest_exit`.
    pub n_drops_buffer_other_interest_exit: u64,
    /// `n_drops_buffer_close_exit`.
    pub n_drops_buffer_close_exit: u64,
    /// `n_drops_buffer_proc_exit`.
    pub n_drops_buffer_proc_exit: u64,
    /// `n_drops_page_faults`: drops on faulting user-memory reads.
    pub n_drops_pf: u64,
    /// `n_preemptions`.
    pub n_preemptions: u64,
    /// Context-switch events received (libscap does not export this one).
    pub n_context_switches: u64,
}

impl RingCounters {
    /// `n_drops`: every kernel-side drop, as libscap sums it
    /// (`n_drops_buffer + n_drops_pf`).
    pub fn n_drops(&self) -> u64 {
        self.n_drops_buffer.saturating_add(self.n_drops_pf)
    }

    /// Adds `other` field by field (saturating).
    pub fn add(&mut self, other: &RingCounters) {
        let RingCounters {
            n_evts,
            n_drops_buffer,
            n_drops_buffer_clone_fork_exit,
            n_drops_buffer_execve_exit,
            n_drops_buffer_connect_enter,
            n_drops_buffer_connect_exit,
            n_drops_buffer_open_enter,
            n_drops_buffer_open_exit,
            n_drops_buffer_dir_file_exit,
            n_drops_buffer_other_interest_exit,
            n_drops_buffer_close_exit,
            n_drops_buffer_proc_exit,
            n_drops_pf,
            n_preemptions,
            n_context_switches,
        } = *other;
        let add = |a: &mut u64, b: u64| *a = a.saturating_add(b);
        add(&mut self.n_evts, n_evts);
        add(&mut self.n_drops_buffer, n_drops_buffer);
        add(
            &mut self.n_drops_buffer_clone_fork_exit,
            n_drops_buffer_clone_fork_exit,
        );
        add(
            &mut self.n_drops_buffer_execve_exit,
            n_drops_buffer_execve_exit,
        );
        add(
            &mut self.n_drops_buffer_connect_enter,
            n_drops_buffer_connect_enter,
        );
        add(
            &mut self.n_drops_buffer_connect_exit,
            n_drops_buffer_connect_exit,
        );
        add(
            &mut self.n_drops_buffer_open_enter,
            n_drops_buffer_open_enter,
        );
        add(&mut self.n_drops_buffer_open_exit, n_drops_buffer_open_exit);
        add(
            &mut self.n_drops_buffer_dir_file_exit,
            n_drops_buffer_dir_file_exit,
        );
        add(
            &mut self.n_drops_buffer_other_interest_exit,
            n_drops_buffer_other_interest_exit,
        );
        add(
            &mut self.n_drops_buffer_close_exit,
            n_drops_buffer_close_exit,
        );
        add(&mut self.n_drops_buffer_proc_exit, n_drops_buffer_proc_exit);
        add(&mut self.n_drops_pf, n_drops_pf);
        add(&mut self.n_preemptions, n_preemptions);
        add(&mut self.n_context_switches, n_context_switches);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ioctl_requests_are_io_s_n_as_in_ppm_events_public_h() {
        // (name in libs, n) for every request the module still defines.
        let libs = [
            ("PPM_IOCTL_DISABLE_DROPPING_MODE", 2),
            ("PPM_IOCTL_ENABLE_DROPPING_MODE", 3),
            ("PPM_IOCTL_SET_SNAPLEN", 4),
            ("PPM_IOCTL_DISABLE_DYNAMIC_SNAPLEN", 8),
            ("PPM_IOCTL_ENABLE_DYNAMIC_SNAPLEN", 9),
            ("PPM_IOCTL_GET_VTID", 10),
            ("PPM_IOCTL_GET_VPID", 11),
            ("PPM_IOCTL_GET_CURRENT_TID", 12),
            ("PPM_IOCTL_GET_CURRENT_PID", 13),
            ("PPM_IOCTL_GET_PROCLIST", 16),
            ("PPM_IOCTL_GET_N_TRACEPOINT_HIT", 20),
            ("PPM_IOCTL_GET_DRIVER_VERSION", 21),
            ("PPM_IOCTL_SET_FULLCAPTURE_PORT_RANGE", 22),
            ("PPM_IOCTL_SET_STATSD_PORT", 23),
            ("PPM_IOCTL_GET_API_VERSION", 24),
            ("PPM_IOCTL_GET_SCHEMA_VERSION", 25),
            ("PPM_IOCTL_ENABLE_SYSCALL", 29),
            ("PPM_IOCTL_DISABLE_SYSCALL", 30),
            ("PPM_IOCTL_ENABLE_TP", 31),
            ("PPM_IOCTL_DISABLE_TP", 32),
            ("PPM_IOCTL_ENABLE_DROPFAILED", 33),
            ("PPM_IOCTL_DISABLE_DROPFAILED", 34),
        ];
        let ours: Vec<(&str, u8)> = Ioctl::ALL.iter().map(|i| (i.name(), i.number())).collect();
        assert_eq!(ours, libs);
        for (name, n) in libs {
            let i = Ioctl::from_number(n).unwrap();
            assert_eq!(i.name(), name);
            if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
                assert_eq!(i.request(), 0x7300 | u32::from(n), "{name}");
            }
        }
        // Retired numbers are not requests.
        for n in [0, 1, 5, 6, 7, 14, 15, 17, 18, 19, 26, 27, 28, 35] {
            assert_eq!(Ioctl::from_number(n), None, "{n}");
        }
    }

    #[test]
    fn ring_info_fields_sit_at_the_modules_offsets() {
        // Fill a 128-byte image the way the module's struct would be laid
        // out (u32 head, u32 tail, then 15 u64 counters), read it back.
        let mut words = [0u64; 16];
        words[0] = u64::from_ne_bytes({
            let mut b = [0u8; 8];
            b[..4].copy_from_slice(&1000u32.to_ne_bytes());
            b[4..].copy_from_slice(&24u32.to_ne_bytes());
            b
        });
        for (i, w) in words.iter_mut().enumerate().skip(1) {
            *w = 100 + i as u64;
        }
        // SAFETY: [u64; 16] has the size and alignment of RingBufferInfo,
        // whose fields are all atomics (any bit pattern is valid).
        let info = unsafe { &*(words.as_ptr().cast::<RingBufferInfo>()) };
        assert_eq!(info.head.load(Ordering::Relaxed), 1000);
        assert_eq!(info.tail.load(Ordering::Relaxed), 24);
        let c = info.counters();
        assert_eq!(c.n_evts, 101);
        assert_eq!(c.n_drops_buffer, 102);
        assert_eq!(c.n_drops_buffer_clone_fork_exit, 103);
        assert_eq!(c.n_drops_buffer_proc_exit, 112);
        assert_eq!(c.n_drops_pf, 113);
        assert_eq!(c.n_preemptions, 114);
        assert_eq!(c.n_context_switches, 115);
        assert_eq!(c.n_drops(), 102 + 113);
    }

    #[test]
    fn versions_unpack_as_ppm_api_version_h_packs_them() {
        // PPM_API_VERSION(10, 1, 0) = 10 << 44 | 1 << 24.
        assert_eq!(CURRENT_API_VERSION.packed(), (10u64 << 44) | (1 << 24));
        assert_eq!(
            Version::from_packed((4u64 << 44) | (5 << 24) | 1),
            CURRENT_SCHEMA_VERSION
        );
        // libscap's semver rule.
        let cases = [
            (Version::new(10, 0, 0), true),
            (Version::new(10, 0, 5), true),
            (Version::new(10, 7, 0), true),
            (Version::new(9, 99, 99), false),
            (Version::new(11, 0, 0), false),
        ];
        for (v, ok) in cases {
            assert_eq!(v.satisfies(MIN_API_VERSION), ok, "{v}");
        }
        assert!(!Version::new(4, 2, 99).satisfies(MIN_SCHEMA_VERSION));
    }
}

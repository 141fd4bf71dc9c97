//! A simulated kernel module, for tests, benchmarks and examples on machines
//! where the module cannot load (this crate's own test machine has
//! `CONFIG_MODULES` off).
//!
//! It reproduces what userspace sees of the module, byte for byte:
//!
//! - per CPU, a ring buffer of `buffer_bytes_dim` bytes **mapped twice back
//!   to back** (a `memfd` mapped into two adjacent halves of one reserved
//!   region), read-only for the consumer like the module's mapping, and a
//!   shared [`RingBufferInfo`] page (head, tail and counters);
//! - a producer ([`SimProducer`]) that writes events as the module's
//!   `record_event_consumer` does: whole events in the `ppm_evt_hdr` format
//!   with no per-record framing, free space `tail > head ? tail - head - 1 :
//!   size + tail - head - 1`, a full ring counted in `n_drops_buffer` and its
//!   per-category counter, `head` published after the bytes (release);
//! - the ioctls a consumer uses ([`SimDevice`] implements
//!   [`Device`]), with the module's argument checks and errno values, and a
//!   record of the consumer's syscall mask and tracepoints.
//!
//! ```
//! use falco_driver_kmod::sim::{encode_event, SimDriver};
//! use falco_driver_kmod::{Kmod, KmodConfig};
//!
//! let driver = SimDriver::new(2, 64 * 1024).unwrap();
//! let config = KmodConfig { buffer_bytes_dim: Some(64 * 1024), ..KmodConfig::default() };
//! let mut kmod = Kmod::from_devices(driver.devices(), &config).unwrap();
//! let fd = 3i64.to_ne_bytes();
//! driver.producer(1).unwrap().emit(&encode_event(20, 7, 3, &[&fd])).unwrap();
//! driver.producer(0).unwrap().emit(&encode_event(10, 7, 3, &[&fd])).unwrap();
//! let first = kmod.next_raw_event().unwrap().unwrap().to_vec();
//! assert_eq!(&first[..8], &10u64.to_ne_bytes()); // the older one, from CPU 0
//! ```

use std::ffi::CStr;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use falco_events::table::{self, Direction};

use crate::abi::{
    self, EventHeader, Ioctl, RingBufferInfo, Tracepoint, Version, CURRENT_API_VERSION,
    CURRENT_SCHEMA_VERSION, EVENT_HEADER_LEN, SNAPLEN_MAX, SYSCALL_TABLE_SIZE,
};
use crate::device::{Device, IoctlArg, Mmap, RingMemory};

/// Reserves `2 * size` bytes and maps `fd` (of `size` bytes) into both
/// halves, so byte `size + i` is byte `i`.
fn double_map(fd: i32, size: usize, prot: i32) -> io::Result<Mmap> {
    let region = Mmap::map(
        2 * size,
        libc::PROT_NONE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
    )?;
    for half in 0..2 {
        // SAFETY: the address lies in the reservation this function owns
        // (`region`), so MAP_FIXED replaces only our own PROT_NONE pages.
        let p = unsafe {
            libc::mmap(
                region.ptr.as_ptr().add(half * size).cast(),
                size,
                prot,
                libc::MAP_SHARED | libc::MAP_FIXED,
                fd,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(region)
}

/// One simulated per-CPU ring: the memory the module would own.
struct SimRing {
    size: usize,
    /// The consumer's view: read-only double mapping.
    read_view: Mmap,
    /// The producer's view: writable double mapping of the same pages.
    write_view: Mmap,
    /// The shared info page.
    info: Mmap,
    api_version: AtomicU64,
    schema_version: AtomicU64,
    _memfd: OwnedFd,
}

impl SimRing {
    fn new(size: usize) -> io::Result<SimRing> {
        let name: &CStr = c"falco-sim-ring";
        // SAFETY: `name` is a valid C string.
        let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh descriptor nobody else owns.
        let memfd = unsafe { OwnedFd::from_raw_fd(fd) };
        let len = libc::off_t::try_from(size)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "ring too large"))?;
        // SAFETY: plain syscall on a descriptor we own.
        if unsafe { libc::ftruncate(memfd.as_raw_fd(), len) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let read_view = double_map(memfd.as_raw_fd(), size, libc::PROT_READ)?;
        let write_view = double_map(memfd.as_raw_fd(), size, libc::PROT_READ | libc::PROT_WRITE)?;
        // A zeroed shared page, like the module's vmalloc'ed info (reset to 0).
        let info = Mmap::map(
            abi::page_size(),
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_ANONYMOUS,
            -1,
        )?;
        Ok(SimRing {
            size,
            read_view,
            write_view,
            info,
            api_version: AtomicU64::new(CURRENT_API_VERSION.packed()),
            schema_version: AtomicU64::new(CURRENT_SCHEMA_VERSION.packed()),
            _memfd: memfd,
        })
    }

    fn info(&self) -> &RingBufferInfo {
        // SAFETY: the page is mapped, zero-initialised (a valid
        // RingBufferInfo: all atomics), page-aligned, and lives as long as self.
        unsafe { self.info.ptr.cast::<RingBufferInfo>().as_ref() }
    }
}

/// What the simulated module knows about its one consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimState {
    /// The consumer's syscall mask, by native number.
    pub syscalls: Vec<bool>,
    /// Attached tracepoints.
    pub tracepoints: Vec<Tracepoint>,
    /// Snapshot length (default 80, as in the module).
    pub snaplen: u32,
    /// Sampling ratio in dropping mode, `None` when not dropping.
    pub sampling_ratio: Option<u32>,
    /// Drop failed syscalls.
    pub drop_failed: bool,
    /// Dynamic snaplen.
    pub dynamic_snaplen: bool,
    /// Number of ioctls received.
    pub n_ioctls: u64,
    /// Requests the simulated module does not implement (an old module):
    /// they fail with `ENOTTY`.
    pub missing: Vec<Ioctl>,
}

impl SimState {
    /// Native numbers of the enabled syscalls.
    pub fn enabled_syscalls(&self) -> Vec<u32> {
        (0u32..)
            .zip(&self.syscalls)
            .filter(|(_, on)| **on)
            .map(|(nr, _)| nr)
            .collect()
    }
}

struct Shared {
    state: Mutex<SimState>,
    /// Bit per [`Tracepoint`]: read by producers without locking.
    tp_mask: AtomicU32,
}

/// A simulated module with one ring per CPU.
#[derive(Clone)]
pub struct SimDriver {
    rings: Vec<Arc<SimRing>>,
    shared: Arc<Shared>,
    dir: PathBuf,
}

impl std::fmt::Debug for SimDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimDriver")
            .field("cpus", &self.rings.len())
            .field("dir", &self.dir)
            .finish()
    }
}

impl SimDriver {
    /// A module with `cpus` rings of `buffer_bytes_dim` bytes each (which
    /// must satisfy [`abi::valid_buffer_bytes_dim`], as for the module).
    pub fn new(cpus: usize, buffer_bytes_dim: usize) -> io::Result<SimDriver> {
        if !abi::valid_buffer_bytes_dim(buffer_bytes_dim, abi::page_size())
            || u32::try_from(buffer_bytes_dim).is_err()
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "buffer size must be a power of two, a page multiple and more than two pages",
            ));
        }
        let rings = (0..cpus)
            .map(|_| SimRing::new(buffer_bytes_dim).map(Arc::new))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(SimDriver {
            rings,
            shared: Arc::new(Shared {
                state: Mutex::new(SimState {
                    syscalls: vec![false; SYSCALL_TABLE_SIZE as usize],
                    tracepoints: Vec::new(),
                    snaplen: 80,
                    sampling_ratio: None,
                    drop_failed: false,
                    dynamic_snaplen: false,
                    n_ioctls: 0,
                    missing: Vec::new(),
                }),
                tp_mask: AtomicU32::new(0),
            }),
            dir: PathBuf::from("/sim/dev"),
        })
    }

    /// Number of CPUs (rings).
    pub fn cpus(&self) -> usize {
        self.rings.len()
    }

    /// The devices, one per CPU, named `/sim/dev/falco<cpu>`.
    pub fn devices(&self) -> Vec<SimDevice> {
        (0..self.rings.len())
            .filter_map(|cpu| self.device(cpu))
            .collect()
    }

    /// The device of CPU `cpu`.
    pub fn device(&self, cpu: usize) -> Option<SimDevice> {
        let ring = self.rings.get(cpu)?.clone();
        Some(SimDevice {
            path: self.dir.join(format!("falco{cpu}")),
            ring,
            shared: self.shared.clone(),
        })
    }

    /// The producer writing into CPU `cpu`'s ring.
    pub fn producer(&self, cpu: usize) -> Option<SimProducer> {
        Some(SimProducer {
            ring: self.rings.get(cpu)?.clone(),
            shared: self.shared.clone(),
        })
    }

    /// Makes every device report these versions.
    pub fn set_versions(&self, api: Version, schema: Version) {
        for cpu in 0..self.rings.len() {
            self.set_device_versions(cpu, api, schema);
        }
    }

    /// Makes CPU `cpu`'s device report these versions.
    pub fn set_device_versions(&self, cpu: usize, api: Version, schema: Version) {
        if let Some(r) = self.rings.get(cpu) {
            r.api_version.store(api.packed(), Ordering::Relaxed);
            r.schema_version.store(schema.packed(), Ordering::Relaxed);
        }
    }

    /// Makes `request` fail with `ENOTTY`, as on a module that lacks it.
    pub fn remove_ioctl(&self, request: Ioctl) {
        self.state().missing.push(request);
    }

    /// A snapshot of the module's consumer state.
    pub fn state_snapshot(&self) -> SimState {
        self.state().clone()
    }

    fn state(&self) -> MutexGuard<'_, SimState> {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The counters the module keeps for CPU `cpu`.
    pub fn counters(&self, cpu: usize) -> abi::RingCounters {
        self.rings
            .get(cpu)
            .map(|r| r.info().counters())
            .unwrap_or_default()
    }

    /// Overwrites CPU `cpu`'s shared `head`, as a corrupted info page (or a
    /// module with another buffer size) would show it.
    pub fn corrupt_head(&self, cpu: usize, head: u32) {
        if let Some(r) = self.rings.get(cpu) {
            r.info().head.store(head, Ordering::Release);
        }
    }

    /// Sets the page-fault drop and preemption counters of CPU `cpu`, which
    /// the simulated producer never raises by itself.
    pub fn add_fault_drops(&self, cpu: usize, n_drops_pf: u64, n_preemptions: u64) {
        if let Some(r) = self.rings.get(cpu) {
            r.info().n_drops_pf.fetch_add(n_drops_pf, Ordering::Relaxed);
            r.info()
                .n_preemptions
                .fetch_add(n_preemptions, Ordering::Relaxed);
        }
    }
}

/// One simulated `/dev/falcoN`.
pub struct SimDevice {
    path: PathBuf,
    ring: Arc<SimRing>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for SimDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimDevice")
            .field("path", &self.path)
            .finish()
    }
}

fn errno(e: i32) -> io::Error {
    io::Error::from_raw_os_error(e)
}

impl Device for SimDevice {
    fn path(&self) -> &Path {
        &self.path
    }

    /// The module's `ppm_ioctl`, for the requests a consumer uses: argument
    /// checks and errno values as in `driver/main.c`.
    fn ioctl(&mut self, request: Ioctl, arg: IoctlArg<'_>) -> io::Result<i64> {
        let mut st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        st.n_ioctls += 1;
        if st.missing.contains(&request) {
            return Err(errno(libc::ENOTTY));
        }
        let value = match arg {
            IoctlArg::Value(v) => Some(v),
            IoctlArg::None => Some(0),
            IoctlArg::OutU64(_) => None,
        };
        match (request, arg) {
            (Ioctl::GetApiVersion, IoctlArg::OutU64(out)) => {
                *out = self.ring.api_version.load(Ordering::Relaxed);
                Ok(0)
            }
            (Ioctl::GetSchemaVersion, IoctlArg::OutU64(out)) => {
                *out = self.ring.schema_version.load(Ordering::Relaxed);
                Ok(0)
            }
            (Ioctl::GetApiVersion | Ioctl::GetSchemaVersion, _) => Err(errno(libc::EINVAL)),
            (Ioctl::EnableSyscall | Ioctl::DisableSyscall, _) => {
                let nr = value.ok_or_else(|| errno(libc::EINVAL))?;
                let slot = usize::try_from(nr)
                    .ok()
                    .and_then(|n| st.syscalls.get_mut(n))
                    .ok_or_else(|| errno(libc::EINVAL))?;
                *slot = request == Ioctl::EnableSyscall;
                Ok(0)
            }
            (Ioctl::EnableTp | Ioctl::DisableTp, _) => {
                let tp = value
                    .and_then(Tracepoint::from_code)
                    .ok_or_else(|| errno(libc::EINVAL))?;
                st.tracepoints.retain(|&t| t != tp);
                if request == Ioctl::EnableTp {
                    st.tracepoints.push(tp);
                    st.tracepoints.sort();
                }
                let mask = st.tracepoints.iter().fold(0u32, |m, t| m | 1 << t.code());
                self.shared.tp_mask.store(mask, Ordering::Release);
                Ok(0)
            }
            (Ioctl::SetSnaplen, _) => {
                let v = value
                    .filter(|&v| v <= u64::from(SNAPLEN_MAX))
                    .ok_or_else(|| errno(libc::EINVAL))?;
                st.snaplen = v as u32;
                Ok(0)
            }
            (Ioctl::EnableDroppingMode, _) => {
                let r = value
                    .filter(|v| [1, 2, 4, 8, 16, 32, 64, 128].contains(v))
                    .ok_or_else(|| errno(libc::EINVAL))?;
                st.sampling_ratio = Some(r as u32);
                Ok(0)
            }
            (Ioctl::DisableDroppingMode, _) => {
                st.sampling_ratio = None;
                Ok(0)
            }
            (Ioctl::EnableDropFailed | Ioctl::DisableDropFailed, _) => {
                st.drop_failed = request == Ioctl::EnableDropFailed;
                Ok(0)
            }
            (Ioctl::EnableDynamicSnaplen | Ioctl::DisableDynamicSnaplen, _) => {
                st.dynamic_snaplen = request == Ioctl::EnableDynamicSnaplen;
                Ok(0)
            }
            (Ioctl::GetCurrentTid | Ioctl::GetCurrentPid, _) => Ok(i64::from(std::process::id())),
            _ => Err(errno(libc::ENOTTY)),
        }
    }

    fn map_ring(&mut self, buffer_bytes_dim: usize) -> io::Result<RingMemory> {
        // The module accepts exactly 2 * its buffer size for the data mapping.
        if buffer_bytes_dim != self.ring.size {
            return Err(errno(libc::EINVAL));
        }
        let info = self.ring.info.ptr.cast::<RingBufferInfo>();
        let data: NonNull<u8> = self.ring.read_view.ptr;
        // SAFETY: both mappings live as long as the Arc<SimRing> owner; the
        // read view is the double mapping of 2 * size bytes; the info page
        // is zero-initialised atomics, page-aligned; SimProducer follows
        // the module's protocol (writes outside [tail, head), publishes head
        // with release ordering after the bytes).
        Ok(unsafe {
            RingMemory::from_raw_parts(info, data, self.ring.size, Box::new(self.ring.clone()))
        })
    }
}

/// What [`SimProducer::emit`] did with an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emitted {
    /// Written; `head` moved past it.
    Written,
    /// The ring had no room: counted in `n_drops_buffer` (and its category).
    Dropped,
    /// The consumer has no tracepoint attached: the module would not have
    /// produced it (nothing counted).
    NotCapturing,
}

/// Writes events into one simulated ring, as the module does on that CPU.
/// Send it to a thread to produce while the consumer reads.
pub struct SimProducer {
    ring: Arc<SimRing>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for SimProducer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimProducer")
            .field("size", &self.ring.size)
            .finish()
    }
}

impl SimProducer {
    /// Writes one event (its bytes as the module lays them out), if the
    /// consumer is capturing and the ring has room. `n_evts` counts every
    /// call made while capturing, as the module counts before the
    /// room check.
    pub fn emit(&self, event: &[u8]) -> io::Result<Emitted> {
        if self.shared.tp_mask.load(Ordering::Acquire) == 0 {
            return Ok(Emitted::NotCapturing);
        }
        self.write(event)
    }

    /// Writes raw bytes as if they were one event, bypassing the capture
    /// check: for injecting malformed or truncated events.
    pub fn write_raw(&self, bytes: &[u8]) -> io::Result<Emitted> {
        self.write(bytes)
    }

    fn write(&self, event: &[u8]) -> io::Result<Emitted> {
        let ring = &*self.ring;
        let info = ring.info();
        let size = ring.size;
        if event.is_empty() || event.len() >= size {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "event must be non-empty and smaller than the ring",
            ));
        }
        info.n_evts.fetch_add(1, Ordering::Relaxed);
        let head = info.head.load(Ordering::Relaxed) as usize;
        let tail = info.tail.load(Ordering::Acquire) as usize;
        let free = if tail > head {
            tail - head - 1
        } else {
            size + tail - head - 1
        };
        if event.len() > free {
            info.n_drops_buffer.fetch_add(1, Ordering::Relaxed);
            if let Ok(h) = EventHeader::read(event) {
                if let Some(c) = drop_category(info, h.code) {
                    c.fetch_add(1, Ordering::Relaxed);
                }
            }
            return Ok(Emitted::Dropped);
        }
        // SAFETY: head < size and len < size, so head + len < 2 * size: in
        // the writable double mapping. [head, head + len) is free space
        // (outside [tail, head)), which the consumer does not read; writing
        // past `size` lands at the start through the mirror, as the module's
        // overflow copy does.
        unsafe {
            std::ptr::copy_nonoverlapping(
                event.as_ptr(),
                ring.write_view.ptr.as_ptr().add(head),
                event.len(),
            );
        }
        let mut next = head + event.len();
        if next >= size {
            next -= size;
        }
        info.head.store(next as u32, Ordering::Release);
        Ok(Emitted::Written)
    }

    /// Bytes written and not yet given back by the consumer.
    pub fn used(&self) -> usize {
        let info = self.ring.info();
        let size = self.ring.size;
        let head = info.head.load(Ordering::Acquire) as usize;
        let tail = info.tail.load(Ordering::Acquire) as usize;
        (head + size - tail) % size
    }
}

/// The module's per-category full-ring counter for an event type
/// (`drops_buffer_syscall_categories_counters`).
fn drop_category(info: &RingBufferInfo, event_type: u16) -> Option<&AtomicU64> {
    let name = table::event_info(event_type)?.name;
    let enter = Direction::of(event_type) == Direction::Enter;
    Some(match (name, enter) {
        ("open" | "creat" | "openat" | "openat2", true) => &info.n_drops_buffer_open_enter,
        ("connect", true) => &info.n_drops_buffer_connect_enter,
        ("procexit", true) => &info.n_drops_buffer_proc_exit,
        ("open" | "creat" | "openat" | "openat2" | "open_by_handle_at", false) => {
            &info.n_drops_buffer_open_exit
        }
        (
            "dup" | "chmod" | "fchmod" | "fchmodat" | "chown" | "lchown" | "fchown" | "fchownat"
            | "link" | "linkat" | "mkdir" | "mkdirat" | "mount" | "umount" | "umount2" | "rename"
            | "renameat" | "renameat2" | "rmdir" | "symlink" | "symlinkat" | "unlink" | "unlinkat",
            false,
        ) => &info.n_drops_buffer_dir_file_exit,
        ("clone" | "clone3" | "fork" | "vfork", false) => &info.n_drops_buffer_clone_fork_exit,
        ("execve" | "execveat", false) => &info.n_drops_buffer_execve_exit,
        ("connect", false) => &info.n_drops_buffer_connect_exit,
        (
            "bpf" | "setpgid" | "ptrace" | "seccomp" | "setns" | "setresgid" | "setresuid"
            | "setsid" | "unshare" | "capset" | "keyctl",
            false,
        ) => &info.n_drops_buffer_other_interest_exit,
        ("close", false) => &info.n_drops_buffer_close_exit,
        _ => return None,
    })
}

/// Encodes an event as the module writes it: the 26-byte header, the
/// parameter lengths (`u16`, or `u32` for the large-payload events), then
/// the parameters back to back.
///
/// ```
/// use falco_driver_kmod::sim::encode_event;
/// let e = encode_event(1, 2, 307, &[b"ab", b""]);
/// assert_eq!(e.len(), 26 + 2 * 2 + 2);
/// ```
pub fn encode_event(ts: u64, tid: u64, event_type: u16, params: &[&[u8]]) -> Vec<u8> {
    let large = table::event_info(event_type).is_some_and(|e| e.has_large_payload());
    let width = if large { 4 } else { 2 };
    let body: usize = params.iter().map(|p| p.len()).sum();
    let len = EVENT_HEADER_LEN + width * params.len() + body;
    let header = EventHeader {
        ts,
        tid,
        len: len as u32,
        code: event_type,
        nparams: params.len() as u32,
    };
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(&header.to_bytes());
    for p in params {
        if large {
            out.extend_from_slice(&(p.len() as u32).to_ne_bytes());
        } else {
            out.extend_from_slice(&(p.len() as u16).to_ne_bytes());
        }
    }
    for p in params {
        out.extend_from_slice(p);
    }
    out
}

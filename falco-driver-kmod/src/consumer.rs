//! The consumer: open the devices, check versions, select syscalls, map the
//! rings, and hand out events oldest first.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use falco_events::event::Event;
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::table;

use crate::abi::{
    self, EventHeader, Ioctl, RingCounters, Tracepoint, Version, EVENT_HEADER_LEN,
    MAX_EVENT_PARAMS, MIN_API_VERSION, MIN_SCHEMA_VERSION, SYSCALL_TABLE_SIZE,
};
use crate::device::{Device, FalcoDevice, IoctlArg, RingMemory};
use crate::error::{KmodError, VersionKind};
use crate::interest::Interest;

/// How to open the module's devices and what to ask it for.
#[derive(Clone, Debug)]
pub struct KmodConfig {
    /// Directory of the device nodes (`/dev`; with a host root mounted
    /// elsewhere, e.g. `/host/dev`).
    pub device_dir: PathBuf,
    /// Device name prefix: the module's `DRIVER_DEVICE_NAME` (`falco` for
    /// Falco's builds, `scap` for plain libs builds). Devices are
    /// `<device_dir>/<device_name><cpu>`.
    pub device_name: String,
    /// The module's parameter directory (`/sys/module/falco/parameters`).
    pub module_parameters: PathBuf,
    /// Per-CPU buffer size. `Some`: written to the module's
    /// `g_buffer_bytes_dim` before the devices are opened (as libscap does)
    /// if it differs. `None`: the module's current value is read (8 MiB if
    /// it cannot be).
    pub buffer_bytes_dim: Option<usize>,
    /// The syscalls and tracepoints to capture (from the rules; see also
    /// [`EventSource::set_event_types`]). The default is every syscall and
    /// the `sched_process_exit` and `signal_deliver` tracepoints, but not
    /// `sched_switch` nor the page-fault tracepoints, whose volume is large
    /// and which no default Falco rule reads.
    pub interest: Interest,
    /// Start capturing as soon as the consumer is open.
    pub start_capture: bool,
    /// How long [`EventSource::next_event`] waits for an event before it
    /// returns `Ok(None)` (the raw [`Kmod::next_raw_event`] never waits).
    pub poll_timeout: Duration,
}

impl Default for KmodConfig {
    fn default() -> Self {
        KmodConfig {
            device_dir: PathBuf::from("/dev"),
            device_name: "falco".to_string(),
            module_parameters: PathBuf::from("/sys/module/falco/parameters"),
            buffer_bytes_dim: None,
            interest: {
                let mut i = Interest::all();
                for n in ["sched_switch", "page_fault_user", "page_fault_kernel"] {
                    if let Some(c) = table::ppm_sc_code(n) {
                        i.remove(c);
                    }
                }
                i
            },
            start_capture: true,
            poll_timeout: Duration::from_millis(100),
        }
    }
}

/// Counters of the consumer: the module's own (per CPU and summed) and what
/// the consumer did with the bytes it read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KmodStats {
    /// The module's counters summed over every CPU (`n_evts`, drops by
    /// category, page-fault drops, preemptions).
    pub driver: RingCounters,
    /// The module's counters of each ring, in device order.
    pub per_cpu: Vec<RingCounters>,
    /// Events handed out by [`Kmod::next_raw_event`] and
    /// [`EventSource::next_event`].
    pub n_consumed: u64,
    /// Events skipped because their length array or parameters do not add
    /// up to their length (or they claim more than 32 parameters).
    pub n_malformed: u64,
    /// Times the rest of a ring's readable block was skipped because an
    /// event header was cut short or claimed a length past the block.
    pub n_truncated: u64,
    /// Bytes skipped for malformed and truncated events.
    pub bytes_skipped: u64,
    /// Events of types newer than the event table, skipped by the
    /// [`EventSource`] stream (the raw stream hands them out).
    pub n_unknown: u64,
    /// Events the [`EventSource`] stream left out because their type is not
    /// in the set given to [`EventSource::set_event_types`].
    pub n_filtered: u64,
}

impl KmodStats {
    /// Every kernel-side drop (`n_drops_buffer + n_drops_pf`), as libscap's
    /// `n_drops`.
    pub fn n_drops(&self) -> u64 {
        self.driver.n_drops()
    }
}

/// One ring and the consumer's place in it.
///
/// A *block* is `[start, start + len)` of the double mapping: what lay
/// between `tail` and `head` at the last refill. `pos` is how much of it is
/// consumed; `tail` moves to `start + len` only once the whole block is
/// consumed and the caller is done with the last event handed out.
struct Ring {
    mem: RingMemory,
    path: PathBuf,
    start: usize,
    len: usize,
    pos: usize,
    /// The next event of the block, validated: (ts, len).
    next: Option<(u64, usize)>,
}

impl Ring {
    /// Gives a used-up block back to the module: `tail` moves to the end
    /// of the block (release ordering, so our reads of it happen first).
    /// Only call when no slice of the block is in use.
    fn release_if_consumed(&mut self) {
        if self.len > 0 && self.pos >= self.len {
            let size = self.mem.size();
            let new_tail = (self.start + self.len) % size;
            self.mem
                .info()
                .tail
                .store(new_tail as u32, Ordering::Release);
            self.start = new_tail;
            self.len = 0;
            self.pos = 0;
            self.next = None;
        }
    }
}

/// The consumer of Falco's kernel-module ring buffers over devices `D`.
///
/// Open it with [`Kmod::open`] (real devices) or [`Kmod::from_devices`]
/// (any [`Device`], e.g. the [simulated](crate::sim) one), then call
/// [`next_raw_event`](Kmod::next_raw_event) (raw bytes) or
/// [`EventSource::next_event`] (decoded views) in a loop. See the
/// [crate documentation](crate) for an example.
pub struct Kmod<D: Device = FalcoDevice> {
    devices: Vec<D>,
    rings: Vec<Ring>,
    api_version: Version,
    schema_version: Version,
    interest: Interest,
    capturing: bool,
    n_consumed: u64,
    n_malformed: u64,
    n_truncated: u64,
    bytes_skipped: u64,
    n_unknown: u64,
    n_filtered: u64,
    /// What [`EventSource::next_event`] returns.
    wanted: EventSet,
    /// How long [`EventSource::next_event`] waits for an event.
    poll_timeout: Duration,
    /// The CPU number of each ring.
    cpus: Vec<u16>,
    last_ring: Option<usize>,
}

/// Where an event lies: ring and offset in its double mapping.
#[derive(Clone, Copy, Debug)]
struct At {
    ring: usize,
    offset: usize,
    len: usize,
}

impl<D: Device> std::fmt::Debug for Kmod<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kmod")
            .field(
                "devices",
                &self.rings.iter().map(|r| &r.path).collect::<Vec<_>>(),
            )
            .field("api_version", &self.api_version)
            .field("schema_version", &self.schema_version)
            .field("capturing", &self.capturing)
            .finish()
    }
}

fn online_cpus() -> (usize, usize) {
    // SAFETY: sysconf has no memory-safety preconditions.
    let (onln, conf) = unsafe {
        (
            libc::sysconf(libc::_SC_NPROCESSORS_ONLN),
            libc::sysconf(libc::_SC_NPROCESSORS_CONF),
        )
    };
    let onln = usize::try_from(onln).ok().filter(|&n| n > 0).unwrap_or(1);
    let conf = usize::try_from(conf)
        .ok()
        .filter(|&n| n >= onln)
        .unwrap_or(onln);
    (onln, conf)
}

fn read_param(path: &Path) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

impl Kmod<FalcoDevice> {
    /// Opens the module's devices, one per online CPU, as libscap does:
    /// `<device_dir>/<device_name><cpu>` for CPU 0, 1, ... until every online
    /// CPU has one, skipping offline CPUs (`ENODEV`). Then the checks and
    /// setup of [`Kmod::from_devices`].
    ///
    /// Without the module: [`KmodError::NotLoaded`] ("the falco kernel
    /// module is not loaded: /dev/falco0 not found").
    pub fn open(config: &KmodConfig) -> Result<Kmod<FalcoDevice>, KmodError> {
        let page = abi::page_size();
        let dim_param = config.module_parameters.join("g_buffer_bytes_dim");
        let dim = match config.buffer_bytes_dim {
            Some(want) => {
                if !abi::valid_buffer_bytes_dim(want, page) {
                    return Err(KmodError::BufferSize {
                        bytes: want,
                        page_size: page,
                    });
                }
                // Only write when the module's value differs (sysfs may be
                // read-only); a missing file is left to the open below.
                if let Some(cur) = read_param(&dim_param) {
                    if cur != want as u64 {
                        std::fs::write(&dim_param, want.to_string()).map_err(|source| {
                            KmodError::ModuleParameter {
                                path: dim_param.clone(),
                                source,
                            }
                        })?;
                    }
                }
                want
            }
            None => read_param(&dim_param)
                .and_then(|v| usize::try_from(v).ok())
                .unwrap_or(abi::DEFAULT_BUFFER_BYTES_DIM),
        };

        let (online, possible) = online_cpus();
        let mut devices = Vec::with_capacity(online);
        let mut cpus = Vec::with_capacity(online);
        for cpu in 0..possible {
            if devices.len() == online {
                break;
            }
            let path = config
                .device_dir
                .join(format!("{}{}", config.device_name, cpu));
            match FalcoDevice::open(&path) {
                Ok(d) => {
                    devices.push(d);
                    cpus.push(u16::try_from(cpu).unwrap_or(u16::MAX));
                }
                Err(e) if e.raw_os_error() == Some(libc::ENODEV) => continue,
                Err(e) if e.raw_os_error() == Some(libc::EBUSY) => {
                    return Err(KmodError::TooManyConsumers {
                        path,
                        max_consumers: read_param(&config.module_parameters.join("max_consumers"))
                            .and_then(|v| u32::try_from(v).ok()),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound && devices.is_empty() => {
                    return Err(KmodError::NotLoaded { path })
                }
                Err(source) => return Err(KmodError::Open { path, source }),
            }
        }
        if devices.is_empty() {
            return Err(KmodError::NoDevices {
                dir: config.device_dir.clone(),
            });
        }
        // Syscalls are enabled by native number: only x86_64's table is known.
        if !cfg!(target_arch = "x86_64") {
            return Err(KmodError::UnsupportedArch {
                arch: std::env::consts::ARCH,
            });
        }
        let config = KmodConfig {
            buffer_bytes_dim: Some(dim),
            ..config.clone()
        };
        let mut k = Kmod::from_devices(devices, &config)?;
        k.cpus = cpus;
        Ok(k)
    }
}

impl<D: Device> Kmod<D> {
    /// Sets up a consumer over already opened devices, one per CPU:
    ///
    /// 1. asks every device for its API and schema versions
    ///    (`GET_API_VERSION`, `GET_SCHEMA_VERSION`); all must agree, and
    ///    each must have the major of [`MIN_API_VERSION`] /
    ///    [`MIN_SCHEMA_VERSION`] and be at least that;
    /// 2. maps each ring and its info page (`config.buffer_bytes_dim`, 8 MiB
    ///    if unset);
    /// 3. if `config.start_capture`, starts capturing `config.interest`
    ///    ([`start_capture`](Kmod::start_capture)).
    pub fn from_devices(mut devices: Vec<D>, config: &KmodConfig) -> Result<Kmod<D>, KmodError> {
        let page = abi::page_size();
        let dim = config
            .buffer_bytes_dim
            .unwrap_or(abi::DEFAULT_BUFFER_BYTES_DIM);
        if !abi::valid_buffer_bytes_dim(dim, page) || dim > 1 << 31 {
            return Err(KmodError::BufferSize {
                bytes: dim,
                page_size: page,
            });
        }
        if devices.is_empty() {
            return Err(KmodError::NoDevices {
                dir: config.device_dir.clone(),
            });
        }

        let mut versions: [Option<Version>; 2] = [None, None];
        for dev in devices.iter_mut() {
            for (slot, kind) in versions
                .iter_mut()
                .zip([VersionKind::Api, VersionKind::Schema])
            {
                let (request, required) = match kind {
                    VersionKind::Api => (Ioctl::GetApiVersion, MIN_API_VERSION),
                    VersionKind::Schema => (Ioctl::GetSchemaVersion, MIN_SCHEMA_VERSION),
                };
                let mut packed = 0u64;
                dev.ioctl(request, IoctlArg::OutU64(&mut packed))
                    .map_err(|source| KmodError::Ioctl {
                        path: dev.path().to_path_buf(),
                        request,
                        source,
                    })?;
                let found = Version::from_packed(packed);
                if let Some(first) = *slot {
                    if first != found {
                        return Err(KmodError::VersionsDiffer {
                            path: dev.path().to_path_buf(),
                            kind,
                            found,
                            first,
                        });
                    }
                }
                if !found.satisfies(required) {
                    return Err(KmodError::IncompatibleVersion {
                        path: dev.path().to_path_buf(),
                        kind,
                        found,
                        required,
                    });
                }
                *slot = Some(found);
            }
        }
        let [Some(api_version), Some(schema_version)] = versions else {
            return Err(KmodError::NoDevices {
                dir: config.device_dir.clone(),
            });
        };

        let mut rings = Vec::with_capacity(devices.len());
        for (i, dev) in devices.iter_mut().enumerate() {
            let path = dev.path().to_path_buf();
            let mem = dev.map_ring(dim).map_err(|source| KmodError::Map {
                path: path.clone(),
                what: "ring buffer",
                source,
            })?;
            if mem.size() != dim {
                return Err(KmodError::Map {
                    path,
                    what: "ring buffer",
                    source: io::Error::other(format!(
                        "device {i} mapped {} bytes per copy, expected {dim}",
                        mem.size()
                    )),
                });
            }
            rings.push(Ring {
                mem,
                path,
                start: 0,
                len: 0,
                pos: 0,
                next: None,
            });
        }

        let n_rings = rings.len();
        let mut k = Kmod {
            devices,
            rings,
            api_version,
            schema_version,
            interest: config.interest.clone(),
            capturing: false,
            n_consumed: 0,
            n_malformed: 0,
            n_truncated: 0,
            bytes_skipped: 0,
            n_unknown: 0,
            n_filtered: 0,
            wanted: falco_events::source::all_event_types(),
            poll_timeout: config.poll_timeout,
            cpus: (0..).take(n_rings).collect(),
            last_ring: None,
        };
        if config.start_capture {
            k.start_capture()?;
        }
        Ok(k)
    }

    /// The driver API version the module reported.
    pub fn api_version(&self) -> Version {
        self.api_version
    }

    /// The event schema version the module reported.
    pub fn schema_version(&self) -> Version {
        self.schema_version
    }

    /// Number of rings (one per online CPU).
    pub fn num_rings(&self) -> usize {
        self.rings.len()
    }

    /// The devices, in ring order.
    pub fn devices(&self) -> &[D] {
        &self.devices
    }

    /// True between [`start_capture`](Kmod::start_capture) and
    /// [`stop_capture`](Kmod::stop_capture).
    pub fn is_capturing(&self) -> bool {
        self.capturing
    }

    /// The syscalls and tracepoints asked for.
    pub fn interest(&self) -> &Interest {
        &self.interest
    }

    fn control(&mut self, request: Ioctl, arg: u64) -> Result<i64, KmodError> {
        // Consumer settings live in the module per consumer, not per CPU:
        // libscap sends them to the first device; so do we.
        let dev = self
            .devices
            .first_mut()
            .ok_or_else(|| KmodError::NoDevices {
                dir: PathBuf::new(),
            })?;
        dev.ioctl(request, IoctlArg::Value(arg))
            .map_err(|source| KmodError::Ioctl {
                path: dev.path().to_path_buf(),
                request,
                source,
            })
    }

    fn enforce(&mut self, interest: &Interest) -> Result<(), KmodError> {
        let mut enabled = [false; SYSCALL_TABLE_SIZE as usize];
        for nr in interest.native_syscalls() {
            if let Some(slot) = enabled.get_mut(nr as usize) {
                *slot = true;
            }
        }
        for (nr, on) in (0u64..).zip(enabled) {
            let req = if on {
                Ioctl::EnableSyscall
            } else {
                Ioctl::DisableSyscall
            };
            self.control(req, nr)?;
        }
        let tps = interest.tracepoints();
        for tp in Tracepoint::ALL {
            let req = if tps.contains(&tp) {
                Ioctl::EnableTp
            } else {
                Ioctl::DisableTp
            };
            self.control(req, u64::from(tp.code()))?;
        }
        Ok(())
    }

    /// Starts capturing: sets the consumer's syscall mask in the module
    /// (one `ENABLE_SYSCALL` or `DISABLE_SYSCALL` for each of the 512
    /// native numbers) and attaches the tracepoints the interest needs
    /// (`ENABLE_TP`/`DISABLE_TP`), as libscap's `start_capture` does. The
    /// module has no separate "enable capture" ioctl any more.
    pub fn start_capture(&mut self) -> Result<(), KmodError> {
        let interest = self.interest.clone();
        self.enforce(&interest)?;
        self.capturing = true;
        Ok(())
    }

    /// Stops capturing: every syscall and tracepoint off. Events already in
    /// the rings can still be read.
    pub fn stop_capture(&mut self) -> Result<(), KmodError> {
        self.capturing = false;
        self.enforce(&Interest::none())
    }

    /// Replaces the syscalls and tracepoints of interest; applied at once if
    /// capturing.
    pub fn set_interest(&mut self, interest: Interest) -> Result<(), KmodError> {
        self.interest = interest;
        if self.capturing {
            let i = self.interest.clone();
            self.enforce(&i)?;
        }
        Ok(())
    }

    /// Sets the snapshot length of I/O buffers (`SET_SNAPLEN`, at most
    /// [`abi::SNAPLEN_MAX`]).
    pub fn set_snaplen(&mut self, snaplen: u32) -> Result<(), KmodError> {
        self.control(Ioctl::SetSnaplen, u64::from(snaplen))
            .map(drop)
    }

    /// Turns sampling ("dropping mode") on with ratio 1, 2, 4, … 128, or off
    /// with `None`.
    pub fn set_sampling_ratio(&mut self, ratio: Option<u32>) -> Result<(), KmodError> {
        match ratio {
            Some(r) => self.control(Ioctl::EnableDroppingMode, u64::from(r)),
            None => self.control(Ioctl::DisableDroppingMode, 0),
        }
        .map(drop)
    }

    /// Drops failed syscalls in the module (`ENABLE_DROPFAILED`) or not.
    pub fn set_drop_failed(&mut self, on: bool) -> Result<(), KmodError> {
        let req = if on {
            Ioctl::EnableDropFailed
        } else {
            Ioctl::DisableDropFailed
        };
        self.control(req, 0).map(drop)
    }

    /// Turns the module's dynamic snaplen (larger captures for some ports)
    /// on or off.
    pub fn set_dynamic_snaplen(&mut self, on: bool) -> Result<(), KmodError> {
        let req = if on {
            Ioctl::EnableDynamicSnaplen
        } else {
            Ioctl::DisableDynamicSnaplen
        };
        self.control(req, 0).map(drop)
    }

    /// The module's and the consumer's counters.
    pub fn stats(&self) -> KmodStats {
        let per_cpu: Vec<RingCounters> =
            self.rings.iter().map(|r| r.mem.info().counters()).collect();
        let mut driver = RingCounters::default();
        for c in &per_cpu {
            driver.add(c);
        }
        KmodStats {
            driver,
            per_cpu,
            n_consumed: self.n_consumed,
            n_malformed: self.n_malformed,
            n_truncated: self.n_truncated,
            bytes_skipped: self.bytes_skipped,
            n_unknown: self.n_unknown,
            n_filtered: self.n_filtered,
        }
    }

    /// Bytes written by the module and not yet consumed, for each ring.
    pub fn buffered_bytes(&self) -> Vec<usize> {
        self.rings
            .iter()
            .map(|r| {
                let size = r.mem.size();
                let head = r.mem.info().head.load(Ordering::Acquire) as usize % size;
                let block_end = (r.start + r.len) % size;
                (r.len - r.pos) + (head + size - block_end) % size
            })
            .collect()
    }

    /// The next event, oldest first across every CPU, as the raw bytes the
    /// module wrote (header, length array, parameters); `Ok(None)` when
    /// every ring is empty for now (see [`wait`](Kmod::wait)). The
    /// [`EventSource`] implementation is the same stream, as decoded
    /// [`Event`] views, filtered by event type.
    ///
    /// The bytes are read in place from the ring (no copy). They stay valid
    /// until the next call, which is when the consumer gives their space
    /// back to the module.
    ///
    /// Order: like libscap, each ring's readable bytes are taken as a block
    /// (a snapshot of `tail..head`), and the event with the smallest
    /// timestamp among the blocks' next events comes out first. A ring's
    /// `tail` moves past its block once the block is used up; new events
    /// are read when every block is used up.
    ///
    /// Malformed events (parameter lengths that do not add up, too many
    /// parameters) are skipped and counted; an event header cut short or
    /// longer than what the module published ends that ring's block, which
    /// is skipped and counted ([`KmodStats`]). Neither panics nor stops
    /// the stream. Event types this crate does not know (a newer schema)
    /// are handed out with their header checked only.
    pub fn next_raw_event(&mut self) -> Result<Option<&[u8]>, KmodError> {
        let Some(at) = self.advance()? else {
            return Ok(None);
        };
        self.n_consumed += 1;
        Ok(Some(self.bytes_at(at)))
    }

    /// Moves to the next event (oldest first) and returns where it is.
    fn advance(&mut self) -> Result<Option<At>, KmodError> {
        self.release_consumed();
        let mut best = self.oldest();
        if best.is_none() {
            self.refill()?;
            best = self.oldest();
        }
        let Some(ring) = best else {
            return Ok(None);
        };
        let Some(r) = self.rings.get_mut(ring) else {
            return Ok(None);
        };
        let Some((_, len)) = r.next else {
            return Ok(None);
        };
        let offset = r.start + r.pos;
        r.pos += len;
        self.peek(ring);
        self.last_ring = Some(ring);
        Ok(Some(At { ring, offset, len }))
    }

    /// The bytes of an event [`advance`](Self::advance) just returned.
    fn bytes_at(&self, at: At) -> &[u8] {
        let Some(r) = self.rings.get(at.ring) else {
            return &[];
        };
        // SAFETY: `at` comes from advance: offset + len <= start + block
        // len <= 2 * size (peek checked len against the block), and the
        // bytes lie in [tail, head), which the producer does not write until
        // release_consumed moves tail. That needs `&mut self`, so it cannot
        // happen while the returned slice (borrowing self) lives.
        unsafe { r.mem.bytes(at.offset, at.len) }
    }

    /// Waits up to `timeout` for an event to be readable, sleeping between
    /// checks from 500 µs doubling up to 30 ms (libscap's back-off). True
    /// if [`next_raw_event`](Kmod::next_raw_event) has something to return.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        const START: Duration = Duration::from_micros(500);
        const MAX: Duration = Duration::from_millis(30);
        let deadline = Instant::now() + timeout;
        let mut nap = START;
        loop {
            self.release_consumed();
            let ready = self.rings.iter().any(|r| {
                r.next.is_some()
                    || r.mem.info().head.load(Ordering::Acquire)
                        != r.mem.info().tail.load(Ordering::Relaxed)
            });
            if ready {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            std::thread::sleep(nap.min(deadline - now));
            nap = (nap * 2).min(MAX);
        }
    }

    /// The ring whose next event is oldest (ties: lowest ring).
    fn oldest(&self) -> Option<usize> {
        let mut best: Option<(u64, usize)> = None;
        for (i, r) in self.rings.iter().enumerate() {
            if let Some((ts, _)) = r.next {
                if best.is_none_or(|(b, _)| ts < b) {
                    best = Some((ts, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }

    /// Gives used-up blocks back to the module: `tail` moves to the end of
    /// the block (release ordering, so our reads of it happen first).
    fn release_consumed(&mut self) {
        for r in &mut self.rings {
            r.release_if_consumed();
        }
    }

    /// Takes a new block from every ring that has none.
    fn refill(&mut self) -> Result<(), KmodError> {
        for i in 0..self.rings.len() {
            let Some(r) = self.rings.get_mut(i) else {
                continue;
            };
            if r.len != 0 {
                continue;
            }
            let size = r.mem.size();
            let info = r.mem.info();
            let head = info.head.load(Ordering::Acquire);
            let tail = info.tail.load(Ordering::Relaxed);
            if head as usize >= size || tail as usize >= size {
                return Err(KmodError::CorruptRing {
                    path: r.path.clone(),
                    head,
                    tail,
                    size,
                });
            }
            let (head, tail) = (head as usize, tail as usize);
            r.start = tail;
            r.len = if tail > head {
                size - tail + head
            } else {
                head - tail
            };
            r.pos = 0;
            self.peek(i);
            // A block that held only skipped bytes goes back at once: no
            // event of it was handed out, so nothing borrows it.
            if let Some(r) = self.rings.get_mut(i) {
                r.release_if_consumed();
            }
        }
        Ok(())
    }

    /// Validates the event at ring `i`'s position and records it as the
    /// ring's next, skipping (and counting) malformed ones.
    fn peek(&mut self, i: usize) {
        let Some(r) = self.rings.get_mut(i) else {
            return;
        };
        r.next = None;
        while r.pos < r.len {
            let remaining = r.len - r.pos;
            // SAFETY: start + len <= 2 * size (start < size, len <= size)
            // and the block lies in [tail, head).
            let block = unsafe { r.mem.bytes(r.start + r.pos, remaining) };
            match check_event(block) {
                Check::Ok(h) => {
                    r.next = Some((h.ts, h.len as usize));
                    return;
                }
                Check::Malformed(len) => {
                    self.n_malformed += 1;
                    self.bytes_skipped += len as u64;
                    r.pos += len;
                }
                Check::Truncated => {
                    self.n_truncated += 1;
                    self.bytes_skipped += remaining as u64;
                    r.pos = r.len;
                }
            }
        }
    }
}

fn source_error(e: KmodError) -> SourceError {
    SourceError::Io(io::Error::other(e))
}

/// The module's events as [`Event`] views, for the engine.
///
/// - Events come oldest first across CPUs, zero-copy, as from
///   [`Kmod::next_raw_event`]; each is decoded with
///   [`Event::parse_allowing_extra`] (a newer module may append parameters).
/// - `Ok(None)` means no event arrived within
///   [`KmodConfig::poll_timeout`]; call again.
/// - Event types newer than the table are skipped
///   ([`SourceStats::skipped_unknown`]); malformed and truncated events are
///   skipped ([`SourceStats::skipped_malformed`]); kernel-side drops are
///   [`SourceStats::drops`].
/// - [`set_event_types`](EventSource::set_event_types) selects the
///   syscalls and tracepoints that produce those types in the module
///   ([`Interest::from_event_codes`]), and filters what still comes out
///   (e.g. the enter events of the TOCTOU syscalls). An ioctl error there is
///   its `Err` ([`SourceError::Driver`]).
impl<D: Device> EventSource for Kmod<D> {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let mut waited = false;
        let at = loop {
            match self.advance().map_err(source_error)? {
                Some(at) => {
                    let code =
                        EventHeader::parse(self.bytes_at(at)).map_or(u16::MAX, |h| h.event_type);
                    if code >= table::PPM_EVENT_MAX || table::event_info(code).is_none() {
                        self.n_unknown += 1;
                    } else if !self.wanted.contains(code) {
                        self.n_filtered += 1;
                    } else {
                        break at;
                    }
                }
                None if !waited && !self.poll_timeout.is_zero() => {
                    waited = true;
                    if !self.wait(self.poll_timeout) {
                        return Ok(None);
                    }
                }
                None => return Ok(None),
            }
        };
        self.n_consumed += 1;
        // The ring check (check_event) accepts exactly what
        // parse_allowing_extra accepts for known types, so this does not
        // fail; if it did, the error says why.
        match Event::parse_allowing_extra(self.bytes_at(at)) {
            Ok(e) => Ok(Some(e)),
            Err(e) => Err(SourceError::Decode(e)),
        }
    }

    fn stats(&self) -> SourceStats {
        let s = Kmod::stats(self);
        SourceStats {
            events: s.n_consumed,
            drops: s.n_drops(),
            skipped_malformed: s.n_malformed + s.n_truncated,
            skipped_unknown: s.n_unknown,
            filtered: s.n_filtered,
            dropped_by_converter: 0,
        }
    }

    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        self.set_interest(Interest::from_event_codes(types.iter()))
            .map_err(|e| SourceError::Driver(Box::new(e)))?;
        self.wanted = *types;
        Ok(())
    }

    fn is_live(&self) -> bool {
        true
    }

    fn last_cpu(&self) -> Option<u16> {
        self.cpus.get(self.last_ring?).copied()
    }
}

impl<D: Device> Drop for Kmod<D> {
    fn drop(&mut self) {
        if self.capturing {
            // Best effort: closing the devices also releases the consumer.
            let _ = self.stop_capture();
        }
    }
}

enum Check {
    /// A well-formed event.
    Ok(EventHeader),
    /// An event whose header is sound (its length fits the block) but
    /// whose body is not; skip this many bytes.
    Malformed(usize),
    /// No usable header: the rest of the block cannot be framed.
    Truncated,
}

/// Checks the event at the start of `block` (the unread rest of a ring's
/// block) without trusting anything in it.
fn check_event(block: &[u8]) -> Check {
    let Some(h) = EventHeader::parse(block) else {
        return Check::Truncated;
    };
    let len = h.len as usize;
    if len < EVENT_HEADER_LEN || len > block.len() {
        return Check::Truncated;
    }
    let Some(info) = table::event_info(h.event_type) else {
        // A newer schema's event: framing is all we can check.
        return Check::Ok(h);
    };
    if h.nparams > MAX_EVENT_PARAMS {
        return Check::Malformed(len);
    }
    let width = if info.has_large_payload() { 4 } else { 2 };
    let lens_end = EVENT_HEADER_LEN + width * h.nparams as usize;
    let (Some(lens), Some(_)) = (block.get(EVENT_HEADER_LEN..lens_end), block.get(..len)) else {
        return Check::Malformed(len);
    };
    if lens_end > len {
        return Check::Malformed(len);
    }
    let total: usize = if width == 2 {
        lens.chunks_exact(2)
            .map(|c| usize::from(u16::from_ne_bytes([c[0], c[1]])))
            .sum()
    } else {
        lens.chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as usize)
            .sum()
    };
    if lens_end + total != len {
        return Check::Malformed(len);
    }
    Check::Ok(h)
}

//! The probe: open, load, attach, and consume the ring buffers.

use std::collections::BTreeSet;
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, AsRawFd};
use std::path::Path;
use std::time::{Duration, Instant};

use libbpf_rs::skel::{OpenSkel, SkelBuilder};
use libbpf_rs::{Link, MapCore, MapFlags, MapHandle, MapType, OpenObject};

use crate::error::ProbeError;
use crate::prefilter::{Prefilter, FILTERED, PATH_MAX as PREFILTER_PATH_MAX};
use crate::ring::{Record, Ring};
use crate::skel::{types, ProbeSkel, ProbeSkelBuilder};
use crate::syscalls::{state_syscalls, Builder, Spec, ENTER_SPECS, EXIT_SPECS, IA32_TO_64};

const SYSCALL_TABLE_SIZE: u32 = 512;
const PPM_EVENT_MAX: u32 = 454;
const SETTING_DROP_FAILED: u32 = 1 << 0;
const SETTING_PROCEXIT: u32 = 1 << 1;
/// `PREFILTER_MAX_ENTRIES` of `src/bpf/probe.h`.
const PREFILTER_MAX_ENTRIES: usize = 8192;
const VMLINUX_BTF: &str = "/sys/kernel/btf/vmlinux";

/// Falco's `buf_size_preset` table (falco.yaml): index → bytes of one ring
/// buffer. Index 0 is reserved; the default is 4 (8 MiB).
pub const BUF_SIZE_PRESETS: [usize; 11] = [
    0,
    1 << 20,
    2 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    32 << 20,
    64 << 20,
    128 << 20,
    256 << 20,
    512 << 20,
];

/// How the probe is set up.
///
/// ```
/// use falco_driver_bpf::ProbeConfig;
/// let config = ProbeConfig::default().with_buf_size_preset(2).unwrap();
/// assert_eq!(config.buffer_bytes, 2 << 20);
/// assert_eq!(config.cpus_for_each_buffer, 2);
/// ```
#[derive(Clone, Debug)]
pub struct ProbeConfig {
    /// One ring buffer per this many CPUs; 0 = one buffer for all CPUs.
    /// Falco's default is 2.
    pub cpus_for_each_buffer: usize,
    /// Bytes of each ring buffer: a power of two, a multiple of the page
    /// size, larger than two pages. Falco's default is 8 MiB.
    pub buffer_bytes: usize,
    /// Bytes of I/O data kept in sendto/recvfrom/sendmsg/recvmsg events
    /// (Falco: 80; at most 4096).
    pub snaplen: u32,
    /// Failed syscalls produce no event (Falco's `drop_failed`).
    pub drop_failed: bool,
    /// Always capture the syscalls host state needs ([`state_syscalls`]) and
    /// procexit, whatever `set_interesting` is given.
    pub keep_state_syscalls: bool,
    /// Write the enter events Falco keeps for TOCTOU mitigation (open,
    /// openat, openat2, creat, connect). Neither the host state nor the
    /// rules read them (`falco_events::state::rules_see`); captures meant
    /// for Falco's tools want them. Off, their tracepoints are not even
    /// attached. Default: on.
    pub enter_events: bool,
}

impl Default for ProbeConfig {
    fn default() -> Self {
        ProbeConfig {
            cpus_for_each_buffer: 2,
            buffer_bytes: BUF_SIZE_PRESETS[4],
            snaplen: 80,
            drop_failed: false,
            keep_state_syscalls: true,
            enter_events: true,
        }
    }
}

impl ProbeConfig {
    /// Sets the buffer size from Falco's `buf_size_preset` index (1–10).
    pub fn with_buf_size_preset(mut self, preset: usize) -> Result<Self, ProbeError> {
        match BUF_SIZE_PRESETS.get(preset) {
            Some(&bytes) if bytes > 0 => {
                self.buffer_bytes = bytes;
                Ok(self)
            }
            _ => Err(ProbeError::Config(format!(
                "buf_size_preset {preset} is not in 1..=10"
            ))),
        }
    }

    fn validate(&self, page: usize) -> Result<(), ProbeError> {
        let b = self.buffer_bytes;
        if !b.is_power_of_two() || !b.is_multiple_of(page) || b <= 2 * page {
            return Err(ProbeError::Config(format!(
                "buffer_bytes {b} must be a power of two, a multiple of the page size ({page}) \
                 and larger than two pages"
            )));
        }
        if self.snaplen > 4096 {
            return Err(ProbeError::Config(format!(
                "snaplen {} is above 4096",
                self.snaplen
            )));
        }
        Ok(())
    }
}

/// Counters of the probe, summed over CPUs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProbeStats {
    /// Events the probe tried to write.
    pub n_evts: u64,
    /// Events lost because the ring buffer was full.
    pub n_drops_buffer: u64,
    /// Events lost because they were larger than 64 KiB.
    pub n_drops_max_event_size: u64,
    /// Events lost because their CPU had no ring buffer.
    pub n_drops_no_buffer: u64,
    /// Failed calls the rules' prefilter left out in the kernel (see
    /// [`BpfProbe::set_prefilter`]); not drops: no rule could match them.
    pub n_prefiltered: u64,
    /// Per syscall, by name: the exits that passed the interest filter and
    /// went to the event builder (successful execve exits included, whose
    /// event comes from `sched_process_exec`). Zero counts are left out.
    pub per_syscall: Vec<(&'static str, u64)>,
    /// Events lost to a full ring buffer, per event code (Falco counts the
    /// same by category: clone/fork, execve, connect, open, close, ...).
    /// Zero counts are left out.
    pub drops_per_event: Vec<(u16, u64)>,
}

/// Run count and run time of one BPF program of the probe, from the
/// kernel's BPF statistics (counted only while they are on: see
/// [`BpfStats::enable`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramStats {
    /// The program's name (`sys_exit`, `table_x`, `openat_e`, ...).
    pub name: String,
    /// Runs since the statistics were turned on.
    pub run_cnt: u64,
    /// Nanoseconds spent in those runs (the kernel's own measure, which
    /// adds about two clock reads per run).
    pub run_time_ns: u64,
}

impl ProgramStats {
    /// Average nanoseconds per run (0 without runs).
    pub fn ns_per_run(&self) -> f64 {
        if self.run_cnt == 0 {
            0.0
        } else {
            self.run_time_ns as f64 / self.run_cnt as f64
        }
    }
}

/// Reads the BPF statistics of a probe's programs (see
/// [`BpfProbe::program_stats_reader`]).
#[derive(Debug)]
pub struct ProgramStatsReader {
    progs: Vec<(String, std::os::fd::OwnedFd)>,
}

impl ProgramStatsReader {
    /// The statistics now, one entry per loaded program.
    pub fn read(&self) -> Vec<ProgramStats> {
        let mut out = Vec::new();
        for (name, fd) in &self.progs {
            let mut info = libbpf_rs::libbpf_sys::bpf_prog_info::default();
            let mut len = std::mem::size_of_val(&info) as u32;
            // SAFETY: `info` is a zeroed bpf_prog_info (no arrays asked
            // for) of `len` bytes; `fd` is a program fd we own.
            let rc = unsafe {
                libbpf_rs::libbpf_sys::bpf_prog_get_info_by_fd(fd.as_raw_fd(), &mut info, &mut len)
            };
            if rc != 0 {
                continue;
            }
            out.push(ProgramStats {
                name: name.clone(),
                run_cnt: info.run_cnt,
                run_time_ns: info.run_time_ns,
            });
        }
        out
    }
}

/// The kernel's BPF run-time statistics, on while this value lives
/// (`BPF_ENABLE_STATS`; the `kernel.bpf_stats_enabled` sysctl does the same
/// for the whole host).
#[derive(Debug)]
pub struct BpfStats {
    _fd: std::os::fd::OwnedFd,
}

impl BpfStats {
    /// Turns the statistics on until the value is dropped.
    pub fn enable() -> Result<BpfStats, ProbeError> {
        // SAFETY: a plain bpf(2) command with no pointers of ours.
        let fd = unsafe {
            libbpf_rs::libbpf_sys::bpf_enable_stats(libbpf_rs::libbpf_sys::BPF_STATS_RUN_TIME)
        };
        if fd < 0 {
            return Err(ProbeError::io(
                "turning on BPF statistics",
                std::io::Error::from_raw_os_error(-fd),
            ));
        }
        // SAFETY: the kernel just returned this fd to us; nothing else owns it.
        Ok(BpfStats {
            _fd: unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) },
        })
    }
}

impl ProbeStats {
    /// All drops.
    pub fn n_drops(&self) -> u64 {
        self.n_drops_buffer + self.n_drops_max_event_size + self.n_drops_no_buffer
    }
}

/// What the `EventSource` side counts.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SourceCounts {
    pub events: u64,
    pub skipped_malformed: u64,
}

/// The probe's prefilter maps, to change the prefilter while the probe
/// runs elsewhere (see [`BpfProbe::prefilter_handle`]).
#[derive(Debug)]
pub struct PrefilterHandle {
    paths: MapHandle,
    syscalls: MapHandle,
}

impl PrefilterHandle {
    /// Replaces the prefilter. The syscalls' filters go off first and on
    /// again last, so no event is judged against a half-written set.
    pub fn set(&self, filter: &Prefilter) -> Result<(), ProbeError> {
        let off = |e| ProbeError::bpf("writing the prefilter syscalls", e);
        for (name, ..) in FILTERED {
            if let Some(nr) = crate::syscalls::syscall_number(name) {
                self.syscalls
                    .update(&nr.to_ne_bytes(), &0u32.to_ne_bytes(), MapFlags::ANY)
                    .map_err(off)?;
            }
        }
        let old: Vec<Vec<u8>> = self.paths.keys().collect();
        for key in old {
            // A key that is already gone is fine.
            let _ = self.paths.delete(&key);
        }
        let entries = filter.trie_entries();
        if entries.len() > PREFILTER_MAX_ENTRIES {
            return Err(ProbeError::Config(format!(
                "the rules' prefilter has {} paths; the probe holds {PREFILTER_MAX_ENTRIES}",
                entries.len()
            )));
        }
        let mut key = vec![0u8; 4 + PREFILTER_PATH_MAX];
        for (path, mask) in entries {
            key.fill(0);
            key[..4].copy_from_slice(&((path.len() * 8) as u32).to_ne_bytes());
            key[4..4 + path.len()].copy_from_slice(&path);
            self.paths
                .update(&key, &mask.to_ne_bytes(), MapFlags::ANY)
                .map_err(|e| ProbeError::bpf("writing the prefilter paths", e))?;
        }
        for (name, _, arg, slot) in FILTERED {
            if filter.paths(name).is_none() {
                continue;
            }
            if let Some(nr) = crate::syscalls::syscall_number(name) {
                let value = u32::from(arg + 1) | (slot << 8);
                self.syscalls
                    .update(&nr.to_ne_bytes(), &value.to_ne_bytes(), MapFlags::ANY)
                    .map_err(off)?;
            }
        }
        Ok(())
    }
}

/// The modern eBPF probe, loaded and attached.
///
/// Events are Falco's binary layout (26-byte header, u16 length array,
/// parameters), read zero-copy from the ring buffers: the slice
/// [`next_event`](BpfProbe::next_event) returns stays valid until the next
/// call, which releases it to the kernel.
///
/// ```no_run
/// use falco_driver_bpf::{BpfProbe, ProbeConfig};
/// use falco_events::EventHeader;
/// let mut probe = BpfProbe::open(ProbeConfig::default())?;
/// probe.set_interesting(["openat", "execve", "connect"])?;
/// while let Some(event) = probe.next_event() {
///     if let Ok(h) = EventHeader::read(event) {
///         println!("event type {}, {} bytes", h.code, h.len);
///     }
/// }
/// # Ok::<(), falco_driver_bpf::ProbeError>(())
/// ```
pub struct BpfProbe {
    // Field order is drop order: detach, unmap, close, unload, free.
    links: Vec<Link>,
    /// `sched_switch` and `signal_deliver` run on hot kernel paths: they
    /// are attached only while their event is of interest.
    switch_link: Option<Link>,
    signal_link: Option<Link>,
    rings: Vec<Ring>,
    ring_maps: Vec<MapHandle>,
    skel: ProbeSkel<'static>,
    _object: Box<MaybeUninit<OpenObject>>,
    pending: Option<(usize, u64)>,
    pending_rec: Option<Record>,
    settings_flags: u32,
    snaplen: u32,
    pub(crate) counts: SourceCounts,
    drops_cache: std::cell::Cell<(Option<Instant>, u64)>,
    keep_state: bool,
    enter_events: bool,
    interesting: BTreeSet<u32>,
}

// SAFETY: the libbpf objects behind the skeleton, the links and the ring
// mappings are not tied to the thread that created them; every access goes
// through `&self`/`&mut self`, so moving the probe to another thread (e.g. a
// consumer thread) is sound. It is not `Sync`.
unsafe impl Send for BpfProbe {}

impl std::fmt::Debug for BpfProbe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BpfProbe")
            .field("rings", &self.rings.len())
            .field("links", &self.links.len())
            .field("interesting", &self.interesting)
            .finish()
    }
}

fn page_size() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

fn clock_ns(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    (ts.tv_sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec as u64)
}

/// CLOCK_REALTIME − CLOCK_BOOTTIME: added to `bpf_ktime_get_boot_ns()` it
/// gives the epoch nanoseconds Falco's events carry.
fn boot_time_ns() -> u64 {
    clock_ns(libc::CLOCK_REALTIME).wrapping_sub(clock_ns(libc::CLOCK_BOOTTIME))
}

/// The TOCTOU enter programs attach to `syscalls/sys_enter_*` tracepoints,
/// whose ids libbpf reads from tracefs. Mounts tracefs at its usual place if
/// nothing is there (a fresh VM or container may not have it mounted).
/// Failure is not fatal: only the enter events are lost.
fn ensure_tracefs() {
    if Path::new("/sys/kernel/tracing/events").exists()
        || Path::new("/sys/kernel/debug/tracing/events").exists()
    {
        return;
    }
    // SAFETY: valid NUL-terminated strings; mount(2) has no memory-safety
    // preconditions beyond that.
    unsafe {
        libc::mount(
            c"nodev".as_ptr(),
            c"/sys/kernel/tracing".as_ptr(),
            c"tracefs".as_ptr(),
            0,
            std::ptr::null(),
        );
    }
}

/// Checks the privileges BPF needs, naming what is missing.
fn check_privileges() -> Result<(), ProbeError> {
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let cap_eff = status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|v| u64::from_str_radix(v.trim(), 16).ok());
    let Some(caps) = cap_eff else {
        // No /proc: trust root.
        return if euid == 0 {
            Ok(())
        } else {
            Err(ProbeError::NotRoot {
                euid,
                missing: "CAP_BPF, CAP_PERFMON".into(),
            })
        };
    };
    const CAP_SYS_ADMIN: u64 = 1 << 21;
    const CAP_PERFMON: u64 = 1 << 38;
    const CAP_BPF: u64 = 1 << 39;
    if caps & CAP_SYS_ADMIN != 0 || (caps & CAP_BPF != 0 && caps & CAP_PERFMON != 0) {
        return Ok(());
    }
    let mut missing = Vec::new();
    if caps & CAP_BPF == 0 {
        missing.push("CAP_BPF");
    }
    if caps & CAP_PERFMON == 0 {
        missing.push("CAP_PERFMON");
    }
    Err(ProbeError::NotRoot {
        euid,
        missing: missing.join(", "),
    })
}

fn spec_value(spec: &Spec) -> types::event_spec {
    let mut v = types::event_spec {
        event: spec.event,
        nparams: spec.params.len() as u8,
        ..Default::default()
    };
    if let Builder::Clone(how) = spec.builder {
        v.params[0].kind = how;
    }
    for (slot, (kind, arg)) in v.params.iter_mut().zip(spec.params.iter()) {
        slot.kind = *kind as u8;
        slot.arg = *arg;
    }
    v
}

fn spec_bytes(v: &types::event_spec) -> Vec<u8> {
    let mut out = Vec::with_capacity(20);
    out.extend_from_slice(&v.event.to_ne_bytes());
    out.push(v.nparams);
    out.push(v.pad);
    for p in &v.params {
        out.push(p.kind);
        out.push(p.arg);
    }
    out
}

impl BpfProbe {
    /// Loads the probe, creates the ring buffers and attaches the programs.
    /// Every covered syscall produces events until
    /// [`set_interesting`](BpfProbe::set_interesting) narrows the set.
    ///
    /// Errors say what is missing: [`ProbeError::NotRoot`] (privileges),
    /// [`ProbeError::NoBtf`] (kernel BTF), [`ProbeError::BpfNotPermitted`]
    /// (a policy refused BPF), [`ProbeError::Unsupported`] (no ring buffers).
    pub fn open(config: ProbeConfig) -> Result<BpfProbe, ProbeError> {
        config.validate(page_size())?;
        if !Path::new(VMLINUX_BTF).exists() {
            return Err(ProbeError::NoBtf { path: VMLINUX_BTF });
        }
        check_privileges()?;
        // Kernels before 5.11 charge BPF memory to RLIMIT_MEMLOCK.
        let unlimited = libc::rlimit {
            rlim_cur: libc::RLIM_INFINITY,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: `unlimited` is a valid rlimit; failure is harmless on newer kernels.
        unsafe { libc::setrlimit(libc::RLIMIT_MEMLOCK, &unlimited) };

        let n_cpus = libbpf_rs::num_possible_cpus()
            .map_err(|e| ProbeError::bpf("counting possible CPUs", e))?
            .max(1);
        let per = if config.cpus_for_each_buffer == 0 {
            n_cpus
        } else {
            config.cpus_for_each_buffer
        };
        let n_rings = n_cpus.div_ceil(per);

        // The ring buffers first: one is the inner-map template.
        let opts = libbpf_rs::libbpf_sys::bpf_map_create_opts {
            sz: std::mem::size_of::<libbpf_rs::libbpf_sys::bpf_map_create_opts>() as _,
            ..Default::default()
        };
        let mut ring_maps = Vec::with_capacity(n_rings);
        for _ in 0..n_rings {
            let map = MapHandle::create(
                MapType::RingBuf,
                Some("falco_ringbuf"),
                0,
                0,
                config.buffer_bytes as u32,
                &opts,
            )
            .map_err(|e| match e.kind() {
                libbpf_rs::ErrorKind::InvalidInput => ProbeError::Unsupported {
                    feature: "BPF ring buffers (BPF_MAP_TYPE_RINGBUF, kernel >= 5.8)",
                    why: "the probe writes its events into ring buffers",
                },
                _ => ProbeError::bpf("creating a ring buffer", e),
            })?;
            ring_maps.push(map);
        }

        let mut object = Box::new(MaybeUninit::<OpenObject>::uninit());
        // SAFETY: the skeleton borrows the OpenObject storage for its whole
        // life. The storage is heap-allocated (its address never changes)
        // and owned by the same `BpfProbe`, where it is declared after
        // `skel` and so dropped after it; nothing else touches it.
        let storage: &'static mut MaybeUninit<OpenObject> =
            unsafe { &mut *(object.as_mut() as *mut MaybeUninit<OpenObject>) };
        let mut open = ProbeSkelBuilder::default()
            .open(storage)
            .map_err(|e| ProbeError::bpf("opening the BPF object", e))?;
        open.maps
            .auxmaps
            .set_max_entries(n_cpus as u32)
            .map_err(|e| ProbeError::bpf("sizing the scratch maps", e))?;
        open.maps
            .ringbuf_maps
            .set_max_entries(n_cpus as u32)
            .map_err(|e| ProbeError::bpf("sizing the ring buffer array", e))?;
        if let Some(first) = ring_maps.first() {
            open.maps
                .ringbuf_maps
                .set_inner_map_fd(first.as_fd())
                .map_err(|e| ProbeError::bpf("setting the ring buffer template", e))?;
        }
        if !config.enter_events {
            // Not loaded at all: five programs fewer for the verifier.
            for prog in [
                &mut open.progs.open_e,
                &mut open.progs.openat_e,
                &mut open.progs.openat2_e,
                &mut open.progs.creat_e,
                &mut open.progs.connect_e,
            ] {
                prog.set_autoload(false);
            }
        }
        let skel = open
            .load()
            .map_err(|e| ProbeError::bpf("loading the BPF programs (verifier)", e))?;

        let mut rings = Vec::with_capacity(n_rings);
        for map in &ring_maps {
            rings.push(
                Ring::map(map.as_fd(), config.buffer_bytes)
                    .map_err(|e| ProbeError::io("mapping a ring buffer", e))?,
            );
        }
        let mut probe = BpfProbe {
            links: Vec::new(),
            switch_link: None,
            signal_link: None,
            rings,
            ring_maps,
            skel,
            _object: object,
            pending: None,
            pending_rec: None,
            settings_flags: 0,
            counts: SourceCounts::default(),
            drops_cache: std::cell::Cell::new((None, 0)),
            snaplen: config.snaplen,
            keep_state: config.keep_state_syscalls,
            enter_events: config.enter_events,
            interesting: BTreeSet::new(),
        };
        probe.fill_maps(&config, n_cpus, per)?;
        let all: Vec<&str> = EXIT_SPECS.iter().map(|s| s.name).collect();
        probe.set_interesting(all)?;
        probe.attach()?;
        Ok(probe)
    }

    fn fill_maps(
        &mut self,
        config: &ProbeConfig,
        n_cpus: usize,
        per: usize,
    ) -> Result<(), ProbeError> {
        let maps = &self.skel.maps;
        // CPU -> ring buffer.
        for cpu in 0..n_cpus {
            let ring = (cpu / per).min(self.ring_maps.len().saturating_sub(1));
            let fd = self.ring_maps[ring].as_fd().as_raw_fd() as u32;
            maps.ringbuf_maps
                .update(
                    &(cpu as u32).to_ne_bytes(),
                    &fd.to_ne_bytes(),
                    MapFlags::ANY,
                )
                .map_err(|e| ProbeError::bpf("filling the CPU to ring buffer map", e))?;
        }
        // Settings.
        self.settings_flags = if config.drop_failed {
            SETTING_DROP_FAILED
        } else {
            0
        };
        if config.keep_state_syscalls {
            self.settings_flags |= SETTING_PROCEXIT;
        }
        self.write_settings(config.snaplen)?;
        let maps = &self.skel.maps;
        // Event specs and the tail-call table.
        let table = self.skel.progs.table_x.as_fd().as_raw_fd() as u32;
        let clone = self.skel.progs.clone_x.as_fd().as_raw_fd() as u32;
        let execve = self.skel.progs.execve_x.as_fd().as_raw_fd() as u32;
        for spec in EXIT_SPECS {
            let key = spec.nr.to_ne_bytes();
            maps.exit_specs
                .update(&key, &spec_bytes(&spec_value(spec)), MapFlags::ANY)
                .map_err(|e| ProbeError::bpf("filling the exit event specs", e))?;
            let prog = match spec.builder {
                Builder::Table => table,
                Builder::Clone(_) => clone,
                Builder::Execve => execve,
            };
            maps.exit_tail
                .update(&key, &prog.to_ne_bytes(), MapFlags::ANY)
                .map_err(|e| ProbeError::bpf("filling the tail-call table", e))?;
        }
        for (ia32, x64) in IA32_TO_64 {
            maps.ia32_to_64
                .update(&ia32.to_ne_bytes(), &(x64 + 1).to_ne_bytes(), MapFlags::ANY)
                .map_err(|e| ProbeError::bpf("filling the ia32 syscall map", e))?;
        }
        for spec in ENTER_SPECS {
            maps.enter_specs
                .update(
                    &spec.nr.to_ne_bytes(),
                    &spec_bytes(&spec_value(spec)),
                    MapFlags::ANY,
                )
                .map_err(|e| ProbeError::bpf("filling the enter event specs", e))?;
        }
        self.snaplen = config.snaplen;
        Ok(())
    }

    fn write_settings(&self, snaplen: u32) -> Result<(), ProbeError> {
        let mut value = Vec::with_capacity(16);
        value.extend_from_slice(&boot_time_ns().to_ne_bytes());
        value.extend_from_slice(&snaplen.to_ne_bytes());
        value.extend_from_slice(&self.settings_flags.to_ne_bytes());
        self.skel
            .maps
            .settings
            .update(&0u32.to_ne_bytes(), &value, MapFlags::ANY)
            .map_err(|e| ProbeError::bpf("writing the capture settings", e))
    }

    fn attach(&mut self) -> Result<(), ProbeError> {
        ensure_tracefs();
        let progs = &self.skel.progs;
        // The TOCTOU programs first: attaching opens tracefs files, which
        // would otherwise already show up as events.
        let enter = [
            &progs.open_e,
            &progs.openat_e,
            &progs.openat2_e,
            &progs.creat_e,
            &progs.connect_e,
        ];
        let enter = if self.enter_events { &enter[..] } else { &[] };
        for prog in enter {
            match prog.attach() {
                Ok(link) => self.links.push(link),
                // A missing tracepoint (e.g. sys_enter_creat on arm64) only
                // loses that enter event.
                Err(e) if e.kind() == libbpf_rs::ErrorKind::NotFound => {}
                Err(e) => return Err(ProbeError::bpf("attaching a sys_enter tracepoint", e)),
            }
        }
        for (prog, step) in [
            (
                &progs.sched_proc_exec,
                "attaching tp_btf/sched_process_exec",
            ),
            (
                &progs.sched_proc_exit,
                "attaching tp_btf/sched_process_exit",
            ),
            (&progs.sys_exit, "attaching tp_btf/sys_exit"),
        ] {
            self.links
                .push(prog.attach().map_err(|e| ProbeError::bpf(step, e))?);
        }
        Ok(())
    }

    /// Chooses the syscalls that produce events, by Falco's event-type name
    /// (`openat`, `execve`, `connect`, ...); call it again on a rules reload.
    /// With `keep_state_syscalls` (the default) the syscalls host state needs
    /// stay on too. `procexit` turns the process-exit event on, `switch` and
    /// `signaldeliver` the scheduler and signal events (off unless named:
    /// they attach to hot kernel paths).
    ///
    /// Returns the names the probe cannot capture (not a covered syscall),
    /// so the caller can warn about rules that will never fire.
    pub fn set_interesting<I, S>(&mut self, names: I) -> Result<Vec<String>, ProbeError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut wanted = BTreeSet::new();
        let mut uncovered = Vec::new();
        let mut procexit = self.keep_state;
        let (mut switch, mut signal) = (false, false);
        for name in names {
            let name = name.as_ref();
            match name {
                "procexit" => {
                    procexit = true;
                    continue;
                }
                "switch" => {
                    switch = true;
                    continue;
                }
                "signaldeliver" => {
                    signal = true;
                    continue;
                }
                _ => {}
            }
            match crate::syscalls::syscall_number(name) {
                Some(nr) => {
                    wanted.insert(nr);
                }
                None => uncovered.push(name.to_string()),
            }
        }
        if self.keep_state {
            for name in state_syscalls() {
                if let Some(nr) = crate::syscalls::syscall_number(name) {
                    wanted.insert(nr);
                }
            }
        }
        // The map updates below are bpf(2) calls: switch bpf itself first,
        // so that narrowing the set does not add events of its own.
        const BPF_NR: u32 = 321;
        let order =
            std::iter::once(BPF_NR).chain((0..SYSCALL_TABLE_SIZE).filter(|nr| *nr != BPF_NR));
        for nr in order {
            let on = u8::from(wanted.contains(&nr));
            let was = u8::from(self.interesting.contains(&nr));
            if on != was || self.interesting.is_empty() {
                self.skel
                    .maps
                    .interesting
                    .update(&nr.to_ne_bytes(), &[on], MapFlags::ANY)
                    .map_err(|e| ProbeError::bpf("writing the interesting syscalls", e))?;
            }
        }
        self.interesting = wanted;
        let flags = if procexit {
            self.settings_flags | SETTING_PROCEXIT
        } else {
            self.settings_flags & !SETTING_PROCEXIT
        };
        if flags != self.settings_flags {
            self.settings_flags = flags;
            self.write_settings(self.snaplen)?;
        }
        match (switch, self.switch_link.is_some()) {
            (true, false) => {
                let link = self.skel.progs.sched_switch.attach();
                self.switch_link =
                    Some(link.map_err(|e| ProbeError::bpf("attaching tp_btf/sched_switch", e))?);
            }
            (false, true) => self.switch_link = None,
            _ => {}
        }
        match (signal, self.signal_link.is_some()) {
            (true, false) => {
                let link = self.skel.progs.signal_deliver.attach();
                self.signal_link =
                    Some(link.map_err(|e| ProbeError::bpf("attaching tp_btf/signal_deliver", e))?);
            }
            (false, true) => self.signal_link = None,
            _ => {}
        }
        Ok(uncovered)
    }

    /// Loads the rules' prefilter (see [`Prefilter`]): failed open-family
    /// calls on paths no active rule can match produce no event.
    /// [`Prefilter::none`] turns it off. To change it later from another
    /// thread (a rules reload), keep a [`PrefilterHandle`].
    pub fn set_prefilter(&mut self, filter: &Prefilter) -> Result<(), ProbeError> {
        self.prefilter_handle()?.set(filter)
    }

    /// A handle on the probe's prefilter maps that outlives borrows of the
    /// probe (it holds its own map fds).
    pub fn prefilter_handle(&self) -> Result<PrefilterHandle, ProbeError> {
        let dup = |e| ProbeError::bpf("duplicating a prefilter map fd", e);
        Ok(PrefilterHandle {
            paths: MapHandle::try_from(&self.skel.maps.prefilter_paths).map_err(dup)?,
            syscalls: MapHandle::try_from(&self.skel.maps.prefilter_syscalls).map_err(dup)?,
        })
    }

    /// Picks the oldest committed event across the rings, after releasing
    /// the one returned last.
    fn pick(&mut self) -> Option<(usize, Record)> {
        if let Some((ring, advance)) = self.pending.take() {
            if let Some(r) = self.rings.get_mut(ring) {
                r.consume(advance);
            }
        }
        let mut best: Option<(usize, Record, u64)> = None;
        for (i, ring) in self.rings.iter_mut().enumerate() {
            let Some(rec) = ring.peek() else { continue };
            let ts = ring
                .sample(rec)
                .get(0..8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map(u64::from_ne_bytes)
                .unwrap_or(0);
            if best.is_none_or(|(_, _, best_ts)| ts < best_ts) {
                best = Some((i, rec, ts));
            }
        }
        let (ring, rec, _) = best?;
        self.pending = Some((ring, rec.advance));
        self.pending_rec = Some(rec);
        Some((ring, rec))
    }

    /// The oldest event waiting in any ring buffer, or None if all are
    /// empty. Never blocks. The bytes are the event in Falco's layout; they
    /// stay valid until the next call.
    pub fn next_event(&mut self) -> Option<&[u8]> {
        let (ring, rec) = self.pick()?;
        Some(self.rings[ring].sample(rec))
    }

    /// Like [`next_event`](BpfProbe::next_event), waiting up to `timeout`
    /// for an event. Polls as libscap does: sleeps from 500 µs, doubling up
    /// to 30 ms, while the rings stay empty.
    pub fn next_event_timeout(&mut self, timeout: Duration) -> Option<&[u8]> {
        let deadline = Instant::now() + timeout;
        let mut wait = Duration::from_micros(500);
        loop {
            if let Some((ring, rec)) = self.pick() {
                return Some(self.rings[ring].sample(rec));
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            std::thread::sleep(wait.min(deadline - now));
            wait = (wait * 2).min(Duration::from_millis(30));
        }
    }

    /// The event returned last, if it is still held (not yet released).
    pub(crate) fn current(&self) -> Option<&[u8]> {
        let (ring, _) = self.pending?;
        let rec = self.pending_rec?;
        Some(self.rings.get(ring)?.sample(rec))
    }

    /// The ring buffer the event returned last came from (its index; ring
    /// `i` serves CPUs `i * cpus_for_each_buffer ..`), while that event is
    /// still held.
    pub fn last_ring(&self) -> Option<usize> {
        self.pending.map(|(ring, _)| ring)
    }

    /// Number of ring buffers.
    pub fn ring_count(&self) -> usize {
        self.rings.len()
    }

    /// The sum over CPUs of a per-CPU u64 at `key`.
    fn percpu_sum(&self, map: &libbpf_rs::MapMut<'_>, key: u32) -> Result<u64, ProbeError> {
        let per_cpu = map
            .lookup_percpu(&key.to_ne_bytes(), MapFlags::ANY)
            .map_err(|e| ProbeError::bpf("reading a per-CPU counter", e))?
            .unwrap_or_default();
        Ok(per_cpu
            .iter()
            .filter_map(|v| v.get(0..8).and_then(|b| <[u8; 8]>::try_from(b).ok()))
            .map(u64::from_ne_bytes)
            .sum())
    }

    /// The probe's counters, summed over CPUs, and the events per syscall.
    pub fn stats(&self) -> Result<ProbeStats, ProbeError> {
        let mut stats = self.counters()?;
        for spec in EXIT_SPECS {
            let total = self.percpu_sum(&self.skel.maps.syscall_counts, spec.nr)?;
            if total > 0 {
                stats.per_syscall.push((spec.name, total));
            }
        }
        if stats.n_drops_buffer > 0 {
            for code in 0..PPM_EVENT_MAX {
                let total = self.percpu_sum(&self.skel.maps.drop_counts, code)?;
                if total > 0 {
                    stats.drops_per_event.push((code as u16, total));
                }
            }
        }
        Ok(stats)
    }

    /// Run counts and times of each loaded program (see [`ProgramStats`]).
    /// Programs not loaded are left out.
    pub fn program_stats(&self) -> Result<Vec<ProgramStats>, ProbeError> {
        Ok(self.program_stats_reader()?.read())
    }

    /// A reader of [`program_stats`](BpfProbe::program_stats) that holds
    /// its own program fds, so it can be read while the probe is owned
    /// elsewhere (a consumer thread).
    pub fn program_stats_reader(&self) -> Result<ProgramStatsReader, ProbeError> {
        use libbpf_rs::skel::Skel;
        use libbpf_rs::AsRawLibbpf;
        let mut progs = Vec::new();
        for prog in self.skel.object().progs() {
            // SAFETY: the program object lives as long as the skeleton;
            // bpf_program__fd only reads it (-1 when it was not loaded).
            let fd =
                unsafe { libbpf_rs::libbpf_sys::bpf_program__fd(prog.as_libbpf_object().as_ptr()) };
            if fd < 0 {
                continue;
            }
            // SAFETY: `fd` is the loaded program's, open for the
            // skeleton's life; F_DUPFD_CLOEXEC makes a new fd we own.
            let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
            if dup < 0 {
                return Err(ProbeError::io(
                    "duplicating a program fd",
                    std::io::Error::last_os_error(),
                ));
            }
            // SAFETY: `dup` was just created and is owned by nothing else.
            let owned =
                unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(dup) };
            progs.push((prog.name().to_string_lossy().into_owned(), owned));
        }
        Ok(ProgramStatsReader { progs })
    }

    /// The event and drop counters only (one map read): cheap enough to
    /// poll, unlike [`stats`](BpfProbe::stats), which also reads the
    /// per-syscall and per-event tables.
    pub fn counters(&self) -> Result<ProbeStats, ProbeError> {
        let mut stats = ProbeStats::default();
        let per_cpu = self
            .skel
            .maps
            .counters
            .lookup_percpu(&0u32.to_ne_bytes(), MapFlags::ANY)
            .map_err(|e| ProbeError::bpf("reading the counters", e))?
            .unwrap_or_default();
        for value in per_cpu {
            let field = |i: usize| -> u64 {
                value
                    .get(i * 8..i * 8 + 8)
                    .and_then(|b| <[u8; 8]>::try_from(b).ok())
                    .map(u64::from_ne_bytes)
                    .unwrap_or(0)
            };
            stats.n_evts += field(0);
            stats.n_drops_buffer += field(1);
            stats.n_drops_max_event_size += field(2);
            stats.n_drops_no_buffer += field(3);
            stats.n_prefiltered += field(4);
        }
        Ok(stats)
    }

    /// Drops as of at most 100 ms ago: the [`EventSource`] counters are
    /// read per event by some callers, and a map read is a syscall.
    ///
    /// [`EventSource`]: falco_events::EventSource
    pub(crate) fn recent_drops(&self) -> u64 {
        let (at, drops) = self.drops_cache.get();
        if at.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return drops;
        }
        let drops = self.counters().map(|s| s.n_drops()).unwrap_or(drops);
        self.drops_cache.set((Some(Instant::now()), drops));
        drops
    }
}

//! The consumer of Falco's kernel-module ring buffers: it lets the engine run
//! on top of Falco's kernel module (`falco.ko`), for hosts whose kernels are
//! too old for the modern eBPF probe or where BPF is locked down.
//!
//! The module exposes one character device per CPU, `/dev/falco0` …
//! `/dev/falco<N-1>`. This crate opens one per online CPU, checks the
//! module's driver API and event-schema versions through its ioctls and
//! refuses a mismatch with a clear error, selects the syscalls and
//! tracepoints of interest (the per-consumer syscall mask and tracepoint
//! ioctls), maps each CPU's ring buffer (mapped twice back to back, so an
//! event never wraps) and its shared `ppm_ring_buffer_info`, and hands out
//! events oldest first across CPUs, zero-copy, moving each ring's `tail` as
//! the module expects. The module's counters (events, drops by category,
//! page-fault drops, preemptions) come out in [`KmodStats`]. Events are in
//! Falco's format: a 26-byte header (`ts u64, tid u64, len u32, type u16,
//! nparams u32`), the parameter lengths, then the parameters.
//!
//! - [`abi`]: the module's ABI as data (ioctl numbers, the info struct,
//!   versions, the event header);
//! - [`Device`]: one per-CPU device, with the real implementation
//!   [`FalcoDevice`] (`ioctl(2)` and `mmap(2)` on `/dev/falcoN`) and the
//!   simulated one [`sim::SimDevice`];
//! - [`Kmod`]: the consumer, the same code over either; it implements
//!   [`falco_events::EventSource`], so the engine reads the module like a
//!   capture file;
//! - [`Interest`]: which syscalls to ask for, from names or from a
//!   ruleset's event codes;
//! - [`sim`]: a simulated module, byte for byte the memory layout and ioctl
//!   behaviour userspace sees.
//!
//! **Testing without the module.** The module is not loaded by this crate's
//! tests: the machine they run on has `CONFIG_MODULES` off, so no kernel
//! module can load there. The tests instead run the consumer, unchanged,
//! over [`sim`]: rings laid out exactly as the module lays them out, a
//! producer thread writing events the way the module does (free-space rule,
//! drops on a full ring, `head` published after the bytes), and the ioctls
//! answered as `driver/main.c` answers them. What the simulation cannot
//! prove is that the real module agrees; the ABI facts here come from
//! falcosecurity/libs (API 10.1.0, schema 4.5.1), and the real path
//! ([`Kmod::open`]) is a thin layer of `open`/`ioctl`/`mmap` over them.
//!
//! # Example
//!
//! Two CPUs, events written out of order across them, read back oldest
//! first; then the counters:
//!
//! ```
//! use falco_driver_kmod::sim::{encode_event, SimDriver};
//! use falco_driver_kmod::abi::EventHeader;
//! use falco_driver_kmod::{Interest, Kmod, KmodConfig};
//!
//! let size = 64 * 1024;
//! let driver = SimDriver::new(2, size)?;
//! let config = KmodConfig {
//!     buffer_bytes_dim: Some(size),
//!     interest: Interest::from_syscall_names(["openat", "execve"]).unwrap(),
//!     ..KmodConfig::default()
//! };
//! let mut kmod = Kmod::from_devices(driver.devices(), &config)?;
//! assert_eq!(kmod.api_version().to_string(), "10.1.0");
//! // The module now reports openat (x86_64 syscall 257) and execve (59).
//! assert_eq!(driver.state_snapshot().enabled_syscalls(), [59, 257]);
//!
//! let fd = 3i64.to_ne_bytes();
//! let cpu0 = driver.producer(0).unwrap();
//! let cpu1 = driver.producer(1).unwrap();
//! cpu0.emit(&encode_event(100, 1, 307, &[&fd]))?;
//! cpu1.emit(&encode_event(50, 2, 307, &[&fd]))?;
//! cpu0.emit(&encode_event(150, 1, 307, &[&fd]))?;
//!
//! let mut seen = Vec::new();
//! while let Some(bytes) = kmod.next_raw_event()? {
//!     let h = EventHeader::parse(bytes).unwrap();
//!     seen.push((h.ts, h.tid));
//! }
//! assert_eq!(seen, [(50, 2), (100, 1), (150, 1)]);
//!
//! let stats = kmod.stats();
//! assert_eq!(stats.driver.n_evts, 3);
//! assert_eq!(stats.n_drops(), 0);
//! assert_eq!(stats.n_consumed, 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The engine's view: [`EventSource`](falco_events::EventSource), with
//! decoded events and the rules' event types selecting what the module
//! produces:
//!
//! ```
//! use falco_driver_kmod::sim::{encode_event, SimDriver};
//! use falco_driver_kmod::{Kmod, KmodConfig};
//! use falco_events::source::{EventSet, EventSource};
//! use falco_events::table::codes::{PPME_SYSCALL_CLOSE_X, PPME_SYSCALL_OPENAT_2_X};
//!
//! let driver = SimDriver::new(1, 64 * 1024)?;
//! let config = KmodConfig { buffer_bytes_dim: Some(64 * 1024), ..KmodConfig::default() };
//! let mut source = Kmod::from_devices(driver.devices(), &config)?;
//! source.set_event_types(&EventSet::from_codes([PPME_SYSCALL_OPENAT_2_X]))?;
//! assert_eq!(driver.state_snapshot().enabled_syscalls(), [257]); // openat only
//!
//! let cpu0 = driver.producer(0).unwrap();
//! cpu0.emit(&encode_event(1, 9, PPME_SYSCALL_CLOSE_X, &[&0i64.to_ne_bytes()]))?;
//! cpu0.emit(&encode_event(2, 9, PPME_SYSCALL_OPENAT_2_X, &[&3i64.to_ne_bytes()]))?;
//! let evt = source.next_event()?.expect("an event");
//! assert_eq!((evt.name(), evt.ts()), ("openat", 2));
//! assert_eq!(evt.param(0).and_then(|p| p.as_i64()), Some(3));
//! assert_eq!(source.stats().n_filtered, 1); // the close exit
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Without the module, opening says so:
//!
//! ```
//! use falco_driver_kmod::{Kmod, KmodConfig, KmodError};
//!
//! let config = KmodConfig { device_dir: "/nonexistent".into(), ..KmodConfig::default() };
//! let err = Kmod::open(&config).unwrap_err();
//! assert!(matches!(err, KmodError::NotLoaded { .. }));
//! assert_eq!(
//!     err.to_string(),
//!     "the falco kernel module is not loaded: /nonexistent/falco0 not found"
//! );
//! ```

#![deny(missing_docs)]

pub mod abi;
mod consumer;
mod device;
mod error;
mod interest;
pub mod sim;

pub use consumer::{Kmod, KmodConfig, KmodStats};
pub use device::{Device, FalcoDevice, IoctlArg, RingMemory};
pub use error::{KmodError, VersionKind};
pub use interest::Interest;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

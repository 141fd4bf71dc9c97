//! Errors of the kernel-module consumer.

use std::io;
use std::path::PathBuf;

use crate::abi::{Ioctl, Version};

/// Which of the module's two version numbers a [`KmodError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VersionKind {
    /// The driver API (ioctls, mmap layout, ring protocol).
    Api,
    /// The event schema (event types and their parameters).
    Schema,
}

impl std::fmt::Display for VersionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VersionKind::Api => "API",
            VersionKind::Schema => "schema",
        })
    }
}

/// Everything that can go wrong opening the module's devices or reading
/// its rings. Each variant names the device (or file) it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KmodError {
    /// The first device node does not exist: the module is not loaded (or
    /// the device directory is wrong).
    #[error("the falco kernel module is not loaded: {} not found", path.display())]
    NotLoaded {
        /// The device that was looked for (`/dev/falco0`).
        path: PathBuf,
    },

    /// A device exists but cannot be opened.
    #[error("cannot open {}: {source} (opening the falco kernel module's devices needs root)", path.display())]
    Open {
        /// The device.
        path: PathBuf,
        /// The `open(2)` error.
        source: io::Error,
    },

    /// The module already serves its maximum number of consumers (`EBUSY`).
    #[error(
        "too many consumers attached to {}: the module allows {} (see /sys/module/falco/parameters/max_consumers)",
        path.display(),
        max_consumers.map_or_else(|| "a limited number".to_string(), |m| m.to_string())
    )]
    TooManyConsumers {
        /// The device.
        path: PathBuf,
        /// The module's `max_consumers` parameter, if it could be read.
        max_consumers: Option<u32>,
    },

    /// No device could be opened (every CPU reported offline, or no device
    /// was given).
    #[error("no falco kernel module device found for any online CPU in {}", dir.display())]
    NoDevices {
        /// The device directory.
        dir: PathBuf,
    },

    /// An ioctl failed.
    #[error("{request} failed on {}: {source}", path.display())]
    Ioctl {
        /// The device.
        path: PathBuf,
        /// The request.
        request: Ioctl,
        /// The error the module returned.
        source: io::Error,
    },

    /// The module's API or schema version is one this consumer cannot use.
    #[error(
        "the falco kernel module at {} has driver {kind} version {found}, but this consumer needs major version {} and at least {required}; load a matching module",
        path.display(), required.major
    )]
    IncompatibleVersion {
        /// The device that reported it.
        path: PathBuf,
        /// API or schema.
        kind: VersionKind,
        /// What the module reported.
        found: Version,
        /// The oldest version this consumer accepts (same major required).
        required: Version,
    },

    /// Two devices reported different versions (the module must be one).
    #[error("{kind} version mismatch: {} reports {found}, the first device reported {first}", path.display())]
    VersionsDiffer {
        /// The device that differs.
        path: PathBuf,
        /// API or schema.
        kind: VersionKind,
        /// What it reported.
        found: Version,
        /// What the first device reported.
        first: Version,
    },

    /// The per-CPU buffer size is not one the module accepts.
    #[error("invalid ring buffer size {bytes}: it must be a power of two, a multiple of the page size ({page_size}) and larger than two pages")]
    BufferSize {
        /// The size asked for.
        bytes: usize,
        /// The page size.
        page_size: usize,
    },

    /// Mapping a ring buffer or its info page failed.
    #[error("cannot map the {what} of {}: {source} (the size must be the module's g_buffer_bytes_dim; if memory is short, use a smaller one)", path.display())]
    Map {
        /// The device.
        path: PathBuf,
        /// "ring buffer" or "ring buffer info".
        what: &'static str,
        /// The `mmap(2)` error.
        source: io::Error,
    },

    /// Reading or writing a module parameter under `/sys/module` failed.
    #[error("cannot access {}: {source}", path.display())]
    ModuleParameter {
        /// The parameter file.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },

    /// A ring's shared positions are out of range: the memory does not hold
    /// a ring of the expected size (wrong buffer size, or corruption).
    #[error("ring buffer of {} is corrupt: head {head}, tail {tail}, size {size}", path.display())]
    CorruptRing {
        /// The device.
        path: PathBuf,
        /// The producer position read.
        head: u32,
        /// The consumer position read.
        tail: u32,
        /// The buffer size.
        size: usize,
    },

    /// Enabling syscalls by native number needs the syscall table of the
    /// running architecture, which `falco-events` has only for x86_64.
    #[error("the falco kernel module consumer has no syscall table for {arch}; only x86_64 is supported")]
    UnsupportedArch {
        /// `std::env::consts::ARCH`.
        arch: &'static str,
    },
}

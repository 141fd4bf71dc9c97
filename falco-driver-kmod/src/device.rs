//! One per-CPU device of the module, behind a trait, so the consumer runs
//! unchanged over the real `/dev/falcoN` (ioctl + mmap) and over the
//! simulated device of [`crate::sim`].

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::ptr::NonNull;

use crate::abi::{Ioctl, RingBufferInfo};

/// The argument of an ioctl, as the module reads it.
#[derive(Debug)]
pub enum IoctlArg<'a> {
    /// No argument (0 is passed).
    None,
    /// A value passed directly (syscall number, tracepoint code, snaplen,
    /// sampling ratio, port range).
    Value(u64),
    /// A pointer to a `u64` the module fills (`GET_API_VERSION`,
    /// `GET_SCHEMA_VERSION`).
    OutU64(&'a mut u64),
}

/// One per-CPU device of the kernel module: the ioctl interface and the
/// two memory mappings.
///
/// [`FalcoDevice`] implements it over `/dev/falcoN`;
/// [`SimDevice`](crate::sim::SimDevice) over memory laid out the same way,
/// with a simulated ioctl handler. The consumer ([`Kmod`](crate::Kmod)) only
/// talks to this trait.
pub trait Device {
    /// The device's path, for messages (`/dev/falco0`).
    fn path(&self) -> &Path;

    /// Issues `request` with `arg`, as `ioctl(2)` would: `Ok` carries the
    /// non-negative return value, `Err` the errno the module returned.
    fn ioctl(&mut self, request: Ioctl, arg: IoctlArg<'_>) -> io::Result<i64>;

    /// Maps the ring buffer (`2 * buffer_bytes_dim` bytes, read-only: the
    /// buffer twice in a row) and its [`RingBufferInfo`] page (read-write).
    fn map_ring(&mut self, buffer_bytes_dim: usize) -> io::Result<RingMemory>;
}

/// A ring as the consumer sees it: the shared [`RingBufferInfo`] and the
/// data buffer mapped twice back to back, so the bytes from any `tail` up
/// to `tail + size` are contiguous.
///
/// Invariants (established by [`RingMemory::from_raw_parts`]):
/// - `info` is valid, aligned and shared with the producer as long as
///   `self` lives;
/// - `data .. data + 2 * size` is readable as long as `self` lives, and
///   byte `size + i` is byte `i`;
/// - the producer writes only outside `[tail, head)` (mod `size`), and
///   publishes bytes before it moves `head` past them.
pub struct RingMemory {
    info: NonNull<RingBufferInfo>,
    data: NonNull<u8>,
    size: usize,
    _owner: Box<dyn Send>,
}

// SAFETY: RingMemory only holds pointers into mappings owned by `_owner`
// (which is Send); the shared state is accessed through atomics or through
// the ring protocol, which does not depend on the accessing thread.
unsafe impl Send for RingMemory {}

impl std::fmt::Debug for RingMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RingMemory")
            .field("info", &self.info)
            .field("data", &self.data)
            .field("size", &self.size)
            .finish()
    }
}

impl RingMemory {
    /// Wraps mapped ring memory. `owner` is kept alive as long as the
    /// `RingMemory`, and is where the mappings should be released (on drop).
    ///
    /// # Safety
    ///
    /// - `info` points to a [`RingBufferInfo`] that stays valid for atomic
    ///   reads and writes while `owner` lives;
    /// - `data` points to `2 * size` bytes that stay readable while `owner`
    ///   lives, the second half mirroring the first (a double mapping);
    /// - whoever produces into the ring follows the module's protocol: it
    ///   writes only bytes outside `[tail, head)` and moves `head` (with
    ///   release ordering, or after a write barrier) only after the bytes
    ///   before it are written;
    /// - `size` fits in a `u32` (head and tail are `u32`).
    pub unsafe fn from_raw_parts(
        info: NonNull<RingBufferInfo>,
        data: NonNull<u8>,
        size: usize,
        owner: Box<dyn Send>,
    ) -> RingMemory {
        RingMemory {
            info,
            data,
            size,
            _owner: owner,
        }
    }

    /// The shared info struct.
    pub fn info(&self) -> &RingBufferInfo {
        // SAFETY: valid and aligned while self lives (invariant); all its
        // fields are atomics, so shared references are fine.
        unsafe { self.info.as_ref() }
    }

    /// The size of one copy of the buffer (`buffer_bytes_dim`).
    pub fn size(&self) -> usize {
        self.size
    }

    /// The bytes `offset .. offset + len` of the double mapping.
    ///
    /// # Safety
    ///
    /// `offset + len <= 2 * size`, and the bytes lie in `[tail, head)` of
    /// the ring (so the producer does not write them) for as long as the
    /// returned slice is used.
    pub(crate) unsafe fn bytes(&self, offset: usize, len: usize) -> &[u8] {
        debug_assert!(offset.checked_add(len).is_some_and(|e| e <= 2 * self.size));
        // SAFETY: in bounds of the readable double mapping, and not written
        // concurrently (caller's contract).
        unsafe { std::slice::from_raw_parts(self.data.as_ptr().add(offset), len) }
    }
}

/// A region returned by `mmap(2)`, unmapped on drop.
#[derive(Debug)]
pub(crate) struct Mmap {
    pub(crate) ptr: NonNull<u8>,
    pub(crate) len: usize,
}

// SAFETY: the region is plain memory; unmapping it from another thread is fine.
unsafe impl Send for Mmap {}
// SAFETY: Mmap exposes only its address; access goes through RingMemory's rules.
unsafe impl Sync for Mmap {}

impl Mmap {
    /// `mmap(NULL, len, prot, flags, fd, 0)`.
    pub(crate) fn map(len: usize, prot: i32, flags: i32, fd: i32) -> io::Result<Mmap> {
        // SAFETY: a fresh mapping at an address the kernel picks touches no
        // existing Rust object.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, 0) };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr =
            NonNull::new(p.cast::<u8>()).ok_or_else(|| io::Error::other("mmap returned NULL"))?;
        Ok(Mmap { ptr, len })
    }
}

impl Drop for Mmap {
    fn drop(&mut self) {
        // SAFETY: ptr/len is a mapping this value owns; nothing borrows it
        // any more (RingMemory keeps its owner alive as long as it lives).
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast(), self.len);
        }
    }
}

/// The real device: `/dev/falcoN`, opened `O_RDWR | O_SYNC | O_CLOEXEC` as
/// libscap does.
#[derive(Debug)]
pub struct FalcoDevice {
    fd: OwnedFd,
    path: PathBuf,
}

impl FalcoDevice {
    /// Opens the device at `path`. The first open from a process registers
    /// it with the module as a consumer (rings are allocated per consumer).
    pub fn open(path: &Path) -> io::Result<FalcoDevice> {
        let c = CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains NUL"))?;
        // SAFETY: `c` is a valid NUL-terminated string.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDWR | libc::O_SYNC | libc::O_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` was just returned by open and is owned by nobody else.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        Ok(FalcoDevice {
            fd,
            path: path.to_path_buf(),
        })
    }
}

impl Device for FalcoDevice {
    fn path(&self) -> &Path {
        &self.path
    }

    fn ioctl(&mut self, request: Ioctl, arg: IoctlArg<'_>) -> io::Result<i64> {
        let fd = self.fd.as_raw_fd();
        let req = request.request();
        let ret = match arg {
            // SAFETY: the module reads the argument as a plain integer.
            IoctlArg::None => unsafe { libc::ioctl(fd, req as _, 0 as libc::c_ulong) },
            // SAFETY: as above; the value is passed by value.
            IoctlArg::Value(v) => unsafe { libc::ioctl(fd, req as _, v as libc::c_ulong) },
            // SAFETY: the module writes exactly one u64 (`put_user` of an
            // `unsigned long long`) through the pointer, which is valid and
            // exclusively borrowed for the call.
            IoctlArg::OutU64(out) => unsafe { libc::ioctl(fd, req as _, out as *mut u64) },
        };
        if ret < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(i64::from(ret))
        }
    }

    fn map_ring(&mut self, buffer_bytes_dim: usize) -> io::Result<RingMemory> {
        let fd = self.fd.as_raw_fd();
        let data_len = buffer_bytes_dim
            .checked_mul(2)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "buffer size overflows"))?;
        // The module tells the two mappings apart by length: exactly
        // 2 * buffer_bytes_dim maps the buffer twice (read-only), at most a
        // page maps the info struct (read-write).
        let data = Mmap::map(data_len, libc::PROT_READ, libc::MAP_SHARED, fd)?;
        let info = Mmap::map(
            std::mem::size_of::<RingBufferInfo>(),
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED,
            fd,
        )?;
        let info_ptr = info.ptr.cast::<RingBufferInfo>();
        let data_ptr = data.ptr;
        // SAFETY: the module maps the info page read-write and the buffer
        // twice in a row, both alive until the Mmaps in the owner drop; the
        // module writes events only outside [tail, head) and moves head after
        // an smp_wmb(); page alignment satisfies RingBufferInfo's alignment.
        Ok(unsafe {
            RingMemory::from_raw_parts(info_ptr, data_ptr, buffer_bytes_dim, Box::new((data, info)))
        })
    }
}

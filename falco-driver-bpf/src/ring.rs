//! Reading BPF ring buffers straight from their memory maps, so that events
//! are handed out zero-copy and the oldest event across all rings can be
//! chosen (libbpf's callback consumer can do neither).
//!
//! Kernel layout of a BPF ring buffer mapping: page 0 holds the consumer
//! position (read-write), page 1 the producer position (read-only), then the
//! data area, which the kernel lets user space map twice in a row so that a
//! record never wraps. Each record starts with an 8-byte header: a `u32`
//! length carrying the BUSY (`1 << 31`) and DISCARD (`1 << 30`) bits, then a
//! `u32` page offset.
//!
//! The kernel fills the page tables of the whole mapping at `mmap` time, so
//! a second copy of the data area would count twice the ring's size in the
//! process's RSS. It is mapped once: the rare record that wraps past the end
//! is copied into a buffer of the ring's own (every other record is read in
//! place).

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

const BUSY_BIT: u32 = 1 << 31;
const DISCARD_BIT: u32 = 1 << 30;
const HDR_SIZE: u64 = 8;

/// One mapped ring buffer.
pub(crate) struct Ring {
    consumer: NonNull<u8>,
    producer: NonNull<u8>,
    page: usize,
    size: usize,
    /// Our copy of the consumer position (only we write it).
    cons_pos: u64,
    /// The first record, when it wraps past the end of the data area.
    wrap: Vec<u8>,
}

// SAFETY: the mappings are owned by this value and only accessed through
// `&mut self` (or `&self` for reads of kernel-written positions, which are
// atomics); moving the value to another thread moves that ownership.
unsafe impl Send for Ring {}

/// A record ready to be read: offset of its sample in the data area, sample
/// length, and the size to advance the consumer by once it is consumed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Record {
    pub offset: usize,
    pub len: usize,
    pub advance: u64,
    /// The sample wraps past the end: its bytes are in the ring's `wrap`.
    pub wrapped: bool,
}

impl Ring {
    /// Maps the ring buffer `fd` of `size` data bytes (a power of two).
    pub(crate) fn map(fd: BorrowedFd<'_>, size: usize) -> io::Result<Ring> {
        // SAFETY: sysconf has no memory-safety preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let page = if page > 0 { page as usize } else { 4096 };
        // SAFETY: mapping a BPF ring buffer fd: a fresh shared mapping that
        // no Rust object aliases; the result is checked against MAP_FAILED.
        let consumer = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if consumer == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: as above; the producer page and the data area (once) are
        // mapped read-only at offset `page`, as the kernel requires.
        let producer = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                page + size,
                libc::PROT_READ,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                page as libc::off_t,
            )
        };
        if producer == libc::MAP_FAILED {
            let err = io::Error::last_os_error();
            // SAFETY: unmapping the mapping created just above.
            unsafe { libc::munmap(consumer, page) };
            return Err(err);
        }
        let (Some(consumer), Some(producer)) =
            (NonNull::new(consumer.cast()), NonNull::new(producer.cast()))
        else {
            return Err(io::Error::other("mmap returned a null pointer"));
        };
        let mut ring = Ring {
            consumer,
            producer,
            page,
            size,
            cons_pos: 0,
            wrap: Vec::new(),
        };
        ring.cons_pos = ring.consumer_pos().load(Ordering::Acquire);
        Ok(ring)
    }

    fn consumer_pos(&self) -> &AtomicU64 {
        // SAFETY: page 0 of the mapping starts with the kernel's u64 consumer
        // position, page-aligned and valid for the mapping's lifetime.
        unsafe { &*(self.consumer.as_ptr() as *const AtomicU64) }
    }

    fn producer_pos(&self) -> &AtomicU64 {
        // SAFETY: the producer page starts with the u64 producer position.
        unsafe { &*(self.producer.as_ptr() as *const AtomicU64) }
    }

    fn data(&self) -> *const u8 {
        // SAFETY: the data area starts one page into the producer mapping,
        // which is `page + size` bytes long.
        unsafe { self.producer.as_ptr().add(self.page) }
    }

    /// The first committed record, skipping discarded ones; None if empty or
    /// the first record is still being written.
    pub(crate) fn peek(&mut self) -> Option<Record> {
        loop {
            let prod = self.producer_pos().load(Ordering::Acquire);
            if self.cons_pos >= prod {
                return None;
            }
            let mask = (self.size - 1) as u64;
            let off = (self.cons_pos & mask) as usize;
            // SAFETY: `off + 8 <= size` (records and the area are 8-aligned);
            // the header's first word is written atomically by the kernel.
            let word =
                unsafe { &*(self.data().add(off) as *const AtomicU32) }.load(Ordering::Acquire);
            if word & BUSY_BIT != 0 {
                return None;
            }
            let len = (word & !(BUSY_BIT | DISCARD_BIT)) as u64;
            let advance = (len + HDR_SIZE + 7) & !7;
            if word & DISCARD_BIT != 0 {
                self.consume(advance);
                continue;
            }
            let len = len as usize;
            if len > self.size {
                // Not a record the kernel can write (one never exceeds the
                // area): seen as empty rather than read out of bounds.
                return None;
            }
            // The sample starts right after the header, at most at the end
            // of the area (the header of the last 8 bytes): modulo size.
            let start = (off + HDR_SIZE as usize) % self.size;
            let wrapped = start + len > self.size;
            if wrapped {
                let first = self.size - start;
                self.wrap.clear();
                // SAFETY: `start + first == size` and `len - first < size`:
                // both ranges are inside the data area, and the kernel does
                // not write a committed record before the consumer moves on.
                unsafe {
                    self.wrap.extend_from_slice(std::slice::from_raw_parts(
                        self.data().add(start),
                        first,
                    ));
                    self.wrap
                        .extend_from_slice(std::slice::from_raw_parts(self.data(), len - first));
                }
            }
            return Some(Record {
                offset: start,
                len,
                advance,
                wrapped,
            });
        }
    }

    /// The sample bytes of a record returned by `peek`.
    pub(crate) fn sample(&self, rec: Record) -> &[u8] {
        if rec.wrapped {
            return &self.wrap;
        }
        if rec.offset + rec.len > self.size {
            return &[];
        }
        // SAFETY: bounds checked above against the data area; the kernel
        // does not write a committed record until the consumer position
        // moves past it, which only `consume` does.
        unsafe { std::slice::from_raw_parts(self.data().add(rec.offset), rec.len) }
    }

    /// Releases `advance` bytes to the producer.
    pub(crate) fn consume(&mut self, advance: u64) {
        self.cons_pos += advance;
        self.consumer_pos().store(self.cons_pos, Ordering::Release);
    }
}

impl Drop for Ring {
    fn drop(&mut self) {
        // SAFETY: unmapping exactly the two mappings created in `map`.
        unsafe {
            libc::munmap(self.consumer.as_ptr().cast(), self.page);
            libc::munmap(self.producer.as_ptr().cast(), self.page + self.size);
        }
    }
}

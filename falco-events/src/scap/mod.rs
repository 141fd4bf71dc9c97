//! `.scap` capture files: reading ([`ScapReader`]), writing
//! ([`ScapWriter`]) and upgrading old-schema events ([`Converter`]).
//!
//! # The format
//!
//! A capture is a pcapng-style stream of blocks, little-endian, optionally
//! gzip-compressed as a whole. Each block is
//!
//! ```text
//! u32 block_type | u32 block_total_length | body | zero padding to 4 bytes | u32 block_total_length
//! ```
//!
//! It starts with a section header block (SHB), then metadata blocks
//! (machine info, interfaces, users, the process list, one fd list per
//! thread) and then event blocks, each holding one event in the layout of
//! [`crate::event`] prefixed by the CPU number (and flags, for the `EVF`
//! kinds). Old captures hold "v1" event blocks whose events lack `nparams`
//! (a 22-byte header); the reader rebuilds them in the current layout.
//!
//! The metadata is exposed as typed values ([`Metadata`]): it seeds the
//! thread, fd and user tables of host state.
//!
//! # Old schema
//!
//! Captures written before 2025 hold enter/exit event pairs and old event
//! versions. By default [`ScapReader`] passes every event through a
//! [`Converter`] that does what libscap's converter does: it merges enter
//! parameters into the exit event and upgrades old versions, so consumers
//! see the events current drivers send. See [`convert`] for the details.
//!
//! # Example: read, convert, write back
//!
//! ```
//! use falco_events::scap::{ScapReader, ScapWriter, WriterOptions};
//! use falco_events::source::EventSource;
//! use falco_events::event::{EventBuilder, Value};
//! use falco_events::table::codes::PPME_SYSCALL_OPEN_X;
//!
//! // A capture with one event, written in memory.
//! let evt = EventBuilder::new(PPME_SYSCALL_OPEN_X)
//!     .values([Value::Int(3), Value::Str("/etc/passwd"), Value::Uint(1), Value::Uint(0)])
//!     .build()
//!     .unwrap();
//! let mut w = ScapWriter::new(Vec::new(), &WriterOptions::default()).unwrap();
//! w.write_event(&evt.as_event(), 0, 0).unwrap();
//! let bytes = w.finish().unwrap();
//!
//! let mut r = ScapReader::new(&bytes[..]).unwrap();
//! let e = r.next_event().unwrap().unwrap();
//! // The converter filled in the parameters the event lacked (dev, ino).
//! assert_eq!(e.nparams(), 6);
//! assert_eq!(e.param_by_name("name").unwrap().as_str(), Some("/etc/passwd"));
//! assert!(e.param_by_name("dev").unwrap().is_empty());
//! assert!(r.next_event().unwrap().is_none());
//! assert_eq!(r.stats().events, 1);
//! ```

pub mod convert;
mod metadata;
mod reader;
mod snapshot;
mod writer;

pub use convert::{ConvertError, Converter};
pub use metadata::{
    FdInfo, FdKind, FdTable, GroupInfo, InterfaceInfo, MachineInfo, Metadata, ProcInfo, UserInfo,
};
pub use reader::{ScapError, ScapReader};
pub use snapshot::metadata_from_state;
pub use writer::{ScapWriter, WriterOptions};

/// Block type numbers (`scap_savefile.h`).
pub mod block {
    /// Section header block.
    pub const SHB: u32 = 0x0A0D_0D0A;
    /// Byte-order magic in the SHB body.
    pub const SHB_MAGIC: u32 = 0x1A2B_3C4D;
    /// Machine info.
    pub const MI: u32 = 0x201;
    /// Machine info, pre-release number.
    pub const MI_INT: u32 = 0x8002_ABCD;
    /// Process list, version 1.
    pub const PL_V1: u32 = 0x202;
    /// Process list, version 1, pre-release number.
    pub const PL_V1_INT: u32 = 0x8000_ABCD;
    /// Process list, version 2.
    pub const PL_V2: u32 = 0x207;
    /// Process list, version 2, pre-release number.
    pub const PL_V2_INT: u32 = 0x8013_ABCD;
    /// Process list, version 3.
    pub const PL_V3: u32 = 0x209;
    /// Process list, version 3, pre-release number.
    pub const PL_V3_INT: u32 = 0x8014_ABCD;
    /// Process list, version 4.
    pub const PL_V4: u32 = 0x210;
    /// Process list, version 5.
    pub const PL_V5: u32 = 0x211;
    /// Process list, version 6.
    pub const PL_V6: u32 = 0x212;
    /// Process list, version 7.
    pub const PL_V7: u32 = 0x213;
    /// Process list, version 8.
    pub const PL_V8: u32 = 0x214;
    /// Process list, version 9 (current; entries carry their length).
    pub const PL_V9: u32 = 0x215;
    /// Fd list of one thread.
    pub const FDL: u32 = 0x203;
    /// Fd list, pre-release number.
    pub const FDL_INT: u32 = 0x8001_ABCD;
    /// Fd list, version 2 (current; entries carry their length).
    pub const FDL_V2: u32 = 0x218;
    /// Event, v1 layout (22-byte header).
    pub const EV: u32 = 0x204;
    /// Event, v1 layout, pre-release number.
    pub const EV_INT: u32 = 0x8010_ABCD;
    /// Event (current).
    pub const EV_V2: u32 = 0x216;
    /// Event with 32-bit parameter lengths.
    pub const EV_V2_LARGE: u32 = 0x221;
    /// Event with flags, v1 layout.
    pub const EVF: u32 = 0x208;
    /// Event with flags (current).
    pub const EVF_V2: u32 = 0x217;
    /// Event with flags and 32-bit parameter lengths.
    pub const EVF_V2_LARGE: u32 = 0x222;
    /// Interface list, version 1.
    pub const IL: u32 = 0x205;
    /// Interface list, pre-release number.
    pub const IL_INT: u32 = 0x8011_ABCD;
    /// Interface list, version 2 (current).
    pub const IL_V2: u32 = 0x219;
    /// User list, version 1.
    pub const UL: u32 = 0x206;
    /// User list, pre-release number.
    pub const UL_INT: u32 = 0x8012_ABCD;
    /// User list, version 2 (current).
    pub const UL_V2: u32 = 0x220;
}

/// Event block flags (`SCAP_DF_*`).
pub mod flags {
    /// The event updates state but is not shown (`SCAP_DF_STATE_ONLY`).
    pub const STATE_ONLY: u32 = 1;
    /// The event has a large payload (`SCAP_DF_LARGE`; written as the
    /// `*_LARGE` block kinds, never stored in the flags word).
    pub const LARGE: u32 = 1 << 2;
}

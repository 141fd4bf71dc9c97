//! One event in Falco's binary layout: a zero-copy view ([`Event`]), typed
//! access to its parameters ([`Param`]), and owned events built from typed
//! values ([`EventBuilder`], [`OwnedEvent`]).
//!
//! # Layout
//!
//! Every source (kernel module, eBPF probe, `.scap` capture) delivers events
//! in the same little-endian layout (libs' `struct ppm_evt_hdr`, packed):
//!
//! ```text
//! off  size  field
//!   0     8  ts       nanoseconds since the epoch
//!   8     8  tid      thread id
//!  16     4  len      total length: header + length array + parameters
//!  20     2  type     event code (see crate::table)
//!  22     4  nparams  entries in the length array
//!  26        nparams lengths: u16 each, u32 for EF_LARGE_PAYLOAD types
//!            the parameters, back to back, no padding
//! ```
//!
//! # Invariants of a parsed [`Event`]
//!
//! - its bytes are exactly `len` bytes long and `len >= 26`;
//! - the type is a known code (`< PPM_EVENT_MAX`);
//! - `nparams` is at most the table's parameter count for that type
//!   ([`Event::parse`]) or at most [`MAX_EVENT_PARAMS`]
//!   ([`Event::parse_allowing_extra`], for events from a newer driver that
//!   appended parameters);
//! - the parameter lengths add up exactly to `len`, so every parameter is a
//!   slice inside the event.
//!
//! A parameter of length 0 is *empty*: the driver could not read it, or the
//! capture converter filled a parameter the old schema lacked. Typed
//! accessors return `None` for empty parameters.
//!
//! # Example
//!
//! ```
//! use falco_events::event::{Event, EventBuilder, Value};
//! use falco_events::table::codes::PPME_SYSCALL_OPEN_X;
//!
//! let owned = EventBuilder::new(PPME_SYSCALL_OPEN_X)
//!     .ts(1_700_000_000_000_000_000)
//!     .tid(42)
//!     .value(Value::Int(3)) // fd
//!     .value(Value::Str("/etc/passwd")) // name
//!     .value(Value::Uint(1)) // flags: O_RDONLY
//!     .value(Value::Uint(0)) // mode
//!     .build()
//!     .unwrap();
//!
//! let evt = Event::parse(owned.as_bytes()).unwrap();
//! assert_eq!(evt.name(), "open");
//! assert_eq!(evt.nparams(), 4); // dev and ino are absent, as in old captures
//! assert_eq!(evt.param_by_name("fd").unwrap().as_i64(), Some(3));
//! assert_eq!(evt.param(1).unwrap().as_str(), Some("/etc/passwd"));
//! assert!(evt.param_by_name("dev").is_none());
//!
//! // Malformed input is an error value, never a panic.
//! let err = Event::parse(&owned.as_bytes()[..20]).unwrap_err();
//! assert_eq!(err.to_string(), "event too short: 20 bytes, the header takes 26");
//! ```

use std::borrow::Cow;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::table::{
    self, Direction, EventInfo, ParamExtra, ParamInfo, ParamType, MAX_EVENT_PARAMS, PPM_EVENT_MAX,
};

/// Size of the event header (`sizeof(struct ppm_evt_hdr)`).
pub const HEADER_LEN: usize = 26;

/// Size of the header of old "v1" events found in old captures: the same
/// fields without `nparams`.
pub const V1_HEADER_LEN: usize = 22;

/// Socket family codes used in `SOCKADDR`/`SOCKTUPLE` parameters
/// (`PPM_AF_*`, equal to Linux's `AF_*`).
pub mod family {
    /// `AF_UNIX`.
    pub const UNIX: u8 = 1;
    /// `AF_INET`.
    pub const INET: u8 = 2;
    /// `AF_INET6`.
    pub const INET6: u8 = 10;
}

/// Why a buffer is not a well-formed event.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The buffer cannot even hold the header.
    #[error("event too short: {available} bytes, the header takes 26")]
    ShortHeader {
        /// Bytes available.
        available: usize,
    },
    /// The header's `len` is smaller than the header itself.
    #[error("event length {len} is smaller than the 26-byte header")]
    LenTooSmall {
        /// The `len` field.
        len: u32,
    },
    /// The header's `len` runs past the end of the buffer.
    #[error("event length {len} is larger than the {available} bytes available")]
    LenPastBuffer {
        /// The `len` field.
        len: u32,
        /// Bytes available.
        available: usize,
    },
    /// The event code is not in the table (`>= PPM_EVENT_MAX`): an event from
    /// a newer driver.
    #[error("unknown event type {code}")]
    UnknownType {
        /// The `type` field.
        code: u16,
    },
    /// More parameters than the event type has.
    #[error("event {name} (type {code}) has {nparams} parameters, at most {max} allowed")]
    TooManyParams {
        /// The `type` field.
        code: u16,
        /// The event's name.
        name: &'static str,
        /// The `nparams` field.
        nparams: u32,
        /// The most allowed.
        max: usize,
    },
    /// The length array does not fit in the event.
    #[error("the length array of {nparams} parameters does not fit in event length {len}")]
    LengthArrayOverflow {
        /// The `nparams` field.
        nparams: u32,
        /// The `len` field.
        len: u32,
    },
    /// A parameter runs past the end of the event.
    #[error("parameter {index} of length {param_len} runs past event length {len}")]
    ParamOverflow {
        /// Index of the parameter.
        index: usize,
        /// Its length.
        param_len: u32,
        /// The `len` field.
        len: u32,
    },
    /// The parameters end before the event does.
    #[error("parameters end at byte {end} but the event length is {len}")]
    TrailingBytes {
        /// Where the last parameter ends.
        end: u64,
        /// The `len` field.
        len: u32,
    },
}

fn u16_at(b: &[u8], off: usize) -> u16 {
    let mut a = [0u8; 2];
    if let Some(s) = b.get(off..off + 2) {
        a.copy_from_slice(s);
    }
    u16::from_le_bytes(a)
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    let mut a = [0u8; 4];
    if let Some(s) = b.get(off..off + 4) {
        a.copy_from_slice(s);
    }
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], off: usize) -> u64 {
    let mut a = [0u8; 8];
    if let Some(s) = b.get(off..off + 8) {
        a.copy_from_slice(s);
    }
    u64::from_le_bytes(a)
}

/// The fixed header of every event (libs' `struct ppm_evt_hdr`: `ts u64,
/// tid u64, len u32, type u16, nparams u32`, packed, little-endian), read
/// without validation. The one header type of the workspace: the capture
/// reader, the kernel-module consumer and the eBPF probe all frame events
/// with it.
///
/// ```
/// use falco_events::event::{EventHeader, HEADER_LEN};
/// let h = EventHeader { ts: 7, tid: 42, len: 26, code: 307, nparams: 0 };
/// assert_eq!(EventHeader::read(&h.to_bytes()), Ok(h));
/// assert!(EventHeader::read(&[0; HEADER_LEN - 1]).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventHeader {
    /// Timestamp, nanoseconds since the epoch.
    pub ts: u64,
    /// Thread id.
    pub tid: u64,
    /// Total length.
    pub len: u32,
    /// Event code.
    pub code: u16,
    /// Number of parameters.
    pub nparams: u32,
}

impl EventHeader {
    /// Reads a header from the first 26 bytes of `bytes`.
    pub fn read(bytes: &[u8]) -> Result<EventHeader, DecodeError> {
        if bytes.len() < HEADER_LEN {
            return Err(DecodeError::ShortHeader {
                available: bytes.len(),
            });
        }
        Ok(EventHeader {
            ts: u64_at(bytes, 0),
            tid: u64_at(bytes, 8),
            len: u32_at(bytes, 16),
            code: u16_at(bytes, 20),
            nparams: u32_at(bytes, 22),
        })
    }

    /// The 26 bytes of this header.
    pub fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[0..8].copy_from_slice(&self.ts.to_le_bytes());
        b[8..16].copy_from_slice(&self.tid.to_le_bytes());
        b[16..20].copy_from_slice(&self.len.to_le_bytes());
        b[20..22].copy_from_slice(&self.code.to_le_bytes());
        b[22..26].copy_from_slice(&self.nparams.to_le_bytes());
        b
    }
}

/// Width of one entry of the length array of events of type `code`: 4 for
/// `EF_LARGE_PAYLOAD` types, else 2.
pub fn len_size(code: u16) -> usize {
    match table::event_info(code) {
        Some(i) if i.has_large_payload() => 4,
        _ => 2,
    }
}

/// A zero-copy view of one well-formed event (see the module docs for the
/// invariants).
#[derive(Clone, Copy)]
pub struct Event<'a> {
    bytes: &'a [u8],
    info: &'static EventInfo,
    code: u16,
    nparams: u8,
    /// `offsets[i]..offsets[i+1]` is parameter `i`.
    offsets: [u32; MAX_EVENT_PARAMS + 1],
}

/// What a parse learned of an event, without the borrow of its bytes: lets
/// the inspector check an event once in a loop and view it after the loop
/// (see [`Event::layout`], [`Event::with_layout`]).
#[derive(Clone, Copy)]
pub(crate) struct EventLayout {
    info: &'static EventInfo,
    code: u16,
    nparams: u8,
    len: u32,
    offsets: [u32; MAX_EVENT_PARAMS + 1],
}

impl EventLayout {
    /// The event code.
    pub(crate) fn code(&self) -> u16 {
        self.code
    }

    /// The event's length in bytes.
    pub(crate) fn len(&self) -> u32 {
        self.len
    }
}

impl<'a> Event<'a> {
    /// The parse's result without the borrow.
    pub(crate) fn layout(&self) -> EventLayout {
        EventLayout {
            info: self.info,
            code: self.code,
            nparams: self.nparams,
            len: self.bytes.len() as u32,
            offsets: self.offsets,
        }
    }

    /// The view again, over the same bytes the layout was parsed from (the
    /// caller keeps them unchanged in between: a crate-internal invariant,
    /// so a violation is a bug and panics on the slice).
    pub(crate) fn with_layout(bytes: &'a [u8], l: &EventLayout) -> Event<'a> {
        Event {
            bytes: &bytes[..l.len as usize],
            info: l.info,
            code: l.code,
            nparams: l.nparams,
            offsets: l.offsets,
        }
    }

    /// As [`with_layout`](Self::with_layout), `None` when `bytes` are
    /// shorter than the layout's event (never a panic).
    pub(crate) fn try_with_layout(bytes: &'a [u8], l: &EventLayout) -> Option<Event<'a>> {
        Some(Event {
            bytes: bytes.get(..l.len as usize)?,
            info: l.info,
            code: l.code,
            nparams: l.nparams,
            offsets: l.offsets,
        })
    }

    /// Parses the event at the start of `bytes` (which may continue past the
    /// event, e.g. with block padding), checking it against the event table:
    /// `nparams` may be smaller than the table's count (old captures) but not
    /// larger.
    pub fn parse(bytes: &'a [u8]) -> Result<Event<'a>, DecodeError> {
        Event::parse_inner(bytes, false)
    }

    /// Like [`parse`](Self::parse), but accepts up to [`MAX_EVENT_PARAMS`]
    /// parameters: events from a newer driver may carry parameters appended
    /// after the ones this table knows. The extra ones have no
    /// [`ParamInfo`] and type [`ParamType::ByteBuf`].
    pub fn parse_allowing_extra(bytes: &'a [u8]) -> Result<Event<'a>, DecodeError> {
        Event::parse_inner(bytes, true)
    }

    fn parse_inner(bytes: &'a [u8], allow_extra: bool) -> Result<Event<'a>, DecodeError> {
        let h = EventHeader::read(bytes)?;
        if (h.len as usize) < HEADER_LEN {
            return Err(DecodeError::LenTooSmall { len: h.len });
        }
        if h.len as usize > bytes.len() {
            return Err(DecodeError::LenPastBuffer {
                len: h.len,
                available: bytes.len(),
            });
        }
        let info = match table::event_info(h.code) {
            Some(i) if h.code < PPM_EVENT_MAX => i,
            _ => return Err(DecodeError::UnknownType { code: h.code }),
        };
        let max = if allow_extra {
            MAX_EVENT_PARAMS
        } else {
            info.params.len()
        };
        if h.nparams as usize > max {
            return Err(DecodeError::TooManyParams {
                code: h.code,
                name: info.name,
                nparams: h.nparams,
                max,
            });
        }
        let bytes = &bytes[..h.len as usize];
        let ls = if info.has_large_payload() { 4 } else { 2 };
        let n = h.nparams as usize;
        let params_start = HEADER_LEN + n * ls;
        if params_start > bytes.len() {
            return Err(DecodeError::LengthArrayOverflow {
                nparams: h.nparams,
                len: h.len,
            });
        }
        let mut offsets = [0u32; MAX_EVENT_PARAMS + 1];
        let mut off = params_start as u64;
        offsets[0] = params_start as u32;
        for i in 0..n {
            let at = HEADER_LEN + i * ls;
            let plen = if ls == 4 {
                u32_at(bytes, at)
            } else {
                u32::from(u16_at(bytes, at))
            };
            if off + u64::from(plen) > u64::from(h.len) {
                return Err(DecodeError::ParamOverflow {
                    index: i,
                    param_len: plen,
                    len: h.len,
                });
            }
            off += u64::from(plen);
            offsets[i + 1] = off as u32;
        }
        if off != u64::from(h.len) {
            return Err(DecodeError::TrailingBytes {
                end: off,
                len: h.len,
            });
        }
        Ok(Event {
            bytes,
            info,
            code: h.code,
            nparams: n as u8,
            offsets,
        })
    }

    /// The event's bytes, exactly `len` of them.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Timestamp in nanoseconds since the epoch.
    pub fn ts(&self) -> u64 {
        u64_at(self.bytes, 0)
    }

    /// Thread id.
    pub fn tid(&self) -> u64 {
        u64_at(self.bytes, 8)
    }

    /// Total length in bytes.
    pub fn len(&self) -> u32 {
        self.bytes.len() as u32
    }

    /// Never true: an event holds at least its header. (Present for the
    /// `len`/`is_empty` convention.)
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The event code (`ppm_event_code`).
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The table entry of the event's type.
    pub fn info(&self) -> &'static EventInfo {
        self.info
    }

    /// The event's name (`open`, `execve`, ...), shared by both directions
    /// and every version.
    pub fn name(&self) -> &'static str {
        self.info.name
    }

    /// Enter or exit.
    pub fn direction(&self) -> Direction {
        Direction::of(self.code)
    }

    /// Number of parameters present.
    pub fn nparams(&self) -> usize {
        self.nparams as usize
    }

    /// Parameter `i`, or `None` past [`nparams`](Self::nparams).
    pub fn param(&self, i: usize) -> Option<Param<'a>> {
        if i >= self.nparams as usize {
            return None;
        }
        let start = self.offsets[i] as usize;
        let end = self.offsets[i + 1] as usize;
        let bytes = self.bytes.get(start..end)?;
        let info = self.info.params.get(i);
        Some(Param {
            info,
            ty: info.map_or(ParamType::ByteBuf, |p| p.ty),
            bytes,
        })
    }

    /// The parameter called `name` in the table, if the event has it.
    pub fn param_by_name(&self, name: &str) -> Option<Param<'a>> {
        self.param(self.info.param_index(name)?)
    }

    /// Every parameter, in wire order.
    pub fn params(&self) -> impl Iterator<Item = Param<'a>> + '_ {
        (0..self.nparams()).filter_map(move |i| self.param(i))
    }

    /// An owned copy.
    pub fn to_owned_event(&self) -> OwnedEvent {
        OwnedEvent {
            bytes: self.bytes.to_vec(),
        }
    }
}

impl fmt::Debug for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Event {{ ts: {}, tid: {}, {} {} (type {})",
            self.ts(),
            self.tid(),
            self.direction().symbol(),
            self.name(),
            self.code
        )?;
        for p in self.params() {
            write!(f, ", {}={:?}", p.name(), p)?;
        }
        f.write_str(" }")
    }
}

impl PartialEq for Event<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Event<'_> {}

/// One parameter of an event: its table description, its type and its raw
/// bytes, with typed accessors. Accessors return `None` when the parameter
/// is empty or its bytes do not fit the accessor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Param<'a> {
    info: Option<&'static ParamInfo>,
    ty: ParamType,
    bytes: &'a [u8],
}

impl<'a> Param<'a> {
    /// The table description (`None` for parameters past the table's list).
    pub fn info(&self) -> Option<&'static ParamInfo> {
        self.info
    }

    /// The parameter's name, or `""` for parameters past the table's list.
    pub fn name(&self) -> &'static str {
        self.info.map_or("", |p| p.name)
    }

    /// The encoded type.
    pub fn ty(&self) -> ParamType {
        self.ty
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// True for an empty (length 0) parameter: no value.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn is_signed(&self) -> bool {
        use ParamType::*;
        matches!(
            self.ty,
            Int8 | Int16 | Int32 | Int64 | Errno | Fd | Pid | Fd32 | Pid32
        )
    }

    fn int_bytes(&self) -> Option<u64> {
        let b = self.bytes;
        Some(match b.len() {
            1 => u64::from(b[0]),
            2 => u64::from(u16_at(b, 0)),
            4 => u64::from(u32_at(b, 0)),
            8 => u64_at(b, 0),
            _ => return None,
        })
    }

    fn is_integer(&self) -> bool {
        use ParamType::*;
        !matches!(
            self.ty,
            None | CharBuf
                | ByteBuf
                | SockAddr
                | SockTuple
                | FdList
                | FsPath
                | Dyn
                | Double
                | CharBufArray
                | CharBufPairArray
                | Ipv4Net
                | Ipv6Addr
                | Ipv6Net
                | IpAddr
                | IpNet
                | FsRelPath
        )
    }

    /// The value as an unsigned integer, for integer-like types (ints,
    /// flags, ids, times, ports, ...), zero-extended from its width.
    pub fn as_u64(&self) -> Option<u64> {
        if !self.is_integer() {
            return Option::None;
        }
        self.int_bytes()
    }

    /// The value as a signed integer: sign-extended from its width for
    /// signed types (`INT*`, `ERRNO`, `FD`, `PID`, `FD32`, `PID32`),
    /// zero-extended for unsigned ones.
    pub fn as_i64(&self) -> Option<i64> {
        let v = self.as_u64()?;
        if !self.is_signed() {
            return Some(v as i64);
        }
        Some(match self.bytes.len() {
            1 => i64::from(v as u8 as i8),
            2 => i64::from(v as u16 as i16),
            4 => i64::from(v as u32 as i32),
            _ => v as i64,
        })
    }

    /// A `BOOL` (4 bytes, non-zero is true).
    pub fn as_bool(&self) -> Option<bool> {
        (self.ty == ParamType::Bool)
            .then(|| self.int_bytes())
            .flatten()
            .map(|v| v != 0)
    }

    /// A `DOUBLE`.
    pub fn as_f64(&self) -> Option<f64> {
        (self.ty == ParamType::Double && self.bytes.len() == 8)
            .then(|| f64::from_bits(u64_at(self.bytes, 0)))
    }

    fn is_string(&self) -> bool {
        matches!(
            self.ty,
            ParamType::CharBuf | ParamType::FsPath | ParamType::FsRelPath
        )
    }

    /// A `CHARBUF`, `FSPATH` or `FSRELPATH` as bytes, without the
    /// terminating NUL (and anything after a NUL).
    pub fn as_cstr_bytes(&self) -> Option<&'a [u8]> {
        if !self.is_string() || self.bytes.is_empty() {
            return Option::None;
        }
        Some(until_nul(self.bytes))
    }

    /// A `CHARBUF`, `FSPATH` or `FSRELPATH` as text, without the NUL; `None`
    /// if empty or not UTF-8 (see [`as_str_lossy`](Self::as_str_lossy)).
    pub fn as_str(&self) -> Option<&'a str> {
        std::str::from_utf8(self.as_cstr_bytes()?).ok()
    }

    /// Like [`as_str`](Self::as_str), replacing invalid UTF-8.
    pub fn as_str_lossy(&self) -> Option<Cow<'a, str>> {
        Some(String::from_utf8_lossy(self.as_cstr_bytes()?))
    }

    /// An IP address: `IPV4ADDR` (4 bytes, network order), `IPV6ADDR` (16)
    /// or `IPADDR` (either, told apart by the length).
    pub fn as_ipaddr(&self) -> Option<IpAddr> {
        use ParamType::*;
        if !matches!(self.ty, Ipv4Addr | Ipv6Addr | IpAddr) {
            return Option::None;
        }
        ip_from(self.bytes)
    }

    /// A `SOCKADDR` (an address as the user passed it).
    pub fn as_sockaddr(&self) -> Option<SockAddr<'a>> {
        if self.ty != ParamType::SockAddr {
            return Option::None;
        }
        SockAddr::decode(self.bytes)
    }

    /// A `SOCKTUPLE` (a connection, read from the kernel socket).
    pub fn as_socktuple(&self) -> Option<SockTuple<'a>> {
        if self.ty != ParamType::SockTuple {
            return Option::None;
        }
        SockTuple::decode(self.bytes)
    }

    /// An `FDLIST`: `(fd, flags)` pairs. `None` if the count does not match
    /// the length.
    pub fn as_fdlist(&self) -> Option<FdList<'a>> {
        if self.ty != ParamType::FdList || self.bytes.len() < 2 {
            return Option::None;
        }
        let count = u16_at(self.bytes, 0) as usize;
        let body = &self.bytes[2..];
        (body.len() == count * 10).then_some(FdList { body })
    }

    /// The NUL-terminated strings of an argv/env-like parameter (execve
    /// `args` and `env`, clone `cgroups`, `CHARBUFARRAY`): each string without
    /// its NUL; a last string without a NUL is returned too.
    pub fn as_charbuf_array(&self) -> CharBufs<'a> {
        CharBufs { rest: self.bytes }
    }

    /// The strings of a `CHARBUF_PAIR_ARRAY`, two by two.
    pub fn as_pair_array(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> {
        let mut it = CharBufs { rest: self.bytes };
        std::iter::from_fn(move || Some((it.next()?, it.next()?)))
    }

    /// A `DYN` parameter: the type selected by its first byte and the value
    /// after it. `None` if the index is outside the parameter's table.
    pub fn as_dyn(&self) -> Option<Param<'a>> {
        if self.ty != ParamType::Dyn {
            return Option::None;
        }
        let (&idx, rest) = self.bytes.split_first()?;
        let ParamExtra::Dynamic(types) = self.info?.extra else {
            return Option::None;
        };
        let info = types.get(idx as usize)?;
        Some(Param {
            info: Some(info),
            ty: info.ty,
            bytes: rest,
        })
    }
}

impl fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("<empty>");
        }
        if let Some(s) = self.as_str_lossy() {
            return write!(f, "{s:?}");
        }
        if let Some(v) = self.as_i64() {
            return write!(f, "{v}");
        }
        if let Some(a) = self.as_sockaddr() {
            return write!(f, "{a:?}");
        }
        if let Some(t) = self.as_socktuple() {
            return write!(f, "{t:?}");
        }
        write!(f, "{} bytes", self.bytes.len())
    }
}

fn until_nul(b: &[u8]) -> &[u8] {
    match b.iter().position(|&c| c == 0) {
        Some(i) => &b[..i],
        None => b,
    }
}

fn ip_from(b: &[u8]) -> Option<IpAddr> {
    match b.len() {
        4 => Some(IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3]))),
        16 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(b);
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

fn v4(b: &[u8], off: usize) -> Option<Ipv4Addr> {
    let s = b.get(off..off + 4)?;
    Some(Ipv4Addr::new(s[0], s[1], s[2], s[3]))
}

fn v6(b: &[u8], off: usize) -> Option<Ipv6Addr> {
    let s = b.get(off..off + 16)?;
    let mut a = [0u8; 16];
    a.copy_from_slice(s);
    Some(Ipv6Addr::from(a))
}

fn port(b: &[u8], off: usize) -> Option<u16> {
    b.get(off..off + 2).map(|_| u16_at(b, off))
}

/// A decoded `SOCKADDR` parameter. Ports are in host order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockAddr<'a> {
    /// `AF_INET`: 7 bytes.
    Inet {
        /// Address.
        addr: Ipv4Addr,
        /// Port.
        port: u16,
    },
    /// `AF_INET6`: 19 bytes.
    Inet6 {
        /// Address.
        addr: Ipv6Addr,
        /// Port.
        port: u16,
    },
    /// `AF_UNIX`: the path (without NUL; abstract sockets lose their leading NUL).
    Unix {
        /// The path bytes.
        path: &'a [u8],
    },
    /// Another family: only its code.
    Other {
        /// The family byte.
        family: u8,
    },
}

impl<'a> SockAddr<'a> {
    /// Decodes the bytes of a `SOCKADDR` parameter; `None` if empty or
    /// truncated.
    pub fn decode(b: &'a [u8]) -> Option<SockAddr<'a>> {
        let (&fam, _) = b.split_first()?;
        Some(match fam {
            family::INET => SockAddr::Inet {
                addr: v4(b, 1)?,
                port: port(b, 5)?,
            },
            family::INET6 => SockAddr::Inet6 {
                addr: v6(b, 1)?,
                port: port(b, 17)?,
            },
            family::UNIX => SockAddr::Unix {
                path: until_nul(&b[1..]),
            },
            other => SockAddr::Other { family: other },
        })
    }

    /// The encoding of this address.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::new();
        match *self {
            SockAddr::Inet { addr, port } => {
                v.push(family::INET);
                v.extend_from_slice(&addr.octets());
                v.extend_from_slice(&port.to_le_bytes());
            }
            SockAddr::Inet6 { addr, port } => {
                v.push(family::INET6);
                v.extend_from_slice(&addr.octets());
                v.extend_from_slice(&port.to_le_bytes());
            }
            SockAddr::Unix { path } => {
                v.push(family::UNIX);
                v.extend_from_slice(path);
                v.push(0);
            }
            SockAddr::Other { family } => v.push(family),
        }
        v
    }
}

/// A decoded `SOCKTUPLE` parameter: source then destination (client to
/// server for TCP). Ports are in host order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockTuple<'a> {
    /// IPv4: 13 bytes.
    Inet {
        /// Source address.
        sip: Ipv4Addr,
        /// Source port.
        sport: u16,
        /// Destination address.
        dip: Ipv4Addr,
        /// Destination port.
        dport: u16,
    },
    /// IPv6: 37 bytes.
    Inet6 {
        /// Source address.
        sip: Ipv6Addr,
        /// Source port.
        sport: u16,
        /// Destination address.
        dip: Ipv6Addr,
        /// Destination port.
        dport: u16,
    },
    /// Unix: two kernel socket pointers and a path.
    Unix {
        /// Source socket (kernel pointer).
        source: u64,
        /// Destination socket (kernel pointer).
        dest: u64,
        /// The path, without NUL.
        path: &'a [u8],
    },
    /// Another family: only its code.
    Other {
        /// The family byte.
        family: u8,
    },
}

impl<'a> SockTuple<'a> {
    /// Decodes the bytes of a `SOCKTUPLE` parameter; `None` if empty or
    /// truncated.
    pub fn decode(b: &'a [u8]) -> Option<SockTuple<'a>> {
        let (&fam, _) = b.split_first()?;
        Some(match fam {
            family::INET => SockTuple::Inet {
                sip: v4(b, 1)?,
                sport: port(b, 5)?,
                dip: v4(b, 7)?,
                dport: port(b, 11)?,
            },
            family::INET6 => SockTuple::Inet6 {
                sip: v6(b, 1)?,
                sport: port(b, 17)?,
                dip: v6(b, 19)?,
                dport: port(b, 35)?,
            },
            family::UNIX => {
                b.get(..17)?;
                SockTuple::Unix {
                    source: u64_at(b, 1),
                    dest: u64_at(b, 9),
                    path: until_nul(&b[17..]),
                }
            }
            other => SockTuple::Other { family: other },
        })
    }

    /// The encoding of this tuple.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::new();
        match *self {
            SockTuple::Inet {
                sip,
                sport,
                dip,
                dport,
            } => {
                v.push(family::INET);
                v.extend_from_slice(&sip.octets());
                v.extend_from_slice(&sport.to_le_bytes());
                v.extend_from_slice(&dip.octets());
                v.extend_from_slice(&dport.to_le_bytes());
            }
            SockTuple::Inet6 {
                sip,
                sport,
                dip,
                dport,
            } => {
                v.push(family::INET6);
                v.extend_from_slice(&sip.octets());
                v.extend_from_slice(&sport.to_le_bytes());
                v.extend_from_slice(&dip.octets());
                v.extend_from_slice(&dport.to_le_bytes());
            }
            SockTuple::Unix { source, dest, path } => {
                v.push(family::UNIX);
                v.extend_from_slice(&source.to_le_bytes());
                v.extend_from_slice(&dest.to_le_bytes());
                v.extend_from_slice(path);
                v.push(0);
            }
            SockTuple::Other { family } => v.push(family),
        }
        v
    }
}

/// The `(fd, flags)` pairs of an `FDLIST` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FdList<'a> {
    body: &'a [u8],
}

impl<'a> FdList<'a> {
    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.body.len() / 10
    }

    /// True if there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The pairs: fd and PPM-encoded poll flags.
    pub fn iter(&self) -> impl Iterator<Item = (i64, u16)> + 'a {
        self.body
            .chunks_exact(10)
            .map(|c| (u64_at(c, 0) as i64, u16_at(c, 8)))
    }
}

/// Iterator over NUL-terminated strings placed back to back.
#[derive(Clone, Debug)]
pub struct CharBufs<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for CharBufs<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        match self.rest.iter().position(|&c| c == 0) {
            Some(i) => {
                let s = &self.rest[..i];
                self.rest = &self.rest[i + 1..];
                Some(s)
            }
            None => {
                let s = self.rest;
                self.rest = &[];
                Some(s)
            }
        }
    }
}

/// An event that owns its bytes. Always well formed (it parses with
/// [`Event::parse_allowing_extra`]).
#[derive(Clone, PartialEq, Eq)]
pub struct OwnedEvent {
    bytes: Vec<u8>,
}

impl OwnedEvent {
    /// Takes ownership of the bytes of an event, checking them.
    pub fn from_vec(bytes: Vec<u8>) -> Result<OwnedEvent, DecodeError> {
        let e = Event::parse_allowing_extra(&bytes)?;
        let len = e.len() as usize;
        let mut bytes = bytes;
        bytes.truncate(len);
        Ok(OwnedEvent { bytes })
    }

    /// Builds an event from raw parameter encodings (each exactly the bytes
    /// of one parameter; an empty slice is an empty parameter).
    pub fn from_raw_params(
        ts: u64,
        tid: u64,
        code: u16,
        params: &[&[u8]],
    ) -> Result<OwnedEvent, BuildError> {
        let mut bytes = Vec::new();
        encode_raw(&mut bytes, ts, tid, code, params.iter().copied())?;
        Ok(OwnedEvent { bytes })
    }

    /// A view of this event.
    pub fn as_event(&self) -> Event<'_> {
        match Event::parse_allowing_extra(&self.bytes) {
            Ok(e) => e,
            // The constructors only ever store well-formed events.
            Err(e) => unreachable!("an OwnedEvent is always well formed: {e}"),
        }
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, by value.
    pub fn into_vec(self) -> Vec<u8> {
        self.bytes
    }
}

impl fmt::Debug for OwnedEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_event().fmt(f)
    }
}

/// Writes an event made of raw parameter encodings into `out` (cleared
/// first).
pub(crate) fn encode_raw<'p>(
    out: &mut Vec<u8>,
    ts: u64,
    tid: u64,
    code: u16,
    params: impl ExactSizeIterator<Item = &'p [u8]> + Clone,
) -> Result<(), BuildError> {
    let info = table::event_info(code).ok_or(BuildError::UnknownType { code })?;
    let n = params.len();
    if n > MAX_EVENT_PARAMS {
        return Err(BuildError::TooManyParams {
            code,
            nparams: n,
            max: MAX_EVENT_PARAMS,
        });
    }
    let ls = if info.has_large_payload() { 4 } else { 2 };
    let mut total = HEADER_LEN + n * ls;
    for (i, p) in params.clone().enumerate() {
        if ls == 2 && p.len() > u16::MAX as usize {
            return Err(BuildError::ParamTooLong {
                index: i,
                len: p.len(),
            });
        }
        total += p.len();
    }
    let len = u32::try_from(total).map_err(|_| BuildError::EventTooLong { len: total })?;
    out.clear();
    out.reserve(total);
    out.extend_from_slice(
        &EventHeader {
            ts,
            tid,
            len,
            code,
            nparams: n as u32,
        }
        .to_bytes(),
    );
    for p in params.clone() {
        if ls == 4 {
            out.extend_from_slice(&(p.len() as u32).to_le_bytes());
        } else {
            out.extend_from_slice(&(p.len() as u16).to_le_bytes());
        }
    }
    for p in params {
        out.extend_from_slice(p);
    }
    Ok(())
}

/// Why an event could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// The code is not in the table.
    #[error("unknown event type {code}")]
    UnknownType {
        /// The code.
        code: u16,
    },
    /// More parameters than allowed.
    #[error("event type {code}: {nparams} parameters, at most {max} allowed")]
    TooManyParams {
        /// The code.
        code: u16,
        /// Parameters given.
        nparams: usize,
        /// The most allowed.
        max: usize,
    },
    /// A value does not fit the parameter's type.
    #[error("parameter {index} ({name}) has type {ty}, which cannot hold {value}")]
    TypeMismatch {
        /// Index of the parameter.
        index: usize,
        /// Its name.
        name: &'static str,
        /// Its type.
        ty: ParamType,
        /// What was given.
        value: &'static str,
    },
    /// A parameter is longer than its 16-bit length allows.
    #[error("parameter {index} is {len} bytes, more than the 65535 a 16-bit length holds")]
    ParamTooLong {
        /// Index of the parameter.
        index: usize,
        /// Its length.
        len: usize,
    },
    /// The whole event is longer than a 32-bit length allows.
    #[error("event of {len} bytes is too long")]
    EventTooLong {
        /// Its length.
        len: usize,
    },
}

/// A typed value for [`EventBuilder`]. Each is encoded as the target
/// parameter's type requires.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'v> {
    /// An empty parameter (length 0).
    Empty,
    /// A signed integer, for any fixed-size integer-like type (written in the
    /// type's width).
    Int(i64),
    /// An unsigned integer, for any fixed-size integer-like type.
    Uint(u64),
    /// A boolean (`BOOL`).
    Bool(bool),
    /// A float (`DOUBLE`).
    Double(f64),
    /// A string for `CHARBUF`/`FSPATH`/`FSRELPATH` (a NUL is appended).
    Str(&'v str),
    /// Bytes for `BYTEBUF`, `CHARBUFARRAY`, ... (written as given); for a
    /// string type, a NUL is appended.
    Bytes(&'v [u8]),
    /// An IP address for `IPV4ADDR`/`IPV6ADDR`/`IPADDR`.
    Ip(IpAddr),
    /// A `SOCKADDR`.
    SockAddr(SockAddr<'v>),
    /// A `SOCKTUPLE`.
    SockTuple(SockTuple<'v>),
    /// An `FDLIST`.
    FdList(&'v [(i64, u16)]),
    /// Pre-encoded bytes, written as given whatever the type.
    Raw(&'v [u8]),
}

impl Value<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Value::Empty => "an empty value",
            Value::Int(_) => "an integer",
            Value::Uint(_) => "an unsigned integer",
            Value::Bool(_) => "a boolean",
            Value::Double(_) => "a double",
            Value::Str(_) => "a string",
            Value::Bytes(_) => "bytes",
            Value::Ip(_) => "an IP address",
            Value::SockAddr(_) => "a socket address",
            Value::SockTuple(_) => "a socket tuple",
            Value::FdList(_) => "an fd list",
            Value::Raw(_) => "raw bytes",
        }
    }
}

fn encode_value(ty: ParamType, v: &Value<'_>) -> Option<Vec<u8>> {
    use ParamType as T;
    let is_str = matches!(ty, T::CharBuf | T::FsPath | T::FsRelPath);
    Some(match *v {
        Value::Empty => Vec::new(),
        Value::Raw(b) => b.to_vec(),
        Value::Int(i) if ty != T::Double && ty != T::Bool => {
            let size = ty.fixed_size()?;
            i.to_le_bytes()[..size].to_vec()
        }
        Value::Uint(u) if ty != T::Double && ty != T::Bool => {
            let size = ty.fixed_size()?;
            if size > 8 {
                return None;
            }
            u.to_le_bytes()[..size].to_vec()
        }
        Value::Bool(b) if ty == T::Bool => u32::from(b).to_le_bytes().to_vec(),
        Value::Double(d) if ty == T::Double => d.to_bits().to_le_bytes().to_vec(),
        Value::Str(s) if is_str => {
            let mut b = s.as_bytes().to_vec();
            b.push(0);
            b
        }
        Value::Bytes(b) if is_str => {
            let mut b = b.to_vec();
            b.push(0);
            b
        }
        Value::Bytes(b) if matches!(ty, T::ByteBuf | T::CharBufArray | T::CharBufPairArray) => {
            b.to_vec()
        }
        Value::Ip(IpAddr::V4(a)) if matches!(ty, T::Ipv4Addr | T::IpAddr) => a.octets().to_vec(),
        Value::Ip(IpAddr::V6(a)) if matches!(ty, T::Ipv6Addr | T::IpAddr) => a.octets().to_vec(),
        Value::SockAddr(a) if ty == T::SockAddr => a.encode(),
        Value::SockTuple(t) if ty == T::SockTuple => t.encode(),
        Value::FdList(l) if ty == T::FdList => {
            let n = u16::try_from(l.len()).ok()?;
            let mut b = n.to_le_bytes().to_vec();
            for &(fd, flags) in l {
                b.extend_from_slice(&fd.to_le_bytes());
                b.extend_from_slice(&flags.to_le_bytes());
            }
            b
        }
        _ => return None,
    })
}

/// Builds an [`OwnedEvent`] of a given type from typed values, one per
/// parameter in wire order. Fewer values than the table's parameters give
/// an event with fewer parameters (as old captures have).
///
/// ```
/// use falco_events::event::{EventBuilder, SockAddr, SockTuple, Value};
/// use falco_events::table::codes::PPME_SOCKET_CONNECT_X;
/// use std::net::Ipv4Addr;
///
/// let tuple = SockTuple::Inet {
///     sip: Ipv4Addr::new(10, 0, 0, 1),
///     sport: 40000,
///     dip: Ipv4Addr::new(10, 0, 0, 2),
///     dport: 443,
/// };
/// let e = EventBuilder::new(PPME_SOCKET_CONNECT_X)
///     .values([
///         Value::Int(0),
///         Value::SockTuple(tuple),
///         Value::Int(5),
///         Value::SockAddr(SockAddr::Inet { addr: Ipv4Addr::new(10, 0, 0, 2), port: 443 }),
///     ])
///     .build()
///     .unwrap();
/// let evt = e.as_event();
/// assert_eq!(evt.param_by_name("tuple").unwrap().as_socktuple(), Some(tuple));
///
/// // A value that does not fit the parameter's type is an error.
/// let err = EventBuilder::new(PPME_SOCKET_CONNECT_X).value(Value::Str("x")).build();
/// assert!(err.is_err());
/// ```
#[derive(Clone, Debug)]
pub struct EventBuilder<'v> {
    code: u16,
    ts: u64,
    tid: u64,
    values: Vec<Value<'v>>,
}

impl<'v> EventBuilder<'v> {
    /// A builder for an event of type `code`, with `ts = 0` and `tid = 0`.
    pub fn new(code: u16) -> EventBuilder<'v> {
        EventBuilder {
            code,
            ts: 0,
            tid: 0,
            values: Vec::new(),
        }
    }

    /// Sets the timestamp.
    pub fn ts(mut self, ts: u64) -> Self {
        self.ts = ts;
        self
    }

    /// Sets the thread id.
    pub fn tid(mut self, tid: u64) -> Self {
        self.tid = tid;
        self
    }

    /// Appends the value of the next parameter.
    pub fn value(mut self, v: Value<'v>) -> Self {
        self.values.push(v);
        self
    }

    /// Appends several values.
    pub fn values(mut self, vs: impl IntoIterator<Item = Value<'v>>) -> Self {
        self.values.extend(vs);
        self
    }

    /// Encodes the event.
    pub fn build(&self) -> Result<OwnedEvent, BuildError> {
        let info =
            table::event_info(self.code).ok_or(BuildError::UnknownType { code: self.code })?;
        if self.values.len() > info.params.len() {
            return Err(BuildError::TooManyParams {
                code: self.code,
                nparams: self.values.len(),
                max: info.params.len(),
            });
        }
        let mut encoded = Vec::with_capacity(self.values.len());
        for (i, (v, p)) in self.values.iter().zip(info.params).enumerate() {
            let b = encode_value(p.ty, v).ok_or(BuildError::TypeMismatch {
                index: i,
                name: p.name,
                ty: p.ty,
                value: v.kind(),
            })?;
            encoded.push(b);
        }
        let slices: Vec<&[u8]> = encoded.iter().map(Vec::as_slice).collect();
        OwnedEvent::from_raw_params(self.ts, self.tid, self.code, &slices)
    }
}

//! The event table: every event type the drivers, capture files and plugins
//! can produce, numbered as falcosecurity/libs numbers them (`ppm_event_code`,
//! driver API 10.1.0 / schema 4.5.1), with its name, direction, category,
//! flags and parameter list.
//!
//! # Invariants
//!
//! - Codes are dense, from 0 to [`PPM_EVENT_MAX`]` - 1`; the code is the index
//!   into [`events()`]. Enter events have even codes, exit events odd ones.
//! - The parameters of an event are listed in wire order: a decoder reads the
//!   length array, then parameter `i` has the type `params[i].ty`. An event
//!   read from a newer driver may carry **more** parameters than the table
//!   lists (libs only ever appends parameters); a decoder reads the ones it
//!   knows and skips the rest. Fewer is also possible in old captures.
//! - Every version of an event keeps the same name (`execve` is codes 12, 13,
//!   ..., 292, 293), so [`codes_for_name`] returns all of them; the older ones
//!   carry [`EventFlags::OLD_VERSION`].
//! - Unused slots are named `NA` and carry [`EventFlags::UNUSED`].
//!
//! The data are transcribed from libs' `driver/event_table.c` into this
//! crate's own format (see `table/data.rs`).
//!
//! # Regenerating the data
//!
//! `table/data.rs` is generated, not edited by hand: the script
//! `falco-events/tools/gen_event_table.py` reads a checkout of
//! falcosecurity/libs (`driver/event_table.c`, `flags_table.c`,
//! `dynamic_params_table.c`, `syscall_table.c`, `syscall_compat_x86_64.h`,
//! `ppm_events_public.h`, `API_VERSION`, `SCHEMA_VERSION`) and writes the
//! file. From the repository root:
//!
//! ```text
//! python3 falco-events/tools/gen_event_table.py ../libs > falco-events/src/table/data.rs
//! python3 falco-events/tools/gen_event_table.py ../libs --check
//! ```
//!
//! `--check` exits 1 with a diff unless the committed file is the output byte
//! for byte; at libs commit `48dfd53cd23f` it is. The Rust names of parameter
//! types and print formats come from [`ParamType`] and [`PrintFormat`] here,
//! matched to libs' values, so a new libs type is added to those enums first.

use std::fmt;

#[rustfmt::skip]
mod data;

pub use data::codes;

/// Number of event codes (`PPM_EVENT_MAX`): valid codes are `0..PPM_EVENT_MAX`.
pub const PPM_EVENT_MAX: u16 = 454;

/// Number of `ppm_sc` syscall codes (`PPM_SC_MAX`).
pub const PPM_SC_MAX: u16 = 454;

/// Size of the native syscall-number table (`SYSCALL_TABLE_SIZE`).
pub const SYSCALL_TABLE_SIZE: usize = 512;

/// Most parameters an event can carry (`PPM_MAX_EVENT_PARAMS`).
pub const MAX_EVENT_PARAMS: usize = 32;

/// The type of an event parameter (libs' `enum ppm_param_type`), with the
/// same numeric values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ParamType {
    /// No type (unused).
    None = 0,
    /// Signed 8-bit integer.
    Int8 = 1,
    /// Signed 16-bit integer.
    Int16 = 2,
    /// Signed 32-bit integer.
    Int32 = 3,
    /// Signed 64-bit integer.
    Int64 = 4,
    /// Unsigned 8-bit integer.
    Uint8 = 5,
    /// Unsigned 16-bit integer.
    Uint16 = 6,
    /// Unsigned 32-bit integer.
    Uint32 = 7,
    /// Unsigned 64-bit integer.
    Uint64 = 8,
    /// NUL-terminated string; the encoded length includes the NUL.
    CharBuf = 9,
    /// Raw bytes without terminator (I/O data, argv/env blobs).
    ByteBuf = 10,
    /// A 64-bit return value; negative values are `-errno`.
    Errno = 11,
    /// A socket address as passed by the user: family byte, then family data.
    SockAddr = 12,
    /// A connection tuple: family byte, then source and destination.
    SockTuple = 13,
    /// A 64-bit file descriptor.
    Fd = 14,
    /// A 64-bit process or thread id.
    Pid = 15,
    /// A 16-bit count, then that many (64-bit fd, 16-bit flags) pairs.
    FdList = 16,
    /// A NUL-terminated absolute or cwd-relative path.
    FsPath = 17,
    /// A 16-bit `ppm_sc` syscall code.
    SyscallId = 18,
    /// An 8-bit signal number.
    SigType = 19,
    /// A 64-bit duration in nanoseconds.
    RelTime = 20,
    /// A 64-bit time in nanoseconds since the epoch.
    AbsTime = 21,
    /// A 16-bit port in host byte order.
    Port = 22,
    /// An 8-bit layer-4 protocol.
    L4Proto = 23,
    /// An 8-bit socket family.
    SockFamily = 24,
    /// A boolean stored on 4 bytes.
    Bool = 25,
    /// A 4-byte IPv4 address in network order.
    Ipv4Addr = 26,
    /// A one-byte index into the parameter's [`ParamExtra::Dynamic`] table,
    /// then a value of the type found there.
    Dyn = 27,
    /// 8-bit PPM-encoded flags.
    Flags8 = 28,
    /// 16-bit PPM-encoded flags.
    Flags16 = 29,
    /// 32-bit PPM-encoded flags.
    Flags32 = 30,
    /// A 32-bit user id; `u32::MAX` means no value.
    Uid = 31,
    /// A 32-bit group id; `u32::MAX` means no value.
    Gid = 32,
    /// An 8-byte floating point number.
    Double = 33,
    /// The low 32 bits of a signal set.
    SigSet = 34,
    /// A run of NUL-terminated strings.
    CharBufArray = 35,
    /// A run of NUL-terminated string pairs (libs-internal).
    CharBufPairArray = 36,
    /// An IPv4 network.
    Ipv4Net = 37,
    /// A 16-byte IPv6 address.
    Ipv6Addr = 38,
    /// An IPv6 network.
    Ipv6Net = 39,
    /// An IPv4 or IPv6 address, told apart by the length.
    IpAddr = 40,
    /// An IPv4 or IPv6 network, told apart by the length.
    IpNet = 41,
    /// A 32-bit file mode in PPM `S_*` bits.
    Mode = 42,
    /// A NUL-terminated path relative to the dirfd parameter named by
    /// [`ParamExtra::DirFd`].
    FsRelPath = 43,
    /// An 8-bit enumeration value.
    EnumFlags8 = 44,
    /// A 16-bit enumeration value.
    EnumFlags16 = 45,
    /// A 32-bit enumeration value.
    EnumFlags32 = 46,
    /// A 32-bit file descriptor (iterator events).
    Fd32 = 47,
    /// A 32-bit process id (iterator events).
    Pid32 = 48,
}

impl ParamType {
    /// Every parameter type, indexed by its numeric value.
    pub const ALL: [ParamType; 49] = [
        ParamType::None,
        ParamType::Int8,
        ParamType::Int16,
        ParamType::Int32,
        ParamType::Int64,
        ParamType::Uint8,
        ParamType::Uint16,
        ParamType::Uint32,
        ParamType::Uint64,
        ParamType::CharBuf,
        ParamType::ByteBuf,
        ParamType::Errno,
        ParamType::SockAddr,
        ParamType::SockTuple,
        ParamType::Fd,
        ParamType::Pid,
        ParamType::FdList,
        ParamType::FsPath,
        ParamType::SyscallId,
        ParamType::SigType,
        ParamType::RelTime,
        ParamType::AbsTime,
        ParamType::Port,
        ParamType::L4Proto,
        ParamType::SockFamily,
        ParamType::Bool,
        ParamType::Ipv4Addr,
        ParamType::Dyn,
        ParamType::Flags8,
        ParamType::Flags16,
        ParamType::Flags32,
        ParamType::Uid,
        ParamType::Gid,
        ParamType::Double,
        ParamType::SigSet,
        ParamType::CharBufArray,
        ParamType::CharBufPairArray,
        ParamType::Ipv4Net,
        ParamType::Ipv6Addr,
        ParamType::Ipv6Net,
        ParamType::IpAddr,
        ParamType::IpNet,
        ParamType::Mode,
        ParamType::FsRelPath,
        ParamType::EnumFlags8,
        ParamType::EnumFlags16,
        ParamType::EnumFlags32,
        ParamType::Fd32,
        ParamType::Pid32,
    ];

    /// The type with libs' numeric value `v`, if there is one.
    pub fn from_u8(v: u8) -> Option<ParamType> {
        ParamType::ALL.get(v as usize).copied()
    }

    /// The type's name as libs spells it, without the `PT_` prefix
    /// (`CHARBUF`, `FSRELPATH`, ...).
    pub fn name(self) -> &'static str {
        PARAM_TYPE_NAMES[self as usize]
    }

    /// The encoded size of a value of this type, for fixed-size types;
    /// `None` for variable-length ones (strings, buffers, addresses, lists,
    /// dynamic values).
    pub fn fixed_size(self) -> Option<usize> {
        use ParamType::*;
        Some(match self {
            Int8 | Uint8 | SigType | L4Proto | SockFamily | Flags8 | EnumFlags8 => 1,
            Int16 | Uint16 | SyscallId | Port | Flags16 | EnumFlags16 => 2,
            Int32 | Uint32 | Bool | Ipv4Addr | Flags32 | Uid | Gid | SigSet | Mode
            | EnumFlags32 | Fd32 | Pid32 => 4,
            Int64 | Uint64 | Errno | Fd | Pid | RelTime | AbsTime | Double => 8,
            Ipv6Addr => 16,
            _ => return Option::None,
        })
    }

    /// The rule-language type a raw value of this parameter has when a rule
    /// reads it directly (`evt.rawarg.NAME`), or `None` when the rule
    /// language has no such type (addresses with ports, fd lists, doubles,
    /// dynamic values, ...).
    pub fn field_type(self) -> Option<falco_rules::FieldType> {
        use falco_rules::FieldType as F;
        use ParamType::*;
        Some(match self {
            Int8 => F::Int8,
            Int16 => F::Int16,
            Int32 => F::Int32,
            Int64 | Errno | Fd | Pid => F::Int64,
            Uint8 | SigType | L4Proto | SockFamily | Flags8 | EnumFlags8 => F::Uint8,
            Uint16 | SyscallId | Flags16 | EnumFlags16 => F::Uint16,
            Port => F::Uint16,
            Uint32 | Flags32 | EnumFlags32 | Uid | Gid | Mode | SigSet => F::Uint32,
            Uint64 | RelTime | AbsTime => F::Uint64,
            Fd32 | Pid32 => F::Int32,
            CharBuf | FsPath | FsRelPath => F::String,
            ByteBuf => F::Bytes,
            Bool => F::Bool,
            Ipv4Addr | Ipv6Addr | IpAddr => F::IpAddr,
            Ipv4Net | Ipv6Net | IpNet => F::IpNet,
            None | SockAddr | SockTuple | FdList | Dyn | Double | CharBufArray
            | CharBufPairArray => return Option::None,
        })
    }
}

const PARAM_TYPE_NAMES: [&str; 49] = [
    "NONE",
    "INT8",
    "INT16",
    "INT32",
    "INT64",
    "UINT8",
    "UINT16",
    "UINT32",
    "UINT64",
    "CHARBUF",
    "BYTEBUF",
    "ERRNO",
    "SOCKADDR",
    "SOCKTUPLE",
    "FD",
    "PID",
    "FDLIST",
    "FSPATH",
    "SYSCALLID",
    "SIGTYPE",
    "RELTIME",
    "ABSTIME",
    "PORT",
    "L4PROTO",
    "SOCKFAMILY",
    "BOOL",
    "IPV4ADDR",
    "DYN",
    "FLAGS8",
    "FLAGS16",
    "FLAGS32",
    "UID",
    "GID",
    "DOUBLE",
    "SIGSET",
    "CHARBUFARRAY",
    "CHARBUF_PAIR_ARRAY",
    "IPV4NET",
    "IPV6ADDR",
    "IPV6NET",
    "IPADDR",
    "IPNET",
    "MODE",
    "FSRELPATH",
    "ENUMFLAGS8",
    "ENUMFLAGS16",
    "ENUMFLAGS32",
    "FD32",
    "PID32",
];

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a numeric parameter is rendered (libs' `enum ppm_print_format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum PrintFormat {
    /// Not a number, or no preference.
    Na = 0,
    /// Decimal.
    Dec = 1,
    /// Hexadecimal.
    Hex = 2,
    /// Decimal, zero-padded to 10 digits (the fractional part of a time).
    PaddedDec10 = 3,
    /// An identifier (printed in decimal).
    Id = 4,
    /// The event direction (`>` or `<`).
    Dir = 5,
    /// Octal.
    Oct = 6,
}

/// A symbolic name for a flag bit or an enumeration value (libs'
/// `ppm_name_value`), e.g. `O_CREAT` for the open-flags bit `1 << 8`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FlagName {
    /// The name, e.g. `O_RDONLY`.
    pub name: &'static str,
    /// The PPM-encoded value (not the raw kernel value).
    pub value: u32,
}

impl FlagName {
    const fn new(name: &'static str, value: u32) -> FlagName {
        FlagName { name, value }
    }
}

/// Extra information attached to a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamExtra {
    /// Nothing.
    None,
    /// For flag and enumeration parameters: the names of the values, in the
    /// order libs prints them.
    Flags(&'static [FlagName]),
    /// For [`ParamType::FsRelPath`]: the index of the parameter holding the
    /// directory fd the path is relative to.
    DirFd(u8),
    /// For [`ParamType::Dyn`]: the possible types, indexed by the byte that
    /// starts the encoded value.
    Dynamic(&'static [ParamInfo]),
}

/// One parameter of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamInfo {
    /// The name (`fd`, `name`, `flags`, ...); what `evt.arg.NAME` refers to.
    /// Empty for the entries of a dynamic-type table.
    pub name: &'static str,
    /// The encoded type.
    pub ty: ParamType,
    /// How a number is printed.
    pub format: PrintFormat,
    /// Flag names, dirfd index or dynamic types.
    pub extra: ParamExtra,
}

impl ParamInfo {
    const fn new(
        name: &'static str,
        ty: ParamType,
        format: PrintFormat,
        extra: ParamExtra,
    ) -> ParamInfo {
        ParamInfo {
            name,
            ty,
            format,
            extra,
        }
    }

    /// The flag or enumeration names of this parameter (empty if it has none).
    pub fn flag_names(&self) -> &'static [FlagName] {
        match self.extra {
            ParamExtra::Flags(f) => f,
            _ => &[],
        }
    }
}

/// Whether an event is the enter or the exit half of its pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Enter event (even code), printed `>`.
    Enter,
    /// Exit event (odd code), printed `<`.
    Exit,
}

impl Direction {
    /// The direction of event `code`: even codes enter, odd codes exit.
    pub fn of(code: u16) -> Direction {
        if code & 1 == 0 {
            Direction::Enter
        } else {
            Direction::Exit
        }
    }

    /// `>` for enter, `<` for exit (what `evt.dir` shows).
    pub fn symbol(self) -> &'static str {
        match self {
            Direction::Enter => ">",
            Direction::Exit => "<",
        }
    }
}

/// The category of an event (libs' `ppm_event_category`): a syscall class in
/// the low bits (file, net, I/O read, ...) OR'ed with one source bit
/// (syscall, tracepoint, plugin, meta-event, iterator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventCategory(pub u32);

impl EventCategory {
    /// Unknown; the category of the unused `NA` slots.
    pub const UNKNOWN: u32 = 0;
    /// No specific class.
    pub const OTHER: u32 = 1;
    /// File operations.
    pub const FILE: u32 = 2;
    /// Network operations.
    pub const NET: u32 = 3;
    /// Inter-process communication.
    pub const IPC: u32 = 4;
    /// Memory operations.
    pub const MEMORY: u32 = 5;
    /// Process operations (fork, exec, ...).
    pub const PROCESS: u32 = 6;
    /// Sleeping.
    pub const SLEEP: u32 = 7;
    /// System operations (reboot, modules, ...).
    pub const SYSTEM: u32 = 8;
    /// Signals.
    pub const SIGNAL: u32 = 9;
    /// User and group operations.
    pub const USER: u32 = 10;
    /// Time operations.
    pub const TIME: u32 = 11;
    /// User-level processing (never a syscall).
    pub const PROCESSING: u32 = 12;
    /// Generic I/O read (file, socket, pipe, ...).
    pub const IO_READ: u32 = 32;
    /// Generic I/O write.
    pub const IO_WRITE: u32 = 33;
    /// Generic I/O that neither reads nor writes.
    pub const IO_OTHER: u32 = 34;
    /// Waiting.
    pub const WAIT: u32 = 1 << 6;
    /// Scheduler events.
    pub const SCHEDULER: u32 = 1 << 7;
    /// Events made by the libraries themselves.
    pub const INTERNAL: u32 = 1 << 8;
    /// Source bit: made by a syscall.
    pub const SYSCALL: u32 = 1 << 9;
    /// Source bit: made by a kernel tracepoint.
    pub const TRACEPOINT: u32 = 1 << 10;
    /// Source bit: made by a plugin.
    pub const PLUGIN: u32 = 1 << 11;
    /// Source bit: a meta-event (notification or enrichment).
    pub const METAEVENT: u32 = 1 << 12;
    /// Source bit: made by a kernel iterator.
    pub const ITER: u32 = 1 << 13;

    const SOURCE_MASK: u32 =
        Self::SYSCALL | Self::TRACEPOINT | Self::PLUGIN | Self::METAEVENT | Self::ITER;

    /// The class part (one of [`FILE`](Self::FILE), [`NET`](Self::NET), ...).
    pub fn class(self) -> u32 {
        self.0 & !Self::SOURCE_MASK
    }

    /// The source part (one of [`SYSCALL`](Self::SYSCALL),
    /// [`TRACEPOINT`](Self::TRACEPOINT), ..., or 0).
    pub fn source(self) -> u32 {
        self.0 & Self::SOURCE_MASK
    }

    /// A lowercase name for the class: `file`, `net`, `ipc`, `io_read`, ...
    pub fn class_name(self) -> &'static str {
        match self.class() {
            Self::OTHER => "other",
            Self::FILE => "file",
            Self::NET => "net",
            Self::IPC => "ipc",
            Self::MEMORY => "memory",
            Self::PROCESS => "process",
            Self::SLEEP => "sleep",
            Self::SYSTEM => "system",
            Self::SIGNAL => "signal",
            Self::USER => "user",
            Self::TIME => "time",
            Self::PROCESSING => "processing",
            Self::IO_READ => "io_read",
            Self::IO_WRITE => "io_write",
            Self::IO_OTHER => "io_other",
            Self::WAIT => "wait",
            Self::SCHEDULER => "scheduler",
            Self::INTERNAL => "internal",
            _ => "unknown",
        }
    }
}

/// Flags of an event (libs' `ppm_event_flags`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EventFlags(pub u32);

impl EventFlags {
    /// Creates a file descriptor (open, socket, ...).
    pub const CREATES_FD: EventFlags = EventFlags(1);
    /// Destroys a file descriptor (close).
    pub const DESTROYS_FD: EventFlags = EventFlags(1 << 1);
    /// Operates on a file descriptor given in a parameter.
    pub const USES_FD: EventFlags = EventFlags(1 << 2);
    /// Reads from a file descriptor.
    pub const READS_FROM_FD: EventFlags = EventFlags(1 << 3);
    /// Writes to a file descriptor.
    pub const WRITES_TO_FD: EventFlags = EventFlags(1 << 4);
    /// Changes the tracked machine state; must not be dropped.
    pub const MODIFIES_STATE: EventFlags = EventFlags(1 << 5);
    /// An unused slot (named `NA`).
    pub const UNUSED: EventFlags = EventFlags(1 << 6);
    /// Waits.
    pub const WAITS: EventFlags = EventFlags(1 << 7);
    /// Does not reset the parser's last-event state.
    pub const SKIP_PARSE_RESET: EventFlags = EventFlags(1 << 8);
    /// An old version of an event, no longer sent by drivers; kept so old
    /// captures decode.
    pub const OLD_VERSION: EventFlags = EventFlags(1 << 9);
    /// Parameter lengths are 32-bit instead of 16-bit.
    pub const LARGE_PAYLOAD: EventFlags = EventFlags(1 << 11);
    /// libscap's capture converter knows how to upgrade this event.
    pub const CONVERTER_MANAGED: EventFlags = EventFlags(1 << 12);

    /// True if every flag of `other` is set in `self`.
    pub fn contains(self, other: EventFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// The description of one event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventInfo {
    /// The name shared by both directions and every version (`open`,
    /// `execve`, ...); `NA` for unused slots.
    pub name: &'static str,
    /// Class and source.
    pub category: EventCategory,
    /// Flags.
    pub flags: EventFlags,
    /// The parameters, in wire order.
    pub params: &'static [ParamInfo],
}

impl EventInfo {
    const fn new(
        name: &'static str,
        category: EventCategory,
        flags: EventFlags,
        params: &'static [ParamInfo],
    ) -> EventInfo {
        EventInfo {
            name,
            category,
            flags,
            params,
        }
    }

    /// The index of the parameter called `name`, if the event has one.
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }

    /// True for old versions kept for captures only.
    pub fn is_old_version(&self) -> bool {
        self.flags.contains(EventFlags::OLD_VERSION)
    }

    /// True for unused slots.
    pub fn is_unused(&self) -> bool {
        self.flags.contains(EventFlags::UNUSED)
    }

    /// True if the parameter lengths of this event are 32-bit.
    pub fn has_large_payload(&self) -> bool {
        self.flags.contains(EventFlags::LARGE_PAYLOAD)
    }
}

/// The whole table, indexed by event code.
pub fn events() -> &'static [EventInfo] {
    &data::EVENTS
}

/// The description of event `code`, or `None` past [`PPM_EVENT_MAX`].
///
/// ```
/// use falco_events::table::{event_info, Direction};
/// let e = event_info(falco_events::table::codes::PPME_SYSCALL_OPENAT_2_X).unwrap();
/// assert_eq!(e.name, "openat");
/// assert_eq!(Direction::of(307), Direction::Exit);
/// assert_eq!(e.params[2].name, "name");
/// ```
pub fn event_info(code: u16) -> Option<&'static EventInfo> {
    data::EVENTS.get(code as usize)
}

/// Every event code whose name is `name`, in increasing order: the enter and
/// exit pair and every older version. Empty for an unknown name.
///
/// This is a plain table lookup, so `syscall` gives the generic pair (0, 1)
/// and `NA` gives every unused slot; for what a rule's `evt.type = NAME`
/// selects, use [`evttype_codes`].
///
/// ```
/// use falco_events::table::codes_for_name;
/// assert_eq!(codes_for_name("openat"), &[102, 103, 306, 307]);
/// ```
pub fn codes_for_name(name: &str) -> &'static [u16] {
    match data::NAME_INDEX.binary_search_by(|(n, _)| (*n).cmp(name)) {
        Ok(i) => data::NAME_INDEX[i].1,
        Err(_) => &[],
    }
}

const GENERIC_CODES: [u16; 2] = [codes::PPME_GENERIC_E, codes::PPME_GENERIC_X];

/// The names of the asynchronous events Falco's `container` plugin (loaded
/// by default since Falco 0.41) registers: `container` when it learns of a
/// container, `container_removed` when one goes away. Each is carried by
/// the event `asyncevent` ([`codes::PPME_ASYNCEVENT_E`], 402), whose `name`
/// parameter holds it and whose `evt.type` it is.
pub const ASYNC_EVENT_NAMES: [&str; 2] = ["container", "container_removed"];

/// What `evt.type = container` selects: the old container meta-events of
/// the table (228, 272, 324) and the plugin's asynchronous event (402).
const CONTAINER_CODES: [u16; 4] = [
    codes::PPME_CONTAINER_E,
    codes::PPME_CONTAINER_JSON_E,
    codes::PPME_CONTAINER_JSON_2_E,
    codes::PPME_ASYNCEVENT_E,
];

/// What `evt.type = container_removed` selects.
const ASYNC_CODES: [u16; 1] = [codes::PPME_ASYNCEVENT_E];

/// True if `name` is the name of an asynchronous event ([`ASYNC_EVENT_NAMES`]).
pub fn is_async_event_name(name: &str) -> bool {
    ASYNC_EVENT_NAMES.contains(&name)
}

/// The event codes a rule condition `evt.type = name` can match, computed as
/// Falco computes a rule's event-type set:
///
/// - the codes of the events called `name`, except the generic pair (0, 1)
///   whose table name `syscall` is never matched this way;
/// - otherwise, if `name` is a syscall without an event of its own
///   ([`is_syscall_name`]), the generic pair `GENERIC_E`/`GENERIC_X`;
/// - an asynchronous event's name ([`ASYNC_EVENT_NAMES`]) also selects
///   `asyncevent` (402), as libsinsp maps the names its plugins register:
///   `container` gives the table's three `container` events and 402;
/// - otherwise nothing.
///
/// ```
/// use falco_events::table::evttype_codes;
/// assert_eq!(evttype_codes("connect"), &[22, 23]);
/// assert_eq!(evttype_codes("getpid"), &[0, 1]); // no event of its own
/// assert_eq!(evttype_codes("container"), &[228, 272, 324, 402]);
/// assert!(evttype_codes("nosuchcall").is_empty());
/// ```
pub fn evttype_codes(name: &str) -> &'static [u16] {
    match name {
        "container" => return &CONTAINER_CODES,
        "container_removed" => return &ASYNC_CODES,
        _ => {}
    }
    let codes = codes_for_name(name);
    if codes.first().is_some_and(|&c| c >= 2) {
        return codes;
    }
    if is_syscall_name(name) {
        return &GENERIC_CODES;
    }
    &[]
}

/// True if `name` is the name of an event in the table (including
/// `syscall` and `NA`, which Falco accepts as `evt.type` values) or of an
/// asynchronous event ([`ASYNC_EVENT_NAMES`]).
pub fn is_event_name(name: &str) -> bool {
    !codes_for_name(name).is_empty() || is_async_event_name(name)
}

/// True if `name` is a syscall (or tracepoint) name libs knows, i.e. the
/// lowercase name of a `ppm_sc` code (`getpid`, `openat`, `sched_switch`, ...).
/// Syscalls without an event of their own are reported through the generic
/// events `GENERIC_E`/`GENERIC_X`.
pub fn is_syscall_name(name: &str) -> bool {
    ppm_sc_code(name).is_some()
}

/// The `ppm_sc` code of the syscall called `name`.
pub fn ppm_sc_code(name: &str) -> Option<u16> {
    data::PPM_SC_SORTED
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| data::PPM_SC_SORTED[i].1)
}

/// The name of `ppm_sc` code `code` (what a generic event's `ID` parameter
/// holds), or `None` past [`PPM_SC_MAX`].
pub fn ppm_sc_name(code: u16) -> Option<&'static str> {
    data::PPM_SC_NAMES.get(code as usize).copied()
}

/// Flags of a syscall-table entry (libs' `syscall_flags`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SyscallFlags(pub u8);

impl SyscallFlags {
    /// The syscall has a dedicated event pair.
    pub const USED: SyscallFlags = SyscallFlags(1);
    /// The event is never dropped by the driver's sampling.
    pub const NEVER_DROP: SyscallFlags = SyscallFlags(1 << 1);
    /// The event is always dropped in sampling mode.
    pub const ALWAYS_DROP: SyscallFlags = SyscallFlags(1 << 2);
    /// The handler must not block.
    pub const ATOMIC: SyscallFlags = SyscallFlags(1 << 4);

    /// True if every flag of `other` is set in `self`.
    pub fn contains(self, other: SyscallFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One entry of the native syscall table: which events a syscall produces.
///
/// As in libs, `enter`/`exit` are only meaningful with [`SyscallFlags::USED`];
/// use [`event_codes`](Self::event_codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SyscallEntry {
    /// Flags.
    pub flags: SyscallFlags,
    /// The enter event code.
    pub enter: u16,
    /// The exit event code.
    pub exit: u16,
    /// The architecture-independent syscall code (`ppm_sc`).
    pub ppm_sc: u16,
}

impl SyscallEntry {
    const EMPTY: SyscallEntry = SyscallEntry::new(SyscallFlags(0), 0, 0, 0);

    const fn new(flags: SyscallFlags, enter: u16, exit: u16, ppm_sc: u16) -> SyscallEntry {
        SyscallEntry {
            flags,
            enter,
            exit,
            ppm_sc,
        }
    }

    /// The (enter, exit) event codes the syscall is reported with: its own
    /// pair if it has one ([`SyscallFlags::USED`]), else the generic pair
    /// `GENERIC_E`/`GENERIC_X` (0, 1), whose `ID` parameter then holds
    /// [`ppm_sc`](Self::ppm_sc).
    pub fn event_codes(&self) -> (u16, u16) {
        if self.flags.contains(SyscallFlags::USED) {
            (self.enter, self.exit)
        } else {
            (codes::PPME_GENERIC_E, codes::PPME_GENERIC_X)
        }
    }

    /// True if the slot describes no syscall.
    pub fn is_empty(&self) -> bool {
        self.flags.0 == 0 && self.ppm_sc == 0
    }
}

/// The x86_64 syscall table, indexed by native syscall number (`orig_rax`).
/// Syscalls without a dedicated event have no [`SyscallFlags::USED`] and are
/// reported with the generic pair (see [`SyscallEntry::event_codes`]);
/// numbers libs does not know are [empty](SyscallEntry::is_empty).
pub fn syscall_table() -> &'static [SyscallEntry; SYSCALL_TABLE_SIZE] {
    &data::SYSCALL_TABLE_X86_64
}

/// The table entry for x86_64 syscall number `nr`, or `None` if libs does
/// not know the number.
///
/// ```
/// use falco_events::table::{syscall_entry, event_info};
/// let e = syscall_entry(257).unwrap(); // openat
/// assert_eq!(event_info(e.exit).unwrap().name, "openat");
/// ```
pub fn syscall_entry(nr: u64) -> Option<&'static SyscallEntry> {
    let e = data::SYSCALL_TABLE_X86_64.get(usize::try_from(nr).ok()?)?;
    (!e.is_empty()).then_some(e)
}

/// The names of the per-fd flags in a [`ParamType::FdList`] parameter
/// (`POLLIN`, `POLLOUT`, ...), as PPM-encoded values.
pub fn poll_flag_names() -> &'static [FlagName] {
    &data::POLL_FLAGS
}

#[cfg(test)]
mod tests;

/// The syscall event numbering as seen by the rule engine: lets
/// `falco_rules` compute each rule's event-type set and index rules by event
/// code.
///
/// ```
/// use falco_events::table::SyscallEventTypes;
/// use falco_rules::evttype::{event_set, EventTypes};
///
/// let e = falco_rules::parse_condition("evt.type in (open, openat) and fd.name = /etc/shadow")?;
/// let set = event_set(&e, &SyscallEventTypes)?;
/// let names: Vec<&str> = set.iter().filter_map(|c| SyscallEventTypes.name_of(c)).collect();
/// assert!(names.iter().all(|n| *n == "open" || *n == "openat"));
/// # Ok::<(), falco_rules::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SyscallEventTypes;

impl falco_rules::evttype::EventTypes for SyscallEventTypes {
    fn num_codes(&self) -> usize {
        PPM_EVENT_MAX as usize
    }

    fn codes_for_name(&self, name: &str, out: &mut falco_rules::evttype::EventSet) {
        for &c in evttype_codes(name) {
            out.insert(c);
        }
    }

    fn name_of(&self, code: u16) -> Option<&str> {
        event_info(code).map(|e| e.name)
    }

    fn type_fields(&self) -> &[&str] {
        &["evt.type", "syscall.type"]
    }

    fn number_field(&self) -> Option<&str> {
        Some("evt.num")
    }
}

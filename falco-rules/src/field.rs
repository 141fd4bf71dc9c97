//! The two traits an event source implements: a [`FieldSchema`] that resolves
//! field names to typed fields at compile time, and a [`FieldExtractor`] that
//! produces a field's values for one event at evaluation time.
//!
//! Values are written into a [`Values`] buffer owned by the evaluator, so an
//! extraction does not allocate once the buffer has grown to its working size.

use std::fmt;
use std::net::IpAddr;

use smallvec::SmallVec;

/// The type of the values a field produces.
///
/// Falco's many numeric kinds (pid, fd, errno, port, mode, timestamps, ...)
/// map to the integer type of their width and signedness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldType {
    /// A character string (Falco's `charbuf`, `fspath`, `fsrelpath`).
    String,
    /// A byte buffer (Falco's `bytebuf`).
    Bytes,
    /// Signed 8-bit integer.
    Int8,
    /// Signed 16-bit integer.
    Int16,
    /// Signed 32-bit integer.
    Int32,
    /// Signed 64-bit integer.
    Int64,
    /// Unsigned 8-bit integer.
    Uint8,
    /// Unsigned 16-bit integer.
    Uint16,
    /// Unsigned 32-bit integer.
    Uint32,
    /// Unsigned 64-bit integer.
    Uint64,
    /// A boolean.
    Bool,
    /// An IPv4 or IPv6 address.
    IpAddr,
    /// An IP network (address and prefix length).
    IpNet,
}

impl FieldType {
    /// True for the integer types.
    #[inline]
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            FieldType::Int8
                | FieldType::Int16
                | FieldType::Int32
                | FieldType::Int64
                | FieldType::Uint8
                | FieldType::Uint16
                | FieldType::Uint32
                | FieldType::Uint64
        )
    }

    /// True for the signed integer types.
    #[inline]
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            FieldType::Int8 | FieldType::Int16 | FieldType::Int32 | FieldType::Int64
        )
    }

    /// The name Falco uses for this type (`charbuf`, `uint64`, `ipaddr`, ...).
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "charbuf",
            FieldType::Bytes => "bytebuf",
            FieldType::Int8 => "int8",
            FieldType::Int16 => "int16",
            FieldType::Int32 => "int32",
            FieldType::Int64 => "int64",
            FieldType::Uint8 => "uint8",
            FieldType::Uint16 => "uint16",
            FieldType::Uint32 => "uint32",
            FieldType::Uint64 => "uint64",
            FieldType::Bool => "bool",
            FieldType::IpAddr => "ipaddr",
            FieldType::IpNet => "ipnet",
        }
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Per-field flags that change how the compiler treats a field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldFlags(u32);

impl FieldFlags {
    /// No flags.
    pub const NONE: FieldFlags = FieldFlags(0);
    /// The field cannot appear on a right-hand side (`val(fd.ip)` is an error).
    pub const NO_RHS: FieldFlags = FieldFlags(1);
    /// The field cannot be wrapped in a transformer.
    pub const NO_TRANSFORMER: FieldFlags = FieldFlags(1 << 1);
    /// The field can be used in conditions only, not in outputs.
    pub const FILTER_ONLY: FieldFlags = FieldFlags(1 << 2);
    /// "Any of" semantics: the extractor yields several candidate values and a
    /// check holds when **any** of them satisfies it; `!=` holds only when
    /// **all** differ. Falco's `fd.ip`/`fd.port` (client or server side) and
    /// `proc.aname` without an argument (any ancestor) work this way. Such a
    /// field takes the operators of its type (so `fd.port > 1024` holds if
    /// either port is above 1024, as in libs), never a transformer, and is
    /// never compared with another field.
    pub const MATCH_ANY: FieldFlags = FieldFlags(1 << 3);
    /// The field is deprecated (a warning is given when used).
    pub const DEPRECATED: FieldFlags = FieldFlags(1 << 4);

    /// True if every flag of `other` is set in `self`.
    #[inline]
    pub fn contains(self, other: FieldFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for FieldFlags {
    type Output = FieldFlags;
    fn bitor(self, rhs: FieldFlags) -> FieldFlags {
        FieldFlags(self.0 | rhs.0)
    }
}

/// The argument of a resolved field, as the schema interpreted `name[arg]`.
///
/// Deliberately exhaustive (unlike the crate's other enums): a bracket
/// argument is absent, a number or a key, and extractors match on all three.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldArg {
    /// No argument.
    None,
    /// A numeric argument such as `proc.aname[2]`.
    Index(i64),
    /// A key argument such as `proc.env[HOME]`.
    Key(Box<str>),
}

/// A field resolved by a [`FieldSchema`]: everything the compiler and the
/// extractor need to know about `name[arg]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// A number the schema chooses to identify the field (an index into its
    /// own table, typically). The extractor receives it back.
    pub id: u32,
    /// The argument, as the schema parsed it.
    pub arg: FieldArg,
    /// The type of each value.
    pub ty: FieldType,
    /// True if the field yields a list of values (Falco's `EPF_IS_LIST`).
    pub is_list: bool,
    /// Flags.
    pub flags: FieldFlags,
}

impl Field {
    /// A single-valued field without argument or flags.
    pub fn new(id: u32, ty: FieldType) -> Field {
        Field {
            id,
            arg: FieldArg::None,
            ty,
            is_list: false,
            flags: FieldFlags::NONE,
        }
    }
}

/// Why a field could not be resolved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// No field of that name exists. Displays as Falco's message
    /// `filter_check called with nonexistent field X`.
    #[error("filter_check called with nonexistent field {0}")]
    Unknown(String),
    /// The field exists but the argument is missing, not allowed or malformed.
    #[error("{0}")]
    BadArgument(String),
}

/// Resolves field names at compile time.
///
/// An implementation knows the fields an event source offers, their types and
/// what arguments they take.
pub trait FieldSchema {
    /// Resolves `name` (with the `[arg]` text, if one was written) to a field.
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError>;

    /// Checks a constant compared with `field`, beyond type conversion: Falco
    /// rejects `evt.type = nosuchevent` with `unknown event type nosuchevent`.
    /// The default accepts everything.
    fn check_value(&self, field: &Field, value: &str) -> Result<(), String> {
        let _ = (field, value);
        Ok(())
    }

    /// The fields the schema offers, described for people: the loader
    /// suggests the nearest one for a misspelt name ("did you mean
    /// `proc.name`?"), the language server shows them on hover and offers
    /// them for completion. The default lists none (no suggestions).
    fn fields(&self) -> Vec<FieldDoc> {
        Vec::new()
    }
}

/// A field as a [`FieldSchema`] describes it to people.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldDoc {
    /// The field name, e.g. `proc.name`.
    pub name: String,
    /// The type of its values.
    pub ty: FieldType,
    /// One sentence on what it holds.
    pub description: String,
}

impl FieldDoc {
    /// A description of field `name`.
    pub fn new(name: impl Into<String>, ty: FieldType, description: impl Into<String>) -> FieldDoc {
        FieldDoc {
            name: name.into(),
            ty,
            description: description.into(),
        }
    }
}

/// Produces field values for one event.
pub trait FieldExtractor {
    /// Pushes the value(s) of `field` for the current event into `out`, and
    /// returns `true`; returns `false` when the field is unavailable for this
    /// event (then every check on it is false, `!=` included).
    ///
    /// `out` is empty on entry. For a single-valued field push exactly one
    /// value; for a list field push zero or more. Push values of the field's
    /// declared [`FieldType`] (`push_str` for `String`, `push_bytes` for
    /// `Bytes`, `push_int` for signed, `push_uint` for unsigned types, ...).
    fn extract(&self, field: &Field, out: &mut Values) -> bool;
}

impl<T: FieldExtractor + ?Sized> FieldExtractor for &T {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        (**self).extract(field, out)
    }
}

/// An IP network: an address and a prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IpNet {
    /// The network address (host bits may be set; they are ignored).
    pub addr: IpAddr,
    /// The prefix length in bits.
    pub prefix: u8,
}

impl IpNet {
    /// Parses `a.b.c.d/len` or `v6addr/len`.
    pub fn parse(s: &str) -> Option<IpNet> {
        let (a, l) = s.split_once('/')?;
        let addr: IpAddr = a.parse().ok()?;
        if l.is_empty() || !l.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let prefix: u8 = l.parse().ok()?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        (prefix <= max).then_some(IpNet { addr, prefix })
    }

    /// True if `ip` is inside this network (false across address families).
    #[inline]
    pub fn contains(&self, ip: &IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = if self.prefix == 0 {
                    0
                } else {
                    u32::MAX << (32 - self.prefix as u32)
                };
                (u32::from(n) & mask) == (u32::from(*a) & mask)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = if self.prefix == 0 {
                    0
                } else {
                    u128::MAX << (128 - self.prefix as u32)
                };
                (u128::from(n) & mask) == (u128::from(*a) & mask)
            }
            _ => false,
        }
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// One extracted value, borrowed from a [`Values`] buffer.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// String or byte-buffer contents.
    Bytes(&'a [u8]),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    Uint(u64),
    /// A boolean.
    Bool(bool),
    /// An IP address.
    Ip(IpAddr),
    /// An IP network.
    Net(IpNet),
}

#[derive(Clone, Copy, Debug)]
enum Slot {
    Bytes(u32, u32),
    Int(i64),
    Uint(u64),
    Bool(bool),
    Ip(IpAddr),
    Net(IpNet),
}

/// A reusable buffer of extracted values: byte contents live in one arena, so
/// extracting strings does not allocate once the arena has grown.
#[derive(Clone, Debug, Default)]
pub struct Values {
    arena: Vec<u8>,
    slots: SmallVec<[Slot; 2]>,
}

impl Values {
    /// An empty buffer.
    pub fn new() -> Values {
        Values::default()
    }

    /// Removes every value, keeping the allocated capacity.
    #[inline]
    pub fn clear(&mut self) {
        self.arena.clear();
        self.slots.clear();
    }

    /// Number of values.
    #[inline]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True if there are no values.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Pushes a string value.
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        self.push_bytes(s.as_bytes());
    }

    /// Pushes a byte-buffer (or raw string) value.
    #[inline]
    pub fn push_bytes(&mut self, b: &[u8]) {
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(b);
        self.slots.push(Slot::Bytes(start, self.arena.len() as u32));
    }

    /// Pushes one byte value that `write` composes in place through a
    /// [`ValueWriter`] (a command line from its words, flag names joined
    /// by `|`, ...): no intermediate `String`, so no allocation once the
    /// arena has grown.
    ///
    /// ```
    /// use falco_rules::Values;
    /// let mut v = Values::new();
    /// v.push_with(|w| {
    ///     w.push_bytes(b"ls");
    ///     for a in ["-l", "/tmp"] {
    ///         w.push_byte(b' ');
    ///         w.push_bytes(a.as_bytes());
    ///     }
    /// });
    /// assert_eq!(v.get(0), falco_rules::Value::Bytes(b"ls -l /tmp"));
    /// ```
    #[inline]
    pub fn push_with(&mut self, write: impl FnOnce(&mut ValueWriter<'_>)) {
        let start = self.arena.len();
        write(&mut ValueWriter {
            buf: &mut self.arena,
            start,
        });
        self.slots
            .push(Slot::Bytes(start as u32, self.arena.len() as u32));
    }

    /// Pushes a signed integer.
    #[inline]
    pub fn push_int(&mut self, v: i64) {
        self.slots.push(Slot::Int(v));
    }

    /// Pushes an unsigned integer.
    #[inline]
    pub fn push_uint(&mut self, v: u64) {
        self.slots.push(Slot::Uint(v));
    }

    /// Pushes a boolean.
    #[inline]
    pub fn push_bool(&mut self, v: bool) {
        self.slots.push(Slot::Bool(v));
    }

    /// Pushes an IP address.
    #[inline]
    pub fn push_ip(&mut self, v: IpAddr) {
        self.slots.push(Slot::Ip(v));
    }

    /// Pushes an IP network.
    #[inline]
    pub fn push_net(&mut self, v: IpNet) {
        self.slots.push(Slot::Net(v));
    }

    /// The value at `i`.
    ///
    /// # Panics
    /// If `i >= self.len()`.
    #[inline]
    pub fn get(&self, i: usize) -> Value<'_> {
        match self.slots[i] {
            Slot::Bytes(s, e) => Value::Bytes(&self.arena[s as usize..e as usize]),
            Slot::Int(v) => Value::Int(v),
            Slot::Uint(v) => Value::Uint(v),
            Slot::Bool(v) => Value::Bool(v),
            Slot::Ip(v) => Value::Ip(v),
            Slot::Net(v) => Value::Net(v),
        }
    }

    /// Iterates over the values in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Value<'_>> + '_ {
        (0..self.slots.len()).map(move |i| self.get(i))
    }
}

/// Writes one value in place for [`Values::push_with`]: it can only
/// append, so the values pushed before stay intact. Also a
/// [`std::fmt::Write`], for numbers and other `Display` values.
#[derive(Debug)]
pub struct ValueWriter<'a> {
    buf: &'a mut Vec<u8>,
    start: usize,
}

impl ValueWriter<'_> {
    /// Appends bytes.
    #[inline]
    pub fn push_bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }

    /// Appends one byte.
    #[inline]
    pub fn push_byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    /// The number of bytes written so far.
    #[inline]
    pub fn len(&self) -> usize {
        self.buf.len() - self.start
    }

    /// True if nothing was written yet.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::fmt::Write for ValueWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_bytes(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipnet_masks_both_sides() {
        let n = IpNet::parse("10.0.0.0/8").unwrap();
        assert!(n.contains(&"10.1.2.3".parse().unwrap()));
        assert!(!n.contains(&"11.1.2.3".parse().unwrap()));
        assert!(!n.contains(&"::1".parse().unwrap()));
        let n6 = IpNet::parse("fe80::/10").unwrap();
        assert!(n6.contains(&"fe80::1".parse().unwrap()));
        assert!(IpNet::parse("10.0.0.0").is_none());
        assert!(IpNet::parse("10.0.0.0/33").is_none());
    }

    #[test]
    fn values_reuse_one_arena() {
        let mut v = Values::new();
        v.push_str("abc");
        v.push_bytes(b"\x00\x01");
        v.push_uint(7);
        assert_eq!(v.len(), 3);
        assert_eq!(v.get(0), Value::Bytes(b"abc"));
        assert_eq!(v.get(1), Value::Bytes(b"\x00\x01"));
        assert_eq!(v.get(2), Value::Uint(7));
        v.clear();
        assert!(v.is_empty());
    }
}

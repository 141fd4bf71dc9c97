//! Reading captures: plain or gzip, every block version libscap reads.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use super::convert::{Converter, Outcome};
use super::metadata::{self, FdTable, MachineInfo, ProcInfo, Truncated};
use super::{block, Metadata};
use crate::event::{Event, EventLayout, HEADER_LEN, V1_HEADER_LEN};
use crate::source::{EventSet, EventSource, SourceError, SourceStats};
use crate::table::{self, codes, PPM_EVENT_MAX};

/// Why a capture cannot be read (at open), or why reading stopped early.
#[derive(Debug, thiserror::Error)]
pub enum ScapError {
    /// Reading failed.
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
    /// The file does not start with a section header block.
    #[error("not a capture file: first block type is {found:#x}, expected a section header block")]
    NotCapture {
        /// The block type found.
        found: u32,
    },
    /// The section header's byte-order magic is wrong (libscap reads only
    /// files written in little-endian).
    #[error("invalid magic number {found:#x}")]
    BadMagic {
        /// The magic found.
        found: u32,
    },
    /// A section header of a major version this reader does not know.
    #[error("capture version {major}.{minor} is newer than this reader (1.x)")]
    Version {
        /// Major version.
        major: u16,
        /// Minor version.
        minor: u16,
    },
    /// The file ends inside a block.
    #[error("capture truncated in a block of type {block_type:#x} at byte {offset}")]
    Truncated {
        /// Type of the block.
        block_type: u32,
        /// Offset of the block in the (uncompressed) stream.
        offset: u64,
    },
    /// A block length too small to hold a block.
    #[error("block of type {block_type:#x} at byte {offset} has invalid length {len}")]
    BadLength {
        /// Type of the block.
        block_type: u32,
        /// The length.
        len: u32,
        /// Offset of the block.
        offset: u64,
    },
    /// A block's trailer disagrees with its header.
    #[error("block of type {block_type:#x} at byte {offset}: length {header} in header, {trailer} in trailer")]
    TrailerMismatch {
        /// Type of the block.
        block_type: u32,
        /// Length in the header.
        header: u32,
        /// Length in the trailer.
        trailer: u32,
        /// Offset of the block.
        offset: u64,
    },
    /// A metadata block whose content does not decode.
    #[error("corrupted {what} in block of type {block_type:#x} at byte {offset}")]
    BadBlock {
        /// What could not be read.
        what: &'static str,
        /// Type of the block.
        block_type: u32,
        /// Offset of the block.
        offset: u64,
    },
    /// The file holds no event block (libscap refuses such files too).
    #[error("no events in file")]
    NoEvents,
}

impl From<ScapError> for SourceError {
    fn from(e: ScapError) -> SourceError {
        match e {
            ScapError::Io(e) => SourceError::Io(e),
            other => SourceError::Format(other.to_string()),
        }
    }
}

enum Input<R: Read> {
    Plain(BufReader<R>),
    Gzip(Box<MultiGzDecoder<BufReader<R>>>),
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Plain(r) => r.read(buf),
            Input::Gzip(r) => r.read(buf),
        }
    }
}

/// Reads as much of `buf` as the input holds; returns the count (less than
/// `buf.len()` only at the end of input).
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A read error while reading a block: a truncated or corrupted gzip
/// stream reads as a truncated capture; other errors stay I/O errors.
fn cut(e: io::Error, block_type: u32, offset: u64) -> ScapError {
    match e.kind() {
        io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput => {
            ScapError::Truncated { block_type, offset }
        }
        _ => ScapError::Io(e),
    }
}

/// One block read from the stream.
struct BlockHead {
    ty: u32,
    offset: u64,
}

fn is_event_block(ty: u32) -> bool {
    matches!(
        ty,
        block::EV
            | block::EV_INT
            | block::EVF
            | block::EV_V2
            | block::EVF_V2
            | block::EV_V2_LARGE
            | block::EVF_V2_LARGE
    )
}

/// Where the event to hand out lives.
#[derive(Clone, Copy)]
enum Loc {
    Block(usize),
    V1,
    Converted,
}

/// A capture file reader: opens plain and gzip `.scap` files, decodes the
/// metadata blocks at open, then hands out events one at a time through
/// [`EventSource`].
///
/// - Events are upgraded to the current schema by a [`Converter`] unless
///   [`set_convert(false)`](Self::set_convert) is called before the first
///   event (then old enter/exit pairs and old versions come as they are
///   stored).
/// - v1 event blocks are rebuilt in the current layout (their `nparams` is
///   recovered from the parameter lengths, as libscap does).
/// - A malformed event, or a corrupted block, is skipped and counted in
///   [`SourceStats::skipped_malformed`]; a file that ends in the middle of a
///   block ends the stream (that block counts as malformed, and
///   [`stop_reason`](Self::stop_reason) says why). Reading never panics.
/// - Metadata blocks met after the first event are decoded into
///   [`metadata`](Self::metadata) too; unknown block types are skipped.
///
/// ```no_run
/// use falco_events::scap::ScapReader;
/// use falco_events::source::EventSource;
///
/// let mut r = ScapReader::open("trace.scap.gz")?;
/// println!("{} threads", r.metadata().procs.len());
/// while let Some(evt) = r.next_event()? {
///     println!("{} {} {:?}", evt.ts(), evt.name(), evt.direction());
/// }
/// println!("{:?}", r.stats());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct ScapReader<R: Read = File> {
    input: Input<R>,
    offset: u64,
    version: (u16, u16),
    meta: Metadata,
    body: Vec<u8>,
    v1: Vec<u8>,
    pending: Option<BlockHead>,
    converter: Option<Converter>,
    filter: Option<EventSet>,
    stats: SourceStats,
    last_cpu: Option<u16>,
    last_flags: u32,
    /// Where the last event handed out lives, and its length.
    last: Option<(Loc, u32)>,
    stop: Option<ScapError>,
    done: bool,
}

impl ScapReader<File> {
    /// Opens the capture at `path` (plain or gzip).
    pub fn open(path: impl AsRef<Path>) -> Result<ScapReader<File>, ScapError> {
        ScapReader::new(File::open(path)?)
    }
}

impl<R: Read> ScapReader<R> {
    /// Reads a capture from `r` (plain or gzip, told apart by the first two
    /// bytes), decoding the section header and the metadata blocks up to
    /// the first event.
    pub fn new(r: R) -> Result<ScapReader<R>, ScapError> {
        let mut buf = BufReader::with_capacity(64 * 1024, r);
        let head = buf.fill_buf()?;
        let input = if head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b {
            Input::Gzip(Box::new(MultiGzDecoder::new(buf)))
        } else {
            Input::Plain(buf)
        };
        let mut rd = ScapReader {
            input,
            offset: 0,
            version: (0, 0),
            meta: Metadata::default(),
            body: Vec::new(),
            v1: Vec::new(),
            pending: None,
            converter: Some(Converter::new()),
            filter: None,
            stats: SourceStats::default(),
            last_cpu: None,
            last_flags: 0,
            last: None,
            stop: None,
            done: false,
        };
        rd.read_header()?;
        loop {
            let head = match rd.read_block()? {
                Some(h) => h,
                None => return Err(ScapError::NoEvents),
            };
            if is_event_block(head.ty) {
                rd.pending = Some(head);
                break;
            }
            rd.handle_metadata(&head)?;
        }
        Ok(rd)
    }

    fn read_header(&mut self) -> Result<(), ScapError> {
        let head = match self.read_block()? {
            Some(h) => h,
            None => return Err(ScapError::NotCapture { found: 0 }),
        };
        if head.ty != block::SHB {
            return Err(ScapError::NotCapture { found: head.ty });
        }
        self.section_header(&head)
    }

    fn section_header(&mut self, head: &BlockHead) -> Result<(), ScapError> {
        let mut c = metadata::Cur::new(&self.body);
        let bad = |_| ScapError::BadLength {
            block_type: head.ty,
            len: 0,
            offset: head.offset,
        };
        let magic = c.u32("section header").map_err(bad)?;
        let major = c.u16("section header").map_err(bad)?;
        let minor = c.u16("section header").map_err(bad)?;
        c.u64("section header").map_err(bad)?;
        // Anything after the 16 bytes is pcapng options: skipped.
        if magic != block::SHB_MAGIC {
            return Err(ScapError::BadMagic { found: magic });
        }
        if major > 1 {
            return Err(ScapError::Version { major, minor });
        }
        self.version = (major, minor);
        Ok(())
    }

    /// Reads the next block into `self.body` (body and padding, without the
    /// trailer). `Ok(None)` at a clean end of input.
    fn read_block(&mut self) -> Result<Option<BlockHead>, ScapError> {
        let offset = self.offset;
        let mut h = [0u8; 8];
        let n = read_full(&mut self.input, &mut h).map_err(|e| cut(e, 0, offset))?;
        if n == 0 {
            return Ok(None);
        }
        let ty = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
        if offset == 0 && ty != block::SHB {
            return Err(ScapError::NotCapture { found: ty });
        }
        if n < 8 {
            return Err(ScapError::Truncated {
                block_type: ty,
                offset,
            });
        }
        let len = u32::from_le_bytes([h[4], h[5], h[6], h[7]]);
        if len < 12 {
            return Err(ScapError::BadLength {
                block_type: ty,
                len,
                offset,
            });
        }
        let body_len = (len - 12) as usize;
        self.body.clear();
        // Grow as data arrives, so a lying length cannot allocate much more
        // than the input holds.
        let got = (&mut self.input)
            .take(body_len as u64)
            .read_to_end(&mut self.body)
            .map_err(|e| cut(e, ty, offset))?;
        let mut t = [0u8; 4];
        if got < body_len || read_full(&mut self.input, &mut t).map_err(|e| cut(e, ty, offset))? < 4
        {
            return Err(ScapError::Truncated {
                block_type: ty,
                offset,
            });
        }
        self.offset += u64::from(len);
        let trailer = u32::from_le_bytes(t);
        if trailer != len {
            return Err(ScapError::TrailerMismatch {
                block_type: ty,
                header: len,
                trailer,
                offset,
            });
        }
        Ok(Some(BlockHead { ty, offset }))
    }

    /// Decodes a non-event block in `self.body`. A block whose content does
    /// not decode is counted and skipped (the entries read before the error
    /// are kept).
    fn handle_metadata(&mut self, head: &BlockHead) -> Result<(), ScapError> {
        let body = &self.body;
        let res: Result<(), Truncated> = match head.ty {
            block::SHB => return self.section_header(head),
            block::MI | block::MI_INT => {
                MachineInfo::decode(body).map(|mi| self.meta.machine = Some(mi))
            }
            t if metadata::is_pl(t) => ProcInfo::decode_block(t, body, &mut self.meta.procs),
            block::FDL | block::FDL_INT | block::FDL_V2 => {
                FdTable::decode(head.ty, body).map(|t| self.meta.fds.push(t))
            }
            block::IL | block::IL_INT | block::IL_V2 => {
                metadata::decode_iflist(head.ty, body, &mut self.meta.interfaces)
            }
            block::UL | block::UL_INT | block::UL_V2 => metadata::decode_userlist(
                head.ty,
                body,
                &mut self.meta.users,
                &mut self.meta.groups,
            ),
            _ => Ok(()),
        };
        if let Err(Truncated(what)) = res {
            self.stats.skipped_malformed += 1;
            self.stop_note(ScapError::BadBlock {
                what,
                block_type: head.ty,
                offset: head.offset,
            });
        }
        Ok(())
    }

    fn stop_note(&mut self, e: ScapError) {
        if self.stop.is_none() {
            self.stop = Some(e);
        }
    }

    /// The section header's version (major, minor).
    pub fn version(&self) -> (u16, u16) {
        self.version
    }

    /// The machine, threads, fds, users and interfaces the capture
    /// describes.
    pub fn metadata(&self) -> &Metadata {
        &self.meta
    }

    /// Turns schema conversion on (the default) or off. Off, events come
    /// exactly as stored (v1 events still get the current header).
    pub fn set_convert(&mut self, on: bool) {
        if on {
            if self.converter.is_none() {
                self.converter = Some(Converter::new());
            }
        } else {
            self.converter = None;
        }
    }

    /// The block flags of the last event returned (`SCAP_DF_STATE_ONLY`,
    /// ...; 0 for plain event blocks).
    pub fn last_flags(&self) -> u32 {
        self.last_flags
    }

    /// The first problem met so far: why the stream ended early (a truncated
    /// or corrupted block), or the first corrupted metadata block.
    pub fn stop_reason(&self) -> Option<&ScapError> {
        self.stop.as_ref()
    }

    /// The buffer an event at `loc` starts at (it may continue past it).
    fn loc_bytes(&self, loc: Loc) -> Option<&[u8]> {
        match loc {
            Loc::Block(off) => self.body.get(off..),
            Loc::V1 => Some(&self.v1[..]),
            Loc::Converted => self.converter.as_ref().map(|c| c.output_bytes()),
        }
    }

    /// Decodes the event block in `self.body`; returns where the event to
    /// hand out is and its code, or `None` if the block yields no event.
    fn event_block(&mut self, ty: u32) -> Option<(Loc, EventLayout)> {
        let v2 = matches!(
            ty,
            block::EV_V2 | block::EVF_V2 | block::EV_V2_LARGE | block::EVF_V2_LARGE
        );
        let with_flags = matches!(ty, block::EVF | block::EVF_V2 | block::EVF_V2_LARGE);
        let off = if with_flags { 6 } else { 2 };
        let hdr = if v2 { HEADER_LEN } else { V1_HEADER_LEN };
        let Some(evt) = self.body.get(off..) else {
            self.stats.skipped_malformed += 1;
            return None;
        };
        if evt.len() < hdr {
            self.stats.skipped_malformed += 1;
            return None;
        }
        let cpu = u16::from_le_bytes([self.body[0], self.body[1]]);
        let flags = if with_flags {
            u32::from_le_bytes([self.body[2], self.body[3], self.body[4], self.body[5]])
        } else {
            0
        };
        let code = u16::from_le_bytes([evt[20], evt[21]]);
        if code >= PPM_EVENT_MAX {
            self.stats.skipped_unknown += 1;
            return None;
        }
        let loc = if v2 {
            Loc::Block(off)
        } else {
            if !rebuild_v1(evt, &mut self.v1) {
                self.stats.skipped_malformed += 1;
                return None;
            }
            Loc::V1
        };
        let src = match loc {
            Loc::Block(o) => self.body.get(o..).unwrap_or(&[]),
            _ => &self.v1[..],
        };
        let Ok(e) = Event::parse(src) else {
            self.stats.skipped_malformed += 1;
            return None;
        };
        // The parse is kept: `next_event` views the same bytes again
        // without parsing them twice.
        let (loc, layout) = match self.converter.as_mut().map(|c| (c.convert(&e), c)) {
            None | Some((Ok(Outcome::Pass), _)) => (loc, e.layout()),
            Some((Ok(Outcome::Converted), conv)) => match conv.output() {
                Some(o) => (Loc::Converted, o.layout()),
                None => {
                    self.stats.skipped_malformed += 1;
                    return None;
                }
            },
            Some((Ok(Outcome::Drop), _)) => {
                self.stats.dropped_by_converter += 1;
                return None;
            }
            Some((Err(_), _)) => {
                self.stats.skipped_malformed += 1;
                return None;
            }
        };
        if let Some(f) = &self.filter {
            if !f.contains(layout.code()) {
                self.stats.filtered += 1;
                return None;
            }
        }
        self.last_cpu = Some(cpu);
        self.last_flags = flags;
        Some((loc, layout))
    }
}

/// Rebuilds a v1 event (22-byte header, no `nparams`) in the current layout
/// into `out`: inserts `nparams`, found as the largest count (from the
/// table's down to 0) whose u16 lengths add up exactly to the event length.
fn rebuild_v1(evt: &[u8], out: &mut Vec<u8>) -> bool {
    let len = u32::from_le_bytes([evt[16], evt[17], evt[18], evt[19]]) as usize;
    let code = u16::from_le_bytes([evt[20], evt[21]]);
    if len < V1_HEADER_LEN || len > evt.len() {
        return false;
    }
    // libscap: old notification events declared a length 3 bytes short
    // of what the v2 layout needs.
    let mut new_len = len + 4;
    if code == codes::PPME_NOTIFICATION_E || code == codes::PPME_INFRASTRUCTURE_EVENT_E {
        new_len -= 3;
    }
    let Some(rest) = evt.get(V1_HEADER_LEN..new_len - 4) else {
        return false;
    };
    let Some(info) = table::event_info(code) else {
        return false;
    };
    let body_len = rest.len();
    let mut nparams = None;
    for n in (0..=info.params.len()).rev() {
        if 2 * n > body_len {
            continue;
        }
        let sum: usize = (0..n)
            .map(|i| u16::from_le_bytes([rest[2 * i], rest[2 * i + 1]]) as usize)
            .sum();
        if 2 * n + sum == body_len {
            nparams = Some(n);
            break;
        }
    }
    let Some(n) = nparams else {
        return false;
    };
    out.clear();
    out.extend_from_slice(&evt[..16]);
    out.extend_from_slice(&(new_len as u32).to_le_bytes());
    out.extend_from_slice(&code.to_le_bytes());
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out.extend_from_slice(rest);
    true
}

impl<R: Read> EventSource for ScapReader<R> {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let found = loop {
            if self.done {
                return Ok(None);
            }
            let head = match self.pending.take() {
                Some(h) => h,
                None => match self.read_block() {
                    Ok(Some(h)) => h,
                    Ok(None) => {
                        self.done = true;
                        return Ok(None);
                    }
                    Err(ScapError::Io(e)) => {
                        self.done = true;
                        return Err(SourceError::Io(e));
                    }
                    Err(e @ ScapError::TrailerMismatch { .. }) => {
                        // The block was read whole; its content is suspect.
                        self.stats.skipped_malformed += 1;
                        self.stop_note(e);
                        continue;
                    }
                    Err(e) => {
                        self.stats.skipped_malformed += 1;
                        self.stop_note(e);
                        self.done = true;
                        return Ok(None);
                    }
                },
            };
            if is_event_block(head.ty) {
                if let Some(found) = self.event_block(head.ty) {
                    break found;
                }
            } else if let Err(e) = self.handle_metadata(&head) {
                // A bad section header in the middle of the stream.
                self.stats.skipped_malformed += 1;
                self.stop_note(e);
            }
        };
        let (loc, layout) = found;
        self.stats.events += 1;
        self.last = Some((loc, layout.len()));
        match self.loc_bytes(loc) {
            // The bytes `event_block` parsed, unchanged since.
            Some(b) => Ok(Some(Event::with_layout(b, &layout))),
            None => Ok(None),
        }
    }

    fn last_event_bytes(&self) -> Option<&[u8]> {
        let (loc, len) = self.last?;
        self.loc_bytes(loc)?.get(..len as usize)
    }

    fn stats(&self) -> SourceStats {
        self.stats
    }

    fn set_event_types(&mut self, types: &EventSet) -> Result<(), SourceError> {
        self.filter = Some(*types);
        Ok(())
    }

    fn last_cpu(&self) -> Option<u16> {
        self.last_cpu
    }

    fn events_read(&self) -> Option<u64> {
        let s = &self.stats;
        Some(
            s.events
                + s.filtered
                + s.dropped_by_converter
                + s.skipped_malformed
                + s.skipped_unknown,
        )
    }
}

//! Writing captures as libscap writes them: SHB 1.2, then MI, IL_V2, UL_V2,
//! PL_V9 and one FDL_V2 per thread, then EV_V2/EVF_V2 event blocks (the
//! `_LARGE` kinds for large-payload event types).

use std::io::{self, Write};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::metadata::{encode_iflist, encode_userlist, Out};
use super::{block, flags, Metadata};
use crate::event::Event;

/// Options of a [`ScapWriter`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriterOptions {
    /// Compress the whole file with gzip (as `scap_dump_open` with
    /// `SCAP_COMPRESSION_GZIP`).
    pub gzip: bool,
}

enum Sink<W: Write> {
    Plain(W),
    Gzip(GzEncoder<W>),
}

impl<W: Write> Sink<W> {
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.write_all(b),
            Sink::Gzip(w) => w.write_all(b),
        }
    }
}

/// Writes a capture file block by block.
///
/// The caller writes metadata (if any) before the first event: libscap
/// readers take metadata blocks only before events.
///
/// ```
/// use falco_events::scap::{Metadata, ProcInfo, ScapReader, ScapWriter, WriterOptions};
/// use falco_events::source::EventSource;
/// use falco_events::event::{EventBuilder, Value};
/// use falco_events::table::codes::PPME_SYSCALL_CLOSE_X;
///
/// let meta = Metadata {
///     procs: vec![ProcInfo { tid: 1, pid: 1, comm: "init".into(), ..ProcInfo::default() }],
///     ..Metadata::default()
/// };
/// let close = EventBuilder::new(PPME_SYSCALL_CLOSE_X)
///     .tid(1)
///     .values([Value::Int(0), Value::Int(3)])
///     .build()
///     .unwrap();
/// let mut w = ScapWriter::new(Vec::new(), &WriterOptions { gzip: true }).unwrap();
/// w.write_metadata(&meta).unwrap();
/// w.write_event(&close.as_event(), 0, 0).unwrap();
/// let file = w.finish().unwrap();
/// assert_eq!(&file[..2], &[0x1f, 0x8b]); // gzip
///
/// let mut r = ScapReader::new(&file[..]).unwrap();
/// assert_eq!(r.metadata().procs[0].comm, "init");
/// assert_eq!(r.next_event().unwrap().unwrap().name(), "close");
/// ```
pub struct ScapWriter<W: Write> {
    sink: Sink<W>,
}

fn padded(len: usize) -> usize {
    (len + 3) & !3
}

impl<W: Write> ScapWriter<W> {
    /// Starts a capture on `w`, writing the section header block (version
    /// 1.2, 28 bytes, no options).
    pub fn new(w: W, opts: &WriterOptions) -> io::Result<ScapWriter<W>> {
        let sink = if opts.gzip {
            Sink::Gzip(GzEncoder::new(w, Compression::default()))
        } else {
            Sink::Plain(w)
        };
        let mut wr = ScapWriter { sink };
        let mut body = Out::default();
        body.u32(block::SHB_MAGIC);
        body.u16(1);
        body.u16(2);
        body.u64(u64::MAX);
        wr.write_block(block::SHB, &body.b)?;
        Ok(wr)
    }

    /// Writes one block: header, body, zero padding, trailer.
    pub fn write_block(&mut self, block_type: u32, body: &[u8]) -> io::Result<()> {
        self.write_block_parts(block_type, &[body])
    }

    fn write_block_parts(&mut self, block_type: u32, parts: &[&[u8]]) -> io::Result<()> {
        let body_len: usize = parts.iter().map(|p| p.len()).sum();
        let total = padded(8 + body_len + 4);
        let total32 = u32::try_from(total)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "block too large"))?;
        let mut head = [0u8; 8];
        head[..4].copy_from_slice(&block_type.to_le_bytes());
        head[4..].copy_from_slice(&total32.to_le_bytes());
        self.sink.write_all(&head)?;
        for p in parts {
            self.sink.write_all(p)?;
        }
        let pad = total - 12 - body_len;
        self.sink.write_all(&[0u8; 3][..pad])?;
        self.sink.write_all(&total32.to_le_bytes())
    }

    /// Writes the metadata blocks that are present, in libscap's order: MI,
    /// IL, UL, PL, then one FDL per thread.
    pub fn write_metadata(&mut self, m: &Metadata) -> io::Result<()> {
        if let Some(mi) = &m.machine {
            let mut o = Out::default();
            mi.encode(&mut o);
            self.write_block(block::MI, &o.b)?;
        }
        if !m.interfaces.is_empty() {
            let mut o = Out::default();
            encode_iflist(&m.interfaces, &mut o);
            self.write_block(block::IL_V2, &o.b)?;
        }
        if !m.users.is_empty() || !m.groups.is_empty() {
            let mut o = Out::default();
            encode_userlist(&m.users, &m.groups, &mut o);
            self.write_block(block::UL_V2, &o.b)?;
        }
        if !m.procs.is_empty() {
            let mut o = Out::default();
            for p in &m.procs {
                p.encode_v9(&mut o);
            }
            self.write_block(block::PL_V9, &o.b)?;
        }
        for t in &m.fds {
            let mut o = Out::default();
            t.encode_v2(&mut o);
            self.write_block(block::FDL_V2, &o.b)?;
        }
        Ok(())
    }

    /// Writes one event, read on CPU `cpu`, with block flags `flags`
    /// ([`flags::STATE_ONLY`]; 0 for none): an EV_V2 block, or EVF_V2 when
    /// flags are set; the `_LARGE` kinds for large-payload event types.
    pub fn write_event(&mut self, e: &Event<'_>, cpu: u16, flags: u32) -> io::Result<()> {
        let large = e.info().has_large_payload() || flags & flags::LARGE != 0;
        let flags = flags & !flags::LARGE;
        let cpu = cpu.to_le_bytes();
        if flags == 0 {
            let ty = if large {
                block::EV_V2_LARGE
            } else {
                block::EV_V2
            };
            self.write_block_parts(ty, &[&cpu, e.as_bytes()])
        } else {
            let ty = if large {
                block::EVF_V2_LARGE
            } else {
                block::EVF_V2
            };
            let f = flags.to_le_bytes();
            self.write_block_parts(ty, &[&cpu, &f, e.as_bytes()])
        }
    }

    /// Flushes and finishes the file (the gzip trailer, if compressing) and
    /// returns the underlying writer.
    pub fn finish(self) -> io::Result<W> {
        match self.sink {
            Sink::Plain(mut w) => {
                w.flush()?;
                Ok(w)
            }
            Sink::Gzip(g) => {
                let mut w = g.finish()?;
                w.flush()?;
                Ok(w)
            }
        }
    }
}

//! Writing captures back: what we write reads back to the same events and
//! metadata; broken files are skipped and counted, never a panic.

mod common;

use common::{capture, read_all, CAPTURES};
use falco_events::event::{EventBuilder, OwnedEvent, Value};
use falco_events::scap::{flags, ScapError, ScapReader, ScapWriter, WriterOptions};
use falco_events::source::EventSource;
use falco_events::table::codes;

/// Events with their CPU.
type Events = Vec<(OwnedEvent, u16)>;

/// Reads `name`, writes it back (converted or not, gzip or not) and returns
/// the original events, the written bytes and the original reader.
fn rewrite(name: &str, convert: bool, gzip: bool) -> Option<(Events, Vec<u8>, ScapReader)> {
    let mut r = ScapReader::open(capture(name)?).unwrap();
    r.set_convert(convert);
    let evs = read_all(&mut r);
    let mut w = ScapWriter::new(Vec::new(), &WriterOptions { gzip }).unwrap();
    w.write_metadata(r.metadata()).unwrap();
    for (e, cpu) in &evs {
        w.write_event(&e.as_event(), *cpu, 0).unwrap();
    }
    Some((evs, w.finish().unwrap(), r))
}

#[test]
fn a_rewritten_capture_reads_back_the_same_events_and_metadata() {
    for name in CAPTURES {
        for convert in [false, true] {
            for gzip in [false, true] {
                let Some((evs, bytes, orig)) = rewrite(name, convert, gzip) else {
                    return;
                };
                let mut again = ScapReader::new(&bytes[..]).unwrap();
                again.set_convert(false);
                assert_eq!(again.version(), (1, 2));
                let evs2 = read_all(&mut again);
                assert_eq!(evs2, evs, "{name} convert={convert} gzip={gzip}");
                assert_eq!(again.metadata(), orig.metadata(), "{name}");
                assert_eq!(again.stats().skipped_malformed, 0);
            }
        }
    }
}

#[test]
fn converting_a_rewritten_raw_capture_equals_converting_the_original() {
    for name in CAPTURES {
        let Some((_, bytes, _)) = rewrite(name, false, false) else {
            return;
        };
        let mut a = ScapReader::new(&bytes[..]).unwrap();
        let mut b = ScapReader::open(capture(name).unwrap()).unwrap();
        assert_eq!(read_all(&mut a), read_all(&mut b), "{name}");
    }
}

#[test]
fn the_writer_frames_blocks_as_libscap_does() {
    let e = EventBuilder::new(codes::PPME_SYSCALL_CLOSE_X)
        .values([Value::Int(0), Value::Int(3)])
        .build()
        .unwrap();
    let mut w = ScapWriter::new(Vec::new(), &WriterOptions::default()).unwrap();
    w.write_event(&e.as_event(), 1, 0).unwrap();
    w.write_event(&e.as_event(), 1, flags::STATE_ONLY).unwrap();
    let b = w.finish().unwrap();
    let u32_at = |o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    // SHB: 28 bytes, magic, version 1.2.
    assert_eq!(u32_at(0), 0x0A0D_0D0A);
    assert_eq!(u32_at(4), 28);
    assert_eq!(u32_at(8), 0x1A2B_3C4D);
    assert_eq!(&b[12..16], &[1, 0, 2, 0]);
    assert_eq!(u32_at(24), 28);
    // EV_V2: 8 + 2 (cpu) + 46 (event) + 4, padded to 60.
    assert_eq!(u32_at(28), 0x216);
    assert_eq!(u32_at(32), 60);
    assert_eq!(&b[36..38], &[1, 0]);
    assert_eq!(u32_at(28 + 56), 60);
    // EVF_V2: 8 + 2 + 4 (flags) + 46 + 4 = 64.
    let evf = 28 + 60;
    assert_eq!(u32_at(evf), 0x217);
    assert_eq!(u32_at(evf + 4), 64);
    assert_eq!(u32_at(evf + 10), flags::STATE_ONLY);
    assert_eq!(b.len(), evf + 64);

    let mut r = ScapReader::new(&b[..]).unwrap();
    r.set_convert(false);
    r.next_event().unwrap().unwrap();
    assert_eq!((r.last_cpu(), r.last_flags()), (Some(1), 0));
    r.next_event().unwrap().unwrap();
    assert_eq!(r.last_flags(), flags::STATE_ONLY);
}

#[test]
fn a_truncated_file_ends_the_stream_with_a_count() {
    let Some((evs, bytes, _)) = rewrite("falco_cat_write.scap", false, false) else {
        return;
    };
    let mut cuts_in_events = 0;
    for cut in (28..bytes.len()).step_by(331).chain([bytes.len() - 1]) {
        let part = &bytes[..cut];
        match ScapReader::new(part) {
            Err(ScapError::Truncated { .. }) | Err(ScapError::NoEvents) => {}
            Err(e) => panic!("cut at {cut}: unexpected error {e}"),
            Ok(mut r) => {
                r.set_convert(false);
                let got = read_all(&mut r);
                assert!(got.len() < evs.len(), "cut at {cut}");
                assert_eq!(&evs[..got.len()], &got[..], "cut at {cut}");
                let s = r.stats();
                assert!(s.skipped_malformed <= 1, "cut at {cut}");
                if s.skipped_malformed == 1 {
                    assert!(matches!(r.stop_reason(), Some(ScapError::Truncated { .. })));
                    cuts_in_events += 1;
                }
            }
        }
    }
    assert!(cuts_in_events > 0);
}

#[test]
fn a_truncated_gzip_file_ends_the_stream_with_a_count() {
    let Some((evs, bytes, _)) = rewrite("falco_cat_write.scap", false, true) else {
        return;
    };
    for cut in [bytes.len() - 300, bytes.len() - 10, bytes.len() - 1] {
        let mut r = ScapReader::new(&bytes[..cut]).unwrap();
        r.set_convert(false);
        let got = read_all(&mut r);
        assert_eq!(&evs[..got.len()], &got[..], "cut at {cut}");
        assert_eq!(r.stats().skipped_malformed, 1, "cut at {cut}");
        assert!(matches!(r.stop_reason(), Some(ScapError::Truncated { .. })));
    }
}

/// Byte offsets of the blocks of a plain capture.
fn block_offsets(b: &[u8]) -> Vec<(usize, u32)> {
    let mut v = Vec::new();
    let mut off = 0;
    while off + 8 <= b.len() {
        let ty = u32::from_le_bytes(b[off..off + 4].try_into().unwrap());
        let len = u32::from_le_bytes(b[off + 4..off + 8].try_into().unwrap()) as usize;
        v.push((off, ty));
        off += len;
    }
    v
}

#[test]
fn a_corrupted_event_block_is_skipped_and_counted() {
    let Some((evs, bytes, _)) = rewrite("falco_cat_write.scap", false, false) else {
        return;
    };
    let events: Vec<usize> = block_offsets(&bytes)
        .into_iter()
        .filter(|(_, ty)| *ty == 0x216)
        .map(|(o, _)| o)
        .collect();
    // Block 10: a bad trailer. Block 20: nparams too big. Block 30: a type
    // newer than the table.
    let mut b = bytes.clone();
    let len10 = u32::from_le_bytes(b[events[10] + 4..events[10] + 8].try_into().unwrap()) as usize;
    b[events[10] + len10 - 4] ^= 0xFF;
    let evt20 = events[20] + 10;
    b[evt20 + 22..evt20 + 26].copy_from_slice(&40u32.to_le_bytes());
    let evt30 = events[30] + 10;
    b[evt30 + 20..evt30 + 22].copy_from_slice(&999u16.to_le_bytes());

    let mut r = ScapReader::new(&b[..]).unwrap();
    r.set_convert(false);
    let got = read_all(&mut r);
    let s = r.stats();
    assert_eq!(s.skipped_malformed, 2);
    assert_eq!(s.skipped_unknown, 1);
    assert_eq!(got.len(), evs.len() - 3);
    let mut want = evs.clone();
    want.remove(30);
    want.remove(20);
    want.remove(10);
    assert_eq!(got, want);
}

#[test]
fn a_corrupted_metadata_block_is_skipped_and_counted() {
    let Some((evs, bytes, _)) = rewrite("falco_cat_write.scap", false, false) else {
        return;
    };
    let (pl, _) = block_offsets(&bytes)
        .into_iter()
        .find(|(_, ty)| *ty == 0x215)
        .unwrap();
    let mut b = bytes.clone();
    // The first entry claims to be longer than the block.
    b[pl + 8..pl + 12].copy_from_slice(&0x00FF_FFFFu32.to_le_bytes());
    let mut r = ScapReader::new(&b[..]).unwrap();
    r.set_convert(false);
    assert_eq!(r.stats().skipped_malformed, 1);
    assert!(matches!(r.stop_reason(), Some(ScapError::BadBlock { .. })));
    assert!(r.metadata().procs.is_empty());
    assert_eq!(read_all(&mut r).len(), evs.len());
}

#[test]
fn files_that_are_not_captures_are_refused_at_open() {
    let shb = |magic: u32, major: u16| {
        let mut b = Vec::new();
        b.extend_from_slice(&0x0A0D_0D0Au32.to_le_bytes());
        b.extend_from_slice(&28u32.to_le_bytes());
        b.extend_from_slice(&magic.to_le_bytes());
        b.extend_from_slice(&major.to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes());
        b.extend_from_slice(&u64::MAX.to_le_bytes());
        b.extend_from_slice(&28u32.to_le_bytes());
        b
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "empty",
            vec![],
            "not a capture file: first block type is 0x0, expected a section header block",
        ),
        (
            "text",
            b"hello world, not a capture".to_vec(),
            "not a capture file: first block type is 0x6c6c6568, expected a section header block",
        ),
        (
            "swapped magic",
            shb(0x4D3C_2B1A, 1),
            "invalid magic number 0x4d3c2b1a",
        ),
        (
            "major version 2",
            shb(0x1A2B_3C4D, 2),
            "capture version 2.0 is newer than this reader (1.x)",
        ),
        (
            "section header only",
            shb(0x1A2B_3C4D, 1),
            "no events in file",
        ),
        (
            "truncated section header",
            shb(0x1A2B_3C4D, 1)[..20].to_vec(),
            "capture truncated in a block of type 0xa0d0d0a at byte 0",
        ),
    ];
    for (what, bytes, msg) in cases {
        let err = ScapReader::new(&bytes[..]).err().unwrap();
        assert_eq!(err.to_string(), msg, "{what}");
    }
}

#[test]
fn mutated_captures_never_panic_and_account_for_every_event() {
    let Some((_, bytes, _)) = rewrite("falco_cat_write.scap", false, false) else {
        return;
    };
    // A fixed xorshift sequence: reproducible mutations.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..200 {
        let mut b = bytes.clone();
        let flips = 1 + (next() % 8) as usize;
        for _ in 0..flips {
            let at = (next() % b.len() as u64) as usize;
            b[at] = next() as u8;
        }
        if round % 10 == 0 {
            let cut = (next() % b.len() as u64) as usize;
            b.truncate(cut);
        }
        for convert in [false, true] {
            let Ok(mut r) = ScapReader::new(&b[..]) else {
                continue;
            };
            r.set_convert(convert);
            let mut n = 0u64;
            while let Ok(Some(e)) = r.next_event() {
                for p in e.params() {
                    let _ = (p.as_i64(), p.as_str(), p.as_sockaddr(), p.as_socktuple());
                    let _ = p.as_charbuf_array().count();
                }
                n += 1;
            }
            assert_eq!(r.stats().events, n, "round {round}");
        }
    }
}

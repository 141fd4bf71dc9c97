//! The event view: malformed buffers give the right error, parameters decode
//! to the values Falco's layout encodes, the builder refuses what does not
//! fit.

use std::net::{Ipv4Addr, Ipv6Addr};

use falco_events::event::{
    BuildError, DecodeError, Event, EventBuilder, OwnedEvent, SockAddr, SockTuple, Value,
};
use falco_events::table::{codes, ParamType};

/// `close` exit: res=0, fd=3 (26 + 2*2 + 8 + 8 = 46 bytes).
fn close_x() -> Vec<u8> {
    EventBuilder::new(codes::PPME_SYSCALL_CLOSE_X)
        .ts(10)
        .tid(20)
        .values([Value::Int(0), Value::Int(3)])
        .build()
        .unwrap()
        .into_vec()
}

fn set_u32(b: &mut [u8], off: usize, v: u32) {
    b[off..off + 4].copy_from_slice(&v.to_le_bytes());
}

fn set_u16(b: &mut [u8], off: usize, v: u16) {
    b[off..off + 2].copy_from_slice(&v.to_le_bytes());
}

#[test]
fn malformed_buffers_give_typed_errors() {
    let good = close_x();
    assert_eq!(good.len(), 46);
    let cases: Vec<(&str, Vec<u8>, DecodeError)> = vec![
        (
            "short header",
            good[..20].to_vec(),
            DecodeError::ShortHeader { available: 20 },
        ),
        (
            "empty buffer",
            vec![],
            DecodeError::ShortHeader { available: 0 },
        ),
        (
            "len larger than the buffer",
            {
                let mut b = good.clone();
                set_u32(&mut b, 16, 60);
                b
            },
            DecodeError::LenPastBuffer {
                len: 60,
                available: 46,
            },
        ),
        (
            "len smaller than the header",
            {
                let mut b = good.clone();
                set_u32(&mut b, 16, 25);
                b
            },
            DecodeError::LenTooSmall { len: 25 },
        ),
        (
            "unknown event type",
            {
                let mut b = good.clone();
                set_u16(&mut b, 20, 454);
                b
            },
            DecodeError::UnknownType { code: 454 },
        ),
        (
            "nparams too big for the type",
            {
                let mut b = good.clone();
                set_u32(&mut b, 22, 3);
                b
            },
            DecodeError::TooManyParams {
                code: codes::PPME_SYSCALL_CLOSE_X,
                name: "close",
                nparams: 3,
                max: 2,
            },
        ),
        (
            "length array past the event",
            {
                // A header-only event claiming two parameters.
                let mut b = good[..28].to_vec();
                set_u32(&mut b, 16, 28);
                b
            },
            DecodeError::LengthArrayOverflow {
                nparams: 2,
                len: 28,
            },
        ),
        (
            "parameter length overflowing the event",
            {
                let mut b = good.clone();
                set_u16(&mut b, 28, 200);
                b
            },
            DecodeError::ParamOverflow {
                index: 1,
                param_len: 200,
                len: 46,
            },
        ),
        (
            "parameter lengths not adding up to len",
            {
                let mut b = good.clone();
                set_u16(&mut b, 28, 4);
                b
            },
            DecodeError::TrailingBytes { end: 42, len: 46 },
        ),
    ];
    for (what, bytes, want) in cases {
        assert_eq!(Event::parse(&bytes).unwrap_err(), want, "{what}");
    }
}

#[test]
fn extra_parameters_are_allowed_only_when_asked() {
    // open exit with 7 parameters: one more than the table knows.
    let mut params: Vec<Vec<u8>> = vec![
        3i64.to_le_bytes().to_vec(),
        b"/x\0".to_vec(),
        1u32.to_le_bytes().to_vec(),
        0u32.to_le_bytes().to_vec(),
        0u32.to_le_bytes().to_vec(),
        0u64.to_le_bytes().to_vec(),
    ];
    params.push(vec![0xAA; 5]);
    let slices: Vec<&[u8]> = params.iter().map(Vec::as_slice).collect();
    let owned = OwnedEvent::from_raw_params(1, 2, codes::PPME_SYSCALL_OPEN_X, &slices).unwrap();
    assert!(matches!(
        Event::parse(owned.as_bytes()),
        Err(DecodeError::TooManyParams {
            nparams: 7,
            max: 6,
            ..
        })
    ));
    let e = Event::parse_allowing_extra(owned.as_bytes()).unwrap();
    assert_eq!(e.nparams(), 7);
    let extra = e.param(6).unwrap();
    assert_eq!(extra.name(), "");
    assert_eq!(extra.ty(), ParamType::ByteBuf);
    assert_eq!(extra.as_bytes(), &[0xAA; 5]);
}

#[test]
fn a_buffer_longer_than_the_event_parses_the_event_only() {
    let mut b = close_x();
    b.extend_from_slice(&[0, 0, 0]); // block padding
    let e = Event::parse(&b).unwrap();
    assert_eq!(e.len(), 46);
    assert_eq!(e.as_bytes().len(), 46);
    assert_eq!(
        (e.ts(), e.tid(), e.code()),
        (10, 20, codes::PPME_SYSCALL_CLOSE_X)
    );
}

#[test]
fn integers_are_sign_extended_for_signed_types_only() {
    let e = EventBuilder::new(codes::PPME_SYSCALL_OPEN_X)
        .values([
            Value::Int(-2),           // fd (FD): ENOENT
            Value::Str("/nope"),      // name
            Value::Uint(0xFFFF_FFFF), // flags (FLAGS32)
            Value::Uint(0o644),       // mode
        ])
        .build()
        .unwrap();
    let e = e.as_event();
    assert_eq!(e.param(0).unwrap().as_i64(), Some(-2));
    assert_eq!(e.param(2).unwrap().as_i64(), Some(0xFFFF_FFFF));
    assert_eq!(e.param(2).unwrap().as_u64(), Some(0xFFFF_FFFF));
    assert_eq!(e.param(3).unwrap().as_u64(), Some(0o644));
    // Strings have no integer value; integers no string value.
    assert_eq!(e.param(1).unwrap().as_u64(), None);
    assert_eq!(e.param(0).unwrap().as_str(), None);
}

#[test]
fn strings_drop_their_nul_and_empty_params_have_no_value() {
    let e = EventBuilder::new(codes::PPME_SYSCALL_OPEN_X)
        .values([Value::Int(3), Value::Str("/etc/passwd"), Value::Empty])
        .build()
        .unwrap();
    let e = e.as_event();
    let name = e.param(1).unwrap();
    assert_eq!(name.as_bytes(), b"/etc/passwd\0");
    assert_eq!(name.as_str(), Some("/etc/passwd"));
    let flags = e.param(2).unwrap();
    assert!(flags.is_empty());
    assert_eq!(flags.as_u64(), None);
    assert_eq!(e.param(3), None);
}

#[test]
fn sockaddr_families_decode() {
    let cases: Vec<(&[u8], Option<SockAddr<'_>>)> = vec![
        (
            &[2, 10, 0, 0, 1, 0x50, 0x00],
            Some(SockAddr::Inet {
                addr: Ipv4Addr::new(10, 0, 0, 1),
                port: 80,
            }),
        ),
        (
            &[
                10, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0xd2, 0x04,
            ],
            Some(SockAddr::Inet6 {
                addr: "2001:db8::3".parse::<Ipv6Addr>().unwrap(),
                port: 1234,
            }),
        ),
        (
            b"\x01/run/nscd/socket\0",
            Some(SockAddr::Unix {
                path: b"/run/nscd/socket",
            }),
        ),
        (&[16], Some(SockAddr::Other { family: 16 })),
        (&[2, 10, 0], None), // truncated IPv4
        (&[], None),
    ];
    for (bytes, want) in cases {
        assert_eq!(SockAddr::decode(bytes), want, "{bytes:?}");
        if let Some(a) = want {
            if !matches!(a, SockAddr::Other { .. }) {
                assert_eq!(a.encode(), bytes);
            }
        }
    }
}

#[test]
fn socktuple_families_decode() {
    let v4 = SockTuple::Inet {
        sip: Ipv4Addr::new(172, 17, 0, 2),
        sport: 40000,
        dip: Ipv4Addr::new(8, 8, 8, 8),
        dport: 53,
    };
    assert_eq!(v4.encode().len(), 13);
    let v6 = SockTuple::Inet6 {
        sip: "2001:db8::4".parse().unwrap(),
        sport: 54405,
        dip: "2001:db8::3".parse().unwrap(),
        dport: 1234,
    };
    assert_eq!(v6.encode().len(), 37);
    let unix = SockTuple::Unix {
        source: 0xffff_8800_0000_1000,
        dest: 0,
        path: b"/var/run/nscd/socket",
    };
    for t in [v4, v6, unix] {
        let b = t.encode();
        assert_eq!(SockTuple::decode(&b), Some(t));
        // Every truncation of a fixed-size tuple is refused.
        if !matches!(t, SockTuple::Unix { .. }) {
            for cut in 1..b.len() {
                assert_eq!(SockTuple::decode(&b[..cut]), None, "{t:?} cut at {cut}");
            }
        }
    }
}

#[test]
fn fdlist_and_charbuf_arrays_decode() {
    let e = EventBuilder::new(codes::PPME_SYSCALL_POLL_X)
        .values([Value::Int(1), Value::FdList(&[(3, 1), (4, 4)])])
        .build()
        .unwrap();
    let fds: Vec<(i64, u16)> = e
        .as_event()
        .param(1)
        .unwrap()
        .as_fdlist()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(fds, [(3, 1), (4, 4)]);

    let e = EventBuilder::new(codes::PPME_SYSCALL_EXECVE_19_X)
        .values([
            Value::Int(0),
            Value::Str("/bin/ls"),
            Value::Bytes(b"-l\0/tmp\0"),
        ])
        .build()
        .unwrap();
    let args: Vec<&[u8]> = e.as_event().param(2).unwrap().as_charbuf_array().collect();
    assert_eq!(args, [&b"-l"[..], b"/tmp"]);
}

#[test]
fn dyn_params_select_their_type_by_the_first_byte() {
    // ptrace exit: res, addr (DYN), data (DYN), request, pid.
    let e = EventBuilder::new(codes::PPME_SYSCALL_PTRACE_X)
        .values([
            Value::Int(0),
            Value::Raw(&[0, 0x10, 0, 0, 0, 0, 0, 0, 0]), // index 0: UINT64
            Value::Raw(&[1, 9]),                         // index 1: SIGTYPE
        ])
        .build()
        .unwrap();
    let e = e.as_event();
    let addr = e.param_by_name("addr").unwrap().as_dyn().unwrap();
    assert_eq!(addr.ty(), ParamType::Uint64);
    assert_eq!(addr.as_u64(), Some(0x10));
    let data = e.param_by_name("data").unwrap().as_dyn().unwrap();
    assert_eq!(data.ty(), ParamType::SigType);
    assert_eq!(data.as_u64(), Some(9));
}

#[test]
fn large_payload_events_use_32_bit_lengths() {
    let json = "x".repeat(70_000);
    let e = EventBuilder::new(codes::PPME_CONTAINER_JSON_2_E)
        .value(Value::Str(&json))
        .build()
        .unwrap();
    let b = e.as_bytes();
    assert_eq!(b.len(), 26 + 4 + 70_001);
    let e = Event::parse(b).unwrap();
    assert_eq!(e.param(0).unwrap().as_str().map(str::len), Some(70_000));
    // The same string does not fit a 16-bit length.
    let err = EventBuilder::new(codes::PPME_CONTAINER_JSON_E)
        .value(Value::Str(&json))
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        BuildError::ParamTooLong {
            index: 0,
            len: 70_001
        }
    );
}

#[test]
fn the_builder_refuses_values_that_do_not_fit() {
    let err = EventBuilder::new(codes::PPME_SYSCALL_CLOSE_X)
        .values([Value::Str("three")])
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        BuildError::TypeMismatch {
            index: 0,
            name: "res",
            ty: ParamType::Errno,
            value: "a string",
        }
    );
    let err = EventBuilder::new(codes::PPME_SYSCALL_CLOSE_X)
        .values([Value::Int(0), Value::Int(1), Value::Int(2)])
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        BuildError::TooManyParams {
            code: codes::PPME_SYSCALL_CLOSE_X,
            nparams: 3,
            max: 2
        }
    );
    assert_eq!(
        EventBuilder::new(600).build().unwrap_err(),
        BuildError::UnknownType { code: 600 }
    );
}

#[test]
fn owned_events_check_their_bytes() {
    let good = close_x();
    assert!(OwnedEvent::from_vec(good.clone()).is_ok());
    assert!(OwnedEvent::from_vec(good[..30].to_vec()).is_err());
    let e = OwnedEvent::from_vec(good).unwrap();
    assert_eq!(
        format!("{e:?}"),
        "Event { ts: 10, tid: 20, < close (type 5), res=0, fd=3 }"
    );
}

//! The schema converter, rule by rule: what libscap's converter makes of old
//! enter/exit pairs and old event versions.

use falco_events::event::{Event, EventBuilder, OwnedEvent, Value};
use falco_events::scap::convert::{rule_count, ConvertError, Outcome};
use falco_events::scap::Converter;
use falco_events::table::codes::*;

fn ev(code: u16, tid: u64, values: &[Value<'_>]) -> OwnedEvent {
    EventBuilder::new(code)
        .ts(1000)
        .tid(tid)
        .values(values.iter().copied())
        .build()
        .unwrap()
}

/// Feeds events to one converter; returns what comes out of each.
fn run(events: &[OwnedEvent]) -> Vec<Result<Option<OwnedEvent>, ConvertError>> {
    let mut c = Converter::new();
    events
        .iter()
        .map(|e| {
            let e = e.as_event();
            Ok(match c.convert(&e)? {
                Outcome::Pass => Some(e.to_owned_event()),
                Outcome::Converted => Some(c.output().unwrap().to_owned_event()),
                Outcome::Drop => None,
            })
        })
        .collect()
}

fn names_and_lens(e: &Event<'_>) -> Vec<(&'static str, usize)> {
    e.params().map(|p| (p.name(), p.len())).collect()
}

#[test]
fn the_table_has_every_libs_rule() {
    assert_eq!(rule_count(), 253);
}

#[test]
fn old_open_enter_is_kept_with_empty_parameters() {
    let out = run(&[ev(PPME_SYSCALL_OPEN_E, 1, &[])]);
    let e = out[0].as_ref().unwrap().as_ref().unwrap();
    let e = e.as_event();
    assert_eq!(e.code(), PPME_SYSCALL_OPEN_E);
    assert_eq!(names_and_lens(&e), [("name", 0), ("flags", 0), ("mode", 0)]);
}

#[test]
fn old_open_exit_gets_empty_dev_and_ino() {
    let out = run(&[ev(
        PPME_SYSCALL_OPEN_X,
        1,
        &[
            Value::Int(3),
            Value::Str("/etc/hosts"),
            Value::Uint(1),
            Value::Uint(0),
        ],
    )]);
    let e = out[0].as_ref().unwrap().as_ref().unwrap();
    let e = e.as_event();
    assert_eq!(e.nparams(), 6);
    assert_eq!(
        e.param_by_name("name").unwrap().as_str(),
        Some("/etc/hosts")
    );
    assert!(e.param_by_name("dev").unwrap().is_empty());
    assert!(e.param_by_name("ino").unwrap().is_empty());
}

#[test]
fn current_events_pass_unchanged() {
    let full = ev(
        PPME_SYSCALL_OPEN_X,
        1,
        &[
            Value::Int(3),
            Value::Str("/etc/hosts"),
            Value::Uint(1),
            Value::Uint(0),
            Value::Uint(2049),
            Value::Uint(42),
        ],
    );
    let procinfo = ev(PPME_PROCINFO_E, 1, &[Value::Uint(10), Value::Uint(20)]);
    let mut c = Converter::new();
    assert_eq!(c.convert(&full.as_event()).unwrap(), Outcome::Pass);
    assert_eq!(c.convert(&procinfo.as_event()).unwrap(), Outcome::Pass);
}

#[test]
fn unused_event_types_are_dropped() {
    // Code 17 (once PROCEXIT_X) is an unused slot.
    let out = run(&[ev(17, 1, &[])]);
    assert_eq!(out[0], Ok(None));
}

#[test]
fn close_exit_takes_the_fd_of_its_enter_event() {
    let out = run(&[
        ev(PPME_SYSCALL_CLOSE_E, 7, &[Value::Int(5)]),
        ev(PPME_SYSCALL_CLOSE_X, 7, &[Value::Int(0)]),
    ]);
    assert_eq!(out[0], Ok(None));
    let e = out[1].as_ref().unwrap().as_ref().unwrap();
    let e = e.as_event();
    assert_eq!(e.param_by_name("res").unwrap().as_i64(), Some(0));
    assert_eq!(e.param_by_name("fd").unwrap().as_i64(), Some(5));
}

#[test]
fn a_missing_enter_event_gives_default_or_empty_values() {
    // close: `fd` falls back to the default value (0, 8 bytes).
    let out = run(&[ev(PPME_SYSCALL_CLOSE_X, 7, &[Value::Int(0)])]);
    let e = out[0].as_ref().unwrap().as_ref().unwrap();
    assert_eq!(e.as_event().param_by_name("fd").unwrap().as_i64(), Some(0));
    // setuid: `uid` falls back to empty.
    let out = run(&[ev(PPME_SYSCALL_SETUID_X, 7, &[Value::Int(0)])]);
    let e = out[0].as_ref().unwrap().as_ref().unwrap();
    assert!(e.as_event().param_by_name("uid").unwrap().is_empty());
}

#[test]
fn enter_events_are_paired_per_thread() {
    let out = run(&[
        ev(PPME_SYSCALL_CLOSE_E, 1, &[Value::Int(11)]),
        ev(PPME_SYSCALL_CLOSE_E, 2, &[Value::Int(22)]),
        ev(PPME_SYSCALL_CLOSE_X, 2, &[Value::Int(0)]),
        ev(PPME_SYSCALL_CLOSE_X, 1, &[Value::Int(0)]),
    ]);
    let fd = |i: usize| {
        let e = out[i].as_ref().unwrap().as_ref().unwrap();
        (
            e.as_event().tid(),
            e.as_event().param_by_name("fd").unwrap().as_i64(),
        )
    };
    assert_eq!(fd(2), (2, Some(22)));
    assert_eq!(fd(3), (1, Some(11)));
}

#[test]
fn an_enter_event_of_another_syscall_is_an_error() {
    let out = run(&[
        ev(PPME_SYSCALL_CLOSE_E, 1, &[Value::Int(11)]),
        ev(PPME_SYSCALL_SETUID_X, 1, &[Value::Int(0)]),
    ]);
    assert_eq!(
        out[1],
        Err(ConvertError::WrongEnter {
            code: PPME_SYSCALL_SETUID_X,
            name: "setuid",
            found: PPME_SYSCALL_CLOSE_E,
        })
    );
}

#[test]
fn an_event_without_a_rule_is_an_error() {
    let out = run(&[ev(PPME_SYSCALL_OPEN_X, 1, &[Value::Int(3)])]);
    assert_eq!(
        out[0],
        Err(ConvertError::NoRule {
            code: PPME_SYSCALL_OPEN_X,
            name: "open",
            nparams: 1,
        })
    );
}

#[test]
fn connect_enter_is_stored_and_passed() {
    // As in libscap, the enter event is consumed by the first step that
    // reads it: an exit with 2 parameters gets `fd` from the enter event,
    // and `addr` (added by the next step) falls back to empty. An exit with
    // 3 parameters gets `addr` from the enter event.
    let addr = [2u8, 127, 0, 0, 1, 0x50, 0];
    let out = run(&[
        ev(PPME_SOCKET_CONNECT_E, 3, &[Value::Int(4)]),
        ev(PPME_SOCKET_CONNECT_X, 3, &[Value::Int(0), Value::Raw(&[])]),
    ]);
    // The old enter event (fd only) gets an `addr` and passes.
    let enter = out[0].as_ref().unwrap().as_ref().unwrap();
    assert_eq!(names_and_lens(&enter.as_event()), [("fd", 8), ("addr", 0)]);
    // The exit event takes fd and addr from it.
    let exit = out[1].as_ref().unwrap().as_ref().unwrap();
    let exit = exit.as_event();
    assert_eq!(exit.nparams(), 4);
    assert_eq!(exit.param_by_name("fd").unwrap().as_i64(), Some(4));

    assert!(exit.param_by_name("addr").unwrap().is_empty());

    let out = run(&[
        ev(
            PPME_SOCKET_CONNECT_E,
            3,
            &[Value::Int(4), Value::Raw(&addr)],
        ),
        ev(
            PPME_SOCKET_CONNECT_X,
            3,
            &[Value::Int(0), Value::Raw(&[]), Value::Int(4)],
        ),
    ]);
    let exit = out[1].as_ref().unwrap().as_ref().unwrap();
    assert_eq!(
        exit.as_event().param_by_name("addr").unwrap().as_bytes(),
        &addr
    );
}

#[test]
fn execve_8_climbs_every_version_to_19() {
    let exit8 = ev(
        PPME_SYSCALL_EXECVE_8_X,
        9,
        &[
            Value::Int(0),
            Value::Str("/bin/true"),
            Value::Bytes(b"--help\0"),
            Value::Int(9),
            Value::Int(9),
            Value::Int(1),
            Value::Str("/"),
            Value::Uint(1024),
        ],
    );
    let out = run(&[ev(PPME_SYSCALL_EXECVE_8_E, 9, &[]), exit8]);
    // The enter event becomes EXECVE_19_E (with an empty filename) and passes.
    let enter = out[0].as_ref().unwrap().as_ref().unwrap();
    assert_eq!(enter.as_event().code(), PPME_SYSCALL_EXECVE_19_E);
    assert_eq!(names_and_lens(&enter.as_event()), [("filename", 0)]);
    let exit = out[1].as_ref().unwrap().as_ref().unwrap();
    let exit = exit.as_event();
    assert_eq!(exit.code(), PPME_SYSCALL_EXECVE_19_X);
    assert_eq!(exit.nparams(), 31);
    assert_eq!(
        exit.param_by_name("exe").unwrap().as_str(),
        Some("/bin/true")
    );
    assert_eq!(exit.param_by_name("fdlimit").unwrap().as_u64(), Some(1024));
    assert!(exit.param_by_name("comm").unwrap().is_empty());
    assert!(exit.param_by_name("filename").unwrap().is_empty());
}

#[test]
fn bpf_cmd_is_cut_to_its_new_width() {
    let out = run(&[
        ev(PPME_SYSCALL_BPF_E, 4, &[Value::Int(5)]),
        // res_or_fd is a DYN parameter: index 0 (FD), then the value.
        ev(
            PPME_SYSCALL_BPF_X,
            4,
            &[Value::Raw(&[0, 7, 0, 0, 0, 0, 0, 0, 0])],
        ),
    ]);
    let e = out[1].as_ref().unwrap().as_ref().unwrap();
    let e = e.as_event();
    assert_eq!(e.code(), PPME_SYSCALL_BPF_2_X);
    assert_eq!(names_and_lens(&e), [("fd", 8), ("cmd", 4)]);
    assert_eq!(e.param_by_name("cmd").unwrap().as_u64(), Some(5));
}

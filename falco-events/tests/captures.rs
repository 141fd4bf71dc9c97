//! Decoding the public captures in `testdata/captures`: every event of every
//! file, the counts Falco's tools report, the metadata, and what the schema
//! converter makes of the old enter/exit pairs.

mod common;

use std::collections::BTreeMap;

use common::{capture, read_all, CAPTURES};
use falco_events::event::{OwnedEvent, SockTuple};
use falco_events::scap::{FdKind, ScapReader};
use falco_events::source::{EventSet, EventSource};
use falco_events::table::{codes, Direction, EventCategory};

fn raw(name: &str) -> Option<(ScapReader, Vec<(OwnedEvent, u16)>)> {
    let mut r = ScapReader::open(capture(name)?).unwrap();
    r.set_convert(false);
    let evs = read_all(&mut r);
    Some((r, evs))
}

fn converted(name: &str) -> Option<(ScapReader, Vec<(OwnedEvent, u16)>)> {
    let mut r = ScapReader::open(capture(name)?).unwrap();
    let evs = read_all(&mut r);
    Some((r, evs))
}

fn count(evs: &[(OwnedEvent, u16)], pred: impl Fn(&falco_events::Event<'_>) -> bool) -> usize {
    evs.iter().filter(|(e, _)| pred(&e.as_event())).count()
}

#[test]
fn every_event_of_every_capture_decodes_without_skips() {
    for name in CAPTURES {
        for convert in [false, true] {
            let Some(path) = capture(name) else { return };
            let mut r = ScapReader::open(&path).unwrap();
            r.set_convert(convert);
            let evs = read_all(&mut r);
            let s = r.stats();
            assert!(!evs.is_empty(), "{name}");
            assert_eq!(s.skipped_malformed, 0, "{name} convert={convert}");
            assert_eq!(s.skipped_unknown, 0, "{name} convert={convert}");
            assert!(r.stop_reason().is_none(), "{name}: {:?}", r.stop_reason());
            assert_eq!(s.events as usize, evs.len());
            // Every event hands out parameters that decode.
            for (e, _) in &evs {
                let e = e.as_event();
                assert_eq!(e.params().count(), e.nparams());
            }
        }
    }
}

#[test]
fn raw_event_counts_match_what_sysdig_reports() {
    // (file, events, procinfo events, `evt.type=open` events, SHB version).
    // sysdig prints every event but procinfo (and container) events.
    let cases = [
        ("libs_curl_google.scap", 1536, 315, 96, (1, 0)),
        ("libs_curl_google_comments.scap", 1536, 315, 96, (1, 0)),
        ("libs_single_ipv6_conn.scap", 1728, 1700, 0, (1, 2)),
        ("falco_cat_write.scap", 345, 260, 8, (1, 0)),
        ("falco_open-multiple-files.scap", 1272, 1183, 26, (1, 0)),
    ];
    for (name, total, procinfo, open, version) in cases {
        let Some((r, evs)) = raw(name) else { return };
        assert_eq!(evs.len(), total, "{name}");
        assert_eq!(r.version(), version, "{name}");
        let pi = count(&evs, |e| e.code() == codes::PPME_PROCINFO_E);
        assert_eq!(pi, procinfo, "{name}");
        assert_eq!(count(&evs, |e| e.name() == "open"), open, "{name}");
    }
}

#[test]
fn curl_google_has_the_96_open_events_sysdig_shows() {
    let Some((_, evs)) = raw("libs_curl_google.scap") else {
        return;
    };
    let open = count(&evs, |e| e.name() == "open");
    assert_eq!(open, 96);
    let enters = count(&evs, |e| {
        e.name() == "open" && e.direction() == Direction::Enter
    });
    assert_eq!(enters, 48);
    // After conversion: the 48 enter events are kept (TOCTOU) and the 48
    // exits carry all six current parameters.
    let (_, conv) = converted("libs_curl_google.scap").unwrap();
    assert_eq!(count(&conv, |e| e.name() == "open"), 96);
    let exits: Vec<_> = conv
        .iter()
        .map(|(e, _)| e.as_event())
        .filter(|e| e.code() == codes::PPME_SYSCALL_OPEN_X)
        .collect();
    assert_eq!(exits.len(), 48);
    let first = exits[0];
    assert_eq!(first.nparams(), 6);
    assert_eq!(first.param_by_name("fd").unwrap().as_i64(), Some(3));
    assert_eq!(
        first.param_by_name("name").unwrap().as_str(),
        Some("/etc/ld.so.cache")
    );
    assert_eq!(first.param_by_name("flags").unwrap().as_u64(), Some(4097));
    assert!(first.param_by_name("dev").unwrap().is_empty());
    assert!(first.param_by_name("ino").unwrap().is_empty());
}

#[test]
fn shb_options_are_skipped_and_the_events_are_the_same() {
    let Some((_, a)) = raw("libs_curl_google.scap") else {
        return;
    };
    let (_, b) = raw("libs_curl_google_comments.scap").unwrap();
    assert_eq!(a, b);
}

#[test]
fn raw_events_come_in_timestamp_order() {
    for name in CAPTURES {
        let Some((_, evs)) = raw(name) else { return };
        let ts: Vec<u64> = evs.iter().map(|(e, _)| e.as_event().ts()).collect();
        assert!(ts.windows(2).all(|w| w[0] <= w[1]), "{name}");
    }
}

#[test]
fn metadata_blocks_decode_into_typed_tables() {
    let Some((r, _)) = raw("libs_curl_google.scap") else {
        return;
    };
    let m = r.metadata();
    assert_eq!(m.machine.as_ref().unwrap().hostname, "ip-10-0-0-79");
    assert_eq!(m.fds.len(), 54);
    let init = m.proc(1).unwrap();
    assert_eq!(init.comm, "systemd");
    assert_eq!(init.exe, "/sbin/init");
    assert_eq!(init.cwd, "/");
    assert!(init
        .env
        .iter()
        .any(|v| v == "PATH=/sbin:/usr/sbin:/bin:/usr/bin"));
    assert!(m
        .users
        .iter()
        .any(|u| u.uid == 0 && u.name == "root" && u.homedir == "/root"));
    assert!(m.groups.iter().any(|g| g.gid == 0 && g.name == "root"));
    assert!(m
        .interfaces
        .iter()
        .any(|i| i.name == "eth0" && i.addr.to_string() == "10.0.0.79"));
    let kmsg = m
        .fds_of(361)
        .unwrap()
        .fds
        .iter()
        .find(|f| f.fd == 7)
        .unwrap();
    assert_eq!(
        kmsg.kind,
        FdKind::Named {
            ty: 1,
            name: "/dev/kmsg".into()
        }
    );

    // PL_V9 and FDL_V2 (libs 0.x writer).
    let (r, evs) = raw("libs_single_ipv6_conn.scap").unwrap();
    let m = r.metadata();
    assert_eq!(m.fds.len(), 154);
    assert!(!m.procs.is_empty());
    assert!(m.procs.iter().all(|p| p.vtid != -1));
    let cpus: std::collections::BTreeSet<u16> = evs.iter().map(|(_, c)| *c).collect();
    assert_eq!(cpus.len(), 2);
}

#[test]
fn ipv6_accept_reads_client_to_server_tuple() {
    let Some((_, evs)) = converted("libs_single_ipv6_conn.scap") else {
        return;
    };
    let accept = evs
        .iter()
        .map(|(e, _)| e.as_event())
        .find(|e| e.name() == "accept" && e.direction() == Direction::Exit)
        .unwrap();
    assert_eq!(accept.code(), codes::PPME_SOCKET_ACCEPT_5_X);
    let Some(SockTuple::Inet6 {
        sip,
        sport,
        dip,
        dport,
    }) = accept.param_by_name("tuple").unwrap().as_socktuple()
    else {
        panic!("not an IPv6 tuple");
    };
    assert_eq!(sip.to_string(), "2001:db8::4");
    assert_eq!(sport, 54405);
    assert_eq!(dip.to_string(), "2001:db8::3");
    assert_eq!(dport, 1234);
}

#[test]
fn converted_streams_hold_only_current_events() {
    let toctou = ["open", "openat", "openat2", "creat", "connect", "execve"];
    for name in CAPTURES {
        let Some((_, evs)) = converted(name) else {
            return;
        };
        for (e, _) in &evs {
            let e = e.as_event();
            let info = e.info();
            assert!(!info.is_old_version(), "{name}: {:?}", e);
            if e.direction() == Direction::Enter && info.category.source() == EventCategory::SYSCALL
            {
                assert!(toctou.contains(&e.name()), "{name}: enter event {:?}", e);
            }
        }
    }
}

#[test]
fn execve_is_upgraded_to_the_current_exit_event() {
    let Some((_, evs)) = converted("libs_curl_google.scap") else {
        return;
    };
    let execve = evs
        .iter()
        .map(|(e, _)| e.as_event())
        .find(|e| e.name() == "execve" && e.direction() == Direction::Exit)
        .unwrap();
    assert_eq!(execve.code(), codes::PPME_SYSCALL_EXECVE_19_X);
    assert_eq!(execve.nparams(), 31);
    assert_eq!(execve.param_by_name("exe").unwrap().as_str(), Some("curl"));
    let args: Vec<&[u8]> = execve
        .param_by_name("args")
        .unwrap()
        .as_charbuf_array()
        .collect();
    assert_eq!(args, [&b"-6"[..], b"http://www.google.com"]);
    assert_eq!(execve.param_by_name("comm").unwrap().as_str(), Some("curl"));
    assert!(execve.param_by_name("filename").unwrap().is_empty());
    let env = execve.param_by_name("env").unwrap();
    assert!(env.as_charbuf_array().any(|v| v == b"SHELL=/bin/bash"));
}

#[test]
fn socket_exit_gets_its_enter_parameters() {
    let Some((_, evs)) = converted("libs_curl_google.scap") else {
        return;
    };
    let sockets: Vec<_> = evs
        .iter()
        .map(|(e, _)| e.as_event())
        .filter(|e| e.code() == codes::PPME_SOCKET_SOCKET_X)
        .collect();
    assert_eq!(sockets.len(), 5);
    for s in sockets {
        let names: Vec<&str> = s.params().map(|p| p.name()).collect();
        assert_eq!(names, ["fd", "domain", "type", "proto", "flags"]);
        assert!(s.param_by_name("domain").unwrap().as_u64().is_some());
    }
}

#[test]
fn container_events_become_container_json_2() {
    let Some((_, raw_evs)) = raw("falco_open-multiple-files.scap") else {
        return;
    };
    assert_eq!(
        count(&raw_evs, |e| e.code() == codes::PPME_CONTAINER_JSON_E),
        3
    );
    let (_, evs) = converted("falco_open-multiple-files.scap").unwrap();
    let jsons: Vec<String> = evs
        .iter()
        .map(|(e, _)| e.as_event())
        .filter(|e| e.code() == codes::PPME_CONTAINER_JSON_2_E)
        .map(|e| e.param(0).unwrap().as_str().unwrap().to_string())
        .collect();
    assert_eq!(jsons.len(), 3);
    assert!(jsons
        .iter()
        .all(|j| j.starts_with('{') && j.contains("\"id\"")));
}

#[test]
fn converter_drops_enter_events_it_merged() {
    let Some((r, evs)) = converted("falco_cat_write.scap") else {
        return;
    };
    let s = r.stats();
    // 345 stored events: 307 delivered, 38 enter events consumed.
    assert_eq!(evs.len(), 307);
    assert_eq!(s.dropped_by_converter, 38);
    assert_eq!(s.events + s.dropped_by_converter, 345);
}

#[test]
fn a_reader_works_as_a_boxed_event_source() {
    let Some(path) = capture("falco_cat_write.scap") else {
        return;
    };
    let mut src: Box<dyn EventSource> = Box::new(ScapReader::open(path).unwrap());
    let mut n = 0;
    while let Some(e) = src.next_event().unwrap() {
        assert!(e.nparams() <= e.info().params.len());
        n += 1;
    }
    assert_eq!(n, 307);
    assert_eq!(src.stats().events, 307);
}

#[test]
fn set_event_types_filters_the_stream() {
    let Some(path) = capture("libs_curl_google.scap") else {
        return;
    };
    let mut r = ScapReader::open(path).unwrap();
    r.set_event_types(&EventSet::from_codes([
        codes::PPME_SYSCALL_OPEN_X,
        codes::PPME_SOCKET_CONNECT_X,
    ]))
    .unwrap();
    let evs = read_all(&mut r);
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    for (e, _) in &evs {
        *by.entry(e.as_event().name()).or_default() += 1;
    }
    assert_eq!(by, BTreeMap::from([("connect", 4), ("open", 48)]));
    let s = r.stats();
    assert_eq!(s.events, 52);
    assert_eq!(s.events + s.filtered + s.dropped_by_converter, 1536);
}

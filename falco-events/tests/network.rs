//! Network fields as libsinsp gives them: `fd.net`/`fd.cnet`/`fd.snet`/
//! `fd.lnet`/`fd.rnet` against CIDR operands (IPv4 and IPv6), a datagram
//! socket taking its peer from `sendto`/`recvfrom`, `fd.l4proto` once a
//! socket has a role, and `fd.name_changed`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use falco_events::event::{EventBuilder, OwnedEvent, SockTuple, Value};
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::state::{HostState, Inspector, ThreadInfo};
use falco_events::table::codes::*;
use falco_events::{Event, SyscallFields};
use falco_rules::{FieldExtractor, FieldSchema, Filter, Scratch, Value as V, Values};

/// Events held in memory.
struct Replay {
    events: Vec<OwnedEvent>,
    next: usize,
    stats: SourceStats,
}

impl EventSource for Replay {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let Some(e) = self.events.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        self.stats.events += 1;
        Ok(Some(e.as_event()))
    }
    fn stats(&self) -> SourceStats {
        self.stats
    }
    fn set_event_types(&mut self, _: &EventSet) -> Result<(), SourceError> {
        Ok(())
    }
}

const NGINX: i64 = 100;
const HOST4: Ipv4Addr = Ipv4Addr::new(10, 1, 2, 3);
const HOST6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 3);

/// One process (nginx, 100) on a host with addresses 10.1.2.3 and
/// 2001:db8::3.
fn host() -> HostState {
    let mut s = HostState::new();
    let mut t = ThreadInfo::placeholder(NGINX);
    t.pid = NGINX;
    t.ptid = 1;
    t.comm = "nginx".into();
    s.threads.insert(NGINX, t);
    s.interfaces = vec![IpAddr::V4(HOST4), IpAddr::V6(HOST6)];
    s
}

fn ev(code: u16, values: &[Value<'_>]) -> OwnedEvent {
    EventBuilder::new(code)
        .ts(1_700_000_000_000_000_000)
        .tid(NGINX as u64)
        .values(values.iter().copied())
        .build()
        .unwrap_or_else(|e| panic!("event {code}: {e}"))
}

fn accept(fd: i64, tuple: SockTuple<'_>) -> OwnedEvent {
    ev(
        PPME_SOCKET_ACCEPT4_6_X,
        &[
            Value::Int(fd),
            Value::SockTuple(tuple),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(5),
            Value::Int(0),
        ],
    )
}

fn v4(sip: Ipv4Addr, sport: u16, dip: Ipv4Addr, dport: u16) -> SockTuple<'static> {
    SockTuple::Inet {
        sip,
        sport,
        dip,
        dport,
    }
}

/// A UDP socket (`socket(AF_INET, SOCK_DGRAM, 0)`).
fn udp_socket(fd: i64) -> OwnedEvent {
    ev(
        PPME_SOCKET_SOCKET_X,
        &[
            Value::Int(fd),
            Value::Uint(2),
            Value::Uint(2),
            Value::Uint(0),
            Value::Uint(0),
        ],
    )
}

fn sendto(fd: i64, tuple: SockTuple<'_>) -> OwnedEvent {
    ev(
        PPME_SOCKET_SENDTO_X,
        &[
            Value::Int(12),
            Value::Bytes(b"query"),
            Value::Int(fd),
            Value::Uint(12),
            Value::SockTuple(tuple),
        ],
    )
}

fn recvfrom(fd: i64, tuple: SockTuple<'_>) -> OwnedEvent {
    ev(
        PPME_SOCKET_RECVFROM_X,
        &[
            Value::Int(40),
            Value::Bytes(b"answer"),
            Value::SockTuple(tuple),
            Value::Int(fd),
            Value::Uint(512),
        ],
    )
}

/// For each event, whether each condition matches.
fn matches_per_event(events: &[OwnedEvent], conds: &[&str]) -> Vec<Vec<bool>> {
    let schema = SyscallFields::new();
    let filters: Vec<Filter> = conds
        .iter()
        .map(|c| Filter::new(c, &schema).unwrap_or_else(|e| panic!("{c}: {e}")))
        .collect();
    let src = Replay {
        events: events.to_vec(),
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, host());
    let mut scratch = Scratch::new();
    let mut out = Vec::new();
    while let Some(item) = insp.next().unwrap() {
        out.push(
            filters
                .iter()
                .map(|f| f.matches(&item, &mut scratch))
                .collect(),
        );
    }
    out
}

/// For each event, the text of each field (`None` when unavailable).
fn values_per_event(events: &[OwnedEvent], fields: &[&str]) -> Vec<Vec<Option<String>>> {
    let schema = SyscallFields::new();
    let resolved: Vec<_> = fields
        .iter()
        .map(|f| schema.resolve(f, None).unwrap())
        .collect();
    let src = Replay {
        events: events.to_vec(),
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, host());
    let mut rows = Vec::new();
    while let Some(item) = insp.next().unwrap() {
        rows.push(
            resolved
                .iter()
                .map(|f| {
                    let mut v = Values::new();
                    item.extract(f, &mut v).then(|| {
                        v.iter()
                            .map(|x| match x {
                                V::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                                V::Bool(b) => b.to_string(),
                                V::Ip(ip) => ip.to_string(),
                                V::Uint(u) => u.to_string(),
                                other => format!("{other:?}"),
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                })
                .collect(),
        );
    }
    rows
}

/// A rule `fd.snet = "10.0.0.0/8"` matches a connection served at
/// 10.1.2.3; the client, local and remote sides and IPv6 networks work the
/// same way, and a network never matches an address of the other family.
#[test]
fn network_fields_compare_with_cidr_operands_as_libs() {
    let events = [
        // 192.168.7.9:5555 connects to our 10.1.2.3:80.
        accept(5, v4(Ipv4Addr::new(192, 168, 7, 9), 5555, HOST4, 80)),
        // 2001:db8:1::9 connects to our [2001:db8::3]:443.
        accept(
            6,
            SockTuple::Inet6 {
                sip: "2001:db8:1::9".parse().unwrap(),
                sport: 6000,
                dip: HOST6,
                dport: 443,
            },
        ),
    ];
    #[rustfmt::skip]
    let cases: &[(&str, [bool; 2])] = &[
        ("fd.snet = \"10.0.0.0/8\"", [true, false]),
        ("fd.snet = \"10.1.2.3/32\"", [true, false]),
        ("fd.snet = \"10.1.3.0/24\"", [false, false]),
        ("fd.cnet = \"192.168.0.0/16\"", [true, false]),
        ("fd.cnet = \"10.0.0.0/8\"", [false, false]),
        ("fd.net = \"192.168.7.0/24\"", [true, false]),
        ("fd.net = \"10.0.0.0/8\"", [true, false]),
        ("fd.lnet = \"10.1.0.0/16\"", [true, false]),
        ("fd.rnet = \"192.168.0.0/16\"", [true, false]),
        ("fd.rnet = \"10.0.0.0/8\"", [false, false]),
        ("fd.net != \"172.16.0.0/12\"", [true, true]),
        ("fd.snet = \"2001:db8::/32\"", [false, true]),
        ("fd.snet = \"2001:db8:1::/48\"", [false, false]),
        ("fd.cnet = \"2001:db8:1::/48\"", [false, true]),
        ("fd.net = \"2001:db8::/64\"", [false, true]),
        ("fd.lnet = \"2001:db8::/64\"", [false, true]),
        ("fd.rnet = \"2001:db8:1::/48\"", [false, true]),
        ("fd.rnet = \"2001:db8::/64\"", [false, false]),
        ("fd.snet in (\"172.16.0.0/12\", \"10.0.0.0/8\")", [true, false]),
    ];
    let conds: Vec<&str> = cases.iter().map(|(c, _)| *c).collect();
    let got = matches_per_event(&events, &conds);
    for (i, (cond, want)) in cases.iter().enumerate() {
        let row = [got[0][i], got[1][i]];
        assert_eq!(&row, want, "{cond}");
    }
}

/// A UDP socket has no peer and no protocol until it sends: `sendto`
/// names it after the tuple (protocol udp, client role, `fd.name_changed`);
/// the answer from the same peer changes nothing; a datagram to another
/// peer renames it again. An open names its new fd (changed); a close does
/// not.
#[test]
fn a_datagram_socket_takes_its_peer_from_sendto_and_the_name_change_shows() {
    let dns = Ipv4Addr::new(8, 8, 8, 8);
    let other = Ipv4Addr::new(1, 1, 1, 1);
    let events = [
        udp_socket(7),
        sendto(7, v4(HOST4, 5000, dns, 53)),
        recvfrom(7, v4(dns, 53, HOST4, 5000)),
        sendto(7, v4(HOST4, 5000, other, 53)),
        ev(
            PPME_SYSCALL_OPENAT_2_X,
            &[
                Value::Int(8),
                Value::Int(-100),
                Value::Str("/etc/hosts"),
                Value::Uint(1),
                Value::Uint(0),
            ],
        ),
        ev(PPME_SYSCALL_CLOSE_X, &[Value::Int(0), Value::Int(7)]),
    ];
    let fields = [
        "fd.name",
        "fd.l4proto",
        "fd.name_changed",
        "fd.cip",
        "fd.sip",
        "fd.lip",
        "fd.rport",
    ];
    let rows = values_per_event(&events, &fields);
    let s = |x: &str| Some(x.to_string());
    #[rustfmt::skip]
    let want: [[Option<String>; 7]; 6] = [
        [s(""), s("<NA>"), s("false"), None, None, None, None],
        [s("10.1.2.3:5000->8.8.8.8:53"), s("udp"), s("true"), s("10.1.2.3"), s("8.8.8.8"), s("10.1.2.3"), s("53")],
        [s("10.1.2.3:5000->8.8.8.8:53"), s("udp"), s("false"), s("10.1.2.3"), s("8.8.8.8"), s("10.1.2.3"), s("53")],
        [s("10.1.2.3:5000->1.1.1.1:53"), s("udp"), s("true"), s("10.1.2.3"), s("1.1.1.1"), s("10.1.2.3"), s("53")],
        [s("/etc/hosts"), None, s("true"), None, None, None, None],
        [s("10.1.2.3:5000->1.1.1.1:53"), s("udp"), s("false"), s("10.1.2.3"), s("1.1.1.1"), s("10.1.2.3"), s("53")],
    ];
    for (i, (row, want)) in rows.iter().zip(want.iter()).enumerate() {
        assert_eq!(row.as_slice(), want.as_slice(), "event {i}");
    }
}

/// A server reading first from an unnamed datagram socket bound to its port
/// takes the server role: the peer is the client.
#[test]
fn a_datagram_socket_bound_to_a_port_serves_its_peers() {
    let peer = Ipv4Addr::new(192, 168, 1, 50);
    let events = [
        udp_socket(9),
        ev(
            PPME_SOCKET_BIND_X,
            &[
                Value::Int(0),
                Value::SockAddr(falco_events::event::SockAddr::Inet {
                    addr: Ipv4Addr::UNSPECIFIED,
                    port: 53,
                }),
                Value::Int(9),
            ],
        ),
        recvfrom(9, v4(peer, 40000, HOST4, 53)),
    ];
    let rows = values_per_event(
        &events,
        &["fd.name", "fd.is_server", "fd.sport", "fd.l4proto"],
    );
    assert_eq!(rows[1][0].as_deref(), Some("0.0.0.0:53"));
    assert_eq!(
        rows[1][3].as_deref(),
        Some("udp"),
        "a bound socket has its protocol"
    );
    // A socket that is not TCP takes each datagram's peer, even named.
    assert_eq!(
        rows[2][0].as_deref(),
        Some("192.168.1.50:40000->10.1.2.3:53")
    );
    assert_eq!(rows[2][1].as_deref(), Some("true"));
    assert_eq!(rows[2][2].as_deref(), Some("53"));
}

//! Host state and field extraction, event by event: what `proc.*`, `fd.*`,
//! `user.*` and `evt.*` show after clone, execve, open, dup, close, connect,
//! chdir, setuid and procexit, as libsinsp shows it.

use std::net::Ipv4Addr;

use falco_events::event::{EventBuilder, OwnedEvent, SockAddr, SockTuple, Value};
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

const INIT: i64 = 1;
const BASH: i64 = 100;
const CAT: i64 = 200;

/// init (1) -> bash (100, cwd /home/bob/, uid 1000), with users root and bob.
fn host() -> HostState {
    let mut s = HostState::new();
    let mut init = ThreadInfo::placeholder(INIT);
    init.pid = INIT;
    init.ptid = 0;
    init.comm = "systemd".into();
    init.exe = "/sbin/init".into();
    init.cwd = "/".into();
    init.uid = 0;
    let mut bash = ThreadInfo::placeholder(BASH);
    bash.pid = BASH;
    bash.ptid = INIT;
    bash.comm = "bash".into();
    bash.exe = "-bash".into();
    bash.exepath = "/usr/bin/bash".into();
    bash.cwd = "/home/bob/".into();
    bash.uid = 1000;
    bash.gid = 1000;
    bash.env = vec!["HOME=/home/bob".into(), "SHELL=/bin/bash".into()];
    s.threads.insert(INIT, init);
    s.threads.insert(BASH, bash);
    for (uid, name) in [(0, "root"), (1000, "bob")] {
        s.users.insert(
            uid,
            falco_events::state::User {
                uid,
                gid: uid,
                name: name.into(),
                homedir: format!("/home/{name}"),
                shell: "/bin/bash".into(),
            },
        );
    }
    s.groups.insert(1000, "bob".into());
    s
}

fn ev(code: u16, tid: i64, values: &[Value<'_>]) -> OwnedEvent {
    EventBuilder::new(code)
        .ts(1_700_000_000_000_000_000)
        .tid(tid as u64)
        .values(values.iter().copied())
        .build()
        .unwrap_or_else(|e| panic!("event {code}: {e}"))
}

/// bash forks cat (caller side): clone exit with res = child tid.
fn fork_cat() -> OwnedEvent {
    ev(
        PPME_SYSCALL_CLONE_20_X,
        BASH,
        &[
            Value::Int(CAT),
            Value::Str("-bash"),
            Value::Bytes(b""),
            Value::Int(BASH),
            Value::Int(BASH),
            Value::Int(INIT),
            Value::Str("/home/bob"),
            Value::Int(1024),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Str("bash"),
            Value::Bytes(b"cpu=/user.slice\0"),
            Value::Uint(0),
            Value::Uint(1000),
            Value::Uint(1000),
        ],
    )
}

/// cat runs execve("/usr/bin/cat", ["cat", "notes.txt"]).
fn exec_cat() -> OwnedEvent {
    ev(
        PPME_SYSCALL_EXECVE_19_X,
        CAT,
        &[
            Value::Int(0),
            Value::Str("cat"),
            Value::Bytes(b"notes.txt\0"),
            Value::Int(CAT),
            Value::Int(CAT),
            Value::Int(BASH),
            Value::Str("/home/bob"),
            Value::Uint(1024),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Str("cat"),
            Value::Bytes(b"cpu=/user.slice\0"),
            Value::Bytes(b"HOME=/home/bob\0TERM=xterm\0"),
            Value::Uint(34816),
        ],
    )
}

fn openat(tid: i64, fd: i64, dirfd: i64, name: &str, flags: u64) -> OwnedEvent {
    ev(
        PPME_SYSCALL_OPENAT_2_X,
        tid,
        &[
            Value::Int(fd),
            Value::Int(dirfd),
            Value::Str(name),
            Value::Uint(flags),
            Value::Uint(0),
        ],
    )
}

fn close(tid: i64, fd: i64) -> OwnedEvent {
    ev(PPME_SYSCALL_CLOSE_X, tid, &[Value::Int(0), Value::Int(fd)])
}

fn text(v: &Values) -> String {
    v.iter()
        .map(|x| match x {
            V::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            V::Int(i) => i.to_string(),
            V::Uint(u) => u.to_string(),
            V::Bool(b) => b.to_string(),
            V::Ip(ip) => ip.to_string(),
            V::Net(n) => n.to_string(),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Replays `events` over `state`; for each event, the value of each field
/// (`None` when unavailable).
fn fields_per_event(
    state: HostState,
    events: Vec<OwnedEvent>,
    fields: &[&str],
) -> Vec<Vec<Option<String>>> {
    let schema = SyscallFields::new();
    let resolved: Vec<_> = fields
        .iter()
        .map(|f| {
            let (name, arg) = match f.split_once('[') {
                Some((n, a)) => (n, Some(a.trim_end_matches(']'))),
                None => (*f, None),
            };
            schema
                .resolve(name, arg)
                .unwrap_or_else(|e| panic!("{f}: {e}"))
        })
        .collect();
    let src = Replay {
        events,
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, state);
    let mut rows = Vec::new();
    while let Some(item) = insp.next().unwrap() {
        let mut row = Vec::new();
        for f in &resolved {
            let mut v = Values::new();
            row.push(item.extract(f, &mut v).then(|| text(&v)));
        }
        rows.push(row);
    }
    rows
}

fn at(rows: &[Vec<Option<String>>], event: usize, field: usize) -> Option<&str> {
    rows[event][field].as_deref()
}

#[test]
fn a_forked_child_inherits_the_parent_and_execve_replaces_the_program() {
    let fields = [
        "proc.name",
        "proc.pname",
        "proc.cmdline",
        "proc.exe",
        "proc.args",
        "proc.pid",
        "proc.ppid",
        "proc.aname[2]",
        "user.name",
        "proc.tty",
        "proc.env[TERM]",
        "proc.cwd",
    ];
    let rows = fields_per_event(host(), vec![fork_cat(), exec_cat()], &fields);
    // The caller's clone exit: the event is bash's.
    assert_eq!(at(&rows, 0, 0), Some("bash"));
    assert_eq!(at(&rows, 0, 1), Some("systemd"));
    // After execve, the child is cat, child of bash, grandchild of systemd.
    let want = [
        Some("cat"),
        Some("bash"),
        Some("cat notes.txt"),
        Some("cat"),
        Some("notes.txt"),
        Some("200"),
        Some("100"),
        Some("systemd"),
        Some("bob"),
        Some("34816"),
        Some("xterm"),
        Some("/home/bob/"),
    ];
    for (i, w) in want.iter().enumerate() {
        assert_eq!(at(&rows, 1, i), *w, "{}", fields[i]);
    }
}

#[test]
fn opens_resolve_relative_paths_against_dirfd_or_cwd() {
    // O_RDONLY|O_CLOEXEC = 0x1001; O_DIRECTORY = 0x400; AT_FDCWD = -100.
    let events = vec![
        openat(BASH, 3, -100, "notes/../todo.txt", 0x1001),
        openat(BASH, 4, -100, "/etc", 0x400 | 1),
        openat(BASH, 5, 4, "passwd", 0x2 | 0x4),
    ];
    let fields = [
        "fd.name",
        "fd.directory",
        "fd.filename",
        "fd.nameraw",
        "fd.typechar",
        "evt.is_open_read",
        "evt.is_open_write",
        "evt.arg.flags",
        "evt.abspath",
        "fd.num",
    ];
    let rows = fields_per_event(host(), events, &fields);
    let row =
        |i: usize| -> Vec<Option<&str>> { (0..fields.len()).map(|f| at(&rows, i, f)).collect() };
    assert_eq!(
        row(0),
        [
            Some("/home/bob/todo.txt"),
            Some("/home/bob"),
            Some("todo.txt"),
            Some("notes/../todo.txt"),
            Some("f"),
            Some("true"),
            Some("false"),
            Some("O_RDONLY|O_CLOEXEC"),
            Some("/home/bob/todo.txt"),
            Some("3"),
        ]
    );
    assert_eq!(at(&rows, 1, 0), Some("/etc"));
    assert_eq!(at(&rows, 1, 4), Some("d"));
    // Relative to the directory fd 4 (/etc).
    assert_eq!(at(&rows, 2, 0), Some("/etc/passwd"));
    assert_eq!(at(&rows, 2, 6), Some("true"));
    assert_eq!(at(&rows, 2, 7), Some("O_CREAT|O_WRONLY"));
}

#[test]
fn evt_args_print_params_as_libs_does() {
    let events = vec![
        openat(BASH, 3, -100, "/etc/shadow", 0x1001),
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(-13),
                Value::Bytes(b""),
                Value::Int(3),
                Value::Uint(10),
            ],
        ),
    ];
    let rows = fields_per_event(
        host(),
        events,
        &[
            "evt.args",
            "evt.res",
            "evt.rawres",
            "evt.failed",
            "evt.arg.fd",
        ],
    );
    assert_eq!(
        at(&rows, 0, 0),
        Some("fd=3(<f>/etc/shadow) dirfd=-100(AT_FDCWD) name=/etc/shadow flags=4097(O_RDONLY|O_CLOEXEC) mode=0 ")
    );
    assert_eq!(
        at(&rows, 1, 0),
        Some("res=-13(EACCES) data= fd=3(<f>/etc/shadow) size=10 ")
    );
    assert_eq!(at(&rows, 1, 1), Some("EACCES"));
    assert_eq!(at(&rows, 1, 2), Some("-13"));
    assert_eq!(at(&rows, 1, 3), Some("true"));
    assert_eq!(at(&rows, 1, 4), Some("<f>/etc/shadow"));
    assert_eq!(at(&rows, 0, 1), Some("SUCCESS"));
}

#[test]
fn close_removes_the_fd_after_its_own_event_and_dup_copies_it() {
    let events = vec![
        openat(BASH, 3, -100, "/tmp/x", 1),
        ev(
            PPME_SYSCALL_DUP2_X,
            BASH,
            &[Value::Int(7), Value::Int(3), Value::Int(7)],
        ),
        close(BASH, 3),
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(3),
                Value::Uint(1),
            ],
        ),
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(7),
                Value::Uint(1),
            ],
        ),
    ];
    let rows = fields_per_event(host(), events, &["fd.name", "evt.rawres"]);
    assert_eq!(at(&rows, 1, 0), Some("/tmp/x"), "dup names the old fd");
    assert_eq!(at(&rows, 2, 0), Some("/tmp/x"), "close still sees its fd");
    // An fd event on an unknown fd has an empty fd.name in libs.
    assert_eq!(at(&rows, 3, 0), Some(""), "fd 3 is gone after close");
    assert_eq!(at(&rows, 4, 0), Some("/tmp/x"), "the copy survives");
}

#[test]
fn execve_closes_cloexec_fds() {
    let events = vec![
        fork_cat(),
        openat(CAT, 3, -100, "/tmp/keep", 1),
        openat(CAT, 4, -100, "/tmp/drop", 0x1001),
        exec_cat(),
        ev(
            PPME_SYSCALL_READ_X,
            CAT,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(3),
                Value::Uint(1),
            ],
        ),
        ev(
            PPME_SYSCALL_READ_X,
            CAT,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(4),
                Value::Uint(1),
            ],
        ),
    ];
    let rows = fields_per_event(host(), events, &["fd.name"]);
    assert_eq!(at(&rows, 4, 0), Some("/tmp/keep"));
    assert_eq!(at(&rows, 5, 0), Some(""), "the O_CLOEXEC fd is gone");
}

#[test]
fn connect_sets_both_sides_and_fd_ip_matches_either() {
    let tuple = SockTuple::Inet {
        sip: Ipv4Addr::new(10, 0, 0, 1),
        sport: 40000,
        dip: Ipv4Addr::new(10, 0, 0, 2),
        dport: 443,
    };
    let events = vec![
        ev(
            PPME_SOCKET_SOCKET_X,
            BASH,
            &[
                Value::Int(5),
                Value::Uint(2),
                Value::Uint(1),
                Value::Uint(0),
                Value::Uint(0),
            ],
        ),
        ev(
            PPME_SOCKET_CONNECT_X,
            BASH,
            &[
                Value::Int(0),
                Value::SockTuple(tuple),
                Value::Int(5),
                Value::SockAddr(SockAddr::Inet {
                    addr: Ipv4Addr::new(10, 0, 0, 2),
                    port: 443,
                }),
            ],
        ),
    ];
    let fields = [
        "fd.name",
        "fd.sip",
        "fd.sport",
        "fd.cip",
        "fd.cport",
        "fd.l4proto",
        "fd.typechar",
        "fd.sockfamily",
        "fd.type",
    ];
    let rows = fields_per_event(host(), events.clone(), &fields);
    // libs keeps the protocol from the socket type but shows it only once
    // the socket has a role.
    assert_eq!(at(&rows, 0, 5), Some("<NA>"), "no role yet");
    let got: Vec<_> = (0..fields.len()).map(|f| at(&rows, 1, f)).collect();
    assert_eq!(
        got,
        [
            Some("10.0.0.1:40000->10.0.0.2:443"),
            Some("10.0.0.2"),
            Some("443"),
            Some("10.0.0.1"),
            Some("40000"),
            Some("tcp"),
            Some("4"),
            Some("ip"),
            Some("ipv4"),
        ]
    );
    // fd.ip / fd.port: either side; != only when both differ.
    let cases = [
        ("fd.ip = 10.0.0.2", true),
        ("fd.ip = 10.0.0.1", true),
        ("fd.ip = 10.0.0.9", false),
        ("fd.ip != 10.0.0.1", false),
        ("fd.port = 443", true),
        ("fd.port in (40000, 1)", true),
        ("fd.net = \"10.0.0.0/8\"", true),
        ("fd.snet = \"10.0.0.2/32\"", true),
        ("fd.cnet = \"10.0.0.2/32\"", false),
    ];
    for (cond, want) in cases {
        let filter = Filter::new(cond, &SyscallFields::new()).unwrap();
        let src = Replay {
            events: events.clone(),
            next: 0,
            stats: SourceStats::default(),
        };
        let mut insp = Inspector::new(src, host());
        let mut scratch = Scratch::new();
        let mut last = None;
        while let Some(item) = insp.next().unwrap() {
            last = Some(filter.matches(&item, &mut scratch));
        }
        assert_eq!(last, Some(want), "{cond}");
    }
}

#[test]
fn chdir_moves_the_cwd_that_relative_opens_use() {
    let events = vec![
        ev(
            PPME_SYSCALL_CHDIR_X,
            BASH,
            &[Value::Int(0), Value::Str("../alice/src")],
        ),
        openat(BASH, 3, -100, "main.rs", 1),
    ];
    let rows = fields_per_event(host(), events, &["proc.cwd", "fd.name"]);
    assert_eq!(at(&rows, 0, 0), Some("/home/alice/src/"));
    assert_eq!(at(&rows, 1, 1), Some("/home/alice/src/main.rs"));
}

#[test]
fn setuid_changes_the_user() {
    let events = vec![
        ev(
            PPME_SYSCALL_SETUID_X,
            BASH,
            &[Value::Int(-1), Value::Uint(0)],
        ),
        ev(
            PPME_SYSCALL_SETUID_X,
            BASH,
            &[Value::Int(0), Value::Uint(0)],
        ),
    ];
    let rows = fields_per_event(host(), events, &["user.uid", "user.name", "evt.arg.uid"]);
    assert_eq!(
        at(&rows, 0, 1),
        Some("bob"),
        "a failed setuid changes nothing"
    );
    assert_eq!(at(&rows, 1, 0), Some("0"));
    assert_eq!(at(&rows, 1, 1), Some("root"));
    assert_eq!(
        at(&rows, 1, 2),
        Some("root"),
        "evt.arg.uid resolves the name"
    );
}

#[test]
fn procexit_removes_the_thread_after_its_event_and_reparents_children() {
    let events = vec![
        fork_cat(),
        exec_cat(),
        ev(
            PPME_PROCEXIT_1_E,
            BASH,
            &[
                Value::Int(0),
                Value::Int(0),
                Value::Uint(0),
                Value::Uint(0),
                Value::Int(INIT),
            ],
        ),
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(0),
                Value::Uint(1),
            ],
        ),
        ev(
            PPME_SYSCALL_READ_X,
            CAT,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(0),
                Value::Uint(1),
            ],
        ),
    ];
    let rows = fields_per_event(host(), events, &["proc.name", "proc.pname"]);
    assert_eq!(
        at(&rows, 2, 0),
        Some("bash"),
        "procexit still sees its thread"
    );
    assert_eq!(
        at(&rows, 3, 0),
        Some("<NA>"),
        "a later event finds a placeholder"
    );
    assert_eq!(
        at(&rows, 4, 1),
        Some("systemd"),
        "cat was reparented to init"
    );
}

#[test]
fn any_ancestor_fields_match_every_ancestor() {
    let events = vec![fork_cat(), exec_cat()];
    let cases = [
        ("proc.aname = systemd", true),
        ("proc.aname = bash", true),
        ("proc.aname = cat", false),
        ("proc.aname[1] = bash", true),
        ("proc.aname[0] = cat", true),
        ("proc.apid = 1", true),
        ("proc.aname in (sshd, systemd)", true),
    ];
    for (cond, want) in cases {
        let filter = Filter::new(cond, &SyscallFields::new()).unwrap();
        let src = Replay {
            events: events.clone(),
            next: 0,
            stats: SourceStats::default(),
        };
        let mut insp = Inspector::new(src, host());
        let mut scratch = Scratch::new();
        let mut last = None;
        while let Some(item) = insp.next().unwrap() {
            last = Some(filter.matches(&item, &mut scratch));
        }
        assert_eq!(last, Some(want), "{cond}");
    }
}

#[test]
fn container_id_comes_from_the_cgroups() {
    let id = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
    let cg = format!("cpu=/docker/{id}\0");
    let mut clone = fork_cat().as_event().to_owned_event();
    // Rebuild the clone with a docker cgroup.
    let e = clone.as_event();
    let mut vals: Vec<Value<'_>> = Vec::new();
    for (i, p) in e.params().enumerate() {
        vals.push(if i == 14 {
            Value::Bytes(cg.as_bytes())
        } else {
            Value::Raw(p.as_bytes())
        });
    }
    clone = EventBuilder::new(PPME_SYSCALL_CLONE_20_X)
        .tid(BASH as u64)
        .values(vals)
        .build()
        .unwrap();
    let events = vec![
        clone,
        ev(
            PPME_SYSCALL_READ_X,
            CAT,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(0),
                Value::Uint(1),
            ],
        ),
    ];
    let rows = fields_per_event(
        host(),
        events,
        &["container.id", "container.full_id", "container.name"],
    );
    assert_eq!(at(&rows, 0, 0), Some("host"));
    assert_eq!(at(&rows, 0, 2), Some("host"));
    assert_eq!(at(&rows, 1, 0), Some("3ad7b26ded6d"));
    assert_eq!(at(&rows, 1, 1), Some(id));
    assert_eq!(at(&rows, 1, 2), None, "no runtime to ask for the name");
}

#[test]
fn unknown_threads_get_a_placeholder_and_malformed_events_are_counted() {
    let events = vec![
        ev(
            PPME_SYSCALL_READ_X,
            999,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(0),
                Value::Uint(1),
            ],
        ),
        // A close exit without its parameters.
        EventBuilder::new(PPME_SYSCALL_CLOSE_X)
            .tid(BASH as u64)
            .build()
            .unwrap(),
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(0),
                Value::Uint(1),
            ],
        ),
    ];
    let src = Replay {
        events,
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, host());
    let mut nums = Vec::new();
    let mut names = Vec::new();
    let name = SyscallFields::new().resolve("proc.name", None).unwrap();
    while let Some(item) = insp.next().unwrap() {
        nums.push(item.num);
        let mut v = Values::new();
        item.extract(&name, &mut v);
        names.push(text(&v));
    }
    assert_eq!(nums, [1, 2, 3], "evt.num counts from 1");
    assert_eq!(names, ["<NA>", "bash", "bash"]);
    assert_eq!(insp.state().stats.lazy_threads, 1);
    assert_eq!(insp.state().stats.malformed, 1);
}

#[test]
fn open_predicates_follow_libs() {
    // (event, is_open_read, is_open_write, is_open_exec, is_open_create)
    let creat = ev(
        PPME_SYSCALL_CREAT_X,
        BASH,
        &[Value::Int(3), Value::Str("/tmp/run.sh"), Value::Uint(0o755)],
    );
    let cases: Vec<(OwnedEvent, [&str; 4])> = vec![
        (
            openat(BASH, 3, -100, "/etc/passwd", 0x1),
            ["true", "false", "false", "false"],
        ),
        (
            openat(BASH, 3, -100, "/tmp/a", 0x3),
            ["true", "true", "false", "false"],
        ),
        // O_CREAT without O_F_CREATED: the file may have existed.
        (
            openat(BASH, 3, -100, "/tmp/b", 0x2 | 0x4),
            ["false", "true", "false", "false"],
        ),
        (
            openat(BASH, 3, -100, "/tmp/c", 0x2 | 0x4 | 0x4000),
            ["false", "true", "false", "true"],
        ),
        // creat: only the exec check applies.
        (creat, ["false", "false", "true", "false"]),
    ];
    let mut exec = openat(BASH, 3, -100, "/tmp/d", 0x2 | 0x4);
    // Same open with mode 0755.
    exec = {
        let e = exec.as_event();
        let vals: Vec<Value<'_>> = e
            .params()
            .enumerate()
            .map(|(i, p)| {
                if i == 4 {
                    Value::Uint(0o755)
                } else {
                    Value::Raw(p.as_bytes())
                }
            })
            .collect();
        EventBuilder::new(PPME_SYSCALL_OPENAT_2_X)
            .tid(BASH as u64)
            .values(vals)
            .build()
            .unwrap()
    };
    let mut cases = cases;
    cases.push((exec, ["false", "true", "true", "false"]));
    let fields = [
        "evt.is_open_read",
        "evt.is_open_write",
        "evt.is_open_exec",
        "evt.is_open_create",
    ];
    for (i, (e, want)) in cases.into_iter().enumerate() {
        let rows = fields_per_event(host(), vec![e], &fields);
        let got: Vec<&str> = (0..4)
            .map(|f| at(&rows, 0, f).unwrap_or("<none>"))
            .collect();
        assert_eq!(got, want, "case {i}");
    }
}

#[test]
fn an_fd_the_table_lacks_still_has_the_name_its_event_carries() {
    let events = vec![
        // A failed openat: no fd is added, fd.name comes from the event.
        openat(BASH, -2, -100, "missing.txt", 1),
        // A read on an fd from before the capture: empty name, type 'o'.
        ev(
            PPME_SYSCALL_READ_X,
            BASH,
            &[
                Value::Int(1),
                Value::Bytes(b"a"),
                Value::Int(9),
                Value::Uint(1),
            ],
        ),
        // Not an fd event: no fd fields at all.
        ev(
            PPME_SYSCALL_SETUID_X,
            BASH,
            &[Value::Int(0), Value::Uint(0)],
        ),
    ];
    let rows = fields_per_event(
        host(),
        events,
        &[
            "fd.name",
            "fd.directory",
            "fd.typechar",
            "fd.num",
            "fd.filename",
        ],
    );
    let row = |i: usize| -> Vec<Option<&str>> { (0..5).map(|f| at(&rows, i, f)).collect() };
    assert_eq!(
        row(0),
        [
            Some("/home/bob/missing.txt"),
            Some("/home/bob"),
            Some("f"),
            Some("-2"),
            None
        ]
    );
    assert_eq!(row(1), [Some(""), Some("/"), Some("o"), Some("9"), None]);
    assert_eq!(row(2), [None, None, None, None, None]);
}

/// Every field of the catalog, resolved with a typical argument.
fn all_fields() -> Vec<falco_rules::Field> {
    let schema = SyscallFields::new();
    falco_events::fields::fields()
        .iter()
        .filter_map(|f| {
            use falco_events::fields::ArgKind;
            let (name, arg) = match f.arg {
                ArgKind::EventParam { .. } => (format!("{}.fd", f.name), None),
                ArgKind::EventType => (format!("{}.open", f.name), None),
                ArgKind::Suffix => (format!("{}.cpu", f.name), None),
                ArgKind::Index { required: true } => (f.name.to_string(), Some("1")),
                ArgKind::Key { required: true } | ArgKind::IndexOrKey { required: true } => {
                    (f.name.to_string(), Some("HOME"))
                }
                _ => (f.name.to_string(), None),
            };
            schema.resolve(&name, arg).ok()
        })
        .collect()
}

#[test]
fn malformed_events_of_every_type_never_panic() {
    // For every event type: all parameters empty, all parameters of one
    // garbage byte, and all parameters 8 bytes of 0xff; then every field is
    // extracted from each.
    let fields = all_fields();
    assert!(fields.len() > 250, "{} fields", fields.len());
    let mut events = Vec::new();
    for info in falco_events::table::events() {
        let code = falco_events::table::codes_for_name(info.name)
            .iter()
            .copied()
            .find(|&c| falco_events::table::event_info(c).is_some_and(|i| std::ptr::eq(i, info)));
        let Some(code) = code else { continue };
        for fill in [&b""[..], &b"\x07"[..], &[0xffu8; 8][..]] {
            let vals: Vec<Value<'_>> = info.params.iter().map(|_| Value::Raw(fill)).collect();
            if let Ok(e) = EventBuilder::new(code)
                .tid(BASH as u64)
                .values(vals)
                .build()
            {
                events.push(e);
            }
        }
    }
    assert!(events.len() > 500, "{} events", events.len());
    let src = Replay {
        events,
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, host());
    let mut v = Values::new();
    let mut n = 0;
    while let Some(ctx) = insp.next().unwrap() {
        for f in &fields {
            v.clear();
            let _ = ctx.extract(f, &mut v);
        }
        n += 1;
    }
    assert!(n > 500);
    assert!(insp.state().stats.malformed > 0, "garbage was counted");
}

#[test]
fn execve_sets_the_program_path_from_the_kernel_or_the_filename() {
    let build = |trusted: &str, filename: &str| {
        let base = exec_cat();
        let e = base.as_event();
        let mut vals: Vec<Value<'_>> = e.params().map(|p| Value::Raw(p.as_bytes())).collect();
        // Fill up to `filename` (param 30): defaults, then the two paths.
        let info = e.info();
        while vals.len() < info.params.len() {
            vals.push(Value::Empty);
        }
        vals[27] = Value::Str(trusted);
        vals[30] = Value::Str(filename);
        let vals: Vec<Value<'_>> = vals
            .into_iter()
            .enumerate()
            .map(|(i, v)| match (i, v) {
                (27 | 30, Value::Str("")) => Value::Empty,
                (_, v) => v,
            })
            .collect();
        EventBuilder::new(PPME_SYSCALL_EXECVE_19_X)
            .tid(CAT as u64)
            .values(vals)
            .build()
            .unwrap()
    };
    let cases = [
        (build("/usr/bin/cat", "cat"), "/usr/bin/cat"),
        // Relative to the cwd (/home/bob/).
        (build("", "../../usr/bin/cat"), "/usr/bin/cat"),
        // Neither: unknown, not bash's path inherited through fork.
        (exec_cat(), ""),
    ];
    for (e, want) in cases {
        let rows = fields_per_event(
            host(),
            vec![fork_cat(), e],
            &["proc.exepath", "proc.pexepath"],
        );
        assert_eq!(at(&rows, 1, 0), Some(want));
        assert_eq!(at(&rows, 1, 1), Some("/usr/bin/bash"));
    }
}

/// A program started with no arguments does not keep its parent's: after a
/// successful execve the new argument list replaces the old one, the empty
/// list included (libsinsp `parse_execve_exit`), and so do comm (the exe
/// when the event has none) and the process group (-1 when absent).
#[test]
fn execve_replaces_the_arguments_even_with_none() {
    let mut state = host();
    if let Some(b) = state.threads.get_mut(&BASH) {
        b.args = vec!["--loglevel".into(), "info".into(), "run".into()];
        b.pgid = 100;
    }
    let exec = |comm: &'static str, args: &'static [u8]| {
        ev(
            PPME_SYSCALL_EXECVE_19_X,
            CAT,
            &[
                Value::Int(0),
                Value::Str("ls"),
                Value::Bytes(args),
                Value::Int(CAT),
                Value::Int(CAT),
                Value::Int(BASH),
                Value::Str("/home/bob"),
                Value::Uint(1024),
                Value::Uint(0),
                Value::Uint(0),
                Value::Uint(0),
                Value::Uint(0),
                Value::Uint(0),
                Value::Str(comm),
            ],
        )
    };
    let fields = ["proc.name", "proc.cmdline", "proc.args", "proc.pcmdline"];
    let rows = fields_per_event(
        state,
        vec![fork_cat(), exec("ls", b""), exec("", b"-l\0")],
        &fields,
    );
    // Before: the forked child is bash with bash's arguments.
    assert_eq!(at(&rows, 0, 1), Some("bash --loglevel info run"));
    // After `ls` with no arguments: nothing of bash's is left.
    assert_eq!(at(&rows, 1, 0), Some("ls"));
    assert_eq!(at(&rows, 1, 1), Some("ls"));
    assert_eq!(at(&rows, 1, 2), Some(""));
    assert_eq!(at(&rows, 1, 3), Some("bash --loglevel info run"));
    // An execve without comm (old captures): the exe stands in.
    assert_eq!(at(&rows, 2, 0), Some("ls"));
    assert_eq!(at(&rows, 2, 1), Some("ls -l"));
}

/// bash forks cat in a Docker container.
fn fork_cat_in_container(id: &str) -> OwnedEvent {
    let cg = format!("cpu=/docker/{id}\0");
    let fork = fork_cat();
    let e = fork.as_event();
    let vals: Vec<Value<'_>> = e
        .params()
        .enumerate()
        .map(|(i, p)| {
            if i == 14 {
                Value::Bytes(cg.as_bytes())
            } else {
                Value::Raw(p.as_bytes())
            }
        })
        .collect();
    EventBuilder::new(PPME_SYSCALL_CLONE_20_X)
        .tid(BASH as u64)
        .values(vals)
        .build()
        .unwrap()
}

/// A Docker Engine API on a unix socket of the test's that knows every
/// container id (named `web`) and lists none.
fn fake_docker(name: &str) -> std::path::PathBuf {
    use std::io::{BufRead, Write};
    let dir = std::env::temp_dir().join(format!("falco-state-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("docker.sock");
    let _ = std::fs::remove_file(&path);
    let listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
    std::thread::spawn(move || {
        for s in listener.incoming() {
            let Ok(mut s) = s else { continue };
            let mut line = String::new();
            let _ = std::io::BufReader::new(&s).read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("");
            let (status, body) = if path == "/containers/json" {
                ("200 OK", "[]".to_string())
            } else if let Some(id) = path
                .strip_prefix("/containers/")
                .and_then(|p| p.strip_suffix("/json"))
            {
                (
                    "200 OK",
                    format!(r#"{{"Id":"{id}","Name":"/web","Config":{{"Image":"busybox"}}}}"#),
                )
            } else {
                ("404 Not Found", String::new())
            };
            let _ = write!(s, "HTTP/1.0 {status}\r\n\r\n{body}");
        }
    });
    path
}

#[test]
fn a_containers_metadata_is_forgotten_with_its_last_process() {
    use falco_events::state::runtime::{ContainerEngines, ContainerTable, Lookup};
    let id = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
    let table = ContainerTable::start(&ContainerEngines {
        docker: vec![fake_docker("evict")],
        podman: vec![],
        cri: vec![],
        label_max_len: 100,
        timeout: std::time::Duration::from_secs(2),
    });
    let mut s = host();
    s.watch_containers(table.clone());
    s.update(&fork_cat_in_container(id).as_event());
    let start = std::time::Instant::now();
    while !matches!(table.get("3ad7b26ded6d"), Lookup::Found(_)) {
        assert!(
            start.elapsed().as_secs() < 10,
            "{:?}",
            table.get("3ad7b26ded6d")
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(table.len(), 1);
    // cat exits; libsinsp drops the thread at the next event.
    let exit = ev(
        PPME_PROCEXIT_1_E,
        CAT,
        &[
            Value::Int(0),
            Value::Int(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Int(INIT),
        ],
    );
    let read = ev(
        PPME_SYSCALL_READ_X,
        BASH,
        &[
            Value::Int(1),
            Value::Bytes(b"a"),
            Value::Int(0),
            Value::Uint(1),
        ],
    );
    s.update(&exit.as_event());
    assert!(matches!(table.get("3ad7b26ded6d"), Lookup::Found(_)));
    s.flush_pending();
    s.update(&read.as_event());
    assert_eq!(table.get("3ad7b26ded6d"), Lookup::Unknown);
    assert_eq!((table.len(), table.evicted()), (0, 1));
    // The same id back (a restarted container) is asked again.
    s.update(&fork_cat_in_container(id).as_event());
    assert_eq!(table.get("3ad7b26ded6d"), Lookup::Pending);
}

//! The state stays small, as libsinsp keeps it: a full thread table
//! refuses new threads, a full fd table new fds, and the purge removes
//! threads without events for a while once `/proc` no longer shows them
//! (zombies included), with their fds; every refusal and purge is counted.

use std::process::Command;

use falco_events::event::{EventBuilder, OwnedEvent, Value};
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::state::{HostState, Inspector, StateLimits, ThreadInfo};
use falco_events::table::codes::*;
use falco_events::{Event, SyscallFields};
use falco_rules::{FieldExtractor, FieldSchema, Values};

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

const SEC: u64 = 1_000_000_000;
const T0: u64 = 1_700_000_000 * SEC;

fn thread(tid: i64, comm: &str) -> ThreadInfo {
    let mut t = ThreadInfo::placeholder(tid);
    t.pid = tid;
    t.ptid = 1;
    t.comm = comm.into();
    t.cwd = "/".into();
    t
}

fn state_with(threads: &[(i64, &str)], limits: StateLimits) -> HostState {
    let mut s = HostState::new();
    for (tid, comm) in threads {
        s.threads.insert(*tid, thread(*tid, comm));
    }
    s.limits = limits;
    s
}

fn open(tid: i64, fd: i64, path: &str, ts: u64) -> OwnedEvent {
    EventBuilder::new(PPME_SYSCALL_OPENAT_2_X)
        .ts(ts)
        .tid(tid as u64)
        .values([
            Value::Int(fd),
            Value::Int(-100),
            Value::Str(path),
            Value::Uint(1),
            Value::Uint(0),
        ])
        .build()
        .unwrap()
}

/// Replays `events`; for each, `proc.name` and `fd.name` (None when
/// unavailable). Returns them with the final state.
fn replay(state: HostState, events: Vec<OwnedEvent>) -> (Vec<[Option<String>; 2]>, HostState) {
    let schema = SyscallFields::new();
    let fields = [
        schema.resolve("proc.name", None).unwrap(),
        schema.resolve("fd.name", None).unwrap(),
    ];
    let src = Replay {
        events,
        next: 0,
        stats: SourceStats::default(),
    };
    let mut insp = Inspector::new(src, state);
    let mut rows = Vec::new();
    while let Some(ctx) = insp.next().unwrap() {
        let mut row: [Option<String>; 2] = Default::default();
        for (i, f) in fields.iter().enumerate() {
            let mut v = Values::new();
            if ctx.extract(f, &mut v) {
                row[i] = v.iter().next().map(|x| match x {
                    falco_rules::Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                    other => format!("{other:?}"),
                });
            }
        }
        rows.push(row);
    }
    let state = insp.state().clone();
    (rows, state)
}

#[test]
fn a_full_thread_table_refuses_new_threads_and_counts_them() {
    let limits = StateLimits {
        thread_table_size: 2,
        ..StateLimits::default()
    };
    let state = state_with(&[(10, "nginx"), (20, "bash")], limits);
    let events = vec![
        open(10, 3, "/etc/nginx.conf", T0),
        // Thread 30 is new: the table is full.
        open(30, 3, "/tmp/x", T0 + 1),
        open(30, 4, "/tmp/y", T0 + 2),
    ];
    let (rows, state) = replay(state, events);
    assert!(rows[0][0].as_deref().unwrap().contains("nginx"));
    assert_eq!(rows[1][0], None, "no thread: proc.name unavailable");
    assert_eq!(state.threads.len(), 2);
    assert!(state.thread(30).is_none());
    assert_eq!(state.stats.refused_threads, 2, "one per event of thread 30");
    assert_eq!(state.stats.lazy_threads, 0);
}

#[test]
fn a_full_fd_table_refuses_new_fds_but_replaces_known_ones() {
    let limits = StateLimits {
        fd_table_size: 2,
        ..StateLimits::default()
    };
    let state = state_with(&[(10, "nginx")], limits);
    let events = vec![
        open(10, 3, "/a", T0),
        open(10, 4, "/b", T0 + 1),
        open(10, 5, "/c", T0 + 2),
        // fd 3 again (a close was lost): replaced, not refused.
        open(10, 3, "/d", T0 + 3),
    ];
    let (rows, state) = replay(state, events);
    let t = state.thread(10).unwrap();
    let names: Vec<Option<&str>> = (3..=5)
        .map(|n| state.fd(t, n).map(|f| f.name.as_str()))
        .collect();
    assert_eq!(names, [Some("/d"), Some("/b"), None]);
    assert_eq!(state.stats.refused_fds, 1);
    // The refused open still shows the name its event carries.
    assert!(rows[2][1].as_deref().unwrap().contains("/c"));
}

#[test]
fn the_purge_removes_idle_threads_and_their_fds_on_schedule() {
    let limits = StateLimits {
        thread_timeout_ns: 10 * SEC,
        purge_interval_ns: 5 * SEC,
        ..StateLimits::default()
    };
    let mut s = state_with(&[(10, "busy"), (20, "idle"), (21, "idle-thread")], limits);
    // 21 is a thread of process 20.
    s.threads.get_mut(&21).unwrap().pid = 20;
    for (tid, fd, path) in [(10, 3, "/busy"), (20, 3, "/idle")] {
        let e = open(tid, fd, path, T0);
        s.touch_thread(tid, T0);
        s.update(&e.as_event());
    }
    s.touch_thread(21, T0);
    // (event time, purged so far); the busy thread has an event each time.
    // The first call arms the schedule; then a scan at most every 5 s, and
    // only threads idle for more than 10 s go.
    let steps = [(T0 + 2 * SEC, 0), (T0 + 8 * SEC, 0), (T0 + 14 * SEC, 2)];
    let mut scans = 0;
    for (now, want_purged) in steps {
        s.touch_thread(10, now);
        if s.purge_inactive(now) {
            scans += 1;
        }
        assert_eq!(
            s.stats.purged_threads,
            want_purged,
            "at +{}s",
            (now - T0) / SEC
        );
    }
    assert_eq!(scans, s.stats.purge_scans);
    assert_eq!(scans, 2, "scans at +8 s and +14 s");
    assert!(s.thread(10).is_some(), "the busy thread stays");
    assert!(s.thread(20).is_none() && s.thread(21).is_none());
    assert!(
        !s.fds.contains_key(&20),
        "the idle process's fds went with it"
    );
    assert!(s.fds.contains_key(&10));
    // A purge interval of 0 disables the purge.
    let mut off = state_with(
        &[(10, "x")],
        StateLimits {
            purge_interval_ns: 0,
            ..limits
        },
    );
    assert!(!off.purge_inactive(T0 + 1000 * SEC));
    assert!(off.thread(10).is_some());
}

/// On a live state a stale thread stays while `/proc` shows it running and
/// goes once it is a zombie (exited, not yet reaped).
#[test]
fn live_purge_keeps_running_threads_and_drops_zombies() {
    let mut child = Command::new("true").spawn().expect("spawn true");
    let zombie = child.id() as i64;
    // Let it exit without reaping it: it stays a zombie until wait().
    let stat = format!("/proc/{zombie}/stat");
    for _ in 0..200 {
        let s = std::fs::read_to_string(&stat).unwrap_or_default();
        if s.rsplit_once(')')
            .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let me = std::process::id() as i64;
    let mut s = state_with(
        &[(me, "test"), (zombie, "true")],
        StateLimits {
            thread_timeout_ns: SEC,
            purge_interval_ns: SEC,
            ..StateLimits::default()
        },
    );
    s.live = true;
    assert!(s.purge_inactive(T0) || s.purge_inactive(T0 + 40 * SEC));
    assert!(s.thread(me).is_some(), "running: kept although idle");
    assert!(s.thread(zombie).is_none(), "zombie: purged");
    assert_eq!(s.stats.purged_threads, 1);
    child.wait().unwrap();
}

fn clone_exit(tid: i64, res: i64, flags: u64, ts: u64) -> OwnedEvent {
    // The caller (res = child) or the child (res = 0) of process 10.
    let (me, pid, ptid) = if res > 0 { (10, 10, 1) } else { (tid, tid, 10) };
    EventBuilder::new(PPME_SYSCALL_CLONE_20_X)
        .ts(ts)
        .tid(tid as u64)
        .values([
            Value::Int(res),
            Value::Str("/usr/bin/app"),
            Value::Bytes(b""),
            Value::Int(me),
            Value::Int(pid),
            Value::Int(ptid),
            Value::Str("/"),
            Value::Int(1024),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Str("app"),
            Value::Bytes(b""),
            Value::Uint(flags),
            Value::Uint(0),
            Value::Uint(0),
        ])
        .build()
        .unwrap()
}

fn procexit(tid: i64, ts: u64) -> OwnedEvent {
    EventBuilder::new(PPME_PROCEXIT_1_E)
        .ts(ts)
        .tid(tid as u64)
        .values([
            Value::Int(0),
            Value::Int(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Int(1),
        ])
        .build()
        .unwrap()
}

/// Found by the soak test: a child that runs and exits before its parent's
/// clone call returns (always possible after vfork, which posix_spawn
/// uses) must not come back with the parent's late clone event, or every
/// such child stays in the table (with a copy of its parent's fds) until
/// the purge. As libs: a vfork caller never adds the child, and a child
/// that exited a moment ago is not added again.
#[test]
fn a_child_that_exited_before_its_parents_clone_returned_stays_gone() {
    const VFORK: u64 = 0x8000000;
    for (flags, what) in [(VFORK, "vfork"), (0, "fork")] {
        let state = state_with(&[(10, "app")], StateLimits::default());
        let events = vec![
            open(10, 3, "/etc/app.conf", T0),
            clone_exit(11, 0, flags, T0 + 1),
            procexit(11, T0 + 2),
            clone_exit(10, 11, flags, T0 + 3),
            open(10, 4, "/etc/other", T0 + 4),
        ];
        let (_, state) = replay(state, events);
        assert!(
            state.thread(11).is_none(),
            "{what}: the exited child came back"
        );
        assert!(!state.fds.contains_key(&11), "{what}: its fd table too");
        assert_eq!(state.stats.removed_threads, 1, "{what}");
        assert_eq!(
            state.stats.lazy_threads, 0,
            "{what}: the child's clone event made it, no lookup before"
        );
    }
    // A fork whose parent's event comes first still adds the child there.
    let state = state_with(&[(10, "app")], StateLimits::default());
    let (_, state) = replay(state, vec![clone_exit(10, 12, 0, T0)]);
    assert_eq!(state.thread(12).map(|t| t.pid), Some(12));
}

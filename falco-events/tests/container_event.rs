//! Falco's `container` event: a container the runtime describes is
//! announced once, between syscall events, as the container plugin's async
//! event; rules on `evt.type = container` see its metadata, and a capture
//! that records the event gives the same fields back.
//!
//! The runtime here is a stand-in for the Docker Engine API on a unix
//! socket, answering what `dockerd` answers for one container.

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use falco_events::event::Event;
use falco_events::pipeline::{Pipeline, Step};
use falco_events::scap::{ScapReader, ScapWriter, WriterOptions};
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::state::runtime::{ContainerEngines, ContainerTable};
use falco_events::state::{HostState, Inspector};
use falco_events::SyscallSource;
use falco_rules::{Engine, Ruleset};

const ID: &str = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

/// Answers one request the way dockerd does for container `ID`; holds the
/// event stream open without events.
fn answer(mut s: UnixStream, held: &mut Vec<UnixStream>) {
    let mut req = Vec::new();
    let mut buf = [0u8; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let req = String::from_utf8_lossy(&req);
    let path = req.split_whitespace().nth(1).unwrap_or("");
    let body = if path.starts_with("/events") {
        let _ = s.write_all(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n");
        held.push(s);
        return;
    } else if path.starts_with("/containers/json") {
        format!("[{{\"Id\":\"{ID}\"}}]")
    } else if path == format!("/containers/{ID}/json") {
        format!(
            r#"{{"Id":"{ID}","Name":"/web","Image":"sha256:1111","Config":{{"Image":"busybox:1.36","Labels":{{"team":"red"}}}},"HostConfig":{{"Privileged":true,"PidMode":"","NetworkMode":"bridge","IpcMode":"private"}},"NetworkSettings":{{"IPAddress":"172.17.0.2"}},"Mounts":[{{"Source":"/srv","Destination":"/data","Mode":"","RW":true,"Propagation":"rprivate"}}]}}"#
        )
    } else if path.starts_with("/images/") {
        r#"{"Id":"sha256:1111","RepoTags":["busybox:1.36"],"RepoDigests":["busybox@sha256:dddd"]}"#
            .to_string()
    } else {
        let _ = s.write_all(b"HTTP/1.0 404 Not Found\r\n\r\n{}");
        return;
    };
    let _ = s.write_all(
        format!("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{body}").as_bytes(),
    );
}

/// A fake Docker socket; its path.
fn fake_docker(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("falco-cevent-{tag}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("docker.sock");
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path).expect("bind");
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            answer(s, &mut held);
        }
    });
    path
}

/// A live source with no syscall events.
struct Quiet;

impl EventSource for Quiet {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        std::thread::sleep(Duration::from_millis(5));
        Ok(None)
    }
    fn stats(&self) -> SourceStats {
        SourceStats::default()
    }
    fn set_event_types(&mut self, _: &EventSet) -> Result<(), SourceError> {
        Ok(())
    }
    fn is_live(&self) -> bool {
        true
    }
}

const RULES: &str = r#"
- rule: New busybox container
  desc: a busybox container is known
  condition: evt.type = container and container.image.repository = busybox
  output: "container up (id=%container.id full=%container.full_id name=%container.name image=%container.image tag=%container.image.tag type=%container.type privileged=%container.privileged team=%container.label[team] mount=%container.mount.dest[0] ip=%container.ip evt=%evt.type async=%evt.asynctype proc=%proc.name tid=%thread.tid user=%user.name pod=%k8s.pod.name start=%container.start_ts)"
  priority: NOTICE
- rule: Any open
  desc: never matches here
  condition: evt.type = open and container.name = web
  output: "open"
  priority: NOTICE
"#;

const WANT: &str = "container up (id=3ad7b26ded6d full=3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e name=web image=busybox:1.36 tag=1.36 type=docker privileged=true team=red mount=/data ip=172.17.0.2 evt=container async=container proc=<NA> tid=<NA> user=<NA> pod=<NA> start=<NA>)";

fn ruleset() -> Arc<Ruleset> {
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("rules.yaml", RULES);
    assert!(r.successful(), "{}", r.render());
    // As in Falco, `evt.type = container` names a known event: no warning.
    assert!(!r.has_warnings(), "{}", r.render());
    engine.ruleset().clone()
}

#[test]
fn a_container_the_runtime_lists_is_announced_once_and_recorded() {
    let table = ContainerTable::start(&ContainerEngines {
        docker: vec![fake_docker("live")],
        podman: vec![],
        cri: vec![],
        ..ContainerEngines::default()
    });
    assert!(table.is_enabled());
    let mut state = HostState::default();
    state.watch_containers(table);
    let mut pipeline = Pipeline::new(Quiet, state, ruleset()).expect("pipeline");

    // The event loop, for a while: every alert, and every event written
    // to an in-memory capture.
    let mut alerts = Vec::new();
    let mut capture = ScapWriter::new(Vec::new(), &WriterOptions::default()).expect("writer");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        let step = pipeline
            .step_each(
                |rule, ctx| alerts.push(rule.output.render(ctx)),
                |ctx| {
                    capture.write_event(&ctx.event, 0, 0).expect("write");
                },
            )
            .expect("step");
        if let Step::Event { code, .. } = step {
            assert_eq!(code, 402, "only container events come");
        }
        if !alerts.is_empty() && start.elapsed() > Duration::from_secs(1) {
            break;
        }
    }
    assert_eq!(
        alerts,
        vec![WANT.to_string()],
        "one event for the container"
    );
    assert_eq!(pipeline.inspector().stats().container_events, 1);

    // The capture gives the event, and its fields, back.
    let bytes = capture.finish().expect("finish");
    let reader = ScapReader::new(&bytes[..]).expect("reader");
    let mut replay =
        Pipeline::with_inspector(Inspector::from_capture(reader), ruleset()).expect("pipeline");
    let mut replayed = Vec::new();
    while let Step::Event { .. } = replay
        .step(|rule, ctx| replayed.push(rule.output.render(ctx)))
        .expect("step")
    {}
    assert_eq!(replayed, vec![WANT.to_string()]);
}

/// Events held in memory (a finite source, as a capture).
struct Recorded(Vec<falco_events::event::OwnedEvent>, usize);

impl EventSource for Recorded {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let i = self.1;
        self.1 += 1;
        Ok(self.0.get(i).map(|e| e.as_event()))
    }
    fn stats(&self) -> SourceStats {
        SourceStats::default()
    }
    fn set_event_types(&mut self, _: &EventSet) -> Result<(), SourceError> {
        Ok(())
    }
}

#[test]
fn a_replayed_container_event_gives_its_metadata_to_the_containers_threads() {
    use falco_events::event::{EventBuilder, Value};
    use falco_events::state::container_event::{
        container_event, CONTAINER_ADDED, CONTAINER_REMOVED,
    };
    use falco_events::state::runtime::ContainerInfo;
    use falco_events::table::codes::PPME_SYSCALL_OPEN_X;

    let info = ContainerInfo {
        full_id: ID.into(),
        kind: "containerd",
        name: "web".into(),
        image: "busybox:1.36".into(),
        image_repo: "busybox".into(),
        ..ContainerInfo::default()
    };
    let open = |ts: u64| {
        EventBuilder::new(PPME_SYSCALL_OPEN_X)
            .ts(ts)
            .tid(42)
            .values([
                Value::Int(3),
                Value::Str("/etc/shadow"),
                Value::Uint(1),
                Value::Uint(0),
            ])
            .build()
            .expect("open")
    };
    let events = vec![
        open(10),
        // Falco's dump writes its containers with tid 1: still no thread.
        container_event(20, 1, CONTAINER_ADDED, &info).expect("event"),
        open(30),
        container_event(40, 0, CONTAINER_REMOVED, &info).expect("event"),
        open(50),
    ];
    let mut state = HostState::default();
    let mut t = falco_events::state::ThreadInfo::placeholder(42);
    t.pid = 42;
    t.comm = "cat".into();
    t.container_id = ID[..12].into();
    t.container_full_id = ID.into();
    state.threads.insert(42, t);
    let rules = r#"
- rule: Shadow in container
  desc: d
  condition: evt.type = open and container.id != host
  output: "open (name=%container.name repo=%container.image.repository type=%container.type)"
  priority: NOTICE
- rule: Container event
  desc: d
  condition: evt.type in (container, container_removed)
  output: "%evt.type (name=%container.name tid=%thread.tid)"
  priority: NOTICE
"#;
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("rules.yaml", rules);
    assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    let mut p = Pipeline::new(Recorded(events, 0), state, engine.ruleset().clone()).expect("p");
    let mut got = Vec::new();
    while let Step::Event { .. } = p
        .step(|rule, ctx| got.push(rule.output.render(ctx)))
        .expect("step")
    {}
    assert_eq!(
        got,
        [
            // Before the container is announced: no metadata.
            "open (name=<NA> repo=<NA> type=<NA>)",
            "container (name=web tid=<NA>)",
            "open (name=web repo=busybox type=containerd)",
            "container_removed (name=web tid=<NA>)",
            // Removed: no metadata any more, as in the plugin.
            "open (name=<NA> repo=<NA> type=<NA>)",
        ]
    );
}

/// A live source that hands out its events once, then none.
struct Then(Vec<falco_events::event::OwnedEvent>, usize);

impl EventSource for Then {
    fn next_event(&mut self) -> Result<Option<Event<'_>>, SourceError> {
        let i = self.1;
        self.1 += 1;
        if i >= self.0.len() {
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(self.0.get(i).map(|e| e.as_event()))
    }
    fn stats(&self) -> SourceStats {
        SourceStats::default()
    }
    fn set_event_types(&mut self, _: &EventSet) -> Result<(), SourceError> {
        Ok(())
    }
    fn is_live(&self) -> bool {
        true
    }
}

#[test]
fn the_exit_of_a_containers_init_announces_its_removal() {
    use falco_events::event::{EventBuilder, Value};
    use falco_events::state::runtime::Lookup;
    use falco_events::table::codes::PPME_PROCEXIT_1_E;

    let table = ContainerTable::start(&ContainerEngines {
        docker: vec![fake_docker("removed")],
        podman: vec![],
        cri: vec![],
        ..ContainerEngines::default()
    });
    // The container's init (pid 1 in its namespace) and a host thread.
    let mut state = HostState::default();
    for (tid, vpid, id) in [(7, 1, &ID[..12]), (8, 8, "host")] {
        let mut t = falco_events::state::ThreadInfo::placeholder(tid);
        t.pid = tid;
        t.vpid = vpid;
        t.vtid = vpid;
        t.comm = "sleep".into();
        t.container_id = id.into();
        state.threads.insert(tid, t);
    }
    state.watch_containers(table.clone());
    let start = Instant::now();
    while !matches!(table.get(&ID[..12]), Lookup::Found(_)) {
        assert!(start.elapsed() < Duration::from_secs(5), "no answer");
        std::thread::sleep(Duration::from_millis(5));
    }
    let exit = |tid: i64| {
        EventBuilder::new(PPME_PROCEXIT_1_E)
            .ts(1)
            .tid(tid as u64)
            .values([
                Value::Int(0),
                Value::Int(0),
                Value::Uint(0),
                Value::Uint(0),
                Value::Int(1),
            ])
            .build()
            .expect("procexit")
    };
    let rules = r#"
- rule: Container events
  desc: d
  condition: evt.type in (container, container_removed)
  output: "%evt.type (name=%container.name id=%container.id)"
  priority: NOTICE
- rule: Exits
  desc: d
  condition: evt.type = procexit
  output: "procexit %thread.tid"
  priority: NOTICE
"#;
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("rules.yaml", rules);
    assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    let source = Then(vec![exit(8), exit(7)], 0);
    let mut p = Pipeline::new(source, state, engine.ruleset().clone()).expect("pipeline");
    let mut got = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(500) {
        p.step(|rule, ctx| got.push(rule.output.render(ctx)))
            .expect("step");
    }
    assert_eq!(
        got,
        [
            "container (name=web id=3ad7b26ded6d)",
            // A host process's exit announces nothing.
            "procexit 8",
            "procexit 7",
            "container_removed (name=web id=3ad7b26ded6d)",
        ]
    );
}

/// LXC, libvirt-lxc and BPM containers: the cgroup alone gives the id
/// (whole, not cut to 12) and the type, with no runtime to ask, as the
/// plugin's matchers give them.
#[test]
fn lxc_and_bpm_containers_are_known_by_their_cgroup() {
    use falco_events::event::{EventBuilder, Value};
    use falco_events::table::codes::PPME_SYSCALL_OPEN_X;

    let open = |ts: u64, tid: u64| {
        EventBuilder::new(PPME_SYSCALL_OPEN_X)
            .ts(ts)
            .tid(tid)
            .values([
                Value::Int(3),
                Value::Str("/etc/shadow"),
                Value::Uint(1),
                Value::Uint(0),
            ])
            .build()
            .expect("open")
    };
    let mut state = HostState::default();
    for (tid, cgroup) in [
        (42, "memory=/lxc.payload.web-frontend-1"),
        (43, "cpu=/system.slice/bpm-redis.2.scope"),
        (44, "memory=/user.slice/user-0.slice/session-1.scope"),
    ] {
        let mut t = falco_events::state::ThreadInfo::placeholder(tid);
        t.pid = tid;
        t.set_cgroups([cgroup.as_bytes()].into_iter());
        assert!(!t.container_needs_lookup(), "{cgroup}");
        state.threads.insert(tid, t);
    }
    let rules = r#"
- rule: Open
  desc: d
  condition: evt.type = open
  output: "open (id=%container.id full=%container.full_id type=%container.type name=%container.name)"
  priority: NOTICE
"#;
    let mut engine = Engine::builder().source(SyscallSource::new()).build();
    let r = engine.load_str("rules.yaml", rules);
    assert!(r.successful() && !r.has_warnings(), "{}", r.render());
    let events = vec![open(10, 42), open(20, 43), open(30, 44)];
    let mut p = Pipeline::new(Recorded(events, 0), state, engine.ruleset().clone()).expect("p");
    let mut got = Vec::new();
    while let Step::Event { .. } = p
        .step(|rule, ctx| got.push(rule.output.render(ctx)))
        .expect("step")
    {}
    assert_eq!(
        got,
        [
            "open (id=web-frontend-1 full=web-frontend-1 type=lxc name=)",
            "open (id=redis.2 full=redis.2 type=bpm name=)",
            "open (id=host full=host type=host name=host)",
        ]
    );
}

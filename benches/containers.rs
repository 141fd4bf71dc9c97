//! What containers cost the event loop, each figure against its baseline in
//! the same run:
//!
//! - `containers/fields`: the fields the official rules read of a process
//!   (`proc.name`, `container.id`, `container.name`,
//!   `container.image.repository`, `k8s.ns.name`) for an event of a thread
//!   in a known container, against the same event of a host thread;
//! - `containers/new`: a clone into a container never seen before (a new
//!   cgroup id, queued for lookup) while the runtime is slow (50 ms an
//!   answer, so lookups pile up to the table's bound and the rest fail at
//!   once), against the same clones with no runtime asked: the event loop
//!   must not wait for the runtime;
//! - `containers/loop`: the inspector's step for an event (the state update
//!   and the check for a `container` event to emit first) with a runtime
//!   asked and nothing to announce, against no runtime: what announcing
//!   containers costs the event loop when there is none.
//!
//! The runtime is a Docker Engine API of the bench's own on a unix socket.
//! Run: `cargo bench --bench containers`; the ratios are printed at the end.

use std::hint::black_box;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use falco::rules::field::{Field, FieldExtractor, FieldSchema, Values};
use falco_events::event::{EventBuilder, OwnedEvent, Value};
use falco_events::extract::EventContext;
use falco_events::source::{EventSet, EventSource, SourceError, SourceStats};
use falco_events::state::runtime::{ContainerEngines, ContainerTable, Lookup};
use falco_events::state::{HostState, Inspector, ThreadInfo};
use falco_events::table::codes::*;
use falco_events::SyscallFields;

const HOST_TID: i64 = 100;
const CTR_TID: i64 = 200;
const ID: &str = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

/// A Docker API that knows every container (after `delay`) and lists none.
fn fake_docker(name: &str, delay: Duration) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("falco-bench-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("docker.sock");
    let _ = std::fs::remove_file(&path);
    let listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
    std::thread::spawn(move || {
        for s in listener.incoming() {
            let Ok(mut s) = s else { continue };
            let mut line = String::new();
            let _ = std::io::BufReader::new(&s).read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
            let (status, body) = if path.starts_with("/containers/json") {
                ("200 OK", "[]".to_string())
            } else if let Some(id) = path
                .strip_prefix("/containers/")
                .and_then(|p| p.strip_suffix("/json"))
            {
                std::thread::sleep(delay);
                (
                    "200 OK",
                    format!(
                        r#"{{"Id":"{id}","Name":"/web","Config":{{"Image":"registry.example/team/web:1.2"}}}}"#
                    ),
                )
            } else {
                ("404 Not Found", String::new())
            };
            let _ = write!(s, "HTTP/1.0 {status}\r\n\r\n{body}");
        }
    });
    path
}

fn engines(socket: PathBuf) -> ContainerEngines {
    ContainerEngines {
        docker: vec![socket],
        podman: vec![],
        cri: vec![],
        label_max_len: 100,
        timeout: Duration::from_secs(2),
    }
}

fn thread(tid: i64, cgroup: &str) -> ThreadInfo {
    let mut t = ThreadInfo::placeholder(tid);
    t.pid = tid;
    t.ptid = 1;
    t.comm = "nginx".into();
    t.exe = "/usr/sbin/nginx".into();
    t.set_cgroups(std::iter::once(cgroup.as_bytes()));
    t
}

fn read_event(tid: i64) -> OwnedEvent {
    EventBuilder::new(PPME_SYSCALL_READ_X)
        .tid(tid as u64)
        .values(vec![
            Value::Int(1),
            Value::Bytes(b"a"),
            Value::Int(0),
            Value::Uint(1),
        ])
        .build()
        .expect("read")
}

/// A clone by the host thread whose child `child` lands in container `id`.
fn clone_into(child: i64, id: &str) -> OwnedEvent {
    let cg = format!("cpu=/docker/{id}\0");
    EventBuilder::new(PPME_SYSCALL_CLONE_20_X)
        .tid(HOST_TID as u64)
        .values(vec![
            Value::Int(child),
            Value::Str("/usr/sbin/nginx"),
            Value::Bytes(b""),
            Value::Int(HOST_TID),
            Value::Int(HOST_TID),
            Value::Int(1),
            Value::Str("/"),
            Value::Int(1024),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
            Value::Str("nginx"),
            Value::Bytes(cg.as_bytes()),
            Value::Uint(0),
            Value::Uint(0),
            Value::Uint(0),
        ])
        .build()
        .expect("clone")
}

fn fields_of(c: &mut Criterion) -> (f64, f64) {
    let schema = SyscallFields::new();
    let fields: Vec<Field> = [
        "proc.name",
        "container.id",
        "container.name",
        "container.image.repository",
        "k8s.ns.name",
    ]
    .iter()
    .map(|f| schema.resolve(f, None).expect("field"))
    .collect();
    let table = ContainerTable::start(&engines(fake_docker("fields", Duration::ZERO)));
    let mut state = HostState::new();
    state
        .threads
        .insert(HOST_TID, thread(HOST_TID, "cpu=/user.slice"));
    state
        .threads
        .insert(CTR_TID, thread(CTR_TID, &format!("cpu=/docker/{ID}")));
    state.watch_containers(table.clone());
    let start = Instant::now();
    while !matches!(table.get(&ID[..12]), Lookup::Found(_)) {
        assert!(start.elapsed() < Duration::from_secs(10), "no answer");
        std::thread::sleep(Duration::from_millis(5));
    }
    let host_ev = read_event(HOST_TID);
    let ctr_ev = read_event(CTR_TID);
    let host = |s: &HostState| extract_all(s, &host_ev, HOST_TID, &fields);
    let ctr = |s: &HostState| extract_all(s, &ctr_ev, CTR_TID, &fields);
    // k8s.ns.name has no value on either (no pod): four fields each.
    assert_eq!((host(&state), ctr(&state)), (4, 4), "fields with a value");
    let mut g = c.benchmark_group("containers/fields");
    g.bench_function("host", |b| b.iter(|| black_box(host(&state))));
    g.bench_function("known_container", |b| b.iter(|| black_box(ctr(&state))));
    g.finish();
    // The ratio printed at the end: the best of 5 alternating timings.
    let time = |f: &dyn Fn(&HostState) -> usize| {
        let t = Instant::now();
        for _ in 0..200_000 {
            black_box(f(&state));
        }
        t.elapsed().as_nanos() as f64 / 200_000.0
    };
    let (mut h, mut k) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        h = h.min(time(&host));
        k = k.min(time(&ctr));
    }
    (h, k)
}

/// Extracts `fields` of `ev` (a thread `tid` event); how many had a value.
fn extract_all(state: &HostState, ev: &OwnedEvent, tid: i64, fields: &[Field]) -> usize {
    let ctx = EventContext {
        event: ev.as_event(),
        state,
        num: 1,
        cpu: None,
        thread: state.threads.get(&tid),
        fd_num: None,
        fd: None,
        first_ts: 0,
        prev_ts: 0,
    };
    let mut n = 0;
    for f in fields {
        out_clear_extract(&ctx, f, &mut n);
    }
    n
}

fn out_clear_extract(ctx: &EventContext<'_>, f: &Field, n: &mut usize) {
    let mut v = Values::new();
    if ctx.extract(f, &mut v) {
        *n += 1;
    }
    black_box(&v);
}

/// Applies `events` to `state`, timed.
fn apply(state: &mut HostState, events: &[OwnedEvent]) -> Duration {
    let t = Instant::now();
    for e in events {
        state.flush_pending();
        state.update(&e.as_event());
    }
    t.elapsed()
}

fn new_containers(c: &mut Criterion) -> (f64, f64) {
    const N: usize = 1000;
    let make = |round: u64| -> Vec<OwnedEvent> {
        (0..N)
            .map(|i| {
                // The short id (12 characters) differs for each.
                let id = format!("{:06x}{:06x}{:052x}", round, i, 0);
                clone_into(10_000 + i as i64, &id)
            })
            .collect()
    };
    let slow = ContainerTable::start(&engines(fake_docker("slow", Duration::from_millis(50))));
    let mut g = c.benchmark_group("containers/new");
    g.sample_size(10);
    let mut round = 0u64;
    let mut per_event = |table: Option<&ContainerTable>, name: &str| -> f64 {
        let mut total = Duration::ZERO;
        let mut count = 0u64;
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    round += 1;
                    let events = make(round);
                    let mut state = HostState::new();
                    state
                        .threads
                        .insert(HOST_TID, thread(HOST_TID, "cpu=/user.slice"));
                    if let Some(t) = table {
                        state.watch_containers(t.clone());
                    }
                    spent += apply(&mut state, &events);
                }
                total += spent;
                count += iters * N as u64;
                spent
            })
        });
        total.as_nanos() as f64 / count.max(1) as f64
    };
    let none = per_event(None, "no_runtime");
    let asked = per_event(Some(&slow), "slow_runtime");
    g.finish();
    let (asked_n, _, _) = slow.stats();
    eprintln!(
        "containers/new: {asked_n} lookups queued; {} still pending at the end",
        asked_n - slow.stats().1 - slow.stats().2
    );
    (none, asked)
}

/// A live source that hands out the same event forever.
struct Repeat(OwnedEvent);

impl EventSource for Repeat {
    fn next_event(&mut self) -> Result<Option<falco_events::Event<'_>>, SourceError> {
        Ok(Some(self.0.as_event()))
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

fn event_loop(c: &mut Criterion) -> (f64, f64) {
    let inspector = |table: Option<ContainerTable>| {
        let mut state = HostState::new();
        state
            .threads
            .insert(HOST_TID, thread(HOST_TID, "cpu=/user.slice"));
        if let Some(t) = table {
            state.watch_containers(t);
        }
        Inspector::new(Repeat(read_event(HOST_TID)), state)
    };
    let mut none = inspector(None);
    let table = ContainerTable::start(&engines(fake_docker("loop", Duration::ZERO)));
    assert!(table.is_enabled());
    let mut asked = inspector(Some(table));
    let step = |i: &mut Inspector<Repeat>| {
        black_box(i.next().ok().flatten().map(|c| c.num));
    };
    let mut g = c.benchmark_group("containers/loop");
    g.bench_function("no_runtime", |b| b.iter(|| step(&mut none)));
    g.bench_function("runtime_nothing_to_announce", |b| {
        b.iter(|| step(&mut asked))
    });
    g.finish();
    assert_eq!(asked.stats().container_events, 0, "nothing announced");
    // The ratio printed at the end: the best of 5 alternating timings.
    let time = |i: &mut Inspector<Repeat>| {
        let t = Instant::now();
        for _ in 0..200_000 {
            step(i);
        }
        t.elapsed().as_nanos() as f64 / 200_000.0
    };
    let (mut n, mut a) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        n = n.min(time(&mut none));
        a = a.min(time(&mut asked));
    }
    (n, a)
}

fn benches(c: &mut Criterion) {
    let (host, ctr) = fields_of(c);
    let (none, slow) = new_containers(c);
    let (quiet, announcing) = event_loop(c);
    eprintln!(
        "containers/loop: {quiet:.0} ns per event with no runtime, {announcing:.0} ns with a runtime and nothing to announce: ratio {:.2}",
        announcing / quiet
    );
    eprintln!(
        "containers/fields: host {host:.0} ns, known container {ctr:.0} ns per event: ratio {:.2}",
        ctr / host
    );
    eprintln!(
        "containers/new: {none:.0} ns per clone with no runtime, {slow:.0} ns with a slow runtime (1,000 new containers a round): ratio {:.2}",
        slow / none
    );
}

criterion_group!(containers, benches);
criterion_main!(containers);

//! Live tests: load the probe on this kernel, make a child (or this thread)
//! do something, and check the events the probe writes, byte for byte.
//!
//! They need root (or CAP_BPF + CAP_PERFMON) and a kernel with BTF. Without
//! them each test prints why and passes as skipped, except under CI
//! (`CI=true`), where a missing privilege is a failure.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use falco_driver_bpf::{BpfProbe, ProbeConfig, ProbeError};

const OPENAT_E: u16 = 306;
const OPENAT_X: u16 = 307;
const EXECVE_X: u16 = 293;
const CLONE_X: u16 = 223;
const CONNECT_E: u16 = 22;
const CONNECT_X: u16 = 23;
const ACCEPT4_X: u16 = 389;
const CLOSE_X: u16 = 5;
const PROCEXIT_E: u16 = 186;

const PPM_O_RDONLY: u64 = 1;
const PPM_AT_FDCWD: i64 = -100;
const PPM_AF_INET: u8 = 2;

/// A minimal view of one event in Falco's layout: this test's own decoder,
/// independent of the one in falco-events.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RawEvent<'a> {
    /// Nanoseconds since the epoch.
    ts: u64,
    /// Thread id.
    tid: u64,
    /// Event code (`PPME_*`).
    event_type: u16,
    /// Parameter bytes, in order; an empty slice is an empty parameter.
    params: Vec<&'a [u8]>,
}

impl<'a> RawEvent<'a> {
    /// Splits an event with u16 parameter lengths (every syscall event).
    /// None if the bytes are not a well-formed event.
    fn parse(bytes: &'a [u8]) -> Option<RawEvent<'a>> {
        let u64_at = |o: usize| {
            bytes
                .get(o..o + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map(u64::from_le_bytes)
        };
        let u32_at = |o: usize| {
            bytes
                .get(o..o + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map(u32::from_le_bytes)
        };
        let u16_at = |o: usize| {
            bytes
                .get(o..o + 2)
                .and_then(|b| <[u8; 2]>::try_from(b).ok())
                .map(u16::from_le_bytes)
        };
        let ts = u64_at(0)?;
        let tid = u64_at(8)?;
        let len = u32_at(16)? as usize;
        let event_type = u16_at(20)?;
        let nparams = u32_at(22)? as usize;
        if len != bytes.len() || nparams > 32 {
            return None;
        }
        let mut pos = 26 + 2 * nparams;
        let mut params = Vec::with_capacity(nparams);
        for i in 0..nparams {
            let l = u16_at(26 + 2 * i)? as usize;
            params.push(bytes.get(pos..pos + l)?);
            pos += l;
        }
        if pos != len {
            return None;
        }
        Some(RawEvent {
            ts,
            tid,
            event_type,
            params,
        })
    }

    /// Parameter `i` as a little-endian integer of its width (1, 2, 4 or 8
    /// bytes), sign-extended from its width when `signed`.
    fn int(&self, i: usize) -> Option<i64> {
        let p = self.params.get(i)?;
        Some(match p.len() {
            1 => p[0] as i8 as i64,
            2 => i16::from_le_bytes([p[0], p[1]]) as i64,
            4 => i32::from_le_bytes([p[0], p[1], p[2], p[3]]) as i64,
            8 => i64::from_le_bytes(<[u8; 8]>::try_from(*p).ok()?),
            _ => return None,
        })
    }

    /// Parameter `i` as an unsigned integer of its width.
    fn uint(&self, i: usize) -> Option<u64> {
        let p = self.params.get(i)?;
        Some(match p.len() {
            1 => p[0] as u64,
            2 => u16::from_le_bytes([p[0], p[1]]) as u64,
            4 => u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as u64,
            8 => u64::from_le_bytes(<[u8; 8]>::try_from(*p).ok()?),
            _ => return None,
        })
    }

    /// Parameter `i` as a string (a CHARBUF/FSPATH without its NUL).
    fn str(&self, i: usize) -> Option<&'a str> {
        let p = *self.params.get(i)?;
        let p = p.strip_suffix(&[0]).unwrap_or(p);
        std::str::from_utf8(p).ok()
    }
}

fn open_probe(config: ProbeConfig) -> Option<BpfProbe> {
    match BpfProbe::open(config) {
        Ok(p) => Some(p),
        Err(
            e @ (ProbeError::NotRoot { .. }
            | ProbeError::NoBtf { .. }
            | ProbeError::BpfNotPermitted { .. }
            | ProbeError::Unsupported { .. }),
        ) => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI must run the live BPF tests: {e}");
            }
            eprintln!("skipped: {e}");
            None
        }
        Err(e) => panic!("opening the probe: {e}"),
    }
}

fn small_config() -> ProbeConfig {
    ProbeConfig::default()
        .with_buf_size_preset(2)
        .expect("preset 2 exists")
}

/// Owned copy of an event (the probe's slice lives until the next call).
#[derive(Clone, Debug)]
struct Ev {
    tid: u64,
    ty: u16,
    bytes: Vec<u8>,
}

impl Ev {
    fn raw(&self) -> RawEvent<'_> {
        RawEvent::parse(&self.bytes).expect("well-formed event")
    }
}

/// Collects events until `done` says the wanted ones are in, or 10 s pass.
fn collect(
    probe: &mut BpfProbe,
    keep: impl Fn(&Ev) -> bool,
    done: impl Fn(&[Ev]) -> bool,
) -> Vec<Ev> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut out = Vec::new();
    while Instant::now() < deadline {
        let Some(bytes) = probe.next_event_timeout(Duration::from_millis(100)) else {
            if done(&out) {
                break;
            }
            continue;
        };
        let raw = RawEvent::parse(bytes).unwrap_or_else(|| panic!("malformed event: {bytes:?}"));
        let ev = Ev {
            tid: raw.tid,
            ty: raw.event_type,
            bytes: bytes.to_vec(),
        };
        if keep(&ev) {
            out.push(ev);
            if done(&out) {
                break;
            }
        }
    }
    out
}

fn gettid() -> u64 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u64 }
}

fn find(events: &[Ev], ty: u16) -> Option<&Ev> {
    events.iter().find(|e| e.ty == ty)
}

/// Every event matches the parameter count of falco-events' table.
fn check_table(events: &[Ev]) {
    for e in events {
        let info = falco_events::event_info(e.ty).expect("known event code");
        assert_eq!(
            e.raw().params.len(),
            info.params.len(),
            "{} params",
            info.name
        );
    }
}

#[test]
fn a_child_opening_etc_shadow_produces_openat_enter_and_exit() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let child = Command::new("/bin/cat")
        .arg("/etc/shadow")
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn cat");
    let pid = child.id() as u64;
    let is_shadow =
        |e: &Ev| e.raw().str(if e.ty == OPENAT_E { 1 } else { 2 }) == Some("/etc/shadow");
    let events = collect(
        &mut probe,
        |e| e.tid == pid && (e.ty == OPENAT_E || e.ty == OPENAT_X) && is_shadow(e),
        |evs| find(evs, OPENAT_E).is_some() && find(evs, OPENAT_X).is_some(),
    );
    let _ = { child }.wait();
    check_table(&events);

    let enter = find(&events, OPENAT_E).expect("openat enter event").raw();
    assert_eq!(enter.int(0), Some(PPM_AT_FDCWD), "dirfd");
    assert_eq!(enter.str(1), Some("/etc/shadow"));
    assert_eq!(
        enter.uint(2).map(|f| f & 3),
        Some(PPM_O_RDONLY),
        "flags: read-only"
    );
    assert_eq!(enter.uint(3), Some(0), "mode without O_CREAT");

    let exit = find(&events, OPENAT_X).expect("openat exit event").raw();
    assert_eq!(exit.tid, pid);
    let fd = exit.int(0).expect("fd");
    assert!(fd >= 3, "fd {fd}");
    assert_eq!(exit.int(1), Some(PPM_AT_FDCWD), "dirfd");
    assert_eq!(exit.str(2), Some("/etc/shadow"));
    assert_eq!(exit.uint(3).map(|f| f & 3), Some(PPM_O_RDONLY));
    let meta = std::fs::metadata("/etc/shadow").expect("stat");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(exit.uint(6), Some(meta.ino()), "ino");
    assert!(
        exit.ts > 1_600_000_000_000_000_000,
        "ts is epoch ns: {}",
        exit.ts
    );
}

#[test]
fn creating_a_file_sets_o_creat_mode_and_f_created() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let path = std::env::temp_dir().join(format!("falco-bpf-creat-{}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let tid = gettid();
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o640)
            .open(&path)
            .expect("create");
    }
    let name = path.to_str().expect("utf-8 temp path").to_string();
    let events = collect(
        &mut probe,
        |e| e.tid == tid && e.ty == OPENAT_X && e.raw().str(2) == Some(name.as_str()),
        |evs| !evs.is_empty(),
    );
    let _ = std::fs::remove_file(&path);
    let exit = events.first().expect("openat exit").raw();
    let flags = exit.uint(3).expect("flags");
    const PPM_O_WRONLY: u64 = 1 << 1;
    const PPM_O_CREAT: u64 = 1 << 2;
    const PPM_O_EXCL: u64 = 1 << 5;
    const PPM_O_CLOEXEC: u64 = 1 << 12;
    const PPM_O_F_CREATED: u64 = 1 << 14;
    assert_eq!(
        flags,
        PPM_O_WRONLY | PPM_O_CREAT | PPM_O_EXCL | PPM_O_CLOEXEC | PPM_O_F_CREATED,
        "flags {flags:#x}"
    );
    assert_eq!(exit.uint(4), Some(0o640), "mode");
}

#[test]
fn a_child_running_bin_true_produces_execve_with_exe_args_cwd_and_parent() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let child = Command::new("/bin/true")
        .args(["first", "second"])
        .current_dir("/tmp")
        .spawn()
        .expect("spawn true");
    let pid = child.id() as u64;
    let events = collect(
        &mut probe,
        |e| e.tid == pid && e.ty == EXECVE_X,
        |evs| !evs.is_empty(),
    );
    let _ = { child }.wait();
    check_table(&events);
    let e = events.first().expect("execve event").raw();
    let info = falco_events::event_info(EXECVE_X).expect("execve in table");
    let p = |name: &str| info.param_index(name).expect(name);
    assert_eq!(e.int(p("res")), Some(0));
    assert_eq!(e.str(p("exe")), Some("/bin/true"));
    assert_eq!(e.params[p("args")], b"first\0second\0");
    assert_eq!(e.int(p("tid")), Some(pid as i64));
    assert_eq!(e.int(p("pid")), Some(pid as i64));
    assert_eq!(
        e.int(p("ptid")),
        Some(std::process::id() as i64),
        "parent is this test process"
    );
    assert_eq!(e.str(p("cwd")), Some("/tmp"));
    assert_eq!(e.str(p("comm")), Some("true"));
    assert_eq!(e.str(p("filename")), Some("/bin/true"));
    assert_eq!(
        e.str(p("trusted_exepath")),
        Some("/usr/bin/true").or(e.str(p("trusted_exepath")))
    );
    assert!(e.uint(p("fdlimit")).unwrap_or(0) > 0, "fdlimit");
    assert!(e.uint(p("vm_size")).unwrap_or(0) > 0, "vm_size");
    let env = e.params[p("env")];
    assert!(
        env.split(|b| *b == 0).any(|kv| kv.starts_with(b"PATH=")),
        "env has PATH"
    );
    let cgroups = e.params[p("cgroups")];
    assert!(
        cgroups.starts_with(b"cpuset="),
        "cgroups: {:?}",
        String::from_utf8_lossy(cgroups)
    );
    let exepath = e.str(p("trusted_exepath")).expect("trusted_exepath");
    assert!(exepath.ends_with("/true"), "{exepath}");
    let want_ino = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/bin/true").expect("stat").ino()
    };
    assert_eq!(e.uint(p("exe_ino")), Some(want_ino));
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    if euid == 0 {
        assert_eq!(
            e.uint(p("flags")),
            Some(1),
            "PPM_EXE_WRITABLE: root owns /bin/true"
        );
    }
    assert_eq!(e.uint(p("uid")), Some(euid as u64));
    // The child runs with this process's capabilities (same user, no file caps).
    let cap_eff = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapEff:").map(|v| v.trim().to_string()))
        })
        .and_then(|v| u64::from_str_radix(&v, 16).ok());
    assert_eq!(e.uint(p("cap_effective")), cap_eff, "cap_effective");
}

#[test]
fn a_failed_execve_is_reported_from_sys_exit_with_its_errno() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let tid = gettid();
    let path = c"/nonexistent/falco-bpf-test";
    let argv = [
        path.as_ptr(),
        c"one".as_ptr(),
        c"two".as_ptr(),
        std::ptr::null(),
    ];
    let envp = [c"FALCO_TEST=1".as_ptr(), std::ptr::null()];
    // SAFETY: valid NUL-terminated path and NULL-terminated argv/envp; the
    // call fails (no such file), so this process keeps running.
    let rc = unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    assert_eq!(rc, -1);
    let events = collect(
        &mut probe,
        |e| e.tid == tid && e.ty == EXECVE_X,
        |evs| !evs.is_empty(),
    );
    check_table(&events);
    let e = events.first().expect("execve event").raw();
    assert_eq!(e.int(0), Some(-(libc::ENOENT as i64)));
    assert_eq!(e.str(30), Some("/nonexistent/falco-bpf-test"), "filename");
    // exe, args and env are the ones the call was given, not this process's.
    assert_eq!(
        e.str(1),
        Some("/nonexistent/falco-bpf-test"),
        "exe = argv[0]"
    );
    assert_eq!(e.params[2], b"one\0two\0", "args");
    assert_eq!(e.params[15], b"FALCO_TEST=1\0", "env");
    assert_eq!(e.int(3), Some(tid as i64), "tid");
}

#[test]
fn a_fork_reports_the_child_tid_in_the_parent_and_the_child() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let parent_tid = gettid();
    // SAFETY: the child only calls the async-signal-safe _exit.
    let child = unsafe { libc::fork() };
    if child == 0 {
        // SAFETY: ends the forked child at once.
        unsafe { libc::_exit(7) };
    }
    assert!(child > 0, "fork failed");
    let mut status = 0;
    // SAFETY: waiting for our own child.
    unsafe { libc::waitpid(child, &mut status, 0) };
    let child = child as u64;
    let events = collect(
        &mut probe,
        |e| {
            (e.tid == parent_tid && e.ty == CLONE_X && e.raw().int(0) == Some(child as i64))
                || (e.tid == child && (e.ty == CLONE_X || e.ty == PROCEXIT_E))
        },
        |evs| evs.len() >= 3,
    );
    check_table(&events);
    let in_parent = events
        .iter()
        .find(|e| e.tid == parent_tid)
        .expect("clone exit in the parent")
        .raw();
    assert_eq!(in_parent.int(0), Some(child as i64), "res = child tid");
    assert_eq!(in_parent.int(3), Some(parent_tid as i64), "tid");
    let in_child = events
        .iter()
        .find(|e| e.tid == child && e.ty == CLONE_X)
        .expect("clone exit in the child")
        .raw();
    assert_eq!(in_child.int(0), Some(0), "res = 0 in the child");
    assert_eq!(in_child.int(3), Some(child as i64), "tid");
    assert_eq!(in_child.int(4), Some(child as i64), "pid");
    assert_eq!(in_child.int(5), Some(std::process::id() as i64), "ptid");
    let exit = events
        .iter()
        .find(|e| e.ty == PROCEXIT_E)
        .expect("procexit of the child")
        .raw();
    assert_eq!(exit.int(0), Some(7 << 8), "status");
    assert_eq!(exit.int(1), Some(7), "ret");
    assert_eq!(exit.uint(2), Some(0), "sig");
}

#[test]
fn a_tcp_connect_carries_the_socket_tuple() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
    let server_port = listener.local_addr().expect("addr").port();
    let tid = gettid();
    let client = TcpStream::connect(("127.0.0.1", server_port)).expect("connect");
    let client_port = client.local_addr().expect("addr").port();
    let (mut accepted, _) = listener.accept().expect("accept");
    drop(client);
    let mut buf = [0u8; 1];
    let _ = accepted.read(&mut buf);
    let events = collect(
        &mut probe,
        |e| e.tid == tid && matches!(e.ty, CONNECT_E | CONNECT_X | ACCEPT4_X),
        |evs| {
            find(evs, CONNECT_E).is_some()
                && find(evs, CONNECT_X).is_some()
                && find(evs, ACCEPT4_X).is_some()
        },
    );
    check_table(&events);
    let mut tuple = vec![PPM_AF_INET];
    tuple.extend_from_slice(&[127, 0, 0, 1]);
    tuple.extend_from_slice(&client_port.to_le_bytes());
    tuple.extend_from_slice(&[127, 0, 0, 1]);
    tuple.extend_from_slice(&server_port.to_le_bytes());
    let mut addr = vec![PPM_AF_INET, 127, 0, 0, 1];
    addr.extend_from_slice(&server_port.to_le_bytes());

    let enter = find(&events, CONNECT_E).expect("connect enter").raw();
    assert_eq!(enter.params[1], addr.as_slice(), "enter addr");
    let exit = find(&events, CONNECT_X).expect("connect exit").raw();
    assert_eq!(exit.int(0), Some(0), "res");
    assert_eq!(exit.params[1], tuple.as_slice(), "tuple client -> server");
    assert_eq!(exit.int(2), enter.int(0), "fd");
    assert_eq!(exit.params[3], addr.as_slice(), "addr");
    let accept = find(&events, ACCEPT4_X).expect("accept4 exit").raw();
    assert!(accept.int(0).unwrap_or(-1) >= 0, "accepted fd");
    assert_eq!(
        accept.params[1],
        tuple.as_slice(),
        "accept tuple reads client -> server too"
    );
}

#[test]
fn a_tiny_buffer_with_a_paused_consumer_counts_drops() {
    let config = ProbeConfig {
        buffer_bytes: 16 * 1024,
        keep_state_syscalls: false,
        ..ProbeConfig::default()
    };
    let Some(mut probe) = open_probe(config) else {
        return;
    };
    probe
        .set_interesting(["openat", "close"])
        .expect("set_interesting");
    // Events written before the narrowing took effect (the map updates of
    // set_interesting are bpf syscalls) are older than this.
    let t0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after the epoch")
        .as_nanos() as u64;
    for _ in 0..2000 {
        let _ = std::fs::File::open("/etc/hostname");
    }
    let stats = probe.stats().expect("stats");
    assert!(stats.n_drops_buffer > 0, "{stats:?}");
    let source_drops = falco_events::EventSource::stats(&probe).drops;
    assert!(
        source_drops >= stats.n_drops_buffer,
        "EventSource drops {source_drops}"
    );
    assert!(stats.n_evts >= 4000, "{stats:?}");
    let count = |name| {
        stats
            .per_syscall
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
            .unwrap_or(0)
    };
    assert!(
        count("openat") >= 2000 && count("close") >= 2000,
        "{stats:?}"
    );
    let dropped: u64 = stats.drops_per_event.iter().map(|(_, n)| n).sum();
    // Read one after the other while other threads still make syscalls.
    assert!(
        dropped >= stats.n_drops_buffer,
        "per-event drops add up: {stats:?}"
    );
    assert!(
        stats
            .drops_per_event
            .iter()
            .all(|(code, _)| [OPENAT_E, OPENAT_X, CLOSE_X].contains(code)),
        "{:?}",
        stats.drops_per_event
    );
    // What did fit is still well-formed, and only openat/close come through.
    let mut seen = 0;
    while let Some(bytes) = probe.next_event() {
        let e = RawEvent::parse(bytes).expect("well-formed");
        if e.ts < t0 {
            continue;
        }
        assert!(
            matches!(e.event_type, OPENAT_E | OPENAT_X | CLOSE_X),
            "type {}",
            e.event_type
        );
        seen += 1;
    }
    assert!(seen > 0);
}

#[test]
fn set_interesting_narrows_the_events_and_names_what_it_cannot_capture() {
    let config = ProbeConfig {
        keep_state_syscalls: false,
        ..small_config()
    };
    let Some(mut probe) = open_probe(config) else {
        return;
    };
    let uncovered = probe
        .set_interesting(["close", "read", "not_a_syscall"])
        .expect("set_interesting");
    assert_eq!(
        uncovered,
        vec!["read".to_string(), "not_a_syscall".to_string()]
    );
    let tid = gettid();
    let _ = std::fs::File::open("/etc/hostname");
    let events = collect(
        &mut probe,
        |e| e.tid == tid,
        |evs| find(evs, CLOSE_X).is_some(),
    );
    assert!(
        find(&events, CLOSE_X).is_some(),
        "close still comes through"
    );
    assert!(find(&events, OPENAT_X).is_none(), "openat is off");
}

#[test]
fn the_probe_is_an_event_source_of_falco_events() {
    use falco_events::{EventSet, EventSource};
    let config = ProbeConfig {
        keep_state_syscalls: false,
        ..small_config()
    };
    let Some(mut probe) = open_probe(config) else {
        return;
    };
    let source: &mut dyn EventSource = &mut probe;
    source
        .set_event_types(&EventSet::from_codes([OPENAT_X]))
        .expect("selection applies");
    let child = Command::new("/bin/cat")
        .arg("/etc/shadow")
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn cat");
    let pid = child.id() as u64;
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut found = None;
    while Instant::now() < deadline && found.is_none() {
        let Some(evt) = source.next_event().expect("live source") else {
            continue;
        };
        // Other processes run on this machine: look at the child only.
        if evt.tid() != pid {
            continue;
        }
        // The probe turns syscalls on, so openat's enter event comes too.
        assert_eq!(evt.name(), "openat", "only openat was asked for");
        if evt.code() != OPENAT_X {
            continue;
        }
        let name = evt.param_by_name("name").map(|p| p.as_bytes().to_vec());
        if evt.tid() == pid && name.as_deref() == Some(b"/etc/shadow\0".as_slice()) {
            found = Some(evt.name());
        }
    }
    let _ = { child }.wait();
    assert_eq!(found, Some("openat"));
    assert!(source.stats().events > 0);
}

fn cstr(s: &str) -> std::ffi::CString {
    std::ffi::CString::new(s).expect("no NUL in test paths")
}

/// Table-driven events: each syscall below runs once on this thread, and
/// its exit event carries the parameters Falco's table lists, encoded as
/// Falco's drivers encode them.
#[test]
fn table_driven_syscalls_write_falcos_parameters() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let tid = gettid();
    let dir = std::env::temp_dir().join(format!("falco-bpf-table-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir(&dir).expect("temp dir");
    let p = |name: &str| dir.join(name).to_str().expect("utf-8").to_string();
    std::fs::write(p("file"), b"x").expect("file");
    let (sub, link, file, file2, file3) = (p("sub"), p("link"), p("file"), p("file2"), p("file3"));
    let hello = b"hello";
    let receiver = std::net::UdpSocket::bind("127.0.0.1:0").expect("udp bind");
    let port = receiver.local_addr().expect("addr").port();
    let mut fds = [0i32; 2];
    let mut name_buf = [0u8; 16];
    let (memfd, sock, dup_fd);
    // SAFETY: plain syscalls on valid NUL-terminated paths and buffers this
    // function owns; every fd opened here is closed below.
    unsafe {
        assert_eq!(libc::mkdirat(libc::AT_FDCWD, cstr(&sub).as_ptr(), 0o750), 0);
        assert_eq!(
            libc::symlinkat(c"target".as_ptr(), libc::AT_FDCWD, cstr(&link).as_ptr()),
            0
        );
        assert_eq!(
            libc::linkat(
                libc::AT_FDCWD,
                cstr(&file).as_ptr(),
                libc::AT_FDCWD,
                cstr(&file2).as_ptr(),
                0
            ),
            0
        );
        let rc = libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            cstr(&file2).as_ptr(),
            libc::AT_FDCWD,
            cstr(&file3).as_ptr(),
            1u32, // RENAME_NOREPLACE
        );
        assert_eq!(rc, 0);
        assert_eq!(libc::unlinkat(libc::AT_FDCWD, cstr(&file3).as_ptr(), 0), 0);
        assert_eq!(
            libc::unlinkat(libc::AT_FDCWD, cstr(&sub).as_ptr(), libc::AT_REMOVEDIR),
            0
        );
        assert_eq!(
            libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK),
            0
        );
        dup_fd = libc::dup3(fds[0], 200, libc::O_CLOEXEC);
        assert_eq!(dup_fd, 200);
        assert!(libc::fcntl(fds[0], libc::F_GETFL) >= 0);
        assert_eq!(libc::kill(libc::getpid(), 0), 0);
        assert_eq!(libc::prctl(libc::PR_GET_NAME, name_buf.as_mut_ptr()), 0);
        memfd = libc::memfd_create(c"falco-test".as_ptr(), libc::MFD_CLOEXEC);
        assert!(memfd >= 0);
        sock = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        assert!(sock >= 0);
        let to = libc::sockaddr_in {
            sin_family: libc::AF_INET as u16,
            sin_port: port.to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from_ne_bytes([127, 0, 0, 1]),
            },
            sin_zero: [0; 8],
        };
        let sent = libc::sendto(
            sock,
            hello.as_ptr().cast(),
            hello.len(),
            0,
            (&to as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as u32,
        );
        assert_eq!(sent, 5);
        for fd in [fds[0], fds[1], dup_fd, memfd, sock] {
            libc::close(fd);
        }
    }
    let mut buf = [0u8; 16];
    let (n, from) = receiver.recv_from(&mut buf).expect("recv");
    assert_eq!(n, 5);
    let _ = std::fs::remove_dir_all(&dir);

    const WANTED: [u16; 13] = [
        305, 181, 311, 319, 303, 393, 365, 151, 129, 401, 405, 19, 31,
    ];
    let events = collect(
        &mut probe,
        |e| e.tid == tid && (WANTED.contains(&e.ty) || e.ty == 35),
        |evs| WANTED.iter().all(|c| find(evs, *c).is_some()) && find(evs, 35).is_some(),
    );
    check_table(&events);
    // The last event of each type: this thread made others before (the UDP
    // receiver's socket, for one).
    let ev = |code: u16| {
        events
            .iter()
            .rev()
            .find(|e| e.ty == code)
            .unwrap_or_else(|| panic!("event {code}"))
            .raw()
    };

    let e = ev(305); // mkdirat
    assert_eq!(
        (e.int(0), e.int(1), e.str(2), e.uint(3)),
        (Some(0), Some(-100), Some(sub.as_str()), Some(0o750))
    );
    let e = ev(181); // symlinkat
    assert_eq!(
        (e.str(1), e.int(2), e.str(3)),
        (Some("target"), Some(-100), Some(link.as_str()))
    );
    let e = ev(311); // linkat
    assert_eq!(
        (e.str(2), e.str(4), e.uint(5)),
        (Some(file.as_str()), Some(file2.as_str()), Some(0))
    );
    let e = ev(319); // renameat2
    assert_eq!(
        (e.str(2), e.str(4), e.uint(5)),
        (Some(file2.as_str()), Some(file3.as_str()), Some(1))
    );
    let unlinks: Vec<_> = events
        .iter()
        .filter(|e| e.ty == 303)
        .map(|e| e.raw().uint(3))
        .collect();
    assert_eq!(
        unlinks,
        vec![Some(0), Some(0x200)],
        "unlinkat flags: 0, then PPM_AT_REMOVEDIR"
    );
    let e = ev(393); // pipe2
    assert_eq!(
        (e.int(1), e.int(2)),
        (Some(fds[0] as i64), Some(fds[1] as i64))
    );
    assert_eq!(
        e.uint(4),
        Some((1 << 12) | (1 << 6)),
        "PPM_O_CLOEXEC | PPM_O_NONBLOCK"
    );
    assert!(e.uint(3).unwrap_or(0) > 0, "pipe inode");
    let e = ev(365); // dup3
    assert_eq!(
        (e.int(0), e.int(1), e.int(2), e.uint(3)),
        (Some(200), Some(fds[0] as i64), Some(200), Some(1 << 12))
    );
    let e = ev(151); // fcntl
    assert_eq!(
        (e.int(1), e.uint(2)),
        (Some(fds[0] as i64), Some(4)),
        "PPM_FCNTL_F_GETFL"
    );
    let e = ev(129); // kill
    assert_eq!(
        (e.int(0), e.int(1), e.uint(2)),
        (Some(0), Some(std::process::id() as i64), Some(0))
    );
    let e = ev(401); // prctl
    let thread_name = std::ffi::CStr::from_bytes_until_nul(&name_buf)
        .expect("name")
        .to_str()
        .expect("utf-8");
    assert_eq!(
        (e.uint(1), e.str(2), e.int(3)),
        (Some(16), Some(thread_name), Some(0)),
        "PR_GET_NAME: the name, and arg2_int 0"
    );
    let e = ev(405); // memfd_create
    assert_eq!(
        (e.int(0), e.str(1), e.uint(2)),
        (Some(memfd as i64), Some("falco-test"), Some(1))
    );
    let e = ev(19); // socket
    assert_eq!(
        (e.int(0), e.uint(1), e.uint(2), e.uint(4)),
        (
            Some(sock as i64),
            Some(2),
            Some(2 | 0o2000000),
            Some(1 << 12)
        )
    );
    let e = ev(31); // sendto: data, fd, size, tuple with the destination from the user's sockaddr
    assert_eq!(
        (e.int(0), e.params[1], e.int(2), e.uint(3)),
        (Some(5), &hello[..], Some(sock as i64), Some(5))
    );
    let tuple = e.params[4];
    assert_eq!(tuple.len(), 13, "ipv4 tuple");
    assert_eq!(
        &tuple[7..13],
        &[[127, 0, 0, 1].as_slice(), &port.to_le_bytes()].concat()[..],
        "destination"
    );
    let e = ev(35); // recvfrom: data and the tuple sender -> receiver
    assert_eq!((e.int(0), e.params[1]), (Some(5), &hello[..]));
    let mut want = vec![PPM_AF_INET, 127, 0, 0, 1];
    want.extend_from_slice(&from.port().to_le_bytes());
    want.extend_from_slice(&[127, 0, 0, 1]);
    want.extend_from_slice(&port.to_le_bytes());
    assert_eq!(e.params[2], want.as_slice(), "recvfrom tuple");
}

#[test]
fn ptrace_traceme_writes_the_request_and_dynamic_params() {
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    // SAFETY: the child only makes raw syscalls and _exits.
    let child = unsafe { libc::fork() };
    if child == 0 {
        // SAFETY: PTRACE_TRACEME takes no pointers; then end the child.
        unsafe {
            libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0);
            libc::_exit(0);
        }
    }
    assert!(child > 0, "fork failed");
    let mut status = 0;
    // SAFETY: waiting for our own child.
    unsafe { libc::waitpid(child, &mut status, 0) };
    let child = child as u64;
    let events = collect(
        &mut probe,
        |e| e.tid == child && e.ty == 169,
        |evs| !evs.is_empty(),
    );
    check_table(&events);
    let e = events.first().expect("ptrace event").raw();
    assert_eq!(e.int(0), Some(0), "res");
    assert_eq!(
        e.params[1],
        [0u8; 9].as_slice(),
        "addr: DYN index 0 (UINT64), 0"
    );
    assert_eq!(
        e.params[2],
        [0u8; 9].as_slice(),
        "data: DYN index 0 (UINT64), 0"
    );
    assert_eq!(e.uint(3), Some(1), "request PPM_PTRACE_TRACEME");
    assert_eq!(e.int(4), Some(0), "pid");
}

#[test]
fn a_new_thread_reports_clone3_with_clone_thread_in_both_threads() {
    const CLONE3_X: u16 = 335;
    const PPM_CL_CLONE_THREAD: u64 = 1 << 13;
    const PPM_CL_CLONE_VM: u64 = 1 << 15;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let parent = gettid();
    let child = std::thread::spawn(gettid).join().expect("thread");
    let events = collect(
        &mut probe,
        |e| {
            e.ty == CLONE3_X
                && (e.tid == child || (e.tid == parent && e.raw().int(0) == Some(child as i64)))
        },
        |evs| evs.len() >= 2,
    );
    check_table(&events);
    let in_child = events
        .iter()
        .find(|e| e.tid == child)
        .expect("clone3 exit in the new thread")
        .raw();
    assert_eq!(in_child.int(0), Some(0), "res");
    assert_eq!(in_child.int(3), Some(child as i64), "tid");
    assert_eq!(
        in_child.int(4),
        Some(std::process::id() as i64),
        "pid: same thread group"
    );
    let flags = in_child.uint(15).expect("flags");
    assert_eq!(
        flags & (PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM),
        PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM,
        "{flags:#x}"
    );
    let in_parent = events
        .iter()
        .find(|e| e.tid == parent)
        .expect("clone3 exit in the parent")
        .raw();
    assert_eq!(in_parent.uint(15), Some(flags), "same flags in both");
}

fn pin_to_cpu(cpu: usize) {
    // SAFETY: a zeroed cpu_set_t is a valid empty set; CPU_SET writes within it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
    }
}

#[test]
fn the_consumer_returns_the_oldest_event_across_rings() {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let config = ProbeConfig {
        cpus_for_each_buffer: 1,
        keep_state_syscalls: false,
        ..small_config()
    };
    let Some(mut probe) = open_probe(config) else {
        return;
    };
    if cpus < 2 || probe.ring_count() < 2 {
        eprintln!("skipped: needs two CPUs for two rings");
        return;
    }
    probe.set_interesting(["close"]).expect("set_interesting");
    // Two threads, one per CPU, interleave close(-1) calls into both rings.
    let workers: Vec<_> = (0..2)
        .map(|cpu| {
            std::thread::spawn(move || {
                pin_to_cpu(cpu);
                for _ in 0..2000 {
                    // SAFETY: closing an invalid fd only fails with EBADF.
                    unsafe { libc::close(-1) };
                }
                gettid()
            })
        })
        .collect();
    let tids: Vec<u64> = workers
        .into_iter()
        .map(|w| w.join().expect("worker"))
        .collect();
    // Everything is committed now: drain, remembering each event's ring.
    let mut seen: Vec<(u64, usize)> = Vec::new();
    let mut rings_used = std::collections::HashSet::new();
    while let Some(bytes) = probe.next_event() {
        let (ts, tid) = {
            let e = RawEvent::parse(bytes).expect("well-formed");
            (e.ts, e.tid)
        };
        let ring = probe.last_ring().expect("held event has a ring");
        if tids.contains(&tid) {
            seen.push((ts, ring));
            rings_used.insert(ring);
        }
    }
    assert!(seen.len() >= 4000, "{} events", seen.len());
    assert_eq!(rings_used.len(), 2, "both rings carried events");
    // Whenever the consumer switches rings, it never goes back in time
    // (within a ring the kernel's commit order stands).
    for pair in seen.windows(2) {
        let ((ts_a, ring_a), (ts_b, ring_b)) = (pair[0], pair[1]);
        if ring_a != ring_b {
            assert!(
                ts_a <= ts_b,
                "ring {ring_a} at {ts_a} then ring {ring_b} at {ts_b}"
            );
        }
    }
}

/// The fd-creating syscalls host state tracks, beyond open and socket.
#[test]
fn fd_creating_syscalls_write_falcos_parameters() {
    const SOCKETPAIR_X: u16 = 43;
    const EVENTFD2_X: u16 = 397;
    const EPOLL_CREATE1_X: u16 = 377;
    const TIMERFD_CREATE_X: u16 = 137;
    const INOTIFY_INIT1_X: u16 = 395;
    const PIDFD_OPEN_X: u16 = 409;
    const PPM_O_NONBLOCK: u64 = 1 << 6;
    const PPM_O_CLOEXEC: u64 = 1 << 12;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let tid = gettid();
    let mut pair = [0i32; 2];
    let (efd, epfd, tfd, ifd, pidfd);
    // SAFETY: plain syscalls with valid arguments; every fd is closed below.
    unsafe {
        assert_eq!(
            libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0, pair.as_mut_ptr()),
            0
        );
        efd = libc::eventfd(7, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK);
        epfd = libc::epoll_create1(libc::EPOLL_CLOEXEC);
        tfd = libc::timerfd_create(
            libc::CLOCK_MONOTONIC,
            libc::TFD_CLOEXEC | libc::TFD_NONBLOCK,
        );
        ifd = libc::inotify_init1(libc::IN_CLOEXEC);
        pidfd = libc::syscall(libc::SYS_pidfd_open, libc::getpid(), 0) as i32;
        for fd in [pair[0], pair[1], efd, epfd, tfd, ifd, pidfd] {
            assert!(fd >= 0);
            libc::close(fd);
        }
    }
    const WANTED: [u16; 6] = [
        SOCKETPAIR_X,
        EVENTFD2_X,
        EPOLL_CREATE1_X,
        TIMERFD_CREATE_X,
        INOTIFY_INIT1_X,
        PIDFD_OPEN_X,
    ];
    let events = collect(
        &mut probe,
        |e| e.tid == tid && WANTED.contains(&e.ty),
        |evs| WANTED.iter().all(|c| find(evs, *c).is_some()),
    );
    check_table(&events);
    let ev = |code: u16| {
        find(&events, code)
            .unwrap_or_else(|| panic!("event {code}"))
            .raw()
    };

    let e = ev(SOCKETPAIR_X);
    assert_eq!(
        (e.int(0), e.int(1), e.int(2)),
        (Some(0), Some(pair[0] as i64), Some(pair[1] as i64))
    );
    assert!(
        e.uint(3).unwrap_or(0) != 0 && e.uint(4).unwrap_or(0) != 0,
        "source and peer sockets"
    );
    assert_ne!(e.uint(3), e.uint(4));
    assert_eq!(
        (e.uint(5), e.uint(6), e.uint(7)),
        (Some(1), Some(1), Some(0)),
        "AF_UNIX, SOCK_STREAM, 0"
    );
    let e = ev(EVENTFD2_X);
    assert_eq!(
        (e.int(0), e.uint(1), e.uint(2)),
        (
            Some(efd as i64),
            Some(PPM_O_NONBLOCK | PPM_O_CLOEXEC),
            Some(7)
        )
    );
    assert_eq!(e.params[1].len(), 2, "FLAGS16");
    let e = ev(EPOLL_CREATE1_X);
    assert_eq!(
        (e.int(0), e.uint(1)),
        (Some(epfd as i64), Some(1)),
        "PPM_EPOLL_CLOEXEC"
    );
    let e = ev(TIMERFD_CREATE_X);
    // The driver keeps the flags in a u8: PPM_O_CLOEXEC (1 << 12) does not fit.
    assert_eq!(
        (e.int(0), e.uint(1), e.uint(2)),
        (Some(tfd as i64), Some(1), Some(PPM_O_NONBLOCK))
    );
    let e = ev(INOTIFY_INIT1_X);
    assert_eq!(
        (e.int(0), e.uint(1)),
        (Some(ifd as i64), Some(PPM_O_CLOEXEC))
    );
    let e = ev(PIDFD_OPEN_X);
    assert_eq!(
        (e.int(0), e.int(1), e.uint(2)),
        (Some(pidfd as i64), Some(std::process::id() as i64), Some(0))
    );
}

#[test]
fn open_by_handle_at_reports_the_path_of_the_opened_file() {
    const OPEN_BY_HANDLE_AT_X: u16 = 337;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let tid = gettid();
    #[repr(C)]
    struct FileHandle {
        handle_bytes: u32,
        handle_type: i32,
        f_handle: [u8; 128],
    }
    let mut fh = FileHandle {
        handle_bytes: 128,
        handle_type: 0,
        f_handle: [0; 128],
    };
    let mut mount_id = 0i32;
    let path = c"/etc/hostname";
    // SAFETY: valid path, handle buffer of the declared size, and out-pointer.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_name_to_handle_at,
            libc::AT_FDCWD,
            path.as_ptr(),
            &mut fh as *mut FileHandle,
            &mut mount_id as *mut i32,
            0,
        )
    };
    if rc != 0 {
        eprintln!(
            "skipped: this filesystem gives no file handles ({})",
            std::io::Error::last_os_error()
        );
        return;
    }
    // SAFETY: opening "/" and then the handle; both fds are closed.
    let (mount_fd, fd) = unsafe {
        let mount_fd = libc::open(c"/".as_ptr(), libc::O_RDONLY);
        let fd = libc::syscall(
            libc::SYS_open_by_handle_at,
            mount_fd,
            &mut fh as *mut FileHandle,
            libc::O_RDONLY,
        ) as i32;
        (mount_fd, fd)
    };
    // SAFETY: closing our own fds.
    unsafe {
        libc::close(fd);
        libc::close(mount_fd);
    }
    assert!(
        fd >= 0,
        "open_by_handle_at: {}",
        std::io::Error::last_os_error()
    );
    let events = collect(
        &mut probe,
        |e| e.tid == tid && e.ty == OPEN_BY_HANDLE_AT_X,
        |evs| !evs.is_empty(),
    );
    check_table(&events);
    let e = events.first().expect("open_by_handle_at event").raw();
    assert_eq!(
        (e.int(0), e.int(1)),
        (Some(fd as i64), Some(mount_fd as i64))
    );
    assert_eq!(e.uint(2).map(|f| f & 3), Some(PPM_O_RDONLY));
    assert_eq!(
        e.str(3),
        Some("/etc/hostname"),
        "path rebuilt from the opened file"
    );
}

#[test]
fn io_uring_setup_reports_the_params_the_kernel_filled() {
    const IO_URING_SETUP_X: u16 = 339;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let tid = gettid();
    // struct io_uring_params: 6 u32 we check, then resv and offsets (120 bytes in all).
    let mut params = [0u32; 30];
    // SAFETY: a zeroed io_uring_params of the kernel's size; the fd is closed.
    let fd = unsafe { libc::syscall(libc::SYS_io_uring_setup, 4u32, params.as_mut_ptr()) } as i32;
    if fd >= 0 {
        // SAFETY: closing our own fd.
        unsafe { libc::close(fd) };
    }
    let events = collect(
        &mut probe,
        |e| e.tid == tid && e.ty == IO_URING_SETUP_X,
        |evs| !evs.is_empty(),
    );
    check_table(&events);
    let e = events.first().expect("io_uring_setup event").raw();
    assert_eq!(e.uint(1), Some(4), "entries");
    if fd < 0 {
        eprintln!("io_uring disabled here: only the failure checked");
        assert!(e.int(0).unwrap_or(0) < 0);
        return;
    }
    assert_eq!(e.int(0), Some(fd as i64));
    assert_eq!(
        (e.uint(2), e.uint(3)),
        (Some(params[0] as u64), Some(params[1] as u64)),
        "sq/cq entries"
    );
    assert_eq!(e.uint(4), Some(0), "flags");
    assert_eq!(e.uint(7), Some((params[5] & 0x7ff) as u64), "features");
}

#[test]
fn signaldeliver_names_the_sender_and_switch_events_come_only_when_asked() {
    const SIGNALDELIVER_E: u16 = 232;
    const SWITCH_E: u16 = 152;
    let config = ProbeConfig {
        keep_state_syscalls: false,
        ..small_config()
    };
    let Some(mut probe) = open_probe(config) else {
        return;
    };
    probe
        .set_interesting(["signaldeliver", "switch"])
        .expect("set_interesting");
    // A shell that handles SIGTERM: a fatal signal would be delivered as a
    // group-exit SIGKILL whose siginfo names no sender (in Falco too).
    let mut child = Command::new("/bin/sh")
        .args(["-c", "trap 'exit 0' TERM; while :; do sleep 0.05; done"])
        .spawn()
        .expect("spawn sh");
    let pid = child.id() as u64;
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pid as i32, libc::SIGTERM) };
    let _ = child.wait();
    let me = std::process::id() as i64;
    let events = collect(
        &mut probe,
        // The shell also gets SIGCHLD from its sleeps: keep the SIGTERM.
        |e| {
            (e.ty == SIGNALDELIVER_E && e.tid == pid && e.raw().uint(2) == Some(15))
                || (e.ty == SWITCH_E && e.tid == pid)
        },
        |evs| find(evs, SIGNALDELIVER_E).is_some() && find(evs, SWITCH_E).is_some(),
    );
    check_table(&events);
    let e = find(&events, SIGNALDELIVER_E)
        .expect("signal delivered to the child")
        .raw();
    assert_eq!(
        (e.int(0), e.int(1), e.uint(2)),
        (Some(me), Some(pid as i64), Some(15)),
        "spid dpid SIGTERM"
    );
    let s = find(&events, SWITCH_E)
        .expect("the child was switched out")
        .raw();
    assert!(
        s.uint(3).unwrap_or(0) > 0,
        "vm_size of the switched-out task"
    );

    // Turned off again: no more switch events from a busy thread.
    probe.set_interesting(["close"]).expect("set_interesting");
    while probe.next_event().is_some() {}
    let tid = gettid();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut switches = 0;
    while let Some(bytes) = probe.next_event() {
        let e = RawEvent::parse(bytes).expect("well-formed");
        if e.event_type == SWITCH_E && e.tid == tid {
            switches += 1;
        }
    }
    assert_eq!(switches, 0, "sched_switch detached");
}

/// Removes an overlay mount and its directories when the test ends.
struct OverlayMount {
    dir: std::path::PathBuf,
    merged: std::ffi::CString,
}

impl Drop for OverlayMount {
    fn drop(&mut self) {
        // SAFETY: unmounting the mount this test made, by its NUL-terminated path.
        unsafe { libc::umount2(self.merged.as_ptr(), libc::MNT_DETACH) };
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn overlayfs_layers_are_flagged_on_open_and_execve() {
    const PPM_FD_UPPER_LAYER: u64 = 1 << 15;
    const PPM_FD_LOWER_LAYER: u64 = 1 << 16;
    const PPM_EXE_UPPER_LAYER: u64 = 1 << 1;
    const PPM_EXE_LOWER_LAYER: u64 = 1 << 3;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("falco-bpf-ovl-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["lower", "upper", "work", "merged"] {
        std::fs::create_dir_all(dir.join(sub)).expect("overlay dirs");
    }
    std::fs::write(dir.join("lower/lowerfile"), b"l").expect("lower file");
    std::fs::write(dir.join("upper/upperfile"), b"u").expect("upper file");
    std::fs::copy("/bin/true", dir.join("lower/lowertrue")).expect("lower binary");
    std::fs::copy("/bin/true", dir.join("upper/uppertrue")).expect("upper binary");
    let merged = dir.join("merged");
    let opts = format!(
        "lowerdir={},upperdir={},workdir={}",
        dir.join("lower").display(),
        dir.join("upper").display(),
        dir.join("work").display()
    );
    let target = cstr(merged.to_str().expect("utf-8"));
    // SAFETY: valid NUL-terminated strings for mount(2).
    let rc = unsafe {
        libc::mount(
            c"overlay".as_ptr(),
            target.as_ptr(),
            c"overlay".as_ptr(),
            0,
            cstr(&opts).as_ptr().cast(),
        )
    };
    if rc != 0 {
        let err = std::io::Error::last_os_error();
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("skipped: cannot mount an overlay here ({err})");
        return;
    }
    let _mount = OverlayMount {
        dir: dir.clone(),
        merged: target,
    };
    let tid = gettid();
    let lower = merged.join("lowerfile");
    let upper = merged.join("upperfile");
    let _ = std::fs::File::open(&lower).expect("open lower");
    let _ = std::fs::File::open(&upper).expect("open upper");
    let lower_run = Command::new(merged.join("lowertrue"))
        .spawn()
        .expect("run lower");
    let upper_run = Command::new(merged.join("uppertrue"))
        .spawn()
        .expect("run upper");
    let (lower_pid, upper_pid) = (lower_run.id() as u64, upper_run.id() as u64);
    let _ = { lower_run }.wait();
    let _ = { upper_run }.wait();

    let (lower_s, upper_s) = (
        lower.to_str().expect("utf-8").to_string(),
        upper.to_str().expect("utf-8").to_string(),
    );
    let events = collect(
        &mut probe,
        |e| {
            (e.tid == tid
                && e.ty == OPENAT_X
                && matches!(e.raw().str(2), Some(n) if n == lower_s || n == upper_s))
                || (e.ty == EXECVE_X && (e.tid == lower_pid || e.tid == upper_pid))
        },
        |evs| evs.len() >= 4,
    );
    check_table(&events);
    let open_flags = |name: &str| {
        events
            .iter()
            .find(|e| e.ty == OPENAT_X && e.raw().str(2) == Some(name))
            .and_then(|e| e.raw().uint(3))
            .unwrap_or_else(|| panic!("openat of {name}"))
    };
    assert_eq!(
        open_flags(&lower_s) & (PPM_FD_UPPER_LAYER | PPM_FD_LOWER_LAYER),
        PPM_FD_LOWER_LAYER
    );
    assert_eq!(
        open_flags(&upper_s) & (PPM_FD_UPPER_LAYER | PPM_FD_LOWER_LAYER),
        PPM_FD_UPPER_LAYER
    );
    let exe_flags = |pid: u64| {
        events
            .iter()
            .find(|e| e.ty == EXECVE_X && e.tid == pid)
            .and_then(|e| e.raw().uint(19))
            .unwrap_or_else(|| panic!("execve of {pid}"))
    };
    assert_eq!(
        exe_flags(lower_pid) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER),
        PPM_EXE_LOWER_LAYER
    );
    assert_eq!(
        exe_flags(upper_pid) & (PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER),
        PPM_EXE_UPPER_LAYER
    );
}

/// An ia32 syscall (`int 0x80`) from this 64-bit thread, with up to three
/// arguments.
#[cfg(target_arch = "x86_64")]
fn int80(nr: u32, a: u32, b: u32, c: u32) -> i32 {
    let ret: i32;
    // SAFETY: the ia32 syscall ABI: eax = number, ebx/ecx/edx = arguments;
    // rbx is reserved by LLVM, so the first argument is swapped in and out
    // (all 64 bits, or its upper half would be lost);
    // the registers the kernel clobbers are declared.
    unsafe {
        std::arch::asm!(
            "xchg {a}, rbx",
            "int 0x80",
            "xchg {a}, rbx",
            a = inout(reg) a as u64 => _,
            inlateout("eax") nr => ret,
            in("ecx") b,
            in("edx") c,
            // The kernel zeroes r8-r11 on return from int 0x80.
            out("r8") _,
            out("r9") _,
            out("r10") _,
            out("r11") _,
        );
    }
    ret
}

#[cfg(target_arch = "x86_64")]
#[test]
fn ia32_syscalls_are_translated_and_their_arguments_read() {
    const OPEN_X: u16 = 3;
    const IA32_OPEN: u32 = 5;
    const IA32_CLOSE: u32 = 6;
    let Some(mut probe) = open_probe(small_config()) else {
        return;
    };
    // The path must sit below 4 GiB for a 32-bit pointer.
    // SAFETY: a fresh anonymous mapping, checked against MAP_FAILED.
    let page = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            4096,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_32BIT,
            -1,
            0,
        )
    };
    assert_ne!(page, libc::MAP_FAILED, "mmap MAP_32BIT");
    let path = b"/etc/hostname\0";
    // SAFETY: the page is 4096 writable bytes; the path is shorter.
    unsafe { std::ptr::copy_nonoverlapping(path.as_ptr(), page.cast::<u8>(), path.len()) };
    let tid = gettid();
    let fd = int80(IA32_OPEN, page as usize as u32, libc::O_RDONLY as u32, 0);
    if fd == -libc::ENOSYS {
        eprintln!("skipped: ia32 emulation is off");
        return;
    }
    assert!(fd >= 0, "ia32 open: {fd}");
    assert_eq!(int80(IA32_CLOSE, fd as u32, 0, 0), 0);
    // SAFETY: unmapping the page mapped above.
    unsafe { libc::munmap(page, 4096) };
    let events = collect(
        &mut probe,
        |e| {
            e.tid == tid
                && (e.ty == OPEN_X || (e.ty == CLOSE_X && e.raw().int(1) == Some(fd as i64)))
        },
        |evs| find(evs, OPEN_X).is_some() && find(evs, CLOSE_X).is_some(),
    );
    check_table(&events);
    let open = find(&events, OPEN_X)
        .expect("open exit from the ia32 syscall")
        .raw();
    assert_eq!(open.int(0), Some(fd as i64), "fd");
    assert_eq!(
        open.str(1),
        Some("/etc/hostname"),
        "name read through the 32-bit pointer"
    );
    assert_eq!(open.uint(2).map(|f| f & 3), Some(PPM_O_RDONLY));
    let close = find(&events, CLOSE_X).expect("close exit").raw();
    assert_eq!((close.int(0), close.int(1)), (Some(0), Some(fd as i64)));
}

//! Field extraction against sysdig: for each filter and each test capture,
//! the events our [`Inspector`] matches are exactly the events Debian's
//! `sysdig` 0.29.3 (libsinsp 0.29) prints with `-p '*%evt.num'`.
//!
//! # How the comparison is made meaningful
//!
//! The captures are old-schema (enter and exit events). We read them through
//! the converter, which merges each enter event into its exit event (keeping
//! only the TOCTOU enter events of open/openat/creat/connect), while sysdig
//! sees both halves. The [`Inspector`] numbers events as sysdig does (every
//! event read counts, `procinfo` included), so an exit event has the same
//! `evt.num` on both sides, and we compare the **sets of event numbers**, not
//! just counts. Filters restrict themselves to exit events with
//! `evt.dir=<` (on both sides), except `evt.type=open` (TOCTOU enter events
//! exist on both sides) and `procexit` (an enter-only event).
//!
//! # Explained differences (sysdig 0.29 vs current libs semantics)
//!
//! Where libsinsp 0.29 and current libs disagree we follow current libs, and
//! the filters avoid those spots (each exclusion says why next to it):
//! - `mmap`: current libs reads the fd of an mmap exit (param 8); 0.29 looked
//!   at param 0 of the enter event (the address), so `fd.*` is unavailable on
//!   mmap in sysdig. Hence `evt.type!=mmap` in the fd filters.
//! - `fd.typechar` of a failed `open`: without an fd, libs guesses the type
//!   from the event type, and current libs lists openat/creat but not open
//!   (so `o`); 0.29 said `f` (one event, curl 980, `~/.curlrc` ENOENT).
//! - a failed `connect`: 0.29 named the socket after the tuple anyway;
//!   current libs leaves it unnamed (so `fd.name=""` is not compared).
//! - `proc.pname` of a non-main thread: current libs walks from the main
//!   thread (the parent *process*); 0.29 used the thread's own parent. Hence
//!   `thread.ismain=true` with `proc.pname`.
//! - `evt.arg.fd` on close/read/...: the converter gives those exit events
//!   the enter event's `fd` parameter, which 0.29's exit events lack. Hence
//!   `evt.type=open` with `evt.arg.fd`.
//! - `evt.category` and `evt.buflen` on file I/O: 0.29 classed reads of files
//!   as "unknown" (and so gave no `evt.buflen`); current libs says "file".
//!   Hence the buflen filter is on IP sockets.
//! - `proc.cwd`: sysdig 0.29 prints it empty for every event of these
//!   captures although the process lists and execve events carry the cwd;
//!   not compared.
//! - `evt.arg[N]` on converted exit events: the converter adds the enter
//!   parameters, so positions differ from 0.29's exit events (`fstat`'s
//!   `fd` is `evt.arg[1]` here); named `evt.arg.X` is used instead.
//! - `exit_group`: old captures hold it as a generic *enter* event, which the
//!   converter drops (current drivers send no event for it).
//! - `fd.name_changed`: 0.29 rejects `fd.name_changed=true` in a filter
//!   (it finds no event) although it prints the field; so that field is
//!   compared on what sysdig prints ([`fd_name_changed_as_sysdig_prints_it`]).
//! - Enter events: sysdig shows both halves of each syscall, we (as Falco
//!   on current libs) only the exit events (and the TOCTOU enter events of
//!   open/openat/creat/connect). A filter without `evt.dir=<` so matches
//!   more events in sysdig; [`without_a_direction_sysdig_adds_only_enter_events`]
//!   checks that this is the only difference.
//! - Field-to-field comparisons (`thread.tid=proc.pid`) and `proc.env[KEY]`
//!   do not exist in 0.29; not used.
//!
//! Skipped with a notice when `sysdig` or the captures are missing.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use falco_events::{Inspector, SyscallFields};
use falco_rules::{Filter, Scratch};

/// The captures sysdig 0.29.3 reads (it fails on the pcapng options of
/// `libs_curl_google_comments.scap`).
const CAPTURES: &[&str] = &[
    "falco_cat_write.scap",
    "falco_open-multiple-files.scap",
    "libs_curl_google.scap",
    "libs_single_ipv6_conn.scap",
];

/// Filters over evt.*, proc.*, thread.*, fd.*, user.*, group.* and
/// container.id, each checked on every capture above.
const FILTERS: &[&str] = &[
    // ---- evt.* ----
    "evt.type=open",
    "evt.type in (open, close) and evt.dir=<",
    "evt.dir=< and evt.failed=true",
    "evt.dir=< and evt.res=ENOENT",
    "evt.dir=< and evt.res=SUCCESS and evt.type=open",
    "evt.dir=< and evt.rawres>=3 and evt.type in (open, socket)",
    "evt.dir=< and evt.rawarg.res<0",
    "evt.dir=< and evt.is_open_read=true",
    "evt.dir=< and evt.type=open and evt.is_open_write=false",
    "evt.dir=< and evt.arg.flags contains O_CLOEXEC",
    "evt.dir=< and evt.arg.name contains lib",
    "evt.dir=< and evt.arg.res=ENOENT",
    // evt.arg.fd only on open: see the module docs (converted exits carry fd).
    "evt.dir=< and evt.type=open and evt.arg.fd contains \"<f>\"",
    "evt.dir=< and evt.args contains \"O_RDONLY\"",
    "evt.dir=< and evt.is_io_write=true",
    "evt.dir=< and evt.is_io_read=true",
    "evt.dir=< and evt.buffer contains ELF",
    // On sockets only: 0.29 gives no buflen for file reads (module docs).
    "evt.dir=< and evt.buflen>100 and fd.typechar in (4,6)",
    "evt.dir=< and evt.datetime startswith \"2016-08-04 16:17:57.8818\"",
    "evt.dir=< and evt.time.iso8601 contains T17",
    "evt.dir=< and evt.num>1100 and evt.num<1150",
    "evt.type=procexit",
    "evt.dir=< and evt.io_dir=read",
    "evt.dir=< and evt.io_dir=write",
    "evt.dir=< and evt.res!=SUCCESS",
    "evt.dir=< and evt.arg.name=/etc/ld.so.cache",
    // Syscalls without an event of their own come as generic events named
    // after their syscall.
    "evt.type=mprotect and evt.dir=<",
    "evt.type=clone and evt.dir=< and proc.name=curl",
    "evt.type=execve and evt.dir=<",
    // ---- proc.* and thread.* ----
    "evt.dir=< and proc.name=curl",
    "evt.dir=< and proc.name=python and evt.type=open",
    "evt.dir=< and proc.exe=curl",
    "evt.dir=< and proc.exe contains python",
    "evt.dir=< and proc.cmdline contains google",
    "evt.dir=< and proc.args contains www",
    // Main threads only: 0.29 took a thread's own parent (module docs).
    "evt.dir=< and proc.pname=bash and thread.ismain=true",
    "evt.dir=< and proc.aname[2]=sshd",
    "evt.dir=< and proc.aname[1]=bash",
    "evt.dir=< and proc.pid=17497",
    "evt.dir=< and proc.ppid=3200",
    "evt.dir=< and proc.vpid>0",
    "evt.dir=< and proc.sid=-1",
    "evt.dir=< and proc.tty=0",
    "evt.dir=< and proc.env contains \"HOME=/home/ubuntu\"",
    "evt.dir=< and thread.tid=17498",
    // ---- fd.* (mmap excluded: see the module docs) ----
    "evt.dir=< and fd.name contains /etc and evt.type!=mmap",
    // A failed open has the name its event carries.
    "evt.dir=< and fd.name contains curlrc",
    // curl 980 (failed open of ~/.curlrc) excluded: see the module docs.
    "evt.dir=< and fd.typechar=f and evt.type!=mmap and evt.num!=980",
    "evt.dir=< and fd.typechar in (4,6,u)",
    "evt.dir=< and fd.type=ipv6",
    "evt.dir=< and fd.name=/dev/null",
    "evt.dir=< and fd.directory=/etc and evt.type!=mmap",
    "evt.dir=< and fd.filename=libc.so.6 and evt.type!=mmap",
    "evt.dir=< and fd.num=3 and evt.type!=mmap",
    "evt.dir=< and fd.sport=1234",
    "evt.dir=< and fd.sip=2001:db8::3",
    "evt.dir=< and fd.cip=2001:db8::4",
    "evt.dir=< and fd.cport>50000",
    "evt.dir=< and fd.port=53",
    "evt.dir=< and fd.rport=53",
    "evt.dir=< and fd.rport=80",
    // An unconnected socket (no role yet) has no l4proto, as in libs.
    "evt.dir=< and fd.l4proto=udp",
    "evt.dir=< and fd.sockfamily=ip",
    "evt.dir=< and fd.sockfamily=unix",
    "evt.dir=< and fd.is_server=true",
    "evt.dir=< and fd.l4proto=tcp",
    "evt.dir=< and evt.type in (socket, connect, sendto, recvfrom)",
    "evt.dir=< and fd.lip=2001:db8::4",
    "evt.dir=< and fd.rip=2001:db8::3",
    "evt.dir=< and fd.lport=54405",
    "evt.dir=< and fd.connected=true",
    // ---- user.*, group.*, container.id ----
    "evt.dir=< and user.name=ubuntu",
    "evt.dir=< and user.uid=1000",
    "evt.dir=< and user.loginuid=-1",
    "evt.dir=< and user.homedir=/home/ubuntu",
    "evt.dir=< and user.shell=/bin/bash",
    "evt.dir=< and group.gid=1000",
    "evt.dir=< and group.name=ubuntu",
    "evt.dir=< and container.id=host",
];

fn sysdig_numbers(file: &Path, filter: &str) -> BTreeSet<u64> {
    let out = Command::new("sysdig")
        .arg("-r")
        .arg(file)
        .arg("-p")
        .arg("*%evt.num")
        .arg(filter)
        .output()
        .expect("run sysdig");
    assert!(
        out.status.success(),
        "sysdig failed on {filter:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().parse().expect("a number per line"))
        .collect()
}

/// Our matches for every filter in one pass over the capture.
fn our_numbers(file: &Path, filters: &[Filter]) -> Vec<BTreeSet<u64>> {
    let mut insp = Inspector::open_capture(file).expect("open capture");
    let mut scratch = Scratch::new();
    let mut out = vec![BTreeSet::new(); filters.len()];
    while let Some(item) = insp.next().expect("read") {
        for (f, set) in filters.iter().zip(out.iter_mut()) {
            if f.matches(&item, &mut scratch) {
                set.insert(item.num);
            }
        }
    }
    out
}

#[test]
fn sysdig_and_we_match_the_same_events() {
    let Some(dir) = common::captures_dir() else {
        return;
    };
    if !common::sysdig_available() {
        return;
    }
    let schema = SyscallFields::new();
    let filters: Vec<Filter> = FILTERS
        .iter()
        .map(|f| Filter::new(f, &schema).unwrap_or_else(|e| panic!("{f}: {e}")))
        .collect();
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut nonempty = 0;
    let mut filter_hit = vec![false; FILTERS.len()];
    for name in CAPTURES {
        let path = dir.join(name);
        let ours = our_numbers(&path, &filters);
        for (i, (text, mine)) in FILTERS.iter().zip(&ours).enumerate() {
            let theirs = sysdig_numbers(&path, text);
            compared += 1;
            if !theirs.is_empty() {
                nonempty += 1;
                filter_hit[i] = true;
            }
            if &theirs != mine {
                let only_sysdig: Vec<_> = theirs.difference(mine).take(10).collect();
                let only_ours: Vec<_> = mine.difference(&theirs).take(10).collect();
                failures.push(format!(
                    "{name}: {text}\n  sysdig {} events, ours {}; only sysdig: {only_sysdig:?}; only ours: {only_ours:?}",
                    theirs.len(),
                    mine.len()
                ));
            }
        }
    }
    eprintln!(
        "{} filters x {} captures: {compared} comparisons, {nonempty} with matches, {} differ",
        FILTERS.len(),
        CAPTURES.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The comparison must not be vacuous: every filter matches somewhere.
    let idle: Vec<&str> = FILTERS
        .iter()
        .zip(&filter_hit)
        .filter(|(_, hit)| !**hit)
        .map(|(f, _)| *f)
        .collect();
    assert!(
        idle.is_empty(),
        "filters matching nothing anywhere: {idle:?}"
    );
}

/// Event numbers sysdig prints with `-p '*%evt.num VALUE'` where VALUE is
/// `want`.
fn sysdig_printed(file: &Path, field: &str, filter: &str, want: &str) -> BTreeSet<u64> {
    let out = Command::new("sysdig")
        .arg("-r")
        .arg(file)
        .arg("-p")
        .arg(format!("*%evt.num %{field}"))
        .arg(filter)
        .output()
        .expect("run sysdig");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (num, val) = l.trim().split_once(' ')?;
            (val == want).then(|| num.parse().ok())?
        })
        .collect()
}

/// `fd.name_changed` is true on exactly the events sysdig prints `true`
/// for: an open or accept that names its new fd, a bind or connect that
/// renames its socket (4, 13, 49 and 4 events on the four captures).
#[test]
fn fd_name_changed_as_sysdig_prints_it() {
    let Some(dir) = common::captures_dir() else {
        return;
    };
    if !common::sysdig_available() {
        return;
    }
    let f = Filter::new("fd.name_changed=true", &SyscallFields::new()).unwrap();
    let mut total = 0;
    for name in CAPTURES {
        let path = dir.join(name);
        let ours = our_numbers(&path, std::slice::from_ref(&f)).remove(0);
        let theirs = sysdig_printed(&path, "fd.name_changed", "evt.dir=<", "true");
        assert_eq!(ours, theirs, "{name}");
        total += ours.len();
    }
    assert_eq!(total, 4 + 13 + 49 + 4);
}

/// The filters of issue 17 without `evt.dir=<`: sysdig matches more events
/// than we do on the IPv6 captures, and every extra event is an enter
/// event (which current libs, and so Falco and we, never hand to rules);
/// we match nothing sysdig does not. `mmap` is left out of `fd.num` (see
/// the module docs).
#[test]
fn without_a_direction_sysdig_adds_only_enter_events() {
    let Some(dir) = common::captures_dir() else {
        return;
    };
    if !common::sysdig_available() {
        return;
    }
    let cases = [
        "fd.type=ipv6",
        "fd.l4proto=tcp",
        "fd.num=3 and evt.type!=mmap",
        "evt.type in (socket, connect, sendto, recvfrom)",
    ];
    let schema = SyscallFields::new();
    let filters: Vec<Filter> = cases
        .iter()
        .map(|f| Filter::new(f, &schema).unwrap())
        .collect();
    let mut extra_enters = 0;
    for name in ["libs_curl_google.scap", "libs_single_ipv6_conn.scap"] {
        let path = dir.join(name);
        let ours = our_numbers(&path, &filters);
        for (text, mine) in cases.iter().zip(&ours) {
            let theirs = sysdig_numbers(&path, text);
            let enters = sysdig_numbers(&path, &format!("evt.dir=> and ({text})"));
            let exits = sysdig_numbers(&path, &format!("evt.dir=< and ({text})"));
            eprintln!(
                "{name}: {text}: sysdig {} ({} exit), ours {}",
                theirs.len(),
                exits.len(),
                mine.len()
            );
            let only_ours: Vec<_> = mine.difference(&theirs).collect();
            assert!(
                only_ours.is_empty(),
                "{name}: {text}: only ours {only_ours:?}"
            );
            let not_enter: Vec<_> = theirs
                .difference(mine)
                .filter(|n| !enters.contains(n))
                .collect();
            assert!(
                not_enter.is_empty(),
                "{name}: {text}: sysdig-only exit events {not_enter:?}"
            );
            assert!(exits.is_subset(mine), "{name}: {text}");
            extra_enters += theirs.len() - mine.len();
        }
    }
    assert!(extra_enters > 0, "the captures have enter events");
}

//! The ring buffer's data area is mapped once (half the RSS of a doubled
//! mapping): records that wrap past its end are read whole all the same.
//!
//! Needs root (or CAP_BPF + CAP_PERFMON) and a kernel with BTF; without them
//! the test prints why and passes as skipped, except under CI (`CI=true`).

use std::time::Duration;

use falco_driver_bpf::{BpfProbe, ProbeConfig, ProbeError};
use falco_events::Event;

#[test]
fn events_that_wrap_around_a_small_ring_arrive_whole() {
    let config = ProbeConfig {
        buffer_bytes: 16 * 1024,
        enter_events: false,
        keep_state_syscalls: false,
        ..ProbeConfig::default()
    };
    let mut probe = match BpfProbe::open(config) {
        Ok(p) => p,
        Err(e @ (ProbeError::NotRoot { .. } | ProbeError::NoBtf { .. }))
            if std::env::var("CI").as_deref() != Ok("true") =>
        {
            eprintln!("skipped: {e}");
            return;
        }
        Err(e) => panic!("opening the probe: {e}"),
    };
    probe.set_interesting(["openat"]).expect("interesting");
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) } as u64;
    // Paths of varied lengths, so records end at varied offsets and some
    // straddle the end of the 16 KiB area.
    let paths: Vec<std::ffi::CString> = (0..37)
        .map(|i| std::ffi::CString::new(format!("/tmp/falco-ring-{}", "x".repeat(i * 7))).unwrap())
        .collect();
    let mut opened = 0u64;
    let mut seen = 0u64;
    let mut bytes_read = 0usize;
    for round in 0..40 {
        // Fewer events than fit in the ring: no drops, many wraps.
        for p in paths.iter().skip(round % 3) {
            // SAFETY: a valid NUL-terminated path; a failed open returns -1.
            let fd = unsafe { libc::open(p.as_ptr(), libc::O_RDONLY) };
            if fd >= 0 {
                // SAFETY: closing the fd just opened.
                unsafe { libc::close(fd) };
            }
            opened += 1;
        }
        while let Some(bytes) = probe.next_event_timeout(Duration::from_millis(20)) {
            bytes_read += bytes.len();
            let e = Event::parse(bytes).expect("every event arrives whole");
            if e.tid() == tid && e.code() == 307 {
                let name = e.param_by_name("name").and_then(|p| p.as_str_lossy());
                assert!(
                    name.is_some_and(|n| n.starts_with("/tmp/falco-ring-")),
                    "an openat of ours carries its path whole"
                );
                seen += 1;
            }
        }
    }
    assert!(
        bytes_read > 4 * 16 * 1024,
        "the ring wrapped: {bytes_read} bytes read"
    );
    // The host's own opens share the ring: some may be lost to it.
    let drops = probe.stats().expect("stats").n_drops();
    assert!(
        seen <= opened && seen + drops >= opened,
        "every openat of this thread arrived or was counted as a drop: \
         {seen} seen, {drops} drops, {opened} opened"
    );
}

//! The consumer over the simulated module: ring layout, wraparound, full
//! rings, several CPUs, version checks, syscall selection, and bad events.
//!
//! The real module is not loaded by the tests (CI kernels may have
//! `CONFIG_MODULES` off). `Kmod` runs unchanged over `sim::SimDevice`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use falco_driver_kmod::abi::{EventHeader, Tracepoint, Version, EVENT_HEADER_LEN};
use falco_driver_kmod::sim::{encode_event, Emitted, SimDriver};
use falco_driver_kmod::{Interest, Kmod, KmodConfig, KmodError, VersionKind};
use falco_events::table::codes::{
    PPME_PLUGINEVENT_E, PPME_SYSCALL_CLOSE_X, PPME_SYSCALL_EXECVE_19_X, PPME_SYSCALL_OPENAT_2_X,
};

const SMALL: usize = 16 * 1024;

fn config(size: usize) -> KmodConfig {
    KmodConfig {
        buffer_bytes_dim: Some(size),
        ..KmodConfig::default()
    }
}

fn open(driver: &SimDriver, size: usize) -> Kmod<falco_driver_kmod::sim::SimDevice> {
    Kmod::from_devices(driver.devices(), &config(size)).expect("open simulated module")
}

/// An openat exit event whose fd parameter carries `seq` and whose name
/// parameter is `pad` bytes long, so its bytes can be checked.
fn event(ts: u64, tid: u64, seq: u64, pad: usize) -> Vec<u8> {
    let name: Vec<u8> = (0..pad).map(|i| (seq as usize + i) as u8).collect();
    encode_event(
        ts,
        tid,
        PPME_SYSCALL_OPENAT_2_X,
        &[&seq.to_ne_bytes(), &name],
    )
}

fn drain(kmod: &mut Kmod<falco_driver_kmod::sim::SimDevice>) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(e) = kmod.next_raw_event().expect("next_event") {
        out.push(e.to_vec());
    }
    out
}

fn ts_of(e: &[u8]) -> u64 {
    EventHeader::parse(e).expect("header").ts
}

#[test]
fn events_of_one_cpu_come_back_byte_for_byte_in_order() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    let sent: Vec<Vec<u8>> = (0..20)
        .map(|i| event(1000 + i, 42, i, i as usize))
        .collect();
    for e in &sent {
        assert_eq!(p.emit(e).unwrap(), Emitted::Written);
    }
    assert_eq!(drain(&mut kmod), sent);
    assert_eq!(kmod.stats().n_consumed, 20);
}

#[test]
fn oldest_event_comes_first_across_cpus() {
    let driver = SimDriver::new(4, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    // CPU c gets timestamps c, c+4, c+8, ... written in per-CPU order; the
    // consumer must interleave them back into one sorted stream.
    for cpu in 0..4u64 {
        let p = driver.producer(cpu as usize).unwrap();
        for k in 0..25u64 {
            p.emit(&event(cpu + 4 * k, cpu, k, 3)).unwrap();
        }
    }
    let ts: Vec<u64> = drain(&mut kmod).iter().map(|e| ts_of(e)).collect();
    assert_eq!(ts, (0..100).collect::<Vec<_>>());
}

#[test]
fn an_event_straddling_the_end_of_the_ring_reads_whole() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    // Move head and tail to 100 bytes before the end.
    let filler = event(1, 1, 0, SMALL - 100 - 26 - 4 - 8);
    assert_eq!(filler.len(), SMALL - 100);
    p.emit(&filler).unwrap();
    assert_eq!(drain(&mut kmod).len(), 1);
    // 300 bytes from offset SMALL-100: 100 before the end, 200 after.
    let straddler = event(2, 1, 7, 300 - 26 - 4 - 8);
    assert_eq!(straddler.len(), 300);
    p.emit(&straddler).unwrap();
    let got = drain(&mut kmod);
    assert_eq!(got, vec![straddler]);
    assert_eq!(p.used(), 0, "tail caught up with head after the wrap");
}

#[test]
fn a_full_ring_drops_and_counts_by_category_then_recovers() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    let close = encode_event(
        1,
        1,
        PPME_SYSCALL_CLOSE_X,
        &[&0i64.to_ne_bytes(), &3i64.to_ne_bytes()],
    );
    let mut written = 0;
    let mut dropped = 0;
    for _ in 0..1000 {
        match p.emit(&close).unwrap() {
            Emitted::Written => written += 1,
            Emitted::Dropped => dropped += 1,
            Emitted::NotCapturing => unreachable!("capture is on"),
        }
    }
    // One byte always stays free: (size - 1) / len events fit.
    assert_eq!(written, (SMALL - 1) / close.len());
    assert_eq!(dropped, 1000 - written);
    let s = kmod.stats();
    assert_eq!(s.driver.n_evts, 1000);
    assert_eq!(s.driver.n_drops_buffer, dropped as u64);
    assert_eq!(s.driver.n_drops_buffer_close_exit, dropped as u64);
    assert_eq!(s.driver.n_drops_buffer_open_exit, 0);
    assert_eq!(s.n_drops(), dropped as u64);

    assert_eq!(drain(&mut kmod).len(), written);
    assert_eq!(
        p.emit(&close).unwrap(),
        Emitted::Written,
        "room again once consumed"
    );
}

#[test]
fn tail_moves_only_after_the_whole_block_is_consumed_and_released() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    for i in 0..3 {
        p.emit(&event(i, 1, i, 10)).unwrap();
    }
    let used = p.used();
    assert!(kmod.next_raw_event().unwrap().is_some());
    assert!(kmod.next_raw_event().unwrap().is_some());
    assert_eq!(
        p.used(),
        used,
        "the module may not overwrite events still being read"
    );
    assert!(kmod.next_raw_event().unwrap().is_some());
    assert_eq!(
        p.used(),
        used,
        "the last event handed out is still borrowed"
    );
    assert!(kmod.next_raw_event().unwrap().is_none());
    assert_eq!(p.used(), 0);
}

#[test]
fn a_producer_thread_wrapping_many_times_loses_and_corrupts_nothing() {
    const N: u64 = 50_000;
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    let producer = std::thread::spawn(move || {
        let mut retries = 0u64;
        for i in 0..N {
            let e = event(i, 9, i, (i % 97) as usize);
            while p.emit(&e).unwrap() == Emitted::Dropped {
                retries += 1;
                std::thread::yield_now();
            }
        }
        retries
    });
    let mut next = 0u64;
    while next < N {
        match kmod.next_raw_event().unwrap() {
            Some(bytes) => {
                assert_eq!(bytes, event(next, 9, next, (next % 97) as usize).as_slice());
                next += 1;
            }
            None => {
                kmod.wait(Duration::from_millis(50));
            }
        }
    }
    let retries = producer.join().unwrap();
    let s = kmod.stats();
    assert_eq!(s.n_consumed, N);
    assert_eq!(s.driver.n_drops_buffer, retries);
    assert_eq!(s.n_malformed + s.n_truncated, 0);
    assert!(kmod.next_raw_event().unwrap().is_none());
}

#[test]
fn producer_threads_on_several_cpus_keep_each_cpu_in_order() {
    const PER_CPU: u64 = 20_000;
    let driver = SimDriver::new(3, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let clock = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let threads: Vec<_> = (0..3)
        .map(|cpu| {
            let p = driver.producer(cpu).unwrap();
            let clock = clock.clone();
            std::thread::spawn(move || {
                for k in 0..PER_CPU {
                    let ts = clock.fetch_add(1, Ordering::SeqCst);
                    let e = event(ts, cpu as u64, k, (k % 13) as usize);
                    while p.emit(&e).unwrap() == Emitted::Dropped {
                        std::thread::yield_now();
                    }
                }
            })
        })
        .collect();
    let waiter = {
        let done = done.clone();
        std::thread::spawn(move || {
            for t in threads {
                t.join().unwrap();
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let mut next = [0u64; 3];
    let mut total = 0;
    loop {
        match kmod.next_raw_event().unwrap() {
            Some(bytes) => {
                let h = EventHeader::parse(bytes).unwrap();
                let cpu = h.tid as usize;
                let seq = u64::from_ne_bytes(bytes[30..38].try_into().unwrap());
                assert_eq!(seq, next[cpu], "cpu {cpu} out of order");
                next[cpu] += 1;
                total += 1;
            }
            None if done.load(Ordering::SeqCst) && total == 3 * PER_CPU => break,
            None => {
                kmod.wait(Duration::from_millis(10));
            }
        }
    }
    waiter.join().unwrap();
    assert_eq!(next, [PER_CPU; 3]);
}

#[test]
fn versions_the_consumer_cannot_use_are_refused_with_a_clear_error() {
    struct Case {
        api: Version,
        schema: Version,
        expect: Option<(VersionKind, &'static str)>,
    }
    let v = Version::new;
    let cases = [
        Case { api: v(10, 1, 0), schema: v(4, 5, 1), expect: None },
        Case { api: v(10, 0, 0), schema: v(4, 3, 0), expect: None },
        Case { api: v(10, 9, 2), schema: v(4, 99, 0), expect: None },
        Case {
            api: v(11, 0, 0),
            schema: v(4, 5, 1),
            expect: Some((
                VersionKind::Api,
                "the falco kernel module at /sim/dev/falco0 has driver API version 11.0.0, but this consumer needs major version 10 and at least 10.0.0; load a matching module",
            )),
        },
        Case {
            api: v(9, 9, 9),
            schema: v(4, 5, 1),
            expect: Some((VersionKind::Api, "driver API version 9.9.9")),
        },
        Case {
            api: v(10, 1, 0),
            schema: v(4, 2, 9),
            expect: Some((
                VersionKind::Schema,
                "has driver schema version 4.2.9, but this consumer needs major version 4 and at least 4.3.0",
            )),
        },
        Case {
            api: v(10, 1, 0),
            schema: v(5, 0, 0),
            expect: Some((VersionKind::Schema, "schema version 5.0.0")),
        },
    ];
    for c in cases {
        let driver = SimDriver::new(2, SMALL).unwrap();
        driver.set_versions(c.api, c.schema);
        let got = Kmod::from_devices(driver.devices(), &config(SMALL));
        match (got, c.expect) {
            (Ok(k), None) => assert_eq!((k.api_version(), k.schema_version()), (c.api, c.schema)),
            (Err(e), Some((kind, msg))) => {
                assert!(
                    matches!(&e, KmodError::IncompatibleVersion { kind: k, .. } if *k == kind),
                    "{e:?}"
                );
                assert!(e.to_string().contains(msg), "{e}");
            }
            (Ok(_), Some(_)) => panic!("{}/{} accepted", c.api, c.schema),
            (Err(e), None) => panic!("{}/{} refused: {e}", c.api, c.schema),
        }
        // A refused module is left alone: nothing enabled.
        assert!(driver.state_snapshot().tracepoints.is_empty() || c.expect.is_none());
    }
}

#[test]
fn devices_reporting_different_versions_are_refused() {
    let driver = SimDriver::new(3, SMALL).unwrap();
    driver.set_device_versions(2, Version::new(10, 2, 0), Version::new(4, 5, 1));
    let err = Kmod::from_devices(driver.devices(), &config(SMALL)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "API version mismatch: /sim/dev/falco2 reports 10.2.0, the first device reported 10.1.0"
    );
}

#[test]
fn a_module_without_the_version_ioctl_is_refused() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    driver.remove_ioctl(falco_driver_kmod::abi::Ioctl::GetSchemaVersion);
    let err = Kmod::from_devices(driver.devices(), &config(SMALL)).unwrap_err();
    assert!(matches!(err, KmodError::Ioctl { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("PPM_IOCTL_GET_SCHEMA_VERSION failed on /sim/dev/falco0:"),
        "{err}"
    );
}

#[test]
fn a_wrong_buffer_size_is_refused() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let err = Kmod::from_devices(driver.devices(), &config(3 * 4096)).unwrap_err();
    assert!(
        matches!(err, KmodError::BufferSize { bytes: 12288, .. }),
        "{err:?}"
    );
    // A valid size that is not the module's: the module refuses the mapping.
    let err = Kmod::from_devices(driver.devices(), &config(2 * SMALL)).unwrap_err();
    assert!(matches!(err, KmodError::Map { .. }), "{err:?}");
}

#[test]
fn the_rules_event_types_select_the_syscalls_and_tracepoints() {
    use falco_rules::evttype::event_set;
    let cond =
        falco_rules::parse_condition("evt.type in (open, openat, execve) and proc.name != sshd")
            .unwrap();
    let set = event_set(&cond, &falco_events::table::SyscallEventTypes).unwrap();
    let interest = Interest::from_event_codes(set.iter());

    let driver = SimDriver::new(2, SMALL).unwrap();
    let p = driver.producer(0).unwrap();
    let cfg = KmodConfig {
        interest,
        start_capture: false,
        ..config(SMALL)
    };
    let mut kmod = Kmod::from_devices(driver.devices(), &cfg).unwrap();
    assert!(driver.state_snapshot().tracepoints.is_empty());
    assert_eq!(p.emit(&event(1, 1, 1, 1)).unwrap(), Emitted::NotCapturing);

    kmod.start_capture().unwrap();
    let st = driver.state_snapshot();
    // x86_64: open = 2, execve = 59, openat = 257.
    assert_eq!(st.enabled_syscalls(), [2, 59, 257]);
    assert_eq!(
        st.tracepoints,
        [
            Tracepoint::SysEnter,
            Tracepoint::SysExit,
            Tracepoint::SchedProcExec
        ]
    );
    assert_eq!(p.emit(&event(1, 1, 1, 1)).unwrap(), Emitted::Written);

    kmod.set_interest(Interest::from_syscall_names(["clone", "sched_switch"]).unwrap())
        .unwrap();
    let st = driver.state_snapshot();
    assert_eq!(st.enabled_syscalls(), [56]);
    assert_eq!(
        st.tracepoints,
        [
            Tracepoint::SysEnter,
            Tracepoint::SysExit,
            Tracepoint::SchedSwitch,
            Tracepoint::SchedProcFork
        ]
    );

    kmod.stop_capture().unwrap();
    let st = driver.state_snapshot();
    assert!(st.enabled_syscalls().is_empty() && st.tracepoints.is_empty());
}

#[test]
fn the_default_capture_is_every_syscall_but_not_the_heavy_tracepoints() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let kmod = open(&driver, SMALL);
    let st = driver.state_snapshot();
    assert!(
        st.enabled_syscalls().len() > 300,
        "{}",
        st.enabled_syscalls().len()
    );
    assert_eq!(
        st.tracepoints,
        [
            Tracepoint::SysEnter,
            Tracepoint::SysExit,
            Tracepoint::SchedProcExit,
            Tracepoint::SignalDeliver,
            Tracepoint::SchedProcFork,
            Tracepoint::SchedProcExec
        ]
    );
    // The consumer can move to another thread (the daemon reads there).
    fn is_send<T: Send>() {}
    is_send::<Kmod<falco_driver_kmod::sim::SimDevice>>();
    is_send::<Kmod<falco_driver_kmod::FalcoDevice>>();
    drop(kmod);
}

#[test]
fn consumer_settings_reach_the_module_and_bad_values_are_its_errors() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    kmod.set_snaplen(2000).unwrap();
    kmod.set_sampling_ratio(Some(8)).unwrap();
    kmod.set_drop_failed(true).unwrap();
    kmod.set_dynamic_snaplen(true).unwrap();
    let st = driver.state_snapshot();
    assert_eq!(
        (
            st.snaplen,
            st.sampling_ratio,
            st.drop_failed,
            st.dynamic_snaplen
        ),
        (2000, Some(8), true, true)
    );
    let err = kmod.set_snaplen(65001).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("PPM_IOCTL_SET_SNAPLEN failed on /sim/dev/falco0"),
        "{err}"
    );
    assert!(kmod.set_sampling_ratio(Some(3)).is_err());
    kmod.set_sampling_ratio(None).unwrap();
    assert_eq!(driver.state_snapshot().sampling_ratio, None);
}

#[test]
fn malformed_events_are_skipped_and_counted_and_the_stream_goes_on() {
    let good = |ts| event(ts, 1, ts, 5);
    let mut wrong_sum = good(0);
    wrong_sum[EVENT_HEADER_LEN] ^= 1; // first length no longer adds up
    let mut too_many_params = good(0);
    too_many_params[22..26].copy_from_slice(&33u32.to_ne_bytes());
    let mut lengths_past_end = encode_event(0, 1, PPME_SYSCALL_CLOSE_X, &[]);
    lengths_past_end[22..26].copy_from_slice(&4u32.to_ne_bytes()); // 8 B of lengths, 0 B of body
    let cases: [(&str, Vec<u8>); 3] = [
        ("parameter lengths do not add up to len", wrong_sum),
        ("more than 32 parameters", too_many_params),
        ("length array runs past len", lengths_past_end),
    ];
    for (what, bad) in cases {
        let driver = SimDriver::new(1, SMALL).unwrap();
        let mut kmod = open(&driver, SMALL);
        let p = driver.producer(0).unwrap();
        p.emit(&good(1)).unwrap();
        p.write_raw(&bad).unwrap();
        p.emit(&good(2)).unwrap();
        let ts: Vec<u64> = drain(&mut kmod).iter().map(|e| ts_of(e)).collect();
        assert_eq!(ts, [1, 2], "{what}");
        let s = kmod.stats();
        assert_eq!((s.n_malformed, s.n_truncated), (1, 0), "{what}");
        assert_eq!(s.bytes_skipped, bad.len() as u64, "{what}");
    }
}

#[test]
fn a_truncated_event_ends_its_block_and_later_events_still_read() {
    let cases: [(&str, Vec<u8>); 3] = [
        ("header shorter than 26 bytes", vec![0xAB; 20]),
        ("len claims more than was published", {
            let mut e = event(5, 1, 5, 10);
            e[16..20].copy_from_slice(&4000u32.to_ne_bytes());
            e
        }),
        ("len smaller than a header", {
            let mut e = event(5, 1, 5, 10);
            e[16..20].copy_from_slice(&3u32.to_ne_bytes());
            e
        }),
    ];
    for (what, bad) in cases {
        let driver = SimDriver::new(2, SMALL).unwrap();
        let mut kmod = open(&driver, SMALL);
        let p = driver.producer(0).unwrap();
        p.emit(&event(1, 1, 1, 3)).unwrap();
        p.write_raw(&bad).unwrap();
        p.emit(&event(2, 1, 2, 3)).unwrap(); // same block: lost with it
        driver
            .producer(1)
            .unwrap()
            .emit(&event(3, 2, 3, 3))
            .unwrap();
        let ts: Vec<u64> = drain(&mut kmod).iter().map(|e| ts_of(e)).collect();
        assert_eq!(ts, [1, 3], "{what}");
        let s = kmod.stats();
        assert_eq!(s.n_truncated, 1, "{what}");
        assert_eq!(
            s.bytes_skipped,
            (bad.len() + event(2, 1, 2, 3).len()) as u64,
            "{what}"
        );
        // The ring was given back and reads on.
        p.emit(&event(4, 1, 4, 3)).unwrap();
        assert_eq!(
            drain(&mut kmod)
                .iter()
                .map(|e| ts_of(e))
                .collect::<Vec<_>>(),
            [4],
            "{what}"
        );
        assert_eq!(p.used(), 0);
    }
}

#[test]
fn random_bytes_in_the_ring_never_panic() {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let driver = SimDriver::new(2, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    for round in 0..200 {
        for cpu in 0..2 {
            let p = driver.producer(cpu).unwrap();
            let n = 1 + (rnd() % 600) as usize;
            let mut junk: Vec<u8> = (0..n).map(|_| rnd() as u8).collect();
            if round % 3 == 0 && n >= EVENT_HEADER_LEN {
                // Plausible lengths make the consumer go deeper.
                let len = (rnd() % (n as u64 + 8)) as u32;
                junk[16..20].copy_from_slice(&len.to_ne_bytes());
                junk[22..26].copy_from_slice(&((rnd() % 40) as u32).to_ne_bytes());
            }
            p.write_raw(&junk).unwrap();
        }
        while let Some(e) = kmod.next_raw_event().unwrap() {
            assert!(e.len() >= EVENT_HEADER_LEN);
            // What the ring check lets through, the event decoder accepts
            // (the EventSource stream relies on it).
            let h = EventHeader::parse(e).unwrap();
            if falco_events::table::event_info(h.event_type).is_some() {
                if let Err(err) = falco_events::Event::parse_allowing_extra(e) {
                    panic!("ring check passed an event the decoder refuses: {err}");
                }
            }
        }
    }
    let s = kmod.stats();
    assert!(s.n_truncated + s.n_malformed > 0);
    for cpu in 0..2 {
        assert_eq!(
            driver.producer(cpu).unwrap().used(),
            0,
            "every ring given back"
        );
    }
}

#[test]
fn events_of_unknown_types_and_large_payloads_are_framed_correctly() {
    let driver = SimDriver::new(1, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let p = driver.producer(0).unwrap();
    // Large-payload events have u32 lengths.
    let plugin = encode_event(
        1,
        0,
        PPME_PLUGINEVENT_E,
        &[&999u32.to_ne_bytes(), &[7u8; 5000]],
    );
    assert_eq!(plugin.len(), 26 + 2 * 4 + 4 + 5000);
    // A type from a newer schema: header checks only.
    let mut future = encode_event(2, 0, 0, &[b"x"]);
    future[20..22].copy_from_slice(&9000u16.to_ne_bytes());
    let execve = encode_event(
        3,
        0,
        PPME_SYSCALL_EXECVE_19_X,
        &[&0i64.to_ne_bytes(), b"/bin/sh\0"],
    );
    for e in [&plugin, &future, &execve] {
        p.emit(e).unwrap();
    }
    assert_eq!(drain(&mut kmod), vec![plugin, future, execve]);
    assert_eq!(kmod.stats().n_malformed, 0);
}

#[test]
fn a_head_outside_the_ring_is_an_error_not_a_wild_read() {
    let driver = SimDriver::new(2, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    driver.corrupt_head(1, SMALL as u32 + 8);
    let err = kmod.next_raw_event().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "ring buffer of /sim/dev/falco1 is corrupt: head {}, tail 0, size {SMALL}",
            SMALL + 8
        )
    );
}

#[test]
fn the_modules_counters_are_summed_over_cpus() {
    let driver = SimDriver::new(3, SMALL).unwrap();
    let kmod = open(&driver, SMALL);
    driver.add_fault_drops(0, 5, 1);
    driver.add_fault_drops(2, 7, 2);
    for cpu in 0..3 {
        driver
            .producer(cpu)
            .unwrap()
            .emit(&event(1, 1, 1, 1))
            .unwrap();
    }
    let s = kmod.stats();
    assert_eq!(s.per_cpu.len(), 3);
    assert_eq!(s.per_cpu[2].n_drops_pf, 7);
    assert_eq!(s.driver.n_evts, 3);
    assert_eq!(s.driver.n_drops_pf, 12);
    assert_eq!(s.driver.n_preemptions, 3);
    assert_eq!(s.n_drops(), 12);
}

#[test]
fn wait_times_out_on_empty_rings_and_wakes_for_an_event() {
    let driver = SimDriver::new(2, SMALL).unwrap();
    let mut kmod = open(&driver, SMALL);
    let start = std::time::Instant::now();
    assert!(!kmod.wait(Duration::from_millis(20)));
    assert!(start.elapsed() >= Duration::from_millis(20));
    let p = driver.producer(1).unwrap();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(10));
        p.emit(&event(1, 1, 1, 1)).unwrap();
    });
    assert!(kmod.wait(Duration::from_secs(5)));
    assert!(kmod.next_raw_event().unwrap().is_some());
    t.join().unwrap();
}

#[test]
fn without_the_module_open_says_it_is_not_loaded() {
    let dir = std::env::temp_dir().join(format!("falco-kmod-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = KmodConfig {
        device_dir: dir.clone(),
        module_parameters: dir.join("params"),
        ..KmodConfig::default()
    };
    let err = Kmod::open(&cfg).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the falco kernel module is not loaded: {}/falco0 not found",
            dir.display()
        )
    );
    // Files that are not the module's devices: the version ioctl fails.
    for cpu in 0..1024 {
        std::fs::write(dir.join(format!("falco{cpu}")), b"").unwrap();
    }
    let err = Kmod::open(&cfg).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        matches!(&err, KmodError::Ioctl { request, .. } if request.name() == "PPM_IOCTL_GET_API_VERSION"),
        "{err:?}"
    );
    assert!(err.to_string().contains("/falco0: "), "{err}");
}

mod event_source {
    use super::*;
    use falco_events::source::{EventSet, EventSource};

    fn source(driver: &SimDriver) -> Kmod<falco_driver_kmod::sim::SimDevice> {
        let cfg = KmodConfig {
            poll_timeout: Duration::from_millis(20),
            ..config(SMALL)
        };
        Kmod::from_devices(driver.devices(), &cfg).unwrap()
    }

    #[test]
    fn events_come_out_decoded_oldest_first_with_their_cpu() {
        let driver = SimDriver::new(2, SMALL).unwrap();
        let mut src = source(&driver);
        driver
            .producer(1)
            .unwrap()
            .emit(&event(10, 7, 3, 4))
            .unwrap();
        driver
            .producer(0)
            .unwrap()
            .emit(&event(20, 8, 4, 4))
            .unwrap();
        let mut seen = Vec::new();
        while let Some(e) = src.next_event().unwrap() {
            let fd = e.param(0).and_then(|p| p.as_i64());
            seen.push((e.ts(), e.tid(), e.name(), fd));
            let cpu = src.last_cpu();
            seen.last_mut().unwrap().1 += 100 * u64::from(cpu.unwrap());
        }
        assert_eq!(
            seen,
            [(10, 107, "openat", Some(3)), (20, 8, "openat", Some(4))]
        );
        let st = EventSource::stats(&src);
        assert_eq!((st.events, st.drops, st.skipped_malformed), (2, 0, 0));
    }

    #[test]
    fn set_event_types_selects_syscalls_in_the_module_and_filters_the_rest() {
        let driver = SimDriver::new(1, SMALL).unwrap();
        let mut src = source(&driver);
        let codes = falco_events::table::codes_for_name("openat");
        src.set_event_types(&EventSet::from_codes(codes.iter().copied()))
            .expect("selection applies");
        assert_eq!(driver.state_snapshot().enabled_syscalls(), [257]);

        let p = driver.producer(0).unwrap();
        let close = encode_event(
            1,
            1,
            PPME_SYSCALL_CLOSE_X,
            &[&0i64.to_ne_bytes(), &3i64.to_ne_bytes()],
        );
        p.emit(&close).unwrap();
        p.emit(&event(2, 1, 5, 4)).unwrap();
        let mut future = event(3, 1, 6, 4);
        future[20..22].copy_from_slice(&9000u16.to_ne_bytes());
        p.write_raw(&future).unwrap();
        let mut bad = event(4, 1, 7, 4);
        bad[EVENT_HEADER_LEN] ^= 1;
        p.write_raw(&bad).unwrap();

        let e = src.next_event().unwrap().expect("the openat event");
        assert_eq!((e.ts(), e.name()), (2, "openat"));
        assert!(src.next_event().unwrap().is_none());
        let st = EventSource::stats(&src);
        assert_eq!(
            (
                st.events,
                st.filtered,
                st.skipped_unknown,
                st.skipped_malformed
            ),
            (1, 1, 1, 1)
        );
    }

    #[test]
    fn an_ioctl_error_in_set_event_types_is_its_error() {
        let driver = SimDriver::new(1, SMALL).unwrap();
        let mut src = source(&driver);
        driver.remove_ioctl(falco_driver_kmod::abi::Ioctl::EnableSyscall);
        let err = src
            .set_event_types(&EventSet::from_codes([PPME_SYSCALL_OPENAT_2_X]))
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("PPM_IOCTL_ENABLE_SYSCALL failed on /sim/dev/falco0"),
            "{err}"
        );
        assert!(src.next_event().unwrap().is_none(), "the stream goes on");
    }

    #[test]
    fn next_event_waits_the_poll_timeout_then_returns_none() {
        let driver = SimDriver::new(1, SMALL).unwrap();
        let mut src = source(&driver);
        let start = std::time::Instant::now();
        assert!(src.next_event().unwrap().is_none());
        assert!(start.elapsed() >= Duration::from_millis(20));
        let p = driver.producer(0).unwrap();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(5));
            p.emit(&event(1, 1, 1, 1)).unwrap();
        });
        let cfg_wait = std::time::Instant::now();
        let got = loop {
            if let Some(e) = src.next_event().unwrap() {
                break e.ts();
            }
            assert!(cfg_wait.elapsed() < Duration::from_secs(5));
        };
        assert_eq!(got, 1);
        t.join().unwrap();
    }
}

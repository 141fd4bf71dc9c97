//! Alert throughput to a file output: alerts pushed through the daemon's
//! bounded queue to a `file_output` (JSON, `keep_alive: true`, buffered), timed
//! until the queue is flushed. The baseline, measured in the same run, writes
//! the same JSON lines straight to a buffered file with no queue and no
//! thread. Report alerts/s and the ratio.
//!
//! Run: `cargo bench --bench alerts`.

use std::hint::black_box;
use std::io::Write;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use falco::config::Config;
use falco::outputs::{file::FileOutput, Formatter, Output, OutputQueue, StderrLog};
use falco::rules::alert::Alert;
use falco::rules::rules::Priority;

const N: u64 = 10_000;

fn alert(i: u64) -> Alert {
    Alert {
        rule: "Read sensitive file untrusted".into(),
        priority: Priority::Warning,
        source: "syscall".into(),
        tags: vec!["filesystem".to_string(), "mitre_credential_access".to_string()].into(),
        time_ns: 1_700_000_000_000_000_000 + i,
        output: "Sensitive file opened for reading by non-trusted program (user=root process=cat file=/etc/shadow command=cat /etc/shadow)".into(),
        output_fields: vec![
            ("fd.name".into(), "/etc/shadow".into()),
            ("proc.name".into(), "cat".into()),
            ("user.uid".into(), 0u64.into()),
        ],
        time_fields: Some(falco::rules::TimeFields {
            plain: "evt.time".into(),
            iso8601: "evt.time.iso8601".into(),
        }),
        extra: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("falco-bench-alerts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cfg = Config {
        json_output: true,
        buffered_outputs: true,
        ..Config::default()
    };
    let alerts: Vec<Alert> = (0..N).map(alert).collect();

    let mut g = c.benchmark_group("alerts_to_file");
    g.throughput(Throughput::Elements(N));
    g.sample_size(10);
    g.bench_function("queue_and_file_output", |b| {
        b.iter(|| {
            let path = dir.join("queue.json");
            let out: Box<dyn Output> = Box::new(FileOutput::new(path, true, true));
            let q = OutputQueue::start(
                vec![out],
                Formatter::from_config(&cfg),
                0,
                Arc::new(StderrLog),
            );
            for a in &alerts {
                q.push(a.clone());
            }
            q.shutdown();
        })
    });
    g.bench_function("baseline_direct_write", |b| {
        let fmt = cfg.alert_format();
        b.iter(|| {
            let f = std::fs::File::create(dir.join("direct.json")).expect("file");
            let mut w = std::io::BufWriter::new(f);
            for a in &alerts {
                let line = a.clone().json(&fmt);
                w.write_all(line.as_bytes()).expect("write");
                w.write_all(b"\n").expect("write");
            }
            w.flush().expect("flush");
            black_box(&w);
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);

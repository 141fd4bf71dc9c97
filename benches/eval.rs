//! Condition evaluation: nanoseconds per evaluation of typical Falco
//! conditions, each against a hand-written Rust function that computes the same
//! answer from the same event (the baseline, measured in the same run). Report
//! the ratio `engine / native`.
//!
//! Run: `cargo bench --bench eval`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use falco::rules::field::{Field, FieldExtractor, FieldSchema, FieldType, Values};
use falco::rules::{FieldError, Filter, Scratch};

/// A few syscall-like fields with fixed values.
struct Ev {
    evt_type: &'static str,
    proc_name: &'static str,
    pname: &'static str,
    fd_name: &'static str,
    rawres: u64,
    uid: u64,
    args: &'static [&'static str],
}

const FIELDS: &[(&str, FieldType, bool)] = &[
    ("evt.type", FieldType::String, false),
    ("proc.name", FieldType::String, false),
    ("proc.pname", FieldType::String, false),
    ("fd.name", FieldType::String, false),
    ("evt.rawres", FieldType::Uint64, false),
    ("user.uid", FieldType::Uint64, false),
    ("proc.args", FieldType::String, true),
];

struct Schema;

impl FieldSchema for Schema {
    fn resolve(&self, name: &str, _arg: Option<&str>) -> Result<Field, FieldError> {
        let (i, (_, ty, list)) = FIELDS
            .iter()
            .enumerate()
            .find(|(_, f)| f.0 == name)
            .ok_or_else(|| FieldError::Unknown(name.into()))?;
        let mut f = Field::new(i as u32, *ty);
        f.is_list = *list;
        Ok(f)
    }
}

impl FieldExtractor for Ev {
    fn extract(&self, field: &Field, out: &mut Values) -> bool {
        match field.id {
            0 => out.push_str(self.evt_type),
            1 => out.push_str(self.proc_name),
            2 => out.push_str(self.pname),
            3 => out.push_str(self.fd_name),
            4 => out.push_uint(self.rawres),
            5 => out.push_uint(self.uid),
            6 => self.args.iter().for_each(|a| out.push_str(a)),
            _ => return false,
        }
        true
    }
}

const SHELLS: &[&str] = &[
    "ash", "bash", "csh", "ksh", "sh", "tcsh", "zsh", "dash", "pwsh",
];

type Native = fn(&Ev) -> bool;

fn cases() -> Vec<(&'static str, String, Native)> {
    vec![
        (
            "eq_string",
            "proc.name = cat".to_string(),
            (|e: &Ev| e.proc_name == "cat") as Native,
        ),
        (
            "in_set_9",
            format!("proc.name in ({})", SHELLS.join(", ")),
            |e: &Ev| SHELLS.contains(&e.proc_name),
        ),
        (
            "sensitive_open",
            "evt.type in (open, openat, openat2) and evt.rawres >= 0 and fd.name startswith /etc \
             and (fd.name in (/etc/shadow, /etc/sudoers, /etc/pam.conf) or fd.name startswith /etc/sudoers.d/) \
             and not proc.name in (sshd, sudo, su, login, passwd)"
                .to_string(),
            |e: &Ev| {
                ["open", "openat", "openat2"].contains(&e.evt_type)
                    && e.fd_name.starts_with("/etc")
                    && (["/etc/shadow", "/etc/sudoers", "/etc/pam.conf"].contains(&e.fd_name)
                        || e.fd_name.starts_with("/etc/sudoers.d/"))
                    && !["sshd", "sudo", "su", "login", "passwd"].contains(&e.proc_name)
            },
        ),
        (
            "glob_and_contains",
            "fd.name glob '/etc/*/secret*' or proc.pname contains sh".to_string(),
            |e: &Ev| {
                (e.fd_name.starts_with("/etc/") && e.fd_name.contains("/secret"))
                    || e.pname.contains("sh")
            },
        ),
        (
            "list_field_intersects",
            "proc.args intersects (-c, --login) and user.uid = 0".to_string(),
            |e: &Ev| e.args.iter().any(|a| *a == "-c" || *a == "--login") && e.uid == 0,
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let ev = Ev {
        evt_type: "openat",
        proc_name: "cat",
        pname: "bash",
        fd_name: "/etc/shadow",
        rawres: 3,
        uid: 0,
        args: &["-c", "cat /etc/shadow"],
    };
    let mut g = c.benchmark_group("eval");
    for (name, cond, native) in cases() {
        let filter = Filter::new(&cond, &Schema).expect("bench condition compiles");
        let mut scratch = Scratch::new();
        assert_eq!(
            filter.matches(&ev, &mut scratch),
            native(&ev),
            "engine and native disagree on {name}"
        );
        g.bench_function(format!("{name}/engine"), |b| {
            b.iter(|| filter.matches(black_box(&ev), &mut scratch))
        });
        g.bench_function(format!("{name}/native"), |b| {
            b.iter(|| native(black_box(&ev)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

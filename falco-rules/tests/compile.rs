//! The compile stage: Falco's operator semantics per type, missing fields,
//! list and "any of" fields, modifiers, transformers, compile errors and
//! warnings, the field cache, and the bytecode listing.

mod common;

use common::*;
use falco_rules::{Compiler, ErrorKind, Filter, Program, Scratch};

fn ev_proc(name: &str) -> Event {
    Event::new().str("proc.name", name)
}

/// Writes `v` as a condition value: bare when the grammar allows, quoted
/// with escapes otherwise.
fn quote(v: &str) -> String {
    let bare = !v.is_empty()
        && !v
            .chars()
            .any(|c| c.is_whitespace() || "()\"'=,".contains(c));
    if bare {
        v.to_string()
    } else {
        format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Runs a table of (condition, event, expected).
fn table(cases: &[(&str, &Event, bool)]) {
    for (text, ev, want) in cases {
        assert_eq!(eval(text, ev), *want, "{text}");
    }
}

#[test]
fn string_operators() {
    let ev = Event::new()
        .str("proc.name", "bash")
        .str("fd.name", "/etc/shadow")
        .str("proc.cmdline", "Hello World")
        .str("proc.exe", "10");
    table(&[
        ("proc.name = bash", &ev, true),
        ("proc.name == bash", &ev, true),
        ("proc.name = bas", &ev, false),
        ("proc.name = BASH", &ev, false),
        ("proc.name != bash", &ev, false),
        ("proc.name != zsh", &ev, true),
        // Strings order lexically (the grammar only takes numbers after < > ...).
        ("proc.exe < 9", &ev, true),
        ("proc.exe < 10", &ev, false),
        ("proc.exe <= 10", &ev, true),
        ("proc.exe > 1", &ev, true),
        ("proc.exe >= 100", &ev, false),
        ("fd.name contains shad", &ev, true),
        ("fd.name contains SHAD", &ev, false),
        ("fd.name contains \"\"", &ev, true),
        ("proc.cmdline icontains WORLD", &ev, true),
        ("proc.cmdline icontains xyz", &ev, false),
        ("fd.name startswith /etc/", &ev, true),
        ("fd.name startswith /usr/", &ev, false),
        ("fd.name endswith shadow", &ev, true),
        ("fd.name endswith /etc", &ev, false),
        ("fd.name glob /etc/*", &ev, true),
        ("fd.name glob /ETC/*", &ev, false),
        ("fd.name iglob /ETC/*", &ev, true),
        ("fd.name regex \"/etc/sh.*\"", &ev, true),
        ("fd.name regex \"etc/sh.*\"", &ev, false),
        ("fd.name regex shadow", &ev, false),
        ("proc.name in (cat, bash)", &ev, true),
        ("proc.name in (cat, zsh)", &ev, false),
        ("proc.name in ()", &ev, false),
        ("proc.name intersects (bash)", &ev, true),
        ("fd.name pmatch (/etc)", &ev, true),
        ("fd.name pmatch (/et)", &ev, false),
        ("proc.name exists", &ev, true),
    ]);
}

#[test]
fn strings_end_at_their_first_nul() {
    let ev = Event::new().with("proc.name", vec![V::B(b"bash\0junk".to_vec())]);
    table(&[
        ("proc.name = bash", &ev, true),
        ("proc.name in (bash)", &ev, true),
        ("proc.name endswith sh", &ev, true),
        ("proc.name contains junk", &ev, false),
    ]);
}

#[test]
fn regex_sees_invalid_utf8_as_replacement_characters() {
    let ev = Event::new().with("proc.name", vec![V::B(b"a\xffb".to_vec())]);
    assert!(eval("proc.name regex \"a.b\"", &ev));
    assert!(eval("proc.name regex \"a\u{FFFD}b\"", &ev));
}

#[test]
fn regex_is_anchored_and_multi_line() {
    let ev = Event::new().str("proc.cmdline", "one\ntwo");
    table(&[
        ("proc.cmdline regex \"one.two\"", &ev, false),
        ("proc.cmdline regex \"one$\\n^two\"", &ev, true),
        ("proc.cmdline regex \"one|one\\ntwo\"", &ev, true),
        ("proc.cmdline regex \"(o|t)[a-z]+\\n[a-z]+\"", &ev, true),
    ]);
}

#[test]
fn buffer_operators() {
    let ev = Event::new().with("evt.buffer", vec![V::B(vec![0xca, 0xfe, 0x00, 0xba, 0xbe])]);
    table(&[
        ("evt.buffer bcontains 00babe", &ev, true),
        ("evt.buffer bcontains BABE", &ev, true),
        ("evt.buffer bcontains beef", &ev, false),
        ("evt.buffer bstartswith cafe", &ev, true),
        ("evt.buffer bstartswith fe", &ev, false),
        ("evt.buffer contains cafe", &ev, false),
        ("evt.buffer exists", &ev, true),
    ]);
    let text = Event::new().with("evt.buffer", vec![V::B(b"GET / HTTP".to_vec())]);
    table(&[
        ("evt.buffer = \"GET / HTTP\"", &text, true),
        ("evt.buffer != \"GET / HTTP\"", &text, false),
        ("evt.buffer contains HTTP", &text, true),
        ("evt.buffer startswith GET", &text, true),
        ("evt.buffer endswith HTTP", &text, true),
        ("evt.buffer in (abc, \"GET / HTTP\")", &text, true),
    ]);
}

#[test]
fn numeric_operators_use_the_field_width() {
    let ev = Event::new()
        .with("proc.pid", vec![V::I(1234)])
        .with("evt.rawres", vec![V::I(-2)])
        .with("evt.u8", vec![V::U(255)])
        .with("evt.res8", vec![V::I(-1)])
        .with("evt.res16", vec![V::I(-300)])
        .with("evt.res32", vec![V::I(-70000)])
        .with("fd.sport", vec![V::U(443)])
        .with("user.uid", vec![V::U(0)])
        .with("evt.count", vec![V::U(u64::MAX)]);
    table(&[
        ("proc.pid = 1234", &ev, true),
        ("proc.pid != 1234", &ev, false),
        ("proc.pid < 1235", &ev, true),
        ("proc.pid <= 1233", &ev, false),
        ("proc.pid > 1000", &ev, true),
        ("proc.pid >= 1234", &ev, true),
        ("proc.pid in (1, 1234)", &ev, true),
        ("proc.pid intersects (1, 2)", &ev, false),
        ("proc.pid = +1234", &ev, true),
        ("proc.pid = \" 1234\"", &ev, true),
        ("evt.rawres < 0", &ev, true),
        ("evt.rawres = -2", &ev, true),
        // A negative constant wraps into an unsigned field.
        ("evt.u8 = -1", &ev, true),
        ("evt.u8 = 511", &ev, true),
        ("evt.count = -1", &ev, true),
        // Signed constants are truncated to the width, like Falco's parsed8/16/32.
        ("evt.res8 = 255", &ev, true),
        ("evt.res16 = -300", &ev, true),
        ("evt.res32 = -70000", &ev, true),
        ("fd.sport = 443", &ev, true),
        ("fd.sport in (80, 443)", &ev, true),
        ("user.uid = 0", &ev, true),
        ("user.uid > 0", &ev, false),
    ]);
}

#[test]
fn bool_operators() {
    let ev = Event::new().with("evt.is_open_read", vec![V::Bool(true)]);
    table(&[
        ("evt.is_open_read = true", &ev, true),
        ("evt.is_open_read = false", &ev, false),
        ("evt.is_open_read != false", &ev, true),
        ("evt.is_open_read in (false)", &ev, false),
        ("evt.is_open_read in (false, true)", &ev, true),
    ]);
}

#[test]
fn ip_and_network_operators() {
    let ev = Event::new()
        .with("fd.sip", vec![ip("10.1.2.3")])
        .with("fd.cip", vec![ip("fe80::1")])
        .with("fd.snet", vec![ip("10.1.2.3")]);
    table(&[
        ("fd.sip = 10.1.2.3", &ev, true),
        ("fd.sip = 10.1.2.4", &ev, false),
        ("fd.sip != 10.1.2.4", &ev, true),
        ("fd.sip in (1.1.1.1, 10.1.2.3)", &ev, true),
        ("fd.cip = fe80::1", &ev, true),
        ("fd.cip = \"fe80:0:0::1\"", &ev, true),
        // Different address families: only != holds.
        ("fd.sip = ::1", &ev, false),
        ("fd.sip != ::1", &ev, true),
        ("fd.snet = 10.0.0.0/8", &ev, true),
        ("fd.snet = 11.0.0.0/8", &ev, false),
        ("fd.snet != 11.0.0.0/8", &ev, true),
        ("fd.snet in (192.168.0.0/16, 10.1.0.0/16)", &ev, true),
        ("fd.snet = fe80::/10", &ev, false),
        ("fd.snet != fe80::/10", &ev, true),
    ]);
}

#[test]
fn an_unavailable_field_makes_every_check_false() {
    let ev = Event::new();
    for text in [
        "proc.name = bash",
        "proc.name != bash",
        "proc.name in (bash)",
        "proc.name contains a",
        "proc.name glob *",
        "proc.pid != 0",
        "fd.sip != 1.2.3.4",
        "tolower(proc.name) != x",
        "proc.name exists",
        "proc.args intersects (a)",
        "proc.args in ()",
    ] {
        assert!(!eval(text, &ev), "{text}");
    }
    let p = compile(&cond("not proc.name = bash"));
    let mut scratch = Scratch::new();
    scratch.next_event();
    assert!(p.eval(&ev, &mut scratch), "not proc.name = bash");
    let p = compile(&cond("not proc.name exists"));
    assert!(p.eval(&ev, &mut scratch), "not proc.name exists");
}

#[test]
fn a_single_valued_field_with_no_value_fails_but_exists() {
    let ev = Event::new().with("proc.name", vec![]);
    assert!(eval("proc.name exists", &ev));
    assert!(!eval("proc.name != x", &ev));
}

#[test]
fn list_fields_in_means_all_intersects_means_any() {
    let ev = Event::new()
        .with("proc.args", vec![s("-c"), s("ls")])
        .with("proc.env", vec![])
        .with("fd.ports", vec![V::U(80), V::U(443)])
        .with("fd.ips", vec![ip("10.0.0.1"), ip("::1")])
        .with("fd.nets", vec![ip("10.0.0.1"), ip("192.168.1.1")])
        .with("evt.flags", vec![V::Bool(true)]);
    table(&[
        ("proc.args in (-c, ls, -l)", &ev, true),
        ("proc.args in (-c)", &ev, false),
        ("proc.args intersects (ls, x)", &ev, true),
        ("proc.args intersects (x, y)", &ev, false),
        ("proc.args exists", &ev, true),
        // An empty list is inside every set and intersects none.
        ("proc.env in (a)", &ev, true),
        ("proc.env intersects (a)", &ev, false),
        ("fd.ports in (80, 443, 8080)", &ev, true),
        ("fd.ports intersects (22, 443)", &ev, true),
        ("fd.ips intersects (::1)", &ev, true),
        ("fd.ips in (::1)", &ev, false),
        ("fd.nets in (10.0.0.0/8, 192.168.0.0/16)", &ev, true),
        ("fd.nets intersects (172.16.0.0/12)", &ev, false),
        ("evt.flags in (true)", &ev, true),
    ]);
}

#[test]
fn match_any_fields_hold_for_any_candidate_and_differ_only_if_all_do() {
    let conn = Event::new()
        .with("fd.ip", vec![ip("10.0.0.1"), ip("10.0.0.2")])
        .with("fd.port", vec![V::U(5555), V::U(443)])
        .with("proc.aname", vec![s("bash"), s("sshd"), s("systemd")])
        .str("proc.aname[1]", "bash");
    table(&[
        ("fd.ip = 10.0.0.1", &conn, true),
        ("fd.ip = 10.0.0.2", &conn, true),
        ("fd.ip = 10.0.0.3", &conn, false),
        ("fd.ip != 10.0.0.1", &conn, false),
        ("fd.ip != 10.0.0.3", &conn, true),
        ("fd.ip in (1.1.1.1, 10.0.0.2)", &conn, true),
        ("fd.port = 443", &conn, true),
        ("fd.port > 5000", &conn, true),
        ("fd.port != 443", &conn, false),
        ("proc.aname = sshd", &conn, true),
        ("proc.aname startswith sys", &conn, true),
        ("proc.aname in (init, systemd)", &conn, true),
        ("proc.aname != sshd", &conn, false),
        ("proc.aname != init", &conn, true),
        ("proc.aname[1] = bash", &conn, true),
        ("proc.aname[1] = sshd", &conn, false),
    ]);
    // A server socket has one side.
    let server = Event::new().with("fd.ip", vec![ip("10.0.0.1")]);
    assert!(eval("fd.ip = 10.0.0.1", &server));
    assert!(!eval("fd.ip != 10.0.0.1", &server));
    // No candidate at all: nothing holds.
    let none = Event::new().with("fd.ip", vec![]);
    assert!(!eval("fd.ip != 10.0.0.1", &none));
    assert!(eval("fd.ip exists", &none));
}

#[test]
fn modifiers_count_the_matching_elements() {
    let ev = Event::new()
        .str("proc.name", "/proc/self")
        .str("fd.name", "x");
    table(&[
        ("proc.name startswith oneof (/proc/, /sys/)", &ev, true),
        ("proc.name startswith oneof (/proc/, /proc/s)", &ev, false),
        ("proc.name startswith anyof (/proc/, /proc/s)", &ev, true),
        ("proc.name startswith allof (/proc/, /proc/s)", &ev, true),
        ("proc.name startswith allof (/proc/, /sys/)", &ev, false),
        ("proc.name contains anyof (self, nothing)", &ev, true),
        ("proc.name endswith allof (self, elf, f)", &ev, true),
        ("proc.name glob oneof (/proc/*, /sys/*)", &ev, true),
        ("proc.name regex anyof (\"/proc/.*\", \"x\")", &ev, true),
        ("proc.name icontains allof (PROC, SELF)", &ev, true),
        ("proc.name = anyof (a, /proc/self)", &ev, true),
        ("proc.name = oneof (/proc/self, /proc/self)", &ev, false),
        ("proc.name == allof (/proc/self)", &ev, true),
        ("proc.name != allof (a, b)", &ev, true),
        ("proc.name != allof (a, /proc/self)", &ev, false),
        ("proc.name != anyof (a, /proc/self)", &ev, true),
        // An empty list never holds.
        ("proc.name startswith anyof ()", &ev, false),
        ("proc.name startswith allof ()", &ev, false),
        ("proc.name != allof ()", &ev, false),
        ("proc.name startswith oneof ()", &ev, false),
    ]);
    let nums = Event::new()
        .with("proc.pid", vec![V::I(7)])
        .with("fd.sip", vec![ip("1.2.3.4")]);
    table(&[
        ("proc.pid = anyof (1, 7)", &nums, true),
        ("proc.pid != allof (1, 2)", &nums, true),
        ("fd.sip = anyof (1.2.3.4, 5.6.7.8)", &nums, true),
    ]);
}

#[test]
fn glob_follows_fnmatch_without_flags() {
    let cases: &[(&str, &str, bool)] = &[
        ("*", "", true),
        ("*", "/a/b", true),
        ("/etc/*", "/etc/a/b", true),
        ("*.log", "/var/log/x.log", true),
        ("*.log", "/var/log/x.log.1", false),
        ("?", "a", true),
        ("?", "", false),
        ("a?c", "abc", true),
        ("a?c", "a/c", true),
        ("[abc]x", "bx", true),
        ("[abc]x", "dx", false),
        ("[!abc]x", "dx", true),
        ("[^abc]x", "ax", false),
        ("[a-c]", "b", true),
        ("[a-c]", "d", false),
        ("[]]", "]", true),
        ("[!]]", "a", true),
        ("[a-]", "-", true),
        ("[[:digit:]]*", "7up", true),
        ("[[:digit:]]*", "up", false),
        ("\\*", "*", true),
        ("\\*", "a", false),
        ("a\\", "a\\", false),
        ("[abc", "[abc", true),
        ("{a,b}", "a", false),
        ("{a,b}", "{a,b}", true),
        ("*a*b*c*", "xaybzc", true),
        ("*a*b*c*", "xaybz", false),
        (".*", ".hidden", true),
        ("runc:\\[1:CHILD\\]", "runc:[1:CHILD]", true),
    ];
    for (pattern, value, want) in cases {
        let ev = Event::new().str("fd.name", value);
        let text = format!("fd.name glob {}", quote(pattern));
        assert_eq!(eval(&text, &ev), *want, "{pattern} vs {value}");
    }
}

#[test]
fn iglob_folds_case() {
    let ev = Event::new().str("fd.name", "/ETC/Passwd");
    table(&[
        ("fd.name iglob /etc/passwd", &ev, true),
        ("fd.name iglob \"/etc/[p]ASS*\"", &ev, true),
        ("fd.name iglob \"/etc/[a-z]asswd\"", &ev, true),
        ("fd.name glob /etc/passwd", &ev, false),
    ]);
}

#[test]
fn pmatch_matches_path_prefixes_by_component() {
    let file = "/opt/dir/subdir/file.txt";
    let cases: &[(&str, &str, bool)] = &[
        ("(/opt/dir)", file, true),
        ("(/opt/di)", file, false),
        ("(/opt/*/subdir)", file, true),
        ("(/opt/dir2)", file, false),
        ("(/opt/dir/subdir/file.txt)", file, true),
        ("(/opt/dir/subdir/file.txt/more)", file, false),
        ("(/opt//dir/)", file, true),
        ("(/usr, /opt)", file, true),
        ("(/opt/d?r)", file, true),
        ("(/opt/[cd]ir/subdir)", file, true),
        ("(/)", file, true),
        ("(/opt/dir)", "/opt/dir", true),
        ("(/opt/dir)", "/opt", false),
        ("(/opt/dir, /opt/dir/subdir)", "/opt/dir/x", true),
        ("(/opt/dir/subdir, /opt/dir)", "/opt/dir/x", true),
        ("(/opt/*, /opt/dir/subdir)", "/opt/other", true),
        ("()", file, false),
    ];
    for (list, value, want) in cases {
        let ev = Event::new().str("fd.name", value);
        let text = format!("fd.name pmatch {list}");
        assert_eq!(eval(&text, &ev), *want, "{value} pmatch {list}");
    }
}

#[test]
fn boolean_logic_short_circuits_left_to_right() {
    // T stands for a check that holds, F for one that does not.
    let ev = ev_proc("bash");
    let cases: &[(&str, bool)] = &[
        ("T and T", true),
        ("T and F", false),
        ("F or T", true),
        ("F or F", false),
        ("not T", false),
        ("not not T", true),
        ("(F or T) and T", true),
        ("(F or F) and T", false),
        ("T and F or T and T", true),
        ("not (T and F)", true),
        ("not (F or F)", true),
        ("not T or F and T or not F", true),
        ("T and (F or not T) and T", false),
        ("(T and (T and (F or (T and T))))", true),
        ("not (T and not (F or not (T)))", false),
    ];
    for (text, want) in cases {
        let text = text
            .replace('T', "proc.name = bash")
            .replace('F', "proc.name = zsh");
        let p = compile(&cond(&text));
        let mut scratch = Scratch::new();
        scratch.next_event();
        assert_eq!(p.eval(&ev, &mut scratch), *want, "{text}\n{p}");
    }
    // The right side of a decided `and` is never extracted.
    let ev = ev_proc("zsh").str("fd.name", "/etc/shadow");
    let p = compile(&cond("proc.name = bash and fd.name = x"));
    let mut scratch = Scratch::new();
    scratch.next_event();
    assert!(!p.eval(&ev, &mut scratch));
    assert_eq!(ev.calls("fd.name"), 0);
}

#[test]
fn transformers_compute_on_the_extracted_values() {
    let ev = Event::new()
        .str("proc.name", "BaSh")
        .str("proc.exe", "/usr/bin/bash")
        .str("proc.cmdline", "aGVsbG8=")
        .str("proc.pname", "not base64!")
        .with("evt.buffer", vec![V::B(b"aGVsbG8".to_vec())])
        .with("proc.args", vec![s("-c"), s("ls -l")])
        .with("proc.env", vec![s("HOME=/root")]);
    table(&[
        ("tolower(proc.name) = bash", &ev, true),
        ("toupper(proc.name) = BASH", &ev, true),
        ("tolower(proc.name) in (bash, zsh)", &ev, true),
        ("basename(proc.exe) = bash", &ev, true),
        ("basename(proc.name) = BaSh", &ev, true),
        ("b64(proc.cmdline) = hello", &ev, true),
        ("b64(evt.buffer) = hello", &ev, true),
        // Transformers nest: "BASH" is valid base64.
        ("b64(toupper(proc.name)) exists", &ev, true),
        // A value that does not decode fails the extraction.
        ("b64(proc.pname) exists", &ev, false),
        ("b64(proc.pname) != x", &ev, false),
        ("len(proc.name) = 4", &ev, true),
        ("len(proc.exe) > 10", &ev, true),
        ("len(evt.buffer) = 7", &ev, true),
        ("len(proc.args) = 2", &ev, true),
        ("len(b64(proc.cmdline)) = 5", &ev, true),
        ("tolower(proc.args) intersects (\"ls -l\")", &ev, true),
        ("join(\",\", proc.args) = \"-c,ls -l\"", &ev, true),
        (
            "join(\" \", (proc.name, proc.exe)) = \"BaSh /usr/bin/bash\"",
            &ev,
            true,
        ),
        (
            "concat(proc.name, \"-\", basename(proc.exe)) = BaSh-bash",
            &ev,
            true,
        ),
        ("concat(proc.name, fd.name) exists", &ev, false),
        ("getopt(proc.args, \"c:\")[c] = \"ls -l\"", &ev, true),
        ("getopt(proc.args, \"c:\") intersects (c)", &ev, true),
        ("getopt(proc.args, \"x\")[x] exists", &ev, false),
        ("tolower(\"ABC\") = abc", &ev, true),
    ]);
}

#[test]
fn field_to_field_comparisons_through_val_and_transformers() {
    let ev = Event::new()
        .str("proc.name", "bash")
        .str("proc.pname", "bash")
        .str("proc.exe", "/bin/BASH")
        .with("proc.pid", vec![V::I(10)])
        .with("proc.ppid", vec![V::I(1)])
        .with("proc.args", vec![s("a"), s("b")])
        .with("proc.env", vec![s("a"), s("b"), s("c")]);
    table(&[
        ("proc.name = val(proc.pname)", &ev, true),
        ("proc.name != val(proc.pname)", &ev, false),
        ("proc.name startswith val(proc.pname)", &ev, true),
        ("proc.name in val(proc.pname)", &ev, true),
        ("proc.name = tolower(basename(proc.exe))", &ev, true),
        ("proc.pid > val(proc.ppid)", &ev, true),
        ("proc.pid = val(proc.ppid)", &ev, false),
        ("proc.args in val(proc.env)", &ev, true),
        ("proc.env in val(proc.args)", &ev, false),
        ("proc.env intersects val(proc.args)", &ev, true),
        ("proc.name glob val(proc.pname)", &ev, true),
        // The right-hand field is missing: false.
        ("proc.name = val(fd.name)", &ev, false),
        ("proc.name != val(fd.name)", &ev, false),
    ]);
}

#[test]
fn macros_left_in_the_tree_are_undefined() {
    let e = Compiler::new(&Schema)
        .compile(&cond("proc.name = bash and spawned_process"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UndefinedMacro);
    assert_eq!(
        e.message(),
        "Undefined macro 'spawned_process' used in filter."
    );
}

#[test]
fn unknown_fields_and_event_types_are_unknown_filter_errors() {
    for (text, msg, at) in [
        (
            "proc.nobody = x",
            "filter_check called with nonexistent field proc.nobody",
            "1:1",
        ),
        (
            "proc.name = val(proc.nobody)",
            "filter_check called with nonexistent field proc.nobody",
            "1:17",
        ),
        (
            "tolower(proc.nobody) = x",
            "filter_check called with nonexistent field proc.nobody",
            "1:9",
        ),
        (
            "evt.type = some_invalid_event",
            "unknown event type some_invalid_event",
            "1:12",
        ),
        (
            "evt.type in (open, nosuch)",
            "unknown event type nosuch",
            "1:20",
        ),
    ] {
        let e = Compiler::new(&Schema).compile(&cond(text)).unwrap_err();
        assert_eq!(
            (e.message(), e.pos().to_string().as_str()),
            (msg, at),
            "{text}"
        );
        assert_eq!(e.kind(), ErrorKind::UnknownField, "{text}");
    }
    let e = Compiler::new(&Schema)
        .compile(&cond("evt.arg exists"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Compile);
    assert_eq!(
        e.message(),
        "filter_check called with field evt.arg requiring an argument"
    );
}

#[test]
fn operator_type_errors_are_worded_as_falco() {
    let cases: &[(&str, &str)] = &[
        ("proc.name bcontains cafe", "filter error: 'bcontains' operator not supported for string filters"),
        ("proc.name bstartswith cafe", "filter error: 'bstartswith' operator not supported for string filters"),
        ("proc.pid contains 1", "filter error: 'contains' operator not supported for numeric filters"),
        ("proc.pid glob 1*", "filter error: 'glob' operator not supported for numeric filters"),
        ("proc.pid pmatch (/a)", "filter error: 'pmatch' operator not supported for numeric filters"),
        ("evt.is_open_read < 1", "filter error: '<' operator not supported for numeric filters"),
        ("evt.buffer < 1", "filter error: '<' operator not supported for buffer filters"),
        ("evt.buffer icontains abc", "filter error: 'icontains' operator not supported for buffer filters"),
        ("evt.buffer regex abc", "filter error: 'regex' operator not supported for buffer filters"),
        ("fd.sip contains 1", "filter error: 'contains' operator not supported for ip address and network filters"),
        ("fd.snet < 10", "filter error: '<' operator not supported for ip address and network filters"),
        ("fd.sip startswith oneof (1)", "filter error: 'startswith' with modifier not supported for ip address and network filters"),
        ("proc.args = a", "filter error: '=' operator not supported list filters"),
        ("proc.args contains a", "filter error: 'contains' operator not supported list filters"),
        ("proc.args == a", "filter error: '=' operator not supported list filters"),
        ("proc.fds in (1)", "filter error: list filters are not supported for type 'INT64'"),
        ("len(proc.name) contains 1", "filter error: 'contains' operator not supported for numeric filters"),
    ];
    for (text, msg) in cases {
        let (m, at) = error(text);
        assert_eq!(m, *msg, "{text}");
        let op_col = text.find(' ').unwrap() + 2;
        assert_eq!(at, format!("1:{op_col}"), "{text}");
    }
}

#[test]
fn value_conversion_errors_are_worded_as_falco() {
    let cases: &[(&str, &str)] = &[
        ("proc.pid = 0x10", "0x10 is not a valid number"),
        ("proc.pid = 1.5", "1.5 is not a valid number"),
        ("proc.pid = abc", "abc is not a valid number"),
        ("proc.pid in (1, 2x)", "2x is not a valid number"),
        ("fd.sport = http", "http is not a valid number"),
        (
            "evt.is_open_read = yes",
            "filter error: unrecognized boolean value yes",
        ),
        (
            "evt.is_open_read = True",
            "filter error: unrecognized boolean value True",
        ),
        ("fd.sip = 10.0.0", "unrecognized IPv4 address 10.0.0"),
        ("fd.sip = zz::1::2", "unrecognized IPv6 address zz::1::2"),
        ("fd.snet = 10.0.0.0", "unrecognized IP network 10.0.0.0"),
        ("fd.snet = 10.0.0.0/40", "invalid netmask 40"),
        ("fd.snet = fe80::1", "invalid v6 netmask: fe80::1"),
        (
            "evt.buffer bcontains xyz",
            "filter error: bcontains and bstartswith operator support hex strings only",
        ),
        (
            "evt.buffer bstartswith abc",
            "filter error: bcontains and bstartswith operator support hex strings only",
        ),
        (
            "proc.name regex \"a(b\"",
            "invalid regex pattern: unclosed group",
        ),
        (
            "proc.name regex \"\\\\d+\"",
            "invalid regex pattern: invalid escape sequence: \\d",
        ),
        (
            "proc.name regex allof (a, \"[z\")",
            "invalid regex pattern: unclosed character class",
        ),
    ];
    for (text, msg) in cases {
        let (m, _) = error(text);
        assert_eq!(m, *msg, "{text}");
    }
    // The position is the offending value's.
    assert_eq!(error("proc.pid in (1, 2x)").1, "1:17");
}

#[test]
fn nul_bytes_are_rejected_except_in_buffers() {
    use falco_rules::ast::{Check, Expr, FieldRef, Operand, Operator, Rhs, Value};
    use falco_rules::Pos;
    let with_nul = |field: &str| {
        Expr::Check(Box::new(Check {
            lhs: Operand::Field(FieldRef {
                name: field.into(),
                arg: None,
                pos: Pos::START,
            }),
            op: Operator::Eq,
            modifier: None,
            rhs: Rhs::Value(Value {
                text: "a\0b".into(),
                quoted: true,
                pos: Pos::START,
            }),
            op_pos: Pos::START,
        }))
    };
    for field in ["proc.name", "proc.pid", "fd.sip"] {
        let e = Compiler::new(&Schema)
            .compile(&with_nul(field))
            .unwrap_err();
        assert_eq!(
            e.message(),
            "filter error: filter value cannot contain a NUL byte (\\x00)",
            "{field}"
        );
    }
    let p = compile(&with_nul("evt.buffer"));
    let ev = Event::new().with("evt.buffer", vec![V::B(b"a\0b".to_vec())]);
    let mut scratch = Scratch::new();
    scratch.next_event();
    assert!(p.eval(&ev, &mut scratch));
}

#[test]
fn transformer_and_rhs_field_errors_are_worded_as_falco() {
    let cases: &[(&str, &str)] = &[
        ("tolower(proc.pid) = 1", "can't add field transformer: type 'INT64' is not supported by 'tolower' transformer applied on field 'proc.pid'"),
        ("toupper(evt.buffer) = A", "can't add field transformer: type 'BYTEBUF' is not supported by 'toupper' transformer applied on field 'evt.buffer'"),
        ("basename(fd.sip) = a", "can't add field transformer: type 'IPADDR' is not supported by 'basename' transformer applied on field 'fd.sip'"),
        ("b64(proc.pid) = 1", "can't add field transformer: type 'INT64' is not supported by 'b64' transformer applied on field 'proc.pid'"),
        ("len(proc.pid) = 1", "can't add field transformer: type 'INT64' is not supported by 'len' transformer applied on field 'proc.pid'"),
        ("tolower(len(proc.name)) = 1", "can't add field transformer: type 'UINT64' is not supported by 'tolower' transformer applied on field 'proc.name'"),
        ("b64(fd.ports) = 1", "can't add field transformer: type 'UINT64' is not supported by 'b64' transformer applied on list field 'fd.ports'"),
        ("tolower(proc.secret) = a", "field 'proc.secret' does not support transformers"),
        ("tolower(fd.ip) = a", "field 'fd.ip' does not support transformers"),
        ("tolower(proc.name)[1] = a", "filter error: transformer 'tolower' does not support field arguments"),
        ("proc.name = val(proc.pname)[1]", "filter error: transformer 'val' does not support field arguments"),
        ("proc.name = val(proc.pid)", "field 'proc.name' has type 'CHARBUF' while the right-hand side field 'proc.pid' has incompatible type 'INT64'"),
        ("proc.args = val(proc.env)", "filter error: '=' operator not supported list filters"),
        ("proc.name in val(proc.args)", "field 'proc.name' has type 'CHARBUF' while the right-hand side field 'proc.args' has incompatible type 'CHARBUF (list)'"),
        ("proc.pid = len(proc.name)", "field 'proc.pid' has type 'INT64' while the right-hand side field 'proc.name' has incompatible type 'UINT64'"),
        ("proc.name regex val(proc.pname)", "operator 'REGEX' doesn't support right-hand side fields"),
        ("proc.name pmatch val(proc.pname)", "operator 'PMATCH' doesn't support right-hand side fields"),
        ("fd.snet = val(fd.snet)", "field type 'IPNET' doesn't support right-hand side fields"),
        ("fd.ip = val(fd.sip)", "field 'fd.ip' doesn't support right-hand side fields"),
        ("fd.sip = val(fd.ip)", "field 'fd.ip' can't be used as a right-hand side field"),
        ("fd.cnet = val(fd.cnet)", "field type 'IPNET' doesn't support right-hand side fields"),
        ("join(proc.args) = a", "join() requires exactly 2 arguments: separator and list"),
        ("join(proc.args, \",\") = a", "join() first argument (separator) must be a single value, not a list"),
        ("join(\",\", proc.name) = a", "join() second argument must be a list"),
        ("join(\",\", proc.args)[1] = a", "transformer 'join' does not support field arguments"),
        ("concat(proc.name) = a", "concat() requires at least 2 arguments"),
        ("concat(proc.name, proc.args) = a", "concat() arguments must be strings"),
        ("concat(proc.name, len(proc.name)) = a", "concat() arguments must be strings"),
        ("getopt(proc.args) = a", "getopt() requires exactly 2 arguments: args list and optstring"),
        ("getopt(proc.name, \"a\") = a", "getopt() first argument must be a list"),
        ("getopt(proc.args, proc.env) = a", "getopt() second argument (optstring) must be a single value"),
        ("getopt(proc.args, \"ab\")[ab] = a", "getopt() field argument must be a single option character"),
        ("getopt(fd.ports, \"ab\") = a", "getopt() arguments must be strings"),
        ("tolower(proc.name, proc.exe) = a", "filter error: transformer 'tolower' takes exactly one argument"),
    ];
    for (text, msg) in cases {
        assert_eq!(error(text).0, *msg, "{text}");
    }
}

#[test]
fn warnings_flag_fields_transformers_and_simple_regexes_used_as_values() {
    let cases: &[(&str, &[&str])] = &[
        ("proc.name = proc.pname", &["'proc.pname' may be a valid field misused as a const string value"]),
        ("proc.name in (bash, proc.exe)", &["'proc.exe' may be a valid field misused as a const string value"]),
        ("proc.name = \"proc.aname[2]\"", &["'proc.aname[2]' may be a valid field misused as a const string value"]),
        ("proc.name = proc.nosuch", &[]),
        ("proc.name = \"val(proc.pname)\"", &["'val(proc.pname)' may be a valid field transformer misused as a const string value"]),
        ("proc.name = \"tolower( x )\"", &["'tolower( x )' may be a valid field transformer misused as a const string value"]),
        ("proc.name regex \"^bash$\"", &["regex check with '^bash$' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'"]),
        ("proc.name regex \".*bash\"", &["regex check with '.*bash' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'"]),
        ("proc.name regex \"ba.h\"", &[]),
        ("proc.name = bash", &[]),
    ];
    for (text, want) in cases {
        let mut c = Compiler::new(&Schema);
        c.compile(&cond(text)).unwrap();
        let got: Vec<String> = c.take_warnings().into_iter().map(|w| w.message).collect();
        assert_eq!(got, *want, "{text}");
    }
    let mut c = Compiler::new(&Schema);
    c.compile(&cond("proc.name = proc.pname")).unwrap();
    assert_eq!(c.take_warnings()[0].pos.to_string(), "1:13");
    c.compile(&cond("proc.name = bash")).unwrap();
    assert!(
        c.take_warnings().is_empty(),
        "warnings belong to the last compile"
    );
}

#[test]
fn one_compiler_shares_field_slots_so_each_field_is_extracted_once_per_event() {
    let mut compiler = Compiler::new(&Schema);
    let rules: Vec<Program> = (0..20)
        .map(|i| {
            compiler
                .compile(&cond(&format!(
                    "proc.name exists and proc.name != p{i} and tolower(fd.name) startswith /etc"
                )))
                .unwrap()
        })
        .collect();
    let ev = ev_proc("bash").str("fd.name", "/ETC/passwd");
    let mut scratch = Scratch::new();
    scratch.next_event();
    for p in &rules {
        assert!(p.eval(&ev, &mut scratch));
    }
    assert_eq!(ev.calls("proc.name"), 1);
    assert_eq!(ev.calls("fd.name"), 1);
    scratch.next_event();
    for p in &rules {
        assert!(p.eval(&ev, &mut scratch));
    }
    assert_eq!(ev.calls("proc.name"), 2, "next_event invalidates the cache");
    // Failed extractions are cached too.
    let missing = Event::new();
    scratch.next_event();
    for p in &rules {
        assert!(!p.eval(&missing, &mut scratch));
    }
    assert_eq!(missing.calls("proc.name"), 1);
}

#[test]
fn a_scratch_shared_between_compilers_never_mixes_their_slots() {
    let a = Compiler::new(&Schema)
        .compile(&cond("proc.name = bash"))
        .unwrap();
    let b = Compiler::new(&Schema)
        .compile(&cond("fd.name = bash"))
        .unwrap();
    let ev = ev_proc("bash").str("fd.name", "/tmp");
    let mut scratch = Scratch::new();
    scratch.next_event();
    assert!(a.eval(&ev, &mut scratch));
    assert!(!b.eval(&ev, &mut scratch));
    assert!(a.eval(&ev, &mut scratch));
}

#[test]
fn programs_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Program>();
    assert_send_sync::<Filter>();
    assert_send_sync::<Scratch>();
}

#[test]
fn programs_print_a_listing_and_their_condition() {
    let p = compile(&cond(
        "(proc.name in (cat, bash) or proc.pid > 3) and not fd.name exists",
    ));
    assert_eq!(
        p.condition(),
        "((proc.name in (cat, bash) or proc.pid > 3) and not fd.name exists)"
    );
    let listing = p.to_string();
    // The `or`'s short circuit lands past the `and`'s test, which is known true.
    let expected = "\
condition: ((proc.name in (cat, bash) or proc.pid > 3) and not fd.name exists)
code:
     0  check   #0 proc.name in (cat, bash)   ; lhs $0, set of 2
     1  jtrue   -> 4
     2  check   #1 proc.pid > 3   ; lhs $1, scalar >
     3  jfalse  -> 6
     4  check   #2 fd.name exists   ; lhs $2, extraction succeeded
     5  not
     6  end
operands:
  $0   proc.name : charbuf = field #0
  $1   proc.pid : int64 = field #9
  $2   fd.name : charbuf = field #4
";
    assert_eq!(listing, expected);
}

#[test]
fn short_circuits_jump_straight_out_of_nested_chains() {
    // A parenthesized `and` stays a node of its own; the jump out of it goes
    // to the end directly.
    let listing = compile(&cond("(proc.name = a and proc.name = b) and proc.name = c")).to_string();
    assert!(listing.contains("     1  jfalse  -> 5\n"), "{listing}");
    assert!(listing.contains("     3  jfalse  -> 5\n"), "{listing}");
}

#[test]
fn a_scratch_stops_allocating_once_warm() {
    // Not a timing test: the same scratch serves many events and programs.
    let mut compiler = Compiler::new(&Schema);
    let p = compiler
        .compile(&cond(
            "tolower(proc.name) in (bash) and proc.args intersects (-c)",
        ))
        .unwrap();
    let ev = ev_proc("BASH").with("proc.args", vec![s("-c")]);
    let mut scratch = Scratch::default();
    for _ in 0..1000 {
        scratch.next_event();
        assert!(p.eval(&ev, &mut scratch));
    }
}

#[test]
fn filter_parses_and_compiles_in_one_call() {
    let f = Filter::new("proc.name = bash and fd.name = proc.exe", &Schema).unwrap();
    let mut scratch = Scratch::new();
    let ev = ev_proc("bash").str("fd.name", "proc.exe");
    assert!(f.matches(&ev, &mut scratch));
    assert!(!f.matches(&ev_proc("zsh"), &mut scratch));
    assert_eq!(
        f.warnings()
            .iter()
            .map(|w| (w.message.as_str(), w.pos.to_string()))
            .collect::<Vec<_>>(),
        [(
            "'proc.exe' may be a valid field misused as a const string value",
            "1:32".to_string()
        )]
    );
    assert_eq!(
        f.program().condition(),
        "(proc.name = bash and fd.name = proc.exe)"
    );
    let e = Filter::new("proc.name = bash and", &Schema).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Parse);
    let e = Filter::new("proc.name = bash and proc.nope exists", &Schema).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownField);
    assert_eq!(e.pos().to_string(), "1:22");
}

#[test]
fn malformed_trees_get_errors_not_panics() {
    use falco_rules::ast::{
        Check, Expr, FieldRef, Modifier, Operand, Operator, Rhs, Transformer, TransformerArg,
        TransformerKind, Value,
    };
    use falco_rules::Pos;
    let field = |n: &str| {
        Operand::Field(FieldRef {
            name: n.into(),
            arg: None,
            pos: Pos::START,
        })
    };
    let value = |t: &str| Value {
        text: t.into(),
        quoted: false,
        pos: Pos::START,
    };
    let chk = |lhs: Operand, op: Operator, modifier: Option<Modifier>, rhs: Rhs| {
        Expr::Check(Box::new(Check {
            lhs,
            op,
            modifier,
            rhs,
            op_pos: Pos::START,
        }))
    };
    let val_of = |args: Vec<TransformerArg>| {
        Operand::Transformer(Transformer {
            kind: TransformerKind::Val,
            args,
            index: None,
            pos: Pos::START,
        })
    };
    let cases: Vec<(Expr, &str)> = vec![
        (
            chk(
                field("proc.name"),
                Operator::In,
                Some(Modifier::AnyOf),
                Rhs::List(vec![]),
            ),
            "filter error: 'in' operator does not accept the 'anyof' modifier",
        ),
        (
            chk(
                field("proc.name"),
                Operator::Exists,
                None,
                Rhs::Value(value("x")),
            ),
            "filter error: 'exists' takes no right-hand side",
        ),
        (
            chk(field("proc.name"), Operator::Eq, None, Rhs::None),
            "filter error: '=' operator requires a right-hand side",
        ),
        (
            chk(
                field("proc.name"),
                Operator::Eq,
                None,
                Rhs::List(vec![value("a"), value("b")]),
            ),
            "filter error: '=' operator expects a single value, not a list",
        ),
        (
            chk(
                val_of(vec![TransformerArg::Field(FieldRef {
                    name: "proc.name".into(),
                    arg: None,
                    pos: Pos::START,
                })]),
                Operator::Exists,
                None,
                Rhs::None,
            ),
            "filter error: 'val' can only be used on the right-hand side of a check",
        ),
        (
            chk(
                field("proc.name"),
                Operator::Eq,
                None,
                Rhs::Operand(val_of(vec![])),
            ),
            "expected a field within 'val' transformer",
        ),
        (
            chk(
                field("proc.name"),
                Operator::Eq,
                Some(Modifier::AnyOf),
                Rhs::Operand(val_of(vec![TransformerArg::Field(FieldRef {
                    name: "proc.pname".into(),
                    arg: None,
                    pos: Pos::START,
                })])),
            ),
            "filter error: the 'anyof' modifier needs a list of values, not a field",
        ),
    ];
    for (expr, msg) in cases {
        let e = Compiler::new(&Schema).compile(&expr).unwrap_err();
        assert_eq!(e.message(), msg, "{expr}");
        assert_eq!(e.kind(), ErrorKind::Compile);
    }
    // Empty and/or are their identities.
    let mut scratch = Scratch::new();
    assert!(compile(&and(vec![])).eval(&Event::new(), &mut scratch));
    assert!(!compile(&or(vec![])).eval(&Event::new(), &mut scratch));
    // A single-child and/or is its child.
    assert!(compile(&and(vec![cond("proc.name = a")])).eval(&ev_proc("a"), &mut scratch));
    let _ = (or(vec![]), not(cond("proc.name = a")), mac("m"));
}

#[test]
fn transformer_lists_take_strings_and_numbers_as_text() {
    let ev = Event::new()
        .str("proc.name", "bash")
        .with("proc.pid", vec![V::I(-42)])
        .with("evt.count", vec![V::U(u64::MAX)])
        .with("fd.ports", vec![V::U(80), V::U(0)]);
    table(&[
        (
            "join(\",\", (proc.name, proc.pid)) = \"bash,-42\"",
            &ev,
            true,
        ),
        (
            "join(\",\", (evt.count, fd.ports)) = \"18446744073709551615,80,0\"",
            &ev,
            true,
        ),
        ("join(\"->\", (\"aaa\")) = aaa", &ev, true),
        ("join(\",\", ()) = \"\"", &ev, true),
        (
            "b64(join(\"W\", (\"YWFhL\", \"JiYg\"))) = \"aaa-bbb\"",
            &ev,
            true,
        ),
        ("len(join(\"-\", (\"aaa\", \"bbb\"))) = 7", &ev, true),
    ]);
    assert_eq!(
        error("join(\",\", (proc.name, fd.sip)) = a").0,
        "filter error: transformer list element 'fd.sip' has type 'IPADDR', expected a string or a number"
    );
}

#[test]
fn getopt_follows_libs_cases() {
    let ev = Event::new();
    table(&[
        (r#"getopt(("-n",""), "n") intersects ("n")"#, &ev, true),
        (
            r#"getopt(("-nt", "hello"), "nt:") intersects ("n", "t", "hello")"#,
            &ev,
            true,
        ),
        (
            r#"getopt(("-thello"), "t:") intersects ("t", "hello")"#,
            &ev,
            true,
        ),
        (
            r#"getopt(("-n", "--", "-t"), "nt:") intersects ("t")"#,
            &ev,
            false,
        ),
        (
            r#"getopt(("-x", "-n"), "n") intersects ("?", "n")"#,
            &ev,
            true,
        ),
        (r#"getopt(("-x", "-n"), "n") intersects ("x")"#, &ev, false),
        (
            r#"getopt(("-lpe", "/bin/sh"), "lpe:") intersects ("/bin/sh")"#,
            &ev,
            true,
        ),
        (
            r#"getopt(("arg1", "-n", "arg2"), "n") intersects ("n")"#,
            &ev,
            false,
        ),
        (r#"getopt(("-", "-n"), "n") intersects ("n")"#, &ev, false),
        (r#"getopt(("-t"), "t:") intersects ("")"#, &ev, true),
        (r#"getopt(("-t"), ":t:") intersects ("")"#, &ev, true),
        (r#"getopt(("-t"), "t:") intersects ("t")"#, &ev, false),
        (r#"getopt(("--", "-n"), "n") intersects ("n")"#, &ev, false),
        (r#"getopt(("-p8080"), "p:")[p] = 8080"#, &ev, true),
        (r#"getopt(("-n"), "p:")[p] exists"#, &ev, false),
    ]);
    for bad in [
        r#"getopt(("a"), "n", "extra") intersects ("n")"#,
        r#"getopt("not_a_list", "n") intersects ("n")"#,
        r#"getopt(("-n"), ("n")) intersects ("n")"#,
    ] {
        assert!(Compiler::new(&Schema).compile(&cond(bad)).is_err(), "{bad}");
    }
}

#[test]
fn bad_field_arguments_are_compile_errors_with_the_schema_message() {
    let (m, at) = error("proc.aname[x] = bash");
    assert_eq!(
        (m.as_str(), at.as_str()),
        ("invalid ancestor index x", "1:1")
    );
    let e = Compiler::new(&Schema)
        .compile(&cond("proc.name[1] = a"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Compile);
}

/// libsinsp's modifier cases (`test/filterchecks/cmp_operator_modifiers.cpp`),
/// on a process named `myexe`.
#[test]
fn modifiers_match_libs_cases() {
    let ev = ev_proc("myexe");
    let cases: &[(&str, bool)] = &[
        ("proc.name == oneof (myexe, bash)", true),
        ("proc.name == oneof (myexe)", true),
        ("proc.name == oneof (bash, sh)", false),
        ("proc.name == oneof (myexe, myexe)", false),
        ("proc.name == anyof (myexe, bash)", true),
        ("proc.name == anyof (bash, sh)", false),
        ("proc.name == anyof (myexe, myexe)", true),
        ("proc.name == allof (myexe)", true),
        ("proc.name == allof (myexe, bash)", false),
        ("proc.name == allof (bash, sh)", false),
        ("proc.name == allof (myexe, myexe)", true),
        ("proc.name != oneof (myexe, myexe, bash)", true),
        ("proc.name != oneof (myexe, myexe)", false),
        ("proc.name != oneof (bash, sh)", false),
        ("proc.name != oneof (myexe, bash)", true),
        ("proc.name != anyof (bash, sh)", true),
        ("proc.name != anyof (myexe, bash)", true),
        ("proc.name != allof (bash, sh)", true),
        ("proc.name != allof (myexe, bash)", false),
        ("proc.name contains oneof (myex, bash)", true),
        ("proc.name contains oneof (exe)", true),
        ("proc.name contains oneof (bash, sh)", false),
        ("proc.name contains oneof (my, exe)", false),
        ("proc.name contains anyof (myex, bash)", true),
        ("proc.name contains anyof (bash, sh)", false),
        ("proc.name contains anyof (my, exe)", true),
        ("proc.name contains allof (my, exe)", true),
        ("proc.name contains allof (myex, bash)", false),
        ("proc.name contains allof (bash, sh)", false),
        ("proc.name icontains oneof (MYEX, BASH)", true),
        ("proc.name icontains oneof (BASH, SH)", false),
        ("proc.name icontains oneof (MY, EXE)", false),
        ("proc.name icontains anyof (MYEX, BASH)", true),
        ("proc.name icontains anyof (BASH, SH)", false),
        ("proc.name icontains anyof (MY, EXE)", true),
        ("proc.name icontains allof (MY, EXE)", true),
        ("proc.name icontains allof (MYEX, BASH)", false),
        ("proc.name icontains allof (BASH, SH)", false),
        ("proc.name startswith oneof (my, bash)", true),
        ("proc.name startswith oneof (bash, sh)", false),
        ("proc.name startswith oneof (my, mye)", false),
        ("proc.name startswith anyof (my, bash)", true),
        ("proc.name startswith anyof (bash, sh)", false),
        ("proc.name startswith anyof (my, mye)", true),
        ("proc.name startswith allof (my, mye)", true),
        ("proc.name startswith allof (my, bash)", false),
        ("proc.name startswith allof (bash, sh)", false),
        ("proc.name endswith oneof (exe, sh)", true),
        ("proc.name endswith oneof (sh, bash)", false),
        ("proc.name endswith oneof (exe, yexe)", false),
        ("proc.name endswith anyof (exe, sh)", true),
        ("proc.name endswith anyof (sh, bash)", false),
        ("proc.name endswith anyof (exe, yexe)", true),
        ("proc.name endswith allof (exe, yexe)", true),
        ("proc.name endswith allof (exe, sh)", false),
        ("proc.name endswith allof (sh, bash)", false),
        ("proc.name glob oneof (my*, bash)", true),
        ("proc.name glob oneof (bash, sh*)", false),
        ("proc.name glob oneof (my*, *exe)", false),
        ("proc.name glob anyof (my*, bash)", true),
        ("proc.name glob anyof (bash, sh*)", false),
        ("proc.name glob anyof (my*, *exe)", true),
        ("proc.name glob allof (my*, *exe)", true),
        ("proc.name glob allof (bash, sh*)", false),
        ("proc.name iglob oneof (MY*, BASH)", true),
        ("proc.name iglob oneof (BASH, SH*)", false),
        ("proc.name iglob oneof (MY*, *EXE)", false),
        ("proc.name iglob anyof (MY*, BASH)", true),
        ("proc.name iglob anyof (BASH, SH*)", false),
        ("proc.name iglob anyof (MY*, *EXE)", true),
        ("proc.name iglob allof (MY*, *EXE)", true),
        ("proc.name iglob allof (BASH, SH*)", false),
        ("proc.name regex oneof (my.*, b.*)", true),
        ("proc.name regex oneof (b.*, sh.*)", false),
        ("proc.name regex oneof (my.*, .*exe)", false),
        ("proc.name regex anyof (my.*, b.*)", true),
        ("proc.name regex anyof (b.*, sh.*)", false),
        ("proc.name regex anyof (my.*, .*exe)", true),
        ("proc.name regex allof (my.*, .*exe)", true),
        ("proc.name regex allof (my.*, b.*)", false),
        ("proc.name regex allof (b.*, sh.*)", false),
        ("toupper(proc.name) == oneof (MYEXE, BASH)", true),
        ("toupper(proc.name) == oneof (BASH, SH)", false),
        ("toupper(proc.name) != oneof (MYEXE, BASH)", true),
        ("toupper(proc.name) != oneof (BASH, SH)", false),
        ("toupper(proc.name) != allof (BASH, SH)", true),
        ("toupper(proc.name) != allof (MYEXE, BASH)", false),
        (
            "proc.name == oneof (myexe) and proc.name != allof (bash, sh)",
            true,
        ),
        (
            "proc.name == anyof (myexe, bash) or proc.name != oneof (myexe)",
            true,
        ),
        ("proc.name == oneof ()", false),
        ("proc.name == anyof ()", false),
        ("proc.name == allof ()", false),
        ("proc.name != oneof ()", false),
        ("proc.name != anyof ()", false),
        ("proc.name != allof ()", false),
    ];
    for (text, want) in cases {
        assert_eq!(eval(text, &ev), *want, "{text}");
    }
}

/// libsinsp's network comparisons (`test/filter_op_net_compare.ut.cpp`): a
/// connection from 172.40.111.222 to 142.251.111.147, then one over IPv6.
#[test]
fn network_comparisons_match_libs_cases() {
    let v4 = Event::new()
        .with("fd.ip", vec![ip("172.40.111.222"), ip("142.251.111.147")])
        .with("fd.net", vec![ip("172.40.111.222"), ip("142.251.111.147")])
        .with("fd.sip", vec![ip("142.251.111.147")])
        .with("fd.cip", vec![ip("172.40.111.222")]);
    table(&[
        ("fd.ip == 142.251.111.147", &v4, true),
        ("fd.sip == 142.251.111.147", &v4, true),
        ("fd.cip == 172.40.111.222", &v4, true),
        ("fd.ip != 142.251.111.147", &v4, false),
        ("fd.sip != 0:0:0:0:0:0:0:1", &v4, true),
        ("fd.sip == '0:0:0:0:0:0:0:1'", &v4, false),
        ("fd.net == 142.0.0.0/4", &v4, true),
        ("fd.net == 142.251.0.0/8", &v4, true),
        ("fd.net == 142.251.111.0/16", &v4, true),
        ("fd.net != 10.0.0.0/8", &v4, true),
        ("fd.net != 2001:db8:abcd:0012::0/64", &v4, true),
        ("fd.net == 10.0.0.0/8", &v4, false),
        ("fd.net == 2001:db8:abcd:0012::0/64", &v4, false),
        ("fd.sip == anyof (10.0.0.1, 142.251.111.147)", &v4, true),
        ("fd.sip == anyof (10.0.0.1, 192.168.0.1)", &v4, false),
        ("fd.sip == allof (142.251.111.147)", &v4, true),
        ("fd.sip == allof (142.251.111.147, 10.0.0.1)", &v4, false),
        ("fd.sip == oneof (10.0.0.1, 142.251.111.147)", &v4, true),
        ("fd.sip != anyof (10.0.0.1)", &v4, true),
        ("fd.sip != anyof (142.251.111.147)", &v4, false),
        ("fd.sip != allof (10.0.0.1, 192.168.0.1)", &v4, true),
    ]);
    let v6 = Event::new()
        .with("fd.ip", vec![ip("::1"), ip("2001:4860:4860::8888")])
        .with("fd.net", vec![ip("::1"), ip("2001:4860:4860::8888")])
        .with("fd.sip", vec![ip("2001:4860:4860::8888")]);
    table(&[
        ("fd.ip == 2001:4860:4860::8888", &v6, true),
        ("fd.ip != 2001:4860:4860::8888", &v6, false),
        ("fd.sip != 127.0.0.1", &v6, true),
        ("fd.sip == '127.0.0.1'", &v6, false),
        ("fd.net == 2001::0/16", &v6, true),
        ("fd.net == 2001:4860::0/32", &v6, true),
        ("fd.net == 2001:4860:4860::8888/48", &v6, true),
    ]);
}

/// libsinsp's warning cases (`filter_compiler.ut.cpp`, compilation_warnings).
#[test]
fn warning_counts_match_libs_cases() {
    let cases: &[(&str, usize)] = &[
        ("proc.name = proc.pname", 1),
        ("proc.name = 'tolower(proc.pname)'", 1),
        ("proc.name regex syscall", 1),
        ("proc.name regex ^syscall$", 1),
        ("proc.name regex ^syscall", 1),
        ("proc.name regex syscall$", 1),
        ("proc.name regex .*syscall", 1),
        ("proc.name regex syscall.*", 1),
        ("proc.name regex .*syscall.*", 1),
        ("proc.name regex .+syscall", 1),
        ("proc.name regex syscall.+", 1),
        ("proc.name regex .+syscall.+", 1),
        ("proc.name regex .?syscall", 1),
        ("proc.name regex syscall.?", 1),
        ("proc.name regex .?syscall.?", 1),
        ("proc.name = unknown.field", 0),
        ("proc.name = tolower", 0),
        ("proc.name = tolower(proc.pname)", 0),
        ("proc.name = 'tolow(proc.pname)'", 0),
        ("proc.name regex syscall.{1}", 0),
        ("proc.name regex syscall\\.*", 0),
        ("proc.name regex s.*l", 0),
        ("proc.name regex syscal[l]?", 0),
    ];
    for (text, n) in cases {
        let mut c = Compiler::new(&Schema);
        c.compile(&cond(text)).unwrap();
        assert_eq!(c.take_warnings().len(), *n, "{text}");
    }
}

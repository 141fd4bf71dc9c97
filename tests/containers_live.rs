//! Container metadata live: a Docker container on this host, its processes
//! seen by the eBPF probe, and `container.*` from the Docker Engine API as
//! Falco's container plugin gives them.
//!
//! Needs root, BTF and Docker (`apt-get install docker.io busybox-static`;
//! the test starts `dockerd` when it is not running). No registry is
//! reachable: the image is a busybox root file system `docker import`ed
//! here. When `CI=true` a missing piece fails the test.

mod common;

use common::docker::{docker, docker_ready, Container, BUSYBOX as IMAGE};
use common::{example, interrupt, live, read, wait_for, Kill};

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use falco_events::state::runtime::{ContainerEngines, ContainerTable, Lookup};

/// The live daemons run one at a time (two probes attached would double the
/// load, and the drops).
static LIVE: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn name(what: &str) -> String {
    format!("falco-{what}-{}", std::process::id())
}

#[test]
fn a_shell_in_a_container_alerts_with_the_containers_metadata() {
    let _one_at_a_time = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    if !live() || !docker_ready() {
        return;
    }
    let cname = name("shell");
    let _ = docker(&["rm", "-f", &cname]);
    let full_id = docker(&[
        "run",
        "-d",
        "--name",
        &cname,
        "--label",
        "team=red",
        "-v",
        "/tmp:/hosttmp:ro",
        IMAGE,
        "sleep",
        "600",
    ])
    .expect("docker run");
    let _c = Container(cname.clone());

    let dir = std::env::temp_dir().join(format!("falco-containers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let rules = dir.join("rules.yaml");
    // A local rule in the style of the seed's "Terminal shell in container".
    std::fs::write(
        &rules,
        "- macro: container\n  condition: (container.id != host)\n\
         - rule: Shadow read in container\n  desc: d\n  condition: evt.type in (open, openat, openat2) and container and fd.name = /etc/shadow\n  output: \"Shadow read in container (name=%container.name image=%container.image repo=%container.image.repository tag=%container.image.tag id=%container.id type=%container.type privileged=%container.privileged team=%container.label[team] mount=%container.mount.dest[^/tmp])\"\n  priority: WARNING\n\
         - rule: Passwd read in container\n  desc: d\n  condition: evt.type in (open, openat, openat2) and container and fd.name = /etc/passwd and proc.name = cat\n  output: \"Passwd read in container (user=%user.name uid=%user.uid home=%user.homedir)\"\n  priority: WARNING\n",
    )
    .expect("rules");
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let child = Command::new(example("falco"))
        .args([
            "-r",
            &rules.display().to_string(),
            "-o",
            "syslog_output.enabled=false",
            "-o",
            "webserver.enabled=false",
            "-o",
            "engine.modern_ebpf.buf_size_preset=6",
        ])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the daemon to start", Duration::from_secs(60), || {
        read(&log).contains("Starting event processing")
    });
    std::thread::sleep(Duration::from_secs(1));
    wait_for("the alert", Duration::from_secs(60), || {
        let _ = docker(&["exec", &cname, "sh", "-c", "cat /etc/shadow"]);
        std::thread::sleep(Duration::from_millis(300));
        read(&out).contains("Shadow read in container")
    });
    // Users come from the container's own /etc/passwd: uid 1 (daemon on
    // the host) is unknown in the container, root is the container's.
    wait_for("the passwd alerts", Duration::from_secs(60), || {
        let _ = docker(&["exec", "-u", "1", &cname, "cat", "/etc/passwd"]);
        let _ = docker(&["exec", &cname, "cat", "/etc/passwd"]);
        std::thread::sleep(Duration::from_millis(300));
        let t = read(&out);
        t.contains("(user=<NA> uid=1 home=<NA>)") && t.contains("(user=root uid=0 home=/root)")
    });
    interrupt(&mut child.0);
    let text = read(&out);
    let line = text
        .lines()
        .find(|l| l.contains("Shadow read in container"))
        .expect("an alert line");
    let want = format!(
        "(name={cname} image={IMAGE} repo=falco-test/busybox tag=1.0 id={} type=docker privileged=false team=red mount=/hosttmp)",
        &full_id[..12]
    );
    assert!(line.ends_with(&want), "{line}\nwant {want}");
}

#[test]
fn privileged_is_read_from_the_runtime() {
    if !docker_ready() {
        return;
    }
    let plain = name("plain");
    let privileged = name("privileged");
    let _ = docker(&["rm", "-f", &plain]);
    let _ = docker(&["rm", "-f", &privileged]);
    // `docker run --privileged` cannot start on this machine; create works.
    let plain_id = docker(&["create", "--name", &plain, IMAGE, "sleep", "1"]).expect("create");
    let _p = Container(plain.clone());
    let priv_id = docker(&[
        "create",
        "--privileged",
        "--name",
        &privileged,
        "--pid",
        "host",
        IMAGE,
        "sleep",
        "1",
    ])
    .expect("create");
    let _q = Container(privileged.clone());
    let table = ContainerTable::start(&ContainerEngines::default());
    assert!(table.is_enabled());
    table.observe(&plain_id);
    table.observe(&priv_id);
    let get = |id: &str| {
        let mut got = Lookup::Pending;
        wait_for("the lookup", Duration::from_secs(10), || {
            got = table.get(&id[..12]);
            got != Lookup::Pending
        });
        match got {
            Lookup::Found(i) => i,
            other => panic!("{id}: {other:?}"),
        }
    };
    let p = get(&plain_id);
    assert_eq!(p.name, plain);
    assert!(!p.privileged && !p.host_pid);
    let q = get(&priv_id);
    assert_eq!(q.name, privileged);
    assert!(q.privileged && q.host_pid);
    assert_eq!(q.full_id, priv_id);
    assert_eq!(q.image, IMAGE);
    // An id no runtime knows is a counted failure.
    table.observe("0123456789ab0123456789ab0123456789ab0123456789ab0123456789abcdef");
    wait_for("the failed lookup", Duration::from_secs(10), || {
        table.get("0123456789ab") == Lookup::Failed
    });
    let (asked, found, failed) = table.stats();
    assert!(
        asked >= 3 && found >= 2 && failed >= 1,
        "{asked} {found} {failed}"
    );
}

#[test]
fn the_official_rules_see_a_new_containers_metadata_at_its_first_process() {
    let _one_at_a_time = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    if !live() || !docker_ready() {
        return;
    }
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules");
    let dir = std::env::temp_dir().join(format!("falco-started-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let mut args = vec![
        "-o".to_string(),
        "syslog_output.enabled=false".to_string(),
        "-o".to_string(),
        "webserver.enabled=false".to_string(),
        "-o".to_string(),
        "json_output=true".to_string(),
        "-o".to_string(),
        "rule_matching=all".to_string(),
        "-o".to_string(),
        "engine.modern_ebpf.buf_size_preset=6".to_string(),
    ];
    for f in [
        "falco_rules.yaml",
        "falco-incubating_rules.yaml",
        "falco-sandbox_rules.yaml",
    ] {
        args.push("-r".into());
        args.push(rules_dir.join(f).display().to_string());
    }
    let local = dir.join("local.yaml");
    std::fs::write(
        &local,
        "- rule: Test container started\n  desc: d\n  condition: container_started and container.image.repository = falco-test/busybox\n  output: \"Started (name=%container.name image=%container.image repo=%container.image.repository id=%container.id)\"\n  priority: NOTICE\n",
    )
    .expect("local rules");
    args.push("-r".into());
    args.push(local.display().to_string());
    let child = Command::new(example("falco"))
        .args(&args)
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the daemon to start", Duration::from_secs(60), || {
        read(&log).contains("Starting event processing")
    });
    std::thread::sleep(Duration::from_secs(1));
    // Started after the daemon: looked up when Docker creates it, before its
    // first process runs.
    let mount = name("mount");
    let capable = name("capable");
    let _m = Container(mount.clone());
    let _c = Container(capable.clone());
    docker(&[
        "run",
        "--rm",
        "--name",
        &mount,
        "-v",
        "/etc:/host/etc:ro",
        IMAGE,
        "sleep",
        "1",
    ])
    .expect("docker run with a sensitive mount");
    docker(&[
        "run",
        "--rm",
        "--name",
        &capable,
        "--cap-add",
        "ALL",
        "--cap-drop",
        "SYS_RESOURCE",
        IMAGE,
        "sleep",
        "1",
    ])
    .expect("docker run with every capability");
    // Neither rule's output names the container: find them by rule and
    // command line (both containers run `sleep 1` as their first process).
    let alert = |rule: &str| -> Option<serde_json::Value> {
        read(&out)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|j| j["rule"] == rule && j["output_fields"]["proc.cmdline"] == "sleep 1")
    };
    let mut sensitive = None;
    wait_for("the sensitive mount alert", Duration::from_secs(30), || {
        // The capable container (no mounts) may match the sandbox macro too:
        // take the one with the mount.
        sensitive = read(&out)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|j| {
                j["rule"] == "Launch Sensitive Mount Container"
                    && j["output_fields"]["container.mounts"] != ""
            });
        sensitive.is_some()
    });
    let mut excessive = None;
    wait_for(
        "the capable container alert",
        Duration::from_secs(30),
        || {
            excessive = alert("Launch Excessively Capable Container");
            excessive.is_some()
        },
    );
    interrupt(&mut child.0);
    let s = sensitive.expect("alert");
    assert_eq!(
        s["output_fields"]["container.mounts"], "/etc:/host/etc:ro:false:rprivate",
        "{s}"
    );
    assert_eq!(s["output_fields"]["proc.name"], "sleep");
    let e = excessive.expect("alert");
    assert_eq!(e["output_fields"]["proc.pname"], "containerd-shim", "{e}");
    // The official `container_started` macro, in a local rule that prints
    // the metadata: the first container's name, image and id (the second
    // one's first process may run before Docker answered for it, in Falco
    // too: its metadata then reaches only its later events).
    let text = read(&out);
    let want = format!("Started (name={mount} image={IMAGE} repo=falco-test/busybox id=");
    assert!(text.lines().any(|l| l.contains(&want)), "{want}\n{text}");
}

/// Falco's `container` event: a rule on `evt.type = container` fires once
/// for a container already running when the daemon starts (the engines'
/// list at start) and once for one started after it (Docker's create
/// event), with that container's metadata and no process; stopping a
/// container (its init exits) raises `container_removed`.
#[test]
fn a_container_event_fires_once_for_a_running_and_a_new_container() {
    let _one_at_a_time = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    if !live() || !docker_ready() {
        return;
    }
    let before = name("before");
    let after = name("after");
    let _ = docker(&["rm", "-f", &before]);
    let _ = docker(&["rm", "-f", &after]);
    let before_id =
        docker(&["run", "-d", "--name", &before, IMAGE, "sleep", "600"]).expect("docker run");
    let _b = Container(before.clone());
    let _a = Container(after.clone());

    let dir = std::env::temp_dir().join(format!("falco-cevent-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let rules = dir.join("rules.yaml");
    std::fs::write(
        &rules,
        "- rule: Test container event\n  desc: d\n  condition: evt.type = container and container.image.repository = falco-test/busybox\n  output: \"Container event (name=%container.name image=%container.image id=%container.id type=%container.type evt=%evt.type proc=%proc.name)\"\n  priority: NOTICE\n\
         - rule: Test container removed\n  desc: d\n  condition: evt.type = container_removed and container.image.repository = falco-test/busybox\n  output: \"Container removed (name=%container.name id=%container.id)\"\n  priority: NOTICE\n",
    )
    .expect("rules");
    let out = dir.join("out.txt");
    let log = dir.join("log.txt");
    let child = Command::new(example("falco"))
        .args([
            "-r",
            &rules.display().to_string(),
            "-o",
            "syslog_output.enabled=false",
            "-o",
            "webserver.enabled=false",
            "-o",
            "json_output=true",
            "-o",
            "engine.modern_ebpf.buf_size_preset=6",
            // A capture of a second from the first match on.
            "-o",
            "capture.enabled=true",
            "-o",
            "capture.mode=all_rules",
            "-o",
            "capture.default_duration=1000",
            "-o",
            &format!("capture.path_prefix={}", dir.join("cap").display()),
        ])
        .stdout(std::fs::File::create(&out).expect("out"))
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("falco starts");
    let mut child = Kill(child);
    wait_for("the daemon to start", Duration::from_secs(60), || {
        read(&log).contains("Starting event processing")
    });
    let events = |cname: &str| -> Vec<serde_json::Value> {
        read(&out)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|j| {
                j["rule"] == "Test container event" && j["output_fields"]["container.name"] == cname
            })
            .collect()
    };
    wait_for(
        "the running container's event",
        Duration::from_secs(30),
        || !events(&before).is_empty(),
    );
    wait_for("the capture", Duration::from_secs(30), || {
        read(&log).contains("Capture written: ")
    });
    let after_id =
        docker(&["run", "-d", "--name", &after, IMAGE, "sleep", "600"]).expect("docker run");
    wait_for("the new container's event", Duration::from_secs(30), || {
        !events(&after).is_empty()
    });
    // Processes in both containers announce nothing more.
    for c in [&before, &after] {
        let _ = docker(&["exec", c, "sh", "-c", "cat /etc/passwd"]);
    }
    std::thread::sleep(Duration::from_secs(2));
    // The exit of a container's init announces its removal.
    docker(&["stop", "-t", "1", &after]).expect("docker stop");
    let removed = format!("Container removed (name={after} id={})", &after_id[..12]);
    wait_for("the removal", Duration::from_secs(30), || {
        read(&out).contains(&removed)
    });
    interrupt(&mut child.0);
    // The capture holds the container (in its initial dump, then the
    // triggering event): a replay gives its fields back.
    let text = read(&log);
    let capture = text
        .lines()
        .find_map(|l| l.split("Capture written: ").nth(1))
        .expect("the capture's path")
        .trim()
        .to_string();
    let replay = Command::new(example("falco"))
        .args([
            "-e",
            &capture,
            "-r",
            &rules.display().to_string(),
            "-o",
            "syslog_output.enabled=false",
        ])
        .output()
        .expect("falco -e");
    let replayed = String::from_utf8_lossy(&replay.stdout);
    let want = format!(
        "Container event (name={before} image={IMAGE} id={} type=docker evt=container proc=<NA>)",
        &before_id[..12]
    );
    assert!(
        replayed.lines().filter(|l| l.contains(&want)).count() >= 1,
        "{replayed}\n{}",
        String::from_utf8_lossy(&replay.stderr)
    );
    for (cname, id) in [(&before, &before_id), (&after, &after_id)] {
        let got = events(cname);
        assert_eq!(got.len(), 1, "one event for {cname}: {got:?}");
        let f = &got[0]["output_fields"];
        assert_eq!(f["container.image"], IMAGE, "{f}");
        assert_eq!(f["container.id"], &id[..12], "{f}");
        assert_eq!(f["container.type"], "docker", "{f}");
        assert_eq!(f["evt.type"], "container", "{f}");
        // No process: unavailable (JSON null, `<NA>` in the text).
        assert!(f["proc.name"].is_null() || f["proc.name"] == "<NA>", "{f}");
        let line = got[0]["output"].as_str().unwrap_or_default();
        assert!(
            line.contains(&format!(
                "Container event (name={cname} image={IMAGE} id={} type=docker evt=container proc=<NA>)",
                &id[..12]
            )),
            "{line}"
        );
    }
}

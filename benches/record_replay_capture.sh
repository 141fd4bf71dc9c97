#!/usr/bin/env bash
# Records the replay bench's modern capture: the events of a scripted
# workload, written by our eBPF probe (`capture -w`), so `benches/replay.rs`
# can time a capture in the current schema as the probe writes it (the test
# captures are old-schema ones that the reader converts on the fly).
#
#   sudo benches/record_replay_capture.sh [OUT.scap] [ROUNDS]
#
# OUT defaults to target/replay-modern.scap, which the bench uses when it
# exists (or the path in FALCO_REPLAY_CAPTURE). The capture holds this
# machine's processes and file names: it is not committed, record it where
# the bench runs. ROUNDS (default 200) scales the workload: each round
# starts processes, opens, reads and writes files under a temporary
# directory, reads /etc files that the stable rules watch, makes a pipe,
# a socket pair and a local TCP connection when `nc` is installed.
#
# Needs root (the probe) and a release build of the example:
#   cargo build --release --example capture
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/target/replay-modern.scap}
rounds=${2:-200}
capture=$here/target/release/examples/capture

if [[ $(id -u) -ne 0 ]]; then
    echo "record_replay_capture.sh: needs root (the eBPF probe)" >&2
    exit 1
fi
if [[ ! -x $capture ]]; then
    echo "record_replay_capture.sh: build it first: cargo build --release --example capture" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$capture" -w "$out" &
rec=$!
# Let the probe attach and the /proc scan finish before the workload.
sleep 2

workload() {
    local i
    for ((i = 0; i < rounds; i++)); do
        # Process creation and exec, with arguments and environment.
        /bin/sh -c "echo round $i > $work/f$i.txt"
        cat "$work/f$i.txt" > /dev/null
        ls -la "$work" > /dev/null
        # Files: create, write, rename, read, delete.
        printf 'x%.0s' {1..512} > "$work/data"
        mv "$work/data" "$work/data.$i"
        head -c 100 "$work/data.$i" > /dev/null
        rm -f "$work/data.$i" "$work/f$i.txt"
        # Files the stable rules look at (read-only).
        cat /etc/hostname /etc/passwd > /dev/null 2>&1 || true
        # A pipe and an exec through env.
        echo "$i" | tr 0-9 a-j | wc -c > /dev/null
        env FOO=bar true
        # A local TCP connection when netcat is here.
        if command -v nc > /dev/null; then
            (nc -l 127.0.0.1 39123 > /dev/null 2>&1 &
             sleep 0.05; echo hi | nc -q0 127.0.0.1 39123 > /dev/null 2>&1 || true)
        fi
    done
}

workload
sleep 1
kill -INT "$rec"
wait "$rec" || true
echo "recorded $out ($(stat -c %s "$out") bytes); replay it: cargo bench --bench replay"

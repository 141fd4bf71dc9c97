#!/usr/bin/env bash
# Start-up and footprint of the daemon, as a whole process: the time from
# launch to the first alert for `cat /etc/shadow`, and the resident memory
# on an idle host, with the modern eBPF probe and Falco's stable rules.
#
# Usage: benches/launch.sh [--runs N] [--idle S] [--no-build] [--prefilter true|false]
#
#   --runs N       launches to time (default 5); the figures are per run,
#                  then the median and the best
#   --idle S       seconds the daemon idles before its RSS is read (default 10)
#   --no-build     use the daemon already built (target/release/examples/falco)
#   --prefilter V  engine.modern_ebpf.prefilter (default true)
#
# Each run starts the daemon, then runs `cat /etc/shadow` every 10 ms until
# the alert of the stable rule "Read sensitive file untrusted" is in the
# output file: launch to first alert is when that alert was found (10 ms
# resolution). Goals: <= 0.3 s to the first alert, <= 15 MB idle RSS.
# Needs root and a kernel with BTF (exit 2, skipped, without them).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
idle=10
build=1
prefilter=true
while [[ $# -gt 0 ]]; do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --idle) idle="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --prefilter) prefilter="$2"; shift 2 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "launch: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ $(id -u) -ne 0 ]]; then
    echo "launch: skipped: needs root (the eBPF probe)" >&2
    exit 2
fi
if [[ ! -e /sys/kernel/btf/vmlinux ]]; then
    echo "launch: skipped: the kernel has no BTF (/sys/kernel/btf/vmlinux)" >&2
    exit 2
fi

target=${CARGO_TARGET_DIR:-target}
if (( build )); then
    cargo build -j2 --release --example falco >&2
fi
falco="$target/release/examples/falco"
work=$(mktemp -d /tmp/falco-launch.XXXXXX)
cat > "$work/falco.yaml" <<EOF
rules_files:
  - $PWD/testdata/rules/falco_rules.yaml
json_output: true
stdout_output:
  enabled: false
syslog_output:
  enabled: false
file_output:
  enabled: true
  keep_alive: false
  filename: $work/alerts.json
engine:
  kind: modern_ebpf
  modern_ebpf:
    prefilter: $prefilter
EOF

falco_pid=""
cleanup() {
    if [[ -n "$falco_pid" ]]; then
        kill "$falco_pid" 2>/dev/null || true
        wait "$falco_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ns() { date +%s%N; }

times=()
rss_last=0
hwm_last=0
for (( r = 1; r <= runs; r++ )); do
    rm -f "$work/alerts.json"
    start=$(now_ns)
    "$falco" -c "$work/falco.yaml" > "$work/falco.out" 2> "$work/falco.log" &
    falco_pid=$!
    found=""
    # At most 20 s to the first alert.
    for (( i = 0; i < 2000; i++ )); do
        if ! kill -0 "$falco_pid" 2>/dev/null; then
            echo "launch: the daemon exited at start:" >&2
            cat "$work/falco.log" >&2
            exit 1
        fi
        cat /etc/shadow > /dev/null
        if [[ -s "$work/alerts.json" ]] && grep -q 'Read sensitive file untrusted' "$work/alerts.json"; then
            found=$(now_ns)
            break
        fi
        sleep 0.01
    done
    if [[ -z "$found" ]]; then
        echo "launch: no alert within 20 s" >&2
        cat "$work/falco.log" >&2
        exit 1
    fi
    t=$(awk -v a="$start" -v b="$found" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    times+=("$t")
    if (( r == runs )); then
        sleep "$idle"
        rss_last=$(awk '/^VmRSS:/ { print $2 }' "/proc/$falco_pid/status")
        hwm_last=$(awk '/^VmHWM:/ { print $2 }' "/proc/$falco_pid/status")
    fi
    kill "$falco_pid" 2>/dev/null || true
    wait "$falco_pid" 2>/dev/null || true
    falco_pid=""
    echo "run $r: launch to first alert ${t} s" >&2
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' <<< "$sorted")
best=$(head -1 <<< "$sorted")
echo "launch_to_first_alert_s median=$median best=$best runs=$runs (goal <= 0.3)"
echo "idle_rss_kib=$rss_last peak_rss_kib=$hwm_last after ${idle} s idle (goal <= 15360)"

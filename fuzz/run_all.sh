#!/usr/bin/env bash
# Runs every fuzz target for a given time each and prints how many inputs
# each ran, and whether it found a crash.
#
#   fuzz/run_all.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Default: 600 s per target, every target of fuzz/Cargo.toml. Needs the
# nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Each target
# starts from its committed seed corpus (fuzz/corpus/TARGET, never written
# to); new inputs go to fuzz/work/TARGET and crashes to fuzz/artifacts/TARGET
# (both ignored by git). A crash makes the exit status 1: turn it into a
# regression test before fixing it.
set -uo pipefail
cd "$(dirname "$0")"

secs=${1:-600}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(awk '/^\[\[bin\]\]/ { b = 1 } b && /^name *=/ { gsub(/[" ]/, "", $3); print $3; b = 0 }' Cargo.toml)
fi

cargo +nightly fuzz build -O || exit 1
status=0
printf '%-16s %10s %14s %12s %s\n' target seconds executions exec/s result
for t in "${targets[@]}"; do
    mkdir -p "work/$t" "artifacts/$t"
    log="work/$t.log"
    cargo +nightly fuzz run -O "$t" "work/$t" "corpus/$t" -- \
        -max_total_time="$secs" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
        > "$log" 2>&1
    rc=$?
    execs=$(awk '/^stat::number_of_executed_units/ { s += $NF } END { print s + 0 }' "$log")
    rate=$(awk -v e="$execs" -v s="$secs" 'BEGIN { printf "%.0f", e / s }')
    result=ok
    if [[ $rc -ne 0 ]] || ls "artifacts/$t" | grep -q .; then
        result="CRASH (see $log, artifacts/$t)"
        status=1
    fi
    printf '%-16s %10s %14s %12s %s\n' "$t" "$secs" "$execs" "$rate" "$result"
done
exit $status

#!/usr/bin/env bash
# Runs every fuzz target for a given time (or a given number of inputs) each
# and prints how many inputs each ran, and whether it found a crash.
#
#   fuzz/run_all.sh [--runs N] [--sanitizer address|none] [SECONDS_PER_TARGET] [TARGET...]
#
# Default: 600 s per target, every target of fuzz/Cargo.toml, built with
# AddressSanitizer (cargo-fuzz's default). `--runs N` stops each target after
# N inputs instead of after a time (the time limit is then off).
# `--sanitizer none` builds without ASan: about 20x more inputs a second.
# The fuzzed crates (falco-rules, falco-events, falco-k8saudit and the
# facade) all `#![forbid(unsafe_code)]`, so ASan only watches dependencies:
# long runs go without it, shorter ASan runs keep an eye on those. Needs the nightly toolchain and
# cargo-fuzz (`cargo install cargo-fuzz`). Each target starts from its
# committed seed corpus (fuzz/corpus/TARGET, never written to); new inputs go
# to fuzz/work/TARGET and crashes to fuzz/artifacts/TARGET (both ignored by
# git). A crash makes the exit status 1: turn it into a regression test
# before fixing it.
set -uo pipefail
cd "$(dirname "$0")"

runs=0
sanitizer=address
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --sanitizer) sanitizer=$2; shift 2 ;;
        *) break ;;
    esac
done
secs=${1:-600}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(awk '/^\[\[bin\]\]/ { b = 1 } b && /^name *=/ { gsub(/[" ]/, "", $3); print $3; b = 0 }' Cargo.toml)
fi
if [[ $runs -gt 0 ]]; then
    limit=(-runs="$runs")
else
    limit=(-max_total_time="$secs")
fi

cargo +nightly fuzz build -O -s "$sanitizer" || exit 1
status=0
printf '%-16s %10s %14s %12s %s\n' target seconds executions exec/s result
for t in "${targets[@]}"; do
    mkdir -p "work/$t" "artifacts/$t"
    log="work/$t.log"
    start=$(date +%s)
    cargo +nightly fuzz run -O -s "$sanitizer" "$t" "work/$t" "corpus/$t" -- \
        "${limit[@]}" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
        > "$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    [[ $took -gt 0 ]] || took=1
    execs=$(awk '/^stat::number_of_executed_units/ { s += $NF } END { print s + 0 }' "$log")
    rate=$(awk -v e="$execs" -v s="$took" 'BEGIN { printf "%.0f", e / s }')
    result=ok
    if [[ $rc -ne 0 ]] || ls "artifacts/$t" | grep -q .; then
        result="CRASH (see $log, artifacts/$t)"
        status=1
    fi
    printf '%-16s %10s %14s %12s %s\n' "$t" "$took" "$execs" "$rate" "$result"
done
exit $status

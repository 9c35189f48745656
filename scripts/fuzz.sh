#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for SECONDS each (default 60),
# one after another at low priority, and prints one line per target:
# executions, time, executions per second and crashes. New inputs go to
# fuzz/corpus/<target>/ (not committed); crashes and timeouts to
# fuzz/artifacts/<target>/. The committed seeds (tests/fuzz-corpus/) and
# regression inputs (tests/fuzz-regressions/) are read, never written.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 3600 workspace   # stop at 10M executions
#   FUZZ_ARGS=-max_len=4096 scripts/fuzz.sh 600 framework # more libFuzzer options
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Built without a sanitizer (the code is safe Rust; about twice the
# executions per second) and with debug assertions, so overflows panic.
# Exits 1 if any target found a crash or a timeout.
set -euo pipefail

cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(workspace framework assessment plan reports)
fi
flags=(--sanitizer none --debug-assertions)

cargo +nightly fuzz build "${flags[@]}" >/dev/null
failed=0
for target in "${targets[@]}"; do
    dict=ron.dict
    [ "$target" = reports ] && dict=reports.dict
    mkdir -p "corpus/$target" "artifacts/$target"
    before=$(find "artifacts/$target" -type f | wc -l)
    seeds=()
    for dir in "../tests/fuzz-corpus/$target" "../tests/fuzz-regressions/$target"; do
        [ -d "$dir" ] && seeds+=("$dir")
    done
    log="artifacts/$target.log"
    start=$(date +%s)
    nice -n 10 cargo +nightly fuzz run "${flags[@]}" "$target" "corpus/$target" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -dict="$dict" \
        -print_final_stats=1 ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} ${FUZZ_ARGS:-} >"$log" 2>&1 || true
    wall=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    after=$(find "artifacts/$target" -type f | wc -l)
    crashes=$(( after - before ))
    [ "$crashes" -gt 0 ] && failed=1
    printf '%-11s %12s executions in %6s s (%s/s), %d crash(es)%s\n' \
        "$target" "${runs:-?}" "$wall" "$(( ${runs:-0} / (wall > 0 ? wall : 1) ))" "$crashes" \
        "$([ "$crashes" -gt 0 ] && echo ", see fuzz/artifacts/$target/ and $log")"
done
exit "$failed"

#!/usr/bin/env bash
# End-to-end figures at scale: generates workspaces of 1,000 and 10,000
# departments x 12 periods (seed 7), times each command with /usr/bin/time
# (wall time, peak resident memory) from a warm page cache, and prints a
# markdown table with the 10k/1k ratio. The `cat` row is the floor: reading
# every .ron file once.
#
#   scripts/bench-scale.sh [--quick | --smoke] [--runs N] [DIR]
#
# DIR holds the generated workspaces (default /tmp/govmaturity-scale); they
# are reused when already there. --quick: 100 and 1,000 departments x 4
# periods, one run each. --smoke: 20 and 100 departments x 2 periods, one
# run each: what CI runs, with the debug binary, to keep the script working
# (its figures mean nothing). Otherwise each command
# runs 3 times and the median wall time is shown (with its run's memory).
# GOVMATURITY_BIN=path times that binary instead of building the release one.
set -euo pipefail

quick=false
smoke=false
runs=3
dir=/tmp/govmaturity-scale
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true; runs=1 ;;
        --smoke) smoke=true; runs=1 ;;
        --runs) runs="$2"; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) dir="$1" ;;
    esac
    shift
done

if $smoke; then
    sizes=(20 100); periods=2
elif $quick; then
    sizes=(100 1000); periods=4
else
    sizes=(1000 10000); periods=12
fi

cd "$(dirname "$0")/.."
bin="${GOVMATURITY_BIN:-}"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin="$PWD/target/release/govmaturity"
fi
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }

mkdir -p "$dir"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

workspace_of() { echo "$dir/d$1x$periods"; }

for n in "${sizes[@]}"; do
    ws="$(workspace_of "$n")"
    if [ ! -f "$ws/workspace.ron" ]; then
        echo "generating $n departments x $periods periods into $ws" >&2
        "$bin" generate "$ws" --departments "$n" --periods "$periods" --seed 7 > /dev/null
    fi
done

# name|command ({ws} is the workspace, {out} a scratch folder)
commands=(
    "cat (every .ron file)|find {ws}/ -name '*.ron' -print0 | xargs -0 cat > /dev/null"
    "validate|$bin validate {ws} > /dev/null"
    "summary|$bin summary {ws} > /dev/null"
    "summary --format json|$bin summary {ws} --format json > /dev/null"
    "report HTML full|$bin report {ws} --out {out}/r.html > /dev/null"
    "report HTML brief|$bin report {ws} --kind brief --out {out}/r.html > /dev/null"
    "report PDF full|$bin report {ws} --out {out}/r.pdf > /dev/null"
    "report PDF brief|$bin report {ws} --kind brief --out {out}/r.pdf > /dev/null"
    "report XLSX full|$bin report {ws} --out {out}/r.xlsx > /dev/null"
    "report XLSX brief|$bin report {ws} --kind brief --out {out}/r.xlsx > /dev/null"
)

# Runs a command `runs` times; prints "seconds kilobytes" of the median run.
measure() {
    local command="$1" i
    for ((i = 0; i < runs; i++)); do
        # Exit 1 (problems in the data) still times the work; only the
        # timing line matters here.
        # (the commands' own notes on stderr are not wanted here).
        /usr/bin/time -f '%e %M' -o "$out/time" bash -c "$command" 2> /dev/null || true
        cat "$out/time"
    done | grep -E '^[0-9.]+ [0-9]+$' | sort -n | sed -n "$(((runs + 1) / 2))p"
}

mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }

small="${sizes[0]}"; large="${sizes[1]}"
echo "| command | ${small}x$periods wall | ${small}x$periods peak RSS | ${large}x$periods wall | ${large}x$periods peak RSS | wall ratio |"
echo "|---|---:|---:|---:|---:|---:|"
for entry in "${commands[@]}"; do
    name="${entry%%|*}"
    template="${entry#*|}"
    row="| $name"
    walls=()
    for n in "$small" "$large"; do
        ws="$(workspace_of "$n")"
        command="${template//\{ws\}/$ws}"
        command="${command//\{out\}/$out}"
        # Warm the page cache once per workspace and command.
        find "$ws" -name '*.ron' -print0 | xargs -0 cat > /dev/null
        read -r wall kb < <(measure "$command")
        walls+=("$wall")
        row="$row | ${wall} s | $(mib "$kb")"
    done
    ratio="$(awk -v a="${walls[0]}" -v b="${walls[1]}" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "-" }')"
    echo "$row | $ratio |"
done
echo
echo "Measured with: scripts/bench-scale.sh$($quick && echo ' --quick') (runs per figure: $runs, median wall; warm cache; $(nproc) cores)"

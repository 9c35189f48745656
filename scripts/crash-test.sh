#!/usr/bin/env bash
# Crash test: SIGKILLs `generate`, `new-period`, a save (the hidden `resave`
# command, which saves through the store as the app's Save does) and
# `report` at random moments, and after every kill checks that
#
#   - every file equals its old or its new content (no torn file, no file
#     half-written under its final name), backups included;
#   - a killed `generate` never leaves `workspace.ron`, so the folder never
#     passes for a complete workspace (`validate` exits 2);
#   - the next run (`validate`, which loads the workspace) leaves no
#     temporary file behind.
#
# (That the app's recovery journal restores unsaved edits after a crash is
# the integration test `app_lock::edits_of_an_app_stopped_without_saving_…`.)
#
#   scripts/crash-test.sh [--kills N] [DIR]
#
# Runs until N kills (default 2000) have landed on a running process; runs
# that finished before their kill are counted apart. DIR is the scratch
# folder (default: a new temporary one, removed afterwards).
# GOVMATURITY_BIN=path tests that binary (default target/debug/govmaturity,
# built if missing). Prints the counts at the end; exits 1 on the first
# failed check, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."

kills_wanted=2000
dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --kills) kills_wanted="$2"; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) dir="$1" ;;
    esac
    shift
done

bin="${GOVMATURITY_BIN:-$PWD/target/debug/govmaturity}"
if [ ! -x "$bin" ]; then
    cargo build --quiet
fi
if [ -z "$dir" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
W=$(cd "$dir" && pwd)

fail() {
    echo "crash-test: FAILED: $*" >&2
    exit 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# sleep for $1 milliseconds
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# Temporary files (.<name>.<pid>-<n>.tmp) anywhere under $1.
temps_in() { find "$1" -name '.*.tmp' -type f | wc -l; }

# md5 of every data file (no dot-files) under $1, by relative path.
manifest() { (cd "$1" && find . -path '*/.*' -prune -o -type f -print | LC_ALL=C sort | xargs md5sum); }

# The workspace content with the audit times blanked (new-period stamps now).
timeless() { sed -E 's/at: "[0-9T:.-]+"/at: ""/' "$1" | md5sum | cut -d' ' -f1; }

GEN=(--departments 6 --periods 2 --seed 5)
PERIOD=2026-06-30

# ---- references: what each command writes when it is not stopped
"$bin" generate "$W/ref" "${GEN[@]}" >/dev/null
manifest "$W/ref" >"$W/ref.md5"
validate_code() { local c=0; "$bin" validate "$1" >/dev/null 2>&1 || c=$?; echo "$c"; }
ref_validate=$(validate_code "$W/ref")

cp -r "$W/ref" "$W/np-ref"
"$bin" new-period "$W/np-ref" --period "$PERIOD" >/dev/null 2>&1
declare -A new_ok=()
for f in "$W"/np-ref/*/"$PERIOD".ron; do
    new_ok["${f#"$W"/np-ref/}"]=$(timeless "$f")
done
cp -r "$W/ref" "$W/np"

# A file not yet approved (changing an approved one's answers is flagged as
# tampering, rightly).
file=$(cd "$W/ref" && grep -L "status: Approved" */2025-12-31.ron | head -1)
[ -n "$file" ] || fail "no unapproved assessment to save in the generated workspace"
department=${file%%/*}
cp -r "$W/ref" "$W/rs"
save_cmd() { echo "$bin" resave "$W/rs" --department "$department" --period 2025-12-31 --repeat 490 --comment; }
resave() { $(save_cmd) "$1"; }
declare -A save_ok=(["$(md5sum <"$W/rs/$file" | cut -d' ' -f1)"]=original)
resave "comment B " >/dev/null 2>&1
save_ok["$(md5sum <"$W/rs/$file" | cut -d' ' -f1)"]=B
resave "comment A " >/dev/null 2>&1
save_ok["$(md5sum <"$W/rs/$file" | cut -d' ' -f1)"]=A

cp -r "$W/ref" "$W/rp"
mkdir -p "$W/rp/reports"
"$bin" report "$W/rp" --out "$W/rp/reports/r.html" >/dev/null 2>&1
"$bin" report "$W/rp" --out "$W/rp/reports/r.csv" >/dev/null 2>&1
declare -A report_ok=(
    [html]=$(md5sum <"$W/rp/reports/r.html" | cut -d' ' -f1)
    [csv]=$(md5sum <"$W/rp/reports/r.csv" | cut -d' ' -f1)
)

# How long a full run of each takes, so that kills land across the run.
declare -A span=()
t=$(now_ms); "$bin" generate "$W/g" "${GEN[@]}" >/dev/null; span[generate]=$(($(now_ms) - t + 5))
t=$(now_ms); cp -r "$W/ref" "$W/np-time"; t=$(now_ms)
"$bin" new-period "$W/np-time" --period "$PERIOD" >/dev/null 2>&1; span[new-period]=$(($(now_ms) - t + 5))
t=$(now_ms); resave "comment B " >/dev/null 2>&1; span[resave]=$(($(now_ms) - t + 5))
resave "comment A " >/dev/null 2>&1
t=$(now_ms); "$bin" report "$W/rp" --out "$W/rp/reports/r.html" >/dev/null 2>&1; span[report]=$(($(now_ms) - t + 5))

# Starts "$@" in the background, SIGKILLs it after a random part of $span
# (its budget), waits; sets $killed to 1 when the kill landed.
run_and_kill() {
    local budget=$1; shift
    local delay=$((RANDOM % budget))
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep_ms "$delay"
    kill -9 "$pid" 2>/dev/null || true
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    if [ "$status" -eq 137 ]; then killed=1; else killed=0; fi
}

# The next run: loading the workspace removes what the killed one left.
next_run_clean() {
    local code
    code=$(validate_code "$1")
    [ "$code" = "$ref_validate" ] || fail "$2: validate exits $code after the kill (expected $ref_validate)"
    [ "$(temps_in "$1")" -eq 0 ] || fail "$2: temporary files left after the next run: $(find "$1" -name '.*.tmp')"
}

check_generate() {
    if [ -e "$W/g/workspace.ron" ]; then
        diff -rq --exclude='.*' "$W/ref" "$W/g" >/dev/null || fail "generate: workspace.ron written before the rest"
        next_run_clean "$W/g" generate
    else
        local bad
        bad=$(diff -rq --exclude='.*' "$W/ref" "$W/g" 2>/dev/null | grep -v "^Only in $W/ref" || true)
        [ -z "$bad" ] || fail "generate: a file that is not what a full run writes: $bad"
        [ "$(validate_code "$W/g")" = 2 ] || fail "generate: a stopped run validates"
    fi
}

check_new_period() {
    (cd "$W/np" && md5sum --quiet -c "$W/ref.md5" 2>/dev/null | grep -v "/$PERIOD.ron" | grep -q .) \
        && fail "new-period: an existing file changed"
    local f
    for f in "$W"/np/*/"$PERIOD".ron; do
        [ -e "$f" ] || continue
        [ "$(timeless "$f")" = "${new_ok[${f#"$W"/np/}]}" ] || fail "new-period: torn or wrong $f"
    done
    next_run_clean "$W/np" new-period
    rm -f "$W"/np/*/"$PERIOD".ron
}

check_resave() {
    local sum
    sum=$(md5sum <"$W/rs/$file" | cut -d' ' -f1)
    [ -n "${save_ok[$sum]:-}" ] || fail "save: $file is neither the old nor the new content"
    for backup in "$W/rs/.backups/$file"/*; do
        sum=$(md5sum <"$backup" | cut -d' ' -f1)
        [ -n "${save_ok[$sum]:-}" ] || fail "save: torn backup $backup"
    done
    # The next run: a load, then a save of the same file (which tidies the
    # file's backup folder as it writes there).
    resave "$comment_now" >/dev/null 2>&1 || fail "save: the next save fails"
    next_run_clean "$W/rs" save
}

check_report() {
    local kind
    for kind in html csv; do
        local out="$W/rp/reports/r.$kind"
        [ ! -e "$out" ] || [ "$(md5sum <"$out" | cut -d' ' -f1)" = "${report_ok[$kind]}" ] \
            || fail "report: torn $out"
    done
    next_run_clean "$W/rp" report
}

started=$(now_ms)
declare -A landed=([generate]=0 [new-period]=0 [resave]=0 [report]=0)
declare -A finished=([generate]=0 [new-period]=0 [resave]=0 [report]=0)
kills=0
round=0
comment=B
while [ "$kills" -lt "$kills_wanted" ] && [ "$round" -lt $((kills_wanted * 4)) ]; do
    case $((round % 4)) in
        0)
            what=generate
            rm -rf "$W/g"
            run_and_kill "${span[generate]}" "$bin" generate "$W/g" "${GEN[@]}"
            check_generate
            ;;
        1)
            what=new-period
            run_and_kill "${span[new-period]}" "$bin" new-period "$W/np" --period "$PERIOD"
            check_new_period
            ;;
        2)
            what=resave
            # shellcheck disable=SC2046
            run_and_kill "${span[resave]}" $(save_cmd) "comment $comment "
            comment_now="comment $comment "
            check_resave
            if [ "$comment" = B ]; then comment=A; else comment=B; fi
            ;;
        3)
            what=report
            if [ $((round % 8)) = 3 ]; then out=r.html; else out=r.csv; fi
            rm -f "$W/rp/reports/$out"
            run_and_kill "${span[report]}" "$bin" report "$W/rp" --out "$W/rp/reports/$out"
            check_report
            ;;
    esac
    # The kill window follows the command's speed on this machine now:
    # narrower after a run that finished first, wider after a kill.
    if [ "$killed" = 1 ]; then
        kills=$((kills + 1))
        landed[$what]=$((landed[$what] + 1))
        span[$what]=$((span[$what] * 21 / 20 + 1))
    else
        finished[$what]=$((finished[$what] + 1))
        span[$what]=$((span[$what] * 9 / 10))
        [ "${span[$what]}" -ge 5 ] || span[$what]=5
    fi
    round=$((round + 1))
done
seconds=$(( ($(now_ms) - started) / 1000 ))

echo "crash-test: $kills SIGKILLs landed in $round runs, ${seconds} s; every check passed"
for what in generate new-period resave report; do
    echo "  $what: ${landed[$what]} killed mid-run, ${finished[$what]} finished first (kill window at the end: ${span[$what]} ms)"
done
[ "$kills" -ge "$kills_wanted" ] || fail "only $kills kills landed (wanted $kills_wanted)"

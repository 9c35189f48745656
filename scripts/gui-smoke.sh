#!/usr/bin/env bash
# Starts the real govmaturity binary under Xvfb on the sample workspace, waits
# until it has drawn, takes a screenshot, and fails if the process died or the
# window is blank. Needs: Xvfb and ImageMagick (`apt-get install -y xvfb imagemagick`).
#
# Usage: scripts/gui-smoke.sh [SCREENSHOT.png] [extra app arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."

shot=${1:-target/gui-smoke.png}
shift || true
bin=${BIN:-target/debug/govmaturity}
[ -x "$bin" ] || cargo build --quiet
mkdir -p "$(dirname "$shot")"

work=$(mktemp -d)
export XDG_RUNTIME_DIR="$work/runtime" HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
sleep 1

DISPLAY="$display" "$bin" --workspace assessments "$@" >"$work/app.log" 2>&1 &
app=$!

# Poll: the window counts as drawn once the screen has more than a handful of colours.
for _ in $(seq 1 45); do
    sleep 2
    if ! kill -0 "$app" 2>/dev/null; then
        echo "gui-smoke: the app exited early:" >&2
        cat "$work/app.log" >&2
        exit 1
    fi
    DISPLAY="$display" import -window root "$shot" 2>/dev/null || continue
    colours=$(convert "$shot" -format %k info:)
    if [ "$colours" -gt 50 ]; then
        # Let the first frames settle, then take the screenshot that is kept.
        sleep 3
        DISPLAY="$display" import -window root "$shot"
        echo "gui-smoke: drawn ($colours colours), screenshot in $shot"
        exit 0
    fi
done
echo "gui-smoke: the window stayed blank (last screenshot: $shot)" >&2
cat "$work/app.log" >&2
exit 1

#!/usr/bin/env bash
# A questionnaire's round trip through LibreOffice, as a department that
# fills it in with LibreOffice Calc would make it: writes the questionnaire
# of one department, fills in answer cells by script (its sheet XML edited
# inside the zip), has LibreOffice convert it (`soffice --headless
# --convert-to xlsx`, which rewrites every part in its own way: shared
# strings, styles, its own idea of the hidden sheet), imports the result
# and checks what was saved. Also converts a questionnaire pre-filled from
# an approved assessment and checks that importing it changes nothing.
# Installs LibreOffice Calc (libreoffice-calc-nogui) with apt-get when
# soffice is missing.
#
# Usage: scripts/check-questionnaire.sh [OUTPUT_DIR] [--fixture FILE]
#   (default OUTPUT_DIR: target/check-questionnaire; --fixture copies the
#   converted, filled file to FILE, e.g.
#   tests/fixtures/questionnaire-libreoffice.xlsx)
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/check-questionnaire
fixture=
while [ $# -gt 0 ]; do
    case $1 in
        --fixture) fixture=$2; shift 2 ;;
        *) out=$1; shift ;;
    esac
done
bin=${BIN:-target/debug/govmaturity}
[ -x "$bin" ] || cargo build --quiet

# Calc's library: LibreOffice Writer alone (as check-docx.sh installs it)
# cannot open a workbook.
if ! command -v soffice >/dev/null || ! ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

rm -rf "$out"
mkdir -p "$out/converted"
# A fresh LibreOffice profile per run: it cannot be locked by another
# instance or spoiled by an earlier crash.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice_convert() {
    timeout 120 soffice -env:UserInstallation="file://$profile" --headless \
        --convert-to xlsx --outdir "$out/converted" "$@" >"$out/soffice.log" 2>&1
}

ws="$out/workspace"
mkdir -p "$ws"
cp -r assessments/. "$ws/"

"$bin" questionnaire "$ws" --department finance-bureau --period 2026-06-30 \
    --out "$out/blank.xlsx" >/dev/null
"$bin" questionnaire "$ws" --department finance-bureau --period 2025-12-31 --lang zh \
    --out "$out/prefilled-zh.xlsx" >/dev/null

# Fills answer cells of the answers sheet (the second sheet) as a person
# would: a number, text on two lines, two links, words from the lists.
python3 - "$out/blank.xlsx" "$out/filled.xlsx" <<'EOF'
import re, sys, zipfile
from xml.sax.saxutils import escape

cells = {
    "F4": 4,
    "G4": "Strategy approved in 2026.\nKPIs reviewed every quarter.",
    "H4": "https://example.gov/strategy\nhttps://example.gov/kpi",
    "I4": "High",
    "F5": "3",
    "I5": "Medium",
    "F6": "N/A",
    "J6": "No budget of its own",
}

def fill(xml):
    for ref, value in cells.items():
        pattern = re.compile(r'<c r="%s"( s="\d+")?[^>]*?(/>|>.*?</c>)' % ref, re.S)
        match = pattern.search(xml)
        if not match:
            sys.exit("no cell " + ref)
        style = match.group(1) or ""
        if isinstance(value, str):
            new = '<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, style, escape(value))
        else:
            new = '<c r="%s"%s><v>%s</v></c>' % (ref, style, value)
        xml = xml[:match.start()] + new + xml[match.end():]
    return xml

source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/worksheets/sheet2.xml":
            data = fill(data.decode("utf-8")).encode("utf-8")
        zout.writestr(item, data)
EOF

failed=0
fail() {
    echo "FAIL $*"
    failed=1
}

if ! soffice_convert "$out/filled.xlsx" "$out/prefilled-zh.xlsx"; then
    echo "FAIL LibreOffice could not convert the questionnaires (see $out/soffice.log)"
    exit 1
fi
converted="$out/converted/filled.xlsx"

# Pre-filled in Chinese, converted unchanged: nothing to import.
status=0
"$bin" import "$ws" "$out/converted/prefilled-zh.xlsx" --as "Check" --dry-run --lang zh \
    >"$out/prefilled.out" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "pre-filled questionnaire: import exit $status (see $out/prefilled.out)"
grep -q "无变化" "$out/prefilled.out" || fail "pre-filled questionnaire: LibreOffice changed answers (see $out/prefilled.out)"

# Filled in and converted: imported as filled.
status=0
"$bin" import "$ws" "$converted" --as "Check" >"$out/import.out" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "filled questionnaire: import exit $status (see $out/import.out)"
ron="$ws/finance-bureau/2026-06-30.ron"
if [ -f "$ron" ]; then
    for expected in \
        'evidence: "Strategy approved in 2026.\nKPIs reviewed every quarter."' \
        '"https://example.gov/strategy",' \
        '"https://example.gov/kpi",' \
        'confidence: Some(High)' \
        'rating: Level(3)' \
        'confidence: Some(Medium)' \
        'reason: "No budget of its own"' \
        'what: "imported"'; do
        grep -qF "$expected" "$ron" || fail "not saved as filled: $expected (see $ron)"
    done
    "$bin" validate "$ws" >/dev/null 2>&1 || fail "the workspace does not validate after the import"
else
    fail "nothing saved (see $out/import.out)"
fi

if [ -n "$fixture" ] && [ "$failed" -eq 0 ]; then
    cp "$converted" "$fixture"
    echo "fixture: $fixture"
fi
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "ok: questionnaires converted by LibreOffice import as filled ($out)"

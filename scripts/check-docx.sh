#!/usr/bin/env bash
# Opens the sample's DOCX reports the way a reader's office suite does:
# writes the brief and the full report (English, Chinese, and Chinese in the
# official style) and converts each to PDF with LibreOffice, headless. Fails
# if a report cannot be written, LibreOffice cannot convert it, the PDF has
# no pages, or a brief takes more than four. Installs LibreOffice Writer (libreoffice-writer-nogui) with
# apt-get when soffice is missing.
#
# Usage: scripts/check-docx.sh [OUTPUT_DIR]   (default: target/check-docx)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/check-docx}
bin=${BIN:-target/debug/govmaturity}
[ -x "$bin" ] || cargo build --quiet

if ! command -v soffice >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi

rm -rf "$out"
mkdir -p "$out"
# LibreOffice keeps a profile; a fresh one per run cannot be locked by
# another instance or spoiled by an earlier crash.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Pages of a PDF: pdfinfo where poppler is installed, else the page objects.
pages() {
    if command -v pdfinfo >/dev/null; then
        pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'
    else
        grep -a -c '/Type[[:space:]]*/Page[^s]' "$1" || true
    fi
}

failed=0
for kind in brief full; do
    for variant in "en plain" "zh plain" "zh official"; do
        set -- $variant
        lang=$1 style=$2
        name="$kind-$lang-$style"
        docx="$out/$name.docx"
        # Exit status 1 means written with problems in the workspace; the
        # sample has none, but the check is about the document either way.
        status=0
        "$bin" report assessments --kind "$kind" --style "$style" --lang "$lang" \
            --format docx --out "$docx" >/dev/null || status=$?
        if [ "$status" -gt 1 ] || [ ! -s "$docx" ]; then
            echo "FAIL $name: the report was not written (exit $status)"
            failed=1
            continue
        fi
        if ! timeout 300 soffice -env:UserInstallation="file://$profile" --headless \
            --convert-to pdf --outdir "$out" "$docx" >"$out/$name.log" 2>&1; then
            echo "FAIL $name: LibreOffice could not convert it (see $out/$name.log)"
            failed=1
            continue
        fi
        pdf="$out/$name.pdf"
        count=$(pages "$pdf" 2>/dev/null || echo 0)
        if [ ! -s "$pdf" ] || [ "${count:-0}" -lt 1 ]; then
            echo "FAIL $name: the PDF has no pages"
            failed=1
            continue
        fi
        # A brief is at most four pages (issue 11), in LibreOffice's layout too.
        if [ "$kind" = brief ] && [ "$count" -gt 4 ]; then
            echo "FAIL $name: the brief takes $count pages (at most 4)"
            failed=1
            continue
        fi
        echo "ok   $name: $(stat -c %s "$docx") bytes, $count pages"
    done
done
exit "$failed"

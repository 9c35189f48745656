#!/usr/bin/env bash
# Refreshes the README's screenshots of the app (under Xvfb, on the sample).
# Needs: Xvfb and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p assets/screenshots
scripts/gui-smoke.sh assets/screenshots/overview-en.png --view overview --lang en
scripts/gui-smoke.sh assets/screenshots/department-zh.png --view department --lang zh
scripts/gui-smoke.sh assets/screenshots/plan-en.png --view plan --lang en
scripts/gui-smoke.sh assets/screenshots/plan-zh.png --view plan --lang zh
for shot in assets/screenshots/*.png; do
    convert "$shot" -strip -colors 256 "PNG8:$shot"
done

#!/usr/bin/env bash
# Renders the HTML report of an alignment in headless Chromium and saves a PNG screenshot.
# Usage: scripts/report-screenshot.sh [SOURCE TARGET [OUT.png [align options...]]]
#   default: the bundled sample in seeds/ -> docs/report.png
# Needs Debian's chromium (apt-get install chromium fonts-noto-cjk); nothing is fetched from the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src=${1:-$root/seeds/000_63b1f7de89521b9f.zh.txt}
tgt=${2:-$root/seeds/000_63b1f7de89521b9f.txt}
png=${3:-$root/docs/report.png}
shift $(( $# < 3 ? $# : 3 ))
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium not found: apt-get install chromium fonts-noto-cjk" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/src/CyberGov.Align.Cli" >/dev/null
dotnet "$root/src/CyberGov.Align.Cli/bin/Release/net10.0/cyberalign.dll" align "$src" "$tgt" -o "$work/report.html" "$@"
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
  --window-size=1400,1600 --screenshot="$png" "file://$work/report.html" 2>/dev/null
echo "wrote $png ($(wc -c < "$png") bytes)"

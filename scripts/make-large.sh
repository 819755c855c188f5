#!/usr/bin/env bash
# Builds large pre-split test documents by concatenating the real development texts (../shared/data/dev) until the
# source side has at least N sentences. Writes OUT.zh and OUT.en (one sentence per line) and OUT.gold/large.align, the
# dev sets' gold alignments shifted to their places (Chinese side first), for `cyberalign evaluate --gold OUT.gold`.
# Usage: scripts/make-large.sh N OUT      e.g. scripts/make-large.sh 30000 /tmp/large
set -euo pipefail
n=${1:?sentences}; out=${2:?output prefix}
data="${CYBERALIGN_DEVDATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data/dev}"
[ -d "$data" ] || { echo "no dev data at $data" >&2; exit 2; }
: > "$out.zh"; : > "$out.en"
mkdir -p "$out.gold"; : > "$out.gold/large.align"
add() { # zh en gold swap: append a document pair and its gold, shifted by the lines already written
  local oz oe; oz=$(wc -l < "$out.zh"); oe=$(wc -l < "$out.en")
  awk -v oz="$oz" -v oe="$oe" -v swap="$4" '
    function shift(list, o,   n, parts, k, r) { gsub(/[][]/, "", list); if (list == "") return "[]"
      n = split(list, parts, ","); r = ""; for (k = 1; k <= n; k++) r = r (k > 1 ? "," : "") (parts[k] + o); return "[" r "]" }
    NF { split($0, side, ":"); a = side[1]; b = side[2]; if (swap) { t = a; a = b; b = t }
         print shift(a, oz) ":" shift(b, oe) }' "$3" >> "$out.gold/large.align"
  cat "$1" >> "$out.zh"; cat "$2" >> "$out.en"
}
while [ "$(wc -l < "$out.zh")" -lt "$n" ]; do
  for id in 001 002 003 004 005 006; do add "$data/mac-dev/zh/$id" "$data/mac-dev/en/$id" "$data/mac-dev/gold/$id.align" 0; done
  add "$data/aca/tgt/001" "$data/aca/src/001" "$data/aca/gold/001.align" 1
  add "$data/mag/tgt/003" "$data/mag/src/003" "$data/mag/gold/003.align" 1
done
echo "$out.zh: $(wc -l < "$out.zh") sentences; $out.en: $(wc -l < "$out.en") sentences"

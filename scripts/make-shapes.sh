#!/usr/bin/env bash
# Inputs of unusual shape for the "whatever the input's shape" measurements (see README, Robustness):
#   scripts/make-shapes.sh paragraphs IN OUT   IN.zh/IN.en (one sentence per line, e.g. from make-large.sh) ->
#                                              OUT.zh/OUT.en with every sentence its own paragraph (blank lines between)
#   scripts/make-shapes.sh tiny N OUT          OUT.zh/OUT.en: N repeated tiny paragraphs ("好。" / "Good.")
#   scripts/make-shapes.sh literary N OUT      OUT.zh/OUT.en: the literary dev set (mac-dev, one sentence per line, no
#                                              paragraphs) repeated N times; 20 gives 29k x 39k sentences
set -euo pipefail
case "${1:?paragraphs or tiny}" in
  paragraphs) in=${2:?input prefix}; out=${3:?output prefix}
    for l in zh en; do awk 'NF { print; print "" }' "$in.$l" > "$out.$l"; done ;;
  tiny) n=${2:?count}; out=${3:?output prefix}
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "好。\n" }' > "$out.zh"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "Good.\n" }' > "$out.en" ;;
  literary) n=${2:?count}; out=${3:?output prefix}
    data="${CYBERALIGN_DEVDATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data/dev}"
    [ -d "$data/mac-dev" ] || { echo "no dev data at $data" >&2; exit 2; }
    : > "$out.zh"; : > "$out.en"
    for ((r = 0; r < n; r++)); do cat "$data"/mac-dev/zh/* >> "$out.zh"; cat "$data"/mac-dev/en/* >> "$out.en"; done ;;
  *) echo "usage: $0 paragraphs IN OUT | tiny N OUT | literary N OUT" >&2; exit 2 ;;
esac
wc -l "$out.zh" "$out.en" | head -2

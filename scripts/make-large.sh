#!/usr/bin/env bash
# Builds large pre-split test documents by concatenating the real development texts (../shared/data/dev) until the
# source side has at least N sentences. Writes OUT.zh and OUT.en (one sentence per line).
# Usage: scripts/make-large.sh N OUT      e.g. scripts/make-large.sh 30000 /tmp/large
set -euo pipefail
n=${1:?sentences}; out=${2:?output prefix}
data="${CYBERALIGN_DEVDATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data/dev}"
[ -d "$data" ] || { echo "no dev data at $data" >&2; exit 2; }
: > "$out.zh"; : > "$out.en"
while [ "$(wc -l < "$out.zh")" -lt "$n" ]; do
  for id in 001 002 003 004 005 006; do cat "$data/mac-dev/zh/$id" >> "$out.zh"; cat "$data/mac-dev/en/$id" >> "$out.en"; done
  cat "$data/aca/tgt/001" >> "$out.zh"; cat "$data/aca/src/001" >> "$out.en"
  cat "$data/mag/tgt/003" >> "$out.zh"; cat "$data/mag/src/003" >> "$out.en"
done
echo "$out.zh: $(wc -l < "$out.zh") sentences; $out.en: $(wc -l < "$out.en") sentences"

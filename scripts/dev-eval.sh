#!/usr/bin/env bash
# Aligns the development sets in ../shared/data/dev with the CLI and scores them against their gold alignments.
# Usage: scripts/dev-eval.sh [extra align options...]     (needs ../shared; prints strict and lax P/R/F1 per set)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${CYBERALIGN_DEVDATA:-$root/../shared/data/dev}"
[ -d "$data" ] || { echo "no dev data at $data" >&2; exit 2; }
dotnet build -c Release "$root/src/CyberGov.Align.Cli" >/dev/null
cli=(dotnet "$root/src/CyberGov.Align.Cli/bin/Release/net10.0/cyberalign.dll")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run_set() { # name srcdir tgtdir golddir
  local name=$1 src=$2 tgt=$3 gold=$4
  mkdir -p "$out/$name"
  local start end
  start=$(date +%s.%N)
  for g in "$gold"/*.align; do
    local id; id=$(basename "$g" .align)
    "${cli[@]}" align "$src/$id" "$tgt/$id" --presplit --format index -o "$out/$name/$id.align" "${@:5}"
  done
  end=$(date +%s.%N)
  echo "== $name ($(printf '%.1f' "$(echo "$end - $start" | bc)") s)"
  "${cli[@]}" evaluate --gold "$gold" --test "$out/$name" | tail -1
}
run_set aca "$data/aca/src" "$data/aca/tgt" "$data/aca/gold" "$@"
run_set mag "$data/mag/src" "$data/mag/tgt" "$data/mag/gold" "$@"
run_set mac-dev "$data/mac-dev/zh" "$data/mac-dev/en" "$data/mac-dev/gold" "$@"

#!/usr/bin/env bash
# Plots alignment time against document size from the BenchmarkDotNet results of AlignmentBenchmarks.
# Usage: scripts/plot-benchmarks.sh [report.csv] [out.png]
#   default: BenchmarkDotNet.Artifacts/results/CyberGov.Align.Benchmarks.AlignmentBenchmarks-report.csv -> docs/alignment-scaling.png
# Needs gnuplot (Debian: apt-get install gnuplot-nox).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
csv=${1:-$root/BenchmarkDotNet.Artifacts/results/CyberGov.Align.Benchmarks.AlignmentBenchmarks-report.csv}
png=${2:-$root/docs/alignment-scaling.png}
command -v gnuplot >/dev/null || { echo "gnuplot not found: apt-get install gnuplot-nox" >&2; exit 2; }
[ -f "$csv" ] || { echo "no results at $csv: run the Alignment benchmarks first" >&2; exit 2; }
data=$(mktemp)
trap 'rm -f "$data"' EXIT
# Columns: find 'Sentences' and 'Mean' by header name; Mean is like "1,234.5 ms" or "2.345 s".
python3 - "$csv" > "$data" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=","))
for r in rows:
    n = int(r["Sentences"].replace(",", ""))
    value, unit = r["Mean"].replace(",", "").split()
    seconds = float(value) * {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
    print(n, seconds)
PY
gnuplot <<GP
set terminal pngcairo size 900,560 font "sans,11"
set output "$png"
set title "Alignment time against document size (BenchmarkDotNet, 2-core VM)"
set xlabel "document size parameter: at least this many Chinese sentences (English about 1.1x)"
set ylabel "seconds"
set logscale xy
set grid
set fit quiet
set fit logfile "/dev/null"
set key left top
f(x) = a*x
fit f(x) "$data" using 1:2 via a
plot "$data" using 1:2 with linespoints pt 7 ps 1.3 lw 2 title "measured", f(x) with lines dt 2 lw 1.5 title "linear fit"
GP
echo "wrote $png"

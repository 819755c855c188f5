#!/usr/bin/env python3
"""Fits the confidence models (logistic regression, Newton/IRLS with a light L2 penalty) on bead features.

Usage:
  CYBERALIGN_CALIBRATION_OUT=/tmp/calib.csv dotnet test tests/CyberGov.Align.Tests -c Release \
      --filter FullyQualifiedName~ConfidenceCalibration        # writes features + gold labels (needs ../shared)
  python3 scripts/fit-confidence.py /tmp/calib.csv            # prints C# weight arrays for Alignment/Confidence.cs
Pure Python (no numpy): a few thousand rows and ten features.
"""
import csv, math, sys

def fit(rows, l2=0.01, iterations=50):
    d = len(rows[0][1])
    w = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for y, x in rows:
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            r = p * (1 - p)
            for i in range(d):
                grad[i] += (p - y) * x[i]
                if x[i] == 0:
                    continue
                for j in range(d):
                    hess[i][j] += r * x[i] * x[j]
        for i in range(1, d):  # no penalty on the bias
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        for i in range(d):
            hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w

def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [vr - f * vc for vr, vc in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]

def ece(rows, w):
    bins = [[0, 0.0, 0.0] for _ in range(10)]
    for y, x in rows:
        p = 1 / (1 + math.exp(-sum(wi * xi for wi, xi in zip(w, x))))
        b = bins[min(9, int(p * 10))]
        b[0] += 1; b[1] += p; b[2] += y
    return sum(abs(b[1] - b[2]) for b in bins if b[0]) / len(rows)

def main(path):
    by_model = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            x = [float(row[f"x{i}"]) for i in range(10)]
            by_model.setdefault(int(row["model"]), []).append((int(row["right"]), x))
    names = {0: "LinkWeights", 1: "TranslationWeights", 2: "NullWeights"}
    for model, rows in sorted(by_model.items()):
        used = [i for i in range(10) if any(x[i] != 0 for _, x in rows)]
        w_used = fit([(y, [x[i] for i in used]) for y, x in rows])
        w = [0.0] * 10
        for i, wi in zip(used, w_used):
            w[i] = wi
        print(f"// {names[model]}: {len(rows)} beads, {sum(y for y, _ in rows)} right, in-sample ECE {ece(rows, w):.4f}")
        print(f"internal static readonly double[] {names[model]} = [{', '.join(f'{v:.4f}' for v in w)}];")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/calib.csv")

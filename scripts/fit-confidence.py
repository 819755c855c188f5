#!/usr/bin/env python3
"""Fits the confidence models (logistic regression, Newton/IRLS with a light L2 penalty) on bead features.

Usage:
  CYBERALIGN_CALIBRATION_OUT=/tmp/calib.csv dotnet test tests/CyberGov.Align.Tests -c Release \
      --filter FullyQualifiedName~ConfidenceCalibration        # writes features + gold labels (needs ../shared)
  python3 scripts/fit-confidence.py /tmp/calib.csv            # prints C# weight arrays for Alignment/Confidence.cs
  python3 scripts/fit-confidence.py --cv /tmp/calib.csv       # ECE per set, shipped and refitted leaving each text out
The CSV has one row per bead: set (aca, mag, mac-dev, or deleted-SET: the same text with every ninth 1-1 target
sentence deleted), model (0 linked, 1 translation, 2 null), right (gold), confidence (as shipped), features x0..x9.
Shipped confidences of an offline alignment are bead posteriors (BandedSearch.Posteriors), fitted on nothing but a
temperature; the logistic weights printed here serve where there are no posteriors (translation-decided beads, and the
first pass that picks beads to learn a lexicon from). The fitting uses the sets that are not deleted copies.
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

def read(path):
    with open(path) as f:
        return [(row["set"], int(row["model"]), int(row["right"]), float(row["confidence"]), [float(row[k]) for k in row if k.startswith("x")]) for row in csv.DictReader(f)]

def fit_model(rows):
    used = [i for i in range(len(rows[0][1])) if any(x[i] != 0 for _, x in rows)]
    w_used = fit([(y, [x[i] for i in used]) for y, x in rows])
    w = [0.0] * len(rows[0][1])
    for i, wi in zip(used, w_used):
        w[i] = wi
    return w

def ece_of(pairs):
    """Expected calibration error over ten equal-width bins of (confidence, right) pairs."""
    bins = [[0, 0.0, 0.0] for _ in range(10)]
    for p, y in pairs:
        b = bins[min(9, int(p * 10))]
        b[0] += 1; b[1] += p; b[2] += y
    return sum(abs(b[1] - b[2]) for b in bins if b[0]) / len(pairs)

def sigmoid(w, x):
    return 1 / (1 + math.exp(-max(-30, min(30, sum(wi * xi for wi, xi in zip(w, x))))))

def cross_validate(path):
    """ECE on each set of the shipped confidences (for offline beads, posteriors: every set is held out but for the one
    temperature), and of the logistic model refitted without the held-out text (its intact and deleted copies)."""
    rows = read(path)
    texts = ["aca", "mag", "mac-dev"]
    print("model   set              beads  wrong  ECE shipped  ECE logistic refit without the text  share >= 0.9 right (claimed)")
    for model, name in [(0, "linked"), (2, "null")]:
        for text in texts:
            members = [text, "deleted-" + text]
            train = [(r[2], r[4]) for r in rows if r[1] == model and r[0] not in members]
            w = fit_model(train) if len(train) >= 20 else None
            for member in members:
                held = [r for r in rows if r[1] == model and r[0] == member]
                if not held:
                    continue
                shipped = [(r[3], r[2]) for r in held]
                refit = f"{ece_of([(sigmoid(w, r[4]), r[2]) for r in held]):.4f}" if w else "-"
                high = [(p, y) for p, y in shipped if p >= 0.9]
                claim = f"{sum(y for _, y in high) / len(high):.3f} ({sum(p for p, _ in high) / len(high):.3f})" if high else "-"
                print(f"{name:7} {member:16} {len(held):5} {sum(1 - r[2] for r in held):6}  {ece_of(shipped):11.4f}  {refit:>36}  {claim}")

def main(path):
    by_model = {}
    for s, model, y, _, x in read(path):
        if not s.startswith("deleted-"):
            by_model.setdefault(model, []).append((y, x))
    names = {0: "LinkWeights", 1: "TranslationWeights", 2: "NullWeights"}
    for model, rows in sorted(by_model.items()):
        w = fit_model(rows)
        print(f"// {names[model]}: {len(rows)} beads, {sum(y for y, _ in rows)} right, in-sample ECE {ece(rows, w):.4f}")
        print(f"internal static readonly double[] {names[model]} = [{', '.join(f'{v:.4f}' for v in w)}];")

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--cv"]
    (cross_validate if "--cv" in sys.argv else main)(args[0] if args else "/tmp/calib.csv")

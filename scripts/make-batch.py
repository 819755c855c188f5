#!/usr/bin/env python3
"""Builds a folder of N small parallel document pairs (NAME.zh.txt + NAME.en.txt, one sentence per line) from the
development sets, cut at gold bead boundaries every ~25 beads so each pair really is a translation; the pieces are
reused (with new names) until there are N pairs.
Usage: scripts/make-batch.py N FOLDER      e.g. scripts/make-batch.py 10000 /tmp/batch10k   (needs ../shared)"""
import os, sys

def beads(path):
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            a, b = line.split(":")[:2]
            yield [int(x) for x in a[1:-1].split(",") if x], [int(x) for x in b[1:-1].split(",") if x]

def pieces(data):
    sets = [(f"mac-dev/zh/{i:03d}", f"mac-dev/en/{i:03d}", f"mac-dev/gold/{i:03d}.align", False) for i in range(1, 7)]
    sets += [("aca/tgt/001", "aca/src/001", "aca/gold/001.align", True), ("mag/tgt/003", "mag/src/003", "mag/gold/003.align", True)]
    for zh, en, gold, swap in sets:
        zl = open(os.path.join(data, zh), encoding="utf-8").read().rstrip("\n").split("\n")
        el = open(os.path.join(data, en), encoding="utf-8").read().rstrip("\n").split("\n")
        chunk_z, chunk_e, count = [], [], 0
        for a, b in beads(os.path.join(data, gold)):
            z, e = (b, a) if swap else (a, b)
            chunk_z += [zl[i] for i in z]
            chunk_e += [el[j] for j in e]
            count += 1
            if count == 25:
                yield chunk_z, chunk_e
                chunk_z, chunk_e, count = [], [], 0
        if chunk_z and chunk_e:
            yield chunk_z, chunk_e

def main(n, folder):
    data = os.environ.get("CYBERALIGN_DEVDATA") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "dev")
    if not os.path.isdir(data):
        sys.exit(f"no dev data at {data}")
    all_pieces = [p for p in pieces(data) if p[0] and p[1]]
    os.makedirs(folder, exist_ok=True)
    for k in range(n):
        z, e = all_pieces[k % len(all_pieces)]
        with open(os.path.join(folder, f"doc{k:06d}.zh.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(z) + "\n")
        with open(os.path.join(folder, f"doc{k:06d}.en.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(e) + "\n")
    print(f"{folder}: {n} pairs from {len(all_pieces)} distinct pieces")

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])

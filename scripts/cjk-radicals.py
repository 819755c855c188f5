#!/usr/bin/env python3
"""Prints the CJK radical -> unified ideograph table used by the PDF reader.

PDF printers (Chromium's among them) write a ToUnicode map that names a glyph shared by a radical and an ideograph
(大 and the Kangxi radical U+2F24) by the lowest code point, the radical; text extracted from such a PDF then holds
radicals where the page showed ordinary characters. The table comes from a CJK font's own character map: a radical
and an ideograph drawn with the same glyph are the same character to the reader.

usage: scripts/cjk-radicals.py [FONT.ttc|FONT.otf]   (default: Debian's fonts-noto-cjk NotoSansCJK-Regular.ttc)
Prints two lines, the radicals and their ideographs, for PdfReader's Radicals and Ideographs.
"""
import struct
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
data = open(path, "rb").read()
offsets = [0]
if data[:4] == b"ttcf":
    count = struct.unpack(">I", data[8:12])[0]
    offsets = [struct.unpack(">I", data[12 + 4 * k:16 + 4 * k])[0] for k in range(count)]


def glyphs(offset):
    """The font's character map (format 12 subtable): code point -> glyph id."""
    num_tables = struct.unpack(">H", data[offset + 4:offset + 6])[0]
    cmap = None
    for t in range(num_tables):
        rec = offset + 12 + 16 * t
        tag, _, table_offset, _ = struct.unpack(">4sIII", data[rec:rec + 16])
        if tag == b"cmap":
            cmap = table_offset
    glyph_of = {}
    count = struct.unpack(">H", data[cmap + 2:cmap + 4])[0]
    for k in range(count):
        _, _, sub = struct.unpack(">HHI", data[cmap + 4 + 8 * k:cmap + 12 + 8 * k])
        start = cmap + sub
        if struct.unpack(">H", data[start:start + 2])[0] != 12:
            continue
        groups = struct.unpack(">I", data[start + 12:start + 16])[0]
        for g in range(groups):
            first, last, glyph = struct.unpack(">III", data[start + 16 + 12 * g:start + 28 + 12 * g])
            for cp in range(first, last + 1):
                glyph_of.setdefault(cp, glyph + cp - first)
        break
    return glyph_of


# Every font of the collection (the Japanese, Simplified and Traditional Chinese, Korean and Hong Kong forms draw
# some radicals differently): a radical takes the ideograph of the first font that draws both with one glyph.
candidates = {}
for offset in offsets:
    glyph_of = glyphs(offset)
    ideograph_of_glyph = {}
    for cp in list(range(0x4E00, 0xA000)) + list(range(0x3400, 0x4DC0)):
        if cp in glyph_of:
            ideograph_of_glyph.setdefault(glyph_of[cp], cp)
    for cp in range(0x2E80, 0x2FE0):
        if cp in glyph_of and glyph_of[cp] in ideograph_of_glyph:
            candidates.setdefault(cp, []).append(ideograph_of_glyph[glyph_of[cp]])


def simplified(cp):
    try:
        chr(cp).encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


# Mainland Chinese text is what these PDFs mostly hold: among the fonts' candidates, a character of GB 2312 first
# (户 rather than the Japanese 戸 for the door radical), else the first font's.
mapping = {cp: next((c for c in cs if simplified(c)), cs[0]) for cp, cs in candidates.items()}
pairs = sorted(mapping.items())
print("".join(chr(r) for r, _ in pairs))
print("".join(chr(u) for _, u in pairs))
print(len(pairs), "pairs from", len(offsets), "fonts", file=sys.stderr)

#!/usr/bin/env python3
"""Cut Noto Sans CJK SC (Regular) down to the GB2312 character set plus Latin,
punctuation and the symbols the app draws, and write it as an OpenType file
the app and the PDF report embed. With `--serif`, cut Noto Serif CJK SC
(Regular) to the same characters: the PDF's official style sets its body in
it, standing in for FangSong (仿宋) as GB/T 9704-2012 asks.

Source: Debian's fonts-noto-cjk (`apt-get install fonts-noto-cjk`), licensed
under the SIL Open Font License 1.1 (assets/fonts/OFL.txt).

Usage: python3 scripts/make-font-subset.py [--serif] [SOURCE.ttc] [OUT.otf]
Needs: pip install fonttools
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SERIF = "--serif" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a != "--serif"]
FAMILY = "Serif" if SERIF else "Sans"
SOURCE = ARGS[0] if len(ARGS) > 0 else f"/usr/share/fonts/opentype/noto/Noto{FAMILY}CJK-Regular.ttc"
OUT = ARGS[1] if len(ARGS) > 1 else f"assets/fonts/Noto{FAMILY}SC-Regular-GB2312.otf"


def gb2312_chars():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    collection = TTCollection(SOURCE)
    font = None
    for candidate in collection.fonts:
        name = candidate["name"].getDebugName(1) or ""
        if "SC" in name and "Mono" not in name and FAMILY in name:
            font = candidate
            break
    if font is None:
        sys.exit(f"no Noto {FAMILY} CJK SC face found in " + SOURCE)
    chars = gb2312_chars()
    chars |= {chr(c) for c in range(0x20, 0x7F)}  # ASCII
    chars |= {chr(c) for c in range(0xA0, 0x180)}  # Latin-1 and Latin Extended-A
    chars |= set("–—‘’“”…•·←↑→↓↔≤≥≈±×÷−√∞°‰€£¥©®™✓✔✗✘★☆●○◆◇■□▲△▼▽▶◀⚠ⓘ")
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    font.save(OUT)
    print(f"wrote {OUT} with {len(chars)} characters")


if __name__ == "__main__":
    main()

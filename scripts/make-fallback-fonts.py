"""How resources/fonts/hanazono-*-fallback.* were made (run once by a developer, not at build time).

WenQuanYi Micro Hei lacks CJK Extension A and B ideographs (䶮, 𠮷…). The fallback fonts are
Hanazono Mincho A and B (Debian fonts-hanazono; Hanazono Font License, see hanazono.LICENSE.txt)
cut down with fontTools to the CJK characters Micro Hei lacks. B is shipped xz-compressed
(12.8 MB instead of 30 MB) and unpacked into the user's cache on first use.

    apt-get install fonts-hanazono && python scripts/make-fallback-fonts.py
"""

import lzma
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
RANGES = [
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x31C0, 0x31EF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
]


def main() -> None:
    have = set(TTCollection(FONTS / "wqy-microhei.ttc").fonts[0].getBestCmap())
    need = {c for a, b in RANGES for c in range(a, b + 1)} - have
    for source, target in (("HanaMinA", "hanazono-a-fallback.ttf"), ("HanaMinB", "hanazono-b-fallback.ttf")):
        font = TTFont(HANAZONO / f"{source}.ttf")
        chars = need & set(font.getBestCmap())
        options = subset.Options()
        options.layout_features, options.name_IDs, options.hinting = [], ["*"], False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=chars)
        subsetter.subset(font)
        font.save(FONTS / target)
        print(f"{target}: {len(chars)} characters")
    with (
        open(FONTS / "hanazono-b-fallback.ttf", "rb") as src,
        lzma.open(FONTS / "hanazono-b-fallback.ttf.xz", "wb", preset=9 | lzma.PRESET_EXTREME) as dst,
    ):
        shutil.copyfileobj(src, dst)
    (FONTS / "hanazono-b-fallback.ttf").unlink()


if __name__ == "__main__":
    main()

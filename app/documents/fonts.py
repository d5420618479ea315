"""Fonts for PDFs: WenQuanYi Micro Hei for the text, Hanazono for the rare characters it lacks.

reportlab does not fall back from one font to another by itself, so `markup()` wraps each
run of characters the main font cannot draw in a <font> tag naming a fallback that can;
every font is embedded as a subset. Registered once, on first use (60–140 ms each).
"""

from __future__ import annotations

import lzma
import shutil
from functools import cache
from xml.sax.saxutils import escape

import platformdirs

from app.paths import resources_dir

MAIN = "CD-Hei"
FALLBACK_A = "CD-HanaA"
FALLBACK_B = "CD-HanaB"


# Full-width punctuation that must not start a line (GB/T 15834). reportlab 5.1's list lacks
# these, and its CJK wrapping reads the list from two modules' globals, so extend it there.
_CANNOT_START = "，；：！？》…"


@cache
def _cmaps() -> dict[str, set[int]]:
    from reportlab.lib import textsplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # one-font paragraphs wrap in textsplit, mixed ones in paragraph
        module.ALL_CANNOT_START += "".join(c for c in _CANNOT_START if c not in module.ALL_CANNOT_START)

    folder = resources_dir() / "fonts"
    fonts = {
        MAIN: TTFont(MAIN, str(folder / "wqy-microhei.ttc"), subfontIndex=0),
        FALLBACK_A: TTFont(FALLBACK_A, str(folder / "hanazono-a-fallback.ttf")),
    }
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    return {name: set(font.face.charToGlyph) for name, font in fonts.items()}


@cache
def _fallback_b() -> set[int]:
    """Extension B and beyond: unpacked from the shipped .xz into the user cache the first time."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    packed = resources_dir() / "fonts" / "hanazono-b-fallback.ttf.xz"
    target = platformdirs.user_cache_path("ComplaintDesk") / "fonts" / f"hanazono-b-{packed.stat().st_size}.ttf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        with lzma.open(packed) as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        partial.replace(target)
    font = TTFont(FALLBACK_B, str(target))
    pdfmetrics.registerFont(font)
    return set(font.face.charToGlyph)


def register() -> str:
    """Make sure the fonts are registered; returns the main font's name."""
    _cmaps()
    return MAIN


def font_for(char: str) -> str | None:
    """The font that draws `char`: the main one when it can, else a fallback; None if none can."""
    code = ord(char)
    maps = _cmaps()
    if code in maps[MAIN] or char in "\n\t ":
        return MAIN
    if code in maps[FALLBACK_A]:
        return FALLBACK_A
    if code >= 0x20000 and code in _fallback_b():
        return FALLBACK_B
    return None


def markup(text: str) -> str:
    """Text → Paragraph markup: XML-escaped, rare characters in their fallback font, newlines as breaks."""
    out: list[str] = []
    run, run_font = [], MAIN

    def flush() -> None:
        if run:
            chunk = escape("".join(run)).replace("\n", "<br/>")
            out.append(chunk if run_font == MAIN else f'<font name="{run_font}">{chunk}</font>')
            run.clear()

    for char in text:
        font = font_for(char) or MAIN  # nothing has it (an emoji): the main font's empty box, not a crash
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(out)


def missing(text: str) -> set[str]:
    """Characters no shipped font can draw (shown to the clerk before printing)."""
    return {c for c in text if font_for(c) is None}

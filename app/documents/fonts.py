"""Fonts for PDFs, in the roles GB/T 9704 gives them: the body (仿宋 in the standard), the title
(小标宋), the headings and the forms (黑体), the second-level headings (楷体).

Shipped and free: AR PL SungtiL GB (a 宋体) for body and title, AR PL KaitiM GB for 楷体 —
both every GB 2312 hanzi, TrueType — and WenQuanYi Micro Hei for 黑体; Hanazono Mincho for the
rare characters none of them has. An office that owns 仿宋_GB2312 or 方正小标宋 gives the files in
its settings; they are then the body and title fonts (resources/fonts/README.md says why).

reportlab does not fall back from one font to another by itself, so `markup()` wraps each run of
characters a font cannot draw in a <font> tag naming the next font of the chain that can; every
font is embedded as a subset. Each is registered once, on first use (60–140 ms each).
"""

from __future__ import annotations

import hashlib
import io
import lzma
import shutil
from functools import cache
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import platformdirs

from app.errors import ComplaintDeskError
from app.paths import resources_dir

MAIN = HEI = "CD-Hei"
SONG = "CD-Song"
KAI = "CD-Kai"
FALLBACK_A = "CD-HanaA"
FALLBACK_B = "CD-HanaB"
SHIPPED = {
    HEI: ("wqy-microhei.ttc", 0),
    SONG: ("arphic-gbsn00lp.ttf", None),
    KAI: ("arphic-gkai00mp.ttf", None),
    FALLBACK_A: ("hanazono-a-fallback.ttf", None),
}
GB2312_HANZI = 6763
ZERO, CIRCLE = 0x3007, 0x25CB  # 〇 (the zero of Chinese dates), ○ (GB 2312's circle)


# Full-width punctuation that must not start a line (GB/T 15834). reportlab 5.1's list lacks
# these, and its CJK wrapping reads the list from two modules' globals, so extend it there.
_CANNOT_START = "，；：！？》…"


@cache
def _wrapping() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # one-font paragraphs wrap in textsplit, mixed ones in paragraph
        module.ALL_CANNOT_START += "".join(c for c in _CANNOT_START if c not in module.ALL_CANNOT_START)


def _register(name: str, path: Path, index: int | None = None) -> set[int]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _wrapping()
    font = TTFont(name, str(path), subfontIndex=index) if index is not None else TTFont(name, str(path))
    face = font.face
    if ZERO not in face.charToGlyph and CIRCLE in face.charToGlyph:  # GB 2312 fonts: 〇 drawn as their ○
        face.charToGlyph[ZERO] = face.charToGlyph[CIRCLE]
        face.charWidths[ZERO] = face.charWidths[CIRCLE]
    pdfmetrics.registerFont(font)
    return set(font.face.charToGlyph)


@cache
def cmap(name: str) -> set[int]:
    """The characters a registered font draws (a shipped font is registered on first use)."""
    if name == FALLBACK_B:
        return _fallback_b()
    if name in SHIPPED:
        file, index = SHIPPED[name]
        return _register(name, resources_dir() / "fonts" / file, index)
    raise KeyError(name)


def _fallback_b() -> set[int]:
    """Extension B and beyond: unpacked from the shipped .xz into the user cache the first time."""
    packed = resources_dir() / "fonts" / "hanazono-b-fallback.ttf.xz"
    target = _cache_dir() / f"hanazono-b-{packed.stat().st_size}.ttf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        with lzma.open(packed) as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        partial.replace(target)
    return _register(FALLBACK_B, target)


def _cache_dir() -> Path:
    return platformdirs.user_cache_path("ComplaintDesk") / "fonts"


def office_font(sha: str, load: Callable[[], bytes]) -> str:
    """An office's own font file (kept in the document store under `sha`) registered under a name
    of its own, copied to the user cache the first time; returns the name. The same file gives the
    same name, so documents stay reproducible."""
    name = f"CD-Office-{sha[:12]}"
    if name not in _office:
        target = _cache_dir() / f"office-{sha}.ttf"
        if not target.exists():
            data = load()
            if hashlib.sha256(data).hexdigest() != sha:
                raise FontRefused("办公室字体文件与登记时不一致，请在办公室设置中重新选择")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.with_suffix(".partial").write_bytes(data)
            target.with_suffix(".partial").replace(target)
        with open(target, "rb") as f:
            collection = f.read(4) == b"ttcf"
        _office[name] = _register(name, target, 0 if collection else None)
    return name


_office: dict[str, set[int]] = {}


class FontRefused(ComplaintDeskError):
    """A font file the documents cannot use; the message says why."""


def check_office_font(data: bytes, role: str) -> int:
    """How many GB 2312 hanzi the file draws; raises FontRefused if it is not a TrueType font
    reportlab can embed (OpenType/CFF outlines are refused) or lacks GB 2312 hanzi.
    `role`: body or title, named in the message."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        face = TTFontFile(io.BytesIO(data), subfontIndex=0)
    except Exception:  # noqa: BLE001 - any unreadable file says the same to the clerk
        if role == "body":
            raise FontRefused("正文字体不是可嵌入的 TrueType 字体（OpenType/CFF 字体请先转换）") from None
        raise FontRefused("标题字体不是可嵌入的 TrueType 字体（OpenType/CFF 字体请先转换）") from None
    drawn = sum(ord(c) in face.charToGlyph for c in gb2312_hanzi())
    if drawn < GB2312_HANZI and role == "body":
        raise FontRefused("正文字体只含 {n} 个 GB 2312 汉字（应为 {total} 个）", n=drawn, total=GB2312_HANZI)
    if drawn < GB2312_HANZI:
        raise FontRefused("标题字体只含 {n} 个 GB 2312 汉字（应为 {total} 个）", n=drawn, total=GB2312_HANZI)
    return drawn


@cache
def gb2312_hanzi() -> str:
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(out)


def register(*names: str) -> str:
    """Make sure the forms' font and `names` are registered; returns the forms' font."""
    for name in (HEI, *names):
        if name not in _office:
            cmap(name)
    return HEI


def _chain(main: str) -> tuple[str, ...]:
    """Where a character `main` lacks is looked for: a 宋体 line falls back to a Mincho (〇, rare
    characters) before the 黑体; a 黑体 line to the Mincho for what the 黑体 lacks."""
    if main == HEI:
        return (HEI, FALLBACK_A)
    return tuple(dict.fromkeys((main, SONG, FALLBACK_A, HEI)))


def _draws(name: str, code: int) -> bool:
    return code in (_office[name] if name in _office else cmap(name))


def font_for(char: str, main: str = HEI) -> str | None:
    """The font that draws `char`: `main` when it can, else the next of the chain; None if none can."""
    code = ord(char)
    if char in "\n\t ":
        return main
    for name in _chain(main):
        if _draws(name, code):
            return name
    if code >= 0x20000 and code in cmap(FALLBACK_B):
        return FALLBACK_B
    return None


def markup(text: str, main: str = HEI) -> str:
    """Text → Paragraph markup in `main`: XML-escaped, characters it lacks in the font that has
    them, newlines as breaks."""
    out: list[str] = []
    run: list[str] = []
    run_font = main

    def flush() -> None:
        if run:
            chunk = escape("".join(run)).replace("\n", "<br/>")
            out.append(chunk if run_font == main else f'<font name="{run_font}">{chunk}</font>')
            run.clear()

    for char in text:
        font = font_for(char, main) or main  # nothing has it (an emoji): the main font's empty box, not a crash
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(out)


def missing(text: str) -> set[str]:
    """Characters no shipped font can draw (shown to the clerk before printing)."""
    return {c for c in text if font_for(c) is None}

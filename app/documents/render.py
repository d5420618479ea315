"""A document → A4 PDF bytes, laid out as GB/T 9704-2012 lays out an official document: A4 with
the type area 156 × 225 mm at 37 mm from the top and 28 mm from the left; the red letterhead and
rule, the document number under it in 3号; the title in 2号; the body in 3号 with 22 lines of 28
characters (15.79 pt: the width 28 characters take in the type area — the standard's own count),
two-character indents; signature and seal area on the right, the date in Chinese; the page number
between dashes 7 mm under the type area. Later pages repeat the letterhead line and number.
Forms (the register receipt, the evidence list) keep their tables.

Rendering is deterministic (reportlab's invariant mode): the same document renders to the
same bytes, so an issued PDF's SHA-256 identifies its content.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app import i18n
from app.documents import fonts

RED = colors.HexColor("#C00000")
# GB/T 9704-2012 geometry
TOP, LEFT, TYPE_WIDTH, TYPE_HEIGHT = 37 * mm, 28 * mm, 156 * mm, 225 * mm
RIGHT, BOTTOM = A4[0] - LEFT - TYPE_WIDTH, A4[1] - TOP - TYPE_HEIGHT
LINES, CHARS = 22, 28
FRAME_PADDING = 6  # reportlab's Frame default
INK_MARGIN_MM = 11  # nothing is drawn nearer the paper's edge than this (the footer's baseline is 12 mm up)
BODY_SIZE = 15.79  # 3号 (16 pt) as 28 characters fill 156 mm
BODY_LEADING = TYPE_HEIGHT / LINES  # 28.99 pt
TITLE_SIZE = 22  # 2号
DIGITS = "〇一二三四五六七八九"


def chinese_date(day: dt.date) -> str:
    """2026-11-23 → 二〇二六年十一月二十三日 (the form official letters use)."""

    def number(n: int) -> str:
        if n < 10:
            return DIGITS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")

    return "".join(DIGITS[int(d)] for d in str(day.year)) + f"年{number(day.month)}月{number(day.day)}日"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def document_date(day: dt.date, language: str = i18n.SOURCE) -> str:
    """The date as a document in `language` writes it: 二〇二六年十一月二十三日, or 23 November 2026."""
    if language == "en":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return chinese_date(day)


def count_word(n: int, language: str = i18n.SOURCE) -> str:
    if language == "en":
        return ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")[n] if n < 10 else str(n)
    return DIGITS[n] if n < 10 else str(n)


@dataclass
class Document:
    kind: str
    title: str
    office: str
    number: str
    day: dt.date
    body: str  # the filled template: paragraphs separated by newlines
    office_address: str = ""
    office_phone: str = ""
    facts_table: list[tuple[str, str]] = field(default_factory=list)  # the intake receipt's record
    rows: list[list[str]] = field(default_factory=list)  # evidence list items
    row_headers: list[str] = field(default_factory=list)
    qr: str = ""  # the intake receipt's status-query payload
    signatures: list[str] = field(default_factory=list)  # parties who sign (agreement, receipt)
    originals: int = 0  # the agreement's number of originals
    delivery: str = ""
    replaces: str = ""  # the number of the document this one corrects
    seal: bytes | None = None  # the office seal image, placed in the seal area when chosen
    logo: bytes | None = None
    draft: bool = False
    language: str = i18n.SOURCE  # the office language (office settings): fixed wording and dates
    body_font: str = fonts.SONG  # 仿宋 in the standard: the office's own file if it gave one
    title_font: str = fonts.SONG  # 小标宋


def _styles(doc: Document):
    form = fonts.register(doc.body_font, doc.title_font)
    # CJK wrapping breaks between any two characters; English must break between words
    wrap = dict(wordWrap=None if doc.language == "en" else "CJK", textColor=colors.black)
    body = dict(fontName=doc.body_font, **wrap)
    title = dict(fontName=doc.title_font, **wrap)
    size, leading = BODY_SIZE, BODY_LEADING
    return {
        "letterhead": ParagraphStyle(
            "letterhead", **{**title, "textColor": RED}, fontSize=26, leading=36, alignment=TA_CENTER
        ),
        "number": ParagraphStyle("number", **body, fontSize=size, leading=leading, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", **title, fontSize=TITLE_SIZE, leading=leading * 1.2, alignment=TA_CENTER, spaceAfter=leading
        ),
        "body": ParagraphStyle(
            "body", **body, fontSize=size, leading=leading, firstLineIndent=2 * size, alignment=TA_JUSTIFY
        ),
        "plain": ParagraphStyle("plain", **body, fontSize=size, leading=leading),
        "cell": ParagraphStyle("cell", fontName=form, **wrap, fontSize=10.5, leading=15),
        "small": ParagraphStyle("small", fontName=form, **wrap, fontSize=10, leading=15),
        "right": ParagraphStyle("right", **body, fontSize=size, leading=leading, alignment=TA_RIGHT),
        "signature": ParagraphStyle("signature", **body, fontSize=size, leading=leading, spaceBefore=leading / 2),
    }


class _Rule(Flowable):
    """The red line under the letterhead."""

    def __init__(self, width: float):
        super().__init__()
        self.width, self.height = width, 4

    def draw(self) -> None:
        self.canv.setStrokeColor(RED)
        self.canv.setLineWidth(1.5)
        self.canv.line(0, 2, self.width, 2)


# GB/T 9704 headings: "一、" first level in 黑体, "（一）" second level in 楷体 — the heading itself,
# up to its first full stop or colon, the rest of the paragraph in the body font
_HEADING = re.compile(r"^(?:(?P<first>[一二三四五六七八九十]+、)|(?P<second>（[一二三四五六七八九十]+）))")


def _p(text: str, style) -> Paragraph:
    if style.wordWrap is None and _mostly_chinese(text):  # what was typed in Chinese, inside an English document
        style = style.clone(f"{style.name}-cjk", wordWrap="CJK")
    m = _HEADING.match(text) if style.fontName != fonts.HEI else None
    if m is None:
        return Paragraph(fonts.markup(text, style.fontName), style)
    ends = [i for i in (text.find("："), text.find("。")) if i >= 0]
    cut = min(ends) + 1 if ends else len(text)
    font = fonts.HEI if m["first"] else fonts.KAI
    fonts.register(font)
    head = f'<font name="{font}">{fonts.markup(text[:cut], font)}</font>'
    return Paragraph(head + fonts.markup(text[cut:], style.fontName), style)


def _mostly_chinese(text: str) -> bool:
    """Chinese needs CJK line breaking (between characters, never before ，。); English breaks between words."""
    han = len(i18n.chinese().findall(text))
    return han * 3 >= len(text.replace(" ", "")) > 0


def render(doc: Document) -> bytes:
    styles = _styles(doc)
    t = i18n.translator(doc.language, "documents")
    out = io.BytesIO()
    width = TYPE_WIDTH
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        # the frame pads its content by 6 pt on every side: the margins give it back, so the text
        # stands exactly in the type area
        leftMargin=LEFT - FRAME_PADDING,
        rightMargin=RIGHT - FRAME_PADDING,
        topMargin=TOP - FRAME_PADDING,
        bottomMargin=BOTTOM - FRAME_PADDING,
        title=f"{doc.title} {doc.number}",
        author=doc.office,
        creator="ComplaintDesk",
        invariant=1,
    )
    story: list = []
    if doc.logo:
        story.append(Image(io.BytesIO(doc.logo), width=18 * mm, height=18 * mm, kind="proportional"))
    story += [
        _p(doc.office, styles["letterhead"]),
        Spacer(1, BODY_LEADING),
        _p(doc.number, styles["number"]),
        Spacer(1, 4 * mm - 2),  # the red rule 4 mm under the number
        _Rule(width),
        Spacer(1, BODY_LEADING),
        _p(doc.title, styles["title"]),
    ]
    if doc.replaces:
        story.append(_p(t("（本文书更正并取代 {number}）").format(number=doc.replaces), styles["number"]))
    paragraphs = [line for line in doc.body.split("\n")]
    for i, line in enumerate(paragraphs):
        addressee = i == 0 and line.endswith(("：", ":", ",")) and len(line) < 60
        story.append(_p(line, styles["plain"] if addressee else styles["body"]))
    if doc.facts_table:
        table = Table(
            [[_p(k, styles["cell"]), _p(v, styles["cell"])] for k, v in doc.facts_table],
            colWidths=[32 * mm, width - 32 * mm],
            repeatRows=0,
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                ]
            )
        )
        story += [Spacer(1, 8), table]
    if doc.rows:
        header = [_p(h, styles["cell"]) for h in doc.row_headers]
        body = [[_p(v, styles["small"]) for v in row] for row in doc.rows]
        widths = [10 * mm, 22 * mm, 18 * mm, 28 * mm, width - 78 * mm]
        table = Table([header, *body], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
                ]
            )
        )
        story += [Spacer(1, 8), table]
    if doc.qr:
        widget = QrCodeWidget(doc.qr, barLevel="M")
        x1, y1, x2, y2 = widget.getBounds()
        size = 30 * mm
        drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
        drawing.add(widget)
        story += [
            Spacer(1, 6),
            Table(
                [[drawing, _p(t("扫码或凭案件号和查询码查询办理进度：{code}").format(code=doc.qr), styles["small"])]],
                colWidths=[size + 4 * mm, width - size - 4 * mm],
                style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
            ),
        ]
    if doc.originals:
        story.append(
            _p(
                t("本协议书一式{n}份，双方当事人各执一份，本机构存档一份，具有同等效力。").format(
                    n=count_word(doc.originals, doc.language)
                ),
                styles["body"],
            )
        )
    if doc.signatures:
        story.append(Spacer(1, 10))
        for who in doc.signatures:
            story.append(
                _p(
                    t("{who}（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日").format(who=t(who)),
                    styles["signature"],
                )
            )
    seal_area = [
        Spacer(1, 14),
        _p(t("{office}（盖章）").format(office=doc.office), styles["right"]),
        _p(document_date(doc.day, doc.language), styles["right"]),
    ]
    if doc.seal:
        seal = Image(io.BytesIO(doc.seal), width=34 * mm, height=34 * mm, kind="proportional")
        seal.hAlign = "RIGHT"
        seal_area = [Spacer(1, 4), seal, *seal_area[1:]]
    story.append(KeepTogether(seal_area))

    def first_page(canvas, _doc) -> None:
        _page_furniture(canvas, doc, first=True)

    def later_pages(canvas, _doc) -> None:
        _page_furniture(canvas, doc, first=False)

    template.build(story, onFirstPage=first_page, onLaterPages=later_pages)
    return out.getvalue()


def _page_furniture(canvas, doc: Document, first: bool) -> None:
    canvas.saveState()
    name = fonts.MAIN
    t = i18n.translator(doc.language, "documents")
    if not first:  # the header repeated: who, which document
        canvas.setFont(name, 10)
        canvas.setFillColor(RED)
        canvas.drawString(LEFT, A4[1] - TOP + 12 * mm, doc.office)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(LEFT + TYPE_WIDTH, A4[1] - TOP + 12 * mm, f"{doc.title}　{doc.number}")
        canvas.setStrokeColor(RED)
        canvas.line(LEFT, A4[1] - TOP + 10 * mm, LEFT + TYPE_WIDTH, A4[1] - TOP + 10 * mm)
    canvas.setFont(name, 14)  # 4号, its top 7 mm under the type area
    canvas.drawCentredString(A4[0] / 2, BOTTOM - 7 * mm - 14 * 0.8, f"— {canvas.getPageNumber()} —")
    footer = "　".join(
        part
        for part in (
            t("送达方式：{0}").format(doc.delivery) if doc.delivery else "",
            t("地址：{0}").format(doc.office_address) if doc.office_address else "",
            t("电话：{0}").format(doc.office_phone) if doc.office_phone else "",
        )
        if part
    )
    if footer:  # drawn, not flowed: it never pushes the seal area onto a page of its own
        canvas.setFont(name, 9)
        canvas.drawString(LEFT, 12 * mm, footer)
    if doc.draft:
        canvas.setFillColor(colors.Color(0.8, 0.8, 0.8, alpha=0.5))
        canvas.setFont(name, 60)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, t("草稿 未出具"))
    canvas.restoreState()

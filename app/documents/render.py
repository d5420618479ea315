"""A document → A4 PDF bytes, laid out like a Chinese official letter (GB/T 9704 style):
red letterhead and rule, document number under it, centred title, body with two-character
indents, signature and seal area on the right, date in Chinese. Later pages repeat the
letterhead line and number; every page carries its number.

Rendering is deterministic (reportlab's invariant mode): the same document renders to the
same bytes, so an issued PDF's SHA-256 identifies its content.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app import i18n
from app.documents import fonts

RED = colors.HexColor("#C00000")
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


def _styles(language: str):
    name = fonts.register()
    # CJK wrapping breaks between any two characters; English must break between words
    base = dict(fontName=name, wordWrap=None if language == "en" else "CJK", textColor=colors.black)
    return {
        "letterhead": ParagraphStyle(
            "letterhead", **{**base, "textColor": RED}, fontSize=24, leading=32, alignment=TA_CENTER
        ),
        "number": ParagraphStyle("number", **base, fontSize=12, leading=18, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", **base, fontSize=20, leading=30, alignment=TA_CENTER, spaceBefore=6, spaceAfter=10
        ),
        "body": ParagraphStyle("body", **base, fontSize=13, leading=23, firstLineIndent=26, alignment=TA_LEFT),
        "plain": ParagraphStyle("plain", **base, fontSize=13, leading=23),
        "cell": ParagraphStyle("cell", **base, fontSize=10.5, leading=15),
        "small": ParagraphStyle("small", **base, fontSize=10, leading=15),
        "right": ParagraphStyle("right", **base, fontSize=13, leading=23, alignment=TA_RIGHT),
        "signature": ParagraphStyle("signature", **base, fontSize=13, leading=23, spaceBefore=14),
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


def _p(text: str, style) -> Paragraph:
    if style.wordWrap is None and _mostly_chinese(text):  # what was typed in Chinese, inside an English document
        style = style.clone(f"{style.name}-cjk", wordWrap="CJK")
    return Paragraph(fonts.markup(text), style)


def _mostly_chinese(text: str) -> bool:
    """Chinese needs CJK line breaking (between characters, never before ，。); English breaks between words."""
    han = len(i18n.CHINESE.findall(text))
    return han * 3 >= len(text.replace(" ", "")) > 0


def render(doc: Document) -> bytes:
    styles = _styles(doc.language)
    t = i18n.translator(doc.language, "documents")
    out = io.BytesIO()
    width = A4[0] - 2 * 26 * mm
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=26 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=28 * mm,
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
        Spacer(1, 2),
        _p(doc.number, styles["number"]),
        _Rule(width),
        Spacer(1, 8),
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
        canvas.drawString(26 * mm, A4[1] - 18 * mm, doc.office)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(A4[0] - 26 * mm, A4[1] - 18 * mm, f"{doc.title}　{doc.number}")
        canvas.setStrokeColor(RED)
        canvas.line(26 * mm, A4[1] - 20 * mm, A4[0] - 26 * mm, A4[1] - 20 * mm)
    canvas.setFont(name, 10)
    canvas.drawCentredString(A4[0] / 2, 14 * mm, f"— {canvas.getPageNumber()} —")
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
        canvas.drawString(26 * mm, 20 * mm, footer)
    if doc.draft:
        canvas.setFillColor(colors.Color(0.8, 0.8, 0.8, alpha=0.5))
        canvas.setFont(name, 60)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, t("草稿 未出具"))
    canvas.restoreState()

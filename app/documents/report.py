"""The periodic supervision report as a PDF: the figures of app.statistics with charts
(reportlab's own chart library, the same embedded fonts as the documents) and tables."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app import checks, statistics
from app.statistics import days_text, percent_text
from app.documents import fonts
from app.documents.issuing import letterhead
from app.documents.render import chinese_date

BAR = colors.HexColor("#3d6a8a")
WIDTH = A4[0] - 40 * mm


def _styles():
    name = fonts.register()
    base = dict(fontName=name, wordWrap="CJK")
    return {"title": ParagraphStyle("t", **base, fontSize=18, leading=26, alignment=1, spaceAfter=4),
            "sub": ParagraphStyle("s", **base, fontSize=10, leading=14, alignment=1, textColor=colors.grey),
            "h": ParagraphStyle("h", **base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4),
            "cell": ParagraphStyle("c", **base, fontSize=9.5, leading=13)}


def _table(rows: list[list], widths: list[float], styles) -> Table:
    cells = [[Paragraph(fonts.markup(str(v)), styles["cell"]) for v in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8F0FE")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _bars(title: str, pairs: list[tuple[str, int]], horizontal: bool = True, height: float = 0) -> Drawing:
    """A bar chart of (label, count) with Chinese labels in the embedded font."""
    pairs = (pairs[:12] if horizontal else pairs) or [("（无）", 0)]
    name = fonts.MAIN
    if horizontal:
        height = height or 16 * len(pairs) + 40
        drawing = Drawing(WIDTH, height)
        chart = HorizontalBarChart()
        chart.x, chart.y, chart.width, chart.height = 120, 10, WIDTH - 150, height - 36
        chart.data = [[n for _, n in reversed(pairs)]]
        chart.categoryAxis.categoryNames = [label[:14] for label, _ in reversed(pairs)]
        chart.categoryAxis.labels.fontName = name
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.valueAxis.labels.fontName = name
    else:
        height = height or 150
        drawing = Drawing(WIDTH, height)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 30, 30, WIDTH - 40, height - 56
        chart.data = [[n for _, n in pairs]]
        chart.categoryAxis.categoryNames = [label for label, _ in pairs]
        chart.categoryAxis.labels.fontName = name
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.valueAxis.labels.fontName = name
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = name
    chart.barLabels.fontSize = 7
    drawing.add(chart)
    drawing.add(String(0, height - 12, title, fontName=name, fontSize=10))
    return drawing


def render(figures: statistics.Figures, handlers: list[statistics.HandlerRow],
           businesses: list[statistics.BusinessRow], open_now: statistics.OpenCases,
           today: dt.date | None = None) -> bytes:
    styles = _styles()
    office = letterhead()["name"] or "投诉调解工作台"
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"{figures.title}投诉处理情况报告", author=office,
                            creator="ComplaintDesk", invariant=1)
    f = figures
    story = [Paragraph(fonts.markup(f"{office}"), styles["sub"]),
             Paragraph(fonts.markup(f"{f.title}投诉处理情况报告"), styles["title"]),
             Paragraph(fonts.markup(f"统计口径：{f.period.start:%Y-%m-%d} 至 {(f.period.end - dt.timedelta(days=1)):%Y-%m-%d}"
                                    f" 登记的案件；生成于 {chinese_date(today or dt.date.today())}"), styles["sub"]),
             Spacer(1, 6)]
    overview = [["项目", "数值"],
                ["登记案件", f.received], ["请求金额合计", f"{checks.yuan(f.claimed_fen)} 元"],
                ["为消费者挽回（经营者承担的补救）", f"{checks.yuan(f.recovered_fen)} 元"],
                ["首次联系用时（中位 / 平均）", f"{days_text(f.to_contact.median_days)} / {days_text(f.to_contact.mean_days)}"],
                ["受理决定用时（中位 / 平均）", f"{days_text(f.to_decision.median_days)} / {days_text(f.to_decision.mean_days)}"],
                ["办结用时（中位 / 平均）", f"{days_text(f.to_resolution.median_days)} / {days_text(f.to_resolution.mean_days)}"],
                ["期限内完成比例", f"{percent_text(f.within_deadline)}（{f.deadlines_kept} 按期 / {f.deadlines_missed} 超期）"],
                ["达成协议 / 终止调解 / 不予受理", " / ".join(percent_text(f.outcome_share(x)) for x in ("达成协议", "终止调解", "不予受理"))],
                ["回访满意度（1–5）", "—" if f.satisfaction is None else f"{f.satisfaction}（{f.satisfaction_count} 次回访）"],
                ["重复投诉的投诉人", f.repeat_complainants],
                ["目前未结案件（全部期间）", f"{open_now.total}（其中超期 {dict(open_now.bands).get('已超期', 0)}）"]]
    story += [Paragraph("概况", styles["h"]), _table(overview, [70 * mm, WIDTH - 70 * mm], styles)]
    story += [Paragraph("每周登记", styles["h"]),
              _bars("每周登记案件数", [(f"{w:%m-%d}", n) for w, n in f.weekly], horizontal=False)]
    story += [KeepTogether([Paragraph("类别与渠道", styles["h"]), _bars("按类别", f.by_category),
                            _bars("按受理渠道", f.by_channel)])]
    story += [KeepTogether([Paragraph("被投诉较多的经营者", styles["h"]), _bars("按经营者（前 12）", f.by_business)])]
    rows = [["经营者", "件数", "未结", "达成协议", "重复投诉"]] + [
        [b.business, b.received, b.open, b.agreed, "是" if b.repeat else ""] for b in businesses[:30]]
    story.append(_table(rows, [WIDTH - 80 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm], styles))
    rows = [["期限", "按期", "超期", "按期比例"]] + [
        [f"{d.rule} {d.title}", d.kept, d.missed, percent_text(d.share)] for d in f.deadlines]
    story += [Paragraph("各项期限", styles["h"]), _table(rows, [WIDTH - 75 * mm, 25 * mm, 25 * mm, 25 * mm], styles)]
    rows = [["经办人", "本期登记", "目前未结", "目前超期", "本期办结", "平均办结用时"]] + [
        [h.handler, h.received, h.open, h.overdue, h.resolved, days_text(h.mean_days_to_resolution)] for h in handlers]
    story += [Paragraph("经办人工作量", styles["h"]),
              _table(rows, [WIDTH - 125 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm], styles)]
    story += [KeepTogether([Paragraph("目前未结案件", styles["h"]), _bars("按状态", open_now.by_status),
                            _bars("按期限", open_now.bands)])]

    from app import audit

    entry_id, digest = audit.head()

    def number_pages(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.MAIN, 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"— {canvas.getPageNumber()} —")
        canvas.setFont(fonts.MAIN, 6.5)
        canvas.setFillColor(colors.grey)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"审计锚点 {entry_id}:{digest[:16]}")
        canvas.restoreState()

    doc.build(story, onFirstPage=number_pages, onLaterPages=number_pages)
    return out.getvalue()


def report(period: statistics.Period, now: dt.datetime | None = None) -> tuple[statistics.Figures, bytes]:
    now = now or dt.datetime.now()
    figures = statistics.figures(period, now)
    data = render(figures, statistics.handlers(period, now.date()), statistics.businesses(period),
                  statistics.open_cases(now.date()), now.date())
    return figures, data

"""The periodic supervision report as a PDF: the figures of app.statistics with charts
(reportlab's own chart library, the same embedded fonts as the documents) and tables."""

from __future__ import annotations

import datetime as dt
import io
import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import audit, checks, clock, i18n, improvements, statistics
from app.documents import fonts
from app.documents.issuing import letterhead
from app.documents.render import document_date
from app.statistics import days_text, percent_text
from app.workflow import machine

BAR = colors.HexColor("#3d6a8a")
WIDTH = A4[0] - 40 * mm


def _styles(language: str):
    name = fonts.register()
    base = dict(fontName=name, wordWrap=None if language == "en" else "CJK")
    return {
        "title": ParagraphStyle("t", **base, fontSize=18, leading=26, alignment=1, spaceAfter=4),
        "sub": ParagraphStyle("s", **base, fontSize=10, leading=14, alignment=1, textColor=colors.grey),
        "h": ParagraphStyle("h", **base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4),
        "cell": ParagraphStyle("c", **base, fontSize=9.5, leading=13),
    }


def _table(rows: list[list], widths: list[float], styles) -> Table:
    cells = [[Paragraph(fonts.markup(str(v)), styles["cell"]) for v in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8F0FE")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _bars(
    title: str, pairs: list[tuple[str, int]], horizontal: bool = True, height: float = 0, empty: str = "（无）"
) -> Drawing:
    """A bar chart of (label, count) with Chinese labels in the embedded font."""
    pairs = (pairs[:12] if horizontal else pairs) or [(empty, 0)]
    name = fonts.MAIN
    if horizontal:
        height = height or 16 * len(pairs) + 52
        drawing = Drawing(WIDTH, height)
        chart = HorizontalBarChart()
        # room left of the axis for the longest name, and below it for the value labels
        left = min(max(stringWidth(label[:14], name, 10) for label, _ in pairs) + 8, WIDTH / 2)
        chart.x, chart.y, chart.width, chart.height = left, 22, WIDTH - left - 30, height - 48
        chart.data = [[n for _, n in reversed(pairs)]]
        chart.categoryAxis.categoryNames = [label[:14] for label, _ in reversed(pairs)]
        chart.categoryAxis.labels.fontName = name
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.valueAxis.labels.fontName = name
    else:
        # labels slant down from the axis: room below it for the longest, so nothing under the chart is covered
        below = max(stringWidth(label, name, 7) for label, _ in pairs) * math.sin(math.radians(30)) + 12
        height = (height or 150) + max(0, below - 30)
        drawing = Drawing(WIDTH, height)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 30, max(30, below), WIDTH - 40, height - 26 - max(30, below)
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


def render(
    figures: statistics.Figures,
    handlers: list[statistics.HandlerRow],
    businesses: list[statistics.BusinessRow],
    open_now: statistics.OpenCases,
    today: dt.date | None = None,
    language: str | None = None,
    causes: list[statistics.CauseRow] = (),
    actions: list[improvements.Action] = (),
) -> bytes:
    """The report in the office language (labels, dates, units); names stay as registered."""
    language = language or i18n.office_language()
    profile = machine.office_profile()
    t = i18n.translator(language, "documents")
    styles = _styles(language)
    office = letterhead()["name"] or t("投诉调解工作台")
    f = figures
    title = t("{period}投诉处理情况报告").format(period=f.period.code if language == "en" else f.title)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=office,
        creator="ComplaintDesk",
        invariant=1,
    )

    def days(value: float | None) -> str:
        return days_text(value, t("天"))

    def yuan(fen: int) -> str:
        return t("{amount} 元").format(amount=checks.yuan(fen))

    def labelled(pairs):
        return [(t(label), n) for label, n in pairs]

    story = [
        Paragraph(fonts.markup(office), styles["sub"]),
        Paragraph(fonts.markup(title), styles["title"]),
        Paragraph(
            fonts.markup(
                t("统计口径：{start} 至 {end} 登记的案件；生成于 {today}").format(
                    start=f"{f.period.start:%Y-%m-%d}",
                    end=f"{(f.period.end - dt.timedelta(days=1)):%Y-%m-%d}",
                    today=document_date(today or clock.today(), language),
                )
            ),
            styles["sub"],
        ),
        Spacer(1, 6),
    ]
    overview = [
        [t("项目"), t("数值")],
        [t("登记案件"), f.received],
        [t("请求金额合计"), yuan(f.claimed_fen)],
        [t("为消费者挽回（经营者承担的补救）"), yuan(f.recovered_fen)],
        [t("首次联系用时（中位 / 平均）"), f"{days(f.to_contact.median_days)} / {days(f.to_contact.mean_days)}"],
        [t("受理决定用时（中位 / 平均）"), f"{days(f.to_decision.median_days)} / {days(f.to_decision.mean_days)}"],
        [t("办结用时（中位 / 平均）"), f"{days(f.to_resolution.median_days)} / {days(f.to_resolution.mean_days)}"],
        [
            t("期限内完成比例"),
            t("{share}（{kept} 按期 / {missed} 超期）").format(
                share=percent_text(f.within_deadline), kept=f.deadlines_kept, missed=f.deadlines_missed
            ),
        ],
        [
            t("换货 / 退货 / 不予三包") if profile.counter else t("达成协议 / 终止调解 / 不予受理"),
            " / ".join(percent_text(f.outcome_share(x)) for x in statistics.headline_outcomes()),
        ],
        [
            t("回访满意度（1–5）"),
            "—"
            if f.satisfaction is None
            else t("{score}（{count} 次回访）").format(score=f.satisfaction, count=f.satisfaction_count),
        ],
        [t("重复投诉的投诉人"), f.repeat_complainants],
        [
            t("目前未结案件（全部期间）"),
            t("{total}（其中超期 {overdue}）").format(
                total=open_now.total, overdue=dict(open_now.bands).get("已超期", 0)
            ),
        ],
    ]
    story += [Paragraph(t("概况"), styles["h"]), _table(overview, [70 * mm, WIDTH - 70 * mm], styles)]
    story += [
        Paragraph(t("每周登记"), styles["h"]),
        _bars(t("每周登记案件数"), [(f"{w:%m-%d}", n) for w, n in f.weekly], horizontal=False, empty=t("（无）")),
    ]
    story += [
        KeepTogether(
            [
                Paragraph(t("类别与渠道"), styles["h"]),
                _bars(t("按类别"), labelled(f.by_category), empty=t("（无）")),
                _bars(t("按受理渠道"), labelled(f.by_channel), empty=t("（无）")),
            ]
        )
    ]
    if not profile.counter:  # a counter's only business is its own shop
        story += [
            KeepTogether(
                [
                    Paragraph(t("被投诉较多的经营者"), styles["h"]),
                    _bars(t("按经营者（前 12）"), f.by_business, empty=t("（无）")),
                ]
            )
        ]
        rows = [[t("经营者"), t("件数"), t("未结"), t("达成协议"), t("重复投诉")]] + [
            [b.business, b.received, b.open, b.agreed, t("是") if b.repeat else ""] for b in businesses[:30]
        ]
        story.append(_table(rows, [WIDTH - 80 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm], styles))
    story += _causes_and_actions(f, causes, actions, today or clock.today(), t, styles)
    rows = [[t("期限"), t("按期"), t("超期"), t("按期比例")]] + [
        [f"{d.rule} {t(d.title)}", d.kept, d.missed, percent_text(d.share)] for d in f.deadlines
    ]
    story += [Paragraph(t("各项期限"), styles["h"]), _table(rows, [WIDTH - 75 * mm, 25 * mm, 25 * mm, 25 * mm], styles)]
    rows = [[t("经办人"), t("本期登记"), t("目前未结"), t("目前超期"), t("本期办结"), t("平均办结用时")]] + [
        [h.handler, h.received, h.open, h.overdue, h.resolved, days(h.mean_days_to_resolution)] for h in handlers
    ]
    story += [
        Paragraph(t("经办人工作量"), styles["h"]),
        _table(rows, [WIDTH - 125 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm], styles),
    ]
    story += [
        KeepTogether(
            [
                Paragraph(t("目前未结案件"), styles["h"]),
                _bars(t("按状态"), labelled(open_now.by_status), empty=t("（无）")),
                _bars(t("按期限"), labelled(open_now.bands), empty=t("（无）")),
            ]
        )
    ]

    entry_id, digest = audit.head()

    def number_pages(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.MAIN, 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"— {canvas.getPageNumber()} —")
        canvas.setFont(fonts.MAIN, 6.5)
        canvas.setFillColor(colors.grey)
        canvas.drawRightString(
            A4[0] - 20 * mm, 10 * mm, t("审计锚点 {anchor}").format(anchor=f"{entry_id}:{digest[:16]}")
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=number_pages, onLaterPages=number_pages)
    return out.getvalue()


def _causes_and_actions(f, causes, actions, today: dt.date, t, styles) -> list:
    """ISO 10002 clauses 8–9: what the investigations found, where it repeats, and what was undertaken."""
    story = [
        Paragraph(t("原因分析"), styles["h"]),
        Paragraph(
            fonts.markup(
                t("本期 {found} 件案件经调查查明原因（共登记 {received} 件）").format(
                    found=f.causes_found, received=f.received
                )
            ),
            styles["cell"],
        ),
        _bars(t("按原因"), [(t(label), n) for label, n in f.by_cause], empty=t("（无）")),
    ]
    if causes:
        rows = [[t("经营者"), t("商品或服务"), t("型号"), t("原因"), t("件数"), t("重复故障")]] + [
            [c.business, c.product, c.model, t(c.cause), c.cases, t("是") if c.repeat else ""] for c in causes
        ]
        story.append(_table(rows, [WIDTH - 114 * mm, 30 * mm, 20 * mm, 30 * mm, 14 * mm, 20 * mm], styles))
    story.append(Paragraph(t("改进措施"), styles["h"]))
    if not actions:
        story.append(Paragraph(fonts.markup(t("本期没有登记改进措施")), styles["cell"]))
        return story
    rows = [[t("对象"), t("针对的原因"), t("改进措施"), t("负责人"), t("完成期限"), t("完成情况")]]
    for a in actions:
        if a.done_on:
            state = t("{day} 完成").format(day=f"{a.done_on:%Y-%m-%d}") + (f"：{a.outcome}" if a.outcome else "")
        else:
            state = t("逾期未完成") if a.late(today) else t("进行中")
        rows.append([a.subject, t(a.cause_label) if a.cause else "", a.what, a.who, f"{a.due_on:%Y-%m-%d}", state])
    story.append(_table(rows, [34 * mm, 26 * mm, WIDTH - 132 * mm, 18 * mm, 22 * mm, 32 * mm], styles))
    return story


def report(period: statistics.Period, now: dt.datetime | None = None) -> tuple[statistics.Figures, bytes]:
    now = now or clock.now()
    asked = statistics.dashboard(period, now, limit=statistics.TOP)  # one statement on a shared database
    data = render(
        asked.figures,
        asked.handlers,
        asked.businesses,
        asked.open_cases,
        now.date(),
        causes=asked.causes[:30],
        actions=asked.actions,
    )
    return asked.figures, data

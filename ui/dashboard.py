"""统计: the supervisor's dashboard. Figures from app.statistics (all SQL), bars drawn with
pyqtgraph; clicking a bar, or pressing Enter on a table row, shows those cases in the register.

pyqtgraph and numpy are imported when the tab is first shown, not at start-up.
"""

from __future__ import annotations

import datetime as dt
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import checks, clock, db, improvements, month_figures, permissions, statistics
from app.session import current_operator
from app.statistics import days_text, percent_text
from app.whole_files import write_whole
from app.workflow import machine
from ui import file_dialogs, i18n
from ui.records_panel import asks_from
from ui.workflow_panel import ActionDialog


def period_title(code: str) -> str:
    """2026 年 10 月 in Chinese, the code itself (2026-10, 2026-Q4) in English."""
    return code if i18n.current() == "en" else statistics.parse_period(code).title


BAND_COLOURS = {"已超期": "#c62828", "两个工作日内到期": "#ef8f00", "稍后到期": "#3d6a8a", "无进行中的期限": "#9e9e9e"}
BAR = "#3d6a8a"
FIGURES_PER_ROW = 5


tr = i18n.translator("dashboard")


def periods(today: dt.date) -> list[tuple[str, str]]:
    """The periods offered: (label, code for statistics.parse_period)."""
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    quarter = (today.month - 1) // 3 + 1
    last_q = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
    return [
        (tr("本月"), f"{today:%Y-%m}"),
        (tr("上月"), f"{last_month:%Y-%m}"),
        (tr("本季度"), f"{today.year}-Q{quarter}"),
        (tr("上季度"), f"{last_q[0]}-Q{last_q[1]}"),
        (tr("本年"), str(today.year)),
        (tr("去年"), str(today.year - 1)),
    ]


def _chart(
    title: str,
    pairs: list[tuple[str, int]],
    on_click: Callable[[int], None],
    horizontal: bool,
    colours: list[str] | None = None,
):
    """A pyqtgraph bar chart with Chinese category labels; clicking bar i calls on_click(i)."""
    import pyqtgraph as pg

    class Bars(pg.BarGraphItem):
        def mouseClickEvent(self, event):  # noqa: N802 - pyqtgraph naming
            pos = event.pos()
            i = round(pos.y() if horizontal else pos.x())
            if 0 <= i < len(pairs):
                event.accept()
                on_click(i)

    plot = pg.PlotWidget(background="w")
    plot.setObjectName(f"chart.{title}")
    plot.setTitle(title, color="#202124", size="10pt")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(180)
    values = [n for _, n in pairs]
    brushes = [pg.mkBrush(c) for c in (colours or [BAR] * len(pairs))]
    font = QFont(QCoreApplication.instance().font())
    font.setPointSize(9)
    if horizontal:
        bars = Bars(x0=0, y=list(range(len(pairs))), height=0.6, width=values, brushes=brushes)
        axis = plot.getAxis("left")
        plot.getPlotItem().invertY(True)
    else:
        bars = Bars(x=list(range(len(pairs))), height=values, width=0.6, brushes=brushes)
        axis = plot.getAxis("bottom")
    step = 1 if horizontal else max(1, -(-len(pairs) // 14))  # at most ~14 labels under vertical bars
    axis.setTicks([[(i, label) for i, (label, _) in enumerate(pairs) if i % step == 0]])
    axis.setStyle(tickFont=font)
    if horizontal and pairs:  # the left axis as wide as the longest label, so none is cut off
        axis.setWidth(max(QFontMetrics(font).horizontalAdvance(label) for label, _ in pairs) + 16)
    for name in ("left", "bottom"):
        plot.getAxis(name).setTextPen("#5f6368")
        plot.getAxis(name).setPen("#c0c0c0")
    plot.addItem(bars)
    plot.bars = bars
    return plot


class Dashboard(QWidget):
    """Emits show_cases(caption, filter keywords) for the register."""

    show_cases = Signal(str, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.loaded = False
        self.figures: statistics.Figures | None = None
        self.period = QComboBox(self)
        self.period.setObjectName("dashboard.period")
        for label, code in periods(clock.today()):
            self.period.addItem(label + tr("（%1）").replace("%1", period_title(code)), code)
        self.period.currentIndexChanged.connect(self.load)
        caption = QLabel(tr("统计期间(&P)"), self)
        caption.setBuddy(self.period)
        report = QPushButton(tr("导出报告(&R)…"), self)
        report.clicked.connect(lambda: self.export_report())
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(report)

        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        QShortcut(QKeySequence("F5"), self, self.load, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.charts: dict[str, object] = {}

    # --- figures -----------------------------------------------------------------------------

    def load(self) -> None:
        """Compute the figures off the UI thread, then draw."""
        from ui.workers import run_quietly, show_failure

        period = statistics.parse_period(self.period.currentData())
        now = clock.now()
        self.loaded = False
        self.loading = period.code

        def work():
            return compute(period, now)

        def done(result) -> None:
            if self.loading != period.code:
                return  # the clerk picked another period meanwhile; that load will draw
            self.figures = result.figures
            self.open_now = result.open_cases
            self.handler_rows, self.business_rows = result.handlers, result.businesses
            self.cause_rows, self.actions = result.causes, result.actions
            self._rebuild()
            self.loaded = True

        def failed(error) -> None:
            self.loaded = True
            show_failure(self, tr("统计未能完成"), error)

        run_quietly(self, work, done, failed)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone from the screen now, deleted when Qt gets to it
                item.widget().deleteLater()
        self.charts = {}

    def _rebuild(self) -> None:
        self._clear()
        f, now = self.figures, self.open_now
        self.grid.addWidget(self._numbers(), 0, 0, 1, 2)
        bands = now.bands
        self._add(
            "bands",
            tr("未结案件按期限（全部期间）"),
            bands,
            1,
            0,
            horizontal=False,
            colours=[BAND_COLOURS[label] for label, _ in bands],
            click=lambda i: self._open_band(bands[i][0]),
        )
        self._add(
            "status",
            tr("未结案件按状态"),
            now.by_status,
            1,
            1,
            click=lambda i: self._open_status(now.by_status[i][0], now.codes["status"]),
        )
        weekly = [(f"{w:%m-%d}", n) for w, n in f.weekly]
        self._add(
            "weekly", tr("每周登记"), weekly, 2, 0, horizontal=False, click=lambda i: self._open_week(f.weekly[i][0])
        )
        self._add(
            "category", tr("按类别"), f.by_category, 2, 1, click=lambda i: self._open_category(f.by_category[i][0])
        )
        counter = machine.office_profile().counter  # its own shop is the only business
        top = f.by_business[:10]
        if not counter:
            self._add(
                "business", tr("被投诉较多的经营者（前 10）"), top, 3, 0, click=lambda i: self._open_business(top[i][0])
            )
            self._add("channel", tr("按受理渠道"), f.by_channel, 3, 1, click=lambda i: self._open_period())
        self.handler_table = self._table(
            "dashboard.handlers",
            [tr("经办人"), tr("本期登记"), tr("目前未结"), tr("目前超期"), tr("本期办结"), tr("平均办结用时")],
            [
                [h.handler, h.received, h.open, h.overdue, h.resolved, days_text(h.mean_days_to_resolution, tr("天"))]
                for h in self.handler_rows
            ],
            lambda row: self._open_handler(self.handler_rows[row].handler),
        )
        self.business_table = self._table(
            "dashboard.businesses",
            [tr("经营者"), tr("本期件数"), tr("未结"), tr("达成协议"), tr("重复投诉")],
            [[b.business, b.received, b.open, b.agreed, tr("⚑ 重复") if b.repeat else ""] for b in self.business_rows],
            lambda row: self._open_business(self.business_rows[row].business),
        )
        shown = [(tr("经办人工作量"), self.handler_table)]
        if not counter:
            shown.append((tr("经营者（重复投诉标出）"), self.business_table))
        for column, (title, table) in enumerate(shown):
            box = QGroupBox(title, self.body)
            QVBoxLayout(box).addWidget(table)
            self.grid.addWidget(box, 4, column)
        self._add("cause", tr("按原因（调查查明）"), f.by_cause, 5, 0, click=lambda i: self._open_period())
        self.cause_table = self._table(
            "dashboard.causes",
            [tr("经营者"), tr("商品或服务"), tr("型号"), tr("原因"), tr("件数"), tr("重复故障")],
            [
                [c.business, c.product, c.model, tr(c.cause), c.cases, tr("⚑ 重复") if c.repeat else ""]
                for c in self.cause_rows
            ],
            lambda row: self._open_business(self.cause_rows[row].business),
        )
        for column in range(1, 6):  # the business name takes what the short columns leave
            self.cause_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        box = QGroupBox(tr("原因（按经营者、商品和型号）"), self.body)
        QVBoxLayout(box).addWidget(self.cause_table)
        self.grid.addWidget(box, 5, 1)
        self.grid.addWidget(self._actions_box(), 6, 0, 1, 2)

    def _actions_box(self) -> QWidget:
        """The improvement actions open during the period, and for a supervisor the buttons to record them."""
        box = QGroupBox(tr("改进措施（本期进行中或完成的）"), self.body)
        today = clock.today()
        rows = []
        for a in self.actions:
            if a.done_on:
                state = tr("%1 完成").replace("%1", f"{a.done_on:%Y-%m-%d}")
            else:
                state = tr("逾期未完成") if a.late(today) else tr("进行中")
            rows.append([a.subject, tr(a.cause_label) if a.cause else "", a.what, a.who, f"{a.due_on:%Y-%m-%d}", state])
        self.action_table = self._table(
            "dashboard.actions",
            [tr("对象"), tr("针对的原因"), tr("改进措施"), tr("负责人"), tr("完成期限"), tr("完成情况")],
            rows,
            lambda row: self.complete_action(),
        )
        header = self.action_table.horizontalHeader()
        for column in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for r, a in enumerate(self.actions):
            if not a.done_on and a.late(today):
                self.action_table.item(r, 5).setForeground(QColor("#c62828"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.action_table)
        if permissions.may("improvement.record"):
            add = QPushButton(tr("登记改进措施(&I)…"), box)
            add.setObjectName("dashboard.add_action")
            add.clicked.connect(self.add_action)
            done = QPushButton(tr("标记完成(&D)…"), box)
            done.setObjectName("dashboard.complete_action")
            done.clicked.connect(self.complete_action)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addWidget(done)
            row.addStretch(1)
            layout.addLayout(row)
        return box

    # --- improvement actions ---------------------------------------------------------------

    def add_action(self) -> ActionDialog:
        """A new action, filled from the cause row the supervisor has selected (if any)."""
        dialog = ActionDialog(
            self,
            tr("登记改进措施"),
            asks_from(improvements.FIELDS),
            lambda values: improvements.add(values, current_operator()),
            intro=tr("针对调查查明的原因，写明由谁在何时之前做什么；完成后在此标记完成。"),
        )
        dialog.setObjectName("dashboard.action_dialog")
        row = self.cause_table.currentRow() if self.cause_table.selectedItems() else -1
        if 0 <= row < len(self.cause_rows):
            chosen = self.cause_rows[row]
            dialog.set("business", chosen.business)
            dialog.set("product", chosen.product)
            dialog.set("model", chosen.model)
            codes = {label: code for code, label in improvements.CAUSES.items()}
            dialog.set("cause", codes.get(chosen.cause, ""))
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    def complete_action(self) -> ActionDialog | None:
        row = self.action_table.currentRow()
        if not (0 <= row < len(self.actions)) or not permissions.may("improvement.record"):
            return None
        chosen = self.actions[row]
        if chosen.done_on:
            return None
        dialog = ActionDialog(
            self,
            tr("改进措施完成"),
            asks_from(improvements.DONE_FIELDS),
            lambda values: improvements.complete(chosen.id, values, chosen.version, current_operator()),
            intro=chosen.subject + "：" + chosen.what,
        )
        dialog.setObjectName("dashboard.done_dialog")
        dialog.set("done_on", f"{clock.today():%Y-%m-%d}")
        dialog.accepted.connect(self.load)
        dialog.open()
        return dialog

    def _numbers(self) -> QWidget:
        f = self.figures
        box = QGroupBox(period_title(f.period.code), self.body)
        grid = QGridLayout(box)
        within = f.within_deadline
        items = [
            (tr("登记案件"), f"{f.received:,}"),
            (tr("首次联系（中位）"), days_text(f.to_contact.median_days, tr("天"))),
            (tr("受理决定（中位）"), days_text(f.to_decision.median_days, tr("天"))),
            (tr("办结（中位）"), days_text(f.to_resolution.median_days, tr("天"))),
            (tr("期限内完成"), percent_text(within)),
            (
                tr("换货 / 退货 / 不予三包") if machine.office_profile().counter else tr("达成协议 / 终止 / 不予受理"),
                " / ".join(percent_text(f.outcome_share(x), 0) for x in statistics.headline_outcomes()),
            ),
            (tr("回访满意度"), "—" if f.satisfaction is None else f"{f.satisfaction} / 5"),
            (tr("为消费者挽回"), tr("%1 元").replace("%1", checks.yuan(f.recovered_fen))),
            (tr("重复投诉的投诉人"), str(f.repeat_complainants)),
        ]
        self.number_labels: dict[str, QLabel] = {}
        for i, (label, value) in enumerate(items):
            name = QLabel(label, box)
            name.setStyleSheet("color: #5f6368;")
            shown = QLabel(value, box)
            shown.setObjectName(f"figure.{label}")
            big = shown.font()
            big.setPointSize(15)
            big.setBold(True)
            shown.setFont(big)
            self.number_labels[label] = shown
            name.setWordWrap(True)
            row, column = divmod(i, FIGURES_PER_ROW)  # two rows: captions never run into each other
            grid.addWidget(name, 2 * row, column)
            grid.addWidget(shown, 2 * row + 1, column)
        kept = "   ".join(
            f"{d.rule} {tr(d.title)} {percent_text(d.share, 0)}"
            + tr("（%1）").replace("%1", f"{d.kept}/{d.kept + d.missed}")
            for d in f.deadlines
        )
        self.deadline_label = QLabel(tr("各期限按期完成：") + (kept or "—"), box)
        self.deadline_label.setObjectName("figure.deadlines")
        self.deadline_label.setWordWrap(True)
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.deadline_label, grid.rowCount(), 0, 1, FIGURES_PER_ROW)
        return box

    def _add(
        self,
        key: str,
        title: str,
        pairs,
        row: int,
        column: int,
        click,
        horizontal: bool = True,
        colours: list[str] | None = None,
    ) -> None:
        if key != "business":  # labels app/ defines are translated; business names stay as registered
            pairs = [(tr(label), n) for label, n in pairs]
        chart = _chart(title, pairs, click, horizontal, colours)
        chart.setParent(self.body)
        self.charts[key] = chart
        self.grid.addWidget(chart, row, column)

    def _table(self, name: str, headers: list[str], rows: list[list], activate: Callable[[int], None]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self.body)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(200)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if value == tr("⚑ 重复"):
                    item.setForeground(QColor("#c62828"))
                table.setItem(r, c, item)
        table.activated.connect(lambda index: activate(index.row()))  # Enter, or a double click
        return table

    # --- click-through -----------------------------------------------------------------------

    def _period_days(self) -> dict:
        p = self.figures.period
        return {"date_from": p.start.date(), "date_to": (p.end - dt.timedelta(days=1)).date()}

    def _open_band(self, label: str) -> None:
        code = self.open_now.codes["band"][label]
        start, before, none = statistics.band_bounds(code, clock.today())
        extra = {"not_closed": True}
        if none:
            extra["no_due"] = True
        if start:
            extra["due_from"] = start
        if before:
            extra["due_before"] = before
        self.show_cases.emit(label, extra)

    def _open_status(self, label: str, codes: dict[str, str]) -> None:
        self.show_cases.emit("", {"status": codes.get(label, "")})

    def _open_week(self, monday: dt.date) -> None:
        self.show_cases.emit("", {"date_from": monday, "date_to": monday + dt.timedelta(days=6)})

    def _open_category(self, label: str) -> None:
        self.show_cases.emit("", {"category": self.figures.codes["category"].get(label, ""), **self._period_days()})

    def _open_business(self, name: str) -> None:
        self.show_cases.emit(name, {"business": name, **self._period_days()})

    def _open_handler(self, name: str) -> None:
        self.show_cases.emit(tr("经办人 ") + name, {"handler": name, "not_closed": True})

    def _open_period(self) -> None:
        self.show_cases.emit("", self._period_days())

    # --- report --------------------------------------------------------------------------------

    def export_report(self, path: str | None = None):
        """The period's report as PDF (charts and tables) or as the statistics workbook, in the background."""
        from app.documents import report
        from ui.workers import run_in_background

        if path is None:
            path = file_dialogs.save_file(
                self,
                tr("导出统计报告"),
                tr("投诉统计报告-%1.pdf").replace("%1", self.period.currentData()),
                tr("PDF 报告 (*.pdf);;Excel 统计工作簿 (*.xlsx)"),
            )
            if not path:
                return None
        period = statistics.parse_period(self.period.currentData())

        def work(progress, cancelled):
            if path.lower().endswith(".xlsx"):
                from app.archives import excel

                excel.export_statistics(statistics.figures(period), path)
            else:
                write_whole(path, report.report(period)[1])
            return path

        self.exported = None
        return run_in_background(
            self, tr("正在生成统计报告…"), work, lambda p: setattr(self, "exported", p), failure_title=tr("未能导出")
        )


def compute(period: statistics.Period, now: dt.datetime) -> statistics.Dashboard:
    """The period's figures and today's open cases, every figure in one statement, from the
    figures kept per month; months changed since are worked out directly, and then kept by a seat
    that may write cases (the others have them worked out each time). On a shared database on the dashboard's own
    connection, kept between loads (a far server is not asked for a new session each time)."""
    if db.is_postgres():
        return _shared_connection().submit(_read_and_keep, period, now).result()
    return _read_and_keep(period, now)  # on the background worker's own connection


def _read_and_keep(period: statistics.Period, now: dt.datetime) -> statistics.Dashboard:
    result = statistics.dashboard(period, now)
    if result.worked_out and month_figures.may_keep():
        month_figures.refresh()  # the next load reads them kept
    return result


@functools.cache
def _shared_connection():
    """One thread (and so one PostgreSQL session) for the dashboard's reading, for the program's life."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard")

"""工作日历: the administrator's screen for holidays and make-up working days.

Each change goes through app.workflow.machine.change_calendar, which moves the open
deadlines it touches and notes the move on each case's timeline.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import clock, workdays
from app.errors import ComplaintDeskError
from app.session import current_operator
from app.workflow import machine
from ui import i18n
from ui.screen_fit import fit_to_screen

tr = i18n.translator("calendar")


class CalendarScreen(QDialog):
    changed = Signal()

    def __init__(self, parent=None, year: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("工作日历"))
        self.setObjectName("calendar")
        fit_to_screen(self, 820, 620)
        self.year = QSpinBox(self)
        self.year.setObjectName("calendar.year")
        self.year.setRange(2004, 2100)
        self.year.setValue(year or clock.today().year)
        self.year.valueChanged.connect(self.reload)
        self.known = QLabel(self)
        self.known.setObjectName("calendar.known")
        self.mark_known = QPushButton(tr("标记本年度安排已公布…"), self)
        self.mark_known.clicked.connect(self.confirm_year)
        top = QHBoxLayout()
        label = QLabel(tr("年份(&Y)"), self)
        label.setBuddy(self.year)
        top.addWidget(label)
        top.addWidget(self.year)
        top.addWidget(self.known, 1)
        top.addWidget(self.mark_known)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("calendar.days")
        self.table.setHorizontalHeaderLabels([tr("日期"), tr("类型"), tr("名称"), tr("依据"), tr("录入")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._pick)

        self.day = QDateEdit(self)
        self.day.setObjectName("calendar.day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.kind = QComboBox(self)
        self.kind.setObjectName("calendar.kind")
        for code, text in workdays.KINDS.items():
            self.kind.addItem(tr(text), code)
        self.name = QLineEdit(self)
        self.name.setObjectName("calendar.name")
        self.name.setPlaceholderText(tr("如 元旦、春节"))
        self.source = QLineEdit(self)
        self.source.setObjectName("calendar.source")
        self.source.setPlaceholderText(tr("如 国办发明电〔2026〕7号"))
        form = QFormLayout()
        form.addRow(tr("日期(&D)"), self.day)
        form.addRow(tr("类型(&K)"), self.kind)
        form.addRow(tr("名称(&N)"), self.name)
        form.addRow(tr("依据(&S)"), self.source)
        self.save_button = QPushButton(tr("保存此日期(&A)"), self)
        self.save_button.setObjectName("calendar.save")
        self.save_button.clicked.connect(self.save_day)
        self.remove_button = QPushButton(tr("恢复为普通日期(&R)"), self)
        self.remove_button.setObjectName("calendar.remove")
        self.remove_button.clicked.connect(self.remove_day)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        self.message = QLabel(self)
        self.message.setObjectName("calendar.message")
        self.message.setWordWrap(True)
        close = QPushButton(tr("关闭"), self)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        year = self.year.value()
        days = workdays.days_of_year(year)
        self.table.setRowCount(len(days))
        for row, d in enumerate(days):
            cells = [d.day.isoformat(), tr(workdays.KINDS.get(d.kind, d.kind)), d.name, d.source, d.entered_by]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        known = year in workdays.load().known_years
        self.known.setText(
            tr("本年度放假安排已录入")
            if known
            else tr("本年度放假安排尚未公布：只按周末计算，涉及本年度的期限均为暂定")
        )
        self.known.setStyleSheet("" if known else "color: #8a5300;")
        self.mark_known.setEnabled(not known)

    def _pick(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            return
        self.day.setDate(QDate.fromString(self.table.item(row, 0).text(), "yyyy-MM-dd"))
        kind = next(k for k, v in workdays.KINDS.items() if tr(v) == self.table.item(row, 1).text())
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.name.setText(self.table.item(row, 2).text())
        self.source.setText(self.table.item(row, 3).text())

    def _apply(self, kind: str | None) -> None:
        day = self.day.date().toPython()
        try:
            moved = machine.change_calendar(day, kind, self.name.text(), self.source.text(), current_operator())
        except ComplaintDeskError as exc:
            self.say(i18n.say(exc), error=True)
            return
        self.year.setValue(day.year)
        self.reload()
        self.say(tr("已保存。%1 件案件的期限随之调整，并记入各案时间线。").replace("%1", str(moved)))
        self.changed.emit()

    def save_day(self) -> None:
        self._apply(self.kind.currentData())

    def remove_day(self) -> None:
        self._apply(None)

    def confirm_year(self) -> None:
        source = self.source.text().strip()
        if not source:
            self.say(tr("请先在“依据”中填写公布该年度放假安排的通知"), error=True)
            self.source.setFocus()
            return
        machine.mark_year_known(self.year.value(), source, current_operator())
        self.reload()
        self.say(tr("%1 年放假安排已标记为公布，相关期限已重算。").replace("%1", str(self.year.value())))
        self.changed.emit()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #188038;")
        self.message.setText(text)

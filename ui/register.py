"""The case register: a table model that fetches pages on demand, and its filter bar.

The model holds only the rows scrolled into view so far; the count, the sort and the
search are done by app.register in SQL. 100,000 cases cost one page of rows.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock, register, vocab, workdays
from app.register import RegisterFilter
from app.workflow import machine
from ui import i18n

PAGE_SIZE = 200
SHOWN_AT_ONCE = 50  # rows made into the view's items at a time (two screens); the rest of a page waits
NO_DATE = QDate(2000, 1, 1)


class OptionalDate(QDateEdit):
    """A date filter that can say 不限 (its lowest date stands for "no date")."""

    def __init__(self, parent=None, name: str = ""):
        super().__init__(parent)
        self.setObjectName(name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(tr("不限"))
        self.setDate(NO_DATE)

    def day(self) -> dt.date | None:
        return None if self.date() == NO_DATE else self.date().toPython()

    def set_day(self, day: dt.date | None) -> None:
        self.setDate(day or NO_DATE)


BAND_BRUSHES = {
    "overdue": (QBrush(QColor("#fce8e6")), QBrush(QColor("#a50e0e"))),
    "soon": (QBrush(QColor("#fef7e0")), QBrush(QColor("#8a5300"))),
}
DUE_COLUMN = register.COLUMN_KEYS.index("due")
AMOUNT_COLUMN = register.COLUMN_KEYS.index("amount")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ITALIC = QFont()
ITALIC.setItalic(True)


tr = i18n.translator("register")


class CaseRegisterModel(QStandardItemModel):
    """Rows of app.register, fetched a page at a time as the view scrolls.

    Each page's cells become items of a QStandardItemModel as they arrive, so painting reads them
    in C++: a Python data() answered ~2,000 calls a repaint (ten roles a cell), three times the
    cost of a bare table's painting (issue 21)."""

    counted = Signal(int)

    def __init__(self, parent=None, base_filter: RegisterFilter | None = None, sort_key="received_at", descending=True):
        super().__init__(0, len(register.COLUMNS), parent)
        self.filter = base_filter or RegisterFilter()
        self.sort_key = sort_key
        self.descending = descending
        self.total = 0
        self.rows: list[register.RegisterRow] = []
        self.cells: list[list[str]] = []  # display text per row shown, prepared once
        self.bands: list[str] = []  # due colour band per row shown
        self.calendar = None
        self.soon_before = dt.date.min  # nothing is "due soon" before the first load
        self.statuses: dict[str, str] = {}
        self.profile = machine.office_profile().code
        self.today = clock.today()
        self._label_columns()

    def _label_columns(self) -> None:
        self.setHorizontalHeaderLabels([tr(c.label_for(self.profile)) for c in register.COLUMNS])

    def _prepare(self, rows: list[register.RegisterRow]) -> list[list[QStandardItem]]:
        """The rows' cells as items: text, the case id, and the due column's colour, font and tip."""
        translated = {"status", "category"}
        out = []
        for row in rows:
            cells = [tr(row.text(k, self.statuses)) if k in translated else row.text(k) for k in register.COLUMN_KEYS]
            if row.due_provisional:
                cells[DUE_COLUMN] = cells[DUE_COLUMN].replace("（暂定）", tr("（暂定）"))
            band = row.due_band(self.today, self.soon_before)
            self.cells.append(cells)
            self.bands.append(band)
            items = [QStandardItem(text) for text in cells]
            items[0].setData(row.id, Qt.ItemDataRole.UserRole)
            items[AMOUNT_COLUMN].setTextAlignment(RIGHT)
            due = items[DUE_COLUMN]
            if band:
                due.setBackground(BAND_BRUSHES[band][0])
                due.setForeground(BAND_BRUSHES[band][1])
            if row.due_provisional:
                due.setFont(ITALIC)
            if row.due_at is not None:
                due.setToolTip(self._due_tooltip(row, band))
            out.append(items)
        return out

    @staticmethod
    def _due_tooltip(row: register.RegisterRow, band: str) -> str:
        tip = {"overdue": tr("已超期"), "soon": tr("两个工作日内到期")}.get(band, tr("最近的期限"))
        if row.due_provisional:
            tip += tr("；该年度放假安排尚未公布，期限为暂定")
        return tip

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and (self.rowCount() < len(self.rows) or len(self.rows) < self.total)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        """The next rows as the clerk scrolls: those already read first, then the next page."""
        if parent.isValid():
            return
        if self.rowCount() == len(self.rows):
            more = register.page(
                self.filter, self.sort_key, self.descending, self.rows[-1] if self.rows else None, PAGE_SIZE
            )
            if not more:
                self.total = len(self.rows)  # someone removed cases meanwhile
                return
            self.rows.extend(more)
        self.show_through(self.rowCount() + SHOWN_AT_ONCE - 1)

    def show_through(self, row: int) -> None:
        """Make the rows read so far, up to `row`, into items of the view."""
        start = self.rowCount()
        for items in self._prepare(self.rows[start : row + 1]):
            self.appendRow(items)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = register.COLUMNS[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # ours -------------------------------------------------------------------------

    def set_filter(self, flt: RegisterFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        self.statuses = register.status_choices()
        self.profile = machine.office_profile().code
        self.today = clock.today()
        self.total, self.rows = register.first_page(self.filter, self.sort_key, self.descending, PAGE_SIZE)
        self.calendar = workdays.load()  # kept: read with the first page if it was not
        self.soon_before = register.soon_before(self.today, self.calendar)
        self.cells, self.bands = [], []
        items = self._prepare(self.rows[:SHOWN_AT_ONCE])
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the view, not a signal per row
        try:
            self.setRowCount(0)
            self._label_columns()
            for row in items:
                self.appendRow(row)
        finally:
            self.blockSignals(False)
        self.endResetModel()
        self.counted.emit(self.total)

    def case_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class RegisterView(QTableView):
    """The register's table. It says once when it has first painted rows (the rows, or an empty
    register's): start-up defers the rest of its work until then.

    The paint is noticed in paintEvent, not by an event filter: a Python event filter receives a
    bare QObject and QEvent, and PySide then creates every widget and event class to tell their
    types, ~20 ms of start-up before the first paint (issue 21)."""

    first_painted = Signal()

    def __init__(self, page: RegisterPage):
        super().__init__(page)
        self.page = page
        self._told = False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        if not self._told and self.page.loaded:
            self._told = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # once this paint is done and on screen


class RegisterPage(QWidget):
    """Filter bar above the table; emits open_case(id) on double-click or Enter."""

    open_case = Signal(int)
    refreshed = Signal()  # the list was (re)loaded

    def __init__(
        self,
        parent=None,
        base_filter: RegisterFilter | None = None,
        sort_key="received_at",
        descending=True,
        name="register",
    ):
        super().__init__(parent)
        self.base_filter = base_filter or RegisterFilter()
        self.loaded = False
        self.model = CaseRegisterModel(self, self.base_filter, sort_key, descending)
        self.setObjectName(name)
        self.search = QLineEdit(self)
        self.search.setObjectName("register.search")
        self.search.setPlaceholderText(tr("搜索事实、姓名、经营者、商品、案件号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.status = self._combo("register.status", register.status_choices(), tr("全部状态"))
        self.category = self._combo("register.category", vocab.CATEGORIES, tr("全部类别"))
        self.grade = self._combo("register.grade", vocab.GRADES, tr("全部等级"))
        self.date_from = OptionalDate(self, "register.from")
        self.date_to = OptionalDate(self, "register.to")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("register.count")
        self.extra: dict = {}  # conditions set from the dashboard that the bar has no widget for
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("register.extra")
        self.extra_label.setStyleSheet("color: #0b57d0;")
        self.extra_clear = QPushButton(tr("清除统计筛选(&X)"), self)
        self.extra_clear.clicked.connect(self.clear_extra)
        self.extra_label.hide()
        self.extra_clear.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for text, widget in (
            (tr("状态(&S)"), self.status),
            (tr("类别(&T)"), self.category),
            (tr("等级(&J)"), self.grade),
            (tr("收到日期从(&D)"), self.date_from),
            (tr("至"), self.date_to),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.extra_label)
        bar.addWidget(self.extra_clear)
        bar.addWidget(self.count_label)

        self.view = RegisterView(self)
        self.view.setObjectName("register.view")
        self.view.setModel(self.model)
        self.show_columns()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        longer = i18n.current() == "en"  # "Not accepted" and "Product quality" need more than 已受理 and 产品质量
        for key, width in {
            "case_no": 140,
            "received_at": 130,
            "status": 120 if longer else 80,
            "category": 130 if longer else 80,
            "complainant": 80,
            "phone": 110,
            "business": 240,
            "product": 120,
            "amount": 110,
            "handler": 80,
        }.items():
            column = register.COLUMN_KEYS.index(key)
            caption = tr(register.COLUMNS[column].label)
            header.resizeSection(column, max(width, header.fontMetrics().horizontalAdvance(caption) + 28))
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.view,
            lambda: self._open(self.view.currentIndex().row()),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Enter),
            self.view,
            lambda: self._open(self.view.currentIndex().row()),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        # Ctrl+F belongs to the main window's 查找 (one owner per shortcut), which focuses this box

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.search.returnPressed.connect(self.view.setFocus)
        for combo in (self.status, self.category, self.grade):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filter)
        self.model.counted.connect(lambda n: self.count_label.setText(tr("共 %1 件").replace("%1", f"{n:,}")))

    def _combo(self, name: str, table: dict[str, str], everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, "")
        for code, text in table.items():
            combo.addItem(tr(text), code)
        return combo

    def show_columns(self) -> None:
        """The office's columns: a repair counter has no business, category, claim or grade to show."""
        counter = machine.office_profile().counter
        for i, column in enumerate(register.COLUMNS):
            self.view.setColumnHidden(i, counter and column.counter_hidden)

    def reset_statuses(self) -> None:
        """The office profile changed: offer its statuses in the filter."""
        self.show_columns()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(tr("全部状态"), "")
        for code, text in register.status_choices().items():
            self.status.addItem(tr(text), code)
        self.status.blockSignals(False)

    def current_filter(self) -> RegisterFilter:
        values = dict(
            status=self.status.currentData() or "",
            category=self.category.currentData() or "",
            grade=self.grade.currentData() or "",
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
            text=self.search.text().strip(),
            handler=self.base_filter.handler,
            open_only=self.base_filter.open_only,
        )
        return RegisterFilter(**{**values, **self.extra})

    def show_selection(
        self,
        caption: str = "",
        status: str = "",
        category: str = "",
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        **extra,
    ) -> None:
        """Show the cases behind a figure: the bar's own widgets set where it has them, the rest
        (a business, a deadline band) named beside them with a button to clear."""
        for combo, code in ((self.status, status), (self.category, category)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(code), 0))
            combo.blockSignals(False)
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.set_day(day)
            edit.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.extra = extra
        self.extra_label.setText(tr("统计筛选：") + caption if extra else "")
        self.extra_label.setVisible(bool(extra))
        self.extra_clear.setVisible(bool(extra))
        self.apply_filter()

    def clear_extra(self) -> None:
        self.extra = {}
        self.extra_label.hide()
        self.extra_clear.hide()
        self.apply_filter()

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def load(self) -> None:
        """First query: enabling sorting sorts once by the indicator, which loads page one."""
        header = self.view.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(register.COLUMN_KEYS.index(self.model.sort_key), order)
        self.view.setSortingEnabled(True)
        self.loaded = True
        self.refreshed.emit()
        if self.model.rows and not self.view.currentIndex().isValid():
            self.view.selectRow(0)

    def add_above(self, widget) -> None:
        """A box shown above the list (我的待办's agenda), reloaded whenever the list is."""
        self.layout().insertWidget(0, widget)
        self.refreshed.connect(widget.reload)

    def refresh(self, select_case: int | None = None) -> None:
        self.refreshed.emit()
        self.model.reload()
        row = 0
        if select_case is not None:
            row = next((i for i, r in enumerate(self.model.rows) if r.id == select_case), 0)
            self.model.show_through(row)
        if self.model.rows:
            self.view.selectRow(row)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self, row: int) -> None:
        case_id = self.model.case_id(row)
        if case_id is not None:
            self.open_case.emit(case_id)

"""工作量: each handler's open cases, how many are overdue and how many fall due this week;
Enter on a handler shows their cases in the register."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from app import workload
from ui import i18n

tr = i18n.translator("workload")
LATE = QColor("#a50e0e")


class WorkloadView(QDialog):
    show_handler = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("工作量"))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("workload.table")
        self.table.setHorizontalHeaderLabels([tr("经办人"), tr("在办"), tr("逾期"), tr("本周到期")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda index: self._show(index.row()))
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.table,
            lambda: self._show(self.table.currentRow()),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.reload()

    def reload(self) -> None:
        self.rows = workload.loads()
        self.table.setRowCount(len(self.rows))
        for row, load in enumerate(self.rows):
            cells = [load.handler, str(load.open), str(load.overdue), str(load.due_this_week)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 2 and load.overdue:
                    item.setForeground(QBrush(LATE))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.show_handler.emit(self.rows[row].handler)
            self.accept()

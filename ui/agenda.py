"""我的待办's agenda: the mediation sessions scheduled and the agreed terms falling due in the
handler's cases, soonest first; Enter or a double click opens the case at its 记录 panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app import agenda
from ui import i18n

tr = i18n.translator("agenda")
KINDS = {
    "session": "调解",
    "term": "协议履行",
    "follow_up": "回访",
    "identity": "身份证明",
    "escalation": "督办",
    "pickup": "待取机",
    "parts": "等待配件",
}
OVERDUE = QColor("#a50e0e")


class AgendaBox(QGroupBox):
    open_case = Signal(int, str)  # case id, the panel to show

    def __init__(self, handler: str | None, parent=None, load=None, title: str = ""):
        super().__init__(title or tr("日程与提醒(&R)"), parent)
        self.handler = handler
        self.caption = title or tr("日程与提醒(&R)")
        self.load = load or (lambda: agenda.upcoming(self.handler))
        self.list = QTreeWidget(self)
        self.list.setObjectName("agenda.list")
        self.list.setHeaderLabels([tr("时间"), tr("案件号"), tr("事项"), tr("内容")])
        self.list.setRootIsDecorated(False)
        self.list.setMaximumHeight(150)
        self.list.itemActivated.connect(self._open)
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.list,
            lambda: self._open(self.list.currentItem()),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)
        self.hide()  # until the first load finds something

    def reload(self) -> None:
        self.list.clear()
        items = self.load()
        for entry in items:
            row = QTreeWidgetItem([f"{entry.when:%Y-%m-%d %H:%M}", entry.case_no, tr(KINDS[entry.kind]), entry.text])
            row.setData(0, Qt.ItemDataRole.UserRole, (entry.case_id, entry.panel))
            if entry.overdue:
                for col in range(4):
                    row.setForeground(col, QBrush(OVERDUE))
                row.setToolTip(0, tr("已过期"))
            self.list.addTopLevelItem(row)
        for col in range(3):
            self.list.resizeColumnToContents(col)
        self.setTitle(self.caption + f"（{len(items)}）")
        self.setVisible(bool(items))

    def _open(self, item) -> None:
        if item is not None:
            case_id, panel = item.data(0, Qt.ItemDataRole.UserRole)
            self.open_case.emit(case_id, panel)

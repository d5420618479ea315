"""记录: investigation notes, mediation sessions, appraisals, remedies, follow-ups, appeals.

The dialogs are built from app.records.KINDS, the same field specs the services check.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import case_file, mediation, permissions, records
from app.session import current_operator
from app.workflow import machine
from ui import i18n
from ui.workflow_panel import ActionDialog, Ask

STATE_TEXT = {
    "done": "已履行",
    "overdue": "逾期未履行",
    "pending": "待履行",
    "open": "进行中",
    "ended": "已结束",
    "scheduled": "待举行",
    "moved": "已改期",
    "fixed": "已修好",
    "not_fixed": "未修好",
    "waiting_parts": "等待配件",
}
STATE_COLOUR = {
    "overdue": QColor("#a50e0e"),
    "done": QColor("#188038"),
    "scheduled": QColor("#1a73e8"),
    "not_fixed": QColor("#a50e0e"),
    "fixed": QColor("#188038"),
    "waiting_parts": QColor("#8a5300"),
}


tr = i18n.translator("records")


def asks_for(kind: records.RecordKind) -> list[Ask]:
    return asks_from(kind.fields)


def asks_from(specs) -> list[Ask]:
    out = []
    for spec in specs:
        if spec.kind == "choice":
            choices = {k: v for k, v in spec.choices.items() if k}
            out.append(Ask(spec.name, tr(spec.label), choices, required=spec.required))
        else:
            out.append(Ask(spec.name, tr(spec.label), multiline=spec.kind == "longtext", required=spec.required))
    return out


class RecordsPanel(QWidget):
    changed = Signal()

    def __init__(self, case_id: int, parent=None):
        super().__init__(parent)
        self.case_id = case_id
        self.setObjectName("records")
        self.dialog: ActionDialog | None = None
        buttons = QGridLayout()
        self.counter = machine.office_profile().counter
        for i, kind in enumerate(records.kinds_for(machine.office_profile().code)):
            button = QPushButton(tr("添加") + tr(kind.title) + "…", self)
            button.setObjectName(f"records.add.{kind.code}")
            button.clicked.connect(lambda _=False, k=kind.code: self.ask_add(k))
            button.setEnabled(permissions.may("case.record"))  # the service refuses anyway
            buttons.addWidget(button, i // 3, i % 3)
        self.list = QTreeWidget(self)
        self.list.setObjectName("records.list")
        self.list.setHeaderLabels([tr("日期"), tr("类别"), tr("内容"), tr("状态")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.follow_up_item)
        self.schedule = QPushButton(tr("安排调解(&T)…"), self)
        self.schedule.setObjectName("records.schedule")
        self.schedule.clicked.connect(self.ask_schedule)
        self.finish = QPushButton(tr("登记结果 / 鉴定结束 / 已履行…"), self)
        self.finish.setObjectName("records.finish")
        self.finish.clicked.connect(lambda: self.follow_up_item(self.list.currentItem()))
        self.move = QPushButton(tr("调解改期…"), self)
        self.move.setObjectName("records.move")
        self.move.clicked.connect(lambda: self.ask_move(self.list.currentItem()))
        for button in (self.schedule, self.finish, self.move):
            button.setEnabled(permissions.may("case.record"))
        if self.counter:  # no sessions to schedule or move; a repair waiting for parts is finished here
            self.schedule.hide()
            self.move.hide()
            self.finish.setText(tr("修毕 / 鉴定结束 / 回访…"))
        below = QHBoxLayout()
        below.addWidget(self.schedule)
        below.addWidget(self.finish)
        below.addWidget(self.move)
        below.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(below)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for line in records.of_case(self.case_id):
            item = QTreeWidgetItem(
                [
                    f"{line.day:%Y-%m-%d}",
                    tr(records.KINDS[line.kind].title),
                    line.text,
                    tr(STATE_TEXT.get(line.state, "")),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, (line.kind, line.id, line.state))
            item.setToolTip(2, line.text)
            if line.state in STATE_COLOUR:
                item.setForeground(3, QBrush(STATE_COLOUR[line.state]))
            self.list.addTopLevelItem(item)
        for col in (0, 1):
            self.list.resizeColumnToContents(col)

    def _open(self, title, asks, done_with) -> ActionDialog:
        def run(values):
            done_with(values)
            with case_file.opened(self.case_id):  # this panel and the case view read the case once
                self.reload()
                self.changed.emit()

        self.dialog = ActionDialog(self, title, asks, run)
        self.dialog.open()
        return self.dialog

    def ask_add(self, code: str) -> ActionDialog:
        kind = records.KINDS[code]
        return self._open(
            tr("添加") + tr(kind.title),
            asks_for(kind),
            lambda v: records.add(self.case_id, code, v, current_operator()),
        )

    def ask_schedule(self) -> ActionDialog:
        dialog = self._open(
            tr("安排调解"),
            asks_from(mediation.SCHEDULE),
            lambda v: mediation.schedule(self.case_id, v, current_operator()),
        )
        dialog.set("summoned", tr("投诉人、被投诉经营者"))
        dialog.set("bring", tr("身份证明、购物凭证及相关证据"))
        return dialog

    def ask_move(self, item) -> ActionDialog | None:
        """Another time for the selected scheduled session; the old one stays, marked moved."""
        if item is None or item.data(0, Qt.ItemDataRole.UserRole)[::2] != ("session", "scheduled"):
            return None
        row_id = item.data(0, Qt.ItemDataRole.UserRole)[1]
        return self._open(
            tr("调解改期"),
            asks_from(mediation.MOVE),
            lambda v: mediation.move(row_id, v, current_operator()),
        )

    def follow_up_item(self, item) -> ActionDialog | None:
        """The next step of a selected scheduled session (what happened), appraisal (its end) or remedy (done)."""
        if item is None:
            return None
        kind, row_id, state = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "session" and state == "scheduled":
            return self._open(
                tr("登记调解结果"),
                asks_from(mediation.HELD),
                lambda v: mediation.hold(row_id, v, current_operator()),
            )
        if kind == "appraisal" and state == "open":
            return self._open(
                tr("登记鉴定结束"),
                [Ask("ended_on", tr("结束日期")), Ask("result", tr("结论"), multiline=True)],
                lambda v: records.finish_appraisal(row_id, v["ended_on"], v["result"], current_operator()),
            )
        if kind == "repair" and state == "waiting_parts":
            return self._open(
                tr("维修修毕"),
                asks_from(records.FINISH_REPAIR),
                lambda v: records.finish_repair(row_id, v, current_operator()),
            )
        if kind == "remedy" and state in ("pending", "overdue"):
            return self._open(
                tr("标记已履行"),
                [Ask("done_on", tr("履行日期"))],
                lambda v: records.remedy_done(row_id, v["done_on"], current_operator()),
            )
        return None

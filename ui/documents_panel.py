"""文书: preview a document from the case, issue it (numbered, kept, on the timeline), and
reprint, save or correct the ones already issued."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import case_file, permissions
from app.documents import issuing
from app.errors import ComplaintDeskError
from app.session import current_operator
from app.workflow import machine, tables
from ui import i18n
from ui.ask import confirm
from ui.pdf_view import PreviewDialog, ask_printer, print_or_say, save_pdf
from ui.wording_dialog import WordingDialog

tr = i18n.translator("documents_panel")


class DocumentsPanel(QWidget):
    changed = Signal()

    def __init__(self, case_id: int, parent=None):
        super().__init__(parent)
        self.case_id = case_id
        self.kind = QComboBox(self)
        self.kind.setObjectName("doc.kind")
        for code, label in tables.documents_for(machine.office_profile().code).items():
            self.kind.addItem(tr(label), code)
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("doc.recipient")
        self.recipient.addItem(tr("按文书默认"), "")
        for code, label in issuing.RECIPIENTS.items():
            self.recipient.addItem(tr(label), code)
        self.delivery = QComboBox(self)
        self.delivery.setObjectName("doc.delivery")
        for code, label in tables.DELIVERY.items():
            self.delivery.addItem(tr(label), code)
        preview = QPushButton(tr("预览(&V)"), self)
        preview.setObjectName("doc.preview")
        preview.clicked.connect(self.preview_draft)
        self.issue_button = QPushButton(tr("出具(&U)"), self)
        self.issue_button.setObjectName("doc.issue")
        self.issue_button.clicked.connect(lambda: self.issue())
        self.issue_button.setEnabled(permissions.may("document.issue"))
        # two rows, so the panel stays narrow enough for a 1366-pixel screen in every language
        row = QGridLayout()
        for i, (label, widget) in enumerate(
            ((tr("文书"), self.kind), (tr("送达对象"), self.recipient), (tr("送达方式"), self.delivery))
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)
            row.addWidget(caption, i // 2, (i % 2) * 2)
            row.addWidget(widget, i // 2, (i % 2) * 2 + 1)
        self.wording_button = QPushButton(tr("本案措辞(&Y)…"), self)
        self.wording_button.setObjectName("doc.wording")
        self.wording_button.clicked.connect(self.edit_wording)
        self.wording_button.setEnabled(permissions.may("document.issue"))
        row.addWidget(preview, 1, 2)
        row.addWidget(self.issue_button, 1, 3)
        row.addWidget(self.wording_button, 2, 3)
        row.setColumnStretch(1, 1)
        row.setColumnStretch(3, 1)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("doc.issued")
        self.table.setHorizontalHeaderLabels([tr("文书"), tr("文号"), tr("日期"), tr("送达"), tr("对象"), tr("备注")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # each column as wide as its text
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the number takes what is left
        header.setMinimumSectionSize(56)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.preview_issued())
        actions = QHBoxLayout()
        for text, slot, name in (
            (tr("查看(&K)"), self.preview_issued, "doc.view"),
            (tr("重印(&R)…"), self.print_issued, "doc.print"),
            (tr("另存为 PDF(&A)…"), self.save_issued, "doc.save"),
            (tr("更正(&C)"), self.correct, "doc.correct"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("doc.message")

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.notices: list = []
        self.reload()

    def reload(self) -> None:
        self.notices = issuing.issued(self.case_id)
        replaced = {n.replaces_id for n in self.notices if n.replaces_id}
        numbers = {n.id: n.number for n in self.notices}
        self.table.setRowCount(len(self.notices))
        for row, n in enumerate(self.notices):
            note = ""
            if n.replaces_id:
                note = tr("更正 %1").replace("%1", numbers.get(n.replaces_id, ""))
            if n.id in replaced:
                note = (note + "；" if note else "") + tr("已被更正")
            if not n.sha256:
                note = (note + "；" if note else "") + tr("仅登记，无存档")
            values = (
                tables.NOTICE_KINDS.get(n.kind, n.kind),
                n.number,
                n.issued_on.isoformat(),
                tables.DELIVERY.get(n.delivery, n.delivery),
                issuing.RECIPIENTS.get(n.recipient, n.recipient),
                note,
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1e6b30;")
        self.message.setText(text)

    def _selected(self):
        row = self.table.currentRow()
        if row < 0 or row >= len(self.notices):
            self._say(tr("请先在列表中选一份文书"), error=True)
            return None
        return self.notices[row]

    # --- drafts and issuing -------------------------------------------------------------------

    def preview_draft(self) -> PreviewDialog | None:
        kind = self.kind.currentData()
        try:
            data = issuing.draft(self.case_id, kind, self.recipient.currentData() or None)
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return None
        dialog = PreviewDialog(
            self,
            tr("预览（草稿）：%1").replace("%1", self.kind.currentText()),
            data,
            tr("%1-草稿.pdf").replace("%1", self.kind.currentText()),
        )
        dialog.open()
        return dialog

    def edit_wording(self) -> WordingDialog:
        """This case's wording of the chosen kind; the next preview and issue use it."""
        dialog = WordingDialog(self, self.case_id, self.kind.currentData(), self.kind.currentText())
        dialog.accepted.connect(lambda: (self._say(tr("本案措辞已更新；请预览后再出具")), self.changed.emit()))
        dialog.open()
        self.wording_dialog = dialog
        return dialog

    def issue(self, replaces: int | None = None, ask: bool = True):
        """出具: asks first (the box is returned; issuing follows a Yes), or issues at once."""
        if ask:
            return confirm(
                self,
                tr("出具文书"),
                tr("出具后将编号、存档并记入时间线，不能撤回（错误只能更正）。确定出具%1吗？").replace(
                    "%1", self.kind.currentText()
                ),
                lambda: self.issue(replaces, ask=False),
            )
        kind = self.kind.currentData()
        try:
            notice = issuing.issue(
                self.case_id,
                kind,
                self.delivery.currentData(),
                current_operator(),
                self.recipient.currentData() or None,
                replaces=replaces,
            )
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return None
        self._say(tr("已出具 %1").replace("%1", notice.number))
        with case_file.opened(self.case_id):  # this panel and the case view read the case once
            self.reload()
            self.table.selectRow(len(self.notices) - 1)
            self.changed.emit()
        return notice

    def correct(self):
        """A new document of the same kind that names the selected one; the old one stays on file."""
        notice = self._selected()
        if notice is None:
            return None
        self.kind.setCurrentIndex(self.kind.findData(notice.kind))
        return self.issue(replaces=notice.id)

    # --- issued copies -------------------------------------------------------------------------

    def _issued_bytes(self):
        notice = self._selected()
        if notice is None:
            return None, None
        try:
            return notice, issuing.reprint(notice.id)
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return None, None

    def preview_issued(self) -> PreviewDialog | None:
        notice, data = self._issued_bytes()
        if data is None:
            return None
        dialog = PreviewDialog(self, notice.number, data, f"{notice.number}.pdf")
        dialog.open()
        return dialog

    def print_issued(self, printer=None) -> bool:
        notice, data = self._issued_bytes()
        if data is None:
            return False
        printer = printer or ask_printer(self)
        if printer is None:
            return False
        title = f"{notice.number} {tr(tables.NOTICE_KINDS.get(notice.kind, notice.kind))}"
        if not print_or_say(self, data, printer, title):
            return False
        self._say(tr("已送打印：%1").replace("%1", notice.number))
        return True

    def save_issued(self, path: str | None = None) -> str | None:
        notice, data = self._issued_bytes()
        if data is None:
            return None
        saved = save_pdf(self, data, f"{notice.number}.pdf", path)
        if saved:
            self._say(tr("已保存：%1").replace("%1", saved))
        return saved

"""本案措辞: a document's wording changed for this case only, starting from what it is now
(the office's template, or this case's earlier change), placeholders kept."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from app.documents import wording
from app.errors import ComplaintDeskError
from app.session import current_operator
from ui import i18n

tr = i18n.translator("wording")


class WordingDialog(QDialog):
    def __init__(self, parent, case_id: int, kind: str, title: str):
        super().__init__(parent)
        self.case_id, self.kind = case_id, kind
        self.setWindowTitle(tr("本案措辞：%1").replace("%1", title))
        intro = QLabel(
            tr("只改本案的这类文书，办公室模板不变。花括号内是填入项，如 {案件号}；改好后先预览再出具。"), self
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("wording.text")
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(wording.current(case_id, kind))
        self.error = QLabel(self)
        self.error.setObjectName("wording.error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.reset_button = QPushButton(tr("恢复办公室模板(&O)"), self)
        self.reset_button.setObjectName("wording.reset")
        self.reset_button.setEnabled(wording.of_case(case_id, kind) is not None)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _run(self, work) -> None:
        try:
            work()
        except ComplaintDeskError as exc:
            self.error.setText(i18n.say(exc))  # the dialog stays open with what was typed
            self.error.show()
            return
        self.accept()

    def save(self) -> None:
        self._run(lambda: wording.save(self.case_id, self.kind, self.text.toPlainText(), current_operator()))

    def reset(self) -> None:
        self._run(lambda: wording.reset(self.case_id, self.kind, current_operator()))

"""办公室设置: the office profile (which rules, states and documents apply) and the
deadline lengths the rules leave to the office. Chosen at first run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from app.session import current_operator
from app.errors import ComplaintDeskError
from app.workflow import machine, tables
from app.workflow.rules import UNITS


def tr(text: str) -> str:
    return QCoreApplication.translate("office_settings", text)


class OfficeSettings(QDialog):
    saved = Signal()

    def __init__(self, parent=None, first_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle(tr("办公室设置"))
        self.setObjectName("office_settings")
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(tr("欢迎使用投诉调解工作台。请先选择本办公室的类型：它决定案件流程、法定期限和文书。"), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.profile = QComboBox(self)
        self.profile.setObjectName("office.profile")
        for code, profile in tables.PROFILES.items():
            self.profile.addItem(tr(profile.title), code)
        self.profile.setCurrentIndex(self.profile.findData(machine.office_profile().code))
        form.addRow(tr("办公室类型(&P)"), self.profile)
        self.lengths: dict[str, QSpinBox] = {}
        for rule in machine.adjustable_rules():
            box = QSpinBox(self)
            box.setObjectName(f"office.{rule.code}")
            box.setRange(1, 1000)
            box.setValue(machine.office_lengths(tables.RULE_SETS).get(rule.code, rule.length))
            box.setSuffix(" " + tr(UNITS[rule.unit]))
            self.lengths[rule.code] = box
            form.addRow(f"{rule.code} {tr(rule.title)}", box)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            machine.save_office_settings(self.profile.currentData(),
                                         {code: box.value() for code, box in self.lengths.items()},
                                         current_operator())
        except ComplaintDeskError as exc:
            self.error.setText(str(exc))
            return
        self.saved.emit()
        self.accept()

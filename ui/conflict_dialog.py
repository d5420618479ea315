"""他人已修改: what another seat saved meanwhile, next to what this clerk typed; the clerk's edit
can be saved on top of theirs (nothing typed is lost, nothing of theirs overwritten silently)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import fields
from app.cases import ConflictLine
from ui import i18n
from ui.screen_fit import fit_to_screen

REAPPLY, TAKE_THEIRS = 1, 2


tr = i18n.translator("conflict_dialog")


def _shown(key: str, value) -> str:
    """A form value (as CaseRecord.values holds it) as a clerk reads it: labels, not codes."""
    spec = fields.BY_KEY[key]
    if spec.kind == "bool":
        return tr("是") if value else tr("否")
    if value in (None, "", []):
        return tr("（空）")
    if spec.kind == "multichoice":
        return "、".join(spec.choices.get(c, c) for c in value)
    if spec.kind == "choice":
        return spec.choices.get(value, value)
    return str(value)


class ConflictDialog(QDialog):
    def __init__(self, parent, case_no: str, lines: list[ConflictLine]):
        super().__init__(parent)
        self.setWindowTitle(tr("他人已修改此案件"))
        self.setObjectName("conflict")
        fit_to_screen(self, 760, 420)
        clashes = sum(1 for line in lines if line.clash)
        intro = QLabel(
            tr("你编辑期间，另一个席位保存了案件 %1。你的修改还没有保存，也没有覆盖别人的修改。").replace("%1", case_no)
            + (
                tr("有 %1 项两边都改了（标红），保存时以你的为准。").replace("%1", str(clashes))
                if clashes
                else tr("两边改的是不同的项目，可以直接在对方的基础上保存你的修改。")
            ),
            self,
        )
        intro.setWordWrap(True)
        table = QTableWidget(len(lines), 4, self)
        table.setObjectName("conflict.table")
        table.setHorizontalHeaderLabels([tr("项目"), tr("你打开时"), tr("他人改为"), tr("你改为")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, line in enumerate(lines):
            for col, text in enumerate(
                (line.label, _shown(line.key, line.base), _shown(line.key, line.theirs), _shown(line.key, line.mine))
            ):
                item = QTableWidgetItem(text)
                if line.clash:
                    item.setBackground(QColor("#fde7e9"))
                table.setItem(row, col, item)
        buttons = QDialogButtonBox(self)
        self.reapply_button = buttons.addButton(
            tr("在他人修改的基础上保存我的修改(&S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.theirs_button = buttons.addButton(
            tr("放弃我的修改，载入最新(&D)"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        buttons.addButton(tr("继续编辑(&E)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reapply_button.clicked.connect(lambda: self.done(REAPPLY))
        self.theirs_button.clicked.connect(lambda: self.done(TAKE_THEIRS))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.reapply_button.setDefault(True)

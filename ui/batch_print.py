"""批量打印文书: one kind of document for every case in a status, made in the background
(progress, cancel), then printed one after another or saved into a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from app import register
from app.documents import issuing
from app.session import current_operator
from app.workflow import machine, tables
from ui import file_dialogs, i18n
from ui.pdf_view import ask_printer, print_many
from ui.workers import run_in_background

tr = i18n.translator("batch_print")


class BatchPrintDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("批量打印文书"))
        self.setObjectName("batch_print")
        self.kind = QComboBox(self)
        for code, label in tables.documents_for(machine.office_profile().code).items():
            self.kind.addItem(tr(label), code)
        self.status = QComboBox(self)
        for code, label in register.status_choices().items():
            self.status.addItem(tr(label), code)
        self.issue_new = QCheckBox(tr("尚未出具的案件现在正式出具（编号、存档、记入时间线）"), self)
        self.delivery = QComboBox(self)
        for code, label in tables.DELIVERY.items():
            self.delivery.addItem(tr(label), code)
        self.to_printer = QRadioButton(tr("送打印机(&P)"), self)
        self.to_folder = QRadioButton(tr("保存到文件夹(&F)"), self)
        self.to_printer.setChecked(True)
        form = QFormLayout()
        form.addRow(tr("文书(&K)"), self.kind)
        form.addRow(tr("案件状态(&S)"), self.status)
        form.addRow("", self.issue_new)
        form.addRow(tr("送达方式(&D)"), self.delivery)
        form.addRow(tr("输出"), self.to_printer)
        form.addRow("", self.to_folder)
        note = QLabel(tr("已出具的案件打印存档的原件；其余打印草稿，除非勾选“正式出具”。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.results: list[tuple[str, str, bytes]] = []
        self.printed: int | None = None  # how many went to the printer, once the batch is through

    def _printed(self, count: int) -> None:
        self.printed = count
        self.accept()

    def start(self, folder: str | None = None, printer=None):
        """Make the documents in the background; then print them or write them into `folder`."""
        if self.to_folder.isChecked() and folder is None:
            folder = file_dialogs.choose_folder(self, tr("保存到文件夹"))
            if not folder:
                return None
        kind, status = self.kind.currentData(), self.status.currentData()
        issue_new, delivery, actor = self.issue_new.isChecked(), self.delivery.currentData(), current_operator()

        def work(progress, cancelled):
            made = []
            for case_no, number, data in issuing.batch(
                kind, status, issue_new, delivery, actor, progress=progress, cancelled=cancelled
            ):
                if folder:
                    (Path(folder) / f"{case_no}-{kind}.pdf").write_bytes(data)
                    made.append((case_no, number, b""))
                else:
                    made.append((case_no, number, data))
            return made

        def done(made) -> None:
            self.results = made
            if not made:
                QMessageBox.information(self, tr("批量打印文书"), tr("这一状态下没有案件。"))
                return
            if folder:
                QMessageBox.information(
                    self,
                    tr("批量打印文书"),
                    tr("已保存 %1 份到 %2").replace("%1", str(len(made))).replace("%2", folder),
                )
            else:
                target = printer or ask_printer(self)
                if target is not None:
                    title = tr(tables.NOTICE_KINDS.get(kind, kind))
                    self.printing = print_many(
                        self, [(f"{number} {title}", d) for _, number, d in made], target, self._printed
                    )
                    return  # the dialog closes when the batch has gone to the printer
            self.accept()

        return run_in_background(self, tr("正在生成文书…"), work, done, failure_title=tr("未能批量打印"))

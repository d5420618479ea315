"""Import a legacy register: confirm the guessed columns, check every row, then import all or nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.archives import importer
from ui import file_dialogs, i18n
from ui.screen_fit import fit_to_screen
from ui.workers import run_in_background, show_failure

tr = i18n.translator("import_dialog")


class ImportDialog(QDialog):
    """File → mapping (guessed, editable) → check (report, savable) → import (background, cancellable)."""

    imported = Signal(object)  # the Report

    def __init__(self, parent=None, path: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("导入旧登记簿"))
        fit_to_screen(self, 900, 640)
        self.table: importer.Table | None = None
        self.archive = False
        self.report: importer.Report | None = None
        self.path = ""

        self.file_label = QLabel(tr("尚未选择文件"))
        choose = QPushButton(tr("选择文件(&O)…"))
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)

        self.hint = QLabel(tr("程序已按表头猜出每一项取自哪一列，请逐项核对；不需要的项目选“（不导入）”。"))
        self.hint.setWordWrap(True)
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels([tr("项目"), tr("取自列"), tr("第一行的内容")])
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 4)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([tr("行号"), tr("列"), tr("内容"), tr("问题")])
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(tr("检查(&D)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(tr("保存检查报告(&S)…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton(tr("导入(&I)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.check_button.setObjectName("check")
        self.save_button.setObjectName("save_report")
        self.import_button.setObjectName("import")
        self.check_button.clicked.connect(self.run_check)
        self.save_button.clicked.connect(lambda: self.save_report())
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        for b in (self.check_button, self.save_button, self.import_button):
            b.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 2)
        layout.addWidget(buttons)
        if path:
            self.load_file(path)

    def choose_file(self) -> None:
        path = file_dialogs.open_file(self, tr("选择要导入的 Excel 文件"), "Excel (*.xlsx)")
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        try:
            self.archive = importer.is_archive(path)
            self.table = None if self.archive else importer.read_table(path)
        except importer.ImportFailed as exc:
            QMessageBox.warning(self, tr("无法读取文件"), i18n.say(exc))
            return
        self.path = path
        self.file_label.setText(path)
        self._show_mapping()
        self._set_report(None)
        self.check_button.setEnabled(True)
        self.check_button.setFocus()

    def _show_mapping(self) -> None:
        self.mapping.setRowCount(0)
        if self.archive:
            self.hint.setText(tr("这是本程序导出的档案工作簿：案件将按原案件号、当事人和时间线恢复，无需对应各列。"))
            self.mapping.hide()
            return
        self.mapping.show()
        guessed = importer.guess_mapping(self.table.headers)
        first = self.table.rows[0][1] if self.table.rows else ()
        self.mapping.setRowCount(len(importer.TARGETS))
        for row, target in enumerate(importer.TARGETS):
            item = QTableWidgetItem(target.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(importer.unmapped_text(target.key), -1)
            for i, header in enumerate(self.table.headers):
                combo.addItem(header, i)
            combo.setCurrentIndex(0 if guessed[target.key] is None else guessed[target.key] + 1)
            combo.currentIndexChanged.connect(lambda _=0, r=row: self._mapping_changed(r))
            self.mapping.setCellWidget(row, 1, combo)
            sample = QTableWidgetItem()
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 2, sample)
            self._show_sample(row, first)
        self.mapping.resizeColumnsToContents()

    def _show_sample(self, row: int, first: tuple) -> None:
        column = self.mapping.cellWidget(row, 1).currentData()
        value = importer.cell_text(first[column]) if column >= 0 and first else ""
        self.mapping.item(row, 2).setText(value)

    def _mapping_changed(self, row: int) -> None:
        self._show_sample(row, self.table.rows[0][1] if self.table.rows else ())
        self._set_report(None)  # a new mapping needs a new check

    def current_mapping(self) -> dict[str, int | None]:
        return {
            t.key: (
                None if self.mapping.cellWidget(r, 1).currentData() < 0 else self.mapping.cellWidget(r, 1).currentData()
            )
            for r, t in enumerate(importer.TARGETS)
        }

    def set_column(self, key: str, header: str | None) -> None:
        """Choose a column for a target (as a clerk would with the combo box)."""
        row = [t.key for t in importer.TARGETS].index(key)
        combo = self.mapping.cellWidget(row, 1)
        combo.setCurrentIndex(0 if header is None else combo.findText(header))

    # --- check and import ------------------------------------------------------------------

    def run_check(self):
        mapping = None if self.archive else self.current_mapping()
        path, table = self.path, self.table

        def work(progress, cancelled):
            if self.archive:
                return importer.check_archive(path)[0]
            return importer.check(table, mapping)[0]

        return run_in_background(self, tr("正在检查每一行…"), work, self._set_report, self._failed)

    def _set_report(self, report: importer.Report | None) -> None:
        self.report = report
        self.problems.setRowCount(0)
        if report is None:
            self.summary.setText(tr("请先点“检查”：逐行核对，发现问题时不会导入任何案件。") if self.path else "")
            self.import_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        self.summary.setText(report.summary())
        self.problems.setRowCount(len(report.problems))
        for row, p in enumerate(report.problems):
            for col, value in enumerate((str(p.row), p.column, p.value, p.problem)):
                self.problems.setItem(row, col, QTableWidgetItem(value))
        self.problems.resizeColumnsToContents()
        self.save_button.setEnabled(bool(report.problems))
        self.import_button.setEnabled(not report.problems and report.ready > 0)
        (self.import_button if self.import_button.isEnabled() else self.problems).setFocus()

    def save_report(self, path: str | None = None) -> str | None:
        if path is None:
            path = file_dialogs.save_file(self, tr("保存检查报告"), tr("导入检查报告.xlsx"), "Excel (*.xlsx)")
            if not path:
                return None
        try:
            importer.save_report(self.report, path)
        except importer.ImportFailed as exc:
            QMessageBox.warning(self, tr("未能保存"), i18n.say(exc))
            return None
        return path

    def run_import(self):
        mapping = None if self.archive else self.current_mapping()
        path, table = self.path, self.table

        def work(progress, cancelled):
            if self.archive:
                return importer.import_archive(path, progress=progress, cancelled=cancelled)
            return importer.import_table(table, mapping, progress=progress, cancelled=cancelled)

        def done(report) -> None:
            self.imported.emit(report)
            QMessageBox.information(self, tr("导入完成"), tr("已导入 %1 件案件。").replace("%1", str(report.imported)))
            self.accept()

        return run_in_background(self, tr("正在导入…"), work, done, self._failed)

    def _failed(self, error) -> None:
        if isinstance(error, importer.ImportRejected):
            self._set_report(error.report)
        else:
            show_failure(self, tr("未能导入"), error)

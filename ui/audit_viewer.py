"""审计记录: the audit trail for supervisors and auditors — filter by person, case, action and
date, newest first, a page at a time; verify the hash chain; export what is shown to Excel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import audit
from ui import file_dialogs, i18n
from ui.register import OptionalDate
from ui.screen_fit import fit_to_screen
from ui.workers import run_in_background

PAGE = 500


tr = i18n.translator("audit_viewer")


class AuditViewer(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("审计记录"))
        self.setObjectName("audit_viewer")
        fit_to_screen(self, 1100, 700)
        self.actor = QComboBox(self)
        self.actor.setObjectName("audit.actor")
        self.actor.addItem(tr("全部人员"), "")
        for name in audit.actors():
            self.actor.addItem(name, name)
        self.case_no = QLineEdit(self)
        self.case_no.setObjectName("audit.case")
        self.case_no.setPlaceholderText(tr("案件号"))
        self.action = QComboBox(self)
        self.action.setObjectName("audit.action")
        self.action.addItem(tr("全部操作"), "")
        self.action.addItem(tr("案件上的一切"), "case.")
        self.action.addItem(tr("一切导出"), "export.")
        for code, label in audit.ACTIONS.items():
            self.action.addItem(tr(label), code)
        self.date_from, self.date_to = OptionalDate(self, "audit.from"), OptionalDate(self, "audit.to")
        bar = QHBoxLayout()
        for text, widget in (
            (tr("人员(&P)"), self.actor),
            (tr("案件(&C)"), self.case_no),
            (tr("操作(&A)"), self.action),
            (tr("日期从(&D)"), self.date_from),
            (tr("至"), self.date_to),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("audit.table")
        self.table.setHorizontalHeaderLabels(
            [tr("编号"), tr("时间"), tr("操作人"), tr("操作"), tr("案件号"), tr("内容")]
        )
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.count_label = QLabel(self)
        self.more = QPushButton(tr("加载更多(&M)"), self)
        self.more.clicked.connect(self.load_more)
        verify = QPushButton(tr("校验记录链(&V)"), self)
        verify.clicked.connect(lambda: self.verify())
        export = QPushButton(tr("导出为 Excel(&E)…"), self)
        export.clicked.connect(lambda: self.export())
        self.result = QLabel(self)
        self.result.setObjectName("audit.result")
        self.result.setWordWrap(True)
        bottom = QHBoxLayout()
        for widget in (self.count_label, self.more, verify, export):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        layout.addLayout(bottom)
        for combo in (self.actor, self.action):
            combo.currentIndexChanged.connect(self.reload)
        self.case_no.returnPressed.connect(self.reload)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.reload)
        self.reload()

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(
            actor=self.actor.currentData() or "",
            case_no=self.case_no.text().strip(),
            action=self.action.currentData() or "",
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
        )

    def reload(self) -> None:
        self.filter = self.current_filter()
        self.total = audit.count(self.filter)
        self.table.setRowCount(0)
        self.load_more()

    def load_more(self) -> None:
        page = audit.entries(self.filter, self.table.rowCount(), PAGE)
        start = self.table.rowCount()
        self.table.setRowCount(start + len(page))
        for row, e in enumerate(page, start=start):
            for col, value in enumerate(
                (
                    str(e.id),
                    e.at.strftime("%Y-%m-%d %H:%M:%S"),
                    e.actor,
                    audit.ACTIONS.get(e.action, e.action),
                    e.case_no,
                    audit.describe(e),
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        for column in (1, 3):
            self.table.resizeColumnToContents(column)
        self.count_label.setText(
            tr("显示 %1 / 共 %2 条").replace("%1", str(self.table.rowCount())).replace("%2", str(self.total))
        )
        self.more.setEnabled(self.table.rowCount() < self.total)

    def verify(self) -> bool:
        checked, broken = audit.verify()
        if broken is None:
            entry_id, digest = audit.head()
            self.result.setStyleSheet("color: #1e6b30;")
            self.result.setText(
                tr("记录链完整：%1 条逐条校验一致。锚点 %2（请记入纸质报告或备份登记）")
                .replace("%1", str(checked))
                .replace("%2", f"{entry_id}:{digest[:16]}")
            )
            return True
        self.result.setStyleSheet("color: #b3261e;")
        self.result.setText(
            tr("记录链断开：第 %1 号记录，%2").replace("%1", str(broken.entry_id)).replace("%2", broken.problem)
        )
        return False

    def export(self, path: str | None = None):
        from app.archives import excel

        if path is None:
            path = file_dialogs.save_file(self, tr("导出审计记录"), tr("审计记录.xlsx"), "Excel (*.xlsx)")
            if not path:
                return None
        flt = self.filter
        self.exported = None

        return run_in_background(
            self,
            tr("正在导出审计记录…"),
            lambda progress, cancelled: excel.export_audit(flt, path, progress, cancelled),
            lambda rows: setattr(self, "exported", rows),
            failure_title=tr("未能导出"),
        )

"""One case: header, the recorded fields (editable), and the timeline, newest first."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import case_file, cases, permissions, vocab
from app.errors import ComplaintDeskError, StaleEdit, ValidationFailed
from app.workflow import machine
from ui import i18n
from ui.documents_panel import DocumentsPanel
from ui.evidence_panel import EvidencePanel
from ui.field_form import FieldForm
from ui.records_panel import RecordsPanel
from ui.workflow_panel import WorkflowPanel

tr = i18n.translator("case_view")


class CaseView(QWidget):
    changed = Signal(int)  # case id, after a save

    def __init__(self, case_id: int, parent=None):
        super().__init__(parent)
        with case_file.opened(case_id):  # the panels below and the first reload read it once
            self._build(case_id)

    def _build(self, case_id: int) -> None:
        self.case_id = case_id
        self.record: cases.CaseRecord | None = None
        self.setObjectName(f"case.{case_id}")

        self.title = QLabel(self)
        self.title.setObjectName("case.title")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("case.status")
        self.status.setStyleSheet("padding: 2px 8px; border-radius: 4px; background: #e8f0fe; color: #174ea6;")
        self.parties = QLabel(self)
        self.parties.setObjectName("case.parties")
        self.meta = QLabel(self)
        self.meta.setObjectName("case.meta")
        self.meta.setStyleSheet("color: #5f6368;")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addSpacing(12)
        header.addWidget(self.parties, 1)
        self.revealed: dict = {}  # the full numbers, once revealed (each reveal is on the audit trail)
        self.reveal_button = QPushButton(tr("显示完整号码(&R)"), self)
        self.reveal_button.setObjectName("case.reveal")
        self.reveal_button.setToolTip(tr("电话和证件号码默认遮蔽；显示需要相应权限，并记入审计记录"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setEnabled(permissions.may("personal.reveal"))
        self.reveal_button.hide()
        header.addWidget(self.reveal_button)
        header.addWidget(self.meta)

        self.warnings = QLabel(self)  # what intake found (A3 signs, A4's three years, a likely repeat)
        self.warnings.setObjectName("case.warnings")
        self.warnings.setStyleSheet("color: #8a5300;")
        self.warnings.setWordWrap(True)
        self.warnings.hide()

        self.form = FieldForm(self)
        self.form.edited.connect(self._update_buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        # the splitter may narrow the form to what it needs, never below (no sideways scrolling)
        scroll.setMinimumWidth(
            self.form.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )

        self.save_button = QPushButton(tr("保存修改 (Ctrl+S)"), self)
        self.save_button.setObjectName("case.save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("撤销修改"), self)
        self.revert_button.setObjectName("case.revert")
        self.revert_button.clicked.connect(self.revert)
        self.reload_button = QPushButton(tr("重新载入 (F5)"), self)
        self.reload_button.setObjectName("case.reload")
        self.reload_button.clicked.connect(self.reload)
        self.message = QLabel(self)
        self.message.setObjectName("case.message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.reload_button, self.revert_button, self.save_button):
            buttons.addWidget(b)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(buttons)

        self.timeline = QTextBrowser(self)
        self.timeline.setObjectName("case.timeline")
        self.timeline.setOpenLinks(False)
        self.workflow = WorkflowPanel(case_id, self)
        self.workflow.changed.connect(self._workflow_changed)
        if self.workflow.counter:  # the 三包 advice follows the form as the clerk changes it
            self._advice_timer = QTimer(self)
            self._advice_timer.setSingleShot(True)
            self._advice_timer.setInterval(300)
            self._advice_timer.timeout.connect(lambda: self.workflow.show_advice_for(self.form.values()))
            self.form.edited.connect(self._advice_timer.start)
        timeline_box = QWidget(self)
        tl = QVBoxLayout(timeline_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.workflow)
        self.records = RecordsPanel(case_id, self)
        self.records.changed.connect(self._workflow_changed)
        self.lower_tabs = QTabWidget(timeline_box)
        self.lower_tabs.addTab(self.timeline, tr("时间线(&L)（最新在上）"))
        self.lower_tabs.addTab(
            self.records, tr("维修·回访记录(&J)") if self.workflow.counter else tr("调查·调解·回访记录(&J)")
        )
        self.evidence = EvidencePanel(case_id, self)
        self.evidence.changed.connect(self._workflow_changed)
        self.lower_tabs.addTab(self.evidence, tr("证据(&G)"))
        self.documents = DocumentsPanel(case_id, self)
        self.documents.changed.connect(self._workflow_changed)
        self.lower_tabs.addTab(self.documents, tr("文书(&W)"))
        self.setAcceptDrops(True)  # files dropped anywhere on the case become evidence
        tl.addWidget(self.lower_tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])  # the form needs its two columns; the panel wraps

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F5"), self, self.reload, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload(ask=False, panels=False)  # the panels loaded themselves as they were made

    def reload(self, ask: bool = True, panels: bool = True) -> None:
        if ask and self.form.is_dirty() and not self._confirm_discard():
            return
        with case_file.opened(self.case_id):  # one read for the record and every panel
            self._reload(panels)

    def _reload(self, panels: bool) -> None:
        self.record = cases.load(self.case_id)
        self._show_values(self.record.values)
        self.form.show_errors({})
        self._show_header()
        self._show_timeline()
        if panels:
            self.workflow.reload()
            self.records.reload()
        self.message.clear()
        self._update_buttons()

    def show_panel(self, name: str) -> None:
        """Bring a lower panel to the front (records, evidence, documents) with the focus in it."""
        if name == "workflow":
            self.workflow.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        panel = {"records": self.records, "evidence": self.evidence, "documents": self.documents}[name]
        self.lower_tabs.setCurrentWidget(panel)
        panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.lower_tabs.setCurrentWidget(self.evidence)
            self.evidence.ask_details(paths)

    def _workflow_changed(self) -> None:
        with case_file.opened(self.case_id):
            self.workflow.reload()  # a record may change the status (appraisal, appeal)
            self.records.reload()
            self.documents.reload()
            self.record = cases.load(self.case_id) if not self.form.is_dirty() else self._keep_typing()
            self._show_header()
            self._show_timeline()
        self.changed.emit(self.case_id)

    def _keep_typing(self) -> cases.CaseRecord:
        """A status change while fields are being edited: new header, the typing stays."""
        fresh = cases.load(self.case_id)
        fresh.versions = self.record.versions
        return fresh

    def _show_header(self) -> None:
        r = self.record
        v = r.values
        self.title.setText(r.case_no)
        status = tr(machine.office_profile().states.get(r.status, vocab.label(vocab.STATUSES, r.status)))
        grade = r.values.get("case.grade") or "ordinary"
        self.status.setText(status if grade == "ordinary" else status + " · " + tr(vocab.GRADES[grade]))
        if self.workflow.counter:  # the customer and the device; the shop is the office
            device = " ".join(x for x in (v["purchase.brand"], v["purchase.model"]) if x)
            self.parties.setText(
                "  ·  ".join(
                    x for x in (tr("顾客 %1").replace("%1", v["complainant.name"]), device, v["purchase.serial"]) if x
                )
            )
        else:
            self.parties.setText(f"{v['complainant.name']}  {tr('诉')}  {v['business.name']}")
        meta = tr("收到于 %1 · 经办人 %2").replace("%1", f"{r.received_at:%Y-%m-%d %H:%M}").replace("%2", r.handler)
        if r.registered_at and r.registered_at.date() != r.received_at.date():
            meta += tr(" · 登记于 %1").replace("%1", f"{r.registered_at:%Y-%m-%d %H:%M}")
        self.meta.setText(meta)
        self.warnings.setText("\n".join("⚠ " + tr(text) for text in r.warnings.values()))
        self.warnings.setVisible(bool(r.warnings))

    def _show_timeline(self) -> None:
        rows = []
        for entry in cases.timeline(self.case_id, i18n.current()):
            text = (
                entry.text
                if not entry.note or entry.note == entry.text
                else entry.text + tr("（%1）").replace("%1", entry.note)
            )
            rows.append(
                f'<tr><td style="color:#5f6368; white-space:nowrap; padding:4px 10px 4px 0">'
                f"{entry.at:%Y-%m-%d %H:%M}<br>{html.escape(entry.actor)}</td>"
                f'<td style="padding:4px 0">{html.escape(text)}</td></tr>'
            )
        self.timeline.setHtml(f'<table width="100%" cellspacing="0">{"".join(rows)}</table>')

    def _update_buttons(self) -> None:
        dirty = self.form.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def save(self) -> None:
        changes = self.form.changed_values()
        if not changes:
            return
        try:
            self.record = cases.edit(self.case_id, changes, self.record.versions)
        except ValidationFailed as exc:
            self.form.show_errors(exc.errors)
            self._say(tr("未保存：有 %1 处需要更正。").replace("%1", str(len(exc.errors))), error=True)
            return
        except StaleEdit:
            self.resolve_conflict(changes)
            return
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return
        self._keep_revealed(changes)
        self._show_values(self.record.values)
        self.form.show_errors({})
        self._show_header()
        self._show_timeline()
        self._update_buttons()
        self._say(tr("已保存 %1 项修改。").replace("%1", str(len(changes))))
        self.changed.emit(self.case_id)

    def _keep_revealed(self, changes: dict) -> None:
        """A revealed number the clerk just changed shows as typed (the record holds it masked)."""
        if self.revealed:
            self.revealed.update({k: v.strip() for k, v in changes.items() if k in cases.PERSONAL})

    def resolve_conflict(self, changes: dict, choice: int | None = None) -> None:
        """Another seat saved first: show both sides; re-apply this clerk's edit on top, take
        theirs, or go on editing. What was typed stays in the form until the clerk decides."""
        from ui.conflict_dialog import REAPPLY, TAKE_THEIRS, ConflictDialog

        fresh, lines = cases.conflict(self.case_id, self.record.values, changes)
        dialog = ConflictDialog(self, fresh.case_no, lines)
        self.conflict_dialog = dialog
        choice = dialog.exec() if choice is None else choice
        if choice == REAPPLY:
            try:
                self.record = cases.edit(self.case_id, changes, fresh.versions)
            except ComplaintDeskError as exc:  # a third seat, or their change made mine invalid
                self._say(i18n.say(exc), error=True)
                return
            self._keep_revealed(changes)
            self._show_values(self.record.values)
            self._show_header()
            self._show_timeline()
            self._update_buttons()
            self._say(tr("已在他人修改的基础上保存你的 %1 项修改。").replace("%1", str(len(changes))))
            self.changed.emit(self.case_id)
        elif choice == TAKE_THEIRS:
            self.reload(ask=False)
            self._say(tr("已载入他人保存的最新内容，你的修改已放弃。"))
        else:
            self._say(tr("尚未保存：他人已修改此案件，你的输入仍在表单中。"), error=True)

    def _show_values(self, values: dict) -> None:
        """Into the form, clean; personal numbers stay masked (and read-only) until revealed."""
        hide = not self.revealed
        self.form.set_values(cases.masked(values) if hide else {**values, **self.revealed})
        for key in cases.PERSONAL:
            widget = self.form.widgets.get(key)
            if widget is not None:
                widget.setReadOnly(hide)
        self.form.mark_clean()
        self.reveal_button.setVisible(hide)

    def reveal(self) -> None:
        """显示完整号码: allowed roles only; recorded on the audit trail."""
        try:
            full = cases.reveal(self.case_id)
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return
        self.revealed = full
        typed = self.form.changed_values()
        self._show_values(self.record.values)
        self.form.set_values(typed)  # what was being typed elsewhere stays
        self._say(tr("已显示完整号码（已记入审计记录）"))

    def revert(self) -> None:
        self._show_values(self.record.values)
        self.form.show_errors({})
        self._update_buttons()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #188038;")
        self.message.setText(text)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("放弃修改？"),
            tr("案件 %1 有尚未保存的修改，确定放弃吗？").replace("%1", self.record.case_no if self.record else ""),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def can_close(self) -> bool:
        return not self.form.is_dirty() or self._confirm_discard()

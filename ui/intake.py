"""The intake dialog: a new complaint, typed once, saved whole or not at all."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from app import cases, duplicates, fields, grading, sanbao, vocab, workload
from app.cases import CaseRef
from app.errors import ComplaintDeskError, ValidationFailed
from app.workflow import machine
from ui import i18n
from ui.field_form import FieldForm
from ui.screen_fit import fit_to_screen
from ui.workflow_panel import advice_html

tr = i18n.translator("intake")

NEW_CASE_DEFAULTS = {"complaint.channel": "walk_in", "complainant.id_type": "none"}


class IntakeDialog(QDialog):
    saved = Signal(object)  # CaseRef

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counter = machine.office_profile().code == fields.COUNTER
        self.setWindowTitle(tr("接机登记") if self.counter else tr("登记投诉"))
        self.setObjectName("intake")
        fit_to_screen(self, 1180, 820)
        self.case: CaseRef | None = None
        self._refused_save = False
        self.form = FieldForm(self)
        self.form.set_values(NEW_CASE_DEFAULTS)
        self.form.mark_clean()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.message = QLabel(self)
        self.message.setObjectName("intake.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("intake.save")
        cancel = buttons.addButton(tr("取消 (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)  # Enter in a field must not save half a form
        layout = QVBoxLayout(self)
        hint = QLabel(tr("带 * 的为必填项。Tab 键逐项填写，Ctrl+S 保存，Esc 取消。"), self)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        self.grade_hint = QLabel(self)  # the grade proposed from the category and the facts
        self.grade_hint.setObjectName("intake.grade")
        self.grade_hint.setStyleSheet("color: #174ea6;")
        layout.addWidget(self.grade_hint)
        self.grade_hint.setVisible(not self.counter)  # a counter does not grade what it takes in
        self.advice = QLabel(self)  # the counter: the 三包 advice for what is typed so far
        self.advice.setObjectName("intake.sanbao")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setVisible(False)
        layout.addWidget(self.advice)
        layout.addLayout(self._handler_row())
        layout.addWidget(self._related_box())
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.form.errors_changed.connect(self._errors_changed)
        self.form.widgets["complainant.name"].setFocus()

    def _handler_row(self) -> QHBoxLayout:
        """Whom the case goes to: proposed from the category's team and who carries least, until the clerk picks."""
        self.handler = QComboBox(self)
        self.handler.setObjectName("intake.handler")
        self.handler_chosen = False
        names = workload.eligible()
        for name in names:
            self.handler.addItem(name, name)
        self.handler.activated.connect(lambda _i: setattr(self, "handler_chosen", True))
        caption = QLabel(tr("经办人(&J)"), self)
        caption.setBuddy(self.handler)
        self.handler_hint = QLabel(tr("按投诉类别的分工和各人在办件数建议"), self)
        self.handler_hint.setStyleSheet("color: #5f6368;")
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.handler)
        row.addWidget(self.handler_hint, 1)
        for widget in (caption, self.handler, self.handler_hint):
            widget.setVisible(bool(names))  # no accounts (a one-person counter): whoever registers handles it
        self._propose_handler()
        return row

    def _propose_handler(self) -> None:
        category = self.form.value("complaint.category") if "complaint.category" in self.form.widgets else ""
        if self.handler_chosen or not self.handler.count() or category == getattr(self, "_proposed_for", None):
            return  # the clerk chose, or the category is the one the proposal was made for
        self._proposed_for = category
        proposed = workload.propose(category)
        if proposed:
            self.handler.setCurrentIndex(max(self.handler.findData(proposed), 0))

    def _related_box(self) -> QGroupBox:
        """Earlier cases this complaint may repeat, and A3 warnings, found as the clerk types."""
        self.related_box = QGroupBox(tr("可能相关的案件（查重）"), self)
        self.related_box.setObjectName("intake.related")
        self.warnings = QLabel(self.related_box)
        self.warnings.setObjectName("intake.warnings")
        self.warnings.setStyleSheet("color: #8a5300;")
        self.warnings.setWordWrap(True)
        self.related = QListWidget(self.related_box)
        self.related.setObjectName("intake.related_list")
        self.related.setMaximumHeight(90)
        self.link_button = QPushButton(tr("设为前次投诉(&L)"), self.related_box)
        self.link_button.clicked.connect(self.link_selected)
        row = QHBoxLayout()
        row.addWidget(self.related, 1)
        row.addWidget(self.link_button)
        box = QVBoxLayout(self.related_box)
        box.addWidget(self.warnings)
        box.addLayout(row)
        self.related_box.hide()
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(400)
        self._recheck.timeout.connect(self.check_related)
        self.form.edited.connect(self._recheck.start)
        return self.related_box

    def check_related(self) -> None:
        self._recheck.stop()
        self._propose_handler()
        if self.counter:
            self.advice.setText(advice_html(sanbao.advice_for_values(self.form.values())))
            self.advice.setVisible(True)
        proposal = grading.propose(self.form.values())
        why = tr("（%1）").replace("%1", tr(proposal.why)) if proposal.why else ""
        self.grade_hint.setText(
            tr("建议等级：%1").replace("%1", tr(grading.GRADES[proposal.grade]))
            + why
            + tr("；如选择其他等级，请在“改变建议等级的理由”中写明")
        )
        try:
            found = duplicates.check(self.form.values())
        except Exception:  # noqa: BLE001 - a failed look-up must never block typing
            import logging

            logging.getLogger(__name__).exception("duplicate check failed")
            return
        self.related.clear()
        for r in found.related:
            text = (
                f"{r.case_no}  {r.received_at:%Y-%m-%d}  {r.business}  "
                f"{vocab.label(vocab.STATUSES, r.status)}  —  {tr(r.why)}"
            )
            item = QListWidgetItem(text, self.related)
            item.setData(Qt.ItemDataRole.UserRole, r.case_no)
        self.warnings.setText("\n".join(tr(w) for w in found.warnings))
        self.warnings.setVisible(bool(found.warnings))
        self.related_box.setVisible(bool(found.related or found.warnings))
        self.link_button.setEnabled(bool(found.related))

    def link_selected(self) -> None:
        item = self.related.currentItem() or self.related.item(0)
        if item is not None:
            self.form.set_values({"case.earlier_case": item.data(Qt.ItemDataRole.UserRole)})
            self.form.edited.emit()

    def save(self) -> None:
        """Save the whole intake; on any failure the form stays exactly as typed."""
        try:
            self.case = cases.intake(self.form.values(), handler=self.handler.currentData())
        except ValidationFailed as exc:
            self._refused_save = True
            self.form.show_errors(exc.errors)
            self.show_message(tr("有 %1 处需要更正，见各栏下方的红字说明。").replace("%1", str(len(exc.errors))))
            return
        except ComplaintDeskError as exc:
            self.show_message(i18n.say(exc))
            QMessageBox.warning(self, tr("未能保存"), tr("投诉未保存，已填内容仍在表中。\n\n") + i18n.say(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a database failure must not lose the typed form
            import logging

            logging.getLogger(__name__).exception("intake save failed")
            self.show_message(tr("保存失败：") + i18n.say(exc))
            QMessageBox.critical(
                self,
                tr("未能保存"),
                tr("投诉未保存（数据库出错），已填内容仍在表中，可稍后再保存。\n\n") + i18n.say(exc),
            )
            return
        self.form.mark_clean()
        self.saved.emit(self.case)
        self.accept()

    def _errors_changed(self, count: int) -> None:
        """The banner after a refused save follows the fields as they are corrected."""
        if not self.message.isHidden() and self._refused_save:
            if count:
                self.show_message(tr("有 %1 处需要更正，见各栏下方的红字说明。").replace("%1", str(count)))
            else:
                self.message.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away anything typed."""
        if self.form.is_dirty():
            answer = QMessageBox.question(
                self,
                tr("放弃登记？"),
                tr("表中已填写的内容尚未保存，确定放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.result() == QDialog.DialogCode.Accepted or not self.form.is_dirty():
            event.accept()
            return
        event.ignore()
        self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()  # Enter moves on, as clerks expect on a paper-like form
            return
        super().keyPressEvent(event)

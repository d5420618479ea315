"""A notice's wording changed for one case in the 文书 panel: the preview and the issued PDF say
it, other cases keep the office's template, a bad placeholder is refused in the dialog, and the
office's template comes back at a click."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import cases
from tests.app.test_documents_from_records import has, text_of
from tests.factories import intake_values
from tests.ui.conftest import activate

ADDED = "另请于三日内补交发票原件。"


def open_documents(window, qtbot, case_id):
    view = window.open_case(case_id)
    qtbot.waitUntil(view.isVisible)
    view.lower_tabs.setCurrentWidget(view.documents)
    panel = view.documents
    panel.kind.setCurrentIndex(panel.kind.findData("acceptance_notice"))
    return view, panel


def test_the_wording_is_changed_for_one_case_and_issued_as_shown(window, qtbot, messages, answers):
    ref, other = cases.intake(intake_values()), cases.intake(intake_values())
    view, panel = open_documents(window, qtbot, ref.id)
    qtbot.mouseClick(panel.wording_button, Qt.MouseButton.LeftButton)
    dialog = panel.wording_dialog
    activate(qtbot, dialog)
    assert "{案件号}" in dialog.text.toPlainText() and not dialog.reset_button.isEnabled()

    dialog.text.setPlainText(dialog.text.toPlainText() + "{不存在的项}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "不认识的填入项" in dialog.error.text()
    dialog.text.setPlainText(dialog.text.toPlainText().replace("{不存在的项}", "\n" + ADDED))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and "本案措辞已更新" in panel.message.text()
    assert any(e.text == "文书措辞：本案的受理通知书改用修改后的措辞" for e in cases.timeline(ref.id))

    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert has(text_of(panel.notices[0]), ADDED, ref.case_no) == []

    _, elsewhere = open_documents(window, qtbot, other.id)
    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(elsewhere.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: elsewhere.table.rowCount() == 1)
    assert has(text_of(elsewhere.notices[0]), ADDED) == [ADDED]  # the office's template, unchanged

    view, panel = open_documents(window, qtbot, ref.id)
    qtbot.mouseClick(panel.wording_button, Qt.MouseButton.LeftButton)
    dialog = panel.wording_dialog
    activate(qtbot, dialog)
    assert ADDED in dialog.text.toPlainText() and dialog.reset_button.isEnabled()
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    newest = max(panel.notices, key=lambda n: n.id)
    assert has(text_of(newest), ADDED) == [ADDED]
    oldest = min(panel.notices, key=lambda n: n.id)
    assert has(text_of(oldest), ADDED) == []  # what was issued stays as it was shown

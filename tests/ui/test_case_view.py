"""The case view: edit a recorded field, see it on the timeline; a stale save keeps typing."""

from PySide6.QtCore import Qt

from app import cases
from tests.ui.typing import type_text


def test_edit_writes_a_timeline_event(window, qtbot, messages):
    case_id = window.register.model.rows[0].id
    view = window.open_case(case_id)
    facts = view.form.widgets["complaint.facts"]
    facts.setFocus()
    qtbot.keyClick(facts, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, facts, "（补充：已提供发票）")
    assert view.save_button.isEnabled()
    qtbot.keyClick(facts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "已保存 1 项" in view.message.text()
    shown = view.timeline.toPlainText()
    assert "修改投诉内容·投诉事实" in shown and "已提供发票" in shown
    assert shown.index("修改投诉内容·投诉事实") < shown.index("登记投诉")  # newest first
    assert cases.load(case_id).values["complaint.facts"].endswith("（补充：已提供发票）")
    assert not view.save_button.isEnabled()


def test_stale_save_is_refused_and_keeps_what_was_typed(window, qtbot, messages):
    case_id = window.register.model.rows[1].id
    view = window.open_case(case_id)
    other_seat = cases.load(case_id)
    cases.edit(case_id, {"purchase.amount": "1.00"}, other_seat.versions, actor="另一席位")
    amount = view.form.widgets["purchase.amount"]
    amount.selectAll()
    type_text(qtbot, amount, "2.00")
    view.save_button.click()
    assert messages.kinds() == ["warning"] and "其他席位" in messages[0][2]
    assert amount.text() == "2.00"  # the clerk's typing stays on screen
    assert cases.load(case_id).values["purchase.amount"] == "1.00"  # the other seat's save stands


def test_invalid_edit_shows_reason_next_to_field(window, qtbot, messages):
    view = window.open_case(window.register.model.rows[2].id)
    phone = view.form.widgets["complainant.phone"]
    phone.selectAll()
    type_text(qtbot, phone, "12")
    view.save()
    assert view.form.error_text("complainant.phone")
    assert "未保存" in view.message.text()


def test_closing_a_dirty_case_tab_asks(window, qtbot, messages):
    view = window.open_case(window.register.model.rows[0].id)
    type_text(qtbot, view.form.widgets["purchase.serial"], "IMEI 1234")
    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert messages.kinds() == ["question"]
    assert len(window.open_views()) == 1


def test_a_case_is_usable_from_the_keyboard(window, qtbot, messages):
    from PySide6.QtWidgets import QApplication

    view_widget = window.register.view
    view_widget.setFocus()
    view_widget.selectRow(0)
    qtbot.keyClick(view_widget, Qt.Key.Key_Return)  # open the case
    view = window.tabs.currentWidget()
    assert view.case_id == window.register.model.rows[0].id
    alt = Qt.KeyboardModifier.AltModifier
    for key, widget in ((Qt.Key.Key_G, view.evidence), (Qt.Key.Key_J, view.records), (Qt.Key.Key_L, view.timeline)):
        qtbot.keyClick(QApplication.focusWidget() or view, key, alt)
        assert view.lower_tabs.currentWidget() is widget
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_B, alt)  # the 办理 panel
    assert view.workflow.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.open_views() == []

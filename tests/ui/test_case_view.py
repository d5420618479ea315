"""The case view: edit a recorded field, see it on the timeline; a stale save keeps typing."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTableWidget

from app import cases, startup
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


def answer_conflict(view, choice: str) -> None:
    """When the conflict dialog comes up, press one of its buttons (or Esc: go on editing)."""

    def press() -> None:
        dialog = view.conflict_dialog
        {"reapply": dialog.reapply_button.click, "theirs": dialog.theirs_button.click, "edit": dialog.reject}[choice]()

    QTimer.singleShot(0, press)


def test_stale_save_shows_both_sides_and_keeps_what_was_typed(window, qtbot, messages):
    case_id = window.register.model.rows[1].id
    view = window.open_case(case_id)
    other_seat = cases.load(case_id)
    cases.edit(case_id, {"purchase.amount": "1.00"}, other_seat.versions, actor="另一席位")
    amount = view.form.widgets["purchase.amount"]
    amount.selectAll()
    type_text(qtbot, amount, "2.00")
    answer_conflict(view, "edit")
    view.save_button.click()
    table = view.conflict_dialog.findChild(QTableWidget, "conflict.table")
    row = [table.item(0, c).text() for c in range(4)]
    assert row[0] == "购买信息·购买金额（元）" and row[2] == "1.00" and row[3] == "2.00"
    assert table.item(0, 0).background().color().name() == "#fde7e9"  # both changed it: a clash
    assert amount.text() == "2.00"  # the clerk's typing stays on screen
    assert cases.load(case_id).values["purchase.amount"] == "1.00"  # the other seat's save stands
    assert "尚未保存" in view.message.text()
    answer_conflict(view, "reapply")  # the clerk decides their amount is right
    view.save_button.click()
    assert cases.load(case_id).values["purchase.amount"] == "2.00"


def test_invalid_edit_shows_reason_next_to_field(window, qtbot, messages):
    view = window.open_case(window.register.model.rows[2].id)
    phone = view.form.widgets["complainant.phone"]
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    phone.selectAll()
    type_text(qtbot, phone, "12")
    view.save_button.click()
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


def test_two_windows_on_one_postgresql_database_both_edits_end_up_saved(qtbot, pg_url, new_pg_database, messages):
    """Two seats open the same case; the first saves the phone, the second the address: the
    second sees what changed and saves on top, and the case ends with both."""
    from app import db
    from tests.factories import intake_values
    from ui.main import make_application
    from ui.main_window import MainWindow

    make_application()
    url = new_pg_database()
    startup.open_database(url)
    ref = cases.intake(intake_values())
    first, second = MainWindow(url), MainWindow(url)
    for w in (first, second):
        qtbot.addWidget(w)
        w.load()
        w.show()
    seat_a, seat_b = first.open_case(ref.id), second.open_case(ref.id)
    phone = seat_a.form.widgets["complainant.phone"]
    assert phone.isReadOnly() and phone.text() == "138****5678"
    seat_a.reveal_button.click()  # the full number, to change it (recorded)
    phone.selectAll()
    type_text(qtbot, phone, "13900001111")
    seat_a.save_button.click()
    assert "已保存" in seat_a.message.text() and phone.text() == "13900001111"
    address = seat_b.form.widgets["complainant.address"]
    address.selectAll()
    type_text(qtbot, address, "杭州市滨江区江南大道 3 号")
    answer_conflict(seat_b, "reapply")
    seat_b.save_button.click()
    lines = seat_b.conflict_dialog.findChild(QTableWidget, "conflict.table")
    assert {lines.item(r, 0).text() for r in range(lines.rowCount())} == {"投诉人·联系电话", "投诉人·通信地址"}
    final = cases.load(ref.id).values
    assert cases.reveal(ref.id)["complainant.phone"] == "13900001111"
    assert final["complainant.address"] == "杭州市滨江区江南大道 3 号"
    assert seat_b.form.widgets["complainant.phone"].text() == "139****1111"  # the form shows both now (masked)
    db.close()

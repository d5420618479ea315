"""The intake form, typed into like a clerk would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from app import cases, register
from app.errors import DatabaseError
from tests.factories import VALID_ID
from tests.ui.conftest import activate
from tests.ui.typing import type_text


def type_into(qtbot, form, key, text):
    widget = form.widgets[key]
    widget.setFocus()
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def choose(form, key, code):
    combo: QComboBox = form.widgets[key]
    combo.setCurrentIndex(combo.findData(code))


def fill(qtbot, form, values: dict) -> None:
    """Type each value into its field in order (a choice is picked from its list)."""
    for key, value in values.items():
        if isinstance(form.widgets[key], QComboBox):
            choose(form, key, value)
        else:
            type_into(qtbot, form, key, value)


def fill_valid(qtbot, form):
    fill(
        qtbot,
        form,
        {
            "complainant.name": "李四",
            "complainant.phone": "13900001111",
            "business.name": "西湖区某某手机店",
            "purchase.product": "手机",
            "purchase.purchase_date": "2026年9月1日",
            "purchase.amount": "4999",
            "complaint.category": "quality",
            "complaint.facts": "手机购买两周后黑屏，门店拒绝换货",
        },
    )


def open_intake(window, qtbot):
    dialog = window.new_intake()
    activate(qtbot, dialog)
    return dialog


def test_invalid_id_uscc_phone_shown_next_to_field_and_save_refused(window, qtbot, messages):
    before = cases.count()
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    form.widgets["complainant.phone"].clear()
    type_into(qtbot, form, "complainant.phone", "1390000111")
    assert "11 位" in form.error_text("complainant.phone")  # shown as the clerk leaves the field
    choose(form, "complainant.id_type", "resident_id")
    type_into(qtbot, form, "complainant.id_number", VALID_ID[:-1] + "1")
    type_into(qtbot, form, "business.uscc", "91350100M000100Y44")
    assert "校验位" in form.error_text("business.uscc")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert cases.count() == before
    assert "校验位" in form.error_text("complainant.id_number")
    assert "11 位" in form.error_text("complainant.phone")
    assert dialog.message.isVisible() and "3 处" in dialog.message.text()
    assert form.value("complaint.facts") == "手机购买两周后黑屏，门店拒绝换货"  # nothing typed was lost


def test_id_check_digit_on_leaving_and_messages_go_as_fields_are_corrected(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    choose(form, "complainant.id_type", "resident_id")
    type_into(qtbot, form, "complainant.id_number", VALID_ID[:-1] + "1")
    assert "校验位" in form.error_text("complainant.id_number")  # on leaving the field, not only on saving
    form.widgets["complainant.phone"].clear()
    type_into(qtbot, form, "complainant.phone", "1390000111")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "2 处" in dialog.message.text()
    phone = form.widgets["complainant.phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "1")  # the eleventh digit: the message goes at once, before leaving the field
    assert form.error_text("complainant.phone") == "" and "1 处" in dialog.message.text()
    number = form.widgets["complainant.id_number"]
    number.setFocus()
    qtbot.keyClick(number, Qt.Key.Key_Backspace)
    type_text(qtbot, number, VALID_ID[-1])
    assert form.error_text("complainant.id_number") == "" and dialog.message.isHidden()
    choose(form, "complainant.id_type", "none")  # a number with no type: said at the type
    assert "证件类型" in form.error_text("complainant.id_type")


def test_valid_intake_appears_in_register_at_once(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    fill_valid(qtbot, dialog.form)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    model = window.register.model
    first = model.rows[0]
    assert first.id == dialog.case.id
    assert model.index(0, 4).data() == "李四"
    assert model.index(0, 5).data() == "139****1111"
    assert model.index(0, 0).data() == dialog.case.case_no
    assert window.register.view.currentIndex().row() == 0
    assert window.register.count_label.text() == "共 451 件"


def test_tab_order_follows_the_form(window, qtbot):
    dialog = open_intake(window, qtbot)
    order = ["complainant.name", "complainant.phone", "complainant.address", "complainant.id_type"]
    dialog.form.widgets[order[0]].setFocus()
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.form.widgets[expected]
    dialog.form.widgets["business.shop"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.form.widgets["purchase.product"]


def test_esc_asks_before_throwing_typed_text_away(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    type_into(qtbot, dialog.form, "complainant.name", "王五")
    qtbot.keyClick(dialog.form.widgets["complainant.phone"], Qt.Key.Key_Escape)
    assert messages.kinds() == ["question"]
    assert dialog.isVisible() and dialog.form.value("complainant.name") == "王五"
    messages.answers["question"] = messages.answers["question"].Discard
    qtbot.keyClick(dialog.form.widgets["complainant.phone"], Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_on_untouched_form_closes_without_asking(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and list(messages) == []


def test_failed_save_keeps_the_form_as_typed(window, qtbot, messages, monkeypatch):
    dialog = open_intake(window, qtbot)
    fill_valid(qtbot, dialog.form)
    typed = dialog.form.values()

    def fail(values, *args, **kwargs):
        raise DatabaseError("数据库已锁定")

    monkeypatch.setattr(cases, "intake", fail)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.form.values() == typed
    assert messages.kinds() == ["warning"] and "已填内容仍在表中" in messages[0][2]
    monkeypatch.undo()
    dialog.save_button.click()  # the database is back: the same form saves
    assert not dialog.isVisible() and dialog.case is not None


def test_repeat_complaint_is_found_while_typing_and_linked(window, qtbot, messages):
    from tests.factories import intake_values

    earlier = cases.intake(intake_values(complainant__phone="13900001111"))
    dialog = open_intake(window, qtbot)
    fill_valid(qtbot, dialog.form)  # same phone as the earlier case
    qtbot.waitUntil(dialog.related_box.isVisible, timeout=3000)
    assert dialog.related.count() >= 1
    assert dialog.related.item(0).text().startswith(earlier.case_no) and "同一投诉人" in dialog.related.item(0).text()
    dialog.related.setCurrentRow(0)
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    assert dialog.form.value("case.earlier_case") == earlier.case_no
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert cases.load(dialog.case.id).values["case.earlier_case"] == earlier.case_no


def test_a_complaint_received_by_letter_keeps_its_received_date(window, qtbot, messages):
    """The clerk types a letter in on Monday that arrived the Friday before: the register lists it
    by when it was received, and a date still to come is refused at the field."""
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    type_into(qtbot, form, "case.received_at", "2026-11-24")
    assert "不能晚于今天" in form.error_text("case.received_at")
    form.widgets["case.received_at"].clear()
    type_into(qtbot, form, "case.received_at", "2026年11月20日 15:40")
    assert form.error_text("case.received_at") == ""
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    window.register.search.setText(dialog.case.case_no)
    window.register.apply_filter()
    model = window.register.model
    assert model.rows[0].id == dialog.case.id and model.index(0, 1).data() == "2026-11-20 15:40"


def test_a_warning_found_at_intake_stays_on_the_case_and_in_the_register(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    form.widgets["purchase.purchase_date"].clear()
    type_into(qtbot, form, "purchase.purchase_date", "2022-05-01")
    type_into(qtbot, form, "complaint.harm_known_date", "2022-06-01")
    qtbot.waitUntil(lambda: "民法典第一百八十八条" in dialog.warnings.text())  # said while typing
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    model = window.register.model
    flags = register.COLUMN_KEYS.index("flags")
    assert model.rows[0].id == dialog.case.id and model.index(0, flags).data() == "超过三年"
    view = window.open_case(dialog.case.id)
    qtbot.waitUntil(view.isVisible)
    assert view.warnings.isVisible() and "可依理由 A4 不予受理" in view.warnings.text()


def test_the_grade_is_proposed_while_typing_and_another_needs_its_reason(window, qtbot, messages):
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    type_into(qtbot, form, "complaint.facts", "，充电时起火，孩子手部烫伤")
    qtbot.waitUntil(lambda: "建议等级：紧急" in dialog.grade_hint.text())
    choose(form, "case.grade", "ordinary")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "与建议的等级（紧急）不同" in form.error_text("case.grade_reason")
    choose(form, "case.grade", "")  # back to the proposal
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    page = window.register
    page.grade.setCurrentIndex(page.grade.findData("urgent"))
    page.apply_filter()
    assert [r.id for r in page.model.rows] == [dialog.case.id]
    assert page.model.index(0, register.COLUMN_KEYS.index("grade")).data() == "紧急"


def test_on_a_shared_database_a_percent_sign_typed_into_the_intake_is_saved_and_found(qtbot, new_pg_database, messages):
    """On PostgreSQL a % typed into any field failed the whole save (psycopg2 read it as a
    placeholder in the writes that wait for the next trip): typed, saved and searched for here."""
    from app import db, startup
    from app.documents import issuing
    from app.workflow import machine
    from ui.main import make_application
    from ui.main_window import MainWindow

    make_application()
    url = new_pg_database()
    startup.open_database(url)
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    w = MainWindow(url)
    qtbot.addWidget(w)
    w.load()
    w.show()
    activate(qtbot, w)
    dialog = open_intake(w, qtbot)
    fill_valid(qtbot, dialog.form)
    dialog.form.widgets["complaint.facts"].clear()
    type_into(qtbot, dialog.form, "complaint.facts", "门店承诺“100% 退款”，%s 至今未兑现")
    dialog.form.widgets["business.name"].clear()
    type_into(qtbot, dialog.form, "business.name", "百分百%手机店")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and messages == []
    assert cases.load(dialog.case.id).values["complaint.facts"] == "门店承诺“100% 退款”，%s 至今未兑现"
    page = w.register
    page.search.setFocus()
    type_text(qtbot, page.search, "100%")
    qtbot.waitUntil(lambda: page.model.filter.text == "100%", timeout=3000)
    assert page.model.total == 1 and page.model.rows[0].id == dialog.case.id
    assert page.model.index(0, register.COLUMN_KEYS.index("business")).data() == "百分百%手机店"
    w.close()
    db.close()

"""The interface in Traditional Chinese and English: the main screens show no untranslated
Chinese of their own (what people typed stays as typed), and 设置 → 界面语言 rebuilds the window."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from app import db
from app import i18n as app_i18n
from tests.ui.typing import type_text
from ui import i18n, main

HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# labels that show a case's data (names, addresses) or a path, not the program's own words
# (template.placeholders: the placeholder names are in the office's document language)
DATA_LABELS = {"case.parties", "case.meta", "user", "template.placeholders"}


@pytest.fixture
def language(qapp):
    def use(code: str) -> None:
        i18n.install(code)
        i18n.missing.clear()

    yield use
    i18n.install(app_i18n.SOURCE)


def chrome(widget: QWidget) -> list[str]:
    """What a screen says by itself: titles, menus, tabs, labels, buttons, headers, list choices."""
    said = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel) and w.objectName() not in DATA_LABELS and not w.parent().inherits("QStatusBar"):
            said.append(w.text())
        elif isinstance(w, QAbstractButton):
            said.append(w.text())
        elif isinstance(w, QGroupBox):
            said.append(w.title())
        elif isinstance(w, QTabWidget):
            said += [w.tabText(i) for i in range(w.count()) if not w.tabText(i).startswith(("TS-", "ZJ-"))]
        elif isinstance(w, QComboBox) and not w.isEditable():
            said += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            said.append(w.placeholderText())
        elif isinstance(w, QMenu):
            said += [a.text() for a in w.actions()]
        elif isinstance(w, QTreeWidget):
            said += [w.headerItem().text(c) for c in range(w.columnCount())]
        if isinstance(w, QAbstractItemView) and w.model() is not None and hasattr(w, "horizontalHeader"):
            model = w.model()
            said += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(w.horizontalHeader().count())
            ]
    return [text for text in said if text]


def untranslated(widget: QWidget) -> list[str]:
    own_names = set(app_i18n.LANGUAGES.values())  # each language is offered under its own name
    return sorted({text for text in chrome(widget) if HAN.search(text) and text not in own_names})


def first_case() -> int:
    from app.models import Case

    return Case.select(Case.id).order_by(Case.id).first().id


def screens(window, qtbot):
    """The main screens: the register, statistics, a case (each lower tab), intake, settings and the other windows."""
    yield "register", window
    window.tabs.setCurrentWidget(window._add_dashboard())
    qtbot.waitUntil(lambda: window.dashboard.figures is not None, timeout=10000)
    yield "statistics", window
    window.tabs.setCurrentIndex(0)
    view = window.open_case(first_case())
    for i in range(view.lower_tabs.count()):
        view.lower_tabs.setCurrentIndex(i)
        yield f"case tab {i}", view
    dialog = window.new_intake()
    yield "intake", dialog
    dialog.reject()
    settings = window.open_office_settings()
    yield "office settings", settings
    settings.reject()
    for name, opener in (
        ("calendar", window.open_calendar),
        ("batch print", window.open_batch_print),
        ("users", window.open_users),
        ("audit trail", window.open_audit),
        ("import", window.open_import),
    ):
        screen = opener()
        yield name, screen
        screen.close()


def reopen(window, qtbot, language, code: str):
    """The window as `complaintdesk` opens it (signals wired), in `code`."""
    window.close()
    language(code)
    window = main.open_window(str(db.database.obj.location))
    qtbot.addWidget(window)
    window.show()
    return window


def test_english_main_screens_have_no_untranslated_chinese(window, qtbot, language, messages):
    window = reopen(window, qtbot, language, "en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.register.model.headerData(0, Qt.Orientation.Horizontal) == "Case no."
    left = {name: untranslated(widget) for name, widget in screens(window, qtbot)}
    assert not any(left.values()), "untranslated:\n" + "\n".join(
        f"  {name}: {text!r}" for name, texts in left.items() for text in texts
    )
    assert not i18n.missing, sorted(i18n.missing)


def test_traditional_chinese_main_screens_translate_every_string(window, qtbot, language, messages):
    window = reopen(window, qtbot, language, "zh_TW")
    assert window.menuBar().actions()[0].text() == "檔案(&F)"
    said = {name: chrome(widget) for name, widget in screens(window, qtbot)}
    assert "案件登記簿" in said["register"] and "案件登记簿" not in said["register"]
    assert not i18n.missing, sorted(i18n.missing)


def test_choosing_a_language_rebuilds_the_window_and_is_remembered(window, qtbot, language, messages):
    window = reopen(window, qtbot, language, "zh_CN")
    view = window.open_case(first_case())
    type_text(qtbot, view.form.widgets["complainant.address"], "改了但没保存")
    assert view.form.is_dirty()
    messages.answers["question"] = QMessageBox.StandardButton.Cancel  # keep my edit
    window.findChild(QAction, "language.en").trigger()
    assert window.isVisible() and i18n.current() == "zh_CN" and i18n.chosen_language() == "zh_CN"
    assert window.findChild(QAction, "language.zh_CN").isChecked()

    messages.answers["question"] = QMessageBox.StandardButton.Discard  # discard it
    window.findChild(QAction, "language.en").trigger()
    new = main._windows[0]
    qtbot.addWidget(new)
    assert new is not window and not window.isVisible()
    assert i18n.current() == "en" and i18n.chosen_language() == "en"
    assert new.windowTitle() == "ComplaintDesk" and new.tabs.tabText(0) == "Case register"
    assert new.findChild(QAction, "language.en").isChecked()


def test_english_intake_explains_bad_input_in_english(window, qtbot, language, messages):
    from tests.ui.test_intake import choose, fill_valid, open_intake, type_into

    window = reopen(window, qtbot, language, "en")
    dialog = open_intake(window, qtbot)
    form = dialog.form
    fill_valid(qtbot, form)
    form.widgets["complainant.phone"].clear()
    type_into(qtbot, form, "complainant.phone", "1390000111")
    assert form.error_text("complainant.phone") == "A mobile number has 11 digits starting with 1 (+86 may go in front)"
    choose(form, "complainant.id_type", "resident_id")
    type_into(qtbot, form, "complainant.id_number", "3301051990030712345")
    form.widgets["complainant.name"].clear()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.error_text("complainant.id_number") == "An ID card number has 18 characters; this one has 19"
    assert form.error_text("complainant.name") == "Fill in Name"  # the field's label translated inside
    assert dialog.isVisible() and not HAN.search(dialog.message.text())


def test_english_case_says_why_a_step_is_blocked(window, qtbot, language, messages):
    from app import cases
    from app.workflow import machine
    from tests.factories import intake_values

    ref = cases.intake(intake_values(case__consent_mediation=False))
    machine.transition(ref.id, "accepted", "王芳")
    window = reopen(window, qtbot, language, "en")
    view = window.open_case(ref.id)
    blocked = view.workflow.blocked.text()
    assert (
        "Start mediation: Consent to mediation not yet recorded for: Complainant, Business; "
        "No mediator assigned yet" in blocked
    )
    assert not HAN.search(blocked)


def test_messages_from_app_are_said_in_the_interface_language(window, language):
    from app import evidence
    from app.errors import ComplaintDeskError
    from app.permissions import PermissionDenied

    language("en")
    with pytest.raises(ComplaintDeskError) as refused:
        evidence.add_bytes(first_case(), b"x", "a.txt", "nonsense", "complainant", "王芳")
    assert i18n.say(refused.value) == (
        "Choose the kind of evidence (Photo, Invoice/receipt, Contract, Chat log, Recording, Video, File, Other)"
    )
    denied = PermissionDenied("{name}（{role}）无权{action}", name="王芳", role="登记员", action="用户管理")
    assert i18n.say(denied) == "王芳 (Registrar) may not: Manage users"  # names stay, labels translate
    assert i18n.say(ComplaintDeskError("某个没有译文的句子")) == "某个没有译文的句子"  # never lost, at worst Chinese
    language("zh_CN")
    assert i18n.say(denied) == "王芳（登记员）无权用户管理"

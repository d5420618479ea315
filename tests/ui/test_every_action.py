"""Every action of the main window and every button of a case, used as a clerk uses them
(issue 14.3): the key sequence pressed where there is one, else the menu item triggered;
file dialogs, questions and input dialogs answered; the effect checked (a file written, a
tab or dialog shown); no error message, no ambiguous shortcut.

A new action or button without an entry below fails these tests: give it one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from app import demo, startup
from app.documents import issuing
from app.workflow import machine
from tests.ui.conftest import activate
from tests.ui.typing import type_text
from ui.audit_viewer import AuditViewer
from ui.batch_print import BatchPrintDialog
from ui.calendar_screen import CalendarScreen
from ui.import_dialog import ImportDialog
from ui.intake import IntakeDialog
from ui.office_settings import OfficeSettings
from ui.users_dialog import UsersDialog
from ui.workload_view import WorkloadView

ERROR_TITLES = ("出错了", "未能", "无法", "不能")


def visible_dialog(kind: type[QDialog] | None = None) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and (kind is None or isinstance(widget, kind)):
            return widget
    return None


def close_dialog(qtbot, kind):
    qtbot.waitUntil(lambda: visible_dialog(kind) is not None, timeout=3000)
    dialog = visible_dialog(kind)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return dialog


@pytest.fixture
def office(qtbot, qapp, sqlite_path):
    """The window as `complaintdesk` opens it (ui.main.open_window), on a consumer association's database."""
    from ui import main

    startup.open_database(sqlite_path)
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    demo.generate(60, seed=5)
    main.make_application()
    window = main.open_window(str(sqlite_path))
    main._windows[:] = [window]
    window.show()
    activate(qtbot, window)
    yield window
    for w in list(main._windows):
        for view in w.open_views():
            view.form.mark_clean()  # a failed test must not leave a question up at closing
        w.close()


def current_window():
    from ui import main

    return main._windows[0]


def press(qtbot, window, act: QAction) -> str:
    """The clerk's way to an action: its keys if it has any, else the menu item."""
    if act.shortcut().isEmpty():
        act.trigger()
        return "menu"
    activate(qtbot, window)
    sequence = act.shortcut()[0]
    QTest.keyClick(window, sequence.key(), sequence.keyboardModifiers())
    return act.shortcut().toString()


def wait_for_file(qtbot, path: Path, timeout=20000):
    """The background job has finished: the file is there and its progress dialog gone."""
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 0 and visible_dialog() is None, timeout=timeout)
    qtbot.wait(50)  # its done() callback has run


# --- what each action of the main window must do ---------------------------------------------


def _new(qtbot, window, answers, tmp_path):
    yield
    close_dialog(qtbot, IntakeDialog)


def _export(qtbot, window, answers, tmp_path):
    out = tmp_path / "登记簿.xlsx"
    answers.file(out)
    yield
    wait_for_file(qtbot, out)
    rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 61  # the header and the 60 cases
    qtbot.waitUntil(lambda: "已导出 60 件案件" in window.statusBar().currentMessage())


def _archive(qtbot, window, answers, tmp_path):
    from app.models import Case, Complaint, Event

    # facts that read as a formula, with a control character kept from before intake refused them
    odd = Case.select().order_by(Case.id).first()
    Complaint.update(facts="=1+1 空调不制冷\x07𠀋").where(Complaint.case == odd.id).execute()
    out = tmp_path / "档案.xlsx"
    answers.file(out)
    yield
    wait_for_file(qtbot, out)

    book = load_workbook(out, read_only=True)
    assert len(book.sheetnames) >= 2
    assert sum(1 for _ in book["案件"].iter_rows(min_row=2)) == 60  # every case, the register unfiltered
    assert sum(1 for _ in book["时间线"].iter_rows(min_row=2)) == Event.select().count()  # and all of their events
    book.close()
    cases = load_workbook(out)["案件"]
    facts = [c.value for c in cases[1]].index("投诉事实")
    row = next(r for r in cases.iter_rows(min_row=2) if r[0].value == odd.case_no)
    assert (row[facts].value, row[facts].data_type, row[facts].quotePrefix) == ("=1+1 空调不制冷\ufffd𠀋", "s", True)


def _package(qtbot, window, answers, tmp_path):
    from app.archives import package

    out = tmp_path / "档案包.zip"
    answers.file(out)
    yield
    wait_for_file(qtbot, out)
    assert package.verify_package(out) == []


def _stats(qtbot, window, answers, tmp_path):
    out = tmp_path / "统计.xlsx"
    answers.item("2026-11").file(out)
    yield
    wait_for_file(qtbot, out)
    assert load_workbook(out, read_only=True).sheetnames


def _batch_print(qtbot, window, answers, tmp_path):
    yield
    close_dialog(qtbot, BatchPrintDialog)


def _import(qtbot, window, answers, tmp_path):
    yield
    close_dialog(qtbot, ImportDialog)


def _tab(index):
    def check(qtbot, window, answers, tmp_path):
        yield
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == index)

    return check


def _find(qtbot, window, answers, tmp_path):
    window.tabs.setCurrentIndex(2)
    yield
    assert window.tabs.currentWidget() is window.register
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.register.search)


def _refresh(qtbot, window, answers, tmp_path):
    window.register.model.rows.clear()
    yield
    assert len(window.register.model.rows) == 60


def _close_tab(qtbot, window, answers, tmp_path):
    view = window.open_case(window.register.model.rows[0].id)
    assert window.tabs.currentWidget() is view
    yield
    qtbot.waitUntil(lambda: view not in window.open_views())


def _dialog(kind):
    def check(qtbot, window, answers, tmp_path):
        yield
        close_dialog(qtbot, kind)

    return check


def _purge(qtbot, window, answers, tmp_path):
    answers.button(QMessageBox.StandardButton.Cancel)
    yield
    qtbot.waitUntil(lambda: bool(answers.seen) and "永久删除" in answers.seen[-1][1])


def _about(qtbot, window, answers, tmp_path):
    yield
    qtbot.waitUntil(lambda: bool(answers.seen) and "ComplaintDesk" in answers.seen[-1][1])


def _language(code, title):
    def check(qtbot, window, answers, tmp_path):
        yield
        qtbot.waitUntil(lambda: current_window() is not window, timeout=8000)
        assert current_window().windowTitle() == title

    return check


def _quit(qtbot, window, answers, tmp_path):
    yield
    qtbot.waitUntil(lambda: not window.isVisible())


def _open_database(qtbot, window, answers, tmp_path):
    other = tmp_path / "分所.db"
    answers.item("本机数据库文件（SQLite）…").file(other)
    yield
    qtbot.waitUntil(lambda: current_window() is not window and str(other) in current_window().db_label.text())
    assert current_window().register.model.total == 0
    close_dialog(qtbot, OfficeSettings)  # a new database asks for its office profile first


# In the order they are used: language and database switches replace the window, quitting closes it.
MAIN_ACTIONS = {
    "action.new": _new,
    "action.export": _export,
    "action.archive": _archive,
    "action.package": _package,
    "action.stats": _stats,
    "action.batch_print": _batch_print,
    "action.import": _import,
    "action.register": _tab(0),
    "action.my_work": _tab(1),
    "action.dashboard": _tab(2),
    "action.find": _find,
    "action.refresh": _refresh,
    "action.close_tab": _close_tab,
    "action.calendar": _dialog(CalendarScreen),
    "action.office": _dialog(OfficeSettings),
    "action.purge": _purge,
    "action.audit": _dialog(AuditViewer),
    "action.workload": _dialog(WorkloadView),
    "action.users": _dialog(UsersDialog),
    "action.about": _about,
    "language.en": _language("en", "ComplaintDesk"),
    "language.zh_TW": _language("zh_TW", "投訴調解工作臺"),
    "language.zh_CN": _language("zh_CN", "投诉调解工作台"),
    "action.quit": _quit,
    "action.open_database": _open_database,
}


def start_again(qtbot, path):
    """After 退出, the clerk starts the program again on the same database."""
    from ui import main

    window = main.open_window(str(path))
    main._windows[:] = [window]
    window.show()
    activate(qtbot, window)


def named_actions(window) -> dict[str, QAction]:
    """What a clerk can reach: the actions in the menus (and their submenus) and on the toolbars."""
    found: dict[str, QAction] = {}

    def walk(actions):
        for act in actions:
            if act.menu() is not None:
                walk(act.menu().actions())
            elif not act.isSeparator():
                assert act.objectName(), f"unnamed action {act.text()!r}"
                found[act.objectName()] = act

    walk(window.menuBar().actions())
    for toolbar in window.findChildren(type(window.addToolBar("probe"))):
        walk(toolbar.actions())
    return found


def test_every_action_of_the_main_window(office, qtbot, answers, tmp_path, qtlog, capsys):
    names = set(named_actions(office))
    assert names == set(MAIN_ACTIONS), (
        f"actions without a test: {names - set(MAIN_ACTIONS)}; gone: {set(MAIN_ACTIONS) - names}"
    )
    triggered = []
    for name, check in MAIN_ACTIONS.items():
        if not current_window().isVisible():
            start_again(qtbot, office.location)
        window = current_window()
        act = named_actions(window)[name]
        assert act.isEnabled(), name
        steps = check(qtbot, window, answers, tmp_path)  # each check: prepare, yield, look at the effect
        next(steps)
        way = press(qtbot, window, act)
        next(steps, None)
        triggered.append(f"{name} ({way})")
        errors = [(t, x) for t, x in answers.seen if t.startswith(ERROR_TITLES) or "错误" in t]
        assert not errors, (name, errors)
        assert not answers.queue, (name, answers.queue)
    ambiguous = [r.message for r in qtlog.records if "Ambiguous" in r.message]
    assert not ambiguous
    with capsys.disabled():
        print(f"\n{len(triggered)} main-window actions triggered: {', '.join(triggered)}")
    assert len(triggered) == len(MAIN_ACTIONS)


# --- every button and key of a case ---------------------------------------------------------


def _opens(*kinds: str, select=None):
    """The button opens a dialog (one of these classes); the clerk closes it again. `select`
    picks the list entry the button acts on first, as the clerk clicks it."""

    def check(qtbot, view, answers, tmp_path):
        if select is not None:
            select(view)
        yield
        qtbot.waitUntil(lambda: visible_dialog() is not None, timeout=3000)
        dialog = visible_dialog()
        assert type(dialog).__name__ in kinds, (type(dialog).__name__, kinds)
        dialog.reject()

    return check


def _save(qtbot, view, answers, tmp_path):
    field = view.form.widgets["purchase.product"]
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, "变频空调 KFR-35")
    yield
    qtbot.waitUntil(lambda: "已保存 1 项修改" in view.message.text())
    assert not view.form.is_dirty()


def _revert(qtbot, view, answers, tmp_path):
    field = view.form.widgets["purchase.product"]
    before = field.text()
    type_text(qtbot, field, "多打的字")
    yield
    assert field.text() == before and not view.form.is_dirty()


def _reload(qtbot, view, answers, tmp_path):
    view.timeline.clear()
    yield
    assert view.timeline.toPlainText()


def _reveal(qtbot, view, answers, tmp_path):
    from app.models import AuditEntry

    phone = view.form.widgets["complainant.phone"]
    assert "****" in phone.text() and phone.isReadOnly()
    before = AuditEntry.select().where(AuditEntry.action == "personal.reveal").count()
    yield
    assert "****" not in phone.text() and not phone.isReadOnly() and "已记入审计记录" in view.message.text()
    assert AuditEntry.select().where(AuditEntry.action == "personal.reveal").count() == before + 1


def _issue(qtbot, view, answers, tmp_path):
    panel = view.documents
    panel.kind.setCurrentIndex(panel.kind.findData("acceptance_notice"))
    before = panel.table.rowCount()
    answers.button(QMessageBox.StandardButton.Yes)
    yield
    qtbot.waitUntil(lambda: panel.table.rowCount() == before + 1)
    panel.table.selectRow(0)


def _asks_first(qtbot, view, answers, tmp_path):
    rows = view.documents.table.rowCount()
    answers.button(QMessageBox.StandardButton.Cancel)
    yield
    qtbot.waitUntil(lambda: not answers.queue)
    assert view.documents.table.rowCount() == rows  # answered Cancel: nothing issued


def _print(qtbot, view, answers, tmp_path):
    answers.cancel()  # the printer dialog: this test prints nothing (tests/ui/test_documents_ui.py does)
    yield
    assert not answers.queue


def _save_pdf(qtbot, view, answers, tmp_path):
    out = tmp_path / "受理通知书.pdf"
    answers.file(out)
    yield
    assert out.read_bytes().startswith(b"%PDF")


def _add_evidence(qtbot, view, answers, tmp_path):
    from tests.app.test_evidence import png

    photo = tmp_path / "发票.png"
    photo.write_bytes(png(seed=4))
    answers.file(photo)
    yield
    qtbot.waitUntil(lambda: view.evidence.dialog is not None and view.evidence.dialog.isVisible())
    view.evidence.dialog.set("description", "购物发票")
    QTest.mouseClick(view.evidence.dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.evidence.list.count() == 1, timeout=5000)
    view.evidence.list.setCurrentRow(0)


def _paste(qtbot, view, answers, tmp_path):
    QApplication.clipboard().clear()
    yield
    qtbot.waitUntil(lambda: bool(answers.seen) and answers.seen[-1][1] == "剪贴板中没有图片。")


def _told(text):
    def check(qtbot, view, answers, tmp_path):
        yield
        qtbot.waitUntil(lambda: bool(answers.seen) and text in answers.seen[-1][1])

    return check


def _nothing_to_finish(qtbot, view, answers, tmp_path):
    yield  # no record selected that waits for an end or a performance: the button does nothing, says nothing
    assert visible_dialog() is None


def _first_evidence(view):
    view.evidence.list.setCurrentRow(0)


def _first_document(view):
    view.documents.table.selectRow(0)


# by object name, or by its prefix for the buttons a state or a profile makes
CASE_BUTTONS = {
    "case.save": _save,
    "case.revert": _revert,
    "case.reload": _reload,
    "case.reveal": _reveal,
    "transition.": _opens("ActionDialog"),
    "workflow.": _opens("ActionDialog"),
    "doc.preview": _opens("PreviewDialog"),
    "doc.issue": _issue,
    "doc.view": _opens("PreviewDialog", select=_first_document),
    "doc.print": _print,
    "doc.save": _save_pdf,
    "doc.correct": _asks_first,
    "doc.wording": _opens("WordingDialog"),
    "evidence.add": _add_evidence,
    "evidence.paste": _paste,
    "evidence.view": _opens("ImageViewer", select=_first_evidence),
    "evidence.remove": _opens("ActionDialog", select=_first_evidence),
    "evidence.verify": _told("SHA-256 与登记时一致"),
    "records.add.": _opens("ActionDialog"),
    "records.finish": _nothing_to_finish,
    "records.move": _nothing_to_finish,
    "records.schedule": _opens("ActionDialog"),
}
# the order a clerk would go: things to act on exist before the buttons that act on them
ORDER = ["case.", "doc.issue", "doc.", "evidence.add", "evidence.", "transition.", "workflow.", "records."]


def _entry(name: str):
    for key, check in CASE_BUTTONS.items():
        if name == key or (key.endswith(".") and name.startswith(key)):
            return check
    return None


def _rank(name: str) -> int:
    return next(i for i, prefix in enumerate(ORDER) if name.startswith(prefix))


def reachable_in(view, button) -> bool:
    """Shown on the case, or on one of its lower tabs once the clerk picks that tab."""
    pages = [view.lower_tabs.widget(i) for i in range(view.lower_tabs.count())]
    page = next((p for p in pages if p.isAncestorOf(button)), None)
    return button.isVisibleTo(page) if page is not None else button.isVisibleTo(view)


def test_every_button_and_key_of_a_case(office, qtbot, answers, tmp_path, qtlog, capsys):
    register = office.register
    register.view.setFocus()
    register.view.setCurrentIndex(register.model.index(0, 0))
    QTest.keyClick(register.view, Qt.Key.Key_Return)  # the clerk opens the case with Enter
    qtbot.waitUntil(lambda: bool(office.open_views()))
    view = office.open_views()[0]
    reachable = [b for b in view.findChildren(QPushButton) if reachable_in(view, b)]
    buttons = {b.objectName(): b for b in reachable if b.objectName()}
    unnamed = [b.text() for b in reachable if not b.objectName()]
    assert not unnamed, f"buttons without a name: {unnamed}"
    missing = sorted(name for name in buttons if _entry(name) is None)
    assert not missing, f"buttons without a test: {missing}"
    clicked = []
    for name in sorted(buttons, key=lambda n: (_rank(n), n)):
        button = next(b for b in view.findChildren(QPushButton) if b.objectName() == name)  # panels rebuild some
        for tab in range(view.lower_tabs.count()):  # the tab that holds it, as the clerk would pick it
            if view.lower_tabs.widget(tab).isAncestorOf(button):
                view.lower_tabs.setCurrentIndex(tab)
        steps = _entry(name)(qtbot, view, answers, tmp_path)
        next(steps)
        assert button.isEnabled(), name
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        next(steps, None)
        qtbot.waitUntil(lambda: visible_dialog() is None, timeout=3000)  # it closed, or the clerk closed it
        errors = [(t, x) for t, x in answers.seen if t.startswith(ERROR_TITLES)]
        assert not errors and not view.message.styleSheet().startswith("color: #b3261e"), (name, errors)
        clicked.append(name)

    # the keys of the case view
    activate(qtbot, office)
    field = view.form.widgets["purchase.model"]
    field.setFocus()
    QTest.keyClicks(field, "-2026")
    QTest.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已保存 1 项修改" in view.message.text())
    view.timeline.clear()
    activate(qtbot, office)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_F5)
    assert view.timeline.toPlainText()
    assert not [r.message for r in qtlog.records if "Ambiguous" in r.message]
    with capsys.disabled():
        print(f"\n{len(clicked)} case buttons clicked and 2 keys pressed: {', '.join(clicked)}")

"""The office's daily rhythm through the window (issue 19): the intake proposes the least-loaded
handler of the category's team and keeps the clerk's own choice; 办公室设置 sets the teams, the
grades' first-contact hours and the follow-up reminder; the dashboard counts causes and records
improvement actions, which the exported report lists."""

import io
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app import accounts, agenda, cases, clock, session, workload
from app.models import Case
from app.workflow import machine
from tests.factories import intake_values
from tests.ui.conftest import activate
from tests.ui.test_dashboard import _open_dashboard
from tests.ui.test_intake import choose, fill_valid, open_intake
from ui.workflow_panel import ActionDialog


def staff() -> None:
    """An administrator, two handlers (not among the demo's names) and a clerk who does not handle cases."""
    accounts.create_first_admin("admin", "管理员", "admin-pass-1")
    accounts.sign_in("admin", "admin-pass-1")
    accounts.add_user("sun", "孙悦", "handler", "sun-pass-11")
    accounts.add_user("qian", "钱进", "handler", "qian-pass-1")
    accounts.add_user("zhao", "赵登记", "clerk", "zhao-pass-1")


def save_button(dialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_the_intake_proposes_the_least_loaded_of_the_categorys_team_and_keeps_the_clerks_choice(
    window, qtbot, messages
):
    staff()
    cases.intake(intake_values(), actor="管理员", handler="钱进")  # 钱进 carries one open case
    workload.set_team("safety", ["孙悦", "钱进"], "管理员")
    workload.set_team("service", ["钱进"], "管理员")
    dialog = open_intake(window, qtbot)
    names = [dialog.handler.itemText(i) for i in range(dialog.handler.count())]
    assert "赵登记" not in names and {"孙悦", "钱进", "管理员"} <= set(names)  # a clerk does not handle cases
    form = dialog.form
    fill_valid(qtbot, form)
    choose(form, "complaint.category", "safety")
    qtbot.waitUntil(lambda: dialog.handler.currentText() == "孙悦")  # of the team, the one with less
    choose(form, "complaint.category", "service")
    qtbot.waitUntil(lambda: dialog.handler.currentText() == "钱进")  # the team of one, however loaded
    # the clerk picks another by keyboard (Alt+J, then the arrow key): the proposal no longer moves it
    qtbot.keyClick(dialog, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert dialog.handler.hasFocus()
    chosen = dialog.handler.currentIndex()
    qtbot.keyClick(dialog.handler, Qt.Key.Key_Up if chosen else Qt.Key.Key_Down)
    picked = dialog.handler.currentText()
    assert picked != "钱进"
    choose(form, "complaint.category", "safety")
    dialog.check_related()
    assert dialog.handler.currentText() == picked
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert Case.get_by_id(dialog.case.id).handler == picked
    session.sign_out()


def test_the_office_sets_teams_first_contact_hours_and_follow_ups_in_its_settings(window, qtbot, messages):
    staff()
    dialog = window.open_office_settings()
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.tabs.tabText(1) == "分工与提醒(&W)"
    dialog.teams["quality"].setText("孙悦，赵登记")
    save = save_button(dialog)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "赵登记 不是本办公室能经办案件的在岗用户（产品质量）" in dialog.error.text()
    dialog.teams["quality"].setText("孙悦、钱进")
    dialog.first_contact["important"].setValue(8)
    dialog.first_contact["urgent"].setValue(1)
    dialog.follow_up.setValue(0)
    assert dialog.follow_up.text() == "不提醒"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert workload.team("quality") == ["孙悦", "钱进"]
    assert machine.first_contact_hours() == {"ordinary": 24, "important": 8, "urgent": 1}
    assert agenda.follow_up_days() == 0
    again = window.open_office_settings()
    assert again.teams["quality"].text() == "孙悦、钱进" and again.first_contact["important"].value() == 8
    again.reject()
    session.sign_out()


def pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages))


def test_the_dashboard_counts_causes_and_records_improvement_actions_the_report_lists(
    window, qtbot, messages, tmp_path
):
    activate(qtbot, window)  # the supervisor's window is the active one: its keys reach it
    board = _open_dashboard(window, qtbot)
    board.period.setCurrentIndex(board.period.findData(str(clock.today().year)))
    qtbot.waitUntil(lambda: board.loaded and board.figures.period.code == str(clock.today().year), timeout=10000)
    f = board.figures
    assert f.by_cause and "cause" in board.charts  # the demo's investigations found causes
    table = board.cause_table
    first = board.cause_rows[0]
    assert first.repeat and table.item(0, 5).text() == "⚑ 重复"
    assert [table.item(0, c).text() for c in range(4)] == [first.business, first.product, first.model, first.cause]

    # the supervisor selects the repeat fault and records what the business undertakes
    activate(qtbot, table.window())  # a mnemonic reaches only the active window (in a full run it may not be yet)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # a mnemonic clicks after a moment
    qtbot.waitUntil(lambda: board.findChild(ActionDialog, "dashboard.action_dialog") is not None)
    dialog = board.findChild(ActionDialog, "dashboard.action_dialog")
    activate(qtbot, dialog)
    assert dialog.values()["business"] == first.business and dialog.values()["cause"]
    dialog.set("what", "")
    dialog.set("who", "刘店长")
    dialog.set("due_on", "2026-12-20")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "改进措施" in dialog.error.text()
    dialog.set("what", "=同批次全部检测")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: board.loaded and len(board.actions) == 1, timeout=10000)
    actions = board.action_table
    assert [actions.item(0, c).text() for c in (2, 3, 4, 5)] == ["=同批次全部检测", "刘店长", "2026-12-20", "进行中"]

    # done: Enter on the row asks for the day and what came of it
    actions.setFocus()
    actions.setCurrentCell(0, 0)
    qtbot.keyClick(actions, Qt.Key.Key_Return)
    done = board.findChild(ActionDialog, "dashboard.done_dialog")
    activate(qtbot, done)
    done.set("outcome", "检出 3 台，已召回更换")
    qtbot.mouseClick(done.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: board.loaded and bool(board.actions) and board.actions[0].done_on is not None, timeout=10000
    )
    assert board.action_table.item(0, 5).text() == f"{clock.today():%Y-%m-%d} 完成"

    board.export_report(str(tmp_path / "报告.pdf"))
    qtbot.waitUntil(lambda: board.exported is not None, timeout=20000)
    text = pdf_text(tmp_path / "报告.pdf")
    assert "原因分析" in text and "=同批次全部检测刘店长2026-12-20" in text and "检出3台，已召回更换" in text


def test_a_repair_counter_with_accounts_proposes_a_handler_too(window, qtbot, messages):
    staff()
    machine.set_office_profile("repair_counter")
    dialog = open_intake(window, qtbot)
    assert "complaint.category" not in dialog.form.widgets  # the counter does not ask it
    dialog.check_related()
    assert dialog.handler.currentText() in {"孙悦", "钱进", "管理员"}
    dialog.form.mark_clean()
    dialog.reject()
    session.sign_out()

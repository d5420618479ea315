"""A case through its whole life in the real window, one per office profile; the refusals."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app import cases, clock, register, workdays
from app.workflow import machine, tables
from tests.factories import values_for
from tests.ui.conftest import activate
from ui.workload_view import WorkloadView


def make_case(profile, when, actor="王芳", **overrides):
    machine.set_office_profile(profile)
    dates = {"purchase__purchase_date": "2026-01-10", "complaint__harm_known_date": "2026-01-20"}
    values = values_for(profile, **{**dates, **overrides})
    return cases.intake(values, actor=actor, now=when).id


def open_view(window, qtbot, case_id):
    view = window.open_case(case_id)
    qtbot.waitUntil(lambda: view.isVisible())
    return view


def click(qtbot, view, button_name):
    button = view.workflow.findChild(type(view.save_button), button_name)
    assert button is not None, f"no button {button_name}: " + ", ".join(
        b.objectName() for b in view.workflow.findChildren(type(view.save_button))
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return view.workflow.dialog


def act(qtbot, view, button_name, **values):
    """Click a button of the 办理 panel, fill its dialog, press OK; returns the dialog."""
    dialog = click(qtbot, view, button_name)
    activate(qtbot, dialog)
    for key, value in values.items():
        dialog.set(key, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def add_term(qtbot, view, **values):
    """Record an agreed term through the 记录 panel's 协议内容 dialog, as a mediator does."""
    panel = view.records
    qtbot.mouseClick(panel.findChild(type(view.save_button), "records.add.remedy"), Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    activate(qtbot, dialog)
    for key, value in {
        "kind": "refund",
        "amount": "2400",
        "by_whom": "business",
        "what": "退还货款",
        "due_on": "2026-12-16",
        **values,
    }.items():
        dialog.set(key, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()


def status_shown(view):
    return view.status.text()


def test_consumer_association_case_from_intake_to_archive(window, qtbot, messages):
    from app.documents import issuing

    issuing.save_letterhead("某某市消费者协会", short="消")
    case_id = make_case("consumer_association", dt.datetime(2026, 11, 2, 9), case__consent_mediation=False)
    view = open_view(window, qtbot, case_id)
    assert (
        "D5 受理决定" in view.workflow.deadlines.topLevelItem(0).text(0) or view.workflow.deadlines.topLevelItemCount()
    )
    act(qtbot, view, "transition.accepted", note="材料齐全")
    assert status_shown(view) == "已受理"
    refused = act(qtbot, view, "transition.mediating")
    assert refused.isVisible() and "同意调解" in refused.error.text() and "调解员" in refused.error.text()
    refused.reject()
    assert "开始调解：" in view.workflow.blocked.text()
    act(qtbot, view, "workflow.consent", party="complainant", how="书面")
    act(qtbot, view, "workflow.consent", party="business", how="电话")
    act(qtbot, view, "workflow.mediator", name="赵调解")
    act(qtbot, view, "transition.mediating")
    assert status_shown(view) == "调解中"
    act(qtbot, view, "transition.paused_appraisal", note="送检")
    assert "已中止" in view.workflow.deadlines.topLevelItem(0).text(2) or any(
        "已中止" in view.workflow.deadlines.topLevelItem(i).text(2)
        for i in range(view.workflow.deadlines.topLevelItemCount())
    )
    act(qtbot, view, "transition.mediating")
    refused = act(qtbot, view, "transition.agreed")  # an agreement is its terms
    assert refused.isVisible() and "协议条款" in refused.error.text()
    refused.reject()
    add_term(qtbot, view)
    act(qtbot, view, "transition.agreed")
    closing = act(qtbot, view, "transition.closed")
    assert closing.isVisible() and "受理通知书" in closing.error.text()
    closing.reject()
    act(qtbot, view, "workflow.notice", kind="acceptance_notice", delivery="sms")
    act(qtbot, view, "workflow.notice", kind="mediation_agreement", delivery="in_person", recipient="both")
    act(qtbot, view, "transition.closed")
    act(qtbot, view, "transition.archived")
    assert status_shown(view) == "已归档"
    shown = view.timeline.toPlainText()
    for text in (
        "状态：调解中 → 达成协议",
        "经营者同意调解",
        f"调解协议书 消调协〔{clock.today().year}〕1号",
        "状态：已办结 → 已归档",
    ):
        assert text in shown
    row = next(r for r in window.register.model.rows if r.id == case_id)
    assert row.status == "archived"  # the register followed


def test_market_regulator_not_accepted_then_closed(window, qtbot, messages):
    case_id = make_case("market_regulator", dt.datetime(2026, 11, 2, 9))
    view = open_view(window, qtbot, case_id)
    dialog = act(qtbot, view, "transition.not_accepted")
    assert dialog.isVisible() and "理由" in dialog.error.text()  # no reason chosen: refused
    dialog.set("reason", "A4")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status_shown(view) == "不予受理"
    act(qtbot, view, "workflow.notice", kind="not_accepted_notice", delivery="post")
    act(qtbot, view, "transition.closed")
    assert status_shown(view) == "已办结"
    assert "理由 A4" in view.timeline.toPlainText()


def test_market_regulator_terminated_for_b5(window, qtbot, messages):
    case_id = make_case("market_regulator", dt.datetime(2026, 9, 1, 9))
    view = open_view(window, qtbot, case_id)
    act(qtbot, view, "transition.accepted")
    act(qtbot, view, "transition.terminated", reason="B5", note="调解期满未达成协议")
    assert status_shown(view) == "终止调解"
    names = [
        view.workflow.deadlines.topLevelItem(i).text(0) for i in range(view.workflow.deadlines.topLevelItemCount())
    ]
    assert any(n.startswith("D3") for n in names)
    act(qtbot, view, "workflow.notice", kind="acceptance_notice", delivery="sms")
    act(qtbot, view, "workflow.notice", kind="termination_notice", delivery="post")
    assert not any(
        view.workflow.deadlines.topLevelItem(i).text(0).startswith("D3")
        for i in range(view.workflow.deadlines.topLevelItemCount())
    )  # D3 met by the notice
    act(qtbot, view, "transition.closed")
    assert status_shown(view) == "已办结"


def test_repair_counter_case_from_intake_to_close(window, qtbot, messages):
    case_id = make_case("repair_counter", dt.datetime(2026, 11, 2, 9), complaint__demands=["repair"])
    view = open_view(window, qtbot, case_id)
    assert status_shown(view) == "已接修"
    act(qtbot, view, "transition.diagnosed", note="主板供电故障，属性能故障")
    for target in ("repairing", "ready", "handed_over", "follow_up"):
        act(qtbot, view, f"transition.{target}")
    assert status_shown(view) == "回访"
    act(qtbot, view, "workflow.notice", kind="repair_slip", delivery="in_person")
    act(qtbot, view, "transition.closed")
    assert status_shown(view) == "已办结"


@pytest.mark.parametrize("code", [r.code for r in tables.REASONS_A])
def test_each_reason_a_through_the_dialog(window, qtbot, messages, code):
    view = open_view(window, qtbot, make_case("market_regulator", dt.datetime(2026, 11, 2, 9)))
    act(qtbot, view, "transition.not_accepted", reason=code)
    assert status_shown(view) == "不予受理" and f"理由 {code}" in view.timeline.toPlainText()


@pytest.mark.parametrize("code", [r.code for r in tables.REASONS_B])
def test_each_reason_b_through_the_dialog(window, qtbot, messages, code):
    view = open_view(window, qtbot, make_case("market_regulator", dt.datetime(2026, 11, 2, 9)))
    act(qtbot, view, "transition.accepted")
    act(qtbot, view, "transition.terminated", reason=code)
    assert status_shown(view) == "终止调解" and f"理由 {code}" in view.timeline.toPlainText()


@pytest.mark.parametrize("code", [r.code for r in tables.REASONS_REPAIR])
def test_each_repair_rejection_reason(window, qtbot, messages, code):
    view = open_view(window, qtbot, make_case("repair_counter", dt.datetime(2026, 11, 2, 9)))
    act(qtbot, view, "transition.rejected", reason=code)
    assert status_shown(view) == "不予三包"


def test_illegal_transition_is_not_offered_and_is_refused(window, qtbot, messages):
    view = open_view(window, qtbot, make_case("market_regulator", dt.datetime(2026, 11, 2, 9)))
    offered = {
        b.objectName()
        for b in view.workflow.findChildren(type(view.save_button))
        if b.objectName().startswith("transition.")
    }
    assert "transition.agreed" not in offered and "transition.accepted" in offered
    with pytest.raises(machine.TransitionRefused, match="不能直接转为“达成协议”"):
        machine.transition(view.case_id, "agreed", "王芳")


def test_calendar_screen_edit_moves_a_deadline_with_a_timeline_event(window, qtbot, messages):
    case_id = make_case("market_regulator", dt.datetime(2026, 11, 2, 9))
    view = open_view(window, qtbot, case_id)

    def d1_due():
        items = [view.workflow.deadlines.topLevelItem(i) for i in range(view.workflow.deadlines.topLevelItemCount())]
        return next(i.text(1) for i in items if i.text(0).startswith("D1"))

    assert d1_due() == "2026-11-11"
    screen = window.open_calendar()
    activate(qtbot, screen)
    screen.day.setDate(dt.date(2026, 11, 6))
    screen.kind.setCurrentIndex(screen.kind.findData(workdays.HOLIDAY))
    screen.name.setText("临时放假")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "来源" in screen.message.text() or "依据" in screen.message.text()  # a source is required
    screen.source.setText("市政府通知 2026 第 3 号")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "已保存" in screen.message.text()
    assert any(screen.table.item(r, 0).text() == "2026-11-06" for r in range(screen.table.rowCount()))
    assert d1_due() == "2026-11-12"
    assert "日历调整：2026-11-06 设为节假日" in view.timeline.toPlainText()
    assert "2026-11-11 改为 2026-11-12" in view.timeline.toPlainText()


def test_a_2027_deadline_shows_as_provisional(window, qtbot, messages):
    view = open_view(window, qtbot, make_case("market_regulator", dt.datetime(2026, 12, 28, 9)))
    dues = [view.workflow.deadlines.topLevelItem(i).text(1) for i in range(view.workflow.deadlines.topLevelItemCount())]
    assert any(d.startswith("2027-") and d.endswith("（暂定）") for d in dues)
    screen = window.open_calendar()
    screen.year.setValue(2027)
    assert "尚未公布" in screen.known.text()
    window.refresh()
    row = next(r for r in window.register.model.rows if r.id == view.case_id)
    assert row.text("due").endswith("（暂定）")


def test_my_work_lists_my_open_cases_by_nearest_deadline(window, qtbot):
    from app.session import current_operator

    me = current_operator()
    mine = [
        make_case("market_regulator", dt.datetime(2026, 11, d, 9), actor=me, complaint__channel="letter")
        for d in (2, 3)
    ]
    make_case("market_regulator", dt.datetime(2026, 11, 2, 9), actor="别人")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Alt+2: my work
    page = window.my_work
    assert window.tabs.currentWidget() is page and page.loaded
    assert [r.id for r in page.model.rows] == mine  # nearest deadline first, only mine, only open
    due = page.model.index(0, register.COLUMN_KEYS.index("due")).data()
    assert due == "2026-11-04 17:00"  # D7: 24 office hours from Monday 09:00


def test_records_panel_adds_an_appraisal_that_pauses_and_resumes(window, qtbot, messages):
    case_id = make_case("consumer_association", dt.datetime(2026, 11, 2, 9))
    view = open_view(window, qtbot, case_id)
    act(qtbot, view, "transition.accepted")
    act(qtbot, view, "workflow.consent", party="business")
    act(qtbot, view, "workflow.mediator", name="赵调解")
    act(qtbot, view, "transition.mediating")
    panel = view.records
    button = panel.findChild(type(view.save_button), "records.add.appraisal")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.set("started_on", "2026-11-10")
    dialog.set("body", "市产品质量检验所")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "费用承担" in dialog.error.text()  # required choice missing
    dialog.set("payer", "business")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and status_shown(view) == "鉴定中止"
    item = panel.list.topLevelItem(0)
    assert item.text(1) == "检测鉴定" and item.text(3) == "进行中"
    panel.list.setCurrentItem(item)
    qtbot.mouseClick(panel.finish, Qt.MouseButton.LeftButton)
    panel.dialog.set("ended_on", "2026-11-20")
    panel.dialog.set("result", "存在质量问题")
    qtbot.mouseClick(panel.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status_shown(view) == "调解中"
    assert panel.list.topLevelItem(0).text(3) == "已结束"


def test_repair_counter_case_view_shows_sanbao_advice(window, qtbot, messages):
    today = clock.today()
    case_id = make_case(
        "repair_counter",
        dt.datetime.combine(today, dt.time(9)) - dt.timedelta(days=1),
        purchase__product="荣耀手机",
        purchase__purchase_date=(today - dt.timedelta(days=5)).isoformat(),
        complaint__harm_known_date=(today - dt.timedelta(days=2)).isoformat(),
    )
    view = open_view(window, qtbot, case_id)
    text = view.workflow.sanbao.text()
    assert view.workflow.sanbao.isVisible() and "三包建议" in text
    assert "退货、换货、免费修理" in text and "售出之日起 7 日内" in text


def test_changing_the_office_profile_changes_the_register_statuses(window, qtbot, messages):
    dialog = window.open_office_settings()
    activate(qtbot, dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData("repair_counter"))
    dialog.lengths["D8"].setValue(24)
    dialog.save()
    assert machine.office_profile().code == "repair_counter"
    labels = [window.register.status.itemText(i) for i in range(window.register.status.count())]
    assert "已接修" in labels and "调解中" not in labels
    case_id = make_case("repair_counter", dt.datetime(2026, 11, 2, 9))
    [d8] = [d for d in machine.deadlines_of(case_id) if d.rule == "D8"]
    assert d8.due_at == dt.datetime(2026, 11, 4, 17)  # the office's 24 office hours, not the default 48


def test_a_mediation_handed_to_another_body_through_the_window(window, qtbot, messages):
    """Both parties agree to the hand-over in 记录同意调解, then 移交其他机构调解 asks where to."""
    case_id = make_case("consumer_association", dt.datetime(2026, 11, 16, 9))
    view = open_view(window, qtbot, case_id)
    act(qtbot, view, "transition.accepted")
    refused = act(qtbot, view, "transition.forwarded", to_office="某某区人民调解委员会")
    assert refused.isVisible() and "移交其他机构调解须双方同意" in refused.error.text()
    refused.reject()
    act(qtbot, view, "workflow.consent", party="complainant", purpose="handover", how="书面")
    act(qtbot, view, "workflow.consent", party="business", purpose="handover", how="电话")
    dialog = act(qtbot, view, "transition.forwarded", to_office="", attachments="投诉书及证据复印件")
    assert dialog.isVisible() and "接收机构" in dialog.error.text()  # the dialog keeps what was typed
    dialog.set("to_office", "某某区人民调解委员会")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert status_shown(view) == "已转办"
    assert "（转送 某某区人民调解委员会，2026-11-23）" in view.timeline.toPlainText()


def test_the_office_sets_its_hours_and_a_wrong_order_is_refused_in_the_dialog(window, qtbot, messages):
    dialog = window.open_office_settings()
    activate(qtbot, dialog)
    assert dialog.hours.text() == "09:00-17:00"
    dialog.hours.setText("18:00-09:00")
    assert not dialog.save() and "结束应晚于开始" in dialog.error.text() and dialog.isVisible()
    dialog.hours.setText("08:30-17:30")
    assert dialog.save()
    assert machine.office_hours() == (dt.time(8, 30), dt.time(17, 30))


def test_a_supervisor_reassigns_from_the_case_and_the_workload_shows_the_handlers(window, qtbot, messages):
    case_id = make_case("market_regulator", dt.datetime(2026, 11, 20, 9), actor="王芳", complaint__channel="letter")
    view = open_view(window, qtbot, case_id)
    refused = act(qtbot, view, "workflow.reassign", handler="李明", reason="")
    assert refused.isVisible() and "理由" in refused.error.text()
    refused.set("reason", "王芳休假")
    qtbot.mouseClick(refused.ok_button, Qt.MouseButton.LeftButton)
    assert not refused.isVisible() and "经办人 李明" in view.meta.text()
    assert "修改经办人：“王芳” → “李明”（王芳休假）" in view.timeline.toPlainText()
    [action] = [a for a in window.findChildren(QAction) if a.objectName() == "action.workload"]
    action.trigger()
    dialog = window.findChild(WorkloadView)
    activate(qtbot, dialog)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows["李明"] == "1"
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "李明")
    dialog.table.selectRow(row)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter: the handler's open cases in the register
    assert window.tabs.currentWidget() is window.register
    assert [r.id for r in window.register.model.rows] == [case_id]


def test_a_supervisor_sees_the_cases_to_supervise_on_my_work_and_in_the_status_bar(window, qtbot, messages):
    make_case("market_regulator", dt.datetime(2026, 11, 2, 9), actor="王芳", complaint__channel="letter")
    window.refresh()
    assert window.escalation_label.isVisible() and window.escalation_label.text().startswith("督办 ")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    box = window.escalations
    qtbot.waitUntil(box.isVisible)
    texts = [box.list.topLevelItem(i).text(3) for i in range(box.list.topLevelItemCount())]
    assert "王芳：已逾期 19 天" in texts

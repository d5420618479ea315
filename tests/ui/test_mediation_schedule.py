"""A mediation scheduled, moved and held through the case's 记录 panel, as a mediator does: the
调解通知书 prints the appointment (and is refused without one), the agenda of 我的待办 lists it,
and what happened is written into the same session."""

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app import cases, clock, mediation
from app.archives import excel
from app.models import MediationSession
from app.register import RegisterFilter
from tests.app.test_documents_from_records import has, text_of
from tests.factories import intake_values
from tests.ui.conftest import activate
from tests.ui.test_workflow_ui import add_term


def press(qtbot, view, name: str):
    qtbot.mouseClick(view.records.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    dialog = view.records.dialog
    activate(qtbot, dialog)
    return dialog


def fill(qtbot, dialog, **values) -> None:
    for key, value in values.items():
        dialog.set(key, value)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def issue(qtbot, view, answers, kind: str):
    panel = view.documents
    view.lower_tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    return panel


def select(view, text: str) -> None:
    records = view.records.list
    [item] = [
        records.topLevelItem(i) for i in range(records.topLevelItemCount()) if text in records.topLevelItem(i).text(2)
    ]
    records.setCurrentItem(item)


def test_a_session_is_scheduled_noticed_moved_and_held(window, qtbot, messages, answers, tmp_path):
    ref = cases.intake(intake_values())  # the clerk's own case: it is on their 我的待办
    window.refresh()
    view = window.open_case(ref.id)
    qtbot.waitUntil(view.isVisible)

    panel = issue(qtbot, view, answers, "mediation_notice")
    qtbot.waitUntil(lambda: "已安排的调解" in panel.message.text())  # refused, the missing value named
    assert panel.table.rowCount() == 0

    view.lower_tabs.setCurrentWidget(view.records)
    dialog = press(qtbot, view, "records.schedule")
    assert dialog.values()["summoned"] == "投诉人、被投诉经营者"  # offered, as usually said
    fill(qtbot, dialog, day="2026-11-20", time="9:30", mode="in_person", place="本会三楼调解室", mediator="李调解")
    assert dialog.isVisible() and "已过" in dialog.error.text()  # a day gone by is refused in the dialog
    fill(qtbot, dialog, day="2026-11-25", time="25:00")
    assert dialog.isVisible() and "时:分" in dialog.error.text()
    fill(qtbot, dialog, time="٠٩:٣٠")  # Arabic-Indic digits look like a time, are not one
    assert dialog.isVisible() and "时:分" in dialog.error.text()
    fill(qtbot, dialog, time="９：３０", bring="身份证、发票原件、故障手机")  # typed in full width
    assert not dialog.isVisible()
    select(view, "调解安排：2026-11-25 09:30")
    assert view.records.list.currentItem().text(3) == "待举行"

    panel = issue(qtbot, view, answers, "mediation_notice")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    text = text_of(panel.notices[0])
    assert (
        has(text, "二〇二六年十一月二十五日上午9时30分", "现场", "本会三楼调解室", "李调解", "投诉人、被投诉经营者")
        == []
    )
    assert has(text, "身份证、发票原件、故障手机", "申请回避", "视为不同意调解") == []

    window.tabs.setCurrentWidget(window.my_work)
    qtbot.waitUntil(lambda: window.agenda.isVisible())
    agenda = window.agenda.list
    [row] = [
        agenda.topLevelItem(i)
        for i in range(agenda.topLevelItemCount())
        if agenda.topLevelItem(i).text(1) == ref.case_no
    ]
    assert row.text(0) == "2026-11-25 09:30" and "本会三楼调解室" in row.text(3)
    agenda.setCurrentItem(row)
    agenda.setFocus()
    qtbot.keyClick(agenda, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is view and view.lower_tabs.currentWidget() is view.records

    select(view, "调解安排：2026-11-25 09:30")
    fill(qtbot, press(qtbot, view, "records.move"), day="2026-11-27", time="14:00", reason="经营者代表出差")
    select(view, "调解安排：2026-11-25 09:30")
    assert view.records.list.currentItem().text(
        3
    ) == "已改期" and "经营者代表出差" in view.records.list.currentItem().text(2)
    assert any(
        e.text == "记录：调解改期：2026-11-25 09:30 → 2026-11-27 14:00（经营者代表出差）"
        for e in cases.timeline(ref.id)
    )

    select(view, "调解安排：2026-11-27 14:00")
    qtbot.keyClick(view.records.list, Qt.Key.Key_Return)  # Enter on a scheduled session: what happened
    dialog = view.records.dialog
    activate(qtbot, dialog)
    fill(qtbot, dialog, held_on="2026-11-27", participants="张三；经营者代表王经理", outcome="双方同意退款 2,400 元")
    assert dialog.error.isVisible() and "晚于今天" in dialog.error.text()  # the clock says 2026-11-23
    clock.start_at(dt.datetime(2026, 11, 27, 16, 0))  # the day of the session, after it
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert (
        mediation.scheduled(ref.id) is None
        and MediationSession.select().where(MediationSession.case == ref.id).count() == 2
    )
    select(view, "调解（现场）李调解：双方同意退款 2,400 元")  # the same session, now held
    assert any(e.text == "记录：调解（现场，调解员 李调解）：双方同意退款 2,400 元" for e in cases.timeline(ref.id))
    window.tabs.setCurrentWidget(window.my_work)
    window.refresh()
    assert not window.agenda.isVisible()  # nothing left to come in the clerk's cases

    out = tmp_path / "档案.xlsx"
    excel.export_archive(out, RegisterFilter(text=ref.case_no))
    rows = [r for r in load_workbook(out, read_only=True)["调查与调解"].iter_rows(min_row=2, values_only=True)]
    assert sorted((r[1], r[2].date(), r[6]) for r in rows) == [
        ("调解", dt.date(2026, 11, 27), "双方同意退款 2,400 元"),
        ("调解（已改期）", dt.date(2026, 11, 25), "经营者代表出差"),
    ]


def lines(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_an_agreed_term_runs_in_the_case_and_on_my_work_until_it_is_performed(window, qtbot, messages):
    ref = cases.intake(intake_values())
    window.refresh()
    view = window.open_case(ref.id)
    qtbot.waitUntil(view.isVisible)
    view.lower_tabs.setCurrentWidget(view.records)
    add_term(qtbot, view, due_on="2026-11-24")
    term = "协议履行：经营者退款 2400.00 元（2026-11-24 前）"
    assert term in lines(view.workflow.deadlines)
    [row] = [
        i
        for i in range(view.workflow.deadlines.topLevelItemCount())
        if view.workflow.deadlines.topLevelItem(i).text(0) == term
    ]
    assert view.workflow.deadlines.topLevelItem(row).text(2) == "还剩 1 天"
    window.tabs.setCurrentWidget(window.my_work)
    qtbot.waitUntil(lambda: window.agenda.isVisible())
    assert [window.agenda.list.topLevelItem(0).text(1), window.agenda.list.topLevelItem(0).text(3)] == [
        ref.case_no,
        term,
    ]

    clock.start_at(dt.datetime(2026, 11, 26, 9, 0))  # two days late
    window.refresh()
    assert window.agenda.list.topLevelItem(0).foreground(0).color().name() == "#a50e0e"
    view = window.open_case_at(ref.id, "records")
    view.workflow.reload()
    [row] = [
        i
        for i in range(view.workflow.deadlines.topLevelItemCount())
        if view.workflow.deadlines.topLevelItem(i).text(0) == term
    ]
    assert view.workflow.deadlines.topLevelItem(row).text(2) == "已超期 2 天"

    select(view, "退款 2400.00 元：退还货款")
    qtbot.keyClick(view.records.list, Qt.Key.Key_Return)
    fill(qtbot, view.records.dialog, done_on="2026-11-26")
    assert term not in lines(view.workflow.deadlines)
    window.refresh()
    assert not window.agenda.isVisible()

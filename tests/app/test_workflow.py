"""The state machine and deadlines through real transitions, on SQLite and PostgreSQL."""

import datetime as dt

import pytest

from app import cases, clock, records, workdays
from app.errors import ComplaintDeskError
from app.models import Appraisal, Case, CaseDeadline
from app.register import RegisterFilter, page
from app.workflow import machine, tables
from app.workflow.machine import TransitionRefused
from tests.factories import values_for

T = dt.datetime


def new_case(profile="market_regulator", when=T(2026, 9, 28, 9, 30), **overrides):
    machine.set_office_profile(profile)
    dates = {"purchase__purchase_date": "2026-01-10", "complaint__harm_known_date": "2026-01-20"}
    values = values_for(profile, **{**dates, **overrides})
    return cases.intake(values, actor="王芳", now=when).id


def due(case_id, rule):
    [d] = [d for d in machine.deadlines_of(case_id) if d.rule == rule]
    return d


def go(case_id, target, at, reason="", who="王芳"):
    machine.transition(case_id, target, who, reason=reason, now=at)


def ready_to_mediate(case_id, at):
    machine.record_consent(case_id, "business", "王芳", how="电话")
    machine.assign_mediator(case_id, "赵调解", "王芳")


def test_d1_is_seven_working_days_over_national_day(database):
    case_id = new_case(when=T(2026, 9, 28, 9, 30))
    d1 = due(case_id, "D1")
    assert d1.due_at.date() == dt.date(2026, 10, 13) and d1.rule_set == "samr_order_121" and not d1.provisional
    assert due(case_id, "D7").state == "met"  # walk-in: first contact at intake
    go(case_id, "accepted", T(2026, 9, 30, 10))
    assert due(case_id, "D1").state == "met"


def test_rule_set_by_day_received(database):
    old = new_case(when=T(2026, 4, 10, 9))
    new = new_case(when=T(2026, 4, 20, 9))
    go(old, "accepted", T(2026, 4, 13, 9))
    go(new, "accepted", T(2026, 8, 3, 9))
    assert due(old, "D2").rule_set == "samr_order_20" and due(old, "D2").unit == "working_days"
    d2 = due(new, "D2")
    assert d2.rule_set == "samr_order_121" and d2.due_at.date() == dt.date(2026, 10, 8)  # RULES.md worked example


def test_appraisal_pause_moves_the_mediation_deadline(database):
    case_id = new_case(when=T(2026, 7, 30, 9))
    go(case_id, "accepted", T(2026, 8, 3, 9))
    ready_to_mediate(case_id, T(2026, 8, 3, 10))
    go(case_id, "mediating", T(2026, 8, 4, 9))
    go(case_id, "paused_appraisal", T(2026, 8, 10, 9))
    assert due(case_id, "D2").state == "paused"
    go(case_id, "mediating", T(2026, 8, 20, 9))
    d2 = due(case_id, "D2")
    assert d2.state == "running" and d2.paused == 10 and d2.due_at.date() == dt.date(2026, 10, 12)


def test_an_appraisal_pause_runs_on_the_records_dates_not_when_they_were_typed(database):
    """A 10-day appraisal (08-10 to 08-20) recorded six weeks later moves D2 by 10 days, not by
    the 60-odd days between typing its start and typing its end."""
    case_id = new_case(when=T(2026, 7, 30, 9))
    go(case_id, "accepted", T(2026, 8, 3, 9))
    ready_to_mediate(case_id, T(2026, 8, 3, 10))
    go(case_id, "mediating", T(2026, 8, 4, 9))
    clock.start_at(T(2026, 9, 21, 9))
    records.add(
        case_id,
        "appraisal",
        {"started_on": "2026-08-10", "body": "某某质检所", "payer": "business"},
        "王芳",
        now=T(2026, 9, 21, 9),
    )
    assert due(case_id, "D2").state == "paused"
    clock.start_at(T(2026, 11, 23, 10))
    records.finish_appraisal(Appraisal.get(Appraisal.case == case_id).id, "2026-08-20", "合格", "王芳")
    d2 = due(case_id, "D2")
    assert d2.state == "running" and d2.paused == 10 and d2.due_at.date() == dt.date(2026, 10, 12)


@pytest.mark.parametrize("code", [r.code for r in tables.REASONS_A])
def test_not_accepted_with_each_reason_a(database, code):
    case_id = new_case()
    with pytest.raises(TransitionRefused, match="须选择理由"):
        go(case_id, "not_accepted", T(2026, 9, 29, 9))
    go(case_id, "not_accepted", T(2026, 9, 29, 9), reason=code)
    event = cases.timeline(case_id)[0]
    assert event.text.startswith("状态：已登记 → 不予受理") and f"理由 {code}" in event.text


@pytest.mark.parametrize("code", [r.code for r in tables.REASONS_B])
def test_terminated_with_each_reason_b(database, code):
    case_id = new_case()
    go(case_id, "accepted", T(2026, 9, 29, 9))
    with pytest.raises(TransitionRefused, match="理由"):
        go(case_id, "terminated", T(2026, 10, 9, 9), reason="A1")  # a list A code is not a list B ground
    go(case_id, "terminated", T(2026, 10, 9, 9), reason=code)
    assert Case.get_by_id(case_id).status == "terminated"
    # 7 working days from Friday 10-09 count the make-up Saturday 10-10: ends Monday 10-19
    assert due(case_id, "D3").due_at.date() == dt.date(2026, 10, 19)


def test_illegal_transition_refused_with_why(database):
    case_id = new_case()
    with pytest.raises(TransitionRefused, match="当前为“已登记”，不能直接转为“达成协议”.*可转为"):
        go(case_id, "agreed", T(2026, 9, 29, 9))
    assert Case.get_by_id(case_id).status == "received"


def test_mediation_needs_both_consents_and_a_mediator_without_conflict(database):
    case_id = new_case(case__consent_mediation=False)
    go(case_id, "accepted", T(2026, 9, 29, 9))
    with pytest.raises(TransitionRefused) as refused:
        go(case_id, "mediating", T(2026, 9, 30, 9))
    assert "投诉人、经营者同意调解" in str(refused.value) and "尚未指定调解员" in str(refused.value)
    machine.record_consent(case_id, "complainant", "王芳", how="书面")
    machine.record_consent(case_id, "business", "王芳", how="电话")
    machine.declare_conflict(case_id, "钱调解", "系经营者亲属", "王芳")
    with pytest.raises(TransitionRefused, match="利害关系"):
        machine.assign_mediator(case_id, "钱调解", "王芳")
    machine.assign_mediator(case_id, "赵调解", "王芳")
    machine.declare_conflict(case_id, "赵调解", "曾为经营者顾问", "赵调解")  # declared after assignment
    with pytest.raises(TransitionRefused, match="赵调解 已声明"):
        go(case_id, "mediating", T(2026, 9, 30, 9))
    machine.assign_mediator(case_id, "孙调解", "王芳")
    go(case_id, "mediating", T(2026, 9, 30, 10))
    assert Case.get_by_id(case_id).status == "mediating"


def test_closing_needs_the_notices_issued(database):
    case_id = new_case()
    go(case_id, "accepted", T(2026, 9, 29, 9))
    ready_to_mediate(case_id, T(2026, 9, 29, 10))
    go(case_id, "mediating", T(2026, 9, 30, 9))
    with pytest.raises(TransitionRefused, match="尚未记录协议条款"):  # an agreement is its terms
        go(case_id, "agreed", T(2026, 10, 15, 9))
    records.add(
        case_id,
        "remedy",
        {"kind": "refund", "amount": "2400", "by_whom": "business", "what": "退还货款", "due_on": "2026-12-16"},
        "赵调解",
        now=T(2026, 10, 15, 8),
    )
    go(case_id, "agreed", T(2026, 10, 15, 9))
    with pytest.raises(TransitionRefused, match="受理通知书.*调解协议书或调解记录"):
        go(case_id, "closed", T(2026, 10, 16, 9))
    machine.issue_notice(case_id, "acceptance_notice", "sms", "王芳")
    machine.issue_notice(case_id, "mediation_agreement", "in_person", "王芳", number="X市监投调〔2026〕7号")
    go(case_id, "closed", T(2026, 10, 16, 9))
    go(case_id, "archived", T(2026, 12, 1, 9))
    assert Case.get_by_id(case_id).register_entry.get().status == "archived"
    texts = [e.text for e in cases.timeline(case_id)]
    assert texts[0] == "状态：已办结 → 已归档" and any(t.startswith("送达文书：受理通知书") for t in texts)


def test_calendar_change_moves_open_deadlines_with_a_timeline_event(database):
    case_id = new_case(when=T(2026, 11, 2, 9))
    closed = new_case(when=T(2026, 11, 2, 9))
    go(closed, "accepted", T(2026, 11, 3, 9))
    assert due(case_id, "D1").due_at.date() == dt.date(2026, 11, 11)
    moved = machine.change_calendar(dt.date(2026, 11, 6), workdays.HOLIDAY, "临时假日", "测试通知 1 号", "管理员")
    assert moved >= 1
    assert due(case_id, "D1").due_at.date() == dt.date(2026, 11, 12)
    note = cases.timeline(case_id)[0]
    assert note.kind == "deadline" and "2026-11-11 改为 2026-11-12" in note.text
    assert not any(e.kind == "deadline" for e in cases.timeline(closed))  # its D1 was already met
    [row] = [r for r in page(RegisterFilter(text=Case.get_by_id(case_id).case_no), "received_at", True, None, 5)]
    assert row.id == case_id


def test_deadline_in_2027_is_provisional(database):
    case_id = new_case(when=T(2026, 12, 28, 9))
    assert due(case_id, "D1").provisional
    assert due(case_id, "D1").due_at.year == 2027


def test_office_length_setting_changes_association_deadline(database):
    from app import settings

    settings.put("deadline.D5.days", "10")
    case_id = new_case(profile="consumer_association", when=T(2026, 11, 2, 9))
    d5 = due(case_id, "D5")
    assert d5.length == 10 and d5.due_at.date() == dt.date(2026, 11, 16)


def test_repair_counter_life(database):
    case_id = new_case(
        profile="repair_counter",
        when=T(2026, 11, 2, 9),
        complaint__demands=["exchange"],
        purchase__purchase_date="2026-10-25",  # day 10 on the exchange: within the 15 days
        complaint__harm_known_date="2026-11-01",
    )
    assert {d.rule for d in machine.deadlines_of(case_id)} == {"D8", "D9"}
    assert due(case_id, "D8").due_at == T(2026, 11, 9, 17)  # 48 office hours: six working days of 8
    go(case_id, "diagnosed", T(2026, 11, 3, 9))
    machine.transition(case_id, "exchange", "王芳", now=T(2026, 11, 4, 9), details={"new_serial": "356938035643809"})
    assert {d.state for d in machine.deadlines_of(case_id)} == {"met"}
    for target, day in (("ready", 5), ("handed_over", 6), ("follow_up", 20)):
        go(case_id, target, T(2026, 11, day, 9))
    with pytest.raises(TransitionRefused, match="维修单"):
        go(case_id, "closed", T(2026, 11, 21, 9))
    machine.issue_notice(case_id, "repair_slip", "in_person", "王芳")
    go(case_id, "closed", T(2026, 11, 21, 9))
    assert Case.get_by_id(case_id).status == "closed"


def test_repair_rejection_needs_a_repair_reason(database):
    case_id = new_case(profile="repair_counter")
    with pytest.raises(TransitionRefused, match="理由"):
        go(case_id, "rejected", T(2026, 9, 29, 9), reason="B1")
    go(case_id, "rejected", T(2026, 9, 29, 9), reason="R2")


def test_register_shows_the_nearest_due_date(database):
    case_id = new_case(when=T(2026, 9, 28, 9, 30), complaint__channel="letter")
    [row] = page(RegisterFilter(text=Case.get_by_id(case_id).case_no), "received_at", True, None, 5)
    entry = Case.get_by_id(case_id).register_entry.get()
    # D7: 24 office hours for first contact by letter — 7.5 + 8 + 8 before National Day, the last half hour after it
    assert entry.due_at == T(2026, 10, 8, 9, 30)
    machine.record_milestone(case_id, "first_contact", "王芳", now=T(2026, 9, 28, 15))
    assert Case.get_by_id(case_id).register_entry.get().due_at.date() == dt.date(2026, 10, 13)
    assert CaseDeadline.select().where(CaseDeadline.case == case_id, CaseDeadline.state == "running").count() == 1


def test_every_guard_in_the_tables_exists():
    named = {g for p in tables.PROFILES.values() for t in p.transitions for g in t.guards}
    assert named <= set(machine.GUARDS)


def test_d4_is_extended_once_by_15_working_days_with_its_approval_on_the_timeline(database):
    case_id = new_case(when=T(2026, 10, 19, 9))
    go(case_id, "accepted", T(2026, 10, 20, 9))
    machine.record_milestone(case_id, "violation_lead", "王芳", note="疑似虚假宣传", now=T(2026, 11, 2, 9))
    assert due(case_id, "D4").due_at.date() == dt.date(2026, 11, 23)  # 15 working days from Monday 11-02
    with pytest.raises(TransitionRefused, match="D2"):
        machine.extend_deadline(case_id, "D2", "李科长", "", "王芳")  # D2 has no extension
    assert machine.extendable(case_id) == ["D4"]
    machine.extend_deadline(case_id, "D4", "李科长", "2026-11-20", "王芳", note="涉及多家门店")
    assert due(case_id, "D4").due_at.date() == dt.date(2026, 12, 14)  # 15 more working days
    told = [e.text for e in cases.timeline(case_id) if e.kind == "deadline"]
    assert told == ["期限延长：D4 延长 15 个工作日（经 李科长 于 2026-11-20 批准）"]
    with pytest.raises(TransitionRefused, match="已延长过一次"):
        machine.extend_deadline(case_id, "D4", "李科长", "", "王芳")
    assert machine.extendable(case_id) == []


def test_first_contact_counts_the_offices_hours_and_follows_a_change_of_them(database):
    case_id = new_case(when=T(2026, 11, 19, 16, 0), complaint__channel="letter")  # a Thursday, an hour before closing
    assert due(case_id, "D7").due_at == T(2026, 11, 24, 16, 0)  # 1 + 8 (Fri) + 8 (Mon) + 7 (Tue)
    machine.set_office_hours("08:30-17:30", "王芳")
    assert due(case_id, "D7").due_at == T(2026, 11, 24, 13, 0)  # 1.5 + 9 + 9 + 4.5 from 08:30
    assert any(e.text.startswith("期限重算：办公时间改为 08:30-17:30") for e in cases.timeline(case_id))
    with pytest.raises(ComplaintDeskError, match="结束应晚于开始"):
        machine.set_office_hours("18:00-09:00", "王芳")

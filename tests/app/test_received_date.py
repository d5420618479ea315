"""RULES.md 3: every deadline runs from when the office received the complaint (a letter, a
forwarding from 12315), recorded apart from when it was typed in; never in the future; changing it
later is a recorded edit that recomputes the deadlines and may change the rule set."""

import datetime as dt

import pytest

from app import cases
from app.errors import ValidationFailed
from app.models import Case
from app.workflow import machine
from tests.factories import intake_values


def due(case_id: int, rule: str) -> dt.date:
    return next(d.due_at.date() for d in machine.deadlines_of(case_id) if d.rule == rule)


@pytest.fixture
def regulator(database):
    machine.set_office_profile("market_regulator")


def test_deadlines_run_from_the_received_date_not_from_the_typing(regulator):
    typed_today = cases.intake(intake_values())
    by_letter = cases.intake(intake_values(case__received_at="2026-11-16"))  # a Monday, a week earlier
    assert due(typed_today.id, "D1") == dt.date(2026, 12, 2)  # 7 working days from Monday 2026-11-23
    assert due(by_letter.id, "D1") == dt.date(2026, 11, 25)
    case = Case.get_by_id(by_letter.id)
    assert case.received_at == dt.datetime(2026, 11, 16) and case.registered_at.date() == dt.date(2026, 11, 23)
    assert cases.load(by_letter.id).values["case.received_at"] == "2026-11-16 00:00"


@pytest.mark.parametrize(
    "typed, message",
    [
        ("2026-11-24", "不能晚于今天"),
        ("2026-11-23 11:30", "不能晚于现在"),
        ("2019-01-02", "适用期"),
        ("11月16日", "日期格式"),
    ],
)
def test_a_received_time_in_the_future_or_before_the_rules_is_refused_at_the_field(regulator, typed, message):
    with pytest.raises(ValidationFailed) as refused:
        cases.intake(intake_values(case__received_at=typed))
    assert message in str(refused.value.errors["case.received_at"])


def test_changing_it_later_is_an_edit_on_the_timeline_that_recomputes_the_deadlines(regulator):
    ref = cases.intake(intake_values(case__received_at="2026-11-16 09:30"))
    record = cases.load(ref.id)
    cases.edit(ref.id, {"case.received_at": "2026-11-18"}, record.versions, actor="王芳")
    assert due(ref.id, "D1") == dt.date(2026, 11, 27)
    edited = [e.text for e in cases.timeline(ref.id) if e.kind == "edited"]
    assert edited == ["修改同意事项与关联·收到时间：“2026-11-16 09:30” → “2026-11-18 00:00”"]
    with pytest.raises(ValidationFailed, match="请填写收到时间"):
        cases.edit(ref.id, {"case.received_at": ""}, cases.load(ref.id).versions, actor="王芳")


def test_the_received_date_picks_the_rule_set_in_force_that_day(regulator):
    ref = cases.intake(intake_values(case__received_at="2026-04-10"))  # Order 121 came into force on 04-15
    assert machine.rule_set_of(Case.get_by_id(ref.id)).code == "samr_order_20"
    cases.edit(ref.id, {"case.received_at": "2026-04-15"}, cases.load(ref.id).versions, actor="王芳")
    assert machine.rule_set_of(Case.get_by_id(ref.id)).code == "samr_order_121"
    assert {d.rule_set for d in machine.deadlines_of(ref.id)} == {"samr_order_121"}

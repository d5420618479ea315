"""RULES.md 2: what intake finds stays visible on the saved case and in the register — more than
three years since the harm was known (D10, ground A4), the signs of ground A3, a likely repeat the
clerk did not link — and the A4 warning follows the dates when they are corrected."""

from app import cases, register
from app.models import Case
from app.register import RegisterFilter
from tests.factories import intake_values


def flags(case_id: int) -> str:
    [row] = [r for r in register.page(RegisterFilter(), "received_at", True, None, 500) if r.id == case_id]
    return row.text("flags")


def test_harm_known_more_than_three_years_ago_warns_and_follows_the_dates(database):
    ref = cases.intake(
        intake_values(purchase__purchase_date="2023-05-01", complaint__harm_known_date="2023-11-22")
    )  # received 2026-11-23: three years and a day
    assert "A4" in Case.get_by_id(ref.id).warnings and flags(ref.id) == "超过三年"
    assert "民法典第一百八十八条" in cases.load(ref.id).warnings["A4"]
    cases.edit(ref.id, {"complaint.harm_known_date": "2023-11-23"}, cases.load(ref.id).versions, actor="王芳")
    assert "A4" not in Case.get_by_id(ref.id).warnings and flags(ref.id) == ""  # exactly three years: in time
    cases.edit(ref.id, {"case.received_at": "2026-11-23 09:00"}, cases.load(ref.id).versions, actor="王芳")
    assert flags(ref.id) == ""


def test_a_third_complaint_by_one_person_against_one_business_keeps_its_a3_sign(database):
    first = cases.intake(intake_values(complaint__facts="手机屏幕失灵，要求换货"))
    cases.intake(intake_values(complaint__facts="耳机左声道无声，要求退货"))
    third = cases.intake(intake_values(complaint__facts="充电器发烫，要求退款"))
    warnings = Case.get_by_id(third.id).warnings
    assert "A3" in warnings and "30 天内已对该经营者投诉 2 次" in warnings["A3"]
    assert "A3 迹象" in flags(third.id) and "可能重复" in flags(third.id)  # not linked: a likely repeat
    assert "A3" not in Case.get_by_id(first.id).warnings


def test_a_repeat_the_clerk_linked_is_not_flagged_again(database):
    first = cases.intake(intake_values())
    linked = cases.intake(intake_values(case__earlier_case=first.case_no))
    assert "repeat" not in Case.get_by_id(linked.id).warnings
    unlinked = cases.intake(intake_values(complainant__name="张三"))
    assert first.case_no in Case.get_by_id(unlinked.id).warnings["repeat"]

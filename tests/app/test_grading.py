"""Grades (RULES.md 3, seeds 000 and 002): proposed at intake from the category, the facts and the
claim; the clerk may choose another with a reason; the grade sets the first-contact clock (24 /
12 / 2 office hours), is filtered and sorted in the register and printed on the intake receipt."""

import datetime as dt

import pytest

from app import cases, grading, register
from app.documents import issuing
from app.errors import ComplaintDeskError, ValidationFailed
from app.models import Case
from app.register import RegisterFilter
from app.workflow import machine
from tests.app.test_documents_from_records import has, text_of
from tests.factories import intake_values

MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0)


def d7(case_id: int) -> dt.datetime:
    return next(d.due_at for d in machine.deadlines_of(case_id) if d.rule == "D7")


@pytest.mark.parametrize(
    "values, grade",
    [
        ({"complaint.category": "safety", "complaint.facts": "热水器漏气"}, "urgent"),
        ({"complaint.category": "quality", "complaint.facts": "孩子使用时烫伤，已去医院"}, "urgent"),
        ({"complaint.category": "quality", "complaint.facts": "多名消费者反映同一批次问题"}, "urgent"),
        ({"complaint.category": "quality", "complaint.facts": "购买的食品已变质"}, "important"),
        (
            {"complaint.category": "contract", "complaint.facts": "装修延期", "complaint.demand_amount": 1_200_000},
            "important",
        ),
        ({"complaint.category": "quality", "complaint.facts": "手机屏幕失灵"}, "ordinary"),
    ],
)
def test_the_grade_is_proposed_from_the_category_the_facts_and_the_claim(values, grade):
    assert grading.propose(values).grade == grade


@pytest.fixture
def regulator(database):
    machine.set_office_profile("market_regulator")


def by_letter(**overrides):
    return cases.intake(intake_values(complaint__channel="letter", **overrides), now=MONDAY_10)


def test_the_grade_sets_the_first_contact_clock_in_office_hours(regulator):
    ordinary = by_letter(complaint__facts="手机屏幕失灵，要求换货")
    important = by_letter(complaint__facts="购买的食品已变质，要求退款")
    urgent = by_letter(complaint__facts="电热水壶漏电，孩子触电受伤")
    assert [Case.get_by_id(c.id).grade for c in (ordinary, important, urgent)] == ["ordinary", "important", "urgent"]
    assert d7(ordinary.id) == dt.datetime(2026, 11, 26, 10, 0)  # 24 h: 7 + 8 + 8 + 1
    assert d7(important.id) == dt.datetime(2026, 11, 24, 14, 0)  # 12 h: 7 + 5
    assert d7(urgent.id) == dt.datetime(2026, 11, 23, 12, 0)  # at once: 2 h


def test_the_office_changes_a_grades_first_contact_and_open_cases_follow(regulator):
    important = by_letter(complaint__facts="购买的食品已变质，要求退款")
    with pytest.raises(ComplaintDeskError, match="1 至 24 个办公小时"):
        machine.set_first_contact_hours({"important": 30}, "管理员")
    with pytest.raises(ComplaintDeskError, match="随办理规则"):
        machine.set_first_contact_hours({"ordinary": 8}, "管理员")
    machine.set_first_contact_hours({"important": 4, "urgent": 2}, "管理员")
    assert machine.first_contact_hours() == {"ordinary": 24, "important": 4, "urgent": 2}
    assert d7(important.id) == dt.datetime(2026, 11, 23, 14, 0)  # 4 office hours from Monday 10:00
    [moved] = [e for e in cases.timeline(important.id) if e.kind == "deadline"]
    assert "首次联系期限改为 重要 4 小时" in moved.text


def test_another_grade_than_proposed_needs_a_reason_and_a_later_change_moves_the_clock(regulator):
    with pytest.raises(ValidationFailed) as refused:
        by_letter(complaint__facts="手机屏幕失灵", case__grade="urgent")
    assert "与建议的等级（一般）不同" in str(refused.value.errors["case.grade_reason"])
    ref = by_letter(complaint__facts="手机屏幕失灵", case__grade="important", case__grade_reason="投诉人为残障人士")
    assert Case.get_by_id(ref.id).grade == "important" and d7(ref.id) == dt.datetime(2026, 11, 24, 14, 0)
    with pytest.raises(ValidationFailed, match="理由"):
        cases.edit(ref.id, {"case.grade": "urgent"}, cases.load(ref.id).versions, actor="王芳", now=MONDAY_10)
    cases.edit(
        ref.id,
        {"case.grade": "urgent", "case.grade_reason": "媒体已关注"},
        cases.load(ref.id).versions,
        actor="王芳",
        now=MONDAY_10,
    )
    assert d7(ref.id) == dt.datetime(2026, 11, 23, 12, 0)
    assert "修改同意事项与关联·等级：“重要” → “紧急”" in [e.text for e in cases.timeline(ref.id)]


def test_the_register_filters_and_sorts_by_grade_and_the_receipt_prints_it(regulator):
    issuing.save_letterhead("杭州市西湖区市场监督管理局", short="西市监")
    plain = by_letter(complaint__facts="手机屏幕失灵")
    urgent = by_letter(complaint__facts="燃气灶起火，厨房受损")
    important = by_letter(complaint__facts="婴幼儿奶粉结块")
    assert [r.id for r in register.page(RegisterFilter(grade="urgent"), "received_at", True, None, 10)] == [urgent.id]
    ranked = [r.id for r in register.page(RegisterFilter(), "grade", True, None, 10)]
    assert ranked == [urgent.id, important.id, plain.id]  # by weight, not by the codes' spelling
    assert register.page(RegisterFilter(grade="urgent"), "grade", True, None, 1)[0].text("grade") == "紧急"
    text = text_of(issuing.issue(urgent.id, "intake_receipt", "in_person", "王芳"))
    assert has(text, "等级：紧急") == []

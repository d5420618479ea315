"""Investigation, mediation, appraisal, remedy, follow-up and appeal records."""

import datetime as dt

import pytest

from app import cases, records
from app.errors import ValidationFailed
from app.models import Case, FollowUp
from app.workflow import machine
from tests.factories import intake_values

T = dt.datetime


@pytest.fixture
def mediating(database):
    machine.set_office_profile("consumer_association")
    values = intake_values(purchase__purchase_date="2026-07-01", complaint__harm_known_date="2026-07-05")
    case_id = cases.intake(values, actor="王芳", now=T(2026, 8, 1, 9)).id
    machine.transition(case_id, "accepted", "王芳", now=T(2026, 8, 3, 9))
    machine.record_consent(case_id, "business", "王芳")
    machine.assign_mediator(case_id, "赵调解", "王芳")
    machine.transition(case_id, "mediating", "王芳", now=T(2026, 8, 4, 9))
    return case_id


def test_each_kind_is_recorded_on_the_timeline(mediating):
    records.add(
        mediating,
        "investigation",
        {"held_on": "2026-08-05", "checked": "现场查看空调外机", "cause": "installation"},
        "王芳",
    )
    records.add(
        mediating,
        "session",
        {
            "held_on": "2026-08-06",
            "mode": "in_person",
            "participants": "双方",
            "mediator": "赵调解",
            "outcome": "经营者同意上门重新安装",
        },
        "赵调解",
    )
    records.add(
        mediating,
        "remedy",
        {"kind": "repair", "by_whom": "business", "what": "重新安装并补加冷媒", "due_on": "2026-12-31", "amount": ""},
        "赵调解",
    )
    records.add(mediating, "follow_up", {"held_on": "2026-08-20", "method": "phone", "satisfaction": "4"}, "王芳")
    kinds = [line.kind for line in records.of_case(mediating)]
    assert sorted(kinds) == ["follow_up", "investigation", "remedy", "session"]
    assert FollowUp.get().satisfaction == 4
    texts = "\n".join(e.text for e in cases.timeline(mediating))
    assert "调查：现场查看空调外机；原因：安装问题" in texts and "满意度 4" in texts


def test_bad_values_are_refused_per_field(mediating):
    with pytest.raises(ValidationFailed) as err:
        records.add(
            mediating,
            "remedy",
            {"kind": "refund", "by_whom": "business", "what": "退款", "due_on": "明天", "amount": "-3"},
            "王芳",
        )
    assert set(err.value.errors) == {"due_on", "amount"}
    with pytest.raises(ValidationFailed):
        records.add(mediating, "follow_up", {"held_on": "2030-01-01", "method": "phone", "satisfaction": "5"}, "王芳")


def test_appraisal_pauses_mediation_and_its_end_resumes_it(mediating):
    records.add(
        mediating,
        "appraisal",
        {"started_on": "2026-08-10", "body": "省家电质检所", "payer": "business"},
        "王芳",
        now=T(2026, 8, 10, 9),
    )
    assert Case.get_by_id(mediating).status == "paused_appraisal"
    [d6] = [d for d in machine.deadlines_of(mediating) if d.rule == "D6"]
    assert d6.state == "paused"
    [line] = [r for r in records.of_case(mediating) if r.kind == "appraisal"]
    with pytest.raises(ValidationFailed):
        records.finish_appraisal(line.id, "2026-08-01", "早于送检", "王芳")
    records.finish_appraisal(line.id, "2026-08-20", "压缩机存在制造缺陷", "王芳")
    assert Case.get_by_id(mediating).status == "mediating"
    [d6] = [d for d in machine.deadlines_of(mediating) if d.rule == "D6"]
    assert d6.state == "running" and d6.paused > 0


def test_remedy_overdue_then_done(mediating):
    records.add(
        mediating,
        "remedy",
        {"kind": "refund", "by_whom": "business", "what": "退还货款", "due_on": "2026-09-01", "amount": "3299"},
        "王芳",
    )
    [line] = records.of_case(mediating, today=dt.date(2026, 9, 2))
    assert line.state == "overdue" and "3299.00 元" in line.text
    records.remedy_done(line.id, "2026-09-03", "王芳")
    assert records.of_case(mediating)[0].state == "done"


def test_appeal_reopens_the_case_and_keeps_its_history(mediating):
    machine.transition(mediating, "terminated", "王芳", reason="B3", now=T(2026, 9, 1, 9))
    before = len(cases.timeline(mediating))
    with pytest.raises(machine.TransitionRefused, match="须先登记申诉"):
        machine.transition(mediating, "accepted", "王芳")
    records.add(
        mediating,
        "appeal",
        {"filed_on": "2026-09-05", "party": "complainant", "grounds": "经营者承诺未兑现"},
        "王芳",
        now=T(2026, 9, 5, 9),
    )
    assert Case.get_by_id(mediating).status == "accepted"
    timeline = cases.timeline(mediating)
    assert len(timeline) == before + 2  # the appeal record and the reopening; nothing removed
    newest_status = next(e for e in timeline if e.kind == "status")
    assert newest_status.text == "状态：终止调解 → 已受理" and newest_status.note == "申诉：重新办理"
    assert any(d.rule == "D6" and d.state == "running" for d in machine.deadlines_of(mediating))  # a new clock


def test_appeal_from_an_open_case_is_refused_whole(mediating):
    with pytest.raises(machine.TransitionRefused):
        records.add(mediating, "appeal", {"filed_on": "2026-09-05", "party": "complainant", "grounds": "x"}, "王芳")
    assert [line.kind for line in records.of_case(mediating)] == []  # the record was rolled back too

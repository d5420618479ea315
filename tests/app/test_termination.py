"""RULES.md 2: a termination reaches both parties — closing, and D3, wait until the termination
notice was delivered to the complainant and to the business; a withdrawal after acceptance is a
termination on ground B1 (D3 runs, the notice is required); before acceptance it is a withdrawal."""

import pytest

from app import cases
from app.models import Case
from app.workflow import machine
from app.workflow.machine import TransitionRefused
from tests.app.test_workflow import T, due, go, new_case, ready_to_mediate


@pytest.fixture
def mediating(database):
    case_id = new_case()
    go(case_id, "accepted", T(2026, 9, 29, 9))
    machine.issue_notice(case_id, "acceptance_notice", "sms", "王芳")
    ready_to_mediate(case_id, T(2026, 9, 29, 10))
    go(case_id, "mediating", T(2026, 9, 30, 9))
    return case_id


def test_a_withdrawal_during_mediation_is_a_termination_on_b1_and_d3_runs(mediating):
    go(mediating, "withdrawn", T(2026, 10, 12, 9))  # the button says 投诉人撤回
    case = Case.get_by_id(mediating)
    assert case.status == "terminated"
    told = next(e.text for e in cases.timeline(mediating) if e.kind == "status" and "终止" in e.text)
    assert told.startswith("状态：调解中 → 终止调解（理由 B1") and "撤回" in told
    assert due(mediating, "D3").state == "running"
    with pytest.raises(TransitionRefused, match="终止调解告知书"):
        go(mediating, "closed", T(2026, 10, 13, 9))


def test_closing_waits_for_the_termination_notice_to_reach_both_parties(mediating):
    go(mediating, "terminated", T(2026, 10, 12, 9), reason="B2")
    machine.issue_notice(mediating, "termination_notice", "in_person", "王芳", recipient="complainant")
    assert due(mediating, "D3").state == "running"  # the business has not been told
    with pytest.raises(TransitionRefused, match="终止调解告知书还须送达：.*经营者"):
        go(mediating, "closed", T(2026, 10, 13, 9))
    machine.issue_notice(mediating, "termination_notice", "post", "王芳", recipient="business")
    assert due(mediating, "D3").state == "met"
    go(mediating, "closed", T(2026, 10, 14, 9))
    milestones = [e.text for e in cases.timeline(mediating) if e.kind == "milestone"]
    assert milestones.count("已告知双方终止调解") == 1


def test_one_notice_delivered_to_both_reaches_both(mediating):
    go(mediating, "terminated", T(2026, 10, 12, 9), reason="B3")
    machine.issue_notice(mediating, "termination_notice", "in_person", "王芳", recipient="both")
    assert due(mediating, "D3").state == "met"
    go(mediating, "closed", T(2026, 10, 13, 9))


def test_a_withdrawal_before_acceptance_stays_a_withdrawal(database):
    case_id = new_case()
    go(case_id, "withdrawn", T(2026, 9, 29, 9))
    assert Case.get_by_id(case_id).status == "withdrawn"
    assert not [d for d in machine.deadlines_of(case_id) if d.rule == "D3"]

"""我的待办's reminders beyond the statutory clocks: follow-ups of cases closed lately (an office
setting: N working days after closing), identity proofs awaited — each gone once done."""

import datetime as dt

from app import agenda, cases, records, settings
from app.workflow import machine
from tests.app.test_workflow import T, go
from tests.factories import intake_values

NOW = dt.datetime(2026, 11, 23, 10, 0)


def kinds(handler="王芳"):
    return [(i.case_no, i.kind, i.overdue) for i in agenda.upcoming(handler, NOW)]


def test_a_closed_case_is_followed_up_within_its_working_days(database):
    machine.set_office_profile("consumer_association")
    ref = cases.intake(intake_values(), actor="王芳", now=T(2026, 11, 2, 9))
    go(ref.id, "not_accepted", T(2026, 11, 3, 9), reason="C1")
    machine.issue_notice(ref.id, "not_accepted_notice", "post", "王芳")
    go(ref.id, "closed", T(2026, 11, 13, 9))  # a Friday: five working days end on Friday 11-20
    [item] = [i for i in agenda.upcoming("王芳", NOW) if i.kind == "follow_up"]
    assert item.when.date() == dt.date(2026, 11, 20) and item.overdue and item.panel == "records"
    assert kinds("别人") == []  # another handler's case is not on my list
    settings.put("followup.days", "10")
    assert next(i for i in agenda.upcoming("王芳", NOW) if i.kind == "follow_up").overdue is False
    records.add(ref.id, "follow_up", {"held_on": "2026-11-23", "method": "phone", "satisfaction": "4"}, "王芳")
    assert [i for i in agenda.upcoming("王芳", NOW) if i.kind == "follow_up"] == []


def test_an_identity_proof_awaited_is_a_reminder_until_the_case_moves_on(database):
    machine.set_office_profile("market_regulator")
    ref = cases.intake(intake_values(), actor="王芳", now=T(2026, 11, 19, 9))
    go(ref.id, "awaiting_identity", T(2026, 11, 19, 10))
    assert (ref.case_no, "identity", False) in kinds()
    go(ref.id, "accepted", T(2026, 11, 20, 9))
    assert (ref.case_no, "identity", False) not in kinds()

"""Assignment (issue 19): a supervisor reassigns a case with a reason (timeline, register), to an
active account when the office has accounts; the workload lists each handler's open cases, the
overdue and those due this week."""

import datetime as dt

import pytest

from app import accounts, cases, demo, session, workload
from app.errors import ComplaintDeskError
from app.models import Case, RegisterEntry
from app.permissions import PermissionDenied
from app.workflow import machine
from tests.app.test_workflow import T, go
from tests.factories import intake_values


def case_of(handler: str, when: dt.datetime) -> int:
    return cases.intake(intake_values(complaint__channel="letter"), actor=handler, now=when).id


def test_the_workload_counts_open_overdue_and_this_weeks_cases_by_handler(database):
    machine.set_office_profile("market_regulator")
    late = case_of("王芳", T(2026, 11, 2, 9))  # D1 ran out on 11-11
    case_of("王芳", T(2026, 11, 20, 9))  # D7 due Tuesday 11-24: this week
    done = case_of("李明", T(2026, 11, 2, 9))
    go(done, "withdrawn", T(2026, 11, 3, 9))
    machine.issue_notice(done, "acceptance_notice", "post", "李明")
    go(done, "closed", T(2026, 11, 4, 9))
    loads = {load.handler: load for load in workload.loads(T(2026, 11, 23, 10))}
    assert loads["王芳"] == workload.Load("王芳", 2, 1, 1)
    assert "李明" not in loads  # nothing open
    assert Case.get_by_id(late).handler == "王芳"
    assert workload.least_loaded(["王芳", "李明", "赵敏"], T(2026, 11, 23, 10)) == "李明"


def test_a_reassignment_needs_a_reason_and_is_on_the_timeline(database):
    machine.set_office_profile("market_regulator")
    ref = case_of("王芳", T(2026, 11, 20, 9))
    with pytest.raises(ComplaintDeskError, match="理由"):
        workload.reassign(ref, "李明", "  ", "科长")
    workload.reassign(ref, "李明", "王芳休假", "科长")
    assert Case.get_by_id(ref).handler == "李明"
    assert Case.get_by_id(ref).register_entry.get().handler == "李明"
    [entry] = [e for e in cases.timeline(ref) if e.kind == "edited"]
    assert (entry.text, entry.note, entry.actor) == ("修改经办人：“王芳” → “李明”", "王芳休假", "科长")


def test_only_a_supervisor_reassigns_and_only_to_an_active_account(database):
    machine.set_office_profile("market_regulator")
    accounts.create_first_admin("admin", "管理员", "admin-pass-1")
    accounts.sign_in("admin", "admin-pass-1")
    accounts.add_user("wang", "王芳", "handler", "wang-pass-1")
    accounts.add_user("li", "李明", "handler", "li-pass-11")
    ref = case_of("王芳", T(2026, 11, 20, 9))
    accounts.sign_in("wang", "wang-pass-1")
    with pytest.raises(PermissionDenied):
        workload.reassign(ref, "李明", "忙不过来", "王芳")
    accounts.sign_in("admin", "admin-pass-1")
    with pytest.raises(ComplaintDeskError, match="不是本办公室的在岗用户"):
        workload.reassign(ref, "张三", "临时", "管理员")
    workload.reassign(ref, "李明", "王芳休假", "管理员")
    assert Case.get_by_id(ref).handler == "李明"
    session.sign_out()


def test_the_supervisors_list_has_urgent_late_and_nearly_due_cases_with_whose_they_are(database):
    machine.set_office_profile("market_regulator")
    late = case_of("王芳", T(2026, 11, 2, 9))
    soon = case_of("李明", T(2026, 11, 20, 9))  # D7 due Tuesday 17:00: within two working days
    later = cases.intake(intake_values(complaint__channel="walk_in"), actor="赵敏", now=T(2026, 11, 23, 9)).id
    urgent = cases.intake(
        intake_values(complaint__channel="walk_in", complaint__facts="燃气灶爆炸致人受伤"),
        actor="赵敏",
        now=T(2026, 11, 23, 9),
    ).id
    listed = {i.case_id: i for i in workload.escalations(T(2026, 11, 23, 10))}
    assert listed[late].text == "王芳：已逾期 19 天" and listed[late].overdue  # first contact was due 11-04
    assert listed[soon].text == "李明：2026-11-24 到期" and not listed[soon].overdue
    assert listed[urgent].text.startswith("赵敏：紧急")
    assert later not in listed  # D1 runs to 12-02: not yet the supervisor's concern


def test_the_intake_goes_to_the_least_loaded_of_the_categorys_team_still_in_post(database):
    machine.set_office_profile("market_regulator")
    accounts.create_first_admin("admin", "管理员", "admin-pass-1")
    accounts.sign_in("admin", "admin-pass-1")
    for login, name, role in (("wang", "王芳", "handler"), ("li", "李明", "handler"), ("zhao", "赵敏", "clerk")):
        accounts.add_user(login, name, role, login + "-pass-123")
    with pytest.raises(ComplaintDeskError, match="赵敏 不是本办公室能经办案件的在岗用户"):
        workload.set_team("quality", ["王芳", "赵敏"], "管理员")
    with pytest.raises(ComplaintDeskError, match="未知的投诉类别"):
        workload.set_team("no_such", ["王芳"], "管理员")
    workload.set_team("quality", ["王芳", "李明", "王芳"], "管理员")
    assert workload.team("quality") == ["王芳", "李明"]
    case_of("李明", T(2026, 11, 20, 9))
    assert workload.propose("quality", T(2026, 11, 23, 10)) == "王芳"
    ref = cases.intake(intake_values(), actor="管理员", now=T(2026, 11, 23, 10), handler="王芳")
    assert Case.get_by_id(ref.id).handler == "王芳"
    with pytest.raises(ComplaintDeskError, match="赵敏 不是本办公室能经办案件的在岗用户"):
        cases.intake(intake_values(), actor="管理员", now=T(2026, 11, 23, 10), handler="赵敏")
    assert workload.propose("service", T(2026, 11, 23, 10)) == "管理员"  # no team: everybody; 管理员 carries none
    accounts.set_active("wang", False)  # 王芳 leaves: her team goes on without her
    assert workload.propose("quality", T(2026, 11, 23, 10)) == "李明"
    workload.set_team("quality", [], "管理员")
    assert workload.team("quality") == []
    session.sign_out()


def test_the_workload_equals_a_count_of_every_open_case(database):
    """Each handler's figures, read as index ranges and summed over statuses, against the cases one by one."""
    machine.set_office_profile("consumer_association")
    demo.generate(300, seed=11)
    now = T(2026, 11, 23, 10)
    week_end = dt.datetime(2026, 11, 30)
    entries = list(RegisterEntry.select().where(RegisterEntry.status.not_in(workload.FINISHED)))
    assert len({e.status for e in entries}) > 2  # a handler's cases in several states: summed over them
    expected: dict[str, list[int]] = {}
    for e in entries:
        n = expected.setdefault(e.handler, [0, 0, 0])
        n[0] += 1
        n[1] += e.due_at is not None and e.due_at < now
        n[2] += e.due_at is not None and now <= e.due_at < week_end
    assert any(n[1] for n in expected.values()) and any(n[2] for n in expected.values())
    got = {load.handler: [load.open, load.overdue, load.due_this_week] for load in workload.loads(now)}
    assert got == expected
    assert {type(n) for counts in got.values() for n in counts} == {int}  # not PostgreSQL's numeric sums

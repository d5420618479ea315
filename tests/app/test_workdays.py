"""The working-day calendar and deadline arithmetic (RULES.md 3), with the worked examples."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import register, workdays
from app.workflow import deadlines, tables
from app.workflow.deadlines import Pause
from app.workflow.rules import CALENDAR_DAYS, WORKING_DAYS, DeadlineRule, rule_set_for

D = dt.date


@pytest.fixture
def cal(database):
    return workdays.load()


def rule(unit, length, pauses=False):
    return DeadlineRule("T", "测试", "received", length, unit, met_by=(), exclude_pauses=pauses)


def test_worked_example_seven_working_days_over_national_day(cal):
    # RULES.md 3: 7 working days from Monday 2026-09-28 ends on 2026-10-13
    assert cal.add_working_days(D(2026, 9, 28), 7) == workdays.Due(D(2026, 10, 13), False)


def test_worked_example_sixty_days_ending_on_a_holiday(cal):
    # RULES.md 3: 60 days from 2026-08-03 is 2026-10-02, a holiday: the period ends 2026-10-08
    assert cal.add_calendar_days(D(2026, 8, 3), 60) == workdays.Due(D(2026, 10, 8), False)


@pytest.mark.parametrize(
    "day", [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]
)
def test_2026_make_up_weekend_days_are_working_days(cal, day):
    assert day.weekday() >= 5 and cal.is_working_day(day)


def test_holidays_on_weekdays_are_not_working_days(cal):
    assert not cal.is_working_day(D(2026, 10, 1)) and not cal.is_working_day(D(2026, 2, 17))
    assert cal.is_working_day(D(2026, 10, 9))


def test_a_year_without_schedule_is_weekends_only_and_provisional(cal):
    assert 2027 not in cal.known_years
    assert cal.is_working_day(D(2027, 1, 1))  # surely a holiday, but unknown: only weekends count
    due = cal.add_working_days(D(2026, 12, 24), 7)
    assert due.provisional and due.date.year == 2027
    assert not cal.add_working_days(D(2026, 11, 2), 7).provisional


def test_editing_the_calendar_changes_results_and_version(database):
    before = workdays.load()
    assert before.add_working_days(D(2026, 11, 2), 3).date == D(2026, 11, 5)
    workdays.set_day(D(2026, 11, 4), workdays.HOLIDAY, "测试假日", "测试通知", "管理员")
    after = workdays.load()
    assert after.version == before.version + 1
    assert after.add_working_days(D(2026, 11, 2), 3).date == D(2026, 11, 6)
    workdays.remove_day(D(2026, 11, 4))
    assert workdays.load().add_working_days(D(2026, 11, 2), 3).date == D(2026, 11, 5)


def test_setting_a_day_needs_a_source(database):
    with pytest.raises(workdays.CalendarError, match="依据"):
        workdays.set_day(D(2027, 1, 1), workdays.HOLIDAY, "元旦", "  ", "管理员")


def test_marking_a_year_known_ends_provisional(database):
    workdays.mark_year_known(2027, "国办发明电〔2026〕X号", "管理员")
    assert not workdays.load().add_working_days(D(2026, 12, 24), 7).provisional


def test_pauses_move_the_end(cal):
    two_months = rule(CALENDAR_DAYS, 60, pauses=True)
    start = dt.datetime(2026, 8, 3, 10)
    plain = deadlines.compute(two_months, start, cal, today=D(2026, 9, 1))
    paused = deadlines.compute(two_months, start, cal, [Pause(D(2026, 8, 10), D(2026, 8, 20))], today=D(2026, 9, 1))
    assert plain.due_date == D(2026, 10, 8)
    assert paused.paused == 10 and paused.due_date == D(2026, 10, 12)
    working = deadlines.compute(
        rule(WORKING_DAYS, 7, pauses=True),
        dt.datetime(2026, 11, 2),
        cal,
        [Pause(D(2026, 11, 3), D(2026, 11, 5))],
        today=D(2026, 11, 30),
    )
    assert working.paused == 2 and working.due_date == D(2026, 11, 13)
    ongoing = deadlines.compute(two_months, start, cal, [Pause(D(2026, 8, 10))], today=D(2026, 8, 15))
    assert ongoing.paused == 5


def test_rules_that_ignore_pauses_ignore_them(cal):
    due = deadlines.compute(
        rule(WORKING_DAYS, 7), dt.datetime(2026, 9, 28), cal, [Pause(D(2026, 9, 29), D(2026, 10, 9))]
    )
    assert due.paused == 0 and due.due_date == D(2026, 10, 13)


def test_rule_set_is_the_one_in_force_on_the_day_received():
    assert rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 10)).code == "samr_order_20"
    assert rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 14)).code == "samr_order_20"
    assert rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 15)).code == "samr_order_121"
    assert rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 20)).code == "samr_order_121"


def test_order_20_and_order_121_mediation_periods_differ(cal):
    old = {r.code: r for r in rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 10)).deadlines}
    new = {r.code: r for r in rule_set_for(tables.RULE_SETS, "market_regulator", D(2026, 4, 20)).deadlines}
    assert (old["D2"].length, old["D2"].unit) == (45, WORKING_DAYS)
    assert (new["D2"].length, new["D2"].unit) == (60, CALENDAR_DAYS)


def test_every_rule_set_names_its_sources_and_known_events():
    statuses = {s for p in tables.PROFILES.values() for s in p.states}
    events = statuses | {
        "first_contact",
        "termination_notified",
        "violation_lead",
        "lead_verified",
        "return_exchange_request",
    }
    for rs in tables.RULE_SETS:
        for r in rs.deadlines:
            assert r.source and r.consequence, r.code
            assert r.trigger in events and set(r.met_by) <= events, r.code


def test_every_transition_names_known_states_and_reason_lists():
    for profile in tables.PROFILES.values():
        for t in profile.transitions:
            assert t.source in profile.states and t.target in profile.states
            assert not t.reasons or t.reasons in profile.reasons


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)), n=st.integers(0, 400))
def test_nothing_crashes_for_any_date(day, n):
    cal = workdays.WorkCalendar(frozenset({D(2026, 10, 1)}), frozenset({D(2026, 10, 10)}), frozenset({2026}), 1)
    for unit in (WORKING_DAYS, CALENDAR_DAYS, "months", "years", "hours"):
        result = deadlines.compute(rule(unit, n % 40), dt.datetime.combine(day, dt.time(9)), cal, today=day)
        assert result.due_at.date() >= day


def test_dates_at_the_end_of_time_give_a_clear_error():
    cal = workdays.WorkCalendar(frozenset(), frozenset(), frozenset(), 1)
    with pytest.raises(workdays.CalendarError, match="超出"):
        cal.add_calendar_days(D(9999, 12, 30), 10)


def test_seeded_days_have_chinese_names_and_a_source(database):
    days = {d.day: d for d in workdays.days_of_year(2026)}
    assert days[D(2026, 10, 1)].name == "国庆节" and days[D(2026, 10, 10)].name == "国庆节调休上班"
    assert days[D(2026, 2, 17)].name == "春节" and "chinesecalendar" in days[D(2026, 2, 17)].source


def test_due_soon_is_the_same_whether_counted_per_row_or_worked_out_once(cal):
    """The register colours a deadline "soon" from one date per list (register.soon_before), as if
    it counted each row's working days: around National Day, Spring Festival and weekends."""
    for start in (D(2026, 9, 25), D(2026, 2, 10), D(2026, 11, 20)):
        for offset in range(21):
            today = start + dt.timedelta(days=offset)
            limit = register.soon_before(today, cal)
            for ahead in range(0, 25):
                due = today + dt.timedelta(days=ahead)
                counted = cal.working_days_between(today + dt.timedelta(days=1), due) <= register.SOON_WORKING_DAYS
                assert (due < limit) == counted, (today, due)

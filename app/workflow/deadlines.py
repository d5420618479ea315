"""Computing a deadline from its rule (RULES.md section 3). Pure: no database here.

Counting: the trigger day is not counted; working-day periods count working days after
it; a calendar-day or month period whose last day is not a working day ends on the next
working day; hour periods are exact. Where a rule excludes pauses (appraisal, testing),
the paused span [start, resumed) is added in the rule's own unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app import clock
from app.workdays import Due, WorkCalendar
from app.workflow.rules import CALENDAR_DAYS, HOURS, MONTHS, WORKING_DAYS, YEARS, DeadlineRule

END_OF_DAY = dt.time(23, 59, 59)


@dataclass(frozen=True)
class Pause:
    start: dt.date
    resumed: dt.date | None = None  # None: still paused


@dataclass(frozen=True)
class Computed:
    rule: DeadlineRule
    length: int
    trigger_at: dt.datetime
    due_at: dt.datetime
    provisional: bool
    paused: int  # in the rule's unit

    @property
    def due_date(self) -> dt.date:
        return self.due_at.date()


def paused_amount(rule: DeadlineRule, pauses: list[Pause], cal: WorkCalendar, today: dt.date) -> int:
    if not rule.exclude_pauses:
        return 0
    total = 0
    for p in pauses:
        resumed = p.resumed or today
        if resumed <= p.start:
            continue
        if rule.unit == WORKING_DAYS:
            total += cal.working_days_between(p.start, resumed - dt.timedelta(days=1))
        else:
            total += (resumed - p.start).days
    return total


OFFICE_HOURS = (dt.time(9, 0), dt.time(17, 0))


def compute(
    rule: DeadlineRule,
    trigger_at: dt.datetime,
    cal: WorkCalendar,
    pauses: Sequence[Pause] = (),
    length: int | None = None,
    today: dt.date | None = None,
    office_hours: tuple[dt.time, dt.time] = OFFICE_HOURS,
) -> Computed:
    """When `rule`, started at `trigger_at`, runs out; `length` overrides the rule's (office setting)."""
    length = rule.length if length is None else length
    today = today or clock.today()
    if rule.unit == HOURS and rule.office_hours:
        due_at, provisional = add_office_hours(trigger_at, length, cal, office_hours)
        return Computed(rule, length, trigger_at, due_at, provisional, 0)
    if rule.unit == HOURS:
        return Computed(rule, length, trigger_at, trigger_at + dt.timedelta(hours=length), False, 0)
    paused = paused_amount(rule, list(pauses), cal, today)
    start = trigger_at.date()
    if rule.unit == WORKING_DAYS:
        due: Due = cal.add_working_days(start, length + paused)
    elif rule.unit == CALENDAR_DAYS:
        due = cal.add_calendar_days(start, length + paused)
    elif rule.unit in (MONTHS, YEARS):
        months = length * (12 if rule.unit == YEARS else 1)
        due = cal.add_months(start, months)
        if paused:
            due = cal.add_calendar_days(due.date, paused)
    else:
        raise ValueError(f"unknown unit {rule.unit}")
    return Computed(rule, length, trigger_at, dt.datetime.combine(due.date, END_OF_DAY), due.provisional, paused)


def add_office_hours(
    start: dt.datetime, hours: int, cal: WorkCalendar, office_hours: tuple[dt.time, dt.time]
) -> tuple[dt.datetime, bool]:
    """`hours` of the office's open hours on working days from `start`: 24 hours from Thursday
    16:00 at 9–17 run out on the Tuesday after at 16:00; a holiday week is skipped whole.
    Provisional when it crosses a day the calendar does not know yet."""
    opens, closes = office_hours
    daily = dt.datetime.combine(start.date(), closes) - dt.datetime.combine(start.date(), opens)
    if daily <= dt.timedelta(0):
        raise ValueError("office hours must close after they open")
    left = dt.timedelta(hours=hours)
    day, moment, provisional = start.date(), start, False
    for _ in range(3700):  # ten years of days at most: a calendar with no working day cannot loop forever
        provisional = provisional or not cal.is_known(day)
        if cal.is_working_day(day):
            begin = max(moment, dt.datetime.combine(day, opens))
            end = dt.datetime.combine(day, closes)
            if begin < end:
                if end - begin >= left:
                    return begin + left, provisional
                left -= end - begin
        day += dt.timedelta(days=1)
        moment = dt.datetime.combine(day, opens)
    raise ValueError("no working day within ten years")


def working_days_left(due: dt.date, today: dt.date, cal: WorkCalendar) -> int:
    """Working days from tomorrow through the due day; negative when overdue (calendar days late)."""
    if due < today:
        return -(today - due).days
    return cal.working_days_between(today + dt.timedelta(days=1), due)

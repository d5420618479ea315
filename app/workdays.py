"""The working-day calendar of RULES.md section 3, and period arithmetic on it.

A working day is Monday–Friday plus the weekend make-up days (调休上班), minus statutory
holidays. The schedule is a table (calendar_day) seeded from the `chinesecalendar`
package and editable by an administrator; a year with no schedule counts weekends only,
and every result that touches such a year is marked provisional.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from dataclasses import dataclass

from app import clock, db, permissions, settings
from app.errors import ComplaintDeskError
from app.models import CalendarDay, CalendarYear, database

HOLIDAY = "holiday"
WORKDAY = "workday"
KINDS = {HOLIDAY: "节假日", WORKDAY: "调休上班"}
# chinesecalendar names its holidays in English
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利 70 周年纪念日",
}
LIBRARY_SOURCE = "chinesecalendar {version}（国务院办公厅放假安排）"
MAX_DAYS = 3 * 366 + 400  # the longest period a rule uses (3 years) plus pauses


class CalendarError(ComplaintDeskError):
    """A date or period outside what the calendar can count."""


@dataclass(frozen=True)
class Due:
    """The end of a period, and whether it rests on a year with no published schedule."""

    date: dt.date
    provisional: bool


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    known_years: frozenset[int]
    version: int

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def is_known(self, day: dt.date) -> bool:
        return day.year in self.known_years

    def provisional(self, start: dt.date, end: dt.date) -> bool:
        return any(year not in self.known_years for year in range(start.year, end.year + 1))

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the first working day after it."""
        for _ in range(MAX_DAYS):
            if self.is_working_day(day):
                return day
            day = _step(day, 1)
        raise CalendarError("{day} 之后很久都没有工作日，请检查日历设置", day=day)

    def add_working_days(self, trigger: dt.date, count: int) -> Due:
        """`count` working days after `trigger`; the trigger day itself is not counted."""
        if count < 0:
            raise CalendarError("工作日数不能为负")
        day = trigger
        counted = 0
        for _ in range(MAX_DAYS * 2):
            if counted >= count:
                return Due(day, self.provisional(trigger, day))
            day = _step(day, 1)
            if self.is_working_day(day):
                counted += 1
        raise CalendarError("从 {trigger} 起数 {count} 个工作日超出了日历范围", trigger=trigger, count=count)

    def add_calendar_days(self, trigger: dt.date, count: int) -> Due:
        """`count` days after `trigger`; a last day that is not a working day moves to the next one."""
        end = self.next_working_day(_step(trigger, count))
        return Due(end, self.provisional(trigger, end))

    def add_months(self, trigger: dt.date, count: int) -> Due:
        """Same day `count` months later (clamped to the month's end), then the working-day rule."""
        month_index = trigger.month - 1 + count
        year, month = trigger.year + month_index // 12, month_index % 12 + 1
        if not 1 <= year <= 9998:
            raise CalendarError("{trigger} 加 {count} 个月超出了日历范围", trigger=trigger, count=count)
        last = _stdcal.monthrange(year, month)[1]
        end = self.next_working_day(dt.date(year, month, min(trigger.day, last)))
        return Due(end, self.provisional(trigger, end))

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in [first, last], both counted (used for paused spans)."""
        if last < first:
            return 0
        return sum(1 for i in range((last - first).days + 1) if self.is_working_day(first + dt.timedelta(days=i)))


def _step(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise CalendarError("{day} 之后 {days} 天超出了日历范围", day=day, days=days) from None


def version() -> int:
    return int(settings.get("calendar_version", "0"))


_kept: dict[tuple[int, int], WorkCalendar] = {}  # (id of the database, calendar version) → calendar
_KEEP = 4


def load() -> WorkCalendar:
    """The calendar as stored now (kept per database and calendar version)."""
    key = (id(database.obj), version())
    if key not in _kept:
        _keep(key, *db.together(_queries()))
    return _kept[key]


def kept() -> bool:
    """Whether this seat keeps the open database's calendar (read_with then brings nothing more)."""
    return (id(database.obj), version()) in _kept


def read_with(queries: list) -> list[list]:
    """The rows of `queries` (app/db.together), with the calendar read in the same round trip if
    this seat has not kept it yet: the register's first page at start-up needs both."""
    key = (id(database.obj), version())
    if key in _kept:
        return db.together(queries)
    *answers, days, known = db.together([*queries, *_queries()])
    _keep(key, days, known)
    return answers


def _queries() -> list:
    return [CalendarDay.select(CalendarDay.day, CalendarDay.kind), CalendarYear.select(CalendarYear.year)]


def _keep(key: tuple[int, int], days, known) -> None:
    holidays, workdays = set(), set()
    for d in days:
        (holidays if d.kind == HOLIDAY else workdays).add(d.day)
    years = {y.year for y in known}
    while len(_kept) >= _KEEP:
        del _kept[next(iter(_kept))]  # the oldest: a closed database's, or an earlier version
    _kept[key] = WorkCalendar(frozenset(holidays), frozenset(workdays), frozenset(years), key[1])


def _bump_version() -> int:
    new = version() + 1
    settings.put("calendar_version", str(new))
    return new


def seed_from_library(actor: str = "系统") -> int:
    """Fill the table from the chinesecalendar package for the years it knows.

    Returns how many days were written. Days an administrator entered are kept.
    """
    import chinese_calendar

    source = LIBRARY_SOURCE.format(version=getattr(chinese_calendar, "__version__", "") or "1.x")
    known = set(CalendarDay.select(CalendarDay.day).tuples())
    now = clock.now().replace(microsecond=0)
    rows = []
    for table, kind in ((chinese_calendar.holidays, HOLIDAY), (chinese_calendar.workdays, WORKDAY)):
        for day, name in table.items():
            if (day,) not in known:
                label = HOLIDAY_NAMES.get(str(name), str(name))
                label = label if kind == HOLIDAY else f"{label}调休上班"
                rows.append(dict(day=day, kind=kind, name=label, source=source, entered_by=actor, entered_at=now))
    years = sorted({d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays})
    with database.atomic():
        for i in range(0, len(rows), 200):
            CalendarDay.insert_many(rows[i : i + 200]).execute()
        for year in years:
            CalendarYear.insert(
                year=year, source=source, entered_by=actor, entered_at=now
            ).on_conflict_ignore().execute()
        _bump_version()
    return len(rows)


def set_day(day: dt.date, kind: str, name: str, source: str, actor: str) -> int:
    """Record a holiday or a make-up working day; returns the new calendar version.

    The caller (workflow) recomputes open deadlines in the same transaction.
    """
    permissions.require("settings.calendar")
    if kind not in KINDS:
        raise CalendarError("未知的日期类型：{kind}", kind=kind)
    if not source.strip():
        raise CalendarError("请注明依据（如国务院办公厅通知的文号）")
    now = clock.now().replace(microsecond=0)
    CalendarDay.insert(
        day=day, kind=kind, name=name.strip(), source=source.strip(), entered_by=actor, entered_at=now
    ).on_conflict(
        conflict_target=[CalendarDay.day],
        preserve=[
            CalendarDay.kind,
            CalendarDay.name,
            CalendarDay.source,
            CalendarDay.entered_by,
            CalendarDay.entered_at,
        ],
    ).execute()
    return _bump_version()


def remove_day(day: dt.date) -> int:
    """Back to an ordinary day (weekday working, weekend not); returns the new version."""
    permissions.require("settings.calendar")
    CalendarDay.delete().where(CalendarDay.day == day).execute()
    return _bump_version()


def mark_year_known(year: int, source: str, actor: str) -> int:
    """The year's schedule is complete: its deadlines stop being provisional."""
    permissions.require("settings.calendar")
    now = clock.now().replace(microsecond=0)
    CalendarYear.insert(year=year, source=source, entered_by=actor, entered_at=now).on_conflict(
        conflict_target=[CalendarYear.year], preserve=[CalendarYear.source, CalendarYear.entered_by]
    ).execute()
    return _bump_version()


def days_of_year(year: int) -> list[CalendarDay]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return list(CalendarDay.select().where(CalendarDay.day.between(start, end)).order_by(CalendarDay.day))

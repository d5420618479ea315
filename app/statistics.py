"""Supervision figures (RULES.md 8): for the cases registered in a period, counts by
category, channel, business, handler, status and week; times to first contact, to the
acceptance decision and to resolution (median and mean); deadlines kept; outcomes; repeat
complaints; satisfaction; money recovered. And the office's open cases right now, by status
and by deadline band.

Everything is computed in SQL (GROUP BY, window functions for medians) on SQLite and
PostgreSQL alike, never by loading cases into Python. Times come from each case's first
event of the kind, so they stay right when a case is reopened later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from peewee import JOIN, fn
from peewee import Case as SqlCase

from app import clock, db, improvements, month_figures, vocab, workdays, workload
from app.db import is_postgres
from app.models import (
    Business,
    Case,
    CaseDeadline,
    Complainant,
    Complaint,
    Event,
    FollowUp,
    Investigation,
    Purchase,
    RegisterEntry,
    Remedy,
)
from app.records import CAUSES
from app.workflow import machine

OUTCOMES = {
    "agreed": "达成协议",
    "terminated": "终止调解",
    "not_accepted": "不予受理",
    "withdrawn": "撤回",
    "forwarded": "转办",
    "rejected": "不予三包",
    "exchange": "换货",
    "refund": "退货",
}


def headline_outcomes() -> tuple[str, str, str]:
    """The three outcomes the office's figures lead with: a counter exchanges, refunds or refuses."""
    if machine.office_profile().counter:
        return ("换货", "退货", "不予三包")
    return ("达成协议", "终止调解", "不予受理")


CLOSED = ("closed", "archived")  # no longer anybody's work


def open_statuses() -> list[str]:
    """The office's statuses still somebody's work: IN (these) reads the status index, NOT IN scans."""
    return [s for s in machine.office_profile().states if s not in CLOSED]


TOP = 50
REPEAT_AT = 3  # a business with this many complaints in the period is flagged
REPEAT_FAULT_AT = 2  # the same cause on the same product of the same business this often: a repeat fault
SOON_WORKING_DAYS = 2
BANDS = {"overdue": "已超期", "soon": "两个工作日内到期", "later": "稍后到期", "none": "无进行中的期限"}


@dataclass(frozen=True)
class Period:
    start: dt.datetime
    end: dt.datetime  # exclusive
    title: str
    code: str


def parse_period(text: str) -> Period:
    """2026-10 (a month), 2026-Q4 (a quarter), 2026 (a year)."""
    value = text.strip().upper()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            start, end = month_bounds(year, month)
            return Period(start, end, f"{year} 年 {month} 月", f"{year}-{month:02d}")
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", value):
        year, quarter = int(m.group(1)), int(m.group(2))
        start = dt.datetime(year, 3 * quarter - 2, 1)
        end = month_bounds(year, 3 * quarter)[1]
        return Period(start, end, f"{year} 年第{'一二三四'[quarter - 1]}季度", f"{year}-Q{quarter}")
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return Period(dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1), f"{year} 年", value)
    raise ValueError(f"统计期间应写成 2026-10（月）、2026-Q4（季度）或 2026（年）：{text}")


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, month, 1)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


@dataclass
class Durations:
    count: int = 0
    median_days: float | None = None
    mean_days: float | None = None


@dataclass
class DeadlineShare:
    rule: str
    title: str
    kept: int
    missed: int

    @property
    def share(self) -> float | None:
        return None if self.kept + self.missed == 0 else self.kept / (self.kept + self.missed)


@dataclass
class Figures:
    period: Period
    received: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_business: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_handler: list[tuple[str, int]] = field(default_factory=list)
    weekly: list[tuple[dt.date, int]] = field(default_factory=list)
    to_contact: Durations = field(default_factory=Durations)
    to_decision: Durations = field(default_factory=Durations)
    to_resolution: Durations = field(default_factory=Durations)
    deadlines: list[DeadlineShare] = field(default_factory=list)
    outcomes: list[tuple[str, int]] = field(default_factory=list)  # label, cases that reached it
    repeat_businesses: list[tuple[str, int]] = field(default_factory=list)
    repeat_complainants: int = 0
    satisfaction: float | None = None
    satisfaction_count: int = 0
    recovered_fen: int = 0
    claimed_fen: int = 0
    by_cause: list[tuple[str, int]] = field(default_factory=list)  # each case's cause (its latest finding)
    causes_found: int = 0  # cases whose investigation named a cause
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # label → code, for click-through

    @property
    def title(self) -> str:
        return self.period.title

    @property
    def deadlines_kept(self) -> int:
        return sum(d.kept for d in self.deadlines)

    @property
    def deadlines_missed(self) -> int:
        return sum(d.missed for d in self.deadlines)

    @property
    def within_deadline(self) -> float | None:
        total = self.deadlines_kept + self.deadlines_missed
        return None if total == 0 else self.deadlines_kept / total

    def outcome_share(self, label: str) -> float | None:
        total = sum(n for _, n in self.outcomes)
        n = dict(self.outcomes).get(label, 0)
        return None if total == 0 else n / total


def days_text(value: float | None, unit: str = "天") -> str:
    """A duration as the dashboard and the report print it (`unit`: 天, or its translation)."""
    return "—" if value is None else f"{value:g} {unit}"


def percent_text(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}%}"


def monthly(year: int, month: int, now: dt.datetime | None = None) -> Figures:
    return figures(parse_period(f"{year}-{month}"), now)


def figures(period: Period, now: dt.datetime | None = None) -> Figures:
    """Every figure for the cases registered in `period`, from the figures kept per month."""
    return db.gathered(_kept(period, now or clock.now(), TOP))[0].figures


def direct_figures(period: Period, now: dt.datetime | None = None) -> Figures:
    """The same figures worked out from the cases themselves (what `figures --check` compares)."""
    return db.gathered(_figures(period, now or clock.now()))[0]


def check_kept(period: Period, now: dt.datetime) -> list[str]:
    """Where the figures kept per month differ from the same figures worked out from the cases (the
    command line's `figures --check`): one line per figure that differs, none when all agree."""
    parts = db.gathered(_kept(period, now, TOP))[0]
    pairs = {
        "figures": (asdict(parts.figures), asdict(direct_figures(period, now))),
        "handlers": (parts.handlers, direct_handlers(period, now.date())),
        "businesses": (parts.businesses, direct_businesses(period)),
        "causes": (parts.causes, direct_causes(period)),
    }
    out = []
    for name, (kept, direct) in pairs.items():
        if name == "figures":
            for key in kept:
                if _comparable(kept[key]) != _comparable(direct[key]):
                    out.append(f"{key}: kept {kept[key]!r}, from the cases {direct[key]!r}")
        elif _comparable(kept) != _comparable(direct):
            out.append(f"{name}: kept {kept!r}, from the cases {direct!r}")
    return out


def _comparable(value):
    """Lists compared whatever the order of equal counts (the database's collation breaks those ties)."""
    if isinstance(value, list):
        return sorted(map(repr, value))
    if isinstance(value, float):
        return round(value, 6)
    return value


# Each figure below is a job for app/db.gathered: it yields its queries, all at once, and makes
# its figures from their rows, so a dashboard's every figure is one statement on a shared database.


@dataclass
class _PeriodParts:
    figures: Figures
    handlers: list[HandlerRow]
    businesses: list[BusinessRow]
    causes: list[CauseRow]
    worked_out: list[dt.date]  # months not kept yet, worked out directly


def _kept(period: Period, now: dt.datetime, limit: int):
    """The period's figures, handlers, businesses and causes from app.month_figures, with what
    depends on the moment (deadlines running late now, each handler's open cases) asked beside."""
    pg = is_postgres()
    mark = "%s" if pg else "?"
    start = dt.datetime.combine(now.date(), dt.time())
    totals = yield from month_figures.period_job(
        period.start,
        period.end,
        max(limit, TOP),
        also={
            # deadlines running past their date now: the few running ones first (CROSS JOIN keeps
            # SQLite from walking the period's cases instead)
            "running_late": (
                "SELECT d.rule, COUNT(*) FROM case_deadline d CROSS JOIN register_entry r "
                f"WHERE r.case_id = d.case_id AND d.state = 'running' AND d.due_at < {mark} "
                f"AND r.received_at >= {mark} AND r.received_at < {mark} GROUP BY d.rule",
                (now, period.start, period.end),
            ),
            "open": workload.open_by_handler(start, start),  # each handler's open cases, overdue
        },
    )
    states = machine.office_profile().states
    out = Figures(period)
    out.received, claimed = totals.one("received")
    out.claimed_fen = int(claimed)
    out.by_category = _labelled(totals.counted("category"), vocab.CATEGORIES)
    out.by_channel = _labelled(totals.counted("channel"), vocab.RECEIPT_CHANNELS)
    out.by_business = _labelled(totals.counted("business")[:TOP])
    out.by_status = _labelled(totals.counted("status"), states)
    out.by_handler = _labelled(totals.counted("handler"))
    out.codes = {"category": {v: k for k, v in vocab.CATEGORIES.items()}, "status": {v: k for k, v in states.items()}}
    weeks: dict[dt.date, int] = {}
    for day, n, _ in totals.of("day"):
        d = dt.date.fromisoformat(day[:10])
        monday = d - dt.timedelta(days=d.weekday())
        weeks[monday] = weeks.get(monday, 0) + n
    out.weekly = sorted(weeks.items())
    kept_durations = []
    for column in _DURATION_COLUMNS:
        count, days = totals.one(f"duration.{column}")
        median = totals.median(f"tenths.{column}")
        kept_durations.append(
            Durations(count, round(max(median, 0.0), 1), round(max(days / count, 0.0), 1))
            if count and median is not None
            else Durations()
        )
    out.to_contact, out.to_decision, out.to_resolution = kept_durations
    late_now = {rule: n for rule, n in totals.also["running_late"]}
    rules: dict[str, list] = {}
    for key, kept, late in totals.of("deadline"):
        rule, title = key.split(month_figures.SEP, 1)
        have = rules.setdefault(rule, [title, 0, 0])
        have[0] = min(have[0], title)
        have[1] += kept
        have[2] += int(late)
    out.deadlines = [
        DeadlineShare(rule, title, kept, late + late_now.get(rule, 0))
        for rule, (title, kept, late) in sorted(rules.items())
    ]
    out.outcomes = [(OUTCOMES[k], n) for k, n in totals.counted("outcome") if k in OUTCOMES]
    out.repeat_businesses = [(name, n) for name, n in out.by_business if n >= REPEAT_AT]
    out.repeat_complainants = totals.repeat_complainants()
    rated, points = totals.one("satisfaction")
    out.satisfaction, out.satisfaction_count = (round(points / rated, 2) if rated else None), rated
    out.recovered_fen = int(totals.one("recovered")[1])
    out.by_cause = _labelled(totals.counted("cause"), CAUSES)
    out.causes_found = sum(n for _, n in out.by_cause)

    open_now = {h: (n, int(late or 0)) for h, n, late, _ in totals.also["open"]}
    received = dict(totals.counted("handler"))
    times = {h: (n, days) for h, n, days in totals.of("handler.resolved")}
    people = [
        HandlerRow(
            h or "（未指定）",
            received.get(h, 0),
            open_now.get(h, (0, 0))[0],
            open_now.get(h, (0, 0))[1],
            times.get(h, (0, 0.0))[0],
            round(times[h][1] / times[h][0], 1) if times.get(h, (0, 0))[0] else None,
        )
        for h in sorted(set(received) | set(open_now), key=lambda h: (-open_now.get(h, (0, 0))[0], h))
    ]
    still_open = {name: int(n) for name, _, n in totals.of("business.view")}
    agreed = dict(totals.counted("business.agreed"))
    shops = [
        BusinessRow(name, n, still_open.get(name, 0), agreed.get(name, 0), n >= REPEAT_AT)
        for name, n in totals.counted("business.view")[:limit]
    ]
    found = []
    for key, n, _ in totals.of("cause.product"):
        name, product, model, cause = key.split(month_figures.SEP, 3)
        found.append(CauseRow(name, product, model, CAUSES.get(cause, cause), n, n >= REPEAT_FAULT_AT))
    found.sort(key=lambda r: (-r.cases, r.business, r.product, r.model, r.cause))
    return _PeriodParts(out, people, shops, found[:limit], totals.dirty)


def _figures(period: Period, now: dt.datetime):
    in_period = (Case.received_at >= period.start) & (Case.received_at < period.end)
    ids = Case.select(Case.id).where(in_period)
    states = machine.office_profile().states
    entry_period = (RegisterEntry.received_at >= period.start) & (RegisterEntry.received_at < period.end)
    repeat = (
        Case.select(Complainant.phone_hash)
        .join(Complainant, on=(Case.complainant == Complainant.id))
        .where(in_period & (Complainant.phone_hash != ""))
        .group_by(Complainant.phone_hash)
        .having(fn.COUNT(Case.id) > 1)
    )
    repeat_sql, repeat_params = repeat.sql()
    cause_count = fn.COUNT(Investigation.id)
    got = yield {
        "received": Case.select(fn.COUNT(Case.id)).where(in_period).tuples(),
        "category": _counted(RegisterEntry.category, entry_period),
        "channel": _grouped(Complaint.channel, in_period, Complaint.case == Case.id),
        "business": _counted(RegisterEntry.business, entry_period, TOP),
        "status": _counted(RegisterEntry.status, entry_period),
        "handler": _counted(RegisterEntry.handler, entry_period),
        "weekly": _weekly(period),
        **_durations(period),
        "deadlines": _deadlines(ids, now),
        "outcomes": Event.select(Event.to_status, fn.COUNT(fn.DISTINCT(Event.case)))
        .where((Event.kind == "status") & Event.to_status.in_(list(OUTCOMES)) & Event.case.in_(ids))
        .group_by(Event.to_status)
        .order_by(fn.COUNT(fn.DISTINCT(Event.case)).desc(), Event.to_status)
        .tuples(),
        "repeat": (f"SELECT COUNT(*) FROM ({repeat_sql}) r", repeat_params),
        "satisfaction": FollowUp.select(fn.AVG(FollowUp.satisfaction), fn.COUNT(FollowUp.satisfaction))
        .where(FollowUp.case.in_(ids) & FollowUp.satisfaction.is_null(False))
        .tuples(),
        "recovered": Remedy.select(fn.SUM(Remedy.amount_fen))  # what was paid, not what was promised
        .where(Remedy.case.in_(ids) & (Remedy.by_whom == "business") & Remedy.done_on.is_null(False))
        .tuples(),
        "claimed": RegisterEntry.select(fn.SUM(RegisterEntry.amount_fen)).where(entry_period).tuples(),
        "causes": Investigation.select(Investigation.cause, cause_count)
        .where(_latest_cause(ids))
        .group_by(Investigation.cause)
        .order_by(cause_count.desc(), Investigation.cause)
        .tuples(),
    }
    out = Figures(period)
    out.received = got["received"][0][0] or 0
    out.by_category = _labelled(got["category"], vocab.CATEGORIES)
    out.by_channel = _labelled(got["channel"], vocab.RECEIPT_CHANNELS)
    out.by_business = _labelled(got["business"])
    out.by_status = _labelled(got["status"], states)
    out.by_handler = _labelled(got["handler"])
    out.codes = {"category": {v: k for k, v in vocab.CATEGORIES.items()}, "status": {v: k for k, v in states.items()}}
    out.weekly = [(w if isinstance(w, dt.date) else dt.date.fromisoformat(w), n) for w, n in got["weekly"]]
    out.to_contact, out.to_decision, out.to_resolution = _durations_from(got)
    out.deadlines = [DeadlineShare(rule, title, int(k or 0), int(m or 0)) for rule, title, k, m in got["deadlines"]]
    out.outcomes = [(OUTCOMES[k], n) for k, n in got["outcomes"]]
    out.repeat_businesses = [(name, n) for name, n in out.by_business if n >= REPEAT_AT]
    out.repeat_complainants = got["repeat"][0][0] or 0
    avg, n = got["satisfaction"][0]
    out.satisfaction, out.satisfaction_count = (round(float(avg), 2) if avg is not None else None), n
    out.recovered_fen = int(got["recovered"][0][0] or 0)
    out.claimed_fen = int(got["claimed"][0][0] or 0)
    out.by_cause = _labelled(got["causes"], CAUSES)
    out.causes_found = sum(n for _, n in out.by_cause)
    return out


def _labelled(rows, labels: dict[str, str] | None = None) -> list[tuple[str, int]]:
    return [(labels.get(k, k) if labels else k, n) for k, n in rows]


def _latest_cause(ids):
    """The investigations that give each case its cause: the latest one that names a cause."""
    latest = (
        Investigation.select(fn.MAX(Investigation.id))
        .where((Investigation.cause != "") & Investigation.case.in_(ids))
        .group_by(Investigation.case)
    )
    return Investigation.id.in_(latest)


def _grouped(column, where, on, limit: int | None = None):
    count = fn.COUNT(Case.id)
    query = Case.select(column, count.alias("n"))
    if on is not None:
        query = query.join(column.model, on=on)
    query = query.where(where).group_by(column).order_by(count.desc(), column)
    if limit:
        query = query.limit(limit)
    return query.tuples()


def _counted(column, where, limit: int | None = None):
    """Counts by a column of the register entry (narrow rows, indexed by registration time)."""
    count = fn.COUNT(RegisterEntry.case)
    query = RegisterEntry.select(column, count).where(where).group_by(column).order_by(count.desc(), column)
    if limit:
        query = query.limit(limit)
    return query.tuples()


def _weekly(period: Period) -> tuple[str, tuple]:
    """Cases received per week (weeks start on Monday)."""
    pg = is_postgres()
    week = "date_trunc('week', received_at)::date" if pg else "date(received_at, '-6 days', 'weekday 1')"
    mark = "%s" if pg else "?"
    return (
        f"SELECT {week} AS week, COUNT(*) FROM complaint_case WHERE received_at >= {mark} AND received_at < {mark} "
        "GROUP BY week ORDER BY week",
        (period.start, period.end),
    )


def _days(column: str, pg: bool) -> str:
    return month_figures.days_between("received_at", column, pg)


def _tenths(column: str, pg: bool) -> str:
    """The days to `column` in tenths, as the medians count them (and the kept figures keep them)."""
    return month_figures.tenths(_days(column, pg), pg)


_DURATION_COLUMNS = month_figures.DURATIONS


def _durations(period: Period) -> dict[str, tuple[str, tuple]]:
    """Days from registration to first contact, decision and closing: count and mean in one pass,
    medians by window functions (the middle rows of each, by their own count) — over the register
    entries' kept times (one narrow, covered index)."""
    pg = is_postgres()
    mark = "%s" if pg else "?"
    where = f"received_at >= {mark} AND received_at < {mark}"
    params = (period.start, period.end)
    asks = {
        "durations": (
            "SELECT "
            + ", ".join(f"COUNT({c}), AVG({_days(c, pg)})" for c in _DURATION_COLUMNS)
            + f" FROM register_entry WHERE {where}",
            params,
        )
    }
    for column in _DURATION_COLUMNS:
        asks[f"median.{column}"] = (
            f"SELECT AVG(v) FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v) AS rn, COUNT(*) OVER () AS n FROM ("
            f"SELECT {_tenths(column, pg)} AS v FROM register_entry WHERE {where} AND {column} IS NOT NULL) x) y "
            "WHERE rn IN ((n + 1) / 2, (n + 2) / 2)",
            params,
        )
    return asks


def _durations_from(got: dict) -> tuple[Durations, Durations, Durations]:
    totals = got["durations"][0]
    out = []
    for i, column in enumerate(_DURATION_COLUMNS):
        count, mean = totals[2 * i], totals[2 * i + 1]
        median = got[f"median.{column}"][0][0]
        if not count or median is None:
            out.append(Durations())
            continue
        out.append(Durations(count, round(max(float(median), 0.0), 1), round(max(float(mean), 0.0), 1)))
    return tuple(out)


def _deadlines(ids, now: dt.datetime):
    """Per deadline rule: kept (met on time) and missed (met late, or running past its date)."""
    kept = fn.SUM(
        SqlCase(None, [(((CaseDeadline.state == "met") & (CaseDeadline.closed_at <= CaseDeadline.due_at)), 1)], 0)
    )
    missed = fn.SUM(
        SqlCase(
            None,
            [
                (
                    ((CaseDeadline.state == "met") & (CaseDeadline.closed_at > CaseDeadline.due_at))
                    | ((CaseDeadline.state == "running") & (CaseDeadline.due_at < now)),
                    1,
                )
            ],
            0,
        )
    )
    return (
        CaseDeadline.select(CaseDeadline.rule, fn.MIN(CaseDeadline.title), kept, missed)
        .where(CaseDeadline.case.in_(ids))
        .group_by(CaseDeadline.rule)
        .order_by(CaseDeadline.rule)
        .tuples()
    )


# --- now: the office's open cases -------------------------------------------------------------


@dataclass
class OpenCases:
    total: int = 0
    by_status: list[tuple[str, int]] = field(default_factory=list)
    bands: list[tuple[str, int]] = field(default_factory=list)  # BANDS label, count
    codes: dict[str, dict[str, str]] = field(default_factory=dict)


def soon_until(today: dt.date, cal=None) -> dt.date:
    """The last day still "due soon" (within SOON_WORKING_DAYS working days after today)."""
    cal = cal or workdays.load()
    day, counted = today, 0
    while True:
        nxt = day + dt.timedelta(days=1)
        if cal.is_working_day(nxt):
            if counted == SOON_WORKING_DAYS:
                return day
            counted += 1
        day = nxt


def band_bounds(band: str, today: dt.date) -> tuple[dt.datetime | None, dt.datetime | None, bool]:
    """(due from, due before, no deadline) that select a band's cases in the register."""
    start = dt.datetime.combine(today, dt.time())
    cutoff = dt.datetime.combine(soon_until(today) + dt.timedelta(days=1), dt.time())
    return {
        "overdue": (None, start, False),
        "soon": (start, cutoff, False),
        "later": (cutoff, None, False),
        "none": (None, None, True),
    }[band]


def open_cases(today: dt.date | None = None) -> OpenCases:
    return db.gathered(_open_cases(today or clock.today()))[0]


def _open_cases(today: dt.date):
    states = machine.office_profile().states
    is_open = RegisterEntry.status.in_(open_statuses())
    count = fn.COUNT(RegisterEntry.case)
    start = dt.datetime.combine(today, dt.time())
    cutoff = dt.datetime.combine(soon_until(today) + dt.timedelta(days=1), dt.time())
    band = SqlCase(
        None,
        [
            (RegisterEntry.due_at.is_null(), "none"),
            (RegisterEntry.due_at < start, "overdue"),
            (RegisterEntry.due_at < cutoff, "soon"),
        ],
        "later",
    )
    got = yield {
        "status": RegisterEntry.select(RegisterEntry.status, count)
        .where(is_open)
        .group_by(RegisterEntry.status)
        .order_by(count.desc(), RegisterEntry.status)
        .tuples(),
        "band": RegisterEntry.select(band, fn.COUNT(RegisterEntry.case)).where(is_open).group_by(band).tuples(),
    }
    out = OpenCases()
    out.by_status = _labelled(got["status"], states)
    out.total = sum(n for _, n in out.by_status)
    found = dict(got["band"])
    out.bands = [(label, found.get(code, 0)) for code, label in BANDS.items()]
    out.codes = {"status": {v: k for k, v in states.items()}, "band": {v: k for k, v in BANDS.items()}}
    return out


# --- supervisors' views --------------------------------------------------------------------------


@dataclass
class HandlerRow:
    handler: str
    received: int
    open: int
    overdue: int
    resolved: int
    mean_days_to_resolution: float | None


@dataclass
class BusinessRow:
    business: str
    received: int
    open: int
    agreed: int
    repeat: bool


def handlers(period: Period, today: dt.date | None = None) -> list[HandlerRow]:
    """Workload (open and overdue now) and the period's intake and resolution times, per handler."""
    now = dt.datetime.combine(today or clock.today(), dt.time())
    return db.gathered(_kept(period, now, TOP))[0].handlers


def direct_handlers(period: Period, today: dt.date | None = None) -> list[HandlerRow]:
    return db.gathered(_handlers(period, today or clock.today()))[0]


def _handlers(period: Period, today: dt.date):
    start = dt.datetime.combine(today, dt.time())
    in_period = (Case.received_at >= period.start) & (Case.received_at < period.end)
    is_open = RegisterEntry.status.in_(open_statuses())
    pg = is_postgres()
    mark = "%s" if pg else "?"
    got = yield {
        "received": Case.select(Case.handler, fn.COUNT(Case.id)).where(in_period).group_by(Case.handler).tuples(),
        "open": RegisterEntry.select(RegisterEntry.handler, fn.COUNT(RegisterEntry.case))
        .where(is_open)
        .group_by(RegisterEntry.handler)
        .tuples(),
        "overdue": RegisterEntry.select(RegisterEntry.handler, fn.COUNT(RegisterEntry.case))
        .where(is_open & (RegisterEntry.due_at < start))
        .group_by(RegisterEntry.handler)
        .tuples(),
        "times": (
            f"SELECT handler, COUNT(resolved_at), AVG({_days('resolved_at', pg)}) FROM register_entry "
            f"WHERE received_at >= {mark} AND received_at < {mark} GROUP BY handler",
            (period.start, period.end),
        ),
    }
    received, open_now, overdue = dict(got["received"]), dict(got["open"]), dict(got["overdue"])
    times = {h: (n, avg) for h, n, avg in got["times"]}
    names = sorted(set(received) | set(open_now), key=lambda h: (-open_now.get(h, 0), h))
    return [
        HandlerRow(
            h or "（未指定）",
            received.get(h, 0),
            open_now.get(h, 0),
            overdue.get(h, 0),
            times.get(h, (0, None))[0] or 0,
            round(float(times[h][1]), 1) if h in times and times[h][1] is not None else None,
        )
        for h in names
    ]


@dataclass
class CauseRow:
    business: str
    product: str
    model: str
    cause: str  # its label
    cases: int
    repeat: bool  # a repeat fault: the same cause on this product again


def causes(period: Period, limit: int = TOP) -> list[CauseRow]:
    """Causes found by the investigations of the period's cases, by business, product and model."""
    return db.gathered(_kept(period, clock.now(), limit))[0].causes


def direct_causes(period: Period, limit: int = TOP) -> list[CauseRow]:
    return db.gathered(_causes(period, limit))[0]


def _causes(period: Period, limit: int):
    in_period = (Case.received_at >= period.start) & (Case.received_at < period.end)
    ids = Case.select(Case.id).where(in_period)
    count = fn.COUNT(Investigation.id)
    product = fn.COALESCE(Purchase.product, "")
    model = fn.COALESCE(Purchase.model, "")
    got = yield {
        "causes": Investigation.select(Business.name, product, model, Investigation.cause, count)
        .join(Case, on=(Investigation.case == Case.id))
        .join(Business, on=(Case.business == Business.id))
        .switch(Case)
        .join(Purchase, JOIN.LEFT_OUTER, on=(Purchase.case == Case.id))
        .where(_latest_cause(ids))
        .group_by(Business.name, product, model, Investigation.cause)
        .order_by(count.desc(), Business.name, product, model)
        .limit(limit)
        .tuples()
    }
    return [
        CauseRow(name, p, m, CAUSES.get(code, code), n, n >= REPEAT_FAULT_AT) for name, p, m, code, n in got["causes"]
    ]


def businesses(period: Period, limit: int = TOP) -> list[BusinessRow]:
    """The businesses complained about most in the period; repeat offenders flagged."""
    return db.gathered(_kept(period, clock.now(), limit))[0].businesses


def direct_businesses(period: Period, limit: int = TOP) -> list[BusinessRow]:
    return db.gathered(_businesses(period, limit))[0]


def _businesses(period: Period, limit: int):
    in_period = (Case.received_at >= period.start) & (Case.received_at < period.end)
    count = fn.COUNT(Case.id)
    still_open = fn.SUM(SqlCase(None, [(Case.status.in_(open_statuses()), 1)], 0))
    agreed = (
        Event.select(Event.case)
        .join(Case, on=(Event.case == Case.id))
        .where(in_period & (Event.kind == "status") & (Event.to_status == "agreed"))
    )
    got_agreement = fn.SUM(SqlCase(None, [(Case.id.in_(agreed), 1)], 0))
    got = yield {
        "businesses": Case.select(Business.name, count, still_open, got_agreement)
        .join(Business, JOIN.INNER, on=(Case.business == Business.id))
        .where(in_period)
        .group_by(Business.name)
        .order_by(count.desc(), Business.name)
        .limit(limit)
        .tuples()
    }
    return [BusinessRow(name, n, int(o or 0), int(a or 0), n >= REPEAT_AT) for name, n, o, a in got["businesses"]]


@dataclass
class Dashboard:
    figures: Figures
    open_cases: OpenCases
    handlers: list[HandlerRow]
    businesses: list[BusinessRow]
    causes: list[CauseRow]
    actions: list[improvements.Action]
    worked_out: list[dt.date] = field(default_factory=list)  # months not kept yet (month_figures.refresh)


def dashboard(period: Period, now: dt.datetime, limit: int = 30) -> Dashboard:
    """What the dashboard shows for `period`, every figure asked at once (one statement on a shared
    database, two when months changed since their figures were kept)."""
    parts, open_now, actions = db.gathered(
        _kept(period, now, limit),
        _open_cases(now.date()),
        improvements.during_job(period.start.date(), period.end.date()),
    )
    return Dashboard(parts.figures, open_now, parts.handlers, parts.businesses, parts.causes, actions, parts.worked_out)

"""Monthly figures a supervisor asks for: cases by category, channel, business and status,
how long acceptance and resolution took, and how many deadlines were kept.

Counts are SQL aggregates over the cases registered in the month; the times come from each
case's first status event of the kind, so they stay right when a case is reopened later.
"""

from __future__ import annotations

import datetime as dt
import statistics as pystats
from dataclasses import dataclass, field

from peewee import fn

from app import vocab
from app.models import Business, Case, CaseDeadline, Complaint, Event
from app.workflow import machine

# the first status a case reaches once the office has decided on it, and once it is done
DECIDED = {"accepted", "not_accepted", "forwarded", "diagnosed", "rejected"}
RESOLVED = {"closed"}
TOP_BUSINESSES = 50


@dataclass
class Durations:
    count: int = 0
    median_days: float | None = None
    mean_days: float | None = None

    @classmethod
    def of(cls, days: list[float]) -> "Durations":
        if not days:
            return cls()
        return cls(len(days), round(pystats.median(days), 1), round(pystats.fmean(days), 1))


@dataclass
class MonthlyStats:
    year: int
    month: int
    received: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_business: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    to_decision: Durations = field(default_factory=Durations)
    to_resolution: Durations = field(default_factory=Durations)
    deadlines_kept: int = 0
    deadlines_missed: int = 0
    claimed_fen: int = 0

    @property
    def title(self) -> str:
        return f"{self.year} 年 {self.month} 月"

    @property
    def within_deadline(self) -> float | None:
        total = self.deadlines_kept + self.deadlines_missed
        return None if total == 0 else self.deadlines_kept / total


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, month, 1)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


def monthly(year: int, month: int, now: dt.datetime | None = None) -> MonthlyStats:
    """The figures for the cases registered in `year`-`month`."""
    now = now or dt.datetime.now()
    start, end = month_bounds(year, month)
    in_month = (Case.received_at >= start) & (Case.received_at < end)
    ids = Case.select(Case.id).where(in_month)
    stats = MonthlyStats(year, month)
    stats.received = Case.select(fn.COUNT(Case.id)).where(in_month).scalar() or 0
    stats.by_category = _grouped(Complaint.category, vocab.CATEGORIES, in_month, Complaint.case == Case.id)
    stats.by_channel = _grouped(Complaint.channel, vocab.RECEIPT_CHANNELS, in_month, Complaint.case == Case.id)
    stats.by_business = _grouped(Business.name, None, in_month, Case.business == Business.id)[:TOP_BUSINESSES]
    stats.by_status = _grouped(Case.status, machine.office_profile().states, in_month, None)
    stats.claimed_fen = (Complaint.select(fn.SUM(Complaint.demand_amount_fen))
                         .where(Complaint.case.in_(ids)).scalar() or 0)
    received = dict(Case.select(Case.id, Case.received_at).where(in_month).tuples())
    stats.to_decision = Durations.of(_days_to(received, DECIDED, ids))
    stats.to_resolution = Durations.of(_days_to(received, RESOLVED, ids))
    deadlines = CaseDeadline.select(CaseDeadline.state, CaseDeadline.due_at, CaseDeadline.closed_at).where(
        CaseDeadline.case.in_(ids)).tuples()
    for state, due, closed in deadlines:
        if state == "met" and closed is not None:
            if closed <= due:
                stats.deadlines_kept += 1
            else:
                stats.deadlines_missed += 1
        elif state == "running" and due < now:
            stats.deadlines_missed += 1
    return stats


def _grouped(column, labels: dict[str, str] | None, where, on) -> list[tuple[str, int]]:
    count = fn.COUNT(Case.id)
    query = Case.select(column, count.alias("n"))
    if on is not None:
        query = query.join(column.model, on=on)
    rows = query.where(where).group_by(column).order_by(count.desc(), column).tuples()
    return [(labels.get(k, k) if labels else k, n) for k, n in rows]


def _days_to(received: dict[int, dt.datetime], states: set[str], ids) -> list[float]:
    first = (Event.select(Event.case, fn.MIN(Event.at))
             .where((Event.kind == "status") & Event.to_status.in_(sorted(states)) & Event.case.in_(ids))
             .group_by(Event.case).tuples())
    days = []
    for case, at in first:
        if isinstance(at, str):  # SQLite hands an aggregate back as text
            at = dt.datetime.fromisoformat(at)
        days.append(max(0.0, (at - received[case]).total_seconds() / 86400))
    return days


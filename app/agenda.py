"""What is coming up for a handler beyond the statutory deadlines: mediation sessions scheduled,
agreed terms waiting to be performed, follow-ups of recently closed cases still to be made, and
identity proofs awaited (the 我的待办 list shows them above the cases).

A few indexed queries over the handler's open work, each capped, so it stays instant on a large
database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from app import case_file, checks, clock, permissions, sanbao, settings, workdays
from app.errors import ComplaintDeskError
from app.models import Case, Event, FollowUp, MediationSession, RegisterEntry, Remedy, RepairWork
from app.records import MODES, PARTIES, REMEDIES

LIMIT = 200


@dataclass(frozen=True)
class Item:
    when: dt.datetime
    case_id: int
    case_no: str
    kind: str  # session, term
    text: str
    overdue: bool = False
    panel: str = "records"  # the case view's panel the item is worked in


def upcoming(handler: str | None, now: dt.datetime | None = None) -> list[Item]:
    """Sessions still to be held and terms not yet performed, soonest first (`handler` None: everyone's)."""
    return _items((Case.handler == handler) if handler else (Case.id > 0), now or clock.now())


def of_case(case_id: int, now: dt.datetime | None = None) -> list[Item]:
    """The same for one case: what its 办理 panel lists beside the statutory deadlines (from the
    case's rows, app/case_file.py, which the case view reads together)."""
    now = now or clock.now()
    case = case_file.case(case_id)
    if case is None:
        return []
    no = case.case_no
    items = [
        _session(s, no, now)
        for s in sorted(case_file.rows(MediationSession, case_id), key=lambda s: s.starts_at)
        if s.state == "scheduled"
    ]
    items += [_term(r, no, now) for r in case_file.rows(Remedy, case_id) if r.done_on is None and r.due_on]
    days = follow_up_days()
    entry = case_file.one(RegisterEntry, case_id)
    if (
        days
        and entry is not None
        and entry.status == "closed"
        and entry.resolved_at
        and entry.resolved_at >= now - dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
        and not case_file.rows(FollowUp, case_id)
    ):
        items.append(_follow_up(case_id, no, entry.resolved_at, days, workdays.load(), now))
    if case.status == "awaiting_identity":
        items.append(_identity(case_id, no, case.updated_at))
    if case.status == "ready":
        ready = [e.at for e in case_file.rows(Event, case_id) if e.kind == "status" and e.to_status == "ready"]
        if ready:
            items.append(_pickup(case_id, no, max(ready), now))
    items += [
        _parts(w, no, now)
        for w in case_file.rows(RepairWork, case_id)
        if w.result == "waiting_parts" and w.parts_ordered_on is not None
    ]
    return sorted(items, key=lambda i: (i.when, i.case_no))[:LIMIT]


def _items(mine, now: dt.datetime) -> list[Item]:
    sessions = (
        MediationSession.select(MediationSession, Case.case_no)
        .join(Case, on=(MediationSession.case == Case.id))
        .where(mine & (MediationSession.state == "scheduled"))
        .order_by(MediationSession.starts_at)
        .limit(LIMIT)
    )
    items = [_session(s, s.case_no, now) for s in sessions.objects()]
    terms = (
        Remedy.select(Remedy, Case.case_no)
        .join(Case, on=(Remedy.case == Case.id))
        .where(mine & Remedy.done_on.is_null() & Remedy.due_on.is_null(False))
        .order_by(Remedy.due_on)
        .limit(LIMIT)
    )
    items += [_term(r, r.case_no, now) for r in terms.objects()]
    days = follow_up_days()
    if days:
        since = now - dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
        cal = workdays.load()
        closed = (
            RegisterEntry.select(RegisterEntry.case, RegisterEntry.case_no, RegisterEntry.resolved_at)
            .join(Case, on=(RegisterEntry.case == Case.id))
            .where(
                mine
                & (RegisterEntry.status == "closed")
                & (RegisterEntry.resolved_at >= since)
                & ~fn.EXISTS(FollowUp.select(FollowUp.id).where(FollowUp.case == RegisterEntry.case))
            )
            .order_by(RegisterEntry.resolved_at)
            .limit(LIMIT)
            .tuples()
        )
        items += [_follow_up(case_id, no, resolved, days, cal, now) for case_id, no, resolved in closed]
    waiting = (
        Case.select(Case.id, Case.case_no, Case.updated_at)
        .where(mine & (Case.status == "awaiting_identity"))
        .order_by(Case.updated_at)
        .limit(LIMIT)
        .tuples()
    )
    items += [_identity(case_id, no, since_when) for case_id, no, since_when in waiting]
    return sorted(items + _counter_items(mine, now), key=lambda i: (i.when, i.case_no))[:LIMIT]


def _session(s: MediationSession, case_no: str, now: dt.datetime) -> Item:
    where = f"，{s.place}" if s.place else ""
    return Item(
        s.starts_at,
        s.case_id,
        case_no,
        "session",
        f"调解（{MODES.get(s.mode, s.mode)}{where}），调解员 {s.mediator}",
        overdue=s.starts_at < now,
    )


def _term(r: Remedy, case_no: str, now: dt.datetime) -> Item:
    amount = f" {checks.yuan(r.amount_fen)} 元" if r.amount_fen is not None else ""
    return Item(
        dt.datetime.combine(r.due_on, dt.time(23, 59)),
        r.case_id,
        case_no,
        "term",
        f"协议履行：{PARTIES.get(r.by_whom, r.by_whom)}{REMEDIES.get(r.kind, r.kind)}{amount}（{r.due_on:%Y-%m-%d} 前）",
        overdue=r.due_on < now.date(),
    )


def _follow_up(case_id: int, case_no: str, resolved: dt.datetime, days: int, cal, now: dt.datetime) -> Item:
    due = cal.add_working_days(resolved.date(), days).date
    return Item(
        dt.datetime.combine(due, dt.time(17, 0)),
        case_id,
        case_no,
        "follow_up",
        f"回访：结案后 {days} 个工作日内（{due:%Y-%m-%d} 前）",
        overdue=due < now.date(),
    )


def _identity(case_id: int, case_no: str, since_when: dt.datetime) -> Item:
    return Item(since_when, case_id, case_no, "identity", "待投诉人补交身份证明", panel="workflow")


def _pickup(case_id: int, case_no: str, at: dt.datetime, now: dt.datetime) -> Item:
    days = (now.date() - at.date()).days
    return Item(at, case_id, case_no, "pickup", f"待取机，已等 {days} 天", overdue=days > 7, panel="workflow")


def _parts(w: RepairWork, case_no: str, now: dt.datetime) -> Item:
    days = (now.date() - w.parts_ordered_on).days
    limit = w.parts_ordered_on + dt.timedelta(days=sanbao.PARTS_WAIT_DAYS)
    return Item(
        dt.datetime.combine(w.parts_ordered_on, dt.time()),
        w.case_id,
        case_no,
        "parts",
        f"等待配件 {days} 天（{w.parts}）：{limit:%Y-%m-%d} 起仍未修好应予换货"
        if w.parts
        else f"等待配件 {days} 天：{limit:%Y-%m-%d} 起仍未修好应予换货",
        overdue=days >= sanbao.PARTS_WAIT_WARNING,
    )


def _counter_items(mine, now: dt.datetime) -> list[Item]:
    """A repair counter's day: devices ready and waiting for their owners (since when), and
    repairs waiting for parts, flagged as the 90 days after which the device must be exchanged near."""
    since = fn.MAX(Event.at)
    ready = (
        Case.select(Case.id, Case.case_no, since)
        .join(Event, on=(Event.case == Case.id))
        .where(mine & (Case.status == "ready") & (Event.kind == "status") & (Event.to_status == "ready"))
        .group_by(Case.id, Case.case_no)
        .order_by(since)
        .limit(LIMIT)
        .tuples()
    )
    items = [_pickup(case_id, no, at, now) for case_id, no, at in ready]
    waiting = (
        RepairWork.select(RepairWork, Case.case_no)
        .join(Case, on=(RepairWork.case == Case.id))
        .where(mine & (RepairWork.result == "waiting_parts") & RepairWork.parts_ordered_on.is_null(False))
        .order_by(RepairWork.parts_ordered_on)
        .limit(LIMIT)
    )
    return items + [_parts(w, w.case_no, now) for w in waiting.objects()]


FOLLOW_UP_WINDOW_DAYS = 60  # closed cases older than this are past following up


def follow_up_days() -> int:
    """Working days after closing by which the office follows a case up (office setting; 0: none)."""
    stored = settings.get("followup.days")
    return int(stored) if stored and stored.isdigit() else DEFAULT_FOLLOW_UP_DAYS


DEFAULT_FOLLOW_UP_DAYS = 5
MAX_FOLLOW_UP_DAYS = FOLLOW_UP_WINDOW_DAYS // 2


def set_follow_up_days(days: int) -> None:
    """How many working days after closing a case is to be followed up (0: no reminders)."""
    permissions.require("settings.office")
    if not 0 <= days <= MAX_FOLLOW_UP_DAYS:
        raise ComplaintDeskError("回访提醒应在办结后 0 至 {n} 个工作日", n=MAX_FOLLOW_UP_DAYS)
    settings.put("followup.days", str(days))

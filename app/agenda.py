"""What is coming up for a handler beyond the statutory deadlines: mediation sessions scheduled
and agreed terms waiting to be performed (the 我的待办 list shows them above the cases).

Two indexed queries over the handler's open work, each capped, so it stays instant on a large
database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app import checks, clock
from app.models import Case, MediationSession, Remedy
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
    """The same for one case: what its 办理 panel lists beside the statutory deadlines."""
    return _items(Case.id == case_id, now or clock.now())


def _items(mine, now: dt.datetime) -> list[Item]:
    items: list[Item] = []
    sessions = (
        MediationSession.select(MediationSession, Case.case_no)
        .join(Case, on=(MediationSession.case == Case.id))
        .where(mine & (MediationSession.state == "scheduled"))
        .order_by(MediationSession.starts_at)
        .limit(LIMIT)
    )
    for s in sessions.objects():
        where = f"，{s.place}" if s.place else ""
        items.append(
            Item(
                s.starts_at,
                s.case_id,
                s.case_no,
                "session",
                f"调解（{MODES.get(s.mode, s.mode)}{where}），调解员 {s.mediator}",
                overdue=s.starts_at < now,
            )
        )
    terms = (
        Remedy.select(Remedy, Case.case_no)
        .join(Case, on=(Remedy.case == Case.id))
        .where(mine & Remedy.done_on.is_null() & Remedy.due_on.is_null(False))
        .order_by(Remedy.due_on)
        .limit(LIMIT)
    )
    for r in terms.objects():
        due = dt.datetime.combine(r.due_on, dt.time(23, 59))
        amount = f" {checks.yuan(r.amount_fen)} 元" if r.amount_fen is not None else ""
        items.append(
            Item(
                due,
                r.case_id,
                r.case_no,
                "term",
                f"协议履行：{PARTIES.get(r.by_whom, r.by_whom)}{REMEDIES.get(r.kind, r.kind)}{amount}（{r.due_on:%Y-%m-%d} 前）",
                overdue=r.due_on < now.date(),
            )
        )
    return sorted(items, key=lambda i: (i.when, i.case_no))[:LIMIT]

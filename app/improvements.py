"""Improvement actions (ISO 10002 clauses 8–9; docs/RULES.md 8): what the office or a business
undertakes against a cause the investigations keep finding — for a business or a product, with
who does it and by when — and when it was done. The period report lists the actions that were
open during the period, so a supervisor sees what was promised and what was kept.

Recording one is a supervisor's decision (`improvement.record`); on a secured shared database
only their PostgreSQL group may write the table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app import audit, clock, db, permissions
from app.errors import ComplaintDeskError, NotFound, StaleEdit
from app.fields import FieldSpec
from app.models import ImprovementAction, database
from app.records import CAUSES, parse_all

F = FieldSpec
FIELDS = (
    F("improvement.business", "经营者", "text", hint="按案件登记的经营者名称"),
    F("improvement.product", "商品或服务", "text"),
    F("improvement.model", "型号", "text"),
    F("improvement.cause", "针对的原因", "choice", choices={"": "（未指定）", **CAUSES}),
    F("improvement.what", "改进措施", "longtext", required=True),
    F("improvement.who", "负责人", "text", required=True),
    F("improvement.due_on", "完成期限", "any_date", required=True),
)
DONE_FIELDS = (
    F("done.done_on", "完成日期", "date", required=True),
    F("done.outcome", "完成情况", "longtext", required=True),
)


@dataclass(frozen=True)
class Action:
    id: int
    business: str
    product: str
    model: str
    cause: str  # code of app.records.CAUSES, or ""
    what: str
    who: str
    due_on: dt.date
    done_on: dt.date | None
    outcome: str
    recorded_by: str
    recorded_at: dt.datetime
    version: int

    @property
    def subject(self) -> str:
        """What it is for, as a list shows it: 经营者 · 商品 型号."""
        product = " ".join(p for p in (self.product, self.model) if p)
        return " · ".join(p for p in (self.business, product) if p)

    @property
    def cause_label(self) -> str:
        return CAUSES.get(self.cause, self.cause)

    def late(self, today: dt.date) -> bool:
        return (self.done_on or today) > self.due_on


def add(entered: dict, actor: str, now: dt.datetime | None = None) -> int:
    """Record an action (form values by field name: business, product, model, cause, what, who, due_on)."""
    permissions.require("improvement.record")
    now = now or clock.now().replace(microsecond=0)
    values = parse_all(FIELDS, entered, now.date())
    if not (values["business"] or values["product"]):
        raise ComplaintDeskError("请写明改进措施针对的经营者或商品")
    if values["due_on"] < now.date():
        raise ComplaintDeskError("完成期限不能早于今天")
    with database.atomic():
        row = ImprovementAction.create(recorded_by=actor, recorded_at=now, **values)
        audit.record("improvement.add", {**values, "id": row.id}, actor=actor, at=now)
    return row.id


def complete(action_id: int, entered: dict, version: int, actor: str, now: dt.datetime | None = None) -> None:
    """Mark an action done, with the day and what came of it; a second seat's change is not overwritten."""
    permissions.require("improvement.record")
    now = now or clock.now().replace(microsecond=0)
    values = parse_all(DONE_FIELDS, entered, now.date())
    with database.atomic():
        row = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
        if row is None:
            raise NotFound("改进措施不存在（编号 {id}）", id=action_id)
        if row.done_on is not None:
            raise ComplaintDeskError("这项改进措施已于 {day} 完成", day=f"{row.done_on:%Y-%m-%d}")
        if values["done_on"] < row.recorded_at.date():
            raise ComplaintDeskError("完成日期不能早于登记日期 {day}", day=f"{row.recorded_at:%Y-%m-%d}")
        changed = (
            ImprovementAction.update(version=ImprovementAction.version + 1, **values)
            .where((ImprovementAction.id == action_id) & (ImprovementAction.version == version))
            .execute()
        )
        if changed != 1:
            raise StaleEdit("这项改进措施已被其他席位修改，请刷新后再试")
        audit.record("improvement.done", {**values, "id": action_id}, actor=actor, at=now)


def during(start: dt.date, end: dt.date) -> list[Action]:
    """The actions open at some time in [start, end): recorded before its end and not done before
    its start — what a period report accounts for. Oldest deadline first."""
    return db.gathered(during_job(start, end))[0]


def during_job(start: dt.date, end: dt.date):
    """during() as a job for app/db.gathered (the dashboard asks it with its figures)."""
    query = (
        ImprovementAction.select()
        .where(
            (ImprovementAction.recorded_at < dt.datetime.combine(end, dt.time()))
            & (ImprovementAction.done_on.is_null() | (ImprovementAction.done_on >= start))
        )
        .order_by(ImprovementAction.due_on, ImprovementAction.id)
    )
    got = yield {"actions": query}
    return [_action(row) for row in got["actions"]]


def still_open(limit: int = 200) -> list[Action]:
    query = (
        ImprovementAction.select()
        .where(ImprovementAction.done_on.is_null())
        .order_by(ImprovementAction.due_on, ImprovementAction.id)
        .limit(limit)
    )
    return [_action(row) for row in query]


def one(action_id: int) -> Action:
    row = ImprovementAction.get_or_none(ImprovementAction.id == action_id)
    if row is None:
        raise NotFound("改进措施不存在（编号 {id}）", id=action_id)
    return _action(row)


def _action(row: ImprovementAction) -> Action:
    return Action(
        row.id,
        row.business,
        row.product,
        row.model,
        row.cause,
        row.what,
        row.who,
        row.due_on,
        row.done_on,
        row.outcome,
        row.recorded_by,
        row.recorded_at,
        row.version,
    )

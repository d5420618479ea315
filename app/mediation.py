"""Mediation sessions as they happen: scheduled (when, where or how, who is summoned, what to
bring), moved with the reason kept, then held — recording what happened fills the same session.

The 调解通知书 prints the scheduled session; the mediation record and agreement print the held
one. A session recorded after the fact (records.add "session") is held from the start.
"""

from __future__ import annotations

import datetime as dt
import re

from app import case_file, checks, clock, permissions, timeline
from app.errors import ComplaintDeskError, NotFound, ValidationFailed
from app.fields import FieldSpec
from app.models import Case, ConflictDeclaration, MediationSession, database
from app.records import MODES, parse_all

F = FieldSpec
SCHEDULE = (
    F("schedule.day", "调解日期", "any_date", required=True, hint="如 2026-12-03"),
    F("schedule.time", "开始时间", "text", required=True, hint="如 09:30"),
    F("schedule.mode", "方式", "choice", required=True, choices=MODES),
    F("schedule.place", "地点或会议号", "text", hint="现场调解必填；视频、电话调解填会议号或拨打号码"),
    F("schedule.mediator", "调解员", "text", required=True),
    F("schedule.summoned", "通知参加人员", "text", required=True),
    F("schedule.bring", "需携带材料", "longtext"),
)
MOVE = (
    F("move.day", "新的调解日期", "any_date", required=True),
    F("move.time", "新的开始时间", "text", required=True),
    F("move.place", "地点或会议号", "text"),
    F("move.reason", "改期原因", "text", required=True),
)
HELD = (
    F("held.held_on", "调解日期", "date", required=True),
    F("held.participants", "实到人员", "text", required=True),
    F("held.complainant_statement", "投诉人陈述", "longtext"),
    F("held.business_statement", "经营者陈述", "longtext"),
    F("held.outcome", "结果", "longtext", required=True),
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)


def _starts(day: dt.date, time_text: str, now: dt.datetime, key: str = "time") -> dt.datetime:
    m = _TIME.fullmatch(checks.folded(time_text).strip())  # ０９：３０ is 09:30; ٠٩:٣٠ is refused
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValidationFailed({key: "时间格式应为 时:分，如 09:30"})
    starts = dt.datetime.combine(day, dt.time(int(m[1]), int(m[2])))
    if starts < now:
        raise ValidationFailed({key: "调解时间已过，请安排以后的时间"})
    return starts


def _case(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise NotFound("案件不存在（编号 {id}）", id=case_id)
    return case


def _session(session_id: int, state: str = "scheduled") -> MediationSession:
    row = MediationSession.get_or_none(MediationSession.id == session_id)
    if row is None:
        raise NotFound("调解安排不存在")
    if row.state != state:
        raise ComplaintDeskError("这次调解已经改期或已经举行，请刷新后再操作")
    return row


def _appointment(case_id, starts, mode, place, mediator, summoned, bring, actor, now) -> MediationSession:
    return MediationSession.create(
        case=case_id,
        state="scheduled",
        starts_at=starts,
        held_on=starts.date(),
        mode=mode,
        place=place,
        mediator=mediator,
        summoned=summoned,
        bring=bring,
        recorded_by=actor,
        recorded_at=now,
    )


def schedule(case_id: int, entered: dict, actor: str, now: dt.datetime | None = None) -> MediationSession:
    """A session to come; the mediator must not have declared a conflict of interest in the case."""
    permissions.require("case.record")
    now = now or clock.now().replace(microsecond=0)
    v = parse_all(SCHEDULE, entered, now.date())
    starts = _starts(v["day"], v["time"], now)
    if v["mode"] == "in_person" and not v["place"]:
        raise ValidationFailed({"place": "现场调解请填写地点"})
    with database.atomic():
        case = _case(case_id)
        conflicted = ConflictDeclaration.select().where(
            (ConflictDeclaration.case == case) & (ConflictDeclaration.mediator == v["mediator"])
        )
        if conflicted.exists():
            raise ValidationFailed({"mediator": "该调解员已声明与本案存在利害关系，请另选调解员"})
        row = _appointment(case.id, starts, v["mode"], v["place"], v["mediator"], v["summoned"], v["bring"], actor, now)
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="record",
            field="session",
            data={"act": "scheduled", "starts_at": f"{starts:%Y-%m-%d %H:%M}", "mode": v["mode"], "place": v["place"]},
        )
    return row


def move(session_id: int, entered: dict, actor: str, now: dt.datetime | None = None) -> MediationSession:
    """Rescheduled: the old appointment stays, marked moved with its reason; a new one takes its place."""
    permissions.require("case.record")
    now = now or clock.now().replace(microsecond=0)
    v = parse_all(MOVE, entered, now.date())
    starts = _starts(v["day"], v["time"], now)
    with database.atomic():
        old = _session(session_id)
        moved = (
            MediationSession.update(state="moved", note=v["reason"])
            .where((MediationSession.id == old.id) & (MediationSession.state == "scheduled"))
            .execute()
        )
        if moved != 1:
            raise ComplaintDeskError("这次调解已经改期或已经举行，请刷新后再操作")
        place = v["place"] or old.place
        row = _appointment(old.case_id, starts, old.mode, place, old.mediator, old.summoned, old.bring, actor, now)
        timeline.write(
            case=old.case_id,
            at=now,
            actor=actor,
            kind="record",
            field="session",
            data={
                "act": "moved",
                "from": f"{old.starts_at:%Y-%m-%d %H:%M}",
                "to": f"{starts:%Y-%m-%d %H:%M}",
                "reason": v["reason"],
            },
        )
    return row


def hold(session_id: int, entered: dict, actor: str, now: dt.datetime | None = None) -> MediationSession:
    """What happened at a scheduled session, written into it."""
    permissions.require("case.record")
    now = now or clock.now().replace(microsecond=0)
    v = parse_all(HELD, entered, now.date())
    with database.atomic():
        row = _session(session_id)
        if v["held_on"] < row.starts_at.date():
            raise ValidationFailed({"held_on": "调解日期早于安排的日期；如已改期，请先登记改期"})
        MediationSession.update(state="held", **v).where(MediationSession.id == row.id).execute()
        timeline.write(
            case=row.case_id,
            at=now,
            actor=actor,
            kind="record",
            field="session",
            data={"act": "held", "values": {"mode": row.mode, "mediator": row.mediator, "outcome": v["outcome"]}},
        )
    return MediationSession.get_by_id(row.id)


def scheduled(case_id: int) -> MediationSession | None:
    """The session the case waits for (the latest scheduled one), if any."""
    return case_file.latest(MediationSession, case_id, lambda s: (s.starts_at, s.id), lambda s: s.state == "scheduled")

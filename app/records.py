"""Records of the work on a case (issue 3): investigation notes, mediation sessions,
appraisals, agreed remedies, follow-ups and appeals. Each kind is data: its fields use the
same FieldSpec and checks as intake, and one `add` service writes any of them.

An appraisal opened during mediation pauses the case (the clock stops, RULES.md 3); its
end resumes it. An appeal reopens the case through the transition table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from app import case_file, checks, clock, permissions, timeline
from app.errors import ComplaintDeskError, Message, NotFound, ValidationFailed
from app.fields import FieldError, FieldSpec, parse
from app.models import (
    Appeal,
    Appraisal,
    Case,
    FollowUp,
    Investigation,
    MediationSession,
    Remedy,
    RepairWork,
    database,
)
from app.workflow import machine, tables

CAUSES = {
    "product_defect": "产品缺陷",
    "transport": "运输损坏",
    "installation": "安装问题",
    "misuse": "使用不当",
    "staff": "经营者人员过错",
    "other": "其他",
}
MODES = {"in_person": "现场", "phone": "电话", "video": "视频"}
PAYERS = {"business": "经营者", "complainant": "投诉人", "shared": "双方分担", "office": "本机关"}
REMEDIES = {
    "refund": "退款",
    "exchange": "换货",
    "repair": "修理",
    "compensation": "赔偿",
    "apology": "赔礼道歉",
    "other": "其他",
}
PARTIES = {"business": "经营者", "complainant": "投诉人"}
METHODS = {"phone": "电话", "sms": "短信", "visit": "上门", "wechat": "微信", "letter": "信函"}
SATISFACTION = {"5": "5 非常满意", "4": "4 满意", "3": "3 一般", "2": "2 不满意", "1": "1 非常不满意"}

F = FieldSpec


@dataclass(frozen=True)
class RecordKind:
    code: str
    title: str
    model: type
    fields: tuple[FieldSpec, ...]
    summary: Callable[[dict], str]


KINDS = {
    k.code: k
    for k in [
        RecordKind(
            "investigation",
            "调查记录",
            Investigation,
            (
                F("investigation.held_on", "调查日期", "date", required=True),
                F("investigation.checked", "调查内容", "longtext", required=True),
                F("investigation.with_whom", "询问/陪同人员", "text"),
                F("investigation.findings", "查明情况", "longtext"),
                F("investigation.cause", "原因", "choice", choices={"": "（未定）", **CAUSES}),
            ),
            lambda v: f"调查：{v['checked'][:30]}" + (f"；原因：{CAUSES[v['cause']]}" if v["cause"] else ""),
        ),
        RecordKind(
            "session",
            "调解记录",
            MediationSession,
            (
                F("session.held_on", "调解日期", "date", required=True),
                F("session.mode", "方式", "choice", required=True, choices=MODES),
                F("session.place", "地点", "text"),
                F("session.participants", "参加人员", "text", required=True),
                F("session.mediator", "调解员", "text", required=True),
                F("session.complainant_statement", "投诉人陈述", "longtext"),
                F("session.business_statement", "经营者陈述", "longtext"),
                F("session.outcome", "结果", "longtext", required=True),
            ),
            lambda v: f"调解（{MODES[v['mode']]}，调解员 {v['mediator']}）：{v['outcome'][:30]}",
        ),
        RecordKind(
            "appraisal",
            "检测鉴定",
            Appraisal,
            (
                F("appraisal.started_on", "送检日期", "date", required=True),
                F("appraisal.body", "检测鉴定机构", "text", required=True),
                F("appraisal.payer", "费用承担", "choice", required=True, choices=PAYERS),
            ),
            lambda v: f"送 {v['body']} 检测鉴定，费用由{PAYERS[v['payer']]}承担",
        ),
        RecordKind(
            "remedy",
            "协议内容",
            Remedy,
            (
                F("remedy.kind", "处理方式", "choice", required=True, choices=REMEDIES),
                F("remedy.amount", "金额（元）", "amount", column="amount_fen"),
                F("remedy.by_whom", "履行方", "choice", required=True, choices=PARTIES),
                F("remedy.what", "具体内容", "longtext", required=True),
                F("remedy.due_on", "履行期限", "any_date", required=True),
            ),
            lambda v: (
                f"约定{REMEDIES[v['kind']]}"
                + (f" {checks.yuan(v['amount'])} 元" if v["amount"] is not None else "")
                + f"，{PARTIES[v['by_whom']]}于 {v['due_on']:%Y-%m-%d} 前履行"
            ),
        ),
        RecordKind(
            "follow_up",
            "回访记录",
            FollowUp,
            (
                F("follow_up.held_on", "回访日期", "date", required=True),
                F("follow_up.method", "方式", "choice", required=True, choices=METHODS),
                F("follow_up.satisfaction", "满意度", "choice", required=True, choices=SATISFACTION),
                F("follow_up.remarks", "意见", "longtext"),
            ),
            lambda v: f"回访（{METHODS[v['method']]}），满意度 {v['satisfaction']}",
        ),
        RecordKind(
            "appeal",
            "申诉",
            Appeal,
            (
                F("appeal.filed_on", "申诉日期", "date", required=True),
                F("appeal.party", "申诉人", "choice", required=True, choices=PARTIES),
                F("appeal.grounds", "申诉理由", "longtext", required=True),
            ),
            lambda v: f"{PARTIES[v['party']]}对处理结果提出申诉：{v['grounds'][:30]}",
        ),
        RecordKind(
            "repair",
            "维修记录",
            RepairWork,
            (
                F("repair.fault", "故障部位", "choice", required=True, choices=tables.REPAIR_FAULTS),
                F("repair.diagnosis", "检测结论", "longtext", required=True),
                F("repair.parts", "更换配件", "text"),
                F("repair.technician", "维修人员", "text", required=True),
                F("repair.started_on", "开始维修日期", "date", required=True),
                F("repair.finished_on", "修毕日期", "date"),
                F("repair.parts_ordered_on", "订购配件日期", "date"),
                F("repair.parts_arrived_on", "配件到货日期", "date"),
                F("repair.result", "结果", "choice", required=True, choices=tables.REPAIR_RESULTS),
            ),
            lambda v: (
                f"维修（{tables.REPAIR_FAULTS[v['fault']]}）：{v['diagnosis'][:30]}"
                + (f"，更换 {v['parts']}" if v["parts"] else "")
                + f"，{tables.REPAIR_RESULTS[v['result']]}"
            ),
        ),
    ]
}
# what each kind of office records: the counter repairs, it does not mediate
COUNTER_KINDS = ("repair", "appraisal", "follow_up", "appeal")


def kinds_for(profile: str) -> list[RecordKind]:
    if profile == tables.COUNTER:
        return [KINDS[k] for k in COUNTER_KINDS]
    return [k for k in KINDS.values() if k.code != "repair"]


def stored(values: dict) -> dict:
    """A record's values as the timeline keeps them (dates as ISO text)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def told(code: str, kept: dict) -> str:
    """The timeline's line for a record, from the values the timeline kept."""
    kind = KINDS[code]
    dates = {s.name for s in kind.fields if s.kind in ("date", "any_date")}
    values = {k: dt.date.fromisoformat(v) if k in dates and v else v for k, v in kept.items()}
    return kind.summary(values)


def _case(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise NotFound("案件不存在（编号 {id}）", id=case_id)
    return case


def parse_all(specs, entered: dict, today: dt.date) -> dict:
    """Each field of a form parsed by its spec; ValidationFailed names every field that is wrong."""
    values, errors = {}, {}
    for spec in specs:
        try:
            values[spec.name] = parse(spec, entered.get(spec.name, ""), today)
        except FieldError as exc:
            errors[spec.name] = exc.message
    if errors:
        raise ValidationFailed(errors)
    return values


def validate(kind: RecordKind, entered: dict, today: dt.date) -> dict:
    values = parse_all(kind.fields, entered, today)
    if kind.code == "follow_up":
        values["satisfaction"] = int(values["satisfaction"])
    if kind.code == "repair":
        _check_repair(values)
    return values


def _check_repair(v: dict) -> None:
    errors = {}
    if v["finished_on"] and v["finished_on"] < v["started_on"]:
        errors["finished_on"] = Message("修毕日期不能早于开始维修日期")
    if v["result"] in ("fixed", "not_fixed") and not v["finished_on"]:
        errors["finished_on"] = Message("请填写修毕日期（还在修的，结果选“等待配件”或稍后再记）")
    if v["parts_arrived_on"] and not v["parts_ordered_on"]:
        errors["parts_ordered_on"] = Message("请填写订购配件日期")
    elif v["parts_arrived_on"] and v["parts_arrived_on"] < v["parts_ordered_on"]:
        errors["parts_arrived_on"] = Message("配件到货日期不能早于订购日期")
    if v["result"] == "waiting_parts" and not v["parts_ordered_on"]:
        errors["parts_ordered_on"] = Message("等待配件：请填写订购配件日期")
    if errors:
        raise ValidationFailed(errors)


def add(case_id: int, kind_code: str, entered: dict, actor: str, now: dt.datetime | None = None):
    """Add a record of `kind_code` to a case; entered values are keyed by field name."""
    permissions.require("case.record")
    kind = KINDS.get(kind_code)
    if kind is None:
        raise ComplaintDeskError("未知的记录类型：{kind_code}", kind_code=kind_code)
    now = now or clock.now().replace(microsecond=0)
    values = validate(kind, entered, now.date())
    with database.atomic():
        case = _case(case_id)
        columns = {spec.db_column: values[spec.name] for spec in kind.fields}
        extra = {"outcome_status": case.status} if kind_code == "appeal" else {}
        row = kind.model.create(case=case, recorded_by=actor, recorded_at=now, **columns, **extra)
        timeline.write(case=case, at=now, actor=actor, kind="record", field=kind_code, data={"values": stored(values)})
        if kind_code == "appraisal" and case.status == "mediating":
            machine.transition(case.id, "paused_appraisal", actor, note=f"送 {values['body']} 检测鉴定", now=now)
        if kind_code == "appeal":
            target = next(
                (
                    t.target
                    for t in machine.office_profile().transitions_from(case.status)
                    if "appeal_filed" in t.guards
                ),
                None,
            )
            if target is None:
                raise machine.TransitionRefused("案件当前状态不能申诉重新办理")
            machine.transition(case.id, target, actor, note="申诉：重新办理", now=now)
    return row


def finish_appraisal(appraisal_id: int, ended_on: str, result: str, actor: str) -> None:
    """The appraisal came back: record its end; mediation resumes if nothing else is out."""
    permissions.require("case.record")
    now = clock.now().replace(microsecond=0)
    end = parse(F("appraisal.ended_on", "结束日期", "date", required=True), ended_on, now.date())
    with database.atomic():
        row = Appraisal.get_or_none(Appraisal.id == appraisal_id)
        if row is None:
            raise NotFound("检测鉴定记录不存在")
        if end < row.started_on:
            raise ValidationFailed({"ended_on": "结束日期不能早于送检日期"})
        Appraisal.update(ended_on=end, result=result.strip()).where(Appraisal.id == row.id).execute()
        timeline.write(
            case=row.case_id,
            at=now,
            actor=actor,
            kind="record",
            field="appraisal",
            data={"act": "appraisal_done", "body": row.body, "result": result.strip()},
        )
        still_open = Appraisal.select().where((Appraisal.case == row.case_id) & Appraisal.ended_on.is_null()).exists()
        if not still_open and machine.status_of(row.case_id) == "paused_appraisal":
            machine.transition(row.case_id, "mediating", actor, note="检测鉴定结束，恢复调解", now=now)


FINISH_REPAIR = (
    F("repair.finished_on", "修毕日期", "date", required=True),
    F("repair.parts_arrived_on", "配件到货日期", "date"),
    F(
        "repair.result",
        "结果",
        "choice",
        required=True,
        choices={k: v for k, v in tables.REPAIR_RESULTS.items() if k != "waiting_parts"},
    ),
)


def finish_repair(repair_id: int, entered: dict, actor: str, now: dt.datetime | None = None) -> None:
    """A repair that waited for parts is done: its end, the parts' arrival, whether it held."""
    permissions.require("case.record")
    now = now or clock.now().replace(microsecond=0)
    values = parse_all(FINISH_REPAIR, entered, now.date())
    with database.atomic():
        row = RepairWork.get_or_none(RepairWork.id == repair_id)
        if row is None:
            raise NotFound("维修记录不存在")
        if row.finished_on is not None:
            raise ComplaintDeskError("这次维修已于 {day} 修毕", day=f"{row.finished_on:%Y-%m-%d}")
        merged = {**{s.name: getattr(row, s.db_column) for s in KINDS["repair"].fields}, **values}
        merged["parts_arrived_on"] = values["parts_arrived_on"] or row.parts_arrived_on
        _check_repair(merged)
        RepairWork.update(
            finished_on=merged["finished_on"], parts_arrived_on=merged["parts_arrived_on"], result=merged["result"]
        ).where(RepairWork.id == row.id).execute()
        timeline.write(
            case=row.case_id,
            at=now,
            actor=actor,
            kind="record",
            field="repair",
            data={"act": "repair_done", "values": stored(values)},
        )


def remedy_done(remedy_id: int, done_on: str, actor: str) -> None:
    permissions.require("case.record")
    now = clock.now().replace(microsecond=0)
    day = parse(F("remedy.done_on", "履行日期", "date", required=True), done_on, now.date())
    with database.atomic():
        row = Remedy.get_or_none(Remedy.id == remedy_id)
        if row is None:
            raise NotFound("协议内容不存在")
        Remedy.update(done_on=day).where(Remedy.id == row.id).execute()
        timeline.write(
            case=row.case_id,
            at=now,
            actor=actor,
            kind="record",
            field="remedy",
            data={"act": "remedy_done", "remedy": row.kind, "done_on": day.isoformat()},
        )


@dataclass(frozen=True)
class Line:
    """One record as the case view lists it."""

    kind: str
    id: int
    day: dt.date
    text: str
    state: str = ""  # remedies: done / overdue / pending; appraisals: open / ended; sessions: scheduled / moved


def of_case(case_id: int, today: dt.date | None = None) -> list[Line]:
    today = today or clock.today()
    lines: list[Line] = []
    for r in case_file.rows(Investigation, case_id):
        lines.append(
            Line(
                "investigation",
                r.id,
                r.held_on,
                f"调查：{r.checked}" + (f"（原因：{CAUSES.get(r.cause, r.cause)}）" if r.cause else ""),
            )
        )
    for r in case_file.rows(MediationSession, case_id):
        mode = MODES.get(r.mode, r.mode)
        if r.state == "held":
            lines.append(Line("session", r.id, r.held_on, f"调解（{mode}）{r.mediator}：{r.outcome}"))
            continue
        text = f"调解安排：{r.starts_at:%Y-%m-%d %H:%M}，{mode}" + (f"，{r.place}" if r.place else "")
        text += f"，调解员 {r.mediator}，通知 {r.summoned}"
        if r.state == "moved":
            text += f"（改期：{r.note}）"
        lines.append(Line("session", r.id, r.held_on, text, r.state))
    for r in case_file.rows(Appraisal, case_id):
        state = "ended" if r.ended_on else "open"
        lines.append(
            Line(
                "appraisal",
                r.id,
                r.started_on,
                f"检测鉴定：{r.body}，{PAYERS.get(r.payer, r.payer)}承担"
                + (f"，{r.ended_on:%Y-%m-%d} 结束：{r.result}" if r.ended_on else "，进行中"),
                state,
            )
        )
    for r in case_file.rows(Remedy, case_id):
        state = "done" if r.done_on else ("overdue" if r.due_on and r.due_on < today else "pending")
        amount = f" {checks.yuan(r.amount_fen)} 元" if r.amount_fen is not None else ""
        lines.append(
            Line(
                "remedy",
                r.id,
                r.due_on or r.recorded_at.date(),
                f"{REMEDIES.get(r.kind, r.kind)}{amount}：{r.what}（{PARTIES.get(r.by_whom, '')}，"
                f"{r.due_on:%Y-%m-%d} 前）",
                state,
            )
        )
    for r in case_file.rows(FollowUp, case_id):
        lines.append(
            Line(
                "follow_up",
                r.id,
                r.held_on,
                f"回访（{METHODS.get(r.method, r.method)}）满意度 {r.satisfaction}：{r.remarks}",
            )
        )
    for r in case_file.rows(Appeal, case_id):
        lines.append(Line("appeal", r.id, r.filed_on, f"申诉（{PARTIES.get(r.party, r.party)}）：{r.grounds}"))
    for r in case_file.rows(RepairWork, case_id):
        text = f"维修（{tables.REPAIR_FAULTS.get(r.fault, r.fault)}）{r.technician}：{r.diagnosis}"
        text += f"，更换 {r.parts}" if r.parts else ""
        if r.parts_ordered_on:
            arrived = f"{r.parts_arrived_on:%Y-%m-%d} 到货" if r.parts_arrived_on else "未到"
            text += f"，{r.parts_ordered_on:%Y-%m-%d} 订购配件（{arrived}）"
        done = f"，{r.finished_on:%Y-%m-%d} 修毕" if r.finished_on else ""
        lines.append(
            Line(
                "repair",
                r.id,
                r.started_on,
                text + done + f"：{tables.REPAIR_RESULTS.get(r.result, r.result)}",
                r.result,
            )
        )
    return sorted(lines, key=lambda line: (line.day, line.kind, line.id), reverse=True)

"""Services over cases: intake, loading, editing recorded fields, the timeline.

Every write is one transaction. Edits carry the version each row had when it was
loaded; a save based on a stale version is refused (StaleEdit) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import fn

from app import (
    case_file,
    clock,
    compiled,
    duplicates,
    evidence,
    fields,
    grading,
    i18n,
    permissions,
    privacy,
    records,
    register,
    search,
    settings,
    vocab,
    workload,
)
from app.db import is_postgres, later_query
from app.errors import ComplaintDeskError, FieldError, Message, NotFound, StaleEdit, ValidationFailed
from app.models import (
    Business,
    Case,
    CaseNumberSequence,
    Complainant,
    Complaint,
    Device,
    Event,
    Purchase,
    case_with_parts,
    database,
)
from app.records import MODES, REMEDIES
from app.session import current_operator
from app.timeline import write as write_event
from app.vocab import STATUSES
from app.workflow import machine, tables

CASE_PREFIX = "TS"


@dataclass(frozen=True)
class CaseRef:
    id: int
    case_no: str


@dataclass
class CaseRecord:
    """A case as a form shows it: values by field key, and the versions they came from."""

    id: int
    case_no: str
    status: str
    received_at: dt.datetime
    handler: str
    values: dict = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    registered_at: dt.datetime | None = None
    warnings: dict[str, str] = field(default_factory=dict)  # what intake found that stays shown


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    actor: str
    kind: str
    text: str
    note: str


def format_case_no(year: int, seq: int) -> str:
    return f"{CASE_PREFIX}-{year}-{seq:06d}"


def parse_case_no(case_no: str) -> tuple[int, int]:
    """TS-2026-000123 → (2026, 123); raises FieldError for anything else."""
    m = re.fullmatch(rf"{CASE_PREFIX}-(\d{{4}})-(\d{{6}})", case_no.strip())
    if not m:
        raise FieldError("案件号格式应为 {example}", example=format_case_no(2026, 1))
    return int(m.group(1)), int(m.group(2))


def keep_case_number(year: int, seq: int) -> None:
    """A number restored from an archive: later intakes of that year continue after it."""
    (
        CaseNumberSequence.insert(year=year, last_value=seq)
        .on_conflict(
            conflict_target=[CaseNumberSequence.year],
            update={
                CaseNumberSequence.last_value: fn.MAX(CaseNumberSequence.last_value, seq)
                if not is_postgres()
                else fn.GREATEST(CaseNumberSequence.last_value, seq)
            },
        )
        .execute()
    )


def next_case_number(year: int) -> tuple[int, str]:
    """Take the next number of `year` inside the caller's transaction."""
    seq = reserve_case_numbers(year, 1)[0]
    return seq, format_case_no(year, seq)


def reserve_case_numbers(year: int, count: int) -> range:
    """Reserve `count` consecutive numbers of `year` inside the caller's transaction.

    One atomic upsert: on PostgreSQL the row lock makes concurrent seats queue, on
    SQLite the write transaction holds the database lock; a number is never handed out
    twice, and a rolled-back intake gives its numbers back.
    """
    (last,) = _TAKE_NUMBERS(year=year, count=count).execute().fetchone()
    return range(last - count + 1, last + 1)


_TAKE_NUMBERS = compiled.Statement(
    lambda year, count: (
        CaseNumberSequence.insert(year=year, last_value=count)
        .on_conflict(
            conflict_target=[CaseNumberSequence.year],
            update={CaseNumberSequence.last_value: CaseNumberSequence.last_value + count},
        )
        .returning(CaseNumberSequence.last_value)
    )
)


def intake(
    entered: dict, actor: str | None = None, now: dt.datetime | None = None, handler: str | None = None
) -> CaseRef:
    """Register a new complaint: all of it in one transaction, or nothing. `handler`: whom it goes
    to (an active account that handles cases); without one, whoever registers it."""
    permissions.require("case.intake")
    now = now or clock.now().replace(microsecond=0)
    actor = actor or current_operator()
    handler = (handler or "").strip() or actor
    if handler != actor and handler not in workload.eligible():
        raise ComplaintDeskError("{name} 不是本办公室能经办案件的在岗用户", name=handler)
    profile = machine.office_profile().code
    if profile == fields.COUNTER:
        entered = {**counter_defaults(), **entered}
    values, errors = fields.validate(entered, now.date(), profile)
    if errors:
        raise ValidationFailed(errors)
    by_section = split_sections(values)
    received = by_section["case"].pop("received_at", None) or now
    _check_received(received, now)
    proposal = grading.propose(values)
    chosen = by_section["case"].get("grade") or proposal.grade
    if chosen != proposal.grade and not by_section["case"].get("grade_reason"):
        raise ValidationFailed(
            {
                "case.grade_reason": Message(
                    "与建议的等级（{grade}）不同，请写明理由", grade=vocab.GRADES[proposal.grade]
                )
            }
        )
    by_section["case"]["grade"] = chosen
    found = duplicates.check({**entered, "case.received_at": received}, now.date())
    warnings = duplicates.lasting(found, earlier_linked=bool(values.get("case.earlier_case")))
    with database.atomic():
        numbers = {c: v for c, v in by_section["complainant"].items() if c in privacy.COLUMNS.values()}
        complainant = compiled.create(
            Complainant, **{**by_section["complainant"], **privacy.complainant_columns(numbers)}
        )
        privacy.keep_new(complainant.id, numbers)
        business = compiled.create(Business, **by_section["business"])
        seq, case_no = next_case_number(now.year)
        case = compiled.create(
            Case,
            case_no=case_no,
            year=now.year,
            seq=seq,
            status="received",
            received_at=received,
            registered_at=now,
            warnings=warnings,
            complainant=complainant,
            business=business,
            handler=handler,
            created_by=actor,
            updated_at=now,
            **by_section["case"],
        )
        later_query(compiled.insert(Purchase, {"case": case, **by_section["purchase"]}))  # their ids: nobody asks
        later_query(compiled.insert(Complaint, {"case": case, **by_section["complaint"]}))
        if profile == fields.COUNTER:
            later_query(compiled.insert(Device, {"case": case, **by_section["device"]}))
        write_event(case=case, at=now, actor=actor, kind="created", to_status="received", note="登记投诉")
        reindex(case.id)
        machine.after_intake(case, values["complaint.channel"], by_section["complaint"]["demands"], actor, now)
    return CaseRef(case.id, case_no)


def counter_defaults() -> dict:
    """What a repair counter does not ask: the shop is the office itself, the customer walked in,
    and a device brought for repair is a matter of its quality."""
    return {
        "business.name": settings.get("office.name") or "本店",
        "business.address": settings.get("office.address") or "",
        "business.phone": settings.get("office.phone") or "",
        "complaint.channel": "walk_in",
        "complaint.category": "quality",
    }


def _check_received(received: dt.datetime, now: dt.datetime) -> None:
    """A received time lies between the first day this office's rule sets cover and now."""
    if received > now:
        raise ValidationFailed({"case.received_at": Message("收到时间不能晚于现在")})
    if received.date() < machine.earliest_received():
        raise ValidationFailed({"case.received_at": Message("收到时间不在本办公室办理规则的适用期内，请核对年份")})


def _recheck_limitation(case_id: int) -> None:
    """The A4 warning follows the dates it is read from (inside the edit's transaction)."""
    case = Case.get_by_id(case_id)
    harm = Complaint.select(Complaint.harm_known_date).where(Complaint.case == case_id).scalar()
    kept = {k: v for k, v in case.warnings.items() if k != "A4"}
    if duplicates.past_limitation(harm, case.received_at.date()):
        kept["A4"] = duplicates.HARM_WARNING
    if kept != case.warnings:
        Case.update(warnings=kept).where(Case.id == case_id).execute()


def reindex(case_id: int) -> None:
    """Bring the search document and the register entry in line with the case's parts.

    Every service that changes a case calls this inside its transaction.
    """
    parts = _PARTS(case_id=case_id).get()
    search.store_documents([(case_id, search.document_of(parts[: len(search.DOCUMENT_PARTS)]))])
    register.write_entry(parts[len(search.DOCUMENT_PARTS) :])  # one read for both


_PARTS = compiled.Statement(
    lambda case_id: case_with_parts(*search.DOCUMENT_PARTS, *register.ENTRY_PARTS).where(Case.id == case_id).tuples()
)


def split_sections(values: dict) -> dict[str, dict]:
    out: dict[str, dict] = {s: {} for s in fields.SECTIONS}
    for key, value in values.items():
        spec = fields.BY_KEY[key]
        out[spec.section][spec.db_column] = value
    return out


def _rows(case_id: int) -> dict:
    found = case_file.record_rows(case_id)
    case = found[Case]
    if case is None:
        raise NotFound("案件不存在（编号 {id}）", id=case_id)
    return {
        "case": case,
        "complainant": found[Complainant],
        "business": found[Business],
        "purchase": found[Purchase] or Purchase(case=case, version=0),
        "complaint": found[Complaint] or Complaint(case=case, version=0),
        "device": found[Device] or Device(case=case, version=0),
    }


def load(case_id: int) -> CaseRecord:
    rows = _rows(case_id)
    case = rows["case"]
    record = CaseRecord(
        case.id,
        case.case_no,
        case.status,
        case.received_at,
        case.handler,
        registered_at=case.registered_at or case.received_at,
        warnings=case.warnings,
    )
    for spec in fields.FIELDS:
        record.values[spec.key] = fields.show(spec, getattr(rows[spec.section], spec.db_column))
    record.versions = {section: rows[section].version for section in fields.SECTIONS}
    return record


def find_by_number(case_no: str) -> CaseRef:
    case = Case.get_or_none(Case.case_no == case_no.strip().upper())
    if case is None:
        raise NotFound("没有案件号为 {case_no} 的案件", case_no=case_no)
    return CaseRef(case.id, case.case_no)


def edit(
    case_id: int,
    changes: dict,
    versions: dict[str, int],
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> CaseRecord:
    """Save edited fields of a case; one timeline event per changed field.

    `versions` are the row versions the edit was based on (CaseRecord.versions). If any
    touched row changed since, nothing is written and StaleEdit says what to do.
    """
    permissions.require("case.edit")
    now = now or clock.now().replace(microsecond=0)
    actor = actor or current_operator()
    with database.atomic():
        rows = _rows(case_id)
        current = {s.key: fields.show(s, getattr(rows[s.section], s.db_column)) for s in fields.FIELDS}
        values, errors = fields.validate({**current, **changes}, now.date(), machine.office_profile().code)
        # the stored personal numbers are masked copies, checked when they were typed: not again
        for key in PERSONAL:
            if key not in changes:
                errors.pop(key, None)
                values[key] = current[key]
                if any(tied in changes for tied in fields.TIED.get(key, ())):
                    errors[key] = Message("改了证件类型：请重新填写完整的证件号码（或清空）")
        if "case.received_at" in changes and values["case.received_at"] is None:
            errors["case.received_at"] = Message("请填写收到时间")
        if errors:
            raise ValidationFailed({k: v for k, v in errors.items() if k in changes} or errors)
        if "case.received_at" in changes:
            _check_received(values["case.received_at"], now)
        if "case.grade" in changes and values["case.grade"] != rows["case"].grade:
            if not values["case.grade"]:
                raise ValidationFailed({"case.grade": Message("请选择等级")})
            if not (changes.get("case.grade_reason") or "").strip():
                raise ValidationFailed({"case.grade_reason": Message("改变等级请写明理由")})
        changed = [
            s
            for s in fields.checked(machine.office_profile().code)
            if s.key in changes and values[s.key] != getattr(rows[s.section], s.db_column)
        ]
        case = rows["case"]
        for section in dict.fromkeys(s.section for s in changed):
            section_fields = [s for s in changed if s.section == section]
            _update_row(rows[section], section, section_fields, values, versions.get(section), case.case_no)
        for spec in changed:
            write_event(
                case=case,
                at=now,
                actor=actor,
                kind="edited",
                field=spec.key,
                old_value=fields.display(spec, getattr(rows[spec.section], spec.db_column)),
                new_value=privacy.mask(spec.key, fields.display(spec, values[spec.key]))
                if spec.key in PERSONAL
                else fields.display(spec, values[spec.key]),
            )
        if changed:
            later_query(Case.update(updated_at=now).where(Case.id == case.id))
            if {s.key for s in changed} & {"case.received_at", "case.grade"}:
                machine.rebuild(case.id, now=now)  # deadlines run from the received time, first contact by grade
            if {s.key for s in changed} & {"case.received_at", "complaint.harm_known_date"}:
                _recheck_limitation(case.id)
            reindex(case.id)
    return load(case_id)


PERSONAL = privacy.FIELDS


def masked(values: dict) -> dict:
    """The personal numbers of a form's values masked (RULES.md 6), the rest unchanged."""
    return privacy.masked(values)


def reveal(case_id: int) -> dict:
    """The full personal numbers of a case, for a user allowed to see them; each reveal is recorded."""
    return privacy.reveal_case(case_id)


@dataclass
class ConflictLine:
    key: str
    label: str
    base: object  # as the clerk loaded it
    theirs: object  # as another seat saved it meanwhile
    mine: object  # as the clerk typed it
    clash: bool  # both changed the same field to different values


def conflict(case_id: int, base: dict, changes: dict) -> tuple[CaseRecord, list[ConflictLine]]:
    """After a StaleEdit: the case as it is now, and field by field what the other seat changed
    next to what this clerk changed, so the clerk can re-apply their edit on top."""
    fresh = load(case_id)
    lines = []
    for spec in fields.FIELDS:
        theirs_changed = fresh.values.get(spec.key) != base.get(spec.key)
        mine_changed = spec.key in changes
        if theirs_changed or mine_changed:
            lines.append(
                ConflictLine(
                    spec.key,
                    f"{fields.SECTIONS[spec.section]}·{spec.label}",
                    base.get(spec.key),
                    fresh.values.get(spec.key),
                    changes.get(spec.key, base.get(spec.key)),
                    theirs_changed and mine_changed and changes[spec.key] != fresh.values.get(spec.key),
                )
            )
    return fresh, lines


def _update_row(row, section: str, specs, values: dict, based_on: int | None, case_no: str) -> None:
    model = type(row)
    data = {getattr(model, s.db_column): values[s.key] for s in specs}
    if section == "complainant":
        numbers = {s.db_column: values[s.key] for s in specs if s.key in privacy.COLUMNS}
        data.update({getattr(Complainant, c): v for c, v in privacy.complainant_columns(numbers).items()})
        privacy.keep(row.id, numbers)
    if row.version == 0 and section in ("purchase", "complaint", "device"):  # a case missing the row
        model.create(case=row.case, **{f.name: v for f, v in data.items()})
        return
    if based_on is None:
        raise StaleEdit("保存时缺少版本信息，请重新打开案件后再改")
    data[model.version] = model.version + 1
    updated = model.update(data).where((model.id == row.id) & (model.version == based_on)).execute()
    if updated != 1:
        raise StaleEdit(
            f"案件 {case_no} 的“{fields.SECTIONS[section]}”已被其他席位修改（你的版本 {based_on}，"
            f"现为 {row.version}）。你的修改没有保存，也没有覆盖别人的修改：请刷新后重新填写。"
        )


def timeline(case_id: int, language: str = i18n.SOURCE) -> list[TimelineEntry]:
    """Events of a case, newest first, told in `language` (what people typed stays as typed)."""
    entries = []
    states = machine.office_profile().states  # once, not per event
    t = i18n.translator(language, "timeline")
    own = {"登记投诉": "", "登记时当面/电话联系": t("登记时当面/电话联系")}  # notes the program writes itself
    for ev in sorted(case_file.rows(Event, case_id), key=lambda e: (e.at, e.id), reverse=True):
        # the other kinds say their note in the text
        note = own.get(ev.note, ev.note) if ev.kind in ("created", "status", "milestone", "edited") else ""
        entries.append(TimelineEntry(ev.at, ev.actor, ev.kind, describe(ev, states, language), note))
    return entries


def describe(ev: Event, states: dict[str, str] | None = None, language: str = i18n.SOURCE) -> str:
    """One line of the timeline, as a clerk would say it (`states`: the office's labels, if known)."""

    t = i18n.translator(language, "timeline")
    if ev.kind == "created":
        return t("登记投诉")
    if ev.kind == "edited":
        spec = fields.BY_KEY.get(ev.field)
        name = (
            f"{t(fields.SECTIONS[spec.section])}·{t(spec.label)}"
            if spec
            else t({"case.mediator": "调解员", "case.handler": "经办人"}.get(ev.field, ev.field))
        )
        return t("修改{name}：“{old}” → “{new}”").format(
            name=name, old=ev.old_value or t("（空）"), new=ev.new_value or t("（空）")
        )
    if ev.kind == "status":
        labels = {**STATUSES, **(states if states is not None else machine.office_profile().states)}
        text = t("状态：{old} → {new}").format(
            old=t(labels.get(ev.from_status, ev.from_status or "")), new=t(labels.get(ev.to_status, ev.to_status or ""))
        )
        if ev.reason:
            text += t("（理由 {code}：{text}）").format(code=ev.reason, text=t(tables.REASON_TEXT.get(ev.reason, "")))
        sent = ev.data or {}
        if sent.get("to_office"):
            text += t("（转送 {office}，{day}）").format(office=sent["to_office"], day=sent["on"])
        if sent.get("remedy") and sent.get("reason"):
            text += t("（不在三包建议之内，理由：{reason}）").format(reason=sent["reason"])
        elif sent.get("rule"):
            text += t("（{rule}）").format(rule=t(sent["rule"]))
        if sent.get("new_serial"):
            text += t("（新机序列号/IMEI {serial}）").format(serial=sent["new_serial"])
        return text
    if ev.kind == "milestone":
        return t(tables.MILESTONES.get(ev.field, ev.field))
    told = _told(ev, t) if ev.data else ev.note  # before schema v13 the program's prose, sealed as written
    if ev.kind == "evidence":
        return told  # "添加证据：…" / "移除证据…" already say what happened
    labels = {
        "consent": t("同意"),
        "conflict": t("利害关系声明"),
        "notice": t("送达文书"),
        "deadline": t("期限重算"),
        "record": t("记录"),
        "wording": t("文书措辞"),
    }
    label = t("期限延长") if (ev.data or {}).get("act") == "extended" else labels.get(ev.kind, ev.kind)
    return label + t("：") + told if told else label


def _told(ev: Event, t) -> str:
    """An event's sentence from its stored values, in the reader's language (what people typed
    stays as typed)."""
    d = ev.data
    if ev.kind == "evidence" and d.get("act") == "added":
        return t("添加证据：{kind}“{name}”（{supplier}提供，{size}，SHA-256 {sha}…）").format(
            kind=t(evidence.KINDS.get(d["kind"], d["kind"])),
            name=d["name"],
            supplier=t(evidence.SUPPLIERS.get(d["supplier"], d["supplier"])),
            size=evidence.size_text(d["size"]),
            sha=d["sha256"][:12],
        )
    if ev.kind == "evidence":
        return t("移除证据“{name}”：{reason}").format(name=d["name"], reason=d["reason"])
    if ev.kind == "consent":
        who = t({"complainant": "投诉人", "business": "经营者"}[d["party"]])
        what = t("调解") if d["purpose"] == "mediation" else t("移交其他机构调解")
        return t("{who}同意{what}").format(who=who, what=what) + (
            t("（{note}）").format(note=d["how"]) if d["how"] else ""
        )
    if ev.kind == "conflict":
        return t("调解员 {name} 声明存在利害关系：{note}").format(name=d["mediator"], note=d["note"])
    if ev.kind == "notice" and "replaces" in d:
        return t("{number} 更正并取代 {old}").format(number=d["number"], old=d["replaces"])
    if ev.kind == "notice":
        number = (" " + d["number"]) if d["number"] else ""
        return t(tables.NOTICE_KINDS.get(ev.field, ev.field)) + number + t("，") + t(tables.DELIVERY[d["delivery"]])
    if ev.kind == "deadline" and d.get("act") == "extended":
        unit = t({"working_days": "个工作日", "calendar_days": "天", "hours": "小时"}.get(d["unit"], "天"))
        return t("{rule} 延长 {days} {unit}（经 {who} 于 {day} 批准）").format(
            rule=d["rule"], days=d["days"], unit=unit, who=d["approved_by"], day=d["approved_on"]
        )
    if ev.kind == "deadline":
        moves = t("；").join(
            t("{rule} 由 {old} 改为 {new}").format(rule=rule, old=old, new=new) for rule, old, new in d["moves"]
        )
        return t("{why}：{moves}").format(why=d["why"], moves=moves)
    if ev.kind == "record" and d.get("act") == "scheduled":
        place = t("，") + d["place"] if d["place"] else ""
        return t("安排调解：{when}，{mode}{place}").format(when=d["starts_at"], mode=t(MODES[d["mode"]]), place=place)
    if ev.kind == "record" and d.get("act") == "moved":
        return t("调解改期：{old} → {new}（{reason}）").format(old=d["from"], new=d["to"], reason=d["reason"])
    if ev.kind == "record" and d.get("act") == "held":
        return records.told("session", d["values"])
    if ev.kind == "record" and d.get("act") == "appraisal_done":
        return t("检测鉴定结束（{body}）：{result}").format(body=d["body"], result=d["result"][:40])
    if ev.kind == "record" and d.get("act") == "repair_done":
        v = d["values"]
        return t("维修修毕（{day}）：{result}").format(
            day=v["finished_on"], result=t(tables.REPAIR_RESULTS.get(v["result"], v["result"]))
        )
    if ev.kind == "record" and d.get("act") == "remedy_done":
        return t("已履行：{remedy}（{day}）").format(remedy=t(REMEDIES.get(d["remedy"], d["remedy"])), day=d["done_on"])
    if ev.kind == "record":
        return records.told(ev.field, d["values"])
    if ev.kind == "wording":
        title = t(tables.NOTICE_KINDS.get(ev.field, ev.field))
        told = t("本案的{title}改用修改后的措辞") if d["act"] == "edited" else t("本案的{title}恢复使用办公室模板")
        return told.format(title=title)
    return ev.note


def count() -> int:
    return Case.select(fn.COUNT(Case.id)).scalar()

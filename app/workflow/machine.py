"""The case state machine: transitions with their guards, milestones, and deadlines.

Every change is one transaction: the status, the timeline event, the rebuilt deadlines
and the register entry move together. Deadlines are a pure function of the case's
timeline, its rule set (by the day received), the calendar and the office settings;
`rebuild` recomputes them, so a calendar edit or a pause never leaves a stale date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app import (
    bulk,
    case_file,
    checks,
    clock,
    compiled,
    db,
    grading,
    permissions,
    register,
    sanbao,
    settings,
    timeline,
    workdays,
)
from app.errors import ComplaintDeskError, Message, NotFound, StaleEdit
from app.models import (
    Appeal,
    Appraisal,
    Case,
    CaseDeadline,
    ConflictDeclaration,
    Consent,
    Device,
    Event,
    IssuedNotice,
    Purchase,
    Remedy,
    database,
)
from app.workflow import deadlines as compute
from app.workflow import tables
from app.workflow.rules import Profile, Reason, RuleSet, Transition, rule_set_for

PROFILE_KEY = "office.profile"
DEFAULT_PROFILE = "consumer_association"
PAUSE_STATES = {t.target for p in tables.PROFILES.values() for t in p.transitions if t.pauses}


class TransitionRefused(ComplaintDeskError):
    """The transition is not allowed now; the message says why (`parts`: each reason on its own)."""

    def __init__(self, message="", parts: list | None = None, **values):
        super().__init__(message, **values)
        self.parts = parts or [self.message]


# --- office profile ---------------------------------------------------------------------------


def office_profile() -> Profile:
    return tables.PROFILES.get(settings.get(PROFILE_KEY, DEFAULT_PROFILE), tables.PROFILES[DEFAULT_PROFILE])


def set_office_profile(code: str) -> Profile:
    permissions.require("settings.office")
    if code not in tables.PROFILES:
        raise ComplaintDeskError("未知的办公室类型：{code}（可选 {items}）", code=code, items=list(tables.PROFILES))
    settings.put(PROFILE_KEY, code)
    return tables.PROFILES[code]


def profile_chosen() -> bool:
    return settings.is_set(PROFILE_KEY)


def adjustable_rules() -> list:
    """Deadline rules whose length is an office setting (RULES.md 3), one per code."""
    seen = {}
    for rs in tables.RULE_SETS:
        for r in rs.deadlines:
            if r.setting and r.code not in seen:
                seen[r.code] = r
    return list(seen.values())


def save_office_settings(profile: str, lengths: dict[str, int], actor: str) -> int:
    """Choose the profile and the office deadline lengths; moves open deadlines accordingly."""
    permissions.require("settings.office")
    rules = {r.code: r for r in adjustable_rules()}
    with database.atomic():
        set_office_profile(profile)
        for code, value in lengths.items():
            if code not in rules:
                raise ComplaintDeskError("期限 {code} 不能由办公室设置", code=code)
            if not 1 <= int(value) <= 1000:
                raise ComplaintDeskError("{rule}的天数应在 1 到 1000 之间", rule=rules[code].title)
            settings.put(rules[code].setting, str(int(value)))
        return rebuild_all_deadlines(actor, "办公室设置调整")


def mark_year_known(year: int, source: str, actor: str) -> int:
    permissions.require("settings.calendar")
    with database.atomic():
        workdays.mark_year_known(year, source, actor)
        return rebuild_all_deadlines(actor, f"{year} 年放假安排已公布（{source}）")


def earliest_received() -> dt.date:
    """The first day the office's rule sets cover: a complaint received before it has no deadlines."""
    code = office_profile().code
    return min((r.in_force_from for r in tables.RULE_SETS if r.profile == code), default=dt.date(2000, 1, 1))


def rule_set_of(case: Case) -> RuleSet:
    return rule_set_for(tables.RULE_SETS, office_profile().code, case.received_at.date())


def _length(rule) -> int:
    if rule.setting:
        value = settings.get(rule.setting, "")
        if value.isdigit():
            return int(value)
    return rule.length


# --- guards -----------------------------------------------------------------------------------


def _guard_consent_both(case: Case) -> str:
    parties = {c.party for c in case_file.rows(Consent, case.id) if c.purpose == "mediation"}
    if case.consent_mediation:
        parties.add("complainant")
    missing = [label for party, label in (("complainant", "投诉人"), ("business", "经营者")) if party not in parties]
    return Message("尚未记录{parties}同意调解", parties=missing) if missing else ""


def _guard_mediator_assigned(case: Case) -> str:
    if not case.mediator:
        return Message("尚未指定调解员")
    if any(d.mediator == case.mediator for d in case_file.rows(ConflictDeclaration, case.id)):
        return Message("调解员 {name} 已声明与本案存在利害关系，须另行指定", name=case.mediator)
    return ""


PARTIES = {"complainant": "投诉人", "business": "经营者"}


def reached(case_id: int, kind: str) -> set[str]:
    """The parties the issued notices of `kind` were delivered to (a notice to both reaches both)."""
    out: set[str] = set()
    for n in case_file.rows(IssuedNotice, case_id):
        if n.kind == kind:
            out |= _parties(n.recipient)
    return out


def _parties(recipient: str) -> set[str]:
    return {"complainant", "business"} if recipient == "both" else {recipient}


def _guard_notices_issued(case: Case) -> str:
    passed = {e.to_status for e in case_file.rows(Event, case.id) if e.to_status}
    passed.add(case.status)
    issued = {n.kind for n in case_file.rows(IssuedNotice, case.id)}
    missing = [  # each entry: any one of these documents
        tuple(tables.NOTICE_KINDS[k] for k in kinds)
        for status, kinds in tables.REQUIRED_NOTICES.items()
        if status in passed and not issued.intersection(kinds)
    ]
    if missing:
        return Message("办结前须先送达：{documents}", documents=missing)
    for kind in dict.fromkeys(
        k for status, kinds in tables.REQUIRED_NOTICES.items() if status in passed for k in kinds
    ):
        owed = [p for p in tables.DOCUMENTS[kind].reaches if p not in reached(case.id, kind)]
        if kind in issued and owed:
            return Message(
                "办结前{document}还须送达：{parties}",
                document=tables.NOTICE_KINDS[kind],
                parties=[PARTIES[p] for p in owed],
            )
    return ""


def _guard_terms_recorded(case: Case) -> str:
    """An agreement is its terms: who does what by when (RULES.md 7); without one there is nothing to sign."""
    if case_file.rows(Remedy, case.id):
        return ""
    return Message("尚未记录协议条款：请先在“记录”中添加补救措施（谁、做什么、金额、期限）")


def _guard_appeal_filed(case: Case) -> str:

    changes = [e.at for e in case_file.rows(Event, case.id) if e.kind == "status"]
    last_change = max(changes) if changes else case.received_at
    filed = any(a.recorded_at >= last_change for a in case_file.rows(Appeal, case.id))
    return "" if filed else Message("须先登记申诉")


def _guard_handover_consent_both(case: Case) -> str:
    given = {c.party for c in case_file.rows(Consent, case.id) if c.purpose == "handover"}
    if case.consent_handover:  # the complainant agreed at intake
        given.add("complainant")
    missing = [PARTIES[p] for p in ("complainant", "business") if p not in given]
    return Message("移交其他机构调解须双方同意，尚缺：{parties}", parties=missing) if missing else ""


GUARDS = {
    "appeal_filed": _guard_appeal_filed,
    "consent_both": _guard_consent_both,
    "handover_consent_both": _guard_handover_consent_both,
    "mediator_assigned": _guard_mediator_assigned,
    "notices_issued": _guard_notices_issued,
    "terms_recorded": _guard_terms_recorded,
}


# --- transitions ------------------------------------------------------------------------------


def _case(case_id: int) -> Case:
    case = case_file.case(case_id)
    if case is None:
        raise NotFound("案件不存在（编号 {id}）", id=case_id)
    return case


def status_of(case_id: int) -> str:
    return _case(case_id).status


def refusals(case: Case, target: str, reason: str = "") -> list[str]:
    """Why `case` cannot go to `target` now; empty when it can."""
    profile = office_profile()
    states = profile.states
    step = profile.transition(case.status, target)
    if step is None:
        allowed = [states[t.target] for t in profile.transitions_from(case.status)] or "无"
        return [
            Message(
                "案件当前为“{now}”，不能直接转为“{target}”（可转为：{allowed}）",
                now=states.get(case.status, case.status),
                target=states.get(target, target),
                allowed=allowed,
            )
        ]
    problems = []
    if step.reasons:
        codes = {r.code for r in reasons_for(case, step.reasons)}
        if not reason:
            problems.append(Message("“{action}”须选择理由", action=step.action))
        elif reason not in codes:
            problems.append(
                Message("理由 {reason} 不在本办公室“{action}”的理由清单中", reason=reason, action=step.action)
            )
    for guard in step.guards:
        message = GUARDS[guard](case)
        if message:
            problems.append(message)
    return problems


def _details(step: Transition, details: dict, today: dt.date) -> dict:
    """A forwarding's record: the receiving office (required), the day (today unless given, never
    ahead), the attachments."""
    office = (details.get("to_office") or "").strip()
    if not office:
        raise TransitionRefused("请填写接收机构（转送或移交给谁）")
    day = today
    if (details.get("on") or "").strip():
        day = checks.date(details["on"])  # FieldError says what is wrong with it
        if day > today:
            raise TransitionRefused("转送日期不能晚于今天")
    return {"to_office": office, "on": day.isoformat(), "attachments": (details.get("attachments") or "").strip()}


def reasons_for(case: Case, list_code: str) -> tuple[Reason, ...]:
    """The grounds of `list_code` the case may be decided on: its rule set's, dated like its deadlines
    (a case received under Order 20 offers Order 20's), else the office profile's."""
    rule_set = rule_set_of(case)
    return rule_set.reasons.get(list_code) or office_profile().reasons.get(list_code, ())


def reason_choices(case_id: int, list_code: str) -> tuple[Reason, ...]:
    return reasons_for(_case(case_id), list_code)


def citation(case: Case, code: str) -> tuple[str, str] | None:
    """Where the ground `code` stands in the case's rule set — (总局令第 121 号第十六条, （三）) — or None."""
    rule_set = rule_set_of(case)
    for list_code, grounds in rule_set.reasons.items():
        for r in grounds:
            if r.code == code and list_code in rule_set.citations:
                return rule_set.citations[list_code], r.item
    return None


def available(case_id: int) -> list[tuple[Transition, list[str]]]:
    """Each transition from the case's status, with what stands in its way (for the buttons)."""
    case = _case(case_id)
    return [
        (t, refusals(case, t.target, reason="*" if t.reasons else ""))
        for t in office_profile().transitions_from(case.status)
    ]


def transition(
    case_id: int,
    target: str,
    actor: str,
    reason: str = "",
    note: str = "",
    now: dt.datetime | None = None,
    details: dict | None = None,
) -> None:
    """Move a case to `target`, or refuse with every reason why not. `details`: what the
    transition records besides the note (a forwarding: to_office, on, attachments)."""
    permissions.require("case.decide_refusal" if target in permissions.REFUSALS else "case.transition")
    now = now or clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        problems = refusals(case, target, reason)
        if problems:
            raise TransitionRefused("；".join(problems), parts=problems)
        source = case.status
        step = office_profile().transition(source, target)
        data = _details(step, details or {}, now.date()) if step is not None and "to_office" in step.asks else {}
        if step is not None and step.remedy:
            data = _remedy(case, step, details or {}, now.date())
        if step is not None and step.lands_in:
            target, reason = step.lands_in, step.ground or reason
        moved = (
            Case.update(status=target, version=Case.version + 1, updated_at=now)
            .where((Case.id == case.id) & (Case.status == source))
            .execute()
        )
        if moved != 1:
            raise StaleEdit("案件 {case_no} 的状态已被其他席位改变，请刷新后再操作", case_no=case.case_no)
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="status",
            from_status=source,
            to_status=target,
            reason=reason,
            note=note.strip(),
            data=data,
        )
        if target == "handed_over":
            Device.update(picked_up_at=now).where(Device.case == case.id).execute()
        rebuild(case.id, now=now)
        register.refresh_entry(case.id)  # the status column


REMEDY_TITLES = {"repair": "修理", "exchange": "换货", "return": "退货"}


def remedy_check(
    case_id: int, remedy: str, today: dt.date | None = None
) -> tuple[sanbao.Entitlement | None, sanbao.Advice]:
    """Whether the 三包 advice allows `remedy` today: the entitlement that does (or None), and the advice."""
    advice = sanbao.advice_for_case(case_id, today or clock.today())
    return sanbao.allows(advice, remedy), advice


def _remedy(case: Case, step: Transition, details: dict, today: dt.date) -> dict:
    """A counter's remedy: within the advice it follows its rule; against it, only with a reason
    (kept on the device, the timeline and the slip). An exchange records the new device's serial."""
    allowed, advice = remedy_check(case.id, step.remedy, today)
    reason = (details.get("remedy_reason") or "").strip()
    if allowed is None and not reason:
        offered = "、".join(sanbao.REMEDY_LABELS[r] for r in sorted(advice.remedies())) or "无"
        raise TransitionRefused(
            "三包建议不包括{remedy}（今天可选：{offered}）；如按顾客要求办理，请写明理由",
            remedy=REMEDY_TITLES[step.remedy],
            offered=offered,
        )
    device = Device.get_or_none(Device.case == case.id) or Device.create(case=case.id)
    data = {"remedy": step.remedy, "rule": allowed.rule if allowed else "", "reason": reason if allowed is None else ""}
    update = {
        Device.remedy: step.remedy,
        Device.remedy_rule: data["rule"],
        Device.remedy_reason: data["reason"],
        Device.version: Device.version + 1,
    }
    if "new_serial" in step.asks:
        new = checks.serial(details.get("new_serial") or "")  # FieldError says what is wrong
        old = Purchase.select(Purchase.serial).where(Purchase.case == case.id).scalar() or ""
        if new == old:
            raise TransitionRefused("新机的序列号/IMEI 与原机相同，请核对")
        data["new_serial"] = new
        update.update({Device.new_serial: new, Device.exchanged_on: today})
    Device.update(update).where(Device.id == device.id).execute()
    return data


def record_milestone(case_id: int, name: str, actor: str, note: str = "", now: dt.datetime | None = None) -> None:
    permissions.require("case.record")
    if name not in tables.MILESTONES:
        raise ComplaintDeskError("未知的事项：{name}", name=name)
    now = now or clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        timeline.write(case=case, at=now, actor=actor, kind="milestone", field=name, note=note.strip())
        rebuild(case.id, now=now)


def record_consent(
    case_id: int, party: str, actor: str, how: str = "", purpose: str = "mediation", on: dt.date | None = None
) -> None:
    permissions.require("case.record")
    if party not in ("complainant", "business"):
        raise ComplaintDeskError("未知的当事人：{party}", party=party)
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        Consent.create(case=case, party=party, purpose=purpose, given_on=on or now.date(), how=how, recorded_by=actor)
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="consent",
            field=party,
            data={"party": party, "purpose": purpose, "how": how},
        )


def declare_conflict(case_id: int, mediator: str, note: str, actor: str) -> None:
    permissions.require("case.record")
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        ConflictDeclaration.create(case=case, mediator=mediator.strip(), note=note, declared_at=now, recorded_by=actor)
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="conflict",
            field=mediator.strip(),
            data={"mediator": mediator.strip(), "note": note},
        )


def assign_mediator(case_id: int, mediator: str, actor: str) -> None:
    permissions.require("case.assign")
    mediator = mediator.strip()
    if not mediator:
        raise ComplaintDeskError("请填写调解员姓名")
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        if (
            ConflictDeclaration.select()
            .where((ConflictDeclaration.case == case) & (ConflictDeclaration.mediator == mediator))
            .exists()
        ):
            raise TransitionRefused("调解员 {name} 已声明与本案存在利害关系，不能指定", name=mediator)
        Case.update(mediator=mediator, version=Case.version + 1, updated_at=now).where(Case.id == case.id).execute()
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="edited",
            field="case.mediator",
            old_value=case.mediator,
            new_value=mediator,
        )


def issue_notice(
    case_id: int,
    kind: str,
    delivery: str,
    actor: str,
    recipient: str = "complainant",
    number: str = "",
    on: dt.date | None = None,
    sha256: str = "",
) -> IssuedNotice:
    """Record that a notice was issued and delivered; the documents issue prints it."""
    permissions.require("document.issue")
    if kind not in tables.NOTICE_KINDS:
        raise ComplaintDeskError("未知的文书类型：{kind}", kind=kind)
    if delivery not in tables.DELIVERY:
        raise ComplaintDeskError("请选择送达方式（{choices}）", choices=list(tables.DELIVERY.values()))
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        case = _case(case_id)
        must_reach = set(tables.DOCUMENTS[kind].reaches)
        before = reached(case.id, kind)
        had_reached = must_reach <= before
        notice = IssuedNotice.create(
            case=case,
            kind=kind,
            number=number,
            issued_on=on or now.date(),
            delivery=delivery,
            recipient=recipient,
            sha256=sha256,
            issued_by=actor,
            issued_at=now,
        )
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="notice",
            field=kind,
            data={"number": number, "delivery": delivery},
        )
        # a notice both parties must have is the milestone once both have it
        now_reached = must_reach <= before | _parties(recipient)  # what reached() would answer now
        if kind in tables.NOTICE_MILESTONES and (not must_reach or (now_reached and not had_reached)):
            timeline.write(case=case, at=now, actor=actor, kind="milestone", field=tables.NOTICE_MILESTONES[kind])
        rebuild(case.id, now=now)
    return notice


def after_intake(case: Case, channel: str, demands: str, actor: str, now: dt.datetime) -> None:
    """Start the clocks of a new case (inside the intake transaction, with the row it just wrote)."""
    if channel in tables.CONTACT_CHANNELS:
        timeline.write(
            case=case, at=now, actor=actor, kind="milestone", field="first_contact", note="登记时当面/电话联系"
        )
    if office_profile().counter and set(demands.split(",")) & {"exchange", "return", "refund"}:
        timeline.write(case=case, at=now, actor=actor, kind="milestone", field="return_exchange_request")
    rebuild(case.id, now=now)


# --- deadlines --------------------------------------------------------------------------------


@dataclass
class _Clock:
    rule: object
    trigger_at: dt.datetime
    state: str = "running"
    closed_at: dt.datetime | None = None


def _history_names(ev: Event) -> list[str]:
    if ev.kind in ("created", "status"):
        return [ev.to_status]
    if ev.kind == "milestone":
        return [ev.field]
    return []


def plan(
    case,
    events,
    cal: workdays.WorkCalendar,
    today: dt.date,
    rule_set: RuleSet,
    lengths: dict[str, int],
    appraisals: list[tuple[dt.date, dt.date | None]] | None = None,
    hours: tuple[dt.time, dt.time] = compute.OFFICE_HOURS,
    first_contact: dict[str, int] | None = None,
) -> list[dict]:
    """The deadline rows a case's history implies. Pure: `case` needs id and received_at;
    events need kind, at, from_status, to_status, field, in the order they happened.
    `appraisals` (送检日期, 结束日期) are the pauses as the appraisal records date them; without
    records, a pause runs from entering the paused state to leaving it."""
    clocks: list[_Clock] = []
    pauses: list[compute.Pause] = []
    paused_now = False
    extended: set[str] = set()  # rules whose running clock was extended with an approval
    for ev in events:
        if ev.kind == "deadline" and ev.field:
            extended.add(ev.field)
        if ev.kind == "status" and ev.from_status in PAUSE_STATES and pauses and pauses[-1].resumed is None:
            pauses[-1] = compute.Pause(pauses[-1].start, ev.at.date())
            paused_now = False
        for name in _history_names(ev):
            for running in clocks:
                if running.state == "running" and name in running.rule.met_by:
                    running.state, running.closed_at = "met", ev.at
            if name in PAUSE_STATES:
                pauses.append(compute.Pause(ev.at.date()))
                paused_now = True
            for rule in rule_set.deadlines:
                if rule.trigger == name and not any(c.rule.code == rule.code and c.state == "running" for c in clocks):
                    # the complaint's own clocks run from when the office received it, not from the typing
                    clocks.append(_Clock(rule, case.received_at if ev.kind == "created" else ev.at))
    if appraisals:  # the records' own dates, not when the clerk typed them (RULES.md 3)
        pauses = [compute.Pause(start, end) for start, end in sorted(appraisals, key=lambda a: a[0])]
    rows = []
    for running in clocks:
        own_pauses = [p for p in pauses if p.start >= running.trigger_at.date()]
        length = lengths.get(running.rule.code, running.rule.length)
        if running.rule.code == "D7" and first_contact:  # first contact by grade (RULES.md 3, grades)
            length = first_contact.get(getattr(case, "grade", "ordinary"), length)
        if running.rule.code in extended:
            length += running.rule.extension
        due = compute.compute(running.rule, running.trigger_at, cal, own_pauses, length, today, hours)
        state = running.state
        if state == "running" and paused_now and running.rule.exclude_pauses:
            state = "paused"
        rows.append(
            dict(
                case=case.id,
                rule=running.rule.code,
                title=running.rule.title,
                rule_set=rule_set.code,
                length=due.length,
                unit=running.rule.unit,
                trigger_at=running.trigger_at,
                due_at=due.due_at,
                paused=due.paused,
                provisional=due.provisional,
                calendar_version=cal.version,
                state=state,
                closed_at=running.closed_at,
            )
        )
    return rows


def office_hours() -> tuple[dt.time, dt.time]:
    """The office's opening hours (an office setting, 09:00-17:00 unless changed), which hour
    rules that count office hours count in."""
    text = settings.get("office.hours") or ""
    try:
        opens, closes = (dt.time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError:
        return compute.OFFICE_HOURS
    return (opens, closes) if opens < closes else compute.OFFICE_HOURS


def set_office_hours(text: str, actor: str) -> None:
    """09:00-17:00: the hours the office counts first-contact clocks in; the open deadlines follow."""
    permissions.require("settings.office")
    try:
        opens, closes = (dt.time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError:
        raise ComplaintDeskError("办公时间格式应为 09:00-17:00") from None
    if opens >= closes:
        raise ComplaintDeskError("办公时间的结束应晚于开始")
    with database.atomic():
        settings.put("office.hours", f"{opens:%H:%M}-{closes:%H:%M}")
        rebuild_all_deadlines(actor, why="办公时间改为 " + f"{opens:%H:%M}-{closes:%H:%M}")


def first_contact_hours() -> dict[str, int]:
    """Office hours to the first contact by grade (RULES.md 3, grades), as the office set them."""
    d7 = next(
        (r for rs in tables.RULE_SETS if rs.profile == office_profile().code for r in rs.deadlines if r.code == "D7"),
        None,
    )
    ordinary = _length(d7) if d7 is not None else 24
    return {grade: grading.first_contact_hours(grade, ordinary) for grade in tables.GRADES}


def set_first_contact_hours(hours: dict[str, int], actor: str) -> None:
    """An important or urgent complaint's first-contact limit (never longer than an ordinary one's);
    the open deadlines follow."""
    permissions.require("settings.office")
    current = first_contact_hours()
    ordinary = current["ordinary"]
    changed = {}
    for grade, value in hours.items():
        if grade not in tables.GRADE_SETTINGS:
            raise ComplaintDeskError("等级 {grade} 的首次联系期限随办理规则，不能单独设置", grade=grade)
        if not 1 <= value <= ordinary:
            raise ComplaintDeskError(
                "{grade}案件的首次联系应在 1 至 {n} 个办公小时内", grade=tables.GRADES[grade], n=ordinary
            )
        if value != current[grade]:
            changed[grade] = value
    if not changed:
        return
    with database.atomic():
        for grade, value in changed.items():
            settings.put(tables.GRADE_SETTINGS[grade], str(value))
        rebuild_all_deadlines(
            actor, why="首次联系期限改为 " + "，".join(f"{tables.GRADES[g]} {v} 小时" for g, v in changed.items())
        )


def office_lengths(rule_sets: list[RuleSet]) -> dict[str, int]:
    """Deadline lengths the office changed in its settings, by rule code."""
    return {r.code: _length(r) for rs in rule_sets for r in rs.deadlines if r.setting}


def rebuild(case_id: int, now: dt.datetime | None = None) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """Recompute one case's deadlines from its history; returns (rule, old due, new due) that moved."""
    return rebuild_cases([case_id], now).get(case_id, [])


# what rebuild_cases reads of each chunk, compiled once (an intake rebuilds its one case)
_HISTORY = compiled.Statement(
    lambda ids: (
        Event.select(Event.case, Event.kind, Event.at, Event.from_status, Event.to_status, Event.field)
        .where(Event.case.in_(ids))
        .order_by(Event.case, Event.at, Event.id)
    )
)
_RUNNING = compiled.Statement(
    lambda ids: CaseDeadline.select().where(CaseDeadline.case.in_(ids) & (CaseDeadline.state != "met"))
)
_APPRAISALS = compiled.Statement(
    lambda ids: Appraisal.select(Appraisal.case, Appraisal.started_on, Appraisal.ended_on).where(
        Appraisal.case.in_(ids)
    )
)
_RECEIVED = compiled.Statement(lambda ids: Case.select(Case.id, Case.received_at, Case.grade).where(Case.id.in_(ids)))


def rebuild_cases(case_ids: list[int], now: dt.datetime | None = None, chunk: int = 500) -> dict[int, list]:
    """Recompute the deadlines of many cases, a chunk at a time; returns the moved dates by case."""
    now = now or clock.now().replace(microsecond=0)
    cal = workdays.load()
    profile = office_profile().code
    sets = [rs for rs in tables.RULE_SETS if rs.profile == profile]
    lengths = office_lengths(sets)
    hours = office_hours()
    d7 = next((lengths.get(r.code, r.length) for rs in sets for r in rs.deadlines if r.code == "D7"), 24)
    first_contact = {grade: grading.first_contact_hours(grade, d7) for grade in tables.GRADES}
    moved: dict[int, list] = {}
    for start in range(0, len(case_ids), chunk):
        ids = case_ids[start : start + chunk]
        history: dict[int, list] = {cid: [] for cid in ids}
        events, running, appraised, of_cases = db.together(  # one trip on a shared database
            [_HISTORY(ids=ids), _RUNNING(ids=ids), _APPRAISALS(ids=ids), _RECEIVED(ids=ids)]
        )
        for ev in events:
            history[ev.case_id].append(ev)
        old = {(d.case_id, d.rule, d.trigger_at): d.due_at for d in running}
        rows = []
        appraisals: dict[int, list] = {}
        for a in appraised:
            appraisals.setdefault(a.case_id, []).append((a.started_on, a.ended_on))
        for case in of_cases:
            rule_set = rule_set_for(sets, profile, case.received_at.date())
            rows += plan(
                case,
                history[case.id],
                cal,
                now.date(),
                rule_set,
                lengths,
                appraisals.get(case.id),
                hours,
                first_contact,
            )
        db.later_query(CaseDeadline.delete().where(CaseDeadline.case.in_(ids)))
        bulk.insert_all(CaseDeadline, rows)
        register.set_due(ids, rows)
        for r in rows:
            key = (r["case"], r["rule"], r["trigger_at"])
            if r["state"] != "met" and key in old and old[key] != r["due_at"]:
                moved.setdefault(r["case"], []).append((r["rule"], old[key], r["due_at"]))
    return moved


def open_case_ids() -> list[int]:
    return [
        cid for (cid,) in CaseDeadline.select(CaseDeadline.case).where(CaseDeadline.state != "met").distinct().tuples()
    ]


def rebuild_all_deadlines(actor: str = "系统", why: str = "") -> int:
    """Recompute every case (migration), or the open ones after a calendar change (`why`),
    noting moved dates on each affected case's timeline; returns how many cases moved."""
    permissions.require("settings.calendar", "settings.office")
    now = clock.now().replace(microsecond=0)
    ids = open_case_ids() if why else [cid for (cid,) in Case.select(Case.id).tuples()]
    moved = rebuild_cases(ids, now)
    if why:
        for case_id, changes in moved.items():
            moves = [[rule, f"{old:%Y-%m-%d}", f"{new:%Y-%m-%d}"] for rule, old, new in changes]
            timeline.write(case=case_id, at=now, actor=actor, kind="deadline", data={"why": why, "moves": moves})
    return len(moved)


def extend_deadline(case_id: int, rule: str, approved_by: str, approved_on: str, actor: str, note: str = "") -> None:
    """A running deadline its rule allows to extend (D4 by 15 working days), extended once, with who
    approved it and when on the timeline (RULES.md 3)."""
    permissions.require("case.transition")
    now = clock.now().replace(microsecond=0)
    approver = approved_by.strip()
    if not approver:
        raise ComplaintDeskError("请填写批准人")
    day = checks.date(approved_on) if approved_on.strip() else now.date()
    if day > now.date():
        raise ComplaintDeskError("批准日期不能晚于今天")
    with database.atomic():
        case = _case(case_id)
        running = [d for d in deadlines_of(case.id) if d.rule == rule and d.state in ("running", "paused")]
        definition = next((r for r in rule_set_of(case).deadlines if r.code == rule), None)
        if not running or definition is None or not definition.extension:
            raise TransitionRefused("{rule} 没有可延长的进行中期限", rule=rule)
        if Event.select().where((Event.case == case) & (Event.kind == "deadline") & (Event.field == rule)).exists():
            raise TransitionRefused("{rule} 已延长过一次，不能再延长", rule=rule)
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="deadline",
            field=rule,
            note=note.strip(),
            data={
                "act": "extended",
                "rule": rule,
                "days": definition.extension,
                "unit": definition.unit,
                "approved_by": approver,
                "approved_on": day.isoformat(),
            },
        )
        rebuild(case.id, now=now)


def extendable(case_id: int) -> list[str]:
    """The running deadlines of the case its rules allow to extend and that were not extended yet."""
    case = _case(case_id)
    rules = {r.code: r for r in rule_set_of(case).deadlines if r.extension}
    done = {e.field for e in case_file.rows(Event, case.id) if e.kind == "deadline"}
    return [d.rule for d in deadlines_of(case_id) if d.rule in rules and d.rule not in done and d.state != "met"]


def change_calendar(day: dt.date, kind: str | None, name: str, source: str, actor: str) -> int:
    """Add (kind given) or remove (kind None) a calendar day, and move the deadlines it touches."""
    permissions.require("settings.calendar")
    with database.atomic():
        if kind:
            workdays.set_day(day, kind, name, source, actor)
            what = f"日历调整：{day:%Y-%m-%d} 设为{workdays.KINDS[kind]}（{source}）"
        else:
            workdays.remove_day(day)
            what = f"日历调整：{day:%Y-%m-%d} 恢复为普通日期"
        return rebuild_all_deadlines(actor, what)


def deadlines_of(case_id: int) -> list[CaseDeadline]:
    return sorted(case_file.rows(CaseDeadline, case_id), key=lambda d: (d.due_at, d.id))


def days_left(due_at: dt.datetime, unit: str, today: dt.date, cal: workdays.WorkCalendar) -> int:
    """Days left in the rule's own terms: working days for working-day rules, else calendar days."""
    if unit == "working_days":
        return compute.working_days_left(due_at.date(), today, cal)
    return (due_at.date() - today).days


def open_deadlines(case_id: int | None, today: dt.date) -> list[dict]:
    """Running and paused deadlines, nearest first, as plain data (CLI, my-work view)."""
    cal = workdays.load()
    query = (
        CaseDeadline.select(CaseDeadline, Case.case_no)
        .join(Case)
        .where(CaseDeadline.state != "met")
        .order_by(CaseDeadline.due_at, Case.case_no)
    )
    if case_id is not None:
        query = query.where(CaseDeadline.case == case_id)
    return [
        {
            "case_no": d.case.case_no,
            "rule": d.rule,
            "title": d.title,
            "rule_set": d.rule_set,
            "due": d.due_at.isoformat(sep=" "),
            "provisional": d.provisional,
            "state": d.state,
            "days_left": days_left(d.due_at, d.unit, today, cal),
        }
        for d in query
    ]

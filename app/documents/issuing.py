"""Issuing documents: a number from the kind's yearly sequence, the PDF rendered from the
case and the office's template, its bytes kept in the content store (beside the evidence,
shared across seats) and a timeline event with its SHA-256. A reprint hands back those
very bytes; a correction is a new document, with a new number, naming the one it replaces.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib

from app import (
    case_file,
    checks,
    clock,
    evidence,
    i18n,
    mediation,
    permissions,
    privacy,
    sanbao,
    settings,
    timeline,
    vocab,
)
from app.documents import fonts, templates, wording
from app.documents.render import Document, document_date, render
from app.errors import Cancelled, ComplaintDeskError, NotFound
from app.evidence import KINDS, SUPPLIERS
from app.models import (
    Business,
    Case,
    Complainant,
    Complaint,
    Device,
    DocumentSequence,
    Event,
    Evidence,
    FollowUp,
    Investigation,
    IssuedNotice,
    MediationSession,
    Purchase,
    Remedy,
    RepairWork,
    database,
)
from app.records import CAUSES, METHODS, MODES, PARTIES, REMEDIES, SATISFACTION
from app.workflow import machine, tables

# the short word each kind's number carries, as in 〔2026〕12号 patterns offices use
ABBREVIATIONS = {k.code: k.abbreviation for k in tables.DOCUMENT_KINDS}
DEFAULT_PATTERN = "{office}{abbr}〔{year}〕{n}号"
# who each kind is addressed to; "business" and "both" get the complainant's numbers masked (RULES.md 6)
RECIPIENTS = {"complainant": "投诉人", "business": "经营者", "both": "双方当事人"}
DEFAULT_RECIPIENT = {k.code: k.recipient for k in tables.DOCUMENT_KINDS}
SIGNERS = {k.code: list(k.signers) for k in tables.DOCUMENT_KINDS if k.signers}
LETTERHEAD_KEYS = (
    "office.name",
    "office.short",
    "office.address",
    "office.phone",
    "office.use_seal",
    "office.seal_sha",
    "office.logo_sha",
    "office.body_font_sha",
    "office.title_font_sha",
)


class DocumentError(ComplaintDeskError):
    """A document cannot be produced as asked; the message says why."""


# --- office letterhead and numbering -------------------------------------------------------------


def letterhead() -> dict[str, str]:
    rows = settings.get_many(LETTERHEAD_KEYS)
    return {k.removeprefix("office."): rows.get(k, "") for k in LETTERHEAD_KEYS}


def save_letterhead(
    name: str,
    short: str = "",
    address: str = "",
    phone: str = "",
    use_seal: bool = False,
    seal: bytes | None = None,
    logo: bytes | None = None,
    body_font: bytes | None = None,
    title_font: bytes | None = None,
) -> None:
    """The letterhead; images and fonts: None leaves them as they are, b"" removes them. A font is
    the office's own licensed 仿宋 (body) or 小标宋 (title), checked before it is kept."""
    permissions.require("settings.office")
    if not name.strip():
        raise DocumentError("请填写办公室名称（文书抬头）")
    values = {
        "office.name": name.strip(),
        "office.short": short.strip(),
        "office.address": address.strip(),
        "office.phone": phone.strip(),
        "office.use_seal": "1" if use_seal else "",
    }
    for role, data in (("body", body_font), ("title", title_font)):
        if data:
            fonts.check_office_font(data, role)
    for key, image in (
        ("office.seal_sha", seal),
        ("office.logo_sha", logo),
        ("office.body_font_sha", body_font),
        ("office.title_font_sha", title_font),
    ):
        if image is not None:
            values[key] = _store(image) if image else ""
    with database.atomic():
        for key, value in values.items():
            settings.put(key, value)


def number_pattern(kind: str, language: str | None = None) -> str:
    """The office's pattern for `kind`, else the default in the office language."""
    pattern = settings.get(f"docno.{kind}")
    return (
        pattern
        if pattern is not None
        else i18n.translator(language or i18n.office_language(), "documents")(DEFAULT_PATTERN)
    )


def save_number_pattern(kind: str, pattern: str) -> None:
    permissions.require("settings.office")
    if "{n}" not in pattern:
        raise DocumentError("文号格式必须含 {n}（序号）")
    try:
        pattern.format(office="", abbr="", year=2026, n=1)
    except (KeyError, ValueError, IndexError) as exc:
        raise DocumentError("文号格式只能使用 {{office}} {{abbr}} {{year}} {{n}}：{reason}", reason=exc) from None
    settings.put(f"docno.{kind}", pattern)


def next_number(kind: str, year: int) -> str:
    """Take the kind's next number of `year` inside the caller's transaction (never repeats across seats)."""
    result = (
        DocumentSequence.insert(kind=kind, year=year, last_value=1)
        .on_conflict(
            conflict_target=[DocumentSequence.kind, DocumentSequence.year],
            update={DocumentSequence.last_value: DocumentSequence.last_value + 1},
        )
        .returning(DocumentSequence.last_value)
        .execute()
    )
    row = next(iter(result))
    n = row[0] if isinstance(row, tuple) else row.last_value
    language = i18n.office_language()
    abbr = i18n.translator(language, "documents")(ABBREVIATIONS.get(kind, ""))
    return number_pattern(kind, language).format(office=letterhead()["short"], abbr=abbr, year=year, n=n)


def query_code(case_no: str) -> str:
    """A short code printed on the intake receipt; with the case number it lets the complainant ask."""
    digest = bytes.fromhex(privacy.keyed_digests(["query:" + case_no])[0])
    return base64.b32encode(digest).decode()[:6]  # A–Z and 2–7: no 0/O or 1/I to confuse


# --- what a document says -----------------------------------------------------------------


def values_for(
    case_id: int,
    recipient: str = "complainant",
    day: dt.date | None = None,
    language: str = i18n.SOURCE,
    issuing: bool = False,
) -> dict[str, str]:
    """The placeholders' values for a case. The complainant's phone is masked, except on a document
    issued to the complainant by someone who may see it (that reveal is recorded); drafts stay masked.

    Labels (demands, remedies, reasons) and dates are in `language`; what people typed stays as typed.
    """
    found = case_file.record_rows(case_id)
    case = found[Case]
    if case is None:
        raise NotFound("案件不存在（编号 {id}）", id=case_id)
    person, business = found[Complainant], found[Business]
    purchase = found[Purchase] or Purchase()
    complaint = found[Complaint] or Complaint()
    office = letterhead()
    masked = recipient != "complainant"
    to_business = recipient == "business"  # a document both parties sign names both with their addresses
    phone = person.phone
    if issuing and not masked and person.phone and permissions.may("personal.reveal"):
        phone = privacy.reveal_case(case_id, "document")["complainant.phone"] or person.phone
    reason = case_file.latest(Event, case.id, _when, lambda e: e.kind == "status" and e.reason != "")
    session = case_file.latest(MediationSession, case.id, lambda s: (s.held_on, s.id), lambda s: s.state == "held")
    planned = mediation.scheduled(case.id)
    finding = case_file.latest(Investigation, case.id, lambda r: (r.held_on, r.id))
    terms = case_file.rows(Remedy, case.id)
    repairs = sorted(case_file.rows(RepairWork, case.id), key=lambda r: (r.started_on, r.id))
    remedy = terms[-1] if terms else None
    follow_up = case_file.latest(FollowUp, case.id, lambda r: (r.held_on, r.id))

    t = i18n.translator(language, "documents")

    def yuan(fen):
        return t("{amount} 元").format(amount=checks.yuan(fen)) if fen is not None else ""

    def when(day):
        return document_date(day, language) if day else ""

    forwarding = case_file.latest(Event, case.id, _when, lambda e: e.kind == "status" and e.to_status == "forwarded")
    sent = forwarding.data if forwarding is not None else {}
    reason_text = basis = ""
    if reason is not None and (cited := machine.citation(case, reason.reason)):
        article, item = cited
        where = t("{article}第{item}项").format(article=t(article), item=t(item)) if item else t(article)
        basis = t("依据{article}，").format(article=where)
    if reason is not None:
        reason_text = t(tables.REASON_TEXT.get(reason.reason, reason.reason))
        if reason.note:
            reason_text += t("（{note}）").format(note=reason.note)
    return {
        "案件号": case.case_no,
        "查询码": query_code(case.case_no),
        "登记日期": when(case.received_at.date()),
        "投诉人": person.name,
        "投诉人电话": phone,
        "投诉人地址": "" if to_business else person.address,
        "代理人": person.agent_name or t("无"),
        "经营者": business.name,
        "经营者地址": business.address,
        "统一社会信用代码": business.uscc,
        "商品": purchase.product,
        "品牌型号": " ".join(p for p in (purchase.brand, purchase.model) if p),
        "序列号": purchase.serial,
        "购买日期": when(purchase.purchase_date),
        "购买金额": yuan(purchase.amount_fen),
        "投诉事实": complaint.facts,
        "投诉请求": vocab.demand_labels(complaint.demands or "", t, t("、")),
        "请求金额": yuan(complaint.demand_amount_fen),
        "经办人": case.handler,
        "调解员": case.mediator or (planned or session or MediationSession()).mediator or "",
        "理由": reason_text,
        "理由依据": basis,
        "转办机构": sent.get("to_office", ""),
        "转办日期": when(dt.date.fromisoformat(sent["on"])) if sent.get("on") else "",
        "移送材料": sent.get("attachments", "") or t("投诉材料"),
        "办公室": office["name"],
        "办公室地址": office["address"],
        "办公室电话": office["phone"],
        "文书日期": when(day or clock.today()),
        "调解结果": session.outcome if session else "",
        "调解时间": when(session.held_on) if session else "",
        "调解方式": t(MODES.get(session.mode, session.mode)) if session else "",
        "补救措施": (
            t(REMEDIES.get(remedy.kind, remedy.kind))
            + (f" {yuan(remedy.amount_fen)}" if remedy.amount_fen else "")
            + (t("：") + remedy.what if remedy.what else "")
        )
        if remedy
        else "",
        "检测结论": (repairs[-1].diagnosis if repairs else "")
        or (finding.findings if finding else "")
        or _diagnosis(case),
        "调查情况": t("；").join(
            x for x in (finding.checked, finding.findings, t(CAUSES.get(finding.cause, finding.cause))) if x
        )
        if finding
        else "",
        "调查经过": finding.checked if finding else "",
        "调查原因": t(CAUSES.get(finding.cause, finding.cause)) if finding and finding.cause else "",
        "协议条款": _terms(terms, t, yuan, when),
        "调解地点": session.place if session else "",
        "拟调解时间": when(planned.starts_at.date()) + _clock_time(planned.starts_at, t) if planned else "",
        "拟调解地点": planned.place if planned else "",
        "拟调解方式": t(MODES.get(planned.mode, planned.mode)) if planned else "",
        "参加人员": planned.summoned if planned else "",
        "携带材料": (planned.bring or t("身份证明、购物凭证及相关证据")) if planned else "",
        "回访日期": when(follow_up.held_on) if follow_up else "",
        "回访方式": t(METHODS.get(follow_up.method, follow_up.method)) if follow_up else "",
        "满意度": t(SATISFACTION.get(str(follow_up.satisfaction), "")) if follow_up and follow_up.satisfaction else "",
        "回访备注": follow_up.remarks if follow_up else "",
        "经营者电话": business.phone,
        "购买渠道": t(vocab.PURCHASE_CHANNELS.get(purchase.channel, purchase.channel or "")),
        "订单号": purchase.order_no,
        "受理渠道": t(vocab.RECEIPT_CHANNELS.get(complaint.channel, complaint.channel or "")),
        "投诉类别": t(vocab.CATEGORIES.get(complaint.category, complaint.category or "")),
        "等级": t(vocab.GRADES.get(case.grade, case.grade)),
        "处理结果": _outcome(case, reason_text, t),
        **_counter(case, purchase, repairs, t, yuan, when, day or clock.today()),
    }


def _terms(terms, t, yuan, when) -> str:
    """The agreed terms as numbered clauses: who does what, how much, by when (RULES.md 7)."""
    lines = []
    for n, term in enumerate(terms, 1):
        line = t("（{n}）{party}于{due}前{remedy}{amount}").format(
            n=n,
            party=t(PARTIES.get(term.by_whom, term.by_whom)),
            due=when(term.due_on),
            remedy=t(REMEDIES.get(term.kind, term.kind)),
            amount=f" {yuan(term.amount_fen)}" if term.amount_fen else "",
        )
        if term.what:
            line += t("：") + term.what
        if term.done_on:
            line += t("（已于{day}履行）").format(day=when(term.done_on))
        lines.append(line + t("。"))
    return "\n".join(lines)


def _fonts_of(office: dict[str, str], language: str) -> tuple[str, str]:
    """The office's own 仿宋 and 小标宋 when it gave them, else the shipped 宋体; for Traditional
    Chinese the shipped 黑体 (the GB 2312 宋体 lacks traditional characters)."""
    shipped = fonts.HEI if language == "zh_TW" else fonts.SONG

    def font(key: str) -> str:
        sha = office[key]
        return fonts.office_font(sha, lambda: _load(sha)) if sha else shipped

    return font("body_font_sha"), font("title_font_sha")


def _clock_time(moment: dt.datetime, t) -> str:
    """上午9时30分 (in English: at 9:30), as a notice states a time."""
    hour = moment.hour
    return t("{part}{hour}时{minute:02d}分").format(
        part=t("上午") if hour < 12 else t("下午"),
        hour=hour if hour <= 12 else hour - 12,
        hour24=hour,
        minute=moment.minute,
    )


def _counter(case: Case, purchase, repairs: list, t, yuan, when, today: dt.date) -> dict[str, str]:
    """What a repair counter's slips say: the device as received, each repair, the advice on the
    day of issue, the remedy with its rule (or the reason it went against the advice), the
    amounts the customer may claim, the warranty before and after, the new device, the pickup."""
    device = case_file.one(Device, case.id)
    if device is None:
        return {}
    advice = sanbao.advice_for_case(case.id, today)
    offered = t("；").join(
        t("、").join(t(sanbao.REMEDY_LABELS[r]) for r in e.remedies) + t("（{rule}）").format(rule=t(e.rule))
        for e in advice.entitlements
        if set(e.remedies) - {"burden_of_proof"}
    )
    if device.remedy:
        chosen = t(machine.REMEDY_TITLES.get(device.remedy, device.remedy))
        how = (
            chosen + t("（依据：{rule}）").format(rule=t(device.remedy_rule))
            if device.remedy_rule
            else chosen + t("（不在三包建议之内；理由：{reason}）").format(reason=device.remedy_reason)
        )
    else:
        how = ""
    lines = []
    for n, r in enumerate(repairs, 1):
        line = t("（{n}）{start} {fault}：{diagnosis}").format(
            n=n,
            start=f"{r.started_on:%Y-%m-%d}",
            fault=t(tables.REPAIR_FAULTS.get(r.fault, r.fault)),
            diagnosis=r.diagnosis,
        )
        if r.parts:
            line += t("，更换{parts}").format(parts=r.parts)
        if r.finished_on:
            line += t("，{day} 修毕").format(day=f"{r.finished_on:%Y-%m-%d}")
        lines.append(line + t("，{result}。").format(result=t(tables.REPAIR_RESULTS.get(r.result, r.result))))
    quote = yuan(device.quote_fen) if device.quote_fen is not None else ""
    if quote:
        quote += t("（顾客已同意）") if device.quote_consent else t("（顾客未确认）")
    return {
        "商品类别": t(tables.PRODUCT_CLASS_TITLES.get(device.product_class, device.product_class)),
        "故障类型": t(tables.FAULT_KINDS.get(device.fault_kind, device.fault_kind)),
        "故障部位": t(tables.REPAIR_FAULTS.get(repairs[-1].fault if repairs else device.fault, device.fault)),
        "随机附件": device.accessories or t("无"),
        "外观": device.appearance,
        "报价": quote,
        "预计完成": when(device.expected_on),
        "三包建议": offered or t("；").join(t(n) for n in advice.notes[:1]),
        "可主张金额": t("；").join(
            t("{title} {amount}（{how}；{rule}）").format(
                title=t(a.title), amount=yuan(a.fen), how=a.how, rule=t(a.rule)
            )
            for a in advice.amounts
        ),
        "维修记录": "\n".join(lines),
        "更换配件": t("、").join(r.parts for r in repairs if r.parts) or t("无"),
        "维修人员": (repairs[-1].technician if repairs else "") or case.handler,
        "处理方式": how,
        "三包有效期": sanbao.warranty_text(case.id, today),
        "新机序列号": device.new_serial,
        "取机时间": f"{device.picked_up_at:%Y-%m-%d %H:%M}" if device.picked_up_at else "",
    }


def _diagnosis(case: Case) -> str:
    """A repair counter's diagnosis, when it was typed as the note of 检测完毕 rather than as a record."""
    found = case_file.latest(Event, case.id, _when, lambda e: e.kind == "status" and e.to_status == "diagnosed")
    return found.note if found is not None else ""


def _outcome(case: Case, reason_text: str, t) -> str:
    """What was decided, as a notice of the result says it: the last state reached before closing
    (agreed, terminated, exchanged, rejected …), and its ground."""
    profile = machine.office_profile()
    ending = set(profile.resolved) | set(profile.final)
    last = case_file.latest(Event, case.id, _when, lambda e: e.kind == "status" and e.to_status not in ending)
    reached = (last.to_status if last is not None else "") or case.status
    label = t(profile.states.get(reached, vocab.STATUSES.get(reached, reached)))
    return label + (t("：") + reason_text if reason_text else "")


def _when(event: Event) -> tuple:
    return (event.at, event.id)


def build(case_id: int, kind: str, *args, **kwargs) -> Document:
    """The document of `kind` for the case, from its rows read together (app/case_file.py)."""
    with case_file.opened(case_id):
        return _build(case_id, kind, *args, **kwargs)


def _build(
    case_id: int,
    kind: str,
    recipient: str | None = None,
    number: str = "",
    day: dt.date | None = None,
    delivery: str = "",
    replaces: str = "",
    draft: bool = False,
) -> Document:
    if kind not in tables.NOTICE_KINDS:
        raise DocumentError("未知的文书类型：{kind}（可选：{items}）", kind=kind, items=list(tables.NOTICE_KINDS))
    recipient = recipient or DEFAULT_RECIPIENT.get(kind, "complainant")
    if recipient not in RECIPIENTS:
        raise DocumentError("送达对象应为 {items}", items=list(RECIPIENTS))
    day = day or clock.today()
    language = i18n.office_language()
    t = i18n.translator(language, "documents")
    number = number or (t("（未编号草稿）") if draft else "")
    values = values_for(case_id, recipient, day, language, issuing=bool(number) and not draft)
    if number and not draft:  # inside issue's transaction: a refusal gives the number back
        _check_complete(kind, values)
    office = letterhead()
    if not office["name"]:
        raise DocumentError("请先在“设置 → 办公室设置”中填写办公室名称（文书抬头）")
    doc = Document(
        kind=kind,
        title=t(tables.NOTICE_KINDS[kind]),
        office=office["name"],
        number=number,
        day=day,
        body=templates.fill(wording.of_case(case_id, kind, language) or templates.get(kind, language), values),
        office_address=office["address"],
        office_phone=office["phone"],
        delivery=t(tables.DELIVERY.get(delivery, delivery)),
        replaces=replaces,
        draft=draft,
        signatures=SIGNERS.get(kind, []),
        language=language,
    )
    if kind == "mediation_agreement":
        doc.originals = 3
    if kind == "intake_receipt":
        doc.qr = t("{case_no} 查询码 {code}").format(case_no=values["案件号"], code=values["查询码"])
    if kind == "evidence_list":
        doc.row_headers = [t(h) for h in ("序号", "证据", "提供方", "收到时间")] + ["SHA-256"]
        items = [e for e in case_file.rows(Evidence, case_id) if not e.removed]
        doc.rows = [
            [
                str(i),
                t(KINDS.get(e.kind, e.kind)) + t("：") + (e.description or e.original_name),
                t(SUPPLIERS.get(e.supplier, e.supplier)),
                e.added_at.strftime("%Y-%m-%d %H:%M"),
                e.sha256,
            ]
            for i, e in enumerate(items, start=1)
        ]
    doc.body_font, doc.title_font = _fonts_of(office, language)
    if office["use_seal"] and office["seal_sha"]:
        doc.seal = _load(office["seal_sha"])
    if office["logo_sha"]:
        doc.logo = _load(office["logo_sha"])
    return doc


def draft(case_id: int, kind: str, recipient: str | None = None) -> bytes:
    """A preview: today's date, no number, marked as a draft; nothing is recorded."""
    return render(build(case_id, kind, recipient, draft=True))


def issue(
    case_id: int,
    kind: str,
    delivery: str,
    actor: str,
    recipient: str | None = None,
    replaces: int | None = None,
    day: dt.date | None = None,
) -> IssuedNotice:
    """Number, render, keep and record a document, in one transaction."""
    permissions.require("document.issue")
    if delivery not in tables.DELIVERY:
        raise DocumentError("请选择送达方式（{choices}）", choices=list(tables.DELIVERY.values()))
    day = day or clock.today()
    recipient = recipient or DEFAULT_RECIPIENT.get(kind, "complainant")
    with database.atomic():
        number = next_number(kind, day.year)
        # the case's rows read once for the document and for what the record checks (the case,
        # the notices it had); rebuilding its deadlines afterwards reads its own
        with case_file.opened(case_id):
            old = None
            if replaces is not None:
                old = next((n for n in case_file.rows(IssuedNotice, case_id) if n.id == replaces), None)
                if old is None:
                    raise DocumentError("要更正的文书不属于这件案件")
            pdf = render(_build(case_id, kind, recipient, number, day, delivery, old.number if old else ""))
            sha = _store(pdf)
            notice = machine.issue_notice(
                case_id, kind, delivery, actor, recipient=recipient, number=number, on=day, sha256=sha
            )
        if old is not None:
            IssuedNotice.update(replaces=old.id).where(IssuedNotice.id == notice.id).execute()
            timeline.write(
                case=case_id,
                at=notice.issued_at,
                actor=actor,
                kind="notice",
                field=kind,
                data={"number": number, "replaces": old.number},
            )
            notice.replaces = old.id
    return notice


def _check_complete(kind: str, values: dict[str, str]) -> None:
    """A document is issued only with what it exists to say (a draft may still show blanks)."""
    needs = tables.DOCUMENTS[kind].needs if kind in tables.DOCUMENTS else ()
    missing = [templates.PLACEHOLDERS.get(name, name) for name in needs if not values.get(name)]
    if missing:
        raise DocumentError("{kind}还缺：{items}。请先记录，再出具", kind=tables.NOTICE_KINDS[kind], items=missing)


def reprint(notice_id: int) -> bytes:
    """The issued PDF, byte for byte (same number, same date, same SHA-256)."""
    notice = IssuedNotice.get_or_none(IssuedNotice.id == notice_id)
    if notice is None:
        raise NotFound("没有这份文书（{id}）", id=notice_id)
    if not notice.sha256:
        raise DocumentError(
            "{document} 是只登记未存档的文书，无法重印", document=notice.number or tables.NOTICE_KINDS.get(notice.kind)
        )
    data = _load(notice.sha256)
    if hashlib.sha256(data).hexdigest() != notice.sha256:
        raise DocumentError("{number} 的存档已被改动，请运行“校验”", number=notice.number)
    return data


def verify_issued() -> list[tuple[str, str, str, str]]:
    """Re-hash the stored copy of every issued document: (case no, number, sha256, "missing" or
    "mismatch") for each one that is not byte for byte as issued."""
    rows = (
        IssuedNotice.select(IssuedNotice.number, IssuedNotice.sha256, Case.case_no)
        .join(Case)
        .where(IssuedNotice.sha256 != "")
        .order_by(IssuedNotice.id)
        .tuples()
    )
    seen: dict[str, str] = {}
    problems = []
    for number, sha, case_no in rows:
        if sha not in seen:
            seen[sha] = evidence.check_stored(sha)
        if seen[sha]:
            problems.append((case_no, number, sha, seen[sha]))
    return problems


def issued(case_id: int) -> list[IssuedNotice]:
    return sorted(case_file.rows(IssuedNotice, case_id), key=lambda n: (n.issued_at, n.id))


def _store(data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    evidence.store().put(sha, data)
    return sha


def _load(sha: str) -> bytes:
    try:
        return b"".join(evidence.store().read(sha))
    except (FileNotFoundError, evidence.NotFound):
        raise DocumentError("存档文件缺失（{sha}…），请运行“校验”", sha=sha[:12]) from None


def latest_or_draft(case_id: int, kind: str, recipient: str | None = None) -> tuple[bytes, str]:
    """The case's last issued copy of `kind` if there is one, else a draft (nothing recorded)."""
    latest = (
        IssuedNotice.select()
        .where((IssuedNotice.case == case_id) & (IssuedNotice.kind == kind) & (IssuedNotice.sha256 != ""))
        .order_by(IssuedNotice.id.desc())
        .first()
    )
    if latest is not None:
        return reprint(latest.id), latest.number
    return draft(case_id, kind, recipient), "草稿"


def batch(
    kind: str,
    status: str,
    issue_new: bool = False,
    delivery: str = "post",
    actor: str = "",
    recipient: str | None = None,
    progress=None,
    cancelled=None,
):
    """Many cases' documents of one kind, for the cases in `status`: yields (case number, document number, PDF).

    With `issue_new`, cases that have none issued yet get one issued now (each in its own
    transaction, so a cancel keeps what was issued before it); otherwise drafts.
    """
    if kind not in tables.NOTICE_KINDS:
        raise DocumentError("未知的文书类型：{kind}", kind=kind)
    ids = list(Case.select(Case.id, Case.case_no).where(Case.status == status).order_by(Case.case_no).tuples())
    for done, (case_id, case_no) in enumerate(ids, start=1):
        if cancelled and cancelled():
            raise Cancelled("已取消：完成 {n} 件，其余未处理", n=done - 1)
        has = (
            IssuedNotice.select()
            .where((IssuedNotice.case == case_id) & (IssuedNotice.kind == kind) & (IssuedNotice.sha256 != ""))
            .exists()
        )
        if issue_new and not has:
            notice = issue(case_id, kind, delivery, actor, recipient)
            yield case_no, notice.number, reprint(notice.id)
        else:
            data, number = latest_or_draft(case_id, kind, recipient)
            yield case_no, number, data
        if progress:
            progress(done, len(ids))

"""The fields a case records (RULES.md section 5), as data.

The intake form, the case view and the validation all read this one table, so a field
is added in one place. Values travel as text (what the clerk typed), booleans, or lists
of codes; `parse` turns them into what is stored, `show` turns stored values back.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from app import checks, clock, vocab
from app.errors import FieldError, Message
from app.models import Business, Case, Complainant, Complaint, Purchase

SECTIONS = {
    "complainant": "投诉人",
    "business": "被投诉经营者",
    "purchase": "购买信息",
    "complaint": "投诉内容",
    "case": "同意事项与关联",
}

MODELS = {
    "complainant": Complainant,
    "business": Business,
    "purchase": Purchase,
    "complaint": Complaint,
    "case": Case,
}


@dataclass(frozen=True)
class FieldSpec:
    key: str  # "section.name"
    label: str
    kind: str  # text, longtext, phone, id_number, uscc, date, received, amount, choice, multichoice, bool, case_ref
    required: bool = False
    choices: dict[str, str] = field(default_factory=dict)
    column: str = ""  # defaults to the name part of the key
    hint: str = ""

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]

    @property
    def model(self):
        return MODELS[self.section]

    @property
    def db_column(self) -> str:
        return self.column or self.name


F = FieldSpec
FIELDS: list[FieldSpec] = [
    F("complainant.name", "姓名", "text", required=True),
    F("complainant.phone", "联系电话", "phone", required=True, hint="手机 11 位或固话 010-12345678"),
    F("complainant.address", "通信地址", "text"),
    F("complainant.id_type", "证件类型", "choice", choices=vocab.ID_TYPES, hint="仅在需核实身份时登记"),
    F("complainant.id_number", "证件号码", "id_number"),
    F("complainant.agent_name", "代理人", "text"),
    F("complainant.agent_phone", "代理人电话", "phone"),
    F("complainant.agent_has_poa", "代理人已出具授权委托书", "bool"),
    F("business.name", "经营者名称", "text", required=True),
    F("business.uscc", "统一社会信用代码", "uscc", hint="18 位，知道时填写"),
    F("business.address", "经营地址", "text"),
    F("business.phone", "经营者电话", "phone"),
    F("business.contact", "联系人", "text"),
    F("business.platform", "网络平台", "text", hint="网购时填写平台名称"),
    F("business.shop", "网店名称", "text"),
    F("purchase.product", "商品或服务", "text"),
    F("purchase.brand", "品牌", "text"),
    F("purchase.model", "型号", "text"),
    F("purchase.serial", "序列号/IMEI", "text"),
    F("purchase.purchase_date", "购买日期", "date", hint="如 2026-03-05 或 2026年3月5日"),
    F("purchase.invoice_date", "发票日期", "date"),
    F("purchase.amount", "购买金额（元）", "amount", column="amount_fen"),
    F("purchase.channel", "购买渠道", "choice", choices=vocab.PURCHASE_CHANNELS),
    F("purchase.order_no", "订单号", "text"),
    F("complaint.channel", "受理渠道", "choice", required=True, choices=vocab.RECEIPT_CHANNELS),
    F("complaint.category", "投诉类别", "choice", required=True, choices=vocab.CATEGORIES),
    F("complaint.facts", "投诉事实", "longtext", required=True),
    F("complaint.harm_known_date", "知道权益受损日期", "date"),
    F("complaint.demands", "投诉请求", "multichoice", choices=vocab.DEMANDS),
    F("complaint.demand_amount", "请求金额（元）", "amount", column="demand_amount_fen"),
    F("complaint.demand_note", "请求说明", "text"),
    F(
        "case.received_at",
        "收到时间",
        "received",
        hint="信件、12315 或其他机关转来的：填本机构收到的日期（可加时间）；当场登记的留空",
    ),
    F("case.grade", "等级", "choice", choices={"": "（按建议）", **vocab.GRADES}, hint="登记时按类别和事实建议"),
    F("case.grade_reason", "改变建议等级的理由", "text"),
    F("case.consent_mediation", "同意调解", "bool"),
    F("case.consent_publish", "同意公开", "bool"),
    F("case.consent_handover", "同意移交其他机构", "bool"),
    F("case.earlier_case", "前次投诉案件号", "case_ref", column="earlier_case_id"),
    F("case.ref_12315", "12315 编号", "text"),
    F("case.linked_report_no", "关联举报案件号", "text"),
]
BY_KEY = {f.key: f for f in FIELDS}

MAX_TEXT = {"text": 300, "longtext": 20_000}
INVOICE_GRACE_DAYS = 7  # RULES.md 5: invoice ≥ purchase − a few days


def blank(spec: FieldSpec):
    if spec.kind == "bool":
        return False
    if spec.kind == "multichoice":
        return []
    if spec.kind == "choice":  # a required choice starts unchosen so the clerk must pick
        return "" if spec.required or "" in spec.choices else next(iter(spec.choices))
    return ""


def unstorable(text: str, multiline: bool = False) -> bool:
    """Control characters (NUL, ESC, BEL…) and lone surrogates: nothing a clerk types on purpose,
    and what breaks the archive workbook or the database driver. A long text keeps its line breaks and tabs."""
    allowed = "\n\t\r" if multiline else ""
    return any((unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed) for ch in text)


def parse(spec: FieldSpec, value, today: dt.date):
    """What the clerk entered → what is stored. Raises FieldError with the reason."""
    if spec.kind == "bool":
        return bool(value)
    if spec.kind == "multichoice":
        codes = [c for c in (value or []) if c]
        unknown = [c for c in codes if c not in spec.choices]
        if unknown:
            raise FieldError("未知选项：{options}", options=list(unknown))
        return ",".join(c for c in spec.choices if c in codes)
    text = ("" if value is None else str(value)).strip()
    if unstorable(text, multiline=spec.kind == "longtext"):
        raise FieldError("{field}含有不能保存的控制字符或残缺字符，请删去后重新输入", field=spec.label)
    if not text:
        if spec.required:
            raise FieldError("请选择{field}" if spec.kind == "choice" else "请填写{field}", field=spec.label)
        return None if spec.kind in ("date", "any_date", "received", "amount", "case_ref") else ""
    if spec.kind in MAX_TEXT and len(text) > MAX_TEXT[spec.kind]:
        raise FieldError("{field}过长（最多 {n} 字）", field=spec.label, n=MAX_TEXT[spec.kind])
    if spec.kind == "choice":
        if text not in spec.choices:
            raise FieldError("请选择{field}", field=spec.label)
        return text
    if spec.kind == "phone":
        return checks.phone(text)
    if spec.kind == "uscc":
        return checks.uscc(text)
    if spec.kind == "any_date":  # a date that may lie ahead, such as an agreed deadline
        return checks.date(text)
    if spec.kind == "date":
        value = checks.date(text)
        if value > today:
            raise FieldError("日期不能晚于今天")
        if value.year < 1900:
            raise FieldError("日期过早，请核对")
        return value
    if spec.kind == "amount":
        return checks.amount_fen(text)
    if spec.kind == "received":
        value = checks.moment(text)
        if value.date() > today:
            raise FieldError("收到时间不能晚于今天")
        if value.year < 1900:
            raise FieldError("日期过早，请核对")
        return value
    if spec.kind == "case_ref":
        found = Case.get_or_none(Case.case_no == text.upper())
        if found is None:
            raise FieldError("没有案件号为 {case_no} 的案件", case_no=text)
        return found.id
    return text  # text, longtext, id_number (checked with its type in cross_checks)


def show(spec: FieldSpec, stored) -> object:
    """Stored value → what a form shows (text, bool or list of codes)."""
    if spec.kind == "bool":
        return bool(stored)
    if spec.kind == "multichoice":
        return [c for c in (stored or "").split(",") if c]
    if stored is None:
        return ""
    if spec.kind == "received":
        return stored.strftime("%Y-%m-%d %H:%M") if isinstance(stored, dt.datetime) else str(stored)
    if spec.kind in ("date", "any_date"):
        return stored.isoformat() if isinstance(stored, dt.date) else str(stored)
    if spec.kind == "amount":
        return checks.yuan(stored)
    if spec.kind == "case_ref":
        found = Case.get_or_none(Case.id == stored)
        return found.case_no if found else ""
    return stored


def display(spec: FieldSpec, stored) -> str:
    """Stored value → one line of text for the timeline and read-only views."""
    shown = show(spec, stored)
    if spec.kind == "bool":
        return "是" if shown else "否"
    if spec.kind == "multichoice":
        return "、".join(spec.choices.get(c, c) for c in shown)
    if spec.kind == "choice":
        return spec.choices.get(shown, shown)
    return str(shown)


def cross_checks(values: dict, today: dt.date) -> dict[str, str]:
    """Checks between fields (RULES.md 5). `values` holds parsed values by key."""
    errors: dict[str, str] = {}
    id_type = values.get("complainant.id_type") or "none"
    number = checks.folded(values.get("complainant.id_number") or "").strip()
    if number:
        values["complainant.id_number"] = number  # stored as its one ASCII form
    if id_type == "none" and number:
        errors["complainant.id_type"] = Message("填写了证件号码，请选择证件类型")
    elif id_type != "none" and not number:
        errors["complainant.id_number"] = Message("请填写证件号码，或把证件类型设为“未登记”")
    elif id_type == "resident_id":
        try:
            values["complainant.id_number"] = checks.resident_id(number, today)
        except FieldError as exc:
            errors["complainant.id_number"] = exc.message
    elif number and not (4 <= len(number) <= 30):
        errors["complainant.id_number"] = Message("证件号码长度不对")
    purchase = values.get("purchase.purchase_date")
    invoice = values.get("purchase.invoice_date")
    harm = values.get("complaint.harm_known_date")
    if purchase and invoice and invoice < purchase - dt.timedelta(days=INVOICE_GRACE_DAYS):
        errors["purchase.invoice_date"] = Message("发票日期早于购买日期超过 {n} 天，请核对", n=INVOICE_GRACE_DAYS)
    if purchase and harm and harm < purchase:
        errors["complaint.harm_known_date"] = Message("知道权益受损的日期不能早于购买日期")
    return errors


# fields whose check depends on another's value: a change to the key re-checks these
TIED = {
    "complainant.id_type": ("complainant.id_number",),
    "complainant.id_number": ("complainant.id_type",),
    "purchase.purchase_date": ("purchase.invoice_date", "complaint.harm_known_date"),
}


def check_one(key: str, entered: dict, today: dt.date) -> str:
    """The message for one field as the clerk leaves it ("" when it is fine): its own
    check, then the checks that tie it to fields already filled (a resident ID's check
    digit once the type says resident ID). An empty field waits for saving."""
    value = entered.get(key, "")
    if isinstance(value, str) and not value.strip():
        return ""
    return validate(entered, today)[1].get(key, "")


def validate(entered: dict, today: dt.date | None = None) -> tuple[dict, dict[str, str]]:
    """Parse every field; returns (parsed values by key, error message by key)."""
    today = today or clock.today()
    parsed: dict = {}
    errors: dict[str, str] = {}
    for spec in FIELDS:
        try:
            parsed[spec.key] = parse(spec, entered.get(spec.key, blank(spec)), today)
        except FieldError as exc:
            errors[spec.key] = exc.message
    for key, msg in cross_checks(parsed, today).items():
        errors.setdefault(key, msg)
    return parsed, errors

"""The fields a case records (RULES.md section 5), as data.

The intake form, the case view and the validation all read this one table, so a field
is added in one place. Values travel as text (what the clerk typed), booleans, or lists
of codes; `parse` turns them into what is stored, `show` turns stored values back.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, replace

from app import checks, clock, vocab
from app.errors import FieldError, Message
from app.models import Business, Case, Complainant, Complaint, Device, Purchase
from app.workflow import tables

SECTIONS = {
    "complainant": "投诉人",
    "business": "被投诉经营者",
    "purchase": "购买信息",
    "complaint": "投诉内容",
    "device": "接机信息",
    "case": "同意事项与关联",
}
# the repair counter's own words for the sections it shows (its own shop is not a party)
COUNTER = tables.COUNTER
COUNTER_SECTIONS = {
    "complainant": "顾客",
    "purchase": "购买信息",
    "complaint": "故障情况",
    "device": "接机信息",
    "case": "关联与收到时间",
}

MODELS = {
    "complainant": Complainant,
    "business": Business,
    "purchase": Purchase,
    "complaint": Complaint,
    "device": Device,
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
    counter: str = ""  # at the repair counter: "" shown, "hide" not asked, "only" asked there alone
    counter_label: str = ""  # what the counter calls it, when that differs
    counter_required: bool | None = None  # whether the counter requires it, when that differs

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
    F("complainant.id_type", "证件类型", "choice", choices=vocab.ID_TYPES, hint="仅在需核实身份时登记", counter="hide"),
    F("complainant.id_number", "证件号码", "id_number", counter="hide"),
    F("complainant.agent_name", "代理人", "text", counter_label="代送修人"),
    F("complainant.agent_phone", "代理人电话", "phone", counter_label="代送修人电话"),
    F("complainant.agent_has_poa", "代理人已出具授权委托书", "bool", counter="hide"),
    F("business.name", "经营者名称", "text", required=True, counter="hide"),
    F("business.uscc", "统一社会信用代码", "uscc", hint="18 位，知道时填写", counter="hide"),
    F("business.address", "经营地址", "text", counter="hide"),
    F("business.phone", "经营者电话", "phone", counter="hide"),
    F("business.contact", "联系人", "text", counter="hide"),
    F("business.platform", "网络平台", "text", hint="网购时填写平台名称", counter="hide"),
    F("business.shop", "网店名称", "text", counter="hide"),
    F("purchase.product", "商品或服务", "text"),
    F("purchase.brand", "品牌", "text", counter_required=True),
    F("purchase.model", "型号", "text", counter_required=True),
    F("purchase.serial", "序列号/IMEI", "serial", counter_required=True, hint="手机拨 *#06# 显示 IMEI"),
    F("purchase.purchase_date", "购买日期", "date", hint="如 2026-03-05 或 2026年3月5日", counter_required=True),
    F("purchase.invoice_date", "发票日期", "date"),
    F("purchase.amount", "购买金额（元）", "amount", column="amount_fen"),
    F("purchase.channel", "购买渠道", "choice", choices=vocab.PURCHASE_CHANNELS),
    F("purchase.order_no", "订单号", "text", counter="hide"),
    F("complaint.channel", "受理渠道", "choice", required=True, choices=vocab.RECEIPT_CHANNELS, counter="hide"),
    F("complaint.category", "投诉类别", "choice", required=True, choices=vocab.CATEGORIES, counter="hide"),
    F("complaint.facts", "投诉事实", "longtext", required=True, counter_label="故障现象（顾客所述）"),
    F("complaint.harm_known_date", "知道权益受损日期", "date", counter_label="发现故障日期"),
    F("complaint.demands", "投诉请求", "multichoice", choices=vocab.DEMANDS, counter_label="顾客要求"),
    F("complaint.demand_amount", "请求金额（元）", "amount", column="demand_amount_fen", counter="hide"),
    F("complaint.demand_note", "请求说明", "text"),
    F(
        "device.product_class",
        "三包商品类别",
        "choice",
        choices={"": "（未选择）", **tables.PRODUCT_CLASS_TITLES},
        counter="only",
        counter_required=True,
        hint="决定三包有效期",
    ),
    F(
        "device.fault_kind",
        "故障类型",
        "choice",
        choices={"": "（未选择）", **tables.FAULT_KINDS},
        counter="only",
        counter_required=True,
    ),
    F(
        "device.fault",
        "故障部位",
        "choice",
        choices={"": "（未选择）", **tables.REPAIR_FAULTS},
        counter="only",
        counter_required=True,
        hint="同一部位再次故障按同一故障计",
    ),
    F("device.accessories", "随机附件", "text", counter="only", hint="如 充电器、数据线、包装盒"),
    F("device.appearance", "外观", "text", counter="only", counter_required=True, hint="如 屏幕完好，背壳左上角划痕"),
    F("device.quote", "报价（元）", "amount", column="quote_fen", counter="only", hint="保内免费填 0"),
    F("device.quote_consent", "顾客同意报价", "bool", counter="only"),
    F("device.expected_on", "预计完成日期", "any_date", counter="only"),
    F(
        "case.received_at",
        "收到时间",
        "received",
        hint="信件、12315 或其他机关转来的：填本机构收到的日期（可加时间）；当场登记的留空",
    ),
    F(
        "case.grade",
        "等级",
        "choice",
        choices={"": "（按建议）", **vocab.GRADES},
        hint="登记时按类别和事实建议",
        counter="hide",
    ),
    F("case.grade_reason", "改变建议等级的理由", "text", counter="hide"),
    F("case.consent_mediation", "同意调解", "bool", counter="hide"),
    F("case.consent_publish", "同意公开", "bool", counter="hide"),
    F("case.consent_handover", "同意移交其他机构", "bool", counter="hide"),
    F("case.earlier_case", "前次投诉案件号", "case_ref", column="earlier_case_id", counter_label="上次送修单号"),
    F("case.ref_12315", "12315 编号", "text", counter="hide"),
    F("case.linked_report_no", "关联举报案件号", "text", counter="hide"),
]
BY_KEY = {f.key: f for f in FIELDS}


def for_profile(profile: str) -> list[FieldSpec]:
    """The fields an office of `profile` asks for, in its own words (the counter says 顾客)."""
    if profile != COUNTER:
        return [f for f in FIELDS if f.counter != "only"]
    return [
        replace(
            f,
            label=f.counter_label or f.label,
            required=f.required if f.counter_required is None else f.counter_required,
        )
        for f in FIELDS
        if f.counter != "hide"
    ]


def sections_for(profile: str) -> dict[str, str]:
    """The section titles of `profile`'s form, in order; a section without fields is left out."""
    if profile == COUNTER:
        return COUNTER_SECTIONS
    return {k: v for k, v in SECTIONS.items() if k != "device"}


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
    if spec.kind == "serial":
        return checks.serial(text)
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


def check_one(key: str, entered: dict, today: dt.date, profile: str | None = None) -> str:
    """The message for one field as the clerk leaves it ("" when it is fine): its own
    check, then the checks that tie it to fields already filled (a resident ID's check
    digit once the type says resident ID). An empty field waits for saving."""
    value = entered.get(key, "")
    if isinstance(value, str) and not value.strip():
        return ""
    return validate(entered, today, profile)[1].get(key, "")


def checked(profile: str | None) -> list[FieldSpec]:
    """What a save of `profile` parses: the fields it asks for, in its words, and those it does
    not ask but a case still stores (the counter's own shop as the business, filled for it)."""
    if profile is None:
        return [f for f in FIELDS if f.counter != "only"]
    asked = {f.key: f for f in for_profile(profile)}
    return [asked.get(f.key, f) for f in FIELDS if f.key in asked or f.counter != "only"]


def validate(entered: dict, today: dt.date | None = None, profile: str | None = None) -> tuple[dict, dict[str, str]]:
    """Parse every field `profile` stores; returns (parsed values by key, error message by key)."""
    today = today or clock.today()
    parsed: dict = {}
    errors: dict[str, str] = {}
    for spec in checked(profile):
        try:
            parsed[spec.key] = parse(spec, entered.get(spec.key, blank(spec)), today)
        except FieldError as exc:
            errors[spec.key] = exc.message
    for key, msg in cross_checks(parsed, today).items():
        errors.setdefault(key, msg)
    return parsed, errors

"""The archive workbook's case sheets as tables of columns, used both ways: the export writes
a sheet from its table, the import finds each column by its header and reads it back with the
same table. The intake's fields are taken from the field table, so a field added there is
archived and restored without a line here.

A header that an earlier version of the program wrote is still read (LEGACY_HEADERS), so an
office's old archives stay restorable.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from app import fields
from app.models import Event, JSONField

# column widths by kind, in Excel's character units
WIDTHS = {
    "case_no": 17,
    "datetime": 17,
    "received": 17,
    "longtext": 60,
    "phone": 14,
    "id_number": 20,
    "uscc": 20,
    "date": 12,
    "amount": 14,
    "choice": 10,
    "multichoice": 16,
    "bool": 8,
    "case_ref": 17,
    "status": 10,
    "derived": 60,
}


@dataclass(frozen=True)
class Column:
    header: str
    section: str  # the record it belongs to: case, complaint, complainant, business, purchase, event
    column: str  # the model's column
    kind: str  # a FieldSpec kind, or case_no / datetime / status / derived (written, not read back)
    choices: dict[str, str] = field(default_factory=dict)
    key: str = ""  # the intake field's key, when the column is one
    width: int = 0
    optional: bool = False  # an archive from an earlier version may lack it

    @property
    def shown_width(self) -> int:
        return self.width or WIDTHS.get(self.kind, 16 if self.section != "event" else 12)


def _field_columns(section: str) -> list[Column]:
    return [
        Column(s.label, s.section, s.db_column, s.kind, s.choices, s.key) for s in fields.FIELDS if s.section == section
    ]


def model_of(section: str):
    return Event if section == "event" else fields.MODELS[section]


CASE_NO = Column("案件号", "case", "case_no", "case_no")


@dataclass(frozen=True)
class Sheet:
    title: str
    section: str  # the record one row stands for
    columns: list[Column]

    @property
    def model(self):
        return model_of(self.section)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def cases() -> Sheet:
    return Sheet(
        "案件",
        "case",
        [
            CASE_NO,
            Column("登记时间", "case", "registered_at", "datetime", optional=True),
            Column("状态", "case", "status", "status"),
            *_field_columns("complaint"),
            Column("经办人", "case", "handler", "text", width=10),
            Column("调解员", "case", "mediator", "text", width=10),
            *_field_columns("case"),
            Column("更新时间", "case", "updated_at", "datetime"),
        ],
    )


def parties() -> list[Sheet]:
    """The sheets of the case's other records, one row per case each."""
    return [
        Sheet("投诉人", "complainant", [CASE_NO, *_field_columns("complainant")]),
        Sheet("经营者", "business", [CASE_NO, *_field_columns("business")]),
        Sheet("购买", "purchase", [CASE_NO, *_field_columns("purchase")]),
    ]


EVENTS = Sheet(
    "时间线",
    "event",
    [
        CASE_NO,
        Column("时间", "event", "at", "datetime"),
        Column("经办人", "event", "actor", "text", width=10),
        Column("事件", "event", "", "derived"),
        *(
            Column(header, "event", name, "text", width=width)
            for header, name, width in (
                ("类型", "kind", 8),
                ("字段", "field", 12),
                ("原值", "old_value", 12),
                ("新值", "new_value", 12),
                ("原状态", "from_status", 10),
                ("新状态", "to_status", 10),
                ("理由", "reason", 6),
                ("备注", "note", 30),
            )
        ),
        Column("详情", "event", "data", "json", width=30),
    ],
)


def restored() -> list[Sheet]:
    """The sheets an archive is restored from, in the order they are written and read; built
    from the field table when asked, so a field added there is in the next archive."""
    return [cases(), *parties(), EVENTS]


# headers written by earlier versions → today's header, per sheet
LEGACY_HEADERS = {
    "案件": {
        "类别": "投诉类别",
        "知道受损日期": "知道权益受损日期",
        "同意移交": "同意移交其他机构",
        "前次投诉": "前次投诉案件号",
    },
    "投诉人": {"姓名": "姓名", "电话": "联系电话", "地址": "通信地址", "授权委托书": "代理人已出具授权委托书"},
    "经营者": {"名称": "经营者名称", "地址": "经营地址", "电话": "经营者电话"},
    "购买": {"金额（元）": "购买金额（元）"},
}

# before schema v16 the case sheet's 登记时间 was the received time
LEGACY_WHEN_MISSING = {"案件": {"登记时间": "收到时间"}}

YES, NO = "是", "否"


def writer(column: Column, states: dict[str, str]) -> Callable[[object], object] | None:
    """Stored value → the cell: dates stay dates and money numbers, so Excel sorts and sums them;
    codes become their labels. None where the value is the cell as it is (texts and dates: the
    sheet's writer makes an empty text an empty cell)."""
    kind = column.kind
    if kind == "bool":
        return lambda v: YES if v else NO
    if kind == "json":  # the stored text as it is: the program wrote it with JSONField.dump
        return lambda v: (v if isinstance(v, str) else JSONField.dump(v)) if v not in ("", "{}", None) else None
    if kind == "amount":
        return lambda v: None if v is None else v / 100
    if kind == "status":
        return lambda v: states.get(v, v)
    if kind == "choice":
        choices = column.choices
        return lambda v: choices.get(v, v) if v else None
    if kind == "multichoice":
        choices = column.choices
        return lambda v: "、".join(choices.get(c, c) for c in v.split(",") if c) or None if v else None
    return None


class CellProblem(ValueError):
    """A cell the table cannot read back; str() says what is wrong with it."""


def reader(column: Column, status_codes: dict[str, str]) -> Callable[[object], object]:
    """The cell → the stored value (the writer's inverse; `status_codes`: every label a state
    has had → its code); raises CellProblem."""
    kind = column.kind
    if kind == "bool":
        return lambda v: v == YES
    if kind == "json":

        def values(v) -> dict:
            try:
                return json.loads(v) if v not in (None, "") else {}
            except (TypeError, ValueError):
                raise CellProblem("不是本程序写出的事件详情") from None

        return values
    if kind == "amount":
        return lambda v: None if v in (None, "") else int(round(Decimal(repr(v)) * 100))
    if kind == "date":
        return lambda v: v.date() if isinstance(v, dt.datetime) else v
    if kind in ("datetime", "received"):
        return lambda v: v
    if kind in ("status", "choice", "multichoice"):
        codes = status_codes if kind == "status" else {label: code for code, label in column.choices.items()}

        def code(label) -> str:
            if label in codes:
                return codes[label]
            raise CellProblem(f"未知的{column.header}")

        if kind == "multichoice":
            return lambda v: ",".join(code(x) for x in text(v).split("、") if x)
        return lambda v: "" if v in (None, "") else code(v)
    return text


def cell_text(value) -> str:
    """A cell as a clerk would have typed it: phone and ID numbers typed into number cells
    lose their ".0", a date without a time has none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def text(value) -> str:
    """A text cell read back as written (spaces and line breaks kept)."""
    return value if isinstance(value, str) else cell_text(value)


def locate(sheet: Sheet, head: list) -> dict[str, int] | str:
    """Each column's position from a header row, old headers read as today's; or what is wrong."""
    legacy = dict(LEGACY_HEADERS.get(sheet.title, {}))
    names = {str(n).strip() for n in head if n is not None}
    for old, new in LEGACY_WHEN_MISSING.get(sheet.title, {}).items():
        if new not in names:
            legacy[old] = new
    found: dict[str, int] = {}
    for i, name in enumerate(head):
        if name is None:
            continue
        name = legacy.get(str(name).strip(), str(name).strip())
        if name in found:
            return f"表头“{name}”出现两次"
        found[name] = i
    wanted = [c.header for c in sheet.columns if c.kind != "derived" and not c.optional]
    missing = [h for h in wanted if h not in found]
    unknown = [h for h in found if h not in sheet.headers]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("缺少" + "、".join(missing))
        if unknown:
            parts.append("多出" + "、".join(unknown))
        return "；".join(parts)
    return found

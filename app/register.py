"""The case register as the database sees it: a filter, a sort, and pages of rows.

The UI asks for a count and then for pages as the user scrolls; nothing here ever
loads the whole table. Sorting and filtering happen in SQL on indexed columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from app import checks, search, vocab
from app.models import Business, Case, Complainant, Complaint, Purchase


@dataclass(frozen=True)
class RegisterFilter:
    status: str = ""
    category: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort_field: object


COLUMNS = [
    Column("case_no", "案件号", Case.case_no),
    Column("received_at", "登记时间", Case.received_at),
    Column("status", "状态", Case.status),
    Column("category", "类别", Complaint.category),
    Column("complainant", "投诉人", Complainant.name),
    Column("phone", "电话", Complainant.phone),
    Column("business", "被投诉经营者", Business.name),
    Column("product", "商品或服务", Purchase.product),
    Column("amount", "请求金额（元）", Complaint.demand_amount_fen),
    Column("handler", "经办人", Case.handler),
]
COLUMN_KEYS = [c.key for c in COLUMNS]


@dataclass(frozen=True)
class RegisterRow:
    id: int
    case_no: str
    received_at: dt.datetime
    status: str
    category: str
    complainant: str
    phone: str
    business: str
    product: str
    amount_fen: int | None
    handler: str

    def text(self, key: str) -> str:
        """The cell as the register shows it: labels, masked phone (RULES.md 6)."""
        if key == "received_at":
            return self.received_at.strftime("%Y-%m-%d %H:%M") if self.received_at else ""
        if key == "status":
            return vocab.label(vocab.STATUSES, self.status)
        if key == "category":
            return vocab.label(vocab.CATEGORIES, self.category)
        if key == "phone":
            return checks.mask_phone(self.phone)
        if key == "amount":
            return checks.yuan(self.amount_fen)
        return getattr(self, key) or ""


def _base(selection):
    return (
        Case.select(*selection)
        .join(Complainant, on=(Case.complainant == Complainant.id))
        .switch(Case)
        .join(Business, on=(Case.business == Business.id))
        .switch(Case)
        .join(Purchase, JOIN.LEFT_OUTER, on=(Purchase.case == Case.id))
        .switch(Case)
        .join(Complaint, JOIN.LEFT_OUTER, on=(Complaint.case == Case.id))
    )


def _where(query, flt: RegisterFilter):
    if flt.status:
        query = query.where(Case.status == flt.status)
    if flt.category:
        query = query.where(Complaint.category == flt.category)
    if flt.date_from:
        query = query.where(Case.received_at >= dt.datetime.combine(flt.date_from, dt.time.min))
    if flt.date_to:
        query = query.where(Case.received_at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time.min))
    cond = search.matching(flt.text)
    if cond is not None:
        query = query.where(cond)
    return query


def count(flt: RegisterFilter) -> int:
    if not (flt.category or flt.text):
        # no join needed: COUNT on the case table's own indexes
        return _where(Case.select(fn.COUNT(Case.id)), flt).scalar()
    query = Case.select(fn.COUNT(Case.id)).join(Complaint, JOIN.LEFT_OUTER, on=(Complaint.case == Case.id))
    return _where(query, flt).scalar()


def page(flt: RegisterFilter, sort_key: str, descending: bool, offset: int, limit: int) -> list[RegisterRow]:
    column = next((c for c in COLUMNS if c.key == sort_key), COLUMNS[1])
    order = column.sort_field.desc() if descending else column.sort_field.asc()
    tiebreak = Case.id.desc() if descending else Case.id.asc()
    query = _where(
        _base(
            [
                Case.id,
                Case.case_no,
                Case.received_at,
                Case.status,
                Complaint.category,
                Complainant.name,
                Complainant.phone,
                Business.name,
                Purchase.product,
                Complaint.demand_amount_fen,
                Case.handler,
            ]
        ),
        flt,
    )
    rows = query.order_by(order, tiebreak).limit(limit).offset(offset).tuples()
    return [RegisterRow(*r) for r in rows]


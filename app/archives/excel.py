"""The register as shown, to .xlsx: Chinese headers, real dates and numbers, frozen header,
autofilter. Streamed a page at a time (openpyxl write_only), so memory stays flat; written
to a temporary name and renamed, so a cancelled export leaves no half-written file."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from peewee import JOIN

from app import audit, db, permissions, privacy, register, vocab
from app import cases as case_service
from app.errors import Cancelled, ComplaintDeskError
from app.evidence import KINDS, SUPPLIERS
from app.models import (
    Business,
    Case,
    Complainant,
    Complaint,
    Event,
    Evidence,
    FollowUp,
    Investigation,
    IssuedNotice,
    MediationSession,
    Purchase,
    RegisterEntry,
    Remedy,
)
from app.records import CAUSES, METHODS, MODES, PARTIES, REMEDIES, SATISFACTION
from app.register import RegisterFilter
from app.workflow.tables import DELIVERY, NOTICE_KINDS

PAGE = 2000
WIDTHS = {
    "case_no": 17,
    "received_at": 17,
    "status": 10,
    "category": 10,
    "complainant": 10,
    "phone": 14,
    "business": 32,
    "product": 16,
    "amount": 14,
    "handler": 10,
    "due": 17,
}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8F0FE")


class ExportError(ComplaintDeskError):
    """The export could not be written; the message says why."""


def _value(row: register.RegisterRow, key: str, statuses: dict[str, str]):
    """Dates as dates and money as numbers, so Excel can sort and sum them."""
    if key == "received_at":
        return row.received_at
    if key == "due":
        return row.due_at
    if key == "amount":
        return None if row.amount_fen is None else row.amount_fen / 100
    return row.text(key, statuses)


def export_register(
    flt: RegisterFilter,
    sort_key: str,
    descending: bool,
    out: str | Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write every row the register shows for `flt` in its order; returns the rows written."""
    permissions.require("export.register")
    out = _target(out)
    total = register.count(flt)
    statuses = register.status_choices()
    keys = register.COLUMN_KEYS
    book = Workbook(write_only=True)
    sheet = book.create_sheet("案件登记簿")
    sheet.freeze_panes = "A2"
    for i, key in enumerate(keys, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(key, 12)
    header = []
    for column in register.COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{total + 1}"
    date_format = {"received_at": "yyyy-mm-dd hh:mm", "due": "yyyy-mm-dd hh:mm", "amount": "#,##0.00"}

    def write(rows) -> None:
        for row in rows:
            cells = []
            for key in keys:
                cell = text_cell(sheet, _value(row, key, statuses), always_cell=True)
                if key in date_format:
                    cell.number_format = date_format[key]
                cells.append(cell)
            sheet.append(cells)

    written = _stream(
        book, lambda offset: register.page(flt, sort_key, descending, offset, PAGE), total, write, progress, cancelled
    )
    _save(book, out)
    _audit("export.register", out, flt, rows=written)
    return written


def _audit(action: str, out: Path, flt: RegisterFilter | None, **detail) -> None:
    """Exports leave the building: who took what, with which filter, is on the audit trail."""
    from dataclasses import asdict

    conditions = {k: v for k, v in asdict(flt).items() if v} if flt is not None else {}
    audit.record(action, {"file": out.name, "filter": conditions, **detail})


# --- the full archive workbook ------------------------------------------------------------


def _chunks(query, id_field, size: int = 5000):
    """Keyset pages of a query (WHERE id > last), so memory stays flat on any database."""
    last = 0
    while True:
        rows = list(query.where(id_field > last).order_by(id_field).limit(size))
        if not rows:
            return
        yield rows
        last = rows[-1].id if hasattr(rows[-1], "id") else rows[-1][0]


class _Ev(NamedTuple):
    """The columns of an event describe() reads, from a plain tuple (no model objects per row)."""

    kind: str
    field: str
    old_value: str
    new_value: str
    from_status: str
    to_status: str
    reason: str
    note: str


# The sheets of the archive workbook and their headers; the import reads them back by these names.
CASE_HEADERS = [
    "案件号",
    "登记时间",
    "状态",
    "受理渠道",
    "类别",
    "投诉事实",
    "知道受损日期",
    "投诉请求",
    "请求金额（元）",
    "请求说明",
    "经办人",
    "调解员",
    "同意调解",
    "同意公开",
    "同意移交",
    "12315 编号",
    "关联举报案件号",
    "前次投诉",
    "更新时间",
]
COMPLAINANT_HEADERS = ["案件号", "姓名", "电话", "地址", "证件类型", "证件号码", "代理人", "代理人电话", "授权委托书"]
BUSINESS_HEADERS = ["案件号", "名称", "统一社会信用代码", "地址", "电话", "联系人", "网络平台", "网店"]
PURCHASE_HEADERS = [
    "案件号",
    "商品或服务",
    "品牌",
    "型号",
    "序列号/IMEI",
    "购买日期",
    "发票日期",
    "金额（元）",
    "购买渠道",
    "订单号",
]
EVENT_HEADERS = ["案件号", "时间", "经办人", "事件", "类型", "字段", "原值", "新值", "原状态", "新状态", "理由", "备注"]


def export_archive(
    out: str | Path,
    flt: RegisterFilter | None = None,
    full_values: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """One workbook with a sheet per kind of record, for the cases `flt` selects (all by default).

    Personal numbers are masked unless `full_values` (RULES.md 6). Rows are read as plain
    tuples a keyset page at a time and labels come from dicts built once, so the cost per
    row stays close to openpyxl's own. Returns the cases written.
    """
    permissions.require("export.full" if full_values else "export.register")

    out = _target(out)
    flt = flt or RegisterFilter()
    selected = register._where(RegisterEntry.select(RegisterEntry.case), flt)
    total = register.count(flt)
    states = register.status_choices()
    channels, categories, id_types = vocab.RECEIPT_CHANNELS, vocab.CATEGORIES, vocab.ID_TYPES
    buying = vocab.PURCHASE_CHANNELS
    yes = {True: "是", False: "否", None: "否"}  # 1 and 0 are True and False
    book = Workbook(write_only=True)
    done = [0]

    def sheet(title: str, headers: list[str], widths: list[int]):
        return _new_sheet(book, title, headers, widths)

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(min(done[0], total * 8), total * 8)
        if cancelled and cancelled():
            _discard(book)
            raise Cancelled("已取消导出，未生成文件")

    def each(query, id_field):
        for rows in _chunks(query.tuples(), id_field):
            yield rows
            tick(len(rows))

    ws = sheet("案件", CASE_HEADERS, [17, 17, 10, 10, 10, 60, 12, 16, 14, 20, 10, 10, 8, 8, 8, 16, 16, 17, 17])
    earlier = Case.alias()
    query = (
        Case.select(
            Case.id,
            Case.case_no,
            Case.received_at,
            Case.status,
            Complaint.channel,
            Complaint.category,
            Complaint.facts,
            Complaint.harm_known_date,
            Complaint.demands,
            Complaint.demand_amount_fen,
            Complaint.demand_note,
            Case.handler,
            Case.mediator,
            Case.consent_mediation,
            Case.consent_publish,
            Case.consent_handover,
            Case.ref_12315,
            Case.linked_report_no,
            earlier.case_no,
            Case.updated_at,
        )
        .join(Complaint, on=(Complaint.case == Case.id))
        .switch(Case)
        .join(earlier, JOIN.LEFT_OUTER, on=(Case.earlier_case == earlier.id))
        .where(Case.id.in_(selected))
    )
    written = 0
    append = text_rows(ws)
    for rows in each(query, Case.id):
        for (
            _,
            no,
            at,
            status,
            channel,
            category,
            facts,
            harm,
            demands,
            amount,
            note,
            handler,
            mediator,
            c1,
            c2,
            c3,
            ref,
            linked,
            earlier_no,
            updated,
        ) in rows:
            append(
                [
                    no,
                    at,
                    states.get(status, status),
                    channels.get(channel, channel),
                    categories.get(category, category),
                    facts,
                    harm,
                    vocab.demand_labels(demands),
                    None if amount is None else amount / 100,
                    note or None,
                    handler,
                    mediator or None,
                    yes[c1],
                    yes[c2],
                    yes[c3],
                    ref or None,
                    linked or None,
                    earlier_no,
                    updated,
                ]
            )
        written += len(rows)

    ws = sheet("投诉人", COMPLAINANT_HEADERS, [17, 10, 14, 36, 12, 20, 10, 14, 8])
    query = (
        Complainant.select(
            Complainant.id,
            Case.case_no,
            Complainant.name,
            Complainant.phone,
            Complainant.address,
            Complainant.id_type,
            Complainant.id_number,
            Complainant.agent_name,
            Complainant.agent_phone,
            Complainant.agent_has_poa,
            Case.id,
        )
        .join(Case, on=(Case.complainant == Complainant.id))
        .where(Case.id.in_(selected))
    )
    append = text_rows(ws)
    for rows in each(query, Complainant.id):
        # the stored numbers are masked copies; the full ones are a recorded reveal, a page at a time
        full = privacy.reveal([r[-1] for r in rows], "export") if full_values else {}
        for _, no, name, tel, address, id_type, id_number, agent, agent_tel, poa, case_id in rows:
            numbers = full.get(case_id, {})
            append(
                [
                    no,
                    name,
                    numbers.get("complainant.phone", tel) or None,
                    address or None,
                    id_types.get(id_type, id_type),
                    numbers.get("complainant.id_number", id_number) or None,
                    agent or None,
                    numbers.get("complainant.agent_phone", agent_tel) or None,
                    yes[poa] if agent else None,
                ]
            )

    ws = sheet("经营者", BUSINESS_HEADERS, [17, 32, 20, 36, 14, 10, 10, 24])
    query = (
        Business.select(
            Business.id,
            Case.case_no,
            Business.name,
            Business.uscc,
            Business.address,
            Business.phone,
            Business.contact,
            Business.platform,
            Business.shop,
        )
        .join(Case, on=(Case.business == Business.id))
        .where(Case.id.in_(selected))
    )
    append = text_rows(ws)
    for rows in each(query, Business.id):
        for row in rows:
            append([v if v != "" else None for v in row[1:]])

    ws = sheet("购买", PURCHASE_HEADERS, [17, 16, 10, 12, 20, 12, 12, 12, 10, 20])
    query = (
        Purchase.select(
            Purchase.id,
            Case.case_no,
            Purchase.product,
            Purchase.brand,
            Purchase.model,
            Purchase.serial,
            Purchase.purchase_date,
            Purchase.invoice_date,
            Purchase.amount_fen,
            Purchase.channel,
            Purchase.order_no,
        )
        .join(Case)
        .where(Case.id.in_(selected))
    )
    append = text_rows(ws)
    for rows in each(query, Purchase.id):
        for _, no, product, brand, model, serial, bought, invoiced, amount, channel, order in rows:
            append(
                [
                    no,
                    product or None,
                    brand or None,
                    model or None,
                    serial or None,
                    bought,
                    invoiced,
                    None if amount is None else amount / 100,
                    buying.get(channel, channel) if channel else None,
                    order or None,
                ]
            )

    ws = sheet("时间线", EVENT_HEADERS, [17, 17, 10, 60, 8, 12, 12, 12, 10, 10, 6, 30])
    query = (
        Event.select(
            Event.id,
            Case.case_no,
            Event.at,
            Event.actor,
            Event.kind,
            Event.field,
            Event.old_value,
            Event.new_value,
            Event.from_status,
            Event.to_status,
            Event.reason,
            Event.note,
        )
        .join(Case)
        .where(Case.id.in_(selected))
    )
    append, describe = text_rows(ws), case_service.describe
    for rows in each(query, Event.id):
        for row in rows:
            ev = _Ev(*row[4:])
            append([row[1], row[2], row[3], describe(ev, states), *[v if v != "" else None for v in row[4:]]])

    def records(ws, model, columns, row) -> None:
        """One sheet row per record of `model` of the selected cases: (id, case number, *columns) → row(...)."""
        query = model.select(model.id, Case.case_no, *columns).join(Case).where(Case.id.in_(selected))
        append = text_rows(ws)
        for rows in each(query, model.id):
            for values in rows:
                append(row(*values))

    ws = sheet(
        "调查与调解", ["案件号", "记录", "日期", "方式/原因", "人员", "内容", "结果"], [17, 8, 12, 10, 20, 50, 40]
    )
    i = Investigation
    records(
        ws,
        i,
        [i.held_on, i.cause, i.with_whom, i.checked, i.findings],
        lambda _, no, held, cause, whom, checked, findings: [
            no,
            "调查",
            held,
            CAUSES.get(cause, cause),
            whom,
            checked,
            findings,
        ],
    )
    m = MediationSession
    records(
        ws,
        m,
        [m.held_on, m.mode, m.mediator, m.participants, m.complainant_statement, m.business_statement, m.outcome],
        lambda _, no, held, mode, mediator, participants, said_c, said_b, outcome: [
            no,
            "调解",
            held,
            MODES.get(mode, mode),
            f"{mediator}；{participants}",
            f"投诉人：{said_c}\n经营者：{said_b}",
            outcome,
        ],
    )

    ws = sheet(
        "协议条款",
        ["案件号", "序号", "履行方", "处理方式", "金额（元）", "具体内容", "履行期限", "履行日期", "记录人"],
        [17, 6, 8, 10, 12, 40, 12, 12, 10],
    )
    r = Remedy
    records(
        ws,
        r,
        [r.by_whom, r.kind, r.amount_fen, r.what, r.due_on, r.done_on, r.recorded_by],
        lambda rid, no, whom, kind, fen, what, due, performed, by: [
            no,
            rid,
            PARTIES.get(whom, whom),
            REMEDIES.get(kind, kind),
            None if fen is None else fen / 100,
            what or None,
            due,
            performed,
            by,
        ],
    )

    ws = sheet("回访", ["案件号", "日期", "方式", "满意度", "备注", "回访人"], [17, 12, 8, 12, 50, 10])
    f = FollowUp
    records(
        ws,
        f,
        [f.held_on, f.method, f.satisfaction, f.remarks, f.recorded_by],
        lambda _, no, held, method, satisfaction, remarks, by: [
            no,
            held,
            METHODS.get(method, method),
            SATISFACTION.get(str(satisfaction)),
            remarks or None,
            by,
        ],
    )

    ws = sheet(
        "证据索引",
        [
            "案件号",
            "编号",
            "类别",
            "提供方",
            "说明",
            "原文件名",
            "大小（字节）",
            "类型",
            "SHA-256",
            "添加人",
            "添加时间",
            "已移除",
            "移除理由",
        ],
        [17, 6, 10, 8, 24, 24, 12, 16, 66, 10, 17, 6, 20],
    )
    query = (
        Evidence.select(
            Evidence.id,
            Case.case_no,
            Evidence.kind,
            Evidence.supplier,
            Evidence.description,
            Evidence.original_name,
            Evidence.size,
            Evidence.mime,
            Evidence.sha256,
            Evidence.added_by,
            Evidence.added_at,
            Evidence.removed,
            Evidence.removed_reason,
        )
        .join(Case)
        .where(Case.id.in_(selected))
    )
    for rows in each(query, Evidence.id):
        for eid, no, kind, supplier, description, name, size, mime, sha, by, at, removed, why in rows:
            text_rows(ws)(
                [
                    no,
                    eid,
                    KINDS.get(kind, kind),
                    SUPPLIERS.get(supplier, supplier),
                    description,
                    name,
                    size,
                    mime,
                    sha,
                    by,
                    at,
                    yes[removed],
                    why,
                ]
            )

    ws = sheet(
        "文书",
        ["案件号", "文书", "文号", "日期", "送达方式", "送达对象", "SHA-256", "出具人"],
        [17, 16, 24, 12, 10, 10, 66, 10],
    )
    query = (
        IssuedNotice.select(
            IssuedNotice.id,
            Case.case_no,
            IssuedNotice.kind,
            IssuedNotice.number,
            IssuedNotice.issued_on,
            IssuedNotice.delivery,
            IssuedNotice.recipient,
            IssuedNotice.sha256,
            IssuedNotice.issued_by,
        )
        .join(Case)
        .where(Case.id.in_(selected))
    )
    recipients = {"complainant": "投诉人", "business": "经营者", "both": "双方当事人"}
    for rows in each(query, IssuedNotice.id):
        for _, no, kind, number, issued_on, delivery, recipient, sha, by in rows:
            text_rows(ws)(
                [
                    no,
                    NOTICE_KINDS.get(kind, kind),
                    number,
                    issued_on,
                    DELIVERY.get(delivery, delivery),
                    recipients.get(recipient, recipient),
                    sha or None,
                    by,
                ]
            )
    _save(book, out)
    _audit("export.archive", out, flt, cases=written, full_values=full_values)
    return written


def _target(out: str | Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ExportError("请保存为 .xlsx 文件")
    db.refuse_open_database_file(out)
    return out


def _new_sheet(book, title: str, headers: list[str], widths: list[int]):
    """A write-only sheet with its column widths, a styled header row and the header frozen."""
    ws = book.create_sheet(title)
    ws.freeze_panes = "A2"
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.append([_header(ws, h) for h in headers])
    return ws


def _stream(
    book,
    fetch: Callable[[int], list],
    total: int,
    write: Callable[[list], None],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """Page through `fetch(offset)` into the sheet, reporting progress; a cancel discards the book."""
    written = 0
    while written < total:
        rows = fetch(written)
        if not rows:
            break
        write(rows)
        written += len(rows)
        if progress:
            progress(written, total)
        if cancelled and cancelled():
            _discard(book)
            raise Cancelled("已取消导出，未生成文件")
    return written


def _discard(book) -> None:
    """Close the sheets of an abandoned write-only workbook (their temporary files go with it)."""
    for ws in book.worksheets:
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - best effort on the way out of a cancel
            logging.getLogger(__name__).debug("closing an abandoned sheet failed", exc_info=True)


# a text starting with one of these is a formula to Excel, WPS or LibreOffice
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(ws, value, always_cell: bool = False):
    """A value as the spreadsheet should hold it. Typed text stays text: a complainant's
    "=HYPERLINK(…)" is written as a string cell with Excel's text prefix, never as a formula;
    control characters a worksheet cannot hold (kept in data from before intake refused them)
    become U+FFFD instead of breaking the whole file."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if value.startswith(FORMULA_START):
            cell = WriteOnlyCell(ws, value=None)
            cell.value, cell.data_type = value, "s"  # assigned after: openpyxl reads "=…" as a formula
            cell.quotePrefix = True
            return cell
    return WriteOnlyCell(ws, value=value) if always_cell else value


def text_rows(ws) -> Callable[[list], None]:
    """`ws.append` with every value passed through text_cell: every writer of a sheet uses it."""

    def append(values) -> None:
        ws.append([text_cell(ws, v) for v in values])

    return append


def _header(ws, text: str):
    cell = WriteOnlyCell(ws, value=text)
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    return cell


def _save(book, out: Path) -> None:
    partial = out.with_name(out.name + ".partial")
    try:
        book.save(partial)
        os.replace(partial, out)
    except OSError as exc:
        if partial.exists():
            partial.unlink()
        raise ExportError("无法写入 {out}：{strerror}", out=out, strerror=exc.strerror or exc) from None


# --- monthly statistics ------------------------------------------------------------------


def export_statistics(stats, out: str | Path) -> Path:
    """The supervisor's monthly workbook: an overview, then one sheet per breakdown."""
    permissions.require("export.register")
    out = _target(out)
    book = Workbook(write_only=True)
    ws = book.create_sheet("概况")
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 28, 16
    ws.append([_header(ws, f"{stats.title}投诉统计"), _header(ws, "")])
    percent = WriteOnlyCell(ws, value=stats.within_deadline)
    percent.number_format = "0.0%"
    money = WriteOnlyCell(ws, value=stats.claimed_fen / 100)
    money.number_format = "#,##0.00"
    for label, value in (
        ("登记案件数", stats.received),
        ("作出受理决定的案件数", stats.to_decision.count),
        ("登记到受理决定（天，中位数）", stats.to_decision.median_days),
        ("登记到受理决定（天，平均）", stats.to_decision.mean_days),
        ("已办结案件数", stats.to_resolution.count),
        ("登记到办结（天，中位数）", stats.to_resolution.median_days),
        ("登记到办结（天，平均）", stats.to_resolution.mean_days),
        ("期限内完成的期限数", stats.deadlines_kept),
        ("超期的期限数", stats.deadlines_missed),
        ("期限内完成比例", percent),
        ("请求金额合计（元）", money),
    ):
        text_rows(ws)([label, value])
    for title, rows in (
        ("按类别", stats.by_category),
        ("按渠道", stats.by_channel),
        ("按经营者", stats.by_business),
        ("按状态", stats.by_status),
    ):
        ws = _new_sheet(book, title, [title[1:], "件数", "占比"], [32 if title == "按经营者" else 16, 10, 10])
        for name, n in rows:
            share = WriteOnlyCell(ws, value=n / stats.received if stats.received else None)
            share.number_format = "0.0%"
            text_rows(ws)([name, n, share])
    _save(book, out)
    return out


def export_audit(
    flt,
    out: str | Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """The audit entries the viewer shows, newest first, streamed; with each entry's hashes."""
    permissions.require("audit.view")

    out = _target(out)
    total = audit.count(flt)
    book = Workbook(write_only=True)
    ws = _new_sheet(
        book,
        "审计记录",
        ["编号", "时间", "操作人", "操作", "案件号", "内容", "前一条 SHA-256", "本条 SHA-256"],
        [8, 17, 10, 14, 17, 60, 66, 66],
    )

    def write(entries) -> None:
        for e in entries:
            text_rows(ws)(
                [
                    e.id,
                    e.at,
                    e.actor,
                    audit.ACTIONS.get(e.action, e.action),
                    e.case_no or None,
                    audit.describe(e),
                    e.prev_hash,
                    e.hash,
                ]
            )

    written = _stream(book, lambda offset: audit.entries(flt, offset, PAGE), total, write, progress, cancelled)
    _save(book, out)
    audit.record("export.audit", {"file": out.name, "rows": written})
    return written

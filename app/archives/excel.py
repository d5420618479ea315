"""The register as shown, to .xlsx: Chinese headers, real dates and numbers, frozen header,
autofilter. Streamed a page at a time (openpyxl write_only), so memory stays flat; written
to a temporary name and renamed, so a cancelled export leaves no half-written file."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from peewee import JOIN

from app import register
from app.errors import Cancelled, ComplaintDeskError
from app.register import RegisterFilter

PAGE = 2000
WIDTHS = {"case_no": 17, "received_at": 17, "status": 10, "category": 10, "complainant": 10, "phone": 14,
          "business": 32, "product": 16, "amount": 14, "handler": 10, "due": 17}
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


def export_register(flt: RegisterFilter, sort_key: str, descending: bool, out: str | Path,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> int:
    """Write every row the register shows for `flt` in its order; returns the rows written."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ExportError("请保存为 .xlsx 文件")
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
    written = 0
    while written < total:
        rows = register.page(flt, sort_key, descending, written, PAGE)
        if not rows:
            break
        for row in rows:
            cells = []
            for key in keys:
                cell = WriteOnlyCell(sheet, value=_value(row, key, statuses))
                if key in date_format:
                    cell.number_format = date_format[key]
                cells.append(cell)
            sheet.append(cells)
        written += len(rows)
        if progress:
            progress(written, total)
        if cancelled and cancelled():
            _discard(book)
            raise Cancelled("已取消导出，未生成文件")
    _save(book, out)
    return written



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


def export_archive(out: str | Path, flt: RegisterFilter | None = None, full_values: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> int:
    """One workbook with a sheet per kind of record, for the cases `flt` selects (all by default).

    Personal numbers are masked unless `full_values` (RULES.md 6). Returns the cases written.
    """
    from app import cases as case_service
    from app import checks, vocab
    from app.models import (
        Business,
        Case,
        Complainant,
        Complaint,
        Event,
        Evidence,
        Investigation,
        IssuedNotice,
        MediationSession,
        Purchase,
        RegisterEntry,
    )
    from app.records import CAUSES, MODES
    from app.workflow.tables import DELIVERY, NOTICE_KINDS

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ExportError("请保存为 .xlsx 文件")
    flt = flt or RegisterFilter()
    selected = register._where(RegisterEntry.select(RegisterEntry.case), flt)
    total = register.count(flt)
    states = register.status_choices()
    phone = (lambda v: v) if full_values else checks.mask_phone
    ident = (lambda v: v) if full_values else checks.mask_id
    yuan = lambda fen: None if fen is None else fen / 100  # noqa: E731
    book = Workbook(write_only=True)
    done = [0]

    def sheet(title: str, headers: list[str], widths: list[int]):
        ws = book.create_sheet(title)
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.append([_header(ws, h) for h in headers])
        return ws

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(min(done[0], total * 8), total * 8)
        if cancelled and cancelled():
            _discard(book)
            raise Cancelled("已取消导出，未生成文件")

    ws = sheet("案件", ["案件号", "登记时间", "状态", "受理渠道", "类别", "投诉事实", "知道受损日期", "投诉请求",
                      "请求金额（元）", "经办人", "调解员", "同意调解", "同意公开", "同意移交", "12315 编号",
                      "前次投诉", "更新时间"], [17, 17, 10, 10, 10, 60, 12, 16, 14, 10, 10, 8, 8, 8, 16, 17, 17])
    earlier = Case.alias()
    query = (Case.select(Case, Complaint, earlier.case_no.alias("earlier_no"))
             .join(Complaint, on=(Complaint.case == Case.id))
             .switch(Case).join(earlier, JOIN.LEFT_OUTER, on=(Case.earlier_case == earlier.id))
             .where(Case.id.in_(selected)))
    written = 0
    for rows in _chunks(query, Case.id):
        for c in rows:
            k = c.complaint
            ws.append([c.case_no, c.received_at, states.get(c.status, c.status),
                       vocab.label(vocab.RECEIPT_CHANNELS, k.channel), vocab.label(vocab.CATEGORIES, k.category),
                       k.facts, k.harm_known_date, vocab.demand_labels(k.demands), yuan(k.demand_amount_fen),
                       c.handler, c.mediator, _yes(c.consent_mediation), _yes(c.consent_publish),
                       _yes(c.consent_handover), c.ref_12315, getattr(c, "earlier_no", None) or "", c.updated_at])
        written += len(rows)
        tick(len(rows))

    ws = sheet("投诉人", ["案件号", "姓名", "电话", "地址", "证件类型", "证件号码", "代理人", "代理人电话"],
               [17, 10, 14, 36, 12, 20, 10, 14])
    query = (Complainant.select(Complainant, Case.case_no).join(Case, on=(Case.complainant == Complainant.id))
             .where(Case.id.in_(selected)))
    for rows in _chunks(query, Complainant.id):
        for p in rows:
            ws.append([p.case.case_no, p.name, phone(p.phone), p.address, vocab.label(vocab.ID_TYPES, p.id_type),
                       ident(p.id_number) if p.id_number else "", p.agent_name,
                       phone(p.agent_phone) if p.agent_phone else ""])
        tick(len(rows))

    ws = sheet("经营者", ["案件号", "名称", "统一社会信用代码", "地址", "电话", "联系人", "网络平台", "网店"],
               [17, 32, 20, 36, 14, 10, 10, 24])
    query = (Business.select(Business, Case.case_no).join(Case, on=(Case.business == Business.id))
             .where(Case.id.in_(selected)))
    for rows in _chunks(query, Business.id):
        for b in rows:
            ws.append([b.case.case_no, b.name, b.uscc, b.address, b.phone, b.contact, b.platform, b.shop])
        tick(len(rows))

    ws = sheet("购买", ["案件号", "商品或服务", "品牌", "型号", "序列号/IMEI", "购买日期", "发票日期", "金额（元）",
                      "购买渠道", "订单号"], [17, 16, 10, 12, 20, 12, 12, 12, 10, 20])
    query = Purchase.select(Purchase, Case.case_no).join(Case).where(Case.id.in_(selected))
    for rows in _chunks(query, Purchase.id):
        for p in rows:
            ws.append([p.case.case_no, p.product, p.brand, p.model, p.serial, p.purchase_date, p.invoice_date,
                       yuan(p.amount_fen), vocab.label(vocab.PURCHASE_CHANNELS, p.channel), p.order_no])
        tick(len(rows))

    ws = sheet("时间线", ["案件号", "时间", "经办人", "事件", "说明"], [17, 17, 10, 60, 30])
    query = Event.select(Event, Case.case_no).join(Case).where(Case.id.in_(selected))
    for rows in _chunks(query, Event.id):
        for e in rows:
            text = case_service.describe(e, states)
            ws.append([e.case.case_no, e.at, e.actor, text, e.note if e.note != text else ""])
        tick(len(rows))

    ws = sheet("调查与调解", ["案件号", "记录", "日期", "方式/原因", "人员", "内容", "结果"], [17, 8, 12, 10, 20, 50, 40])
    query = Investigation.select(Investigation, Case.case_no).join(Case).where(Case.id.in_(selected))
    for rows in _chunks(query, Investigation.id):
        for r in rows:
            ws.append([r.case.case_no, "调查", r.held_on, CAUSES.get(r.cause, r.cause), r.with_whom, r.checked,
                       r.findings])
        tick(len(rows))
    query = MediationSession.select(MediationSession, Case.case_no).join(Case).where(Case.id.in_(selected))
    for rows in _chunks(query, MediationSession.id):
        for r in rows:
            ws.append([r.case.case_no, "调解", r.held_on, MODES.get(r.mode, r.mode),
                       f"{r.mediator}；{r.participants}",
                       f"投诉人：{r.complainant_statement}\n经营者：{r.business_statement}", r.outcome])
        tick(len(rows))

    ws = sheet("证据索引", ["案件号", "编号", "类别", "提供方", "说明", "原文件名", "大小（字节）", "类型", "SHA-256",
                        "添加人", "添加时间", "已移除", "移除理由"], [17, 6, 10, 8, 24, 24, 12, 16, 66, 10, 17, 6, 20])
    query = Evidence.select(Evidence, Case.case_no).join(Case).where(Case.id.in_(selected))
    from app.evidence import KINDS, SUPPLIERS

    for rows in _chunks(query, Evidence.id):
        for e in rows:
            ws.append([e.case.case_no, e.id, KINDS.get(e.kind, e.kind), SUPPLIERS.get(e.supplier, e.supplier),
                       e.description, e.original_name, e.size, e.mime, e.sha256, e.added_by, e.added_at,
                       _yes(e.removed), e.removed_reason])
        tick(len(rows))

    ws = sheet("文书", ["案件号", "文书", "文号", "日期", "送达方式", "送达对象", "SHA-256", "出具人"],
               [17, 16, 24, 12, 10, 10, 66, 10])
    query = IssuedNotice.select(IssuedNotice, Case.case_no).join(Case).where(Case.id.in_(selected))
    for rows in _chunks(query, IssuedNotice.id):
        for n in rows:
            ws.append([n.case.case_no, NOTICE_KINDS.get(n.kind, n.kind), n.number, n.issued_on,
                       DELIVERY.get(n.delivery, n.delivery), {"complainant": "投诉人", "business": "经营者"}.get(
                           n.recipient, n.recipient), n.sha256, n.issued_by])
        tick(len(rows))
    _save(book, out)
    return written


def _discard(book) -> None:
    """Close the sheets of an abandoned write-only workbook (their temporary files go with it)."""
    for ws in book.worksheets:
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - best effort on the way out of a cancel
            logging.getLogger(__name__).debug("closing an abandoned sheet failed", exc_info=True)


def _header(ws, text: str):
    cell = WriteOnlyCell(ws, value=text)
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    return cell


def _yes(flag) -> str:
    return "是" if flag else "否"


def _save(book, out: Path) -> None:
    partial = out.with_name(out.name + ".partial")
    try:
        book.save(partial)
        os.replace(partial, out)
    except OSError as exc:
        if partial.exists():
            partial.unlink()
        raise ExportError(f"无法写入 {out}：{exc.strerror or exc}") from None

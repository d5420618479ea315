"""The register as shown, to .xlsx: Chinese headers, real dates and numbers, frozen header,
autofilter. Streamed a page at a time (openpyxl write_only), so memory stays flat; written
to a temporary name and renamed, so a cancelled export leaves no half-written file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

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
            raise Cancelled("已取消导出，未生成文件")
    partial = out.with_name(out.name + ".partial")
    try:
        book.save(partial)
        os.replace(partial, out)
    except OSError as exc:
        if partial.exists():
            partial.unlink()
        raise ExportError(f"无法写入 {out}：{exc.strerror or exc}") from None
    return written


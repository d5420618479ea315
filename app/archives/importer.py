"""Legacy registers from Excel, and archive workbooks read back, turned into cases.

An import is three steps a clerk can follow: the program guesses which column holds what
(from Chinese or English headers, merged two-row headers included) and the clerk
confirms; a dry run checks every row with the intake's own rules and reports each
problem by row, column and value (savable as .xlsx); the import then writes every row in
one transaction, or nothing. Each case remembers a stable key of the row it came from, so
importing the same file again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import from_excel
from peewee import IntegrityError

from app import (
    audit,
    bulk,
    cases,
    checks,
    clock,
    db,
    fields,
    permissions,
    vocab,
    whole_cases,
)
from app.archives import excel, sheets
from app.archives.sheets import cell_text
from app.errors import Cancelled, ComplaintDeskError, FieldError
from app.models import Case, ImportedRow, database
from app.session import current_operator
from app.workflow import machine

CHUNK = 500


class ImportFailed(ComplaintDeskError):
    """The file cannot be imported as asked; the message says why."""


@dataclass(frozen=True)
class Target:
    key: str  # a FieldSpec key, or one of the register-only keys below
    label: str
    names: tuple[str, ...]  # headers that mean this column, normalised (see _norm)


def _field(key: str, *names: str) -> Target:
    spec = fields.BY_KEY[key]
    return Target(key, f"{fields.SECTIONS[spec.section]}·{spec.label}", names)


# What a legacy register's columns can mean. The first names are exact matches; a header
# that merely contains one of them is a weaker guess.
TARGETS: list[Target] = [
    Target(
        "external_key",
        "原登记编号",
        (
            "原编号",
            "登记编号",
            "案件编号",
            "投诉编号",
            "编号",
            "案号",
            "登记号",
            "caseno",
            "caseid",
            "ref",
            "reference",
            "no",
        ),
    ),
    Target(
        "received_at",
        "登记日期",
        (
            "登记日期",
            "登记时间",
            "投诉日期",
            "投诉时间",
            "受理日期",
            "接诉日期",
            "来访日期",
            "日期",
            "date",
            "received",
            "receiveddate",
            "datereceived",
        ),
    ),
    _field(
        "complainant.name", "投诉人姓名", "投诉人", "消费者姓名", "消费者", "姓名", "name", "complainant", "consumer"
    ),
    _field(
        "complainant.phone",
        "投诉人电话",
        "投诉人联系电话",
        "联系电话",
        "电话",
        "手机",
        "手机号",
        "联系方式",
        "phone",
        "mobile",
        "tel",
        "telephone",
    ),
    _field("complainant.address", "投诉人地址", "消费者地址", "住址", "地址", "address"),
    _field(
        "complainant.id_number", "投诉人身份证号", "身份证号码", "身份证号", "证件号码", "身份证", "idnumber", "idno"
    ),
    _field(
        "business.name",
        "被投诉方",
        "被诉方",
        "被投诉单位",
        "被投诉人",
        "经营者名称",
        "经营者",
        "商家名称",
        "商家",
        "企业名称",
        "business",
        "company",
        "merchant",
        "respondent",
        "seller",
    ),
    _field("business.uscc", "统一社会信用代码", "信用代码", "uscc", "creditcode"),
    _field("business.address", "经营者地址", "被投诉方地址", "商家地址", "经营地址", "businessaddress"),
    _field("business.phone", "经营者电话", "被投诉方电话", "商家电话", "businessphone"),
    _field(
        "purchase.product", "商品名称", "商品或服务", "商品", "产品名称", "产品", "服务项目", "product", "item", "goods"
    ),
    _field("purchase.brand", "品牌", "brand"),
    _field("purchase.model", "型号", "规格型号", "model"),
    _field("purchase.purchase_date", "购买日期", "购买时间", "消费日期", "purchasedate", "dateofpurchase"),
    _field("purchase.amount", "购买金额", "商品金额", "消费金额", "价格", "价款", "金额", "amount", "price"),
    _field("complaint.channel", "受理渠道", "投诉渠道", "来源", "渠道", "channel", "source"),
    _field("complaint.category", "投诉类别", "问题类别", "问题类型", "投诉类型", "类别", "类型", "category", "type"),
    _field(
        "complaint.facts",
        "投诉事实",
        "投诉内容",
        "投诉事由",
        "问题描述",
        "主要问题",
        "事由",
        "内容",
        "摘要",
        "facts",
        "description",
        "details",
        "complaint",
    ),
    _field("complaint.demands", "投诉请求", "诉求", "请求", "要求", "demands", "demand", "request"),
    _field("complaint.demand_amount", "请求金额", "索赔金额", "诉求金额", "demandamount", "claim"),
    Target("status", "状态", ("处理状态", "办理状态", "状态", "处理结果", "status", "state")),
    Target("handler", "经办人", ("经办人", "承办人", "处理人", "登记人", "handler", "officer", "staff")),
]
BY_TARGET = {t.key: t for t in TARGETS}
# unmapped required choices take these, shown in the mapping step so the clerk sees them
DEFAULTS = {"complaint.channel": "walk_in", "complaint.category": "other"}


def unmapped_text(key: str) -> str:
    """What an unmapped target becomes, as the mapping step shows it."""
    if key in DEFAULTS:
        return f"（不导入，默认：{fields.BY_KEY[key].choices[DEFAULTS[key]]}）"
    return {
        "received_at": "（不导入，默认：导入当天）",
        "status": "（不导入，默认：已登记）",
        "handler": "（不导入，默认：导入人）",
    }.get(key, "（不导入）")


_PUNCT = re.compile(r"[\s_\-:：*（）()【】\[\]/\\.。,，、#№]+")


def _norm(header) -> str:
    return _PUNCT.sub("", str(header or "")).lower()


# --- reading a sheet ------------------------------------------------------------------------


@dataclass
class Table:
    source: str
    sheet: str
    headers: list[str]
    rows: list[tuple[int, tuple]]  # (row number in Excel, the row's values)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The sheet's header and data rows, with merged cells filled and two-row headers joined."""
    path = Path(path)
    db.refuse_open_database_file(path)
    try:
        book = load_workbook(path, data_only=True)  # not read-only: merged cells are needed
    except FileNotFoundError:
        raise ImportFailed("找不到文件：{path}", path=path) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportFailed(
            "无法读取 {name}：不是有效的 .xlsx 文件（{reason}）", name=path.name, reason=type(exc).__name__
        ) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise ImportFailed(
            "{name} 中没有工作表“{sheet}”（有：{items}）", name=path.name, sheet=sheet, items=list(book.sheetnames)
        )
    ws = book[sheet] if sheet else book.worksheets[0]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    width = max((len(r) for r in grid), default=0)
    for r in grid:
        r.extend([None] * (width - len(r)))
    # the header is the first row with two or more cells (a title row above it is skipped)
    top = next((i for i, r in enumerate(grid) if sum(v not in (None, "") for v in r) >= 2), None)
    if top is None:
        raise ImportFailed("{name} 的工作表“{title}”没有表头和数据", name=path.name, title=ws.title)
    merged = [m for m in ws.merged_cells.ranges if m.max_row > top]
    for m in merged:
        value = grid[m.min_row - 1][m.min_col - 1]
        for row in range(m.min_row, m.max_row + 1):
            for col in range(m.min_col, m.max_col + 1):
                grid[row - 1][col - 1] = value
    depth = 1
    for m in merged:
        if m.min_row == top + 1:
            depth = max(depth, m.max_row - m.min_row + 1, 2 if m.max_col > m.min_col else 1)
    headers = []
    for col in range(width):
        parts: list[str] = []
        for r in range(top, min(top + depth, len(grid))):
            text = str(grid[r][col]).strip() if grid[r][col] not in (None, "") else ""
            if text and text not in parts:
                parts.append(text)
        headers.append("".join(parts) or f"第{col + 1}列")
    rows = [
        (i + 1, tuple(r))
        for i, r in enumerate(grid[top + depth :], start=top + depth)
        if any(v not in (None, "") and str(v).strip() for v in r)
    ]
    return Table(path.name, ws.title, headers, rows)


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Which column each target most likely is (exact header names first, then contained ones)."""
    normal = [_norm(h) for h in headers]
    mapping: dict[str, int | None] = {t.key: None for t in TARGETS}
    taken: set[int] = set()
    for exact in (True, False):
        for target in TARGETS:
            if mapping[target.key] is not None:
                continue
            for name in target.names:
                hits = [
                    i
                    for i, h in enumerate(normal)
                    if i not in taken
                    and (h == name if exact else (len(name) >= 2 and not name.isascii() and name in h))
                ]
                if hits:
                    mapping[target.key] = hits[0]
                    taken.add(hits[0])
                    break
    return mapping


# --- checking rows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    problem: str


@dataclass
class Report:
    source: str
    rows: int = 0
    ready: int = 0
    already: int = 0  # imported before (same key): skipped, not an error
    problems: list[Problem] = field(default_factory=list)
    imported: int = 0
    case_nos: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    def summary(self) -> str:
        text = f"共 {self.rows} 行：可导入 {self.ready} 行，已导入过 {self.already} 行"
        if self.problems:
            text += f"，有问题 {len(self.bad_rows)} 行（{len(self.problems)} 处）"
        if self.imported:
            text += f"；已导入 {self.imported} 件"
        return text


class ImportRejected(ComplaintDeskError):
    """Some rows have problems: nothing was imported. `report` says which."""

    def __init__(self, report: Report):
        super().__init__(f"有 {len(report.bad_rows)} 行有问题，未导入任何案件：{report.summary()}")
        self.report = report


_TIME = re.compile(r"^(.*?)[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def to_date(value) -> dt.date:
    """Excel dates, serial numbers and the text forms clerks type."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise FieldError("不是日期：{value}", value=value)
        return from_excel(value).date()
    text = cell_text(value)
    m = _TIME.match(text)
    return checks.date(m.group(1) if m else text)


def to_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        day = to_date(value)
        return from_excel(value).replace(microsecond=0) if value % 1 else dt.datetime.combine(day, dt.time())
    text = cell_text(value)
    m = _TIME.match(text)
    day = to_date(m.group(1) if m else value)
    if m:
        try:
            return dt.datetime.combine(day, dt.time(int(m.group(2)), int(m.group(3)), int(m.group(4) or 0)))
        except ValueError:
            raise FieldError("时间不存在：{text}", text=text) from None
    return dt.datetime.combine(day, dt.time())


def _amount(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(Decimal(repr(value)))  # 1299.1 stays 1299.1, 0.1+0.2 noise shows as too many decimals
    return cell_text(value)


def _code(table: dict[str, str], value, what: str) -> str:
    text = cell_text(value)
    if text in table:
        return text
    for code, label in table.items():
        if _norm(label) == _norm(text):
            return code
    raise FieldError(
        "未知{what}“{text}”（可选：{items}）",
        what=what,
        text=text,
        items=[v for v in table.values() if v != "（未填）"],
    )


def _codes(table: dict[str, str], value, what: str) -> list[str]:
    return [_code(table, part, what) for part in re.split(r"[、,，;；/\s]+", cell_text(value)) if part]


_YES = {"是", "有", "同意", "y", "yes", "true", "1", "√", "✓"}


def _entered(spec: fields.FieldSpec, value):
    """A cell → what the intake form would have held for that field."""
    if spec.kind == "bool":
        return _norm(value) in _YES
    if spec.kind == "multichoice":
        return _codes(spec.choices, value, spec.label)
    if spec.kind == "choice":
        return _code(spec.choices, value, spec.label) if cell_text(value) else ""
    if spec.kind in ("date", "any_date"):
        return to_date(value).isoformat() if cell_text(value) else ""
    if spec.kind == "amount":
        return _amount(value)
    return cell_text(value)


@dataclass
class _Ready:
    row: int
    key: str
    item: dict


def _row_key(mapping: dict[str, int | None], values: tuple) -> str:
    """Stable across re-imports and re-saves of the same register: its own number if it has one,
    else a digest of the mapped cells."""
    column = mapping.get("external_key")
    if column is not None and cell_text(values[column]):
        return "legacy:" + _norm(values[column])
    cells = {k: cell_text(values[c]) for k, c in sorted(mapping.items()) if c is not None}
    return "legacy-row:" + hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()


def check(
    table: Table,
    mapping: dict[str, int | None],
    defaults: dict[str, str] | None = None,
    actor: str | None = None,
    today: dt.date | None = None,
) -> tuple[Report, list[_Ready]]:
    """The dry run: every row checked as an intake would be; nothing is written."""

    defaults = {**DEFAULTS, **(defaults or {})}
    actor = actor or current_operator()
    today = today or clock.today()
    states = machine.office_profile().states
    earliest = machine.earliest_received()
    report = Report(table.source, rows=len(table.rows))
    missing = [
        BY_TARGET[k].label for k in ("complainant.name", "business.name", "complaint.facts") if mapping.get(k) is None
    ]
    if missing:
        raise ImportFailed("请为这些项目指定列：{items}", items=list(missing))
    known = _known_keys()
    seen: dict[str, int] = {}
    ready: list[_Ready] = []
    for number, values in table.rows:
        problems: list[Problem] = []

        def problem(key: str, value, message: str, problems=problems, number=number) -> None:
            column = mapping.get(key)
            name = table.headers[column] if column is not None else f"（默认）{_label(key)}"
            problems.append(Problem(number, name, cell_text(value), message))

        entered: dict = {}
        for spec in fields.FIELDS:
            column = mapping.get(spec.key)
            value = values[column] if column is not None else None
            if not cell_text(value):
                value = defaults.get(spec.key)
            if value is None:
                continue
            try:
                entered[spec.key] = _entered(spec, value)
            except FieldError as exc:
                problem(spec.key, value, str(exc))
        received = dt.datetime.combine(today, dt.time())
        if mapping.get("received_at") is not None:
            cell = values[mapping["received_at"]]
            try:
                received = to_datetime(cell)
                if received.date() > today:
                    problem("received_at", cell, "登记日期不能晚于今天")
                elif received.date() < earliest:
                    problem("received_at", cell, "登记日期早于本办公室的办理规则生效之日，请核对年份")
            except FieldError as exc:
                problem("received_at", cell, str(exc) if cell_text(cell) else "请填写登记日期")
        status = "received"
        if mapping.get("status") is not None and cell_text(values[mapping["status"]]):
            try:
                status = _code(states, values[mapping["status"]], "状态")
            except FieldError as exc:
                problem("status", values[mapping["status"]], str(exc))
        handler = cell_text(values[mapping["handler"]]) if mapping.get("handler") is not None else ""
        parsed, errors = fields.validate(entered, received.date())
        for key, message in errors.items():
            if not any(p.column == _column_name(table, mapping, key) for p in problems):
                column = mapping.get(key)
                problem(key, values[column] if column is not None else defaults.get(key, ""), message)
        key = _row_key(mapping, values)
        if key in seen:
            column = mapping.get("external_key")
            problems.append(
                Problem(
                    number,
                    table.headers[column] if column is not None else "（整行）",
                    cell_text(values[column]) if column is not None else "",
                    f"与第 {seen[key]} 行重复",
                )
            )
        seen.setdefault(key, number)
        if problems:
            report.problems.extend(problems)
            continue
        if key in known:
            report.already += 1
            continue
        sections = cases.split_sections(parsed)
        case = sections["case"]
        case["earlier_case"] = case.pop("earlier_case_id", None)
        handler = handler or actor
        events = [
            dict(
                at=received,
                actor=handler,
                kind="created",
                to_status="received",
                note=f"从旧登记簿导入：{table.source} 第 {number} 行",
            )
        ]
        if status != "received":
            events.append(
                dict(
                    at=received,
                    actor=handler,
                    kind="status",
                    from_status="received",
                    to_status=status,
                    note="导入时的状态",
                )
            )
        item = dict(
            complainant=sections["complainant"],
            business=sections["business"],
            purchase=sections["purchase"],
            complaint=sections["complaint"],
            case=dict(case, received_at=received, status=status, handler=handler, created_by=actor),
            events=events,
            source_row=number,
        )
        ready.append(_Ready(number, key, item))
    report.ready = len(ready)
    return report, ready


def _label(key: str) -> str:
    if key in BY_TARGET:
        return BY_TARGET[key].label
    spec = fields.BY_KEY[key]
    return f"{fields.SECTIONS[spec.section]}·{spec.label}"


def _column_name(table: Table, mapping: dict[str, int | None], key: str) -> str:
    column = mapping.get(key)
    return table.headers[column] if column is not None else f"（默认）{_label(key)}"


def _known_keys() -> set[str]:
    return {k for (k,) in ImportedRow.select(ImportedRow.key).tuples()}


def import_table(
    table: Table,
    mapping: dict[str, int | None],
    defaults: dict[str, str] | None = None,
    actor: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Report:
    """Check every row, then write them all in one transaction; any problem → ImportRejected, nothing written."""
    permissions.require("import")
    actor = actor or current_operator()
    report, ready = check(table, mapping, defaults, actor)
    if report.problems:
        raise ImportRejected(report)
    _write(report, ready, table.source, actor, progress, cancelled)
    return report


def _write(
    report: Report,
    ready: list[_Ready],
    source: str,
    actor: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    now = clock.now().replace(microsecond=0)
    try:
        with database.atomic():
            for start in range(0, len(ready), CHUNK):
                chunk = ready[start : start + CHUNK]
                ids = whole_cases.write([r.item for r in chunk])
                bulk.insert_all(
                    ImportedRow,
                    [
                        dict(
                            key=r.key,
                            case=cid,
                            source=source[:300],
                            source_row=r.row,
                            imported_at=now,
                            imported_by=actor,
                        )
                        for r, cid in zip(chunk, ids)
                    ],
                )
                report.case_nos += [
                    n for (n,) in Case.select(Case.case_no).where(Case.id.in_(ids)).order_by(Case.id).tuples()
                ]
                if progress:
                    progress(start + len(chunk), len(ready))
                if cancelled and cancelled():
                    raise Cancelled("已取消导入，数据库未作任何改动")

            audit.record(
                "import",
                {
                    "file": source,
                    "cases": len(ready),
                    "first": report.case_nos[0] if report.case_nos else "",
                    "last": report.case_nos[-1] if report.case_nos else "",
                },
                actor=actor,
            )
    except IntegrityError:
        raise ImportFailed("另一席位正在导入同一批数据，本次未导入任何案件；请稍后重试") from None
    report.imported = len(ready)


def save_report(report: Report, out: str | Path) -> Path:
    """The dry run's problems as a workbook the clerk can fix the file from."""
    permissions.require("import")
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ImportFailed("请把检查报告保存为 .xlsx 文件")
    book = Workbook(write_only=True)
    ws = book.create_sheet("检查报告")
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCD", (8, 20, 30, 60)):
        ws.column_dimensions[letter].width = width
    ws.append([excel._header(ws, h) for h in ("行号", "列", "内容", "问题")])
    append = excel.text_rows(ws)  # the cells as the legacy file had them: typed text stays text
    for p in report.problems:
        append([p.row, p.column, p.value, p.problem])
    summary = excel.text_rows(book.create_sheet("汇总"))
    summary([report.source])
    summary([report.summary()])
    excel._save(book, out)
    return out


# --- archive workbooks read back -----------------------------------------------------------


def is_archive(path: str | Path) -> bool:
    """Whether the file is an archive workbook this program wrote (not a legacy register)."""
    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook at all: read_table will say so
        return False
    try:
        return {t.title for t in sheets.restored()} <= set(book.sheetnames)
    finally:
        book.close()


def _reverse(table: dict[str, str]) -> dict[str, str]:
    return {label: code for code, label in table.items()}


def _read_sheet(ws, table: sheets.Sheet, states: dict[str, str], problems: list) -> list[tuple[int, dict]]:
    """A case sheet read by its column table: (row number, {section: {column: stored value}})
    for each non-empty row; a cell that cannot be read is a problem of its row."""
    rows = ws.iter_rows(values_only=True)
    found = sheets.locate(table, list(next(rows, ())))
    if isinstance(found, str):
        raise ImportFailed(
            "工作表“{name}”的表头与本程序导出的档案不一致（{detail}），请按旧登记簿导入", name=table.title, detail=found
        )
    read = [(c, found.get(c.header), sheets.reader(c, states)) for c in table.columns if c.kind != "derived"]
    out = []
    for number, cells in enumerate(rows, start=2):
        if not any(v is not None for v in cells):
            continue
        values: dict[str, dict] = {}
        for column, at, cell in read:
            value = cells[at] if at is not None and at < len(cells) else None
            try:
                stored = cell(value)
            except sheets.CellProblem as exc:
                problems.append(Problem(number, f"{table.title}·{column.header}", cell_text(value), str(exc)))
                stored = ""
            values.setdefault(column.section, {})[column.column] = stored
        out.append((number, values))
    return out


def check_archive(path: str | Path, actor: str | None = None) -> tuple[Report, list[_Ready]]:
    """Read an archive workbook back into whole cases (numbers, parties, timelines kept)."""

    path = Path(path)
    actor = actor or current_operator()
    states = {**_reverse(vocab.STATUSES), **_reverse(machine.office_profile().states)}  # label → code
    book = load_workbook(path, read_only=True)
    rows_of: dict[str, list[tuple[int, dict]]] = {}
    problems: list[Problem] = []
    try:
        for table in sheets.restored():
            rows_of[table.title] = _read_sheet(book[table.title], table, states, problems)
    finally:
        book.close()
    report = Report(path.name, rows=len(rows_of["案件"]), problems=problems)

    parts: dict[str, dict] = {}
    for row, v in rows_of["案件"]:
        no = v["case"]["case_no"]
        at = v["case"]["received_at"]
        try:
            cases.parse_case_no(no)
        except FieldError as exc:
            problems.append(Problem(row, "案件·案件号", no, str(exc)))
            continue
        if no in parts:
            problems.append(Problem(row, "案件·案件号", no, "案件号重复"))
            continue
        if not isinstance(at, dt.datetime):
            problems.append(Problem(row, "案件·登记时间", cell_text(at), "不是日期时间"))
            continue
        if not machine.earliest_received() <= at.date() <= clock.today():
            problems.append(
                Problem(row, "案件·登记时间", cell_text(at), "登记时间不在本办公室办理规则的适用期内，请核对年份")
            )
            continue
        case = v["case"]
        case["updated_at"] = case.get("updated_at") or at
        case["registered_at"] = case.get("registered_at") or at
        case["created_by"] = case.get("handler", "")
        parts[no] = dict(
            row=row, earlier=case.pop("earlier_case_id", ""), case=case, complaint=v["complaint"], events=[]
        )

    for table in [*sheets.parties(), sheets.EVENTS]:
        what = table.section
        for row, v in rows_of[table.title]:
            no = v["case"]["case_no"]
            record = v[what]
            if no not in parts:
                problems.append(Problem(row, f"{table.title}·案件号", no, "“案件”表中没有这个案件"))
            elif what == "event":
                parts[no]["events"].append(record)
            elif what in parts[no]:
                problems.append(Problem(row, f"{table.title}·案件号", no, "同一案件出现两次"))
            else:
                if what == "complainant":
                    record["id_type"] = record.get("id_type") or "none"
                parts[no][what] = record
    masked = [(no, p["row"]) for no, p in parts.items() if "****" in p.get("complainant", {}).get("phone", "")]
    for no, row in masked:
        problems.append(Problem(row, "投诉人·电话", no, "档案中的电话已遮蔽，无法恢复；请导出含完整信息的档案"))
    for no, p in parts.items():
        for what, sheet in ((t.section, t.title) for t in sheets.parties()):
            if what not in p:
                problems.append(Problem(p["row"], sheet, no, f"“{sheet}”表中缺少这个案件"))
    existing = (
        {n for (n,) in Case.select(Case.case_no).where(Case.case_no.in_(list(parts))).tuples()} if parts else set()
    )
    known = _known_keys()
    ready = []
    bad = set(report.bad_rows)
    for no, p in parts.items():
        if p["row"] in bad or any(pr.value == no for pr in problems):
            continue
        key = "archive:" + no
        if key in known or no in existing:
            report.already += 1
            continue
        p["events"].sort(key=lambda e: e["at"])
        ready.append(_Ready(p["row"], key, p))
    report.ready = len(ready)
    return report, ready


def import_archive(
    path: str | Path,
    actor: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Report:
    """Restore the cases of an archive workbook (case numbers kept); all or nothing."""
    permissions.require("import")
    actor = actor or current_operator()
    report, ready = check_archive(path, actor)
    if report.problems:
        raise ImportRejected(report)
    earlier = {r.item["case"]["case_no"]: r.item.pop("earlier") for r in ready}
    for r in ready:
        r.item.pop("row", None)
    with database.atomic():
        _write(report, ready, Path(path).name, actor, progress, cancelled)
        for no, earlier_no in earlier.items():
            if earlier_no:
                target = Case.select(Case.id).where(Case.case_no == earlier_no)
                Case.update(earlier_case=target).where(Case.case_no == no).execute()
    return report

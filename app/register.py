"""The case register as the database sees it: a filter, a sort, and pages of rows.

The UI asks for a count and then for pages as the user scrolls; nothing here ever
loads the whole table. Sorting and filtering happen in SQL on indexed columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from peewee import SQL, Tuple, fn
from peewee import Case as SQLCase

from app import bulk, checks, compiled, db, search, settings, vocab, workdays
from app.models import (
    Business,
    Case,
    Complainant,
    Complaint,
    Purchase,
    RegisterEntry,
    case_with_parts,
    database,
)
from app.workflow import tables
from app.workflow.tables import PROFILES


@dataclass(frozen=True)
class RegisterFilter:
    status: str = ""
    category: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    handler: str = ""  # "my work": one handler's cases
    open_only: bool = False  # only cases with a running deadline
    # from the dashboard: a business, a deadline band, cases still open
    business: str = ""
    due_from: dt.datetime | None = None
    due_before: dt.datetime | None = None
    no_due: bool = False
    not_closed: bool = False
    grade: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    counter_label: str = ""  # what the repair counter calls it
    counter_hidden: bool = False  # meaningless at a counter (its own shop, a complaint's category)

    def label_for(self, profile: str) -> str:
        return (self.counter_label or self.label) if profile == tables.COUNTER else self.label


COLUMNS = [
    Column("case_no", "案件号"),
    Column("received_at", "收到时间"),
    Column("status", "状态"),
    Column("category", "类别", counter_hidden=True),
    Column("complainant", "投诉人", counter_label="顾客"),
    Column("phone", "电话"),
    Column("business", "被投诉经营者", counter_hidden=True),
    Column("product", "商品或服务", counter_label="商品"),
    Column("amount", "请求金额（元）", counter_hidden=True),
    Column("handler", "经办人"),
    Column("due", "期限"),
    Column("flags", "提示"),
    Column("grade", "等级", counter_hidden=True),
]
FLAGS = {"A3": "A3 迹象", "A4": "超过三年", "repeat": "可能重复"}
COLUMN_KEYS = [c.key for c in COLUMNS]
_SORT_FIELDS = {
    c.key: getattr(RegisterEntry, {"amount": "amount_fen", "due": "due_at"}.get(c.key, c.key)) for c in COLUMNS
}
# grades sort by weight, not by their codes' spelling: ordinary, important, urgent
GRADE_WEIGHT = {"ordinary": 0, "important": 1, "urgent": 2}
_SORT_FIELDS["grade"] = SQLCase(RegisterEntry.grade, tuple(GRADE_WEIGHT.items()), 0)
SOON_WORKING_DAYS = 2  # the register warns this many working days ahead (issue 3)


END_OF_DAY = dt.time(23, 59, 59)


def _minute(at: dt.datetime) -> str:
    """2026-11-23 10:05, without strftime (which imports a module per call, under Qt's import hook)."""
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d} {at.hour:02d}:{at.minute:02d}"


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
    due_at: dt.datetime | None = None
    due_provisional: bool = False
    flags: str = ""
    grade: str = "ordinary"

    def due_band(self, today: dt.date, soon_before: dt.date) -> str:
        """ "overdue", "soon" (within SOON_WORKING_DAYS working days: before `soon_before`) or "" for
        the colour."""
        if self.due_at is None:
            return ""
        if self.due_at.date() < today:
            return "overdue"
        if self.due_at.date() < soon_before:
            return "soon"
        return ""

    def text(self, key: str, statuses: dict[str, str] | None = None) -> str:
        """The cell as the register shows it: labels, masked phone (RULES.md 6)."""
        if key == "received_at":
            return _minute(self.received_at) if self.received_at else ""
        if key == "status":
            return (statuses or {}).get(self.status) or vocab.STATUSES.get(self.status, self.status)
        if key == "category":
            return vocab.label(vocab.CATEGORIES, self.category)
        if key == "phone":
            return checks.mask_phone(self.phone)
        if key == "amount":
            return checks.yuan(self.amount_fen)
        if key == "due":
            if self.due_at is None:
                return ""
            shown = self.due_at.date().isoformat() if self.due_at.time() == END_OF_DAY else _minute(self.due_at)
            return shown + ("（暂定）" if self.due_provisional else "")
        if key == "grade":
            return vocab.GRADES.get(self.grade, self.grade)
        if key == "flags":
            return "、".join(FLAGS.get(c, c) for c in self.flags.split(",") if c)
        return getattr(self, key) or ""


_ENTRY_FIELDS = [
    RegisterEntry.case,
    RegisterEntry.case_no,
    RegisterEntry.received_at,
    RegisterEntry.status,
    RegisterEntry.category,
    RegisterEntry.complainant,
    RegisterEntry.phone,
    RegisterEntry.business,
    RegisterEntry.product,
    RegisterEntry.amount_fen,
    RegisterEntry.handler,
    RegisterEntry.due_at,
    RegisterEntry.due_provisional,
    RegisterEntry.flags,
    RegisterEntry.grade,
]


_ENTRY_COLUMNS = ", ".join(f"r.{f.column_name}" for f in _ENTRY_FIELDS)
# where a plain row of them holds the times and the flag that _row converts
_RECEIVED, _DUE, _PROVISIONAL = (
    next(i for i, f in enumerate(_ENTRY_FIELDS) if f is field)
    for field in (RegisterEntry.received_at, RegisterEntry.due_at, RegisterEntry.due_provisional)
)


def status_choices() -> dict[str, str]:
    """The office profile's statuses with their labels, in workflow order (filters, columns)."""
    profile = PROFILES.get(settings.get("office.profile", ""), PROFILES["consumer_association"])
    return dict(profile.states)


# the first status a case reaches once the office has decided on it, and once it is done
DECIDED_STATES = tables.DECISIONS
RESOLVED_STATES = tables.RESOLVED


def time_column(kind: str, field: str, to_status: str):
    """Which supervision time an event marks, if any."""
    if kind == "milestone" and field == "first_contact":
        return RegisterEntry.first_contact_at
    if kind == "status" and to_status in DECIDED_STATES:
        return RegisterEntry.decided_at
    if kind == "status" and to_status in RESOLVED_STATES:
        return RegisterEntry.resolved_at
    return None


def note_times(event) -> None:
    """Keep the first time a case was contacted, decided and closed on its entry (inside the
    event's transaction), so the dashboard reads one narrow table instead of the timeline."""
    column = time_column(event.kind, event.field, event.to_status)
    if column is None:
        return
    db.later_query(
        RegisterEntry.update({column: event.at}).where(
            (RegisterEntry.case == event.case_id) & (column.is_null() | (column > event.at))
        )
    )


# what a register entry is copied from (case_with_parts columns); the due columns come from the
# deadlines (set_due)
ENTRY_PARTS = (
    Case.id,
    Case.case_no,
    Case.received_at,
    Case.status,
    fn.COALESCE(Complaint.category, ""),
    Complainant.name,
    Complainant.phone,
    Business.name,
    fn.COALESCE(Purchase.product, ""),
    Complaint.demand_amount_fen,
    Case.handler,
    Case.warnings,
    Case.grade,
)


def refresh_entry(case_id: int) -> None:
    """Rewrite the case's register entry from its parts; call inside the writing transaction."""
    write_entry(case_with_parts(*ENTRY_PARTS).where(Case.id == case_id).tuples().get())


def write_entry(values: tuple) -> None:
    """The register entry from the values of ENTRY_PARTS, in that order (sent with the next statement)."""
    row = dict(zip((f.name for f in _WRITTEN), values))
    row["flags"] = ",".join(row["flags"] or {})
    db.later_query(_WRITE_ENTRY(**row))


_WRITTEN = [*_ENTRY_FIELDS[:11], RegisterEntry.flags, RegisterEntry.grade]
_WRITE_ENTRY = compiled.Statement(
    lambda **row: RegisterEntry.insert(compiled.columns(RegisterEntry, row)).on_conflict(
        conflict_target=[RegisterEntry.case], preserve=_WRITTEN[1:]
    ),
    shaped=False,
)


def set_due(case_ids: list[int], deadline_rows: list[dict]) -> None:
    """Copy each case's nearest running deadline (from freshly planned rows) into its entry."""
    nearest: dict[int, tuple] = {cid: (None, False) for cid in case_ids}
    for r in deadline_rows:
        if r["state"] == "running":
            due, _ = nearest[r["case"]]
            if due is None or r["due_at"] < due:
                nearest[r["case"]] = (r["due_at"], bool(r["provisional"]))
    bulk.update_many(
        RegisterEntry, ["due_at", "due_provisional"], "case", [(due, prov, cid) for cid, (due, prov) in nearest.items()]
    )


def soon_before(today: dt.date, cal) -> dt.date:
    """The first day no longer "due soon": the working day after the SOON_WORKING_DAYS that follow
    today (worked out once per list, not counted day by day for each row)."""
    return cal.add_working_days(today, SOON_WORKING_DAYS + 1).date


def _where(query, flt: RegisterFilter, walk: bool = False, kept: bool = False):
    if flt.status:
        query = query.where(RegisterEntry.status == flt.status)
    if flt.category:
        query = query.where(RegisterEntry.category == flt.category)
    if flt.grade:
        query = query.where(RegisterEntry.grade == flt.grade)
    if flt.date_from:
        query = query.where(RegisterEntry.received_at >= dt.datetime.combine(flt.date_from, dt.time.min))
    if flt.date_to:
        next_day = dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time.min)
        query = query.where(RegisterEntry.received_at < next_day)
    if flt.handler:
        query = query.where(RegisterEntry.handler == flt.handler)
    if flt.open_only:
        query = query.where(RegisterEntry.due_at.is_null(False))
    if flt.business:
        query = query.where(RegisterEntry.business == flt.business)
    if flt.due_from:
        query = query.where(RegisterEntry.due_at >= flt.due_from)
    if flt.due_before:
        query = query.where(RegisterEntry.due_at < flt.due_before)
    if flt.no_due:
        query = query.where(RegisterEntry.due_at.is_null())
    if flt.not_closed:
        query = query.where(RegisterEntry.status.not_in(["closed", "archived"]))
    cond = search.matching(flt.text, RegisterEntry.case + 0 if walk else RegisterEntry.case, kept)
    if cond is not None:
        query = query.where(cond)
    return query


def count(flt: RegisterFilter) -> int:
    return _where(RegisterEntry.select(fn.COUNT(SQL("*"))), flt).scalar()


def page(
    flt: RegisterFilter, sort_key: str, descending: bool, after: RegisterRow | None, limit: int
) -> list[RegisterRow]:
    """The `limit` rows that follow `after` in the list (from the start when None), found through
    the sort order's index from where the last page ended, not by counting past every row before
    it: the page at row 500,000 costs what the first one does."""
    if after is None:
        return _rows(_page_query(flt, sort_key, descending, 0, limit))
    rows: list[RegisterRow] = []
    for beyond in _beyond(sort_key, descending, _sort_value(sort_key, after), after.id):  # index ranges in turn
        rows += _rows(_page_query(flt, sort_key, descending, 0, limit - len(rows)).where(beyond))
        if len(rows) == limit:
            break
    return rows


def _sort_value(sort_key: str, row: RegisterRow):
    if sort_key == "grade":
        return GRADE_WEIGHT.get(row.grade, 0)
    return getattr(row, {"amount": "amount_fen", "due": "due_at"}.get(sort_key, sort_key), None)


def _beyond(sort_key: str, descending: bool, value, case_id: int) -> list:
    """The rows after the one with `value` and `case_id` in the order (the sort field, then the
    case id, both one way), as the conditions of the stretches that follow one another. Empty
    values (no deadline, no amount) come first ascending on SQLite and last on PostgreSQL,
    descending the other way round."""
    field = _SORT_FIELDS.get(sort_key, RegisterEntry.received_at)
    ident = RegisterEntry.case
    if value is None:
        same = field.is_null() & ((ident < case_id) if descending else (ident > case_id))
    else:
        pair, at = Tuple(field, ident), Tuple(value, case_id)
        same = (pair < at) if descending else (pair > at)
    if not getattr(field, "null", False):
        return [same]
    nulls_first = descending if db.is_postgres() else not descending
    if value is None:
        return [same, field.is_null(False)] if nulls_first else [same]
    return [same] if nulls_first else [same, field.is_null()]


def first_page(flt: RegisterFilter, sort_key: str, descending: bool, limit: int) -> tuple[int, list[RegisterRow]]:
    """(how many match, the first page): what the register shows on opening and on each filter,
    asked together, with the working-day calendar its deadline colours need if this seat has not
    read it yet (one round trip on a shared database)."""
    if flt.text and search.fts_query(flt.text):
        return _searched_first_page(flt, sort_key, descending, limit)
    if db.is_postgres() and sort_key == "received_at" and _search_alone(flt):
        return _pg_searched_first_page(flt.text, descending, limit)
    counting = (
        search.count_query(flt.text)
        if _search_alone(flt)
        else _where(RegisterEntry.select(fn.COUNT(SQL("*"))), flt).sql()
    )
    counted, rows = workdays.read_with(
        [
            counting,
            _page_query(flt, sort_key, descending, 0, limit).sql(),
        ]
    )
    return counted[0][0], [_row(r) for r in rows]


def _search_alone(flt: RegisterFilter) -> bool:
    """Words and nothing else (not a whole phone number either): the search index alone says how
    many cases match."""
    return bool(search.terms(flt.text)) and replace(flt, text="") == RegisterFilter() and not search.is_phone(flt.text)


def _searched_first_page(flt: RegisterFilter, sort_key: str, descending: bool, limit: int):
    """SQLite, a search: in received order with nothing else asked, the page as the full-text
    index keeps it (its rows are keyed by the received time). Otherwise the matches read from the
    index once and kept for this connection (search.keep_hits), their number the count where
    nothing else narrows them; and
    the page taken whichever way reads fewer rows — looking each match up and sorting them (few
    matches), or walking the sort order's index until a page of matches is found (many: a
    common word's page is found after a few thousand rows, not after sorting a hundred thousand)."""
    alone = _search_alone(flt)
    if alone and sort_key == "received_at":
        [(matches,)] = database.execute_sql(*search.count_query(flt.text)).fetchall()
        return matches, _newest_matches(flt.text, descending, limit)
    cases_kept = RegisterEntry.select(fn.MAX(RegisterEntry.case)).scalar() or 0
    hits = search.keep_hits(flt.text)  # the index read once, for the count and the page
    matches = hits if alone else _where(RegisterEntry.select(fn.COUNT(SQL("*"))), flt, kept=True).scalar()
    field = _SORT_FIELDS.get(sort_key, RegisterEntry.received_at)
    walk = getattr(field, "index", False) and matches * matches > limit * cases_kept
    return matches, _rows(_page_query(flt, sort_key, descending, 0, limit, walk=walk, kept=True))


# PostgreSQL: up to this many matches are kept as a hash in the server's memory (a few MB) while
# the register is walked; beyond it the planner could judge the hash too big and test each row
# against every match kept, so each row's document is tested instead (most cases match then)
HASHED = 50_000
# a row walked in order costs about a sixteenth of a match looked up and sorted (measured at
# 100,000 cases: 0.4 µs against 7 µs; the two ways cost alike at about 1,100 matches)
WALK_COST = 16


def _pg_searched_first_page(text: str, descending: bool, limit: int) -> tuple[int, list[RegisterRow]]:
    """PostgreSQL, a search and nothing else, in received order: in one statement the matches
    read once through the pairs' index and counted, and the page taken the way the count makes
    cheaper — the few matches looked up and sorted, or (many) the received index walked until a
    page of them is found, each row tested against the matches hashed in memory (or, when most
    cases match, against its own document). Before, the server tested the pairs of each row's
    stored document while walking: 50 ms for a common word at 100,000 cases."""
    hits, params, patterns = search.pg_matches(text)
    order = "DESC" if descending else "ASC"
    by = f"ORDER BY r.received_at {order}, r.case_id {order} LIMIT %s"
    document = "(SELECT s.body FROM case_search AS s WHERE s.case_id = r.case_id)"
    # the few are each looked up by their id (OFFSET 0 keeps the lateral a lookup: as a join, the
    # planner merged the whole register with 3,500 matches, 61 ms against 26)
    sql = f"""WITH hits AS MATERIALIZED ({hits}),
        n AS MATERIALIZED (SELECT count(*) AS c, (SELECT max(case_id) FROM register_entry) AS cases FROM hits)
        SELECT n.c, p.* FROM n LEFT JOIN (
            (SELECT r.* FROM hits CROSS JOIN LATERAL (
                SELECT {_ENTRY_COLUMNS} FROM register_entry AS r WHERE r.case_id = hits.case_id OFFSET 0) AS r
             WHERE (SELECT {WALK_COST} * c * c <= %s * cases FROM n) {by})
            UNION ALL
            (SELECT {_ENTRY_COLUMNS} FROM register_entry AS r
             WHERE (SELECT {WALK_COST} * c * c > %s * cases AND c <= {HASHED} FROM n)
               AND (r.case_id IN (SELECT case_id FROM hits)) IS TRUE {by})
            UNION ALL
            (SELECT {_ENTRY_COLUMNS} FROM register_entry AS r
             WHERE (SELECT {WALK_COST} * c * c > %s * cases AND c > {HASHED} FROM n) AND {document} LIKE ALL (%s) {by})
        ) AS p ON true
        ORDER BY p.received_at {order}, p.case_id {order}"""
    asked = (sql, [*params, limit, limit, limit, limit, limit, patterns, limit])
    # once the calendar is kept (the register's first page brought it), the rows come as they are,
    # not as JSON: about 2 ms less for a page of 200
    rows = database.execute_sql(*asked).fetchall() if workdays.kept() else workdays.read_with([asked])[0]
    matches = rows[0][0] if rows else 0
    return matches, [_row(r[1:]) for r in rows if r[1] is not None]


def _newest_matches(text: str, descending: bool, limit: int) -> list[RegisterRow]:
    """A search's first page in received order, as the full-text index keeps its rows
    (search.newest): the page read, not every match; each found by its case id."""
    hits, params = search.newest(text, descending, limit)
    order = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {_ENTRY_COLUMNS} FROM ({hits}) AS hit CROSS JOIN register_entry AS r ON r.case_id = hit.id "
        f"ORDER BY r.received_at {order}, r.case_id {order} LIMIT ?"
    )
    return [_row(r) for r in database.execute_sql(sql, [*params, limit])]


def _rows(query) -> list[RegisterRow]:
    return [_row(r) for r in database.execute_sql(*query.sql())]


def _row(values) -> RegisterRow:
    """A register row from the driver's plain values (or JSON's, on PostgreSQL), its times read
    with fromisoformat: peewee's conversion of each field cost more than the query for a page."""
    v = list(values)
    v[_RECEIVED], v[_DUE], v[_PROVISIONAL] = _time(v[_RECEIVED]), _time(v[_DUE]), bool(v[_PROVISIONAL])
    return RegisterRow(*v)


def _time(value):
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _page_query(
    flt: RegisterFilter,
    sort_key: str,
    descending: bool,
    offset: int,
    limit: int,
    walk: bool = False,
    kept: bool = False,
):
    """`walk`: the search's matches tested as the sort order's index is read (the case id made an
    expression, so that SQLite does not look every match up by it instead); `kept`: the matches
    search.keep_hits kept."""
    field = _SORT_FIELDS.get(sort_key, RegisterEntry.received_at)
    order = [field.desc(), RegisterEntry.case.desc()] if descending else [field.asc(), RegisterEntry.case.asc()]
    query = _where(RegisterEntry.select(*_ENTRY_FIELDS), flt, walk, kept)
    return query.order_by(*order).limit(limit).offset(offset)

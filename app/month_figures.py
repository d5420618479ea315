"""The supervision figures kept per month of registration, so a dashboard for a year reads a few
thousand kept rows instead of grouping half a million cases (issue 21: 14 s → well under 1 s).

Every figure of app.statistics for a period of whole months (a month, a quarter, a year, which is
every period a supervisor can pick) is a sum over its months: counts per category, channel,
business, status, handler, outcome and deadline rule; sums for the means; durations in tenths of a
day, counted per tenth, for the medians; cases received per day for the weekly chart. Repeat
complainants, who do not add up month by month, are kept through each case's two previous cases
from the same phone: a phone with two or more cases in the period has exactly one case whose
previous case falls in the period and whose one before that does not.

The database itself notes which months changed: a trigger on every table a figure reads appends
the case's month to `figure_dirty` (an append-only log, so two seats never wait on each other),
whoever writes and however (the window, the command line, psql). Reading adds the kept rows of the
clean months to the same figures worked out directly for the noted ones; `refresh` keeps those in
turn, for whoever may write cases. `complaintdesk figures --rebuild` works every month out again and
`--check` compares the kept figures with the direct SQL of app.statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import Database

from app import db as dbm
from app import permissions
from app.database_roles import CASE_WRITERS
from app.db import is_postgres

CLOSED = ("closed", "archived")
OUTCOME_STATUSES = ("agreed", "terminated", "not_accepted", "withdrawn", "forwarded", "rejected", "exchange", "refund")
DURATIONS = ("first_contact_at", "decided_at", "resolved_at")
SEP = "\t"  # between the parts of a composite key (business, product, model, cause)

# the tables whose rows a figure reads, by the column that names their case
WATCHED = {
    "register_entry": "case_id",
    "complaint": "case_id",
    "event": "case_id",
    "case_deadline": "case_id",
    "follow_up": "case_id",
    "remedy": "case_id",
    "investigation": "case_id",
    "purchase": "case_id",
    "complaint_case": "id",
}


def days_between(since: str, until: str, pg: bool) -> str:
    """SQL for the days from one time column to another (fractional)."""
    return _sql(pg)["days"].format(since, until)


def tenths(days: str, pg: bool) -> str:
    """SQL rounding a number of days to the tenth the medians count (as a number)."""
    return f"round(({days})::numeric, 1)" if pg else f"round({days}, 1)"


def _sql(pg: bool) -> dict[str, str]:
    """The dialect's pieces: the month and day of a time, days between two times."""
    if pg:
        return {
            "month": "date_trunc('month', {0})::date",
            "day": "({0})::date",
            "days": "(EXTRACT(EPOCH FROM ({1} - {0})) / 86400.0)",
            "mark": "%s",
            "tab": "chr(9)",
        }
    return {
        "month": "date({0}, 'start of month')",
        "day": "date({0})",
        "days": "(julianday({1}) - julianday({0}))",
        "mark": "?",
        "tab": "char(9)",
    }


def measures(start: dt.datetime, end: dt.datetime, pg: bool) -> tuple[str, list]:
    """One SELECT of (month, measure, key, cases, amount) for the cases registered in [start, end),
    every figure worked out directly, grouped by month."""
    s = _sql(pg)
    month = s["month"].format("r.received_at")
    tab = s["tab"]
    rng = f"r.received_at >= {s['mark']} AND r.received_at < {s['mark']}"
    closed = _listed(CLOSED)
    outcomes = _listed(OUTCOME_STATUSES)
    ids = f"SELECT r.case_id FROM register_entry r WHERE {rng}"
    latest = f"SELECT MAX(id) FROM investigation WHERE cause <> '' AND case_id IN ({ids}) GROUP BY case_id"
    entries = f"FROM register_entry r WHERE {rng}"
    businesses = (
        "FROM register_entry r JOIN complaint_case c ON c.id = r.case_id JOIN business b ON b.id = c.business_id"
    )
    met = "d.state = 'met' AND d.closed_at {} d.due_at"
    parts = [
        (month, "'received'", "''", "COUNT(*)", "SUM(r.amount_fen)", f"{entries} GROUP BY 1"),  # and claimed
        (month, "'day'", _text(s["day"].format("r.received_at")), "COUNT(*)", "NULL", f"{entries} GROUP BY 1, 3"),
    ]
    for column in ("category", "business", "status", "handler"):
        parts.append((month, f"'{column}'", f"r.{column}", "COUNT(*)", "NULL", f"{entries} GROUP BY 1, 3"))
    resolved = s["days"].format("r.received_at", "r.resolved_at")
    parts.append(
        (
            month,
            "'handler.resolved'",
            "r.handler",
            "COUNT(r.resolved_at)",
            f"SUM({resolved})",
            f"{entries} GROUP BY 1, 3",
        )
    )
    for column in DURATIONS:
        days = s["days"].format("r.received_at", f"r.{column}")
        parts.append(
            (month, f"'duration.{column}'", "''", f"COUNT(r.{column})", f"SUM({days})", f"{entries} GROUP BY 1")
        )
        parts.append(
            (
                month,
                f"'tenths.{column}'",
                _text(tenths(days, pg)),
                "COUNT(*)",
                "NULL",
                f"{entries} AND r.{column} IS NOT NULL GROUP BY 1, 3",
            )
        )
    parts += [
        (
            month,
            "'channel'",
            "co.channel",
            "COUNT(*)",
            "NULL",
            f"FROM register_entry r JOIN complaint co ON co.case_id = r.case_id WHERE {rng} GROUP BY 1, 3",
        ),
        (
            month,
            "'outcome'",
            "e.to_status",
            "COUNT(DISTINCT e.case_id)",
            "NULL",
            f"FROM register_entry r JOIN event e ON e.case_id = r.case_id WHERE {rng} AND e.kind = 'status' "
            f"AND e.to_status IN ({outcomes}) GROUP BY 1, 3",
        ),
        # deadlines met on time (cases) and late (amount); those still running are counted when read
        (
            month,
            "'deadline'",
            f"d.rule || {tab} || MIN(d.title)",
            f"SUM(CASE WHEN {met.format('<=')} THEN 1 ELSE 0 END)",
            f"SUM(CASE WHEN {met.format('>')} THEN 1 ELSE 0 END)",
            f"FROM register_entry r JOIN case_deadline d ON d.case_id = r.case_id WHERE {rng} GROUP BY 1, d.rule",
        ),
        (
            month,
            "'satisfaction'",
            "''",
            "COUNT(f.satisfaction)",
            "SUM(f.satisfaction)",
            f"FROM register_entry r JOIN follow_up f ON f.case_id = r.case_id WHERE {rng} "
            "AND f.satisfaction IS NOT NULL GROUP BY 1",
        ),
        (
            month,
            "'recovered'",
            "''",
            "COUNT(*)",
            "SUM(m.amount_fen)",
            f"FROM register_entry r JOIN remedy m ON m.case_id = r.case_id WHERE {rng} AND m.by_whom = 'business' "
            "AND m.done_on IS NOT NULL GROUP BY 1",
        ),
        (
            month,
            "'cause'",
            "i.cause",
            "COUNT(*)",
            "NULL",
            f"FROM register_entry r JOIN investigation i ON i.case_id = r.case_id WHERE {rng} AND i.id IN ({latest}) "
            "GROUP BY 1, 3",
        ),
        (
            month,
            "'cause.product'",
            f"b.name || {tab} || COALESCE(p.product, '') || {tab} || COALESCE(p.model, '') || {tab} || i.cause",
            "COUNT(*)",
            "NULL",
            f"{businesses} JOIN investigation i ON i.case_id = r.case_id LEFT JOIN purchase p ON p.case_id = c.id "
            f"WHERE {rng} AND i.id IN ({latest}) GROUP BY 1, 3",
        ),
        # the businesses view: cases, those still open (amount), those that reached an agreement
        (
            month,
            "'business.view'",
            "b.name",
            "COUNT(*)",
            f"SUM(CASE WHEN c.status NOT IN ({closed}) THEN 1 ELSE 0 END)",
            f"{businesses} WHERE {rng} GROUP BY 1, 3",
        ),
        (
            month,
            "'business.agreed'",
            "b.name",
            "COUNT(*)",
            "NULL",
            f"{businesses} WHERE {rng} AND EXISTS (SELECT 1 FROM event e WHERE e.case_id = c.id "
            "AND e.kind = 'status' AND e.to_status = 'agreed') GROUP BY 1, 3",
        ),
    ]
    # repeat complainants: the months of each case's two previous cases from the same phone
    of = s["month"]
    parts.append(
        (
            of.format("l.received_at"),
            "'repeat'",
            f"{_text(of.format('l.p1'))} || {tab} || COALESCE({_text(of.format('l.p2'))}, '')",
            "COUNT(*)",
            "NULL",
            "FROM (SELECT c.received_at, LAG(c.received_at, 1) OVER w AS p1, LAG(c.received_at, 2) OVER w AS p2 "
            "FROM complaint_case c JOIN complainant k ON k.id = c.complainant_id "
            "WHERE k.phone_hash IN (SELECT k2.phone_hash FROM register_entry r JOIN complaint_case c2 ON c2.id = r.case_id "
            f"JOIN complainant k2 ON k2.id = c2.complainant_id WHERE {rng} AND k2.phone_hash <> '') "
            "WINDOW w AS (PARTITION BY k.phone_hash ORDER BY c.received_at, c.id)) l "
            f"WHERE l.p1 IS NOT NULL AND l.received_at >= {s['mark']} AND l.received_at < {s['mark']} GROUP BY 1, 3",
        )
    )
    names = ("month", "measure", "key", "cases", "amount")
    sql = " UNION ALL ".join(
        "SELECT " + ", ".join(f"{c} AS {n}" for c, n in zip(p[:5], names, strict=True)) + " " + p[5] for p in parts
    )
    return sql, [start, end] * (sql.count(s["mark"]) // 2)


def _text(expression: str) -> str:
    return f"CAST({expression} AS TEXT)"


# --- what the figures are read from ---------------------------------------------------------------


@dataclass
class Totals:
    """The summed kept rows of a period: [cases, amount] by measure and key."""

    start: dt.date
    sums: dict[str, dict[str, list]] = field(default_factory=lambda: defaultdict(dict))  # measure → key → sums
    dirty: list[dt.date] = field(default_factory=list)  # months worked out directly this time
    also: dict[str, list] = field(default_factory=dict)

    def add(self, rows: Iterable) -> None:
        for measure, key, cases, amount in rows:
            total = self.sums[measure].setdefault(key or "", [0, 0.0])
            total[0] += int(cases or 0)
            total[1] += float(amount or 0)

    def of(self, measure: str) -> list[tuple[str, int, float]]:
        """(key, cases, amount) of one measure."""
        return [(k, int(v[0]), v[1]) for k, v in self.sums.get(measure, {}).items()]

    def one(self, measure: str) -> tuple[int, float]:
        v = self.sums.get(measure, {}).get("", [0, 0.0])
        return int(v[0]), v[1]

    def counted(self, measure: str) -> list[tuple[str, int]]:
        """Counts by key, largest first (then by key), as app.statistics orders them."""
        rows = [(k, n) for k, n, _ in self.of(measure) if n]
        return sorted(rows, key=lambda r: (-r[1], r[0]))

    def median(self, measure: str) -> float | None:
        """The median of the tenths counted for a duration: the middle one, or the mean of the two."""
        counts = sorted((float(k), n) for k, n, _ in self.of(measure) if n)
        total = sum(n for _, n in counts)
        if not total:
            return None
        wanted = {(total + 1) // 2, (total + 2) // 2}
        found, seen = [], 0
        for value, n in counts:
            low = seen + 1
            seen += n
            found += [value for w in wanted if low <= w <= seen]
        return sum(found) / len(found)

    def repeat_complainants(self) -> int:
        """Phones with two or more cases in the period: each one's second case of the period."""
        start = self.start.isoformat()
        count = 0
        for key, n, _ in self.of("repeat"):
            previous, before = (key.split(SEP) + [""])[:2]
            if previous[:10] >= start and (not before or before[:10] < start):
                count += n
        return count


# measures with a row per business (or per business, product, model and cause) in every month:
# a clean period reads only the leading ones, largest first; the others have a few rows a month
LEADING = ("business", "business.view", "cause.product")
SMALL = (
    "received",
    "day",
    "category",
    "status",
    "handler",
    "handler.resolved",
    *(f"duration.{c}" for c in DURATIONS),
    *(f"tenths.{c}" for c in DURATIONS),
    "channel",
    "outcome",
    "deadline",
    "satisfaction",
    "recovered",
    "cause",
    "repeat",
)


def period_job(start: dt.datetime, end: dt.datetime, limit: int, also: dict | None = None):
    """A job for app.db.gathered: the Totals of [start, end) (whole months), from the kept rows of the
    clean months and, for the months noted since, the same figures worked out directly; of the
    LEADING measures the first `limit` keys. `also`: more queries asked in the same first round,
    whose rows come back as Totals.also."""
    pg = is_postgres()
    mark = "%s" if pg else "?"
    span = (start.date(), end.date())
    clean = _clean("month", mark)
    small = f"measure IN ({_listed(SMALL)})"  # each read through the key's start
    got = yield {
        **(also or {}),
        "kept": (
            f"SELECT measure, key, SUM(cases), SUM(amount) FROM month_figure WHERE {small} AND {clean} "
            "GROUP BY measure, key",
            span,
        ),
        **{f"leading.{measure}": _leading(measure, span, mark, limit) for measure in LEADING},
        "dirty": (f"SELECT DISTINCT month FROM figure_dirty WHERE month >= {mark} AND month < {mark}", span),
    }
    totals = Totals(start.date())
    totals.add(got["kept"])
    totals.also = {name: got[name] for name in also or {}}
    totals.dirty = dirty = sorted(_date(m) for (m,) in got["dirty"])
    if not dirty:
        for measure in LEADING:
            totals.add((measure, key, n, amount) for key, n, amount, *_ in got[f"leading.{measure}"])
        totals.add(("business.agreed", key, agreed, 0) for key, _, _, agreed in got["leading.business.view"])
        return totals
    # months noted since: their figures worked out directly, the leading measures' other keys read too
    asks = {
        "all": (
            "SELECT measure, key, SUM(cases), SUM(amount) FROM month_figure WHERE measure IN "
            f"({_listed((*LEADING, 'business.agreed'))}) AND {clean} "
            "GROUP BY measure, key",
            span,
        )
    }
    for i, (first, last) in enumerate(_runs(dirty)):
        sql, params = measures(*_bounds(first, last), pg)
        asks[f"run{i}"] = (f"SELECT measure, key, cases, amount FROM ({sql}) m", params)
    fresh = yield asks
    for rows in fresh.values():
        totals.add(rows)
    return totals


def _listed(names) -> str:
    """The module's own codes (measures, statuses) as an SQL list."""
    return ", ".join(f"'{m}'" for m in names)


def _clean(month: str, mark: str) -> str:
    """The months of the span whose kept figures hold (none noted since)."""
    return f"{month} >= {mark} AND {month} < {mark} AND {month} NOT IN (SELECT d.month FROM figure_dirty d)"


def _leading(measure: str, span: tuple, mark: str, limit: int) -> tuple[str, tuple]:
    """The first `limit` keys of a LEADING measure by their cases (the businesses view also with
    how many of each one's cases reached an agreement, looked up for those keys only)."""
    top = (
        f"SELECT f.key, SUM(f.cases) AS n, SUM(f.amount) AS amount FROM month_figure f WHERE f.measure = '{measure}' "
        f"AND {_clean('f.month', mark)} GROUP BY f.key ORDER BY SUM(f.cases) DESC, f.key LIMIT {int(limit)}"
    )
    if measure != "business.view":
        return top, span
    return (
        f"WITH top AS ({top}) SELECT top.key, top.n, top.amount, COALESCE(a.agreed, 0) FROM top LEFT JOIN "
        "(SELECT g.key, SUM(g.cases) AS agreed FROM month_figure g WHERE g.measure = 'business.agreed' "
        f"AND g.month >= {mark} AND g.month < {mark} AND g.key IN (SELECT key FROM top) GROUP BY g.key) a "
        "ON a.key = top.key ORDER BY top.n DESC, top.key",
        span + span,
    )


# --- keeping them ------------------------------------------------------------------------------------


def may_keep() -> bool:
    """Whether this seat keeps the figures it works out: whoever may write cases (on a shared
    database the others may only read month_figure; they work the noted months out each time)."""
    return any(permissions.may(action) for action in CASE_WRITERS)


def refresh() -> list[dt.date]:
    """Keep the figures of every month noted since the last time; the months done."""
    database = dbm.database.obj
    with database.atomic():
        noted = database.execute_sql(
            # on PostgreSQL every write appends its own note (none waits on another's), so many to a month
            "WITH gone AS (DELETE FROM figure_dirty RETURNING month) SELECT DISTINCT month FROM gone"
            if is_postgres(database)
            else "DELETE FROM figure_dirty RETURNING month"
        ).fetchall()
        months = sorted({_date(m) for (m,) in noted})
        if months and is_postgres(database):  # one keeper at a time: two would both insert a month's rows
            database.execute_sql("SELECT pg_advisory_xact_lock(hashtext('complaintdesk.month_figure'))")
        for first, last in _runs(months):
            _keep(database, first, last)
    return months


def rebuild() -> int:
    """Every month worked out again from the cases (the command line's `figures --rebuild`)."""
    database = dbm.database.obj
    with database.atomic():
        database.execute_sql("DELETE FROM figure_dirty")
        first, last = database.execute_sql("SELECT MIN(received_at), MAX(received_at) FROM register_entry").fetchone()
        database.execute_sql("DELETE FROM month_figure")
        if first is None:
            return 0
        first, last = _month_of(first), _month_of(last)
        _keep(database, first, last)
    return len(list(_months(first, last)))


def _keep(database: Database, first: dt.date, last: dt.date) -> None:
    """Work the months out again and keep them (on PostgreSQL both writes travel with the COMMIT)."""
    start, end = _bounds(first, last)
    mark = "%s" if is_postgres(database) else "?"
    dbm.later(f"DELETE FROM month_figure WHERE month >= {mark} AND month < {mark}", (start.date(), end.date()))
    sql, params = measures(start, end, is_postgres(database))
    dbm.later(f"INSERT INTO month_figure (month, measure, key, cases, amount) SELECT * FROM ({sql}) m", params)


def mark_all(database: Database) -> None:
    """Note every month that has cases (a schema step, or a change no trigger sees)."""
    month = _sql(is_postgres(database))["month"].format("received_at")
    database.execute_sql(f"INSERT INTO figure_dirty (month) SELECT DISTINCT {month} FROM register_entry")


def install_triggers(database: Database) -> None:
    """The database notes the month of every case whose figures a write may change."""
    if is_postgres(database):
        database.execute_sql(_PG_FUNCTION)
        for table in WATCHED:
            database.execute_sql(f'DROP TRIGGER IF EXISTS figures_noted ON "{table}"')
            database.execute_sql(
                f'CREATE TRIGGER figures_noted AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION cd_note_figures()"
            )
        database.execute_sql("DROP TRIGGER IF EXISTS figures_phone ON complainant")
        database.execute_sql(
            "CREATE TRIGGER figures_phone AFTER UPDATE OF phone_hash ON complainant "
            "FOR EACH ROW EXECUTE FUNCTION cd_note_phone_figures()"
        )
        return
    month = "date({0}, 'start of month')"
    for table, column in WATCHED.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            notes = []
            for row in rows:
                if table in ("register_entry", "complaint_case"):
                    noted = f"SELECT {month.format(row + '.received_at')} AS m"
                else:
                    noted = f"SELECT {month.format('received_at')} AS m FROM complaint_case WHERE id = {row}.{column}"
                # once per month: SQLite has one writer at a time, so no keeper can slip in between
                notes.append(
                    f"INSERT INTO figure_dirty (month) SELECT m FROM ({noted}) WHERE m IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM figure_dirty WHERE month = m);"
                )
            name = f"figures_{table}_{event.lower()}"
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
            database.execute_sql(f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {' '.join(notes)} END")
    database.execute_sql("DROP TRIGGER IF EXISTS figures_phone")
    database.execute_sql(
        "CREATE TRIGGER figures_phone AFTER UPDATE OF phone_hash ON complainant BEGIN "
        f"INSERT INTO figure_dirty (month) SELECT DISTINCT {month.format('c.received_at')} FROM complaint_case c "
        "JOIN complainant k ON k.id = c.complainant_id WHERE k.phone_hash IN (OLD.phone_hash, NEW.phone_hash) "
        "AND k.phone_hash <> '' AND OLD.phone_hash IS NOT NEW.phone_hash; END"
    )


_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION cd_note_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_case integer := (new_row ->> 'case_id')::integer;
    old_case integer := (old_row ->> 'case_id')::integer;
BEGIN
    IF TG_TABLE_NAME IN ('register_entry', 'complaint_case') THEN
        INSERT INTO figure_dirty (month)
        SELECT DISTINCT date_trunc('month', t)::date
          FROM (VALUES ((new_row ->> 'received_at')::timestamp), ((old_row ->> 'received_at')::timestamp)) v (t)
         WHERE t IS NOT NULL;
    ELSE  -- each case looked up by its key alone (an index read even before the table has statistics)
        INSERT INTO figure_dirty (month)
        SELECT date_trunc('month', c.received_at)::date FROM complaint_case c WHERE c.id = new_case
        UNION
        SELECT date_trunc('month', c.received_at)::date FROM complaint_case c WHERE c.id = old_case;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cd_note_phone_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO figure_dirty (month)
    SELECT DISTINCT date_trunc('month', c.received_at)::date FROM complaint_case c
      JOIN complainant k ON k.id = c.complainant_id
     WHERE k.phone_hash IN (OLD.phone_hash, NEW.phone_hash) AND k.phone_hash <> ''
       AND OLD.phone_hash IS DISTINCT FROM NEW.phone_hash;
    RETURN NULL;
END $$;
"""

# --- months ------------------------------------------------------------------------------------------


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _month_of(value) -> dt.date:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return dt.date(value.year, value.month, 1)


def _next(month: dt.date) -> dt.date:
    return dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _months(first: dt.date, last: dt.date):
    month = first
    while month <= last:
        yield month
        month = _next(month)


def _bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(first, dt.time()), dt.datetime.combine(_next(last), dt.time())


def _runs(months: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Months next to each other taken together: (first, last) of each run."""
    runs: list[tuple[dt.date, dt.date]] = []
    for m in months:
        if runs and _next(runs[-1][1]) == m:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs

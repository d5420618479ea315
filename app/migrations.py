"""Ordered schema migrations. Each step runs in its own transaction and bumps the version.

A step is frozen when it ships: it creates tables from app/frozen_schema.py (the tables as
version 12 defined them) or names its own columns, and its data changes are its own SQL, so it
does the same on every database whatever today's models and rules say. To change the schema,
append a step; never edit one that has shipped. Work that follows today's rules (seeding the
calendar, recomputing deadlines, the server's functions) is not a step: a step asks for it in
`after`, and it runs once, with today's code, in the last step's transaction.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from peewee import (
    BigAutoField,
    BigIntegerField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    Database,
    DateField,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.migrate import SchemaMigrator, migrate

from app import __version__, audit, clock, database_roles, frozen_schema, month_figures, search, settings, workdays
from app.db import (
    Location,
    backup_before_migration,
    is_postgres,
    refuse_if_newer,
    schema_version,
)
from app.errors import DatabaseError
from app.models import SchemaVersion
from app.workflow import machine

log = logging.getLogger(__name__)
v12 = frozen_schema


def _create(db: Database, tables: list) -> None:
    db.create_tables(tables, safe=True)


def _add_missing_columns(db: Database, model, names: list[str]) -> None:
    """Add columns an older database lacks, as `model` (a frozen table) defines them."""
    table = model._meta.table_name
    have = {c.name for c in db.get_columns(table)}
    migrator = SchemaMigrator.from_database(db)
    steps = [migrator.add_column(table, name, model._meta.fields[name]) for name in names if name not in have]
    if steps:
        migrate(*steps)
    indexed = {tuple(i.columns) for i in db.get_indexes(table)}
    for name in names:
        field = model._meta.fields[name]
        if field.index and (field.column_name,) not in indexed:
            migrate(migrator.add_index(table, (field.column_name,), False))


def _v1_initial(db: Database) -> None:
    _create(db, v12.TABLES)
    if is_postgres(db):
        db.execute_sql(
            "CREATE TABLE case_search (case_id INTEGER PRIMARY KEY "
            "REFERENCES complaint_case (id) ON DELETE CASCADE, body TEXT NOT NULL)"
        )
        try:
            with db.atomic():
                db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                db.execute_sql("CREATE INDEX case_search_trgm ON case_search USING gin (body gin_trgm_ops)")
        except Exception as exc:  # noqa: BLE001 - the index is an optimisation only
            log.warning("pg_trgm not available, search will scan: %s", exc)
    else:
        db.execute_sql("CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize='unicode61 remove_diacritics 2')")


def _v2_calendar(db: Database) -> None:
    _create(db, v12.CALENDAR_TABLES)


def _v3_workflow(db: Database) -> None:
    _create(db, v12.WORKFLOW_TABLES)
    _add_missing_columns(db, v12.Case, ["mediator"])
    _add_missing_columns(db, v12.Event, ["reason"])
    _add_missing_columns(db, v12.RegisterEntry, ["due_at", "due_provisional"])


def _v4_records(db: Database) -> None:
    _create(db, v12.RECORD_TABLES)


def _v5_evidence(db: Database) -> None:
    _create(db, v12.EVIDENCE_TABLES)


def _v6_imports(db: Database) -> None:
    _create(db, v12.IMPORT_TABLES)


def _v7_documents(db: Database) -> None:
    _create(db, v12.DOCUMENT_TABLES)


def _v8_audit(db: Database) -> None:
    _create(db, v12.AUDIT_TABLES)


def _v9_users(db: Database) -> None:
    _create(db, v12.USER_TABLES)


# what "decided" and "resolved" meant when version 10 filled the register's times
_V10_DECIDED = ("accepted", "diagnosed", "forwarded", "not_accepted", "rejected")
_V10_RESOLVED = ("closed",)


def _v10_supervision_times(db: Database) -> None:
    """The register entry learns when each case was first contacted, decided and closed
    (filled from the timelines once), and the dashboard's queries get covering indexes."""

    _add_missing_columns(db, v12.RegisterEntry, ["first_contact_at", "decided_at", "resolved_at"])

    def first(condition: str) -> str:
        return f"(SELECT MIN(e.at) FROM event e WHERE e.case_id = register_entry.case_id AND {condition})"

    decided = ", ".join(f"'{s}'" for s in _V10_DECIDED)
    resolved = ", ".join(f"'{s}'" for s in _V10_RESOLVED)
    db.execute_sql(f"""UPDATE register_entry SET
        first_contact_at = {first("e.kind = 'milestone' AND e.field = 'first_contact'")},
        decided_at = {first(f"e.kind = 'status' AND e.to_status IN ({decided})")},
        resolved_at = {first(f"e.kind = 'status' AND e.to_status IN ({resolved})")}""")
    for name, table, columns in (
        ("register_entry_times", "register_entry", "received_at, handler, first_contact_at, decided_at, resolved_at"),
        ("register_entry_open", "register_entry", "status, handler, due_at"),
        ("complaint_stats", "complaint", "case_id, category, channel, demand_amount_fen"),
        ("case_deadline_stats", "case_deadline", "case_id, rule, state, due_at, closed_at"),
    ):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def _v11_phone_tails(db: Database) -> None:
    """Each case's search document learns the last four digits of the complainant's phone (its
    rows read as keyed or not: a case's id is its row's low bits either way)."""
    if is_postgres(db):
        db.execute_sql("""UPDATE case_search s SET body = s.body || ' ' || right(regexp_replace(p.phone, '\\D', '', 'g'), 4)
            FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id
            WHERE c.id = s.case_id AND length(regexp_replace(p.phone, '\\D', '', 'g')) >= 4""")
        return
    digits = "replace(replace(replace(replace(p.phone, '-', ''), ' ', ''), '+', ''), '(', '')"
    db.execute_sql(f"""UPDATE case_search SET body = body || ' ' || (
        SELECT substr({digits}, -4) FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id
        WHERE c.id = (case_search.rowid & {search.ID_MASK})) WHERE {search.CASE_OF_ROW} IN (
        SELECT c.id FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id WHERE length({digits}) >= 4)""")


_STARS = "'" + "*" * 40 + "'"


def _masked_phone_sql(column: str) -> str:
    """checks.mask_phone as it was at version 12, in SQL (the same on SQLite and PostgreSQL)."""
    v = f"trim({column})"
    return (
        f"CASE WHEN length({v}) < 7 THEN substr({_STARS}, 1, length({v})) "
        f"WHEN length({v}) >= 11 THEN substr({v}, 1, length({v}) - 8) || '****' || substr({v}, length({v}) - 3) "
        f"ELSE substr({v}, 1, 3) || '****' || substr({v}, length({v}) - 3) END"
    )


def _masked_id_sql(column: str) -> str:
    """checks.mask_id as it was at version 12, in SQL."""
    v = f"trim({column})"
    return (
        f"CASE WHEN length({v}) <= 10 THEN substr({_STARS}, 1, length({v})) "
        f"ELSE substr({v}, 1, 6) || substr({_STARS}, 1, length({v}) - 10) || substr({v}, length({v}) - 3) END"
    )


def _v12_personal_numbers(db: Database) -> None:
    """Full personal numbers in a table of their own; masked copies stay behind (complainant,
    register, the timeline's edits of these fields)."""
    _create(db, v12.PRIVACY_TABLES)
    db.execute_sql(
        "INSERT INTO personal_numbers (complainant_id, phone, id_number, agent_phone) "
        "SELECT id, phone, id_number, agent_phone FROM complainant "
        "WHERE id NOT IN (SELECT complainant_id FROM personal_numbers)"
    )
    db.execute_sql(
        f"UPDATE complainant SET phone = {_masked_phone_sql('phone')}, "
        f"id_number = {_masked_id_sql('id_number')}, agent_phone = {_masked_phone_sql('agent_phone')}"
    )
    db.execute_sql(f"UPDATE register_entry SET phone = {_masked_phone_sql('phone')}")
    for key, sql in (
        ("complainant.id_number", _masked_id_sql),
        ("complainant.phone", _masked_phone_sql),
        ("complainant.agent_phone", _masked_phone_sql),
    ):
        db.execute_sql(
            f"UPDATE event SET old_value = {sql('old_value')}, new_value = {sql('new_value')} WHERE field = '{key}'"
        )


# the program's own notes as versions up to 12 worded them, and the codes behind their labels then
_V13_DELIVERY = {"当面交付": "in_person", "邮寄": "post", "短信": "sms", "电子邮件": "email", "电话告知": "phone"}
_V13_NOTICE_TITLES = {
    "intake_receipt": "投诉登记表",
    "identity_notice": "身份核实通知",
    "acceptance_notice": "受理通知书",
    "not_accepted_notice": "不予受理告知书",
    "forwarding_notice": "转办告知书",
    "mediation_notice": "调解通知书",
    "mediation_agreement": "调解协议书",
    "mediation_record": "调解记录",
    "termination_notice": "终止调解告知书",
    "written_resolution": "处理结果通知书",
    "follow_up_record": "回访记录",
    "repair_slip": "维修单 / 三包凭证",
    "evidence_list": "证据清单",
}
_V13_EVIDENCE_ADDED = re.compile(r"添加证据：.+?“.*”（.+?提供，[\d.]+ [KM]B，SHA-256 \w+…）")
_V13_EVIDENCE_REMOVED = re.compile(r"移除证据“(?P<name>.*)”：(?P<reason>.*)", re.S)
_V13_CONSENT = re.compile(r"(?:投诉人|经营者)同意(?P<what>调解|移交其他机构调解)(?:（(?P<how>.*)）)?", re.S)
_V13_CONFLICT = re.compile(r"调解员 .+? 声明存在利害关系：(?P<note>.*)", re.S)
_V13_CORRECTION = re.compile(r"(?P<number>.+) 更正并取代 (?P<old>.+)")
_V13_MOVE = re.compile(r"(?P<rule>\S+) 由 (?P<old>\d{4}-\d{2}-\d{2}) 改为 (?P<new>\d{4}-\d{2}-\d{2})")


def _v13_event_values(note: str, kind: str, field: str, evidence: dict) -> dict:
    """An event's values read once from the note the program wrote ({} when it fits no shape)."""
    if kind == "evidence" and _V13_EVIDENCE_ADDED.fullmatch(note) and field.isdigit() and int(field) in evidence:
        item = evidence[int(field)]
        return {"act": "added", **item}
    if kind == "evidence" and (m := _V13_EVIDENCE_REMOVED.fullmatch(note)):
        return {"act": "removed", "name": m["name"], "reason": m["reason"]}
    if kind == "consent" and field in ("complainant", "business") and (m := _V13_CONSENT.fullmatch(note)):
        purpose = "mediation" if m["what"] == "调解" else "handover"
        return {"party": field, "purpose": purpose, "how": m["how"] or ""}
    if kind == "conflict" and (m := _V13_CONFLICT.fullmatch(note)):
        return {"mediator": field, "note": m["note"]}
    if kind == "notice" and (m := _V13_CORRECTION.fullmatch(note)):
        return {"number": m["number"], "replaces": m["old"]}
    title = _V13_NOTICE_TITLES.get(field, "")
    if kind == "notice" and title and note.startswith(title) and "，" in note:
        number, _, delivery = note[len(title) :].rpartition("，")
        if delivery in _V13_DELIVERY:
            return {"number": number.strip(), "delivery": _V13_DELIVERY[delivery]}
    if kind == "deadline" and "：" in note:
        why, _, text = note.rpartition("：")
        moves = [_V13_MOVE.fullmatch(part) for part in text.split("；")]
        if moves and all(moves):
            return {"why": why, "moves": [[m["rule"], m["old"], m["new"]] for m in moves if m]}
    return {}


def _v13_timeline_values(db: Database) -> None:
    """Each event keeps its values as data (a JSON column) and is told from them when read;
    the notes the program wrote before stay as they were sealed, their values read once here."""
    if "data" not in {c.name for c in db.get_columns("event")}:
        migrate(SchemaMigrator.from_database(db).add_column("event", "data", TextField(default="")))
    kinds = ("evidence", "consent", "conflict", "notice", "deadline")
    marks = ", ".join("'" + k + "'" for k in kinds)
    evidence = {
        row[0]: {"kind": row[1], "name": row[2], "supplier": row[3], "size": row[4], "sha256": row[5]}
        for row in db.execute_sql("SELECT id, kind, original_name, supplier, size, sha256 FROM evidence").fetchall()
    }
    last = 0
    while True:
        rows = db.execute_sql(
            f"SELECT id, kind, field, note FROM event WHERE kind IN ({marks}) AND id > {last} ORDER BY id LIMIT 5000"
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        found = []
        for event_id, kind, field, note in rows:
            values = _v13_event_values(note or "", kind, field or "", evidence)
            if values:
                found.append((json.dumps(values, ensure_ascii=False, sort_keys=True), event_id))
        if found:
            mark = "%s" if is_postgres(db) else "?"
            db.cursor().executemany(f"UPDATE event SET data = {mark} WHERE id = {mark}", found)


def _v14_scheduled_sessions(db: Database) -> None:
    """Mediation sessions can be scheduled before they are held; every earlier one was held."""
    have = {c.name for c in db.get_columns("mediation_session")}
    migrator = SchemaMigrator.from_database(db)
    columns = [
        ("state", CharField(max_length=20, default="held")),
        ("starts_at", DateTimeField(null=True)),
        ("summoned", TextField(default="")),
        ("bring", TextField(default="")),
        ("note", TextField(default="")),
    ]
    steps = [migrator.add_column("mediation_session", name, field) for name, field in columns if name not in have]
    if steps:
        migrate(*steps)


class _V15CaseWording(Model):
    """case_wording as version 15 creates it."""

    case = ForeignKeyField(v12.Case, on_delete="CASCADE")
    kind = CharField(max_length=40)
    language = CharField(max_length=10)
    text = TextField()
    edited_by = CharField(max_length=100, default="")
    edited_at = DateTimeField()

    class Meta:
        database = v12.database
        table_name = "case_wording"
        indexes = ((("case", "kind", "language"), True),)


def _v15_case_wording(db: Database) -> None:
    """A document's wording can be changed for one case."""
    _create(db, [_V15CaseWording])


def _v16_registered_at(db: Database) -> None:
    """A case keeps when it was received (every deadline runs from it) apart from when it was typed in."""
    if "registered_at" not in {c.name for c in db.get_columns("complaint_case")}:
        migrate(
            SchemaMigrator.from_database(db).add_column("complaint_case", "registered_at", DateTimeField(null=True))
        )
    db.execute_sql("UPDATE complaint_case SET registered_at = received_at WHERE registered_at IS NULL")


def _v17_lasting_warnings(db: Database) -> None:
    """What intake found (signs of ground A3, the three years of ground A4, a likely repeat) stays
    on the case and in the register."""
    # a plain ALTER with its default, on both databases: no table rebuild
    if "warnings" not in {c.name for c in db.get_columns("complaint_case")}:
        db.execute_sql("ALTER TABLE complaint_case ADD COLUMN warnings TEXT NOT NULL DEFAULT ''")
    if "flags" not in {c.name for c in db.get_columns("register_entry")}:
        db.execute_sql("ALTER TABLE register_entry ADD COLUMN flags VARCHAR(40) NOT NULL DEFAULT ''")


def _v18_grades(db: Database) -> None:
    """Each complaint is graded 一般 / 重要 / 紧急; every earlier one was ordinary."""
    if "grade" not in {c.name for c in db.get_columns("complaint_case")}:
        db.execute_sql("ALTER TABLE complaint_case ADD COLUMN grade VARCHAR(10) NOT NULL DEFAULT 'ordinary'")
        db.execute_sql("ALTER TABLE complaint_case ADD COLUMN grade_reason TEXT NOT NULL DEFAULT ''")
    if "grade" not in {c.name for c in db.get_columns("register_entry")}:
        db.execute_sql("ALTER TABLE register_entry ADD COLUMN grade VARCHAR(10) NOT NULL DEFAULT 'ordinary'")


class _V19ImprovementAction(Model):
    """improvement_action as version 19 creates it."""

    business = CharField(max_length=200, default="", index=True)
    product = CharField(max_length=200, default="")
    model = CharField(max_length=100, default="")
    cause = CharField(max_length=20, default="")
    what = TextField()
    who = CharField(max_length=100)
    due_on = DateField(index=True)
    done_on = DateField(null=True)
    outcome = TextField(default="")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()
    version = IntegerField(default=1)

    class Meta:
        database = v12.database
        table_name = "improvement_action"


def _v19_improvement_actions(db: Database) -> None:
    """Improvement actions against the causes of complaints, per business or product."""
    _create(db, [_V19ImprovementAction])


class _V20Device(Model):
    """device as version 20 creates it."""

    case = ForeignKeyField(v12.Case, unique=True, on_delete="CASCADE")
    product_class = CharField(max_length=20, default="")
    fault_kind = CharField(max_length=20, default="")
    fault = CharField(max_length=20, default="")
    accessories = CharField(max_length=300, default="")
    appearance = CharField(max_length=300, default="")
    quote_fen = IntegerField(null=True)
    quote_consent = BooleanField(default=False)
    expected_on = DateField(null=True)
    remedy = CharField(max_length=20, default="")
    remedy_rule = TextField(default="")
    remedy_reason = TextField(default="")
    new_serial = CharField(max_length=100, default="", index=True)
    exchanged_on = DateField(null=True)
    picked_up_at = DateTimeField(null=True)
    version = IntegerField(default=1)

    class Meta:
        database = v12.database
        table_name = "device"


class _V20RepairWork(Model):
    """repair_work as version 20 creates it."""

    case = ForeignKeyField(v12.Case, on_delete="CASCADE")
    fault = CharField(max_length=20)
    diagnosis = TextField()
    parts = CharField(max_length=300, default="")
    technician = CharField(max_length=100, default="")
    started_on = DateField()
    finished_on = DateField(null=True)
    parts_ordered_on = DateField(null=True)
    parts_arrived_on = DateField(null=True)
    result = CharField(max_length=20, default="fixed")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()

    class Meta:
        database = v12.database
        table_name = "repair_work"


def _v20_repair_desk(db: Database) -> None:
    """The repair counter's device intake and repair records; a device's history found by its serial."""
    _create(db, [_V20Device, _V20RepairWork])
    db.execute_sql("CREATE INDEX IF NOT EXISTS purchase_serial ON purchase (serial)")


class _V21EvidenceThumbnail(Model):
    """evidence_thumbnail as version 21 creates it."""

    sha256 = CharField(max_length=64, primary_key=True)
    data = BlobField()

    class Meta:
        database = v12.database
        table_name = "evidence_thumbnail"


def _v21_thumbnails(db: Database) -> None:
    """Evidence photos' thumbnails kept small beside them: opening a case moves no file's bytes."""
    _create(db, [_V21EvidenceThumbnail])


def _v22_lookup_indexes(db: Database) -> None:
    """The intake's look-up of earlier complaints from the same address, through an index (a scan
    of every complainant at a million cases); the search documents then learn the case numbers'
    digit suffixes (search.number_words), so a fragment is found through the index too."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS complainant_address ON complainant (address)")


def _v23_search_bigrams(db: Database) -> None:
    """PostgreSQL: every two characters of a search document kept as an array the server fills
    itself (a generated column) under a GIN index, so a two-character Chinese word (空调, 退款),
    which a trigram index cannot serve, is found through an index; ILIKE then checks the words."""
    if not is_postgres(db):
        return
    db.execute_sql("""CREATE OR REPLACE FUNCTION cd_bigrams(body text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
                SELECT substr(body, i, 2) AS g FROM generate_series(1, length(body) - 1) AS i) s
            WHERE g !~ '\\s'
        $$""")
    db.execute_sql(
        "ALTER TABLE case_search ADD COLUMN IF NOT EXISTS grams text[] GENERATED ALWAYS AS (cd_bigrams(body)) STORED"
    )
    db.execute_sql("CREATE INDEX IF NOT EXISTS case_search_grams ON case_search USING gin (grams)")


class _V24MonthFigure(Model):
    month = DateField()
    measure = CharField(max_length=40)
    key = CharField(max_length=1000, default="")
    cases = BigIntegerField(default=0)
    amount = DoubleField(null=True)

    class Meta:
        database = v12.database
        table_name = "month_figure"
        primary_key = CompositeKey("measure", "month", "key")


class _V24FigureDirty(Model):
    id = BigAutoField()
    month = DateField(index=True)

    class Meta:
        database = v12.database
        table_name = "figure_dirty"


def _v24_month_figures(db: Database) -> None:
    """The dashboard's figures kept per month, noted for working out again by the database's own
    triggers whenever a case's parts change (app.month_figures); every month with cases noted now."""
    _create(db, [_V24MonthFigure, _V24FigureDirty])
    month_figures.install_triggers(db)
    month_figures.mark_all(db)


def _v25_search_keys(db: Database) -> None:
    """SQLite: the full-text index's rows keyed by when each case was received (search.KEY_SQL),
    so that a search's newest matches come from the index in order; search_key keeps the keys."""
    if is_postgres(db) or "search_key" in db.get_tables():  # (keyed already: this step ran)
        return
    db.execute_sql("CREATE TABLE search_key (case_id INTEGER PRIMARY KEY, key INTEGER NOT NULL)")
    db.execute_sql(
        f"INSERT INTO search_key (case_id, key) SELECT id, {search.KEY_SQL} FROM complaint_case "
        "WHERE id IN (SELECT rowid FROM case_search)"
    )
    db.execute_sql("CREATE VIRTUAL TABLE case_search_keyed USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.execute_sql(
        "INSERT INTO case_search_keyed (rowid, body) "
        "SELECT k.key, s.body FROM case_search AS s JOIN search_key AS k ON k.case_id = s.rowid"
    )
    db.execute_sql("DROP TABLE case_search")
    db.execute_sql("ALTER TABLE case_search_keyed RENAME TO case_search")
    db.execute_sql("INSERT INTO case_search (case_search) VALUES ('optimize')")


def _v26_business_look_up(db: Database) -> None:
    """The intake's look-up of a business's latest cases from the register, newest first through one
    index: PostgreSQL read every case (a hash join) for a business with a thousand of them."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS register_entry_business_received_at ON register_entry (business, received_at)"
    )


@dataclass(frozen=True)
class Step:
    version: int
    title: str
    run: Callable[[Database], None]
    after: tuple[str, ...] = ()  # today's work it needs once the schema is there (AFTER)


MIGRATIONS: list[Step] = [
    Step(1, "initial schema", _v1_initial, ("salt",)),
    Step(2, "working-day calendar", _v2_calendar, ("calendar",)),
    Step(3, "workflow: deadlines, consents, conflicts, notices", _v3_workflow, ("deadlines",)),
    Step(4, "investigation, mediation, appraisal, remedy, follow-up and appeal records", _v4_records),
    Step(5, "evidence", _v5_evidence),
    Step(6, "import keys", _v6_imports),
    Step(7, "document numbers", _v7_documents),
    Step(8, "audit trail", _v8_audit, ("audit",)),
    Step(9, "accounts", _v9_users),
    Step(10, "supervision times and indexes", _v10_supervision_times),
    Step(11, "phone tails in the search index", _v11_phone_tails),
    Step(12, "personal numbers apart; server-side audit and reveal", _v12_personal_numbers, ("functions",)),
    Step(13, "timeline values as data", _v13_timeline_values),
    Step(14, "scheduled mediation sessions", _v14_scheduled_sessions),
    Step(15, "per-case document wording", _v15_case_wording),
    Step(16, "received apart from registered", _v16_registered_at),
    Step(17, "warnings that stay", _v17_lasting_warnings),
    Step(18, "grades", _v18_grades),
    Step(19, "improvement actions", _v19_improvement_actions),
    Step(20, "the repair counter's desk", _v20_repair_desk, ("search_serials", "counter_deadlines")),
    Step(21, "evidence thumbnails", _v21_thumbnails),
    Step(22, "look-ups and case-number fragments through indexes", _v22_lookup_indexes, ("search_numbers",)),
    Step(23, "two-character words through an index on PostgreSQL", _v23_search_bigrams),
    Step(24, "supervision figures kept per month", _v24_month_figures),
    Step(25, "search results in received order from the index", _v25_search_keys),
    Step(26, "a business's latest cases through an index", _v26_business_look_up),
]

# Today's work a step may ask for, in the order it runs (each once, after the last step).
AFTER: dict[str, Callable[[Database], None]] = {
    # per-database salt for the duplicate/abuse hashes of phone and ID numbers (RULES.md 6)
    "salt": lambda db: settings.put_if_missing("hash_salt", secrets.token_hex(16)),
    "calendar": lambda db: workdays.seed_from_library(),
    "audit": audit.protect,  # PostgreSQL: the audit table append-only
    "functions": lambda db: database_roles.install_functions(db) if is_postgres(db) else None,
    "deadlines": lambda db: machine.rebuild_all_deadlines(),
    "search_serials": lambda db: search.reindex_devices(),
    "search_numbers": lambda db: search.reindex_all(),
    # D8 counts the office's hours from v20: a counter's running clocks follow
    "counter_deadlines": lambda db: (
        machine.rebuild_cases(machine.open_case_ids()) if machine.office_profile().counter else None
    ),
}


@contextmanager
def _foreign_keys_off(db: Database):
    """SQLite rebuilds a table to change a column (peewee's migrator copies it, drops the old one
    and renames the copy): with foreign keys on, dropping complaint_case would cascade-delete every
    timeline event. SQLite's own procedure for schema changes turns them off around it and checks
    them after (each step, _check_foreign_keys); PostgreSQL alters in place."""
    if is_postgres(db):
        yield
        return
    db.execute_sql("PRAGMA foreign_keys = OFF")  # outside a transaction, or SQLite ignores it
    try:
        yield
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _check_foreign_keys(db: Database) -> None:
    if is_postgres(db):
        return
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise DatabaseError("升级后有 {n} 行引用了不存在的记录，已撤销本步升级", n=len(broken))


def latest() -> int:
    return MIGRATIONS[-1].version


def bring_up_to_date(db: Database, location: Location) -> str | None:
    """Create or migrate; returns where a pre-migration backup went, if one was made."""
    stored = schema_version(db)
    refuse_if_newer(stored or 0, latest())
    backup = None
    secured = database_roles.is_secured(db)
    if secured and (stored or 0) < latest() and not database_roles.may_change_schema(db):
        raise DatabaseError(
            "数据库（结构版本 {stored}）需要升级到版本 {latest}：请数据库管理员用 PostgreSQL 超级用户运行 "
            "complaintdesk init 后再登录",
            stored=stored,
            latest=latest(),
        )
    if stored is not None and 0 < stored < latest():
        backup = backup_before_migration(db, location, stored)
        log.info("backed up schema v%s to %s before migrating", stored, backup)
    pending = [step for step in MIGRATIONS if stored is None or step.version > stored]
    needed = {name for step in pending for name in step.after}
    with _foreign_keys_off(db):
        for step in pending:
            with db.atomic(), audit.paused():
                step.run(db)
                if step is pending[-1]:
                    for name, work in AFTER.items():
                        if name in needed:
                            work(db)
                _check_foreign_keys(db)
                SchemaVersion.delete().execute()
                SchemaVersion.create(version=step.version, applied_at=clock.now(), app_version=__version__)
            log.info("schema migrated to v%s (%s)", step.version, step.title)
    if secured and (stored or 0) < latest():
        database_roles.secure(db)  # new tables and functions to the owner, grants for them
    return backup

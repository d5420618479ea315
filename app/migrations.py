"""Ordered schema migrations. Each step runs in its own transaction and bumps the version.

To change the schema, append a step; never edit one that has shipped.
"""

from __future__ import annotations

import logging
import secrets
from typing import Callable

from peewee import Database

from app import __version__, audit, clock, database_roles, privacy, search, settings, workdays
from app.db import (
    Location,
    backup_before_migration,
    is_postgres,
    refuse_if_newer,
    schema_version,
)
from app.errors import DatabaseError
from app.models import (
    AUDIT_TABLES,
    CALENDAR_TABLES,
    DOCUMENT_TABLES,
    EVIDENCE_TABLES,
    IMPORT_TABLES,
    PRIVACY_TABLES,
    RECORD_TABLES,
    TABLES,
    USER_TABLES,
    WORKFLOW_TABLES,
    Case,
    Event,
    RegisterEntry,
    SchemaVersion,
)
from app.register import DECIDED_STATES, RESOLVED_STATES
from app.workflow import machine

log = logging.getLogger(__name__)


def _v1_initial(db: Database) -> None:
    db.create_tables(TABLES)
    search.create_index(db)
    # per-database salt for the duplicate/abuse hashes of phone and ID numbers (RULES.md 6)
    settings.put_if_missing("hash_salt", secrets.token_hex(16))


def _v2_calendar(db: Database) -> None:
    db.create_tables(CALENDAR_TABLES)
    workdays.seed_from_library()


def _add_missing_columns(db: Database, model, names: list[str]) -> None:
    """Add columns an older database lacks (a fresh one got them from the models in v1)."""
    from playhouse.migrate import SchemaMigrator, migrate

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


def _v3_workflow(db: Database) -> None:

    db.create_tables(WORKFLOW_TABLES)
    _add_missing_columns(db, Case, ["mediator"])
    _add_missing_columns(db, Event, ["reason"])
    _add_missing_columns(db, RegisterEntry, ["due_at", "due_provisional"])
    machine.rebuild_all_deadlines()


def _v4_records(db: Database) -> None:
    db.create_tables(RECORD_TABLES)


def _v5_evidence(db: Database) -> None:
    db.create_tables(EVIDENCE_TABLES)


def _v6_imports(db: Database) -> None:
    db.create_tables(IMPORT_TABLES)


def _v7_documents(db: Database) -> None:
    db.create_tables(DOCUMENT_TABLES)


def _v8_audit(db: Database) -> None:

    db.create_tables(AUDIT_TABLES)
    audit.protect(db)


def _v9_users(db: Database) -> None:
    db.create_tables(USER_TABLES)


def _v10_supervision_times(db: Database) -> None:
    """The register entry learns when each case was first contacted, decided and closed
    (filled from the timelines once), and the dashboard's queries get covering indexes."""

    _add_missing_columns(db, RegisterEntry, ["first_contact_at", "decided_at", "resolved_at"])

    def first(condition: str) -> str:
        return f"(SELECT MIN(e.at) FROM event e WHERE e.case_id = register_entry.case_id AND {condition})"

    decided = ", ".join(f"'{s}'" for s in DECIDED_STATES)
    resolved = ", ".join(f"'{s}'" for s in RESOLVED_STATES)
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
    """Each case's search document learns the last four digits of the complainant's phone."""
    if is_postgres(db):
        db.execute_sql("""UPDATE case_search s SET body = s.body || ' ' || right(regexp_replace(p.phone, '\\D', '', 'g'), 4)
            FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id
            WHERE c.id = s.case_id AND length(regexp_replace(p.phone, '\\D', '', 'g')) >= 4""")
        return
    digits = "replace(replace(replace(replace(p.phone, '-', ''), ' ', ''), '+', ''), '(', '')"
    db.execute_sql(f"""UPDATE case_search SET body = body || ' ' || (
        SELECT substr({digits}, -4) FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id
        WHERE c.id = case_search.rowid) WHERE rowid IN (
        SELECT c.id FROM complaint_case c JOIN complainant p ON p.id = c.complainant_id WHERE length({digits}) >= 4)""")


def _v12_personal_numbers(db: Database) -> None:
    """Full personal numbers in a table of their own; on PostgreSQL, the functions through which
    seats append to the audit, hash and reveal numbers (app/database_roles.py)."""
    db.create_tables(PRIVACY_TABLES)
    privacy.mask_stored(db)
    if is_postgres(db):
        database_roles.install_functions(db)


MIGRATIONS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "initial schema", _v1_initial),
    (2, "working-day calendar", _v2_calendar),
    (3, "workflow: deadlines, consents, conflicts, notices", _v3_workflow),
    (4, "investigation, mediation, appraisal, remedy, follow-up and appeal records", _v4_records),
    (5, "evidence", _v5_evidence),
    (6, "import keys", _v6_imports),
    (7, "document numbers", _v7_documents),
    (8, "audit trail", _v8_audit),
    (9, "accounts", _v9_users),
    (10, "supervision times and indexes", _v10_supervision_times),
    (11, "phone tails in the search index", _v11_phone_tails),
    (12, "personal numbers apart; server-side audit and reveal", _v12_personal_numbers),
]


def latest() -> int:
    return MIGRATIONS[-1][0]


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
    for version, title, step in MIGRATIONS:
        if stored is not None and version <= stored:
            continue
        with db.atomic(), audit.paused():
            step(db)
            SchemaVersion.delete().execute()
            SchemaVersion.create(version=version, applied_at=clock.now(), app_version=__version__)
        log.info("schema migrated to v%s (%s)", version, title)
    if secured and (stored or 0) < latest():
        database_roles.secure(db)  # new tables and functions to the owner, grants for them
    return backup

"""Ordered schema migrations. Each step runs in its own transaction and bumps the version.

To change the schema, append a step; never edit one that has shipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from typing import Callable

from peewee import Database

from app import __version__, search, workdays
from app.db import Location, backup_before_migration, refuse_if_newer, schema_version
from app.models import CALENDAR_TABLES, TABLES, SchemaVersion, Setting

log = logging.getLogger(__name__)


def _v1_initial(db: Database) -> None:
    db.create_tables(TABLES)
    search.create_index(db)
    # per-database salt for the duplicate/abuse hashes of phone and ID numbers (RULES.md 6)
    Setting.insert(key="hash_salt", value=secrets.token_hex(16)).on_conflict_ignore().execute()


def _v2_calendar(db: Database) -> None:
    db.create_tables(CALENDAR_TABLES)
    workdays.seed_from_library()


MIGRATIONS: list[tuple[int, str, Callable[[Database], None]]] = [
    (1, "initial schema", _v1_initial),
    (2, "working-day calendar", _v2_calendar),
]


def latest() -> int:
    return MIGRATIONS[-1][0]


def bring_up_to_date(db: Database, location: Location) -> str | None:
    """Create or migrate; returns where a pre-migration backup went, if one was made."""
    stored = schema_version(db)
    refuse_if_newer(stored or 0, latest())
    backup = None
    if stored is not None and 0 < stored < latest():
        backup = backup_before_migration(db, location, stored)
        log.info("backed up schema v%s to %s before migrating", stored, backup)
    for version, title, step in MIGRATIONS:
        if stored is not None and version <= stored:
            continue
        with db.atomic():
            step(db)
            SchemaVersion.delete().execute()
            SchemaVersion.create(version=version, applied_at=dt.datetime.now(), app_version=__version__)
        log.info("schema migrated to v%s (%s)", version, title)
    return backup

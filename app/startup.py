"""Starting up on a database: connect (app/db.py), then, unless it is current, bring the schema
up to date (app/migrations.py: back up, migrate, seed). The window, the command line, the tests and
the benchmarks all open a database here; app/db.py alone only connects."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import Database
from peewee import DatabaseError as PeeweeDatabaseError

from app import accounts, db
from app.errors import DatabaseError
from app.models import User, database


def sign_in(target: str, username: str, password: str) -> User:
    """Open a secured shared database as a person's own PostgreSQL login (the window's and the
    command line's first connection), then bring it up to date, as open_database does."""
    user = accounts.sign_in_to_server(target, username, password)
    _bring_up_to_date(database.obj)
    return user


def open_database(
    target: str | Path | None = None, *, user: str | None = None, password: str | None = None
) -> Database:
    """Open, bind the models to, and bring up to date the database at `target` (a person's own
    PostgreSQL login replaces the one the address names, if given)."""
    connection = db.connect(target, user=user, password=password)
    _bring_up_to_date(connection)
    return connection


def _bring_up_to_date(connection: Database) -> None:
    try:
        if db.schema_version(connection) == db.SCHEMA_VERSION:
            return  # current, as nearly always: start-up does not even import the migrations
        from app import migrations  # a database to create or bring up to date (issue 21: start-up)

        migrations.bring_up_to_date(connection, connection.location)
    except (PeeweeDatabaseError, sqlite3.Error) as exc:
        connection.close()
        raise DatabaseError(
            "数据库 {location} 无法读取或升级（可能已损坏，或不是本程序的数据库）：{reason}",
            location=connection.location,
            reason=exc,
        ) from exc

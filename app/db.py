"""The one place that opens a database: a SQLite file (default) or a PostgreSQL URL.

SQLite is opened for safety (WAL, foreign keys, busy timeout, synchronous=FULL, write
transactions that take the lock up front). Bringing the schema up to date is app/startup.py's;
a newer schema is refused there so an old program never damages new data.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from collections.abc import Generator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from peewee import (
    ROW,
    Database,
    DateField,
    DateTimeField,
    DecimalField,
    InterfaceError,
    OperationalError,
    PostgresqlDatabase,
    ProgrammingError,
    SqliteDatabase,
    TimeField,
)
from peewee import DatabaseError as PeeweeDatabaseError
from playhouse.shortcuts import ReconnectMixin

from app import clock, sqlite_safety
from app.errors import DatabaseError, DatabaseTooNew
from app.models import SchemaVersion, database

log = logging.getLogger(__name__)

APP_NAME = "ComplaintDesk"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed intake survives a power cut
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}


@dataclass(frozen=True)
class Location:
    """Where a database lives, parsed from what the user typed."""

    kind: str  # "sqlite" or "postgresql"
    path: Path | None = None
    url: str = ""

    def __str__(self) -> str:
        return str(self.path) if self.kind == "sqlite" else _hide_password(self.url)


def default_path() -> Path:
    import platformdirs  # only needed when no database was named

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "complaintdesk.db"


def parse_location(target: str | Path | None) -> Location:
    """Accept a path, `sqlite:///path` or `postgresql://user@host:port/db`."""
    if target is None or str(target).strip() == "":
        return Location("sqlite", path=default_path())
    text = str(target).strip()
    if text.startswith(("postgresql://", "postgres://")):
        return Location("postgresql", url=text)
    if text.startswith("sqlite:///"):
        return Location("sqlite", path=Path(unquote(text[len("sqlite:///") - 1 :])))
    if "://" in text:
        raise DatabaseError("不认识的数据库地址：{text}（请用文件路径或 postgresql://用户@主机:端口/库名）", text=text)
    return Location("sqlite", path=Path(text).expanduser())


def connect(target: str | Path | None = None, *, user: str | None = None, password: str | None = None) -> Database:
    """Open and bind the models to the database at `target`; app/startup.py brings it up to date.
    On PostgreSQL `user` and `password` (a person's own login) replace any the address names."""
    location = parse_location(target)
    open_db = database.obj
    if (
        user is None
        and location.kind == "postgresql"
        and open_db is not None
        and not open_db.is_closed()
        and getattr(open_db, "location", None) == location
    ):
        return open_db  # already open, perhaps as the person who signed in: keep that login
    db = _make_database(location, user, password)
    try:
        db.connect(reuse_if_open=True)
    except (PeeweeDatabaseError, sqlite3.Error) as exc:
        raise DatabaseError("无法打开数据库 {location}：{reason}", location=location, reason=exc) from exc
    database.initialize(db)
    db.location = location
    return db


def current() -> Database | None:
    """The open database, for who needs its location or its connection (the window, start-up)."""
    return database.obj


def close() -> None:
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def _make_database(location: Location, user: str | None = None, password: str | None = None) -> Database:
    if location.kind == "sqlite":
        location.path.parent.mkdir(parents=True, exist_ok=True)
        return _SqliteFile(
            str(location.path),
            pragmas=SQLITE_PRAGMAS,
            timeout=10,
            lock_type="IMMEDIATE",
            check_same_thread=False,
        )
    parsed = urlparse(location.url)
    if not parsed.path.strip("/"):
        raise DatabaseError("PostgreSQL 地址缺少库名：{address}", address=_hide_password(location.url))
    return _SharedDatabase(
        parsed.path.lstrip("/"),
        user=user or unquote(parsed.username or "") or None,
        password=password if user else unquote(parsed.password or "") or None,
        host=parsed.hostname or None,
        port=parsed.port or 5432,
        connect_timeout=10,
        # the server's JIT compiles a statement it judges costly before running it: half a second
        # for a search page that then reads a few rows (the cost of a walk it never takes)
        options="-c jit=off",
    )


class _SqliteFile(SqliteDatabase):
    """A SQLite file whose connections never checkpoint-and-delete the WAL on close
    (app/sqlite_safety.py says why)."""

    def _add_conn_hooks(self, conn):
        if not sqlite_safety.keep_wal_on_close(conn, self.database):
            log.warning("%s: closing may delete the WAL under another process", self.database)
        super()._add_conn_hooks(conn)

    def _close(self, conn):
        sqlite_safety.checkpoint_before_close(conn)
        conn.close()


WAITING_MAX = 200  # statements kept for the next trip, at most
WAITING_MAX_CHARS = 4_000_000  # or about this much SQL text (a document's bytes, a bulk insert)


class _SharedDatabase(ReconnectMixin, PostgresqlDatabase):
    """A seat on the office's PostgreSQL server. After the server restarts, the next statement
    that is not inside a transaction opens a new connection; a transaction cut in the middle
    fails whole (nothing half-written), the window keeps what was typed, and saving again works."""

    reconnect_errors = (
        (OperationalError, "server closed the connection"),
        (OperationalError, "terminating connection"),
        (OperationalError, "connection already closed"),
        (InterfaceError, "connection already closed"),
        (InterfaceError, "cursor already closed"),
    )

    # Inside a transaction, what needs no answer (BEGIN, SAVEPOINT, RELEASE, and the writes handed
    # to later()) waits, and travels with the next statement that needs one or with the COMMIT:
    # one round trip instead of one each. A failure in a statement that waited surfaces there,
    # still inside the transaction, which then fails whole (docs/ARCHITECTURE.md, "Round trips").

    def _waiting(self) -> list[str]:
        state = self._state
        if not hasattr(state, "waiting"):
            state.waiting = []
        return state.waiting

    def _send(self, text: str):
        """Statements made literal (_literal) sent as one text. peewee hands psycopg2 an empty
        tuple for no parameters, and psycopg2 then reads every % as a placeholder: a typed "100%"
        in a waiting write failed the whole save (IndexError). Doubled, each is a % again."""
        return super().execute_sql(text.replace("%", "%%"))

    def later(self, sql: str, params=None) -> None:
        if not self.in_transaction():
            self.execute_sql(sql, params)
            return
        waiting = self._waiting()
        waiting.append(self._literal(sql, params))
        if len(waiting) >= WAITING_MAX or sum(map(len, waiting)) > WAITING_MAX_CHARS:
            text = "; ".join(waiting)  # a bulk write (import, demo, a calendar change): sent in parts
            waiting.clear()
            self._send(text)

    def _literal(self, sql: str, params) -> str:
        text = self.cursor().mogrify(sql, params or ()).decode("utf-8")  # as execute_sql would read it
        return text.rstrip().rstrip(";")

    def begin(self, isolation_level=None):
        if isolation_level or self._isolation_level:
            return super().begin(isolation_level)
        if self.is_closed():
            self.connect()  # now, as peewee's own BEGIN would: connecting forgets open transactions
        self._waiting()[:] = ["BEGIN"]

    def execute_sql(self, sql, params=None):
        waiting = self._waiting()
        if not waiting and not self.in_transaction():
            return super().execute_sql(sql, params)
        if sql.startswith(("SAVEPOINT ", "RELEASE SAVEPOINT ")):
            waiting.append(sql.rstrip().rstrip(";"))
            return self.cursor()
        if sql.startswith("ROLLBACK TO SAVEPOINT "):
            opened = "SAVEPOINT " + sql[len("ROLLBACK TO SAVEPOINT ") :].rstrip().rstrip(";")
            if opened in waiting:  # it never reached the server, nor anything after it
                del waiting[waiting.index(opened) :]
                return self.cursor()
            waiting.clear()  # all of it came after the savepoint, which undoes it
            return super().execute_sql(sql, params)
        if not waiting:
            return super().execute_sql(sql, params)
        text = "; ".join([*waiting, self._literal(sql, params)])
        waiting.clear()
        return self._send(text)

    def commit(self):
        waiting = self._waiting()
        if waiting == ["BEGIN"]:  # nothing was asked or written
            waiting.clear()
            return None
        if waiting:
            text = "; ".join([*waiting, "COMMIT"])
            waiting.clear()
            return self._send(text)
        return super().commit()

    def rollback(self):
        waiting = self._waiting()
        unsent = bool(waiting) and waiting[0] == "BEGIN"
        waiting.clear()
        if not unsent:
            super().rollback()

    def _close(self, conn):
        self._waiting().clear()
        super()._close(conn)


def later(sql: str, params=None) -> None:
    """A write whose answer nobody waits for: on PostgreSQL inside a transaction it travels with
    the next statement or the COMMIT; anywhere else it runs now."""
    db = database.obj
    if isinstance(db, _SharedDatabase):
        db.later(sql, params)
    else:
        db.execute_sql(sql, params)


def later_query(query) -> None:
    """later() for a peewee INSERT, UPDATE or DELETE (its RETURNING, if any, is not read)."""
    later(*query.sql())


# what PostgreSQL says when it turns a login away (libpq's words, the same in every server language we saw)
_REFUSED = (
    "password authentication failed",
    "no password supplied",
    "is not permitted to log in",
    "does not exist",
    "authentication failed",
)


def refused_login(error: BaseException) -> bool:
    """Whether a failed connect was the server refusing the login (not an unreachable server)."""
    text = " ".join(str(e) for e in (error, error.__cause__) if e is not None)
    return any(words in text for words in _REFUSED) and 'database "' not in text


def check_login(user: str, password: str) -> bool:
    """Whether the server accepts this login and password now (unlocking an idle window)."""
    location = database.obj.location
    probe = _make_database(location, user, password)
    try:
        probe.connect()
    except PeeweeDatabaseError as exc:
        if refused_login(exc):
            return False
        raise DatabaseError("无法连接数据库 {location}：{reason}", location=location, reason=exc) from exc
    probe.close()
    return True


def is_postgres(db: Database | None = None) -> bool:
    db = db or database.obj
    return isinstance(db, PostgresqlDatabase)


SCHEMA_VERSION = 26  # the schema this program builds (app/migrations.py's last step; a test keeps them equal)


def schema_version(db: Database) -> int | None:
    """The stored schema version, or None for a database never initialised."""
    if db.in_transaction() and not db.table_exists(SchemaVersion._meta.table_name):
        return None  # asked first: a failed SELECT would spoil the transaction
    try:  # outside one, just asked: the table is there on every database but a new one
        row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    except (OperationalError, ProgrammingError) as exc:
        if not db.table_exists(SchemaVersion._meta.table_name):
            return None
        raise DatabaseError("数据库的版本表已损坏：{reason}", reason=exc) from exc
    return row.version if row else 0


def refuse_if_newer(stored: int, supported: int) -> None:
    if stored > supported:
        raise DatabaseTooNew(
            "此数据库由更新版本的投诉调解工作台创建（数据结构版本 {stored}，本程序支持到 {supported}）。"
            "为免损坏数据，本程序不会打开它，请升级程序后再试。",
            stored=stored,
            supported=supported,
        )


def backup_before_migration(db: Database, location: Location, from_version: int) -> str:
    """Keep a copy of the database as it was; returns where the copy went."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    if location.kind == "sqlite":
        target = location.path.with_name(f"{location.path.stem}.v{from_version}-{stamp}.bak.db")
        copy_sqlite(db, target)
        return str(target)
    schema = f"backup_v{from_version}_{stamp.replace('-', '_')}"
    tables = [t for t in db.get_tables() if not t.startswith("backup_")]
    with db.atomic():
        db.execute_sql(f'CREATE SCHEMA "{schema}"')
        for table in tables:
            db.execute_sql(f'CREATE TABLE "{schema}"."{table}" AS TABLE public."{table}"')
    return f"PostgreSQL schema {schema}"


def copy_sqlite(db: SqliteDatabase, target: Path) -> None:
    """A consistent copy through SQLite's online backup API, safe while others write."""
    tmp = target.with_name(target.name + ".partial")
    dest = sqlite3.connect(str(tmp))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    tmp.replace(target)


def _hide_password(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


SIDE_FILES = ("", "-wal", "-shm", "-journal")


def is_open_database_file(path: str | Path) -> bool:
    """Whether `path` is the open SQLite database or one of its side files. Reading one of
    them outside SQLite drops this process's locks on it (app/sqlite_safety.py); writing
    one destroys the database."""
    location = getattr(database.obj, "location", None)
    if location is None or location.kind != "sqlite":
        return False
    path = Path(path)
    for suffix in SIDE_FILES:
        side = Path(str(location.path) + suffix)
        if os.path.normcase(os.path.abspath(path)) == os.path.normcase(os.path.abspath(side)):
            return True
        try:
            if path.exists() and side.exists() and os.path.samefile(path, side):  # a link, another spelling
                return True
        except OSError:
            continue
    return False


def refuse_open_database_file(path: str | Path) -> None:
    if is_open_database_file(path):
        raise DatabaseError("{path} 是正在使用的数据库文件，不能作为证据、导入来源或保存目标。", path=Path(path).name)


def remove_sqlite_files(path: Path) -> None:
    """Delete a SQLite database with its WAL side files (tests and `init --force`)."""
    for suffix in SIDE_FILES:
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()


def together(queries: list) -> list[list]:
    """The rows of several SELECTs, in one round trip on PostgreSQL: each query becomes a JSON array
    in one row. On SQLite, which has no trips to save, each runs as itself.

    A model query gives model instances; one made `.tuples()`, or raw `(sql, params)` written for
    the open database, gives tuples of plain values (a count, a label, a date as ISO text on
    PostgreSQL), in the order selected even where two columns share a name."""
    db = database.obj
    if not isinstance(db, PostgresqlDatabase):
        return [db.execute_sql(*q).fetchall() if isinstance(q, tuple) else list(q) for q in queries]
    parts, params = [], []
    for q in queries:
        sql, p = q if isinstance(q, tuple) else q.sql()
        part = f"(SELECT coalesce(json_agg(together_row), '[]'::json) FROM ({sql}) together_row)"
        parts.append(part + "::text" if _plain(q) else part)
        params += p
    row = db.execute_sql("SELECT " + ", ".join(parts), params).fetchone()
    return [
        json.loads(rows, object_pairs_hook=_values) if _plain(q) else [_from_json(q.model, r) for r in rows]
        for q, rows in zip(queries, row, strict=True)
    ]


def _plain(query) -> bool:
    return isinstance(query, tuple) or getattr(query, "_row_type", None) == ROW.TUPLE


def _values(pairs: list) -> tuple:
    return tuple(v for _, v in pairs)


def gathered(*jobs: Generator) -> list:
    """Run jobs that each yield a dict of named queries and are sent back a dict of their rows
    (as together() gives them), until each returns: one round trip per round on PostgreSQL, for
    all the jobs at once (the dashboard's twenty-odd figures in one statement). Returns what each
    job returned."""
    results: list = [None] * len(jobs)
    asking: dict[int, dict] = {}

    def advance(i: int, answer) -> None:
        try:
            asking[i] = jobs[i].send(answer)
        except StopIteration as done:
            results[i] = done.value

    for i in range(len(jobs)):
        advance(i, None)
    while asking:
        named = [(i, name, q) for i, asks in asking.items() for name, q in asks.items()]
        answers = together([q for _, _, q in named])
        got: dict[int, dict] = {i: {} for i in asking}
        for (i, name, _), rows in zip(named, answers, strict=True):
            got[i][name] = rows
        asking = {}
        for i, answer in got.items():
            advance(i, answer)
    return results


_FROM_TEXT = {
    DateTimeField: dt.datetime.fromisoformat,
    DateField: dt.date.fromisoformat,
    TimeField: dt.time.fromisoformat,
    DecimalField: lambda v: Decimal(str(v)),
}


@lru_cache(maxsize=None)
def _readers(model) -> dict:
    """column → (field name, what turns JSON text into the field's type or None, the field's reader)."""
    return {
        column: (f.name, next((c for kind, c in _FROM_TEXT.items() if isinstance(f, kind)), None), f.python_value)
        for column, f in model._meta.columns.items()
    }


def _from_json(model, row: dict):
    """A model instance from PostgreSQL's JSON of its row, with the types peewee would give."""
    readers = _readers(model)
    data = {}
    extra = {}
    for column, value in row.items():
        reader = readers.get(column)
        if reader is None:  # a column the query names itself (an alias, a joined table's): as the driver gave it
            extra[column] = value
            continue
        name, convert, python_value = reader
        if value is not None:
            if convert and isinstance(value, str | int | float):
                value = convert(str(value))
            value = python_value(value)
        data[name] = value
    # what peewee's __init__ does with __no_default__, without a descriptor call for each field:
    # a look-up's few hundred rows (the duplicate check at every intake) in a third of the time
    instance = model.__new__(model)
    instance.__data__, instance._dirty, instance.__rel__ = data, set(), {}
    for name, value in extra.items():
        setattr(instance, name, value)
    return instance

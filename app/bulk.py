"""Bulk writes for volumes where peewee's per-value SQL building dominates (demo data,
rebuilding deadlines of many cases): plain executemany on SQLite, insert_many elsewhere."""

from __future__ import annotations

import datetime as dt

from app.db import is_postgres, later
from app.models import JSONField, database


def insert_returning_ids(model, rows: list[dict]) -> list[int]:
    if is_postgres():
        ids: list[int] = []
        for i in range(0, len(rows), 300):
            result = model.insert_many(rows[i : i + 300]).returning(model.id).execute()
            ids.extend(r[0] if isinstance(r, tuple) else r.id for r in result)
        return ids
    fields = _fields(model, rows)
    sql = _head(model, fields) + "(" + ", ".join("?" * len(fields)) + ")"
    cursor = database.obj.cursor()
    ids = []
    for row in rows:
        cursor.execute(sql, [_plain(row.get(f.name)) for f in fields])
        ids.append(cursor.lastrowid)
    return ids


# rows per multi-row INSERT on PostgreSQL
PG_ROWS = 500


def insert_all(model, rows: list[dict]) -> None:
    """Bulk insert without peewee's per-value SQL building (10x faster for demo volumes; a
    restore's 100,000 cases). The key is written where the rows bring it (a restore)."""
    fields = _fields(model, rows)
    head = _head(model, fields)
    if is_postgres():  # psycopg2 quotes each value (in C), multi-row statements sent with later()
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for i in range(0, len(rows), PG_ROWS):
            part = rows[i : i + PG_ROWS]
            later(head + ",".join([one] * len(part)), [f.db_value(r.get(f.name)) for r in part for f in fields])
        return
    sql = head + "(" + ", ".join("?" * len(fields)) + ")"
    database.obj.cursor().executemany(sql, [[_plain(r.get(f.name)) for f in fields] for r in rows])


def _head(model, fields: list) -> str:
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES '


def _fields(model, rows: list[dict]) -> list:
    """Every column (the key only where the first row brings one), so peewee's Python-side
    defaults are written too."""
    keyed = bool(rows) and getattr(model._meta.primary_key, "name", None) in rows[0]
    fields = [f for f in model._meta.sorted_fields if keyed or not f.primary_key]
    for row in rows:
        for f in fields:
            if f.name not in row and f.default is not None:
                row[f.name] = f.default() if callable(f.default) else f.default
    return fields


def _plain(value):
    if isinstance(value, (dict, list)):
        return JSONField.dump(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def update_many(model, set_columns: list[str], key: str, rows: list[tuple]) -> None:
    """UPDATE model SET set_columns... WHERE key = ?, one parameter tuple per row (key last)."""
    if not rows:
        return
    db = database.obj
    param = "%s" if is_postgres() else "?"
    fields = model._meta.fields
    assignments = ", ".join(f'"{fields[c].column_name}" = {param}' for c in set_columns)
    sql = f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE "{fields[key].column_name}" = {param}'
    if is_postgres():  # one statement each, all in one trip (psycopg2's executemany sends them one by one)
        for row in rows:
            later(sql, row)
        return
    db.cursor().executemany(sql, [[_plain(v) for v in row] for row in rows])

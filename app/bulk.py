"""Bulk writes for volumes where peewee's per-value SQL building dominates (demo data,
rebuilding deadlines of many cases): plain executemany on SQLite, insert_many elsewhere."""

from __future__ import annotations

import datetime as dt

from app.db import is_postgres, later, later_query
from app.models import JSONField, database


def insert_returning_ids(model, rows: list[dict]) -> list[int]:
    if is_postgres():
        ids: list[int] = []
        for i in range(0, len(rows), 300):
            result = model.insert_many(rows[i : i + 300]).returning(model.id).execute()
            ids.extend(r[0] if isinstance(r, tuple) else r.id for r in result)
        return ids
    sql, columns = _insert_sql(model, rows)
    cursor = database.obj.cursor()
    ids = []
    for row in rows:
        cursor.execute(sql, [_plain(row.get(c)) for c in columns])
        ids.append(cursor.lastrowid)
    return ids


def insert_all(model, rows: list[dict]) -> None:
    """Bulk insert without peewee's per-value SQL building (10x faster for demo volumes)."""
    if is_postgres():
        for i in range(0, len(rows), 500):
            later_query(model.insert_many(rows[i : i + 500]))
        return
    sql, columns = _insert_sql(model, rows)
    database.obj.cursor().executemany(sql, [[_plain(r.get(c)) for c in columns] for r in rows])


def _insert_sql(model, rows: list[dict]) -> tuple[str, list[str]]:
    """Every column but the key, so peewee's Python-side defaults are written too."""
    fields = [f for f in model._meta.sorted_fields if not f.primary_key]
    for row in rows:
        for f in fields:
            if f.name not in row and f.default is not None:
                row[f.name] = f.default() if callable(f.default) else f.default
    columns = [f.name for f in fields]
    names = ", ".join(f'"{f.column_name}"' for f in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({", ".join("?" * len(fields))})', columns


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

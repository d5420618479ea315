"""Bulk writes for volumes where peewee's per-value SQL building dominates (demo data,
rebuilding deadlines of many cases): plain executemany on SQLite, insert_many elsewhere."""

from __future__ import annotations

import datetime as dt

from app.db import is_postgres
from app.models import database


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
            model.insert_many(rows[i : i + 500]).execute()
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
    values = rows if is_postgres() else [[_plain(v) for v in row] for row in rows]
    db.cursor().executemany(sql, values)


def _first_times(events: list[dict]) -> dict:
    """The register entry's supervision times from a new case's events (as Event.save would keep them)."""
    from app.register import time_column

    times: dict = {}
    for e in events:
        column = time_column(e.get("kind", ""), e.get("field", ""), e.get("to_status", ""))
        if column is not None and (column.name not in times or e["at"] < times[column.name]):
            times[column.name] = e["at"]
    return times


def write_cases(items: list[dict]) -> list[int]:
    """Write whole cases at once (demo data, imports); call inside a transaction.

    Each item has the parts as stored: `complainant`, `business`, `purchase`, `complaint`
    (column → value), `case` (received_at, status, handler…, and case_no when the number
    is kept from an archive) and `events` (timeline rows without `case`). Writes the
    register entries, the deadlines and the search documents too. Returns the case ids.
    """
    from app import cases, privacy, search
    from app.models import Business, Case, Complainant, Complaint, Event, Purchase, RegisterEntry
    from app.workflow import machine

    if not items:
        return []
    complainants, numbers = privacy.split([i["complainant"] for i in items])
    comp_ids = insert_returning_ids(Complainant, complainants)
    privacy.keep_many(list(zip(comp_ids, numbers)))
    biz_ids = insert_returning_ids(Business, [dict(i["business"]) for i in items])
    new_years = [i["case"]["received_at"].year for i in items if not i["case"].get("case_no")]
    numbers = {y: iter(cases.reserve_case_numbers(y, new_years.count(y))) for y in sorted(set(new_years))}
    case_rows = []
    for item, comp_id, biz_id in zip(items, comp_ids, biz_ids):
        row = dict(item["case"])
        if row.get("case_no"):
            row["year"], row["seq"] = cases.parse_case_no(row["case_no"])
            cases.keep_case_number(row["year"], row["seq"])
        else:
            row["year"] = row["received_at"].year
            row["seq"] = next(numbers[row["year"]])
            row["case_no"] = cases.format_case_no(row["year"], row["seq"])
        row.setdefault("updated_at", row["received_at"])
        row.setdefault("created_by", row.get("handler", ""))
        case_rows.append({**row, "complainant": comp_id, "business": biz_id})
    case_ids = insert_returning_ids(Case, case_rows)
    insert_all(Purchase, [{**i["purchase"], "case": cid} for i, cid in zip(items, case_ids)])
    insert_all(Complaint, [{**i["complaint"], "case": cid} for i, cid in zip(items, case_ids)])
    insert_all(Event, [{**e, **privacy.masked_event(e), "case": cid} for i, cid in zip(items, case_ids) for e in i["events"]])
    insert_all(RegisterEntry, [
        dict(case=cid, case_no=row["case_no"], received_at=row["received_at"], status=row["status"],
             category=i["complaint"].get("category", ""), complainant=i["complainant"]["name"],
             phone=c["phone"], business=i["business"]["name"],
             product=i["purchase"].get("product", ""), amount_fen=i["complaint"].get("demand_amount_fen"),
             handler=row.get("handler", ""), **_first_times(i["events"]))
        for i, c, row, cid in zip(items, complainants, case_rows, case_ids)])
    machine.rebuild_cases(case_ids)
    docs = []
    for i, row, cid in zip(items, case_rows, case_ids):
        b, p, k = i["business"], i["purchase"], i["complaint"]
        docs.append((cid, search.document(row["case_no"], i["complainant"]["name"], i["complainant"].get("agent_name", ""),
                                          b["name"], b.get("shop", ""), b.get("platform", ""), p.get("product", ""),
                                          p.get("brand", ""), p.get("model", ""), k.get("facts", ""),
                                          k.get("demand_note", ""), phone=i["complainant"].get("phone", ""))))
    for start in range(0, len(docs), 200):
        search.store_documents(docs[start : start + 200])
    return case_ids

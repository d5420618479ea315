"""Whole cases written in bulk: an import or the demo generator writes hundreds of cases,
their parts, timelines, register entries, deadlines and search documents in a few statements
each, inside the caller's transaction (app/bulk.py holds the SQL helpers)."""

from __future__ import annotations

from app import cases, privacy, register, search, timeline
from app.bulk import insert_all, insert_returning_ids
from app.models import Business, Case, Complainant, Complaint, Purchase, RegisterEntry
from app.workflow import machine


def _first_times(events: list[dict]) -> dict:
    """The register entry's supervision times from a new case's events (as timeline.write keeps them)."""
    times: dict = {}
    for e in events:
        column = register.time_column(e.get("kind", ""), e.get("field", ""), e.get("to_status", ""))
        if column is not None and (column.name not in times or e["at"] < times[column.name]):
            times[column.name] = e["at"]
    return times


def write(items: list[dict]) -> list[int]:
    """Write whole cases at once (demo data, imports); call inside a transaction.

    Each item has the parts as stored: `complainant`, `business`, `purchase`, `complaint`
    (column → value), `case` (received_at, status, handler…, and case_no when the number
    is kept from an archive) and `events` (timeline rows without `case`). Writes the
    register entries, the deadlines and the search documents too. Returns the case ids.
    """
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
        row.setdefault("registered_at", row["received_at"])
        row.setdefault("created_by", row.get("handler", ""))
        case_rows.append({**row, "complainant": comp_id, "business": biz_id})
    case_ids = insert_returning_ids(Case, case_rows)
    insert_all(Purchase, [{**i["purchase"], "case": cid} for i, cid in zip(items, case_ids)])
    insert_all(Complaint, [{**i["complaint"], "case": cid} for i, cid in zip(items, case_ids)])
    timeline.write_many([{**e, "case": cid} for i, cid in zip(items, case_ids) for e in i["events"]])
    insert_all(
        RegisterEntry,
        [
            dict(
                case=cid,
                case_no=row["case_no"],
                received_at=row["received_at"],
                status=row["status"],
                category=i["complaint"].get("category", ""),
                complainant=i["complainant"]["name"],
                phone=c["phone"],
                business=i["business"]["name"],
                product=i["purchase"].get("product", ""),
                amount_fen=i["complaint"].get("demand_amount_fen"),
                handler=row.get("handler", ""),
                **_first_times(i["events"]),
            )
            for i, c, row, cid in zip(items, complainants, case_rows, case_ids)
        ],
    )
    machine.rebuild_cases(case_ids)
    docs = []
    for i, row, cid in zip(items, case_rows, case_ids):
        b, p, k = i["business"], i["purchase"], i["complaint"]
        docs.append(
            (
                cid,
                search.document(
                    row["case_no"],
                    i["complainant"]["name"],
                    i["complainant"].get("agent_name", ""),
                    b["name"],
                    b.get("shop", ""),
                    b.get("platform", ""),
                    p.get("product", ""),
                    p.get("brand", ""),
                    p.get("model", ""),
                    p.get("serial", ""),
                    k.get("facts", ""),
                    k.get("demand_note", ""),
                    phone=i["complainant"].get("phone", ""),
                ),
            )
        )
    for start in range(0, len(docs), 200):
        search.store_documents(docs[start : start + 200])
    return case_ids

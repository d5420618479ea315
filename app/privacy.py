"""Personal numbers (RULES.md 6): a complainant's phone, ID and agent's phone.

The full numbers live in one table (PersonalNumbers) and are written only here; the
complainant row, the register, the search index and the timeline hold masked copies
(138****1234), so every list and every merchant-facing document is masked without trying.
Reading a full number is a reveal: it needs its permission and goes on the audit trail, on
PostgreSQL through a server function that audits in the same statement (app/database_roles.py).
Duplicate checks compare salted SHA-256 hashes; on PostgreSQL the salt stays on the server.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from app import audit, checks, clock, compiled, permissions, settings
from app.db import is_postgres, later_query
from app.models import Case, PersonalNumbers, database

FIELDS = ("complainant.phone", "complainant.id_number", "complainant.agent_phone")
COLUMNS = {"complainant.phone": "phone", "complainant.id_number": "id_number", "complainant.agent_phone": "agent_phone"}


def mask(key: str, value: str) -> str:
    """What lists and documents show of a personal number."""
    if not value:
        return ""
    return checks.mask_id(value) if key.endswith("id_number") else checks.mask_phone(value)


def masked(values: dict) -> dict:
    """A form's values with the personal numbers masked, the rest unchanged."""
    return {k: mask(k, v) if k in COLUMNS and isinstance(v, str) else v for k, v in values.items()}


def _normal(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "").upper().removeprefix("+86").removeprefix("0086")


def keyed_digests(texts: list[str]) -> list[str]:
    """SHA-256 of the database's salt + each text ("" stays ""), in one round trip on PostgreSQL."""
    if not any(texts):  # nothing to hash: no trip to the server for it
        return ["" for _ in texts]
    if is_postgres():  # the salt never leaves the server; what it answered is kept for this database
        known = database.obj.__dict__.setdefault("digests", {})  # lives and dies with this connection's database
        asked = [t for t in dict.fromkeys(texts) if t and t not in known]
        if asked:
            answers = database.execute_sql("SELECT cd_personal_hash(%s::text[])", (asked,)).fetchone()[0]
            known.update(zip(asked, answers, strict=True))
        return [known[t] if t else "" for t in texts]
    salt = hash_salt()
    return [hashlib.sha256((salt + t).encode()).hexdigest() if t else "" for t in texts]


def hashes(values: list[str]) -> list[str]:
    """The duplicate-check hashes of phone or ID numbers, however they were typed."""
    return keyed_digests([_normal(v) for v in values])


def salted_hash(value: str) -> str:
    return hashes([value])[0]


def hash_salt() -> str:
    """SQLite only: on PostgreSQL the salt is read by the server's functions."""
    return settings.get("hash_salt", "")


def phone_tail(phone: str) -> str:
    """The last four digits: all of a phone number the masked register shows, and what a
    caller reads out. The search index keeps these, never the whole number."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:] if len(digits) >= 4 else ""


def masked_event(event: dict) -> dict:
    """A timeline row's values, masked if it records an edit of a personal number."""
    key = event.get("field")
    if key not in COLUMNS:
        return {}
    return {"old_value": mask(key, event.get("old_value") or ""), "new_value": mask(key, event.get("new_value") or "")}


def complainant_columns(numbers: dict) -> dict:
    """Complainant row columns for full numbers keyed by column: masked copies and the hashes."""
    phone_hash, id_hash = hashes([numbers.get("phone", ""), numbers.get("id_number", "")])
    out = {c: mask(c, numbers.get(c, "")) for c in ("phone", "id_number", "agent_phone") if c in numbers}
    if "phone" in numbers:
        out["phone_hash"] = phone_hash
    if "id_number" in numbers:
        out["id_hash"] = id_hash
    return out


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Bulk writers: complainant rows (column → full value) → (rows to store, their full numbers)."""
    flat = [v for r in rows for v in (r.get("phone", ""), r.get("id_number", ""))]
    digests = iter(hashes(flat))
    stored, numbers = [], []
    for r in rows:
        phone_hash, id_hash = next(digests), next(digests)
        full = {c: r.get(c, "") or "" for c in ("phone", "id_number", "agent_phone")}
        stored.append({**r, **{c: mask(c, v) for c, v in full.items()}, "phone_hash": phone_hash, "id_hash": id_hash})
        numbers.append(full)
    return stored, numbers


def keep(complainant_id: int, numbers: dict) -> None:
    """Store full numbers (column → value) of one complainant, inside the caller's transaction."""
    if not numbers:
        return
    updated = PersonalNumbers.update(**numbers).where(PersonalNumbers.complainant == complainant_id).execute()
    if not updated:
        PersonalNumbers.insert(complainant=complainant_id, **numbers).execute()


def keep_new(complainant_id: int, numbers: dict) -> None:
    """keep() for a complainant just created (it has no numbers yet): one write, with the next trip."""
    if numbers:
        later_query(compiled.insert(PersonalNumbers, {"complainant": complainant_id, **numbers}))


def keep_many(rows: list[tuple[int, dict]]) -> None:
    for start in range(0, len(rows), 200):  # 4 values a row, under SQLite's 999 variables
        PersonalNumbers.insert_many(
            [{"complainant": cid, **numbers} for cid, numbers in rows[start : start + 200]]
        ).execute()


def reveal(case_ids: list[int], purpose: str = "view", at: dt.datetime | None = None) -> dict[int, dict]:
    """Full numbers of cases, keyed by case id then field key; the reveal is recorded.

    `purpose` "export" needs export.full and records one entry for the whole export;
    anything else ("view", "document") needs personal.reveal and records the case's reveal.
    """
    permissions.require("export.full" if purpose == "export" else "personal.reveal")
    at = (at or clock.now()).replace(microsecond=0)
    if is_postgres():
        rows = database.execute_sql(
            "SELECT * FROM cd_reveal(%s::integer[], %s, %s)", (list(case_ids), purpose, at)
        ).fetchall()
    else:
        rows = list(
            Case.select(Case.id, PersonalNumbers.phone, PersonalNumbers.id_number, PersonalNumbers.agent_phone)
            .join(PersonalNumbers, on=(PersonalNumbers.complainant == Case.complainant))
            .where(Case.id.in_(list(case_ids)))
            .tuples()
        )
        if purpose == "export":
            audit.record("personal.export", {"cases": len(case_ids)}, at=at)
        elif case_ids:
            found = {r[0]: r for r in rows}.get(case_ids[0])
            shown = [k for k, v in zip(FIELDS, found[1:] if found else ()) if v]
            case_no = Case.select(Case.case_no).where(Case.id == case_ids[0]).scalar() or ""
            audit.record("personal.reveal", {"fields": shown, "for": purpose}, case_no, at=at)
    return {r[0]: dict(zip(FIELDS, (v or "" for v in r[1:]))) for r in rows}


def reveal_case(case_id: int, purpose: str = "view") -> dict:
    return reveal([case_id], purpose).get(case_id, {k: "" for k in FIELDS})


def complainant_of(case_id: int) -> int:
    return Case.select(Case.complainant).where(Case.id == case_id).scalar()

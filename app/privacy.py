"""Personal numbers compared without being kept in the clear (RULES.md 6): a phone or an
ID number is matched through its salted SHA-256, the salt being the database's own."""

from __future__ import annotations

import hashlib
import re

from app.models import Setting


def salted_hash(value: str, salt: str | None = None) -> str:
    """Bulk writers pass the database's salt, read once, instead of reading it for every value."""
    normal = re.sub(r"[\s\-]", "", value).upper().removeprefix("+86").removeprefix("0086")
    if not normal:
        return ""
    return hashlib.sha256(((hash_salt() if salt is None else salt) + normal).encode()).hexdigest()


def hash_salt() -> str:
    row = Setting.get_or_none(Setting.key == "hash_salt")
    return row.value if row else ""


def phone_tail(phone: str) -> str:
    """The last four digits: all of a phone number the masked register shows, and what a
    caller reads out. The search index keeps these, never the whole number."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:] if len(digits) >= 4 else ""

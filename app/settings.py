"""Office settings kept with the data, so every seat of a shared database agrees. The one
module that reads and writes the Setting table: each key is declared here with what it holds,
and a key not declared is refused, so a typo cannot make a setting that nothing reads.

The services that own a setting check who may change it (app/permissions.py) before calling
`put`; this module only stores.
"""

from __future__ import annotations

import threading
import time
import uuid

from app.models import Setting, database

VERSION_KEY = "settings.version"
FRESH_S = 2.0  # how long a seat trusts its copy before asking whether another seat changed a setting
MAX_AGE_S = 60.0  # and reloads it whole at least this often (a change made outside the program)

KEYS = {
    "office.profile": "the office's kind: repair counter, consumer association, market regulator",
    "grade.important.hours": "first contact of an important complaint, in office hours (default 12)",
    "grade.urgent.hours": "first contact of an urgent complaint, in office hours (default 2)",
    "followup.days": "working days after closing by which a case is followed up (0: no reminder)",
    "office.hours": "opening hours (09:00-17:00) that hour rules counting office hours count in",
    "office.language": "the language of the office's documents and timeline (zh_CN, zh_TW, en)",
    "office.name": "letterhead: the office's full name",
    "office.short": "letterhead: the short name in document numbers",
    "office.address": "letterhead: address",
    "office.phone": "letterhead: telephone",
    "office.use_seal": 'letterhead: print the seal image ("1") or leave room for a stamp',
    "office.seal_sha": "letterhead: the seal image in the evidence store",
    "office.logo_sha": "letterhead: the logo image in the evidence store",
    "office.body_font_sha": "documents: the office's own body font (仿宋) in the evidence store",
    "office.title_font_sha": "documents: the office's own title font (小标宋) in the evidence store",
    "settings.version": "a new token at every change of a setting: seats keep a copy and ask for this alone",
    "calendar_version": "bumped by every change of the working-day calendar (deadlines are rebuilt)",
    "hash_salt": "the salt of the personal-number hashes (on PostgreSQL, read by the server only)",
    "auth.auto_sign_in": "the one account a single-seat counter starts signed in as",
    "auth.idle_minutes": "minutes without input before the window locks",
    "evidence.max_mb": "the largest evidence file accepted, in MB",
    "evidence.retention_days": "days evidence of a closed case is kept before it may be purged",
}
# families of keys: the part after the prefix names a document kind, a language or a rule
FAMILIES = {
    "docno.": "the number pattern of a document kind (docno.<kind>)",
    "template.": "a document kind's template text (template.<kind>[.<language>])",
    "deadline.": "the office's length of a deadline rule (deadline.<rule>.days|hours)",
    "team.": "who handles complaints of a category (team.<category>): display names, one per line",
}


def _known(key: str) -> str:
    if key not in KEYS and not any(key.startswith(prefix) and len(key) > len(prefix) for prefix in FAMILIES):
        raise KeyError(f"undeclared setting {key!r}: declare it in app/settings.py")
    return key


# The seat's copy of the settings it may read (issue 22: a setting read at every use was a round
# trip each): loaded whole in one query, trusted for FRESH_S, then kept if the version token is
# unchanged. A transaction that changed a setting reads the table itself, so an uncommitted
# change (and its rollback) is never copied; this seat's own writes drop the copy.
_copy: dict = {"db": None, "version": None, "values": {}, "checked": 0.0, "loaded": 0.0}
_lock = threading.Lock()
_local = threading.local()  # wrote: this thread changed a setting in the transaction it is in


def _values() -> dict[str, str] | None:
    db = database.obj
    if db is None:
        return None
    if getattr(_local, "wrote", False):
        if db.in_transaction():
            return None
        _local.wrote = False  # committed or rolled back: either way, load what is there now
        forget()
    now = time.monotonic()
    with _lock:
        if _copy["db"] is db and now - _copy["checked"] < FRESH_S:
            return _copy["values"]
        same_db = _copy["db"] is db and now - _copy["loaded"] < MAX_AGE_S
        version = _copy["version"]
    if same_db:
        row = Setting.get_or_none(Setting.key == VERSION_KEY)
        if (row.value if row else "") == version:
            with _lock:
                _copy["checked"] = now
            return _copy["values"]
    values = dict(Setting.select(Setting.key, Setting.value).tuples())
    with _lock:
        _copy.update(db=db, version=values.get(VERSION_KEY, ""), values=values, checked=now, loaded=now)
    return values


def forget() -> None:
    """Drop the copy: the next read loads the table again (after this seat writes, or a restore)."""
    with _lock:
        _copy.update(db=None, version=None, values={}, checked=0.0, loaded=0.0)


def get(key: str, default: str | None = None) -> str | None:
    key = _known(key)
    values = _values()
    if values is not None:
        return values.get(key, default)
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def get_many(keys) -> dict[str, str]:
    """The stored ones of `keys` (from the copy, or in one query)."""
    keys = [_known(k) for k in keys]
    values = _values()
    if values is not None:
        return {k: values[k] for k in keys if k in values}
    return dict(Setting.select(Setting.key, Setting.value).where(Setting.key.in_(keys)).tuples())


def is_set(key: str) -> bool:
    return get(key) is not None


def _changed() -> None:
    """A new version token, so other seats reload their copy; and this seat's copy dropped."""
    token = uuid.uuid4().hex
    Setting.insert(key=VERSION_KEY, value=token).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: token}
    ).execute()
    _local.wrote = True
    forget()


def put(key: str, value: str) -> None:
    Setting.insert(key=_known(key), value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()
    _changed()


def put_if_missing(key: str, value: str) -> None:
    Setting.insert(key=_known(key), value=value).on_conflict_ignore().execute()
    _changed()


def remove(key: str) -> None:
    Setting.delete().where(Setting.key == _known(key)).execute()
    _changed()

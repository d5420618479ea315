"""The case timeline's one writer. An event is written with its audit entry and the
register's supervision times, in the caller's transaction, so no writer can forget one.

Bulk writers (imports, demo data) pass whole timelines to `write_many`: those events are
history brought in, recorded on the audit trail by the import's own entry, not one by one.
"""

from __future__ import annotations

from app import audit, bulk, compiled, privacy, register
from app.db import later_query
from app.models import Event


def write(*, case, at, actor: str, kind: str, **details) -> Event:
    """One thing that happened to a case (details: field, old_value, new_value, from_status,
    to_status, reason, note: what the clerk typed; data: the event's own values, told when read)."""
    event = Event(case=case, at=at, actor=actor, kind=kind, **details)
    later_query(compiled.insert(Event, {k: v for k, v in event.__data__.items() if k != "id"}))  # nobody asks its id
    audit.record_event(event)
    register.note_times(event)
    return event


def write_many(rows: list[dict]) -> None:
    """Events of cases written in bulk; a personal number edited in them is kept masked."""
    bulk.insert_all(Event, [{**row, **privacy.masked_event(row)} for row in rows])

"""One case's rows, read together: the case view's panels (header, form, timeline, deadlines,
steps, records, evidence, documents) all read the same case, and on a shared database far away
each separate SELECT is a round trip. Inside `opened(case_id)` the services below answer from
rows fetched in one statement (app/db.together); outside it they query as before.

Only a case's own rows are here; PersonalNumbers (full phone and ID numbers) never are.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app import db
from app.models import (
    Appeal,
    Appraisal,
    Business,
    Case,
    CaseDeadline,
    CaseWording,
    Complainant,
    Complaint,
    ConflictDeclaration,
    Consent,
    Device,
    Event,
    Evidence,
    FollowUp,
    Investigation,
    IssuedNotice,
    MediationSession,
    Purchase,
    RegisterEntry,
    Remedy,
    RepairWork,
)

OWN_TABLES = (
    Purchase,
    Complaint,
    Device,
    RegisterEntry,
    Event,
    CaseDeadline,
    Consent,
    ConflictDeclaration,
    IssuedNotice,
    Investigation,
    RepairWork,
    MediationSession,
    Appraisal,
    Remedy,
    FollowUp,
    Appeal,
    Evidence,
    CaseWording,
)
_open = threading.local()


def _files() -> dict[int, dict]:
    if not hasattr(_open, "files"):
        _open.files = {}
    return _open.files


def _load(case_id: int, tables: tuple = OWN_TABLES) -> dict:
    of_case = Case.select(Case.complainant, Case.business).where(Case.id == case_id)
    queries = [
        Case.select().where(Case.id == case_id),
        Complainant.select().where(Complainant.id.in_(of_case.select(Case.complainant))),
        Business.select().where(Business.id.in_(of_case.select(Case.business))),
        *(model.select().where(model.case == case_id).order_by(*_order(model)) for model in tables),
    ]
    answers = db.together(queries)
    return dict(zip((Case, Complainant, Business, *tables), answers, strict=True))


def record_rows(case_id: int) -> dict:
    """The case row, its parties and its one-per-case parts (what a case record is made of): from
    the open file, else read now in one statement (inside an edit's transaction, its rows as they are)."""
    held = _files().get(case_id) or _load(case_id, (Purchase, Complaint, Device))
    first = {m: (held[m][0] if held[m] else None) for m in (Case, Complainant, Business, Purchase, Complaint, Device)}
    return first


def _order(model) -> tuple:
    return (model._meta.primary_key,)


@contextmanager
def opened(case_id: int) -> Iterator[None]:
    """Within: the case's rows as read on entry (a write inside should come after leaving)."""
    files = _files()
    if case_id in files:  # already open further up
        yield
        return
    files[case_id] = _load(case_id)
    try:
        yield
    finally:
        files.pop(case_id, None)


def rows(model, case_id: int) -> list:
    """All of the case's rows of `model`, oldest first."""
    held = _files().get(case_id)
    if held is not None:
        return held[model]
    return list(model.select().where(model.case == case_id).order_by(*_order(model)))


def one(model, case_id: int):
    """The case's one row of a one-per-case table (Purchase, Complaint, Device, RegisterEntry), or None."""
    held = _files().get(case_id)
    if held is not None:
        return held[model][0] if held[model] else None
    return model.get_or_none(model.case == case_id)


def case(case_id: int) -> Case | None:
    held = _files().get(case_id)
    if held is not None:
        return held[Case][0] if held[Case] else None
    return Case.get_or_none(Case.id == case_id)


def latest(model, case_id: int, key, keep=lambda row: True):
    """The case's newest row of `model` by `key` (a row → sortable), among those `keep` accepts."""
    found = [r for r in rows(model, case_id) if keep(r)]
    return max(found, key=key) if found else None

"""A document's wording changed for one case before it is issued: the clerk starts from the
office's template (placeholders and all), edits it for this case, and every draft and issue of
that kind for the case uses it. The issued PDF is kept byte for byte, so what was issued stays
what was shown; the change itself is on the case's timeline.
"""

from __future__ import annotations

from app import case_file, clock, i18n, permissions, timeline
from app.documents import templates
from app.errors import ComplaintDeskError, NotFound
from app.models import Case, CaseWording, database
from app.workflow import tables


def of_case(case_id: int, kind: str, language: str | None = None) -> str | None:
    """The case's own wording of `kind` in the office language, if it has one."""
    language = language or i18n.office_language()
    rows = case_file.rows(CaseWording, case_id)
    return next((r.text for r in rows if r.kind == kind and r.language == language), None)


def current(case_id: int, kind: str) -> str:
    """What the case's documents of `kind` are written from: its own wording, else the office's."""
    language = i18n.office_language()
    return of_case(case_id, kind, language) or templates.get(kind, language)


def save(case_id: int, kind: str, text: str, actor: str) -> None:
    permissions.require("document.issue")
    if kind not in tables.NOTICE_KINDS:
        raise ComplaintDeskError("未知的文书类型：{kind}", kind=kind)
    text = text.strip()
    if not text:
        raise templates.TemplateError("文书正文不能为空；要用办公室模板，请选“恢复办公室模板”")
    templates.check(text)
    language = i18n.office_language()
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        if Case.get_or_none(Case.id == case_id) is None:
            raise NotFound("案件不存在（编号 {id}）", id=case_id)
        updated = (
            CaseWording.update(text=text, edited_by=actor, edited_at=now)
            .where((CaseWording.case == case_id) & (CaseWording.kind == kind) & (CaseWording.language == language))
            .execute()
        )
        if not updated:
            CaseWording.create(case=case_id, kind=kind, language=language, text=text, edited_by=actor, edited_at=now)
        timeline.write(case=case_id, at=now, actor=actor, kind="wording", field=kind, data={"act": "edited"})


def reset(case_id: int, kind: str, actor: str) -> None:
    """Back to the office's template for this case."""
    permissions.require("document.issue")
    language = i18n.office_language()
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        gone = (
            CaseWording.delete()
            .where((CaseWording.case == case_id) & (CaseWording.kind == kind) & (CaseWording.language == language))
            .execute()
        )
        if gone:
            timeline.write(case=case_id, at=now, actor=actor, kind="wording", field=kind, data={"act": "reset"})

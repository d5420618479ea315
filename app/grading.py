"""A complaint's grade (一般 / 重要 / 紧急, seeds 000 and 002): proposed at intake from what the
complaint is about, confirmed or changed by the clerk with a reason; the grade sets how soon the
complainant must first be contacted (D7)."""

from __future__ import annotations

from dataclasses import dataclass

from app import settings
from app.workflow import tables

GRADES = tables.GRADES


@dataclass(frozen=True)
class Proposal:
    grade: str
    why: str  # what in the complaint made it so ("" for an ordinary one)


def propose(entered: dict) -> Proposal:
    """The grade the complaint's category, facts and claim suggest (form values by field key)."""
    category = entered.get("complaint.category") or ""
    facts = entered.get("complaint.facts") or ""
    if category in tables.URGENT_CATEGORIES:
        return Proposal("urgent", "类别为安全问题")
    words = [w for w in tables.URGENT_WORDS if w in facts]
    if words:
        return Proposal("urgent", "事实提到“" + "”“".join(words[:3]) + "”")
    words = [w for w in tables.IMPORTANT_WORDS if w in facts]
    if words:
        return Proposal("important", "事实提到“" + "”“".join(words[:3]) + "”")
    amount = entered.get("complaint.demand_amount")
    if isinstance(amount, int) and amount >= tables.IMPORTANT_AMOUNT_FEN:
        return Proposal("important", "请求金额在一万元以上")
    return Proposal("ordinary", "")


def first_contact_hours(grade: str, ordinary: int) -> int:
    """Hours to the first contact for a grade; `ordinary` is the office's D7 length."""
    if grade not in tables.GRADE_SETTINGS:
        return ordinary
    stored = settings.get(tables.GRADE_SETTINGS[grade])
    hours = int(stored) if stored and stored.isdigit() else tables.GRADE_FIRST_CONTACT[grade]
    return min(hours, ordinary)

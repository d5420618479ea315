"""Earlier cases a new complaint may repeat, and the abuse signs of ground A3.

Complainants are matched on salted hashes of phone and ID number (RULES.md 6), never on
the raw values; facts are compared by shared character pairs, against the same business
only, which keeps the check to a few indexed queries while the clerk types.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import JOIN

from app import checks, clock, compiled, db
from app.checks import mask_phone
from app.errors import FieldError
from app.models import Business, Case, Complainant, Complaint, RegisterEntry
from app.privacy import salted_hash

# RULES.md 2, ground A3: thresholds the office can read against its practice
A3_WINDOW_DAYS = 30
A3_MIN_COMPLAINTS = 3  # by one person against one business within the window
SHARED_PHONE_NAMES = 2  # different complainant names behind one phone number
SHARED_ADDRESS_NAMES = 3  # different complainant names at one address
SIMILAR_FACTS = 0.45  # share of character pairs in common
LOOK_BACK = 200  # earlier cases of the same business compared for similar facts

_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）()《》,.;:!?\"'\-]+")


@dataclass(frozen=True)
class Related:
    case_id: int
    case_no: str
    received_at: dt.datetime
    business: str
    status: str
    why: str


@dataclass(frozen=True)
class Findings:
    related: list[Related]
    warnings: list[str]
    codes: list[str] = field(default_factory=list)  # the ground each warning points to: A3, A4


LIMITATION_YEARS = 3  # Civil Code art. 188; ground A4 (RULES.md 2, rule D10)
WORDING = {"A4": "知道权益受损已超过三年（民法典第一百八十八条）：可依理由 A4 不予受理"}
HARM_WARNING = WORDING["A4"]


def past_limitation(harm_known: dt.date | None, received: dt.date) -> bool:
    """Whether more than three years ran from knowing of the harm to the office receiving the complaint."""
    if harm_known is None:
        return False
    try:
        limit = harm_known.replace(year=harm_known.year + LIMITATION_YEARS)
    except ValueError:  # 29 February: the period ends on 28 February
        limit = harm_known.replace(year=harm_known.year + LIMITATION_YEARS, day=28)
    return received > limit


def lasting(found: Findings, earlier_linked: bool) -> dict[str, str]:
    """What of an intake's findings the saved case keeps showing (code → text): the A3 and A4 signs,
    and a likely repeat the clerk did not link."""
    kept: dict[str, str] = {}
    for code, text in zip(found.codes, found.warnings):
        kept[code] = kept[code] + "；" + text if code in kept else text
    strong = [r for r in found.related if "经营者" in r.why]
    if strong and not earlier_linked:
        kept["repeat"] = "可能重复投诉：" + "、".join(f"{r.case_no}（{r.why}）" for r in strong[:3])
    return kept


def _pairs(text: str) -> set[str]:
    clean = _PUNCT.sub("", text or "")
    return {clean[i : i + 2] for i in range(len(clean) - 1)}


def similarity(a: str, b: str) -> float:
    pa, pb = _pairs(a), _pairs(b)
    if not pa or not pb:
        return 0.0
    return len(pa & pb) / min(len(pa), len(pb))


def _base(exclude):
    base = (
        Case.select(
            Case.id,
            Case.case_no,
            Case.received_at,
            Case.status,
            Business.name.alias("biz"),
            Business.uscc.alias("uscc"),
            Complainant.name.alias("who"),
        )
        .join(Complainant, on=(Case.complainant == Complainant.id))
        .switch(Case)
        .join(Business, on=(Case.business == Business.id))
    )
    return _excluding(base, Case.id, exclude)


def _excluding(query, case_id, exclude):
    return query if exclude is None else query.where(case_id != exclude)


def _same_person(hashes):
    # the people with either number, each through its own index (an OR of the two would let the
    # database walk every case by date looking for them: over a second at a million cases)
    return Case.complainant.in_(
        Complainant.select(Complainant.id).where(Complainant.phone_hash.in_(hashes))
        | Complainant.select(Complainant.id).where(Complainant.id_hash.in_(hashes))
    )


# the look-ups, each compiled once (they run at every intake and as the clerk types)
_EARLIER = compiled.Statement(
    lambda hashes, exclude: (
        _base(exclude).where(_same_person(hashes)).order_by(Case.received_at.desc()).limit(50).objects()
    )
)
_SAME_PHONE = compiled.Statement(
    lambda phone_hash, exclude: _base(exclude).where(Complainant.phone_hash == phone_hash).objects()
)
_SAME_ADDRESS = compiled.Statement(
    lambda address, exclude: _base(exclude).where(Complainant.address == address).limit(50).objects()
)
# a business's latest cases, by its name through the register's index (the entry keeps the name),
# and by its USCC where the form has one; the newest LOOK_BACK of both are compared
_SAME_NAME = compiled.Statement(
    lambda name, exclude: (
        _excluding(
            RegisterEntry.select(
                RegisterEntry.case.alias("id"),
                RegisterEntry.case_no,
                RegisterEntry.received_at,
                RegisterEntry.status,
                RegisterEntry.business.alias("biz"),
                Complaint.facts.alias("facts_text"),
            )
            .join(Complaint, JOIN.LEFT_OUTER, on=(Complaint.case == RegisterEntry.case))
            .where(RegisterEntry.business == name),
            RegisterEntry.case,
            exclude,
        )
        .order_by(RegisterEntry.received_at.desc())
        .limit(LOOK_BACK)
        .objects()
    )
)
_SAME_USCC = compiled.Statement(
    lambda uscc, exclude: (
        _base(exclude)
        .select_extend(Complaint.facts.alias("facts_text"))
        .switch(Case)
        .join(Complaint, JOIN.LEFT_OUTER, on=(Complaint.case == Case.id))
        .where(Business.uscc == uscc)
        .order_by(Case.received_at.desc())
        .limit(LOOK_BACK)
        .objects()
    )
)


def check(entered: dict, today: dt.date | None = None, exclude: int | None = None) -> Findings:
    """What an intake form (field key → value) may repeat; cheap enough to run as the clerk types."""
    today = today or clock.today()
    phone = (entered.get("complainant.phone") or "").strip()
    id_number = (entered.get("complainant.id_number") or "").strip()
    name = (entered.get("complainant.name") or "").strip()
    address = (entered.get("complainant.address") or "").strip()
    business = (entered.get("business.name") or "").strip()
    uscc = (entered.get("business.uscc") or "").strip()
    facts = entered.get("complaint.facts") or ""

    hashes = [h for h in (salted_hash(phone) if phone else "", salted_hash(id_number) if id_number else "") if h]
    exclude = exclude or None
    found: dict[int, Related] = {}

    def add(row, why):
        if row.id not in found:
            found[row.id] = Related(row.id, row.case_no, row.received_at, row.biz, row.status, why)

    warnings: list[str] = []
    codes: list[str] = []
    harm = _day(entered.get("complaint.harm_known_date"))
    received = _day(entered.get("case.received_at")) or today
    if past_limitation(harm, received):
        warnings.append(HARM_WARNING)
        codes.append("A4")
    asked = {}  # every look-up at once: one round trip on a shared database
    if hashes:
        asked["earlier"] = _EARLIER(hashes=hashes, exclude=exclude)
        if phone:
            asked["phone"] = _SAME_PHONE(phone_hash=salted_hash(phone), exclude=exclude)
    if address:
        asked["address"] = _SAME_ADDRESS(address=address, exclude=exclude)
    if business and len(_pairs(facts)) >= 6:
        asked["business"] = _SAME_NAME(name=business, exclude=exclude)
        if uscc:
            asked["uscc"] = _SAME_USCC(uscc=uscc.upper(), exclude=exclude)
    answers = dict(zip(asked, db.together(list(asked.values())), strict=True))
    if hashes:
        earlier = answers["earlier"]
        for row in earlier:
            same_biz = business and (row.biz == business or (uscc and row.uscc == uscc.upper()))
            add(row, "同一投诉人、同一经营者" if same_biz else "同一投诉人")
        since = dt.datetime.combine(today - dt.timedelta(days=A3_WINDOW_DAYS), dt.time.min)
        recent_same_biz = [
            r
            for r in earlier
            if r.received_at >= since and business and (r.biz == business or (uscc and r.uscc == uscc.upper()))
        ]
        if len(recent_same_biz) + 1 >= A3_MIN_COMPLAINTS:
            warnings.append(f"A3 迹象：同一投诉人 {A3_WINDOW_DAYS} 天内已对该经营者投诉 {len(recent_same_biz)} 次")
            codes.append("A3")
        if phone:
            names = {r.who for r in answers["phone"]} - {name}
            if len(names | {name}) >= SHARED_PHONE_NAMES and names:
                warnings.append(f"A3 迹象：电话 {mask_phone(phone)} 还登记在其他 {len(names)} 位投诉人名下")
                codes.append("A3")
    if address:
        others = {r.who for r in answers["address"]} - {name}
        if len(others) + 1 >= SHARED_ADDRESS_NAMES:
            warnings.append(f"A3 迹象：该地址还登记有其他 {len(others)} 位投诉人")
            codes.append("A3")
    same_business = {r.id: r for r in answers.get("business", []) + answers.get("uscc", [])}.values()
    for row in sorted(same_business, key=lambda r: r.received_at, reverse=True)[:LOOK_BACK]:
        if similarity(facts, row.facts_text or "") >= SIMILAR_FACTS:
            add(row, "同一经营者、事实相似")
    related = sorted(found.values(), key=lambda r: r.received_at, reverse=True)
    return Findings(related, warnings, codes)


def _day(value) -> dt.date | None:
    """A date as the form holds it (text, a date or a datetime), or None when it is not one yet."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return checks.moment(str(value)).date() if value else None
    except FieldError:
        return None

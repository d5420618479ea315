"""The shapes of the rule tables, and finding the rule set in force on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
MONTHS = "months"
YEARS = "years"
HOURS = "hours"
UNITS = {WORKING_DAYS: "个工作日", CALENDAR_DAYS: "日", MONTHS: "个月", YEARS: "年", HOURS: "小时"}


@dataclass(frozen=True)
class DeadlineRule:
    """A period started by a trigger: e.g. D1, 7 working days from receipt to decide acceptance."""

    code: str
    title: str
    trigger: str  # the status whose entry starts the clock ("received", "accepted", ...)
    length: int
    unit: str
    met_by: tuple[str, ...]  # statuses whose entry stops the clock as met
    exclude_pauses: bool = False  # appraisal/testing time does not count (RULES.md 3)
    consequence: str = ""
    source: str = ""  # the legal source, for people checking the table against the law
    setting: str = ""  # office setting that may change the length (RULES.md 3: office setting)
    extension: int = 0  # once, with an approval on the timeline (D4: +15 working days)
    office_hours: bool = False  # an hour rule counting only the office's hours on working days

    def describe(self, length: int | None = None) -> str:
        return f"{self.title}：{length or self.length}{UNITS[self.unit]}"


@dataclass(frozen=True)
class RuleSet:
    code: str
    title: str
    profile: str
    in_force_from: dt.date
    deadlines: tuple[DeadlineRule, ...]
    in_force_until: dt.date | None = None
    # the grounds it lists, by list ("A" not accepted, "B" termination); a list it lacks is the profile's
    reasons: dict[str, tuple["Reason", ...]] = field(default_factory=dict)
    citations: dict[str, str] = field(default_factory=dict)  # the article each list is, as a document cites it

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.in_force_until is None or day <= self.in_force_until)


@dataclass(frozen=True)
class ProductClass:
    """A product class of the 三包 catalogue with its warranty periods (RULES.md 4)."""

    code: str
    title: str
    warranty_months: int  # the whole unit
    keywords: tuple[str, ...]  # words of a product name that place it in the class
    durable: bool = True  # CRPL art. 23: six months' burden of proof on the business
    verified: bool = False  # the figures were checked against the catalogue (待核实 otherwise)
    parts_months: int = 0  # the main parts, where the catalogue gives them longer
    parts: str = ""  # which parts those are
    daily_depreciation: float = 0.0  # share of the price a refund after repairs loses per day in use
    food: bool = False  # Food Safety Law art. 148 instead of CRPL art. 55


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    item: str = ""  # its item of the article: （三）


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: str  # what the button says
    reasons: str = ""  # the reason list a transition requires ("A", "B", "repair_rejected")
    guards: tuple[str, ...] = ()  # named checks in app.workflow.machine
    pauses: bool = False  # entering `target` stops the clock of pausable deadlines
    # what the law makes of it: a withdrawal during mediation is a termination on ground B1
    lands_in: str = ""  # the state it records (default: target)
    ground: str = ""  # the reason code it carries without asking
    asks: tuple[str, ...] = ()  # what it records besides the note: to_office, on, attachments (a forwarding)
    remedy: str = ""  # the 三包 remedy it carries out (repair, exchange, return): checked against the advice


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document an office issues (RULES.md 7); its text is a template in
    app/documents/templates.py, keyed by `code`."""

    code: str
    title: str
    abbreviation: str  # in the document number: X市监投受〔2026〕12号
    recipient: str = "complainant"  # complainant, business or both (the business never sees full numbers)
    signers: tuple[str, ...] = ()  # signature lines at the foot
    required_after: tuple[str, ...] = ()  # a case that passed one of these states needs this (or a sibling) issued
    milestone: str = ""  # issuing it is this milestone (a deadline may wait for it)
    needs: tuple[str, ...] = ()  # placeholders that must have a value before it is issued (drafts may lack them)
    reaches: tuple[str, ...] = ()  # parties it must be delivered to (one notice to both, or one to each)
    profiles: tuple[str, ...] = ()  # the kinds of office that issue it (empty: every kind)


@dataclass(frozen=True)
class Profile:
    code: str
    title: str
    states: dict[str, str]  # code -> label, in the order a case usually moves
    transitions: tuple[Transition, ...]
    reasons: dict[str, tuple[Reason, ...]] = field(default_factory=dict)
    initial: str = "received"
    final: tuple[str, ...] = ("archived",)
    # what states mean, for the register's supervision times, the permissions and the deadlines
    decisions: tuple[str, ...] = ()  # the office decided whether to take the case on
    resolved: tuple[str, ...] = ("closed",)  # the case is finished
    refusals: tuple[str, ...] = ()  # a supervisor decides these (RULES.md 2)
    counter: bool = False  # a repair counter: customers and devices, its own shop, no mediation

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == state]

    def transition(self, source: str, target: str) -> Transition | None:
        return next((t for t in self.transitions if t.source == source and t.target == target), None)


def rule_set_for(rule_sets: list[RuleSet], profile: str, received_on: dt.date) -> RuleSet:
    """The set in force on the day the complaint was received (RULES.md 3)."""
    matching = [r for r in rule_sets if r.profile == profile and r.in_force_on(received_on)]
    if not matching:
        raise LookupError(f"no rule set of {profile} in force on {received_on}")
    return max(matching, key=lambda r: r.in_force_from)

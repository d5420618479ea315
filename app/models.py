"""The tables. Services live elsewhere; this module only says what is stored.

Money is stored in fen (integer cents) so sums are exact on SQLite and PostgreSQL alike.
Every row a user edits carries `version` for optimistic locking (see `app.cases`).
"""

import json

from peewee import (
    JOIN,
    AutoField,
    BigAutoField,
    BigIntegerField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DoubleField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class JSONField(TextField):
    """Structured values as JSON text, alike on SQLite and PostgreSQL; {} when there are none."""

    @staticmethod
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""

    def db_value(self, value):
        return value if isinstance(value, str) else self.dump(value)

    def python_value(self, value):
        return json.loads(value) if value else {}


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the schema version this database was migrated to."""

    version = IntegerField()
    applied_at = DateTimeField()
    app_version = CharField(max_length=32)


class Setting(BaseModel):
    """Office settings kept with the data, so every seat of a shared database agrees."""

    key = CharField(max_length=64, primary_key=True)
    value = TextField()


class CaseNumberSequence(BaseModel):
    """Last case number handed out per year; bumped inside the intake transaction."""

    year = IntegerField(primary_key=True)
    last_value = IntegerField()


class Complainant(BaseModel):
    """Who complains. `phone`, `id_number` and `agent_phone` hold the masked numbers (138****1234);
    the full ones are in PersonalNumbers."""

    id = AutoField()
    name = CharField(max_length=100, index=True)
    phone = CharField(max_length=32, default="")
    address = CharField(max_length=300, default="", index=True)  # the same-address look-up at intake
    id_type = CharField(max_length=20, default="none")
    id_number = CharField(max_length=40, default="")
    agent_name = CharField(max_length=100, default="")
    agent_phone = CharField(max_length=32, default="")
    agent_has_poa = BooleanField(default=False)
    # salted hashes for duplicate / abuse checks (RULES.md 6): never compare raw values
    phone_hash = CharField(max_length=64, default="", index=True)
    id_hash = CharField(max_length=64, default="", index=True)
    version = IntegerField(default=1)


class PersonalNumbers(BaseModel):
    """A complainant's full phone and ID numbers, kept apart from the masked copies every
    list, search and document reads (RULES.md 6). Reading them is a reveal: app/privacy.py
    audits it, and on a secured shared database only a function that audits can read them."""

    complainant = ForeignKeyField(Complainant, primary_key=True, on_delete="CASCADE", backref="numbers")
    phone = CharField(max_length=32, default="")
    id_number = CharField(max_length=40, default="")
    agent_phone = CharField(max_length=32, default="")

    class Meta:
        table_name = "personal_numbers"


class Business(BaseModel):
    """A business complained about; shared by all its cases (found by USCC, else name)."""

    id = AutoField()
    name = CharField(max_length=200, index=True)
    uscc = CharField(max_length=18, default="", index=True)
    address = CharField(max_length=300, default="")
    phone = CharField(max_length=32, default="")
    contact = CharField(max_length=100, default="")
    platform = CharField(max_length=100, default="")
    shop = CharField(max_length=200, default="")
    version = IntegerField(default=1)


class Case(BaseModel):
    id = AutoField()
    case_no = CharField(max_length=32, unique=True)
    year = IntegerField()
    seq = IntegerField()
    status = CharField(max_length=32, default="received", index=True)
    received_at = DateTimeField(index=True)  # when the office received it: every deadline runs from here
    registered_at = DateTimeField(null=True)  # when it was typed in (None before schema v16: the same)
    warnings = JSONField(default=dict)  # what intake found and the case keeps showing: code → text (A3, A4, repeat)
    grade = CharField(max_length=10, default="ordinary")  # ordinary, important, urgent (app/grading.py)
    grade_reason = TextField(default="")  # why the clerk chose another grade than the proposal
    complainant = ForeignKeyField(Complainant, backref="cases", on_delete="RESTRICT")
    business = ForeignKeyField(Business, backref="cases", on_delete="RESTRICT", index=True)
    handler = CharField(max_length=100, default="")
    mediator = CharField(max_length=100, default="")
    consent_mediation = BooleanField(default=False)
    consent_publish = BooleanField(default=False)
    consent_handover = BooleanField(default=False)
    earlier_case = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="later_cases")
    ref_12315 = CharField(max_length=40, default="")
    linked_report_no = CharField(max_length=40, default="")
    created_by = CharField(max_length=100, default="")
    updated_at = DateTimeField()
    version = IntegerField(default=1)

    class Meta:
        table_name = "complaint_case"
        indexes = ((("year", "seq"), True),)


class Purchase(BaseModel):
    id = AutoField()
    case = ForeignKeyField(Case, backref="purchases", unique=True, on_delete="CASCADE")
    product = CharField(max_length=200, default="", index=True)
    brand = CharField(max_length=100, default="")
    model = CharField(max_length=100, default="")
    serial = CharField(max_length=100, default="", index=True)  # the device's history is found by it
    purchase_date = DateField(null=True)
    invoice_date = DateField(null=True)
    amount_fen = IntegerField(null=True)
    channel = CharField(max_length=20, default="")
    order_no = CharField(max_length=100, default="")
    version = IntegerField(default=1)


class Device(BaseModel):
    """What a repair counter took in with a case (接机单) and what became of it: the product class
    the 三包 advice reads, the fault, accessories and appearance on receipt, the quote, and later
    the remedy chosen (with the reason when it went against the advice), the new serial of an
    exchange and the pickup. Written by app/cases.py (intake fields) and app/repair.py."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="devices", unique=True, on_delete="CASCADE")
    product_class = CharField(max_length=20, default="")  # vocab: app.workflow.tables.PRODUCT_CLASSES
    fault_kind = CharField(max_length=20, default="")  # performance, appearance
    fault = CharField(max_length=20, default="")  # tables.REPAIR_FAULTS, as reported at intake
    accessories = CharField(max_length=300, default="")
    appearance = CharField(max_length=300, default="")
    quote_fen = IntegerField(null=True)
    quote_consent = BooleanField(default=False)
    expected_on = DateField(null=True)
    remedy = CharField(max_length=20, default="")  # repair, exchange, return
    remedy_rule = TextField(default="")  # the advice's rule it follows, or "" when chosen against it
    remedy_reason = TextField(default="")  # why, when the advice did not allow it
    new_serial = CharField(max_length=100, default="", index=True)  # an exchange's new device
    exchanged_on = DateField(null=True)
    picked_up_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class Complaint(BaseModel):
    id = AutoField()
    case = ForeignKeyField(Case, backref="complaints", unique=True, on_delete="CASCADE")
    channel = CharField(max_length=20, default="walk_in")
    category = CharField(max_length=20, default="other", index=True)
    facts = TextField(default="")
    harm_known_date = DateField(null=True)
    demands = CharField(max_length=200, default="")  # comma-separated codes, see vocab.DEMANDS
    demand_amount_fen = IntegerField(null=True)
    demand_note = TextField(default="")
    version = IntegerField(default=1)


class Event(BaseModel):
    """The case timeline: append-only, one row per thing that happened; written by app/timeline.py."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = DateTimeField()
    actor = CharField(max_length=100, default="")
    kind = CharField(max_length=32)
    field = CharField(max_length=64, default="")
    old_value = TextField(default="")
    new_value = TextField(default="")
    from_status = CharField(max_length=32, default="")
    to_status = CharField(max_length=32, default="")
    reason = CharField(max_length=10, default="")
    note = TextField(default="")  # what the clerk typed; before schema v13 also the program's own prose
    data = JSONField(default=dict)  # the event's values by kind (told by app.cases.describe)

    class Meta:
        indexes = ((("case", "at"), False),)


class RegisterEntry(BaseModel):
    """The register's row for a case: a narrow copy of what the register shows.

    Rewritten from the case's parts inside every transaction that changes them
    (app.register.refresh_entry), so sorting and filtering 100,000+ cases read one small
    indexed table instead of joining five wide ones.
    """

    case = ForeignKeyField(Case, primary_key=True, on_delete="CASCADE", backref="register_entry")
    case_no = CharField(max_length=32, index=True)
    received_at = DateTimeField(index=True)
    status = CharField(max_length=32)
    category = CharField(max_length=20, default="")
    complainant = CharField(max_length=100, default="", index=True)
    phone = CharField(max_length=32, default="", index=True)
    business = CharField(max_length=200, default="", index=True)
    product = CharField(max_length=200, default="", index=True)
    amount_fen = IntegerField(null=True, index=True)
    handler = CharField(max_length=100, default="", index=True)
    due_at = DateTimeField(null=True, index=True)  # nearest running deadline
    due_provisional = BooleanField(default=False)
    flags = CharField(max_length=40, default="")  # the case's warning codes, comma-separated (A3,A4,repeat)
    grade = CharField(max_length=10, default="ordinary")
    # when the case first reached these points (supervision times; kept by Event.save)
    first_contact_at = DateTimeField(null=True)
    decided_at = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("status", "received_at"), False),
            (("category", "received_at"), False),
        )


class CalendarDay(BaseModel):
    """A day that differs from the plain week: a holiday, or a weekend make-up working day."""

    day = DateField(primary_key=True)
    kind = CharField(max_length=10)  # "holiday" or "workday", see app.workdays
    name = CharField(max_length=50, default="")
    source = CharField(max_length=200, default="")  # the notice it comes from
    entered_by = CharField(max_length=100, default="")
    entered_at = DateTimeField()


class CalendarYear(BaseModel):
    """A year whose schedule is published and entered; deadlines in other years are provisional."""

    year = IntegerField(primary_key=True)
    source = CharField(max_length=200, default="")
    entered_by = CharField(max_length=100, default="")
    entered_at = DateTimeField()


class CaseDeadline(BaseModel):
    """A running or finished deadline of a case, with what computed it (RULES.md 3)."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="deadlines", on_delete="CASCADE")
    rule = CharField(max_length=10)  # D1, D2, ...
    title = CharField(max_length=100)
    rule_set = CharField(max_length=40)
    length = IntegerField()
    unit = CharField(max_length=20)
    trigger_at = DateTimeField()
    due_at = DateTimeField(index=True)
    paused = IntegerField(default=0)
    provisional = BooleanField(default=False)
    calendar_version = IntegerField(default=0)
    state = CharField(max_length=10, default="running")  # running, paused, met
    closed_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("state", "due_at"), False),)


class Consent(BaseModel):
    """A party's consent to mediation (or to hand-over), and how it was given."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="consents", on_delete="CASCADE")
    party = CharField(max_length=20)  # complainant, business
    purpose = CharField(max_length=20, default="mediation")  # mediation, handover
    given_on = DateField()
    how = CharField(max_length=50, default="")
    recorded_by = CharField(max_length=100, default="")


class ConflictDeclaration(BaseModel):
    """A mediator's declared conflict of interest in a case: they cannot be assigned to it."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="conflicts", on_delete="CASCADE")
    mediator = CharField(max_length=100)
    note = TextField(default="")
    declared_at = DateTimeField()
    recorded_by = CharField(max_length=100, default="")


class IssuedNotice(BaseModel):
    """A document handed or sent to a party: what, when, how delivered (RULES.md 7)."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="notices", on_delete="CASCADE")
    kind = CharField(max_length=40)
    number = CharField(max_length=60, default="")
    issued_on = DateField()
    delivery = CharField(max_length=20)  # in_person, post, sms, email, phone
    recipient = CharField(max_length=20, default="complainant")
    sha256 = CharField(max_length=64, default="")
    replaces = ForeignKeyField("self", null=True, on_delete="SET NULL")
    issued_by = CharField(max_length=100, default="")
    issued_at = DateTimeField()


class Investigation(BaseModel):
    id = AutoField()
    case = ForeignKeyField(Case, backref="investigations", on_delete="CASCADE")
    held_on = DateField()
    checked = TextField()  # what was checked
    with_whom = CharField(max_length=200, default="")
    findings = TextField(default="")
    cause = CharField(max_length=20, default="")  # vocab: app.records.CAUSES
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class RepairWork(BaseModel):
    """One repair of a device (维修记录): the fault it addressed, what was found and replaced, when it
    started and ended, the days waiting for parts, and whether it held. The 三包 advice counts these
    over the device's whole history by its serial (app/sanbao.py)."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="repairs", on_delete="CASCADE")
    fault = CharField(max_length=20)  # tables.REPAIR_FAULTS
    diagnosis = TextField()
    parts = CharField(max_length=300, default="")
    technician = CharField(max_length=100, default="")
    started_on = DateField()
    finished_on = DateField(null=True)
    parts_ordered_on = DateField(null=True)
    parts_arrived_on = DateField(null=True)
    result = CharField(max_length=20, default="fixed")  # tables.REPAIR_RESULTS
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class MediationSession(BaseModel):
    """A session scheduled (state scheduled), moved to another time (moved, with its reason in
    `note`) or held; a held one records what happened. Written by app/mediation.py and app/records.py."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="sessions", on_delete="CASCADE")
    state = CharField(max_length=20, default="held")
    starts_at = DateTimeField(null=True)  # when it was scheduled to start
    summoned = TextField(default="")
    bring = TextField(default="")
    note = TextField(default="")
    held_on = DateField()  # the day it was held, or is to be
    mode = CharField(max_length=20)  # in_person, phone, video
    place = CharField(max_length=200, default="")
    participants = TextField(default="")
    mediator = CharField(max_length=100, default="")
    complainant_statement = TextField(default="")
    business_statement = TextField(default="")
    outcome = TextField(default="")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class Appraisal(BaseModel):
    """Testing or appraisal; while one is open during mediation the clock is paused."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="appraisals", on_delete="CASCADE")
    started_on = DateField()
    ended_on = DateField(null=True)
    body = CharField(max_length=200)
    payer = CharField(max_length=20)
    result = TextField(default="")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class Remedy(BaseModel):
    """What was agreed: who does what by when, and whether it was done."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="remedies", on_delete="CASCADE")
    kind = CharField(max_length=20)
    amount_fen = IntegerField(null=True)
    by_whom = CharField(max_length=20, default="business")
    what = TextField(default="")
    due_on = DateField(null=True)
    done_on = DateField(null=True)
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class FollowUp(BaseModel):
    id = AutoField()
    case = ForeignKeyField(Case, backref="follow_ups", on_delete="CASCADE")
    held_on = DateField()
    method = CharField(max_length=20)
    satisfaction = IntegerField(null=True)  # 1-5
    remarks = TextField(default="")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class Appeal(BaseModel):
    """An appeal against an outcome: the case is reopened, its history kept."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="appeals", on_delete="CASCADE")
    filed_on = DateField()
    party = CharField(max_length=20)
    grounds = TextField()
    outcome_status = CharField(max_length=32)  # the outcome appealed against
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()


class Evidence(BaseModel):
    """An item of evidence on a case; the bytes live in the store under their SHA-256."""

    id = AutoField()
    case = ForeignKeyField(Case, backref="evidence", on_delete="CASCADE")
    sha256 = CharField(max_length=64, index=True)
    description = CharField(max_length=300, default="")
    kind = CharField(max_length=20)  # app.evidence.KINDS
    supplier = CharField(max_length=20)  # complainant, business, office
    original_name = CharField(max_length=255, default="")
    size = BigIntegerField()
    mime = CharField(max_length=100, default="")
    duration = FloatField(null=True)  # seconds, for audio and video where readable
    added_by = CharField(max_length=100, default="")
    added_at = DateTimeField()
    removed = BooleanField(default=False)
    removed_reason = CharField(max_length=300, default="")
    removed_by = CharField(max_length=100, default="")
    removed_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class EvidenceThumbnail(BaseModel):
    """A photo's thumbnail (a JPEG or PNG of a few kilobytes), made when the photo is added: the
    evidence panel shows it without fetching the photo. Derived from the stored bytes, so backups
    leave it out and it is made again from the photo when missing."""

    sha256 = CharField(max_length=64, primary_key=True)
    data = BlobField()


class MonthFigure(BaseModel):
    """A supervision figure of the cases registered in one month (app.month_figures): derived from
    the cases, so backups leave it out and `complaintdesk figures --rebuild` makes it again."""

    month = DateField()
    measure = CharField(max_length=40)
    key = CharField(max_length=1000, default="")
    cases = BigIntegerField(default=0)
    amount = DoubleField(null=True)

    class Meta:
        table_name = "month_figure"
        primary_key = CompositeKey("measure", "month", "key")


class FigureDirty(BaseModel):
    """A month whose figures a write may have changed, noted by the database's own triggers."""

    id = BigAutoField()
    month = DateField(index=True)

    class Meta:
        table_name = "figure_dirty"


class EvidenceChunk(BaseModel):
    """PostgreSQL store: the bytes of one stored file in 4 MB pieces, shared by every seat."""

    sha256 = CharField(max_length=64)
    seq = IntegerField()
    data = BlobField()

    class Meta:
        primary_key = CompositeKey("sha256", "seq")


class User(BaseModel):
    """A person who signs in; `role` is a key of app.permissions.ROLES."""

    id = AutoField()
    username = CharField(max_length=60, unique=True)
    display_name = CharField(max_length=100)
    role = CharField(max_length=20)
    password_hash = CharField(max_length=200)
    failed = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField()
    last_sign_in = DateTimeField(null=True)

    class Meta:
        table_name = "app_user"


class AuditEntry(BaseModel):
    """One thing done, by whom, when; `hash` covers this entry and the previous entry's hash,
    so a row changed, removed or slipped in behind the program's back breaks the chain."""

    id = AutoField()
    at = DateTimeField()
    actor = CharField(max_length=100, default="")
    action = CharField(max_length=40)
    case_no = CharField(max_length=32, default="", index=True)
    detail = TextField(default="")  # JSON
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


class DocumentSequence(BaseModel):
    """The last number given to a kind of document in a year (one atomic upsert per issue)."""

    kind = CharField(max_length=40)
    year = IntegerField()
    last_value = IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "year"), True),)


class CaseWording(BaseModel):
    """A document's wording changed for one case (on top of the office's template), in one language;
    written by app/documents/wording.py, read when the case's documents are drafted and issued."""

    case = ForeignKeyField(Case, on_delete="CASCADE")
    kind = CharField(max_length=40)
    language = CharField(max_length=10)
    text = TextField()
    edited_by = CharField(max_length=100, default="")
    edited_at = DateTimeField()

    class Meta:
        indexes = ((("case", "kind", "language"), True),)


class ImprovementAction(BaseModel):
    """What the office or a business undertakes against a cause of complaints (ISO 10002 clause 8):
    for a business or a product (by the names the cases carry), who does it and by when; written by
    app/improvements.py and listed in the period report."""

    id = AutoField()
    business = CharField(max_length=200, default="", index=True)
    product = CharField(max_length=200, default="")
    model = CharField(max_length=100, default="")
    cause = CharField(max_length=20, default="")  # vocab: app.records.CAUSES
    what = TextField()
    who = CharField(max_length=100)
    due_on = DateField(index=True)
    done_on = DateField(null=True)
    outcome = TextField(default="")
    recorded_by = CharField(max_length=100, default="")
    recorded_at = DateTimeField()
    version = IntegerField(default=1)


class ImportedRow(BaseModel):
    """A row some import turned into a case: its stable key makes re-importing a file a no-op."""

    key = CharField(max_length=200, unique=True)
    case = ForeignKeyField(Case, on_delete="CASCADE", index=True)
    source = CharField(max_length=300, default="")
    source_row = IntegerField(default=0)
    imported_at = DateTimeField()
    imported_by = CharField(max_length=100, default="")


def case_with_parts(*selection):
    """SELECT over a case joined to its complainant, business, purchase and complaint."""
    return (
        Case.select(*selection)
        .join(Complainant, on=(Case.complainant == Complainant.id))
        .switch(Case)
        .join(Business, on=(Case.business == Business.id))
        .switch(Case)
        .join(Purchase, JOIN.LEFT_OUTER, on=(Purchase.case == Case.id))
        .switch(Case)
        .join(Complaint, JOIN.LEFT_OUTER, on=(Complaint.case == Case.id))
    )


TABLES = [
    SchemaVersion,
    Setting,
    CaseNumberSequence,
    Complainant,
    Business,
    Case,
    Purchase,
    Complaint,
    Event,
    RegisterEntry,
]
CALENDAR_TABLES = [CalendarDay, CalendarYear]
WORKFLOW_TABLES = [CaseDeadline, Consent, ConflictDeclaration, IssuedNotice]
EVIDENCE_TABLES = [Evidence, EvidenceChunk, EvidenceThumbnail]
RECORD_TABLES = [Investigation, MediationSession, Appraisal, Remedy, FollowUp, Appeal, RepairWork]
DEVICE_TABLES = [Device]
IMPORT_TABLES = [ImportedRow]
DOCUMENT_TABLES = [DocumentSequence, CaseWording]
AUDIT_TABLES = [AuditEntry]
USER_TABLES = [User]
PRIVACY_TABLES = [PersonalNumbers]
IMPROVEMENT_TABLES = [ImprovementAction]
FIGURE_TABLES = [MonthFigure, FigureDirty]  # derived: left out of backups, made again from the cases
# every table, parents before children (backups restore in this order)
ALL_TABLES = [
    *TABLES,
    *CALENDAR_TABLES,
    *WORKFLOW_TABLES,
    *RECORD_TABLES,
    *DEVICE_TABLES,
    *EVIDENCE_TABLES,
    *IMPORT_TABLES,
    *DOCUMENT_TABLES,
    *AUDIT_TABLES,
    *USER_TABLES,
    *PRIVACY_TABLES,
    *IMPROVEMENT_TABLES,
    *FIGURE_TABLES,
]

# Tables whose rows users edit: each has a `version` column for optimistic locking.
EDITABLE = (Complainant, Business, Case, Purchase, Complaint)

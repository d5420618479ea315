"""Statements compiled once (app/compiled.py): each run sends exactly what peewee would have sent
for the same values, on either database, and the intake still saves and reads back every part."""

import datetime as dt

import pytest
from peewee import ValueLiterals

from app import audit, cases, compiled, duplicates, register, startup
from app.db import close, is_postgres
from app.models import Business, Case, Event, Purchase, Setting
from app.workflow import machine
from tests.factories import intake_values

H1, H2 = "a" * 64, "b" * 64
AT = dt.datetime(2026, 11, 20, 9, 30)

# each statement the intake runs, with values of every shape it is given (a list of one and of
# two, None leaving a condition out, text with LIKE's and psycopg2's own characters)
RUNS = [
    (duplicates._EARLIER, {"hashes": [H1], "exclude": None}),
    (duplicates._EARLIER, {"hashes": [H1, H2], "exclude": 7}),
    (duplicates._SAME_PHONE, {"phone_hash": H2, "exclude": None}),
    (duplicates._SAME_ADDRESS, {"address": "文三路 100%_ 号 %s", "exclude": 3}),
    (duplicates._SAME_NAME, {"name": "=某某电器'", "exclude": None}),
    (duplicates._SAME_NAME, {"name": "某某电器", "exclude": 9}),
    (duplicates._SAME_USCC, {"uscc": "91330100MA27XXXX0X", "exclude": 9}),
    (machine._HISTORY, {"ids": [4]}),
    (machine._RUNNING, {"ids": [4, 5, 6]}),
    (machine._APPRAISALS, {"ids": [4]}),
    (machine._RECEIVED, {"ids": [1, 2]}),
    (cases._PARTS, {"case_id": 12}),
    (cases._TAKE_NUMBERS, {"year": 2026, "count": 3}),
    (audit._LAST_HASH, {}),
]


@pytest.mark.parametrize("statement, values", RUNS, ids=lambda v: getattr(v, "__name__", None))
def test_a_compiled_statement_sends_what_peewee_writes_for_the_same_values(database, statement, values):
    for _ in range(2):  # compiled on the first run, kept for the second
        assert statement(**values).sql() == statement._build(**values).sql()


def test_a_row_written_by_a_kept_insert_is_the_row_peewee_would_write(database):
    row = {
        "name": "某某电器 100% =SUM(A1)",
        "uscc": "",
        "address": "杭州",
        "phone": "0571-1234",
        "contact": "",
        "platform": "",
        "shop": "",
    }
    for _ in range(2):
        ours = compiled.insert(Business, row).sql()
        assert ours == Business.insert({**compiled._defaults(Business), **row}).sql()
    made = compiled.create(Business, **row)
    assert Business.get_by_id(made.id).name == row["name"]
    again = compiled.create(Business, **{**row, "name": "第二家"})
    assert again.id == made.id + 1


def test_lists_and_dicts_in_an_inserted_row_are_stored_as_json_not_as_a_shape(database):
    case = cases.intake(intake_values())
    event = Event(case=case.id, at=AT, actor="张三", kind="note", note="记录", data={"a": [1, "二"]})
    compiled.insert(Event, {k: v for k, v in event.__data__.items() if k != "id"}).execute()
    assert Event.get(Event.kind == "note").data == {"a": [1, "二"]}  # one value, not a list of slots
    warned = compiled.create(Business, name="x", uscc="", address="", phone="", contact="", platform="", shop="")
    assert Business.get_by_id(warned.id).name == "x"


def test_an_intake_saves_every_part_through_its_kept_statements(database):
    values = intake_values(**{"complainant__name": "王%s", "purchase__product": "空调 100%"})
    for n in range(3):  # the first compiles, the others reuse what it kept
        ref = cases.intake(values)
        case = Case.get_by_id(ref.id)
        assert case.case_no == ref.case_no and case.seq == n + 1
        assert case.complainant.name == "王%s"
        assert Purchase.get(Purchase.case == ref.id).product == "空调 100%"
        assert [e.kind for e in Event.select().where(Event.case == ref.id).order_by(Event.id)][0] == "created"
        assert register.first_page(register.RegisterFilter(text="空调 100%"), "received_at", True, 10)[0] == n + 1
    found = duplicates.check(values)
    assert len(found.related) == 3  # the same person, found by the kept look-ups


def test_each_kind_of_database_keeps_its_own_sql(sqlite_path, pg_url):
    seen = []
    for url in (str(sqlite_path), pg_url, str(sqlite_path)):
        startup.open_database(url)
        sql, params = machine._RECEIVED(ids=[1]).sql()
        seen.append(("%s" in sql, is_postgres()))
        close()
    assert seen == [(False, False), (True, True), (False, False)]


def test_a_list_longer_than_the_kept_ones_is_compiled_each_time_not_kept(database):
    ids = list(range(1, compiled.MOST_KEPT + 2))
    kept_before = len(machine._RECEIVED._kept)
    assert machine._RECEIVED(ids=ids).sql() == machine._RECEIVED._build(ids=ids).sql()
    assert len(machine._RECEIVED._kept) == kept_before
    with database.atomic():
        assert list(machine._RECEIVED(ids=ids)) == []


def test_a_slot_refuses_to_become_literal_sql(database):
    query = Setting.select().where(Setting.key == compiled.Slot("key"))
    with pytest.raises(TypeError, match="key"):
        database.get_sql_context().sql(ValueLiterals(query)).query()

"""Register queries and search, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import SQL, fn

from app import cases, db, demo, register, search
from app.errors import DatabaseError
from app.models import Case, Complaint, Purchase, RegisterEntry, database
from app.register import RegisterFilter
from tests.factories import intake_values


@pytest.fixture
def filled(database):
    demo.generate(300, seed=7)
    cases.intake(
        intake_values(complaint__facts="洗衣机运转时噪音很大，还漏水", complainant__phone="13812345678"),
        now=dt.datetime(2026, 11, 1, 10),
    )
    cases.intake(
        intake_values(
            complaint__facts="健身房突然关门不退款",
            complaint__category="prepaid_card",
            business__name="乐活健身俱乐部",
            purchase__product="健身年卡",
        ),
        now=dt.datetime(2026, 11, 2, 10),
    )
    return database


def _all(flt, sort="received_at", desc=True):
    total = register.count(flt)
    rows = register.page(flt, sort, desc, None, 10_000)
    assert len(rows) == total
    return rows


@pytest.mark.parametrize("word", ["噪音", "漏水", "退款", "健身", "乐活健身俱乐部", "噪音很大，还漏水"])
def test_search_finds_chinese_substrings(filled, word):
    rows = _all(RegisterFilter(text=word))
    assert rows, word
    for row in rows:
        record = cases.load(row.id)
        haystack = "".join(str(v) for v in record.values.values()) + record.case_no
        assert word.replace("，", "") in haystack.replace("，", ""), (word, row.case_no)


def test_two_character_search_matches_like_semantics(filled):
    """Every case with 空调 in its facts or product is found, and nothing else."""
    expected = {c.case_id for c in Complaint.select(Complaint.case).where(Complaint.facts.contains("空调"))}
    expected |= {p.case_id for p in Purchase.select(Purchase.case).where(Purchase.product.contains("空调"))}
    found = {r.id for r in _all(RegisterFilter(text="空调"))}
    assert expected and found == expected


def test_search_by_case_number_and_fragment(filled):
    some = register.page(RegisterFilter(), "case_no", False, None, 1)[0]
    assert [r.case_no for r in _all(RegisterFilter(text=some.case_no))] == [some.case_no]
    assert some.case_no in [r.case_no for r in _all(RegisterFilter(text=some.case_no[-4:]))]


def test_a_case_number_fragment_finds_every_case_whose_number_holds_it(filled):
    for fragment in ("0012", "123", "2026-0001", "00007"):
        holding = {c.id for c in Case.select(Case.id).where(Case.case_no.contains(fragment.upper()))}
        found = {r.id for r in _all(RegisterFilter(text=fragment))}
        assert holding and holding <= found, fragment  # (a phone's last digits or an amount may hold it too)


def test_a_search_s_first_page_is_the_page_however_it_is_read(filled):
    """Few matches are looked up and sorted, many found by walking the sort order: the same rows."""
    for text in ("退款", "空调", "噪音很大", "0012", "13812345678", "没有这个词"):
        for sort in (("received_at", True), ("received_at", False), ("business", False), ("grade", True)):
            for limit in (5, 200):
                for flt in (RegisterFilter(text=text), RegisterFilter(text=text, category="quality")):
                    total, rows = register.first_page(flt, *sort, limit)
                    assert total == register.count(flt), (flt, sort, limit)
                    assert rows == register.page(flt, *sort, None, limit), (flt, sort, limit)


@pytest.mark.parametrize(
    "walk_cost, hashed",
    [(0, 50_000), (10**9, 50_000), (10**9, 0)],
    ids=["looked-up", "walked-against-the-hash", "walked-against-each-document"],
)
def test_each_way_postgresql_takes_a_search_s_page_gives_the_same_page(filled, monkeypatch, walk_cost, hashed):
    """PostgreSQL decides on the count which way to take a search's page (register.HASHED,
    WALK_COST): each way, forced, gives the register's page and count, whatever the words hold
    (LIKE's own characters included)."""
    if not db.is_postgres():
        pytest.skip("SQLite takes a search's page from its FTS5 index")
    monkeypatch.setattr(register, "WALK_COST", walk_cost)
    monkeypatch.setattr(register, "HASHED", hashed)
    cases.intake(intake_values(complaint__facts="承诺 100%_退款\\全额，未兑现"), now=dt.datetime(2026, 11, 3, 10))
    for text in ("退款", "空调 噪音", "0012", "100%_退", "%", "_", "没有这个词", "a"):
        for descending in (True, False):
            for limit in (1, 5, 200):
                flt = RegisterFilter(text=text)
                total, rows = register.first_page(flt, "received_at", descending, limit)
                assert total == register.count(flt), (text, descending, limit)
                assert rows == register.page(flt, "received_at", descending, None, limit), (text, descending, limit)
    assert register.first_page(RegisterFilter(text="100%_退"), "received_at", True, 5)[0] == 1


def test_a_search_in_received_order_is_exact_within_a_second_and_after_a_correction(database):
    """SQLite's index keeps a search's rows by received second and id; the register orders by the
    whole time: cases received in one second, later ids earlier in it, come in the register's order,
    and a corrected received time moves the case's document (found once, where it now belongs)."""
    second = dt.datetime(2026, 11, 20, 9, 30, 15)
    ids = [
        cases.intake(intake_values(complaint__facts="冰箱退款纠纷"), now=second.replace(microsecond=900_000 - n)).id
        for n in range(0, 6000, 1000)
    ]
    cases.intake(intake_values(complaint__facts="冰箱退款纠纷"), now=second - dt.timedelta(seconds=1))
    cases.intake(intake_values(complaint__facts="冰箱退款纠纷"), now=second + dt.timedelta(seconds=1))
    flt = RegisterFilter(text="退款")
    for descending in (True, False):
        for limit in range(1, 10):
            total, rows = register.first_page(flt, "received_at", descending, limit)
            assert (total, rows) == (8, register.page(flt, "received_at", descending, None, limit)), limit
    assert [r.id for r in register.first_page(flt, "received_at", True, 8)[1][1:7]] == ids

    later = dt.datetime(2026, 11, 22, 8, 0)
    cases.edit(
        ids[3], {"case.received_at": "2026-11-22 08:00"}, cases.load(ids[3]).versions, now=dt.datetime(2026, 11, 23, 9)
    )
    total, rows = register.first_page(flt, "received_at", True, 3)
    assert total == 8 and rows[0].id == ids[3] and rows[0].received_at == later
    assert [r.id for r in register.first_page(flt, "received_at", False, 8)[1]].count(ids[3]) == 1


def test_a_case_beyond_the_search_keys_numbers_is_refused_whole(database):
    """SQLite keys a search row by 28 bits of case id: a document for a case beyond them is refused
    with a message (the intake's transaction then writes nothing), never stored under a wrong key."""
    if db.is_postgres():
        pytest.skip("PostgreSQL keys its search rows by the case id itself")
    ref = cases.intake(intake_values())
    with pytest.raises(DatabaseError, match="超出本地搜索索引的编号范围"):
        search.store_documents([(ref.id, "一"), (search.ID_MASK + 1, "编号用尽时登记的投诉")])
    assert database.execute_sql("SELECT COUNT(*) FROM search_key").fetchone() == (1,)
    assert register.count(RegisterFilter(text="编号用尽")) == 0 and register.count(RegisterFilter(text="空调")) == 1


def test_filters_combine(filled):
    rows = _all(RegisterFilter(category="prepaid_card", text="健身"))
    assert rows and all(r.category == "prepaid_card" for r in rows)
    day = RegisterFilter(date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 1))
    assert all(r.received_at.date() == dt.date(2026, 11, 1) for r in _all(day))
    assert any("噪音" in cases.load(r.id).values["complaint.facts"] for r in _all(day))
    status = _all(RegisterFilter(status="received"))
    assert status and all(r.status == "received" for r in status)


@pytest.mark.parametrize("key", [c.key for c in register.COLUMNS])
def test_every_column_sorts_both_ways(filled, key):
    up = register.page(RegisterFilter(), key, False, None, 400)
    down = register.page(RegisterFilter(), key, True, None, 400)
    assert [r.id for r in up] == [r.id for r in reversed(down)]


def test_pages_after_pages_are_the_whole_list_in_order(filled):
    """Each page read from where the last one ended, for every column both ways: ties (one
    business, one grade), empty values (no deadline, no amount) and a search among them."""
    for n in range(3):  # claims without an amount
        cases.intake(intake_values(complaint__demand_amount="", complaint__facts=f"退款未到账{n}"))
    for key, flt in ((c.key, f) for c in register.COLUMNS for f in (RegisterFilter(), RegisterFilter(text="退款"))):
        for descending in (False, True):
            listed = register.page(flt, key, descending, None, 10_000)
            whole = [r.id for r in listed]
            if key in ("due", "amount") and not flt.text:  # empty values among them, on either side
                empty = [getattr(r, {"due": "due_at", "amount": "amount_fen"}[key]) is None for r in listed]
                assert any(empty) and not all(empty), key
            seen, last = [], None
            while True:
                rows = register.page(flt, key, descending, last, 7)
                if not rows:
                    break
                seen += [r.id for r in rows]
                last = rows[-1]
            assert seen == whole and len(whole) == register.count(flt), (key, descending, flt.text)
    assert len(whole) > 0


def test_register_masks_phone(filled):
    [row] = _all(RegisterFilter(text="洗衣机运转时"))
    assert row.text("phone") == "138****5678"


def test_register_entry_follows_edits(database):
    ref = cases.intake(intake_values())
    record = cases.load(ref.id)
    cases.edit(
        ref.id,
        {"business.name": "改名后的电器行", "complaint.demand_amount": "12.5", "complaint.category": "after_sales"},
        record.versions,
    )
    [row] = _all(RegisterFilter(text="改名后"))
    assert (row.business, row.amount_fen, row.category) == ("改名后的电器行", 1250, "after_sales")
    assert _all(RegisterFilter(category="after_sales"))[0].id == ref.id


def test_demo_entries_equal_what_refresh_writes(filled):
    from app.models import RegisterEntry

    before = list(RegisterEntry.select().order_by(RegisterEntry.case).tuples())
    for case_id, *_ in before:
        register.refresh_entry(case_id)
    assert list(RegisterEntry.select().order_by(RegisterEntry.case).tuples()) == before


def test_search_finds_a_phone_by_its_number_or_last_four_digits(database):
    """Issue 14.6: what a caller gives; the index keeps no more than the masked register shows."""
    from app import search
    from app.models import Case

    mine = cases.intake(intake_values(complainant__phone="13912345678"))
    landline = cases.intake(intake_values(complainant__phone="0571-88886666"))
    cases.intake(intake_values(complainant__phone="13800001111"))

    def found(text):
        return {r.case_no for r in register.page(RegisterFilter(text=text), "received_at", True, None, 50)}

    assert found("13912345678") == found("139 1234 5678") == found("+8613912345678") == {mine.case_no}
    assert found("5678") == {mine.case_no} and found("6666") == {landline.case_no}
    assert found("0571-88886666") == {landline.case_no}
    assert found("13912340000") == set()  # another number with the same tail is not the complainant's
    stored = database.execute_sql("SELECT body FROM case_search").fetchall()
    assert not any("912345" in body.replace(" ", "") or "8888" in body for (body,) in stored)
    assert register.count(RegisterFilter(text="5678")) == 1
    assert Case.select().count() == 3 and search.terms("5678") == ["5678"]


def test_the_upgrade_adds_the_phone_tails_to_an_older_index(database):
    from app import migrations, search

    ref = cases.intake(intake_values(complainant__phone="13912345678"))
    search.store_documents([(ref.id, "ts-2026-000001 王芳 空调")])  # as version 10 wrote it
    assert register.count(RegisterFilter(text="5678")) == 0
    {step.version: step.run for step in migrations.MIGRATIONS}[11](database)
    assert register.count(RegisterFilter(text="5678")) == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(exclude_categories=()), max_size=12))  # surrogates included
def test_any_text_typed_or_pasted_into_the_search_box_searches(database, text):
    """Issue 15: NUL, control and lone surrogate characters in a search gave tracebacks.
    (Run once with max_examples=10000 on both databases: no exception.)"""
    assert register.count(RegisterFilter(text=text)) >= 0
    register.page(RegisterFilter(text=text), "received_at", True, None, 5)
    for descending in (True, False):  # the register's own first page: the index keyed by time, the count alone
        total, rows = register.first_page(RegisterFilter(text=text), "received_at", descending, 5)
        assert total == register.count(RegisterFilter(text=text)) and len(rows) <= 5


def test_two_characters_are_found_through_an_index_on_postgresql(filled):
    """A trigram index cannot serve 空调; the documents' pairs of characters (schema v23) can."""
    if not db.is_postgres():
        pytest.skip("SQLite searches its FTS5 index")
    database.execute_sql("SET enable_seqscan = off")  # as at a million cases, not at 300 …
    database.execute_sql("SET enable_indexscan = off")  # … where looking each case up costs more
    query = register._where(RegisterEntry.select(fn.COUNT(SQL("*"))), RegisterFilter(text="空调"))
    sql, params = query.sql()
    plan = "\n".join(row[0] for row in database.execute_sql("EXPLAIN " + sql, params))
    assert "case_search_grams" in plan, plan


def test_the_program_s_connections_to_postgresql_run_without_jit(database):
    """The server's JIT compiled a search statement judged costly (the walk it then never took)
    for half a second before reading a few rows: the program's connections turn it off."""
    if not db.is_postgres():
        pytest.skip("SQLite has no JIT")
    assert database.execute_sql("SHOW jit").fetchone() == ("off",)

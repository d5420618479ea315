"""Writes that wait for the next trip (app/db.py, PostgreSQL): kept in order, seen by the next read,
and a failure among them fails the whole transaction — nothing half-written."""

import pytest
from peewee import IntegrityError

from app import db
from app.models import Setting, database


@pytest.fixture
def shared(pg_url):
    from app import startup

    yield startup.open_database(pg_url)


def test_a_waiting_write_is_seen_by_the_next_read_and_committed(shared):
    with database.atomic():
        db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.waiting", "一"))
        db.later_query(Setting.update(value="二").where(Setting.key == "test.waiting"))
        assert Setting.get(Setting.key == "test.waiting").value == "二"  # sent in front of this read
    assert Setting.get(Setting.key == "test.waiting").value == "二"


def test_a_failing_waiting_write_fails_the_transaction_whole(shared):
    with pytest.raises(IntegrityError):
        with database.atomic():
            db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.first", "kept?"))
            db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.first", "twice"))  # same key
    assert not Setting.select().where(Setting.key == "test.first").exists()
    assert Setting.select().count() >= 0  # the connection is usable again


def test_a_rolled_back_savepoint_drops_what_it_kept_and_the_rest_commits(shared):
    with database.atomic():
        db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.outer", "外"))
        with pytest.raises(RuntimeError):
            with database.atomic():  # a savepoint that never reached the server
                db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.inner", "内"))
                raise RuntimeError("the inner step failed")
        Setting.select().count()  # the outer write and nothing of the inner one are sent now
        with pytest.raises(RuntimeError):
            with database.atomic():  # one whose SAVEPOINT was sent: rolled back on the server
                Setting.select().count()
                db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.inner2", "内"))
                raise RuntimeError("and this one")
    keys = {s.key for s in Setting.select().where(Setting.key.startswith("test."))}
    assert keys == {"test.outer"}


def test_outside_a_transaction_a_waiting_write_runs_at_once(shared):
    db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", ("test.now", "即"))
    assert Setting.get(Setting.key == "test.now").value == "即"


def test_a_bulk_of_waiting_writes_goes_in_parts_and_all_of_it_lands(shared):
    with database.atomic():
        for i in range(db.WAITING_MAX * 2 + 50):
            db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", (f"test.bulk.{i}", "批"))
        assert len(database.obj._waiting()) < db.WAITING_MAX  # never more kept than that
    assert Setting.select().where(Setting.key.startswith("test.bulk.")).count() == db.WAITING_MAX * 2 + 50


PERCENT_TEXTS = ["承诺 100% 退款", "%s", "%%", "%(x)s 打折%", "50%_off"]


def test_percent_signs_in_waiting_writes_land_as_typed(shared):
    """A typed "100%" in a write that waited made psycopg2 read it as a placeholder when the trip
    was sent (peewee passes an empty tuple): the whole save failed with an IndexError."""
    with database.atomic():
        for n, text in enumerate(PERCENT_TEXTS):
            db.later("INSERT INTO setting (key, value) VALUES (%s, %s)", (f"test.percent{n}", text))
        assert Setting.get(Setting.key == "test.percent0").value == PERCENT_TEXTS[0]  # sent with this read
        db.later_query(Setting.update(value="再 100%").where(Setting.key == "test.percent1"))
    stored = {s.key: s.value for s in Setting.select().where(Setting.key.startswith("test.percent"))}
    assert stored == {f"test.percent{n}": t for n, t in enumerate(["承诺 100% 退款", "再 100%", *PERCENT_TEXTS[2:]])}


def test_an_intake_with_percent_signs_in_every_text_is_saved_and_read_back(shared):
    from app import cases
    from tests.factories import intake_values

    facts = "商家承诺“七天无理由 100% 退款”，%s %(x)s %% 均未兑现"
    ref = cases.intake(
        intake_values(complaint__facts=facts, business__name="百分百%电器", purchase__product="50%_off 空调")
    )
    record = cases.load(ref.id)
    assert record.values["complaint.facts"] == facts
    assert record.values["business.name"] == "百分百%电器" and record.values["purchase.product"] == "50%_off 空调"

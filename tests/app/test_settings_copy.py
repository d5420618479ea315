"""Settings kept per seat (issue 22, item 1): read once, not at every use; this seat's own change
seen at once, another seat's within settings.FRESH_S by the version token, a change made outside
the program within settings.MAX_AGE_S; inside a transaction the table itself, so a rolled-back
change is never kept."""

import pytest

from app import settings
from app.db import is_postgres
from app.models import database
from app.workflow import machine


@pytest.fixture
def statements(monkeypatch):
    """Counts the statements this seat sends."""
    sent = []
    db = database.obj
    real = db.execute_sql

    def counted(sql, params=None, *args, **kwargs):
        sent.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", counted)
    return sent


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(settings.time, "monotonic", lambda: now[0])
    return now


def mark(db):
    return "%s" if is_postgres(db) else "?"


def test_a_seat_reads_its_settings_once_not_at_every_use(database, statements, clock):
    machine.set_office_profile("consumer_association")
    settings.get("office.profile")
    statements.clear()
    for _ in range(100):
        assert machine.office_profile().code == "consumer_association"
        settings.get("office.name")
    assert statements == []
    clock[0] += settings.FRESH_S + 0.1
    settings.get("office.profile")
    assert len(statements) == 1  # the version token alone


def test_another_seats_change_is_seen_by_its_token_and_an_outside_change_in_time(database, clock):
    machine.set_office_profile("consumer_association")
    assert settings.get("office.profile") == "consumer_association"
    m = mark(database)
    # another seat's put: the value and a new token
    database.execute_sql(f"UPDATE setting SET value = {m} WHERE key = {m}", ("market_regulator", "office.profile"))
    database.execute_sql(f"UPDATE setting SET value = {m} WHERE key = {m}", ("other-seat", settings.VERSION_KEY))
    assert settings.get("office.profile") == "consumer_association"  # trusted for FRESH_S
    clock[0] += settings.FRESH_S + 0.1
    assert settings.get("office.profile") == "market_regulator"
    # psql, behind the program's back (no token): seen when the copy is reloaded whole
    database.execute_sql(f"UPDATE setting SET value = {m} WHERE key = {m}", ("repair_counter", "office.profile"))
    clock[0] += settings.FRESH_S + 0.1
    assert settings.get("office.profile") == "market_regulator"
    clock[0] += settings.MAX_AGE_S
    assert settings.get("office.profile") == "repair_counter"


def test_a_rolled_back_change_is_not_kept_and_a_transaction_reads_the_table(database, clock):
    settings.put("office.name", "甲市消费者协会")
    assert settings.get("office.name") == "甲市消费者协会"
    with pytest.raises(RuntimeError):
        with database.atomic():
            settings.put("office.name", "乙市消费者协会")
            assert settings.get("office.name") == "乙市消费者协会"  # its own uncommitted change
            raise RuntimeError("the save failed")
    assert settings.get("office.name") == "甲市消费者协会"
    settings.remove("office.name")
    assert settings.get("office.name") is None and not settings.is_set("office.name")


def test_a_transaction_that_writes_no_setting_reads_the_copy(database, statements, clock):
    machine.set_office_profile("consumer_association")
    settings.get("office.profile")
    statements.clear()
    with database.atomic():
        assert machine.office_profile().code == "consumer_association"
    assert not [s for s in statements if "setting" in s.lower()]

"""Schema versions: create, migrate with a backup first, refuse a newer database."""

import pytest

from app import db, migrations, startup
from app.errors import DatabaseError, DatabaseTooNew
from app.models import SchemaVersion


def test_new_database_is_at_latest_version(database):
    assert db.schema_version(database) == migrations.latest()


def test_newer_database_is_refused(db_url):
    startup.open_database(db_url)
    SchemaVersion.update(version=migrations.latest() + 5).execute()
    db.close()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        startup.open_database(db_url)


def test_older_database_is_backed_up_then_migrated(db_url, monkeypatch, tmp_path):
    conn = startup.open_database(db_url)
    from app import cases
    from tests.factories import intake_values

    ref = cases.intake(intake_values())
    db.close()

    def add_priority(database):
        database.execute_sql("ALTER TABLE complaint_case ADD COLUMN priority INTEGER DEFAULT 0")

    latest = migrations.latest()
    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.Step(latest + 1, "priority", add_priority)]
    )
    monkeypatch.setattr(db, "SCHEMA_VERSION", latest + 1)  # the newer program's schema
    conn = startup.open_database(db_url)
    assert db.schema_version(conn) == latest + 1
    assert conn.execute_sql("SELECT priority FROM complaint_case").fetchone()[0] == 0
    assert cases.load(ref.id).case_no == ref.case_no
    if db.is_postgres(conn):
        schemas = [r[0] for r in conn.execute_sql("SELECT schema_name FROM information_schema.schemata")]
        [backup] = [s for s in schemas if s.startswith(f"backup_v{latest}_")]
        count = conn.execute_sql(f'SELECT count(*) FROM "{backup}".complaint_case').fetchone()[0]
    else:
        [backup] = list(tmp_path.glob(f"cases.v{latest}-*.bak.db"))
        import sqlite3

        count = sqlite3.connect(backup).execute("SELECT count(*) FROM complaint_case").fetchone()[0]
    assert count == 1


def test_bad_locations_give_clear_messages(tmp_path):
    with pytest.raises(DatabaseError, match="不认识"):
        db.parse_location("mysql://x/y")
    with pytest.raises(DatabaseError, match="缺少库名"):
        startup.open_database("postgresql://postgres@127.0.0.1:1/")
    with pytest.raises(DatabaseError, match="无法打开"):
        startup.open_database("postgresql://postgres@127.0.0.1:1/nothing")
    (tmp_path / "not-a-db.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError):
        startup.open_database(str(tmp_path / "not-a-db.db"))


def test_default_location_is_per_user(monkeypatch, tmp_path):
    location = db.parse_location(None)
    assert location.kind == "sqlite" and location.path.name == "complaintdesk.db"
    assert db.parse_location("sqlite:///tmp/x.db").path.as_posix() == "/tmp/x.db"

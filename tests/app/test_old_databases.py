"""Databases written by earlier versions (tests/data/old_databases) open in this one: migrated
through the frozen steps to exactly the schema a new database gets, their cases and timelines
intact, the program's old notes read once into the values the timeline is told from."""

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from app import cases, db, migrations, startup
from app.models import ALL_TABLES, Case, Event

DATA = Path(__file__).resolve().parents[1] / "data" / "old_databases"


def schema(conn) -> dict:
    """Every table's columns (name, type, not null, key) and indexes (columns, unique), by table."""
    out = {}
    for table in sorted(t for t in conn.get_tables() if not t.startswith(("sqlite_", "case_search_"))):
        columns = sorted((c.name, c.data_type.upper(), c.null, c.primary_key) for c in conn.get_columns(table))
        indexes = sorted((tuple(i.columns), i.unique) for i in conn.get_indexes(table))
        out[table] = (columns, indexes)
    return out


def old_copy(version: int, tmp_path: Path) -> str:
    path = tmp_path / f"v{version}.db"
    path.write_bytes(gzip.decompress((DATA / f"v{version}.db.gz").read_bytes()))
    shutil.copytree(DATA / f"v{version}-evidence", tmp_path / f"v{version}-evidence")
    return path.as_posix()


@pytest.mark.parametrize("version", [8, 11])
def test_an_old_database_migrates_to_the_schema_a_new_one_has(version, tmp_path):
    path = old_copy(version, tmp_path)
    with sqlite3.connect(path) as before:
        rows = {t: before.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("event", "complaint_case")}
    conn = startup.open_database(path)
    assert db.schema_version(conn) == migrations.latest()
    migrated = schema(conn)
    assert Case.select().count() == 40 == rows["complaint_case"]
    assert Event.select().count() == rows["event"]  # a table rebuilt by a step cascades into nothing
    first = Case.select().order_by(Case.id).first()
    lines = [e.text for e in cases.timeline(first.id, "en")]
    assert lines[:2] == [
        "Document delivered: Notice of acceptance 某消受〔2026〕1号, By post",
        'Evidence "重复.png" removed: 重复上传',
    ]
    assert "Consent: Complainant agrees to mediation (书面)" in lines  # told from values; what was typed as typed
    assert "Conflict-of-interest declaration: Mediator 李调解 declared a conflict of interest: 系投诉人亲属" in lines
    added = Event.get((Event.case == first.id) & (Event.kind == "evidence") & (Event.field == "1"))
    assert added.data["act"] == "added" and added.data["sha256"].startswith("b1ff9c8ea3a7")
    assert added.note.startswith("添加证据：")  # the sealed note stays as it was written
    db.close()
    assert schema(startup.open_database((tmp_path / "new.db").as_posix())) == migrated


def test_the_models_are_the_schema_the_migrations_build(database):
    """A column added to app/models.py without a migration step is caught here, by name."""
    built = schema(database)
    for model in ALL_TABLES:
        columns = {name for name, *_ in built[model._meta.table_name][0]}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__


def test_the_program_knows_the_schema_its_migrations_build():
    """Start-up compares the stored version with db.SCHEMA_VERSION without importing the migrations."""
    assert db.SCHEMA_VERSION == migrations.latest()

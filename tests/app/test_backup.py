"""Backups while in use and restores into an empty target, on SQLite and PostgreSQL."""

import threading

import pytest

from app import cases, db, demo, evidence, register, startup
from app.archives import backup
from app.archives.backup import BackupError
from app.models import Case, CaseDeadline, Event, Evidence
from app.register import RegisterFilter
from app.workflow import machine
from tests.app.test_evidence import png
from tests.factories import intake_values


def snapshot():
    first = Case.select().order_by(Case.id).first()
    values = cases.load(first.id).values
    return {
        "cases": sorted((c.case_no, c.status, c.version) for c in Case.select()),
        "records": [cases.load(c.id).values for c in Case.select().order_by(Case.id).limit(20)],
        "events": Event.select().count(),
        "evidence": sorted((e.sha256, e.original_name) for e in Evidence.select()),
        # what the register shows and finds is rebuilt by a restore, not copied: the same again
        "register": register.first_page(RegisterFilter(), "received_at", True, 200),
        "found": [
            register.first_page(RegisterFilter(text=word), "received_at", True, 200)
            for word in (values["complainant.name"], values["purchase.product"], first.case_no[-4:], "退款")
        ],
        "deadlines": sorted((d.case_id, d.rule, d.trigger_at, d.due_at) for d in CaseDeadline.select()),
    }


@pytest.fixture
def filled(database):
    machine.set_office_profile("market_regulator")
    demo.generate(60, seed=5)
    case_id = Case.select().first().id
    evidence.add_bytes(case_id, png(seed=1), "照片.png", "photo", "complainant", "王芳")
    evidence.add_bytes(case_id, png(seed=2), "小票.png", "receipt", "complainant", "王芳")
    return database


def test_backup_then_restore_into_sqlite_equals_the_source(filled, tmp_path):
    before = snapshot()
    result = backup.backup(tmp_path / "b1")
    assert result.cases == 60 and result.files == 2
    assert backup.verify_backup(tmp_path / "b1") == []
    db.close()
    backup.restore(tmp_path / "b1", str(tmp_path / "restored.db"))
    assert snapshot() == before
    assert evidence.verify_all() == []
    assert cases.intake(intake_values()).case_no  # the restored database takes new cases


def test_restore_into_postgres(filled, tmp_path, new_pg_database):
    before = snapshot()
    backup.backup(tmp_path / "b2")
    db.close()
    backup.restore(tmp_path / "b2", new_pg_database())
    assert snapshot() == before
    assert evidence.verify_all() == []
    new = cases.intake(intake_values())  # sequences continue after the restored rows
    assert Case.get_by_id(new.id).case_no not in [c[0] for c in before["cases"]]


def test_restore_refuses_a_target_with_cases(filled, tmp_path):
    backup.backup(tmp_path / "b3")
    other = tmp_path / "busy.db"
    db.close()
    startup.open_database(str(other))
    cases.intake(intake_values())
    db.close()
    with pytest.raises(BackupError, match="已存在|已有案件"):
        backup.restore(tmp_path / "b3", str(other))


def test_damaged_backup_is_refused(filled, tmp_path):
    backup.backup(tmp_path / "b4")
    victim = next(p for p in (tmp_path / "b4" / "evidence").rglob("*") if p.is_file())
    victim.write_bytes(victim.read_bytes()[:-1] + b"!")
    assert any(p.startswith("内容不符") for p in backup.verify_backup(tmp_path / "b4"))
    with pytest.raises(BackupError, match="损坏"):
        backup.restore(tmp_path / "b4", str(tmp_path / "x.db"))


def test_an_interrupted_backup_leaves_nothing_that_looks_complete(filled, tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(backup, "_export_evidence", fail)
    with pytest.raises(OSError):
        backup.backup(tmp_path / "b5")
    assert not (tmp_path / "b5").exists() and not (tmp_path / "b5.partial").exists()


def test_backup_while_another_seat_writes(filled, tmp_path):
    stop = threading.Event()
    written = []

    def seat():
        try:
            while not stop.is_set():
                written.append(cases.intake(intake_values()).case_no)
        finally:
            db.close()

    writer = threading.Thread(target=seat)
    writer.start()
    try:
        backup.backup(tmp_path / "b6")
    finally:
        stop.set()
        writer.join(30)
    db.close()
    backup.restore(tmp_path / "b6", str(tmp_path / "during.db"))
    restored = Case.select().count()
    assert 60 <= restored <= 60 + len(written)
    for case in Case.select():  # whole cases only: every restored case has its parts
        assert cases.load(case.id).values["complainant.name"]


def test_daily_backup_once_a_day_keeping_seven(sqlite_db, tmp_path):
    import datetime as dt

    location = db.parse_location(sqlite_db.database)
    folder = tmp_path / "daily"
    for day in range(1, 11):
        assert backup.daily(location, folder, today=dt.date(2026, 11, day)) is not None
        assert backup.daily(location, folder, today=dt.date(2026, 11, day)) is None  # already today
    assert sorted(p.name for p in folder.iterdir()) == [f"2026-11-{d:02d}" for d in range(4, 11)]


def test_a_manifest_emptied_to_pass_a_foreign_database_is_refused(database, tmp_path):
    """Issue 15: a manifest edited to list no files let any database through."""
    import json

    cases.intake(intake_values())
    out = backup.backup(tmp_path / "备份").path
    manifest = json.loads((out / backup.MANIFEST).read_text(encoding="utf-8"))
    manifest["files"] = {}
    (out / backup.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    problems = backup.verify_backup(out)
    assert any(p.startswith("清单未列出") for p in problems) and any(p.startswith("清单之外的文件") for p in problems)
    with pytest.raises(BackupError, match="不完整或已损坏"):
        backup.restore(out, str(tmp_path / "restored.db"))
    assert not (tmp_path / "restored.db").exists()

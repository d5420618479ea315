"""kill -9 in the middle of saving an intake: the database opens, each case whole or absent."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import db, startup
from app.models import Business, Case, Complainant, Complaint, Event, Purchase
from tests.factories import intake_values

ROOT = Path(__file__).resolve().parents[2]


def _kill_mid_transaction(url: str) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    committed = 0
    seen_transaction = 0
    for line in proc.stdout:
        if line.startswith("committed"):
            committed += 1
        elif line.startswith("in-transaction"):
            seen_transaction += 1
            if seen_transaction >= 4:
                proc.send_signal(signal.SIGKILL)  # inside the 4th intake's transaction
                break
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    return committed


@pytest.mark.slow
def test_kill_during_intake_leaves_whole_cases_only(db_url):
    startup.open_database(db_url)  # create the schema first, as `init` would
    db.close()
    committed = sum(_kill_mid_transaction(db_url) for _ in range(3))
    conn = startup.open_database(db_url)
    if not db.is_postgres(conn):
        assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    cases = Case.select().count()
    assert cases == committed == 9  # 3 runs x 3 committed; each 4th intake vanished whole
    for model in (Complainant, Business, Purchase, Complaint):
        assert model.select().count() == cases, model
    assert Event.select().where(Event.kind == "created").count() == cases
    numbers = sorted(c.seq for c in Case.select(Case.seq))
    assert numbers == list(range(1, cases + 1))  # killed intakes took no number


def _kill_when_working(*args: str, after: int = 3) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.import_crash_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seen = 0
    for line in proc.stdout:
        assert not line.startswith("finished"), "the job ended before it could be killed"
        seen += line.startswith("working")
        if seen >= after:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_kill_during_import_leaves_the_database_as_it_was(db_url, tmp_path):
    from app import cases
    from app.archives import importer
    from tests.legacy import legacy_rows, write_legacy

    startup.open_database(db_url)
    before = cases.intake(intake_values()).case_no
    db.close()
    legacy = write_legacy(tmp_path / "旧.xlsx", legacy_rows(200))
    _kill_when_working("import", db_url, str(legacy))  # 3 chunks of 20 written, none committed
    conn = startup.open_database(db_url)
    if not db.is_postgres(conn):
        assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [c.case_no for c in Case.select()] == [before]
    assert Complainant.select().count() == Event.select().where(Event.kind == "created").count() == 1
    table = importer.read_table(legacy)
    assert importer.import_table(table, importer.guess_mapping(table.headers)).imported == 200  # and it still works


@pytest.mark.slow
def test_kill_during_backup_leaves_the_database_and_no_finished_backup(sqlite_path, tmp_path):
    from app import cases, evidence
    from app.archives import backup

    startup.open_database(sqlite_path)
    ref = cases.intake(intake_values())
    for i in range(5):
        evidence.add_bytes(ref.id, f"收据 {i}".encode() * 100, f"r{i}.txt", "receipt", "complainant", "王芳")
    db.close()
    out = tmp_path / "备份"
    _kill_when_working("backup", str(sqlite_path), str(out), after=2)
    assert not out.exists()  # only a .partial, which never passes for a backup
    startup.open_database(sqlite_path)
    assert Case.select().count() == 1 and len(evidence.items(ref.id)) == 5
    assert backup.backup(out).files == 5 and backup.verify_backup(out) == []


def _backup_while_the_window_writes(path: Path, out: Path) -> list[str]:
    window = subprocess.Popen(
        [sys.executable, "-m", "tests.wal_worker", str(path)],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    committed = [window.stdout.readline().split()[1]]
    assert window.stdout.readline().strip() == "stray-close"
    backup = subprocess.run(
        [sys.executable, "-m", "app.cli", "backup", "--db", str(path), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert backup.returncode == 0, backup.stderr
    window.stdin.write("backed up\n")
    window.stdin.flush()
    committed.append(window.stdout.readline().split()[1])
    window.send_signal(signal.SIGKILL)  # a crash or a power cut right after the second save
    window.wait(10)
    return committed


@pytest.mark.slow
def test_a_backup_after_the_file_was_opened_in_the_window_loses_no_case(sqlite_path, tmp_path):
    """Issue 14.1: POSIX drops the window's locks when anything in its process closes the
    database file; the backup's process must still not checkpoint and delete the WAL."""
    startup.open_database(sqlite_path)
    db.close()
    for attempt in range(20):
        committed = _backup_while_the_window_writes(sqlite_path, tmp_path / f"备份{attempt}")
        conn = startup.open_database(sqlite_path)
        assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {c.case_no for c in Case.select(Case.case_no)}
        assert set(committed) <= stored, (attempt, committed, sorted(stored))
        db.close()
    startup.open_database(sqlite_path)
    assert Case.select().count() == 40


@pytest.mark.slow
def test_kill_during_restore_leaves_no_target_and_the_next_restore_works(sqlite_path, tmp_path):
    """Issue 15: a killed restore left a target with the cases and most evidence missing, no
    restore entry, and a second restore refused because the target existed."""
    from app import cases, evidence
    from app.archives import backup
    from app.models import AuditEntry

    startup.open_database(sqlite_path)
    ref = cases.intake(intake_values())
    for i in range(6):
        evidence.add_bytes(ref.id, f"照片 {i}".encode() * 100, f"p{i}.txt", "photo", "complainant", "王芳")
    saved = backup.backup(tmp_path / "备份")
    db.close()
    target = tmp_path / "恢复" / "office.db"
    for after in (1, 4, 7):  # copying the database, the evidence, the last files
        _kill_when_working("restore", str(target), str(saved.path), after=after)
        assert not target.exists()
    restored = backup.restore(saved.path, str(target))
    assert restored.cases == 1 and len(evidence.items(ref.id)) == 6
    assert all(evidence.check(item) == "" for item in evidence.items(ref.id))
    assert AuditEntry.select().where(AuditEntry.action == "database.restore").count() == 1

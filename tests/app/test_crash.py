"""kill -9 in the middle of saving an intake: the database opens, each case whole or absent."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import db
from app.models import Business, Case, Complainant, Complaint, Event, Purchase

ROOT = Path(__file__).resolve().parents[2]


def _kill_mid_transaction(url: str) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", url], cwd=ROOT, stdout=subprocess.PIPE, text=True,
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
    db.connect(db_url)  # create the schema first, as `init` would
    db.close()
    committed = sum(_kill_mid_transaction(db_url) for _ in range(3))
    conn = db.connect(db_url)
    if not db.is_postgres(conn):
        assert conn.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    cases = Case.select().count()
    assert cases == committed == 9  # 3 runs x 3 committed; each 4th intake vanished whole
    for model in (Complainant, Business, Purchase, Complaint):
        assert model.select().count() == cases, model
    assert Event.select().where(Event.kind == "created").count() == cases
    numbers = sorted(c.seq for c in Case.select(Case.seq))
    assert numbers == list(range(1, cases + 1))  # killed intakes took no number

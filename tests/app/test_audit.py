"""The audit trail: every action appended to a hash chain; verify-audit finds the first entry
changed, deleted or inserted behind the program's back; PostgreSQL refuses changes outright."""

import pytest
from peewee import DatabaseError

from app import audit, cases, cli, clock, db, startup
from app.archives import excel
from app.models import AuditEntry, database
from app.register import RegisterFilter
from app.workflow import machine
from tests.factories import intake_values


@pytest.fixture
def trail(database, tmp_path):
    machine.set_office_profile("consumer_association")
    ref = cases.intake(intake_values(), actor="王芳")
    record = cases.load(ref.id)
    cases.edit(ref.id, {"complainant.address": "杭州市上城区解放路 1 号"}, record.versions, actor="王芳")
    machine.transition(ref.id, "accepted", "李强", note="材料齐全")
    excel.export_register(RegisterFilter(), "received_at", True, tmp_path / "x.xlsx")
    return ref


def _tamper(sql: str, params=()) -> None:
    """Raw SQL as someone with direct database access would run it (on PostgreSQL: a superuser
    who switches triggers off for the session)."""
    if db.is_postgres():
        database.execute_sql("SET session_replication_role = replica")
    database.execute_sql(sql, params)
    if db.is_postgres():
        database.execute_sql("SET session_replication_role = DEFAULT")


def test_every_action_is_chained(trail):
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert actions[0] == "case.created" and "case.edited" in actions and "case.status" in actions
    assert actions[-1] == "export.register"
    edited = AuditEntry.get(AuditEntry.action == "case.edited")
    assert edited.case_no == trail.case_no and "解放路" in edited.detail and edited.actor == "王芳"
    checked, broken = audit.verify()
    assert broken is None and checked == len(actions)


@pytest.mark.parametrize("attack", ["update", "delete", "insert"])
def test_verify_names_the_first_entry_tampered_with(trail, attack):
    ids = [e.id for e in AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id)]
    victim = ids[2]
    mark = "%s" if db.is_postgres() else "?"
    if attack == "update":
        _tamper(f"UPDATE audit_entry SET actor = {mark} WHERE id = {mark}", ("某人", victim))
        expected = victim
    elif attack == "delete":
        _tamper(f"DELETE FROM audit_entry WHERE id = {mark}", (victim,))
        expected = ids[3]
    else:  # a forged entry slipped between two real ones, carrying a plausible prev_hash
        before = AuditEntry.get_by_id(victim)
        _tamper(f"UPDATE audit_entry SET id = id + 1000 WHERE id > {mark}", (victim,))
        forged = audit._digest(before.hash, before.at, "某人", "case.edited", trail.case_no, "{}")
        _tamper(
            f"INSERT INTO audit_entry (id, at, actor, action, case_no, detail, prev_hash, hash) "
            f"VALUES ({', '.join([mark] * 8)})",
            (victim + 1, before.at, "某人", "case.edited", trail.case_no, "{}", before.hash, forged),
        )
        expected = ids[3] + 1000  # the real entry after the forgery no longer follows its predecessor
    checked, broken = audit.verify()
    assert broken is not None and broken.entry_id == expected
    db.close()


def test_verify_audit_on_the_command_line(tmp_path, capsys):
    target = str(tmp_path / "a.db")
    startup.open_database(target)
    cases.intake(intake_values())
    db.close()
    assert cli.main(["verify-audit", "--db", target]) == 0
    assert "审计记录链完整" in capsys.readouterr().out
    conn = startup.open_database(target)
    conn.execute_sql("UPDATE audit_entry SET detail = '{}' WHERE id = 1")
    db.close()
    assert cli.main(["verify-audit", "--db", target]) == 1
    assert "第 1 号记录：内容被改动" in capsys.readouterr().out


def test_on_postgresql_the_program_cannot_change_an_audit_row(pg_url, new_pg_database):
    startup.open_database(new_pg_database())
    cases.intake(intake_values())
    with pytest.raises(DatabaseError, match="append-only"):
        with database.atomic():
            database.execute_sql("UPDATE audit_entry SET actor = 'x'")
    with pytest.raises(DatabaseError, match="append-only"):
        with database.atomic():
            database.execute_sql("DELETE FROM audit_entry")
    assert audit.verify()[1] is None
    db.close()


def test_an_anchor_catches_a_chain_recomputed_end_to_end(tmp_path, capsys):
    target = str(tmp_path / "a.db")
    startup.open_database(target)
    cases.intake(intake_values())
    entry_id, digest = audit.head()
    anchor = f"{entry_id}:{digest[:16]}"  # as printed on last month's report
    # someone with database access rewrites an entry and recomputes every hash after it
    prev = audit.GENESIS
    for e in AuditEntry.select().order_by(AuditEntry.id):
        actor = "某人" if e.id == 1 else e.actor
        new = audit._digest(prev, e.at, actor, e.action, e.case_no, e.detail)
        database.execute_sql(
            "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?", (actor, prev, new, e.id)
        )
        prev = new
    assert audit.verify()[1] is None  # the chain alone looks fine
    db.close()
    assert cli.main(["verify-audit", "--db", target, "--anchor", anchor]) == 1
    assert "记录链被整体重算过" in capsys.readouterr().out


def test_backups_and_reports_carry_the_anchor(trail, tmp_path):
    import io
    import json

    from pypdf import PdfReader

    from app.archives import backup
    from app.documents import report
    from app.statistics import parse_period

    entry_id, digest = audit.head()
    _, pdf = report.report(parse_period(str(clock.today().year)))
    assert f"审计锚点 {entry_id}:{digest[:16]}" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    result = backup.backup(tmp_path / "b")
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["audit_anchor"] == f"{entry_id}:{digest}"


def test_the_newest_entries_deleted_behind_the_programs_back_are_found_without_an_anchor(database, db_url, capsys):
    """Issue 15: deleting the newest audit entries (or all of them) passed verify-audit unless an
    anchor was typed in; each seat now keeps the newest one it saw, outside the database."""
    from app.models import AuditEntry

    for _ in range(3):
        cases.intake(intake_values())
    newest = audit.remember_head()  # as a command's end or the window's close does
    assert cli.main(["verify-audit", "--db", db_url]) == 0
    startup.open_database(db_url)
    if db.is_postgres():  # the table is append-only there: the owner disables its trigger first
        db.database.obj.execute_sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")
    AuditEntry.delete().where(AuditEntry.id > int(newest.split(":")[0]) - 2).execute()
    capsys.readouterr()
    assert cli.main(["verify-audit", "--db", db_url]) == 1
    assert "锚点不符" in capsys.readouterr().out
    startup.open_database(db_url)
    for _ in range(3):  # new entries take the deleted numbers and go past them: the proof stays
        cases.intake(intake_values())
    audit.remember_head()
    assert audit.kept_anchor() == newest
    assert cli.main(["verify-audit", "--db", db_url]) == 1

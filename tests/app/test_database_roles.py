"""A secured shared database, attacked from outside the window: each person's own PostgreSQL
login, with psql (the real client), the command line and the services, on a throwaway server
that checks passwords (SCRAM) as an office's server does."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from types import SimpleNamespace

import pytest
from peewee import PeeweeException as PeeweeError

from app import accounts, audit, cases, cli, db, improvements, month_figures, session, startup, statistics
from app.errors import ComplaintDeskError
from app.models import AuditEntry, PersonalNumbers, User
from app.permissions import PermissionDenied
from tests.factories import intake_values

ODD = '引号"反斜杠\\换行\n制表\t😀\u00e9\u200b'  # what the server's JSON and Python's must agree on


@pytest.fixture
def office(pg_server, pg_url, monkeypatch):
    """The database administrator secured the office's database (with its first administrator);
    the administrator then added a handler and an auditor in the program and registered a case."""
    name = pg_url.rsplit("/", 1)[1]
    tag = uuid.uuid4().hex[:6]
    people = SimpleNamespace(admin=f"admin_{tag}", handler=f"handler_{tag}", auditor=f"auditor_{tag}")
    monkeypatch.setenv("FIRST_PW", "admin-pass-1")
    assert (
        cli.main(["secure", "--db", pg_url, "--admin", people.admin, "--name", "王管理", "--password-env", "FIRST_PW"])
        == 0
    )
    address = pg_server.address(name)
    accounts.sign_in_to_server(address, people.admin, "admin-pass-1")
    accounts.add_user(people.handler, "李经办", "handler", "handler-pass-1")
    accounts.add_user(people.auditor, "赵审计", "auditor", "auditor-pass-1")
    ref = cases.intake(intake_values(complaint__facts=f"不制冷。{ODD}"))
    session.sign_out()
    db.close()
    return SimpleNamespace(server=pg_server, name=name, url=pg_url, address=address, case=ref, **vars(people))


def psql(office, who: str, sql: str, password: str | None = None):
    return office.server.psql(office.name, who, password or f"{who.split('_')[0]}-pass-1", sql)


def denied(result) -> bool:
    return result.returncode != 0 and ("permission denied" in result.stderr or "must be owner" in result.stderr)


def audit_entries(office, action: str) -> list[AuditEntry]:
    startup.open_database(office.url)
    try:
        return list(AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id))
    finally:
        db.close()


def test_a_handler_with_psql_cannot_rewrite_the_audit_or_read_numbers_quietly(office):
    for sql in (
        "TRUNCATE audit_entry",
        "DELETE FROM audit_entry",
        "UPDATE audit_entry SET actor = 'x'",
        "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
        "DROP TABLE audit_entry",
        "INSERT INTO audit_entry (at, actor, action, case_no, detail, prev_hash, hash) "
        "VALUES (now(), 'x', 'x', '', '', '', '')",
        "SELECT phone FROM personal_numbers",
        "SELECT count(*) FROM audit_entry",
    ):
        assert denied(psql(office, office.handler, sql)), sql
    assert psql(office, office.handler, "SELECT phone FROM complainant").stdout.strip() == "138****5678"
    assert psql(office, office.handler, "SELECT count(*) FROM setting WHERE key = 'hash_salt'").stdout.strip() == "0"
    result = psql(office, office.handler, "SET ROLE " + f'"{office.name}_owner"')
    assert result.returncode != 0 and "permission denied" in result.stderr

    # the one way to the full number leaves its trace, under the login's own name
    before = len(audit_entries(office, "personal.reveal"))
    shown = psql(
        office, office.handler, f"SELECT phone FROM cd_reveal(ARRAY[{office.case.id}], 'view', now()::timestamp)"
    )
    assert shown.stdout.strip() == "13812345678"
    reveals = audit_entries(office, "personal.reveal")
    assert len(reveals) == before + 1 and reveals[-1].actor == "李经办" and reveals[-1].case_no == office.case.case_no
    # and the server names the actor, whatever a seat claims
    psql(office, office.handler, "SELECT cd_audit_append(now()::timestamp, '王管理', 'case.forged', '', '')")
    assert audit_entries(office, "case.forged")[-1].actor == "李经办"


def test_a_handler_cannot_create_users_or_change_the_office_by_any_client(office, monkeypatch, capsys):
    for sql in (
        "UPDATE setting SET value = 'repair_counter' WHERE key = 'office.profile'",
        "INSERT INTO setting (key, value) VALUES ('office.profile', 'repair_counter')",
        "DELETE FROM calendar_day",
        "CREATE ROLE intruder LOGIN PASSWORD 'x'",
        "INSERT INTO app_user (username, display_name, role, password_hash, failed, active, created_at) "
        "VALUES ('x', 'x', 'admin', 'postgresql', 0, true, now())",
        "SELECT cd_create_login('intruder', 'x', 'admin', 'secret-123', now()::timestamp)",
        f"SELECT cd_set_login_active('{office.admin}', false, now()::timestamp)",
        f"SELECT cd_set_password('{office.admin}', 'secret-123', now()::timestamp)",
        "SELECT phone FROM cd_reveal(ARRAY[1], 'export', now()::timestamp)",
    ):
        assert denied(psql(office, office.handler, sql)), sql
    # the command line, signed in as the handler, is refused by the program (and would be by the server)
    monkeypatch.setenv("COMPLAINTDESK_PASSWORD", "handler-pass-1")
    monkeypatch.setenv("NEW_PW", "intruder-pass-1")
    common = ["--db", office.address, "--user", office.handler]
    capsys.readouterr()
    assert cli.main(["user", "add", "intruder", "--role", "admin", "--password-env", "NEW_PW", *common]) == 1
    assert "李经办（经办人）无权用户管理" in capsys.readouterr().err
    assert cli.main(["profile", "--set", "repair_counter", *common]) == 1
    assert "无权办公室设置" in capsys.readouterr().err
    startup.open_database(office.url)
    assert not User.select().where(User.username == "intruder").exists()
    db.close()
    # a handler's own password is theirs to change, and the old one stops working
    assert cli.main(["user", "passwd", office.handler, "--password-env", "NEW_PW", *common]) == 0
    assert psql(office, office.handler, "SELECT 1").returncode != 0
    assert psql(office, office.handler, "SELECT 1", password="intruder-pass-1").stdout.strip() == "1"


def test_the_auditor_reads_the_trail_and_writes_nothing(office):
    assert int(psql(office, office.auditor, "SELECT count(*) FROM audit_entry").stdout) > 0
    for sql in (
        "UPDATE complaint_case SET status = 'closed'",
        "DELETE FROM event",
        "INSERT INTO complainant (name) VALUES ('x')",
        "SELECT phone FROM personal_numbers",
    ):
        assert denied(psql(office, office.auditor, sql)), sql
    startup.open_database(office.address, user=office.auditor, password="auditor-pass-1")
    assert accounts.adopt_login().role == "auditor"
    with pytest.raises(PermissionDenied):
        cases.intake(intake_values())
    checked, problem = audit.verify()
    assert problem is None and checked >= 5  # the chain the server computed, with odd text, checks out in Python


def test_accounts_are_the_servers_logins(office):
    with pytest.raises(accounts.SignInFailed, match="用户名或密码不对"):
        accounts.sign_in_to_server(office.address, office.handler, "wrong-password")
    user = accounts.sign_in_to_server(office.address, office.handler, "handler-pass-1")
    assert user.display_name == "李经办" and session.current_user().role == "handler"
    ref = cases.intake(intake_values(complainant__phone="13900001111"))
    with pytest.raises(PeeweeError, match="permission denied"):  # a handler cannot read them wholesale…
        list(PersonalNumbers.select(PersonalNumbers.phone).tuples())
    assert cases.load(ref.id).values["complainant.phone"] == "139****1111"
    assert cases.reveal(ref.id)["complainant.phone"] == "13900001111"  # …but may reveal one, recorded
    session.sign_out()
    db.close()

    accounts.sign_in_to_server(office.address, office.admin, "admin-pass-1")
    accounts.set_active(office.handler, False)
    session.sign_out()
    db.close()
    result = psql(office, office.handler, "SELECT 1")
    assert result.returncode != 0 and "not permitted to log in" in result.stderr
    with pytest.raises(accounts.SignInFailed, match="已停用"):
        accounts.sign_in_to_server(office.address, office.handler, "handler-pass-1")
    disabled = audit_entries(office, "user.disabled")
    assert disabled and disabled[-1].actor == "王管理"


def test_a_seat_cannot_migrate_a_secured_database(office):
    startup.open_database(office.url)
    db.database.obj.execute_sql("UPDATE schema_version SET version = version - 1")
    db.close()
    with pytest.raises(ComplaintDeskError, match="需要升级"):
        startup.open_database(office.address, user=office.handler, password="handler-pass-1")
    startup.open_database(office.url)  # the database administrator upgrades it; the grants follow the new schema
    db.close()
    assert psql(office, office.handler, "SELECT count(*) FROM complaint_case").stdout.strip() == "1"
    assert denied(psql(office, office.handler, "TRUNCATE audit_entry"))


def test_a_reveal_through_the_program_is_recorded_by_the_server(office):
    accounts.sign_in_to_server(office.address, office.handler, "handler-pass-1")
    assert cases.reveal(office.case.id)["complainant.phone"] == "13812345678"
    with pytest.raises(PeeweeError, match="permission denied"):  # the handler may not read the trail itself
        list(AuditEntry.select().tuples())
    session.sign_out()
    db.close()
    last = audit_entries(office, "personal.reveal")[-1]
    assert last.actor == "李经办" and json.loads(last.detail) == {"fields": ["complainant.phone"], "for": "view"}


def test_the_administrator_backs_up_a_secured_database_and_it_restores_whole(office, new_pg_database, tmp_path):
    from app.archives import backup

    accounts.sign_in_to_server(office.address, office.admin, "admin-pass-1")
    made = backup.backup(tmp_path / "备份")
    assert not backup.verify_backup(made.path)
    session.sign_out()
    db.close()
    accounts.sign_in_to_server(office.address, office.handler, "handler-pass-1")
    with pytest.raises(PermissionDenied):  # a backup holds everything: the administrator's alone
        backup.backup(tmp_path / "又一份")
    session.sign_out()
    db.close()
    target = new_pg_database()
    backup.restore(made.path, target)  # by the database administrator, into a new database
    startup.open_database(target)
    assert cases.reveal(office.case.id)["complainant.phone"] == "13812345678"
    assert audit.verify()[1] is None
    db.close()


def test_an_odd_name_becomes_a_login_and_a_clerk_cannot_reveal(office):
    """A name with a quote, a double quote and Chinese is one login, not SQL; a 登记员 may register
    but not see full numbers, through the program or through the server's function."""
    odd = f"王'x\"{office.handler[-6:]}"
    accounts.sign_in_to_server(office.address, office.admin, "admin-pass-1")
    accounts.add_user(odd, "钱登记", "clerk", "clerk-pass-1")
    session.sign_out()
    db.close()
    accounts.sign_in_to_server(office.address, odd, "clerk-pass-1")
    with pytest.raises(PermissionDenied):
        cases.reveal(office.case.id)
    session.sign_out()
    db.close()
    result = office.server.psql(
        office.name,
        odd,
        "clerk-pass-1",
        f"SELECT phone FROM cd_reveal(ARRAY[{office.case.id}], 'view', now()::timestamp)",
    )
    assert result.returncode != 0 and "may not read full personal numbers" in result.stderr


def test_improvement_actions_are_written_by_who_heads_the_work_not_by_a_handler_with_psql(office):
    insert = (
        "INSERT INTO improvement_action (business, product, model, cause, what, who, due_on, outcome, "
        "recorded_by, recorded_at, version) VALUES ('甲电器', '', '', '', '培训', '刘', '2026-12-10', '', 'x', now(), 1)"
    )
    assert denied(psql(office, office.handler, insert))
    assert denied(psql(office, office.auditor, insert))
    startup.open_database(office.address, user=office.handler, password="handler-pass-1")
    try:
        accounts.adopt_login()
        with pytest.raises(PermissionDenied):
            improvements.add({"business": "甲电器", "what": "培训", "who": "刘", "due_on": "2099-12-10"}, "李经办")
        session.sign_out()
        db.close()
        startup.open_database(office.address, user=office.admin, password="admin-pass-1")
        accounts.adopt_login()
        action = improvements.add({"business": "甲电器", "what": "培训", "who": "刘", "due_on": "2099-12-10"}, "王管理")
        assert improvements.one(action).recorded_by == "王管理"
    finally:
        session.sign_out()
        db.close()
    assert psql(office, office.handler, "SELECT count(*) FROM improvement_action").stdout.strip() == "1"
    assert denied(psql(office, office.handler, f"UPDATE improvement_action SET done_on = now() WHERE id = {action}"))


def test_an_auditor_and_a_handler_read_a_case_together_with_its_numbers_masked(office):
    """The case view reads a case's rows in one statement (app/case_file.py): it must stay within
    what each login may read (no personal_numbers), or the whole case would fail to open."""
    from app import case_file

    for who, password in ((office.auditor, "auditor-pass-1"), (office.handler, "handler-pass-1")):
        startup.sign_in(office.address, who, password)
        with case_file.opened(office.case.id):
            record = cases.load(office.case.id)
            assert record.values["complainant.phone"] == "138****5678"
            assert cases.timeline(office.case.id)
        session.sign_out()
        db.close()


def test_the_kept_figures_are_written_by_case_writers_and_read_by_everyone(office):
    """The handler's intake noted its month on the server; the auditor, who may write nothing,
    reads the same figures (the noted month worked out for them) and cannot tamper with the kept ones."""
    assert int(psql(office, office.auditor, "SELECT count(DISTINCT month) FROM figure_dirty").stdout) >= 1
    for sql in (
        "DELETE FROM figure_dirty",
        "INSERT INTO month_figure (month, measure, key) VALUES ('2026-11-01', 'received', '')",
    ):
        assert denied(psql(office, office.auditor, sql)), sql
    period = statistics.parse_period("2026-11")
    now = dt.datetime(2026, 11, 23, 10)
    startup.open_database(office.address, user=office.auditor, password="auditor-pass-1")
    accounts.adopt_login()
    assert not month_figures.may_keep()
    board = statistics.dashboard(period, now)
    assert board.worked_out == [dt.date(2026, 11, 1)] and board.figures.received == 1
    session.sign_out()
    db.close()
    startup.open_database(office.address, user=office.handler, password="handler-pass-1")
    accounts.adopt_login()
    assert month_figures.may_keep() and month_figures.refresh() == [dt.date(2026, 11, 1)]
    assert statistics.check_kept(period, now) == []
    session.sign_out()
    db.close()

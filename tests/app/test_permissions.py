"""Roles × actions: every action tried as every role through the real services; the matrix
decides. Accounts: first administrator, scrypt passwords, lockout, sign-ins on the audit trail."""

import datetime as dt

import pytest

from app import accounts, audit, cases, evidence, improvements, permissions, records, session
from app.archives import backup, excel, importer
from app.documents import issuing, templates
from app.errors import ComplaintDeskError
from app.models import AuditEntry, User
from app.register import RegisterFilter
from app.workflow import machine
from tests.factories import intake_values
from tests.legacy import legacy_rows, write_legacy


@pytest.fixture
def office(sqlite_db, tmp_path):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    ref = cases.intake(intake_values())
    machine.transition(ref.id, "accepted", "王芳")
    item = evidence.add_bytes(ref.id, b"receipt" * 20, "r.txt", "receipt", "complainant", "王芳")
    return ref, item, tmp_path


def system(make):
    """Set something up as the system (nobody signed in), then go back to the role under test."""
    user = session.current_user()
    session.sign_out()
    try:
        return make()
    finally:
        if user is not None:
            session.sign_in(user)


def _actions(ref, tmp_path):
    """action → a call of the real service that needs exactly that permission."""
    n = iter(range(1000))
    return {
        "case.intake": lambda: cases.intake(intake_values()),
        "case.edit": lambda: cases.edit(ref.id, {"purchase.serial": f"SN{next(n)}"}, cases.load(ref.id).versions),
        "case.transition": lambda: machine.transition(
            system(lambda: cases.intake(intake_values()).id), "accepted", "x"
        ),
        "case.decide_refusal": lambda: machine.transition(
            system(lambda: cases.intake(intake_values()).id), "not_accepted", "x", reason="A2"
        ),
        "case.assign": lambda: machine.assign_mediator(ref.id, "赵调解", "x"),
        "case.record": lambda: records.add(ref.id, "investigation", {"held_on": "2026-11-01", "checked": "核对"}, "x"),
        "document.issue": lambda: issuing.issue(ref.id, "acceptance_notice", "post", "x"),
        "evidence.add": lambda: evidence.add_bytes(
            ref.id, f"photo {next(n)}".encode(), "p.txt", "photo", "complainant", "x"
        ),
        "evidence.remove": lambda: evidence.remove(
            system(lambda: evidence.add_bytes(ref.id, f"wrong {next(n)}".encode(), "w.txt", "other", "office", "x").id),
            "错传",
            "x",
        ),
        "personal.reveal": lambda: cases.reveal(ref.id),
        "export.register": lambda: excel.export_register(
            RegisterFilter(), "received_at", True, tmp_path / f"r{next(n)}.xlsx"
        ),
        "export.full": lambda: excel.export_archive(tmp_path / f"a{next(n)}.xlsx", full_values=True),
        "import": lambda: importer.import_table(*_legacy(tmp_path, next(n))),
        "settings.office": lambda: templates.save("acceptance_notice", "{投诉人}：已受理。"),
        "settings.calendar": lambda: machine.change_calendar(dt.date(2027, 10, 8), "holiday", "国庆节", "公告", "x"),
        "users.manage": lambda: accounts.add_user(f"u{next(n)}", "新同事", "clerk", "password-1"),
        "audit.view": lambda: audit.entries(audit.AuditFilter()),
        "database.backup": lambda: backup.backup(tmp_path / f"b{next(n)}"),
        "improvement.record": lambda: improvements.add(
            {"business": "甲电器", "what": "培训", "who": "刘", "due_on": "2099-12-10"}, "x"
        ),
    }


def _legacy(tmp_path, i):
    table = importer.read_table(write_legacy(tmp_path / f"legacy{i}.xlsx", legacy_rows(2, seed=100 + i)))
    mapping = importer.guess_mapping(table.headers)
    mapping["external_key"] = None  # the same 编号 in every file: key by the cells instead
    return table, mapping


def test_the_matrix_is_enforced_by_the_services_for_every_role(office):
    ref, _, tmp_path = office
    actions = _actions(ref, tmp_path)
    assert set(actions) == set(permissions.ACTIONS)
    for role in permissions.ROLES:
        user = User(id=0, username=role, display_name=f"测试{permissions.ROLES[role]}", role=role)
        for action, call in actions.items():
            session.sign_in(user)
            try:
                if permissions.allowed(role, action):
                    call()  # must not be refused
                else:
                    with pytest.raises(permissions.PermissionDenied, match=permissions.ACTIONS[action]):
                        call()
            except Exception as exc:
                raise AssertionError(f"{role} × {action}") from exc
            finally:
                session.sign_out()


def test_first_administrator_then_sign_in_and_lockout(sqlite_db):
    assert accounts.needs_first_admin()
    with pytest.raises(ComplaintDeskError, match="至少 8 位"):
        accounts.create_first_admin("admin", "管理员", "short")
    admin = accounts.create_first_admin("admin", "张管理", "correct horse")
    assert admin.password_hash.startswith("scrypt$") and "correct horse" not in admin.password_hash
    with pytest.raises(ComplaintDeskError, match="已有管理员"):
        accounts.create_first_admin("admin2", "李", "another one")
    now = dt.datetime(2026, 11, 23, 9, 0)
    assert accounts.sign_in("admin", "correct horse", now).role == "admin"
    assert session.current_operator() == "张管理"
    accounts.add_user("wang", "王芳", "handler", "wang-password")
    session.sign_out()
    for i in range(4):
        with pytest.raises(accounts.SignInFailed, match=f"还可再试 {4 - i} 次"):
            accounts.sign_in("wang", "nope", now)
    with pytest.raises(accounts.SignInFailed, match="锁定 15 分钟"):
        accounts.sign_in("wang", "nope", now)
    with pytest.raises(accounts.SignInFailed, match="已锁定"):
        accounts.sign_in("wang", "wang-password", now + dt.timedelta(minutes=5))  # even the right one
    assert accounts.sign_in("wang", "wang-password", now + dt.timedelta(minutes=16)).display_name == "王芳"
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert actions.count("signin.failed") == 4 and "signin.locked" in actions and actions.count("signin") == 2
    assert accounts.confirm("wang-password") and not accounts.confirm("nope")
    session.sign_out()


def test_parallel_wrong_passwords_get_no_more_tries_than_one_seat(database):
    """Issue 15: the failures were read, incremented and written back, so 20 tries at once got
    16–20 guesses before the lock. Counted in the database, at most five are ever answered."""
    import threading

    from app import db as app_db

    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    accounts.add_user("wang", "王芳", "handler", "wang-password")
    session.sign_out()
    now = dt.datetime(2026, 11, 23, 9, 0)
    answers, start = [], threading.Barrier(12)

    def guess(password):
        start.wait()
        try:
            accounts.sign_in("wang", password, now)
            answers.append("in")
        except accounts.SignInFailed as exc:
            answers.append("locked" if "锁定" in str(exc) else "wrong")
        finally:
            app_db.close()  # this thread's own connection

    threads = [threading.Thread(target=guess, args=("nope",)) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(answers) == ["locked"] * 8 + ["wrong"] * 4  # four answered "wrong", the fifth locked
    with pytest.raises(accounts.SignInFailed, match="已锁定"):
        accounts.sign_in("wang", "wang-password", now + dt.timedelta(minutes=1))


def test_automatic_sign_in_only_for_a_one_account_sqlite_file(database):
    from app import db as app_db

    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    if app_db.is_postgres():
        with pytest.raises(ComplaintDeskError, match="只有一个账户的本机数据库"):
            accounts.set_auto_sign_in("admin")
        return
    accounts.set_auto_sign_in("admin")
    session.sign_out()
    assert accounts.auto_sign_in().username == "admin"


def test_the_services_found_without_a_check_now_refuse_an_auditor(office):
    """Issue 15: an auditor could change the office type, the calendar's state and records
    (the check comes before anything is looked up)."""
    calls = {
        "set_office_profile": lambda: machine.set_office_profile("repair_counter"),
        "mark_year_known": lambda: machine.mark_year_known(2027, "国务院办公厅通知", "x"),
        "rebuild_all_deadlines": lambda: machine.rebuild_all_deadlines("x", "试"),
        "finish_appraisal": lambda: records.finish_appraisal(1, "2026-11-10", "合格", "x"),
        "remedy_done": lambda: records.remedy_done(1, "2026-11-10", "x"),
    }
    auditor = User(id=0, username="shen", display_name="审计员甲", role="auditor")
    for name, call in calls.items():
        session.sign_in(auditor)
        try:
            with pytest.raises(permissions.PermissionDenied):
                call()
        except BaseException as exc:
            raise AssertionError(name) from exc
        finally:
            session.sign_out()
    assert machine.office_profile().code == "consumer_association"


# Public functions of the services that write without a check of their own, and why that is right.
WRITERS_WITHOUT_A_CHECK = {
    "app/cases.py": {
        "keep_case_number": "inside intake and import, which check",
        "reserve_case_numbers": "inside intake and import, which check",
    },
    "app/accounts.py": {
        "create_first_admin": "nobody exists yet to check",
        "sign_in": "who you are is what it finds out",
        "move_to_server_logins": "part of secure(), which only a PostgreSQL superuser may run",
    },
    "app/privacy.py": {
        "keep": "inside intake and edit, which check",
        "keep_new": "inside intake, which checks",
        "keep_many": "inside import, which checks",
    },
    "app/database_roles.py": {
        "install_functions": "the schema's migration",
        "secure": "the server's own check: a superuser only (may_change_schema)",
    },
    "app/workdays.py": {"seed_from_library": "the published calendar, seeded when a database is created"},
    "app/workflow/machine.py": {
        "after_intake": "inside intake's transaction",
        "rebuild_cases": "inside the callers' writes",
    },
    "app/documents/issuing.py": {"next_number": "inside issue, which checks"},
    "app/audit.py": {
        "record": "every writer's own entry",
        "protect": "the schema's trigger at start-up",
        "remember_head": "this seat's own file",
    },
    "app/bulk.py": {
        "insert_returning_ids": "SQL helper of checked writers",
        "insert_all": "SQL helper of checked writers",
    },
    "app/whole_cases.py": {"write": "inside import and the demo generator, which check"},
    "app/timeline.py": {
        "write": "inside every service that writes, which check",
        "write_many": "inside import and the demo generator, which check",
    },
}
SERVICES = [
    "app/cases.py",
    "app/records.py",
    "app/evidence.py",
    "app/accounts.py",
    "app/workdays.py",
    "app/workflow/machine.py",
    "app/documents/issuing.py",
    "app/documents/templates.py",
    "app/archives/excel.py",
    "app/archives/package.py",
    "app/archives/backup.py",
    "app/archives/importer.py",
    "app/audit.py",
    "app/statistics.py",
    "app/demo.py",
    "app/bulk.py",
    "app/whole_cases.py",
    "app/timeline.py",
    "app/privacy.py",
    "app/database_roles.py",
]


def test_every_public_service_that_writes_checks_its_permission():
    """Issue 15: a new service that writes must call permissions.require, or say here why not."""
    import ast
    import re
    from pathlib import Path

    # a model's write (models are capitalised), SQL that writes, a file for people
    writes = re.compile(
        r"\b[A-Z]\w*\.(create|insert|insert_many|update|delete)\(|\.delete_instance\(|"
        r"execute_sql\(\s*f?[\"']+\s*(?i:INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE)|"
        r"write_whole\(|_save\("
    )
    root = Path(__file__).resolve().parents[2]
    unchecked = []
    for module in SERVICES:
        text = (root / module).read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                body = "\n".join(lines[node.lineno - 1 : node.end_lineno])
                if (
                    writes.search(body)
                    and "permissions.require(" not in body
                    and node.name not in WRITERS_WITHOUT_A_CHECK.get(module, {})
                ):
                    unchecked.append(f"{module}:{node.name}")
    assert not unchecked, f"writes without a permission check: {unchecked}"

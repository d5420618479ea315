"""Round trips per action on a secured shared PostgreSQL database, counted by the server."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import accounts, cases, cli, db, demo, register, session, startup
from app.documents import issuing
from app.workflow import machine
from tests.roundtrips import Counter
from tests.ui.conftest import activate
from tests.ui.typing import type_text
from ui.main_window import MainWindow


def connect(server, dbname):
    import psycopg2

    from tests import postgres

    conn = psycopg2.connect(
        host="127.0.0.1", port=server.port, user="postgres", dbname=dbname, password=postgres.SUPERUSER_PASSWORD
    )
    conn.autocommit = True
    return conn


@pytest.fixture
def office(pg_server, pg_url, monkeypatch):
    name = pg_url.rsplit("/", 1)[1]
    startup.open_database(pg_url)
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    demo.generate(80, seed=3)
    db.close()
    tag = uuid.uuid4().hex[:6]
    admin, handler = f"admin_{tag}", f"handler_{tag}"
    monkeypatch.setenv("FIRST_PW", "admin-pass-1")
    assert cli.main(["secure", "--db", pg_url, "--admin", admin, "--name", "王管理", "--password-env", "FIRST_PW"]) == 0
    address = pg_server.address(name)
    accounts.sign_in_to_server(address, admin, "admin-pass-1")
    accounts.add_user(handler, "李经办", "handler", "handler-pass-1")
    session.sign_out()
    db.close()
    counter = Counter(pg_server.folder / "log", lambda dbname: connect(pg_server, dbname), name)
    yield SimpleNamespace(address=address, handler=handler, counter=counter)
    counter.close()


def test_explore(office, qtbot, qapp):
    from ui.main import make_application

    make_application()
    c = office.counter
    # open: sign in and first page
    with c.around() as t:
        startup.sign_in(office.address, office.handler, "handler-pass-1")
        w = MainWindow(office.address)
        qtbot.addWidget(w)
        w.load()
        w.show()
        qtbot.waitUntil(lambda: w.register.model.rowCount() > 0)
    print("\nWINDOW", t)
    activate(qtbot, w)
    case_id = w.register.model.rows[0].id
    with c.around() as t:
        view = w.open_case(case_id)
        qtbot.waitUntil(view.isVisible)
    print("\nOPEN CASE", t)
    address = view.form.widgets["complainant.address"]
    address.selectAll()
    type_text(qtbot, address, "杭州市滨江区江南大道 3 号")
    with c.around() as t:
        view.save_button.click()
    print("\nEDIT", t, view.message.text())
    ref = cases.intake(__import__("tests.factories", fromlist=["x"]).intake_values())
    view = w.open_case(ref.id)
    qtbot.waitUntil(view.isVisible)
    from tests.ui.test_workflow_ui import act
    with c.around() as t:
        act(qtbot, view, "transition.accepted", note="材料齐全")
    print("\nACCEPT", t, view.status.text())
    from tests.ui.test_whole_path import issue
    from tests.ui.answering import Answers
    answers = Answers()
    with c.around() as t:
        number = issue(qtbot, view, answers, "acceptance_notice")
    answers.stop()
    print("\nISSUE", t, number)
    qtbot.waitUntil(lambda: w.dashboard is not None)
    w.dashboard.loaded = False
    with c.around(wait=lambda: qtbot.waitUntil(lambda: w.dashboard.loaded, timeout=10000)) as t:
        w.tabs.setCurrentWidget(w.dashboard)
        w.dashboard.load()
    print("\nDASH", t)
    with c.around() as t:
        ref = cases.intake(__import__("tests.factories", fromlist=["x"]).intake_values())
    print("\nINTAKE service", t)
    with c.around() as t:
        w.register.model.set_filter(register.RegisterFilter(status="mediating"))
    print("\nFILTER", t)

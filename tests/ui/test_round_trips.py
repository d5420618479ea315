"""Round trips per action on a secured shared PostgreSQL database, counted by the server."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest

from app import accounts, cases, cli, db, demo, evidence, register, session, startup
from app.documents import issuing
from app.workflow import machine
from tests.app.test_thumbnails import photo as picture
from tests.factories import intake_values
from tests.roundtrips import Counter
from tests.ui.conftest import activate
from tests.ui.test_evidence_ui import is_red
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


# issue 22: every action in at most 10 round trips (≤ 300 ms at 20 ms from the server)
BUDGET = {
    "open the program (sign in, first page)": 10,
    "open a case": 10,
    "field edit saved": 10,
    "accept": 10,
    "issue a notice": 10,
    "dashboard": 10,
    "intake (service)": 10,
    "register filter": 10,
}


def test_each_action_through_the_window_within_its_round_trip_budget(office, qtbot, qapp, messages):
    from tests.ui.answering import Answers
    from tests.ui.test_whole_path import issue
    from tests.ui.test_workflow_ui import act
    from ui.main import make_application

    make_application()
    c = office.counter
    seen = {}
    with c.around() as seen["open the program (sign in, first page)"]:
        startup.sign_in(office.address, office.handler, "handler-pass-1")
        w = MainWindow(office.address)
        qtbot.addWidget(w)
        w.load()
        w.show()
        qtbot.waitUntil(lambda: w.register.model.rowCount() > 0)
    activate(qtbot, w)
    with c.around() as seen["open a case"]:
        view = w.open_case(w.register.model.rows[0].id)
        qtbot.waitUntil(view.isVisible)
    address = view.form.widgets["complainant.address"]
    address.selectAll()
    type_text(qtbot, address, "杭州市滨江区江南大道 3 号")
    with c.around() as seen["field edit saved"]:
        view.save_button.click()
    assert "已保存 1 项修改" in view.message.text()
    with c.around() as seen["intake (service)"]:
        ref = cases.intake(intake_values())
    view = w.open_case(ref.id)
    qtbot.waitUntil(view.isVisible)
    with c.around() as seen["accept"]:
        act(qtbot, view, "transition.accepted", note="材料齐全")
    assert view.status.text() == "已受理"
    answers = Answers()
    with c.around() as seen["issue a notice"]:
        number = issue(qtbot, view, answers, "acceptance_notice")
    answers.stop()
    assert number.startswith("某消")
    qtbot.waitUntil(lambda: w.dashboard is not None)
    w.dashboard.loaded = False
    with c.around(wait=lambda: qtbot.waitUntil(lambda: w.dashboard.loaded, timeout=10000)) as seen["dashboard"]:
        w.tabs.setCurrentWidget(w.dashboard)  # showing the tab loads it, as the clerk's Ctrl+D does
    w.tabs.setCurrentWidget(w.register)
    with c.around() as seen["register filter"]:
        w.register.model.set_filter(register.RegisterFilter(status="accepted"))
    assert w.register.model.rowCount() >= 1
    over = {name: trips for name, trips in seen.items() if trips.count > BUDGET[name]}
    print("\n" + "\n".join(f"{name:<40} {t.count:4d}  (budget {BUDGET[name]})" for name, t in seen.items()))
    assert not over, "\n\n".join(f"{name}: {trips}" for name, trips in over.items())


def test_a_case_with_twenty_photos_opens_without_moving_a_photo(office, qtbot, qapp, messages):
    from ui.main import make_application

    make_application()
    startup.sign_in(office.address, office.handler, "handler-pass-1")
    ref = cases.intake(intake_values())
    for n in range(20):
        evidence.add_bytes(
            ref.id, picture(colour=(200, 30 + 3 * n, 30)), f"现场照片{n + 1}.jpg", "photo", "complainant", "李经办"
        )
    w = MainWindow(office.address)
    qtbot.addWidget(w)
    w.load()
    w.show()
    activate(qtbot, w)
    with office.counter.around():
        cases.count()  # the window's connection, known from here on
    with office.counter.around() as opening:
        view = w.open_case(ref.id)
        qtbot.waitUntil(view.isVisible)
    assert view.evidence.list.count() == 20
    print(f"\n{'open a case with 20 photos':<40} {opening.count:4d}  (budget 10)")
    assert opening.count <= 10 and not any("evidence_" in s for s in opening.statements), opening
    with office.counter.around(wait=lambda: qtbot.waitUntil(lambda: all_red(view.evidence))) as looking:
        view.lower_tabs.setCurrentWidget(view.evidence)  # the clerk looks at the evidence
    print(f"{'its 20 thumbnails shown':<40} {looking.count:4d}  (budget 10)")
    assert looking.count == 1 and "evidence_thumbnail" in looking.statements[0], looking
    assert not any("evidence_chunk" in s for s in looking.statements)


def all_red(panel) -> bool:
    return all(is_red(panel.list.item(row)) for row in range(panel.list.count()))

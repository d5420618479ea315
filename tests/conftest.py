"""Fixtures: an isolated home, offscreen Qt, and databases on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import tempfile
import uuid

# Qt aborts without a display; user dirs and QSettings must not touch the real home.
_HOME = tempfile.mkdtemp(prefix="complaintdesk-home-")
# the offscreen screen is a 1920×1080 desktop (Qt's default is 800×800); tests/ui/test_small_screen.py
# opens the program on a 1366×768 one


def offscreen(width: int, height: int) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of this size."""
    path = os.path.join(_HOME, f"screen-{width}x{height}.json")
    with open(path, "w") as f:
        f.write(
            '{"screens": [{"name": "s", "x": 0, "y": 0, "width": %d, "height": %d, "logicalDpi": 96}]}'
            % (width, height)
        )
    return f"offscreen:configfile={path}"


if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen(1920, 1080)
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())
# No test depends on the day it runs: the program's clock (app/clock.py) starts at this
# moment in this process and in every process a test starts.
TEST_NOW = "2026-11-23T10:00:00"
os.environ["COMPLAINTDESK_NOW"] = TEST_NOW
# printing reaches the run's own CUPS server (tests/printers.py), never the machine's printers
from tests import printers  # noqa: E402

os.environ["CUPS_SERVER"] = str(printers.SOCKET)

import pytest  # noqa: E402

from app import db, startup  # noqa: E402
from tests import postgres  # noqa: E402

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def cups_server():
    why = printers.missing()
    if why:
        pytest.skip(why)
    server = printers.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = postgres.start()
    except FileNotFoundError as exc:
        if os.environ.get("COMPLAINTDESK_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required here (COMPLAINTDESK_REQUIRE_PG) but: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server
    server.stop()


def _admin(server):
    import psycopg2

    conn = psycopg2.connect(
        host="127.0.0.1", port=server.port, user="postgres", dbname="postgres", password=postgres.SUPERUSER_PASSWORD
    )
    conn.autocommit = True
    return conn


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = _admin(pg_server)
    admin.cursor().execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    admin.close()
    yield pg_server.url(name)
    db.close()
    admin = _admin(pg_server)  # a new one: a test may have restarted the server
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def new_pg_database(pg_server):
    """Makes further fresh PostgreSQL databases (a restore target beside the source)."""
    admin = _admin(pg_server)
    made = []

    def make() -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        admin.cursor().execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        made.append(name)
        return pg_server.url(name)

    yield make
    db.close()
    for name in made:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def sqlite_path(tmp_path):
    yield tmp_path / "cases.db"
    db.close()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """The same test on both databases: a SQLite file, and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "cases.db")
        db.close()
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated once per run: each test's database is copied from it (CREATE DATABASE …
    TEMPLATE) instead of being migrated again — 50–100 ms instead of ~280 ms a test."""
    name = "cd_template_" + uuid.uuid4().hex[:8]
    admin = _admin(pg_server)
    admin.cursor().execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    admin.close()
    startup.open_database(pg_server.url(name))
    db.close()
    return name


@pytest.fixture
def database(request, db_url):
    """An initialised, connected database on both backends."""
    if db_url.startswith("postgresql"):
        name = db_url.rsplit("/", 1)[1].split("?", 1)[0]
        template = request.getfixturevalue("pg_template")
        admin = _admin(request.getfixturevalue("pg_server"))
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.cursor().execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        admin.close()
    conn = startup.open_database(db_url)
    yield conn
    db.close()


@pytest.fixture
def sqlite_db(sqlite_path):
    conn = startup.open_database(str(sqlite_path))
    yield conn
    db.close()


@pytest.fixture(autouse=True)
def test_clock():
    """Each test starts on the same Monday morning, whatever the date of the run."""
    import datetime as dt

    from app import clock

    clock.start_at(dt.datetime.fromisoformat(TEST_NOW))
    yield
    clock.start_at(dt.datetime.fromisoformat(TEST_NOW))


@pytest.fixture(autouse=True)
def nobody_signed_in():
    """Each test starts and ends as the local system operator (no account signed in)."""
    from app import session

    session.sign_out()
    yield
    session.sign_out()

"""Several SELECTs in one round trip (app/db.together and gathered), on both databases alike."""

import datetime as dt

from peewee import fn

from app import db, demo, statistics
from app.models import Case, RegisterEntry, Setting


def test_plain_rows_keep_their_order_even_where_two_columns_share_a_name(database):
    demo.generate(12, seed=5)
    counted, raw, settings = db.together(
        [
            RegisterEntry.select(fn.COUNT(RegisterEntry.case), fn.COUNT(RegisterEntry.case) * 2).tuples(),
            ("SELECT 'a' AS x, 'b' AS x", ()),
            Setting.select().where(Setting.key == "office.profile"),
        ]
    )
    assert counted == [(12, 24)]
    assert list(raw[0]) == ["a", "b"]
    assert [s.key for s in settings] == ["office.profile"] or settings == []


def test_jobs_are_asked_round_by_round_and_each_gets_its_own_answers(database):
    demo.generate(12, seed=5)

    def newest_then_its_number():
        got = yield {"newest": Case.select(fn.MAX(Case.id)).tuples()}
        (newest,) = got["newest"][0]
        got = yield {"number": Case.select(Case.case_no).where(Case.id == newest).tuples()}
        return got["number"][0][0]

    def count():
        got = yield {"n": Case.select(fn.COUNT(Case.id)).tuples()}
        return got["n"][0][0]

    def nothing_to_ask():
        return "done"
        yield  # a generator all the same

    number, n, done = db.gathered(newest_then_its_number(), count(), nothing_to_ask())
    assert number == Case.select(Case.case_no).order_by(Case.id.desc()).first().case_no
    assert (n, done) == (12, "done")


def test_the_dashboard_asked_at_once_says_what_each_figure_says_asked_alone(database):
    demo.generate(60, seed=9)
    now = dt.datetime(2026, 11, 23, 10, 0)
    period = statistics.parse_period("2026")
    board = statistics.dashboard(period, now, limit=30)
    assert board.figures == statistics.figures(period, now)
    assert board.figures.received > 0
    assert board.open_cases == statistics.open_cases(now.date())
    assert board.handlers == statistics.handlers(period, now.date())
    assert board.businesses == statistics.businesses(period, limit=30)
    assert board.causes == statistics.causes(period, limit=30)
    assert board.figures == statistics.direct_figures(period, now)  # the months kept or not

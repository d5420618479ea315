"""The dashboard's figures kept per month (app/month_figures): noted by the database's own triggers
whoever writes, kept by a refresh, and always the same as the figures worked out from the cases."""

import datetime as dt
import subprocess
import sys

from app import cases, db, demo, month_figures, records, statistics
from app.models import FigureDirty, MonthFigure
from app.workflow import machine
from tests.factories import intake_values

NOW = dt.datetime(2026, 11, 23, 10, 0)
PERIODS = ["2026", "2026-11", "2026-Q3", "2025", "2025-12"]


def _agree(periods=PERIODS) -> None:
    for code in periods:
        assert statistics.check_kept(statistics.parse_period(code), NOW) == [], code


def _noted() -> set[dt.date]:
    return {r.month for r in FigureDirty.select(FigureDirty.month)}


def test_kept_figures_agree_with_the_cases_before_and_after_a_day_of_work(database):
    machine.set_office_profile("consumer_association")
    demo.generate(160, seed=11)
    _agree()  # every month noted: worked out directly
    assert month_figures.refresh()  # kept
    assert not _noted() and MonthFigure.select().count() > 100
    board = statistics.dashboard(statistics.parse_period("2026"), NOW)
    assert board.worked_out == [] and board.figures.received > 0
    _agree()  # now from the kept rows

    # a day's work: intake, acceptance, investigation, remedy paid, follow-up, a phone corrected
    ref = cases.intake(intake_values(**{"complainant.phone": "13900001234"}), now=NOW)
    assert _noted() == {dt.date(2026, 11, 1)}
    machine.transition(ref.id, "accepted", "王芳", now=NOW)
    records.add(ref.id, "investigation", {"held_on": "2026-11-23", "checked": "核对发票", "cause": "other"}, "王芳")
    remedy = records.add(
        ref.id,
        "remedy",
        {"kind": "refund", "amount": "240", "by_whom": "business", "what": "退回货款", "due_on": "2026-11-30"},
        "王芳",
        now=NOW,
    )
    records.remedy_done(remedy.id, "2026-11-23", "王芳")
    records.add(ref.id, "follow_up", {"held_on": "2026-11-23", "method": "phone", "satisfaction": "2"}, "王芳")
    older = cases.load(1)
    cases.edit(1, {"complainant.phone": "13900001234"}, older.versions, now=NOW)  # the same caller twice
    assert dt.date(2026, 11, 1) in _noted()
    _agree()  # the noted months worked out again, the others still kept
    month_figures.refresh()
    _agree()
    f = statistics.figures(statistics.parse_period("2026-11"), NOW)
    assert f.satisfaction_count >= 1 and f.recovered_fen >= 24000


def test_a_write_outside_the_program_is_noted_too(database):
    """psql or a script changing a case behind the window's back still leaves the month to be redone."""
    demo.generate(40, seed=3)
    month_figures.refresh()
    case_id, received = db.database.execute_sql("SELECT case_id, received_at FROM register_entry LIMIT 1").fetchone()
    mark = "%s" if db.is_postgres() else "?"
    with db.database.atomic():
        db.database.execute_sql(f"UPDATE register_entry SET category = 'price' WHERE case_id = {mark}", (case_id,))
        db.database.execute_sql(f"DELETE FROM follow_up WHERE case_id = {mark}", (case_id,))
    received = received if isinstance(received, dt.datetime) else dt.datetime.fromisoformat(str(received))
    assert _noted() == {received.date().replace(day=1)}
    _agree(["2026", "2025"])


def test_repeat_complainants_count_across_months_without_adding_up(database):
    """One caller in January and again in February is a repeat in the quarter, in neither month."""
    for at in (dt.datetime(2026, 1, 20, 9), dt.datetime(2026, 2, 3, 9), dt.datetime(2026, 3, 9, 9)):
        cases.intake(_early(phone="13700001111"), now=at)
    cases.intake(_early(phone="13600002222"), now=dt.datetime(2026, 2, 10, 9))
    month_figures.refresh()
    repeats = {
        c: statistics.figures(statistics.parse_period(c), NOW).repeat_complainants
        for c in ("2026-01", "2026-02", "2026-Q1", "2026")
    }
    assert repeats == {"2026-01": 0, "2026-02": 0, "2026-Q1": 1, "2026": 1}
    _agree(["2026-01", "2026-02", "2026-Q1", "2026"])


def _early(phone: str) -> dict:
    dates = {"purchase.purchase_date": "2026-01-02", "complaint.harm_known_date": "2026-01-05"}
    return intake_values(**{"complainant.phone": phone, **dates})


def test_the_command_line_checks_rebuilds_and_finds_tampering(sqlite_path):
    def run(*args):
        out = subprocess.run(
            [sys.executable, "-m", "app.cli", *args, "--db", str(sqlite_path)], capture_output=True, text=True
        )
        return out.returncode, out.stdout + out.stderr

    from app import startup

    startup.open_database(str(sqlite_path))
    demo.generate(50, seed=4)
    db.close()
    code, text = run("figures")
    assert code == 0 and text.startswith("已更新 ") and text.endswith(" 个月的统计数字\n")
    assert run("figures") == (0, "统计数字已是最新\n")
    code, text = run("figures", "--check", "2026", "--check", "2025-Q4")
    assert code == 0 and "2026 年：与案件逐项相符" in text and "2025 年第四季度：与案件逐项相符" in text
    startup.open_database(str(sqlite_path))
    MonthFigure.update(cases=MonthFigure.cases + 1).where(MonthFigure.measure == "received").execute()
    FigureDirty.delete().execute()  # tampered behind the triggers' back
    db.close()
    code, text = run("figures", "--check", "2026")
    assert code == 1 and "received: kept" in text and "与案件不符" in text
    code, text = run("figures", "--rebuild")
    assert code == 0 and "个月的统计数字" in text and "Traceback" not in text
    assert run("figures", "--check", "2026")[0] == 0
    code, text = run("figures", "--check", "2026-13")
    assert code != 0 and "统计期间应写成" in text and "Traceback" not in text


def test_the_kept_outcomes_are_the_ones_the_figures_name():
    assert set(month_figures.OUTCOME_STATUSES) == set(statistics.OUTCOMES)
    assert month_figures.CLOSED == statistics.CLOSED

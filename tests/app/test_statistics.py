"""Monthly figures: counts by breakdown and times from registration to decision and closing."""

import datetime as dt

import pytest

from app import startup, statistics, timeline, whole_cases


def _case(received, category, channel, business, status, events):
    return dict(
        complainant=dict(name="王芳", phone="13812345678"),
        business=dict(name=business),
        purchase={},
        complaint=dict(category=category, channel=channel, facts="事实", demand_amount_fen=10000),
        case=dict(received_at=received, status=status, handler="周敏"),
        events=[
            dict(at=received, actor="周敏", kind="created", to_status="received"),
            *[dict(at=at, actor="周敏", kind="status", from_status=a, to_status=b) for at, a, b in events],
        ],
    )


def test_monthly_counts_and_durations(database):
    oct1 = dt.datetime(2026, 10, 1, 9, 0)
    with database.atomic():
        whole_cases.write(
            [
                _case(
                    oct1,
                    "quality",
                    "walk_in",
                    "甲公司",
                    "closed",
                    [
                        (oct1 + dt.timedelta(days=2), "received", "accepted"),
                        (oct1 + dt.timedelta(days=10), "accepted", "closed"),
                    ],
                ),
                _case(
                    oct1,
                    "quality",
                    "phone",
                    "甲公司",
                    "accepted",
                    [(oct1 + dt.timedelta(days=4), "received", "accepted")],
                ),
                _case(oct1 + dt.timedelta(days=20), "service", "phone", "乙商店", "received", []),
                _case(dt.datetime(2026, 11, 1), "service", "phone", "乙商店", "received", []),  # next month
            ]
        )
    stats = statistics.monthly(2026, 10, now=dt.datetime(2026, 11, 20))
    assert stats.received == 3 and stats.title == "2026 年 10 月"
    assert stats.by_category == [("产品质量", 2), ("服务态度", 1)]
    assert stats.by_channel == [("电话", 2), ("来访", 1)]
    assert stats.by_business == [("甲公司", 2), ("乙商店", 1)]
    assert dict(stats.by_status) == {"已办结": 1, "已受理": 1, "已登记": 1}
    assert (stats.to_decision.count, stats.to_decision.median_days, stats.to_decision.mean_days) == (2, 3.0, 3.0)
    assert (stats.to_resolution.count, stats.to_resolution.median_days) == (1, 10.0)
    assert stats.claimed_fen == 30000
    assert stats.deadlines_kept + stats.deadlines_missed > 0 and stats.within_deadline is not None


def test_every_figure_of_a_small_office_has_the_known_answer(database):
    """Five cases in October 2026 built by hand; each figure worked out on paper."""
    from app.models import CaseDeadline, FollowUp, RegisterEntry, Remedy

    d = dt.datetime(2026, 10, 5, 9, 0)  # a Monday
    day = dt.timedelta(days=1)
    with database.atomic():
        ids = whole_cases.write(
            [
                _case(
                    d,
                    "quality",
                    "walk_in",
                    "甲公司",
                    "closed",  # contact 0 d, decided 1 d, agreed, closed 9 d
                    [
                        (d + day, "received", "accepted"),
                        (d + 3 * day, "accepted", "mediating"),
                        (d + 5 * day, "mediating", "agreed"),
                        (d + 9 * day, "agreed", "closed"),
                    ],
                ),
                _case(
                    d + 2 * day,
                    "quality",
                    "phone",
                    "甲公司",
                    "closed",  # decided 3 d, terminated, closed 5 d
                    [
                        (d + 5 * day, "received", "accepted"),
                        (d + 6 * day, "accepted", "terminated"),
                        (d + 7 * day, "terminated", "closed"),
                    ],
                ),
                _case(
                    d + 7 * day,
                    "service",
                    "phone",
                    "甲公司",
                    "not_accepted",  # decided 2 d, not accepted
                    [(d + 9 * day, "received", "not_accepted")],
                ),
                _case(d + 8 * day, "false_ad", "web", "乙商店", "accepted", [(d + 13 * day, "received", "accepted")]),
                _case(d + 20 * day, "quality", "walk_in", "丙超市", "received", []),
            ]
        )
        # first contact: the walk-ins at once (0 d), the phone case 2 after 1 day, the web case after 4 days
        from app.models import Event

        Event.delete().where(Event.kind == "milestone").execute()
        for cid, after in ((ids[0], 0), (ids[1], 1), (ids[3], 4), (ids[4], 0)):
            received = [d, d + 2 * day, d + 7 * day, d + 8 * day, d + 20 * day][ids.index(cid)]
            timeline.write(case=cid, at=received + after * day, actor="周敏", kind="milestone", field="first_contact")
        CaseDeadline.delete().execute()
        for cid, state, due, closed in (
            (ids[0], "met", d + 5 * day, d + day),
            (ids[1], "met", d + 4 * day, d + 5 * day),
            (ids[2], "met", d + 12 * day, d + 9 * day),
            (ids[3], "running", d + 10 * day, None),
            (ids[4], "running", d + 60 * day, None),
        ):
            CaseDeadline.create(
                case=cid,
                rule="D5",
                title="受理决定",
                rule_set="t",
                length=7,
                unit="working_days",
                trigger_at=d,
                due_at=due,
                state=state,
                closed_at=closed,
            )
        FollowUp.create(case=ids[0], held_on=dt.date(2026, 10, 20), method="phone", satisfaction=5, recorded_at=d)
        FollowUp.create(case=ids[1], held_on=dt.date(2026, 10, 20), method="phone", satisfaction=2, recorded_at=d)
        Remedy.create(
            case=ids[0],
            kind="refund",
            amount_fen=129900,
            by_whom="business",
            recorded_at=d,
            done_on=dt.date(2026, 10, 25),
        )
        # agreed but not yet paid: not money recovered
        Remedy.create(case=ids[1], kind="refund", amount_fen=30000, by_whom="business", recorded_at=d)
        Remedy.create(case=ids[0], kind="apology", amount_fen=None, by_whom="business", recorded_at=d)
        RegisterEntry.update(due_at=None).execute()
        RegisterEntry.update(due_at=dt.datetime(2026, 11, 10, 17)).where(RegisterEntry.case == ids[3]).execute()
        RegisterEntry.update(due_at=dt.datetime(2026, 11, 20, 17)).where(RegisterEntry.case == ids[2]).execute()
        RegisterEntry.update(due_at=dt.datetime(2026, 12, 30, 17)).where(RegisterEntry.case == ids[4]).execute()
    f = statistics.figures(statistics.parse_period("2026-10"), now=dt.datetime(2026, 11, 20, 12))
    assert f.received == 5
    assert f.by_business[0] == ("甲公司", 3) and f.repeat_businesses == [("甲公司", 3)]
    assert f.repeat_complainants == 1  # all five share one phone: one person complaining repeatedly
    assert f.weekly == [(dt.date(2026, 10, 5), 2), (dt.date(2026, 10, 12), 2), (dt.date(2026, 10, 19), 1)]
    assert (f.to_contact.count, f.to_contact.median_days, f.to_contact.mean_days) == (4, 0.5, 1.2)
    assert (f.to_decision.count, f.to_decision.median_days, f.to_decision.mean_days) == (4, 2.5, 2.8)
    assert (f.to_resolution.count, f.to_resolution.median_days, f.to_resolution.mean_days) == (2, 7.0, 7.0)
    assert [(x.rule, x.kept, x.missed) for x in f.deadlines] == [("D5", 2, 2)] and f.within_deadline == 0.5
    assert dict(f.outcomes) == {"达成协议": 1, "终止调解": 1, "不予受理": 1}
    assert f.outcome_share("达成协议") == 1 / 3
    assert (f.satisfaction, f.satisfaction_count) == (3.5, 2)
    assert f.recovered_fen == 129900 and f.claimed_fen == 50000

    now = statistics.open_cases(today=dt.date(2026, 11, 19))  # a Thursday: soon = through Monday the 23rd
    assert now.total == 3 and dict(now.by_status) == {"不予受理": 1, "已受理": 1, "已登记": 1}
    assert dict(now.bands) == {"已超期": 1, "两个工作日内到期": 1, "稍后到期": 1, "无进行中的期限": 0}

    people = {h.handler: h for h in statistics.handlers(statistics.parse_period("2026-10"), dt.date(2026, 11, 19))}
    assert (people["周敏"].received, people["周敏"].open, people["周敏"].overdue) == (5, 3, 1)
    assert (people["周敏"].resolved, people["周敏"].mean_days_to_resolution) == (2, 7.0)
    shops = statistics.businesses(statistics.parse_period("2026-10"))
    assert [(b.business, b.received, b.open, b.agreed, b.repeat) for b in shops][0] == ("甲公司", 3, 1, 1, True)


def test_periods():
    q = statistics.parse_period("2026-q4")
    assert (q.start, q.end, q.title) == (dt.datetime(2026, 10, 1), dt.datetime(2027, 1, 1), "2026 年第四季度")
    assert statistics.parse_period("2026").end == dt.datetime(2027, 1, 1)
    assert statistics.parse_period("2026-2").title == "2026 年 2 月"
    for bad in ("2026-13", "Oct", "2026-Q5"):
        with pytest.raises(ValueError):
            statistics.parse_period(bad)


def test_the_report_pdf_and_workbook_from_the_command_line(tmp_path, capsys):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from app import cli, db, demo
    from app.models import Case

    target = str(tmp_path / "r.db")
    startup.open_database(target)
    demo.generate(200, seed=6)
    year = Case.select().order_by(Case.received_at.desc()).first().received_at.year
    expected = Case.select().where(Case.received_at >= dt.datetime(year, 1, 1)).count()
    db.close()
    assert cli.main(["report", "--db", target, "--period", str(year), "--out", str(tmp_path / "r.pdf")]) == 0
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO((tmp_path / "r.pdf").read_bytes())).pages)
    assert f"{year} 年投诉处理情况报告" in text and "经办人工作量" in text and "期限内完成比例" in text
    assert f"登记案件 {expected}" in text.replace("\n", " ")
    assert cli.main(["report", "--db", target, "--period", f"{year}-Q1", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert load_workbook(tmp_path / "r.xlsx")["概况"]["A1"].value == f"{year} 年第一季度投诉统计"
    assert cli.main(["report", "--db", target, "--period", "last year", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "统计期间应写成" in capsys.readouterr().err


@pytest.mark.parametrize("horizontal", [True, False])
def test_a_report_chart_keeps_its_labels_inside_its_own_box(horizontal):
    """Issue 14.7: page 2's axis labels ran into the table below the chart."""
    from app.documents import fonts, report

    fonts.register()
    pairs = [("杭州拱墅环球酒店管理有限公司", 15), ("两个工作日内到期", 9), ("西安某某电子", 3)]
    drawing = report._bars("按经营者", pairs, horizontal=horizontal)
    x0, y0, x1, y1 = drawing.getBounds()
    assert x0 >= -1 and y0 >= -1 and x1 <= drawing.width + 1 and y1 <= drawing.height + 1, (x0, y0, x1, y1)

"""Monthly figures: counts by breakdown and times from registration to decision and closing."""

import datetime as dt

from app import bulk, statistics


def _case(received, category, channel, business, status, events):
    return dict(complainant=dict(name="王芳", phone="13812345678"), business=dict(name=business), purchase={},
                complaint=dict(category=category, channel=channel, facts="事实", demand_amount_fen=10000),
                case=dict(received_at=received, status=status, handler="周敏"),
                events=[dict(at=received, actor="周敏", kind="created", to_status="received"),
                        *[dict(at=at, actor="周敏", kind="status", from_status=a, to_status=b) for at, a, b in events]])


def test_monthly_counts_and_durations(database):
    oct1 = dt.datetime(2026, 10, 1, 9, 0)
    with database.atomic():
        bulk.write_cases([
            _case(oct1, "quality", "walk_in", "甲公司", "closed",
                  [(oct1 + dt.timedelta(days=2), "received", "accepted"),
                   (oct1 + dt.timedelta(days=10), "accepted", "closed")]),
            _case(oct1, "quality", "phone", "甲公司", "accepted", [(oct1 + dt.timedelta(days=4), "received", "accepted")]),
            _case(oct1 + dt.timedelta(days=20), "service", "phone", "乙商店", "received", []),
            _case(dt.datetime(2026, 11, 1), "service", "phone", "乙商店", "received", []),  # next month
        ])
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

"""三包 advice (RULES.md 4): each rule with its dates."""

import datetime as dt

import pytest

from app import sanbao
from app.sanbao import BY_CODE, Situation, advise

D = dt.date
PHONE = BY_CODE["phone"]


def remedies(**kw):
    return advise(Situation(**{"product": PHONE, "sold_on": D(2026, 11, 1), **kw})).remedies()


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2026, 11, 8), {"return", "exchange", "repair", "burden_of_proof"}),  # day 7
        (D(2026, 11, 9), {"exchange", "repair", "burden_of_proof"}),  # day 8
        (D(2026, 11, 16), {"exchange", "repair", "burden_of_proof"}),  # day 15
        (D(2026, 11, 17), {"repair", "burden_of_proof"}),  # day 16: warranty repair
        (D(2027, 6, 1), {"repair"}),  # past 6 months: proof on consumer
        (D(2027, 11, 2), set()),  # the 1-year warranty has ended
    ],
)
def test_phone_handset_by_day(today, expected):
    assert remedies(today=today) == expected


def test_battery_six_months_and_not_durable():
    battery = advise(Situation(BY_CODE["battery"], D(2026, 1, 10), D(2026, 7, 11)))
    assert battery.remedies() == set() and "至 2026-07-10" in battery.notes[0]


def test_two_failed_repairs_give_exchange_or_return():
    advice = advise(Situation(PHONE, D(2026, 3, 1), D(2026, 9, 1), failed_repairs=2))
    assert {"exchange", "return"} <= advice.remedies()
    assert any("修理 2 次" in e.why for e in advice.entitlements)


def test_parts_and_repairer_delay_give_exchange():
    assert "exchange" in remedies(today=D(2027, 3, 1), parts_wait_days=91)
    assert "exchange" in remedies(today=D(2027, 3, 1), longest_repair_days=31)
    assert "exchange" not in remedies(today=D(2027, 3, 1), parts_wait_days=90, longest_repair_days=30)


def test_repair_days_extend_and_exchange_restarts_the_warranty():
    assert "repair" in remedies(today=D(2027, 11, 20), repair_days=20)
    assert "repair" in remedies(today=D(2028, 3, 1), exchanged_on=D(2027, 4, 1))


def test_distance_sale_seven_days_from_the_day_after_delivery():
    assert "no_reason_return" in remedies(today=D(2026, 11, 8), distance_sale=True, delivered_on=D(2026, 11, 1))
    assert "no_reason_return" not in remedies(today=D(2026, 11, 9), distance_sale=True, delivered_on=D(2026, 11, 1))
    excepted = advise(Situation(PHONE, D(2026, 11, 1), D(2026, 11, 3), distance_sale=True, non_returnable=True))
    assert "no_reason_return" not in excepted.remedies() and any("例外" in n for n in excepted.notes)


def test_unknown_product_says_so():
    advice = advise(Situation(sanbao.guess_class("自行车"), D(2026, 11, 1), D(2026, 11, 20)))
    assert any("商品类别" in n for n in advice.notes)

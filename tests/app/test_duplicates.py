"""Repeat complaints and the A3 signs, found through salted hashes, on both databases."""

import datetime as dt

from app import cases, duplicates
from app.models import Complainant
from tests.factories import VALID_USCC, intake_values

T = dt.datetime


def file(when, **overrides):
    values = intake_values(purchase__purchase_date="2026-06-01", complaint__harm_known_date="2026-06-02", **overrides)
    return cases.intake(values, now=when)


def test_same_complainant_same_business_found_by_hash(database):
    first = file(T(2026, 10, 1, 9))
    other_business = file(T(2026, 10, 2, 9), business__name="别的商店", business__uscc="")
    stranger = file(
        T(2026, 10, 3, 9), complainant__phone="13900000000", complainant__name="李四", complaint__facts="健身卡无法退款"
    )
    assert "13812345678" not in {c.phone_hash for c in Complainant.select()}  # only hashes are compared
    found = duplicates.check(intake_values(complaint__facts="完全不同的事情：衣服掉色"), today=dt.date(2026, 10, 5))
    why = {r.case_no: r.why for r in found.related}
    assert why[first.case_no] == "同一投诉人、同一经营者"
    assert why[other_business.case_no] == "同一投诉人"
    assert stranger.case_no not in why


def test_similar_facts_against_the_same_business(database):
    earlier = file(
        T(2026, 10, 1, 9),
        complainant__phone="13900000001",
        complainant__name="王五",
        complaint__facts="空调安装后不制冷，售后多次上门维修未果，要求退货退款。",
    )
    found = duplicates.check(
        intake_values(
            complainant__phone="13900000002",
            complainant__name="赵六",
            complaint__facts="空调安装后不制冷，售后上门维修多次仍未修好，要求退货。",
        ),
        today=dt.date(2026, 10, 5),
    )
    assert [(r.case_no, r.why) for r in found.related] == [(earlier.case_no, "同一经营者、事实相似")]


FACTS = "空调安装后不制冷，售后多次上门维修未果，要求退货退款。"


def _same_facts(day: int, phone: str, business: str, uscc: str = ""):
    return file(
        T(2026, 10, day, 9),
        complainant__phone=phone,
        business__name=business,
        business__uscc=uscc,
        complaint__facts=FACTS,
    )


def test_the_same_business_is_found_by_its_uscc_under_another_name_and_by_its_name(database):
    by_uscc = _same_facts(1, "13900000011", "某某电器（旧名）", VALID_USCC)
    by_name = _same_facts(2, "13900000012", "某某电器")
    other = _same_facts(3, "13900000013", "别的商店")
    entered = intake_values(
        complainant__phone="13900000014",
        business__name="某某电器",
        business__uscc=VALID_USCC.lower(),  # as typed: compared in capitals
        complaint__facts="空调安装后不制冷，售后上门维修多次仍未修好，要求退货。",
    )
    found = duplicates.check(entered, today=dt.date(2026, 10, 5))
    assert [(r.case_no, r.why) for r in found.related] == [
        (by_name.case_no, "同一经营者、事实相似"),
        (by_uscc.case_no, "同一经营者、事实相似"),
    ]
    assert other.case_no not in {r.case_no for r in found.related}
    mine = duplicates.check(entered, today=dt.date(2026, 10, 5), exclude=by_name.id)  # editing that case
    assert [r.case_no for r in mine.related] == [by_uscc.case_no]


def test_only_the_business_s_latest_cases_are_compared(database, monkeypatch):
    monkeypatch.setattr(duplicates, "LOOK_BACK", 2)
    duplicates._SAME_NAME._kept.clear()  # compiled with the limit it had
    duplicates._SAME_USCC._kept.clear()
    try:
        old = file(T(2026, 9, 1, 9), complainant__phone="13900000021", business__uscc="", complaint__facts=FACTS)
        newer = [
            file(
                T(2026, 10, d, 9),
                complainant__phone=f"1390000003{d}",
                business__uscc="",
                complaint__facts="衣服掉色要求换货",
            )
            for d in (1, 2)
        ]
        found = duplicates.check(
            intake_values(complainant__phone="13900000040", business__uscc="", complaint__facts=FACTS),
            today=dt.date(2026, 10, 5),
        )
        assert old.case_no not in {r.case_no for r in found.related}  # beyond the two latest
        assert len(newer) == 2
    finally:
        duplicates._SAME_NAME._kept.clear()
        duplicates._SAME_USCC._kept.clear()


def test_a3_signs(database):
    for day in (1, 5, 9):
        file(T(2026, 10, day, 9))
    file(T(2026, 10, 10, 9), complainant__name="另一人")  # same phone, another name
    for i, who in enumerate(("甲", "乙", "丙")):
        file(
            T(2026, 10, 11, 9),
            complainant__name=who,
            complainant__phone=f"1390000001{i}",
            complainant__address="某市某路 1 号",
        )
    found = duplicates.check(intake_values(complainant__address="某市某路 1 号"), today=dt.date(2026, 10, 12))
    text = "\n".join(found.warnings)
    assert "30 天内已对该经营者投诉" in text
    assert "电话 138****5678 还登记在其他 1 位投诉人名下" in text
    assert "该地址还登记有其他 3 位投诉人" in text


def test_a_new_person_has_no_findings(database):
    file(T(2026, 10, 1, 9))
    found = duplicates.check(
        intake_values(
            complainant__phone="13700000000",
            business__name="新店",
            business__uscc="",
            complainant__address="",
            complaint__facts="快递延误十天",
        ),
        today=dt.date(2026, 10, 5),
    )
    assert found.related == [] and found.warnings == []


def test_similarity_is_symmetric_enough():
    assert duplicates.similarity("空调不制冷", "空调不制冷了") > 0.9
    assert duplicates.similarity("空调不制冷", "健身卡退款") == 0

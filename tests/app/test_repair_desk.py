"""The repair counter's desk (issue 20), below the window: a device's history found by its
serial/IMEI, repairs of the same fault counted from the repair records, the advice turning to
exchange, a remedy against the advice only with its reason, an exchange's new IMEI restarting
the warranty, and the amounts a customer may claim, each with its rule."""

import datetime as dt

import pytest

from app import agenda, cases, checks, records, sanbao
from app.documents import issuing
from app.errors import FieldError, ValidationFailed
from app.models import Case, Device
from app.workflow import machine
from app.workflow.machine import TransitionRefused
from tests.app.test_documents_from_records import has, text_of

IMEI = "490154203237518"
NEW_IMEI = "356938035643809"
D = dt.date


def T(month, day, hour=10):
    return dt.datetime(2026, month, day, hour)


def device(**overrides) -> dict:
    values = {
        "complainant.name": "孙浩",
        "complainant.phone": "15957112233",
        "purchase.product": "华为手机",
        "purchase.brand": "华为",
        "purchase.model": "nova 13",
        "purchase.serial": f"IMEI {IMEI[:2]}-{IMEI[2:]}",
        "purchase.purchase_date": "2026-05-01",
        "purchase.amount": "2699",
        "purchase.channel": "shop",
        "complaint.facts": "频繁自动重启，无法正常通话",
        "complaint.demands": ["repair"],
        "device.product_class": "phone",
        "device.fault_kind": "performance",
        "device.fault": "power",
        "device.accessories": "充电器、数据线",
        "device.appearance": "屏幕完好，背壳左上角划痕",
        "device.quote": "0",
        "device.expected_on": "2026-06-05",
    }
    values.update({k.replace("__", "."): v for k, v in overrides.items()})
    return values


@pytest.fixture
def counter(database):
    machine.set_office_profile("repair_counter")


def repair(case_id, started, finished, result="fixed", fault="power", **extra):
    entered = {
        "fault": fault,
        "diagnosis": "主板供电芯片虚焊",
        "technician": "刘师傅",
        "started_on": started.isoformat(),
        "finished_on": finished.isoformat() if finished else "",
        "result": result,
        **extra,
    }
    return records.add(case_id, "repair", entered, "刘师傅", now=dt.datetime.combine(finished or started, dt.time(17)))


def test_a_serial_is_kept_in_one_form_and_an_imei_checks_its_last_digit():
    assert checks.serial(f"IMEI: {IMEI[:6]} {IMEI[6:]}") == IMEI
    assert checks.serial("sn-ab12 cd") == "AB12CD"
    with pytest.raises(FieldError, match="IMEI 校验位不符"):
        checks.serial(IMEI[:-1] + "9")


def test_the_counter_intake_takes_a_device_in_and_the_shop_is_the_office(counter):
    with pytest.raises(ValidationFailed) as refused:
        cases.intake(device(device__product_class="", device__appearance=""), now=T(6, 1))
    assert {"device.product_class", "device.appearance"} <= set(refused.value.errors)
    ref = cases.intake(device(), now=T(6, 1))
    case = Case.get_by_id(ref.id)
    assert case.business.name == "本店"  # no letterhead yet: the shop itself
    row = Device.get(Device.case == ref.id)
    assert (row.product_class, row.fault, row.accessories, row.quote_fen) == ("phone", "power", "充电器、数据线", 0)
    assert cases.load(ref.id).values["purchase.serial"] == IMEI


def test_the_same_fault_on_the_same_imei_turns_the_advice_to_exchange(counter):
    first = cases.intake(device(), now=T(6, 1)).id
    machine.transition(first, "diagnosed", "刘师傅", now=T(6, 1, 11))
    machine.transition(first, "repairing", "刘师傅", now=T(6, 1, 12))
    assert Device.get(Device.case == first).remedy_rule.startswith("手机主机三包有效期")
    repair(first, D(2026, 6, 1), D(2026, 6, 3))
    for target, day in (("ready", 3), ("handed_over", 4)):
        machine.transition(first, target, "刘师傅", now=T(6, day))
    assert Device.get(Device.case == first).picked_up_at == T(6, 4)

    # back with the same fault: the first repair did not hold
    again = cases.intake(device(), now=T(7, 1)).id
    advice = sanbao.advice_for_case(again, today=D(2026, 7, 1))
    assert "exchange" not in advice.remedies() and any(
        first_no in n for n in advice.notes for first_no in [Case.get_by_id(first).case_no]
    )
    machine.transition(again, "diagnosed", "刘师傅", now=T(7, 1, 11))
    machine.transition(again, "repairing", "刘师傅", now=T(7, 1, 12))
    repair(again, D(2026, 7, 1), D(2026, 7, 5), result="not_fixed")
    advice = sanbao.advice_for_case(again, today=D(2026, 7, 6))
    assert {"exchange", "return"} <= advice.remedies()
    assert any("同一故障已修理 2 次" in e.why for e in advice.entitlements)
    assert any("顺延 6 日" in e.why for e in advice.entitlements)  # 2 + 4 days in repair
    refund = next(a for a in advice.amounts if a.title == "修理两次后退货的退款")
    # 66 days from sale, 6 in repair: 60 days × 0.1% of 2,699.00 = 161.94
    assert refund.fen == 269900 - 16194 and "60 日" in refund.how

    with pytest.raises(FieldError):
        machine.transition(
            again, "exchange", "刘师傅", now=T(7, 6), details={"new_serial": "12345"[:0] or IMEI[:-1] + "0"}
        )
    machine.transition(again, "exchange", "刘师傅", now=T(7, 6), details={"new_serial": NEW_IMEI})
    row = Device.get(Device.case == again)
    assert (row.remedy, row.new_serial, row.exchanged_on) == ("exchange", NEW_IMEI, D(2026, 7, 6))
    assert row.remedy_rule == "三包：有效期内修理两次仍不能正常使用"

    # the new device: its warranty restarts on the day of the exchange, its history is its own
    later = cases.intake(device(purchase__serial=NEW_IMEI), now=T(9, 1)).id
    advice = sanbao.advice_for_case(later, today=D(2026, 9, 1))
    assert any("换货后自 2026-07-06 重新计算" in e.why and "2027-07-06" in e.why for e in advice.entitlements)
    assert "exchange" not in advice.remedies()


def test_another_sale_of_the_same_serial_is_another_device_and_a_linked_case_does_not_count(counter):
    first = cases.intake(device(), now=T(6, 1)).id
    repair(first, D(2026, 6, 1), D(2026, 6, 3))
    other = cases.intake(device(purchase__purchase_date="2026-05-20", purchase__serial=NEW_IMEI), now=T(6, 5)).id
    repair(other, D(2026, 6, 5), D(2026, 6, 6))
    linked = cases.intake(
        device(
            purchase__purchase_date="2026-05-20",
            purchase__serial=NEW_IMEI,
            case__earlier_case=Case.get_by_id(first).case_no,
        ),
        now=T(6, 20),
    ).id
    history = sanbao.device_history(NEW_IMEI, D(2026, 5, 20), "power", linked, D(2026, 6, 20))
    assert history.failed_repairs == 1  # the other device's repair on 06-05, not the linked case's
    assert sanbao.device_history(IMEI, D(2026, 5, 19), "power", None, D(2026, 6, 20)).failed_repairs == 0


def test_a_remedy_the_advice_does_not_allow_needs_its_reason_and_keeps_it(counter):
    case_id = cases.intake(device(), now=T(6, 1)).id  # day 31: repair only
    machine.transition(case_id, "diagnosed", "刘师傅", now=T(6, 1, 11))
    with pytest.raises(TransitionRefused, match="三包建议不包括退货（今天可选：.*免费修理"):
        machine.transition(case_id, "refund", "刘师傅", now=T(6, 1, 12))
    machine.transition(
        case_id, "refund", "刘师傅", now=T(6, 1, 12), details={"remedy_reason": "店长同意按顾客要求退货，作为商誉"}
    )
    row = Device.get(Device.case == case_id)
    assert (row.remedy, row.remedy_rule, row.remedy_reason) == ("return", "", "店长同意按顾客要求退货，作为商誉")
    [status] = [e for e in cases.timeline(case_id) if e.kind == "status" and "退货" in e.text]
    assert "不在三包建议之内，理由：店长同意按顾客要求退货，作为商誉" in status.text


def test_the_amounts_a_customer_may_claim_each_with_its_rule():
    phone = sanbao.BY_CODE["phone"]
    fraud = sanbao.amounts(10000, phone, D(2026, 5, 1), D(2026, 5, 3), sanbao.History())
    assert [(a.title, a.fen) for a in fraud] == [("欺诈的惩罚性赔偿", 50000)]  # 3 × 100 < 500
    assert "不足 500.00 元按此计" in fraud[0].how and "第五十五条" in fraud[0].rule
    food = sanbao.amounts(5800, sanbao.BY_CODE["food"], D(2026, 5, 1), D(2026, 5, 3), sanbao.History())
    assert [(a.title, a.fen) for a in food] == [("惩罚性赔偿（食品）", 100000)] and "第一百四十八条" in food[0].rule
    big = sanbao.amounts(269900, phone, D(2026, 5, 1), D(2026, 5, 3), sanbao.History())
    assert big[0].fen == 809700


def test_a_repair_waiting_for_parts_is_finished_later_and_the_wait_counts(counter):
    case_id = cases.intake(device(), now=T(6, 1)).id
    work = repair(case_id, D(2026, 6, 1), None, result="waiting_parts", parts_ordered_on="2026-06-01")
    history = sanbao.device_history(IMEI, D(2026, 5, 1), "power", case_id, D(2026, 9, 10))
    assert history.parts_wait_days == 101
    advice = sanbao.advice_for_case(case_id, today=D(2026, 9, 10))
    assert any("等待零配件已 101 日" in e.why for e in advice.entitlements)
    with pytest.raises(ValidationFailed):
        records.finish_repair(work.id, {"finished_on": "2026-09-12", "result": "fixed"}, "刘师傅", now=T(9, 11))
    records.finish_repair(
        work.id,
        {"finished_on": "2026-09-11", "parts_arrived_on": "2026-09-10", "result": "fixed"},
        "刘师傅",
        now=T(9, 11),
    )
    assert sanbao.device_history(IMEI, D(2026, 5, 1), "power", case_id, D(2026, 9, 20)).parts_wait_days == 101


def test_the_slips_print_what_was_received_repaired_chosen_and_why(counter):
    issuing.save_letterhead("某某手机授权服务中心", short="某修")
    first = cases.intake(device(), now=T(6, 1)).id
    machine.transition(first, "diagnosed", "刘师傅", now=T(6, 1, 11))
    machine.transition(first, "repairing", "刘师傅", now=T(6, 1, 12))
    repair(first, D(2026, 6, 1), D(2026, 6, 3), parts="主板")
    again = cases.intake(device(device__quote="120", device__quote_consent=True), now=T(7, 1)).id
    receipt = text_of(issuing.issue(again, "device_receipt", "in_person", "刘师傅", day=D(2026, 7, 1)))
    assert (
        has(
            receipt,
            "接机单",
            "孙浩",
            "华为nova13",
            "手机主机",
            IMEI,
            "二〇二六年五月一日",
            "2699.00元",
            "频繁自动重启",
            "性能故障",
            "不开机/自动重启",
            "充电器、数据线",
            "屏幕完好，背壳左上角划痕",
            "120.00元（顾客已同意）",
            "免费修理（手机主机三包有效期12个月）",
            "顾客（送修）",
            "顾客（取机）",
            "接机人员",
        )
        == []
    )
    machine.transition(again, "diagnosed", "刘师傅", now=T(7, 1, 11))
    machine.transition(again, "repairing", "刘师傅", now=T(7, 1, 12))
    repair(again, D(2026, 7, 1), D(2026, 7, 5), result="not_fixed", parts="电源管理芯片")
    machine.transition(again, "exchange", "刘师傅", now=T(7, 6), details={"new_serial": NEW_IMEI})
    machine.transition(again, "ready", "刘师傅", now=T(7, 6, 14))
    machine.transition(again, "handed_over", "刘师傅", now=T(7, 7, 9))
    slip = text_of(issuing.issue(again, "repair_slip", "in_person", "刘师傅", day=D(2026, 7, 7)))
    assert (
        has(
            slip,
            "维修单",
            "主板供电芯片虚焊",
            "（1）2026-07-01不开机/自动重启：主板供电芯片虚焊，更换电源管理芯片，2026-07-05修毕，未修好。",
            "更换配件：电源管理芯片",
            "换货（依据：三包：有效期内修理两次仍不能正常使用）",
            "2026-05-01起12个月，原至2027-05-01；因维修顺延6日，至2027-05-07",
            "2026-07-06换货，新机自当日起重新计算，至2027-07-06",
            f"新机序列号/IMEI：{NEW_IMEI}",
            "取机时间：2026-07-0709:00",
            "欺诈的惩罚性赔偿8097.00元",
            "维修人员：刘师傅",
            "换货/退货专用章",
        )
        == []
    )
    assert "调解" not in slip and "被投诉" not in slip


def test_a_slip_prints_the_remedy_chosen_against_the_advice_with_its_reason(counter):
    issuing.save_letterhead("某某手机授权服务中心", short="某修")
    case_id = cases.intake(device(), now=T(6, 1)).id
    machine.transition(case_id, "diagnosed", "刘师傅", now=T(6, 1, 11))
    repair(case_id, D(2026, 6, 1), D(2026, 6, 1), fault="screen")
    machine.transition(case_id, "refund", "刘师傅", now=T(6, 2), details={"remedy_reason": "店长批准，作为商誉"})
    slip = text_of(issuing.issue(case_id, "repair_slip", "in_person", "刘师傅", day=D(2026, 6, 2)))
    assert has(slip, "退货（不在三包建议之内；理由：店长批准，作为商誉）", "屏幕显示/触摸") == []


def test_the_counters_day_lists_devices_to_collect_and_parts_awaited(counter):
    ready = cases.intake(device(), now=T(6, 1)).id
    machine.transition(ready, "diagnosed", "刘师傅", now=T(6, 1, 11))
    machine.transition(ready, "repairing", "刘师傅", now=T(6, 1, 12))
    repair(ready, D(2026, 6, 1), D(2026, 6, 2))
    machine.transition(ready, "ready", "刘师傅", now=T(6, 2, 15))
    waiting = cases.intake(device(purchase__serial=NEW_IMEI), now=T(6, 1)).id
    repair(waiting, D(2026, 6, 1), None, result="waiting_parts", parts_ordered_on="2026-06-01", parts="屏幕总成")
    items = {i.kind: i for i in agenda.upcoming(None, T(8, 20))}
    assert items["pickup"].case_id == ready and items["pickup"].text == "待取机，已等 79 天" and items["pickup"].overdue
    parts = items["parts"]
    assert parts.case_id == waiting and parts.overdue  # 80 days: the 90-day exchange is near
    assert parts.text == "等待配件 80 天（屏幕总成）：2026-08-30 起仍未修好应予换货"
    assert "parts" in {i.kind for i in agenda.upcoming(None, T(6, 20))}
    assert not next(i for i in agenda.upcoming(None, T(6, 20)) if i.kind == "parts").overdue


def test_the_archive_workbook_keeps_what_the_counter_took_in_and_each_repair(counter, tmp_path):
    from openpyxl import load_workbook

    from app.archives import excel

    case_id = cases.intake(device(device__accessories="=1+1"), now=T(6, 1)).id
    repair(case_id, D(2026, 6, 1), D(2026, 6, 2), parts='=HYPERLINK("x")')
    out = tmp_path / "档案.xlsx"
    excel.export_archive(out)
    book = load_workbook(out)
    received = [[c.value for c in row] for row in book["接机"].iter_rows(min_row=2)]
    assert received[0][:6] == [
        Case.get_by_id(case_id).case_no,
        "手机主机",
        "性能故障",
        "不开机/自动重启",
        "=1+1",  # as typed, a text
        "屏幕完好，背壳左上角划痕",
    ]
    [work] = [[c for c in row] for row in book["维修记录"].iter_rows(min_row=2)]
    assert work[3].value == '=HYPERLINK("x")' and work[3].data_type == "s"  # typed text never a formula


def test_the_register_finds_a_device_by_its_imei_or_the_end_of_it(counter):
    from app import register

    case_id = cases.intake(device(), now=T(6, 1)).id
    cases.intake(device(purchase__serial=NEW_IMEI), now=T(6, 2))
    for typed in (IMEI, f"IMEI {IMEI}"[5:], IMEI[:9]):
        found = register.page(register.RegisterFilter(text=typed), "received_at", True, None, 10)
        assert [r.id for r in found] == [case_id], typed

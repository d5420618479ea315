"""三包 advice for the repair counter (RULES.md section 4): which remedies the consumer is
entitled to today, and why, with the rule and the dates.

`advise` is pure: it takes the dated facts and returns the entitlements. `advice_for_case`
reads those facts from a case (purchase dates, product, channel, its repair history and
that of the earlier cases it repeats).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from app import case_file, checks, clock
from app.errors import FieldError
from app.models import Case, Device, Purchase, RepairWork
from app.workflow import tables
from app.workflow.rules import ProductClass

CLASSES = list(tables.PRODUCT_CLASSES)
BY_CODE = {c.code: c for c in CLASSES}
DISTANCE_CHANNELS = ("online", "phone_sale", "door_to_door")
FAILED_REPAIRS_FOR_EXCHANGE = 2
PARTS_WAIT_DAYS = 90
PARTS_WAIT_WARNING = 75  # the counter is warned this many days into a wait for parts
REPAIRER_DELAY_DAYS = 30
FRAUD_TIMES, FRAUD_AT_LEAST_FEN = 3, 500_00  # CRPL art. 55
FOOD_TIMES, FOOD_LOSS_TIMES, FOOD_AT_LEAST_FEN = 10, 3, 1000_00  # Food Safety Law art. 148


@dataclass(frozen=True)
class Situation:
    product: ProductClass | None
    sold_on: dt.date
    today: dt.date
    delivered_on: dt.date | None = None
    distance_sale: bool = False
    non_returnable: bool = False  # custom-made, perishable, opened digital goods, … (CRPL art. 25)
    failed_repairs: int = 0  # earlier repairs for the same fault
    repair_days: int = 0  # days spent in repair (they extend the warranty)
    longest_repair_days: int = 0
    parts_wait_days: int = 0
    exchanged_on: dt.date | None = None  # the warranty restarts after an exchange


@dataclass(frozen=True)
class Entitlement:
    remedies: tuple[str, ...]  # return, exchange, repair, no_reason_return, burden_of_proof
    rule: str
    why: str


@dataclass
class Advice:
    entitlements: list[Entitlement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    amounts: list["Amount"] = field(default_factory=list)

    def remedies(self) -> set[str]:
        return {r for e in self.entitlements for r in e.remedies}


REMEDY_LABELS = {
    "return": "退货",
    "exchange": "换货",
    "repair": "免费修理",
    "no_reason_return": "七日无理由退货",
    "burden_of_proof": "经营者承担举证责任",
}


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def guess_class(product: str) -> ProductClass | None:
    """A class from the product's name, for cases registered before the counter chose one."""
    for cls in CLASSES:
        if any(k in (product or "") for k in cls.keywords):
            return cls
    return None


def advise(s: Situation) -> Advice:
    advice = Advice()
    days = (s.today - s.sold_on).days
    if days < 0:
        advice.notes.append("购买日期晚于今天，请核对")
        return advice
    if s.product is not None and s.product.food:
        advice.notes.append("食品不属于三包商品：按食品安全法主张退货和赔偿")
        return advice
    if days <= 7:
        advice.entitlements.append(
            Entitlement(
                ("return", "exchange", "repair"),
                "三包：售出之日起 7 日内",
                f"{s.sold_on:%Y-%m-%d} 售出，今天是第 {days} 日：性能故障可选择退货、换货或修理",
            )
        )
    elif days <= 15:
        advice.entitlements.append(
            Entitlement(
                ("exchange", "repair"),
                "三包：售出之日起 15 日内",
                f"{s.sold_on:%Y-%m-%d} 售出，今天是第 {days} 日：性能故障可选择换货或修理",
            )
        )
    if s.product is None:
        advice.notes.append("未能确定商品类别，无法判断三包有效期；请在商品名称中写明（如 手机、电池、充电器）")
    else:
        start = s.exchanged_on or s.sold_on
        end = add_months(start, s.product.warranty_months) + dt.timedelta(days=s.repair_days)
        basis = f"{s.product.title}三包有效期 {s.product.warranty_months} 个月" + (
            "" if s.product.verified else "（待核实）"
        )
        restart = f"，换货后自 {s.exchanged_on:%Y-%m-%d} 重新计算" if s.exchanged_on else ""
        extension = f"，因维修顺延 {s.repair_days} 日" if s.repair_days else ""
        if s.today <= end:
            advice.entitlements.append(
                Entitlement(("repair",), basis, f"有效期至 {end:%Y-%m-%d}{restart}{extension}：免费修理")
            )
            if s.failed_repairs >= FAILED_REPAIRS_FOR_EXCHANGE:
                advice.entitlements.append(
                    Entitlement(
                        ("exchange", "return"),
                        "三包：有效期内修理两次仍不能正常使用",
                        f"同一故障已修理 {s.failed_repairs} 次仍未修好：可换货或退货",
                    )
                )
            if s.parts_wait_days > PARTS_WAIT_DAYS:
                advice.entitlements.append(
                    Entitlement(
                        ("exchange",),
                        "三包：因缺少零配件 90 日内未修好",
                        f"等待零配件已 {s.parts_wait_days} 日：应予换货",
                    )
                )
            if s.longest_repair_days > REPAIRER_DELAY_DAYS:
                advice.entitlements.append(
                    Entitlement(
                        ("exchange",),
                        "三包：修理者自身原因超过 30 日未修好",
                        f"一次修理已用 {s.longest_repair_days} 日：应予换货",
                    )
                )
        elif s.product.parts_months and s.today <= (
            parts_end := add_months(start, s.product.parts_months) + dt.timedelta(days=s.repair_days)
        ):
            advice.entitlements.append(
                Entitlement(
                    ("repair",),
                    f"{s.product.title}主要部件（{s.product.parts}）三包有效期 {s.product.parts_months} 个月"
                    + ("" if s.product.verified else "（待核实）"),
                    f"整机有效期已过（至 {end:%Y-%m-%d}），主要部件至 {parts_end:%Y-%m-%d}：{s.product.parts}免费修理",
                )
            )
        else:
            advice.notes.append(f"已过{basis}（至 {end:%Y-%m-%d}）：可收费修理，或以理由 R1 不予三包")
        if s.product.durable and s.today <= add_months(s.delivered_on or s.sold_on, 6):
            advice.entitlements.append(
                Entitlement(
                    ("burden_of_proof",),
                    "消费者权益保护法第二十三条",
                    f"耐用商品自 {(s.delivered_on or s.sold_on):%Y-%m-%d} 起 6 个月内发现瑕疵：由经营者承担举证责任",
                )
            )
    if s.distance_sale:
        received = s.delivered_on or s.sold_on
        last = received + dt.timedelta(days=7)
        if s.non_returnable:
            advice.notes.append("网购等远程购物，但属于定制、鲜活易腐、已拆封数字商品等例外，不适用七日无理由退货")
        elif s.today <= last:
            advice.entitlements.append(
                Entitlement(
                    ("no_reason_return",),
                    "消费者权益保护法第二十五条",
                    f"{received:%Y-%m-%d} 收货，次日起 7 日内（至 {last:%Y-%m-%d}）可无理由退货",
                )
            )
    return advice


@dataclass(frozen=True)
class History:
    """A device's repairs since its sale (or since it was handed over as an exchange), from the
    repair records of every case that carries its serial and sale date."""

    failed_repairs: int = 0  # repairs of the same fault that did not hold
    repair_days: int = 0
    longest_repair_days: int = 0
    parts_wait_days: int = 0  # the longest wait for parts
    exchanged_on: dt.date | None = None
    earlier_cases: tuple[str, ...] = ()


def device_history(serial: str, sold_on: dt.date, fault: str, case_id: int | None, today: dt.date) -> History:
    """What the device's own history says. A repair in an earlier case of the same fault did not
    hold (the device is back with it); in this case, a repair recorded as not fixed did not."""
    exchange = (
        Device.select(Device.exchanged_on)
        .where((Device.new_serial == serial) & Device.exchanged_on.is_null(False))
        .order_by(Device.exchanged_on.desc())
        .first()
    )
    since = exchange.exchanged_on if exchange else sold_on
    same_device = []
    for cid, case_no, bought, invoiced in (
        Purchase.select(Purchase.case, Case.case_no, Purchase.purchase_date, Purchase.invoice_date)
        .join(Case, on=(Purchase.case == Case.id))
        .where(Purchase.serial == serial)
        .tuples()
    ):
        if (invoiced or bought) == sold_on or exchange is not None:  # another sale is another device
            same_device.append((cid, case_no))
    ids = [cid for cid, _ in same_device] + ([case_id] if case_id and case_id not in dict(same_device) else [])
    failed = total = longest = waited = 0
    for work in RepairWork.select().where(RepairWork.case.in_(ids) & (RepairWork.started_on >= since)):
        days = ((work.finished_on or today) - work.started_on).days
        total, longest = total + days, max(longest, days)
        if work.parts_ordered_on:
            waited = max(waited, ((work.parts_arrived_on or today) - work.parts_ordered_on).days)
        if work.fault == fault and (work.case_id != case_id and work.finished_on or work.result == "not_fixed"):
            failed += 1
    earlier = tuple(no for cid, no in same_device if cid != case_id)
    return History(failed, total, longest, waited, exchange.exchanged_on if exchange else None, earlier)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return checks.date(str(value)) if value else None
    except FieldError:
        return None


def advice_for_values(values: dict, case_id: int | None = None, today: dt.date | None = None) -> Advice:
    """The advice for what a form holds now (field key → value as shown), with the device's
    history from the database: it follows every field it reads as the clerk changes it."""
    today = today or clock.today()
    sold = _date(values.get("purchase.invoice_date")) or _date(values.get("purchase.purchase_date"))
    if sold is None:
        return Advice(notes=["未登记购买日期或发票日期，无法给出三包建议"])
    product = BY_CODE.get(values.get("device.product_class") or "") or guess_class(values.get("purchase.product", ""))
    try:
        serial = checks.serial(values.get("purchase.serial") or "")
    except FieldError:
        serial = ""
    fault = values.get("device.fault") or ""
    if case_id:  # the diagnosis names the fault once a repair is recorded
        works = case_file.rows(RepairWork, case_id)
        latest = max(works, key=lambda w: (w.started_on, w.id)) if works else None
        fault = latest.fault if latest else fault
    history = device_history(serial, sold, fault, case_id, today) if serial else History()
    advice = advise(
        Situation(
            product=product,
            sold_on=sold,
            today=today,
            distance_sale=values.get("purchase.channel") in DISTANCE_CHANNELS,
            failed_repairs=history.failed_repairs,
            repair_days=history.repair_days,
            longest_repair_days=history.longest_repair_days,
            parts_wait_days=history.parts_wait_days,
            exchanged_on=history.exchanged_on,
        )
    )
    if not serial:
        advice.notes.insert(0, "未登记序列号/IMEI：无法查到这台设备以前的维修")
    elif history.earlier_cases:
        advice.notes.insert(0, "这台设备以前的送修：" + "、".join(history.earlier_cases))
    price = _fen(values.get("purchase.amount"))
    if price:
        advice.amounts = amounts(price, product, sold, today, history)
    return advice


def warranty_text(case_id: int, today: dt.date | None = None) -> str:
    """The warranty dates before and after what was done to the device, as the slip prints them:
    the period from the sale, extended by the days in repair, restarted by an exchange."""
    today = today or clock.today()
    purchase = Purchase.get_or_none(Purchase.case == case_id) or Purchase()
    device = Device.get_or_none(Device.case == case_id) or Device()
    sold = purchase.invoice_date or purchase.purchase_date
    product = BY_CODE.get(device.product_class or "") or guess_class(purchase.product or "")
    if sold is None or product is None or not product.warranty_months:
        return ""
    months = product.warranty_months
    history = device_history(purchase.serial, sold, device.fault, case_id, today) if purchase.serial else History()
    start = history.exchanged_on or sold
    text = f"{start:%Y-%m-%d} 起 {months} 个月，原至 {add_months(start, months):%Y-%m-%d}"
    if history.repair_days:
        extended = add_months(start, months) + dt.timedelta(days=history.repair_days)
        text += f"；因维修顺延 {history.repair_days} 日，至 {extended:%Y-%m-%d}"
    if device.exchanged_on:
        text += f"；{device.exchanged_on:%Y-%m-%d} 换货，新机自当日起重新计算，至 {add_months(device.exchanged_on, months):%Y-%m-%d}"
    return text + ("" if product.verified else "（待核实）")


def _fen(value) -> int | None:
    if isinstance(value, int):
        return value
    try:
        return checks.amount_fen(str(value)) if value not in (None, "") else None
    except FieldError:
        return None


def advice_for_case(case_id: int, today: dt.date | None = None) -> Advice:
    case = Case.get_by_id(case_id)
    purchase = Purchase.get_or_none(Purchase.case == case) or Purchase()
    device = Device.get_or_none(Device.case == case) or Device()
    return advice_for_values(
        {
            "purchase.invoice_date": purchase.invoice_date,
            "purchase.purchase_date": purchase.purchase_date,
            "purchase.product": purchase.product,
            "purchase.serial": purchase.serial,
            "purchase.channel": purchase.channel,
            "purchase.amount": purchase.amount_fen,
            "device.product_class": device.product_class,
            "device.fault": device.fault,
        },
        case_id,
        today,
    )


@dataclass(frozen=True)
class Amount:
    title: str
    fen: int
    how: str  # the arithmetic, as printed
    rule: str


def amounts(
    price_fen: int, product: ProductClass | None, sold: dt.date, today: dt.date, history: History
) -> list[Amount]:
    """What the customer may claim in money, each with its rule: damages for fraud (CRPL art. 55,
    or Food Safety Law art. 148 for food) and a refund after failed repairs less depreciation."""
    out = []
    if product is not None and product.food:
        times = price_fen * FOOD_TIMES
        out.append(
            Amount(
                "惩罚性赔偿（食品）",
                max(times, FOOD_AT_LEAST_FEN),
                f"价款 {checks.yuan(price_fen)} × {FOOD_TIMES}"
                + ("" if times >= FOOD_AT_LEAST_FEN else f"，不足 {checks.yuan(FOOD_AT_LEAST_FEN)} 元按此计")
                + f"；或损失的 {FOOD_LOSS_TIMES} 倍",
                "食品安全法第一百四十八条",
            )
        )
        return out
    times = price_fen * FRAUD_TIMES
    out.append(
        Amount(
            "欺诈的惩罚性赔偿",
            max(times, FRAUD_AT_LEAST_FEN),
            f"价款 {checks.yuan(price_fen)} × {FRAUD_TIMES}"
            + ("" if times >= FRAUD_AT_LEAST_FEN else f"，不足 {checks.yuan(FRAUD_AT_LEAST_FEN)} 元按此计"),
            "消费者权益保护法第五十五条（经营者有欺诈行为的）",
        )
    )
    if product is not None and product.daily_depreciation and history.failed_repairs >= FAILED_REPAIRS_FOR_EXCHANGE:
        used = max((today - sold).days - history.repair_days - history.parts_wait_days, 0)
        less = round(price_fen * product.daily_depreciation * used)
        out.append(
            Amount(
                "修理两次后退货的退款",
                max(price_fen - less, 0),
                f"价款 {checks.yuan(price_fen)} − 折旧 {checks.yuan(less)}"
                f"（{used} 日 × 日折旧率 {product.daily_depreciation:.2%}，已扣除修理和待修 "
                f"{history.repair_days + history.parts_wait_days} 日）",
                "三包：有效期内修理两次仍不能正常使用的退货，按发票价格扣除折旧费"
                + ("" if product.verified else "（折旧率待核实）"),
            )
        )
    return out


def allows(advice: Advice, remedy: str) -> Entitlement | None:
    """The entitlement that allows `remedy` (repair, exchange, return), if the advice has one."""
    wanted = {"return": ("return", "no_reason_return")}.get(remedy, (remedy,))
    return next((e for e in advice.entitlements if set(wanted) & set(e.remedies)), None)

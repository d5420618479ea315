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

from app import clock
from app.models import Case, Event, Purchase


@dataclass(frozen=True)
class ProductClass:
    code: str
    title: str
    warranty_months: int
    keywords: tuple[str, ...]
    durable: bool = True
    verified: bool = False  # RULES.md 4: phone figures are given; verify the others


CLASSES = [
    ProductClass("phone", "手机主机", 12, ("手机",), durable=True, verified=True),
    ProductClass("battery", "手机电池", 6, ("电池",), durable=False, verified=True),
    ProductClass("charger", "充电器", 12, ("充电器",), durable=False, verified=True),
    ProductClass("wired_headset", "有线耳机", 3, ("有线耳机",), durable=False, verified=True),
    ProductClass("appliance", "家用电器整机", 12, ("空调", "冰箱", "洗衣机", "电视", "热水器", "油烟机")),
    ProductClass("computer", "微型计算机", 12, ("电脑", "笔记本", "平板")),
]
BY_CODE = {c.code: c for c in CLASSES}
DISTANCE_CHANNELS = ("online", "phone_sale", "door_to_door")
FAILED_REPAIRS_FOR_EXCHANGE = 2
PARTS_WAIT_DAYS = 90
REPAIRER_DELAY_DAYS = 30


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
    advice.notes.append(
        "经营者有欺诈行为的，可要求赔偿价款的 3 倍，不足 500 元的按 500 元（消费者权益保护法第五十五条）；"
        "食品为价款 10 倍或损失 3 倍，不足 1000 元的按 1000 元（食品安全法第一百四十八条）"
    )
    return advice


def _repair_history(case_ids: list[int]) -> tuple[int, int, int]:
    """(completed repairs, days in repair, longest repair) over the cases' status events."""
    repairs, total, longest = 0, 0, 0
    for case_id in case_ids:
        entered = None
        for ev in Event.select().where((Event.case == case_id) & (Event.kind == "status")).order_by(Event.at):
            if ev.to_status == "repairing":
                entered = ev.at
            elif ev.from_status == "repairing" and entered is not None:
                days = (ev.at.date() - entered.date()).days
                repairs, total, longest = repairs + 1, total + days, max(longest, days)
                entered = None
    return repairs, total, longest


def advice_for_case(case_id: int, today: dt.date | None = None) -> Advice:
    today = today or clock.today()
    case = Case.get_by_id(case_id)
    purchase = Purchase.get_or_none(Purchase.case == case)
    sold = (purchase.invoice_date or purchase.purchase_date) if purchase else None
    if sold is None:
        return Advice(notes=["未登记购买日期或发票日期，无法给出三包建议"])
    chain, earlier = [case.id], case.earlier_case_id
    while earlier and earlier not in chain and len(chain) < 20:  # the same product's earlier repairs
        chain.append(earlier)
        earlier = Case.get_by_id(earlier).earlier_case_id
    repairs, days, longest = _repair_history(chain)
    exchanged = (
        Event.select(Event.at)
        .where((Event.case.in_(chain)) & (Event.to_status == "exchange"))
        .order_by(Event.at.desc())
        .first()
    )
    return advise(
        Situation(
            product=guess_class(purchase.product),
            sold_on=sold,
            today=today,
            distance_sale=purchase.channel in DISTANCE_CHANNELS,
            failed_repairs=repairs,
            repair_days=days,
            longest_repair_days=longest,
            exchanged_on=exchanged.at.date() if exchanged and exchanged.at.date() >= sold else None,
        )
    )

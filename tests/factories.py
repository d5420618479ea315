"""Valid intake values to start tests from."""

VALID_ID = "11010519491231002X"
VALID_USCC = "91350100M000100Y43"


def intake_values(**overrides) -> dict:
    values = {
        "complainant.name": "张三",
        "complainant.phone": "13812345678",
        "complainant.address": "杭州市西湖区文三路 100 号",
        "business.name": "杭州某某电器有限公司",
        "business.uscc": VALID_USCC,
        "purchase.product": "空调",
        "purchase.brand": "格力",
        "purchase.purchase_date": "2026-08-01",
        "purchase.amount": "3299.00",
        "purchase.channel": "shop",
        "complaint.channel": "walk_in",
        "complaint.category": "quality",
        "complaint.facts": "空调安装后不制冷，多次报修未果，要求退货。",
        "complaint.harm_known_date": "2026-08-10",
        "complaint.demands": ["return", "refund"],
        "complaint.demand_amount": "3299",
        "case.consent_mediation": True,
    }
    values.update({k.replace("__", "."): v for k, v in overrides.items()})
    return values


SESSION = {
    "day": "2026-11-25",
    "time": "09:30",
    "mode": "in_person",
    "place": "本会调解室",
    "mediator": "李调解",
    "summoned": "投诉人、被投诉经营者",
}


def schedule_session(case_id: int, **overrides):
    """A mediation session scheduled two days after the test clock's Monday, as a mediator would."""
    from app import mediation

    return mediation.schedule(case_id, {**SESSION, **overrides}, "王芳")


IMEI = "490154203237518"  # a valid IMEI (its Luhn digit checks)
DEVICE = {
    "purchase.brand": "华为",
    "purchase.model": "nova 13",
    "purchase.serial": IMEI,
    "device.product_class": "phone",
    "device.fault_kind": "performance",
    "device.fault": "power",
    "device.accessories": "充电器",
    "device.appearance": "外观完好",
}


def counter_values(**overrides) -> dict:
    """Intake values for a repair counter: the complaint's and the device taken in."""
    values = {**intake_values(), "purchase.product": "华为手机", **DEVICE}
    values.update({k.replace("__", "."): v for k, v in overrides.items()})
    return values


def values_for(profile: str, **overrides) -> dict:
    return counter_values(**overrides) if profile == "repair_counter" else intake_values(**overrides)

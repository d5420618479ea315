"""Code lists of RULES.md section 5: the database stores the code, people see the label."""

from app.workflow import tables
from app.workflow.tables import MEDIATION_STATES, REPAIR_STATES

GRADES = tables.GRADES  # a complaint's grade (the rule table defines them with their limits)

ID_TYPES = {
    "none": "未登记",
    "resident_id": "居民身份证",
    "passport": "护照",
    "hk_macau_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "other": "其他证件",
}

PURCHASE_CHANNELS = {
    "": "（未填）",
    "shop": "实体店",
    "online": "网络平台",
    "phone_sale": "电话购物",
    "door_to_door": "上门推销",
}

RECEIPT_CHANNELS = {
    "walk_in": "来访",
    "phone": "电话",
    "letter": "信函",
    "email": "电子邮件",
    "web": "网站",
    "12315": "12315 转来",
}

CATEGORIES = {
    "quality": "产品质量",
    "service": "服务态度",
    "false_ad": "虚假宣传",
    "late_delivery": "延迟交货",
    "after_sales": "售后服务",
    "prepaid_card": "预付卡",
    "contract": "合同条款",
    "safety": "安全问题",
    "other": "其他",
}

DEMANDS = {
    "repair": "修理",
    "redo": "重作",
    "exchange": "更换",
    "return": "退货",
    "refund": "退款",
    "compensation": "赔偿",
    "apology": "赔礼道歉",
    "other": "其他",
}

# Every status of every office profile (the workflow tables own them); where two profiles
# share a code the mediation wording is the fallback, the office's own profile comes first
# wherever the program knows it (app.workflow.machine.status_label).
STATUSES = {**REPAIR_STATES, **MEDIATION_STATES}


def label(table: dict[str, str], code: str | None) -> str:
    return table.get(code or "", code or "")


def demand_labels(codes: str, translate=str, joiner: str = "、") -> str:
    """ "return,refund" → 退货、退款 (or, given a translator and its joiner, Return, Refund)."""
    return joiner.join(translate(DEMANDS.get(c, c)) for c in codes.split(",") if c)

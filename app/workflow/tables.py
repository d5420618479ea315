"""The rule tables (RULES.md sections 2–4). Read them against the law, line by line.

Triggers and `met_by` name events: entering a status (its code), or a recorded event
such as `first_contact`. Lengths marked with `setting` are office defaults an
administrator may change; the rest are statutory and change only with a new dated set.
"""

import datetime as dt

from app.workflow.rules import (
    CALENDAR_DAYS,
    HOURS,
    WORKING_DAYS,
    DeadlineRule,
    DocumentKind,
    ProductClass,
    Profile,
    Reason,
    RuleSet,
    Transition,
)

# --- reason codes -------------------------------------------------------------------------

# A: not accepted (SAMR Order 121 art. 16, items 1–7)
REASONS_A = (
    Reason("A1", "不属于市场监督管理部门职责，或本部门无管辖权", "（一）"),
    Reason("A2", "同一纠纷已由人民法院、仲裁机构、其他行政机关或消费者协会受理或处理", "（二）"),
    Reason(
        "A3",
        "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议",
        "（三）",
    ),
    Reason("A4", "消费者知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年", "（四）"),
    Reason("A5", "未提供必要材料，或者提供虚假材料", "（五）"),
    Reason("A6", "冒用他人身份，或者拒不配合身份核验", "（六）"),
    Reason("A7", "法律、法规、规章规定不予受理的其他情形", "（七）"),
)
# A under SAMR Order 20 (2019) art. 15: six items; no identity ground (A6), no false materials
REASONS_A_ORDER_20 = (
    Reason("A1", "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限", "（一）"),
    Reason(
        "A2",
        "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织"
        "已经受理或者处理过同一消费者权益争议",
        "（二）",
    ),
    Reason(
        "A3",
        "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议",
        "（三）",
    ),
    Reason("A4", "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年", "（四）"),
    Reason("A5", "未提供本办法规定的投诉材料", "（五）"),
    Reason("A7", "法律、法规、规章规定不予受理的其他情形", "（六）"),
)
# the consumer association's classic list, in addition to A
REASONS_ASSOCIATION = REASONS_A + (
    Reason("C1", "经营者之间的纠纷"),
    Reason("C2", "个人之间私下交易的纠纷"),
    Reason("C3", "商品已超过保修期"),
    Reason("C4", "处理品、清仓商品已事先声明"),
    Reason("C5", "因使用不当或自行拆修造成损坏"),
    Reason("C6", "无法确定被投诉经营者"),
    Reason("C7", "此前已达成调解协议并已履行，且无新的情况"),
    Reason("C8", "已由法院、仲裁机构或有关行政部门受理"),
)
# B: mediation terminated (Order 121 art. 23, items 1–8)
REASONS_B = (
    Reason("B1", "投诉人撤回投诉，或者双方自行和解", "（一）"),
    Reason("B2", "一方当事人无正当理由不参加调解，或者拒绝调解", "（二）"),
    Reason("B3", "一方当事人表示无法达成调解协议", "（三）"),
    Reason("B4", "双方对检测、鉴定费用的承担无法达成一致", "（四）"),
    Reason("B5", "调解期限内未达成调解协议", "（五）"),
    Reason("B6", "受理后发现不予受理情形，或者发现投诉人涉嫌欺诈（已移送公安机关的应记录）", "（六）"),
    Reason("B7", "一方当事人死亡或者终止", "（七）"),
    Reason("B8", "法律、法规、规章规定的应当终止调解的其他情形", "（八）"),
)
# B under Order 20 art. 22: seven items, in its own order; no death or dissolution (B7), no fraud ground
REASONS_B_ORDER_20 = (
    Reason("B1", "投诉人撤回投诉或者双方自行和解", "（一）"),
    Reason(
        "B4",
        "投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致",
        "（二）",
    ),
    Reason("B2", "投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解", "（三）"),
    Reason("B3", "经组织调解，投诉人或者被投诉人明确表示无法达成调解协议", "（四）"),
    Reason("B5", "自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议", "（五）"),
    Reason("B6", "市场监督管理部门受理投诉后，发现存在不予受理情形", "（六）"),
    Reason("B8", "法律、法规、规章规定的应当终止调解的其他情形", "（七）"),
)
REASONS_REPAIR = (
    Reason("R1", "已超过三包有效期"),
    Reason("R2", "因使用、维护、保管不当造成损坏"),
    Reason("R3", "非承担三包责任者处购买"),
    Reason("R4", "无有效发票和三包凭证，且无法证明购买日期"),
    Reason("R5", "擅自涂改三包凭证，或自行拆机"),
    Reason("R6", "其他（须写明）"),
)

# --- grades (RULES.md 3, seeds 000 and 002) -------------------------------------------------

GRADES = {"ordinary": "一般", "important": "重要", "urgent": "紧急"}
# first contact (D7) by grade, in office hours: 24 h for every complaint, 12 h for an important one,
# an urgent one at once (2 h) and to the supervisor; office defaults an administrator may change
GRADE_FIRST_CONTACT = {"ordinary": 24, "important": 12, "urgent": 2}
GRADE_SETTINGS = {"important": "grade.important.hours", "urgent": "grade.urgent.hours"}
# what makes a complaint urgent or important when it is registered (a proposal the clerk confirms)
URGENT_CATEGORIES = ("safety",)
URGENT_WORDS = (
    "受伤",
    "伤害",
    "烫伤",
    "烧伤",
    "中毒",
    "起火",
    "着火",
    "爆炸",
    "触电",
    "住院",
    "死亡",
    "群体",
    "多名消费者",
    "集体投诉",
    "媒体",
    "记者",
    "曝光",
    "网络舆情",
)
IMPORTANT_WORDS = ("食品", "药品", "婴幼儿", "儿童", "老人", "医疗", "变质", "过期")
IMPORTANT_AMOUNT_FEN = 1_000_000  # 10,000 yuan claimed

# --- profiles -------------------------------------------------------------------------------

MEDIATION_STATES = {
    "received": "已登记",
    "awaiting_identity": "待核实身份",
    "accepted": "已受理",
    "not_accepted": "不予受理",
    "forwarded": "已转办",
    "mediating": "调解中",
    "paused_appraisal": "鉴定中止",
    "suspended_recusal": "回避中止",
    "agreed": "达成协议",
    "terminated": "终止调解",
    "withdrawn": "已撤回",
    "closed": "已办结",
    "archived": "已归档",
}

T = Transition
_DECISIONS = ("received", "awaiting_identity")
FORWARDING = ("to_office", "on", "attachments")  # the receiving office, the day it went, what went with it
MEDIATION_TRANSITIONS = (
    *(T(s, "accepted", "受理") for s in _DECISIONS),
    *(T(s, "not_accepted", "不予受理", reasons="A") for s in _DECISIONS),
    *(T(s, "forwarded", "转办其他部门", asks=FORWARDING) for s in _DECISIONS),
    # a mediation handed to another body (the consumer association, a people's mediation committee)
    # needs both parties' consent to the hand-over (RULES.md 2)
    *(
        T(s, "forwarded", "移交其他机构调解", guards=("handover_consent_both",), asks=FORWARDING)
        for s in ("accepted", "mediating")
    ),
    *(T(s, "withdrawn", "投诉人撤回") for s in _DECISIONS),
    # after acceptance a withdrawal ends the mediation: Order 121 art. 23 (1), ground B1 (RULES.md 2)
    *(T(s, "withdrawn", "投诉人撤回", lands_in="terminated", ground="B1") for s in ("accepted", "mediating")),
    T("received", "awaiting_identity", "要求核实身份"),
    T("accepted", "mediating", "开始调解", guards=("consent_both", "mediator_assigned")),
    T("accepted", "terminated", "终止调解", reasons="B"),
    T("mediating", "paused_appraisal", "中止：检测鉴定", pauses=True),
    T("paused_appraisal", "mediating", "恢复调解"),
    T("mediating", "suspended_recusal", "中止：申请回避"),
    T("suspended_recusal", "mediating", "恢复调解", guards=("mediator_assigned",)),
    T("mediating", "agreed", "达成调解协议", guards=("terms_recorded",)),
    T("mediating", "terminated", "终止调解", reasons="B"),
    *(
        T(s, "closed", "办结", guards=("notices_issued",))
        for s in ("agreed", "terminated", "not_accepted", "forwarded", "withdrawn")
    ),
    T("closed", "archived", "归档"),
    # an appeal against an outcome reopens the case; its history stays on the timeline
    *(
        T(s, "accepted", "申诉：重新办理", guards=("appeal_filed",))
        for s in ("agreed", "terminated", "not_accepted", "closed")
    ),
)

REPAIR_STATES = {
    "received": "已接修",
    "diagnosed": "已检测",
    "repairing": "维修中",
    "exchange": "换货",
    "refund": "退货",
    "ready": "待取机",
    "handed_over": "已交付",
    "follow_up": "回访",
    "rejected": "不予三包",
    "closed": "已办结",
    "archived": "已归档",
}
REPAIR_TRANSITIONS = (
    T("received", "diagnosed", "检测完成"),
    T("received", "rejected", "不予三包", reasons="R"),
    T("diagnosed", "rejected", "不予三包", reasons="R"),
    T("diagnosed", "repairing", "维修", remedy="repair"),
    T("diagnosed", "exchange", "换货", remedy="exchange", asks=("new_serial",)),
    T("diagnosed", "refund", "退货", remedy="return"),
    T("repairing", "exchange", "改为换货", remedy="exchange", asks=("new_serial",)),
    T("repairing", "refund", "改为退货", remedy="return"),
    *(T(s, "ready", "可取机") for s in ("repairing", "exchange", "refund")),
    T("ready", "handed_over", "交付顾客"),
    T("handed_over", "follow_up", "回访"),
    T("follow_up", "closed", "办结", guards=("notices_issued",)),
    T("handed_over", "closed", "办结", guards=("notices_issued",)),
    T("rejected", "closed", "办结", guards=("notices_issued",)),
    T("closed", "archived", "归档"),
    *(T(s, "diagnosed", "申诉：重新检测", guards=("appeal_filed",)) for s in ("rejected", "handed_over", "closed")),
)

# --- the repair counter's catalogue (RULES.md 4) ----------------------------------------------
# Phones and their accessories are given by the rules this program was written from; the other
# classes follow the 三包 catalogue as commonly printed and are shown 待核实 until an office has
# checked them. Depreciation rates (share of the price per day) likewise.
PRODUCT_CLASSES = (
    ProductClass("phone", "手机主机", 12, ("手机",), verified=True, daily_depreciation=0.001),
    ProductClass("battery", "手机电池", 6, ("电池",), durable=False, verified=True),
    ProductClass("charger", "充电器", 12, ("充电器",), durable=False, verified=True),
    ProductClass("wired_headset", "有线耳机", 3, ("有线耳机", "耳机"), durable=False, verified=True),
    ProductClass("tablet", "平板电脑", 12, ("平板",), parts_months=24, parts="主板、显示屏", daily_depreciation=0.001),
    ProductClass(
        "computer",
        "微型计算机",
        12,
        ("电脑", "笔记本"),
        parts_months=24,
        parts="主板、硬盘、显示屏",
        daily_depreciation=0.001,
    ),
    ProductClass("tv", "彩色电视机", 12, ("电视",), parts_months=36, parts="显示屏", daily_depreciation=0.0005),
    ProductClass("fridge", "电冰箱", 12, ("冰箱", "冰柜"), parts_months=36, parts="压缩机", daily_depreciation=0.0005),
    ProductClass("washer", "洗衣机", 12, ("洗衣机",), parts_months=36, parts="电机", daily_depreciation=0.0005),
    ProductClass(
        "air_conditioner", "空调器", 12, ("空调",), parts_months=36, parts="压缩机", daily_depreciation=0.0005
    ),
    ProductClass("water_heater", "热水器", 12, ("热水器",), parts_months=36, parts="内胆", daily_depreciation=0.0005),
    ProductClass("range_hood", "吸油烟机", 12, ("油烟机",), parts_months=36, parts="电机", daily_depreciation=0.0005),
    ProductClass("food", "食品", 0, ("食品", "奶粉", "月饼"), durable=False, food=True),
)
PRODUCT_CLASS_TITLES = {c.code: c.title + ("" if c.verified else "（待核实）") for c in PRODUCT_CLASSES}
FAULT_KINDS = {"performance": "性能故障", "appearance": "外观问题"}
# the fault a repair addresses: a fault that returns after a repair is the same fault again
REPAIR_FAULTS = {
    "power": "不开机/自动重启",
    "screen": "屏幕显示/触摸",
    "battery": "电池/续航/充电",
    "audio": "声音/通话/麦克风",
    "signal": "信号/网络",
    "camera": "摄像头",
    "buttons": "按键/接口",
    "cooling": "制冷/制热",
    "motor": "电机/压缩机/异响",
    "leak": "漏水/漏电",
    "other": "其他",
}
REPAIR_RESULTS = {"fixed": "已修好", "not_fixed": "未修好", "waiting_parts": "等待配件"}

COUNTER = "repair_counter"  # the profile whose office is a repair counter (Profile.counter)
MEDIATION_DECISIONS = ("accepted", "not_accepted", "forwarded")
MEDIATION_REFUSALS = ("not_accepted", "terminated")
PROFILES = {
    "market_regulator": Profile(
        "market_regulator",
        "市场监督管理部门",
        MEDIATION_STATES,
        MEDIATION_TRANSITIONS,
        reasons={"A": REASONS_A, "B": REASONS_B},
        decisions=MEDIATION_DECISIONS,
        refusals=MEDIATION_REFUSALS,
    ),
    "consumer_association": Profile(
        "consumer_association",
        "消费者协会",
        MEDIATION_STATES,
        MEDIATION_TRANSITIONS,
        reasons={"A": REASONS_ASSOCIATION, "B": REASONS_B},
        decisions=MEDIATION_DECISIONS,
        refusals=MEDIATION_REFUSALS,
    ),
    "repair_counter": Profile(
        "repair_counter",
        "维修服务网点（三包）",
        REPAIR_STATES,
        REPAIR_TRANSITIONS,
        reasons={"R": REASONS_REPAIR},
        decisions=("diagnosed", "rejected"),
        refusals=("rejected",),
        counter=True,
    ),
}
# every profile's, for what is stored across profiles (the register's times, the permission checks)
DECISIONS = tuple(dict.fromkeys(s for p in PROFILES.values() for s in p.decisions))
RESOLVED = tuple(dict.fromkeys(s for p in PROFILES.values() for s in p.resolved))
REFUSALS = frozenset(s for p in PROFILES.values() for s in p.refusals)

# every reason code of every profile, for describing a timeline event (a dated set's own wording
# of a ground is what its documents cite; the timeline names the ground)
REASON_TEXT = {r.code: r.text for p in PROFILES.values() for rs in p.reasons.values() for r in rs}

# --- dated rule sets of deadlines (RULES.md 3) ----------------------------------------------

D = DeadlineRule
_DECIDED = (*MEDIATION_DECISIONS, "withdrawn")  # a withdrawal also ends the need to decide
_MEDIATION_ENDED = ("agreed", "terminated", "withdrawn")
_FIRST_CONTACT = D(
    "D7",
    "首次联系投诉人",
    "received",
    24,
    HOURS,
    met_by=("first_contact", *_DECIDED),
    consequence="与投诉人首次联系",
    source="ISO 10002；办公室设置（按办公时间计：工作日的办公时间内计时）",
    setting="deadline.D7.hours",
    office_hours=True,
)
_NOTIFY_TERMINATION = D(
    "D3",
    "终止调解告知",
    "terminated",
    7,
    WORKING_DAYS,
    met_by=("termination_notified", "closed"),
    consequence="告知双方当事人终止调解",
    source="总局令第 121 号第二十三条（待核实）",
)
_VERIFY_LEAD = D(
    "D4",
    "核查违法线索",
    "violation_lead",
    15,
    WORKING_DAYS,
    met_by=("lead_verified",),
    consequence="调解中发现的违法线索须核查（经批准可延长 15 个工作日）",
    source="市场监督管理投诉举报处理暂行办法（待核实）",
    extension=15,
)

RULE_SETS = [
    RuleSet(
        "samr_order_20",
        "市场监管总局令第 20 号（2019）",
        "market_regulator",
        in_force_from=dt.date(2020, 1, 1),
        in_force_until=dt.date(2026, 4, 14),
        reasons={"A": REASONS_A_ORDER_20, "B": REASONS_B_ORDER_20},
        citations={
            "A": "《市场监督管理投诉举报处理暂行办法》第十五条",
            "B": "《市场监督管理投诉举报处理暂行办法》第二十二条",
        },
        deadlines=(
            D(
                "D1",
                "受理决定",
                "received",
                7,
                WORKING_DAYS,
                met_by=_DECIDED,
                consequence="决定是否受理并告知投诉人",
                source="总局令第 20 号第十四条；消费者权益保护法第四十六条",
            ),
            D(
                "D2",
                "调解期限",
                "accepted",
                45,
                WORKING_DAYS,
                met_by=_MEDIATION_ENDED,
                exclude_pauses=True,
                consequence="期满未达成协议的，终止调解（B5）",
                source="总局令第 20 号（检测鉴定时间不计入）",
            ),
            _NOTIFY_TERMINATION,
            _VERIFY_LEAD,
            _FIRST_CONTACT,
        ),
    ),
    RuleSet(
        "samr_order_121",
        "市场监管总局令第 121 号",
        "market_regulator",
        in_force_from=dt.date(2026, 4, 15),
        reasons={"A": REASONS_A, "B": REASONS_B},
        citations={"A": "总局令第 121 号第十六条", "B": "总局令第 121 号第二十三条"},
        deadlines=(
            D(
                "D1",
                "受理决定",
                "received",
                7,
                WORKING_DAYS,
                met_by=_DECIDED,
                consequence="决定是否受理并告知投诉人",
                source="总局令第 121 号第十五条；消费者权益保护法第四十六条",
            ),
            D(
                "D2",
                "调解期限",
                "accepted",
                60,
                CALENDAR_DAYS,
                met_by=_MEDIATION_ENDED,
                exclude_pauses=True,
                consequence="期满未达成协议的，终止调解（B5）",
                source="总局令第 121 号（检测鉴定时间不计入）",
            ),
            _NOTIFY_TERMINATION,
            _VERIFY_LEAD,
            _FIRST_CONTACT,
        ),
    ),
    RuleSet(
        "association_default",
        "消费者协会投诉处理（办公室设置）",
        "consumer_association",
        in_force_from=dt.date(2000, 1, 1),
        deadlines=(
            D(
                "D5",
                "受理决定",
                "received",
                7,
                WORKING_DAYS,
                met_by=_DECIDED,
                consequence="决定是否受理",
                source="消费者协会办法；办公室设置",
                setting="deadline.D5.days",
            ),
            D(
                "D6",
                "调解期限",
                "accepted",
                60,
                CALENDAR_DAYS,
                met_by=_MEDIATION_ENDED,
                exclude_pauses=True,
                consequence="期满未达成协议的，终止调解",
                source="办公室设置",
                setting="deadline.D6.days",
            ),
            _NOTIFY_TERMINATION,
            _FIRST_CONTACT,
        ),
    ),
    RuleSet(
        "repair_sanbao",
        "部分商品修理更换退货责任规定（三包）",
        "repair_counter",
        in_force_from=dt.date(2000, 1, 1),
        deadlines=(
            D(
                "D8",
                "维修响应",
                "received",
                48,
                HOURS,
                met_by=("diagnosed", "rejected"),
                consequence="答复维修请求",
                source="办公室设置",
                setting="deadline.D8.hours",
                office_hours=True,  # 48 hours of the office's opening, as the first contact counts
            ),
            D(
                "D9",
                "退换货审核",
                "return_exchange_request",
                7,
                WORKING_DAYS,
                met_by=("exchange", "refund", "rejected", "repairing"),
                consequence="完成退换货审核",
                source="办公室设置",
                setting="deadline.D9.days",
            ),
        ),
    ),
]

# --- documents and milestones ---------------------------------------------------------------

K = DocumentKind
_BOTH_SIGN = ("投诉人", "被投诉人", "调解员")
_OFFICES = ("market_regulator", "consumer_association")  # who mediates
_COUNTER = (COUNTER,)
DOCUMENT_KINDS = (
    K("intake_receipt", "投诉登记表", "投登", signers=("投诉人", "登记人员"), profiles=_OFFICES),
    K("device_receipt", "接机单", "接机", signers=("顾客（送修）", "顾客（取机）", "接机人员"), profiles=_COUNTER),
    K("identity_notice", "身份核实通知", "投核", required_after=("awaiting_identity",), profiles=_OFFICES),
    K("acceptance_notice", "受理通知书", "投受", required_after=("accepted",), profiles=_OFFICES),
    K(
        "not_accepted_notice",
        "不予受理告知书",
        "投不受",
        required_after=("not_accepted",),
        needs=("理由",),
        profiles=_OFFICES,
    ),
    K("forwarding_notice", "转办告知书", "投转", required_after=("forwarded",), needs=("转办机构",), profiles=_OFFICES),
    K("mediation_notice", "调解通知书", "调通", recipient="both", needs=("拟调解时间",), profiles=_OFFICES),
    K(
        "mediation_agreement",
        "调解协议书",
        "调协",
        recipient="both",
        signers=_BOTH_SIGN,
        required_after=("agreed",),
        needs=("协议条款",),
        profiles=_OFFICES,
    ),
    K(
        "mediation_record",
        "调解记录",
        "调记",
        recipient="both",
        signers=_BOTH_SIGN,
        required_after=("agreed",),
        profiles=_OFFICES,
    ),
    K(
        "termination_notice",
        "终止调解告知书",
        "调终",
        recipient="both",
        required_after=("terminated",),
        milestone="termination_notified",
        needs=("理由",),
        reaches=("complainant", "business"),
        profiles=_OFFICES,
    ),  # it tells both parties (Order 20 art. 23): closing, and D3, wait for both deliveries
    K("written_resolution", "处理结果通知书", "投处", required_after=("rejected",)),
    K("follow_up_record", "回访记录", "回访", needs=("回访日期",)),
    K(
        "repair_slip",
        "维修单 / 三包凭证",
        "维修",
        signers=("顾客", "维修人员"),
        required_after=("diagnosed",),
        needs=("检测结论",),
        profiles=_COUNTER,
    ),
    K("evidence_list", "证据清单", "证清"),
)
DOCUMENTS = {k.code: k for k in DOCUMENT_KINDS}
NOTICE_KINDS = {k.code: k.title for k in DOCUMENT_KINDS}


def documents_for(profile: str) -> dict[str, str]:
    """The documents an office of `profile` issues, code → title."""
    return {k.code: k.title for k in DOCUMENT_KINDS if not k.profiles or profile in k.profiles}


DELIVERY = {"in_person": "当面交付", "post": "邮寄", "sms": "短信", "email": "电子邮件", "phone": "电话告知"}

# Before a case closes, each status it passed through needs one of these issued (RULES.md 7).
REQUIRED_NOTICES = {
    state: tuple(k.code for k in DOCUMENT_KINDS if state in k.required_after)
    for state in dict.fromkeys(s for k in DOCUMENT_KINDS for s in k.required_after)
}

# Things that happen without a change of status but start or stop a deadline.
MILESTONES = {
    "first_contact": "首次联系投诉人",
    "violation_lead": "发现违法线索",
    "lead_verified": "违法线索核查完毕",
    "termination_notified": "已告知双方终止调解",
    "return_exchange_request": "顾客要求退换货",
}
# Issuing these notices is the milestone.
NOTICE_MILESTONES = {k.code: k.milestone for k in DOCUMENT_KINDS if k.milestone}
# Intake by these channels is itself the first contact with the complainant (D7).
CONTACT_CHANNELS = ("walk_in", "phone")

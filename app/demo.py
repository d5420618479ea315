"""Synthetic Chinese complaint cases for demos, screenshots and benchmarks.

Realistic enough to judge the screens by: varied businesses and sectors, products with
brands and models, categories that fit the problem, facts from one line to several
paragraphs, dates spread over two years. Written in bulk (one transaction per batch),
with case numbers, timeline and search index exactly as intake would leave them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Callable

from app import clock, permissions, records, whole_cases
from app.bulk import insert_all
from app.checks import _USCC_ALPHABET, _USCC_WEIGHTS
from app.models import Investigation, database
from app.workflow.tables import CONTACT_CHANNELS

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文辉鑫华建国红梅玉兰志强海燕春花晓东雪梅子涵浩然欣怡宇轩梓萱一诺"
CITIES = [
    ("杭州市", ["西湖区", "上城区", "拱墅区", "滨江区", "余杭区"]),
    ("南京市", ["鼓楼区", "玄武区", "秦淮区", "建邺区"]),
    ("成都市", ["锦江区", "青羊区", "武侯区", "成华区", "高新区"]),
    ("武汉市", ["江汉区", "武昌区", "洪山区", "江岸区"]),
    ("广州市", ["天河区", "越秀区", "海珠区", "番禺区"]),
    ("西安市", ["雁塔区", "碑林区", "未央区"]),
    ("长沙市", ["岳麓区", "芙蓉区", "天心区"]),
    ("郑州市", ["金水区", "二七区", "中原区"]),
]
ROADS = [
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "文化路",
    "新华路",
    "和平路",
    "胜利路",
    "长江路",
    "学府路",
    "滨江大道",
    "科技园路",
]
HANDLERS = ["李晓明", "王芳", "陈建国", "赵雪梅", "刘洋", "周敏"]
PLATFORMS = ["淘宝", "京东", "拼多多", "抖音", "美团", "唯品会"]


@dataclass(frozen=True)
class Sector:
    shop_words: tuple[str, ...]
    suffixes: tuple[str, ...]
    products: tuple[tuple[str, tuple[str, ...], int, int], ...]  # name, brands, min price, max price
    problems: tuple[tuple[str, str, tuple[str, ...]], ...]  # category, problem text, demands


SECTORS = [
    Sector(
        ("苏宁", "国美", "百佳", "恒信", "永乐", "万家"),
        ("电器商行", "家电有限公司", "电器城"),
        (
            ("空调", ("格力", "美的", "海尔", "奥克斯"), 2299, 8999),
            ("冰箱", ("海尔", "美的", "西门子", "容声"), 1899, 12999),
            ("洗衣机", ("小天鹅", "海尔", "松下"), 1299, 6999),
            ("电视机", ("海信", "TCL", "小米", "创维"), 1599, 15999),
            ("燃气热水器", ("万和", "林内", "A.O.史密斯"), 1299, 5999),
        ),
        (
            ("quality", "安装后不到一个月就出现{fault}，售后上门检测后称需要返厂维修", ("exchange", "refund")),
            (
                "after_sales",
                "报修后售后人员迟迟不上门，至今已等待{days}天，多次打电话均被推诿",
                ("repair", "compensation"),
            ),
            ("false_ad", "商家宣传“一级能效、静音”，实际使用噪音很大，与宣传不符", ("return", "compensation")),
            ("safety", "使用中出现{fault}，险些引起火灾，担心存在安全隐患", ("return", "compensation", "apology")),
        ),
    ),
    Sector(
        ("迅达", "华强", "优品", "星辰", "数码港", "极客"),
        ("数码专营店", "通讯器材店", "电子科技有限公司"),
        (
            ("手机", ("华为", "小米", "苹果", "OPPO", "vivo", "荣耀"), 999, 9999),
            ("笔记本电脑", ("联想", "华为", "戴尔", "惠普"), 3499, 14999),
            ("平板电脑", ("华为", "苹果", "小米"), 1499, 7999),
            ("智能手表", ("华为", "小米", "苹果"), 399, 3999),
            ("蓝牙耳机", ("华为", "苹果", "漫步者"), 199, 1999),
        ),
        (
            ("quality", "购买后{days}天出现{fault}，已维修两次仍未修好，要求按三包规定换货", ("exchange", "refund")),
            ("after_sales", "送修后维修点称主板进水不予保修，但本人从未让设备进水，对检测结论有异议", ("repair",)),
            ("false_ad", "店员承诺“全新正品、国行保修”，回家查询序列号发现是翻新机", ("refund", "compensation")),
            ("contract", "购买时被要求必须办理合约套餐才能享受优惠，事先未告知违约金条款", ("refund",)),
        ),
    ),
    Sector(
        ("力健", "悦动", "型动", "乐活", "维美", "丽人"),
        ("健身俱乐部", "美容美发店", "游泳馆", "瑜伽馆"),
        (
            ("健身年卡", ("",), 1888, 6800),
            ("美容护理套餐", ("",), 980, 19800),
            ("游泳次卡", ("",), 600, 3000),
            ("私教课程", ("",), 3000, 26000),
        ),
        (
            ("prepaid_card", "办卡后不到{months}个月门店突然关门，联系不上负责人，卡内余额无法使用", ("refund",)),
            ("prepaid_card", "门店以装修为由停业，要求转到{far}门店使用，距离太远无法接受", ("refund",)),
            ("contract", "合同写明“一经售出概不退款”，本人因身体原因无法继续，要求退还剩余费用", ("refund",)),
            ("service", "教练多次迟到、课程缩水，投诉后态度恶劣", ("refund", "apology")),
        ),
    ),
    Sector(
        ("顺丰", "美味", "老字号", "鲜生活", "好邻居"),
        ("食品商行", "超市", "餐饮管理有限公司"),
        (
            ("月饼礼盒", ("",), 128, 698),
            ("婴幼儿奶粉", ("飞鹤", "伊利", "君乐宝"), 198, 498),
            ("食用油", ("金龙鱼", "鲁花"), 59, 199),
            ("外卖套餐", ("",), 25, 168),
        ),
        (
            ("quality", "食用时发现{foreign}，当晚出现腹泻症状", ("refund", "compensation")),
            ("quality", "收到的商品已过保质期{days}天，商家拒绝退换", ("return", "compensation")),
            ("false_ad", "包装宣称“零添加”，配料表中却含有防腐剂", ("refund", "compensation")),
        ),
    ),
    Sector(
        ("安居", "美家", "匠心", "佳和", "锦绣"),
        ("装饰工程有限公司", "家居建材店", "门窗有限公司"),
        (
            ("房屋装修", ("",), 30000, 180000),
            ("定制橱柜", ("欧派", "志邦", "金牌"), 8000, 46000),
            ("实木地板", ("大自然", "圣象"), 6000, 38000),
            ("断桥铝门窗", ("",), 9000, 52000),
        ),
        (
            ("late_delivery", "合同约定{days}天内完工交付，现已逾期一个多月仍未完工", ("compensation",)),
            ("quality", "安装完成后出现{fault}，要求返工被拖延", ("redo", "compensation")),
            ("contract", "施工中多次以“增项”为由加价，总价超出合同约定近三成", ("refund",)),
        ),
    ),
    Sector(
        ("途乐", "畅游", "四季", "环球"),
        ("旅行社有限公司", "国际旅行社", "酒店管理有限公司"),
        (
            ("跟团游", ("",), 1980, 12800),
            ("酒店预订", ("",), 299, 3999),
            ("机票", ("",), 580, 6800),
        ),
        (
            ("contract", "行程中导游强制购物，擅自减少合同约定的景点", ("refund", "compensation")),
            ("service", "到店后酒店称房间已满，临时安排的房间与预订房型不符", ("refund", "apology")),
            ("other", "因航班取消申请退款，平台扣除高额手续费", ("refund",)),
        ),
    ),
]
FAULTS = [
    "不制冷",
    "噪音很大",
    "漏水",
    "频繁死机",
    "屏幕闪烁",
    "无法开机",
    "电池鼓包",
    "异常发热",
    "漏电",
    "异味",
    "开裂",
    "脱落",
]
FOREIGN = ["异物", "头发", "塑料碎片", "霉变", "虫子"]
EXTRA = [
    "本人多次到店协商，店长均以“需要请示总部”为由拖延处理。",
    "我保留了购物小票、付款记录和聊天截图，可以提供。",
    "商家在电话中承认存在问题，但只同意维修，不同意退换。",
    "家中老人小孩都在使用，出于安全考虑不敢继续使用。",
    "曾向平台客服投诉，平台称需与商家自行协商。",
    "希望消协帮助调解，维护消费者的合法权益。",
    "商家客服多次挂断电话，态度恶劣。",
    "已经影响到正常生活和工作，请尽快处理。",
]


def make_uscc(rng: random.Random) -> str:
    body = (
        "91"
        + "".join(rng.choice("0123456789") for _ in range(6))
        + "".join(rng.choice(_USCC_ALPHABET) for _ in range(9))
    )
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_ALPHABET[(31 - total % 31) % 31]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES[:-2]) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def _address(rng: random.Random, city: str, district: str) -> str:
    return f"{city}{district}{rng.choice(ROADS)}{rng.randint(1, 999)}号"


STATUS_PATHS = [
    (["received"], 0.10),
    (["received", "accepted"], 0.10),
    (["received", "accepted", "mediating"], 0.12),
    (["received", "not_accepted", "closed"], 0.08),
    (["received", "accepted", "mediating", "agreed", "closed"], 0.30),
    (["received", "accepted", "mediating", "terminated", "closed"], 0.10),
    (["received", "accepted", "mediating", "agreed", "closed", "archived"], 0.20),
]


# what an investigation of a complaint of each category tends to find (weights of app.records.CAUSES)
CAUSE_WEIGHTS = {
    "quality": {"product_defect": 70, "misuse": 15, "transport": 10, "other": 5},
    "safety": {"product_defect": 80, "installation": 15, "misuse": 5},
    "after_sales": {"staff": 50, "product_defect": 30, "installation": 20},
    "late_delivery": {"transport": 70, "staff": 30},
    "service": {"staff": 90, "other": 10},
}
FINDINGS = {
    "product_defect": "送检及现场查看确认为产品本身质量问题",
    "transport": "外包装破损，确认为运输途中损坏",
    "installation": "安装人员未按说明书要求安装",
    "misuse": "使用方式与说明书不符",
    "staff": "经营者店员未如实告知，服务存在过错",
    "other": "双方说法不一，已调取购物记录核实",
}
INVESTIGATED = ("accepted", "mediating", "agreed", "terminated")


def _investigation(rng: random.Random, item: dict, received: dt.datetime) -> dict | None:
    """An investigation with its cause for a case that got past acceptance (most of them)."""
    weights = CAUSE_WEIGHTS.get(item["complaint"]["category"])
    if not weights or not set(item["path"]) & set(INVESTIGATED) or rng.random() < 0.3:
        return None
    cause = rng.choices(list(weights), weights=list(weights.values()))[0]
    held = min(received + dt.timedelta(days=3), clock.now())
    return dict(
        held_on=held.date(),
        checked="查看商品实物、购物凭证，询问双方",
        with_whom=item["business"]["contact"],
        findings=FINDINGS[cause],
        cause=cause,
        recorded_by=item["handler"],
        recorded_at=held.replace(microsecond=0),
    )


def _one(rng: random.Random, received: dt.datetime, businesses: list) -> dict:
    city, districts = rng.choice(CITIES)
    biz = rng.choice(businesses)
    sector = biz["sector"]
    product, brands, low, high = rng.choice(sector.products)
    brand = rng.choice(brands)
    category, problem, demands = rng.choice(sector.problems)
    price = rng.randint(low, high)
    bought = received.date() - dt.timedelta(days=rng.randint(1, 300))
    online = rng.random() < 0.35
    fill = dict(
        fault=rng.choice(FAULTS),
        days=rng.randint(3, 60),
        months=rng.randint(1, 11),
        far=rng.choice(districts),
        foreign=rng.choice(FOREIGN),
    )
    facts = (
        f"{bought:%Y年%m月%d日}在{biz['row']['name']}购买{brand}{product}，价格{price}元。"
        + problem.format(**fill)
        + "。"
    )
    length = rng.choices((0, 1, 3, 8), weights=(35, 35, 20, 10))[0]
    if length:
        facts += "".join(rng.choice(EXTRA) for _ in range(length))
        if length >= 8:
            facts += "\n\n" + "".join(rng.choice(EXTRA) for _ in range(length))
    age = (clock.now() - received).days
    paths = STATUS_PATHS if age < 90 else [(p, w) for p, w in STATUS_PATHS if p[-1] in ("closed", "archived")]
    path = rng.choices([p for p, _ in paths], weights=[w for _, w in paths])[0]
    path = path[: max(1, min(len(path), 1 + age // 10))]  # recent cases are earlier in their life
    return {
        "complainant": dict(
            name=_name(rng),
            phone=_phone(rng),
            address=_address(rng, city, rng.choice(districts)),
        ),
        "business": biz["row"],
        "purchase": dict(
            product=product,
            brand=brand,
            model=(f"{rng.choice('ABCKMSX')}{rng.randint(10, 990)}" if brand else ""),
            purchase_date=bought,
            invoice_date=bought if rng.random() < 0.7 else None,
            amount_fen=price * 100,
            channel="online" if online else "shop",
            order_no=str(rng.randint(10**15, 10**16 - 1)) if online else "",
        ),
        "complaint": dict(
            channel=rng.choices(["walk_in", "phone", "web", "12315", "letter"], weights=(30, 25, 15, 25, 5))[0],
            category=category,
            facts=facts,
            harm_known_date=min(bought + dt.timedelta(days=rng.randint(0, 30)), received.date()),
            demands=",".join(demands),
            demand_amount_fen=price * 100 if "refund" in demands or "return" in demands else rng.randint(1, 50) * 10000,
        ),
        "path": path,
        # letters and web complaints: the clerk calls back within hours, unless it came in today
        "contact_after": dt.timedelta(hours=rng.randint(1, 20)) if age >= 1 else None,
        "handler": rng.choice(HANDLERS),
        "consent_mediation": len(path) > 2,
    }


def _businesses(rng: random.Random, count: int) -> list[dict]:
    out = []
    for _ in range(count):
        sector = rng.choice(SECTORS)
        city, districts = rng.choice(CITIES)
        district = rng.choice(districts)
        name = f"{city[:-1]}{district[:-1]}{rng.choice(sector.shop_words)}{rng.choice(sector.suffixes)}"
        online = rng.random() < 0.3
        out.append(
            {
                "sector": sector,
                "row": dict(
                    name=name,
                    uscc=make_uscc(rng) if rng.random() < 0.6 else "",
                    address=_address(rng, city, district),
                    phone=_phone(rng),
                    contact=_name(rng),
                    platform=rng.choice(PLATFORMS) if online else "",
                    shop=f"{name[2:6]}官方旗舰店" if online else "",
                ),
            }
        )
    return out


def generate(
    count: int,
    seed: int = 2026,
    years: float = 2.0,
    batch: int = 1000,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add `count` synthetic cases received over the last `years`; returns how many."""
    permissions.require("import")  # invented cases in an office's database: who may import may do it
    rng = random.Random(seed)
    now = clock.now().replace(microsecond=0)
    span = int(years * 365 * 24 * 3600)
    times = sorted(now - dt.timedelta(seconds=rng.randint(0, span)) for _ in range(count))
    businesses = _businesses(rng, max(20, count // 25))
    findings = random.Random(f"{seed}-findings")  # its own stream: the cases stay what each seed always gave
    done = 0
    for start in range(0, count, batch):
        chunk = [_one(rng, t, businesses) for t in times[start : start + batch]]
        with database.atomic():
            _write_batch(chunk, times[start : start + batch], findings)
        done += len(chunk)
        if progress:
            progress(done, count)
    return done


def _write_batch(chunk: list[dict], times: list[dt.datetime], findings: random.Random) -> None:
    items, found = [], []
    for c, t in zip(chunk, times):
        events = [dict(at=t, actor=c["handler"], kind="created", to_status="received", note="登记投诉")]
        found.append(_investigation(findings, c, t))
        if found[-1]:
            kept = {k: found[-1][k] for k in ("held_on", "checked", "with_whom", "findings", "cause")}
            events.append(
                dict(
                    at=found[-1]["recorded_at"],
                    actor=c["handler"],
                    kind="record",
                    field="investigation",
                    data={"values": records.stored(kept)},
                )
            )
        if c["complaint"]["channel"] in CONTACT_CHANNELS:
            events.append(dict(at=t, actor=c["handler"], kind="milestone", field="first_contact"))
        elif c["contact_after"] is not None:
            events.append(
                dict(
                    at=t + c["contact_after"],
                    actor=c["handler"],
                    kind="milestone",
                    field="first_contact",
                    note="电话联系投诉人",
                )
            )
        for i, (a, b) in enumerate(zip(c["path"], c["path"][1:])):
            events.append(
                dict(at=t + dt.timedelta(days=2 + 5 * i), actor=c["handler"], kind="status", from_status=a, to_status=b)
            )
        items.append(
            dict(
                complainant=c["complainant"],
                business=c["business"],
                purchase=c["purchase"],
                complaint=c["complaint"],
                case=dict(
                    status=c["path"][-1], received_at=t, handler=c["handler"], consent_mediation=c["consent_mediation"]
                ),
                events=events,
            )
        )
    ids = whole_cases.write(items)
    insert_all(Investigation, [{**row, "case": cid} for cid, row in zip(ids, found) if row])

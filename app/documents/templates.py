"""The wording of each document, as text the office can adjust (not code).

A template is plain paragraphs with placeholders in braces, such as {案件号} or {投诉人};
`save()` refuses a template naming a placeholder the program does not fill, so a typo is
caught when the office edits the wording, not when a notice is printed.

Each office language has its own wording: the default comes from the translation catalogue
("templates" context), placeholders may be written in that language ({case_no}, {案件號}),
and an office's own wording is kept per language.
"""

from __future__ import annotations

import functools
import string

from app import i18n, permissions, settings
from app.errors import ComplaintDeskError
from app.models import database

PLACEHOLDERS = {
    "案件号": "案件编号",
    "查询码": "状态查询码",
    "登记日期": "登记日期（中文）",
    "投诉人": "投诉人姓名",
    "投诉人电话": "投诉人电话（寄经营者的文书自动遮蔽）",
    "投诉人地址": "投诉人通信地址",
    "代理人": "代理人",
    "经营者": "经营者名称",
    "经营者地址": "经营地址",
    "统一社会信用代码": "统一社会信用代码",
    "商品": "商品或服务",
    "品牌型号": "品牌和型号",
    "序列号": "序列号/IMEI",
    "购买日期": "购买日期",
    "购买金额": "购买金额（元）",
    "投诉事实": "投诉事实",
    "投诉请求": "投诉请求",
    "请求金额": "请求金额（元）",
    "经办人": "经办人",
    "调解员": "调解员",
    "理由": "最近一次决定的理由",
    "理由依据": "该理由在案件所适用规章中的条款（依据……，）；无规章条款时为空",
    "转办机构": "转办或移交的接收机构",
    "转办日期": "转送或移交的日期",
    "移送材料": "随附转送的材料",
    "办公室": "办公室名称",
    "办公室地址": "办公室地址",
    "办公室电话": "办公室电话",
    "文书日期": "出具日期（中文）",
    "调解结果": "最近一次调解的结果",
    "调解时间": "最近一次调解的日期",
    "调解方式": "最近一次调解的方式",
    "补救措施": "最近一次补救措施",
    "检测结论": "最近一次调查或检测的结论",
    "调查经过": "最近一次调查查了什么",
    "调查原因": "最近一次调查认定的原因",
    "调查情况": "最近一次调查：查了什么、结论、原因",
    "协议条款": "全部协议条款，逐条编号（履行方、期限、方式、金额、内容）",
    "调解地点": "最近一次调解的地点",
    "拟调解时间": "已安排的调解：日期和开始时间",
    "拟调解地点": "已安排的调解：地点或会议号",
    "拟调解方式": "已安排的调解：现场、视频或电话",
    "参加人员": "已安排的调解：通知参加的人员",
    "携带材料": "已安排的调解：需携带的材料",
    "回访日期": "最近一次回访的日期",
    "回访方式": "最近一次回访的方式",
    "满意度": "最近一次回访的满意度",
    "回访备注": "最近一次回访的备注",
    "经营者电话": "经营者电话",
    "购买渠道": "购买渠道",
    "订单号": "订单号",
    "受理渠道": "投诉来源（来访、电话、12315 等）",
    "投诉类别": "投诉类别",
    "等级": "投诉等级（一般、重要、紧急）",
    "处理结果": "办结前最后的决定及其理由",
    "商品类别": "三包商品类别（未核实的注明待核实）",
    "故障类型": "性能故障或外观问题",
    "故障部位": "接机时登记、检测后确认的故障部位",
    "随机附件": "接机时收到的附件",
    "外观": "接机时的外观",
    "报价": "维修报价（元）及顾客是否同意",
    "预计完成": "预计完成日期",
    "三包建议": "出具时的三包建议：可选的处理方式、理由和依据",
    "可主张金额": "顾客可主张的金额及其计算和依据",
    "维修记录": "每次维修：日期、故障部位、检测结论、更换配件、结果",
    "更换配件": "历次维修更换的配件",
    "维修人员": "最近一次维修的维修人员",
    "处理方式": "选择的处理方式及其依据；不在三包建议之内的，写明理由",
    "三包有效期": "三包有效期：原期限、因维修顺延、换货后重新计算",
    "新机序列号": "换货后新机的序列号/IMEI",
    "取机时间": "顾客取机的时间",
}

DEFAULTS = {
    "intake_receipt": "{投诉人}："
    "\n您于{登记日期}向本机构提出的投诉已登记，案件号 {案件号}，查询码 {查询码}。请凭案件号和查询码查询办理进度。"
    "\n投诉人：{投诉人}　电话：{投诉人电话}　地址：{投诉人地址}　代理人：{代理人}"
    "\n被投诉经营者：{经营者}　地址：{经营者地址}　电话：{经营者电话}"
    "\n商品或服务：{商品} {品牌型号}　序列号：{序列号}"
    "\n购买日期：{购买日期}　金额：{购买金额}　渠道：{购买渠道}　订单号：{订单号}"
    "\n投诉来源：{受理渠道}　类别：{投诉类别}　等级：{等级}"
    "\n投诉事实：{投诉事实}"
    "\n投诉请求：{投诉请求} {请求金额}"
    "\n经办人：{经办人}　联系电话：{办公室电话}",
    "identity_notice": "{投诉人}：\n为办理您的投诉（案件号 {案件号}），请于收到本通知之日起五个工作日内提供有效身份证明"
    "（居民身份证或其他身份证件）的复印件。逾期未提供的，本机构将不予受理。",
    "acceptance_notice": "{投诉人}：\n您于{登记日期}提出的关于{经营者}的投诉（案件号 {案件号}），经审查符合受理条件，"
    "本机构决定受理。\n经办人：{经办人}，联系电话：{办公室电话}。",
    "not_accepted_notice": "{投诉人}："
    "\n您于{登记日期}提出的关于{经营者}的投诉（案件号 {案件号}），经审查，因{理由}，{理由依据}本机构决定不予受理。"
    "\n依照《中华人民共和国消费者权益保护法》第三十九条，您还可以通过下列途径解决争议：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。",
    "forwarding_notice": "{投诉人}：\n您于{登记日期}提出的投诉（案件号 {案件号}），"
    "本机构已于{转办日期}转送{转办机构}处理，随附{移送材料}。请与{转办机构}联系。",
    "mediation_notice": "{投诉人}、{经营者}：\n本机构定于{拟调解时间}以{拟调解方式}方式（{拟调解地点}）"
    "就案件 {案件号} 组织调解，调解员 {调解员}。"
    "\n请{参加人员}准时参加，并携带{携带材料}。"
    "\n当事人认为调解员与本案有利害关系或者有其他关系可能影响公正调解的，可以在调解开始前申请回避。"
    "无正当理由不参加调解的，视为不同意调解，本机构将终止调解。",
    "mediation_agreement": "案件号：{案件号}"
    "\n投诉人：{投诉人}　地址：{投诉人地址}　代理人：{代理人}"
    "\n被投诉人：{经营者}　地址：{经营者地址}　统一社会信用代码：{统一社会信用代码}"
    "\n一、投诉事实：{投诉事实}"
    "\n二、投诉请求：{投诉请求} {请求金额}"
    "\n三、经本机构主持调解，双方自愿达成如下协议："
    "\n{协议条款}"
    "\n四、本协议经双方签字（盖章）后生效，双方应自觉履行。",
    "mediation_record": "案件号：{案件号}"
    "\n调解时间：{调解时间}　方式：{调解方式}　地点：{调解地点}"
    "\n调解员：{调解员}"
    "\n调解结果：{调解结果}",
    "termination_notice": "{投诉人}、{经营者}：\n关于案件 {案件号}，因{理由}，{理由依据}本机构决定终止调解。"
    "双方可以依法申请仲裁或者向人民法院提起诉讼。",
    "written_resolution": "{投诉人}："
    "\n关于您对{经营者}的投诉（案件号 {案件号}），经调查：{调查情况}"
    "\n处理结果：{处理结果}"
    "\n{协议条款}"
    "\n如对处理结果有异议，可在收到本通知之日起十五日内申诉。",
    "follow_up_record": "案件号：{案件号}"
    "\n投诉人：{投诉人}　被投诉人：{经营者}"
    "\n回访日期：{回访日期}　方式：{回访方式}　满意度：{满意度}"
    "\n回访情况：{回访备注}"
    "\n回访人：{经办人}",
    "device_receipt": "单号：{案件号}　查询码：{查询码}"
    "\n顾客：{投诉人}　电话：{投诉人电话}"
    "\n商品：{商品} {品牌型号}　类别：{商品类别}"
    "\n序列号/IMEI：{序列号}"
    "\n购买日期：{购买日期}　购买金额：{购买金额}"
    "\n故障现象：{投诉事实}"
    "\n故障类型：{故障类型}　故障部位：{故障部位}"
    "\n随机附件：{随机附件}"
    "\n外观：{外观}"
    "\n报价：{报价}　预计完成：{预计完成}"
    "\n三包建议：{三包建议}"
    "\n请凭本单和查询码取机。取机时请当面查验，签字即表示设备和附件已如数领回。",
    "repair_slip": "单号：{案件号}　查询码：{查询码}"
    "\n顾客：{投诉人}　电话：{投诉人电话}"
    "\n商品：{商品} {品牌型号}　序列号/IMEI：{序列号}"
    "\n购买日期：{购买日期}　购买金额：{购买金额}"
    "\n故障现象：{投诉事实}"
    "\n检测结论：{检测结论}"
    "\n维修记录：{维修记录}"
    "\n更换配件：{更换配件}"
    "\n三包建议：{三包建议}"
    "\n处理方式：{处理方式}"
    "\n可主张金额：{可主张金额}"
    "\n三包有效期：{三包有效期}"
    "\n新机序列号/IMEI：{新机序列号}"
    "\n取机时间：{取机时间}"
    "\n维修人员：{维修人员}"
    "\n换货/退货专用章：",
    "evidence_list": "案件号：{案件号}　投诉人：{投诉人}　被投诉人：{经营者}",
}


class TemplateError(ComplaintDeskError):
    """A template names something the program cannot fill; the message says what."""


def names(language: str) -> dict[str, str]:
    """Placeholder name in `language` → its Chinese name (the key values are filled under)."""
    t = i18n.translator(language, "placeholders")
    return {t(name): name for name in PLACEHOLDERS}


@functools.cache
def _aliases() -> dict[str, str]:
    """Every language's placeholder name → the Chinese name; the catalogues do not change while running."""
    return {alias: name for language in i18n.LANGUAGES for alias, name in names(language).items()}


def placeholders_in(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise TemplateError("花括号不成对：{reason}", reason=str(exc)) from None


def check(text: str) -> None:
    unknown = sorted(placeholders_in(text) - set(_aliases()))
    if "" in placeholders_in(text):
        raise TemplateError("出现了空的 {}，请写明要填入的项目，如 {案件号}")
    if unknown:
        raise TemplateError(
            "不认识的填入项：{unknown}（可用：{known}）",
            unknown=["{" + u + "}" for u in unknown],
            known=list(PLACEHOLDERS),
        )


def _key(kind: str, language: str) -> str:
    return f"template.{kind}" if language == i18n.SOURCE else f"template.{kind}.{language}"


def default(kind: str, language: str = i18n.SOURCE) -> str:
    return i18n.translator(language, "templates")(DEFAULTS[kind])


def get(kind: str, language: str | None = None) -> str:
    language = language or i18n.office_language()
    stored = settings.get(_key(kind, language))
    return stored if stored is not None else default(kind, language)


def save(kind: str, text: str, language: str | None = None) -> None:
    permissions.require("settings.office")
    if kind not in DEFAULTS:
        raise TemplateError("未知的文书类型：{kind}", kind=kind)
    check(text)
    key = _key(kind, language or i18n.office_language())
    with database.atomic():
        settings.put(key, text)


def reset(kind: str, language: str | None = None) -> None:
    permissions.require("settings.office")
    settings.remove(_key(kind, language or i18n.office_language()))


def fill(text: str, values: dict[str, str]) -> str:
    """Values are keyed by the Chinese names; a placeholder in any language's names is filled."""
    return text.format_map({alias: values.get(name, "") for alias, name in _aliases().items()})

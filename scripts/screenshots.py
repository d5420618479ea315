"""Screenshots of the real program for the README: `make screenshots` (offscreen)."""

import os
import sys
import tempfile
from pathlib import Path

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a 1366×768 counter screen, not Qt's 800×800
    _screen = Path(tempfile.mkdtemp()) / "screen.json"
    _screen.write_text('{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.setdefault("COMPLAINTDESK_NOW", "2026-11-23T10:00:00")  # the same pictures on any day
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import datetime as dt  # noqa: E402

from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from app import cases, clock, db, demo, evidence, improvements, mediation, records, startup, workload  # noqa: E402
from app.documents import issuing  # noqa: E402
from app.session import current_operator  # noqa: E402
from app.workflow import machine, tables  # noqa: E402
from ui import main  # noqa: E402


def settle():
    for _ in range(3):
        QApplication.processEvents()


def encoded(image, kind: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind)
    return bytes(data)


def picture(color: str, text: str) -> bytes:
    """A stand-in photo with a caption, as JPEG bytes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    painter = QPainter(image)
    painter.setPen(Qt.GlobalColor.white)
    font = QFont(main.UI_FONT_FAMILY)
    font.setPointSize(40)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return encoded(image, "JPG")


def seal_image() -> bytes:
    """A stand-in red seal (样章) for the letterhead settings."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    red = QColor(200, 0, 0, 200)
    painter.setPen(QPen(red, 14))
    painter.drawEllipse(QRectF(12, 12, 376, 376))
    font = QFont(main.UI_FONT_FAMILY)
    font.setPointSize(48)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "★\n样章")
    painter.end()
    return encoded(image, "PNG")


def documents(out: Path, case_id: int, repair_id: int) -> None:
    """Every kind of document as issued, first page as PNG (pdftoppm), and page 2 of a long one."""
    import subprocess

    folder = out / "documents"
    folder.mkdir(exist_ok=True)
    machine.set_office_profile("market_regulator")
    refused = cases.intake(
        {
            "complainant.name": "刘建华",
            "complainant.phone": "13606661234",
            "business.name": "某某建材批发部",
            "purchase.product": "瓷砖 200 箱",
            "purchase.amount": "36000",
            "complaint.channel": "phone",
            "complaint.category": "quality",
            "complaint.facts": "为装修出租房批量采购瓷砖，部分有色差，要求退货。",
        },
        actor="李晓明",
    )
    machine.transition(refused.id, "not_accepted", "李晓明", reason="A3", note="批量采购用于经营")
    ended = cases.intake(
        {
            "complainant.name": "何丽",
            "complainant.phone": "13511112222",
            "business.name": "某某美容店",
            "purchase.product": "美容年卡",
            "purchase.amount": "6800",
            "complaint.channel": "walk_in",
            "complaint.category": "prepaid_card",
            "complaint.facts": "美容店停业，预付卡余额无法使用，要求退还余额。",
            "case.consent_mediation": True,
        },
        actor="李晓明",
    )
    machine.transition(ended.id, "accepted", "李晓明")
    machine.transition(ended.id, "terminated", "李晓明", reason="B2", note="经营者两次无故缺席")
    # what the agreement, the resolution and the follow-up record exist to say
    records.add(
        case_id,
        "investigation",
        {
            "held_on": "2026-11-16",
            "checked": "查看空调外机、安装单和维修记录",
            "with_whom": "经营者售后主管",
            "findings": "压缩机启动电容损坏",
            "cause": "product_defect",
        },
        "李晓明",
    )
    records.add(
        case_id,
        "remedy",
        {
            "kind": "exchange",
            "amount": "",
            "by_whom": "business",
            "what": "更换同型号新机并上门安装",
            "due_on": "2026-11-30",
        },
        "李晓明",
    )
    records.add(
        case_id,
        "remedy",
        {
            "kind": "compensation",
            "amount": "300",
            "by_whom": "business",
            "what": "补偿误工费，转账支付",
            "due_on": "2026-12-04",
        },
        "李晓明",
    )
    records.add(
        case_id,
        "follow_up",
        {"held_on": "2026-11-22", "method": "phone", "satisfaction": "4", "remarks": "新机运行正常，补偿已到账"},
        "李晓明",
    )
    mediation.schedule(
        case_id,
        {
            "day": "2026-11-25",
            "time": "14:30",
            "mode": "in_person",
            "place": "本局三楼调解室",
            "mediator": "赵调解",
            "summoned": "投诉人、被投诉经营者（售后主管）",
            "bring": "身份证明、购买发票、安装单和维修记录",
        },
        "李晓明",
    )
    sent = cases.intake(
        {
            "complainant.name": "马晓东",
            "complainant.phone": "13700007777",
            "business.name": "某某物业服务有限公司",
            "complaint.channel": "letter",
            "complaint.category": "service",
            "complaint.facts": "小区物业费收费标准争议，非本局消费投诉职责。",
            "case.received_at": "2026-11-19",
        },
        actor="李晓明",
    )
    machine.transition(
        sent.id,
        "forwarded",
        "李晓明",
        details={"to_office": "杭州市西湖区住房和城乡建设局", "attachments": "投诉信原件一份（2 页）"},
    )
    special = {
        "repair_slip": repair_id,
        "device_receipt": repair_id,
        "not_accepted_notice": refused.id,
        "termination_notice": ended.id,
        "forwarding_notice": sent.id,
    }
    for kind in tables.NOTICE_KINDS:
        target = special.get(kind, case_id)
        notice = issuing.issue(target, kind, "in_person", "李晓明")
        pdf = folder / f"{kind}.pdf"
        pdf.write_bytes(issuing.reprint(notice.id))
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(folder / kind)], check=True)
        pdf.unlink()
    long_case = cases.intake(
        {
            "complainant.name": "吉𠮷䶮",
            "complainant.phone": "13800001111",
            "business.name": "某某家装工程有限公司",
            "complaint.channel": "walk_in",
            "complaint.category": "contract",
            "complaint.facts": "装修合同约定 60 天完工，实际拖延 140 天，期间多次更换施工队，墙面开裂、地砖空鼓，"
            "整改三次仍不合格；經營者以材料漲價為由要求追加款項。" * 25,
        },
        actor="李晓明",
    )
    pdf = folder / "long.pdf"
    pdf.write_bytes(issuing.draft(long_case.id, "intake_receipt"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(folder / "long-facts")], check=True
    )
    pdf.unlink()


def my_work(out: Path, window, case_id: int) -> None:
    """我的待办 of a supervisor: the 督办 list above, reminders (a session, a term falling due), own cases."""
    me = current_operator()
    workload.reassign(case_id, me, "李晓明休假，由科长接办", "科长")
    soon = clock.today() + dt.timedelta(days=2)
    mediation.schedule(
        case_id,
        {
            "day": soon.isoformat(),
            "time": "09:30",
            "mode": "in_person",
            "place": "区消保委调解室",
            "mediator": "陈建国",
            "summoned": "投诉人、经营者售后主管",
        },
        me,
    )
    records.add(
        case_id,
        "remedy",
        {
            "kind": "repair",
            "by_whom": "business",
            "what": "补加冷媒并延长保修一年",
            "due_on": (clock.today() + dt.timedelta(days=4)).isoformat(),
        },
        me,
    )
    window.refresh()
    window.tabs.setCurrentWidget(window.my_work)
    settle()
    window.grab().save(str(out / "my-work.png"))
    board = window.dashboard
    improvements.add(
        {
            "business": board.cause_rows[0].business if board.cause_rows else "杭州西湖某某家电有限公司",
            "product": board.cause_rows[0].product if board.cause_rows else "",
            "cause": "product_defect",
            "what": "同批次商品全部复检，问题批次下架并通知已购消费者",
            "who": "经营者质量主管",
            "due_on": (clock.today() + dt.timedelta(days=20)).isoformat(),
        },
        me,
    )
    window.tabs.setCurrentWidget(board)
    board.load()
    while not board.loaded:
        QApplication.processEvents()
    settle()
    bar = board.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())  # the causes and the improvement actions, at the bottom
    settle()
    window.grab().save(str(out / "dashboard-causes.png"))
    window.tabs.setCurrentWidget(window.register)


def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _app = main.make_application()  # kept alive while the shots are taken
    startup.open_database(str(Path(tempfile.mkdtemp()) / "shots.db"))
    machine.set_office_profile("market_regulator")
    demo.generate(3000, seed=11)
    window = main.open_window(str(db.database.obj.location))
    window.resize(1350, 728)  # a maximised window on a 1366×768 screen
    window.show()
    settle()
    window.grab().save(str(out / "register.png"))
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.period.setCurrentIndex(4)  # this year
    code = window.dashboard.period.currentData()
    while not (window.dashboard.loaded and window.dashboard.figures and window.dashboard.figures.period.code == code):
        QApplication.processEvents()  # the figures arrive from the background, then the charts are drawn
    settle()
    window.grab().save(str(out / "dashboard.png"))
    window.tabs.setCurrentWidget(window.register)

    dialog = window.new_intake()
    form = dialog.form
    form.set_values(
        {
            "complainant.name": "陈晓燕",
            "complainant.phone": "1391234567",
            "complainant.address": "杭州市拱墅区湖墅南路 88 号",
            "complainant.id_type": "resident_id",
            "complainant.id_number": "330105199003071234",
            "business.name": "杭州某某数码专营店",
            "business.uscc": "91330105MA2B3C4D5E",
            "business.platform": "淘宝",
            "business.shop": "某某数码官方旗舰店",
            "purchase.product": "手机",
            "purchase.brand": "华为",
            "purchase.model": "Mate 70",
            "purchase.purchase_date": "2026年10月30日",
            "purchase.amount": "5999",
            "purchase.channel": "online",
            "complaint.channel": "walk_in",
            "complaint.category": "quality",
            "complaint.facts": "10 月 30 日网购手机，到货第 5 天出现屏幕闪烁、自动重启，申请七日无理由退货被商家拒绝，称已激活不予退货。",
            "complaint.demands": ["return", "refund"],
            "complaint.demand_amount": "5999",
        }
    )
    dialog.save()
    settle()
    dialog.grab().save(str(out / "intake.png"))
    dialog.form.set_values({"complainant.phone": ""})
    dialog.done(0)

    # a regulator case a few weeks into its life: accepted, mediating, records on file
    today = clock.today()
    start = dt.datetime.combine(today - dt.timedelta(days=20), dt.time(9, 30))
    ref = cases.intake(
        {
            "complainant.name": "周慧敏",
            "complainant.phone": "13705718899",
            "complainant.address": "杭州市西湖区文三路 90 号",
            "business.name": "杭州西湖某某家电有限公司",
            "business.uscc": "91330106MA27XK3L4D",
            "purchase.product": "变频空调",
            "purchase.brand": "格力",
            "purchase.model": "KFR-35GW",
            "purchase.purchase_date": (today - dt.timedelta(days=60)).isoformat(),
            "purchase.amount": "3999",
            "purchase.channel": "shop",
            "complaint.channel": "walk_in",
            "complaint.category": "quality",
            "complaint.facts": "空调安装后制冷效果差，室内温度始终降不下来。售后两次上门检测均称正常，"
            "但问题依旧。要求更换同型号新机，并赔偿误工损失。",
            "complaint.demands": ["exchange", "compensation"],
            "complaint.demand_amount": "500",
            "case.consent_mediation": True,
        },
        actor="李晓明",
        now=start,
    )
    machine.transition(ref.id, "accepted", "李晓明", note="材料齐全，予以受理", now=start + dt.timedelta(days=2))
    issuing.save_letterhead(
        "杭州市西湖区市场监督管理局",
        short="西市监",
        address="杭州市西湖区文三路 1 号",
        phone="0571-88880000",
        use_seal=True,
        seal=seal_image(),
    )
    issuing.issue(ref.id, "acceptance_notice", "sms", "李晓明")
    machine.record_consent(ref.id, "business", "李晓明", how="电话确认")
    machine.assign_mediator(ref.id, "陈建国", "李晓明")
    machine.transition(ref.id, "mediating", "陈建国", now=start + dt.timedelta(days=6))
    records.add(
        ref.id,
        "investigation",
        {
            "held_on": (today - dt.timedelta(days=12)).isoformat(),
            "checked": "上门查看室外机安装与冷媒压力",
            "with_whom": "经营者售后主管",
            "findings": "冷媒压力偏低",
            "cause": "installation",
        },
        "陈建国",
    )
    records.add(
        ref.id,
        "session",
        {
            "held_on": (today - dt.timedelta(days=5)).isoformat(),
            "mode": "in_person",
            "place": "区消保委调解室",
            "participants": "投诉人、经营者售后主管",
            "mediator": "陈建国",
            "outcome": "经营者同意补加冷媒并延长保修一年，投诉人考虑中",
        },
        "陈建国",
    )
    window.refresh()
    view = window.open_case(ref.id)
    settle()
    window.grab().save(str(out / "case-view.png"))

    for color, text, name, kind, desc in (
        ("#3d6a8a", "外机照片", "外机.jpg", "photo", "空调外机安装处"),
        ("#8a5a3d", "购物小票", "小票.jpg", "receipt", "购物小票"),
        ("#4d7a4d", "聊天截图", "聊天.png", "chat", "与客服的聊天记录"),
    ):
        evidence.add_bytes(ref.id, picture(color, text), name, kind, "complainant", "李晓明", desc)
    evidence.add_bytes(
        ref.id, b"%PDF-1.4\n% invoice\n" + b"0" * 4000, "发票.pdf", "receipt", "business", "李晓明", "增值税发票"
    )
    view.evidence.reload()
    view.lower_tabs.setCurrentWidget(view.evidence)
    settle()
    window.grab().save(str(out / "evidence.png"))
    view.lower_tabs.setCurrentIndex(0)

    my_work(out, window, ref.id)

    screen = window.open_calendar()
    screen.year.setValue(2026)
    settle()
    screen.grab().save(str(out / "calendar.png"))
    screen.close()

    machine.set_office_profile("repair_counter")
    window._rules_changed()  # as 办公室设置 does: the counter's columns and its 接机登记
    device = {
        "complainant.name": "孙浩",
        "complainant.phone": "15957112233",
        "purchase.product": "华为手机",
        "purchase.brand": "华为",
        "purchase.model": "nova 13",
        "purchase.serial": "IMEI 490154203237518",
        "purchase.purchase_date": (today - dt.timedelta(days=11)).isoformat(),
        "purchase.amount": "2699",
        "purchase.channel": "shop",
        "complaint.facts": "购机第 9 天起频繁自动重启，无法正常通话。",
        "complaint.demands": ["exchange"],
        "device.product_class": "phone",
        "device.fault_kind": "performance",
        "device.fault": "power",
        "device.accessories": "充电器、数据线、包装盒",
        "device.appearance": "屏幕完好，背壳左上角轻微划痕",
        "device.quote": "0",
        "device.expected_on": (today + dt.timedelta(days=3)).isoformat(),
    }
    dialog = window.new_intake()
    dialog.form.set_values(device)
    dialog.check_related()
    settle()
    dialog.grab().save(str(out / "repair-intake.png"))
    dialog.form.mark_clean()
    dialog.done(0)
    repair = cases.intake(device, actor="王芳", now=clock.now().replace(microsecond=0) - dt.timedelta(hours=3))
    machine.transition(repair.id, "diagnosed", "刘师傅")
    machine.transition(repair.id, "repairing", "刘师傅")
    records.add(
        repair.id,
        "repair",
        {
            "fault": "power",
            "diagnosis": "主板电源管理芯片虚焊",
            "parts": "电源管理芯片",
            "technician": "刘师傅",
            "started_on": today.isoformat(),
            "result": "waiting_parts",
            "parts_ordered_on": today.isoformat(),
        },
        "刘师傅",
    )
    window.refresh()
    view = window.open_case(repair.id)
    view.lower_tabs.setCurrentWidget(view.records)
    settle()
    window.grab().save(str(out / "repair-counter.png"))
    view = window.open_case(ref.id)
    view.lower_tabs.setCurrentWidget(view.documents)
    view.documents.reload()
    settle()
    window.grab().save(str(out / "documents-tab.png"))
    documents(out, ref.id, repair.id)

    from app.archives import importer
    from tests.legacy import legacy_rows, spoil, write_legacy

    rows = legacy_rows(200)
    spoil(rows, [7, 58, 133])
    legacy = write_legacy(Path(tempfile.mkdtemp()) / "2025年投诉登记簿.xlsx", rows)
    dialog = window.open_import(str(legacy))
    dialog._set_report(importer.check(dialog.table, dialog.current_mapping())[0])  # what 检查 shows
    dialog.resize(960, 720)
    settle()
    dialog.grab().save(str(out / "import.png"))
    dialog.reject()
    window.tabs.setCurrentIndex(0)
    settle()
    languages(out, window, ref.id)
    print(f"screenshots written to {out}/")


def languages(out: Path, window, case_id: int) -> None:
    """The main window and a case in each interface language, and an English acceptance notice."""
    import subprocess

    from app import i18n as app_i18n
    from ui import i18n

    folder = out / "languages"
    folder.mkdir(exist_ok=True)
    for language in ("en", "zh_TW", "zh_CN"):
        window = main.switch_language(window, language)
        window.resize(1350, 728)
        settle()
        window.grab().save(str(folder / f"main-{language}.png"))
        window.open_case(case_id)
        settle()
        window.grab().save(str(folder / f"case-{language}.png"))
        window.tabs.setCurrentIndex(0)
    i18n.remember_language(app_i18n.SOURCE)
    app_i18n.save_office_language("en")
    pdf = folder / "acceptance-notice-en.pdf"
    pdf.write_bytes(issuing.render(issuing.build(case_id, "acceptance_notice", number="XSJ ACC [2026] No. 1")))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(folder / "acceptance-notice-en"),
        ],
        check=True,
    )
    pdf.unlink()
    app_i18n.save_office_language(app_i18n.SOURCE)


if __name__ == "__main__":
    shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))

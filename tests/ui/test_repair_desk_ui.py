"""The repair counter through the real window (issue 20): a phone sold eleven days ago is taken in
(接机单), diagnosed and repaired, collected; it comes back with the same fault on the same IMEI,
the repair does not hold, the advice turns to exchange, the exchange records the new IMEI, the
customer collects it, is followed up, and the case closes. Every slip is read back from its PDF."""

import datetime as dt
import io
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app import clock
from app.documents import issuing
from app.models import Case, Device, IssuedNotice
from app.workflow import machine
from tests.ui.conftest import activate
from tests.ui.test_intake import fill
from tests.ui.test_whole_path import in_records
from tests.ui.test_whole_path import issue as issued_through_the_panel
from tests.ui.test_workflow_ui import act, click, status_shown
from ui.intake import IntakeDialog

IMEI = "490154203237518"
NEW_IMEI = "356938035643809"


def counter_office(qtbot, window) -> None:
    """办公室设置: the office becomes a repair counter, as its administrator sets it."""
    dialog = window.open_office_settings()
    activate(qtbot, dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData("repair_counter"))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert machine.office_profile().code == "repair_counter"
    activate(qtbot, window)


def intake_dialog(window):
    return next(d for d in window.findChildren(IntakeDialog) if d.isVisible())


def receive(qtbot, window, facts: str, sold: dt.date):
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _visible_intake(window))
    dialog = intake_dialog(window)
    activate(qtbot, dialog)
    assert dialog.windowTitle() == "接机登记"
    form = dialog.form
    assert "business.name" not in form.widgets and "complaint.channel" not in form.widgets  # the shop is the office
    fill(
        qtbot,
        form,
        {
            "complainant.name": "孙浩",
            "complainant.phone": "15957112233",
            "purchase.product": "华为手机",
            "purchase.brand": "华为",
            "purchase.model": "nova 13",
            "purchase.serial": f"IMEI {IMEI}",
            "purchase.purchase_date": f"{sold:%Y年%m月%d日}",
            "purchase.amount": "2699",
            "complaint.facts": facts,
            "device.product_class": "phone",
            "device.fault_kind": "performance",
            "device.fault": "power",
            "device.accessories": "充电器、数据线",
            "device.appearance": "屏幕完好，背壳左上角划痕",
        },
    )
    dialog.check_related()
    assert "三包建议" in dialog.advice.text() and dialog.advice.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    case_no = window.statusBar().currentMessage().split("已登记 ")[1].split()[0]
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # Alt+1: the register
    assert window.tabs.currentWidget() is window.register
    view = window.register.view
    view.setFocus()
    row = next(i for i, r in enumerate(window.register.model.rows) if r.case_no == case_no)
    view.setCurrentIndex(window.register.model.index(row, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.tabs.currentWidget(), "title", None) is not None)
    qtbot.waitUntil(lambda: window.tabs.currentWidget().title.text() == case_no)
    return case_no, window.tabs.currentWidget()


def _visible_intake(window) -> bool:
    return any(d.isVisible() for d in window.findChildren(IntakeDialog))


def add_repair(qtbot, view, **values) -> None:
    """维修·回访记录 → 添加维修记录, filled and accepted."""
    in_records(qtbot, view, "records.add.repair", **values)


def issue(qtbot, view, answers, kind) -> str:
    panel = view.documents
    kinds = {panel.kind.itemData(i) for i in range(panel.kind.count())}
    assert "mediation_notice" not in kinds and "device_receipt" in kinds  # the counter's own documents
    return issued_through_the_panel(qtbot, view, answers, kind)


def text_of(case_no: str, kind: str) -> str:
    notice = (
        IssuedNotice.select()
        .join(Case, on=(IssuedNotice.case == Case.id))
        .where((Case.case_no == case_no) & (IssuedNotice.kind == kind))
        .get()
    )
    pdf = issuing.reprint(notice.id)
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_a_phone_through_the_counter_from_intake_to_exchange_and_close(window, qtbot, messages, answers):
    counter_office(qtbot, window)
    today = clock.today()
    sold = today - dt.timedelta(days=11)
    assert window.new_action.text() == "接机登记(&N)…"
    header = window.register.model.headerData(4, Qt.Orientation.Horizontal)
    assert header == "顾客" and window.register.view.isColumnHidden(6)  # no 被投诉经营者 at a counter

    first_no, view = receive(qtbot, window, "频繁自动重启，无法正常通话", sold)
    assert "顾客 孙浩" in view.parties.text() and IMEI in view.parties.text()
    names = {b.objectName() for b in view.workflow.findChildren(QPushButton)}
    assert not names & {"workflow.consent", "workflow.mediator", "workflow.conflict"}  # no mediation controls
    assert "换货、免费修理" in view.workflow.sanbao.text()  # day 11: exchange or repair
    receipt = issue(qtbot, view, answers, "device_receipt")
    act(qtbot, view, "transition.diagnosed")
    act(qtbot, view, "transition.repairing")
    add_repair(
        qtbot,
        view,
        fault="power",
        diagnosis="主板供电芯片虚焊，重新焊接",
        technician="刘师傅",
        started_on=today.isoformat(),
        finished_on=today.isoformat(),
        result="fixed",
    )
    act(qtbot, view, "transition.ready")
    act(qtbot, view, "transition.handed_over")
    assert status_shown(view) == "已交付"
    text = text_of(first_no, "device_receipt")
    for recorded in (
        receipt,
        "孙浩",
        IMEI,
        "华为nova13",
        "手机主机",
        "频繁自动重启",
        "充电器、数据线",
        "背壳左上角划痕",
    ):
        assert recorded in text, recorded

    # back the same day with the same fault on the same IMEI
    second_no, view = receive(qtbot, window, "又出现自动重启", sold)
    assert first_no in view.workflow.sanbao.text()  # the device's own history
    act(qtbot, view, "transition.diagnosed")
    refund = click(qtbot, view, "transition.refund")  # day 11: a return is not in the advice
    assert "ask.remedy_reason" in {w.objectName() for w in refund.inputs.values()}
    refund.reject()
    act(qtbot, view, "transition.repairing")
    add_repair(
        qtbot,
        view,
        fault="power",
        diagnosis="更换电源管理芯片后仍重启",
        parts="电源管理芯片",
        technician="刘师傅",
        started_on=today.isoformat(),
        finished_on=today.isoformat(),
        result="not_fixed",
    )
    view.workflow.reload()
    advice = view.workflow.sanbao.text()
    assert "同一故障已修理 2 次仍未修好" in advice and "换货、退货" in advice  # the advice turns to exchange
    exchange = act(qtbot, view, "transition.exchange", new_serial=IMEI)
    assert exchange.isVisible() and "与原机相同" in exchange.error.text()
    exchange.set("new_serial", NEW_IMEI)
    qtbot.mouseClick(exchange.ok_button, Qt.MouseButton.LeftButton)
    assert not exchange.isVisible() and status_shown(view) == "换货"
    case = Case.get(Case.case_no == second_no)
    assert Device.get(Device.case == case).new_serial == NEW_IMEI
    for target in ("ready", "handed_over", "follow_up"):
        act(qtbot, view, f"transition.{target}")
    in_records(
        qtbot,
        view,
        "records.add.follow_up",
        held_on=today.isoformat(),
        method="phone",
        satisfaction="4",
        remarks="新机正常",
    )
    slip = issue(qtbot, view, answers, "repair_slip")
    act(qtbot, view, "transition.closed")
    assert status_shown(view) == "已办结"
    text = text_of(second_no, "repair_slip")
    for recorded in (
        slip,
        "更换电源管理芯片后仍重启",
        "更换配件：电源管理芯片",
        "换货（依据：三包：售出之日起15日内）",  # day 11: the first rule that allows it
        f"新机序列号/IMEI：{NEW_IMEI}",
        "新机自当日起重新计算",
        "维修人员：刘师傅",
    ):
        assert recorded in text, recorded
    assert "调解" not in text

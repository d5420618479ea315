"""Causes and improvement (issue 19, item 5; ISO 10002 clauses 8–9): the cause each case's
investigation found is counted by business, product and model, a cause found again on the same
product is a repeat fault, and the improvement actions recorded against them are listed in the
period report (read from the PDF) with what became of them."""

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import accounts, cases, improvements, records, statistics
from app.archives import excel
from app.documents import report
from app.errors import ComplaintDeskError, StaleEdit, ValidationFailed
from app.models import AuditEntry
from app.permissions import PermissionDenied
from tests.app.test_workflow import T
from tests.factories import intake_values

NOV = statistics.parse_period("2026-11")


def complaint(business: str, product: str, model: str, when: dt.datetime, *causes: str) -> int:
    """A case with one investigation per cause, the last one the latest finding."""
    ref = cases.intake(
        intake_values(business__name=business, purchase__product=product, purchase__model=model),
        actor="王芳",
        now=when,
    )
    for i, cause in enumerate(causes):
        records.add(
            ref.id,
            "investigation",
            {"held_on": f"{(when + dt.timedelta(days=i)).date()}", "checked": "查看实物", "cause": cause},
            "王芳",
            now=when + dt.timedelta(days=i, hours=1),
        )
    return ref.id


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_causes_are_counted_by_the_latest_finding_and_repeat_faults_are_flagged(database):
    complaint("甲电器", "空调", "KFR-35", T(2026, 11, 2, 9), "product_defect")
    complaint("甲电器", "空调", "KFR-35", T(2026, 11, 5, 9), "misuse", "product_defect")  # found again: a defect
    complaint("甲电器", "空调", "KFR-50", T(2026, 11, 6, 9), "installation")
    complaint("乙商店", "手机", "", T(2026, 11, 9, 9), "transport")
    complaint("乙商店", "手机", "", T(2026, 11, 10, 9))  # not investigated yet
    complaint("甲电器", "空调", "KFR-35", T(2026, 10, 20, 9), "product_defect")  # the month before
    f = statistics.figures(NOV, T(2026, 11, 23, 10))
    assert f.received == 5 and f.causes_found == 4
    assert f.by_cause == [("产品缺陷", 2), ("安装问题", 1), ("运输损坏", 1)]
    rows = statistics.causes(NOV)
    assert [(r.business, r.product, r.model, r.cause, r.cases, r.repeat) for r in rows] == [
        ("甲电器", "空调", "KFR-35", "产品缺陷", 2, True),
        ("乙商店", "手机", "", "运输损坏", 1, False),
        ("甲电器", "空调", "KFR-50", "安装问题", 1, False),
    ]


def test_improvement_actions_are_checked_kept_and_listed_in_the_period_report(database, tmp_path):
    complaint("甲电器", "空调", "KFR-35", T(2026, 11, 2, 9), "product_defect")
    complaint("甲电器", "空调", "KFR-35", T(2026, 11, 5, 9), "product_defect")
    now = T(2026, 11, 23, 10)
    with pytest.raises(ComplaintDeskError, match="经营者或商品"):
        improvements.add({"what": "加强培训", "who": "刘店长", "due_on": "2026-12-10"}, "科长", now=now)
    with pytest.raises(ComplaintDeskError, match="早于今天"):
        improvements.add(
            {"business": "甲电器", "what": "加强培训", "who": "刘店长", "due_on": "2026-11-01"}, "科长", now=now
        )
    with pytest.raises(ValidationFailed) as refused:
        improvements.add({"business": "甲电器", "what": "", "who": "", "due_on": "明天"}, "科长", now=now)
    assert set(refused.value.errors) == {"what", "who", "due_on"}
    fix = improvements.add(
        {
            "business": "甲电器",
            "product": "空调",
            "model": "KFR-35",
            "cause": "product_defect",
            "what": '同批次压缩机全部检测，=HYPERLINK("x") 不是公式',
            "who": "刘店长",
            "due_on": "2026-12-10",
        },
        "科长",
        now=now,
    )
    late = improvements.add(
        {"business": "乙商店", "what": "送货前拍照验货", "who": "张经理", "due_on": "2026-11-25"}, "科长", now=now
    )
    old = improvements.add(
        {"product": "电热水器", "what": "更换说明书", "who": "王工", "due_on": "2026-10-30"},
        "科长",
        now=T(2026, 10, 1, 9),
    )
    improvements.complete(old, {"done_on": "2026-10-20", "outcome": "已更换"}, 1, "科长", now=T(2026, 10, 20, 9))
    with pytest.raises(ComplaintDeskError, match="已于 2026-10-20 完成"):
        improvements.complete(old, {"done_on": "2026-10-21", "outcome": "再次"}, 2, "科长", now=T(2026, 10, 21, 9))
    # two seats mark the same action: the second is told, not overwritten
    improvements.complete(
        fix, {"done_on": "2026-11-28", "outcome": "检出 3 台并更换"}, 1, "科长", now=T(2026, 11, 28, 9)
    )
    with pytest.raises(ComplaintDeskError):
        improvements.complete(fix, {"done_on": "2026-11-29", "outcome": "x"}, 1, "李主任", now=T(2026, 11, 29, 9))
    listed = improvements.during(NOV.start.date(), NOV.end.date())
    assert [a.id for a in listed] == [late, fix]  # the October one was done before November began
    assert [e.action for e in AuditEntry.select().where(AuditEntry.action.startswith("improvement."))].count(
        "improvement.add"
    ) == 3

    data = report.render(
        statistics.figures(NOV, T(2026, 12, 1, 10)),
        [],
        [],
        statistics.open_cases(dt.date(2026, 12, 1)),
        dt.date(2026, 12, 1),
        causes=statistics.causes(NOV),
        actions=listed,
    )
    text = pdf_text(data)
    for expected in (
        "原因分析",
        "本期2件案件经调查查明原因",
        "甲电器空调KFR-35产品缺陷2是",
        "改进措施",
        "同批次压缩机全部检测",
        "刘店长2026-12-102026-11-28完成：检出3台并更换",
        "送货前拍照验货张经理2026-11-25逾期未完成",
    ):
        assert expected in text, expected
    assert "更换说明书" not in text

    book = tmp_path / "统计.xlsx"
    excel.export_statistics(statistics.figures(NOV, T(2026, 12, 1, 10)), book)
    sheet = load_workbook(book)["按原因"]
    assert [c.value for c in sheet[2]][:2] == ["产品缺陷", 2]


def test_stale_completion_is_refused_with_a_stale_edit(database):
    action = improvements.add(
        {"business": "甲电器", "what": "培训", "who": "刘店长", "due_on": "2026-12-10"}, "科长", now=T(2026, 11, 23, 10)
    )
    with pytest.raises(StaleEdit):
        improvements.complete(action, {"done_on": "2026-11-24", "outcome": "完成"}, 7, "科长", now=T(2026, 11, 24, 9))


def test_only_who_heads_the_work_records_improvement_actions(database):
    accounts.create_first_admin("admin", "管理员", "admin-pass-1")
    accounts.sign_in("admin", "admin-pass-1")
    accounts.add_user("wang", "王芳", "handler", "wang-pass-1")
    accounts.add_user("zhou", "周科长", "supervisor", "zhou-pass-1")
    accounts.sign_in("wang", "wang-pass-1")
    entered = {"business": "甲电器", "what": "培训", "who": "刘店长", "due_on": "2026-12-10"}
    with pytest.raises(PermissionDenied):
        improvements.add(entered, "王芳", now=T(2026, 11, 23, 10))
    accounts.sign_in("zhou", "zhou-pass-1")
    assert improvements.add(entered, "周科长", now=T(2026, 11, 23, 10))

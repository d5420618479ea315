"""Issue 17: what the clerk recorded is what the issued PDF says, checked in the PDF's text;
a document missing what it exists to say is refused before a number is taken."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from app import cases, records
from app.documents import issuing
from app.errors import ComplaintDeskError
from app.models import Case, IssuedNotice
from app.workflow import machine
from tests.factories import intake_values

T = dt.datetime


def text_of(notice) -> str:
    pdf = issuing.reprint(notice.id)
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def has(text: str, *values: str) -> list[str]:
    """The values the text lacks (whitespace ignored: the PDF breaks lines where it must)."""
    return [v for v in values if re.sub(r"\s+", "", v) not in text]


@pytest.fixture
def office(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消", phone="0571-88888888")


def mediated_case() -> int:
    ref = cases.intake(
        intake_values(
            complainant__address="杭州市西湖区文三路 100 号",
            complainant__agent_name="李代理",
            business__address="杭州市拱墅区湖墅南路 8 号",
            business__phone="0571-87654321",
            purchase__purchase_date="2026-08-01",
            purchase__order_no="DD20260801-77",
            purchase__serial="IMEI 86123456789012",
        ),
        now=T(2026, 11, 2, 9),
    )
    machine.transition(ref.id, "accepted", "王芳", now=T(2026, 11, 3, 9))
    machine.record_consent(ref.id, "business", "王芳", how="电话")
    machine.assign_mediator(ref.id, "赵调解", "王芳")
    machine.transition(ref.id, "mediating", "王芳", now=T(2026, 11, 4, 9))
    return ref.id


def test_the_intake_receipt_prints_everything_recorded_at_intake(office):
    case_id = mediated_case()
    notice = issuing.issue(case_id, "intake_receipt", "in_person", "王芳")
    missing = has(
        text_of(notice),
        "13812345678",
        "杭州市西湖区文三路100号",
        "李代理",
        "杭州某某电器有限公司",
        "杭州市拱墅区湖墅南路8号",
        "0571-87654321",
        "空调",
        "格力",
        "86123456789012",  # the serial as kept: without its label
        "二〇二六年八月一日",
        "3299.00元",
        "实体店",
        "DD20260801-77",
        "来访",
        "产品质量",
        "空调安装后不制冷",
        "退货",
        "3299.00元",
    )
    assert missing == []
    to_business = issuing.issue(case_id, "intake_receipt", "post", "王芳", recipient="business")
    assert has(text_of(to_business), "13812345678", "文三路100号") == ["13812345678", "文三路100号"]  # masked


def test_the_mediation_agreement_prints_both_parties_and_every_term_as_a_clause(office):
    case_id = mediated_case()
    with pytest.raises(ComplaintDeskError, match="协议条款"):
        machine.transition(case_id, "agreed", "赵调解", now=T(2026, 11, 20, 9))
    records.add(
        case_id,
        "remedy",
        {"kind": "refund", "amount": "2400", "by_whom": "business", "what": "原路退回货款", "due_on": "2026-12-16"},
        "赵调解",
        now=T(2026, 11, 20, 9),
    )
    records.add(
        case_id,
        "remedy",
        {"kind": "apology", "amount": "", "by_whom": "business", "what": "书面致歉", "due_on": "2026-11-30"},
        "赵调解",
        now=T(2026, 11, 20, 9),
    )
    machine.transition(case_id, "agreed", "赵调解", now=T(2026, 11, 20, 10))
    text = text_of(issuing.issue(case_id, "mediation_agreement", "in_person", "赵调解"))
    assert (
        has(
            text,
            "杭州市西湖区文三路100号",
            "李代理",
            "杭州市拱墅区湖墅南路8号",
            "（1）经营者于二〇二六年十二月十六日前退款2400.00元：原路退回货款",
            "（2）经营者于二〇二六年十一月三十日前赔礼道歉：书面致歉",
            "一式三份",
        )
        == []
    )
    assert Case.get_by_id(case_id).case_no in text and text.count("一式三份") == 1
    assert "13812345678" not in text  # both parties sign it: the phone stays masked


def test_an_agreement_without_terms_is_not_issued_and_takes_no_number(office):
    case_id = mediated_case()
    with pytest.raises(ComplaintDeskError, match="调解协议书还缺：全部协议条款"):
        issuing.issue(case_id, "mediation_agreement", "in_person", "赵调解")
    with pytest.raises(ComplaintDeskError, match="回访记录还缺：最近一次回访的日期"):
        issuing.issue(case_id, "follow_up_record", "phone", "王芳")
    assert IssuedNotice.select().count() == 0
    assert issuing.draft(case_id, "mediation_agreement").startswith(b"%PDF")  # a draft may show the gaps


def test_the_written_resolution_and_the_follow_up_record_say_what_was_found_and_heard(office):
    case_id = mediated_case()
    records.add(
        case_id,
        "investigation",
        {
            "held_on": "2026-11-10",
            "checked": "现场查看空调外机与安装记录",
            "with_whom": "经营者安装工",
            "findings": "冷媒管接口泄漏",
            "cause": "installation",
        },
        "王芳",
        now=T(2026, 11, 10, 15),
    )
    machine.transition(case_id, "terminated", "王芳", reason="B3", note="经营者拒绝退货", now=T(2026, 11, 12, 9))
    text = text_of(issuing.issue(case_id, "written_resolution", "post", "王芳"))
    assert has(text, "现场查看空调外机与安装记录", "冷媒管接口泄漏", "安装问题", "终止调解", "经营者拒绝退货") == []
    records.add(
        case_id,
        "follow_up",
        {"held_on": "2026-11-25", "method": "phone", "satisfaction": "4", "remarks": "已自行维修，认可处理"},
        "王芳",
        now=T(2026, 11, 25, 10),
    )
    text = text_of(issuing.issue(case_id, "follow_up_record", "phone", "王芳"))
    assert has(text, "二〇二六年十一月二十五日", "电话", "4满意", "已自行维修，认可处理") == []


def test_the_not_accepted_notice_names_every_route_left(office):
    ref = cases.intake(intake_values(), now=T(2026, 11, 2, 9))
    machine.transition(ref.id, "not_accepted", "王芳", reason="A4", note="超过三年", now=T(2026, 11, 3, 9))
    text = text_of(issuing.issue(ref.id, "not_accepted_notice", "post", "王芳"))
    routes = [
        "与经营者协商和解",
        "请求消费者协会或者依法成立的其他调解组织调解",
        "向有关行政部门投诉",
        "提请仲裁机构仲裁",
        "向人民法院提起诉讼",
        "第三十九条",
        "超过三年",
    ]
    assert has(text, *routes) == []

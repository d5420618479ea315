"""RULES.md 3: reason lists are dated like the deadline rules — a case received under Order 20 is
decided on Order 20's grounds (art. 15, art. 22), one received from 2026-04-15 on Order 121's
(art. 16, art. 23); the refusal and the notice cite the article and item of the right one."""

import pytest

from app import cases
from app.documents import issuing
from app.workflow import machine
from app.workflow.machine import TransitionRefused
from tests.app.test_documents_from_records import has, text_of
from tests.factories import intake_values


@pytest.fixture
def regulator(database):
    machine.set_office_profile("market_regulator")
    issuing.save_letterhead("杭州市西湖区市场监督管理局", short="西市监")


def received(day: str) -> int:
    return cases.intake(intake_values(case__received_at=day)).id


def test_order_20_offers_its_own_grounds_and_the_notice_cites_article_15(regulator):
    case_id = received("2026-04-10")
    assert [r.code for r in machine.reason_choices(case_id, "A")] == ["A1", "A2", "A3", "A4", "A5", "A7"]
    with pytest.raises(TransitionRefused, match="A6"):  # identity grounds came with Order 121
        machine.transition(case_id, "not_accepted", "王芳", reason="A6")
    machine.transition(case_id, "not_accepted", "王芳", reason="A3", note="批量采购用于经营")
    text = text_of(issuing.issue(case_id, "not_accepted_notice", "post", "王芳"))
    assert has(text, "依据《市场监督管理投诉举报处理暂行办法》第十五条第（三）项，本机构决定不予受理") == []


def test_order_121_offers_the_identity_ground_and_cites_article_16(regulator):
    case_id = received("2026-04-15")
    assert "A6" in [r.code for r in machine.reason_choices(case_id, "A")]
    machine.transition(case_id, "not_accepted", "王芳", reason="A6")
    text = text_of(issuing.issue(case_id, "not_accepted_notice", "post", "王芳"))
    assert has(text, "冒用他人身份", "依据总局令第121号第十六条第（六）项") == []


def test_termination_grounds_follow_the_rule_set(regulator):
    case_id = received("2026-04-10")
    machine.transition(case_id, "accepted", "王芳")
    assert "B7" not in [r.code for r in machine.reason_choices(case_id, "B")]  # Order 20 art. 22 has no B7
    with pytest.raises(TransitionRefused, match="B7"):
        machine.transition(case_id, "terminated", "王芳", reason="B7")
    machine.transition(case_id, "terminated", "王芳", reason="B4")
    text = text_of(issuing.issue(case_id, "termination_notice", "post", "王芳", recipient="both"))
    assert has(text, "依据《市场监督管理投诉举报处理暂行办法》第二十二条第（二）项，本机构决定终止调解") == []


def test_an_association_cites_no_regulation(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    case_id = cases.intake(intake_values()).id
    machine.transition(case_id, "not_accepted", "王芳", reason="C1")
    text = text_of(issuing.issue(case_id, "not_accepted_notice", "post", "王芳"))
    assert has(text, "因经营者之间的纠纷，本机构决定不予受理") == [] and "依据" not in text.split("第三十九条")[0]

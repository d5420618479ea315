"""RULES.md 2: a forwarding records the receiving office, the day and what went with it, and the
转办告知书 prints them; a mediation handed to another body needs both parties' consent to the
hand-over, apart from their consent to this office's mediation."""

import pytest

from app import cases
from app.documents import issuing
from app.errors import FieldError
from app.workflow import machine
from app.workflow.machine import TransitionRefused
from tests.app.test_documents_from_records import has, text_of
from tests.app.test_workflow import T, go, new_case, ready_to_mediate

TO = {"to_office": "杭州市西湖区住房和城乡建设局", "on": "2026-11-20", "attachments": "投诉信原件一份（2 页）"}


@pytest.fixture
def office(database):
    issuing.save_letterhead("杭州市西湖区市场监督管理局", short="西市监")


def test_a_forwarding_records_where_when_and_what_and_the_notice_prints_it(office):
    case_id = new_case(when=T(2026, 11, 19, 9))
    with pytest.raises(TransitionRefused, match="接收机构"):
        machine.transition(case_id, "forwarded", "王芳", details={"to_office": " "})
    with pytest.raises(FieldError, match="日期"):
        machine.transition(case_id, "forwarded", "王芳", details={**TO, "on": "下周一"})
    with pytest.raises(TransitionRefused, match="不能晚于今天"):
        machine.transition(case_id, "forwarded", "王芳", details={**TO, "on": "2026-11-24"})
    machine.transition(case_id, "forwarded", "王芳", note="物业收费不属本局职责", details=TO)
    told = next(e.text for e in cases.timeline(case_id) if e.kind == "status")
    assert told.endswith("（转送 杭州市西湖区住房和城乡建设局，2026-11-20）")
    text = text_of(issuing.issue(case_id, "forwarding_notice", "post", "王芳"))
    assert (
        has(text, "已于二〇二六年十一月二十日转送杭州市西湖区住房和城乡建设局处理", "随附投诉信原件一份（2页）") == []
    )
    go(case_id, "closed", T(2026, 11, 23, 11))


def test_a_forwarding_notice_without_a_recorded_forwarding_is_refused(office):
    case_id = new_case(when=T(2026, 11, 19, 9))
    with pytest.raises(issuing.DocumentError, match="转办或移交的接收机构"):
        issuing.issue(case_id, "forwarding_notice", "post", "王芳")


def test_a_hand_over_of_the_mediation_needs_both_consents_to_the_hand_over(office):
    case_id = new_case(when=T(2026, 11, 16, 9))
    go(case_id, "accepted", T(2026, 11, 17, 9))
    ready_to_mediate(case_id, T(2026, 11, 17, 10))  # consent to this office's mediation is not enough
    go(case_id, "mediating", T(2026, 11, 18, 9))
    with pytest.raises(TransitionRefused, match="移交其他机构调解须双方同意，尚缺：.*投诉人.*经营者"):
        machine.transition(case_id, "forwarded", "王芳", details={"to_office": "某某区人民调解委员会"})
    machine.record_consent(case_id, "complainant", "王芳", how="书面", purpose="handover")
    with pytest.raises(TransitionRefused, match="尚缺：.*经营者"):
        machine.transition(case_id, "forwarded", "王芳", details={"to_office": "某某区人民调解委员会"})
    machine.record_consent(case_id, "business", "王芳", how="电话", purpose="handover")
    machine.transition(case_id, "forwarded", "王芳", details={"to_office": "某某区人民调解委员会"})
    assert machine.status_of(case_id) == "forwarded"

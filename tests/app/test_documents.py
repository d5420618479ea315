"""Documents: every kind renders with the case's fields in Chinese and the font embedded;
numbers per kind per year; reprints identical; corrections name what they replace; masking."""

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from app import cases, clock, evidence, records
from app.documents import fonts, issuing, templates
from app.documents.render import chinese_date
from app.models import AuditEntry, IssuedNotice
from app.workflow import machine, tables
from tests.factories import intake_values, schedule_session

RARE_NAME = "吉𠮷䶮"  # Extension B and A: not in WenQuanYi Micro Hei


@pytest.fixture
def case(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead(
        "杭州市西湖区消费者权益保护委员会", short="西消", address="杭州市西湖区文三路 1 号", phone="0571-88888888"
    )
    return cases.intake(intake_values(complainant__name=RARE_NAME, complaint__facts="購買後故障（繁體），空调不制冷。"))


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Font name → embedded, for every font the pages use."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(
                descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def record_what_it_says(case_id: int, kind: str) -> None:
    """What a kind exists to say (its DocumentKind.needs), recorded as a clerk would."""
    if kind == "not_accepted_notice":
        machine.transition(case_id, "not_accepted", "王芳", reason="A5", note="未提供购物凭证")
    elif kind == "mediation_notice":
        schedule_session(case_id)
    elif kind == "forwarding_notice":
        machine.transition(
            case_id, "forwarded", "王芳", details={"to_office": "杭州市西湖区市场监督管理局", "attachments": "投诉书"}
        )
    elif kind == "termination_notice":
        machine.transition(case_id, "accepted", "王芳")
        machine.transition(case_id, "terminated", "王芳", reason="B2", note="经营者拒绝调解")
    elif kind == "mediation_agreement":
        records.add(
            case_id,
            "remedy",
            {"kind": "refund", "amount": "100", "by_whom": "business", "what": "退款", "due_on": "2026-12-01"},
            "王芳",
        )
    elif kind == "repair_slip":
        records.add(
            case_id,
            "repair",
            {
                "fault": "power",
                "diagnosis": "主板供电故障",
                "technician": "刘师傅",
                "started_on": "2026-11-23",
                "result": "waiting_parts",
                "parts_ordered_on": "2026-11-23",
            },
            "王芳",
        )
    elif kind == "follow_up_record":
        records.add(case_id, "follow_up", {"held_on": "2026-11-23", "method": "phone", "satisfaction": "5"}, "王芳")


@pytest.mark.parametrize("kind", list(tables.NOTICE_KINDS))
def test_every_kind_renders_the_case_in_chinese_with_embedded_fonts(case, kind):
    evidence.add_bytes(case.id, b"receipt" * 10, "发票.txt", "receipt", "complainant", "王芳", "购物发票")
    record_what_it_says(case.id, kind)
    notice = issuing.issue(case.id, kind, "in_person", "王芳")
    pdf = issuing.reprint(notice.id)
    text = _text(pdf).replace("\n", "")
    assert tables.NOTICE_KINDS[kind].replace(" ", "") in text.replace(" ", "")
    assert "杭州市西湖区消费者权益保护委员会" in text and notice.number in text and chinese_date(clock.today()) in text
    assert case.case_no in text or "杭州某某电器有限公司" in text
    used = _fonts(pdf)
    cjk = {name: embedded for name, embedded in used.items() if "WenQuanYi" in name or "Hana" in name}
    assert cjk and all(cjk.values()), used
    if kind == "evidence_list":
        assert evidence.items(case.id)[0].sha256[:20] in text.replace(" ", "")


def test_rare_characters_use_the_fallback_font_not_boxes(case):
    assert fonts.missing(RARE_NAME + "購買繁體") == set()
    assert fonts.font_for("吉") == fonts.MAIN and fonts.font_for("䶮") == fonts.FALLBACK_A
    assert fonts.font_for("𠮷") in (fonts.FALLBACK_A, fonts.FALLBACK_B)
    assert fonts.font_for("\U0002b740") == fonts.FALLBACK_B  # Extension D: only in the packed font
    pdf = issuing.draft(case.id, "intake_receipt")
    assert any("Hana" in name for name in _fonts(pdf))
    text = _text(pdf)
    assert "吉" in text and "䶮" in text and "購買後故障（繁體）" in text


def test_numbers_run_per_kind_per_year_and_reprints_are_identical(case):
    first = issuing.issue(case.id, "acceptance_notice", "post", "王芳")
    second = issuing.issue(case.id, "acceptance_notice", "post", "王芳")
    schedule_session(case.id)
    other = issuing.issue(case.id, "mediation_notice", "sms", "王芳")
    next_year = issuing.issue(case.id, "acceptance_notice", "post", "王芳", day=dt.date(2027, 1, 4))
    year = clock.today().year
    assert (first.number, second.number) == (f"西消投受〔{year}〕1号", f"西消投受〔{year}〕2号")
    assert other.number == f"西消调通〔{year}〕1号" and next_year.number == "西消投受〔2027〕1号"
    pdf = issuing.reprint(first.id)
    assert pdf == issuing.reprint(first.id) and hashlib.sha256(pdf).hexdigest() == first.sha256
    assert (
        issuing.render(
            issuing.build(case.id, "acceptance_notice", number=first.number, day=first.issued_on, delivery="post")
        )
        == pdf
    )  # deterministic: the same content, the same bytes
    events = [e.text for e in cases.timeline(case.id) if e.kind == "notice"]
    assert f"送达文书：受理通知书 {first.number}，邮寄" in events


def test_a_correction_names_the_document_it_replaces(case):
    wrong = issuing.issue(case.id, "written_resolution", "post", "王芳")
    fixed = issuing.issue(case.id, "written_resolution", "post", "王芳", replaces=wrong.id)
    assert IssuedNotice.get_by_id(fixed.id).replaces_id == wrong.id and fixed.number != wrong.number
    assert f"更正并取代 {wrong.number}" in _text(issuing.reprint(fixed.id)).replace("\n", "")
    assert issuing.reprint(wrong.id)  # the old one stays on file


def test_documents_to_the_business_mask_the_complainant(case):
    templates.save("acceptance_notice", "{投诉人}，电话 {投诉人电话}，地址 {投诉人地址}。")
    to_business = "".join(_text(issuing.draft(case.id, "acceptance_notice", recipient="business")).split())
    to_person = "".join(_text(issuing.draft(case.id, "acceptance_notice", recipient="complainant")).split())
    assert "138****5678" in to_business and "13812345678" not in to_business and "文三路100号" not in to_business
    assert "138****5678" in to_person and "文三路100号" in to_person  # a draft shows no full number
    issued = issuing.issue(case.id, "acceptance_notice", "in_person", "张三", recipient="complainant")
    assert "13812345678" in _text(issuing.reprint(issued.id))  # the issued one does, and says so in the audit
    reveal = AuditEntry.select().where(AuditEntry.action == "personal.reveal").get()
    assert reveal.case_no == case.case_no and json.loads(reveal.detail)["for"] == "document"


def test_templates_are_checked_when_saved(case):
    with pytest.raises(templates.TemplateError, match="投拆人"):
        templates.save("acceptance_notice", "{投拆人}：您好")
    with pytest.raises(templates.TemplateError, match="花括号"):
        templates.save("acceptance_notice", "{投诉人：您好")
    templates.save("acceptance_notice", "尊敬的{投诉人}：本会已受理案件 {案件号}。")
    assert "尊敬的" in _text(issuing.draft(case.id, "acceptance_notice"))
    templates.reset("acceptance_notice")
    assert templates.get("acceptance_notice") == templates.DEFAULTS["acceptance_notice"]


def test_long_facts_wrap_across_pages_with_the_header_repeated(case):
    record = cases.load(case.id)
    cases.edit(case.id, {"complaint.facts": "空调安装后不制冷，多次报修未果。" * 300}, record.versions, actor="王芳")
    pdf = issuing.draft(case.id, "intake_receipt")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    for page in pages[1:]:
        assert "杭州市西湖区消费者权益保护委员会" in page.extract_text()
    lines = [line for p in pages for line in p.extract_text().split("\n")]
    assert not [line for line in lines if line[:1] and line[:1] in "，。；、"]  # no line starts with punctuation


def test_without_an_office_name_a_clear_message(database):
    ref = cases.intake(intake_values())
    with pytest.raises(issuing.DocumentError, match="办公室名称"):
        issuing.draft(ref.id, "acceptance_notice")


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_agrees_the_fonts_are_embedded(case, tmp_path):
    path = tmp_path / "n.pdf"
    path.write_bytes(issuing.draft(case.id, "intake_receipt"))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    cjk = [r for r in rows if "WenQuanYi" in r[0] or "Hana" in r[0]]
    assert cjk and all(r[-5] == "yes" for r in cjk)  # the "emb" column

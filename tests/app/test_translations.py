"""Translations: every source string has a finished translation in each language's catalogue,
templates keep their placeholders, and documents follow the office language."""

import datetime as dt
import importlib.util
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import cases, clock, i18n
from app.documents import issuing, templates
from app.workflow import machine, tables
from tests.factories import intake_values, schedule_session

ROOT = Path(__file__).resolve().parents[2]
TARGETS = [language for language in i18n.LANGUAGES if language != i18n.SOURCE]


def _catalogue_tool():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", TARGETS)
def test_no_source_string_is_left_untranslated(language):
    """Lists, per language, what `python scripts/translations.py update` and a translator still owe."""
    missing = _catalogue_tool().untranslated()[language]
    assert not missing, f"{language}: {len(missing)} untranslated:\n" + "\n".join(
        f"  [{context}] {text!r}" for context, text in missing
    )


def test_the_source_finder_sees_every_kind_of_string():
    sources = _catalogue_tool().source_strings()
    assert "文件(&F)" in sources["main_window"]  # a ui module's tr("…")
    assert "草稿 未出具" in sources["documents"]  # app/documents t("…")
    assert "状态：{old} → {new}" in sources["timeline"]
    assert tables.NOTICE_KINDS["acceptance_notice"] in sources["vocab"]  # a label app/ defines
    assert templates.DEFAULTS["acceptance_notice"] in sources["templates"]


@pytest.mark.parametrize("language", TARGETS)
def test_translations_keep_their_placeholders(language):
    table = i18n.catalogue(language)
    for (context, source), text in table.items():
        for mark in ("%1", "%2", "{n}", "{code}", "{office}", "{who}", "{number}", "{amount}", "{old}", "{new}"):
            assert source.count(mark) == text.count(mark), (context, source, text)
        assert source.count("\n") == text.count("\n"), (context, source, text)


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_each_languages_default_wording_names_only_its_own_placeholders(language):
    own = set(templates.names(language))
    assert len(own) == len(templates.PLACEHOLDERS)  # no two names collapse into one
    for kind in templates.DEFAULTS:
        text = templates.default(kind, language)
        templates.check(text)
        used = templates.placeholders_in(text)
        assert used <= own, (kind, used - own)
        assert len(used) == len(templates.placeholders_in(templates.DEFAULTS[kind])), kind


@pytest.fixture
def case(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消", phone="0571-88888888")
    return cases.intake(intake_values())


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_documents_follow_the_office_language(case):
    day = dt.date(2026, 11, 23)
    machine.transition(case.id, "accepted", "王芳")
    chinese = _text(issuing.render(issuing.build(case.id, "acceptance_notice", number="X", day=day)))
    assert "受理通知书" in chinese and "二〇二六年十一月二十三日" in chinese

    i18n.save_office_language("en")
    notice = issuing.issue(case.id, "acceptance_notice", "post", "王芳", day=day)
    english = _text(issuing.reprint(notice.id))
    flat = " ".join(english.split())
    assert "Notice of acceptance" in flat and "23 November 2026" in flat
    assert "has decided to accept it" in flat and case.case_no in flat
    assert "Delivered by: By post" in flat
    assert "[2026] No. 1" in notice.number and "ACC" in notice.number  # the English numbering pattern
    assert "受理" not in english and "元" not in english  # no fixed Chinese wording left; data stays as typed

    i18n.save_office_language("zh_TW")
    traditional = "".join(
        _text(issuing.render(issuing.build(case.id, "acceptance_notice", number="X", day=day))).split()
    )
    assert "受理通知書" in traditional and "經審查符合受理條件" in traditional


def test_an_office_keeps_its_own_wording_per_language(case):
    i18n.save_office_language("en")
    templates.save("acceptance_notice", "Dear {complainant}, case {case_no} is accepted. {案件号}")
    assert templates.get("acceptance_notice").startswith("Dear {complainant}")
    assert templates.get("acceptance_notice", "zh_CN") == templates.DEFAULTS["acceptance_notice"]
    filled = templates.fill(templates.get("acceptance_notice"), issuing.values_for(case.id, language="en"))
    assert filled.count(case.case_no) == 2  # English and Chinese placeholder names both filled


def test_english_documents_wrap_between_words(case):
    i18n.save_office_language("en")
    schedule_session(case.id)
    pdf = issuing.render(issuing.build(case.id, "mediation_notice", number="X", day=dt.date(2026, 11, 23)))
    words = " ".join(_text(pdf).split())
    assert "proof of identity, proof of purchase" in words  # words are never cut in two at a line end


def test_an_unknown_office_language_is_refused(database):
    with pytest.raises(i18n.UnknownLanguage):
        i18n.save_office_language("fr")


def test_the_supervision_report_follows_the_office_language(case):
    from app import statistics
    from app.documents import report

    i18n.save_office_language("en")
    _, pdf = report.report(statistics.parse_period(str(clock.today().year)))
    text = " ".join(_text(pdf).split())
    assert f"Complaint handling report {clock.today().year}" in text
    assert "Overview" in text and "Cases registered" in text and "Audit anchor" in text
    assert "投诉处理情况报告" not in text and "概况" not in text


def test_messages_read_as_chinese_and_keep_their_template():
    from app.errors import FieldError, ValidationFailed

    exc = FieldError("身份证号应为 18 位，现为 {n} 位", n=17)
    assert str(exc) == "身份证号应为 18 位，现为 17 位"
    assert exc.message.template == "身份证号应为 18 位，现为 {n} 位" and exc.message.values == {"n": 17}
    assert FieldError("出现了空的 {}").message == "出现了空的 {}"  # braces without values are text
    from app.errors import Message

    listed = Message("办结前须先送达：{documents}", documents=[("受理通知书", "不予受理告知书"), ("回访记录",)])
    assert (
        listed == "办结前须先送达：受理通知书或不予受理告知书、回访记录"
    )  # lists and alternatives, written in Chinese
    failed = ValidationFailed({"a": exc.message, "b": "请填写姓名"})
    assert failed.errors["b"] == "请填写姓名" and failed.errors["a"].values == {"n": 17}
    assert str(failed) == "有 2 处需要更正：身份证号应为 18 位，现为 17 位；请填写姓名"
    english = i18n.translator("en", "errors")(exc.message.template).format(**exc.message.values)
    assert english == "An ID card number has 18 characters; this one has 17"


def test_the_timeline_is_retold_in_the_interface_language(case):
    from app import evidence
    from app.workflow import machine

    item = evidence.add_bytes(case.id, b"receipt" * 100, "receipt.txt", "receipt", "complainant", "王芳")
    evidence.remove(item.id, "duplicate", "王芳")
    machine.record_consent(case.id, "business", "王芳", how="by phone")
    machine.declare_conflict(case.id, "Zhao", "relative of the owner", "王芳")
    machine.transition(case.id, "accepted", "王芳")
    issuing.issue(case.id, "acceptance_notice", "post", "王芳")
    english = [e.text + (f" ({e.note})" if e.note else "") for e in cases.timeline(case.id, "en")]
    told = "\n".join(english)
    assert 'Evidence added: Invoice/receipt "receipt.txt" (supplied by Complainant, 1 KB, SHA-256' in told
    assert 'Evidence "receipt.txt" removed: duplicate' in told
    assert "Consent: Business agrees to mediation (by phone)" in told
    assert (
        "Conflict-of-interest declaration: Mediator Zhao declared a conflict of interest: relative of the owner" in told
    )
    assert "Document delivered: Notice of acceptance 西消" in told and ", By post" in told  # the number as issued
    assert "Status: Registered → Accepted" in told and "Complaint registered" in told
    assert not any(i18n.chinese().search(line) for line in english if not line.startswith("Document delivered")), (
        english
    )
    chinese = "\n".join(e.text for e in cases.timeline(case.id))
    assert "添加证据：发票/收据“receipt.txt”（投诉人提供" in chinese and "送达文书：受理通知书" in chinese


def test_chinese_typed_into_an_english_document_breaks_like_chinese(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")
    facts = "办卡后不到四个月门店突然关门，联系不上负责人，卡内余额无法使用。" * 6
    ref = cases.intake(intake_values(complaint__facts=facts))
    i18n.save_office_language("en")
    pdf = issuing.render(issuing.build(ref.id, "intake_receipt", number="X", day=dt.date(2026, 11, 23)))
    lines = [line.strip() for page in PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().split("\n")]
    assert any("卡内余额" in line for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines), lines


def test_traditional_chinese_keeps_the_office_vocabulary():
    """OpenCC's IT vocabulary turned 代码 into 程式碼 and 项目 into 專案; an office says 代碼 and 項目."""
    text = (ROOT / "resources" / "translations" / "complaintdesk_zh_TW.ts").read_text(encoding="utf-8")
    assert "程式碼" not in text and "專案" not in text

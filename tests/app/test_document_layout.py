"""Documents laid out as GB/T 9704-2012 lays out an official document, measured in the issued PDF:
the type area 156 mm wide at 28 mm from the left, the body in 3号 with 28 characters a line on a
22-line grid, the title in 2号; the shipped GB 2312 宋体 embedded, or the office's own licensed font."""

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app import cases
from app.documents import fonts, issuing, templates
from app.errors import ComplaintDeskError
from app.paths import resources_dir
from app.workflow import machine
from tests.app.test_documents import _fonts
from tests.app.test_documents_from_records import has, text_of
from tests.factories import intake_values

SONG, KAI = "BousungEG-Light-GB", "GBZenKai-Medium"  # the PostScript names of AR PL SungtiL GB and KaitiM GB
PARAGRAPH = "本机构经审查认为您的投诉符合受理条件决定予以受理并将依法组织调解请保持通讯畅通" * 3


def placed(pdf: bytes) -> list[tuple[float, float, float, str]]:
    """(x from the left edge, y from the bottom, size, text) of each run of text on page one."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((round(cm[4] + tm[4] * cm[0], 2), round(cm[5] + tm[5] * cm[3], 2), size, text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.fixture
def case(database):
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消", phone="0571-88888888")
    return cases.intake(intake_values())


@pytest.fixture
def long_notice(case):
    templates.save("acceptance_notice", "{投诉人}：\n" + PARAGRAPH)
    return issuing.issue(case.id, "acceptance_notice", "post", "王芳")


def test_the_body_is_3hao_on_a_22_line_grid_of_28_characters_in_the_type_area(long_notice):
    pdf = issuing.reprint(long_notice.id)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width) / mm), round(float(page.mediabox.height) / mm)) == (210, 297)
    runs = placed(pdf)
    body = [r for r in runs if r[2] == pytest.approx(15.79) and len(r[3]) > 4 and r[3] in PARAGRAPH]
    assert "".join(r[3] for r in body) == PARAGRAPH
    assert [len(r[3]) for r in body] == [
        26,
        28,
        28,
        28,
        len(PARAGRAPH) - 110,
    ]  # two characters' indent, then full lines
    assert all(abs(r[0] - 28 * mm) < 0.5 for r in body[1:])  # the type area's left edge
    assert body[0][0] == pytest.approx(28 * mm + 2 * 15.79, abs=0.5)
    pitches = {round(a[1] - b[1], 1) for a, b in zip(body, body[1:])}
    assert pitches == {round(225 * mm / 22, 1)}  # 22 lines in 225 mm
    [title] = [r for r in runs if r[3] == "受理通知书"]
    assert title[2] == 22  # 2号
    letterhead = next(r for r in runs if r[3] == "杭州市西湖区消费者权益保护委员会" and r[2] == 26)
    assert 297 * mm - 37 * mm - 30 < letterhead[1] < 297 * mm - 37 * mm  # at the top of the type area
    assert _fonts(pdf)["/AAAAAA+" + SONG]  # the shipped 宋体 (AR PL SungtiL GB), embedded


def test_the_office_gives_its_own_body_font_and_a_font_that_cannot_serve_is_refused(case):
    folder = resources_dir() / "fonts"
    with pytest.raises(ComplaintDeskError, match="只含 0 个 GB 2312 汉字"):
        issuing.save_letterhead("某某市消费者协会", body_font=(folder / "hanazono-a-fallback.ttf").read_bytes())
    with pytest.raises(ComplaintDeskError, match="不是可嵌入的 TrueType"):
        issuing.save_letterhead("某某市消费者协会", title_font=b"OTTO" + b"\0" * 400)
    assert not issuing.letterhead()["body_font_sha"]  # nothing kept from a refused save

    own = (folder / "arphic-gkai00mp.ttf").read_bytes()  # stands in for an office's licensed 仿宋_GB2312
    issuing.save_letterhead("某某市消费者协会", body_font=own)
    notice = issuing.issue(case.id, "acceptance_notice", "post", "王芳")
    used = _fonts(issuing.reprint(notice.id))
    assert used["/AAAAAA+" + KAI] and used["/AAAAAA+" + SONG]  # the office's body font and the shipped title font
    assert "西消" not in text_of(notice) and has(text_of(notice), "某某市消费者协会", case.case_no) == []
    issuing.save_letterhead("某某市消费者协会", body_font=b"")
    again = issuing.issue(case.id, "acceptance_notice", "post", "王芳")
    assert "/AAAAAA+" + KAI not in _fonts(issuing.reprint(again.id))
    assert fonts.check_office_font(own, "body") == fonts.GB2312_HANZI

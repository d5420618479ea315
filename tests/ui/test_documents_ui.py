"""The case's 文书 tab: preview a draft, issue, reprint to a printer, save, correct."""

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from app import cases
from app.documents import issuing
from tests.ui.conftest import activate
from tests.ui.test_evidence_ui import open_first_case


def test_preview_issue_print_save_and_correct_from_the_case(window, qtbot, messages, answers, tmp_path):
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消", phone="0571-88888888")
    view = open_first_case(window, qtbot)
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # 文书(&W)
    panel = view.documents
    assert view.lower_tabs.currentWidget() is panel
    panel.kind.setCurrentIndex(panel.kind.findData("acceptance_notice"))
    preview = panel.preview_draft()
    assert preview is not None and len(preview.page_labels) == 1
    image = preview.page_labels[0].pixmap().toImage()
    assert abs(image.width() - 700) <= 1 and image.pixelColor(5, 5).name() == "#ffffff"  # painted on white
    preview.close()

    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    number = panel.table.item(0, 1).text()
    assert number.startswith("西消投受〔") and number in panel.message.text()
    assert any(number in e.text for e in cases.timeline(view.case_id))

    saved = panel.save_issued(str(tmp_path / "受理通知书.pdf"))
    assert open(saved, "rb").read() == issuing.reprint(panel.notices[0].id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert panel.print_issued(printer)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 1

    panel.table.selectRow(0)
    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.findChild(QPushButton, "doc.correct"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert "已被更正" in panel.table.item(0, 5).text() and number in panel.table.item(1, 5).text()


def test_without_a_letterhead_the_panel_says_what_to_do(window, qtbot, messages):
    from app import settings

    settings.remove("office.name")
    view = open_first_case(window, qtbot)
    view.lower_tabs.setCurrentWidget(view.documents)
    assert view.documents.preview_draft() is None
    assert "办公室名称" in view.documents.message.text()


def test_batch_printing_a_status_with_progress_to_a_printer_and_a_folder(window, qtbot, messages, tmp_path):
    from app.models import Case, IssuedNotice

    issuing.save_letterhead("某某市消费者协会", short="某消")
    dialog = window.open_batch_print()
    dialog.kind.setCurrentIndex(dialog.kind.findData("acceptance_notice"))
    dialog.status.setCurrentIndex(dialog.status.findData("accepted"))
    expected = Case.select().where(Case.status == "accepted").count()
    assert expected > 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "batch.pdf"))
    progress = dialog.start(printer=printer)
    assert progress.objectName() == "progress"
    qtbot.waitUntil(lambda: dialog.printed == expected, timeout=60000)  # drawn off the window's thread
    assert len(PdfReader(str(tmp_path / "batch.pdf")).pages) >= expected
    assert IssuedNotice.select().count() == 0  # drafts: nothing issued unless asked

    dialog = window.open_batch_print()
    dialog.kind.setCurrentIndex(dialog.kind.findData("acceptance_notice"))
    dialog.status.setCurrentIndex(dialog.status.findData("accepted"))
    dialog.issue_new.setChecked(True)
    dialog.to_folder.setChecked(True)
    dialog.start(folder=str(tmp_path))
    qtbot.waitUntil(lambda: len(dialog.results) == expected, timeout=60000)
    assert len(list(tmp_path.glob("*-acceptance_notice.pdf"))) == expected
    assert IssuedNotice.select().where(IssuedNotice.kind == "acceptance_notice").count() == expected


def test_office_sets_letterhead_wording_and_numbers_and_a_bad_placeholder_is_caught(window, qtbot, messages, tmp_path):
    from app.documents import templates
    from tests.app.test_evidence import png
    from tests.ui.typing import type_text

    dialog = window.open_office_settings()
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.letterhead["name"].clear()
    dialog.letterhead["name"].setFocus()
    type_text(qtbot, dialog.letterhead["name"], "杭州市西湖区消费者权益保护委员会")
    dialog.letterhead["short"].setText("西消")
    seal = tmp_path / "seal.png"
    seal.write_bytes(png(width=60, height=60, seed=2))
    state = QLabel()
    dialog._choose_image("seal", state, str(seal))  # what 选择… does once the file dialog returns
    assert state.text() == "seal.png"
    dialog.use_seal.setChecked(True)
    dialog.tabs.setCurrentIndex(2)
    dialog.template_kind.setCurrentIndex(dialog.template_kind.findData("acceptance_notice"))
    dialog.template_text.setPlainText("{投拆人}：您的投诉已受理。")
    assert not dialog.save()
    assert "投拆人" in dialog.error.text() and dialog.isVisible()
    dialog.template_text.setPlainText("尊敬的{投诉人}：您的投诉（{案件号}）本会已受理。")
    dialog.patterns["acceptance_notice"].setText("{office}受字〔{year}〕第{n}号")
    assert dialog.save()
    assert issuing.letterhead()["name"] == "杭州市西湖区消费者权益保护委员会" and issuing.letterhead()["seal_sha"]
    assert templates.get("acceptance_notice").startswith("尊敬的")
    case_id = window.register.model.rows[0].id
    notice = issuing.issue(case_id, "acceptance_notice", "post", "王芳")
    assert notice.number.startswith("西消受字〔") and notice.number.endswith("第1号")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(issuing.reprint(notice.id))).pages)
    assert "尊敬的" in text and "杭州市西湖区消费者权益保护委员会" in text
    images = [img for page in PdfReader(io.BytesIO(issuing.reprint(notice.id))).pages for img in page.images]
    assert images  # the seal in the seal area


def test_quick_clicks_on_issue_issue_once_and_never_crash(window, qtbot, answers):
    """Issue 14.8: the question no longer runs a loop of its own inside the click; clicks that
    arrive while it is up reach nothing, and the answer issues one document."""
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消")
    view = open_first_case(window, qtbot)
    panel = view.documents
    view.lower_tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("acceptance_notice"))
    for _ in range(3):
        qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)  # the second and third hit the open question
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    answers.button(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    qtbot.wait(100)
    assert panel.table.rowCount() == 1 and QApplication.activeModalWidget() is None
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    window.close_tab(window.tabs.indexOf(view))  # the case closes while its question is up
    qtbot.wait(100)
    assert QApplication.activeModalWidget() is None  # the question went with it; nothing was issued

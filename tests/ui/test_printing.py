"""Printing (issue 23): what lands on paper is where the issued PDF has it. Drawn pages (the path
a system without CUPS takes) are compared with the PDF by the red rule under the letterhead;
through a real CUPS queue the issued PDF itself is the job, titled with the document's number."""

import os
import pwd
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest
from PIL import ImageFilter
from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from app import printing
from app.documents import issuing
from tests import printers
from tests.ui.conftest import activate
from tests.ui.test_evidence_ui import open_first_case
from ui import documents_panel, pdf_view


def red_rule(pdf: bytes, dpi: int = 100) -> tuple[float, float, float]:
    """(left, right, top) in millimetres of the red pixels on page 1 (the rule and the office name)."""
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=dpi / 72).to_pil().convert("RGB")
    width, height = image.size
    pixels = image.load()
    xs, ys = [], []
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            r, g, b = pixels[x, y]
            if r > 150 and g < 90 and b < 90:
                xs.append(x)
                ys.append(y)
    mm = 25.4 / dpi
    return min(xs) * mm, max(xs) * mm, min(ys) * mm


def issued(window, qtbot):
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消")
    view = open_first_case(window, qtbot)
    notice = issuing.issue(view.case_id, "acceptance_notice", "in_person", "王芳")
    return view, notice, issuing.reprint(notice.id)


def test_drawn_pages_land_at_true_scale_whatever_the_hardware_margin(window, qtbot, tmp_path):
    _view, notice, pdf = issued(window, qtbot)
    expected = red_rule(pdf)
    for margin in (0, 6.35):  # a PDF writer's and a typical laser printer's unprintable edge
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"drawn-{margin}.pdf"))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(margin, margin, margin, margin),
            )
        )
        assert pdf_view.print_pdf(pdf, printer, f"{notice.number} 受理通知书") == ""
        printed = (tmp_path / f"drawn-{margin}.pdf").read_bytes()
        got = red_rule(printed)
        assert all(abs(a - b) <= 1.0 for a, b in zip(got, expected)), (margin, got, expected)


def gray(pdf: bytes, page: int, dpi: int = 60):
    return pdfium.PdfDocument(pdf)[page].render(scale=dpi / 72, grayscale=True).to_pil()


def ink_lost(page, paper) -> int:
    """Dark pixels of `page` with nothing dark within a pixel of them on `paper` (a stroke drawn
    half a pixel over is still where it was)."""
    near = paper.resize(page.size).filter(ImageFilter.MinFilter(3)).load()
    pixels = page.load()
    return sum(1 for y in range(page.height) for x in range(page.width) if pixels[x, y] < 128 and near[x, y] > 192)


def test_a_batch_drawn_off_the_window_s_thread_puts_every_page_on_paper_as_its_pdf_has_it(window, qtbot, tmp_path):
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消")
    ids = [row.id for row in window.register.model.rows[:3]]
    pdfs = [issuing.draft(case_id, "acceptance_notice") for case_id in ids]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "batch.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    done: list[int] = []
    pdf_view.print_many(window, [(f"通知 {i}", pdf) for i, pdf in enumerate(pdfs)], printer, done.append)
    qtbot.waitUntil(lambda: done == [3], timeout=60000)
    printed = (tmp_path / "batch.pdf").read_bytes()
    assert len(pdfium.PdfDocument(printed)) == 3
    for page, pdf in enumerate(pdfs):  # every band of every page, none missing or moved
        want, got = gray(pdf, 0), gray(printed, page)
        dark = sum(1 for value in want.get_flattened_data() if value < 128)
        # measured: 1% lost where the bands meet at this coarse scale; one band in seven left out, 7%
        assert ink_lost(want, got) <= 0.03 * dark and ink_lost(got, want) <= 0.01 * dark, page


def test_a_margin_wider_than_the_documents_is_said():
    assert pdf_view.margin_text(QMarginsF(4.2, 4.2, 4.2, 4.2)) == ""  # a laser printer's edge: the page fits
    said = pdf_view.margin_text(QMarginsF(3, 15, 3, 3))
    assert "15 毫米" in said and "11 毫米" in said


@pytest.fixture
def cups_queue(cups_server):
    """The run's CUPS server with its cups-pdf queue. cups-pdf writes into ~/PDF of the job's user
    (its configuration is the system's): the files this test's jobs make there are removed after it."""
    out = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"
    before = set(out.glob("*.pdf")) if out.exists() else set()
    jobs = set(cups_server.spool.glob("d*-001"))
    yield SimpleNamespace(
        socket=str(printers.SOCKET),
        out=out,
        before=before,
        page_log=cups_server.page_log,
        spool=cups_server.spool,
        jobs=jobs,
    )
    for made in set(out.glob("*.pdf")) - before if out.exists() else ():
        made.unlink()


def test_through_a_real_cups_queue_the_issued_pdf_itself_is_printed_and_titled(window, qtbot, cups_queue):
    _view, notice, pdf = issued(window, qtbot)
    title = f"{notice.number} 受理通知书"
    job = printing.send(pdf, printing.Job("pdfq", title), server=cups_queue.socket)
    assert job.startswith("pdfq-")
    done = time.time() + 60  # until the queue has finished the job (not only begun the file)
    while (
        time.time() < done
        and subprocess.run(
            ["lpstat", "-h", cups_queue.socket, "-W", "not-completed", "-o", "pdfq"], capture_output=True, text=True
        ).stdout.strip()
    ):
        time.sleep(0.2)
    [printed] = set(cups_queue.out.glob("*.pdf")) - cups_queue.before
    # the job the queue received is the archived document, byte for byte (vector, fonts embedded)
    number = job.rsplit("-", 1)[1]
    [spooled] = list(cups_queue.spool.glob(f"d{int(number):05d}-001"))
    assert spooled.read_bytes() == pdf
    fonts = subprocess.run(["pdffonts", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts or "Bousung" in fonts  # text in the embedded fonts, not one bitmap a page
    got, expected = red_rule(printed.read_bytes()), red_rule(pdf)
    assert all(abs(a - b) <= 1.0 for a, b in zip(got, expected)), (got, expected)
    assert title in cups_queue.page_log.read_text(errors="replace")  # the queue knows which document it is


def test_reprint_in_the_documents_tab_sends_the_issued_pdf_to_the_chosen_queue(
    window, qtbot, cups_queue, monkeypatch, messages
):
    view, notice, pdf = issued(window, qtbot)
    chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
    chosen.setPrinterName("pdfq")
    chosen.setCopyCount(2)
    monkeypatch.setattr(documents_panel, "ask_printer", lambda parent: chosen)  # the print dialog, answered
    activate(qtbot, window)
    panel = view.documents
    view.lower_tabs.setCurrentWidget(panel)
    panel.reload()
    panel.table.selectRow(0)
    button = panel.findChild(QPushButton, "doc.print")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: notice.number in panel.message.text(), timeout=10000)
    assert not messages
    done = time.time() + 60
    while time.time() < done and not (set(cups_queue.out.glob("*.pdf")) - cups_queue.before):
        time.sleep(0.2)
    [spooled] = set(cups_queue.spool.glob("d*-001")) - cups_queue.jobs
    assert spooled.read_bytes() == pdf
    log = cups_queue.page_log
    done = time.time() + 30
    while time.time() < done and not (log.exists() and notice.number in log.read_text(errors="replace")):
        time.sleep(0.2)
    assert f"{notice.number} 受理通知书" in log.read_text(errors="replace")  # the job's title, as the queue logs it


def test_the_command_line_prints_a_document_to_a_queue(cups_queue, tmp_path, capsys):
    from app import cases, cli, db, startup
    from app.workflow import machine
    from tests.factories import intake_values

    path = str(tmp_path / "cli.db")
    startup.open_database(path)
    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("杭州市西湖区消费者权益保护委员会", short="西消")
    ref = cases.intake(intake_values())
    db.close()
    assert cli.main(["print", ref.case_no, "intake_receipt", "--db", path, "--issue", "--printer", "pdfq"]) == 0
    assert "→ pdfq" in capsys.readouterr().out
    assert cli.main(["print", ref.case_no, "intake_receipt", "--db", path, "--printer", "nosuch"]) == 1
    assert "nosuch" in capsys.readouterr().err
    assert cli.main(["print", ref.case_no, "intake_receipt", "--db", path]) == 1  # neither a file nor a printer

"""PDF bytes on screen and on paper: PDFium (pypdfium2) renders the pages onto white, a scroll
area shows them, QPrinter prints them page by page."""

from __future__ import annotations

import threading
import time

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import printing
from app.documents.render import INK_MARGIN_MM
from app.errors import ComplaintDeskError
from app.whole_files import write_whole
from ui import file_dialogs, i18n
from ui.screen_fit import fit_to_screen
from ui.workers import run_in_background

tr = i18n.translator("pdf_view")


class PdfPages:
    """A loaded PDF, its pages rendered on demand at a given pixel width."""

    def __init__(self, data: bytes):
        self.data = data
        self.document = pdfium.PdfDocument(data)

    @property
    def count(self) -> int:
        return len(self.document)

    def image(self, page: int, width: int) -> QImage:
        pdf_page = self.document[page]
        bitmap = pdf_page.render(scale=width / pdf_page.get_width(), fill_color=(255, 255, 255, 255))
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGB32,
        )
        return image.rgbSwapped() if bitmap.n_channels == 3 else image.copy()  # PDFium writes BGR


BAND = 64  # pixel rows drawn per call: at 600 dpi about 10 ms, during which the call holds the GIL
NAP = 0.0005  # seconds the worker sleeps between bands, so the window's thread takes the GIL
RASTER_DPI = (
    600  # rasterised pages at the printer's resolution, up to this (an A4 page at 600 dpi: 35 million pixels, 100 MB)
)


def _through_cups(printer: QPrinter) -> bool:
    """The PDF itself goes to a CUPS queue; a QPrinter writing a file (or Windows) gets pages drawn."""
    return printing.cups_available() and bool(printer.printerName()) and not printer.outputFileName()


def job_of(printer: QPrinter, title: str) -> printing.Job:
    """What the print dialog chose, as a CUPS job: the queue, copies, duplex and page range."""
    duplex = {
        QPrinter.DuplexMode.DuplexLongSide: "long",
        QPrinter.DuplexMode.DuplexShortSide: "short",
        QPrinter.DuplexMode.DuplexAuto: "long",
    }.get(printer.duplex(), "none")
    pages = ""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage():
        pages = f"{printer.fromPage()}-{printer.toPage() or printer.fromPage()}"
    return printing.Job(printer.printerName(), title, max(printer.copyCount(), 1), duplex, pages)


def margin_problem(printer: QPrinter) -> str:
    """Why a rasterised page cannot land whole: the printer's hardware margin wider than the
    document's own (what it would cut off), or "" when it fits."""
    return margin_text(printer.pageLayout().minimumMargins())  # in the layout's units: millimetres for A4


def margin_text(least) -> str:
    """The warning for hardware margins `least` (QMarginsF, millimetres), or ""."""
    widest = max(least.left(), least.top(), least.right(), least.bottom())
    if widest > INK_MARGIN_MM:
        return (
            tr("打印机的不可打印边距为 %1 毫米，大于文书的页边距 %2 毫米：页边的文字可能印不出来")
            .replace("%1", f"{widest:.0f}")
            .replace("%2", str(INK_MARGIN_MM))
        )
    return ""


def _draw(painter: QPainter, printer: QPrinter, doc: PdfPages, page: int) -> None:
    """One page at true scale: the PDF's page onto the whole sheet, its corner at the paper's corner
    (full-page mode), rendered at the printer's resolution up to RASTER_DPI."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
    dpi = max(printer.resolution(), 1)
    width = int(paper.width() * min(RASTER_DPI, dpi) / dpi)
    pdf_page = doc.document[page]
    bitmap = pdf_page.render(
        scale=width / pdf_page.get_width(),
        fill_color=(255, 255, 255, 255),
        rev_byteorder=True,
        # PDFium allocates without the GIL; pypdfium2's own ctypes array is zeroed holding it (40 ms a page)
        bitmap_maker=pdfium.PdfBitmap.new_foreign,
    )
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    # In short bands with a nap between them. drawImage holds the GIL, and a thread waiting for it
    # (the window's) only asks after the 5 ms switch interval: calls shorter than that, back to back,
    # kept the window waiting for a whole page (0.9 s, measured), longer ones for as long as each.
    scale = paper.height() / image.height()
    for top in range(0, image.height(), BAND):
        rows = min(BAND, image.height() - top)
        target = QRectF(0, top * scale, paper.width(), rows * scale)
        painter.drawImage(target, image, QRectF(0, top, image.width(), rows))
        if threading.current_thread() is not threading.main_thread():
            time.sleep(NAP)


def draw_pages(printer: QPrinter, documents: list[bytes], progress=None, cancelled=None) -> int:
    """Rasterise documents onto one printer job, page after page; returns how many were sent.
    Runs in a worker thread too (QPainter may paint on a QPrinter outside the GUI thread)."""
    printer.setFullPage(True)  # the painter's origin is the paper's corner: the margin is not counted twice
    painter = QPainter()
    if not painter.begin(printer):
        raise printing.PrintFailed("打印机无法开始打印")
    sent = 0
    try:
        for i, data in enumerate(documents):
            if cancelled and cancelled():
                break
            doc = PdfPages(data)
            for page in range(doc.count):
                if sent or page:
                    printer.newPage()
                _draw(painter, printer, doc, page)
            sent = i + 1
            if progress:
                progress(sent, len(documents))
    finally:
        painter.end()
    return sent


def print_pdf(data: bytes, printer: QPrinter, title: str) -> str:
    """One issued document onto the chosen printer, titled; returns the CUPS job id ("" when drawn)."""
    printer.setDocName(title)
    if _through_cups(printer):
        return printing.send(data, job_of(printer, title))
    draw_pages(printer, [data])
    return ""


def print_many(parent: QWidget, documents: list[tuple[str, bytes]], printer: QPrinter, done=None):
    """A batch in the background with progress and cancel, one titled job per document on CUPS,
    or one drawn job titled for the batch elsewhere; `done(count)` runs when it ends."""
    cups = _through_cups(printer)
    if not cups:
        printer.setDocName(tr("批量打印（%1 份）").replace("%1", str(len(documents))))
    template = job_of(printer, "") if cups else None

    def work(progress, cancelled):
        if not cups:
            return draw_pages(printer, [d for _, d in documents], progress, cancelled)
        sent = 0
        for title, data in documents:
            if cancelled():
                break
            printing.send(data, printing.Job(template.printer, title, template.copies, template.duplex))
            sent += 1
            progress(sent, len(documents))
        return sent

    return run_in_background(parent, tr("正在打印…"), work, done or (lambda _n: None), failure_title=tr("未能打印"))


def print_or_say(parent: QWidget, data: bytes, printer: QPrinter, title: str) -> bool:
    """Print, or tell the clerk why not (a refused job, a hardware margin wider than the page's)."""
    problem = "" if _through_cups(printer) else margin_problem(printer)
    if problem:
        QMessageBox.warning(parent, tr("打印"), problem)
    try:
        print_pdf(data, printer, title)
    except ComplaintDeskError as exc:
        QMessageBox.warning(parent, tr("未能打印"), i18n.say(exc))
        return False
    return True


def ask_printer(parent: QWidget) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def save_pdf(parent: QWidget, data: bytes, suggested: str, path: str | None = None) -> str | None:
    if path is None:
        path = file_dialogs.save_file(parent, tr("另存为 PDF"), suggested, "PDF (*.pdf)")
        if not path:
            return None
    try:
        write_whole(path, data)
    except OSError as exc:
        QMessageBox.warning(parent, tr("未能保存"), f"{path}：{exc.strerror or exc}")
        return None
    except ComplaintDeskError as exc:
        QMessageBox.warning(parent, tr("未能保存"), i18n.say(exc))
        return None
    return path


class PreviewDialog(QDialog):
    """The pages as they will print; Ctrl+P prints, Ctrl+Shift+S saves the PDF."""

    def __init__(self, parent, title: str, data: bytes, suggested_name: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("preview")
        fit_to_screen(self, 760, 900)
        self.data = data
        self.suggested = suggested_name
        self.pages = PdfPages(data)
        column = QWidget()
        stack = QVBoxLayout(column)
        self.page_labels: list[QLabel] = []
        for page in range(self.pages.count):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self.pages.image(page, 700)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            stack.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(tr("打印(&P)…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(tr("另存为 PDF(&A)…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: save_pdf(self, self.data, self.suggested))
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def print_document(self, printer: QPrinter | None = None) -> bool:
        printer = printer or ask_printer(self)
        if printer is None:
            return False
        return print_or_say(self, self.data, printer, self.windowTitle())

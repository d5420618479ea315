"""PDF bytes on screen and on paper: PDFium (pypdfium2) renders the pages onto white, a scroll
area shows them, QPrinter prints them page by page."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ComplaintDeskError
from app.whole_files import write_whole
from ui import file_dialogs, i18n
from ui.screen_fit import fit_to_screen

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


PRINT_DPI = 300  # sharp on paper; a 1200-dpi printer would otherwise get 16x the pixels


def _print_page(painter: QPainter, printer: QPrinter, doc: PdfPages, page: int) -> None:
    """One page into the printable area, rendered at no more than PRINT_DPI and scaled by the painter."""
    area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
    width = min(area.width(), int(area.width() * PRINT_DPI / max(printer.resolution(), 1)))
    image = doc.image(page, width)
    target = area.size()
    scaled = image.size().scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRect(area.topLeft(), scaled), image)


def print_pdf(data: bytes, printer: QPrinter) -> None:
    """Every page onto the printer, scaled to its printable area."""
    pages = PdfPages(data)
    painter = QPainter(printer)
    try:
        for page in range(pages.count):
            if page:
                printer.newPage()
            _print_page(painter, printer, pages, page)
    finally:
        painter.end()


def print_many(parent: QWidget, documents: list[bytes], printer: QPrinter) -> int:
    """Print one document after another on the UI thread, with progress and cancel; returns how many."""
    progress = QProgressDialog(tr("正在打印…"), tr("取消"), 0, len(documents), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    painter = QPainter(printer)
    printed = 0
    try:
        for i, data in enumerate(documents):
            if progress.wasCanceled():
                break
            doc = PdfPages(data)
            for page in range(doc.count):
                if printed or page:
                    printer.newPage()
                _print_page(painter, printer, doc, page)
                QApplication.processEvents()
            printed = i + 1
            progress.setValue(printed)
    finally:
        painter.end()
        progress.close()
    return printed


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
        print_pdf(self.data, printer)
        return True

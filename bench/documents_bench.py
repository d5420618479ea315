"""Documents: rendering a notice from a case, and a batch of 1,000, against a minimal reportlab
page with the same font in the same run (target <= 100 ms a notice)."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path


def _bare_page() -> bytes:
    """The floor: one A4 page, the same embedded CJK font, one paragraph, nothing from the database."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.documents import fonts

    out = io.BytesIO()
    style = ParagraphStyle("p", fontName=fonts.register(), fontSize=13, leading=23, wordWrap="CJK")
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph("您于二〇二六年十一月二十三日提出的投诉，本机构决定受理。" * 3, style)]
    )
    return out.getvalue()


def run(report, runs: int = 20) -> list[bool]:
    from app import db, demo, startup
    from app.documents import issuing
    from app.models import Case
    from app.workflow import machine

    with tempfile.TemporaryDirectory(prefix="documents-bench-") as tmp:
        startup.open_database(str(Path(tmp) / "docs.db"))
        machine.set_office_profile("consumer_association")
        demo.generate(1000, seed=4)
        issuing.save_letterhead(
            "杭州市西湖区消费者权益保护委员会", short="西消", address="文三路 1 号", phone="0571-88888888"
        )
        ids = [c for (c,) in Case.select(Case.id).order_by(Case.id).tuples()]
        _bare_page()  # fonts registered before timing
        issuing.draft(ids[0], "acceptance_notice")

        def timed(fn) -> float:
            t = time.perf_counter()
            fn()
            return (time.perf_counter() - t) * 1000

        bare = statistics.median(timed(_bare_page) for _ in range(runs))
        draft = statistics.median(timed(lambda i=i: issuing.draft(ids[i], "acceptance_notice")) for i in range(runs))
        issue = statistics.median(
            timed(lambda i=i: issuing.issue(ids[i], "acceptance_notice", "post", "bench"))
            for i in range(runs, 2 * runs)
        )
        started = time.perf_counter()
        for case_id in ids:
            issuing.draft(case_id, "acceptance_notice")
        batch = time.perf_counter() - started
        printed, stall, took = _print_batch([issuing.draft(i, "acceptance_notice") for i in ids[:50]], Path(tmp))
        db.close()
    print(f"\ndocuments (median of {runs}):")
    print(f"  baseline: minimal reportlab page, same font   {bare:9.1f} ms")
    return [
        report("notice: draft from a case", draft, "ms", 100, "minimal page", draft / bare),
        report("notice: issue (number, PDF, store, event)", issue, "ms", 100, "minimal page", issue / bare),
        report("batch of 1,000 notices", batch, "s", 100, "", None),
        report(f"batch print of {printed} (drawn, {took:.1f} s): longest UI stall", stall, "ms", 100),
    ]


def _print_batch(documents: list[bytes], folder: Path) -> tuple[int, float, float]:
    """50 notices through the batch printer's path (drawn pages: the path without CUPS, the heavier
    one) while a 10 ms timer measures how long the window's event loop is kept waiting."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from bench.stalls import longest_stall
    from ui import pdf_view
    from ui.main import make_application

    make_application()
    window = QWidget()
    window.show()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "batch.pdf"))
    started = time.perf_counter()
    stall, printed = longest_stall(
        lambda finished: pdf_view.print_many(
            window, [(f"bench {i}", d) for i, d in enumerate(documents)], printer, finished
        )
    )
    return printed, stall, time.perf_counter() - started

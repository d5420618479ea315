"""Documents: rendering a notice from a case, and a batch of 1,000, against a minimal reportlab
page with the same font in the same run (target <= 100 ms a notice)."""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from bench.measure import Figure, Summary, alternated


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


def run(summary: Summary, runs: int = 20) -> None:
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
        drafted, issued = iter(ids), iter(ids[len(ids) // 2 :])  # a different case each time
        print(f"\ndocuments, each beside a minimal reportlab page with the same font, in turn (median of {runs}):")
        draft, bare = alternated(lambda: issuing.draft(next(drafted), "acceptance_notice"), _bare_page, runs)
        summary.add(Figure("notice: draft from a case", draft, target=100, baseline=bare, baseline_name="minimal page"))
        issue, bare = alternated(
            lambda: issuing.issue(next(issued), "acceptance_notice", "post", "bench"), _bare_page, runs
        )
        summary.add(
            Figure(
                "notice: issue (number, PDF, store, event)",
                issue,
                target=100,
                baseline=bare,
                baseline_name="minimal page",
            )
        )
        started = time.perf_counter()
        for case_id in ids:
            issuing.draft(case_id, "acceptance_notice")
        batch = time.perf_counter() - started
        summary.add(Figure("batch of 1,000 notices", batch, "s", target=100))
        printed, stall, took = _print_batch([issuing.draft(i, "acceptance_notice") for i in ids[:50]], Path(tmp))
        summary.add(Figure(f"batch print of {printed} (drawn, {took:.1f} s): longest UI stall", stall, target=100))
        db.close()


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

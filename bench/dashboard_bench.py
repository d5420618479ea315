"""The dashboard on 1,000,000 cases (SQLite): figures in SQL plus drawing the tab, target <= 1 s
for any period a supervisor picks (issue 21: this month, this year, last year), read from the
figures kept per month (app/month_figures); the one-off import of pyqtgraph when the tab is first
shown, and keeping the months changed since, are printed beside them."""

from __future__ import annotations

import statistics as pystats
import time


def run(summary, path, scale: str, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app import db, month_figures, startup
    from bench.measure import Figure
    from ui.main import make_application

    make_application()
    started = time.perf_counter()
    import pyqtgraph  # noqa: F401 - the first-show cost, measured on its own

    imported = (time.perf_counter() - started) * 1000
    from ui.dashboard import Dashboard

    startup.open_database(str(path))
    started = time.perf_counter()
    kept = month_figures.refresh()  # the months changed since the figures were last kept (none, usually)
    keeping = (time.perf_counter() - started) * 1000
    board = Dashboard()
    board.resize(1360, 900)
    board.show()

    def once(index: int) -> float:
        board.period.blockSignals(True)
        board.period.setCurrentIndex(index)
        board.period.blockSignals(False)
        t = time.perf_counter()
        board.load()  # figures computed in the background, then drawn
        while not board.loaded:
            QApplication.processEvents()
            time.sleep(0.002)
        board.grab()  # painted, charts included
        return (time.perf_counter() - t) * 1000

    once(0)  # warm the page cache as a running office would have it
    month = pystats.median(once(0) for _ in range(runs))
    once(4)
    year = pystats.median(once(4) for _ in range(runs))
    received = board.figures.received
    once(5)
    last_year = pystats.median(once(5) for _ in range(runs))
    received_last = board.figures.received
    db.close()
    print(f"\ndashboard on {path.name} (median of {runs}; this year: {received:,} cases registered):")
    print(f"  one-off: importing pyqtgraph + numpy on first show  {imported:9.1f} ms")
    print(f"  one-off: keeping the figures of {len(kept)} changed months  {keeping:9.1f} ms")
    summary.add(Figure("dashboard: this month, figures + charts", month, target=1000, scale=scale))
    summary.add(Figure(f"dashboard: this year ({received:,} cases), figures + charts", year, target=1000, scale=scale))
    summary.add(
        Figure(f"dashboard: last year ({received_last:,} cases), figures + charts", last_year, target=1000, scale=scale)
    )

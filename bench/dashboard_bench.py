"""The dashboard on 1,000,000 cases (SQLite): figures in SQL plus drawing the tab, target <= 1 s
for any period a supervisor picks (issue 21: this month and this year); the one-off import of
pyqtgraph when the tab is first shown is printed beside them."""

from __future__ import annotations

import statistics as pystats
import time


def run(summary, path, scale: str, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app import db, startup
    from bench.measure import Figure
    from ui.main import make_application

    make_application()
    started = time.perf_counter()
    import pyqtgraph  # noqa: F401 - the first-show cost, measured on its own

    imported = (time.perf_counter() - started) * 1000
    from ui.dashboard import Dashboard

    startup.open_database(str(path))
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
    db.close()
    print(f"\ndashboard on {path.name} (median of {runs}; this year: {received:,} cases registered):")
    print(f"  one-off: importing pyqtgraph + numpy on first show  {imported:9.1f} ms")
    summary.add(Figure("dashboard: this month, figures + charts", month, target=1000, scale=scale))
    summary.add(Figure(f"dashboard: this year ({received:,} cases), figures + charts", year, target=1000, scale=scale))

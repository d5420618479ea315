"""How long the window's event loop is kept waiting while background work runs: a 10 ms timer
ticks on the UI thread, and the longest gap between its ticks is the worst stall a clerk would feel."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QTimer
from PySide6.QtWidgets import QApplication


def longest_stall(start: Callable[[Callable], None]) -> tuple[float, object]:
    """`start(finished)` launches the work and arranges `finished(result)`; returns (worst gap in ms, result)."""
    stalls: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        stalls.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    finished: list = []
    start(finished.append)
    while not finished:
        QApplication.processEvents()
        time.sleep(0.001)
    timer.stop()
    # what the job's slots left to delete later (its progress dialog), as a running event loop would
    # at its next turn: deleted with its parent instead, a shown dialog crashed the next job (SIGSEGV)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return (max(stalls) if stalls else 0.0), finished[0]

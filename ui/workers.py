"""Long work off the UI thread, with one helper (the shape of Anki's QueryOp).

`run_in_background` runs `work(progress, cancelled)` on the thread pool, shows a progress
dialog with a cancel button, and calls `done(result)` or `failed(error)` back on the UI
thread. The work never touches widgets; it reports through `progress(done, total)`.
A job with no failure handler of its own fails into `show_failure`: silent when the clerk
cancelled, the message of a ComplaintDeskError, and for anything else (a bug) the
traceback in the log and a message that says so.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app import db
from app.errors import Cancelled, ComplaintDeskError
from ui import i18n

tr = i18n.translator("workers")

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancel = cancel

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self._send(self.signals.progress, done, total), self.cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which shows it
            if not isinstance(exc, Exception):
                raise
            if not isinstance(exc, ComplaintDeskError):  # a bug: its traceback exists only here
                log.error("background job failed", exc_info=True)
            self._send(self.signals.failed, exc)
        else:
            self._send(self.signals.finished, result)
        finally:
            db.close()  # this thread's own database connection

    @staticmethod
    def _send(signal, *args) -> None:
        """Report back, unless the window that asked has been closed meanwhile (nobody to tell)."""
        try:
            signal.emit(*args)
        except RuntimeError:
            log.debug("background job outlived its window", exc_info=True)


def show_failure(parent: QWidget | None, title: str, error: Exception) -> None:
    """The one failure handler (the job logged a bug's traceback already)."""
    if isinstance(error, Cancelled):
        return
    if isinstance(error, ComplaintDeskError):
        QMessageBox.warning(parent, title, i18n.say(error))
    else:
        QMessageBox.critical(
            parent,
            title,
            tr("程序遇到意外错误（%1），详情已记入日志。").replace("%1", f"{type(error).__name__}: {error}"),
        )


def run_in_background(
    parent: QWidget,
    title: str,
    work: Callable[[Callable, Callable], Any],
    done: Callable[[Any], None],
    failed: Callable[[Exception], None] | None = None,
    failure_title: str = "",
) -> QProgressDialog:
    """`failed` defaults to show_failure(parent, failure_title or title, error)."""
    if failed is None:
        failed = partial(show_failure, parent, failure_title or title)
    cancel = threading.Event()
    dialog = QProgressDialog(title, tr("取消"), 0, 100, parent)
    dialog.setObjectName("progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick jobs finish before a dialog flickers
    dialog.setAutoClose(False)
    dialog.canceled.connect(cancel.set)
    signals = _Signals(dialog)

    def show_progress(current: int, total: int) -> None:
        dialog.setMaximum(max(total, 1) if total < 2**31 else 1000)
        dialog.setValue(current if total < 2**31 else int(current * 1000 / max(total, 1)))

    def dismiss() -> None:
        # hide, not close(): closeEvent would emit canceled() and clean up connections while the
        # pool thread may still be leaving _Job.run (a mutex wait seen once in CI)
        dialog.canceled.disconnect(cancel.set)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def finish(result) -> None:
        dismiss()
        done(result)

    def fail(error) -> None:
        dismiss()
        failed(error)

    signals.progress.connect(show_progress)
    signals.finished.connect(finish)
    signals.failed.connect(fail)
    dialog.job_signals = signals  # kept alive with the dialog
    QThreadPool.globalInstance().start(_Job(work, signals, cancel))
    return dialog


def run_quietly(
    parent: QObject, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
) -> None:
    """`failed` is required here: a job nobody watches must say itself how it fails quietly."""
    """Background work with no dialog (the daily backup): results come back on the UI thread."""
    signals = _Signals(parent)
    signals.finished.connect(done)
    signals.failed.connect(failed)
    parent._quiet_signals = getattr(parent, "_quiet_signals", []) + [signals]  # kept alive
    QThreadPool.globalInstance().start(_Job(lambda progress, cancelled: work(), signals, threading.Event()))

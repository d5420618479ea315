import pytest
from PySide6.QtWidgets import QMessageBox

from app import demo
from app.workflow import machine
from ui.main import make_application
from ui.main_window import MainWindow


class Messages(list):
    """Message boxes shown, as (kind, title, text); `answers` sets what question() returns."""

    def __init__(self):
        super().__init__()
        self.answers = {"question": QMessageBox.StandardButton.Cancel}

    def kinds(self):
        return [kind for kind, _, _ in self]


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of blocking on them."""
    seen = Messages()

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            seen.append((kind, title, text))
            return seen.answers.get(kind, QMessageBox.StandardButton.Ok)

        return box

    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return seen


@pytest.fixture
def window(qtbot, sqlite_db, qapp):
    make_application()
    from app.documents import issuing

    machine.set_office_profile("consumer_association")
    issuing.save_letterhead("某某市消费者协会", short="某消")  # as the office's first-run settings would
    demo.generate(450, seed=3)
    w = MainWindow("test.db")
    qtbot.addWidget(w)
    w.load()
    w.show()
    activate(qtbot, w)
    qtbot.waitUntil(lambda: w.dashboard is not None, timeout=5000)  # start-up's rest, once the rows are painted
    return w


def activate(qtbot, widget):
    """Make a shown window the active one, as the user's click would (focus and shortcuts need it)."""
    widget.activateWindow()
    try:
        qtbot.waitUntil(widget.isActiveWindow, timeout=1000)
    except qtbot.TimeoutError:  # offscreen, a window shown while dialogs closed is never activated: show it again
        widget.hide()
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


@pytest.fixture
def answers(qapp):
    """Answers the modal dialogs the program opens (tests/ui/answering.py)."""
    from tests.ui.answering import Answers

    helper = Answers()
    yield helper
    helper.stop()

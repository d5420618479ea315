"""The dashboard: figures from SQL, bars that open their cases in the register, tables by keyboard."""

import datetime as dt

from PySide6.QtCore import QPointF, Qt

from app import clock, register
from app.models import Case
from tests.ui.conftest import activate


def _open_dashboard(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.loaded, timeout=10000)
    return board


def test_the_dashboard_shows_the_figures_and_bars_open_the_register(window, qtbot):
    activate(qtbot, window)
    board = _open_dashboard(window, qtbot)
    assert window.tabs.currentWidget() is board
    board.period.setCurrentIndex(board.period.findData(str(clock.today().year)))  # 本年
    qtbot.waitUntil(lambda: board.loaded and board.figures.period.code == str(clock.today().year), timeout=10000)
    f = board.figures
    assert f.period.code == str(clock.today().year)
    assert board.number_labels["登记案件"].text() == f"{f.received:,}"
    for rule in f.deadlines:
        assert f"{rule.rule} {rule.title}" in board.deadline_label.text()
    assert set(board.charts) == {"bands", "status", "weekly", "category", "business", "channel", "cause"}
    image = board.charts["category"].grab()
    assert image.width() > 100

    # a click on the "overdue" bar: the register shows exactly the overdue open cases
    bands = board.open_now.bands
    overdue = dict(bands)["已超期"]
    chart = board.charts["bands"]

    class Click:  # what pyqtgraph hands mouseClickEvent: a position in data coordinates
        def __init__(self, x, y):
            self._pos = QPointF(x, y)
            self.accepted = False

        def pos(self):
            return self._pos

        def accept(self):
            self.accepted = True

    click = Click(0, 0.5)
    chart.bars.mouseClickEvent(click)
    assert click.accepted and window.tabs.currentWidget() is window.register
    assert window.register.model.total == overdue
    assert "已超期" in window.register.extra_label.text() and window.register.extra_label.isVisible()
    today = dt.datetime.combine(clock.today(), dt.time())
    assert all(r.due_at is not None and r.due_at < today for r in window.register.model.rows)
    window.register.clear_extra()
    assert window.register.model.total == register.count(register.RegisterFilter())

    # a category bar: that category, in the period
    window.tabs.setCurrentWidget(board)
    label, n = f.by_category[0]
    board.charts["category"].bars.mouseClickEvent(Click(n / 2, 0))
    flt = window.register.model.filter
    assert flt.category == f.codes["category"][label] and window.register.model.total == n


def test_handler_table_by_keyboard_opens_that_handlers_open_cases(window, qtbot):
    activate(qtbot, window)
    board = _open_dashboard(window, qtbot)
    table = board.handler_table
    table.setFocus()
    table.setCurrentCell(0, 0)
    first = board.handler_rows[0]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.register
    assert window.register.model.total == first.open
    assert all(r.handler == first.handler for r in window.register.model.rows)


def test_the_report_is_exported_from_the_dashboard(window, qtbot, tmp_path):
    board = window.dashboard
    window.tabs.setCurrentWidget(board)
    qtbot.waitUntil(lambda: board.loaded, timeout=10000)
    board.export_report(str(tmp_path / "报告.pdf"))
    qtbot.waitUntil(lambda: board.exported is not None, timeout=20000)
    assert board.exported == str(tmp_path / "报告.pdf")
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")
    assert Case.select().count() == 450

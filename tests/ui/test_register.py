"""The register: lazy pages, filters, search, sort, opening a case."""

from PySide6.QtCore import Qt

from app import demo, register
from app.workflow import machine
from tests.ui.typing import type_text
from ui.main_window import MainWindow


def test_start_up_paints_the_rows_before_the_rest(qtbot, sqlite_db):
    """The 统计 tab, 我的待办's agenda and the supervisor's count are built once the clerk sees the rows."""
    machine.set_office_profile("consumer_association")
    demo.generate(30, seed=5)
    w = MainWindow("test.db")
    qtbot.addWidget(w)
    w.load()
    at_first_paint = []
    w.register.view.first_painted.connect(
        lambda: at_first_paint.append((w.register.model.rowCount(), w.dashboard, w.agenda, w.tabs.count()))
    )
    assert w.dashboard is None and w.agenda is None
    w.show()
    qtbot.waitUntil(lambda: w.dashboard is not None, timeout=5000)
    assert at_first_paint == [(30, None, None, 2)]  # the register and 我的待办, its rows painted; the rest after
    assert w.agenda.parent() is w.my_work and w.escalations.parent() is w.my_work
    assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == ["案件登记簿", "我的待办", "统计"]


def test_loads_a_page_not_the_table(window, qtbot):
    model = window.register.model
    assert model.total == 450
    assert len(model.rows) == 200  # one page read
    assert model.rowCount() == 50  # two screens of it made into the view's items
    view = window.register.view
    shown = [model.rowCount()]
    while len(model.rows) == 200:  # the clerk scrolls on: the page first, then the next one is read
        view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > shown[-1])
        shown.append(model.rowCount())
    assert shown == [50, 100, 150, 200, 250] and len(model.rows) == 400
    last = model.index(model.rowCount() - 1, 0).data()
    assert last == model.rows[model.rowCount() - 1].case_no


def test_search_box_finds_two_character_words(window, qtbot):
    page = window.register
    type_text(qtbot, page.search, "空调")
    qtbot.waitUntil(lambda: page.model.filter.text == "空调", timeout=2000)
    assert 0 < page.model.total < 450
    assert page.count_label.text() == f"共 {page.model.total} 件"
    for row in page.model.rows:
        assert "空调" in row.product or "空调" in cases_facts(row.id)
    # newest first, as the register lists every case, each once, and the count is what is listed
    order = [(r.received_at, r.id) for r in page.model.rows]
    assert order == sorted(order, reverse=True) and len(set(order)) == len(order) == page.model.total
    shown = page.model.index(0, register.COLUMN_KEYS.index("case_no")).data()
    assert shown == page.model.rows[0].case_no


def cases_facts(case_id):
    from app import cases

    return cases.load(case_id).values["complaint.facts"]


def test_status_and_category_filters(window, qtbot):
    page = window.register
    page.status.setCurrentIndex(page.status.findData("mediating"))
    assert page.model.rows and {r.status for r in page.model.rows} == {"mediating"}
    shown = page.model.index(0, register.COLUMN_KEYS.index("status")).data()
    assert shown == "调解中"
    page.category.setCurrentIndex(page.category.findData("prepaid_card"))
    assert {r.category for r in page.model.rows} <= {"prepaid_card"}


def test_clicking_a_header_sorts(window, qtbot):
    page = window.register
    header = page.view.horizontalHeader()
    column = register.COLUMN_KEYS.index("amount")
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    amounts = [r.amount_fen or 0 for r in page.model.rows]
    assert page.model.sort_key == "amount"
    assert amounts == sorted(amounts) or amounts == sorted(amounts, reverse=True)


def test_double_click_and_enter_open_the_case(window, qtbot):
    view = window.register.view
    rect = view.visualRect(window.register.model.index(2, 0))
    # a real double-click starts with a press: Qt opens only the item that was pressed
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(window.open_views()) == 1
    assert window.tabs.currentWidget().case_id == window.register.model.rows[2].id
    window.tabs.setCurrentIndex(0)
    view.setFocus()
    view.selectRow(5)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(window.open_views()) == 2
    assert window.tabs.currentWidget().record.case_no == window.register.model.rows[5].case_no


def test_ctrl_f_goes_to_the_search_box(window, qtbot):
    window.open_case(window.register.model.rows[0].id)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert window.register.search.hasFocus()


def test_export_the_register_as_shown(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    page = window.register
    page.status.setCurrentIndex(page.status.findData("accepted"))
    path = str(tmp_path / "shown.xlsx")
    window.export_register(path)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10000)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))[1:]
    assert len(rows) == page.model.total and all(r[2] == "已受理" for r in rows)


def test_export_the_full_archive_for_the_current_filter(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    page = window.register
    page.category.setCurrentIndex(page.category.findData("prepaid_card"))
    path = str(tmp_path / "archive.xlsx")
    window.export_archive(path)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=15000)
    book = load_workbook(path, read_only=True)
    categories = [r[4] for r in book["案件"].iter_rows(min_row=2, values_only=True)]
    assert len(categories) == page.model.total and set(categories) == {"预付卡"}


def test_the_due_column_shows_its_colour_and_says_why(window):
    """What the painted cell carries: the overdue red, the reason as a tip, amounts to the right."""
    from PySide6.QtCore import Qt

    from ui.register import AMOUNT_COLUMN, DUE_COLUMN

    model = window.register.model
    overdue = model.bands.index("overdue")
    due = model.index(overdue, DUE_COLUMN)
    assert due.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fce8e6"
    assert due.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#a50e0e"
    assert due.data(Qt.ItemDataRole.ToolTipRole).startswith("已超期")
    calm = next(r for r, band in enumerate(model.bands) if band == "" and model.rows[r].due_at is not None)
    assert model.index(calm, DUE_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(calm, DUE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == "最近的期限"
    amount = model.index(0, AMOUNT_COLUMN).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(amount) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == model.rows[0].id

"""The import dialog: guessed columns shown, the check names bad rows, import is all or nothing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import Case
from tests.legacy import legacy_rows, spoil, write_legacy
from tests.ui.conftest import activate


def test_import_a_legacy_register_through_the_dialog(window, qtbot, tmp_path, messages):
    rows = legacy_rows(40)
    spoiled = spoil(rows, [2, 30])
    path = write_legacy(tmp_path / "旧登记簿.xlsx", rows)
    before = Case.select().count()
    window.findChild(type(window.new_action), "action.import")  # the menu entry exists
    dialog = window.open_import(str(path))
    activate(qtbot, dialog)
    mapping = dialog.findChild(type(dialog.mapping), "mapping")
    labels = [mapping.item(r, 0).text() for r in range(mapping.rowCount())]
    shown = {labels[r]: mapping.cellWidget(r, 1).currentText() for r in range(mapping.rowCount())}
    assert shown["投诉人·联系电话"] == "投诉人联系电话" and shown["登记日期"] == "登记日期"
    assert "默认" in shown["投诉内容·受理渠道"]
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    problems = dialog.findChild(type(dialog.problems), "problems")
    assert sorted({int(problems.item(r, 0).text()) for r in range(problems.rowCount())}) == sorted(spoiled)
    assert "有问题 2 行" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.save_button.isEnabled()
    saved = dialog.save_report(str(tmp_path / "报告.xlsx"))
    assert saved and (tmp_path / "报告.xlsx").exists()

    write_legacy(path, legacy_rows(40))  # the clerk fixes the file and opens it again
    dialog.load_file(str(path))
    dialog.set_column("handler", None)  # and decides not to take the handler column
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.import_button.isEnabled() and problems.rowCount() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # focus sits on 导入
    qtbot.waitUntil(lambda: Case.select().count() == before + 40, timeout=15000)
    qtbot.waitUntil(lambda: "information" in messages.kinds(), timeout=5000)
    assert window.register.model.total == before + 40


def test_archive_package_and_monthly_statistics_from_the_file_menu(window, qtbot, tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    from app.archives import package

    out = tmp_path / "档案包.zip"
    window.export_package(str(out))
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=20000)
    assert package.verify_package(out) == []
    month = Case.select().order_by(Case.received_at.desc()).first().received_at.strftime("%Y-%m")
    stats = tmp_path / "统计.xlsx"
    window.statusBar().clearMessage()
    window.export_statistics(month, str(stats))
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10000)
    book = load_workbook(stats)
    assert book.sheetnames == ["概况", "按类别", "按渠道", "按经营者", "按状态", "按原因"]
    year, number = (int(x) for x in month.split("-"))
    start, end = dt.datetime(year, number, 1), dt.datetime(year + (number == 12), number % 12 + 1, 1)
    expected = Case.select().where((Case.received_at >= start) & (Case.received_at < end)).count()
    assert book["概况"]["B2"].value == expected
    assert sum(r[1] for r in book["按类别"].iter_rows(min_row=2, values_only=True)) == expected

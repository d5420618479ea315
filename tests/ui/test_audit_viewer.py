"""The audit viewer: filter by person, case and action; verify the chain; export to Excel."""

from openpyxl import load_workbook

from app import cases
from app.models import AuditEntry, Case, database
from tests.ui.conftest import activate


def test_filter_verify_and_export_the_audit_trail(window, qtbot, tmp_path):
    case = Case.select().order_by(Case.id).first()
    record = cases.load(case.id)
    cases.edit(case.id, {"complainant.address": "杭州市上城区解放路 1 号"}, record.versions, actor="审计测试员")
    viewer = window.open_audit()
    activate(qtbot, viewer)
    viewer.actor.setCurrentIndex(viewer.actor.findData("审计测试员"))
    assert viewer.table.rowCount() == 1
    assert viewer.table.item(0, 3).text() == "修改字段" and viewer.table.item(0, 4).text() == case.case_no
    assert "解放路" in viewer.table.item(0, 5).text()
    viewer.actor.setCurrentIndex(0)
    viewer.case_no.setText(case.case_no)
    viewer.reload()
    assert viewer.total == AuditEntry.select().where(AuditEntry.case_no == case.case_no).count() >= 1
    assert viewer.verify() and "记录链完整" in viewer.result.text()

    viewer.export(str(tmp_path / "审计.xlsx"))
    qtbot.waitUntil(lambda: viewer.exported is not None, timeout=10000)
    rows = list(load_workbook(tmp_path / "审计.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == viewer.total and all(r[4] == case.case_no for r in rows)

    database.execute_sql("UPDATE audit_entry SET actor = '某人' WHERE id = 1")
    assert not viewer.verify() and "第 1 号记录" in viewer.result.text()

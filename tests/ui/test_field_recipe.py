"""The recipe for a new intake field, tried: a field added to the field table (with its column)
is on the intake form, in the archive workbook and back from it, with no other code touched."""

import pytest
from openpyxl import load_workbook
from peewee import TextField
from playhouse.migrate import SchemaMigrator, migrate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import db, fields, startup
from app.archives import excel, importer
from app.models import Case, Purchase, database
from app.workflow import machine
from tests.ui.test_intake import fill_valid, open_intake, type_into

WARRANTY = fields.FieldSpec("purchase.warranty_card", "保修卡号", "text")


def add_column() -> None:
    """What the recipe's migration step does on each database."""
    if "warranty_card" in {c.name for c in database.get_columns("purchase")}:
        return
    migrate(SchemaMigrator.from_database(database).add_column("purchase", "warranty_card", TextField(default="")))


@pytest.fixture
def warranty_card(monkeypatch, sqlite_db):
    """The recipe: the field's row in the table and its column on the model and in the database."""
    Purchase._meta.add_field("warranty_card", TextField(default=""))
    add_column()
    after = next(i for i, s in enumerate(fields.FIELDS) if s.key == "purchase.order_no") + 1
    monkeypatch.setattr(fields, "FIELDS", [*fields.FIELDS[:after], WARRANTY, *fields.FIELDS[after:]])
    monkeypatch.setitem(fields.BY_KEY, WARRANTY.key, WARRANTY)
    yield
    Purchase._meta.remove_field("warranty_card")


def test_a_field_added_to_the_table_is_typed_archived_and_restored(warranty_card, window, qtbot, messages, tmp_path):
    dialog = open_intake(window, qtbot)
    form = dialog.form
    assert "保修卡号" in [label.text() for label in form.findChildren(QLabel)]
    fill_valid(qtbot, form)
    type_into(qtbot, form, WARRANTY.key, "BK-2026-0042 保修卡")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    case = Case.select().order_by(Case.id.desc()).get()
    assert Purchase.get(Purchase.case == case.id).warranty_card == "BK-2026-0042 保修卡"

    out = tmp_path / "档案.xlsx"
    excel.export_archive(out, full_values=True)
    book = load_workbook(out, read_only=True)
    rows = list(book["购买"].iter_rows(values_only=True))
    column = rows[0].index("保修卡号")
    assert [r[column] for r in rows[1:] if r[0] == case.case_no] == ["BK-2026-0042 保修卡"]
    book.close()

    db.close()
    startup.open_database((tmp_path / "restored.db").as_posix())
    add_column()
    machine.set_office_profile("consumer_association")
    assert importer.import_archive(out).imported == Case.select().count() == 451
    restored = Case.get(Case.case_no == case.case_no)
    assert Purchase.get(Purchase.case == restored.id).warranty_card == "BK-2026-0042 保修卡"

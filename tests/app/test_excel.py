"""The register exported as shown: typed values, order, filter; cancel leaves no file."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from app import demo, register
from app.archives import excel
from app.errors import Cancelled
from app.register import RegisterFilter
from app.workflow import machine


@pytest.fixture
def filled(database):
    machine.set_office_profile("market_regulator")
    demo.generate(150, seed=8)
    return database


def test_export_matches_the_register_with_real_dates_and_numbers(filled, tmp_path):
    flt = RegisterFilter(category="quality")
    out = tmp_path / "登记簿.xlsx"
    rows = excel.export_register(flt, "amount", True, out)
    expected = register.page(flt, "amount", True, 0, 10_000)
    assert rows == len(expected) > 0
    sheet = load_workbook(out).active
    assert sheet.title == "案件登记簿" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:K{rows + 1}"
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [c.label for c in register.COLUMNS]
    assert [v[0] for v in values[1:]] == [r.case_no for r in expected]  # the register's order
    first = values[1]
    assert isinstance(first[1], dt.datetime)
    assert first[8] == pytest.approx((expected[0].amount_fen or 0) / 100) and isinstance(first[8], (int, float))
    assert first[3] == "产品质量" and "****" in first[5]  # labels, masked phone
    assert all(v[3] == "产品质量" for v in values[1:])


def test_cancel_leaves_no_file(filled, tmp_path):
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        excel.export_register(RegisterFilter(), "received_at", True, out, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_only_xlsx(filled, tmp_path):
    with pytest.raises(excel.ExportError, match="xlsx"):
        excel.export_register(RegisterFilter(), "received_at", True, tmp_path / "x.csv")

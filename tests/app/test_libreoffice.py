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
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", filt,
                    "--outdir", str(tmp_path / "csv"), str(book)], check=True, capture_output=True, timeout=180)
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

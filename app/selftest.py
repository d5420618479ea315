"""`complaintdesk --self-test`: proves an installed copy works end to end on this machine — a
temporary database, a case, a notice printed to PDF with its fonts, a workbook, a verified
archive package — without touching the office's data."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Callable

from app import cases, db, startup


def steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    """(name, check) pairs; a check returns a detail line or raises."""
    state: dict = {}

    def database() -> str:
        startup.open_database(str(folder / "selftest.db"))
        from app.workflow import machine

        machine.set_office_profile("consumer_association")
        return f"SQLite 数据库，结构版本 {db.schema_version(db.database.obj)}"

    def intake() -> str:
        ref = cases.intake(
            {
                "complainant.name": "自检",
                "complainant.phone": "13800000000",
                "business.name": "自检商店",
                "complaint.channel": "walk_in",
                "complaint.category": "quality",
                "complaint.facts": "自检：空调不制冷，䶮𠮷。",
            },
            actor="自检",
        )
        state["case"] = ref
        return ref.case_no

    def notice() -> str:
        from app.documents import issuing

        issuing.save_letterhead("自检办公室")
        issued = issuing.issue(state["case"].id, "acceptance_notice", "in_person", "自检")
        pdf = issuing.reprint(issued.id)
        (folder / "notice.pdf").write_bytes(pdf)
        if b"FontFile2" not in pdf:
            raise RuntimeError("PDF 中没有嵌入字体")
        return f"{issued.number}，{len(pdf) // 1024} KB，字体已嵌入"

    def workbook() -> str:
        from app.archives import excel
        from app.register import RegisterFilter

        rows = excel.export_register(RegisterFilter(), "received_at", True, folder / "register.xlsx")
        return f"登记簿 {rows} 行"

    def package() -> str:
        from app.archives import package as pkg

        result = pkg.make_package(folder / "archive.zip")
        problems = pkg.verify_package(result.path)
        if problems:
            raise RuntimeError("；".join(problems))
        return f"档案包 {result.files} 个文件，校验一致"

    return [("数据库", database), ("登记", intake), ("文书 PDF", notice), ("Excel", workbook), ("档案包", package)]


def run(report: Callable[[str, bool, str], None], extra: list[tuple[str, Callable[[], str]]] | None = None) -> bool:
    """Run every step in a temporary folder; report(name, ok, detail) after each."""
    ok = True
    with tempfile.TemporaryDirectory(prefix="complaintdesk-selftest-") as tmp:
        folder = Path(tmp)
        for name, check in steps(folder) + (extra or []):
            started = time.perf_counter()
            try:
                detail = check()
                report(name, True, f"{detail}（{(time.perf_counter() - started) * 1000:.0f} ms）")
            except Exception as exc:  # noqa: BLE001 - a self-test reports every failure and goes on
                ok = False
                report(name, False, f"{type(exc).__name__}: {exc}")
        db.close()
    return ok

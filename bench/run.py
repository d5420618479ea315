"""`make bench`: the register on a 100,000-case SQLite database, against stated baselines.

Targets (issue 2): first rows <= 1.5 s and <= 2x a bare PySide6 window started in the
same run; filter, sort and search <= 100 ms each. Times are medians of several runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
sys.path.insert(0, str(ROOT))

from app import cases, db, demo, startup, workload  # noqa: E402


def build(count: int) -> Path:
    """The demo generator's database, cached between runs (rebuilt when the count differs)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"register-{count}.db"
    if path.exists():
        startup.open_database(str(path))
        have = cases.count()
        db.close()
        if have >= count:
            print(f"database: {path} ({have:,} cases, cached)")
            return path
        db.remove_sqlite_files(path)
    startup.open_database(str(path))
    from app.workflow import machine

    machine.set_office_profile("market_regulator")  # an installed office has chosen its profile
    started = time.perf_counter()
    demo.generate(count)
    print(
        f"database: built {count:,} demo cases in {time.perf_counter() - started:.1f} s "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )
    db.close()
    return path


def child(script: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if out.returncode != 0:
        raise SystemExit(f"{script} failed:\n{out.stderr}")
    return float(out.stdout.split()[0]) - started


def median_ms(fn, runs: int = 5, setup=None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def report(name: str, value: float, unit: str, target: float, baseline: str = "", ratio: float | None = None):
    ok = "ok " if value <= target else "SLOW"
    extra = f"  {ratio:.2f}x {baseline}" if ratio is not None else (f"  {baseline}" if baseline else "")
    print(f"  [{ok}] {name:<38} {value:9.1f} {unit}   target <= {target:g} {unit}{extra}")
    return value <= target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dashboard-cases", type=int, default=1_000_000)
    parser.add_argument(
        "--only",
        choices=["register", "evidence", "archive", "documents", "dashboard", "roundtrips"],
        help="run one part",
    )
    args = parser.parse_args()
    results = []
    if args.only in (None, "roundtrips"):
        from bench import roundtrip_bench

        results += roundtrip_bench.run(report)
        if args.only == "roundtrips":
            print(f"\n{sum(results)}/{len(results)} within target")
            return 0 if all(results) else 1
    if args.only in (None, "documents"):
        from bench import documents_bench

        results += documents_bench.run(report)
        if args.only == "documents":
            print(f"\n{sum(results)}/{len(results)} within target")
            return 0 if all(results) else 1
    if args.only in (None, "evidence"):
        from bench import evidence_bench

        results += evidence_bench.run(report)
        if args.only == "evidence":
            print(f"\n{sum(results)}/{len(results)} within target")
            return 0 if all(results) else 1
    if args.only in (None, "dashboard"):
        from bench import dashboard_bench

        results += dashboard_bench.run(report, build(args.dashboard_cases))
        if args.only == "dashboard":
            print(f"\n{sum(results)}/{len(results)} within target")
            return 0 if all(results) else 1
    path = build(args.cases)
    if args.only in (None, "archive"):
        from bench import archive_bench

        results += archive_bench.run(report, path)
        if args.only == "archive":
            print(f"\n{sum(results)}/{len(results)} within target")
            return 0 if all(results) else 1

    print("\nstart-up (separate processes, median of %d):" % args.runs)
    bare = statistics.median(child("bare_window.py") for _ in range(args.runs)) * 1000
    first = statistics.median(child("first_rows.py", str(path)) for _ in range(args.runs)) * 1000
    print(f"  baseline: bare PySide6 window shown          {bare:9.1f} ms")
    results.append(report("register first rows", first, "ms", 1500))
    results.append(report("register first rows vs bare window", first / bare, "x", 2.0, "", None))

    from PySide6.QtWidgets import QApplication

    from app import register
    from tests.factories import intake_values
    from ui.main import make_application
    from ui.register import RegisterPage

    make_application()
    startup.open_database(str(path))
    page = RegisterPage()
    page.load()
    model = page.model
    print(f"\nregister on {model.total:,} cases (in the window's model: count + first page, median of {args.runs}):")

    def reset():
        page.blockSignals(True)
        model.filter = register.RegisterFilter()
        model.sort_key, model.descending = "received_at", True
        page.blockSignals(False)

    def filter_status():
        model.set_filter(register.RegisterFilter(status="mediating"))

    def filter_combined():
        model.set_filter(register.RegisterFilter(category="quality", date_from=__import__("datetime").date(2026, 1, 1)))

    def sort_business():
        model.sort(register.COLUMN_KEYS.index("business"))

    def sort_amount_desc():
        from PySide6.QtCore import Qt

        model.sort(register.COLUMN_KEYS.index("amount"), Qt.SortOrder.DescendingOrder)

    def search(text):
        return lambda: model.set_filter(register.RegisterFilter(text=text))

    for name, fn in [
        ("filter: status", filter_status),
        ("filter: category + date range", filter_combined),
        ("sort: business name", sort_business),
        ("sort: amount, descending", sort_amount_desc),
        ("search: 2 characters 空调", search("空调")),
        ("search: 2 characters 退款", search("退款")),
        ("search: 4 characters 返厂维修", search("返厂维修")),
        ("search: case number fragment 0123", search("0123")),
    ]:
        results.append(report(name, median_ms(fn, args.runs, reset), "ms", 100))
        QApplication.processEvents()

    reset()
    model.reload()
    results.append(
        report(
            "scroll: fetch a page at row 50,000",
            median_ms(lambda: register.page(model.filter, "received_at", True, 50_000, 200), args.runs),
            "ms",
            100,
        )
    )

    # issue 19: the supervisor's views, on the same database, beside the register's filter above
    results.append(
        report("workload: every handler's open, overdue, due this week", median_ms(workload.loads, args.runs), "ms", 50)
    )
    results.append(report("supervisor's list (督办)", median_ms(workload.escalations, args.runs), "ms", 50))

    work = CACHE / "intake-bench.db"
    db.close()
    shutil.copyfile(path, work)
    startup.open_database(str(work))
    results.append(
        report(
            "intake save (one transaction, fsync)",
            median_ms(lambda: cases.intake(intake_values()), args.runs),
            "ms",
            100,
        )
    )
    db.close()
    db.remove_sqlite_files(work)
    print(f"\n{sum(results)}/{len(results)} within target")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: every speed target beside its baseline, on 100,000 and 1,000,000 cases
(issue 21: program and baseline in turn in the same run, medians of at least five), the round
trips on a shared database (issue 22), documents and evidence; then one summary table with the
ratio and met / not met per line. Exits 1 while a target is not met.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
sys.path.insert(0, str(ROOT))

from app import cases, db, demo, month_figures, startup  # noqa: E402
from bench import measure, million  # noqa: E402


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
    _keep_figures()
    db.close()
    return path


def _keep_figures() -> None:
    """The month figures made from every case, as `complaintdesk figures --rebuild` makes them."""
    started = time.perf_counter()
    months = month_figures.rebuild()
    print(f"database: month figures of {months} months kept in {time.perf_counter() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=measure.RUNS)
    parser.add_argument("--no-million", action="store_true", help="skip the 1,000,000-case figures")
    parser.add_argument(
        "--only",
        choices=["register", "postgresql", "evidence", "archive", "documents", "dashboard", "roundtrips"],
        help="run one part",
    )
    args = parser.parse_args()
    summary = measure.Summary()

    def wanted(part: str) -> bool:
        return args.only in (None, part)

    if wanted("roundtrips"):
        from bench import roundtrip_bench

        roundtrip_bench.run(summary)
    if wanted("documents"):
        from bench import documents_bench

        documents_bench.run(summary)
    if wanted("evidence"):
        from bench import evidence_bench

        evidence_bench.run(summary)
    if args.only == "postgresql":
        from bench import pg_bench

        pg_bench.run(summary, build(args.cases), _scale(args.cases), args.runs)
    if wanted("register") or wanted("archive") or wanted("dashboard"):
        path = build(args.cases)
        million = None if args.no_million else build_million(path)
        if wanted("register"):
            from bench import register_bench

            register_bench.run(summary, path, _scale(args.cases), args.runs)
            if million:
                register_bench.run(summary, million, "1M", args.runs)
            from bench import pg_bench

            pg_bench.run(summary, path, _scale(args.cases), args.runs)
        if wanted("dashboard") and million:
            from bench import dashboard_bench

            dashboard_bench.run(summary, million, "1M", args.runs)
        if wanted("archive"):
            from bench import archive_bench

            archive_bench.run(summary, path, args.runs)
    print("\n" + summary.table())
    met = sum(f.met for f in summary.figures)
    print(f"\n{met}/{len(summary.figures)} targets met")
    return 0 if summary.all_met else 1


def _scale(count: int) -> str:
    return f"{count // 1_000_000}M" if count % 1_000_000 == 0 else f"{count // 1000}k"


def build_million(source: Path) -> Path:
    """The 1,000,000-case database, grown from the 100,000 one in SQL (bench/million.py) and cached."""
    path = CACHE / "register-1000000.db"
    if path.exists() and cases_in(path) >= 1_000_000:
        print(f"database: {path} (1,000,000 cases, cached)")
        return path
    started = time.perf_counter()
    print("database: growing 1,000,000 cases from the 100,000 …")
    count = million.grow(source, path, copies=max(1, 1_000_000 // cases_in(source)))
    print(f"database: {count:,} cases in {time.perf_counter() - started:.0f} s")
    startup.open_database(str(path))
    month_figures.install_triggers(db.database.obj)
    _keep_figures()
    db.close()
    return path


def cases_in(path: Path) -> int:
    startup.open_database(str(path))
    try:
        return cases.count()
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())

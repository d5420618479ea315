"""The register's figures on PostgreSQL (issue 21): the 100,000-case database restored into a
throwaway server, then filter, search and intake there, each run in turn with the same call on
the SQLite file (the target for search: within 2× of SQLite)."""

from __future__ import annotations

import statistics as pystats
import tempfile
import time
from pathlib import Path

from app import cases, db, startup
from app.archives import backup
from app.register import RegisterFilter, first_page
from bench.measure import Figure, Summary, once_ms
from bench.register_bench import walk_in
from tests import postgres


def _in_turn(sqlite: str, pg: str, fn, runs: int) -> tuple[float, float]:
    """Medians on PostgreSQL and on SQLite, the connection switched between runs (not timed)."""
    on_pg, on_sqlite = [], []
    for n in range(runs + 1):
        for target, times in ((pg, on_pg), (sqlite, on_sqlite)):
            startup.open_database(target)
            fn()  # warm, as an open window is
            took = once_ms(fn)
            db.close()
            if n:
                times.append(took)
    return pystats.median(on_pg), pystats.median(on_sqlite)


def run(summary: Summary, path: Path, scale: str, runs: int) -> None:
    if postgres.find_bindir() is None:
        print("\nPostgreSQL: no server binaries on this machine, its figures are not measured")
        return
    server = postgres.start()
    try:
        admin = server.url("postgres")
        import psycopg2

        conn = psycopg2.connect(admin)
        conn.autocommit = True
        conn.cursor().execute("CREATE DATABASE bench")
        conn.close()
        target = server.url("bench")
        with tempfile.TemporaryDirectory(prefix="pg-bench-") as tmp:
            startup.open_database(str(path))
            saved = backup.backup(Path(tmp) / "saved")
            db.close()
            started = time.perf_counter()
            backup.restore(saved.path, target)
            db.close()
        print(f"\nPostgreSQL 15 on this machine: {scale} cases restored in {time.perf_counter() - started:.0f} s")
        for name, flt, target_ms in (
            ("filter status", RegisterFilter(status="mediating"), 50),
            ("search 退款 (count + first page)", RegisterFilter(text="退款"), 100),
            ("search 空调 (count + first page)", RegisterFilter(text="空调"), 100),
        ):
            ours, sqlite = _in_turn(str(path), target, lambda f=flt: first_page(f, "received_at", True, 200), runs)
            summary.add(
                Figure(
                    name,
                    ours,
                    target=target_ms,
                    baseline=sqlite,
                    baseline_name="SQLite",
                    ratio_target=2 if "search" in name else None,
                    scale=f"PG {scale}",
                )
            )
        startup.open_database(target)
        intakes = []
        for _ in range(runs + 1):
            intakes.append(once_ms(lambda: cases.intake(walk_in())))
        db.close()
        summary.add(Figure("intake save", pystats.median(intakes[1:]), target=30, scale=f"PG {scale}"))
    finally:
        db.close()
        server.stop()

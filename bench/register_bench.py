"""The register at 100,000 and 1,000,000 cases (issue 21): start-up, filter, sort, search, scroll,
painting and the intake save, each beside its baseline run in turn with it (bench/measure.py).
Register figures include the repaint of the table, as the clerk waits for it."""

from __future__ import annotations

import compileall
import random
import sqlite3
import statistics as pystats
from pathlib import Path

from bench.measure import Figure, Summary, alternated, median_ms, run_child

ROOT = Path(__file__).resolve().parent.parent
PAGE = 200


def _child(script: str, *args: str) -> float:
    printed, started = run_child(script, *args)
    return (float(printed.split()[0]) - started) * 1000


def start_up(summary: Summary, path: Path, scale: str, runs: int) -> None:
    # an installed program starts from bytecode (the package build precompiles; `make run` too),
    # even where PYTHONDONTWRITEBYTECODE keeps Python from caching it on the way
    for package in ("app", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    bare, first, least = [], [], []
    for _ in range(runs):  # in turn, each a fresh process
        bare.append(_child("bare_window.py"))
        first.append(_child("first_rows.py", str(path)))
        least.append(_child("least_rows.py", str(path)))
    floor = pystats.median(least) / pystats.median(bare)
    summary.add(
        Figure(
            "start to first rows painted",
            pystats.median(first),
            target=1500,
            baseline=pystats.median(bare),
            baseline_name="bare QMainWindow",
            ratio_target=1.5,
            scale=scale,
            note=f"(a bare table painting the same rows: {pystats.median(least):.0f} ms, {floor:.2f}×)",
        )
    )


def _fts_phrase(word: str) -> str:
    return '"' + " ".join(word) + '"'


def in_window(summary: Summary, path: Path, scale: str, runs: int) -> None:
    """Filter, sort, search, scroll and paint through the window's own register page."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app import db, register, search, startup, workload
    from ui.main import make_application
    from ui.register import RegisterPage

    make_application()
    startup.open_database(str(path))
    page = RegisterPage()
    page.resize(1360, 760)
    page.show()
    page.load()
    QApplication.processEvents()
    model, view = page.model, page.view
    raw = sqlite3.connect(path)

    def shown(flt=None, sort=None):
        def act():
            if sort is not None:
                model.sort_key, model.descending = sort
                model.reload()
            else:
                model.set_filter(flt)
            view.viewport().repaint()

        return act

    def reset():
        model.filter = register.RegisterFilter()
        model.sort_key, model.descending = "received_at", True

    def raw_filter():
        raw.execute("SELECT COUNT(*) FROM register_entry WHERE status = 'mediating'").fetchone()
        raw.execute(
            "SELECT * FROM register_entry WHERE status = 'mediating' ORDER BY received_at DESC, case_id DESC LIMIT 200"
        ).fetchall()

    ours, base = alternated(shown(register.RegisterFilter(status="mediating")), raw_filter, runs, reset)
    summary.add(
        Figure("filter status (model + repaint)", ours, target=50, baseline=base, baseline_name="raw SQL", scale=scale)
    )
    ours, base = alternated(
        shown(sort=("business", False)),
        lambda: raw.execute("SELECT * FROM register_entry ORDER BY business, case_id LIMIT 200").fetchall(),
        runs,
        reset,
    )
    summary.add(
        Figure(
            "sort by business (model + repaint)", ours, target=50, baseline=base, baseline_name="raw SQL", scale=scale
        )
    )

    def raw_search(word):
        def run():
            phrase = _fts_phrase(word)
            raw.execute("SELECT COUNT(*) FROM case_search WHERE case_search MATCH ?", (phrase,)).fetchone()
            raw.execute(  # the page's rows, in the index's own order (by received second, schema v25)
                "SELECT r.* FROM (SELECT rowid & ? AS id FROM case_search WHERE case_search MATCH ? "
                "ORDER BY rowid DESC LIMIT 200) AS hit CROSS JOIN register_entry AS r ON r.case_id = hit.id",
                (search.ID_MASK, phrase),
            ).fetchall()

        return run

    for word in ("退款", "空调"):
        # the engine's job against the raw engine; then what the clerk waits for, repaint included
        flt = register.RegisterFilter(text=word)
        ours, base = alternated(lambda f=flt: register.first_page(f, "received_at", True, PAGE), raw_search(word), runs)
        summary.add(
            Figure(
                f"search {word}: count + first page",
                ours,
                target=100,
                baseline=base,
                baseline_name="raw FTS5 count + newest 200 rows",
                ratio_target=2,
                scale=scale,
            )
        )
        ours, base = alternated(shown(flt), raw_search(word), runs, reset)
        summary.add(
            Figure(
                f"search {word} shown (+ model and repaint)",
                ours,
                target=100,
                baseline=base,
                baseline_name="raw FTS5 count + newest 200 rows",
                scale=scale,
            )
        )
    ours, base = alternated(
        shown(register.RegisterFilter(text="0123")),
        lambda: raw.execute("SELECT COUNT(*) FROM register_entry WHERE case_no LIKE '%0123%'").fetchone(),
        runs,
        reset,
    )
    summary.add(
        Figure(
            "search case-number fragment 0123",
            ours,
            target=100,
            baseline=base,
            baseline_name="raw LIKE count",
            scale=scale,
        )
    )

    reset()
    model.reload()
    middle = model.total // 2
    # the row a clerk who scrolled that far has last read (found once, by counting past the others)
    [there] = [
        register.RegisterRow(*r) for r in register._page_query(model.filter, "received_at", True, middle, 1).tuples()
    ]
    ours, base = alternated(
        lambda: register.page(model.filter, "received_at", True, there, PAGE),  # the clerk scrolled that far
        lambda: raw.execute("SELECT * FROM register_entry ORDER BY received_at DESC, case_id DESC LIMIT 1").fetchall(),
        runs,
    )
    summary.add(
        Figure(
            f"the page after row {middle:,} of the list",
            ours,
            target=50,
            baseline=base,
            baseline_name="raw first page",
            scale=scale,
        )
    )

    # the cells: the register's view against a bare QTableView showing the same text
    bare_model = QStandardItemModel(len(model.rows), model.columnCount())
    for r in range(len(model.rows)):
        for c in range(model.columnCount()):
            bare_model.setItem(r, c, QStandardItem(str(model.index(r, c).data() or "")))
    bare = QTableView()
    bare.setModel(bare_model)
    bare.resize(view.size())
    bare.show()
    for c in range(model.columnCount()):
        bare.setColumnWidth(c, view.columnWidth(c))
    QApplication.processEvents()
    ours, base = alternated(lambda: view.viewport().repaint(), lambda: bare.viewport().repaint(), max(runs, 9))
    summary.add(
        Figure(
            "register cells painted",
            ours,
            baseline=base,
            baseline_name="bare QTableView, same cells",
            ratio_target=1.5,
            scale=scale,
        )
    )
    bare.close()
    page.close()
    # issue 19: the supervisor's views, on the same database
    summary.add(
        Figure("workload: each handler's open, overdue, due", median_ms(workload.loads, runs), target=50, scale=scale)
    )
    summary.add(Figure("supervisor's list (督办)", median_ms(workload.escalations, runs), target=50, scale=scale))
    raw.close()
    db.close()


def walk_in() -> dict:
    """A new complainant's intake (a phone and address of their own): with the factory's fixed ones,
    every run's intakes would find all the earlier runs' as the same person's, and slow down."""
    from tests.factories import intake_values

    n = random.randrange(10**8)
    return intake_values(complainant__phone=f"139{n:08d}", complainant__address=f"杭州市西湖区文三路 {n} 号")


def intake(summary: Summary, path: Path, scale: str, runs: int) -> None:
    """Intakes saved into the cached database itself (it keeps the few cases: copying gigabytes
    first would measure a cold page cache, not an office)."""
    from app import cases, db, startup

    startup.open_database(str(path))
    scratch = path.with_name(f"raw-writes-{path.stem}.db")
    raw = sqlite3.connect(scratch, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")  # as the program opens its database
    raw.execute("CREATE TABLE IF NOT EXISTS bench_rows (a TEXT, b TEXT, c INTEGER, d TEXT)")

    def raw_writes():  # what an intake writes, as bare rows: 13 rows of about its width, one fsynced commit
        raw.execute("BEGIN")
        for n in range(13):
            raw.execute(
                "INSERT INTO bench_rows VALUES (?, ?, ?, ?)",
                ("空调安装后不制冷" * 4, "杭州某某电器有限公司", n, "x" * 80),
            )
        raw.execute("COMMIT")

    ours, base = alternated(lambda: cases.intake(walk_in()), raw_writes, runs)
    summary.add(
        Figure("intake save", ours, target=30, baseline=base, baseline_name="13 raw INSERTs + COMMIT", scale=scale)
    )
    raw.close()
    db.close()
    db.remove_sqlite_files(scratch)


def run(summary: Summary, path: Path, scale: str, runs: int) -> None:
    print(f"\nregister on {scale} cases ({path.name}), program and baseline in turn, medians of {runs}:")
    start_up(summary, path, scale, runs)
    in_window(summary, path, scale, runs)
    intake(summary, path, scale, runs)

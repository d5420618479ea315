"""A SQLite database of a million cases in minutes, not the hours the demo generator would take:
the 100,000-case demo database copied into itself nine more times, in SQL, each copy's ids,
case numbers and search words shifted past the last (issue 21). Every case stays whole (its
complainant, business, parts, events, deadlines, records and register row), so what the
program reads at a million is what it would read in an office that had grown that big.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from app.search import ID_BITS, ID_MASK

# the tables a case is made of, parents first; each id is shifted by the table's own largest id
CASE_TABLES = [
    "complainant",
    "business",
    "personal_numbers",
    "complaint_case",
    "purchase",
    "complaint",
    "device",
    "event",
    "register_entry",
    "case_deadline",
    "consent",
    "conflict_declaration",
    "issued_notice",
    "investigation",
    "mediation_session",
    "appraisal",
    "remedy",
    "follow_up",
    "appeal",
    "repair_work",
    "case_wording",
]
REFERS = {  # a column that holds another table's id
    "complainant_id": "complainant",
    "business_id": "business",
    "case_id": "complaint_case",
    "earlier_case_id": "complaint_case",
    "replaces_id": "issued_notice",
}


def grow(source: Path, target: Path, copies: int = 10) -> int:
    """`target`: `source` with its cases `copies` times over; returns how many cases it has."""
    started = time.perf_counter()
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    # the program's triggers would note a month for every copied row; the figures are made again
    # from all the cases afterwards instead (bench/run.build_million)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'figures_%'"):
        conn.execute(f'DROP TRIGGER "{name}"')
    largest = {t: conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM "{t}"').fetchone()[0] for t in CASE_TABLES}
    (top_seq,) = conn.execute("SELECT MAX(seq) FROM complaint_case").fetchone()
    columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in CASE_TABLES}
    for k in range(1, copies):
        conn.execute("BEGIN")
        for table in CASE_TABLES:
            picked = ", ".join(_shifted(table, c, k, largest, top_seq) for c in columns[table])
            names = ", ".join(f'"{c}"' for c in columns[table])
            where = f"WHERE rowid <= {largest[table]}"
            conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {picked} FROM "{table}" {where}')
        number = f"'TS-' || c.year || '-' || printf('%06d', c.seq + {k * top_seq})"
        shift = k * largest["complaint_case"]  # a copy is received when its original was: same second, new id
        conn.execute(
            "INSERT INTO search_key (case_id, key) "
            f"SELECT case_id + {shift}, ((key >> {ID_BITS}) << {ID_BITS}) + case_id + {shift} "
            f"FROM search_key WHERE case_id <= {largest['complaint_case']}"
        )
        conn.execute(
            "INSERT INTO case_search (rowid, body) "
            f"SELECT ((s.rowid >> {ID_BITS}) << {ID_BITS}) + c.id + {shift}, "
            f"replace(s.body, lower(c.case_no), lower({number})) "
            f"FROM case_search s JOIN complaint_case c ON c.id = (s.rowid & {ID_MASK}) "
            f"WHERE c.id <= {largest['complaint_case']}"
        )
        conn.execute("COMMIT")
        print(f"  copy {k + 1}/{copies}: {time.perf_counter() - started:.0f} s", flush=True)
    conn.execute(
        "UPDATE case_number_sequence SET last_value = "
        "(SELECT MAX(seq) FROM complaint_case WHERE year = case_number_sequence.year)"
    )
    conn.execute("INSERT INTO case_search (case_search) VALUES ('optimize')")  # one index, as an office's
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (count,) = conn.execute("SELECT COUNT(*) FROM complaint_case").fetchone()
    conn.close()
    return count


def _shifted(table: str, column: str, k: int, largest: dict, top_seq: int) -> str:
    q = f'"{column}"'
    if column == "id" or (table == "register_entry" and column == "case_id"):
        return f"{q} + {k * largest[table if column == 'id' else 'complaint_case']}"
    if table == "personal_numbers" and column == "complainant_id":
        return f"{q} + {k * largest['complainant']}"
    if column in REFERS:
        return f"{q} + {k * largest[REFERS[column]]}"
    if table in ("complaint_case", "register_entry") and column == "case_no":
        return f"substr({q}, 1, 8) || printf('%06d', CAST(substr({q}, 9) AS INTEGER) + {k * top_seq})"
    if table == "complaint_case" and column == "seq":
        return f"{q} + {k * top_seq}"
    return q

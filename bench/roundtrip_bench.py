"""Issue 22: round trips per action on a secured shared PostgreSQL database, counted by the server
(tests/ui/test_round_trips.py walks the window on a throwaway server and prints what it counted);
target 10 each, with what that costs 20 ms and 50 ms away from the server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bench.measure import Figure, Summary

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<name>.+?)\s{2,}(?P<trips>\d+)\s+\(budget \d+\)$")
TARGET = 10


def run(summary: Summary) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "tests/ui/test_round_trips.py"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    counted = [m for line in out.stdout.splitlines() if (m := LINE.match(line.strip()))]
    if not counted:
        print(f"\nround trips: the walk did not run:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
        summary.add(Figure("round trips: the window's walk on PostgreSQL", float("inf"), "trips", target=TARGET))
        return
    print("\nround trips per action on PostgreSQL (server-side statements between markers; a connection = 4):")
    for m in counted:
        trips = int(m["trips"])
        note = f"at 20 ms: {trips * 20} ms, at 50 ms: {trips * 50} ms"
        summary.add(Figure(m["name"], trips, "trips", target=TARGET, scale="PG", note=note))
    if out.returncode != 0:
        print("  the walk's own budgets failed:\n" + out.stdout[-1500:])
        summary.add(Figure("round trips: the walk's own budgets", float("inf"), "trips", target=TARGET))

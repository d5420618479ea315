"""The full archive workbook of 100,000 cases against a bare openpyxl write_only loop writing
the same cells in the same run (target <= 1.2x), and its peak memory for a fifth of the cases
and for all of them (target: flat)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.measure import run_child


def _child(*args: str) -> tuple[float, float]:
    seconds, rss = run_child("archive_child.py", *args)[0].split()
    return float(seconds), float(rss)


def run(report, path: Path) -> list[bool]:
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        full = str(Path(tmp) / "full.xlsx")
        part_s, part_rss = _child("archive", str(path), str(Path(tmp) / "part.xlsx"), "146")  # ~ a fifth
        ours, ours_rss = _child("archive", str(path), full)
        bare, bare_rss = _child("bare", full, str(Path(tmp) / "bare.xlsx"))
        size = Path(full).stat().st_size / 1e6
    print(f"\narchive workbook ({size:.0f} MB, separate processes):")
    print(f"  baseline: bare write_only loop, same cells   {bare:9.1f} s    peak {bare_rss:.0f} MB")
    print(f"  a fifth of the cases                         {part_s:9.1f} s    peak {part_rss:.0f} MB")
    return [
        report("full archive, all cases", ours, "s", 1.2 * bare, "bare loop", ours / bare),
        report("archive vs bare loop", ours / bare, "x", 1.2),
        report(
            "peak memory, all cases",
            ours_rss,
            "MB",
            max(part_rss * 1.25, part_rss + 30),
            "a fifth",
            ours_rss / part_rss,
        ),
    ]

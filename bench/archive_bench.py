"""The full archive workbook of 100,000 cases against a bare openpyxl write_only loop writing
the same cells in the same run (target <= 1.2x), and its peak memory for a fifth of the cases
and for all of them (target: flat)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.measure import RUNS, Figure, Summary, run_child


def _child(*args: str) -> tuple[float, float]:
    seconds, rss = run_child("archive_child.py", *args)[0].split()
    return float(seconds), float(rss)


def run(summary: Summary, path: Path, runs: int = RUNS) -> None:
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        full, bare_out = str(Path(tmp) / "full.xlsx"), str(Path(tmp) / "bare.xlsx")
        part_s, part_rss = _child("archive", str(path), str(Path(tmp) / "part.xlsx"), "146")  # ~ a fifth
        ours, bare, ours_rss = [], [], []
        for _ in range(runs):  # in turn, each a fresh process; the bare loop copies the workbook just written
            seconds, rss = _child("archive", str(path), full)
            ours.append(seconds)
            ours_rss.append(rss)
            bare.append(_child("bare", full, bare_out, str(Path(tmp) / "plan.pickle"))[0])
        size = Path(full).stat().st_size / 1e6
    print(
        f"\narchive workbook ({size:.0f} MB), beside a bare openpyxl loop writing its cells, in turn (median of {runs}):"
    )
    summary.add(
        Figure(
            "full archive workbook, all cases",
            statistics.median(ours),
            "s",
            baseline=statistics.median(bare),
            baseline_name="bare write_only loop, same cells",
            ratio_target=1.2,
            scale="100k",
        )
    )
    peak = max(ours_rss)
    summary.add(
        Figure(
            "archive: peak memory, all cases",
            peak,
            "MB",
            target=max(part_rss * 1.25, part_rss + 30),  # flat: what a fifth of the cases takes, give or take
            baseline=part_rss,
            baseline_name=f"a fifth of the cases ({part_s:.0f} s)",
            scale="100k",
        )
    )

"""How `make bench` measures and what it prints (issue 21): each program figure beside its
baseline, the two run in turn in the same process and the same minute (program, baseline,
program, …), medians of at least five, and a summary table with the ratio and met / not met.

A figure has an absolute target, a target ratio to its baseline, or both; `met` needs all it has.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUNS = 5


@dataclass
class Figure:
    name: str
    value: float
    unit: str = "ms"
    target: float | None = None  # at most this much
    baseline: float | None = None
    baseline_name: str = ""
    ratio_target: float | None = None  # at most this many times the baseline
    scale: str = ""  # which database: "100k", "1M", "PG 100k"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        if self.target is not None and self.value > self.target:
            return False
        if self.ratio_target is not None and (self.ratio is None or self.ratio > self.ratio_target):
            return False
        return True

    def targets(self) -> str:
        parts = []
        if self.target is not None:
            parts.append(f"≤ {self.target:g} {self.unit}")
        if self.ratio_target is not None:
            parts.append(f"≤ {self.ratio_target:g}×")
        return " and ".join(parts)


@dataclass
class Summary:
    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure) -> bool:
        self.figures.append(figure)
        ratio = f"  {figure.ratio:5.2f}× {figure.baseline_name} {figure.baseline:.1f}" if figure.ratio else ""
        scale = f"[{figure.scale}] " if figure.scale else ""
        mark = "met    " if figure.met else "NOT MET"
        print(
            f"  {mark} {scale + figure.name:<52} {figure.value:9.1f} {figure.unit:<5}{ratio}"
            f"   target {figure.targets()}" + (f"  {figure.note}" if figure.note else "")
        )
        return figure.met

    def table(self) -> str:
        head = "| operation | database | program | baseline | ratio | target | |\n|---|---|---|---|---|---|---|"
        rows = [
            f"| {f.name} | {f.scale or '—'} | {f.value:.1f} {f.unit} | "
            + (f"{f.baseline_name} {f.baseline:.1f} {f.unit}" if f.baseline is not None else "—")
            + f" | {f'{f.ratio:.2f}×' if f.ratio else '—'} | {f.targets()} | {'met' if f.met else 'not met'} |"
            for f in self.figures
        ]
        return "\n".join([head, *rows])

    @property
    def all_met(self) -> bool:
        return all(f.met for f in self.figures)


def once_ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def median_ms(fn: Callable[[], object], runs: int = RUNS, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        times.append(once_ms(fn))
    return statistics.median(times)


def alternated(
    program: Callable[[], object],
    baseline: Callable[[], object],
    runs: int = RUNS,
    setup: Callable[[], object] | None = None,
) -> tuple[float, float]:
    """Medians (ms) of the program and its baseline, run in turn so that whatever else the machine
    does meanwhile falls on both; each warmed once first (as a running office has it)."""
    for fn in (program, baseline):
        if setup:
            setup()
        fn()
    ours, theirs = [], []
    for _ in range(max(runs, RUNS)):
        if setup:
            setup()
        ours.append(once_ms(program))
        if setup:
            setup()
        theirs.append(once_ms(baseline))
    return statistics.median(ours), statistics.median(theirs)


def run_child(script: str, *args: str) -> tuple[str, float]:
    """A bench/ script in a fresh process: (what it printed, the wall-clock time it was started)."""
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
    return out.stdout, started

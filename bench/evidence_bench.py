"""Evidence: hashing a 500 MB file, against sha256sum on the same file in the same run,
and the longest UI event-loop stall while the window attaches it in the background."""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def make_file(folder: Path, size_mb: int) -> Path:
    path = folder / "video.mp4"
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as f:
        f.write(b"\x00\x00\x00\x18ftypmp42")  # looks like a video to the content check
        for _ in range(size_mb):
            f.write(block)
    return path


def run(report, size_mb: int = 500, runs: int = 3) -> list[bool]:
    from PySide6.QtWidgets import QWidget

    from app import cases, db, evidence, settings, startup
    from bench.stalls import longest_stall
    from tests.factories import intake_values
    from ui.main import make_application
    from ui.workers import run_in_background

    results = []
    folder = Path(tempfile.mkdtemp(prefix="complaintdesk-bench-"))
    try:
        path = make_file(folder, size_mb)
        print(f"\nevidence: a {size_mb} MB file (median of {runs})")
        if shutil.which("sha256sum"):

            def sha256sum():
                subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)

            base = statistics.median(_time(sha256sum) for _ in range(runs))
            print(f"  baseline: sha256sum                         {base:9.2f} s  ({size_mb / base:6.0f} MB/s)")
        else:
            base = statistics.median(_time(lambda: _hashlib(path)) for _ in range(runs))
            print(f"  baseline: hashlib loop                     {base:9.2f} s")
        startup.open_database(str(folder / "bench.db"))
        settings.put(evidence.LIMIT_KEY, str(size_mb + 10))
        case_id = cases.intake(intake_values()).id
        timings = []
        for _ in range(runs):
            timings.append(_time(lambda: evidence.add_file(case_id, path, "video", "complainant", "bench")))
            evidence.store().delete(evidence.Evidence.select().order_by(evidence.Evidence.id.desc()).first().sha256)
        ours = statistics.median(timings)
        print(f"  hash + store (one pass, fsync)            {ours:9.2f} s  ({size_mb / ours:6.0f} MB/s)")
        results.append(report("attach 500 MB vs sha256sum", ours / base, "x", 3.0))

        make_application()
        window = QWidget()
        window.show()
        worst, outcome = longest_stall(
            lambda finished: run_in_background(
                window,
                "bench",
                lambda progress, cancelled: evidence.add_file(
                    case_id, path, "video", "complainant", "bench", progress=progress, cancelled=cancelled
                ),
                finished,
                finished,
            )
        )
        assert not isinstance(outcome, Exception), outcome
        results.append(report("longest UI stall while attaching", worst, "ms", 100))
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def _hashlib(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(4 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t

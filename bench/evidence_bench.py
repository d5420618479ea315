"""Evidence: hashing a 500 MB file, against sha256sum on the same file in the same run,
and the longest UI event-loop stall while the window attaches it in the background."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.measure import Figure, Summary, alternated


def make_file(folder: Path, size_mb: int) -> Path:
    path = folder / "video.mp4"
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as f:
        f.write(b"\x00\x00\x00\x18ftypmp42")  # looks like a video to the content check
        for _ in range(size_mb):
            f.write(block)
    return path


def run(summary: Summary, size_mb: int = 500, runs: int = 5) -> None:
    from PySide6.QtWidgets import QWidget

    from app import cases, db, evidence, settings, startup
    from bench.stalls import longest_stall
    from tests.factories import intake_values
    from ui.main import make_application
    from ui.workers import run_in_background

    folder = Path(tempfile.mkdtemp(prefix="complaintdesk-bench-"))
    try:
        path = make_file(folder, size_mb)
        startup.open_database(str(folder / "bench.db"))
        settings.put(evidence.LIMIT_KEY, str(size_mb + 10))
        case_id = cases.intake(intake_values()).id
        if shutil.which("sha256sum"):
            name = "sha256sum"

            def baseline():
                subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)

        else:
            name = "hashlib loop"

            def baseline():
                _hashlib(path)

        def attach():
            evidence.add_file(case_id, path, "video", "complainant", "bench")

        def forget():  # each attachment stores the file anew, as the first one did
            last = evidence.Evidence.select().order_by(evidence.Evidence.id.desc()).first()
            if last is not None:
                evidence.store().delete(last.sha256)

        print(f"\nevidence: a {size_mb} MB file, hashed and stored, beside {name} in turn (median of {runs})")
        ours, base = alternated(attach, baseline, runs, setup=forget)
        summary.add(
            Figure(
                f"attach a {size_mb} MB file (hash + store, fsync)",
                ours,
                baseline=base,
                baseline_name=name,
                ratio_target=3.0,
                note=f"{size_mb / ours * 1000:.0f} MB/s",
            )
        )
        forget()
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
        summary.add(Figure("longest UI stall while attaching", worst, target=100))
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _hashlib(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(4 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()

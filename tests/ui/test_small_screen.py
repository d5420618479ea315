"""At 1366×768, the common counter screen, the main window, a case and every dialog fit,
with Save and the dialog buttons in reach without resizing (issue 14.5)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import offscreen

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_everything_fits_a_1366_by_768_screen(tmp_path, language):
    run = subprocess.run(
        [sys.executable, "-m", "tests.small_screen_worker", str(tmp_path / "c.db"), language],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": offscreen(1366, 768)},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert len(seen) == 10
    for name, what in seen.items():
        assert what["fits"], (name, what["size"])
        assert not what["out_of_reach"], (name, what["out_of_reach"])
    assert not seen["case"]["horizontal_scrollbar"]

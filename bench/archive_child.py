"""One measured run in its own process (so peak memory is its own): prints seconds and peak RSS in MB.

archive DB OUT [DAYS]  the full archive workbook (of the last DAYS days of cases, default all)
bare REF OUT [KEPT]    a bare openpyxl write_only loop writing the same cells as the workbook REF
"""

import datetime as dt
import pickle
import resource
import sys
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook


def bare(ref: str, out: str, kept: str | None = None) -> float:
    """The same sheets, rows and cell values (each sheet's first 2,000 rows cycled), nothing else.
    `kept`: where the plan read from REF is kept for the next runs (reading REF takes minutes)."""
    if kept and Path(kept).exists():
        plan = pickle.loads(Path(kept).read_bytes())
    else:
        book = load_workbook(ref, read_only=True)
        plan = []
        for ws in book.worksheets:
            rows = ws.iter_rows(values_only=True)
            sample, count = [], 0
            for row in rows:
                if len(sample) < 2000:
                    sample.append(list(row))
                count += 1
            plan.append((ws.title, sample, count))
        book.close()
        if kept:
            Path(kept).write_bytes(pickle.dumps(plan))
    started = time.perf_counter()
    book = Workbook(write_only=True)
    for title, sample, count in plan:
        ws = book.create_sheet(title)
        n = len(sample)
        for i in range(count):
            ws.append(sample[i % n])
    book.save(out)
    return time.perf_counter() - started


def archive(path: str, out: str, days: int | None) -> float:
    from app import clock, startup
    from app.archives import excel
    from app.register import RegisterFilter

    startup.open_database(path)
    flt = RegisterFilter(date_from=clock.today() - dt.timedelta(days=days)) if days else RegisterFilter()
    started = time.perf_counter()
    excel.export_archive(out, flt, full_values=True)
    return time.perf_counter() - started


def peak_mb() -> float:
    """This process's own peak resident memory. Not ru_maxrss: on Linux it keeps the high-water
    mark across fork and exec, so a child of the 1.4 GB bench process reported 1.4 GB whatever it
    did (the last full bench printed 1448.7 MB for a fifth of the cases and for all of them)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024 * 1024)


if __name__ == "__main__":
    job = sys.argv[1]
    seconds = (
        bare(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
        if job == "bare"
        else archive(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
    )
    print(f"{seconds:.3f} {peak_mb():.1f}")

"""Imports a legacy register (or takes a backup) slowly, so a kill -9 lands in the middle.

Run by tests/app/test_crash.py: `import URL FILE`, `backup URL OUT` or `restore TARGET BACKUP`;
prints "working" once the job is under way.
"""

import shutil
import sys
import time

from app import evidence, startup, whole_cases
from app.archives import backup, importer

_copy = shutil.copyfile


def slow_copy(src, dst, *a, **k):
    print("working", flush=True)
    time.sleep(0.2)
    return _copy(src, dst, *a, **k)


job, url, path = sys.argv[1:4]
if job != "restore":
    startup.open_database(url)
if job == "restore":
    backup.shutil.copyfile = slow_copy
    backup.restore(path, url)
elif job == "import":
    importer.CHUNK = 20
    _write = whole_cases.write

    def slow_write(items):
        ids = _write(items)
        print("working", flush=True)  # these cases are written but not committed
        time.sleep(0.2)
        return ids

    whole_cases.write = slow_write
    table = importer.read_table(path)
    importer.import_table(table, importer.guess_mapping(table.headers))
else:
    _read = evidence.FileStore.read

    def slow_read(self, sha):
        print("working", flush=True)
        time.sleep(0.2)
        yield from _read(self, sha)

    evidence.FileStore.read = slow_read
    backup.backup(path)
print("finished", flush=True)

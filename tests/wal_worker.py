"""The window's side of the lost-WAL test: registers a case on the window's connection,
opens and closes the database file as Qt's dialogs do (below SQLite, so its locks go),
waits while another process backs up, registers a second case, then waits to be killed.

Run by tests/app/test_crash.py; prints each step.
"""

import os
import sys

from app import cases, startup
from tests.factories import intake_values

path = sys.argv[1]
startup.open_database(path)
print("committed", cases.intake(intake_values()).case_no, flush=True)
for name in (path, path + "-wal"):
    os.close(os.open(name, os.O_RDONLY))  # what a dialog's type sniffing does to each file it lists
with open(path, "rb") as f:
    f.read(100)
print("stray-close", flush=True)
sys.stdin.readline()  # the other process's backup has finished
print("committed", cases.intake(intake_values(complainant__name="李四")).case_no, flush=True)
sys.stdin.readline()  # never comes: kill -9

"""Saves intakes forever, pausing inside each transaction, so a kill -9 lands mid-save.

Run by tests/app/test_crash.py; prints each committed case number.
"""

import sys
import time

from app import cases, search, startup
from tests.factories import intake_values

_store = search.store_documents  # what every intake's transaction calls once its rows are written


def slow_index(rows):
    _store(rows)
    print("in-transaction", flush=True)
    time.sleep(0.05)  # the case rows are written but not committed


search.store_documents = slow_index
startup.open_database(sys.argv[1])
while True:
    ref = cases.intake(intake_values(complaint__facts="断电测试" * 50))
    print("committed", ref.case_no, flush=True)

"""The program's one clock: every "now" and "today" of app/ and ui/ is read here.

Deadlines, timelines and document dates all hang on the date, so a test (or a demo taken
for the README) sets where the clock starts instead of depending on the day it runs:
`start_at(moment)`, or COMPLAINTDESK_NOW=2026-11-23T10:00:00 for a whole process and the
processes it starts. The clock then runs on from there at the real pace.
"""

from __future__ import annotations

import datetime as dt
import os

_offset = [dt.timedelta(0)]


def start_at(moment: dt.datetime | None) -> None:
    """Make now() read `moment` at this instant and run on from it; None: the real clock."""
    _offset[0] = dt.timedelta(0) if moment is None else moment - dt.datetime.now()


def now() -> dt.datetime:
    return dt.datetime.now() + _offset[0]


def today() -> dt.date:
    return now().date()


if os.environ.get("COMPLAINTDESK_NOW"):
    start_at(dt.datetime.fromisoformat(os.environ["COMPLAINTDESK_NOW"]))

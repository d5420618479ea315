"""Round trips counted where they cost: on the PostgreSQL server (issue 22).

The database under test logs every statement it receives (`ALTER DATABASE … SET log_statement`,
so the other tests' databases stay quiet); `Counter.around()` marks the log before and after an
action from a connection of its own and reads back what arrived in between, from every backend
(a worker thread's second connection counts too). BEGIN, COMMIT, SAVEPOINT and LOCK are
statements like any other. A backend seen in between that the program had not used before is a
new connection, which costs CONNECT_TRIPS (TCP, start-up, the two SCRAM exchanges).
"""

from __future__ import annotations

import os
import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CONNECT_TRIPS = 4
SHOWN = int(os.environ.get("ROUNDTRIPS_SHOWN", "160"))  # characters of each statement a failure lists
_STATEMENT = re.compile(r"\[(\d+)\] LOG:  statement: (.*)")


@dataclass
class Trips:
    statements: list[str] = field(default_factory=list)
    connections: int = 0

    @property
    def count(self) -> int:
        return len(self.statements) + CONNECT_TRIPS * self.connections

    def __str__(self) -> str:
        listing = "\n".join(f"  {s[:SHOWN]}" for s in self.statements)
        return f"{self.count} round trips ({self.connections} connections):\n{listing}"


class Counter:
    def __init__(self, log: Path, connect, dbname: str):
        """`connect(dbname)`: a superuser's autocommit connection."""
        self.log = log
        admin = connect("postgres")
        admin.cursor().execute(f"ALTER DATABASE \"{dbname}\" SET log_statement = 'all'")
        admin.close()
        self.marker = connect(dbname)  # opened after the setting, so its markers are logged
        self.known: set[str] = set()

    def close(self) -> None:
        self.marker.close()

    def _mark(self, text: str) -> None:
        self.marker.cursor().execute(f"SELECT '{text}'")

    @contextmanager
    def around(self, wait=None):
        """Counts what arrives while the block runs (`wait()`: until a worker has finished)."""
        tag = uuid.uuid4().hex[:10]
        trips = Trips()
        self._mark(f"cd-start-{tag}")
        yield trips
        if wait:
            wait()
        self._mark(f"cd-end-{tag}")
        seen: set[str] = set()
        for line in self._between(f"cd-start-{tag}", f"cd-end-{tag}"):
            if m := _STATEMENT.search(line):
                seen.add(m.group(1))
                trips.statements.append(m.group(2))
        trips.connections = len(seen - self.known)
        self.known |= seen

    def _between(self, start: str, end: str) -> list[str]:
        for _ in range(200):  # the server writes its log as it goes; give it a moment
            text = self.log.read_text(encoding="utf-8", errors="replace")
            a, b = text.find(f"'{start}'"), text.find(f"'{end}'")
            if a >= 0 and b > a:
                return text[text.index("\n", a) + 1 : text.rfind("\n", 0, b)].splitlines()
            time.sleep(0.01)
        raise AssertionError(f"markers {start}/{end} not found in {self.log}")

"""A file the program writes for a person appears whole or not at all: written beside its
name, flushed to disk, then renamed over it. A crash or a full disk leaves the old file or
none, never half a PDF under the name a clerk will print or send."""

from __future__ import annotations

import os
from pathlib import Path

from app import db


def write_whole(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    db.refuse_open_database_file(path)
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path

"""Why a committed case survives whatever else the window's process does with the file.

SQLite on Linux and macOS coordinates processes with POSIX advisory locks, and POSIX drops
every lock a process holds on a file as soon as that process closes *any* descriptor of
it. Qt's file dialogs do exactly that: listing a folder, they open the database, its
-wal and its -shm to sniff their types. From then on another process (`complaintdesk
backup` while the window is open) believes it is the last user when it closes, runs a
checkpoint ignoring the window, and deletes the -wal and -shm: the window goes on
committing into a deleted file, and a crash later loses those cases.

No lock protocol survives a lock that vanishes, so the defence is to take away the one
step that acts on "I am the last user": no connection of ours ever checkpoints or
deletes the WAL when it closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE). Checkpoints happen
only through the shared-memory locks that every writer respects (SQLite's automatic
checkpoint, and the PASSIVE one in `checkpoint_before_close`), the -wal and -shm files
simply stay beside the database, and opening the database recovers from the WAL as after
any crash. The window also keeps its own dialogs from reading the database's files
(ui/file_dialogs.py), so the -shm locks that order writers stay in place; and nothing in
the program reads the live file except SQLite itself (copies go through the backup API).
Windows locks per handle and is not affected, but gets the same settings so both
platforms behave alike.
"""

from __future__ import annotations

import _sqlite3  # the extension module: it links the SQLite library that does the work
import ctypes
import logging
import os
import sqlite3
import sys

log = logging.getLogger(__name__)

NO_CKPT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, SQLite 3.16+


def keep_wal_on_close(conn: sqlite3.Connection, path: str) -> bool:
    """Tell SQLite not to checkpoint and delete the WAL when `conn` closes.

    Returns whether the setting is in force (it is checked back, not assumed)."""
    if hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(NO_CKPT_ON_CLOSE, True)
        return conn.getconfig(NO_CKPT_ON_CLOSE)  # type: ignore[attr-defined]  # 3.12, checked above
    return _set_through_the_c_library(conn, path)


def checkpoint_before_close(conn: sqlite3.Connection) -> None:
    """Copy what the WAL holds into the database file without waiting for anyone, so the
    .db file alone is complete after a quiet close (a clerk may copy just that file)."""
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.Error as exc:  # another seat writing: its own checkpoint will follow
        log.info("checkpoint before close skipped: %s", exc)


def _set_through_the_c_library(conn: sqlite3.Connection, path: str) -> bool:
    """Python 3.11 has no Connection.setconfig: call sqlite3_db_config on the handle the
    sqlite3 module keeps right after its object header, after checking that the handle
    is this connection's (sqlite3_db_filename names the same file)."""
    lib = _library()
    if lib is None:
        return False
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return False
    named = lib.sqlite3_db_filename(ctypes.c_void_p(handle), b"main")
    if not named or os.path.realpath(os.fsdecode(named)) != os.path.realpath(path):
        log.warning("SQLite handle not found where expected; the WAL is not protected on close")
        return False
    result = ctypes.c_int(-1)
    lib.sqlite3_db_config(ctypes.c_void_p(handle), NO_CKPT_ON_CLOSE, 1, ctypes.byref(result))
    return result.value == 1


_lib: list = []


def _library():
    if not _lib:
        _lib.append(_load_library())
    return _lib[0]


def _load_library():
    if sys.platform == "darwin" and os.uname().machine == "arm64":
        return None  # variadic C calls need Python 3.12's argtypes handling there
    try:
        lib = ctypes.CDLL("sqlite3" if sys.platform == "win32" else _sqlite3.__file__)
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.sqlite3_db_config.restype = ctypes.c_int
        lib.sqlite3_db_config.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    except (OSError, AttributeError) as exc:
        log.warning("SQLite library not reachable (%s); the WAL is not protected on close", exc)
        return None
    return lib

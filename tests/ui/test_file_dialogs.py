"""The program's file dialogs never read the database's files (issue 14.1), and never hand
the open database to anything as a file to read or write."""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from app import evidence
from ui import file_dialogs

IN_OPEN = 0x20
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


class Opens:
    """Names of the files opened in a folder, by any process, while watching (inotify)."""

    def __init__(self, folder):
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        assert self.fd >= 0
        assert self.libc.inotify_add_watch(self.fd, os.fsencode(folder), IN_OPEN) >= 0

    def names(self) -> set[str]:
        seen = set()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return seen
            offset = 0
            while offset < len(data):
                _, mask, _, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16 : offset + 16 + length].rstrip(b"\0").decode()
                if mask & IN_OPEN and name:
                    seen.add(name)
                offset += 16 + length

    def close(self):
        os.close(self.fd)


def _list_folder(qtbot, show) -> None:
    """Open a dialog on the folder, leave it up while it lists and draws, then cancel."""
    QTimer.singleShot(1200, lambda: [w.reject() for w in qtbot_dialogs()])
    show()


def qtbot_dialogs():
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]


@linux_only
def test_listing_the_database_folder_opens_none_of_its_files(qtbot, sqlite_db, sqlite_path, qapp):
    from app import cases
    from tests.factories import intake_values

    cases.intake(intake_values())  # the WAL and shared-memory files exist
    (sqlite_path.parent / "照片.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 200)
    names = {sqlite_path.name, sqlite_path.name + "-wal", sqlite_path.name + "-shm"}
    assert all((sqlite_path.parent / n).exists() for n in names)
    opens = Opens(sqlite_path.parent)
    try:
        plain = QFileDialog(None, "Qt's own", str(sqlite_path.parent))  # the control: it sniffs types
        plain.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        _list_folder(qtbot, plain.exec)
        assert names & opens.names(), "the watch saw no opens: the control did not list the folder"
        for show in (
            lambda: file_dialogs.open_files(None, "证据", ""),
            lambda: file_dialogs.open_file(None, "导入", "Excel (*.xlsx)", str(sqlite_path.parent)),
            lambda: file_dialogs.save_file(None, "另存为", str(sqlite_path.parent / "x.pdf"), "PDF (*.pdf)"),
            lambda: file_dialogs.choose_database(None, "数据库", str(sqlite_path.parent), "数据库 (*.db)"),
        ):
            os.chdir(sqlite_path.parent)  # the evidence dialog starts in the working folder
            _list_folder(qtbot, show)
            time.sleep(0.05)
            assert not names & opens.names()
    finally:
        opens.close()


def test_the_open_database_is_refused_as_evidence(window, qtbot, answers, sqlite_path):
    view = window.open_case(window.register.model.rows[0].id)
    view.lower_tabs.setCurrentWidget(view.evidence)
    button = view.evidence.findChild(type(view.save_button), "evidence.add")
    answers.file(sqlite_path).cancel()  # the database; then, asked again, the clerk gives up
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert any("正在使用的数据库文件" in text for text in answers.texts())
    assert not answers.queue and evidence.items(view.case_id) == []
    with pytest.raises(Exception, match="正在使用的数据库文件"):
        evidence.add_file(view.case_id, str(sqlite_path) + "-wal", "other", "complainant", "王芳")

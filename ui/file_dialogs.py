"""Every file dialog of the program, opened one way.

Qt's own file dialog, and the GTK and macOS ones it hands over to, open each file of the
folder they list to guess its type. In the folder that holds the database that closes
descriptors of the database, its -wal and its -shm inside this process, and POSIX then
drops the locks SQLite holds on them (app/sqlite_safety.py). So outside Windows (whose
locks belong to a handle, not to the process) the dialog is Qt's widget dialog with an
icon provider that goes by the name only and never reads a file. A path that is the open
database or one of its side files is refused here, before anything reads or writes it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QWidget

from app import db
from ui import i18n

tr = i18n.translator("file_dialogs")

NATIVE = sys.platform == "win32"


class NamesOnly(QAbstractFileIconProvider):
    """Icons and types from what a file is called, never from what it holds."""

    def icon(self, what) -> QIcon:
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            kind = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
        else:
            kind = {
                QAbstractFileIconProvider.IconType.Folder: QStyle.StandardPixmap.SP_DirIcon,
                QAbstractFileIconProvider.IconType.Drive: QStyle.StandardPixmap.SP_DriveHDIcon,
                QAbstractFileIconProvider.IconType.Computer: QStyle.StandardPixmap.SP_ComputerIcon,
            }.get(what, QStyle.StandardPixmap.SP_FileIcon)
        return style.standardIcon(kind)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return tr("文件夹")
        return tr("%1 文件").replace("%1", info.suffix().upper()) if info.suffix() else tr("文件")


_names_only: list[NamesOnly] = []


def _dialog(parent: QWidget | None, title: str, directory: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setObjectName("file_dialog")
    if not NATIVE:
        if not _names_only:
            _names_only.append(NamesOnly())  # one for the process: Qt does not own it
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(_names_only[0])
    return dialog


def _refused(parent: QWidget | None, paths: list[str]) -> bool:
    for path in paths:
        if db.is_open_database_file(path):
            QMessageBox.warning(
                parent,
                tr("不能选择此文件"),
                tr("%1 是正在使用的数据库文件，不能作为证据、导入来源或保存目标。").replace("%1", path),
            )
            return True
    return False


def _run(dialog: QFileDialog, parent: QWidget | None) -> list[str]:
    while dialog.exec() == QFileDialog.DialogCode.Accepted:
        chosen = dialog.selectedFiles()
        if chosen and not _refused(parent, chosen):
            return chosen
    return []


def open_file(parent: QWidget | None, title: str, name_filter: str = "", directory: str = "") -> str:
    """One existing file, or "" when the clerk cancels."""
    dialog = _dialog(parent, title, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog, parent)), "")


def open_files(parent: QWidget | None, title: str, name_filter: str = "") -> list[str]:
    dialog = _dialog(parent, title, "", name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog, parent)


def save_file(
    parent: QWidget | None, title: str, suggested: str = "", name_filter: str = "", confirm_overwrite: bool = True
) -> str:
    """Where to write, or "" when the clerk cancels; the suffix of the filter is added."""
    dialog = _dialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    suffix = name_filter.partition("*.")[2].split(")")[0].split()[0] if "*." in name_filter else ""
    if suffix:
        dialog.setDefaultSuffix(suffix)
    return next(iter(_run(dialog, parent)), "")


def choose_folder(parent: QWidget | None, title: str) -> str:
    dialog = _dialog(parent, title, "", "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog, parent)), "")


def choose_database(parent: QWidget | None, title: str, directory: str, name_filter: str) -> str:
    """An existing SQLite file to open, or the name of a new one (the only dialog where a
    database is what the clerk is meant to pick)."""
    dialog = _dialog(parent, title, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setDefaultSuffix("db")
    return dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted else ""

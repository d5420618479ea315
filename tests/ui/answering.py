"""Answering the program's modal dialogs the way a clerk does: a file name typed into the
file dialog and Enter, a button of a message box clicked, an item picked in an input dialog.

`Answers` watches for the modal dialog on top (file dialogs and message boxes run their
own event loop, so the watch is a timer that fires inside it) and answers the next one in
its queue; every message box seen is kept as (title, text).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox


class Answers:
    def __init__(self):
        self.queue: list = []  # ("file", path) | ("button", StandardButton) | ("item", text) | ("cancel", None)
        self.seen: list[tuple[str, str]] = []  # message boxes: (title, text)
        self.files: list[str] = []  # titles of the file dialogs answered
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def file(self, path) -> "Answers":
        self.queue.append(("file", str(path)))
        return self

    def button(self, which=QMessageBox.StandardButton.Yes) -> "Answers":
        self.queue.append(("button", which))
        return self

    def item(self, text: str) -> "Answers":
        self.queue.append(("item", text))
        return self

    def cancel(self) -> "Answers":
        self.queue.append(("cancel", None))
        return self

    def texts(self) -> list[str]:
        return [text for _, text in self.seen]

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if isinstance(dialog, QMessageBox):
            self.seen.append((dialog.windowTitle(), dialog.text()))
        if isinstance(dialog, QMessageBox) and (not self.queue or self.queue[0][0] != "button"):
            # a message the test planned no answer for: noted, then closed
            dialog.done(
                QMessageBox.StandardButton.Cancel
                if dialog.button(QMessageBox.StandardButton.Cancel)
                else QMessageBox.StandardButton.Ok
            )
            return
        if not self.queue:
            return
        if getattr(dialog, "_answer_pending", False):
            return
        kind, value = self.queue.pop(0)
        if kind == "cancel":
            dialog.reject()
        elif isinstance(dialog, QFileDialog):
            assert kind == "file", f"a file dialog ({dialog.windowTitle()}) where {kind} was expected"
            self.files.append(dialog.windowTitle())
            name = dialog.findChild(QLineEdit, "fileNameEdit")  # what a clerk types the name into
            name.setText(value)
            QTest.keyClick(name, Qt.Key.Key_Return)
        elif isinstance(dialog, QMessageBox):
            assert kind == "button", f"a message ({dialog.text()}) where {kind} was expected"
            # clicked from the event loop, not from inside this timer's slot: what the answer
            # sets off may open a modal dialog of its own, which this timer must still see
            dialog._answer_pending = True
            QTimer.singleShot(0, dialog.button(value).click)
        elif isinstance(dialog, QInputDialog):
            assert kind == "item", f"an input dialog where {kind} was expected"
            dialog.setTextValue(value)
            dialog.accept()
        else:
            self.queue.insert(0, (kind, value))  # not a dialog this helper answers: the test does

    def stop(self) -> None:
        self.timer.stop()

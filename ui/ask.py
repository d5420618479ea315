"""Questions that do not stop the world.

A static QMessageBox.question() runs a nested event loop inside the click that asked it.
Whatever that loop delivers meanwhile (a reload, a tab closed, a finished background job)
may delete the widget whose method is still waiting on the stack; when the question
returns, that method carries on in a deleted widget and the window crashes. `confirm`
opens a window-modal box owned by the asking widget and calls back when it is answered:
if the widget is deleted first, the box goes with it and nothing is called.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], object],
    yes: Button = Button.Yes,
    no: Button = Button.Cancel,
) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setObjectName("confirm")
    box.setDefaultButton(no)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.standardButton(box.clickedButton()) == yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box

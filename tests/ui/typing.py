"""Typing Chinese into real widgets: QTest's keyClicks only knows ASCII keys, so CJK text
arrives the way a Chinese input method delivers it, as a committed QInputMethodEvent."""

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    target = widget.focusProxy() or widget
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ord(ch) < 128:
            run += ch
            continue
        if run:
            qtbot.keyClicks(target, run)
            run = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(target, event)

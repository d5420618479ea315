"""Windows that fit the screen they open on. The common counter screen is 1366×768 with a
taskbar: a dialog taller than what is left would put its Save button out of reach."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # room for the window manager's title bar and frame, which Qt does not count


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """resize() to the size wanted, or to what the screen has room for if that is less."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:
        width, height = min(width, room.width() - 16), min(height, room.height() - TITLE_BAR)
    widget.resize(width, height)

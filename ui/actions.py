"""Menu and toolbar actions, made one way.

QAction.triggered carries a `checked` flag; connected straight to a slot with an optional
first parameter (`export_register(path=None)`), that flag arrives as the path. Every
action of the program is made here and calls its slot with no arguments.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def add_action(
    parent: QWidget,
    menu: QMenu | None,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence | None = None,
    name: str = "",
    checkable: bool = False,
) -> QAction:
    """`name` is required: tests/ui/test_every_action.py finds each action by it."""
    if not name:
        raise ValueError(f"action {text!r} needs an object name")
    act = QAction(text, parent)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    act.setObjectName(name)
    act.setCheckable(checkable)
    act.triggered.connect(lambda _checked=False: slot())
    if menu is not None:
        menu.addAction(act)
    return act

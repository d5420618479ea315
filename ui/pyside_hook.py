"""PySide6 asks, after every import, whether the new module uses PySide6 (for its `__feature__`
switches, PYSIDE-2029) by reading the module's source through inspect.getsource: about a quarter
of a millisecond a module, across the ~120 modules the first screen imports (start to first rows
382 → 364 ms, issue 21). The same question answered by reading the module's file as bytes; modules without a
.py file (built in, compiled, frozen in a package) are still asked PySide's way."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Callable

_asked_by_pyside: Callable[[ModuleType], bool] | None = None


def uses_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return _asked_by_pyside(module) if _asked_by_pyside else False


def install() -> bool:
    """Put uses_pyside in place of PySide's own question, once; False where PySide asks no more
    (a later PySide without the hook: nothing to do)."""
    global _asked_by_pyside
    feature = sys.modules.get("shibokensupport.feature")
    asked = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or asked is uses_pyside:
        return asked is uses_pyside
    _asked_by_pyside = asked
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


def asked_by_pyside() -> Callable[[ModuleType], bool] | None:
    """PySide's own question, for the test that both give the same answers."""
    return _asked_by_pyside

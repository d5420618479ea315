"""PySide's question after each import (does this module use PySide6?) answered from the file's
bytes: the same answers as PySide's own reading of the source, for every module loaded."""

import sys

from ui import pyside_hook


def test_the_program_s_answer_is_the_one_pyside_asks_after_each_import():
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_hook.uses_pyside
    assert pyside_hook.install()  # a second time changes nothing
    assert pyside_hook.asked_by_pyside() is not pyside_hook.uses_pyside


def test_every_loaded_module_gets_the_answer_pyside_would_give():
    asked = pyside_hook.asked_by_pyside()
    modules = [m for m in list(sys.modules.values()) if m is not None]
    ours = {m.__name__: pyside_hook.uses_pyside(m) for m in modules}
    theirs = {m.__name__: asked(m) for m in modules}
    assert ours == theirs
    assert ours["ui.register"] and ours["ui.main_window"]  # the window's modules use PySide6
    assert not ours["app.register"] and not ours["peewee"]

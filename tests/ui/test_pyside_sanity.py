"""The Qt binding itself: PySide6 6.12.0 returned True from Signal.emit() without a reference,
so every emit from Python dropped True's refcount until the interpreter aborted. Pinned away
in pyproject.toml; this catches a binding that brings it back."""

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    ping = Signal(int)


def test_emitting_a_signal_does_not_steal_a_reference_to_true(qapp):
    sender = _Sender()
    seen = []
    sender.ping.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(1000):
        sender.ping.emit(i)
    assert len(seen) == 1000
    assert sys.getrefcount(True) - before > -10  # a few may move elsewhere; 1000 lost would be the bug

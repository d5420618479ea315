"""Child process of bench/run.py: start the real app on a database, print when rows show.

Prints the wall-clock time (time.time()) at which the register has painted its first
rows; the parent subtracts the time it started this process.
"""

import sys
import time

from PySide6.QtWidgets import QApplication

from ui import main

app = main.make_application()
window = main.open_window(sys.argv[1])
painted: list[float] = []
window.register.view.first_painted.connect(lambda: painted.append(time.time()))
window.show()
while not painted:  # until the first paint with the rows is done; what start-up defers comes after
    QApplication.processEvents()
assert window.register.model.rows, "the register shows no rows"
print(painted[0], len(window.register.model.rows), window.register.model.total, flush=True)

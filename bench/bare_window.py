"""Child process of bench/run.py: the floor, a bare PySide6 window shown and painted."""

import time

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1360, 820)
window.show()
QApplication.processEvents()
window.repaint()
print(time.time(), flush=True)

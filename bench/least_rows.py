"""Child process of bench/run.py: the least window that shows the register's first rows, for scale.

A QTableView over the same 200 newest entries and the count, read with the standard library's
sqlite3 and painted: what any program pays to paint those rows (fonts, text layout) before its
own work. Prints the wall-clock time once painted.
"""

import sqlite3
import sys
import time

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

COLUMNS = "case_no, received_at, status, category, complainant, phone, business, product, amount_fen, handler, due_at"

app = QApplication([])
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = conn.execute(f"SELECT {COLUMNS} FROM register_entry ORDER BY received_at DESC LIMIT 200").fetchall()
total = conn.execute("SELECT count(*) FROM register_entry").fetchone()[0]


class Rows(QAbstractTableModel):
    def rowCount(self, parent=None):
        return len(rows)

    def columnCount(self, parent=None):
        return len(rows[0])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            value = rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None


window = QMainWindow()
window.resize(1360, 820)
window.setWindowTitle(f"{total} 件")
view = QTableView()
view.setModel(Rows())
window.setCentralWidget(view)
window.show()
QApplication.processEvents()
view.viewport().repaint()
print(time.time(), flush=True)

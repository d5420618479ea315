"""Opens the program on the screen QT_QPA_PLATFORM describes and reports, as JSON, whether
each window and dialog fits on it with its buttons in reach. Run by tests/ui/test_small_screen.py
(a screen size is chosen when Qt starts, hence a process of its own); argv: database, language."""

import json
import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QScrollArea

from app import demo, startup
from app.documents import issuing
from app.workflow import machine
from ui import i18n, main


def report(widget, buttons=()):
    screen = QApplication.primaryScreen().availableGeometry()
    frame = widget.frameGeometry()
    reach = [
        b.text()
        for b in buttons
        if not (b.isVisible() and widget.rect().contains(b.mapTo(widget, b.rect().bottomRight())))
    ]
    return {"size": [frame.width(), frame.height()], "fits": screen.contains(frame), "out_of_reach": reach}


def buttons_of(dialog):
    return [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]


startup.open_database(sys.argv[1])
machine.set_office_profile("consumer_association")
issuing.save_letterhead("某某市消费者协会", short="某消")
demo.generate(80, seed=2)
app = main.make_application()
i18n.install(sys.argv[2])
window = main.open_window(sys.argv[1])
window.show()
for _ in range(5):
    app.processEvents()
out = {"main window": report(window)}
# a case in mediation: the most buttons on its 办理 panel
view = window.open_case(
    next((r for r in window.register.model.rows if r.status == "mediating"), window.register.model.rows[0]).id
)
app.processEvents()
scroll = view.findChild(QScrollArea)
out["case"] = {**report(window, [view.save_button]), "horizontal_scrollbar": scroll.horizontalScrollBar().isVisible()}
for name in (
    "action.new",
    "action.calendar",
    "action.office",
    "action.users",
    "action.audit",
    "action.import",
    "action.batch_print",
):
    window.findChild(QAction, name).trigger()
    app.processEvents()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    extra = (
        [dialog.save_button] if hasattr(dialog, "save_button") and isinstance(dialog.save_button, QPushButton) else []
    )
    out[name] = report(dialog, buttons_of(dialog) + extra)
    if hasattr(dialog, "form"):
        dialog.form.mark_clean()
    dialog.reject()
    app.processEvents()
view.documents.kind.setCurrentIndex(view.documents.kind.findData("acceptance_notice"))
preview = view.documents.preview_draft()
app.processEvents()
out["preview"] = report(preview)
preview.close()
print(json.dumps(out, ensure_ascii=False))
for w in list(main._windows):
    w.close()

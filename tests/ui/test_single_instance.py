"""One window per database: a second start raises the running one; the window remembers its size."""

from PySide6.QtCore import QByteArray

from ui import main
from ui.main_window import MainWindow


def test_a_second_start_on_the_same_database_raises_the_running_window(qtbot, sqlite_db, tmp_path):
    main.make_application()
    location = str(tmp_path / "office.db")
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.showMinimized()
    assert not main.hand_over_to_running(location)  # nobody listening yet
    main.listen_for_second_starts(window, location)
    assert main.hand_over_to_running(location)
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=3000)
    assert not main.hand_over_to_running(str(tmp_path / "other.db"))  # another database: its own window


def test_the_window_remembers_its_geometry(qtbot, sqlite_db):
    main.make_application()
    main.settings().remove("window/geometry")
    main.settings().setValue("daily_backup", False)  # no backup timer outliving the test
    window = main.open_window(str(sqlite_db.location))
    qtbot.addWidget(window)
    window.resize(901, 602)
    window.show()
    window.close()
    saved = main.settings().value("window/geometry")
    assert isinstance(saved, QByteArray) and not saved.isEmpty()
    again = main.open_window(str(sqlite_db.location))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (901, 602)

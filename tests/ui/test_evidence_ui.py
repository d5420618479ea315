"""Evidence in the case view: a dropped file becomes a thumbnail; paste; remove; refusals."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from app import evidence
from app.models import EvidenceThumbnail
from tests.app.test_evidence import png
from tests.app.test_thumbnails import photo as picture
from tests.ui.conftest import activate
from ui.evidence_panel import THUMB


def drop(widget, paths):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        pos.toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def is_red(entry) -> bool:
    """The middle of the entry's icon is the red of tests.app.test_thumbnails.photo (a file icon is grey)."""
    image = entry.icon().pixmap(THUMB, THUMB).toImage()
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red() > 150 and colour.green() < 90


def open_first_case(window, qtbot):
    view = window.open_case(window.register.model.rows[0].id)
    qtbot.waitUntil(view.isVisible)
    return view


def test_dropping_a_file_shows_its_thumbnail(window, qtbot, messages, tmp_path):
    view = open_first_case(window, qtbot)
    photo = tmp_path / "损坏照片.png"
    photo.write_bytes(picture(fmt="PNG"))
    drop(view, [photo])
    panel = view.evidence
    assert view.lower_tabs.currentWidget() is panel
    dialog = panel.dialog
    activate(qtbot, dialog)
    assert dialog.values()["kind"] == "photo" and dialog.values()["supplier"] == "complainant"
    dialog.set("description", "外机损坏处")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    entry = panel.list.item(0)
    assert entry.text().startswith("外机损坏处\n照片")
    assert is_red(entry)  # the photo's thumbnail, not a file icon
    assert "添加证据：照片“损坏照片.png”" in view.timeline.toPlainText()


def test_executable_dropped_is_refused_with_a_message(window, qtbot, messages, tmp_path):
    view = open_first_case(window, qtbot)
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"MZ" + b"\x00" * 300)
    drop(view, [fake])
    qtbot.mouseClick(view.evidence.dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: messages.kinds() == ["warning"], timeout=5000)
    assert "可执行程序" in messages[0][2] and view.evidence.list.count() == 0


def test_paste_an_image_then_remove_it_with_a_reason(window, qtbot, messages):
    view = open_first_case(window, qtbot)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QApplication.clipboard().setImage(image)
    view.evidence.paste()
    assert view.evidence.list.count() == 1
    view.evidence.list.setCurrentRow(0)
    dialog = view.evidence.ask_remove()
    dialog.set("reason", "重复上传")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert view.evidence.list.count() == 0
    assert "移除证据“剪贴板图片.png”：重复上传" in view.timeline.toPlainText()


def test_image_viewer_zooms_rotates_and_steps(window, qtbot, messages, tmp_path):
    view = open_first_case(window, qtbot)
    for i in range(2):
        evidence.add_bytes(view.case_id, png(width=30 + i, height=20, seed=i), f"p{i}.png", "photo", "office", "王芳")
    view.evidence.reload()
    viewer = view.evidence.view(view.evidence.list.item(0))
    activate(qtbot, viewer)
    size = viewer.label.pixmap().size()
    qtbot.keyClick(viewer, Qt.Key.Key_R)
    assert viewer.label.pixmap().size() == size.transposed()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 1 and "2/2" in viewer.windowTitle()


def test_verify_marks_a_damaged_item(window, qtbot, messages):
    view = open_first_case(window, qtbot)
    item = evidence.add_bytes(view.case_id, png(seed=42), "x.png", "photo", "office", "王芳")
    evidence.store().delete(item.sha256)
    view.evidence.verify()
    assert messages.kinds() == ["warning"] and "文件缺失" in view.evidence.list.item(0).text()
    assert Path(evidence.store().folder).exists()


def test_purge_from_the_settings_menu_asks_first(window, qtbot, answers):
    import datetime as dt

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from app.models import Evidence

    view = open_first_case(window, qtbot)
    item = evidence.add_bytes(view.case_id, png(seed=77), "old.png", "photo", "office", "王芳")
    evidence.remove(item.id, "错误上传", "王芳")
    Evidence.update(removed_at=dt.datetime(2020, 1, 1)).where(Evidence.id == item.id).execute()
    purge = window.findChild(QAction, "action.purge")
    answers.button(QMessageBox.StandardButton.Cancel)
    purge.trigger()
    qtbot.waitUntil(lambda: not answers.queue and len(answers.seen) == 1)
    assert evidence.check(item) != "missing"  # the question was answered Cancel
    answers.button(QMessageBox.StandardButton.Yes)
    purge.trigger()
    qtbot.waitUntil(lambda: len(answers.seen) == 3)  # the question, then how many were deleted
    assert evidence.check(item) == "missing"
    assert "已删除 1 个文件。" == answers.seen[2][1]


def test_daily_backup_runs_off_the_ui_thread_and_reports(window, qtbot, tmp_path, monkeypatch):
    from app import db
    from app.archives import backup
    from ui import main

    monkeypatch.setattr(backup, "daily_folder", lambda location: tmp_path / "daily")
    main.daily_backup(window, db.parse_location(db.database.obj.database))
    qtbot.waitUntil(lambda: "每日备份已完成" in window.statusBar().currentMessage(), timeout=10000)
    assert len(list((tmp_path / "daily").iterdir())) == 1


def test_a_photo_kept_before_thumbnails_shows_one_made_in_the_background(window, qtbot, messages, tmp_path):
    view = open_first_case(window, qtbot)
    item = evidence.add_bytes(view.case_id, picture(colour=(210, 40, 35)), "旧照片.jpg", "photo", "complainant", "周敏")
    EvidenceThumbnail.delete().execute()  # as a database upgraded from version 20 has it
    view.lower_tabs.setCurrentWidget(view.evidence)  # looking at the evidence loads the pictures
    view.evidence.reload()
    entry = view.evidence.list.item(0)
    qtbot.waitUntil(lambda: is_red(entry), timeout=5000)
    assert evidence.thumbnails([item.sha256])  # kept: the next seat reads a few kilobytes


def test_a_window_closed_before_its_daily_backup_is_due_backs_nothing_up(qtbot, sqlite_db, tmp_path, monkeypatch):
    """The daily backup waits 3 s after the window opens; a window closed by then (and not yet
    destroyed: Python still holds it) must not copy a database it no longer shows."""
    from app.archives import backup
    from ui import main

    monkeypatch.setattr(backup, "daily_folder", lambda location: tmp_path / "daily")
    main.make_application()
    main.settings().setValue("daily_backup", True)
    window = main.open_window(str(sqlite_db.location))
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.wait(3600)
    assert not (tmp_path / "daily").exists() or not list((tmp_path / "daily").iterdir())

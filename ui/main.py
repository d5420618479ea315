"""Start-up: Qt application, shipped CJK font, the database, the main window."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app import accounts, audit, db, paths, session, startup
from app import i18n as app_i18n
from app.errors import ComplaintDeskError, DatabaseError
from ui import i18n
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
UI_FONT_FAMILY = "WenQuanYi Micro Hei"
_windows: list[MainWindow] = []  # keeps the current window alive across database switches


tr = i18n.translator("main")


def register_fonts(app: QApplication) -> str:
    """Register the shipped CJK font so Chinese renders on a machine with none installed."""
    loaded: list[str] = []
    for path in paths.font_files():  # the Hanazono fallback too: Qt then draws rare characters as well
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        loaded += QFontDatabase.applicationFontFamilies(font_id)
    family = UI_FONT_FAMILY if UI_FONT_FAMILY in loaded else (loaded[0] if loaded else "")
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
    return family


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("ComplaintDesk")
    app.setApplicationName("ComplaintDesk")
    app.setDesktopFileName("complaintdesk")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "complaintdesk.svg")))
    register_fonts(app)
    if not getattr(app, "_language_chosen", False):
        i18n.install(i18n.chosen_language())
        app._language_chosen = True
    app.setApplicationDisplayName(tr("投诉调解工作台"))
    return app


def settings() -> QSettings:
    return QSettings("ComplaintDesk", "ComplaintDesk")


def chosen_database(target: str | None) -> str | None:
    """--db wins; else the database chosen last time in the app; else the default file."""
    if target:
        return target
    value = settings().value("database", "")
    return str(value) if value else None


def open_window(target: str | None, sign_in: bool = False) -> MainWindow | None:
    """Connect, sign in when asked (None if the clerk cancels), and build the window."""
    chosen = chosen_database(target)
    try:
        startup.open_database(chosen)
        ask_server = None
    except DatabaseError as exc:  # a secured shared database: the person's own login opens it
        if not (sign_in and db.refused_login(exc)):
            raise
        ask_server = chosen
    if sign_in and (ask_server is not None or accounts.auto_sign_in() is None):
        from ui.sign_in import sign_in_or_set_up  # only where someone signs in (start-up, issue 21)

        if not sign_in_or_set_up(None, settings().value("last_user", ""), ask_server):
            return None
    if sign_in:
        settings().setValue("last_user", session.current_user().username)
    connection = db.current()
    window = MainWindow(str(connection.location))
    window.database_requested.connect(lambda: choose_database(window))
    window.language_requested.connect(lambda language: switch_language(window, language))
    geometry = settings().value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.closing.connect(lambda: settings().setValue("window/geometry", window.saveGeometry()))
    window.closing.connect(keep_anchor)
    window.load()
    if settings().value("daily_backup", True, type=bool):
        # tied to the window: a window destroyed within the 3 s (a language switch) takes its timer
        # with it, and one closed but not yet destroyed backs nothing up
        QTimer.singleShot(3000, window, lambda: window.isVisible() and daily_backup(window, connection.location))
    return window


def keep_anchor() -> None:
    """The window closes: this seat keeps the newest audit entry it saw (app/audit.py says why)."""
    audit.keep_anchor()


def daily_backup(window: MainWindow, location) -> None:
    """Once a day, a copy of a SQLite database and its evidence, kept for a week (off the UI thread)."""
    from app.archives import backup
    from ui.workers import run_quietly

    def done(path) -> None:
        if path:
            window.statusBar().showMessage(tr("每日备份已完成：") + str(path), 10000)

    def failed(error) -> None:
        log.error("daily backup failed: %s", error)
        window.statusBar().showMessage(tr("每日备份失败：") + i18n.say(error), 20000)

    run_quietly(window, lambda: backup.daily(location, backup.daily_folder(location)), done, failed)


def choose_database(window: MainWindow) -> None:
    """File → Open database: a SQLite file, or a PostgreSQL URL for a shared office database."""
    items = [tr("本机数据库文件（SQLite）…"), tr("共享数据库（PostgreSQL 地址）…")]
    choice, ok = QInputDialog.getItem(window, tr("打开数据库"), tr("数据库类型："), items, 0, False)
    if not ok:
        return
    if choice == items[0]:
        from ui import file_dialogs  # imported when first needed: start-up (issue 21)

        path = file_dialogs.choose_database(
            window, tr("选择或新建数据库文件"), str(db.default_path().parent), tr("数据库 (*.db *.sqlite)")
        )
        target = path
    else:
        target, ok = QInputDialog.getText(window, tr("共享数据库"), tr("地址，如 postgresql://用户@主机:5432/库名："))
        if not ok:
            return
    if not target:
        return
    if not window.close():
        return
    try:
        new_window = open_window(target)
    except ComplaintDeskError as exc:
        QMessageBox.critical(None, tr("无法打开数据库"), i18n.say(exc))
        new_window = open_window(None)
    else:
        settings().setValue("database", target)
    new_window.show()
    _windows[:] = [new_window]


def switch_language(window: MainWindow, language: str) -> MainWindow | None:
    """设置 → 界面语言: the window is rebuilt in the new language (after unsaved case edits are settled)."""
    if not window.close():
        window.findChild(QAction, f"language.{i18n.current()}").setChecked(True)  # the clerk kept the window
        return None
    i18n.remember_language(language)
    i18n.install(language)
    QApplication.instance().setApplicationDisplayName(tr("投诉调解工作台"))
    where = db.current().location  # the full address: str() hides a PostgreSQL password
    new_window = open_window(where.url if where.kind == "postgresql" else str(where.path))
    server = getattr(window, "instance_server", None)
    if server is not None:  # the single-instance listener now raises the new window
        server.setParent(new_window)
        server.newConnection.disconnect()
        server.newConnection.connect(lambda: _come_forward(server, new_window))
        new_window.instance_server = server
    new_window.show()
    _windows[:] = [new_window]
    return new_window


def _excepthook(kind, value, tb) -> None:
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    QMessageBox.critical(None, tr("出错了"), tr("程序遇到意外错误，已记入日志：\n") + str(value))


def self_test_window() -> str:
    """The self-test's last step: the real main window on the self-test database, offscreen."""
    from PySide6.QtWidgets import QApplication

    app = make_application()
    window = MainWindow(str(db.current().location))
    window.load()
    window.resize(1200, 800)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    picture = window.grab()
    rows = window.register.model.total
    family = app.font().family()
    window.close()
    if picture.isNull() or rows < 1:
        raise RuntimeError(f"窗口没有显示登记簿（{rows} 件）")
    if family != UI_FONT_FAMILY:
        raise RuntimeError(f"界面字体不是 {UI_FONT_FAMILY}，而是 {family}")
    languages = []
    for language in ("en", "zh_TW"):  # the compiled catalogues are there and say what the sources say
        i18n.install(language)
        languages.append(f"{language} {tr('投诉调解工作台')}")
        if tr("投诉调解工作台") == "投诉调解工作台":
            raise RuntimeError(f"界面语言 {language} 的译文没有载入（{app_i18n.catalogue_path(language, '.qm')}）")
    i18n.install(i18n.chosen_language())
    return f"登记簿 {rows} 件，界面字体 {family}，Qt 平台 {app.platformName()}，界面语言 {'、'.join(languages)}"


def instance_key(location: str) -> str:
    """One running window per database: the name its local server listens on."""
    import getpass
    import hashlib

    return "complaintdesk-" + hashlib.sha256(f"{getpass.getuser()}|{location}".encode()).hexdigest()[:16]


def hand_over_to_running(location: str) -> bool:
    """If a window on this database is already open, ask it to come to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(instance_key(location))
    if not socket.waitForConnected(300):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(300)
    socket.disconnectFromServer()
    return True


def listen_for_second_starts(window: MainWindow, location: str) -> None:
    """A second start on the same database raises this window instead of opening another."""
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    QLocalServer.removeServer(instance_key(location))  # a stale name left by a crash
    if not server.listen(instance_key(location)):
        log.warning("single-instance server not started: %s", server.errorString())
        return

    server.newConnection.connect(lambda: _come_forward(server, window))
    window.instance_server = server


def _come_forward(server, window: MainWindow) -> None:
    connection = server.nextPendingConnection()
    if connection is not None:
        connection.deleteLater()
    window.showNormal()
    window.raise_()
    window.activateWindow()


def run(target: str | None = None) -> int:
    app = make_application()
    sys.excepthook = _excepthook
    where = db.parse_location(chosen_database(target))
    location = str(where.path.resolve()) if where.kind == "sqlite" else where.url
    if hand_over_to_running(location):
        log.info("already open on %s: raised the running window", location)
        return 0
    try:
        window = open_window(target, sign_in=True)
    except ComplaintDeskError as exc:
        QMessageBox.critical(None, tr("无法打开数据库"), i18n.say(exc))
        return 1
    if window is None:
        return 0  # sign-in cancelled
    _windows[:] = [window]
    listen_for_second_starts(window, location)
    from ui.sign_in import IdleLock, idle_minutes

    if idle_minutes() > 0:
        window.idle_lock = IdleLock(window, idle_minutes())
    window.show()
    return app.exec()

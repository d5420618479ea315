"""The window on a secured shared database: the person's own PostgreSQL login, typed into the
sign-in dialog that opens before there is any connection; what the role may not do is off."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import session
from tests.app.test_database_roles import office  # noqa: F401 - the fixture
from ui import main
from ui.sign_in import ServerSignInDialog

office_address_shown = "postgresql://127.0.0.1"


def sign_in_by_keyboard(attempts: list[tuple[str, str]], seen: list[str]) -> None:
    """Answer the sign-in dialog as a person does: name, Tab, password, Enter; once per attempt."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ServerSignInDialog) or not dialog.isVisible() or not dialog.isActiveWindow():
            if isinstance(dialog, ServerSignInDialog):
                dialog.activateWindow()  # a person types once the dialog has come up in front (slow machines)
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.error.text())
        assert office_address_shown in dialog.intro.text()
        if not attempts:
            dialog.reject()
            return
        name, password = attempts.pop(0)
        dialog.username.setFocus()
        dialog.username.selectAll()
        QTest.keyClicks(dialog.username, name)
        QTest.keyClick(dialog.username, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.password  # Tab went from the name to the password
        QTest.keyClicks(dialog.focusWidget(), password)
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        if dialog.isVisible():
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_the_window_opens_with_the_persons_own_login(office, qtbot):  # noqa: F811
    main.make_application()
    seen: list[str] = []
    sign_in_by_keyboard([(office.handler, "wrong-password"), (office.handler, "handler-pass-1")], seen)
    window = main.open_window(office.address, sign_in=True)
    assert window is not None
    qtbot.addWidget(window)
    assert seen[1] == "用户名或密码不对，或此账户已停用"  # told, next to the fields, and asked again
    assert session.current_user().display_name == "李经办" and "李经办（经办人）" in window.user_label.text()
    enabled = {a.objectName(): a.isEnabled() for a in window.findChildren(QAction) if a.objectName()}
    assert enabled["action.new"] and not enabled["action.users"] and not enabled["action.office"]
    assert window.register.model.rowCount() == 1
    session.sign_out()


def test_cancelling_the_sign_in_opens_nothing(office, qtbot):  # noqa: F811
    main.make_application()
    sign_in_by_keyboard([], [])
    assert main.open_window(office.address, sign_in=True) is None and session.current_user() is None

"""Signing in: the first start of a database creates its administrator; later starts ask for
name and password; an idle window locks and asks for the password again, over everything,
so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import accounts, db, session, startup
from app.errors import ComplaintDeskError
from ui import i18n

tr = i18n.translator("sign_in")


class _Form(QDialog):
    def __init__(self, parent, title: str, intro: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("sign_in.error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def field(self, name: str, label: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"sign_in.{name}")
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def submit(self) -> None:
        raise NotImplementedError


class FirstAdminDialog(_Form):
    def __init__(self, parent=None):
        super().__init__(
            parent,
            tr("创建管理员"),
            tr(
                "这是这个数据库第一次使用：请为管理员设一个账户。管理员可以办理案件，也负责用户、办公室设置和工作日历；"
                "没有默认密码，请牢记你设的密码。"
            ),
        )
        self.username = self.field("username", tr("用户名(&U)"))
        self.name = self.field("name", tr("姓名(&N)"))
        self.password = self.field("password", tr("密码(&P)（至少 8 位）"), secret=True)
        self.again = self.field("again", tr("再输入一次(&A)"), secret=True)

    def submit(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(tr("两次输入的密码不一致"))
            self.again.setFocus()
            return
        try:
            accounts.create_first_admin(self.username.text(), self.name.text(), self.password.text())
            accounts.sign_in(self.username.text(), self.password.text())
        except ComplaintDeskError as exc:
            self.error.setText(i18n.say(exc))
            return
        self.accept()


class SignInDialog(_Form):
    def __init__(self, parent=None, username: str = ""):
        super().__init__(parent, tr("登录"), tr("请登录投诉调解工作台。"))
        self.username = self.field("username", tr("用户名(&U)"))
        self.password = self.field("password", tr("密码(&P)"), secret=True)
        self.username.setText(username)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        try:
            accounts.sign_in(self.username.text(), self.password.text())
        except ComplaintDeskError as exc:
            self.error.setText(i18n.say(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class ServerSignInDialog(SignInDialog):
    """A secured shared database: the name and password are the person's own PostgreSQL login,
    checked by the server as the program connects (there is no connection before that)."""

    def __init__(self, target: str, parent=None, username: str = ""):
        super().__init__(parent, username)
        self.target = target
        self.intro.setText(tr("请用本人的数据库账户登录 %1。").replace("%1", str(db.parse_location(target))))

    def submit(self) -> None:
        try:
            startup.sign_in(self.target, self.username.text(), self.password.text())
        except ComplaintDeskError as exc:
            self.error.setText(i18n.say(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


def sign_in_or_set_up(parent=None, username: str = "", target: str | None = None) -> bool:
    """Before the window opens: create the first administrator, or sign in. False if cancelled.
    With `target` and no connection yet (the server wants a login), the server checks the password."""
    if target is not None:
        dialog = ServerSignInDialog(target, parent, username)
    elif accounts.adopt_login() is not None:  # the address named the person's own login and password
        return True
    else:
        dialog = FirstAdminDialog(parent) if accounts.needs_first_admin() else SignInDialog(parent, username)
    return dialog.exec() == QDialog.DialogCode.Accepted and session.current_user() is not None


class LockDialog(_Form):
    """Over the window after an idle period; only the signed-in user's password opens it again."""

    def __init__(self, parent: QWidget):
        user = session.current_user()
        super().__init__(
            parent,
            tr("已锁定"),
            tr("窗口闲置已锁定，正在编辑的内容都还在。请 %1 输入密码继续。").replace(
                "%1", user.display_name if user else ""
            ),
        )
        self.setObjectName("lock")
        self.password = self.field("password", tr("密码(&P)"), secret=True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

    def submit(self) -> None:
        if accounts.confirm(self.password.text()):
            self.accept()
            return
        self.error.setText(tr("密码不对"))
        self.password.clear()

    def reject(self) -> None:  # Esc does not unlock
        self.error.setText(tr("请输入密码"))


class IdleLock(QObject):
    """Locks `window` after `minutes` without a key press or mouse use anywhere in the program."""

    def __init__(self, window: QWidget, minutes: int):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(minutes, 1) * 60_000)
        self.timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        QCoreApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if (
            event.type()
            in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel)
            and self.dialog is None
        ):
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None or session.current_user() is None:
            return
        self.dialog = LockDialog(self.window)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(self._unlocked)
        self.dialog.open()

    def _unlocked(self) -> None:
        self.dialog = None
        self.timer.start()


def idle_minutes() -> int:
    return accounts.idle_minutes()

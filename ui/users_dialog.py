"""用户: the administrator adds colleagues with a role, disables leavers, and may let a
single-seat counter start signed in as its one account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import accounts, permissions
from app.errors import ComplaintDeskError
from ui import i18n
from ui.screen_fit import fit_to_screen

tr = i18n.translator("users_dialog")


class UsersDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("用户"))
        self.setObjectName("users")
        fit_to_screen(self, 720, 520)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("users.table")
        self.table.setHorizontalHeaderLabels([tr("用户名"), tr("姓名"), tr("角色"), tr("状态")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        disable = QPushButton(tr("停用所选(&D)"), self)
        disable.clicked.connect(lambda: self.disable_selected())
        self.auto = QCheckBox(tr("本机启动时自动登录所选账户（单人柜台）"), self)
        self.auto.toggled.connect(self._auto_changed)

        box = QGroupBox(tr("添加用户"), self)
        form = QFormLayout(box)
        self.username, self.name, self.password = QLineEdit(box), QLineEdit(box), QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox(box)
        for code, label in permissions.ROLES.items():
            self.role.addItem(tr(label), code)
        self.role.setCurrentIndex(self.role.findData("handler"))
        for label, widget in (
            (tr("用户名(&U)"), self.username),
            (tr("姓名(&N)"), self.name),
            (tr("角色(&R)"), self.role),
            (tr("初始密码(&P)"), self.password),
        ):
            form.addRow(label, widget)
        add = QPushButton(tr("添加(&A)"), box)
        add.clicked.connect(lambda: self.add())
        form.addRow("", add)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(disable)
        row.addWidget(self.auto)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(box)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.users = accounts.users()
        auto = accounts.auto_sign_in_user()
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            state = tr("停用") if not u.active else tr("锁定中") if u.locked_until else ""
            if auto == u.username:
                state = (state + " " if state else "") + tr("自动登录")
            for c, v in enumerate((u.username, u.display_name, tr(permissions.ROLES.get(u.role, u.role)), state)):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.auto.blockSignals(True)
        self.auto.setChecked(auto is not None)
        self.auto.blockSignals(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1e6b30;")
        self.message.setText(text)

    def add(self) -> bool:
        try:
            accounts.add_user(self.username.text(), self.name.text(), self.role.currentData(), self.password.text())
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
            return False
        self._say(tr("已添加 %1").replace("%1", self.username.text()))
        for edit in (self.username, self.name, self.password):
            edit.clear()
        self.reload()
        return True

    def _selected(self):
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def disable_selected(self) -> None:
        user = self._selected()
        if user is None:
            self._say(tr("请先选一个用户"), error=True)
            return
        accounts.set_active(user.username, False)
        self.reload()

    def _auto_changed(self, on: bool) -> None:
        user = self._selected()
        try:
            if on and user is None:
                raise ComplaintDeskError(tr("请先选一个账户"))
            accounts.set_auto_sign_in(user.username if on else None)
        except ComplaintDeskError as exc:
            self._say(i18n.say(exc), error=True)
        self.reload()

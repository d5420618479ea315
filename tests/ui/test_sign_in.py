"""Signing in: the first administrator, wrong passwords and the lock, the idle lock that keeps
what was typed, and a window that offers only what the role may do."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app import accounts, session
from tests.ui.conftest import activate
from tests.ui.typing import type_text
from ui.sign_in import FirstAdminDialog, IdleLock, SignInDialog


def test_first_start_creates_the_administrator_and_signs_in(qtbot, sqlite_db):
    dialog = FirstAdminDialog()
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    type_text(qtbot, dialog.name, "张管理")
    dialog.password.setText("correct horse")
    dialog.again.setText("correct hors")
    dialog.submit()
    assert "不一致" in dialog.error.text() and accounts.needs_first_admin()
    dialog.again.setText("correct horse")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert session.current_user().role == "admin" and session.current_operator() == "张管理"
    session.sign_out()


def test_wrong_passwords_are_told_and_lock_the_account(qtbot, sqlite_db):
    accounts.create_first_admin("admin", "张管理", "correct horse")
    dialog = SignInDialog(username="admin")
    qtbot.addWidget(dialog)
    for _ in range(5):
        dialog.password.setText("wrong")
        dialog.submit()
    assert "锁定" in dialog.error.text() and dialog.password.text() == ""
    dialog.password.setText("correct horse")
    dialog.submit()
    assert "已锁定" in dialog.error.text() and session.current_user() is None


def test_idle_lock_keeps_what_was_typed(window, qtbot, messages):
    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    intake = window.new_intake()
    activate(qtbot, intake)
    name = intake.form.widgets["complainant.name"]
    name.setFocus()
    type_text(qtbot, name, "刘备")
    lock = IdleLock(window, 10)
    lock.lock()  # as the timer would after ten idle minutes
    qtbot.waitUntil(lambda: lock.dialog is not None and lock.dialog.isVisible(), timeout=3000)
    lock.dialog.password.setText("nope")
    lock.dialog.submit()
    assert "密码不对" in lock.dialog.error.text() and lock.dialog.isVisible()
    qtbot.keyClick(lock.dialog, Qt.Key.Key_Escape)
    assert lock.dialog.isVisible()  # Esc does not unlock
    lock.dialog.password.setText("correct horse")
    lock.dialog.submit()
    assert lock.dialog is None
    assert name.text() == "刘备" and intake.isVisible()
    session.sign_out()


def test_an_auditor_sees_the_audit_but_cannot_register_or_import(window, qtbot):
    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    accounts.add_user("shen", "沈审计", "auditor", "auditor-pass")
    accounts.sign_in("shen", "auditor-pass")
    window.apply_permissions()
    enabled = {a.objectName(): a.isEnabled() for a in window.findChildren(QAction) if a.objectName()}
    assert enabled["action.audit"] and enabled["action.export"]
    assert not enabled["action.new"] and not enabled["action.import"] and not enabled["action.office"]
    assert "沈审计（审计员）" in window.user_label.text()
    view = window.open_case(window.register.model.rows[0].id)
    assert not view.documents.issue_button.isEnabled()
    for name in ("evidence.add", "evidence.remove", "records.add.investigation"):
        button = view.findChild(type(view.save_button), name)
        assert button is not None and not button.isEnabled(), name
    buttons = [b for b in view.workflow.transitions.findChildren(type(view.save_button)) if b.isVisible()]
    assert buttons and not any(b.isEnabled() for b in buttons)
    session.sign_out()


def test_personal_numbers_are_masked_until_revealed_and_each_reveal_is_recorded(window, qtbot, messages):
    from app.models import AuditEntry

    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    accounts.add_user("li", "李登记", "clerk", "clerk-pass1")
    accounts.add_user("wang", "王芳", "handler", "handler-pass")
    case_id = window.register.model.rows[0].id
    full = cases_phone(case_id)

    accounts.sign_in("li", "clerk-pass1")  # a clerk may not see them
    view = window.open_case(case_id)
    phone = view.form.widgets["complainant.phone"]
    assert "****" in phone.text() and phone.isReadOnly()
    assert view.reveal_button.isVisible() and not view.reveal_button.isEnabled()
    window.close_tab(window.tabs.indexOf(view))

    accounts.sign_in("wang", "handler-pass")
    view = window.open_case(case_id)
    phone = view.form.widgets["complainant.phone"]
    address = view.form.widgets["complainant.address"]
    address.selectAll()
    type_text(qtbot, address, "杭州市滨江区 1 号")
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert phone.text() == full and not phone.isReadOnly() and not view.reveal_button.isVisible()
    assert address.text() == "杭州市滨江区 1 号"  # typing elsewhere survives the reveal
    entry = AuditEntry.select().where(AuditEntry.action == "personal.reveal").order_by(AuditEntry.id.desc()).first()
    assert entry.actor == "王芳" and "complainant.phone" in entry.detail
    session.sign_out()


def cases_phone(case_id):
    from app import cases

    return cases.reveal(case_id)["complainant.phone"]


def test_the_administrator_adds_a_colleague_and_may_set_automatic_sign_in(window, qtbot, messages):
    """Automatic sign-in is for a one-account counter only (issue 15): once a colleague has an
    account, it no longer signs anyone in and cannot be set."""
    from app.models import User

    accounts.create_first_admin("admin", "张管理", "correct horse")
    accounts.sign_in("admin", "correct horse")
    window.apply_permissions()
    dialog = window.open_users()
    dialog.table.selectRow(0)
    dialog.auto.setChecked(True)  # the counter's one account
    assert "自动登录" in dialog.table.item(0, 3).text()
    session.sign_out()
    assert accounts.auto_sign_in().display_name == "张管理"
    dialog.username.setText("zhao")
    type_text(qtbot, dialog.name, "赵调解")
    dialog.role.setCurrentIndex(dialog.role.findData("mediator"))
    dialog.password.setText("short")
    assert not dialog.add() and "至少 8 位" in dialog.message.text()
    dialog.password.setText("mediator-pass")
    assert dialog.add() and User.get(User.username == "zhao").role == "mediator"
    session.sign_out()
    assert accounts.auto_sign_in() is None  # two accounts now: each signs in with a password
    accounts.sign_in("admin", "correct horse")
    dialog.table.selectRow([u.username for u in dialog.users].index("zhao"))
    dialog.auto.setChecked(False)
    dialog.auto.setChecked(True)
    assert "只有一个账户" in dialog.message.text()
    session.sign_out()

"""Accounts: the first start of a database creates its administrator (no default password);
passwords are kept as scrypt hashes (memory-hard, in the standard library); five wrong
tries lock an account for a while. Sign-ins, failures and lockouts go on the audit trail.

On a secured shared database (app/database_roles.py) an account is the person's own
PostgreSQL login: the server checks the password, signing in is connecting as that login,
and creating, disabling or re-keying an account goes through the server's functions."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import secrets

from app import audit, clock, database_roles, db, permissions, session, settings
from app.db import is_postgres
from app.errors import ComplaintDeskError, DatabaseError
from app.models import User, database

MAX_TRIES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1  # 16 MiB of memory per hash


class SignInFailed(ComplaintDeskError):
    """Wrong name or password, or a locked or disabled account; the message says which."""


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_password(stored: str, password: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), maxmem=64 * 1024 * 1024
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def _check_new(username: str, display_name: str, password: str, role: str) -> None:
    if not username.strip() or not display_name.strip():
        raise ComplaintDeskError("请填写用户名和姓名")
    if role not in permissions.ROLES:
        raise ComplaintDeskError("未知的角色：{role}（可选：{roles}）", role=role, roles=list(permissions.ROLES))
    if len(password) < MIN_PASSWORD:
        raise ComplaintDeskError("密码至少 {n} 位", n=MIN_PASSWORD)


def needs_first_admin() -> bool:
    return not User.select().exists()


def create_first_admin(username: str, display_name: str, password: str) -> User:
    """Only while the database has no accounts at all."""
    _check_new(username, display_name, password, "admin")
    with database.atomic():
        if not needs_first_admin():
            raise ComplaintDeskError("已有管理员：请用已有账户登录")
        user = User.create(
            username=username.strip(),
            display_name=display_name.strip(),
            role="admin",
            password_hash=hash_password(password),
            created_at=clock.now().replace(microsecond=0),
        )
        audit.record(
            "user.created", {"username": user.username, "role": "admin", "first": True}, actor=user.display_name
        )
    return user


def add_user(username: str, display_name: str, role: str, password: str) -> User:
    permissions.require("users.manage")
    _check_new(username, display_name, password, role)
    if database_roles.is_secured():  # the login itself, created by the server's function (it audits)
        with database.atomic():
            if User.select().where(User.username == username.strip()).exists():
                raise ComplaintDeskError("用户名已存在：{name}", name=username)
            database.execute_sql(
                "SELECT cd_create_login(%s, %s, %s, %s, %s)",
                (
                    username.strip(),
                    display_name.strip(),
                    role,
                    database_roles.verifier(password, username.strip()),
                    clock.now().replace(microsecond=0),
                ),
            )
        return User.get(User.username == username.strip())
    with database.atomic():
        if User.select().where(User.username == username.strip()).exists():
            raise ComplaintDeskError("用户名已存在：{name}", name=username)
        user = User.create(
            username=username.strip(),
            display_name=display_name.strip(),
            role=role,
            password_hash=hash_password(password),
            created_at=clock.now().replace(microsecond=0),
        )
        audit.record("user.created", {"username": user.username, "role": role})
    return user


def set_active(username: str, active: bool) -> None:
    permissions.require("users.manage")
    if database_roles.is_secured():  # a disabled login cannot connect, whatever the client
        database.execute_sql(
            "SELECT cd_set_login_active(%s, %s, %s)", (username, active, clock.now().replace(microsecond=0))
        )
        return
    User.update(active=active).where(User.username == username).execute()
    audit.record("user.enabled" if active else "user.disabled", {"username": username})


def set_password(username: str, password: str) -> None:
    """A new password: one's own, or anyone's for who manages users."""
    me = session.current_user()
    if me is None or me.username != username:
        permissions.require("users.manage")
    if len(password) < MIN_PASSWORD:
        raise ComplaintDeskError("密码至少 {n} 位", n=MIN_PASSWORD)
    if database_roles.is_secured():
        database.execute_sql(
            "SELECT cd_set_password(%s, %s, %s)",
            (username, database_roles.verifier(password, username), clock.now().replace(microsecond=0)),
        )
        return
    if (
        not User.update(password_hash=hash_password(password), failed=0, locked_until=None)
        .where(User.username == username)
        .execute()
    ):
        raise ComplaintDeskError("没有这个账户：{name}", name=username)
    audit.record("user.password", {"username": username})


def sign_in(username: str, password: str, now: dt.datetime | None = None) -> User:
    """Check the password; on success the user is this process's session user."""
    if database_roles.is_secured():
        return sign_in_to_server(database.obj.location.url, username, password)
    now = (now or clock.now()).replace(microsecond=0)
    user = User.get_or_none(User.username == username.strip())
    if user is None or not user.active:
        audit.record("signin.failed", {"username": username}, actor=username)
        raise SignInFailed("用户名或密码不对" if user is None else "此账户已停用，请联系管理员")
    if user.locked_until and user.locked_until > now:
        minutes = int((user.locked_until - now).total_seconds() // 60) + 1
        raise SignInFailed("密码错误次数过多，账户已锁定，请 {n} 分钟后再试", n=minutes)
    if not check_password(user.password_hash, password):
        failed, locked = _count_failure(user.id, now)
        audit.record(
            "signin.locked" if locked else "signin.failed", {"username": username, "tries": failed}, actor=username
        )
        if locked:
            raise SignInFailed("密码连续错误 {tries} 次，账户锁定 {n} 分钟", tries=MAX_TRIES, n=LOCK_MINUTES)
        raise SignInFailed("用户名或密码不对（还可再试 {n} 次）", n=max(MAX_TRIES - failed, 1))
    # the lock is checked again as the success is written: a try that began before another locked the account fails
    if (
        not User.update(failed=0, locked_until=None, last_sign_in=now)
        .where((User.id == user.id) & (User.locked_until.is_null() | (User.locked_until <= now)))
        .execute()
    ):
        raise SignInFailed("密码错误次数过多，账户已锁定，请 {n} 分钟后再试", n=LOCK_MINUTES)
    user = User.get_by_id(user.id)
    session.sign_in(user)
    audit.record("signin", {"username": username}, actor=user.display_name)
    return user


def _count_failure(user_id: int, now: dt.datetime) -> tuple[int, bool]:
    """One more wrong password, counted by the database itself: tries made at the same moment
    each add one (read, add, write back let 20 parallel tries through). The try that reaches
    the limit locks the account; a try still under way when it locked counts as locked."""
    open_ = (User.id == user_id) & (User.locked_until.is_null() | (User.locked_until <= now))
    with database.atomic():
        counted = list(User.update(failed=User.failed + 1).where(open_).returning(User.failed).tuples().execute())
        if not counted:
            return MAX_TRIES, True
        [(failed,)] = counted
        if failed >= MAX_TRIES:
            User.update(failed=0, locked_until=now + dt.timedelta(minutes=LOCK_MINUTES)).where(open_).execute()
    return failed, failed >= MAX_TRIES


def confirm(password: str) -> bool:
    """Unlock the idle-locked window: the signed-in user's own password again."""
    user = session.current_user()
    if user is not None and database_roles.is_secured():
        return db.check_login(user.username, password)
    return user is not None and check_password(User.get_by_id(user.id).password_hash, password)


AUTO_KEY = "auth.auto_sign_in"
IDLE_KEY = "auth.idle_minutes"
IDLE_DEFAULT = 10


def idle_minutes() -> int:
    """After this long without input the window locks (an office setting)."""
    value = settings.get(IDLE_KEY, "")
    return int(value) if value.isdigit() else IDLE_DEFAULT


def users() -> list[User]:
    return list(User.select().order_by(User.username))


def auto_sign_in_user() -> str | None:
    """The account a single-seat counter starts signed in as, if any."""
    return settings.get(AUTO_KEY)


def set_auto_sign_in(username: str | None) -> None:
    """A single-seat counter may start signed in as its one account (explicit, off by default)."""
    permissions.require("users.manage")
    if username:
        user = User.get_or_none(User.username == username)
        if user is None or not user.active:
            raise ComplaintDeskError("没有可用的账户：{name}", name=username)
        if not _single_seat():
            raise ComplaintDeskError("自动登录只用于只有一个账户的本机数据库（SQLite）：共享数据库或多个账户须各自登录")
        settings.put(AUTO_KEY, username)
    else:
        settings.remove(AUTO_KEY)
    audit.record("user.auto_sign_in", {"username": username or ""})


def _single_seat() -> bool:
    """A one-PC counter: a SQLite file with one active account. Anywhere else (a shared
    PostgreSQL database, colleagues with accounts) nobody starts signed in without a password."""
    return not is_postgres() and User.select().where(User.active).count() == 1


def auto_sign_in() -> User | None:
    """Sign in the chosen account without a password, if the office set one up."""
    chosen = settings.get(AUTO_KEY)
    user = User.get_or_none((User.username == chosen) & User.active) if chosen and _single_seat() else None
    if user is not None:
        session.sign_in(user)
        audit.record("signin", {"username": user.username, "automatic": True}, actor=user.display_name)
    return user


# --- accounts that are PostgreSQL logins -------------------------------------------------------


def sign_in_to_server(target: str, username: str, password: str) -> User:
    """Connect to a secured shared database as a person's own login; the server checks the password
    (and its own lockout or rate limits, if the office set any)."""
    if not username.strip() or not password:
        raise SignInFailed("请填写用户名和密码")
    try:
        db.connect(target, user=username.strip(), password=password)
    except DatabaseError as exc:
        if db.refused_login(exc):
            if "not permitted to log in" in str(exc):
                raise SignInFailed("此账户已停用，请联系管理员") from exc
            raise SignInFailed("用户名或密码不对，或此账户已停用") from exc
        raise
    user = adopt_login()
    if user is None:
        db.close()
        raise SignInFailed("{name} 不是这个办公室的个人账户：请用本人的账户登录", name=username)
    return user


def adopt_login() -> User | None:
    """On a secured database, the person the server signed in (None for a database administrator's
    connection, which acts as the local system operator)."""
    if not database_roles.is_secured():
        return None
    login = database_roles.session_login()
    user = User.get_or_none((User.username == login) & (User.password_hash == database_roles.SERVER_PASSWORD))
    if user is None or not user.active:
        return None
    session.sign_in(user)
    audit.record("signin", {"username": login}, actor=user.display_name)
    return user


def move_to_server_logins(first_admin: tuple[str, str, str] | None = None) -> list[tuple[str, str]]:
    """secure(): every account of the database becomes a PostgreSQL login with a one-time password
    (returned, to hand to each person; scrypt hashes cannot become server passwords). With no
    accounts yet, `first_admin` (username, name, password) becomes the first administrator."""
    given = []
    with database.atomic():
        if first_admin and needs_first_admin():
            username, name, password = first_admin
            _check_new(username, name, password, "admin")
            User.create(
                username=username.strip(),
                display_name=name.strip(),
                role="admin",
                password_hash=hash_password(password),
                created_at=clock.now().replace(microsecond=0),
            )
            audit.record("user.created", {"username": username.strip(), "role": "admin", "first": True})
        for user in User.select().where(User.password_hash != database_roles.SERVER_PASSWORD).order_by(User.id):
            if database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (user.username,)).fetchone():
                raise ComplaintDeskError(
                    "服务器上已有名为 {name} 的数据库账户（可能属于另一个数据库）：请先改用户名", name=user.username
                )
            password = (
                first_admin[2] if first_admin and user.username == first_admin[0].strip() else secrets.token_urlsafe(9)
            )
            verifier = database_roles.verifier(password, user.username)
            group = database_roles.group_role(user.role)
            login = "LOGIN" if user.active else "NOLOGIN"
            # made by the owner role, so the server's functions may later disable it (PostgreSQL 16 asks that)
            database.execute_sql(f'SET LOCAL ROLE "{database_roles.owner_role()}"')
            database.execute_sql(
                f'CREATE ROLE "{_quoted(user.username)}" {login} PASSWORD %s IN ROLE "{group}"', (verifier,)
            )
            database.execute_sql("RESET ROLE")
            User.update(password_hash=database_roles.SERVER_PASSWORD, failed=0, locked_until=None).where(
                User.id == user.id
            ).execute()
            audit.record("user.login_created", {"username": user.username, "role": user.role})
            if not (first_admin and user.username == first_admin[0].strip()):
                given.append((user.username, password))
    return given


def _quoted(name: str) -> str:
    return name.replace('"', '""')

"""Who is at the keyboard: the signed-in user of this process, else the OS login name
(the command line's batch jobs, which act as the local system operator)."""

from __future__ import annotations

import getpass

_user = [None]


def sign_in(user) -> None:
    _user[0] = user


def sign_out() -> None:
    _user[0] = None


def current_user():
    """The signed-in app.accounts.User, or None."""
    return _user[0]


def current_operator() -> str:
    if _user[0] is not None:
        return _user[0].display_name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "操作员"

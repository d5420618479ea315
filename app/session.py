"""Who is at the keyboard. Until accounts exist (issue 7) this is the OS login name."""

import getpass


def current_operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "操作员"

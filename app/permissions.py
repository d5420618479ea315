"""Who may do what: one matrix of roles × actions, enforced by the services themselves
(`require()` at the top of each), not only by hiding buttons.

A process with nobody signed in is the local system operator — the command line's batch
jobs on a machine whose database file or PostgreSQL credentials it already holds — and may
do everything; the desktop window always signs somebody in.
"""

from __future__ import annotations

from app import session
from app.errors import ComplaintDeskError
from app.workflow import tables

ROLES = {
    "clerk": "登记员",
    "handler": "经办人",
    "mediator": "调解员",
    "supervisor": "主管",
    "admin": "管理员",
    "auditor": "审计员",
}

ACTIONS = {
    "case.intake": "登记投诉",
    "case.edit": "修改案件",
    "case.transition": "办理（变更状态）",
    "case.decide_refusal": "决定不予受理或终止调解",
    "case.assign": "指定调解员、改派",
    "case.record": "记录调查、调解、回访和事项",
    "improvement.record": "记录改进措施",
    "document.issue": "出具文书",
    "evidence.add": "添加证据",
    "evidence.remove": "移除证据",
    "personal.reveal": "查看完整电话和证件号码",
    "export.register": "导出登记簿和统计",
    "export.full": "导出含完整个人信息的档案",
    "import": "导入旧登记簿或档案",
    "settings.office": "办公室设置（流程、期限、文书）",
    "settings.calendar": "工作日历",
    "users.manage": "用户管理",
    "audit.view": "查看审计记录",
    "database.backup": "备份与恢复",
}

_HANDLING = {
    "case.intake",
    "case.edit",
    "case.transition",
    "case.record",
    "document.issue",
    "evidence.add",
    "evidence.remove",
    "personal.reveal",
    "export.register",
}
_SUPERVISING = _HANDLING | {
    "case.decide_refusal",
    "case.assign",
    "improvement.record",
    "export.full",
    "import",
    "audit.view",
}
MATRIX: dict[str, frozenset[str]] = {
    "clerk": frozenset({"case.intake", "case.edit", "evidence.add", "document.issue", "export.register"}),
    "handler": frozenset(_HANDLING),
    "mediator": frozenset(_HANDLING - {"case.intake"}),
    "supervisor": frozenset(_SUPERVISING),
    # the administrator also heads the office: in a one-seat counter it is the only account
    "admin": frozenset(_SUPERVISING | {"settings.office", "settings.calendar", "users.manage", "database.backup"}),
    "auditor": frozenset({"audit.view", "export.register"}),
}
# transitions a supervisor decides (RULES.md 2: refusals and terminations are approved)
REFUSALS = tables.REFUSALS


class PermissionDenied(ComplaintDeskError):
    """The signed-in user's role may not do this; the message names both."""


def allowed(role: str, action: str) -> bool:
    return action in MATRIX.get(role, frozenset())


def may(action: str) -> bool:
    """For the UI: whether to show or enable what leads to `action`."""

    user = session.current_user()
    return user is None or allowed(user.role, action)


def require(action: str, *or_actions: str) -> None:
    """Refuse unless the signed-in user's role may do `action` (or one of `or_actions`)."""

    actions = (action, *or_actions)
    if any(a not in ACTIONS for a in actions):
        raise KeyError(actions)
    user = session.current_user()
    if user is not None and not any(allowed(user.role, a) for a in actions):
        raise PermissionDenied(
            "{name}（{role}）无权{action}",
            name=user.display_name,
            role=ROLES.get(user.role, user.role),
            action=ACTIONS[action],
        )

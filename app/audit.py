"""The audit trail: every timeline event, export, import, backup and restore, appended with
the SHA-256 of the entry before it, so supervisors can trust the record.

`verify()` walks the chain and names the first entry that was changed, deleted or inserted
behind the program's back. On PostgreSQL the server appends (app/database_roles.py: a
function computes the chain under a table lock held to the end of the writing transaction,
a trigger refuses UPDATE and DELETE, and on a secured database the table belongs to a role
no seat signs in as). On SQLite the write lock serialises appends. Two seats never fork
the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from peewee import PeeweeException

from app import clock, compiled, fields, permissions
from app.db import is_postgres, later
from app.errors import ComplaintDeskError
from app.models import AuditEntry, Case, database
from app.session import current_operator

log = logging.getLogger(__name__)
GENESIS = "0" * 64
_paused = [0]


class paused:  # noqa: N801 - used as `with audit.paused():`
    """No entries while the schema is being migrated (the table may not exist yet)."""

    def __enter__(self):
        _paused[0] += 1

    def __exit__(self, *exc):
        _paused[0] -= 1


def _digest(prev_hash: str, at: dt.datetime, actor: str, action: str, case_no: str, detail: str) -> str:
    text = json.dumps(
        [prev_hash, at.isoformat(sep=" ", timespec="seconds"), actor, action, case_no, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(
    action: str, detail: dict | None = None, case_no: str = "", actor: str | None = None, at: dt.datetime | None = None
) -> AuditEntry:
    """Append one entry (inside the caller's transaction, if any)."""
    at = (at or clock.now()).replace(microsecond=0)
    actor = actor if actor is not None else current_operator()
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    if is_postgres():  # the server computes the chain (and names the signed-in person itself)
        later("SELECT cd_audit_append(%s, %s, %s, %s, %s)", (at, actor, action, case_no, text))
        return AuditEntry(at=at, actor=actor, action=action, case_no=case_no, detail=text)  # its id: the server's
    with database.atomic():
        last = _LAST_HASH().execute().fetchone()
        prev = last[0] if last else GENESIS
        return compiled.create(
            AuditEntry,
            at=at,
            actor=actor,
            action=action,
            case_no=case_no,
            detail=text,
            prev_hash=prev,
            hash=_digest(prev, at, actor, action, case_no, text),
        )


_LAST_HASH = compiled.Statement(lambda: AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))


def record_event(ev) -> None:
    """A timeline event, as the audit sees it: what, on which case, with its values."""
    if _paused[0]:
        return
    known = ev.__rel__.get("case")  # the writer's case, when it handed one
    case_no = known.case_no if known is not None else Case.select(Case.case_no).where(Case.id == ev.case_id).scalar()
    case_no = case_no or ""
    detail = {
        k: v
        for k, v in (
            ("field", ev.field),
            ("old", ev.old_value),
            ("new", ev.new_value),
            ("from", ev.from_status),
            ("to", ev.to_status),
            ("reason", ev.reason),
            ("note", ev.note),
            ("data", ev.data),
        )
        if v
    }
    record(f"case.{ev.kind}", detail, case_no, ev.actor, ev.at)


@dataclass(frozen=True)
class Break:
    entry_id: int
    problem: str


def verify(chunk: int = 5000) -> tuple[int, Break | None]:
    """(entries checked, the first break or None). Reads keyset pages, so any size fits in memory."""
    prev, last_id, checked = GENESIS, 0, 0
    while True:
        rows = list(AuditEntry.select().where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(chunk))
        if not rows:
            return checked, None
        for e in rows:
            if e.prev_hash != prev:
                problem = "此前的记录被删除，或此条是后来插入的" if e.prev_hash != GENESIS or checked else "链首被替换"
                return checked, Break(e.id, problem)
            if _digest(e.prev_hash, e.at, e.actor, e.action, e.case_no, e.detail) != e.hash:
                return checked, Break(e.id, "内容被改动（与其 SHA-256 不符）")
            prev, last_id = e.hash, e.id
            checked += 1


def protect(db) -> None:
    """PostgreSQL: refuse UPDATE and DELETE of audit rows, for every role including ours."""
    if not is_postgres(db):
        return
    db.execute_sql("""
        CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'audit_entry is append-only';
        END $$ LANGUAGE plpgsql""")
    db.execute_sql("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
    db.execute_sql("""CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
                      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()""")


def head() -> tuple[int, str]:
    """(id, hash) of the newest entry: printed on reports and kept in backup manifests, it anchors
    the chain, so even a chain recomputed end to end by someone with database access is caught."""
    if is_postgres():  # a seat that may not read the trail may still know where it ends
        row = database.execute_sql("SELECT id, hash FROM cd_audit_head()").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)
    last = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    return (last.id, last.hash) if last else (0, GENESIS)


def check_anchor(anchor: str) -> str | None:
    """`N:HASH` as printed earlier: None if entry N still has that hash, else what is wrong."""
    number, _, expected = anchor.partition(":")
    try:
        entry_id = int(number)
    except ValueError:
        return f"锚点格式应为 编号:SHA-256，如 1234:9f2c…（收到 {anchor}）"
    if is_postgres():
        stored = database.execute_sql("SELECT cd_audit_hash(%s)", (entry_id,)).fetchone()[0]
    else:
        stored = AuditEntry.select(AuditEntry.hash).where(AuditEntry.id == entry_id).scalar()
    if stored is None:
        return f"第 {entry_id} 号记录已不存在"
    if not expected or not stored.startswith(expected.lower()):
        return f"第 {entry_id} 号记录的 SHA-256 与锚点不符：记录链被整体重算过"
    return None


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    case_no: str = ""
    action: str = ""  # a prefix: "case." matches every case event
    date_from: dt.date | None = None
    date_to: dt.date | None = None


ACTIONS = {
    "case.created": "登记投诉",
    "case.edited": "修改字段",
    "case.status": "状态变更",
    "case.notice": "出具文书",
    "case.evidence": "证据",
    "case.record": "调查·调解记录",
    "case.milestone": "事项",
    "case.consent": "同意",
    "case.conflict": "利害关系声明",
    "case.deadline": "期限重算",
    "export.register": "导出登记簿",
    "export.archive": "导出完整档案",
    "export.package": "导出档案包",
    "import": "导入",
    "database.backup": "备份",
    "database.restore": "恢复",
    "personal.reveal": "查看完整个人号码",
    "signin": "登录",
    "signin.failed": "登录失败",
    "signin.locked": "账户锁定",
    "user.created": "添加用户",
    "user.disabled": "停用用户",
    "user.enabled": "启用用户",
    "export.audit": "导出审计记录",
    "settings.team": "分工设置",
    "improvement.add": "登记改进措施",
    "improvement.done": "改进措施完成",
}


def _where(query, flt: AuditFilter):
    if flt.actor:
        query = query.where(AuditEntry.actor == flt.actor)
    if flt.case_no:
        query = query.where(AuditEntry.case_no == flt.case_no.strip().upper())
    if flt.action:
        query = query.where(AuditEntry.action.startswith(flt.action))
    if flt.date_from:
        query = query.where(AuditEntry.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        query = query.where(AuditEntry.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time()))
    return query


def count(flt: AuditFilter) -> int:
    permissions.require("audit.view")
    return _where(AuditEntry.select(), flt).count()


def entries(flt: AuditFilter, offset: int = 0, limit: int = 200) -> list[AuditEntry]:
    """Newest first, a page at a time."""
    permissions.require("audit.view")
    return list(_where(AuditEntry.select(), flt).order_by(AuditEntry.id.desc()).offset(offset).limit(limit))


def actors() -> list[str]:
    return [a for (a,) in AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor).tuples()]


def describe(entry: AuditEntry) -> str:
    """The detail as a line a supervisor reads."""
    try:
        detail = json.loads(entry.detail or "{}")
    except ValueError:
        return entry.detail

    names = {
        "field": "字段",
        "old": "原值",
        "new": "新值",
        "from": "原状态",
        "to": "新状态",
        "reason": "理由",
        "note": "说明",
        "file": "文件",
        "rows": "行数",
        "cases": "案件数",
        "full_values": "含完整个人信息",
        "filter": "筛选",
        "files": "文件数",
        "username": "用户名",
        "role": "角色",
        "tries": "连续错误次数",
        "first": "首个账户",
        "fields": "字段",
        "automatic": "自动登录",
        "from_path": "来源",
    }

    def shown(key: str, value) -> str:
        if key in ("field", "fields"):
            keys = value if isinstance(value, list) else [value]
            return "、".join(fields.BY_KEY[k].label if k in fields.BY_KEY else k for k in keys)
        if value is True:
            return "是"
        return str(value)

    return "；".join(
        f"{names.get(k, k)}：{shown(k, v)}" for k, v in detail.items() if v not in ("", None, {}, [], False)
    )


# --- the newest anchor, kept outside the table ---------------------------------------------
# Deleting the newest entries leaves a chain that verifies. So each seat keeps the newest
# anchor it has seen, in its own files (not the database), and verify-audit checks the chain
# still reaches it: a tail cut off behind the program's back is found without typing anything.


def _anchor_file():
    location = database.obj.location
    key = hashlib.sha256(str(location.path.resolve() if location.kind == "sqlite" else location.url).encode())
    return (
        Path(platformdirs.user_state_dir("ComplaintDesk", appauthor=False))
        / "anchors"
        / (key.hexdigest()[:20] + ".txt")
    )


def kept_anchor() -> str:
    """The newest anchor this seat has seen for the open database, or ""."""
    path = _anchor_file()
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def keep_anchor() -> None:
    """remember_head() at the end of a command or when a window closes, where nothing may fail:
    a server gone or a read-only home folder only means this seat keeps no anchor this time."""
    if database.obj is None or database.obj.is_closed():
        return
    try:
        remember_head()
    except (ComplaintDeskError, OSError, PeeweeException) as exc:
        log.info("audit anchor not kept: %s", exc)


def remember_head(restored: bool = False) -> str:
    """Keep the newest committed entry as this seat's anchor (called outside transactions:
    when a command ends, a window closes, a backup or report is made); never goes backwards,
    except after a restore, whose own entry says why the trail is shorter now."""
    entry_id, digest = head()
    kept = kept_anchor()
    if entry_id == 0 or (kept and not restored and int(kept.partition(":")[0]) >= entry_id):
        return kept
    if kept and not restored and check_anchor(kept):
        return kept  # the trail no longer reaches what this seat saw: keep the proof until someone looks
    path = _anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(f"{entry_id}:{digest}", encoding="utf-8")
    partial.replace(path)
    return f"{entry_id}:{digest}"

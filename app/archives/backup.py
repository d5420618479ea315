"""Backups that can be taken while the program is in use, and restores into an empty target.

SQLite: a consistent copy through SQLite's online backup API, plus the evidence folder.
PostgreSQL: a logical export (one JSON-lines file per table, read in one repeatable-read
snapshot, no pg_dump needed) plus the evidence bytes as files. Either way the backup is
written into `<out>.partial` and renamed at the end, with a manifest listing every file
and its SHA-256: a backup that was interrupted never looks complete.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from peewee import BlobField, DateField, DateTimeField

from app import (
    __version__,
    audit,
    bulk,
    clock,
    db,
    evidence,
    migrations,
    permissions,
    search,
    startup,
)
from app.errors import ComplaintDeskError
from app.models import ALL_TABLES, FIGURE_TABLES, Case, EvidenceChunk, EvidenceThumbnail, IssuedNotice, database
from app.workflow import machine

MANIFEST = "manifest.json"
FORMAT = 1
# parents before children, so a restore never meets a missing foreign key
# evidence bytes travel as files; thumbnails are made again from them, month figures from the cases
ORDER = [m for m in ALL_TABLES if m not in (EvidenceChunk, EvidenceThumbnail, *FIGURE_TABLES)]


class BackupError(ComplaintDeskError):
    """A backup or restore cannot be done as asked; the message says why."""


@dataclass(frozen=True)
class Result:
    path: Path
    cases: int
    files: int
    bytes: int


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def backup(out: str | Path, progress: Callable[[int, int], None] | None = None) -> Result:
    """Back up the open database (and its evidence) into the folder `out`."""
    permissions.require("database.backup")
    out = Path(out)
    if out.exists():
        raise BackupError("目标已存在：{out}（请指定新的文件夹）", out=out)
    partial = _fresh_folder(out.with_name(out.name + ".partial"))
    try:
        kind = "postgresql" if db.is_postgres() else "sqlite"
        # the anchor is the newest audit entry of the copy itself: another seat may write meanwhile
        cases, anchor = _export_postgres(partial) if kind == "postgresql" else _export_sqlite(partial)
        files = _export_evidence(partial / "evidence", progress)
        manifest = {
            "format": FORMAT,
            "kind": kind,
            "schema_version": db.schema_version(database.obj),
            "app_version": __version__,
            "created_at": clock.now().isoformat(timespec="seconds"),
            "cases": cases,
            "audit_anchor": "%d:%s" % anchor,
            "files": {
                str(p.relative_to(partial)): {"size": p.stat().st_size, "sha256": _sha(p)}
                for p in sorted(partial.rglob("*"))
                if p.is_file()
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        _fsync_tree(partial)
        partial.rename(out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    size = sum(f["size"] for f in manifest["files"].values())
    audit.record("database.backup", {"to": str(out), "cases": cases, "files": files})
    audit.remember_head()
    return Result(out, cases, files, size)


def _fresh_folder(path: Path) -> Path:
    """An empty folder to build a copy in (what an interrupted run left there goes first)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def _export_sqlite(folder: Path) -> tuple[int, tuple[int, str]]:
    db.copy_sqlite(database.obj, folder / "complaintdesk.db")
    copy = sqlite3.connect(folder / "complaintdesk.db")
    try:
        # a single self-contained file: no -wal/-shm beside it (connect() turns WAL back on)
        copy.execute("PRAGMA journal_mode=DELETE")
        newest = copy.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
        return copy.execute("SELECT count(*) FROM complaint_case").fetchone()[0], newest or (0, audit.GENESIS)
    finally:
        copy.close()


def _export_postgres(folder: Path) -> tuple[int, tuple[int, str]]:
    tables = folder / "tables"
    tables.mkdir()
    conn = database.obj
    with conn.atomic():
        conn.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one consistent snapshot
        for model in ORDER:
            with open(tables / f"{model._meta.table_name}.jsonl", "w", encoding="utf-8") as f:
                for row in model.select().dicts().iterator():
                    f.write(json.dumps(_plain_row(model, row), ensure_ascii=False) + "\n")
        return Case.select().count(), audit.head()


def _plain_row(model, row: dict) -> dict:
    out = {}
    for name, value in row.items():
        if isinstance(value, (bytes, memoryview)):
            value = base64.b64encode(bytes(value)).decode()
        elif isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        out[name] = value
    return out


def _export_evidence(folder: Path, progress) -> int:

    shas = sorted(
        {e.sha256 for e in evidence.Evidence.select(evidence.Evidence.sha256)}
        | {n.sha256 for n in IssuedNotice.select(IssuedNotice.sha256).where(IssuedNotice.sha256 != "")}
    )
    store = evidence.store()
    damaged = []
    for i, sha in enumerate(shas):
        target = folder / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()  # hashed as copied: a backup never seals bytes that are not the recorded ones
        try:
            with open(target, "wb") as f:
                for block in store.read(sha):
                    digest.update(block)
                    f.write(block)
        except (FileNotFoundError, evidence.NotFound):
            damaged.append(f"{sha[:12]}… 缺失")
            continue
        if digest.hexdigest() != sha:
            damaged.append(f"{sha[:12]}… 内容已被改动")
        if progress:
            progress(i + 1, len(shas))
    if damaged:
        raise BackupError("存储的文件有问题，未生成备份（请先运行“校验”）：{problems}", problems=damaged)
    return len(shas)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())


# --- restore ------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError("{source} 不是完整的备份（没有 {manifest}）", source=source, manifest=MANIFEST) from None
    except json.JSONDecodeError as exc:
        raise BackupError("备份清单已损坏：{reason}", reason=exc) from None
    if manifest.get("format") != FORMAT:
        raise BackupError("备份格式不认识，请用相同版本的程序恢复")
    return manifest


def verify_backup(source: str | Path) -> list[str]:
    """Every file of the manifest present with its size and SHA-256; returns the problems."""
    source = Path(source)
    manifest = read_manifest(source)
    problems = []
    listed = manifest.get("files", {})
    needed = (
        {"complaintdesk.db"}
        if manifest.get("kind") == "sqlite"
        else {f"tables/{m._meta.table_name}.jsonl" for m in ORDER}
    )
    problems += [f"清单未列出：{name}" for name in sorted(needed - set(listed))]  # an emptied manifest proves nothing
    present = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()} - {MANIFEST}
    problems += [f"清单之外的文件：{name}" for name in sorted(present - set(listed))]
    for name, info in listed.items():
        path = source / name
        if not path.exists():
            problems.append(f"缺失：{name}")
        elif path.stat().st_size != info["size"] or _sha(path) != info["sha256"]:
            problems.append(f"内容不符：{name}")
    return problems


def restore(source: str | Path, target: str) -> Result:
    """Restore a backup into an empty target database (never over existing cases)."""
    permissions.require("database.backup")
    source = Path(source)
    manifest = read_manifest(source)
    problems = verify_backup(source)
    if problems:
        raise BackupError("备份不完整或已损坏：" + "；".join(problems[:5]))
    if manifest["schema_version"] != migrations.latest():
        raise BackupError(
            "备份的数据结构版本为 {theirs}，本程序为 {ours}；请先用同一版本程序恢复",
            theirs=manifest["schema_version"],
            ours=migrations.latest(),
        )
    location = db.parse_location(target)
    if location.kind == "sqlite":
        _restore_file(source, manifest, location.path)
        startup.open_database(target)
    else:
        with startup.open_database(target).atomic():  # rows, evidence and the restore's own entry: all or nothing
            _restore_logical(source, manifest, target)
            _check_restored(source, manifest)
        # the server plans its first queries with the restored tables' statistics, not none, and
        # its first searches find every row already marked visible (the restore wrote them all once)
        db.database.obj.execute_sql("VACUUM (ANALYZE)")
    audit.remember_head(restored=True)
    return Result(Path(target), Case.select().count(), len(list((source / "evidence").rglob("*"))), 0)


def _check_restored(source: Path, manifest: dict) -> None:
    """The restored audit trail ends where the backup said it did, then the restore is recorded."""
    problem = audit.check_anchor(manifest.get("audit_anchor", ""))
    if problem and manifest.get("audit_anchor", "0:").split(":")[0] != "0":
        raise BackupError("备份清单的审计锚点与恢复出的审计记录不符，未恢复：{problem}", problem=problem)
    audit.record("database.restore", {"from": str(source), "backup_created_at": manifest.get("created_at", "")})


def _restore_file(source: Path, manifest: dict, final: Path) -> None:
    """A SQLite target is built in `<name>.restoring/` beside it and moved into place only when
    complete, the database file last: a restore killed at any moment leaves no target (or the
    evidence folder of one that never appeared, which the next restore replaces)."""
    if final.exists() and final.stat().st_size > 0:
        raise BackupError("目标数据库已存在：{path}。恢复只能写入空的新数据库。", path=final)
    work = _fresh_folder(final.with_name(final.name + ".restoring"))
    try:
        building = work / final.name
        if manifest["kind"] == "sqlite":
            shutil.copyfile(source / "complaintdesk.db", building)
            _restore_files(source / "evidence", building.with_name(building.stem + "-evidence"))
            conn = startup.open_database(str(building))
            with conn.atomic():
                _check_restored(source, manifest)
        else:
            conn = startup.open_database(str(building))
            with conn.atomic():
                _restore_logical(source, manifest, str(building))
                _check_restored(source, manifest)
        busy = conn.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        db.close()
        if busy:
            raise BackupError("恢复出的数据库未能写完整，请重试")
        built_evidence, evidence_folder = (
            building.with_name(building.stem + "-evidence"),
            final.with_name(final.stem + "-evidence"),
        )
        if built_evidence.exists():
            if evidence_folder.exists():
                shutil.rmtree(evidence_folder)  # an earlier restore's, whose database never arrived
            os.replace(built_evidence, evidence_folder)
        os.replace(building, final)
    finally:
        db.close()
        shutil.rmtree(work, ignore_errors=True)


def _restore_files(source: Path, folder: Path) -> None:
    if not source.exists():
        return
    for path in source.rglob("*"):
        if path.is_file():
            dest = folder / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def _rows_from(source: Path, manifest: dict, model) -> list[dict]:
    if manifest["kind"] == "sqlite":
        with closing(sqlite3.connect(source / "complaintdesk.db")) as conn:
            conn.row_factory = sqlite3.Row  # read-only use: journal mode DELETE leaves no side files
            columns = {f.column_name: f.name for f in model._meta.sorted_fields}
            rows = conn.execute(f'SELECT * FROM "{model._meta.table_name}"').fetchall()
            return [{columns[k]: r[k] for k in r.keys() if k in columns} for r in rows]
    path = source / "tables" / f"{model._meta.table_name}.jsonl"
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _typed(model, row: dict) -> dict:
    out = {}
    for name, value in row.items():
        field = model._meta.fields.get(name)
        if field is None:
            continue
        if value is not None and isinstance(field, BlobField) and isinstance(value, str):
            value = base64.b64decode(value)
        elif isinstance(value, str) and isinstance(field, DateTimeField):
            value = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(field, DateField):
            value = dt.date.fromisoformat(value[:10])
        out[field.name] = value
    return out


def _restore_logical(source: Path, manifest: dict, target: str) -> None:
    """Inside the caller's transaction: the rows, the derived index and deadlines, the evidence bytes."""
    conn = db.database.obj  # connected to `target`, a fresh schema at the current version
    if Case.select().exists():
        raise BackupError("目标数据库中已有案件。恢复只能写入空的新数据库。")
    with conn.atomic():
        for model in reversed(ORDER):  # clear what `init` seeded (calendar, settings, version)
            model.delete().execute()
        for model in ORDER:
            bulk.insert_all(model, [_typed(model, r) for r in _rows_from(source, manifest, model)])
        if db.is_postgres(conn):
            for model in ORDER:
                pk = model._meta.primary_key
                if getattr(pk, "field_type", "") == "AUTO":
                    table = model._meta.table_name
                    conn.execute_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk.column_name}'), "
                        f'COALESCE((SELECT MAX("{pk.column_name}") FROM "{table}"), 0) + 1, false)'
                    )

        search.reindex_all()  # the search index is derived data, rebuilt rather than copied
        machine.rebuild_cases([c for (c,) in Case.select(Case.id).order_by(Case.id).tuples()])
    evidence_dir = source / "evidence"
    store = evidence.store()
    for path in sorted(evidence_dir.rglob("*")) if evidence_dir.exists() else []:
        if path.is_file():
            with open(path, "rb") as f:
                handle, commit, abandon = store.staging()
                while block := f.read(evidence.CHUNK):
                    handle.write(block)
                commit(path.name)


def daily(location: db.Location, folder: Path, keep: int = 7, today: dt.date | None = None) -> Path | None:
    """The start-up backup of a SQLite database: one a day, the last `keep` kept."""
    if location.kind != "sqlite":
        return None  # a shared PostgreSQL server is backed up by its administrator
    today = today or clock.today()
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.endswith(".partial"))
    if existing and existing[-1].name >= today.isoformat():
        return None
    result = backup(folder / today.isoformat())
    for old in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.endswith(".partial"))[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    return result.path


def daily_folder(location: db.Location) -> Path:
    import platformdirs

    name = hashlib.sha256(str(location).encode()).hexdigest()[:8]
    return Path(platformdirs.user_data_dir(db.APP_NAME, appauthor=False)) / "backups" / f"{location.path.stem}-{name}"

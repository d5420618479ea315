"""Evidence: files attached to a case, sealed by their SHA-256 (issue 4).

The bytes are content-addressed: the hash is the key, identical files are stored once,
stored files are never modified. Two stores behind one interface: a folder beside a
SQLite database (written to a temporary name, fsynced, renamed), or chunks in the
PostgreSQL database so every seat sees them. Types are detected from the content, never
from the name; executables and scripts are refused; names from outside are never paths.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

import filetype
from PIL import Image, ImageOps

from app import case_file, clock, db, permissions, settings, timeline
from app.db import is_postgres
from app.errors import Cancelled, ComplaintDeskError, NotFound
from app.models import Case, Evidence, EvidenceChunk, EvidenceThumbnail, IssuedNotice, database

KINDS = {
    "photo": "照片",
    "receipt": "发票/收据",
    "contract": "合同",
    "chat": "聊天记录",
    "audio": "录音",
    "video": "视频",
    "document": "文件",
    "other": "其他",
}
SUPPLIERS = {"complainant": "投诉人", "business": "经营者", "office": "本机关"}
CHUNK = 4 * 1024 * 1024
DEFAULT_LIMIT_MB = 100
LIMIT_KEY = "evidence.max_mb"
RETENTION_KEY = "evidence.retention_days"
DEFAULT_RETENTION_DAYS = 365
# scripts are text, so their names are the only sign; they are refused by name as well
SCRIPT_SUFFIXES = {
    ".bat",
    ".cmd",
    ".ps1",
    ".vbs",
    ".vbe",
    ".js",
    ".jse",
    ".wsf",
    ".wsh",
    ".sh",
    ".bash",
    ".py",
    ".pl",
    ".rb",
    ".php",
    ".hta",
    ".scr",
    ".com",
    ".exe",
    ".dll",
    ".msi",
    ".jar",
    ".apk",
    ".lnk",
    ".reg",
    ".cpl",
}
EXECUTABLE_MAGIC = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
    b"dex\n",
)


class EvidenceRefused(ComplaintDeskError):
    """The file cannot be accepted as evidence; the message says why."""


Progress = Callable[[int, int], None]  # (bytes done, bytes total)


# --- content checks -------------------------------------------------------------------------


def detect(head: bytes, name: str = "") -> str:
    """MIME type from the first bytes; refuses executables and scripts."""
    if any(head.startswith(m) for m in EXECUTABLE_MAGIC):
        raise EvidenceRefused("不能作为证据上传：文件是可执行程序或脚本")
    if Path(name).suffix.lower() in SCRIPT_SUFFIXES:
        raise EvidenceRefused("不能作为证据上传：{suffix} 文件可能是程序或脚本", suffix=Path(name).suffix)
    kind = filetype.guess(head)
    if kind is not None:
        if kind.mime in (
            "application/x-executable",
            "application/x-msdownload",
            "application/vnd.microsoft.portable-executable",
        ):
            raise EvidenceRefused("不能作为证据上传：文件是可执行程序")
        return kind.mime
    try:
        head.decode("utf-8")
        return "text/plain"
    except UnicodeDecodeError:
        try:
            head[:-3].decode("utf-8")  # a multi-byte character cut by the sample
            return "text/plain"
        except UnicodeDecodeError:
            return "application/octet-stream"


def limit_bytes() -> int:
    value = settings.get(LIMIT_KEY, "")
    mb = int(value) if value.isdigit() else DEFAULT_LIMIT_MB
    return mb * 1024 * 1024


def duration_of(path: Path) -> float | None:
    """Seconds of audio or video where mutagen can read it (no heavy decoders)."""
    try:
        import mutagen

        info = mutagen.File(str(path))
        return round(float(info.info.length), 1) if info is not None and getattr(info, "info", None) else None
    except Exception:  # noqa: BLE001 - an unreadable duration is simply not shown
        return None


# --- stores ---------------------------------------------------------------------------------


class FileStore:
    """A folder beside the SQLite database: <db>-evidence/ab/abcdef…"""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, sha: str) -> Path:
        return self.folder / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).exists()

    def sweep(self, older_than_s: float = 3600) -> int:
        """Remove what attaches killed half-way left (.incoming-*): an hour old, nobody is writing it."""
        if not self.folder.exists():
            return 0
        cutoff = time.time() - older_than_s
        gone = 0
        for leftover in self.folder.glob(".incoming-*"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    gone += 1
            except OSError:
                continue  # another seat finished or swept it meanwhile
        return gone

    def staging(self) -> tuple[BinaryIO, Callable[[str], None], Callable[[], None]]:
        """A temporary file in the store; commit(sha) fsyncs and renames it into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sweep()
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=self.folder)
        handle = os.fdopen(fd, "wb")

        def commit(sha: str) -> None:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            target = self.path(sha)
            target.parent.mkdir(exist_ok=True)
            if target.exists():
                os.unlink(tmp)  # already stored: identical bytes, keep the first
                return
            os.replace(tmp, target)
            os.chmod(target, 0o444)
            _fsync_dir(target.parent)

        def abandon() -> None:
            handle.close()
            if os.path.exists(tmp):
                os.unlink(tmp)

        return handle, commit, abandon

    def put(self, sha: str, data: bytes) -> None:
        """Bytes in hand (a document just rendered), stored under their hash unless already there."""
        put_by_staging(self, sha, data)

    def read(self, sha: str) -> Iterator[bytes]:
        try:
            with open(self.path(sha), "rb") as f:
                while block := f.read(CHUNK):
                    yield block
        except FileNotFoundError:
            raise NotFound("证据文件缺失：{sha}…", sha=sha[:12]) from None

    def delete(self, sha: str) -> None:
        p = self.path(sha)
        if p.exists():
            os.chmod(p, 0o644)
            p.unlink()


class DatabaseStore:
    """PostgreSQL: the bytes in evidence_chunk, 4 MB a row, inside the caller's transaction."""

    def has(self, sha: str) -> bool:
        return EvidenceChunk.select().where(EvidenceChunk.sha256 == sha).exists()

    def staging(self):
        buffer = _ChunkWriter()
        return buffer, buffer.commit, buffer.abandon

    def put(self, sha: str, data: bytes) -> None:
        """Bytes in hand (a document just rendered): written under their hash in one statement that
        travels with the transaction's next one; a copy already there (same hash, same bytes) stays."""
        blocks = [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]
        db.later(
            "INSERT INTO evidence_chunk (sha256, seq, data) VALUES "
            + ", ".join(["(%s, %s, %s)"] * len(blocks))
            + " ON CONFLICT (sha256, seq) DO NOTHING",
            [v for seq, block in enumerate(blocks) for v in (sha, seq, block)],
        )

    def read(self, sha: str) -> Iterator[bytes]:
        found = False
        for (data,) in (
            EvidenceChunk.select(EvidenceChunk.data)
            .where(EvidenceChunk.sha256 == sha)
            .order_by(EvidenceChunk.seq)
            .tuples()
            .iterator()
        ):
            found = True
            yield bytes(data)
        if not found:
            raise NotFound("证据文件缺失：{sha}…", sha=sha[:12])

    def delete(self, sha: str) -> None:
        EvidenceChunk.delete().where(EvidenceChunk.sha256 == sha).execute()


def put_by_staging(target, sha: str, data: bytes) -> None:
    if target.has(sha):
        return
    handle, commit, abandon = target.staging()
    try:
        handle.write(data)
        commit(sha)
    except BaseException:
        abandon()
        raise


class _ChunkWriter(io.RawIOBase):
    """Collects a file as chunks written to a staging name, renamed to the hash on commit."""

    def __init__(self):
        self.pending = bytearray()
        self.seq = 0
        self.key = "incoming-" + os.urandom(8).hex()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.pending += data
        while len(self.pending) >= CHUNK:
            self._flush(bytes(self.pending[:CHUNK]))
            del self.pending[:CHUNK]
        return len(data)

    def _flush(self, block: bytes) -> None:
        EvidenceChunk.create(sha256=self.key, seq=self.seq, data=block)
        self.seq += 1

    def commit(self, sha: str) -> None:
        if self.pending or self.seq == 0:
            self._flush(bytes(self.pending))
            self.pending.clear()
        if EvidenceChunk.select().where(EvidenceChunk.sha256 == sha).exists():
            self.abandon()
        else:
            EvidenceChunk.update(sha256=sha).where(EvidenceChunk.sha256 == self.key).execute()

    def abandon(self) -> None:
        EvidenceChunk.delete().where(EvidenceChunk.sha256 == self.key).execute()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; the rename is durable there
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store():
    """The store of the open database."""
    if is_postgres():
        return DatabaseStore()
    db_path = Path(database.obj.database)
    return FileStore(db_path.with_name(db_path.stem + "-evidence"))


# --- services -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    evidence_id: int
    case_no: str
    sha256: str
    problem: str  # "missing" or "mismatch"


def _validate(kind: str, supplier: str, description: str) -> None:
    if kind not in KINDS:
        raise EvidenceRefused("请选择证据类别（{kinds}）", kinds=list(KINDS.values()))
    if supplier not in SUPPLIERS:
        raise EvidenceRefused("请选择证据提供方（投诉人、经营者或本机关）")
    if len(description) > 300:
        raise EvidenceRefused("说明最多 300 字")


def add_file(
    case_id: int,
    path: str | Path,
    kind: str,
    supplier: str,
    actor: str,
    description: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Evidence:
    """Attach a file: hashed and stored in one pass of 4 MB chunks, with progress and cancel."""
    path = Path(path)
    db.refuse_open_database_file(path)
    try:
        size = path.stat().st_size
        source = open(path, "rb")
    except OSError as exc:
        raise EvidenceRefused("无法读取文件：{reason}", reason=exc.strerror or str(exc)) from None
    with source:
        return add_stream(
            case_id,
            source,
            size,
            path.name,
            kind,
            supplier,
            actor,
            description,
            progress,
            cancelled,
            duration_from=path,
        )


def add_bytes(
    case_id: int, data: bytes, name: str, kind: str, supplier: str, actor: str, description: str = ""
) -> Evidence:
    """Attach bytes that never were a file (an image pasted from the clipboard)."""
    return add_stream(case_id, io.BytesIO(data), len(data), name, kind, supplier, actor, description)


def add_stream(
    case_id,
    source: BinaryIO,
    size: int,
    name: str,
    kind: str,
    supplier: str,
    actor: str,
    description: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    duration_from: Path | None = None,
) -> Evidence:
    permissions.require("evidence.add")
    _validate(kind, supplier, description.strip())
    if size > limit_bytes():
        raise EvidenceRefused(
            "文件过大（{size:.1f} MB），单个证据上限为 {limit} MB", size=size / 1048576, limit=limit_bytes() // 1048576
        )
    if size == 0:
        raise EvidenceRefused("文件是空的")
    head = source.read(8192)
    mime = detect(head, name)
    target = store()
    digest = hashlib.sha256()
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        case = Case.get_or_none(Case.id == case_id)
        if case is None:
            raise NotFound("案件不存在（编号 {id}）", id=case_id)
        handle, commit, abandon = target.staging()
        picture: list[bytes] | None = [] if wants_thumbnail(mime, size) else None
        try:
            done = 0
            block = head
            while block:
                digest.update(block)
                handle.write(block)
                if picture is not None:
                    picture.append(block)
                done += len(block)
                if progress:
                    progress(done, size)
                if cancelled and cancelled():
                    raise Cancelled("已取消，未添加证据")
                block = source.read(CHUNK)
            sha = digest.hexdigest()
            commit(sha)
        except BaseException:
            abandon()
            raise
        if picture is not None and (small := make_thumbnail(b"".join(picture))):
            _keep_thumbnail(sha, small)
        item = Evidence.create(
            case=case,
            sha256=sha,
            description=description.strip(),
            kind=kind,
            supplier=supplier,
            original_name=Path(name).name[:255],
            size=done,
            mime=mime,
            duration=duration_of(duration_from) if duration_from and mime.startswith(("audio", "video")) else None,
            added_by=actor,
            added_at=now,
        )
        timeline.write(
            case=case,
            at=now,
            actor=actor,
            kind="evidence",
            field=str(item.id),
            data={
                "act": "added",
                "kind": kind,
                "name": item.original_name,
                "supplier": supplier,
                "size": done,
                "sha256": sha,
            },
        )
    return item


# --- thumbnails ---------------------------------------------------------------------------------

THUMB_PIXELS = 224  # the long side: the panel's 112-pixel icons, sharp on a screen scaled to 200 %
THUMB_SOURCE_MAX = 30 * 1048576  # a larger image gets no thumbnail (its file icon)


def wants_thumbnail(mime: str, size: int) -> bool:
    return mime.startswith("image/") and size <= THUMB_SOURCE_MAX


def make_thumbnail(data: bytes) -> bytes | None:
    """A small JPEG (PNG where the picture is transparent) of an image, upright as the camera held
    it; None where the image cannot be read (HEIC, a damaged file, a decompression bomb)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (THUMB_PIXELS, THUMB_PIXELS))  # a JPEG decodes at a fraction of its size
            small = ImageOps.exif_transpose(image)
            small.thumbnail((THUMB_PIXELS, THUMB_PIXELS))
            out = io.BytesIO()
            if small.mode in ("RGBA", "LA", "PA") or (small.mode == "P" and "transparency" in small.info):
                small.convert("RGBA").save(out, "PNG", optimize=True)
            else:
                small.convert("RGB").save(out, "JPEG", quality=80, optimize=True)
            return out.getvalue()
    except Exception:  # an untrusted file in a decoder: whatever it raises, the photo just shows its icon
        return None


def _keep_thumbnail(sha: str, data: bytes) -> None:
    db.later_query(EvidenceThumbnail.insert(sha256=sha, data=data).on_conflict_ignore())


def thumbnails(shas: list[str]) -> dict[str, bytes]:
    """The kept thumbnails of these files, in one query (the photos themselves are not read)."""
    if not shas:
        return {}
    rows = EvidenceThumbnail.select().where(EvidenceThumbnail.sha256.in_(sorted(set(shas))))
    return {r.sha256: bytes(r.data) for r in rows}


def thumbnail_from_file(item: Evidence) -> bytes | None:
    """A thumbnail made now from the stored photo (one added before thumbnails were kept, or a
    restored database's): kept for next time where this seat may add evidence."""
    if not wants_thumbnail(item.mime, item.size):
        return None
    made = make_thumbnail(read_bytes(item))
    if made and permissions.may("evidence.add"):
        with database.atomic():
            _keep_thumbnail(item.sha256, made)
    return made


def size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, size // 1024)} KB"


def get(evidence_id: int) -> Evidence:
    item = Evidence.get_or_none(Evidence.id == evidence_id)
    if item is None:
        raise NotFound("证据不存在")
    return item


def items(case_id: int, include_removed: bool = False) -> list[Evidence]:
    rows = case_file.rows(Evidence, case_id)
    return sorted((e for e in rows if include_removed or not e.removed), key=lambda e: (e.added_at, e.id))


def read_bytes(item: Evidence) -> bytes:
    return b"".join(store().read(item.sha256))


def copy_out(item: Evidence, folder: Path | None = None) -> Path:
    """A copy to look at in another program; the stored file is never handed out."""
    folder = Path(folder or tempfile.mkdtemp(prefix="complaintdesk-view-"))
    suffix = Path(item.original_name).suffix.lower()
    target = folder / f"证据{item.id}{suffix if suffix.isascii() and len(suffix) <= 6 else ''}"
    with open(target, "wb") as out:
        for block in store().read(item.sha256):
            out.write(block)
    return target


def check(item: Evidence) -> str:
    """ "" when the stored bytes hash to the recorded SHA-256, else "missing" or "mismatch"."""
    return check_stored(item.sha256)


def check_stored(sha: str) -> str:
    """The same for any file of the content store (evidence, issued documents)."""
    digest = hashlib.sha256()
    try:
        for block in store().read(sha):
            digest.update(block)
    except (NotFound, FileNotFoundError):
        return "missing"
    return "" if digest.hexdigest() == sha else "mismatch"


def verify_all(progress: Progress | None = None) -> list[Problem]:
    """Re-hash every stored item (each distinct file once)."""
    rows = list(Evidence.select(Evidence, Case.case_no).join(Case).order_by(Evidence.id))
    seen: dict[str, str] = {}
    problems = []
    for i, item in enumerate(rows):
        if item.sha256 not in seen:
            seen[item.sha256] = check(item)
        if seen[item.sha256]:
            problems.append(Problem(item.id, item.case.case_no, item.sha256, seen[item.sha256]))
        if progress:
            progress(i + 1, len(rows))
    return problems


def remove(evidence_id: int, reason: str, actor: str) -> None:
    """Logical removal with a reason; the bytes stay until an administrator purges them."""
    permissions.require("evidence.remove")
    if not reason.strip():
        raise EvidenceRefused("请写明移除理由")
    now = clock.now().replace(microsecond=0)
    with database.atomic():
        item = Evidence.get_or_none(Evidence.id == evidence_id)
        if item is None:
            raise NotFound("证据不存在")
        updated = (
            Evidence.update(
                removed=True,
                removed_reason=reason.strip(),
                removed_by=actor,
                removed_at=now,
                version=Evidence.version + 1,
            )
            .where((Evidence.id == item.id) & (~Evidence.removed))
            .execute()
        )
        if updated != 1:
            raise EvidenceRefused("该证据已被移除")
        timeline.write(
            case=item.case_id,
            at=now,
            actor=actor,
            kind="evidence",
            field=str(item.id),
            data={"act": "removed", "name": item.original_name, "reason": reason.strip()},
        )


def retention_days() -> int:
    value = settings.get(RETENTION_KEY, "")
    return int(value) if value.isdigit() else DEFAULT_RETENTION_DAYS


def purge(actor: str, older_than_days: int | None = None, today: dt.date | None = None) -> int:
    """Delete the bytes of items removed longer ago than the retention period; returns files deleted."""
    permissions.require("settings.office")
    if older_than_days is None:
        older_than_days = retention_days()
    cutoff = dt.datetime.combine((today or clock.today()) - dt.timedelta(days=older_than_days), dt.time.max)
    target = store()
    deleted = 0
    with database.atomic():
        old = {
            e.sha256 for e in Evidence.select(Evidence.sha256).where(Evidence.removed & (Evidence.removed_at <= cutoff))
        }
        live = (
            {
                e.sha256
                for e in Evidence.select(Evidence.sha256).where(Evidence.sha256.in_(list(old)) & ~Evidence.removed)
            }
            if old
            else set()
        )
        if old:  # issued documents share the content store
            live |= {
                n.sha256 for n in IssuedNotice.select(IssuedNotice.sha256).where(IssuedNotice.sha256.in_(list(old)))
            }
        for sha in old - live:
            target.delete(sha)
            deleted += 1
        if old - live:  # a purged photo's picture goes with it
            EvidenceThumbnail.delete().where(EvidenceThumbnail.sha256.in_(sorted(old - live))).execute()
    return deleted

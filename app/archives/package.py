"""The archive package an office hands over at year end: the archive workbook, every issued
document, every evidence file and a manifest (file, size, SHA-256), as a folder or a ZIP.

Written under `<out>.partial` and renamed when complete, so an interrupted or cancelled
package never looks finished; `verify_package` re-reads every byte against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from app import __version__, audit, clock, evidence, permissions, register
from app.archives import excel
from app.errors import Cancelled, ComplaintDeskError
from app.models import Case, Evidence, IssuedNotice, RegisterEntry
from app.register import RegisterFilter

MANIFEST = "manifest.json"
WORKBOOK = "档案.xlsx"
FORMAT = 1
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class PackageError(ComplaintDeskError):
    """The package cannot be written or read; the message says why."""


@dataclass(frozen=True)
class PackageResult:
    path: Path
    cases: int
    files: int
    bytes: int


class _Folder:
    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)

    def write(self, name: str, blocks: Iterable[bytes]) -> tuple[int, str]:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as f:
            return _copy(blocks, f.write)

    def close(self) -> None:
        pass


class _Zip:
    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)

    def write(self, name: str, blocks: Iterable[bytes]) -> tuple[int, str]:
        info = zipfile.ZipInfo(name, date_time=clock.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_STORED if name.startswith("evidence/") else zipfile.ZIP_DEFLATED
        with self.zip.open(info, "w", force_zip64=True) as f:
            return _copy(blocks, f.write)

    def close(self) -> None:
        self.zip.close()


def _copy(blocks: Iterable[bytes], write: Callable[[bytes], object]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    for block in blocks:
        digest.update(block)
        size += len(block)
        write(block)
    return size, digest.hexdigest()


def _file_blocks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            yield block


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text).strip(" .") or "_"


def make_package(
    out: str | Path,
    flt: RegisterFilter | None = None,
    full_values: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackageResult:
    """Package the cases `flt` selects (all by default) into the folder or `.zip` `out`."""
    permissions.require("export.full" if full_values else "export.register")
    out = Path(out)
    if out.exists():
        raise PackageError("目标已存在：{out}（请指定新的文件夹或文件名）", out=out)
    as_zip = out.suffix.lower() == ".zip"
    partial = out.with_name(out.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial) if partial.is_dir() else partial.unlink()
    flt = flt or RegisterFilter()
    selected = register._where(RegisterEntry.select(RegisterEntry.case), flt)
    items = list(
        Evidence.select(Evidence.id, Evidence.sha256, Evidence.original_name, Case.case_no)
        .join(Case)
        .where(Evidence.case.in_(selected) & ~Evidence.removed)
        .order_by(Case.case_no, Evidence.id)
        .tuples()
    )
    documents = _documents(selected)
    steps = 2 + len(items) + len(documents)
    done = [0]

    def step(n: int = 1) -> None:
        done[0] += n
        if progress:
            progress(done[0], steps)
        if cancelled and cancelled():
            raise Cancelled("已取消打包，未生成档案包")

    files: dict[str, dict] = {}
    try:
        writer = _Zip(partial) if as_zip else _Folder(partial)
        with tempfile.TemporaryDirectory(prefix="complaintdesk-package-") as tmp:
            book = Path(tmp) / WORKBOOK
            cases = excel.export_archive(book, flt, full_values=full_values, cancelled=cancelled)
            size, sha = writer.write(WORKBOOK, _file_blocks(book))
            files[WORKBOOK] = {"size": size, "sha256": sha}
        step()
        store = evidence.store()

        def seal(name: str, sha: str, missing: PackageError, altered: PackageError) -> None:
            """Into the package only as recorded: a stored file missing or changed stops it."""
            try:
                size, got = writer.write(name, store.read(sha))
            except (FileNotFoundError, evidence.NotFound):
                raise missing from None
            if got != sha:
                raise altered
            files[name] = {"size": size, "sha256": got}
            step()

        for evidence_id, sha, original, case_no in items:
            seal(
                f"evidence/{case_no}/{evidence_id}-{safe_name(original)}",
                sha,
                PackageError(
                    "证据文件缺失（{case_no} 第 {evidence_id} 号），请先运行“校验”",
                    case_no=case_no,
                    evidence_id=evidence_id,
                ),
                PackageError(
                    "证据文件已被改动（{case_no} 第 {evidence_id} 号），请先运行“校验”",
                    case_no=case_no,
                    evidence_id=evidence_id,
                ),
            )
        for name, sha, number, case_no in documents:
            seal(
                name,
                sha,
                PackageError("文书存档缺失（{case_no} {number}），请先运行“校验”", case_no=case_no, number=number),
                PackageError("文书存档已被改动（{case_no} {number}），请先运行“校验”", case_no=case_no, number=number),
            )
        manifest = {
            "format": FORMAT,
            "app_version": __version__,
            "created_at": clock.now().isoformat(timespec="seconds"),
            "cases": cases,
            "masked": not full_values,
            "files": files,
        }
        writer.write(MANIFEST, [json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")])
        writer.close()
        partial.rename(out)
    except BaseException:
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        elif partial.exists():
            partial.unlink()
        raise
    step(0)

    audit.record("export.package", {"file": out.name, "cases": cases, "files": len(files), "full_values": full_values})
    return PackageResult(out, cases, len(files), sum(f["size"] for f in files.values()))


def _documents(selected) -> list[tuple[str, str, str, str]]:
    """The issued documents of the selected cases: (name in the package, sha256, number, case no)."""
    rows = (
        IssuedNotice.select(IssuedNotice.id, IssuedNotice.number, IssuedNotice.sha256, Case.case_no)
        .join(Case)
        .where(IssuedNotice.case.in_(selected) & (IssuedNotice.sha256 != ""))
        .order_by(Case.case_no, IssuedNotice.id)
        .tuples()
    )
    return [
        (f"documents/{case_no}/{safe_name(number or str(nid))}.pdf", sha, number, case_no)
        for nid, number, sha, case_no in rows
    ]


# --- verify --------------------------------------------------------------------------------


def verify_package(path: str | Path) -> list[str]:
    """Every file of the manifest present with its size and SHA-256, nothing unlisted; returns the problems."""
    path = Path(path)
    if not path.exists():
        raise PackageError("找不到档案包：{path}", path=path)
    if path.is_dir():
        names = {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}
        opener: Callable[[str], Iterable[bytes]] = lambda n: _file_blocks(path / n)  # noqa: E731
        return _check(names, opener)
    try:
        with zipfile.ZipFile(path) as z:
            names = {n for n in z.namelist() if not n.endswith("/")}
            return _check(names, lambda n: _zip_blocks(z, n))
    except zipfile.BadZipFile:
        raise PackageError("{path} 不是 ZIP 档案包，或文件已损坏", path=path) from None


def _zip_blocks(z: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    with z.open(name) as f:
        while block := f.read(1 << 20):
            yield block


def _check(names: set[str], blocks: Callable[[str], Iterable[bytes]]) -> list[str]:
    if MANIFEST not in names:
        raise PackageError("不是完整的档案包（没有 {manifest}）", manifest=MANIFEST)
    try:
        manifest = json.loads(b"".join(blocks(MANIFEST)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackageError("档案包清单已损坏：{reason}", reason=exc) from None
    if manifest.get("format") != FORMAT:
        raise PackageError("档案包格式不认识，请用相同版本的程序校验")
    problems = []
    for name, info in manifest["files"].items():
        if name not in names:
            problems.append(f"缺失：{name}")
            continue
        size, sha = _copy(blocks(name), lambda b: None)
        if size != info["size"] or sha != info["sha256"]:
            problems.append(f"内容不符：{name}")
    problems += [f"清单外的文件：{n}" for n in sorted(names - set(manifest["files"]) - {MANIFEST})]
    return problems

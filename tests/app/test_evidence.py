"""Evidence on SQLite (files beside the database) and PostgreSQL (chunks in the database)."""

import os
import struct
import zlib

import pytest

from app import cases, evidence, settings
from app.db import is_postgres
from app.errors import Cancelled, NotFound
from app.evidence import EvidenceRefused
from app.models import Evidence, EvidenceChunk
from tests.factories import intake_values


def png(width=4, height=3, seed=0) -> bytes:
    """A real PNG, made here so the test needs no image files."""

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    raw = b"".join(b"\x00" + bytes((x * 40 + seed) % 256 for x in range(width * 3)) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def case_id(database):
    return cases.intake(intake_values()).id


def attach(case_id, tmp_path, data, name="receipt.png", **kw):
    path = tmp_path / name
    path.write_bytes(data)
    return evidence.add_file(case_id, path, kw.pop("kind", "photo"), kw.pop("supplier", "complainant"), "王芳", **kw)


def corrupt(item):
    if is_postgres():
        chunk = EvidenceChunk.get(EvidenceChunk.sha256 == item.sha256, EvidenceChunk.seq == 0)
        data = bytearray(bytes(chunk.data))
        data[10] ^= 0xFF
        EvidenceChunk.update(data=bytes(data)).where(
            (EvidenceChunk.sha256 == item.sha256) & (EvidenceChunk.seq == 0)
        ).execute()
    else:
        path = evidence.store().path(item.sha256)
        os.chmod(path, 0o644)
        data = bytearray(path.read_bytes())
        data[10] ^= 0xFF
        path.write_bytes(bytes(data))


def delete_bytes(item):
    evidence.store().delete(item.sha256)


def test_attach_records_everything_and_detects_type(case_id, tmp_path):
    item = attach(case_id, tmp_path, png(), name="小票照片.jpg", description="购物小票")
    assert item.mime == "image/png"  # from the content, not the name
    assert item.original_name == "小票照片.jpg" and item.size == len(png()) and len(item.sha256) == 64
    assert evidence.read_bytes(item) == png()
    texts = [e.text for e in cases.timeline(case_id)]
    assert any(t.startswith("添加证据：照片“小票照片.jpg”（投诉人提供") for t in texts)


def test_identical_files_are_stored_once(case_id, tmp_path):
    other = cases.intake(intake_values()).id
    a = attach(case_id, tmp_path, png(seed=1))
    b = attach(other, tmp_path, png(seed=1), name="again.png")
    assert a.sha256 == b.sha256 and Evidence.select().count() == 2
    if is_postgres():
        assert EvidenceChunk.select().where(EvidenceChunk.sha256 == a.sha256).count() == 1
        assert not EvidenceChunk.select().where(EvidenceChunk.sha256.startswith("incoming-")).exists()
    else:
        folder = evidence.store().folder
        assert [p.name for p in folder.rglob("*") if p.is_file()] == [a.sha256]


def test_verify_catches_a_flipped_byte_and_a_deleted_file(case_id, tmp_path):
    good = attach(case_id, tmp_path, png(seed=2))
    flipped = attach(case_id, tmp_path, png(seed=3))
    gone = attach(case_id, tmp_path, png(seed=4))
    corrupt(flipped)
    delete_bytes(gone)
    problems = {p.evidence_id: p.problem for p in evidence.verify_all()}
    assert problems == {flipped.id: "mismatch", gone.id: "missing"}
    assert evidence.check(good) == ""
    with pytest.raises(NotFound, match="缺失"):
        evidence.read_bytes(gone)


@pytest.mark.parametrize("head", [b"MZ\x90\x00\x03\x00\x00\x00", b"\x7fELF\x02\x01\x01", b"#!/bin/sh\nrm -rf /\n"])
def test_executables_renamed_to_jpg_are_refused(case_id, tmp_path, head):
    with pytest.raises(EvidenceRefused, match="可执行程序或脚本"):
        attach(case_id, tmp_path, head + b"\x00" * 200, name="photo.jpg")
    assert Evidence.select().count() == 0


def test_scripts_by_name_are_refused(case_id, tmp_path):
    with pytest.raises(EvidenceRefused, match=".bat"):
        attach(case_id, tmp_path, b"echo hello\r\n", name="readme.bat")


def test_size_limit_has_a_clear_message(case_id, tmp_path):
    settings.put(evidence.LIMIT_KEY, "1")
    with pytest.raises(EvidenceRefused, match="上限为 1 MB"):
        attach(case_id, tmp_path, png() + b"\x00" * (2 * 1024 * 1024))


def test_cancel_leaves_nothing_behind(case_id, tmp_path):
    big = png() + os.urandom(9 * 1024 * 1024)
    with pytest.raises(Cancelled):
        attach(case_id, tmp_path, big, cancelled=lambda: True)
    assert Evidence.select().count() == 0
    if is_postgres():
        assert EvidenceChunk.select().count() == 0
    else:
        folder = evidence.store().folder
        assert not [p for p in folder.rglob("*") if p.is_file()]


def test_progress_is_reported_in_chunks(case_id, tmp_path):
    seen = []
    attach(case_id, tmp_path, png() + os.urandom(9 * 1024 * 1024), progress=lambda done, total: seen.append(done))
    assert len(seen) >= 3 and seen[-1] == seen[-1] and seen == sorted(seen)


def test_logical_removal_then_purge(case_id, tmp_path):
    keep = attach(case_id, tmp_path, png(seed=5))
    item = attach(case_id, tmp_path, png(seed=6))
    with pytest.raises(EvidenceRefused, match="理由"):
        evidence.remove(item.id, " ", "王芳")
    evidence.remove(item.id, "投诉人提供错了文件", "王芳")
    assert [e.id for e in evidence.items(case_id)] == [keep.id]
    assert evidence.read_bytes(Evidence.get_by_id(item.id)) == png(seed=6)  # the bytes stay
    assert "移除证据" in cases.timeline(case_id)[0].text
    assert evidence.purge("管理员") == 0  # within the retention period
    assert evidence.purge("管理员", older_than_days=0) == 1
    assert evidence.check(Evidence.get_by_id(item.id)) == "missing"
    assert evidence.check(keep) == ""


def test_copy_out_never_hands_out_the_stored_file(case_id, tmp_path):
    item = evidence.add_bytes(case_id, png(seed=7), "../../etc/passwd.png", "photo", "office", "王芳")
    (tmp_path / "view").mkdir()
    copy = evidence.copy_out(item, tmp_path / "view")
    assert copy.parent == tmp_path / "view" and copy.name == f"证据{item.id}.png"
    assert copy.read_bytes() == png(seed=7)
    assert item.original_name == "passwd.png"


def test_audio_duration_is_read(case_id, tmp_path):
    import wave

    path = tmp_path / "录音.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 8000 * 3)
    item = evidence.add_file(case_id, path, "audio", "complainant", "王芳")
    assert item.mime == "audio/x-wav" and item.duration == 3.0

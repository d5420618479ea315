"""Every copy the program makes is checked before it is sealed (issue 15): `verify` re-hashes
issued documents as well as evidence, and an archive package or a backup refuses a stored file
that is missing or not the recorded bytes, sealing nothing."""

import pytest

from app import cases, cli, evidence
from app.archives import backup, package
from app.documents import issuing
from tests.app.test_evidence import corrupt, delete_bytes, png
from tests.factories import intake_values


@pytest.fixture
def office(database):
    issuing.save_letterhead("某某市消费者协会", short="某消")
    ref = cases.intake(intake_values())
    notice = issuing.issue(ref.id, "acceptance_notice", "post", "王芳")
    item = evidence.add_bytes(ref.id, png(seed=8), "发票.png", "receipt", "complainant", "王芳")
    return ref, notice, item


def test_an_altered_issued_document_fails_verify_and_is_never_sealed(office, db_url, tmp_path, capsys):
    ref, notice, _ = office
    assert cli.main(["verify", "--db", db_url]) == 0
    corrupt(notice)
    assert cli.main(["verify", "--db", db_url]) == 1
    assert f"文书 {notice.number}\t内容已被改动" in capsys.readouterr().out
    with pytest.raises(package.PackageError, match="文书存档已被改动"):
        package.make_package(tmp_path / "档案包.zip")
    with pytest.raises(backup.BackupError, match="内容已被改动"):
        backup.backup(tmp_path / "备份")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("档案包", "备份"))) == []


def test_missing_evidence_stops_a_backup(office, tmp_path):
    _, _, item = office
    delete_bytes(item)
    with pytest.raises(backup.BackupError, match="缺失"):
        backup.backup(tmp_path / "备份")
    assert not (tmp_path / "备份").exists() and not (tmp_path / "备份.partial").exists()


def test_an_interrupted_attach_leaves_nothing_behind_for_long(sqlite_db, tmp_path):
    """Issue 15: a killed attach left its .incoming-* file in the store forever."""
    import os
    import time

    ref = cases.intake(intake_values())
    store = evidence.store()
    store.folder.mkdir(parents=True, exist_ok=True)
    old, fresh = store.folder / ".incoming-old", store.folder / ".incoming-now"
    old.write_bytes(b"half a photo")
    fresh.write_bytes(b"being written by another seat")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    evidence.add_bytes(ref.id, png(seed=3), "p.png", "photo", "complainant", "王芳")
    assert not old.exists() and fresh.exists()


def test_print_and_report_write_their_file_whole(office, db_url, tmp_path, monkeypatch):
    """Issue 15: `print` and `report --out` wrote the final name directly (half a PDF after a crash)."""
    import app.whole_files as whole

    ref, _, _ = office
    out = tmp_path / "通知.pdf"
    out.write_bytes(b"the copy from yesterday")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(whole.os, "fsync", full_disk)
    assert cli.main(["print", ref.case_no, "acceptance_notice", "--db", db_url, "--out", str(out)]) != 0
    assert out.read_bytes() == b"the copy from yesterday" and not list(tmp_path.glob("*.partial"))
    monkeypatch.undo()
    assert cli.main(["print", ref.case_no, "acceptance_notice", "--db", db_url, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")

"""Evidence photos' thumbnails: made small when the photo is added, upright, never a failure."""

import datetime as dt
import io
import struct
import zlib

from PIL import Image

from app import clock, evidence, session
from app.models import EvidenceThumbnail, User
from tests.app.test_evidence import attach, case_id  # noqa: F401 (the fixture)


def photo(width=1600, height=1200, colour=(200, 30, 30), orientation=None, fmt="JPEG") -> bytes:
    image = Image.new("RGB", (width, height), colour)
    image.paste((20, 20, 220), (0, 0, width // 4, height))  # a blue band on the left
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(out, fmt, exif=exif.tobytes()) if fmt == "JPEG" else image.save(out, fmt)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_photo_added_keeps_a_thumbnail_of_a_few_kilobytes(case_id, tmp_path):  # noqa: F811
    big = photo()
    item = attach(case_id, tmp_path, big, name="外机.jpg")
    kept = evidence.thumbnails([item.sha256])[item.sha256]
    assert len(kept) < 12_000 < len(big) or len(kept) < len(big) // 2
    small = opened(kept)
    assert max(small.size) == evidence.THUMB_PIXELS and small.size == (224, 168)
    assert small.convert("RGB").getpixel((150, 84))[0] > 150  # still red where the photo is red


def test_a_photo_taken_sideways_stands_upright(case_id, tmp_path):  # noqa: F811
    item = attach(case_id, tmp_path, photo(orientation=6), name="竖拍.jpg")  # EXIF: rotate 90°
    small = opened(evidence.thumbnails([item.sha256])[item.sha256]).convert("RGB")
    assert small.size == (168, 224)
    assert small.getpixel((84, 10))[2] > 150 and small.getpixel((84, 200))[0] > 150  # the blue band on top


def test_a_transparent_picture_stays_transparent(case_id, tmp_path):  # noqa: F811
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (100, 100, 300, 300))
    out = io.BytesIO()
    image.save(out, "PNG")
    item = attach(case_id, tmp_path, out.getvalue(), name="截图.png")
    small = opened(evidence.thumbnails([item.sha256])[item.sha256])
    assert small.format == "PNG" and small.getpixel((2, 2))[3] == 0


def test_what_cannot_be_drawn_is_attached_all_the_same_without_a_thumbnail(case_id, tmp_path):  # noqa: F811
    broken = photo()[:2000]  # a photo cut off in the middle of its data
    item = attach(case_id, tmp_path, broken, name="坏图.jpg")
    assert item.mime == "image/jpeg"
    assert evidence.make_thumbnail(b"\xff\xd8\xff\xe0 not a picture") is None
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)  # 900 megapixels said in 40 bytes
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + header
        + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    )
    assert evidence.make_thumbnail(bomb) is None
    assert evidence.thumbnails([item.sha256]) == {}  # its file icon instead
    receipt = attach(case_id, tmp_path, b"%PDF-1.4\n" + b"0" * 500, name="发票.pdf", kind="document")
    assert evidence.thumbnails([receipt.sha256]) == {}


def test_a_photo_from_before_thumbnails_gets_one_from_its_file_and_keeps_it(case_id, tmp_path):  # noqa: F811
    item = attach(case_id, tmp_path, photo(), name="旧照片.jpg")
    EvidenceThumbnail.delete().execute()  # as a database migrated from version 20 has it
    assert evidence.thumbnails([item.sha256]) == {}
    made = evidence.thumbnail_from_file(item)
    assert opened(made).size == (224, 168)
    assert evidence.thumbnails([item.sha256]) == {item.sha256: made}


def test_purging_a_removed_photo_takes_its_thumbnail_too(case_id, tmp_path):  # noqa: F811
    item = attach(case_id, tmp_path, photo(), name="错传.jpg")
    evidence.remove(item.id, "传错了", "王芳")
    assert evidence.purge("管理员", older_than_days=0, today=clock.today() + dt.timedelta(days=1)) == 1
    assert evidence.thumbnails([item.sha256]) == {}


def test_an_auditor_looking_at_an_old_photo_sees_its_thumbnail_and_writes_nothing(case_id, tmp_path):  # noqa: F811
    item = attach(case_id, tmp_path, photo(colour=(190, 20, 60)), name="审计看的照片.jpg")
    EvidenceThumbnail.delete().execute()
    session.sign_in(User(id=0, username="shen", display_name="审计员甲", role="auditor"))
    try:
        assert opened(evidence.thumbnail_from_file(item)).size == (224, 168)
    finally:
        session.sign_out()
    assert evidence.thumbnails([item.sha256]) == {}  # an auditor may not add evidence, nor its pictures

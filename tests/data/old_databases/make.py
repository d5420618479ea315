"""Run inside a checkout of an old commit (see README.md): a small database as that version wrote it."""

import struct
import sys
import zlib

from app import db, demo, evidence
from app.workflow import machine

out = sys.argv[1]
conn = db.connect(out)
machine.set_office_profile("consumer_association")
demo.generate(40, seed=7)
from app.models import Case, Event

case = Case.select().order_by(Case.id).first()
machine.record_consent(case.id, "complainant", "王芳", how="书面")
machine.record_consent(case.id, "business", "王芳")
machine.declare_conflict(case.id, "李调解", "系投诉人亲属", "王芳")
png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
png += struct.pack(">I", zlib.crc32(b"IHDR" + png[16:29]) & 0xFFFFFFFF)
raw = zlib.compress(b"\x00\xff\x00\x00")
png += struct.pack(">I", len(raw)) + b"IDAT" + raw + struct.pack(">I", zlib.crc32(b"IDAT" + raw) & 0xFFFFFFFF)
png += struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND") & 0xFFFFFFFF)
kept = evidence.add_bytes(case.id, png, "发票照片.png", "receipt", "complainant", "王芳")
gone = evidence.add_bytes(case.id, png, "重复.png", "photo", "complainant", "王芳")
evidence.remove(gone.id, "重复上传", "王芳")
machine.issue_notice(case.id, "acceptance_notice", "post", "王芳", number="某消受〔2026〕1号")
db.close()
print(Event.select().count() if False else "ok")

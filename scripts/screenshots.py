"""Screenshots of the real program for the README: `make screenshots` (offscreen)."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app import db, demo  # noqa: E402
from app.workflow import machine  # noqa: E402
from ui import main  # noqa: E402


def settle():
    for _ in range(3):
        QApplication.processEvents()


def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = main.make_application()
    db.connect(str(Path(tempfile.mkdtemp()) / "shots.db"))
    machine.set_office_profile("market_regulator")
    demo.generate(3000, seed=11)
    window = main.open_window(str(db.database.obj.location))
    window.resize(1360, 820)
    window.show()
    settle()
    window.grab().save(str(out / "register.png"))

    dialog = window.new_intake()
    form = dialog.form
    form.set_values({
        "complainant.name": "陈晓燕", "complainant.phone": "1391234567", "complainant.address": "杭州市拱墅区湖墅南路 88 号",
        "complainant.id_type": "resident_id", "complainant.id_number": "330105199003071234",
        "business.name": "杭州某某数码专营店", "business.uscc": "91330105MA2B3C4D5E",
        "business.platform": "淘宝", "business.shop": "某某数码官方旗舰店",
        "purchase.product": "手机", "purchase.brand": "华为", "purchase.model": "Mate 70",
        "purchase.purchase_date": "2026年10月30日", "purchase.amount": "5999", "purchase.channel": "online",
        "complaint.channel": "walk_in", "complaint.category": "quality",
        "complaint.facts": "10 月 30 日网购手机，到货第 5 天出现屏幕闪烁、自动重启，申请七日无理由退货被商家拒绝，称已激活不予退货。",
        "complaint.demands": ["return", "refund"], "complaint.demand_amount": "5999",
    })
    dialog.save()
    settle()
    dialog.grab().save(str(out / "intake.png"))
    dialog.form.set_values({"complainant.phone": ""})
    dialog.done(0)

    view = window.open_case(window.register.model.rows[3].id)
    view.form.set_values({"purchase.serial": "IMEI 86" + "1234567890123"})
    view.save()
    settle()
    window.grab().save(str(out / "case-view.png"))
    print(f"screenshots written to {out}/")


if __name__ == "__main__":
    shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))

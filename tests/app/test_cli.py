"""The command line, in-process and through the installed `complaintdesk` script."""

import json
import os
import shutil
import subprocess
import sys

from app import cli, db
from app.models import Case
from tests.factories import intake_values


def test_init_then_demo_then_intake(tmp_path, capsys):
    target = str(tmp_path / "office.db")
    assert cli.main(["init", "--db", target]) == 0
    assert "已创建数据库" in capsys.readouterr().out
    assert cli.main(["init", "--db", target]) == 0
    assert "已存在" in capsys.readouterr().out
    assert cli.main(["demo", "--db", target, "--cases", "25", "-q"]) == 0
    assert "共 25 件" in capsys.readouterr().out
    assert cli.main(["demo", "--db", target, "--cases", "25", "--if-empty", "-q"]) == 0
    assert "未添加" in capsys.readouterr().out
    source = tmp_path / "case.json"
    source.write_text(json.dumps(intake_values(), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "--db", target, str(source)]) == 0
    case_no = capsys.readouterr().out.strip()
    db.connect(target)
    assert Case.get(Case.case_no == case_no).complainant.name == "张三"
    db.close()


def test_intake_errors_are_per_field_with_exit_1(tmp_path, capsys):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(intake_values(complainant__phone="12"), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "--db", str(tmp_path / "x.db"), str(source)]) == 1
    err = capsys.readouterr().err
    assert "complainant.phone（投诉人·联系电话）" in err
    source.write_text("{not json", encoding="utf-8")
    assert cli.main(["intake", "--db", str(tmp_path / "x.db"), str(source)]) == 1
    assert "JSON 格式错误" in capsys.readouterr().err


def test_unopenable_database_is_one_line_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    assert cli.main(["demo", "--db", str(bad), "--cases", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err


def test_installed_script_help_and_version():
    exe = shutil.which("complaintdesk", path=os.path.dirname(sys.executable))
    assert exe, "the console script is installed with the package"
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    for sub in ("init", "demo", "intake", "gui"):
        assert sub in out
    assert subprocess.run([exe, "demo", "--help"], capture_output=True, text=True).returncode == 0
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("complaintdesk ")


def test_init_with_profile_and_deadlines_as_json(tmp_path, capsys):
    target = str(tmp_path / "office.db")
    assert cli.main(["init", "--db", target, "--profile", "market_regulator"]) == 0
    capsys.readouterr()
    source = tmp_path / "case.json"
    source.write_text(json.dumps(intake_values(complaint__channel="letter"), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "--db", target, str(source)]) == 0
    case_no = capsys.readouterr().out.strip()
    assert cli.main(["deadlines", "--db", target, "--case", case_no]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["rule"] for r in rows} == {"D1", "D7"}
    d1 = next(r for r in rows if r["rule"] == "D1")
    assert d1["case_no"] == case_no and d1["rule_set"] == "samr_order_121" and d1["state"] == "running"
    assert isinstance(d1["days_left"], int) and isinstance(d1["provisional"], bool)
    assert cli.main(["deadlines", "--db", target, "--case", "TS-1999-000001"]) == 1
    assert "没有案件号" in capsys.readouterr().err
    assert cli.main(["profile", "--db", target]) == 0
    assert capsys.readouterr().out.startswith("market_regulator")

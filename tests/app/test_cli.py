"""The command line, in-process and through the installed `complaintdesk` script."""

import json
import os
import shutil
import subprocess
import sys

from app import cli, db, startup
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
    startup.open_database(target)
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
    assert cli.main(["profile", "--db", target, "--language", "en"]) == 0
    assert "文书语言：en（English）" in capsys.readouterr().out


def test_attach_and_verify(tmp_path, capsys):
    import os

    target = str(tmp_path / "office.db")
    source = tmp_path / "case.json"
    source.write_text(json.dumps(intake_values(), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "--db", target, str(source)]) == 0
    case_no = capsys.readouterr().out.strip()
    receipt = tmp_path / "发票.pdf"
    receipt.write_bytes(b"%PDF-1.4\n% receipt\n" + b"0" * 5000)
    assert cli.main(["attach", "--db", target, case_no, str(receipt), "--kind", "receipt"]) == 0
    line = capsys.readouterr().out.strip().split("\t")
    assert line[0] == case_no and line[2] == "application/pdf"
    assert cli.main(["verify", "--db", target]) == 0
    assert "1 件证据、0 份文书，0 件有问题" in capsys.readouterr().err
    stored = tmp_path / "office-evidence" / line[3][:2] / line[3]
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes()[:-1] + b"1")
    assert cli.main(["verify", "--db", target]) == 1
    out = capsys.readouterr()
    assert "内容已被改动" in out.out and "1 件有问题" in out.err
    exe = tmp_path / "photo.jpg"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    assert cli.main(["attach", "--db", target, case_no, str(exe), "--kind", "photo"]) == 1
    assert "可执行程序" in capsys.readouterr().err


def test_backup_and_restore_commands(tmp_path, capsys):
    target = str(tmp_path / "office.db")
    assert cli.main(["demo", "--db", target, "--cases", "12", "-q"]) == 0
    capsys.readouterr()
    assert cli.main(["backup", "--db", target, "--out", str(tmp_path / "bk")]) == 0
    assert "已备份 12 件案件" in capsys.readouterr().out
    assert cli.main(["backup", "--db", target, "--out", str(tmp_path / "bk")]) == 1  # never over an old backup
    assert "已存在" in capsys.readouterr().err
    code = cli.main(["restore", "--from", str(tmp_path / "bk"), "--db", str(tmp_path / "new.db")])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "已恢复 12 件案件" in out.out
    assert cli.main(["restore", "--from", str(tmp_path / "bk"), "--db", target]) == 1
    assert "已存在" in capsys.readouterr().err


def test_export_command(tmp_path, capsys):
    from openpyxl import load_workbook

    target = str(tmp_path / "office.db")
    assert cli.main(["demo", "--db", target, "--cases", "30", "-q"]) == 0
    capsys.readouterr()
    out = tmp_path / "reg.xlsx"
    assert cli.main(["export", "--db", target, "--out", str(out), "--sort", "case_no"]) == 0
    assert "已导出 30 件" in capsys.readouterr().out
    assert load_workbook(out).active.max_row == 31
    assert cli.main(["export", "--db", target, "--out", str(out), "--sort", "nonsense"]) == 1


def test_archive_command(tmp_path, capsys):
    from openpyxl import load_workbook

    target = str(tmp_path / "office.db")
    assert cli.main(["demo", "--db", target, "--cases", "20", "-q"]) == 0
    capsys.readouterr()
    out = tmp_path / "year.xlsx"
    assert cli.main(["archive", "--db", target, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "已归档 20 件" in said and "脱敏" in said
    assert sum(1 for _ in load_workbook(out, read_only=True)["案件"].iter_rows(min_row=2)) == 20


def test_import_archive_and_verify_archive_from_the_command_line(tmp_path, capsys):
    from tests.legacy import legacy_rows, spoil, write_legacy

    rows = legacy_rows(30)
    spoil(rows, [5])
    legacy = write_legacy(tmp_path / "旧登记簿.xlsx", rows)
    target = str(tmp_path / "new.db")
    assert cli.main(["import", "--db", target, str(legacy), "--dry-run", "--report", str(tmp_path / "r.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "第 9 行" in out and "有问题 1 行" in out and (tmp_path / "r.xlsx").exists()
    write_legacy(legacy, legacy_rows(30))
    assert cli.main(["import", "--db", target, str(legacy)]) == 0
    assert "已导入 30 件案件" in capsys.readouterr().out
    assert cli.main(["import", "--db", target, str(legacy)]) == 0
    assert "已导入过 30 行" in capsys.readouterr().out
    assert cli.main(["import", "--db", target, str(legacy), "--map", "nonsense=x"]) == 1
    assert "未知的项目" in capsys.readouterr().err

    package = tmp_path / "年度档案.zip"
    assert cli.main(["archive", "--db", target, "--out", str(package)]) == 0
    assert cli.main(["verify-archive", str(package)]) == 0
    assert "全部文件与清单一致" in capsys.readouterr().out
    folder = tmp_path / "档案包"
    assert cli.main(["archive", "--db", target, "--out", str(folder)]) == 0
    (folder / "档案.xlsx").write_bytes(b"changed")
    (folder / "extra.txt").write_text("x")
    assert cli.main(["verify-archive", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "内容不符：档案.xlsx" in out and "清单外的文件：extra.txt" in out
    assert cli.main(["verify-archive", str(tmp_path / "missing")]) == 1

    assert cli.main(["stats", "--db", target, "--month", "2025-03", "--out", str(tmp_path / "m.xlsx")]) == 0
    assert cli.main(["stats", "--db", target, "--month", "March", "--out", str(tmp_path / "m.xlsx")]) == 1


def test_print_one_document_and_a_batch(tmp_path, capsys):
    from app.documents import issuing

    target = str(tmp_path / "p.db")
    assert cli.main(["demo", "--db", target, "--cases", "20", "-q"]) == 0
    startup.open_database(target)
    issuing.save_letterhead("某某市消费者协会", short="某消")
    first = Case.select().order_by(Case.id).first()
    case_no, status = first.case_no, first.status
    db.close()
    out = tmp_path / "n.pdf"
    assert cli.main(["print", "--db", target, case_no, "acceptance_notice", "--out", str(out), "--issue"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "某消投受" in capsys.readouterr().out
    again = tmp_path / "again.pdf"
    assert cli.main(["print", "--db", target, case_no, "acceptance_notice", "--out", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()  # the issued copy, not a new one
    folder = tmp_path / "batch"
    assert (
        cli.main(["print", "--db", target, "--kind", "acceptance_notice", "--status", status, "--out", str(folder)])
        == 0
    )
    startup.open_database(target)
    expected = Case.select().where(Case.status == status).count()
    db.close()
    assert len(list(folder.glob("*.pdf"))) == expected
    assert cli.main(["print", "--db", target, "TS-1999-000001", "acceptance_notice", "--out", str(out)]) == 1


def test_status_query_with_the_code_printed_on_the_intake_receipt(tmp_path, capsys):
    from app import cases
    from app.documents import issuing

    target = str(tmp_path / "q.db")
    startup.open_database(target)
    ref = cases.intake(intake_values())
    code = issuing.query_code(ref.case_no)
    db.close()
    assert cli.main(["query", "--db", target, ref.case_no, code.lower()]) == 0
    assert f"{ref.case_no}：已登记" in capsys.readouterr().out
    assert cli.main(["query", "--db", target, ref.case_no, "WRONG1"]) == 1
    assert cli.main(["query", "--db", target, "TS-1999-000001", code]) == 1
    assert "查询码不对" in capsys.readouterr().err


def test_self_test_passes_offscreen_in_a_fresh_process(tmp_path):
    script = shutil.which("complaintdesk", path=os.path.dirname(sys.executable))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    out = subprocess.run([script, "--self-test"], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("[通过]") == 6 and "自检全部通过" in out.stdout and "[失败]" not in out.stdout


def test_accounts_from_the_command_line(tmp_path, capsys, monkeypatch):
    target = str(tmp_path / "u.db")
    monkeypatch.setenv("PW", "correct horse")
    assert cli.main(["user", "add", "wang", "--db", target, "--role", "handler", "--password-env", "PW"]) == 1
    assert "第一个账户必须是管理员" in capsys.readouterr().err
    assert (
        cli.main(
            ["user", "add", "admin", "--db", target, "--name", "张管理", "--role", "admin", "--password-env", "PW"]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        cli.main(["user", "add", "wang", "--db", target, "--name", "王芳", "--role", "handler", "--password-env", "PW"])
        == 1
    )  # the database has accounts now: the command line signs in
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("COMPLAINTDESK_PASSWORD", "correct horse")
    assert (
        cli.main(
            [
                "user",
                "add",
                "wang",
                "--db",
                target,
                "--user",
                "admin",
                "--name",
                "王芳",
                "--role",
                "handler",
                "--password-env",
                "PW",
            ]
        )
        == 0
    )
    assert cli.main(["user", "list", "--db", target, "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "admin\t张管理\t管理员" in out and "wang\t王芳\t经办人" in out
    # a handler at the command line has a handler's rights, as in the window
    monkeypatch.setenv("COMPLAINTDESK_USER", "wang")
    for command in (
        ["user", "add", "li", "--role", "admin", "--password-env", "PW"],
        ["user", "disable", "admin"],
        ["archive", "--full", "--out", str(tmp_path / "a.zip")],
        ["profile", "--set", "repair_counter"],
    ):
        assert cli.main([*command, "--db", target]) == 1, command
        assert "无权" in capsys.readouterr().err, command
    monkeypatch.setenv("COMPLAINTDESK_PASSWORD", "wrong one")
    assert cli.main(["user", "list", "--db", target]) == 1 and "密码不对" in capsys.readouterr().err


def test_init_force_keeps_a_database_with_cases_until_a_verified_backup_and_a_yes(tmp_path, capsys, monkeypatch):
    """Issue 15: `init --force` deleted every case without a word."""
    from app.archives import backup

    target = str(tmp_path / "office.db")
    assert cli.main(["init", "--db", target]) == 0
    assert cli.main(["demo", "--db", target, "--cases", "5", "--quiet"]) == 0
    assert cli.main(["init", "--db", target, "--force"]) == 1
    assert "5 件案件" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "不")
    assert cli.main(["init", "--db", target, "--force", "--backup-to", str(tmp_path / "备份1")]) == 1
    assert backup.verify_backup(tmp_path / "备份1") == []  # the backup was written and checked all the same
    startup.open_database(target)
    assert Case.select().count() == 5
    db.close()
    monkeypatch.setattr("builtins.input", lambda prompt: "删除")
    assert cli.main(["init", "--db", target, "--force", "--backup-to", str(tmp_path / "备份2")]) == 0
    startup.open_database(target)
    assert Case.select().count() == 0
    db.close()

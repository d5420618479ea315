"""`complaintdesk <subcommand>`: the batch jobs, for automation and tests.

Errors a person can act on are printed in Chinese with exit code 1; anything else is
logged with its traceback and reported in one line with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

import platformdirs

from app import __version__, audit, cases, clock, db, demo, fields, i18n, permissions, printing, startup
from app.errors import ComplaintDeskError, DatabaseError, ValidationFailed
from app.whole_files import write_whole
from app.workflow import tables

log = logging.getLogger("complaintdesk")


def _log_file() -> Path:
    folder = Path(platformdirs.user_log_dir(db.APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "complaintdesk.log"


def setup_logging(verbose: bool = False) -> None:
    handlers: list[logging.Handler] = []
    try:
        handlers.append(logging.FileHandler(_log_file(), encoding="utf-8"))
    except OSError:
        pass  # a read-only home still gets stderr logging below
    if verbose:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )


def cmd_init(args) -> int:
    location = db.parse_location(args.db)
    if location.kind == "sqlite" and location.path.exists() and args.force:
        if not _backed_up_before_wiping(args):
            return 1
        db.remove_sqlite_files(location.path)
    database = db.connect(args.db)
    stored = db.schema_version(database)
    from app import migrations

    migrations.bring_up_to_date(database, location)
    if args.profile:
        from app.workflow import machine

        machine.set_office_profile(args.profile)
    if stored:
        print(f"数据库已存在（结构版本 {stored} → {migrations.latest()}）：{location}")
    else:
        print(f"已创建数据库（结构版本 {migrations.latest()}）：{location}")
    return 0


def _backed_up_before_wiping(args) -> bool:
    """`init --force` on a file that holds cases: only after a verified backup and a typed yes."""
    from app.archives import backup

    try:
        startup.open_database(args.db)
        held = cases.count()
    except ComplaintDeskError:
        held = 0  # not a database of ours (or damaged): there are no cases to keep
    if not held:
        db.close()
        return True
    if not args.backup_to:
        print(
            f"此数据库有 {held} 件案件。init --force 会全部删除：请用 --backup-to 文件夹 先写一份备份。",
            file=sys.stderr,
        )
        db.close()
        return False
    result = backup.backup(args.backup_to)
    problems = backup.verify_backup(result.path)
    db.close()
    if problems:
        print("备份核对未通过，未删除任何数据：" + "；".join(problems), file=sys.stderr)
        return False
    print(f"已备份并核对 {result.cases} 件案件到 {result.path}")
    if not args.yes:
        answer = input(f"确定删除 {held} 件案件并新建空数据库？请输入“删除”确认：") if sys.stdin.isatty() else ""
        if answer.strip() != "删除":
            print("未确认，数据库未改动。", file=sys.stderr)
            return False
    return True


def cmd_demo(args) -> int:
    startup.open_database(args.db)
    existing = cases.count()
    if args.if_empty and existing:
        print(f"数据库中已有 {existing} 件案件，未添加演示数据。")
        return 0

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r已生成 {done}/{total} 件", end="", file=sys.stderr, flush=True)

    from app.workflow import machine

    if not machine.profile_chosen():
        machine.set_office_profile(machine.DEFAULT_PROFILE)
    made = demo.generate(args.cases, seed=args.seed, progress=progress)
    if not args.quiet:
        print(file=sys.stderr)
    print(f"已添加 {made} 件演示案件，共 {cases.count()} 件：{db.parse_location(args.db)}")
    return 0


def cmd_intake(args) -> int:
    """Register one complaint from a JSON object of field keys (see app/fields.py)."""
    startup.open_database(args.db)
    source = sys.stdin if args.json == "-" else open(args.json, encoding="utf-8")
    with source:
        try:
            entered = json.load(source)
        except json.JSONDecodeError as exc:
            raise ComplaintDeskError(
                "JSON 格式错误：第 {line} 行第 {column} 列：{reason}", line=exc.lineno, column=exc.colno, reason=exc.msg
            ) from exc
    if not isinstance(entered, dict):
        raise ComplaintDeskError('JSON 应为一个对象，键为字段名，如 "complainant.name"')
    unknown = [k for k in entered if k not in fields.BY_KEY]
    if unknown:
        raise ComplaintDeskError("未知字段：{items}", items=", ".join(unknown))
    try:
        ref = cases.intake(entered, actor=args.actor)
    except ValidationFailed as exc:
        for key, message in exc.errors.items():
            spec = fields.BY_KEY[key]
            print(f"{key}（{fields.SECTIONS[spec.section]}·{spec.label}）：{message}", file=sys.stderr)
        return 1
    print(ref.case_no)
    return 0


def cmd_deadlines(args) -> int:
    """Each open case's running deadlines as JSON, for automation."""
    from app.workflow import machine

    startup.open_database(args.db)
    case_id = cases.find_by_number(args.case).id if args.case else None
    today = clock.today()
    print(json.dumps(machine.open_deadlines(case_id, today), ensure_ascii=False, indent=2 if args.pretty else None))
    return 0


def cmd_profile(args) -> int:
    from app.workflow import machine

    startup.open_database(args.db)
    if args.set:
        machine.set_office_profile(args.set)
    if args.language:
        i18n.save_office_language(args.language)
    profile = machine.office_profile()
    print(f"{profile.code}（{profile.title}）")
    print(f"文书语言：{i18n.office_language()}（{i18n.LANGUAGES[i18n.office_language()]}）")
    return 0


def cmd_verify(args) -> int:
    """Re-hash every stored evidence file and every issued document; exit 1 when any is damaged or missing."""
    from app import evidence
    from app.documents import issuing
    from app.models import IssuedNotice

    startup.open_database(args.db)
    what = {"missing": "文件缺失", "mismatch": "内容已被改动（SHA-256 不符）"}
    problems = evidence.verify_all()
    for p in problems:
        print(f"{p.case_no}\t证据 {p.evidence_id}\t{what[p.problem]}\t{p.sha256}")
    documents = issuing.verify_issued()
    for case_no, number, sha, problem in documents:
        print(f"{case_no}\t文书 {number}\t{what[problem]}\t{sha}")
    total = evidence.Evidence.select().count()
    issued = IssuedNotice.select().where(IssuedNotice.sha256 != "").count()
    print(f"已核验 {total} 件证据、{issued} 份文书，{len(problems) + len(documents)} 件有问题。", file=sys.stderr)
    return 1 if problems or documents else 0


def cmd_attach(args) -> int:
    from app import evidence
    from app.session import current_operator

    startup.open_database(args.db)
    case = cases.find_by_number(args.case)
    item = evidence.add_file(
        case.id, args.file, args.kind, args.supplier, args.actor or current_operator(), description=args.description
    )
    print(f"{case.case_no}\t证据 {item.id}\t{item.mime}\t{item.sha256}")
    return 0


def cmd_backup(args) -> int:
    from app.archives import backup

    startup.open_database(args.db)
    result = backup.backup(args.out)
    print(f"已备份 {result.cases} 件案件、{result.files} 个证据文件（{result.bytes / 1048576:.1f} MB）到 {result.path}")
    return 0


def cmd_restore(args) -> int:
    from app.archives import backup

    result = backup.restore(args.source, args.db)
    print(f"已恢复 {result.cases} 件案件到 {db.parse_location(args.db)}")
    return 0


def cmd_export(args) -> int:
    """The register as the window would show it for these filters, to .xlsx."""
    from app import checks
    from app.archives import excel
    from app.register import COLUMN_KEYS, RegisterFilter

    startup.open_database(args.db)
    if args.sort not in COLUMN_KEYS:
        raise ComplaintDeskError("--sort 应为 {items} 之一", items=", ".join(COLUMN_KEYS))
    flt = RegisterFilter(
        status=args.status or "",
        category=args.category or "",
        text=args.text or "",
        date_from=checks.date(args.date_from) if args.date_from else None,
        date_to=checks.date(args.date_to) if args.date_to else None,
    )
    rows = excel.export_register(flt, args.sort, args.desc, args.out)
    print(f"已导出 {rows} 件案件到 {args.out}")
    return 0


def cmd_archive(args) -> int:
    """The full archive workbook (FILE.xlsx), or the archive package (a folder or FILE.zip with
    the workbook, issued documents and evidence), for a period or everything."""
    from app import checks
    from app.archives import excel, package
    from app.register import RegisterFilter

    startup.open_database(args.db)
    flt = RegisterFilter(
        date_from=checks.date(args.date_from) if args.date_from else None,
        date_to=checks.date(args.date_to) if args.date_to else None,
    )
    privacy = "（含完整个人信息）" if args.full else "（个人信息已脱敏）"
    if args.out.lower().endswith(".xlsx"):
        written = excel.export_archive(args.out, flt, full_values=args.full)
        print(f"已归档 {written} 件案件到 {args.out}{privacy}")
        return 0
    result = package.make_package(args.out, flt, full_values=args.full)
    print(
        f"已打包 {result.cases} 件案件、{result.files} 个文件（{result.bytes / 1e6:.1f} MB）到 {result.path}{privacy}"
    )
    return 0


def cmd_verify_archive(args) -> int:
    from app.archives import package

    problems = package.verify_package(args.path)
    for line in problems:
        print(line)
    print(f"档案包校验：{'发现 %d 个问题' % len(problems) if problems else '全部文件与清单一致'}")
    return 1 if problems else 0


def cmd_user(args) -> int:
    """Accounts from the command line (the local system operator may manage them)."""

    from app import accounts, permissions
    from app.models import User

    startup.open_database(args.db)
    if args.action == "list":
        for u in User.select().order_by(User.username):
            state = "停用" if not u.active else ("锁定" if u.locked_until else "")
            print(f"{u.username}\t{u.display_name}\t{permissions.ROLES.get(u.role, u.role)}\t{state}")
        return 0
    if not args.username:
        raise ComplaintDeskError("请给出用户名")
    if args.action == "disable":
        accounts.set_active(args.username, False)
        print(f"已停用 {args.username}")
        return 0
    password = _new_password(args)
    if args.action == "passwd":
        accounts.set_password(args.username, password)
        print(f"已修改 {args.username} 的密码")
        return 0
    if accounts.needs_first_admin():
        if args.role != "admin":
            raise ComplaintDeskError("数据库还没有账户：第一个账户必须是管理员（--role admin）")
        accounts.create_first_admin(args.username, args.name or args.username, password)
    else:
        accounts.add_user(args.username, args.name or args.username, args.role, password)
    print(f"已添加 {args.username}（{permissions.ROLES[args.role]}）")
    return 0


def cmd_secure(args) -> int:
    """A shared database gets per-person PostgreSQL logins (docs/SECURITY.md has the steps)."""
    from app import accounts, database_roles
    from app.models import database as bound

    location = db.parse_location(args.db)
    if location.kind != "postgresql":
        raise ComplaintDeskError("secure 只用于共享的 PostgreSQL 数据库；单机 SQLite 文件由操作系统的文件权限保护")
    connection = startup.open_database(args.db)
    first = None
    if accounts.needs_first_admin():
        if not args.admin:
            raise ComplaintDeskError("数据库还没有账户：请用 --admin 用户名 --name 姓名 指定第一个管理员")
        first = (args.admin, args.name or args.admin, _new_password(args))
    with bound.atomic():
        database_roles.secure(connection)
        given = accounts.move_to_server_logins(first)
    print(f"已启用个人数据库账户：{location}（角色前缀 {database_roles.prefix()}_）")
    if first:
        print(f"管理员 {first[0]} 用刚才设的密码登录。")
    if given:
        print("以下账户已成为数据库登录，初始密码只显示这一次，请分别交给本人，登录后用 user passwd 修改：")
        for username, password in given:
            print(f"{username}\t{password}")
    return 0


def _new_password(args) -> str:
    password = os.environ.get(args.password_env or "", "") if getattr(args, "password_env", None) else ""
    if not password:
        import getpass

        password = getpass.getpass("密码：")
        if getpass.getpass("再输入一次：") != password:
            raise ComplaintDeskError("两次输入的密码不一致")
    return password


def cmd_verify_audit(args) -> int:
    from app import audit

    startup.open_database(args.db)
    checked, broken = audit.verify()
    kept = audit.kept_anchor()  # the newest entry this machine has seen: the tail cannot vanish unnoticed
    anchors = [a for a in (audit.check_anchor(x) for x in [*(args.anchor or []), *([kept] if kept else [])]) if a]
    for problem in anchors:
        print(f"锚点不符：{problem}")
    if broken is None and not anchors:
        entry_id, digest = audit.head()
        print(f"审计记录链完整：{checked} 条，逐条校验一致；末条 {entry_id}:{digest[:16]}")
        return 0
    if broken is None:
        return 1
    print(f"审计记录链断开：前 {checked} 条一致；第 {broken.entry_id} 号记录：{broken.problem}")
    return 1


def cmd_import(args) -> int:
    """A legacy register (mapping guessed, or given with --map) or an archive workbook of this program."""
    from app.archives import importer

    startup.open_database(args.db)
    if importer.is_archive(args.file) and not args.map:
        report, _ = importer.check_archive(args.file)
        kind = "档案工作簿"
    else:
        table = importer.read_table(args.file, args.sheet)
        mapping = importer.guess_mapping(table.headers)
        for item in args.map or []:
            target, _, column = item.partition("=")
            if target not in importer.BY_TARGET and target not in mapping:
                raise importer.ImportFailed(
                    "未知的项目：{target}（可用：{items}）", target=target, items="、".join(importer.BY_TARGET)
                )
            if column and column not in table.headers:
                raise importer.ImportFailed(
                    "表头中没有“{column}”（有：{items}）", column=column, items="、".join(table.headers)
                )
            mapping[target] = table.headers.index(column) if column else None
        for target in importer.TARGETS:
            column = mapping.get(target.key)
            print(
                f"  {target.label} ← {table.headers[column] if column is not None else importer.unmapped_text(target.key)}"
            )
        report, _ = importer.check(table, mapping)
        kind = "旧登记簿"
    for p in report.problems[:50]:
        print(f"第 {p.row} 行 [{p.column}] “{p.value}”：{p.problem}")
    if len(report.problems) > 50:
        print(f"……另有 {len(report.problems) - 50} 处问题，完整列表请用 --report 保存")
    if args.report:
        importer.save_report(report, args.report)
        print(f"检查报告已保存：{args.report}")
    print(f"{kind} {report.source}：{report.summary()}")
    if report.problems:
        print("有问题的行修正前不会导入任何案件。")
        return 1
    if args.dry_run:
        return 0
    if kind == "档案工作簿":
        report = importer.import_archive(args.file)
    else:
        report = importer.import_table(table, mapping)
    print(
        f"已导入 {report.imported} 件案件"
        + (f"（{report.case_nos[0]} 至 {report.case_nos[-1]}）" if report.case_nos else "")
    )
    return 0


def cmd_stats(args) -> int:
    """The statistics workbook (.xlsx) or the report with charts (.pdf) for a month, quarter or year."""
    from pathlib import Path

    from app import statistics
    from app.archives import excel

    startup.open_database(args.db)
    try:
        period = statistics.parse_period(args.period or args.month or "")
    except ValueError as exc:
        raise ComplaintDeskError(str(exc)) from None
    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        from app.documents import report

        figures, data = report.report(period)
        write_whole(out, data)
    else:
        figures = statistics.figures(period)
        excel.export_statistics(figures, out)
    share = figures.within_deadline
    print(
        f"{figures.title}：登记 {figures.received} 件，办结 {figures.to_resolution.count} 件，期限内完成 "
        f"{'—' if share is None else f'{share:.1%}'}；已写入 {out}"
    )
    return 0


def cmd_figures(args) -> int:
    """The dashboard's figures kept per month: keep the months changed since, work every month out
    again (--rebuild), or compare what is kept with the cases themselves (--check)."""
    from app import month_figures, statistics

    startup.open_database(args.db)
    try:
        periods = [statistics.parse_period(p) for p in args.check or []]
    except ValueError as exc:
        raise ComplaintDeskError(str(exc)) from None
    if args.rebuild:
        print(f"已重新计算 {month_figures.rebuild()} 个月的统计数字")
    elif not periods:
        months = month_figures.refresh()
        print(f"已更新 {len(months)} 个月的统计数字" if months else "统计数字已是最新")
    differ = 0
    for period in periods:
        found = statistics.check_kept(period, clock.now())
        for line in found:
            print(f"{period.title}：{line}")
        print(f"{period.title}：{'与案件不符 ' + str(len(found)) + ' 处' if found else '与案件逐项相符'}")
        differ += len(found)
    return 1 if differ else 0


def cmd_print(args) -> int:
    """One case's document (issued when --issue, else the issued copy or a draft), or a batch by status."""
    from pathlib import Path

    from app import cases
    from app.documents import issuing

    startup.open_database(args.db)
    kind = args.kind_pos or args.kind
    if not kind:
        raise ComplaintDeskError("请指定文书类型（KIND 或 --kind），如 acceptance_notice")

    if not (args.out or args.printer):
        raise ComplaintDeskError("请用 --out 指定输出位置，或用 --printer 指定打印机")
    title = tables.NOTICE_KINDS.get(kind, kind)

    def send(pdf: bytes, number: str) -> None:
        printing.send(pdf, printing.Job(args.printer, f"{number} {title}".strip(), args.copies))

    def one(case_id: int) -> tuple[bytes, str]:
        if args.issue:
            notice = issuing.issue(case_id, kind, args.delivery, args.actor or cases.current_operator(), args.recipient)
            return issuing.reprint(notice.id), notice.number
        return issuing.latest_or_draft(case_id, kind, args.recipient)

    if args.case:
        ref = cases.find_by_number(args.case)
        pdf, number = one(ref.id)
        if args.printer:
            send(pdf, number)
            print(f"{ref.case_no} {number} → {args.printer}")
        if args.out:
            write_whole(args.out, pdf)
            print(f"{ref.case_no} {number} → {args.out}")
        return 0
    if not args.status:
        raise ComplaintDeskError("批量打印请用 --status 指定状态，或给出案件号")
    folder = Path(args.out) if args.out else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    done = 0
    for case_no, number, pdf in issuing.batch(
        kind, args.status, args.issue, args.delivery, args.actor or cases.current_operator(), args.recipient
    ):
        if folder:
            write_whole(folder / f"{case_no}-{kind}.pdf", pdf)
        if args.printer:
            send(pdf, number or case_no)
        done += 1
    print(f"已输出 {done} 份 {kind} 到 {folder or args.printer}")
    return 0


def cmd_query(args) -> int:
    """What the complainant asks at the counter or by phone: case number + query code → status."""
    from app import cases
    from app.documents import issuing
    from app.models import Case
    from app.workflow import machine

    startup.open_database(args.db)
    try:
        ref = cases.find_by_number(args.case)
    except ComplaintDeskError:
        ref = None
    if ref is None or args.code.strip().upper() != issuing.query_code(ref.case_no):
        print("案件号或查询码不对，请核对投诉登记表上的号码", file=sys.stderr)
        return 1
    case = Case.get_by_id(ref.id)
    print(
        f"{case.case_no}：{machine.office_profile().states.get(case.status, case.status)}"
        f"（最近更新 {case.updated_at:%Y-%m-%d}）"
    )
    return 0


def cmd_self_test(args) -> int:
    import importlib

    from app import selftest

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed

    def report(name: str, ok: bool, detail: str) -> None:
        print(f"[{'通过' if ok else '失败'}] {name}：{detail}", flush=True)

    window = ("桌面窗口", lambda: importlib.import_module("ui.main").self_test_window())
    ok = selftest.run(report, [window])
    print(f"complaintdesk {__version__} 自检{'全部通过' if ok else '未通过'}")
    return 0 if ok else 1


def cmd_gui(args) -> int:
    import importlib

    # the desktop window lives in ui/, which app/ never imports at module level
    return importlib.import_module("ui.main").run(args.db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="complaintdesk",
        description="投诉调解工作台 ComplaintDesk：不带子命令时打开桌面窗口。",
    )
    parser.add_argument("--version", action="version", version=f"complaintdesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="把日志也打印到终端")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时文件夹中建库、登记、出具文书 PDF、导出 Excel 和档案包、打开窗口（无需显示器），全部通过返回 0",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        help=f"数据库：SQLite 文件路径，或 postgresql://用户@主机:端口/库名（默认 {db.default_path()}）",
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        default=os.environ.get("COMPLAINTDESK_USER"),
        help="有账户的数据库须登录：用户名（或环境变量 COMPLAINTDESK_USER）；"
        "密码从提示输入，或环境变量 COMPLAINTDESK_PASSWORD",
    )
    parser.add_argument("--db", metavar="URL", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="子命令")

    p = sub.add_parser("init", parents=[common], help="创建新数据库，或把旧数据库升级到当前结构")
    p.add_argument(
        "--force", action="store_true", help="SQLite：先删除已有文件再创建；有案件时须同时给出 --backup-to 并确认"
    )
    p.add_argument("--backup-to", metavar="DIR", help="--force 删除前先把数据库备份到这个新文件夹（核对通过才继续）")
    p.add_argument("--yes", action="store_true", help="不再询问（脚本用；仍须 --backup-to）")
    p.add_argument("--profile", choices=list(tables.PROFILES), help="办公室类型（默认 consumer_association）")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="填入虚构的演示案件")
    p.add_argument("--cases", type=int, default=500, metavar="N", help="案件数（默认 500）")
    p.add_argument("--seed", type=int, default=2026, help="随机种子，同一种子生成同样的数据")
    p.add_argument("--if-empty", action="store_true", help="数据库已有案件时什么也不做")
    p.add_argument("-q", "--quiet", action="store_true", help="不显示进度")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("intake", parents=[common], help="从 JSON 登记一件投诉，打印案件号")
    p.add_argument("json", metavar="FILE", help="JSON 文件（- 表示标准输入），键如 complainant.name")
    p.add_argument("--actor", default=None, help="经办人（默认当前登录名）")
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser("deadlines", parents=[common], help="以 JSON 列出未结案件的期限")
    p.add_argument("--case", metavar="NO", help="只列这一件（案件号）")
    p.add_argument("--pretty", action="store_true", help="缩进排版")
    p.set_defaults(func=cmd_deadlines)

    p = sub.add_parser("profile", parents=[common], help="查看或设置办公室类型（决定流程、期限和文书）")
    p.add_argument(
        "--set",
        metavar="CODE",
        choices=list(tables.PROFILES),
        help="repair_counter / consumer_association / market_regulator",
    )
    p.add_argument(
        "--language", choices=list(i18n.LANGUAGES), help="文书语言：zh_CN 简体中文 / zh_TW 繁體中文 / en English"
    )
    p.set_defaults(func=cmd_profile)

    p = sub.add_parser("verify", parents=[common], help="重新计算每件证据的 SHA-256，报告缺失或被改动的文件")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("attach", parents=[common], help="给案件添加一件证据")
    p.add_argument("case", metavar="CASE_NO", help="案件号")
    p.add_argument("file", metavar="FILE", help="证据文件")
    p.add_argument(
        "--kind",
        default="document",
        choices=["photo", "receipt", "contract", "chat", "audio", "video", "document", "other"],
    )
    p.add_argument("--supplier", default="complainant", choices=["complainant", "business", "office"])
    p.add_argument("--description", default="", help="说明")
    p.add_argument("--actor", default=None, help="经办人（默认当前登录名）")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser(
        "archive",
        parents=[common],
        help="导出完整档案：FILE.xlsx 为工作簿；文件夹或 FILE.zip 为档案包（工作簿、文书、证据、清单）",
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx|DIR|FILE.zip")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="登记日期起")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="登记日期止")
    p.add_argument("--full", action="store_true", help="不脱敏（含完整电话和证件号码）")
    p.set_defaults(func=cmd_archive)

    p = sub.add_parser("verify-archive", help="按清单逐一核对档案包中每个文件的大小和 SHA-256")
    p.add_argument("path", metavar="PATH", help="档案包文件夹或 .zip")
    p.set_defaults(func=cmd_verify_archive)

    p = sub.add_parser(
        "user",
        parents=[common],
        help="账户：add 添加（数据库的第一个账户须为管理员）、list 列出、disable 停用、passwd 改密码",
    )
    p.add_argument("action", choices=["add", "list", "disable", "passwd"])
    p.add_argument("username", nargs="?", metavar="USERNAME")
    p.add_argument("--name", help="姓名（显示在时间线和文书上）")
    p.add_argument("--role", default="handler", choices=list(permissions.ROLES))
    p.add_argument("--password-env", metavar="VAR", help="从环境变量 VAR 读取密码（自动化用）；否则提示输入")
    p.set_defaults(func=cmd_user)

    p = sub.add_parser(
        "secure",
        parents=[common],
        help="PostgreSQL：改为每人一个数据库登录、按角色授权、审计表归专用角色（用超级用户地址运行一次）",
    )
    p.add_argument("--admin", metavar="USERNAME", help="数据库还没有账户时：第一个管理员的用户名")
    p.add_argument("--name", help="第一个管理员的姓名")
    p.add_argument("--password-env", metavar="VAR", help="从环境变量 VAR 读取第一个管理员的密码；否则提示输入")
    p.set_defaults(func=cmd_secure)

    p = sub.add_parser(
        "verify-audit", parents=[common], help="逐条校验审计记录的哈希链，报告第一条被改动、删除或插入的记录"
    )
    p.add_argument(
        "--anchor",
        action="append",
        metavar="N:SHA256",
        help="报告或备份清单上印的审计锚点（末条编号:哈希前缀）；可重复",
    )
    p.set_defaults(func=cmd_verify_audit)

    p = sub.add_parser("import", parents=[common], help="导入旧登记簿（.xlsx，自动识别各列）或本程序导出的档案工作簿")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="只检查，不导入")
    p.add_argument("--report", metavar="REPORT.xlsx", help="把检查报告（行、列、内容、问题）保存为 Excel")
    p.add_argument("--sheet", help="工作表名（默认第一张）")
    p.add_argument(
        "--map",
        action="append",
        metavar="项目=列名",
        help="指定某项目取自哪一列，如 complainant.phone=手机；列名留空表示不导入；可重复",
    )
    p.set_defaults(func=cmd_import)

    for name, text in (
        ("report", "统计报告：FILE.pdf 为带图表的报告，FILE.xlsx 为统计工作簿"),
        ("stats", "统计工作簿或报告（同 report）"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("--period", metavar="PERIOD", help="登记期间：2026-10（月）、2026-Q4（季度）、2026（年）")
        p.add_argument("--month", metavar="YYYY-MM", help=argparse.SUPPRESS)  # the first spelling, kept
        p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
        p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "figures", parents=[common], help="按月保存的统计数字：更新、全部重算（--rebuild）或与案件核对（--check）"
    )
    p.add_argument("--rebuild", action="store_true", help="从案件重新计算每个月")
    p.add_argument(
        "--check",
        action="append",
        metavar="PERIOD",
        help="核对某期间（2026-10、2026-Q4、2026）保存的数字与案件直接统计是否一致；可重复",
    )
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("backup", parents=[common], help="备份数据库和证据（使用中也可备份）")
    p.add_argument("--out", required=True, metavar="DIR", help="备份写入的新文件夹")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="把备份恢复到一个空的新数据库")
    p.add_argument("--from", dest="source", required=True, metavar="DIR", help="备份文件夹")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("export", parents=[common], help="把登记簿（按筛选和排序）导出为 Excel")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--status", help="状态代码，如 mediating")
    p.add_argument("--category", help="类别代码，如 quality")
    p.add_argument("--text", help="搜索词")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="登记日期起")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="登记日期止")
    p.add_argument("--sort", default="received_at", help="排序列（默认 received_at）")
    p.add_argument("--desc", action="store_true", help="倒序")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("print", parents=[common], help="输出文书 PDF：一件案件（CASE_NO KIND），或按 --status 批量")
    p.add_argument("case", metavar="CASE_NO", nargs="?", help="案件号（批量时省略）")
    p.add_argument("kind_pos", metavar="KIND", nargs="?", help="文书类型，如 acceptance_notice")
    p.add_argument("--kind", help="文书类型（批量时用）")
    p.add_argument("--status", help="批量：这一状态的全部案件")
    p.add_argument("--out", metavar="FILE.pdf|DIR", help="写成 PDF 文件（批量时为文件夹）")
    p.add_argument("--printer", metavar="QUEUE", help="送 CUPS 打印机（PDF 原样送出，打印任务以文号命名）")
    p.add_argument("--copies", type=int, default=1, help="份数（送打印机时）")
    p.add_argument(
        "--issue", action="store_true", help="正式出具（编号、存档、记入时间线）；否则输出已出具的文书或草稿"
    )
    p.add_argument("--delivery", default="in_person", choices=list(tables.DELIVERY))
    p.add_argument("--recipient", choices=["complainant", "business", "both"], help="送达对象（默认按文书类型）")
    p.add_argument("--actor", default=None, help="经办人（默认当前登录名）")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("query", parents=[common], help="凭案件号和查询码（投诉登记表上）查询办理状态")
    p.add_argument("case", metavar="CASE_NO")
    p.add_argument("code", metavar="CODE", help="查询码")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("gui", parents=[common], help="打开桌面窗口（默认）")
    p.set_defaults(func=cmd_gui)
    return parser


# the window signs in itself; verify-archive reads a package, not a database; query is the
# complainant's own status look-up by case number and query code
WITHOUT_SIGN_IN = {None, "gui", "verify-archive", "query", "secure"}


def sign_in(args) -> None:
    """On a database with accounts the command line acts as a person, under the same matrix as
    the window: `--user NAME`, the password from COMPLAINTDESK_PASSWORD or a prompt. Without
    accounts (a one-PC counter) it acts as the local operator, as before. On a secured shared
    database the person is the PostgreSQL login: `--user` connects as it, or the address names
    it; a database administrator's address acts as the local operator."""
    from app import accounts, database_roles

    if args.command in WITHOUT_SIGN_IN or getattr(args, "self_test", False):
        return
    location = db.parse_location(getattr(args, "db", None))
    if location.kind == "sqlite" and not location.path.exists():
        return  # a new database has nobody to be
    try:
        startup.open_database(args.db)
    except DatabaseError as exc:
        if location.kind != "postgresql" or not args.user or not db.refused_login(exc):
            raise
        startup.sign_in(args.db, args.user, _password(args))
        return
    if database_roles.is_secured():
        if accounts.adopt_login() is None and args.user:
            accounts.sign_in(args.user, _password(args))
        return
    if accounts.needs_first_admin():
        return
    if not args.user:
        raise ComplaintDeskError(
            "此数据库设有账户：请用 --user 用户名 登录（密码从提示输入，或环境变量 COMPLAINTDESK_PASSWORD）"
        )
    accounts.sign_in(args.user, _password(args))


def _password(args) -> str:
    password = os.environ.get("COMPLAINTDESK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ComplaintDeskError("没有密码：请在提示处输入，或设置环境变量 COMPLAINTDESK_PASSWORD")
        import getpass

        password = getpass.getpass(f"{args.user} 的密码：")
    return password


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    if args.self_test:
        args.func = cmd_self_test
    elif args.command is None:
        args.func = cmd_gui
    if args.command == "demo" and args.cases < 1:
        parser.error("--cases 应为正整数")
    try:
        sign_in(args)
        return args.func(args)
    except ComplaintDeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line for the user, traceback in the log
        log.exception("unexpected error in %s", args.command)
        print(f"内部错误：{exc}（详情见日志 {_log_file()}）", file=sys.stderr)
        return 2
    finally:
        audit.keep_anchor()
        db.close()


if __name__ == "__main__":
    sys.exit(main())

"""The register exported as shown: typed values, order, filter; cancel leaves no file."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from app import demo, register
from app.archives import excel
from app.errors import Cancelled
from app.register import RegisterFilter
from app.workflow import machine


@pytest.fixture
def filled(database):
    machine.set_office_profile("market_regulator")
    demo.generate(150, seed=8)
    return database


def test_export_matches_the_register_with_real_dates_and_numbers(filled, tmp_path):
    flt = RegisterFilter(category="quality")
    out = tmp_path / "登记簿.xlsx"
    rows = excel.export_register(flt, "amount", True, out)
    expected = register.page(flt, "amount", True, None, 10_000)
    assert rows == len(expected) > 0
    sheet = load_workbook(out).active
    assert sheet.title == "案件登记簿" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{rows + 1}"
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [c.label for c in register.COLUMNS]
    assert [v[0] for v in values[1:]] == [r.case_no for r in expected]  # the register's order
    first = values[1]
    assert isinstance(first[1], dt.datetime)
    assert first[8] == pytest.approx((expected[0].amount_fen or 0) / 100) and isinstance(first[8], (int, float))
    assert first[3] == "产品质量" and "****" in first[5]  # labels, masked phone
    assert all(v[3] == "产品质量" for v in values[1:])


def test_cancel_leaves_no_file(filled, tmp_path):
    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        excel.export_register(RegisterFilter(), "received_at", True, out, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_only_xlsx(filled, tmp_path):
    with pytest.raises(excel.ExportError, match="xlsx"):
        excel.export_register(RegisterFilter(), "received_at", True, tmp_path / "x.csv")


def test_full_archive_has_a_sheet_per_kind_masked_by_default(filled, tmp_path):
    from app import cases, evidence, records
    from app.models import Case, Event, Investigation, MediationSession
    from tests.app.test_evidence import png

    case = Case.select().order_by(Case.id).first()
    records.add(case.id, "investigation", {"held_on": "2026-11-01", "checked": "核对发票", "cause": "other"}, "王芳")
    evidence.add_bytes(case.id, png(), "票据.png", "receipt", "complainant", "王芳")
    machine.issue_notice(case.id, "acceptance_notice", "sms", "王芳", number="受〔2026〕1号")
    machine.issue_notice(case.id, "mediation_notice", "post", "王芳", recipient="both", number="调〔2026〕1号")
    records.add(
        case.id,
        "remedy",
        {"kind": "refund", "amount": "2400", "by_whom": "business", "what": "退还货款", "due_on": "2026-12-16"},
        "赵调解",
    )
    records.add(
        case.id,
        "follow_up",
        {"held_on": "2026-11-20", "method": "phone", "satisfaction": "4", "remarks": "认可"},
        "王芳",
    )
    out = tmp_path / "archive.xlsx"
    assert excel.export_archive(out) == 150
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == [
        "案件",
        "投诉人",
        "经营者",
        "购买",
        "时间线",
        "调查与调解",
        "协议条款",
        "回访",
        "接机",
        "维修记录",
        "证据索引",
        "文书",
    ]
    term = next(book["协议条款"].iter_rows(min_row=2, values_only=True))
    assert term[2:7] == ("经营者", "退款", 2400, "退还货款", dt.datetime(2026, 12, 16)) and term[7] is None  # unpaid
    assert next(book["回访"].iter_rows(min_row=2, values_only=True))[2:5] == ("电话", "4 满意", "认可")
    assert "双方当事人" in [r[5] for r in book["文书"].iter_rows(min_row=2, values_only=True)]  # a label, not `both`

    def count(name):
        return sum(1 for _ in book[name].iter_rows(min_row=2))

    assert count("案件") == count("投诉人") == count("经营者") == count("购买") == 150
    assert count("时间线") == Event.select().count()
    records_kept = Investigation.select().count() + MediationSession.select().count()
    assert records_kept > 1  # the demo's investigations and the one above
    assert count("调查与调解") == records_kept and count("证据索引") == 1 and count("文书") == 2
    case_rows = list(book["案件"].iter_rows(min_row=2, values_only=True))
    assert isinstance(case_rows[0][1], dt.datetime)
    phones = [r[2] for r in book["投诉人"].iter_rows(min_row=2, values_only=True)]
    assert all("****" in p for p in phones)
    evidence_row = next(book["证据索引"].iter_rows(min_row=2, values_only=True))
    assert evidence_row[8] == evidence.items(case.id)[0].sha256
    record = cases.load(case.id)
    full = tmp_path / "full.xlsx"
    excel.export_archive(full, RegisterFilter(text=case.case_no), full_values=True)
    rows = list(load_workbook(full, read_only=True)["投诉人"].iter_rows(min_row=2, values_only=True))
    assert rows == [
        (
            case.case_no,
            record.values["complainant.name"],
            cases.reveal(case.id)["complainant.phone"],
            record.values["complainant.address"],
            "未登记",
            None,
            None,
            None,
            "否",
        )
    ]  # empty cells stay empty; a yes/no field says no


def test_archive_cancel_leaves_no_file(filled, tmp_path):
    out = tmp_path / "a.xlsx"
    with pytest.raises(Cancelled):
        excel.export_archive(out, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("chunk", [5000, 1], ids=["from-the-selected-cases", "walking-each-sheet"])
def test_an_archive_of_some_cases_holds_those_cases_whichever_way_its_pages_are_read(
    filled, tmp_path, monkeypatch, chunk
):
    """Each sheet's page is found from the selected cases (few) or by walking the sheet's rows
    (many, `+ 0`); all cases need no condition. Each way holds exactly the selected cases, with
    every event of each."""
    from app.models import Case, Event

    choose = excel._selection
    monkeypatch.setattr(excel, "_selection", lambda flt, total: choose(flt, total, chunk))
    flt = RegisterFilter(category="quality")
    chosen = {row.id for row in register.page(flt, "received_at", True, None, 10_000)}
    numbers = {c.case_no for c in Case.select(Case.case_no).where(Case.id.in_(list(chosen)))}
    out = tmp_path / "some.xlsx"
    assert excel.export_archive(out, flt) == len(chosen) > 0
    book = load_workbook(out, read_only=True)
    sheet_cases = {
        title: [r[0] for r in book[title].iter_rows(min_row=2, values_only=True)] for title in ("案件", "时间线")
    }
    book.close()
    assert sorted(sheet_cases["案件"]) == sorted(numbers)
    assert len(sheet_cases["时间线"]) == Event.select().where(Event.case.in_(list(chosen))).count()
    assert set(sheet_cases["时间线"]) == numbers


@pytest.mark.parametrize(
    "typed, kept, quoted",
    [
        ("空调不制冷", "空调不制冷", False),
        ("=1+1", "=1+1", True),
        ("+王五", "+王五", True),
        ("-3", "-3", True),
        ("@SUM(A1)", "@SUM(A1)", True),
        ("\t制表开头", "\t制表开头", True),
        ("x=1", "x=1", False),
        ("第一行\n第二行", "第一行\n第二行", False),  # not printable, yet nothing to change
        ("\u200b零宽空格", "\u200b零宽空格", False),
        ("旧数据\x1b[31m带\x07", "旧数据\ufffd[31m带\ufffd", False),
        ("=\x07", "=\ufffd", True),
        ("𠀋👍 王%芳 %s", "𠀋👍 王%芳 %s", False),
    ],
)
def test_every_text_a_sheet_writer_writes_is_checked(tmp_path, typed, kept, quoted):
    """text_rows settles printable texts by their first character; a text it lets through
    unchanged must need no change, and one it changes must read back as text_cell made it."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    excel.text_rows(book.create_sheet("表"))([typed, "后"])
    book.save(tmp_path / "t.xlsx")
    cell = load_workbook(tmp_path / "t.xlsx")["表"]["A1"]
    assert (cell.value, cell.data_type, bool(cell.quotePrefix)) == (kept, "s", quoted)


def test_a_stored_date_the_archive_cannot_read_is_written_as_the_text_it_is(filled, tmp_path):
    """Data from before the field checks (or typed into the file by hand) may hold a date that
    is no date: the archive still writes, that cell as the stored text, the others as dates.
    SQLite keeps what it is given; PostgreSQL's date column refuses such a value."""
    from app import db
    from app.models import Case, Complaint, database

    if db.is_postgres():
        pytest.skip("a PostgreSQL date column holds only dates")
    first, second = [c.id for c in Case.select(Case.id).order_by(Case.id).limit(2)]
    database.execute_sql("UPDATE complaint SET harm_known_date = '2024-13-45' WHERE case_id = ?", [first])
    Complaint.update(harm_known_date=dt.date(2024, 2, 29)).where(Complaint.case == second).execute()
    out = tmp_path / "档案.xlsx"
    excel.export_archive(out)
    sheet = load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = list(rows[0]).index("知道权益受损日期")
    by_case = {r[0]: r[column] for r in rows[1:]}
    numbers = {c.id: c.case_no for c in Case.select().where(Case.id.in_([first, second]))}
    assert by_case[numbers[first]] == "2024-13-45"
    assert by_case[numbers[second]] == dt.datetime(2024, 2, 29)

"""Legacy registers and archive workbooks imported: mapping guessed, every bad row named,
all or nothing, re-import adds nothing, an archive round trip gives back every case."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app import cases, db, demo, records, startup
from app.archives import excel, importer, sheets
from app.errors import ComplaintDeskError
from app.models import Business, Case, Complainant, Complaint, Event, ImportedRow, JSONField, Purchase
from app.register import RegisterFilter
from app.workflow import machine
from tests.legacy import HEADER, legacy_rows, spoil, write_legacy


def test_mapping_is_guessed_from_merged_two_row_headers(tmp_path):
    table = importer.read_table(write_legacy(tmp_path / "旧.xlsx", legacy_rows(3)))
    assert table.headers[:5] == ["登记编号", "登记日期", "投诉人姓名", "投诉人联系电话", "被投诉方"]
    assert [n for n, _ in table.rows] == [4, 5, 6]  # Excel row numbers, after the title and header
    mapping = importer.guess_mapping(table.headers)
    expect = {
        "external_key": 0,
        "received_at": 1,
        "complainant.name": 2,
        "complainant.phone": 3,
        "business.name": 4,
        "purchase.product": 5,
        "purchase.amount": 6,
        "complaint.category": 7,
        "complaint.facts": 8,
        "status": 9,
        "handler": 10,
    }
    assert {k: v for k, v in mapping.items() if v is not None} == expect


def test_english_headers_are_understood():
    mapping = importer.guess_mapping(["Case No", "Date received", "Name", "Phone", "Company", "Description"])
    assert mapping["external_key"] == 0 and mapping["received_at"] == 1 and mapping["complainant.name"] == 2
    assert mapping["complainant.phone"] == 3 and mapping["business.name"] == 4 and mapping["complaint.facts"] == 5


@pytest.mark.parametrize(
    "cell, expected",
    [
        (46086, dt.date(2026, 3, 5)),
        ("2026年3月5日", dt.date(2026, 3, 5)),
        ("2026/3/5", dt.date(2026, 3, 5)),
        ("2026-03-05", dt.date(2026, 3, 5)),
        (dt.datetime(2026, 3, 5, 14, 30), dt.date(2026, 3, 5)),
        ("2026-03-05 14:30", dt.date(2026, 3, 5)),
    ],
)
def test_dates_in_every_form(cell, expected):
    assert importer.to_date(cell) == expected


def test_time_of_day_is_kept():
    assert importer.to_datetime("2026/3/5 14:30") == dt.datetime(2026, 3, 5, 14, 30)
    assert importer.to_datetime(46086.5) == dt.datetime(2026, 3, 5, 12, 0)


def test_ten_bad_rows_among_a_thousand_are_named_and_nothing_is_imported(database, tmp_path):
    rows = legacy_rows(1000)
    spoiled = spoil(rows, [17, 99, 150, 233, 401, 512, 640, 777, 888, 999])
    path = write_legacy(tmp_path / "登记簿.xlsx", rows)
    table = importer.read_table(path)
    mapping = importer.guess_mapping(table.headers)
    report, _ = importer.check(table, mapping)
    assert report.bad_rows == sorted(spoiled)
    for problem in report.problems:  # each names the spoiled column
        assert problem.column == table.headers[spoiled[problem.row]]
    assert report.ready == 990
    with pytest.raises(importer.ImportRejected) as rejected:
        importer.import_table(table, mapping)
    assert rejected.value.report.bad_rows == sorted(spoiled)
    assert Case.select().count() == 0 and Complainant.select().count() == 0  # nothing at all

    saved = importer.save_report(report, tmp_path / "检查报告.xlsx")
    lines = list(load_workbook(saved, read_only=True)["检查报告"].iter_rows(min_row=2, values_only=True))
    assert sorted({line[0] for line in lines}) == sorted(spoiled)
    assert all(line[3] for line in lines)

    fixed = legacy_rows(1000)  # the clerk fixes the file
    table = importer.read_table(write_legacy(tmp_path / "登记簿.xlsx", fixed))
    report = importer.import_table(table, mapping)
    assert report.imported == Case.select().count() == 1000
    again = importer.import_table(importer.read_table(tmp_path / "登记簿.xlsx"), mapping)
    assert again.imported == 0 and again.already == 1000 and Case.select().count() == 1000


def test_imported_cases_carry_their_dates_statuses_and_a_timeline(database, tmp_path):
    machine.set_office_profile("consumer_association")
    rows = legacy_rows(6)
    table = importer.read_table(write_legacy(tmp_path / "旧.xlsx", rows))
    report = importer.import_table(table, importer.guess_mapping(table.headers), actor="导入员")
    first = cases.load(cases.find_by_number(report.case_nos[0]).id)
    assert cases.reveal(first.id)["complainant.phone"] == "13800000000"  # from a number cell, not 13800000000.0
    assert first.values["complaint.category"] == "quality" and first.values["complaint.channel"] == "walk_in"

    def day(cell):  # what each of the five date forms of the legacy file means
        if isinstance(cell, int):
            return dt.date(1899, 12, 30) + dt.timedelta(days=cell)
        if isinstance(cell, dt.date):
            return cell
        y, m, d = (int(x) for x in cell.replace("年", "-").replace("月", "-").rstrip("日").replace("/", "-").split("-"))
        return dt.date(y, m, d)

    received = [Case.get(Case.case_no == n).received_at for n in report.case_nos]
    assert [r.date() for r in received] == [day(row[1]) for row in rows]
    assert all(n.startswith(f"TS-{r.year}-") for n, r in zip(report.case_nos, received))
    statuses = [Case.get(Case.case_no == n).status for n in report.case_nos]
    assert statuses[:3] == ["received", "accepted", "closed"]
    timeline = cases.timeline(cases.find_by_number(report.case_nos[0]).id)
    assert any("旧.xlsx 第 4 行" in (e.note or "") for e in timeline)
    assert ImportedRow.select().count() == 6


def test_a_file_without_the_essential_columns_is_refused(database, tmp_path):
    book = Workbook()
    book.active.append(["日期", "备注"])
    book.active.append(["2026-01-01", "x"])
    book.save(tmp_path / "x.xlsx")
    table = importer.read_table(tmp_path / "x.xlsx")
    with pytest.raises(importer.ImportFailed, match="投诉人·姓名"):
        importer.check(table, importer.guess_mapping(table.headers))


def test_not_a_workbook_is_a_message(tmp_path):
    (tmp_path / "x.xlsx").write_text("hello")
    with pytest.raises(importer.ImportFailed, match="不是有效的 .xlsx"):
        importer.read_table(tmp_path / "x.xlsx")


def _snapshot() -> dict:
    """Every case with its parties, purchase and timeline, keyed by case number."""
    out = {}
    for c in Case.select().order_by(Case.case_no):

        def plain(row, *skip):
            return {k: v for k, v in row.__data__.items() if k not in ("id", "version", "case", *skip)}

        events = sorted(
            (
                e.at,
                e.actor,
                e.kind,
                e.field,
                e.old_value,
                e.new_value,
                e.from_status,
                e.to_status,
                e.reason,
                e.note,
                JSONField.dump(e.data),
            )
            for e in Event.select().where(Event.case == c.id)
        )
        out[c.case_no] = dict(
            case=plain(c, "complainant", "business", "earlier_case"),
            earlier=c.earlier_case.case_no if c.earlier_case_id else None,
            complainant=plain(Complainant.get_by_id(c.complainant_id), "phone_hash", "id_hash"),  # salted per database
            business=plain(Business.get_by_id(c.business_id)),
            purchase=plain(Purchase.get(Purchase.case == c.id)),
            complaint=plain(Complaint.get(Complaint.case == c.id)),
            events=events,
        )
    return out


def test_archive_round_trip_gives_back_every_case_party_event_and_amount(db_url, new_pg_database, tmp_path):
    source = startup.open_database(db_url)
    machine.set_office_profile("consumer_association")
    demo.generate(120, seed=11)
    first, second = [c.id for c in Case.select().order_by(Case.id).limit(2)]
    record = cases.load(first)
    cases.edit(
        first,
        {
            "complainant.agent_name": "李四",
            "complainant.agent_phone": "13912345678",
            "complaint.demand_note": "退一赔三",
            "case.earlier_case": Case.get_by_id(second).case_no,
        },
        record.versions,
        actor="王芳",
    )
    records.add(first, "investigation", {"held_on": "2026-11-01", "checked": "核对发票", "cause": "other"}, "王芳")
    before = _snapshot()
    out = tmp_path / "档案.xlsx"
    excel.export_archive(out, full_values=True)
    db.close()
    target = (tmp_path / "empty.db").as_posix() if not db.is_postgres(source) else new_pg_database()
    startup.open_database(target)
    machine.set_office_profile("consumer_association")
    assert importer.is_archive(out)
    report = importer.import_archive(out)
    assert report.imported == 120
    after = _snapshot()
    assert after.keys() == before.keys()
    for no in before:
        assert after[no] == before[no], no
    again = importer.import_archive(out)
    assert again.imported == 0 and again.already == 120
    year, seq = cases.parse_case_no(max(before))
    ref = cases.intake(
        __import__("tests.factories", fromlist=["x"]).intake_values(), now=dt.datetime(year, 12, 31, 9, 0)
    )
    assert cases.parse_case_no(ref.case_no)[1] > max(
        cases.parse_case_no(n)[1] for n in before if n.startswith(f"TS-{year}-")
    )


def test_a_masked_archive_cannot_be_restored(database, tmp_path):
    demo.generate(5, seed=3)
    out = tmp_path / "a.xlsx"
    excel.export_archive(out)
    with pytest.raises(importer.ImportRejected) as rejected:
        importer.import_archive(out)
    assert "遮蔽" in rejected.value.report.problems[0].problem


CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.text(st.characters(exclude_categories=()), max_size=40),  # NUL, controls, lone surrogates included
    st.sampled_from(
        [
            '=HYPERLINK("http://x","点我")',
            "+1+2",
            "-3",
            "@SUM(A1)",
            "\t=1",
            "2026年2月30日",
            "13800000000",
            "已办结",
            "产品质量",
            "3,299.00",
            "１２３",
        ]
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10), CELL), max_size=4), seed=st.integers(0, 10**6))
def test_any_register_rows_import_or_are_refused_with_reasons(sqlite_db, tmp_path_factory, changes, seed):
    """Issue 15: whatever a legacy register holds, the import names each bad cell or writes the
    cases; it never fails with a traceback, and what it wrote exports as text, never as a formula.
    (Run once with max_examples=10000: no exception.)"""
    rows = legacy_rows(3, seed)  # good rows, a few cells replaced by anything at all
    for row, column, value in changes:
        rows[row][column] = value
    table = importer.Table(
        "fuzz.xlsx", "登记簿", [f"{g}{s or ''}" for g, s in HEADER], [(4 + i, tuple(r)) for i, r in enumerate(rows)]
    )
    try:
        report = importer.import_table(table, importer.guess_mapping(table.headers), actor="导入员")
    except importer.ImportRejected as exc:
        assert exc.report.problems and all(p.problem for p in exc.report.problems)
        event("refused with reasons")
        return
    except ComplaintDeskError:
        return
    out = tmp_path_factory.mktemp("x") / "register.xlsx"
    excel.export_register(RegisterFilter(), "received_at", True, out)
    sheet = load_workbook(out).active
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert len(report.case_nos) <= len(rows)
    event("imported")


def test_an_archive_with_the_earlier_headers_is_still_restored_and_a_foreign_column_is_named(database, tmp_path):
    """Archives written before the workbook followed the field table said 电话, 地址, 类别…"""
    demo.generate(6, seed=5)
    out = tmp_path / "a.xlsx"
    excel.export_archive(out, full_values=True)
    book = load_workbook(out)
    for title, old in sheets.LEGACY_HEADERS.items():
        new_to_old = {new: was for was, new in old.items()}
        for cell in book[title][1]:
            cell.value = new_to_old.get(cell.value, cell.value)
    book.save(out)
    assert book["投诉人"]["C1"].value == "电话"
    db.close()
    startup.open_database((tmp_path / "other.db").as_posix())
    machine.set_office_profile("consumer_association")
    assert importer.import_archive(out).imported == 6

    book["购买"]["C1"].value = "颜色"  # 品牌 replaced by a column this program never wrote
    book.save(out)
    with pytest.raises(importer.ImportFailed, match="缺少品牌；多出颜色"):
        importer.check_archive(out)

"""Personal numbers (RULES.md 6) kept whole in one table and masked everywhere else, on both
databases: intake, edit, the timeline, search, duplicates, an upgrade, a backup and restore."""

from __future__ import annotations

import pytest

from app import cases, db, duplicates, register, startup
from app.archives import backup
from app.errors import ValidationFailed
from app.models import Complainant, Event, PersonalNumbers, RegisterEntry, SchemaVersion
from app.register import RegisterFilter
from tests.factories import intake_values

ID = "11010519491231002X"


def stored_phone(case_id: int) -> str:
    return (
        Complainant.select(Complainant.phone)
        .join(cases.Case, on=(cases.Case.complainant == Complainant.id))
        .where(cases.Case.id == case_id)
        .scalar()
    )


def test_only_one_table_holds_the_full_numbers(database):
    ref = cases.intake(intake_values(complainant__id_type="resident_id", complainant__id_number=ID))
    assert stored_phone(ref.id) == "138****5678"
    assert RegisterEntry.get_by_id(ref.id).phone == "138****5678"
    record = cases.load(ref.id)
    assert (
        record.values["complainant.phone"] == "138****5678"
        and record.values["complainant.id_number"] == "110105********002X"
    )
    assert cases.reveal(ref.id) == {
        "complainant.phone": "13812345678",
        "complainant.id_number": ID,
        "complainant.agent_phone": "",
    }
    # found by the whole number (its hash) and by the last four digits, never by the stored text
    assert register.count(RegisterFilter(text="13812345678")) == 1 and register.count(RegisterFilter(text="5678")) == 1
    assert ref.case_no in [
        r.case_no for r in duplicates.check(intake_values(complainant__phone="138 1234 5678")).related
    ]


def test_an_edited_number_stays_masked_in_the_timeline(database):
    ref = cases.intake(intake_values())
    record = cases.load(ref.id)
    cases.edit(ref.id, {"complainant.phone": "139 0000 1111"}, record.versions)
    event = Event.select().where(Event.field == "complainant.phone").get()
    assert (event.old_value, event.new_value) == ("138****5678", "139****1111")
    assert cases.reveal(ref.id)["complainant.phone"] == "13900001111"
    assert (
        register.count(RegisterFilter(text="13900001111")) == 1
        and register.count(RegisterFilter(text="13812345678")) == 0
    )
    # another field saved later does not trip over the masked copy
    cases.edit(ref.id, {"complainant.address": "杭州市滨江区 1 号"}, cases.load(ref.id).versions)
    assert cases.reveal(ref.id)["complainant.phone"] == "13900001111"


def test_changing_the_id_type_asks_for_the_number_again(database):
    ref = cases.intake(intake_values(complainant__id_type="resident_id", complainant__id_number=ID))
    with pytest.raises(ValidationFailed) as caught:
        cases.edit(ref.id, {"complainant.id_type": "passport"}, cases.load(ref.id).versions)
    assert "重新填写完整的证件号码" in caught.value.errors["complainant.id_number"]


def test_an_older_database_moves_its_numbers_apart_when_opened(db_url):
    """A v11 database kept the numbers in the complainant row, the register and the timeline."""
    conn = startup.open_database(db_url)
    ref = cases.intake(intake_values(complainant__agent_name="李四", complainant__agent_phone="0571-88886666"))
    cases.edit(ref.id, {"complainant.phone": "13900001111"}, cases.load(ref.id).versions)
    conn.execute_sql("DROP TABLE personal_numbers")
    Complainant.update(phone="13900001111", agent_phone="0571-88886666").execute()
    RegisterEntry.update(phone="13900001111").execute()
    Event.update(old_value="13812345678", new_value="13900001111").where(Event.field == "complainant.phone").execute()
    SchemaVersion.update(version=11).execute()
    db.close()

    startup.open_database(db_url)
    assert stored_phone(ref.id) == "139****1111" and RegisterEntry.get_by_id(ref.id).phone == "139****1111"
    assert Complainant.get().agent_phone == "0571-****6666"
    event = Event.select().where(Event.field == "complainant.phone").get()
    assert (event.old_value, event.new_value) == ("138****5678", "139****1111")
    assert cases.reveal(ref.id)["complainant.agent_phone"] == "0571-88886666"
    assert PersonalNumbers.select().count() == 1
    db.close()


def test_a_backup_carries_the_numbers_to_the_restored_database(database, tmp_path):
    ref = cases.intake(intake_values())
    made = backup.backup(tmp_path / "备份")
    db.close()
    backup.restore(made.path, str(tmp_path / "restored.db"))
    startup.open_database(str(tmp_path / "restored.db"))
    assert cases.reveal(ref.id)["complainant.phone"] == "13812345678"
    assert register.count(RegisterFilter(text="13812345678")) == 1  # the salt came along, so the hash still matches

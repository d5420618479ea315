import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import checks
from app.errors import FieldError
from tests.factories import VALID_ID, VALID_USCC


def test_resident_id_accepts_valid_and_lowercase_x():
    assert checks.resident_id(VALID_ID) == VALID_ID
    assert checks.resident_id(VALID_ID.lower()) == VALID_ID


@pytest.mark.parametrize(
    "value, reason",
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期不存在"),
        ("1101051949123100", "18 位"),
        ("11010519491231A02X", "前 17 位"),
    ],
)
def test_resident_id_reasons(value, reason):
    with pytest.raises(FieldError, match=reason):
        checks.resident_id(value)


def test_resident_id_birth_in_future_refused():
    body = "11010520991231002"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    with pytest.raises(FieldError, match="晚于今天"):
        checks.resident_id(body + check, today=dt.date(2026, 11, 23))


def test_old_15_digit_id_has_no_check_char():
    assert checks.resident_id("110105491231002") == "110105491231002"


def test_uscc():
    assert checks.uscc(VALID_USCC.lower()) == VALID_USCC
    with pytest.raises(FieldError, match="校验位"):
        checks.uscc(VALID_USCC[:-1] + "4")
    with pytest.raises(FieldError, match="无效字符"):
        checks.uscc("91350100M000100I43")
    with pytest.raises(FieldError, match="18 位"):
        checks.uscc("913501")


@pytest.mark.parametrize("value", ["13812345678", "+8613812345678", "008619912345678", "010-12345678", "07551234567"])
def test_phone_valid(value):
    assert checks.phone(value) == value


@pytest.mark.parametrize("value", ["12812345678", "1381234567", "abc", "12345"])
def test_phone_invalid(value):
    with pytest.raises(FieldError):
        checks.phone(value)


@pytest.mark.parametrize("text", ["2026-03-05", "2026/3/5", "2026年3月5日", "20260305", "2026.3.5"])
def test_dates_in_clerk_forms(text):
    assert checks.date(text) == dt.date(2026, 3, 5)


def test_date_that_does_not_exist():
    with pytest.raises(FieldError, match="不存在"):
        checks.date("2026-02-30")


@pytest.mark.parametrize("text, fen", [("12", 1200), ("12.5", 1250), ("1,299.00", 129900), ("0", 0), ("3元", 300)])
def test_amounts(text, fen):
    assert checks.amount_fen(text) == fen


@pytest.mark.parametrize(
    "text, reason",
    [
        ("-1", "负数"),
        ("1.234", "两位小数"),
        ("abc", "数字"),
        ("nan", "数字"),
        ("100000000000000000000000000", "过大"),
        ("1e30", "过大"),
    ],
)  # found by fuzzing
def test_bad_amounts(text, reason):
    with pytest.raises(FieldError, match=reason):
        checks.amount_fen(text)


def test_masking():
    assert checks.mask_phone("13812341234") == "138****1234"
    assert checks.mask_id("11010519491231002X") == "110105********002X"


FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def test_full_width_numbers_are_the_same_numbers_stored_in_ascii():
    assert checks.resident_id(VALID_ID.translate(FULL_WIDTH)) == VALID_ID
    assert checks.resident_id(VALID_ID.lower().translate(FULL_WIDTH)) == VALID_ID
    assert checks.uscc(VALID_USCC.lower().translate(FULL_WIDTH)) == VALID_USCC
    assert checks.phone("１３８ １２３４ ５６７８") == "13812345678"
    assert checks.phone("０５７１－８８８８８８８８") == "0571-88888888"
    assert checks.phone("＋８６１３８１２３４５６７８") == "+8613812345678"
    assert checks.amount_fen("１，２９９．５０元") == 129950
    assert checks.date("２０２６年３月５日") == dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    "check, value",
    [
        (checks.resident_id, VALID_ID[:5] + "٣" + VALID_ID[6:]),  # an Arabic-Indic three
        (checks.resident_id, VALID_ID[:16] + "²" + VALID_ID[17]),  # a superscript two
        (checks.resident_id, "①" * 15),
        (checks.uscc, VALID_USCC[:17] + "٣"),
        (checks.phone, "138١٢٣٤٥٦٧٨"),
        (checks.phone, "¹³⁸¹²³⁴⁵⁶⁷⁸"),
        (checks.amount_fen, "١٢٩٩"),
        (checks.date, "٢٠٢٦-٠٣-٠٥"),
    ],
)
def test_digits_of_other_scripts_are_refused_with_the_fields_message(check, value):
    with pytest.raises(FieldError):
        check(value)


@settings(max_examples=2000, deadline=None)
@given(text=st.text(st.characters(exclude_categories=()), max_size=24))
def test_the_validators_say_field_error_or_give_an_ascii_value_for_any_text(text):
    for check in (checks.resident_id, checks.uscc, checks.phone):
        try:
            value = check(text)
        except FieldError:
            continue
        assert value.isascii() and value == value.strip()


@settings(max_examples=1000, deadline=None)
@given(text=st.text(st.sampled_from("0123456789Xx-+ 　０１２３４５６７８９ＸＸ－＋٣²①"), min_size=10, max_size=20))
def test_the_validators_on_number_like_text(text):
    for check in (checks.resident_id, checks.uscc, checks.phone):
        try:
            assert check(text).isascii()
        except FieldError:
            pass

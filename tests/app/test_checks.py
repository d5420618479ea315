import datetime as dt

import pytest

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

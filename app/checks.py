"""Format checks of RULES.md section 5. Each returns the clean value or raises FieldError.

What a clerk types with a Chinese input method in full-width mode (１３８…, ９１３５…, －) is the
same number: it is folded to ASCII before the check and stored folded, so the duplicate check
hashes one form. Digits of other scripts (٣, ³, ①) look like digits to Python but are not
what any form of the number contains: they are refused with the field's own message.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from app import clock
from app.errors import FieldError

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_MOBILE = re.compile(r"^(?:\+86|0086)?1[3-9]\d{9}$", re.ASCII)
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$", re.ASCII)
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$", re.ASCII),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$", re.ASCII),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII),
)
# full-width ASCII (U+FF01–FF5E) and the ideographic space → their ASCII forms
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def folded(text: str) -> str:
    """Full-width letters, digits and signs as ASCII; everything else as typed."""
    return text.translate(_FULL_WIDTH)


def _digits(text: str) -> bool:
    """Only the ASCII digits 0–9 (str.isdigit also says yes to ٣, ³ and ①)."""
    return text.isascii() and text.isdigit()


def resident_id(text: str, today: dt.date | None = None) -> str:
    """Mainland resident ID: 18 chars with check char, or the old 15-digit form."""
    value = folded(text).strip()
    value = value.upper() if value.isascii() else value  # "ß".upper() would lengthen it
    today = today or clock.today()
    if len(value) == 15:
        if not _digits(value):
            raise FieldError("15 位身份证号只能由数字组成")
        _birth_date("19" + value[6:12], today)
        return value
    if len(value) != 18:
        raise FieldError("身份证号应为 18 位，现为 {n} 位", n=len(value))
    if not _digits(value[:17]) or not (_digits(value[17]) or value[17] == "X"):
        raise FieldError("身份证号前 17 位应为数字，最后一位为数字或 X")
    _birth_date(value[6:14], today)
    expected = _ID_CHECK[sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS)) % 11]
    if value[17] != expected:
        raise FieldError("身份证号校验位错误，请核对号码")
    return value


def _birth_date(digits: str, today: dt.date) -> None:
    try:
        born = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise FieldError("身份证号中的出生日期不存在") from None
    if born > today:
        raise FieldError("身份证号中的出生日期晚于今天")


def uscc(text: str) -> str:
    """Unified social credit code (GB 32100-2015), 18 chars with a mod-31 check char."""
    value = folded(text).strip()
    value = value.upper() if value.isascii() else value
    if len(value) != 18:
        raise FieldError("统一社会信用代码应为 18 位，现为 {n} 位", n=len(value))
    bad = [c for c in value if c not in _USCC_ALPHABET]
    if bad:
        raise FieldError("统一社会信用代码含无效字符：{bad}（不用 I、O、Z、S、V）", bad="".join(dict.fromkeys(bad)))
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(value[:17], _USCC_WEIGHTS))
    expected = _USCC_ALPHABET[(31 - total % 31) % 31]
    if value[17] != expected:
        raise FieldError("统一社会信用代码校验位错误，请核对")
    return value


def phone(text: str) -> str:
    """A mainland mobile (optional +86/0086) or a landline with area code."""
    value = re.sub(r"\s", "", folded(text))
    if _MOBILE.match(value):
        return value
    if _LANDLINE.match(value):
        return value
    if _digits(value.lstrip("+")) and value.startswith(("1", "+86", "0086")):
        raise FieldError("手机号应为 1 开头的 11 位数字（可加 +86）")
    raise FieldError("电话格式不对：手机 11 位，固话如 010-12345678")


_SERIAL_LABEL = re.compile(r"^(?:(?:IMEI|MEID|S/?N)[\s:：\-]+|(?:序列号|串号)[\s:：]*)", re.IGNORECASE)


def serial(text: str) -> str:
    """A device's serial number or IMEI in the one form its history is found by: without spaces,
    dashes and a leading label (IMEI 86-123… → 86123…), upper case. Fifteen digits are an IMEI,
    whose last digit checks the others (Luhn)."""
    value = _SERIAL_LABEL.sub("", folded(text).strip())
    value = re.sub(r"[\s\-]", "", value).upper()
    if not value:
        raise FieldError("请填写序列号或 IMEI")
    if not re.fullmatch(r"[0-9A-Z/._]{3,40}", value):
        raise FieldError("序列号只能含字母、数字（IMEI 为 15 位数字）")
    if len(value) == 15 and value.isdigit() and not _luhn_ok(value):
        raise FieldError("IMEI 校验位不符，请核对 15 位数字（在拨号盘输入 *#06# 可显示）")
    return value


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def date(text: str) -> dt.date:
    """Dates as clerks write them: 2026-03-05, 2026/3/5, 2026年3月5日, 20260305."""
    value = folded(text).strip()
    for form in _DATE_FORMS:
        m = form.match(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise FieldError("日期不存在：{value}", value=value) from None
    raise FieldError("日期格式应为 2026-03-05 或 2026年3月5日")


_TIME_PART = re.compile(r"^(.*?)[\sT]+(\d{1,2})[:：](\d{2})$", re.ASCII)


def moment(text: str) -> dt.datetime:
    """A date with an optional time: 2026-11-20, 2026-11-20 14:30, 2026年11月20日 9:05 (no time: 00:00)."""
    value = folded(text).strip()
    m = _TIME_PART.match(value)
    day = date(m.group(1) if m else value)
    if not m:
        return dt.datetime.combine(day, dt.time())
    hour, minute = int(m.group(2)), int(m.group(3))
    if hour > 23 or minute > 59:
        raise FieldError("时间应为 时:分，如 14:30")
    return dt.datetime.combine(day, dt.time(hour, minute))


def amount_fen(text: str) -> int:
    """Yuan, non-negative, at most two decimals; returned in fen."""
    value = folded(text).strip().replace(",", "").removesuffix("元").strip()
    if not value.isascii():  # Decimal would read ٣ and other scripts' digits
        raise FieldError("金额应为数字，如 1299.00")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise FieldError("金额应为数字，如 1299.00") from None
    if not amount.is_finite():
        raise FieldError("金额应为数字，如 1299.00")
    if amount < 0:
        raise FieldError("金额不能为负数")
    if amount >= Decimal("10000000000"):  # before quantize(), which cannot hold 27 digits
        raise FieldError("金额过大，请核对")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError("金额最多保留两位小数（元、角、分）")
    return int(amount * 100)


def yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"{Decimal(fen) / 100:.2f}"


def mask_phone(value: str) -> str:
    """138****1234 (RULES.md 6)."""
    digits = value.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:-8] + "****" + digits[-4:] if len(digits) >= 11 else digits[:3] + "****" + digits[-4:]


def mask_id(value: str) -> str:
    """110105********002X (RULES.md 6)."""
    v = value.strip()
    if len(v) <= 10:
        return "*" * len(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]

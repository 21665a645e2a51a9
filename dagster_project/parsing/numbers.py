"""Reading printed numbers: thousands separators, '-' for zero, units."""

from __future__ import annotations

import re
from decimal import Decimal

# A printed amount: 1,234.56 | 1234.56 | 0 | 29.3 | -  (a lone dash is a printed zero)
AMOUNT_PATTERN = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
AMOUNT_RE = re.compile(f"^{AMOUNT_PATTERN}$")
# An amount a tool cut at its decimal point or a thousands separator ('1,875.' of '1,875.12').
AMOUNT_CUT_PATTERN = r"\d[\d,]*[.,]"
DASHES = {"-", "—", "–", "－", "——"}
DASH_PATTERN = "|".join(map(re.escape, sorted(DASHES, key=len, reverse=True)))
YUAN_PER_WAN = Decimal(10000)
# The units an amount may be printed in: the tables print 万元 or 元, a narrative now and then 千元 or
# 亿元 (a large department's totals: '收入总计 1.25 亿元').
AMOUNT_UNITS = ("亿元", "万元", "千元", "元")
_PER_WAN = {"元": YUAN_PER_WAN, "千元": Decimal(10)}


def parse_amount(token: str) -> Decimal | None:
    """The value of one printed amount token, or None if the token is not an amount.

    The token is expected NFKC-normalised (full-width digits and commas already half-width)."""
    token = token.strip()
    if token.isdecimal():  # the common plain integer ('\d+'), without the pattern
        return Decimal(token)
    if token in DASHES:
        return Decimal(0)
    if not AMOUNT_RE.match(token):
        return None
    return Decimal(token.replace(",", ""))


def to_wan(value: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in `unit` (one of AMOUNT_UNITS) to 万元, exactly."""
    if unit == "亿元":
        return value * YUAN_PER_WAN  # 1 亿 = 1 万 万
    per_wan = _PER_WAN.get(unit)
    return value / per_wan if per_wan else value


CHINESE_DIGITS = {numeral: n for n, numeral in enumerate("一二三四五六七八九", start=1)}


def chinese_number(numeral: str) -> int | None:
    """一 -> 1, 十 -> 10, 十一 -> 11, 二十六 -> 26; None for what is not a numeral below 100."""
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return CHINESE_DIGITS.get(numeral)
    tens_value = CHINESE_DIGITS.get(tens) if tens else 1
    ones_value = CHINESE_DIGITS.get(ones) if ones else 0
    return None if tens_value is None or ones_value is None else 10 * tens_value + ones_value

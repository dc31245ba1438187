"""Read a written number the way Vietnamese officials write it, and say when it can be read two ways.

The Vietnamese convention is a decimal comma and a thousands dot: ``9,17`` is
9.17, ``328.283`` is 328283. Documents also carry numbers typed the English
way (``26.55``, ``1,234,567``), usually pasted from a spreadsheet. The rule,
after babel's ``strict`` parsing:

1. Read the string in both conventions; a convention that cannot produce it
   (``26.55`` has a dot group of two digits, impossible in Vietnamese) drops out.
2. Only the Vietnamese reading fits: take it.
3. Only the English reading fits: take it and flag it (``english_decimal``,
   ``english_thousands``): the writer slipped, a reviewer should see it.
4. Both fit and differ: the string is a 1–3 digit number, one separator,
   three digits. With a dot (``44.923``) the Vietnamese thousands reading
   stands, because the English one needs a figure with three decimals typed
   with a foreign decimal mark. With a comma (``328,096``) both readings are
   honest: three decimals in Vietnamese, or the English thousands comma that
   spreadsheets write. Both are returned and the number is *ambiguous*; the
   caller settles it with context (`context.resolve_number`), never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from chitieu.quantity.errors import NumberFormatError
from chitieu.quantity.target import NumberReading

VI = "vi"
EN = "en"

ENGLISH_DECIMAL = "english_decimal"
ENGLISH_THOUSANDS = "english_thousands"
AMBIGUOUS = "ambiguous_separator"

_SIGN = r"(?P<sign>[-−+]?)"
# A grouped integer: 1–3 leading digits, then groups of exactly three.
_VI = re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")
_EN = re.compile(_SIGN + r"(?P<int>[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")


@dataclass(frozen=True)
class ParsedNumber:
    """A written number with every honest reading of it.

    `value` is None exactly when the readings disagree (`ambiguous`).
    """

    text: str
    value: Decimal | None
    readings: tuple[NumberReading, ...]
    flags: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


def parse_number(text: str) -> ParsedNumber:
    """Read `text` (digits, separators, an optional sign) as a Decimal.

    >>> parse_number("1.100.000").value
    Decimal('1100000')
    >>> parse_number("9,17").value
    Decimal('9.17')
    >>> parse_number("26.55").value, parse_number("26.55").flags
    (Decimal('26.55'), ('english_decimal',))
    >>> [str(r.value) for r in parse_number("328,096").readings]
    ['328.096', '328096']
    """
    written = text.strip()
    vi = _read(written, _VI, group=".", decimal=",")
    en = _read(written, _EN, group=",", decimal=".")
    if vi is None and en is None:
        raise NumberFormatError(
            f"'{written}' không phải là một số viết đúng quy cách "
            "(dấu phẩy thập phân, dấu chấm phân cách hàng nghìn, ví dụ 1.234,5).",
            text=written,
            suggestions=_suggestions(written),
        )
    if en is None or (vi is not None and vi == en):
        assert vi is not None
        return ParsedNumber(written, vi, (NumberReading(vi, VI),))
    if vi is None:
        flag = ENGLISH_THOUSANDS if "," in written else ENGLISH_DECIMAL
        reading = NumberReading(en, EN, _english_note(written, en))
        return ParsedNumber(written, en, (reading,), (flag,))
    if "," not in written:
        # 44.923: the Vietnamese thousands dot; see rule 4 in the module docstring.
        return ParsedNumber(written, vi, (NumberReading(vi, VI),))
    readings = (
        NumberReading(vi, VI, f"dấu phẩy là dấu thập phân: {_plain(vi)}"),
        NumberReading(en, EN, f"dấu phẩy là dấu phân cách hàng nghìn kiểu tiếng Anh: {_plain(en)}"),
    )
    return ParsedNumber(written, None, readings, (AMBIGUOUS,))


def _read(text: str, pattern: re.Pattern[str], *, group: str, decimal: str) -> Decimal | None:
    match = pattern.match(text)
    if match is None:
        return None
    sign = "-" if match["sign"] in ("-", "−") else ""
    digits = match["int"].replace(group, "")
    frac = match["frac"]
    return Decimal(f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}")


def _english_note(text: str, value: Decimal) -> str:
    return f"'{text}' viết theo kiểu tiếng Anh; đọc là {_plain(value)}"


def _plain(value: Decimal) -> str:
    # Imported here: format imports this module for its round-trip doctest.
    from chitieu.quantity.format import format_number

    return format_number(value)


def _suggestions(text: str) -> list[str]:
    """Likely intended spellings of a malformed number ('12..5' -> '12,5')."""
    collapsed = re.sub(r"([.,])[.,]+", r"\1", text)
    found: list[str] = []
    for candidate in (collapsed, collapsed.replace(".", ",")):
        if candidate != text and _VI.match(candidate) and candidate not in found:
            found.append(candidate)
    return found

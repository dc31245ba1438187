"""One cell of a figures file read as a code, a period, a number or a status.

Each reader appends a `Problem` (with the cell's place and a Vietnamese message)
instead of raising, so that a whole file is checked in one pass. `export_value`
is the reverse of the number reader: what it writes reads back exactly.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.ingest.figure_rows import Place, Problem
from chitieu.quantity import NumberFormatError, format_number, parse_number, plain


def export_value(value: Decimal) -> str:
    """A value written so that parse_number reads it back exactly.

    >>> export_value(Decimal("328096.000000")), export_value(Decimal("328.096"))
    ('328.096', '328,0960')
    >>> export_value(Decimal("9.170000"))
    '9,17'
    """
    text = format_number(plain(value))
    if parse_number(text).value != value:
        text += "0"  # "328,096" reads two ways; "328,0960" only one
    return text


def is_formula(cell: Any) -> bool:
    """An openpyxl cell holding a formula (the workbook is read without cached values)."""
    return getattr(cell, "data_type", None) == "f"


def cell_value(cell: Any) -> Any:
    """The value of an openpyxl cell or of a CSV string, stripped if text."""
    value = getattr(cell, "value", cell)
    return value.strip() if isinstance(value, str) else value


def cell_text(cell: Any) -> str:
    """The cell as text; an empty cell is ""."""
    value = cell_value(cell)
    return "" if value is None else str(value).strip()


def read_code(value: Any, place: Place, problems: list[Problem]) -> str:
    """An indicator or locality code; Excel's 2026.0 is "2026", a date is a problem."""
    if isinstance(value, bool | datetime.date | datetime.time):
        problems.append(Problem(place, f"cần một mã, không phải {value!r}.", "wrong_type"))
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_period(value: Any, place: Place, problems: list[Problem]) -> Period | None:
    """A period written as text or a whole number; a date cell is a problem."""
    if isinstance(value, bool | datetime.date | datetime.time):
        problems.append(
            Problem(
                place,
                "kỳ là ngày tháng; hãy ghi dạng chữ như 2026, 2026-Q1, 2026-03.",
                "wrong_type",
            )
        )
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        return Period.parse(str(value))
    except ValueError as error:
        problems.append(Problem(place, str(error), "bad_period"))
        return None


def read_number(value: Any, place: Place, problems: list[Problem]) -> tuple[Decimal | None, str]:
    """(value, text as written); a text cell is read the Vietnamese way, ambiguity is a problem."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        problems.append(
            Problem(place, f"giá trị phải là số, không phải {value!r}.", "not_a_number")
        )
        return None, ""
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            problems.append(
                Problem(place, f"giá trị {value!r} không phải số hữu hạn.", "not_a_number")
            )
            return None, ""
        return number, str(value)
    odd = [c for c in value if c.isdigit() and not c.isascii()]
    if odd:  # "１２" or "١٢": Python reads them as digits, a person sees no number
        problems.append(
            Problem(
                place,
                f"“{value}” có chữ số không phải 0–9 ({''.join(odd)}); hãy gõ lại bằng chữ số thường.",
                "not_a_number",
            )
        )
        return None, value
    try:
        parsed = parse_number(value)
    except NumberFormatError as error:
        problems.append(Problem(place, error.message + _hint(error.suggestions), "not_a_number"))
        return None, value
    if parsed.value is None:
        readings = " hoặc ".join(r.note or format_number(r.value) for r in parsed.readings)
        problems.append(
            Problem(
                place,
                f"“{value}” đọc được hai cách ({readings}); hãy ghi rõ, ví dụ "
                f"{format_number(parsed.readings[0].value)}0 hoặc {format_number(parsed.readings[-1].value)}.",
                "ambiguous",
            )
        )
        return None, value
    if parsed.flags:  # read only the English way ("1,234.5", "26.55"): the writer slipped
        english = format_number(parsed.value) if parsed.value is not None else value
        problems.append(
            Problem(
                place,
                f"“{value}” viết theo kiểu tiếng Anh (dấu chấm thập phân, dấu phẩy hàng nghìn); "
                f"nếu là {english}, hãy ghi {english}.",
                "english_number",
            )
        )
        return None, value
    return parsed.value, value


def _hint(suggestions: Sequence[str]) -> str:
    return f" Có phải là: {' hoặc '.join(suggestions)}?" if suggestions else ""


def read_status(value: Any, place: Place, problems: list[Problem]) -> FigureStatus | None:
    """Ước, sơ bộ, chính thức or kế hoạch, by code or Vietnamese word."""
    try:
        return FigureStatus.from_label(str(value))
    except ValueError as error:
        problems.append(Problem(place, str(error), "bad_status"))
        return None

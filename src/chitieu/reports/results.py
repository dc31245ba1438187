"""A past term's results table (Phụ lục 1A/1B) rebuilt row by row from its data.

Each cell is printed as the document printed it: the STT, the name and the
target as written, the unit with its ditto mark (") where the document had one,
the result from its value in Vietnamese notation with the digits it was written
with, the official word verbatim. Two things add a footnote instead of changing
a cell silently:
- a result cell that reads two ways ("328,096") is printed with the reading the
  audit settles (328.096), and the note says what the source had and why;
- where our rules give another status than the official word, the official word
  stays and the note gives the computed status and the likely cause
  (chitieu.assess.audit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from chitieu.assess.audit import AuditRow, ValueResolution, audit_terms
from chitieu.assess.rules import DEFAULT_RULES, Rules
from chitieu.catalog.model import Catalogue, Group, PastTerm, PastTermRow
from chitieu.catalog.text import fold
from chitieu.quantity import format_number
from chitieu.reports.model import ReportRow, ResultsTable, RowKind

CELL_SEPARATOR = " | "  # how ingest joins a row's cells in Source.text
DITTO_MARKS = frozenset({'"', "“", "”", "〃", "''"})
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
# The usual group names, for a group code the catalogue does not name.
KNOWN_GROUPS = {
    "kinh_te": "KINH TẾ",
    "van_hoa_xa_hoi": "VĂN HÓA - XÃ HỘI",
    "xa_hoi": "XÃ HỘI",
    "moi_truong": "MÔI TRƯỜNG",
    "xay_dung_dang": "XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ",
}


def roman(number: int) -> str:
    """The Roman numeral of a group row.

    >>> roman(1), roman(4), roman(9), roman(14)
    ('I', 'IV', 'IX', 'XIV')
    """
    if number < 1:
        raise ValueError(f"Số thứ tự nhóm phải dương: {number}")
    text = ""
    for value, letters in _ROMAN:
        while number >= value:
            text += letters
            number -= value
    return text


def row_kind(stt: str, name: str) -> RowKind:
    """Numbered rows are indicators; "Trong đó …" rows are parts; the rest are sub-rows.

    >>> row_kind("1", "GRDP").value, row_kind("", "Trong đó hoàn thành xuất sắc").value
    ('indicator', 'trong_do')
    >>> row_kind("-", "Thu nội địa").value
    'sub'
    """
    if _NUMBERED.match(stt.strip()):
        return RowKind.INDICATOR
    if fold(name).startswith(fold("Trong đó")):
        return RowKind.TRONG_DO
    return RowKind.SUB


def printed_unit(row: PastTermRow) -> str:
    """The unit cell as printed: a ditto mark where the document has one, else the unit.

    The row's Source.text keeps every cell as written, joined by " | "."""
    cells = row.source.text.split(CELL_SEPARATOR)
    if len(cells) >= 3 and cells[2].strip() in DITTO_MARKS:
        return cells[2].strip()
    return row.unit_text


def group_name(code: str, groups: Iterable[Group]) -> str:
    """The name of a group row: the catalogue's, a usual one, else the code in words."""
    for group in groups:
        if group.code == code:
            return group.name
    return KNOWN_GROUPS.get(code, code.replace("_", " ").capitalize())


@dataclass(frozen=True)
class _Cells:
    result: str
    value: Decimal | None
    notes: tuple[str, ...]


def results_table(
    term: PastTerm,
    *,
    groups: Sequence[Group] = (),
    label: str | None = None,
    rules: Rules = DEFAULT_RULES,
) -> ResultsTable:
    """The results table of `term`; `groups` name its group rows (the catalogue's groups)."""
    audit = audit_terms([term], rules)
    resolutions = {r.line: r for r in audit.resolutions}
    rows: list[ReportRow] = []
    notes: list[str] = []
    group: str | None = None
    numerals = 0
    for row, checked in zip(term.rows, audit.rows, strict=True):
        if row.group is not None and row.group != group:
            group = row.group
            numerals += 1
            rows.append(_group_row(roman(numerals), group_name(group, groups)))
        cells = _cells(row, checked, resolutions.get(row.source.line))
        footnote = None
        if cells.notes:
            notes.append(" ".join(cells.notes))
            footnote = len(notes)
        rows.append(
            ReportRow(
                stt=row.stt,
                name=row.indicator,
                unit=printed_unit(row),
                target_text=row.target_text,
                result_text=cells.result,
                assessment=row.official_assessment or "",
                footnote=footnote,
                kind=row_kind(row.stt, row.indicator),
                result_value=cells.value,
            )
        )
    return ResultsTable(
        label=term.rows[0].table if label is None and term.rows else (label or ""),
        caption=term.name,
        term=f"{term.period_start} - {term.period_end}",
        rows=tuple(rows),
        notes=tuple(notes),
    )


def results_from_catalogue(
    catalogue: Catalogue, term_code: str, *, rules: Rules = DEFAULT_RULES
) -> ResultsTable:
    """The results table of one past term of the catalogue (Phụ lục 1A: "<place>_cu_2020_2025")."""
    for term in catalogue.past_terms:
        if term.code == term_code:
            return results_table(term, groups=term.groups or catalogue.groups, rules=rules)
    known = ", ".join(t.code for t in catalogue.past_terms) or "không có"
    raise KeyError(f"Không có nhiệm kỳ trước mã {term_code!r} (có: {known})")


def _group_row(numeral: str, name: str) -> ReportRow:
    return ReportRow(numeral, name, "", "", "", "", None, RowKind.GROUP)


def _cells(row: PastTermRow, checked: AuditRow, resolution: ValueResolution | None) -> _Cells:
    notes: list[str] = []
    value: Decimal | None = None
    if row.result_value is not None:
        value = row.result_value
        result = format_number(value)
    elif resolution is not None and resolution.value is not None:
        value = resolution.value
        result = format_number(value)
        readings = " hoặc ".join(format_number(r) for r in resolution.readings)
        notes.append(
            f"Văn bản ghi “{row.result_text}” (dòng {row.source.line}), đọc được {readings}; "
            f"báo cáo ghi {result}. {resolution.reason}"
        )
    else:
        result = row.result_text
    if checked.agree is False:
        notes.append(_disagreement(checked))
    return _Cells(result, value, tuple(notes))


def _disagreement(checked: AuditRow) -> str:
    text = (
        f"Đánh giá chính thức: “{checked.official}”; theo quy tắc đánh giá của hệ thống: "
        f"{checked.computed_label}. {checked.reason}"
    )
    if checked.cause is not None:
        text += f" {checked.cause.text}"
    return text

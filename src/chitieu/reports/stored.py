"""A past term rebuilt from what the store keeps, so the results table comes from stored figures.

The store keeps, per results-table row, an indicator (STT, name, unit, group and
the row's cells verbatim in its source text), its target with the official word,
and the result as a figure of the term's last year with the text it was written
as. `past_term_from_store` turns these back into a `PastTerm` for
`results.results_table`, so the catalogue and the store give the same table.

Where the store has no figure for a row, the document's result cell is used only
if it is not a plain number: a result written as text ("> 90", "30/77") or a
value that reads two ways ("328,096", left for the audit to settle). A plain
number without a stored figure is left blank: the figure is missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import PastTerm, PastTermRow, Source
from chitieu.quantity import NumberFormatError, Target, parse_number, plain
from chitieu.reports.results import CELL_SEPARATOR, DITTO_MARKS

_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")
_UNIT, _RESULT, _ASSESSMENT = 2, 4, 5  # columns of a results-table row


@dataclass(frozen=True)
class StoredRow:
    """One stored results-table row: the indicator, its target and its result figure."""

    stt: str
    name: str
    unit: str | None  # unit code
    group: str | None  # group code
    source: Source  # Source.text: the row's cells as written, joined by " | "
    target: Target | None
    official: str  # the official word stored with the target ("" when none)
    value: Decimal | None  # the stored figure of the term's last year, None when none
    written: str = ""  # the figure's text as written ("9,9")


def past_term_from_store(
    *,
    code: str,
    name: str,
    locality: str,
    period: tuple[int, int],
    rows: Sequence[StoredRow],
    label: str = "",
) -> PastTerm:
    built: list[PastTermRow] = []
    unit_above = ""
    numbered: str | None = None
    for row in rows:
        cells = row.source.text.split(CELL_SEPARATOR)
        unit_text = _cell(cells, _UNIT)
        if unit_text in DITTO_MARKS:
            unit_text = unit_above
        unit_above = unit_text
        if _NUMBERED.match(row.stt):
            numbered = row.stt.rstrip(".")
        result_text, value, readings = _result(row, _cell(cells, _RESULT))
        built.append(
            PastTermRow(
                table=label,
                stt=row.stt,
                indicator=row.name,
                unit_text=unit_text,
                unit=row.unit,
                target_text=row.target.text if row.target is not None else "",
                target=row.target,
                result_text=result_text,
                result_value=value,
                result_readings=readings,
                official_assessment=row.official or _cell(cells, _ASSESSMENT) or None,
                group=row.group,
                parent_stt=None if _NUMBERED.match(row.stt) else numbered,
                source=row.source,
            )
        )
    return PastTerm(code, name, locality, period[0], period[1], tuple(built))


def as_written(value: Decimal, written: str) -> Decimal:
    """The stored value with the digits it was written with ("95,0" keeps its 0).

    >>> as_written(Decimal("95.000000"), "95,0"), as_written(Decimal("9.900000"), "")
    (Decimal('95.0'), Decimal('9.9'))
    >>> as_written(Decimal("44923.000000"), "44.923")
    Decimal('44923')
    """
    if written:
        try:
            parsed = parse_number(written)
        except NumberFormatError:
            parsed = None
        if parsed is not None and not parsed.ambiguous and parsed.value == value:
            return parsed.value
    return plain(value)


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index].strip() if len(cells) > index else ""


def _result(row: StoredRow, cell: str) -> tuple[str, Decimal | None, tuple[Decimal, ...]]:
    if row.value is not None:
        value = as_written(row.value, row.written or cell)
        return row.written or cell, value, ()
    if not cell:
        return "", None, ()
    try:
        parsed = parse_number(cell)
    except NumberFormatError:
        return cell, None, ()  # a result written as text
    if parsed.ambiguous:
        return cell, None, tuple(reading.value for reading in parsed.readings)
    return "", None, ()  # a plain number the store does not hold: missing

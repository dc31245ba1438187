"""A results table (Phụ lục 1A/1B: STT | Chỉ tiêu | ĐVT | Mục tiêu | Kết quả | Đánh giá) -> PastTerm.

Every data row is kept, verbatim beside its parsed values:
- the unit text with a ditto mark (") replaced by the unit of the row above;
  the row's `source.text` keeps every cell as written, joined by " | ", so the
  ditto stays visible (`unit_was_ditto`);
- the target as a Target (None for an empty cell);
- the result as a number via parse_number. An ambiguous cell ("328,096")
  keeps `result_value` None and both readings in `result_readings`; it is
  settled only by the separate, explicit `resolve_results` step, whose reason
  the review prints. A result that is not a plain number ("> 90", "30/77")
  keeps its text; `result_target` reads it as a target expression;
- the official assessment, whitespace stripped and otherwise verbatim;
- the group (code of the Roman-numeral row above) and, for an unnumbered or
  "-" row, the STT of the numbered row it belongs to.

The term is read from the table's caption ("... TỈNH KIM SƠN LẦN THỨ XIX,
NHIỆM KỲ 2020 - 2025"): code "<locality>_<start>_<end>", period the term's years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import Group, PastTerm, PastTermRow, Source
from chitieu.ingest.codes import group_code, locality_code, province_name, term_years
from chitieu.ingest.document import DITTO_MARKS, Cell, IngestError, Row, Table
from chitieu.ingest.table_columns import column_year
from chitieu.ingest.target_table import (
    find_columns,
    is_group_row,
    read_target,
    resolve_unit_cells,
    row_end,
)
from chitieu.quantity import (
    NumberContext,
    NumberFormatError,
    Resolution,
    Target,
    TargetKind,
    parse_number,
    parse_unit,
    resolve_number,
)

CELL_SEPARATOR = " | "
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")
_TABLE_LABEL = re.compile(r"phụ\s+lục\s+(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class ResultResolution:
    """The explicit settling of one ambiguous result cell, with its reason."""

    term: str  # PastTerm.code
    stt: str
    indicator: str
    line: int
    text: str
    readings: tuple[Decimal, ...]
    value: Decimal | None  # None: the context did not settle it either
    reason: str  # Vietnamese, from resolve_number


def read_past_term(
    table: Table,
    *,
    document: str,
    former: bool = False,
    label: str | None = None,
    locality: str = "",
) -> PastTerm:
    """The PastTerm of a results table. `former`: the locality no longer exists
    as such (a merged province): its code gets the suffix "_cu". A title that names
    no province or term ("Kết quả thực hiện 12 chỉ tiêu năm 2019") takes `locality` (the
    plan's) and the years its target column names."""
    caption = f"{table.title} {table.caption}"
    term = term_years(caption) or past_years(table)
    province = province_name(table.caption) or province_name(caption)
    if province is not None:
        locality = locality_code(province) + ("_cu" if former else "")
    if term is None:
        raise IngestError(
            "Không đọc được năm của bảng kết quả (tiêu đề và cột mục tiêu không nêu năm)",
            place=f"{document}:{table.line_start}",
        )
    rows = _rows(table, document=document, label=label or table_label(table))
    return PastTerm(
        code=f"{locality or 'ket_qua'}_{term[0]}_{term[1]}",
        name=table.caption or table.title,
        locality=locality,
        period_start=term[0],
        period_end=term[1],
        rows=rows,
        groups=_groups(table),
    )


def past_years(table: Table) -> tuple[int, int] | None:
    """The years the target column's header names: "Kế hoạch năm 2019" -> (2019, 2019)."""
    columns = find_columns(table)
    years = [y for i in columns.targets if (y := column_year(table.header[i]))]
    return (min(years), max(years)) if years else None


def table_label(table: Table) -> str:
    """ "1A" for a table titled "PHỤ LỤC 1A"; the title itself otherwise."""
    match = _TABLE_LABEL.search(table.title)
    return match.group(1) if match else table.title


def _groups(table: Table) -> tuple[Group, ...]:
    """The table's Roman-numeral rows, in order, with their names as printed."""
    name_column = find_columns(table).name
    return tuple(
        Group(group_code(_cell(row, name_column).flat), _cell(row, name_column).flat, row.stt)
        for row in table.data_rows()
        if is_group_row(row)
    )


def _rows(table: Table, *, document: str, label: str) -> tuple[PastTermRow, ...]:
    columns = find_columns(table)
    result_column = columns.results[0] if columns.results else None
    assessment_column = columns.assessment
    target_column = columns.targets[0] if columns.targets else None
    data = [row for row in table.data_rows()]
    unit_cells = [_cell(row, columns.unit) for row in data]
    units = resolve_unit_cells(unit_cells)
    group: str | None = None
    numbered: str | None = None
    rows: list[PastTermRow] = []
    for row, (unit_text, _) in zip(data, units, strict=True):
        if is_group_row(row):
            group = group_code(_cell(row, columns.name).flat)
            numbered = None
            continue
        stt = row.stt
        if _NUMBERED.match(stt):
            numbered = stt.rstrip(".")
        unit = parse_unit(unit_text) if unit_text else None
        target_text = _cell(row, target_column).flat
        result_text = _cell(row, result_column).flat
        value, readings = _result(result_text)
        assessment = _cell(row, assessment_column).flat
        rows.append(
            PastTermRow(
                table=label,
                stt=stt,
                indicator=_cell(row, columns.name).flat,
                unit_text=unit_text,
                unit=unit.code if unit else None,
                target_text=target_text,
                target=read_target(target_text, unit=unit.code if unit else None)
                if target_text
                else None,
                result_text=result_text,
                result_value=value,
                result_readings=readings,
                official_assessment=assessment or None,
                group=group,
                parent_stt=None if _NUMBERED.match(stt) else numbered,
                source=Source(
                    document,
                    row.line,
                    row_end(row),
                    CELL_SEPARATOR.join(cell.flat for cell in row.cells),
                ),
            )
        )
    return tuple(rows)


def _cell(row: Row, index: int | None) -> Cell:
    if index is None or index >= len(row.cells):
        return Cell("", row.line)
    return row.cells[index]


def _result(text: str) -> tuple[Decimal | None, tuple[Decimal, ...]]:
    """A plain number's value, or (None, readings) when ambiguous, or (None, ())."""
    if not text:
        return None, ()
    try:
        parsed = parse_number(text)
    except NumberFormatError:
        return None, ()
    if parsed.ambiguous:
        return None, tuple(reading.value for reading in parsed.readings)
    return parsed.value, ()


def result_target(row: PastTermRow) -> Target | None:
    """A result that is not a plain number ("> 90", "30/77") read as a target
    expression; None for an empty cell or a plain number."""
    if not row.result_text or row.result_value is not None or row.result_readings:
        return None
    return read_target(row.result_text, unit=row.unit)


def unit_was_ditto(row: PastTermRow) -> bool:
    """The row's unit cell held a ditto mark, resolved to the unit above."""
    cells = row.source.text.split(CELL_SEPARATOR)
    return any(cell.strip() in DITTO_MARKS for cell in cells) and bool(row.unit_text)


def resolve_results(term: PastTerm) -> tuple[ResultResolution, ...]:
    """Settle each ambiguous result with its context: the row's target as the
    expected value, the column's other results in the same unit as neighbours.
    This is the one place a reading is chosen; the reason goes to the review."""
    return tuple(_resolve(term, row, term.rows) for row in term.rows if row.result_readings)


def settle_result(row: PastTermRow, rows: Sequence[PastTermRow]) -> Resolution:
    """The reading of an ambiguous result that its context supports: the row's
    target as the expected value, the column's other results in the same unit
    (`rows`) as neighbours."""
    neighbours = tuple(
        other.result_value
        for other in rows
        if other is not row and other.unit == row.unit and other.result_value is not None
    )
    expected = _expected(row.target)
    return resolve_number(
        parse_number(row.result_text), NumberContext(neighbours=neighbours, expected=expected)
    )


def _resolve(term: PastTerm, row: PastTermRow, rows: Sequence[PastTermRow]) -> ResultResolution:
    resolution = settle_result(row, rows)
    return ResultResolution(
        term=term.code,
        stt=row.stt,
        indicator=row.indicator,
        line=row.source.line or 0,
        text=row.result_text,
        readings=row.result_readings,
        value=resolution.value,
        reason=resolution.reason,
    )


def _expected(target: Target | None) -> Decimal | None:
    """The value a result is expected near; none for a text or rank target (a
    rank is a position, not the size of the result)."""
    if target is None or target.kind in (TargetKind.TEXT, TargetKind.RANK):
        return None
    if target.low is not None and target.high is not None:
        return (target.low + target.high) / 2
    return target.low if target.low is not None else target.high

"""A target table (Phụ lục 2: STT | Chỉ tiêu | Mục tiêu 2025 - 2030) -> Groups and Indicators.

Columns are found by their headers, so a table with a unit column ("Đơn vị
tính"), several target columns or a "Mục tiêu đến năm 2030" header reads the
same way. A Roman-numeral row opens a group; the other rows are indicators,
in document order, with their hierarchy:

- a numbered row ("1", "14") is a top-level indicator; "2.1" is a child of "2";
- a "-" row belongs to the numbered row above it ("+" to the "-" row above);
- a row whose name starts with "Trong đó" belongs to the row right above it
  (the "Trong đó:" prefix is dropped from the name; the source keeps it);
- a bare "Trong đó:" row with no target is not an indicator: the "-" rows
  after it belong to the indicator above it (unemployment -> urban, rural);
- an unnumbered row without "Trong đó" continues the numbered item as a
  separate indicator: a sibling of the numbered row (same parent), because
  in the documents seen it states a different measure of the item, not a
  part of it ("Tỷ lệ tổng vốn đầu tư toàn xã hội" under row 3, "Tỷ lệ kết nạp
  đảng viên mới hằng năm" under 23). If the numbered row has no target
  (a header-only row), its unnumbered rows are its children instead;
- a row with no target (a header such as "14 Về giáo dục và đào tạo") is an
  indicator without targets: the parent of the rows below it.

The unit comes from the unit column when there is one (a ditto mark means the
unit of the row above), else from the target cell. A percentage growth rate
is stored as "pct_per_year". The period of a target is the term's years
after the first: "Mục tiêu 2025 - 2030" -> 2026-2030; "đến năm 2030" -> ends 2030.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from chitieu.catalog.model import (
    Aggregation,
    Baseline,
    FigureStatus,
    Group,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.text import fold
from chitieu.ingest._prose_clauses import clean_subject, run_parts
from chitieu.ingest._prose_quantity import find_quantities, parse_text
from chitieu.ingest.codes import (
    aggregation_for,
    direction_for,
    group_code,
    indicator_code,
    strip_trong_do,
    term_years,
    unique_code,
)
from chitieu.ingest.document import Cell, IngestError, Row, Table
from chitieu.ingest.table_columns import (
    Columns,
    column_year,
    find_columns,
    is_results_table,
    is_target_table,
    looks_forward,
    target_period,
)
from chitieu.quantity import QuantityError, Target, TargetKind, parse_target, parse_unit

__all__ = [
    "UNREADABLE",
    "Columns",
    "TargetTable",
    "find_columns",
    "is_group_row",
    "is_results_table",
    "is_target_table",
    "read_target",
    "read_target_table",
    "resolve_unit_cells",
    "row_end",
    "target_period",
]

UNREADABLE = "unreadable"  # flag of a target cell the quantity parser could not read

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_NUMBERED = re.compile(r"^(\d+)(?:\.(\d+))*\.?$")
_DASHES = frozenset({"-", "–", "—", "•"})
_ESTIMATE = fold("ước")
_LEVEL = Aggregation.LEVEL
_BRACKET_END = re.compile(r"\(([^()]{1,25})\)\s*$")
_CHANGE_VERB = re.compile(r"\s*(?:giảm|tăng)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TargetTable:
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]


def is_group_row(row: Row) -> bool:
    return row.kind == "group" or bool(_ROMAN.match(row.stt))


def row_end(row: Row) -> int:
    return max((cell.line for cell in row.cells), default=row.line)


def resolve_unit_cells(cells: list[Cell]) -> list[tuple[str, bool]]:
    """Each unit cell's text with ditto marks replaced by the unit above: (text, was_ditto).

    "Above" is the nearest non-empty unit cell: in Phụ lục 1A a ditto follows a
    row with no unit ("Chỉ số sản xuất công nghiệp") and still means the "%"
    of the rows before it.
    """
    resolved: list[tuple[str, bool]] = []
    above = ""
    for cell in cells:
        if cell.ditto:
            resolved.append((above, True))
            continue
        if cell.flat:
            above = cell.flat
        resolved.append((cell.flat, False))
    return resolved


def read_target_table(
    table: Table, *, document: str, term: tuple[int, int] | None = None
) -> TargetTable:
    """Groups and indicators of a target table, in document order."""
    term = term or term_years(f"{table.title} {table.caption}")
    columns = find_columns(table)
    if not columns.targets:
        raise IngestError("Bảng không có cột mục tiêu", place=f"{document}:{table.line_start}")
    periods = [target_period(table.header[i], term) for i in columns.targets]
    starts = (
        [(i, column_year(table.header[i]), table.header[i]) for i in columns.results]
        if looks_forward(table, columns)
        else []
    )
    builder = _Builder(document, columns, periods, starts, table.header)
    rows = table.data_rows()
    units = _units(rows, columns)
    for row, unit_text in zip(rows, units, strict=True):
        builder.add(row, unit_text)
    return TargetTable(tuple(builder.groups), tuple(builder.indicators))


def _units(rows: tuple[Row, ...], columns: Columns) -> list[str]:
    if columns.unit is None:
        return [""] * len(rows)
    cells = [_cell(row, columns.unit) for row in rows]
    return [text for text, _ in resolve_unit_cells(cells)]


def _cell(row: Row, index: int) -> Cell:
    return row.cells[index] if index < len(row.cells) else Cell("", row.line)


def _is_trong_do(name: str) -> bool:
    return fold(name).startswith(fold("trong đó"))


class _Builder:
    """Walks the rows once, keeping what the next row's parent depends on."""

    def __init__(
        self,
        document: str,
        columns: Columns,
        periods: list[tuple[int, int]],
        starts: list[tuple[int, int | None, str]],
        header: tuple[str, ...] = (),
    ) -> None:
        self.document = document
        self.columns = columns
        self.periods = periods
        self.starts = starts  # (column, year, header) of the figures the plan starts from
        # "Kế hoạch năm 2026 (tỷ đồng)": a unit every row of the table shares
        self.header_unit = next(
            (u for i in columns.targets if (u := _bracketed_unit(header[i]))), None
        )
        self.groups: list[Group] = []
        self.indicators: list[Indicator] = []
        self.by_stt: dict[str, Indicator] = {}
        self.numbered: Indicator | None = None
        self.dash: Indicator | None = None
        self.of_which: Indicator | None = None  # set by a bare "Trong đó:" row

    def add(self, row: Row, unit_text: str) -> None:
        if is_group_row(row):
            self._group(row)
            return
        name = _cell(row, self.columns.name).flat
        target_cells = [_cell(row, i) for i in self.columns.targets]
        has_target = any(cell.flat for cell in target_cells)
        if not name and not has_target:
            return
        if _is_trong_do(name) and not strip_trong_do(name).strip() and not has_target:
            self.of_which = self.indicators[-1] if self.indicators else None
            return
        parent = self._parent(row.stt, name)
        indicator = self._indicator(row, name, parent, unit_text, target_cells)
        self.indicators.append(indicator)
        self._remember(row.stt, indicator)
        self.indicators.extend(self._named_parts(row, indicator, target_cells))

    def _named_parts(
        self, row: Row, indicator: Indicator, target_cells: list[Cell]
    ) -> Iterator[Indicator]:
        """ "70%, có bằng cấp 29-29,5%": the second value names a part of the row's
        measure, so it is a child indicator ("… có bằng cấp") with its own target."""
        for cell, period in zip(target_cells, self.periods, strict=True):
            for subject, expression in cell_parts(cell.flat)[1:]:
                if not subject:
                    continue
                name = f"{indicator.name} {subject}"
                code = unique_code(
                    indicator_code(name, group=indicator.group, parent=indicator.code),
                    (i.code for i in self.indicators),
                )
                target = self._target(row, cell, period, indicator.unit, _LEVEL, expression)
                yield replace(
                    indicator,
                    code=code,
                    name=name,
                    parent=indicator.code,
                    targets=(target,),
                    baselines=(),
                    stt="",
                )

    def _group(self, row: Row) -> None:
        name = _cell(row, self.columns.name).flat
        self.groups.append(Group(group_code(name), name, row.stt.rstrip(".")))
        self.numbered = self.dash = self.of_which = None

    def _parent(self, stt: str, name: str) -> Indicator | None:
        previous = self.indicators[-1] if self.indicators else None
        numbered = _NUMBERED.match(stt)
        if numbered:
            head = stt.rsplit(".", 1)[0] if "." in stt.rstrip(".") else None
            return self.by_stt.get(head) if head else None
        if _is_trong_do(name):
            return previous
        if stt in _DASHES:
            return self.of_which or self.numbered
        if stt == "+":
            return self.dash or self.of_which or self.numbered
        if self.numbered is not None and not self.numbered.targets:
            return self.numbered
        return self._parent_of(self.numbered)

    def _parent_of(self, indicator: Indicator | None) -> Indicator | None:
        if indicator is None or indicator.parent is None:
            return None
        return next((i for i in self.indicators if i.code == indicator.parent), None)

    def _remember(self, stt: str, indicator: Indicator) -> None:
        if _NUMBERED.match(stt):
            self.numbered = indicator
            self.by_stt[stt.rstrip(".")] = indicator
            self.dash = self.of_which = None
        elif stt in _DASHES:
            self.dash = indicator

    def _indicator(
        self,
        row: Row,
        name: str,
        parent: Indicator | None,
        unit_text: str,
        target_cells: list[Cell],
    ) -> Indicator:
        group = self.groups[-1].code if self.groups else "chung"
        if not self.groups:
            self.groups.append(Group("chung", "", ""))
        parent_code = parent.code if parent else None
        plain = strip_trong_do(name)
        code = unique_code(
            indicator_code(plain, group=group, parent=parent_code),
            (i.code for i in self.indicators),
        )
        aggregation = aggregation_for(plain, parent=parent_code)
        if aggregation is Aggregation.LEVEL and parent is not None:
            aggregation = self._inherited(parent, aggregation)
        unit = _unit_code(unit_text) or _bracketed_unit(name) or self.header_unit
        targets = tuple(
            self._target(row, cell, period, unit, aggregation, expression)
            for cell, period in zip(target_cells, self.periods, strict=True)
            if cell.flat
            for subject, expression in cell_parts(cell.flat)
            if not subject  # a stretch value ("phấn đấu 7-7,5%") is a second target
        )
        if targets and targets[0].value.unit:
            unit = targets[0].value.unit
        source = Source(self.document, row.line, row_end(row), _cell(row, self.columns.name).text)
        return Indicator(
            code=code,
            name=plain,
            group=group,
            parent=parent_code,
            unit=unit,
            direction=direction_for(plain, parent=parent_code),
            targets=targets,
            baselines=tuple(self._baselines(row, unit)),
            stt=row.stt,
            source=source,
        )

    def _baselines(self, row: Row, unit: str | None) -> Iterator[Baseline]:
        """ "Ước thực hiện năm 2025" beside "Kế hoạch năm 2026": where the plan starts."""
        for index, year, header in self.starts:
            cell = _cell(row, index)
            if year is None or not cell.flat:
                continue
            value = read_target(cell.flat, unit=unit)
            if value.kind is not TargetKind.POINT or value.low is None:
                continue  # a range or a word is no figure to start from
            status = FigureStatus.ESTIMATE.value if _ESTIMATE in fold(header) else ""
            source = Source(self.document, cell.line, cell.line, cell.text)
            yield Baseline(year, value.low, value.unit or unit, source, status=status)

    def _inherited(self, parent: Indicator, aggregation: Aggregation) -> Aggregation:
        # Sub-rows of "Công tác kiểm tra, giám sát hằng năm" are yearly too.
        parent_aggregation = aggregation_for(parent.name)
        return (
            Aggregation.EVERY_YEAR if parent_aggregation is Aggregation.EVERY_YEAR else aggregation
        )

    def _target(
        self,
        row: Row,
        cell: Cell,
        period: tuple[int, int],
        unit: str | None,
        aggregation: Aggregation,
        expression: str,
    ) -> IndicatorTarget:
        target = replace(read_target(parse_text(expression), unit=unit), text=expression)
        if target.kind is TargetKind.TEXT and UNREADABLE in target.flags:
            target = replace(target, text=cell.flat)
        if _CHANGE_VERB.match(expression) and target.unit in ("pct", "pct_per_year"):
            aggregation = Aggregation.CHANGE  # "giảm 0,8-1%": a rate that falls by points
        if aggregation is Aggregation.AVG_GROWTH and target.unit == "pct":
            target = replace(target, unit="pct_per_year")
        source = Source(self.document, row.line, row_end(row), cell.text)
        return IndicatorTarget(target, period[0], period[1], aggregation, source)


def cell_parts(text: str) -> list[tuple[str, str]]:
    """(subject, expression) of each value of a target cell; one part for a plain cell.

    >>> cell_parts("70%, có bằng cấp 29-29,5%")
    [('', '70%'), ('bằng cấp', '29-29,5%')]
    >>> cell_parts("Khoảng 6,5-7%, phấn đấu 7-7,5%")
    [('', 'Khoảng 6,5-7%'), ('', '7-7,5%')]
    """
    parts = run_parts(text) if len(find_quantities(text)) > 1 else []
    if len(parts) < 2:
        return [("", text)]
    return [(clean_subject(subject), expression) for subject, expression in parts]


def _bracketed_unit(text: str) -> str | None:
    """The unit a name or header gives in brackets at its end: "Tốc độ tăng GRDP (%)".

    >>> _bracketed_unit("Thu ngân sách (tỷ đồng)"), _bracketed_unit("Tỷ lệ (theo chuẩn mới)")
    ('ty_dong', None)
    """
    match = _BRACKET_END.search(text)
    return _unit_code(match.group(1)) if match else None


def _unit_code(text: str) -> str | None:
    unit = parse_unit(text) if text else None
    return unit.code if unit else None


def read_target(text: str, *, unit: str | None = None) -> Target:
    """parse_target, but a cell it cannot read becomes a flagged text target
    for a person to look at, instead of stopping the whole ingest.

    >>> read_target("15 bác sỹ").unit
    'bac_sy_per_10k'
    >>> read_target("1,2,3").flags
    ('unreadable',)
    """
    try:
        return parse_target(text, unit=unit)
    except QuantityError:
        return Target(text, TargetKind.TEXT, flags=(UNREADABLE,))

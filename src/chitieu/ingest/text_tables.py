"""Tables as web pages and copied text print them, besides the Word export's TAB cells.

Two layouts:

- pipe rows, one table row a line: "STT | Chỉ tiêu | Kế hoạch |" (law portals, Markdown);
- one cell a line, cells separated by blank lines, as a news page's table comes out when
  its text is copied: "TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2019", …, then " 1. ",
  "Tốc độ tăng GDP", "%", "6,6-6,8", … The header is a run of short cells that starts
  with "STT"/"TT" and names "Chỉ tiêu"; its length is the number of columns. A row
  starts at a number or Roman numeral ("1.", "II") and takes that many cells; a sub-row
  starts at its name ("- Trong đó: …", "+ …"), has no number cell, and may lack the last
  cells (a "Trong đó" row has no assessment). The table ends at a cell that starts no row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chitieu.catalog.text import fold
from chitieu.ingest.document import Cell, Table
from chitieu.ingest.layout import is_blank
from chitieu.ingest.tables import find_title, make_table

_PIPE = "|"
_SEPARATOR_ROW = re.compile(r"^[\s|:\-–]+$")
_STT_HEADERS = frozenset({"stt", "tt", "số tt"})
_NAME_HEADERS = tuple(fold(w) for w in ("chỉ tiêu", "nội dung", "tên chỉ tiêu"))
_VALUE_HEADERS = tuple(
    fold(w)
    for w in (
        "đơn vị", "đvt", "kế hoạch", "mục tiêu", "thực hiện", "ước", "kết quả", "đánh giá",
        "năm", "so sánh",
    )
)  # fmt: skip
_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,5}\.?)\s*$")
_SUB_ROW = re.compile(r"^\s*(?:[-+•–]\s|trong đó\b)", re.IGNORECASE)
_MAX_HEADER_CELL = 80
_MAX_HEADER_CELLS = 9


def pipe_tables(texts: Sequence[str], *, taken: frozenset[int]) -> list[Table]:
    """Tables written as pipe rows; `taken` are lines already in a table (1-based)."""
    tables: list[Table] = []
    run: list[tuple[int, list[str]]] = []
    for number, text in enumerate(texts, start=1):
        cells = _pipe_cells(text) if number not in taken else None
        if cells is not None:
            if not _SEPARATOR_ROW.match(text):
                run.append((number, cells))
            continue
        tables.extend(_pipe_table(texts, run, tables))
        run = []
    tables.extend(_pipe_table(texts, run, tables))
    return tables


def _pipe_cells(text: str) -> list[str] | None:
    if text.count(_PIPE) < 2 and not (text.count(_PIPE) == 1 and text.rstrip().endswith(_PIPE)):
        return None
    cells = [cell.strip() for cell in text.strip().strip(_PIPE).split(_PIPE)]
    return cells if len(cells) >= 2 else None


def _pipe_table(
    texts: Sequence[str], run: list[tuple[int, list[str]]], before: list[Table]
) -> list[Table]:
    if len(run) < 2:
        return []
    rows = [[Cell(text, number) for text in cells] for number, cells in run]
    floor = before[-1].line_end if before else 0
    title_line, title, caption = find_title(texts, run[0][0], floor=floor)
    return [
        make_table(rows, title=title, caption=caption, line_start=title_line, line_end=run[-1][0])
    ]


def flat_tables(texts: Sequence[str], *, taken: frozenset[int]) -> list[Table]:
    """Tables printed one cell a line (see the module notes)."""
    cells = [
        Cell(text.strip(), number)
        for number, text in enumerate(texts, start=1)
        if not is_blank(text) and number not in taken
    ]
    tables: list[Table] = []
    index = 0
    while index < len(cells):
        width = _header_width(cells, index)
        if width is None:
            index += 1
            continue
        rows, end = _rows(cells, index + width, width)
        if len(rows) >= 2 or (rows and len(rows[0]) == width):
            header = cells[index : index + width]
            floor = tables[-1].line_end if tables else 0
            title_line, title, caption = find_title(texts, header[0].line, floor=floor)
            grid = [list(header), *rows]
            last = max(cell.line for row in grid for cell in row)
            tables.append(
                make_table(grid, title=title, caption=caption, line_start=title_line, line_end=last)
            )
            index = end
        else:
            index += 1
    return tables


def _header_width(cells: list[Cell], start: int) -> int | None:
    """The number of header cells from `start`: "STT", "Chỉ tiêu", then value headers."""
    if fold(cells[start].text).rstrip(".") not in _STT_HEADERS:
        return None
    width = 1
    while start + width < len(cells) and width < _MAX_HEADER_CELLS:
        text = cells[start + width].text
        if _ROW_NUMBER.match(text) or len(text) > _MAX_HEADER_CELL:
            break
        width += 1
    headers = [fold(c.text) for c in cells[start + 1 : start + width]]
    named = any(h.startswith(_NAME_HEADERS) for h in headers)
    valued = any(any(word in h for word in _VALUE_HEADERS) for h in headers)
    return width if named and valued and width >= 3 else None


def _rows(cells: list[Cell], start: int, width: int) -> tuple[list[list[Cell]], int]:
    """The data rows from `start`, and the index after the table."""
    rows: list[list[Cell]] = []
    index = start
    while index < len(cells):
        first = cells[index].text
        if _ROW_NUMBER.match(first):
            row, index = _numbered_row(cells, index, width)
        elif _SUB_ROW.match(first):
            row, index = _sub_row(cells, index, width)
        else:
            break
        rows.append(row)
    return rows, index


def _numbered_row(cells: list[Cell], start: int, width: int) -> tuple[list[Cell], int]:
    """A row that starts with its number: `width` cells, or fewer when a group row ("II",
    "KINH TẾ") is followed by the next row's number."""
    row = [cells[start]]
    index = start + 1
    group = not cells[start].text.strip().rstrip(".").isdigit()
    while index < len(cells) and len(row) < width:
        text = cells[index].text
        if len(row) >= 2 and (_SUB_ROW.match(text) or (group and _ROW_NUMBER.match(text))):
            break
        row.append(cells[index])
        index += 1
    return row, index


def _padded(row: list[Cell], width: int) -> list[Cell]:
    """A row short of its last cells, filled with empty ones (not spread as merged)."""
    return row + [Cell("", row[-1].line) for _ in range(width - len(row))]


def _sub_row(cells: list[Cell], start: int, width: int) -> tuple[list[Cell], int]:
    """A sub-row without a number cell; it may stop short of the last columns."""
    row = [Cell("", cells[start].line), cells[start]]
    index = start + 1
    while index < len(cells) and len(row) < width:
        text = cells[index].text
        if _SUB_ROW.match(text) or (_ROW_NUMBER.match(text) and len(row) >= width - 2):
            break
        row.append(cells[index])
        index += 1
    return _padded(row, width), index

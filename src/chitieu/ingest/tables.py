"""Tables rebuilt from the fragments a Word-to-text export leaves.

The export writes each cell on its own line starting with a TAB and separates
rows with a blank line:

    <TAB>STT            <- header row
    <TAB>Kết quả
                        <- a blank line inside a cell ...
    thực hiện           <- ... and its continuation, not TAB-indented
                        <- row separator
    <TAB>1 ... <TAB>6   <- column numbers
    <TAB>I / KINH TẾ    <- group row (Roman STT, value cells empty or merged away)

A line without TAB continues the cell above when it follows it directly, or
after a blank when it starts in lower case or with a digit ("thực hiện",
"2021-2025"). A row with fewer cells than the table has columns was merged
horizontally in Word: its first cells keep their columns, its last cell the
last column, and the cell before the last spans the gap (the covered grid
positions are `Cell(merged=True)`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chitieu.catalog.text import fold
from chitieu.ingest.document import Cell, Row, Table
from chitieu.ingest.headings import recognise
from chitieu.ingest.layout import is_blank, is_cell_line, is_decoration, is_footnote_start

_TITLE = re.compile(r"^(phu luc|bang|biêu)\b")
_ROMAN = re.compile(r"^[IVXL]+$")
_NUMBER_CELL = re.compile(r"^[\d.,%\s\-–]+$")
_MAX_TITLE_LENGTH = 80
_MAX_CAPTION_LINES = 6


def is_table_title(text: str) -> bool:
    """ "PHỤ LỤC 1A", "Bảng 2", "Biểu 01" (short lines only).

    >>> is_table_title("PHỤ LỤC 2 "), is_table_title("Phụ lục 1A"), is_table_title("Bảng giá")
    (True, True, True)
    >>> is_table_title("Phát huy thành quả đạt được")
    False
    """
    stripped = text.strip()
    return len(stripped) <= _MAX_TITLE_LENGTH and bool(_TITLE.match(fold(stripped)))


def parse_tables(texts: Sequence[str], end: int | None = None) -> tuple[Table, ...]:
    """Every table in `texts` (texts[0] is line 1), looking at lines up to `end`."""
    stop = len(texts) if end is None else min(end, len(texts))
    tables: list[Table] = []
    index = 0
    while index < stop:
        if not is_cell_line(texts[index]):
            index += 1
            continue
        rows, last_line, next_index = _read_grid(texts, index, stop)
        title_line, title, caption = find_title(texts, index + 1, floor=_floor(tables))
        tables.append(
            make_table(
                rows, title=title, caption=caption, line_start=title_line, line_end=last_line
            )
        )
        index = next_index
    return tuple(tables)


def _floor(tables: list[Table]) -> int:
    return tables[-1].line_end if tables else 0


def _read_grid(texts: Sequence[str], start: int, stop: int) -> tuple[list[list[Cell]], int, int]:
    """The rows of the grid starting at index `start`, its last line, and the
    index after it."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    blanks = 0
    last_line = start + 1
    index = start
    while index < stop:
        text = texts[index]
        if is_cell_line(text):
            if blanks and row:
                rows.append(row)
                row = []
            row.append(Cell(text[1:], index + 1))
            blanks = 0
            last_line = index + 1
        elif is_blank(text):
            blanks += 1
        elif row and (blanks == 0 or _continues_cell(text)):
            last = row[-1]
            row[-1] = Cell(f"{last.text}\n{text}", last.line)
            blanks = 0
            last_line = index + 1
        else:
            break
        index += 1
    if row:
        rows.append(row)
    return rows, last_line, index


def _continues_cell(text: str) -> bool:
    stripped = text.strip()
    if is_footnote_start(text) or is_decoration(text) or recognise(stripped) is not None:
        return False
    return stripped[0].islower() or stripped[0].isdigit()


def find_title(
    texts: Sequence[str], first_row_line: int, *, floor: int = 0
) -> tuple[int, str, str]:
    """(line_start, title, caption) for the grid starting at `first_row_line`:
    the nearest title line above it ("PHỤ LỤC 1A") and the lines between.
    Without a title: (first_row_line, "", "")."""
    captions: list[str] = []
    index = first_row_line - 2
    while index >= floor and index >= 0:
        text = texts[index]
        if is_table_title(text):
            return index + 1, text.strip(), " ".join(reversed(captions))
        if is_cell_line(text) or is_footnote_start(text) or recognise(text) is not None:
            break
        if not is_blank(text) and not is_decoration(text):
            captions.append(text.strip())
            if len(captions) > _MAX_CAPTION_LINES:
                break
        index -= 1
    return first_row_line, "", ""


def make_table(
    rows: Sequence[Sequence[Cell]], *, title: str, caption: str, line_start: int, line_end: int
) -> Table:
    """A Table from its rows of cells (rows short of cells are spread over the grid)."""
    ncols = max((len(row) for row in rows), default=0)
    grid = [spread(row, ncols) for row in rows]
    heads = header_rows(grid)
    built = tuple(
        Row(cells, "header" if position < heads else classify(cells, first=False), cells[0].line)
        for position, cells in enumerate(grid)
    )
    header = joined_header(grid[:heads])
    return Table(
        title=title,
        caption=caption,
        header=header,
        rows=built,
        line_start=min(line_start, built[0].line) if built else line_start,
        line_end=line_end,
        ncols=ncols,
    )


def header_rows(grid: Sequence[Sequence[Cell]]) -> int:
    """How many rows the header takes: one, or two when the first has merged cells over
    columns the second names ("Kế hoạch năm 2026" over "Giá trị" | "So với năm 2025")."""
    if len(grid) < 2 or not any(cell.merged for cell in grid[0]):
        return min(1, len(grid))
    second = [cell.flat for cell in grid[1]]
    filled = [text for text in second if text]
    if not filled or second[0] or any(_NUMBER_CELL.match(text) for text in filled):
        return 1
    return 2


def joined_header(rows: Sequence[Sequence[Cell]]) -> tuple[str, ...]:
    """One text per column: the upper header row's text (a merged cell's over every column
    it covers) and the lower row's, joined.

    >>> top = [Cell("STT", 1), Cell("Kế hoạch năm 2026", 2), Cell("", 2, merged=True)]
    >>> joined_header([top, [Cell("", 3, merged=True), Cell("Giá trị", 4), Cell("Tăng (%)", 5)]])
    ('STT', 'Kế hoạch năm 2026 Giá trị', 'Kế hoạch năm 2026 Tăng (%)')
    """
    if not rows:
        return ()
    texts: list[str] = []
    owner = ""
    for index, cell in enumerate(rows[0]):
        owner = owner if cell.merged and not cell.flat and index else cell.flat
        below = rows[1][index].flat if len(rows) > 1 and index < len(rows[1]) else ""
        texts.append(" ".join(t for t in (owner, below) if t))
    return tuple(texts)


def spread(cells: Sequence[Cell], ncols: int) -> tuple[Cell, ...]:
    """A row of `ncols` grid positions: the cell before the last covers the gap.

    >>> [c.text for c in spread([Cell("I", 1), Cell("KINH TẾ", 2), Cell("", 3)], 6)]
    ['I', 'KINH TẾ', '', '', '', '']
    >>> [c.merged for c in spread([Cell("I", 1), Cell("KINH TẾ", 2), Cell("", 3)], 6)]
    [False, False, True, True, True, False]
    """
    missing = ncols - len(cells)
    if missing <= 0:
        return tuple(cells)
    if len(cells) == 1:
        owner = cells[0]
        return (owner, *(Cell("", owner.line, merged=True) for _ in range(missing)))
    owner = cells[-2]
    covered = tuple(Cell("", owner.line, merged=True) for _ in range(missing))
    return (*cells[:-1], *covered, cells[-1])


def classify(cells: Sequence[Cell], *, first: bool) -> str:
    """The kind of a row: the first is the header; "1 2 3 ..." the column
    numbers; a Roman STT with no values a group; anything else data."""
    if first:
        return "header"
    texts = [cell.flat for cell in cells if not cell.merged]
    if len(texts) >= 2 and texts == [str(n) for n in range(1, len(texts) + 1)]:
        return "numbers"
    if _ROMAN.match(texts[0] if texts else "") and not any(c.flat for c in cells[2:]):
        return "group"
    return "data"

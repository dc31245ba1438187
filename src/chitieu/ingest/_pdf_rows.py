"""The rows of a PDF table as the reader prints them, across page breaks.

A table's parts (one per page) become one list of rows. On each new page the
header rows Word or LibreOffice repeat are dropped, and a row the page break
cut in two is one row again: the part's first row continues the row above
when its first cell (STT) is empty and each of its other texts goes on from
the text above it: the text above had to wrap ("Chỉ số sản xuất công" /
"nghiệp"), or the text below starts in lower case. A first row with no text
at all is the empty foot of the row above.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from chitieu.ingest._pdf_lines import TextLine
from chitieu.ingest._pdf_paragraphs import Column, Piece, Reference, paragraphs, wrapped
from chitieu.ingest._pdf_tables import Grid

CELL = "cell"  # a cell that starts in this row
CONTINUED = "continued"  # a cell merged down from a row above
HOLE = "hole"  # a grid position no ruled cell covers
_HEADER_ROWS = 3  # at most this many leading rows repeat on a continued table's page
_CELL_PAD = (0.5, 8.0)  # pt: bounds of the space between a cell's rule and its text


@dataclass(frozen=True)
class Slot:
    """What a row prints at one grid position: its kind, the grid columns it
    covers, and for a cell its text lines and the column they were set in."""

    kind: str
    col: int
    cols: int
    lines: tuple[TextLine, ...] = ()
    column: Column | None = None

    def paragraphs(
        self, words: Collection[str], accept: Callable[[int], bool]
    ) -> list[tuple[Piece, ...]]:
        """The cell's text as its paragraphs; [("",)] when it has none."""
        if not self.lines or self.column is None:
            return [("",)]
        column = self.column
        found = paragraphs(self.lines, lambda _: column, words, accept)
        return [paragraph.pieces for paragraph in found]

    def flat(self, words: Collection[str]) -> str:
        pieces = self.paragraphs(words, lambda _: False)
        return " ".join(text(piece) for piece in pieces).strip()


def text(pieces: Sequence[Piece]) -> str:
    return "".join(piece for piece in pieces if not isinstance(piece, Reference)).strip()


def table_rows(parts: Sequence[Grid], words: Collection[str]) -> list[list[Slot]]:
    """The rows of a table printed over `parts` (page by page)."""
    rows: list[list[Slot]] = []
    head: list[tuple[str, ...]] = []
    for position, grid in enumerate(parts):
        found = [_row(grid, row) for row in range(grid.nrows)]
        if position == 0:
            head = [_texts(row, words) for row in found[:_HEADER_ROWS]]
        else:
            skip = 0
            while skip < min(len(head), len(found)) and _texts(found[skip], words) == head[skip]:
                skip += 1
            found = found[skip:]
            if rows and found and _goes_on(rows[-1], found[0], words):
                rows[-1] = _joined(rows[-1], found[0])
                found = found[1:]
        rows.extend(found)
    return rows


def _row(grid: Grid, row: int) -> list[Slot]:
    slots: list[Slot] = []
    pad = min(max(grid.padding, _CELL_PAD[0]), _CELL_PAD[1])
    for col in range(grid.ncols):
        owner = grid.owner(row, col)
        if owner is None:
            slots.append(Slot(HOLE, col, 1))
        elif owner.col < col:
            continue  # covered by the cell on its left
        elif owner.row < row:
            slots.append(Slot(CONTINUED, col, owner.cols))
        else:
            size = owner.lines[0].size if owner.lines else 10.0
            x0, _, x1, _ = owner.box
            column = Column(x0 + pad, x1 - pad, grid.pitch or 1.2 * size, size, cell=True)
            slots.append(Slot(CELL, col, owner.cols, owner.lines, column))
    return slots


def _texts(row: Sequence[Slot], words: Collection[str]) -> tuple[str, ...]:
    return tuple(slot.flat(words) if slot.kind == CELL else "" for slot in row)


def _goes_on(above: Sequence[Slot], row: Sequence[Slot], words: Collection[str]) -> bool:
    """Whether `row` is the rest of `above`, cut by a page break."""
    if [(s.col, s.cols) for s in above] != [(s.col, s.cols) for s in row] or not row:
        return False
    if row[0].lines:
        return False  # the row has its own STT
    if not any(slot.lines for slot in row):
        return True  # the empty foot of a row the page break cut
    carried = False
    for upper, lower in zip(above, row, strict=True):
        if not lower.lines:
            continue
        if not upper.lines or upper.column is None:
            return False
        first = lower.lines[0].text.lstrip()[:1]
        if not (first.islower() or wrapped(upper.lines[-1], lower.lines[0], upper.column)):
            return False
        carried = True
    return carried


def _joined(above: Sequence[Slot], row: Sequence[Slot]) -> list[Slot]:
    return [
        replace(upper, lines=upper.lines + lower.lines) if upper.kind == CELL else upper
        for upper, lower in zip(above, row, strict=True)
    ]

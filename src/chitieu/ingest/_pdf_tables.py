"""Ruled tables of a PDF page, found by pdfplumber from the page's ruling lines.

pdfplumber's table finder (the "lines" strategy: snap and join the ruling
segments, find their intersections, the smallest rectangles between them, and
group touching rectangles into tables) runs on the segments PDFium read, so
the page is parsed once, and before its text: the text is then cut at the
cell borders. A rectangle spanning several grid columns or rows is a
merged cell. A table that ends one page and starts the next with the same
columns is one table; the header rows Word repeats on the new page are dropped.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, cast

from pdfplumber.table import TableFinder

from chitieu.ingest._pdf_lines import TextLine, group_lines
from chitieu.ingest._pdf_page import Edge, Page, Span

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_SAME_COLUMN = 2.0  # pt: continuation columns line up within this
_MIN_EDGES = 4  # a page with fewer ruling segments has no table


@dataclass(frozen=True)
class GridCell:
    """A cell of a grid: where it starts, how many rows and columns it covers,
    and the text lines printed inside it."""

    row: int
    col: int
    rows: int
    cols: int
    box: Box
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Grid:
    """One table (or the part of it on one page)."""

    page: int
    box: Box
    columns: tuple[float, ...]  # the x of every column boundary, left to right
    nrows: int
    cells: tuple[GridCell, ...]

    @property
    def ncols(self) -> int:
        return len(self.columns) - 1

    @cached_property
    def _owners(self) -> dict[tuple[int, int], GridCell]:
        return {
            (row, col): cell
            for cell in self.cells
            for row in range(cell.row, cell.row + cell.rows)
            for col in range(cell.col, cell.col + cell.cols)
        }

    @cached_property
    def padding(self) -> float:
        """The space between a cell's left rule and its text (the smallest seen:
        a first line may be indented)."""
        return min((line.x0 - cell.box[0] for cell in self.cells for line in cell.lines), default=0)

    @cached_property
    def pitch(self) -> float | None:
        """The usual distance between baselines inside a cell."""
        gaps = [
            second.baseline - first.baseline
            for cell in self.cells
            for first, second in zip(cell.lines, cell.lines[1:], strict=False)
            if 0.9 * first.size < second.baseline - first.baseline < 2.5 * first.size
        ]
        return statistics.median(gaps) if gaps else None

    def owner(self, row: int, col: int) -> GridCell | None:
        """The cell covering grid position (row, col); None for a hole in the ruling."""
        return self._owners.get((row, col))


class _RulingPage:
    """What pdfplumber's TableFinder reads from a page with the lines strategy."""

    def __init__(self, edges: Iterable[Edge], width: float, height: float) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self.edges = [_plumber_edge(edge) for edge in edges]


def _plumber_edge(edge: Edge) -> dict[str, Any]:
    orientation = "h" if edge.horizontal else "v"
    if orientation == "h":
        top = bottom = (edge.top + edge.bottom) / 2
        x0, x1 = edge.x0, edge.x1
    else:
        x0 = x1 = (edge.x0 + edge.x1) / 2
        top, bottom = edge.top, edge.bottom
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


@lru_cache(maxsize=8)
def table_cells(edges: tuple[Edge, ...], width: float, height: float) -> Cells | None:
    """The ruled tables drawn by `edges`, or None. Cached: the page reader asks
    first (to cut spans at cell borders), `find_grids` again."""
    if len(edges) < _MIN_EDGES:
        return None
    page = _RulingPage(edges, width, height)
    finder = TableFinder(cast(Any, page), _SETTINGS)
    shapes = [_Shape(table.cells) for table in finder.tables if len(table.cells) > 1]
    return Cells(shapes) if shapes else None


class Cells:
    """The cells of a page's tables, numbered across tables."""

    def __init__(self, shapes: list[_Shape]) -> None:
        self.shapes = shapes
        self.offsets = []
        total = 0
        for shape in shapes:
            self.offsets.append(total)
            total += len(shape.boxes)

    def __call__(self, x: float, y: float) -> int | None:
        for shape, offset in zip(self.shapes, self.offsets, strict=True):
            index = shape.locate(x, y)
            if index is not None:
                return offset + index
        return None


def find_grids(page: Page) -> tuple[list[Grid], list[Span]]:
    """The page's tables with their text, and the spans outside them."""
    cells = table_cells(page.edges, page.width, page.height)
    if cells is None:
        return [], list(page.spans)
    inside: dict[int, list[Span]] = {}
    outside: list[Span] = []
    for span in page.spans:
        if span.cell is None:
            outside.append(span)
        else:
            inside.setdefault(span.cell, []).append(span)
    grids = [
        shape.grid(page.number, [inside.get(offset + i, []) for i in range(len(shape.boxes))])
        for shape, offset in zip(cells.shapes, cells.offsets, strict=True)
    ]
    return grids, outside


class _Shape:
    """A table's cell rectangles on the grid of their distinct edges."""

    def __init__(self, boxes: Sequence[Box]) -> None:
        self.boxes = list(boxes)
        self.xs = sorted({box[0] for box in boxes} | {box[2] for box in boxes})
        self.ys = sorted({box[1] for box in boxes} | {box[3] for box in boxes})
        self.box = (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])
        self.at: dict[tuple[int, int], int] = {}
        for index, (x0, top, x1, bottom) in enumerate(self.boxes):
            for row in range(self.ys.index(top), self.ys.index(bottom)):
                for col in range(self.xs.index(x0), self.xs.index(x1)):
                    self.at[(row, col)] = index

    def locate(self, x: float, y: float) -> int | None:
        x0, top, x1, bottom = self.box
        if not (x0 <= x <= x1 and top <= y <= bottom):
            return None
        col = min(bisect.bisect_right(self.xs, x) - 1, len(self.xs) - 2)
        row = min(bisect.bisect_right(self.ys, y) - 1, len(self.ys) - 2)
        return self.at.get((row, col))

    def grid(self, page: int, bins: Sequence[Sequence[Span]]) -> Grid:
        cells = []
        for (x0, top, x1, bottom), spans in zip(self.boxes, bins, strict=True):
            row, col = self.ys.index(top), self.xs.index(x0)
            cells.append(
                GridCell(
                    row=row,
                    col=col,
                    rows=self.ys.index(bottom) - row,
                    cols=self.xs.index(x1) - col,
                    box=(x0, top, x1, bottom),
                    lines=tuple(group_lines(spans, page)),
                )
            )
        cells.sort(key=lambda cell: (cell.row, cell.col))
        return Grid(page, self.box, tuple(self.xs), len(self.ys) - 1, tuple(cells))


def same_columns(first: Grid, second: Grid) -> bool:
    """Whether `second` can continue `first` on the next page."""
    return (
        second.page == first.page + 1
        and first.ncols == second.ncols
        and all(
            abs(a - b) <= _SAME_COLUMN for a, b in zip(first.columns, second.columns, strict=True)
        )
    )

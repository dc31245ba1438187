"""What reading a figures file gives: rows, problems and the places they point to.

The columns of the file (their English keys, Vietnamese labels and the header
spellings accepted) live here too, because the template writer and the reader
must agree on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.catalog.text import fold

COLUMNS = ("indicator", "locality", "period", "value", "status", "unit", "source", "note")
REQUIRED = ("indicator", "locality", "period", "value", "status")
LABELS = {
    "indicator": "Mã chỉ tiêu",
    "locality": "Địa bàn",
    "period": "Kỳ",
    "value": "Giá trị",
    "status": "Loại số liệu",
    "unit": "Đơn vị",
    "source": "Nguồn",
    "note": "Ghi chú",
}
_ALIASES = {
    "indicator": ("indicator", "mã chỉ tiêu", "mã", "code"),
    "locality": ("locality", "địa bàn", "mã địa bàn"),
    "period": ("period", "kỳ", "kỳ số liệu", "năm"),
    "value": ("value", "giá trị", "số liệu"),
    "status": ("status", "loại số liệu", "trạng thái"),
    "unit": ("unit", "đơn vị", "đơn vị tính"),
    "source": ("source", "nguồn", "nguồn số liệu"),
    "note": ("note", "ghi chú"),
}
HEADER_KEYS = {fold(alias): column for column, aliases in _ALIASES.items() for alias in aliases}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Place:
    """Where a cell is: sheet (None for CSV), 1-based row, column letter or CSV header."""

    sheet: str | None
    row: int
    column: str | None = None

    def __str__(self) -> str:
        parts = [f"trang “{self.sheet}”"] if self.sheet else []
        parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    place: Place
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class FigureRow:
    """One well-formed row: a figure to store, with the place of each of its cells."""

    place: Place
    indicator: str
    locality: str
    period: Period
    value: Decimal
    value_text: str
    status: FigureStatus
    unit: str
    source: str
    note: str
    cells: tuple[tuple[str, str], ...]  # (column key, column letter or header) pairs

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.locality, str(self.period), self.status.value)

    def at(self, column: str) -> Place:
        return Place(self.place.sheet, self.place.row, dict(self.cells).get(column))


@dataclass(frozen=True)
class FiguresFile:
    name: str
    rows: tuple[FigureRow, ...]
    problems: tuple[Problem, ...]

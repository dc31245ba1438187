"""Reporting periods: a year, a half-year, a quarter, a month, or the first n months of a year.

Written the way figures files write them: "2026", "2026-H1", "2026-Q3",
"2026-01", "2024-6M" (the first six months, lũy kế).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class PeriodKind(StrEnum):
    YEAR = "Y"
    HALF = "H"
    QUARTER = "Q"
    MONTH = "M"
    YEAR_TO_DATE = "YTD"


_LABELS = {
    PeriodKind.YEAR: "Năm {year}",
    PeriodKind.HALF: "6 tháng {part} năm {year}",
    PeriodKind.QUARTER: "Quý {index} năm {year}",
    PeriodKind.MONTH: "Tháng {index:02d}/{year}",
    PeriodKind.YEAR_TO_DATE: "{index} tháng năm {year}",
}

_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})-H([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})-Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-([1-9]|1[0-2])M$"), PeriodKind.YEAR_TO_DATE),
)


class PeriodError(ValueError):
    """A period string that is not one of the forms above."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: PeriodKind = PeriodKind.YEAR
    index: int = 0  # half 1-2, quarter 1-4, month 1-12, months elapsed for YTD

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period string.

        >>> Period.parse("2026-Q2")
        Period(year=2026, kind=<PeriodKind.QUARTER: 'Q'>, index=2)
        """
        cleaned = text.strip()
        for pattern, kind in _PATTERNS:
            match = pattern.match(cleaned)
            if match:
                index = int(match.group(2)) if kind is not PeriodKind.YEAR else 0
                return cls(int(match.group(1)), kind, index)
        raise PeriodError(
            f"Kỳ số liệu không hợp lệ: {text!r} (dùng dạng 2026, 2026-H1, 2026-Q1, 2026-01 hoặc 2026-6M)"
        )

    @classmethod
    def year_of(cls, year: int) -> Period:
        return cls(year, PeriodKind.YEAR, 0)

    @property
    def is_year(self) -> bool:
        return self.kind is PeriodKind.YEAR

    def __str__(self) -> str:
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.index:02d}"
        if self.kind is PeriodKind.YEAR_TO_DATE:
            return f"{self.year}-{self.index}M"
        return f"{self.year}-{self.kind.value}{self.index}"

    def label(self) -> str:
        """Vietnamese label for display: "Quý 2 năm 2026"."""
        part = "đầu" if self.index == 1 else "cuối"
        return _LABELS[self.kind].format(year=self.year, index=self.index, part=part)

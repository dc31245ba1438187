"""Published figures (CSV files a place profile names) read through their mapping into Figures.

Pure: no database. Each CSV row is either mapped to one core Figure (catalogue
code, locality code, period, status, value, source) or listed as unmapped with
its reason; nothing is dropped silently. Rows that share a key (indicator,
locality, period, status) are kept apart: the first in file order is the
figure, a later one with another value is a conflict, with the same value a
duplicate (a second source confirming it).

The files write numbers with "." as the decimal point (they are data, not
display), so values are read with Decimal, not with the Vietnamese parser.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from chitieu.catalog.model import Figure, FigureStatus
from chitieu.catalog.period import Period, PeriodError
from chitieu.catalog.text import fold
from chitieu.quantity import get_unit, parse_unit
from chitieu.quantity.units import UNITS, convert

_COLUMNS = ("locality", "indicator", "unit", "period", "value", "status", "source_url", "note")
# Best first: which status of a period counts as the actual value.
ACTUAL_RANK = (FigureStatus.OFFICIAL, FigureStatus.PRELIMINARY, FigureStatus.ESTIMATE)


class PublishedError(ValueError):
    """A file or mapping that cannot be read at all; carries the place."""


@dataclass(frozen=True)
class PublishedRow:
    """One CSV row as written; `line` is its 1-based line in the file (the header is line 1)."""

    file: str
    line: int
    locality: str
    indicator: str
    unit: str
    period: str
    value: str
    status: str
    source: str
    note: str

    @property
    def place(self) -> str:
        return f"{self.file}, dòng {self.line}"


@dataclass(frozen=True)
class MappedFigure:
    row: PublishedRow
    figure: Figure

    @property
    def key(self) -> tuple[str, str, str, str]:
        f = self.figure
        return (f.indicator, f.locality, str(f.period), f.status.value)


@dataclass(frozen=True)
class Unmapped:
    row: PublishedRow
    reason: str  # Vietnamese


@dataclass(frozen=True)
class Conflict:
    """Two sources, one key, two values: `kept` is the stored figure, `other` the second source."""

    kept: MappedFigure
    other: MappedFigure


@dataclass(frozen=True)
class SupplementaryIndicator:
    code: str
    name: str
    unit: str


@dataclass(frozen=True)
class MappingEntry:
    name: str
    unit: str
    codes: tuple[tuple[str, str], ...]  # (locality code or "*", indicator code)
    convert_to: str | None = None

    def code_for(self, locality: str) -> str | None:
        found = dict(self.codes)
        return found.get(locality, found.get("*"))


@dataclass(frozen=True)
class PublishedMapping:
    localities: tuple[tuple[str, str], ...]  # (name as written, code)
    entries: tuple[MappingEntry, ...]
    supplementary: tuple[SupplementaryIndicator, ...]
    supplementary_plan: tuple[str, str, int, int]  # code, name, term start, term end
    left_out: tuple[tuple[str, str], ...]  # (indicator name, reason)

    def locality(self, name: str) -> str | None:
        return dict((fold(n), c) for n, c in self.localities).get(fold(name))

    def entry(self, name: str, unit: str) -> MappingEntry | None:
        for entry in self.entries:
            if fold(entry.name) == fold(name) and fold(entry.unit) == fold(unit):
                return entry
        return None

    def left_out_reason(self, name: str) -> str | None:
        return dict((fold(n), r) for n, r in self.left_out).get(fold(name))

    def codes(self) -> set[str]:
        return {code for entry in self.entries for _, code in entry.codes}


@dataclass(frozen=True)
class Published:
    figures: tuple[MappedFigure, ...]  # one per key, the first source in file order
    conflicts: tuple[Conflict, ...]
    duplicates: tuple[Conflict, ...]  # same key, same value, another source
    unmapped: tuple[Unmapped, ...]
    rows: int  # rows read, all files

    def core_figures(self) -> list[Figure]:
        return [m.figure for m in self.figures]


def read_mapping(path: str | Path) -> PublishedMapping:
    """Read a mapping file (see the header of a shipped mapping.yaml for the rules)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PublishedError(f"Không đọc được tệp ánh xạ {path}: {error}") from error
    try:
        return _mapping(data, path)
    except PublishedError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise PublishedError(
            f"Tệp ánh xạ {path}: thiếu hoặc sai khoá {error}; xem phần đầu của một tệp "
            "mapping.yaml mẫu (localities, indicators, plan.supplementary)."
        ) from None


def _unit_code(code: str, indicator: str, path: Path) -> str:
    """A supplementary indicator's unit: a code of the units table, or none, so that a page
    never shows a code nobody can read ("ty_dong_per_km2")."""
    if code and code not in UNITS:
        raise PublishedError(
            f"{path}, chỉ tiêu bổ sung {indicator}: không có đơn vị mã “{code}” trong danh mục "
            "đơn vị (docs/quantity.md); dùng một mã có sẵn hoặc thêm đơn vị vào "
            "chitieu/quantity/units.py."
        )
    return code


def _mapping(data: Any, path: Path) -> PublishedMapping:
    entries = []
    for number, item in enumerate(data.get("indicators", []), start=1):
        codes = (("*", item["code"]),) if "code" in item else tuple(item["by_locality"].items())
        if not codes or not all(code for _, code in codes):
            raise PublishedError(f"{path}, mục indicators thứ {number}: thiếu mã chỉ tiêu.")
        entries.append(MappingEntry(item["name"], item["unit"], codes, item.get("convert_to")))
    plan = data["plan"]["supplementary"]
    return PublishedMapping(
        localities=tuple(data["localities"].items()),
        entries=tuple(entries),
        supplementary=tuple(
            SupplementaryIndicator(s["code"], s["name"], _unit_code(s["unit"], s["code"], path))
            for s in data.get("supplementary", [])
        ),
        supplementary_plan=(
            plan["code"],
            plan["name"],
            int(plan["term_start"]),
            int(plan["term_end"]),
        ),
        left_out=tuple((u["name"], u["reason"]) for u in data.get("unmapped", [])),
    )


def read_rows(path: str | Path) -> list[PublishedRow]:
    """The rows of one published figures CSV, with their line numbers."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise PublishedError(f"{path.name}: thiếu cột {', '.join(missing)}.")
        return [
            PublishedRow(
                file=path.name,
                line=reader.line_num,
                locality=record["locality"].strip(),
                indicator=record["indicator"].strip(),
                unit=record["unit"].strip(),
                period=record["period"].strip(),
                value=record["value"].strip(),
                status=record["status"].strip(),
                source=record["source_url"].strip(),
                note=record["note"].strip(),
            )
            for record in reader
        ]


def read_published(files: Iterable[str | Path], mapping: PublishedMapping) -> Published:
    """Read the figure files, in order, through the mapping."""
    rows = [row for path in files for row in read_rows(path)]
    return map_rows(rows, mapping)


def map_rows(rows: Iterable[PublishedRow], mapping: PublishedMapping) -> Published:
    """Map every row; split repeated keys into the figure, conflicts and duplicates."""
    kept: dict[tuple[str, str, str, str], MappedFigure] = {}
    conflicts, duplicates, unmapped = [], [], []
    count = 0
    for row in rows:
        count += 1
        result = map_row(row, mapping)
        if isinstance(result, Unmapped):
            unmapped.append(result)
            continue
        first = kept.get(result.key)
        if first is None:
            kept[result.key] = result
        elif first.figure.value == result.figure.value:
            duplicates.append(Conflict(first, result))
        else:
            conflicts.append(Conflict(first, result))
    return Published(
        tuple(kept.values()), tuple(conflicts), tuple(duplicates), tuple(unmapped), count
    )


def map_row(row: PublishedRow, mapping: PublishedMapping) -> MappedFigure | Unmapped:
    """One row to a figure, or the reason it has none."""
    locality = mapping.locality(row.locality)
    if locality is None:
        return Unmapped(row, f"địa bàn “{row.locality}” không có trong ánh xạ")
    entry = mapping.entry(row.indicator, row.unit)
    if entry is None:
        reason = mapping.left_out_reason(row.indicator)
        return Unmapped(
            row, reason or f"chỉ tiêu “{row.indicator}” ({row.unit}) không có trong ánh xạ"
        )
    code = entry.code_for(locality)
    if code is None:
        return Unmapped(row, f"ánh xạ của “{row.indicator}” không có mã cho địa bàn {locality}")
    try:
        period = Period.parse(row.period)
    except PeriodError:
        return Unmapped(row, f"kỳ “{row.period}” nhiều năm hoặc không đúng dạng, chưa lưu được")
    try:
        value = Decimal(row.value)
        status = FigureStatus.from_label(row.status)
    except (InvalidOperation, ValueError):
        return Unmapped(row, f"giá trị “{row.value}” hoặc loại “{row.status}” không đọc được")
    if entry.convert_to:
        value = _converted(value, row.unit, entry.convert_to)
    figure = Figure(code, locality, period, value, status, row.source, row.note)
    return MappedFigure(row, figure)


def _converted(value: Decimal, unit_text: str, to_code: str) -> Decimal:
    unit = parse_unit(unit_text)
    if unit is None:
        raise PublishedError(f"Đơn vị “{unit_text}” không đọc được để đổi sang {to_code}.")
    get_unit(to_code)
    return convert(value, unit.code, to_code).normalize()


def status_rank(status: FigureStatus) -> int:
    """Order of publication: ước (0) before sơ bộ (1) before chính thức (2); kế hoạch -1.

    >>> [status_rank(FigureStatus(s)) for s in ("ke_hoach", "uoc", "so_bo", "chinh_thuc")]
    [-1, 0, 1, 2]
    """
    if status is FigureStatus.PLAN:
        return -1
    return len(ACTUAL_RANK) - 1 - ACTUAL_RANK.index(status)


def revision_chains(
    figures: Iterable[MappedFigure],
) -> dict[tuple[str, str, Period], tuple[MappedFigure, ...]]:
    """Actual figures of one (indicator, locality, period), ước → sơ bộ → chính thức.

    Only keys reported with two statuses or more form a chain.
    """
    grouped: dict[tuple[str, str, Period], list[MappedFigure]] = {}
    for item in figures:
        f = item.figure
        if f.status is not FigureStatus.PLAN:
            grouped.setdefault((f.indicator, f.locality, f.period), []).append(item)
    return {
        key: tuple(sorted(items, key=lambda m: status_rank(m.figure.status)))
        for key, items in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))
        if len(items) > 1
    }


def best_actual(figures: Iterable[Figure]) -> Figure | None:
    """The current best actual value of one period: chính thức > sơ bộ > ước; never kế hoạch."""
    actual = [f for f in figures if f.status is not FigureStatus.PLAN]
    return max(actual, key=lambda f: status_rank(f.status), default=None)

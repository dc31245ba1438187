"""Every target and result cell of the appendix tables, and every target of section IV,
reads sensibly; the only ambiguous one is the 328,096 result of Phụ lục 1A row 4."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from chitieu.quantity import (
    NumberContext,
    Target,
    TargetKind,
    format_target,
    get_unit,
    parse_target,
    parse_unit,
    resolve_number,
)
from chitieu.quantity.numbers import parse_number
from chitieu.quantity.vocab import DITTO_MARKS
from tests.conftest import SEED
from tests.quantity.cells import section_iv_targets, table_rows

LINES = SEED.read_text(encoding="utf-8").split("\n")
SIX_COLUMN_TABLES = {"1A": (751, 1148), "1B": (1149, 1321)}
TABLE_2 = (1322, 1586)
SECTION_IV = (402, 486)


def _cells() -> list[tuple[str, str, str | None]]:
    """(where, cell text, unit code of the row) for every target and result cell."""
    found: list[tuple[str, str, str | None]] = []
    for name, (first, last) in SIX_COLUMN_TABLES.items():
        unit: str | None = None
        for row in table_rows(LINES, first, last):
            # Section headings ("I | KINH TẾ") have three cells; the header and the
            # column-number row (1 2 3 4 5 6) are labels, not figures.
            if len(row.cells) != 6 or row.cells[0] == "STT" or row.cells[:2] == ("1", "2"):
                continue
            stt, _, unit_text, target, result, _ = row.cells
            # '"' in the unit column repeats the unit of the row above.
            if unit_text not in DITTO_MARKS:
                found_unit = parse_unit(unit_text)
                unit = found_unit.code if found_unit else None
            for column, cell in (("Mục tiêu", target), ("Kết quả", result)):
                # An empty cell is a parent row or a missing figure, and '"' is the
                # ditto mark: neither is a target, so they are not parsed at all.
                if cell and cell not in DITTO_MARKS:
                    found.append((f"{name} dòng {row.line} STT {stt} {column}", cell, unit))
    for row in table_rows(LINES, *TABLE_2):
        if len(row.cells) == 3 and row.cells[0] != "STT" and row.cells[2]:
            found.append((f"2 dòng {row.line} Mục tiêu", row.cells[2], None))
    return found


CELLS = _cells()
PROSE: list[tuple[str, str, str | None]] = [
    (f"IV dòng {p.line}: {p.subject[:40]}", p.text, None)
    for p in section_iv_targets(LINES, *SECTION_IV)
]


def test_the_walk_finds_every_cell_of_the_three_tables() -> None:
    """Filled target and result cells, counted by hand: 1A 81 (51 rows, some half empty),
    1B 40 (20 rows), Phụ lục 2 52 (63 rows, 11 of them headings with no target)."""
    by_table = {
        name: sum(1 for where, _, _ in CELLS if where.startswith(name + " "))
        for name in ("1A", "1B", "2")
    }
    assert by_table == {"1A": 81, "1B": 40, "2": 52}


def test_section_iv_yields_every_numbered_target() -> None:
    """Counted by hand: 1.1 gives 3, 1.2 4, 1.3 2, 1.4 4 (with its "trong đó" line), 1.5-1.9 5,
    2.1-2.15 19 (2.2 and 2.5 have a "trong đó" part, 2.11 two bullets), 3.1-3.7 7."""
    assert len(PROSE) == 44


def _sensible(target: Target) -> None:
    assert target.kind is not TargetKind.TEXT
    bounds = [b for b in (target.low, target.high) if b is not None]
    assert bounds or target.ambiguous
    assert all(b >= 0 for b in bounds)
    if target.unit in ("pct", "pct_per_year"):
        assert all(b <= 100 for b in bounds)
    reread = parse_target(format_target(target), unit=target.unit)
    assert (reread.kind, reread.low, reread.high, reread.unit) == (
        target.kind,
        target.low,
        target.high,
        target.unit,
    )


@pytest.mark.parametrize(
    ("where", "text", "unit"), CELLS + PROSE, ids=[w for w, _, _ in CELLS + PROSE]
)
def test_every_target_and_result_reads_as_a_quantity(
    where: str, text: str, unit: str | None
) -> None:
    target = parse_target(text, unit=unit)
    _sensible(target)
    if unit is not None and target.unit is not None:
        assert get_unit(target.unit).dimension == get_unit(unit).dimension


def test_the_only_ambiguous_cell_is_the_328_096_result_of_1a_row_4() -> None:
    ambiguous = [(w, t) for w, t, u in CELLS + PROSE if parse_target(t, unit=u).ambiguous]
    assert ambiguous == [("1A dòng 863 STT 4 Kết quả", "328,096")]


def _column(name: str, column: str, unit: str) -> Sequence[Decimal]:
    values = []
    for where, text, cell_unit in CELLS:
        if where.startswith(name + " ") and where.endswith(column) and cell_unit == unit:
            value = parse_number(text).value
            if value is not None:
                values.append(value)
    return values


def test_the_row_target_and_the_column_settle_328_096_as_328096() -> None:
    context = NumberContext(
        neighbours=_column("1A", "Kết quả", "ty_dong"), expected=parse_number("250.000").value
    )
    resolution = resolve_number(parse_number("328,096"), context)
    assert resolution.value == Decimal(328096)


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "unit"),
    [
        # checked by hand against the document
        ("7,5-8", TargetKind.RANGE, "7.5", "8", None),
        ("< 1", TargetKind.MAX, None, "1", None),
        (">70", TargetKind.MIN, "70", None, None),
        ("> 90", TargetKind.MIN, "90", None, None),
        ("80 trở lên", TargetKind.MIN, "80", None, None),
        ("30/77", TargetKind.RATIO, None, None, None),
        ("Từ 3%/tổng số đảng viên trở lên", TargetKind.MIN, "3", None, "pct"),
        ("Nhóm 10 tỉnh dẫn đầu", TargetKind.RANK, None, "10", "hang"),
        ("15 bác sỹ", TargetKind.POINT, "15", "15", "bac_sy_per_10k"),
        ("<1,35 %", TargetKind.MAX, None, "1.35", "pct"),
        ("Khoảng 600.000  tỷ đồng", TargetKind.APPROX, "600000", "600000", "ty_dong"),
        ("1.600", TargetKind.POINT, "1600", "1600", None),
    ],
)
def test_hand_checked_cells(
    text: str, kind: TargetKind, low: str | None, high: str | None, unit: str | None
) -> None:
    assert text in {t for _, t, _ in CELLS + PROSE}
    target = parse_target(text)
    assert target.kind is kind and target.unit == unit
    if kind is not TargetKind.RATIO:
        assert target.low == (Decimal(low) if low else None)
        assert target.high == (Decimal(high) if high else None)

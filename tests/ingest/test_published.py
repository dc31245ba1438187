"""The published figures read through mapping.yaml (counts checked by hand against the CSVs)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import FigureStatus
from chitieu.catalog.period import Period
from chitieu.ingest.published import (
    PublishedRow,
    Unmapped,
    map_row,
    read_mapping,
    read_published,
    revision_chains,
)
from tests.profiles import seed_profile

PUBLISHED = Path(__file__).resolve().parents[2] / "data" / "hung-yen" / "published"


@pytest.fixture(scope="module")
def published():  # type: ignore[no-untyped-def]
    """The files the profile names, in its order, through its mapping."""
    spec = seed_profile().documents.published
    assert spec is not None
    return read_published(spec.files, read_mapping(spec.mapping))


def test_every_row_is_a_figure_a_conflict_a_duplicate_or_unmapped(published) -> None:  # type: ignore[no-untyped-def]
    """277 history rows + 3 January 2026 rows; none dropped."""
    assert published.rows == 280
    parts = len(published.figures) + len(published.conflicts) + len(published.duplicates)
    assert parts + len(published.unmapped) == 280
    assert (len(published.figures), len(published.conflicts), len(published.unmapped)) == (
        251,
        22,
        5,
    )


def test_unmapped_rows_are_the_multi_year_periods(published) -> None:  # type: ignore[no-untyped-def]
    assert sorted(u.row.line for u in published.unmapped) == [74, 79, 259, 264, 265]
    assert all("-" in u.row.period and "M" not in u.row.period for u in published.unmapped)


def test_a_conflict_keeps_the_first_row_as_the_figure(published) -> None:  # type: ignore[no-untyped-def]
    """Lines 267/268: merged province 2025 budget revenue 100.299 vs 82.000, both ước."""
    found = [c for c in published.conflicts if c.kept.row.line == 267]
    assert [(c.kept.figure.value, c.other.figure.value) for c in found] == [
        (Decimal("100299"), Decimal("82000"))
    ]


def test_same_value_twice_is_a_duplicate_not_a_conflict(published) -> None:  # type: ignore[no-untyped-def]
    assert sorted((d.kept.row.line, d.other.row.line) for d in published.duplicates) == [
        (64, 65),
        (196, 197),
    ]


def test_revision_chain_of_thai_binh_2022_growth(published) -> None:  # type: ignore[no-untyped-def]
    chain = revision_chains(published.figures)[
        ("thai_binh_cu_2020_2025.003", "thai_binh_cu", Period.year_of(2022))
    ]
    assert [(m.figure.status, m.figure.value) for m in chain] == [
        (FigureStatus.ESTIMATE, Decimal("9.2")),
        (FigureStatus.OFFICIAL, Decimal("9.52")),
    ]


@pytest.mark.parametrize("period", ["2023-Q1", "2024-6M", "2026-01", "2025-10M"])
def test_sub_yearly_periods_parse(published, period: str) -> None:  # type: ignore[no-untyped-def]
    assert any(str(m.figure.period) == period for m in published.figures)


def test_target_in_billion_usd_is_converted_to_million() -> None:
    mapping = read_mapping(PUBLISHED / "mapping.yaml")
    row = PublishedRow("x.csv", 2, "Hưng Yên (cũ)", "Kim ngạch xuất khẩu (mục tiêu)", "tỷ USD",
                       "2025", "8.5", "kế hoạch", "", "")  # fmt: skip
    result = map_row(row, mapping)
    assert not isinstance(result, Unmapped)
    assert result.figure.value == Decimal("8500")
    assert result.figure.indicator == "hung_yen_cu_2020_2025.019"


def test_unknown_indicator_is_listed_with_its_reason() -> None:
    mapping = read_mapping(PUBLISHED / "mapping.yaml")
    row = PublishedRow("x.csv", 9, "Hưng Yên", "Số con mèo", "con", "2025", "1", "ước", "", "")
    result = map_row(row, mapping)
    assert isinstance(result, Unmapped) and "Số con mèo" in result.reason


def test_mapped_codes_exist_in_the_catalogue_or_supplementary(seed_path: Path) -> None:
    from chitieu.ingest.pipeline import ingest

    catalogue = ingest(seed_path)
    codes = {i.code for i in catalogue.indicators} | {
        f"{t.code}.{n:03d}" for t in catalogue.past_terms for n in range(1, len(t.rows) + 1)
    }
    mapping = read_mapping(PUBLISHED / "mapping.yaml")
    assert mapping.codes() - codes - {s.code for s in mapping.supplementary} == set()


def test_a_mapping_without_its_keys_is_one_message_naming_what_is_missing(tmp_path: Path) -> None:
    from chitieu.ingest.published import PublishedError

    path = tmp_path / "mapping.yaml"
    path.write_text("localities: {}\n", encoding="utf-8")
    with pytest.raises(PublishedError, match="thiếu hoặc sai khoá 'plan'"):
        read_mapping(path)


def test_a_supplementary_unit_outside_the_units_table_is_refused(tmp_path: Path) -> None:
    from chitieu.ingest.published import PublishedError

    path = tmp_path / "mapping.yaml"
    path.write_text(
        "localities: {}\nplan: {supplementary: {code: p, name: P}}\n"
        "supplementary:\n  - {code: bs.x, name: X, unit: ty_dong_per_ha}\n",
        encoding="utf-8",
    )
    with pytest.raises(PublishedError, match=r"bs\.x: không có đơn vị mã “ty_dong_per_ha”"):
        read_mapping(path)

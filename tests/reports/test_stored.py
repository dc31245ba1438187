"""The results table from stored figures equals the one from the catalogue."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from chitieu.catalog.model import Catalogue, PastTerm, PastTermRow
from chitieu.reports.results import results_table
from chitieu.reports.stored import StoredRow, as_written, past_term_from_store
from tests.reports.appendix import TABLES

STORE_PLACES = Decimal("0.000001")  # the store's DecimalField keeps 6 decimals


def _stored(row: PastTermRow, *, with_figure: bool = True) -> StoredRow:
    """The row as load + seed-history keep it: the value with 6 decimals, no text results."""
    value = row.result_value.quantize(STORE_PLACES) if row.result_value is not None else None
    return StoredRow(
        stt=row.stt,
        name=row.indicator,
        unit=row.unit,
        group=row.group,
        source=row.source,
        target=row.target,
        official=(row.official_assessment or "") if row.target is not None else "",
        value=value if with_figure else None,
        written=row.result_text if value is not None and with_figure else "",
    )


def _from_store(term: PastTerm, rows: list[StoredRow]) -> PastTerm:
    return past_term_from_store(
        code=term.code,
        name=term.name,
        locality=term.locality,
        period=(term.period_start, term.period_end),
        rows=rows,
        label=term.rows[0].table,
    )


@pytest.mark.parametrize("code", sorted(TABLES.values()))
def test_stored_rows_give_the_catalogue_table(catalogue: Catalogue, code: str) -> None:
    term = next(t for t in catalogue.past_terms if t.code == code)
    stored = _from_store(term, [_stored(row) for row in term.rows])
    groups = catalogue.groups
    assert results_table(stored, groups=groups) == results_table(term, groups=groups)


def test_a_stored_figure_without_its_text_prints_its_value_once(catalogue: Catalogue) -> None:
    term = next(t for t in catalogue.past_terms if t.code == TABLES["1A"])
    rows = [replace(_stored(row), written="") for row in term.rows]
    table = results_table(_from_store(term, rows))
    assert "9,9" in [r.result_text for r in table.rows]


def test_a_plain_number_without_a_stored_figure_is_left_blank(catalogue: Catalogue) -> None:
    """The document's number is not shown as if it had been stored."""
    term = next(t for t in catalogue.past_terms if t.code == TABLES["1A"])
    first = term.rows[0]
    rows = [_stored(first, with_figure=False), *(_stored(r) for r in term.rows[1:])]
    table = results_table(_from_store(term, rows))
    row = next(r for r in table.rows if r.name == first.indicator)
    assert first.result_text and row.result_text == ""


def test_a_result_written_as_text_comes_from_the_stored_row(catalogue: Catalogue) -> None:
    term = next(t for t in catalogue.past_terms if t.code == TABLES["1B"])
    table = results_table(_from_store(term, [_stored(r) for r in term.rows]))
    assert {"> 90", "30/77"} <= {r.result_text for r in table.rows}


@pytest.mark.parametrize(
    ("stored", "written", "shown"),
    [
        ("95.000000", "95,0", "95.0"),
        ("0.350000", "0,35", "0.35"),
        ("1686.000000", "1.686", "1686"),
        ("328096.000000", "328,096", "328096"),  # ambiguous text: the value decides
        ("100.000000", "", "100"),
    ],
)
def test_as_written_keeps_the_written_digits(stored: str, written: str, shown: str) -> None:
    assert str(as_written(Decimal(stored), written)) == shown

"""The Excel results report, opened back: numbers as numbers, the appendix cell by cell."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from chitieu.catalog.model import Catalogue
from chitieu.ingest import Document as SourceDocument
from chitieu.quantity import format_number
from chitieu.reports.model import HEADER, ReportHeading, ResultsTable
from chitieu.reports.results import results_from_catalogue
from chitieu.reports.xlsx_writer import results_xlsx
from tests.reports.appendix import TABLES, ambiguous, printed_rows

HEADING = ReportHeading(issuer="ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN")


@pytest.fixture(scope="module")
def tables(catalogue: Catalogue) -> dict[str, ResultsTable]:
    return {label: results_from_catalogue(catalogue, code) for label, code in TABLES.items()}


@pytest.fixture(scope="module")
def books(tables: dict[str, ResultsTable], artifacts: Path) -> dict[str, Workbook]:
    opened = {}
    for label, table in tables.items():
        data = results_xlsx(table, HEADING)
        (artifacts / f"ket-qua-{label}.xlsx").write_bytes(data)
        opened[label] = load_workbook(BytesIO(data))
    return opened


def _header_row(book: Workbook) -> int:
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=1, max_row=10):
        if tuple(cell.value for cell in row[:6]) == HEADER:
            return row[0].row
    raise AssertionError("no header")


def _shown(value: object, number_format: str) -> str:
    """A number cell as a vi-VN reader sees it (the format's decimals, Vietnamese separators)."""
    if not isinstance(value, int | float):
        return "" if value is None else str(value)
    decimals = len(number_format.partition(".")[2])
    return format_number(Decimal(str(value)), decimals=decimals)


@pytest.mark.parametrize("label", sorted(TABLES))
def test_every_cell_matches_the_document_appendix(
    books: dict[str, Workbook], document: SourceDocument, label: str
) -> None:
    sheet = books[label].worksheets[0]
    first = _header_row(books[label]) + 1
    printed = printed_rows(document, label)
    rows = list(sheet.iter_rows(min_row=first, max_row=first + len(printed) - 1))
    assert sheet.max_row == first + len(printed) - 1
    for row, source in zip(rows, printed, strict=True):
        if source.group:
            assert row[0].value == source.cells[0], f"dòng {source.line}"
            continue
        cells = [_shown(cell.value, cell.number_format) for cell in row[:6]]
        cells[5] = cells[5].split(" (")[0]
        expected = list(source.cells)
        if ambiguous(expected[4]):
            cells[4] = expected[4] = ""
        assert cells == expected, f"dòng {source.line}"


def test_results_are_stored_as_numbers_never_as_text(
    books: dict[str, Workbook], tables: dict[str, ResultsTable]
) -> None:
    sheet = books["1A"].worksheets[0]
    first = _header_row(books["1A"]) + 1
    for offset, row in enumerate(tables["1A"].rows):
        cell = sheet.cell(row=first + offset, column=5)
        if row.result_value is not None:
            assert isinstance(cell.value, int | float) and cell.value == float(row.result_value)
            assert cell.number_format.startswith("#,##0")


def test_header_is_frozen_and_repeated_on_each_printed_page(books: dict[str, Workbook]) -> None:
    sheet = books["1A"].worksheets[0]
    header = _header_row(books["1A"])
    assert sheet.freeze_panes == f"C{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"


def test_group_rows_are_merged_across_the_table(books: dict[str, Workbook]) -> None:
    sheet = books["1A"].worksheets[0]
    header = _header_row(books["1A"])
    assert f"B{header + 1}:F{header + 1}" in {str(r) for r in sheet.merged_cells.ranges}


def test_print_set_up_is_a4_landscape(books: dict[str, Workbook]) -> None:
    setup = books["1A"].worksheets[0].page_setup
    assert (setup.paperSize, setup.orientation) == (9, "landscape")


def test_notes_have_their_own_sheet(
    books: dict[str, Workbook], tables: dict[str, ResultsTable]
) -> None:
    sheet = books["1A"]["Ghi chú"]
    assert [sheet.cell(row=i + 2, column=2).value for i in range(len(tables["1A"].notes))] == list(
        tables["1A"].notes
    )
    assert "Ghi chú" not in books["1B"].sheetnames  # 1B agrees everywhere, nothing to note

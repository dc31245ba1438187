"""Reading a figures workbook or CSV: malformed files give every problem with its place."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from chitieu.ingest.figures_file import FiguresFileError, read_csv, read_figures, read_records

HEADER = ["Mã chỉ tiêu", "Địa bàn", "Kỳ", "Giá trị", "Loại số liệu", "Nguồn"]
ROW = ["kt.grdp.tang_truong", "hung_yen", "2026", 8.1, "ước", "Sở Tài chính"]


def workbook(tmp_path: Path, *rows: list[object], title: str = "Kinh tế") -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    return book


def read(tmp_path: Path, book: openpyxl.Workbook):  # type: ignore[no-untyped-def]
    path = tmp_path / "mau.xlsx"
    book.save(path)
    return read_figures(path)


def test_a_clean_sheet_gives_rows_with_decimal_values(tmp_path: Path) -> None:
    result = read(tmp_path, workbook(tmp_path, ROW, [*ROW[:2], 2027, "1.234,5", "sơ bộ", ""]))
    assert result.problems == ()
    assert [r.value for r in result.rows] == [Decimal("8.1"), Decimal("1234.5")]
    assert str(result.rows[1].period) == "2027"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (datetime.datetime(2026, 1, 1), "not_a_number"),
        (True, "not_a_number"),
        ("8,1,2", "not_a_number"),
        ("328,096", "ambiguous"),
    ],
)
def test_a_wrong_value_type_is_reported_at_its_cell(
    tmp_path: Path, value: object, code: str
) -> None:
    result = read(tmp_path, workbook(tmp_path, [*ROW[:3], value, *ROW[4:]]))
    (problem,) = result.problems
    assert (problem.code, str(problem.place)) == (code, "trang “Kinh tế”, dòng 2, cột D")


def test_a_date_in_the_period_column_is_reported(tmp_path: Path) -> None:
    result = read(tmp_path, workbook(tmp_path, [*ROW[:2], datetime.date(2026, 1, 1), *ROW[3:]]))
    assert [p.code for p in result.problems] == ["wrong_type"]


def test_merged_cells_in_the_data_are_reported(tmp_path: Path) -> None:
    book = workbook(tmp_path, ROW, [*ROW[:2], "2027", *ROW[3:]])
    book.active.merge_cells("B2:B3")  # type: ignore[union-attr]
    result = read(tmp_path, book)
    assert ("merged_cells", "B2:B3") in [(p.code, p.place.column) for p in result.problems]
    assert [r.place.row for r in result.rows] == [2], "the row under the merge is not read as valid"


def test_a_formula_is_reported_not_evaluated(tmp_path: Path) -> None:
    result = read(tmp_path, workbook(tmp_path, [*ROW[:3], "=4+4.1", *ROW[4:]]))
    (problem,) = result.problems
    assert problem.code == "formula" and "=4+4.1" in problem.message


def test_an_extra_sheet_without_a_header_is_reported(tmp_path: Path) -> None:
    book = workbook(tmp_path, ROW)
    book.create_sheet("Ghi chép").append(["Số liệu này chưa chốt"])
    result = read(tmp_path, book)
    assert [(p.code, p.place.sheet) for p in result.problems] == [("no_header", "Ghi chép")]
    assert len(result.rows) == 1


def test_the_instructions_sheet_and_empty_sheets_are_skipped(tmp_path: Path) -> None:
    book = workbook(tmp_path, ROW)
    book.create_sheet("Hướng dẫn").append(["Điền cột Giá trị"])
    book.create_sheet("Trống")
    assert read(tmp_path, book).problems == ()


def test_the_same_figure_on_two_sheets_is_a_duplicate(tmp_path: Path) -> None:
    book = workbook(tmp_path, ROW)
    other = book.create_sheet("Khác")
    other.append(HEADER)
    other.append(ROW)
    (problem,) = read(tmp_path, book).problems
    assert problem.code == "duplicate" and "Kinh tế" in problem.message


def test_a_missing_column_is_reported_once(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER[:4])
    sheet.append(ROW[:4])
    assert [p.code for p in read(tmp_path, book).problems] == ["missing_column"]


def test_a_row_without_value_is_skipped_unless_other_cells_are_filled(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        workbook(tmp_path, [*ROW[:3], None, None, None], [*ROW[:3], None, "ước", None]),
    )
    assert [(p.code, p.place.row) for p in result.problems] == [("missing_value", 3)]


def test_non_utf8_csv_is_refused_with_advice() -> None:
    text = "Mã,Địa bàn,Kỳ,Giá trị,Loại số liệu\nkt.a,hung_yen,2026,8,ước\n"
    # Excel's plain "CSV" on Vietnamese Windows: Windows-1258, tone marks as combining bytes.
    data = unicodedata.normalize("NFD", text).encode("cp1258", errors="ignore")
    assert len(data) > 40
    (problem,) = read_csv(data, name="x.csv").problems
    assert problem.code == "not_utf8" and "UTF-8" in problem.message


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_of_excel_locales_are_read(delimiter: str) -> None:
    text = (
        delimiter.join(HEADER[:5])
        + "\n"
        + delimiter.join(
            [
                "kt.grdp.tang_truong",
                "hung_yen",
                "2026",
                '"8,1"' if delimiter == "," else "8,1",
                "ước",
            ]
        )
    )
    (row,) = read_csv(text.encode(), name="x.csv").rows
    assert row.value == Decimal("8.1")


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(FiguresFileError, match="không mở được"):
        read_figures(path)


@pytest.mark.slow
def test_a_50000_row_workbook_with_one_bad_row_reports_that_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Số liệu")
    sheet.append(HEADER)
    for index in range(50_000):
        value: object = "abc" if index == 49_990 else index + 0.5
        sheet.append(["kt.a", f"xa_{index}", "2026", value, "ước", ""])
    path = tmp_path / "lon.xlsx"
    book.save(path)
    result = read_figures(path)
    assert len(result.rows) == 49_999
    assert [(p.code, p.place.row) for p in result.problems] == [("not_a_number", 49_992)]


# -- records: the API's JSON rows, read cell by cell like a file ------------------------------


def test_records_are_read_by_the_same_cell_readers_with_field_names_as_places() -> None:
    good = {"indicator": "kt.a", "locality": "hung_yen", "period": 2026, "status": "ước"}
    result = read_records(
        [
            {**good, "value": "1.234,5"},
            {**good, "period": "2026-Q1", "value": Decimal("7.25")},
            {**good, "period": "2026-Q2", "value": "328,096"},
            {**good, "period": "2026-Q3", "status": "dự kiến", "value": "1"},
            {**good, "period": "2026-Q4"},
            {**good, "value": "2"},
        ],
        name="api",
    )
    assert [(r.place.row, r.value, r.value_text) for r in result.rows] == [
        (1, Decimal("1234.5"), "1.234,5"),
        (2, Decimal("7.25"), "7.25"),
        (6, Decimal("2"), "2"),
    ]
    assert [(p.place.row, p.place.column, p.code) for p in result.problems] == [
        (3, "value", "ambiguous"),
        (4, "status", "bad_status"),
        (5, "value", "missing_value"),
        (6, None, "duplicate"),
    ]

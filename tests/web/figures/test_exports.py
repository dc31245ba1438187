"""Export writes what import reads: export → edit → import round-trips."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chitieu.ingest.figures_file import read_csv, read_figures
from chitieu.web.figures.exports import export_figures
from chitieu.web.figures.imports import import_figures
from chitieu.web.figures.models import Figure
from chitieu.web.figures.services import record_figure

pytestmark = pytest.mark.django_db

# Values chosen to be hard: thousands, three decimals (ambiguous if written "328,096"), negative.
VALUES = ["328096", "328.096", "-2.5", "9.17", "1100000"]


@pytest.fixture
def stored(store: dict[str, Any]) -> None:
    for year, value in zip(range(2026, 2031), VALUES, strict=True):
        record_figure(
            store["grdp"], store["province"], str(year), "uoc", Decimal(value),
            actor=None, expected_version=None, source="Cục Thống kê", note="ghi chú, có dấu phẩy",
        )  # fmt: skip


def exported_csv() -> str:
    stream = io.StringIO()
    export_figures(stream)
    return stream.getvalue()


def test_export_writes_the_import_header_and_one_row_per_figure(stored: None) -> None:
    lines = exported_csv().splitlines()
    assert lines[0] == "Mã chỉ tiêu,Địa bàn,Kỳ,Giá trị,Loại số liệu,Đơn vị,Nguồn,Ghi chú"
    assert (
        lines[1]
        == 'kt.grdp.tang_truong,hung_yen,2026,328.096,ước,%/năm,Cục Thống kê,"ghi chú, có dấu phẩy"'
    )
    assert len(lines) == 1 + len(VALUES)


def test_export_then_import_changes_nothing(stored: None) -> None:
    report = import_figures(read_csv(exported_csv().encode(), name="x.csv"), actor=None)
    assert report.count("unchanged") == len(VALUES)


def test_an_edited_export_imports_as_one_change(stored: None) -> None:
    edited = exported_csv().replace('2027,"328,0960"', '2027,"328,5"')
    # 328,5 after 328.096 the year before is 1/999 of it: a plausibility warning, confirmed.
    report = import_figures(
        read_csv(edited.encode(), name="x.csv"), actor=None, confirm_warnings="số đọc nhầm"
    )
    assert [w.code for w in report.warnings] == ["jump_from_last"]
    assert (report.count("update"), report.count("unchanged")) == (1, len(VALUES) - 1)
    assert Figure.objects.get(period="2027").value == Decimal("328.5")


def test_xlsx_export_round_trips(stored: None, tmp_path: Path) -> None:
    path = tmp_path / "so_lieu.xlsx"
    assert export_figures(path) == len(VALUES)
    report = import_figures(read_figures(path), actor=None)
    assert report.count("unchanged") == len(VALUES)


HOSTILE_NOTE = '=HYPERLINK("http://ke-xau.invalid","Mở")'
HOSTILE_SOURCE = "@SUM(1+1)"


@pytest.fixture
def hostile(store: dict[str, Any]) -> None:
    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("-2.5"),
        actor=None, expected_version=None, source=HOSTILE_SOURCE, note=HOSTILE_NOTE,
    )  # fmt: skip


def test_csv_export_escapes_text_a_spreadsheet_would_run_and_imports_it_back(
    hostile: None,
) -> None:
    text = exported_csv()
    assert f"'{HOSTILE_SOURCE}" in text and "'=HYPERLINK" in text
    assert '"-2,5"' in text and "'-2,5" not in text  # a negative number stays a number
    report = import_figures(read_csv(text.encode(), name="xuat.csv"), actor=None, dry_run=True)
    assert [c.action for c in report.changes] == ["unchanged"]


def test_workbook_export_stores_formula_like_text_as_text(hostile: None, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "xuat.xlsx"
    export_figures(path)
    cells = [c for r in openpyxl.load_workbook(path).active.iter_rows() for c in r]
    (note,) = [c for c in cells if c.value == HOSTILE_NOTE]
    assert note.data_type == "s"
    report = import_figures(read_figures(path), actor=None, dry_run=True)
    assert [c.action for c in report.changes] == ["unchanged"]

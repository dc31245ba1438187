"""A .docx plan table whose header spans two rows, with merged cells (python-docx builds it)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import docx
import pytest

from chitieu.catalog.model import Catalogue
from chitieu.ingest.pipeline import ingest

HEADER_TOP = ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Kế hoạch năm 2026", ""]
HEADER_LOW = ["", "", "", "", "Giá trị", "So với ước thực hiện năm 2025 (%)"]
ROWS = [
    ["1", "Tốc độ tăng trưởng GRDP", "%", "8,1", "10-10,5", ""],
    ["2", "Thu ngân sách nhà nước", "Tỷ đồng", "14.500", "15.903", "109,7"],
]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    document = docx.Document()
    document.add_paragraph("BIỂU CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH NĂM 2026 CỦA TỈNH KIM SƠN")
    table = document.add_table(rows=2 + len(ROWS), cols=6)
    for column, (top, low) in enumerate(zip(HEADER_TOP, HEADER_LOW, strict=True)):
        table.cell(0, column).text = top
        table.cell(1, column).text = low
    for column in (0, 1, 2, 3):  # these header cells span both header rows
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 4).merge(table.cell(0, 5))  # "Kế hoạch năm 2026" over its two columns
    table.cell(0, 4).text = "Kế hoạch năm 2026"
    for row, values in enumerate(ROWS, start=2):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    path = Path(tmp_path_factory.mktemp("docx")) / "kh-2026.docx"
    document.save(str(path))
    return ingest(path, steps=())


def test_the_two_header_rows_name_each_column(catalogue: Catalogue) -> None:
    [reading] = catalogue.tables
    roles = [(column.header, column.role) for column in reading.columns]
    assert roles[3:] == [
        ("Ước thực hiện năm 2025", "baseline"),
        ("Kế hoạch năm 2026 Giá trị", "target"),
        ("Kế hoạch năm 2026 So với ước thực hiện năm 2025 (%)", "ignored"),
    ]


def test_targets_and_starting_figures_come_from_their_columns(catalogue: Catalogue) -> None:
    growth, revenue = catalogue.indicators
    assert (growth.targets[0].value.low, growth.targets[0].value.high) == (D(10), D("10.5"))
    assert (revenue.targets[0].value.low, revenue.baselines[0].value) == (D(15903), D(14500))
    assert (revenue.targets[0].period_start, revenue.targets[0].period_end) == (2026, 2026)

"""Tables as copied web pages print them: pipe rows, and one cell a line."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from chitieu.ingest.pipeline import ingest
from chitieu.ingest.text_reader import read_text

PIPE = """Các chỉ tiêu chủ yếu năm 2026 của tỉnh Kim Sơn:
STT | Chỉ tiêu | Kế hoạch năm 2026 |
1 | Tốc độ tăng trưởng GRDP | 9-9,5%, phấn đấu 10% |
2 | Tỷ lệ lao động qua đào tạo | 72%, có bằng cấp 30% |
3 | Tỷ lệ hộ nghèo | giảm 0,5-1% |
Các chỉ tiêu trên được giao cho các sở, ngành theo dõi.
"""

FLAT = """Kết quả thực hiện các chỉ tiêu năm 2025

TT

Chỉ tiêu

Đơn vị

Kế hoạch năm 2025

Ước thực hiện năm 2025

Đánh giá

 1.

Tốc độ tăng trưởng GRDP

%

8-8,5

8,7

Vượt

- Trong đó: Khu vực công nghiệp

%

12

12,4

 2.

Tỷ lệ che phủ rừng

%

45

45

Đạt

(*) Số liệu ước tính của Cục Thống kê.
"""


def test_pipe_rows_are_one_table() -> None:
    [table] = read_text(PIPE, name="x.txt").tables
    assert table.header == ("STT", "Chỉ tiêu", "Kế hoạch năm 2026")
    assert [row.texts()[1] for row in table.data_rows()] == [
        "Tốc độ tăng trưởng GRDP",
        "Tỷ lệ lao động qua đào tạo",
        "Tỷ lệ hộ nghèo",
    ]
    assert (table.line_start, table.line_end) == (2, 5)


def test_a_pipe_cell_with_a_stretch_and_a_named_part() -> None:
    catalogue = ingest(read_text(PIPE, name="kh-2026.txt"), steps=())
    by_name = {i.name: i for i in catalogue.indicators}
    growth = by_name["Tốc độ tăng trưởng GRDP"]
    assert [(t.value.low, t.value.high) for t in growth.targets] == [
        (D(9), D("9.5")),
        (D(10), D(10)),
    ]
    part = by_name["Tỷ lệ lao động qua đào tạo bằng cấp"]
    assert (part.parent, part.targets[0].value.low) == (
        by_name["Tỷ lệ lao động qua đào tạo"].code,
        D(30),
    )
    poverty = by_name["Tỷ lệ hộ nghèo"].targets[0]
    assert (poverty.aggregation.value, poverty.value.low, poverty.value.high) == (
        "change",
        D("0.5"),
        D(1),
    )


def test_one_cell_a_line_table_with_a_sub_row() -> None:
    [table] = read_text(FLAT, name="x.txt").tables
    assert table.header[3:] == ("Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Đánh giá")
    rows = [row.texts() for row in table.data_rows()]
    assert rows[1] == ("", "- Trong đó: Khu vực công nghiệp", "%", "12", "12,4", "")
    assert rows[2][1:] == ("Tỷ lệ che phủ rừng", "%", "45", "45", "Đạt")
    assert len(rows) == 3


def test_a_past_years_results_table_keeps_its_targets_and_official_words() -> None:
    catalogue = ingest(read_text(FLAT, name="kq-2025.txt"), steps=())
    [term] = catalogue.past_terms
    assert (term.period_start, term.period_end) == (2025, 2025)
    assert [(r.target_text, r.result_text, r.official_assessment) for r in term.rows] == [
        ("8-8,5", "8,7", "Vượt"),
        ("12", "12,4", None),
        ("45", "45", "Đạt"),
    ]


UNITS_IN_HEADERS = """STT | Chỉ tiêu | Kế hoạch năm 2026 (tỷ đồng) |
1 | Thu ngân sách nhà nước | 15.903 |
2 | Chi ngân sách địa phương | 21.000 |
"""

UNITS_IN_NAMES = """STT | Chỉ tiêu | Kế hoạch năm 2026 |
1 | Tốc độ tăng trưởng GRDP (%) | 10 |
2 | Thu ngân sách nhà nước (tỷ đồng) | 15.903 |
"""


@pytest.mark.parametrize(
    ("text", "units"),
    [(UNITS_IN_HEADERS, ["ty_dong", "ty_dong"]), (UNITS_IN_NAMES, ["pct_per_year", "ty_dong"])],
)
def test_a_unit_in_the_header_or_the_name(text: str, units: list[str]) -> None:
    catalogue = ingest(read_text(text, name="kh-2026.txt"), steps=())
    assert [i.targets[0].value.unit for i in catalogue.indicators] == units

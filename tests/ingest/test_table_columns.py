"""What each table column holds, read from its header (and its cells where the header is vague)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from chitieu.catalog.model import Catalogue
from chitieu.ingest.document import Document
from chitieu.ingest.pipeline import ingest
from chitieu.ingest.table_columns import (
    find_columns,
    is_results_table,
    is_target_table,
    target_period,
)
from chitieu.ingest.text_reader import read_text

ANNUAL_PLAN = """BIỂU 01
CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026 TỈNH KIM SƠN

\tSTT
\tChỉ tiêu
\tĐơn vị tính
\tƯớc thực hiện năm 2025
\tKế hoạch năm 2026
\tSo sánh (%)
\tCơ quan chủ trì

\t1
\tTốc độ tăng trưởng GRDP
\t%
\t8,2
\t10-10,5
\t
\tSở Tài chính

\t2
\tThu ngân sách nhà nước
\tTỷ đồng
\t14.500
\t15.903
\t109,7
\tSở Tài chính
"""


@pytest.fixture(scope="module")
def annual() -> Catalogue:
    return ingest(read_text(ANNUAL_PLAN, name="kh-2026.txt"), steps=())


def test_an_annual_plan_table_sets_targets_for_the_year_after_its_estimates() -> None:
    [table] = read_text(ANNUAL_PLAN, name="x.txt").tables
    columns = find_columns(table)
    assert (columns.targets, columns.results, columns.ignored) == ((4,), (3,), (5, 6))
    assert is_target_table(table) and not is_results_table(table)


def test_the_estimate_column_gives_each_indicator_its_starting_figure(annual: Catalogue) -> None:
    revenue = annual.indicators[1]
    [baseline] = revenue.baselines
    assert (baseline.year, baseline.value, baseline.unit, baseline.status) == (
        2025,
        D(14500),
        "ty_dong",
        "uoc",
    )
    assert (revenue.targets[0].period_start, revenue.targets[0].period_end) == (2026, 2026)


def test_the_review_says_which_column_was_taken_and_why(annual: Catalogue) -> None:
    [reading] = annual.tables
    roles = {column.header: column.role for column in reading.columns}
    assert roles == {
        "STT": "stt",
        "Chỉ tiêu": "name",
        "Đơn vị tính": "unit",
        "Ước thực hiện năm 2025": "baseline",
        "Kế hoạch năm 2026": "target",
        "So sánh (%)": "ignored",
        "Cơ quan chủ trì": "ignored",
    }


def test_seed_tables_keep_their_roles(seed_document: Document) -> None:
    """Phụ lục 1B's "So sánh với mục tiêu NQ Đại hội" holds Vượt/Đạt: the assessment."""
    one_a, one_b, two = seed_document.tables
    assert find_columns(one_a).assessment == 5
    assert find_columns(one_b).assessment == 5
    assert is_results_table(one_a) and is_results_table(one_b) and is_target_table(two)


@pytest.mark.parametrize(
    ("header", "term", "period"),
    [
        ("Mục tiêu 2025 - 2030", None, (2026, 2030)),
        ("Mục tiêu giai đoạn 2026 - 2030", None, (2026, 2030)),
        ("Kế hoạch năm 2021 Quốc hội giao", (2021, 2021), (2021, 2021)),
        ("Mục tiêu đến năm 2030", (2025, 2030), (2026, 2030)),
    ],
)
def test_target_periods(header: str, term: tuple[int, int] | None, period: tuple[int, int]) -> None:
    assert target_period(header, term) == period

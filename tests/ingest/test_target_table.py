"""Target tables -> groups and indicators: Phụ lục 2 against a hand-checked fixture,
and synthetic tables in other documents' layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from chitieu.catalog.model import Aggregation, Indicator
from chitieu.ingest.document import Cell, Document, IngestError, Row, Table
from chitieu.ingest.target_table import (
    TargetTable,
    find_columns,
    is_results_table,
    is_target_table,
    read_target_table,
    target_period,
)

FIXTURE = Path(__file__).parent / "fixtures" / "phu_luc_2.yaml"


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def phu_luc_2(seed_document: Document) -> TargetTable:
    return read_target_table(seed_document.table("Phụ lục 2"), document=seed_document.name)


def _row_of(indicator: Indicator) -> dict[str, Any]:
    target = indicator.targets[0] if indicator.targets else None
    row: dict[str, Any] = {
        "line": indicator.source.line if indicator.source else None,
        "stt": indicator.stt,
        "code": indicator.code,
        "parent": indicator.parent,
        "group": indicator.group,
        "name": indicator.name,
        "text": target.source.text if target else None,
        "unit": indicator.unit,
    }
    if target is not None:
        value = target.value
        row |= {
            "kind": value.kind.value,
            "low": None if value.low is None else str(value.low),
            "high": None if value.high is None else str(value.high),
            "low_inclusive": value.low_inclusive,
            "high_inclusive": value.high_inclusive,
            "aggregation": target.aggregation.value,
            "direction": indicator.direction.value,
        }
    return row


def test_phu_luc_2_matches_the_hand_checked_fixture(
    phu_luc_2: TargetTable, expected: dict[str, Any]
) -> None:
    assert [_row_of(i) for i in phu_luc_2.indicators] == expected["rows"]


def test_phu_luc_2_groups_match_the_fixture(
    phu_luc_2: TargetTable, expected: dict[str, Any]
) -> None:
    got = [{"numeral": g.numeral, "code": g.code, "name": g.name} for g in phu_luc_2.groups]
    assert got == [{k: g[k] for k in ("numeral", "code", "name")} for g in expected["groups"]]


def test_every_phu_luc_2_target_covers_2026_to_2030(phu_luc_2: TargetTable) -> None:
    periods = {(t.period_start, t.period_end) for i in phu_luc_2.indicators for t in i.targets}
    assert periods == {(2026, 2030)}


def test_target_source_spans_the_row_and_names_the_document(phu_luc_2: TargetTable) -> None:
    target = phu_luc_2.indicators[0].targets[0]
    assert (target.source.document, target.source.line, target.source.line_end) == (
        "bao-cao-chinh-tri-hung-yen-2025-2030.txt",
        1338,
        1340,
    )


def test_trong_do_prefix_stays_in_the_source(phu_luc_2: TargetTable) -> None:
    indicator = next(i for i in phu_luc_2.indicators if i.code == "kt.co_cau.che_bien_che_tao")
    assert indicator.source is not None
    assert indicator.source.text == "Trong đó: Công nghiệp chế biến, chế tạo"


def test_bare_trong_do_row_is_not_an_indicator(phu_luc_2: TargetTable) -> None:
    assert all(i.name.strip() for i in phu_luc_2.indicators)
    assert all(i.source is None or i.source.line != 1490 for i in phu_luc_2.indicators)


def test_phu_luc_2_codes_are_unique(phu_luc_2: TargetTable) -> None:
    codes = [i.code for i in phu_luc_2.indicators]
    assert len(codes) == len(set(codes))


def test_phu_luc_2_is_a_target_table_and_1a_a_results_table(seed_document: Document) -> None:
    assert is_target_table(seed_document.table("Phụ lục 2"))
    assert is_results_table(seed_document.table("Phụ lục 1A"))
    assert not is_target_table(seed_document.table("Phụ lục 1B"))


# -- synthetic tables in other layouts --------------------------------------------


def _table(
    header: list[str], rows: list[list[str]], *, caption: str = "", title: str = ""
) -> Table:
    """A Table as the readers build it: header on line 10, each row on its own lines."""
    built: list[Row] = [Row(tuple(Cell(h, 10) for h in header), "header", 10)]
    line = 20
    for cells in rows:
        stt = cells[0]
        kind = "group" if stt in ("I", "II", "III", "IV") else "data"
        built.append(Row(tuple(Cell(text, line + k) for k, text in enumerate(cells)), kind, line))
        line += len(cells) + 1
    return Table(title, caption, tuple(header), tuple(built), 1, line, len(header))


UNIT_TABLE = _table(
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030", "Ghi chú"],
    [
        ["I", "KINH TẾ", "", "", ""],
        ["1", "Tốc độ tăng trưởng kinh tế bình quân", "%/năm", "8,5", ""],
        ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "30.000", ""],
        ["3", "Số km đường giao thông nông thôn được cứng hóa", "km", "1.200", "mới"],
        ["II", "XÃ HỘI", "", "", ""],
        ["4", "Tỷ lệ hộ nghèo đa chiều", "%", "Dưới 1,5", ""],
        ["-", "Tỷ lệ hộ cận nghèo", '"', "Dưới 3", ""],
    ],
    caption="MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH BẮC NINH LẦN THỨ XXI, NHIỆM KỲ 2025 - 2030",
)


@pytest.fixture(scope="module")
def unit_table() -> TargetTable:
    return read_target_table(UNIT_TABLE, document="bac-ninh.docx")


def test_unit_column_is_used_when_the_target_cell_names_no_unit(unit_table: TargetTable) -> None:
    units = {i.code: i.unit for i in unit_table.indicators}
    assert units["kt.grdp.tang_truong"] == "pct_per_year"
    assert units["kt.thu_ngan_sach.tong"] == "ty_dong"
    assert units["kt.km_duong_giao_thong"] == "km"


def test_ditto_in_the_unit_column_takes_the_unit_above(unit_table: TargetTable) -> None:
    near_poor = unit_table.indicators[-1]
    assert near_poor.unit == "pct"
    assert near_poor.targets[0].value.high == Decimal(3)


def test_notes_column_is_not_a_target(unit_table: TargetTable) -> None:
    columns = find_columns(UNIT_TABLE)
    assert (columns.unit, columns.targets, columns.results) == (2, (3,), ())
    assert all(len(i.targets) == 1 for i in unit_table.indicators)


def test_mục_tiêu_đến_năm_header_ends_in_that_year_and_starts_after_the_term(
    unit_table: TargetTable,
) -> None:
    target = unit_table.indicators[0].targets[0]
    assert (target.period_start, target.period_end, target.aggregation) == (
        2026,
        2030,
        Aggregation.AVG_GROWTH,
    )


def test_groups_of_another_document(unit_table: TargetTable) -> None:
    assert [g.code for g in unit_table.groups] == ["kinh_te", "xa_hoi"]
    assert [i.group for i in unit_table.indicators] == ["kinh_te"] * 3 + ["xa_hoi"] * 2


def test_dash_row_is_a_child_of_the_numbered_row(unit_table: TargetTable) -> None:
    assert unit_table.indicators[-1].parent == unit_table.indicators[-2].code


TWO_TARGETS = _table(
    ["TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2025", "Mục tiêu đến năm 2030"],
    [
        ["1", "Tỷ lệ đô thị hóa", "%", "40", "50"],
        ["2", "Tỷ lệ xã đạt chuẩn nông thôn mới", "", "", ""],
        ["", "Nâng cao", "%", "60", "100"],
        ["2.1", "Xã nông thôn mới kiểu mẫu", "xã", "", "trên 30"],
    ],
    title="Biểu 1",
)


def test_each_target_column_gives_a_target_with_its_own_year() -> None:
    read = read_target_table(TWO_TARGETS, document="kh.docx", term=(2025, 2030))
    urban = read.indicators[0]
    assert [(t.period_end, t.value.low) for t in urban.targets] == [
        (2025, Decimal(40)),
        (2030, Decimal(50)),
    ]


def test_unnumbered_row_under_a_header_only_row_is_its_child() -> None:
    read = read_target_table(TWO_TARGETS, document="kh.docx", term=(2025, 2030))
    ntm, advanced, model = read.indicators[1:]
    assert ntm.targets == ()
    assert advanced.parent == ntm.code
    assert model.parent == ntm.code  # "2.1" belongs to "2"


def test_rows_before_any_group_go_to_a_default_group() -> None:
    read = read_target_table(TWO_TARGETS, document="kh.docx", term=(2025, 2030))
    assert [g.code for g in read.groups] == ["chung"]


def test_unit_column_word_unit_overrides_nothing_when_the_cell_names_one() -> None:
    table = _table(
        ["STT", "Chỉ tiêu", "Mục tiêu 2025 - 2030"],
        [["1", "GRDP bình quân đầu người", "Khoảng 200 triệu đồng"]],
    )
    indicator = read_target_table(table, document="x").indicators[0]
    assert (indicator.unit, indicator.targets[0].value.kind.value) == ("trieu_dong", "approx")


def test_unreadable_target_cell_becomes_a_flagged_text_target() -> None:
    table = _table(
        ["STT", "Chỉ tiêu", "Mục tiêu 2025 - 2030"], [["1", "Tỷ lệ đô thị hóa", "1,2,3"]]
    )
    target = read_target_table(table, document="x").indicators[0].targets[0]
    assert (target.value.kind.value, target.value.flags) == ("text", ("unreadable",))


def test_target_column_without_years_needs_a_term() -> None:
    table = _table(["STT", "Chỉ tiêu", "Mục tiêu"], [["1", "Tỷ lệ đô thị hóa", "50%"]])
    with pytest.raises(IngestError):
        read_target_table(table, document="x")


@pytest.mark.parametrize(
    ("header", "term", "period"),
    [
        ("Mục tiêu 2025 - 2030", None, (2026, 2030)),
        ("Mục tiêu đến năm 2030", None, (2026, 2030)),
        ("Mục tiêu đến năm 2030", (2025, 2030), (2026, 2030)),
        ("Kế hoạch năm 2026", (2025, 2030), (2026, 2026)),
        ("Mục tiêu", (2020, 2025), (2021, 2025)),
    ],
)
def test_target_period(header: str, term: tuple[int, int] | None, period: tuple[int, int]) -> None:
    assert target_period(header, term) == period

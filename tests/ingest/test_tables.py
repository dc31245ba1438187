"""Tables rebuilt from the export's TAB-indented fragments."""

from __future__ import annotations

import pytest

from chitieu.ingest import Document, Table, read_text
from chitieu.ingest.tables import is_table_title


@pytest.fixture(scope="module")
def annex_1a(seed_document: Document) -> Table:
    return seed_document.table("Phụ lục 1A")


@pytest.fixture(scope="module")
def annex_1b(seed_document: Document) -> Table:
    return seed_document.table("Phụ lục 1B")


@pytest.fixture(scope="module")
def annex_2(seed_document: Document) -> Table:
    return seed_document.table("Phụ lục 2")


def test_the_seed_has_three_annex_tables_in_order(seed_document: Document) -> None:
    assert [t.title for t in seed_document.tables] == ["PHỤ LỤC 1A", "PHỤ LỤC 1B", "PHỤ LỤC 2"]


def test_a_caption_is_the_lines_between_title_and_grid(annex_2: Table) -> None:
    assert annex_2.caption == (
        "MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH HƯNG YÊN LẦN THỨ NHẤT, NHIỆM KỲ 2025 - 2030"
    )


@pytest.mark.parametrize(
    ("title", "start", "end"),
    [("Phụ lục 1A", 751, 1146), ("Phụ lục 1B", 1149, 1319), ("Phụ lục 2", 1322, 1584)],
)
def test_a_table_spans_its_title_to_its_last_cell(
    seed_document: Document, title: str, start: int, end: int
) -> None:
    table = seed_document.table(title)
    assert (table.line_start, table.line_end) == (start, end)


def test_annex_1a_header_joins_a_cell_split_over_a_blank_line(annex_1a: Table) -> None:
    assert annex_1a.header == (
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Mục tiêu NQĐH XIX",
        "Kết quả thực hiện",
        "Đánh giá mức độ hoàn thành",
    )
    assert annex_1a.rows[0].cells[4].text == "Kết quả\nthực hiện"


def test_annex_1b_split_header_is_rebuilt(annex_1b: Table) -> None:
    assert annex_1b.ncols == 6
    assert annex_1b.header == (
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Mục tiêu NQĐH XX",
        "Thực hiện GĐ 2021-2025",
        "So sánh với mục tiêu NQ Đại hội",
    )


def test_the_column_number_row_is_recognised(annex_1a: Table) -> None:
    numbers = [row for row in annex_1a.rows if row.kind == "numbers"]
    assert [row.line for row in numbers] == [768]
    assert numbers[0].texts() == ("1", "2", "3", "4", "5", "6")


def test_a_result_row_is_read_with_the_line_of_each_cell(annex_1a: Table) -> None:
    row = annex_1a.row_at(863)
    assert row.kind == "data"
    assert row.texts() == (
        "4",
        "Tổng vốn đầu tư toàn xã hội",
        "Tỷ đồng",
        "250.000",
        "328,096",
        "Vượt",
    )
    assert [cell.line for cell in row.cells] == [863, 864, 865, 866, 867, 868]


def test_annex_1a_has_four_groups_spread_over_merged_cells(annex_1a: Table) -> None:
    groups = [row for row in annex_1a.rows if row.kind == "group"]
    assert [(row.line, row.stt, row.cells[1].text) for row in groups] == [
        (775, "I", "KINH TẾ"),
        (919, "II", "XÃ HỘI"),
        (1063, "III", "MÔI TRƯỜNG"),
        (1123, "IV", "XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ"),
    ]
    # three cells printed, six columns: the title cell covers columns 3-5
    assert [cell.merged for cell in groups[0].cells] == [False, False, True, True, True, False]
    assert groups[0].cells[5].line == 777


def test_the_unit_column_keeps_ditto_marks_as_written(annex_1a: Table) -> None:
    dittos = [(c.line, c.text) for row in annex_1a.rows for c in row.cells if c.ditto]
    assert dittos == [(795, '"'), (802, '"'), (816, '"')]


def test_annex_1a_counts(annex_1a: Table) -> None:
    kinds = [row.kind for row in annex_1a.rows]
    assert kinds.count("data") == 51
    numbered = [row.stt for row in annex_1a.rows if row.kind == "data" and row.stt.isdigit()]
    assert numbered == [str(n) for n in range(1, 20)]


def test_annex_1b_has_two_groups_and_twenty_targets(annex_1b: Table) -> None:
    assert [(r.line, r.stt) for r in annex_1b.rows if r.kind == "group"] == [
        (1167, "I"),
        (1223, "II"),
    ]
    numbered = [row.stt for row in annex_1b.rows if row.kind == "data"]
    assert numbered == [str(n) for n in range(1, 21)]


def test_annex_2_has_three_columns_and_groups_i_to_iv(annex_2: Table) -> None:
    assert annex_2.header == ("STT", "Chỉ tiêu", "Mục tiêu 2025 - 2030")
    groups = [(row.line, row.stt, row.cells[1].text) for row in annex_2.rows if row.kind == "group"]
    assert groups == [
        (1334, "I", "KINH TẾ"),
        (1418, "II", "VĂN HOÁ - XÃ HỘI"),
        (1518, "III", "MÔI TRƯỜNG"),
        (1554, "IV", "XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ"),
    ]


def test_annex_2_rows_counted_by_hand(annex_2: Table) -> None:
    data = [row for row in annex_2.rows if row.kind == "data"]
    assert len(data) == 59  # 20 in I, 24 in II, 8 in III, 7 in IV
    assert [row.stt for row in data if row.stt.isdigit()] == [str(n) for n in range(1, 25)]
    assert sum(row.stt == "-" for row in data) == 29
    assert [row.line for row in data if row.stt == ""] == [1362, 1378, 1390, 1430, 1490, 1562]


def test_annex_2_trong_do_rows_are_data_rows(annex_2: Table) -> None:
    rows = [row for row in annex_2.rows if row.cells[1].text.startswith("Trong đó")]
    assert [(row.line, row.stt, row.kind) for row in rows] == [
        (1362, "", "data"),
        (1390, "", "data"),
        (1430, "", "data"),
        (1450, "-", "data"),  # "- Trong đó trường mầm non ...": a sub-row's own breakdown
        (1490, "", "data"),
    ]


def test_cells_keep_their_spaces_as_written(annex_1b: Table) -> None:
    row = annex_1b.row_at(1188)
    assert row.cells[3].text == "10 "
    assert row.cells[3].flat == "10"


SMALL = "\n".join(
    [
        "Bảng 1",
        "CHỈ TIÊU DÂN SỐ",
        "-----",
        "",
        "\tSTT",
        "\tChỉ tiêu",
        "\tĐơn vị",
        "\tMục tiêu",
        "",
        "\t1",
        "\tTỷ lệ hộ nghèo",
        "\t%",
        "\t< 1",
        "",
        "\t2",
        "\tTỷ lệ thất nghiệp",
        '\t"',
        "\tDưới 1,5",
        "",
        "Các chỉ tiêu trên là mục tiêu tối thiểu.",
    ]
)


def test_a_small_table_is_rebuilt_with_its_ditto_cell() -> None:
    document = read_text(SMALL)
    table = document.table("Bảng 1")
    assert table.caption == "CHỈ TIÊU DÂN SỐ"
    assert [row.kind for row in table.rows] == ["header", "data", "data"]
    unit = table.rows[2].cells[2]
    assert (unit.text, unit.line, unit.ditto) == ('"', 17, True)


def test_a_capitalised_line_after_a_blank_ends_the_table() -> None:
    document = read_text(SMALL)
    assert document.tables[0].line_end == 18
    assert [line.number for line in document.prose_lines()] == [20]


def test_a_table_without_title_starts_at_its_first_row() -> None:
    document = read_text("Đoạn mở đầu.\n\n\tA\n\tB\n\n\t1\n\t2\n")
    table = document.tables[0]
    assert (table.title, table.caption, table.line_start) == ("", "", 3)


def test_a_lower_case_line_after_a_blank_continues_the_cell() -> None:
    document = read_text("\tSTT\n\tKết quả\n\nthực hiện\n\n\t1\n\t9,9\n")
    assert document.tables[0].header == ("STT", "Kết quả thực hiện")


@pytest.mark.parametrize("text", ["PHỤ LỤC 2 ", "Phụ lục 1A", "Biểu 01", "BẢNG 3"])
def test_table_titles(text: str) -> None:
    assert is_table_title(text)


def test_a_long_line_starting_like_a_title_is_prose() -> None:
    assert not is_table_title("Bảng " + "giá đất được điều chỉnh theo quy định " * 3)

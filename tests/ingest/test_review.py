"""The Vietnamese review: what was found and everything that needs a person's decision."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chitieu.catalog.model import Catalogue, Discrepancy, FootnoteMatch
from chitieu.ingest.document import Document
from chitieu.ingest.pipeline import ingest
from chitieu.ingest.review import review_format, write_review


@pytest.fixture(scope="module")
def catalogue(seed_document: Document) -> Catalogue:
    return ingest(seed_document, steps=())


@pytest.fixture(scope="module")
def review(catalogue: Catalogue) -> str:
    return write_review(catalogue)


def _section(review: str, title: str) -> str:
    start = review.index(f"## {title}")
    end = review.find("\n## ", start + 1)
    return review[start : end if end != -1 else None]


def test_summary_counts_indicators_and_past_rows(review: str) -> None:
    summary = _section(review, "Tóm tắt")
    assert "| Chỉ tiêu | 58 |" in summary
    assert "| Chỉ tiêu có mục tiêu | 52 |" in summary
    assert "| Chú thích | 73 |" in summary


def test_every_indicator_is_listed_with_code_target_and_line(
    review: str, catalogue: Catalogue
) -> None:
    listed = _section(review, "Chỉ tiêu\n")
    for indicator in catalogue.indicators:
        assert f"`{indicator.code}`" in listed
    assert (
        "| `kt.grdp.tang_truong` | Tốc độ tăng tổng sản phẩm trên địa bàn theo giá so sánh (GRDP) "
        "| kinh_te | pct_per_year | 10–11%/năm (2026-2030) | tăng bình quân giai đoạn "
        "| càng cao càng tốt | 1338 |"
    ) in listed


def test_ambiguous_result_shows_both_readings_and_the_reason(review: str) -> None:
    ambiguous = _section(review, "Số có hai cách đọc")
    assert "328,096" in ambiguous
    assert "328.096" in ambiguous
    assert "vì mục tiêu là 250.000" in ambiguous
    assert "| 863 |" in ambiguous


def test_ditto_units_are_listed(review: str) -> None:
    dittos = _section(review, "Đơn vị ghi bằng dấu")
    assert dittos.count("| hung_yen_cu_2020_2025 |") == 3
    assert "| Thương mại, dịch vụ | % | 814 |" in dittos


def test_low_confidence_footnotes_only(catalogue: Catalogue) -> None:
    footnotes = (
        FootnoteMatch(1, 10, 0.9, "chắc chắn"),
        FootnoteMatch(2, None, 0.2, "không tìm thấy neo"),
    )
    text = _section(write_review(replace(catalogue, footnotes=footnotes)), "Chú thích khớp")
    assert "không tìm thấy neo" in text
    assert "chắc chắn" not in text


def test_discrepancies_are_listed_with_both_lines(catalogue: Catalogue) -> None:
    discrepancy = Discrepancy(
        "xh.ho_ngheo", "value", "<0,5 %", "dưới 1%", 1482, 430, "Bảng và văn bản khác nhau"
    )
    text = _section(write_review(replace(catalogue, discrepancies=(discrepancy,))), "Chênh lệch")
    assert (
        "| xh.ho_ngheo | value | <0,5 % | dưới 1% | 1482, 430 | Bảng và văn bản khác nhau |" in text
    )


def test_empty_sections_say_so(review: str) -> None:
    assert "Không có." in _section(review, "Chỉ tiêu ứng viên")


def test_pipe_in_text_does_not_break_the_table(catalogue: Catalogue) -> None:
    indicator = replace(catalogue.indicators[0], name="A | B")
    text = write_review(replace(catalogue, indicators=(indicator,)))
    assert "A \\| B" in text


def test_an_unknown_format_is_refused_naming_the_known_ones(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="'md', 'html'"):
        write_review(catalogue, fmt="pdf")


@pytest.mark.parametrize(
    ("filename", "fmt"),
    [("ra-soat.html", "html"), ("RA-SOAT.HTM", "html"), ("ra-soat.md", "md"), ("ra-soat", "md")],
)
def test_the_review_format_follows_the_file_extension(filename: str, fmt: str) -> None:
    assert review_format(filename) == fmt

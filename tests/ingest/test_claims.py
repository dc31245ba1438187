"""Claims: every quantity of the past-facing prose and footnotes, with its relation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Claim
from chitieu.ingest import Document, read_text
from chitieu.ingest.claims import extract_claims, scan_numbers, text_claims

DOCUMENTS = Path(__file__).parent / "documents_g"


@pytest.fixture(scope="module")
def claims(seed_document: Document) -> tuple[Claim, ...]:
    return extract_claims(seed_document)


def on_line(claims: tuple[Claim, ...], line: int) -> dict[str, Claim]:
    return {c.value_text: c for c in claims if c.line == line}


@pytest.mark.parametrize(
    ("value_text", "value", "unit", "year", "relation", "compared_with"),
    [
        ("9,17", Decimal("9.17"), "pct_per_year", 2025, "average", None),
        ("8,28", Decimal("8.28"), "pct", 2020, "value", None),
        ("328.283", Decimal("328283"), "ty_dong", 2025, "value", None),
        ("1,73", Decimal("1.73"), None, 2025, "gap", "năm 2020"),
        ("101,5", Decimal("101.5"), "trieu_dong", 2025, "value", None),
        ("4.200", Decimal("4200"), "usd", 2025, "equivalent", None),
        ("67,77", Decimal("67.77"), "pct", 2025, "increase", "năm 2020"),
        ("11,9", Decimal("11.9"), "pct", 2025, "share", None),
        ("5,1", Decimal("5.1"), "pct", 2025, "share", None),
    ],
)
def test_line_17(
    claims: tuple[Claim, ...],
    value_text: str,
    value: Decimal,
    unit: str | None,
    year: int,
    relation: str,
    compared_with: str | None,
) -> None:
    claim = on_line(claims, 17)[value_text]
    assert (claim.value, claim.unit, claim.year, claim.relation, claim.compared_with) == (
        value,
        unit,
        year,
        relation,
        compared_with,
    )


def test_line_17_has_exactly_its_eleven_numbers(claims: tuple[Claim, ...]) -> None:
    """The years (2021 - 2025, 2016 - 2020, 2025, 2020) are dates, not claims."""
    assert list(on_line(claims, 17)) == [
        "9,17",
        "8,28",
        "328.283",
        "1,73",
        "101,5",
        "4.200",
        "67,77",
        "11,9",
        "55,8",
        "27,2",
        "5,1",
    ]


@pytest.mark.parametrize(
    ("value_text", "subject"),
    [
        ("328.283", "quy mô GRDP"),
        ("1,73", "quy mô GRDP"),
        ("101,5", "GRDP bình quân đầu người"),
        ("67,77", "GRDP bình quân đầu người"),
        ("27,2", "dịch vụ"),
    ],
)
def test_subjects_on_line_17(claims: tuple[Claim, ...], value_text: str, subject: str) -> None:
    assert on_line(claims, 17)[value_text].subject == subject


def test_group_counts_of_the_results_summary(claims: tuple[Claim, ...]) -> None:
    """Line 277: "hoàn thành vượt 12/19 nhóm chỉ tiêu và 7/19 …; vượt 5/20, đạt 8/20, còn 7/20"."""
    counts = [c for c in claims if c.line == 277 and c.relation == "count"]
    assert [c.value_text for c in counts] == ["12/19", "7/19", "5/20", "8/20", "7/20"]
    assert counts[0].value == Decimal("12")


def test_count_in_a_footnote_keeps_its_total(
    seed_document: Document, claims: tuple[Claim, ...]
) -> None:
    footnote = seed_document.footnote(69)  # "Thái Bình còn 07/20 chỉ tiêu … chưa hoàn thành"
    [claim] = [c for c in claims if c.line == footnote.line]
    assert (claim.value_text, claim.relation, claim.value) == ("07/20", "count", Decimal("7"))
    numerator, denominator = claim.value_text.split("/")
    assert (int(numerator), int(denominator)) == (7, 20)


def test_rank_out_of_63(seed_document: Document, claims: tuple[Claim, ...]) -> None:
    line = seed_document.footnote(11).line  # "đứng thứ 10/63 tỉnh, thành phố"
    ranks = {c.value_text: c.relation for c in claims if c.line == line}
    assert ranks["10/63"] == "rank"


def test_years_after_the_number_win(seed_document: Document, claims: tuple[Claim, ...]) -> None:
    """Footnote 46: "tăng từ mức 0,724 năm 2020 lên 0,764 năm 2025"."""
    line = seed_document.footnote(46).line
    found = {c.value_text: (c.year, c.unit) for c in claims if c.line == line}
    assert found == {"0,724": (2020, None), "0,764": (2025, None)}


def test_english_decimal_is_flagged(seed_document: Document, claims: tuple[Claim, ...]) -> None:
    line = seed_document.footnote(17).line  # "26.55 km đường cao tốc"
    claim = on_line(claims, line)["26.55"]
    assert claim.ambiguous and claim.value == Decimal("26.55")


def test_document_numbers_and_dates_are_not_quantities() -> None:
    text = "Phê duyệt theo Quyết định số 749/QĐ-TTg, ngày 03/06/2020; Nghị quyết số 57-NQ/TW; Điều 30; Covid-19"
    assert list(scan_numbers(text)) == []


def test_no_claim_from_the_forward_part(claims: tuple[Claim, ...]) -> None:
    assert not [c for c in claims if 353 <= c.line <= 750]


def test_ambiguous_separator_has_no_value() -> None:
    [claim] = text_claims("Năm 2024, kim ngạch đạt 328,096 tỷ đồng.", 1)
    assert claim.ambiguous and claim.value is None


def test_annual_report_written_by_hand() -> None:
    doc = read_text(DOCUMENTS / "bao-cao-kinh-te-xa-hoi-2024.txt")
    found = {c.value_text: c for c in extract_claims(doc)}
    assert found["152.400"].year == 2024 and found["152.400"].unit == "ty_dong"
    assert (found["1,12"].relation, found["1,12"].compared_with) == ("gap", "năm 2023")
    assert found["3.900"].relation == "equivalent"
    assert (found["9,4"].relation, found["9,4"].compared_with) == ("increase", "năm 2023")
    assert (found["14/21"].relation, found["02/21"].relation) == ("count", "count")
    assert "2,0" not in found

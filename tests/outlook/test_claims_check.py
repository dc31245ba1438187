"""Relations the prose states between its numbers, checked within the rounding of what is written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Claim
from chitieu.outlook.assumptions import Assumptions
from chitieu.outlook.claims_check import ClaimResult, ClaimVerdict, check_claims, half_unit


def claim(
    value: str,
    relation: str,
    *,
    unit: str | None = None,
    year: int | None = 2025,
    subject: str = "Tổng kim ngạch xuất khẩu",
    compared: str | None = None,
    line: int = 24,
    text: str = "",
) -> Claim:
    number = Decimal(value.replace(".", "").replace(",", "."))
    return Claim(text or "một câu", number, value, unit, year, subject, relation, compared, line)


def only(results: tuple[ClaimResult, ...]) -> ClaimResult:
    assert len(results) == 1, results
    return results[0]


def test_half_unit_of_integer_with_trailing_zeros_is_the_rounding_place() -> None:
    assert half_unit("1.100.000") == Decimal("50000")


def test_multiple_agrees_with_average_yearly_growth() -> None:
    # 11.968 triệu USD, bình quân tăng 14,2%/năm, gấp 1,94 lần so với năm 2020:
    # 1,142^5 = 1,9424; within 1,94 ± 0,005
    claims = [
        claim("11.968", "value", unit="trieu_usd"),
        claim("14,2", "average", unit="pct_per_year"),
        claim("1,94", "gap", compared="năm 2020"),
    ]
    assert only(check_claims(claims)).verdict is ClaimVerdict.AGREES


def test_multiple_disagrees_with_average_yearly_growth_beyond_rounding() -> None:
    # bình quân tăng 23,2%/năm, gấp 2,88 lần: 1,2325^5 = 2,844 at most, below 2,875
    claims = [
        claim("23,2", "average", unit="pct_per_year", subject="tổng mức bán lẻ"),
        claim("2,88", "gap", compared="năm 2020", subject="quy mô"),
    ]
    claims.insert(0, claim("1", "value", subject="tổng mức bán lẻ"))
    assert only(check_claims(claims)).verdict is ClaimVerdict.DISAGREES


def test_multiple_without_a_base_value_cannot_be_checked() -> None:
    claims = [
        claim("328.283", "value", unit="ty_dong", subject="quy mô GRDP", line=17),
        claim("1,73", "gap", compared="năm 2020", subject="quy mô GRDP", line=17),
    ]
    result = only(check_claims(claims))
    assert result.verdict is ClaimVerdict.CANNOT_CHECK and "năm 2020" in result.detail


def test_multiple_against_a_base_value_stated_elsewhere() -> None:
    # 328.283 / 189.759 = 1,730 (a 2020 value stated on another line)
    claims = [
        claim("189.759", "value", unit="ty_dong", year=2020, subject="quy mô GRDP", line=5),
        claim("328.283", "value", unit="ty_dong", subject="quy mô GRDP", line=17),
        claim("1,73", "gap", compared="năm 2020", subject="quy mô GRDP", line=17),
    ]
    assert only(check_claims(claims)).verdict is ClaimVerdict.AGREES


def test_increase_against_a_base_value() -> None:
    # 101,5 / 60,5 − 1 = 67,77 %
    claims = [
        claim(
            "60,5",
            "value",
            unit="trieu_dong",
            year=2020,
            subject="GRDP bình quân đầu người",
            line=3,
        ),
        claim("101,5", "value", unit="trieu_dong", subject="GRDP bình quân đầu người", line=17),
        claim("67,77", "increase", unit="pct", compared="năm 2020", line=17),
    ]
    assert only(check_claims(claims)).verdict is ClaimVerdict.AGREES


@pytest.mark.parametrize(
    ("usd", "verdict"),
    [("4.200", ClaimVerdict.AGREES), ("3.500", ClaimVerdict.DISAGREES)],
)
def test_usd_equivalent_implies_an_exchange_rate(usd: str, verdict: ClaimVerdict) -> None:
    # 101,5 triệu / 4.200 = 24.167 đồng/USD, in 24.000–25.500; / 3.500 = 29.000, not
    claims = [
        claim("101,5", "value", unit="trieu_dong", line=17),
        claim(usd, "equivalent", unit="usd", line=17),
    ]
    result = only(check_claims(claims, Assumptions()))
    assert result.verdict is verdict
    assert result.detail.startswith(f"101,5 triệu đồng / {usd} USD")


def test_structure_shares_add_up_to_100() -> None:
    shares = [claim(v, "share", unit="pct", line=17) for v in ("11,9", "55,8", "27,2", "5,1")]
    assert only(check_claims(shares)).verdict is ClaimVerdict.AGREES


def test_shares_above_100_disagree() -> None:
    shares = [claim(v, "share", unit="pct", line=17) for v in ("11,9", "60", "27,2", "5,1")]
    assert only(check_claims(shares)).verdict is ClaimVerdict.DISAGREES


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("tỉnh có 2 huyện (Văn Giang, Phù Cừ) đạt chuẩn", ClaimVerdict.AGREES),
        ("tỉnh có 3 huyện (Văn Giang, Phù Cừ) đạt chuẩn", ClaimVerdict.DISAGREES),
    ],
)
def test_count_against_its_listed_items(text: str, verdict: ClaimVerdict) -> None:
    value = text.split()[2]
    result = only(check_claims([claim(value, "value", unit="huyen", line=1608, text=text)]))
    assert result.verdict is verdict


def test_seed_claims(seed_path: Path) -> None:
    """Line 17: 4.200 USD agrees (24.167 đồng/USD), the structure adds up, 1,73 has no 2020 base;
    line 24: exports 1,142^5 = 1,942 agrees with 1,94; retail 1,232^5 = 2,838 disagrees with 2,88;
    footnote line 1608: 2 huyện (Văn Giang, Phù Cừ) agrees."""
    from chitieu.ingest.claims import extract_claims
    from chitieu.ingest.text_reader import read_text

    results = check_claims(extract_claims(read_text(seed_path)))
    found = {(r.line, r.verdict, r.detail[:12]) for r in results}
    by_line = {}
    for r in results:
        by_line.setdefault(r.line, []).append(r)
    assert {r.verdict for r in by_line[17]} == {ClaimVerdict.AGREES, ClaimVerdict.CANNOT_CHECK}
    assert any("24.167" in r.detail for r in by_line[17])
    line24 = sorted(r.verdict.value for r in by_line[24])
    assert line24 == ["agrees", "disagrees"], found
    assert [r.verdict for r in by_line[1608]] == [ClaimVerdict.AGREES]

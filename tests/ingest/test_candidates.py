"""Candidates: targets stated in the forward prose outside section IV and the tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.catalog.model import Aggregation, Candidate
from chitieu.ingest import Document, read_text
from chitieu.ingest.candidates import duplicate_of, extract_candidates, scan_candidates
from chitieu.quantity import TargetKind
from tests.ingest.g_builders import seed_indicators

DOCUMENTS = Path(__file__).parent / "documents_g"


@pytest.fixture(scope="module")
def scanned(seed_document: Document) -> dict[int, Candidate]:
    return {c.source.line or 0: c for c in scan_candidates(seed_document)}


def test_every_candidate_of_the_seed_read_by_hand(scanned: dict[int, Candidate]) -> None:
    """Lines checked one by one: 496, 517, 532, 545, 548, 606, 649 (nothing from I-IV or part one)."""
    assert sorted(scanned) == [496, 517, 532, 545, 548, 606, 649]


@pytest.mark.parametrize(
    ("line", "kind", "low", "unit", "period_end", "aggregation"),
    [
        (496, TargetKind.APPROX, Decimal("30"), "pct", 2030, Aggregation.LEVEL),
        (517, TargetKind.APPROX, Decimal("40.5"), "pct", 2030, Aggregation.LEVEL),
        (532, TargetKind.POINT, Decimal("12"), None, 2030, Aggregation.CUMULATIVE),
        (548, TargetKind.MIN, Decimal("200"), "nghin_tan", None, None),
        (606, TargetKind.TEXT, None, None, 2030, Aggregation.LEVEL),
        (649, TargetKind.POINT, Decimal("100"), "pct", None, None),
    ],
)
def test_candidate_target_period_and_aggregation(
    scanned: dict[int, Candidate],
    line: int,
    kind: TargetKind,
    low: Decimal | None,
    unit: str | None,
    period_end: int | None,
    aggregation: Aggregation | None,
) -> None:
    candidate = scanned[line]
    assert (candidate.target.kind, candidate.target.low, candidate.target.unit) == (kind, low, unit)
    assert (candidate.period_end, candidate.aggregation) == (period_end, aggregation)
    assert candidate.decision is None


def test_name_drops_the_time_lead(scanned: dict[int, Candidate]) -> None:
    assert scanned[517].name == "tỷ trọng công nghiệp chế biến, chế tạo chiếm khoảng 40,5% GRDP"
    assert scanned[496].excerpt == "Đến năm 2030, kinh tế số chiếm khoảng 30% GRDP."


def test_a_candidate_restating_a_table_row_is_a_duplicate(scanned: dict[int, Candidate]) -> None:
    assert duplicate_of(scanned[517], seed_indicators()) == "kt.co_cau.che_bien"
    assert duplicate_of(scanned[496], seed_indicators()) is None


def test_extract_candidates_drops_duplicates(seed_document: Document) -> None:
    lines = [c.source.line for c in extract_candidates(seed_document, seed_indicators())]
    assert 517 not in lines and 496 in lines


def test_the_target_section_and_past_results_give_no_candidates(
    scanned: dict[int, Candidate],
) -> None:
    assert not [line for line in scanned if line < 487]


def test_hand_written_resolution() -> None:
    doc = read_text(DOCUMENTS / "nghi-quyet-nhiem-vu.txt")
    found = {c.source.line: c for c in scan_candidates(doc)}
    assert sorted(found) == [17, 31, 37]  # not "3 trụ cột", not the past term
    assert found[37].aggregation is Aggregation.EVERY_YEAR
    assert found[31].target.kind is TargetKind.MAX and found[31].target.high == Decimal("0.5")


def test_annual_report_forward_part_only() -> None:
    doc = read_text(DOCUMENTS / "bao-cao-kinh-te-xa-hoi-2024.txt")
    found = {c.source.line: c for c in scan_candidates(doc)}
    assert sorted(found) == [17, 19, 37]
    assert found[17].target.kind is TargetKind.MIN and found[17].period_end == 2025


def test_duplicate_against_the_real_target_table(
    seed_document: Document, scanned: dict[int, Candidate]
) -> None:
    from chitieu.ingest.target_table import read_target_table

    table = read_target_table(seed_document.table("PHỤ LỤC 2"), document=seed_document.name)
    assert duplicate_of(scanned[517], table.indicators) == "kt.co_cau.che_bien_che_tao"
    assert duplicate_of(scanned[532], table.indicators) is None

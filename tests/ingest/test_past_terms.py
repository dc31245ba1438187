"""Results tables (Phụ lục 1A, 1B) -> PastTerm: every row, verbatim beside its values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.catalog.model import PastTerm, PastTermRow
from chitieu.ingest.document import Document
from chitieu.ingest.past_terms import (
    read_past_term,
    resolve_results,
    result_target,
    table_label,
    unit_was_ditto,
)
from chitieu.quantity import TargetKind

# Counted by hand in the document (lines 775-1146): 55 blank-separated blocks,
# 4 of them group rows (I-IV): 51 rows, 19 numbered. Assessment column as printed.
ASSESSMENTS_1A = [
    ("1", "Vượt"), ("", None), ("", "Đạt"), ("", "Đạt"), ("", "Đạt"), ("", "Vượt"),
    ("2", "Vượt"), ("3", "Đạt"), ("", None), ("", None), ("", None), ("", None),
    ("4", "Vượt"), ("5", "Vượt"), ("", None), ("", None),
    ("6", None), ("", "Vượt"), ("", "Đạt"), ("7", "Vượt"),
    ("8", "Đạt"), ("9", None), ("", "Vượt"), ("", "Vượt"), ("", "Vượt"), ("10", "Đạt"),
    ("11", None), ("", "Vượt"), ("", "Chưa đạt"), ("12", None), ("", "Vượt"), ("", "Đạt"),
    ("13", None), ("", "Đạt"), ("", "Đạt"), ("", "Vượt"),
    ("14", None), ("", "Đạt"), ("", None), ("", "Đạt"),
    ("15", "Đạt"), ("16", None), ("", "Đạt"), ("", "Đạt"), ("", "Đạt"),
    ("17", None), ("", "Đạt"), ("", "Đạt"),
    ("18", "Vượt"), ("", "Cơ bản đạt"), ("19", "Vượt"),
]  # fmt: skip
# Lines 1167-1319: 20 numbered rows under two group rows; row 16 prints "Vượt ".
ASSESSMENTS_1B = [
    "Đạt", "Đạt", "Không đạt", "Không đạt", "Vượt", "Không đạt", "Không đạt",
    "Vượt", "Không đạt", "Vượt", "Không đạt", "Đạt", "Đạt", "Đạt", "Đạt",
    "Vượt", "Đạt", "Vượt", "Đạt", "Không đạt",
]  # fmt: skip


@pytest.fixture(scope="module")
def term_1a(seed_document: Document) -> PastTerm:
    return read_past_term(
        seed_document.table("Phụ lục 1A"), document=seed_document.name, former=True
    )


@pytest.fixture(scope="module")
def term_1b(seed_document: Document) -> PastTerm:
    return read_past_term(
        seed_document.table("Phụ lục 1B"), document=seed_document.name, former=True
    )


def _row(term: PastTerm, line: int) -> PastTermRow:
    return next(row for row in term.rows if row.source.line == line)


def test_1a_keeps_every_row_with_its_assessment_verbatim(term_1a: PastTerm) -> None:
    assert [(r.stt, r.official_assessment) for r in term_1a.rows] == ASSESSMENTS_1A


def test_1b_keeps_its_20_numbered_rows_with_assessments_stripped_only(term_1b: PastTerm) -> None:
    assert [r.stt for r in term_1b.rows] == [str(n) for n in range(1, 21)]
    assert [r.official_assessment for r in term_1b.rows] == ASSESSMENTS_1B


def test_past_term_codes_and_names_come_from_the_titles(
    term_1a: PastTerm, term_1b: PastTerm
) -> None:
    assert (term_1a.code, term_1a.locality, term_1a.period_start, term_1a.period_end) == (
        "hung_yen_cu_2020_2025",
        "hung_yen_cu",
        2020,
        2025,
    )
    assert (term_1b.code, term_1b.locality) == ("thai_binh_cu_2020_2025", "thai_binh_cu")
    assert "TỈNH THÁI BÌNH LẦN THỨ XX" in term_1b.name


def test_not_former_locality_has_no_suffix(seed_document: Document) -> None:
    term = read_past_term(seed_document.table("Phụ lục 1A"), document="x")
    assert term.code == "hung_yen_2020_2025"


def test_table_label(seed_document: Document) -> None:
    assert table_label(seed_document.table("Phụ lục 1B")) == "1B"


@pytest.mark.parametrize("line", [793, 800, 814])
def test_ditto_unit_takes_the_nearest_unit_above_and_says_so(term_1a: PastTerm, line: int) -> None:
    row = _row(term_1a, line)
    assert (row.unit_text, row.unit, unit_was_ditto(row)) == ("%", "pct", True)
    assert '"' in row.source.text.split(" | ")


def test_row_with_its_own_unit_is_not_a_ditto(term_1a: PastTerm) -> None:
    assert not unit_was_ditto(_row(term_1a, 779))


def test_row_without_unit_keeps_none(term_1a: PastTerm) -> None:
    row = _row(term_1a, 807)  # Chỉ số sản xuất công nghiệp
    assert (row.unit_text, row.unit) == ("", None)


def test_ambiguous_result_keeps_no_value_and_both_readings(term_1a: PastTerm) -> None:
    row = _row(term_1a, 863)  # Tổng vốn đầu tư toàn xã hội: "328,096"
    assert row.result_value is None
    assert set(row.result_readings) == {Decimal("328.096"), Decimal(328096)}


def test_resolving_uses_the_target_and_the_column_and_gives_a_reason(term_1a: PastTerm) -> None:
    (resolution,) = resolve_results(term_1a)
    assert (resolution.line, resolution.value) == (863, Decimal(328096))
    assert "250.000" in resolution.reason


def test_plain_results_are_numbers(term_1a: PastTerm) -> None:
    assert _row(term_1a, 870).result_value == Decimal(44923)
    assert _row(term_1a, 779).result_value == Decimal("9.9")


@pytest.mark.parametrize(
    ("line", "kind", "low"),
    [(1286, TargetKind.RATIO, Decimal(30) / Decimal(77)), (1293, TargetKind.MIN, Decimal(90))],
)
def test_results_that_are_not_plain_numbers_read_as_targets(
    term_1b: PastTerm, line: int, kind: TargetKind, low: Decimal
) -> None:
    row = _row(term_1b, line)  # "30/77" (line 1290), "> 90" (line 1297)
    target = result_target(row)
    assert row.result_value is None and target is not None
    assert (target.kind, target.low) == (kind, low)


def test_empty_target_cell_is_none(term_1a: PastTerm) -> None:
    assert _row(term_1a, 786).target is None


def test_targets_are_parsed_with_the_row_unit(term_1b: PastTerm) -> None:
    growth = term_1b.rows[2]
    assert growth.target is not None
    assert (growth.target.low, growth.target.unit) == (Decimal(10), "pct_per_year")


def test_groups_and_parents(term_1a: PastTerm, term_1b: PastTerm) -> None:
    assert _row(term_1a, 1134).parent_stt == "18"
    assert _row(term_1a, 1134).group == "xay_dung_dang"
    assert _row(term_1a, 1127).parent_stt is None
    assert [r.group for r in term_1b.rows[6:8]] == [
        "binh_quan_giai_doan_2021_2025",
        "chi_tieu_den_nam_2025",
    ]

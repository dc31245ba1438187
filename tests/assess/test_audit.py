"""The audit of Phụ lục 1A/1B: every row's computed status against the official word."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.assess.audit import Audit, audit_terms, official_status
from chitieu.catalog.model import Assessment, PastTerm, PastTermRow, Source
from chitieu.ingest import read_document
from chitieu.ingest.past_terms import read_past_term
from chitieu.quantity.target import Target, TargetKind

from .builders import point, range_

A = Assessment
D = Decimal


@pytest.fixture(scope="module")
def audit(seed_path: Path) -> Audit:
    document = read_document(seed_path)
    terms = [
        read_past_term(document.table(title), document=document.name, former=True)
        for title in ("PHỤ LỤC 1A", "PHỤ LỤC 1B")
    ]
    return audit_terms(terms)


def _at(audit: Audit, line: int):  # type: ignore[no-untyped-def]
    return next(row for row in audit.rows if row.line == line)


def test_agreement_counts_rows_with_both_an_official_word_and_a_computed_status(
    audit: Audit,
) -> None:
    # 35 worded rows in 1A less 800 and 828 (no target); 20 in 1B less 1293 ("> 90").
    assert audit.agreement == (51, 52)


def test_the_only_disagreement_is_the_export_value_and_the_table_contradicts_itself(
    audit: Audit,
) -> None:
    (row,) = audit.disagreements()
    assert (row.line, row.official, row.computed) == (905, "Đạt", A.EXCEEDED)
    assert row.cause is not None and row.cause.kind == "inconsistent"
    # A margin above +1,76% makes 905 Đạt but turns three smaller Vượt excesses into Đạt.
    assert row.cause.breaks == (972, 993, 1230)
    assert "vượt 1,76% so với mục tiêu 8.500" in row.reason


@pytest.mark.parametrize("line", [786, 835, 842, 849, 877, 884, 1049])
def test_rows_without_an_official_word_have_agree_null(audit: Audit, line: int) -> None:
    assert _at(audit, line).agree is None


@pytest.mark.parametrize(
    ("line", "status"), [(835, A.NOT_ACHIEVED), (877, A.EXCEEDED), (884, A.NOT_ACHIEVED)]
)
def test_sub_rows_with_a_target_are_still_computed(audit: Audit, line: int, status: A) -> None:
    assert _at(audit, line).computed is status


@pytest.mark.parametrize(
    ("line", "words"),
    [(800, "không ghi mục tiêu"), (828, "không ghi mục tiêu"), (1049, "không ghi kết quả")],
)
def test_rows_missing_a_target_or_result_cannot_be_assessed(
    audit: Audit, line: int, words: str
) -> None:
    row = _at(audit, line)
    assert (row.computed, row.agree) == (None, None)
    assert words in row.reason.lower()


def test_a_result_written_as_a_bound_gives_the_statuses_it_allows(audit: Audit) -> None:
    row = _at(audit, 1293)  # target 90, result "> 90", officially Đạt
    assert (row.computed, row.agree) == (None, None)
    assert row.possible == (A.EXCEEDED, A.ACHIEVED)
    assert "Vượt nếu từ 90,9 trở lên" in row.reason
    assert "'Đạt' nằm trong" in row.reason


def test_chua_dat_of_a_finished_term_agrees_with_khong_dat(audit: Audit) -> None:
    row = _at(audit, 979)
    assert (row.official, row.computed, row.agree) == ("Chưa đạt", A.NOT_ACHIEVED, True)


def test_the_ambiguous_investment_total_is_settled_by_its_target(audit: Audit) -> None:
    (resolution,) = audit.resolutions
    assert (resolution.line, resolution.text, resolution.value) == (863, "328,096", D(328096))
    assert "mục tiêu là 250.000" in resolution.reason
    assert _at(audit, 863).agree is True


def test_the_poor_household_ratio_is_compared_as_a_share_of_the_reduction(audit: Audit) -> None:
    row = _at(audit, 1286)  # 1/3 -> 30/77 = 38,96%: more reduction is better
    assert (row.computed, row.agree) == (A.EXCEEDED, True)


# -- made-up tables ----------------------------------------------------------------------


def _row(line: int, target: Target, result: str, official: str | None) -> PastTermRow:
    return PastTermRow(
        table="X",
        stt=str(line),
        indicator=f"Chỉ tiêu {line}",
        unit_text="%",
        unit=target.unit,
        target_text=target.text,
        target=target,
        result_text=result.replace(".", ","),
        result_value=D(result),
        result_readings=(),
        official_assessment=official,
        group=None,
        parent_stt=None,
        source=Source("x.txt", line),
    )


def _audit(*rows: PastTermRow) -> Audit:
    return audit_terms([PastTerm("x", "x", "x", 2020, 2025, rows)])


def test_a_lone_disagreement_fixed_by_another_margin_is_blamed_on_the_margin() -> None:
    audit = _audit(_row(1, point("100"), "101.5", "Đạt"), _row(2, point("100"), "103", "Vượt"))
    (row,) = audit.disagreements()
    assert row.cause is not None and (row.cause.kind, row.cause.breaks) == ("exceed_margin", ())


def test_a_shortfall_called_basically_achieved_points_to_a_wider_tolerance() -> None:
    audit = _audit(_row(1, point("100"), "93", "Cơ bản đạt"))
    (row,) = audit.disagreements()
    assert row.cause is not None and row.cause.kind == "tolerance"


def test_a_result_rounded_to_the_targets_precision_explains_the_word() -> None:
    audit = _audit(_row(1, point("20"), "19.6", "Đạt"))  # 19,6 rounds to 20
    (row,) = audit.disagreements()
    assert row.cause is not None and row.cause.kind == "rounding"


def test_hitting_100_percent_officially_exceeded_points_to_the_cap() -> None:
    audit = _audit(_row(1, point("95"), "100", "Vượt"))
    (row,) = audit.disagreements()
    assert row.cause is not None and row.cause.kind == "cap_at_100"


def test_a_word_no_alternative_reproduces_is_unexplained() -> None:
    audit = _audit(_row(1, range_("5", "6"), "2", "Vượt"))
    (row,) = audit.disagreements()
    assert row.cause is not None and row.cause.kind == "unexplained"


def test_a_qualitative_target_is_not_compared() -> None:
    row = _row(1, Target("x", TargetKind.TEXT), "1", "Đạt")
    assert _audit(row).rows[0].computed is None


def test_an_ambiguous_result_the_context_cannot_settle_is_not_guessed() -> None:
    row = _row(1, point("30"), "1", "Đạt")
    row = replace(row, result_text="1,500", result_value=None, result_readings=(D("1.5"), D(1500)))
    audit = _audit(row)
    assert (audit.rows[0].computed, audit.resolutions[0].value) == (None, None)
    assert "Chưa xác định được" in audit.rows[0].reason


@pytest.mark.parametrize(
    ("word", "status"),
    [("Vượt", A.EXCEEDED), ("Cơ bản đạt", A.BASICALLY_ACHIEVED), ("Không đạt", A.NOT_ACHIEVED)],
)
def test_official_words_map_to_the_scale(word: str, status: A) -> None:
    assert official_status(word) is status

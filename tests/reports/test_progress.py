"""The progress report for 2026 from the real catalogue and a few figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.catalog.model import Catalogue, Figure, FigureStatus
from chitieu.catalog.period import Period
from chitieu.reports.model import NO_DATA, ProgressReport
from chitieu.reports.progress import ReportError, plan_words, progress_report

ESTIMATE, OFFICIAL = FigureStatus.ESTIMATE, FigureStatus.OFFICIAL


def figure(code: str, year: int, value: str, status: FigureStatus = ESTIMATE) -> Figure:
    return Figure(code, "hung_yen", Period.year_of(year), Decimal(value), status)


FIGURES = (
    figure("kt.grdp.tang_truong", 2025, "9.17"),
    figure("kt.grdp.tang_truong", 2026, "9.6"),
    figure("kt.grdp.quy_mo", 2025, "328283", OFFICIAL),
    figure("kt.grdp.quy_mo", 2026, "340000"),
    figure("kt.grdp.quy_mo", 2026, "345000", OFFICIAL),
    figure("kt.grdp.quy_mo", 2027, "390000"),  # after the report year: not used
    figure("xh.ho_ngheo", 2025, "0.9"),
    figure("xh.ho_ngheo", 2026, "0.7"),
)


@pytest.fixture(scope="module")
def report(catalogue: Catalogue) -> ProgressReport:
    return progress_report(catalogue, FIGURES, 2026, charts=False)


def _row(report: ProgressReport, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.rows if r.code == code)


def test_every_indicator_of_the_plan_has_a_row_in_catalogue_order(
    report: ProgressReport, catalogue: Catalogue
) -> None:
    assert [r.code for r in report.rows] == [i.code for i in catalogue.indicators]


def test_the_official_figure_of_a_year_wins_over_the_estimate(report: ProgressReport) -> None:
    assert _row(report, "kt.grdp.quy_mo").latest_text == "345.000 tỷ đồng (2026, chính thức)"


def test_figures_after_the_report_year_are_left_out(report: ProgressReport) -> None:
    assert "390.000" not in _row(report, "kt.grdp.quy_mo").latest_text


def test_the_stored_base_year_figure_is_the_baseline(report: ProgressReport) -> None:
    assert _row(report, "kt.grdp.quy_mo").baseline_text == "328.283 tỷ đồng (2025)"


def test_missing_figures_are_said_plainly(report: ProgressReport) -> None:
    row = _row(report, "mt.nuoc_sach")
    assert (row.latest_text, row.status) == (NO_DATA, NO_DATA)


def test_a_slow_level_is_at_risk_with_the_pace_still_needed(report: ProgressReport) -> None:
    row = _row(report, "kt.grdp.quy_mo")
    # 328.283 -> 345.000 is 5,1% a year where 12,8% is needed: 0,4 of the pace.
    assert row.at_risk and row.rating == "Tiến bộ hạn chế"
    assert row.required_text.startswith("Cần tăng") and "4 năm còn lại" in row.required_text
    assert "tỷ đồng (năm 2030)" in row.projection_text


def test_an_open_period_shortfall_reads_chua_dat(report: ProgressReport) -> None:
    assert _row(report, "kt.grdp.tang_truong").status == "Chưa đạt"


def test_a_rank_target_has_no_projection_and_says_why(report: ProgressReport) -> None:
    row = _row(report, "kt.xep_hang_chi_so")
    assert row.rating == "Không dự báo được" and row.rating_reason


def test_coherence_findings_put_the_incoherent_first(report: ProgressReport) -> None:
    verdicts = [f.verdict for f in report.coherence]
    assert verdicts and verdicts[0] == "Không nhất quán"


def test_tasks_carry_their_notes_or_say_none(catalogue: Catalogue) -> None:
    first = catalogue.tasks[0]
    notes = {first.code: "Đã ban hành chương trình hành động."}
    report = progress_report(catalogue, FIGURES, 2026, task_notes=notes, charts=False)
    assert report.tasks[0].note == "Đã ban hành chương trình hành động."
    assert report.tasks[1].note == "Chưa có ghi nhận tiến độ"


def test_charts_only_for_indicators_with_figures(catalogue: Catalogue) -> None:
    report = progress_report(catalogue, FIGURES, 2026)
    assert {c.code for c in report.charts} == {f.indicator for f in FIGURES}
    assert all(c.spec["$schema"] for c in report.charts)


@pytest.mark.parametrize("year", [2025, 2031])
def test_a_year_outside_the_term_is_refused(catalogue: Catalogue, year: int) -> None:
    with pytest.raises(ReportError, match="không thuộc nhiệm kỳ"):
        progress_report(catalogue, FIGURES, year)


@pytest.mark.parametrize(
    ("kind", "years", "words"),
    [
        ("resolution", (2020, 2025), "Nghị quyết nhiệm kỳ 2020 - 2025"),
        ("five_year_plan", (2021, 2025), "Kế hoạch 5 năm 2021 - 2025"),
        ("annual_plan", (2024, 2024), "Kế hoạch năm 2024"),
    ],
)
def test_the_report_names_its_plan_by_kind(kind: str, years: tuple[int, int], words: str) -> None:
    assert plan_words(kind, *years) == words


def test_a_draft_marks_each_value_not_yet_approved(catalogue: Catalogue) -> None:
    from chitieu.reports.progress import figure_key

    unapproved = {figure_key(FIGURES[4]), figure_key(FIGURES[2])}  # quy_mo 2026 and 2025
    draft = progress_report(
        catalogue, FIGURES, 2026, charts=False, draft=True, unapproved=unapproved
    )
    size = _row(draft, "kt.grdp.quy_mo")
    assert size.latest_text == "345.000 tỷ đồng* (2026, chính thức)"
    assert size.baseline_text == "328.283 tỷ đồng* (2025)"
    assert size.latest_unapproved and size.baseline_unapproved
    assert "*" not in _row(draft, "xh.ho_ngheo").latest_text
    assert draft.draft and draft.unapproved


def test_an_official_report_marks_nothing(report: ProgressReport) -> None:
    assert not report.draft and not report.unapproved
    assert all("*" not in row.latest_text for row in report.rows)

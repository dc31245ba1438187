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


def test_the_status_reason_is_a_sentence_and_its_arithmetic_rides_along(
    report: ProgressReport,
) -> None:
    row = _row(report, "kt.grdp.tang_truong")
    assert row.status_reason.startswith("Tăng trưởng bình quân năm 2026 (số ước) đạt 9,6%/năm")
    assert "^" not in row.status_reason
    assert row.status_working[0] == (
        "Tăng trưởng bình quân năm 2026 từ tốc độ tăng từng năm: (1,096)^(1/1) − 1 = 9,6%/năm"
    )


def test_the_rating_reason_says_what_the_remaining_years_need_and_keeps_r(
    report: ProgressReport,
) -> None:
    row = _row(report, "kt.grdp.quy_mo")
    assert "Để đạt mục tiêu, các năm còn lại cần tăng bình quân" in row.rating_reason
    assert any(line.startswith("Tỷ lệ tiến độ R = ") for line in row.rating_working)
    assert row.explanation == (row.rating_reason, row.rating_working)


def test_a_january_figure_is_shown_as_the_year_so_far_not_as_the_year(
    catalogue: Catalogue,
) -> None:
    """The published January 2026 budget revenue (5.914 tỷ đồng, to 27/1) beside the
    65.000 tỷ đồng target: the latest column says what it is, the status is not assessed."""
    january = Figure(
        "kt.thu_ngan_sach.tong", "hung_yen", Period.parse("2026-01"), Decimal(5914), ESTIMATE
    )
    report = progress_report(catalogue, (*FIGURES, january), 2026, charts=False)
    row = _row(report, "kt.thu_ngan_sach.tong")
    assert row.latest_text == (
        "5.914 tỷ đồng (lũy kế tháng 1/2026, ước): đạt 9,1% mục tiêu năm (65.000 tỷ đồng), "
        "đã qua 8,3% thời gian của năm; chưa có số cả năm"
    )
    assert row.latest_value is None and row.status == "Chưa có số liệu"


def test_a_yearly_figure_of_the_report_year_leaves_its_months_out(
    catalogue: Catalogue,
) -> None:
    months = Figure("kt.grdp.quy_mo", "hung_yen", Period.parse("2026-Q1"), Decimal(80000), ESTIMATE)
    report = progress_report(catalogue, (*FIGURES, months), 2026, charts=False)
    assert _row(report, "kt.grdp.quy_mo").latest_text == "345.000 tỷ đồng (2026, chính thức)"


def test_the_resolutions_baseline_stays_beside_a_later_revision(catalogue: Catalogue) -> None:
    """2025 budget revenue: 74.432 tỷ đồng in the document (line 48), 100.299 published later."""
    budget = next(i for i in catalogue.indicators if i.code == "kt.thu_ngan_sach.tong")
    stated = next(b for b in budget.baselines if b.year == 2025)
    assert (stated.value, stated.source.line) == (Decimal(74432), 48)
    published = figure("kt.thu_ngan_sach.tong", 2025, "100299")
    report = progress_report(catalogue, (*FIGURES, published), 2026, charts=False)
    row = _row(report, "kt.thu_ngan_sach.tong")
    assert row.baseline_text == (
        "74.432 tỷ đồng (2025, theo nghị quyết); số điều chỉnh sau: 100.299 tỷ đồng"
    )
    assert row.baseline_value == Decimal(74432)


def test_an_average_target_names_the_years_averaged_in_the_latest_column(
    report: ProgressReport,
) -> None:
    """GRDP growth 10-11%/năm on average 2026-2030, with 2026 alone: not the period's average."""
    row = _row(report, "kt.grdp.tang_truong")
    assert row.latest_text == "9,6%/năm (2026, ước); bình quân 2026–2026: 9,6%/năm"


def test_an_average_of_two_years_says_so(catalogue: Catalogue) -> None:
    later = (*FIGURES, figure("kt.grdp.tang_truong", 2027, "10.4"))
    row = _row(progress_report(catalogue, later, 2027, charts=False), "kt.grdp.tang_truong")
    assert row.latest_text.startswith("10,4%/năm (2027, ước); bình quân 2026–2027: ")


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

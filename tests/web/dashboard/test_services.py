"""Dashboard rows: the core's assessment of the stored figures, counts, filters, at-risk."""

from __future__ import annotations

from typing import Any

import pytest

from chitieu.catalog.model import Assessment
from tests.web.dashboard.helpers import put

pytestmark = pytest.mark.django_db


def _plan() -> Any:
    from chitieu.web.plans.models import Plan

    return Plan.objects.get(code="hung_yen_2025_2030")


def _rows(store: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    from chitieu.web.dashboard.services import dashboard_rows

    rows = dashboard_rows(_plan(), locality=store["province"], as_of=2031, **kwargs)
    return {row.indicator.code: row for row in rows}


def test_a_closed_level_target_exceeded_by_the_last_figure_is_vuot(store: dict[str, Any]) -> None:
    put(store["doctors"], store["province"], 2030, "16")
    row = _rows(store)["xh.y_te.bac_si"]
    assert row.status is Assessment.EXCEEDED
    assert "16" in row.result.reason


def test_a_shortfall_within_five_percent_is_co_ban_dat(store: dict[str, Any]) -> None:
    put(store["doctors"], store["province"], 2030, "14,5".replace(",", "."))
    assert _rows(store)["xh.y_te.bac_si"].status is Assessment.BASICALLY_ACHIEVED


def test_an_indicator_without_figures_in_the_period_has_no_data(store: dict[str, Any]) -> None:
    assert _rows(store)["kt.grdp.tang_truong"].status is Assessment.NO_DATA


def test_the_latest_figure_is_the_most_final_of_the_last_year(store: dict[str, Any]) -> None:
    put(store["doctors"], store["province"], 2027, "11", status="uoc")
    put(store["doctors"], store["province"], 2027, "11.2", status="chinh_thuc")
    row = _rows(store)["xh.y_te.bac_si"]
    assert row.latest is not None and row.latest.status.value == "chinh_thuc"
    assert row.latest_text.startswith("11,2")


def test_the_series_holds_one_value_per_year_for_the_sparkline(store: dict[str, Any]) -> None:
    for year, value in ((2026, "10"), (2027, "11"), (2028, "12")):
        put(store["doctors"], store["province"], year, value)
    series = _rows(store)["xh.y_te.bac_si"].series
    assert [year for year, _ in series] == [2026, 2027, 2028]


def test_figures_of_another_locality_are_not_mixed_in(store: dict[str, Any]) -> None:
    put(store["doctors"], store["commune"], 2030, "16")
    assert _rows(store)["xh.y_te.bac_si"].status is Assessment.NO_DATA


def test_the_department_filter_keeps_its_assigned_indicators(store: dict[str, Any]) -> None:
    assert list(_rows(store, department="so_y_te")) == ["xh.y_te.bac_si"]


def test_counts_per_group_and_the_status_filter(store: dict[str, Any]) -> None:
    from chitieu.web.dashboard.services import Filters, dashboard

    put(store["doctors"], store["province"], 2030, "16")
    board = dashboard(_plan(), filters=Filters(status="vuot"))
    counts = {g.code: dict(g.counts) for g in board.groups}
    assert counts["xa_hoi"][Assessment.EXCEEDED] == 1
    assert counts["kinh_te"][Assessment.NO_DATA] == 1
    assert [r.indicator.code for r in board.rows] == ["xh.y_te.bac_si"]
    assert board.total == 2


def test_a_slow_series_is_listed_at_risk(store: dict[str, Any]) -> None:
    """9,5 in 2020 to 15 in 2030 needs ~0,55 a year; 0,05 a year is limited progress."""
    for year, value in ((2020, "9.5"), (2026, "9.55"), (2027, "9.6"), (2028, "9.65")):
        put(store["doctors"], store["province"], year, value)
    from chitieu.web.dashboard.services import dashboard_rows

    rows = dashboard_rows(_plan(), locality=store["province"], as_of=2028)
    at_risk = [r.indicator.code for r in rows if r.at_risk]
    assert at_risk == ["xh.y_te.bac_si"]


def test_the_real_plan_dashboard_is_fast(store: dict[str, Any]) -> None:
    """Every row is computed from a fixed number of queries, whatever the plan's size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chitieu.web.dashboard.services import Filters, dashboard

    put(store["doctors"], store["province"], 2026, "10")
    with CaptureQueriesContext(connection) as queries:
        dashboard(_plan(), filters=Filters())
    assert len(queries.captured_queries) <= 9


def _put_period(store: dict[str, Any], period: str, value: str) -> None:
    from decimal import Decimal

    from chitieu.catalog.period import Period
    from chitieu.web.figures.services import record_figure

    record_figure(
        store["doctors"],
        store["province"],
        Period.parse(period),
        "uoc",
        Decimal(value),
        actor=None,
        expected_version=None,
        source="Cục Thống kê",
    )


def test_the_latest_figure_is_a_month_after_the_last_year(store: dict[str, Any]) -> None:
    """January 2026 is newer than the year 2025: it is shown, with its period label."""
    put(store["doctors"], store["province"], 2025, "11", status="uoc")
    _put_period(store, "2026-01", "11.1")
    row = _rows(store)["xh.y_te.bac_si"]
    assert row.latest is not None and row.latest.period.label() == "Tháng 01/2026"
    assert row.latest_text.startswith("11,1")


def test_a_whole_year_wins_over_its_own_months(store: dict[str, Any]) -> None:
    """The year 2025 covers "10 months of 2025" and December 2025: the year is shown."""
    _put_period(store, "2025-10M", "10.8")
    _put_period(store, "2025-12", "10.9")
    put(store["doctors"], store["province"], 2025, "11", status="uoc")
    row = _rows(store)["xh.y_te.bac_si"]
    assert row.latest is not None and row.latest.period.is_year
    assert row.latest_text.startswith("11 ")


def test_the_reason_does_not_repeat_the_status_badge(store: dict[str, Any]) -> None:
    row = _rows(store)["kt.grdp.tang_truong"]
    assert row.result.reason.startswith("Chưa có số liệu:")
    assert not row.reason.lower().startswith("chưa có số liệu:")
    assert row.reason[0].isupper()


def test_a_past_term_is_rated_from_its_first_year(store: dict[str, Any]) -> None:
    """Term 2020–2025: 2020 is the baseline, so a poverty rate falling far too slowly
    towards "Dưới 1,5%" is listed as behind its path."""
    from chitieu.web.dashboard.services import Filters, dashboard
    from chitieu.web.plans.models import Indicator, Plan

    plan = Plan.objects.get(code="hung_yen_cu_2020_2025")
    poverty = Indicator.objects.get(plan=plan, stt="15")
    for year, value in ((2020, "3"), (2022, "2.95"), (2024, "2.9"), (2025, "2.88")):
        put(poverty, plan.locality or store["province"], year, value)
    board = dashboard(plan, filters=Filters())
    assert board.closed
    assert [r.indicator.stt for r in board.at_risk] == ["15"]


def test_the_official_view_keeps_draft_figures_out_of_the_series_and_outlook(
    store: dict[str, Any],
) -> None:
    from chitieu.web.figures.services import approve_figure
    from chitieu.web.figures.visibility import ViewMode

    for year, value in ((2025, "12"), (2026, "9")):
        approve_figure(put(store["doctors"], store["province"], year, value), actor=None)
    put(store["doctors"], store["province"], 2027, "8")
    everything = _rows(store)["xh.y_te.bac_si"]
    approved = _rows(store, mode=ViewMode.OFFICIAL)["xh.y_te.bac_si"]
    assert [y for y, _ in everything.series] == [2025, 2026, 2027]
    assert [y for y, _ in approved.series] == [2025, 2026]
    assert approved.latest is not None and approved.latest.period.year == 2026


def test_a_returned_figure_is_not_at_risk_nor_latest_in_any_mode(store: dict[str, Any]) -> None:
    """The planner returned 2026's 9 (it would put doctors at risk): no view quotes it."""
    from chitieu.web.dashboard.services import Filters, dashboard
    from chitieu.web.figures.services import return_figure, submit_figure
    from chitieu.web.figures.visibility import ViewMode

    put(store["doctors"], store["province"], 2025, "12", approved=True)
    returned = submit_figure(put(store["doctors"], store["province"], 2026, "9"), actor=None)
    return_figure(returned, actor=None, comment="Số liệu chưa khớp với Sở Y tế")
    for mode in ViewMode:
        row = _rows(store, mode=mode)["xh.y_te.bac_si"]
        assert [y for y, _ in row.series] == [2025], mode
        board = dashboard(_plan(), filters=Filters(locality=store["province"].code, mode=mode))
        assert "xh.y_te.bac_si" not in [r.indicator.code for r in board.at_risk], mode


def test_a_published_figure_counts_as_official(store: dict[str, Any]) -> None:
    from decimal import Decimal

    from chitieu.catalog.period import Period
    from chitieu.web.figures.services import record_figure
    from chitieu.web.figures.visibility import ViewMode

    record_figure(
        store["doctors"], store["province"], Period.year_of(2026), "uoc", Decimal("16"),
        actor=None, expected_version=None, source="Văn bản, dòng 12", published=True,
    )  # fmt: skip
    row = _rows(store, mode=ViewMode.OFFICIAL)["xh.y_te.bac_si"]
    assert [y for y, _ in row.series] == [2026]

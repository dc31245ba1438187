"""The Vega-Lite spec of an indicator: points by status, target rule or band, dashed path."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import vl_convert

from chitieu.catalog.model import (
    Aggregation,
    Catalogue,
    Direction,
    Figure,
    FigureStatus,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.period import Period
from chitieu.outlook import NoGoalError, required_path, resolve_goal
from chitieu.outlook.paths import Milestone, RequiredPath
from chitieu.quantity import parse_target
from chitieu.reports.chart_images import chart_png, chart_svg
from chitieu.reports.charts import SCHEMA, VI_FORMAT_LOCALE, indicator_chart, plotted_values

DOCTORS = Indicator("xh.bac_si", "Số bác sĩ/vạn dân", "xa_hoi", None, None, Direction.HIGHER)


def _target(text: str) -> IndicatorTarget:
    return IndicatorTarget(
        parse_target(text), 2026, 2030, Aggregation.LEVEL, Source("doc.txt", line=1450, text=text)
    )


def _figure(period: str, value: str, status: FigureStatus = FigureStatus.OFFICIAL) -> Figure:
    return Figure("xh.bac_si", "hung_yen", Period.parse(period), Decimal(value), status)


def _layer(spec: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((layer for layer in spec["layer"] if layer["data"]["name"] == name), None)


def test_the_spec_is_vega_lite_v5() -> None:
    assert indicator_chart(DOCTORS, [], None)["$schema"] == SCHEMA
    assert SCHEMA.endswith("/v5.json")


def test_one_point_per_yearly_figure_with_its_status_label() -> None:
    figures = [
        _figure("2026", "10.5"),
        _figure("2027", "11", FigureStatus.ESTIMATE),
        _figure("2027-H1", "10.8"),  # not a year: not drawn
    ]
    points = _layer(indicator_chart(DOCTORS, figures, None), "figures")
    assert points is not None
    assert [(p["year"], p["value"], p["status"]) for p in points["data"]["values"]] == [
        ("2026", 10.5, "chính thức"),
        ("2027", 11.0, "ước"),
    ]


def test_a_range_target_is_a_band() -> None:
    band = _layer(indicator_chart(DOCTORS, [], _target("10%-11%")), "target_band")
    assert band is not None and band["mark"]["type"] == "rect"
    assert band["data"]["values"][0]["low"] == 10.0 and band["data"]["values"][0]["high"] == 11.0


@pytest.mark.parametrize(("text", "line"), [("Dưới 1,5%", 1.5), ("80 trở lên", 80.0), ("15", 15.0)])
def test_a_bound_or_point_target_is_a_rule_at_its_value(text: str, line: float) -> None:
    rule = _layer(indicator_chart(DOCTORS, [], _target(text)), "target_rule")
    assert rule is not None and rule["mark"]["type"] == "rule"
    assert rule["data"]["values"][0]["value"] == line


def test_a_rule_spans_the_width_it_has_no_year() -> None:
    rule = _layer(indicator_chart(DOCTORS, [], _target("15")), "target_rule")
    assert rule is not None and "x" not in rule["encoding"]


def test_a_text_target_draws_nothing_for_the_target() -> None:
    spec = indicator_chart(DOCTORS, [], _target("Nhóm 10 tỉnh dẫn đầu"))
    assert [layer["data"]["name"] for layer in spec["layer"]] == ["figures"]


def test_the_required_path_is_a_dashed_line_and_widens_the_years() -> None:
    path = RequiredPath(
        "xh.bac_si",
        "linear",
        Decimal(15),
        (Milestone(2029, Decimal(14)), Milestone(2030, Decimal(15))),
    )
    spec = indicator_chart(DOCTORS, [_figure("2026", "10")], _target("15"), path)
    dashed = _layer(spec, "required_path")
    assert dashed is not None and dashed["mark"]["strokeDash"]
    assert [v["value"] for v in dashed["data"]["values"]] == [14.0, 15.0]
    assert dashed["encoding"]["x"]["scale"]["domain"] == ["2026", "2029", "2030"]


def _tick_labels(svg: str) -> list[str]:
    """The y axis' tick labels: the numeric texts of the rendered SVG."""
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return [t for t in texts if re.fullmatch(r"[\d.,]+", t) and not re.fullmatch(r"20\d\d", t)]


INVESTMENT = [_figure("2024", "328283"), _figure("2025", "341500.5")]


def test_the_locale_is_the_vietnamese_d3_format_locale() -> None:
    assert VI_FORMAT_LOCALE == {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", " đ"],
    }
    assert indicator_chart(DOCTORS, [], None)["config"]["locale"]["number"] == VI_FORMAT_LOCALE


def test_rendered_ticks_group_thousands_with_dots() -> None:
    """vl-convert with the locale (as in Word) draws 300.000, never 300,000 or 300000."""
    labels = _tick_labels(chart_svg(indicator_chart(DOCTORS, INVESTMENT, None)))
    large = [t for t in labels if t != "0"]
    assert large and all(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in large), labels


def test_the_spec_alone_draws_vietnamese_numbers() -> None:
    """The spec's own config.locale is enough for a renderer given no locale option."""
    spec = indicator_chart(DOCTORS, INVESTMENT, None)
    spec["width"] = 400
    labels = _tick_labels(vl_convert.vegalite_to_svg(spec))
    assert any("." in t for t in labels) and not any("," in t for t in labels), labels


def test_decimal_ticks_use_a_comma() -> None:
    small = [_figure("2024", "0.8"), _figure("2025", "1.3")]
    labels = _tick_labels(chart_svg(indicator_chart(DOCTORS, small, None)))
    assert any("," in t for t in labels) and not any("." in t for t in labels), labels


def _domain(spec: dict[str, Any]) -> list[float]:
    """The one y domain every layer shares."""
    domains = [layer["encoding"]["y"]["scale"]["domain"] for layer in spec["layer"]]
    assert all(d == domains[0] for d in domains), domains
    return list(domains[0])


def assert_holds_everything(spec: dict[str, Any]) -> None:
    """Every drawn value lies inside the y domain, away from its edges (0 may be the edge)."""
    values = plotted_values(spec["layer"])
    if not values:
        return
    low, high = _domain(spec)
    assert spec["layer"][0]["encoding"]["y"]["scale"]["nice"] is True
    for value in values:
        assert low <= value <= high, (spec["description"], value, low, high)
        assert value == 0 or low < value < high, (spec["description"], value, low, high)


def test_the_y_domain_holds_the_band_the_points_and_the_path_with_a_margin() -> None:
    path = RequiredPath("xh.bac_si", "flat", Decimal(10), (Milestone(2030, Decimal(10)),))
    spec = indicator_chart(DOCTORS, [_figure("2025", "8.8")], _target("10-11"), path)
    assert _domain(spec) == [8.58, 11.22]
    assert_holds_everything(spec)


def test_a_rule_above_every_point_is_not_on_the_frame() -> None:
    spec = indicator_chart(DOCTORS, [_figure("2025", "328283")], _target("600.000"))
    low, high = _domain(spec)
    assert high > 600_000 and low < 328_283


def test_values_near_zero_keep_zero_in_view_and_never_go_below_it() -> None:
    spec = indicator_chart(DOCTORS, [_figure("2020", "17.4"), _figure("2025", "12")], _target("8"))
    assert _domain(spec)[0] == 0


def test_every_chart_of_the_seed_holds_what_it_draws(catalogue: Catalogue, artifacts: Path) -> None:
    """Every indicator of the real plan with a target: its baselines, target and path."""
    drawn = []
    for indicator in catalogue.indicators:
        for target in indicator.targets:
            figures = [
                Figure(indicator.code, "x", Period.year_of(b.year), b.value, FigureStatus.OFFICIAL)
                for b in indicator.baselines
                if b.locality is None
            ]
            try:
                path = required_path(resolve_goal(indicator, target))
            except (NoGoalError, ArithmeticError):
                path = None
            spec = indicator_chart(indicator, figures, target, path)
            assert_holds_everything(spec)
            drawn.append((indicator.code, spec))
    assert len(drawn) >= 40
    # Two pictures through the report's path (vl-convert), to look at.
    for code in ("kt.grdp.tang_truong", "kt.grdp.quy_mo"):
        spec = next(spec for c, spec in drawn if c == code)
        (artifacts / f"chart-{code}.png").write_bytes(chart_png(spec))

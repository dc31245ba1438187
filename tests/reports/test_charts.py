"""The Vega-Lite spec of an indicator: points by status, target rule or band, dashed path."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
import vl_convert

from chitieu.catalog.model import (
    Aggregation,
    Direction,
    Figure,
    FigureStatus,
    Indicator,
    IndicatorTarget,
    Source,
)
from chitieu.catalog.period import Period
from chitieu.outlook.paths import Milestone, RequiredPath
from chitieu.quantity import parse_target
from chitieu.reports.chart_images import chart_svg
from chitieu.reports.charts import SCHEMA, VI_FORMAT_LOCALE, indicator_chart

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

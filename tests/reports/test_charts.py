"""The Vega-Lite spec of an indicator: points by status, target rule or band, dashed path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

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
from chitieu.reports.charts import SCHEMA, indicator_chart

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

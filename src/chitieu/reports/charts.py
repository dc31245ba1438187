"""One chart specification (Vega-Lite v5) per indicator, for the web page and the reports.

`indicator_chart` draws the yearly figures as points joined by a line, coloured by
their status (kế hoạch / ước / sơ bộ / chính thức); the target as a horizontal rule
(a bound or a point) or a shaded band (a range); and the path required to reach it
as a dashed line. Values go into the spec as floats: a chart is a picture, the
tables beside it keep the Decimals.

Numbers are drawn the Vietnamese way (1.234,5) by the d3-format locale
`VI_FORMAT_LOCALE`: the spec carries it in `config.locale.number`, the page's
chart.js hands it to vega-embed as `formatLocale`, and chart_images.py to vl-convert.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from chitieu.catalog.model import Figure, FigureStatus, Indicator, IndicatorTarget
from chitieu.outlook.paths import RequiredPath
from chitieu.quantity import format_number
from chitieu.quantity.target import TargetKind

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
STATUS_COLOURS = {
    FigureStatus.PLAN: "#8c8c8c",
    FigureStatus.ESTIMATE: "#e08a00",
    FigureStatus.PRELIMINARY: "#7a5cc4",
    FigureStatus.OFFICIAL: "#1f5fa8",
}
TARGET_COLOUR = "#2e7d32"
PATH_COLOUR = "#555555"
PAD = 0.1  # of the data's span, above and below, before the axis rounds outwards
_DRAWN_KINDS = (TargetKind.POINT, TargetKind.APPROX, TargetKind.MIN, TargetKind.MAX)
# d3-format's locale: without "grouping" d3 draws no thousands separator at all.
VI_FORMAT_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["", " đ"],
}


def indicator_chart(
    indicator: Indicator,
    figures: Sequence[Figure],
    target: IndicatorTarget | None,
    path: RequiredPath | None = None,
) -> dict[str, Any]:
    """The Vega-Lite spec: one point per yearly figure, the target, the required path.

    >>> from chitieu.catalog.model import Direction
    >>> spec = indicator_chart(Indicator("x", "X", "kt", None, "pct", Direction.HIGHER), [], None)
    >>> spec["$schema"].endswith("v5.json"), len(spec["layer"])
    (True, 1)
    """
    points = [_point(f) for f in sorted(figures, key=_order) if f.period.is_year]
    years = {p["year"] for p in points}
    if path is not None:
        years |= {str(m.year) for m in path.milestones}
    x = _x_encoding(sorted(years))
    layers: list[dict[str, Any]] = [_figures_layer(points, x)]
    if target is not None:
        layers.extend(_target_layers(target))
    if path is not None and path.milestones:
        layers.append(_path_layer(path, x))
    scale = y_scale(plotted_values(layers))
    for layer in layers:
        layer["encoding"]["y"]["scale"] = copy.deepcopy(scale)
    return {
        "$schema": SCHEMA,
        "description": f"{indicator.name}: số liệu theo năm so với mục tiêu",
        "width": "container",
        "height": 240,
        "autosize": {"type": "fit", "contains": "padding"},
        "config": {"locale": {"number": copy.deepcopy(VI_FORMAT_LOCALE)}},
        "resolve": {"scale": {"color": "independent"}},
        "layer": layers,
    }


def plotted_values(layers: Sequence[dict[str, Any]]) -> list[float]:
    """Every y value the layers draw: the figures, the target's rule or band, the path."""
    return [
        float(row[key])
        for layer in layers
        for row in layer["data"]["values"]
        for key in ("value", "low", "high")
        if key in row
    ]


def y_scale(values: Sequence[float]) -> dict[str, Any]:
    """A y domain that holds every value with a margin, so no point or band touches the frame.

    Non-negative data keep 0 in view when they are closer to 0 than to each other (levels
    from nothing read honestly), and never get a negative axis.

    >>> y_scale([8.8, 10.0, 11.0])["domain"]
    [8.58, 11.22]
    >>> y_scale([75.0, 77.0])["domain"]
    [74.8, 77.2]
    >>> y_scale([])
    {'zero': True}
    """
    if not values:
        return {"zero": True}
    low, high = min(values), max(values)
    span = high - low or abs(high) or 1.0
    pad = span * PAD
    bottom, top = low - pad, high + pad
    if low >= 0 and (bottom < 0 or low < span):
        bottom = 0.0
    if high <= 0 and (top > 0 or -high < span):
        top = 0.0
    return {"domain": [round(bottom, 12), round(top, 12)], "nice": True, "zero": False}


def _x_encoding(years: list[str]) -> dict[str, Any]:
    """The year axis, given to the figure and path layers only: a target rule or band
    without an x encoding then spans the whole width."""
    return {
        "field": "year",
        "type": "ordinal",
        "title": "Năm",
        "axis": {"labelAngle": 0},
        "scale": {"domain": years},
    }


def _order(figure: Figure) -> tuple[int, str]:
    return figure.period.year, figure.status.value


def _point(figure: Figure) -> dict[str, Any]:
    return {
        "year": str(figure.period.year),
        "value": float(figure.value),
        "shown": format_number(figure.value),
        "status": figure.status.label,
    }


def _figures_layer(points: list[dict[str, Any]], x: dict[str, Any]) -> dict[str, Any]:
    colours = {s.label: c for s, c in STATUS_COLOURS.items()}
    return {
        "data": {"name": "figures", "values": points},
        "layer": [
            {"mark": {"type": "line", "color": "#9bb7d4"}},
            {
                "mark": {"type": "point", "filled": True, "size": 70},
                "encoding": {
                    "color": {
                        "field": "status",
                        "type": "nominal",
                        "title": "Loại số liệu",
                        "scale": {"domain": list(colours), "range": list(colours.values())},
                    },
                    "tooltip": [
                        {"field": "year", "title": "Năm"},
                        {"field": "shown", "title": "Giá trị"},
                        {"field": "status", "title": "Loại"},
                    ],
                },
            },
        ],
        "encoding": {"x": x, "y": {"field": "value", "type": "quantitative", "title": "Giá trị"}},
    }


def _target_layers(target: IndicatorTarget) -> list[dict[str, Any]]:
    value = target.value
    label = value.text or "mục tiêu"
    if value.kind is TargetKind.RANGE and value.low is not None and value.high is not None:
        band = {"low": float(value.low), "high": float(value.high), "label": label}
        return [
            {
                "data": {"name": "target_band", "values": [band]},
                "mark": {"type": "rect", "color": TARGET_COLOUR, "opacity": 0.15},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative"},
                    "y2": {"field": "high"},
                    "tooltip": [{"field": "label", "title": "Mục tiêu"}],
                },
            }
        ]
    bound = _bound(value.kind, value.low, value.high)
    if value.kind not in _DRAWN_KINDS or bound is None:
        return []
    return [
        {
            "data": {"name": "target_rule", "values": [{"value": float(bound), "label": label}]},
            "mark": {"type": "rule", "color": TARGET_COLOUR, "strokeWidth": 2},
            "encoding": {
                "y": {"field": "value", "type": "quantitative"},
                "tooltip": [{"field": "label", "title": "Mục tiêu"}],
            },
        }
    ]


def _bound(kind: TargetKind, low: Decimal | None, high: Decimal | None) -> Decimal | None:
    if kind is TargetKind.MAX:
        return high
    return low if low is not None else high


def _path_layer(path: RequiredPath, x: dict[str, Any]) -> dict[str, Any]:
    values = [
        {"year": str(m.year), "value": float(m.value), "shown": format_number(m.value)}
        for m in path.milestones
    ]
    return {
        "data": {"name": "required_path", "values": values},
        "mark": {"type": "line", "strokeDash": [6, 4], "color": PATH_COLOUR},
        "encoding": {
            "x": x,
            "y": {"field": "value", "type": "quantitative"},
            "tooltip": [
                {"field": "year", "title": "Năm"},
                {"field": "shown", "title": "Cần đạt"},
            ],
        },
    }

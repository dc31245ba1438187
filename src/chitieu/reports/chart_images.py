"""Charts as pictures for Word: the web's Vega-Lite spec rendered by vl-convert, no browser."""

from __future__ import annotations

import copy
from typing import Any

import vl_convert

from chitieu.reports.charts import VI_FORMAT_LOCALE

WIDTH_PX = 560  # the spec's "container" width has no container here


def chart_png(spec: dict[str, Any], *, width: int = WIDTH_PX, scale: float = 2.0) -> bytes:
    """The PNG of a chart spec, `width` pixels wide before `scale`, numbers as 1.234,5."""
    fixed = _fixed(spec, width)
    png: bytes = vl_convert.vegalite_to_png(fixed, scale=scale, format_locale=VI_FORMAT_LOCALE)
    return png


def chart_svg(spec: dict[str, Any], *, width: int = WIDTH_PX) -> str:
    """The SVG of a chart spec, rendered as chart_png renders it (tests read its labels)."""
    svg: str = vl_convert.vegalite_to_svg(_fixed(spec, width), format_locale=VI_FORMAT_LOCALE)
    return svg


def _fixed(spec: dict[str, Any], width: int) -> dict[str, Any]:
    fixed = copy.deepcopy(spec)
    fixed["width"] = width
    fixed.setdefault("background", "white")
    return fixed

"""Charts as pictures for Word: the web's Vega-Lite spec rendered by vl-convert, no browser."""

from __future__ import annotations

import copy
from typing import Any

import vl_convert

WIDTH_PX = 560  # the spec's "container" width has no container here
# d3-format's Vietnamese separators; the spec's own config.locale is a hint for the web page.
VI_FORMAT = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}


def chart_png(spec: dict[str, Any], *, width: int = WIDTH_PX, scale: float = 2.0) -> bytes:
    """The PNG of a chart spec, `width` pixels wide before `scale`."""
    fixed = copy.deepcopy(spec)
    fixed["width"] = width
    fixed.setdefault("background", "white")
    png: bytes = vl_convert.vegalite_to_png(fixed, scale=scale, format_locale=VI_FORMAT)
    return png

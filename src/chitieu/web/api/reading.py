"""What the read endpoints share: decimals as plain strings, the caller's view, lookups
that answer 404 problems, and the page envelope."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

from django.db.models import QuerySet
from ninja import Schema

from chitieu.web.api.problems import ApiProblem
from chitieu.web.figures.visibility import ViewMode, may_see_working

ViewName = Literal["official", "working"]
VIEW_MODES: dict[str, ViewMode] = {"official": ViewMode.OFFICIAL, "working": ViewMode.WORKING}
VIEW_NAMES: dict[ViewMode, ViewName] = {ViewMode.OFFICIAL: "official", ViewMode.WORKING: "working"}


def plain(value: Decimal | None) -> str | None:
    """A decimal as a plain string, without exponent or trailing zeros: "12.5", "100".

    >>> plain(Decimal("100.000000")), plain(Decimal("0.050000")), plain(None)
    ('100', '0.05', None)
    """
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def plain_float(value: float | None, places: int = 4) -> str | None:
    """A derived estimate (the outlook keeps floats) as a plain decimal string, rounded.

    >>> plain_float(2.5), plain_float(1 / 3), plain_float(float("nan"))
    ('2.5', '0.3333', None)
    """
    if value is None or not math.isfinite(value):
        return None
    return plain(round(Decimal(repr(value)), places))


def view_for(user: Any, requested: ViewName | None) -> ViewMode:
    """The view the caller gets, as on the web (figures.visibility): a viewer only ever
    the official one; the office the one it asks for, the working view by default."""
    if not may_see_working(user):
        return ViewMode.OFFICIAL
    return VIEW_MODES[requested] if requested else ViewMode.WORKING


def get_or_404(queryset: QuerySet[Any], what: str, **lookup: Any) -> Any:
    found = queryset.filter(**lookup).first()
    if found is None:
        shown = ", ".join(str(v) for v in lookup.values())
        raise ApiProblem(404, "not_found", "Không tìm thấy", f"Không có {what} “{shown}”.")
    return found


def invalid(field: str, message: str, code: str = "invalid") -> ApiProblem:
    """A 422 problem naming the filter that is wrong."""
    return ApiProblem(
        422,
        "invalid_request",
        "Yêu cầu không hợp lệ",
        message,
        errors=[{"code": code, "message": message, "field": field}],
    )


class SourceOut(Schema):
    """Where the catalogue read something: the document, its lines and the words as written."""

    document: str
    line: int | None
    line_end: int | None
    text: str


def source_of(row: Any) -> SourceOut:
    return SourceOut(
        document=row.source_document,
        line=row.source_line,
        line_end=row.source_line_end,
        text=row.source_text,
    )

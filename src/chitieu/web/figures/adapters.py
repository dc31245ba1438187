"""Figure rows to core Figure objects."""

from __future__ import annotations

from collections.abc import Iterable

from chitieu.catalog import model
from chitieu.catalog.period import Period
from chitieu.web.figures.models import Figure


def figure(row: Figure) -> model.Figure:
    return model.Figure(
        indicator=row.indicator.code,
        locality=row.locality.code,
        period=Period.parse(row.period),
        value=row.value,
        status=model.FigureStatus(row.status),
        source=row.source,
        note=row.note,
        entered_by=row.entered_by.get_username() if row.entered_by else "",
    )


def figures(rows: Iterable[Figure]) -> list[model.Figure]:
    return [figure(row) for row in rows]

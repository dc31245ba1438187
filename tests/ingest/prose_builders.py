"""Table indicators built by hand, for reconciling prose without a table reader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chitieu.catalog.model import Aggregation, Direction, Indicator, IndicatorTarget, Source
from chitieu.ingest import Document, read_text
from chitieu.ingest.prose_targets import ProseTarget
from chitieu.quantity import parse_target

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def document(name: str) -> Document:
    return read_text(DOCUMENTS / name)


def indicator(
    code: str,
    name: str,
    target: str,
    *,
    line: int,
    parent: str | None = None,
    aggregation: Aggregation = Aggregation.LEVEL,
    period: tuple[int, int] = (2026, 2030),
) -> Indicator:
    value = parse_target(target)
    source = Source("bang.txt", line, text=target)
    return Indicator(
        code=code,
        name=name,
        group="chung",
        parent=parent,
        unit=value.unit,
        direction=Direction.HIGHER,
        targets=(IndicatorTarget(value, period[0], period[1], aggregation, source),),
        source=source,
    )


def twins(prose: Sequence[ProseTarget]) -> tuple[Indicator, ...]:
    """A table that says exactly what the prose says, row for row."""
    return tuple(
        indicator(
            f"chi_tieu_{index}",
            p.subject,
            p.text,
            line=1000 + index,
            aggregation=p.aggregation,
            period=(p.period_start or 2026, p.period_end or 2030),
        )
        for index, p in enumerate(prose)
    )

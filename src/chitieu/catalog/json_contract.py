"""The catalogue as the JSON contract other tools read (`chitieu ingest --format json`).

Unlike the catalogue file (chitieu.catalog.io, which leaves defaults out so a
person can review it), every key below is always present, even when empty or at
its default, in document order; numbers are JSON numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from chitieu.catalog.io import to_data
from chitieu.catalog.model import (
    Baseline,
    Catalogue,
    Indicator,
    IndicatorTarget,
    PastTerm,
    PastTermRow,
    Source,
)
from chitieu.quantity import Target


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _source(source: Source | None) -> dict[str, Any]:
    if source is None:
        return {"document": None, "line": None, "line_end": None, "text": ""}
    return {
        "document": source.document,
        "line": source.line,
        "line_end": source.line_end,
        "text": source.text,
    }


def _target(target: Target) -> dict[str, Any]:
    return {
        "text": target.text,
        "kind": target.kind.value,
        "low": _number(target.low),
        "high": _number(target.high),
        "low_inclusive": target.low_inclusive,
        "high_inclusive": target.high_inclusive,
        "unit": target.unit,
        "ratio": list(target.ratio) if target.ratio else None,
        "ambiguous": target.ambiguous,
        "flags": list(target.flags),
    }


def _indicator_target(target: IndicatorTarget) -> dict[str, Any]:
    return {
        **_target(target.value),
        "period": f"{target.period_start}-{target.period_end}",
        "aggregation": target.aggregation.value,
        "source": _source(target.source),
    }


def _baseline(baseline: Baseline) -> dict[str, Any]:
    return {
        "year": baseline.year,
        "value": _number(baseline.value),
        "unit": baseline.unit,
        "locality": baseline.locality,
        "source": _source(baseline.source),
    }


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "group": indicator.group,
        "parent": indicator.parent,
        "stt": indicator.stt,
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "targets": [_indicator_target(t) for t in indicator.targets],
        "baselines": [_baseline(b) for b in indicator.baselines],
        "source": _source(indicator.source),
    }


def _past_row(row: PastTermRow) -> dict[str, Any]:
    return {
        "table": row.table,
        "stt": row.stt,
        "indicator": row.indicator,
        "unit": row.unit,
        "unit_text": row.unit_text,
        "target_text": row.target_text,
        "target": _target(row.target) if row.target else None,
        "result_text": row.result_text,
        "result_value": _number(row.result_value),
        "result_readings": [_number(r) for r in row.result_readings],
        "official_assessment": row.official_assessment,
        "group": row.group,
        "parent_stt": row.parent_stt,
        "source": _source(row.source),
    }


def _past_term(term: PastTerm) -> dict[str, Any]:
    return {
        "code": term.code,
        "name": term.name,
        "locality": term.locality,
        "period": f"{term.period_start}-{term.period_end}",
        "rows": [_past_row(row) for row in term.rows],
    }


def _plain(value: Any) -> Any:
    """Catalogue-file data made JSON-ready (Decimals as numbers)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return _number(value)
    return value


def catalogue_json(catalogue: Catalogue) -> dict[str, Any]:
    """The JSON contract: fixed keys, always present, in document order."""
    return {
        "plan": _plain(to_data(catalogue.plan)),
        "groups": [_plain(to_data(group)) for group in catalogue.groups],
        "indicators": [_indicator(i) for i in catalogue.indicators],
        "past_terms": [_past_term(t) for t in catalogue.past_terms],
        "discrepancies": [_plain(to_data(d)) for d in catalogue.discrepancies],
        "candidates": [_plain(to_data(c)) for c in catalogue.candidates],
        "tasks": [_plain(to_data(t)) for t in catalogue.tasks],
        "claims": [_plain(to_data(c)) for c in catalogue.claims],
        "footnotes": [
            {
                "number": f.number,
                "anchor_line": f.anchor_line,
                "confidence": f.confidence,
                "text": f.text,
            }
            for f in catalogue.footnotes
        ],
    }

"""Targets as SDMX-CSV 2.0 of the dataflow DF_TARGETS, written by sdmx1.

Export only: targets come into the store by loading the catalogue (`chitieu load`),
never by a figures import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from chitieu.exchange import mapping as m
from chitieu.exchange import target_mapping as t
from chitieu.exchange.records import Codes, TargetRecord
from chitieu.exchange.sdmx_csv import to_sdmx_csv
from chitieu.exchange.structure import Structure, build_structure
from chitieu.quantity import plain


def observations(
    record: TargetRecord,
) -> Iterator[tuple[dict[str, str], str | None, dict[str, str]]]:
    """(key, value, attributes) of each bound of the target: one for a point or a single
    bound, two for a band, one without a value for a qualitative target."""
    key = {
        t.PLAN: m.area_id(record.plan),
        m.INDICATOR: m.indicator_id(record.indicator),
        m.REF_AREA: m.area_id(record.locality) if record.locality else t.NOT_APPLICABLE,
        m.TIME_PERIOD: t.target_period(record.period_start, record.period_end),
    }
    attributes = {
        t.TARGET_KIND: record.kind,
        t.AGGREGATION: record.aggregation,
        m.UNIT_MEASURE: record.unit,
        m.ORIGINAL_TEXT: record.text,
    }
    for bound, value, inclusive in _bounds(record):
        yield (
            {**key, t.BOUND: bound},
            None if value is None else f"{plain(value):f}",
            {**attributes, t.BOUND_INCLUSIVE: "" if value is None else "YN"[not inclusive]},
        )


def _bounds(record: TargetRecord) -> list[tuple[str, Decimal | None, bool]]:
    low, high = record.low, record.high
    if low is None and high is None:
        return [("NONE", None, True)]
    if low is not None and low == high:
        return [("POINT", low, True)]
    bounds: list[tuple[str, Decimal | None, bool]] = []
    if low is not None:
        bounds.append(("LOW", low, record.low_inclusive))
    if high is not None:
        bounds.append(("HIGH", high, record.high_inclusive))
    return bounds


def target_data_set(records: Iterable[TargetRecord], structure: Structure) -> Any:
    from sdmx.model import common, v21

    dsd = structure.target_dsd
    result = v21.DataSet(described_by=structure.target_dataflow, structured_by=dsd)
    for record in records:
        for key, value, attributes in observations(record):
            result.obs.append(
                v21.Observation(
                    dimension=dsd.make_key(common.Key, key),
                    value=value,
                    attached_attribute={
                        name: common.AttributeValue(value=text, value_for=dsd.attributes.get(name))
                        for name, text in attributes.items()
                    },
                )
            )
    return result


def write_targets_sdmx_csv(records: Iterable[TargetRecord], *, agency: str = m.AGENCY) -> str:
    return to_sdmx_csv(target_data_set(records, build_structure(Codes((), ()), agency=agency)))

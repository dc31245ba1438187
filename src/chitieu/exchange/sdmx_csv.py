"""Figures as SDMX-CSV 2.0 (one line per figure), written by sdmx1 against our DSD.

sdmx1 2.28 writes SDMX-CSV 1.0 and 2.0 and reads 2.0 only, so we write 2.0:
STRUCTURE,STRUCTURE_ID,ACTION, then the dimensions, OBS_VALUE and the attributes.
The reader is chitieu.ingest.figures_sdmx.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chitieu.exchange import mapping as m
from chitieu.exchange.cell_text import csv_text
from chitieu.exchange.records import Codes, FigureRecord
from chitieu.exchange.structure import Structure, build_structure
from chitieu.quantity import plain

MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"


def observation_values(record: FigureRecord) -> tuple[dict[str, str], str, dict[str, str]]:
    """The key, the value and the attributes of one figure, as SDMX strings."""
    key = {
        m.INDICATOR: m.indicator_id(record.indicator),
        m.REF_AREA: m.area_id(record.locality),
        m.FIGURE_STATUS: m.STATUS_CODES[record.status],
        m.TIME_PERIOD: m.sdmx_period(record.period),
    }
    attributes = {
        m.OBS_STATUS: m.OBS_STATUS_CODES[record.status],
        m.UNIT_MEASURE: record.unit,
        m.SOURCE_DETAIL: csv_text(record.source),
        m.OBS_COM: csv_text(record.note),
        m.ORIGINAL_TEXT: csv_text(record.value_text),
        m.REVIEW_STATE: record.review_state,
    }
    return key, f"{plain(record.value):f}", attributes


def data_set(records: Iterable[FigureRecord], structure: Structure) -> Any:
    from sdmx.model import common, v21

    dsd = structure.dsd
    result = v21.DataSet(described_by=structure.dataflow, structured_by=dsd)
    for record in records:
        key_values, value, attribute_values = observation_values(record)
        result.obs.append(
            v21.Observation(
                dimension=dsd.make_key(common.Key, key_values),
                value=value,
                attached_attribute={
                    name: common.AttributeValue(value=text, value_for=dsd.attributes.get(name))
                    for name, text in attribute_values.items()
                },
            )
        )
    return result


def write_sdmx_csv(
    records: Iterable[FigureRecord], *, codes: Codes | None = None, agency: str = m.AGENCY
) -> str:
    """SDMX-CSV 2.0 text of `records`; `codes` only matter for the structure, not the data."""
    structure = build_structure(codes or Codes((), ()), agency=agency)
    return to_sdmx_csv(data_set(records, structure))


def to_sdmx_csv(data: Any) -> str:
    """An sdmx1 data set as SDMX-CSV 2.0 text, observation attributes included.

    sdmx1's `to_csv(rtype=str)` gives pandas' fixed-width display, not CSV, so the
    DataFrame is written here.
    """
    import pandas as pd  # type: ignore[import-untyped]
    import sdmx
    from sdmx.format.csv import v2

    frame: Any = sdmx.to_csv(
        data, rtype=pd.DataFrame, attributes="o", format_options=v2.FormatOptions(), dtype=None
    )
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text


def columns() -> list[str]:
    """The SDMX-CSV header this module writes."""
    return ["STRUCTURE", "STRUCTURE_ID", "ACTION", *m.DIMENSIONS, m.OBS_VALUE, *m.ATTRIBUTES]

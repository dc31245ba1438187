"""Figures as an SDMX-JSON 1.0 data message (the JSON form of SDMX 2.1).

sdmx1 reads SDMX-JSON but does not write it, so this module writes the message itself,
from the same observations as the SDMX-CSV (sdmx_csv.observation_values), and the tests
read it back with sdmx1. All dimensions are at the observation level; each observation
is `"i:j:k:l": [value, attribute indices…]`. The value is a decimal string ("8.1"),
which SDMX-JSON allows, so no binary float ever rounds it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from chitieu.exchange import mapping as m
from chitieu.exchange.records import FigureRecord
from chitieu.exchange.sdmx_csv import observation_values

MEDIA_TYPE = "application/vnd.sdmx.data+json; version=1.0.0"
_CODED = {m.OBS_STATUS: m.OBS_STATUS_NAMES}


def write_sdmx_json(
    records: Iterable[FigureRecord], *, agency: str = m.AGENCY, prepared: datetime | None = None
) -> str:
    dimension_values: dict[str, list[str]] = {d: [] for d in m.DIMENSIONS}
    attribute_values: dict[str, list[str]] = {a: [] for a in m.ATTRIBUTES}
    observations: dict[str, list[Any]] = {}
    for record in records:
        key, value, attributes = observation_values(record)
        index = ":".join(str(_index(dimension_values[d], key[d])) for d in m.DIMENSIONS)
        observations[index] = [value] + [
            _index(attribute_values[a], attributes[a]) if attributes[a] else None
            for a in m.ATTRIBUTES
        ]
    message = {
        "header": {
            "id": f"{m.DATAFLOW_ID}-{(prepared or datetime.now(UTC)).strftime('%Y%m%d%H%M%S')}",
            "prepared": (prepared or datetime.now(UTC)).isoformat(timespec="seconds"),
            "sender": {"id": agency},
        },
        "dataSets": [{"action": "Information", "observations": observations}],
        "structure": {
            "name": "Số liệu thực hiện chỉ tiêu",
            "links": [{"rel": "dataflow", "urn": _dataflow_urn(agency)}],
            "dimensions": {
                "dataSet": [],
                "series": [],
                "observation": [
                    {
                        "id": d,
                        "name": m.CONCEPT_NAMES[d],
                        "keyPosition": position,
                        "values": [{"id": v, "name": v} for v in dimension_values[d]],
                        **({"role": "time"} if d == m.TIME_PERIOD else {}),
                    }
                    for position, d in enumerate(m.DIMENSIONS)
                ],
            },
            "attributes": {
                "dataSet": [],
                "series": [],
                "observation": [
                    {
                        "id": a,
                        "name": m.CONCEPT_NAMES[a],
                        "values": [_attribute_value(a, v) for v in attribute_values[a]],
                    }
                    for a in m.ATTRIBUTES
                ],
            },
        },
    }
    return json.dumps(message, ensure_ascii=False) + "\n"


def _index(values: list[str], value: str) -> int:
    if value not in values:
        values.append(value)
    return values.index(value)


def _attribute_value(attribute: str, value: str) -> dict[str, str]:
    """Coded attributes carry their code as `id`; text attributes only a `name`."""
    if attribute in (m.SOURCE_DETAIL, m.OBS_COM, m.ORIGINAL_TEXT):
        return {"name": value}
    return {"id": value, "name": _CODED.get(attribute, {}).get(value, value)}


def _dataflow_urn(agency: str) -> str:
    return (
        f"urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow={agency}:{m.DATAFLOW_ID}({m.VERSION})"
    )

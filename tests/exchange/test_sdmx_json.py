"""SDMX-JSON written by hand (sdmx1 does not write it), read back by sdmx1 and by the import."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import sdmx

from chitieu.exchange import mapping as m
from chitieu.exchange.sdmx_csv import observation_values
from chitieu.exchange.sdmx_json import write_sdmx_json
from chitieu.ingest.figures_file import read_figures
from tests.exchange.records import sample_records


def test_sdmx1_reads_every_key_value_and_attribute() -> None:
    text = write_sdmx_json(sample_records())
    message = sdmx.read_sdmx(io.BytesIO(text.encode()), format="JSON")
    read = [
        (
            {k: v.value for k, v in obs.dimension.values.items()},
            obs.value,
            {k: str(getattr(v.value, "id", v.value)) for k, v in obs.attached_attribute.items()},
        )
        for obs in message.data[0].obs
    ]
    expected = [
        (key, value, {k: v for k, v in attributes.items() if v})
        for key, value, attributes in map(observation_values, sample_records())
    ]
    assert read == expected


def test_the_message_names_its_dataflow_and_is_dated() -> None:
    moment = datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
    message = json.loads(write_sdmx_json(sample_records(), prepared=moment))
    assert message["header"]["prepared"] == "2026-12-03T08:30:00+00:00"
    assert message["structure"]["links"][0]["urn"].endswith(f":{m.DATAFLOW_ID}({m.VERSION})")
    dimensions = message["structure"]["dimensions"]["observation"]
    assert [d["id"] for d in dimensions] == list(m.DIMENSIONS)


def test_the_import_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "so_lieu_sdmx.json"
    path.write_text(write_sdmx_json(sample_records()), encoding="utf-8")
    result = read_figures(path)
    assert result.problems == ()
    assert [(r.key, r.value, r.source, r.note) for r in result.rows] == [
        (
            (r.indicator, r.locality, str(r.period), r.status.value),
            r.value,
            r.source,
            r.note,
        )
        for r in sample_records()
    ]

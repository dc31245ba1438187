"""Reading SDMX-JSON: the same checks as SDMX-CSV, placed at the observation's position."""

from __future__ import annotations

import json

from chitieu.exchange.sdmx_json import write_sdmx_json
from chitieu.ingest.figures_json import read_json
from chitieu.ingest.figures_sdmx_json import read_sdmx_json
from tests.exchange.records import sample_records


def test_an_unknown_status_code_is_placed_at_its_observation() -> None:
    message = json.loads(write_sdmx_json(sample_records()))
    (status,) = [
        d for d in message["structure"]["dimensions"]["observation"] if d["id"] == "FIGURE_STATUS"
    ]
    status["values"][1]["id"] = "UOC"  # the second status seen: the second figure's EST
    result = read_json(json.dumps(message).encode(), name="x.json")
    assert {(p.place.row, p.place.column, p.code) for p in result.problems} == {
        (2, "“FIGURE_STATUS”", "unknown_code"),
        (6, "“FIGURE_STATUS”", "unknown_code"),  # the last figure is an estimate too
    }


def test_a_message_without_our_dimensions_is_refused() -> None:
    message = json.loads(write_sdmx_json(sample_records()))
    for dimension in message["structure"]["dimensions"]["observation"]:
        if dimension["id"] == "REF_AREA":
            dimension["id"] = "AREA"
    result = read_sdmx_json(json.dumps(message).encode(), name="x.json")
    assert [p.code for p in result.problems] == ["missing_column"]
    assert "REF_AREA" in result.problems[0].message


def test_a_broken_message_is_one_problem() -> None:
    result = read_sdmx_json(b'{"dataSets": []}', name="x.json")
    assert [p.code for p in result.problems] == ["not_sdmx_json"]

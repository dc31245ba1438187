"""Reading the JSON of figures: problems name the figure's position and the field."""

from __future__ import annotations

import json

from chitieu.exchange.plain import write_json
from chitieu.ingest.figures_json import read_json
from tests.exchange.records import sample_records


def document() -> dict:  # type: ignore[type-arg]
    return json.loads(write_json(sample_records()))


def test_values_are_read_as_exact_decimals_from_strings_and_numbers() -> None:
    data = document()
    data["figures"][0]["value"] = 0.1  # a JSON number, read without a binary float
    result = read_json(json.dumps(data).encode(), name="x.json")
    assert result.problems == ()
    assert str(result.rows[0].value) == "0.1" and str(result.rows[1].value) == "8.100000".rstrip(
        "0"
    )


def test_a_missing_field_and_a_vietnamese_number_are_named() -> None:
    data = document()
    del data["figures"][1]["locality"]
    data["figures"][2]["value"] = "7,25"
    result = read_json(json.dumps(data).encode(), name="x.json")
    assert [(p.place.row, p.place.column, p.code) for p in result.problems] == [
        (2, "“locality”", "missing"),
        (3, "“value”", "not_a_number"),
    ]


def test_a_status_may_be_the_vietnamese_word() -> None:
    data = document()
    data["figures"][0]["status"] = "kế hoạch"
    result = read_json(json.dumps(data).encode(), name="x.json")
    assert result.problems == () and result.rows[0].status.value == "ke_hoach"


def test_what_is_not_json_is_one_problem() -> None:
    result = read_json(b"{not json", name="x.json")
    assert [p.code for p in result.problems] == ["bad_json"]

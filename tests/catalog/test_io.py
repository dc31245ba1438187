"""The catalogue file: what is written reads back to the same catalogue, and bad files say where."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from chitieu.catalog import io
from chitieu.catalog.schema_gen import build_schema
from tests.catalog.builders import small_catalogue


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_gives_the_same_catalogue(fmt: str) -> None:
    catalogue = small_catalogue()
    assert io.loads(io.dumps(catalogue, fmt=fmt)) == catalogue


def test_numbers_keep_their_exact_digits() -> None:
    """9.17 must come back as Decimal('9.17'), not via a float such as 9.1699999."""
    text = io.dumps(small_catalogue())
    assert "value: 9.17\n" in text
    baseline = io.loads(text).indicators[0].baselines[0]
    assert baseline.value == Decimal("9.17")
    assert isinstance(baseline.value, Decimal)


def test_target_is_written_flat_with_its_period() -> None:
    data = yaml.safe_load(io.dumps(small_catalogue()))
    target = data["indicators"][0]["targets"][0]
    assert target["kind"] == "range"
    assert target["low"] == 10 and target["high"] == 11
    assert target["period"] == "2026-2030"
    assert target["aggregation"] == "avg_growth"
    assert target["source"]["line"] == 1339


def test_file_order_is_stable() -> None:
    """The same catalogue always gives the same text, so diffs between versions read well."""
    assert io.dumps(small_catalogue()) == io.dumps(small_catalogue())


def test_shipped_schema_matches_the_model() -> None:
    """Regenerate with: python -m chitieu.catalog.schema_gen > src/chitieu/catalog/catalogue.schema.json"""
    assert io.schema() == json.loads(json.dumps(build_schema()))


def test_invalid_file_lists_every_problem_with_its_place() -> None:
    data = yaml.safe_load(io.dumps(small_catalogue()))
    data["indicators"][0]["direction"] = "up"
    del data["indicators"][0]["targets"][0]["kind"]
    with pytest.raises(io.CatalogueFileError) as raised:
        io.loads(yaml.safe_dump(data, allow_unicode=True), source="hy.yaml")
    message = str(raised.value)
    assert "hy.yaml" in message and "2 lỗi" in message
    assert "indicators/0/direction" in message
    assert "indicators/0/targets/0" in message and "'kind' is a required property" in message


def test_unreadable_yaml_is_reported_not_raised_raw() -> None:
    with pytest.raises(io.CatalogueFileError, match="không đọc được YAML"):
        io.loads("plan: [unclosed", source="x.yaml")

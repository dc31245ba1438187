"""Assumptions: defaults, overrides from YAML/JSON, errors with the file named."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.outlook.assumptions import (
    Assumptions,
    AssumptionsError,
    assumptions_data,
    load_assumptions,
)


def test_yaml_overrides_only_the_named_values(tmp_path: Path) -> None:
    path = tmp_path / "gia_dinh.yaml"
    path.write_text("deflator_low: 1.5\nexchange_rate: '24500'\n", encoding="utf-8")
    loaded = load_assumptions(path)
    assert loaded.deflator_low == Decimal("1.5") and loaded.exchange_rate == Decimal("24500")
    assert loaded.deflator_high == Assumptions().deflator_high


def test_json_file_with_a_decimal_comma_string(tmp_path: Path) -> None:
    path = tmp_path / "gia_dinh.json"
    path.write_text('{"net_migration": "0,3"}', encoding="utf-8")
    assert load_assumptions(path).net_migration == Decimal("0.3")


def test_unknown_name_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sai.yaml"
    path.write_text("lam_phat: 3\n", encoding="utf-8")
    with pytest.raises(AssumptionsError, match=r"sai\.yaml.*lam_phat"):
        load_assumptions(path)


def test_low_above_high_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nguoc.yaml"
    path.write_text("deflator_low: 6\n", encoding="utf-8")
    with pytest.raises(AssumptionsError, match="deflator_low lớn hơn deflator_high"):
        load_assumptions(path)


def test_recorded_as_exact_strings() -> None:
    data = assumptions_data(Assumptions())
    assert data["exchange_rate_low"] == "24000" and data["population_baseline"] is None


def test_describe_shows_the_current_value() -> None:
    (line,) = Assumptions(deflator_low=Decimal("2.5")).describe("deflator_low")
    assert line.endswith(": 2.5 (deflator_low)")

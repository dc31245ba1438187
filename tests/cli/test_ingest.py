"""`chitieu ingest`: the catalogue to a file or stdout, the JSON contract, the review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import read_catalogue
from chitieu.catalog.json_contract import catalogue_json
from chitieu.cli import main
from chitieu.ingest.pipeline import ingest

INDICATOR_KEYS = {
    "code", "name", "group", "parent", "stt", "unit", "direction", "targets", "baselines", "source",
}  # fmt: skip
TARGET_KEYS = {
    "text", "kind", "low", "high", "low_inclusive", "high_inclusive", "unit", "ratio",
    "ambiguous", "flags", "period", "aggregation", "source",
}  # fmt: skip
PAST_ROW_KEYS = {
    "table", "stt", "indicator", "unit", "unit_text", "target_text", "target", "result_text",
    "result_value", "result_readings", "official_assessment", "group", "parent_stt", "source",
}  # fmt: skip
TOP_KEYS = {
    "plan", "groups", "indicators", "past_terms", "discrepancies", "candidates", "tasks",
    "claims", "footnotes",
}  # fmt: skip


@pytest.fixture(scope="module")
def stdout_json(seed_path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["ingest", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def phu_luc_2_path(seed_lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Only Phụ lục 2 (lines 1322-1585): a small, fast document with a target table."""
    path = tmp_path_factory.mktemp("ingest") / "phu-luc-2.txt"
    path.write_text("\n".join(seed_lines[1321:1585]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def contract(seed_path: Path) -> dict[str, Any]:
    """The contract of the tables-only catalogue (no optional extractors)."""
    return catalogue_json(ingest(seed_path, steps=()))


def test_json_on_stdout_has_every_top_level_key(stdout_json: dict[str, Any]) -> None:
    assert set(stdout_json) == TOP_KEYS


def test_json_indicator_keys_are_always_present(contract: dict[str, Any]) -> None:
    for indicator in contract["indicators"]:
        assert set(indicator) == INDICATOR_KEYS
        assert isinstance(indicator["baselines"], list)
        for target in indicator["targets"]:
            assert set(target) == TARGET_KEYS
            assert set(target["source"]) >= {"line"}


def test_json_past_term_rows_expose_unit_code_and_text(contract: dict[str, Any]) -> None:
    term = contract["past_terms"][0]
    assert set(term) >= {"name", "rows"}
    for row in term["rows"]:
        assert set(row) == PAST_ROW_KEYS
    ditto = next(r for r in term["rows"] if r["source"]["line"] == 793)
    assert (ditto["unit"], ditto["unit_text"]) == ("pct", "%")


def test_json_keeps_the_ambiguous_result_undecided(contract: dict[str, Any]) -> None:
    row = next(r for r in contract["past_terms"][0]["rows"] if r["result_text"] == "328,096")
    assert row["result_value"] is None
    assert sorted(row["result_readings"]) == [328.096, 328096]


def test_json_target_values(contract: dict[str, Any]) -> None:
    first = contract["indicators"][0]
    assert (first["code"], first["parent"], first["unit"]) == (
        "kt.grdp.tang_truong",
        None,
        "pct_per_year",
    )
    assert first["targets"][0] | {"source": None} == {
        "text": "10%-11%", "kind": "range", "low": 10, "high": 11, "low_inclusive": True,
        "high_inclusive": True, "unit": "pct_per_year", "ratio": None, "ambiguous": False,
        "flags": [], "period": "2026-2030", "aggregation": "avg_growth", "source": None,
    }  # fmt: skip
    assert first["targets"][0]["source"]["line"] == 1338


def test_json_footnotes(stdout_json: dict[str, Any]) -> None:
    footnotes = stdout_json["footnotes"]
    assert len(footnotes) == 73
    assert set(footnotes[0]) == {"number", "anchor_line", "confidence", "text"}


def test_output_file_and_review(phu_luc_2_path: Path, tmp_path: Path) -> None:
    out, review = tmp_path / "catalogue.yaml", tmp_path / "review.md"
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(phu_luc_2_path),
            "-o",
            str(out),
            "--review",
            str(review),
            "--plan-code",
            "hy",
        ],
    )
    assert result.exit_code == 0, result.output
    catalogue = read_catalogue(out)
    assert catalogue.plan.code == "hy"
    assert len(catalogue.indicators) >= 58
    assert review.read_text(encoding="utf-8").startswith("# Rà soát danh mục chỉ tiêu")


def test_yaml_on_stdout_by_default(phu_luc_2_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(phu_luc_2_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("schema_version: 1\nplan:\n  code: hung_yen_2025_2030\n")


def test_json_output_file_is_the_catalogue_file_format(
    phu_luc_2_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "catalogue.json"
    result = CliRunner().invoke(main, ["ingest", str(phu_luc_2_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_catalogue(out).plan.code == "hung_yen_2025_2030"
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1


def test_unreadable_file_type_exits_2_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.odt"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(path)])
    assert result.exit_code == 2
    assert "Không đọc được loại tệp .odt" in result.stderr


@pytest.mark.parametrize("name", ["ra-soat.html", "ra-soat.HTM"])
def test_an_html_review_file_gets_an_html_page(
    phu_luc_2_path: Path, tmp_path: Path, name: str
) -> None:
    review = tmp_path / name
    result = CliRunner().invoke(main, ["ingest", str(phu_luc_2_path), "--review", str(review)])
    assert result.exit_code == 0, result.output
    text = review.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="vi">' in text

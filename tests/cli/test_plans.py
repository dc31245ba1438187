"""`chitieu plans --format json`: the loaded plans, past terms among them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from tests.web.builders import web_catalogue


@pytest.mark.django_db
def test_plans_json_lists_code_name_term_of_each_loaded_plan(tmp_path: Path) -> None:
    catalogue = web_catalogue()
    path = tmp_path / "c.yaml"
    write_catalogue(catalogue, path)
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(path)]).exit_code == 0
    result = runner.invoke(main, ["plans", "--format", "json"])
    assert result.exit_code == 0, result.output
    plans = json.loads(result.output)
    expected = {catalogue.plan.code} | {t.code for t in catalogue.past_terms}
    assert {p["code"] for p in plans} == expected
    assert all(set(p) == {"code", "name", "term"} for p in plans)
    plan = next(p for p in plans if p["code"] == catalogue.plan.code)
    assert plan["term"] == f"{catalogue.plan.term_start}-{catalogue.plan.term_end}"


@pytest.mark.django_db
def test_plans_on_an_empty_store_says_to_load() -> None:
    result = CliRunner().invoke(main, ["plans"])
    assert result.exit_code == 0 and "chitieu load" in result.output

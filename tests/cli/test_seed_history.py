"""`chitieu seed-history`: lists the ambiguous results it did not store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from tests.web.builders import web_catalogue


@pytest.mark.django_db
def test_seed_history_lists_ambiguous_results(tmp_path: Path) -> None:
    path = tmp_path / "hung_yen.yaml"
    write_catalogue(web_catalogue(), path)
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(path)]).exit_code == 0
    result = runner.invoke(main, ["seed-history", str(path)])
    assert result.exit_code == 0, result.output
    assert "Đã lưu 3 số liệu" in result.output
    assert "328,096" in result.output


@pytest.mark.django_db
def test_seed_history_before_load_says_so(tmp_path: Path) -> None:
    path = tmp_path / "hung_yen.yaml"
    write_catalogue(web_catalogue(), path)
    result = CliRunner().invoke(main, ["seed-history", str(path)])
    assert result.exit_code == 1 and "chitieu load" in result.output

"""`chitieu template PLAN --year 2026 -o mau.xlsx`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store

__all__ = ["store"]  # fixtures


def test_template_writes_the_workbook(store: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    result = CliRunner().invoke(
        main, ["template", "hung_yen_2025_2030", "--year", "2026", "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "2 chỉ tiêu" in result.output
    assert "KINH TẾ" in openpyxl.load_workbook(path).sheetnames


def test_an_unknown_plan_fails_with_a_message(store: dict[str, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["template", "khong_co", "--year", "2026"])
    assert result.exit_code == 1 and "khong_co" in result.output

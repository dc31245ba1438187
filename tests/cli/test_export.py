"""`chitieu export`: CSV on stdout by default, .xlsx by extension."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from chitieu.cli import main
from tests.web.fixtures import store, user

__all__ = ["store", "user"]  # fixtures


def record(store: dict[str, Any]) -> None:
    from chitieu.web.figures.services import record_figure

    record_figure(
        store["grdp"], store["province"], "2026", "uoc", Decimal("8.1"),
        actor=None, expected_version=None, source="Cục Thống kê",
    )  # fmt: skip


def test_export_prints_csv(store: dict[str, Any]) -> None:
    record(store)
    result = CliRunner().invoke(main, ["export"])
    assert result.exit_code == 0, result.output
    assert 'kt.grdp.tang_truong,hung_yen,2026,"8,1",ước,%/năm,Cục Thống kê,' in result.output


def test_export_writes_xlsx_with_numbers(store: dict[str, Any], tmp_path: Path) -> None:
    record(store)
    path = tmp_path / "so_lieu.xlsx"
    result = CliRunner().invoke(main, ["export", "-o", str(path)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet["D2"].value == 8.1

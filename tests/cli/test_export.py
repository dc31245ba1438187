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


def test_export_sdmx_csv_with_its_structure(store: dict[str, Any], tmp_path: Path) -> None:
    import io

    import sdmx

    record(store)
    data, dsd = tmp_path / "so_lieu.csv", tmp_path / "dsd.xml"
    result = CliRunner().invoke(
        main, ["export", "--format", "sdmx-csv", "-o", str(data), "--structure", str(dsd)]
    )
    assert result.exit_code == 0, result.output
    structure = sdmx.read_sdmx(io.BytesIO(dsd.read_bytes()))
    dataflow = structure.dataflow["DF_FIGURES"]
    message = sdmx.read_sdmx(io.BytesIO(data.read_bytes()), format="CSV", structure=dataflow)
    (observation,) = message.data[0].obs
    assert observation.value == "8.1"
    assert observation.dimension["REF_AREA"].value == "hung_yen"


def test_export_json_filtered_by_view_prints_only_counted_figures(store: dict[str, Any]) -> None:
    import json

    record(store)
    official = CliRunner().invoke(main, ["export", "--format", "json", "--view", "chinh-thuc"])
    working = CliRunner().invoke(main, ["export", "--format", "json", "--view", "du-thao"])
    assert json.loads(official.output)["figures"] == []
    assert [f["value"] for f in json.loads(working.output)["figures"]] == ["8.1"]


def test_exported_sdmx_imports_back_unchanged(store: dict[str, Any], tmp_path: Path) -> None:
    record(store)
    path = tmp_path / "sdmx.csv"
    CliRunner().invoke(main, ["export", "--format", "sdmx-csv", "-o", str(path)])
    result = CliRunner().invoke(main, ["import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "0 số liệu mới, 0 số liệu sửa, 1 không đổi" in result.output


def test_export_with_an_unknown_plan_says_so(store: dict[str, Any]) -> None:
    result = CliRunner().invoke(main, ["export", "--plan", "khong_co"])
    assert result.exit_code != 0
    assert "Không có kế hoạch mã “khong_co”" in result.output


def test_excel_needs_a_file(store: dict[str, Any]) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "xlsx"])
    assert result.exit_code != 0 and "Xuất Excel cần -o tệp.xlsx" in result.output


def test_export_writes_the_targets_beside_the_figures(
    store: dict[str, Any], tmp_path: Path
) -> None:
    targets = tmp_path / "muc_tieu.csv"
    plan = store["grdp"].plan.code
    result = CliRunner().invoke(main, ["export", "--plan", plan, "--targets", str(targets)])
    assert result.exit_code == 0, result.output
    assert targets.read_text(encoding="utf-8").startswith("STRUCTURE,STRUCTURE_ID,ACTION,PLAN,")
    assert f",{plan},{store['grdp'].code.replace('.', '-')}," in targets.read_text(encoding="utf-8")


def test_exported_sdmx_json_imports_back_unchanged(store: dict[str, Any], tmp_path: Path) -> None:
    record(store)
    path = tmp_path / "so_lieu.json"
    CliRunner().invoke(main, ["export", "--format", "sdmx-json", "-o", str(path)])
    result = CliRunner().invoke(main, ["import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "0 số liệu mới, 0 số liệu sửa, 1 không đổi" in result.output

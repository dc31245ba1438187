"""`chitieu assess CATALOGUE FIGURES`: each target's status from a figures file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from tests.catalog.builders import small_catalogue

HEADER = "indicator,locality,period,value,status\n"
# 9,6%/năm every year against 10-11%: 96% of the lower end.
GROWTH = "".join(
    f'kt.grdp.tang_truong,hung_yen,{year},"9,6",chinh_thuc\n' for year in range(2026, 2031)
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    catalogue = tmp_path / "catalogue.yaml"
    write_catalogue(small_catalogue(), catalogue)
    figures = tmp_path / "so_lieu.csv"
    figures.write_text(HEADER + GROWTH, encoding="utf-8")
    return catalogue, figures


def _json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["assess", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_json_gives_each_targets_status_with_its_reason(files: tuple[Path, Path]) -> None:
    (row,) = _json(*map(str, files))["results"]
    assert {"code", "locality", "target", "value", "status_label", "provisional", "reason"} <= set(
        row
    )
    assert (row["code"], row["locality"], row["value"]) == (
        "kt.grdp.tang_truong",
        "hung_yen",
        "9,6",
    )
    assert row["status_label"] == "Cơ bản đạt"
    assert "^" not in row["reason"]
    assert row["working"][0].endswith(
        "(1,096 × 1,096 × 1,096 × 1,096 × 1,096)^(1/5) − 1 = 9,6%/năm"
    )


def test_the_tolerance_option_is_applied(files: tuple[Path, Path]) -> None:
    (row,) = _json(*map(str, files), "--tolerance", "0")["results"]
    assert row["status_label"] == "Không đạt"


def test_as_of_an_earlier_year_makes_the_result_provisional(files: tuple[Path, Path]) -> None:
    (row,) = _json(*map(str, files), "--as-of", "2027")["results"]
    assert row["provisional"] is True


def test_no_figures_means_no_data(files: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text(HEADER, encoding="utf-8")
    (row,) = _json(str(files[0]), str(empty))["results"]
    assert row["status_label"] == "Chưa có số liệu"


def test_the_default_output_is_a_table(files: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["assess", *map(str, files)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("Mã chỉ tiêu")


def test_an_invalid_tolerance_is_refused(files: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["assess", *map(str, files), "--tolerance", "2"])
    assert result.exit_code == 2

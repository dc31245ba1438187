"""`chitieu outlook`: the JSON contract (paths, ratings, coherence, claims) and the text report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chitieu.catalog.io import write_catalogue
from chitieu.cli import main
from tests.outlook.test_coherence import plan_catalogue


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    path = tmp_path / "ke_hoach.yaml"
    write_catalogue(plan_catalogue(), path)
    return path


def run(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["outlook", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_json_has_the_contract_keys(catalogue_file: Path) -> None:
    data = run(str(catalogue_file))
    assert {"paths", "ratings", "coherence", "claims"} <= set(data)
    check = data["coherence"][0]
    assert set(check) >= {
        "check",
        "inputs",
        "formula",
        "result",
        "verdict",
        "assumptions",
        "explanation",
    }


def test_paths_run_from_the_2025_baseline(catalogue_file: Path) -> None:
    # 328.283 × (600.000 / 328.283)^(1/5) = 370.364,2 in 2026; the last milestone is the target
    rows = [r for r in run(str(catalogue_file))["paths"] if r["code"] == "kt.grdp.quy_mo"]
    assert [r["year"] for r in rows] == [2026, 2027, 2028, 2029, 2030]
    assert round(rows[0]["required"], 1) == 370364.2 and rows[-1]["required"] == 600000


def test_level_target_without_baseline_is_listed_as_missing(catalogue_file: Path) -> None:
    missing = {m["code"] for m in run(str(catalogue_file))["missing"]}
    assert "kt.thu_ngan_sach.noi_dia" in missing


def test_ratings_from_a_figures_csv(catalogue_file: Path, tmp_path: Path) -> None:
    figures = tmp_path / "so_lieu.csv"
    figures.write_text(
        "indicator,locality,period,value,status\nkt.grdp.quy_mo,hung_yen,2026,380000,chinh_thuc\n",
        encoding="utf-8",
    )
    (rating,) = run(str(catalogue_file), str(figures))["ratings"]
    # 380.000 is above the 2026 milestone 370.364: on track
    assert rating["code"] == "kt.grdp.quy_mo" and rating["rating"] == "on_track"
    assert rating["reason"].startswith("Tốc độ tăng thực tế")
    assert any(line.startswith("Tỷ lệ tiến độ R = ") for line in rating["working"])


def test_assumptions_file_is_used_and_recorded(catalogue_file: Path, tmp_path: Path) -> None:
    override = tmp_path / "gia_dinh.yaml"
    override.write_text("deflator_low: 3\n", encoding="utf-8")
    data = run(str(catalogue_file), "--assumptions", str(override))
    deflator = next(c for c in data["coherence"] if c["check"] == "grdp.giam_phat_ngu_y")
    assert deflator["verdict"] == "incoherent" and data["assumptions"]["deflator_low"] == "3"


def test_text_report_is_vietnamese(catalogue_file: Path) -> None:
    result = CliRunner().invoke(main, ["outlook", str(catalogue_file)])
    assert result.exit_code == 0 and "TÍNH NHẤT QUÁN CỦA KẾ HOẠCH" in result.output


def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["outlook", str(path)])
    assert result.exit_code != 0 and "danh mục" in result.output


def test_text_paths_show_names_units_and_rounded_values(catalogue_file: Path) -> None:
    """A GRDP milestone reads "370.364 tỷ đồng", not "370.364,169711" after a bare code."""
    result = CliRunner().invoke(main, ["outlook", str(catalogue_file)])
    paths = result.output.split("TÍNH NHẤT QUÁN")[0]
    line = next(x for x in paths.splitlines() if "kt.grdp.quy_mo" in x)
    assert "2026: 370.364 tỷ đồng" in line
    assert "ty_dong" not in paths and "pct_per_year" not in paths

"""`chitieu catalog check`: schema and meaning, every problem named with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from chitieu.catalog.io import dumps
from chitieu.cli import main
from chitieu.ingest.pipeline import ingest


@pytest.fixture(scope="module")
def catalogue_text(seed_lines: list[str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The catalogue of Phụ lục 2 alone (lines 1322-1585): small and fast to check."""
    path = tmp_path_factory.mktemp("catalog") / "phu-luc-2.txt"
    path.write_text("\n".join(seed_lines[1321:1585]), encoding="utf-8")
    return dumps(ingest(path))


def check(tmp_path: Path, text: str) -> Result:
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["catalog", "check", str(path)])


def edited(text: str, edit: dict[str, object], *, index: int = 1) -> str:
    data = yaml.safe_load(text)
    data["indicators"][index].update(edit)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_ingested_catalogue_is_valid(tmp_path: Path, catalogue_text: str) -> None:
    result = check(tmp_path, catalogue_text)
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.stdout and "58 chỉ tiêu" in result.stdout


def test_duplicate_code(tmp_path: Path, catalogue_text: str) -> None:
    result = check(tmp_path, edited(catalogue_text, {"code": "kt.grdp.tang_truong"}))
    assert result.exit_code == 1
    assert "Mã chỉ tiêu 'kt.grdp.tang_truong' bị trùng (2 lần)" in result.stderr


def test_unknown_parent(tmp_path: Path, catalogue_text: str) -> None:
    result = check(tmp_path, edited(catalogue_text, {"parent": "kt.khong_co"}))
    assert result.exit_code == 1
    assert "tại indicators/1 (kt.grdp.quy_mo): chỉ tiêu cha 'kt.khong_co'" in result.stderr


def test_unknown_group(tmp_path: Path, catalogue_text: str) -> None:
    result = check(tmp_path, edited(catalogue_text, {"group": "quoc_phong"}))
    assert result.exit_code == 1
    assert "nhóm 'quoc_phong' không có trong danh mục" in result.stderr


def test_unknown_unit(tmp_path: Path, catalogue_text: str) -> None:
    result = check(tmp_path, edited(catalogue_text, {"unit": "ty_vnd"}))
    assert result.exit_code == 1
    assert "tại indicators/1 (kt.grdp.quy_mo): mã đơn vị 'ty_vnd'" in result.stderr


def test_reversed_period(tmp_path: Path, catalogue_text: str) -> None:
    data = yaml.safe_load(catalogue_text)
    data["indicators"][0]["targets"][0]["period"] = "2030-2026"
    result = check(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert result.exit_code == 1
    assert "indicators/0 (kt.grdp.tang_truong)/targets/0: giai đoạn 2030-2026 bị đảo ngược" in (
        result.stderr
    )


def test_schema_violation_names_its_place(tmp_path: Path, catalogue_text: str) -> None:
    data = yaml.safe_load(catalogue_text)
    del data["indicators"][2]["code"]
    result = check(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert result.exit_code == 1
    assert "tại indicators/2" in result.stderr


def test_every_problem_is_reported(tmp_path: Path, catalogue_text: str) -> None:
    text = edited(edited(catalogue_text, {"unit": "x1"}, index=1), {"unit": "x2"}, index=2)
    result = check(tmp_path, text)
    assert "(2 lỗi)" in result.stderr

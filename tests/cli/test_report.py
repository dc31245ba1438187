"""`chitieu report`: the results table from stored figures equals the document's; progress files open."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from openpyxl import load_workbook

from chitieu.catalog.io import write_catalogue
from chitieu.catalog.model import Catalogue
from chitieu.cli import main
from chitieu.ingest.pipeline import ingest
from chitieu.reports.model import HEADER, RowKind
from chitieu.reports.results import results_from_catalogue

_MARK = re.compile(r"\(\d+\)$")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Catalogue, Path]:
    catalogue = ingest(seed_path)
    path = tmp_path_factory.mktemp("catalogue") / "hung_yen.yaml"
    write_catalogue(catalogue, path)
    return catalogue, path


def _loaded(path: Path) -> CliRunner:
    runner = CliRunner()
    result = runner.invoke(main, ["load", str(path), "--seed-history"])
    assert result.exit_code == 0, result.output
    return runner


@pytest.mark.django_db
def test_results_docx_from_the_store_has_the_catalogue_data_rows(
    real: tuple[Catalogue, Path], tmp_path: Path
) -> None:
    """Group rows are compared in tests/reports (the store names only the plan's groups)."""
    catalogue, path = real
    runner = _loaded(path)
    out = tmp_path / "1a.docx"
    args = ["report", "results", "--plan", "hung_yen_cu_2020_2025", "--format", "docx", "-o"]
    result = runner.invoke(main, [*args, str(out)])
    assert result.exit_code == 0, result.output
    grid = next(
        t for t in open_docx(str(out)).tables if tuple(c.text for c in t.rows[0].cells) == HEADER
    )
    stored = [[c.text for c in r.cells] for r in grid.rows[1:]]
    stored = [[*r[:5], _MARK.sub("", r[5])] for r in stored if len(set(r[1:])) > 1 or r[0] == ""]
    expected = results_from_catalogue(catalogue, "hung_yen_cu_2020_2025")
    wanted = [list(r.cells) for r in expected.rows if r.kind is not RowKind.GROUP]
    assert [r for r in stored if r[1] in {w[1] for w in wanted}] == wanted


@pytest.mark.django_db
def test_progress_xlsx_for_2026_opens_with_one_sheet_per_part(
    real: tuple[Catalogue, Path], tmp_path: Path
) -> None:
    _, path = real
    runner = _loaded(path)
    out = tmp_path / "p.xlsx"
    args = ["report", "progress", "--plan", "hung_yen_2025_2030", "--year", "2026"]
    result = runner.invoke(main, [*args, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(BytesIO(out.read_bytes()))
    assert book.sheetnames == ["Chỉ tiêu", "Nguy cơ không đạt", "Tính nhất quán", "Nhiệm vụ"]
    values = [c.value for row in book["Chỉ tiêu"].iter_rows() for c in row]
    assert "Chưa có số liệu" in values


@pytest.mark.django_db
def test_an_unknown_plan_is_refused_in_vietnamese(tmp_path: Path) -> None:
    args = ["report", "results", "--plan", "khong_co", "--format", "docx", "-o"]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "x.docx")])
    assert result.exit_code == 1 and "Không có kế hoạch mã" in result.output

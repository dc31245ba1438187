"""The entry template: codes hidden, units shown, cells validated, and it imports back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from chitieu.ingest.figures_file import read_figures
from chitieu.web.figures.imports import import_figures
from chitieu.web.figures.models import Figure
from chitieu.web.figures.template import TemplateError, write_template

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(store: dict[str, Any], tmp_path: Path) -> Path:
    path = tmp_path / "mau.xlsx"
    assert write_template("hung_yen_2025_2030", 2026, path) == 2
    return path


def test_one_sheet_per_group_after_the_instructions(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Hướng dẫn", "_danh_sach", "KINH TẾ", "XÃ HỘI"]
    assert book["_danh_sach"].sheet_state == "hidden"


def test_codes_are_hidden_but_present_and_units_shown(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["KINH TẾ"]
    assert sheet.column_dimensions["A"].hidden
    assert [sheet["A2"].value, sheet["D2"].value, sheet["E2"].value, sheet["F2"].value] == [
        "kt.grdp.tang_truong",
        "%/năm",
        "hung_yen",
        "2026",
    ]


def test_value_and_status_cells_are_validated(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["KINH TẾ"]
    kinds = {(v.type, str(v.sqref)) for v in sheet.data_validations.dataValidation}
    assert kinds == {("decimal", "G2:G502"), ("list", "H2:H502")}


def test_an_untouched_template_imports_nothing(template: Path) -> None:
    assert import_figures(read_figures(template), actor=None).changes == []


def test_a_filled_template_imports(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    book["XÃ HỘI"]["G2"] = 11.5
    book["XÃ HỘI"]["H2"] = "ước"
    book.save(template)
    import_figures(read_figures(template), actor=None)
    assert Figure.objects.get().value == Decimal("11.5")


def test_an_unknown_plan_is_refused(store: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="khong_co"):
        write_template("khong_co", 2026, tmp_path / "x.xlsx")


def test_an_indicator_name_that_looks_like_a_formula_is_written_as_text(
    store: dict[str, Any], tmp_path: Path
) -> None:
    hostile = '=HYPERLINK("http://ke-xau.invalid","Mở")'
    store["grdp"].name = hostile
    store["grdp"].save(update_fields=["name"])
    path = tmp_path / "mau.xlsx"
    write_template(store["grdp"].plan.code, 2026, path)
    book = openpyxl.load_workbook(path)
    cells = [c for s in book.worksheets for r in s.iter_rows() for c in r if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)

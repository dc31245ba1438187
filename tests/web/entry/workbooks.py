"""Filled copies of the real Excel entry template (figures.template.write_template)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from chitieu.web.figures.template import write_template

# (sheet, row) of each indicator in the template of the test plan.
GRDP_ROW = ("KINH TẾ", 2)
DOCTORS_ROW = ("XÃ HỘI", 2)
VALUE, STATUS = "G", "H"


def filled_template(
    folder: Path, cells: dict[tuple[str, int], tuple[str, str]], *, name: str = "so_lieu.xlsx"
) -> Path:
    """The 2026 template with (value as typed, status word) written at the given rows."""
    path = folder / name
    write_template("hung_yen_2025_2030", 2026, path)
    workbook = openpyxl.load_workbook(path)
    for (sheet, row), (value, status) in cells.items():
        workbook[sheet][f"{VALUE}{row}"] = value
        workbook[sheet][f"{STATUS}{row}"] = status
    workbook.save(path)
    return path

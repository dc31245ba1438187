"""Text that a spreadsheet must not run: OWASP's CSV-injection guidance, for .xlsx and .csv.

A task note, a source or a name that starts with `=` (or `+`, `-`, `@`, a tab, a carriage
return) would be a live formula in the Excel report every role downloads. In a workbook
we keep the text exactly and store the cell as text; in a CSV, which has no cell types,
the text gets a leading apostrophe, which our own import takes off again.
"""

from __future__ import annotations

import re
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_NUMBER = re.compile(r"[+-]?\d[\d.,]*")  # a signed number (-1,5) is data, not a formula


def csv_text(value: Any) -> Any:
    """A free-text CSV cell, escaped when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return ESCAPE + value
    return value


def unescape_csv_text(text: str) -> str:
    """The text `csv_text` escaped, as it was."""
    if (
        text.startswith(ESCAPE)
        and text[1:].startswith(TRIGGERS)
        and not _NUMBER.fullmatch(text[1:])
    ):
        return text[1:]
    return text


def formulas_as_text(workbook: Any) -> Any:
    """Every cell openpyxl took for a formula (a string starting with "=") stored as text.

    The reports write no formula of their own, so every formula cell came from data."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    return workbook


def text_row(values: list[Any]) -> list[Any]:
    """A CSV row with every text cell escaped (`csv_text`); numbers and codes pass unchanged."""
    return [csv_text(value) for value in values]


def workbook_row(sheet: Any, values: list[Any]) -> list[Any]:
    """A write-only sheet's row in which text that starts with "=" stays text."""
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row

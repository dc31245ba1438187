"""Text that a spreadsheet must not run: OWASP's CSV-injection guidance, for .xlsx and .csv.

A task note, a source or a name that starts with `=` (or `+`, `-`, `@`, a tab, a carriage
return) would be a live formula in the Excel report every role downloads. In a workbook
we keep the text exactly and store the cell as text; in a CSV, which has no cell types,
the text gets a leading apostrophe, which our own import takes off again.
"""

from __future__ import annotations

from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def csv_text(value: Any) -> Any:
    """A free-text CSV cell, escaped when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return ESCAPE + value
    return value


def unescape_csv_text(text: str) -> str:
    """The text `csv_text` escaped, as it was."""
    if text.startswith(ESCAPE) and text[1:].startswith(TRIGGERS):
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
